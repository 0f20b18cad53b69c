"""Benchmark of ``smartsync batch``: ``python benchmarks/bench_batch.py [--quick] [--input tables]``.

Generates typical regions (``smartsync.sample.typical_region``: per plan 1
vision, 5 missions, 20 targets, 60 programs; about 1.5 matches per
masterplan element), deterministically, and writes them into a temporary
folder as JSON region files (or, with ``--input tables``, as CSV tables).
Then, on this machine:

1. the baseline, in this process: the time to just load the regions
   (``load_region`` for each file, or ``load_tables``), per region;
2. ``smartsync batch`` over all of them (default 514, every kota and
   kabupaten) with ``--jobs 1`` and ``--jobs 2``, each in a fresh process:
   wall time, its ratio to the baseline, and the speedup of two processes;
3. peak memory: the largest resident set of any process of the batch (the
   command or one of its workers; ``getrusage`` of a wrapper's children),
   for 100 regions and for all of them, with each ``--jobs``: it should not
   grow with the number of regions.

The full batch runs ``--repeat`` times (default 3) with each ``--jobs``,
interleaved, and the medians are reported, with the machine's load average:
other work on the machine slows every figure. With ``--jobs 2`` it also
reports the CPU time of each process (from ``/proc``): when other sessions
keep the CPUs busy, Linux shares them between sessions (autogroup), so a
batch gets no more than its share whatever ``--jobs`` is; on an idle machine
the busiest process bounds the speedup. Figures are reported, not asserted.
``--quick`` runs 40 and 120 regions.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartsync.io import dump_region, load_region  # noqa: E402
from smartsync.sample import sample_regions  # noqa: E402
from smartsync.tabular import dump_tables, load_tables  # noqa: E402

# runs one command; reports its wall time, the largest process's peak RSS (KiB on Linux), the
# CPU time of all its processes, and (from /proc, Linux) the CPU time of each process
_WRAPPER = r"""
import json, os, resource, subprocess, sys, time
TICK = os.sysconf("SC_CLK_TCK")

def cpu_of(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, IndexError, ValueError):
        return None

def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []

start = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
per_process = {}
while proc.poll() is None:
    for pid in [proc.pid] + children(proc.pid):
        cpu = cpu_of(pid)
        if cpu is not None:
            per_process[pid] = cpu
    time.sleep(0.05)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
main = per_process.pop(proc.pid, None)
print(json.dumps({"wall": wall, "peak_kib": usage.ru_maxrss, "code": proc.returncode,
                  "cpu": usage.ru_utime + usage.ru_stime, "main_cpu": main,
                  "worker_cpu": sorted(per_process.values(), reverse=True)}))
"""


def write_inputs(count: int, folder: Path, kind: str) -> Path:
    """``count`` typical regions written as region files or tables; returns the batch input."""
    regions = sample_regions(count)
    if kind == "tables":
        return dump_tables(regions, folder / f"tables-{count}")
    target = folder / f"files-{count}"
    target.mkdir()
    for region in regions:
        dump_region(region, target / f"{region.id}.json")
    return target


def baseline(path: Path, kind: str) -> float:
    """Seconds to just load every region of the input in this process."""
    start = time.perf_counter()
    if kind == "tables":
        load_tables(path)
    else:
        for file in sorted(path.iterdir()):
            load_region(file)
    return time.perf_counter() - start


def run_batch(path: Path, out: Path, jobs: int) -> dict:
    """One ``smartsync batch`` in a fresh wrapper process: wall time and peak memory."""
    command = [sys.executable, "-m", "smartsync", "batch", str(path), "--out", str(out),
               "--jobs", str(jobs), "--no-progress"]
    done = subprocess.run([sys.executable, "-c", _WRAPPER, *command], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    if result["code"] != 0:
        raise SystemExit(f"batch failed with exit code {result['code']}: {' '.join(command)}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="40 and 120 regions")
    parser.add_argument("--regions", type=int, default=514, help="the full batch (default 514)")
    parser.add_argument("--small", type=int, default=100, help="the small batch (default 100)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the full batch with each --jobs, interleaved (default 3)")
    parser.add_argument("--input", choices=("files", "tables"), default="files",
                        help="JSON region files (default) or CSV tables")
    args = parser.parse_args()
    small, full = (40, 120) if args.quick else (args.small, args.regions)
    print(f"smartsync batch benchmark: {full} typical regions as {args.input}, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, load average "
          f"{os.getloadavg()[0]:.1f} (other work on the machine slows every figure)")
    with tempfile.TemporaryDirectory(prefix="smartsync-bench-") as temp:
        folder = Path(temp)
        start = time.perf_counter()
        inputs = {n: write_inputs(n, folder, args.input) for n in (small, full)}
        print(f"generated and wrote {small} + {full} regions in {time.perf_counter() - start:.1f} s")

        base = baseline(inputs[full], args.input)
        print(f"\nbaseline (this process): loading {full} regions takes {base:.2f} s "
              f"({1000 * base / full:.1f} ms per region)")

        results: dict[tuple[int, int], dict] = {}
        for n in (small, full):
            for jobs in (1, 2):
                results[n, jobs] = run_batch(inputs[n], folder / f"out-{n}-{jobs}.csv", jobs)
        # the full batch again, --jobs 1 and 2 interleaved, so that a change in the load of
        # the machine touches both alike; the median of the runs is reported
        walls: dict[int, list[float]] = {1: [results[full, 1]["wall"]], 2: [results[full, 2]["wall"]]}
        cpus: dict[int, list[float]] = {1: [results[full, 1]["cpu"]], 2: [results[full, 2]["cpu"]]}
        for _ in range(args.repeat - 1):
            for jobs in (1, 2):
                again = run_batch(inputs[full], folder / f"again-{jobs}.csv", jobs)
                walls[jobs].append(again["wall"])
                cpus[jobs].append(again["cpu"])
        same = (folder / f"out-{full}-1.csv").read_bytes() == (folder / f"out-{full}-2.csv").read_bytes()

        one, two = statistics.median(walls[1]), statistics.median(walls[2])
        print(f"\nsmartsync batch, {full} regions (median of {args.repeat} runs, wall time, "
              "process start included; CPU time of all its processes):")
        for jobs, wall in ((1, one), (2, two)):
            cpu = statistics.median(cpus[jobs])
            print(f"  --jobs {jobs}  {wall:7.2f} s  {1000 * wall / full:6.1f} ms/region  "
                  f"{wall / base:5.2f} x the baseline   CPU {cpu:7.2f} s")
        print(f"  speedup of --jobs 2 over --jobs 1: {one / two:.2f} (runs: --jobs 1 "
              f"{', '.join(f'{w:.1f}' for w in walls[1])} s; --jobs 2 "
              f"{', '.join(f'{w:.1f}' for w in walls[2])} s)")
        print(f"  outputs of --jobs 1 and --jobs 2 identical: {same}")
        split = results[full, 2]
        if split.get("main_cpu") is not None and split.get("worker_cpu"):
            busiest = max([split["main_cpu"], *split["worker_cpu"]])
            print(f"  --jobs 2, CPU time per process: the command {split['main_cpu']:.1f} s, "
                  f"workers {', '.join(f'{c:.1f}' for c in split['worker_cpu'])} s; on an idle "
                  f"machine the busiest process bounds the wall time, a speedup of at most "
                  f"{statistics.median(cpus[1]) / busiest:.2f}")
        print(f"  load average after the runs: {os.getloadavg()[0]:.1f}")

        print("\npeak memory (largest process of the batch, MiB):")
        print(f"  {'regions':>8}  {'--jobs 1':>9}  {'--jobs 2':>9}")
        for n in (small, full):
            cells = "  ".join(f"{results[n, j]['peak_kib'] / 1024:9.1f}" for j in (1, 2))
            print(f"  {n:>8}  {cells}")
        growth = {j: results[full, j]["peak_kib"] / results[small, j]["peak_kib"] for j in (1, 2)}
        print(f"  ratio {full} / {small} regions: --jobs 1 {growth[1]:.2f}, --jobs 2 {growth[2]:.2f}")


if __name__ == "__main__":
    main()
