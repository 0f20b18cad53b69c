"""`smartsync draft`: region files drafted from PDF, Word and SIPD-like tables.

The quick tests draft small generated corpora and hand-written fixtures; the slow ones
run the evaluation on a corpus per form against the issue's targets.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("pdfplumber")
pytest.importorskip("docx")
pytest.importorskip("reportlab")

import smartsync  # noqa: E402
from smartsync.cli import main  # noqa: E402
from smartsync.documents import DraftError, draft_region  # noqa: E402
from smartsync.documents._text import money, numbering, program_code  # noqa: E402

from docgen import known_region, write_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from eval_draft import TARGETS, add, compare, scores  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "documents"


# ----------------------------------------------------------------- the small readers


@pytest.mark.parametrize("cell, unit, rupiah", [
    ("1.234.567.890", 1, 1_234_567_890),
    ("1,234,567,890", 1, 1_234_567_890),
    ("Rp 1.234.567.890,00", 1, 1_234_567_890),
    ("Rp. 12.500", 1, 12_500),
    ("1.234,5", 10**6, 1_234_500_000),
    ("1,234.5", 10**6, 1_234_500_000),
    ("12.500", 10**6, 12_500_000_000),
    ("2,75 miliar", 1, 2_750_000_000),
    ("Rp. 1.234.567.890,-", 1, 1_234_567_890),
    ("1,5 M", 1, 1_500_000_000),
    ("250 jt", 1, 250_000_000),
    ("NA", 1, None),
    ("-", 1, None),
    ("", 1, None),
])
def test_money_in_every_notation(cell: str, unit: int, rupiah: int | None) -> None:
    assert money(cell, unit) == rupiah


@pytest.mark.parametrize("header, unit", [
    ("Pagu Indikatif (Rp juta)", 10**6), ("(dalam ribuan rupiah)", 10**3), ("Pagu (Rp. 000)", 10**3),
    ("Anggaran (x Rp 1.000)", 10**3), ("Kebutuhan Dana (x 1.000.000)", 10**6), ("Pagu 2022 (Rp)", None),
])
def test_a_header_names_its_money_unit(header: str, unit: int | None) -> None:
    from smartsync.documents._text import unit_of

    assert unit_of(header) == unit


def test_a_text_is_not_money() -> None:
    assert money("Dinas Kesehatan") is False


@given(st.integers(0, 10**13), st.sampled_from([".", ","]))
def test_money_reads_back_any_amount_with_thousands_separators(amount: int, sep: str) -> None:
    written = f"{amount:,}".replace(",", sep)
    assert money(written) == amount


@pytest.mark.parametrize("raw, code, shaped", [
    ("2.16.02", "2.16.02", True), ("2.16.2", "2.16.02", True), ("2 16 02", "2.16.02", True),
    ("1.02.02.", "1.02.02", True), ("X.XX.01", "X.XX.01", False), ("1.20.1.20.03", "1.20.1.20.03", False),
    ("2 . 16 . 02", "2.16.02", True), ("2. 16. 2", "2.16.02", True), ("1", "1", False),
])
def test_program_codes_are_normalised(raw: str, code: str, shaped: bool) -> None:
    found = program_code(raw)
    assert found is not None and found[:2] == (code, shaped)


@pytest.mark.parametrize("line, level, number, text", [
    ("Misi 1: Mewujudkan kota", "mission", "1", "Mewujudkan kota"),
    ("Misi ke-2. Mewujudkan kota", "mission", "2", "Mewujudkan kota"),
    ("Tujuan 1.2 : Meningkatnya x", "goal", "1.2", "Meningkatnya x"),
    ("Sasaran 1.1.1 Meningkatnya x", "target", "1.1.1", "Meningkatnya x"),
    ("S1.1.1 Meningkatnya x", "target", "1.1.1", "Meningkatnya x"),
    ("M2. Membangun y", "mission", "2", "Membangun y"),
    ("T1.1 Meningkatnya x", "goal", "1.1", "Meningkatnya x"),
    ("II. Membangun y", None, "2", "Membangun y"),
    ("3. Membangun y", None, "3", "Membangun y"),
    ("Program Peningkatan Layanan", None, None, "Program Peningkatan Layanan"),
])
def test_numbering_and_labels_are_read_and_taken_off(line: str, level, number, text) -> None:
    assert numbering(line) == (level, number, text)


# ----------------------------------------------------------------- drafting


def _draft(tmp_path: Path, form: str, seed: int):
    known = known_region(seed, programs_per_target=(1, 2), missions=3)
    files = write_corpus(known, tmp_path / form, form, seed)
    return known, files, draft_region(rpjmd=files["rpjmd"], masterplan=files["masterplan"], id="contoh",
                                      name="Kota Contoh")


def _meets_targets(known, drafted) -> None:
    total: dict = {}
    add(total, compare(known, drafted))
    for kind, levels in total.items():
        for level, counts in levels.items():
            for key, value in scores(counts).items():
                assert value is None or value >= TARGETS[key], (kind, level, key, value)


@pytest.mark.parametrize("form", ["xlsx", "docx", "pdf"])
def test_a_small_generated_corpus_is_drafted_to_its_known_region(tmp_path: Path, form: str) -> None:
    known, _, draft = _draft(tmp_path, form, seed=3)
    _meets_targets(known, draft.region)
    assert draft.region.matches == ()
    assert known.rpjmd.period == draft.region.rpjmd.period
    assert known.masterplan.period == draft.region.masterplan.period


def test_every_drafted_element_says_where_it_was_read(tmp_path: Path) -> None:
    _, files, draft = _draft(tmp_path, "pdf", seed=4)
    for _, element in draft.elements():
        assert element.provenance is not None and element.provenance.text
        assert Path(element.provenance.file).name in {p.name for f in files.values() for p in f}
        assert element.provenance.page is not None
    programs = draft.region.rpjmd.at("program")
    assert all(p.provenance.printed_page for p in programs)  # "7 - 3" under every program page
    assert all(p.provenance.code for p in programs)          # the raw code is kept


def test_the_draft_is_written_valid_and_classifies(tmp_path: Path, capsys) -> None:
    known = known_region(5, programs_per_target=(1, 2), missions=3)
    files = write_corpus(known, tmp_path / "docs", "docx", 5)
    out = tmp_path / "draft.yaml"
    review = tmp_path / "review.html"
    code = main(["draft", "--rpjmd", *map(str, files["rpjmd"]), "--masterplan", *map(str, files["masterplan"]),
                 "--out", str(out), "--review", str(review), "--name", "Kota Contoh"])
    assert code == 0
    assert "drafted" in capsys.readouterr().out
    assert main(["validate", str(out)]) == 0
    assert main(["classify", str(out)]) == 0
    region = smartsync.load_region(out)
    assert region.rpjmd.at("program") and region.masterplan.at("program")
    page = review.read_text(encoding="utf-8")
    assert "<table class=draft>" in page and region.rpjmd.at("program")[0].text in page


def test_the_review_page_puts_the_least_sure_first(tmp_path: Path) -> None:
    _, _, draft = _draft(tmp_path, "xlsx", seed=6)
    scores_ = [e.confidence.score if e.confidence else 1.0 for _, e in draft.elements()]
    assert scores_ == sorted(scores_)


# ----------------------------------------------------------------- refusals


def _no_output(tmp_path: Path, rpjmd: Path, capsys) -> str:
    good = write_corpus(known_region(1), tmp_path / "good", "xlsx", 1)
    out = tmp_path / "out.yaml"
    code = main(["draft", "--rpjmd", str(rpjmd), "--masterplan", str(good["masterplan"][0]), "--out", str(out),
                 "--review", str(tmp_path / "review.html")])
    assert code == 1
    assert not out.exists() and not (tmp_path / "review.html").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]
    return capsys.readouterr().err


def test_a_scanned_pdf_is_refused_naming_its_pages(tmp_path: Path, capsys) -> None:
    err = _no_output(tmp_path, DATA / "scanned.pdf", capsys)
    assert "scanned.pdf" in err and "pages 2-3" in err and "OCR" in err


def test_an_encrypted_pdf_is_refused(tmp_path: Path, capsys) -> None:
    err = _no_output(tmp_path, DATA / "encrypted.pdf", capsys)
    assert "password" in err and "Traceback" not in err


@pytest.mark.parametrize("name, content", [("broken.pdf", b"%PDF-1.4 nonsense"), ("broken.docx", b"PK\x03\x04 no"),
                                           ("broken.xlsx", b"not a workbook"), ("plan.doc", b"old word")])
def test_a_corrupt_or_unknown_file_gets_a_clear_error(tmp_path: Path, capsys, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    err = _no_output(tmp_path, path, capsys)
    assert name in err and "Traceback" not in err


def test_a_pdf_of_no_pages_and_a_folder_get_a_clear_error(tmp_path: Path, capsys) -> None:
    from reportlab.pdfgen import canvas

    canvas.Canvas(str(tmp_path / "kosong ü.pdf")).save()  # a PDF with no page at all
    err = _no_output(tmp_path, tmp_path / "kosong ü.pdf", capsys)
    assert "kosong ü.pdf: holds no pages" in err and "Traceback" not in err
    (tmp_path / "bab 5.pdf").mkdir()
    err = _no_output(tmp_path, tmp_path / "bab 5.pdf", capsys)
    assert "bab 5.pdf: is a folder" in err


def test_pdf_words_are_whole_however_pdfium_drew_them(tmp_path: Path) -> None:
    """A word drawn in two pieces side by side is one word; two pieces apart with no space between
    are two words; a line drawn in one piece keeps each word's place (its columns)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from smartsync.documents.readers import read_document

    path = tmp_path / "rpjmd.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 760, "Sekolah Digi")  # "Digital" in two pieces, no gap
    pdf.drawString(72 + stringWidth("Sekolah Digi", "Helvetica", 11), 760, "tal Terpadu")
    for x, head in ((72, "Kode"), (160, "Program"), (420, "Pagu")):  # pieces apart, no space between
        pdf.drawString(x, 730, head)
    row = "2.16.02"  # one piece, its columns set with spaces: each word keeps its own place
    row += " " * round((160 - 72 - stringWidth(row, "Helvetica", 11)) / stringWidth(" ", "Helvetica", 11))
    row += "Program Aplikasi Informatika"
    row += " " * round((420 - 72 - stringWidth(row, "Helvetica", 11)) / stringWidth(" ", "Helvetica", 11))
    pdf.drawString(72, 710, row + "1.000.000")
    pdf.save()
    items = read_document(path).items
    assert items[0].text == "Sekolah Digital Terpadu"  # type: ignore[union-attr]
    assert items[1].cells == [["Kode", "Program", "Pagu"],  # type: ignore[union-attr]
                              ["2.16.02", "Program Aplikasi Informatika", "1.000.000"]]


def test_a_figure_cut_over_the_lines_of_a_narrow_cell_is_put_back_together() -> None:
    """ "11,134,00" over "0", "2.01" over ".20", "201" over "7" are one figure, code, year; words
    and lines that make no figure stay lines."""
    from smartsync.documents.readers import _join_cut_figures

    assert _join_cut_figures(["11,134,00", "0"]) == ["11,134,000"]
    assert _join_cut_figures(["23.9", "25.0", "00.0", "00"]) == ["23.925.000.000"]
    assert _join_cut_figures(["2.01", ".20"]) == ["2.01.20"]
    assert _join_cut_figures(["Target", "201", "7"]) == ["Target", "2017"]
    assert _join_cut_figures(["85", "90,5"]) == ["85", "90,5"]
    assert _join_cut_figures(["Pagu 20", "20"]) == ["Pagu 2020"]  # the cut is the line's last word
    assert _join_cut_figures(["Rp 7", "51.000.000", "x"]) == ["Rp 751.000.000", "x"]
    assert _join_cut_figures(["Tahun 2020", "85"]) == ["Tahun 2020", "85"]


def test_an_existing_region_file_is_kept_when_drafting_fails(tmp_path: Path, capsys) -> None:
    """A draft that fails leaves the region file there before as it was (an earlier draft,
    no matches: one a new draft may write over)."""
    out = tmp_path / "out.yaml"
    old = "schema: smartsync/region@1\nregion: {id: old}\nmatches: []\n"
    out.write_text(old, encoding="utf-8")
    good = write_corpus(known_region(1), tmp_path / "good", "xlsx", 1)
    assert main(["draft", "--rpjmd", str(DATA / "scanned.pdf"), "--masterplan", str(good["masterplan"][0]),
                 "--out", str(out)]) == 1
    assert out.read_text(encoding="utf-8") == old


def test_the_api_raises_a_draft_error_naming_the_file(tmp_path: Path) -> None:
    with pytest.raises(DraftError) as caught:
        draft_region(rpjmd=DATA / "encrypted.pdf", masterplan=DATA / "encrypted.pdf")
    assert caught.value.file and caught.value.file.endswith("encrypted.pdf")
    assert caught.value.code == "encrypted"


# ----------------------------------------------------------------- the evaluation targets


@pytest.mark.slow
@pytest.mark.parametrize("form", ["pdf", "docx", "xlsx"])
def test_the_generated_corpus_meets_the_targets(tmp_path: Path, form: str) -> None:
    total: dict = {}
    for seed in range(8):
        known = known_region(seed)
        files = write_corpus(known, tmp_path / f"{form}{seed}", form, seed)
        draft = draft_region(rpjmd=files["rpjmd"], masterplan=files["masterplan"])
        add(total, compare(known, draft.region))
    for kind, levels in total.items():
        for level, counts in levels.items():
            for key, value in scores(counts).items():
                assert value is None or value >= TARGETS[key], (form, kind, level, key, value)


def test_an_output_that_is_an_input_is_refused_before_reading(tmp_path: Path, capsys) -> None:
    good = write_corpus(known_region(1), tmp_path / "good", "xlsx", 1)
    before = good["rpjmd"][0].read_bytes()
    code = main(["draft", "--rpjmd", str(good["rpjmd"][0]), "--masterplan", str(good["masterplan"][0]),
                 "--out", str(good["rpjmd"][0])])
    assert code == 3
    assert "is one of the inputs" in capsys.readouterr().err
    assert good["rpjmd"][0].read_bytes() == before


def test_a_missing_output_folder_is_made(tmp_path: Path, capsys) -> None:
    """draft --out in folders that do not exist makes them, as report --out does (newuser F16)."""
    good = write_corpus(known_region(1), tmp_path / "good", "xlsx", 1)
    code = main(["draft", "--rpjmd", str(good["rpjmd"][0]), "--masterplan", str(good["masterplan"][0]),
                 "--out", str(tmp_path / "no" / "such" / "out.yaml")])
    assert code == 0 and (tmp_path / "no" / "such" / "out.yaml").is_file()


def test_an_output_folder_that_is_a_file_is_refused(tmp_path: Path, capsys) -> None:
    """draft --out under a file is refused (exit 3) and the file is left as it was."""
    good = write_corpus(known_region(1), tmp_path / "good", "xlsx", 1)
    (tmp_path / "block").write_text("mine", encoding="utf-8")
    code = main(["draft", "--rpjmd", str(good["rpjmd"][0]), "--masterplan", str(good["masterplan"][0]),
                 "--out", str(tmp_path / "block" / "out.yaml")])
    assert code == 3 and "is a file" in capsys.readouterr().err
    assert (tmp_path / "block").read_text(encoding="utf-8") == "mine"


@given(st.text())
def test_a_cleaned_cell_can_always_be_stored(text: str) -> None:
    """Whatever a document holds, the text drafted from it is one a region file accepts."""
    from smartsync._text import bad_character
    from smartsync.documents._text import clean

    assert bad_character(clean(text)) is None


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path, capsys) -> None:
    known = known_region(2, programs_per_target=(1, 1), missions=2)
    files = write_corpus(known, tmp_path / "docs", "pdf", 2, filler_pages=25)
    assert main(["draft", "--rpjmd", *map(str, files["rpjmd"]), "--masterplan", *map(str, files["masterplan"]),
                 "--out", str(tmp_path / "out.yaml")]) == 0
    assert "[#" not in capsys.readouterr().err


def test_the_progress_bar_counts_pages(capsys) -> None:
    from smartsync.cli.draft_cmd import _Bar

    bar = _Bar()
    for page in range(1, 41):
        bar("rpjmd.pdf", page, 40)
    err = capsys.readouterr().err
    assert "40/40" in err and err.endswith("\n") and "[" + "#" * 30 + "]" in err


@pytest.mark.parametrize("folder", sorted(p.name for p in DATA.iterdir() if p.is_dir()))
def test_the_hand_written_fixtures_are_drafted_to_their_known_regions(folder: str) -> None:
    """Documents written apart from the generator (other headers, layouts and wording)."""
    here = DATA / folder
    docs = sorted(p for p in here.iterdir() if p.name != "known.yaml")
    draft = draft_region(rpjmd=[p for p in docs if p.name.startswith("rpjmd")],
                         masterplan=[p for p in docs if p.name.startswith("masterplan")])
    known = smartsync.load_region(here / "known.yaml")
    _meets_targets(known, draft.region)
    assert draft.region.rpjmd.period == known.rpjmd.period
    assert draft.region.masterplan.period == known.masterplan.period


def test_the_review_page_and_the_reasons_read_in_indonesian(tmp_path: Path) -> None:
    from smartsync.documents import _words
    from smartsync.documents.review import render_review

    assert set(_words.EN) == set(_words.ID)
    draft = draft_region(rpjmd=DATA / "fiktif" / "rpjmd.csv", masterplan=DATA / "fiktif" / "masterplan.docx",
                         lang="id")
    page = render_review(draft, lang="id")
    assert 'lang="id"' in page and "keyakinan" in page and "Hierarki hasil draf" in page
    reasons = [r for _, e in draft.elements() if e.confidence for r in e.confidence.reasons]
    assert reasons and not any("came from" in r for r in reasons)


def test_an_rpjmd_heading_that_names_the_rpjmd_is_its_own_vision() -> None:
    from smartsync.documents._doc import Document, Line
    from smartsync.documents.draft import draft_plan
    from smartsync.model import PlanKind

    lines = ["RPJMD KOTA CONTOH TAHUN 2021-2026", "BAB IV VISI DAN MISI", "4.1 Visi RPJMD Kota Contoh",
             "“Kota Contoh yang maju dan sejahtera”", "4.2 Visi RPJPD (jangka panjang)",
             "“Kota Contoh 2045 yang gemilang”"]
    doc = Document("rpjmd.pdf", [Line(t, 1) for t in lines], pages=1)
    rpjmd = draft_plan(PlanKind.RPJMD, [doc])
    assert [i.text for i in rpjmd.items] == ["Kota Contoh yang maju dan sejahtera"]
    masterplan = draft_plan(PlanKind.MASTERPLAN, [Document("mp.pdf", [Line(t, 1) for t in lines], pages=1)])
    assert masterplan.items == []  # both quote other plans


def test_a_perda_annex_is_drafted_past_its_noise() -> None:
    """sukamaju/ (tests/data/documents/make_sukamaju.py): BAB II realisation table, a BAB V table
    whose mission cell runs over a page break and an indicator "Jumlah UMKM ...", a landscape
    BAB VII with a two-row header, column numbers, group rows and codes like "2 . 16 . 03"."""
    here = DATA / "sukamaju"
    draft = draft_region(rpjmd=here / "rpjmd-perda-3-2021.pdf", masterplan=here / "masterplan-buku2.pdf")
    rpjmd = draft.region.rpjmd
    programs = {p.text: p for p in rpjmd.at("program")}
    assert len(programs) == 10  # the BAB II realisation rows are not programs
    assert not any("Wajib Belajar" in t for t in programs)
    spaced = programs["Program Informasi dan Komunikasi Publik"]
    assert (spaced.code, spaced.provenance.code, spaced.budget) == ("2.16.03", "2 . 16 . 03", 5_100_000_000)
    assert spaced.provenance.printed_page == "VII - 1"
    goal = next(g for g in rpjmd.at("goal") if g.text == "Meningkatkan pertumbuhan ekonomi daerah")
    assert rpjmd[goal.parents[0]].text.startswith("Mengembangkan perekonomian")
    assert all(rpjmd[t.parents[0]].level.value == "goal" for t in rpjmd.at("target"))
    assert sorted(p.dimension.value for p in draft.region.masterplan.at("program")).count("branding") == 2


def test_a_sipd_export_skips_urusan_rows_and_reads_thousands() -> None:
    """sipd/: a T-C.27 workbook (title rows, "(dalam ribuan rupiah)", urusan "1" and bidang
    "1.01" rows, Target/Rp pairs per year) and a CSV whose title row holds no separator."""
    here = DATA / "sipd"
    draft = draft_region(rpjmd=here / "rpjmd-sipd T-C27 (ekspor).xlsx", masterplan=here / "masterplan-quickwin.csv")
    programs = draft.region.rpjmd.at("program")
    assert [p.code for p in programs] == ["1.01.02", "1.02.02", "2.16.02", "2.16.03"]
    assert programs[0].budget == 800_000_000_000
    assert draft.region.rpjmd.period == smartsync.Period(2024, 2029)
    quick = draft.region.masterplan.at("program")
    assert [q.dimension.value for q in quick] == ["governance", "governance", "economy", "environment"]


def test_a_word_rpjmd_with_code_and_name_in_one_column() -> None:
    """makmur/ (tests/data/documents/make_makmur.py): "Kode dan Program Prioritas" in one
    column, Target/Rp pairs per year under a three-row header, strategies in the same chapter
    as the goals and targets (not targets), missions quoted again above their goals."""
    here = DATA / "makmur"
    draft = draft_region(rpjmd=here / "rpjmd-makmur-jaya.docx", masterplan=here / "masterplan-buku-ii.docx")
    rpjmd = draft.region.rpjmd
    programs = {p.code: p for p in rpjmd.at("program")}
    assert sorted(programs) == ["1.02.02", "2.16.02", "2.16.03", "5.01.02"]
    assert programs["2.16.02"].text == "Program Aplikasi Informatika"
    assert programs["2.16.02"].budget == 12_500_000_000 and programs["2.16.02"].agency == "Diskominfo"
    assert len(rpjmd.at("mission")) == 2 and len(rpjmd.at("target")) == 3
    assert not any("Penguatan sistem" in e.text for e in rpjmd.elements)


def test_a_borderless_table_goes_on_under_a_group_row_and_bold_items_end_at_their_description() -> None:
    """sejahtera/ (tests/data/documents/make_sejahtera.py): the program table's next page opens
    with the running header and a group row, no header; the masterplan's programs are bold
    numbered headings ("4.1.1 Program Unggulan: ...") with a plain paragraph under each."""
    here = DATA / "sejahtera"
    draft = draft_region(rpjmd=here / "rpjmd-bab-vi-viii.pdf", masterplan=here / "masterplan-buku-ii.pdf")
    rpjmd = draft.region.rpjmd
    last = rpjmd.at("program")[-1]
    assert (last.code, last.budget, rpjmd[last.parents[0]].text) == (
        "2.16.02", 3_000_000_000, "Meningkatnya indeks SPBE")
    assert any(p.text == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten" for p in rpjmd.at("program"))
    programs = draft.region.masterplan.at("program")
    assert [p.text for p in programs][:2] == ["Sistem Informasi Pelayanan Terpadu", "Integrasi Data Kependudukan"]
    assert [p.dimension.value for p in programs] == ["governance", "governance", "society", "living"]
    assert [v.text for v in draft.region.masterplan.at("vision")] == [
        "Sejahtera Smart Regency 2032: Terhubung, Efisien, Berbudaya"]


def test_a_workbook_with_uncomputed_formulas_is_refused_naming_the_cells(tmp_path: Path, capsys) -> None:
    """openpyxl and other writers store formulas without their values: the pagu would be lost."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Program"
    sheet.append(["RPJMD KOTA UJI TAHUN 2021-2026"])
    sheet.append(["Sasaran", "Kode", "Nama Program", "Pagu 2022 (Rp)", "Pagu 2023 (Rp)"])
    sheet.append(["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", 1_000_000, "=D3*2"])
    path = tmp_path / "rpjmd rumus.xlsx"
    book.save(path)
    err = _no_output(tmp_path, path, capsys)
    assert "rpjmd rumus.xlsx: sheet 'Program': formulas without a computed value in E3" in err


def test_dimension_headings_in_indonesian_or_further_on_place_the_programs_under_them() -> None:
    from smartsync.documents._doc import Document, Line
    from smartsync.documents.draft import draft_plan
    from smartsync.model import PlanKind

    lines = ["MASTERPLAN SMART CITY KOTA CONTOH 2022-2031", "BAB IV RENCANA AKSI",
             "4.1 Dimensi Tata Kelola", "1. Satu data kota",
             "4.2 Ekonomi Cerdas (Smart Economy)", "1. Pasar daring UMKM",
             "4.3 Lingkungan Hidup Cerdas", "1. Bank sampah digital",
             "4.4 Quick Win Dimensi Smart Living", "1. Layanan darurat 112",
             "4.5 Pencitraan Cerdas", "1. Portal wisata kota"]
    plan = draft_plan(PlanKind.MASTERPLAN, [Document("mp.pdf", [Line(t, 1) for t in lines], pages=1)])
    assert [(i.text, i.dimension.value) for i in plan.items] == [
        ("Satu data kota", "governance"), ("Pasar daring UMKM", "economy"),
        ("Bank sampah digital", "environment"), ("Layanan darurat 112", "living"),
        ("Portal wisata kota", "branding")]


def test_a_cascading_workbook_gives_each_level_its_own_indicators_and_strips_outline_numbers() -> None:
    """cascading/ (tests/data/documents/make_cascading.py)."""
    here = DATA / "cascading"
    draft = draft_region(rpjmd=here / "rpjmd-cascading.xlsx", masterplan=here / "masterplan-quick-win.xlsx")
    rpjmd = draft.region.rpjmd
    goal, target = rpjmd.at("goal")[0], rpjmd.at("target")[0]
    assert (goal.id, goal.text, goal.indicators) == ("T1.1", "Meningkatkan akuntabilitas", ("Nilai SAKIP",))
    assert (target.id, target.indicators) == ("S1.1.1", ("Nilai evaluasi RKPD",))
    assert all(not p.indicators for p in rpjmd.at("program"))
    assert rpjmd.period == smartsync.Period(2021, 2026)


def test_word_lists_numbered_by_word_and_a_visi_misi_table_are_read() -> None:
    """merdeka/ (tests/data/documents/make_merdeka.py): missions and programs in Word's own
    numbered and bulleted lists, the masterplan's vision and missions in a "Visi" | "Misi"
    table, program rows naming their mission only as "Misi 1"."""
    here = DATA / "merdeka"
    draft = draft_region(rpjmd=here / "rpjmd-merdeka.docx", masterplan=here / "masterplan-merdeka.docx")
    rpjmd, masterplan = draft.region.rpjmd, draft.region.masterplan
    assert [m.text for m in rpjmd.at("mission")] == ["Mewujudkan birokrasi yang bersih dan melayani",
                                                     "Meningkatkan daya saing ekonomi lokal"]
    assert [rpjmd[p.parents[0]].id for p in rpjmd.at("program")] == ["M1", "M1", "M2"]
    assert [v.text for v in masterplan.at("vision")] == ["Merdeka Kota Cerdas yang Berbudaya"]
    assert len(masterplan.at("mission")) == 2
    assert [(p.text, p.dimension.value) for p in masterplan.at("program")] == [
        ("Aplikasi perizinan terpadu", "governance"), ("Dasbor kota", "governance"), ("Sensor banjir", "environment")]
