"""From bytes to a tree of values that remember their line: decoding, YAML, JSON.

The reader never lets PyYAML build Python objects from a whole document: it
composes the YAML node graph (with the C loader when available) and walks it
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

import yaml

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

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it


class _Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader with PyYAML's implicit tag resolution done in one call per node
    (no path resolvers: the safe loader has none): the same tags as the safe loader's
    ``resolve``, about a third of the time it took to compose a region file."""

    _implicit = _BASE_LOADER.yaml_implicit_resolvers

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:  # noqa: D102
        return None

    def ascend_resolver(self) -> None:  # noqa: D102
        return None

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:  # noqa: D102
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in self._implicit.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


# the shortcut holds only while the safe loader has no path or wildcard resolvers
_YAML_LOADER = (_Loader if not _BASE_LOADER.yaml_path_resolvers
                and None not in _BASE_LOADER.yaml_implicit_resolvers else _BASE_LOADER)
_EXPONENT_FLOAT = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")


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
    """The located tree of a YAML document composed by PyYAML (libyaml's parser when built with it)."""
    try:
        root = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "cannot be parsed"
        if exc.context:
            detail = f"{detail} ({exc.context})"
        raise SourceProblem(f"malformed YAML: {detail}", line=mark.line + 1 if mark else None,
                            code="malformed-yaml") from None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML does not allow
        line = None
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml") from None
    except RecursionError:
        raise SourceProblem("malformed YAML: nested too deeply", code="too-deep") from None
    except UnicodeEncodeError as exc:  # a text given as str with a lone surrogate
        from .._text import bad_character

        line = text.count("\n", 0, exc.start) + 1
        line_text = text.split("\n")[line - 1] if line else ""
        raise SourceProblem(f"the line {bad_character(line_text) or 'cannot be encoded'}; "
                            "remove it", line=line, code="bad-character") from None
    if root is None:
        return None
    if "*" in text:  # without an alias there is nothing to expand
        _check_expansion(root, limit("MAX_ALIAS_EXPANSION"))
    constructor = yaml.constructor.SafeConstructor()
    return _from_node(root, constructor, 0, limit("MAX_DEPTH"))


def _check_expansion(root: yaml.Node, max_expansion: int) -> None:
    """Refuse recursive aliases and aliases that expand the document beyond the budget."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    # iterative post-order walk over distinct nodes; sizes count the expanded tree
    work: list[tuple[yaml.Node, bool]] = [(root, False)]
    while work:
        node, done = work.pop()
        key = id(node)
        if done:
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            in_progress.discard(key)
            continue
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if key in in_progress:
            raise SourceProblem(
                "a YAML alias refers to a node that contains it (a recursive alias)",
                line=node.start_mark.line + 1, code="alias-bomb")
        in_progress.add(key)
        work.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                raise SourceProblem(
                    "a YAML alias refers to a node that contains it (a recursive alias)",
                    line=child.start_mark.line + 1, code="alias-bomb")
            if id(child) not in sizes:
                work.append((child, False))
    expanded = sizes[id(root)]
    extra = expanded - len(sizes)
    if extra > max_expansion:
        raise SourceProblem(
            f"YAML aliases would expand the document by {extra:,} nodes, more than the "
            f"limit of {max_expansion:,} (an alias bomb?)", line=None, code="alias-bomb")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _from_node(node: yaml.Node, constructor: yaml.constructor.SafeConstructor, depth: int,
               max_depth: int) -> Located:
    line = node.start_mark.line + 1
    if depth > max_depth:
        raise SourceProblem(f"mappings and lists are nested more than {max_depth} levels deep",
                            line=line, code="too-deep")
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            raise SourceProblem(f"unsupported YAML tag {node.tag!r} on a mapping", line=line,
                                code="malformed-yaml")
        items: dict[str, Located] = {}
        key_lines: dict[str, int | None] = {}
        problems: list[tuple[int | None, str, str]] = []
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append((key_line, "a key must be a plain name, not a mapping or a list",
                                 "bad-key"))
                continue
            key = key_node.value
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                problems.append((key_line, "YAML merge keys ('<<') are not supported; write the keys out",
                                 "bad-key"))
                continue
            if key in items:
                problems.append((key_line, f"duplicate key {key!r} (first at line {key_lines[key]})",
                                 "duplicate-key"))
                continue
            items[key] = _from_node(value_node, constructor, depth + 1, max_depth)
            key_lines[key] = key_line
        return Located(items, line, key_lines=key_lines, problems=problems)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            raise SourceProblem(f"unsupported YAML tag {node.tag!r} on a list", line=line,
                                code="malformed-yaml")
        return Located([_from_node(n, constructor, depth + 1, max_depth) for n in node.value], line)
    if node.tag == _STR_TAG:
        if not node.style and _EXPONENT_FLOAT.fullmatch(node.value):
            # YAML 1.1 wants a sign in the exponent (1.25e+10); read 1.25e10 as a number too
            return Located(float(node.value), line, raw=node.value)
        return Located(node.value, line)
    try:
        value = constructor.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        reason = getattr(exc, "problem", None) or str(exc)
        raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml") from None
    return Located(value, line, raw=node.value if isinstance(node.value, str) else None)


# --------------------------------------------------------------------------
# JSON


_WS = re.compile(r"[ \t\n\r]*")
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
