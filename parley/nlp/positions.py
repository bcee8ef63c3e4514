"""Positions: the ``parley_positions`` component (being built; issue 8)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from parley.nlp import extensions
from parley.theater import Theater


class PositionTagger:
    """Sets ``doc._.positions`` (a list of plain dicts)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.theater = theater

    def __call__(self, doc: Doc) -> Doc:
        doc._.positions = []
        return doc
