"""Text by meaning (issue 24 item 3) and tables by their scope (item 2): a plan's own vision
and missions told apart from definitions, from quotations of another plan and from the
paragraph after a list; combined headings; group rows that place only their own table's rows.

Each test drafts a small document built in memory, as a reader gives it.
"""

from __future__ import annotations

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line, Table
from smartsync.documents.draft import draft_plan
from smartsync.model import Period, PlanKind


def _plan(*items, kind: PlanKind = PlanKind.RPJMD, file: str = "plan.pdf"):
    converted = [Line(i, 1) if isinstance(i, str) else i for i in items]
    draft = draft_plan(kind, [Document(file, converted, pages=1)])
    return _finish(draft, Period(2021, 2026), "en")[0]


def _texts(plan, level: str) -> list[str]:
    return [e.text for e in plan.at(level)]


def test_a_definition_of_vision_is_not_the_vision() -> None:
    """ "Visi merupakan rumusan umum ..." defines the word; the region's vision is the one stated."""
    plan = _plan("BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
                 "Visi merupakan rumusan umum mengenai keadaan yang diinginkan pada akhir periode perencanaan.",
                 "Visi Kota Contoh Tahun 2021-2026 adalah:",
                 "“Kota Contoh yang Maju, Sejahtera dan Berbudaya”")
    assert _texts(plan, "vision") == ["Kota Contoh yang Maju, Sejahtera dan Berbudaya"]


def test_a_definition_of_mission_is_not_a_mission() -> None:
    """ "Misi adalah rumusan umum mengenai upaya ..." is passed over; the numbered missions are read."""
    plan = _plan("BAB V VISI DAN MISI", "5.2 Misi",
                 "Misi adalah rumusan umum mengenai upaya-upaya yang akan dilaksanakan untuk mewujudkan visi.",
                 "1. Mewujudkan tata kelola pemerintahan yang bersih",
                 "2. Meningkatkan daya saing ekonomi daerah")
    assert _texts(plan, "mission") == ["Mewujudkan tata kelola pemerintahan yang bersih",
                                       "Meningkatkan daya saing ekonomi daerah"]


def test_visi_tersebut_dijabarkan_ke_dalam_misi_introduces_the_missions() -> None:
    """The sentence leading into the missions is no heading and makes no second vision."""
    plan = _plan("BAB V VISI DAN MISI", "5.1 Visi", "“Kota Contoh yang Maju”",
                 "Visi tersebut dijabarkan ke dalam misi sebagai berikut:",
                 "1. Mewujudkan tata kelola pemerintahan yang bersih",
                 "2. Meningkatkan daya saing ekonomi daerah")
    assert _texts(plan, "vision") == ["Kota Contoh yang Maju"]
    assert len(_texts(plan, "mission")) == 2


def test_a_masterplan_quoting_the_rpjmd_takes_neither_its_vision_nor_its_missions() -> None:
    """In a masterplan, the section quoting the RPJMD stays a quotation to its end."""
    plan = _plan("MASTERPLAN SMART CITY KOTA CONTOH 2022-2031", "BAB II", "KEBIJAKAN PEMBANGUNAN",
                 "2.1 Visi dan Misi RPJMD Kota Contoh", "Visi RPJMD Kota Contoh adalah “Kota Contoh yang Maju”.",
                 "Visi tersebut dijabarkan ke dalam misi sebagai berikut:",
                 "1. Mewujudkan tata kelola pemerintahan yang bersih",
                 "BAB IV", "VISI DAN MISI SMART CITY", "4.1 Visi dan Misi Smart City",
                 "“Kota Contoh Cerdas 2031”", "1. Layanan publik digital yang terpadu",
                 "2. Ekonomi digital yang tumbuh", kind=PlanKind.MASTERPLAN)
    assert _texts(plan, "vision") == ["Kota Contoh Cerdas 2031"]
    assert _texts(plan, "mission") == ["Layanan publik digital yang terpadu", "Ekonomi digital yang tumbuh"]


def test_missions_under_a_combined_visi_dan_misi_heading_are_read() -> None:
    """Under "4.1 Visi dan Misi Smart City", the numbered list after the vision is the missions."""
    missions = ["Mewujudkan layanan publik digital yang terpadu", "Menumbuhkan ekonomi digital daerah",
                "Mewujudkan lingkungan kota yang lestari", "Membangun masyarakat yang melek digital"]
    plan = _plan("BAB IV VISI DAN MISI", "4.1 Visi dan Misi Smart City", "Kota Contoh Cerdas dan Berbudaya",
                 *[f"{n}. {m}" for n, m in enumerate(missions, 1)], kind=PlanKind.MASTERPLAN)
    assert _texts(plan, "vision") == ["Kota Contoh Cerdas dan Berbudaya"]
    assert _texts(plan, "mission") == missions


def test_the_paragraph_after_a_list_is_not_the_last_mission() -> None:
    """A new sentence after the last mission is the text's, not the mission's."""
    plan = _plan("BAB V VISI DAN MISI", "5.2 Misi", "1. Mewujudkan tata kelola pemerintahan yang bersih",
                 "2. Meningkatkan daya saing ekonomi daerah",
                 "Dalam mewujudkan misi tersebut, pemerintah daerah menetapkan tujuan dan sasaran.")
    assert _texts(plan, "mission")[-1] == "Meningkatkan daya saing ekonomi daerah"


def test_a_mission_wrapped_over_two_lines_is_still_one_mission() -> None:
    """A line that goes on with the statement (lower case) stays part of it."""
    plan = _plan("BAB V VISI DAN MISI", "5.2 Misi", "1. Mewujudkan tata kelola pemerintahan yang bersih",
                 "dan melayani masyarakat", "2. Meningkatkan daya saing ekonomi daerah")
    assert _texts(plan, "mission")[0] == "Mewujudkan tata kelola pemerintahan yang bersih dan melayani masyarakat"


def test_a_group_row_places_only_the_rows_of_its_own_table() -> None:
    """A "Misi 5:" group row at the end of one table gives no parent to a later table's targets."""
    first = Table([["Sasaran", "Indikator", "Target 2022"],
                   ["Misi 4: Meningkatkan kesejahteraan", "Misi 4: Meningkatkan kesejahteraan",
                    "Misi 4: Meningkatkan kesejahteraan"],
                   ["Meningkatnya pendapatan", "Pendapatan per kapita", "10"],
                   ["Misi 5: Melestarikan lingkungan", "Misi 5: Melestarikan lingkungan",
                    "Misi 5: Melestarikan lingkungan"]], pages=[1] * 4)
    second = Table([["Tujuan", "Sasaran", "Indikator"],
                    ["Tujuan 1.1 Meningkatkan akuntabilitas", "Meningkatnya nilai SAKIP", "Nilai SAKIP"]],
                   pages=[2, 2])
    plan = _plan("BAB V VISI DAN MISI", first, "Tabel 5.3 Tujuan dan Sasaran", second)
    goal = plan.at("goal")[0]
    assert not any(plan[p].text == "Melestarikan lingkungan" for p in goal.parents)
    target = next(t for t in plan.at("target") if t.text == "Meningkatnya nilai SAKIP")
    assert [plan[p].id for p in target.parents] == [goal.id]


def test_spaced_out_italic_text_is_read_with_the_pdfs_own_spaces(tmp_path) -> None:
    """Glyphs set apart (italic, letter-spaced) stay one word; the PDF's spaces end the words."""
    import pytest

    pytest.importorskip("pypdfium2")
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    from smartsync.documents.readers import read_document

    path = tmp_path / "visi.pdf"
    pdf = canvas.Canvas(str(path))
    text = pdf.beginText(72, 700)
    text.setFont("Helvetica-Oblique", 12)
    text.setCharSpace(3)  # 3 pt between glyphs: wider than a glyph gap, narrower than a space
    text.textLine("Terwujudnya Kabupaten Sukamaju yang Digital dan Berbudaya")
    pdf.drawText(text)
    plain = pdf.beginText(72, 650)
    plain.setFont("Helvetica", 12)
    plain.textLine("Visi tersebut dijabarkan ke dalam lima misi pembangunan daerah.")
    pdf.drawText(plain)
    pdf.save()
    lines = [item.text for item in read_document(path).items]
    assert lines == ["Terwujudnya Kabupaten Sukamaju yang Digital dan Berbudaya",
                     "Visi tersebut dijabarkan ke dalam lima misi pembangunan daerah."]


def test_a_word_table_typed_with_tabs_is_read_as_a_table(tmp_path) -> None:
    """Paragraphs whose columns are set with tabs (no table, no borders) give their programs."""
    import pytest

    docx = pytest.importorskip("docx")
    from smartsync.documents.readers import read_document

    document = docx.Document()
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS")
    for row in [["Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"],
                ["Meningkatnya indeks SPBE", "2.16.02", "Program Aplikasi Informatika", "1.000.000.000"],
                ["Meningkatnya indeks SPBE", "2.16.03", "Program Informasi Publik", "2.000.000.000"]]:
        document.add_paragraph("\t".join(row))
    document.add_paragraph("Program di atas dilaksanakan oleh perangkat daerah.")
    path = tmp_path / "rpjmd.docx"
    document.save(path)
    plan = _finish(draft_plan(PlanKind.RPJMD, [read_document(path)]), Period(2021, 2026), "en")[0]
    assert [(p.code, p.budget) for p in plan.at("program")] == [("2.16.02", 1_000_000_000), ("2.16.03", 2_000_000_000)]


def test_a_bold_item_in_a_pdf_ends_at_the_plain_paragraph_describing_it(tmp_path) -> None:
    """An embedded bold font (weight 800 to PDFium) makes a heading-like item; the regular text
    under it (weight 435) is its description, not more of its name."""
    import pytest

    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from pathlib import Path

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    from smartsync.documents.readers import read_document

    fonts = Path("/usr/share/fonts/truetype/dejavu")
    if not (fonts / "DejaVuSans-Bold.ttf").exists():
        pytest.skip("needs the DejaVu fonts")
    pdfmetrics.registerFont(TTFont("UjiBold", str(fonts / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("UjiRegular", str(fonts / "DejaVuSans.ttf")))
    path = tmp_path / "masterplan.pdf"
    pdf = canvas.Canvas(str(path))
    for y, font, text in [(760, "UjiBold", "MASTERPLAN SMART CITY KOTA UJI 2022-2031"),
                          (730, "UjiBold", "BAB IV RENCANA AKSI"), (700, "UjiBold", "4.1 Smart Governance"),
                          (670, "UjiBold", "1. Sekolah Digital"),
                          (650, "UjiRegular", "Aplikasi pembelajaran daring bagi sekolah dasar negeri")]:
        pdf.setFont(font, 11)
        pdf.drawString(72, y, text)
    pdf.save()
    lines = read_document(path).items
    assert [line.bold for line in lines][-2:] == [True, False]
    plan = _finish(draft_plan(PlanKind.MASTERPLAN, [read_document(path)]), Period(2022, 2031), "en")[0]
    assert [p.text for p in plan.at("program")] == ["Sekolah Digital"]
