"""One ingest run: inputs -> articles -> documents -> store, surviving bad inputs.

Two stages. *Prepare* (read, decode, check metadata, detect the language, sign for
near-duplicates) is pure CPU work on one input and runs in worker processes when there
are many inputs. *Commit* (match against the store, find near-duplicates, write) runs in
this process, one transaction per document, in input order.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING, BinaryIO

from parley import __version__
from parley.errors import InputError, ParleyError
from parley.ingest.dedup import NearDuplicates, Signer
from parley.ingest.document import to_document
from parley.ingest.sources import Options, expand, read
from parley.records import Document, Extraction
from parley.settings import default
from parley.store import Store

if TYPE_CHECKING:
    from parley.extract import Extractor

OUTCOMES = ("stored", "revised", "unchanged", "duplicate", "rejected")
# Below this many inputs a worker's start-up costs more than it saves.
PARALLEL_FROM = {"fork": 32, "spawn": 1000}


def default_workers() -> int:
    """One preparing process beside the writing one, where there is a second core."""
    return 1 if (os.cpu_count() or 1) > 1 else 0


@dataclass(frozen=True)
class Outcome:
    """What happened to one article (or one refused input)."""

    source: str
    outcome: str
    doc_id: str | None = None
    reason: str | None = None
    cluster_id: int | None = None


@dataclass
class Report:
    run_id: int
    store: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        counter = Counter(o.outcome for o in self.outcomes)
        return {name: counter.get(name, 0) for name in OUTCOMES}

    @property
    def rejected(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome == "rejected"]

    def to_dict(self) -> dict[str, object]:
        return {
            "run": self.run_id,
            "store": self.store,
            "counts": self.counts,
            "documents": [dataclasses.asdict(o) for o in self.outcomes],
        }


@dataclass(frozen=True)
class Prepared:
    """A document ready to commit (with its MinHash signature), or why there is none."""

    doc: Document | None = None
    signature: bytes | None = None
    error: InputError | None = None


@lru_cache(maxsize=1)
def _signer() -> Signer:
    return Signer(int(default("minhash_permutations")), int(default("shingle_words")))


def prepare(item: str, options: Options, stdin: BinaryIO | None = None) -> list[Prepared]:
    """Everything one input yields; one bad article never stops the others (STYLE #6)."""
    prepared = []
    for found in read(item, options, stdin=stdin):
        if isinstance(found, InputError):
            prepared.append(Prepared(error=found))
            continue
        try:
            doc = to_document(found)
            prepared.append(Prepared(doc, _signer().signature(doc.text)))
        except InputError as exc:
            prepared.append(Prepared(error=exc))
        except Exception as exc:  # a bug must cost one article, not the batch
            reason = f"internal error ({exc.__class__.__name__}: {exc}); please report it"
            prepared.append(Prepared(error=InputError(found.source, reason)))
    return prepared


class Ingester:
    """Commits prepared documents: revisions, exact duplicates, story clusters."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.near = NearDuplicates(_signer(), float(default("near_duplicate_threshold")))
        self.near.load(store)

    def decide(self, doc: Document) -> tuple[Outcome | None, Document, str]:
        """Either a final outcome (unchanged, duplicate), or the document to write and how.

        A new revision takes the stored document's id (it may have matched by URL).
        """
        match = self.store.match(doc.id, doc.url, doc.content_hash)
        existing = match.existing
        if existing is not None:
            if existing.document.content_hash == doc.content_hash:
                # the same input again is unchanged; the same text from elsewhere a duplicate
                same_input = existing.document.source == doc.source
                final = Outcome(
                    doc.source,
                    "unchanged" if same_input else "duplicate",
                    existing.document.id,
                    reason=None if same_input else f"same text as {existing.document.id}",
                    cluster_id=existing.cluster_id,
                )
                return final, doc, final.outcome
            return None, dataclasses.replace(doc, id=existing.document.id), "revised"
        if match.duplicate_of is not None:
            final = Outcome(
                doc.source,
                "duplicate",
                match.duplicate_of,
                reason=f"same text as {match.duplicate_of}",
            )
            return final, doc, "duplicate"
        return None, doc, "stored"

    def write(
        self, doc: Document, signature: bytes | None, how: str, records: Extraction | None
    ) -> Outcome:
        """Store the document (and its records) in one transaction; index its signature."""
        near = self.near.near(signature, exclude=doc.id) if signature is not None else []
        result = self.store.write_document(doc, signature=signature, near=near, records=records)
        self.near.add(doc.id, signature)
        return Outcome(doc.source, how, doc.id, cluster_id=result.cluster_id)


def _prepared_inputs(
    items: list[str], options: Options, workers: int, stdin: BinaryIO | None
) -> Iterator[list[Prepared]]:
    """Prepared documents of each input, in input order, from workers when it pays."""
    # fork is cheap and safe while this process has no other thread (nothing to deadlock)
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork" and threading.active_count() > 1:
        method = "spawn"
    if workers < 1 or len(items) < PARALLEL_FROM[method] or "-" in items:
        yield from (prepare(item, options, stdin) for item in items)
        return
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        try:
            yield from pool.map(partial(prepare, options=options), items, chunksize=8)
        except BrokenProcessPool:
            raise ParleyError(
                "a worker process died (out of memory?); re-run with --workers 0"
            ) from None


def ingest(
    inputs: list[str],
    store: Store,
    options: Options | None = None,
    *,
    workers: int | None = None,
    extractor: Extractor | None = None,
    stdin: BinaryIO | None = None,
    on_input: Callable[[str, int], None] | None = None,
) -> Report:
    """Ingest every input; bad ones are reported in the result, never raised.

    With an ``extractor``, each stored document's records are extracted and written with
    it in one transaction, and ``workers`` > 1 runs the NLP pipeline in that many
    processes. Without one (``--no-extract``), ``workers`` processes prepare documents
    (default: one where there is a second core; 0 prepares in this process).
    ``on_input(item, total)`` is called after each expanded input (for progress bars).
    """
    options = options or Options()
    items = expand(inputs)
    ingester = Ingester(store)
    report = Report(store.begin_run(len(items), __version__), store.url)
    count = default_workers() if workers is None else workers
    batches = _prepared_inputs(items, options, 0 if extractor else count, stdin)
    results: dict[int, Outcome] = {}
    in_flight: dict[str, str] = {}  # content hash -> id of a document on its way to the store
    sent: dict[int, Document] = {}  # documents handed to extraction, by input number

    def candidates() -> Iterator[tuple[Document, tuple[int, bytes | None]]]:
        number = 0
        for item, prepared in zip(items, batches, strict=True):
            for entry in prepared:
                number += 1
                if entry.doc is None:
                    error = entry.error or InputError(item, "nothing found")
                    results[number] = Outcome(error.source, "rejected", reason=error.reason)
                    continue
                final, doc, _how = ingester.decide(entry.doc)
                if final is None and doc.content_hash in in_flight:
                    first = in_flight[doc.content_hash]
                    final = Outcome(doc.source, "duplicate", first, reason=f"same text as {first}")
                if final is not None:
                    results[number] = final
                    continue
                in_flight[doc.content_hash] = doc.id
                sent[number] = doc
                yield doc, (number, entry.signature)
            if on_input is not None:
                on_input(item, len(items))

    written: Iterator[tuple[Extraction | None, Document, tuple[int, bytes | None]]]
    if extractor is None:
        written = ((None, doc, context) for doc, context in candidates())
    else:
        written = (
            (records, records.document, context)
            for records, context in extractor.stream(candidates(), workers=count)
        )
    for records, doc, (number, signature) in written:
        # decide again: an earlier document of this batch may have been the same article
        final, decided, how = ingester.decide(doc)
        if final is None and extractor is not None and decided.id != doc.id:
            records = extractor.extract_one(decided)  # evidence must carry the stored id
        results[number] = final or ingester.write(decided, signature, how, records)
        in_flight.pop(doc.content_hash, None)
    for number, doc in sent.items():  # extraction failed on these: report, store nothing
        if number not in results:
            why = extractor.failures.get(doc.id, "in a worker process") if extractor else "?"
            reason = f"extraction failed ({why}); please report it with this input"
            results[number] = Outcome(doc.source, "rejected", reason=reason)
    report.outcomes = [results[n] for n in sorted(results)]
    store.log_items(
        report.run_id, [(o.source, o.outcome, o.doc_id, o.reason) for o in report.outcomes]
    )
    store.finish_run(report.run_id, "done", report.counts)
    return report
