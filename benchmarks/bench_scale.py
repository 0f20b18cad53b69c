"""Benchmark of huge regions: ``python benchmarks/bench_scale.py [--sizes 2000 5000 20000]``.

What a planner waits for when a region file is very large (issue 23: the advice
of plain ``classify`` scored every unsynchronized element against every RPJMD
element of its level: 2,000 programs 22.7 s, 20,000 elements MemoryError). For
generated regions of about 2,000, 5,000 and 20,000 elements (``smartsync.sample``'s
typical region with that many programs, only a tenth of its masterplan programs
matched: the hardest case for the advice, every type above unsynchronized to
reach and thousands of elements to propose), each size in a fresh process:

1. reading the file (:func:`smartsync.io.check_region_text`: every check run);
2. the baseline: one classification (``Classifier.classify``, what ``batch`` does);
3. ``classify``'s default output: the explanation with its advice
   (:func:`smartsync.explain.explain`) and its text;
4. ``report``'s page (:func:`smartsync.render.html.render_html` given that explanation);
5. one state of the review page (:meth:`smartsync.review.ReviewSession.state` with
   its HTML), as ``GET /api/state`` computes it.

Reported: seconds, the ratio to the baseline, how many proposed elements the advice
left without a candidate (``smartsync.advice.MAX_CANDIDATE_PAIRS``), and the process's
peak resident memory. Times drift with the machine's load; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def generate(elements: int, path: Path) -> int:
    """Write a region of about ``elements`` elements (both plans) to ``path``; its count."""
    import attrs

    from smartsync.io import dumps_region
    from smartsync.model import Level
    from smartsync.sample import typical_region

    region = typical_region(0, programs=max(1, (elements - 52) // 2))
    programs = {e.id for e in region.masterplan.elements if e.level is Level.PROGRAM}
    program_matches = [m for m in region.matches if m.masterplan in programs]
    kept = [m for m in region.matches if m.masterplan not in programs]
    region = attrs.evolve(region, matches=tuple(kept + program_matches[:len(program_matches) // 10]))
    path.write_text(dumps_region(region), encoding="utf-8")
    return len(region.masterplan.elements) + len(region.rpjmd.elements)


def measure(path: Path, pages: bool = True) -> dict:
    """The figures of one file, in this process."""
    import smartsync
    from smartsync.engine import default_classifier
    from smartsync.explain import explain
    from smartsync.io import check_region_text
    from smartsync.render import render
    from smartsync.render.html import render_html
    from smartsync.review import ReviewSession

    out: dict = {}
    raw = path.read_bytes()
    start = time.perf_counter()
    region = check_region_text(raw, name=str(path)).region
    out["read"] = time.perf_counter() - start
    classifier = default_classifier()
    classifier.classify(smartsync.sample.typical_region(0))  # the engine built and warm
    start = time.perf_counter()
    result = classifier.classify(region)
    out["classify"] = time.perf_counter() - start
    start = time.perf_counter()
    explained = explain(result)
    text = render(explained, "text")
    out["advice+text"] = time.perf_counter() - start
    out["report page"] = out["review state"] = float("nan")
    if pages:
        start = time.perf_counter()
        render_html(region, explained)
        out["report page"] = time.perf_counter() - start
        session = ReviewSession(path)
        start = time.perf_counter()
        session.state("en", html=True)
        out["review state"] = time.perf_counter() - start
    proposals = [p for t in explained.advice.to_reach.values() for p in t.proposal]
    out["proposed"] = len({p.masterplan for p in proposals})
    out["limited"] = len({p.masterplan for p in proposals if p.limited})
    out["said"] = "Candidates were not sought for" in text
    out["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["type"] = result.type_letter
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 5000, 20000],
                        help="elements per region (both plans together)")
    parser.add_argument("--no-pages", action="store_true",
                        help="skip the report page and the review state (classify only)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # a worker: one file
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.one, pages=not args.no_pages)))
        return
    from smartsync.advice import MAX_CANDIDATE_PAIRS

    print(f"advice's limit on compared pairs: {MAX_CANDIDATE_PAIRS:,}")
    print(f"{'elements':>8} {'MB file':>7} | {'read':>6} {'classify':>8} | {'advice+text':>11} "
          f"{'ratio':>6} {'r+c':>5} | {'report page':>11} {'review state':>12} | {'proposed':>8} "
          f"{'limited':>7} {'said':>4} | {'peak MB':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"region-{size}.yaml"
            count = generate(size, path)
            done = subprocess.run([sys.executable, __file__, "--one", str(path)]
                                  + (["--no-pages"] if args.no_pages else []),
                                  capture_output=True, text=True, check=False)
            if done.returncode != 0:
                print(f"{count:>8}: failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            f = json.loads(done.stdout)
            print(f"{count:>8} {path.stat().st_size / 1e6:>7.1f} | {f['read']:>5.1f}s "
                  f"{f['classify']:>7.2f}s | {f['advice+text']:>10.1f}s "
                  f"{f['advice+text'] / f['classify']:>5.0f}x "
                  f"{f['advice+text'] / (f['read'] + f['classify']):>4.1f}x | {f['report page']:>10.1f}s "
                  f"{f['review state']:>11.1f}s | {f['proposed']:>8} {f['limited']:>7} "
                  f"{'yes' if f['said'] else 'no':>4} | {f['peak MB']:>7.0f}")


if __name__ == "__main__":
    main()
