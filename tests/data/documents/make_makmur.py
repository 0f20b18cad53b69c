"""Write the hand-made Word fixtures of Kabupaten Makmur Jaya (makmur/), apart from tests/docgen.py.

An RPJMD in Word: BAB IV names vision, missions, goals, targets, strategies and policies (the
goals and targets as labelled text "Tujuan 1:", "Sasaran 1.1:", the strategies must not be read
as targets); BAB VIII "INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN"
with a three-row header (Target/Rp pairs per year under "Capaian Kinerja Program dan Kerangka
Pendanaan"), a column-number row, the target in a cell merged down, codes in front of names,
money in full rupiah with "Rp" and thousands commas. A masterplan in Word: "VISI" and "MISI"
with missions "a.", "b.", programs in a table by "Elemen Smart City" merged down. Run from the
repository root: python tests/data/documents/make_makmur.py
"""

from __future__ import annotations

from pathlib import Path

import docx
import yaml

HERE = Path(__file__).resolve().parent / "makmur"

VISI = "Makmur Jaya yang Mandiri, Berdaya Saing dan Sejahtera"
MISI = ["Mewujudkan birokrasi yang profesional dan melayani",
        "Mewujudkan masyarakat yang sehat dan berpendidikan"]
TUJUAN = [("Meningkatkan kinerja birokrasi", [("Meningkatnya kualitas perencanaan pembangunan", [
              ("5.01.02", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah", "Bappelitbangda",
               [1_500_000_000, 1_600_000_000, 1_700_000_000, 1_800_000_000, 1_900_000_000])]),
          ("Meningkatnya keterbukaan informasi publik", [
              ("2.16.02", "Program Aplikasi Informatika", "Diskominfo",
               [2_000_000_000, 2_250_000_000, 2_500_000_000, 2_750_000_000, 3_000_000_000]),
              ("2.16.03", "Program Informasi dan Komunikasi Publik", "Diskominfo",
               [500_000_000, 550_000_000, 600_000_000, 650_000_000, 700_000_000])])]),
          ("Meningkatkan derajat kesehatan dan pendidikan masyarakat", [
              ("Menurunnya angka kesakitan", [
                  ("1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
                   "Dinas Kesehatan", [30_000_000_000, 31_000_000_000, 32_000_000_000, 33_000_000_000,
                                       34_000_000_000])])])]
PARENT_MISSION = [1, 2]
STRATEGI = ["Penguatan sistem perencanaan berbasis data", "Perluasan layanan kesehatan primer"]
YEARS = [2022, 2023, 2024, 2025, 2026]
MP_VISI = "Makmur Jaya Cerdas, Terhubung dan Lestari"
MP_MISI = ["Membangun infrastruktur digital sampai ke desa", "Mendorong inovasi layanan publik berbasis data"]
MP = [("Tata Kelola (Smart Governance)", "governance", ["Satu data kabupaten", "Command center kabupaten"]),
      ("Smart Branding", "branding", ["Festival budaya digital"]),
      ("Smart Economy", "economy", ["Digitalisasi pasar rakyat", "Sistem resi gudang elektronik"]),
      ("Smart Environment", "environment", ["Pemantauan banjir berbasis sensor"])]


def rp(n: int) -> str:
    return "Rp " + f"{n:,}"


def rpjmd(path: Path) -> None:
    d = docx.Document()
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "LAMPIRAN PERATURAN DAERAH KABUPATEN MAKMUR JAYA NOMOR 5 TAHUN 2021"
    d.add_paragraph("RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH KABUPATEN MAKMUR JAYA TAHUN 2021 - 2026")
    d.add_page_break()
    d.add_heading("BAB IV VISI, MISI, TUJUAN, SASARAN, STRATEGI DAN ARAH KEBIJAKAN", 1)
    d.add_heading("4.1 Visi", 2)
    d.add_paragraph("Visi Bupati dan Wakil Bupati terpilih untuk periode 2021-2026 adalah:")
    d.add_paragraph(f"\"{VISI}\"")
    d.add_heading("4.2 Misi", 2)
    d.add_paragraph("Misi yang ditempuh untuk mewujudkan visi tersebut adalah sebagai berikut:")
    for i, m in enumerate(MISI, 1):
        d.add_paragraph(f"Misi {i}: {m}")
    d.add_heading("4.3 Tujuan dan Sasaran", 2)
    d.add_paragraph("Tujuan dan sasaran tiap misi dirumuskan sebagai berikut.")
    for gi, (goal, targets) in enumerate(TUJUAN, 1):
        mi = PARENT_MISSION[gi - 1]
        d.add_paragraph(f"Misi {mi}: {MISI[mi - 1]}")
        d.add_paragraph(f"Tujuan {gi}: {goal}")
        for ti, (target, _) in enumerate(targets, 1):
            d.add_paragraph(f"Sasaran {gi}.{ti}: {target}")
    d.add_heading("4.4 Strategi dan Arah Kebijakan", 2)
    for i, s in enumerate(STRATEGI, 1):
        d.add_paragraph(f"Strategi {i}: {s}")
    d.add_page_break()
    d.add_heading("BAB VIII INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN", 1)
    d.add_paragraph("Tabel 8.1 Indikasi Rencana Program Prioritas")
    ncol = 4 + 2 * len(YEARS) + 1
    t = d.add_table(rows=3, cols=ncol)
    t.style = "Table Grid"
    h = ["Sasaran", "Kode dan Program Prioritas", "Indikator Kinerja Program"]
    for c, text in enumerate(h):
        t.cell(0, c).merge(t.cell(1, c)).text = text
    top = t.cell(0, 3).merge(t.cell(0, 3 + 2 * len(YEARS) - 1))
    top.text = "Capaian Kinerja Program dan Kerangka Pendanaan"
    for k, y in enumerate(YEARS):
        t.cell(1, 3 + 2 * k).merge(t.cell(1, 4 + 2 * k)).text = f"Tahun {y}"
    t.cell(0, ncol - 1).merge(t.cell(1, ncol - 1)).text = "OPD Penanggung Jawab"
    for c in range(ncol):
        t.cell(2, c).text = f"({c + 1})"
    # a third header row: Target | Rp under each year: put it as row 2, column numbers row 3
    t.rows[2].cells[0].text = ""
    for c in range(ncol):
        t.cell(2, c).text = ""
    for k in range(len(YEARS)):
        t.cell(2, 3 + 2 * k).text = "Target"
        t.cell(2, 4 + 2 * k).text = "Rp"
    nums = t.add_row().cells
    for c in range(ncol):
        nums[c].text = f"({c + 1})"
    for goal, targets in TUJUAN:
        for target, progs in targets:
            first = len(t.rows)
            for code, name, agency, pagu in progs:
                cells = t.add_row().cells
                cells[1].text = f"{code} {name}"
                cells[2].text = "Persentase capaian " + name.lower().replace("program ", "")
                for k, amount in enumerate(pagu):
                    cells[3 + 2 * k].text = "100%"
                    cells[4 + 2 * k].text = rp(amount)
                cells[ncol - 1].text = agency
            cell = t.cell(first, 0)
            if len(progs) > 1:
                cell = cell.merge(t.cell(len(t.rows) - 1, 0))
            cell.text = target
    d.add_paragraph("Sumber: hasil analisis, 2021")
    d.save(path)


def masterplan(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("MASTERPLAN SMART CITY KABUPATEN MAKMUR JAYA 2022 - 2032")
    d.add_paragraph("Buku II: Masterplan")
    d.add_heading("BAB III VISI DAN MISI", 1)
    d.add_heading("VISI", 2)
    d.add_paragraph(MP_VISI)
    d.add_heading("MISI", 2)
    for letter, m in zip("ab", MP_MISI):
        d.add_paragraph(f"{letter}. {m}")
    d.add_heading("BAB IV PROGRAM PENGEMBANGAN SMART CITY", 1)
    t = d.add_table(rows=1, cols=4)
    t.style = "Table Grid"
    for c, text in enumerate(["No", "Elemen Smart City", "Program Unggulan", "OPD Pengampu"]):
        t.cell(0, c).text = text
    n = 0
    for head, _, progs in MP:
        first = len(t.rows)
        for p in progs:
            n += 1
            cells = t.add_row().cells
            cells[0].text = str(n)
            cells[2].text = p
            cells[3].text = "Diskominfo"
        cell = t.cell(first, 1)
        if len(progs) > 1:
            cell = cell.merge(t.cell(len(t.rows) - 1, 1))
        cell.text = head
    d.save(path)


def known() -> dict:
    els: list[dict] = [{"id": "V", "level": "vision", "text": VISI}]
    for i, m in enumerate(MISI, 1):
        els.append({"id": f"M{i}", "level": "mission", "parents": ["V"], "text": m})
    n = 0
    for gi, (goal, targets) in enumerate(TUJUAN, 1):
        els.append({"id": f"T{gi}", "level": "goal", "parents": [f"M{PARENT_MISSION[gi - 1]}"], "text": goal})
        for ti, (target, progs) in enumerate(targets, 1):
            els.append({"id": f"S{gi}.{ti}", "level": "target", "parents": [f"T{gi}"], "text": target})
            for code, name, _a, pagu in progs:
                n += 1
                els.append({"id": f"P{n}", "level": "program", "parents": [f"S{gi}.{ti}"], "code": code,
                            "budget": sum(pagu), "text": name})
    mp: list[dict] = [{"id": "V", "level": "vision", "text": MP_VISI}]
    for i, m in enumerate(MP_MISI, 1):
        mp.append({"id": f"M{i}", "level": "mission", "parents": ["V"], "text": m})
    n = 0
    for _, dim, progs in MP:
        for p in progs:
            n += 1
            mp.append({"id": f"Q{n}", "level": "program", "dimension": dim, "text": p})
    return {"schema": "smartsync/region@1",
            "region": {"id": "makmur", "name": "Kabupaten Makmur Jaya", "kind": "kabupaten"},
            "rpjmd": {"period": [2021, 2026], "elements": els},
            "masterplan": {"period": [2022, 2032], "elements": mp}, "matches": []}


if __name__ == "__main__":
    HERE.mkdir(exist_ok=True)
    rpjmd(HERE / "rpjmd-makmur-jaya.docx")
    masterplan(HERE / "masterplan-buku-ii.docx")
    with open(HERE / "known.yaml", "w", encoding="utf-8") as f:
        yaml.safe_dump(known(), f, allow_unicode=True, sort_keys=False, width=200)
