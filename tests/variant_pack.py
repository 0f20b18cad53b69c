"""A typology variant written only against smartsync's public API, as a user would.

It adds a characteristic of its own (the share of masterplan targets with a
counterpart) and raises the vision stage's threshold to 1.0. Used by
tests/test_variants.py, in process and through the command line
(``--rules variant_pack:VARIANT``).
"""

from smartsync import Parameters
from smartsync.facts import Characteristic, StageCoverage, TypeResult
from smartsync.rules import MATCH, PHASE, Rule, W, concludes
from smartsync.variants import Variant, default_packs


class TargetShare:
    """The share of masterplan targets that have an RPJMD target counterpart."""

    @concludes(Characteristic, key="target_share")
    @Rule(TypeResult(stage=W()),
          StageCoverage(stage="target", present=True, coverage=MATCH.coverage),
          salience=PHASE["describe"])
    def target_counterpart_share(self, coverage):
        """Concludes the share of masterplan targets with an RPJMD target counterpart."""
        self.declare(Characteristic(key="target_share", value=coverage, figures={}))


VARIANT = Variant("strict-vision-target-share", default_packs() + (TargetShare,),
                  params=Parameters(thresholds={"vision": 1.0}),
                  description="strict vision threshold, with the target share")
