"""The brief: what changed since a date, each sentence with its citations, as Markdown and as
escaped HTML; on records written by hand to a real store."""

from __future__ import annotations

import dataclasses
import json

import pytest

from parley.analysis.brief import Brief, BriefItem, brief
from parley.errors import ConfigError
from parley.export.brief import document_link, to_html, to_markdown
from parley.records import Document, Evidence, Extraction, Figure, Position
from parley.store import SqlStore
from parley.theater import default_theater
from tests.conftest import event_record

SINCE = "2025-03-10"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _position(
    doc: str,
    span: tuple[int, int],
    actor: str,
    issue: str,
    stance: str = "condition",
    requires: tuple[str, ...] = (),
) -> Position:
    return Position(
        actor=actor,
        issue=issue,
        stance=stance,
        requires=requires,
        cue="until",
        cue_start=span[0],
        cue_end=span[0] + 5,
        date=None,
        evidence=Evidence(doc, *span),
        confidence=0.8,
    )


def _figure(doc: str, span: tuple[int, int], value: int) -> Figure:
    return Figure(
        quantity="killed",
        value=value,
        approx=False,
        who=None,
        place="LBN",
        since="2023-10-08",
        until=None,
        source_text="the Lebanese health ministry",
        source_actor="LBN.GOV",
        part_of=False,
        number_start=span[0],
        number_end=span[0] + 4,
        evidence=Evidence(doc, *span),
        confidence=0.8,
    )


def _event(doc: str, span: tuple[int, int], kind: str, status: str, date: str | None, **kw):
    event = event_record(doc, span[0], kind=kind, status=status, date=date, **kw)
    return dataclasses.replace(event, evidence=Evidence(doc, *span))


class Article:
    """An article built sentence by sentence; ``span(i)`` is the i-th sentence's span."""

    def __init__(self, doc_id: str, published: str, outlet: str, *sentences: str) -> None:
        self.doc_id, self.published, self.outlet = doc_id, published, outlet
        self.spans: list[tuple[int, int]] = []
        text = ""
        for sentence in sentences:
            self.spans.append((len(text), len(text) + len(sentence)))
            text += sentence + " "
        self.text = text

    def span(self, index: int) -> tuple[int, int]:
        return self.spans[index]

    def write(self, store: SqlStore, *, events=(), positions=(), figures=()) -> None:
        document = Document(
            id=self.doc_id,
            text=self.text,
            title=f"Title of {self.doc_id}",
            outlet=self.outlet,
            published=self.published,
        )
        records = Extraction(
            document,
            events=tuple(events),
            positions=tuple(positions),
            figures=tuple(figures),
        )
        store.write_document(document, signature=None, near=[], records=records)


def _scenario(store: SqlStore) -> None:
    old = Article(
        "old",
        "2025-03-01",
        "Old Wire",
        "Israeli and Lebanese officials held talks on Saturday.",
        "Israel will not withdraw until Hezbollah disarms.",
        "Hezbollah will not disarm while Israel occupies the five points.",
        "Lebanon supports the ceasefire.",
        "Israeli troops will withdraw by March 15.",
        "A new round of talks will take place on March 5.",
        "The health ministry said 3,000 people have been killed since October 8, 2023.",
    )
    old.write(
        store,
        events=[
            _event("old", old.span(0), "talks", "occurred", "2025-03-01", a=("ISR.GOV", "LBN")),
            _event("old", old.span(4), "withdrawal", "planned", "2025-03-15"),
            _event("old", old.span(5), "talks", "planned", "2025-03-05", a=("LBN.GOV",)),
        ],
        positions=[
            _position("old", old.span(1), "ISR.GOV", "withdrawal", requires=("disarmament",)),
            _position("old", old.span(2), "HEZ", "disarmament", requires=("withdrawal",)),
            _position("old", old.span(3), "LBN.GOV", "ceasefire", stance="support"),
        ],
        figures=[_figure("old", old.span(6), 3000)],
    )
    hezbollah = Article(
        "hez", "2025-03-02", "Al Example", "Hezbollah will hold fire only once Israel does."
    )
    hezbollah.write(
        store,
        positions=[
            _position("hez", hezbollah.span(0), "HEZ", "ceasefire", requires=("ceasefire",))
        ],
    )
    new1 = Article(
        "new1",
        "2025-03-11",
        "Example Wire",
        "Negotiators met in Naqoura on Tuesday.",
        "Israel demands that Hezbollah halt its fire before anything else.",
        "Washington supports the deployment of the Lebanese army.",
        "Lebanon again backed the truce.",
    )
    new1.write(
        store,
        events=[
            _event(
                "new1",
                new1.span(0),
                "talks",
                "occurred",
                "2025-03-11",
                a=("ISR.MIL", "LBN"),
                place="Naqoura",
            )
        ],
        positions=[
            _position("new1", new1.span(1), "ISR.GOV", "ceasefire", requires=("ceasefire",)),
            _position("new1", new1.span(2), "USA.GOV", "army_deployment", stance="support"),
            _position("new1", new1.span(3), "LBN.GOV", "ceasefire", stance="support"),
        ],
    )
    new2 = Article(
        "new2",
        "2025-03-12",
        "Desk",
        "Israel now backs a withdrawal without conditions.",
        "Israeli troops withdrew from two villages, the army said.",
        "The health ministry said 3,100 people have been killed since October 8, 2023.",
    )
    new2.write(
        store,
        events=[_event("new2", new2.span(1), "withdrawal", "occurred", None)],
        positions=[_position("new2", new2.span(0), "ISR.GOV", "withdrawal", stance="support")],
        figures=[_figure("new2", new2.span(2), 3100)],
    )
    new3 = Article(
        "new3",
        "2025-03-13",
        "Desk",
        "Residents denied that any Israeli troops withdrew.",
        "The ministry said 2,500 people have been killed since October 8, 2023.",
    )
    new3.write(
        store,
        events=[_event("new3", new3.span(0), "withdrawal", "denied", None)],
        figures=[_figure("new3", new3.span(1), 2500)],
    )
    hostile = Article(
        "evil",
        "2025-03-20",
        f"Evil {SCRIPT} Wire",
        f"An Israeli drone struck {SCRIPT} a car on Wednesday {IMG}.",
    )
    hostile.write(
        store,
        events=[
            _event("evil", hostile.span(0), "attack", "occurred", "2025-03-19", place=IMG),
        ],
    )


@pytest.fixture
def briefed(store: SqlStore) -> Brief:
    _scenario(store)
    return brief(store, default_theater(), SINCE)


def _section(found: Brief, key: str) -> list[BriefItem]:
    return list(next(s for s in found.sections if s.key == key).items)


def _texts(found: Brief, key: str) -> list[str]:
    return [item.text for item in _section(found, key)]


def test_every_section_has_items_with_citations(briefed: Brief) -> None:
    assert [s.key for s in briefed.sections] == [
        "events",
        "positions",
        "deadlocks",
        "commitments",
        "contradictions",
        "figures",
    ]
    assert (briefed.since, briefed.until, briefed.newest) == (SINCE, None, "2025-03-20")
    for section in briefed.sections:
        assert section.items, section.key
        for item in section.items:
            assert item.citations, item.text
            for citation in item.citations:
                assert citation.quote and citation.end > citation.start
                assert citation.source and citation.date


def test_events_since_the_date_with_their_sources(briefed: Brief) -> None:
    events = _section(briefed, "events")
    talks = next(i for i in events if "talks" in i.text)
    assert talks.text == (
        "On 2025-03-11: talks by Israeli army and Lebanon in Naqoura, on withdrawal "
        "(reported as happened; 1 source)."
    )
    (citation,) = talks.citations
    assert (citation.doc_id, citation.source, citation.date, citation.start) == (
        "new1",
        "Example Wire",
        "2025-03-11",
        0,
    )
    assert citation.quote == "Negotiators met in Naqoura on Tuesday."
    assert any(i.text.startswith("On 2025-03-19: an attack by Israeli army") for i in events)
    assert all((i.date or "") >= SINCE for i in events)


def test_nothing_before_since_appears(briefed: Brief) -> None:
    for section in briefed.sections:
        for item in section.items:
            assert (item.date or "") >= SINCE, item.text
    events = " ".join(_texts(briefed, "events"))
    assert "2025-03-01" not in events and "2025-03-05" not in events
    assert all("2025-03-05" not in t for t in _texts(briefed, "commitments"))
    # the old article is cited only where it reports a happening of the window: the planned
    # withdrawal of March 15, which later reports say happened
    old_talks = ("old", 0)
    cited = {(c.doc_id, c.start) for s in briefed.sections for i in s.items for c in i.citations}
    assert old_talks not in cited
    for item in _section(briefed, "events"):
        if any(c.doc_id == "old" for c in item.citations):
            assert item.text.startswith("On 2025-03-15: a withdrawal")
    figures = _section(briefed, "figures")
    assert {c.doc_id for i in figures for c in i.citations} == {"new2", "new3"}


def test_positions_new_shifted_and_restated(briefed: Brief) -> None:
    texts = _texts(briefed, "positions")
    assert "United States supports army deployment (first stated 2025-03-11)." in texts
    assert (
        "Israel shifted on withdrawal: from a condition requiring disarmament first "
        "(2025-03-01) to support (2025-03-12)."
    ) in texts
    assert "Lebanon still supports ceasefire (stated again 2025-03-11)." in texts
    shift = next(i for i in _section(briefed, "positions") if i.kind == "shifted")
    assert [c.doc_id for c in shift.citations] == ["old", "new2"]
    assert not any(t.startswith("Hezbollah") for t in texts)  # nothing new from Hezbollah


def test_a_deadlock_appeared_and_one_was_broken(briefed: Brief) -> None:
    items = {i.kind: i for i in _section(briefed, "deadlocks")}
    assert set(items) == {"appeared", "broken"}
    appeared, broken = items["appeared"], items["broken"]
    assert appeared.text == (
        "Deadlock appeared: Hezbollah acts on ceasefire only after Israel acts on ceasefire; "
        "Israel acts on ceasefire only after Hezbollah acts on ceasefire."
    )
    assert {c.doc_id for c in appeared.citations} == {"hez", "new1"}
    assert appeared.date == "2025-03-11"
    assert broken.text == (
        "Deadlock broken: Israel now supports withdrawal (2025-03-12). It no longer holds that "
        "Hezbollah acts on disarmament only after Israel acts on withdrawal; "
        "Israel acts on withdrawal only after Hezbollah acts on disarmament."
    )
    assert broken.date == "2025-03-12"
    assert [c.doc_id for c in broken.citations] == ["new2"]


def test_commitments_that_fell_due(briefed: Brief) -> None:
    (item,) = _section(briefed, "commitments")
    assert item.text == (
        "A withdrawal by Israeli army on withdrawal was due by 2025-03-15 "
        "(promised 2025-03-01): met."
    )
    assert [c.doc_id for c in item.citations] == ["old", "new2"]


def test_contradictions_and_figures(briefed: Brief) -> None:
    contradictions = _section(briefed, "contradictions")
    kinds = {i.kind for i in contradictions}
    assert kinds == {"status", "figures"}
    status = next(i for i in contradictions if i.kind == "status")
    assert status.text == (
        "Conflicting reports on withdrawal: Desk reports it as happened; Desk reports it denied."
    )
    (figures,) = _section(briefed, "figures")
    assert figures.text == (
        "Killed in Lebanon since 2023-10-08: 2,500 according to the Lebanese health ministry "
        "(2025-03-13); the window's 2 reports range from 2,500 to 3,100."
    )
    assert [c.doc_id for c in figures.citations] == ["new3", "new2"]


def test_until_closes_the_window(store: SqlStore) -> None:
    _scenario(store)
    found = brief(store, default_theater(), SINCE, until="2025-03-11")
    for section in found.sections:
        for item in section.items:
            assert SINCE <= (item.date or "") <= "2025-03-11", item.text
            # and nothing published after it is cited
            assert all((c.date or "") <= "2025-03-11" for c in item.citations), item.text
    assert not _section(found, "commitments")  # due on the 15th
    assert [i.kind for i in _section(found, "deadlocks")] == ["appeared"]
    assert not _section(found, "contradictions") and not _section(found, "figures")


def test_an_empty_period_and_bad_dates(store: SqlStore) -> None:
    _scenario(store)
    later = brief(store, default_theater(), "2026-01-01")
    assert later.empty
    assert "Nothing changed" in to_markdown(later)
    for bad in ("2025-3-1", "yesterday", "2025-02-30"):
        with pytest.raises(ConfigError, match="is not a date; give YYYY-MM-DD"):
            brief(store, default_theater(), bad)
    with pytest.raises(ConfigError, match="before since"):
        brief(store, default_theater(), SINCE, until="2025-03-01")


def test_the_brief_is_plain_data(briefed: Brief) -> None:
    data = json.loads(json.dumps(dataclasses.asdict(briefed)))
    assert data["sections"][0]["items"][0]["citations"][0]["doc_id"]


def test_markdown_lists_every_sentence_with_linked_citations(briefed: Brief) -> None:
    text = to_markdown(briefed)
    assert text.startswith("# Brief: what changed from 2025-03-10 to the newest article")
    for section in briefed.sections:
        assert f"## {section.title}" in text
    assert (
        "  - [Example Wire, 2025-03-11](/documents/new1#0) (new1): "
        "“Negotiators met in Naqoura on Tuesday.”"
    ) in text
    # article text cannot become HTML or a link when the Markdown is rendered
    assert SCRIPT not in text and IMG not in text
    assert r"\<script\>alert(1)\</script\>" in text


def test_html_escapes_article_text_everywhere(briefed: Brief) -> None:
    page = to_html(briefed)
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<a href="/documents/new1#0">Example Wire, 2025-03-11</a>' in page
    for section in briefed.sections:
        assert f'id="brief-{section.key}"' in page
    fragment = to_html(
        briefed, lambda doc, start: f"https://x.test/d/{doc}?at={start}&hl=1", standalone=False
    )
    assert fragment.startswith("<article") and "<html" not in fragment
    assert 'href="https://x.test/d/new1?at=0&amp;hl=1"' in fragment


def test_document_links_quote_the_id() -> None:
    assert document_link("a b/c#d", 7) == "/documents/a%20b%2Fc%23d#7"
