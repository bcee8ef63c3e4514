"""`parley claims` (statements grouped by speaker) and `parley contradictions` (who says
otherwise, side by side)."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from parley.cli.options import DbOption, JsonOption, TheaterOption, db_path
from parley.cli.render import out, print_json

if TYPE_CHECKING:
    from parley.records import Contradiction, ContradictionSide


def claims_command(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Only this actor (and its parts).")] = None,
    issue: Annotated[str | None, typer.Option(help="Only statements about this issue.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    theater: TheaterOption = None,
    json_output: JsonOption = False,
) -> None:
    """Who says what: statements grouped by speaker, each with its medium, date and words."""
    from parley.analysis.claims import claims
    from parley.store import open_store
    from parley.theater import load_theater

    store = open_store(db_path(db))
    try:
        groups = claims(store, load_theater(theater), actor=actor, issue=issue, since=since)
    finally:
        store.close()
    if json_output:
        print_json([dataclasses.asdict(g) for g in groups])
        return
    if not groups:
        out.print("No statements match; ingest articles first, or widen the filters.")
        return
    for group in groups:
        out.print(Text(f"{group.speaker} — {len(group.claims)} statement(s)", style="bold"))
        for claim in group.claims:
            line = Text("  ")
            line.append(f"{claim.published or 'undated'} {claim.doc_id}", style="dim")
            line.append(f"  {claim.speaker_text or '(unattributed)'} {claim.cue}")
            if claim.medium:
                line.append(f" [{claim.medium}]")
            if claim.polarity == "deny":
                line.append(" DENIES", style="bold red")
            if claim.hedged:
                line.append(" (unconfirmed)", style="italic")
            line.append(f": {claim.content}")
            if claim.issues:
                line.append(f"  · {', '.join(claim.issues)}", style="dim")
            out.print(line)


def _side_cell(side: ContradictionSide) -> Text:
    cell = Text()
    cell.append(side.stance.upper() if side.stance in ("asserts", "denies") else side.stance)
    cell.stylize("bold red" if side.stance == "denies" else "bold")
    who = side.speaker or ("(figure)" if side.record_kind == "figure" else "(unattributed)")
    cell.append(f"  {who}")
    if side.actor:
        cell.append(f" ({side.actor})")
    where = [x for x in (side.medium, side.outlet) if x]
    cell.append(f"\n{(side.published or 'undated')[:10]} · {' · '.join(where) or '-'}", style="dim")
    cell.append(f" · {side.evidence.doc_id}@{side.evidence.start}", style="dim")
    cell.append(f"\n{side.sentence}")
    return cell


def contradiction_table(number: int, found: Contradiction) -> Table:
    """One contradiction: its sides side by side (in rows past three sides)."""
    title = f"#{number} {found.kind}: {found.topic}"
    table = Table(title=title, title_justify="left", show_lines=True)
    if len(found.sides) <= 3:
        for index in range(len(found.sides)):
            table.add_column(f"side {index + 1}", overflow="fold", ratio=1)
        table.add_row(*(_side_cell(side) for side in found.sides))
    else:
        table.add_column("side", overflow="fold")
        for side in found.sides:
            table.add_row(_side_cell(side))
    return table


def contradictions_command(
    db: DbOption = None,
    window: Annotated[
        int, typer.Option(help="Compare articles published at most this many days apart.")
    ] = 14,
    theater: TheaterOption = None,
    json_output: JsonOption = False,
) -> None:
    """Who says otherwise: claims and their denials, and figures that disagree.

    Each contradiction shows its sides next to each other: speaker, medium, outlet, date
    and sentence. Kinds: denial (a statement denies another's claim), status (an event
    reported as happened and as denied), figures (counts of the same thing that differ).
    """
    from parley.analysis.contradictions import contradictions
    from parley.store import open_store
    from parley.theater import load_theater

    store = open_store(db_path(db))
    try:
        found = contradictions(store, load_theater(theater), window_days=window)
    finally:
        store.close()
    if json_output:
        print_json([dataclasses.asdict(c) for c in found])
        return
    if not found:
        out.print("No contradictions found; ingest more articles, or widen --window.")
        return
    for number, item in enumerate(found, 1):
        out.print(contradiction_table(number, item))
