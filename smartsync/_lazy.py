"""Regular expressions compiled on first use.

A module that compiles its patterns at import time makes every command that imports
it pay for them (a pattern is 0.1 to 3 ms to compile), used or not. ``lazy_pattern``
stands for ``re.compile(...)`` and compiles when the pattern is first used:

>>> from smartsync._lazy import lazy_pattern
>>> WORD = lazy_pattern(r"[a-z]+")
>>> WORD.findall("two words")
['two', 'words']
>>> WORD.pattern
'[a-z]+'
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["lazy_pattern", "LazyPattern"]


class LazyPattern:
    """A :class:`re.Pattern` compiled when one of its attributes is first read."""

    def __init__(self, pattern: str, flags: int = 0):
        self._source = (pattern, flags)

    def compiled(self) -> "re.Pattern[str]":
        """The compiled pattern."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = self.__dict__["_compiled"] = re.compile(*self._source)
        return found

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # the next read does not come here
        return value

    def __repr__(self) -> str:
        return f"lazy_pattern({self._source[0]!r})"


def lazy_pattern(pattern: str, flags: int = 0) -> Any:
    """``re.compile(pattern, flags)``, compiled on first use (typed as a pattern)."""
    return LazyPattern(pattern, flags)
