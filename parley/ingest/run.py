"""One ingest run: inputs -> articles -> documents -> store, surviving bad inputs."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from parley import __version__
from parley.errors import InputError, StoreError
from parley.ingest.dedup import NearDuplicates
from parley.ingest.document import Article, to_document
from parley.ingest.sources import Options, expand, read
from parley.settings import default
from parley.store import Store

OUTCOMES = ("stored", "revised", "unchanged", "duplicate", "rejected")
_LOG_BATCH = 200


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


class Ingester:
    """Writes articles to a store one transaction each, with dedup and revisions."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.near = NearDuplicates(
            threshold=float(default("near_duplicate_threshold")),
            num_perm=int(default("minhash_permutations")),
            shingle_words=int(default("shingle_words")),
        )
        self.near.load(store)

    def add(self, article: Article) -> Outcome:
        doc = to_document(article)
        existing = self.store.get(doc.id) or (doc.url and self.store.find_by_url(doc.url)) or None
        if existing is not None:
            if existing.document.content_hash == doc.content_hash:
                # the same input again is unchanged; the same text from elsewhere a duplicate
                same_input = existing.document.source == doc.source
                return Outcome(
                    doc.source,
                    "unchanged" if same_input else "duplicate",
                    existing.document.id,
                    reason=None if same_input else f"same text as {existing.document.id}",
                    cluster_id=existing.cluster_id,
                )
            doc = dataclasses.replace(doc, id=existing.document.id)
            outcome = "revised"
        else:
            duplicate_of = self.store.find_by_hash(doc.content_hash)
            if duplicate_of is not None:
                return Outcome(
                    doc.source, "duplicate", duplicate_of, reason=f"same text as {duplicate_of}"
                )
            outcome = "stored"
        minhash = self.near.signature(doc.text)
        near = self.near.near(minhash, exclude=doc.id) if minhash is not None else []
        signature = self.near.to_bytes(minhash) if minhash is not None else None
        result = self.store.write_document(doc, signature=signature, near=near)
        self.near.add(doc.id, minhash)
        return Outcome(doc.source, outcome, doc.id, cluster_id=result.cluster_id)


def ingest(
    inputs: list[str],
    store: Store,
    options: Options | None = None,
    *,
    stdin: BinaryIO | None = None,
    on_input: Callable[[str, int], None] | None = None,
) -> Report:
    """Ingest every input; bad ones are reported in the result, never raised.

    ``on_input(item, total)`` is called after each expanded input (for progress bars).
    """
    options = options or Options()
    items = expand(inputs)
    ingester = Ingester(store)
    report = Report(store.begin_run(len(items), __version__), store.url)
    pending: list[Outcome] = []

    def flush() -> None:
        store.log_items(report.run_id, [(o.source, o.outcome, o.doc_id, o.reason) for o in pending])
        pending.clear()

    for item in items:
        for found in read(item, options, stdin=stdin):
            if isinstance(found, InputError):
                outcome = Outcome(found.source, "rejected", reason=found.reason)
            else:
                try:
                    outcome = ingester.add(found)
                except InputError as exc:
                    outcome = Outcome(exc.source, "rejected", reason=exc.reason)
                except StoreError:
                    raise
                except Exception as exc:  # one bad article must not end the batch (STYLE #6)
                    outcome = Outcome(
                        found.source,
                        "rejected",
                        reason=(
                            f"internal error ({exc.__class__.__name__}: {exc}); please report it "
                            "with this input"
                        ),
                    )
            report.outcomes.append(outcome)
            pending.append(outcome)
            if len(pending) >= _LOG_BATCH:
                flush()
        if on_input is not None:
            on_input(item, len(items))
    flush()
    store.finish_run(report.run_id, "done", report.counts)
    return report
