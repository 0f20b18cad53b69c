"""Start-up of the ``smartsync`` command: ``python benchmarks/bench_startup.py [--runs N]``.

What one ``smartsync classify FILE`` of a typical type B region spends before and around
its classification, step by step, each step counted in a fresh process of this Python
(bytecode cached, as an installed command runs):

1. a bare interpreter's start (``python -c pass``, its site imports included: the measure
   of "about the time Python takes to start");
2. the command's modules imported and its arguments parsed;
3. the classifier built (the rule packs imported, the network of the fast matcher);
4. the region file read (PyYAML imported, the file composed and walked, the region built);
5. the region classified;
6. the text report (the explanation, what to change and the stability: the advice);
7. the whole command (``smartsync.cli.command``), with its code cache
   (:mod:`smartsync._codecache`) filled by earlier runs, and without it;
   ``smartsync --version``;

and the import costs of the libraries it loads (attrs, experta, PyYAML, argparse), each
imported alone after a bare start. Each figure is the difference between two processes
that stop one step apart.

With valgrind (callgrind) installed, the figures are instruction counts (the same on a
busy machine); without it, CPU times of the processes (medians of ``--runs``), with every
figure also given as a ratio to the bare interpreter's start measured in the same run.

The targets of issue 22: ``smartsync classify FILE`` on a typical type B region <= 350 M
instructions and <= 8x a bare interpreter's start. Figures are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

#: the steps of one ``classify``, as the command runs them (smartsync/cli/classify_cmd.py);
#: ``STEP`` stops after that many
_STEPS = """
import sys
step = int(sys.argv[1])
path = sys.argv[2]
import gc
gc.disable()  # as smartsync.cli.command does
if step >= 1:
    from smartsync import cli
    from smartsync import _codecache
    _codecache.enable()
    args = cli.build_parser(only="classify").parse_args(["classify", path])
if step >= 2:
    from smartsync.cli._common import engine_from
    classifier, params = engine_from(args, "classify")
if step >= 3:
    from smartsync.io import check_region_file
    region = check_region_file(path).region
if step >= 4:
    result = classifier.classify(region)
if step >= 5:
    from smartsync.explain import explain
    from smartsync.render import render
    text = render(explain(result), "text", lang="en")
"""

#: smartsync.io._pyyaml's import_yaml() alone (not the smartsync.io package)
_PYYAML_ALONE = ("import importlib.util as u\n"
                 f"spec = u.spec_from_file_location('p', {str(ROOT / 'smartsync/io/_pyyaml.py')!r})\n"
                 "module = u.module_from_spec(spec); spec.loader.exec_module(module)\n"
                 "module.import_yaml()")

_NAMES = ["a bare interpreter's start (python -c pass)",
          "imports and the arguments parsed",
          "the classifier built (rule packs, the matcher's network)",
          "the region file read (PyYAML imported, composed, walked, the region built)",
          "the region classified",
          "the text report (explanation, what to change, stability)"]


def _environment(cache: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SMARTSYNC_CACHE_DIR"] = cache or ""
    return env


class _Counter:
    """Instructions (callgrind) or CPU seconds of a process."""

    def __init__(self, runs: int, out: Path):
        self.callgrind = shutil.which("valgrind") is not None
        self.runs = runs
        self.out = out
        self.unit = "M instructions" if self.callgrind else "ms CPU"

    def __call__(self, args: list[str], env: dict[str, str]) -> float:
        subprocess.run(args, env=env, capture_output=True, check=True, cwd=ROOT)  # warm-up
        if self.callgrind:
            done = subprocess.run(["valgrind", "--tool=callgrind",
                                   f"--callgrind-out-file={self.out}", *args],
                                  env=env, capture_output=True, text=True, check=True, cwd=ROOT)
            found = re.search(r"Collected : (\d+)", done.stderr)
            return int(found.group(1)) / 1e6 if found else float("nan")
        times = []
        for _ in range(self.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(args, env=env, capture_output=True, check=True, cwd=ROOT)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            times.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                         * 1000)
        return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7,
                        help="runs per figure without valgrind (medians; default 7)")
    parser.add_argument("--cpu", action="store_true",
                        help="CPU times even where valgrind is installed")
    args = parser.parse_args(argv)
    from smartsync.io import dump_region
    from smartsync.sample import typical_region

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as folder:
        where = Path(folder)
        path = where / "region.yaml"
        dump_region(typical_region(7), path)
        cache = str(where / "cache")
        count = _Counter(args.runs, where / "callgrind.out")
        if args.cpu:
            count.callgrind, count.unit = False, "ms CPU"
        python = sys.executable
        with_cache, without = _environment(cache), _environment(None)
        for _ in range(8):  # fill the code cache (attrs' hash integers: a few variants)
            subprocess.run([python, "-m", "smartsync", "classify", str(path)], env=with_cache,
                           capture_output=True, cwd=ROOT)
        print(f"smartsync start-up, {count.unit} ({'callgrind' if count.callgrind else 'CPU'}; "
              f"{python}; a typical type B region of {path.stat().st_size:,} bytes)")
        totals = [count([python, "-c", "pass"], with_cache)]
        for step in range(1, 6):
            totals.append(count([python, "-c", _STEPS, str(step), str(path)], with_cache))
        bare = totals[0]
        print(f"  {_NAMES[0]}: {bare:.1f}")
        for step in range(1, 6):
            spent = totals[step] - totals[step - 1]
            print(f"  {_NAMES[step]}: {spent:.1f} ({spent / bare:.2f}x the bare start)")
        whole = count([python, "-m", "smartsync", "classify", str(path)], with_cache)
        uncached = count([python, "-m", "smartsync", "classify", str(path)], without)
        version = count([python, "-m", "smartsync", "--version"], with_cache)
        print(f"  `smartsync classify FILE`, the whole process: {whole:.1f} ({whole / bare:.1f}x "
              f"the bare start); without the code cache {uncached:.1f} ({uncached / bare:.1f}x)")
        print(f"  `smartsync --version`: {version:.1f} ({version / bare:.1f}x)")
        print("  libraries, each imported alone after a bare start:")
        for shown, code in (
                ("attrs", "import attrs"),
                ("experta (through smartsync._compat)", "import smartsync._compat"),
                ("PyYAML", "import yaml"),
                ("PyYAML as smartsync imports it (smartsync.io._pyyaml: its patterns "
                 "compiled on first use)", _PYYAML_ALONE),
                ("argparse", "import argparse")):
            spent = count([python, "-c", code], with_cache) - bare
            print(f"    {shown}: {spent:.1f}")
        if count.callgrind:
            print(f"  target: <= 350 M instructions: {'met' if whole <= 350 else 'NOT met'}")
        print(f"  target: <= 8x a bare interpreter's start: "
              f"{'met' if whole / bare <= 8 else 'NOT met'} ({whole / bare:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
