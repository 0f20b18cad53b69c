"""Newuser finding F102: a workbook whose sheets (or a folder whose files) carry the tables'
Indonesian names -- ``daerah``, ``unsur``, ``padanan``, the glossary's terms -- was refused
in English with no did-you-mean, though every Indonesian column name inside was read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartsync import load_tables
from smartsync.batch import classify_many
from smartsync.tabular import TABLE_NAMES_ID

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "data" / "tables" / "small"


def _indonesian_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "tabel"
    folder.mkdir()
    for table, alias in TABLE_NAMES_ID.items():
        shutil.copy(SMALL / f"{table}.csv", folder / f"{alias}.csv")
    return folder


def _workbook(tmp_path: Path, names: dict[str, str]) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table, sheet_name in names.items():
        sheet = book.create_sheet(sheet_name)
        for line in (SMALL / f"{table}.csv").read_text(encoding="utf-8").splitlines():
            import csv

            sheet.append(next(csv.reader([line])))
    path = tmp_path / "tabel.xlsx"
    book.save(path)
    return path


def test_a_folder_of_daerah_unsur_padanan_csv_is_read_as_the_tables(tmp_path: Path) -> None:
    """daerah.csv, unsur.csv and padanan.csv give the same regions as regions.csv, elements.csv
    and matches.csv; a problem names the file as it is called (``daerah.csv:2``)."""
    folder = _indonesian_folder(tmp_path)
    assert load_tables(folder) == load_tables(SMALL)
    items = list(classify_many([folder]))
    assert [i.region_id for i in items] == ["3374", "3322", "3671"]
    assert items[0].source == f"{folder / 'daerah.csv'}:2"


def test_a_workbook_of_sheets_daerah_unsur_padanan_is_read(tmp_path: Path) -> None:
    """Sheets "Daerah", "unsur", "padanan": the regions of the tables, sources "[daerah]"."""
    path = _workbook(tmp_path, {"regions": "Daerah", "elements": "unsur", "matches": "padanan"})
    assert load_tables(path) == load_tables(SMALL)
    assert list(classify_many([path]))[0].source == f"{path}[daerah]:2"


def test_a_sheet_named_near_a_table_gets_a_did_you_mean_in_indonesian(tmp_path: Path) -> None:
    """A workbook with "unsur2" for the elements: the error names the sheets it has and asks
    "(maksudnya 'unsur2'?)" under Indonesian, "(did you mean 'unsur2'?)" in English."""
    path = _workbook(tmp_path, {"regions": "daerah", "elements": "unsur2", "matches": "padanan"})
    (item,) = classify_many([path])
    assert item.error_in("id") == (
        f"{path}: kesalahan: buku kerja tidak punya lembar bernama 'elements' (atau 'unsur') (yang ada: "
        "'daerah', 'unsur2', 'padanan'); perlu lembar daerah, unsur, padanan (atau dalam bahasa Inggris "
        "regions, elements, matches) (maksudnya 'unsur2'?)")
    assert item.error_in("en").endswith("it needs the sheets regions, elements, matches (or, in Indonesian, "
                                        "daerah, unsur, padanan) (did you mean 'unsur2'?)")


def test_a_folder_whose_table_is_misnamed_gets_a_did_you_mean(tmp_path: Path) -> None:
    """A folder holding "Daerah.CSV" alone: no tables, said in Indonesian with "(maksudnya
    'Daerah.CSV'?)"."""
    folder = tmp_path / "tabel"
    folder.mkdir()
    shutil.copy(SMALL / "regions.csv", folder / "Daerah.CSV")
    (item,) = classify_many([folder])
    assert item.error_in("id").endswith(
        "tidak ada berkas daerah (*.yaml, *.yml, *.json) dan tidak ada tabel (daerah.csv atau regions.csv) "
        "di folder ini (maksudnya 'Daerah.CSV'?)")
