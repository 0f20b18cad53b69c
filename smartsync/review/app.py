"""The review server's web application: a few plain functions and their routes (Starlette).

=======  =================  =====================================================
method   path               what
=======  =================  =====================================================
GET      ``/``              the review page (HTML)
GET      ``/api/state``     the file's state (JSON)
POST     ``/api/matches``   one action; the new state (JSON)
=======  =================  =====================================================

Every error is an answer with its status, never a bare 500: JSON (``{"error":
..., "message": ...}``) for the API and for an unknown path or method; a body above
:data:`MAX_BODY` is 413, one that is not JSON or is nested too deep 400; the file
under review deleted or moved is 410 (the page says so in words); a client that
goes away mid-body is one line in the log (``smartsync.review``), not a traceback.

A state (the region classified, its advice, the page's part) is computed in a worker
thread, never on the server's event loop: while one is computed (seconds for a region
of thousands of elements) the server answers every other request, and a state the
session already computed for the same bytes of the file is answered at once
(:class:`~smartsync.review.ReviewSession` keeps the last few, by the file's version).

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
import html as _html
import json
import logging
import secrets
from typing import Any, Awaitable, Callable, Iterable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..errors import SmartsyncError
from .session import ReviewError, ReviewFileGone, ReviewSession

__all__ = ["create_app", "new_token", "TOKEN_HEADER", "MAX_BODY"]

TOKEN_HEADER = "X-Smartsync-Token"

#: the largest body ``POST /api/matches`` reads (bytes); an action is a few hundred
MAX_BODY = 1024 * 1024

#: where the server says what went wrong (one line each: a client that went away, an error)
LOG = logging.getLogger("smartsync.review")

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
            # every error is an answer with its status, never a traceback or a bare 500
            try:
                return refused(request) or await endpoint(request)
            except ClientDisconnect:
                LOG.warning("smartsync review: the client went away before its request was "
                            "read (%s %s)", request.method, request.url.path)
                return Response(status_code=400, headers=_HEADERS)
            except ReviewError as exc:
                return _error(exc.status, str(exc), message=exc.message(_lang(request)))
            except SmartsyncError as exc:  # a rule pack that fails on this file, and the like
                LOG.error("smartsync review: %s %s: %s", request.method, request.url.path,
                          " ".join(str(exc).split()))
                return _error(500, str(exc))
            except Exception as exc:  # noqa: BLE001 - a bug: said in one line, served on
                LOG.error("smartsync review: %s %s failed: %s: %s", request.method,
                          request.url.path, type(exc).__name__, exc)
                return _error(500, f"the server failed: {type(exc).__name__}: {exc}")

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

        try:
            state = await run_in_threadpool(session.state, chosen, html=True)
        except ReviewFileGone as exc:
            return _gone_page(exc, chosen)
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
            data = await run_in_threadpool(session.state, chosen,
                                           html=request.query_params.get("view") == "html")
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
        action = await _read_json(request)
        if isinstance(action, Response):
            return action
        html = request.query_params.get("view") == "html"
        try:
            data = await run_in_threadpool(session.apply, action, lang=chosen, html=html)
        except ReviewError as exc:
            said = {"message": exc.message(chosen)}  # the error in the page's language
            if exc.status == 409:  # the page reloads what is on disk now
                now = await run_in_threadpool(session.state, chosen, html=html)
                return _error(409, str(exc), state=now, **said)
            return _error(exc.status, str(exc), **said)
        return JSONResponse(data, headers=_HEADERS)

    routes = [
        Route("/", guarded(page), methods=["GET"]),
        Route("/api/state", guarded(state), methods=["GET"]),
        Route("/api/matches", guarded(matches), methods=["POST"]),
    ]

    async def http_error(request: Request, exc: Exception) -> Response:
        """404, 405 and the like: JSON, as every other answer of the server."""
        status = getattr(exc, "status_code", 500)
        detail = getattr(exc, "detail", None) or "error"
        return _error(status, f"{request.method} {request.url.path}: {detail}")

    return Starlette(routes=routes, exception_handlers={HTTPException: http_error})


def _lang(request: Request) -> str:
    value = request.query_params.get("lang", "en")
    return value if value in ("en", "id") else "en"


async def _read_json(request: Request) -> Any:
    """The request's body read as JSON, or the error answer: a body above
    :data:`MAX_BODY` is 413, one that is not JSON (or nested too deep for a parser) 400."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        return _error(413, f"the request body is larger than {MAX_BODY:,} bytes; an action is "
                           "a few hundred")
    body = bytearray()
    async for chunk in request.stream():  # ClientDisconnect: the caller says so in one line
        body += chunk
        if len(body) > MAX_BODY:
            return _error(413, f"the request body is larger than {MAX_BODY:,} bytes; an "
                               "action is a few hundred")
    try:
        return json.loads(bytes(body))
    except RecursionError:
        return _error(400, "the request body is JSON nested too deep; an action is one "
                           "object of a few texts")
    except ValueError:  # not JSON, or not UTF-8
        return _error(400, "the request body is not valid JSON")


def _gone_page(exc: ReviewFileGone, lang: str) -> Response:
    """The page's answer when the file under review is gone: 410, saying so in words."""
    said = _html.escape(exc.message(lang))
    body = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>smartsync review</title>\n</head>\n<body>\n<main>\n<h1>smartsync review"
            f"</h1>\n<p>{said}</p>\n</main>\n</body>\n</html>\n")
    return HTMLResponse(body, status_code=410, headers={
        **_HEADERS, "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'"})
