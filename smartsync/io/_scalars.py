"""What a plain YAML scalar means as PyYAML's safe loader reads it, without importing PyYAML.

A plain scalar (no quotes, no tag) gets its type from YAML 1.1's implicit rules as PyYAML
registers them: ``yes`` and ``off`` are booleans, ``010`` is octal, ``1_000`` a whole
number, ``~`` is null, ``2001-12-14`` a date... and PyYAML's safe constructor builds its
value. Importing any part of PyYAML runs its package, which imports all of it (about 9 ms
at every start), so the fast reader of region files (:mod:`._fastyaml`) resolves and builds
scalars with this copy of the rules and of the constructors it needs (null, booleans,
numbers); a date, a merge key ``<<`` or a ``=`` makes it decline, and the PyYAML path
(:mod:`._pyyaml`, which resolves with the same table) reads the file.

``tests/test_io_scalars.py`` pins the table equal to PyYAML's and the values equal to those
PyYAML builds.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from .._lazy import lazy_pattern

__all__ = ["CONSTRUCTED", "IMPLICIT", "STR", "construct", "resolve"]

STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
BOOL = "tag:yaml.org,2002:bool"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"

# PyYAML's implicit resolvers (yaml/resolver.py), in the order it registers them: the tag,
# the pattern and its flags, the characters a scalar of the tag may start with
_RULES: tuple[tuple[str, str, int, str | list[str]], ...] = (
    (BOOL, r'''^(?:yes|Yes|YES|no|No|NO
                    |true|True|TRUE|false|False|FALSE
                    |on|On|ON|off|Off|OFF)$''', re.X, "yYnNtTfFoO"),
    (FLOAT, r'''^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
                    |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
                    |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
                    |[-+]?\.(?:inf|Inf|INF)
                    |\.(?:nan|NaN|NAN))$''', re.X, "-+0123456789."),
    (INT, r'''^(?:[-+]?0b[0-1_]+
                    |[-+]?0[0-7_]+
                    |[-+]?(?:0|[1-9][0-9_]*)
                    |[-+]?0x[0-9a-fA-F_]+
                    |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$''', re.X, "-+0123456789"),
    ("tag:yaml.org,2002:merge", r'^(?:<<)$', 0, "<"),
    (NULL, r'''^(?: ~
                    |null|Null|NULL
                    | )$''', re.X, ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:timestamp", r'''^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
                    |[0-9][0-9][0-9][0-9] -[0-9][0-9]? -[0-9][0-9]?
                     (?:[Tt]|[ \t]+)[0-9][0-9]?
                     :[0-9][0-9] :[0-9][0-9] (?:\.[0-9]*)?
                     (?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$''', re.X, "0123456789"),
    ("tag:yaml.org,2002:value", r'^(?:=)$', 0, "="),
    # PyYAML registers it "only for documentation purposes": a plain scalar cannot start so
    ("tag:yaml.org,2002:yaml", r'^(?:!|&|\*)$', 0, "!&*"),
)

#: the first character of a plain scalar -> the (tag, pattern) pairs to try, in order, as
#: ``yaml.SafeLoader.yaml_implicit_resolvers`` holds them (each pattern compiled on first use)
IMPLICIT: dict[str, list[tuple[str, Any]]] = {}
for _tag, _pattern, _flags, _first in _RULES:
    _compiled = lazy_pattern(_pattern, _flags)
    for _char in _first:
        IMPLICIT.setdefault(_char, []).append((_tag, _compiled))
del _tag, _pattern, _flags, _first, _compiled, _char


# what the rules of a scalar starting with a letter (only the bool and null rules do) take:
# their words, also before a line break at the end (their patterns end in '$')
_WORDS = {word + end: tag
          for tag, words in ((BOOL, "yes Yes YES no No NO true True TRUE false False FALSE "
                                    "on On ON off Off OFF"), (NULL, "null Null NULL"))
          for word in words.split() for end in ("", "\n")}
_LETTERS = frozenset("yYnNtTfFoO")
_DIGITS = frozenset("0123456789")
# digits with two dots or more, a program code (2.16.02): no rule takes it (each wants one
# dot at most, or a '-' or ':')
_DOTTED = lazy_pattern(r"[0-9]+(?:\.[0-9]+){2,}")


def resolve(value: str) -> str:
    """The tag PyYAML's safe loader gives the plain scalar ``value`` (a word or a program
    code without compiling the rules' patterns)."""
    first = value[:1]
    if first in _LETTERS:
        return _WORDS.get(value, STR)
    if first in _DIGITS and _DOTTED.fullmatch(value):
        return STR
    for tag, pattern in IMPLICIT.get(first, ()):
        if pattern.match(value):
            return tag
    return STR


# PyYAML's SafeConstructor (yaml/constructor.py), for the tags a region file's scalars have

_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}

_INF = 1e300
while _INF != _INF * _INF:
    _INF *= _INF
_NAN = -_INF / _INF  # as PyYAML makes it


def _null(value: str) -> None:
    return None


def _bool(value: str) -> bool:
    return _BOOLS[value.lower()]


def _base_60(digits: list[Any]) -> Any:
    """A sexagesimal number from its parts (``1:30`` is 90), summed in PyYAML's order."""
    total = 0
    base = 1
    for digit in reversed(digits):
        total += digit * base
        base *= 60
    return total


def _signed(value: str) -> tuple[int, str]:
    """A YAML number's sign and the number without it (PyYAML's constructors, both)."""
    if value[0] in "+-":
        return (-1 if value[0] == "-" else +1), value[1:]
    return +1, value


def _int(value: str) -> int:
    sign, value = _signed(value.replace("_", ""))
    if value == "0":
        return 0
    if value.startswith("0b"):
        return sign * int(value[2:], 2)
    if value.startswith("0x"):
        return sign * int(value[2:], 16)
    if value[0] == "0":
        return sign * int(value, 8)
    if ":" in value:
        return sign * _base_60([int(part) for part in value.split(":")])
    return sign * int(value)


def _float(value: str) -> float:
    sign, value = _signed(value.replace("_", "").lower())
    if value == ".inf":
        return sign * _INF
    if value == ".nan":
        return _NAN
    if ":" in value:
        return sign * _base_60([float(part) for part in value.split(":")])
    return sign * float(value)


_CONSTRUCTORS: dict[str, Callable[[str], Any]] = {NULL: _null, BOOL: _bool, INT: _int, FLOAT: _float}
#: the tags :func:`construct` builds (a date, '<<' or '=' is left to the PyYAML path)
CONSTRUCTED = frozenset(_CONSTRUCTORS)


def construct(tag: str, value: str) -> Any:
    """The value PyYAML's safe constructor builds for the plain scalar ``value`` of ``tag``,
    one of :data:`CONSTRUCTED` (null, a boolean, a whole or a decimal number). Raises what
    PyYAML's constructor raises for a value it cannot build (``ValueError``: a whole number
    too long to convert...)."""
    return _CONSTRUCTORS[tag](value)
