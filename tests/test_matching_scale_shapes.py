"""The benchmark's shapes of plans get the suggestions scoring every pair gives (the speed work
leaves out only pairs that cannot enter a top)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from smartsync import suggest_matches
from smartsync.matching import suggest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bench_matching  # noqa: E402

SHAPES = {
    "large": lambda: bench_matching.plan_like_region(90),
    "coded RPJMD": lambda: bench_matching.coded_region(90),
    "coded RPJMD, another seed": lambda: bench_matching.coded_region(90, seed=7),
    "identical but a number": lambda: bench_matching.numbered_region(60),
    "shared prefixes": lambda: bench_matching.prefix_region(90),
    "tied texts": lambda: bench_matching.tied_region(40),
    "typical": lambda: bench_matching.plan_like_region(60, typical=True),
}


def _every_pair(masterplan, rpjmd, threshold, bar=None, **_):  # type: ignore[no-untyped-def]
    """Every pair a candidate, with a bound no score reaches: each is scored in full."""
    return [dict.fromkeys(range(len(rpjmd)), 2.0) for _ in masterplan]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_benchmark_shape_gets_what_scoring_every_pair_gets(shape: str, lang: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Suggestions, scores, notes and evidence are those of scoring every pair, for each shape."""
    region = SHAPES[shape]()
    fast = suggest_matches(region, lang=lang)
    monkeypatch.setattr(suggest, "_candidates", _every_pair)
    brute = suggest_matches(region, lang=lang)
    assert fast == brute
    assert fast  # the shape makes suggestions: the comparison says something
