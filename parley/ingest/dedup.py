"""Near-duplicates: MinHash signatures of word shingles in an LSH index (datasketch).

Wire copies and lightly edited re-publications share most of their word 4-grams; the
index proposes candidates and the estimated Jaccard similarity confirms them.
Signatures are stored with each document, and the index is rebuilt from the store when
an ingest starts, so clusters form across runs.
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from parley.store import Store

_WORD = re.compile(r"\w+")
MIN_WORDS = 12
_MIX = 0x01000193  # the 32-bit FNV prime, to mix word hashes into a shingle hash
SCHEME = "affine32"  # datasketch 2 hashing scheme; stored signatures depend on it


def _identity(value: int) -> int:
    return value


def shingle_hashes(words: list[str], k: int) -> list[int]:
    """32-bit hashes of the distinct k-word shingles: CRC32 per word, combined in numpy.

    Hashing each word once and mixing k of them is several times faster than hashing
    every shingle string, and as good for MinHash, whose random permutations come after.
    Stored signatures depend on this function: change it only with a migration.
    """
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), np.uint64, len(words))
    mixed = np.zeros(len(words) - k + 1, dtype=np.uint64)
    for offset in range(k):
        mixed = (mixed * np.uint64(_MIX) + hashes[offset : offset + len(mixed)]) & np.uint64(
            0xFFFFFFFF
        )
    return [int(h) for h in np.unique(mixed)]


class Signer:
    """MinHash signatures of texts, as bytes to store; the same in every process."""

    def __init__(self, num_perm: int, shingle_words: int) -> None:
        from datasketch import MinHash

        self.num_perm = num_perm
        self.shingle_words = shingle_words
        # the random permutations depend only on num_perm and the seed: draw them once
        self._permutations = MinHash(num_perm=num_perm, scheme=SCHEME).permutations

    def signature(self, text: str) -> bytes | None:
        """The MinHash of the text's word shingles; None for texts too short to compare."""
        from datasketch import MinHash

        words = _WORD.findall(text.lower())
        if len(words) < MIN_WORDS:
            return None
        minhash = MinHash(
            num_perm=self.num_perm,
            scheme=SCHEME,
            hashfunc=_identity,
            permutations=self._permutations,
        )
        minhash.update_batch(shingle_hashes(words, self.shingle_words))
        return bytes(np.asarray(minhash.hashvalues, dtype="<u8").tobytes())

    def minhash(self, blob: bytes) -> Any:
        from datasketch import MinHash

        values = np.frombuffer(blob, dtype="<u8").astype(np.uint64)
        return MinHash(
            hashvalues=values, scheme=SCHEME, hashfunc=_identity, permutations=self._permutations
        )


class NearDuplicates:
    """An LSH index over the MinHash signatures of the stored documents."""

    def __init__(self, signer: Signer, threshold: float) -> None:
        from datasketch import MinHashLSH

        self.signer = signer
        self.threshold = threshold
        self._lsh = MinHashLSH(threshold=threshold, num_perm=signer.num_perm)
        self._minhashes: dict[str, Any] = {}

    def load(self, store: Store) -> None:
        for doc_id, blob in store.signatures():
            self.add(doc_id, blob)

    def near(self, blob: bytes, exclude: str) -> list[str]:
        """Indexed documents whose estimated Jaccard similarity reaches the threshold."""
        minhash = self.signer.minhash(blob)
        found = []
        for doc_id in self._lsh.query(minhash):
            if doc_id != exclude and minhash.jaccard(self._minhashes[doc_id]) >= self.threshold:
                found.append(doc_id)
        return sorted(found)

    def add(self, doc_id: str, blob: bytes | None) -> None:
        """Index (or re-index, or with None forget) one document's signature."""
        if doc_id in self._minhashes:
            self._lsh.remove(doc_id)
            del self._minhashes[doc_id]
        if blob is not None:
            minhash = self.signer.minhash(blob)
            self._lsh.insert(doc_id, minhash)
            self._minhashes[doc_id] = minhash
