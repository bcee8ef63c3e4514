"""Read a GOLD_DIR: ``<doc-id>.txt``, ``.meta.json`` and ``.gold.json`` for each document.

The format is EVAL.md's ``parley-gold/1``. Every problem is a :class:`~parley.errors.ConfigError`
whose one-line message names the file and the fix, so that ``parley eval`` can show it as is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from parley.errors import ConfigError

GOLD_SCHEMA = "parley-gold/1"

#: The six scored layers, in the order of the gold format and of every report.
LAYERS: tuple[str, ...] = ("actors", "times", "statements", "events", "positions", "figures")

# Keys the scorer reads from each record of a gold file (other keys are allowed).
_REQUIRED: dict[str, tuple[str, ...]] = {
    "times": ("start", "end", "value"),
    "statements": (
        "start",
        "end",
        "speaker_actor",
        "anonymous",
        "polarity",
        "content_start",
        "content_end",
    ),
    "events": ("start", "end", "kind", "a", "status", "date"),
    "positions": ("start", "end", "actor", "issue", "stance", "requires"),
    "figures": ("start", "end", "quantity", "value", "approx", "place"),
}
_LIST_KEYS = ("a", "requires")
_SPANS: dict[str, tuple[tuple[str, str], ...]] = {
    "statements": (("start", "end"), ("content_start", "content_end")),
}
_FORMAT = "see the gold format in EVAL.md"


@dataclass(frozen=True)
class GoldDoc:
    """One hand-annotated document: its text (what offsets refer to), metadata and gold."""

    doc_id: str
    text: str
    meta: dict[str, Any]
    gold: dict[str, Any]


def load_gold_dir(path: str | Path) -> list[GoldDoc]:
    """Every document of ``path`` that has a ``.gold.json``, sorted by document id.

    A ``.txt`` without a ``.gold.json`` is skipped (not annotated yet); other files (notes)
    are ignored. A ``.gold.json`` without its ``.txt`` or ``.meta.json``, or any malformed
    file, raises :class:`ConfigError`.
    """
    directory = Path(path)
    if not directory.is_dir():
        raise ConfigError(
            f"{directory}: not a directory; pass a GOLD_DIR that holds <doc-id>.txt, "
            "<doc-id>.meta.json and <doc-id>.gold.json files"
        )
    suffix = ".gold.json"
    gold_files = sorted(p for p in directory.iterdir() if p.name.endswith(suffix) and p.is_file())
    docs = []
    for gold_path in gold_files:
        doc_id = gold_path.name.removesuffix(suffix)
        text_path = directory / f"{doc_id}.txt"
        meta_path = directory / f"{doc_id}.meta.json"
        if not text_path.is_file():
            raise ConfigError(
                f"{gold_path}: no article text beside it; add {text_path.name} "
                "or remove the gold file"
            )
        if not meta_path.is_file():
            raise ConfigError(
                f"{gold_path}: no metadata beside it; add {meta_path.name} "
                '({"id", "title", "outlet", "url", "published"})'
            )
        text = _read_text(text_path)
        meta = _read_object(meta_path)
        if "id" in meta and meta["id"] != doc_id:
            raise ConfigError(f'{meta_path}: "id" is {meta["id"]!r}; set it to {doc_id!r}')
        gold = _read_object(gold_path)
        check_gold(gold, source=str(gold_path), doc_id=doc_id, text_length=len(text))
        docs.append(GoldDoc(doc_id=doc_id, text=text, meta=meta, gold=gold))
    return docs


def check_gold(
    gold: dict[str, Any], *, source: str, doc_id: str | None = None, text_length: int | None = None
) -> None:
    """Raise :class:`ConfigError` unless ``gold`` is a well-formed ``parley-gold/1`` object.

    ``source`` names the file in the message; ``doc_id`` is the expected ``"doc"``;
    with ``text_length`` every span must lie inside the text.
    """
    if gold.get("schema") != GOLD_SCHEMA:
        raise ConfigError(
            f'{source}: "schema" is {gold.get("schema")!r}; set it to "{GOLD_SCHEMA}" ({_FORMAT})'
        )
    if doc_id is not None and gold.get("doc") != doc_id:
        raise ConfigError(
            f'{source}: "doc" is {gold.get("doc")!r}; set it to {doc_id!r} (the file name)'
        )
    for layer in LAYERS:
        items = gold.get(layer)
        if not isinstance(items, list):
            raise ConfigError(
                f'{source}: "{layer}" must be a list (use [] when there is nothing); {_FORMAT}'
            )
        for index, item in enumerate(items):
            where = f"{source}: {layer}[{index}]"
            if layer == "actors":
                if not isinstance(item, str) or not item:
                    raise ConfigError(
                        f"{where} is {item!r}; write a theater actor id such as 'ISR'"
                    )
                continue
            _check_record(item, layer, where, text_length)


def _check_record(item: object, layer: str, where: str, text_length: int | None) -> None:
    if not isinstance(item, dict):
        raise ConfigError(f"{where} is {type(item).__name__}; write a JSON object ({_FORMAT})")
    missing = [key for key in _REQUIRED[layer] if key not in item]
    if missing:
        raise ConfigError(f"{where} lacks {', '.join(missing)}; add them ({_FORMAT})")
    for key in _LIST_KEYS:
        if key in item and not isinstance(item[key], list):
            raise ConfigError(f'{where}: "{key}" must be a list; write [] when empty')
    for start_key, end_key in _SPANS.get(layer, (("start", "end"),)):
        start, end = item[start_key], item[end_key]
        if not (_is_int(start) and _is_int(end) and 0 <= start < end):
            raise ConfigError(
                f"{where}: span {start_key}={start!r}, {end_key}={end!r} is not a non-empty "
                "span; write character offsets with start < end"
            )
        if text_length is not None and end > text_length:
            raise ConfigError(
                f"{where}: {end_key}={end} lies past the end of the text ({text_length} "
                "characters); offsets are code points into the .txt as it is on disk"
            )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _read_text(path: Path) -> str:
    # byte for byte: no newline conversion, no normalisation, because offsets refer to this
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{path}: not UTF-8 (byte {exc.start}); save the article text as UTF-8"
        ) from None


def _read_object(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}); save it as UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"{path}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
            "fix the JSON syntax there"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: holds a JSON {type(data).__name__}; write a JSON object")
    return data
