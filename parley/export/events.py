"""Event mentions as event data: PLOVER-style JSON lines and CSV, one registry of writers.

One record per event mention (a sentence that reports a happening), with the timeline
cluster it belongs to, so that tools that count events can de-duplicate by ``cluster``.
PLOVER's own fields keep their names (``event``, ``source``, ``target``, ``eventText``,
``text``, ``eventLoc``, ``date``); parley adds ``kind``, ``status``, ``issues``, ``cluster``
and the document and span that support the record.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from parley.analysis.timeline import EventMention, TimelineEvent

CSV_COLUMNS = (
    "cluster",
    "date",
    "kind",
    "type",
    "status",
    "a",
    "b",
    "issues",
    "place",
    "lat",
    "lon",
    "trigger",
    "document",
    "published",
    "outlet",
    "start",
    "end",
    "sentence",
)


def _actors(ids: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"code": actor, "root": actor.split(".")[0]} for actor in ids]


def plover_record(event: TimelineEvent, mention: EventMention) -> dict[str, object]:
    """One mention in PLOVER's record layout (plus parley's fields)."""
    location = None
    if mention.place:
        location = {"name": mention.place, "lat": mention.lat, "lon": mention.lon}
    return {
        "id": f"{mention.doc_id}:{mention.start}-{mention.end}:{mention.record_id}",
        "date": mention.date,
        "event": mention.type,
        "kind": mention.kind,
        "status": mention.status,
        "source": _actors(mention.a),
        "target": _actors(mention.b),
        "context": list(mention.issues),
        "eventText": mention.trigger,
        "text": mention.sentence,
        "eventLoc": location,
        "language": "en",
        "publication": mention.outlet,
        "published": mention.published,
        "document": mention.doc_id,
        "url": mention.url,
        "span": [mention.start, mention.end],
        "cluster": event.id,
    }


def write_plover(events: list[TimelineEvent], stream: TextIO) -> int:
    count = 0
    for event in events:
        for mention in event.mentions:
            stream.write(json.dumps(plover_record(event, mention), ensure_ascii=False) + "\n")
            count += 1
    return count


def write_csv(events: list[TimelineEvent], stream: TextIO) -> int:
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for event in events:
        for m in event.mentions:
            writer.writerow(
                (
                    event.id,
                    m.date or "",
                    m.kind,
                    m.type,
                    m.status,
                    ";".join(m.a),
                    ";".join(m.b),
                    ";".join(m.issues),
                    m.place or "",
                    "" if m.lat is None else m.lat,
                    "" if m.lon is None else m.lon,
                    m.trigger,
                    m.doc_id,
                    m.published or "",
                    m.outlet or "",
                    m.start,
                    m.end,
                    " ".join(m.sentence.split()),
                )
            )
            count += 1
    return count


# format name -> writer(events, stream) -> number of records written
EVENT_WRITERS: dict[str, Callable[[list[TimelineEvent], TextIO], int]] = {
    "plover": write_plover,
    "csv": write_csv,
}
