"""From the lines and tables of plan documents to the elements of a plan, with provenance.

The walk reads every document of one plan in order. Chapters are told by
their titles (the vision/mission chapter, the program chapter; the situation
analysis and strategy chapters are passed over). In text, a heading
("Visi", "Misi", "Tujuan dan Sasaran", "Smart Governance") sets the level of
the numbered items below it; a labelled line ("Misi 2: ...", "S1.1.1 ...")
says its level itself. In a table, the header names each column's role (by
synonyms: see :data:`HEADER_SYNONYMS`), a cell left empty under a merged cell
takes the value above, a group row spanning the table ("Misi 1: ...") sets
the level it names, and a row of a program carries its code, name, agency and
yearly pagu. The same statement read in several places is one element.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Iterable

import attrs

from .. import messages
from ..model import Confidence, Dimension, Element, Level, Period, Plan, PlanKind, Provenance
from . import _words  # noqa: F401  (registers the words)
from ._cascade import DRAFTED as _CASCADE_LEVELS, Cascade, CascadeLine, find_cascades, program_figures
from ._words import where
from ._doc import Document, Line, Table
from ._text import TOTAL_ROW, _ORDINALS, _roman, clean, code_at_start, dimension_named_in, dimension_of, money, norm, numbering, period_in, \
    misspelt_dimension, program_code, unit_of, years_in

__all__ = ["HEADER_SYNONYMS", "PlanDraft", "draft_plan"]

#: the column roles a table header is read into, each with the words that name it (first match
#: wins, top to bottom; a header cell is compared in lower case, its header rows joined)
HEADER_SYNONYMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("skip", ("realisasi", "capaian", "satuan", "kondisi awal", "baseline", "keterangan", "lokasi",
              "sumber dana", "formulasi", "definisi", "catatan")),
    ("code", ("kode", "kode program", "kode rekening", "nomenklatur")),
    ("indicator", ("indikator", "indikator kinerja", "indikator sasaran", "indikator program",
                   "iku", "ukuran keberhasilan")),
    ("agency", ("perangkat daerah", "opd", "skpd", "penanggung jawab", "penanggungjawab",
                "pelaksana", "instansi", "pd pengampu", "pengampu", "unit kerja", "leading sector")),
    ("dimension", ("dimensi", "elemen smart city", "pilar")),
    ("money", ("pagu", "anggaran", "rp", "dana", "biaya", "pendanaan", "alokasi", "budget", "idr", "cost",
               "funding")),
    ("target_value", ("target", "capaian kinerja")),
    ("vision", ("visi",)),
    ("mission", ("misi",)),
    ("goal", ("tujuan",)),
    ("target", ("sasaran",)),
    ("strategy", ("strategi", "arah kebijakan", "kebijakan")),
    ("program", ("program", "nama program", "quick win", "quick wins", "rencana aksi",
                 "program unggulan", "program prioritas", "uraian", "inisiatif", "kegiatan")),
    ("no", ("no", "no.", "nomor", "#")),
)
_ROLE_RES = [(role, re.compile(r"(?<![a-z])(" + "|".join(re.escape(w) for w in words) + r")(?![a-z])"))
             for role, words in HEADER_SYNONYMS]
_TOTAL = re.compile(r"(?<![a-z])(total|jumlah|akhir periode|akhir|kumulatif)(?![a-z])")
_HIERARCHY = ("vision", "mission", "goal", "target")
_LEVEL_OF = {"vision": Level.VISION, "mission": Level.MISSION, "goal": Level.GOAL,
             "target": Level.TARGET, "program": Level.PROGRAM, "strategy": Level.STRATEGY}
_BAB = re.compile(r"^BAB\s+([IVXL]+|\d+)\b\.?\s*(.*)$", re.I)
#: a chapter numbered without "BAB": a roman numeral, then a title in capitals ("V. VISI, MISI ...")
_ROMAN_CHAPTER = re.compile(r"^([IVX]{1,5})(?:\.\s*|\s+)([A-Z][^a-z]{3,})$")


class _Chapter:
    """A chapter's title line: "BAB V ..." (the title may follow on the next line), or a roman
    numeral without "BAB" before a title in capitals that names a chapter of a plan ("II.
    GAMBARAN UMUM KONDISI DAERAH", "V VISI, MISI, TUJUAN DAN SASARAN"; newuser F151): group 1
    the number, group 2 the title. A roman-numbered item in ordinary case is no chapter."""

    @staticmethod
    def match(text: str) -> "re.Match[str] | None":
        found = _BAB.match(text)
        if found is not None:
            return found
        found = _ROMAN_CHAPTER.match(text)
        if found is not None and _chapter_kind(found.group(2), PlanKind.RPJMD) != "any":
            return found
        return None


_CHAPTER = _Chapter()
_SECTION_NUMBER = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-H]\.|[IVX]+\.(?:\d+(?:\.\d+)*\.?)?)\s+")
_HEADING = re.compile(
    r"^(visi|misi|tujuan|sasaran|strategi|arah kebijakan|program|quick ?wins?|rencana aksi|"
    r"dimensi|smart\s+\w+|indikasi rencana program|kebijakan|"
    r"(?:tata kelola|pencitraan|ekonomi|kehidupan|lingkungan|masyarakat|sosial|mobilitas|transportasi|energi|infrastruktur)"
    r"(?:\s+\w+)?\s+(?:cerdas|\(smart))\b",
    re.I)
_OTHER_CHAPTER = re.compile(
    r"pendahuluan|gambaran umum|kondisi|analisis|evaluasi|permasalahan|isu strategis|penutup|"
    r"kaidah|kerangka pendanaan|keuangan|kinerja penyelenggaraan|landasan|metodologi|"
    r"tata kelola|manajemen|pengukuran", re.I)
_STRATEGY_CHAPTER = re.compile(r"strategi|arah kebijakan", re.I)
_PROGRAM_CHAPTER = re.compile(r"program|quick win|rencana aksi|masterplan|master plan|inisiatif", re.I)
_VMTS_CHAPTER = re.compile(r"visi|misi|tujuan|sasaran", re.I)


def _t(key: str, lang: str, **values: Any) -> str:
    return messages.text(key, lang, **values)


@dataclass
class _Item:
    """An element being drafted."""

    level: Level
    text: str
    number: str | None = None
    parents: list[tuple[Level, str]] = field(default_factory=list)
    context_parent: tuple[Level, str] | None = None
    code: str | None = None
    raw_code: str | None = None
    agency: str | None = None
    dimension: Dimension | None = None
    indicators: list[str] = field(default_factory=list)
    yearly: dict[int, int] = field(default_factory=dict)
    total: int | None = None
    has_money: bool = False
    unit: int = 1
    budget_doubt: bool = False
    #: read from a table in long form (one row per program and year, a "Tahun" column): its rows
    #: of other years are more of its yearly pagu, and a row repeated word for word is one row
    long_form: bool = False
    provenance: Provenance | None = None
    reasons: list[str] = field(default_factory=list)
    weights: float = 0.0
    #: set on a reference only ("Sasaran 1.2.1" with no statement, a "Kode Sasaran" cell): the
    #: element numbered so, wherever the plan states it (found when the plan is finished)
    ref: str | None = None
    #: the points listed under a numbered statement ("- Reformasi birokrasi", "a) ..."): part of
    #: its text ("Mewujudkan ...: Reformasi birokrasi; ..."), not of what identifies it
    subpoints: list[str] = field(default_factory=list)
    #: read in a list under a heading of its own level ("4.2 Misi" / "1. ...")
    listed: bool = False
    #: the dimension a masterplan program's heading or cell names that is none of the six
    #: ("Smart Mobility"): drafted with no dimension, said
    other_dimension: str | None = None
    #: the agency of a program drafted apart from another of its code and name (the support
    #: program X.XX.01 of each agency): part of what identifies it
    owner: str | None = None
    #: the other places the element was read (a program in BAB VI and again in BAB VII)
    also: list[str] = field(default_factory=list)
    #: one program listed under several targets of the plan, each row with its own pagu (newuser
    #: F192): each row's figure and place; the budget is their sum
    slices: list[tuple[int, str]] = field(default_factory=list)
    #: read from a numbered cascade ("1.1.1.1 Program ... (2.16.03) Rp ..."): a program's code in
    #: parentheses and its sum at the line's end are its own, out of its name
    cascade: bool = False

    def full_text(self) -> str:
        """The statement with its sub-points after it."""
        if not self.subpoints:
            return self.text
        return f"{self.text.rstrip(' .;:')}: " + "; ".join(p.rstrip(" .;") for p in self.subpoints)

    def key(self) -> tuple[Level, str]:
        if self.ref is not None:
            return (self.level, "#" + self.ref)
        own = "@" + self.owner if self.owner else ""
        if self.level is Level.PROGRAM and self.code:
            return (self.level, "code:" + self.code + ":" + norm(self.text) + own)
        return (self.level, norm(self.text) + own)

    def doubt(self, reason: str, weight: float, *, budget: bool = False) -> None:
        """Lower the confidence by ``weight`` with ``reason`` (once per reason); ``budget`` when the
        doubt is about the program's budget (listed first on the review page)."""
        self.budget_doubt = self.budget_doubt or budget
        if reason not in self.reasons:
            self.reasons.append(reason)
            self.weights += weight


@dataclass
class PlanDraft:
    """One plan drafted from its documents: elements in document order, its period and
    what could not be placed."""

    kind: PlanKind
    items: list[_Item] = field(default_factory=list)
    period: Period | None = None
    period_from_title: bool = False
    #: the region the plan's title names ("RPJMD KABUPATEN GOWA TAHUN 2021-2026"): its kind
    #: ("kabupaten", "kota"), its name ("Kabupaten Gowa") and the title itself
    region_title: tuple[str, str, str] | None = None
    years_seen: set[int] = field(default_factory=set)
    unplaced: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    pages: int = 0
    #: tables that gave no element, each with the columns recognised (for the error when none did)
    tables: list[str] = field(default_factory=list)
    #: the amounts of the total (JUMLAH) rows printed in the plan's tables
    totals: list[int] = field(default_factory=list)
    #: the whole APBD an RPJMD's text states ("Proyeksi total belanja daerah (APBD) ... sebesar Rp
    #: ..."), with where: no program's pagu is above it
    apbd: list[tuple[int, str]] = field(default_factory=list)
    #: the ids of the programs whose budget was doubted (filled as the plan is finished)
    budget_doubted: list[str] = field(default_factory=list)
    #: what to check that the walk saw: a heading of missions, goals or targets under which
    #: lines stand but no element was read
    checks: list[str] = field(default_factory=list)
    #: rows of activities (kegiatan) read as parts of their programs
    activities: int = 0
    #: the plan each document's title calls it (file, "rpjmd" or "masterplan", the title): a
    #: masterplan given as the RPJMD is said
    named: list[tuple[str, str, str]] = field(default_factory=list)
    #: the smart city dimensions the documents head sections with, and the chapters of an
    #: RPJMD's own (financing, the regional programs) they hold: what kind of plan they are
    dimension_headings: set[Dimension] = field(default_factory=set)
    rpjmd_chapters: list[str] = field(default_factory=list)
    #: the masterplan's tables pairing its elements with the RPJMD's, each with the pairs its rows
    #: state (written as matches proposed by the document when the region is drafted)
    pairings: list["Pairing"] = field(default_factory=list)


@dataclass
class Pairing:
    """A masterplan table that sets its elements beside the RPJMD's ("Dimensi | Rencana Aksi |
    Anggaran | Program RPJMD Terkait"): where it is (``where``, in the draft's language), the
    level it pairs, the column naming the RPJMD's element and the masterplan's own column, and
    each row's pair: the masterplan element drafted from the row, the RPJMD cell as written, the
    RPJMD code the row gives (a "Kode RPJMD" cell or a code before the name, else None) and the
    row's place."""

    where: str
    level: Level
    column: str
    own: str
    rows: list[tuple[_Item, str, str | None, str]] = field(default_factory=list)


#: a program with the code of one read before is the same program when its compared name
#: begins as that one's does, up to this many characters (a name wrapped or spelt a
#: little differently further on)
_SAME_PREFIX = 25


class _Walk:
    def __init__(self, kind: PlanKind, lang: str):
        self.kind = kind
        self.lang = lang
        self.draft = PlanDraft(kind)
        self.index: dict[tuple[Level, str], _Item] = {}
        self.last: dict[Level, _Item] = {}
        self.numbers: dict[Level, dict[str, _Item]] = {}
        self.unplaced: dict[tuple[str, Level], int] = {}
        #: the first program of each code by each prefix of its compared name, up to
        #: _SAME_PREFIX characters: a program is looked up once, however many share its code
        self.programs_by_code: dict[tuple[str, str], _Item] = {}
        self.programs_by_name: dict[str, _Item] = {}
        #: a program by the key of the first of its code and name and by its agency: the support
        #: program of each agency is a program of its own
        self.owned: dict[tuple[tuple[Level, str], str], _Item] = {}
        #: the recap and crosswalk tables read (their place, level, crosswalk column and rows),
        #: looked up when the plan is finished
        self.recaps: list[tuple[str, Level, str | None, list[_Item]]] = []
        #: how many elements were read at each level (a heading that gave none is said), and how
        #: many distinct ones
        self.added: dict[Level, int] = {}
        self.distinct: dict[Level, int] = {}

    # -- elements

    def add(self, item: _Item) -> _Item:
        item.text = item.text.strip().rstrip(";,").strip()
        self.added[item.level] = self.added.get(item.level, 0) + 1
        key = item.key()
        found = self.index.get(key)
        program = item.level is Level.PROGRAM
        if found is None and program and item.code:
            # the same program written with a name wrapped or spelt a little differently
            # (indexed by code and by name: drafting stays linear in the rows)
            found = self.programs_by_code.get((item.code, norm(item.text)[:_SAME_PREFIX]))
            named = self.programs_by_name.get(norm(item.text)) if found is None else None
            if named is not None and named.code is None:
                # the program named without its code in one chapter (BAB VI's strategy table) and
                # with it in another (BAB VII): one program, read in both (newuser F141)
                found = named
        if found is None and program and not item.code:
            found = self.programs_by_name.get(norm(item.text))
        if found is not None and program and self.kind is PlanKind.RPJMD and item.agency and found.agency \
                and _agency_key(item.agency) != _agency_key(found.agency):
            # one code and name under two agencies (the support program X.XX.01 "PROGRAM
            # PENUNJANG URUSAN PEMERINTAHAN DAERAH", listed once per agency): two programs, each
            # with its own pagu, never merged into one (newuser F150)
            owner = _agency_key(item.agency)
            base = found.key()
            found = self.owned.get((base, owner))
            if found is None:
                item.owner = owner
                key = item.key()
                self.owned[(base, owner)] = item
        if found is not None:
            money_twice = found.level is Level.PROGRAM and item.has_money and found.has_money
            if found.level is Level.PROGRAM and item.yearly and found.yearly and (
                    (not (item.yearly.keys() & found.yearly.keys())
                     and (item.total is None or found.total is None or item.total == found.total)) or (
                        item.total is None and found.total is None and found.long_form and item.long_form
                        and all(found.yearly.get(year, amount) == amount for year, amount in item.yearly.items()))):
                # other years of the program: a table in long form, or a wide table split in two,
                # its first years in the left part and the others (and the total) in the right
                # (newuser F142); a long-form row repeated word for word (an export repeating a row
                # across a page) is the same row, once. The total, where one part gives it, is
                # checked against the years summed.
                found.yearly.update(item.yearly)
                money_twice = False
            elif money_twice and _slice_of(found, item):
                # one program listed under several targets of the plan, each row with the pagu it
                # spends on that target (newuser F192): a slice of its pagu, summed -- never a
                # contradiction with the first row; the slices are said
                if not found.slices:
                    found.slices.append((_figure(found), where(found.provenance, self.lang)))
                found.slices.append((_figure(item), where(item.provenance, self.lang)))
                for year, amount in item.yearly.items():
                    found.yearly[year] = found.yearly.get(year, 0) + amount
                if item.total is not None:
                    found.total = (found.total or 0) + item.total
                money_twice = False
            elif money_twice and (_figure(found) != _figure(item) or (
                    found.yearly and item.yearly and found.yearly != item.yearly)):
                # the same program read twice with other figures -- two chapters, or a quick win
                # of Buku 3 beside Buku 2's budget, one by years and the other as a total
                # (newuser F137): said, never silently picked; the first is kept
                there = where(found.provenance, self.lang)
                here = where(item.provenance, self.lang)
                found.doubt(messages.text("draft.reason.contradiction", self.lang, first=_rp(_figure(found)),
                                          there=there, second=_rp(_figure(item)), here=here), 0.5, budget=True)
            elif money_twice and item.yearly and not found.yearly:
                found.yearly = dict(item.yearly)  # the same budget, by years: the years kept
            if program and not found.long_form and item.provenance is not None and found.provenance is not None:
                place = where(item.provenance, self.lang)  # in the draft's words, as its reasons
                if place != where(found.provenance, self.lang) and place not in found.also:
                    found.also.append(place)
            for parent in item.parents:
                if parent not in found.parents:
                    found.parents.append(parent)
            coded = found.code is None and item.code is not None
            for name in ("number", "code", "raw_code", "agency", "dimension") + (() if money_twice else ("total",)):
                if getattr(found, name) is None and getattr(item, name) is not None:
                    setattr(found, name, getattr(item, name))
            if coded and item.provenance is not None and found.provenance is not None:
                found.provenance = _with_code(found.provenance, item.provenance.code)
                self._index_program(found)  # now found by its code too
            if not found.yearly and item.yearly and not money_twice:
                found.yearly = item.yearly
            if not found.subpoints and item.subpoints:
                found.subpoints = item.subpoints
            found.listed = item.listed  # stated again ("Misi 1: ..." over its goals): a parent there
            found.has_money = found.has_money or item.has_money
            for indicator in item.indicators:
                if norm(indicator) not in {norm(i) for i in found.indicators}:
                    found.indicators.append(indicator)
            if found.context_parent is None:
                found.context_parent = item.context_parent
            self.last[found.level] = found
            return found
        self.draft.items.append(item)
        self.distinct[item.level] = self.distinct.get(item.level, 0) + 1
        self.index[key] = item
        if item.level is Level.PROGRAM and item.owner is None:
            self._index_program(item)
        self.last[item.level] = item
        if item.number:
            self.numbers.setdefault(item.level, {}).setdefault(item.number, item)
        return item

    def _index_program(self, item: _Item) -> None:
        """A program found again by its code and the start of its name, by its name, and by its
        agency (the first of each)."""
        name = norm(item.text)
        self.index.setdefault(item.key(), item)
        if item.code:
            for length in range(min(len(name), _SAME_PREFIX) + 1):
                self.programs_by_code.setdefault((item.code, name[:length]), item)
        self.programs_by_name.setdefault(name, item)
        if item.agency:
            self.owned.setdefault((item.key(), _agency_key(item.agency)), item)

    def context_for(self, level: Level) -> tuple[Level, str] | None:
        """The last element drafted at the nearest level above ``level`` (for an item with no
        parent of its own)."""
        order = [Level.VISION, Level.MISSION, Level.GOAL, Level.TARGET, Level.PROGRAM]
        if level not in order:
            return None
        for above in reversed(order[: order.index(level)]):
            item = self.last.get(above)
            if item is not None:
                return item.key()
        return None

    # -- period

    def title_period(self, text: str) -> None:
        if self.draft.region_title is None and len(text) < 200:
            _title_region(self, text)
        if self.draft.period_from_title:
            return
        previous, self.previous_text = getattr(self, "previous_text", ""), text
        if period_in(f"{previous} {text}") and len(text) < 40:
            text = f"{previous} {text}"
        low = text.casefold()
        words = ("rpjmd", "jangka menengah") if self.kind is PlanKind.RPJMD else (
            "masterplan", "master plan", "smart city", "rencana induk", "kota cerdas", "kabupaten cerdas")
        if any(w in low for w in words) or ("tahun" in low and len(low) < 120):
            found = period_in(text)
            if found:
                self.draft.period = Period(*found)
                self.draft.period_from_title = any(w in low for w in words)


#: the region a plan's title names: "RPJMD KABUPATEN GOWA TAHUN 2021-2026", "Masterplan Smart
#: City Kota Cimahi 2022-2031" (the name up to the year, "Tahun", "Periode" or the line's end)
_TITLE_REGION = re.compile(r"\b(kabupaten|kab\.|kota)\s+((?:(?!tahun\b|periode\b|nomor\b)[^\W\d_][\w'.-]*\s*){1,4}?)"
                           r"\s*(?=\(|tahun\b|periode\b|\d{4}|[-–,:]|$)", re.I)


def _slice_of(found: _Item, item: _Item) -> bool:
    """Whether a program read again is a slice of its pagu under another target (newuser F192):
    both rows in one file, each under a target, the new row's target not the first's, the same
    shape of figures (by years, or a total) and another figure."""
    mine = {p for p in found.parents if p[0] is Level.TARGET}
    theirs = {p for p in item.parents if p[0] is Level.TARGET}
    return bool(mine and theirs and not theirs <= mine and found.provenance is not None
                and item.provenance is not None and found.provenance.file == item.provenance.file
                and bool(found.yearly) == bool(item.yearly) and (found.total is None) == (item.total is None)
                and _figure(found) != _figure(item) and not found.long_form and not item.long_form)


def _figure(item: _Item) -> int:
    """A program's pagu as read: its years summed, else its total column."""
    return sum(item.yearly.values()) if item.yearly else item.total or 0


def _agency_key(agency: str) -> str:
    """An agency's name as compared: its words in lower case, each short name spelled out as the
    agency data says (``smartsync/matching/data/agencies.json``: "Diskominfo" is "dinas komunikasi
    dan informatika"), without the words that name no agency ("dan", "Kota ...") and in any order:
    "Diskominfo", "Dinas Kominfo" and "Dinas Komunikasi dan Informatika Kota Uji" are one agency."""
    short, filler = _agency_words()
    words = re.findall(r"\w+", norm(agency))
    for _ in range(3):  # a full name may hold another short name ("dinas koperasi dan ukm")
        text = " " + " ".join(words) + " "
        for name in sorted(short, key=len, reverse=True):
            if f" {name} " in text:
                text = text.replace(f" {name} ", f" {short[name]} ")
        spelled = text.split()
        if spelled == words:
            break
        words = spelled
    if words and words[0] in ("kota", "kabupaten", "kab"):
        words = words[:1]  # "Kota Uji" alone names the region's government
    else:  # "... Kota Uji": the region's name after its kind names no agency
        for kind in ("kota", "kabupaten", "kab"):
            if kind in words[1:]:
                words = words[: words.index(kind, 1)]
                break
    key = " ".join(sorted({w for w in words if w not in filler}))
    return key or " ".join(re.findall(r"\w+", norm(agency)))


_AGENCY_WORDS: "tuple[dict[str, str], frozenset[str]] | None" = None


def _agency_words() -> "tuple[dict[str, str], frozenset[str]]":
    """The agencies' short names (folded) and the filler words, read once from the data."""
    global _AGENCY_WORDS
    if _AGENCY_WORDS is None:
        import json

        from ..matching.nomenclature import data_file

        data = json.loads(data_file("agencies.json").decode("utf-8"))
        short = {" ".join(re.findall(r"\w+", norm(k))): " ".join(re.findall(r"\w+", norm(v)))
                 for k, v in data["abbreviations"].items()}
        _AGENCY_WORDS = (short, frozenset(data["filler"]))
    return _AGENCY_WORDS


def _with_code(provenance: Provenance, code: str | None) -> Provenance:
    return attrs.evolve(provenance, code=provenance.code or code)


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in name.split())


def _title_region(walk: _Walk, text: str) -> None:
    """The region the plan's title names, kept on the draft (the first title that names one)."""
    low = text.casefold()
    words = ("rpjmd", "jangka menengah", "(rpd)", "rencana pembangunan daerah") if walk.kind is PlanKind.RPJMD else (
        "masterplan", "master plan", "smart city", "rencana induk")
    if not any(w in low for w in words) or "peraturan" in low:
        return
    # "Masterplan Kota Cerdas Kota X": "Kota Cerdas" (smart city) names no region
    found = next((m for m in _TITLE_REGION.finditer(text) if not re.search(r"smart|cerdas", m.group(2), re.I)), None)
    if found is None:
        return
    kind = "kabupaten" if found.group(1).casefold().startswith("kab") else "kota"
    name = _title_case(found.group(2).strip(" .-"))
    if name:
        walk.draft.region_title = (kind, f"{kind.capitalize()} {name}", clean(text)[:120])


#: a document's title naming the plan it is: "MASTERPLAN SMART CITY KABUPATEN X", "RENCANA INDUK KOTA
#: CERDAS ..."; "RPJMD KOTA X", "RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH", "RENCANA PEMBANGUNAN
#: DAERAH (RPD) KOTA X" (the transition plan in place of an RPJMD)
_NAMES_MASTERPLAN = re.compile(r"\b(?:master\s?plan|rencana induk)\b[^.]{0,40}\b(?:smart|cerdas)\b|"
                               r"\b(?:smart city|kota cerdas|kabupaten cerdas)\b[^.]{0,20}\b(?:master\s?plan|rencana induk)\b",
                               re.I)
_NAMES_RPJMD = re.compile(r"\brpjmd\b|rencana pembangunan jangka menengah daerah|\(rpd\)|"
                          r"^(?:rancangan\s+(?:akhir\s+|awal\s+)?)?rpd\b|rencana pembangunan daerah\b", re.I)
#: the chapters only an RPJMD has (its financing frame, the regional programs of its agencies)
_RPJMD_CHAPTER = re.compile(r"kerangka pendanaan|program perangkat daerah|indikasi rencana program|"
                            r"kinerja penyelenggaraan pemerintah(an)? daerah|program pembangunan daerah", re.I)


def _named_plan(text: str) -> str | None:
    """The plan a document's title line names itself ("rpjmd", "masterplan"), or None; a line
    naming both is the plan it names first ("Masterplan Smart City ... selaras dengan RPJMD")."""
    if len(text) > 200:
        return None
    found = [(m.start(), kind) for kind, pattern in (("masterplan", _NAMES_MASTERPLAN), ("rpjmd", _NAMES_RPJMD))
             for m in [pattern.search(text)] if m is not None]
    return min(found)[1] if found else None


def _provenance(file: str, page: int | None, printed: str | None, text: str, *, sheet: str | None = None,
                row: int | None = None, raw_code: str | None = None) -> Provenance:
    snippet = clean(text)[:400] or None
    return Provenance(file=file, page=page, printed_page=printed, sheet=sheet, row=row, text=snippet,
                      code=raw_code)


# --------------------------------------------------------------------------
# text


class _TextState:
    def __init__(self) -> None:
        self.chapter = "any"
        self.pending_title = False
        self.mode: str | None = None
        self.open: _Item | None = None
        self.open_text: list[str] = []
        self.open_line: Line | None = None
        self.dimension: Dimension | None = None
        #: a heading naming a dimension that is none of the six ("Smart Mobility"), as written
        self.other_dimension: str | None = None
        #: a heading naming a dimension spelt one letter off ("Smart Environtment"), as written
        self.dimension_as: str | None = None
        #: "3.3 Sasaran Smart City" / "Smart Governance" / "• ...": the level whose elements the
        #: dimension headings of the section group ("target", "goal"), None when they head programs
        self.by_dimension: str | None = None
        #: dimension headings under a heading naming goals and targets: a result is a target
        self.targets_too = False
        self.dimension_goal: _Item | None = None
        #: the quick-win heading under which the dimension of the section above goes on ("" when none)
        self.dimension_inherited = ""
        self.vision_lines: list[str] = []
        self.vision_line: Line | None = None
        self.last_number: dict[Level, str] = {}
        #: the levels whose numbering may start again at 1: a heading came after their last
        #: number (programs numbered from 1 under each dimension heading is a plain layout)
        self.new_list: set[Level] = set()
        #: under a combined heading "Visi dan Misi": the numbered list after the vision is the missions
        self.combined = False
        #: the chapter title read so far, while its next line may continue it (a long title in
        #: capitals wraps: "BAB VII KERANGKA PENDANAAN" / "PEMBANGUNAN DAN PROGRAM PERANGKAT")
        self.title: str | None = None
        #: the list under the last heading: "number" (1., I., Misi 1:) or "bullet" ("• ", "- ");
        #: a bullet under a numbered item is part of that item, not an item of its own
        self.list_style: str | None = None
        self.bullets = 0
        #: the last mission, goal or target heading (its text, line and how many elements of its
        #: level had been read before it) and the lines under it read as nothing
        self.heading: tuple[str, Line, Level, int] | None = None
        self.unread = 0
        #: under a mission heading: lines that could be missions (no prose) left unread since the
        #: last item, and those followed by an item (left out of the list: said)
        self.missed = 0
        self.missed_inside = 0
        #: the numbering style of the open item ("digit", "alpha", "roman", "lroman", "label") and
        #: the bullet of a bulleted list: a point numbered or bulleted otherwise under it is its sub-point
        self.open_style: str | None = None
        self.bullet_char: str | None = None
        #: the sub-points of the open item, and whether the last line read went on with one
        self.subs: list[str] = []
        #: under a mission heading with no number or bullet: the paragraphs read as missions, and
        #: whether a paragraph that is no mission (prose) stood among them
        self.plain = 0
        self.plain_prose = False
        #: whether the document sets its paragraphs apart by a gap (a line under the heading, or
        #: the heading, stood apart from the line above): then a line with none goes on with it
        self.spaced = False
        #: a label alone on its line ("Misi 1", "Misi Pertama"): the next line is its statement
        self.pending: tuple[Level, str] | None = None
        #: the last heading or chapter title over the vision ("4.1 Visi", "BAB IV VISI DAN MISI"):
        #: its text and line, whether it is a chapter's title, the visions read before it and the
        #: lines read under it (a heading under which no vision is read is said)
        self.vision_heading: tuple[str, Line, bool, int] | None = None
        self.vision_lines_under = 0
        #: the line being walked, when it is a line of a numbered cascade ("1.1.1 ...")
        self.cascade_line: CascadeLine | None = None
        #: the chapter's title line, and the numbered statements in it read as no element
        self.chapter_line: Line | None = None
        self.numbered_unread: list[Line] = []
        #: right under a chapter named for the vision: a line quoted alone is the vision; under one
        #: naming the missions too, a numbered list after the vision is the missions
        self.chapter_vision = False
        self.combined_chapter = False
        #: a masterplan's dimension heading over programs ("Smart Governance"), and the lines under
        #: it read as no program (newuser F208: said, never dropped silently)
        self.program_heading: tuple[str, Line] | None = None
        self.program_unread = 0


#: a line that is a quotation and nothing else: "“Lembah Sari Smart Regency 2034”"
_QUOTED_LINE = re.compile(r"^[“\"][^“”\"]{8,}[”\"]\s*\.?$")


def _chapter_heading(walk: _Walk, state: _TextState, text: str, line: Line) -> None:
    """A chapter named for the plan's vision, missions, goals or targets ("BAB II VISI SMART
    CITY", "BAB III MISI SMART CITY", "BAB IV VISI DAN MISI", "BAB III SASARAN SMART CITY") heads
    them as a section heading does (newuser F202, F201): the missions or targets listed under it
    are read; a vision quoted right under it is the vision, and under a chapter naming both the
    vision and the missions, the list after the vision is the missions."""
    found = _CHAPTER.match(text)
    title = found.group(2).strip() if found is not None and found.group(2).strip() else text
    state.combined, state.chapter_vision, state.combined_chapter = False, False, False
    if state.chapter != "vmts" or _names_other_plan(title.casefold(), walk.kind):
        return
    mode = _heading(title.title(), walk.kind)
    if mode == "vision":
        state.chapter_vision = True
        state.combined = state.combined_chapter = re.search(r"\bmisi\b", title, re.I) is not None
        if state.combined:
            state.heading = (text, line, Level.MISSION, walk.added.get(Level.MISSION, 0))
    elif mode in ("mission", "goal", "target"):
        level = _MODE_LEVEL[mode]
        state.mode = mode
        state.heading = (text, line, level, walk.added.get(level, 0))
    _list_start(state)


def _title_line(text: str) -> bool:
    """Whether a line can be (part of) a chapter title: words in capitals, no list number,
    table caption or sentence end (a title that wraps goes on in such lines)."""
    letters = [c for c in text if c.isalpha()]
    return (bool(letters) and all(c.isupper() for c in letters) and len(text.split()) <= 12
            and not _SECTION_NUMBER.match(text) and not text.rstrip().endswith((".", ":", ";"))
            and not re.match(r"(tabel|table|gambar)\b", text, re.I))


def _chapter_kind(title: str, kind: PlanKind) -> str:
    if _VMTS_CHAPTER.search(title) and not re.search(r"analisis|gambaran", title, re.I):
        return "vmts" if not _PROGRAM_CHAPTER.search(title) or kind is PlanKind.MASTERPLAN else "any"
    if _STRATEGY_CHAPTER.search(title) and not _PROGRAM_CHAPTER.search(title):
        return "skip"
    if _PROGRAM_CHAPTER.search(title):
        return "program"
    if _OTHER_CHAPTER.search(title):
        return "skip"
    return "any"


def _heading(text: str, kind: PlanKind = PlanKind.MASTERPLAN) -> str | None:
    """The mode a heading line sets, or None when the line is not such a heading. A heading
    naming another plan (the RPJMD in a masterplan; the RPJPD, RPJMN or the province's plan in
    either) opens a quotation of it: "quoted"."""
    bare = _SECTION_NUMBER.sub("", text).strip()
    if _SECTION_NUMBER.match(text) and len(bare.split()) <= 12 and not bare.endswith((".", ";", ",", ":")) \
            and re.search(r"\b(rpjpd|rpjmn)\b", bare.casefold()) and not _HEADING.match(bare):
        # "5.4 Keselarasan dengan RPJPD dan RPJMN": a section about the plans above the region's,
        # a quotation of them to the next heading (newuser F154), never an item numbered 5.4
        return "quoted"
    if len(bare.split()) > 9 or bare.endswith((".", ";", ",")) or not _HEADING.match(bare):
        return None
    label, number, rest = numbering(bare)
    if label is not None and number is not None:
        return None  # "Misi 1 ..." is an item, not a heading
    if _SENTENCE_WORDS.search(bare.casefold()):
        return None  # "Visi tersebut dijabarkan ke dalam misi sebagai berikut:" is a sentence
    if ":" in bare and len(bare.split(":", 1)[1].split()) >= 2:
        return None  # "Visi: Terwujudnya ...", "Program Unggulan: Sekolah Digital" are the items
    low = bare.casefold()
    if _names_other_plan(low, kind):
        return "quoted"
    if dimension_of(bare) is not None or _other_dimension(bare) is not None or \
            misspelt_dimension(bare) is not None:
        return "dimension"
    if low.startswith("program") and not _program_heading(low):
        return None  # "Program Satu Data Maros": a program, not a heading
    for word, mode in (("visi", "vision"), ("misi", "mission"), ("tujuan", "goal"), ("sasaran", "target"),
                       ("strategi", "skip"), ("arah kebijakan", "skip"), ("kebijakan", "skip"),
                       ("dimensi", "program"), ("program", "program"), ("indikasi", "program"),
                       ("quick", "program"), ("rencana aksi", "program")):
        if low.startswith(word):
            if mode == "vision" and re.match(r"visi\s*(,|dan)\s*misi", low):
                return "vision"
            return mode
    return None


#: a smart city dimension that is none of the six ("Smart Mobility", "Dimensi Smart Mobility", from
#: the Cohen model some masterplans follow); "Smart City", "Smart Regency" name the whole
_OTHER_DIMENSION = re.compile(
    r"^(?:dimensi\s+)?(?:smart\s*-?\s*(?:mobility|mobilitas|transportation|transport|energy|health|education|"
    r"infrastructure|tourism|security|safety|utilit(?:y|ies)|building|culture|agriculture)|"
    r"(?:mobilitas|transportasi|energi|infrastruktur)\s+cerdas)\b[^.;:]{0,40}$", re.I)


def _other_dimension(text: str) -> str | None:
    """The name of a dimension outside the six a heading or a dimension cell gives ("Smart
    Mobility"), or None (one of the six, or no dimension)."""
    bare = clean(_SECTION_NUMBER.sub("", text)).strip(" :.")
    found = _OTHER_DIMENSION.match(bare)
    if found is None or dimension_of(bare, loose=True) is not None:
        return None
    return bare


#: the words of a heading over programs ("Program Unggulan", "Program Prioritas Pembangunan
#: Daerah", "Program Pengembangan Smart City", "Program Smart Governance"), not of a program's name
_PROGRAM_HEADING_WORDS = frozenset(
    "program programs unggulan prioritas kerja pembangunan daerah perangkat smart city dan kegiatan quick win wins "
    "pengembangan strategis utama kota kabupaten cerdas rencana aksi indikatif indikasi dimensi masterplan master "
    "plan tahunan jangka pendek menengah panjang per setiap tiap serta sub usulan pendukung".split())


def _program_heading(low: str) -> bool:
    """Whether a line beginning with "program" is a heading over programs, not a program."""
    words = re.findall(r"[a-z]+", low)
    rest = [w for w in words if w not in _PROGRAM_HEADING_WORDS]
    return not rest or dimension_of(" ".join(["smart"] + rest)) is not None and len(rest) <= 2


def _names_other_plan(low: str, kind: PlanKind) -> bool:
    """Whether a heading or a lead-in sentence names another plan than the one drafted (the
    RPJMD in a masterplan; the RPJPD, RPJMN or the province's plan in either)."""
    others = r"nasional|provinsi|rpjpd|rpjmn|jangka panjang"
    if kind is PlanKind.MASTERPLAN:
        others += r"|\brpjmd\b|jangka menengah|kepala daerah"
    return re.search(others, low) is not None


_SENTENCE_WORDS = re.compile(r"\b(adalah|merupakan|ialah|yaitu|tersebut|dijabarkan|sebagai berikut|berikut ini|"
                             r"dirumuskan|ditetapkan|diwujudkan|didefinisikan|diartikan)\b")
#: "Visi adalah ...", "Misi merupakan rumusan umum ...", "Menurut UU 25/2004, visi adalah ...":
#: a definition of the word, not the plan's own statement
_DEFINITION = re.compile(
    r"^(?:menurut\b[^,]{0,100},\s*)?(?:pengertian\s+|definisi\s+)?(visi|misi|tujuan|sasaran|strategi|"
    r"arah kebijakan|program)\s+(adalah|merupakan|ialah|yaitu|didefinisikan|diartikan|dapat diartikan)\b", re.I)
#: a sentence leading into the missions ("Visi tersebut dijabarkan ke dalam misi sebagai berikut:",
#: "Misi Kota X adalah:") or into the vision ("Visi Kota X Tahun 2021-2026 adalah:")
_INTRO_MISSIONS = re.compile(r"\bmisi\b.*\b(sebagai berikut|berikut ini|berikut|yaitu|adalah)\s*:?\s*$", re.I)
_INTRO_VISION = re.compile(r"^visi\b.*\b(sebagai berikut|berikut|yaitu|adalah)\s*:?\s*$", re.I)
_INTRO_VISION_QUOTED = re.compile(r"^visi\b[^“\"]*\b(adalah|yaitu|ialah)\s*:?\s*[“\"]", re.I)
#: the vision held on its label's line without quotes: "Visi Kota X Tahun 2025-2029 adalah
#: Terwujudnya ...", "Visi Smart City Kota X: Batu Smart City, ..."
_INLINE_VISION = re.compile(
    r"^visi\b(?P<label>[^:“\"]{0,60}?)(?::|\s(?:adalah|yaitu|ialah)\b:?)\s*(?P<rest>(?-i:[A-Z])[^“\"].{12,}|[“\"‘'].{12,})$", re.I)
#: words naming the masterplan's own statement (or one formulated from the other plan's)
_OWN_MASTERPLAN = re.compile(r"smart|master ?plan|cerdas|selaras|sejalan|mengacu", re.I)


def _own_vision_lead_in(text: str, kind: PlanKind) -> str | None:
    """The clause of a line that leads into (or holds) the plan's own vision -- "Visi smart city
    Kota X adalah:", "Selaras dengan visi dan misi tersebut, visi smart city Kota X adalah:",
    "Visi Kota X Tahun 2025-2029 adalah Terwujudnya ...", "Visi Smart City Kota X: ..." -- or
    None. A clause naming the other plan (and not the plan's own) leads into a quotation."""
    clause = text.strip()
    if len(clause.split()) > 16 and not _INLINE_VISION.match(clause):
        return None
    if not re.match(r"visi\b", clause, re.I):
        tail = re.search(r",\s*(visi\b[^,]*)$", clause, re.I)
        if not tail or not _INTRO_VISION.match(tail.group(1)) or re.search(r"\bmisi\b", tail.group(1), re.I):
            return None
        clause = tail.group(1)
        if kind is PlanKind.MASTERPLAN and not _OWN_MASTERPLAN.search(clause):
            return None
    inline = _INLINE_VISION.match(clause)
    if not inline and not _INTRO_VISION.match(clause) and not _INTRO_VISION_QUOTED.match(clause):
        return None
    label = inline.group("label") if inline else clause
    if inline and not label.strip():
        return None  # "Visi: Terwujudnya ...": the labelled item, read as it was
    if re.search(r"\bmisi\b", label, re.I) or re.search(
            r"\b(tersebut|dijabarkan|merupakan|didefinisikan|diartikan)\b", label, re.I):
        return None  # "Visi tersebut dijabarkan ke dalam misi ...", "Visi dan misi ..."
    if _names_other_plan(label.casefold(), kind) and not (
            kind is PlanKind.MASTERPLAN and _OWN_MASTERPLAN.search(label)):
        return None
    return clause


def _ends_quotation(clause: str, kind: PlanKind) -> bool:
    """Whether a lead-in to the plan's own vision names the plan itself ("visi smart city ...",
    "... dirumuskan selaras dengan visi RPJMD"), so that it ends a quotation of the other plan."""
    if kind is PlanKind.MASTERPLAN:
        return _OWN_MASTERPLAN.search(clause) is not None
    return re.search(r"\brpjmd\b|jangka menengah daerah|selaras|sejalan|mengacu", clause, re.I) is not None


#: a line that opens a new sentence of the text, not the rest of a list item above it
_OPENER = re.compile(
    r"^(dalam|untuk|berdasarkan|adapun|selanjutnya|dengan demikian|dengan|pada|sebagai|keterangan|"
    r"penjelasan|oleh karena|melalui|hal ini|secara|kemudian|guna|agar|visi|misi|tujuan|sasaran|"
    r"strategi|arah|uraian|berikut|masing-masing|setiap|seluruh)\b", re.I)

_MODE_LEVEL = {"vision": Level.VISION, "mission": Level.MISSION, "goal": Level.GOAL,
               "target": Level.TARGET, "program": Level.PROGRAM}


def _walk_lines_close(walk: _Walk, state: _TextState, file: str) -> None:
    if state.vision_lines and state.vision_line is not None:
        text = clean(" ".join(state.vision_lines))
        inline = _MISSIONS_AFTER_VISION.search(text)
        missions = ""
        if inline is not None:  # "Visi: X. Misi: (1) ...; (2) ...", "... “X” dengan misi: ..."
            text, missions = text[:inline.start()], text[inline.end():]
        quoted = re.search(r"[“\"]([^”\"]{8,})[”\"]", text)
        if quoted:  # 'Visi Kabupaten X adalah "..."': the vision is what is quoted
            text = quoted.group(1)
        text = text.strip("\"'“”‘’ ").rstrip(".")
        if text:
            vision = _Item(Level.VISION, text, provenance=_provenance(
                file, state.vision_line.page, state.vision_line.printed_page, text))
            listed = re.search(r"(?:^|\s)(\(?\d{1,2}[.)]\s+[A-Z]\w*(?:\s+\w+){0,2})", text)
            if listed:  # "... yang Cerdas, 1. Mewujudkan layanan ... Melayani ...": columns interleaved
                vision.doubt(_t("draft.reason.vision-number", walk.lang, item=listed.group(1)), 0.4)
            walk.add(vision)
        line = state.vision_line
        state.vision_lines, state.vision_line = [], None
        if missions:
            _inline_missions(walk, state, missions, line, file)
    if state.open is not None and state.list_style == "inline" and state.open.number is None and \
            state.open.level is Level.MISSION and state.open_line is not None:
        # "Misi: A; B; C", wrapped over lines or not: each item of the list a mission
        text, line = " ".join(state.open_text), state.open_line
        state.open, state.open_text, state.open_line, state.subs = None, [], None, []
        if _inline_missions(walk, state, text, line, file):
            return
        state.open, state.open_text, state.open_line = _Item(Level.MISSION, text), [text], line
        state.open.context_parent = walk.context_for(Level.MISSION)
    if state.open is not None:
        item = state.open
        item.text = clean(" ".join(state.open_text)).strip("\"'“”‘’ ").rstrip(";")
        # a list's punctuation is no part of the statement: "...; dan", "...;", "... ." (last item)
        item.text = re.sub(r"\s*[;,]\s*(dan|serta|atau)$", "", item.text, flags=re.I).rstrip(";")
        if item.level in (Level.MISSION, Level.GOAL, Level.TARGET) and not re.search(r"\b\w{1,3}\.$", item.text):
            item.text = item.text.rstrip(".").rstrip()
        item.subpoints = [clean(p) for p in state.subs if clean(p)]
        if item.text:
            if item.level is Level.PROGRAM:
                if item.cascade:
                    item.text, in_parens, total = program_figures(item.text)
                    if in_parens and program_code(in_parens):
                        item.code, item.raw_code = program_code(in_parens)[0], in_parens  # type: ignore[index]
                    if total is not None and item.total is None:
                        item.total, item.has_money = total, True
                coded = code_at_start(item.text)
                if coded:
                    parsed = program_code(coded[0])
                    if parsed:
                        item.code, item.raw_code, item.text = parsed[0], coded[0], coded[1].strip()
                _own_figures(walk, state, item)
            line = state.open_line
            assert line is not None
            item.provenance = _provenance(file, line.page, line.printed_page,
                                          " ".join(state.open_text + state.subs), raw_code=item.raw_code)
            walk.add(item)
        state.open, state.open_text, state.open_line, state.subs = None, [], None, []


#: the parenthesis closing a program's line: "Telemedisin puskesmas (Smart Living, Rp 1,2 M)"
_TRAILING = re.compile(r"\s*\(([^()]{2,80})\)\s*\.?$")
#: a sum written in words of money: "Rp 1,2 M", "Rp 750 juta", "1,5 miliar"
_SUM = re.compile(r"(?:rp\.?\s*\d[\d.,\s]*(?:triliun|miliar|milyar|juta|jt|ribu|m)?|\d[\d.,]*\s*(?:triliun|miliar|milyar|juta|jt))\.?",
                  re.I)


def _own_figures(walk: _Walk, state: _TextState, item: _Item) -> None:
    """A program line's own dimension and budget in the parenthesis closing it ("Telemedisin
    puskesmas (Smart Living, Rp 1,2 M)"): read as the program's, out of its name. A program
    under a quick-win heading that names no dimension of its own, with the dimension of the
    section above the heading, is doubted."""
    found = _TRAILING.search(item.text)
    own: Dimension | None = None
    if found is not None:
        kept: list[str] = []
        for part in re.split(r"[;,]\s+(?=\D)|\s+[-–]\s+", found.group(1)):
            part = part.strip()
            dimension = dimension_of(part) if re.search(r"smart|cerdas|dimensi", part, re.I) else None
            amount = money(part) if _SUM.fullmatch(part) else None
            if dimension is not None and own is None:
                own = dimension
            elif _is_amount(amount) and amount > 0 and item.total is None:
                item.total, item.has_money = amount, True
            elif part:
                kept.append(part)
        if own is not None or item.has_money:
            item.text = item.text[: found.start()].rstrip() + (f" ({', '.join(kept)})" if kept else "")
    if own is not None:
        item.dimension = own
    elif state.dimension_inherited and item.dimension is not None:
        item.doubt(_t("draft.reason.dimension-above", walk.lang, heading=state.dimension_inherited[:40],
                      dimension=_t("dimension." + item.dimension.value, walk.lang)), 0.3)


#: a line stating the region's whole budget: the APBD, its total spending or revenue, with an amount
_APBD = re.compile(r"\bapbd\b|\b(?:total\s+)?(?:belanja|pendapatan)\s+daerah\b", re.I)
_APBD_AMOUNT = re.compile(r"\b(?:rp|idr)\.?\s*(\d[\d.,]*(?:\s*(?:triliun|miliar|milyar|juta|t|m)\b)?)", re.I)


def _apbd_line(walk: _Walk, line: Line, text: str, file: str) -> None:
    """An RPJMD line stating the region's whole APBD (any chapter: the financing chapter is
    otherwise passed over): its largest amount kept as a bound on every program's pagu."""
    if walk.kind is not PlanKind.RPJMD or not _APBD.search(text):
        return
    amounts = []
    for found in _APBD_AMOUNT.finditer(text):
        raw = re.sub(r"\s*\bt$", " triliun", found.group(1).strip(), flags=re.I)
        value = money(raw)
        if isinstance(value, int) and value > 0 and not isinstance(value, bool):
            amounts.append(value)
    if amounts:
        walk.draft.apbd.append((max(amounts), where(_provenance(file, line.page, line.printed_page, text),
                                                       walk.lang)))


def _walk_line(walk: _Walk, state: _TextState, line: Line, file: str) -> None:
    text = line.text.strip()
    if not text:
        return
    walk.title_period(text)
    _apbd_line(walk, line, text, file)
    chapter = _CHAPTER.match(text)
    if chapter:
        _walk_lines_close(walk, state, file)
        _heading_done(walk, state, file)
        _vision_done(walk, state, file)
        _numbered_done(walk, state, file)
        state.chapter_line = line
        if state.by_dimension:
            state.by_dimension, state.dimension = None, None
        title = chapter.group(2).strip()
        if re.search(r"\bvisi\b", title, re.I) and _chapter_kind(title, walk.kind) == "vmts" and \
                not _names_other_plan(title.casefold(), walk.kind):
            state.vision_heading = (clean(text), line, True, walk.added.get(Level.VISION, 0))
            state.vision_lines_under = 0
        if _RPJMD_CHAPTER.search(title):
            walk.draft.rpjmd_chapters.append(clean(text)[:80])
        state.pending_title = not title
        state.chapter = _chapter_kind(title, walk.kind) if title else "any"
        state.title = title if _title_line(title) else None
        state.mode = None
        state.new_list = set(state.last_number)
        _chapter_heading(walk, state, clean(text), line)
        return
    if state.pending_title:
        state.pending_title = False
        state.chapter = _chapter_kind(text, walk.kind)
        if re.search(r"\bvisi\b", text, re.I) and state.chapter == "vmts" and \
                not _names_other_plan(text.casefold(), walk.kind):
            state.vision_heading = (clean(text), line, True, walk.added.get(Level.VISION, 0))
            state.vision_lines_under = 0
        state.title = text if _title_line(text) else None
        _chapter_heading(walk, state, clean(text), line)
        return
    if state.title is not None:
        # the title goes on in a line of capitals that is no heading of its own ("VISI" under
        # "BAB III VISI DAN MISI"), or after a title left open ("... ARAH KEBIJAKAN DAN")
        if _title_line(text) and (_heading(text, walk.kind) is None
                                  or re.search(r"(\bDAN|\bSERTA|\bATAU|,)$", state.title.rstrip())):
            state.title = f"{state.title} {text}"
            state.chapter = _chapter_kind(state.title, walk.kind)
            return
        state.title = None
    if state.chapter == "skip":
        return
    state.vision_lines_under += 1
    if _DEFINITION.match(_SECTION_NUMBER.sub("", text)) and not re.search(r"[“\"]", text):
        return  # "Visi merupakan rumusan umum ...": what the word means, not the plan's vision
    cascade, state.cascade_line = state.cascade_line, None
    under_chapter, state.chapter_vision = state.chapter_vision, False
    if under_chapter and state.mode is None and _QUOTED_LINE.match(text):
        # "BAB II VISI SMART CITY" / "“Lembah Sari Smart Regency 2034”": the vision quoted right
        # under a chapter named for it (newuser F202); in "BAB IV VISI DAN MISI" the list after it
        # is the missions
        _walk_lines_close(walk, state, file)
        state.vision_lines, state.vision_line, state.mode = [text], line, "vision"
        _walk_lines_close(walk, state, file)
        state.mode = "mission" if state.combined else None
        return
    if cascade is not None and state.mode != "quoted" and _cascade_line(walk, state, cascade, line, file):
        return
    own_vision = _own_vision_lead_in(text, walk.kind)
    if state.mode == "quoted" and own_vision and _ends_quotation(own_vision, walk.kind) \
            and not numbering(text)[1]:
        # "Selaras dengan visi dan misi tersebut, visi smart city Kota X adalah:" after the RPJMD
        # quoted under the same heading: the quotation ends, the plan's own vision follows
        _walk_lines_close(walk, state, file)
        state.mode = None
    if state.mode != "quoted" and not numbering(text)[1]:
        if own_vision:
            _walk_lines_close(walk, state, file)
            inline = _INLINE_VISION.match(own_vision)
            state.mode, state.vision_lines, state.vision_line = "vision", [], None
            if _INTRO_VISION_QUOTED.match(own_vision):
                state.vision_lines, state.vision_line = [own_vision], line
                if text.rstrip().endswith((".", "”", "\"")):
                    _walk_lines_close(walk, state, file)
                    state.mode = "mission" if state.combined else None
            elif inline and not _INTRO_VISION.match(own_vision):
                # "Visi Kota X Tahun 2025-2029 adalah Terwujudnya ...", "Visi Smart City Kota X: ..."
                state.vision_lines, state.vision_line = [inline.group("rest")], line
                if text.rstrip().endswith((".", "”", "\"")):
                    _walk_lines_close(walk, state, file)
                    state.mode = "mission" if state.combined else None
            return
        if (_INTRO_VISION_QUOTED.match(text) or ((_INTRO_MISSIONS.search(text) or _INTRO_VISION.match(text))
                                                 and len(text.split()) <= 16)) \
                and _names_other_plan(text.casefold(), walk.kind) \
                and not re.search(r"smart|master ?plan|cerdas|selaras|sejalan|mengacu", text, re.I):
            # "Visi RPJMD Kabupaten Sleman adalah:" in a masterplan: a quotation of the other plan,
            # to the next heading (its own vision comes under its own heading); "Visi smart city
            # ... dirumuskan selaras dengan visi RPJMD, yaitu:" leads into its own
            _walk_lines_close(walk, state, file)
            state.mode = "quoted"
            return
        if _INTRO_VISION_QUOTED.match(text):
            _walk_lines_close(walk, state, file)
            state.vision_lines, state.vision_line, state.mode = [text], line, "vision"
            if text.rstrip().endswith((".", "”", "\"")):
                _walk_lines_close(walk, state, file)
                state.mode = "mission" if state.combined else None
            return
        if _INTRO_MISSIONS.search(text) and len(text.split()) <= 16:
            _walk_lines_close(walk, state, file)
            _heading_done(walk, state, file)
            state.heading = (text, line, Level.MISSION, walk.added.get(Level.MISSION, 0))
            state.mode = "mission"
            _list_start(state)
            return
        if _INTRO_VISION.match(text) and len(text.split()) <= 16:
            _walk_lines_close(walk, state, file)
            state.mode, state.vision_lines, state.vision_line = "vision", [], None
            return
    alone = _label_alone(text) if state.chapter != "program" else None
    if alone is not None and state.mode != "quoted":
        # "Misi 1" on its own line (the label bold, the statement on the line below)
        _walk_lines_close(walk, state, file)
        state.pending = alone
        return
    if state.pending is not None and state.mode != "quoted":
        level, number = state.pending
        state.pending = None
        if _heading(text, walk.kind) is None and _CHAPTER.match(text) is None and \
                not re.match(r"(tabel|table|gambar|sumber)\b", text, re.I):
            _walk_lines_close(walk, state, file)
            state.list_style = "number"
            if state.mode not in ("mission", "goal", "target"):
                state.mode = {Level.MISSION: "mission", Level.GOAL: "goal", Level.TARGET: "target"}[level]
            _open(walk, state, level, number, text, line)
            state.open_style = "label"
            return
    mode = _heading(text, walk.kind)
    if mode is not None:
        _walk_lines_close(walk, state, file)
        # a dimension heading right under a heading of targets (or goals), none read yet, or after
        # another such: the section lists its targets per dimension, not programs
        by_dimension = state.by_dimension if mode == "dimension" else None
        if mode == "dimension" and walk.kind is PlanKind.MASTERPLAN and state.mode in ("target", "goal") and \
                state.heading is not None and state.heading[2] is _MODE_LEVEL[state.mode] and \
                walk.added.get(state.heading[2], 0) == state.heading[3]:
            by_dimension = state.mode
            # "Tujuan dan Sasaran Smart City" / "Smart Governance" / "• Meningkatnya ...": a statement
            # worded as a result ("Meningkatnya", "Terwujudnya") is a target (newuser F201)
            state.targets_too = by_dimension == "goal" and (
                re.search(r"\bsasaran\b", state.heading[0], re.I) is not None
                or (state.by_dimension == "goal" and state.targets_too))
        if state.by_dimension and not by_dimension:
            state.dimension = None  # the targets' dimension goes no further than their section
        state.by_dimension = by_dimension
        _heading_done(walk, state, file)
        state.vision_lines_under -= 1  # the heading is no line under the heading above
        if mode == "vision":
            if state.vision_heading is None or not state.vision_heading[2]:
                _vision_done(walk, state, file)
            # (a chapter's title over the vision gives way to its own heading "4.1 Visi")
            state.vision_heading = (clean(text), line, False, walk.added.get(Level.VISION, 0))
            state.vision_lines_under = 0
        elif state.vision_heading is not None and not state.vision_heading[2]:
            _vision_done(walk, state, file)
        state.combined = mode == "vision" and re.search(r"\bmisi\b", text, re.I) is not None
        state.combined_chapter = False
        if mode in ("mission", "goal", "target") or state.combined:
            level = _MODE_LEVEL["mission" if state.combined else mode]
            state.heading = (text, line, level, walk.added.get(level, 0))
        _list_start(state)
        state.spaced = line.para is True
        state.new_list = set(state.last_number)
        state.dimension_inherited = ""
        state.other_dimension = None
        state.dimension_as = None
        state.dimension_goal = None
        if mode == "dimension":
            state.dimension = dimension_of(_SECTION_NUMBER.sub("", text))
            if state.dimension is not None and state.chapter != "skip":
                walk.draft.dimension_headings.add(state.dimension)
            misspelt = misspelt_dimension(_SECTION_NUMBER.sub("", text)) if state.dimension is None else None
            if misspelt is not None:  # "Smart Environtment": read as the dimension, doubted (F204)
                state.dimension, state.dimension_as = misspelt
                if state.chapter != "skip":
                    walk.draft.dimension_headings.add(state.dimension)
            if state.dimension is None:  # "Smart Mobility": none of the six, said
                state.other_dimension = _other_dimension(text)
            state.mode = state.by_dimension or "program"
            if state.mode == "program" and walk.kind is PlanKind.MASTERPLAN:
                state.program_heading = (text, line)
            if state.by_dimension:  # the targets under it are listed as under their own heading
                level = _MODE_LEVEL[state.by_dimension]
                state.heading = (text, line, level, walk.added.get(level, 0))
        elif mode == "program" and re.match(r"quick\s*wins?\b", _SECTION_NUMBER.sub("", text).strip(), re.I) \
                and state.dimension is not None:
            # "Quick Win" after "Dimensi Smart Environment": a list of its own, whose items may
            # name their own dimension; one that does not keeps the section's, doubted
            state.mode = mode
            state.dimension_inherited = clean(text)
        else:
            state.mode = mode
            if mode in ("vision", "mission", "goal", "target", "quoted", "skip"):
                state.dimension = None if walk.kind is PlanKind.RPJMD else state.dimension
        if mode == "vision" and ":" in text:
            rest = text.split(":", 1)[1].strip()
            if rest:
                state.vision_lines, state.vision_line = [rest], line
        return
    label, number, rest = numbering(text)
    bare = _SECTION_NUMBER.sub("", text)
    if label is None and bare != text:
        # a section number in front of a labelled item ("4.1.1 Program Unggulan: Sekolah Digital")
        b_label, b_number, b_rest = numbering(bare)
        if b_label in ("mission", "goal", "target", "program") and b_rest:
            label, number, rest = b_label, b_number, b_rest
    if text.lower().startswith(("tabel", "table", "gambar", "sumber:")):
        _walk_lines_close(walk, state, file)
        return
    if label is not None and label in ("vision", "mission", "goal", "target", "program"):
        if state.mode == "quoted":
            return
        _walk_lines_close(walk, state, file)
        level = _MODE_LEVEL[label]
        if level is Level.VISION:
            state.vision_lines, state.vision_line = ([rest] if rest else []), line
            state.mode = "vision"
            return
        state.list_style = "number"
        _open(walk, state, level, number, rest, line)
        state.open_style = "label"
        if level is Level.MISSION and number is None:
            state.mode, state.list_style = "mission", "inline"  # "Misi: A; B; C": a list, when closed
        return
    if state.mode == "vision":
        if state.vision_lines and _MISSIONS_AFTER_VISION.search(" ".join(state.vision_lines)) and (
                line.para is False or (line.para is None and (text[:1].islower() or _INLINE_NUMBER.match(text)))):
            # "... diwujudkan melalui misi: (1) ...;" wrapped: its list goes on to the paragraph's end
            state.vision_lines.append(text)
            if text.rstrip().endswith("."):
                _walk_lines_close(walk, state, file)
                state.mode = "mission" if state.combined else None
            return
        if state.vision_lines and _vision_ended(state, line, text):
            # "Maros yang Maju dan Sejahtera" with no quote or full stop, then "Makna visi tersebut
            # adalah ...": the vision is its own paragraph, the explanation no part of it
            _walk_lines_close(walk, state, file)
            state.mode = "mission" if state.combined else None
            if state.combined:
                _walk_line(walk, state, line, file)
            return
        if state.vision_line is None:
            state.vision_line = line
        if number is not None and state.vision_lines:
            _walk_lines_close(walk, state, file)
            state.mode = None
            if state.combined:  # "Visi dan Misi": the numbered list after the vision is the missions
                state.mode = "mission"
                state.list_style = "number"
                _open(walk, state, Level.MISSION, number, rest, line)
                state.open_style = _number_style(text)
            return
        state.vision_lines.append(text)
        if text.rstrip().endswith((".", "”", "\"")) or len(" ".join(state.vision_lines)) > 400:
            _walk_lines_close(walk, state, file)
            state.mode = "mission" if state.combined else None
        return
    if state.mode == "mission" and state.combined_chapter and state.list_style is None and label is None \
            and number is None and not _BULLET.match(text) and not _INTRO_MISSIONS.search(text):
        # under "BAB V VISI, MISI, TUJUAN DAN SASARAN" the numbered list after the vision is the
        # missions; a line that is no item of one ("Pohon Kinerja ...") ends it
        state.mode = None
    if state.mode in ("mission", "goal", "target", "program"):
        level = _MODE_LEVEL[state.mode]
        bullet = _BULLET.match(text)
        if level is Level.GOAL and state.by_dimension == "goal" and state.targets_too and \
                _RESULT.match(text[bullet.end():] if bullet else rest):
            level = Level.TARGET
        style = _number_style(text) if label is None else None
        if style == "lroman" and state.open_style == "alpha" and state.open is not None and \
                (state.open.number or "").isdigit() and number == str(int(state.open.number or 0) + 1):
            style = "alpha"  # "i." after "h.": the next letter
        if state.open is not None and level is not Level.PROGRAM and (
                (state.list_style == "number" and (bullet or _below(style, state.open_style)))
                or (state.list_style == "bullet" and bullet and text[:1] != state.bullet_char)):
            # a bullet or a lettered point under a numbered item ("- Reformasi birokrasi", "a) ..."),
            # or a bullet of another kind under a bulleted one: a sub-point of that item
            state.subs.append(text[bullet.end():].strip() if bullet else _NUMBERED.sub("", text, 1).strip())
            return
        if bullet and label is None and number is None and state.list_style != "number":
            # a list typed with bullets ("• ...", "- ..."): its items in order (missions numbered so)
            _walk_lines_close(walk, state, file)
            state.list_style = "bullet"
            state.bullet_char = state.bullet_char or text[:1]
            state.bullets += 1
            _open(walk, state, level, str(state.bullets) if level is Level.MISSION else None,
                  text[bullet.end():].strip(), line)
            return
        outline = _OUTLINE_ITEM.match(text) if number is None and label is None and level in (
            Level.GOAL, Level.TARGET) else None
        if outline is not None:  # "1.1 Meningkatnya ..." under a goal or target heading: numbered so
            number, rest, style = outline.group(1), outline.group(2), "digit"
        section = _OUTLINE_ITEM.match(text) if number is None and label is None and level is Level.PROGRAM \
            and state.program_heading is not None and state.list_style in (None, "section") else None
        if section is not None and section.group(2)[:1].isupper():
            # "4.1 Smart Governance" / "4.1.1 Aplikasi pengaduan terpadu": programs numbered by their
            # section (newuser F215); the section's number is no id of the plan's
            _walk_lines_close(walk, state, file)
            state.list_style = "section"
            _open(walk, state, level, None, section.group(2), line)
            return
        ordinal = _ORDINAL_ITEM.match(text) if number is None and label is None else None
        if ordinal is not None:  # "Pertama, mewujudkan ...", "Kesatu: ..."
            number, rest, style = str(_ORDINALS[ordinal.group(1).casefold()]), ordinal.group(2), "label"
            rest = rest[:1].upper() + rest[1:]
        if style == "lroman":  # "i)", "ii)", "iv.": numbered in lower-case roman figures
            found = _NUMBERED.match(text)
            assert found is not None
            number, rest = str(_roman(found.group("lroman").upper())), text[found.end():].strip()
        if number is not None and label is None:
            _walk_lines_close(walk, state, file)
            state.list_style = "number"
            if level is Level.GOAL and number.count(".") == 2 and state.heading is not None and \
                    re.search(r"\bsasaran\b", state.heading[0], re.I):
                level = Level.TARGET  # "1.1.1 Meningkatnya ..." under "5.3 Tujuan dan Sasaran": a target
            _open(walk, state, level, number, rest, line)
            state.open_style = style
            return
        if level is Level.MISSION and label is None and state.list_style in (None, "plain"):
            _plain_line(walk, state, line, text, file)
            return
        if level is Level.PROGRAM and label is None and state.program_heading is not None and \
                state.list_style in (None, "plain") and not bullet and (
                    state.open is None or state.list_style == "plain") and _plain_program(text):
            # "Smart Governance" / "Aplikasi pengaduan terpadu": a line with no number or bullet
            # under a dimension heading is a program, doubted (newuser F208)
            if state.open is not None and text[:1].islower():
                state.open_text.append(text)  # the name goes on
                return
            _walk_lines_close(walk, state, file)
            state.list_style = "plain"
            _open(walk, state, level, None, text, line)
            assert state.open is not None
            state.open.doubt(_t("draft.reason.plain-program", walk.lang,
                                heading=clean(state.program_heading[0])[:60]), 0.2)
            return
        if level is Level.PROGRAM and label is None and _program_line(text):
            # "Program Satu Data Maros" under a dimension heading: a program (its own line)
            _walk_lines_close(walk, state, file)
            _open(walk, state, level, None, text, line)
            return
        if state.open is not None and state.list_style == "inline" and not _prose(text) and (
                not file.lower().endswith(".docx") or state.open_text[-1].rstrip().endswith((";", ","))):
            state.open_text.append(text)  # "Misi: A; B;" wrapped: the list goes on
            return
        if state.open is not None:
            previous = " ".join(state.subs[-1:] or state.open_text)
            assert state.open_line is not None
            if state.open_line.bold and not line.bold:
                # a bold item ("4.1.1 Program Unggulan: ...") and the plain paragraph describing it
                _walk_lines_close(walk, state, file)
                _missed(state, text)
                return
            new_sentence = _OPENER.match(text) is not None or (
                len(text) > 150 and text.rstrip().endswith(".")) or (
                file.lower().endswith(".docx") and not text[:1].islower())
            if text[:1].islower() or (not previous.rstrip().endswith((".", ";", ":")) and not new_sentence):
                if state.subs:
                    state.subs[-1] = f"{state.subs[-1]} {text}"
                else:
                    state.open_text.append(text)
                return
        else:
            state.unread += 1  # a line under the heading read as no element: said if none is
        if level is Level.PROGRAM and state.program_heading is not None and not _prose(text):
            state.program_unread += 1
        _walk_lines_close(walk, state, file)
        _missed(state, text)
        return
    _walk_lines_close(walk, state, file)
    if state.mode is None and state.chapter == "program" and label is None and number is None and _program_line(text):
        # "Program Pengelolaan Aplikasi Informatika" on its own line in the program chapter
        state.mode, state.list_style = "program", None
        _open(walk, state, Level.PROGRAM, None, text, line)
    elif state.mode is None and state.chapter == "vmts" and label is None:
        # a numbered statement in the chapter of the vision, missions, goals and targets under no
        # heading of a level, and in no cascade read ("1.1 Meningkatkan ...", "2. Mewujudkan ..."):
        # read as nothing, said (newuser F187), never lost silently
        outline = _OUTLINE_ITEM.match(text)
        stated = outline.group(2) if outline is not None and number is None else rest if number else None
        if stated and (_STATEMENT.match(stated) or _PROGRAM_LINE.match(stated)):
            state.numbered_unread.append(line)


_LEVEL_MODE = {level: mode for mode, level in _MODE_LEVEL.items()}


def _cascade_line(walk: _Walk, state: _TextState, entry: CascadeLine, line: Line, file: str) -> bool:
    """A line of a numbered cascade ("1." / "1.1" / "1.1.1" / "1.1.1.1", newuser F187): drafted
    at the level of its number's depth, under the element its number names. The cascade is read
    so when it stands in the plan's chapters (vision to targets, programs) or names its levels
    itself; False when it is not (the line is left to the other readings)."""
    cascade = entry.cascade
    if cascade.accepted is None:
        cascade.accepted = state.chapter in ("vmts", "program") or cascade.named
        if cascade.accepted:
            _cascade_said(walk, cascade, file)
    if not cascade.accepted:
        return False
    _walk_lines_close(walk, state, file)
    level = entry.level
    if level not in _CASCADE_LEVELS:
        # a strategy or policy (never drafted), an activity (part of its program), or a depth the
        # draft cannot tell (said when the cascade was met): read as no element
        if level is Level.ACTIVITY:
            walk.draft.activities += 1
        state.mode = None
        return True
    assert level is not None
    state.mode, state.list_style = _LEVEL_MODE[level], "number"
    _open(walk, state, level, entry.number, entry.rest, line)
    state.open_style = "digit"
    item = state.open
    assert item is not None
    item.cascade = True
    if entry.parent is not None:
        item.parents = [(entry.parent[0], "#" + entry.parent[1])]
    if entry.depth in cascade.assumed:
        item.doubt(_t("draft.reason.cascade-level", walk.lang, number=entry.number,
                      level=messages.stage_name(level.value, walk.lang)), 0.2)
    return True


def _cascade_said(walk: _Walk, cascade: Cascade, file: str) -> None:
    """A cascade whose depths the draft had to assume, or holding depths it cannot tell, is said
    in a check line: how it was read, where."""
    if not cascade.assumed and not cascade.unknown:
        return
    line = cascade.heading_line or cascade.first
    place = where(_provenance(file, line.page, line.printed_page, line.text), walk.lang)
    plan = _t("plan." + walk.kind.value, walk.lang)
    heading = cascade.heading or clean(cascade.first.text)[:60]
    reading = ", ".join(
        _t("draft.check.cascade-depth", walk.lang, number=".".join(["1"] * depth) + ("." if depth == 1 else ""),
           level=messages.stage_name(level.value, walk.lang) if level is not None
           else _t("draft.check.cascade-none", walk.lang))
        for depth, level in sorted(cascade.levels.items()))
    unknown = _t("draft.check.cascade-unknown", walk.lang, count=cascade.unknown) if cascade.unknown else ""
    walk.draft.checks.append(_t("draft.check.cascade", walk.lang, plan=plan, heading=heading, where=place,
                                reading=reading, unknown=unknown))


def _plain_program(text: str) -> bool:
    """Whether a line with no number or bullet under a dimension heading names a program
    ("Aplikasi pengaduan terpadu"): short, no sentence, no lead-in, no caption."""
    return len(text.split()) <= 15 and not _prose(text) and not _SENTENCE_WORDS.search(text.casefold()) \
        and not text.rstrip().endswith((".", ":", ";")) and text[:1].isupper() and \
        not re.match(r"(tabel|table|gambar|sumber|catatan|keterangan)\b", text, re.I)


def _program_line(text: str) -> bool:
    """Whether a line names a program by itself ("Program Satu Data Maros"): it begins with
    "Program", and is short and no sentence."""
    return _PROGRAM_LINE.match(text) is not None and len(text.split()) <= 20 and \
        not _SENTENCE_WORDS.search(text.casefold()) and not text.rstrip().endswith((".", ":")) and \
        not _program_heading(text.casefold())


def _vision_ended(state: _TextState, line: Line, text: str) -> bool:
    """Whether the vision read so far ended before this line: a new paragraph (a Word paragraph,
    a PDF line set apart by a gap) or a sentence about it, and no quotation left open."""
    joined = " ".join(state.vision_lines)
    if joined.count("“") > joined.count("”") or joined.count('"') % 2 == 1 or _prose(joined):
        return False  # a quotation open, or a sentence leading into the vision ("Dengan ... adalah:")
    return line.para is True or (_prose(text) and not text[:1].islower())


def _label_alone(text: str) -> tuple[Level, str] | None:
    """A mission, goal or target label alone on its line ("Misi 1", "Misi ke-2", "Misi Pertama",
    "Tujuan 1.1"), with its number; None for any other line."""
    bare = text.strip().rstrip(":").strip()
    if len(bare.split()) > 3 or not re.match(r"(misi|tujuan|sasaran)\b", bare, re.I):
        return None
    label, number, rest = numbering(bare + ": x")
    if label not in ("mission", "goal", "target") or number is None or rest != "x":
        return None
    return _LEVEL_OF[label], number


def _list_start(state: _TextState) -> None:
    """A new list begins (after a heading or a lead-in sentence)."""
    state.list_style, state.bullets, state.bullet_char, state.open_style = None, 0, None, None
    state.plain, state.plain_prose = 0, False
    state.missed = state.missed_inside = 0


_NUMBERED = re.compile(r"^\(?(?:(?P<digit>\d{1,2}(?:\.\d{1,2})*)|(?P<roman>[IVX]{1,5})|"
                       r"(?P<lroman>i{1,3}|iv|vi{0,3}|ix|x)|(?P<alpha>[a-z]))"
                       # "1.Mewujudkan", "1 . ...", "1- ...": a number typed without its space or with a dash
                       r"(?:[.)]\s+|(?<=\d)\s[.)]\s+|(?<=\d)\.(?=[A-Z])|(?<=\d)\s?[-–]\s+(?=[A-Za-z]))")
#: how a list item is numbered, from the outermost style to the innermost: "1." over "a)" over "i)"
_STYLES = ("label", "roman", "digit", "alpha", "lroman")


def _number_style(text: str) -> str | None:
    """The numbering style of a list item: "digit" (1., 2)), "roman" (I., II.), "alpha" (a., b)),
    "lroman" (i., ii), iv)); None for a line not numbered so."""
    found = _NUMBERED.match(text)
    if found is None:
        return None
    return next(name for name in ("digit", "roman", "lroman", "alpha") if found.group(name))


def _below(style: str | None, open_style: str | None) -> bool:
    """Whether an item numbered in ``style`` is a sub-point of one numbered in ``open_style``
    ("a)" under "1.", "i)" under "a."); "i." after "h." is the next letter, read as a letter."""
    if style is None or open_style is None or style == open_style:
        return False
    if style == "lroman" and open_style == "alpha":
        return True
    if style == "lroman":
        style = "alpha"  # "i)" under "1." is a point of it all the same
    return style in _STYLES and open_style in _STYLES and _STYLES.index(style) > _STYLES.index(open_style)


#: a paragraph that explains rather than states: a sentence ("Misi ini dimaksudkan untuk ...",
#: "Dalam mewujudkan misi tersebut, ...") or a lead-in ending with a colon
_PROSE_WORDS = re.compile(r"\b(adalah|merupakan|ialah|yaitu|tersebut|sebagai berikut|berikut ini|bertujuan|"
                          r"dimaksudkan|diharapkan|ini|itu)\b", re.I)
#: a paragraph beginning as a statement of a plan does (a verb: Mewujudkan, Meningkatkan,
#: Membangun, Mengembangkan, Menciptakan ...; a noun of one: Peningkatan, Pengembangan ...)
_STATEMENT = re.compile(r"^(me[mnr]?g?y?[a-z]{3,}|pe[mnr]?g?y?[a-z]{3,}an|ber[a-z]{3,}|ter[a-z]{3,})\b", re.I)


def _prose(text: str) -> bool:
    """Whether a line under a mission heading reads as prose around the missions, not one."""
    words = len(text.split())
    return (_OPENER.match(text) is not None or _PROSE_WORDS.search(text) is not None
            or text.rstrip().endswith(":") or words > 45 or (words > 25 and text.rstrip().endswith(".")))


def _missed(state: _TextState, text: str) -> None:
    """A line under a mission heading read as nothing: counted when it could be a mission."""
    if state.heading is not None and state.heading[2] is Level.MISSION and not _prose(text):
        state.missed += 1


def _plain_line(walk: _Walk, state: _TextState, line: Line, text: str, file: str) -> None:
    """A line with no number or bullet under a mission heading: each paragraph is a mission (in
    order, M1, M2 ...), to the next heading. Prose between them (a sentence, a lead-in) is no
    mission. Where the layout leaves it open whether a line begins a mission or goes on with the
    one above (a PDF line not set apart by a gap, a Word paragraph beginning in lower case), the
    missions concerned are doubted, with the reason."""
    state.spaced = state.spaced or line.para is True
    if _prose(text) and not (state.open is not None and text[:1].islower()):
        _walk_lines_close(walk, state, file)
        state.unread += 1
        if state.plain:  # prose among the missions read: said when a mission follows it
            state.plain_prose = True
            state.missed += 1
        return
    ambiguous = False
    if state.open is not None:
        previous = " ".join(state.open_text).rstrip()
        ends = previous.endswith((".", ";"))
        if text[:1].islower():
            goes_on, ambiguous = True, line.para is True or ends
        elif line.para is False and state.spaced:
            # set at the text's own spacing where the document sets paragraphs apart by a gap
            goes_on, ambiguous = not ends, ends
        elif line.para is True:
            goes_on = False
        elif ends:
            goes_on = False
        else:
            goes_on, ambiguous = _STATEMENT.match(text) is None, True
        if goes_on:
            state.open_text.append(text)
            if ambiguous:
                state.open.doubt(_plain_reason(walk, state), 0.2)
            return
        if ambiguous:
            state.open.doubt(_plain_reason(walk, state), 0.2)
    _walk_lines_close(walk, state, file)
    if not ambiguous and _inline_items(text, statements=True) is not None:
        # one paragraph listing the missions, "Mewujudkan ...; meningkatkan ...; dan membangun ..."
        _inline_missions(walk, state, text, line, file)
        return
    state.list_style = "plain"
    state.plain += 1
    state.bullets += 1
    _open(walk, state, Level.MISSION, str(state.bullets), text, line)
    assert state.open is not None
    if ambiguous or state.plain_prose or not text[:1].isupper() or len(text.split()) > 30:
        state.open.doubt(_plain_reason(walk, state), 0.2)


#: the missions written on in the vision's paragraph: "Visi: X. Misi: (1) ...", "“X” dengan misi: ..."
_MISSIONS_AFTER_VISION = re.compile(r"[.,;]?\s*(?:\b(?:dengan|dan|serta)\s+)?\bmisi(?:nya)?\b[^:“”\"]{0,60}:\s*", re.I)
#: a number in front of an item of a list written on one line: "(1) ...; (2) ...", "1) ..., 2) ..."
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s;,.:]))\(?(\d{1,2})[.)]\s+")


def _inline_items(text: str, *, statements: bool = False) -> tuple[list[str], bool] | None:
    """The items of a list written in one line or paragraph, and whether the list is plain: "(1)
    A; (2) B; (3) C" numbered from 1 (plain), or "A; B; dan C" of two parts or more, each a few
    words (plain when each begins as a statement does, "Mewujudkan ...", "meningkatkan ...").
    ``statements``: only a list whose parts all begin so. None for a line that lists nothing."""
    text = clean(text).strip()
    marks = list(_INLINE_NUMBER.finditer(text))
    if len(marks) >= 2 and marks[0].start() == 0 and [int(m.group(1)) for m in marks] == list(range(1, len(marks) + 1)):
        ends = [m.start() for m in marks[1:]] + [len(text)]
        items = [_list_part(text[m.end():end]) for m, end in zip(marks, ends)]
        if all(len(item.split()) >= 2 for item in items):
            return items, True
    parts = [_list_part(part) for part in text.split(";")]
    parts = [part for part in parts if part]
    if len(parts) < 2 or any(len(part.split()) < 2 for part in parts):
        return None
    plain = all(_STATEMENT.match(part) for part in parts)
    if statements and not plain:
        return None
    return parts, plain


def _list_part(text: str) -> str:
    """An item of a list written on one line, without its joining words and end marks."""
    text = re.sub(r"^(?:dan|serta)\s+", "", text.strip(" ;,."), flags=re.I)
    text = re.sub(r"[;,]?\s+(?:dan|serta)$", "", text, flags=re.I).strip(" ;,.")
    return text[:1].upper() + text[1:]


def _inline_missions(walk: _Walk, state: _TextState, text: str, line: Line | None, file: str) -> bool:
    """The missions of a list written on one line ("Misi: A; B; C"), each drafted in order (M1,
    M2 ...), doubted where the list is not plain; False when the text lists nothing."""
    found = _inline_items(text)
    if found is None or line is None:
        return False
    items, plain = found
    for item in items:
        state.bullets += 1
        _open(walk, state, Level.MISSION, str(state.bullets), item, line)
        assert state.open is not None
        if not plain:
            state.open.doubt(_t("draft.reason.inline", walk.lang), 0.2)
        _walk_lines_close(walk, state, file)
    return True


def _plain_reason(walk: _Walk, state: _TextState) -> str:
    heading = clean(state.heading[0])[:60] if state.heading is not None else "Misi"
    return _t("draft.reason.plain", walk.lang, heading=heading)


_ORDINAL_ITEM = re.compile(r"^(" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")\s*[,:.]\s+(\S.*)$", re.I)
#: a goal or target numbered by its mission (and goal): "1.1 Meningkatnya ...", "2.1.1 Menurunnya ..."
_OUTLINE_ITEM = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})(?:\.?\s+|\.(?=[A-Z]))(\S.*)$")
#: a statement worded as a result, as targets are: "Meningkatnya ...", "Terwujudnya ...", "Tersedianya ..."
_RESULT = re.compile(r"^(?:me|ter|ber)[a-z]{2,}nya\b", re.I)
#: a line naming a program by itself: "Program Satu Data Maros"
_PROGRAM_LINE = re.compile(r"^program\s+\w", re.I)
class _Bullet:
    """A bullet typed in front of a list item, told by its Unicode category rather than a list
    of characters (newuser F208): a symbol ("➢", "✓", "►", "❖", "■"; So), a dash ("- ", "– ";
    Pd), an operator-like mark ("∙", "→", "> "; Sm), a private-use character (the Symbol and
    Wingdings bullets U+F0A7, U+F0D8, U+F076, U+F0FC as Word and PDFs give them when copied; Co),
    a punctuation mark named a bullet ("•", "‣") or "·", "*", "§", "¶"; and the letters Word's
    bullets become when their font is lost ("o " for its second-level bullet, "Ø", "ü", "v")
    before a capital. ``match`` gives the bullet and the spaces after it, or None."""

    _FONT_LOST = "oØüv"
    _NOT_BULLETS = "<=|~^¬±×÷"

    @classmethod
    def match(cls, text: str) -> "re.Match[str] | None":
        if len(text) < 2:
            return None
        c = text[0]
        if c in cls._FONT_LOST:
            return re.match(rf"^{re.escape(c)}\s+(?=[A-Z])", text)
        category = unicodedata.category(c)
        if not (category in ("So", "Pd", "Co") or (category == "Sm" and c not in cls._NOT_BULLETS)
                or (category == "Po" and ("BULLET" in unicodedata.name(c, "") or c in "·*§¶"))):
            return None
        # a symbol of its own may stand right before the word; an ASCII mark needs its space
        return re.match(rf"^{re.escape(c)}\s{{{1 if c.isascii() else 0},}}(?=\S)", text)


#: a bullet typed in front of a list item ("• ", "- ", "* ", "– ", "➢ ", "\uf0d8 ", "o ")
_BULLET = _Bullet()


def _vision_done(walk: _Walk, state: _TextState, file: str) -> None:
    """At the next heading, chapter or document end: a heading or chapter title over the vision
    with lines under it of which no vision was read is said (a vision written in a way the draft
    does not read, never a clean draft without one)."""
    heading, under, state.vision_heading, state.vision_lines_under = state.vision_heading, \
        state.vision_lines_under, None, 0
    if heading is None or under <= 0 or walk.added.get(Level.VISION, 0) > heading[3]:
        return
    text, line = heading[0], heading[1]
    place = where(_provenance(file, line.page, line.printed_page, text), walk.lang)
    walk.draft.checks.append(_t("draft.check.no-vision", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
                                heading=clean(text)[:60], where=place))


def _numbered_done(walk: _Walk, state: _TextState, file: str) -> None:
    """At the next chapter or the document's end: numbered statements of the vision-to-targets
    chapter read as no element (under no heading of a level, in no cascade read) are said."""
    lines, state.numbered_unread = state.numbered_unread, []
    if not lines:
        return
    first = lines[0]
    chapter = clean(state.chapter_line.text)[:60] if state.chapter_line is not None else clean(first.text)[:60]
    walk.draft.checks.append(_t("draft.check.numbered-unread", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
                                count=len(lines), chapter=chapter,
                                where=where(_provenance(file, first.page, first.printed_page, first.text), walk.lang)))


def _heading_done(walk: _Walk, state: _TextState, file: str) -> None:
    """At the next heading or chapter: a heading of missions, goals or targets with lines under
    it of which no element was read is said (a list written in a way the draft does not read);
    so are the lines under a dimension heading read as no program."""
    program_heading, program_unread, state.program_heading, state.program_unread = \
        state.program_heading, state.program_unread, None, 0
    if program_heading is not None and program_unread:
        text, line = program_heading
        place = where(_provenance(file, line.page, line.printed_page, text), walk.lang)
        walk.draft.checks.append(_t("draft.check.unread", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
                                    count=program_unread, heading=clean(text)[:60], where=place,
                                    level=messages.stage_name(Level.PROGRAM.value, walk.lang)))
    heading, unread, state.heading, state.unread = state.heading, state.unread, None, 0
    inside, state.missed, state.missed_inside = state.missed_inside, 0, 0
    if heading is None:
        return
    text, line, level, before = heading
    if walk.added.get(level, 0) > before:
        # missions read: lines among them that could be missions and were not are said
        unread = inside
    if not unread:
        return
    place = where(_provenance(file, line.page, line.printed_page, text), walk.lang)
    walk.draft.checks.append(_t("draft.check.unread", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
                                count=unread, heading=clean(text)[:60], where=place,
                                level=messages.stage_name(level.value, walk.lang)))


def _open(walk: _Walk, state: _TextState, level: Level, number: str | None, rest: str, line: Line) -> None:
    item = _Item(level, rest, number=number, dimension=state.dimension if (
        level is Level.PROGRAM or (state.by_dimension and level is _MODE_LEVEL[state.by_dimension])
        or (state.by_dimension == "goal" and state.targets_too and level is Level.TARGET)) else None)
    if level is Level.PROGRAM and item.dimension is None:
        item.other_dimension = state.other_dimension
    if item.dimension is not None and state.dimension_as:
        item.doubt(_t("draft.reason.dimension-misspelt", walk.lang, written=state.dimension_as,
                      dimension=_t("dimension." + item.dimension.value, walk.lang)), 0.2)
    item.context_parent = walk.context_for(level)
    if state.by_dimension == "goal" and state.targets_too and level in (Level.GOAL, Level.TARGET):
        # goals and targets listed per dimension: a target's goal is one of its own dimension's
        if level is Level.GOAL:
            state.dimension_goal = item
        else:
            item.context_parent = state.dimension_goal.key() if state.dimension_goal is not None \
                else walk.context_for(Level.GOAL)
    above = walk.index.get(item.context_parent) if item.context_parent is not None else None
    heading = state.heading[2] if state.heading is not None else None
    if above is not None and above.listed and heading is not None and heading is not above.level and \
            walk.distinct.get(above.level, 0) > 1:
        # "4.3 Sasaran" / "1. ..." after the list under "4.2 Misi": the last mission of that list
        # is no parent of it (said not placed, unless its number places it)
        item.context_parent = None
    item.listed = heading is level
    previous = state.last_number.get(level)
    if number and previous and number.count(".") == previous.count("."):
        head, _, tail = number.rpartition(".")
        p_head, _, p_tail = previous.rpartition(".")
        restart = level in state.new_list and (int(tail) == 1 if tail.isdigit() else False)
        if tail.isdigit() and p_tail.isdigit() and head == p_head and int(tail) != int(p_tail) + 1 \
                and not restart:
            # a gap or a repeat; a list starting again at 1 after a heading is a new list
            item.doubt(_t("draft.reason.numbering", walk.lang, number=number, previous=previous), 0.2)
    elif level is Level.MISSION and number and number.isdigit() and int(number) > 1 and previous is None:
        # "2." as the first mission read: mission 1 was lost (two columns read across?)
        item.doubt(_t("draft.reason.list-start", walk.lang, number=number), 0.3)
    if number:
        state.last_number[level] = number
        state.new_list.discard(level)
    state.open, state.open_text, state.open_line, state.subs = item, [rest] if rest else [], line, []
    state.missed_inside += state.missed
    state.missed = 0


# --------------------------------------------------------------------------
# tables


@dataclass
class _Columns:
    roles: list[str]
    years: list[int | None]
    unit: int
    labels: list[str]
    #: where the money unit was read: "header", "caption", "note", "carried" (from the table
    #: continued), "inferred" (from the size of the figures), None (not found, read as rupiah)
    unit_source: str | None = None
    #: a masterplan's columns quoting the RPJMD ("Program RPJMD", its "Kode", "Pagu RPJMD"): left out
    quoted: list[str] = field(default_factory=list)
    #: a recap of the pagu per mission, goal or target (a column of the level and money columns,
    #: no program column): its rows name the plan's elements, never state new ones
    recap: bool = False
    #: the header of a column quoting a plan above the region's (the RPJPD, the RPJMN): the table
    #: is a crosswalk, read as a recap is
    crosswalk: str | None = None
    #: a masterplan's table pairing its elements with the RPJMD's ("Rencana Aksi | Program RPJMD
    #: Terkait", "Misi Smart City | Misi RPJMD"): the pairs its rows state (newuser F175)
    pairing: "Pairing | None" = None
    #: the column naming the RPJMD's element in such a table, and the column of the RPJMD's code
    #: ("Kode RPJMD", "Kode Program RPJMD"), read with the pair
    paired_column: int | None = None
    paired_code: int | None = None


def _label_rows(table: Table, rows: range) -> list[str]:
    """Each column's label: its header cells top to bottom, a cell merged across taking the text
    to its left (and, above a row of sub-headers, an empty cell the group label to its left)."""
    labels = [""] * table.width
    last = rows.stop - 1
    for r in rows:
        previous = ""
        merges = any(table.across[r])  # the row says which cells its labels are merged over
        for c in range(table.width):
            text = table.cells[r][c]
            if not text and previous and (table.across[r][c] or (
                    not merges and r < last and any(table.cells[k][c] for k in range(r + 1, rows.stop))
                    and not any(table.cells[k][c] for k in range(rows.start, r)))):
                text = previous
            previous = text
            if text and not labels[c].endswith(text):
                labels[c] = f"{labels[c]} {text}".strip()
    return labels


def _tick_dimension(label: str) -> Dimension | None:
    """The dimension heading a column of a matrix of programs by dimension: "Smart Governance", also
    when a narrow column cut its word ("SMART ENVIR ONMENT" in a PDF's header cell)."""
    found = dimension_of(label)
    if found is None and len(label.split()) > 2:
        found = dimension_of(re.sub(r"\s+", "", label))
    return found


def _role(label: str) -> str | None:
    low = label.casefold().replace("_", " ")
    numbers = re.search(r"\b(?:kode|no\.?|nomor)\s*(misi|tujuan|sasaran)\b", low)
    if numbers and "program" not in low:
        # "Kode Sasaran": the number of the row's target (1.2.1), not a program's code
        return {"misi": "mission", "tujuan": "goal", "sasaran": "target"}[numbers.group(1)]
    if re.search(r"\bkode\s*(urusan|bidang)", low) and "program" not in low:
        return "code_part"  # kode_urusan, kode_bidang: parts of a program's code, not the code
    if re.search(r"\bkode\s*(sub\s*kegiatan|kegiatan|unit|organisasi|opd|skpd|sub\s*unit)", low):
        return "skip"
    if re.search(r"\b(sasaran|tujuan)\s+(dari\s+)?(program|kegiatan|sub\s*kegiatan)\b", low):
        # "Sasaran Program": the program's own outcome (newuser F153), an indicator of the
        # program's row, never a target (sasaran) of the plan
        return "indicator"
    if re.search(r"\b(jumlah|jml\.?|banyaknya|banyak)\s+(program|kegiatan|sasaran|tujuan|misi)", low) and \
            not _MONEY_WORDS.search(low):
        return "skip"  # "Jumlah Program": how many programs a row sums, never a program's name (F156)
    if len(low) <= 60 and not re.search(r"program|kegiatan|uraian|quick|inisiatif|rencana", low) and \
            _tick_dimension(label) is not None:
        # one of the six dimensions heading a column of ticks ("Smart Governance", under a
        # merged "Dimensi": a masterplan's matrix of programs by dimension; newuser F147)
        return "dimension_tick"
    for role, pattern in _ROLE_RES:
        if pattern.search(low):
            if role == "skip" and re.search(r"pagu|anggaran|\brp\b", low) and "realisasi" not in low:
                continue
            if role == "agency" and re.search(r"\bkondisi\b|\btarget\b|capaian", low[:pattern.search(low).start()]):
                # "Kondisi Kinerja pada akhir periode Renstra Perangkat Daerah": a condition of
                # the agencies' plans (its Target and Rp), never the agency (newuser F152)
                continue
            if role == "code" and re.search(r"\bkode\s*(\bdan\b|&|\+)\s*(nama\s+)?(program|uraian)", low):
                return "program"  # "Kode dan Program Prioritas": the code is written in front of the name
            return role
    if years_in(low):
        return "year"
    if _TOTAL.search(low):
        return "money"
    return None


def _is_header_row(cells: list[str]) -> bool:
    if any(_agency_group(c) for c in cells if c):
        return False  # "Perangkat Daerah: Dinas Kesehatan": a group row naming the programs' agency
    if any(label and number for label, number, _ in (numbering(c) for c in cells if c)) or \
            any(_BARE_REFERENCE.match(c) for c in cells if c):
        # a labelled, numbered statement ("Misi 3: ...", "S1.1.1 ...") or a reference by number
        # ("Sasaran 1.1.2", a group row naming its target) is a row of data
        return False
    if any(TOTAL_ROW.match(c) for c in cells if c) and \
            any(re.search(r"\d[.,]\d", c) for c in cells if c):
        return False  # a total row with its figure ("JUMLAH TOTAL" | "Rp 1.416"), not a header
    roles = [_role(c) for c in cells if c]
    named = [r for r in roles if r and r not in ("year", "no")]
    small = len(roles) <= 4 and "no" in roles and len(named) == 1 and all(roles) and \
        all(len(c) < 30 for c in cells if c)
    if len(named) < 2 and not small:
        return False
    return not any(_is_amount(money(c)) and len(re.sub(r"\D", "", c)) >= 4 and not years_in(c)
                   for c in cells if c)


def _is_number_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) >= 3 and all(re.fullmatch(r"\(?\d{1,2}\)?(\s*=\s*.*)?", c) for c in filled)


_MONEY_WORDS = re.compile(r"pagu|anggaran|\brp\b|dana|biaya|juta|rupiah|pendanaan|alokasi|budget|\bidr\b|\bcost"
                          r"|\bt\.?\s?a\.?\s*(?:19|20)\d\d\b")  # "TA 2025": tahun anggaran, the budget year
_TARGET_WORDS = re.compile(r"\btarget\b|capaian|kinerja|satuan")
#: a column of an indicator's value before the plan: never pagu, whatever the table's other words
_BASELINE = re.compile(r"kondisi\s+(kinerja\s+)?awal|\bbaseline\b|\btahun\s+0\b|\bth\.?\s*0\b")
#: a column of an indicator's values ("Kondisi Akhir 2026", "Target 2024", "Indikator 2023"): pagu
#: only when its own header says money (the table's money words elsewhere are not enough)
_CONDITION = re.compile(r"kondisi|\btarget\b|capaian|indikator|kinerja|satuan|baseline")


#: a masterplan's column quoting the RPJMD ("Program RPJMD", "Pagu RPJMD", "Kode Program RPJMD")
_OTHER_PLAN_COLUMN = re.compile(r"\brpjmd\b|jangka menengah")


def _columns(table: Table, header: range, caption: str, kind: PlanKind = PlanKind.RPJMD) -> _Columns:
    labels = _label_rows(table, header)
    everything = " ".join(labels).casefold()
    # a table of money: its header says so, or its caption states a money unit ("Kebutuhan
    # Pendanaan (dalam juta rupiah)" over bare years "2025 | 2026 ...")
    money_table = bool(_MONEY_WORDS.search(everything) or _stated_unit(caption)) \
        and not _TARGET_WORDS.search(everything)
    roles: list[str] = []
    years: list[int | None] = []
    for label in labels:
        low = label.casefold().replace("_", " ")
        if _SHARE.search(low):
            # "Proporsi Pagu (%)", "Persentase Anggaran": a share of the money, never money
            roles.append("skip")
            years.append(None)
            continue
        role = _role(label) or "skip"
        found = years_in(low)
        year = found[-1] if found else None
        index = None if found else _YEAR_INDEX.search(low)
        if "realisasi" in low:
            role = "skip"
        elif index is not None and role in ("money", "total", "skip") and (
                _MONEY_WORDS.search(low) or money_table) and not _TARGET_WORDS.search(low[index.end():]):
            # pagu_1 .. pagu_5, "Pagu Tahun ke-2": the plan's years by their place, not by number
            role, year = "year", int(index.group(1))
        elif year is not None and _MONEY_WORDS.search(low) and _YEAR_RANGE.search(low):
            # "Pagu Indikatif 2022-2026 (Rp)": the five years' total, never the pagu of 2026 (newuser F173)
            role = "total"
        elif year is not None and _BASELINE.search(low):
            # "Kondisi Awal 2020", "Baseline 2020": an indicator's value before the plan, never pagu
            role = "skip"
        elif year is not None and role in ("money", "target_value", "year", "skip", "no"):
            after = low.rsplit(str(year), 1)[1]
            if _MONEY_WORDS.search(after):
                role = "year"
            elif _TARGET_WORDS.search(after):
                role = "skip"
            elif _MONEY_WORDS.search(low) or (money_table and not _CONDITION.search(low)):
                role = "year" if not _TARGET_WORDS.search(low) or _MONEY_WORDS.search(low) else "skip"
            else:
                role = "skip"
        elif role in ("money", "target_value") or (_TOTAL.search(low) and role == "skip"):
            tail = low.split()[-1] if low.split() else ""
            if _TARGET_WORDS.search(tail) or (role == "target_value" and not _MONEY_WORDS.search(low)):
                role = "skip"
            elif _CONDITION.search(low) and not _MONEY_WORDS.search(low):
                role = "skip"  # "Kondisi Kinerja pada Akhir Periode" with no money word: an indicator's value
            elif _MONEY_WORDS.search(low) or _TOTAL.search(low):
                role = "total"
            else:
                role = "skip"
        roles.append(role)
        years.append(year if role == "year" else None)
    quoted: list[str] = []
    paired_code = None
    if kind is PlanKind.MASTERPLAN and any(_OTHER_PLAN_COLUMN.search(l.casefold()) for l in labels):
        # a masterplan's table of its alignment ("Program Smart City | Kode | Program RPJMD | Pagu
        # RPJMD"): the RPJMD's columns quote the other plan -- its programs, codes and pagu are
        # never the smart city programs' own
        # (a column of the RPJMD's statements beside the masterplan's own is left to _quoted_columns)
        first_other = min(c for c, l in enumerate(labels) if _OTHER_PLAN_COLUMN.search(l.casefold()))
        for c, label in enumerate(labels):
            low = label.casefold()
            if roles[c] in ("vision", "mission", "goal", "target", "program"):
                continue
            if roles[c] in ("year", "total") and c < first_other and not _OTHER_PLAN_COLUMN.search(low):
                # "Program | Anggaran (Rp juta) | Program RPJMD Terkait": money before the first
                # column naming the RPJMD, itself naming none, is the smart city programs' own
                # (newuser F155); money after it ("... | Program RPJMD | Pagu") quotes the RPJMD
                continue
            if _OTHER_PLAN_COLUMN.search(low) or (roles[c] in ("code", "code_part", "year", "total")
                                                   and not re.search(r"smart|masterplan|cerdas", low)):
                if roles[c] == "code" and (_OTHER_PLAN_COLUMN.search(low) or c > first_other):
                    paired_code = c  # "Program RPJMD | Kode RPJMD": the RPJMD program's code, read with the pair
                roles[c], years[c] = "skip", None
                quoted.append(label)
    money_labels = " ".join(l for l, r in zip(labels, roles) if r in ("year", "total"))
    unit, source = unit_of(money_labels), "header"
    if unit is None:
        unit, source = _stated_unit(caption), "caption"
    if unit is None and _RUPIAH.search(money_labels.casefold()):
        unit, source = 1, "header"  # "Pagu (Rp)": full rupiah, said so
    if unit is None and _RUPIAH.search(caption.casefold()) and not _UNIT_WORDS.search(caption.casefold()):
        unit, source = 1, "caption"
    for c, label in enumerate(labels):
        if re.fullmatch(r"(tahun|tahun anggaran|ta|thn)\.?", label.casefold().strip()) and "total" in roles:
            roles[c] = "row_year"  # a table in long form: one row per program and year
    # "Kode" merged over sub-columns "U | B | P" (urusan, bidang, program: 2 | 16 | 03): the parts of
    # one code, joined into 2.16.03 (the last the program's own part)
    c = 0
    while c < len(roles):
        end = c
        while end < len(roles) and roles[end] == "code":
            end += 1
        run = range(c, end)
        if len(run) >= 2 and (all(labels[k] == labels[c] for k in run) or all(
                len(labels[k].split()) >= 2 and len(labels[k].split()[-1]) <= 12
                and labels[k].split()[0] == labels[c].split()[0] for k in run)):
            for k in run[:-1]:
                roles[k] = "code_part"
        c = max(end, c + 1)
    # "Urusan | Bidang | Program | Nama Program" (a SIPD export, newuser F183): the urusan, the
    # bidang and the bare "Program" column hold the parts of the code (2 | 16 | 03), joined into
    # 2.16.03; the program's name is the column that says it is a name
    bare = [c for c, label in enumerate(labels) if roles[c] in ("skip", "program")
            and re.fullmatch(r"(?:kode\s+)?(?:urusan|bidang(?:\s+urusan)?|program)", label.casefold().strip())]
    named = [c for c, label in enumerate(labels) if roles[c] == "program" and c not in bare
             and re.search(r"\b(nama|uraian|nomenklatur)\b", label.casefold())]
    field_parts = [c for c in bare if not labels[c].casefold().strip().endswith("program")]
    if named and field_parts:
        for c in bare:
            roles[c] = "code" if labels[c].casefold().strip().endswith("program") else "code_part"
    programs = [c for c, role in enumerate(roles) if role == "program"]
    for c in programs:
        low = labels[c].casefold()
        if len(programs) > 1 and re.search(r"\bkegiatan\b", low) and not re.search(r"\bprogram\b", low):
            roles[c] = "activity"  # "Program | Kegiatan": the activities of each program, no programs
    return _Columns(roles, years, unit or 1, labels, source if unit else None, quoted, paired_code=paired_code)


#: how a caption or a note states a money unit: "(dalam juta rupiah)", "Satuan: ribu rupiah", "Rp juta",
#: "x Rp 1.000" -- not a sum named in a sentence ("anggaran sebesar Rp 5 miliar")
_UNIT_STATEMENT = re.compile(r"\(\s*(dalam\s+)?(rp\.?\s*)?(juta|ribu|miliar|milyar|000)|\bdalam\s+(satuan\s+)?(rp\.?\s*)?"
                             r"(juta|ribu|ribuan|jutaan|miliar|milyar|rupiah)|\bsatuan\b|\brp\.?\s*(juta|ribu|miliar|milyar|000)\b"
                             r"|\bx\s*(rp\.?\s*)?1\.000"
                             # English: "(in billion IDR)", "(IDR million)", "in millions of rupiah"
                             r"|\(\s*(in\s+)?(idr|rp\.?)?\s*(millions?|billions?|thousands?)\b"
                             r"|\bin\s+(idr\s+|rp\.?\s*)?(millions?|billions?|thousands?)\b"
                             r"|\b(idr|rp\.?)\s*(millions?|billions?|thousands?)\b", re.I)


#: the header of a column of shares ("Proporsi Pagu (%)", "Persentase", "Porsi Anggaran")
_SHARE = re.compile(r"%|\bproporsi\b|\bpersen(tase)?\b|\bprosentase\b|\bporsi\b")


def _stated_unit(text: str) -> int | None:
    """The money unit a caption or a note states, or None (also for a sum named in a sentence)."""
    if not text or not _UNIT_STATEMENT.search(text):
        return None
    found = unit_of(text)
    low = text.casefold()
    if found is None and _RUPIAH.search(low) and not _UNIT_WORDS.search(low):
        return 1  # "satuan: Rp", "Satuan: rupiah": full rupiah, said so
    return found


#: a header cell naming a plan year by its place: "Tahun-1" (the Permendagri 86/2017 template),
#: "Tahun ke-2", "Th. 3"
_YEAR_PLACE = re.compile(r"\s*(?:tahun|th\.?|thn)\s*[.\-]?\s*(?:ke\s*-?\s*)?[1-9]\s*", re.I)
_YEAR_INDEX = re.compile(r"(?:tahun|th\.?|thn|pagu|anggaran|dana|rp|biaya)\s*[.\-]?\s*(?:ke\s*-?\s*)?([1-9])(?![\d.,])")
#: a range of years in a header ("2022-2026", "2022 s.d. 2026", "2022 sampai 2026")
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|s\.?\s*/?\s*d\.?|sampai|hingga|to)\s*(?:19|20)\d\d")
_RUPIAH = re.compile(r"\brp\b\.?|rupiah|\bidr\b")
_UNIT_WORDS = re.compile(r"juta|ribu|miliar|milyar|000|million|billion|thousand")


@dataclass
class _TableState:
    columns: _Columns | None = None
    values: dict[str, str] = field(default_factory=dict)
    groups: dict[Level, _Item] = field(default_factory=dict)
    dimension: Dimension | None = None
    width: int = 0
    #: the program rows of the table (and its continued pages) with the rupiah each row holds,
    #: and the positions after each total row: what a JUMLAH row is checked against
    money_rows: list[tuple["_Item", int]] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)
    #: the urusan (1) and bidang (2) codes of the rows above: a program coded "03" under "2.16"
    code_prefix: dict[int, str] = field(default_factory=dict)
    #: the last program row of the table, and whether its row named an activity (kegiatan) too:
    #: the rows of its other activities below add their pagu to it
    program: "_Item | None" = None
    program_activity: bool = False
    program_added: bool = False
    #: the number of the table's own caption ("7.1"): a table under another number is a new table
    caption: str | None = None
    #: the one dimension a masterplan table's caption, titles or sheet names ("Rencana Aksi Smart
    #: Governance", a sheet "Smart Living"): its programs' dimension where no cell gives one
    named_dimension: Dimension | None = None
    #: the agency a group row above names ("Perangkat Daerah: Dinas Kesehatan")
    agency: str | None = None
    #: the amount of the last total row of the table, while no program row has come after it
    open_total: int | None = None
    #: the elements the table's own cells stated (a mission cell is matched to those stated
    #: elsewhere, never to another row of its own table)
    own: set[int] = field(default_factory=set)
    #: the table's programs by the number in their "No" cell, and those of the table before it:
    #: a wide table split in two ("No | ... | Program | 2025 | 2026" then "No | 2027 | ... | Total")
    #: is joined by its rows' numbers
    by_no: dict[str, "_Item"] = field(default_factory=dict)
    joinable: dict[str, "_Item"] = field(default_factory=dict)


def _looks_like_data(cells: list[str]) -> bool:
    for c in cells:
        if not c:
            continue
        if _is_amount(money(c)) and len(re.sub(r"\D", "", c)) >= 4 and not years_in(c):
            return True
        code = program_code(c)
        if code is not None and code[2] >= 3:
            return True
    return False


def _group_labels(table: Table, r: int) -> bool:
    """Whether row ``r`` holds only labels of columns, each merged across the cells to its right
    (a borderless PDF table's "Kode" over its "U | B | P", set on a line of its own)."""
    filled = [c for c in range(table.width) if table.cells[r][c]]
    return bool(filled) and all(_role(table.cells[r][c]) is not None and c + 1 < table.width
                                and table.across[r][c + 1] for c in filled)


def _find_header(table: Table) -> tuple[range, list[str]] | None:
    """The header rows of a table (a column-number row under them is left to the body) and the
    title rows above."""
    limit = min(len(table.cells), 10)
    for r in range(limit):
        if not _is_header_row(table.cells[r]):
            continue
        end = r + 1
        while end < len(table.cells) and end < r + 4:
            cells = table.cells[end]
            filled = [c for c in range(table.width) if cells[c]]
            if not filled or _is_number_row(cells) or _looks_like_data(cells) or _group_text(cells):
                break
            if any(_BARE_REFERENCE.match(c) or all(numbering(c)[:2]) for c in cells if c):
                break  # "Misi 1" | "Tujuan 1.1 Meningkatnya ...": a row of statements, not more header
            def headerish(c: int) -> bool:
                text = cells[c]
                if _role(text) is not None or years_in(text) or unit_of(text) or _YEAR_PLACE.fullmatch(text):
                    return True
                above = any(table.cells[k][c] for k in range(r, end))
                return len(text) < 25 and above
            if not all(headerish(c) for c in filled):
                break
            named = [c for c in filled if _role(cells[c]) is not None or years_in(cells[c]) or unit_of(cells[c])
                     or _YEAR_PLACE.fullmatch(cells[c])]
            first_filled = sum(1 for c in table.cells[r] if c)
            if len(named) * 2 < len(filled) or (len(filled) >= first_filled and len(named) < len(filled)):
                break  # short data under the header, not more header
            end += 1
        if r > 0 and _group_labels(table, r - 1):
            r -= 1  # a row of labels over several columns each ("Kode" over "U | B | P"), alone above
        titles = [" ".join(dict.fromkeys(c for c in table.cells[t] if c)) for t in range(r)]
        return range(r, end), titles
    return None


def _quoted_columns(walk: _Walk, table: Table, file: str, columns: _Columns) -> None:
    """A crosswalk table ("No | Misi RPJMD | Misi Smart City" in a masterplan): of two columns of
    one level, the one naming the other plan quotes it and is not read as the plan's own; a check
    line says so (the rows pair the two plans' statements: a match the researcher may write)."""
    for role in ("vision", "mission", "goal", "target", "program"):
        at = [c for c, r in enumerate(columns.roles) if r == role]
        if len(at) < 2:
            continue
        quoted = [c for c in at if _names_other_plan(columns.labels[c].casefold(), walk.kind)
                  and not (walk.kind is PlanKind.MASTERPLAN and _OWN_MASTERPLAN.search(columns.labels[c]))]
        own = [c for c in at if c not in quoted]
        if not quoted or not own:
            continue
        for c in quoted:
            columns.roles[c] = "skip"
        other = PlanKind.RPJMD if walk.kind is PlanKind.MASTERPLAN else None
        place = where(_provenance(file, table.pages[0] if table.pages else None,
                                  table.printed_pages[0] if table.printed_pages else None, "",
                                  sheet=table.sheet), walk.lang)
        if other is not None and columns.pairing is None:
            # the rows pair the masterplan's elements with the RPJMD's: each pair is kept, and
            # written as a match the document proposes when the region is drafted (newuser F175);
            # the check line is said then, with the pairs
            columns.pairing = Pairing(place, _LEVEL_OF.get(role, Level.PROGRAM), clean(columns.labels[quoted[0]]),
                                      clean(columns.labels[own[0]]))
            columns.paired_column = quoted[0]
            walk.draft.pairings.append(columns.pairing)
            continue
        walk.draft.checks.append(_t(
            "draft.check.crosswalk", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
            other=_t("plan." + other.value, walk.lang) if other else columns.labels[quoted[0]],
            where=place, level=messages.stage_name(_LEVEL_OF.get(role, Level.PROGRAM).value, walk.lang),
            column=clean(columns.labels[quoted[0]]), own=clean(columns.labels[own[0]])))


def _walk_table(walk: _Walk, state: _TableState, text_state: _TextState, table: Table, file: str,
                caption: str, note: str = "") -> None:
    found = _find_header(table)
    state.open_total = None  # a total ending a table bounds the programs of the tables after it
    inside = [next(c for c in row if c) for row in table.cells[-3:]
              if sum(1 for c in row if c) == 1 and _NOTE.match(next(c for c in row if c))]
    if inside:  # a sheet or CSV holding its note in its own last rows
        note = " ".join(inside + [note])
    start = 0
    continued = False
    if found is not None:
        header, titles = found
        title_text = " ".join(titles + [caption])
        labels = " ".join(_label_rows(table, header)).casefold()
        if "realisasi" in labels and not re.search(r"pagu|rencana|target|pendanaan|anggaran", labels):
            state.columns = None
            return
        for number, title in enumerate(titles):
            walk.title_period(title)
            label, _, rest = numbering(title)
            if label in ("vision", "mission") and rest and len(rest.split()) > 2:
                item = _Item(_LEVEL_OF[label], rest.strip("\"'“”‘’ "), provenance=_provenance(
                    file, table.pages[number], table.printed_pages[number], title, sheet=table.sheet,
                    row=table.rows_at[number]))
                if label == "mission":
                    item.context_parent = walk.context_for(Level.MISSION)
                walk.add(item)
        previous = state.columns
        columns = _columns(table, header, title_text, walk.kind)
        if columns.quoted:
            place = where(_provenance(file, table.pages[header.start] if table.pages else None,
                                      table.printed_pages[header.start] if table.printed_pages else None,
                                      "", sheet=table.sheet, row=table.rows_at[header.start]
                                      if table.rows_at else None), walk.lang)
            walk.draft.checks.append(_t("draft.check.rpjmd-columns", walk.lang, where=place,
                                        columns=", ".join(f'"{clean(l)}"' for l in columns.quoted)))
        _recognise_by_content(table, header.stop, columns)
        _schedule_marks(table, header.stop, columns)
        higher = [c for c, label in enumerate(columns.labels) if _HIGHER_PLAN.search(label.casefold())]
        if higher and (any(columns.roles[c] in _HIERARCHY or columns.roles[c] == "strategy" for c in higher) or (
                "program" not in columns.roles
                and any(r in _HIERARCHY for c, r in enumerate(columns.roles) if c not in higher))):
            # "Misi RPJMD | Misi RPJPD", "Visi RPJPD | Misi RPJPD | Misi RPJMD", "Sasaran RPJMD |
            # Prioritas Nasional RPJMN": a crosswalk with a plan above the region's (newuser F154)
            for c in higher:
                columns.roles[c], columns.years[c] = "skip", None
            columns.crosswalk = clean(columns.labels[higher[0]])
        _quoted_columns(walk, table, file, columns)
        columns.recap = columns.crosswalk is not None or (
            "program" not in columns.roles and any(r in ("year", "total") for r in columns.roles)
            and any(r in _HIERARCHY for r in columns.roles))
        numbers = _CAPTION_IN_TEXT.findall(caption)
        number = numbers[-1].rstrip(".") if numbers else None
        # "Tabel 7.2" under the header of "Tabel 7.1": a new table (no unit of 7.1 carried to it)
        same = previous is not None and previous.labels == columns.labels and bool(state.values or state.money_rows) \
            and (number is None or state.caption is None or number == state.caption)
        if number is not None:
            state.caption = number
        if not same:
            # a new table: its totals, and the group rows above it, are its own (the programs of
            # the table before by their row number kept, for the right part of a wide table)
            state.joinable, state.by_no = state.by_no, {}
            state.money_rows, state.marks = [], []
            state.groups = {}
            state.code_prefix = {}
            state.agency = None
            state.own = set()
        # a table per dimension, said by its caption, its titles or its sheet (F205): a table
        # going on under the same header (the next sheet) takes the dimension it names itself
        named = dimension_named_in(" ".join([caption, *titles, table.sheet or ""])) \
            if walk.kind is PlanKind.MASTERPLAN else None
        if named is not None or not same:
            state.named_dimension = named
        if columns.unit_source is None:
            if _stated_unit(note):
                columns.unit, columns.unit_source = _stated_unit(note) or 1, "note"
            elif same and previous is not None and previous.unit_source is not None:
                # the header repeated on the next page, its unit said once above the first page
                # (an inferred unit stays inferred)
                columns.unit = previous.unit
                columns.unit_source = "inferred" if previous.unit_source == "inferred" else "carried"
            else:
                _infer_unit(table, header.stop, columns, walk.kind)
        state.columns = columns
        state.width = table.width
        start = header.stop
        if not any(r in ("program", "mission", "goal", "target", "vision") for r in columns.roles):
            state.columns = None
            if not _join_right_part(walk, state, table, header.stop, columns, previous):
                walk.draft.tables.append(_table_note(file, table, header, columns, lang=walk.lang))
            return
        if not table.pages or table.pages[0] is None or not state.values:
            pass
        state.values = {} if not _is_continuation(state, table) else state.values
    elif state.columns is not None and table.width == state.width:
        continued = True
    else:
        _walk_label_table(walk, text_state, table, file)
        return
    if re.search(r"realisasi", caption.casefold()) and not continued:
        state.columns = None
        return
    cols = state.columns
    assert cols is not None
    for year in cols.years:
        if year and year >= 1000:
            walk.draft.years_seen.add(year)
    rows = _logical_rows(table, cols, start)
    first_row = True
    before = len(walk.draft.items)
    if cols.recap:
        _recap_rows(walk, state, table, file, rows, cols)
        return
    for r, cells, covered in rows:
        _table_row(walk, state, text_state, table, file, r, cells, covered, cols,
                   across_page=continued and first_row)
        first_row = False
    if rows and len(walk.draft.items) == before and found is not None:
        walk.draft.tables.append(_table_note(file, table, found[0], cols, len(rows), walk.lang))


def _join_right_part(walk: _Walk, state: _TableState, table: Table, start: int, cols: _Columns,
                     previous: _Columns | None) -> bool:
    """The right part of a wide table split in two: a table of a "No" column and pagu (and
    agency) columns, no program column, whose row numbers are those of the program table before it
    ("No | Sasaran | Kode | Program | 2025 | 2026 | 2027" then "No | 2028 | 2029 | Total | Perangkat
    Daerah"): each row's pagu and agency go to the program of its number (newuser F142: the years
    of the right part were lost, at full confidence). Whether the table was joined so."""
    if "no" not in cols.roles or not state.joinable or not any(r in ("year", "total") for r in cols.roles):
        return False
    no = cols.roles.index("no")
    rows = [cells for cells in table.cells[start:] if any(cells)]
    numbered = [cells for cells in rows if cells[no].strip()]
    if not numbered or any(cells[no].strip() not in state.joinable for cells in numbered) or \
            len(numbered) < len(rows) - 2:  # a total row or two beside the numbered ones, no more
        return False
    if cols.unit_source in (None, "inferred") and previous is not None and previous.unit_source is not None \
            and previous.unit_source != "inferred":
        cols.unit, cols.unit_source = previous.unit, "carried"  # the unit said over the left part
    for cells in numbered:
        item = state.joinable[cells[no].strip()]
        _add_money(walk, item, cells, cols)
        if cols.unit_source == "inferred" and _row_amount(cells, cols) is not None:
            item.doubt(_t("draft.reason.unit-inferred", walk.lang,
                          unit=_UNIT_NAMES.get(cols.unit, str(cols.unit))), 0.5, budget=True)
        agency = next((cells[c] for c in range(len(cells)) if cols.roles[c] == "agency" and cells[c]), None)
        if agency and item.agency is None:
            item.agency = agency
    return True


def _recap_rows(walk: _Walk, state: _TableState, table: Table, file: str,
                rows: list[tuple[int, list[str], list[bool]]], cols: _Columns) -> None:
    """A recap of the pagu per mission (or goal, or target: "No | Misi | Pagu 2025 ... | Total",
    "Rekapitulasi Pagu Indikatif per Misi"), or a crosswalk with the RPJPD or the RPJMN ("Misi RPJMD
    | Misi RPJPD", "Sasaran RPJMD | Prioritas Nasional RPJMN"): its rows name elements the plan
    states elsewhere, before or after it, so none is drafted from it (newuser F156: its "Misi I",
    or a mission worded short, became a mission of its own; F154: the RPJPD's vision became a second
    vision). Its rows are looked up when the plan is finished (:func:`_recaps_done`)."""
    named: list[_Item] = []
    level = None
    for r, cells, _ in rows:
        for role in reversed(_HIERARCHY):
            value = " ".join(cells[c] for c in range(len(cells)) if cols.roles[c] == role and cells[c])
            if not value:
                continue
            level = level or _LEVEL_OF[role]
            if TOTAL_ROW.match(value) or _group_text(cells) is not None:
                break
            label, number, rest = numbering(value)
            roman = re.fullmatch(r"(?:misi|tujuan|sasaran)\s+(?:ke\s*-?\s*)?([IVX]{1,5})\.?", value.strip(), re.I)
            if roman:  # "Misi III": mission 3
                number, rest = str(_roman(roman.group(1).upper())), ""
            named.append(_Item(_LEVEL_OF[role], (rest or value).strip("\"'“”‘’ "), number=number, ref=value))
            break
    if level is None:
        return
    place = where(_provenance(file, table.pages[0] if table.pages else None,
                              table.printed_pages[0] if table.printed_pages else None, "", sheet=table.sheet),
                  walk.lang)
    walk.recaps.append((place, level, cols.crosswalk, named))


def _recaps_done(walk: _Walk) -> None:
    """Each recap or crosswalk table's rows looked up among the elements the plan states: a check
    line names a table whose rows name none of them, and each crosswalk (the RPJPD's or the
    RPJMN's statements are no plan of the region file: nothing to match)."""
    for place, level, crosswalk, named in walk.recaps:
        unnamed = []
        for item in named:
            value = item.ref or item.text
            item.ref = None
            known = walk.numbers.get(item.level, {})
            bare = _BARE_REFERENCE.match(value)
            if (bare is not None and _REFERENCE_LEVEL[bare.group(1).casefold()] is item.level
                    and bare.group(2) in known) or (item.number is not None and item.number in known) \
                    or walk.index.get(item.key()) is not None \
                    or (item.level is Level.MISSION and _stated_mission(walk, _TableState(), item) is not None):
                continue
            unnamed.append(clean(value)[:60])
        plan = _t("plan." + walk.kind.value, walk.lang)
        stage = messages.stage_name(level.value, walk.lang)
        rows = "; ".join(f'"{u}"' for u in unnamed[:3])
        if crosswalk is not None:
            walk.draft.checks.append(_t("draft.check.crosswalk-other", walk.lang, plan=plan, where=place,
                                        column=crosswalk, level=stage) + (_t(
                                            "draft.check.recap-unnamed", walk.lang, count=len(unnamed), rows=rows,
                                            level=stage) if unnamed else ""))
        elif unnamed:
            walk.draft.checks.append(_t("draft.check.recap", walk.lang, plan=plan, where=place, level=stage,
                                        count=len(unnamed), rows=rows))


#: a column naming a plan above the region's two (the RPJPD, the RPJMN, the province's plan, a
#: national priority): a crosswalk's column, never the plan's own statements
_HIGHER_PLAN = re.compile(r"\brpjpd\b|\brpjmn\b|jangka panjang|\bnasional\b|\bprovinsi\b|\brkpd?\s+provinsi")


_ROW_LABEL = re.compile(r"^(visi|misi|tujuan|sasaran)\b[^:]{0,30}:?$", re.I)
#: a cell ticking a column (a dimension of a masterplan's matrix): √, ✓, v, X, ●, "ya"
_TICK = re.compile(r"^\s*(?:[√✓✔☑✗✘xXvV●•■✕*]|ya|yes|1)\s*$", re.I)
_ROLES_SAID = ("code", "code_part", "program", "year", "total", "agency", "indicator", "dimension", "dimension_tick",
               "mission", "goal", "target", "vision", "no", "strategy")


def _table_note(file: str, table: Table, header: range, cols: _Columns, rows: int | None = None,
                lang: str = "en") -> str:
    """What a table that gave no element was read as: its place, the columns recognised (an
    error about an unusable table names them)."""
    place = file + (" " + _t("draft.where.sheet", lang, sheet=repr(table.sheet)) if table.sheet else "")
    page = table.pages[header.start] if table.pages else None
    if page is not None and not table.sheet:
        place += " " + _t("draft.where.page", lang, page=page)
    seen = [f"{label!r} ({_t('draft.column.' + role, lang)})" for label, role in zip(cols.labels, cols.roles)
            if role in _ROLES_SAID and label]
    what = ", ".join(seen) if seen else _t("draft.column.none", lang)
    if rows is None:
        return _t("draft.table-note.no-level", lang, place=place, columns=what)
    return _t("draft.table-note.no-element", lang, place=place, columns=what, rows=rows)


def _recognise_by_content(table: Table, start: int, cols: _Columns) -> None:
    """A column its header does not name, recognised by what it holds: program codes, or
    program names ("Program ...")."""
    body = table.cells[start:start + 60]
    for c, label in enumerate(cols.labels):
        if _role(label) is not None or cols.roles[c] != "skip":
            continue
        values = [row[c] for row in body if c < len(row) and row[c]]
        if len(values) < 2:
            continue
        codes = sum(1 for v in values if (found := program_code(v)) is not None and found[2] >= 3)
        if "code" not in cols.roles and codes >= 0.6 * len(values):
            cols.roles[c] = "code"
        elif "program" not in cols.roles and sum(
                1 for v in values if re.match(r"^program\s+\w", v, re.I)) >= 0.6 * len(values):
            cols.roles[c] = "program"


_MARK = re.compile(r"^\s*(?:1|x|v|√|✓|✔|☑|●|•|\*|o|ya)\s*$", re.I)


def _schedule_marks(table: Table, start: int, cols: _Columns) -> None:
    """A road map's year columns marking the years a program runs ("√", "X", "v", or "1"), beside
    a money column ("Estimasi Biaya (Rp juta)"): a schedule, never pagu. Every filled cell of
    such a column is a mark (a "1" only counts so when the table has another money column)."""
    body = table.cells[start:start + 200]
    money_elsewhere = any(role == "total" for role in cols.roles)
    marked = False
    for c, role in enumerate(cols.roles):
        if role != "year":
            continue
        values = [row[c].strip() for row in body if c < len(row) and row[c].strip()
                  and not TOTAL_ROW.match(next((v for v in row if v), ""))]
        if values and all(_MARK.match(v) for v in values) and (
                money_elsewhere or any(v != "1" for v in values)):
            # its year is no plan year either: the period never comes from a schedule (newuser F180)
            cols.roles[c], cols.years[c] = "skip", None
            marked = True
    for c, role in enumerate(cols.roles):
        if marked and role == "year" and not any(c < len(row) and row[c].strip() for row in body):
            cols.roles[c], cols.years[c] = "skip", None  # a year of the schedule no program runs in


def _row_amount(cells: list[str], cols: _Columns) -> int | None:
    """The rupiah a row holds: its total column, else the sum of its yearly columns."""
    totals = [v for c in range(len(cells)) if cols.roles[c] == "total" and cells[c]
              for v in [money(cells[c], cols.unit)] if _is_amount(v)]
    if totals:
        return totals[0]
    years = [v for c in range(len(cells)) if cols.roles[c] == "year" and cells[c]
             for v in [money(cells[c], cols.unit)] if _is_amount(v)]
    return sum(years) if years else None


def _infer_unit(table: Table, start: int, cols: _Columns, kind: PlanKind = PlanKind.RPJMD) -> None:
    """A table that names no money unit: the unit read from the size of its figures (a
    regional program's pagu is hundreds of millions to trillions of rupiah; a masterplan's
    quick win may cost tens of millions); said as inferred when it is not full rupiah."""
    amounts = sorted(a for row in table.cells[start:] for a in [_row_amount(row, cols)] if a and a > 0)
    if not amounts:
        return
    median = amounts[len(amounts) // 2]
    # a program's pagu over the plan is about Rp 10^9..10^12: written in full rupiah its median
    # is above 5 x 10^8, in thousands 10^6 .. 5 x 10^8, in millions below 10^6
    rupiah, thousands = (5 * 10**8, 10**6) if kind is PlanKind.RPJMD else (10**7, 10**4)
    if median >= rupiah:
        return  # full rupiah: in thousands or millions they would be beyond any regional budget
    cols.unit = 10**3 if median >= thousands else 10**6
    cols.unit_source = "inferred"


def _tolerance(count: int, unit: int, amount: int) -> int:
    """How far a printed total may be from the sum of its rows: rounding of each row in the
    table's unit, and 0.1 % for figures printed rounded."""
    return max(1, count) * max(unit, 1) // 2 + abs(amount) // 1000


def _check_total(walk: _Walk, state: _TableState, label: str, amount: int | None, where: str) -> None:
    """A JUMLAH/total row checked against the program rows above it: the rows since any earlier
    total row (a sub-total, a total per mission) or since the table began. When none adds up to
    it, the programs since the last total row are doubted, with both figures."""
    if amount is None:
        return
    rows = state.money_rows
    starts = sorted(set([0] + state.marks), reverse=True)[:200]
    labelled_sub = re.match(r"^sub", label.strip(), re.I) is not None

    def bound() -> None:
        # a sub-total ("Sub Total", "Subjumlah Misi 1", or "Jumlah Sasaran 1.2" summing the rows
        # since the total above it) bounds the rows it sums only: no bound on the plan's other
        # programs; nor is a total the table's rows go on after (see _table_row)
        if not labelled_sub:
            walk.draft.totals.append(amount)
            state.open_total = amount
    unit = state.columns.unit if state.columns else 1
    last = state.marks[-1] if state.marks else 0
    sums: dict[int, int] = {}
    running, position = 0, len(rows)
    for begin in starts:  # from the nearest start back to the table's first row
        while position > begin:
            position -= 1
            running += rows[position][1]
        sums[begin] = running
        if abs(running - amount) <= _tolerance(len(rows) - begin, unit, amount):
            if begin == 0:  # it sums the table from its first row: a grand total so far
                bound()
            state.marks.append(len(rows))
            return
    bound()  # a total that adds up to no span: kept as a bound (its rows are doubted below)
    span = rows[last:] or rows
    if span:
        total = sums.get(last, sum(a for _, a in span))
        reason = _t("draft.reason.total-mismatch", walk.lang, label=label[:40], total=_rp(amount),
                    count=len(span), sum=_rp(total), where=where)
        if total and amount and max(total, amount) / max(1, min(total, amount)) >= 900:
            reason += _t("draft.reason.total-factor", walk.lang)
        for item, _ in span:
            item.doubt(reason, 0.5, budget=True)
    state.marks.append(len(rows))


def _rp(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _walk_label_table(walk: _Walk, text_state: _TextState, table: Table, file: str) -> None:
    """A table of two columns whose rows are labelled "Visi" | "...", "Misi" | "1. ... 2. ..."
    reads like the text it stands for: the label a heading, the items after it."""
    if table.width != 2 or not any(_ROW_LABEL.match(row[0]) for row in table.cells if row[0]):
        return
    current = None  # the label the rows below stand under while their label cell is blank
    for r, (label, value) in enumerate(table.cells):
        page, printed = table.pages[r], table.printed_pages[r]
        # a blank label cell, or the label merged down over the rows (each row repeats
        # it), goes on under the label above: "Misi" | "1. ...", "" | "2. ..." (F190)
        below = current is not None and value and (not label.strip() or label == current)
        if not below:
            if current is not None:
                _walk_lines_close(walk, text_state, file)
                text_state.mode = None
                current = None
            if not _ROW_LABEL.match(label) or not value:
                continue
            current = label
            _walk_line(walk, text_state, Line(label.rstrip(":"), page, printed), file)
        parts = re.split(r"\s+(?=(?:\d{1,2}|[a-z])[.)]\s)", value)
        for part in parts:
            _walk_line(walk, text_state, Line(part, page, printed), file)
    if current is not None:
        _walk_lines_close(walk, text_state, file)
        text_state.mode = None


def _is_continuation(state: _TableState, table: Table) -> bool:
    return bool(state.values) and table.width == state.width


def _logical_rows(table: Table, cols: _Columns, start: int) -> list[tuple[int, list[str], list[bool]]]:
    """The rows of a table body with wrapped lines (borderless tables) joined to their row.

    In a table with a number or code column, a line with neither is the rest of the row
    above; in one without, a line whose texts start in lower case is.
    """
    out: list[tuple[int, list[str], list[bool]]] = []
    keyed = any(role in ("code", "no") for role in cols.roles)
    for r in range(start, len(table.cells)):
        cells = list(table.cells[r])
        filled = [c for c in range(table.width) if cells[c]]
        if not filled or _is_number_row(cells):
            continue
        if _is_header_row(cells) and _repeats_header(cells, cols):
            continue  # a header repeated on a continued page
        if out and not any(table.covered[r]) and not _group_text(cells) and \
                not any(TOTAL_ROW.match(cells[c]) for c in filled
                        if cols.roles[c] != "indicator"):
            previous = out[-1][1]
            # an urusan or bidang row of a SIPD export ("3" | "26" | "" | "URUSAN ... PARIWISATA")
            # has its code parts: a row of its own, never the rest of the program above
            has_key = any(cols.roles[c] in ("code", "no", "code_part") for c in filled) or any(
                cols.roles[c] == "program" and code_at_start(cells[c]) for c in filled)
            texts = [c for c in filled if cols.roles[c] not in ("year", "total")]
            numbers = [c for c in filled if cols.roles[c] in ("year", "total")]
            broken_numbers = all(re.search(r"[.,]$", previous[c]) or re.fullmatch(r"\d{1,3}", cells[c])
                                 for c in numbers)
            if (keyed and not has_key and broken_numbers) or (
                    not keyed and texts and broken_numbers
                    and all(cells[c][:1].islower() or cells[c][:1] in "-–(&" for c in texts)):
                # a row of the program's next indicator ("", "", "Jumlah aplikasi terintegrasi",
                # "aplikasi", "25"): an indicator of its own, with its own unit or target (F200)
                own_indicator = any(cols.roles[c] == "skip" for c in filled)
                for c in filled:
                    if cols.roles[c] in ("year", "total"):
                        previous[c] = previous[c] + cells[c]
                    elif cols.roles[c] == "indicator" and own_indicator and previous[c] and \
                            cells[c][:1].isupper():
                        previous[c] = f"{previous[c]}\n{cells[c]}"
                    else:
                        previous[c] = _join(previous[c], cells[c])
                continue
        out.append((r, cells, list(table.covered[r])))
    return out


def _repeats_header(cells: list[str], cols: _Columns) -> bool:
    """Whether a row that reads like a header repeats this table's: a cell of it stands in its
    column's header ("Program" under "Program / Kegiatan"). A program row whose figures are
    short ("Smart Living | Sensor banjir | 900 | Program Pengendalian Banjir", in Rp juta) reads
    like a header by its words, and is a row of data."""
    return any(cells[c] and norm(cells[c]) in norm(cols.labels[c]) for c in range(min(len(cells), len(cols.labels))))


def _row_had_key(cells: list[str], cols: _Columns) -> bool:
    return any(cols.roles[c] in ("code", "no", "year", "total") and cells[c] for c in range(len(cells)))


def _join(a: str, b: str) -> str:
    if a.endswith("-") and b[:1].islower():
        return a[:-1] + b
    return f"{a} {b}".strip()


#: a group row naming the agency of the programs below it ("Perangkat Daerah: Dinas Kesehatan",
#: "OPD : Diskominfo", "SKPD: ...", "Pelaksana: ..."): never a header row, never a program
_AGENCY_GROUP = re.compile(r"^\s*(?:perangkat\s+daerah(?:\s+pengampu|\s+pelaksana)?|opd(?:\s+pengampu)?|skpd|"
                           r"pelaksana|penanggung\s*jawab|unit\s+kerja|instansi(?:\s+pelaksana)?)\s*:\s*(\S.{2,})$",
                           re.I)


def _agency_group(text: str) -> str | None:
    """The agency a group row names ("Perangkat Daerah: Dinas Kesehatan" -> "Dinas Kesehatan")."""
    found = _AGENCY_GROUP.match(text)
    return found.group(1).strip() if found else None


def _group_text(cells: list[str]) -> str | None:
    filled = [c for c in cells if c]
    if len(set(filled)) != 1:
        return None
    text = filled[0]
    if _agency_group(text) is not None:
        return text
    label, number, rest = numbering(text)
    if label in ("vision", "mission", "goal", "target") and rest:
        return text
    bare = _BARE_REFERENCE.match(text)
    if bare and len(bare.group(1)) > 1:  # "Sasaran 1.2.1" alone: the target numbered so
        return text
    if dimension_of(text) is not None:
        return text
    return None


#: a cell holding a number only ("03", "2.16.03"): never a program's name
_BARE_NUMBER = re.compile(r"[0-9X]{1,2}(?:\.[0-9]{1,2}){0,5}\.?")


def _table_row(walk: _Walk, state: _TableState, text_state: _TextState, table: Table, file: str, r: int,
               cells: list[str], covered: list[bool], cols: _Columns, across_page: bool) -> None:
    page, printed = table.pages[r], table.printed_pages[r]
    row_text = " | ".join(c for c in cells if c)
    prov = dict(sheet=table.sheet, row=table.rows_at[r])
    group = _group_text(cells)
    if group is not None:
        _group_row(walk, state, group, _provenance(file, page, printed, group, **prov))
        return
    # the code: its own column, or written in front of the program's name
    code_cell = next((cells[c] for c in range(len(cells)) if cols.roles[c] == "code" and cells[c]), "")
    names = [cells[c] for c in range(len(cells)) if cols.roles[c] == "program" and cells[c]]
    worded = [name for name in names if not _BARE_NUMBER.fullmatch(name.strip())]
    program_name = worded[0] if worded else names[0] if names else ""
    if worded and len(worded) < len(names) and not code_cell:
        # a program column holding a bare number ("03") beside one holding the name: the number is
        # the program's part of its code, never its name (newuser F183)
        code_cell = next(name for name in names if _BARE_NUMBER.fullmatch(name.strip()))
    if program_name and not code_cell:
        coded = code_at_start(program_name)
        if coded:
            code_cell, program_name = coded[0], coded[1].strip()
    merged_program = [c for c in range(len(cells)) if cols.roles[c] == "program" and table.across[r][c]]
    if code_cell and not program_name and merged_program and program_code(code_cell) is None and any(
            cells[c] for c in range(merged_program[-1] + 1, len(cells))):
        # the code cell merged across the program's (a program not yet coded: its name typed over
        # both, or "3.26.03 Program ..." in one), the row going on after it (not a label row
        # spanning the table): the name is the program's
        coded = code_at_start(code_cell)
        code_cell, program_name = (coded[0], coded[1].strip()) if coded else ("", code_cell)
    outline = None
    if "program" not in cols.roles and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,4}\.?", code_cell.strip()):
        # a table of missions, goals and targets: its code column numbers them ("1.2" a goal,
        # "1.2.1" a target under it), no program code
        outline, code_cell = code_cell.strip().rstrip("."), ""
    parsed = program_code(code_cell) if code_cell else None
    parts = [cells[c] for c in range(len(cells)) if cols.roles[c] == "code_part" and cells[c]]
    if not code_cell and program_name and not re.match(r"^program\b", program_name, re.I) and (
            parts or re.match(r"^(urusan|bidang)\b", program_name, re.I)) and _row_amount(cells, cols) is None:
        # an urusan or bidang row of a SIPD export ("2" | "16" | "" | "URUSAN KOMUNIKASI DAN
        # INFORMATIKA", no pagu): no program; its codes go on to the rows below, its mission,
        # goal and target cells are read
        composed = program_code(_compose(parts)) if parts else None
        if composed is not None and composed[2] < 3:
            state.code_prefix = {k: v for k, v in state.code_prefix.items() if k < composed[2]}
            state.code_prefix[composed[2]] = composed[0]
        program_name = ""
    if parts and code_cell:
        code_cell = _compose(parts + [code_cell])
        parsed = program_code(code_cell)
    if parsed is not None and parsed[2] < 3 and not parsed[1]:
        bidang = state.code_prefix.get(2)
        if parsed[2] == 1 and bidang and re.match(r"^program\b", program_name, re.I):
            # a program coded by its own part ("03") under its field's row ("2.16 Komunikasi dan
            # Informatika"): the code the nomenclature gives it is the field's and its own
            composed = program_code(f"{bidang}.{parsed[0]}")
            if composed is not None and composed[1]:
                parsed = composed
        if parsed[2] == 2 or (parsed[2] < 3 and not re.match(r"^program\b", program_name, re.I)):
            # an urusan or bidang row (2 or 2.16), not a program: the codes below go on from it
            state.code_prefix = {k: v for k, v in state.code_prefix.items() if k < parsed[2]}
            state.code_prefix[parsed[2]] = parsed[0]
            return
    activity = next((cells[c] for c in range(len(cells)) if cols.roles[c] == "activity" and cells[c]), "")
    below = state.program is not None and state.program.code and parsed is not None and parsed[2] > 3 \
        and parsed[0].startswith(state.program.code + ".")
    merged = all(covered[c] for c in range(len(cells)) if cols.roles[c] == "program")
    if state.program is not None and ((activity and (not program_name or merged)) or below):
        # a row of another activity of the program above ("" | "Pengembangan aplikasi" | 500.000.000
        # under its program's merged cell; "2.16.03.1.02 Pengembangan aplikasi" under 2.16.03): no
        # program; its pagu is the program's when the program's row was an activity's too (or
        # printed none), else a detail of the program's own
        walk.draft.activities += 1
        amount = _row_amount(cells, cols)
        if amount is not None and (state.program_activity or not state.program.has_money or state.program_added):
            _add_money(walk, state.program, cells, cols)
            state.program_added = True
            state.money_rows.append((state.program, amount))
        return
    place = where(_provenance(file, page, printed, row_text, **prov), walk.lang)
    if program_name and TOTAL_ROW.match(program_name):
        _check_total(walk, state, program_name, _row_amount(cells, cols), place)
        return
    total_label = next((c for i, c in enumerate(cells) if c and cols.roles[i] not in ("indicator", "year", "total")
                        and TOTAL_ROW.match(c)), None)
    if not program_name and total_label is not None:
        # a total row ("Jumlah", "Total Misi 1"); an indicator "Jumlah UMKM naik kelas" is no total
        _check_total(walk, state, total_label, _row_amount(cells, cols), place)
        return
    levels = [role for role in _HIERARCHY if role in cols.roles]
    if outline is None and "program" not in cols.roles and len(levels) == 1:
        # "No | Misi", "No | Sasaran": the row's number numbers the one level the table lists
        no_cell = next((cells[c].strip() for c in range(len(cells)) if cols.roles[c] == "no" and cells[c]), "")
        if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?", no_cell):
            outline = no_cell.rstrip(".")
    parents: dict[str, _Item] = {}
    reasons: list[tuple[str, float]] = []
    filled: list[str] = []
    carried: list[str] = []
    # the element a row's outline number numbers: the lowest level the row writes
    numbered = next((role for role in reversed(_HIERARCHY)
                     if any(cells[c] for c in range(len(cells)) if cols.roles[c] == role)), None) if outline else None
    for role in _HIERARCHY:
        columns = [c for c in range(len(cells)) if cols.roles[c] == role]
        if not columns:
            continue
        # a number column of the level ("Kode Sasaran") is read in front of its statement
        value = " ".join(sorted((cells[c] for c in columns if cells[c]), key=lambda v: not _OUTLINE.fullmatch(v)))
        if not value:
            value = state.values.get(role, "")
            if value:
                if across_page:
                    carried.append(role)
                elif not all(covered[c] for c in columns):
                    filled.append(role)
        else:
            state.values[role] = value
            # a new value at a level clears the values below it
            for lower in _HIERARCHY[_HIERARCHY.index(role) + 1:]:
                if not any(cells[c] for c in range(len(cells)) if cols.roles[c] == lower):
                    state.values.pop(lower, None)
        if not value:
            continue
        referred = _reference(walk, _LEVEL_OF[role], value)
        if referred is not None:
            # a cell "Misi 1" or "1.2.1" with no statement names the element numbered so
            parents[role] = referred
            continue
        label, number, rest = numbering(value)
        if number is None:  # "1.1 Meningkatkan ..." in a goal cell: the numbering is no part of it
            in_front = re.match(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\s+(\S.*)$", value)
            if in_front:
                number, rest = in_front.group(1), in_front.group(2)
            elif role == numbered:
                number = outline
        level = _LEVEL_OF[role]
        listed = _inline_items(value) if number == "1" and role in ("mission", "goal", "target") else None
        if listed is not None and listed[1] and len(listed[0]) >= 2:
            # "1. Mewujudkan ... 2. Meningkatkan ... 3. ..." in one cell (its paragraphs): each an element
            higher = [parents[h] for h in _HIERARCHY[: _HIERARCHY.index(role)] if h in parents]
            for k, statement in enumerate(listed[0], 1):
                element = _Item(level, statement, number=str(k),
                                provenance=_provenance(file, page, printed, value, **prov))
                if higher:
                    element.parents.append(higher[-1].key())
                else:
                    _set_parent_from(walk, state, element)
                parents[role] = walk.add(element)
            continue
        item = _Item(level, (rest or value).strip("\"'“”‘’ "), number=number,
                     provenance=_provenance(file, page, printed, value, **prov))
        if level is Level.MISSION and walk.index.get(item.key()) is None:
            # a mission cell worded a little otherwise than the mission stated above it: that
            # mission (doubted where it is not sure), never a second one
            reason = _stated_mission(walk, state, item)
            if reason is not None:
                reasons.append(reason)
        higher = [parents[h] for h in _HIERARCHY[: _HIERARCHY.index(role)] if h in parents]
        if higher and role == numbered and higher[-1].number and not outline.startswith(higher[-1].number + "."):
            # its number names another parent than the cell above: placed by its number, said
            head = outline.rsplit(".", 1)[0]
            reasons.append((_t("draft.reason.number-over-cell", walk.lang, number=outline, parent=head,
                               level=messages.stage_name(higher[-1].level.value, walk.lang)), 0.1))
            filled = [r for r in filled if parents.get(r) is not higher[-1]]
        elif higher:
            item.parents.append(higher[-1].key())
        else:
            _set_parent_from(walk, state, item)
        parents[role] = walk.add(item)
        if parents[role] is item:  # stated first by this table (not an element stated above it)
            state.own.add(id(item))
    if outline:  # a parent taken from the cell above that the row's number confirms is no doubt
        filled = [r for r in filled if not (parents.get(r) is not None and parents[r].number
                                            and outline.startswith(parents[r].number + "."))]
    from_above: list[tuple[str, float]] = []
    for key, roles in (("draft.reason.filled-above", filled), ("draft.reason.across-page", carried)):
        if roles:
            names = [messages.stage_name(r, walk.lang) for r in roles]
            from_above.append((_t(key, walk.lang, level=", ".join(names)), 0.1))
    reasons.extend(from_above)
    indicators = []
    for c in range(len(cells)):
        if cols.roles[c] != "indicator" or not cells[c]:
            continue
        owner = parents.get(_indicator_of(cols.labels[c]) or "")
        for indicator in cells[c].split("\n"):  # one a row of its own below the program's row
            if owner is None:
                indicators.append(indicator)
            elif norm(indicator) not in {norm(i) for i in owner.indicators}:
                owner.indicators.append(indicator)  # "Indikator Sasaran" belongs to the target, not the program
    dimension = None
    other = None
    for c in range(len(cells)):
        if cols.roles[c] == "dimension":
            dimension = dimension_of(cells[c], loose=True) if cells[c] else state.values.get("__dimension")  # type: ignore[assignment]
            if cells[c]:
                misspelt = misspelt_dimension(cells[c]) if dimension is None else None
                if misspelt is not None:  # "Smart Environtment": read as the dimension, doubted (F204)
                    dimension = misspelt[0]
                state.values["__as"] = misspelt[1] if misspelt is not None else ""
                state.values["__dimension"] = dimension  # type: ignore[assignment]
                # a cell naming a dimension that is none of the six ("Smart Mobility"): said
                state.values["__other"] = clean(cells[c]) if dimension is None else ""
            other = state.values.get("__other") or None
    ticked = [found for c in range(len(cells)) if cols.roles[c] == "dimension_tick" and _TICK.match(cells[c])
              and (found := _tick_dimension(cols.labels[c])) is not None]
    if ticked:
        dimension = ticked[0]
        if len(ticked) > 1:  # a region file gives a program one dimension: the first ticked, said
            reasons.append((_t("draft.reason.dimensions-ticked", walk.lang, dimensions=", ".join(
                _t("dimension." + d.value, walk.lang) for d in ticked), dimension=_t(
                "dimension." + ticked[0].value, walk.lang)), 0.2))
    if dimension is None and isinstance(state.values.get("__dimension"), Dimension):
        dimension = state.values["__dimension"]  # type: ignore[assignment]
    if dimension is None:
        dimension = state.dimension or state.named_dimension or text_state.dimension
    if not program_name:
        lowest_role = next((h for h in reversed(_HIERARCHY) if h in parents), None)
        lowest = parents[lowest_role] if lowest_role is not None else None
        if cols.pairing is not None and cols.pairing.level.value in parents:
            _pair_row(cols, cells, parents[cols.pairing.level.value], place)
        if lowest_role in filled or lowest_role in carried:
            # a row that states no element of its own (an agency's name alone in the Kode cell over
            # its programs): the values carried down are the row above's, whose element stated
            # them in its own cell -- no doubt of it (newuser F174)
            reasons = [reason for reason in reasons if reason not in from_above]
        if lowest is not None:
            for indicator in indicators:
                if norm(indicator) not in {norm(i) for i in lowest.indicators}:
                    lowest.indicators.append(indicator)
            for reason, weight in reasons:
                lowest.doubt(reason, weight)
        return
    label, number, rest = numbering(program_name)
    name = rest if label in ("program", None) and rest else program_name
    agency = next((cells[c] for c in range(len(cells)) if cols.roles[c] == "agency" and cells[c]), None) \
        or state.agency
    item = _Item(Level.PROGRAM, name, number=number if label == "program" else None, agency=agency,
                 dimension=dimension if walk.kind is PlanKind.MASTERPLAN else None,
                 indicators=list(indicators),
                 provenance=_provenance(file, page, printed, row_text, raw_code=code_cell or None, **prov))
    if walk.kind is PlanKind.MASTERPLAN and dimension is None and other:
        item.other_dimension = other
    if item.dimension is not None and state.values.get("__as") and \
            any(cols.roles[c] == "dimension" for c in range(len(cells))):
        item.doubt(_t("draft.reason.dimension-misspelt", walk.lang, written=state.values["__as"],
                      dimension=_t("dimension." + item.dimension.value, walk.lang)), 0.2)
    if parsed is not None:
        item.code, item.raw_code = parsed[0], code_cell
        if not parsed[1]:
            item.doubt(_t("draft.reason.code-shape", walk.lang, code=code_cell), 0.3)
    for reason, weight in reasons:
        item.doubt(reason, weight)
    item.unit = cols.unit
    row_year = next((found[-1] for c in range(len(cells)) if cols.roles[c] == "row_year" and cells[c]
                     for found in [years_in(cells[c])] if found), None)
    totals: list[int] = []
    for c in range(len(cells)):
        role = cols.roles[c]
        if role not in ("year", "total") or not cells[c]:
            continue
        value = money(cells[c], cols.unit)
        if value is False and re.search(r"\w", cells[c]):
            # "TBD", "12%", "1.250 / 300" in a pagu cell: no figure read, said (never skipped silently)
            item.doubt(_t("draft.reason.unreadable-pagu", walk.lang, cell=cells[c]), 0.5, budget=True)
            continue
        if value is False or value is None:
            continue
        item.has_money = True
        if value < 0:  # a pagu is never below zero: said, not summed
            item.doubt(_t("draft.reason.negative", walk.lang, cell=cells[c]), 0.5, budget=True)
            continue
        if role == "year" and cols.years[c] is not None:
            year = cols.years[c]
            item.yearly[year] = item.yearly.get(year, 0) + value  # type: ignore[index]
        elif role == "total" and row_year is not None:
            item.yearly[row_year] = item.yearly.get(row_year, 0) + value  # the pagu of the row's year
            item.long_form = True
        elif role == "total":
            item.total = value if item.total is None else item.total
            totals.append(value)
    if len(set(totals)) > 1:  # columns read as the total pagu disagree: the budget is not known
        item.doubt(_t("draft.reason.two-totals", walk.lang, count=len(totals), first=_rp(totals[0]),
                      second=_rp(next(t for t in totals if t != totals[0]))), 0.5, budget=True)
    if item.has_money and cols.unit_source == "inferred":
        item.doubt(_t("draft.reason.unit-inferred", walk.lang,
                      unit=_UNIT_NAMES.get(cols.unit, str(cols.unit))), 0.5, budget=True)
    lowest = next((parents[h] for h in reversed(_HIERARCHY) if h in parents), None)
    numbered = re.fullmatch(r"(\d{1,2}(?:\.\d{1,2}){2})\.\d{1,3}\.?", next(
        (cells[c].strip() for c in range(len(cells)) if cols.roles[c] == "no" and cells[c]), ""))
    if lowest is not None:
        item.parents.append(lowest.key())
    elif numbered and not any(level.is_above(Level.PROGRAM) for level in state.groups):
        # a row numbered under its target ("1.2.1.3": the third program of target 1.2.1), the
        # target stated in another table: placed by the number
        item.parents.append((Level.TARGET, "#" + numbered.group(1)))
    else:
        _set_parent_from(walk, state, item)
    added = walk.add(item)
    if cols.pairing is not None and cols.pairing.level is Level.PROGRAM:
        _pair_row(cols, cells, added, place)
    no_cell = next((cells[c].strip() for c in range(len(cells)) if cols.roles[c] == "no" and cells[c]), "")
    if no_cell:
        state.by_no[no_cell] = added
    state.program, state.program_activity, state.program_added = added, bool(activity), False
    if activity:
        walk.draft.activities += 1  # the program's row names its first activity
    amount = _row_amount(cells, cols)
    if amount is not None:
        state.money_rows.append((added, amount))
        if state.open_total is not None:
            # a program row after a total row: that total was a sub-total of the rows above it
            # (F129), no bound on this program or the plan's others
            if state.open_total in walk.draft.totals:
                walk.draft.totals.remove(state.open_total)
            state.open_total = None


#: a cell of a pairing table that names no element of the other plan ("-", "n/a", "tidak ada")
_NO_PAIR = re.compile(r"[\W_]*|(n/?a|tidak ada|belum ada|none|nihil)\W*", re.I)


def _pair_row(cols: _Columns, cells: list[str], element: _Item, place: str) -> None:
    """The pair a row of a pairing table states: the masterplan element drafted from it and the
    RPJMD's element named in the other column (with the RPJMD code the row gives), kept on the
    table's :class:`Pairing`; a cell naming none ("-") states no pair."""
    assert cols.pairing is not None and cols.paired_column is not None
    named = clean(cells[cols.paired_column]) if cols.paired_column < len(cells) else ""
    if _NO_PAIR.fullmatch(named):
        return
    code = None
    if cols.paired_code is not None and cols.paired_code < len(cells) and cells[cols.paired_code].strip():
        found = program_code(cells[cols.paired_code].strip())
        code = found[0] if found is not None else None
    coded = code_at_start(named)
    if coded:
        named = coded[1].strip() or named
        if code is None:
            found = program_code(coded[0])
            code = found[0] if found is not None else None
    pair = (element, named, code, place)
    if not any(p[0] is element and norm(p[1]) == norm(named) for p in cols.pairing.rows):
        cols.pairing.rows.append(pair)


def _words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", norm(text)))


#: a mission cell is the mission stated above when one's words hold all of the other's and at
#: most this many more ("... bersih dan digital" / "... bersih, akuntabel dan digital")
_WORDS_ADDED = 2


def _stated_mission(walk: _Walk, state: _TableState, item: _Item) -> tuple[str, float] | None:
    """A table's mission cell matched to a mission the plan stated outside the table (the list
    under "Misi"): by its number first ("Misi 1: ..." is mission 1 when the two share half their
    words), then by close wording (the words of one hold the other's, with at most two more). The
    item takes that mission's text (and is merged into it by :meth:`_Walk.add`); the reason the
    row's element is doubted is returned. A cell close to two missions, or near one but not
    close enough, is kept as a mission of its own and doubted: never silently a second copy."""
    stated = [i for i in walk.draft.items if i.level is Level.MISSION and i.ref is None
              and id(i) not in state.own and i.text]
    if not stated:
        return None
    mine = _words_of(item.text)
    if not mine:
        return None

    def overlap(other: _Item) -> float:
        theirs = _words_of(other.text)
        return len(mine & theirs) / max(1, min(len(mine), len(theirs)))

    def close(other: _Item) -> bool:
        theirs = _words_of(other.text)
        small, large = sorted((mine, theirs), key=len)
        return len(small) >= 3 and small <= large and len(large - small) <= _WORDS_ADDED

    cell = clean(item.text)
    found: _Item | None = None
    if item.number is not None:
        numbered = walk.numbers.get(Level.MISSION, {}).get(item.number)
        if numbered is not None and id(numbered) not in state.own and overlap(numbered) >= 0.5:
            found = numbered
    if found is None:
        near = [i for i in stated if close(i) and (item.number is None or i.number in (None, item.number))]
        if len(near) == 1:
            found = near[0]
        elif len(near) > 1:
            item.doubt(_t("draft.reason.mission-close", walk.lang, cell=cell[:80],
                          missions="; ".join(f'"{clean(i.text)[:60]}"' for i in near[:3])), 0.4)
            return None
    if found is None:
        like = [i for i in stated if overlap(i) >= 0.6 and (item.number is None or i.number in (None, item.number))]
        if like:
            item.doubt(_t("draft.reason.mission-close", walk.lang, cell=cell[:80],
                          missions="; ".join(f'"{clean(i.text)[:60]}"' for i in like[:3])), 0.4)
        return None
    item.text = found.text
    item.number = item.number or found.number
    return (_t("draft.reason.mission-worded", walk.lang, cell=cell[:80], mission=clean(found.text)[:80]), 0.1)


def _add_money(walk: _Walk, item: _Item, cells: list[str], cols: _Columns) -> None:
    """Add a row's pagu (per year, and its total) to a program drafted from a row above."""
    for c in range(len(cells)):
        role = cols.roles[c]
        if role not in ("year", "total") or not cells[c]:
            continue
        value = money(cells[c], cols.unit)
        if not _is_amount(value) or value < 0:
            continue
        item.has_money = True
        if role == "year" and cols.years[c] is not None:
            year = cols.years[c]
            item.yearly[year] = item.yearly.get(year, 0) + value  # type: ignore[index]
        elif role == "total":
            item.total = value if item.total is None else item.total + value


_UNIT_NAMES = {1: "rupiah", 10**3: "Rp ribu", 10**6: "Rp juta", 10**9: "Rp miliar"}


def _compose(parts: list[str]) -> str:
    """A program code from its parts in separate columns: "1", "1.02" (or "02"), "02" give 1.02.02."""
    out = ""
    for part in parts:
        part = clean(part).rstrip(".")
        if not part:
            continue
        if out and (part == out or part.startswith(out + ".")):
            out = part
        else:
            out = f"{out}.{part}" if out else part
    return out


_BARE_REFERENCE = re.compile(r"^(misi|tujuan|sasaran|m|t|s)\s*(?:ke\s*-?\s*)?(\d{1,2}(?:\.\d{1,2})*)\s*[.:]?$", re.I)
_OUTLINE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})\.?")
_REFERENCE_LEVEL = {"misi": Level.MISSION, "m": Level.MISSION, "tujuan": Level.GOAL, "t": Level.GOAL,
                    "sasaran": Level.TARGET, "s": Level.TARGET}


def _reference(walk: _Walk, level: Level, value: str) -> "_Item | None":
    """The element a cell or group row names by its number only ("Misi 1", "Sasaran 1.2.1", "1.2.1"
    in a target column): the one drafted so far, or a reference found when the plan is finished
    (the element may be stated in another table, before or after)."""
    bare = _BARE_REFERENCE.match(value)
    if bare is not None:
        if _REFERENCE_LEVEL[bare.group(1).casefold()] is not level:
            return None
        number = bare.group(2)
    elif _OUTLINE.fullmatch(value.strip()):
        number = value.strip().rstrip(".")
    else:
        return None
    known = walk.numbers.get(level, {}).get(number)
    return known if known is not None else _Item(level, "", number=number, ref=number)


def _indicator_of(label: str) -> str | None:
    """The level an indicator column's header names: "Indikator Tujuan" the goal, "Indikator
    (Kinerja) Sasaran" or "IKU" the target; None for the row's own (a program's) indicator."""
    low = label.casefold()
    if re.search(r"indikator\s+(kinerja\s+)?tujuan", low):
        return "goal"
    if re.search(r"indikator\s+(kinerja\s+)?(utama\s+)?sasaran|\biku\b", low):
        return "target"
    if re.search(r"indikator\s+(kinerja\s+)?misi", low):
        return "mission"
    return None


def _group_row(walk: _Walk, state: _TableState, group: str, provenance: Provenance) -> None:
    """A row spanning the table ("Misi 1: ...", "Sasaran 1.1.1: ...", "Smart Living") places the
    rows below it."""
    agency = _agency_group(group)
    if agency is not None:
        state.agency = agency  # the agency of the program rows below it
        return
    label, number, rest = numbering(group)
    bare = _BARE_REFERENCE.match(group) if label is None else None
    if bare is not None:
        level = _REFERENCE_LEVEL[bare.group(1).casefold()]
        state.groups[level] = _reference(walk, level, group)  # type: ignore[assignment]
    elif label is None or dimension_of(group) is not None and label not in ("mission", "goal", "target"):
        state.dimension = dimension_of(group)
        return
    else:
        level = _LEVEL_OF[label]
        item = _Item(level, rest, number=number, provenance=provenance)
        _set_parent_from(walk, state, item)
        state.groups[level] = walk.add(item)
    for lower in list(state.groups):
        if lower.is_above(level) is False and lower is not level:
            state.groups.pop(lower, None)
    for role in _HIERARCHY:
        if _LEVEL_OF[role] is level or level.is_above(_LEVEL_OF[role]):
            state.values.pop(role, None)


def _set_parent_from(walk: _Walk, state: _TableState, item: _Item) -> None:
    """A parent from the group rows above, else from the last element drafted a level up."""
    above = [lvl for lvl in state.groups if lvl.is_above(item.level)]
    if above:
        item.parents.append(state.groups[max(above, key=lambda l: l.rank)].key())
        return
    context = walk.context_for(item.level)
    if context is not None and walk.distinct.get(context[0], 0) == 1:
        # a table naming no element above its rows: the one element of that level drafted so far
        # (the plan's vision), never whichever of several came last (said unplaced instead)
        item.context_parent = context


# --------------------------------------------------------------------------
# the whole plan

_NOTE = re.compile(r"^(\*+\)?|ket(erangan)?\b|catatan\b|note\b|angka\b|nilai\b|dalam\b|satuan\b|\(dalam|sumber\b)", re.I)


def _notes(items: list[Line | Table]) -> dict[int, str]:
    """The note of each table: the one under it, else the one under the last table of the run it
    belongs to (a table over several pages with its note under the last page). A run ends at a
    chapter title or at a line of text that is no caption or note."""
    notes: dict[int, str] = {}
    carried = ""
    # each table's caption number ("Tabel 7.2"): a note is carried within one table, never to another
    numbers: dict[int, str | None] = {}
    caption: str | None = None
    for position, item in enumerate(items):
        if isinstance(item, Table):
            numbers[position] = caption
            continue
        if _CHAPTER.match(item.text.strip()):
            caption = None
        found = _CAPTION_NUMBER.match(item.text)
        if found:
            caption = found.group(1).rstrip(".")
    carried_number: str | None = None
    for position in range(len(items) - 1, -1, -1):
        item = items[position]
        if isinstance(item, Table):
            own = _note_under(items, position)
            own = own or " ".join(next(c for c in row if c) for row in item.cells[-3:]
                                  if sum(1 for c in row if c) == 1 and _NOTE.match(next(c for c in row if c)))
            if not own and carried and numbers.get(position) and carried_number and \
                    numbers.get(position) != carried_number:
                carried = ""  # "Tabel 7.1" above, the note under "Tabel 7.2": another table's
            if own:
                carried, carried_number = own, numbers.get(position)
            notes[position] = carried
        elif _CHAPTER.match(item.text.strip()) or not (
                _NOTE.match(item.text.strip()) or re.match(r"^\s*(tabel|table)\b", item.text, re.I)
                or len(item.text) < 60):
            carried = ""
    return notes


#: a caption's table number anywhere in the lines above a table ("... Tabel 7.2 Program ...")
_CAPTION_IN_TEXT = re.compile(r"(?:^|\s)(?:tabel|table)\s+((?:[IVX]+|\d+)(?:[.\-]\d+)*\.?)(?=\s|$|:)", re.I)
_CAPTION_NUMBER = re.compile(r"^\s*(?:tabel|table)\s+((?:[IVX]+|\d+)(?:[.\-]\d+)*\.?)(?=\s|$|:)", re.I)


def _note_under(items: list[Line | Table], position: int) -> str:
    """The note under a table ("Keterangan: dalam juta rupiah", "*) angka dalam ribuan"): the
    lines right after it, up to the next table, that read as a note."""
    out = []
    for item in items[position + 1: position + 4]:
        if not isinstance(item, Line):
            break
        if _NOTE.match(item.text.strip()) and len(item.text) < 200:
            out.append(item.text)
    return " ".join(out)


#: what no stored text may hold (control characters, lone surrogates, bidi overrides): a file
#: name holding one is recorded with it escaped ("rpjmd\\x1b[31m.docx")
_NAME_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _stored_name(name: str) -> str:
    """A document's file name as the region file records it: control characters escaped, so
    that every command reads the file the draft writes (and no terminal is driven by a name)."""
    return _NAME_UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                            else f"\\u{ord(m.group()):04x}", name)


def _sheet_blocks(table: Table) -> list[Line | Table]:
    """A sheet holding the whole plan in blocks (newuser F146): a vision and missions block, a
    block of goals and targets, a block of programs, set apart by empty rows, each under its own
    title ("B. TUJUAN DAN SASARAN") and header. Each block is a table of its own, its title a line
    above it, a label and its statement before its header ("Visi" | "Terwujudnya ...") a line of
    the two ("Visi: Terwujudnya ..."). Rows after an empty row that begin no block of their own
    (no header of their own) go on in the table above. A sheet of one block is itself."""
    at = table.rows_at
    if len(table.cells) < 2 or any(n is None for n in at):
        return [table]
    cuts = [k for k in range(1, len(at)) if at[k] - at[k - 1] > 1]  # type: ignore[operator]
    if not cuts:
        return [table]
    out: list[Line | Table] = []
    rows: list[int] = []

    def part(indices: list[int]) -> Table:
        return Table([table.cells[k] for k in indices], [table.covered[k] for k in indices],
                     [table.across[k] for k in indices], [table.pages[k] for k in indices],
                     [table.printed_pages[k] for k in indices], [table.rows_at[k] for k in indices],
                     sheet=table.sheet, caption=table.caption)

    def flush() -> None:
        if rows:
            out.append(part(list(rows)))
            rows.clear()

    bounds = [0] + cuts + [len(at)]
    for start, stop in zip(bounds, bounds[1:]):
        segment = list(range(start, stop))
        titles: list[str] = []
        k = 0
        while k < len(segment):  # its title rows: one cell of words ("B. TUJUAN DAN SASARAN")
            filled = [c for c in table.cells[segment[k]] if c]
            if len(filled) != 1 or _is_header_row(table.cells[segment[k]]) or not re.search(r"[^\W\d_]{3}", filled[0]):
                break
            titles.append(filled[0])
            k += 1
        pairs: list[str] = []
        j = k
        while j < len(segment) and j < k + 2:  # "Visi" | "Terwujudnya ...": a label and its statement
            filled = [c for c in table.cells[segment[j]] if c]
            if len(filled) != 2 or _label_alone(filled[0]) is None and not re.fullmatch(
                    r"(visi|misi)\s*:?", filled[0].strip(), re.I) or len(filled[1].split()) < 3:
                break
            pairs.append(f"{filled[0].strip().rstrip(':')}: {filled[1]}")
            j += 1
        rest = segment[j:]
        header = _find_header(part(rest)) if rest else None
        headed = header is not None and header[0].start == 0
        if start > 0 and not headed and (rest or not (titles or pairs)):
            rows.extend(segment)  # an empty row inside a table: the table goes on
            continue
        flush()
        page, printed = table.pages[segment[0]], table.printed_pages[segment[0]]
        out.extend(Line(text, page, printed, para=True) for text in titles + pairs)
        rows.extend(rest)
    flush()
    if len(out) == 1:
        return [table]
    return out


def draft_plan(kind: PlanKind, documents: Iterable[Document], *, lang: str = "en") -> PlanDraft:
    """Walk the documents of one plan, in order, and draft its elements."""
    walk = _Walk(kind, lang)
    for document in documents:
        file = _stored_name(document.file)
        if file != document.file:
            walk.draft.checks.append(_t("draft.check.file-name", walk.lang, name=file))
        walk.draft.files.append(file)
        walk.draft.pages += document.pages
        text_state = _TextState()
        table_state = _TableState()
        recent: list[str] = []
        after_table = False
        items = [part for item in document.items
                 for part in (_sheet_blocks(item) if isinstance(item, Table) and item.sheet else [item])]
        notes = _notes(items)
        cascades = find_cascades(items, is_heading=lambda text: _heading(text, kind) is not None,
                                 is_chapter=lambda text: _CHAPTER.match(text) is not None)
        # the title on the document's front (before its first chapter): the plan it calls itself
        front, named = 40, False
        for position, item in enumerate(items):
            if isinstance(item, Line):
                if front > 0 and not named and item.text.strip():
                    front -= 1
                    if _CHAPTER.match(item.text.strip()):
                        front = 0
                    else:
                        called = _named_plan(item.text.strip())
                        if called is not None:
                            named = True
                            walk.draft.named.append((file, called, clean(item.text)[:100]))
                note_above = after_table and _NOTE.match(item.text.strip()) is not None
                label, _, rest = numbering(item.text)
                if after_table and table_state.columns is not None and rest and \
                        label in ("mission", "goal", "target"):
                    # a group row left alone at the top of a page, its table cut after it
                    _group_row(walk, table_state, item.text, _provenance(
                        file, item.page, item.printed_page, item.text))
                    continue
                after_table = False
                if _CHAPTER.match(item.text.strip()):
                    table_state = _TableState()  # a new chapter: no table goes on across it
                text_state.cascade_line = cascades.get(position)
                _walk_line(walk, text_state, item, file)
                if not note_above:  # the note under the table above is no caption of the next
                    recent = (recent + [item.text])[-3:]
                continue
            after_table = True
            _walk_lines_close(walk, text_state, file)
            if text_state.chapter == "skip":
                table_state.columns = None
                continue
            if text_state.mode == "quoted":
                continue
            caption = " ".join(recent[-2:])
            if re.search(r"realisasi|capaian tahun", caption, re.I) and _find_header(item) is not None:
                table_state.columns = None
                continue
            _walk_table(walk, table_state, text_state, item, file, caption, notes.get(position, ""))
            recent = []
        _walk_lines_close(walk, text_state, file)
        _heading_done(walk, text_state, file)
        _vision_done(walk, text_state, file)
        _numbered_done(walk, text_state, file)
        for key, values in document.notes:  # what the reader read otherwise than stored
            walk.draft.checks.append(_t(key, lang, plan=_t("plan." + kind.value, lang),
                                        file=os.path.basename(file), **values))
    _other_dimensions(walk)
    _recaps_done(walk)
    if walk.draft.activities:
        walk.draft.checks.append(_t("draft.check.activities", lang, plan=_t("plan." + kind.value, lang),
                                    count=walk.draft.activities))
    return walk.draft


def _other_dimensions(walk: _Walk) -> None:
    """Masterplan programs under a dimension that is none of the six ("Smart Mobility"): each
    doubted, and a check line per dimension naming it and the six, for the planner to decide (the
    typology has no seventh dimension, and no mapping of one onto the six is the draft's to make)."""
    named: dict[str, list[_Item]] = {}
    for item in walk.draft.items:
        if item.level is Level.PROGRAM and item.dimension is None and item.other_dimension:
            named.setdefault(item.other_dimension, []).append(item)
    six = ", ".join(_t("dimension." + d.value, walk.lang) for d in Dimension)
    for label, items in named.items():
        for item in items:
            item.doubt(_t("draft.reason.other-dimension", walk.lang, dimension=label[:40]), 0.1)
        walk.draft.checks.append(_t(
            "draft.check.other-dimension", walk.lang, plan=_t("plan." + walk.kind.value, walk.lang),
            dimension=label[:40], where=where(items[0].provenance, walk.lang), count=len(items), six=six))


def _is_amount(value: object) -> bool:
    """Whether :func:`money` read an amount (``False``, not money, is an ``int`` to Python)."""
    return isinstance(value, int) and not isinstance(value, bool)
