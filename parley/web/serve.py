"""Running the app with uvicorn (what `parley serve` calls)."""

from __future__ import annotations

from parley.store import Store
from parley.theater import Theater
from parley.web.app import WebSettings, create_app


def serve(store: Store, settings: WebSettings, *, host: str, port: int, theater: Theater) -> None:
    """Serve until interrupted (Ctrl-C)."""
    import uvicorn

    app = create_app(store, settings, theater=theater)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
