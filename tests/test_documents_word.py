"""Word files whose program table has no borders (issue 24 item 2): a table nested in the cell
of a layout table, rows typed with tabs at tab stops (an empty cell kept in its column, a group
row typed between the rows), a table with no borders set; a borderless table of missions, goals
and targets (each drafted once, not "five times over")."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docbuild import docx_document, save, write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402
from smartsync.documents._doc import Table  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402

HEADER = ["No", "Sasaran", "Kode", "Program", "Pagu 2022 (Rp)"]
ROWS = [["1", "Meningkatnya indeks SPBE", "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "1.000.000.000"],
        ["2", "", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "2.500.000.000"]]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", [
        "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City", "“Kota cerdas dan melayani”", "3.2 Misi Smart City",
        "1. Mewujudkan layanan publik digital", "BAB IV RENCANA PROGRAM", "4.1 Smart Governance",
        "1. Aplikasi layanan terpadu"])


def _rpjmd(folder: Path, write_table) -> Path:
    document = docx_document([
        "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi", "“Kota yang maju dan sejahtera”", "5.2 Misi",
        "1. Mewujudkan tata kelola pemerintahan yang baik", "5.3 Tujuan dan Sasaran",
        "Tujuan 1.1 Meningkatnya kualitas tata kelola", "Sasaran 1.1.1 Meningkatnya indeks SPBE",
        "BAB VII INDIKASI RENCANA PROGRAM PRIORITAS"])
    write_table(document)
    return save(document, folder / "rpjmd.docx")


def _programs(folder: Path, rpjmd: Path) -> list[tuple]:
    draft = draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2021, 2026),
                         masterplan_period=(2022, 2031))
    plan = draft.region.rpjmd
    return [(p.code, p.text, p.budget, tuple(plan[q].text for q in p.parents)) for p in plan.at("program")]


EXPECTED = [("2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", 1_000_000_000, ("Meningkatnya indeks SPBE",)),
            ("2.16.03", "Program Pengelolaan Aplikasi Informatika", 2_500_000_000, ("Meningkatnya indeks SPBE",))]


def test_a_program_table_nested_in_a_layout_table_is_read(tmp_path: Path) -> None:
    """The table inside the one cell of a borderless layout table gives its programs (its
    caption, a paragraph of the cell, stays a line before it)."""
    def write(document) -> None:
        cell = document.add_table(rows=1, cols=1).cell(0, 0)
        cell.paragraphs[0].text = "Tabel 7.1 Indikasi Rencana Program Prioritas"
        inner = cell.add_table(rows=3, cols=5)
        for r, row in enumerate([HEADER] + ROWS):
            for c, value in enumerate(row):
                inner.rows[r].cells[c].text = value

    path = _rpjmd(tmp_path, write)
    items = read_document(path).items
    tables = [item for item in items if isinstance(item, Table)]
    assert [t.cells for t in tables] == [[HEADER] + ROWS]
    assert "Tabel 7.1 Indikasi Rencana Program Prioritas" in [getattr(item, "text", None) for item in items]
    assert _programs(tmp_path, path) == EXPECTED


def test_rows_typed_with_tabs_at_tab_stops_keep_an_empty_cell_and_a_group_row(tmp_path: Path) -> None:
    """At the paragraph's own tab stops two tabs in a row are an empty cell (the target left
    blank under the one above), and a group row typed between the rows ("Sasaran 1.1.1: ...")
    places the rows under it."""
    from docx.shared import Cm

    def write(document) -> None:
        for row in [HEADER, "Sasaran 1.1.1: Meningkatnya indeks SPBE"] + [r[:1] + [""] + r[2:] for r in ROWS]:
            if isinstance(row, str):
                document.add_paragraph().add_run(row).bold = True
                continue
            paragraph = document.add_paragraph("\t".join(row))
            for k in range(1, len(row)):
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(3 * k))
        document.add_paragraph("Program di atas dilaksanakan oleh perangkat daerah.")

    path = _rpjmd(tmp_path, write)
    (table,) = [item for item in read_document(path).items if isinstance(item, Table)]
    assert table.cells[2] == ["1", "", "2.16.02", ROWS[0][3], "1.000.000.000"]
    assert table.cells[1] == ["Sasaran 1.1.1: Meningkatnya indeks SPBE"] * 5
    assert _programs(tmp_path, path) == EXPECTED


def test_a_table_with_no_borders_set_is_read_as_a_table(tmp_path: Path) -> None:
    """A Word table without a style (no borders drawn) is a table all the same."""
    def write(document) -> None:
        table = document.add_table(rows=3, cols=5)
        assert table.style is None or "Grid" not in table.style.name
        for r, row in enumerate([HEADER] + ROWS):
            for c, value in enumerate(row):
                table.rows[r].cells[c].text = value

    assert _programs(tmp_path, _rpjmd(tmp_path, write)) == EXPECTED


def test_tables_nested_past_any_layout_are_read_without_failing(tmp_path: Path) -> None:
    """Tables nested 30 deep (a hostile file) are read: the innermost levels as tables of their
    cells' text, no recursion error."""
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    for depth in range(30):
        cell.paragraphs[0].text = f"level {depth}"
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].text = "innermost"
    path = tmp_path / "deep.docx"
    document.save(path)
    items = read_document(path).items
    assert [getattr(item, "text", None) for item in items[:3]] == ["level 0", "level 1", "level 2"]
    assert isinstance(items[-1], Table)


_MISSIONS = ["Mewujudkan tata kelola pemerintahan yang baik", "Meningkatkan daya saing ekonomi daerah"]
_VMT = [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"],
        [_MISSIONS[0], "Meningkatnya kualitas tata kelola", "Meningkatnya indeks SPBE", "Indeks SPBE"],
        ["", "", "Meningkatnya kepuasan layanan publik", "IKM"],
        ["", "Meningkatnya akuntabilitas kinerja", "Meningkatnya nilai SAKIP", "Nilai SAKIP"],
        [_MISSIONS[1], "Meningkatnya pertumbuhan ekonomi", "Meningkatnya investasi", "Nilai investasi"],
        ["", "", "Meningkatnya PDRB per kapita", "PDRB per kapita"]]


def _vmt_table(container, merged: bool):
    table = container.add_table(rows=len(_VMT), cols=len(_VMT[0]))
    for r, row in enumerate(_VMT):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    if merged:  # each mission and goal cell merged down over its rows
        for c in (0, 1):
            top = 1
            for r in range(2, len(_VMT) + 1):
                if r == len(_VMT) or _VMT[r][c]:
                    if r - 1 > top:
                        table.cell(top, c).merge(table.cell(r - 1, c)).text = _VMT[top][c]
                    top = r
    return table


@pytest.mark.parametrize("nested", [False, True], ids=["plain", "nested"])
@pytest.mark.parametrize("merged", [False, True], ids=["blank-cells", "merged-cells"])
@pytest.mark.parametrize("listed", [False, True], ids=["table-only", "missions-listed-too"])
def test_missions_and_targets_of_a_borderless_word_table_are_each_drafted_once(
        tmp_path: Path, nested: bool, merged: bool, listed: bool) -> None:
    """A table of missions, goals and targets with no borders (its mission and goal cells merged
    down or left blank, the table alone or nested in a layout table, the missions also listed in
    the text above): each mission, goal and target drafted once, under its own parent."""
    lines = ["BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi", "“Kota yang maju dan sejahtera”"]
    lines += ["5.2 Misi"] + [f"{k}. {m}" for k, m in enumerate(_MISSIONS, 1)] if listed else []
    document = docx_document(lines + ["Tabel 5.1 Misi, Tujuan dan Sasaran"])
    _vmt_table(document.add_table(rows=1, cols=1).cell(0, 0) if nested else document, merged)
    document.add_paragraph("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS")
    table = document.add_table(rows=2, cols=5)
    for r, row in enumerate([HEADER, ROWS[0]]):
        for c, value in enumerate(row):
            table.rows[r].cells[c].text = value
    plan = draft_region(rpjmd=save(document, tmp_path / "rpjmd.docx"), masterplan=_masterplan(tmp_path), rpjmd_period=(2021, 2026),
                        masterplan_period=(2022, 2031)).region.rpjmd
    placed = {e.text: tuple(plan[p].text for p in e.parents) for e in plan.elements}
    assert len(placed) == len(plan.elements) == 1 + 2 + 3 + 5 + 1
    assert [e.text for e in plan.at("mission")] == _MISSIONS
    assert placed["Meningkatnya kepuasan layanan publik"] == ("Meningkatnya kualitas tata kelola",)
    assert placed["Meningkatnya nilai SAKIP"] == ("Meningkatnya akuntabilitas kinerja",)
    assert placed["Meningkatnya akuntabilitas kinerja"] == (_MISSIONS[0],)
    assert placed["Meningkatnya PDRB per kapita"] == ("Meningkatnya pertumbuhan ekonomi",)
    assert placed[ROWS[0][3]] == ("Meningkatnya indeks SPBE",)
