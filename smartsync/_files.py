"""Writing a file atomically: the whole new file, or the old one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO, Any, Callable

__all__ = ["atomic_write"]


def atomic_write(target: Path, write: Callable[[IO[Any]], object], *, text: bool = False,
                 prefix: str | None = None) -> Path:
    """Write ``target`` through ``write(handle)`` into a temporary file of the same folder,
    then put it in place in one step (``os.replace``).

    A reader, or a run killed half-way, never sees a truncated file: the
    target is the old file or the complete new one. The temporary file is
    removed when writing fails or is interrupted. The new file keeps the old
    one's permissions (or gets the usual ones for a new file). ``text``:
    ``write`` gets a UTF-8 text handle (newlines as written) instead of a
    binary one; ``prefix`` names the temporary file (default ``.NAME.``).
    """
    target = Path(target)
    handle, temp = tempfile.mkstemp(prefix=prefix or f".{target.name}.", suffix=".tmp",
                                    dir=target.parent if str(target.parent) else ".")
    try:
        with (os.fdopen(handle, "w", encoding="utf-8", newline="") if text
              else os.fdopen(handle, "wb")) as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        try:
            mode = os.stat(target).st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    return target
