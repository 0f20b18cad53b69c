"""Regression (newuser F201): a masterplan listing its targets per dimension under a chapter
"BAB III SASARAN SMART CITY" had them drafted as programs at full confidence, while the same list
under a section "3.1 Sasaran Smart City" gave targets.
"""

from __future__ import annotations

import pytest

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind


@pytest.mark.parametrize("heading", ["BAB III SASARAN SMART CITY", "3.1 Sasaran Smart City"])
def test_targets_listed_per_dimension_under_a_sasaran_chapter_are_targets(heading: str) -> None:
    """ "BAB III SASARAN SMART CITY" / "Smart Governance" / "• Meningkatnya ...": targets with their dimension, no program."""
    lines = ["MASTERPLAN SMART CITY KABUPATEN LEMBAH SARI 2025-2034", "BAB II VISI DAN MISI SMART CITY",
             "Visi smart city Kabupaten Lembah Sari adalah “Lembah Sari Smart Regency 2034”.",
             "Misi smart city:", "a. Mewujudkan pemerintahan digital", "b. Mewujudkan masyarakat cerdas",
             heading, "Smart Governance", "• Meningkatnya layanan publik daring", "Smart People",
             "• Meningkatnya literasi digital warga"]
    draft = draft_plan(PlanKind.MASTERPLAN, [Document("mp.docx", [Line(t, 1, para=True) for t in lines], 1)])
    plan, _ = _finish(draft, Period(2025, 2034), "en")
    assert plan.at("program") == ()
    assert [(e.text, e.dimension.value) for e in plan.at("target")] == [
        ("Meningkatnya layanan publik daring", "governance"), ("Meningkatnya literasi digital warga", "society")]


def test_under_tujuan_dan_sasaran_a_statement_worded_as_a_result_is_a_target() -> None:
    """Under "BAB III TUJUAN DAN SASARAN SMART CITY", "Meningkatnya ..." is a target, "Meningkatkan ..." a goal,
    and a target's goal is one of its own dimension."""
    lines = ["MASTERPLAN SMART CITY KABUPATEN LEMBAH SARI 2025-2034", "BAB II VISI DAN MISI SMART CITY",
             "Visi smart city Kabupaten Lembah Sari adalah “Lembah Sari Smart Regency 2034”.",
             "Misi smart city:", "a. Mewujudkan pemerintahan digital",
             "BAB III TUJUAN DAN SASARAN SMART CITY", "Smart Governance", "• Meningkatkan tata kelola digital",
             "• Meningkatnya layanan publik daring", "Smart People", "• Meningkatnya literasi digital warga"]
    draft = draft_plan(PlanKind.MASTERPLAN, [Document("mp.docx", [Line(t, 1, para=True) for t in lines], 1)])
    plan, _ = _finish(draft, Period(2025, 2034), "en")
    assert plan.at("program") == ()
    (goal,) = plan.at("goal")
    assert (goal.text, goal.dimension.value) == ("Meningkatkan tata kelola digital", "governance")
    assert [(e.text, e.dimension.value, e.parents) for e in plan.at("target")] == [
        ("Meningkatnya layanan publik daring", "governance", (goal.id,)),
        ("Meningkatnya literasi digital warga", "society", ("SM1",))]
