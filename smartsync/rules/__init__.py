"""The rule packs: the typology criteria and the characteristic descriptions.

Each module holds one concern, as a *pack*: a plain class whose methods are
declarative experta rules, each with a docstring that says what it concludes
and why. A classifier is assembled from packs (see
:class:`smartsync.Classifier`); the default packs are, in order:

- :mod:`~smartsync.rules.elements` -- per masterplan element and match: does
  the match count, is the element synchronized, and by which match.
- :mod:`~smartsync.rules.stages` -- per stage: present, coverage (collected
  from the element conclusions), synchronized.
- :mod:`~smartsync.rules.typology` -- the type: the highest stage from which
  every present stage down to the base stage is synchronized.
- :mod:`~smartsync.rules.characteristics` -- what the type found means.
- :mod:`~smartsync.rules.diagnostics` -- findings worth a planner's attention.
- :mod:`~smartsync.rules.funding` -- programs with a route to APBD funding.

Rules conclude by declaring facts of :mod:`smartsync.facts`. A rule that
concludes a fact other rules or a planner ask about is marked with
:func:`concludes`, so that why-not can ask it why it did not fire.

Saliences order the phases (higher fires first): see :data:`PHASE`.

Writing rules: the aggregation idiom
------------------------------------

A decision about one element is one rule firing per element. A figure about
many elements (a stage's coverage) is made by a rule that fires **once** per
group, in a later phase, and *collects* the conclusions of the group with
the engine's ``self.collect(FactClass, **fields)`` (what CLIPS and Drools
call accumulate / collect)::

    @Rule(StageDef(name=MATCH.stage), salience=PHASE["coverage"])
    def stage_coverage(self, stage):
        synchronized = self.collect(ElementSynchronized, stage=stage)
        ...

``collect`` returns the facts of that class in working memory whose fields
equal the values given, in the order they were declared, and records their
ids in the current step of the trace as facts the step rests on: ``how()``
of the concluded figure reaches every element conclusion behind it. Collect
only what an earlier phase concludes (a higher salience): by the time the
collecting rule fires, that phase is complete. Counting by re-asserting a
counter fact per element is far slower in experta and leaves no better
trace: do not.

Input facts of a pack's own
---------------------------

A pack may declare input facts of its own from the region with a
classmethod ``input_facts(cls, region, typology, params)`` returning an
iterable of facts; the classifier declares them with the region's facts,
for every region, before any rule fires (see the ``cascading`` variant's
:class:`~smartsync.rules.cascading.Parent` facts).
"""

from __future__ import annotations

from typing import Any, Callable, Iterator, TypeVar

from .._compat import experta

__all__ = ["concludes", "patterns", "PHASE", "DEFAULT_PACKS", "Rule", "MATCH", "NOT", "TEST",
           "W", "P", "AS"]

Rule = experta.Rule
MATCH = experta.MATCH
NOT = experta.NOT
TEST = experta.TEST
W = experta.W
P = experta.P
AS = experta.AS

#: salience of each phase: a phase's rules fire only when no rule of an
#: earlier phase can fire, so each phase sees the complete conclusions of
#: the phases before it.
PHASE = {
    "derive": 120,     # helper facts from the input alone (ancestors in a plan...)
    "relate": 110,     # helper facts joining matches (a parent matched to an ancestor...)
    "reject": 100,     # MatchRejected: a match that does not count, and why
    "element": 95,     # ElementSynchronized: a match that counts
    "unsynchronized": 92,  # ElementUnsynchronized: an element no match synchronizes
    "coverage": 90,
    "status": 80,
    "chain": 70,
    "condition": 65,   # ConditionFailed: a variant's condition on the type starting at a stage
    "intact": 60,
    "supersede": 55,
    "type": 50,
    "members": 45,
    "figures": 42,     # figures about the type found, for the characteristics to condition on
    "describe": 40,
    "diagnose": 30,
    "fund": 30,
}

R = TypeVar("R")


def concludes(fact_class: type, **fields: Any) -> Callable[[R], R]:
    """Mark a rule with the fact it concludes, for why-not.

    ``fields`` give the concluded fact's fields: a literal value, or a
    ``MATCH.name`` naming the rule variable that fills the field. Apply it
    above ``@Rule`` (a rule may carry several)::

        @concludes(TypeResult, stage=MATCH.stage)
        @Rule(ChainIntact(stage=MATCH.stage), NOT(Superseded(stage=MATCH.stage)))
        def type_from_highest_intact_chain(self, stage): ...

    Asked why a ``TypeResult(stage="vision")`` is not in working memory,
    why-not binds ``stage`` to ``"vision"`` and evaluates the rule's
    conditions with it. A field given as a literal must equal the wanted
    fact's for the rule to be asked. A ``MATCH`` variable must be bound by a
    pattern of the rule (not only inside a ``NOT`` or a ``TEST``), and
    ``@concludes`` must sit above ``@Rule``: otherwise building a
    :class:`~smartsync.Classifier` raises :class:`~smartsync.RulePackError`
    instead of giving reasons that bind nothing.
    """

    def mark(rule: R) -> R:
        marks = list(getattr(rule, "_smartsync_concludes", ()))
        marks.append((fact_class, dict(fields)))
        setattr(rule, "_smartsync_concludes", tuple(marks))
        return rule

    return mark


def patterns(rule: Any, *, groups: bool = True) -> Iterator[Any]:
    """The fact patterns of a rule's positive conditions, in the rule's order: not those
    under a ``NOT``, no ``TEST``, not experta's ``InitialFact``. ``groups``: also the
    patterns inside ``AND``/``OR`` groups (why-not evaluates only the rule's own
    top-level patterns, so it asks without them). The one walker over a rule's
    conditions (``rules --check`` and why-not use it)."""
    fact = experta.Fact

    def walk(condition: Any) -> Iterator[Any]:
        if isinstance(condition, NOT):
            return
        if isinstance(condition, fact):
            if type(condition).__name__ != "InitialFact":
                yield condition
            return
        if groups and hasattr(condition, "__iter__") and not isinstance(condition, (str, bytes)):
            for inner in condition:
                yield from walk(inner)

    for condition in rule:
        yield from walk(condition)


def _default_packs() -> tuple[type, ...]:
    from .characteristics import CharacteristicsPack
    from .diagnostics import DiagnosticsPack
    from .elements import ElementsPack
    from .funding import FundingPack
    from .stages import StagesPack
    from .typology import TypologyPack

    return (ElementsPack, StagesPack, TypologyPack, CharacteristicsPack, DiagnosticsPack,
            FundingPack)


def __getattr__(name: str) -> Any:
    if name == "DEFAULT_PACKS":
        return _default_packs()
    raise AttributeError(name)
