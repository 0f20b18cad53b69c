"""Pause Python's cyclic garbage collector while a large structure is built.

Reading a region allocates many objects and frees few; each allocation burst
triggers a collection that walks every live object of the older generations,
so a region's load time grew faster than its size (measured: 5 / 35 / 238 ms
for 60 / 500 / 2000 programs with the collector running, proportional to the
size with it paused; see ``benchmarks/bench_engine.py``). Reference counting
still frees everything as usual; only cycles wait for the next collection.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from typing import Iterator

__all__ = ["paused_gc"]

_lock = threading.Lock()
_depth = 0


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Within the block (nested, in any thread), the cyclic collector does not run; it is
    enabled again when the last block ends, unless it was disabled before the first."""
    global _depth
    with _lock:
        if _depth == 0:
            _paused.enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _paused.enabled:
                gc.enable()


class _paused:  # noqa: N801 - a namespace
    enabled = True
