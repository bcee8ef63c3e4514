"""`parley claims`: statements grouped by speaker, with medium and date."""

from __future__ import annotations

import dataclasses
from typing import Annotated

import typer
from rich.text import Text

from parley.cli.options import DbOption, JsonOption, TheaterOption, db_path
from parley.cli.render import out, print_json


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
