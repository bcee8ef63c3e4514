"""Every spaCy factory parley registers, in one place (STYLE.md #2).

The theater is not part of a component's config (a pydantic object is no config value);
``parley.nlp.pipeline.load_pipeline`` sets it with ``use_theater`` before the first
document, and components fall back to the packaged theater otherwise.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from parley.theater import Theater, default_theater

_THEATER: dict[str, Theater] = {}


def use_theater(theater: Theater) -> None:
    """The theater the next components built will read."""
    _THEATER["current"] = theater


def current_theater() -> Theater:
    return _THEATER.get("current") or default_theater()


@Language.factory(
    "parley_actors",
    assigns=["doc.spans", "span._.actor", "span._.kind"],
    requires=["token.dep", "token.pos", "token.lemma", "doc.ents"],
)
def make_actors(nlp: Language, name: str) -> Any:
    from parley.nlp.actors import ActorRecognizer

    return ActorRecognizer(nlp, name, current_theater())


@Language.factory(
    "parley_places",
    assigns=["doc.spans", "span._.value"],
    requires=["doc.ents", "doc.spans"],
)
def make_places(nlp: Language, name: str) -> Any:
    from parley.nlp.places import PlaceRecognizer

    return PlaceRecognizer(nlp, name, current_theater())


@Language.factory(
    "parley_times",
    default_config={"timeml": False},
    assigns=["doc.spans", "span._.value", "span._.timex_type"],
    requires=["doc.ents", "token.dep", "token.tag"],
)
def make_times(nlp: Language, name: str, timeml: bool) -> Any:
    """``timeml`` keeps what TimeML annotates but parley's guidelines leave out (frequencies,
    "recently", vague durations) and gives times of day; off for parley's own records."""
    from parley.nlp.times import TimeTagger

    return TimeTagger(nlp, name, timeml=timeml)


@Language.factory(
    "parley_statements",
    default_config={"guidelines": "parley"},
    assigns=["doc._.statements", "doc.spans"],
    requires=["doc.spans", "token.dep", "token.lemma"],
)
def make_statements(nlp: Language, name: str, guidelines: str) -> Any:
    """``guidelines`` is "parley" (ANNOTATION.md: speech acts only) or "polnear" (PolNeAR's
    attributions: stance, cognitive and directive verbs, questions, polls and nouns too)."""
    from parley.nlp.statements import StatementTagger

    return StatementTagger(nlp, name, current_theater(), guidelines=guidelines)


@Language.factory(
    "parley_figures",
    assigns=["doc._.figures"],
    requires=["doc.spans", "doc._.statements", "token.lemma"],
)
def make_figures(nlp: Language, name: str) -> Any:
    from parley.nlp.figures import FigureTagger

    return FigureTagger(nlp, name, current_theater())


@Language.factory(
    "parley_events",
    assigns=["doc._.events"],
    requires=["doc.spans", "doc._.statements", "token.dep", "token.lemma"],
)
def make_events(nlp: Language, name: str) -> Any:
    from parley.nlp.events import EventTagger

    return EventTagger(nlp, name, current_theater())


@Language.factory(
    "parley_positions",
    assigns=["doc._.positions"],
    requires=["doc.spans", "doc._.statements", "token.dep", "token.lemma"],
)
def make_positions(nlp: Language, name: str) -> Any:
    from parley.nlp.positions import PositionTagger

    return PositionTagger(nlp, name, current_theater())
