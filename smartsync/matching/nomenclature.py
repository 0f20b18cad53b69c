"""The national program nomenclature: the codes and names regional plans budget with.

Every regional program, activity and sub-activity has a code and a name fixed by the
Ministry of Home Affairs (Permendagri 90/2019, updated by Kepmendagri 050-5889/2021 and
its later changes): *urusan* (affair, ``2``), *bidang urusan* (field, ``2.16``),
*program* (``2.16.03 Program Pengelolaan Aplikasi Informatika``), *kegiatan* (activity,
``2.16.03.2.02 Pengelolaan E-government ...``) and *sub-kegiatan* (sub-activity,
``2.16.03.2.02.0009 Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas ...``).
RPJMD program tables carry those codes, and the names of the activities under a program
are the concrete words a masterplan uses (an application, a data centre, a city app).

:func:`load_nomenclature` reads the list shipped with smartsync (built by
``tools/build_nomenclature.py``; the source is recorded in ``docs/matching.rst``), once
per process and only when asked: matching without it never reads the file.

>>> nom = load_nomenclature()
>>> nom.version
'900.1.15.5-1317/2023'
>>> nom.get("2.16.3").name
'PROGRAM PENGELOLAAN APLIKASI INFORMATIKA'
>>> nom.get("2.16.03.2.02.0009").level
'sub-kegiatan'
>>> nom.get("1.02.01").code  # every field's support program is the decree's X.XX.01
'1.02.01'
>>> nom.get("9.99.99") is None
True
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
import os
from typing import Iterable, Iterator, Mapping, Sequence

import attrs

__all__ = [
    "Entry",
    "Placement",
    "CodeCheck",
    "Nomenclature",
    "NomenclatureError",
    "VERSIONS",
    "DEFAULT_VERSION",
    "LEVELS",
    "load_nomenclature",
    "code_key",
    "program_words",
    "tool_words",
    "resolve_version",
    "known_versions",
]

#: the levels of the nomenclature, from the widest; a code's level is its number of parts
LEVELS = ("urusan", "bidang", "program", "kegiatan", "sub-kegiatan")
#: the versions shipped: version -> data file in ``smartsync/matching/data``
VERSIONS: Mapping[str, str] = {
    "900.1.15.5-1317/2023": "nomenclature-900.1.15.5-1317-2023.json.gz",
}
#: the version used when neither the region nor the caller names one
DEFAULT_VERSION = "900.1.15.5-1317/2023"
#: other ways planners name the shipped versions (folded: case and spaces ignored)
_ALIASES = {
    "900.1.15.5-1317": "900.1.15.5-1317/2023",
    "900.1.15.5-1317/2023": "900.1.15.5-1317/2023",
    "kepmendagri 900.1.15.5-1317/2023": "900.1.15.5-1317/2023",
}


class NomenclatureError(ValueError):
    """A nomenclature version that smartsync does not ship.

    ``values`` are the words of the message for the catalogs (``problem.unknown-nomenclature-version``):
    ``version`` the name asked for, ``shipped`` the versions smartsync ships.
    """

    def __init__(self, message: str, values: "dict[str, str] | None" = None):
        super().__init__(message)
        self.values: dict[str, str] = dict(values or {})


#: a code's level by its number of parts: urusan 1 part, bidang 2, program 3, kegiatan 5
#: (2.16.03.2.02; 4 read as one too), sub-kegiatan 6 (and any longer code)
_LEVEL_OF_PARTS = {1: "urusan", 2: "bidang", 3: "program", 4: "kegiatan", 5: "kegiatan",
                   6: "sub-kegiatan"}


def _level_of(parts: int) -> str:
    return _LEVEL_OF_PARTS.get(parts, "sub-kegiatan")


@functools.lru_cache(maxsize=16384)
def code_key(code: str | None) -> tuple[str, ...] | None:
    """A code folded so that ``2.16.03``, ``2.16.3`` and ``02.16.03`` are one, and the
    sub-activity numbers of Permendagri 90/2019 (``.01``) meet those of later decrees
    (``.0001``); ``None`` for a text with no code in it.

    >>> code_key("2.16.03.2.02.0001") == code_key("2.16.3.2.2.01")
    True
    """
    if code is None:
        return None
    parts = _CODE_PARTS(str(code))
    if not parts:
        return None
    return tuple(str(int(p)) if p.isdigit() else p.upper() for p in parts)


_CODE_PARTS = re.compile(r"[0-9A-Za-z]+").findall


@attrs.frozen
class Entry:
    """One entry of the nomenclature: its ``code`` (as the decree writes it), its ``name``
    and its ``level`` (one of :data:`LEVELS`)."""

    code: str
    name: str
    level: str

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


@attrs.frozen
class Placement:
    """Where a text without a code sits in the nomenclature: the program ``entry``, a
    ``confidence`` from 0 to 1, and the ``via`` entry (a kegiatan or sub-kegiatan of the
    program, or the program itself) whose words placed it.

    ``set_aside``: when the text had a code that was not followed (a code the version does
    not know, or one whose entry the name does not read like:
    :meth:`Nomenclature.check`), what the nomenclature says of that code; ``None`` for a
    text placed because it had no code."""

    entry: Entry
    confidence: float
    via: Entry
    set_aside: "CodeCheck | None" = None


@attrs.frozen
class CodeCheck:
    """What the nomenclature says of a code written beside a name.

    ``known``: the code exists in the version; ``entry`` its entry (``None`` when not
    known); ``agrees``: the name written beside it shares the entry's content words
    (``None`` when no name was given or the code is unknown); ``similarity`` how far
    (0 to 1); ``suggestion`` the entry the name itself points to, when it disagrees.
    """

    code: str
    known: bool
    entry: Entry | None = None
    agrees: bool | None = None
    similarity: float | None = None
    suggestion: Placement | None = None


class Nomenclature:
    """One version of the nomenclature: its entries by code, and how to reach them by words.

    Codes are looked up folded (:func:`code_key`); the support program every field shares
    (``X.XX.01``, *Program Penunjang Urusan Pemerintahan Daerah*) answers for any field's
    ``.01`` code. Words are matched as :func:`smartsync.matching.terms` gives them
    (stemmed, abbreviations spelled out).
    """

    def __init__(self, entries: Iterable[Entry], *, regulation: str, version: str,
                 scope: str = "", source: str = "") -> None:
        self.regulation = regulation
        self.version = version
        self.scope = scope
        self.source = source
        self.entries: tuple[Entry, ...] = tuple(entries)
        # the entries by folded code, and under each code: built when a code is first
        # looked up (the affairs' phrases and the words' index read the entries alone)
        self._keyed: "tuple[dict[tuple[str, ...], Entry], dict[tuple[str, ...], list[Entry]]] | None" = None
        self._index: "_WordIndex | None" = None

    def _keys(self) -> "tuple[dict[tuple[str, ...], Entry], dict[tuple[str, ...], list[Entry]]]":
        keyed = self._keyed
        if keyed is None:
            by_key: dict[tuple[str, ...], Entry] = {}
            children: dict[tuple[str, ...], list[Entry]] = {}
            for e in self.entries:
                key = code_key(e.code)
                assert key is not None
                by_key.setdefault(key, e)
                if len(key) > 1:
                    parent = key[:-1] if len(key) != 5 else key[:3]
                    children.setdefault(parent, []).append(e)
            keyed = self._keyed = (by_key, children)
        return keyed

    def __repr__(self) -> str:
        return f"<Nomenclature {self.version}: {len(self.entries)} entries>"

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    # -- codes -------------------------------------------------------------------------
    def _template(self, key: tuple[str, ...]) -> tuple[str, ...] | None:
        if len(key) >= 3 and key[2] == "1" and key[0] not in ("X",):
            return ("X", "XX") + key[2:]
        return None

    def get(self, code: str | None) -> Entry | None:
        """The entry of ``code`` (folded), or ``None`` when this version has no such code."""
        key = code_key(code)
        if key is None:
            return None
        by_key = self._keys()[0]
        found = by_key.get(key)
        if found is not None:
            return found
        template = self._template(key)
        if template is not None:
            found = by_key.get(template)
            if found is not None:
                # the field's own code, with the template's name
                return Entry(".".join(_pad(key)), found.name, found.level)
        return None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and self.get(code) is not None

    def children(self, code: str) -> tuple[Entry, ...]:
        """The entries directly under ``code`` (a program's kegiatan, a kegiatan's
        sub-kegiatan ...), in the decree's order."""
        key = code_key(code)
        if key is None:
            return ()
        under = self._keys()[1]
        kids = under.get(key)
        if kids is None:
            template = self._template(key)
            kids = under.get(template, []) if template else []
        return tuple(kids)

    def below(self, code: str) -> tuple[Entry, ...]:
        """Every entry under ``code``, depth first (a program's kegiatan, each followed by
        its sub-kegiatan)."""
        out: list[Entry] = []
        for kid in self.children(code):
            out.append(kid)
            out.extend(self.below(kid.code))
        return tuple(out)

    def program_of(self, code: str | None) -> Entry | None:
        """The program a code belongs to (the code itself for a program); ``None`` above
        the program level or for an unknown code."""
        key = code_key(code)
        if key is None or len(key) < 3:
            return None
        return self.get(".".join(key[:3]))

    # -- words -------------------------------------------------------------------------
    def _words(self) -> "_WordIndex":
        if self._index is None:
            self._index = _WordIndex(self)
        return self._index

    def reach(self, text: str, *, top: int = 5, levels: Sequence[str] = ("kegiatan", "sub-kegiatan"),
              programs: Iterable[str] | None = None) -> tuple[tuple[Entry, float], ...]:
        """The entries whose names the words of ``text`` reach best, with a score from 0
        to 1 (the cosine of their weighted stems), best first; at most ``top``.

        ``programs`` limits the search to the entries of those program codes. The support
        program shared by every field is never reached by words: its activities (salaries,
        office supplies) say nothing about what a plan is about.
        """
        return self._words().reach(text, top=top, levels=levels, programs=programs)

    def place(self, text: str, *, top: int = 3, activities: bool = True,
              floor: float = 0.0) -> tuple[Placement, ...]:
        """The programs a text without a code most likely belongs to, best first.

        The text is compared with the name of every program and of every kegiatan and
        sub-kegiatan under it (``activities=False``: of every program and kegiatan, a
        fifth of the work); a program's confidence is the best of those scores. With
        ``floor``, the programs whose confidence is below it are left out (and the entries
        that cannot reach it are never scored in full).

        >>> best = load_nomenclature().place("Program Pengelolaan Aplikasi Informatika")[0]
        >>> best.entry.code, best.confidence >= 0.9
        ('2.16.03', True)
        """
        index = self._words()
        best: dict[str, tuple[float, int]] = {}
        # the rounded confidence reaches the floor from a little below it
        least = floor - 1e-4 if floor > 0.0 else 0.0
        for i, score in index.cosines(index.statement(text), upper=not activities,
                                      floor=least).items():
            p = index.program[i]
            known = best.get(p)
            if known is None or score > known[0] or (score == known[0] and i < known[1]):
                best[p] = (score, i)
        if top == 1 and best:  # the best alone (placing an RPJMD program): no sort
            ranked = [min(best.items(), key=lambda x: (-x[1][0], x[0]))]
        else:
            ranked = sorted(best.items(), key=lambda x: (-x[1][0], x[0]))[:top]
        out = []
        for code, (score, i) in ranked:
            program = self.get(code)
            if program is not None and round(score, 4) >= floor:
                out.append(Placement(program, round(score, 4), index.entries[i]))
        return tuple(out)

    def check(self, code: str, name: str | None = None) -> CodeCheck:
        """Whether ``code`` exists in this version, and whether ``name`` agrees with it.

        >>> nom = load_nomenclature()
        >>> nom.check("2.16.03", "Program Pengelolaan Aplikasi Informatika").agrees
        True
        >>> c = nom.check("2.16.03", "Program Peningkatan Kualitas Pendidikan Dasar")
        >>> c.agrees, c.suggestion.entry.code[:4]
        (False, '1.01')
        >>> nom.check("2.99.03").known
        False
        """
        entry = self.get(code)
        if entry is None:
            return CodeCheck(code=code, known=False)
        if not name:
            return CodeCheck(code=code, known=True, entry=entry)
        sim = self._words().similarity(name, entry)
        program = self.program_of(entry.code) or entry
        places = self.place(name, top=1)
        best = places[0] if places else None
        if best is not None and best.entry.code == program.code:
            # the name's best program is this one (through its name or its activities)
            return CodeCheck(code, True, entry, True, round(max(sim, best.confidence), 4))
        if best is not None and best.confidence >= sim + _CLEARER:
            # the name is clearly another program's
            return CodeCheck(code, True, entry, False, round(sim, 4), best)
        if sim >= _AGREES:
            return CodeCheck(code, True, entry, True, round(sim, 4))
        return CodeCheck(code, True, entry, False, round(sim, 4), best)

    def names_under(self, code: str) -> tuple[Entry, ...]:
        """The entries whose words a program of ``code`` inherits: the program's kegiatan and
        sub-kegiatan (for a kegiatan or sub-kegiatan code, its own entry and those under it)."""
        entry = self.get(code)
        if entry is None:
            return ()
        return (entry,) + self.below(entry.code)


#: how far a name must share the words of a code's entry (or of its activities) to agree with it
_AGREES = 0.3
#: how much better another program must fit a name for the name to disagree with its code
_CLEARER = 0.2


def _program_code(nom: Nomenclature, entry: Entry) -> str:
    program = nom.program_of(entry.code)
    return program.code if program is not None else entry.code


def _pad(key: tuple[str, ...]) -> list[str]:
    widths = (1, 2, 2, 1, 2, 4)
    return [p.zfill(w) if p.isdigit() else p for p, w in zip(key, widths)]


@functools.lru_cache(maxsize=1)
def tool_words() -> tuple[str, ...]:
    """The words that name the means a masterplan uses rather than what it is about
    (``tool_words`` in ``data/vocabulary.json``)."""
    return tuple(json.loads(data_file("vocabulary.json").decode("utf-8")).get("tool_words", ()))


@functools.lru_cache(maxsize=1)
def program_words() -> Mapping[str, tuple[str, ...]]:
    """Program code -> the everyday words planners use for what the program funds
    (``program_words`` in ``data/vocabulary.json``; data, not code)."""
    raw = json.loads(data_file("vocabulary.json").decode("utf-8")).get("program_words", {})
    return {code: tuple(phrases) for code, phrases in raw.items()}


class _WordIndex:
    """The nomenclature's names as weighted stems, with an inverted index to reach them.

    Built once per version, when words are first asked of it (stemming the 4,000 names
    is the cost of loading the nomenclature for matching)."""

    def __init__(self, nom: Nomenclature) -> None:
        from .scoring import Statement, TermWeights

        self.nom = nom
        # imported once here, not at each statement asked for (thousands per region)
        self._statement_of = Statement.of
        usable = [e for e in nom.entries if not e.code.startswith("X")]
        # the words naming a masterplan's means (digital, aplikasi, daring ...) are rare in the
        # decree's names: weighed by their rarity there they would outweigh what a masterplan
        # text is about, so they weigh like generic planning words (data/vocabulary.json)
        self.weights = TermWeights.from_texts((e.name for e in usable), generic_words=tool_words())
        self.statements = [Statement.of(e.name, self.weights) for e in usable]
        #: the entries of the decree, then one per phrase of the planners' words of a program
        #: (``program_words`` in ``data/vocabulary.json``): the program's entry, its phrase in
        #: brackets, compared by the phrase alone
        decree = len(usable)
        for code, phrases in program_words().items():
            program = nom.get(code)
            if program is None or program.level != "program" or program.code.startswith("X"):
                continue  # a program this version does not have
            for phrase in phrases:
                usable.append(Entry(program.code, f"{program.name} ({phrase})", "program"))
                self.statements.append(Statement.of(phrase, self.weights))
        self.entries = usable
        # the names' words were stemmed just now: their stems stay known for the process's
        # plans (which use many of them), whatever becomes of the stem cache
        from .text import keep_stems

        keep_stems(e.name for e in usable)
        #: whether an entry is the planners' words of a program (never used to place a program
        #: by its name: that compares names of the decree with names of the decree)
        self.planners = [i >= decree for i in range(len(usable))]
        self.program = [_program_code(nom, e) for e in usable]
        self.level = [e.level for e in usable]
        self.norms = [st.norm for st in self.statements]
        self.postings: dict[str, list[tuple[int, float]]] = {}
        #: the same for the programs and kegiatan alone (placing a program by its name)
        self.upper: dict[str, list[tuple[int, float]]] = {}
        for i, st in enumerate(self.statements):
            for stem, w in st.weights.items():
                self.postings.setdefault(stem, []).append((i, w))
                if self.level[i] in ("program", "kegiatan") and not self.planners[i]:
                    self.upper.setdefault(stem, []).append((i, w))
        self._cache: dict[str, object] = {}
        self._later_norms: list[float] | None = None
        # words in more than 2 % of the names (*pembinaan*, *pelayanan*, *kabupaten*) reach
        # too much to say where a text belongs: they add to the scores of the entries a
        # rarer word reached, they reach none themselves
        limit = max(20, len(usable) // 50)
        self.frequent = frozenset(stem for stem, p in self.postings.items() if len(p) > limit)

    def statement(self, text: str):  # type: ignore[no-untyped-def]
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            found = self._cache[text] = self._statement_of(text, self.weights)
        return found

    def later_norms(self) -> list[float]:
        """Each entry's length in the stems a text's postings leave for later (the generic
        and the frequent ones): what bounds their part of a dot product (Cauchy-Schwarz)."""
        found = self._later_norms
        if found is None:
            later = self.weights.generic | self.frequent
            found = self._later_norms = [
                math.sqrt(sum(w * w for t, w in st.weights.items() if t in later))
                for st in self.statements]
        return found

    def cosines(self, sa, wanted: "set[str] | None" = None,  # type: ignore[no-untyped-def]
                levels: "Sequence[str] | None" = None, *, upper: bool = False,
                floor: float = 0.0) -> dict[int, float]:
        """Entry index -> the cosine of ``sa`` with the entry's name, for the entries sharing
        a content word with it that is not frequent in the nomenclature (in the programs
        ``wanted`` and at the ``levels``, when given).

        Those words' postings give the candidates and most of each dot product; the generic
        and frequent words (long postings: *pengelolaan*, *pembinaan*) are then added for
        those candidates alone. With ``floor``, the entries whose cosine cannot reach it
        are left out before that (the later words' part is at most the product of the two
        lengths in those words): the entries kept have their exact cosine."""
        norm = sa.norm
        if not norm:
            return {}
        generic = sa.generic
        frequent = self.frequent
        postings = self.upper if upper else self.postings
        dots: dict[int, float] = {}
        get = dots.get
        later = []
        # a text whose content words are all frequent ("Program Pengelolaan Pendidikan") is
        # reached through them: they are all it has; so is a text whose other content words
        # the nomenclature never uses ("rapor digital sekolah": rapor reaches nothing)
        rare = any(stem not in generic and stem not in frequent and stem in postings
                   for stem in sa.weights)
        for stem, w in sa.weights.items():
            if stem in generic or (rare and stem in frequent):
                later.append((stem, w))
                continue
            for i, wb in postings.get(stem, ()):
                dots[i] = get(i, 0.0) + w * wb
        if wanted is not None or levels is not None:
            program, level = self.program, self.level
            dots = {i: d for i, d in dots.items()
                    if (wanted is None or program[i] in wanted)
                    and (levels is None or level[i] in levels)}
        if later and floor > 0.0:
            reach_ = math.sqrt(sum(w * w for _, w in later))
            bound = self.later_norms()
            norms = self.norms
            least = floor * norm - 1e-9
            dots = {i: d for i, d in dots.items() if (d + reach_ * bound[i]) / norms[i] >= least}
        if later:
            statements = self.statements
            for i in dots:
                ws = statements[i].weights
                extra = 0.0
                for stem, w in later:
                    v = ws.get(stem)
                    if v is not None:
                        extra += w * v
                dots[i] += extra
        norms = self.norms
        return {i: min(1.0, d / (norm * norms[i])) for i, d in dots.items()}

    def similarity(self, text: str, entry: Entry) -> float:
        """The best cosine of ``text`` with the entry's name or one of the names below it."""
        sa = self.statement(text)
        # the entries themselves, not the index: the support program's (X.XX.01) are not in it
        return max((sa.cosine(self.statement(e.name)) for e in self.nom.names_under(entry.code)),
                   default=0.0)

    def reach(self, text: str, *, top: int, levels: Sequence[str],
              programs: Iterable[str] | None) -> tuple[tuple[Entry, float], ...]:
        wanted = None
        if programs is not None:
            wanted = {p.code for p in (self.nom.program_of(c) for c in programs) if p is not None}
        found = self.cosines(self.statement(text), wanted, levels)
        scored = sorted(found.items(), key=lambda x: (-x[1], self.entries[x[0]].code))
        return tuple((self.entries[i], round(c, 6)) for i, c in scored[:top])


def _fold_version(version: str) -> str:
    return re.sub(r"\s+", " ", version.strip().casefold())


def resolve_version(version: str | None) -> str:
    """The shipped version a name means (``None``: :data:`DEFAULT_VERSION`); raises
    :class:`NomenclatureError` naming the versions shipped."""
    if version is None:
        return DEFAULT_VERSION
    if version in VERSIONS:
        return version
    folded = _fold_version(version)
    for name in VERSIONS:
        if _fold_version(name) == folded:
            return name
    if folded in _ALIASES:
        return _ALIASES[folded]
    shipped = ", ".join(VERSIONS)
    raise NomenclatureError(f"unknown nomenclature version {version!r}; smartsync ships: {shipped}",
                            {"version": repr(version), "shipped": shipped})


def known_versions() -> tuple[str, ...]:
    """Every way of naming a shipped version that :func:`resolve_version` accepts (the
    versions themselves first), for a did-you-mean."""
    return tuple(dict.fromkeys([*VERSIONS, *_ALIASES]))


def data_file(name: str) -> bytes:
    """The bytes of a file of ``smartsync/matching/data`` (read beside this module: importlib's
    resources would import tempfile, which matching never needs; a package that is not on
    disk is read through them)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:  # pragma: no cover - zipped packages
        from importlib import resources

        return resources.files("smartsync.matching").joinpath("data", name).read_bytes()


@functools.lru_cache(maxsize=None)
def _load(version: str) -> Nomenclature:
    name = VERSIONS[version]
    raw = data_file(name)
    doc = json.loads(gzip.decompress(raw).decode("utf-8"))
    # the shipped file's codes and names are strings: each Entry stored as it is (what
    # Entry() makes of them, half its cost; 4,367 entries)
    from ..model import _unchecked

    entry = _unchecked(Entry)
    levels = _LEVEL_OF_PARTS
    entries = [entry(code, text, levels.get(code.count(".") + 1, "sub-kegiatan"))
               for code, text in doc["entries"]]
    return Nomenclature(entries, regulation=doc["regulation"], version=doc["version"],
                        scope=doc.get("scope", ""), source=doc.get("source", ""))


def load_nomenclature(version: str | None = None) -> Nomenclature:
    """The nomenclature of ``version`` (default :data:`DEFAULT_VERSION`), read once per process.

    Raises :class:`NomenclatureError` for a version smartsync does not ship.
    """
    return _load(resolve_version(version))
