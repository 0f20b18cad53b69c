"""Benchmark of region file reading and writing: ``python benchmarks/bench_io.py [--quick]``.

Reports, in one run on this machine, for generated regions of typical size
(60 programs per plan) and larger (up to 2000 programs per plan):

1. reading YAML with :func:`smartsync.read_region` (nodes composed with the C
   loader, walked with line numbers, every check run, the region built)
   against the baseline ``yaml.load(text, Loader=CSafeLoader)`` (parsing to
   plain Python data, no checks, no region), and their ratio;
2. reading JSON with :func:`smartsync.read_region` against ``json.loads``;
3. writing with :func:`smartsync.io.dumps_region` (YAML and JSON);
4. how long refusing a billion-laughs document takes.

Figures are medians of repeated runs; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smartsync import read_region
from smartsync.io import check_region_text, dumps_region
from smartsync.sample import typical_region

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _median_ms(func, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _bomb() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghij":
        lines.append(f"{name}: &{name} [" + ", ".join(["*" + prev] * 9) + "]")
        prev = name
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer sizes and repeats")
    args = parser.parse_args()
    repeat = 3 if args.quick else 7
    sizes = (60, 500) if args.quick else (60, 500, 2000)

    print(f"PyYAML {yaml.__version__}, C loader: {_LOADER is not yaml.SafeLoader}")
    print(f"{'programs':>8} {'elements':>8} {'KB yaml':>8} | {'read yaml':>10} {'baseline':>9} {'ratio':>6} | "
          f"{'read json':>10} {'baseline':>9} {'ratio':>6} | {'dump yaml':>10} {'dump json':>10}")
    for programs in sizes:
        region = typical_region(0, programs=programs)
        elements = len(region.rpjmd.elements) + len(region.masterplan.elements)
        text_yaml = dumps_region(region)
        text_json = dumps_region(region, format="json")
        assert read_region(text_yaml) == region and read_region(text_json, format="json") == region
        ours_yaml = _median_ms(lambda t=text_yaml: read_region(t), repeat)
        base_yaml = _median_ms(lambda t=text_yaml: yaml.load(t, Loader=_LOADER), repeat)
        ours_json = _median_ms(lambda t=text_json: read_region(t, format="json"), repeat)
        base_json = _median_ms(lambda t=text_json: json.loads(t), repeat)
        dump_yaml = _median_ms(lambda r=region: dumps_region(r), repeat)
        dump_json = _median_ms(lambda r=region: dumps_region(r, format="json"), repeat)
        print(f"{programs:>8} {elements:>8} {len(text_yaml) / 1024:>8.0f} | {ours_yaml:>8.1f}ms {base_yaml:>7.1f}ms "
              f"{ours_yaml / base_yaml:>5.2f}x | {ours_json:>8.1f}ms {base_json:>7.2f}ms "
              f"{ours_json / base_json:>5.1f}x | {dump_yaml:>8.1f}ms {dump_json:>8.1f}ms")

    bomb = _bomb()
    refused = _median_ms(lambda: check_region_text(bomb), repeat)
    report = check_region_text(bomb)
    print(f"billion laughs ({len(bomb)} bytes, ~10^9 nodes expanded): refused in {refused:.2f} ms "
          f"[{report.errors[0].code}]")


if __name__ == "__main__":
    main()
