"""Rule pack modules a user could bring that misbehave, written into a folder by
:func:`write_pack` for the regression tests of rule packs (loops, errors, sys.exit...).

Each module gets a name of its own per test (a module imported once stays imported)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

_COUNT = itertools.count()

#: the source of each kind of pack; ``{name}`` is the module's name
SOURCES = {
    "loops": '''
from experta import Fact, MATCH, Rule
from smartsync.facts import StageCoverage

class Counter(Fact):
    """A number that only grows."""

class LoopPack:
    @Rule(StageCoverage(stage="program"))
    def start_counting(self):
        """Starts the count."""
        self.declare(Counter(n=0))

    @Rule(Counter(n=MATCH.n))
    def count_up(self, n):
        """Concludes the next number: never ends."""
        self.declare(Counter(n=n + 1))
''',
    "raises": '''
from experta import Rule
from smartsync.facts import StageCoverage

class RaisingPack:
    @Rule(StageCoverage(stage="program"))
    def divide_by_nothing(self):
        """Divides by zero."""
        return 1 / 0
''',
    "raises_on_some": '''
from experta import MATCH, Rule
from smartsync.facts import StageCoverage

class SometimesPack:
    @Rule(StageCoverage(stage="program", total=MATCH.total))
    def fails_on_some_totals(self, total):
        """Fails on a region whose masterplan's programs number a multiple of three."""
        if total % 3 == 0:
            raise ValueError(f"a total of {total}")
''',
    "recurses": '''
from experta import Rule
from smartsync.facts import StageCoverage

def deeper(n):
    return deeper(n + 1) + 1

class RecursingPack:
    @Rule(StageCoverage(stage="program"))
    def recurse_forever(self):
        """Recurses without end."""
        deeper(0)
''',
    "condition_raises": '''
from experta import MATCH, Rule, TEST
from smartsync.facts import StageCoverage

class BadConditionPack:
    @Rule(StageCoverage(stage="program", total=MATCH.total), TEST(lambda total: total / 0))
    def never_reached(self):
        """Its condition divides by zero."""
''',
    "exits_in_rule": '''
import sys
from experta import Rule
from smartsync.facts import StageCoverage

class ExitingPack:
    @Rule(StageCoverage(stage="program"))
    def leave(self):
        """Calls sys.exit."""
        sys.exit(7)
''',
    "exits_on_import": "import sys\nsys.exit(7)\n",
    "raises_on_import": "raise RuntimeError('cannot start: no database')\n",
    "syntax_error": "def broken(:\n    pass\n",
}


def write_pack(folder: Path, kind: str) -> str:
    """Write the pack of this kind into ``folder`` under a fresh module name; its name."""
    name = f"hostile_{kind}_{next(_COUNT)}_{id(folder) % 10_000}"
    (folder / f"{name}.py").write_text(SOURCES[kind], encoding="utf-8")
    return name


def forget(name: str) -> None:
    """Take the module out of ``sys.modules`` (a test's folder is gone after it)."""
    sys.modules.pop(name, None)
