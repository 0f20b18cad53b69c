"""A fast reader for the plain YAML that region files are written in, or a decline.

Region files -- written by :func:`smartsync.io.dump_region`, drafted by
``smartsync draft`` or typed by hand -- use a small part of YAML: block
mappings and lists, one-line lists of scalars in brackets (``[2021, 2026]``),
one-line mappings in braces of such values (``{id: M1, parents: [V], text: ...}``,
as people write them), plain and quoted scalars (plain and single-quoted ones also wrapped over
several lines, as the dumper wraps long texts), comments and a leading
``---``. For such a file :func:`read` gives the located tree that the PyYAML
path of :func:`smartsync.io._source.parse_yaml` gives -- the same values, of
the same types, raw spellings and lines -- line by line, without building a
node per value.

It *declines* (returns ``None``, and the caller takes the PyYAML path) on
anything it does not handle with certainty: anchors, aliases, tags, block
scalars (``|``, ``>``), double-quoted scalars with escapes other than ``\\"``
and ``\\\\`` or over several lines, nested flow mappings or lists, flow
mappings or lists over several lines, a comment or a list-looking line inside
a wrapped scalar, tabs, line breaks other than LF
and CRLF, characters YAML does not allow, a byte order mark, keys that are
not plain names, duplicate keys, odd indentation, anything after the
document, nesting deeper than :data:`smartsync.io.MAX_DEPTH`, and any
exception. So every file it cannot read exactly, and every file with a
problem, is read by the PyYAML path and reported in its words.

Scalars are resolved and built by PyYAML's own rules (YAML 1.1: ``yes`` and ``off`` are
booleans, ``010`` is octal, ``1_000`` a number...), copied in :mod:`._scalars` so that
reading a file imports no PyYAML; a date or another rare scalar makes it decline. So a
scalar means what it meant before.
"""

from __future__ import annotations

import re
from typing import Any

from .._lazy import lazy_pattern
from . import _scalars
from ._source import _EXPONENT_FLOAT, Located

__all__ = ["read"]


# the whole text: anything but LF and the printable characters YAML allows, less those a
# reader could take for a line break or a byte order mark, makes the reader decline
# (written as the characters it refuses: a class of the allowed ones up to U+10FFFF takes
# 3 ms to compile at every start; this one 0.4 ms, compiled for the first text that is not
# ASCII: in ASCII, these are the control characters, which str.isprintable() finds)
_UNUSUAL = lazy_pattern("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# every line: its indentation, a list entry's dash, a plain key (and the colon after it),
# the rest
_LINES = re.compile(r"^( *)(- +|-$)?(?:([A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}):(?: +|$))?(.*)$",
                    re.M)
# what may follow a scalar or a list in brackets on its line: spaces, then a comment
_AFTER = re.compile(r"(?: *| +#.*)\Z", re.S)
_SINGLE = re.compile(r"'([^']*(?:''[^']*)*)'(?!')")
# the end of a single-quoted scalar that began on an earlier line
_SINGLE_END = lazy_pattern(r"([^']*(?:''[^']*)*)'(?!')")  # (compiled on first use)
# a double-quoted scalar on one line, its only escapes \" and \\ (any other: declined)
_DOUBLE = lazy_pattern(r'"((?:[^"\\]|\\["\\])*)"')
_ESCAPED = lazy_pattern(r'\\(["\\])')
# a plain scalar inside brackets: no indicator, no comma, colon, '?', '#' or bracket in it
_FLOW_PLAIN = re.compile(r"(?:[^ ,\[\]{}#:?'\"&*!|>%@`\-]|-[^ ,\[\]{}#:?])[^ ,\[\]{}#:?]*"
                         r"(?: +[^ ,\[\]{}#:?]+)*")
_SPACES = re.compile(r" *")
# a key inside braces: a plain name, a colon and a space (a value follows)
_FLOW_KEY = re.compile(r"([A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}): +")
_SIMPLE_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
# characters a plain scalar may not start with (a '-' may, before anything but a space)
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_SIMPLE_INT_LIMIT = 4000  # digits: far below Python's int conversion limit


#: what short values read as, shared by every reading (values are immutable, lists of them
#: are only read): at most this many, each at most this long
_SHARED: dict[str, Any] = {}
_SHARED_SIZE = 4096
_SHARED_LENGTH = 48


class _Decline(Exception):
    """Not certain: the PyYAML path reads this text."""


class _Braced(dict):  # type: ignore[type-arg]
    """What a one-line mapping in braces reads as: its keys and (value, raw) or a list of them."""


def read(text: str, max_depth: int) -> Located | None:
    """The located tree of ``text``, exactly as the PyYAML path gives it, or ``None`` to decline."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return None
        text = text.replace("\r\n", "\n")
    if text.isascii():
        if not text.replace("\n", "").isprintable():  # a control character but LF
            return None
    elif _UNUSUAL.search(text) is not None:
        return None
    try:
        return _Reader(max_depth).document(text)
    except _Decline:
        return None
    except Exception:  # noqa: BLE001 - a scalar PyYAML cannot build, nesting too deep...:
        return None    # the PyYAML path reads the text and words what is wrong


def _fold(first: str, parts: list[str]) -> str:
    """A scalar written over several lines, as YAML folds it: ``first`` (its first line's text,
    without the spaces at its end), then the text of each further line (without the spaces
    around it) after a space, or after a line break for each blank line before it; the last
    line counts even when it is empty (a closing quote at its start)."""
    out = [first]
    blanks = 0
    last = len(parts) - 1
    for number, part in enumerate(parts):
        if not part and number != last:
            blanks += 1
            continue
        out.append("\n" * blanks if blanks else " ")
        out.append(part)
        blanks = 0
    return "".join(out)


def _single(rest: str, m: re.Match[str]) -> tuple[str, None]:
    """(value, raw) of the single-quoted scalar ``m`` matched at the start of ``rest``."""
    if m.end() != len(rest) and _AFTER.match(rest, m.end()) is None:
        raise _Decline
    return m.group(1).replace("''", "'"), None


def _double(m: re.Match[str]) -> str:
    """The text of the double-quoted scalar ``m`` matched (its escapes \\" and \\\\ undone)."""
    text = m.group(1)
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def _indented(line: str, column: int) -> bool:
    """Whether ``line`` is blank or indented more than ``column``."""
    stripped = line.lstrip(" ")
    return not stripped or len(line) - len(stripped) > column


def _quoted_lines(rest: str, raw: list[str], index: int, column: int) -> tuple[str, int]:
    """A single-quoted scalar that starts ``rest`` and ends on a later line: the same scalar
    on one line (its line breaks folded, its quotes still doubled) with what follows it on
    its last line, and how many more lines it takes. Every further line must be indented
    more than ``column``, the column of its key or dash."""
    parts: list[str] = []
    for number in range(index, len(raw)):
        line = raw[number]
        if not _indented(line, column):
            raise _Decline
        m = _SINGLE_END.match(line)
        if m is not None:
            parts.append(m.group(1).lstrip(" "))
            folded = _fold(rest[1:].rstrip(" "), parts)
            return "'" + folded + "'" + line[m.end():], len(parts)
        parts.append(line.strip(" "))
    raise _Decline


def _plain_lines(rest: str, raw: list[str], index: int, column: int) -> tuple[str, int]:
    """A plain scalar that may go on over the next lines (those indented more than
    ``column``): its text on one line, folded, and how many more lines it takes."""
    parts: list[str] = []
    taken = 0
    for number in range(index, len(raw)):
        line = raw[number]
        stripped = line.lstrip(" ")
        if not stripped:
            parts.append("")
            continue
        if len(line) - len(stripped) <= column:
            break
        # the scalar goes on: only plain text, nothing YAML could read otherwise
        stripped = stripped.rstrip(" ")
        if (stripped[0] in _INDICATORS or ": " in stripped or stripped.endswith(":")
                or " #" in stripped or " #" in rest):
            raise _Decline
        parts.append(stripped)
        taken = len(parts)
    if not taken:
        return rest, 0
    return _fold(rest.rstrip(" "), parts[:taken]), taken


class _Reader:
    """One reading: the content lines of the text, then the tree built from them."""

    __slots__ = ("cache", "lines", "max_depth", "raw", "text")

    def __init__(self, max_depth: int):
        self.max_depth = max_depth
        #: what the text after a key or a dash (or a plain scalar) reads as: (value, raw) for a
        #: scalar, a list of them for a list in brackets
        self.cache: dict[str, Any] = {}
        #: the content lines: (line number, indentation, is a list entry, key column code,
        #: key, rest), then an end line
        self.lines: list[tuple[int, int, bool, int, str, str]] = []
        self.text = ""
        self.raw: list[str] | None = None  # the text's lines, split when a scalar is wrapped

    def document(self, text: str) -> Located:
        lines = self.lines
        append = lines.append
        cache = self.cache
        self.text = text
        found = _LINES.findall(text)
        count = len(found)
        marker = False  # a '---' seen
        skip = 0  # the last line a quoted scalar took
        for number, (indent, dash, key, rest) in enumerate(found, 1):
            if number <= skip:
                continue
            if not dash and not key:
                if not rest or rest[0] == "#":
                    continue  # a blank or comment line
                if not indent and rest.startswith(("---", "...")):
                    if marker or lines or rest.rstrip(" ") != "---":
                        raise _Decline
                    marker = True
                    continue
            if rest:
                first = rest[0]
                if first == "#":
                    rest = ""  # only a comment after the key or dash
                elif first == "'" and number < count and rest not in cache:
                    # a quoted scalar may go on over the next lines (a plain one: see wrapped())
                    m = _SINGLE.match(rest)
                    if m is None:
                        column = len(indent) + len(dash) if key else len(indent)
                        rest, taken = _quoted_lines(rest, self.raw_lines(), number, column)
                        skip = number + taken
                    else:
                        cache[rest] = _single(rest, m)
            # the key's column, -2 - it after a dash, -1 for no key: one comparison tells a
            # mapping's next key from anything else
            if not key:
                append((number, len(indent), dash != "", -1, key, rest))
            elif dash:
                append((number, len(indent), True, -2 - len(indent) - len(dash), key, rest))
            else:
                append((number, len(indent), False, len(indent), key, rest))
        if not lines:
            raise _Decline
        append((count + 1, -1, False, -1, "", ""))  # the end: less indented than anything
        root, index = self.node(0, 0)
        if index != len(lines) - 1:
            raise _Decline
        return root

    def node(self, index: int, depth: int) -> tuple[Located, int]:
        """The block mapping or list that starts at content line ``index``."""
        _, indent, dash, column, _, _ = self.lines[index]
        if dash:
            return self.sequence(index, indent, depth)
        if column >= 0:
            return self.mapping(index, column, depth)
        raise _Decline

    def mapping(self, index: int, column: int, depth: int) -> tuple[Located, int]:
        """A block mapping whose keys start at ``column`` (its first key may follow a list
        entry's dash on the same line)."""
        if depth + 2 > self.max_depth:  # its values and the items of their lists in brackets
            raise _Decline
        lines = self.lines
        cache = self.cache
        items: dict[str, Located] = {}
        key_lines: dict[str, int | None] = {}
        first = lines[index][0]
        key_column = lines[index][3]  # the caller knows the first line holds a key
        while True:
            number, _, _, code, key, rest = lines[index]
            if code != key_column or key in items:
                raise _Decline
            key_column = column
            index += 1
            if rest:
                if lines[index][1] > column:  # indented more below: a wrapped plain scalar?
                    rest, index = self.wrapped(rest, number, index, column)
                known = cache.get(rest) or self.parsed(rest)
                if known.__class__ is tuple:
                    value = Located(known[0], number, known[1])
                elif known.__class__ is list:
                    value = Located([Located(v, number, r) for v, r in known], number)
                else:
                    value = self.braced(known, number, depth)
            else:
                following = lines[index][1]
                if following > column:
                    value, index = self.node(index, depth + 1)
                elif following == column and lines[index][2]:  # a list at the key's column
                    value, index = self.sequence(index, column, depth + 1)
                else:  # nothing: null, as PyYAML reads it
                    known = self.plain("")
                    value = Located(known[0], number, known[1])
            items[key] = value
            key_lines[key] = number
            following = lines[index][1]
            if following < column:
                break
            if following > column:
                raise _Decline
        return Located(items, first, None, key_lines), index

    def sequence(self, index: int, indent: int, depth: int) -> tuple[Located, int]:
        """A block list whose dashes stand at column ``indent``."""
        if depth + 2 > self.max_depth:
            raise _Decline
        lines = self.lines
        values: list[Located] = []
        first = lines[index][0]
        while True:
            number, _, _, column, _, rest = lines[index]
            if column != -1:
                value, index = self.mapping(index, -2 - column, depth + 1)
            elif rest:
                index += 1
                if lines[index][1] > indent:  # indented more below: a wrapped plain scalar?
                    rest, index = self.wrapped(rest, number, index, indent)
                value = self.located(rest, number, depth)
            else:
                raise _Decline  # a dash alone on its line
            values.append(value)
            _, following, dash, _, _, _ = lines[index]
            if following < indent or (following == indent and not dash):
                break
            if following > indent:
                raise _Decline
        return Located(values, first), index

    def raw_lines(self) -> list[str]:
        """The lines of the text."""
        if self.raw is None:
            self.raw = self.text.split("\n")
        return self.raw

    def wrapped(self, rest: str, number: int, index: int, column: int) -> tuple[str, int]:
        """A plain scalar on line ``number`` that goes on over the next lines (those indented
        more than ``column``): its text folded, and the content line after it."""
        char = rest[0]
        if char in _INDICATORS and (char != "-" or rest[1:2] in ("", " ")):
            raise _Decline  # after a quoted scalar or a list in brackets: not for this reader
        rest, taken = _plain_lines(rest, self.raw_lines(), number, column)
        if not taken:
            raise _Decline
        last = number + taken
        lines = self.lines
        while lines[index][0] <= last:
            index += 1
        return rest, index

    def located(self, rest: str, number: int, depth: int) -> Located:
        """The value written after a dash on line ``number`` (of a list at ``depth``)."""
        known = self.cache.get(rest) or self.parsed(rest)
        if known.__class__ is tuple:
            return Located(known[0], number, known[1])
        if known.__class__ is list:
            return Located([Located(value, number, raw) for value, raw in known], number)
        return self.braced(known, number, depth)

    def braced(self, known: _Braced, number: int, depth: int) -> Located:
        """The mapping in braces ``known`` (see :meth:`mapping_in_braces`) on line ``number``,
        a value of a mapping or list at ``depth``."""
        if depth + 3 > self.max_depth:  # the mapping, its values, the items of their lists
            raise _Decline
        items = {}
        for key, item in known.items():
            if item.__class__ is tuple:
                items[key] = Located(item[0], number, item[1])
            else:
                items[key] = Located([Located(value, number, raw) for value, raw in item], number)
        return Located(items, number, None, dict.fromkeys(items, number))

    def parsed(self, rest: str) -> Any:
        """What :meth:`inline` reads ``rest`` as, kept for the next time (a short one for the
        next files too: ids, levels, relations repeat from file to file)."""
        if len(rest) > _SHARED_LENGTH:
            known = self.cache[rest] = self.inline(rest)
            return known
        known = _SHARED.get(rest)
        if known is None:
            known = self.inline(rest)
            if len(_SHARED) >= _SHARED_SIZE:
                _SHARED.clear()
            _SHARED[rest] = known
        self.cache[rest] = known
        return known

    def inline(self, rest: str) -> Any:
        """What the text after a key or a dash reads as: (value, raw) of a quoted or plain
        scalar, or a list of them for a list in brackets."""
        char = rest[0]
        if char == "'":
            m = _SINGLE.match(rest)
            if m is None:
                raise _Decline
            return _single(rest, m)
        if char == '"':
            m = _DOUBLE.match(rest)
            if m is None or _AFTER.match(rest, m.end()) is None:
                raise _Decline
            return _double(m), None
        if char == "[":
            return self.flow(rest)
        if char == "{":
            return self.mapping_in_braces(rest)
        if char in _INDICATORS and (char != "-" or rest[1:2] in ("", " ")):
            raise _Decline
        cut = rest.find(" #")
        value = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in value or value[-1] == ":":
            raise _Decline
        return self.plain(value)

    def flow(self, rest: str) -> list[tuple[Any, str | None]]:
        """A one-line list in brackets of plain or quoted scalars."""
        values, position = self.bracketed(rest, 0)
        if _AFTER.match(rest, position) is None:
            raise _Decline
        return values

    def bracketed(self, rest: str, position: int) -> tuple[list[tuple[Any, str | None]], int]:
        """The list in brackets that starts at ``position`` of ``rest``, and where it ends."""
        values: list[tuple[Any, str | None]] = []
        position = _SPACES.match(rest, position + 1).end()  # type: ignore[union-attr]
        if rest[position:position + 1] == "]":
            return values, position + 1
        while True:
            value, position = self.scalar_in_flow(rest, position)
            values.append(value)
            position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]
            char = rest[position:position + 1]
            position += 1
            if char == "]":
                return values, position
            if char != ",":
                raise _Decline
            position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]

    def scalar_in_flow(self, rest: str, position: int) -> tuple[tuple[Any, str | None], int]:
        """(value, raw) of the plain or quoted scalar at ``position`` inside brackets or
        braces, and where it ends."""
        char = rest[position:position + 1]
        if char == "'":
            m = _SINGLE.match(rest, position)
            if m is None:
                raise _Decline
            return (m.group(1).replace("''", "'"), None), m.end()
        if char == '"':
            m = _DOUBLE.match(rest, position)
            if m is None:
                raise _Decline
            return (_double(m), None), m.end()
        m = _FLOW_PLAIN.match(rest, position)
        if m is None:
            raise _Decline
        return self.plain(m.group()), m.end()

    def mapping_in_braces(self, rest: str) -> _Braced:
        """A one-line mapping in braces (``{id: M1, level: mission, parents: [V]}``): plain
        names, each with a plain or quoted scalar or a one-line list in brackets of them."""
        items = _Braced()
        position = _SPACES.match(rest, 1).end()  # type: ignore[union-attr]
        if rest[position:position + 1] == "}":
            position += 1
        else:
            while True:
                m = _FLOW_KEY.match(rest, position)
                if m is None or m.group(1) in items:
                    raise _Decline  # not a plain name, or a duplicate key (PyYAML words it)
                position = m.end()
                if rest[position:position + 1] == "[":
                    items[m.group(1)], position = self.bracketed(rest, position)
                else:
                    items[m.group(1)], position = self.scalar_in_flow(rest, position)
                position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]
                char = rest[position:position + 1]
                position += 1
                if char == "}":
                    break
                if char != ",":
                    raise _Decline
                position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]
        if _AFTER.match(rest, position) is None:
            raise _Decline
        return items

    def plain(self, value: str) -> tuple[Any, str | None]:
        """(value, raw) of a plain scalar, as ``_from_node`` makes them from PyYAML's node."""
        known = self.cache.get(value)
        if known is None:
            known = self.cache[value] = self.resolve(value)
        return known  # type: ignore[no-any-return]

    def resolve(self, value: str) -> tuple[Any, str | None]:
        """Resolve a plain scalar by PyYAML's implicit rules and build it as its safe
        constructor does (:mod:`._scalars`; a plain whole number directly: the same value)."""
        if value[:1] not in _scalars.IMPLICIT:  # a text (a number in exponent form starts
            return value, None                  # with one of the rules' characters)
        if len(value) < _SIMPLE_INT_LIMIT and _SIMPLE_INT.fullmatch(value):
            # the int rule takes it (the float rule wants a '.'): its value, without compiling
            # the rules' patterns in a process that reads only such numbers
            return int(value), value
        tag = _scalars.resolve(value)
        if tag == _scalars.STR:
            if _EXPONENT_FLOAT.fullmatch(value):
                return float(value), value
            return value, None
        if tag not in _scalars.CONSTRUCTED:  # a date, '<<', '=': for the PyYAML path
            raise _Decline
        return _scalars.construct(tag, value), value
