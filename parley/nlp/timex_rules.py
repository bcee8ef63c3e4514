"""Building blocks of the TIMEX3 normaliser: lexicons, number words and calendar arithmetic.

Nothing here knows about spaCy; :mod:`parley.nlp.timex` combines these pieces into rules.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

Tense = Literal["past", "present", "future"]


@dataclass(frozen=True, slots=True)
class Timex:
    """A normalised temporal expression.

    ``value`` is the TIMEX3 value (None for a relative expression with no anchor), ``type`` one
    of ``DATE``, ``TIME``, ``DURATION``, ``SET``. ``range_end`` keeps the end of a range
    ("May 14-15" -> value ``2025-05-14``, range_end ``2025-05-15``). ``mod`` is the TimeML
    modifier when there is one (``APPROX``, ``MORE_THAN``, ``START``, ``END`` ...).
    ``anaphoric`` is True when the value was computed from ``reference`` (the previous time
    expression), not from the anchor.
    """

    value: str | None
    type: str = "DATE"
    range_end: str | None = None
    mod: str | None = None
    anaphoric: bool = False


@dataclass(frozen=True, slots=True)
class Context:
    """What a rule may use besides the text: the anchor, the tense hint, the previous value."""

    anchor: dt.date | None
    tense: Tense
    reference: str | None

    @property
    def reference_date(self) -> dt.date | None:
        """The reference value as a day, when it is one."""
        if self.reference is None or len(self.reference) < 10:
            return None
        try:
            return dt.date.fromisoformat(self.reference[:10])
        except ValueError:
            return None


Handler = Callable[[re.Match[str], Context], Timex | None]

#: What a rule returns for text that is positively not a temporal expression (an age).
REJECT: Final = Timex("REJECT", "REJECT")


class RuleSet:
    """An ordered list of (pattern, handler) rules; use an instance as a decorator factory."""

    def __init__(self) -> None:
        self.rules: list[tuple[re.Pattern[str], Handler]] = []

    def __call__(self, pattern: str) -> Callable[[Handler], Handler]:
        """Register a handler for text that fully matches ``pattern``."""

        def register(handler: Handler) -> Handler:
            self.rules.append((re.compile(pattern), handler))
            return handler

        return register


def dated(context: Context, compute: Callable[[dt.date], str], kind: str = "DATE") -> Timex:
    """A value computed from the anchor, or value None without one."""
    if context.anchor is None:
        return Timex(None, kind)
    return Timex(compute(context.anchor), kind)


MONTHS: Final[dict[str, int]] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip

WEEKDAYS: Final[dict[str, int]] = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "tues": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6,
}  # fmt: skip

SEASONS: Final[dict[str, str]] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

ORDINALS: Final[dict[str, int]] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "q1": 1, "q2": 2, "q3": 3, "q4": 4,
}  # fmt: skip

_UNITS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "dozen": 12,
}  # fmt: skip

_TENS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Quantities with no numeric value: the duration gets an ``X`` ("several weeks" -> ``PXW``).
VAGUE_QUANTITIES: Final[frozenset[str]] = frozenset(
    {"few", "a few", "several", "some", "many", "a number of", "numerous", "multiple"}
)

NUMBER_WORD = (
    r"(?:a\s+couple\s+of|couple\s+of|a\s+few|a\s+number\s+of|half\s+an?|an?|"
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
    r"nineteen|dozen|hundred)(?:[\s-]+and[\s-]+a[\s-]+half|[\s-]+hundred)?|"
    r"few|several|some|many|numerous|multiple)"
)
#: A number: digits (with an optional fraction: "5 1/2") or words ("twenty-four", "a couple of").
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+\d/\d)?|{NUMBER_WORD})"

#: Duration units -> (TIMEX3 unit, multiplier, time unit?).
DURATION_UNITS: Final[dict[str, tuple[str, int, bool]]] = {
    "second": ("S", 1, True), "sec": ("S", 1, True), "minute": ("M", 1, True),
    "min": ("M", 1, True), "hour": ("H", 1, True), "hr": ("H", 1, True), "day": ("D", 1, False),
    "night": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False),
    "month": ("M", 1, False), "year": ("Y", 1, False), "yr": ("Y", 1, False),
    "quarter": ("Q", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "centurie": ("Y", 100, False), "weekend": ("WE", 1, False),
}  # fmt: skip
UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|yrs?|quarters?|decades?|century|centuries)"  # noqa: E501


def parse_number(text: str) -> float | None:
    """The value of a number in digits or words; None when vague ("several") or unreadable."""
    text = text.strip().lower().replace("-", " ")
    text = re.sub(r"\s+", " ", text)
    if not text:
        return None
    if text in VAGUE_QUANTITIES:
        return None
    if text in ("a couple of", "couple of"):
        return 2.0
    if text in ("half a", "half an"):
        return 0.5
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?: (\d)/(\d))?", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        if match.group(2) and match.group(3) and int(match.group(3)):
            value += int(match.group(2)) / int(match.group(3))
        return value
    half = 0.0
    if text.endswith(" and a half"):
        half = 0.5
        text = text[: -len(" and a half")]
    total = 0.0
    current = 0.0
    for word in text.split(" "):
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "and":
            continue
        else:
            return None
    total += current
    return total + half


def format_number(value: float) -> str:
    """``5.0`` -> ``"5"``, ``5.5`` -> ``"5.5"``."""
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) of the month ``months`` away from ``day``'s month."""
    index = day.year * 12 + (day.month - 1) + months
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    """The ISO week of a day: ``2024-W47``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def quarter_of(day: dt.date) -> int:
    """The calendar quarter (1-4) of a day."""
    return (day.month - 1) // 3 + 1


def shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    """(year, quarter) ``quarters`` away from the given quarter."""
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the triple is not a calendar day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


#: A month and day this close to the anchor is taken as is, whatever the tense says.
_SLACK_DAYS: Final = 10
#: With no tense to go by ("present"), a date up to this far ahead is the coming one; a date
#: further ahead is last year's ("the Oct. 23 slaying" in May).
_AHEAD_DAYS: Final = 100
_AHEAD_MONTHS: Final = 3


def resolve_month_day(month: int, day: int, anchor: dt.date, tense: Tense) -> dt.date | None:
    """The year of a month and day given without one: the latest one on or before the anchor
    for a report in the past tense, the next one for the future; with no tense ("present") the
    coming one when it is less than about three months ahead, else the past one."""
    candidates = [safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)]
    dates = [d for d in candidates if d is not None]
    if not dates:
        return None
    nearest = min(dates, key=lambda d: abs((d - anchor).days))
    if abs((nearest - anchor).days) <= _SLACK_DAYS:
        return nearest
    ahead = min((d for d in dates if d >= anchor), default=None)
    behind = max((d for d in dates if d <= anchor), default=None)
    if tense == "present" and ahead is not None and (ahead - anchor).days <= _AHEAD_DAYS:
        return ahead
    if tense == "future":
        return ahead or nearest
    return behind or nearest


def resolve_month(month: int, anchor: dt.date, tense: Tense) -> tuple[int, int]:
    """(year, month) of a month named without a year, like :func:`resolve_month_day`."""
    ahead = anchor.year if month >= anchor.month else anchor.year + 1
    behind = anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return ahead, month
    months_ahead = (ahead - anchor.year) * 12 + month - anchor.month
    if tense == "present" and months_ahead <= _AHEAD_MONTHS:
        return ahead, month
    return behind, month


def resolve_weekday(weekday: int, anchor: dt.date, tense: Tense, offset: str = "") -> dt.date:
    """The date of a weekday: the latest one on or before the anchor in a report, the next one
    on or after it for the future. ``offset`` "last"/"next"/"this" moves past the anchor day."""
    delta = (anchor.weekday() - weekday) % 7
    if offset == "last":
        return anchor - dt.timedelta(days=delta or 7)
    if offset == "next":
        return anchor + dt.timedelta(days=((weekday - anchor.weekday()) % 7) or 7)
    if tense == "future" or (offset == "this" and tense != "past"):
        return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)
    return anchor - dt.timedelta(days=delta)


def expand_year(text: str, anchor: dt.date | None) -> int | None:
    """A year written with four digits, or two after an apostrophe ("'98")."""
    digits = text.lstrip("'’")
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        century = (anchor.year // 100 * 100) if anchor is not None else 1900
        year = century + int(digits)
        if anchor is not None and year > anchor.year + 10:
            year -= 100
        return year
    return None
