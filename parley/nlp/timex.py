"""TIMEX3 normalisation of temporal expressions, anchored on a publication date.

``normalise("last week", date(2024, 11, 25))`` gives ``Timex(value="2024-W47", type="DATE")``.
Values follow TimeML: dates of any precision (``2025``, ``2025-05``, ``2025-05-29``), ISO weeks,
quarters and seasons (``2013-Q1``, ``2013-SU``), decades (``199``), durations (``P60D``,
``PT36H``), frequencies as ``SET`` and the references ``PRESENT_REF``/``PAST_REF``/
``FUTURE_REF``. Clock times stop at day precision ("3:20 PM GMT" gets the date it falls on)
unless ``clock=True`` asks for TimeML times of day. A relative expression with no anchor gets
value None; text that is not a temporal expression makes :func:`normalise` return None. Vague
durations ("weeks" -> ``PXW``) are normalised; leaving them out is the tagger's choice.

Hand-written rules handle what news text uses; ``dateparser`` (always ``languages=["en"]``) is
the fallback for other absolute dates. The rules live in :mod:`parley.nlp.timex_grammar`
(references, frequencies, durations, days and weekdays) and :mod:`parley.nlp.timex_calendar`
(dates, months, years, quarters, seasons, weeks); :mod:`parley.nlp.timex_rules` has the
lexicons and calendar arithmetic. This module cleans the text, dispatches and caches.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any, Final

from parley.nlp import timex_calendar, timex_grammar
from parley.nlp.timex_rules import MONTHS, REJECT, WEEKDAYS, Context, Tense, Timex

__all__ = ["Tense", "Timex", "normalise", "parse_anchor", "spell_years", "time_of_day"]


_TRANSLATE: Final = str.maketrans({"’": "'", "‘": "'", "–": "-", "—": "-", "‑": "-", "\u00a0": " "})
_SIGNALS: Final = re.compile(
    r"^(?:(?:earlier|later|early|late)\s+on|as\s+of|as\s+early\s+as|as\s+late\s+as|since|on|until|"
    r"till|til|by|from|in|at(?!\s+(?:least|most)\b)|during|for|through|throughout|after|before|"
    r"within|of|to|between|"
    r"starting|beginning|effective|dated|circa|ca\.)\s+"
)
_MODIFIERS: Final[tuple[tuple[str, str], ...]] = (
    ("just over ", "MORE_THAN"), ("just under ", "LESS_THAN"), ("more than ", "MORE_THAN"),
    ("less than ", "LESS_THAN"), ("fewer than ", "LESS_THAN"), ("no more than ", "EQUAL_OR_LESS"),
    ("at least ", "EQUAL_OR_MORE"), ("at most ", "EQUAL_OR_LESS"), ("up to ", "EQUAL_OR_LESS"),
    ("nearly ", "APPROX"), ("almost ", "APPROX"), ("approximately ", "APPROX"),
    ("about ", "APPROX"), ("around ", "APPROX"), ("roughly ", "APPROX"), ("some ", "APPROX"),
    ("close to ", "APPROX"), ("an estimated ", "APPROX"), ("upwards of ", "MORE_THAN"),
    ("over ", "MORE_THAN"), ("under ", "LESS_THAN"), ("only ", ""), ("just ", ""),
    ("fully ", ""), ("a full ", ""), ("a whole ", ""), ("another ", ""), ("a further ", ""),
    ("an additional ", ""), ("an extra ", ""), ("the better part of ", "LESS_THAN"),
    ("barely ", "APPROX"), ("little more than ", "APPROX"), ("well over ", "MORE_THAN"),
    ("as long as ", "EQUAL_OR_LESS"), ("as much as ", "EQUAL_OR_LESS"), ("a mere ", ""),
    ("as little as ", "EQUAL_OR_MORE"), ("a good ", "APPROX"), ("a scant ", ""),
    ("at least some ", "EQUAL_OR_MORE"), ("a total of ", ""), ("precisely ", ""),
    ("exactly ", ""), ("both ", ""), ("either ", ""),
)  # fmt: skip
_CLOCK: Final = (
    r"(?:(?:at|around|about|approximately|shortly|just|after|before|by|until|since)\s+)*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|hrs|h)?|"
    r"\d{1,2}\.\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?|"
    r"o'clock)|\d{4}\s*(?:hrs|gmt|utc))"
    r"(?:\s*(?:\(?(?:gmt|utc|edt|est|cdt|cst|pdt|pst|bst|cet|cest|eet|eest|et|idt|ist)\)?|"
    r"local\s+time|local|\w+\s+time))?"
)
_DAY_PARTS: Final = (
    r"(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening|night|midday|noon|midnight|dawn|dusk|"
    r"sunrise|sunset|daybreak|nightfall|overnight|lunchtime)"
)
_TIME_OF_DAY: Final = re.compile(
    rf"(?:^|\s|,)(?:(?:at|around|about|before|after|by|on|in|the)\s+)*(?:{_CLOCK}|{_DAY_PARTS})"
    rf"(?:\s+(?:on|of))?(?=$|\s|,)"
)
_CLOCK_ONLY: Final = re.compile(rf"{_CLOCK}|(?:{_DAY_PARTS})")


_RULES: Final = (*timex_grammar.RULES.rules, *timex_calendar.RULES.rules)


def apply_rules(body: str, context: Context) -> Timex | None:
    """The first rule's answer for cleaned text; None if no rule knows it or one rejects it."""
    return _apply(body, context)[1]


def _apply(body: str, context: Context) -> tuple[bool, Timex | None]:
    for pattern, handler in _RULES:
        match = pattern.fullmatch(body)
        if match is None:
            continue
        result = handler(match, context)
        if result is REJECT:
            return True, None
        if result is not None:
            return False, result
    return False, None


def parse_anchor(published: str | dt.date | None) -> dt.date | None:
    """The anchor day of an ISO date or datetime string (or a date); None when unreadable."""
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    text = published.strip()
    if len(text) < 10:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def clean(text: str) -> str:
    """Lower-case; normalise quotes, dashes and spaces; drop possessives and edge punctuation."""
    out = text.translate(_TRANSLATE).lower()
    out = re.sub(r"\s+", " ", out).strip(' ,;:!?"()[]*')
    out = re.sub(r"(?<=[a-z])\.(?=\s|,|$)", "", out)  # "sept." -> "sept", "p.m." -> "p.m"
    out = re.sub(r"(?:'s|s')$", lambda m: "s" if m.group(0) == "s'" else "", out)
    return out.strip(" ,;:.-")


def normalise(
    text: str,
    anchor: dt.date | None,
    *,
    tense: Tense = "past",
    reference: str | None = None,
    clock: bool = False,
) -> Timex | None:
    """Normalise one temporal expression.

    ``anchor`` is the publication date. ``tense`` says which way a bare weekday or month points
    ("past" for a report, "future" for "will meet on Thursday", "present" when the verb does not
    say). ``reference`` is the value of the previous time expression of the text, used by
    anaphoric expressions ("the previous day", "a year earlier", "the quarter"). Values stop at
    day precision unless ``clock`` is True, which adds TimeML times of day ("T15:20", "TEV").
    Returns None when the text is not a temporal expression this module can read.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    result = _normalise_cached(text, anchor, tense, reference)
    if clock and result is not None and result.type == "TIME" and result.value is not None:
        suffix = time_of_day(text)
        if suffix and _DAY_VALUE.fullmatch(result.value):
            return Timex(result.value + suffix, "TIME", result.range_end, result.mod)
    return result


_DAY_VALUE: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
_PART_CODES: Final = (
    ("morning", "TMO"), ("dawn", "TMO"), ("sunrise", "TMO"), ("daybreak", "TMO"),
    ("afternoon", "TAF"), ("evening", "TEV"), ("dusk", "TEV"), ("sunset", "TEV"),
    ("midnight", "T24:00"), ("tonight", "TNI"), ("night", "TNI"), ("noon", "T12:00"),
    ("midday", "T12:00"),
)  # fmt: skip
_CLOCK_VALUE: Final = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?(?::\d{2})?\s*(a\.?m\b\.?|p\.?m\b\.?|o'clock)?", re.IGNORECASE
)


def time_of_day(text: str) -> str | None:
    """The TimeML time-of-day suffix of an expression: ``T15:20`` for "3:20 PM", ``TEV`` for
    "Tuesday evening"; None when it names no time of day."""
    lower = text.lower()
    for match in _CLOCK_VALUE.finditer(lower):
        hour, minute, meridiem = match.group(1), match.group(2), match.group(3)
        if minute is None and meridiem is None:
            continue
        value = int(hour)
        if meridiem and meridiem.startswith("p") and value < 12:
            value += 12
        if meridiem and meridiem.startswith("a") and value == 12:
            value = 0
        if value > 24 or (minute is not None and int(minute) > 59):
            continue
        return f"T{value:02d}:{minute or '00'}"
    for word, code in _PART_CODES:
        if word in lower:
            return code
    return None


@functools.lru_cache(maxsize=8192)
def _normalise_cached(
    text: str, anchor: dt.date | None, tense: Tense, reference: str | None
) -> Timex | None:
    body = spell_years(clean(text))
    body, mod = _strip_signals_and_modifiers(body)
    if not body:
        return None
    context = Context(anchor, tense, reference)
    rejected, result = _apply(body, context)
    if rejected:
        return None
    if result is None:
        result = _with_time_of_day(body, context)
    if result is None:
        result = _dateparser_fallback(body, anchor, tense)
    if result is not None and mod and result.mod is None:
        result = Timex(result.value, result.type, result.range_end, mod, result.anaphoric)
    return result


_SPELLED_TENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_SPELLED_ONES: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
}  # fmt: skip
_SPELLED_YEAR: Final = re.compile(
    r"\b(eighteen|nineteen|twenty)[\s-]+("
    + "|".join(_SPELLED_TENS)
    + r")(?:[\s-]+("
    + "|".join(_SPELLED_ONES)
    + r"))?\b|\b(?:the\s+year\s+)?two\s+thousand(?:\s+and)?(?:[\s-]+("
    + "|".join([*_SPELLED_TENS, *_SPELLED_ONES])
    + r"))?\b(?!\s+(?:and\s+)?\w+s\b)"
)


def spell_years(body: str) -> str:
    """Years in words as digits: "nineteen ninety-six" -> "1996", "two thousand one" -> "2001"."""
    if not any(word in body for word in ("nineteen", "eighteen", "twenty", "thousand")):
        return body

    def digits(match: re.Match[str]) -> str:
        if match.group(1):
            century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[match.group(1)]
            tens = _SPELLED_TENS[match.group(2)]
            if tens < 20 and match.group(3):
                return match.group(0)
            return str(century + tens + _SPELLED_ONES.get(match.group(3) or "", 0))
        small = match.group(4)
        if small is None and not match.group(0).startswith("the"):
            return match.group(0)  # "two thousand" alone is a number
        return str(2000 + (_SPELLED_TENS.get(small or "") or _SPELLED_ONES.get(small or "", 0)))

    return _SPELLED_YEAR.sub(digits, body)


def _strip_signals_and_modifiers(body: str) -> tuple[str, str | None]:
    mod: str | None = None
    changed = True
    while changed:
        changed = False
        stripped = _SIGNALS.sub("", body, count=1)
        if stripped != body and stripped:
            body, changed = stripped, True
        for prefix, name in _MODIFIERS:
            if body.startswith(prefix) and len(body) > len(prefix):
                body, changed = body[len(prefix) :], True
                mod = mod or name or None
                break
    return body, mod


def _with_time_of_day(body: str, context: Context) -> Timex | None:
    """Clock times and parts of the day: the date they fall on ("Tuesday evening", "3:20 PM")."""
    rest = _TIME_OF_DAY.sub(" ", f" {body} ").strip(" ,")
    rest = re.sub(r"\s+", " ", rest)
    if rest == body:
        return None
    if not rest or rest in ("the", "this", "that", "at", "on", "in"):
        if not _CLOCK_ONLY.fullmatch(body) and not re.fullmatch(
            rf"(?:the|this|that)?\s*{_DAY_PARTS}", body
        ):
            return None
        if body.startswith(("the ", "that ")) or body in ("night", "overnight"):
            return None  # "the morning", "that night": anchored to an event
        date = context.anchor
        return Timex(date.isoformat() if date else None, "TIME")
    if rest.startswith("this "):
        rest = rest[len("this ") :]
    inner = apply_rules(rest, context) or _dateparser_fallback(rest, context.anchor, context.tense)
    if inner is None or inner.type not in ("DATE", "TIME"):
        return None
    if inner.value is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", inner.value):
        return None
    return Timex(inner.value, "TIME", inner.range_end, inner.mod, inner.anaphoric)


_DATE_WORDS: Final = re.compile(
    r"\b(?:" + "|".join(sorted(set(MONTHS) | set(WEEKDAYS), key=len, reverse=True)) + r")\b"
)


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(body: str, anchor: dt.date | None, tense: Tense) -> Timex | None:
    """Ask dateparser about absolute dates the rules do not read; only for text naming a month."""
    if not _DATE_WORDS.search(body) or not re.search(r"\d", body):
        return None
    parser = _parser(anchor, tense)
    try:
        data = parser.get_date_data(body)
    except (ValueError, OverflowError):
        return None
    found = data.date_obj
    if found is None:
        return None
    parts = set(getattr(data, "parts", ()) or ())
    if anchor is None and "year" not in parts:
        return Timex(None, "DATE")
    period = data.period or "day"
    if period == "year":
        return Timex(f"{found.year:04d}", "DATE")
    if period == "month":
        return Timex(f"{found.year:04d}-{found.month:02d}", "DATE")
    kind = "TIME" if period == "time" else "DATE"
    return Timex(found.date().isoformat(), kind)


@functools.lru_cache(maxsize=64)
def _parser(anchor: dt.date | None, tense: Tense) -> Any:
    import dateparser.date

    settings: dict[str, Any] = {
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
        "RETURN_TIME_AS_PERIOD": True,
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    return dateparser.date.DateDataParser(languages=["en"], settings=settings)
