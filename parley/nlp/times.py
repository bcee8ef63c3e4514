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
            r"\b(?:[Rr]ight\s+)?[Nn]ow\b|\b[Cc]urrently\b",
            # deictic days and weekdays the model sometimes misses: "Late Monday", "today"
            r"\b(?:[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b",
            rf"\b(?:(?:[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater)\s+)?(?:{_WEEKDAY_NAMES})\b"
            r"(?:\s+(?:morning|afternoon|evening|night))?",
            # years in words (broadcast transcripts): "nineteen ninety-six"
            r"\b(?:(?:[Jj]anuary|[Ff]ebruary|[Mm]arch|[Aa]pril|[Jj]une|[Jj]uly|[Aa]ugust|"
            r"[Ss]eptember|[Oo]ctober|[Nn]ovember|[Dd]ecember)\s+)?(?:[Nn]ineteen|[Ee]ighteen)[\s-]+"
            r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
            r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|"
            r"four|five|six|seven|eight|nine))?\b|\bthe\s+year\s+two\s+thousand\b",
            # reporting periods and holidays the model misses
            r"\b(?:[Tt]he\s+)?(?:latest|year-earlier|year-ago|comparable|corresponding)\s+"
            r"(?:quarter|period)\b|\b[Yy]ear-(?:earlier|ago)\b",
            r"\b(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?|"
            r"Independence\s+Day|Election\s+Day|Halloween)\b",
            # one-word durations: "monthlong", "day-long"
            r"\b(?:day|week|month|year|hour)-?long\b",
            # durations written with a hyphen: "60-day", "14-month"
            r"\b\d+-(?:day|week|month|year|hour|minute)\b",
        )
    )
)
_TIMEML_PATTERNS: Final = re.compile(
    r"\b(?:[Rr]ecently|[Ff]ormerly|[Ll]ately|"
    r"[Tt]he\s+(?:near\s+|distant\s+|foreseeable\s+)?[Ff]uture|[Tt]he\s+past|"
    r"[Dd]aily|[Ww]eekly|[Mm]onthly|[Aa]nnually|[Hh]ourly|(?:[Ee]very|[Ee]ach)\s+(?:day|week|"
    r"month|year|quarter)|[Rr]ecent\s+(?:days|weeks|months|years)|(?:[Dd]ays|[Ww]eeks|[Mm]onths|"
    r"[Yy]ears|[Dd]ecades|[Cc]enturies|[Ee]arlier\s+in\s+the\s+year))\b"
)
_TIME_OF_DAY: Final = re.compile(
    rf"(?:\d{{1,2}}[:.]\d{{2}}(?::\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?|\d{{1,2}}\s*[AaPp]\.?[Mm]\.?)"
    rf"{_ZONE}?|(?i:morning|afternoon|evening|night|overnight|noon|midnight|midday)"
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
    expressions; without it they get value None. By default the tagger follows ANNOTATION.md:
    frequencies (``SET``), vague references ("recently", "in the future") and durations
    without a number ("for weeks") are left out, and values stop at day precision.
    ``timeml=True`` follows TimeML/TempEval-3 instead: it keeps those expressions and gives
    clock times and parts of the day (``2025-03-11T15:20``, ``2025-03-11TEV``).
    """

    def __init__(self, nlp: Language, name: str = "time_tagger", *, timeml: bool = False) -> None:
        extensions.register()
        self.name = name
        self.timeml = timeml
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
                timex = _period_ending(span) or normalise(
                    span.text,
                    anchor,
                    tense=governing_tense(span),
                    reference=reference,
                    clock=self.timeml,
                )
                if not (_kept_by_timeml(timex, span) if self.timeml else _keep(timex)):
                    continue
                assert timex is not None
                span._.value = timex.value
                span._.timex_type = timex.type
                spans.append(span)
                value = timex.value
                if value and value[:1].isdigit() and timex.type in ("DATE", "TIME"):
                    reference = value if not timex.anaphoric else reference
        _date_clock_times(spans)
        doc.spans[SPAN_KEY] = spans
        return doc

    def _candidates(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges of the candidate expressions: entities and pattern matches, merged."""
        ranges = [(ent.start, ent.end) for ent in doc.ents if ent.label_ in self.labels]
        patterns = [_EXTRA_PATTERNS, _TIMEML_PATTERNS] if self.timeml else [_EXTRA_PATTERNS]
        for pattern in patterns:
            for match in pattern.finditer(doc.text):
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
        span = _tighten(doc, *_extend(doc, start, end))
        if span is None:
            return []
        if normalise(span.text, None) is None:  # "November\nMarch 13", "June 17, two days"
            readable = []
            for line in _split_at(doc, span, [t.i for t in span if t.is_space]):
                if normalise(line.text, None) is not None:
                    readable.append(line)
                    continue
                parts = _split_at(doc, line, [t.i for t in line if t.text == ","])
                readable += [p for p in parts if normalise(p.text, None) is not None]
            if readable:
                return readable
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


def _split_at(doc: Doc, span: Span, cuts: list[int]) -> list[Span]:
    """The tightened parts of ``span`` between the cut tokens."""
    parts: list[Span] = []
    piece_start = span.start
    for cut in [*cuts, span.end]:
        if cut > piece_start and (part := _tighten(doc, piece_start, cut)) is not None:
            parts.append(part)
        piece_start = cut + 1
    return parts


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
            if len(gap) > 4 or not isinstance(value, str) or not _DAY_VALUE.match(value):
                continue
            if all(t.is_punct or t.like_num or t.lower_ in _CLOCK_GAP for t in gap):
                own = span._.value
                suffix = own[10:] if isinstance(own, str) and len(own) > 10 else ""
                span._.value = value[:10] + suffix
                break


_CLOCK_GAP: Final = frozenset(
    {"on", "at", "of", "local", "time", "gmt", "utc", "est", "edt", "et", "around", "about"}
)
_DAY_VALUE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def _adjacent(doc: Doc, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """A date and a time of day written together ("Tuesday evening", "17 May, 2025 13:59 PM",
    "noon Thursday"); not when a signal separates them ("4 am on Wednesday")."""
    gap = doc[left[1] : right[0]]
    if any(not (token.is_punct and token.text == ",") for token in gap):
        return False
    if doc[left[1] - 1].is_punct:
        return False
    if _TIME_OF_DAY.fullmatch(doc[right[0] : right[1]].text) is not None:
        return True
    return not gap and _CLOCK_SPAN.fullmatch(doc[left[0] : left[1]].text) is not None


def _extend(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Take in what the model left out: the determiner of a bare unit ("this [year]'s
    election") and the noun of a year used as a period ("the [1988] quarter")."""
    if start > 0 and doc[start].lower_ in _UNIT_WORDS and doc[start - 1].lower_ in _LEFT_MODIFIERS:
        return start - 1, end
    if doc[start].lower_ in _PLURAL_UNITS:
        return _number_before(doc, start), end
    if (
        end - start == 1
        and start > 0
        and end < len(doc)
        and doc[start - 1].lower_ == "the"
        and doc[end].lower_ in ("quarter", "period")
        and re.fullmatch(r"(?:19|20)\d\d", doc[start].text)
    ):
        return start - 1, end + 1
    if (
        end < len(doc)
        and doc[start:end].text.lower() == "the day"
        and doc[end].lower_ in ("before", "after")
    ):
        return start, end + 1
    return start, end


_PLURAL_UNITS: Final = frozenset(
    {"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades"}
)
_MORE_WORDS: Final = frozenset({"more", "additional", "extra", "further"})
_NUMBER_MODIFIERS: Final = frozenset({"nearly", "almost", "about", "over", "some", "only", "just"})


def _number_before(doc: Doc, start: int) -> int:
    """Where a plural unit's number starts when the model left it out ("at least [20 more]
    years"): the number, a "more" between, and a modifier before; ``start`` when none."""
    index = start - 1 if start > 0 and doc[start - 1].lower_ in _MORE_WORDS else start
    if index == 0 or not doc[index - 1].like_num:
        return start
    index -= 1
    if index >= 2 and (doc[index - 2].lower_, doc[index - 1].lower_) in _MULTIWORD_MODIFIERS:
        return index - 2
    if index >= 1 and doc[index - 1].lower_ in _NUMBER_MODIFIERS:
        return index - 1
    return index


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
    if (
        end - start >= 3
        and doc[end - 1].lower_ in _RELATIVE_SIGNALS
        and doc[end - 2].lemma_.lower() in _DURATION_UNITS
        and not (doc[end - 1].lower_ == "earlier" and doc[end - 2].lower_ == "year")
    ):
        end -= 1  # "three days [later]": a duration and a signal (ANNOTATION.md, EVAL TE3)
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].lower_ in _TRAILING_JUNK
    ):
        if doc[end - 1].text == "." and end - 1 > start and doc[end - 2].lower_ in _ABBREVIATED:
            break
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


_RELATIVE_SIGNALS: Final = frozenset({"later", "earlier", "after", "before"})
_DURATION_UNITS: Final = frozenset(
    {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
)
_TRAILING_JUNK: Final = frozenset({"'s", "’s", "and", "or", "to", "of", "from", "until", "the"})
_ABBREVIATED: Final = frozenset({"a.m", "p.m", "sept", "oct", "nov", "dec", "jan", "feb", "aug"})


def _period_ending(span: Span) -> Timex | None:
    """ "the year ended March 31": a twelve-month period, not the calendar year."""
    doc = span.doc
    if (
        span.end < len(doc)
        and doc[span.end].lower_ in ("ended", "ending")
        and span.text.lower() in ("the year", "the fiscal year", "the financial year")
    ):
        return Timex("P1Y", "DURATION")
    return None


def _kept_by_timeml(timex: Timex | None, span: Span) -> bool:
    """TimeML keeps references and frequencies, but not as adjectives ("annual meeting",
    "future quarters")."""
    if timex is None:
        return False
    if timex.type == "SET" or timex.value in ("FUTURE_REF", "PAST_REF", "PRESENT_REF"):
        return not (len(span) == 1 and span.root.dep_ == "amod")
    return True


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
    before = span.doc[max(0, span.start - 3) : span.start].text.lower()
    if _PAST_SIGNAL.search(before):
        return "past"
    verb, nominal = _governing_verb(span)
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
    if tense == "past" and nominal:
        tense = "present"  # "payable Dec. 7", "the Oct. 23 slaying": the verb does not date it
    perfect = verb is not None and _is_perfect_chain(verb)
    if _DEADLINE.search(before) and not perfect:
        return "future"
    if tense == "past" and _END_POINT.search(before) and not perfect:
        return "present"  # "was extended to Nov. 16", "loans through January": the coming one
    return tense


_PAST_SIGNAL: Final = re.compile(r"(?:\bsince|\blast|\bago|\bearlier|\bprevious)$")
_CLIMB_DEPS: Final = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl"})
_DEADLINE: Final = re.compile(
    r"(?:\buntil|\btill|\bby|as soon as|as early as|as late as|\bahead of)$"
)
_END_POINT: Final = re.compile(r"(?:\bto|\bthrough)$")


def _governing_verb(span: Span) -> tuple[Token | None, bool]:
    """The verb above a span, and whether a noun or adjective stands between them."""
    token: Token = span.root
    nominal = False
    for _ in range(8):
        if _is_verb(token) or token.head is token:
            break
        token = token.head
        if token.pos_ in ("NOUN", "PROPN", "ADJ") and token.i not in range(span.start, span.end):
            nominal = True
    if _is_verb(token):
        return token, nominal
    return None, nominal


def _is_verb(token: Token) -> bool:
    """A verb, but not the "am" of "4 am" that the tagger takes for one."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return not (token.lower_ in ("am", "pm") and token.i > 0 and token.nbor(-1).like_num)


def _is_perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have", "'d") for c in verb.children)


def _is_perfect_chain(verb: Token) -> bool:
    """A perfect verb, or an infinitive or gerund under one ("had asked the army to present
    its plan by early August")."""
    for _ in range(4):
        if _is_perfect(verb):
            return True
        if verb.tag_ not in ("VB", "VBG") or verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
            return False
        verb = verb.head
    return False


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
    if verb.tag_ == "VBG" and lowers & {"is", "are", "am", "'s", "'re", "'m"}:
        return "present"  # "is calling for the redemption on Dec. 7"
    if verb.tag_ == "VB" and "to" in lowers and verb.dep_ in ("xcomp", "advcl"):
        return "present"  # "subpoenaed him to testify on Feb. 10": the infinitive has no tense
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not lowers:
        return "present"  # "a summit set for April": a participle has no tense
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
