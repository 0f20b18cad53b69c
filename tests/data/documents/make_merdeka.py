"""Write the hand-made Word fixtures of Kota Merdeka (merdeka/), apart from tests/docgen.py.

Word lists numbered by Word itself ("List Number" and "List Bullet" styles: the "1." is no part
of the text), a masterplan whose vision and missions sit in a two-column table ("Visi" | ...,
"Misi" | "1. ... 2. ..."), dimension headings with the programs as a numbered list, and an
RPJMD whose programs sit straight under the missions. Run from the repository root:
python tests/data/documents/make_merdeka.py
"""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

HERE = Path(__file__).resolve().parent / "merdeka"
MISI = ["Mewujudkan birokrasi yang bersih dan melayani", "Meningkatkan daya saing ekonomi lokal"]
PROGRAMS = [(1, "2.16.02", "Program Aplikasi Informatika", ["1.250.000.000", "1.500.000.000"]),
            (1, "4.01.01", "Program Penunjang Urusan Pemerintahan Daerah", ["900.000.000", "950.000.000"]),
            (2, "3.30.04", "Program Pemberdayaan Usaha Mikro", ["600.000.000", "-"])]


def rpjmd(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("RPJMD KOTA MERDEKA TAHUN 2021-2026")
    d.add_heading("BAB IV VISI DAN MISI", 1)
    d.add_heading("4.1 Visi", 2)
    d.add_paragraph("\u201cMerdeka yang Maju, Adil dan Sejahtera\u201d")
    d.add_heading("4.2 Misi", 2)
    for m in MISI:
        d.add_paragraph(m, style="List Number")
    d.add_heading("BAB VII PROGRAM PERANGKAT DAERAH", 1)
    t = d.add_table(rows=1, cols=5)
    t.style = "Table Grid"
    for c, h in enumerate(["Misi", "Kode", "Program", "Pagu 2022 (Rp)", "Pagu 2023 (Rp)"]):
        t.cell(0, c).text = h
    for mission, code, name, pagu in PROGRAMS:
        cells = t.add_row().cells
        cells[0].text = f"Misi {mission}"
        cells[1].text, cells[2].text, cells[3].text, cells[4].text = code, name, *pagu
    d.save(path)


def masterplan(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("MASTERPLAN SMART CITY KOTA MERDEKA 2022-2031")
    d.add_heading("BAB III VISI DAN MISI SMART CITY", 1)
    t = d.add_table(rows=2, cols=2)
    t.style = "Table Grid"
    t.cell(0, 0).text = "Visi"
    t.cell(0, 1).text = "Merdeka Kota Cerdas yang Berbudaya"
    t.cell(1, 0).text = "Misi"
    t.cell(1, 1).text = "1. Membangun layanan digital terpadu\n2. Mengembangkan ekonomi kreatif"
    d.add_heading("BAB IV RENCANA AKSI", 1)
    d.add_heading("Smart Governance", 2)
    d.add_paragraph("Rencana aksi dimensi ini adalah:")
    for p in ["Aplikasi perizinan terpadu", "Dasbor kota"]:
        d.add_paragraph(p, style="List Number")
    d.add_heading("Smart Environment", 2)
    d.add_paragraph("Sensor banjir", style="List Bullet")
    d.save(path)


def known() -> dict:
    rp = [{"id": "V", "level": "vision", "text": "Merdeka yang Maju, Adil dan Sejahtera"}]
    rp += [{"id": f"M{i}", "level": "mission", "parents": ["V"], "text": m} for i, m in enumerate(MISI, 1)]
    rp += [{"id": f"P{n}", "level": "program", "parents": [f"M{m}"], "code": code,
            "budget": sum(int(x.replace(".", "")) for x in pagu if x != "-"), "text": name}
           for n, (m, code, name, pagu) in enumerate(PROGRAMS, 1)]
    mp = [{"id": "V", "level": "vision", "text": "Merdeka Kota Cerdas yang Berbudaya"},
          {"id": "M1", "level": "mission", "parents": ["V"], "text": "Membangun layanan digital terpadu"},
          {"id": "M2", "level": "mission", "parents": ["V"], "text": "Mengembangkan ekonomi kreatif"},
          {"id": "Q1", "level": "program", "dimension": "governance", "text": "Aplikasi perizinan terpadu"},
          {"id": "Q2", "level": "program", "dimension": "governance", "text": "Dasbor kota"},
          {"id": "Q3", "level": "program", "dimension": "environment", "text": "Sensor banjir"}]
    return {"schema": "smartsync/region@1", "region": {"id": "merdeka", "name": "Kota Merdeka", "kind": "kota"},
            "rpjmd": {"period": [2021, 2026], "elements": rp},
            "masterplan": {"period": [2022, 2031], "elements": mp}, "matches": []}


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    rpjmd(HERE / "rpjmd-merdeka.docx")
    masterplan(HERE / "masterplan-merdeka.docx")
    with open(HERE / "known.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump(known(), f, allow_unicode=True, sort_keys=False, width=200)
