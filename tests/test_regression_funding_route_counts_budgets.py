"""The funding-route characteristic said "only the 3 of 3 masterplan programs synchronized
with RPJMD programs can draw on the APBD" beside the funding figures' "1 of 3 ... with RPJMD
programs that carry a budget": it counted synchronized programs, the funding rules count
those whose RPJMD program has a pagu above zero."""

from __future__ import annotations

import smartsync
from smartsync.messages import characteristic_message

REGION = {
    "region": {"id": "9014", "name": "Kota Pagu", "kind": "kota"},
    "rpjmd": {"period": [2021, 2026], "elements": [
        {"id": "V", "level": "vision", "text": "Kota yang maju"},
        {"id": "P1", "level": "program", "parent": "V", "budget": 0, "text": "Program aplikasi"},
        {"id": "P2", "level": "program", "parent": "V", "text": "Program statistik sektoral"},
        {"id": "P3", "level": "program", "parent": "V", "budget": 5, "text": "Program persandian"},
    ]},
    "masterplan": {"period": [2022, 2031], "elements": [
        {"id": "SV", "level": "vision", "text": "Kota cerdas"},
        {"id": "SP1", "level": "program", "parent": "SV", "text": "Aplikasi kota"},
        {"id": "SP2", "level": "program", "parent": "SV", "text": "Statistik daring"},
        {"id": "SP3", "level": "program", "parent": "SV", "text": "Persandian digital"},
    ]},
    "matches": [
        {"masterplan": "SP1", "rpjmd": "P1", "relation": "derived"},
        {"masterplan": "SP2", "rpjmd": "P2", "relation": "derived"},
        {"masterplan": "SP3", "rpjmd": "P3", "relation": "derived"},
    ],
}


def test_the_funding_route_says_the_funding_figures_count_of_programs_that_can_draw():
    """Three synchronized programs, one whose RPJMD program has a pagu: the funding route
    says 1 can draw on the APBD, as the funding figures do, in English and Indonesian."""
    result = smartsync.classify(smartsync.region_from_dict(REGION))
    assert result.type_letter == "D" and result.funding.fundable == 1
    route = next(c for c in result.characteristics if c.key == "funding_route")
    en, id_ = characteristic_message(route), characteristic_message(route, "id")
    assert "3 of 3 masterplan programs are synchronized" in en
    assert "only the 1 of them whose RPJMD program carries a budget can draw on the APBD" in en
    assert "hanya 1 di antaranya" in id_ and "3 dari 3" in id_
