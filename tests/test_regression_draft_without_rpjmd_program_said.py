"""Regression (newuser F206): a draft whose RPJMD documents hold no program (BAB V given, BAB VII
forgotten) had no check line; the gap showed only later, as a validate warning and the type
"unsynchronized".
"""

from __future__ import annotations

import pytest

import smartsync

docx = pytest.importorskip("docx")


def _docx(path, lines):
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(path)
    return path


@pytest.mark.parametrize("lang, words", [
    ("en", "RPJMD: no program read from rpjmd-bab5.docx: the documents given hold no program chapter"),
    ("id", "RPJMD: tidak ada program terbaca dari rpjmd-bab5.docx: dokumen yang diberikan tidak memuat bab program")])
def test_an_rpjmd_without_programs_is_a_check_line_at_draft_time(tmp_path, lang: str, words: str) -> None:
    """The draft says the RPJMD has no program, names its files and says to add the program chapter."""
    rpjmd = _docx(tmp_path / "rpjmd-bab5.docx", [
        "RPJMD KOTA UJI TAHUN 2025-2029", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
        "“Kota Uji yang Maju”", "5.2 Misi", "1. Mewujudkan pemerintahan yang bersih"])
    masterplan = _docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA UJI TAHUN 2025-2034", "3.1 Visi Smart City", "“Uji Smart City 2034”",
        "Smart Governance", "1. Aplikasi pengaduan terpadu"])
    draft = smartsync.draft_region(rpjmd=rpjmd, masterplan=masterplan, lang=lang)
    said = [c for c in draft.checks if c.startswith(words)]
    assert len(said) == 1 and ("--rpjmd" in said[0])
    assert not [c for c in draft.checks if c.startswith("masterplan: no program")]


def test_a_draft_with_programs_on_both_sides_says_nothing_of_them() -> None:
    """The fixture region (programs in both plans) gets no such line."""
    draft = smartsync.draft_region(rpjmd="tests/data/documents/fiktif/rpjmd.csv",
                                   masterplan="tests/data/documents/fiktif/masterplan.docx")
    assert not [c for c in draft.checks if "no program read" in c]
