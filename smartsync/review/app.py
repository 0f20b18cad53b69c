"""The review server's web application: a few plain functions and their routes (Starlette).

=======  =================  =====================================================
method   path               what
=======  =================  =====================================================
GET      ``/``              the review page (HTML)
GET      ``/api/state``     the file's state (JSON)
POST     ``/api/matches``   one action; the new state (JSON)
=======  =================  =====================================================

Every request must carry the run's secret token, as the ``token`` query
parameter or the ``X-Smartsync-Token`` header (403 without it; compared in
constant time), and name the server by its local address in ``Host`` (and
``Origin``, when the browser sends one): a page of another site, or a
hostname rebound to 127.0.0.1, gets 403 before anything is read. A ``POST``
must send ``application/json``. Every answer forbids caching, framing and
the referrer; the page's answer carries a Content-Security-Policy that lets
it run its own inline script and talk to this server only.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any, Awaitable, Callable, Iterable

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .session import ReviewError, ReviewSession

__all__ = ["create_app", "new_token", "TOKEN_HEADER"]

TOKEN_HEADER = "X-Smartsync-Token"

_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def new_token() -> str:
    """A fresh secret for one run of the server (256 random bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def _error(status: int, error: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": error, **extra}, status_code=status, headers=_HEADERS)


def create_app(session: ReviewSession, token: str, *, hosts: Iterable[str],
               lang: str = "en") -> Starlette:
    """The application serving ``session``'s file to holders of ``token``.

    ``hosts``: the values of the ``Host`` header the server answers to
    (``127.0.0.1:PORT`` and ``localhost:PORT``); an ``Origin`` must be
    ``http://`` one of them. ``lang``: the page's first language.
    """
    allowed_hosts = frozenset(h.lower() for h in hosts)
    allowed_origins = frozenset(f"http://{h}" for h in allowed_hosts)
    secret = token.encode("utf-8")

    def refused(request: Request) -> Response | None:
        host = request.headers.get("host", "").lower()
        if host not in allowed_hosts:
            return _error(403, f"this server answers to {', '.join(sorted(allowed_hosts))} only, "
                               f"not to the host {host!r}")
        origin = request.headers.get("origin")
        if origin is not None and origin.lower() not in allowed_origins:
            return _error(403, f"requests from {origin!r} are refused: only the review page "
                               "itself may call this server")
        if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
            return _error(403, "cross-site requests are refused")
        given = request.headers.get(TOKEN_HEADER) or request.query_params.get("token") or ""
        if not hmac.compare_digest(given.encode("utf-8"), secret):
            return _error(403, "a valid token is needed: open the address smartsync review printed")
        return None

    def guarded(endpoint: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        async def run(request: Request) -> Response:
            return refused(request) or await endpoint(request)

        run.__name__ = endpoint.__name__
        run.__doc__ = endpoint.__doc__
        return run

    def language(request: Request) -> str | Response:
        value = request.query_params.get("lang", lang)
        if value not in ("en", "id"):
            return _error(400, f"unknown language {value!r}; expected en or id")
        return value

    async def page(request: Request) -> Response:
        """The review page."""
        chosen = language(request)
        if isinstance(chosen, Response):
            return chosen
        from .page import review_page

        state = session.state(chosen, html=True)
        nonce = secrets.token_urlsafe(18)
        title = state.get("region", {}).get("name") or state["file"]
        body = review_page(state["html"], f"{title}: smartsync review", chosen, nonce)
        policy = (f"default-src 'none'; script-src 'nonce-{nonce}'; "
                  # inline style attributes (the stage bars) need 'unsafe-inline', which a
                  # style nonce would switch off; every text in the page is escaped
                  "style-src 'unsafe-inline'; img-src data:; connect-src 'self'; "
                  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        return HTMLResponse(body, headers={**_HEADERS, "Content-Security-Policy": policy})

    async def state(request: Request) -> Response:
        """``GET /api/state``: the file's state."""
        chosen = language(request)
        if isinstance(chosen, Response):
            return chosen
        try:
            data = session.state(chosen, html=request.query_params.get("view") == "html")
        except ReviewError as exc:
            return _error(exc.status, str(exc))
        return JSONResponse(data, headers=_HEADERS)

    async def matches(request: Request) -> Response:
        """``POST /api/matches``: one action on the file; the new state."""
        chosen = language(request)
        if isinstance(chosen, Response):
            return chosen
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media != "application/json":
            return _error(415, "send the action as JSON (Content-Type: application/json)")
        try:
            action = await request.json()
        except ValueError:
            return _error(400, "the request body is not valid JSON")
        html = request.query_params.get("view") == "html"
        try:
            data = session.apply(action, lang=chosen, html=html)
        except ReviewError as exc:
            said = {"message": exc.message(chosen)}  # the error in the page's language
            if exc.status == 409:  # the page reloads what is on disk now
                return _error(409, str(exc), state=session.state(chosen, html=html), **said)
            return _error(exc.status, str(exc), **said)
        return JSONResponse(data, headers=_HEADERS)

    routes = [
        Route("/", guarded(page), methods=["GET"]),
        Route("/api/state", guarded(state), methods=["GET"]),
        Route("/api/matches", guarded(matches), methods=["POST"]),
    ]
    return Starlette(routes=routes)
