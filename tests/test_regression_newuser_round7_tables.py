"""Newuser round 7 (tables lane): a masterplan's own alignment table drafted as matches the
document proposes (F175). Each test builds the planner's documents as the finding's script did
and asserts what the planner relies on."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import PAGE, write_docx  # noqa: E402

import smartsync  # noqa: E402
from smartsync.documents import draft_region  # noqa: E402

RPJMD_LINES = [
    "RPJMD KOTA UJI TUJUH TAHUN 2021-2026", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "Visi",
    "“Kota Uji Tujuh yang Maju dan Melayani”", "Misi",
    "1. Mewujudkan tata kelola pemerintahan yang bersih dan digital",
    "2. Meningkatkan daya saing ekonomi lokal berbasis UMKM dan pariwisata",
    "Tujuan 1.1 Meningkatkan kualitas tata kelola", "Sasaran 1.1.1 Meningkatnya penerapan SPBE",
    "Tujuan 2.1 Meningkatkan pertumbuhan ekonomi", "Sasaran 2.1.1 Meningkatnya UMKM naik kelas",
    "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN",
    "Tabel 7.1 Indikasi Rencana Program (Rp)"]
RPJMD_TABLE = [
    ["Kode", "Program", "Sasaran", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
    ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000",
     "Dinas Komunikasi dan Informatika"],
    ["2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "1.1.1", "4.200.000.000",
     "Dinas Komunikasi dan Informatika"],
    ["2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "2.1.1",
     "8.000.000.000", "Dinas Koperasi dan UKM"]]
MASTERPLAN_LINES = [
    "MASTERPLAN SMART CITY KOTA UJI TUJUH 2022-2031", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi",
    "“Uji Tujuh Cerdas 2031: kota yang terhubung dan melayani”", "3.2 Misi",
    "1. Menghadirkan layanan publik digital yang terintegrasi", "BAB V RENCANA AKSI SMART CITY",
    "Tabel 5.1 Rencana Aksi dan Keterkaitan dengan Program RPJMD"]


def _draft(tmp_path: Path, table: list[list[str]], lang: str = "en"):
    rpjmd = write_docx(tmp_path / "rpjmd-uji7.docx", [*RPJMD_LINES, RPJMD_TABLE])
    masterplan = write_docx(tmp_path / "masterplan-uji7.docx", [*MASTERPLAN_LINES, table])
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, id="3579", kind="kota", lang=lang)


ALIGNMENT = [["Dimensi", "Rencana Aksi", "Anggaran (Rp juta)", "Program RPJMD Terkait"],
             ["Smart Governance", "Satu Data dan integrasi aplikasi SPBE", "2.500",
              "Program Pengelolaan Aplikasi Informatika"],
             ["Smart Economy", "Lokapasar UMKM kota", "1.200", "Program Pemberdayaan UMKM"],
             ["Smart Mobility", "Bus kota dengan pelacakan daring", "3.000", "-"]]


def test_the_alignment_tables_pairs_are_matches_the_document_proposes(tmp_path: Path) -> None:
    """F175: each row's "Program RPJMD Terkait" is a suggested match from the action to that RPJMD
    program (found by name as written, or by the matcher for "Program Pemberdayaan UMKM"), its note
    naming the file, the page and the column; a "-" cell pairs nothing."""
    draft = _draft(tmp_path, ALIGNMENT)
    ids = {e.text: e.id for plan in (draft.region.rpjmd, draft.region.masterplan) for e in plan.elements}
    pairs = {(m.masterplan, m.rpjmd): m for m in draft.region.matches}
    assert set(pairs) == {(ids["Satu Data dan integrasi aplikasi SPBE"], ids["Program Pengelolaan Aplikasi Informatika"]),
                          (ids["Lokapasar UMKM kota"],
                           ids["Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)"])}
    for match in pairs.values():
        assert match.source == "suggested" and match.relation == "aligned" and 0 < match.score <= 1
        assert 'masterplan-uji7.docx p. 1, column "Program RPJMD Terkait"' in match.note
    said = [c for c in draft.checks if "Program RPJMD Terkait" in c]
    assert len(said) == 1 and "2 pairs" in said[0] and "\u2192" in said[0]


def test_the_documented_pair_gives_the_action_its_funding_route(tmp_path: Path) -> None:
    """F175: the e-government action the document pairs with the informatics program is
    synchronized and funded when the draft is classified as written (never listed as without
    an APBD route until typed by hand)."""
    draft = _draft(tmp_path, ALIGNMENT)
    spbe = next(e.id for e in draft.region.masterplan.at("program") if "SPBE" in e.text)
    result = smartsync.classify(draft.region)
    assert spbe in result.funding.fundable_ids


def test_a_cell_naming_no_rpjmd_program_is_said_not_matched(tmp_path: Path) -> None:
    """A "Program RPJMD Terkait" cell naming a program the RPJMD does not state writes no match;
    the check line names the cell and the action."""
    table = [ALIGNMENT[0], ALIGNMENT[1],
             ["Smart Living", "Sensor banjir kota", "1.900", "Program Pengendalian Banjir"]]
    draft = _draft(tmp_path, table)
    assert [m.masterplan for m in draft.region.matches] == ["SP1"]
    said = next(c for c in draft.checks if "Program RPJMD Terkait" in c)
    assert "SP1 \u2192 P1" in said and '"Program Pengendalian Banjir" (SP2) names no program of the RPJMD' in said


def test_a_code_column_of_the_rpjmd_finds_the_program_by_its_code(tmp_path: Path) -> None:
    """ "Kode RPJMD" beside the RPJMD program's name: the pair is found by the code even when the
    name is abbreviated past the matcher's reach, at score 1."""
    table = [["Rencana Aksi", "Anggaran (Rp juta)", "Kode RPJMD", "Program RPJMD"],
             ["Portal informasi publik terpadu", "750", "2.16.02", "Prog. IKP"]]
    draft = _draft(tmp_path, table)
    informasi = next(e.id for e in draft.region.rpjmd.at("program") if e.code == "2.16.02")
    assert [(m.masterplan, m.rpjmd, m.score) for m in draft.region.matches] == [("SP1", informasi, 1.0)]


def test_a_mission_crosswalk_proposes_adopted_for_a_mission_taken_word_for_word(tmp_path: Path) -> None:
    """ "No | Misi RPJMD | Misi Smart City": a smart city mission that is the RPJMD's word for word
    is proposed as adopted; one worded otherwise as aligned, for the reviewer to raise."""
    rpjmd = write_docx(tmp_path / "rpjmd.docx", [*RPJMD_LINES, RPJMD_TABLE])
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA UJI TUJUH 2022-2031", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi",
        "“Uji Tujuh Cerdas 2031”", "3.2 Misi Smart City", [
            ["No", "Misi RPJMD", "Misi Smart City"],
            ["1", "Mewujudkan tata kelola pemerintahan yang bersih dan digital",
             "Mewujudkan tata kelola pemerintahan yang bersih dan digital"],
            ["2", "Meningkatkan daya saing ekonomi lokal berbasis UMKM dan pariwisata",
             "Mendorong ekonomi digital UMKM dan pariwisata"]], "BAB IV PROGRAM SMART CITY",
        "Smart Governance", "1. Satu Data"])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    assert sorted((m.masterplan, m.rpjmd, m.relation.value) for m in draft.region.matches) == [
        ("SM1", "M1", "adopted"), ("SM2", "M2", "aligned")]


def test_the_review_pages_show_the_pair_as_stated_by_the_document(tmp_path: Path) -> None:
    """The draft's review page lists the proposed matches with the table they came from; the
    review server's page labels the note "stated by the document" (Indonesian: "dinyatakan
    dokumen")."""
    from smartsync.documents.review import render_review
    from smartsync.review.page import _match_item

    draft = _draft(tmp_path, ALIGNMENT, lang="id")
    page = render_review(draft, lang="id")
    assert "Padanan usulan dokumen (2)" in page and "kolom &quot;Program RPJMD Terkait&quot;" in page
    item = _match_item(draft.region.matches[0], draft.region, "id")
    assert 'class="document"' in item and "dinyatakan dokumen:" in item
    assert "stated by the document:" in _match_item(draft.region.matches[0], draft.region, "en")


def test_a_program_row_with_short_figures_is_never_taken_for_a_repeated_header(tmp_path: Path) -> None:
    """ "Smart Living | Sensor banjir kota | 900 | Program Pengendalian Banjir" (Rp juta) reads like
    a header by its words (a dimension, a program) and its figure is short: it is a program of the
    table, never dropped as the header repeated on a page."""
    table = [ALIGNMENT[0], ALIGNMENT[1], ["Smart Living", "Sensor banjir kota", "900", "Program X"]]
    draft = _draft(tmp_path, table)
    assert [(e.text, e.budget) for e in draft.region.masterplan.at("program")] == [
        ("Satu Data dan integrasi aplikasi SPBE", 2_500_000_000), ("Sensor banjir kota", 900_000_000)]


# -- agencies by their short names: one program read in two chapters under "Diskominfo" and
#    "Dinas Komunikasi dan Informatika"


def _two_chapters(tmp_path: Path, first: str, second: str) -> Path:
    table_6 = [["Kode", "Program", "Sasaran", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
               ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000", first],
               ["2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "2.1.1",
                "8.000.000.000", "Dinas Koperasi dan UKM"]]
    table_7 = [["Kode", "Program", "Sasaran", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
               ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000", second],
               ["2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "2.1.1",
                "8.000.000.000", "Diskopukm"]]
    return write_docx(tmp_path / "rpjmd-bab6-bab7.docx", [
        *RPJMD_LINES[:-2], "BAB VI STRATEGI, ARAH KEBIJAKAN DAN PROGRAM PEMBANGUNAN DAERAH",
        "Tabel 6.2 Program Pembangunan Daerah (Rp)", table_6, PAGE,
        "BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH",
        "Tabel 7.1 Program Perangkat Daerah (Rp)", table_7])


@pytest.mark.parametrize("first, second", [("Diskominfo", "Dinas Komunikasi dan Informatika"),
                                           ("Dinas Kominfo Kota Uji Tujuh", "DISKOMINFO")])
def test_an_agency_by_its_short_name_and_in_full_is_one_agency(tmp_path: Path, first: str, second: str) -> None:
    """One program read in BAB VI under "Diskominfo" and in BAB VII under "Dinas Komunikasi dan
    Informatika" (the agency data spells the short name out) is one program of one agency, read
    in both; no check line says two programs share its code."""
    masterplan = write_docx(tmp_path / "masterplan.docx", [*MASTERPLAN_LINES[:-2], "BAB IV PROGRAM SMART CITY",
                                                          "Smart Governance", "1. Satu Data"])
    draft = draft_region(rpjmd=_two_chapters(tmp_path, first, second), masterplan=masterplan)
    programs = draft.region.rpjmd.at("program")
    assert [(e.code, e.budget, e.agency) for e in programs] == [
        ("2.16.03", 12_500_000_000, first),
        ("2.17.07", 8_000_000_000, "Dinas Koperasi dan UKM")]
    assert programs[0].provenance.also is not None
    assert not [c for c in draft.checks if "share the code" in c]


def test_two_agencies_stay_two(tmp_path: Path) -> None:
    """A program under two agencies whose names spell out differently (Diskominfo, Dinas Kesehatan)
    stays one program per agency."""
    masterplan = write_docx(tmp_path / "masterplan.docx", [*MASTERPLAN_LINES[:-2], "BAB IV PROGRAM SMART CITY",
                                                          "Smart Governance", "1. Satu Data"])
    draft = draft_region(rpjmd=_two_chapters(tmp_path, "Diskominfo", "Dinas Kesehatan"), masterplan=masterplan)
    assert [e.agency for e in draft.region.rpjmd.at("program") if e.code == "2.16.03"] == [
        "Diskominfo", "Dinas Kesehatan"]


# -- the support program every agency has (X.XX.01): one line saying so, not "share the code" lines

SUPPORT = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"


def test_support_programs_per_agency_are_said_once_not_as_a_shared_code(tmp_path: Path) -> None:
    """X.XX.01 listed under three agencies: three programs, and one line saying they are the
    support program of each agency (en, id); no "share the code X.XX.01" line. Two programs of
    one other code still get theirs."""
    rows = [["Kode", "Program", "Sasaran", "Pagu Indikatif (Rp)", "Perangkat Daerah"]]
    for agency in ("Sekretariat Daerah", "Bappeda", "Diskominfo"):
        rows.append(["X.XX.01", SUPPORT, "1.1.1", "4.000.000.000", agency])
    rows += [["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000", "Diskominfo"],
             ["2.16.03", "Program Pengembangan Aplikasi Daerah", "1.1.1", "2.000.000.000", "Diskominfo"]]
    masterplan = write_docx(tmp_path / "masterplan.docx", [*MASTERPLAN_LINES[:-2], "BAB IV PROGRAM SMART CITY",
                                                          "Smart Governance", "1. Satu Data"])
    for lang, said, shared in (("en", "3 support programs", "share the code"),
                               ("id", "3 program penunjang", "berkode sama")):
        rpjmd = write_docx(tmp_path / f"rpjmd-{lang}.docx", [*RPJMD_LINES, rows])
        draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, lang=lang)
        assert [e.agency for e in draft.region.rpjmd.at("program") if e.code == "X.XX.01"] == [
            "Sekretariat Daerah", "Bappeda", "Diskominfo"]
        support = [c for c in draft.checks if said in c]
        assert len(support) == 1 and "P1 (Sekretariat Daerah), P2 (Bappeda), P3 (Diskominfo)" in support[0]
        codes = [c for c in draft.checks if shared in c]
        assert len(codes) == 1 and "2.16.03" in codes[0] and "X.XX.01" not in codes[0]


# -- F212: budgets written "Rp 1,5 M" / "Rp 750 juta" in a masterplan's action table


@pytest.mark.parametrize("form", ["docx", "csv"])
def test_action_rows_with_budgets_in_words_are_all_programs(tmp_path: Path, form: str) -> None:
    """F212: "No | Dimensi | Rencana Aksi | Estimasi Anggaran | OPD" with "Rp 1,5 M", "Rp 750 juta":
    every row a program with its budget and dimension (the rows had read like a repeated header:
    no program at all, or half of them silently)."""
    rows = [["No", "Dimensi", "Rencana Aksi", "Estimasi Anggaran", "OPD"],
            ["1", "Smart Governance", "Satu data kota", "Rp 1,5 M", "Diskominfo"],
            ["2", "Smart Governance", "Aplikasi pengaduan", "Rp 750 juta", "Diskominfo"],
            ["3", "Smart Economy", "Pasar digital UMKM", "Rp 2 M", "Dinas Koperasi dan UKM"],
            ["4", "Smart Environment", "Sensor kualitas udara", "Rp 500 jt", "Dinas Lingkungan Hidup"]]
    rpjmd = write_docx(tmp_path / "rpjmd.docx", [*RPJMD_LINES, RPJMD_TABLE])
    if form == "csv":
        masterplan = tmp_path / "masterplan.csv"
        masterplan.write_text("\n".join(";".join(r) for r in rows) + "\n", encoding="utf-8")
    else:
        masterplan = write_docx(tmp_path / "masterplan.docx", [*MASTERPLAN_LINES[:-2], "BAB V RENCANA AKSI",
                                                              "Tabel 5.1 Rencana Aksi Smart City", rows])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, masterplan_period=(2022, 2031))
    assert [(e.text, e.budget, e.dimension.value) for e in draft.region.masterplan.at("program")] == [
        ("Satu data kota", 1_500_000_000, "governance"), ("Aplikasi pengaduan", 750_000_000, "governance"),
        ("Pasar digital UMKM", 2_000_000_000, "economy"), ("Sensor kualitas udara", 500_000_000, "environment")]


@pytest.mark.parametrize("cell", ["IDR 1.250.000.000", "IDR 1,250,000,000", "1.250.000.000 IDR"])
def test_a_pagu_cell_written_with_idr_is_read_as_rupiah(tmp_path: Path, cell: str) -> None:
    """F194: "IDR 1.250.000.000" in a pagu cell is Rp 1.250.000.000 (it was not read, and the
    reason said no pagu was found)."""
    rpjmd = tmp_path / "rpjmd.csv"
    rpjmd.write_text("Sasaran;Kode;Program;Pagu Indikatif (Rp);Perangkat Daerah\n"
                     f"Meningkatnya indeks SPBE;2.16.03;Program Pengelolaan Aplikasi Informatika;{cell};Diskominfo\n",
                     encoding="utf-8")
    masterplan = tmp_path / "masterplan.csv"
    masterplan.write_text("Dimensi;Program\nSmart Governance;Satu data\n", encoding="utf-8")
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2021, 2026),
                         masterplan_period=(2022, 2031))
    program = draft.region.rpjmd.at("program")[0]
    assert (program.budget, program.confidence) == (1_250_000_000, None)


# -- F192: one program listed under several targets, each row with its own pagu


@pytest.mark.parametrize("lang, said", [("en", "listed under 3 targets"), ("id", "tercantum di bawah 3 sasaran")])
def test_a_program_under_several_targets_sums_its_slices(tmp_path: Path, lang: str, said: str) -> None:
    """F192: 2.16.03 listed under targets 1.1.1, 2.1.1 and 3.1.1 of one table, each row with its
    own pagu: one program under the three targets whose budget is the three rows' sum, doubted a
    little with each slice and the sum said (never "read twice with other figures", first kept)."""
    rows = [["Kode", "Program", "Sasaran", "Pagu Indikatif (Rp)", "Perangkat Daerah"],
            ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000", "Diskominfo"],
            ["2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)", "2.1.1",
             "8.000.000.000", "Dinas Koperasi dan UKM"],
            ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "2.1.1", "2.500.000.000", "Diskominfo"],
            ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.2", "1.000.000.000", "Diskominfo"]]
    lines = [*RPJMD_LINES[:8], "Sasaran 1.1.2 Meningkatnya keterbukaan informasi", *RPJMD_LINES[8:]]
    rpjmd = write_docx(tmp_path / "rpjmd.docx", [*lines, rows])
    masterplan = write_docx(tmp_path / "masterplan.docx", [*MASTERPLAN_LINES[:-2], "BAB IV PROGRAM SMART CITY",
                                                          "Smart Governance", "1. Satu Data"])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, lang=lang)
    program = next(e for e in draft.region.rpjmd.at("program") if e.code == "2.16.03")
    assert len([e for e in draft.region.rpjmd.at("program") if e.code == "2.16.03"]) == 1
    assert program.budget == 16_000_000_000 and len(program.parents) == 3
    assert program.confidence.score == 0.8 and len(program.confidence.reasons) == 1
    assert said in program.confidence.reasons[0] and "16.000.000.000" in program.confidence.reasons[0]
