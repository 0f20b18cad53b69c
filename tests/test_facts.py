"""smartsync.facts: the order of ids (the facts, the trace and every list follow it)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reference import natural
from strategies import regions
from smartsync.facts import id_order

# what an id may hold: letters, digits, punctuation, non-ASCII letters; no controls
ids = st.text(st.sampled_from("aAbZz0123456789._- éPŠ"), min_size=1, max_size=10)


@settings(max_examples=400)
@given(ids, ids)
def test_id_order_compares_as_the_planner_reads(a, b):
    """Two ids compare as the reference's natural order does (numbers as numbers)."""
    assert ((id_order(a), a) < (id_order(b), b)) == (natural(a) < natural(b))
    assert (id_order(a) == id_order(b)) == (natural(a)[0] == natural(b)[0])


def test_numbers_inside_ids_compare_as_numbers():
    """SP2 before SP10 before SP100; a number before letters at the same place."""
    assert sorted(["SP10", "SP100", "SP2", "SPa", "SP1a"], key=lambda i: (id_order(i), i)) == \
        ["SP1a", "SP2", "SP10", "SP100", "SPa"]


@settings(max_examples=60, deadline=None)
@given(regions(max_elements=8))
def test_region_facts_are_the_facts_experta_would_build(region):
    """Each input fact of a region (its elements and matches built without looking at
    their values again) equals the fact the fact class builds from the same fields, and
    is as plain: the model allows only strings, numbers, None and tuples of texts there."""
    from smartsync.facts import region_facts
    from smartsync.typology import DEFAULT_TYPOLOGY, Parameters

    for fact in region_facts(region, DEFAULT_TYPOLOGY, Parameters()):
        built = type(fact)(**dict(fact))
        assert fact == built and type(fact) is type(built)
        assert getattr(fact, "_plain", False) == getattr(built, "_plain", False) is True
