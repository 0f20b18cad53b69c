"""A layout fuzzer for `smartsync draft`: each document's layout drawn from many independent
choices, written as CSV, workbook or Word, with the region it holds as ground truth.

Where :mod:`docgen` writes a few layouts well, this draws each of these on its own, so that
their combinations are met: the money unit (rupiah, thousands, millions) and where it is said
(the money header, a caption above the table, the caption repeated on every page, a note under
the table, nowhere); the table split over pages with its header repeated or not; sub-totals per
target and a grand total, or none; the hierarchy in merged cells, in group rows or in columns;
the code in one column, in front of the name or in parts (kode_urusan, kode_bidang,
kode_program); yearly columns by year, by place (pagu_1 ..) or as Target/Rp pairs, with or
without a total column; the order of the columns and the words of their headers; definitions
of the words, a lead-in sentence, a paragraph after the list; a masterplan quoting the RPJMD;
a combined "Visi dan Misi" heading; and the layouts of a new user's round 5 (an RPD's title,
visions unquoted on their label's line, a BAB V table whose Misi cells word the missions otherwise,
a masterplan's targets per dimension, a "Smart Mobility" section, in Word the code in "U | B | P"
under a merged "Kode"), and those of round 8 (the missions, goals and targets as a numbered cascade
under "Pohon Kinerja" or "5.2 Misi, Tujuan dan Sasaran"; "Urusan | Bidang | Program | Nama Program"
columns; footnote marks set superscript after a name and a figure; the masterplan's programs in a
matrix of the six dimensions; a program's row hidden in the workbook or a hidden sheet; a row deleted
and a mission's words inserted with Track Changes), drawn apart so that the other choices stay each seed's. A PDF draws its own choices (landscape pages, rulings,
italic or glyph-by-glyph visions, a watermark on every page), and so does a Word file (its program table ruled, without
borders, nested in a layout table, or typed with tabs at tab stops).

    from docfuzz import fuzz_corpus
    known, files, choices = fuzz_corpus(seed, folder)
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from docgen import _DIM_SPELLINGS, _widths, known_region

from smartsync.model import Dimension, Region

__all__ = ["Choices", "choices_for", "fuzz_corpus"]


@dataclass
class Choices:
    """The independent choices of one corpus."""

    form: str               # csv, xlsx, docx (pdf when asked)
    unit: int               # 1, 1_000, 1_000_000
    unit_place: str         # header, caption, caption-each-page, note, none
    money_style: str        # dot (1.234.567), comma (1,234,567), rp ("Rp 1.234.567,00")
    pages: int              # the program table split into this many parts
    repeat_header: bool
    subtotals: bool         # a "Jumlah Sasaran ..." row under each target's programs
    grand_total: bool
    hierarchy: str          # columns (a cell per row), blank (left blank below), groups (group rows)
    code: str               # column, name (in front of the name), parts (kode_urusan, ...)
    years: str              # year (Pagu 2022), place (pagu_1), pairs (Target | Rp per year)
    total_column: bool
    order: int              # a seed for the order of the columns after No
    words: int              # a seed for the words of the headers
    definitions: bool
    lead_in: bool
    after_list: bool
    quoted_rpjmd: bool      # the masterplan quotes the RPJMD's vision and missions
    combined_heading: bool  # the masterplan's "Visi dan Misi Smart City"
    # a PDF's own choices (drawn apart, so the choices above stay those of the seed)
    landscape: bool = False  # the program table on landscape pages
    ruled: bool = True       # the program table with rulings, or borderless
    italic: str = "none"     # the visions: none, italic (one piece), glyphs (glyph by glyph, letter-spaced)
    padding: float = 6.0     # points left and right of a table cell's text (1.5: cells closer than a word gap)
    # the program table names its target by its text, or by its number only ("Kode Sasaran"
    # 1.1.2, a group row "Sasaran 1.1.2"), the target stated in BAB V (drawn apart, any form)
    target_by: str = "text"
    # a Word file's own choice: the program table ruled ("grid"), without borders ("plain"),
    # nested in a one-cell layout table ("nested"), or typed with tabs at tab stops ("tabs")
    word_table: str = "grid"
    # the layouts a new user met in round 5 (drawn apart too, so the choices above stay the seed's):
    # the RPJMD's title ("rpjmd", an RPD's "RENCANA PEMBANGUNAN DAERAH (RPD) ...", "RANCANGAN AKHIR
    # RPJMD ...") (F124); both visions written unquoted on their label's line (F115); a BAB V table
    # "Misi | Tujuan | Sasaran | Indikator" whose Misi cells repeat the listed missions ("same") or
    # word them with two words more ("worded") (F103); the masterplan's targets listed per dimension
    # under "3.3 Sasaran Smart City" (F110); a masterplan section "Smart Mobility", none of the six
    # dimensions (F119); the code parts under one merged "Kode" header "U | B | P" (Word, F101)
    rpjmd_title: str = "rpjmd"
    vision_inline: bool = False
    mission_table: str = "none"
    targets_by_dimension: bool = False
    other_dimension: bool = False
    code_merged: bool = False
    # the layouts of newuser round 6 (drawn apart too): a recap of the pagu per mission after the
    # program table, its missions by their text or "Misi I", with a "Jumlah Program" column (F156);
    # a crosswalk of the RPJMD's missions with the RPJPD's ("rpjpd", in a chapter before BAB V) or of
    # its targets with the RPJMN's national priorities ("rpjmn", a section "5.4 Keselarasan ...") (F154)
    recap: str = "none"
    crosswalk: str = "none"
    # a PDF's watermark on every page (drawn apart): none, "DRAFT" set diagonally, or "RANCANGAN
    # AKHIR" set across the middle, large and light grey, over the tables (F149)
    watermark: str = "none"
    # the budget checks of issue 24 item 1 (drawn apart too): the sub-totals per target or per
    # urusan (the rows then ordered by their field, "Jumlah Urusan 2.16"), the note under the
    # table worded otherwise ("Catatan: ...", "*) ...", "Sumber: ...; satuan ..."), and the
    # whole APBD printed in the text ("apbd") with one program's figure typed in full rupiah in
    # a table in thousands or millions ("typo": read as a thousand or a million times its pagu,
    # above that APBD: to be doubted, never taken at full confidence)
    subtotal_by: str = "target"
    note_words: int = 0
    apbd: bool = False
    typo: bool = False
    # the layouts of newuser round 8 (drawn apart too): how the masterplan marks its missions and
    # programs ("number" 1., "nospace" 1.Mewujudkan, "dash" 1- , a bullet character such as "➢ ",
    # "✓ ", Wingdings' "\uf0d8 " or Word's "o ", "plain": the programs with no marker, "section":
    # the programs numbered by their section, "4.1.1" under "4.1 Smart Governance") (F208, F215);
    # the vision and missions as chapters: "sections" (3.1 Visi ...), "chapters" (BAB II VISI SMART
    # CITY / BAB III MISI SMART CITY, the targets under BAB IV SASARAN SMART CITY) or one chapter
    # "combined" (BAB II VISI DAN MISI SMART CITY); the RPJMD's BAB V with no "5.1 Visi" / "5.2
    # Misi": the vision's sentence, then the numbered missions (F202, F201)
    list_marker: str = "number"
    vm_chapters: str = "sections"
    rpjmd_chapter: bool = False
    # the layouts of issue 24's round 8 (drawn apart too): the RPJMD's missions, goals and targets as a
    # numbered cascade (1. / 1.1 / 1.1.1) under "Pohon Kinerja ..." or "5.2 Misi, Tujuan dan Sasaran"
    # (F187); the code in "Urusan | Bidang | Program" columns beside "Nama Program" (workbook, CSV:
    # F183); a footnote mark set superscript after a program's name and after a figure (Word, PDF);
    # the masterplan's programs in a matrix of the six dimensions, ticked (F147); a row of a program
    # not in the plan hidden, or a sheet of one hidden (workbook); a program row deleted and a mission's
    # words inserted with Track Changes (Word)
    cascade: str = "none"
    code_split: bool = False
    footnote: bool = False
    dimension_matrix: bool = False
    hidden: str = "none"
    tracked: bool = False


def choices_for(seed: int, form: str | None = None) -> Choices:
    """The choices of corpus ``seed``, each drawn on its own; ``form`` ("pdf", ...) written
    instead of the form drawn, the other choices those of the seed."""
    rng = random.Random(seed * 104_729 + 17)
    drawn = rng.choice(["csv", "xlsx", "docx"])
    form = form or drawn
    own = random.Random(seed * 7_919 + 3)
    landscape, ruled, italic = own.random() < 0.5, own.random() < 0.6, own.choice(["none", "italic", "glyphs"])
    word_table = own.choice(["grid", "plain", "nested", "tabs"])
    padding = own.choice([6.0, 3.0, 1.5])
    target_by = own.choice(["text", "text", "number"])
    r5 = random.Random(seed * 6_151 + 11)
    round5 = dict(rpjmd_title=r5.choice(["rpjmd", "rpjmd", "rpd", "rancangan"]), vision_inline=r5.random() < 0.3,
                  mission_table=r5.choice(["none", "none", "same", "worded"]),
                  targets_by_dimension=r5.random() < 0.3, other_dimension=r5.random() < 0.25)
    code_merged = r5.random() < 0.5 and (form == "pdf" or (form == "docx" and word_table != "tabs"))
    r6 = random.Random(seed * 4_271 + 5)
    round6 = dict(recap=r6.choice(["none", "none", "text", "roman"]), crosswalk=r6.choice(["none", "none", "rpjpd",
                                                                                           "rpjmn"]))
    r7 = random.Random(seed * 3_571 + 29)
    watermark = r7.choice(["none", "none", "diagonal", "across"])  # a PDF's only
    r8 = random.Random(seed * 2_003 + 41)
    budget = dict(subtotal_by=r8.choice(["target", "target", "urusan"]), note_words=r8.randrange(4),
                  apbd=r8.random() < 0.4)
    budget["typo"] = budget["apbd"] and r8.random() < 0.5
    rt = random.Random(seed * 2_713 + 41)
    markers = ["number", "number", "nospace", "dash", "plain", "section", "o ", "§ ", "• "]
    if form != "pdf":  # a PDF's standard fonts have no arrows, ticks or Wingdings
        markers += ["➢ ", "✓ ", "► ", "❖ ", "\uf0d8 ", "\uf0a7 "]
    round8 = dict(list_marker=rt.choice(markers), vm_chapters=rt.choice(["sections", "sections", "chapters", "combined"]),
                  rpjmd_chapter=rt.random() < 0.3)
    r9 = random.Random(seed * 2_903 + 41)
    round8b = dict(cascade=r9.choice(["none", "none", "pohon", "section"]), code_split=r9.random() < 0.5,
                  footnote=r9.random() < 0.4, dimension_matrix=r9.random() < 0.3,
                  hidden=r9.choice(["none", "none", "rows", "sheet"]), tracked=r9.random() < 0.4)
    return Choices(**budget,
        landscape=landscape, ruled=ruled, italic=italic, word_table=word_table, padding=padding, target_by=target_by,
        code_merged=code_merged, watermark=watermark, **round5, **round6, **round8, **round8b,
        form=form,
        unit=rng.choice([1, 10**3, 10**6]),
        unit_place=rng.choice(["header", "caption", "caption-each-page", "note", "none"]),
        money_style=rng.choice(["dot", "comma", "rp"]),
        pages=1 if form == "csv" else rng.choice([1, 2, 3]),
        repeat_header=rng.random() < 0.5,
        subtotals=rng.random() < 0.4,
        grand_total=rng.random() < 0.5,
        hierarchy=rng.choice(["columns", "blank", "groups"]),
        code=rng.choice(["column", "name", "parts"]),
        years=rng.choice(["year", "place", "pairs"]),
        total_column=rng.random() < 0.5,
        order=rng.randrange(1000),
        words=rng.randrange(1000),
        definitions=rng.random() < 0.5,
        lead_in=rng.random() < 0.5,
        after_list=rng.random() < 0.5,
        quoted_rpjmd=rng.random() < 0.5,
        combined_heading=rng.random() < 0.5,
    )


def _money(value: int, c: Choices) -> str:
    if c.unit == 1:
        text = f"{value:,}"
    elif value % c.unit == 0:
        text = f"{value // c.unit:,}"
    else:
        text = f"{value / c.unit:,.2f}"
    if c.money_style in ("dot", "rp"):
        text = text.translate(str.maketrans(",.", ".,"))
    return ("Rp " + text) if c.money_style == "rp" else text


_UNIT_WORDS = {1: "rupiah", 10**3: "ribuan rupiah", 10**6: "juta rupiah"}
_UNIT_HEADER = {1: "(Rp)", 10**3: "(Rp 000)", 10**6: "(Rp juta)"}


def _program_rows(known: Region, c: Choices, rng: random.Random) -> tuple[list[list[str]], list[list[str]]]:
    """The header rows and the body rows of the RPJMD's program table."""
    plan = known.rpjmd
    years = list(range(plan.period.start + 1, plan.period.end + 1))[:5]
    words = random.Random(c.words)
    unit = _UNIT_HEADER[c.unit] if c.unit_place == "header" else ""
    names = {
        "target": words.choice(["Sasaran", "SASARAN", "Sasaran Strategis"]) if c.target_by == "text"
        else words.choice(["Kode Sasaran", "Sasaran", "No. Sasaran"]),
        "program": words.choice(["Program", "Nama Program", "Program Pembangunan Daerah", "nama_program"]),
        "agency": words.choice(["Perangkat Daerah", "OPD Penanggung Jawab", "SKPD", "perangkat_daerah"]),
        "indicator": words.choice(["Indikator Program", "Indikator Kinerja Program", "indikator_program"]),
        "code": words.choice(["Kode", "Kode Program", "kode_program"]),
    }
    # the columns after No, in an order of their own
    roles = ["target", "code", "program", "indicator", "agency"]
    if c.hierarchy == "groups":
        roles.remove("target")
    if c.code == "name":
        roles.remove("code")
    random.Random(c.order).shuffle(roles)
    if "program" in roles and "target" in roles and roles.index("target") > roles.index("program"):
        roles.remove("target")  # a target column stands left of its programs
        roles.insert(0, "target")
    header: list[list[str]] = [["No"]]
    merged = c.code == "parts" and c.code_merged
    split = c.code == "parts" and c.code_split and c.form in ("csv", "xlsx") and not merged
    if split:  # "Urusan | Bidang | Program | Nama Program", as a SIPD export writes it (F183)
        names["program"] = "Nama Program"
    for role in roles:
        if role == "code" and split:
            header[0] += ["Urusan", "Bidang", "Program"]
        elif role == "code" and merged:  # "Kode" merged over "U | B | P" ("<<": merged with the cell to its left)
            header[0] += [words.choice(["Kode", "Kode Program"]), "<<", "<<"]
        elif role == "code" and c.code == "parts":
            header[0] += ["kode_urusan", "kode_bidang", names["code"]]
        else:
            header[0].append(names[role])
    money_start = len(header[0])
    if c.years == "year":
        header[0] += [f"Pagu {y} {unit}".strip() for y in years]
    elif c.years == "place":
        header[0] += [f"pagu_{k} {unit}".strip() for k in range(1, len(years) + 1)]
    else:
        header[0] += [x for y in years for x in (f"Target {y}", f"Pagu {y} {unit}".strip())]
    if c.total_column:
        header[0].append(f"Total Pagu {unit}".strip())
    if merged:  # the second header row: "U | B | P" under "Kode", every other cell merged with the one above
        sub = iter(["U", "B", "P"])
        header.append([next(sub) if k and (header[0][k] == "<<" or header[0][k + 1:k + 2] == ["<<"]) else "^^"
                       for k in range(len(header[0]))])
    body: list[list[str]] = []
    number = 0
    grand = 0
    previous_target = None
    by_urusan = c.subtotals and c.subtotal_by == "urusan" and c.hierarchy != "groups"
    sections = [(target, [p for p in plan.at("program") if target.id in p.parents]) for target in plan.at("target")]
    if by_urusan:  # one section per field (2.16), its programs in the table's order, each under its own target
        pairs = [(t, p) for t, programs in sections for p in programs]
        fields = list(dict.fromkeys(".".join((p.code or "0.00").split(".")[:2]) for _, p in pairs))
        sections = [(field, [(t, p) for t, p in pairs if ".".join((p.code or "0.00").split(".")[:2]) == field])
                    for field in fields]
    else:
        sections = [(target, [(target, p) for p in programs]) for target, programs in sections]
    typo_at = 1 if c.typo and c.unit > 1 else None  # the second program's figures typed in full rupiah
    for section, members in sections:
        programs = [p for _, p in members]
        if c.hierarchy == "groups":
            target = section
            group = f"Sasaran {target.id[1:]}: {target.text}" if c.target_by == "text" else f"Sasaran {target.id[1:]}"
            body.append([group] * len(header[0]))
        subtotal = 0
        for target, program in members:
            number += 1
            budget = program.budget or 0
            parts = _split(budget, len(years), rng, c.unit)
            shown = c if number - 1 != typo_at else replace(c, unit=1)
            row = [str(number)]
            for role in roles:
                if role == "target":
                    same = previous_target == target.id
                    row.append("" if same and c.hierarchy == "blank" else
                               target.text if c.target_by == "text" else target.id[1:])
                elif role == "code":
                    code = program.code or ""
                    if c.code == "parts":
                        a, b, p = code.split(".")
                        row += [a, b, p] if merged or split else [a, f"{a}.{b}", p]
                    else:
                        row.append(code)
                elif role == "program":
                    name_at = len(row)
                    row.append(f"{program.code} {program.text}" if c.code == "name" else program.text)
                elif role == "indicator":
                    row.append(f"Persentase {program.text.split()[-1].lower()} (%)")
                elif role == "agency":
                    row.append(program.agency or "")
            if c.years == "pairs":
                row += [x for v in parts for x in (rng.choice(["85", "90,5", "100"]), _money(v, shown))]
            else:
                row += [_money(v, shown) for v in parts]
            if c.total_column:
                row.append(_money(budget, shown))
            if c.footnote and c.form in ("docx", "pdf") and number == 1:
                # a footnote mark set superscript after the first program's name and its first figure
                row[name_at] += FOOTNOTE
                row[money_start + (1 if c.years == "pairs" else 0)] += FOOTNOTE
            body.append(row)
            previous_target = target.id
            subtotal += budget
        grand += subtotal
        if c.subtotals and programs:
            label = f"Jumlah Urusan {section}" if by_urusan else f"Jumlah Sasaran {section.id[1:]}"
            body.append(_total_row(label, subtotal, len(header[0]), money_start, c, len(years), rng))
    if c.grand_total:
        body.append(_total_row("JUMLAH TOTAL", grand, len(header[0]), money_start, c, len(years), rng))
    return header, body


def _split(total: int, years: int, rng: random.Random, unit: int) -> list[int]:
    """A budget over the years, each year a whole number of the table's unit (as printed)."""
    step = max(unit, 10**6)
    units = total // step
    cuts = sorted(rng.randint(0, units) for _ in range(years - 1))
    parts = [(b - a) * step for a, b in zip([0] + cuts, cuts + [units])]
    parts[-1] += total - sum(parts)
    return parts


def _total_row(label: str, amount: int, width: int, money_start: int, c: Choices, years: int,
               rng: random.Random) -> list[str]:
    row = [""] * width
    row[1] = label
    if c.total_column:
        row[-1] = _money(amount, c)
    else:  # the years' totals: the amount split as the rows are not known here, the sum is what counts
        parts = _split(amount, years, rng, c.unit)
        columns = [money_start + (2 * k + 1 if c.years == "pairs" else k) for k in range(years)]
        for column, value in zip(columns, parts):
            row[column] = _money(value, c)
    return row


def _rpjmd_text(known: Region, c: Choices) -> list[str]:
    plan = known.rpjmd
    title = {"rpjmd": "RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH", "rpd": "RENCANA PEMBANGUNAN DAERAH (RPD)",
             "rancangan": "RANCANGAN AKHIR RPJMD"}[c.rpjmd_title]
    lines: list = [f"{title} {known.name.upper()} TAHUN {plan.period.start}-{plan.period.end}"]
    if c.crosswalk == "rpjpd":  # a chapter before BAB V setting the RPJMD's missions beside the RPJPD's
        lines += ["BAB IV", "KESELARASAN DENGAN RPJPD DAN RPJMN", "Tabel 4.1 Keselarasan Misi RPJMD dengan RPJPD",
                  [["No", "Misi RPJMD", "Misi RPJPD"]] + [
                      [str(i), m.text, f"Mewujudkan {known.name} yang {word} dan berdaya saing"]
                      for i, (m, word) in enumerate(zip(plan.at("mission"), _RPJPD_WORDS), 1)]]
    if c.apbd:  # the financing chapter printing the whole APBD: a bound no program's pagu reaches
        apbd = 4 * sum(p.budget or 0 for p in plan.at("program"))
        lines += ["BAB III", "GAMBARAN KEUANGAN DAERAH SERTA KERANGKA PENDANAAN",
                  f"Proyeksi total belanja daerah (APBD) {known.name} tahun {plan.period.start + 1}-"
                  f"{plan.period.end} sebesar Rp {apbd:,}.".replace(",", ".")]
    lines += ["BAB V VISI, MISI, TUJUAN DAN SASARAN"] if c.rpjmd_chapter else \
        ["BAB V", "VISI, MISI, TUJUAN DAN SASARAN", "5.1 Visi"]
    if c.definitions:
        lines.append("Visi merupakan rumusan umum mengenai keadaan yang diinginkan pada akhir periode perencanaan.")
    if c.vision_inline:  # "Visi Kota X Tahun 2021-2026 adalah Terwujudnya ...", no quotes
        lines.append(f"Visi {known.name} Tahun {plan.period.start}-{plan.period.end} adalah {plan['V'].text}.")
    else:
        lines += [f"Visi {known.name} Tahun {plan.period.start}-{plan.period.end} adalah:",
                  f"“{plan['V'].text}”"]
    if c.cascade != "none":  # the missions, goals and targets as one numbered cascade (F187)
        lines.append("Pohon Kinerja Pembangunan Daerah" if c.cascade == "pohon" else "5.2 Misi, Tujuan dan Sasaran")
        for i, mission in enumerate(plan.at("mission"), 1):
            lines.append(f"{i}. {_inserted(mission.text, c)}")
            for goal in plan.at("goal"):
                if mission.id in goal.parents:
                    lines.append(f"{goal.id[1:]} {goal.text}")
                    lines += [f"{t.id[1:]} {t.text}" for t in plan.at("target") if goal.id in t.parents]
        if c.after_list:
            lines.append("Dalam mewujudkan misi tersebut, pemerintah daerah menetapkan program prioritas.")
    elif c.rpjmd_chapter:
        pass  # the numbered list after the vision is the missions
    elif c.lead_in:
        lines.append("Visi tersebut dijabarkan ke dalam misi sebagai berikut:")
    else:
        lines.append("5.2 Misi")
        if c.definitions:
            lines.append("Misi adalah rumusan umum mengenai upaya-upaya yang akan dilaksanakan untuk mewujudkan visi.")
    if c.cascade == "none":
        lines += [f"{i}. {_inserted(m.text, c)}" for i, m in enumerate(plan.at("mission"), 1)]
        if c.after_list:
            lines.append("Dalam mewujudkan misi tersebut, pemerintah daerah menetapkan tujuan dan sasaran berikut.")
        lines.append("5.3 Tujuan dan Sasaran")
        for goal in plan.at("goal"):
            lines.append(f"Tujuan {goal.id[1:]} {goal.text}")
            for target in plan.at("target"):
                if goal.id in target.parents:
                    lines.append(f"Sasaran {target.id[1:]} {target.text}")
    if c.mission_table != "none":  # the table after the text, its Misi cells as listed or worded otherwise
        rows = [["Misi", "Tujuan", "Sasaran", "Indikator Sasaran"]]
        for target in plan.at("target"):
            goal = plan[target.parents[0]]
            mission = plan[goal.parents[0]].text
            if c.mission_table == "worded":
                mission += " secara berkelanjutan"
            rows.append([mission, goal.text, target.text, f"Indeks {target.text.split()[-1].lower()}"])
        lines.append(rows)
    if c.crosswalk == "rpjmn":  # a section in BAB V setting the RPJMD's targets beside the RPJMN's priorities
        lines += ["5.4 Keselarasan dengan RPJPD dan RPJMN",
                  [["Misi RPJMD", "Sasaran RPJMD", "Prioritas Nasional RPJMN"]] + [
                      [f"Misi {plan[plan[t.parents[0]].parents[0]].id[1:]}", t.text, f"PN {k % 8 + 1}"]
                      for k, t in enumerate(plan.at("target"))]]
    return lines


#: a footnote mark set superscript after a cell's text (c.footnote): drawn by the writer, no part of the text
FOOTNOTE = "\u2063fn"
#: the words after it inserted with Track Changes (c.tracked): read as Word shows them, accepted
INSERTED = "\u2063ins"
#: a table row deleted with Track Changes (c.tracked): a program not in the plan, never read
DELETED = "\u2063del"


def _inserted(text: str, c: Choices) -> str:
    """A mission's statement with its last two words inserted with Track Changes (a Word text only)."""
    words = text.split()
    if not c.tracked or c.form == "pdf" or len(words) < 4:
        return text
    return " ".join(words[:-2]) + INSERTED + " " + " ".join(words[-2:])


def _plain(text: str) -> str:
    """A cell's or line's text without the writer's marks."""
    return text.replace(FOOTNOTE, "").replace(INSERTED, "").replace(DELETED, "")


_RPJPD_WORDS = ["maju", "sejahtera", "berbudaya", "lestari", "religius", "mandiri", "unggul"]
_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


def _recap(known: Region, c: Choices) -> list:
    """A caption and the table of the pagu per mission (c.recap): the missions by their text or
    "Misi I", a "Jumlah Program" column, the total row."""
    plan = known.rpjmd
    rows = [["No", "Misi", "Jumlah Program", "Pagu Indikatif"]]
    grand = 0
    for i, mission in enumerate(plan.at("mission"), 1):
        goals = {g.id for g in plan.at("goal") if mission.id in g.parents}
        targets = {t.id for t in plan.at("target") if set(t.parents) & goals}
        programs = [p for p in plan.at("program") if set(p.parents) & targets]
        amount = sum(p.budget or 0 for p in programs)
        grand += amount
        rows.append([str(i), mission.text if c.recap == "text" else f"Misi {_ROMAN[i - 1]}", str(len(programs)),
                     _money(amount, c)])
    rows.append(["", "Total", str(len(plan.at("program"))), _money(grand, c)])
    return [f"Tabel 7.2 Rekapitulasi Pagu Indikatif per Misi (dalam {_UNIT_WORDS[c.unit]})", rows]


def _masterplan_lines(known: Region, c: Choices) -> list[str]:
    plan = known.masterplan
    lines = [f"MASTERPLAN SMART CITY {known.name.upper()} TAHUN {plan.period.start} - {plan.period.end}",
             "BAB I", "PENDAHULUAN", "Masterplan ini menjadi acuan pembangunan kota cerdas."]
    if c.quoted_rpjmd:
        lines += ["BAB II", "KEBIJAKAN PEMBANGUNAN DAERAH", "2.1 Visi dan Misi RPJMD",
                  f"Visi RPJMD {known.name} adalah “{known.rpjmd['V'].text}”.",
                  "Visi tersebut dijabarkan ke dalam misi sebagai berikut:"]
        lines += [f"{i}. {m.text}" for i, m in enumerate(known.rpjmd.at("mission"), 1)]
    vision = f"Visi Smart City {known.name}: {plan['V'].text}." if c.vision_inline else f"“{plan['V'].text}”"
    if c.vm_chapters == "chapters":  # each its own chapter, the vision quoted right under its title
        lines += ["BAB III VISI SMART CITY", f"“{plan['V'].text}”", "BAB IV MISI SMART CITY"]
    elif c.vm_chapters == "combined":
        lines += ["BAB III VISI DAN MISI SMART CITY", f"“{plan['V'].text}”"]
    elif c.combined_heading:
        lines += ["BAB III", "VISI DAN MISI SMART CITY", "3.1 Visi dan Misi Smart City", vision]
    else:
        lines += ["BAB III", "VISI DAN MISI SMART CITY", "3.1 Visi Smart City", vision, "3.2 Misi Smart City"]
    marker = "number" if c.list_marker in ("plain", "section") else c.list_marker
    lines += [_marked(marker, i, m.text) for i, m in enumerate(plan.at("mission"), 1)]
    targets = [e for e in plan.at("target") if e.dimension is not None]
    if targets:  # "3.3 Sasaran Smart City" / "Smart Governance" / "• ..."
        lines.append("BAB V SASARAN SMART CITY" if c.vm_chapters == "chapters" else "3.3 Sasaran Smart City")
        for dim in Dimension:
            mine = [e for e in targets if e.dimension is dim]
            if mine:
                lines.append(random.Random(c.words + 7).choice(_DIM_SPELLINGS[dim]))
                lines += [f"• {e.text}" for e in mine]
    lines += ["BAB IV", "RENCANA PROGRAM SMART CITY"]
    if c.dimension_matrix:  # the programs in a matrix of the six dimensions, ticked (F147)
        tick = random.Random(c.words + 11).choice(["√", "✓", "v", "X"])
        columns = [random.Random(c.words + d).choice(_DIM_SPELLINGS[dim]) for d, dim in enumerate(Dimension, 1)]
        rows = [["No", "Program Smart City"] + columns]
        sided = [e for e in plan.at("program") if e.dimension is not None]
        rows += [[str(i), e.text] + [tick if e.dimension is dim else "" for dim in Dimension]
                 for i, e in enumerate(sided, 1)]
        lines += ["Tabel 4.1 Matriks Program Smart City per Dimensi", rows]
    for d, dim in enumerate(Dimension if not c.dimension_matrix else [], 1):
        lines.append(f"4.{d} {random.Random(c.words + d).choice(_DIM_SPELLINGS[dim])}")
        lines += [f"4.{d}.{i} {e.text}" if c.list_marker == "section" else _marked(c.list_marker, i, e.text)
                  for i, e in enumerate((e for e in plan.at("program") if e.dimension is dim), 1)]
    other = [e for e in plan.at("program") if e.dimension is None]
    if other:  # "4.7 Smart Mobility": none of the six, its programs drafted with no dimension
        lines.append(f"4.{len(Dimension) + 1} Smart Mobility")
        lines += [f"{i}. {e.text}" for i, e in enumerate(other, 1)]
    return lines


def _marked(marker: str, number: int, text: str) -> str:
    """A list item as the masterplan marks it (c.list_marker)."""
    if marker == "number":
        return f"{number}. {text}"
    if marker == "nospace":
        return f"{number}.{text}"
    if marker == "dash":
        return f"{number}- {text}"
    if marker == "plain":
        return text
    return f"{marker}{text}"


#: the targets a masterplan lists per dimension (c.targets_by_dimension), and the programs of a
#: "Smart Mobility" section (c.other_dimension)
_DIMENSION_TARGETS = {
    Dimension.GOVERNANCE: "Meningkatnya layanan publik daring", Dimension.BRANDING: "Meningkatnya kunjungan wisata kota",
    Dimension.ECONOMY: "Meningkatnya transaksi UMKM daring", Dimension.LIVING: "Meningkatnya akses layanan kesehatan digital",
    Dimension.SOCIETY: "Meningkatnya literasi digital warga", Dimension.ENVIRONMENT: "Menurunnya timbulan sampah kota"}
_MOBILITY = ["Bus listrik terintegrasi antarmoda", "Parkir elektronik kawasan pusat kota"]


def _round5_known(known: Region, c: Choices, seed: int) -> Region:
    """The known region with the round-5 layouts' elements added: the masterplan's targets per
    dimension (no parent: the masterplan names none) and its "Smart Mobility" programs (no dimension)."""
    import attrs

    from smartsync.model import Element, Level

    plan = known.masterplan
    extra = []
    rng = random.Random(seed * 13 + 1)
    if c.targets_by_dimension:
        for k, dim in enumerate(sorted(rng.sample(list(Dimension), 3), key=list(Dimension).index), 1):
            extra.append(Element(id=f"S9{k}", level=Level.TARGET, text=_DIMENSION_TARGETS[dim], dimension=dim))
    if c.other_dimension:
        for k, text in enumerate(_MOBILITY[: rng.choice([1, 2])], 1):
            extra.append(Element(id=f"SP9{k}", level=Level.PROGRAM, text=text))
    if not extra:
        return known
    return attrs.evolve(known, masterplan=attrs.evolve(plan, elements=plan.elements + tuple(extra)))


def _chunks(body: list[list[str]], parts: int) -> list[list[list[str]]]:
    size = max(1, -(-len(body) // parts))
    return [body[i:i + size] for i in range(0, len(body), size)] or [[]]


def fuzz_corpus(seed: int, folder: Path, form: str | None = None) -> tuple[Region, dict[str, list[Path]], Choices]:
    """Write the documents of corpus ``seed`` into ``folder``: the known region, the files per
    plan, and the choices drawn (``form``: "pdf", "docx", ... instead of the form drawn).
    ``files["pages"]`` is no file: where each RPJMD program is printed, as ``(program text,
    page or sheet)`` pairs (none for a CSV file)."""
    c = choices_for(seed, form)
    known = known_region(seed, programs_per_target=(1, 3), missions=random.Random(seed).choice([3, 4, 5]))
    known = _round5_known(known, c, seed)
    rng = random.Random(seed + 99)
    folder.mkdir(parents=True, exist_ok=True)
    header, body = _program_rows(known, c, rng)
    caption = "Tabel 7.1 Indikasi Rencana Program Prioritas dan Kebutuhan Pendanaan"
    if c.unit_place in ("caption", "caption-each-page"):
        caption += f" (dalam {_UNIT_WORDS[c.unit]})"
    note = ""
    if c.unit_place == "note":  # the note under the table, worded one of the ways notes are
        note = [f"Keterangan: angka dalam {_UNIT_WORDS[c.unit]}", f"Catatan: dalam {_UNIT_WORDS[c.unit]}",
                f"*) angka dalam {_UNIT_WORDS[c.unit]}",
                f"Sumber: Bappeda, diolah; satuan: {_UNIT_HEADER[c.unit].strip('()')}"][c.note_words]
    text = _rpjmd_text(known, c)
    chunks = _chunks(body, c.pages)
    stray = _stray_row(body, header)  # a program not in the plan, in a row deleted or hidden
    recap = _recap(known, c) if c.recap != "none" else []
    if recap and c.form in ("csv", "xlsx"):  # the recap in the text document, under its chapter
        text = text + ["BAB VII", "INDIKASI RENCANA PROGRAM PRIORITAS", *recap]
    files: dict[str, list[Path]] = {"rpjmd": [], "masterplan": []}
    if c.form == "csv":
        text_path = folder / "rpjmd-bab5.docx"
        _docx(text_path, text, [])
        path = folder / "rpjmd-bab7.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, delimiter=";")
            writer.writerow([f"RPJMD {known.name.upper()} TAHUN {known.rpjmd.period.start}-{known.rpjmd.period.end}"])
            writer.writerow([caption])
            writer.writerows(header + body)
            if note:
                writer.writerow([note])
        files["rpjmd"] = [text_path, path]
    elif c.form == "xlsx":
        from openpyxl import Workbook

        text_path = folder / "rpjmd-bab5.docx"
        _docx(text_path, text, [])
        book = Workbook()
        book.remove(book.active)
        for k, chunk in enumerate(chunks):
            sheet = book.create_sheet(f"Hal {k + 1}")
            if k == 0:
                sheet.append([f"RPJMD {known.name.upper()} TAHUN {known.rpjmd.period.start}-"
                              f"{known.rpjmd.period.end}"])
            if k == 0 or c.unit_place == "caption-each-page":
                sheet.append([caption])
            if k == 0 or c.repeat_header:
                for row in header:
                    sheet.append(row)
            for row in chunk:
                sheet.append([_number(v) for v in row])
            if k == 0 and c.hidden == "rows" and stray:  # a row hidden in the sheet: not read, said
                sheet.append([_number(v) for v in stray])
                sheet.row_dimensions[sheet.max_row].hidden = True
            if note and k == len(chunks) - 1:
                sheet.append([note])
        if c.hidden == "sheet" and stray:  # a sheet hidden in the workbook: not read, said
            old = book.create_sheet("Arsip")
            for row in header + [stray]:
                old.append([_number(v) for v in row])
            old.sheet_state = "hidden"
        path = folder / "rpjmd-bab7.xlsx"
        book.save(path)
        files["rpjmd"] = [text_path, path]
    else:
        blocks: list = []
        for k, chunk in enumerate(chunks):
            if k == 0 or c.unit_place == "caption-each-page":
                blocks.append(caption)
            if k == 0 and c.tracked and c.form == "docx" and stray and chunk:  # a row deleted with Track Changes
                chunk = chunk[:1] + [[DELETED + stray[0]] + stray[1:]] + chunk[1:]
            blocks.append((header if (k == 0 or c.repeat_header) else []) + chunk)
            if note and k == len(chunks) - 1:
                blocks.append(note)
            blocks.append("\f")
        if recap:  # the recap per mission after the program table
            blocks += [recap[0], recap[1], "\f"]
        lines = text + ["BAB VII", "INDIKASI RENCANA PROGRAM PRIORITAS"]
        if c.form == "pdf":
            path = folder / "rpjmd.pdf"
            _pdf(path, lines, blocks, c, [f"“{known.rpjmd['V'].text}”"])
            table_pages = _pages_of(path, [p.text for p in known.rpjmd.at("program")])
        else:
            path = folder / "rpjmd.docx"
            _docx(path, lines, blocks, c.word_table)
        files["rpjmd"] = [path]
    if c.form == "pdf":
        masterplan = folder / "masterplan.pdf"
        _pdf(masterplan, _masterplan_lines(known, c), [], c, [f"“{known.masterplan['V'].text}”"])
    else:
        masterplan = folder / "masterplan.docx"
        _docx(masterplan, _masterplan_lines(known, c), [])
    files["masterplan"] = [masterplan]
    names = [p.text for p in known.rpjmd.at("program")]
    pages = []
    if c.form != "csv":
        for k, chunk in enumerate(chunks):
            for row in chunk:
                name = next((n for n in names if any(cell == n or cell.endswith(" " + n) for cell in row)), None)
                if name is not None:
                    pages.append((name, k + 1 if c.form == "docx" else table_pages.get(name) if c.form == "pdf"
                                  else f"Hal {k + 1}"))
        pages = [(name, where) for name, where in pages if where is not None]
    files["pages"] = pages  # type: ignore[assignment]
    return known, files, c


def _stray_row(body: list[list[str]], header: list[list[str]]) -> list[str] | None:
    """A copy of the first program row naming a program the plan does not hold (a row deleted with
    Track Changes, or hidden in a sheet): drafting it is a wrong program."""
    row = next((r for r in body if len(set(r)) > 1 and r[0].isdigit()), None)
    if row is None:
        return None
    names = [k for k, label in enumerate(header[0]) if re.search(r"program", label, re.I)
             and not re.search(r"kode|indikator", label, re.I)]
    if not names:
        return None
    stray = [_plain(v) for v in row]
    stray[names[-1]] = "Program Uji Baris Tanpa Rencana"
    return stray


def _number(value: str) -> object:
    """A workbook cell: a whole number as a number, as SIPD exports write pagu."""
    return int(value) if value.isdigit() and len(value) > 3 else value


def _docx(path: Path, lines: list[str], blocks: list, table_style: str = "grid") -> None:
    """A Word file of the lines, then the blocks (captions, table parts, notes, page breaks),
    each table part ruled, without borders, nested in a layout table, or typed with tabs."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Cm

    document = docx.Document()
    for line in lines:
        if isinstance(line, list):  # a table among the text (BAB V's "Misi | Tujuan | Sasaran")
            table = document.add_table(rows=len(line), cols=len(line[0]))
            table.style = "Table Grid"
            for r, row in enumerate(line):
                for col, value in enumerate(row):
                    table.cell(r, col).text = value
        elif INSERTED in line:  # its last words inserted with Track Changes
            head, tail = line.split(INSERTED, 1)
            _tracked(document.add_paragraph(head), tail, "ins")
        else:
            document.add_paragraph(_plain(line))
    for block in blocks:
        if block == "\f":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, str):
            document.add_paragraph(_plain(block))
        elif block and table_style == "tabs":
            ncols = max(len(r) for r in block)
            for row in block:
                if len(set(row)) == 1 and row[0].startswith("Sasaran "):
                    document.add_paragraph().add_run(row[0]).bold = True  # a group row: a paragraph
                    continue
                if DELETED in row[0]:
                    continue  # a row deleted with Track Changes: no row of typed tabs to delete
                paragraph = document.add_paragraph("\t".join(_plain(v) for v in row))
                for k in range(1, ncols):
                    paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16 * k / ncols))
        elif block:
            parent = document
            if table_style == "nested":  # the table inside the one cell of a layout table
                parent = document.add_table(rows=1, cols=1).cell(0, 0)
            table = parent.add_table(rows=len(block), cols=max(len(r) for r in block))
            if table_style == "grid":
                table.style = "Table Grid"
            for r, row in enumerate(block):
                cells = table.rows[r].cells
                if len(set(row)) == 1 and row[0].startswith("Sasaran "):
                    merged = cells[0].merge(cells[-1])
                    merged.text = row[0]
                    continue
                for col, value in enumerate(row):
                    if value == "<<":  # merged with the cell to its left ("Kode" over "U | B | P")
                        table.cell(r, col - 1).merge(table.cell(r, col))
                    elif value == "^^":  # merged with the cell above (a header of two rows)
                        table.cell(r - 1, col).merge(table.cell(r, col))
                    else:
                        cells[col].text = _plain(value)
                        if FOOTNOTE in value:  # a footnote mark set superscript after the text
                            cells[col].paragraphs[0].add_run("1").font.superscript = True
                if DELETED in row[0]:
                    _deleted_row(table.rows[r])
    document.save(path)


def _tracked(paragraph, text: str, kind: str) -> None:
    """``text`` added to ``paragraph`` as a run inserted with Track Changes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), "1")
    change.set(qn("w:author"), "Bappeda")
    change.set(qn("w:date"), "2021-03-01T00:00:00Z")
    run = OxmlElement("w:r")
    words = OxmlElement("w:t")
    words.text = text
    words.set(qn("xml:space"), "preserve")
    run.append(words)
    change.append(run)
    paragraph._p.append(change)


def _deleted_row(row) -> None:
    """A table row marked deleted with Track Changes (w:trPr/w:del), its text deleted too."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:del")
    mark.set(qn("w:id"), "2")
    mark.set(qn("w:author"), "Bappeda")
    mark.set(qn("w:date"), "2021-03-01T00:00:00Z")
    properties.append(mark)
    for run in row._tr.iter(qn("w:r")):
        change = OxmlElement("w:del")
        change.set(qn("w:id"), "3")
        change.set(qn("w:author"), "Bappeda")
        change.set(qn("w:date"), "2021-03-01T00:00:00Z")
        run.addprevious(change)
        change.append(run)
        for text in run.findall(qn("w:t")):
            text.tag = qn("w:delText")


def _pages_of(path: Path, names: list[str]) -> dict[str, int]:
    """The page each name is printed on in the program table (the last page it is on: the
    table comes after the text), found in the PDF's own text."""
    import re

    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(path))
    try:
        texts = [re.sub(r"\s+", " ", pdf[k].get_textpage().get_text_range()) for k in range(len(pdf))]
    finally:
        pdf.close()
    out = {}
    for name in names:
        # a page holds the name itself, not only a longer name it begins ("... informasi Berkelanjutan")
        longer = [other for other in names if other != name and name in other]
        found = [k + 1 for k, text in enumerate(texts)
                 if text.count(name) > sum(text.count(other) for other in longer)]
        if found:
            out[name] = found[-1]
    return out


def _pdf(path: Path, lines: list[str], blocks: list, c: Choices, visions: list[str]) -> None:
    """A PDF of the lines, then the blocks (captions, table parts, notes, page breaks): the
    visions italic (one piece) or glyph by glyph, letter-spaced with narrower word gaps, as
    some producers set italic text; the table on landscape pages or not, ruled or borderless."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import (BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate,
                                    Paragraph, Table, TableStyle)
    from xml.sax.saxutils import escape

    class Glyphs(Flowable):
        """A text set glyph by glyph: letter-spaced, the word gaps narrower than a space."""

        def __init__(self, text: str, size: float = 10):
            super().__init__()
            self.text, self.size = text, size

        def _lines(self, width: float) -> list[str]:
            out, line = [], ""
            for word in self.text.split():
                trial = f"{line} {word}".strip()
                if line and stringWidth(trial, "Helvetica-Oblique", self.size) * 1.25 > width:
                    out.append(line)
                    line = word
                else:
                    line = trial
            return out + [line]

        def wrap(self, width: float, height: float) -> tuple[float, float]:
            self.rows = self._lines(width)
            return width, len(self.rows) * self.size * 1.4

        def draw(self) -> None:
            canvas = self.canv
            canvas.setFont("Helvetica-Oblique", self.size)
            for r, row in enumerate(self.rows):
                x, y = 0.0, (len(self.rows) - r - 1) * self.size * 1.4 + 2
                for char in row:
                    if char == " ":
                        x += 0.8
                        continue
                    canvas.drawString(x, y, char)
                    x += stringWidth(char, "Helvetica-Oblique", self.size) + 1.6

    styles = getSampleStyleSheet()
    body = ParagraphStyle("b", parent=styles["BodyText"], fontSize=10)
    italic = ParagraphStyle("i", parent=body, fontName="Helvetica-Oblique")
    cell = ParagraphStyle("c", parent=styles["BodyText"], fontSize=7, leading=8.5)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    portrait = Frame(40, 40, A4[0] - 80, A4[1] - 80, id="p")
    wide = Frame(40, 40, A4[1] - 80, A4[0] - 80, id="l")

    def watermark(canvas, _doc) -> None:
        """"DRAFT" set diagonally, or "RANCANGAN AKHIR" across the middle: large, light grey."""
        if c.watermark == "none":
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFillGray(0.85)
        canvas.setFont("Helvetica-Bold", 72 if c.watermark == "diagonal" else 48)
        canvas.translate(width / 2, height / 2)
        if c.watermark == "diagonal":
            canvas.rotate(45)
        canvas.drawCentredString(0, 0, "DRAFT" if c.watermark == "diagonal" else "RANCANGAN AKHIR")
        canvas.restoreState()

    doc.addPageTemplates([PageTemplate("portrait", [portrait], pagesize=A4, onPage=watermark),
                          PageTemplate("landscape", [wide], pagesize=landscape(A4), onPage=watermark)])
    story: list = []
    for line in lines:
        if isinstance(line, list):  # a table among the text (BAB V's "Misi | Tujuan | Sasaran")
            grid = Table([[Paragraph(escape(v), cell) for v in row] for row in line],
                         colWidths=_widths(line[0], len(line[0]), A4[0] - 80))
            grid.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                      ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(grid)
        elif line in visions and c.italic == "glyphs":
            story.append(Glyphs(line))
        else:
            story.append(Paragraph(escape(_plain(line)), italic if line in visions and c.italic == "italic" else body))
    width = A4[0] - 80
    if blocks and c.landscape:
        story += [NextPageTemplate("landscape"), PageBreak()]
        width = A4[1] - 80
    elif blocks:
        story.append(PageBreak())
    for block in blocks:
        if block == "\f":
            story.append(PageBreak())
        elif isinstance(block, str):
            story.append(Paragraph(escape(block), body))
        elif block:
            data, style = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), c.padding),
                               ("RIGHTPADDING", (0, 0), (-1, -1), c.padding)]
            ncols = max(len(r) for r in block)
            for r, row in enumerate(block):
                if len(set(row)) == 1 and row[0].startswith("Sasaran "):
                    data.append([Paragraph(escape(row[0]), cell)] + [""] * (ncols - 1))
                    style.append(("SPAN", (0, r), (-1, r)))
                    continue
                for k, v in enumerate(row):  # "Kode" merged over "U | B | P" ("<<": with the cell to its left,
                    if v == "<<" and row[k - 1] != "<<":  # "^^": with the one above)
                        end = k
                        while end + 1 < len(row) and row[end + 1] == "<<":
                            end += 1
                        style.append(("SPAN", (k - 1, r), (end, r)))
                    elif v == "^^" and r > 0:
                        style.append(("SPAN", (k, r - 1), (k, r)))
                data.append([Paragraph(escape(_plain(v)) + ("<super>1</super>" if FOOTNOTE in v else ""), cell)
                             if v and v not in ("<<", "^^") else "" for v in row] + [""] * (ncols - len(row)))
            if c.ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
            table = Table(data, colWidths=_widths(block[0], ncols, width), repeatRows=0)
            table.setStyle(TableStyle(style))
            story.append(table)
    doc.build(story)


def describe(c: Choices) -> str:
    """The choices in one line, for a report."""
    return " ".join(f"{k}={v}" for k, v in asdict(c).items() if k not in ("order", "words"))
