"""The brief as Markdown (a desk e-mail, a note) or HTML (a page or a fragment of one).

Both print every sentence of :func:`parley.analysis.brief.brief` followed by its citations:
the outlet (or document id) and day linking to the cited sentence, then the sentence
quoted. ``link(doc_id, start)`` makes the address (default: the dashboard's document page,
``/documents/{doc_id}#{start}``). Article text is untrusted: HTML goes through Jinja2 with
autoescape (``templates/brief.html``), Markdown backslash-escapes what Markdown (and HTML
inside it) would interpret.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

if TYPE_CHECKING:
    from parley.analysis.brief import Brief, Citation

Link = Callable[[str, int], str]
# what Markdown reads as syntax inside a list item (emphasis, code, links, HTML, entities,
# GFM strike-through and tables); a backslash makes each plain (CommonMark)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&~|])")


def document_link(doc_id: str, start: int) -> str:
    """The dashboard's page of a document, at the cited sentence."""
    return f"/documents/{quote(doc_id, safe='')}#{start}"


def _period(brief: Brief) -> str:
    until = brief.until or (f"the newest article ({brief.newest})" if brief.newest else "now")
    return f"from {brief.since} to {until}"


def escape_markdown(text: str) -> str:
    """``text`` on one line, shown as written by any Markdown renderer (no links, no HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _markdown_citation(citation: Citation, link: Link) -> str:
    label = escape_markdown(f"{citation.source}, {citation.date or 'undated'}")
    target = link(citation.doc_id, citation.start).replace(" ", "%20").replace(")", "%29")
    quoted = escape_markdown(citation.quote)
    return f"  - [{label}]({target}) ({escape_markdown(citation.doc_id)}): “{quoted}”"


def to_markdown(brief: Brief, link: Link = document_link) -> str:
    """The brief as Markdown: a heading per section, a bullet per sentence, its sources
    below it."""
    lines = [f"# Brief: what changed {_period(brief)}", ""]
    if brief.empty:
        lines += ["Nothing changed in this period; ingest newer articles or an earlier date.", ""]
    for section in brief.sections:
        if not section.items:
            continue
        lines += [f"## {section.title}", ""]
        for item in section.items:
            lines.append(f"- {escape_markdown(item.text)}")
            lines += [_markdown_citation(c, link) for c in item.citations]
        lines.append("")
    return "\n".join(lines)


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("parley.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def to_html(brief: Brief, link: Link = document_link, *, standalone: bool = True) -> str:
    """The brief as HTML, every value escaped: a whole page, or (``standalone=False``) the
    ``<article>`` alone, to place inside a page of one's own."""
    template = _environment().get_template("brief.html")
    return template.render(brief=brief, period=_period(brief), link=link, standalone=standalone)


WRITERS: dict[str, Callable[[Brief], str]] = {"md": to_markdown, "html": to_html}
