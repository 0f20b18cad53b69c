"""A researcher's variants, written from docs/variants.rst alone (round 2).

- ALL_MISSIONS: type B needs every RPJMD mission to be the counterpart of a synchronized
  masterplan mission (a condition on the type's own stage).
- VISION_ALL_MISSIONS: type A needs the same (a condition on the stage ABOVE a type B region's).
- DIMENSIONS: a characteristic of my own, the smart city dimensions the synchronized programs reach.
- STRICT_MISSION: a stricter threshold for the mission stage alone (0.8).
"""
from smartsync import Parameters
from smartsync.facts import (Characteristic, ConditionFailed, Element, ElementSynchronized, Fact,
                             StageCoverage, TypeResult)
from smartsync.rules import MATCH, PHASE, TEST, W, Rule, concludes
from smartsync.variants import Variant, default_packs


class MissionCounterparts(Fact):
    """The RPJMD missions no synchronized masterplan mission is matched to: ``uncovered``, ``missions``."""


class AllMissionsPack:
    """Type B only when every RPJMD mission has a synchronized masterplan mission matched to it."""

    @concludes(MissionCounterparts)
    @Rule(StageCoverage(stage="mission", present=True), salience=PHASE["condition"] + 1)
    def rpjmd_missions_reached(self):
        """Concludes which RPJMD missions are the counterpart of no synchronized masterplan mission."""
        reached = {f["rpjmd"] for f in self.collect(ElementSynchronized, stage="mission")}
        missions = sorted(f["id"] for f in self.collect(Element, plan="rpjmd", level="mission"))
        self.declare(MissionCounterparts(uncovered=tuple(m for m in missions if m not in reached),
                                         missions=len(missions)))

    @concludes(ConditionFailed, stage="mission", condition="all_missions")
    @Rule(MissionCounterparts(uncovered=MATCH.uncovered, missions=MATCH.missions),
          TEST(lambda uncovered: len(uncovered) > 0), salience=PHASE["condition"])
    def rpjmd_mission_unreached(self, uncovered, missions):
        """Concludes that synchronization cannot start at the mission: an RPJMD mission has no synchronized masterplan mission."""
        self.declare(ConditionFailed(stage="mission", condition="all_missions",
                                     figures={"uncovered": ", ".join(uncovered), "missions": missions,
                                              "count": len(uncovered)}))


class VisionAllMissionsPack:
    """Type A only when every RPJMD mission has a synchronized masterplan mission matched to it."""

    @concludes(MissionCounterparts)
    @Rule(StageCoverage(stage="mission", present=True), salience=PHASE["condition"] + 1)
    def rpjmd_missions_reached_for_vision(self):
        """Concludes which RPJMD missions are the counterpart of no synchronized masterplan mission."""
        reached = {f["rpjmd"] for f in self.collect(ElementSynchronized, stage="mission")}
        missions = sorted(f["id"] for f in self.collect(Element, plan="rpjmd", level="mission"))
        self.declare(MissionCounterparts(uncovered=tuple(m for m in missions if m not in reached),
                                         missions=len(missions)))

    @concludes(ConditionFailed, stage="vision", condition="vision_all_missions")
    @Rule(MissionCounterparts(uncovered=MATCH.uncovered, missions=MATCH.missions),
          TEST(lambda uncovered: len(uncovered) > 0), salience=PHASE["condition"])
    def vision_mission_unreached(self, uncovered, missions):
        """Concludes that synchronization cannot start at the vision: an RPJMD mission has no synchronized masterplan mission."""
        self.declare(ConditionFailed(stage="vision", condition="vision_all_missions",
                                     figures={"uncovered": ", ".join(uncovered), "missions": missions,
                                              "count": len(uncovered)}))


class DimensionsPack:
    """The smart city dimensions the synchronized masterplan programs reach."""

    @concludes(Characteristic, key="dimension_reach")
    @Rule(TypeResult(stage=W()), salience=PHASE["describe"])
    def dimension_reach(self):
        """Concludes how many of the masterplan's dimensions have a synchronized program."""
        dimension = {f["id"]: f["dimension"] for f in self.collect(Element, plan="masterplan", level="program")}
        present = {d for d in dimension.values() if d}
        reached = {dimension.get(f["id"]) for f in self.collect(ElementSynchronized, stage="program")} - {None}
        value = "none" if not reached else ("all" if reached == present else "partial")
        self.declare(Characteristic(key="dimension_reach", value=value,
                                    figures={"reached": len(reached), "dimensions": len(present)}))


_CONDITION_WORDS = {
    "en": {"condition.all_missions": "an RPJMD mission has no synchronized masterplan mission",
           "why_not.chain_intact.blocked.ConditionFailed.all_missions":
               "synchronization cannot start at the mission: {count} of {missions} RPJMD missions have no synchronized masterplan mission: {uncovered}",
           "condition.vision_all_missions": "an RPJMD mission has no synchronized masterplan mission",
           "why_not.chain_intact.blocked.ConditionFailed.vision_all_missions":
               "synchronization cannot start at the vision: {count} of {missions} RPJMD missions have no synchronized masterplan mission: {uncovered}"},
    "id": {"condition.all_missions": "ada misi RPJMD tanpa misi masterplan yang tersinkronisasi",
           "why_not.chain_intact.blocked.ConditionFailed.all_missions":
               "sinkronisasi tidak dapat dimulai pada misi: {count} dari {missions} misi RPJMD tidak memiliki misi masterplan tersinkronisasi: {uncovered}",
           "condition.vision_all_missions": "ada misi RPJMD tanpa misi masterplan yang tersinkronisasi",
           "why_not.chain_intact.blocked.ConditionFailed.vision_all_missions":
               "sinkronisasi tidak dapat dimulai pada visi: {count} dari {missions} misi RPJMD tidak memiliki misi masterplan tersinkronisasi: {uncovered}"},
}

ALL_MISSIONS = Variant("all-missions", default_packs() + (AllMissionsPack,),
                       description="Type B needs every RPJMD mission matched by a synchronized masterplan mission.",
                       messages=_CONDITION_WORDS)
VISION_ALL_MISSIONS = Variant("vision-all-missions", default_packs() + (VisionAllMissionsPack,),
                              description="Type A needs every RPJMD mission matched by a synchronized masterplan mission.",
                              messages=_CONDITION_WORDS)
DIMENSIONS = Variant(
    "dimensions", default_packs() + (DimensionsPack,),
    description="Adds the dimensions the synchronized programs reach.",
    messages={"en": {"characteristic.dimension_reach.partial":
                     "Synchronized programs reach {reached} of the {dimensions} smart city dimensions the masterplan has programs in.",
                     "characteristic.dimension_reach.all":
                     "Synchronized programs reach all {dimensions} smart city dimensions the masterplan has programs in.",
                     "characteristic.dimension_reach.none": "No synchronized program reaches a smart city dimension."},
              "id": {"characteristic.dimension_reach.partial":
                     "Program tersinkronisasi menjangkau {reached} dari {dimensions} dimensi smart city yang memiliki program masterplan.",
                     "characteristic.dimension_reach.all":
                     "Program tersinkronisasi menjangkau seluruh {dimensions} dimensi smart city yang memiliki program masterplan.",
                     "characteristic.dimension_reach.none": "Tidak ada program tersinkronisasi yang menjangkau dimensi smart city."}})
STRICT_MISSION = Variant("strict-mission", default_packs(), params=Parameters(thresholds={"mission": 0.8}),
                         description="The mission stage needs 80% coverage.")
