"""Layouts planners use that the drafting read wrong at full confidence or dropped silently
(issue 24, item 4 hunt): the missions listed on one line ("Misi: A; B; C"), written on in the
vision's paragraph ("Visi: X. Misi: (1) ...; (2) ..."), and masterplan or RPJMD programs named
on lines of their own ("Program Satu Data Maros") with no table."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

VISION = "Maros yang Maju dan Sejahtera"
MISSIONS = ["Mewujudkan pemerintahan yang bersih", "Meningkatkan ekonomi daerah", "Membangun infrastruktur yang merata"]
HEAD = ["RPJMD KABUPATEN MAROS TAHUN 2021-2026", "BAB IV VISI DAN MISI"]


def _masterplan_lines(programs: list[str]) -> list[str]:
    return ["MASTERPLAN SMART CITY KABUPATEN MAROS 2022-2031", "BAB III VISI DAN MISI SMART CITY",
            "3.1 Visi Smart City", "“Maros Smart Regency”", "3.2 Misi Smart City", "1. Mewujudkan layanan digital",
            "BAB IV PROGRAM SMART CITY", *programs]


def _draft(folder: Path, rpjmd: list[str], masterplan: list[str] | None = None):
    return draft_region(rpjmd=write_docx(folder / "rpjmd.docx", rpjmd),
                        masterplan=write_docx(folder / "masterplan.docx", masterplan or _masterplan_lines(
                            ["Dimensi Smart Governance", "1. Satu data"])),
                        rpjmd_period=(2021, 2026), masterplan_period=(2022, 2031))


def _statements(plan) -> list[tuple[str, str, tuple[str, ...], float]]:
    return [(e.id, e.text, e.parents, e.confidence.score if e.confidence else 1.0)
            for e in plan.at("vision") + plan.at("mission")]


EXPECTED = [("V", VISION, (), 1.0), ("M1", MISSIONS[0], ("V",), 1.0), ("M2", MISSIONS[1], ("V",), 1.0),
            ("M3", MISSIONS[2], ("V",), 1.0)]


@pytest.mark.parametrize("line", [
    "Misi: Mewujudkan pemerintahan yang bersih; Meningkatkan ekonomi daerah; Membangun infrastruktur yang merata.",
    "Misi: (1) Mewujudkan pemerintahan yang bersih; (2) meningkatkan ekonomi daerah; dan (3) membangun "
    "infrastruktur yang merata."])
def test_missions_listed_on_one_line_are_each_a_mission(tmp_path: Path, line: str) -> None:
    """ "Misi: A; B; C" (or numbered "(1) ...; (2) ...") gives M1, M2, M3, not one mission holding all three."""
    plan = _draft(tmp_path, HEAD + ["4.1 Visi", f"“{VISION}”", line]).region.rpjmd
    assert _statements(plan) == EXPECTED


def test_one_paragraph_under_misi_listing_the_missions_is_each_a_mission(tmp_path: Path) -> None:
    """Under "4.2 Misi", one paragraph "Mewujudkan ...; meningkatkan ...; dan membangun ..." is three missions."""
    plan = _draft(tmp_path, HEAD + ["4.1 Visi", f"“{VISION}”", "4.2 Misi",
                                    "Mewujudkan pemerintahan yang bersih; meningkatkan ekonomi daerah; dan membangun "
                                    "infrastruktur yang merata."]).region.rpjmd
    assert _statements(plan) == EXPECTED


def test_a_list_on_one_line_whose_parts_are_not_statements_is_doubted(tmp_path: Path) -> None:
    """ "Misi: A; B" whose parts do not begin as statements do is read as missions, each doubted with the reason."""
    plan = _draft(tmp_path, HEAD + ["4.1 Visi", f"“{VISION}”",
                                    "Misi: Pemerintahan yang bersih; Ekonomi daerah yang kuat"]).region.rpjmd
    assert [(m.text, m.confidence.reasons) for m in plan.at("mission")] == [
        (text, ('one of a list written on one line whose parts are not all statements ("Mewujudkan ..."): check '
                'where each begins and ends',)) for text in ("Pemerintahan yang bersih", "Ekonomi daerah yang kuat")]


@pytest.mark.parametrize("paragraph", [
    f"Visi: {VISION}. Misi: (1) Mewujudkan pemerintahan yang bersih; (2) Meningkatkan ekonomi daerah; "
    "(3) Membangun infrastruktur yang merata.",
    f"Visi Kabupaten Maros adalah “{VISION}” dengan misi: (1) mewujudkan pemerintahan yang bersih; "
    "(2) meningkatkan ekonomi daerah; (3) membangun infrastruktur yang merata."])
def test_vision_and_missions_in_one_paragraph_are_told_apart(tmp_path: Path, paragraph: str) -> None:
    """The vision and its missions in one paragraph: the vision is the vision alone, and the
    missions are M1..M3 under it (they were lost, or swallowed into the vision's text)."""
    plan = _draft(tmp_path, HEAD + [paragraph]).region.rpjmd
    assert _statements(plan) == EXPECTED


def test_masterplan_programs_on_lines_of_their_own_are_read(tmp_path: Path) -> None:
    """ "Program Satu Data Maros" lines under a dimension heading are that dimension's programs;
    "Program Unggulan" over them stays a heading."""
    masterplan = _masterplan_lines(["4.1 Smart Governance", "Program Unggulan", "Program Satu Data Maros",
                                    "Program Aplikasi Layanan Desa", "Dimensi Smart Economy", "Program Pasar Daring UMKM"])
    plan = _draft(tmp_path, HEAD + ["4.1 Visi", f"“{VISION}”", "4.2 Misi", "1. " + MISSIONS[0]], masterplan).region.masterplan
    assert [(p.text, p.dimension.value) for p in plan.at("program")] == [
        ("Program Satu Data Maros", "governance"), ("Program Aplikasi Layanan Desa", "governance"),
        ("Program Pasar Daring UMKM", "economy")]


def test_rpjmd_programs_on_lines_of_their_own_are_read_and_said_unplaced(tmp_path: Path) -> None:
    """RPJMD programs named on lines in the program chapter, no table: read, each doubted (no
    pagu, no target) and said not placed, never dropped with a clean summary."""
    draft = _draft(tmp_path, HEAD + ["4.1 Visi", f"“{VISION}”", "4.2 Misi", "1. " + MISSIONS[0],
                                     "BAB VII PROGRAM PERANGKAT DAERAH", "Program Pengelolaan Aplikasi Informatika",
                                     "Program Pemasaran Pariwisata"])
    programs = draft.region.rpjmd.at("program")
    assert [p.text for p in programs] == ["Program Pengelolaan Aplikasi Informatika", "Program Pemasaran Pariwisata"]
    assert all(p.confidence.score < 1 for p in programs)
    assert any("2 programs under no target" in note for note in draft.unplaced)


def test_missions_listed_on_one_line_wrapped_in_a_pdf_are_each_a_mission(tmp_path: Path) -> None:
    """ "Misi: A; B; C" wrapped over two lines of a PDF gives the three missions (the list is
    split where it ends, not on its first line)."""
    pytest.importorskip("reportlab")
    long = "Mewujudkan pemerintahan yang bersih dan melayani seluruh masyarakat Kabupaten Maros"
    path = write_pdf(tmp_path / "rpjmd.pdf", HEAD + [
        "4.1 Visi", f"“{VISION}”", f"Misi: {long}; {MISSIONS[1]}; {MISSIONS[2]}."])
    draft = draft_region(rpjmd=path, masterplan=write_docx(tmp_path / "masterplan.docx", _masterplan_lines(
        ["Dimensi Smart Governance", "1. Satu data"])), rpjmd_period=(2021, 2026), masterplan_period=(2022, 2031))
    assert [m.text for m in draft.region.rpjmd.at("mission")] == [long, MISSIONS[1], MISSIONS[2]]
