"""A test variant (newuser round 7, F164): a masterplan program counts only when its masterplan target is matched to an RPJMD target -- a condition above the program stage."""
from smartsync.facts import Fact, Element as ElementFact, Match as MatchFact, MatchRejected, StageDef
from smartsync.rules import MATCH, NOT, PHASE, Rule, concludes
from smartsync.variants import Variant, default_packs


class ProgramParent(Fact):
    """A masterplan program and one of its parent targets: ``program``, ``target``."""


class UnderMatchedTargetPack:
    """A program counts only under a masterplan target matched to an RPJMD target."""

    @classmethod
    def input_facts(cls, region, typology, params):
        levels = {e.id: e.level for e in region.masterplan.elements}
        for e in region.masterplan.elements:
            if e.level == "program":
                for p in e.parents:
                    if levels.get(p) == "target":
                        yield ProgramParent(program=e.id, target=p)

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart, condition="unmatched_target")
    @Rule(MatchFact(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          ElementFact(plan="masterplan", id=MATCH.element, level="program"),
          ProgramParent(program=MATCH.element, target=MATCH.target),
          NOT(MatchFact(masterplan=MATCH.target)),
          StageDef(name="program"),
          salience=PHASE["reject"])
    def program_under_unmatched_target(self, element, counterpart, relation, target):
        """Concludes that a program's match does not count: its masterplan target is matched to no RPJMD target."""
        self.declare(MatchRejected(stage="program", masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="unmatched_target",
                                   figures={"target": target}))


VARIANT = Variant("under-target", default_packs() + (UnderMatchedTargetPack,),
                  description="A masterplan program counts only under a matched masterplan target.",
                  messages={"en": {"condition.unmatched_target": "its masterplan target is matched to no RPJMD target",
                                   "why_not.element_synchronized.blocked.MatchRejected.unmatched_target":
                                       "{stage} elements under a masterplan target with no RPJMD match: {elements}",
                                   "variant.description": "A masterplan program counts only under a matched masterplan target."},
                            "id": {"condition.unmatched_target": "sasaran masterplan-nya tidak dipadankan dengan sasaran RPJMD mana pun",
                                   "why_not.element_synchronized.blocked.MatchRejected.unmatched_target":
                                       "unsur {stage} di bawah sasaran masterplan tanpa padanan RPJMD: {elements}",
                                   "variant.description": "Program masterplan dihitung hanya di bawah sasaran masterplan yang dipadankan."}})
