"""The plan data model: levels, dimensions, elements, plans, matches, regions.

Every class here is small, immutable (``attrs`` frozen) and validated on
construction. A validator that rejects a value names the attribute, the value
it expected and the value it got. This module imports nothing of smartsync:
it is the vocabulary every other module speaks.

Cross-references (a parent id that exists in the plan, a match naming known
elements of the same level) are checked by :func:`smartsync.validate_region`
and by the region file reader, which report every problem at once instead of
stopping at the first.
"""

from __future__ import annotations

import enum
import math
from typing import Any, Iterable, Iterator, Mapping

import attrs

__all__ = [
    "Level",
    "PlanKind",
    "Dimension",
    "Relation",
    "Source",
    "RegionKind",
    "Period",
    "Provenance",
    "Confidence",
    "Element",
    "Plan",
    "Match",
    "RejectedMatch",
    "Region",
]


def _norm(value: str) -> str:
    """Fold case, spaces and hyphens so ``Smart Governance`` reads as ``smart_governance``."""
    return "_".join(value.strip().lower().replace("-", " ").split())


class _Parsable(str, enum.Enum):
    """A string enum that parses its English values and registered synonyms."""

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return {}

    @classmethod
    def parse(cls, value: Any) -> "_Parsable":
        """Return the member named by ``value`` (a member, its value or a synonym).

        Raises :class:`ValueError` naming the accepted values when nothing fits.
        """
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            key = _norm(value)
            key = cls.synonyms().get(key, key)
            for member in cls:
                if member.value == key:
                    return member
        accepted = ", ".join(m.value for m in cls)
        raise ValueError(f"unknown {cls._label()} {value!r}; expected one of: {accepted}")

    @classmethod
    def parses(cls, value: Any) -> bool:
        """Whether :meth:`parse` gives a member for ``value`` (a stage named by a variant
        may be no level)."""
        try:
            cls.parse(value)
        except ValueError:
            return False
        return True

    @classmethod
    def accepted_names(cls) -> tuple[str, ...]:
        """Every spelling :meth:`parse` accepts (values, then synonyms)."""
        return tuple(m.value for m in cls) + tuple(cls.synonyms())

    @classmethod
    def _label(cls) -> str:
        return cls.__name__.lower()

    def __str__(self) -> str:
        return self.value


class Level(_Parsable):
    """A level of the planning hierarchy, top to bottom.

    Indonesian names are accepted as input synonyms: ``visi``, ``misi``,
    ``tujuan``, ``sasaran``, ``strategi``, ``arah_kebijakan``, ``program``,
    ``kegiatan``.
    """

    VISION = "vision"
    MISSION = "mission"
    GOAL = "goal"
    TARGET = "target"
    STRATEGY = "strategy"
    POLICY = "policy"
    PROGRAM = "program"
    ACTIVITY = "activity"

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return _LEVEL_SYNONYMS

    @property
    def rank(self) -> int:
        """Position in the hierarchy: 0 for vision, 7 for activity."""
        return _LEVEL_ORDER.index(self)

    def is_above(self, other: "Level") -> bool:
        """Whether this level stands higher in the hierarchy than ``other``."""
        return self.rank < other.rank


_LEVEL_ORDER = tuple(Level)
_LEVEL_SYNONYMS = {
    "visi": "vision",
    "misi": "mission",
    "tujuan": "goal",
    "sasaran": "target",
    "strategi": "strategy",
    "arah_kebijakan": "policy",
    "kebijakan": "policy",
    "kegiatan": "activity",
}


class PlanKind(_Parsable):
    """Which of the two strategic plans a :class:`Plan` is."""

    RPJMD = "rpjmd"
    MASTERPLAN = "masterplan"

    @classmethod
    def _label(cls) -> str:
        return "plan kind"


class Dimension(_Parsable):
    """A smart city dimension of the masterplan.

    Input may write ``smart_governance``, ``smart governance`` or
    ``Smart Governance`` for ``governance``, and the other names masterplans use
    (:data:`DIMENSION_WORDS`: ``Smart Government``, ``Smart People``, ``Ekonomi
    Cerdas``, ``tata kelola``, ``lingkungan hidup``...).
    """

    GOVERNANCE = "governance"
    BRANDING = "branding"
    ECONOMY = "economy"
    LIVING = "living"
    SOCIETY = "society"
    ENVIRONMENT = "environment"

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return _DIMENSION_SYNONYMS


#: the words masterplans name each dimension by, in English and Indonesian (the names the
#: national movement uses, their common variants, the Indonesian names); each is also
#: accepted after ``smart`` or ``dimensi`` and before ``cerdas`` (``Smart People``,
#: ``Ekonomi Cerdas``, ``Dimensi Tata Kelola``). ``smartsync draft`` reads the same names
#: from documents (a test holds the two together).
DIMENSION_WORDS: Mapping[str, tuple[str, ...]] = {
    "governance": ("governance", "government", "tata kelola", "pemerintahan"),
    "branding": ("branding", "pencitraan", "citra"),
    "economy": ("economy", "economic", "ekonomi"),
    "living": ("living", "livable", "liveable", "kehidupan", "hidup"),
    "society": ("society", "people", "social", "masyarakat", "sosial"),
    "environment": ("environment", "environmental", "lingkungan", "lingkungan hidup"),
}


def _dimension_synonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for value, words in DIMENSION_WORDS.items():
        for word in words:
            for form in (word, f"smart {word}", f"{word} cerdas", f"dimensi {word}",
                         f"dimensi smart {word}", f"dimensi {word} cerdas"):
                key = _norm(form)
                if key != value:
                    out.setdefault(key, value)
    return out


_DIMENSION_SYNONYMS = _dimension_synonyms()


class Relation(_Parsable):
    """How a masterplan element relates to the RPJMD element it is matched to.

    Indonesian names are accepted as input synonyms (the glossary's words and their
    stems): ``diadopsi``/``adopsi``, ``diturunkan``/``turunan``,
    ``diselaraskan``/``selaras``.
    """

    ADOPTED = "adopted"  #: taken over, same meaning
    DERIVED = "derived"  #: formulated from it
    ALIGNED = "aligned"  #: supports it

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return _RELATION_SYNONYMS


_RELATION_SYNONYMS = {
    "diadopsi": "adopted", "adopsi": "adopted",
    "diturunkan": "derived", "turunan": "derived",
    "diselaraskan": "aligned", "selaras": "aligned",
}


class Source(_Parsable):
    """Where a match comes from: coded by a person, or suggested from the texts.

    Indonesian names are accepted as input synonyms (the glossary's *padanan usulan mesin*):
    ``usulan``, ``usulan_mesin`` / ``usulan mesin`` for ``suggested``.
    """

    MANUAL = "manual"
    SUGGESTED = "suggested"

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return {"usulan": "suggested", "usulan_mesin": "suggested"}


class RegionKind(_Parsable):
    """A city (*kota*) or a regency (*kabupaten*)."""

    KOTA = "kota"
    KABUPATEN = "kabupaten"

    @classmethod
    def synonyms(cls) -> Mapping[str, str]:
        return {"city": "kota", "regency": "kabupaten", "kab": "kabupaten", "kab.": "kabupaten"}

    @classmethod
    def _label(cls) -> str:
        return "region kind"


# --------------------------------------------------------------------------
# validators: each names the attribute, what it expected and what it got


def _nonempty_text(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string, got {type(value).__name__} {value!r}")
    if not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty text, got {value!r}")


def _optional_nonempty_text(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None:
        _nonempty_text(inst, attribute, value)


def _text_tuple(inst: Any, attribute: attrs.Attribute, value: tuple) -> None:
    for item in value:
        _nonempty_text(inst, attribute, item)


def _year(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be a year (an integer), got {value!r}")
    if not 1900 <= value <= 2200:
        raise ValueError(f"{attribute.name} must be a year between 1900 and 2200, got {value}")


def _budget(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be a whole number of rupiah, got {value!r}")
    if value < 0:
        raise ValueError(f"{attribute.name} must be zero or more rupiah, got {value}")


def _score(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise TypeError(f"{attribute.name} must be a number from 0 to 1, got {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be from 0 to 1, got {value}")


def _to_tuple(value: Any) -> tuple:
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def _as_tuple(value):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202
    # converter=tuple, as a Python function: for a builtin converter attrs reads the
    # signature from its text, which compiles the tokenizer's patterns (2-3 ms at every
    # start); unannotated like the builtin, so the generated __init__ is the same
    return tuple(value)


def _to_score(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    return value


# --------------------------------------------------------------------------
# the classes


@attrs.frozen
class Period:
    """The years a plan covers, both inclusive (``start`` <= ``end``)."""

    start: int = attrs.field(validator=_year)
    end: int = attrs.field(validator=_year)

    def __attrs_post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period start {self.start} is after its end {self.end}")

    def overlaps(self, other: "Period") -> bool:
        """Whether the two periods share at least one year."""
        return self.start <= other.end and other.start <= self.end

    def __iter__(self) -> Iterator[int]:
        return iter((self.start, self.end))


def _page(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{attribute.name} must be a whole number, got {value!r}")
    if value < 1:
        raise ValueError(f"{attribute.name} must be 1 or more, got {value}")


def _year_amounts(value: Any) -> Any:
    """A mapping or pairs of (year, rupiah) as a tuple of pairs; None, or nothing, as None."""
    if value is None:
        return None
    if isinstance(value, Mapping):
        value = value.items()
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        return value  # refused by the validator, naming it
    pairs = tuple(tuple(pair) if isinstance(pair, (list, tuple)) else pair for pair in value)
    return pairs or None


def _check_year_amounts(attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if not isinstance(value, tuple):
        raise TypeError(f"{attribute.name} must be pairs of a year and an amount, got {value!r}")
    seen: set[str] = set()
    for pair in value:
        if not (isinstance(pair, tuple) and len(pair) == 2):
            raise TypeError(f"{attribute.name} must be pairs of a year and an amount, got {pair!r}")
        year, amount = pair
        if not isinstance(year, str) or not year.strip():
            raise TypeError(f"{attribute.name}: a year must be a non-empty text, got {year!r}")
        if year in seen:
            raise ValueError(f"{attribute.name}: the year {year!r} is given twice")
        seen.add(year)
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"{attribute.name}: the amount of {year} must be a whole number of rupiah, "
                            f"got {amount!r}")
        if amount < 0:
            raise ValueError(f"{attribute.name}: the amount of {year} must be zero or more, got {amount}")


@attrs.frozen
class Provenance:
    """Where a drafted element was read: the file, the page and the text it came from.

    ``page`` is the 1-based page of a PDF or Word file as counted by a
    reader; ``printed_page`` the number printed on that page when there is
    one (``"5 - 3"``); ``sheet`` and ``row`` (1-based) place an element read
    from a workbook or CSV table; ``text`` is the source text the element was
    read from (a line, a table row), for a reviewer to check it against.
    ``code`` is a program code as the document wrote it, when the element's
    ``code`` is its normalised form (``"2.16.2"`` for ``"2.16.02"``).
    ``budget_by_year`` is a program's pagu as the document gave it year by
    year, in rupiah, each with its year: ``(("2022", 1_500_000_000), ...)``;
    a year named by its place in the plan (``pagu_1``, "Tahun ke-2") is
    ``"ke-1"``, ``"ke-2"``. The element's ``budget`` is their sum (the years
    within the plan's period, when the years are named).
    ``also`` holds the other places the element was read, in the draft's
    language as its reasons are (``("rpjmd.pdf p. 41",)``, ``("rpjmd.pdf hlm. 41",)``:
    a program listed in BAB VI and again in BAB VII is one program, read in both).
    Every field but ``file`` is optional.
    """

    file: str = attrs.field(validator=_nonempty_text)
    page: int | None = attrs.field(default=None, validator=_page)
    printed_page: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    sheet: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    row: int | None = attrs.field(default=None, validator=_page)
    text: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    code: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    budget_by_year: tuple[tuple[str, int], ...] | None = attrs.field(
        default=None, converter=_year_amounts, validator=lambda _, attribute, value: _check_year_amounts(attribute, value))
    also: tuple[str, ...] | None = attrs.field(
        default=None, converter=lambda value: None if value is None else (_to_tuple(value) or None),
        validator=lambda inst, attribute, value: value is None or _text_tuple(inst, attribute, value))

    def where(self) -> str:
        """A short place for a person: ``rpjmd.pdf p. 57 (5 - 3)``, ``sipd.xlsx Program!12``,
        ``sipd.csv row 12``."""
        place = self.file
        if self.page is not None:
            place += f" p. {self.page}"
            if self.printed_page is not None:
                place += f" ({self.printed_page})"
        if self.sheet is not None:
            place += f" {self.sheet}" + (f"!{self.row}" if self.row is not None else "")
        elif self.row is not None:
            place += f" row {self.row}"
        return place


def _confidence_score(inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        raise TypeError(f"{attribute.name} must be a number from 0 to 1, got {value!r}")
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be from 0 to 1, got {value}")


@attrs.frozen
class Confidence:
    """How sure a drafting step is of an element: a ``score`` from 0 to 1 and the ``reasons`` it is lower.

    A score below 1 comes with at least one reason (``"merged cell filled
    from above"``, ``"code does not have the nomenclature's shape"``...);
    a score of 1 has none.
    """

    score: float = attrs.field(converter=_to_score, validator=_confidence_score)
    reasons: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_text_tuple)

    def __attrs_post_init__(self) -> None:
        if self.score < 1.0 and not self.reasons:
            raise ValueError(f"a confidence of {self.score} below 1 needs its reasons")


@attrs.frozen
class Element:
    """One statement of a plan: a vision, a mission, a target, a program...

    ``parents`` are ids of elements of the same plan at higher levels
    (several when the plan cascades, *pohon kinerja*). ``code`` is the
    national program nomenclature (e.g. ``2.16.02``), ``budget`` the
    indicative funding (*pagu indikatif*) in rupiah, ``dimension`` the smart
    city dimension of a masterplan element, ``agency`` the responsible
    *perangkat daerah* of a program. ``provenance`` and
    ``confidence`` are written by ``smartsync draft``: where the element was
    read and how sure the drafting is of it (``None`` for elements typed by
    hand). ``nomenclature`` names the nomenclature version its code follows
    when that is not the region's (a program carried over from an older plan).
    """

    id: str = attrs.field(validator=_nonempty_text)
    level: Level = attrs.field(converter=Level.parse)
    text: str = attrs.field(validator=_nonempty_text)
    parents: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_text_tuple)
    code: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    dimension: Dimension | None = attrs.field(
        default=None, converter=attrs.converters.optional(Dimension.parse)
    )
    indicators: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_text_tuple)
    budget: int | None = attrs.field(default=None, validator=_budget)
    agency: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    provenance: Provenance | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Provenance)))
    confidence: Confidence | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Confidence)))
    #: the version of the national program nomenclature its ``code`` follows, when it is not
    #: the region's (``None``: the region's own, else the default)
    nomenclature: str | None = attrs.field(default=None, validator=_optional_nonempty_text)

    def __attrs_post_init__(self) -> None:
        if self.id in self.parents:
            raise ValueError(f"element {self.id!r} names itself as a parent")


@attrs.frozen
class Plan:
    """An RPJMD or a masterplan: its kind, its period and its elements in file order."""

    kind: PlanKind = attrs.field(converter=PlanKind.parse)
    period: Period = attrs.field(validator=attrs.validators.instance_of(Period))
    elements: tuple[Element, ...] = attrs.field(default=(), converter=_as_tuple)
    _index: Mapping[str, Element] = attrs.field(init=False, repr=False, eq=False, hash=False)

    @elements.validator
    def _check_elements(self, attribute: attrs.Attribute, value: tuple) -> None:
        seen: set[str] = set()
        for element in value:
            if not isinstance(element, Element):
                raise TypeError(f"elements must hold Element objects, got {element!r}")
            if element.id in seen:
                raise ValueError(f"duplicate element id {element.id!r} in the {self.kind} plan")
            seen.add(element.id)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {e.id: e for e in self.elements})

    def get(self, element_id: str) -> Element | None:
        """The element with this id, or ``None``."""
        return self._index.get(element_id)

    def __getitem__(self, element_id: str) -> Element:
        return self._index[element_id]

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._index

    def at(self, level: Level | str) -> tuple[Element, ...]:
        """The elements at one level, in file order."""
        lvl = Level.parse(level)
        return tuple(e for e in self.elements if e.level is lvl)

    def levels(self) -> tuple[Level, ...]:
        """The levels this plan has elements at, top to bottom."""
        present = {e.level for e in self.elements}
        return tuple(level for level in Level if level in present)


@attrs.frozen
class Match:
    """A link from a masterplan element to an RPJMD element.

    ``source`` says who made it: ``manual`` (a researcher coded it, ideally
    with a ``note`` or page reference) or ``suggested`` (computed from the
    texts, with a ``score`` from 0 to 1 and the shared terms as ``evidence``).
    """

    masterplan: str = attrs.field(validator=_nonempty_text)
    rpjmd: str = attrs.field(validator=_nonempty_text)
    relation: Relation = attrs.field(converter=Relation.parse)
    source: Source = attrs.field(default=Source.MANUAL, converter=Source.parse)
    score: float | None = attrs.field(default=None, converter=_to_score, validator=_score)
    note: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_text_tuple)

    def __attrs_post_init__(self) -> None:
        if self.source is Source.SUGGESTED and self.score is None:
            raise ValueError(
                f"match {self.masterplan} -> {self.rpjmd}: a suggested match needs a score"
            )

    @property
    def key(self) -> tuple[str, str]:
        """The pair of element ids this match links: ``(masterplan, rpjmd)``."""
        return (self.masterplan, self.rpjmd)


@attrs.frozen
class RejectedMatch:
    """A pair a reviewer rejected: the masterplan element is *not* linked to this RPJMD element.

    Kept in the region so that suggested matches never propose the pair again
    (``rejected`` in a region file); it plays no part in the classification.
    ``note`` says why, when the reviewer gave a reason.
    """

    masterplan: str = attrs.field(validator=_nonempty_text)
    rpjmd: str = attrs.field(validator=_nonempty_text)
    note: str | None = attrs.field(default=None, validator=_optional_nonempty_text)

    @property
    def key(self) -> tuple[str, str]:
        """The pair of element ids: ``(masterplan, rpjmd)``."""
        return (self.masterplan, self.rpjmd)


@attrs.frozen
class Region:
    """A city or regency with its RPJMD, its masterplan and the matches between them.

    ``rejected`` holds the pairs a reviewer rejected (:class:`RejectedMatch`):
    never suggested again, and not matches.
    """

    id: str = attrs.field(validator=_nonempty_text)
    name: str = attrs.field(validator=_nonempty_text)
    kind: RegionKind = attrs.field(converter=RegionKind.parse)
    rpjmd: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    masterplan: Plan = attrs.field(validator=attrs.validators.instance_of(Plan))
    matches: tuple[Match, ...] = attrs.field(default=(), converter=_as_tuple)
    province: str | None = attrs.field(default=None, validator=_optional_nonempty_text)
    rejected: tuple[RejectedMatch, ...] = attrs.field(default=(), converter=_as_tuple)
    #: the version of the national program nomenclature its program codes follow
    #: (``"900.1.15.5-1317/2023"``); ``None``: smartsync's default version
    nomenclature: str | None = attrs.field(default=None, validator=_optional_nonempty_text)

    @rpjmd.validator
    def _check_rpjmd(self, attribute: attrs.Attribute, value: Plan) -> None:
        if value.kind is not PlanKind.RPJMD:
            raise ValueError(f"rpjmd must be a plan of kind rpjmd, got {value.kind.value}")

    @masterplan.validator
    def _check_masterplan(self, attribute: attrs.Attribute, value: Plan) -> None:
        if value.kind is not PlanKind.MASTERPLAN:
            raise ValueError(f"masterplan must be a plan of kind masterplan, got {value.kind.value}")

    @matches.validator
    def _check_matches(self, attribute: attrs.Attribute, value: tuple) -> None:
        for match in value:
            if not isinstance(match, Match):
                raise TypeError(f"matches must hold Match objects, got {match!r}")

    @rejected.validator
    def _check_rejected(self, attribute: attrs.Attribute, value: tuple) -> None:
        for pair in value:
            if not isinstance(pair, RejectedMatch):
                raise TypeError(f"rejected must hold RejectedMatch objects, got {pair!r}")

    def plan(self, kind: PlanKind | str) -> Plan:
        """The RPJMD or the masterplan."""
        return self.rpjmd if PlanKind.parse(kind) is PlanKind.RPJMD else self.masterplan


# --------------------------------------------------------------------------
# building from values a reader has already checked


_UNCHECKED: dict[type, Any] = {}


def _unchecked(cls: type) -> Any:
    """A constructor of the frozen attrs class ``cls`` for values that are already what its
    ``__init__`` would make of them: it takes the fields ``__init__`` takes, positionally and
    all of them, in the class's order, and stores them as they are -- no converter, no
    validator, no ``__attrs_post_init__`` (:func:`_unchecked_plan` builds a plan's index).

    For the region file reader (:mod:`smartsync.io.regionfile`), which checks every value
    before it builds anything and words each problem with the file, the line and the
    element; it builds a region only from a file without errors. The same objects as the
    checked constructors make, about three times faster (tests/test_io_unchecked.py
    rebuilds what the reader returns with them and compares). Made on first use: the
    exec() of a few lines, once per class and process (their code from the command's code
    cache, :mod:`smartsync._codecache`, where it is on).
    """
    make = _UNCHECKED.get(cls)
    if make is None:
        names = [a.name for a in attrs.fields(cls) if a.init]
        # a slotted class's fields are member descriptors: their __set__ stores a value
        # without the frozen class's __setattr__ (which refuses) or a look-up by name
        setters = {f"_set{i}": getattr(cls, name).__set__ for i, name in enumerate(names)}
        args = ", ".join(f"a{i}" for i in range(len(names)))
        body = "".join(f"    _set{i}(self, a{i})\n" for i in range(len(names)))
        namespace = {"_new": object.__new__, "_cls": cls, **setters}
        from ._codecache import compile  # Python's, or the command's code cache

        source = f"def make({args}):\n    self = _new(_cls)\n{body}    return self\n"
        exec(compile(source, "<smartsync.model._unchecked>", "exec"), namespace)  # noqa: S102
        make = _UNCHECKED[cls] = namespace["make"]
        make.__qualname__ = f"_unchecked({cls.__name__})"
    return make


def _unchecked_plan(kind: PlanKind, period: Period, elements: tuple[Element, ...]) -> Plan:
    """A :class:`Plan` of checked values (see :func:`_unchecked`), its index built."""
    plan: Plan = _unchecked(Plan)(kind, period, elements)
    plan.__attrs_post_init__()
    return plan
