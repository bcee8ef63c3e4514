"""The figures component: every written number form and the part of a figure, on sentences
written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from parley.nlp.figures import FigureTagger, parse_number
from parley.nlp.pipeline import load_pipeline
from parley.theater import default_theater

Run = Callable[[str], list[dict[str, Any]]]


@pytest.fixture(scope="module")
def run() -> Run:
    nlp = load_pipeline()
    tagger = FigureTagger(nlp, "parley_figures", default_theater())

    def figures(text: str) -> list[dict[str, Any]]:
        return list(tagger(nlp(text))._.figures)

    return figures


def only(found: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["4,115"], 4115),
        (["1.4", "million"], 1_400_000),
        (["six"], 6),
        (["Six"], 6),
        (["a", "hundred"], 100),
        (["two", "hundred"], 200),
        (["twenty", "-", "five"], 25),
        (["a", "dozen"], 12),
        (["1,000"], 1000),
        (["dozens"], None),
        (["tens", "of", "thousands"], None),
        (["hundreds"], None),
        (["1.5"], None),
    ],
)
def test_parse_number(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


def test_digits_with_thousands_separator(run: Run) -> None:
    figure = only(
        run("Israeli shelling has killed 3,208 people in southern Lebanon, officials say.")
    )
    assert (figure["quantity"], figure["value"], figure["approx"]) == ("killed", 3208, False)
    assert figure["place"] == "LBN"
    assert figure["who"] == "people"


def test_decimal_million(run: Run) -> None:
    text = "Officials said 1.2 million residents had fled their homes in Lebanon."
    figure = only(run(text))
    assert (figure["quantity"], figure["value"]) == ("displaced", 1_200_000)
    assert figure["place"] == "LBN"
    assert figure["who"] == "residents"
    assert text[figure["num_start"] : figure["num_end"]] == "1.2 million"


def test_number_word(run: Run) -> None:
    figure = only(run("Seven Israeli soldiers were wounded near the border on Friday."))
    assert (figure["quantity"], figure["value"], figure["approx"]) == ("injured", 7, False)
    assert (figure["who"], figure["place"]) == ("soldiers", "ISR")


def test_hyphenated_number_word(run: Run) -> None:
    figure = only(run("Thirty-two Hezbollah fighters were killed in the clashes."))
    assert (figure["quantity"], figure["value"]) == ("killed", 32)
    assert (figure["who"], figure["place"]) == ("fighters", "LBN")


def test_a_hundred(run: Run) -> None:
    figure = only(
        run("A hundred detainees remain in Israeli jails, according to Lebanese officials.")
    )
    assert (figure["quantity"], figure["value"]) == ("detained", 100)
    assert figure["place"] == "LBN"
    assert figure["source_text"] == "Lebanese officials"


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people were injured in the blast near Tyre.",
        "Tens of thousands of residents have been displaced from the border villages.",
        "Hundreds of families fled the south over the weekend.",
    ],
)
def test_approximate_count_with_no_value_is_dropped(run: Run, text: str) -> None:
    assert run(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Over 1,000 families were evacuated from northern Israel.", 1000),
        ("More than 2,500 people were evacuated from northern Israel.", 2500),
        ("At least 14 people were killed in the strike on Nabatieh.", 14),
        ("About 30 people are still missing after the strike on Tyre.", 30),
        ("Nearly 500 fighters have died since the war began.", 500),
        ("Approximately 90,000 residents were displaced from northern Israel.", 90000),
    ],
)
def test_approximation_words(run: Run, text: str, value: int) -> None:
    figure = only(run(text))
    assert (figure["value"], figure["approx"]) == (value, True)


def test_approximation_scopes_over_a_coordinated_count(run: Run) -> None:
    found = run("The strikes caused at least 40 deaths and 120 injuries in Lebanon.")
    assert [(f["quantity"], f["value"], f["approx"]) for f in found] == [
        ("killed", 40, True),
        ("injured", 120, True),
    ]


def test_part_of_a_figure(run: Run) -> None:
    text = "The raid on the village killed 45 people, including 12 children, the ministry said."
    whole, part = run(text)
    assert (whole["quantity"], whole["value"], whole["part_of"]) == ("killed", 45, False)
    assert (part["quantity"], part["value"], part["part_of"]) == ("killed", 12, True)
    assert part["who"] == "women_children"
    assert whole["start"] == part["start"] == 0
    assert whole["end"] == part["end"] == len(text)


def test_part_of_a_figure_in_the_next_sentence(run: Run) -> None:
    text = (
        "Israeli strikes have killed 730 people in Lebanon this month. "
        "The toll weighs heavily on civilians, including 150 women and 90 children."
    )
    whole, first, second = run(text)
    assert (whole["quantity"], whole["value"], whole["part_of"]) == ("killed", 730, False)
    assert (first["quantity"], first["value"], first["part_of"]) == ("killed", 150, True)
    assert (second["quantity"], second["value"], second["part_of"]) == ("killed", 90, True)
    assert first["place"] == "LBN"
    assert first["start"] > whole["end"]


def test_release_of_detainees_and_the_whole(run: Run) -> None:
    found = run("Israel freed four Lebanese prisoners out of a total of 9 held since the war.")
    assert [(f["quantity"], f["value"], f["place"]) for f in found] == [
        ("released", 4, "LBN"),
        ("detained", 9, "LBN"),
    ]


def test_violations_count_for_the_other_side_since_a_date(run: Run) -> None:
    figure = only(run("Israel has committed 350 violations of the truce since January 2025."))
    assert (figure["quantity"], figure["value"], figure["place"]) == ("violations", 350, "LBN")
    assert figure["since"] == "2025-01"
    assert figure["until"] is None


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt in the attack.",
        "The two sides met in Naqoura for three hours.",
        "Israel will withdraw from five positions in southern Lebanon.",
        "Turnout reached 45 % in the northern villages.",
    ],
)
def test_numbers_that_count_no_people_or_incidents(run: Run, text: str) -> None:
    assert run(text) == []


def test_records_are_plain_msgpack_data(run: Run) -> None:
    found = run("Two people were killed in an Israeli drone strike on a car near Tyre.")
    assert all(type(v) in (str, int, bool, type(None)) for v in found[0].values())
    assert set(found[0]) == {
        "start",
        "end",
        "num_start",
        "num_end",
        "quantity",
        "value",
        "approx",
        "who",
        "place",
        "since",
        "until",
        "source_text",
        "source_actor",
        "part_of",
    }


# -- written number forms and links added for the recall benchmark (benchmarks/figures_recall.py)
@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["one", "hundred", "and", "twenty"], 120),
        (["half", "a", "million"], 500_000),
        (["one", "and", "a", "half", "million"], 1_500_000),
        (["two", "and", "a", "half", "thousand"], 2500),
        (["half", "a", "dozen"], 6),
        (["1", "500"], 1500),
        (["12", "5"], None),
        (["half"], None),
    ],
)
def test_parse_more_written_forms(words: list[str], value: int | None) -> None:
    assert parse_number(words) == value


@pytest.mark.parametrize(
    ("text", "quantity", "value", "span"),
    [
        (
            "One hundred and twenty people were killed in the shelling.",
            "killed",
            120,
            "One hundred and twenty",
        ),
        (
            "Half a million people have been displaced by the fighting.",
            "displaced",
            500_000,
            "Half a million",
        ),
        (
            "One and a half million residents fled the region.",
            "displaced",
            1_500_000,
            "One and a half million",
        ),
        (
            "Three hundred and fifty prisoners were freed on Sunday.",
            "released",
            350,
            "Three hundred and fifty",
        ),
        ("At least 1 500 people were killed in the offensive.", "killed", 1500, "1 500"),
    ],
)
def test_written_numbers_with_and_and_half(
    run: Run, text: str, quantity: str, value: int, span: str
) -> None:
    figure = only(run(text))
    assert (figure["quantity"], figure["value"]) == (quantity, value)
    assert text[figure["num_start"] : figure["num_end"]] == span


def test_approximation_after_the_number(run: Run) -> None:
    found = run("Some 60-plus people were killed, and 40-odd were wounded.")
    assert [(f["quantity"], f["value"], f["approx"]) for f in found] == [
        ("killed", 60, True),
        ("injured", 40, True),
    ]


def test_coordinated_numbers_count_the_same_noun(run: Run) -> None:
    found = run("The two crashes, which killed 87 and 14 people respectively, shocked the region.")
    assert [(f["quantity"], f["value"]) for f in found] == [("killed", 87), ("killed", 14)]


@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        ("Two people were reported missing after the flood.", "missing", 2),
        ("Three fighters were found dead near the river.", "killed", 3),
        ("More than 40,000 people are registered as refugees in the region.", "displaced", 40000),
    ],
)
def test_complement_of_the_verb_names_the_quantity(
    run: Run, text: str, quantity: str, value: int
) -> None:
    figure = only(run(text))
    assert (figure["quantity"], figure["value"]) == (quantity, value)


@pytest.mark.parametrize(
    ("text", "quantity", "value"),
    [
        ("The bombing claimed 35 lives in the market.", "killed", 35),
        ("The blast claimed the lives of 35 people.", "killed", 35),
        ("Gunmen took 15 hostages at the checkpoint.", "detained", 15),
        ("Rebels released 15 hostages on Monday.", "released", 15),
        ("About 9,000 refugees crossed the border last week.", "displaced", 9000),
    ],
)
def test_new_triggers(run: Run, text: str, quantity: str, value: int) -> None:
    figure = only(run(text))
    assert (figure["quantity"], figure["value"]) == (quantity, value)


def test_a_hostage_among_the_dead_counts_for_the_killed(run: Run) -> None:
    whole, part = run("Gunmen killed 11 people, including one hostage, in the town.")
    assert (whole["quantity"], whole["value"]) == ("killed", 11)
    assert (part["quantity"], part["value"], part["part_of"]) == ("killed", 1, True)


def test_a_number_that_names_is_not_a_count(run: Run) -> None:
    found = run("The strikes killed 12 people, in breach of obligations including Resolution 1701.")
    assert [(f["quantity"], f["value"]) for f in found] == [("killed", 12)]
