"""The offline regional gazetteer: name normalisation, the packaged data, hand-made places."""

from __future__ import annotations

import re
import time
from importlib import resources

import pytest

from parley import gazetteer as gazetteer_module
from parley.gazetteer import Gazetteer, GazetteerPlace, compact, normalize, parse_tsv

# Rough bounding boxes (south, west, north, east) of the countries.
BOXES = {
    "LB": (33.0, 35.0, 34.75, 36.7),
    "IL": (29.4, 34.2, 33.4, 35.9),
    "SY": (32.3, 35.7, 37.4, 42.4),
}


def place(
    name: str, country: str = "LB", population: int = 0, gid: int | None = None
) -> GazetteerPlace:
    return GazetteerPlace(gid, name, country, 33.0, 35.5, "PPL", population)


@pytest.fixture(scope="module")
def levant() -> Gazetteer:
    return Gazetteer.load_default()


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Zahlé", "zahle"),
        ("ZAHLE", "zahle"),
        ("Nabatîyé", "nabatiye"),
        ("Ra’s Bayrūt", "ras bayrut"),
        ("`Alma ash-Sha`b", "alma shab"),
        ("Maroun al-Ras", "maroun ras"),
        ("Marun ar Ras", "marun ras"),
        ("El Khiam", "khiam"),
        ("al-Khiam", "khiam"),
        ("Bint-Jbeil", "bint jbeil"),
        ("Ma'alot–Tarshiha", "maalot tarshiha"),
        ("St. George's Bay", "st georges bay"),
        ("Beit El", "beit el"),  # a trailing article word is kept
        ("Al", "al"),
        ("En Gedi", "en gedi"),  # Hebrew "en" (spring) is not an article
        ("  -- ", ""),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


def test_compact_ignores_spacing() -> None:
    assert compact("Kfar Kila") == compact("Kfarkila") == compact("kfar-kila") == "kfarkila"


def test_lookup_is_case_accent_punctuation_and_article_insensitive() -> None:
    khiam = place("El Khiam", population=30000)
    gazetteer = Gazetteer([(khiam, ["Al-Khiyam", "Khiam"]), (place("Qlayaa"), ["Qlayaa"])])
    for query in ("Khiam", "khiam", "KHIAM", "El-Khiam", "al Khiam", "Al-Khiyām", "ash-Khiyam"):
        assert gazetteer.lookup(query) == [khiam], query
    assert gazetteer.lookup("Qlay'aa") == gazetteer.lookup("QLAYAA") != []
    assert gazetteer.lookup("Khiyami") == []
    assert gazetteer.lookup("") == []
    assert gazetteer.lookup("al") == []


def test_lookup_orders_by_population() -> None:
    small, big = place("Rama", "IL", 900), place("Ar Rama", "PS", 9000)
    gazetteer = Gazetteer([(small, []), (big, [])])
    assert gazetteer.lookup("rama") == [big, small]


def test_names_maps_normalised_keys_to_places() -> None:
    sour = place("Tyre", population=100)
    names = Gazetteer([(sour, ["Es Sur", "Soûr"])]).names()
    assert names == {"tyre": [sour], "sur": [sour], "sour": [sour]}


def test_add_overrides_geonames_entries_of_the_same_name(levant: Gazetteer) -> None:
    gazetteer = Gazetteer.load_default()
    assert gazetteer.lookup("Hasbaya")[0].geonameid is not None
    mine = place("Hasbaya", population=0)
    gazetteer.add(mine, ["Hasbayya"])
    assert gazetteer.lookup("hasbaya") == [mine]
    assert gazetteer.lookup("Has-Bayya") == [mine]
    assert gazetteer.names()["hasbaya"] == [mine]
    # other alternates of the GeoNames place still find it
    assert gazetteer.lookup("Hasbeya")[0].geonameid is not None
    # the cached default data is untouched
    assert levant.lookup("Hasbaya")[0].geonameid is not None
    assert Gazetteer.load_default().lookup("Hasbaya")[0].geonameid is not None


def test_add_new_places_and_several_under_one_name() -> None:
    gazetteer = Gazetteer([(place("Blat", gid=1, population=500), [])])
    farms = place("Shebaa Farms", population=0)
    gazetteer.add(farms, ["Mazarei Shebaa", "Shebaa farms"])
    assert gazetteer.lookup("Mazare'i Shebaa") == [farms]
    assert gazetteer.lookup("shebaafarms") == [farms]
    first, second = place("Blat", population=10), place("Blat", "IL", population=20)
    gazetteer.add(first)
    gazetteer.add(second)
    gazetteer.add(second)
    assert gazetteer.lookup("Blat") == [second, first]


def test_add_wins_over_a_spelling_that_differs_only_in_spacing() -> None:
    geonames = place("Kfar Kila", gid=272849, population=5878)
    gazetteer = Gazetteer([(geonames, ["Kafr Kila"])])
    mine = place("Kfarkila")
    gazetteer.add(mine)
    assert gazetteer.lookup("Kfar Kila") == [mine]
    assert gazetteer.lookup("Kafr Kila") == [geonames]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Beirut", "LB"),
        ("Tyre", "LB"),
        ("Sour", "LB"),
        ("Sidon", "LB"),
        ("Saida", "LB"),
        ("Nabatieh", "LB"),
        ("Naqoura", "LB"),
        ("An-Naqurah", "LB"),
        ("Bint Jbeil", "LB"),
        ("Kfar Kila", "LB"),
        ("Marjayoun", "LB"),
        ("Metula", "IL"),
        ("Metulla", "IL"),
        ("Kiryat Shmona", "IL"),
        ("Qiryat Shemona", "IL"),
        ("Haifa", "IL"),
        ("Damascus", "SY"),
    ],
)
def test_packaged_places(levant: Gazetteer, name: str, country: str) -> None:
    found = levant.lookup(name)
    assert found, name
    best = found[0]
    assert best.country == country
    assert best.geonameid is not None
    assert best.lat is not None and best.lon is not None
    south, west, north, east = BOXES[country]
    assert south < best.lat < north and west < best.lon < east


def test_capitals_and_countries(levant: Gazetteer) -> None:
    assert levant.lookup("Beirut")[0].feature == "PPLC"
    assert levant.lookup("Damascus")[0].feature == "PPLC"
    for name, code in [("Lebanon", "LB"), ("Lebanese Republic", "LB"), ("Israel", "IL"),
                       ("Syria", "SY"), ("Jordan", "JO"), ("Palestine", "PS")]:  # fmt: skip
        (country,) = levant.lookup(name)
        assert (country.country, country.feature) == (code, "PCLI")


def test_codes_and_non_latin_names_are_not_keys(levant: Gazetteer) -> None:
    names = levant.names()
    assert "bey" not in names  # Beirut's airport code
    assert "usa" not in names  # an alternate of Usha, Israel
    assert all(re.fullmatch(r"[a-z0-9]+( [a-z0-9]+)*", key) for key in names)


def test_loads_from_package_data(levant: Gazetteer) -> None:
    resource = resources.files("parley") / "data" / "gazetteer-levant.tsv"
    assert resource.is_file()
    text = resource.read_text(encoding="utf-8")
    assert text.splitlines()[0].split("\t") == [
        "geonameid", "name", "asciiname", "alternatenames", "country", "latitude", "longitude",
        "feature", "population",
    ]  # fmt: skip
    rows = parse_tsv(text)
    assert len(levant) == len(rows) > 1000
    assert {p.country for p, _ in rows} == {"IL", "JO", "LB", "PS", "SY"}
    notes = (resources.files("parley") / "data" / "GAZETTEER.md").read_text(encoding="utf-8")
    assert f"{len(rows)} rows" in notes
    assert "CC BY 4.0" in notes


def test_default_load_is_fast() -> None:
    gazetteer_module._load_packaged.cache_clear()
    start = time.perf_counter()
    Gazetteer.load_default()
    elapsed = time.perf_counter() - start
    # about 60 ms on a development machine; the bound is loose to stay stable on busy CI hosts
    assert elapsed < 1.0
