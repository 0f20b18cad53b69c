"""``python -m smartsync.matching --evaluate FILE``: precision and recall on an evaluation set."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from .evaluation import Counts, PairFileError, evaluate
from .suggest import DEFAULT_THRESHOLD


def _row(name: str, c: Counts) -> str:
    return (f"{name:<12} {c.pairs:>5} {c.precision:>9.2f} {c.recall:>6.2f} "
            f"{c.true_positives:>4} {c.false_positives:>4} {c.false_negatives:>4} {c.true_negatives:>4}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation command; returns the exit code (0 ok, 1 bad file, 2 usage)."""
    parser = argparse.ArgumentParser(
        prog="python -m smartsync.matching",
        description="Precision and recall of suggested matches on a labelled evaluation set.",
    )
    parser.add_argument("--evaluate", metavar="FILE", required=True,
                        help="CSV file: level, masterplan_text, rpjmd_text, label[, split, region, "
                             "rpjmd_code]")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                        help=f"score a pair needs to count as a match (default {DEFAULT_THRESHOLD})")
    parser.add_argument("--split", choices=("tune", "check", "dev"), help="count only the rows of one split")
    parser.add_argument("--errors", action="store_true", help="also list the misjudged pairs")
    parser.add_argument("--words-only", action="store_true",
                        help="score by words alone, not through the national program nomenclature")
    args = parser.parse_args(argv)
    if not 0.0 <= args.threshold <= 1.0:
        parser.error(f"--threshold must be from 0 to 1, got {args.threshold}")
    try:
        result = evaluate(args.evaluate, threshold=args.threshold, split=args.split,
                          nomenclature=False if args.words_only else None)
    except PairFileError as exc:
        print(f"smartsync: {exc}", file=sys.stderr)
        return 1
    print(f"evaluation set {args.evaluate}, threshold {args.threshold:g}"
          + (f", split {args.split}" if args.split else "")
          + (", words alone" if args.words_only else ""))
    print(f"{'':<12} {'pairs':>5} {'precision':>9} {'recall':>6} {'tp':>4} {'fp':>4} {'fn':>4} {'tn':>4}")
    for level, counts in result.by_level.items():
        print(_row(level, counts))
    for split, counts in sorted(result.by_split.items(), reverse=True):
        print(_row(f"split {split}", counts))
    print(_row("all", result.overall))
    if args.errors:
        print()
        for pair, score in sorted(result.scored, key=lambda x: -x[1]):
            predicted = round(score, 4) >= args.threshold
            if predicted != pair.match:
                kind = "false match" if predicted else "missed"
                print(f"{kind:<11} {score:.2f} line {pair.line} {pair.level.value}: "
                      f"{pair.masterplan_text} | {pair.rpjmd_text}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
