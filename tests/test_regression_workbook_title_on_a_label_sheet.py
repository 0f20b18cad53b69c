"""Regression (newuser F191): a masterplan workbook whose title ("MASTERPLAN SMART CITY ...
TAHUN 2022-2031") heads a sheet of label/value rows ("Visi" | ..., "Misi" | ...) gave no
period ("no period found in the masterplan documents"); on a sheet of a table it was read."""

from __future__ import annotations

from pathlib import Path

import pytest

openpyxl = pytest.importorskip("openpyxl")

from smartsync.documents import draft_region  # noqa: E402

from docgen import known_region, write_corpus  # noqa: E402


def test_the_title_of_a_label_sheet_gives_the_period(tmp_path: Path) -> None:
    """The period of the title in A1 of the "Visi Misi" sheet is the masterplan's."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Visi Misi"
    sheet.append(["MASTERPLAN SMART CITY KABUPATEN BUKIT HIJAU TAHUN 2022-2031"])
    sheet.append([])
    sheet.append(["Visi", "Bukit Hijau Cerdas, Maju dan Sejahtera melalui Inovasi Digital"])
    sheet.append(["Misi", "1. Mewujudkan tata kelola pemerintahan digital yang terintegrasi"])
    sheet.append([None, "2. Mengembangkan ekonomi digital berbasis pertanian dan pariwisata"])
    plan = book.create_sheet("Rencana Aksi")
    plan.append(["Tabel 4.1 Rencana Aksi Smart City Kabupaten Bukit Hijau (Estimasi anggaran "
                 "dalam juta rupiah)"])
    plan.append([])
    plan.append(["No", "Dimensi", "Program / Rencana Aksi", "OPD Pengampu", "Estimasi Anggaran",
                 "Keterangan"])
    plan.append([1, "Smart Governance", "Pengembangan Sistem Pemerintahan Berbasis Elektronik",
                 "Diskominfo", "2.500", None])
    plan.append([2, "Smart Living", "Telemedisin puskesmas", "Dinas Kesehatan", "3.000", None])
    path = tmp_path / "mp.xlsx"
    book.save(path)
    rpjmd = write_corpus(known_region(1), tmp_path / "rpjmd", "xlsx", 1)["rpjmd"]
    draft = draft_region(rpjmd=rpjmd, masterplan=[path])
    assert (draft.region.masterplan.period.start, draft.region.masterplan.period.end) == (2022, 2031)
