"""A Word file is read as Word shows it (newuser round 6, F138, F143): tracked insertions read
and tracked deletions not ("accept all", said in a check line); text inside content controls,
simple fields and smart tags read in place; a block-level content control around the mission
list or the program table keeps them; a footnote digit set superscript after a figure
("2.500" + superscript "1") is a marker, not a digit of the pagu. Each test builds the
planner's document with python-docx (and its XML) as the finding's script did."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

HEAD = ["RPJMD KOTA PASURUAN TAHUN 2025-2029", "BAB IV VISI, MISI, TUJUAN DAN SASARAN", "4.1 Visi",
        "“Pasuruan Maju dan Sejahtera”", "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital",
        "2. Meningkatkan daya saing pariwisata",
        "BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH",
        "Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)"]
TABLE = [["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Total", "Perangkat Daerah"],
         ["Meningkatnya indeks SPBE", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.250", "1.300",
          "2.550", "Diskominfo"],
         ["Meningkatnya kunjungan wisata", "3.26.03", "Program Pemasaran Pariwisata", "2.500", "2.500", "5.000",
          "Disparbud"]]


def _masterplan(folder: Path) -> Path:
    document = docx.Document()
    for text in ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
                 "3.1 Visi Smart City", "“Pasuruan Smart City”", "3.2 Misi Smart City",
                 "1. Mewujudkan layanan digital", "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance",
                 "1. Satu data Pasuruan"]:
        document.add_paragraph(text)
    path = folder / "masterplan.docx"
    document.save(path)
    return path


def _rpjmd(table=TABLE):
    document = docx.Document()
    for text in HEAD:
        document.add_paragraph(text)
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    grid.style = "Table Grid"
    for i, row in enumerate(table):
        for j, value in enumerate(row):
            grid.cell(i, j).text = value
    return document, grid


def _draft(folder: Path, document) -> object:
    path = folder / "rpjmd.docx"
    document.save(path)
    return draft_region(rpjmd=path, masterplan=_masterplan(folder), rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def _run(text: str, tag: str = "w:t", superscript: bool = False):
    run = OxmlElement("w:r")
    if superscript:
        props, align = OxmlElement("w:rPr"), OxmlElement("w:vertAlign")
        align.set(qn("w:val"), "superscript")
        props.append(align)
        run.append(props)
    text_element = OxmlElement(tag)
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    return run


def _wrapped(tag: str, inner, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    element.append(inner)
    return element


def _revise(paragraph, old: str, new: str) -> None:
    """The paragraph's text replaced as Track Changes leaves it: <w:del>old</w:del><w:ins>new</w:ins>."""
    for run in list(paragraph._p.findall(qn("w:r"))):
        paragraph._p.remove(run)
    stamp = {"id": "1", "author": "Bappeda", "date": "2025-01-01T00:00:00Z"}
    paragraph._p.append(_wrapped("w:del", _run(old, "w:delText"), **stamp))
    paragraph._p.append(_wrapped("w:ins", _run(new), **stamp))


def _content_control(inner):
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    content.append(inner)
    sdt.append(content)
    return sdt


def _programs(draft) -> list[tuple[str, int | None, float]]:
    return [(e.text, e.budget, e.confidence.score if e.confidence else 1.0)
            for e in draft.region.rpjmd.at("program")]


def _missions(draft) -> list[str]:
    return [e.text for e in draft.region.rpjmd.at("mission")]


RIGHT = [("Program Pengelolaan Aplikasi Informatika", 2_550_000_000, 1.0),
         ("Program Pemasaran Pariwisata", 5_000_000_000, 1.0)]


# -- F138: tracked changes


def test_a_file_without_tracked_changes_gets_no_such_check_line(tmp_path: Path) -> None:
    """No tracked change: the programs as typed, no check line about tracked changes."""
    draft = _draft(tmp_path, _rpjmd()[0])
    assert _programs(draft) == RIGHT
    assert not any("tracked changes" in c for c in draft.checks)


# -- F138: content controls, simple fields, smart tags


@pytest.mark.parametrize("wrap", ["sdt", "fldSimple", "smartTag"])
def test_cells_inside_word_wrappers_are_read(tmp_path: Path, wrap: str) -> None:
    """Pagu, total and name cells whose text sits in a content control, a simple field
    (=SUM(LEFT)) or a smart tag read as Word shows them: the same budgets as typed plainly."""
    document, grid = _rpjmd()
    for column in range(2, 6):
        paragraph = grid.cell(2, column).paragraphs[0]
        text = paragraph.text
        for run in list(paragraph._p.findall(qn("w:r"))):
            paragraph._p.remove(run)
        if wrap == "sdt":
            paragraph._p.append(_content_control(_run(text)))
        elif wrap == "fldSimple":
            paragraph._p.append(_wrapped("w:fldSimple", _run(text), instr=" =SUM(LEFT) "))
        else:
            paragraph._p.append(_wrapped("w:smartTag", _run(text), element="metricconverter"))
    draft = _draft(tmp_path, document)
    assert _programs(draft) == RIGHT


def test_block_content_controls_around_the_missions_and_the_table_keep_them(tmp_path: Path) -> None:
    """A template's content control around the mission list and another around the whole program
    table: both missions and both programs are read."""
    document, grid = _rpjmd()
    body = document.element.body
    missions = [p._p for p in document.paragraphs if p.text[:2] in ("1.", "2.")]
    anchor = body.index(missions[0])
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    sdt.append(OxmlElement("w:sdtPr"))
    sdt.append(content)
    for paragraph in missions:
        content.append(paragraph)
    body.insert(anchor, sdt)
    table = grid._tbl
    at = body.index(table)
    body.insert(at, _content_control(table))
    draft = _draft(tmp_path, document)
    assert _missions(draft) == ["Mewujudkan tata kelola pemerintahan digital", "Meningkatkan daya saing pariwisata"]
    assert _programs(draft) == RIGHT


# -- F143: a footnote digit set superscript


@pytest.mark.parametrize("total", [True, False])
def test_superscript_footnote_digit_is_not_read_into_the_pagu(tmp_path: Path, total: bool) -> None:
    """"2.500" followed by a superscript "1" (Word's Ctrl+Shift+=) in each pagu cell is Rp 2,5 miliar,
    not 2,5001 juta; with and without a Total column."""
    table = [row[:5] + row[6:] for row in TABLE] if not total else TABLE
    document, grid = _rpjmd(table)
    for column in (3, 4):
        grid.cell(2, column).paragraphs[0]._p.append(_run("1", superscript=True))
    draft = _draft(tmp_path, document)
    assert _programs(draft) == RIGHT


# -- F157: a program row with its Kode and Program cells merged


@pytest.mark.parametrize("text, code", [("Program Pemasaran Pariwisata", None),
                                        ("3.26.03 Program Pemasaran Pariwisata", "3.26.03")])
def test_program_row_with_kode_and_program_merged_is_drafted(tmp_path: Path, text: str, code) -> None:
    """A row whose Kode and Program cells are merged (a program not yet coded, its name over both;
    or "3.26.03 Program ..." in the merged cell) is drafted with its pagu, not lost."""
    document, grid = _rpjmd()
    merged = grid.cell(2, 1).merge(grid.cell(2, 2))
    merged.text = text
    draft = _draft(tmp_path, document)
    assert _programs(draft) == RIGHT
    assert [e.code for e in draft.region.rpjmd.at("program")] == ["2.16.03", code]


# -- F145: vision and missions in text boxes


_BOX = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{body}</w:txbxContent>'
        '</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def test_vision_and_missions_in_text_boxes_are_read_once_in_place(tmp_path: Path) -> None:
    """A masterplan's vision and missions set in text boxes under their headings (Word's
    drawing, with its older-Word fallback copy) are read there, once each."""
    from docx.oxml import parse_xml

    document = docx.Document()
    for text in ["MASTERPLAN SMART CITY KOTA PASURUAN 2025-2034", "BAB III VISI DAN MISI SMART CITY",
                 "3.1 Visi Smart City", None, "3.2 Misi Smart City", None, "BAB IV PROGRAM SMART CITY",
                 "Dimensi Smart Governance", "1. Satu data Pasuruan"]:
        paragraph = document.add_paragraph(text or "")
        if text is None:
            lines = (["“Pasuruan Smart City yang Melayani”"] if "Visi" in document.paragraphs[-2].text
                     else ["1. Mewujudkan layanan digital", "2. Mewujudkan ekonomi digital"])
            body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
            paragraph._p.append(parse_xml(_BOX.format(body=body)))
    masterplan = tmp_path / "masterplan-box.docx"
    document.save(masterplan)
    path = tmp_path / "rpjmd.docx"
    _rpjmd()[0].save(path)
    draft = draft_region(rpjmd=path, masterplan=masterplan, rpjmd_period=(2025, 2029),
                         masterplan_period=(2025, 2034))
    plan = draft.region.masterplan
    assert [e.text for e in plan.at("vision")] == ["Pasuruan Smart City yang Melayani"]
    assert [e.text for e in plan.at("mission")] == ["Mewujudkan layanan digital", "Mewujudkan ekonomi digital"]


def test_a_label_row_merged_across_the_whole_table_is_no_program(tmp_path: Path) -> None:
    """A row whose first cells are merged across the whole table ("Dinas Pariwisata", a label
    between the rows) is not drafted as a program."""
    document, grid = _rpjmd(TABLE[:2] + [["", "", "", "", "", "", ""]] + TABLE[2:])
    merged = grid.cell(2, 1).merge(grid.cell(2, 6))
    merged.text = "Dinas Pariwisata"
    draft = _draft(tmp_path, document)
    assert "Dinas Pariwisata" not in [text for text, _, _ in _programs(draft)]
