"""The timeline from articles written for the test, through the whole pipeline: three outlets
report one meeting in different words; a meeting a week later is another event."""

from __future__ import annotations

import json
from pathlib import Path

from parley.analysis.timeline import timeline
from parley.ingest import ingest
from parley.store import SqlStore
from tests.conftest import write

ARTICLES = {
    "first": (
        "Israeli and Lebanese military officers met in Naqoura on Tuesday under the auspices "
        "of the United States and France to discuss the border.",
        "2025-03-11",
        "Outlet A",
    ),
    "second": (
        "Lebanon and Israel held talks in Naqoura on Tuesday, with American and French "
        "mediators present, a Lebanese official said.",
        "2025-03-11",
        "Outlet B",
    ),
    "third": (
        "A meeting between Lebanese and Israeli army representatives took place in Naqoura on "
        "Tuesday, sources said. The officers discussed the withdrawal of Israeli troops.",
        "2025-03-12",
        "Outlet C",
    ),
    "later": (
        "Israeli and Lebanese officers met again in Naqoura on Tuesday to discuss the release "
        "of detainees.",
        "2025-03-18",
        "Outlet D",
    ),
}


def test_one_meeting_three_sources_and_the_next_week_apart(
    store: SqlStore, tmp_path: Path, extractor
) -> None:
    for name, (text, published, outlet) in ARTICLES.items():
        path = write(tmp_path / "in" / f"{name}.txt", text)
        meta = {"id": name, "published": published, "outlet": outlet}
        write(path.with_name(f"{name}.meta.json"), json.dumps(meta))
    ingest([str(tmp_path / "in")], store, extractor=extractor, workers=1)
    talks = timeline(store, kind="talks")
    assert [(e.when, e.sources) for e in talks] == [
        ("2025-03-11", ("Outlet A", "Outlet B", "Outlet C")),
        ("2025-03-18", ("Outlet D",)),
    ]
    meeting = talks[0]
    assert {"ISR", "LBN"} <= {a.split(".")[0] for a in meeting.a}
    assert meeting.place is not None and meeting.place.place == "Naqoura"
    assert meeting.status == "occurred"
