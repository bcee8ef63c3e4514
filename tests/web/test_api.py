"""The dashboard and API in-process against a real SQLite file built from the demo corpus."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import parley
from parley.ingest import ingest
from parley.store import SqlStore, open_store
from parley.web import WebSettings, create_app

DEMO = Path(parley.__file__).parent / "demo_corpus"
TOKEN = "test-token-1234"
PAGES = [
    "/",
    "/timeline",
    "/positions",
    "/deadlocks",
    "/claims",
    "/figures",
    "/commitments",
    "/documents",
    "/documents/seed-002",
    "/brief",
    "/search?q=Naqoura",
    "/upload",
    "/docs",
]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, extractor) -> Iterator[SqlStore]:
    path = tmp_path_factory.mktemp("web") / "demo.db"
    store = open_store(path)
    ingest([str(DEMO)], store, extractor=extractor, workers=1)
    yield store
    store.close()


@pytest.fixture(scope="module")
def client(demo_store: SqlStore, extractor) -> TestClient:
    app = create_app(demo_store, WebSettings(token=TOKEN), extractor=extractor)
    return TestClient(app)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_security_headers(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "<script>" not in response.text  # only <script src="/static/parley.js" defer>
    assert response.headers["x-content-type-options"] == "nosniff"


def test_api_mirrors_the_pages(client: TestClient) -> None:
    overview = client.get("/api/").json()
    assert overview["counts"]["documents"] == 3 and overview["period"]["last"] == "2025-03-11"
    timeline = client.get("/api/timeline").json()
    assert timeline["events"]["total"] == len(timeline["events"]["items"]) > 10
    assert {"talks", "release"} <= set(timeline["choices"]["kind"])
    positions = client.get("/api/positions").json()
    assert "ISR" in positions["parties"] and "withdrawal" in positions["issues"]
    history = positions["cells"]["ISR"]["withdrawal"]["history"]
    assert ["army_deployment"] in [s["requires"] for s in history]
    deadlocks = client.get("/api/deadlocks").json()
    assert deadlocks["deadlocks"] == [] and deadlocks["plans"]["ISR"] == [
        "army_deployment",
        "withdrawal",
    ]
    claims = client.get("/api/claims", params={"actor": "USA"}).json()
    assert all(g["actor"].startswith("USA") for g in claims["speakers"]["items"])
    figures = client.get("/api/figures", params={"quantity": "killed"}).json()
    assert figures["quantities"] and all(
        g["quantity"] == "killed" for g in figures["groups"]["items"]
    )
    document = client.get("/api/documents/seed-002").json()
    assert document["document"]["outlet"] == "Watan"
    assert "".join(s["text"] for s in document["segments"]) == document["text"]
    assert {"actor", "time", "statement", "event", "figure"} <= set(document["layer_counts"])


def test_timeline_filters_and_pages(client: TestClient) -> None:
    every = client.get("/api/timeline").json()["events"]["total"]
    talks = client.get("/api/timeline", params={"kind": "talks"}).json()["events"]
    assert 0 < talks["total"] < every and {e["kind"] for e in talks["items"]} == {"talks"}
    first = client.get("/api/timeline", params={"limit": 2}).json()["events"]
    second = client.get("/api/timeline", params={"limit": 2, "offset": 2}).json()["events"]
    assert first["next_offset"] == 2 and first["items"][0]["id"] != second["items"][0]["id"]
    page = client.get("/timeline", params={"kind": "talks"}).text
    assert page.count('class="event"') == talks["total"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/timeline?limit=0", "limit: Input should be greater than or equal to 1"),
        ("/api/timeline?limit=5000", "limit: Input should be less than or equal to 500"),
        ("/api/timeline?since=yesterday", "since: String should match pattern"),
        ("/api/claims?actor=%3Cscript%3E", "actor: String should match pattern"),
        ("/api/documents/..%2F..%2Fetc", "no page /api/documents/../../etc"),
        ("/api/documents/nope", "no document 'nope'"),
    ],
)
def test_bad_parameters_get_a_clear_error(client: TestClient, path: str, message: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert message in response.json()["error"]["message"]


def test_bad_parameters_on_a_page_show_the_error_page(client: TestClient) -> None:
    response = client.get("/timeline?since=yesterday")
    assert response.status_code == 422 and "since: String should match pattern" in response.text
    missing = client.get("/documents/no-such-doc")
    assert missing.status_code == 404 and "no document" in missing.text


def test_chart_is_svg(client: TestClient) -> None:
    response = client.get("/figures/chart.svg")
    assert response.status_code == 200 and response.headers["content-type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<?xml")


def test_openapi_documents_the_read_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/timeline", "/api/positions", "/api/deadlocks", "/api/documents"} <= set(paths)
    assert "/api/timeline" in client.get("/docs").text


def test_upload_needs_the_token(client: TestClient, demo_store: SqlStore) -> None:
    article = {
        "id": "upload-1",
        "text": "Israel and Lebanon met in Naqoura on Monday.",
        "published": "2025-03-17",
    }
    refused = client.post("/api/documents", content=json.dumps(article))
    assert refused.status_code == 401 and "token" in refused.json()["error"]["message"]
    wrong = client.post(
        "/api/documents", content=json.dumps(article), headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401
    assert demo_store.get("upload-1") is None
    accepted = client.post(
        "/api/documents", content=json.dumps(article), headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert accepted.status_code == 201 and accepted.json()["counts"]["stored"] == 1
    assert demo_store.get("upload-1") is not None
    assert demo_store.records("actors", "upload-1")  # extracted on the way in


def test_upload_rejects_what_ingest_rejects(client: TestClient) -> None:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    empty = client.post("/api/documents", content=b"   ", headers=headers)
    assert empty.status_code == 422 and "rejected: <stdin>:" in empty.json()["error"]["message"]
    huge = client.post("/api/documents", content=b"x" * 6_000_000, headers=headers)
    assert huge.status_code == 413


def test_upload_form(client: TestClient, demo_store: SqlStore) -> None:
    form = {
        "text": "Hezbollah fired rockets at Metula on Sunday.",
        "title": "Rockets",
        "published": "2025-03-16",
    }
    refused = client.post("/upload", data=form)
    assert refused.status_code == 401 and "token" in refused.text
    done = client.post("/upload", data=form | {"token": TOKEN})
    assert done.status_code == 201 and "1 stored" in done.text
    assert any(
        d.document.title == "Rockets" for d in demo_store.documents(parley.store.DocumentQuery())
    )


XSS_TITLE = '<script>alert("title")</script>'
XSS_TEXT = (
    "Israel and Lebanon met in Naqoura on Monday. <img src=x onerror=alert(1)> "
    '<script>alert("text")</script> The Lebanese health ministry said 52 people had been '
    "killed in Israeli strikes since March 2. Hezbollah denied that its fighters fired rockets."
)


def test_article_html_is_escaped_on_every_page(tmp_path: Path, extractor) -> None:
    store = open_store(tmp_path / "xss.db")
    try:
        app = create_app(store, WebSettings(token=TOKEN), extractor=extractor)
        client = TestClient(app)
        article = {
            "id": "xss",
            "title": XSS_TITLE,
            "outlet": "<b>Outlet</b>",
            "text": XSS_TEXT,
            "published": "2025-03-10",
        }
        posted = client.post(
            "/api/documents",
            content=json.dumps(article),
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert posted.status_code == 201, posted.text
        seen_escaped = False
        pages = [p for p in PAGES if p not in ("/upload", "/docs", "/documents/seed-002")]
        for path in [*pages, "/documents/xss", "/brief?since=2025-03-01", "/search?q=alert"]:
            html = client.get(path).text
            assert "<script>alert" not in html, path
            assert "<img src=x onerror" not in html, path
            assert "<b>Outlet</b>" not in html, path
            seen_escaped |= "&lt;script&gt;alert" in html
        document = client.get("/documents/xss").text
        assert "&lt;img src=x onerror=alert(1)&gt;" in document
        assert seen_escaped
    finally:
        store.close()


def test_brief_and_search(client: TestClient) -> None:
    brief = client.get("/api/brief", params={"since": "2025-03-01"}).json()
    assert brief["since"] == "2025-03-01"
    sections = {s["key"]: s for s in brief["brief"]["sections"]}
    events = sections["events"]["items"]
    cited = {c["doc_id"] for e in events for c in e["citations"]}
    assert "seed-002" in cited and "seed-004" not in cited  # seed-004 is of 2024-10-31
    assert 'href="/documents/seed-002#' in client.get("/brief?since=2025-03-01").text
    default = client.get("/api/brief").json()  # a week before the newest article
    assert default["since"] in ("2025-03-04", "2025-03-09", "2025-03-10")  # after uploads
    assert client.get("/api/brief", params={"since": "March"}).status_code == 422
    hits = client.get("/api/search", params={"q": "Naqoura"}).json()
    assert "seed-002" in [h["doc_id"] for h in hits["hits"]]
    first = hits["hits"][0]["snippet"]
    assert any(part["match"] and part["text"].lower() == "naqoura" for part in first)
    page = client.get("/search", params={"q": "Naqoura"}).text
    assert "<mark>Naqoura</mark>" in page
    odd = client.get("/api/search", params={"q": '"NEAR( -* OR'})
    assert odd.status_code == 200
    assert client.get("/api/search", params={"q": "x" * 600}).status_code == 422
