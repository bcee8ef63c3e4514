"""Generate docs/cli.md from the commands' own --help (run: make docs); a test checks it."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from parley.cli import app

HEADER = """# parley command reference

Generated from `--help` by `make docs` (`python -m parley.cli.docgen`); do not edit by hand.
A test fails when this file and the commands disagree.
"""


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands) if hasattr(group, "commands") else []


def help_text(args: list[str]) -> str:
    result = CliRunner().invoke(
        app, [*args, "--help"], env={"COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    )
    return "\n".join(line.rstrip() for line in result.output.splitlines()).strip()


def render() -> str:
    parts = [HEADER, "## parley\n", "```text", help_text([]), "```\n"]
    for name in command_names():
        parts += [f"## parley {name}\n", "```text", help_text([name]), "```\n"]
    return "\n".join(parts)


def render_schema() -> str:
    import json

    from parley.records import extraction_json_schema

    return json.dumps(extraction_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    import sys

    print(render_schema() if "--schema" in sys.argv[1:] else render(), end="")
