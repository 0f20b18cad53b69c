"""Compiled code kept across runs of the ``smartsync`` command (a cache, like Python's own
``__pycache__``).

Each ``smartsync`` command compiles Python source at every start: ``attrs`` writes the
``__init__``, ``__repr__``, ``__eq__`` and ``__hash__`` of each model, result and trace class
as source and compiles it (about 67,000 characters for a ``classify``), and the fast matcher
compiles each rule's join keys and contexts (about 12,000). Compiling is about 1,500
instructions a character: some 150 M instructions of a 1,200 M ``classify``
(``benchmarks/bench_startup.py``). The command keeps the compiled code objects in one
file, read at its next start (a few M instructions), so that only source not seen before is
compiled.

- What is cached: the code objects ``compile()`` returns to ``attrs`` (``attr._make``'s
  module-level name ``compile`` is this module's :func:`compile` once the cache is on, and
  while ``attrs`` itself loads, ``compile()`` called from its modules) and
  to :mod:`smartsync.fastmatch` (which calls this module's :func:`compile`: Python's own
  while the cache is off), keyed by the source, its file name, the mode and
  the ``__future__`` flags of the caller. ``attrs`` writes into each ``__hash__`` the hash of
  a text, which differs from process to process (Python's hash randomization): its digits
  are a hole in the key (its sign and width stay), and the cached code gets the integer the
  new source holds, by replacing the constant (checked when the source is first compiled,
  against the compiled source with another integer; where it does not hold, the entry
  serves the same source only).
- With the code, small tables of values a later run would work out again alike
  (:func:`kept`), each under an identity of what its values depend on: the stems
  Sastrawi gave the words that :mod:`smartsync.matching`'s shipped table lacks, so that
  a command on a region it has seen before neither loads Sastrawi nor compiles its
  patterns (``smartsync.matching.text``).
- Where: ``$SMARTSYNC_CACHE_DIR``, one file per Python version; off unless that variable
  names a folder (a command writes nowhere but where its user said). Like Python's
  bytecode, it is not written when ``PYTHONDONTWRITEBYTECODE`` is set (it is still read).
- Trust: a cache file holds code that will run, so it is read only when it and its folder
  belong to the user running the command and nobody else may write to them (as ssh treats
  its keys; on a system without user ids, when it is a regular file in a folder), and only
  when its checksum holds (a torn write is ignored, not run). The folder is made readable
  by its owner only; the file is written under another name and renamed into place, so
  that a command never reads half a file. Anything else -- a file of another user, of
  another version, unreadable, malformed -- and the command compiles as if there were no
  cache (and writes its own when it may).

On for the ``smartsync`` command only (:func:`smartsync.cli.command`); a program that
imports smartsync compiles as Python does.
"""

from __future__ import annotations

import __future__
import marshal
import os
import re
import stat
import sys
import zlib
from types import CodeType
from typing import Any

__all__ = ["compile", "enable", "cache_dir", "save", "kept", "changed", "ENV"]

#: the environment variable naming the cache's folder (set and empty: no cache)
ENV = "SMARTSYNC_CACHE_DIR"

_MAGIC = b"smartsync code cache 2\n"
#: the compiler flags of ``from __future__`` imports (inherited from the caller, as
#: ``compile()`` does, and part of the key)
_FUTURE_FLAGS = 0
for _name in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _name).compiler_flag
#: where attrs writes an integer of its own into each ``__hash__``: the first item of the
#: tuple it hashes, the hash of a text (a different one in each process)
_HASH_ITEM = re.compile(r"hash\(\(\s*(-?(\d+)),")
#: the most entries kept: beyond it, a run keeps only the entries it used
_MAX_ENTRIES = 5000

_builtin_compile = compile
#: key -> (code, the integer in the hole of its source, or None: no hole)
_table: dict[tuple, tuple[CodeType, int | None]] | None = None
_used: set[tuple] = set()
#: the tables of values kept with the code (:func:`kept`): name -> (identity, table)
_data: dict[str, tuple[Any, dict]] = {}
#: the most values one table keeps (beyond it, a run adds none)
MAX_KEPT = 20_000
_changed = False
_path: str | None = None


def cache_dir() -> str | None:
    """The folder of the cache, or ``None`` when it is turned off: on only when
    ``$SMARTSYNC_CACHE_DIR`` names a folder, since a command writes nowhere but where its
    user said (the cache is a measured option, about 10% of a ``classify``; e.g.
    ``export SMARTSYNC_CACHE_DIR=~/.cache/smartsync``)."""
    return os.environ.get(ENV) or None


def _file_name() -> str:
    tag = sys.implementation.cache_tag or sys.implementation.name
    return "code-{}-{}.{}.{}.bin".format(tag, *sys.version_info[:3])


def _trusted(info: os.stat_result, folder: bool) -> bool:
    """A file (or folder) whose contents may be run: its owner's alone."""
    if not (stat.S_ISDIR(info.st_mode) if folder else stat.S_ISREG(info.st_mode)):
        return False
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no user ids (Windows): the user's own profile folder
        return True
    return info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _load(path: str) -> dict[tuple, tuple[CodeType, int | None]]:
    """The code entries of the cache file at ``path`` ({} when there is none it may trust)."""
    return _read(path)[0]


def _read(path: str) -> tuple[dict[tuple, tuple[CodeType, int | None]], dict[str, tuple[Any, dict]]]:
    """The code entries and the kept tables (:func:`kept`) of the cache file at ``path``
    (both empty when there is none it may trust)."""
    nothing: tuple[dict, dict] = ({}, {})
    try:
        if not _trusted(os.lstat(os.path.dirname(path)), folder=True):
            return nothing
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
    except OSError:
        return nothing
    try:
        with os.fdopen(fd, "rb") as file:
            if not _trusted(os.fstat(file.fileno()), folder=False):
                return nothing
            data = file.read()
    except OSError:
        return nothing
    head = len(_MAGIC)
    if data[:head] != _MAGIC or len(data) < head + 4:
        return nothing
    body = data[head + 4:]
    if zlib.crc32(body) != int.from_bytes(data[head:head + 4], "big"):
        return nothing
    try:
        table, tables = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return nothing
    if not isinstance(table, dict) or not isinstance(tables, dict):
        return nothing
    for key, value in table.items():
        if not (type(key) is tuple and len(key) == 4 and type(value) is tuple
                and len(value) == 2 and type(value[0]) is CodeType):
            return nothing
    for name, value in tables.items():
        if not (type(name) is str and type(value) is tuple and len(value) == 2
                and type(value[1]) is dict):
            return nothing
    return table, tables


def enable(folder: str | None = None) -> bool:
    """Turn the cache on for this process (read its file, and route ``attr._make``'s and
    the fast matcher's ``compile()`` through it); ``False`` when it is turned off."""
    global _table, _path
    if _table is not None:
        return True
    folder = folder or cache_dir()
    if not folder:
        return False
    _path = os.path.join(folder, _file_name())
    _table, data = _read(_path)
    _data.update(data)
    if "attr._make" not in sys.modules:
        _import_attrs()
    import attr._make

    attr._make.compile = compile  # type: ignore[attr-defined]
    return True


def _import_attrs() -> None:
    """Import attrs with the code of its own classes (its validators, converters...) from
    the cache: while it loads, ``compile()`` called from attrs' modules is this module's
    (any other caller gets Python's, with its caller's ``__future__`` flags)."""
    import builtins

    def during(source: Any, filename: Any, mode: str, flags: int = 0,
               dont_inherit: bool = False, optimize: int = -1, **options: Any) -> Any:
        caller = sys._getframe(1)
        if not dont_inherit:
            flags |= caller.f_code.co_flags & _FUTURE_FLAGS
        if (caller.f_globals.get("__name__") or "").partition(".")[0] == "attr":
            return compile(source, filename, mode, flags, True, optimize, **options)
        return _builtin_compile(source, filename, mode, flags, True, optimize, **options)

    builtins.compile = during
    try:
        import attr  # noqa: F401
    finally:
        if builtins.compile is during:
            builtins.compile = _builtin_compile


def _replaced(code: CodeType, old: int, new: int) -> CodeType:
    """``code`` with its integer constant ``old`` replaced by ``new`` (nested code too)."""
    consts = tuple(new if type(c) is int and c == old
                   else _replaced(c, old, new) if type(c) is CodeType else c
                   for c in code.co_consts)
    return code.replace(co_consts=consts)


def _hole(source: str) -> tuple[str, int | None]:
    """``source`` with the digits of the integer attrs writes into a ``__hash__`` taken out
    (a ``#`` each: its sign and its width stay in the key, so that the code's line and
    column table is the same), and that integer (``None`` when the source holds none)."""
    at = source.find("hash((")
    found = _HASH_ITEM.match(source, at) if at >= 0 else None
    if found is None:
        return source, None
    start, end = found.span(2)
    return source[:start] + "#" * (end - start) + source[end:], int(found.group(1))


def _fillable(code: CodeType, source: str, number: int, filename: str, mode: str,
              flags: int) -> bool:
    """Whether another integer of the same sign and width in the hole makes the code that
    replacing the constant ``number`` by it makes: tried once, against the compiled source."""
    digits = str(abs(number))
    if len(digits) < 6 or source.count(digits) != 1:
        return False
    other = number + (1 if number >= 0 else -1) * (1 if digits[-1] != "9" else -1)
    try:
        return _replaced(code, number, other) == _builtin_compile(
            source.replace(digits, str(abs(other))), filename, mode, flags, True)
    except (SyntaxError, ValueError):  # pragma: no cover - the same source, another number
        return False


def compile(source: Any, filename: Any, mode: str, flags: int = 0,  # noqa: A001
            dont_inherit: bool = False, optimize: int = -1, **options: Any) -> Any:
    """``compile()``, from the cache when it holds the same source (see the module)."""
    global _changed
    if not dont_inherit:
        flags |= sys._getframe(1).f_code.co_flags & _FUTURE_FLAGS
    if (_table is None or type(source) is not str or type(filename) is not str
            or optimize != -1 or options or flags & ~_FUTURE_FLAGS):
        return _builtin_compile(source, filename, mode, flags, True, optimize, **options)
    template, number = _hole(source)
    key = (template, filename, mode, flags)
    entry = _table.get(key)
    if entry is not None:
        code, cached = entry
        if cached == number:
            _used.add(key)
            return code
        if cached is not None and number is not None:
            _used.add(key)
            return _replaced(code, cached, number)
    if number is not None:  # a hole that could not be filled: an entry of this source only
        exact = (source, filename, mode, flags)
        entry = _table.get(exact)
        if entry is not None:
            _used.add(exact)
            return entry[0]
    code = _builtin_compile(source, filename, mode, flags, True)
    if number is not None and not _fillable(code, source, number, filename, mode, flags):
        key, number = (source, filename, mode, flags), None
    _table[key] = (code, number)
    _used.add(key)
    _changed = True
    return code


def kept(name: str, identity: Any) -> dict | None:
    """A table of values kept across runs in the cache file with the code, ``None`` when
    the cache is off: the one named ``name`` that the last run kept for ``identity`` (what
    its values depend on, compared with ``==``: another identity starts the table empty).
    Its keys and values are what :mod:`marshal` stores (strings, numbers, tuples); one who
    adds to it calls :func:`changed`, and adds nothing once it holds :data:`MAX_KEPT`
    values. (The values of a table are data, not code: a caller checks their type.)"""
    if _table is None:
        return None
    entry = _data.get(name)
    if entry is None or entry[0] != identity:
        entry = _data[name] = (identity, {})
    return entry[1]


def changed() -> None:
    """Something was added to a kept table (:func:`kept`): the cache file is written at
    the end of the run."""
    global _changed
    _changed = True


def save() -> None:
    """Write the cache file when this run compiled source it did not hold (not when
    ``PYTHONDONTWRITEBYTECODE`` is set); a failure to write is ignored."""
    global _changed
    if _table is None or not _changed or _path is None or sys.dont_write_bytecode:
        return
    _changed = False
    table = _table if len(_table) <= _MAX_ENTRIES else {k: _table[k] for k in _used}
    try:
        body = marshal.dumps((table, _data))
    except ValueError:
        return
    folder = os.path.dirname(_path)
    temporary = f"{_path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        if not _trusted(os.lstat(folder), folder=True):
            return
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(_MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
            os.replace(temporary, _path)
        except BaseException:
            try:
                os.unlink(temporary)
            except OSError:
                pass
            raise
    except OSError:
        return
