"""What a path given as input is, asked without ever raising or blocking.

Every reader and command asks here whether an input is a file, a folder or
something else, so that a path that cannot even be looked at (a folder above
it without search permission, a name too long for the file system, a symbolic
link that loops or points nowhere, a FIFO that would block a read) becomes a
:class:`~smartsync.errors.Problem` naming the path, what is wrong and what to
do -- never a traceback, never a hang.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Union

from ..errors import Problem, Severity, path_problem

__all__ = ["path_kind", "path_error", "open_problem", "unread_subfolders"]

PathLike = Union[str, "os.PathLike[str]"]


def path_kind(path: PathLike) -> str:
    """``"file"`` (a regular file, through links), ``"dir"``, ``"missing"``, ``"broken-link"``
    (a dangling or looping link), ``"special"`` (a FIFO, socket or device) or ``"error"``
    (the path cannot be looked at)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        try:
            return "broken-link" if stat.S_ISLNK(os.lstat(path).st_mode) else "missing"
        except OSError:
            return "missing"
    except OSError as exc:
        return "broken-link" if exc.errno == errno.ELOOP else "error"
    except ValueError:  # an embedded NUL
        return "error"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "special"


def path_error(path: PathLike) -> tuple[str, str] | None:
    """What keeps ``path`` from being read as a file, and the fix; ``None`` for a readable-looking
    regular file or a folder."""
    try:
        mode = os.stat(path).st_mode
    except ValueError:
        return ("the path holds a NUL character", "give a real file name")
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            try:
                if stat.S_ISLNK(os.lstat(path).st_mode):
                    return (f"is a symbolic link to {os.readlink(path)}, which does not exist",
                            "fix or remove the link")
            except OSError:
                pass
            return ("no such file", "check the spelling of the path")
        return path_problem(exc)
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return ("is not a regular file (a FIFO, socket or device); smartsync reads files only",
            "save the data to a file and give that")


def open_problem(path: PathLike, *, code: str = "unreadable") -> Problem | None:
    """A :class:`~smartsync.errors.Problem` for a path that cannot be read as a file, or ``None``."""
    found = path_error(path)
    if found is None:
        return None
    reason, fix = found
    if reason == "no such file":  # needs no advice
        return Problem(reason, file=os.fspath(path), code="no-such-file", values={})
    return Problem(f"{reason}; {fix}", file=os.fspath(path), code=code)


def shown(path: PathLike) -> str:
    """The path as text a terminal and UTF-8 can show (undecodable bytes as ``\\xNN``)."""
    text = os.fspath(path)
    if isinstance(text, bytes):  # pragma: no cover - smartsync passes str paths
        text = os.fsdecode(text)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def is_dir(path: PathLike) -> bool:
    """Whether ``path`` is a folder; ``False`` (never an error) when it cannot be looked at."""
    return path_kind(path) == "dir"


def as_path(path: PathLike) -> Path:
    """``path`` as a :class:`~pathlib.Path`."""
    return Path(path)


def list_folder(folder: PathLike) -> tuple[list[Path], Problem | None]:
    """The region files of ``folder`` (:func:`smartsync.io.region_files`), or a problem naming
    the folder when it cannot be listed (no read permission...)."""
    from .regionfile import region_files

    try:
        return region_files(folder), None
    except OSError as exc:
        reason, fix = path_problem(exc)
        return [], Problem(f"the folder cannot be listed: {reason}; {fix}",
                           file=os.fspath(folder), code="unreadable")


#: how many entries :func:`unread_subfolders` looks at below one folder before it stops looking
SUBFOLDER_LOOK_LIMIT = 5000
_INPUT_SUFFIXES = (".yaml", ".yml", ".json", ".xlsx")


def unread_subfolders(folder: PathLike) -> list[Problem]:
    """A warning for each folder inside ``folder`` that holds region files or tables (at any
    depth below it; hidden folders and folder links left out), since an input folder is read
    one level deep: its regions would be left out without a word. Never raises; looks at
    :data:`SUBFOLDER_LOOK_LIMIT` entries at most."""
    out: list[Problem] = []
    seen = 0
    try:
        subs = sorted(p for p in Path(folder).iterdir()
                      if not p.name.startswith(".") and not p.is_symlink() and p.is_dir())
    except (OSError, ValueError):
        return out
    for sub in subs:
        found = False
        for root, dirs, files in os.walk(sub, onerror=lambda exc: None):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            seen += len(dirs) + len(files)
            if any(f.lower().endswith(_INPUT_SUFFIXES) or f.lower() == "regions.csv"
                   for f in files if not f.startswith(".")):
                found = True
                break
            if seen > SUBFOLDER_LOOK_LIMIT:
                break
        if found:
            name = os.fspath(sub)
            out.append(Problem(
                f"a folder inside {os.fspath(folder)} is not read (an input folder is read one "
                f"level deep); it holds region files or tables: give it as an input too",
                file=name, severity=Severity.WARNING, code="subfolder-not-read",
                values={"folder": os.fspath(folder)}))
        if seen > SUBFOLDER_LOOK_LIMIT:
            break
    return out
