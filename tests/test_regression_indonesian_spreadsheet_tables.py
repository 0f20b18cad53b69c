"""Batch tables as an evaluator with an Indonesian-locale spreadsheet saves them are read
(newuser finding F67): ';' between cells (with Excel's byte order mark), Indonesian column
names (nama, jenis, tingkat, teks, pagu...), budgets written 100.000.000.000,
Rp 7.000.000.000 or 20000000000,00; what is still refused is said in Indonesian under
--lang id."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from smartsync import load_tables
from smartsync.cli import main
from smartsync.tabular import iter_table_regions

SMALL = Path(__file__).resolve().parent / "data" / "tables" / "small"


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "tabel"
    shutil.copytree(SMALL, copy)
    return copy


def _rewrite(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows = change(rows)
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))


def test_semicolon_tables_with_a_bom_read_as_the_comma_ones(folder):
    """The three tables saved with ';' and a BOM give the same regions as the originals."""
    for name in ("regions", "elements", "matches"):
        _rewrite(folder / f"{name}.csv", lambda rows: rows)
    assert load_tables(folder) == load_tables(SMALL)


def test_indonesian_column_names_read_as_the_english_ones(folder):
    """nama/jenis/provinsi, tingkat/teks/induk/kode/dimensi/indikator/pagu, relasi/skor...:
    the same regions."""
    names = {"name": "nama", "kind": "jenis", "province": "provinsi",
             "rpjmd_start": "awal rpjmd", "level": "tingkat", "text": "teks",
             "parents": "induk", "code": "kode", "dimension": "dimensi",
             "indicators": "indikator", "budget": "pagu indikatif", "relation": "relasi",
             "source": "sumber", "score": "skor", "note": "catatan"}

    def rename(rows):  # type: ignore[no-untyped-def]
        return [[names.get(c, c) for c in rows[0]], *rows[1:]]

    for name in ("regions", "elements", "matches"):
        _rewrite(folder / f"{name}.csv", rename)
    assert load_tables(folder) == load_tables(SMALL)


@pytest.mark.parametrize("written, amount", [
    ("12.500.000.000", 12_500_000_000), ("Rp 12.500.000.000", 12_500_000_000),
    ("Rp12500000000", 12_500_000_000), ("12500000000,00", 12_500_000_000),
    ("Rp. 12.500.000.000,00", 12_500_000_000), ("Rp 500.000", 500_000),
])
def test_budgets_written_as_indonesian_spreadsheets_write_them(folder, written, amount):
    """A budget cell with dot groups, 'Rp' or zero cents is its whole number of rupiah."""
    _rewrite(folder / "elements.csv",
             lambda rows: [[written if c == "12500000000" else c for c in r] for r in rows])
    region = next(r for r in load_tables(folder) if r.id == "3374")
    assert next(e for e in region.rpjmd.elements if e.id == "P1").budget == amount


@pytest.mark.parametrize("written", ["100.000", "12.500.000.000,50", "12,500,000,000", "1.5"])
def test_an_ambiguous_budget_is_refused_not_guessed(folder, written):
    """'100.000' (a hundred thousand, or a hundred?), cents, English grouping: an error."""
    _rewrite(folder / "elements.csv",
             lambda rows: [[written if c == "12500000000" else c for c in r] for r in rows])
    report = next(r for r in iter_table_regions(folder) if r.region_id == "3374")
    assert report.region is None
    assert any(p.code == "bad-budget" for p in report.problems)


def test_an_unknown_column_is_said_in_indonesian(folder, tmp_path, capsys):
    """batch --lang id on a table with an unknown column 'wilayahku': the whole line is
    Indonesian, with a did-you-mean; a missing column too."""
    _rewrite(folder / "regions.csv",
             lambda rows: [["namanya" if c == "name" else c for c in rows[0]], *rows[1:]])
    code = main(["batch", str(folder), "--out", str(tmp_path / "x.csv"), "--lang", "id",
                 "--no-progress"])
    out = capsys.readouterr().out
    assert code == 1
    # the table and the columns by their Indonesian names (newuser F195)
    assert "kolom namanya: kolom 'namanya' tidak dikenal di tabel daerah; yang diharapkan: " \
           "id, nama," in out
    assert "kolom name: tabel daerah tidak punya kolom 'nama'" in out
    assert "unknown column" not in out and "has no column" not in out
