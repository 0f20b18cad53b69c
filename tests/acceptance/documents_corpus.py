"""A Bappeda planner's own small plan documents (round 2), written with python-docx, openpyxl and
reportlab. Each writer says, in its docstring, what a reader must find in it (computed by hand)."""
from __future__ import annotations

from pathlib import Path


def rpjmd_docx(path: Path) -> Path:
    """RPJMD of Kota Sukamaju 2021-2026 in Word: vision in italic under "5.1 Visi dan Misi", three
    missions, goals 1.1/2.1/3.1 with targets 1.1.1, 2.1.1, 2.1.2, 3.1.1; on page 2 a program table
    "(dalam juta rupiah)" with yearly pagu 2022-2026 and a JUMLAH row that adds up.
    By hand: 2.16.02 Rp 7,000,000,000 (1,250.5+1,300+1,400+1,500+1,549.5 juta), 2.16.03 Rp 10 bn,
    2.17.07 Rp 2.5 bn, 3.26.02 Rp 3.75 bn, 2.11.05 Rp 1.2 bn ("-" in 2024 counts as nothing)."""
    from docx import Document
    d = Document()
    d.add_paragraph("RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH KOTA SUKAMAJU TAHUN 2021-2026")
    d.add_heading("BAB V VISI, MISI, TUJUAN DAN SASARAN", level=1)
    d.add_heading("5.1 Visi dan Misi", level=2)
    d.add_paragraph("Visi merupakan rumusan umum mengenai keadaan yang diinginkan pada akhir periode perencanaan.")
    d.add_paragraph("Visi Kota Sukamaju Tahun 2021-2026 adalah:")
    d.add_paragraph().add_run("Terwujudnya Sukamaju yang Cerdas, Sejahtera dan Berbudaya").italic = True
    d.add_paragraph("Visi tersebut dijabarkan ke dalam misi sebagai berikut:")
    for m in ["1. Mewujudkan tata kelola pemerintahan yang bersih dan digital",
              "2. Meningkatkan daya saing ekonomi daerah", "3. Mewujudkan lingkungan hidup yang lestari"]:
        d.add_paragraph(m)
    d.add_heading("5.2 Tujuan dan Sasaran", level=2)
    for t in ["Tujuan 1.1 Meningkatnya kualitas tata kelola pemerintahan", "Sasaran 1.1.1 Meningkatnya indeks SPBE",
              "Tujuan 2.1 Meningkatnya pertumbuhan ekonomi", "Sasaran 2.1.1 Meningkatnya daya saing UMKM",
              "Sasaran 2.1.2 Meningkatnya kunjungan wisata", "Tujuan 3.1 Meningkatnya kualitas lingkungan hidup",
              "Sasaran 3.1.1 Meningkatnya indeks kualitas lingkungan hidup"]:
        d.add_paragraph(t)
    d.add_page_break()
    d.add_heading("BAB VII INDIKASI RENCANA PROGRAM PRIORITAS", level=1)
    d.add_paragraph("Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)")
    s11, s211 = "Sasaran 1.1.1 Meningkatnya indeks SPBE", "Sasaran 2.1.1 Meningkatnya daya saing UMKM"
    rows = [["Sasaran", "Kode", "Program", "Pagu 2022", "Pagu 2023", "Pagu 2024", "Pagu 2025", "Pagu 2026",
             "Perangkat Daerah"],
            [s11, "2.16.02", "Program Pengelolaan Informasi dan Komunikasi Publik", "1.250,5", "1.300", "1.400",
             "1.500", "1.549,5", "Dinas Komunikasi dan Informatika"],
            [s11, "2.16.03", "Program Pengelolaan Aplikasi Informatika", "2.000", "2.000", "2.000", "2.000", "2.000",
             "Dinas Komunikasi dan Informatika"],
            [s211, "2.17.07", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)",
             "500", "500", "500", "500", "500", "Dinas Koperasi dan UMKM"],
            ["Sasaran 2.1.2 Meningkatnya kunjungan wisata", "3.26.02",
             "Program Peningkatan Daya Tarik Destinasi Pariwisata", "750", "750", "750", "750", "750",
             "Dinas Pariwisata"],
            ["Sasaran 3.1.1 Meningkatnya indeks kualitas lingkungan hidup", "2.11.05",
             "Program Pengendalian Pencemaran dan/atau Kerusakan Lingkungan Hidup", "300", "300", "-", "300",
             "300", "Dinas Lingkungan Hidup"],
            ["JUMLAH", "", "", "4.800,5", "4.850", "4.650", "5.050", "5.099,5", ""]]
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            table.cell(i, j).text = value
    d.save(path)
    return path


def masterplan_docx(path: Path) -> Path:
    """Masterplan Smart City Kota Sukamaju 2022-2031: BAB II quotes the RPJMD vision and missions (not
    the masterplan's); "4.1 Visi dan Misi Smart City" gives its own vision (italic, in quotes) and two
    missions; "BAB V RENCANA AKSI" numbers its programs from 1 under each dimension heading.
    By hand: vision "Sukamaju Kota Cerdas yang Melayani dan Berdaya Saing", 2 missions, 4 programs:
    governance, governance, economy, environment."""
    from docx import Document
    d = Document()
    d.add_paragraph("MASTERPLAN SMART CITY KOTA SUKAMAJU TAHUN 2022-2031")
    d.add_heading("BAB II GAMBARAN UMUM", level=1)
    d.add_heading("2.1 Visi dan Misi RPJMD Kota Sukamaju", level=2)
    d.add_paragraph("Visi RPJMD Kota Sukamaju adalah:")
    d.add_paragraph("“Terwujudnya Sukamaju yang Cerdas, Sejahtera dan Berbudaya”")
    d.add_paragraph("1. Mewujudkan tata kelola pemerintahan yang bersih dan digital")
    d.add_paragraph("2. Meningkatkan daya saing ekonomi daerah")
    d.add_heading("BAB IV VISI DAN MISI SMART CITY", level=1)
    d.add_heading("4.1 Visi dan Misi Smart City", level=2)
    d.add_paragraph().add_run("“Sukamaju Kota Cerdas yang Melayani dan Berdaya Saing”").italic = True
    d.add_paragraph("1. Membangun layanan publik digital yang terpadu")
    d.add_paragraph("2. Menumbuhkan ekonomi digital warga")
    d.add_heading("BAB V RENCANA AKSI", level=1)
    d.add_heading("Dimensi Smart Governance", level=2)
    d.add_paragraph("1. Aplikasi layanan publik terpadu")
    d.add_paragraph("2. Satu data Sukamaju")
    d.add_heading("Dimensi Smart Economy", level=2)
    d.add_paragraph("1. Lokapasar UMKM Sukamaju")
    d.add_heading("Smart Environment", level=2)
    d.add_paragraph("1. Sensor kualitas udara")
    d.save(path)
    return path


def sipd_xlsx(path: Path) -> Path:
    """A SIPD-like export: sasaran, kode_urusan, kode_bidang, kode_program, nama_program, pagu_1..pagu_5.
    By hand: 2.16.03 Rp 6,000,000,000; 2.16.02 Rp 1,250,000,000 (its sasaran left blank: the one above);
    2.17.07 Rp 1,600,000,000 (a zero year)."""
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "program"
    ws.append(["RPJMD Kota Sukamaju Tahun 2021-2025"])
    ws.append(["sasaran", "kode_urusan", "kode_bidang", "kode_program", "nama_program",
               "pagu_1", "pagu_2", "pagu_3", "pagu_4", "pagu_5", "opd"])
    ws.append(["Meningkatnya indeks SPBE", "2", "2.16", "03", "Program Pengelolaan Aplikasi Informatika",
               1_000_000_000, 1_100_000_000, 1_200_000_000, 1_300_000_000, 1_400_000_000, "Diskominfo"])
    ws.append([None, "2", "2.16", "02", "Program Pengelolaan Informasi dan Komunikasi Publik",
               250_000_000, 250_000_000, 250_000_000, 250_000_000, 250_000_000, "Diskominfo"])
    ws.append(["Meningkatnya daya saing UMKM", "2", "2.17", "07",
               "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)",
               400_000_000, 0, 400_000_000, 400_000_000, 400_000_000, "Dinkop UMKM"])
    wb.save(path)
    return path


def sipd_csv_cp1252(path: Path) -> Path:
    """A SIPD-like CSV, semicolons, Windows-1252 (an en dash), "(dalam juta rupiah)", NA and "-" cells.
    By hand: 5.01.02 Rp 5,000,000,000; 2.16.03 Rp 1,001,000,000 (250.75+250.25+500 juta);
    2.17.07 Rp 500,000,000; period 2024-2028 from the title."""
    text = ("INDIKASI RENCANA PROGRAM PRIORITAS RPJMD KABUPATEN SUKASARI TAHUN 2024-2028\n"
            "(dalam juta rupiah)\n"
            "misi;sasaran;kode_urusan;kode_bidang;kode_program;nama_program;pagu_1;pagu_2;pagu_3;pagu_4;pagu_5;"
            "perangkat_daerah\n"
            "Misi 1: Tata kelola yang bersih;Meningkatnya nilai SAKIP;5;5.01;02;"
            "Program Pengelolaan Keuangan Daerah – APBD;1.000;1.000;1.000;1.000;1.000;BPKAD\n"
            ";;2;2.16;03;Program Pengelolaan Aplikasi Informatika;250,75;250,25;NA;-;500;Diskominfo\n"
            "Misi 2: Ekonomi yang tangguh;Meningkatnya omzet UMKM;2;2.17;07;"
            "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM);100;100;100;100;100;"
            "Dinas Koperasi\n")
    path.write_bytes(text.encode("cp1252"))
    return path


def masterplan_csv(path: Path) -> Path:
    """A masterplan program list: three programs with their dimensions, period 2025-2034 in the title."""
    path.write_text("MASTERPLAN SMART CITY KOTA KARANGSARI 2025-2034\nDimensi;Program\n"
                    "Smart Governance;Aplikasi pengaduan warga\nSmart Economy;Pasar digital UMKM\n"
                    "Smart Environment;Sensor udara kota\n", encoding="utf-8")
    return path


def rpjmd_pdf(path: Path, chapter: str = "BAB VII PROGRAM PERANGKAT DAERAH") -> Path:
    """RPJMD of Kota Karangsari 2025-2029 as a text PDF: vision (italic), three missions, goals and
    targets on page 1 (printed "4 - 1"); on page 2 (printed "5 - 2"), under ``chapter``, a ruled program
    table "(dalam juta rupiah)": 2.16.03 Rp 2.5 bn, 2.17.07 Rp 500 m, 2.11.03 Rp 500 m, whose JUMLAH row
    says 4.000 (Rp 4 bn) where the rows add up to Rp 3.5 bn."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    italic = ParagraphStyle("it", parent=styles["Normal"], fontName="Helvetica-Oblique")

    def footer(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(280, 20, f"{doc.page + 3} - {doc.page}")

    story = [Paragraph("RPJMD KOTA KARANGSARI TAHUN 2025-2029", styles["Title"]),
             Paragraph("BAB IV VISI DAN MISI", styles["Heading1"]), Paragraph("4.1 Visi", styles["Heading2"]),
             Paragraph("Karangsari Maju, Hijau dan Berdaya Saing", italic), Paragraph("4.2 Misi", styles["Heading2"])]
    story += [Paragraph(m, styles["Normal"]) for m in [
        "1. Meningkatkan kualitas pelayanan publik berbasis digital", "2. Mengembangkan ekonomi kerakyatan",
        "3. Menjaga kelestarian lingkungan hidup"]]
    story.append(Paragraph("4.3 Tujuan dan Sasaran", styles["Heading2"]))
    story += [Paragraph(m, styles["Normal"]) for m in [
        "Tujuan 1.1 Meningkatnya kualitas pelayanan publik", "Sasaran 1.1.1 Meningkatnya indeks kepuasan masyarakat",
        "Tujuan 2.1 Meningkatnya ekonomi kerakyatan", "Sasaran 2.1.1 Meningkatnya omzet UMKM",
        "Tujuan 3.1 Meningkatnya kualitas lingkungan", "Sasaran 3.1.1 Meningkatnya indeks kualitas udara"]]
    story += [PageBreak(), Paragraph(chapter, styles["Heading1"]),
              Paragraph("Tabel 7.1 Indikasi Rencana Program Prioritas (dalam juta rupiah)", styles["Normal"])]
    rows = [["Sasaran", "Kode", "Program", "Pagu 2025", "Pagu 2026", "Total", "Perangkat Daerah"],
            ["Sasaran 1.1.1", "2.16.03", "Program Pengelolaan Aplikasi Informatika", "1.000", "1.500", "2.500",
             "Diskominfo"],
            ["Sasaran 2.1.1", "2.17.07", "Program Pemberdayaan Usaha Kecil", "250,5", "249,5", "500", "Dinkop"],
            ["Sasaran 3.1.1", "2.11.03", "Program Pengendalian Pencemaran", "300", "200", "500", "DLH"],
            ["JUMLAH", "", "", "1.550,5", "1.949,5", "4.000", ""]]
    table = Table(rows)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTSIZE", (0, 0), (-1, -1), 7)]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=footer, onLaterPages=footer)
    return path
