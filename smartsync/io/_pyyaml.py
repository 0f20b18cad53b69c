"""PyYAML, imported with its regular expressions compiled when first used.

PyYAML compiles about thirty regular expressions as its modules load, for its pure-Python
reader, scanner, resolver, constructor and emitter. Reading a region file with libyaml's
parser and smartsync's walk (:mod:`smartsync.io._yaml`) uses few of them, and the costliest,
the reader's class of printable characters (a range over most of Unicode), about 57 M
instructions to compile, none at all: importing PyYAML cost a command 99 M instructions,
31 M with the patterns compiled on first use (``benchmarks/bench_startup.py``).

While ``import yaml`` runs here, ``re.compile`` called from PyYAML's own modules returns a
:class:`LazyPattern`, which compiles the same pattern with the same flags when one of its
attributes (``match``, ``search``, ``pattern``...) is first read; any other caller gets
``re.compile`` itself. When PyYAML was already imported (by the program, or another module),
nothing changes.
"""

from __future__ import annotations

import re
import sys
from types import ModuleType
from typing import Any

__all__ = ["LazyPattern", "import_yaml"]


class LazyPattern:
    """A regular expression compiled (by ``re.compile``) when one of its attributes is first
    read; each attribute read is then kept on the instance, so that later reads do not come
    back here."""

    def __init__(self, compile: Any, pattern: Any, flags: int) -> None:
        self.__compile = compile
        self.__args = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_LazyPattern__"):  # not set yet (copy, pickle): not a pattern's
            raise AttributeError(name)
        value = getattr(self.__compile(*self.__args), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"LazyPattern({self.__args[0]!r}, {self.__args[1]!r})"


def import_yaml() -> ModuleType:
    """The ``yaml`` module, imported (when it is not yet) with the patterns its modules
    compile deferred to their first use."""
    module = sys.modules.get("yaml")
    if module is not None:
        return module
    real = re.compile

    def compile(pattern: Any, flags: int = 0) -> Any:  # noqa: A001 - re.compile's stand-in
        caller = sys._getframe(1).f_globals.get("__name__") or ""
        if caller.partition(".")[0] == "yaml" and isinstance(pattern, (str, bytes)):
            return LazyPattern(real, pattern, flags)
        return real(pattern, flags)

    re.compile = compile  # type: ignore[assignment]
    try:
        import yaml
    finally:
        if re.compile is compile:
            re.compile = real
    return yaml
