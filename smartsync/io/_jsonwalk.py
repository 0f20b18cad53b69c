"""The JSON path of the region file reader: :func:`json.loads` first (for its error
messages), then a small position-tracking walk that gives each value its line.

Imported for a JSON file only: a command that reads YAML does not import ``json``.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import math
import re
from typing import Any

from .._lazy import lazy_pattern
from ._source import Located, SourceProblem, limit

__all__ = ["parse_json"]

_WS = lazy_pattern(r"[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
_CONSTANTS = {"true": True, "false": False, "null": None,
              "NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def parse_json(text: str) -> Located:
    """The located tree of a JSON document."""
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise _malformed(text, exc) from None
    except RecursionError:
        raise SourceProblem("malformed JSON: nested too deeply", code="too-deep",
                            values={"form": "json"}) from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise SourceProblem(f"malformed JSON: {exc}", code="malformed-json",
                            values={"detail": str(exc)}) from None
    return _JsonWalk(text).document()


#: json's words for what it expected, as the catalogs word them (``problem.json.<key>``)
_JSON_REASONS = {"Expecting property name enclosed in double quotes": "property_name",
                 "Expecting value": "value", "Expecting ',' delimiter": "comma",
                 "Expecting ':' delimiter": "colon", "Extra data": "extra_data",
                 "Unterminated string starting at": "unterminated_string",
                 "Invalid control character at": "control_character",
                 "Invalid \\escape": "escape"}


def _malformed(text: str, exc: json.JSONDecodeError) -> SourceProblem:
    """The problem of text json refused: json's reason as a key the catalogs word (json's
    own English words, as ``detail``, for a reason they do not know), with its column; a
    comma left before a closing ``}`` or ``]`` (hand-edited JSON's commonest slip) is named
    as such, at the comma's own line and column."""
    before = text[:exc.pos].rstrip()
    after = text[exc.pos:exc.pos + 1]
    if after == ",":  # Python 3.13 and later point at the comma itself ("Illegal trailing comma")
        before = text[:exc.pos + 1]
        after = text[exc.pos + 1:].lstrip()[:1]
    values: dict[str, Any] = {"column": exc.colno, "detail": f"{exc.msg} (column {exc.colno})"}
    line = exc.lineno
    if before.endswith(",") and after in ("}", "]"):
        comma = len(before) - 1
        line = text.count("\n", 0, comma) + 1
        values.update(form="trailing_comma", bracket=after,
                      column=comma - text.rfind("\n", 0, comma))
    elif exc.msg in _JSON_REASONS:
        values.update(form="reason", json=_JSON_REASONS[exc.msg])
    from ..errors import Problem
    from ..messages import problem_message

    message = problem_message(Problem("", code="malformed-json", values=values), "en")
    return SourceProblem(message, line=line, code="malformed-json", values=values)


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
                                line=line, code="too-deep",
                                values={"form": "levels", "depth": self.max_depth})
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
