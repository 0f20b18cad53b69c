"""The result of classifying one region: :class:`Classification`.

Data, not text: every conclusion is a small frozen object that knows the id
of the fact behind it, so that :meth:`Classification.how` can explain it and
:meth:`Classification.why_not` can say why another type was not given.
Words for a planner come from :mod:`smartsync.messages` (English and
Indonesian), through the ``message`` methods and the renderers.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Mapping

import attrs

from .trace import Derivation, FactRecord, Trace
from .typology import Parameters, Typology

if TYPE_CHECKING:  # pragma: no cover
    from .whynot import Reason

__all__ = ["StageResult", "CharacteristicResult", "DiagnosticResult", "FundingResult",
           "Classification", "RuleSet"]


@attrs.frozen
class StageResult:
    """One stage of the typology in one region.

    ``present``: the masterplan has elements at this stage; ``total``: how
    many; ``synchronized``: how many are synchronized; ``coverage``: their
    share (0 when absent); ``is_synchronized``: the stage reaches its
    threshold; ``full``: every element is synchronized;
    ``synchronized_ids`` / ``unsynchronized_ids``: the masterplan element ids;
    ``matched``: how many have a match of their level, whether it counts or
    not (the rules' conclusion: ``synchronized`` of them count);
    ``rejected_ids``: the elements that are matched but none of whose
    matches counts under the rules in force.
    """

    stage: str
    present: bool
    total: int
    synchronized: int
    coverage: float
    is_synchronized: bool
    full: bool
    threshold: float
    synchronized_ids: tuple[str, ...] = ()
    unsynchronized_ids: tuple[str, ...] = ()
    matched: int | None = attrs.field(default=None, eq=False)
    rejected_ids: tuple[str, ...] = attrs.field(default=(), eq=False)
    fact_id: int | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def partial(self) -> bool:
        """Synchronized, but not every element of the stage is."""
        return self.is_synchronized and not self.full


@attrs.frozen
class CharacteristicResult:
    """A characteristic of the type found: ``key``, ``value`` and the ``figures`` behind it."""

    key: str
    value: Any
    figures: Mapping[str, Any] = attrs.field(factory=dict)
    fact_id: int | None = attrs.field(default=None, eq=False, repr=False)
    #: the words of the classifier that concluded it (its own keys), by language
    messages: Mapping[str, Mapping[str, str]] | None = attrs.field(default=None, eq=False,
                                                                   repr=False)

    def message(self, lang: str = "en") -> str:
        """The characteristic in words, in English (``en``) or Indonesian (``id``), with
        the messages of the classifier that concluded it."""
        from .messages import characteristic_message, using

        with using(self.messages):
            return characteristic_message(self, lang)


@attrs.frozen
class DiagnosticResult:
    """A finding: ``code``, ``severity`` (``blocking``: it blocks the type or the funding;
    ``warning``: it needs review; ``info``: worth knowing), the ``elements`` concerned (each
    listed in one finding only), the ``figures``."""

    code: str
    severity: str
    elements: tuple[str, ...]
    figures: Mapping[str, Any] = attrs.field(factory=dict)
    fact_id: int | None = attrs.field(default=None, eq=False, repr=False)
    #: the words of the classifier that concluded it (its own keys), by language
    messages: Mapping[str, Mapping[str, str]] | None = attrs.field(default=None, eq=False,
                                                                   repr=False)

    def message(self, lang: str = "en") -> str:
        """The finding in words, in English (``en``) or Indonesian (``id``), with the
        messages of the classifier that concluded it."""
        from .messages import diagnostic_message, using

        with using(self.messages):
            return diagnostic_message(self, lang)


@attrs.frozen
class FundingResult:
    """Masterplan programs with a route to APBD funding.

    ``total`` masterplan programs; ``fundable`` of them matched to an RPJMD
    program with a budget (``fundable_ids``); their ``share``; ``budget``: the
    indicative budget (rupiah) of the distinct RPJMD programs they match
    (``rpjmd_programs``); ``uncounted_ids``: programs matched to a budgeted RPJMD
    program only by matches the rules do not count (no route to APBD funding).
    ``periods_apart``: the two plans' periods share no year, so the RPJMD's pagu funds
    no year of the masterplan: ``fundable`` is 0 and ``budget`` 0, and the programs
    synchronized with budgeted RPJMD programs are ``apart_ids``, their RPJMD budget
    ``apart_budget``, with the two ``periods`` (``rpjmd_start``, ``rpjmd_end``,
    ``masterplan_start``, ``masterplan_end``).
    ``shared_years``: ``(start, end)`` when the masterplan shares only some of the RPJMD's
    years (empty when it has all of them); then ``budget`` counts the pagu of those years for
    the RPJMD programs whose pagu is known year by year (``split_ids``) and the whole RPJMD
    period's pagu for the others (``unsplit_ids``, ``unsplit_budget``: a share of it falls in
    the shared years, which the region does not let split); ``rpjmd_budget`` is the pagu of
    all of them over the RPJMD period.
    """

    total: int
    fundable: int
    share: float
    budget: int
    fundable_ids: tuple[str, ...] = ()
    rpjmd_programs: tuple[str, ...] = ()
    uncounted_ids: tuple[str, ...] = ()
    fact_id: int | None = attrs.field(default=None, eq=False, repr=False)
    periods_apart: bool = False
    apart_ids: tuple[str, ...] = ()
    apart_budget: int = 0
    periods: Any = attrs.field(factory=dict)
    shared_years: tuple[int, ...] = ()
    split_ids: tuple[str, ...] = ()
    unsplit_ids: tuple[str, ...] = ()
    unsplit_budget: int = 0
    rpjmd_budget: int = 0


@attrs.frozen
class RuleSet:
    """The rules a result was concluded under, as a report names them: the variant's
    ``name`` (``cascading``, a study's own), where it comes from (``source``, e.g.
    ``mystudy:VARIANT``) and what it changes in each language (``descriptions``,
    ``{"en": ..., "id": ...}``). The default rules have ``name`` ``default``."""

    name: str
    source: str = ""
    descriptions: Mapping[str, str] = attrs.field(factory=dict)

    @property
    def is_default(self) -> bool:
        """Whether these are the shipped default rules (a report need not name them)."""
        return self.name == "default"

    def description(self, lang: str = "en") -> str:
        """What the rule set changes, in ``lang`` (English where it has no words in ``lang``)."""
        return self.descriptions.get(lang) or self.descriptions.get("en", "")


#: the rules of a classifier that was given no name (the default classifier's)
DEFAULT_RULE_SET = RuleSet("default", "smartsync.variants:DEFAULT")


@attrs.frozen(eq=False)
class Classification:
    """How one region's masterplan is synchronized with its RPJMD, and why.

    ``type`` is a member of the typology's type enum (for the default
    typology :class:`~smartsync.SyncType`: ``vision``, ``mission``,
    ``target``, ``program`` or ``unsynchronized``); ``stages`` maps each
    stage name to its :class:`StageResult`, top to bottom.
    """

    region_id: str
    region_name: str
    typology: Typology
    params: Parameters
    type: enum.Enum
    stages: Mapping[str, StageResult]
    chain: tuple[str, ...]
    characteristics: tuple[CharacteristicResult, ...]
    diagnostics: tuple[DiagnosticResult, ...]
    funding: FundingResult | None
    trace: Trace
    region: Any = attrs.field(repr=False)
    _why_not: Any = attrs.field(repr=False, alias="why_not_engine")
    #: the words of the classifier's own keys, by language: the renderers put this
    #: result into words with them (:func:`smartsync.messages.using`)
    messages: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, repr=False)
    #: the rules this result was concluded under (a variant's name and description);
    #: every output made under a variant names it
    rule_set: RuleSet = attrs.field(default=DEFAULT_RULE_SET, repr=False)

    def __reduce__(self) -> tuple:
        # picklable for batch runs across processes: the why-not evaluator pickles itself
        # (the engine's rules hold lambdas: it is rebuilt from the rule packs when asked)
        state = {f.name: getattr(self, f.name) for f in attrs.fields(Classification)
                 if f.name not in ("_why_not", "type")}
        return (_restore, (state, self.type.value, self._why_not))

    @property
    def type_letter(self) -> str | None:
        """The type's letter (A: vision, B: mission, C: target, D: program); ``None`` when unsynchronized."""
        return self.typology.letter(self.type)

    @property
    def rules_fired(self) -> tuple[str, ...]:
        """The names of the rules that fired, in firing order."""
        return self.trace.rules_fired

    def characteristic(self, key: str) -> CharacteristicResult | None:
        """The characteristic with this key, or ``None``."""
        for c in self.characteristics:
            if c.key == key:
                return c
        return None

    def diagnostics_with(self, code: str) -> tuple[DiagnosticResult, ...]:
        """The diagnostics with this code."""
        return tuple(d for d in self.diagnostics if d.code == code)

    def type_fact(self) -> FactRecord:
        """The trace's record of the concluded type."""
        return self.trace.find("TypeResult")[0]

    def how(self, conclusion: Any = None) -> Derivation:
        """The derivation of a conclusion, down to the region's elements and matches.

        ``conclusion``: nothing or the type (its enum member, its name or
        ``type``) for the type; a :class:`StageResult`,
        :class:`CharacteristicResult`, :class:`DiagnosticResult` or
        :class:`FundingResult` of this classification; a fact number of the trace
        (an ``int``) or its :class:`FactRecord`; a stage name prefixed
        ``stage:`` (``"stage:mission"``); a masterplan element's id prefixed
        ``element:`` (``"element:SP3"``: the conclusion that it is synchronized,
        by its first counting match -- :meth:`how_each` gives one per counting
        match -- or that it is not); or a stage name that is not the type.
        """
        if conclusion is None or conclusion == "type":
            return self.trace.how(self.type_fact())
        if isinstance(conclusion, FactRecord):
            return self.trace.how(conclusion)
        if isinstance(conclusion, int) and not isinstance(conclusion, bool):
            if conclusion not in self.trace.facts:
                raise ValueError(f"no fact #{conclusion} in this classification")
            return self.trace.how(conclusion)
        fact_id = getattr(conclusion, "fact_id", None)
        if fact_id is not None:
            return self.trace.how(fact_id)
        text = str(getattr(conclusion, "value", conclusion))
        if text.startswith("type:"):
            return self.how(None)
        if text.startswith("element:"):
            element = text[len("element:"):]
            found = (self.trace.find("ElementSynchronized", id=element)
                     or self.trace.find("ElementUnsynchronized", id=element))
            if found:
                return self.trace.how(found[0])
            raise ValueError(f"no conclusion about a masterplan element {element!r} at a stage "
                             f"of the typology in region {self.region_id!r}")
        if text == str(self.type.value):
            return self.trace.how(self.type_fact())
        stage = text[len("stage:"):] if text.startswith("stage:") else text
        try:
            stage = self.typology.parse_type(stage).value
        except ValueError:
            pass
        if stage in self.stages:
            status = self.trace.find("StageStatus", stage=stage)
            if status:
                return self.trace.how(status[0])
        choices = ", ".join(["type"] + [f"stage:{s}" for s in self.stages] + ["element:ID"])
        raise ValueError(f"no conclusion named {conclusion!r}; expected one of: {choices}")

    def how_each(self, conclusion: Any = None) -> tuple[Derivation, ...]:
        """Every derivation of a conclusion: for a masterplan element (``"element:SP3"``)
        synchronized by several counting matches, the conclusion of each of them (the rules
        conclude one ``ElementSynchronized`` per counting match), in the order of their
        RPJMD elements' ids; for anything else :meth:`how` accepts, its one derivation."""
        text = str(getattr(conclusion, "value", conclusion))
        if isinstance(conclusion, str) and text.startswith("element:"):
            from .facts import id_order

            found = self.trace.find("ElementSynchronized", id=text[len("element:"):])
            if len(found) > 1:
                found = sorted(found, key=lambda f: (id_order(str(f.get("rpjmd"))),
                                                     str(f.get("rpjmd"))))
                return tuple(self.trace.how(f) for f in found)
        return (self.how(conclusion),)

    def why_not(self, type: Any) -> "tuple[Reason, ...]":
        """Why the region did not get ``type``: each condition that failed, with the
        figures behind it. Empty for the type concluded.

        ``type``: an enum member, a stage name, a letter (``A``...) or ``unsynchronized``.
        """
        wanted = self.typology.parse_type(type)
        if wanted == self.type:
            return ()
        return self._why_not(wanted)

    def why_not_synchronized(self, element_id: str) -> "tuple[Reason, ...]":
        """Why a masterplan element is not synchronized: the condition of the element
        rules it fails (no match; a match whose relation does not count at its stage; a
        condition of the variant...), with the figures behind it. Empty for an element
        that is synchronized or not at a stage of the typology."""
        if self.region.masterplan.get(element_id) is None:
            known = ", ".join(e.id for e in self.region.masterplan.elements[:12])
            raise ValueError(f"no masterplan element {element_id!r} in region "
                             f"{self.region_id!r} (it has: {known}...)")
        return self._why_not.element(element_id)

    def _repr_html_(self) -> str:
        """The type, the stages and the alignment diagram, as a notebook shows the result
        (:mod:`smartsync.render.notebook`)."""
        from .render.notebook import classification_html

        return classification_html(self)

    def why_not_all(self) -> "dict[str, tuple[Reason, ...]]":
        """Why-not for every type not concluded, keyed by type value, in typology order."""
        return {t.value: self.why_not(t) for t in self.typology.type_enum if t != self.type}


def _restore(state: dict, type_value: str, why_not: Any) -> Classification:
    typology = state["typology"]
    return Classification(type=typology.type_enum(type_value), why_not_engine=why_not, **state)
