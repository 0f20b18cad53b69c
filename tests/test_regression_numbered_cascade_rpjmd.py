"""newuser F187: an RPJMD written as a numbered cascade (1. / 1.1 / 1.1.1 / 1.1.1.1) under "Pohon Kinerja"
or "5.2 Misi, Tujuan, Sasaran dan Program" lost its goals, targets and programs (silently under "Pohon
Kinerja"). The level of a line is the depth of its number; what each depth is comes from the plan's
words; where the draft has to assume it, or cannot tell, it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

HEAD = ["RPJMD KOTA UJI DELAPAN TAHUN 2021-2026", "BAB V VISI, MISI, TUJUAN DAN SASARAN",
        "Visi: Terwujudnya Kota Uji Delapan yang Cerdas dan Sejahtera"]
CASCADE = ["1. Mewujudkan pemerintahan yang melayani", "1.1 Meningkatkan kualitas pelayanan publik",
           "1.1.1 Meningkatnya penerapan SPBE",
           "1.1.1.1 Program Pengelolaan Aplikasi Informatika (2.16.03) Rp 12.500.000.000",
           "1.1.1.2 Program Pengelolaan Informasi dan Komunikasi Publik (2.16.02) Rp 4.200.000.000",
           "2. Meningkatkan ekonomi kerakyatan", "2.1 Meningkatkan daya saing UMKM", "2.1.1 Meningkatnya UMKM naik kelas",
           "2.1.1.1 Program Pemberdayaan Usaha Mikro (2.17.07) Rp 8.000.000.000"]
WHOLE = [("M1", "mission", ("V",), None, None), ("T1.1", "goal", ("M1",), None, None),
         ("S1.1.1", "target", ("T1.1",), None, None), ("P1", "program", ("S1.1.1",), "2.16.03", 12_500_000_000),
         ("P2", "program", ("S1.1.1",), "2.16.02", 4_200_000_000), ("M2", "mission", ("V",), None, None),
         ("T2.1", "goal", ("M2",), None, None), ("S2.1.1", "target", ("T2.1",), None, None),
         ("P3", "program", ("S2.1.1",), "2.17.07", 8_000_000_000)]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA UJI DELAPAN 2022-2031", "BAB III VISI DAN MISI SMART CITY",
        "3.1 Visi Smart City", "“Uji Delapan Cerdas”", "3.2 Misi Smart City", "1. Mewujudkan layanan digital",
        "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance", "1. Satu data kota"])


def _draft(folder: Path, lines: list[str], *, pdf: bool = False, lang: str = "en"):
    rpjmd = (write_pdf if pdf else write_docx)(folder / ("rpjmd.pdf" if pdf else "rpjmd.docx"), HEAD + lines)
    return draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), lang=lang)


def _elements(draft) -> list[tuple]:
    return [(e.id, e.level.value, e.parents, e.code, e.budget) for e in draft.region.rpjmd.elements
            if e.level.value != "vision"]


@pytest.mark.parametrize("heading", ["Pohon Kinerja Pembangunan Daerah", "5.2 Misi, Tujuan, Sasaran dan Program"])
@pytest.mark.parametrize("pdf", [False, True], ids=["docx", "pdf"])
def test_a_cascade_gives_missions_goals_targets_and_programs_by_the_depth_of_their_numbers(
        tmp_path: Path, heading: str, pdf: bool) -> None:
    """Each line of the cascade is drafted at its depth's level under the element its number names,
    with the program's code and pagu, at full confidence."""
    draft = _draft(tmp_path, [heading] + CASCADE, pdf=pdf)
    assert _elements(draft) == WHOLE
    assert all(e.confidence is None for e in draft.region.rpjmd.elements)
    assert not [c for c in draft.checks if "RPJMD" in c and "numbered" in c]


def test_the_levels_named_on_the_lines_are_the_levels(tmp_path: Path) -> None:
    """ "1.1 Tujuan: ...", "1.1.1 Sasaran: ...": the labels name the depths; the label is no part of the text."""
    draft = _draft(tmp_path, ["Pohon Kinerja", "1. Mewujudkan pemerintahan yang melayani",
                              "1.1 Tujuan: Meningkatkan kualitas pelayanan publik",
                              "1.1.1 Sasaran: Meningkatnya penerapan SPBE",
                              "1.2 Tujuan: Meningkatkan akuntabilitas kinerja"])
    assert [(e.id, e.text) for e in draft.region.rpjmd.elements][1:] == [
        ("M1", "Mewujudkan pemerintahan yang melayani"), ("T1.1", "Meningkatkan kualitas pelayanan publik"),
        ("S1.1.1", "Meningkatnya penerapan SPBE"), ("T1.2", "Meningkatkan akuntabilitas kinerja")]


@pytest.mark.parametrize("lang, said", [
    ("en", ('RPJMD: the numbered list under "Pohon Kinerja" (', 'rpjmd.docx p. 1) does not name the level of each '
            "depth of its numbers: read 1. as mission, 1.1 as target, 1.1.1 as program; check them")),
    ("id", ('RPJMD: daftar bernomor di bawah "Pohon Kinerja" (', 'rpjmd.docx hlm. 1) tidak menyebut tingkat tiap '
            "kedalaman nomornya: dibaca 1. sebagai misi, 1.1 sebagai sasaran, 1.1.1 sebagai program; periksa"))])
def test_three_depths_over_programs_are_read_as_missions_and_targets_doubted_and_said(
        tmp_path: Path, lang: str, said: tuple[str, str]) -> None:
    """Missions and programs with one depth between: the depth is read as the targets (programs serve
    targets), each element at an assumed depth doubted, and a check line says how the list was read."""
    draft = _draft(tmp_path, ["Pohon Kinerja", "1. Mewujudkan pemerintahan yang melayani",
                              "1.1 Meningkatnya penerapan SPBE",
                              "1.1.1 Program Pengelolaan Aplikasi Informatika (2.16.03) Rp 12.500.000.000"], lang=lang)
    assert [(e.id, e.parents, e.confidence.score if e.confidence else 1.0)
            for e in draft.region.rpjmd.elements][1:] == [("M1", ("V",), 0.8), ("S1.1", ("M1",), 0.8), ("P1", ("S1.1",), 1.0)]
    assert any(check.startswith(said[0]) and check.endswith(said[1]) for check in draft.checks), draft.checks


def test_a_depth_the_plan_has_no_level_for_is_said_with_its_count(tmp_path: Path) -> None:
    """Five depths, none named but the programs': the depth between the targets and the programs is
    read as no element, and the check line says how many of its lines were left."""
    draft = _draft(tmp_path, ["Pohon Kinerja", "1. Mewujudkan pemerintahan yang melayani",
                              "1.1 Meningkatkan kualitas pelayanan publik", "1.1.1 Meningkatnya penerapan SPBE",
                              "1.1.1.1 Penguatan infrastruktur TIK", "1.1.1.2 Integrasi layanan",
                              "1.1.1.2.1 Program Pengelolaan Aplikasi Informatika (2.16.03) Rp 12.500.000.000"])
    assert [(e.id, e.parents) for e in draft.region.rpjmd.elements][1:] == [
        ("M1", ("V",)), ("T1.1", ("M1",)), ("S1.1.1", ("T1.1",)), ("P1", ("S1.1.1",))]
    assert any("1.1.1.1 as no element" in c and "2 of its lines, at a depth the plan has no level for" in c
               for c in draft.checks), draft.checks


def test_a_strategy_named_in_the_cascade_is_passed_over_and_its_programs_hang_under_the_target(tmp_path: Path) -> None:
    """ "1.1.1.1 Strategi: ..." is a level the draft makes no element of: passed over, the programs under
    it placed under the target its number names, nothing to say."""
    draft = _draft(tmp_path, ["Pohon Kinerja", "1. Mewujudkan pemerintahan yang melayani",
                              "1.1 Meningkatkan kualitas pelayanan publik", "1.1.1 Meningkatnya penerapan SPBE",
                              "1.1.1.1 Strategi: penguatan infrastruktur TIK",
                              "1.1.1.1.1 Program Pengelolaan Aplikasi Informatika (2.16.03) Rp 12.500.000.000"])
    assert [(e.id, e.parents) for e in draft.region.rpjmd.elements][1:] == [
        ("M1", ("V",)), ("T1.1", ("M1",)), ("S1.1.1", ("T1.1",)), ("P1", ("S1.1.1",))]
    assert all(e.confidence is None for e in draft.region.rpjmd.elements)
    assert not [c for c in draft.checks if "numbered" in c]


def test_numbered_statements_read_as_nothing_in_the_plans_chapter_are_said(tmp_path: Path) -> None:
    """Numbered statements under a heading that names no level, in no list whose levels can be told, are
    said with their count, never left out silently."""
    draft = _draft(tmp_path, ["Uraian Pembangunan", "1. Mewujudkan pemerintahan yang melayani",
                              "2. Meningkatkan ekonomi kerakyatan"])
    assert any(c.startswith('RPJMD: 2 numbered line(s) in "BAB V VISI, MISI, TUJUAN DAN SASARAN", the first at ')
               and "rpjmd.docx p. 1, read as no element" in c for c in draft.checks), draft.checks
