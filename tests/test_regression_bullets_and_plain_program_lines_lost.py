"""Regression (newuser F208): lists typed with bullets other than "•" and "-" ("➢", "✓", "►",
"❖", "§", the Wingdings private-use bullets, Word's "o " second-level bullet), numbers typed
without their space ("1.Mewujudkan", "1.1.Meningkatkan"), "1 . " and "1- ", and plain lines with
no marker under a dimension heading: the masterplan's programs were lost silently and the
missions kept the bullet in their text.

Each test drafts a small document built in memory, as the Word reader gives it.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind

MISSIONS = ["Mewujudkan pemerintahan digital", "Mewujudkan ekonomi digital", "Mewujudkan masyarakat cerdas"]
PROGRAMS = ["Aplikasi pengaduan terpadu", "Tanda tangan elektronik"]


def _draft(lines: list[str], kind: PlanKind = PlanKind.MASTERPLAN, lang: str = "en"):
    draft = draft_plan(kind, [Document("masterplan.docx", [Line(t, 1, para=True) for t in lines], 1)],
                       lang=lang)
    plan, _ = _finish(draft, Period(2025, 2034), lang)
    return plan, draft.checks


def _bulleted(bullet: str) -> list[str]:
    return (["MASTERPLAN SMART CITY KOTA BULET TAHUN 2025-2034", "3.1 Visi dan Misi Smart City",
             "Visi: “Kota Bulet Cerdas 2034”", "Misi:"] + [f"{bullet}{m}" for m in MISSIONS]
            + ["Smart Governance"] + [f"{bullet}{p}" for p in PROGRAMS])


@pytest.mark.parametrize("bullet", ["➢ ", "✓ ", "► ", "❖ ", "§ ", "\uf0d8 ", "\uf0a7 ", "\uf076 ", "\uf0fc ",
                                    "\uf0d8", "o ", "Ø ", "➤ ", "→ "])
def test_a_list_typed_with_any_bullet_gives_its_missions_and_programs(bullet: str) -> None:
    """Missions and programs bulleted with "➢", "✓", Wingdings or "o " are read, the bullet no part of them."""
    plan, _ = _draft(_bulleted(bullet))
    assert [e.text for e in plan.at("mission")] == MISSIONS
    assert [(e.text, e.dimension.value) for e in plan.at("program")] == [(p, "governance") for p in PROGRAMS]
    assert all(e.confidence is None or e.confidence.score == 1 for e in plan.elements)


@settings(max_examples=40, deadline=None)
@given(st.characters(whitelist_categories=("So", "Co", "Pd"), blacklist_characters="\u00ad"))
def test_any_symbol_dash_or_private_use_character_is_a_bullet(bullet: str) -> None:
    """A bullet is told by its Unicode category (symbol, dash, private use), not by a list of characters."""
    plan, _ = _draft(_bulleted(f"{bullet} "))
    assert [e.text for e in plan.at("program")] == PROGRAMS


@pytest.mark.parametrize("number", ["{n}.", "{n} . ", "{n}- ", "{n} - "])
def test_numbers_typed_without_their_space_or_with_a_dash_number_the_list(number: str) -> None:
    """ "1.Mewujudkan", "1 . ", "1- " number a list: the missions and the programs are read without the number."""
    lines = (["MASTERPLAN SMART CITY KOTA NOMOR TAHUN 2025-2034", "3.1 Visi dan Misi Smart City",
              "Visi: “Kota Nomor Cerdas 2034”", "Misi:"]
             + [number.format(n=n) + m for n, m in enumerate(MISSIONS, 1)]
             + ["Smart Governance"] + [number.format(n=n) + p for n, p in enumerate(PROGRAMS, 1)])
    plan, _ = _draft(lines)
    assert [e.text for e in plan.at("mission")] == MISSIONS
    assert [e.text for e in plan.at("program")] == PROGRAMS


def test_rpjmd_goals_and_targets_numbered_without_a_space_are_read_at_their_levels() -> None:
    """ "1.1.Meningkatkan" under "5.3 Tujuan dan Sasaran" is goal 1.1, "1.1.1.Meningkatnya" target 1.1.1 under it."""
    plan, checks = _draft(["RPJMD KOTA RAPAT TAHUN 2025-2029", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
                           "“Kota Rapat yang Maju dan Sejahtera”", "5.2 Misi",
                           "1.Mewujudkan pemerintahan yang bersih;", "2.Meningkatkan ekonomi daerah;",
                           "5.3 Tujuan dan Sasaran", "1.1.Meningkatkan kualitas tata kelola",
                           "1.1.1.Meningkatnya indeks SPBE"], kind=PlanKind.RPJMD)
    assert [(e.id, e.text) for e in plan.at("mission")] == [("M1", "Mewujudkan pemerintahan yang bersih"),
                                                           ("M2", "Meningkatkan ekonomi daerah")]
    assert [(e.id, e.parents) for e in plan.at("goal")] == [("T1.1", ("M1",))]
    assert [(e.id, e.text, e.parents) for e in plan.at("target")] == [
        ("S1.1.1", "Meningkatnya indeks SPBE", ("T1.1",))]
    assert all(e.confidence is None for e in plan.elements), [e.confidence for e in plan.elements]
    assert not [c for c in checks if "read as no" in c]


def test_plain_lines_under_a_dimension_heading_are_programs_doubted() -> None:
    """Lines with no marker under "Smart Governance" are its programs, below full confidence with the reason."""
    plan, _ = _draft(["MASTERPLAN SMART CITY KOTA POLOS TAHUN 2025-2034", "BAB IV PROGRAM SMART CITY",
                      "Smart Governance", "Aplikasi pengaduan terpadu", "Tanda tangan elektronik",
                      "Smart Living", "Telemedisin puskesmas"])
    programs = plan.at("program")
    assert [(e.text, e.dimension.value) for e in programs] == [
        ("Aplikasi pengaduan terpadu", "governance"), ("Tanda tangan elektronik", "governance"),
        ("Telemedisin puskesmas", "living")]
    assert all(e.confidence.score < 1 for e in programs)
    assert "with no number or bullet, read as a program" in programs[0].confidence.reasons[0]


@pytest.mark.parametrize("lang, words", [("en", '1 line(s) under "Smart Economy" (masterplan.docx p. 1) read as no program'),
                                         ("id", '1 baris di bawah "Smart Economy" (masterplan.docx hlm. 1) tidak terbaca sebagai program')])
def test_lines_under_a_dimension_heading_read_as_no_program_are_a_check_line(lang: str, words: str) -> None:
    """A line under a dimension heading that the draft reads as no program is said, never dropped silently."""
    _, checks = _draft(["MASTERPLAN SMART CITY KOTA X TAHUN 2025-2034", "BAB IV PROGRAM SMART CITY",
                        "Smart Governance", "• Aplikasi pengaduan terpadu", "Smart Economy", "2025 ### 1.250"], lang=lang)
    assert [c for c in checks if words in c], checks


def test_programs_numbered_by_their_section_under_a_dimension_heading_are_read() -> None:
    """Regression (newuser F215): "4.1 Smart Governance" / "4.1.1 Aplikasi ..." gives the programs, the
    section number no part of them."""
    plan, checks = _draft(["MASTERPLAN SMART CITY KOTA NOMOR TAHUN 2025-2034", "BAB IV PROGRAM SMART CITY",
                           "4.1 Smart Governance", "4.1.1 Aplikasi pengaduan terpadu", "4.1.2 Tanda tangan elektronik",
                           "4.2 Smart Living", "4.2.1 Telemedisin puskesmas"])
    assert [(e.text, e.dimension.value, e.confidence) for e in plan.at("program")] == [
        ("Aplikasi pengaduan terpadu", "governance", None), ("Tanda tangan elektronik", "governance", None),
        ("Telemedisin puskesmas", "living", None)]
    assert not [c for c in checks if "read as no" in c]
