"""The wide advice's first sentence is true of the pairs it names: "no match of the
unsynchronized elements alone reaches type X" only where some needed pair is beyond
them (a synchronized element's, or at a level that is no stage); where the
unsynchronized elements' own matches reach it, one element needing several, it says
which element needs more than one instead."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsync.advice import to_reach
from smartsync.render.text import wide_line
from smartsync.sample import typical_region
from test_element_variants import hierarchy_regions
from test_explanation_truth import variants

CLAIM = "No match of the unsynchronized elements alone reaches type"


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(hierarchy_regions(max_per_level=3), st.builds(
    lambda seed: typical_region(seed, programs=5, varied=True, mirrored=seed % 2 == 0),
    st.integers(0, 30))), st.sampled_from(sorted(variants())))
def test_the_wide_sentence_is_true_of_its_pairs(region, name):
    """Under monotone rules, a wide proposal said to lie beyond the unsynchronized elements
    has a pair beyond them; one found among their own matches never says it does not, and
    names exactly the elements it gives several matches (small generated regions under
    cascading give both kinds)."""
    classifier = variants()[name]
    result = classifier.classify(region)
    for item in to_reach(result, classifier=classifier, suggest=False).values():
        line = wide_line(item, "en")
        if line is None:
            continue
        if item.own_elements:
            assert CLAIM not in line and "Tidak" not in line
            per = {}
            for p in item.proposal:
                per[p.masterplan] = per.get(p.masterplan, 0) + 1
            assert set(item.several) == {m for m, n in per.items() if n > 1}
            if item.several:
                assert f"more than one for {', '.join(item.several)}" in line
        elif CLAIM in line and classifier.monotone:
            stages = result.typology.stages
            synchronized = {e for s in stages for e in result.stages[s].synchronized_ids}
            assert any(p.masterplan in synchronized or p.stage not in stages
                       for p in item.proposal), (line, item.proposal)
