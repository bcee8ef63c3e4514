"""Rich tables and panels shared by the commands; article text is never markup."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from parley.store import StoredDocument

out = Console(highlight=False, soft_wrap=False)
err = Console(stderr=True, highlight=False)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def headline(doc: StoredDocument, width: int = 70) -> str:
    """The title, else the first line of the text, shortened."""
    line = doc.document.title or doc.document.text.strip().split("\n", 1)[0]
    return line if len(line) <= width else line[: width - 1] + "…"


def documents_table(
    docs: list[StoredDocument], cluster_sizes: dict[int, int], width: int | None = None
) -> Table:
    """One line per document; the title takes what the other columns leave of the width."""
    headers = ("id", "published", "outlet", "title / first line", "story")
    rows = []
    for stored in docs:
        doc = stored.document
        story = "-"
        if stored.cluster_id is not None:
            story = f"#{stored.cluster_id} ({cluster_sizes.get(stored.cluster_id, 1)})"
        published = (doc.published or "?")[:10]  # the day; `parley show` has the time
        rows.append((doc.id, published, doc.outlet or "-", headline(stored, 500), story))
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(headers)]
    widths[2] = min(widths[2], 16)
    fixed = sum(w for i, w in enumerate(widths) if i != 3) + 3 * len(headers) + 1
    widths[3] = max(12, min(widths[3], (width or out.width) - fixed))
    table = Table(title=f"{len(docs)} document(s)", title_justify="left")
    for header, size in zip(headers, widths, strict=True):
        table.add_column(header, width=size, no_wrap=True, overflow="ellipsis")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))
    return table


def stats_table(stats: dict[str, Any]) -> Table:
    table = Table(title="store", title_justify="left")
    table.add_column("kind")
    table.add_column("count", justify="right")
    for name, value in stats.items():
        table.add_row(name, str(value))
    return table


def document_dict(stored: StoredDocument) -> dict[str, Any]:
    data = stored.document.to_dict()
    data.update(
        revision=stored.revision,
        story_cluster=stored.cluster_id,
        content_hash=stored.document.content_hash,
        ingested_at=stored.ingested_at,
        updated_at=stored.updated_at,
    )
    return data


def actors_table(rows: list[dict[str, Any]]) -> Table:
    """Actors per document: each resolved id with its mention count and first wording."""
    table = Table(title="actors (resolved to the theater)", title_justify="left")
    for column in ("document", "actor", "mentions", "first written as"):
        table.add_column(column, no_wrap=column != "first written as", overflow="ellipsis")
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["actor_id"] is not None:
            grouped.setdefault((row["document_id"], row["actor_id"]), []).append(row)
    for (doc_id, actor_id), mentions in grouped.items():
        table.add_row(doc_id, actor_id, str(len(mentions)), Text(mentions[0]["text"]))
    return table


def times_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(
        title="times (TIMEX3, resolved against the publication date)", title_justify="left"
    )
    for column in ("document", "expression", "value", "type"):
        table.add_column(column, overflow="ellipsis")
    for row in rows:
        table.add_row(
            row["document_id"], Text(row["text"]), row["value"] or "-", row["timex_type"] or "-"
        )
    return table


def records_summary(records: dict[str, list[dict[str, Any]]]) -> Text:
    """One line per record kind: what was found in the document, with character spans."""
    actors: dict[str, list[str]] = {}
    for row in records.get("actors", []):
        key = row["actor_id"] or f"unresolved {row['label']}"
        actors.setdefault(key, []).append(f"{row['text']}@{row['start']}")
    lines = Text()
    lines.append("actors: ", style="bold")
    lines.append("; ".join(f"{k} ({', '.join(v)})" for k, v in actors.items()) or "-")
    lines.append("\ntimes: ", style="bold")
    lines.append(
        "; ".join(
            f"{r['text']}@{r['start']} = {r['value'] or '?'}" for r in records.get("times", [])
        )
        or "-"
    )
    lines.append("\nstatements: ", style="bold")
    lines.append(
        "; ".join(
            f"{r['speaker_text'] or '?'} ({r['speaker_actor'] or '-'}) {r['cue']}@{r['start']}"
            + (" [deny]" if r["polarity"] == "deny" else "")
            for r in records.get("statements", [])
        )
        or "-"
    )
    lines.append("\nfigures: ", style="bold")
    lines.append(
        "; ".join(
            f"{r['quantity']} {r['value']}@{r['start']} ({r['place'] or '?'})"
            for r in records.get("figures", [])
        )
        or "-"
    )
    lines.append("\nplaces: ", style="bold")
    lines.append(
        "; ".join(
            f"{r['text']}@{r['start']} = {r['name']} ({r['country']} {r['lat']}, {r['lon']})"
            for r in records.get("places", [])
        )
        or "-"
    )
    return lines


def statements_table(rows: list[dict[str, Any]], texts: dict[str, str]) -> Text:
    """Who said what, one statement a paragraph: speaker (actor) cue [medium]: content."""
    lines = Text()
    lines.append("statements (who says so)\n", style="italic")
    for row in rows:
        text = texts.get(row["document_id"], "")
        content = text[row["content_start"] : row["content_end"]] if text else ""
        if len(content) > 160:
            content = content[:159] + "…"
        speaker = row["speaker_text"] or ("(unnamed)" if row["anonymous"] else "(unattributed)")
        lines.append(f"{row['document_id']}  ", style="dim")
        lines.append(speaker, style="bold")
        lines.append(f" ({row['speaker_actor'] or 'no actor'}) {row['cue']}")
        if row["medium"]:
            lines.append(f" [{row['medium']}]")
        if row["polarity"] == "deny":
            lines.append(" DENIES", style="bold red")
        lines.append(f": {content}\n")
    return lines


def figures_lines(rows: list[dict[str, Any]]) -> Text:
    """Figures, one a line: quantity, value, place, period and who gives it."""
    lines = Text()
    lines.append("figures (who counts what)\n", style="italic")
    for row in rows:
        lines.append(f"{row['document_id']}  ", style="dim")
        approx = "~" if row["approx"] else ""
        lines.append(f"{row['quantity']} {approx}{row['value']:,}", style="bold")
        if row["who"]:
            lines.append(f" {row['who']}")
        lines.append(f" · {row['place'] or 'place ?'}")
        if row["since"]:
            lines.append(f" · since {row['since']}")
        if row["source_text"]:
            lines.append(f" · {row['source_text']}")
        lines.append("\n")
    return lines
