"""Newuser finding F113: a masterplan's table of alignment ("Program Smart City | Kode | Program
RPJMD | Pagu RPJMD (Rp juta)") gave each smart city program the RPJMD program's code and pagu as
its own, at full confidence. The test builds the masterplan and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402


def test_the_rpjmd_columns_of_a_masterplan_table_give_no_code_or_budget_and_are_said(tmp_path: Path) -> None:
    """The smart city programs are read with their dimension, no code and no budget (the columns
    quote the RPJMD), and a check line names the quoted columns."""
    rows = [["No", "Dimensi", "Program Smart City", "Kode", "Program RPJMD", "Pagu RPJMD (Rp juta)"],
            ["1", "Smart Governance", "Aplikasi layanan perizinan terpadu", "2.18.04",
             "Program Pelayanan Penanaman Modal", "10.794"],
            ["2", "Smart Economy", "Pasar daring UMKM", "2.17.07", "Program Pemberdayaan Usaha Mikro", "12.000"]]
    rpjmd = write_docx(tmp_path / "rpjmd.docx", [
        "RPJMD KOTA PROBOLINGGO TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi", "“Probolinggo Maju”", "4.2 Misi",
        "1. Mewujudkan tata kelola pemerintahan digital"])
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA PROBOLINGGO TAHUN 2025-2034", "BAB III VISI SMART CITY", "3.1 Visi Smart City",
        "“Probolinggo Smart City”", "BAB V KESELARASAN PROGRAM SMART CITY DENGAN RPJMD",
        "Tabel 5.1 Keselarasan Program Smart City dengan Program RPJMD", rows])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan,
                         rpjmd_period=(2025, 2029), masterplan_period=(2025, 2034))
    assert [(p.text, p.dimension.value, p.code, p.budget) for p in draft.region.masterplan.at("program")] == [
        ("Aplikasi layanan perizinan terpadu", "governance", None, None), ("Pasar daring UMKM", "economy", None, None)]
    assert any("quotes the RPJMD" in check and '"Pagu RPJMD (Rp juta)"' in check for check in draft.checks)
