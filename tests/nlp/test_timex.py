"""TIMEX3 normalisation rules (parley.nlp.timex), one case per rule, on phrases of our own."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.nlp.timex import Timex, normalise, parse_anchor, spell_years, time_of_day
from parley.nlp.timex_rules import parse_number

TUESDAY = dt.date(2025, 3, 11)  # a Tuesday


def value(text: str, anchor: dt.date | None = TUESDAY, **kwargs: object) -> str | None:
    found = normalise(text, anchor, **kwargs)  # type: ignore[arg-type]
    assert found is not None, f"{text!r} was not read"
    return found.value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025", "2025"),
        ("March 2025", "2025-03"),
        ("October 8, 2023", "2023-10-08"),
        ("8 October 2023", "2023-10-08"),
        ("Oct. 8, 2023", "2023-10-08"),
        ("02 September 2025 18:46", "2025-09-02"),
        ("17 May, 2025 13:59 PM", "2025-05-17"),
        ("Friday 11 July 2025 08:31:45", "2025-07-11"),
        ("2025-03-05", "2025-03-05"),
        ("2025/03/05", "2025-03-05"),
        ("the 3rd of March 2025", "2025-03-03"),
        ("March, 3 2025", "2025-03-03"),  # read by dateparser
    ],
)
def test_absolute_dates_of_any_precision(text: str, expected: str) -> None:
    assert value(text) == expected


def test_absolute_dates_need_no_anchor() -> None:
    assert value("October 8, 2023", None) == "2023-10-08"
    assert value("1967", None) == "1967"


def test_numeric_day_month_order_follows_the_anchor() -> None:
    assert value("02-09-2024", dt.date(2024, 9, 2)) == "2024-09-02"
    assert value("09-02-2024", dt.date(2024, 9, 2)) == "2024-09-02"


def test_month_and_day_take_the_year_from_the_tense() -> None:
    june = dt.date(2025, 6, 10)
    assert value("May 29", june) == "2025-05-29"
    assert value("October 7", dt.date(2024, 9, 2), tense="past") == "2023-10-07"
    assert value("October 7", dt.date(2024, 9, 2), tense="future") == "2024-10-07"
    # no tense: the coming date when it is close, else the last one
    assert value("Dec. 7", dt.date(1999, 10, 27), tense="present") == "1999-12-07"
    assert value("Oct. 23", dt.date(1999, 5, 6), tense="present") == "1998-10-23"
    # a few days ahead of a report is still ahead
    assert value("February 18", dt.date(2025, 2, 14), tense="past") == "2025-02-18"
    assert value("last Oct. 23", dt.date(1999, 4, 19)) == "1998-10-23"


def test_months_without_year() -> None:
    assert value("November", dt.date(2025, 5, 17)) == "2024-11"
    assert value("April", dt.date(2025, 5, 17)) == "2025-04"
    assert value("early August", dt.date(2025, 9, 5)) == "2025-08"
    assert value("the beginning of July", tense="future") == "2025-07"
    assert value("last November", dt.date(2025, 7, 11)) == "2024-11"
    assert normalise("mid-March", TUESDAY) == Timex("2025-03", mod="MID")


def test_weekdays_point_back_in_a_report_and_forward_in_the_future() -> None:
    assert value("Thursday") == "2025-03-06"
    assert value("Thursday", tense="future") == "2025-03-13"
    assert value("Tuesday") == "2025-03-11"  # the day of publication
    assert value("last Tuesday") == "2025-03-04"
    assert value("next Monday") == "2025-03-17"
    assert value("a recent Tuesday evening", dt.date(2025, 3, 12)) == "2025-03-11"
    assert value("Thursday, April 6", dt.date(2000, 4, 8)) == "2000-04-06"


@pytest.mark.parametrize(
    ("text", "expected", "kind"),
    [
        ("today", "2025-03-11", "DATE"),
        ("tonight", "2025-03-11", "TIME"),
        ("yesterday", "2025-03-10", "DATE"),
        ("tomorrow", "2025-03-12", "DATE"),
        ("this morning", "2025-03-11", "TIME"),
        ("This afternoon", "2025-03-11", "TIME"),
        ("last night", "2025-03-10", "TIME"),
        ("Tuesday evening", "2025-03-11", "TIME"),
        ("Wednesday night", "2025-03-05", "TIME"),
        ("early Tuesday", "2025-03-11", "DATE"),
        ("dawn on Saturday", "2025-03-08", "TIME"),
        ("later in the day", "2025-03-11", "DATE"),
        ("3:20 PM GMT", "2025-03-11", "TIME"),
        ("around 23:00 GMT", "2025-03-11", "TIME"),
        ("4 am local time", "2025-03-11", "TIME"),
    ],
)
def test_days_and_times_of_day_stop_at_the_date(text: str, expected: str, kind: str) -> None:
    found = normalise(text, TUESDAY)
    assert found is not None
    assert (found.value, found.type) == (expected, kind)


def test_clock_option_gives_timeml_times_of_day() -> None:
    assert value("3:20 PM GMT", clock=True) == "2025-03-11T15:20"
    assert value("Tuesday evening", clock=True) == "2025-03-11TEV"
    assert value("noon Thursday", clock=True) == "2025-03-06T12:00"
    assert time_of_day("the 12 a.m. deadline") == "T00:00"
    assert time_of_day("Friday") is None


def test_weeks_months_and_years_relative_to_the_anchor() -> None:
    assert value("last week", dt.date(2024, 11, 25)) == "2024-W47"
    assert value("this week") == "2025-W11"
    assert value("next week") == "2025-W12"
    assert value("last month") == "2025-02"
    assert value("Last year") == "2024"
    assert value("next year") == "2026"
    assert value("earlier this month") == "2025-03"
    assert value("later this year") == "2025"
    assert value("the end of 2025") == "2025"
    assert value("the year’s end") == "2025"
    assert value("two weeks ago", dt.date(2025, 7, 11)) == "2025-W26"
    assert value("three days ago") == "2025-03-08"
    assert value("a year ago") == "2024"
    assert value("the weekend", dt.date(2025, 3, 10)) == "2025-W10-WE"


def test_ranges_keep_their_end() -> None:
    assert normalise("May 14-15", TUESDAY, tense="future") == Timex(
        "2025-05-14", range_end="2025-05-15"
    )
    assert normalise("14-15 May 2024", TUESDAY) == Timex("2024-05-14", range_end="2024-05-15")
    assert normalise("1998-99", TUESDAY) == Timex("1998", range_end="1999")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("60-day", "P60D"),
        ("14-month", "P14M"),
        ("five weeks", "P5W"),
        ("the past five weeks", "P5W"),
        ("the next four days", "P4D"),
        ("the six months", "P6M"),
        ("36 hours", "PT36H"),
        ("approximately two hours", "PT2H"),
        ("nearly 11 months", "P11M"),
        ("eleven months", "P11M"),
        ("twenty-one days", "P21D"),
        ("two years", "P2Y"),
        ("one year", "P1Y"),
        ("a couple of years", "P2Y"),
        ("two decades", "P20Y"),
        ("monthlong", "P1M"),
        ("half an hour", "PT30M"),
        ("2 1/2 years", "P2Y6M"),
        ("a minute and a half", "PT1M30S"),
        ("at least 72 hours", "PT72H"),
        ("two to three weeks", "P2W"),
    ],
)
def test_durations(text: str, expected: str) -> None:
    found = normalise(text, None)
    assert found is not None
    assert (found.value, found.type) == (expected, "DURATION")


def test_duration_modifiers_are_kept_as_mod() -> None:
    assert normalise("nearly 11 months", None) == Timex("P11M", "DURATION", mod="APPROX")
    assert normalise("more than 36 hours", None) == Timex("PT36H", "DURATION", mod="MORE_THAN")


def test_vague_durations_have_no_number() -> None:
    assert value("weeks") == "PXW"
    assert value("several months") == "PXM"
    assert value("decades") == "PXE"


def test_coming_units_are_vague_durations_not_references() -> None:
    assert normalise("the next few days", TUESDAY) == Timex("PXD", "DURATION")
    assert value("the weeks ahead") == "PXW"
    assert value("the coming years") == "PXY"
    assert value("several quarters") == "PXQ"
    assert value("the foreseeable future") == "FUTURE_REF"


def test_years_decades_seasons_quarters_and_halves() -> None:
    assert value("1967") == "1967"
    assert value("pre-1967") == "1967"
    assert value("the 1990s") == "199"
    assert value("the early 1980s") == "198"
    assert value("the 20th century") == "19"
    assert value("summer 2013") == "2013-SU"
    assert value("last fall", dt.date(1989, 10, 30)) == "1988-FA"
    assert value("the first quarter of 2013") == "2013-Q1"
    assert value("the third quarter", dt.date(1989, 10, 30)) == "1989-Q3"
    assert value("the fourth quarter", dt.date(1998, 1, 26)) == "1997-Q4"
    assert value("the quarter", dt.date(1989, 10, 30)) == "1989-Q3"
    assert value("the first half of 1989") == "1989-H1"


def test_references_and_frequencies() -> None:
    assert value("now") == "PRESENT_REF"
    assert value("currently") == "PRESENT_REF"
    assert value("recently") == "PAST_REF"
    assert value("the near future") == "FUTURE_REF"
    assert normalise("daily", TUESDAY) == Timex("P1D", "SET")
    assert normalise("every week", TUESDAY) == Timex("P1W", "SET")


def test_relative_expressions_without_anchor_have_no_value() -> None:
    for text in ("yesterday", "last week", "Thursday", "May 29", "two weeks ago", "early August"):
        found = normalise(text, None)
        assert found is not None and found.value is None, text


def test_anaphoric_expressions_follow_the_reference() -> None:
    assert normalise("the previous day", TUESDAY, reference="2023-10-08") == Timex(
        "2023-10-07", anaphoric=True
    )
    assert value("a year ago", dt.date(1989, 10, 30), reference="1989-Q3") == "1988-Q3"
    assert value("the year-ago quarter", dt.date(1989, 10, 30)) == "1988-Q3"


def test_not_times() -> None:
    for text in ("six-year-old", "44", "under 1701", "resolution 1701", "his 30s", "6.44"):
        assert normalise(text, TUESDAY) is None, text


def test_numbers_and_years_in_words() -> None:
    assert parse_number("twenty-four") == 24
    assert parse_number("a couple of") == 2
    assert parse_number("several") is None
    assert spell_years("in nineteen ninety-six") == "in 1996"
    assert value("January nineteen ninety-seven") == "1997-01"
    assert value("the year two thousand") == "2000"


def test_holidays() -> None:
    assert value("Thanksgiving Day", dt.date(2000, 1, 7)) == "1999-11-25"
    assert value("Christmas", dt.date(2000, 1, 7), tense="future") == "2000-12-25"


def test_parse_anchor_reads_dates_and_datetimes() -> None:
    assert parse_anchor("2025-03-11T14:05:00+02:00") == TUESDAY
    assert parse_anchor(dt.datetime(2025, 3, 11, 9, 0)) == TUESDAY
    assert parse_anchor("unknown") is None
    assert parse_anchor(None) is None


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=40))
def test_normalise_never_fails_on_arbitrary_text(text: str) -> None:
    found = normalise(text, TUESDAY)
    assert found is None or found.type in ("DATE", "TIME", "DURATION", "SET")
