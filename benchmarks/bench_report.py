"""Benchmark of HTML reports: ``python benchmarks/bench_report.py [--quick]``.

Generates regions of growing size (``smartsync.sample.typical_region`` with
60, 120 and 240 programs per plan, about 1.5 matches per masterplan
element), deterministically, and measures on this machine, in this process:

1. the baseline: ``classify(region)`` -- what a report needs anyway;
2. ``render_html(region, classification)`` -- the page with the diagram,
   the trace and everything else -- as a ratio to the baseline;
3. ``alignment_diagram`` alone, as a ratio to the baseline;
4. the page's size in bytes, and per element of the region.

Each figure is the best of several rounds. Figures are reported, not
asserted. ``--quick`` measures fewer rounds and sizes.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartsync.engine import classify  # noqa: E402
from smartsync.render.diagram import alignment_diagram  # noqa: E402
from smartsync.render.html import render_html  # noqa: E402
from smartsync.sample import typical_region  # noqa: E402


def best(func: Callable[[], object], rounds: int) -> float:
    """The fastest of ``rounds`` runs, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds and sizes")
    args = parser.parse_args()
    rounds = 3 if args.quick else 7
    sizes = (60, 120) if args.quick else (60, 120, 240)
    print(f"{'programs':>8} {'elements':>8} {'matches':>7} {'classify':>10} "
          f"{'page':>10} {'ratio':>6} {'diagram':>10} {'ratio':>6} {'bytes':>9} {'B/elem':>7}")
    for programs in sizes:
        region = typical_region(seed=1, programs=programs)
        elements = len(region.rpjmd.elements) + len(region.masterplan.elements)
        classify(region)  # warm the engine once
        base = best(lambda region=region: classify(region), rounds)
        c = classify(region)
        page = render_html(region, c)
        render = best(lambda region=region, c=c: render_html(region, c), rounds)
        diagram = best(lambda region=region, c=c: alignment_diagram(region, c), rounds)
        size = len(page.encode("utf-8"))
        print(f"{programs:>8} {elements:>8} {len(region.matches):>7} {base * 1000:>8.1f}ms "
              f"{render * 1000:>8.1f}ms {render / base:>6.2f} {diagram * 1000:>8.1f}ms "
              f"{diagram / base:>6.2f} {size:>9,} {size / elements:>7.0f}")
    print("ratio: time over the baseline classify(region) of the same region, in this process")
    return 0


if __name__ == "__main__":
    sys.exit(main())
