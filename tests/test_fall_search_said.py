"""When nothing is found that makes a region fall to a lower type, the sentence says how far
the search went (single losses and stage by stage; or every set of up to k of the n
matches, with the limit), and what it says was searched gives no such loss."""

from __future__ import annotations

import functools
import itertools

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsync.advice import to_fall
from smartsync.render.text import to_fall_lines
from smartsync.variants import load_variant
from smartsync.sample import typical_region
from strategies import regions
from test_element_variants import hierarchy_regions

#: small generated regions of the typology's shape, some of which no loss found makes fall
#: to a type (a stage absent: the losses overshoot), under the default rules and cascading
SAMPLED = st.builds(lambda seed: typical_region(seed, programs=6, varied=True,
                                                mirrored=seed % 2 == 0),
                    st.integers(0, 60))


@functools.lru_cache(maxsize=None)
def _classifier(name: str):
    return load_variant(name).classifier()


def _without(region, keys):
    return attrs.evolve(region, matches=tuple(m for m in region.matches if m.key not in keys))


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(SAMPLED, regions(max_elements=7, max_matches=6),
                 hierarchy_regions(max_per_level=3)),
       st.sampled_from(["default", "cascading"]))
def test_nothing_found_says_how_far_the_search_went_and_it_holds(region, name):
    """Every "nothing found makes it fall" names the search's extent in en and id; under
    rules that are not monotone, no set of up to the said size of lost matches gives the
    type (brute force), every set when it says every set was tried."""
    classifier = _classifier(name)
    result = classifier.classify(region)
    order = ["A", "B", "C", "D", None]
    if result.type_letter is None:
        return
    for letter in order[order.index(result.type_letter) + 1:]:
        fall = to_fall(result, letter or "unsynchronized", classifier=classifier)
        if fall.possible:
            continue
        en, = to_fall_lines(result, "en", fall)
        id_, = to_fall_lines(result, "id", fall)
        assert en.startswith("Nothing found makes it fall to") and "the search" in en \
            or "every set of the" in en
        assert id_.startswith("Tidak ada yang ditemukan") and ("pencarian" in id_ or "himpunan" in id_)
        if classifier.monotone:
            assert fall.searched in ("singles", "cut")
            continue
        if fall.searched != "sets":
            continue
        keys = sorted({m.key for m in region.matches})
        assert fall.pool == len(keys)
        if fall.tried_size == fall.pool:
            assert f"every set of the {fall.pool} matches was tried" in en
        else:
            assert f"every set of up to {fall.tried_size} of the {fall.pool} matches" in en
        for k in range(1, fall.tried_size + 1):
            for chosen in itertools.combinations(keys, k):
                lost = classifier.classify(_without(region, set(chosen)))
                assert lost.type != fall.type, chosen


def test_under_cascading_the_sets_tried_are_said_and_none_gives_the_type():
    """A generated type A region under cascading, to type C: nothing found; the sentence
    says every set of up to 2 of its 12 matches was tried (66 sets) before the limit of
    128, in en and id, and brute force over those sets finds none giving C."""
    region = typical_region(30, programs=6, varied=True, mirrored=True)
    classifier = _classifier("cascading")
    result = classifier.classify(region)
    fall = to_fall(result, "C", classifier=classifier)
    assert not fall.possible and fall.searched == "sets"
    assert (fall.tried, fall.tried_size, fall.pool) == (66, 2, 12)
    assert to_fall_lines(result, "en", fall)[0].endswith(
        "the search tried 66 sets of lost matches, every set of up to 2 of the 12 matches, "
        "before its limit of 128; larger sets were not tried.")
    assert "pencarian mencoba 66 himpunan padanan yang hilang" in to_fall_lines(result, "id", fall)[0]
    keys = sorted({m.key for m in region.matches})
    for k in (1, 2):
        for chosen in itertools.combinations(keys, k):
            assert classifier.classify(_without(region, set(chosen))).type != fall.type
