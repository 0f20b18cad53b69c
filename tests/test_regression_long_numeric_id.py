"""Regression: an element id of thousands of digits stopped classify with Python's
integer-to-text limit (ids were ordered by int() of their numeric parts)."""

from __future__ import annotations

import smartsync
from smartsync.facts import id_order
from smartsync.io import region_from_dict, region_to_dict

from reference import natural


def test_id_order_of_a_5000_digit_id_does_not_raise():
    """Ordering an id made of 5,000 digits works and keeps numeric order."""
    long_id = "9" * 5000
    assert id_order("SP" + long_id) > id_order("SP10")
    assert sorted(["SP10", "SP" + long_id, "SP2"], key=id_order) == ["SP2", "SP10", "SP" + long_id]


def test_numbers_in_ids_still_sort_as_numbers_and_leading_zeros_tie():
    """SP2 before SP10; SP007 and SP7 tie on their numbers, as before."""
    assert id_order("SP2") < id_order("SP10") < id_order("SP100")
    assert id_order("SP007") == id_order("SP7")
    assert natural("SP007") != natural("SP7") and natural("SP2") < natural("SP10")


def test_region_with_a_5000_digit_element_id_classifies():
    """A region whose program id has 5,000 digits is classified, not stopped."""
    data = region_to_dict(smartsync.load_region("examples/type-d-program.yaml"))
    long_id = "1" * 5000
    programs = [e for e in data["masterplan"]["elements"] if e.get("level") == "program"]
    old = programs[0]["id"]
    programs[0]["id"] = long_id
    for match in data.get("matches", []):
        if match.get("masterplan") == old:
            match["masterplan"] = long_id
    result = smartsync.classify(region_from_dict(data))
    assert result.type_letter == "D"
