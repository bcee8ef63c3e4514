"""Pages in a real headless Chromium (Debian's /usr/bin/chromium driven by Playwright)
against a real `parley serve` subprocess on a store built from the demo corpus.

Screenshots of every page are saved in test-artifacts/screenshots/ (kept by CI).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import parley
from parley.ingest import ingest
from parley.store import open_store
from tests.conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token"
PAGES = {
    "overview": "/",
    "timeline": "/timeline",
    "positions": "/positions",
    "deadlocks": "/deadlocks",
    "claims": "/claims",
    "figures": "/figures",
    "commitments": "/commitments",
    "documents": "/documents",
    "document": "/documents/seed-002",
    "brief": "/brief",
    "search": "/search?q=Naqoura",
    "upload": "/upload",
    "api": "/docs",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser") / "demo.db"
    store = open_store(db)
    ingest([str(Path(parley.__file__).parent / "demo_corpus")], store, extractor=extractor)
    store.close()
    port = _free_port()
    command = [sys.executable, "-m", "parley", "serve", "--db", str(db), "--port", str(port)]
    log = db.with_suffix(".log")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*command, "--token", TOKEN], stdout=output, stderr=subprocess.STDOUT
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(base + "/", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            process.kill()
            process.wait()
            pytest.fail(f"parley serve did not start: {log.read_text()[-500:]}")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: `make browser` (Debian's chromium) installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        args = ["--no-sandbox"] if os.geteuid() == 0 else []
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: problems.append(str(e)))
    opened.problems = problems
    yield opened
    context.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_page_loads_without_console_errors(page, server: str, name: str) -> None:
    response = page.goto(server + PAGES[name])
    assert response is not None and response.status == 200
    page.wait_for_load_state("networkidle")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert page.problems == [], page.problems
    assert page.locator("nav a.brand").inner_text() == "parley"


def test_timeline_filter_changes_what_is_shown(page, server: str) -> None:
    page.goto(server + "/timeline")
    every = page.locator("li.event").count()
    page.select_option("select[name=kind]", "talks")  # the form submits on change
    page.wait_for_url("**/timeline?*kind=talks*")
    shown = page.locator("li.event")
    assert 0 < shown.count() < every
    kinds = {shown.nth(i).get_attribute("data-kind") for i in range(shown.count())}
    assert kinds == {"talks"}
    page.click("#zoom-in")
    assert page.get_attribute("#axis", "viewBox").split()[2] == "500"
    assert page.problems == []


def test_document_page_highlights_spans(page, server: str) -> None:
    page.goto(server + "/documents/seed-002")
    actors = page.locator("#text .l-actor")
    assert actors.count() > 10
    assert "actor:" in (actors.first.get_attribute("title") or "")
    colour = actors.first.evaluate("e => getComputedStyle(e).backgroundColor")
    page.uncheck("input.layer-toggle[value=actor]")
    assert actors.first.evaluate("e => getComputedStyle(e).backgroundColor") != colour
    assert page.locator("#text .l-figure").count() > 0


def test_upload_form_needs_the_token(page, server: str) -> None:
    text = "Lebanese and Israeli officers met in Naqoura on Thursday to discuss the border."
    page.goto(server + "/upload")
    page.fill("input[name=title]", "Browser upload")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=token]", "wrong")
    page.click("button[type=submit]")
    assert "a valid token is needed" in page.content()
    page.goto(server + "/upload")
    page.fill("input[name=title]", "Browser upload")
    page.fill("textarea[name=text]", text)
    page.fill("input[name=token]", TOKEN)
    page.click("button[type=submit]")
    assert "1 stored" in page.locator(".report").inner_text()
    page.click(".report a")
    assert page.locator("h1").inner_text() == "Browser upload"
