"""The times layer: temporal expressions of a Doc, normalised against its publication date.

:class:`TimeTagger` is a pipeline component. It takes spaCy's DATE and TIME entities plus its
own patterns for what the model misses (clock times, "now", numeric and byline dates,
durations such as "monthlong"), tightens each span as ANNOTATION.md asks (signal words such as
"since" or "on" stay outside, determiners and modifiers stay inside), normalises it with
:func:`parley.nlp.timex.normalise` and keeps the expressions that can be placed on a calendar
or are numeric durations. Results go to ``doc.spans["times"]`` with ``span._.value`` and
``span._.timex_type`` set.
"""

from __future__ import annotations

import re
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from parley.nlp import extensions
from parley.nlp.timex import Timex, normalise, parse_anchor
from parley.nlp.timex_rules import MONTHS, Tense

__all__ = ["SPAN_KEY", "TimeTagger", "governing_tense"]

SPAN_KEY: Final = "times"

_SIGNAL_WORDS: Final = frozenset(
    {
        "since", "on", "until", "till", "til", "by", "from", "in", "at", "during", "for",
        "through", "throughout", "after", "before", "within", "of", "to", "between", "as",
        "into", "upon", "starting", "beginning", "ending", "effective", "ahead", "amid",
        "toward", "towards", "per", "over", "around", "circa",
    }
)  # fmt: skip
# Leading words that are modifiers, not signals, when followed by a number or a clock time.
_KEEP_BEFORE_NUMBER: Final = frozenset({"over", "around", "about", "under"})
_MULTIWORD_MODIFIERS: Final = frozenset(
    {("at", "least"), ("at", "most"), ("as", "many"), ("as", "much"), ("as", "long"),
     ("as", "little"), ("as", "few")}
)  # fmt: skip
_LEADING_JUNK: Final = frozenset({"earlier", "later", "early", "late"})
_SPLIT_WORDS: Final = frozenset(
    {
        "ended", "ending", "ends", "and", "or", "to", "through", "until", "till", "from",
        "compared", "versus", "vs", "of", "after", "before", "since",
    }
)  # fmt: skip
_COORDINATIONS: Final = frozenset({"and", "or", "to", "through", "until", "till"})
_UNIT_WORDS: Final = frozenset({"year", "month", "week", "quarter", "weekend", "day"})
_LEFT_MODIFIERS: Final = frozenset({"this", "last", "next", "that", "the", "each", "every"})
_FUTURE_AUX: Final = frozenset({"will", "'ll", "shall", "wo", "would", "’ll"})
_FUTURE_GOVERNORS: Final = frozenset(
    {
        "expect", "schedule", "set", "due", "plan", "go", "intend", "aim", "slate", "hope",
        "vow", "promise", "pledge", "prepare", "poise", "likely", "about", "bound", "suppose",
        "want", "agree", "decide", "threaten", "seek", "try", "propose", "offer",
    }
)  # fmt: skip
_MONTH_NAMES = "|".join(name.capitalize() for name in sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_ZONE = (
    r"(?:\s*\(?(?:GMT|UTC|EDT|EST|CDT|CST|PDT|PST|BST|CET|CEST|EET|EEST|IDT|ET)\)?|\s+local\s+time)"
)
_EXTRA_PATTERNS: Final = re.compile(
    "|".join(
        (
            # clock times, with an optional modifier and zone: "around 23:00 GMT", "4 am local time"
            rf"\b(?:(?:around|about|approximately|at\s+about|shortly\s+after|shortly\s+before)\s+)?"
            rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\s*[AaPp]\.?[Mm]\b\.?)"
            rf"{_ZONE}?",
            # numeric and ISO dates: "02-09-2024", "2025-03-11"
            r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{4}\b|\b\d{4}-\d{2}-\d{2}\b",
            # byline dates: "17 May, 2025", "Friday 11 July 2025"
            rf"\b(?:(?:{_WEEKDAY_NAMES}),?\s+)?\d{{1,2}}\s+(?:{_MONTH_NAMES})\.?,?\s+\d{{4}}\b",
            rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:,\s*\d{{4}})?\b",
            # PRESENT_REF
            r"\b(?:[Rr]ight\s+)?[Nn]ow\b(?!\s+that\b)",
            # one-word durations: "monthlong", "day-long"
            r"\b(?:day|week|month|year|hour)-?long\b",
            # durations written with a hyphen: "60-day", "14-month"
            r"\b\d+-(?:day|week|month|year|hour|minute)\b",
        )
    )
)
_TIME_OF_DAY: Final = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\s*[AaPp]\.?[Mm]\.?)"
    rf"{_ZONE}?|(?i:morning|afternoon|evening|night|overnight)"
)
_CLOCK_SPAN: Final = re.compile(
    rf"(?:(?:around|about|approximately|at|shortly\s+after|shortly\s+before)\s+)?"
    rf"(?:{_TIME_OF_DAY.pattern}|(?i:noon|midnight|midday))"
)
_TRUNCATION_END: Final = re.compile(r"[.!?…][\"'”’)\]]*\s*$|[\"”’]\s*$")
_SENTENCE_BREAK: Final = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")
_DROPPED_VALUES: Final = frozenset({"PAST_REF", "FUTURE_REF"})


class TimeTagger:
    """Find and normalise the temporal expressions of a Doc (spans in ``doc.spans["times"]``).

    ``doc._.published`` (an ISO date or datetime string, or None) anchors relative
    expressions; without it they get value None. Frequencies (``SET``), vague references
    ("recently", "in the future") and durations without a number ("for weeks") are left out,
    as the annotation guidelines ask.
    """

    def __init__(self, nlp: Language, name: str = "time_tagger") -> None:
        extensions.register()
        self.name = name
        self.labels = ("DATE", "TIME")

    def __call__(self, doc: Doc) -> Doc:
        anchor = parse_anchor(doc._.published)
        cutoff = _truncated_tail(doc.text)
        spans: list[Span] = []
        reference: str | None = None
        for start, end in self._candidates(doc):
            for span in self._pieces(doc, start, end):
                if span.start_char >= cutoff:
                    continue
                timex = normalise(
                    span.text, anchor, tense=governing_tense(span), reference=reference
                )
                if not _keep(timex):
                    continue
                assert timex is not None
                span._.value = timex.value
                span._.timex_type = timex.type
                spans.append(span)
                if timex.value and timex.value[:1].isdigit() and not timex.anaphoric:
                    if timex.type in ("DATE", "TIME"):
                        reference = timex.value
        _date_clock_times(spans)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the candidate expressions: entities and pattern matches, merged."""
        ranges = [(ent.start, ent.end) for ent in doc.ents if ent.label_ in self.labels]
        for match in _EXTRA_PATTERNS.finditer(doc.text):
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            if span is not None:
                ranges.append((span.start, span.end))
        ranges.sort()
        merged: list[tuple[int, int]] = []
        for start, end in ranges:
            if merged and (start < merged[-1][1] or _adjacent(doc, merged[-1], (start, end))):
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
            else:
                merged.append((start, end))
        return merged

    def _pieces(self, doc: Doc, start: int, end: int) -> list[Span]:
        """The tightened span, or its parts when it joins two expressions ("1994 and 1997",
        "the quarter ended Sept. 30", "the first nine months of 1997")."""
        span = _tighten(doc, _extend_left(doc, start), end)
        if span is None:
            return []
        cuts = [t.i for t in span[1:-1] if t.lower_ in _SPLIT_WORDS]
        if not cuts:
            return [span]
        pieces: list[Span] = []
        piece_start = span.start
        for cut in [*cuts, span.end]:
            part = _tighten(doc, piece_start, cut)
            if part is not None:
                pieces.append(part)
            piece_start = cut + 1
        readable = [p for p in pieces if normalise(p.text, None) is not None]
        whole = normalise(span.text, None) is not None
        coordinated = any(doc[cut].lower_ in _COORDINATIONS for cut in cuts)
        if whole and not (coordinated and len(readable) == len(pieces)):
            return [span]
        return readable or [span]


def _date_clock_times(spans: list[Span]) -> None:
    """A clock time takes the date written next to it ("4 am local time on Wednesday",
    "Friday at 3 pm") instead of the anchor's."""
    for index, span in enumerate(spans):
        if not _CLOCK_SPAN.fullmatch(span.text):
            continue
        neighbours = []
        if index + 1 < len(spans):
            neighbours.append((spans[index + 1], span.doc[span.end : spans[index + 1].start]))
        if index > 0:
            neighbours.append((spans[index - 1], span.doc[spans[index - 1].end : span.start]))
        for other, gap in neighbours:
            value = other._.value
            if len(gap) > 4 or not isinstance(value, str) or not _DAY_VALUE.fullmatch(value):
                continue
            if all(t.is_punct or t.like_num or t.lower_ in _CLOCK_GAP for t in gap):
                span._.value = value
                break


_CLOCK_GAP: Final = frozenset(
    {"on", "at", "of", "local", "time", "gmt", "utc", "est", "edt", "et", "around", "about"}
)
_DAY_VALUE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _adjacent(doc: Doc, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """A date followed directly by a time of day ("Tuesday evening", "17 May, 2025 13:59 PM")."""
    gap = doc[left[1] : right[0]]
    if any(not (token.is_punct and token.text == ",") for token in gap):
        return False
    if doc[left[1] - 1].is_punct:
        return False
    return _TIME_OF_DAY.fullmatch(doc[right[0] : right[1]].text) is not None


def _extend_left(doc: Doc, start: int) -> int:
    """Take in the determiner the model left out of a bare unit ("this [year]'s election")."""
    if start > 0 and doc[start].lower_ in _UNIT_WORDS and doc[start - 1].lower_ in _LEFT_MODIFIERS:
        return start - 1
    return start


def _tighten(doc: Doc, start: int, end: int) -> Span | None:
    """Drop leading signal words and trailing punctuation and possessives."""
    while start < end:
        token = doc[start]
        lower = token.lower_
        following = doc[start + 1] if start + 1 < end else None
        if following is not None and (lower, following.lower_) in _MULTIWORD_MODIFIERS:
            break
        if (
            lower in _KEEP_BEFORE_NUMBER
            and following is not None
            and (following.like_num or following.text[:1].isdigit())
        ):
            break
        if lower in _SIGNAL_WORDS or token.is_punct or token.is_space:
            start += 1
        elif lower in _LEADING_JUNK and following is not None and following.lower_ == "on":
            start += 2
        else:
            break
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in ("'s", "’s")
    ):
        if doc[end - 1].text == "." and end - 1 > start and doc[end - 2].lower_ in _ABBREVIATED:
            break
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


_ABBREVIATED: Final = frozenset({"a.m", "p.m", "sept", "oct", "nov", "dec", "jan", "feb", "aug"})


def _keep(timex: Timex | None) -> bool:
    if timex is None or timex.type == "SET":
        return False
    value = timex.value
    if value is None:
        return True
    if value in _DROPPED_VALUES:
        return False
    return not (timex.type == "DURATION" and "X" in value)


def _truncated_tail(text: str) -> int:
    """Where the final, cut-off sentence of an excerpt starts (``len(text)`` if none is cut)."""
    stripped = text.rstrip()
    if not stripped or _TRUNCATION_END.search(stripped):
        return len(text)
    last = 0
    for match in _SENTENCE_BREAK.finditer(stripped):
        last = match.end()
    return last if last > 0 else len(text)


def governing_tense(span: Span) -> Tense:
    """The tense hint of the verb that governs a span.

    "future" for "will meet on Thursday", "would", "is expected to", "going to", "scheduled
    for" and for deadlines ("until Tuesday", "by Jan. 14", "as soon as Friday") unless the verb
    is a perfect ("had filed by Wednesday"); "past" for a past or perfect verb ("met", "has
    met", "was signed"); "present" otherwise (modal verbs, present tense, no verb).
    """
    verb = _governing_verb(span)
    tense: Tense = "present"
    if verb is not None:
        for _ in range(4):
            found = _verb_tense(verb)
            if found is not None:
                tense = found
                break
            if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
                break
            verb = verb.head
    if tense != "future":
        before = span.doc[max(0, span.start - 3) : span.start].text.lower()
        if _DEADLINE.search(before) and not (verb is not None and _is_perfect(verb)):
            return "future"
    return tense


_CLIMB_DEPS: Final = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl"})
_DEADLINE: Final = re.compile(
    r"(?:\buntil|\btill|\bby|as soon as|as early as|as late as|\bahead of)$"
)


def _governing_verb(span: Span) -> Token | None:
    token: Token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'d") for c in verb.children)


def _verb_tense(verb: Token) -> Tense | None:
    """The tense of one verb from its tag and auxiliaries; None when it says nothing."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxiliaries}
    if lowers & _FUTURE_AUX:
        return "future"
    if lowers & _MODALS:
        return "present"
    if verb.lemma_.lower() in _FUTURE_VERBS:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_GOVERNORS:
        return "future"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxiliaries):
        return "past"
    if verb.tag_ == "VBN":
        if lowers & {"have", "has", "had", "'ve", "having"}:
            return "past"
        if lowers & {"is", "are", "be", "being", "'s", "'re", "am"}:
            return "present"
        return "past"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


_MODALS: Final = frozenset({"must", "should", "can", "may", "might", "could", "ca", "shall"})
_FUTURE_VERBS: Final = frozenset({"schedule", "plan", "slate", "postpone", "delay", "expect"})
