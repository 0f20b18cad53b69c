"""From bytes to a tree of values that remember their line: decoding, YAML, JSON.

The reader never lets PyYAML build Python objects from a whole document: YAML is read by
:mod:`._yaml`, which has PyYAML compose the node graph (with libyaml's C parser when
available) and walks it itself, so every value keeps the line it came from, duplicate keys
are seen, and aliases cannot expand beyond a budget (the "billion laughs" attack). JSON
(:mod:`._jsonwalk`) goes through :func:`json.loads` first (for its error messages), then
through a small position-tracking walk that gives each value its line. Each path is
imported when a file needs it.
"""

from __future__ import annotations

import codecs
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

#: a budget below this (Rp 1 juta) is no regional program's pagu: a unit left out (``juta``,
#: ``ribu``); ``validate`` warns of it (0, no pagu, is not warned of) and ``draft`` doubts it
PLAUSIBLE_BUDGET_MIN = 10 ** 6
#: a budget above this (Rp 100 triliun, more than any region's whole APBD over five years) is
#: a typo or a unit slip; ``validate`` warns of it and ``draft`` doubts it
PLAUSIBLE_BUDGET_MAX = 10 ** 14

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


#: a whole rupiah amount as Indonesian spreadsheets and planners write it: ``Rp 7.000.000.000``,
#: ``100.000.000.000``, ``20000000000,00``: digits grouped by dots (two groups or more, or
#: after ``Rp``: ``100.000`` alone could be an English decimal), zero cents after a comma
_RUPIAH = lazy_pattern(r"(Rp\.?\s*)?([0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+)(?:,0{1,2})?",
                       re.ASCII | re.IGNORECASE)
#: what :func:`rupiah_amount` gives for ``100.000`` alone: a hundred thousand rupiah, or a
#: hundred with a decimal point? said to the user, never guessed
AMBIGUOUS_RUPIAH = object()


def rupiah_amount(text: str) -> Any:
    """The whole number of rupiah ``text`` writes as Indonesian usage writes it (``Rp
    7.000.000.000``, ``100.000.000.000``, ``20000000000,00``, ``7000000000``);
    :data:`AMBIGUOUS_RUPIAH` for one group of dots and no ``Rp`` (``100.000``); ``None``
    for any other text. The one reader of this form: batch tables and region files."""
    if len(text) > 60:
        return None
    found = _RUPIAH.fullmatch(text.strip())
    if found is None:
        return None
    digits = found.group(2)
    if digits.count(".") == 1 and not found.group(1):
        return AMBIGUOUS_RUPIAH
    return int(digits.replace(".", ""))


class SourceProblem(Exception):
    """A problem that stops the reading of a file before its structure can be checked."""

    def __init__(self, message: str, *, line: int | None = None, code: str,
                 values: Any = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.code = code
        #: the values behind the message, for its words in another language (a
        #: :class:`~smartsync.errors.Problem`'s ``values``)
        self.values = values


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
                    "save it as UTF-8", line=1, code="not-utf8", values={"form": "bom", "name": name})
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = f"0x{data[exc.start]:02X}"
        raise SourceProblem(
            f"the file is not UTF-8: byte {byte} at column {column} "
            "cannot be decoded; save the file as UTF-8", line=line, code="not-utf8",
            values={"form": "byte", "byte": byte, "column": column}) from None


# --------------------------------------------------------------------------
# YAML


def parse_yaml(text: str) -> Located | None:
    """The located tree of a YAML document, or ``None`` when it holds no data: composed by
    PyYAML (:mod:`._yaml`, imported for a YAML text)."""
    from ._yaml import parse

    return parse(text)


# --------------------------------------------------------------------------
# JSON


def parse_json(text: str) -> Located:
    """The located tree of a JSON document (:mod:`._jsonwalk`, imported for a JSON file:
    reading YAML imports no ``json``)."""
    from ._jsonwalk import parse_json as parse

    return parse(text)
