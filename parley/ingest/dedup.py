"""Near-duplicates: MinHash signatures of word shingles in an LSH index (datasketch).

Wire copies and lightly edited re-publications share most of their word 4-grams; the
index proposes candidates and the estimated Jaccard similarity confirms them.
Signatures are stored with each document, and the index is rebuilt from the store when
an ingest starts, so clusters form across runs.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from parley.store import Store

_WORD = re.compile(r"\w+")
MIN_WORDS = 12
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it


class NearDuplicates:
    """An LSH index over the MinHash signatures of the stored documents."""

    def __init__(self, threshold: float, num_perm: int, shingle_words: int) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._signatures: dict[str, Any] = {}

    def load(self, store: Store) -> None:
        for doc_id, blob in store.signatures():
            self.add(doc_id, self.from_bytes(blob))

    def signature(self, text: str) -> Any | None:
        """The MinHash of the text's word shingles; None for texts too short to compare."""
        from datasketch import MinHash

        words = _WORD.findall(text.lower())
        if len(words) < MIN_WORDS:
            return None
        k = self.shingle_words
        shingles = {" ".join(words[i : i + k]).encode("utf-8") for i in range(len(words) - k + 1)}
        minhash = MinHash(num_perm=self.num_perm, scheme=SCHEME)
        minhash.update_batch(list(shingles))
        return minhash

    def to_bytes(self, minhash: Any) -> bytes:
        return bytes(np.asarray(minhash.hashvalues, dtype="<u8").tobytes())

    def from_bytes(self, blob: bytes) -> Any:
        from datasketch import MinHash

        values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
        return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)

    def near(self, minhash: Any, exclude: str) -> list[str]:
        """Stored documents whose estimated Jaccard similarity reaches the threshold."""
        found = []
        for doc_id in self._lsh.query(minhash):
            if doc_id != exclude and minhash.jaccard(self._signatures[doc_id]) >= self.threshold:
                found.append(doc_id)
        return sorted(found)

    def add(self, doc_id: str, minhash: Any) -> None:
        if doc_id in self._signatures:
            self._lsh.remove(doc_id)
            del self._signatures[doc_id]
        if minhash is not None:
            self._lsh.insert(doc_id, minhash)
            self._signatures[doc_id] = minhash
