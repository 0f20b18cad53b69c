"""What-ifs per advice: ``python benchmarks/bench_advice_whatifs.py [--variants a,b]``.

For each bundled example under each variant (default: default, budgeted-programs,
cascading), the what-ifs (classifications on the live working memory,
``smartsync.whatif.COUNTS["what_ifs"]``) that :func:`smartsync.advice.to_reach` and
:func:`smartsync.advice.stability` ask, without the matcher's candidates, and their
total per variant. A count, not a time: it does not drift with the machine's load, and
it is what the advice's searches (the widest change, the proof of the fewest loss) cost.
Figures are reported, not asserted.
"""

from __future__ import annotations

import argparse
import pathlib

import smartsync
from smartsync import advice
from smartsync.variants import load_variant
from smartsync.whatif import COUNTS

EXAMPLES = pathlib.Path(__file__).resolve().parent.parent / "examples"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variants", default="default,budgeted-programs,cascading")
    args = parser.parse_args()
    for name in args.variants.split(","):
        classifier = load_variant(name).classifier()
        total = 0
        for path in sorted(EXAMPLES.glob("*.yaml")):
            result = classifier.classify(smartsync.load_region(path))
            before = COUNTS["what_ifs"]
            advice.to_reach(result, classifier=classifier, suggest=False)
            reach = COUNTS["what_ifs"] - before
            before = COUNTS["what_ifs"]
            advice.stability(result, classifier=classifier)
            stable = COUNTS["what_ifs"] - before
            total += reach + stable
            print(f"{name:20} {path.stem:16} to_reach {reach:4}  stability {stable:4}")
        print(f"{name:20} {'all':16} {total} what-ifs")


if __name__ == "__main__":
    main()
