"""Figures reconciled across reports: groups, spread, disagreements, the chart."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.analysis.figures import Report, disagree, reconcile, series
from parley.ingest import ingest
from parley.store import SqlStore
from tests.conftest import write

ARTICLES = {
    # name: (text, published)
    "ministry": (
        "The Lebanese health ministry said 52 people had been killed in Israeli strikes since "
        "March 2. It said 140 people had been wounded.",
        "2025-03-10",
    ),
    "tally": (
        "According to an Anadolu Agency tally, 97 people have been killed in Israeli strikes "
        "since March 2, including 12 children.",
        "2025-03-11",
    ),
    "later": (
        "The health ministry said 160 people had been killed in Israeli strikes since March 2.",
        "2025-03-20",
    ),
}


@pytest.fixture
def filled(store: SqlStore, tmp_path: Path, extractor) -> SqlStore:
    for name, (text, published) in ARTICLES.items():
        path = write(tmp_path / "in" / f"{name}.txt", text)
        write(path.with_name(f"{name}.meta.json"), json.dumps({"id": name, "published": published}))
    ingest([str(tmp_path / "in")], store, extractor=extractor, workers=1)
    return store


def test_groups_by_quantity_place_and_period(filled: SqlStore) -> None:
    groups = {g.label: g for g in reconcile(filled)}
    killed = groups["killed in LBN since 2025-03-02"]
    assert [(r.doc_id, r.value) for r in killed.reports] == [
        ("ministry", 52),
        ("tally", 97),
        ("later", 160),
    ]
    assert (killed.low, killed.high) == (52, 160)
    assert killed.spread == pytest.approx((160 - 52) / 160)
    # the 160 of nine days later is a grown toll, not a disagreement; the part (12 children)
    # is no report of the count
    assert [(a.value, b.value) for a, b in killed.disagreements] == [(52, 97)]
    injured = [g for g in groups.values() if g.quantity == "injured"]
    assert [[r.value for r in g.reports] for g in injured] == [[140]]
    assert all(r.value != 12 for g in groups.values() for r in g.reports)


def test_filters(filled: SqlStore) -> None:
    assert {g.quantity for g in reconcile(filled, quantity="injured")} == {"injured"}
    assert reconcile(filled, place="ISR") == []
    assert {g.place for g in reconcile(filled, place="LBN")} == {"LBN"}


def _report(doc: str, value: int, published: str | None, approx: bool = False) -> Report:
    return Report(
        1, doc, published, None, value, approx, "people", None, None, None, None, "", 0, 1
    )


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (_report("x", 100, "2025-03-10"), _report("y", 109, "2025-03-11"), False),  # within 10%
        (_report("x", 100, "2025-03-10"), _report("y", 120, "2025-03-11"), True),
        (_report("x", 100, "2025-03-10", True), _report("y", 120, "2025-03-11"), False),  # "over"
        (_report("x", 100, "2025-03-10"), _report("y", 200, "2025-03-20"), False),  # later toll
        (_report("x", 100, "2025-03-10"), _report("x", 200, "2025-03-10"), False),  # same article
        (_report("x", 100, None), _report("y", 200, "2025-03-10"), False),  # undated
    ],
)
def test_disagree(a: Report, b: Report, expected: bool) -> None:
    assert disagree(a, b, tolerance=0.1, window_days=2) is expected


def test_series_per_source(filled: SqlStore) -> None:
    charts = series(reconcile(filled, quantity="killed"))
    by_source = charts["killed in LBN since 2025-03-02"]
    assert by_source["an Anadolu Agency tally"] == [("2025-03-11", 97)]
    assert sum(len(points) for points in by_source.values()) == 3


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_cli_tables_and_plot(cli, tmp_path: Path, suffix: str) -> None:
    for name, (text, published) in ARTICLES.items():
        path = write(tmp_path / "in" / f"{name}.txt", text)
        write(path.with_name(f"{name}.meta.json"), json.dumps({"published": published}))
    assert cli("ingest", str(tmp_path / "in"), "--quiet").code == 0
    chart = tmp_path / "out" / f"chart{suffix}"
    result = cli("figures", "--quantity", "killed", "--plot", str(chart))
    assert result.code == 0, result.err
    assert "killed in LBN since 2025-03-02: 3 report(s), 52–160" in result.out
    assert "97 ≠" in result.out
    head = chart.read_bytes()[:64]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in chart.read_bytes()
    data = json.loads(cli("figures", "--json", "--place", "LBN").out)
    killed = next(g for g in data if g["quantity"] == "killed")
    assert killed["disagreements"] and killed["high"] == 160


def test_cli_plot_errors(cli, tmp_path: Path) -> None:
    result = cli("figures", "--plot", str(tmp_path / "chart.pdf"))
    assert result.code == 2
    assert "use a file name ending in .png or .svg" in result.err
    empty = cli("figures", "--plot", str(tmp_path / "chart.png"))
    assert empty.code == 1 and "no dated figures to plot" in empty.err


def test_counts_without_a_period_do_not_disagree(
    store: SqlStore, tmp_path: Path, extractor
) -> None:
    articles = {
        "strike": (
            "Ten people were killed in an Israeli strike in southern Lebanon.",
            "2024-08-17",
        ),
        "other": ("One person was killed in an Israeli strike on Aitaroun.", "2024-08-18"),
    }
    for name, (text, published) in articles.items():
        path = write(tmp_path / "in" / f"{name}.txt", text)
        write(path.with_name(f"{name}.meta.json"), json.dumps({"id": name, "published": published}))
    ingest([str(tmp_path / "in")], store, extractor=extractor, workers=1)
    (group,) = reconcile(store)
    assert (group.since, [r.value for r in group.reports]) == (None, [10, 1])
    assert group.disagreements == []
