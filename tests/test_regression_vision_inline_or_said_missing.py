"""A vision written inline after its label without quotes is read (newuser F115), and a vision heading
(or a chapter titled "VISI DAN MISI") under which no vision is read is said in a check line, never a
clean draft without a vision. Each test builds the Word document a planner had."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import draft_region  # noqa: E402

_MASTERPLAN = ["MASTERPLAN SMART CITY KOTA BATU TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
               "Visi Smart City Kota Batu: Batu Smart City, Kota Wisata Cerdas Berkelanjutan.",
               "Misi Smart City Kota Batu:", "a. Mewujudkan layanan pemerintahan digital;",
               "b. Mengembangkan ekonomi pariwisata digital; dan", "c. Mewujudkan lingkungan kota yang lestari.",
               "BAB IV PROGRAM", "Smart Governance", "1. Aplikasi layanan terpadu"]


def _draft(folder: Path, rpjmd: list[str], masterplan: list[str] = _MASTERPLAN, lang: str = "en"):
    paths = []
    for name, lines in (("rpjmd.docx", rpjmd), ("masterplan.docx", masterplan)):
        document = docx.Document()
        for line in lines:
            document.add_paragraph(line)
        document.save(folder / name)
        paths.append(folder / name)
    return draft_region(rpjmd=paths[0], masterplan=paths[1], rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034), lang=lang)


_MISSIONS = ["Misi:", "1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing pariwisata"]


@pytest.mark.parametrize("vision", [
    "Visi Kota Batu Tahun 2025-2029 adalah Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera.",
    "Visi: Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera."])
def test_an_inline_unquoted_vision_is_read_in_both_plans(tmp_path: Path, vision: str) -> None:
    """"Visi Kota X Tahun ... adalah Terwujudnya ..." and "Visi Smart City Kota X: ..." are the visions,
    the missions under them; no check line about a missing vision."""
    draft = _draft(tmp_path, ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI", vision, *_MISSIONS])
    rpjmd, masterplan = draft.region.rpjmd, draft.region.masterplan
    assert [e.text for e in rpjmd.at("vision")] == [
        "Terwujudnya Kota Batu sebagai Kota Wisata yang Cerdas dan Sejahtera"]
    assert [e.text for e in masterplan.at("vision")] == ["Batu Smart City, Kota Wisata Cerdas Berkelanjutan"]
    assert [e.parents for e in rpjmd.at("mission")] == [("V",), ("V",)]
    assert [e.text for e in masterplan.at("mission")][1] == "Mengembangkan ekonomi pariwisata digital"
    assert not [c for c in draft.checks if "no vision" in c]


def test_a_vision_heading_under_which_no_vision_is_read_is_said(tmp_path: Path) -> None:
    """"4.1 Visi" with only a definition under it (the vision itself an image): a check line names the
    heading and its page, in English and Indonesian."""
    lines = ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi",
             "Visi merupakan rumusan umum mengenai keadaan yang diinginkan pada akhir periode perencanaan.",
             "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital"]
    draft = _draft(tmp_path, lines)
    assert not draft.region.rpjmd.at("vision")
    said = [c for c in draft.checks if "no vision" in c]
    assert len(said) == 1 and said[0].startswith('RPJMD: no vision read under "4.1 Visi" (') and \
        said[0].endswith('rpjmd.docx p. 1): check it (a vision is read quoted or as its own paragraph under "Visi", '
                         'or after "Visi ... adalah" / "Visi ...:")')
    draft = _draft(tmp_path, lines, lang="id")
    assert any(c.startswith('RPJMD: tidak ada visi terbaca di bawah "4.1 Visi"') for c in draft.checks)


def test_a_vision_chapter_whose_vision_is_not_read_is_said(tmp_path: Path) -> None:
    """"BAB IV VISI DAN MISI" whose vision sentence the draft does not read: the check line names the
    chapter's title."""
    draft = _draft(tmp_path, ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI",
                              "Kota Batu menetapkan arah pembangunan lima tahun ke depan bersama seluruh warga.",
                              *_MISSIONS])
    assert any('no vision read under "BAB IV VISI DAN MISI"' in c for c in draft.checks)


def test_a_chapter_whose_vision_comes_under_its_own_heading_is_no_check(tmp_path: Path) -> None:
    """A paragraph between "BAB IV VISI DAN MISI" and "4.1 Visi", the vision under the heading: no check."""
    draft = _draft(tmp_path, ["RPJMD KOTA BATU TAHUN 2025-2029", "BAB IV VISI DAN MISI",
                              "Bab ini memuat visi dan misi daerah.", "4.1 Visi",
                              "“Batu Kota Wisata yang Cerdas”", "4.2 Misi", "1. Mewujudkan tata kelola digital"])
    assert [e.text for e in draft.region.rpjmd.at("vision")] == ["Batu Kota Wisata yang Cerdas"]
    assert not [c for c in draft.checks if "no vision" in c]
