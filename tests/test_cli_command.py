"""smartsync.cli.command: the ``smartsync`` command as a process (its console script and
``python -m smartsync``): the same as ``main()``, with Python's cyclic garbage collector
kept off the objects that live as long as the process."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from smartsync.cli import BOUNDED_COMMANDS, SUBCOMMANDS, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "type-c-target.yaml"

#: runs the command in a fresh process and prints, after it returned, the collector's state
_PROBE = """
import gc, sys
from smartsync import cli
seen = {}
import smartsync.cli.classify_cmd as classify_cmd, smartsync.cli.batch_cmd as batch_cmd
for module in (classify_cmd, batch_cmd):
    def wrap(original):
        def func(args):
            seen["during"] = gc.isenabled()
            seen["frozen"] = gc.get_freeze_count() > 0
            return original(args)
        return func
    module.run = wrap(module.run)
sys.argv = ["smartsync", *sys.argv[1:]]
code = cli.command()
print(code, seen.get("during"), seen.get("frozen"), gc.isenabled(), gc.get_freeze_count() > 0)
"""


def _probe(*args: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True,
                          text=True, check=True, cwd=ROOT)
    return done.stdout.split()[-5:]


def test_the_command_prints_and_exits_as_main_does(capsys):
    """``python -m smartsync classify FILE`` prints what ``main()`` prints and exits with its code."""
    done = subprocess.run([sys.executable, "-m", "smartsync", "classify", str(EXAMPLE)],
                          capture_output=True, text=True, cwd=ROOT)
    assert main(["classify", str(EXAMPLE)]) == done.returncode == 0
    assert done.stdout == capsys.readouterr().out
    assert "type C" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "smartsync", "classify", "no-such.yaml"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "no-such.yaml" in bad.stderr and "Traceback" not in bad.stderr


def test_a_bounded_command_runs_with_the_collector_paused_and_the_modules_frozen(tmp_path):
    """classify runs with the collector paused and what was loaded frozen; the collector is
    enabled again when the command returns, everything frozen for the process's end."""
    code, during, frozen, enabled_after, frozen_after = _probe("classify", str(EXAMPLE))
    assert (code, during, frozen, enabled_after, frozen_after) == \
        ("0", "False", "True", "True", "True")


def test_an_unbounded_command_runs_with_the_collector(tmp_path):
    """batch (many regions; the review server and document reading likewise) runs with the
    collector enabled, the modules loaded before it frozen."""
    out = tmp_path / "out.csv"
    code, during, frozen, _, _ = _probe("batch", "--no-progress", str(EXAMPLE), "--out", str(out))
    assert (code, during, frozen) == ("0", "True", "True")
    assert {"batch", "review", "draft"}.isdisjoint(BOUNDED_COMMANDS)
    assert BOUNDED_COMMANDS <= set(SUBCOMMANDS)


def test_main_leaves_the_collector_as_the_program_set_it(capsys):
    """A program calling main() keeps its collector: enabled, nothing frozen by smartsync."""
    before = gc.get_freeze_count()
    assert gc.isenabled()
    assert main(["classify", str(EXAMPLE)]) == 0
    assert gc.isenabled() and gc.get_freeze_count() == before
