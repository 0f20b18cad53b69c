"""Write the hand-made workbook fixtures of Kota Cascade (cascading/), apart from tests/docgen.py.

A cascading matrix as a Bappeda keeps it: a title row "PERIODE 2021 s.d. 2026", a blank row,
then Misi | Tujuan | Indikator Tujuan | Sasaran | Indikator Sasaran | Strategi | Arah Kebijakan
| Kode | Program Pembangunan Daerah | Pagu Indikatif Tahun ... | Perangkat Daerah, with outline
numbers in the cells ("1.1 Meningkatkan ..."), the mission merged down; and a quick-win
workbook with Indonesian dimension names ("Tata Kelola", "Lingkungan Hidup"). Run from the
repository root: python tests/data/documents/make_cascading.py
"""

from __future__ import annotations

from pathlib import Path

import yaml
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent / "cascading"


def rpjmd(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Cascading"
    ws.append(["MATRIKS CASCADING RPJMD KOTA CASCADE PERIODE 2021 s.d. 2026"])
    ws.append([])
    ws.append(["Misi", "Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran", "Strategi", "Arah Kebijakan",
               "Kode", "Program Pembangunan Daerah", "Pagu Indikatif Tahun 2022", "Pagu Indikatif Tahun 2023",
               "Pagu Indikatif Tahun 2024", "Perangkat Daerah"])
    ws.append(["1. Mewujudkan pemerintahan yang bersih", "1.1 Meningkatkan akuntabilitas", "Nilai SAKIP",
               "1.1.1 Meningkatnya kualitas perencanaan", "Nilai evaluasi RKPD", "Penguatan perencanaan",
               "Integrasi perencanaan dan penganggaran", "5.01.02",
               "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "1.000.000.000",
               "1.100.000.000", "1.200.000.000", "Bappeda"])
    ws.append([None, None, None, None, None, None, None, "5.02.02", "Program Pengelolaan Keuangan Daerah",
               "2.000.000.000", "2.000.000.000", "2.000.000.000", "BPKAD"])
    ws.append([None, "1.2 Meningkatkan kualitas pelayanan publik", "IKM", "1.2.1 Meningkatnya kepuasan masyarakat",
               "Indeks Kepuasan Masyarakat", "Digitalisasi layanan", "Perluasan MPP", "2.16.02",
               "Program Aplikasi Informatika", "500.000.000", "-", "750.000.000", "Diskominfo"])
    ws.merge_cells("A4:A6")
    wb.save(path)


def masterplan(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Quick Win"
    ws.append(["Daftar Quick Win Masterplan Smart City Kota Cascade Tahun 2022-2026"])
    ws.append(["No", "Elemen Smart City", "Inisiatif", "OPD Pengampu", "Tahun Pelaksanaan"])
    ws.append([1, "Tata Kelola", "Dasbor eksekutif wali kota", "Diskominfo", 2022])
    ws.append([2, "Lingkungan Hidup", "Sensor kualitas air sungai", "DLH", 2023])
    ws.append([3, "Ekonomi", "Kartu belanja UMKM", "Diskop", 2023])
    wb.save(path)


def known() -> dict:
    return {
        "schema": "smartsync/region@1",
        "region": {"id": "cascading", "name": "Kota Cascade", "kind": "kota"},
        "rpjmd": {"period": [2021, 2026], "elements": [
            {"id": "M1", "level": "mission", "text": "Mewujudkan pemerintahan yang bersih"},
            {"id": "T1.1", "level": "goal", "parents": ["M1"], "text": "Meningkatkan akuntabilitas"},
            {"id": "S1.1.1", "level": "target", "parents": ["T1.1"], "text": "Meningkatnya kualitas perencanaan"},
            {"id": "P1", "level": "program", "parents": ["S1.1.1"], "code": "5.01.02", "budget": 3_300_000_000,
             "text": "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah"},
            {"id": "P2", "level": "program", "parents": ["S1.1.1"], "code": "5.02.02", "budget": 6_000_000_000,
             "text": "Program Pengelolaan Keuangan Daerah"},
            {"id": "T1.2", "level": "goal", "parents": ["M1"], "text": "Meningkatkan kualitas pelayanan publik"},
            {"id": "S1.2.1", "level": "target", "parents": ["T1.2"], "text": "Meningkatnya kepuasan masyarakat"},
            {"id": "P3", "level": "program", "parents": ["S1.2.1"], "code": "2.16.02", "budget": 1_250_000_000,
             "text": "Program Aplikasi Informatika"}]},
        "masterplan": {"period": [2022, 2026], "elements": [
            {"id": "Q1", "level": "program", "dimension": "governance", "text": "Dasbor eksekutif wali kota"},
            {"id": "Q2", "level": "program", "dimension": "environment", "text": "Sensor kualitas air sungai"},
            {"id": "Q3", "level": "program", "dimension": "economy", "text": "Kartu belanja UMKM"}]},
        "matches": []}


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    rpjmd(HERE / "rpjmd-cascading.xlsx")
    masterplan(HERE / "masterplan-quick-win.xlsx")
    with open(HERE / "known.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump(known(), f, allow_unicode=True, sort_keys=False, width=200)
