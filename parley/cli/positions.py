"""`parley positions`, `parley deadlocks`, `parley commitments`: what each party wants, on
what condition, where the talks are stuck, and what was promised by when."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from parley.cli.options import DbOption, db_path
from parley.cli.render import out, print_json
from parley.errors import ConfigError

if TYPE_CHECKING:
    from parley.analysis.commitments import Commitment
    from parley.analysis.deadlocks import Deadlock
    from parley.analysis.positions import History, Stated
    from parley.store import Store

FORMATS = ("table", "json")
FormatOption = Annotated[str, typer.Option("--format", help="table or json.")]
STANCE_CODES = {
    "demand": "DEM",
    "support": "SUP",
    "oppose": "OPP",
    "propose": "PRO",
    "condition": "COND",
    "red_line": "RED",
}


def _check(output_format: str) -> None:
    if output_format not in FORMATS:
        raise ConfigError(f"--format {output_format!r} is unknown; use one of {', '.join(FORMATS)}")


def _open(db: Path | None) -> Store:
    from parley.store import open_store

    return open_store(db_path(db))


def _where(item: Stated) -> str:
    return f"{item.date or 'undated'} {item.doc_id}@{item.start}"


def _one_line(sentence: str, width: int = 220) -> str:
    text = " ".join(sentence.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def matrix_table(histories: list[History]) -> Table:
    """Party x issue: the latest stance (``COND<disarmament`` names what it requires), ``*``
    where it shifted."""
    issues = sorted({h.issue for h in histories})
    table = Table(
        title="positions: latest stance per party and issue (* shifted)", title_justify="left"
    )
    table.add_column("party", style="bold")
    for issue in issues:
        table.add_column(issue, overflow="fold")
    by_party: dict[str, dict[str, History]] = {}
    for history in histories:
        by_party.setdefault(history.party, {})[history.issue] = history
    for party_, cells in sorted(by_party.items()):
        row = []
        for issue in issues:
            held = cells.get(issue)
            if held is None:
                row.append(Text("·", style="dim"))
                continue
            latest = held.latest
            cell = STANCE_CODES.get(latest.stance, latest.stance)
            if latest.requires:
                cell += "<" + ",".join(latest.requires)
            if held.shifts:
                cell += "*"
            row.append(Text(cell))
        table.add_row(party_, *row)
    return table


def shifts_lines(histories: list[History]) -> Text:
    lines = Text()
    for history in histories:
        for shift in history.shifts:
            lines.append(f"{history.party} on {history.issue}: ", style="bold")
            lines.append(f"{shift.before.stance} → {shift.after.stance}")
            if set(shift.before.requires) != set(shift.after.requires):
                before = ",".join(shift.before.requires) or "nothing"
                after = ",".join(shift.after.requires) or "nothing"
                lines.append(f" (requires {before} → {after})")
            lines.append("\n")
            for item in (shift.before, shift.after):
                lines.append(f"    {_where(item)}: ", style="dim")
                lines.append(_one_line(item.sentence) + "\n")
    return lines


def _stated_dict(item: Stated) -> dict[str, Any]:
    return dataclasses.asdict(item)


def _history_dict(history: History) -> dict[str, Any]:
    return {
        "party": history.party,
        "issue": history.issue,
        "latest": _stated_dict(history.latest),
        "history": [_stated_dict(s) for s in history.stated],
        "shifts": [
            {"before": _stated_dict(s.before), "after": _stated_dict(s.after)}
            for s in history.shifts
        ],
    }


def positions_command(
    db: DbOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only this party or actor (e.g. ISR, HEZ).")
    ] = None,
    issue: Annotated[str | None, typer.Option("--issue", help="Only this issue.")] = None,
    output_format: FormatOption = "table",
) -> None:
    """What each party wants on each issue: the latest stance, and its shifts.

    Matrix cells: DEM(and), SUP(port), OPP(ose), PRO(pose), COND(ition), RED (line);
    <X: requires X first; * the stance shifted. Then every shift with both sentences.
    """
    from parley.analysis.positions import histories

    _check(output_format)
    store = _open(db)
    try:
        found = histories(store, actor=actor, issue=issue)
    finally:
        store.close()
    if output_format == "json":
        print_json([_history_dict(h) for h in found])
    elif not found:
        out.print("No positions match; ingest articles first, or widen the filters.")
    else:
        out.print(matrix_table(found))
        shifts = shifts_lines(found)
        out.print(shifts if shifts.plain else Text("No shifts between dates.", style="dim"))


def deadlock_lines(number: int, deadlock: Deadlock) -> Text:
    lines = Text()
    lines.append(f"#{number} {deadlock.readable}\n", style="bold")
    for edge in deadlock.edges:
        lines.append(
            f"  {edge.waiter} acts on {edge.issue} only after {edge.by}: {edge.requires}\n"
        )
        for item in edge.evidence:
            lines.append(f"    {_where(item)}: ", style="dim")
            lines.append(_one_line(item.sentence) + "\n")
    if deadlock.proposals:
        lines.append("  candidate ways out:\n", style="italic")
        for offer in deadlock.proposals:
            lines.append(
                f"    {offer.date or 'undated'} {offer.doc_id}@{offer.start} ", style="dim"
            )
            lines.append(f"{offer.actor or '?'} ({', '.join(offer.issues)}): ")
            lines.append(_one_line(offer.sentence, 180) + "\n")
    else:
        lines.append("  no proposal in the store touches this cycle\n", style="italic")
    return lines


def _deadlock_dict(deadlock: Deadlock) -> dict[str, Any]:
    return {
        "cycle": [list(n) for n in deadlock.nodes],
        "readable": deadlock.readable,
        "parties": list(deadlock.parties),
        "issues": list(deadlock.issues),
        "edges": [dataclasses.asdict(e) for e in deadlock.edges],
        "proposals": [dataclasses.asdict(p) for p in deadlock.proposals],
    }


def deadlocks_command(db: DbOption = None, output_format: FormatOption = "table") -> None:
    """Where the talks are stuck: cycles of preconditions across parties.

    A waits for B while B waits for A: each edge with its sentences, the proposals that
    touch the cycle as candidate ways out, then the order of steps each party asks for.
    """
    from parley.analysis.deadlocks import deadlocks, plans

    _check(output_format)
    store = _open(db)
    try:
        found = deadlocks(store)
        ordered = plans(store)
    finally:
        store.close()
    if output_format == "json":
        print_json({"deadlocks": [_deadlock_dict(d) for d in found], "plans": ordered})
        return
    if not found:
        out.print("No deadlock: no two parties make each other's step a precondition.")
    for number, deadlock in enumerate(found, 1):
        out.print(deadlock_lines(number, deadlock))
    if ordered:
        out.print(Text("sequencing each party asks for (first things first)", style="italic"))
        for party_, steps in ordered.items():
            out.print(f"  {party_}: {' → '.join(steps)}", markup=False)


def commitments_lines(found: list[Commitment]) -> Text:
    lines = Text()
    for item in found:
        style = {"met": "green", "missed": "bold red", "partly met": "yellow"}.get(item.status, "")
        lines.append(f"{item.deadline.isoformat()}  ", style="bold")
        lines.append(f"{item.kind}", style="bold")
        lines.append(f" by {', '.join(item.actors) or '?'}")
        if item.issues:
            lines.append(f" · {', '.join(item.issues)}", style="dim")
        lines.append(f"  [{item.status}]\n", style=style)
        first = item.first
        lines.append(
            f"    promised {first.published or 'undated'} {first.doc_id}@{first.start}: ",
            style="dim",
        )
        lines.append(_one_line(first.sentence, 180) + "\n")
        for report in item.evidence[:3]:
            lines.append(
                f"    report {report.published or 'undated'} {report.doc_id}@{report.start}: ",
                style="dim",
            )
            lines.append(_one_line(report.sentence, 180) + "\n")
    return lines


def _commitment_dict(item: Commitment) -> dict[str, Any]:
    data = dataclasses.asdict(item)
    data["deadline"] = item.deadline.isoformat()
    return data


def commitments_command(
    db: DbOption = None,
    status: Annotated[
        str | None, typer.Option("--status", help="Only met, partly met, missed or pending.")
    ] = None,
    output_format: FormatOption = "table",
) -> None:
    """What was promised or scheduled by when, and what became of it.

    Status from later reports in the store: met, partly met, missed or pending, with
    the evidence.
    """
    from parley.analysis.commitments import commitments

    _check(output_format)
    store = _open(db)
    try:
        found = commitments(store, status=status)
    finally:
        store.close()
    if output_format == "json":
        print_json([_commitment_dict(c) for c in found])
    elif not found:
        out.print("No dated commitments found; ingest more articles.")
    else:
        out.print(commitments_lines(found))
