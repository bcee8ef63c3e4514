"""Charts an analyst pastes into a brief, drawn with matplotlib (no screen needed).

``figures_chart`` draws each quantity over report date, one series per source, from
:func:`parley.analysis.figures.series`. The format follows the file suffix (``.png`` or
``.svg``).
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from parley.errors import ConfigError, ParleyError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMATS = (".png", ".svg")


def figures_chart(series: dict[str, dict[str, list[tuple[str, int]]]], path: Path) -> Path:
    """Write one panel per quantity (with place), one line per source; return the path."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(f"cannot draw {path.name}: use a file name ending in .png or .svg")
    figure = _draw(series)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, format=suffix[1:])
    except OSError as exc:
        raise ConfigError(f"cannot write {path}: {exc.strerror}; choose a writable path") from None
    return path


def figures_svg(series: dict[str, dict[str, list[tuple[str, int]]]]) -> bytes:
    """The same chart as SVG bytes (for the web page)."""
    buffer = io.BytesIO()
    _draw(series).savefig(buffer, format="svg")
    return buffer.getvalue()


def _draw(series: dict[str, dict[str, list[tuple[str, int]]]]) -> Figure:
    if not series:
        raise ParleyError("no dated figures to plot; ingest articles with figures first")
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, DayLocator
    from matplotlib.figure import Figure

    figure = Figure(figsize=(9, 3.2 * len(series)), layout="constrained")
    axes = figure.subplots(len(series), 1, squeeze=False)[:, 0]
    for ax, (name, by_source) in zip(axes, sorted(series.items()), strict=True):
        every_day: list[date] = []
        highest = max(value for points in by_source.values() for _, value in points)
        for source, points in sorted(by_source.items()):
            days = [date.fromisoformat(day) for day, _ in points]
            every_day.extend(days)
            ax.plot(days, [value for _, value in points], marker="o", label=source)
        ax.set_title(name, loc="left")
        ax.set_ylabel("reported count")
        ax.set_ylim(0, highest * 1.15 or 1)
        ax.set_xlim(min(every_day) - timedelta(days=1), max(every_day) + timedelta(days=1))
        ax.grid(alpha=0.3)
        # report dates are days: no hour ticks on a short range
        short = (max(every_day) - min(every_day)).days < 10
        locator = DayLocator() if short else AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.legend(fontsize="small", loc="upper left")
    figure.suptitle("Figures by report date and source (parley)", x=0.01, ha="left")
    return figure
