"""An example of a condition added to one type: type B needs every RPJMD mission covered.

A variant of the study's typology (the worked example of :doc:`variants`): a
region is type B only when, besides its missions being synchronized and the
chain holding down to the programs, **every RPJMD mission has a synchronized
masterplan program under it** (through the RPJMD's parents, at any depth).
The other types are untouched: a type A region stays type A.

It is the idiom for adding one condition to one type, in two rules and no
rule of the typology pack rewritten:

1. a rule of the ``condition`` phase (after the stages' statuses, before the
   chains) concludes the figures the condition reads (here
   :class:`MissionCoverage`: the RPJMD missions no synchronized program reaches);
2. a rule concludes :class:`~smartsync.facts.ConditionFailed` for the type's
   stage when the condition does not hold. The typology's ``chain_intact``
   asks that no such fact names the stage, so synchronization cannot start
   there: the type falls to the next stage whose chain holds; why-not of the
   type says which condition failed, with its figures; the diagnostics report
   it (``condition_failed``); the advice, which classifies changed regions
   with the same rules, sees it.

Its words (``condition.mission_coverage`` and the why-not message keyed by
the condition) go with the variant: :data:`MISSION_COVERAGE`.
"""

from __future__ import annotations

from ..facts import ConditionFailed, Element, ElementSynchronized, Fact, StageStatus
from . import MATCH, PHASE, TEST, Rule, concludes

__all__ = ["MissionCoverage", "MissionCoveragePack", "MISSION_COVERAGE"]


class MissionCoverage(Fact):
    """The RPJMD missions no synchronized masterplan program reaches: ``uncovered`` (their
    ids), of ``missions`` (how many the RPJMD states)."""


class MissionCoveragePack:
    """Type B needs every RPJMD mission covered by a synchronized masterplan program."""

    @concludes(MissionCoverage)
    @Rule(StageStatus(stage="mission", synchronized=True), salience=PHASE["condition"] + 1)
    def rpjmd_mission_coverage(self):
        """Concludes which RPJMD missions no synchronized masterplan program reaches: a
        program reaches the RPJMD elements above its counterpart, through the RPJMD's
        parents at any depth. Asked only when the mission stage is synchronized."""
        parents = {f["id"]: f["parents"] for f in self.collect(Element, plan="rpjmd")}
        reached: set[str] = set()
        for synchronized in self.collect(ElementSynchronized, stage="program"):
            todo = [synchronized["rpjmd"]]
            while todo:
                element = todo.pop()
                if element not in reached:
                    reached.add(element)
                    todo.extend(parents.get(element, ()))
        missions = [f["id"] for f in self.collect(Element, plan="rpjmd", level="mission")]
        self.declare(MissionCoverage(uncovered=tuple(m for m in missions if m not in reached),
                                     missions=len(missions)))

    @concludes(ConditionFailed, stage="mission", condition="mission_coverage")
    @Rule(MissionCoverage(uncovered=MATCH.uncovered, missions=MATCH.missions),
          TEST(lambda uncovered: len(uncovered) > 0), salience=PHASE["condition"])
    def rpjmd_mission_uncovered(self, uncovered, missions):
        """Concludes that synchronization cannot start at the mission: an RPJMD mission
        has no synchronized masterplan program under it."""
        self.declare(ConditionFailed(stage="mission", condition="mission_coverage",
                                     figures={"uncovered": uncovered, "missions": missions}))


def _variant():  # type: ignore[no-untyped-def]
    from ..variants import Variant, default_packs

    return Variant(
        "mission-coverage", default_packs() + (MissionCoveragePack,),
        description="Type B needs every RPJMD mission covered by a synchronized masterplan "
                    "program.",
        source="smartsync.rules.mission_coverage:MISSION_COVERAGE",
        messages={
            "en": {
                "condition.mission_coverage":
                    "an RPJMD mission has no synchronized masterplan program under it",
                "why_not.chain_intact.blocked.ConditionFailed.mission_coverage":
                    "synchronization cannot start at the {stage}: RPJMD missions without a "
                    "synchronized masterplan program under them: {uncovered} (of {missions})",
            },
            "id": {
                "variant.description":
                    "Tipe B mensyaratkan setiap misi RPJMD memiliki program masterplan "
                    "tersinkronisasi di bawahnya.",
                "condition.mission_coverage":
                    "ada misi RPJMD yang tidak memiliki program masterplan tersinkronisasi "
                    "di bawahnya",
                "why_not.chain_intact.blocked.ConditionFailed.mission_coverage":
                    "sinkronisasi tidak dapat dimulai pada {stage}: misi RPJMD tanpa program "
                    "masterplan tersinkronisasi di bawahnya: {uncovered} (dari {missions})",
            },
        })


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    if name == "MISSION_COVERAGE":  # built when asked: variants imports the rules
        return _variant()
    raise AttributeError(name)
