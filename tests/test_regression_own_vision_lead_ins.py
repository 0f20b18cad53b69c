"""A masterplan's own vision after it quotes the RPJMD under the same heading (F114), and a vision
held unquoted on its label's line (F115): each test builds the Word document a planner had and
asserts the vision and missions are drafted, never silently lost."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def _save(lines: list[str], folder: Path, name: str) -> Path:
    return write_docx(folder / name, lines + [[["No", "Dimensi", "Program"], ["1", "Smart Governance",
                                                                               "Aplikasi layanan"]]])


_RPJMD = ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI", "Visi",
          "“Batu Kota Wisata yang Cerdas dan Sejahtera”", "Misi", "1. Mewujudkan tata kelola pemerintahan digital",
          "2. Meningkatkan daya saing pariwisata"]
_OWN_MISSIONS = ["1. Mewujudkan layanan pemerintahan digital", "2. Mengembangkan ekonomi pariwisata digital",
                 "3. Mewujudkan lingkungan kota yang lestari"]


def _elements(folder: Path, masterplan: list[str], rpjmd: list[str] = _RPJMD):
    region = draft_region(rpjmd=_save(rpjmd, folder, "rpjmd.docx"),
                          masterplan=_save(masterplan, folder, "masterplan.docx"),
                          rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034)).region
    return region.rpjmd, region.masterplan


@pytest.mark.parametrize("lead_in", [
    "Selaras dengan visi dan misi tersebut, visi smart city Kota Batu adalah:",
    "Visi smart city Kota Batu dirumuskan selaras dengan visi RPJMD, yaitu:"])
def test_the_masterplans_own_vision_after_a_quoted_rpjmd_vision_is_drafted(tmp_path: Path, lead_in: str) -> None:
    """A lead-in naming the smart city's own vision ends the RPJMD quotation above it under the same
    heading: SV and SM1..SM3 are the masterplan's own, the quoted RPJMD vision and missions are not."""
    _, masterplan = _elements(tmp_path, [
        "MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "Visi RPJMD Kota Batu Tahun 2025-2029 adalah:", "“Batu Kota Wisata yang Cerdas dan Sejahtera”",
        "dengan misi:", "1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing pariwisata",
        lead_in, "“Batu Smart City: Kota Wisata Cerdas Berkelanjutan”", "Misi smart city Kota Batu adalah:",
        *_OWN_MISSIONS, "BAB IV PROGRAM"])
    assert [(e.id, e.text, e.parents, e.confidence) for e in masterplan.elements if e.level != "program"] == [
        ("SV", "Batu Smart City: Kota Wisata Cerdas Berkelanjutan", (), None),
        ("SM1", "Mewujudkan layanan pemerintahan digital", ("SV",), None),
        ("SM2", "Mengembangkan ekonomi pariwisata digital", ("SV",), None),
        ("SM3", "Mewujudkan lingkungan kota yang lestari", ("SV",), None)]


def test_a_quotation_of_the_rpjmd_alone_still_gives_the_masterplan_no_vision(tmp_path: Path) -> None:
    """The RPJMD's vision quoted in a masterplan, "Visi Kota Batu ... adalah:" inside the quotation
    included, is still not drafted as the masterplan's."""
    _, masterplan = _elements(tmp_path, [
        "MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB II GAMBARAN UMUM",
        "2.1 Visi dan Misi RPJMD", "Visi RPJMD Kota Batu Tahun 2025-2029 adalah:",
        "“Batu Kota Wisata yang Cerdas dan Sejahtera”", "Visi Kota Batu Tahun 2025-2029 adalah:",
        "“Batu Kota Wisata yang Cerdas”", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
        "“Batu Smart City”", "3.2 Misi Smart City", *_OWN_MISSIONS, "BAB IV PROGRAM"])
    assert [e.text for e in masterplan.elements if e.level == "vision"] == ["Batu Smart City"]


def test_a_vision_held_unquoted_on_its_labels_line_is_drafted(tmp_path: Path) -> None:
    """"Visi Kota X Tahun 2025-2029 adalah Terwujudnya ..." (RPJMD) and "Visi Smart City Kota X: ..."
    (masterplan) are the visions, the missions under them their children; a list's "; dan", ";"
    and final "." are no part of a mission."""
    rpjmd, masterplan = _elements(tmp_path, [
        "MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
        "Visi Smart City Kota Batu: Batu Smart City, Kota Wisata Cerdas Berkelanjutan.",
        "Misi Smart City Kota Batu:", "a. Mewujudkan layanan pemerintahan digital;",
        "b. Mengembangkan ekonomi pariwisata digital; dan", "c. Mewujudkan lingkungan kota yang lestari.",
        "BAB IV PROGRAM"], rpjmd=[
        "RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI",
        "Visi Kota Batu Tahun 2025-2029 adalah Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera.",
        "Misi:", "1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing pariwisata"])
    assert [(e.id, e.text, e.parents) for e in rpjmd.elements if e.level != "program"] == [
        ("V", "Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera", ()),
        ("M1", "Mewujudkan tata kelola pemerintahan digital", ("V",)),
        ("M2", "Meningkatkan daya saing pariwisata", ("V",))]
    assert [(e.id, e.text, e.parents) for e in masterplan.elements if e.level != "program"] == [
        ("SV", "Batu Smart City, Kota Wisata Cerdas Berkelanjutan", ()),
        ("SM1", "Mewujudkan layanan pemerintahan digital", ("SV",)),
        ("SM2", "Mengembangkan ekonomi pariwisata digital", ("SV",)),
        ("SM3", "Mewujudkan lingkungan kota yang lestari", ("SV",))]
