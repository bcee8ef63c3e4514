"""Theater files: the actors, issues, places and lexicons of one conflict, validated.

A theater is a TOML file (format: docs/theater.md). The packaged default is
``parley/theaters/israel-lebanon.toml``; ``--theater FILE`` loads another. Unknown keys are
errors, so a typo is caught; each error names the file, the key path (and the line where it
can be found) and the fix.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from parley.errors import ConfigError

DEFAULT_THEATER = "israel-lebanon"
ActorKind = Literal[
    "state",
    "government",
    "military",
    "legislature",
    "intelligence",
    "armed_group",
    "igo",
    "ngo",
    "person",
    "media",
    "other",
]
_ID = r"^[A-Z][A-Z0-9]*(\.[A-Z][A-Z0-9]*)*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(_Strict):
    """A named person who speaks or acts for an actor ("Marco Rubio" -> USA.GOV)."""

    name: str
    titles: list[str] = Field(default_factory=list)
    # further ways the text names the person alone: a surname, a nickname
    short: list[str] = Field(default_factory=list)


class Actor(_Strict):
    id: str = Field(pattern=_ID)
    name: str
    kind: ActorKind
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    # adjectives: "Israeli" + a body noun of the lexicon resolves to this actor or a child
    demonyms: list[str] = Field(default_factory=list)
    # capitals that stand for this actor when they act ("Washington is pushing")
    metonyms: list[str] = Field(default_factory=list)
    # seats of power that always stand for this actor ("Baabda", "the Elysee")
    seats: list[str] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    # phrases that refer back to this actor when it was named before ("the group")
    anaphora: list[str] = Field(default_factory=list)

    @property
    def root(self) -> str:
        return self.id.split(".", 1)[0]


class Media(_Strict):
    name: str
    aliases: list[str] = Field(default_factory=list)


class Issue(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    triggers: list[str] = Field(min_length=1)


class Place(_Strict):
    name: str
    alternates: list[str] = Field(default_factory=list)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    source: str


class Lexicon(_Strict):
    """Words the actor rules read; data, not code, so another theater can change them."""

    # after a demonym, these nouns pick the child actor with this id suffix
    # ("Israeli army" -> ISR + MIL -> ISR.MIL); other nouns keep the root actor
    body_nouns: dict[str, list[str]] = Field(default_factory=dict)
    # a demonym + one of these names an armed group, not the state ("the Palestinian
    # group" -> the armed group mentioned last, as an anaphor)
    group_nouns: list[str] = Field(default_factory=list)
    # verbs after a capital that make it act as its government ("Washington is pushing")
    metonym_verbs: list[str] = Field(default_factory=list)


class TheaterInfo(_Strict):
    id: str
    name: str
    description: str = ""


class Theater(_Strict):
    theater: TheaterInfo
    actors: list[Actor]
    media: list[Media] = Field(default_factory=list)
    issues: list[Issue] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    lexicon: Lexicon = Field(default_factory=Lexicon)

    @model_validator(mode="after")
    def _consistent(self) -> Theater:
        ids = [a.id for a in self.actors]
        if duplicated := sorted({i for i in ids if ids.count(i) > 1}):
            raise ValueError(f"actor ids are repeated: {', '.join(duplicated)}")
        known = set(ids)
        for actor in self.actors:
            if actor.parent is not None and actor.parent not in known:
                raise ValueError(f"actor {actor.id}: parent {actor.parent!r} is not an actor id")
            if "." in actor.id and actor.id.rsplit(".", 1)[0] not in known:
                raise ValueError(f"actor {actor.id}: its root {actor.root!r} is not an actor id")
        issues = [i.id for i in self.issues]
        if duplicated := sorted({i for i in issues if issues.count(i) > 1}):
            raise ValueError(f"issue ids are repeated: {', '.join(duplicated)}")
        return self

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)


def _line_of(text: str, location: tuple[int | str, ...]) -> int | None:
    """Best effort: the line of the table or key an error points at."""
    if not location:
        return None
    table, *rest = location
    if not isinstance(table, str):
        return None
    wanted = int(rest[0]) if rest and isinstance(rest[0], int) else 0
    header = re.compile(rf"^\s*\[\[?\s*{re.escape(table)}\s*\]\]?\s*$")
    seen = -1
    for number, line in enumerate(text.splitlines(), start=1):
        if header.match(line):
            seen += 1
            if seen == wanted:
                key = next((str(p) for p in rest[1:] if isinstance(p, str)), None)
                if key is None:
                    return number
                for offset, later in enumerate(text.splitlines()[number:], start=1):
                    if re.match(rf"^\s*{re.escape(key)}\s*=", later):
                        return number + offset
                    if later.lstrip().startswith("["):
                        break
                return number
    return None


def _message(source: str, text: str, error: ValidationError) -> str:
    first = error.errors()[0]
    location = tuple(first["loc"])
    path = ".".join(str(p) for p in location) or "(top level)"
    line = _line_of(text, location)
    where = f"{source}:{line}" if line else source
    reason = first["msg"]
    if first["type"] == "extra_forbidden":
        reason = "unknown key; check its spelling against docs/theater.md"
    elif first["type"] == "missing":
        reason = "required key is missing; add it"
    more = f" (and {len(error.errors()) - 1} more)" if len(error.errors()) > 1 else ""
    return f"{where}: {path}: {reason}{more}"


def parse_theater(text: str, source: str) -> Theater:
    """Validate a theater given as TOML text; ``source`` names it in messages."""
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML ({exc}); fix the syntax") from None
    try:
        return Theater.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_message(source, text, exc)) from None


def load_theater(path: str | Path | None = None) -> Theater:
    """The theater in ``path``, or the packaged default."""
    if path is None:
        return default_theater()
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot read theater file {file}: {exc.strerror}; check the path"
        ) from None
    return parse_theater(text, str(file))


@lru_cache(maxsize=1)
def default_theater() -> Theater:
    resource = resources.files("parley") / "theaters" / f"{DEFAULT_THEATER}.toml"
    return parse_theater(resource.read_text(encoding="utf-8"), f"theaters/{DEFAULT_THEATER}.toml")
