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


def test_a_table_that_is_not_utf8_is_said_in_indonesian(capsys, tmp_path: Path) -> None:
    """A regions.csv saved as UTF-16 (Excel's "Unicode Text") is refused in the language
    asked, as a region file is: "berkas tidak berenkode UTF-8 (diawali penanda urutan bita
    UTF-16)" (newuser F193: it was English under --lang id)."""
    import smartsync
    from smartsync.io import load_region

    tables = tmp_path / "tab16"
    smartsync.dump_tables([load_region(EXAMPLES / "type-a-vision.yaml")], tables)
    regions = tables / "regions.csv"
    regions.write_bytes(regions.read_text(encoding="utf-8").encode("utf-16"))
    code, out, err = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "hasil.csv",
                          "--lang", "id")
    assert code == 1 and "Traceback" not in err
    assert (f"{regions}:1: kesalahan: berkas tidak berenkode UTF-8 (diawali penanda urutan bita "
            "UTF-16); simpan sebagai UTF-8") in out
    assert "the file is not UTF-8" not in out


def _regions_with_header(tmp_path: Path, first: str) -> Path:
    import smartsync
    from smartsync.io import load_region

    tables = tmp_path / "tabel"
    smartsync.dump_tables([load_region(EXAMPLES / "type-a-vision.yaml")], tables)
    regions = tables / "regions.csv"
    lines = regions.read_text(encoding="utf-8").split("\n")
    lines[0] = ",".join([first] + lines[0].split(",")[1:])
    regions.write_text("\n".join(lines), encoding="utf-8")
    return tables


def test_kode_wilayah_is_the_regions_id(capsys, tmp_path: Path) -> None:
    """A regions table whose id column is headed "kode wilayah" (what an evaluator's sheet
    calls the Kemendagri region code) is read: the region is classified (newuser F195)."""
    tables = _regions_with_header(tmp_path, "kode wilayah")
    code, out, err = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "h.csv")
    assert code == 0 and "type A (vision)             1" in out, out + err


def test_an_unknown_column_lists_the_indonesian_names_under_lang_id(capsys, tmp_path: Path) -> None:
    """Under --lang id an unknown column names the table and the expected columns by their
    Indonesian names, with a did-you-mean among them (newuser F195: it listed the English
    names and called the table "regions")."""
    tables = _regions_with_header(tmp_path, "kode wil")
    code, out, _ = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "h.csv",
                        "--lang", "id")
    assert code == 1
    assert ("kolom 'kode_wil' tidak dikenal di tabel daerah; yang diharapkan: id, nama, jenis, "
            "provinsi, awal_rpjmd, akhir_rpjmd, awal_masterplan, akhir_masterplan "
            "(maksudnya 'kode_wilayah'?)") in out
    assert "tabel daerah tidak punya kolom 'id'" in out and "tabel regions" not in out
    code, out, _ = _run(capsys, "batch", "--no-progress", tables, "--out", tmp_path / "h.csv")
    assert "unknown column 'kode_wil' in the regions table; expected id, name, kind" in out
