"""The one safe writer: every file smartsync writes goes through :func:`atomic_write`.

What it guarantees, for every command and function that writes (``batch
--out``, ``report`` pages, ``match --write``, :func:`~smartsync.io.dump_region`,
:func:`~smartsync.tabular.dump_tables`):

- **atomic**: the new text goes to a temporary file in the target's folder and
  replaces the target in one step (``os.replace``); a reader, or a run killed
  half-way, sees the old file or the whole new one. SIGTERM and SIGHUP while
  writing remove the temporary file (they raise :class:`Terminated`); a
  ``kill -9`` can leave one, named ``.NAME.smartsync-PID-XXXXXXXX.tmp``, which
  :func:`remove_stale_temps` removes once process PID is gone.
- **no link followed**: a target that is a symbolic link is refused (the writer
  neither writes through it nor replaces it); so is anything that is not a
  regular file (a folder, a FIFO, a device).
- **nowhere else**: with ``within=FOLDER`` the target must be a file directly in
  that folder.
- **no input overwritten**: with ``inputs=[...]`` a target that is one of those
  files (by identity, whatever the spelling of its path) is refused.
- **an edited file keeps what it was**: the replacement gets the old file's
  permissions, owner and group; a file with several hard links (replacing
  would split them), a read-only file, or one whose owner cannot be kept is
  refused with the reason.
- **temporary names fit**: a long target name is shortened in the temporary
  name so that it stays within the file system's name limit.

A refusal raises :class:`~smartsync.errors.OutputError` naming the path, what
is wrong and what to do, before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Union

from .errors import OutputError

__all__ = ["atomic_write", "check_target", "remove_stale_temps", "Terminated", "TEMP_TAG",
           "same_file"]

PathLike = Union[str, "os.PathLike[str]"]

#: what every temporary file smartsync writes has in its name
TEMP_TAG = ".smartsync-"
_RANDOM = 8  # characters tempfile adds
_SUFFIX = ".tmp"


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written; the temporary file is gone."""

    def __init__(self, signum: int = signal.SIGTERM):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        """The exit code of a process killed by this signal (128 + its number)."""
        return 128 + int(self.signum)


def _on_signal(signum: int, frame: Any) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def _terminable() -> Iterator[None]:
    """SIGTERM/SIGHUP raise :class:`Terminated` inside the block (main thread, default
    handlers only: a program's own handlers are left alone)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _on_signal)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def same_file(a: PathLike, b: PathLike) -> bool:
    """Whether two paths name the same existing file (hard links and symlinks included)."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _name_max(folder: str) -> int:
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def _temp_prefix(folder: str, name: str) -> str:
    """``.NAME.smartsync-PID-``, NAME shortened (by bytes) to fit the file system's limit."""
    tail = f"{TEMP_TAG}{os.getpid()}-"
    room = _name_max(folder) - 1 - len(tail.encode()) - _RANDOM - len(_SUFFIX)
    encoded = os.fsencode(name)
    if len(encoded) > room:
        encoded = encoded[:max(room, 1)]
        name = encoded.decode("utf-8", "ignore") or "x"
        # a name that is not UTF-8 keeps its own bytes through surrogateescape
        name = os.fsdecode(os.fsencode(name))
    return f".{name}{tail}"


def remove_stale_temps(target: PathLike) -> None:
    """Remove the temporary files a killed earlier run of smartsync left beside ``target``
    (those whose process is gone)."""
    target = Path(target)
    folder = os.fspath(target.parent) or "."
    start = _temp_prefix(folder, target.name).rsplit(TEMP_TAG, 1)[0] + TEMP_TAG
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not (name.startswith(start) and name.endswith(_SUFFIX)):
            continue
        pid_text = name[len(start):].split("-", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            os.unlink(os.path.join(folder, name))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def make_folder(target: PathLike) -> None:
    """Make the missing folders of the path of an output file the user named (``draft
    --out a/b/region.yaml``, ``batch --out``, ``study -o``), as ``report --out`` makes its
    folder: only the folders that path names, nothing beside it. Raises
    :class:`~smartsync.errors.OutputError` when a part of the path is a file, or a folder
    cannot be made there."""
    target = Path(target)
    parent = target.parent
    if not os.fspath(parent) or os.path.isdir(parent):
        return
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(os.fspath(target), f"a part of its folder {os.fspath(parent)} is a file",
                          "name a folder that is not a file") from None
    except OSError as exc:
        raise OutputError.from_os_error(exc, os.fspath(target)) from None


def make_output_folder(folder: PathLike) -> Path:
    """Make the output folder a user named (``write_report``'s ``out``, the folder of
    :func:`~smartsync.dump_tables`' CSV files) and its missing parents, as ``report --out``
    does: only the folders that path names. Raises :class:`~smartsync.errors.OutputError`
    when the path, or a part of it, is a file, or the folder cannot be made."""
    folder = Path(folder)
    shown = os.fspath(folder)
    if os.path.isdir(folder):
        return folder
    if os.path.lexists(folder):
        raise OutputError(shown, "is a file, not a folder", "name a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise OutputError(shown, "a part of the path is a file", "name a folder that is not a file") from None
    except OSError as exc:
        raise OutputError.from_os_error(exc, shown) from None
    return folder


def check_target(target: PathLike, *, within: PathLike | None = None,
                 inputs: Iterable[PathLike] = ()) -> os.stat_result | None:
    """Refuse (:class:`~smartsync.errors.OutputError`) a target :func:`atomic_write` must not
    write; return the existing file's status, or ``None`` for a new file.

    Checked without writing anything, so a command can check its output before
    starting long work."""
    target = Path(target)
    shown = os.fspath(target)
    if not target.name or target.name in (".", ".."):
        raise OutputError(shown, "is not a file name", "name a file")
    if within is not None:
        folder = Path(within)
        if target.parent != folder and not same_file(target.parent, folder):
            raise OutputError(shown, f"is not in the output folder {os.fspath(folder)}",
                              "write only into the folder named")
    for item in inputs:
        if same_file(target, item):
            raise OutputError(shown, f"is one of the inputs ({os.fspath(item)})",
                              "give an output file that is not an input")
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        parent = os.fspath(target.parent) or "."
        if not os.path.isdir(parent):
            raise OutputError(shown, f"its folder {parent} does not exist",
                              "create the folder first") from None
        return None
    except OSError as exc:
        raise OutputError.from_os_error(exc, shown) from None
    if stat.S_ISLNK(status.st_mode):
        try:
            to = os.readlink(target)
        except OSError:  # pragma: no cover - a link removed meanwhile
            to = "?"
        raise OutputError(shown, f"is a symbolic link (to {to}); smartsync does not write through "
                          "or over links", "remove the link, or name the file it points to")
    if stat.S_ISDIR(status.st_mode):
        raise OutputError(shown, "is a folder", "give a file name")
    if not stat.S_ISREG(status.st_mode):
        raise OutputError(shown, "is not a regular file (a FIFO, socket or device)",
                          "give the name of a regular file")
    if status.st_nlink > 1:
        raise OutputError(shown, f"has {status.st_nlink} hard links; replacing it would split them",
                          "write to another name, or remove the other links first")
    if not status.st_mode & 0o222 or not os.access(target, os.W_OK, follow_symlinks=False):
        raise OutputError(shown, "is read-only",
                          "make it writable (chmod u+w) if it should be replaced")
    return status


def atomic_write(target: PathLike, write: Callable[[IO[Any]], object], *, text: bool = False,
                 prefix: str | None = None, within: PathLike | None = None,
                 inputs: Iterable[PathLike] = (),
                 unchanged_since: os.stat_result | None = None) -> Path:
    """Write ``target`` through ``write(handle)`` into a temporary file of the same folder,
    then put it in place in one step (``os.replace``).

    ``text``: ``write`` gets a UTF-8 text handle (newlines as written) instead
    of a binary one (which writes a lone surrogate as ``\\udXXX`` rather than fail). ``prefix`` is ignored (kept for callers of an earlier
    version: temporary names are ``.NAME.smartsync-PID-XXXXXXXX.tmp``).
    ``within``: the target must lie directly in this folder. ``inputs``: files
    the target must not be. ``unchanged_since``: the status of the target when
    the caller read it; the write is refused if the file changed since (another
    program edited it meanwhile).

    Raises :class:`~smartsync.errors.OutputError` (nothing written) for a target
    it must not write (see the module's documentation), :class:`OSError` when
    writing fails, :class:`Terminated` on SIGTERM/SIGHUP; the temporary file is
    removed in every case.
    """
    del prefix
    target = Path(target)
    status = check_target(target, within=within, inputs=inputs)
    if unchanged_since is not None and (
            status is None or (status.st_ino, status.st_size, status.st_mtime_ns)
            != (unchanged_since.st_ino, unchanged_since.st_size, unchanged_since.st_mtime_ns)):
        raise OutputError(os.fspath(target), "changed while smartsync was working on it",
                          "run the command again")
    folder = os.fspath(target.parent) or "."
    temp = None
    with _terminable():
        try:
            handle, temp = tempfile.mkstemp(prefix=_temp_prefix(folder, target.name),
                                            suffix=_SUFFIX, dir=folder)
            # a lone surrogate that got this far is written as \\udXXX, not a crash
            with (os.fdopen(handle, "w", encoding="utf-8", errors="backslashreplace", newline="")
                  if text
                  else os.fdopen(handle, "wb")) as out:
                write(out)
                out.flush()
                _keep_status(out.fileno(), status, os.fspath(target))
                os.fsync(out.fileno())
            os.replace(temp, target)
            temp = None
        except FileExistsError as exc:  # pragma: no cover - mkstemp retries names itself
            raise OutputError.from_os_error(exc, os.fspath(target)) from None
        finally:
            if temp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temp)
    return target


def _keep_status(fd: int, status: os.stat_result | None, shown: str) -> None:
    """Give the temporary file the old file's owner, group and permissions (or the usual
    permissions of a new file)."""
    if status is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        return
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (status.st_uid, status.st_gid):
        try:
            os.fchown(fd, status.st_uid, status.st_gid)
        except PermissionError:
            raise OutputError(shown, f"belongs to user {status.st_uid}, group {status.st_gid}; "
                              "replacing it would change its owner",
                              "run as its owner, or copy it and write the copy") from None
    os.fchmod(fd, stat.S_IMODE(status.st_mode))
