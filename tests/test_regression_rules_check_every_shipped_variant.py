"""``smartsync rules --check`` exited 1 on three shipped variants (issue 21): under
cascading the generator drew no chain starting below the top that holds in full
(``integration_partial`` never fired); under budgeted-programs ``unbudgeted_rpjmd_programs``
read only counted matches, which that variant never lets reach an unbudgeted program; under
first-synchronized the default rules about a stage synchronized above a break could never
fire. The whole check per variant is pinned by the slow test in test_variants.py."""

from __future__ import annotations

import smartsync
from smartsync.model import Element, Match, Period, Plan, PlanKind, Region
from smartsync.sample import typical_region
from smartsync.variants import load_variant


def _region() -> Region:
    def e(id_, level, parent=None, **kw):
        return Element(id_, level, f"text {id_}", parents=(parent,) if parent else (), **kw)

    rpjmd = Plan(PlanKind.RPJMD, Period(2021, 2026), (
        e("V", "vision"), e("M1", "mission", "V"), e("T1", "target", "M1"),
        e("P1", "program", "T1", budget=0), e("P2", "program", "T1", budget=500_000_000)))
    masterplan = Plan(PlanKind.MASTERPLAN, Period(2022, 2031), (
        e("SV", "vision"), e("SM1", "mission", "SV"), e("ST1", "target", "SM1"),
        e("SP1", "program", "ST1"), e("SP2", "program", "ST1")))
    return Region("9100", "Kota Uji", "kota", rpjmd, masterplan,
                  (Match("SP1", "P1", "derived"), Match("SP2", "P2", "derived")))


def test_budgeted_programs_names_the_unbudgeted_counterpart_of_a_rejected_match():
    """Under budgeted-programs SP1's match to P1 (pagu 0) is rejected, and P1 is still named
    as a matched RPJMD program without a budget, as under the default rules."""
    for name in ("default", "budgeted-programs"):
        result = load_variant(name).classifier().classify(_region())
        (finding,) = result.diagnostics_with("unbudgeted_rpjmd_programs")
        assert tuple(finding.elements) == ("P1",), name
    rejected = load_variant("budgeted-programs").classifier().classify(_region())
    assert rejected.stages["program"].rejected_ids == ("SP1",)


def test_the_generator_draws_a_full_chain_starting_below_the_top_under_cascading():
    """Among rules --check's regions (mirrored every fourth), cascading concludes partial
    integration: a chain from the targets down, in full."""
    classifier = load_variant("cascading").classifier()
    fired = set()
    for seed in range(3, 120, 4):
        region = typical_region(seed, levels=("vision", "mission", "target", "program"),
                                varied=True, mirrored=True, shapes=True)
        fired.update(classifier.classify(region).rules_fired)
        if "integration_partial" in fired:
            break
    assert "integration_partial" in fired


def test_a_pack_subclass_leaves_a_rule_out_by_setting_its_name_to_none():
    """A rule's name set to None in a subclass pack is no rule of the classifier (as experta
    finds rules by attribute lookup), so the variant that does it never lists it."""
    from smartsync.rules.diagnostics import DiagnosticsPack
    from smartsync.variants import default_packs

    class Without(DiagnosticsPack):
        orphan_programs = None

    classifier = smartsync.Classifier(
        [Without if p is DiagnosticsPack else p for p in default_packs()])
    assert "orphan_programs" not in {i.name for i in classifier.rules()}
    result = classifier.classify(smartsync.load_region("examples/type-d-program.yaml"))
    assert not result.diagnostics_with("orphan_programs")
    assert smartsync.classify(smartsync.load_region("examples/type-d-program.yaml")
                              ).diagnostics_with("orphan_programs")
