"""Synthetic plan documents written from known region data, for testing ``smartsync draft``.

:func:`known_region` makes a region (an RPJMD with vision, missions, goals, targets with
indicators, programs with codes, agencies and yearly pagu; a masterplan with vision, missions
and programs per dimension) from a seed. :func:`write_corpus` writes it as documents in one
form (``pdf``, ``docx``, ``xlsx``) with a layout drawn from the seed: chapter numbers, ruled
or borderless tables, merged cells or group rows, one or two header rows, a column-number
row, tables continued over pages with or without their header, running headers and footers,
printed page numbers, hyphenated names, money as rupiah or millions in several notations,
landscape program pages, and a look-alike realisation table that must be left out.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

from smartsync.model import Dimension, Element, Period, Plan, PlanKind, Region

_SUBJECTS = ["pelayanan publik", "tata kelola pemerintahan", "kualitas pendidikan", "derajat kesehatan",
             "infrastruktur jalan", "ekonomi kreatif", "ketahanan pangan", "lingkungan hidup",
             "pariwisata daerah", "daya saing UMKM", "sanitasi permukiman", "transportasi publik",
             "kualitas air bersih", "pengelolaan sampah", "kebudayaan lokal", "ketertiban umum",
             "penanggulangan bencana", "perlindungan sosial", "kepemudaan dan olahraga",
             "investasi daerah", "teknologi informasi", "statistik sektoral", "kearsipan daerah",
             "perumahan rakyat", "ruang terbuka hijau", "kesetaraan gender", "industri kecil",
             "koperasi", "perdagangan", "kependudukan"]
_VERBS_M = ["Mewujudkan", "Meningkatkan", "Memperkuat", "Mengembangkan", "Membangun", "Menguatkan"]
_VERBS_G = ["Meningkatnya", "Terwujudnya", "Menguatnya", "Berkembangnya", "Membaiknya", "Tercapainya"]
_QUALS = ["yang merata", "yang berkelanjutan", "berbasis digital", "yang inklusif", "secara terpadu",
          "yang berdaya saing", "di seluruh wilayah kota", "bagi seluruh masyarakat"]
_AGENCIES = ["Dinas Komunikasi dan Informatika", "Dinas Pendidikan", "Dinas Kesehatan",
             "Dinas Pekerjaan Umum dan Penataan Ruang", "Badan Perencanaan Pembangunan Daerah",
             "Dinas Lingkungan Hidup", "Dinas Perhubungan", "Dinas Sosial", "Dinas Pariwisata"]
_DIM_SPELLINGS = {
    Dimension.GOVERNANCE: ["Smart Governance", "Smart Government", "SMART GOVERNANCE"],
    Dimension.BRANDING: ["Smart Branding", "SMART BRANDING"],
    Dimension.ECONOMY: ["Smart Economy", "SMART ECONOMY"],
    Dimension.LIVING: ["Smart Living", "SMART LIVING"],
    Dimension.SOCIETY: ["Smart Society", "Smart People", "SMART SOCIETY"],
    Dimension.ENVIRONMENT: ["Smart Environment", "SMART ENVIRONMENT"],
}


def _phrase(rng: random.Random, verbs: list[str], used: set[str]) -> str:
    while True:
        text = f"{rng.choice(verbs)} {rng.choice(_SUBJECTS)} {rng.choice(_QUALS)}"
        if text.lower() not in used:
            used.add(text.lower())
            return text


def _nomenclature_programs(rng: random.Random) -> list:
    """The nomenclature's programs in an order drawn from ``rng`` (each field's support
    program X.XX.01 aside: its name is the same in every field)."""
    from smartsync.matching.nomenclature import load_nomenclature

    entries = sorted((e for e in load_nomenclature() if e.level == "program" and e.code[:1].isdigit()),
                     key=lambda e: e.code)
    rng.shuffle(entries)
    return entries


def _program_name(name: str, titled: bool) -> str:
    """A nomenclature name as a plan writes it: "Program Pengelolaan Pendidikan" (or in small
    letters after "Program"), abbreviations kept ("(SDA)", "B3")."""
    words = []
    for k, word in enumerate(name.split()):
        if k == 0:
            words.append(word.capitalize())
        elif word.startswith("(") or re.search(r"\d", word):
            words.append(word)
        else:
            words.append(word.capitalize() if titled else word.lower())
    return " ".join(words)


def known_region(seed: int = 0, *, programs_per_target: tuple[int, int] = (1, 3), missions: int = 4,
                 name: str = "Kota Contoh") -> Region:
    """A region with known elements, drawn from ``seed``."""
    rng = random.Random(seed)
    used: set[str] = set()
    start = rng.choice([2016, 2019, 2021, 2024])
    rp: list[Element] = [Element("V", "vision", f"Terwujudnya {name} yang {rng.choice(['maju', 'sejahtera', 'cerdas'])}, "
                                                f"{rng.choice(['berdaya saing', 'religius', 'berbudaya'])} dan "
                                                f"{rng.choice(['berkelanjutan', 'harmonis', 'inklusif'])}")]
    codes: set[str] = set()
    programs = _nomenclature_programs(rng)
    for m in range(1, missions + 1):
        rp.append(Element(f"M{m}", "mission", _phrase(rng, _VERBS_M, used), parents=("V",)))
        for g in range(1, rng.randint(1, 2) + 1):
            gid = f"T{m}.{g}"
            rp.append(Element(gid, "goal", _phrase(rng, _VERBS_G, used), parents=(f"M{m}",)))
            for s in range(1, rng.randint(1, 2) + 1):
                sid = f"S{m}.{g}.{s}"
                rp.append(Element(sid, "target", _phrase(rng, _VERBS_G, used), parents=(gid,),
                                  indicators=(f"Indeks {rng.choice(_SUBJECTS)} ({rng.choice(['%', 'poin', 'nilai'])})",)))
                for _ in range(rng.randint(*programs_per_target)):
                    # a program of the national nomenclature: its code and its name agree
                    entry = programs.pop()
                    code = entry.code
                    codes.add(code)
                    text = _program_name(entry.name, rng.random() < 0.3)
                    used.add(text.lower())
                    # whole millions, so that every money notation writes it exactly
                    budget = sum(rng.randint(50, 40000) * 10**6 for _ in range(5))
                    rp.append(Element(f"P{len(codes)}", "program", text, parents=(sid,), code=code,
                                      budget=budget, agency=rng.choice(_AGENCIES)))
    mp_start = start + rng.choice([0, 1, 2])
    mp: list[Element] = [Element("V", "vision", f"{name} cerdas, {rng.choice(['nyaman', 'hijau', 'kreatif'])} "
                                                f"dan {rng.choice(['terhubung', 'berdaya saing', 'melayani'])}")]
    for m in range(1, 4):
        mp.append(Element(f"M{m}", "mission", _phrase(rng, _VERBS_M, used), parents=("V",)))
    n = 0
    for dim in Dimension:
        for _ in range(rng.randint(2, 4)):
            n += 1
            subject = rng.choice(_SUBJECTS)
            text = f"{rng.choice(['Aplikasi', 'Sistem', 'Portal', 'Gerakan', 'Pusat', 'Layanan'])} {subject} " \
                   f"{rng.choice(['terpadu', 'digital', 'pintar', 'online', 'warga'])}"
            while text.lower() in used:
                text += " " + rng.choice(["kota", "daerah", "plus"])
            used.add(text.lower())
            mp.append(Element(f"SP{n}", "program", text, dimension=dim))
    return Region(id="contoh", name=name, kind="kota",
                  rpjmd=Plan("rpjmd", Period(start, start + 5), tuple(rp)),
                  masterplan=Plan("masterplan", Period(mp_start, mp_start + 9), tuple(mp)))


# --------------------------------------------------------------------------
# layouts


@dataclass
class Layout:
    """How one corpus is written (drawn from a seed)."""

    vmts_chapter: str
    program_chapter: str
    ruled: bool
    merged: bool            # hierarchy in merged cells; else group rows "Sasaran 1.1.1: ..."
    two_row_header: bool
    number_row: bool
    repeat_header: bool
    unit: int               # 1 or 1_000_000
    money_style: str        # "dot", "comma", "rp"
    mission_style: str      # "Misi 1:", "1.", "M1"
    landscape: bool
    goals_in_text: bool
    rows_per_page: int
    header_words: dict[str, str]
    code_style: str         # "dot", "short" (2.16.2), "name" (code in front of the name)
    target_rp: bool = False  # a three-row header: pagu group, years, "Target" and "Rp" per year


def layout(seed: int) -> Layout:
    rng = random.Random(seed * 7919 + 1)
    return Layout(
        vmts_chapter=rng.choice(["IV", "V"]),
        program_chapter=rng.choice(["VII", "VIII"]),
        ruled=rng.random() < 0.6,
        merged=rng.random() < 0.6,
        two_row_header=rng.random() < 0.6,
        number_row=rng.random() < 0.5,
        repeat_header=rng.random() < 0.5,
        unit=rng.choice([1, 10**6]),
        money_style=rng.choice(["dot", "comma", "rp"]),
        mission_style=rng.choice(["Misi 1:", "1.", "M1"]),
        landscape=rng.random() < 0.5,
        goals_in_text=rng.random() < 0.3,
        rows_per_page=rng.choice([14, 18, 22]),
        header_words={
            "code": rng.choice(["Kode", "Kode Program", "KODE"]),
            "program": rng.choice(["Program", "Nama Program", "Program Pembangunan Daerah", "PROGRAM PRIORITAS"]),
            "agency": rng.choice(["Perangkat Daerah", "OPD Penanggung Jawab", "SKPD", "Perangkat Daerah Penanggung Jawab"]),
            "indicator": rng.choice(["Indikator", "Indikator Kinerja", "Indikator Sasaran"]),
            "pagu": rng.choice(["Pagu Indikatif", "Pagu Indikatif (Rp)", "Kebutuhan Anggaran", "Rencana Pagu"]),
            "total": rng.choice(["Total", "Jumlah", "Kondisi Akhir Periode"]),
            "mission": rng.choice(["Misi", "MISI"]),
            "goal": rng.choice(["Tujuan", "TUJUAN"]),
            "target": rng.choice(["Sasaran", "SASARAN", "Sasaran Strategis"]),
        },
        code_style=rng.choice(["dot", "dot", "short", "name"]),
        target_rp=rng.random() < 0.35,
    )


def _money(value: int, lay: Layout) -> str:
    amount = value / lay.unit
    if lay.unit == 1:
        text = f"{value:,}"
        text = text.replace(",", ".") if lay.money_style in ("dot", "rp") else text
        return ("Rp " + text) if lay.money_style == "rp" else text
    whole = int(amount)
    if lay.money_style == "comma":
        return f"{amount:,.2f}" if amount != whole else f"{whole:,}"
    text = f"{whole:,}".replace(",", ".")
    return text + (",00" if lay.money_style == "rp" else "")


def _code(code: str, lay: Layout) -> str:
    if lay.code_style == "short":
        a, b, c = code.split(".")
        return f"{a}.{int(b)}.{int(c)}"
    return code


def _split(total: int, years: int, rng: random.Random, unit: int) -> list[int]:
    units = total // 10**6
    cuts = sorted(rng.randint(0, units) for _ in range(years - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [units])]
    return [p * 10**6 for p in parts]


def _hyphenate(text: str, rng: random.Random) -> str:
    """Now and then a long word broken with a hyphen at a line end (a soft wrap in the source)."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if len(word) > 9 and word.isalpha() and word[0].islower() and rng.random() < 0.4:
            cut = len(word) // 2
            words[i] = word[:cut] + "-\n" + word[cut:]
            break
    return " ".join(words)


def _mission_label(i: int, text: str, style: str) -> str:
    return {"Misi 1:": f"Misi {i}: {text}", "1.": f"{i}. {text}", "M1": f"M{i} {text}"}[style]


# --------------------------------------------------------------------------
# the content, independent of the form: a list of blocks


_FILLER = ("Kondisi {subject} di {name} pada tahun {year} menunjukkan perkembangan yang cukup baik, "
           "meskipun masih terdapat sejumlah permasalahan yang perlu ditangani secara bertahap melalui "
           "program dan kegiatan perangkat daerah yang terkait dengan urusan tersebut. ")


def rpjmd_blocks(region: Region, lay: Layout, seed: int, *, filler_pages: int = 0) -> list[tuple]:
    """The RPJMD as blocks; ``filler_pages`` adds about that many pages of situation analysis
    (text and realisation tables, to be passed over) for a long document."""
    rng = random.Random(seed)
    plan = region.rpjmd
    p = plan.period
    years = list(range(p.start + 1, p.end + 1))
    title = rng.choice(["RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH", "RPJMD"])
    blocks: list[tuple] = [
        ("title", f"{title} {region.name.upper()} TAHUN {p.start}-{p.end}"),
        ("chapter", "BAB I", "PENDAHULUAN"),
        ("para", "Dokumen ini disusun sebagai pedoman pembangunan daerah lima tahun ke depan."),
        ("chapter", "BAB II", "GAMBARAN UMUM KONDISI DAERAH"),
        ("para", "Tabel berikut memuat realisasi program tahun sebelumnya."),
    ]
    programs = plan.at("program")
    realisation = [["No", "Kode", "Program", f"Realisasi {p.start - 2}", f"Realisasi {p.start - 1}"]]
    for i, e in enumerate(programs[:5], 1):
        realisation.append([str(i), e.code or "", e.text + " Lama", _money(10**9 * i, lay), _money(2 * 10**9, lay)])
    blocks.append(("table", realisation, [], 1))
    for page in range(filler_pages):
        for _ in range(3):
            blocks.append(("para", "".join(_FILLER.format(subject=rng.choice(_SUBJECTS), name=region.name,
                                                          year=p.start - rng.randint(1, 5)) for _ in range(5))))
        table = [["No", "Indikator", f"Realisasi {p.start - 2}", f"Realisasi {p.start - 1}", "Satuan"]]
        table += [[str(i), f"Indeks {rng.choice(_SUBJECTS)}", f"{rng.randint(1, 99)},{rng.randint(0, 9)}",
                   f"{rng.randint(1, 99)},{rng.randint(0, 9)}", "%"] for i in range(1, 9)]
        blocks.append(("table", table, [], 1))
    blocks += [("chapter", f"BAB {lay.vmts_chapter}", "VISI, MISI, TUJUAN DAN SASARAN"),
               ("heading", f"{lay.vmts_chapter}.1 Visi"),
               ("para", "Visi pembangunan daerah untuk periode ini adalah:"),
               ("quote", f"“{plan['V'].text.upper() if rng.random() < 0.5 else plan['V'].text}”"),
               ("heading", f"{lay.vmts_chapter}.2 Misi")]
    missions = plan.at("mission")
    for i, m in enumerate(missions, 1):
        blocks.append(("para", _mission_label(i, m.text, lay.mission_style) + ";"))
    blocks.append(("heading", f"{lay.vmts_chapter}.3 Tujuan dan Sasaran"))
    if lay.goals_in_text:
        for m_i, m in enumerate(missions, 1):
            for goal in [g for g in plan.at("goal") if m.id in g.parents]:
                blocks.append(("para", f"Tujuan {goal.id[1:]}: {goal.text}"))
                for target in [t for t in plan.at("target") if goal.id in t.parents]:
                    blocks.append(("para", f"Sasaran {target.id[1:]}: {target.text}"))
    else:
        w = lay.header_words
        header = [[w["mission"], w["goal"], w["target"], w["indicator"]]]
        if lay.number_row:
            header.append(["(1)", "(2)", "(3)", "(4)"])
        rows, spans = [], []
        for m in missions:
            for goal in [g for g in plan.at("goal") if m.id in g.parents]:
                for target in [t for t in plan.at("target") if goal.id in t.parents]:
                    rows.append([m.text, goal.text, target.text, target.indicators[0]])
        if lay.merged:
            rows = _merge_down(rows, [0, 1], spans, len(header))
        blocks.append(("table", header + rows, spans, len(header)))
    blocks += [("chapter", "BAB " + _next_roman(lay.vmts_chapter), "STRATEGI DAN ARAH KEBIJAKAN"),
               ("table", [["Sasaran", "Strategi", "Arah Kebijakan"],
                          [plan.at("target")[0].text, "Strategi percepatan layanan", "Kebijakan penguatan"]], [], 1),
               ("chapter", f"BAB {lay.program_chapter}", rng.choice([
                   "PROGRAM PERANGKAT DAERAH", "PROGRAM PEMBANGUNAN DAERAH",
                   "INDIKASI RENCANA PROGRAM PRIORITAS YANG DISERTAI KEBUTUHAN PENDANAAN"]))]
    blocks.append(("landscape",))  # a program table of ten columns or more is printed landscape
    blocks.append(("para", "Tabel program pembangunan daerah" + (" (dalam juta rupiah)" if lay.unit != 1 and rng.random() < 0.5 else "")))
    blocks.append(("table",) + _program_table(plan, lay, years, rng))
    return blocks


def _next_roman(r: str) -> str:
    return {"IV": "V", "V": "VI"}[r]  # the program chapter is VI at the earliest: never the same


def _merge_down(rows: list[list[str]], columns: list[int], spans: list, offset: int) -> list[list[str]]:
    """Blank repeated values in the given columns and record vertical spans (row, col, end)."""
    out = [list(r) for r in rows]
    for c in columns:
        start = 0
        for r in range(1, len(rows) + 1):
            if r == len(rows) or rows[r][c] != rows[start][c] or any(rows[r][k] != rows[start][k] for k in columns if k < c):
                if r - start > 1:
                    spans.append((offset + start, c, offset + r - 1))
                    for k in range(start + 1, r):
                        out[k][c] = ""
                start = r
    return out


def _program_table(plan: Plan, lay: Layout, years: list[int], rng: random.Random):
    w = lay.header_words
    unit_word = " (Rp juta)" if lay.unit != 1 else ""
    money_cols = []
    if lay.target_rp:
        n = len(years)
        top = ["No", w["target"], w["code"], w["program"], w["agency"],
               "Target Kinerja dan Kerangka Pendanaan" + unit_word] + [""] * (2 * n - 1) + [w["total"] + unit_word]
        middle = ["", "", "", "", ""] + [x for y in years for x in (f"Tahun {y}", "")] + [""]
        bottom = ["", "", "", "", ""] + [x for _ in years for x in ("Target", "Rp")] + [""]
        header = [top, middle, bottom]
        spans = [(0, 5, 0, 5 + 2 * n - 1, "across")] + [(1, 5 + 2 * i, 1, 6 + 2 * i, "across") for i in range(n)] \
            + [(0, c, 2) for c in (0, 1, 2, 3, 4, 5 + 2 * n)]
    elif lay.two_row_header:
        top = ["No", w["target"], w["code"], w["program"], w["agency"], w["pagu"] + unit_word] + [""] * (len(years) - 1) + [w["total"] + unit_word]
        bottom = ["", "", "", "", ""] + [str(y) for y in years] + [""]
        header = [top, bottom]
        spans = [(0, 5, 0, 5 + len(years) - 1, "across")] + [(0, c, 1) for c in (0, 1, 2, 3, 4, 5 + len(years))]
    else:
        header = [["No", w["target"], w["code"], w["program"], w["agency"]] +
                  [f"Pagu {y}{unit_word}" for y in years] + [w["total"] + unit_word]]
        spans = []
    if not lay.merged:
        for row in header:
            del row[1]
        spans = [((s[0], s[1] - 1 if s[1] > 1 else s[1], s[2]) if len(s) == 3 else
                  (s[0], s[1] - 1, s[2], s[3] - 1, s[4])) for s in spans if not (len(s) == 3 and s[1] == 1)]
    if lay.number_row:
        header.append([f"({i})" for i in range(1, len(header[0]) + 1)])
    rows: list[list[str]] = []
    groups: list[int] = []
    n = 0
    for target in plan.at("target"):
        programs = [p for p in plan.at("program") if target.id in p.parents]
        if not lay.merged:
            groups.append(len(rows))
            rows.append([f"Sasaran {target.id[1:]}: {target.text}"])
        for prog in programs:
            n += 1
            parts = _split(prog.budget or 0, len(years), rng, lay.unit)
            name = _hyphenate(prog.text, rng) if rng.random() < 0.3 else prog.text
            code = _code(prog.code or "", lay)
            if lay.code_style == "name":
                name, code = f"{code} {name}", ""
            cells = [str(n)] + ([target.text] if lay.merged else []) + [code, name, prog.agency or ""]
            if lay.target_rp:
                cells += [x for v in parts for x in (rng.choice(["85", "90,5", "B", "100"]), _money(v, lay))]
            else:
                cells += [_money(v, lay) for v in parts]
            cells.append(_money(prog.budget or 0, lay))
            rows.append(cells)
    body_spans: list = []
    if lay.merged:
        rows = _merge_down(rows, [1], body_spans, len(header))
    return header + rows, spans + body_spans, len(header), groups


def masterplan_blocks(region: Region, lay: Layout, seed: int) -> list[tuple]:
    rng = random.Random(seed + 5)
    plan = region.masterplan
    p = plan.period
    blocks: list[tuple] = [
        ("title", f"{rng.choice(['MASTERPLAN SMART CITY', 'MASTER PLAN SMART CITY', 'RENCANA INDUK SMART CITY'])} "
                  f"{region.name.upper()} TAHUN {p.start} - {p.end}"),
        ("chapter", "BAB I", "PENDAHULUAN"),
        ("para", "Masterplan ini menjadi acuan pembangunan kota cerdas."),
        ("chapter", "BAB II", "ANALISIS STRATEGIS"),
        ("table", [["No", "Dimensi", "Realisasi Program"], ["1", "Smart Governance", "Aplikasi lama"]], [], 1),
        ("chapter", "BAB III", "VISI DAN MISI SMART CITY"),
        ("heading", "3.1 Visi dan Misi RPJMD"),
        ("para", f"Visi RPJMD: “{region.rpjmd['V'].text}”"),
        ("heading", "3.2 Visi Smart City"),
        ("quote", f"“{plan['V'].text}”"),
        ("heading", "3.3 Misi Smart City"),
    ]
    for i, m in enumerate(plan.at("mission"), 1):
        blocks.append(("para", _mission_label(i, m.text, lay.mission_style) + ";"))
    blocks.append(("chapter", "BAB IV", rng.choice(["RENCANA PROGRAM SMART CITY", "PROGRAM DAN QUICK WIN",
                                                    "MASTERPLAN PROGRAM SMART CITY"])))
    as_table = rng.random() < 0.5
    word = rng.choice(["Program", "Rencana Aksi", "Quick Win", "Program Unggulan"])
    for d_i, dim in enumerate(Dimension, 1):
        programs = [e for e in plan.at("program") if e.dimension is dim]
        blocks.append(("heading", f"4.{d_i} {rng.choice(_DIM_SPELLINGS[dim])}"))
        if as_table:
            rows = [["No", word, "Deskripsi", "Perangkat Daerah"]]
            for i, e in enumerate(programs, 1):
                rows.append([str(i), e.text, "Layanan untuk warga kota", rng.choice(_AGENCIES)])
            blocks.append(("table", rows, [], 1))
        else:
            for i, e in enumerate(programs, 1):
                blocks.append(("para", f"{i}. {e.text}"))
    return blocks


# --------------------------------------------------------------------------
# writers


def _running(region: Region) -> str:
    return f"LAMPIRAN PERATURAN DAERAH {region.name.upper()} NOMOR 5 TAHUN {region.rpjmd.period.start}"


def write_pdf(blocks: list[tuple], path: Path, lay: Layout, region: Region, *, running: bool = True) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                    Paragraph, Spacer, Table, TableStyle)

    styles = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=styles["BodyText"], fontSize=10)
    cell = ParagraphStyle("c", parent=styles["BodyText"], fontSize=7, leading=8.5)
    chapter_no = {"n": 1}

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        w, h = canvas._pagesize
        if running:
            canvas.drawString(40, h - 25, _running(region))
        canvas.drawCentredString(w / 2, 20, f"{chapter_no['n']} - {doc.page}")
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4)
    portrait = Frame(40, 40, A4[0] - 80, A4[1] - 90, id="p")
    wide = Frame(40, 40, A4[1] - 80, A4[0] - 90, id="l")
    doc.addPageTemplates([PageTemplate("portrait", [portrait], onPage=decorate, pagesize=A4),
                          PageTemplate("landscape", [wide], onPage=decorate, pagesize=landscape(A4))])
    story: list = []
    width = A4[0] - 80
    for block in blocks:
        kind = block[0]
        if kind == "title":
            story += [Paragraph(block[1], styles["Title"]), PageBreak()]
        elif kind == "chapter":
            story += [Paragraph(block[1], styles["Heading1"]), Paragraph(block[2], styles["Heading1"])]
        elif kind == "heading":
            story.append(Paragraph(block[1], styles["Heading2"]))
        elif kind in ("para", "quote"):
            story.append(Paragraph(block[1].replace("\n", ""), body))
        elif kind == "landscape":
            story += [NextPageTemplate("landscape"), PageBreak()]
            width = A4[1] - 80
        elif kind == "table":
            rows, spans, head = block[1], block[2], block[3]
            groups = block[4] if len(block) > 4 else []
            story += _pdf_tables(rows, spans, head, groups, lay, cell, width, Table, TableStyle, Paragraph,
                                 PageBreak, colors)
            story.append(Spacer(1, 8))
    doc.build(story)


def _pdf_tables(rows, spans, head, groups, lay, cell, width, Table, TableStyle, Paragraph, PageBreak, colors):
    """The table in chunks of a page each (a merged cell is cut at the page end, as word
    processors do), the header repeated or not."""
    ncols = max(len(r) for r in rows)
    body = rows[head:]
    per_page = lay.rows_per_page if len(body) > lay.rows_per_page else len(body) or 1
    out = []
    for start in range(0, max(len(body), 1), per_page):
        chunk = body[start:start + per_page]
        first = start == 0
        top = rows[:head] if (first or lay.repeat_header) else []
        data = []
        for r in top + chunk:
            data.append([Paragraph(c.replace("\n", "<br/>"), cell) if c else "" for c in r] + [""] * (ncols - len(r)))
        offset = len(top)
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTSIZE", (0, 0), (-1, -1), 7)]
        if lay.ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        for s in spans:
            if len(s) == 5:  # across, header
                if first or lay.repeat_header:
                    style.append(("SPAN", (s[1], s[0]), (s[3], s[2])))
                continue
            r0, c, r1 = s
            if r0 < head:
                if first or lay.repeat_header:
                    style.append(("SPAN", (c, r0), (c, r1)))
                continue
            b0, b1 = r0 - head, r1 - head
            lo, hi = max(b0, start), min(b1, start + len(chunk) - 1)
            if lo < hi:
                style.append(("SPAN", (c, lo - start + offset), (c, hi - start + offset)))
        for g in groups:
            if start <= g < start + len(chunk):
                style.append(("SPAN", (0, g - start + offset), (-1, g - start + offset)))
        widths = _widths(top[0] if top else rows[0], ncols, width)
        table = Table(data, colWidths=widths)
        table.setStyle(TableStyle(style))
        out.append(table)
        if start + per_page < len(body):
            out.append(PageBreak())
    return out


def _widths(header: list[str], ncols: int, width: float) -> list[float]:
    weights = []
    for h in header + [""] * (ncols - len(header)):
        low = h.lower()
        if low in ("no", ""):
            weights.append(0.8 if low == "no" else 1.6)
        elif "kode" in low:
            weights.append(1.6)
        elif any(w in low for w in ("program", "misi", "tujuan", "sasaran", "indikator", "perangkat", "opd", "skpd",
                                    "strategi", "kebijakan", "quick", "rencana", "deskripsi")):
            weights.append(3.0)
        else:
            weights.append(1.6)
    total = sum(weights)
    widths = [width * w / total for w in weights]
    # a cell is at least 14 pt wide (its padding is 12): the others give way
    narrow = [k for k, w in enumerate(widths) if w < 14]
    if narrow:
        rest = sum(w for k, w in enumerate(widths) if k not in narrow)
        scale = (width - 14 * len(narrow)) / rest
        widths = [14.0 if k in narrow else w * scale for k, w in enumerate(widths)]
    return widths


def write_docx(blocks: list[tuple], path: Path, lay: Layout) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK

    document = docx.Document()
    for block in blocks:
        kind = block[0]
        if kind == "title":
            document.add_heading(block[1], 0)
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif kind == "chapter":
            document.add_heading(f"{block[1]} {block[2]}" if random.random() < 0.5 else block[1], 1)
            if not document.paragraphs[-1].text.endswith(block[2]):
                document.add_heading(block[2], 1)
        elif kind == "heading":
            document.add_heading(block[1], 2)
        elif kind in ("para", "quote"):
            document.add_paragraph(block[1].replace("-\n", ""))
        elif kind == "landscape":
            section = document.add_section()
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = section.page_height, section.page_width
        elif kind == "table":
            rows, spans, head = block[1], block[2], block[3]
            groups = block[4] if len(block) > 4 else []
            ncols = max(len(r) for r in rows)
            table = document.add_table(rows=len(rows), cols=ncols)
            if lay.ruled:
                table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text.replace("-\n", "")
            for s in spans:
                if len(s) == 5:
                    table.cell(s[0], s[1]).merge(table.cell(s[2], s[3]))
                else:
                    keep = table.cell(s[0], s[1]).text
                    merged = table.cell(s[0], s[1]).merge(table.cell(s[2], s[1]))
                    merged.text = keep
            for g in groups:
                keep = table.cell(head + g, 0).text
                merged = table.cell(head + g, 0).merge(table.cell(head + g, ncols - 1))
                merged.text = keep
    document.save(str(path))


def write_xlsx(region: Region, path: Path, lay: Layout, seed: int, *, plan: str = "rpjmd") -> None:
    """The SIPD-like flat table: one row per program with its mission, goal, target, indicator,
    code, name, agency and yearly pagu (masterplan: dimension and program)."""
    import openpyxl

    rng = random.Random(seed + 11)
    book = openpyxl.Workbook()
    sheet = book.active
    w = lay.header_words
    if plan == "masterplan":
        mp = region.masterplan
        sheet.title = "Masterplan"
        sheet.append([f"Masterplan Smart City {region.name} {mp.period.start}-{mp.period.end}"])
        sheet.append([f"Visi: {mp['V'].text}"])
        sheet.append([])
        sheet.append(["No", rng.choice(["Dimensi", "Dimensi Smart City"]),
                      rng.choice(["Program", "Rencana Aksi", "Quick Win"]), "Perangkat Daerah"])
        for i, e in enumerate(mp.at("program"), 1):
            dim = e.dimension
            assert dim is not None
            sheet.append([i, rng.choice(_DIM_SPELLINGS[dim]) if rng.random() < 0.7 else dim.value.title(),
                          e.text, rng.choice(_AGENCIES)])
        second = book.create_sheet("Misi")
        second.append(["No", rng.choice(["Misi", "Misi Smart City"])])
        for i, m in enumerate(mp.at("mission"), 1):
            second.append([i, m.text])
        book.save(str(path))
        return
    rp = region.rpjmd
    years = list(range(rp.period.start + 1, rp.period.end + 1))
    if rng.random() < 0.5:
        sheet.append([f"RPJMD {region.name} Tahun {rp.period.start}-{rp.period.end}"])
    unit_word = " (Rp juta)" if lay.unit != 1 else ""
    sheet.append(["Visi", w["mission"], w["goal"], w["target"], w["indicator"], w["code"], w["program"],
                  w["agency"]] + [f"Pagu {y}{unit_word}" for y in years] + [w["total"] + unit_word])
    first_data = sheet.max_row + 1
    vision = rp["V"].text
    for target in rp.at("target"):
        goal = rp[target.parents[0]]
        mission = rp[goal.parents[0]]
        for prog in [p for p in rp.at("program") if target.id in p.parents]:
            parts = _split(prog.budget or 0, len(years), rng, lay.unit)
            values = [v // lay.unit if lay.unit != 1 else v for v in parts]
            total = (prog.budget or 0) // lay.unit if lay.unit != 1 else prog.budget
            code = _code(prog.code or "", lay) if lay.code_style != "name" else prog.code
            sheet.append([vision, f"Misi {mission.id[1:]}: {mission.text}" if rng.random() < 0.3 else mission.text,
                          goal.text, target.text, target.indicators[0], code, prog.text,
                          prog.agency] + [(_money(v * lay.unit, lay) if rng.random() < 0.3 else v) for v in values] + [total])
    if lay.merged:  # the hierarchy columns merged down where they repeat
        for col in range(1, 6):
            start = first_data
            for r in range(first_data + 1, sheet.max_row + 2):
                same = r <= sheet.max_row and all(sheet.cell(r, k).value == sheet.cell(start, k).value
                                                  for k in range(1, col + 1))
                if not same:
                    if r - 1 > start:
                        for k in range(start + 1, r):
                            sheet.cell(k, col).value = None
                        sheet.merge_cells(start_row=start, end_row=r - 1, start_column=col, end_column=col)
                    start = r
    book.save(str(path))


def write_corpus(region: Region, folder: Path, form: str, seed: int, *, filler_pages: int = 0
                 ) -> dict[str, list[Path]]:
    """Write the region's two plans as documents of one form; returns the files of each plan.
    ``filler_pages`` lengthens the RPJMD's situation-analysis chapter (PDF and Word)."""
    folder.mkdir(parents=True, exist_ok=True)
    lay = layout(seed)
    if form == "xlsx":
        rp, mp = folder / "rpjmd.xlsx", folder / "masterplan.xlsx"
        write_xlsx(region, rp, lay, seed)
        write_xlsx(region, mp, lay, seed, plan="masterplan")
        return {"rpjmd": [rp], "masterplan": [mp]}
    rp_blocks = rpjmd_blocks(region, lay, seed, filler_pages=filler_pages)
    mp_blocks = masterplan_blocks(region, lay, seed)
    # the RPJMD in two files (chapters) now and then: read as one plan
    cut = next(i for i, b in enumerate(rp_blocks) if b[0] == "chapter" and b[1] == f"BAB {lay.vmts_chapter}")
    parts = [rp_blocks] if seed % 2 or filler_pages else [rp_blocks[:cut], rp_blocks[cut:]]
    out: dict[str, list[Path]] = {"rpjmd": [], "masterplan": []}
    for i, blocks in enumerate(parts, 1):
        path = folder / f"rpjmd-{i}.{form}"
        (write_pdf(blocks, path, lay, region) if form == "pdf" else write_docx(blocks, path, lay))
        out["rpjmd"].append(path)
    path = folder / f"masterplan.{form}"
    (write_pdf(mp_blocks, path, lay, region) if form == "pdf" else write_docx(mp_blocks, path, lay))
    out["masterplan"].append(path)
    return out
