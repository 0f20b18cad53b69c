"""newuser F174: the targets of a "Tujuan dan Sasaran" table, each in its own cell, were doubted "its target
came from a cell above (a merged cell or a blank)". The doubt came from the program table below: an
agency's name alone in the Kode cell over its programs ("Dinas Koperasi dan UKM") stated no element,
and the target carried down from the row above was doubted in its place."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

GOALS = [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"],
         ["Misi 1", "Tujuan 1.1 Meningkatkan kualitas pelayanan publik", "Sasaran 1.1.1 Meningkatnya penerapan SPBE",
          "Indeks SPBE"],
         ["Misi 1", "Tujuan 1.1 Meningkatkan kualitas pelayanan publik",
          "Sasaran 1.1.2 Meningkatnya keterbukaan informasi publik", "Indeks KIP"],
         ["Misi 2", "Tujuan 2.1 Meningkatkan pertumbuhan ekonomi", "Sasaran 2.1.1 Meningkatnya daya saing UMKM",
          "Jumlah UMKM naik kelas"]]
PROGRAMS = [["Kode", "Program", "Sasaran", "Pagu Indikatif 2022-2026 (Rp)", "Perangkat Daerah"],
            ["Dinas Komunikasi dan Informatika", "", "", "", ""],
            ["2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.1.1", "12.500.000.000",
             "Dinas Komunikasi dan Informatika"],
            ["2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "1.1.2", "4.200.000.000",
             "Dinas Komunikasi dan Informatika"],
            ["Dinas Koperasi dan UKM", "", "", "", ""],
            ["2.17.07", "Program Pemberdayaan Usaha Mikro", "2.1.1", "8.000.000.000", "Dinas Koperasi dan UKM"]]


def test_targets_each_in_its_own_cell_are_not_doubted_for_an_agency_row_below(tmp_path: Path) -> None:
    """Every target and program at full confidence: each target stated in its own cell, each program
    placed by its own Sasaran cell."""
    rpjmd = write_docx(tmp_path / "rpjmd.docx", [
        "RPJMD KOTA UJI TUJUH TAHUN 2021-2026", "BAB V VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi",
        "“Kota Uji Tujuh yang Maju dan Sejahtera”", "5.2 Misi", "1. Mewujudkan tata kelola pemerintahan yang bersih",
        "2. Meningkatkan daya saing ekonomi lokal", "5.3 Tujuan dan Sasaran", GOALS,
        "BAB VII KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH", PROGRAMS])
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA UJI TUJUH 2022-2031", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
        "“Uji Tujuh Cerdas”", "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance", "1. Satu data kota"])
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    plan = draft.region.rpjmd
    assert [(e.id, e.parents) for e in plan.at("target") + plan.at("program")] == [
        ("S1.1.1", ("T1.1",)), ("S1.1.2", ("T1.1",)), ("S2.1.1", ("T2.1",)),
        ("P1", ("S1.1.1",)), ("P2", ("S1.1.2",)), ("P3", ("S2.1.1",))]
    assert [(e.id, e.confidence) for e in plan.elements if e.confidence is not None] == []
