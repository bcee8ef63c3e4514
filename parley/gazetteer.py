"""The offline regional gazetteer: places in Lebanon, Israel, Syria, Palestine and Jordan.

The rows come from ``parley/data/gazetteer-levant.tsv``, generated at development time from
GeoNames data by ``scripts/build_gazetteer.py`` (GeoNames data, CC BY 4.0, attribution
"GeoNames (geonames.org)"; see ``parley/data/GAZETTEER.md``). Hand-made places, e.g. from a
theater file, are merged in with :meth:`Gazetteer.add` and win over GeoNames entries of the
same name.

Names are compared in a normalised form (:func:`normalize`): case, accents, punctuation,
hyphens and apostrophes do not matter, and Arabic articles (``al-``, ``el-``, ``an-``,
``ash-`` ...) are dropped, so "El Khiam", "al-Khiam" and "khiam" are the same key.
:meth:`Gazetteer.lookup` is also tolerant of spacing ("Kfarkila" finds "Kfar Kila").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["DATA_FILE", "Gazetteer", "GazetteerPlace", "compact", "normalize"]

DATA_FILE = "gazetteer-levant.tsv"

# Arabic definite articles as they appear in Latin transliterations, including the sun-letter
# assimilations (ash-Shaab, an-Naqoura, ad-Dahiyeh, az-Zahrani, ...). A word from this set is
# dropped when another word follows it: "Maroun al-Ras" and "Marun ar Ras" become "maroun ras"
# and "marun ras", "El Khiam" becomes "khiam". "en" is not among them: in Hebrew names it is
# "spring" ("En Gedi", "En Hod"), and "En Naqoura" has "Naqoura" as an alternate name anyway.
ARTICLES = frozenset(
    {"al", "el", "an", "ar", "as", "ash", "at", "ath", "ad", "adh", "az", "ech", "ed", "er", "es",
     "esh", "ez"}
)  # fmt: skip

# Apostrophe-like characters are deleted (they join: "Ma'alot" == "Maalot"); ayin and hamza
# marks of transliterations count as apostrophes too.
_APOSTROPHES = "'`´‘’‛ʹʻʼʽʾʿˈ"
_DELETE = str.maketrans("", "", _APOSTROPHES)
# Letters without a decomposition that still have an obvious ASCII form.
_LETTERS = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_SEPARATORS = re.compile(r"[\W_]+")


def normalize(name: str) -> str:
    """The normalised key of a place name: lower-case words separated by one space.

    Accents are stripped (a key is ASCII unless a letter has no ASCII form), apostrophes
    deleted, any other punctuation (hyphens, dots, commas) separates words, and Arabic article
    words are dropped when a word follows them.
    """
    text = name.casefold().translate(_DELETE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS)
    words = _SEPARATORS.sub(" ", text).split()
    if len(words) > 1 and not ARTICLES.isdisjoint(words[:-1]):
        last = len(words) - 1
        words = [w for i, w in enumerate(words) if i == last or w not in ARTICLES]
    return " ".join(words)


def compact(name: str) -> str:
    """The normalised key without spaces: "Kfar Kila" and "Kfarkila" are the same."""
    return normalize(name).replace(" ", "")


@dataclass(frozen=True)
class GazetteerPlace:
    """One place: a GeoNames row (``geonameid`` set) or a hand-made place (``geonameid`` None).

    ``country`` is the ISO 3166-1 alpha-2 code; ``feature`` a GeoNames feature code (``PPL``,
    ``PPLC``, ``PCLI`` for a country, or whatever a hand-made place declares).
    """

    geonameid: int | None
    name: str
    country: str
    lat: float | None
    lon: float | None
    feature: str
    population: int


_Places = tuple[GazetteerPlace, ...]
_Index = dict[str, _Places]


def _population(place: GazetteerPlace) -> int:
    return -place.population


def _by_population(places: Iterable[GazetteerPlace]) -> _Places:
    return tuple(sorted(places, key=_population))


@dataclass(frozen=True)
class _Tables:
    index: _Index  # normalised key -> places
    groups: dict[str, tuple[str, ...]]  # compact key -> normalised keys
    by_compact: _Index  # compact key -> places


def _build(rows: Iterable[tuple[GazetteerPlace, Iterable[str]]]) -> _Tables:
    collected: dict[str, list[GazetteerPlace]] = {}
    for place, names in rows:
        for key in {normalize(n) for n in (place.name, *names)}:
            if key:
                collected.setdefault(key, []).append(place)
    index = {
        key: (places[0],) if len(places) == 1 else _by_population(places)
        for key, places in collected.items()
    }
    groups: dict[str, list[str]] = {}
    for key in index:
        groups.setdefault(key.replace(" ", ""), []).append(key)
    return _Tables(
        index=index,
        groups={ckey: tuple(keys) for ckey, keys in groups.items()},
        by_compact={ckey: _merge(index, keys) for ckey, keys in groups.items()},
    )


def _merge(index: Mapping[str, _Places], keys: Iterable[str]) -> _Places:
    """The places of ``keys`` in ``index``, each once, most populous first."""
    keys = list(keys)
    if len(keys) == 1:
        return index[keys[0]]
    return _by_population(dict.fromkeys(p for k in keys for p in index[k]))


class Gazetteer:
    """Places by normalised name; see the module docstring."""

    def __init__(self, places: Iterable[tuple[GazetteerPlace, Iterable[str]]] = ()) -> None:
        """Index ``places``: each item is a place and its other names (alternates)."""
        self._use(_build(places))

    def _use(self, tables: _Tables) -> None:
        # Copies of the dicts; their values are tuples, so nothing else is shared mutably.
        self._index = dict(tables.index)
        self._groups = dict(tables.groups)
        self._by_compact = dict(tables.by_compact)
        self._manual: set[str] = set()

    @classmethod
    def load_default(cls) -> Gazetteer:
        """The packaged Levant gazetteer (``parley/data/gazetteer-levant.tsv``).

        The file is parsed once per process; each call returns a fresh instance, so places
        added to one instance do not leak into others.
        """
        gazetteer = cls.__new__(cls)
        gazetteer._use(_load_packaged())
        return gazetteer

    def lookup(self, name: str) -> list[GazetteerPlace]:
        """Places called ``name`` (normalised, spacing ignored), most populous first."""
        return list(self._by_compact.get(compact(name), ()))

    def add(self, place: GazetteerPlace, names: Iterable[str] = ()) -> None:
        """Merge in a hand-made place under its name and ``names``.

        Under each of these names the hand-made places replace the GeoNames entries (also
        for lookups that differ only in spacing); places added under the same name by several
        calls are all kept.
        """
        keys = dict.fromkeys(normalize(n) for n in (place.name, *names))
        keys.pop("", None)
        for key in keys:
            if key in self._manual:
                self._index[key] = _by_population(dict.fromkeys((*self._index[key], place)))
            else:
                self._index[key] = (place,)
                self._manual.add(key)
                ckey = key.replace(" ", "")
                group = self._groups.get(ckey, ())
                if key not in group:
                    self._groups[ckey] = (*group, key)
        for ckey in dict.fromkeys(k.replace(" ", "") for k in keys):
            group = self._groups[ckey]
            chosen = [k for k in group if k in self._manual] or list(group)
            self._by_compact[ckey] = _merge(self._index, chosen)

    def names(self) -> dict[str, list[GazetteerPlace]]:
        """Every normalised key (see :func:`normalize`) and its places, most populous first.

        Meant for building phrase patterns: a key is the name's words, lower-cased, without
        accents, punctuation or article words.
        """
        return {key: list(places) for key, places in self._index.items()}

    def __len__(self) -> int:
        """The number of distinct places."""
        return len(dict.fromkeys(p for places in self._index.values() for p in places))


def _optional_float(text: str) -> float | None:
    return float(text) if text else None


def parse_tsv(text: str) -> list[tuple[GazetteerPlace, list[str]]]:
    """Rows of a gazetteer TSV (with its header line): each place and its names."""
    rows: list[tuple[GazetteerPlace, list[str]]] = []
    for line in text.splitlines()[1:]:
        if not line:
            continue
        gid, name, ascii_name, alternates, country, lat, lon, feature, population = line.split("\t")
        place = GazetteerPlace(
            geonameid=int(gid) if gid else None,
            name=name,
            country=country,
            lat=_optional_float(lat),
            lon=_optional_float(lon),
            feature=feature,
            population=int(population) if population else 0,
        )
        names = [ascii_name, *alternates.split("|")] if alternates else [ascii_name]
        rows.append((place, names))
    return rows


@cache
def _load_packaged() -> _Tables:
    resource = resources.files("parley") / "data" / DATA_FILE
    return _build(parse_tsv(resource.read_text(encoding="utf-8")))
