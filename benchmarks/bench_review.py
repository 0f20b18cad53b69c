"""Benchmark of a review action: ``python benchmarks/bench_review.py [--repeat N]``.

What a planner waits for after each click on the review page is one
``POST /api/matches``: the file read and edited in place, read back,
written, and the new state computed -- the classification, the advice
("what to change": the classifier run again on changed regions) and the
page's changing part rendered. For each bundled example (and a typical
region of ``smartsync.sample``: 60 programs per plan), in this process:

1. the baseline: one classification of the region (``Classifier.classify``);
2. one action (accept a suggestion, then put the file back), through
   :class:`smartsync.review.ReviewSession` with the page's HTML, as the server
   runs it;
3. "what to change" alone (:func:`smartsync.advice.to_reach` on the
   classification), to show what part of the action it is.

Each figure is the median of ``--repeat`` runs (default 5), reported as
milliseconds and as a ratio to the baseline; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import smartsync  # noqa: E402
from smartsync.advice import to_reach  # noqa: E402
from smartsync.engine import default_classifier  # noqa: E402
from smartsync.review import ReviewSession  # noqa: E402


def _median(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _with_suggestion(source: Path | smartsync.Region, folder: Path, name: str) -> Path:
    region = smartsync.load_region(source) if isinstance(source, Path) else source
    region = smartsync.with_suggestions(region, threshold=0.2, top=1)
    path = folder / name
    smartsync.dump_region(region, path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from smartsync.sample import typical_region

    folder = Path(tempfile.mkdtemp(prefix="smartsync-bench-review-"))
    try:
        files = [_with_suggestion(p, folder, p.name) for p in sorted((ROOT / "examples").glob("*.yaml"))]
        files.append(_with_suggestion(typical_region(1), folder, "typical.yaml"))
        classifier = default_classifier()
        print(f"load average {os.getloadavg()[0]:.2f}; medians of {args.repeat} runs")
        print(f"{'region':24} {'classify':>10} {'action':>10} {'ratio':>7} {'to_reach':>10} {'ratio':>7}")
        for path in files:
            region = smartsync.load_region(path)
            suggested = next((m for m in region.matches if m.source is smartsync.Source.SUGGESTED), None)
            if suggested is None:
                continue
            original = path.read_bytes()
            session = ReviewSession(path, classifier=classifier)
            action = {"action": "accept", "masterplan": suggested.masterplan, "rpjmd": suggested.rpjmd}

            def act() -> None:
                session.apply(action, html=True)
                path.write_bytes(original)

            base = _median(lambda: classifier.classify(region), args.repeat)
            full = _median(act, args.repeat)
            result = classifier.classify(region)
            advice = _median(lambda: to_reach(result, classifier=classifier), args.repeat)
            print(f"{path.name:24} {base * 1e3:9.1f}ms {full * 1e3:9.1f}ms {full / base:6.1f}x"
                  f" {advice * 1e3:9.1f}ms {advice / base:6.1f}x")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
