"""Places with coordinates: the ``parley_places`` component.

Candidates are the statistical NER's GPE, LOC and FAC entities, PERSON entities that no
actor rule claimed (the small model tags "Kiryat Shmona" as a person), and runs of proper
nouns. Each is looked up in the gazetteer: the theater's hand-entered places first (they
win), then the regional GeoNames extract shipped in ``parley/data``.

A GPE, LOC or FAC entity the gazetteer does not know ("Singapore") is kept as a place
without coordinates (country empty, label ``UNRESOLVED``), never given invented ones.

A name that the actor component resolved to a government or a seat of power is a metonym
("Washington is pushing"), so it is not also a place. A country name resolved to a state
is a place too when it is not acting ("strikes in southern Lebanon").

Results: ``doc.spans["places"]``, each span with ``span._.place`` (the gazetteer entry as a
dict: name, country, lat, lon, feature) and ``span.label_`` = its ISO country code.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from parley.gazetteer import Gazetteer, GazetteerPlace
from parley.nlp import extensions
from parley.theater import Theater

CANDIDATE_LABELS = {"GPE", "LOC", "FAC", "PERSON"}
# a leading word that belongs to the phrase, not to the name ("southern Lebanon")
_DIRECTIONS = {"southern", "northern", "eastern", "western", "south", "north", "east", "west"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def theater_gazetteer(theater: Theater) -> Gazetteer:
    """The packaged gazetteer with the theater's own places merged in (they win)."""
    merged = Gazetteer.load_default()  # a fresh instance: additions stay in it
    for place in theater.places:
        entry = GazetteerPlace(
            geonameid=None,
            name=place.name,
            country=place.country,
            lat=place.lat,
            lon=place.lon,
            feature="THEATER",
            population=0,
        )
        merged.add(entry, [place.name, *place.alternates])
    return merged


def _named_place(doc: Doc, start: int, end: int) -> bool:
    """Whether the NER calls exactly this span a geopolitical entity, location or facility."""
    return any(
        e.start == start and e.end == end and e.label_ in ("GPE", "LOC", "FAC") for e in doc.ents
    )


class PlaceRecognizer:
    """Finds place names and attaches gazetteer entries (rules in the module doc)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.gazetteer = theater_gazetteer(theater)

    def _lookup(self, text: str) -> GazetteerPlace | None:
        found = self.gazetteer.lookup(text)
        return found[0] if found else None

    def __call__(self, doc: Doc) -> Doc:
        actors = doc.spans.get("actors", [])
        blocked = [False] * len(doc)
        for span in actors:
            acting_state = span._.kind == "state" and any(t.dep_ in SUBJECT_DEPS for t in span)
            if span._.kind not in ("state", "unresolved") or acting_state:
                for i in range(span.start, span.end):
                    blocked[i] = True
        taken = list(blocked)
        found: list[Span] = []
        for start, end in self._candidates(doc):
            if any(taken[start:end]):
                continue
            place = self._lookup(doc[start:end].text)
            if place is None and end - start > 1 and doc[start].lower_ in _DIRECTIONS:
                start += 1
                place = self._lookup(doc[start:end].text)
            if place is None:
                if not _named_place(doc, start, end):
                    continue
                # a place outside the gazetteer: kept with its name, without coordinates
                place = GazetteerPlace(None, doc[start:end].text, "", None, None, "UNRESOLVED", 0)
            span = Span(doc, start, end, label=place.country or "UNRESOLVED")
            # plain data, so that docs cross process boundaries (nlp.pipe n_process)
            span._.place = {
                "name": place.name,
                "country": place.country,
                "lat": place.lat,
                "lon": place.lon,
                "feature": place.feature,
            }
            found.append(span)
            for i in range(start, end):
                taken[i] = True
        found.sort(key=lambda s: s.start)
        doc.spans["places"] = found
        # a place the NER took for a person or organisation is no unresolved actor
        placed = {i for span in found for i in range(span.start, span.end)}
        doc.spans["actors"] = [
            s
            for s in actors
            if s._.actor is not None or not any(i in placed for i in range(s.start, s.end))
        ]
        return doc

    def _candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """Entity spans first, then runs of capitalised proper nouns, longest first."""
        spans = [(e.start, e.end) for e in doc.ents if e.label_ in CANDIDATE_LABELS]
        run: list[int] = []
        for token in [*doc, None]:
            if token is not None and token.pos_ == "PROPN" and token.text[:1].isupper():
                run.append(token.i)
                continue
            if run:
                spans.append((run[0], run[-1] + 1))
                if len(run) > 1:
                    spans += [(i, i + 1) for i in run]
                run = []
        spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
        return spans
