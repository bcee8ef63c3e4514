"""Events: the ``parley_events`` component (being built; issue 5)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from parley.nlp import extensions
from parley.theater import Theater


class EventTagger:
    """Sets ``doc._.events`` (a list of plain dicts)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.theater = theater

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc
