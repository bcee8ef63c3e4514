"""Records -> rows of the record tables (one place that maps the two)."""

from __future__ import annotations

from typing import Any

from parley.records import Extraction


def record_rows(extraction: Extraction, revision: int) -> dict[str, list[dict[str, Any]]]:
    """Rows per record table for one document revision; every row carries its span."""
    doc_id = extraction.document.id
    base = {"document_id": doc_id, "revision": revision}
    actors = [
        base
        | {
            "start": m.start,
            "end": m.end,
            "confidence": actor.confidence,
            "actor_id": actor.id,
            "text": m.text,
            "label": "ACTOR",
            "kind": actor.kind,
            "extra": {"rule": m.rule},
        }
        for actor in extraction.actors
        for m in actor.mentions
    ] + [
        base
        | {
            "start": u.evidence.start,
            "end": u.evidence.end,
            "confidence": u.confidence,
            "actor_id": None,
            "text": u.text,
            "label": u.label,
            "kind": "unresolved",
            "extra": None,
        }
        for u in extraction.unresolved
    ]
    times = [
        base
        | {
            "start": t.evidence.start,
            "end": t.evidence.end,
            "confidence": t.confidence,
            "text": t.text,
            "value": t.value,
            "timex_type": t.type,
            "extra": None,
        }
        for t in extraction.times
    ]
    places = [
        base
        | {
            "start": p.evidence.start,
            "end": p.evidence.end,
            "confidence": p.confidence,
            "name": p.name,
            "text": p.text,
            "country": p.country,
            "lat": p.lat,
            "lon": p.lon,
            "extra": None,
        }
        for p in extraction.places
    ]
    statements = [
        base
        | {
            "start": st.evidence.start,
            "end": st.evidence.end,
            "confidence": st.confidence,
            "speaker_actor": st.speaker_actor,
            "speaker_text": st.speaker_text,
            "anonymous": st.anonymous,
            "cue": st.cue,
            "medium": st.medium,
            "polarity": st.polarity,
            "hedged": st.hedged,
            "content_start": st.content_start,
            "content_end": st.content_end,
            "extra": {
                "cue_start": st.cue_start,
                "cue_end": st.cue_end,
                "speakers": [vars(s) for s in st.speakers],
            },
        }
        for st in extraction.statements
    ]
    figures = [
        base
        | {
            "start": f.evidence.start,
            "end": f.evidence.end,
            "confidence": f.confidence,
            "quantity": f.quantity,
            "value": f.value,
            "approx": f.approx,
            "who": f.who,
            "place": f.place,
            "since": f.since,
            "until": f.until,
            "source_text": f.source_text,
            "extra": {
                "source_actor": f.source_actor,
                "part_of": f.part_of,
                "number_start": f.number_start,
                "number_end": f.number_end,
            },
        }
        for f in extraction.figures
    ]
    events = [
        base
        | {
            "start": e.evidence.start,
            "end": e.evidence.end,
            "confidence": e.confidence,
            "kind": e.kind,
            "type": e.type,
            "a": list(e.a),
            "b": list(e.b),
            "issues": list(e.issues),
            "date": e.date,
            "place": e.place,
            "status": e.status,
            "extra": {
                "trigger": e.trigger,
                "trigger_start": e.trigger_start,
                "trigger_end": e.trigger_end,
                "lat": e.lat,
                "lon": e.lon,
            },
        }
        for e in extraction.events
    ]
    positions = [
        base
        | {
            "start": p.evidence.start,
            "end": p.evidence.end,
            "confidence": p.confidence,
            "actor": p.actor,
            "issue": p.issue,
            "stance": p.stance,
            "requires": list(p.requires),
            "date": p.date,
            "extra": {"cue": p.cue, "cue_start": p.cue_start, "cue_end": p.cue_end},
        }
        for p in extraction.positions
    ]
    return {
        "actors": actors,
        "times": times,
        "places": places,
        "statements": statements,
        "figures": figures,
        "events": events,
        "positions": positions,
    }
