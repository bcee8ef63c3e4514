from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.ingest.document import Article
from parley.ingest.sources import Options, expand, read
from tests.conftest import write
from tests.ingest.fixtures import ARTICLE_HTML, ARTICLE_TEXT, ATOM, EMPTY_HTML, RSS


def articles(
    item: str, options: Options | None = None, stdin: bytes | None = None
) -> list[Article]:
    found = list(read(item, options or Options(), stdin=io.BytesIO(stdin or b"")))
    errors = [f for f in found if isinstance(f, InputError)]
    assert not errors, errors
    return [f for f in found if isinstance(f, Article)]


def refusals(item: str, options: Options | None = None) -> list[InputError]:
    return [f for f in read(item, options or Options()) if isinstance(f, InputError)]


def test_plain_text_with_sidecar_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "talks.txt", ARTICLE_TEXT)
    write(
        tmp_path / "talks.meta.json",
        json.dumps(
            {
                "id": "talks-1",
                "title": "Talks",
                "outlet": "Desk",
                "url": None,
                "published": "2025-03-11",
                "note": "extra keys are ignored",
            }
        ),
    )
    (article,) = articles(str(path))
    assert article.text == ARTICLE_TEXT
    assert article.meta["id"] == "talks-1" and article.meta["published"] == "2025-03-11"


def test_malformed_sidecar_is_named(tmp_path: Path) -> None:
    path = write(tmp_path / "talks.txt", ARTICLE_TEXT)
    write(tmp_path / "talks.meta.json", "{not json")
    (error,) = refusals(str(path))
    assert error.source.endswith("talks.meta.json") and "fix the JSON" in error.reason


def test_html_main_text_and_metadata(tmp_path: Path) -> None:
    (article,) = articles(str(write(tmp_path / "page.html", ARTICLE_HTML)))
    assert article.text.startswith("Envoys meet in Naqoura as withdrawal deadline nears")
    assert "five hilltop positions" in article.text
    assert "Subscribe" not in article.text and "Sport" not in article.text
    assert article.meta["title"] == "Envoys meet in Naqoura as withdrawal deadline nears"
    assert article.meta["outlet"] == "Example Wire"
    assert article.meta["published"] == "2025-03-11T18:46:00+02:00"


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    (error,) = refusals(str(write(tmp_path / "index.html", EMPTY_HTML)))
    assert "no article text" in error.reason


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "j1", "text": "First article text.", "published": "2025-01-02"}),
        "{broken json",
        json.dumps({"id": "j3", "title": "no text here"}),
        "",
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "Fifth article text.", "outlet": "Desk", "query": "ignored"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    found = list(read(str(path), Options()))
    good = [f for f in found if isinstance(f, Article)]
    bad = {f.source: f.reason for f in found if isinstance(f, InputError)}
    assert [a.meta.get("id") for a in good] == ["j1", None]
    assert set(bad) == {f"{path}:2", f"{path}:3", f"{path}:5"}
    assert "malformed JSON on line 2" in bad[f"{path}:2"]
    assert "no 'text' field" in bad[f"{path}:3"]


def test_jsonl_size_limit_is_per_line(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "short"}), json.dumps({"text": "x" * 500})]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines))
    found = list(read(str(path), Options(max_bytes=100)))
    assert isinstance(found[0], Article)
    assert isinstance(found[1], InputError) and "--max-bytes" in found[1].reason


def test_json_list_of_articles(tmp_path: Path) -> None:
    path = write(tmp_path / "two.json", json.dumps([{"text": "One."}, {"text": "Two."}]))
    assert [a.text for a in articles(str(path))] == ["One.", "Two."]


def test_rss_entries(tmp_path: Path) -> None:
    found = list(read(str(write(tmp_path / "feed.rss", RSS)), Options()))
    good = [f for f in found if isinstance(f, Article)]
    bad = [f for f in found if isinstance(f, InputError)]
    assert [a.meta["url"] for a in good] == [
        "https://wire.example/me/talks-resume",
        "https://wire.example/me/army-deploys",
    ]
    first = good[0]
    assert first.text == (
        "Talks resume in Naqoura\n\nDelegations met again on Wednesday.\n"
        "A second paragraph says the detainee file was discussed."
    )
    assert first.meta["published"] == "2025-03-12T09:30:00+00:00"
    assert first.meta["outlet"] == "Example Wire: Middle East"
    assert [e.source for e in bad] == [f"{tmp_path / 'feed.rss'}#entry-3"]


def test_atom_entries(tmp_path: Path) -> None:
    (article,) = articles(str(write(tmp_path / "desk.atom", ATOM)))
    assert article.text.endswith("Mediators put forward the idea of a pilot zone in the south.")
    assert article.meta["url"] == "https://atom.example/pilot-zone"
    assert article.meta["published"] == "2025-03-14T10:00:00+00:00"


def test_xml_that_is_no_feed_is_refused(tmp_path: Path) -> None:
    (error,) = refusals(str(write(tmp_path / "data.xml", "<?xml version='1.0'?><root/>")))
    assert "not an RSS or Atom feed" in error.reason


def test_unknown_suffix_is_sniffed(tmp_path: Path) -> None:
    assert articles(str(write(tmp_path / "page.dat", ARTICLE_HTML)))[0].meta["outlet"]
    assert articles(str(write(tmp_path / "note", ARTICLE_TEXT)))[0].text == ARTICLE_TEXT


def test_folders_are_walked_recursively(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "one")
    write(tmp_path / "a.meta.json", "{}")
    write(tmp_path / "sub" / "deeper" / "b.html", ARTICLE_HTML)
    write(tmp_path / "sub" / "c.gold.json", "{}")
    write(tmp_path / ".hidden" / "d.txt", "hidden")
    write(tmp_path / "sub" / ".e.txt", "hidden")
    assert expand([str(tmp_path)]) == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "sub" / "deeper" / "b.html"),
    ]


def test_stdin(tmp_path: Path) -> None:
    (article,) = articles("-", stdin=ARTICLE_TEXT.encode())
    assert article.source == "<stdin>" and article.text == ARTICLE_TEXT
    lines = b'{"text": "a"}\n{"text": "b"}\n'
    assert [a.text for a in articles("-", stdin=lines)] == ["a", "b"]


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    (error,) = refusals(str(write(tmp_path / "big.txt", "word " * 100)), Options(max_bytes=50))
    assert "larger than --max-bytes" in error.reason and "raise --max-bytes" in error.reason


@pytest.mark.parametrize("item", ["missing.txt", "ftp://example.org/a.txt"])
def test_missing_files_and_other_schemes(item: str) -> None:
    (error,) = refusals(item)
    assert error.source == item
