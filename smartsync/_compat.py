"""Import experta on Python 3.10+ without letting it touch the host program.

Two things stand between ``import experta`` and a well-behaved library:

1. experta 1.9.4 (its last release) pins ``frozendict==1.2``. That release
   subclasses ``collections.Mapping``, an alias Python 3.10 removed, so a
   plain ``pip install experta`` gives a package that cannot be imported.
   experta's own code already uses ``collections.abc``; only frozendict 1.2
   needs the old alias. We lend it ``collections.Mapping`` for the duration of
   the import and take it away again, so nothing else sees the alias. With
   frozendict 2.x installed (the other supported dependency set) the alias is
   not needed and this step does nothing.

2. Importing experta calls ``logging.basicConfig()`` (in ``experta.engine``
   and ``experta.watchers``), which would install a handler on the *host
   program's* root logger. We record the root logger's handlers and level
   before the import and restore them after it.

Every smartsync module imports experta through this module, never directly.
"""

from __future__ import annotations

import collections
import collections.abc
import logging
import sys


def _import_experta():  # type: ignore[no-untyped-def]
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    lent = []
    for name in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Hashable"):
        if not hasattr(collections, name):
            setattr(collections, name, getattr(collections.abc, name))
            lent.append(name)
    try:
        import experta
        # experta/__init__.py swallows ImportError: check the names we need
        # so that a broken dependency fails here, with its cause, and not
        # later as a NameError.
        from experta.engine import KnowledgeEngine  # noqa: F401
        from experta.fact import Fact  # noqa: F401
        import frozendict  # noqa: F401
    finally:
        for name in lent:
            delattr(collections, name)
        root.handlers[:] = handlers
        root.setLevel(level)
    # experta's watchers log at DEBUG through their own loggers; keep them
    # quiet unless the host program asks for them.
    for name in ("experta", "experta.watchers"):
        logging.getLogger(name).addHandler(logging.NullHandler())
    return experta


experta = _import_experta()

__all__ = ["experta"]

if sys.version_info < (3, 10):  # pragma: no cover
    raise ImportError("smartsync needs Python 3.10 or later")
