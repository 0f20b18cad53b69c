"""From bytes to a tree of values that remember their line: decoding, YAML, JSON.

The reader never lets PyYAML build Python objects from a whole document: the plain
YAML region files are written in is read by :mod:`._fastyaml` without PyYAML; anything
else by :mod:`._pyyaml`, which composes the YAML node graph (with the C loader when available) and walks it
itself, so every value keeps the line it came from, duplicate keys are seen,
and aliases cannot expand beyond a budget (the "billion laughs" attack).
JSON goes through :func:`json.loads` first (for its error messages), then
through a small position-tracking walk that gives each value its line.
"""

from __future__ import annotations

import bisect
import codecs
import json
import json.decoder
import json.scanner
import math
import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

from .._lazy import lazy_pattern

#: files larger than this many bytes are refused (20 MB); every reader also takes ``max_bytes``
MAX_FILE_BYTES = 20 * 1024 * 1024
#: how many nodes YAML aliases may add by repeating what they point to
MAX_ALIAS_EXPANSION = 100_000
#: how deeply mappings and lists may nest
MAX_DEPTH = 64

#: the longest text (a name, an element's text, a note) a region may hold, in characters
#: (Excel's own limit for a cell is 32,767)
MAX_TEXT_LENGTH = 32_767
#: the largest budget (pagu) an element may have, in rupiah: 10^24, far above any real budget,
#: so that sums stay numbers every output can write
MAX_BUDGET = 10 ** 24

_DEFAULTS = {"MAX_FILE_BYTES": MAX_FILE_BYTES, "MAX_ALIAS_EXPANSION": MAX_ALIAS_EXPANSION,
             "MAX_DEPTH": MAX_DEPTH, "MAX_TEXT_LENGTH": MAX_TEXT_LENGTH}


def limit(name: str) -> int:
    """The limit ``name`` as it is now: ``smartsync.io.<name>`` or this module's, whichever was changed.

    Limits are read when a file is read, not when smartsync is imported, so a
    program (or a test) may set ``smartsync.io.MAX_FILE_BYTES`` and the like.
    """
    import sys

    default = _DEFAULTS[name]
    for module in ("smartsync.io", "smartsync.io.regionfile", __name__):
        value = getattr(sys.modules.get(module), name, default)
        if value != default:
            return int(value)
    return default

_EXPONENT_FLOAT = lazy_pattern(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")


class SourceProblem(Exception):
    """A problem that stops the reading of a file before its structure can be checked."""

    def __init__(self, message: str, *, line: int | None = None, code: str):
        super().__init__(message)
        self.message = message
        self.line = line
        self.code = code


_NO_KEY_LINES: Mapping[str, int | None] = MappingProxyType({})


class Located:
    """A value read from a file, with the line it starts on.

    ``value`` is a ``dict[str, Located]`` for a mapping, a ``list[Located]``
    for a list and a plain Python value otherwise. ``raw`` is the text of a
    number as written (``007``, ``2.10``) so identifiers keep their spelling;
    ``key_lines`` gives the line of each key of a mapping; ``problems`` holds
    (line, message, code) for duplicate keys and keys that are not plain names.
    """

    __slots__ = ("key_lines", "line", "problems", "raw", "value")

    def __init__(self, value: Any, line: int | None, raw: str | None = None,
                 key_lines: Mapping[str, int | None] | None = None,
                 problems: Sequence[tuple[int | None, str, str]] | None = None):
        self.value = value
        self.line = line
        self.raw = raw
        # most values are scalars: they share one empty mapping and one empty tuple
        self.key_lines = key_lines or _NO_KEY_LINES
        self.problems = problems or ()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Located({self.value!r}, line={self.line})"


def plain(value: Any, line: int | None = None) -> Located:
    """Wrap plain Python data (dicts, lists, scalars) in :class:`Located` without lines."""
    if isinstance(value, Located):
        return value
    if isinstance(value, dict):
        problems = []
        items: dict[str, Located] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                problems.append((line, f"key {key!r} is not a name (a text)", "bad-key"))
                continue
            items[key] = plain(item, line)
        return Located(items, line, key_lines={k: line for k in items}, problems=problems)
    if isinstance(value, (list, tuple)):
        return Located([plain(item, line) for item in value], line)
    return Located(value, line)


# --------------------------------------------------------------------------
# bytes -> text


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(data: bytes) -> str:
    """The text of a file; raises :class:`SourceProblem` unless it is UTF-8 (a BOM is allowed)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    else:
        for bom, name in _BOMS:
            if data.startswith(bom):
                raise SourceProblem(
                    f"the file is not UTF-8 (it starts with a {name} byte order mark); "
                    "save it as UTF-8", line=1, code="not-utf8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceProblem(
            f"the file is not UTF-8: byte 0x{data[exc.start]:02X} at column {column} "
            "cannot be decoded; save the file as UTF-8", line=line, code="not-utf8") from None


# --------------------------------------------------------------------------
# YAML


def parse_yaml(text: str) -> Located | None:
    """The located tree of a YAML document, or ``None`` when it holds no data.

    The plain YAML region files are written in is read by :mod:`._fastyaml`; anything
    else, and any file with a problem, by PyYAML (the same tree either way)."""
    from ._fastyaml import read

    fast = read(text, limit("MAX_DEPTH"))
    if fast is not None:
        return fast
    return _parse_yaml_with_pyyaml(text)


def _parse_yaml_with_pyyaml(text: str) -> Located | None:
    """The located tree of a YAML document composed by PyYAML (:mod:`._pyyaml`, imported
    only for a file the fast reader declines)."""
    from ._pyyaml import parse

    return parse(text)


# --------------------------------------------------------------------------
# JSON


_WS = lazy_pattern(r"[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
_CONSTANTS = {"true": True, "false": False, "null": None,
              "NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def parse_json(text: str) -> Located:
    """The located tree of a JSON document."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceProblem(f"malformed JSON: {exc.msg} (column {exc.colno})", line=exc.lineno,
                            code="malformed-json") from None
    except RecursionError:
        raise SourceProblem("malformed JSON: nested too deeply", code="too-deep") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise SourceProblem(f"malformed JSON: {exc}", code="malformed-json") from None
    return _JsonWalk(text).document()


class _JsonWalk:
    """A position-tracking walk over JSON text already known to be valid."""

    def __init__(self, text: str):
        self.text = text
        self.max_depth = limit("MAX_DEPTH")
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, index: int) -> int:
        return bisect.bisect_left(self.newlines, index) + 1

    def skip(self, index: int) -> int:
        return _WS.match(self.text, index).end()  # type: ignore[union-attr]

    def document(self) -> Located:
        value, _ = self.value(self.skip(0), 0)
        return value

    def value(self, index: int, depth: int) -> tuple[Located, int]:
        text = self.text
        line = self.line(index)
        if depth > self.max_depth:
            raise SourceProblem(f"mappings and lists are nested more than {self.max_depth} levels deep",
                                line=line, code="too-deep")
        char = text[index]
        if char == "{":
            items: dict[str, Located] = {}
            key_lines: dict[str, int | None] = {}
            problems: list[tuple[int | None, str, str]] = []
            index = self.skip(index + 1)
            if text[index] == "}":
                return Located(items, line), index + 1
            while True:
                key_line = self.line(index)
                key, index = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
                index = self.skip(self.skip(index) + 1)  # past ':'
                item, index = self.value(index, depth + 1)
                if key in items:
                    problems.append((key_line, f"duplicate key {key!r} (first at line {key_lines[key]})",
                                 "duplicate-key"))
                else:
                    items[key] = item
                    key_lines[key] = key_line
                index = self.skip(index)
                if text[index] == "}":
                    return Located(items, line, key_lines=key_lines, problems=problems), index + 1
                index = self.skip(index + 1)  # past ','
        if char == "[":
            values: list[Located] = []
            index = self.skip(index + 1)
            if text[index] == "]":
                return Located(values, line), index + 1
            while True:
                item, index = self.value(index, depth + 1)
                values.append(item)
                index = self.skip(index)
                if text[index] == "]":
                    return Located(values, line), index + 1
                index = self.skip(index + 1)
        if char == '"':
            string, end = json.decoder.scanstring(text, index + 1)  # type: ignore[attr-defined]
            return Located(string, line), end
        for word, constant in _CONSTANTS.items():
            if text.startswith(word, index):
                return Located(constant, line, raw=word), index + len(word)
        match = _NUMBER.match(text, index)
        assert match is not None, "json.loads accepted what the walk cannot read"
        integer, fraction, exponent = match.groups()
        number: Any
        if fraction or exponent:
            number = float(integer + (fraction or "") + (exponent or ""))
        else:
            number = int(integer)
        return Located(number, line, raw=match.group()), match.end()
