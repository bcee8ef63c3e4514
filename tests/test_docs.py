"""README, CI script and the CLI reference say what the code does."""

from __future__ import annotations

import re
import tomllib

from parley.cli.docgen import command_names, render
from tests.conftest import REPO


def quick_start() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"^## Quick start\n(.*?)^```[^\n]*\n(.*?)^```", readme, re.M | re.S)
    assert found, "README.md needs a '## Quick start' section with a code block"
    return [line for line in found.group(2).splitlines() if line.strip()]


def test_quick_start_is_two_commands_and_ci_runs_the_second() -> None:
    commands = quick_start()
    assert len(commands) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in [line.strip() for line in ci.splitlines()]


def test_cli_reference_is_current() -> None:
    assert (REPO / "docs" / "cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_command_has_help() -> None:
    import typer.main

    from parley.cli import app

    group = typer.main.get_command(app)
    for name in command_names():
        command = group.commands[name]  # type: ignore[attr-defined]
        assert command.help and len(command.help.split()) >= 5, name


def test_readme_explains_every_runtime_dependency() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    readme = (REPO / "README.md").read_text(encoding="utf-8").lower()
    for requirement in project["dependencies"]:
        name = re.split(r"[=<>]", requirement)[0].lower()
        assert name in readme, f"README.md does not say why {name} is a dependency"


def test_dependencies_are_pinned() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert "==" in requirement, requirement
