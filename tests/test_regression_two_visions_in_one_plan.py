"""Regression (newuser finding F209): a masterplan with two visions (the RPJMD's quoted one left
in beside its own, matched adopted) validated clean and turned a type B region into type A,
"vision 1 of 2 synchronized", "The masterplan's vision is formulated from the RPJMD vision". A
plan has one vision: validate now warns naming them, a diagnostic of the rules says it, a rule
keeps a vision synchronized in part from starting the type (a condition a variant can leave
out), and the own_vision characteristic says both groups; en and id."""

from __future__ import annotations

import attrs

import smartsync
from smartsync.model import Element, Match
from smartsync.rules.typology import TypologyPack
from smartsync.validation import validate_region
from smartsync.variants import Variant, default_packs


def _two_visions(*, both: bool = False):
    """examples/type-b-mission.yaml with the RPJMD vision quoted as a second masterplan vision
    SV0, matched adopted (and SV matched derived too when ``both``)."""
    b = smartsync.load_region("examples/type-b-mission.yaml")
    quoted = Element("SV0", "vision", b.rpjmd.get("V").text)
    matches = b.matches + (Match("SV0", "V", "adopted"),)
    if both:
        matches += (Match("SV", "V", "derived"),)
    return attrs.evolve(b, masterplan=attrs.evolve(b.masterplan, elements=(quoted,) + b.masterplan.elements),
                        matches=matches)


def test_a_vision_synchronized_in_part_does_not_make_type_a():
    """One of two visions synchronized: type B (as without the quoted vision), why-not of A names
    both visions, and the condition is said as a blocking finding."""
    result = smartsync.classify(_two_visions())
    assert result.type_letter == "B"
    (reason,) = result.why_not("A")
    assert reason.message("en") == (
        "synchronization cannot start at the vision: the masterplan states 2 visions (SV0, SV), "
        "where a plan has one, and not every one is synchronized with the RPJMD vision "
        "(synchronized: SV0; not: SV)")
    assert "masterplan memuat 2 visi (SV0, SV)" in reason.message("id")
    assert [d.severity for d in result.diagnostics_with("condition_failed")] == ["blocking"]


def test_the_characteristic_never_says_formulated_from_the_rpjmd_vision_of_half():
    """own_vision is 'partly', naming the synchronized vision and the other, en and id."""
    result = smartsync.classify(_two_visions())
    vision = result.characteristic("own_vision")
    assert vision.value == "partly"
    assert vision.message("en") == ("The masterplan states 2 visions, where a plan has one: SV0 "
                                    "formulated from the RPJMD vision, SV not.")
    assert vision.message("id") == ("Masterplan memuat 2 visi, padahal satu rencana memiliki satu "
                                    "visi: SV0 dirumuskan dari visi RPJMD, SV tidak.")


def test_a_diagnostic_names_both_visions_of_either_plan():
    """masterplan_visions (warning) names SV and SV0; an RPJMD with two visions gets rpjmd_visions."""
    region = _two_visions()
    result = smartsync.classify(region)
    (d,) = result.diagnostics_with("masterplan_visions")
    assert (d.severity, set(d.elements)) == ("warning", {"SV", "SV0"})
    assert "keep the masterplan's own vision and delete the other" in d.message("en")
    rpjmd = attrs.evolve(region.rpjmd, elements=region.rpjmd.elements + (Element("V2", "vision", "Visi kedua"),))
    (r,) = smartsync.classify(attrs.evolve(region, rpjmd=rpjmd)).diagnostics_with("rpjmd_visions")
    assert set(r.elements) == {"V", "V2"} and "RPJMD memuat 2 visi" in r.message("id")


def test_validate_warns_of_a_second_vision_naming_them():
    """validate: a 'several-visions' warning at the second vision, naming both, en and id."""
    problems = [p for p in validate_region(_two_visions()) if p.code == "several-visions"]
    assert [(p.severity.value, p.where) for p in problems] == [("warning", "masterplan element SV")]
    assert "a second vision in the masterplan (2 in all: SV0, SV), where a plan has one" in problems[0].message
    assert "visi kedua dalam masterplan" in problems[0].format("id")


def test_every_vision_synchronized_starts_at_the_vision():
    """Both visions synchronized: type A, the vision 'formulated from the RPJMD vision'; the
    warning stays."""
    result = smartsync.classify(_two_visions(both=True))
    assert result.type_letter == "A"
    assert result.characteristic("own_vision").value is False
    assert result.diagnostics_with("masterplan_visions")


def test_a_variant_can_leave_the_rule_out():
    """A variant whose typology pack sets vision_synchronized_in_part = None counts a share of
    visions again: type A."""

    class ShareOfVisions(TypologyPack):
        vision_synchronized_in_part = None

    packs = tuple(ShareOfVisions if p is TypologyPack else p for p in default_packs())
    result = Variant("share-of-visions", packs).classifier().classify(_two_visions())
    assert result.type_letter == "A"
