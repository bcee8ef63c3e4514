"""Contradictions across articles, on a small corpus written for the test.

Two articles disagree twice (a claim of withdrawal and its denial; two death tolls for the
same place and period a day apart); in the agreeing corpus the second article confirms both.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.analysis.contradictions import contradictions
from parley.ingest import ingest
from parley.records import Document, Extraction
from parley.store import SqlStore
from parley.theater import default_theater
from tests.conftest import event_record, write

CLAIM = (
    "The US envoy said on Monday that Israeli forces had withdrawn from Khiam and handed the "
    "town to the Lebanese army. The Lebanese health ministry said 52 people had been killed "
    "in Israeli strikes since March 2."
)
DENIAL = (
    "Lebanese officials denied that Israeli forces had withdrawn from Khiam, saying the troops "
    "were still in the town. According to an Anadolu Agency tally, 97 people have been killed "
    "in Israeli strikes since March 2."
)
CONFIRMATION = (
    "Lebanese officials confirmed that Israeli forces had withdrawn from Khiam. The health "
    "ministry said 53 people had been killed in Israeli strikes since March 2."
)
UNRELATED = (
    "Hezbollah denied that its fighters had fired rockets at Metula. The Israeli prime "
    "minister expressed hope that the talks in Naqoura would lead to a joint statement."
)


def _ingest(store: SqlStore, folder: Path, articles: dict[str, tuple[str, str]], extractor):
    for name, (text, published) in articles.items():
        path = write(folder / f"{name}.txt", text)
        meta = {"id": name, "published": published, "outlet": f"Outlet {name}"}
        write(path.with_name(f"{name}.meta.json"), json.dumps(meta))
    ingest([str(folder)], store, extractor=extractor, workers=1)


def test_claim_and_denial_and_a_figure_disagreement(store, tmp_path: Path, extractor) -> None:
    articles = {"claim": (CLAIM, "2025-03-10"), "denial": (DENIAL, "2025-03-11")}
    _ingest(store, tmp_path / "in", articles, extractor)
    found = contradictions(store, default_theater())
    assert sorted(c.kind for c in found) == ["denial", "figures"]
    denial = next(c for c in found if c.kind == "denial")
    assert denial.issues == ("withdrawal",)
    claim, deny = denial.sides
    assert (claim.stance, claim.actor, claim.evidence.doc_id) == ("asserts", "USA.GOV", "claim")
    assert (deny.stance, deny.actor, deny.evidence.doc_id) == ("denies", "LBN.GOV", "denial")
    assert deny.sentence.startswith("Lebanese officials denied")
    assert (claim.published, claim.outlet) == ("2025-03-10", "Outlet claim")
    figures = next(c for c in found if c.kind == "figures")
    assert [s.stance for s in figures.sides] == ["52", "97"]
    assert figures.topic == "killed in LBN since 2025-03-02"
    assert figures.sides[1].speaker == "an Anadolu Agency tally"


def test_no_contradiction_where_sources_agree(store, tmp_path: Path, extractor) -> None:
    articles = {
        "claim": (CLAIM, "2025-03-10"),
        "confirmation": (CONFIRMATION, "2025-03-11"),
        "unrelated": (UNRELATED, "2025-03-11"),
    }
    _ingest(store, tmp_path / "in", articles, extractor)
    assert contradictions(store, default_theater()) == []


def test_denial_outside_the_window_is_not_paired(store, tmp_path: Path, extractor) -> None:
    articles = {"claim": (CLAIM, "2025-03-10"), "denial": (DENIAL, "2025-05-30")}
    _ingest(store, tmp_path / "in", articles, extractor)
    assert contradictions(store, default_theater()) == []
    wide = contradictions(store, default_theater(), window_days=120)
    assert [c.kind for c in wide] == ["denial"]  # the figures stay a different day's counts


@pytest.mark.parametrize(
    ("denied_actor", "denied_date", "expected"),
    [
        (("ISR.GOV",), "2025-03", 1),  # same root actor, compatible date precision
        (("LBN.MIL",), "2025-03-09", 0),  # another actor
        (("ISR.MIL",), "2025-04-01", 0),  # another day
    ],
)
def test_events_reported_and_denied(store, denied_actor, denied_date, expected) -> None:
    text = "x" * 60
    for doc_id, event in (
        ("one", event_record("one", 0, date="2025-03-09", length=20)),
        (
            "two",
            event_record("two", 30, a=denied_actor, date=denied_date, status="denied", length=20),
        ),
    ):
        document = Document(id=doc_id, text=text, published="2025-03-10")
        store.write_document(
            document, signature=None, near=[], records=Extraction(document, events=(event,))
        )
    found = contradictions(store, default_theater())
    assert len(found) == expected
    if expected:
        assert found[0].kind == "status"
        assert [s.stance for s in found[0].sides] == ["asserts", "denies"]
        assert found[0].sides[0].text == "withdrawal by ISR.MIL on 2025-03-09"


def test_cli_lists_sides(cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name, text, published in (
        ("claim", CLAIM, "2025-03-10"),
        ("denial", DENIAL, "2025-03-11"),
    ):
        path = write(folder / f"{name}.txt", text)
        write(path.with_name(f"{name}.meta.json"), json.dumps({"published": published}))
    assert cli("ingest", str(folder), "--quiet").code == 0
    result = cli("contradictions")
    assert result.code == 0
    assert "denial: withdrawal" in result.out
    assert "DENIES" in result.out and "Lebanese officials denied" in result.out
    data = json.loads(cli("contradictions", "--json").out)
    assert sorted(c["kind"] for c in data) == ["denial", "figures"]
    assert cli("contradictions", "--window", "0").out.startswith("No contradictions")
