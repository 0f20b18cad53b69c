"""A researcher's variant written from docs/variants.rst alone:
type B (synchronization starts at the mission) needs EVERY masterplan mission synchronized."""
from smartsync.facts import ConditionFailed, StageCoverage
from smartsync.rules import MATCH, PHASE, TEST, Rule, concludes
from smartsync.variants import Variant, default_packs


class FullMissionPack:
    """Type B only when every masterplan mission is synchronized."""

    @concludes(ConditionFailed, stage="mission", condition="full_mission")
    @Rule(StageCoverage(stage="mission", present=True, synchronized=MATCH.synchronized, total=MATCH.total),
          TEST(lambda synchronized, total: synchronized < total),
          salience=PHASE["condition"])
    def mission_not_full(self, synchronized, total):
        """Concludes that synchronization cannot start at the mission: not every masterplan mission is synchronized."""
        self.declare(ConditionFailed(stage="mission", condition="full_mission",
                                     figures={"synchronized": synchronized, "total": total,
                                              "missing": total - synchronized}))


VARIANT = Variant(
    "full-mission", default_packs() + (FullMissionPack,),
    description="Type B needs every masterplan mission synchronized.",
    messages={
        "en": {"condition.full_mission": "not every masterplan mission is synchronized",
               "why_not.chain_intact.blocked.ConditionFailed.full_mission":
                   "synchronization cannot start at the mission: {synchronized} of {total} masterplan missions are synchronized, all are needed"},
        "id": {"condition.full_mission": "tidak semua misi masterplan tersinkronisasi",
               "why_not.chain_intact.blocked.ConditionFailed.full_mission":
                   "sinkronisasi tidak dapat dimulai pada misi: {synchronized} dari {total} misi masterplan tersinkronisasi, semuanya diperlukan"},
    })
