"""A "cannot be reached" proven on the widest change says the rules' why-not of that
hypothetical region as that region's, never as the file's, and each reason once (newuser
F108: under budgeted-programs, "SP5, SP6 ... matched to P1/P2/P3/P4" for elements that
have no match in the file)."""

from __future__ import annotations

import functools

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartsync
from smartsync.advice import to_reach
from smartsync.render.text import to_reach_lines
from smartsync.variants import load_variant
from strategies import regions
from test_element_variants import hierarchy_regions

FRAMES = {"en": ("cannot be reached by adding matches: even with every masterplan element "
                 "matched to every RPJMD element of its level",
                 "cannot be reached by adding matches either, for the reason said for type",
                 "cannot be reached by adding matches: the "),
          "id": ("tidak dapat dicapai dengan menambah padanan: bahkan bila setiap unsur "
                 "masterplan dipadankan dengan setiap unsur RPJMD pada tingkat yang sama",
                 "juga tidak dapat dicapai dengan menambah padanan, dengan alasan yang disebut",
                 "tidak dapat dicapai dengan menambah padanan: ")}


@functools.lru_cache(maxsize=None)
def _classifier(name: str) -> smartsync.Classifier:
    return load_variant(name).classifier()


def _unbudgeted(region: smartsync.Region) -> smartsync.Region:
    rpjmd = attrs.evolve(region.rpjmd, elements=tuple(
        attrs.evolve(e, budget=None) if e.level.value == "program" else e
        for e in region.rpjmd.elements))
    return attrs.evolve(region, rpjmd=rpjmd)


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(regions(max_elements=8, max_matches=8), hierarchy_regions(max_per_level=4)),
       st.sampled_from(["default", "budgeted-programs"]), st.booleans())
def test_an_unreachable_type_s_reason_is_said_as_the_widest_region_s_once(region, name, strip):
    """Every "cannot be reached" names what a plan lacks, or frames the rules' why-not
    as the region with every match added; the same why-not is written once, the other
    types refer to it."""
    if strip:
        region = _unbudgeted(region)
    classifier = _classifier(name)
    result = classifier.classify(region)
    advice = to_reach(result, classifier=classifier, suggest=False)
    for lang, (widest, same, lacking) in FRAMES.items():
        lines = to_reach_lines(result, lang, advice)
        for item in (i for i in advice.values() if not i.reachable):
            line = next(x for x in lines if x.startswith(("Type " if lang == "en" else "Tipe ")
                                                          + item.letter + " "))
            if item.missing:
                assert lacking in line and widest not in line
            else:
                assert widest in line or same in line, line
        said = [x for x in lines if widest in x]
        assert len(said) == len({x.split(": ", 1)[1] for x in said})


def test_the_newuser_case_no_budget_anywhere():
    """type-d-program with no RPJMD program budgeted, under budgeted-programs: D, C, B, A
    cannot be reached; the elements without a match are named only inside the
    hypothetical frame, and the reason is said once."""
    region = _unbudgeted(smartsync.load_region("examples/type-d-program.yaml"))
    unmatched = {e.id for e in region.masterplan.elements if e.level.value == "program"} - {
        m.masterplan for m in region.matches}
    assert unmatched
    classifier = _classifier("budgeted-programs")
    result = classifier.classify(region)
    lines = to_reach_lines(result, "en", to_reach(result, classifier=classifier, suggest=False))
    first = lines[0]
    assert first.startswith("Type D cannot be reached by adding matches: even with every "
                            "masterplan element matched to every RPJMD element of its level")
    assert "without a pagu indikatif above zero" in first
    assert sum("without a pagu indikatif" in x for x in lines) == 1
    assert "Type A cannot be reached by adding matches either, for the reason said for type D." in lines


def test_under_cascading_a_proven_unreachable_type_says_what_was_searched():
    """Under rules that are not monotone, "cannot be reached" proven by trying every set of
    additions, relation changes and matches taken away says so, with the count (en and
    id)."""
    from smartsync.model import Element, Period, Plan, PlanKind, Region
    from smartsync.variants import CASCADING

    def plan(kind, prefix):
        return Plan(kind, Period(2021, 2026), tuple(
            Element(f"{prefix}{level[0].upper()}1", level, f"text {level}")
            for level in ("vision", "mission", "target", "program")))

    region = Region("9004", "Kota Uji", "kota", plan(PlanKind.RPJMD, ""),
                    plan(PlanKind.MASTERPLAN, "S"), ())
    classifier = CASCADING.classifier()
    result = classifier.classify(region)
    advice = to_reach(result, classifier=classifier, suggest=False)
    assert not advice["D"].reachable and advice["D"].tried_size == advice["D"].pool == 4
    en = to_reach_lines(result, "en", advice)
    assert en[0].startswith("Type D cannot be reached by adding matches or changing relations: "
                            "every set of the 4 possible new matches, relation changes and "
                            "matches taken away was tried (14 sets)")
    assert "penghapusan padanan yang mungkin telah dicoba" in to_reach_lines(result, "id", advice)[0]
