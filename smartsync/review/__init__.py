"""Reviewing a region's matches in the browser: ``smartsync review FILE``.

- :class:`ReviewSession` -- one region file under review: its state as plain
  data, and the actions (accept, reject, change the relation, add) that
  edit the file in place.
- :func:`serve` -- the local server: the page and the JSON API on
  127.0.0.1, behind a per-run secret token, until interrupted.
- :func:`smartsync.review.app.create_app` -- the web application itself
  (Starlette), for a test client or a server of your own.

The server needs the ``review`` extra (``pip install 'smartsync[review]'``:
Starlette and uvicorn); :class:`ReviewSession` does not. See
``docs/review.rst`` for the page and the API.
"""

from __future__ import annotations

from .session import ACTIONS, ReviewConflict, ReviewError, ReviewSession
from .server import serve

__all__ = ["ReviewSession", "ReviewError", "ReviewConflict", "ACTIONS", "serve"]
