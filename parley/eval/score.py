"""Score predicted records against gold, layer by layer, as EVAL.md "Matching and scores" says.

Both sides of a pair are dicts in the ``parley-gold/1`` format; a prediction may carry extra
keys, and a list it lacks counts as empty. Choices EVAL.md leaves open are fixed here:

- Two spans *overlap* when ``a.start < b.end and b.start < a.end``; the overlap of a pair is
  the number of characters they share (so empty spans never overlap).
- Ids compare at the root, the part before the first dot (``ISR.MIL`` -> ``ISR``); with
  ``exact_ids=True`` they compare as written. This applies to actors, a statement's speaker,
  an event's ``a``, a position's actor and a figure's place.
- Matching is one-to-one and greedy: the candidate pairs of a document are taken largest
  overlap first; ties go to the pair that agrees on more of the layer's scored attributes,
  then (events) to the pair whose root actor sets share more, then to document order.
- Counts are micro-averaged: tp, fp, fn and the accuracy counts are summed over documents.
- Precision and recall are 1.0 when a layer has nothing to find and found nothing
  (tp + fp == tp + fn == 0); otherwise a zero denominator gives 0.0, and F1 is 0.0 when
  P + R is 0.
- An accuracy is the share of matched pairs that agree on the attribute, or None when no
  pair matched. Null equals null (a time value, an event date, a speaker, a place).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from parley.errors import ConfigError, InputError
from parley.eval.gold import LAYERS

Record = Mapping[str, Any]
IdKey = Callable[[object], object]
Span = tuple[int, int]

#: The attributes whose accuracy is reported over matched pairs, per layer.
ACCURACIES: dict[str, tuple[str, ...]] = {
    "actors": (),
    "times": ("value",),
    "statements": ("speaker", "anonymous", "polarity"),
    "events": ("status", "date"),
    "positions": ("stance", "requires"),
    "figures": ("approx", "place"),
}


def root_id(value: object) -> object:
    """The root of an actor id (``ISR.MIL`` -> ``ISR``); anything else is returned as is."""
    return value.split(".", 1)[0] if isinstance(value, str) else value


def _exact_id(value: object) -> object:
    return value


@dataclass(frozen=True)
class LayerScore:
    """Counts of one layer summed over documents; P, R, F1 and accuracies derive from them.

    ``correct`` maps each scored attribute to the number of matched pairs that agree on it.
    """

    layer: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: Mapping[str, int] = field(default_factory=dict)

    @property
    def p(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def r(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def accuracies(self) -> dict[str, float | None]:
        """Attribute -> share of matched pairs that agree, or None when none matched."""
        return {
            name: (self.correct.get(name, 0) / self.tp if self.tp else None)
            for name in ACCURACIES[self.layer]
        }

    def to_dict(self) -> dict[str, float | int | None]:
        """``{"p", "r", "f1", "tp", "fp", "fn", "<attribute>_acc"...}``."""
        data: dict[str, float | int | None] = {
            "p": self.p,
            "r": self.r,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }
        for name, value in self.accuracies.items():
            data[f"{name}_acc"] = value
        return data


@dataclass(frozen=True)
class Scores:
    """The scores of the requested layers (in canonical order) over ``documents`` documents."""

    layers: Mapping[str, LayerScore]
    documents: int = 0

    @property
    def macro_f1(self) -> float:
        """Mean F1 of the scored layers."""
        return sum(layer.f1 for layer in self.layers.values()) / len(self.layers)

    def to_dict(self) -> dict[str, Any]:
        """``{"layers": {"actors": {"p":.., "r":.., "f1":.., ...}, ...}, "macro_f1": ..}``."""
        return {
            "layers": {name: layer.to_dict() for name, layer in self.layers.items()},
            "macro_f1": self.macro_f1,
        }


@dataclass(frozen=True)
class _Matcher:
    """How one record layer matches: the span that must overlap, the extra conditions, the
    scored attributes and a tie-break similarity."""

    span: tuple[str, str]
    compatible: Callable[[Record, Record, Span, Span, IdKey], bool]
    attributes: Mapping[str, Callable[[Record, Record, IdKey], bool]]
    similarity: Callable[[Record, Record, IdKey], float] = lambda g, p, ids: 0.0


def _ids(values: object, ids: IdKey) -> set[object]:
    if not isinstance(values, list):
        return set()
    return {ids(value) for value in values if isinstance(value, str)}


def _same(key: str) -> Callable[[Record, Record, IdKey], bool]:
    return lambda g, p, ids: bool(g.get(key) == p.get(key))


def _same_id(key: str) -> Callable[[Record, Record, IdKey], bool]:
    return lambda g, p, ids: ids(g.get(key)) == ids(p.get(key))


def _half_overlap(g: Record, p: Record, gs: Span, ps: Span, ids: IdKey) -> bool:
    shorter = min(gs[1] - gs[0], ps[1] - ps[0])
    return 2 * _overlap(gs, ps) >= shorter


def _event_compatible(g: Record, p: Record, gs: Span, ps: Span, ids: IdKey) -> bool:
    if g.get("kind") != p.get("kind"):
        return False
    gold_a, pred_a = _ids(g.get("a"), ids), _ids(p.get("a"), ids)
    return bool(gold_a & pred_a) or (not gold_a and not pred_a)


def _actor_jaccard(g: Record, p: Record, ids: IdKey) -> float:
    gold_a, pred_a = _ids(g.get("a"), ids), _ids(p.get("a"), ids)
    union = gold_a | pred_a
    return len(gold_a & pred_a) / len(union) if union else 1.0


def _requires(g: Record, p: Record, ids: IdKey) -> bool:
    def as_set(value: object) -> set[object]:
        return set(value) if isinstance(value, list) else set()

    return as_set(g.get("requires")) == as_set(p.get("requires"))


_MATCHERS: dict[str, _Matcher] = {
    "times": _Matcher(
        span=("start", "end"),
        compatible=lambda g, p, gs, ps, ids: True,
        attributes={"value": _same("value")},
    ),
    "statements": _Matcher(
        span=("content_start", "content_end"),
        compatible=_half_overlap,
        attributes={
            "speaker": _same_id("speaker_actor"),
            "anonymous": _same("anonymous"),
            "polarity": _same("polarity"),
        },
    ),
    "events": _Matcher(
        span=("start", "end"),
        compatible=_event_compatible,
        attributes={"status": _same("status"), "date": _same("date")},
        similarity=_actor_jaccard,
    ),
    "positions": _Matcher(
        span=("start", "end"),
        compatible=lambda g, p, gs, ps, ids: (
            ids(g.get("actor")) == ids(p.get("actor")) and g.get("issue") == p.get("issue")
        ),
        attributes={"stance": _same("stance"), "requires": _requires},
    ),
    "figures": _Matcher(
        span=("start", "end"),
        compatible=lambda g, p, gs, ps, ids: (
            g.get("quantity") == p.get("quantity") and g.get("value") == p.get("value")
        ),
        attributes={"approx": _same("approx"), "place": _same_id("place")},
    ),
}


def _overlap(a: Span, b: Span) -> int:
    """Characters shared by two spans; positive exactly when they overlap."""
    return min(a[1], b[1]) - max(a[0], b[0])


def _span(record: object, keys: tuple[str, str]) -> Span | None:
    if not isinstance(record, Mapping):
        return None
    start, end = record.get(keys[0]), record.get(keys[1])
    if type(start) is not int or type(end) is not int:
        return None
    return (start, end)


def match_records(
    gold: Sequence[Record], pred: Sequence[Record], layer: str, *, exact_ids: bool = False
) -> list[tuple[int, int]]:
    """One-to-one greedy matching of two record lists of ``layer`` (not ``actors``).

    Returns ``(gold index, predicted index)`` pairs in the order they were taken.
    """
    matcher = _MATCHERS[layer]
    ids: IdKey = _exact_id if exact_ids else root_id
    pred_spans = [_span(p, matcher.span) for p in pred]
    candidates: list[tuple[int, int, float, int, int]] = []
    for gi, g in enumerate(gold):
        gs = _span(g, matcher.span)
        if gs is None:
            continue
        for pj, (p, ps) in enumerate(zip(pred, pred_spans, strict=True)):
            if ps is None:
                continue
            shared = _overlap(gs, ps)
            if shared <= 0 or not matcher.compatible(g, p, gs, ps, ids):
                continue
            agree = sum(check(g, p, ids) for check in matcher.attributes.values())
            candidates.append((-shared, -agree, -matcher.similarity(g, p, ids), gi, pj))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for *_, gi, pj in candidates:
        if gi in used_gold or pj in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pj)
        pairs.append((gi, pj))
    return pairs


def _items(doc: Record, layer: str, side: str) -> list[Any]:
    items = doc.get(layer)
    if items is None:
        return []
    if not isinstance(items, list):
        source = f"{side} {doc.get('doc', '(no doc id)')}"
        raise InputError(source, f'"{layer}" must be a list, not {type(items).__name__}')
    return items


def _layer_names(layers: Collection[str] | None) -> tuple[str, ...]:
    if layers is None:
        return LAYERS
    unknown = sorted(set(layers) - set(LAYERS))
    if unknown or not layers:
        raise ConfigError(
            f"unknown or no layers {unknown or list(layers)}; choose from {', '.join(LAYERS)}"
        )
    return tuple(name for name in LAYERS if name in layers)


def score(
    pairs: Iterable[tuple[Record, Record]],
    layers: Collection[str] | None = None,
    *,
    exact_ids: bool = False,
) -> Scores:
    """Score ``(gold, predicted)`` document pairs on ``layers`` (default: all six).

    Raises :class:`ConfigError` for an unknown layer name and :class:`InputError` when a
    document's layer is present but not a list.
    """
    names = _layer_names(layers)
    ids: IdKey = _exact_id if exact_ids else root_id
    tp = dict.fromkeys(names, 0)
    fp = dict.fromkeys(names, 0)
    fn = dict.fromkeys(names, 0)
    correct = {name: dict.fromkeys(ACCURACIES[name], 0) for name in names}
    documents = 0
    for gold, pred in pairs:
        documents += 1
        for name in names:
            gold_items, pred_items = _items(gold, name, "gold"), _items(pred, name, "prediction")
            if name == "actors":
                gold_ids, pred_ids = _ids(gold_items, ids), _ids(pred_items, ids)
                found = len(gold_ids & pred_ids)
                tp[name] += found
                fp[name] += len(pred_ids) - found
                fn[name] += len(gold_ids) - found
                continue
            matched = match_records(gold_items, pred_items, name, exact_ids=exact_ids)
            tp[name] += len(matched)
            fp[name] += len(pred_items) - len(matched)
            fn[name] += len(gold_items) - len(matched)
            checks = _MATCHERS[name].attributes
            for gi, pj in matched:
                for attribute, check in checks.items():
                    correct[name][attribute] += check(gold_items[gi], pred_items[pj], ids)
    return Scores(
        layers={
            name: LayerScore(name, tp[name], fp[name], fn[name], correct[name]) for name in names
        },
        documents=documents,
    )


def format_table(scores: Scores) -> str:
    """A plain-text table: one row per layer (P, R, F1, counts, accuracies), then macro F1."""
    header = ("layer", "P", "R", "F1", "TP", "FP", "FN", "accuracy")
    rows = [header]
    for name, layer in scores.layers.items():
        accuracy = "  ".join(
            f"{attribute} {'-' if value is None else f'{value:.3f}'}"
            for attribute, value in layer.accuracies.items()
        )
        rows.append(
            (
                name,
                f"{layer.p:.3f}",
                f"{layer.r:.3f}",
                f"{layer.f1:.3f}",
                str(layer.tp),
                str(layer.fp),
                str(layer.fn),
                accuracy,
            )
        )
    rows.append(("macro", "", "", f"{scores.macro_f1:.3f}", "", "", "", ""))
    widths = [max(len(row[col]) for row in rows) for col in range(len(header))]
    lines = []
    for row in rows:
        cells = [
            cell.ljust(width) if col in (0, len(header) - 1) else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)
