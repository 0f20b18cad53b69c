"""Benchmark of ``smartsync study``: ``python benchmarks/bench_study.py [--quick] [--regions N]``.

Generates typical regions (:func:`smartsync.sample.typical_region`: per plan 1 vision, 5
missions, 20 targets, 60 programs, about 1.5 matches per masterplan element; the same
corpus as ``bench_engine.py``'s country section), deterministically, written as region
files into a temporary folder. Four rule sets: ``default``, ``relations-per-stage``,
``cascading``, ``budgeted-programs``, over the whole threshold range. Then, on this machine:

1. in this process, the baseline: each region loaded and classified once with the default
   rules (what ``batch`` does); then the study of the same files in this process
   (``jobs=1``), its regions streamed and let go of: CPU time and wall time, the ratio of
   the study's CPU time to the baseline's, and how many classifications the study ran per
   region and rule set (one per interval between the coverages the rules concluded);
2. ``smartsync study --out FILE.csv`` as a command, in a process of its own, for a fifth of
   the regions and for all of them with ``--jobs 1`` (peak memory of the largest process:
   it should not grow with the number of regions), and for all of them with ``--jobs 2``
   (wall time, CPU time of all processes, peak memory).

Figures are reported, not asserted. The machine may be shared: CPU times and ratios are
the figures to compare; the load average is printed with them. The issue's target: 514
regions x 4 rule sets in at most 60 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartsync.io import dump_region, load_region  # noqa: E402
from smartsync.sample import typical_region  # noqa: E402

RULE_SETS = "default,relations-per-stage,cascading,budgeted-programs"

_WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "wall": time.perf_counter() - start,
                  "cpu": usage.ru_utime + usage.ru_stime, "rss_kib": usage.ru_maxrss}))
"""


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:  # pragma: no cover
        return "?"


def _command(files: list[Path], out: Path, jobs: int) -> dict:
    argv = [sys.executable, "-c", _WRAPPER, sys.executable, "-m", "smartsync", "study",
            *map(str, files), "--rules", RULE_SETS, "--out", str(out), "--jobs", str(jobs),
            "--no-progress"]
    done = subprocess.run(argv, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 regions instead of 514")
    parser.add_argument("--regions", type=int, default=None, help="how many regions")
    args = parser.parse_args()
    count = args.regions or (100 if args.quick else 514)

    from smartsync.engine import default_classifier
    from smartsync.study import iter_study

    with tempfile.TemporaryDirectory(prefix="smartsync-bench-study-") as tmp:
        folder = Path(tmp)
        files = []
        for seed in range(count):
            path = folder / f"region-{seed:04d}.json"
            dump_region(typical_region(10_000 + seed), path)
            files.append(path)
        print(f"{count} typical regions x 4 rule sets ({RULE_SETS}), whole threshold range; "
              f"load average {_load()}")

        classifier = default_classifier()
        classifier.classify(load_region(files[0]))
        wall, cpu = time.perf_counter(), time.process_time()
        for path in files:
            classifier.classify(load_region(path))
        base_wall, base_cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"1. baseline, this process: load + classify once (default rules): "
              f"{base_cpu:.2f} s CPU, {base_wall:.2f} s wall "
              f"({base_cpu / count * 1000:.2f} ms CPU per region)")

        wall, cpu = time.perf_counter(), time.process_time()
        info, items = iter_study(files, rule_sets=RULE_SETS, jobs=1)
        runs = intervals = studied = 0
        for region in items:
            if region.ok:
                studied += 1
                runs += sum(c.runs for c in region.curves.values())
                intervals += sum(len(c.segments) for c in region.curves.values())
        study_wall, study_cpu = time.perf_counter() - wall, time.process_time() - cpu
        per = count * len(info["rule_sets"])
        print(f"   study, this process (jobs=1): {study_cpu:.2f} s CPU, {study_wall:.2f} s wall; "
              f"{study_cpu / base_cpu:.1f}x the baseline's CPU; {runs / per:.2f} classifications "
              f"per region and rule set ({runs} in all, {intervals / per:.2f} segments each); "
              f"{studied}/{count} regions studied")
        print(f"   load average {_load()}")

        fifth = files[:max(1, count // 5)]
        small = _command(fifth, folder / "small.csv", 1)
        whole = _command(files, folder / "whole.csv", 1)
        print(f"2. smartsync study --out FILE.csv, a process of its own, --jobs 1: "
              f"{len(fifth)} regions {small['cpu']:.2f} s CPU, peak {small['rss_kib'] / 1024:.1f} MiB; "
              f"{count} regions {whole['cpu']:.2f} s CPU, {whole['wall']:.2f} s wall, "
              f"peak {whole['rss_kib'] / 1024:.1f} MiB "
              f"(memory x{whole['rss_kib'] / small['rss_kib']:.2f} for x{count / len(fifth):.0f} regions)")
        two = _command(files, folder / "two.csv", 2)
        print(f"   --jobs 2, {count} regions: {two['wall']:.2f} s wall, {two['cpu']:.2f} s CPU "
              f"(all processes), peak {two['rss_kib'] / 1024:.1f} MiB (largest process); "
              f"wall {whole['wall'] / two['wall']:.2f}x faster than --jobs 1")
        print(f"   load average {_load()}")


if __name__ == "__main__":
    main()
