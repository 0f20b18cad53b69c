"""A footnote mark set superscript right after a word or a figure is no part of it (issue 24):
"Program Smart Governance" + superscript "2" was drafted "Program Smart Governance2" (Word and
PDF), and in a PDF "2.500" + superscript "1" read as 2.5001; a superscript after a unit ("m" +
"2") is kept. The documents are written as a planner's word processor sets a footnote mark: Word's
superscript run, a PDF's smaller digit raised above the line."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docbuild import MASTERPLAN, write_docx, write_pdf  # noqa: E402
from test_regression_readers_word_as_shown import _run  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402

RPJMD = ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
         "“Pasuruan Maju dan Sejahtera”", "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital",
         "2. Meningkatkan daya saing pariwisata"]
PLAN = ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034"] + MASTERPLAN[:3] + [
    "BAB IV RENCANA PROGRAM", "4.1 Smart Governance", "1. Satu data Pasuruan", "2. Aplikasi layanan terpadu"]


def _draft(rpjmd: Path, masterplan: Path):
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def _texts(draft) -> tuple[list[str], list[str]]:
    return ([e.text for e in draft.region.rpjmd.at("mission")],
            [e.text for e in draft.region.masterplan.at("program")])


RIGHT = (["Mewujudkan tata kelola pemerintahan digital", "Meningkatkan daya saing pariwisata"],
         ["Satu data Pasuruan", "Aplikasi layanan terpadu"])


def test_word_superscript_mark_after_a_word_is_dropped(tmp_path: Path) -> None:
    """In Word, a superscript "2" after "Pasuruan" and a superscript "1" after a mission's last
    word are footnote marks: the program and the mission as typed without them."""
    rpjmd, masterplan = docx.Document(), docx.Document()
    for document, lines in ((rpjmd, RPJMD), (masterplan, PLAN)):
        for text in lines:
            paragraph = document.add_paragraph(text)
            if text in ("1. Satu data Pasuruan", "2. Meningkatkan daya saing pariwisata"):
                paragraph._p.append(_run("2" if "Pasuruan" in text else "1", superscript=True))
    rpjmd.save(tmp_path / "rpjmd.docx")
    masterplan.save(tmp_path / "masterplan.docx")
    assert _texts(_draft(tmp_path / "rpjmd.docx", tmp_path / "masterplan.docx")) == RIGHT


def test_word_superscript_after_a_unit_is_kept(tmp_path: Path) -> None:
    """A superscript "2" after "m" is the unit's (m²), not a footnote mark."""
    document = docx.Document()
    paragraph = document.add_paragraph("Luas ruang terbuka hijau 25 m")
    paragraph._p.append(_run("2", superscript=True))
    path = tmp_path / "rth.docx"
    document.save(path)
    assert read_document(path).items[0].text == "Luas ruang terbuka hijau 25 m2"


def _super(text: str, mark: str) -> str:
    return f'{text}<super rise="2.5" size="6">{mark}</super>'


def test_pdf_superscript_mark_after_a_word_is_dropped(tmp_path: Path) -> None:
    """In a PDF, a smaller digit raised after "Pasuruan" and after a mission's last word is a
    footnote mark: the program and the mission as printed without it."""
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    marked = {"1. Satu data Pasuruan": "2", "2. Meningkatkan daya saing pariwisata": "1"}
    rpjmd = write_pdf(tmp_path / "rpjmd.pdf", [_super(t, marked[t]) if t in marked else t for t in RPJMD])
    masterplan = write_pdf(tmp_path / "masterplan.pdf", [_super(t, marked[t]) if t in marked else t for t in PLAN])
    assert _texts(_draft(rpjmd, masterplan)) == RIGHT


def test_pdf_superscript_mark_after_a_figure_is_no_digit_of_it(tmp_path: Path) -> None:
    """In a PDF, "2.500" followed by a raised smaller "1" reads 2.500, not 2.5001; "m" followed by
    a raised "2" keeps it (the unit)."""
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    path = write_pdf(tmp_path / "catatan.pdf", [_super("Pagu tahun 2025 sebesar Rp 2.500", "1") + " juta",
                                                _super("Luas ruang terbuka hijau 25 m", "2") + " per kapita"])
    assert [line.text for line in read_document(path).items] == [
        "Pagu tahun 2025 sebesar Rp 2.500 juta", "Luas ruang terbuka hijau 25 m2 per kapita"]


def test_a_plain_digit_after_a_word_is_kept(tmp_path: Path) -> None:
    """A digit set at the text's own size after a word ("Tahap 2", "SDG16") is no mark: kept."""
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    path = write_pdf(tmp_path / "catatan.pdf", ["Tahap 2 mendukung SDG16"])
    assert [line.text for line in read_document(path).items] == ["Tahap 2 mendukung SDG16"]
    word = write_docx(tmp_path / "catatan.docx", ["Tahap 2 mendukung SDG16"])
    assert [line.text for line in read_document(word).items] == ["Tahap 2 mendukung SDG16"]
