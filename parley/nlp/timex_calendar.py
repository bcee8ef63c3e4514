"""Calendar rules of the TIMEX3 normaliser: dates, months, years, quarters, seasons, weeks.

Like :mod:`parley.nlp.timex_grammar`, each rule matches the whole cleaned text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from parley.nlp.timex_rules import (
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    Context,
    RuleSet,
    Tense,
    Timex,
    dated,
    expand_year,
    iso_week,
    quarter_of,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    safe_date,
    shift_months,
    shift_quarter,
)

RULES: Final = RuleSet()
rule: Final = RULES

_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WEEKDAY = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[5-9]\d\d|2[01]\d\d|'\d\d)"
_RANGE = r"\s*(?:-|to|through|until|till|and|&)\s*"
_POSITION = (
    r"(?:early|mid|late|the\s+beginning\s+of|the\s+start\s+of|the\s+end\s+of|the\s+middle\s+of|"
    r"the\s+close\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+turn\s+of|sometime\s+in|"
    r"the\s+first\s+(?:half|week|weeks|days)\s+of|the\s+second\s+half\s+of|the\s+last\s+(?:week|"
    r"weeks|days)\s+of|the\s+latter\s+part\s+of|the\s+early\s+part\s+of|the\s+end\s+of\s+"
    r"the\s+month\s+of|all\s+of|much\s+of|most\s+of|the\s+whole\s+of)"
)
_POSITION_MOD: Final[tuple[tuple[str, str], ...]] = (
    ("early", "START"), ("beginning", "START"), ("start", "START"), ("first", "START"),
    ("mid", "MID"), ("middle", "MID"), ("late", "END"), ("end", "END"), ("close", "END"),
    ("last", "END"), ("latter", "END"),
)  # fmt: skip
_WEEKDAY_PREFIX = (
    rf"(?:(?P<off>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<wd>{_WEEKDAY}),?\s+)?"
    r"(?:the\s+)?"
)
_TIME_SUFFIX = r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*)?"


def _mod(position: str | None) -> str | None:
    if not position:
        return None
    for word, mod in _POSITION_MOD:
        if word in position:
            return mod
    return None


def _day_of(match: re.Match[str], year: int | None, context: Context) -> Timex | None:
    """The day of a (weekday?) month day [year] match; the year comes from the anchor if absent."""
    month = MONTHS[match.group("m")]
    day = int(re.sub(r"\D", "", match.group("d")))
    if year is not None:
        found = safe_date(year, month, day)
        return Timex(found.isoformat()) if found else None
    if context.anchor is None:
        return Timex(None)
    weekday = match.groupdict().get("wd")
    offset = (match.groupdict().get("off") or "").split(" ")[-1]
    tense: Tense = context.tense
    if offset:
        tense = (
            "past" if offset in ("last", "past") else "future" if offset != "this" else "present"
        )
    if weekday:
        options = [safe_date(context.anchor.year + k, month, day) for k in (0, -1, 1)]
        for option in options:
            if option is not None and option.weekday() == WEEKDAYS[weekday]:
                return Timex(option.isoformat())
    found = resolve_month_day(month, day, context.anchor, tense)
    return Timex(found.isoformat()) if found else None


# --- full and partial dates --------------------------------------------------------------------


@rule(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[t\s][\d:.]+(?:z|[+-][\d:]+)?)?")
def _iso(match: re.Match[str], context: Context) -> Timex | None:
    found = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return Timex(found.isoformat()) if found else None


@rule(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})" + _TIME_SUFFIX.replace(",?", ""))
def _numeric(match: re.Match[str], context: Context) -> Timex | None:
    first, second = int(match.group(1)), int(match.group(3))
    year = expand_year(match.group(4), context.anchor) if len(match.group(4)) == 2 else None
    year = year if year is not None else int(match.group(4))
    month_first = safe_date(year, first, second)
    day_first = safe_date(year, second, first)
    options = [d for d in (day_first, month_first) if d is not None]
    if not options:
        return None
    if len(options) == 2 and context.anchor is not None:
        anchor = context.anchor
        options.sort(key=lambda d: abs((d - anchor).days))
    elif len(options) == 2 and match.group(2) == "/":
        options.reverse()  # US usage: 9/11/2001
    return Timex(options[0].isoformat())


@rule(
    rf"{_WEEKDAY_PREFIX}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+(?P<y>{_YEAR}){_TIME_SUFFIX}"
)
def _day_month_year(match: re.Match[str], context: Context) -> Timex | None:
    return _day_of(match, expand_year(match.group("y"), context.anchor), context)


@rule(rf"{_WEEKDAY_PREFIX}(?P<m>{_MONTH})\s+(?P<d>{_DAY})(?:,\s*|\s+)(?P<y>{_YEAR}){_TIME_SUFFIX}")
def _month_day_year(match: re.Match[str], context: Context) -> Timex | None:
    return _day_of(match, expand_year(match.group("y"), context.anchor), context)


@rule(
    rf"(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_RANGE}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
def _month_day_range(match: re.Match[str], context: Context) -> Timex | None:
    return _range(match, context)


@rule(
    rf"(?P<d>{_DAY})(?:\s+(?P<m>{_MONTH}))?{_RANGE}(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?"
)
def _day_month_range(match: re.Match[str], context: Context) -> Timex | None:
    return _range(match, context)


def _range(match: re.Match[str], context: Context) -> Timex | None:
    """ "May 14-15": the value is the first day, ``range_end`` the last."""
    groups = match.groupdict()
    first_month = MONTHS[groups["m"] or groups["m2"]]
    last_month = MONTHS[groups["m2"] or groups["m"]]
    first_day = int(re.sub(r"\D", "", groups["d"]))
    last_day = int(re.sub(r"\D", "", groups["d2"]))
    if groups["y"]:
        year = expand_year(groups["y"], context.anchor)
        start = safe_date(year, first_month, first_day) if year else None
    elif context.anchor is None:
        return Timex(None)
    else:
        start = resolve_month_day(first_month, first_day, context.anchor, context.tense)
    if start is None:
        return None
    end_year = start.year + (1 if last_month < first_month else 0)
    end = safe_date(end_year, last_month, last_day)
    if end is None or end < start:
        return None
    return Timex(start.isoformat(), range_end=end.isoformat())


@rule(rf"{_WEEKDAY_PREFIX}(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{_MONTH}){_TIME_SUFFIX}")
def _day_month(match: re.Match[str], context: Context) -> Timex | None:
    return _day_of(match, None, context)


@rule(rf"{_WEEKDAY_PREFIX}(?P<m>{_MONTH})\s+(?P<d>{_DAY}){_TIME_SUFFIX}")
def _month_day(match: re.Match[str], context: Context) -> Timex | None:
    if match.group("m") == "may" and not match.group("wd") and len(match.group("d")) > 2:
        return None
    return _day_of(match, None, context)


@rule(
    rf"(?:(?P<p>{_POSITION})[\s-]+)?(?:(?P<o>last|this|next|this\s+past|this\s+coming|past|coming|"
    rf"the\s+previous|the\s+following|the\s+month\s+of)\s+)?(?P<m>{_MONTH})"
    rf"(?:{_RANGE}(?P<m2>{_MONTH}))?(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}|this\s+year|last\s+year|"
    r"next\s+year))?"
)
def _month(match: re.Match[str], context: Context) -> Timex | None:
    month = MONTHS[match.group("m")]
    year_text, offset = match.group("y"), match.group("o") or ""
    mod = _mod(match.group("p"))
    if year_text and year_text[0] in "'0123456789":
        year = expand_year(year_text, context.anchor)
        return Timex(f"{year:04d}-{month:02d}", mod=mod) if year else None
    anchor = context.anchor
    if anchor is None:
        return Timex(None, mod=mod)
    if year_text:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[year_text.split()[0]]
    elif offset in ("last", "this past", "past", "the previous"):
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif offset in ("next", "this coming", "coming", "the following"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif offset == "this":
        year = anchor.year
    else:
        year, month = resolve_month(month, anchor, context.tense)
    return Timex(f"{year:04d}-{month:02d}", mod=mod)


# --- years, decades, centuries -----------------------------------------------------------------


@rule(
    rf"(?:the\s+)?(?:(?P<p>{_POSITION}|the\s+first\s+half\s+of|the\s+(?:second|last)\s+half\s+of)"
    r"[\s-]+)?(?:(?:the\s+)?(?:fiscal|calendar|financial|model|school|academic|budget|tax)?\s*"
    r"(?:year\s+)?)?(?:pre|post|mid|early|late)?-?(?P<y>1[89]\d\d|20\d\d|21\d\d)"
    r"(?:\s*(?:-|/|to|and)\s*(?P<y2>\d{2}|\d{4}))?"
)
def _year(match: re.Match[str], context: Context) -> Timex | None:
    year = int(match.group("y"))
    position = match.group("p") or ""
    if "half" in position:
        return Timex(f"{year:04d}-H{1 if 'first' in position else 2}")
    end = None
    if match.group("y2"):
        tail = match.group("y2")
        end_year = int(tail) if len(tail) == 4 else year // 100 * 100 + int(tail)
        if end_year <= year or end_year - year > 10:
            return None
        end = f"{end_year:04d}"
    head = match.group(0).split(match.group("y"))[0]
    mod = _mod(position) or _mod(head.split()[-1] if head.split() else "")
    return Timex(f"{year:04d}", range_end=end, mod=mod)


_DECADE_WORDS: Final[dict[str, int]] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip


@rule(
    r"(?:the\s+)?(?:(?P<p>early|mid|late|the\s+end\s+of\s+the)[\s-]+)?(?:(?P<c>1[5-9]|20)(?P<d>\d)0|"
    r"'(?P<d2>\d)0|(?P<d3>[2-9])0)'?s|(?:the\s+)?(?:(?P<p2>early|mid|late)[\s-]+)?(?P<w>"
    + "|".join(_DECADE_WORDS)
    + ")"
)
def _decade(match: re.Match[str], context: Context) -> Timex | None:
    if match.group("d3") and not match.group(0).startswith("the"):
        return None  # "in his 30s": an age
    if match.group("c"):
        return Timex(f"{match.group('c')}{match.group('d')}", mod=_mod(match.group("p")))
    digit = match.group("d2") or match.group("d3")
    decade = int(digit) if digit else _DECADE_WORDS[match.group("w")]
    century = 19
    if context.anchor is not None and context.anchor.year >= 2000 and decade <= 2:
        century = 20
    return Timex(f"{century}{decade}", mod=_mod(match.group("p") or match.group("p2")))


@rule(r"(?:the\s+)?(?:(?P<p>early|mid|late)[\s-]+)?(?P<n>1[5-9]|2[01])(?:st|nd|rd|th)[\s-]+century")
def _century(match: re.Match[str], context: Context) -> Timex | None:
    return Timex(f"{int(match.group('n')) - 1:02d}", mod=_mod(match.group("p")))


# --- seasons, quarters, halves -----------------------------------------------------------------


@rule(
    r"(?:(?P<o>last|this|next|this\s+past|this\s+coming|past|coming|the|early|late|mid|"
    r"the\s+early|the\s+late)[\s-]+)?(?P<s>spring|summer|fall|autumn|winter)"
    rf"(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"
)
def _season(match: re.Match[str], context: Context) -> Timex | None:
    code = SEASONS[match.group("s")]
    offset = (match.group("o") or "").replace("the ", "").replace("the", "")
    if match.group("y"):
        year = expand_year(match.group("y"), context.anchor)
        return Timex(f"{year:04d}-{code}") if year else None
    anchor = context.anchor
    if anchor is None:
        return Timex(None)
    order = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}
    current = order["WI" if anchor.month in (12, 1, 2) else "SP" if anchor.month < 6 else
                    "SU" if anchor.month < 9 else "FA"]  # fmt: skip
    wanted = order[code]
    if offset in ("last", "this past", "past") or (
        offset in ("", "early", "late", "mid") and context.tense == "past"
    ):
        strict = offset in ("last", "this past", "past")
        year = (
            anchor.year
            if (wanted < current or (wanted == current and not strict))
            else anchor.year - 1
        )
    elif offset in ("next", "this coming", "coming") or context.tense == "future":
        year = (
            anchor.year
            if wanted > current or (wanted == current and offset == "")
            else anchor.year + 1
        )
    else:
        year = anchor.year
    return Timex(f"{year:04d}-{code}")


_QUARTER_ORDINAL = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|q[1-4])"


@rule(
    r"(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:(?P<rel>this\s+year|last\s+year|next\s+year|"
    rf"the\s+year-(?:earlier|ago)|year-(?:earlier|ago)|the\s+(?P<y0>{_YEAR})|(?P<y1>{_YEAR}))'?s?\s+)?"
    r"(?:(?:flat|strong|weak|disappointing|fiscal|calendar|latest|current|same|comparable)[\s-]+)*"
    rf"{_QUARTER_ORDINAL}[\s-]+(?:fiscal[\s-]+)?(?:quarter|period|qtr)"
    rf"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<y>{_YEAR}|this\s+year|last\s+year|next\s+year))?"
    r"(?:\s+(?:a\s+year\s+(?:ago|earlier)))?"
)
def _quarter(match: re.Match[str], context: Context) -> Timex | None:
    quarter = ORDINALS[match.group("q")]
    explicit = match.group("y") or match.group("y0") or match.group("y1")
    text = match.group(0)
    shift = -1 if re.search(r"last year|year-(?:earlier|ago)|a year (?:ago|earlier)", text) else 0
    shift = 1 if "next year" in text else shift
    if explicit and explicit[0] in "'0123456789":
        year = expand_year(explicit, context.anchor)
        return Timex(f"{year:04d}-Q{quarter}") if year else None
    anchor = context.anchor
    if anchor is None:
        return Timex(None)
    year = anchor.year + shift
    if shift == 0 and quarter > quarter_of(anchor) and context.tense != "future":
        year -= 1
    return Timex(f"{year:04d}-Q{quarter}")


@rule(
    r"(?:the\s+|its\s+|this\s+|that\s+|a\s+)?(?:(?P<w>latest|current|last|previous|prior|"
    r"most\s+recent|same|recent|just[\s-]ended|comparable|corresponding)[\s-]+)?"
    r"(?:(?P<ago>year-(?:earlier|ago))[\s-]+|(?P<y>1[89]\d\d|20\d\d)\s+)?(?:fiscal\s+)?"
    r"(?P<unit>quarter|period)(?:\s+(?P<ago2>a\s+year\s+(?:ago|earlier)|last\s+year|"
    r"of\s+last\s+year))?"
)
def _the_quarter(match: re.Match[str], context: Context) -> Timex | None:
    """ "the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter"."""
    text, word = match.group(0), match.group("w") or ""
    anchor = context.anchor
    reference = context.reference
    if reference is not None and not re.fullmatch(r"\d{4}-Q\d", reference):
        reference = None
    year_ago = bool(match.group("ago") or match.group("ago2"))
    if match.group("unit") == "period" and reference is None and not (word or year_ago):
        if match.group("y"):
            return Timex(match.group("y"))
        return None  # "the period": no calendar value without a quarter before it
    if text.startswith("a ") and not year_ago:
        return None  # "a quarter": a duration, not a date
    if anchor is None and reference is None and not match.group("y"):
        return Timex(None)
    latest: tuple[int, int] | None = None
    if anchor is not None:
        current = (anchor.year, quarter_of(anchor))
        latest = (
            current if word == "current" or text.startswith("this") else shift_quarter(*current, -1)
        )
    if reference is not None and word not in (
        "current",
        "latest",
        "most recent",
        "last",
        "previous",
    ):
        base = (int(reference[:4]), int(reference[-1]))
    else:
        assert latest is not None or match.group("y")
        base = latest or (0, 0)
    if match.group("y"):
        year = int(match.group("y"))
        return Timex(f"{year:04d}-Q{base[1]}" if base[1] else f"{year:04d}", anaphoric=True)
    year = base[0] - (1 if year_ago else 0)
    return Timex(f"{year:04d}-Q{base[1]}", anaphoric=reference is not None or year_ago)


# --- weeks, months, years relative to the anchor -----------------------------------------------

_OFFSETS: Final[dict[str, int]] = {
    "last": -1, "the last": -1, "the past": -1, "past": -1, "the previous": -1, "previous": -1,
    "the prior": -1, "this past": -1, "a year ago": -1, "this": 0, "the current": 0,
    "the present": 0, "current": 0, "the": 0, "the same": 0, "that": 0, "next": 1,
    "the next": 1, "the coming": 1, "coming": 1, "this coming": 1, "the following": 1,
    "the upcoming": 1, "the latest": 0, "the full": 0,
}  # fmt: skip
_ANAPHORIC_OFFSETS: Final = frozenset(
    {"the same", "that", "the following", "the previous", "the prior"}
)


@rule(
    r"(?:(?P<p>early|late|mid|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of|"
    r"the\s+second\s+half\s+of|sometime|the\s+close\s+of|the\s+turn\s+of)[\s-]+)?"
    r"(?P<o>" + "|".join(sorted(_OFFSETS, key=len, reverse=True)) + r")\s+"
    r"(?:(?:fiscal|calendar|financial)\s+)?(?P<u>week|weekend|month|year|decade|century)"
    r"|(?P<end>(?:the\s+)?year[\s-]end|the\s+year's\s+end|the\s+end\s+of\s+the\s+year|"
    r"the\s+end\s+of\s+the\s+month|the\s+month's\s+end|month[\s-]end)"
)
def _relative_unit(match: re.Match[str], context: Context) -> Timex | None:
    if match.group("end"):
        unit = "month" if "month" in match.group("end") else "year"
        return _unit_value(unit, 0, context.anchor, "END", anaphoric=False)
    offset_text, unit = match.group("o"), match.group("u")
    position = match.group("p") or ""
    if offset_text == "the" and unit in ("month", "week") and not position:
        return None  # "the month": too vague on its own ("the year" is the anchor's)
    mod = _mod(position)
    if position == "the first half of" and unit == "year":
        return dated(context, lambda a: f"{a.year + _OFFSETS[offset_text]:04d}-H1")
    if position == "the second half of" and unit == "year":
        return dated(context, lambda a: f"{a.year + _OFFSETS[offset_text]:04d}-H2")
    base = context.anchor
    anaphoric = offset_text in _ANAPHORIC_OFFSETS
    if anaphoric:
        base = context.reference_date or _reference_year(context) or context.anchor
    offset = _OFFSETS[offset_text]
    return _unit_value(unit, offset, base, mod, anaphoric=anaphoric, tense=context.tense)


def _reference_year(context: Context) -> dt.date | None:
    if context.reference and re.fullmatch(r"\d{4}(?:-.*)?", context.reference):
        return dt.date(int(context.reference[:4]), 7, 1)
    return None


def _unit_value(
    unit: str,
    offset: int,
    base: dt.date | None,
    mod: str | None,
    *,
    anaphoric: bool,
    tense: Tense = "past",
) -> Timex:
    if base is None:
        return Timex(None, mod=mod)
    if unit == "week":
        value = iso_week(base + dt.timedelta(weeks=offset))
    elif unit == "weekend":
        shift = {-1: "last", 0: "", 1: "next"}.get(offset, "")
        value = iso_week(resolve_weekday(5, base, tense, shift)) + "-WE"
    elif unit == "month":
        year, month = shift_months(base, offset)
        value = f"{year:04d}-{month:02d}"
    elif unit == "decade":
        value = f"{(base.year // 10 + offset):03d}"
    elif unit == "century":
        value = f"{(base.year // 100 + offset):02d}"
    else:
        value = f"{base.year + offset:04d}"
    return Timex(value, mod=mod, anaphoric=anaphoric)
