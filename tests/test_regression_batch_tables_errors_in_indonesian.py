"""Newuser finding F95: under ``--lang id`` a batch's duplicate region row and a missing input
were in English, a mistyped input path was counted as a failed region (exit 1) instead of a
usage error, ``report`` framed a failed file "no page written" in English, and a region file
indented with a tab got the YAML parser's English with no word of the tab."""

from __future__ import annotations

import shutil
from pathlib import Path

from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "tables" / "small"
EXAMPLES = ROOT / "examples"


def _run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_region_row_given_twice_is_said_in_indonesian_with_its_first_row(capsys, tmp_path: Path) -> None:
    """A second regions.csv row for region 3374: "id daerah '3374' juga ada pada baris 2;
    setiap daerah satu baris" under --lang id (the English names the row too)."""
    tables = tmp_path / "tabel"
    shutil.copytree(SMALL, tables)
    regions = tables / "regions.csv"
    lines = regions.read_text(encoding="utf-8").splitlines()
    regions.write_text("\n".join(lines + [lines[1]]) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "hasil.csv", "--lang", "id")
    assert code == 1
    assert f"kesalahan: daerah, kolom id: id daerah '3374' juga ada pada baris 2; setiap daerah satu baris" in out
    code, out, _ = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "out.csv")
    assert "region id '3374' is also at row 2; each region has one row" in out


def test_a_missing_input_is_a_failed_input_in_the_language_asked(capsys, tmp_path: Path) -> None:
    """``batch tabel/tidak-ada.xlsx wilayah`` classifies the regions that are there, writes a
    failed row naming the missing path in Indonesian, and exits 1, as every command treats a
    missing input (EXIT_CODES): one mistyped path never stops a batch."""
    import csv

    missing = tmp_path / "tabel" / "tidak-ada.xlsx"
    target = tmp_path / "hasil.csv"
    code, out, err = _run(capsys, "batch", "--no-progress", missing, EXAMPLES, "--out", target, "--lang", "id")
    assert code == 1 and "Traceback" not in err
    rows = list(csv.DictReader(target.open(encoding="utf-8-sig")))
    failed = [row for row in rows if row["error"]]
    assert [row["source"] for row in failed] == [str(missing)]
    assert failed[0]["error"] == f"{missing}: kesalahan: berkas tidak ada"
    assert len(rows) == 1 + len(list(EXAMPLES.glob("*.yaml")))
    assert f"gagal: {missing}: kesalahan: berkas tidak ada" in out
    code, out, _ = _run(capsys, "batch", "--no-progress", tmp_path / "no-folder", "--out", target)
    assert code == 1 and "no-folder: error: no such file" in out


def test_a_workbook_that_is_not_there_is_said_in_indonesian_by_the_library(tmp_path: Path) -> None:
    """classify_many keeps a missing workbook as a failed item, worded "berkas tidak ada" in
    Indonesian (a missing folder of tables: "folder tidak ada")."""
    from smartsync.batch import classify_many

    (item,) = classify_many([tmp_path / "tidak-ada.xlsx"])
    assert item.error_in("id").endswith("kesalahan: berkas tidak ada")
    assert item.error_in("en").endswith("error: no such file")


def test_report_frames_a_failed_file_in_indonesian(capsys, tmp_path: Path) -> None:
    """``report --lang id`` says "<file>: tidak ada halaman yang ditulis" for a file it cannot read."""
    empty = tmp_path / "kosong.yaml"
    empty.write_text("", encoding="utf-8")
    code, _, err = _run(capsys, "report", empty, "--out", tmp_path / "laporan", "--lang", "id")
    assert code == 1
    assert f"smartsync report: {empty}: tidak ada halaman yang ditulis" in err


def test_a_region_file_indented_with_a_tab_is_told_to_use_spaces(capsys, tmp_path: Path) -> None:
    """A tab in a line's indentation: the line, the column and "ganti tab dengan spasi" (en:
    "replace the tab with spaces"), not the parser's "cannot start any token"."""
    text = (EXAMPLES / "type-a-vision.yaml").read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(text) if line.startswith("    - {id: M1,"))
    text[number] = "\t" + text[number][4:]
    path = tmp_path / "tab.yaml"
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    code, out, _ = _run(capsys, "validate", path, "--lang", "id")
    assert code == 1
    assert (f"{path}:{number + 1}: kesalahan: YAML rusak: tab pada kolom 1; YAML hanya memakai spasi untuk "
            "indentasi: ganti tab dengan spasi") in out
    _, out, _ = _run(capsys, "validate", path)
    assert "malformed YAML: a tab at column 1; YAML indents with spaces only: replace the tab with spaces" in out
