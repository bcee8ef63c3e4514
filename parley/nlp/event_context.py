"""The document context and the found events of the events component (``parley.nlp.events``).

:class:`Found` is one event before it becomes a plain dict; :class:`Context` is what the rules
read of one document (actors by token, statements, times, places, sentence bounds) and answers
the date, place and antecedent questions; :func:`merge` keeps one event per happening.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span, Token

from parley.nlp.event_parse import (
    EventLexicon,
    clause_chain,
    event_lexicon,
    governing_verb,
    in_span,
    is_verb,
    phrase_tokens,
    prep_objects,
)
from parley.nlp.statement_parse import Owners

# how a time hangs from what it dates: "killed Monday", "on Friday", "Tuesday's attack"
_TIME_DEPS = frozenset(
    {"npadvmod", "tmod", "pobj", "prep", "compound", "nmod", "amod", "advmod", "poss", "obl"}
)


# prepositions whose noun frames a clause in time: "at a meeting on Friday, X withdrew"
_FRAME_PREPS = frozenset({"at", "during"})
# marks of a clause that happens at the time of its head: "withdrew as the cabinet began"
_SAME_TIME_MARKS = frozenset({"as", "when", "while"})


def _frames(token: Token) -> list[Token]:
    """The clauses whose time is the token's: the head of a same-time clause ("as ...",
    "when ..."), of a means clause ("by firing"), through xcomp and conj."""
    out: list[Token] = []
    current = token
    for _ in range(4):
        if current.head is current:
            break
        if current.dep_ in ("xcomp", "conj"):
            current = current.head
            out.append(current)
            continue
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _SAME_TIME_MARKS for c in current.children
        ):
            current = current.head
            out.append(current)
            continue
        if current.dep_ == "pcomp" and current.head.lower_ == "by":
            current = current.head.head
            out.append(current)
            continue
        break
    return out


@dataclass
class Found:
    trigger: Token
    kind: str
    anchor: Token  # the token whose time and place count: the trigger or its light verb
    a: list[str] = field(default_factory=list)
    b: list[str] = field(default_factory=list)
    status: str = "occurred"
    date: str | None = None
    place: dict[str, Any] | None = None
    sentence: tuple[int, int] = (0, 0)
    pronoun: Token | None = None  # an agent still to resolve
    parties: bool = False  # "the parties", "the two sides"
    definite: bool = False  # "the meeting", "this strike"
    speech: bool = False


def roots(ids: list[str]) -> set[str]:
    return {i.split(".", 1)[0] for i in ids}


def add_ids(ids: list[str], more: list[str]) -> None:
    for item in more:
        if item not in ids:
            ids.append(item)


def ongoing(event: Found) -> bool:
    """A process in the present ("are carrying out raids", "says it is targeting") or a
    series of violations: no single occasion to date it by."""
    trigger = event.trigger
    if trigger.lemma_.lower() in event_lexicon().violation_words:
        return True
    verb = trigger if is_verb(trigger) else event.anchor if is_verb(event.anchor) else None
    if verb is None:
        verb = governing_verb(trigger)
    if verb is None:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG" and any(a.lower_ in ("is", "are", "am") for a in auxes):
        return True
    return verb.tag_ in ("VBZ", "VBP") and not auxes


def _anterior(event: Found) -> bool:
    """A happening in the past perfect ("had asked ..., despite a rejection"): earlier than
    the news the body dates, so a later mention is another occasion."""
    chain = [*clause_chain(event.trigger), event.anchor]
    return any(c.dep_ == "aux" and c.lower_ == "had" for t in chain for c in t.children)


def occasion_date(event: Found, found: list[Found]) -> str | None:
    """The date of the same occasion mentioned elsewhere in the article: the latest dated
    event of the same kind and agent in an earlier sentence, else (a headline or lead that
    the body dates later) the first one in a later sentence, unless the mention is in the
    past perfect."""
    earlier = [o for o in reversed(found) if o.sentence[0] < event.sentence[0]]
    later = [o for o in found if o.sentence[0] > event.sentence[0]] if not _anterior(event) else []
    for candidates in (earlier, later):
        for other in candidates:
            if other.kind != event.kind or other.date is None or other.status != "occurred":
                continue
            if (roots(other.a) & roots(event.a)) or (not other.a and not event.a):
                return other.date
        if any(o.kind == event.kind and o.status == "occurred" for o in earlier):
            return None  # an earlier mention without a date: no later one dates this
    return None


def merge(found: list[Found]) -> list[Found]:
    """One event per distinct happening of a sentence (module doc, rule 7)."""
    kept: list[Found] = []
    ordered = sorted(found, key=lambda e: (not e.a, e.trigger.i))
    for event in ordered:
        for other in kept:
            if (
                other.sentence == event.sentence
                and other.kind == event.kind
                and other.status == event.status
                and (not event.a or not other.a or roots(event.a) & roots(other.a))
                and (event.date is None or other.date is None or event.date == other.date)
            ):
                if event.kind in ("talks", "ceasefire", "agreement"):
                    add_ids(other.a, event.a)
                add_ids(other.b, event.b)
                other.date = other.date or event.date
                other.place = other.place or event.place
                break
        else:
            kept.append(event)
    kept.sort(key=lambda e: (e.sentence[0], e.trigger.i))
    return kept


class Context:
    """What the rules read of one document: actors by token, statements, times, places."""

    def __init__(self, doc: Doc, lex: EventLexicon, bodies: dict[str, str]) -> None:
        self.doc = doc
        self.lex = lex
        self.owners = Owners(doc)
        self._actor_at: dict[int, Span] = {}
        self.actor_spans: list[Span] = []
        for span in doc.spans.get("actors", []):
            if span._.kind == "media" or not span._.actor:
                continue
            self.actor_spans.append(span)
            for i in range(span.start, span.end):
                self._actor_at[i] = span
        self.statements: list[dict[str, Any]] = list(doc._.statements or [])
        self.times = [
            s
            for s in doc.spans.get("times", [])
            if isinstance(s._.value, str) and s._.value[:1].isdigit()
        ]
        self.places = [s for s in doc.spans.get("places", []) if s._.place]
        self._place_tokens = {i for s in self.places for i in range(s.start, s.end)}
        self._bodies = bodies
        self._speech_dates: dict[int, str | None] = {}
        self._dateline = self._find_dateline()

    def _find_dateline(self) -> tuple[str, int] | None:
        """A time right after the place that opens the text and right before a period:
        "UN, August 28." -> its value and end offset."""
        text = self.doc.text
        for span in self.times:
            before, after = text[: span.start_char], text[span.end_char : span.end_char + 1]
            if span.start_char > 40 or after != ".":
                continue
            head = before.rstrip()
            if head.endswith(",") and head[:1].isupper() and "." not in head and "\n" not in head:
                return str(span._.value), span.end_char
        return None

    # actors
    def owner(self, token: Token) -> str | None:
        span = self._actor_at.get(token.i)
        return str(span._.actor) if span is not None else None

    def actors(self, head: Token) -> list[str]:
        ids: list[str] = []
        for token in phrase_tokens(head):
            span = self._actor_at.get(token.i)
            if span is not None and span._.actor not in ids:
                ids.append(str(span._.actor))
        return ids

    def clause_free_actors(self, head: Token) -> list[str]:
        """Every actor in a phrase's subtree outside its purpose and content clauses
        ("a meeting in Naqoura, which included representatives from X and Y")."""
        ids: list[str] = []
        stack = [head]
        while stack:
            token = stack.pop()
            span = self._actor_at.get(token.i)
            if span is not None and span._.actor not in ids:
                ids.append(str(span._.actor))
            for child in token.children:
                if child.dep_ in ("acl", "relcl", "advcl", "xcomp", "ccomp") and (
                    child.lemma_.lower() not in ("include", "comprise", "involve", "bring")
                ):
                    continue
                stack.append(child)
        return ids

    def sentence_actors(self, event: Found) -> list[str]:
        """The actors of the event's sentence that are not places."""
        ids: list[str] = []
        for span in self.actor_spans:
            if not event.sentence[0] <= span.start_char < event.sentence[1]:
                continue
            if any(i in self._place_tokens for i in range(span.start, span.end)):
                continue
            if span._.actor not in ids:
                ids.append(str(span._.actor))
        return ids

    def is_place(self, token: Token) -> bool:
        return token.i in self._place_tokens

    def body(self, head: Token) -> list[str]:
        """A bare body noun ("the military", "the government", "drones"): the latest actor
        with that body mentioned before it."""
        if head.pos_ != "NOUN":
            return []
        compound = " ".join(t.lower_ for t in head.lefts if t.dep_ == "compound")
        suffix = None
        for key in (f"{compound} {head.lower_}".strip(), head.lower_, head.lemma_.lower()):
            suffix = self._bodies.get(key)
            if suffix:
                break
        if suffix is None:
            return []
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        if not definite and not (head.tag_ == "NNS" and suffix == "MIL"):
            return []
        for span in reversed(self.actor_spans):
            if span.start < head.i and str(span._.actor).endswith(f".{suffix}"):
                return [str(span._.actor)]
        return []

    def speaker_of(self, pronoun: Token) -> str | None:
        for statement in self.statements:
            if statement.get("speaker_start") == pronoun.idx and statement.get("speaker_actor"):
                return str(statement["speaker_actor"])
        around = self.statement_around(pronoun)
        if around is not None and around.get("speaker_actor"):
            return str(around["speaker_actor"])
        return None

    def statement_around(self, token: Token, cue_too: bool = False) -> dict[str, Any] | None:
        for statement in self.statements:
            if in_span(token, statement["content_start"], statement["content_end"]):
                return statement
        if cue_too:
            for statement in self.statements:
                if statement["start"] <= token.idx < statement["end"]:
                    return statement
        return None

    def previous_events(
        self, event: Found, by_sentence: dict[tuple[int, int], list[Found]]
    ) -> list[Found]:
        earlier = [s for s in by_sentence if s[1] <= event.sentence[0]]
        if not earlier:
            return []
        last = max(earlier)
        if not self._adjacent(last, event.sentence):
            return []
        return by_sentence[last]

    def _adjacent(self, earlier: tuple[int, int], later: tuple[int, int]) -> bool:
        """Whether no other sentence lies between two sentences."""
        starts = self.owners.starts
        doc = self.doc
        count = sum(1 for s in starts if earlier[1] <= doc[s].idx < later[0])
        return count <= 1

    def previous_actors(self, event: Found, first: bool = False) -> list[str]:
        start = event.sentence[0]
        previous = [s for s in self.owners.starts if self.doc[s].idx < start]
        if not previous:
            return []
        sent_start = self.doc[previous[-1]].idx
        ids: list[str] = []
        for span in self.actor_spans:
            if sent_start <= span.start_char < start and span._.actor not in ids:
                ids.append(str(span._.actor))
        return ids[:1] if first else ids

    # time, place, words
    def date_of(self, event: Found, lex: EventLexicon) -> str | None:
        """The date of a time attached to the event: to its trigger, its light verb, a
        happening predicate of its noun ("a ceasefire, starting on Wednesday"), or the clause
        that frames it ("withdrew as the government began discussing", "initiated a conflict
        by firing"); a time inside an "at"/"during" adjunct dates the clause ("at a meeting on
        Friday, ministers withdrew"). A campaign anchored with "since" takes its start."""
        targets = {event.trigger.i, event.anchor.i} | {
            c.i
            for t in (event.anchor, event.trigger)
            for c in t.children
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.happening_verbs
        }
        targets |= {
            c.i
            for obj in prep_objects(event.trigger, "to")
            for c in obj.children
            if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in lex.happening_verbs
        }  # "agreed to a ceasefire, starting on Wednesday"
        targets |= {t.i for t in _frames(event.anchor)}
        since = self._since_date(event, targets)
        if since is not None:
            return since
        best: tuple[int, str] | None = None
        for span in self.times:
            if not (event.sentence[0] <= span.start_char < event.sentence[1]):
                continue
            current = span.root
            if current.head.lower_ in ("until", "till", "through", "since"):
                continue  # "extended until 31 December": the end, not the happening
            for steps in range(1, 6):
                if current.head is current or current.dep_ not in _TIME_DEPS:
                    break
                current = current.head
                if current.i in targets:
                    if best is None or steps < best[0]:
                        best = (steps, str(span._.value))
                    break
                framing = (
                    current.dep_ == "pobj" and current.head.lower_ in _FRAME_PREPS and steps < 3
                )
                if not is_verb(current) and current.pos_ != "ADP" and not framing:
                    break  # "a November ceasefire": it dates another noun
        return best[1] if best else None

    def _since_date(self, event: Found, targets: set[int]) -> str | None:
        """The start of a campaign anchored with "since": "has launched attacks since the
        outbreak of war on October 8", "since Hezbollah agreed to a ceasefire in November"."""
        heads = [self.doc[i] for i in sorted(targets)]
        heads += [t for h in list(heads) for t in clause_chain(h)[1:]]
        for head in heads:
            for child in head.children:
                anchored = (child.dep_ == "prep" and child.lower_ == "since") or (
                    child.dep_ == "advcl"
                    and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children)
                )
                if not anchored:
                    continue
                inside = {t.i for t in child.subtree}
                for span in self.times:
                    if span.root.i in inside and len(str(span._.value)) >= 4:
                        return str(span._.value)
        return None

    def report_date(self, event: Found) -> str | None:
        """The date of a dated report of a fresh happening: "Axios reported on Tuesday that
        the two sides have agreed", "UNIFIL stated on October 29 that a rocket struck". The
        happening is in the simple past or present perfect of the reported clause; in the past
        perfect ("said on Monday that the army had struck") it is earlier than the report."""
        statement = self.statement_around(event.trigger)
        if statement is None:
            return None
        verb = event.anchor if is_verb(event.anchor) else governing_verb(event.anchor)
        if verb is None or not in_span(verb, statement["content_start"], statement["content_end"]):
            return None
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        fresh = (verb.tag_ == "VBD" and not auxes) or (
            verb.tag_ == "VBN"
            and bool(auxes & {"has", "have", "was", "were"})
            and not auxes & {"had", "will", "would"}
        )
        return self._cue_date(statement) if fresh else None

    def dateline_date(self, event: Found) -> str | None:
        """The wire dateline ("UN, August 28. /TASS/.") dates the undated happenings of the
        lead sentence that follows it."""
        if self._dateline is None:
            return None
        value, end = self._dateline
        bounds = zip(self.owners.starts, self.owners.ends, strict=True)
        for start, stop in bounds:  # the lead: the first sentence with a verb after it
            if stop <= len(self.doc) and self.doc[stop - 1].idx < end:
                continue
            if any(t.pos_ in ("VERB", "AUX") for t in self.doc[start:stop]):
                last = self.doc[stop - 1]
                return value if end <= event.trigger.idx < last.idx + len(last) else None
        return None

    def headline_date(self, event: Found) -> str | None:
        """A headline (the first line, with no closing punctuation) reports the news of the
        publication day: "Israeli strike kills two in southern Lebanon"."""
        text = self.doc.text
        first_line = text.split("\n", 1)[0].rstrip()
        if not first_line or first_line[-1] in '.!?"”' or event.trigger.idx >= len(first_line):
            return None
        published = self.doc._.published
        if not isinstance(published, str) or len(published) < 10:
            return None
        return published[:10]

    def speech_date(self, statement: dict[str, Any]) -> str | None:
        """The date of the speech: a time attached to the cue, else the latest earlier cue
        date of the same speaker."""
        speaker = statement.get("speaker_actor")
        found: str | None = None
        for other in self.statements:
            if other["cue_start"] > statement["cue_start"]:
                break
            if other.get("speaker_actor") != speaker:
                continue
            date = self._cue_date(other)
            if date is not None:
                found = date
        return found

    def _cue_date(self, statement: dict[str, Any]) -> str | None:
        key = statement["cue_start"]
        if key in self._speech_dates:
            return self._speech_dates[key]
        cue = self.doc.char_span(
            statement["cue_start"], statement["cue_end"], alignment_mode="expand"
        )
        value: str | None = None
        if cue is not None:
            verb = cue.root
            for span in self.times:
                current = span.root
                for _ in range(3):
                    if current.head is current:
                        break
                    current = current.head
                    if current.i == verb.i:
                        value = str(span._.value)
                        break
                    if is_verb(current):
                        break
                if value:
                    break
        self._speech_dates[key] = value
        return value

    def place_of(self, event: Found) -> dict[str, Any] | None:
        """The place attached to the trigger. A place that is also a party ("Lebanon and
        Israel held talks in Naqoura") counts only through a preposition ("strikes on
        Lebanon"), not as a subject or object."""
        targets = {event.trigger.i, event.anchor.i}
        actor_tokens = {
            t.i for span in self.doc.spans.get("actors", []) for t in span if span._.actor
        }
        for span in self.places:
            if not (event.sentence[0] <= span.start_char < event.sentence[1]):
                continue
            is_party = any(t.i in actor_tokens for t in span)
            current, through_preposition = span.root, False
            for _ in range(5):
                if current.head is current:
                    break
                through_preposition |= current.dep_ == "pobj"
                current = current.head
                if current.i in targets:
                    if through_preposition or not is_party:
                        return dict(span._.place)
                    break
                if is_verb(current):
                    break
        return None

    def words(self, sentence: tuple[int, int]) -> set[str]:
        span = self.doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
        if span is None:
            return set()
        return {t.lower_ for t in span} | {t.lemma_.lower() for t in span}

    def proposal_before(self, event: Found) -> bool:
        """Whether the preceding sentence is about a plan or proposal."""
        start = event.sentence[0]
        previous = [s for s in self.owners.starts if self.doc[s].idx < start]
        if not previous:
            return False
        sent = self.doc[previous[-1] : event.trigger.sent.start]
        return any(t.lemma_.lower() in self.lex.proposal_context for t in sent)
