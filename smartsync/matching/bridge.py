"""Matching through the national program nomenclature.

A masterplan names a service or a tool (*aplikasi antrean online puskesmas*, *ATCS*,
*bank sampah digital*); the RPJMD names the government program that funds it
(*Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat*), often
with no word in common. Planners bridge the two with the nomenclature they budget with:
the program's activities (kegiatan) and sub-activities (sub-kegiatan) are named with the
concrete words masterplans use (*Pembangunan Puskesmas*, *Pengelolaan Sampah*).

So, for program-level pairs:

1. each RPJMD program is put in the nomenclature: by its code when it has one that the
   version knows (it then *inherits the words* of every kegiatan and sub-kegiatan under
   its program), otherwise by its name (:meth:`Nomenclature.place`), when the best
   placement reaches :data:`PLACE_MIN`;
2. a masterplan element reaches the nomenclature entries its words share (an inverted
   index over the entries' stems), each scored like two plan statements (the cosine of
   their weighted stems, moved by the affairs of government both name: an entry's affairs
   are its own words' and its field's, read from ``data/vocabulary.json``);
3. the pair's *bridge score* is the best score of an entry under the RPJMD program's
   program (times the placement's confidence when it was placed by name), and the pair
   scores the better of its text score and its bridge score. The suggestion's note names
   the entry that bridged them ("via sub-kegiatan 1.02.02.2.01.0002 Pembangunan
   Puskesmas").

The support program every field shares (``X.XX.01``: salaries, offices) never bridges:
its activities say nothing about what a plan is about.

A program's entries also include the everyday words planners use for what it funds
(``program_words`` in ``data/vocabulary.json``): the entry is then the program itself,
its phrase in brackets.

>>> from smartsync.matching.nomenclature import load_nomenclature
>>> bridger = Bridger(load_nomenclature())
>>> health = "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"
>>> b = bridger.bridge("Pembangunan puskesmas pintar", health, "1.02.02")
>>> b.entry.level, b.entry.code, b.entry.name, b.score > 0.5
('sub-kegiatan', '1.02.02.2.01.0002', 'Pembangunan Puskesmas', True)
>>> b = bridger.bridge("Aplikasi antrean online puskesmas", health, "1.02.02")
>>> b.entry.code, b.entry.name.endswith("(antrean pasien)"), b.evidence
('1.02.02', True, ('antrean',))
>>> bridger.bridge("Aplikasi antrean online puskesmas", "Program Pengelolaan Pendidikan",
...                "1.01.02") is None
True
"""

from __future__ import annotations

import functools
import json
import math
from typing import Callable, Iterable, Mapping

import attrs

from .nomenclature import CodeCheck, Entry, Nomenclature, Placement, code_key
from .scoring import SECTOR_BONUS, SECTOR_MISMATCH_FACTOR, Statement, evidence_of

__all__ = ["Bridge", "Bridger", "PLACE_MIN", "BRIDGE_FACTOR", "affairs_of_fields"]

#: the least confidence with which an RPJMD program without a (known) code is placed in the
#: nomenclature to bridge through it (chosen on the tuning half of the evaluation sets)
PLACE_MIN = 0.5
#: the factor applied to a bridge score: reaching an activity of a program is a little less
#: sure than sharing the program's own words (chosen on the tuning halves)
BRIDGE_FACTOR = 0.9


@functools.lru_cache(maxsize=1)
def affairs_of_fields() -> Mapping[str, frozenset[str]]:
    """Field (bidang) code -> the affairs of government its programs serve, from
    ``data/vocabulary.json``."""
    from .nomenclature import data_file

    raw = data_file("vocabulary.json").decode("utf-8")
    found = json.loads(raw).get("affairs_of_fields", {})
    return {".".join(code_key(k) or ()): frozenset(v) for k, v in found.items()}


def _program_in(nomenclature: Nomenclature, code: str | None, version: str | None) -> Entry | None:
    """The program of ``code`` in ``nomenclature``, the code read in ``version`` when that is
    another version smartsync ships."""
    from .nomenclature import NomenclatureError, load_nomenclature, resolve_version

    if version is not None:
        try:
            own = resolve_version(version)
        except NomenclatureError:
            own = nomenclature.version
        if own != nomenclature.version:
            program = load_nomenclature(own).program_of(code)
            return nomenclature.get(program.code) if program is not None else None
    return nomenclature.program_of(code)


def _served(nomenclature: Nomenclature, fields: Mapping[str, frozenset[str]]
            ) -> dict[str, frozenset[str]]:
    """Field code -> the affairs its programs serve: the field's own (:func:`affairs_of_fields`)
    and those its programs' names name (field 1.03, *Pekerjaan Umum dan Penataan Ruang*,
    funds drinking water, waste water and drainage; field 1.05 disasters and fires). A field
    with no affairs of its own stays without (its programs are not filtered)."""
    from .sectors import sectors_of

    out = {field: set(affairs) for field, affairs in fields.items()}
    for entry in nomenclature:
        key = code_key(entry.code) or ()
        field = ".".join(key[:2])
        if entry.level == "program" and field in out and len(key) == 3 and key[2] != "1":
            out[field] |= sectors_of(entry.name)
    return {field: frozenset(affairs) for field, affairs in out.items()}


@attrs.frozen
class Bridge:
    """How a masterplan element reaches an RPJMD program through the nomenclature.

    ``entry`` is the kegiatan, sub-kegiatan (or program) whose words the masterplan element
    shares; ``program`` the RPJMD program's place in the nomenclature; ``score`` the bridge
    score (0 to 1); ``placement`` how the RPJMD program was placed when it had no code the
    version knows (``None``: by its code); ``evidence`` the masterplan words the entry shares.
    """

    entry: Entry
    program: Entry
    score: float
    placement: Placement | None = None
    evidence: tuple[str, ...] = ()


class Bridger:
    """Bridges between plan texts through one :class:`Nomenclature` (see the module)."""

    def __init__(self, nomenclature: Nomenclature) -> None:
        self.nomenclature = nomenclature
        index = nomenclature._words()
        self._index = index
        fields = affairs_of_fields()
        self._statements: list[Statement] = []
        for entry, st in zip(index.entries, index.statements):
            key = code_key(entry.code) or ()
            extra = fields.get(".".join(key[:2]), frozenset())
            self._statements.append(attrs.evolve(st, sectors=st.sectors | extra) if extra else st)
        self._sectors = [st.sectors for st in self._statements]
        #: each entry's field's affairs (empty when the field names none): a masterplan text
        #: naming affairs that are none of the field's is not funded there, whatever the
        #: entry's own words ("Pembangunan Fasilitas Parkir" under a school program)
        served = _served(nomenclature, fields)
        self._fields = [served.get(".".join((code_key(e.code) or ())[:2]), frozenset())
                        for e in index.entries]
        self._places: dict[tuple[str, str | None], tuple[Entry | None, Placement | None]] = {}
        self._stems_of: dict[str, frozenset[str]] | None = None
        # the affairs as bit masks (intersections and unions without building sets: the
        # hot loop of reacher())
        self._bit: dict[str, int] = {}
        for affairs in self._sectors + self._fields:
            for sec in sorted(affairs):
                self._bit.setdefault(sec, 1 << len(self._bit))
        self._sector_masks = [self.mask(a) for a in self._sectors]
        self._field_masks = [self.mask(a) for a in self._fields]

    def mask(self, affairs: "Iterable[str]") -> int:
        """Affairs as a bit mask (an affair no entry names gets a bit of its own)."""
        m = 0
        for sec in affairs:
            bit = self._bit.get(sec)
            if bit is None:
                bit = self._bit[sec] = 1 << len(self._bit)
            m |= bit
        return m

    def forget(self) -> None:
        """Forget what was worked out for texts (the RPJMD programs placed by name); the
        nomenclature's own structure stays."""
        self._places.clear()

    def program_for(self, text: str, code: str | None, version: str | None = None
                    ) -> tuple[Entry | None, Placement | None]:
        """The RPJMD program's program in the nomenclature, and the placement when it was
        placed by name (``(None, None)`` when it cannot be placed confidently).

        ``version``: the nomenclature version the program's own code follows, when the
        program names one (:attr:`smartsync.Element.nomenclature`): its code is read in that
        version, and bridged through the program of the same code in this one (a version
        smartsync does not ship reads the code in this one; validating the file warns)."""
        key = (text, ".".join(code_key(code) or ()) or None, version)
        found = self._places.get(key)
        if found is None:
            program = _program_in(self.nomenclature, code, version) if code else None
            if program is not None and not program.code.startswith("X"):
                doubt = self._doubted(text, code if version is None else program.code, program)
                found = (program, None) if doubt is None else (doubt.entry, doubt)
            else:
                # an RPJMD program is named like a program or an activity, not a sub-activity
                # below the least confidence, no placement: those are never scored in full
                places = self.nomenclature.place(text, top=1, activities=False, floor=PLACE_MIN)
                if places and places[0].confidence >= PLACE_MIN:
                    placed = places[0]
                    if code and program is None and self.nomenclature.get(code) is None:
                        # a code the version does not know: bridged by the name, and said so
                        placed = attrs.evolve(placed, set_aside=CodeCheck(code=code, known=False))
                    found = (placed.entry, placed)
                else:
                    found = (None, None)
            if len(self._places) > 50_000:  # bounded, as the statements' cache is
                self._places.clear()
            self._places[key] = found
        return found

    def _vocabulary(self) -> dict[str, frozenset[str]]:
        """Program code -> the stems of its name and its kegiatan's names (what a program is
        placed by, :meth:`Nomenclature.place` with ``activities=False``), worked out once."""
        found = self._stems_of
        if found is None:
            sets: dict[str, set[str]] = {}
            index = self._index
            for p, st, level, planners in zip(index.program, index.statements, index.level,
                                              index.planners):
                if level in ("program", "kegiatan") and not planners:
                    sets.setdefault(p, set()).update(st.weights)
            found = self._stems_of = {p: frozenset(v) for p, v in sets.items()}
        return found

    def _doubted(self, text: str, code: str, program: Entry) -> Placement | None:
        """The program the name ``text`` places an RPJMD program in when its ``code``
        (of ``program``) is doubted, as ``smartsync validate --codes`` doubts it
        (:meth:`Nomenclature.check`: the name reads clearly more like another program,
        placed with at least :data:`PLACE_MIN`), with the check as its ``set_aside``;
        ``None`` when the code is followed.

        Most names agree with their code, and the full check (the name against every
        activity of the nomenclature) is made only for a name that may disagree: one whose
        best program by the names of programs and kegiatan is another, with a confidence
        that can exceed the name's cosine with its code's program by the margin a
        disagreement needs (that cosine is at most the check's similarity)."""
        from .nomenclature import _CLEARER
        from .text import terms

        index = self._index
        # a name whose every word reaching entries of the nomenclature (not frequent there,
        # not generic) is a word of its code's program's name or of its kegiatan's names is
        # taken to agree, unchecked: most are
        vocabulary = self._vocabulary().get(program.code, frozenset())
        generic, frequent, postings = index.weights.generic, index.frequent, index.postings
        if all(t.stem in vocabulary for t in terms(text) if t.stem in postings
               and t.stem not in frequent and t.stem not in generic):
            return None
        own = index.statement(text).cosine(index.statement(program.name))
        floor = max(PLACE_MIN, own + _CLEARER - 1e-4)
        if floor > 1.0:
            return None
        best = self.nomenclature.place(text, top=1, activities=False, floor=floor)
        if not best or best[0].entry.code == program.code:
            return None
        check = self.nomenclature.check(code, text)
        s = check.suggestion
        if check.agrees is False and s is not None and s.confidence >= PLACE_MIN:
            return attrs.evolve(s, set_aside=check)
        return None

    def statement(self, text: str) -> Statement:
        """The masterplan text as the nomenclature weighs it."""
        return self._index.statement(text)

    def reach(self, text: str, programs: "set[str] | None" = None) -> dict[str, tuple[int, float]]:
        """Program code -> (index of the best entry the text reaches under it, its score), for
        the programs ``programs`` (codes as :meth:`Nomenclature.program_of` gives them; all
        when ``None``)."""
        if programs is None:
            programs = set(self._index.program)
        return self.reacher(programs)(text)

    def reacher(self, programs: "set[str]", floor: float = 0.0
                ) -> "Callable[[str], dict[str, tuple[int, float]]]":
        """:meth:`reach` for many texts and one set of ``programs`` (a region's): the same
        results, with the nomenclature's postings cut to the entries of those programs once
        (a stem's list is cut the first time a text uses it) and the cosine, the affairs and
        the best entry per program worked out in one pass.

        With ``floor``, only the programs whose score reaches it (the same entry, the same
        score); an entry that cannot reach it is never scored in full (its frequent and
        generic words' part is at most the product of the two lengths in those words, and
        sharing every affair moves a score by at most :data:`SECTOR_BONUS`)."""
        index = self._index
        prog = index.program
        wanted = frozenset(programs)
        cut: dict[str, list[tuple[int, float]]] = {}
        postings = index.postings
        frequent = index.frequent
        statements = index.statements
        norms = index.norms
        sector_masks = self._sector_masks
        field_masks = self._field_masks
        mask = self.mask
        bonus, mismatch = SECTOR_BONUS, SECTOR_MISMATCH_FACTOR
        everything = wanted.issuperset(set(prog)) if len(wanted) >= len(set(prog)) else False
        later_norms = index.later_norms() if floor > 0.0 else None

        def postings_of(stem: str) -> list[tuple[int, float]]:
            found = cut.get(stem)
            if found is None:
                full = postings.get(stem, ())
                found = cut[stem] = (list(full) if everything else
                                     [(i, w) for i, w in full if prog[i] in wanted])
            return found

        def reach(text: str) -> dict[str, tuple[int, float]]:
            sa = self.statement(text)
            norm = sa.norm
            if not norm:
                return {}
            generic = sa.generic
            weights = sa.weights
            # a word the nomenclature never uses reaches nothing: with no other rare word,
            # the frequent words are the way in (as Nomenclature's cosines)
            rare = any(stem not in generic and stem not in frequent and stem in postings
                       for stem in weights)
            dots: dict[int, float] = {}
            get = dots.get
            later = []
            for stem, w in weights.items():
                if stem in generic or (rare and stem in frequent):
                    later.append((stem, w))
                    continue
                for i, wb in postings_of(stem):
                    dots[i] = get(i, 0.0) + w * wb
            if not dots:
                return {}
            mine = mask(sa.sectors)
            best: dict[str, tuple[int, float]] = {}
            bounded = later_norms is not None and bool(later)
            if bounded:
                reach_ = math.sqrt(sum(w * w for _, w in later))
                # below this an entry's score cannot reach the floor once rounded
                low = floor - 1e-6
            for i, d in dots.items():
                if mine:
                    field = field_masks[i]
                    if field and not mine & field:
                        continue  # the text names affairs none of which this field serves
                if bounded:
                    # the most the later words can add (Cauchy-Schwarz), then what the
                    # entry's affairs do to it (a score rises with its cosine): an entry
                    # that cannot reach the floor is never scored in full
                    c = (d + reach_ * later_norms[i]) / (norm * norms[i])
                    if c > 1.0:
                        c = 1.0
                    if mine:
                        theirs = sector_masks[i]
                        if theirs:
                            common = (mine & theirs).bit_count()
                            c = (c + (1.0 - c) * bonus * common / (mine | theirs).bit_count()
                                 if common else c * mismatch)
                    if c < low:
                        continue
                    # nor can it be its program's best when its bound is below the best entry
                    # of that program scored so far (each program's best entry is all a text
                    # keeps of it; the margin covers the bound's rounding)
                    known = best.get(prog[i])
                    if known is not None and c < known[1] - 1e-9:
                        continue
                if later:
                    ws = statements[i].weights
                    for stem, w in later:
                        v = ws.get(stem)
                        if v is not None:
                            d += w * v
                cos = d / (norm * norms[i])
                if cos > 1.0:
                    cos = 1.0
                if mine:
                    theirs = sector_masks[i]
                    if theirs:  # as scoring._combine, inline: this is the hot loop
                        common = (mine & theirs).bit_count()
                        cos = (cos + (1.0 - cos) * bonus * common / (mine | theirs).bit_count()
                               if common else cos * mismatch)
                p = prog[i]
                known = best.get(p)
                if known is None or cos > known[1] or (cos == known[1] and i < known[0]):
                    best[p] = (i, cos)
            if floor > 0.0:
                rounded = {p: (i, round(min(1.0, score), 6)) for p, (i, score) in best.items()}
                return {p: hit for p, hit in rounded.items() if hit[1] >= floor}
            return {p: (i, round(min(1.0, score), 6)) for p, (i, score) in best.items()}

        return reach

    def found(self, text: str, i: int, score: float, program: Entry,
              placement: Placement | None) -> Bridge:
        """The :class:`Bridge` of a reached entry (see :meth:`reach`)."""
        factor = BRIDGE_FACTOR * (placement.confidence if placement is not None else 1.0)
        evidence = evidence_of(self.statement(text), self._statements[i])
        return Bridge(self._index.entries[i], program, round(score * factor, 6), placement, evidence)

    def bridge(self, masterplan_text: str, rpjmd_text: str, rpjmd_code: str | None = None
               ) -> Bridge | None:
        """The bridge between one masterplan text and one RPJMD program (``None`` when the RPJMD
        program cannot be placed or the masterplan text reaches nothing under it)."""
        program, placement = self.program_for(rpjmd_text, rpjmd_code)
        if program is None:
            return None
        reached = self.reach(masterplan_text, {program.code}).get(program.code)
        if reached is None:
            return None
        return self.found(masterplan_text, reached[0], reached[1], program, placement)
