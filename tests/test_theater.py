"""Theater files: the packaged one is complete; errors name file, line, key and fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.errors import ConfigError
from parley.theater import default_theater, load_theater, parse_theater
from tests.conftest import SHARED

MINIMAL = """
[theater]
id = "t"
name = "Test"

[[actors]]
id = "AAA"
name = "Aland"
kind = "state"
"""


def test_packaged_theater_has_every_fixed_id() -> None:
    spec = SHARED / "spec" / "THEATER-israel-lebanon.md"
    if not spec.exists():
        pytest.skip(f"{spec} is absent: clone parley beside shared/ to compare the ids")
    text = spec.read_text(encoding="utf-8")
    actor_ids = set(re.findall(r"^\| ([A-Z][A-Z.]+) \| ", text, re.M))
    issues_section = text.split("## Issues", 1)[1].split("##", 1)[0]
    issue_ids = set(re.findall(r"^\| ([a-z][a-z0-9_]+) \| ", issues_section, re.M)) - {"id"}
    theater = default_theater()
    assert actor_ids <= {a.id for a in theater.actors}
    assert issue_ids <= {i.id for i in theater.issues}
    assert "Al-Arabiya" in {m.name for m in theater.media}


def test_minimal_theater_is_valid() -> None:
    theater = parse_theater(MINIMAL, "t.toml")
    assert theater.actor("AAA") is not None and theater.issues == []


def test_unknown_key_names_file_line_and_fix() -> None:
    text = MINIMAL + 'alias = ["Al"]\n'
    with pytest.raises(ConfigError) as caught:
        parse_theater(text, "t.toml")
    assert str(caught.value) == (
        "t.toml:10: actors.0.alias: unknown key; check its spelling against docs/theater.md"
    )


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '\n[[actors]]\nid = "AAA.GOV"\nname = "x"\nkind = "government"\nparent = "BBB"\n',
            "parent 'BBB' is not an actor id",
        ),
        ('\n[[actors]]\nid = "AAA"\nname = "again"\nkind = "state"\n', "repeated: AAA"),
        ('\n[[actors]]\nid = "ccc"\nname = "x"\nkind = "state"\n', "String should match"),
        ('\n[[actors]]\nid = "CCC"\nname = "x"\nkind = "planet"\n', "Input should be"),
    ],
)
def test_inconsistent_theaters_are_refused(extra: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_theater(MINIMAL + extra, "t.toml")


def test_bad_toml_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not valid TOML"):
        parse_theater("[theater\n", "t.toml")
    with pytest.raises(ConfigError, match="cannot read theater file"):
        load_theater(tmp_path / "nope.toml")


def test_cli_check(cli, tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(MINIMAL, encoding="utf-8")
    assert "ok" in cli("theater", "check", str(good)).out
    bad = tmp_path / "bad.toml"
    bad.write_text(MINIMAL + "colour = 1\n", encoding="utf-8")
    result = cli("theater", "check", str(bad))
    assert result.code == 2 and result.err.startswith(f"Error: {bad}:10: actors.0.colour")
