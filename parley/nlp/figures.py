"""Counts of people and incidents as figures: the figure tagger (ANNOTATION.md, Figures).

One figure per number mention that counts people or incidents of a quantity (``killed``,
``injured``, ``displaced``, ``detained``, ``released``, ``violations``, ``evacuated``,
``missing``); the quantities, their trigger words and the other word lists are data, in
``figures.toml``.

1. **Numbers**: runs of number tokens ("4,115", "1.4 million", "six", "a hundred",
   "twenty-five") parsed by :func:`parse_number`. A run with no value ("dozens", "tens of
   thousands"), a date, time, percent or amount, and "no one" are dropped.
2. **Quantity**: the number is linked to a trigger through the parse. The counted token is
   the noun the number modifies, or the number itself. It is a trigger ("4,115 deaths"),
   or the word after it is ("two dead", "491 others injured"), or the verb it is the
   object or passive subject of ("were killed", "displaced 1.4 million people"; the active
   subject only for verbs that take no object: "2,800 people have died"), or the noun it
   follows with "of"/"to" ("the deaths of 39 civilians", "wounds to eight"). A trigger
   governed by a word that ``takes`` its quantity changes it ("release five detainees" ->
   ``released``). "a total of 11" counts the whole of the figure named before it.
3. **Parts**: a number after "including" or "among" is a part of another figure
   (``part_of``); it is emitted, as the gold does, with the quantity of the figure it is part
   of (the one in its sentence, else the first of the closest earlier sentence with figures).
   A part whose noun names people held or uprooted ("including one hostage", ``people_triggers``)
   takes the quantity of a figure of its sentence, else its own.
4. **approx**: an approximation word just before the number ("over", "at least" ...) or
   just after it ("40-odd", "60-plus"), or
   the previous number's one when the counted words are coordinated ("at least 86 deaths
   and 285 injuries").
5. **place** (the actor root of the people counted): a demonym or actor in the counted noun
   phrase ("39 Israeli civilians", "Hezbollah operatives"); else a place or country after a
   location preposition ("in southern Lebanon", "from northern Israeli towns"), where an
   attack noun names the attacker instead ("in Israeli strikes" -> the other side); else
   the subject of the verb that governs the count when it is an actor ("Israel has committed
   violations" -> the other side) or any attacker of the sentence; else the previous
   figure of the sentence; else another actor of the sentence; else the place of a figure
   up to a few sentences before. Peacekeepers have no side.
6. **since**: a time after "since" in the sentence; a truce start ("a ceasefire taking
   effect on DATE", or a truce named with a date shortly before); the start of the
   conflict for "since the outbreak of conflict" or a sentence whose subject is the
   conflict; else None. ``until`` is always None (ANNOTATION.md).
7. **source**: the speaker of the statement whose content holds the number (``doc._.statements``),
   or of a statement of the sentence.

Results: ``doc._.figures``, a list of plain dicts (see :meth:`FigureTagger.__call__`).
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from parley.nlp import extensions
from parley.nlp.statement_parse import Owners, _evidence
from parley.theater import Theater

if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)

Figure = dict[str, Any]

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ABBREVIATED = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# plurals that count with no value: "dozens", "hundreds", "tens of thousands"
_VAGUE = {"dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
_ABBREVIATED_DIGITS = re.compile(r"^(\d+(?:\.\d+)?)(k|m|mn|bn)$")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_OBJECT_DEPS = ("dobj", "nsubjpass", "attr", "oprd")


def parse_number(words: list[str]) -> int | None:
    """The integer a run of number words writes, or None (no value, or not a number).

    ``["4,115"]`` -> 4115, ``["1.4", "million"]`` -> 1400000, ``["six"]`` -> 6,
    ``["a", "hundred"]`` -> 100, ``["twenty", "-", "five"]`` -> 25, ``["one", "hundred",
    "and", "twenty"]`` -> 120, ``["half", "a", "million"]`` -> 500000, ``["one", "and", "a",
    "half", "million"]`` -> 1500000, ``["1", "500"]`` (digit groups) -> 1500,
    ``["dozens"]`` -> None, ``["tens", "of", "thousands"]`` -> None.
    """
    lowered = [w.lower() for w in words if w not in ("-", "and")]
    if not lowered or any(w in _VAGUE for w in lowered):
        return None
    total = 0.0
    current = 0.0
    seen = False
    previous_digits: str | None = None  # the previous word, when it was a group of digits
    skip = False
    for i, word in enumerate(lowered):
        if skip:
            skip = False
            continue
        following = lowered[i + 1] if i + 1 < len(lowered) else ""
        if word in ("a", "an") and following == "half":  # "one and a half million"
            continue
        if word in ("a", "an") and (following in _SCALES or following == "dozen"):
            current += 1
            seen = True
            continue
        abbreviated = _ABBREVIATED_DIGITS.match(word)
        digits = None
        if _DIGITS.match(word):
            if previous_digits is not None:
                # "1 500": a group of three digits after a group of one to three
                if not (re.fullmatch(r"\d{3}", word) and re.fullmatch(r"\d{1,3}", previous_digits)):
                    return None
                current = current * 1000 + float(word)
            else:
                current += float(word.replace(",", ""))
            digits = word
        elif abbreviated is not None:
            current += float(abbreviated.group(1)) * _ABBREVIATED[abbreviated.group(2)]
        elif "-" in word and all(part in _UNITS for part in word.split("-")):
            current += sum(_UNITS[part] for part in word.split("-"))
        elif word == "half":  # "half a million", "two and a half thousand"
            current += 0.5
            skip = following in ("a", "an")
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in _UNITS:
            current += _UNITS[word]
        elif word in _SCALES:
            scale = _SCALES[word]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = 0.0
        else:
            return None
        previous_digits = digits
        seen = True
    value = total + current
    if not seen or abs(value - round(value)) > 1e-6:
        return None
    return round(value)


@dataclass(frozen=True)
class FigureLexicon:
    """``figures.toml``, read once."""

    triggers: dict[str, list[str]]
    takes: dict[str, dict[str, list[str]]]
    approx: list[str]
    approx_after: frozenset[str]
    negators: frozenset[str]
    skip_entities: frozenset[str]
    skip_after: frozenset[str]
    whole: frozenset[str]
    part: frozenset[str]
    people_triggers: frozenset[str]
    who: dict[str, str]
    neutral_who: frozenset[str]
    attack_nouns: frozenset[str]
    location_preps: frozenset[str]
    unlocated: frozenset[str]
    carry_sentences: int
    sides: dict[str, str]
    opponents: dict[str, str]
    countries: dict[str, str]
    conflict_start: str | None
    conflict_nouns: frozenset[str]
    truce_nouns: frozenset[str]
    truce_verbs: frozenset[str]
    look_back: int


@lru_cache(maxsize=1)
def figure_lexicon() -> FigureLexicon:
    """The packaged ``figures.toml``."""
    text = (resources.files("parley") / "nlp" / "figures.toml").read_text(encoding="utf-8")
    data: dict[str, Any] = tomllib.loads(text)
    quantities: dict[str, Any] = data["quantities"]
    numbers, place, since = data["numbers"], data["place"], data["since"]
    return FigureLexicon(
        triggers={name: list(q["triggers"]) for name, q in quantities.items()},
        takes={name: dict(q.get("takes", {})) for name, q in quantities.items()},
        approx=list(numbers["approx"]),
        approx_after=frozenset(numbers["approx_after"]),
        negators=frozenset(numbers["negators"]),
        skip_entities=frozenset(numbers["skip_entities"]),
        skip_after=frozenset(numbers["skip_after"]),
        whole=frozenset(numbers["whole"]),
        part=frozenset(numbers["part"]),
        people_triggers=frozenset(numbers["people_triggers"]),
        who={word.lower(): name for name, words in data["who"].items() for word in words},
        neutral_who=frozenset(place["neutral_who"]),
        attack_nouns=frozenset(place["attack_nouns"]),
        location_preps=frozenset(place["location_preps"]),
        unlocated=frozenset(place["unlocated"]),
        carry_sentences=int(place["carry_sentences"]),
        sides=dict(place["sides"]),
        opponents=dict(place["opponents"]),
        countries=dict(place["countries"]),
        conflict_start=since.get("conflict_start"),
        conflict_nouns=frozenset(since["conflict_nouns"]),
        truce_nouns=frozenset(since["truce_nouns"]),
        truce_verbs=frozenset(since["truce_verbs"]),
        look_back=int(since["look_back"]),
    )


@dataclass
class _Number:
    start: int
    end: int
    value: int
    head: Token
    approx: bool


@dataclass
class _Found:
    number: _Number
    counted: Token
    quantity: str | None
    part_of: bool = False
    whole_of: bool = False
    own: str | None = None  # a part's own trigger quantity ("including one hostage")
    sentence: tuple[int, int] = (0, 0)


class FigureTagger:
    """Finds figures and sets ``doc._.figures`` (rules in the module doc)."""

    def __init__(self, nlp: Language, name: str, theater: Theater) -> None:
        extensions.register()
        self.name = name
        self.lex = figure_lexicon()
        self._matcher = Matcher(nlp.vocab)
        self._labels: dict[int, tuple[str, str]] = {}
        self._words: dict[int, list[tuple[str, str]]] = {}
        self._number_words = {
            nlp.vocab.strings.add(word) for word in (*_UNITS, *_SCALES, *_VAGUE, "a", "an")
        }
        for quantity, phrases in self.lex.triggers.items():
            self._add(nlp, ("TRIGGER", quantity), phrases)
        for quantity, taken in self.lex.takes.items():
            for source, words in taken.items():
                self._add(nlp, ("TAKES", f"{quantity}<{source}"), words)
        self._add(nlp, ("APPROX", ""), self.lex.approx)
        self._demonyms: dict[str, str] = {}
        for actor in theater.actors:
            for word in actor.demonyms:
                self._demonyms[word.lower()] = actor.root

    def _add(self, nlp: Language, label: tuple[str, str], phrases: list[str]) -> None:
        """Single words go to a lookup by lemma or lower-case form (one pass over the tokens);
        phrases to the Matcher, each word matching the lemma or the lower-case form."""
        key = nlp.vocab.strings.add(f"FIG_{label[0]}_{label[1]}")
        self._labels[key] = label
        patterns: list[list[dict[str, Any]]] = []
        for phrase in phrases:
            words = phrase.lower().split()
            if len(words) == 1:
                self._words.setdefault(nlp.vocab.strings.add(words[0]), []).append(label)
                continue
            patterns.append([{} if w == "*" else {"LOWER": w} for w in words])
            if label[0] == "TRIGGER":
                patterns.append([{} if w == "*" else {"LEMMA": w} for w in words])
        if patterns:
            self._matcher.add(f"FIG_{label[0]}_{label[1]}", patterns)

    # -- the component --------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        """Set ``doc._.figures``: dicts with ``start``, ``end`` (the evidence sentence),
        ``num_start``, ``num_end`` (the number), ``quantity``, ``value``, ``approx``, ``who``,
        ``place``, ``since``, ``until`` (None), ``source_text``, ``source_actor`` and
        ``part_of``."""
        triggers: dict[int, str] = {}
        takes: dict[int, list[tuple[str, str]]] = {}
        approx_ends: set[int] = set()

        def note(label: tuple[str, str], start: int, end: int) -> None:
            kind, value = label
            if kind == "APPROX":
                approx_ends.add(end)
                return
            for i in range(start, end):
                if kind == "TRIGGER":
                    triggers.setdefault(i, value)
                else:
                    quantity, source = value.split("<", 1)
                    if (source, quantity) not in takes.get(i, []):
                        takes.setdefault(i, []).append((source, quantity))

        words = self._words
        for token in doc:
            labels = words.get(token.lower) or words.get(token.lemma)
            if labels:
                for label in labels:
                    note(label, token.i, token.i + 1)
        for key, start, end in self._matcher(doc):
            note(self._labels[key], start, end)
        owners = Owners(doc)
        context = _Context(doc, owners)
        skipped = {i for span, _ in context.times for i in range(span.start, span.end)}
        found: list[_Found] = []
        for number in self._numbers(doc, skipped, approx_ends):
            item = self._link(doc, number, triggers, takes)
            if item is None:
                continue
            item.sentence = _evidence(doc, number.head, owners)
            found.append(item)
        self._resolve_parts(found)
        self._resolve_approx(found)
        figures: list[Figure] = []
        for item in found:
            if item.quantity is not None:
                figures.append(self._record(context, item, figures))
        doc._.figures = figures
        return doc

    # -- numbers ---------------------------------------------------------------------------
    def _is_number_word(self, token: Token) -> bool:
        if not (token.like_num or token.lower in self._number_words):
            return False
        lower = token.lower_
        return (
            bool(_DIGITS.match(lower))
            or bool(_ABBREVIATED_DIGITS.match(lower))
            or lower in _UNITS
            or lower in _SCALES
            or lower in _VAGUE
            or ("-" in lower and all(part in _UNITS for part in lower.split("-")))
        )

    def _is_word_number(self, token: Token) -> bool:
        """A number written in words below a hundred ("twenty", "twenty-five")."""
        lower = token.lower_
        return lower in _UNITS or ("-" in lower and all(p in _UNITS for p in lower.split("-")))

    def _numbers(self, doc: Doc, skipped: set[int], approx_ends: set[int]) -> list[_Number]:
        numbers: list[_Number] = []
        i = 0
        n = len(doc)
        while i < n:
            token = doc[i]
            start = i
            if _half_a(doc, i):  # "half a million"
                end = i + 2
            elif not self._is_number_word(token):
                i += 1
                continue
            else:
                if start > 0 and doc[start - 1].lower_ in ("a", "an") and token.lower_ in _SCALES:
                    start -= 1
                end = i + 1
            while end < n:
                nxt = doc[end]
                if self._is_number_word(nxt):
                    end += 1
                elif nxt.lower_ == "and" and _half_a(doc, end + 1, "a"):
                    end += 3  # "one and a half million"
                elif (
                    nxt.lower_ == "and"
                    and doc[end - 1].lower_ in _SCALES
                    and end + 1 < n
                    and self._is_word_number(doc[end + 1])
                ):
                    end += 2  # "one hundred and twenty"
                elif (
                    nxt.text == "-"
                    and end + 1 < n
                    and doc[end + 1].lower_ in _UNITS
                    and not nxt.whitespace_
                ) or (
                    nxt.lower_ == "of"
                    and doc[end - 1].lower_ in _VAGUE
                    and end + 1 < n
                    and self._is_number_word(doc[end + 1])
                ):
                    end += 2
                else:
                    break
            i = end
            words = [t.text for t in doc[start:end]]
            # the model takes "one and a half million" for a DATE: a run with "half" is not one
            halves = any(t.lower_ == "half" for t in doc[start:end])
            if any(
                t.i in skipped or (t.ent_type_ in self.lex.skip_entities and not halves)
                for t in doc[start:end]
            ):
                continue
            if start > 0 and doc[start - 1].lower_ in self.lex.negators:
                continue
            if end < n and doc[end].lower_ in self.lex.skip_after:
                continue
            value = parse_number(words)
            if value is None:
                continue
            heads = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head is t]
            head = heads[-1] if heads else doc[end - 1]
            after = doc[end + 1] if end + 1 < n and doc[end].text == "-" else doc[min(end, n - 1)]
            approx = start in approx_ends or (end < n and after.lower_ in self.lex.approx_after)
            numbers.append(_Number(start, end, value, head, approx))
        return numbers

    # -- quantity ----------------------------------------------------------------------------
    def _link(
        self,
        doc: Doc,
        number: _Number,
        triggers: dict[int, str],
        takes: dict[int, list[tuple[str, str]]],
    ) -> _Found | None:
        head = number.head
        if head.dep_ == "nummod" and head.head.i < number.start and head.head.pos_ == "PROPN":
            return None  # a number that names: "Resolution 2328", "Flight 17"
        first = head.head
        if (
            head.dep_ == "conj"
            and first.i < number.start
            and first.like_num
            and first.dep_ in ("nummod", "dobj", "nsubj", "nsubjpass")
            and not (first.i > 0 and doc[first.i - 1].lower_ == "between")
        ):
            head = first  # "killed 87 and 14 people": 14 counts what 87 counts
        counted = head
        if head.dep_ in ("nummod", "quantmod", "compound", "amod") and head.head.pos_ in (
            "NOUN",
            "PROPN",
            "ADJ",
        ):
            counted = head.head
        item = _Found(number=number, counted=counted, quantity=None)
        # the counted noun is a trigger ("4,115 deaths", "lives lost"); a noun of people held
        # as a part counts for the whole ("killed 11 people, including one hostage")
        if counted.i in triggers and counted.i >= number.start:
            if (
                counted.dep_ == "pobj"
                and counted.head.lower_ in self.lex.part
                and (
                    counted.lower_ in self.lex.people_triggers
                    or _lemma(counted) in self.lex.people_triggers
                )
            ):
                item.own = triggers[counted.i]
            else:
                item.quantity = self._taken(counted, triggers[counted.i], takes)
                return item
        # the word after the count ("two dead", "491 others injured")
        after_i = max(counted.i, number.end - 1) + 1
        if after_i < len(doc) and after_i in triggers and doc[after_i].pos_ in ("ADJ", "VERB"):
            item.quantity = triggers[after_i]
            return item
        x = counted
        for _ in range(6):
            dep = x.dep_
            if dep in ("conj", "appos"):
                x = x.head
                if x.i in triggers:
                    break
                continue
            if dep in _OBJECT_DEPS or dep in _SUBJECT_DEPS:
                verb = x.head
                if verb.i in triggers and self._counts_subject(verb, dep):
                    item.quantity = self._taken(x, triggers[verb.i], takes, verb)
                elif dep in ("nsubj", "nsubjpass"):
                    # the complement says what happened to the subject: "were reported
                    # missing", "were found dead", "are registered as refugees"
                    for child in verb.children:
                        said = child
                        if child.dep_ == "prep" and child.lower_ == "as":
                            said = next((c for c in child.children if c.dep_ == "pobj"), child)
                        elif child.dep_ not in ("oprd", "acomp"):
                            continue
                        if said.i in triggers:
                            item.quantity = triggers[said.i]
                            break
                return item if item.quantity is not None else None
            if dep == "pobj":
                prep = x.head
                lower = prep.lower_
                if lower in self.lex.part:
                    item.part_of = True
                    x = prep.head
                    if x.i in triggers:
                        item.quantity = triggers[x.i]
                    return item
                governor = prep.head
                if lower == "of" and governor.lower_ in self.lex.whole:
                    item.whole_of = True
                    item.quantity = self._whole_quantity(doc, governor, number, triggers)
                    return item if item.quantity is not None else None
                if lower == "of" and governor.lower_ == "of":  # "out of a total of 11"
                    continue
                if lower in ("of", "to", "among") and governor.i in triggers:
                    item.quantity = triggers[governor.i]
                    return item
                if lower in ("to", "on") and governor.pos_ in ("VERB", "AUX"):
                    objects = [c for c in governor.children if c.dep_ == "dobj"]
                    if objects and objects[0].i in triggers:
                        item.quantity = triggers[objects[0].i]
                        return item
                return None
            return None
        if x.i in triggers:
            item.quantity = triggers[x.i]
            return item
        return None

    def _counts_subject(self, verb: Token, dep: str) -> bool:
        """An active subject is counted only by a verb that takes no object ("died", "lost
        their lives"): the subject of "killed" is the killer."""
        if dep != "nsubj":
            return True
        if verb.lemma_.lower() in ("kill", "injure", "wound", "detain", "release", "displace"):
            return False
        return all(c.dep_ != "dobj" or _lemma(c) in ("life", "home") for c in verb.children)

    def _taken(
        self,
        counted: Token,
        quantity: str,
        takes: dict[int, list[tuple[str, str]]],
        verb: Token | None = None,
    ) -> str:
        """The quantity of a trigger, changed by the word that governs it ("release five
        detainees", "the release of five detainees")."""
        governor = verb
        if governor is None or governor.i == counted.i:
            governor = None
            if counted.dep_ in ("dobj", "nsubjpass"):
                governor = counted.head
            elif counted.dep_ == "pobj" and counted.head.lower_ == "of":
                governor = counted.head.head
        if governor is None:
            return quantity
        for source, target in takes.get(governor.i, []):
            if source == quantity:
                return target
        return quantity

    def _whole_quantity(
        self, doc: Doc, governor: Token, number: _Number, triggers: dict[int, str]
    ) -> str | None:
        """ "out of a total of 11": the quantity of the trigger noun named before it."""
        for i in range(number.start - 1, max(0, number.start - 25) - 1, -1):
            if i in triggers and doc[i].pos_ == "NOUN":
                return triggers[i]
        return None

    # -- parts and approx -------------------------------------------------------------------
    def _resolve_parts(self, found: list[_Found]) -> None:
        for k, item in enumerate(found):
            if not item.part_of or item.quantity is not None:
                continue
            same = [f for f in found[:k] if f.sentence == item.sentence and f.quantity]
            if same:
                item.quantity = same[0].quantity
                continue
            if item.own is not None:
                item.quantity = item.own
                continue
            earlier = [f for f in found[:k] if f.quantity and not f.part_of]
            if earlier:
                last = earlier[-1].sentence
                first = next(f for f in earlier if f.sentence == last)
                item.quantity = first.quantity
            # a part of a figure with no quantity is dropped (quantity stays None)

    def _resolve_approx(self, found: list[_Found]) -> None:
        for k, item in enumerate(found):
            if item.number.approx or k == 0:
                continue
            previous = found[k - 1]
            if previous.sentence != item.sentence or not previous.number.approx:
                continue
            counted = item.counted
            if (
                counted.dep_ == "conj"
                and counted.head.i < counted.i
                and counted.head.i in (previous.counted.i, previous.counted.head.i)
            ):
                item.number.approx = True

    # -- the record ---------------------------------------------------------------------------
    def _record(self, context: _Context, item: _Found, records: list[Figure]) -> Figure:
        doc = context.doc
        number = item.number
        start, end = item.sentence
        source_text, source_actor = self._source(doc, number)
        who_token = self._who_token(item)
        who = self.lex.who.get(who_token.lower_) or self.lex.who.get(who_token.lemma_.lower())
        last = doc[number.end - 1]
        return {
            "start": start,
            "end": end,
            "num_start": doc[number.start].idx,
            "num_end": last.idx + len(last.text),
            "quantity": item.quantity,
            "value": number.value,
            "approx": number.approx,
            "who": who,
            "place": self._place(context, item, who_token, records),
            "since": self._since(context, item),
            "until": None,
            "source_text": source_text,
            "source_actor": source_actor,
            "part_of": item.part_of,
        }

    def _who_token(self, item: _Found) -> Token:
        counted = item.counted
        if counted.i < item.number.end:  # the number itself: "eight of its peacekeepers"
            return _of_object(counted) or counted
        if counted.lower_ in self.lex.who or counted.lemma_.lower() in self.lex.who:
            return counted
        # "the deaths of 39 Israeli civilians": the counted people follow the trigger
        return _of_object(counted) or counted

    # -- place -------------------------------------------------------------------------------
    def _place(
        self, context: _Context, item: _Found, who_token: Token, records: list[Figure]
    ) -> str | None:
        lex = self.lex
        doc = context.doc
        start, end = item.sentence
        actors = [s for s in context.actors if start <= s.start_char < end]
        # 1. a demonym or actor in the counted noun phrase
        for token in (who_token, item.counted):
            left = token.i if token.i < item.number.start else token.left_edge.i
            for t in doc[left : token.i + 1]:
                side = self._side_of_token(t, actors)
                if side is not None:
                    return side
        if who_token.lower_ in lex.neutral_who or who_token.lemma_.lower() in lex.neutral_who:
            return None
        same = [r for r in records if r["start"] == start]
        if item.part_of and same:
            whole = [r for r in same if not r["part_of"]] or same
            return _str_or_none(whole[-1]["place"])
        # 2. a place after a location preposition (an attacker names the other side); not
        # for people held, who are where their captor holds them
        best: tuple[int, str] | None = None
        located: list[tuple[Span, str | None]] = []
        if item.quantity not in lex.unlocated:
            located = [(s, c) for s, c in context.places if start <= s.start_char < end]
            located += [(s, None) for s in actors]
        for span, country in located:
            prep = span.root.head if span.root.dep_ == "pobj" else None
            while prep is not None and prep.dep_ == "pobj":
                prep = prep.head
            if prep is None or prep.lower_ not in lex.location_preps:
                continue
            if country is not None:
                side = lex.countries.get(country)
            else:
                side = self._span_side(span, attacker_flip=True)
            if side is None:
                continue
            distance = abs(span.start - item.number.start)
            if best is None or distance < best[0]:
                best = (distance, side)
        if best is not None:
            return best[1]
        # 3. the subject of the governing verb, or any attacker of the sentence
        if item.counted.dep_ in _OBJECT_DEPS:
            for child in item.counted.head.children:
                if child.dep_ not in _SUBJECT_DEPS:
                    continue
                for span in actors:
                    root = self._root(span)
                    if span.start <= child.i < span.end and root in lex.opponents:
                        return lex.opponents[root]
        for span in actors:
            if _lemma(span.root) in lex.attack_nouns or span.root.lower_ in lex.attack_nouns:
                root = self._root(span)
                if root in lex.opponents:
                    return lex.opponents[root]
        # 4. the previous figure of the sentence
        if same:
            return _str_or_none(same[-1]["place"])
        # 5. another actor or demonym of the sentence
        for span in actors:
            in_place = span.root.dep_ == "pobj" and span.root.head.lower_ in lex.location_preps
            if in_place and item.quantity in lex.unlocated:
                continue  # the captor's jails
            side = self._span_side(span, attacker_flip=False)
            if side is not None:
                return side
        first, last = context.owners.sent(item.number.head)
        for t in doc[first:last]:
            root = self._demonyms.get(t.lower_)
            if root in lex.sides:
                return lex.sides[root]
        # 6. a figure shortly before
        if records:
            previous = records[-1]
            gap = context.sentence_index(start) - context.sentence_index(previous["start"])
            if gap <= lex.carry_sentences:
                return _str_or_none(previous["place"])
        return context.dominant_side(lex.countries)

    def _root(self, span: Span) -> str | None:
        actor = span._.actor
        return actor.split(".", 1)[0] if isinstance(actor, str) else None

    def _side_of_token(self, token: Token, actors: list[Span]) -> str | None:
        for span in actors:
            if span.start <= token.i < span.end:
                if _lemma(span.root) in self.lex.attack_nouns:
                    return None
                return self.lex.sides.get(self._root(span) or "")
        root = self._demonyms.get(token.lower_)
        return self.lex.sides.get(root) if root else None

    def _span_side(self, span: Span, *, attacker_flip: bool) -> str | None:
        root = self._root(span)
        if root is None:
            return None
        head = span.root
        if head.lower_ in self.lex.attack_nouns or _lemma(head) in self.lex.attack_nouns:
            return self.lex.opponents.get(root) if attacker_flip else None
        return self.lex.sides.get(root)

    # -- since and source -------------------------------------------------------------------
    def _since(self, context: _Context, item: _Found) -> str | None:
        lex = self.lex
        doc = context.doc
        start, end = item.sentence
        times = [(s, v) for s, v in context.times if start <= s.start_char < end]
        for span, value in times:
            if span.start > 0 and doc[span.start - 1].lower_ == "since" and _is_date(value):
                return value
        first, last = context.owners.sent(item.number.head)
        sentence = doc[first:last]
        truce = [t for t in sentence if t.lower_ in lex.truce_nouns]
        # a count since a truce is a running total: a verb in the perfect ("have been killed")
        perfect = any(t.dep_ in ("aux", "auxpass") and t.lemma_ == "have" for t in sentence)
        if truce and perfect:
            for span, value in times:
                near = any(abs(span.start - t.i) <= 8 for t in truce)
                if near and _is_date(value):
                    return value
            return self._truce_before(context, first)
        for t in sentence:
            if t.lower_ not in lex.conflict_nouns:
                continue
            of = t.head
            outbreak = of.lower_ == "of" and of.head.lower_ in ("outbreak", "start", "beginning")
            if outbreak and of.head.head.lower_ == "since":
                return lex.conflict_start
            subject = t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT"
            if subject and any(c.lower_ in ("the", "these", "this") for c in t.children):
                return lex.conflict_start
        return None

    def _truce_before(self, context: _Context, sentence_start: int) -> str | None:
        """The date of a truce named in one of the sentences before ("agreed to a ceasefire
        ... in November"): the date closest to the truce word."""
        doc = context.doc
        k = context.sentence_index_of_token(sentence_start)
        for j in range(k - 1, max(-1, k - 1 - self.lex.look_back), -1):
            first, last = context.owners.starts[j], context.owners.ends[j]
            # (truce word, the clause that establishes it)
            truce = [
                (t, verb)
                for t in doc[first:last]
                if t.lower_ in self.lex.truce_nouns and (verb := self._establishing(t)) is not None
            ]
            for word, verb in truce:
                left, right = verb.left_edge.i, verb.right_edge.i
                dates = [
                    (abs(span.start - word.i), value)
                    for span, value in context.times
                    if first <= span.start < last
                    and _is_date(value)
                    and (span.root.head.i == word.i or left <= span.start <= right)
                ]
                if dates:
                    return str(min(dates)[1])
        return None

    def _establishing(self, truce: Token) -> Token | None:
        """The clause that establishes a truce ("agreed to a ceasefire", "the ceasefire took
        effect", "since the ceasefire"), or None."""
        head = truce.head
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ in ("since", "of"):
                return head
            head = head.head
        return head if _lemma(head) in self.lex.truce_verbs else None

    def _source(self, doc: Doc, number: _Number) -> tuple[str | None, str | None]:
        at = doc[number.start].idx
        statements = doc._.statements or []
        holding = [
            s
            for s in statements
            if s.get("content_start") is not None and s["content_start"] <= at < s["content_end"]
        ]
        holding += [s for s in statements if s["start"] <= at < s["end"] and s not in holding]
        for statement in holding:
            text = statement.get("speaker_text") or statement.get("medium")
            if text:
                actor = statement.get("speaker_actor")
                return str(text), str(actor) if actor else None
        return None, None


class _Context:
    """What the record rules read of one document, gathered once."""

    def __init__(self, doc: Doc, owners: Owners) -> None:
        self.doc = doc
        self.owners = owners
        self.actors: list[Span] = list(doc.spans.get("actors", []))
        self.places: list[tuple[Span, str | None]] = [
            (span, (span._.place or {}).get("country") or "")
            for span in doc.spans.get("places", [])
        ]
        self.times: list[tuple[Span, str | None]] = [
            (span, span._.value) for span in doc.spans.get("times", [])
        ]
        self._char_starts = [doc[i].idx for i in owners.starts]

    def dominant_side(self, countries: dict[str, str]) -> str | None:
        """The side of most of the document's places, when one side has most."""
        counts: dict[str, int] = {}
        for _, country in self.places:
            side = countries.get(country or "")
            if side is not None:
                counts[side] = counts.get(side, 0) + 1
        ranked = sorted(counts.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
            return None
        return max(counts, key=lambda side: counts[side])

    def sentence_index(self, char: int) -> int:
        return bisect_right(self._char_starts, char) - 1

    def sentence_index_of_token(self, i: int) -> int:
        return bisect_right(self.owners.starts, i) - 1


def _half_a(doc: Doc, i: int, first: str = "half") -> bool:
    """ "half a million" at ``i`` (or, with ``first="a"``, "a half million" of "one and a half
    million")."""
    if i + 2 >= len(doc):
        return False
    words = [t.lower_ for t in doc[i : i + 3]]
    if first == "half":
        return words[0] == "half" and words[1] in ("a", "an") and words[2] in (*_SCALES, "dozen")
    return words[0] in ("a", "an") and words[1] == "half" and words[2] in (*_SCALES, "dozen")


def _of_object(token: Token) -> Token | None:
    """The object of the token's "of" ("eight of its peacekeepers" -> peacekeepers)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _str_or_none(value: object) -> str | None:
    return str(value) if value else None


def _is_date(value: str | None) -> bool:
    """A calendar date of any precision (not a week, a duration or a reference)."""
    return bool(value) and str(value)[:1].isdigit() and "W" not in str(value)
