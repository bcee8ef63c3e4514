"""`parley figures`: counts reconciled across reports, and their chart."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from parley.cli.options import DbOption, JsonOption, db_path
from parley.cli.render import out, print_json

if TYPE_CHECKING:
    from parley.analysis.figures import FigureGroup


def figure_group_table(group: FigureGroup) -> Table:
    """One reconciliation group: a row per report, disagreeing values marked."""
    flagged = {r.record_id for pair in group.disagreements for r in pair}
    values = f"{group.low:,}" if group.low == group.high else f"{group.low:,}–{group.high:,}"
    title = f"{group.label}: {len(group.reports)} report(s), {values}"
    if len(group.reports) > 1:
        title += f" (spread {group.spread:.0%})"
    table = Table(title=title, title_justify="left")
    for column in ("reported", "value", "who", "source", "outlet", "document"):
        table.add_column(column, overflow="fold", justify="right" if column == "value" else "left")
    for report in group.reports:
        value = Text(("~" if report.approx else "") + f"{report.value:,}")
        if report.record_id in flagged:
            value.append(" ≠", style="bold red")
        table.add_row(
            (report.published or "undated")[:10],
            value,
            report.who or "-",
            Text(report.source or "(not stated)"),
            Text(report.outlet or "-"),
            report.doc_id,
        )
    return table


def _group_dict(group: FigureGroup) -> dict[str, Any]:
    return {
        "quantity": group.quantity,
        "place": group.place,
        "who": group.who,
        "since": group.since,
        "low": group.low,
        "high": group.high,
        "spread": round(group.spread, 4),
        "reports": [dataclasses.asdict(r) for r in group.reports],
        "disagreements": [[a.record_id, b.record_id] for a, b in group.disagreements],
    }


def figures_command(
    db: DbOption = None,
    quantity: Annotated[
        str | None, typer.Option(help="Only this quantity (killed, injured, displaced ...).")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Only figures counting this side (actor id, e.g. LBN).")
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            help="Also draw each quantity over report date, one line per source (.png or .svg).",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Figures reconciled across reports, with their spread and disagreements.

    One table per quantity, place, people counted and period; values that disagree with
    another report of about the same day are marked ≠. --plot draws the chart.
    """
    from parley.analysis.figures import reconcile, series
    from parley.export.charts import figures_chart
    from parley.store import open_store

    store = open_store(db_path(db))
    try:
        groups = reconcile(store, quantity=quantity, place=place)
    finally:
        store.close()
    if plot is not None:
        figures_chart(series(groups), plot)
    if json_output:
        print_json([_group_dict(g) for g in groups])
        return
    if not groups:
        out.print("No figures match; ingest articles first, or widen the filters.")
        return
    for group in groups:
        out.print(figure_group_table(group))
    if plot is not None:
        out.print(f"Chart written to {plot}", markup=False)
