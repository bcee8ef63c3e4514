"""The custom attributes parley's components set on spaCy objects, registered once.

- ``Doc._.doc_id``: the document id (carried through ``nlp.pipe(..., as_tuples=True)``).
- ``Doc._.published``: the publication date (ISO string) or None; times resolve against it.
- ``Doc._.statements``: the statements found (a list of plain dicts, see nlp/statements.py);
  a Doc attribute because spaCy keys span attributes by offsets, and two statements of one
  sentence share their evidence span.
- ``Doc._.figures``: the figures found (plain dicts, see nlp/figures.py).
- ``Doc._.events``: the events found (plain dicts, see nlp/events.py).
- ``Doc._.positions``: the positions found (plain dicts, see nlp/positions.py).
- ``Span._.value``: a normalised value (a TIMEX3 value for spans of ``doc.spans["times"]``).
- ``Span._.timex_type``: ``DATE``, ``TIME``, ``DURATION`` or ``SET`` for time spans.
- ``Span._.actor``: the theater actor id a mention resolves to, or None (unresolved).
- ``Span._.kind``: the actor kind (``state``, ``government``, ``media`` ...) or None.
- ``Span._.rule``: which rule found an actor mention (``alias``, ``person``, ``demonym`` ...).
- ``Span._.place``: the gazetteer entry of a place span, as a dict (name, country, lat, lon,
  feature); plain data so that docs can cross process boundaries.

Span groups: ``doc.spans["times"]``, ``doc.spans["actors"]``, ``doc.spans["places"]``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

DOC_ATTRIBUTES = ("doc_id", "published", "statements", "figures", "events", "positions")
SPAN_ATTRIBUTES = ("value", "timex_type", "actor", "kind", "rule", "place")


def register() -> None:
    """Register every extension (idempotent)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


register()
