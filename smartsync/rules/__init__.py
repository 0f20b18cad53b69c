"""The rule packs: the typology criteria and the characteristic descriptions.

Each module holds one concern, as a *pack*: a plain class whose methods are
declarative experta rules, each with a docstring that says what it concludes
and why. A classifier is assembled from packs (see
:class:`smartsync.Classifier`); the default packs are, in order:

- :mod:`~smartsync.rules.stages` -- per stage: present, coverage, synchronized.
- :mod:`~smartsync.rules.typology` -- the type: the highest stage from which
  every present stage down to the base stage is synchronized.
- :mod:`~smartsync.rules.characteristics` -- what the type found means.
- :mod:`~smartsync.rules.diagnostics` -- findings worth a planner's attention.
- :mod:`~smartsync.rules.funding` -- programs with a route to APBD funding.

Rules conclude by declaring facts of :mod:`smartsync.facts`. A rule that
concludes a fact other rules or a planner ask about is marked with
:func:`concludes`, so that why-not can ask it why it did not fire.

Saliences order the phases (higher fires first): see :data:`PHASE`.
"""

from __future__ import annotations

from typing import Any, Callable, TypeVar

from .._compat import experta

__all__ = ["concludes", "PHASE", "DEFAULT_PACKS", "Rule", "MATCH", "NOT", "TEST", "W", "P", "AS"]

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
    "coverage": 90,
    "status": 80,
    "chain": 70,
    "intact": 60,
    "supersede": 55,
    "type": 50,
    "members": 45,
    "describe": 40,
    "diagnose": 30,
    "fund": 30,
}

R = TypeVar("R")


def concludes(fact_class: type, **fields: Any) -> Callable[[R], R]:
    """Mark a rule with the fact it concludes, for why-not.

    ``fields`` give the concluded fact's fields: a literal value, or a
    ``MATCH.name`` naming the rule variable that fills the field. Apply it
    above ``@Rule``::

        @concludes(TypeResult, stage=MATCH.stage)
        @Rule(ChainIntact(stage=MATCH.stage), NOT(Superseded(stage=MATCH.stage)))
        def type_from_highest_intact_chain(self, stage): ...
    """

    def mark(rule: R) -> R:
        marks = list(getattr(rule, "_smartsync_concludes", ()))
        marks.append((fact_class, dict(fields)))
        setattr(rule, "_smartsync_concludes", tuple(marks))
        return rule

    return mark


def _default_packs() -> tuple[type, ...]:
    from .characteristics import CharacteristicsPack
    from .diagnostics import DiagnosticsPack
    from .funding import FundingPack
    from .stages import StagesPack
    from .typology import TypologyPack

    return (StagesPack, TypologyPack, CharacteristicsPack, DiagnosticsPack, FundingPack)


def __getattr__(name: str) -> Any:
    if name == "DEFAULT_PACKS":
        return _default_packs()
    raise AttributeError(name)
