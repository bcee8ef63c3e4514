"""The rules of the TIMEX3 normaliser: one regular expression per kind of expression.

Each rule sees the cleaned text (lower case, signal words and modifiers stripped) and must match
all of it. Rules run in order; the first that gives an answer wins. :data:`REJECT` means "this is
not a temporal expression" (an age such as "six-year-old") and stops the search.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from parley.nlp.timex_rules import (
    DURATION_UNITS,
    NUMBER,
    REJECT,
    UNIT,
    WEEKDAYS,
    Context,
    RuleSet,
    Timex,
    dated,
    format_number,
    iso_week,
    parse_number,
    quarter_of,
    resolve_weekday,
    shift_months,
    shift_quarter,
)

RULES: Final = RuleSet()
rule: Final = RULES

_WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"


# --- not times ---------------------------------------------------------------------------------


@rule(rf".*\b(?:{NUMBER}|\d+)[\s-]+(?:year|month|week|day)s?[\s-]+olds?\b.*|.*\d+-year-olds?.*")
def _age(match: re.Match[str], context: Context) -> Timex | None:
    return REJECT


@rule(r"\d{1,3}|\d{5,}|(?:resolution|article|section|chapter|no|number)\s+\d+")
def _bare_number(match: re.Match[str], context: Context) -> Timex | None:
    return REJECT


# --- references and frequencies ----------------------------------------------------------------


@rule(
    r"(?:right\s+|just\s+|even\s+|up\s+to\s+|from\s+)?now|nowadays|at\s+present|presently|"
    r"currently|current|these\s+days|at\s+the\s+moment|the\s+present(?:\s+time|\s+day)?|"
    r"present[\s-]day|the\s+moment"
)
def _present(match: re.Match[str], context: Context) -> Timex | None:
    return Timex("PRESENT_REF")


@rule(
    r"recently|lately|(?:in\s+)?the\s+(?:recent\s+)?past|previously|formerly|once|earlier|"
    r"recent(?:\s+times)?|the\s+old\s+days|"
    r"(?:a\s+)?(?:long\s+)?(?:while|time)\s+ago|long\s+ago|(?:years|months|weeks|days|decades)\s+ago|"
    r"some\s+time\s+ago|in\s+recent\s+\w+"
)
def _past(match: re.Match[str], context: Context) -> Timex | None:
    return Timex("PAST_REF")


@rule(
    r"(?:the\s+)?(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|soon|shortly|"
    r"the\s+(?:near|short|long|medium)[\s-]+term|later|eventually|someday"
)
def _future(match: re.Match[str], context: Context) -> Timex | None:
    return Timex("FUTURE_REF")


_FREQUENCY: Final[dict[str, str]] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
    "fortnightly": "P2W", "monthly": "P1M", "bimonthly": "P2M", "quarterly": "P3M",
    "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "semiannually": "P6M",
    "semiannual": "P6M", "biannual": "P6M",
}  # fmt: skip


@rule(r"(?:near[\s-]+|nearly\s+|almost\s+)?(" + "|".join(_FREQUENCY) + ")")
def _frequency(match: re.Match[str], context: Context) -> Timex | None:
    return Timex(_FREQUENCY[match.group(1)], "SET")


@rule(
    rf"(?:(?:once|twice|(?:{NUMBER})\s+times)\s+)?(?:every|each|per|a|an)\s+(?:other\s+|single\s+)?"
    rf"(?:({NUMBER})\s+)?({UNIT}|{_WEEKDAY}|morning|evening|night|weekend|spring|summer|fall|winter)"
)
def _set(match: re.Match[str], context: Context) -> Timex | None:
    text = match.group(0)
    if not re.match(r"(?:once|twice|\S+\s+times|every|each|per)\b", text):
        return None  # "a year" is a duration
    unit = match.group(2)
    if unit.rstrip("s") in DURATION_UNITS or unit in DURATION_UNITS:
        amount = parse_number(match.group(1) or "one") or 1
        return Timex(_duration(amount, unit), "SET")
    if unit in WEEKDAYS:
        return Timex(f"XXXX-WXX-{WEEKDAYS[unit] + 1}", "SET")  # "every Monday"
    return Timex("XXXX-XX-XX", "SET")


# --- durations ---------------------------------------------------------------------------------


_FRACTIONS: Final[dict[str, tuple[str, int]]] = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60)}


def _duration(amount: float | None, unit: str) -> str:
    """``P5W``, ``PT36H``, ``P2Y6M`` ("2 1/2 years"), ``PXM`` ("several months")."""
    key = unit.rstrip("s") if unit not in DURATION_UNITS else unit
    key = "century" if key in ("centurie", "centuries") else key
    code, multiplier, is_time = DURATION_UNITS[key]
    prefix = "PT" if is_time else "P"
    if amount is None:
        return f"{prefix}X{code}"
    amount *= multiplier
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{code}"
    if code == "W":
        return f"P{format_number(round(amount * 7, 2))}D"
    if is_time and code == "M":
        smaller = round((amount - whole) * 60)
        return f"PT{whole}M{smaller}S" if whole else f"PT{smaller}S"
    if code in _FRACTIONS:
        small_code, factor = _FRACTIONS[code]
        smaller = round((amount - whole) * factor)
        separator = "T" if code == "D" else ""
        head = f"{whole}{code}" if whole else ""
        return f"{prefix}{head}{separator}{smaller}{small_code}"
    return f"{prefix}{format_number(amount)}{code}"


@rule(
    r"(?:the\s+)?(?:(?:recent|past|last|next|coming|upcoming)\s+)?(?:few\s+|several\s+)?"
    r"(days|weeks|months|quarters|years|decades|centuries|hours|minutes)(?:\s+ahead)?"
)
def _recent_units(match: re.Match[str], context: Context) -> Timex | None:
    """ "weeks", "recent weeks", "the past few months", "the next few days", "the weeks ahead":
    a duration of unknown length (TimeML ``PXD``), not a reference."""
    unit = match.group(1)
    if unit in ("decades", "centuries"):
        return Timex("PXE" if unit == "decades" else "PXC", "DURATION")
    return Timex(_duration(None, unit), "DURATION")


@rule(r"(?:the\s+)?year-(?:earlier|ago)")
def _year_earlier(match: re.Match[str], context: Context) -> Timex | None:
    """ "year-earlier profit": the same period a year before."""
    return _shifted(1, "year", -1, context, anaphoric=False)


@rule(r"(earlier|later|early|late)\s+in\s+the\s+(year|month|week)")
def _in_the_unit(match: re.Match[str], context: Context) -> Timex | None:
    unit = match.group(2)
    return dated(
        context,
        lambda a: f"{a.year:04d}" if unit == "year" else
        f"{a.year:04d}-{a.month:02d}" if unit == "month" else iso_week(a),
    )  # fmt: skip


_HOLIDAYS: Final[dict[str, tuple[int, int]]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14),
}  # fmt: skip


@rule(
    r"(?:(last|this|next)\s+)?(christmas(?:\s+day|\s+eve)?|new\s+year's\s+(?:day|eve)|"
    r"independence\s+day|halloween|valentine's\s+day|thanksgiving(?:\s+day)?|election\s+day)"
)
def _holiday(match: re.Match[str], context: Context) -> Timex | None:
    """Fixed holidays, US Thanksgiving (fourth Thursday of November) and US Election Day."""
    anchor = context.anchor
    if anchor is None:
        return Timex(None)
    offset, name = match.group(1), re.sub(r"\s+", " ", match.group(2))
    tense = {"last": "past", "next": "future"}.get(offset or "", context.tense)

    def occurrence(year: int) -> dt.date:
        if name.startswith("thanksgiving"):
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name == "election day":
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
        month, day = _HOLIDAYS[name]
        return dt.date(year, month, day)

    options = [occurrence(anchor.year + k) for k in (-1, 0, 1)]
    if tense == "past":
        found = max(d for d in options if d <= anchor)
    elif tense == "future":
        found = min(d for d in options if d >= anchor)
    else:
        found = min(options, key=lambda d: abs((d - anchor).days))
    return Timex(found.isoformat())


@rule(r"(?:a\s+|one\s+)?(day|week|month|year|hour|night)[\s-]?long")
def _long(match: re.Match[str], context: Context) -> Timex | None:
    return Timex(_duration(1, match.group(1)), "DURATION")


_QUALIFIER = (
    r"past|last|next|previous|prior|following|coming|first|final|latest|remaining|ensuing|"
    r"preceding|initial|other|same|upcoming|entire|whole|full|subsequent|intervening|recent"
)


@rule(
    rf"(?:the\s+|its\s+|their\s+|his\s+|her\s+|a\s+|an\s+)?(?:({_QUALIFIER})\s+)?({NUMBER})"
    rf"(?:\s*(?:-|to|or)\s*{NUMBER})?[\s-]+"
    r"(?:(?:more|additional|extra|further|straight|consecutive|full|long|short|successive|"
    rf"separate)\s+)?({UNIT})(\s+and\s+a\s+half)?(?:[\s-]+(?:long|plus|or\s+so|or\s+more|"
    r"or\s+less|running|in\s+a\s+row|straight|old))?(?:\s+(ago|earlier|later|before|after|"
    r"from\s+now|hence|away|ahead|back|prior|on|since))?"
)
def _numeric_duration(match: re.Match[str], context: Context) -> Timex | None:
    qualifier, number, unit, half, direction = match.groups()
    if match.group(0).endswith("old"):
        return REJECT
    if number.strip() in ("some", "many") and qualifier is None and direction is None:
        return None
    if re.fullmatch(r"1[89]\d\d|20\d\d", number):
        return None  # "the 1988 quarter" is a quarter of 1988
    amount = parse_number(number)
    if amount is not None and half:
        amount += 0.5
    if direction in ("ago", "from now", "hence", "away", "back", "earlier", "later"):
        sign = 1 if direction in ("from now", "hence", "away", "later") else -1
        return _shifted(amount, unit, sign, context, anaphoric=direction in ("earlier", "later"))
    return Timex(_duration(amount, unit), "DURATION")


def _shifted(
    amount: float | None, unit: str, sign: int, context: Context, *, anaphoric: bool
) -> Timex:
    """ "two weeks ago" (from the anchor) or "a year earlier" (from the reference)."""
    key = unit.rstrip("s")
    if amount is None:
        return Timex("PAST_REF" if sign < 0 else "FUTURE_REF")
    reference = context.reference
    if key == "year" and amount == int(amount) and reference is not None:
        if re.fullmatch(r"\d{4}-Q\d", reference):  # "a year ago" after "the third quarter"
            return Timex(f"{int(reference[:4]) - int(amount):04d}{reference[4:]}", anaphoric=True)
        if context.anchor is not None:  # "a year earlier" in a report: a year before it
            return Timex(f"{context.anchor.year + sign * int(amount):04d}")
    base = context.reference_date if anaphoric else context.anchor
    if base is None:
        if anaphoric:
            return Timex(_duration(amount, unit), "DURATION")
        return Timex(None, "DATE")
    steps = round(amount) * sign
    code = DURATION_UNITS.get(key, ("D", 1, False))
    if key in ("day", "night") or code[2]:
        days = steps if not code[2] else 0
        return Timex((base + dt.timedelta(days=days)).isoformat(), "DATE", anaphoric=anaphoric)
    if key in ("week", "fortnight"):
        return Timex(
            iso_week(base + dt.timedelta(weeks=steps * code[1])), "DATE", anaphoric=anaphoric
        )
    if key == "month":
        year, month = shift_months(base, steps)
        return Timex(f"{year:04d}-{month:02d}", "DATE", anaphoric=anaphoric)
    if key == "quarter":
        year, quarter = shift_quarter(base.year, quarter_of(base), steps)
        return Timex(f"{year:04d}-Q{quarter}", "DATE", anaphoric=anaphoric)
    return Timex(f"{base.year + steps * code[1]:04d}", "DATE", anaphoric=anaphoric)


# --- anaphoric and deictic days ----------------------------------------------------------------

_REFERENCE_DAY: Final[dict[str, int]] = {
    "the previous day": -1, "the preceding day": -1, "the prior day": -1, "the day before": -1,
    "the next day": 1, "the following day": 1, "the day after": 1, "that day": 0,
    "that same day": 0, "the same day": 0, "that night": 0, "that morning": 0,
    "that evening": 0, "that afternoon": 0, "the next morning": 1, "the following morning": 1,
    "the next night": 1, "the following night": 1, "the previous night": -1,
    "earlier that day": 0, "later that day": 0,
}  # fmt: skip


@rule("|".join(re.escape(key) for key in _REFERENCE_DAY))
def _reference_day(match: re.Match[str], context: Context) -> Timex | None:
    base = context.reference_date
    kind = "TIME" if re.search(r"night|morning|evening|afternoon", match.group(0)) else "DATE"
    if base is None:
        return None if context.anchor is not None else Timex(None, kind)
    day = base + dt.timedelta(days=_REFERENCE_DAY[match.group(0)])
    return Timex(day.isoformat(), kind, anaphoric=True)


_DEICTIC_DAY: Final[dict[str, tuple[int, str]]] = {
    "today": (0, "DATE"), "tonight": (0, "TIME"), "yesterday": (-1, "DATE"),
    "tomorrow": (1, "DATE"), "last night": (-1, "TIME"), "overnight": (0, "TIME"),
    "the day before yesterday": (-2, "DATE"), "the day after tomorrow": (2, "DATE"),
    "later in the day": (0, "DATE"), "earlier in the day": (0, "DATE"),
    "this morning": (0, "TIME"), "this afternoon": (0, "TIME"), "this evening": (0, "TIME"),
}  # fmt: skip


@rule(
    r"(?:(?:early|late|earlier|later)\s+)?("
    + "|".join(re.escape(key) for key in _DEICTIC_DAY)
    + r")(?:\s+(?:morning|afternoon|evening|night))?"
)
def _deictic_day(match: re.Match[str], context: Context) -> Timex | None:
    offset, kind = _DEICTIC_DAY[match.group(1)]
    if match.group(0) != match.group(1) and match.group(0).endswith(("ing", "night", "noon")):
        kind = "TIME"
    return dated(context, lambda a: (a + dt.timedelta(days=offset)).isoformat(), kind)


_WEEKDAY_OFFSET: Final[dict[str, str]] = {
    "last": "last", "this past": "last", "past": "last", "a recent": "", "the previous": "last",
    "next": "next", "this coming": "next", "coming": "next", "the following": "next",
    "the next": "next", "this": "this", "on": "", "early": "", "late": "", "mid": "",
    "earlier": "", "later": "", "early on": "", "late on": "", "earlier on": "", "later on": "",
}  # fmt: skip


@rule(
    r"(?:(" + "|".join(sorted(_WEEKDAY_OFFSET, key=len, reverse=True)) + rf")\s+)?({_WEEKDAY})(s)?"
    r"(?:\s+(?:morning|afternoon|evening|night|overnight))?"
)
def _weekday(match: re.Match[str], context: Context) -> Timex | None:
    offset, name, plural = match.groups()
    if plural:
        return Timex(f"XXXX-WXX-{WEEKDAYS[name] + 1}", "SET")
    kind = "TIME" if re.search(r"(?:ing|night|noon)$", match.group(0)) else "DATE"
    tense = "past" if offset == "a recent" else context.tense
    shift = _WEEKDAY_OFFSET.get(offset or "", "")
    return dated(
        context, lambda a: resolve_weekday(WEEKDAYS[name], a, tense, shift).isoformat(), kind
    )
