"""Thin views: each parses its parameters, builds one context (parley.web.contexts) and
renders it as JSON (``/api/...``) or as a page (the same path without ``/api``)."""

from __future__ import annotations

import functools
import hmac
import io
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Header, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response

from parley.store import DocumentQuery
from parley.web import contexts
from parley.web.app import AppState, error_response, state

router = APIRouter()

DATE = r"^(?:\d{4}(-\d{2}(-\d{2})?)?)?$"
ID = r"^[A-Za-z0-9._:-]{1,128}$"
# an empty value (a form's "any") means no filter: every filter pattern admits ""
Since = Annotated[str | None, Query(pattern=DATE, description="On or after (YYYY[-MM[-DD]]).")]
Until = Annotated[str | None, Query(pattern=DATE, description="On or before (YYYY[-MM[-DD]]).")]
Actor = Annotated[
    str | None,
    Query(pattern=r"^(?:[A-Z][A-Z0-9_.]{0,63})?$", description="An actor id (and its parts)."),
]
Issue = Annotated[
    str | None, Query(pattern=r"^(?:[a-z][a-z0-9_]{0,63})?$", description="An issue id.")
]
Kind = Annotated[str | None, Query(pattern=r"^[a-z_]{0,32}$", description="An event kind.")]
Offset = Annotated[int, Query(ge=0, description="Items to skip (pagination).")]
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page (at most 500).")]
App = Annotated[AppState, Depends(state)]


def _no_empty(params: dict[str, Any]) -> dict[str, Any]:
    """Filters left empty ("any" in a form) are no filters."""
    return {k: (None if v == "" else v) for k, v in params.items()}


def _page(
    path: str, template: str, summary: str
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register ``build`` at ``/api{path}`` (JSON) and at ``path`` (the page)."""

    def register(build: Callable[..., dict[str, Any]]) -> Callable[..., Any]:
        @functools.wraps(build)
        def api(**kwargs: Any) -> dict[str, Any]:
            return build(**_no_empty(kwargs))

        router.add_api_route(f"/api{path}", api, methods=["GET"], summary=summary)

        @functools.wraps(build)
        def page(**kwargs: Any) -> Response:
            context = build(**_no_empty(kwargs))
            app: AppState = kwargs["app"]
            return app.templates.TemplateResponse(
                kwargs["request"], template, {"data": context, "path": path}
            )

        router.add_api_route(
            path,
            page,
            methods=["GET"],
            response_class=HTMLResponse,
            response_model=None,
            include_in_schema=False,
        )
        return build

    return register


@_page("/", "overview.html", "Counts, latest events, open deadlocks, newest contradictions.")
def overview(request: Request, app: App) -> dict[str, Any]:
    return contexts.overview(app.store, app.theater)


@_page("/timeline", "timeline.html", "Events in date order, one per happening, filtered.")
def timeline(
    request: Request,
    app: App,
    actor: Actor = None,
    issue: Issue = None,
    kind: Kind = None,
    status: Kind = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
    limit: Limit = 200,
) -> dict[str, Any]:
    data = contexts.timeline_page(
        app.store, status, actor=actor, issue=issue, kind=kind, since=since, until=until
    )
    data["events"] = contexts.page(data["events"], limit, offset)
    return data


@_page("/positions", "positions.html", "The actor x issue matrix of latest stances, with shifts.")
def positions(
    request: Request, app: App, actor: Actor = None, issue: Issue = None
) -> dict[str, Any]:
    return contexts.positions(app.store, actor=actor, issue=issue)


@_page("/deadlocks", "deadlocks.html", "Cycles of preconditions across parties, and ways out.")
def deadlocks(request: Request, app: App) -> dict[str, Any]:
    return contexts.deadlocks(app.store)


@_page("/claims", "claims.html", "Statements by speaker, and contradictions side by side.")
def claims(
    request: Request,
    app: App,
    actor: Actor = None,
    issue: Issue = None,
    since: Since = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    groups = contexts.claims(app.store, app.theater, actor=actor, issue=issue, since=since)
    return {
        "filters": {"actor": actor, "issue": issue, "since": since},
        "speakers": contexts.page(groups, limit, offset),
        "contradictions": contexts.contradictions(app.store, app.theater),
    }


@_page("/figures", "figures.html", "Figures reconciled across reports, and their chart.")
def figures(
    request: Request,
    app: App,
    quantity: Kind = None,
    place: Actor = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    groups = contexts.figures(app.store, quantity=quantity, place=place)
    return {
        "filters": {"quantity": quantity, "place": place},
        "quantities": sorted({g["quantity"] for g in groups}),
        "groups": contexts.page(groups, limit, offset),
    }


@router.get("/figures/chart.svg", include_in_schema=False)
def figures_chart(app: App, quantity: Kind = None, place: Actor = None) -> Response:
    from parley.analysis.figures import reconcile, series
    from parley.export.charts import figures_svg

    chosen = series(reconcile(app.store, quantity=quantity or None, place=place or None))
    if not chosen:
        raise HTTPException(404, "no dated figures to chart")
    return Response(figures_svg(chosen), media_type="image/svg+xml")


@_page("/commitments", "commitments.html", "What was promised by when, and what became of it.")
def commitments(request: Request, app: App) -> dict[str, Any]:
    return {"commitments": contexts.commitments(app.store)}


@_page("/documents", "documents.html", "Stored documents, newest first.")
def documents(
    request: Request,
    app: App,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
    limit: Limit = 50,
) -> dict[str, Any]:
    query = DocumentQuery(outlet=outlet, since=since, until=until)
    found = contexts.documents(app.store, query)
    return {
        "filters": {"outlet": outlet, "since": since, "until": until},
        "documents": contexts.page(found, limit, offset),
    }


def _document(app: AppState, doc_id: str) -> dict[str, Any]:
    stored = app.store.get(doc_id)
    if stored is None:
        raise HTTPException(404, f"no document {doc_id!r}; see /documents for the stored ones")
    return contexts.document(app.store, stored)


@router.get("/api/documents/{doc_id}", summary="One document: text, metadata, highlighted spans.")
def api_document(app: App, doc_id: Annotated[str, PathParam(pattern=ID)]) -> dict[str, Any]:
    return _document(app, doc_id)


@router.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, app: App, doc_id: str) -> Response:
    return app.templates.TemplateResponse(
        request, "document.html", {"data": _document(app, doc_id), "path": "/documents"}
    )


DAY = r"^(?:\d{4}-\d{2}-\d{2})?$"


@_page("/brief", "brief.html", "What changed since a date, with a citation for every claim.")
def brief(
    request: Request,
    app: App,
    since: Annotated[
        str | None,
        Query(pattern=DAY, description="YYYY-MM-DD (default: a week before the newest article)."),
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DAY, description="YYYY-MM-DD (default: no end).")
    ] = None,
) -> dict[str, Any]:
    import dataclasses
    from datetime import date, timedelta

    from parley.analysis.brief import brief as build
    from parley.export.brief import to_html

    if since is None:
        days = sorted(
            d.document.published[:10]
            for d in app.store.documents(DocumentQuery())
            if d.document.published
        )
        newest = date.fromisoformat(days[-1]) if days else date.today()
        since = (newest - timedelta(days=7)).isoformat()
    found = build(app.store, app.theater, since, until=until)
    return {
        "since": since,
        "until": until,
        "brief": dataclasses.asdict(found),
        "html": to_html(found, standalone=False),
    }


@_page("/search", "search.html", "Full-text search over the stored documents.")
def search(
    request: Request,
    app: App,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Words to find (all of them; a trailing * matches a prefix).",
        ),
    ] = None,
    outlet: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
    limit: Limit = 20,
) -> dict[str, Any]:
    hits = []
    if q and q.strip():
        found = app.store.search(
            q, outlet=outlet, since=since, until=until, limit=limit + 1, offset=offset
        )
        hits = [
            {
                "doc_id": h.doc_id,
                "title": h.title,
                "outlet": h.outlet,
                "published": h.published,
                "rank": h.rank,
                "snippet": [{"text": text, "match": match} for text, match in h.parts()],
            }
            for h in found
        ]
    return {
        "filters": {"q": q, "outlet": outlet, "since": since, "until": until},
        "hits": hits[:limit],
        "offset": offset,
        "limit": limit,
        "next_offset": offset + limit if len(hits) > limit else None,
    }


# -- writing -------------------------------------------------------------------------------


def _authorised(app: AppState, token: str | None) -> bool:
    return token is not None and hmac.compare_digest(token.encode(), app.settings.token.encode())


def _ingest(app: AppState, body: bytes) -> dict[str, Any]:
    from parley.ingest import ingest

    if len(body) > app.settings.max_upload_bytes:
        raise HTTPException(
            413, f"the article is larger than {app.settings.max_upload_bytes} bytes"
        )
    report = ingest(["-"], app.store, stdin=io.BytesIO(body), extractor=app.extractor(), workers=1)
    return report.to_dict()


@router.post("/api/documents", summary="Ingest an article (needs the token).", status_code=201)
async def api_upload(
    request: Request,
    app: App,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
) -> Response:
    """The body is an article in any form `parley ingest` reads (a JSON object with `text`
    and optional `id`, `title`, `outlet`, `url`, `published`; JSON Lines; plain text; HTML).
    Rejected input gets a 422 with ingest's own reason."""
    token = authorization.removeprefix("Bearer ").strip() if authorization else None
    if not _authorised(app, token):
        return error_response(
            request, 401, "a valid token is needed to write: send 'Authorization: Bearer <token>'"
        )
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > app.settings.max_upload_bytes:
        return error_response(
            request, 413, f"the article is larger than {app.settings.max_upload_bytes} bytes"
        )
    body = await request.body()
    report = _ingest(app, body)
    rejected = [d for d in report["documents"] if d["outcome"] == "rejected"]
    if rejected and len(rejected) == len(report["documents"]):
        reasons = "; ".join(f"{d['source']}: {d['reason']}" for d in rejected)
        return error_response(request, 422, f"rejected: {reasons}")
    from fastapi.responses import JSONResponse

    return JSONResponse(report, status_code=201)


@router.get("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload_form(request: Request, app: App) -> Response:
    return app.templates.TemplateResponse(request, "upload.html", {"path": "/upload", "data": {}})


@router.post("/upload", response_class=HTMLResponse, include_in_schema=False)
def upload(
    request: Request,
    app: App,
    text: Annotated[str, Form(max_length=5_000_000)],
    token: Annotated[str, Form(max_length=200)] = "",
    title: Annotated[str, Form(max_length=500)] = "",
    outlet: Annotated[str, Form(max_length=200)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    published: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    if not _authorised(app, token):
        return error_response(
            request, 401, "a valid token is needed to upload; ask whoever runs `parley serve`"
        )
    article = {"text": text, "title": title, "outlet": outlet, "url": url, "published": published}
    body = json.dumps({k: v for k, v in article.items() if v}).encode("utf-8")
    report = _ingest(app, body)
    status = 422 if report["counts"]["rejected"] else 201
    return app.templates.TemplateResponse(
        request, "upload.html", {"path": "/upload", "data": {"report": report}}, status_code=status
    )


# -- the API's documentation ---------------------------------------------------------------


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request, app: App) -> Response:
    schema = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            "summary": op.get("summary") or "",
            "description": op.get("description") or "",
            "parameters": [
                {
                    "name": p["name"],
                    "in": p["in"],
                    "description": p.get("description")
                    or p.get("schema", {}).get("description", ""),
                    "required": p.get("required", False),
                }
                for p in op.get("parameters", [])
            ],
        }
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    return app.templates.TemplateResponse(
        request, "docs.html", {"path": "/docs", "data": {"operations": operations}}
    )
