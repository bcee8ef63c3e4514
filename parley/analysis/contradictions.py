"""Contradictions across the store (`parley contradictions`): who says otherwise.

Three kinds, each a :class:`parley.records.Contradiction` with every side's speaker, medium,
outlet, date and sentence:

- **denial**: a statement denies what another asserts. The two are about the same thing when
  their contents name a shared issue or place (the theater's issue triggers, the place
  records inside the content), their actors agree (the actors named in both contents
  intersect, or one names none), their speakers are different sides (actor roots differ, or
  the speakers' words do), they lie in different sentences, and they were published at most
  ``window_days`` apart. Only factual claims can be denied: a statement of hope, expectation,
  warning or appeal ("expressed hope that ...") is no claim. A candidate pair is scored
  (shared issue 0.4, shared place 0.3, shared actor 0.2, plus the Jaccard overlap of content
  words) and kept from ``min_score``.
- **status**: an event reported as happened (``occurred`` or ``claimed``) and as ``denied``:
  same kind, intersecting actor roots in role ``a`` (or both empty), compatible dates (equal,
  one a prefix of the other, or either unknown) and places, different sentences, published
  at most ``window_days`` apart. A pair whose two sentences already form a denial is not
  repeated.
- **figures**: the disagreements of :func:`parley.analysis.figures.reconcile` (its own
  window of a few days, narrowed to ``window_days`` when that is smaller).

Pairs that share a record are merged into one group, so a claim denied by two parties is
one contradiction with three sides. Newest first.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from parley.analysis import figures
from parley.analysis.figures import Report, reconcile
from parley.analysis.topics import content_words, days_apart, issue_patterns, issues_in, overlap
from parley.records import Contradiction, ContradictionSide, Evidence
from parley.store import DocumentQuery, Store, StoredDocument
from parley.theater import Theater

WINDOW_DAYS = 14
MIN_SCORE = 0.5
# cue words of statements that voice a wish or an appeal rather than claim a fact
NOT_CLAIMS = ("hope", "optimis", "expect", "wish", "warn", "call", "urge", "appeal")


def _root(actor: str | None) -> str | None:
    return actor.split(".")[0] if actor else None


@dataclass(frozen=True)
class _Said:
    """A statement with what the comparison needs."""

    side: ContradictionSide
    polarity: str
    cue: str
    speaker_key: str
    issues: frozenset[str]
    places: frozenset[str]
    actors: frozenset[str]
    words: frozenset[str]


@dataclass(frozen=True)
class _Happened:
    side: ContradictionSide
    kind: str
    status: str
    a: frozenset[str]
    date: str | None
    place: str | None
    issues: tuple[str, ...]


def _inside(rows: list[dict[str, Any]], start: int, end: int) -> list[dict[str, Any]]:
    return [r for r in rows if r["start"] >= start and r["end"] <= end]


def _by_document(rows: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        grouped[row["document_id"]].append(row)
    return grouped


def _statements(
    store: Store, documents: dict[str, StoredDocument], theater: Theater
) -> list[_Said]:
    patterns = issue_patterns(theater)
    actors = _by_document(r for r in store.records("actors") if r["actor_id"])
    places = _by_document(store.records("places"))
    found = []
    for row in store.records("statements"):
        doc = documents.get(row["document_id"])
        if doc is None or row["content_start"] is None:
            continue
        text = doc.document.text
        start, end = row["content_start"], row["content_end"]
        content = text[start:end]
        speaker_key = _root(row["speaker_actor"]) or (row["speaker_text"] or "").lower()
        side = ContradictionSide(
            record_kind="statement",
            record_id=row["id"],
            stance="denies" if row["polarity"] == "deny" else "asserts",
            speaker=row["speaker_text"],
            actor=row["speaker_actor"],
            medium=row["medium"],
            outlet=doc.document.outlet,
            published=doc.document.published,
            text=content,
            sentence=text[row["start"] : row["end"]],
            evidence=Evidence(row["document_id"], row["start"], row["end"]),
        )
        doc_actors = actors.get(row["document_id"], [])
        doc_places = places.get(row["document_id"], [])
        found.append(
            _Said(
                side=side,
                polarity=row["polarity"],
                cue=(row["cue"] or "").lower(),
                speaker_key=speaker_key,
                issues=frozenset(issues_in(content, patterns)),
                places=frozenset(p["name"] for p in _inside(doc_places, start, end)),
                actors=frozenset(
                    str(_root(a["actor_id"])) for a in _inside(doc_actors, start, end)
                ),
                words=content_words(content),
            )
        )
    return found


def _close_in_time(a: ContradictionSide, b: ContradictionSide, window_days: int) -> bool:
    apart = days_apart(a.published, b.published)
    return apart is None or apart <= window_days


def _same_sentence(a: ContradictionSide, b: ContradictionSide) -> bool:
    return a.evidence == b.evidence


def _denial_score(claim: _Said, denial: _Said) -> float:
    """How surely a denial answers a claim (0 when they cannot be about the same thing)."""
    shared_issue = bool(claim.issues & denial.issues)
    shared_place = bool(claim.places & denial.places)
    if not (shared_issue or shared_place):
        return 0.0
    if claim.actors and denial.actors and not claim.actors & denial.actors:
        return 0.0
    return (
        0.4 * shared_issue
        + 0.3 * shared_place
        + 0.2 * bool(claim.actors & denial.actors)
        + overlap(claim.words, denial.words)
    )


def _denials(
    said: list[_Said], window_days: int, min_score: float
) -> list[tuple[ContradictionSide, ContradictionSide, tuple[str, ...]]]:
    claims = [
        s for s in said if s.polarity != "deny" and not any(word in s.cue for word in NOT_CLAIMS)
    ]
    pairs = []
    for denial in (s for s in said if s.polarity == "deny"):
        for claim in claims:
            if (
                claim.speaker_key == denial.speaker_key
                or _same_sentence(claim.side, denial.side)
                or not _close_in_time(claim.side, denial.side, window_days)
            ):
                continue
            if _denial_score(claim, denial) >= min_score:
                issues = tuple(sorted(claim.issues & denial.issues))
                pairs.append((claim.side, denial.side, issues))
    return pairs


def _events(store: Store, documents: dict[str, StoredDocument]) -> list[_Happened]:
    found = []
    for row in store.records("events"):
        doc = documents.get(row["document_id"])
        if doc is None or row["status"] not in ("occurred", "claimed", "denied"):
            continue
        a = [x for x in row["a"] if x]
        who = ", ".join(a) or "someone"
        summary = f"{row['kind']} by {who}" + (f" on {row['date']}" if row["date"] else "")
        sentence = doc.document.text[row["start"] : row["end"]]
        side = ContradictionSide(
            record_kind="event",
            record_id=row["id"],
            stance="denies" if row["status"] == "denied" else "asserts",
            speaker=None,
            actor=None,
            medium=None,
            outlet=doc.document.outlet,
            published=doc.document.published,
            text=summary,
            sentence=sentence,
            evidence=Evidence(row["document_id"], row["start"], row["end"]),
        )
        found.append(
            _Happened(
                side=side,
                kind=row["kind"],
                status=row["status"],
                a=frozenset(str(_root(x)) for x in a),
                date=row["date"],
                place=row["place"],
                issues=tuple(row["issues"]),
            )
        )
    return found


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _statuses(
    happened: list[_Happened], window_days: int
) -> list[tuple[ContradictionSide, ContradictionSide, tuple[str, ...]]]:
    reported = [h for h in happened if h.status != "denied"]
    pairs = []
    for denied in (h for h in happened if h.status == "denied"):
        for event in reported:
            if (
                event.kind == denied.kind
                and (event.a & denied.a or not (event.a or denied.a))
                and _compatible(event.date, denied.date)
                and (event.place is None or denied.place is None or event.place == denied.place)
                and not _same_sentence(event.side, denied.side)
                and _close_in_time(event.side, denied.side, window_days)
            ):
                issues = tuple(sorted(set(event.issues) | set(denied.issues)))
                pairs.append((event.side, denied.side, issues))
    return pairs


def _figure_side(report: Report) -> ContradictionSide:
    approx = "about " if report.approx else ""
    period = f" since {report.since}" if report.since else ""
    return ContradictionSide(
        record_kind="figure",
        record_id=report.record_id,
        stance=f"{report.value:,}",
        speaker=report.source,
        actor=report.source_actor,
        medium=None,
        outlet=report.outlet,
        published=report.published,
        text=f"{approx}{report.value:,}{period}",
        sentence=report.sentence,
        evidence=Evidence(report.doc_id, report.start, report.end),
    )


def _groups(
    pairs: Sequence[tuple[ContradictionSide, ContradictionSide, tuple[str, ...]]],
) -> list[tuple[list[ContradictionSide], set[str]]]:
    """Connected components of the pairs (sides that share a record are one group)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(key: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(key, key) != key:
            key = parent[key]
        return key

    sides: dict[tuple[str, int], ContradictionSide] = {}
    for a, b, _ in pairs:
        ka, kb = (a.record_kind, a.record_id), (b.record_kind, b.record_id)
        sides[ka], sides[kb] = a, b
        parent[find(ka)] = find(kb)
    members: dict[tuple[str, int], list[ContradictionSide]] = defaultdict(list)
    issues: dict[tuple[str, int], set[str]] = defaultdict(set)
    for key, side in sides.items():
        members[find(key)].append(side)
    for a, _, shared in pairs:
        issues[find((a.record_kind, a.record_id))].update(shared)
    return [
        (
            sorted(group, key=lambda s: (s.published or "", s.evidence.doc_id, s.evidence.start)),
            issues[root],
        )
        for root, group in members.items()
    ]


def _topic(sides: list[ContradictionSide], issues: set[str]) -> str:
    if issues:
        return ", ".join(sorted(issues))
    return sides[0].text[:60]


def contradictions(
    store: Store,
    theater: Theater,
    *,
    window_days: int = WINDOW_DAYS,
    min_score: float = MIN_SCORE,
) -> list[Contradiction]:
    """Every contradiction in the store, newest first (rules in the module doc)."""
    documents = {d.document.id: d for d in store.documents(DocumentQuery())}
    found: list[Contradiction] = []
    denials = _denials(_statements(store, documents, theater), window_days, min_score)
    seen = {frozenset((a.evidence, b.evidence)) for a, b, _ in denials}
    statuses = [
        pair
        for pair in _statuses(_events(store, documents), window_days)
        if frozenset((pair[0].evidence, pair[1].evidence)) not in seen
    ]
    for kind, pairs in (("denial", denials), ("status", statuses)):
        for sides, issues in _groups(pairs):
            found.append(
                Contradiction(kind, _topic(sides, issues), tuple(sorted(issues)), tuple(sides))
            )
    for group in reconcile(store, window_days=min(window_days, figures.WINDOW_DAYS)):
        figure_pairs = [(_figure_side(a), _figure_side(b), ()) for a, b in group.disagreements]
        for sides, _ in _groups(figure_pairs):
            found.append(Contradiction("figures", group.label, (), tuple(sides)))
    return sorted(found, key=lambda c: max(s.published or "" for s in c.sides), reverse=True)
