"""Write the hand-made fixtures of Kabupaten Sejahtera (sejahtera/), apart from tests/docgen.py.

An RPJMD PDF whose goals and targets are labelled text (M1, T1.1, S1.1.1) and whose program
table is borderless, names wrapped (one hyphenated), continued on the next page under a group
row without the header repeated; a masterplan whose programs are bold numbered headings
("4.1.1 Program Unggulan: ...") each followed by a describing paragraph, under "Dimensi Smart
Government" / "Smart People" headings, quoting the RPJMD vision before its own. Run from the
repository root: python tests/data/documents/make_sejahtera.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_sukamaju import A4, Pdf, landscape  # noqa: E402

out = Path(__file__).resolve().parent / "sejahtera"
out.mkdir(exist_ok=True)
pdf = Pdf(out / 'masterplan-buku-ii.pdf', running=("Buku II Masterplan Smart City Kabupaten Sejahtera",))
pdf.new_page(numbered=False)
pdf.text("MASTERPLAN SMART CITY KABUPATEN SEJAHTERA TAHUN 2023-2032", 14, True, center=True)
pdf.chapter, pdf.page_in_chapter = "III", 0; pdf.new_page()
pdf.text("BAB III VISI DAN MISI PEMBANGUNAN", 12, True)
pdf.text("3.1 Visi RPJMD Kabupaten Sejahtera", 10, True)
pdf.text("\u201cKabupaten Sejahtera yang Religius dan Maju\u201d")
pdf.text("3.2 Visi Smart City", 10, True)
pdf.text("Visi smart city Kabupaten Sejahtera adalah \u201cSejahtera Smart Regency 2032: Terhubung, Efisien, Berbudaya\u201d.")
pdf.text("3.3 Misi Smart City", 10, True)
for i, m in enumerate(["Mewujudkan layanan publik yang terintegrasi secara digital",
                       "Mengembangkan ekonomi kreatif berbasis teknologi informasi"], 1):
    pdf.text(f"{i}) {m}", indent=10)
pdf.chapter, pdf.page_in_chapter = "IV", 0; pdf.new_page()
pdf.text("BAB IV PROGRAM PENGEMBANGAN SMART CITY", 12, True)
progs = [("Smart Government", ["Sistem Informasi Pelayanan Terpadu", "Integrasi Data Kependudukan"]),
         ("Smart People", ["Sekolah Ramah Digital"]),
         ("Smart Living", ["Telemedisin Puskesmas Terpencil"])]
for n, (dim, ps) in enumerate(progs, 1):
    pdf.text(f"4.{n} Dimensi {dim}", 10, True)
    pdf.text(f"Pengembangan dimensi {dim.lower()} mencakup program unggulan berikut.")
    for k, p in enumerate(ps, 1):
        pdf.text(f"4.{n}.{k} Program Unggulan: {p}", 10, True)
        pdf.text(f"Program ini bertujuan meningkatkan kualitas layanan kepada masyarakat. Sasaran program adalah seluruh warga. "
                 f"Keluaran: aplikasi dan SOP. Perangkat daerah pengampu: Dinas Komunikasi dan Informatika.", indent=10)
pdf.save()

# RPJMD with borderless program table (no rulings), wrapped names, continued page without header
pdf = Pdf(out / 'rpjmd-bab-vi-viii.pdf')
pdf.running = ()
pdf.new_page(numbered=False)
pdf.text("RPJMD KABUPATEN SEJAHTERA TAHUN 2021-2026", 14, True, center=True)
pdf.running = ("LAMPIRAN PERATURAN DAERAH KABUPATEN SEJAHTERA NOMOR 7 TAHUN 2021",)
pdf.chapter, pdf.page_in_chapter = "6", 0; pdf.new_page()
pdf.text("BAB VI VISI, MISI, TUJUAN DAN SASARAN", 12, True)
pdf.text("6.1 Visi", 10, True)
pdf.text("\u201cKabupaten Sejahtera yang Religius dan Maju\u201d")
pdf.text("6.2 Misi", 10, True)
pdf.text("M1 Meningkatkan kualitas pelayanan publik", indent=10)
pdf.text("6.3 Tujuan dan Sasaran", 10, True)
pdf.text("T1.1 Meningkatnya kepuasan masyarakat terhadap layanan", indent=10)
pdf.text("S1.1.1 Meningkatnya indeks pelayanan publik", indent=10)
pdf.text("S1.1.2 Meningkatnya indeks SPBE", indent=10)
pdf.chapter, pdf.page_in_chapter = "8", 0; pdf.new_page(landscape(A4))
pdf.text("BAB VIII PROGRAM PERANGKAT DAERAH", 12, True)
c = pdf.c
xs = [50, 110, 380, 560, 640, 720]
def row(cells, bold=False):
    c.setFont("Helvetica-Bold" if bold else "Helvetica", 8)
    for x, t in zip(xs, cells):
        if t: c.drawString(x, pdf.y, t)
    pdf.y -= 12
row(["Kode", "Program", "Perangkat Daerah", "Pagu 2022", "Pagu 2023", "Total (Rp)"], True)
row(["Sasaran 1.1.1: Meningkatnya indeks pelayanan publik"], True)
row(["2.19.02", "Program Pelayanan Penanaman", "DPMPTSP", "1.000.000.000", "1.100.000.000", "2.100.000.000"])
row(["", "Modal", "", "", "", ""])
row(["4.01.01", "Program Penunjang Urusan Pemerin-", "Sekretariat Daerah", "2.000.000.000", "2.000.000.000", "4.000.000.000"])
row(["", "tahan Daerah Kabupaten", "", "", "", ""])
pdf.new_page(landscape(A4))
row(["Sasaran 1.1.2: Meningkatnya indeks SPBE"], True)
row(["2.16.02", "Program Aplikasi Informatika", "Dinas Kominfo", "3.000.000.000", "NA", "3.000.000.000"])
pdf.save()

MP = [("governance", "Sistem Informasi Pelayanan Terpadu"), ("governance", "Integrasi Data Kependudukan"),
      ("society", "Sekolah Ramah Digital"), ("living", "Telemedisin Puskesmas Terpencil")]
known = {
    "schema": "smartsync/region@1",
    "region": {"id": "sejahtera", "name": "Kabupaten Sejahtera", "kind": "kabupaten"},
    "rpjmd": {"period": [2021, 2026], "elements": [
        {"id": "V", "level": "vision", "text": "Kabupaten Sejahtera yang Religius dan Maju"},
        {"id": "M1", "level": "mission", "parents": ["V"], "text": "Meningkatkan kualitas pelayanan publik"},
        {"id": "T1.1", "level": "goal", "parents": ["M1"], "text": "Meningkatnya kepuasan masyarakat terhadap layanan"},
        {"id": "S1.1.1", "level": "target", "parents": ["T1.1"], "text": "Meningkatnya indeks pelayanan publik"},
        {"id": "S1.1.2", "level": "target", "parents": ["T1.1"], "text": "Meningkatnya indeks SPBE"},
        {"id": "P1", "level": "program", "parents": ["S1.1.1"], "code": "2.19.02", "budget": 2_100_000_000,
         "text": "Program Pelayanan Penanaman Modal"},
        {"id": "P2", "level": "program", "parents": ["S1.1.1"], "code": "4.01.01", "budget": 4_000_000_000,
         "text": "Program Penunjang Urusan Pemerintahan Daerah Kabupaten"},
        {"id": "P3", "level": "program", "parents": ["S1.1.2"], "code": "2.16.02", "budget": 3_000_000_000,
         "text": "Program Aplikasi Informatika"}]},
    "masterplan": {"period": [2023, 2032], "elements": [
        {"id": "V", "level": "vision", "text": "Sejahtera Smart Regency 2032: Terhubung, Efisien, Berbudaya"},
        {"id": "M1", "level": "mission", "parents": ["V"],
         "text": "Mewujudkan layanan publik yang terintegrasi secara digital"},
        {"id": "M2", "level": "mission", "parents": ["V"],
         "text": "Mengembangkan ekonomi kreatif berbasis teknologi informasi"},
        *({"id": f"Q{n}", "level": "program", "dimension": d, "text": t} for n, (d, t) in enumerate(MP, 1))]},
    "matches": []}
with open(out / "known.yaml", "w", encoding="utf-8") as f:
    yaml.safe_dump(known, f, allow_unicode=True, sort_keys=False, width=200)
