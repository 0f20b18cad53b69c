"""A variant's condition figure named like a field of another fact on the why-not path
(``synchronized``, which StageStatus holds as yes/no) was shadowed by that field: why-not
said "yes of 4 masterplan missions are synchronized" instead of "3 of 4"."""

from __future__ import annotations

from pathlib import Path

import smartsync
from smartsync.facts import ConditionFailed, StageCoverage
from smartsync.rules import MATCH, PHASE, TEST, Rule, concludes
from smartsync.variants import Variant, default_packs

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


class FullMissionPack:
    """Type B only when every masterplan mission is synchronized."""

    @concludes(ConditionFailed, stage="mission", condition="full_mission")
    @Rule(StageCoverage(stage="mission", present=True, synchronized=MATCH.synchronized,
                        total=MATCH.total),
          TEST(lambda synchronized, total: synchronized < total),
          salience=PHASE["condition"])
    def mission_not_full(self, synchronized, total):
        """Concludes that synchronization cannot start at the mission: not every masterplan
        mission is synchronized."""
        self.declare(ConditionFailed(stage="mission", condition="full_mission",
                                     figures={"synchronized": synchronized, "total": total}))


FULL_MISSION = Variant(
    "full-mission", default_packs() + (FullMissionPack,),
    messages={
        "en": {"condition.full_mission": "not every masterplan mission is synchronized",
               "why_not.chain_intact.blocked.ConditionFailed.full_mission":
                   "{synchronized} of {total} masterplan missions are synchronized"},
        "id": {"condition.full_mission": "tidak semua misi masterplan tersinkronisasi",
               "why_not.chain_intact.blocked.ConditionFailed.full_mission":
                   "{synchronized} dari {total} misi masterplan tersinkronisasi"},
    })


def test_a_condition_figure_wins_over_a_same_named_field_of_another_fact():
    """Why-not of a type blocked by a variant's condition fills ``{synchronized}`` with the
    condition's count, in both languages, never with the stage status's yes/no."""
    region = smartsync.load_region(EXAMPLES / "type-b-mission.yaml")
    result = FULL_MISSION.classifier().classify(region)
    mission = result.stages["mission"]
    assert mission.synchronized < mission.total  # the example has a mission left out
    expected = f"{mission.synchronized} of {mission.total} masterplan missions"
    reasons = [r.message() for r in result.why_not("B")]
    assert any(expected in m for m in reasons), reasons
    indonesian = [r.message("id") for r in result.why_not("B")]
    assert any(f"{mission.synchronized} dari {mission.total} misi" in m for m in indonesian)
    assert not any("True of" in m or "yes of" in m or "ya dari" in m
                   for m in reasons + indonesian)
