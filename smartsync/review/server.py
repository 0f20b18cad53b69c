"""Running the review server: bind 127.0.0.1, print the address, open the browser, serve."""

from __future__ import annotations

import os
import socket
import sys
import threading
from typing import IO, Any, Callable, Union

from ..errors import SmartsyncError
from .session import ReviewSession

__all__ = ["serve", "MissingExtra"]

PathLike = Union[str, "os.PathLike[str]"]

HOST = "127.0.0.1"


class MissingExtra(SmartsyncError):
    """The review server's dependencies (the ``review`` extra) are not installed."""


def _bind(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((HOST, port))
    except OSError as exc:
        sock.close()
        raise SmartsyncError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc} "
                             "(choose another --port, or 0 for any free one)") from None
    sock.listen(64)
    return sock


def serve(path: PathLike, *, port: int = 0, open_browser: bool = True, lang: str = "en",
          classifier: Any = None, params: Any = None, out: IO[str] | None = None,
          opener: Callable[[str], Any] | None = None) -> int:
    """Serve the review page of the region file at ``path`` on 127.0.0.1 until interrupted.

    ``port``: 0 picks a free one. The page's address, with the run's secret
    token, is the first line written to ``out`` (standard output); the
    browser is opened on it unless ``open_browser`` is false (``opener``:
    what opens it, :func:`webbrowser.open` by default). Returns 0 once
    stopped (Ctrl-C). Raises :class:`MissingExtra` without Starlette and
    uvicorn, :class:`~smartsync.errors.SmartsyncError` when the file cannot
    be read or the port cannot be bound.
    """
    try:
        import uvicorn

        from .app import create_app, new_token
    except ImportError as exc:
        raise MissingExtra(f"smartsync review needs {exc.name or 'starlette and uvicorn'}: "
                           "pip install 'smartsync[review]'") from None
    out = out or sys.stdout
    session = ReviewSession(path, classifier=classifier, params=params)
    if not session.path.is_file():
        raise SmartsyncError(f"{session.path}: no such file")
    first = session.state(lang)  # read and classify once: a file with errors stops here
    if not first["valid"]:
        raise SmartsyncError(f"{session.path}: has errors; fix them before reviewing:\n  "
                             + "\n  ".join(p["message"] for p in first["problems"]
                                            if p["severity"] == "error"))
    sock = _bind(port)
    bound = sock.getsockname()[1]
    token = new_token()
    hosts = [f"{HOST}:{bound}", f"localhost:{bound}"]
    app = create_app(session, token, hosts=hosts, lang=lang)
    url = f"http://{HOST}:{bound}/?token={token}"
    print(url, file=out, flush=True)
    print(f"reviewing {session.path}; press Ctrl-C to stop", file=out, flush=True)
    config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    server = uvicorn.Server(config)
    if open_browser:
        if opener is None:
            import webbrowser

            opener = webbrowser.open

        def open_page() -> None:
            try:
                opened = opener(url)
            except Exception:  # a broken browser setting must not stop the review
                opened = False
            if opened is False:
                print("smartsync review: no browser could be opened; open the address above",
                      file=sys.stderr, flush=True)

        threading.Timer(0.3, open_page).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:  # pragma: no cover - uvicorn handles SIGINT itself
        pass
    finally:
        sock.close()
    print("review stopped", file=out, flush=True)
    return 0
