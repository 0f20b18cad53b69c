"""Write the hand-made fixtures of Kota Sukamaju (sukamaju/) and Kabupaten Tanah Datar Rekayasa (sipd/).

Written apart from tests/docgen.py: the layouts as a regional government types them (a Perda
annex with running headers and printed page numbers, a ruled BAB V table with a mission cell
merged across a page break, a BAB VII table with a two-row header, a row of column numbers,
group rows per target, odd codes and money; a masterplan Buku 2 by dimension; a SIPD export
with a title row and synonyms). Run from the repository root:

    python tests/data/documents/make_sukamaju.py

The known regions are the known.yaml beside the documents, written by hand.
"""

from __future__ import annotations

import csv
from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
FONT, BOLD = "Helvetica", "Helvetica-Bold"

RUNNING = "LAMPIRAN PERATURAN DAERAH KOTA SUKAMAJU NOMOR 3 TAHUN 2021"
RUNNING2 = "TENTANG RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH KOTA SUKAMAJU TAHUN 2021-2026"


class Pdf:
    def __init__(self, path: Path, running: tuple[str, ...] = (RUNNING, RUNNING2)) -> None:
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.running = running
        self.size = A4
        self.chapter = ""
        self.page_in_chapter = 0
        self.y = 0.0
        self.started = False

    def new_page(self, size=A4, numbered: bool = True) -> None:
        if self.started:
            self.c.showPage()
        self.started = True
        self.size = size
        self.c.setPageSize(size)
        w, h = size
        self.c.setFont(FONT, 7)
        for i, line in enumerate(self.running):
            self.c.drawRightString(w - 40, h - 25 - 9 * i, line)
        if numbered and self.chapter:
            self.page_in_chapter += 1
            self.c.setFont(FONT, 9)
            self.c.drawCentredString(w / 2, 25, f"{self.chapter} - {self.page_in_chapter}")
        self.y = h - 70

    def text(self, s: str, size: float = 10, bold: bool = False, indent: float = 0, width: float | None = None,
             center: bool = False, gap: float = 3) -> None:
        w, _ = self.size
        width = width or (w - 100 - indent)
        font = BOLD if bold else FONT
        self.c.setFont(font, size)
        for line in simpleSplit(s, font, size, width):
            if self.y < 60:
                self.new_page(self.size)
                self.c.setFont(font, size)
            if center:
                self.c.drawCentredString(w / 2, self.y, line)
            else:
                self.c.drawString(50 + indent, self.y, line)
            self.y -= size + gap
        self.y -= 2

    def table(self, widths: list[float], rows: list[list], *, header: int = 0, repeat_header: bool = False,
              size: float = 8, spans: dict | None = None, size_page=A4) -> None:
        """Draw a ruled table. A cell None continues the cell above (merged down, no line between);
        a row ("SPAN", text) spans the whole table; spans maps (row, col) -> columns spanned (header)."""
        spans = spans or {}
        c = self.c
        x0 = 50
        head = rows[:header]

        def heights(row):
            if isinstance(row, tuple):
                return (len(simpleSplit(row[1], BOLD, size, sum(widths) - 6)) * (size + 2)) + 6
            hs = []
            for i, cell in enumerate(row):
                if cell is None or cell == "":
                    continue
                hs.append(len(simpleSplit(str(cell), FONT, size, widths[i] - 6)) * (size + 2) + 6)
            return max(hs or [size + 8])

        def draw(row, ri, top_open: list[bool]):
            h = heights(row)
            if self.y - h < 50:
                return None
            y = self.y
            if isinstance(row, tuple):
                c.rect(x0, y - h, sum(widths), h)
                c.setFont(BOLD, size)
                for k, ln in enumerate(simpleSplit(row[1], BOLD, size, sum(widths) - 6)):
                    c.drawString(x0 + 3, y - size - 2 - k * (size + 2), ln)
                self.y -= h
                return h
            x = x0
            i = 0
            while i < len(row):
                span = spans.get((ri, i), 1)
                w = sum(widths[i:i + span])
                cell = row[i]
                # verticals
                c.line(x, y, x, y - h)
                c.line(x + w, y, x + w, y - h)
                c.line(x, y - h, x + w, y - h)  # bottom; a merged cell below erases nothing: redrawn
                if cell is not None and not top_open[i]:
                    c.line(x, y, x + w, y)
                if cell:
                    c.setFont(FONT, size)
                    for k, ln in enumerate(simpleSplit(str(cell), FONT, size, w - 6)):
                        c.drawString(x + 3, y - size - 2 - k * (size + 2), ln)
                x += w
                i += span
            self.y -= h
            return h

        # merged cells: draw a white line over the bottom border of a cell whose next row is None
        def run(all_rows, start_index):
            prev_row = None
            for ri, row in enumerate(all_rows):
                top_open = [False] * len(widths)
                if (not isinstance(row, tuple)) and prev_row is not None and not isinstance(prev_row, tuple):
                    top_open = [cell is None for cell in row]
                while draw(row, start_index + ri, top_open) is None:
                    self.new_page(size_page)
                    if repeat_header:
                        for hi, hrow in enumerate(head):
                            draw(hrow, hi, [False] * len(widths))
                    top_open = [False] * len(widths)
                # erase the line between merged cells
                if not isinstance(row, tuple) and ri + 1 < len(all_rows) and not isinstance(all_rows[ri + 1], tuple):
                    nxt = all_rows[ri + 1]
                    x = x0
                    for i, w in enumerate(widths):
                        if nxt[i] is None and self.y - heights(nxt) >= 50:
                            c.setStrokeColorRGB(1, 1, 1)
                            c.line(x + 0.6, self.y, x + w - 0.6, self.y)
                            c.setStrokeColorRGB(0, 0, 0)
                        x += w
                prev_row = row

        for hi, hrow in enumerate(head):
            draw(hrow, hi, [False] * len(widths))
        run(rows[header:], header)
        self.y -= 10

    def save(self) -> None:
        self.c.showPage()
        self.c.save()


# ---------------------------------------------------------------------------- Kota Sukamaju RPJMD

VISI = "Terwujudnya Kota Sukamaju yang Religius, Sejahtera dan Berdaya Saing Berbasis Teknologi"
MISI = [
    "Meningkatkan tata kelola pemerintahan yang bersih, efektif dan berbasis elektronik",
    "Meningkatkan kualitas sumber daya manusia yang sehat, cerdas dan berakhlak",
    "Mengembangkan perekonomian daerah yang tangguh berbasis potensi lokal",
]
# mission -> [(goal, [(target, indicator)])]
TUJUAN = {
    1: [("Meningkatkan kualitas pelayanan publik dan akuntabilitas pemerintahan",
         [("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat"),
          ("Meningkatnya akuntabilitas kinerja instansi pemerintah", "Nilai SAKIP"),
          ("Meningkatnya penerapan sistem pemerintahan berbasis elektronik", "Indeks SPBE")])],
    2: [("Meningkatkan derajat kesehatan masyarakat",
         [("Menurunnya angka kematian ibu dan bayi", "Angka Kematian Ibu"),
          ("Menurunnya prevalensi stunting pada balita", "Prevalensi stunting")]),
        ("Meningkatkan kualitas pendidikan",
         [("Meningkatnya rata-rata lama sekolah penduduk", "Rata-rata Lama Sekolah")])],
    3: [("Meningkatkan pertumbuhan ekonomi daerah",
         [("Meningkatnya daya saing usaha mikro, kecil dan menengah", "Jumlah UMKM naik kelas"),
          ("Meningkatnya kunjungan wisatawan", "Jumlah kunjungan wisatawan")])],
}

# target key -> [(code as printed, name, agency, [pagu 2022..2026 in Rp juta as printed])]
PROGRAM = {
    "1.1.1": [("4.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Sekretariat Daerah",
               ["1.250,0", "1.300,0", "1.350,5", "1.400,0", "1.450,0"]),
              ("2.19.02", "Program Pelayanan Penanaman Modal", "Dinas Penanaman Modal dan PTSP",
               ["850,0", "900,0", "-", "950,0", "1.000,0"])],
    "1.1.2": [("5.01.02", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
               "Badan Perencanaan Pembangunan Daerah", ["2.100,0", "2.200,0", "2.300,0", "2.400,0", "2.500,0"])],
    "1.1.3": [("2.16.2", "Program Aplikasi Informatika", "Dinas Komunikasi dan Informatika",
               ["3.500,0", "4.000,0", "4.250,75", "4.500,0", "5.000,0"]),
              ("2 . 16 . 03", "Program Informasi dan Komunikasi Publik", "Dinas Komunikasi dan Informatika",
               ["1.200,0", "1.250,0", "NA", "1.300,0", "1.350,0"])],
    "2.1.1": [("1.02.02", "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
               "Dinas Kesehatan", ["45.000,0", "47.500,0", "50.000,0", "52.500,0", "55.000,0"])],
    "2.1.2": [("1.02.04", "Program Sediaan Farmasi, Alat Kesehatan dan Makanan Minuman", "Dinas Kesehatan",
               ["1.500,0", "1.600,0", "1.700,0", "1.800,0", "1.900,0"])],
    "2.2.1": [("1.01.02", "Program Pengelolaan Pendidikan", "Dinas Pendidikan dan Kebudayaan",
               ["120.000,0", "125.000,0", "130.000,0", "135.000,0", "140.000,0"])],
    "3.1.1": [("3.30.04", "Program Pemberdayaan Usaha Menengah, Usaha Kecil, dan Usaha Mikro (UMKM)",
               "Dinas Koperasi, Usaha Kecil dan Menengah", ["2.000,0", "2.250,0", "2.500,0", "2.750,0", "3.000,0"])],
    "3.1.2": [("3.26.02", "Program Peningkatan Daya Tarik Destinasi Pariwisata", "Dinas Pariwisata",
               ["4.000,0", "-", "4.500,0", "4.750,0", "5.000,0"])],
}


def rupiah(cells: list[str]) -> int:
    total = 0
    for cell in cells:
        if cell in ("-", "NA"):
            continue
        total += round(float(cell.replace(".", "").replace(",", ".")) * 1_000_000)
    return total


def make_rpjmd(path: Path) -> None:
    pdf = Pdf(path)
    # cover (no running header)
    pdf.running = ()
    pdf.new_page(numbered=False)
    pdf.y -= 150
    pdf.text("LAMPIRAN", 14, True, center=True)
    pdf.text("PERATURAN DAERAH KOTA SUKAMAJU NOMOR 3 TAHUN 2021", 12, True, center=True)
    pdf.text("TENTANG", 12, True, center=True)
    pdf.text("RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH (RPJMD) KOTA SUKAMAJU TAHUN 2021-2026", 12, True,
             center=True)
    pdf.running = (RUNNING, RUNNING2)

    # BAB II with a realisation table that is not the plan
    pdf.chapter = "II"
    pdf.page_in_chapter = 0
    pdf.new_page()
    pdf.text("BAB II", 12, True, center=True)
    pdf.text("GAMBARAN UMUM KONDISI DAERAH", 12, True, center=True)
    pdf.text("2.1 Aspek Pelayanan Umum", 10, True)
    pdf.text("Realisasi pelaksanaan program pada periode RPJMD sebelumnya disajikan dalam tabel berikut.")
    pdf.text("Tabel 2.12 Realisasi Anggaran Program Perangkat Daerah Tahun 2016-2020 (Rp juta)", 9, True,
             center=True)
    rows = [
        ["Kode", "Program", "Perangkat Daerah", "Realisasi 2016", "2017", "2018", "2019", "2020"],
        ["2.16.02", "Program Pengembangan Komunikasi, Informasi dan Media Massa", "Dinas Komunikasi dan Informatika",
         "980,0", "1.020,5", "1.100,0", "1.150,0", "1.200,0"],
        ["1.02.02", "Program Upaya Kesehatan Masyarakat", "Dinas Kesehatan",
         "30.000,0", "32.000,0", "33.500,0", "35.000,0", "36.000,0"],
        ["1.01.02", "Program Wajib Belajar Pendidikan Dasar Sembilan Tahun", "Dinas Pendidikan",
         "90.000,0", "95.000,0", "99.000,0", "101.000,0", "104.000,0"],
    ]
    pdf.table([45, 140, 110, 45, 40, 40, 40, 40], rows, header=1)
    pdf.text("Secara umum capaian realisasi program menunjukkan tren yang meningkat.")

    # BAB V
    pdf.chapter = "V"
    pdf.page_in_chapter = 0
    pdf.new_page()
    pdf.text("BAB V", 12, True, center=True)
    pdf.text("VISI, MISI, TUJUAN DAN SASARAN", 12, True, center=True)
    pdf.text("5.1 Visi", 10, True)
    pdf.text("Dengan mempertimbangkan potensi, kondisi, permasalahan, tantangan dan peluang yang ada di Kota "
             "Sukamaju, maka visi pembangunan Kota Sukamaju tahun 2021-2026 adalah:")
    pdf.text(f"\u201c{VISI}\u201d", 11, True, center=True)
    pdf.text("5.2 Misi", 10, True)
    pdf.text("Untuk mewujudkan visi tersebut, ditetapkan misi pembangunan sebagai berikut:")
    for i, m in enumerate(MISI, 1):
        pdf.text(f"{i}. {m};" if i < len(MISI) else f"{i}. {m}.", indent=10)
    pdf.text("5.3 Tujuan dan Sasaran", 10, True)
    pdf.text("Tujuan dan sasaran pembangunan jangka menengah beserta indikatornya disajikan pada tabel berikut.")
    pdf.text("Tabel 5.1 Keterkaitan Misi, Tujuan, Sasaran dan Indikator", 9, True, center=True)
    rows: list = [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"], ["(1)", "(2)", "(3)", "(4)"]]
    for mi, goals in TUJUAN.items():
        first_m = True
        for goal, targets in goals:
            first_g = True
            for target, ind in targets:
                rows.append([f"Misi {mi}: {MISI[mi - 1]}" if first_m else None, goal if first_g else None,
                             target, ind])
                first_m = first_g = False
    pdf.y -= 390  # push the table so that mission 1's cell runs over the page break
    pdf.table([120, 130, 140, 105], rows, header=2, repeat_header=True)

    # BAB VII
    pdf.chapter = "VII"
    pdf.page_in_chapter = 0
    pdf.new_page(landscape(A4))
    pdf.text("BAB VII", 12, True, center=True)
    pdf.text("KERANGKA PENDANAAN PEMBANGUNAN DAN PROGRAM PERANGKAT DAERAH", 12, True, center=True)
    pdf.text("Program perangkat daerah beserta pagu indikatifnya untuk periode 2022-2026 disajikan berikut.")
    pdf.text("Tabel 7.3 Program Perangkat Daerah dan Pagu Indikatif", 9, True, center=True)
    widths = [55, 200, 150, 60, 60, 60, 60, 60]
    rows = [["Kode", "Program", "Perangkat Daerah", "Pagu Indikatif (Rp juta)", "", "", "", ""],
            ["", "", "", "2022", "2023", "2024", "2025", "2026"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"]]
    spans = {(0, 3): 5}
    targets = {f"{mi}.{gi}.{ti}": t for mi, goals in TUJUAN.items() for gi, (_, ts) in enumerate(goals, 1)
               for ti, (t, _) in enumerate(ts, 1)}
    for key, progs in PROGRAM.items():
        rows.append(("SPAN", f"Sasaran {key}: {targets[key]}"))
        for code, name, agency, pagu in progs:
            rows.append([code, name, agency, *pagu])
    pdf.table(widths, rows, header=3, spans=spans, size_page=landscape(A4))
    pdf.text("Pagu indikatif bersifat indikatif dan dapat berubah sesuai kemampuan keuangan daerah.")
    pdf.save()


# ---------------------------------------------------------------------------- masterplan Buku 2

MP_VISI = "Sukamaju Kota Cerdas yang Nyaman, Inklusif dan Berkelanjutan"
MP_MISI = ["Menghadirkan pemerintahan digital yang terbuka dan responsif",
           "Membangun citra kota sebagai destinasi wisata halal",
           "Menumbuhkan ekosistem ekonomi digital yang inklusif"]
# dimension heading as printed -> (dimension, [programs])
MP_PROGRAM = [
    ("Smart Government", "governance", ["Integrasi layanan perizinan daring", "Pusat data dan satu peta kota",
                                        "Sistem naskah dinas elektronik"]),
    ("Smart Branding", "branding", ["Aplikasi panduan wisata halal", "Penataan wajah kawasan kota lama"]),
    ("Smart Economy", "economy", ["Pasar digital produk UMKM", "Inkubator usaha rintisan digital"]),
    ("Smart Living", "living", ["Layanan gawat darurat terpadu 112"]),
    ("Smart Society", "society", ["Literasi digital untuk pelajar dan warga"]),
    ("Smart Environment", "environment", ["Pemantauan kualitas udara berbasis sensor",
                                          "Bank sampah digital"]),
]


def make_masterplan(path: Path) -> None:
    pdf = Pdf(path, running=("Masterplan Smart City Kota Sukamaju - Buku 2",))
    pdf.chapter = ""
    pdf.new_page(numbered=False)
    pdf.y -= 150
    pdf.text("BUKU 2", 16, True, center=True)
    pdf.text("MASTERPLAN SMART CITY KOTA SUKAMAJU TAHUN 2022-2031", 14, True, center=True)
    pdf.text("Program Gerakan Menuju 100 Smart City", 11, center=True)
    pdf.chapter = "2"
    pdf.new_page()
    pdf.text("BAB 2 VISI DAN MISI SMART CITY", 12, True)
    pdf.text("2.1 Visi Smart City", 10, True)
    pdf.text("Visi pembangunan smart city Kota Sukamaju dirumuskan selaras dengan visi RPJMD, yaitu:")
    pdf.text(f"\u201c{MP_VISI}\u201d", 11, True, center=True)
    pdf.text("2.2 Misi Smart City", 10, True)
    pdf.text("Untuk mencapai visi tersebut, misi smart city Kota Sukamaju adalah:")
    for i, m in enumerate(MP_MISI, 1):
        pdf.text(f"{i}. {m}", indent=10)
    pdf.chapter = "3"
    pdf.new_page()
    pdf.text("BAB 3 RENCANA PENGEMBANGAN SMART CITY", 12, True)
    pdf.text("Rencana aksi tiap dimensi smart city disusun untuk sepuluh tahun ke depan, dengan quick win "
             "yang dapat dilaksanakan pada tahun pertama.")
    for n, (heading, _, progs) in enumerate(MP_PROGRAM, 1):
        pdf.text(f"3.{n} {heading}", 10, True)
        pdf.text(f"Pengembangan {heading.lower()} diarahkan pada peningkatan layanan kepada warga.")
        pdf.text("Rencana Aksi:", 10, True)
        for k, p in enumerate(progs[:-1] if len(progs) > 1 else progs, 1):
            pdf.text(f"{k}. {p}", indent=10)
        if len(progs) > 1:
            pdf.text("Quick Win:", 10, True)
            pdf.text(f"1. {progs[-1]}", indent=10)
    pdf.save()


# ---------------------------------------------------------------------------- SIPD-like export

def make_sipd(folder: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "T-C.27"
    ws.append(["Tabel T-C.27 Rencana Program Pembangunan Daerah yang Disertai Pagu Indikatif"])
    ws.append(["RPJMD Kabupaten Tanah Datar Rekayasa Periode 2024 - 2029"])
    ws.append(["(dalam ribuan rupiah)"])
    ws.append(["Kode Urusan/Program", "Urusan / Bidang Urusan / Program Pembangunan Daerah", "Indikator Kinerja Program",
               "Kondisi Awal", "Tahun 2025", None, "Tahun 2026", None, "Tahun 2027", None, "Tahun 2028", None,
               "Tahun 2029", None, "Kondisi Akhir Periode", None, "OPD Penanggung Jawab", "Sasaran Daerah"])
    ws.append([None, None, None, None, "Target", "Rp", "Target", "Rp", "Target", "Rp", "Target", "Rp",
               "Target", "Rp", "Target", "Rp", None, None])
    for col in range(5, 17, 2):
        ws.merge_cells(start_row=4, start_column=col, end_row=4, end_column=col + 1)
    data = SIPD_ROWS
    for row in data:
        ws.append(row)
    wb.save(folder / "rpjmd-sipd T-C27 (ekspor).xlsx")


# code, name, indicator, 5 yearly rp (ribuan), agency, target
SIPD_ROWS = [
    ["1", "URUSAN WAJIB PELAYANAN DASAR", None, None, None, None, None, None, None, None, None, None, None, None,
     None, None, None, None],
    ["1.01", "PENDIDIKAN", None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
     None],
    ["1.01.02", "PROGRAM PENGELOLAAN PENDIDIKAN", "APM SD", "95%", "96%", "150.000.000", "96%", "155.000.000",
     "97%", "160.000.000", "97%", "165.000.000", "98%", "170.000.000", "98%", "800.000.000",
     "Dinas Pendidikan", "Meningkatnya partisipasi pendidikan dasar"],
    ["1.02", "KESEHATAN", None, None, None, None, None, None, None, None, None, None, None, None, None, None, None,
     None],
    ["1.02.02", "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT", "Cakupan UHC",
     "90%", "92%", "80.000.000", "94%", "82.500.000", "95%", "85.000.000", "96%", "87.500.000", "98%",
     "90.000.000", "98%", "425.000.000", "Dinas Kesehatan", "Menurunnya angka kesakitan"],
    ["2.16", "KOMUNIKASI DAN INFORMATIKA", None, None, None, None, None, None, None, None, None, None, None, None,
     None, None, None, None],
    ["2.16.2", "PROGRAM APLIKASI INFORMATIKA", "Indeks SPBE", "2,1", "2,5", "4.500.000", "2,8", "-", "3,0",
     "5.000.000", "3,2", "5.250.000", "3,5", "5.500.000", "3,5", "20.250.000",
     "Dinas Komunikasi dan Informatika", "Meningkatnya penerapan SPBE"],
    ["2.16.03", "PROGRAM INFORMASI DAN KOMUNIKASI PUBLIK", "Persentase informasi publik yang terlayani", "80%",
     "85%", "1.000.000", "88%", "1.050.000", "90%", "1.100.000", "92%", "1.150.000", "95%", "1.200.000",
     "95%", "5.500.000", "Dinas Komunikasi dan Informatika", "Meningkatnya penerapan SPBE"],
]


def make_sipd_csv(folder: Path) -> None:
    with open(folder / "masterplan-quickwin.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["DAFTAR QUICK WIN MASTERPLAN SMART CITY KABUPATEN TANAH DATAR REKAYASA 2025-2034"])
        w.writerow([])
        w.writerow(["No.", "Pilar Smart City", "Nama Quick Win", "Leading Sector", "Lokasi", "Keterangan"])
        w.writerow(["1", "Smart Governance", "Mal pelayanan publik digital", "DPMPTSP", "Pusat kabupaten", "-"])
        w.writerow(["2", "", "Dasbor kinerja pemerintahan", "Bappeda", "-", "-"])
        w.writerow(["3", "Smart Economy", "Marketplace hasil pertanian", "Dinas Pertanian", "Seluruh kecamatan", ""])
        w.writerow(["4", "Smart Environment", "Peringatan dini banjir", "BPBD", "DAS Batang", ""])


def main() -> None:
    a = HERE / "sukamaju"
    a.mkdir(exist_ok=True)
    make_rpjmd(a / "rpjmd-perda-3-2021.pdf")
    make_masterplan(a / "masterplan-buku2.pdf")
    b = HERE / "sipd"
    b.mkdir(exist_ok=True)
    make_sipd(b)
    make_sipd_csv(b)
    print("budgets (Rp):", {k: [rupiah(p[3]) for p in v] for k, v in PROGRAM.items()})


if __name__ == "__main__":
    main()


def known_sukamaju() -> dict:
    els: list[dict] = [{"id": "V", "level": "vision", "text": VISI}]
    for i, m in enumerate(MISI, 1):
        els.append({"id": f"M{i}", "level": "mission", "parents": ["V"], "text": m})
    for mi, goals in TUJUAN.items():
        for gi, (goal, targets) in enumerate(goals, 1):
            els.append({"id": f"T{mi}.{gi}", "level": "goal", "parents": [f"M{mi}"], "text": goal})
            for ti, (t, _) in enumerate(targets, 1):
                els.append({"id": f"S{mi}.{gi}.{ti}", "level": "target", "parents": [f"T{mi}.{gi}"], "text": t})
    n = 0
    for key, progs in PROGRAM.items():
        for code, name, _agency, pagu in progs:
            n += 1
            norm = ".".join(f"{int(p):02d}" if i == 2 else p for i, p in enumerate(code.replace(" ", "").split(".")))
            els.append({"id": f"P{n}", "level": "program", "parents": [f"S{key}"], "code": norm,
                        "budget": rupiah(pagu), "text": name})
    mp: list[dict] = [{"id": "V", "level": "vision", "text": MP_VISI}]
    for i, m in enumerate(MP_MISI, 1):
        mp.append({"id": f"M{i}", "level": "mission", "parents": ["V"], "text": m})
    n = 0
    for _, dim, progs in MP_PROGRAM:
        for p in progs:
            n += 1
            mp.append({"id": f"Q{n}", "level": "program", "dimension": dim, "text": p})
    return {"schema": "smartsync/region@1", "region": {"id": "sukamaju", "name": "Kota Sukamaju", "kind": "kota"},
            "rpjmd": {"period": [2021, 2026], "elements": els},
            "masterplan": {"period": [2022, 2031], "elements": mp}, "matches": []}


def known_sipd() -> dict:
    targets = {"Meningkatnya partisipasi pendidikan dasar": "S1", "Menurunnya angka kesakitan": "S2",
               "Meningkatnya penerapan SPBE": "S3"}
    els: list[dict] = [{"id": v, "level": "target", "text": k} for k, v in targets.items()]
    names = {"1.01.02": "Program Pengelolaan Pendidikan",
             "1.02.02": "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
             "2.16.2": "Program Aplikasi Informatika", "2.16.03": "Program Informasi dan Komunikasi Publik"}
    for n, row in enumerate((r for r in SIPD_ROWS if r[2]), 1):
        rp = sum(int(c.replace(".", "")) for c in row[5:15:2] if c != "-") * 1000
        code = row[0] if row[0] != "2.16.2" else "2.16.02"
        els.append({"id": f"P{n}", "level": "program", "parents": [targets[row[17]]], "code": code, "budget": rp,
                    "text": names[row[0]].upper()})
    mp = [{"id": "Q1", "level": "program", "dimension": "governance", "text": "Mal pelayanan publik digital"},
          {"id": "Q2", "level": "program", "dimension": "governance", "text": "Dasbor kinerja pemerintahan"},
          {"id": "Q3", "level": "program", "dimension": "economy", "text": "Marketplace hasil pertanian"},
          {"id": "Q4", "level": "program", "dimension": "environment", "text": "Peringatan dini banjir"}]
    return {"schema": "smartsync/region@1",
            "region": {"id": "sipd", "name": "Kabupaten Tanah Datar Rekayasa", "kind": "kabupaten"},
            "rpjmd": {"period": [2024, 2029], "elements": els},
            "masterplan": {"period": [2025, 2034], "elements": mp}, "matches": []}


def write_known() -> None:
    import yaml

    for folder, known in (("sukamaju", known_sukamaju()), ("sipd", known_sipd())):
        with open(HERE / folder / "known.yaml", "w", encoding="utf-8") as f:
            yaml.safe_dump(known, f, allow_unicode=True, sort_keys=False, width=200)


if __name__ == "__main__":
    write_known()
