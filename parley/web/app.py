"""The web application: ``create_app(store, settings)`` (STYLE.md #8).

Every page is one context (``parley.web.contexts``) rendered as HTML by a Jinja2 template
with autoescape, and the same context is served as JSON under ``/api/...``. Responses carry
a Content-Security-Policy that allows scripts, styles and images from this server only (no
inline scripts, nothing from the internet). Writing (``POST /api/documents``, the upload
form) needs the token. Errors have one JSON shape, ``{"error": {"status", "message"}}``;
pages show them as an error page; a bad query parameter is a 422 with the parameter named,
never a 500.
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException

from parley import __version__
from parley.errors import ConfigError, ParleyError
from parley.settings import default
from parley.store import Store
from parley.theater import Theater, default_theater

if TYPE_CHECKING:
    from parley.extract import Extractor

log = logging.getLogger("parley.web")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass
class WebSettings:
    """What the app needs besides the store: the write token, limits, page size."""

    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    max_upload_bytes: int = int(default("max_bytes"))
    page_size: int = int(default("page_size"))
    max_page_size: int = int(default("max_page_size"))


class AppState:
    """What the views share: the store, theater, settings, templates, and the extraction
    pipeline (loaded on the first upload, once)."""

    def __init__(
        self,
        store: Store,
        settings: WebSettings,
        theater: Theater,
        templates: Jinja2Templates,
        extractor: Extractor | None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.theater = theater
        self.templates = templates
        self._extractor = extractor
        self._lock = threading.Lock()

    def extractor(self) -> Extractor:
        with self._lock:
            if self._extractor is None:
                from parley.extract import Extractor

                self._extractor = Extractor(self.theater)
            return self._extractor


def _templates() -> Jinja2Templates:
    folder = resources.files("parley") / "web" / "templates"
    env = Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )
    return Jinja2Templates(env=env)


def state(request: Request) -> AppState:
    app_state: AppState = request.app.state.parley
    return app_state


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """The one error shape: JSON for the API, the error page for pages."""
    if _wants_json(request):
        return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    return state(request).templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for problem in exc.errors():
        where = ".".join(str(p) for p in problem.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where or 'request'}: {problem.get('msg', 'invalid')}")
    return "; ".join(parts) + " (see /docs for the parameters)"


def create_app(
    store: Store,
    settings: WebSettings | None = None,
    *,
    theater: Theater | None = None,
    extractor: Extractor | None = None,
) -> FastAPI:
    """The dashboard and API over ``store`` (the caller opens and closes it)."""
    from parley.web.views import router

    settings = settings or WebSettings()
    if not settings.token:
        raise ConfigError("the web token must not be empty; give --token or let serve make one")
    app = FastAPI(
        title="parley",
        version=__version__,
        description="Who met whom, who demands what on what condition, and who says so.",
        docs_url=None,  # /docs is our own page: Swagger UI would load scripts from a CDN
        redoc_url=None,
    )
    templates = _templates()
    app.state.parley = AppState(store, settings, theater or default_theater(), templates, extractor)
    static = resources.files("parley") / "web" / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page {request.url.path}; the menu lists the pages, /docs the API"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(ParleyError)
    async def parley_error(request: Request, exc: ParleyError) -> Response:
        return error_response(request, 400, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error_response(request, 500, "internal error; the server log has the details")

    return app


__all__ = ["AppState", "HTMLResponse", "WebSettings", "create_app", "error_response", "state"]
