"""URL ingest against a real HTTP server on loopback (hence allow_private in most tests)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from parley.errors import InputError
from parley.ingest.document import Article
from parley.ingest.sources import Options, read
from tests.ingest.fixtures import ARTICLE_HTML, RSS

ROUTES: dict[str, tuple[int, dict[str, str], bytes]] = {
    "/article": (200, {"Content-Type": "text/html; charset=utf-8"}, ARTICLE_HTML.encode()),
    "/feed": (200, {"Content-Type": "application/rss+xml"}, RSS.encode()),
    "/plain": (200, {"Content-Type": "text/plain"}, b"A plain text report of the talks."),
    "/moved": (302, {"Location": "/article"}, b""),
    "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
    "/loop": (302, {"Location": "/loop"}, b""),
    "/image": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n"),
    "/big": (200, {"Content-Type": "text/plain"}, b"word " * 5000),
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/slow":
            time.sleep(2)
        status, headers, body = ROUTES.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        if self.path != "/big":  # /big streams without a Content-Length
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # client gave up
            self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LOCAL = Options(allow_private=True, timeout=1.0, max_bytes=10_000)


def fetch_all(url: str, options: Options = LOCAL) -> tuple[list[Article], list[InputError]]:
    found = list(read(url, options))
    return (
        [f for f in found if isinstance(f, Article)],
        [f for f in found if isinstance(f, InputError)],
    )


def test_page(server: str) -> None:
    (article,), errors = fetch_all(server + "/article")
    assert not errors
    assert "five hilltop positions" in article.text
    assert article.meta["url"] == server + "/article"
    assert article.meta["published"] == "2025-03-11T18:46:00+02:00"


def test_feed_by_content_type(server: str) -> None:
    found, errors = fetch_all(server + "/feed")
    assert len(found) == 2 and len(errors) == 1


def test_plain_text(server: str) -> None:
    (article,), _ = fetch_all(server + "/plain")
    assert article.text == "A plain text report of the talks."


def test_redirect_is_followed_and_the_final_url_kept(server: str) -> None:
    (article,), _ = fetch_all(server + "/moved")
    assert article.meta["url"] == server + "/article"


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-file", "only http and https"),
        ("/loop", "more than 5 redirects"),
        ("/missing", "HTTP 404"),
        ("/image", "content type image/png"),
        ("/big", "larger than --max-bytes"),
        ("/slow", "no answer within 1 s"),
    ],
)
def test_refusals(server: str, path: str, reason: str) -> None:
    found, (error,) = fetch_all(server + path)
    assert not found
    assert error.source == server + path
    assert reason in error.reason


def test_loopback_is_refused_by_default(server: str) -> None:
    _, (error,) = fetch_all(server + "/article", Options())
    assert "--allow-private" in error.reason and "127.0.0.1" in error.reason


def test_unresolvable_host_is_unreachable() -> None:
    _, (error,) = fetch_all("http://no-such-host.invalid/article", Options())
    assert "does not resolve" in error.reason
