"""Benchmark of the engine: ``python benchmarks/bench_engine.py [--quick]``.

Reports, in one run on this machine:

1. typical regions (per plan 1 vision, 5 missions, 20 targets, 60 programs;
   about 1.5 matches per masterplan element): the engine's median time per
   region (rule firings recorded, trace built), beside the plain-Python
   reference implementation of the default rules kept in the tests
   (``tests/reference.py``), and their ratio; the facts in working memory
   (element-level: one fact per element and per match, some 300 input facts),
   and the time of each element-level variant (``relations-per-stage``,
   ``budgeted-programs``, ``cascading``) beside the reference with that
   variant's condition;
2. 514 typical regions (every kota and kabupaten) classified in one process:
   the total time;
3. how the time grows from 60 to 2000 programs per plan, with the growth
   exponent (1 is linear; a rule joining two large fact sets gives about 2);
4. peak memory (the process's maximum resident set size, and the largest
   Python allocation during the 514-region run from tracemalloc).

Figures are medians of repeated runs; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from smartsync import classify  # noqa: E402
from smartsync.sample import typical_region  # noqa: E402

try:
    import reference  # noqa: E402  (tests/reference.py)
except ImportError:  # pragma: no cover
    reference = None


def _median_ms(func, items, repeat: int = 1, clock=time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        for item in items:
            start = clock()
            func(item)
            times.append(clock() - start)
    return statistics.median(times) * 1000


def _cpu_ms(func, items, repeat: int = 1) -> float:
    """Median CPU time of this process per item: what other processes on a shared
    machine do weighs on it far less than on wall time."""
    return _median_ms(func, items, repeat, clock=time.process_time)


def _reference(region):
    return reference.reference_classify(region)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer regions, for a smoke run")
    args = parser.parse_args(argv)
    n_typical = 30 if args.quick else 100
    n_country = 100 if args.quick else 514

    regions = [typical_region(seed) for seed in range(n_typical)]
    classify(regions[0])  # build the engine once, outside the timings
    load = os.getloadavg()[0]
    print(f"load average at start: {load:.2f} (on {os.cpu_count()} CPUs; other work slows wall times)")
    engine_ms = _median_ms(classify, regions, repeat=3)
    engine_cpu = _cpu_ms(classify, regions, repeat=3)
    print(f"typical region ({n_typical} generated, median of 3 runs each)")
    print(f"  engine:    {engine_ms:8.2f} ms wall, {engine_cpu:6.2f} ms CPU per region "
          "(rule firings recorded, trace built)")
    if reference is not None:
        ref_ms = _median_ms(_reference, regions, repeat=3)
        ref_cpu = _cpu_ms(_reference, regions, repeat=3)
        print(f"  reference: {ref_ms:8.3f} ms wall, {ref_cpu:6.3f} ms CPU per region "
              "(plain Python, tests/reference.py)")
        print(f"  ratio:     {engine_ms / ref_ms:8.0f} x the plain-Python reference (wall), "
              f"{engine_cpu / ref_cpu:.0f} x (CPU)")
    matches = statistics.mean(len(r.matches) / len(r.masterplan.elements) for r in regions)
    print(f"  ({matches:.2f} matches per masterplan element on average)")
    traced = [classify(r).trace for r in regions[:10]]
    inputs = statistics.mean(sum(1 for f in t.facts.values() if f.input) for t in traced)
    total_facts = statistics.mean(len(t.facts) for t in traced)
    firings = statistics.mean(len(t) for t in traced)
    print(f"  element-level working memory: {inputs:.0f} input facts, {total_facts:.0f} facts "
          f"in all, {firings:.0f} rule firings per region (mean of 10)")
    from smartsync.variants import load_variant

    for name, options in (("relations-per-stage",
                           {"stage_relations": {"vision": ["adopted", "derived"],
                                                "mission": ["adopted", "derived"]}}),
                          ("budgeted-programs", {"budgeted": True}),
                          ("cascading", {"cascading": True})):
        variant = load_variant(name).classifier()
        variant.classify(regions[0])
        variant_ms = _median_ms(variant.classify, regions, repeat=1)
        variant_cpu = _cpu_ms(variant.classify, regions, repeat=1)
        line = (f"  variant {name:20s} {variant_ms:7.2f} ms wall, {variant_cpu:6.2f} ms CPU "
                "per region")
        if reference is not None:
            ref_cpu = _cpu_ms(lambda r: reference.reference_classify(r, **options), regions)
            line += f" (reference with its condition: {ref_cpu:.3f} ms CPU, " \
                    f"{variant_cpu / ref_cpu:.0f} x)"
        print(line)

    country = [typical_region(10_000 + seed) for seed in range(n_country)]
    start, cpu = time.perf_counter(), time.process_time()
    for region in country:
        classify(region)
    total, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"{n_country} typical regions in one process: {total:.2f} s wall, {cpu:.2f} s CPU "
          f"({total / n_country * 1000:.2f} ms wall per region)")
    for count in (n_country // 5, n_country):
        tracemalloc.start()
        for region in country[:count]:
            classify(region)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak Python allocation while classifying {count} regions: "
              f"{peak / 2**20:.2f} MiB (tracemalloc; flat = results are not kept)")

    sizes = (60, 125, 250, 500, 1000, 2000)
    print("growth with the number of programs per plan (median of 5 regions x 3 runs)")
    timings = {}
    for n in sizes:
        items = [typical_region(seed, programs=n) for seed in range(5)]
        timings[n] = _median_ms(classify, items, repeat=3)
        print(f"  {n:5d} programs: {timings[n]:8.2f} ms")
    exponent = math.log(timings[2000] / timings[60]) / math.log(2000 / 60)
    print(f"  growth exponent 60 -> 2000 programs: {exponent:.2f} (1 = linear, 2 = quadratic)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of the process: {rss:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
