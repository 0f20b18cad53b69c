"""smartsync.study: exact type curves, breakpoints, differences between rule sets, records."""

from __future__ import annotations

import functools

from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smartsync
from smartsync import Parameters, load_region
from smartsync.model import Relation
from smartsync.sample import typical_region
from smartsync.study import (
    RECORD_COLUMNS, curve, explain_difference, fraction_text, parse_threshold,
    parse_threshold_range, study,
)
from smartsync.variants import load_variant
from strategies import regions

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _type_at(classifier, region, t: Fraction, params: Parameters | None = None) -> str:
    params = attrs.evolve(params or classifier.params, threshold=float(t))
    return str(classifier.classify(region, params=params).type.value)


def _probes(c) -> list[Fraction]:
    """Thresholds to check a curve at: each segment's ends, its middle, and just inside."""
    out = []
    for seg in c.segments:
        out += [seg.high, (seg.low + seg.high) / 2]
        if seg.low_included:
            out.append(seg.low)
        if seg.high - seg.low > Fraction(1, 10**9):
            out.append(seg.low + Fraction(1, 10**9))
    return [t for t in out if t > 0]


@functools.lru_cache(maxsize=None)
def _classifier(rule_set: str):
    return load_variant(rule_set).classifier()


@settings(max_examples=30, deadline=None)
@given(regions(max_elements=7, max_matches=10),
       st.sampled_from(["default", "relations-per-stage", "cascading", "first-synchronized"]))
def test_curve_gives_the_type_the_rules_give_at_every_threshold(region, rule_set):
    """At any threshold of the range (segment ends, middles, just above a breakpoint) the
    curve's type is the type the rules conclude when the region is classified there."""
    variant = load_variant(rule_set)
    classifier = _classifier(rule_set)
    c = curve(classifier, region, params=variant.params)
    assert c.segments[0].low == 0 and c.segments[-1].high == 1
    for a, b in zip(c.segments, c.segments[1:]):
        assert a.high == b.low and a.type != b.type
    for t in _probes(c):
        assert c.type_at(t).type == _type_at(classifier, region, t, variant.params), t


@settings(max_examples=25, deadline=None)
@given(regions(max_elements=7, max_matches=10))
def test_breakpoints_are_coverages_and_the_type_changes_there(region):
    """Every breakpoint is a stage coverage k/n the rules concluded, the type at it is the
    type below, and just above it the type is the one above."""
    classifier = smartsync.engine.default_classifier()
    c = curve(classifier, region)
    result = smartsync.classify(region)
    coverages = {Fraction(s.synchronized, s.total) for s in result.stages.values() if s.present}
    for b in c.breakpoints:
        assert b.at in coverages
        assert _type_at(classifier, region, b.at) == b.below
        assert _type_at(classifier, region, b.at + Fraction(1, 10**9)) == b.above
        assert any(s.coverage == b.at for s in b.stages)


def test_range_is_covered_exactly_from_its_start():
    """A threshold range 0.3:0.8 gives segments from 3/10 (included) to 4/5, no float artefact."""
    s = study([EXAMPLES / "type-b-mission.yaml"], threshold_range="0.3:0.8")
    segments = s.regions[0].curves["default"].segments
    assert segments[0].low == Fraction(3, 10) and segments[0].low_included
    assert segments[-1].high == Fraction(4, 5)
    assert [fraction_text(x.high) for x in segments] == ["3/4", "4/5"]
    assert s.regions[0].curves["default"].type_at("0.3").letter == "B"
    with pytest.raises(ValueError, match="outside"):
        s.regions[0].curves["default"].type_at("0.9")


def test_a_coverage_at_the_range_start_is_a_segment_of_its_own():
    """When a stage's coverage equals the range's start, the type at exactly that threshold
    (where the stage still passes) is a segment [low, low] of its own."""
    region = load_region(EXAMPLES / "type-b-mission.yaml")  # mission coverage 3/4
    s = study([region], threshold_range="3/4:1")
    segments = s.regions[0].curves["default"].segments
    assert (segments[0].low, segments[0].high, segments[0].letter) == (Fraction(3, 4), Fraction(3, 4), "B")
    assert segments[1].letter == "C" and not segments[1].low_included


def test_parse_thresholds_exactly():
    """Thresholds and ranges are read as exact fractions: decimals, commas, percentages, a/b."""
    assert parse_threshold("0.3") == Fraction(3, 10)
    assert parse_threshold("0,3") == Fraction(3, 10)
    assert parse_threshold("30%") == Fraction(3, 10)
    assert parse_threshold(0.3) == Fraction(3, 10)
    assert parse_threshold_range("1/3:2/3") == (Fraction(1, 3), Fraction(2, 3))
    assert parse_threshold_range(":0.8") == (Fraction(0), Fraction(4, 5))
    for bad in ("0.8:0.3", "0.3", "a:b", "0:1.5", "-1:0.5"):
        with pytest.raises(ValueError):
            parse_threshold_range(bad)


def _aligned_missions():
    """type-b-mission with two of its three matched missions matched as `aligned` only."""
    region = load_region(EXAMPLES / "type-b-mission.yaml")
    matches = []
    for m in region.matches:
        if m.masterplan in ("SM1", "SM2"):
            m = attrs.evolve(m, relation=Relation.ALIGNED)
        matches.append(m)
    return attrs.evolve(region, matches=tuple(matches))


def test_difference_names_the_match_the_rule_and_the_coverage():
    """Under relations-per-stage the aligned mission matches are rejected (their relation
    does not count at the stage), mission coverage falls from 3/4 to 1/4 and the type from B to C:
    the difference says so, element by element, in English and Indonesian."""
    region = _aligned_missions()
    s = study([region], rule_sets=["default", "relations-per-stage"])
    (d,) = s.regions[0].differences
    assert (d.letter_a, d.letter_b) == ("B", "C")
    (stage,) = [x for x in d.stages if x.decisive]
    assert stage.stage == "mission"
    assert (stage.synchronized_a, stage.synchronized_b, stage.total) == (3, 1, 4)
    assert {e.element for e in stage.elements} == {"SM1", "SM2"}
    for e in stage.elements:
        assert e.synchronized_in == "a"
        (verdict,) = e.b
        assert (verdict.counted, verdict.rule, verdict.condition, verdict.relation) == (
            False, "relation_not_counted", "relation", "aligned")
        assert all(v.counted and v.rule == "element_synchronized" for v in e.a)
    text = d.message("en")
    assert "SM1 -> M1 (aligned)" in text and "its relation does not count at this stage" in text
    assert "3/4" in text and "1/4" in text and "type B (mission)" in text
    assert "type C (target)" in text
    indonesian = d.message("id")
    assert "relasinya tidak dihitung pada tahap ini" in indonesian and "tipe B (misi)" in indonesian
    assert "diselaraskan" in indonesian
    # the rules are said in their words, never by their Python names
    for said in (text, indonesian):
        assert "relation_not_counted" not in said and "element_synchronized" not in said


def test_difference_agrees_with_the_two_classifications():
    """The counts a difference reports are the stage figures of the two classifications."""
    region = _aligned_missions()
    a = smartsync.classify(region)
    b = load_variant("relations-per-stage").classifier().classify(region)
    d = explain_difference(a, b, names=("default", "relations-per-stage"))
    for stage in d.stages:
        assert stage.synchronized_a == a.stages[stage.stage].synchronized
        assert stage.synchronized_b == b.stages[stage.stage].synchronized
        assert stage.is_synchronized_b == b.stages[stage.stage].is_synchronized


def test_difference_between_two_thresholds_names_the_threshold():
    """Two thresholds of one rule set: same element conclusions, the stage's status differs
    because its coverage reaches one threshold and not the other."""
    region = load_region(EXAMPLES / "type-b-mission.yaml")
    a = smartsync.classify(region, params={"threshold": 0.5})
    b = smartsync.classify(region, params={"threshold": 0.8})
    d = explain_difference(a, b, names=("0.5", "0.8"))
    mission = [x for x in d.stages if x.stage == "mission"][0]
    assert mission.decisive and not mission.elements
    assert "3/4 (75%) reaches the threshold 50% under 0.5 but not 80% under 0.8" in d.message()


def test_same_stages_different_type_rule_is_explained_by_the_type_rules():
    """first-synchronized and default can conclude the same stages and different types:
    the difference says the rule that concluded each type, in its words."""
    s = study(sorted(EXAMPLES.glob("*.yaml")), rule_sets=["default", "first-synchronized"])
    differing = [d for r in s.regions for d in r.differences]
    assert differing
    for d in differing:
        if not any(x.decisive for x in d.stages):
            assert d.type_rule_a and d.type_rule_b and d.type_rule_a != d.type_rule_b
            # named in its own words, not by its Python name
            texts = dict(d.rule_texts)
            from smartsync.messages import rule_words
            assert rule_words(d.type_rule_b, "en", texts[d.type_rule_b]) in d.message()
            assert d.type_rule_b not in d.message()


def test_a_bad_input_is_reported_and_the_others_kept(tmp_path):
    """A file that cannot be read is a region with an error; every other region is studied."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: [\n")
    s = study([EXAMPLES / "type-a-vision.yaml", bad, EXAMPLES / "type-d-program.yaml"])
    assert [r.ok for r in s.regions] == [True, False, True]
    assert "bad.yaml" in (s.regions[1].source or "")
    assert s.failures == (s.regions[1],)
    rows = s.to_records()
    assert [r["error"] is not None for r in rows].count(True) == 1


def test_the_same_region_twice_is_an_error_the_second_time():
    """Two versions of one region in a study: the second one fails, naming the first."""
    s = study([EXAMPLES / "type-a-vision.yaml", EXAMPLES / "type-a-vision.yaml"])
    assert s.regions[0].ok and not s.regions[1].ok
    assert "also the id" in s.regions[1].error


def test_unknown_rule_set_is_an_error_naming_it():
    """A rule set that cannot be loaded stops the study before it starts, naming it."""
    with pytest.raises(smartsync.RulePackError, match="cascadng"):
        study([EXAMPLES / "type-a-vision.yaml"], rule_sets="default,cascadng")


def test_records_are_long_form_with_exact_fractions():
    """to_records: one plain dict per region, rule set and interval, thresholds as Fractions,
    the intervals of each region and rule set covering the range end to end."""
    s = study(sorted(EXAMPLES.glob("*.yaml")), rule_sets="default,cascading")
    rows = s.to_records()
    assert all(tuple(r) == RECORD_COLUMNS for r in rows)
    assert all(isinstance(r["threshold_from"], Fraction) for r in rows)
    for region in s.regions:
        for name in s.rule_sets:
            mine = [r for r in rows if r["region"] == region.region_id and r["rule_set"] == name]
            assert mine[0]["threshold_from"] == 0 and mine[-1]["threshold_to"] == 1
            for x, y in zip(mine, mine[1:]):
                assert x["threshold_to"] == y["threshold_from"]


def test_to_dataframe_is_the_records():
    """With pandas installed, to_dataframe holds the records in the same columns."""
    pandas = pytest.importorskip("pandas")
    s = study([EXAMPLES / "type-b-mission.yaml"], rule_sets="default,cascading")
    frame = s.to_dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == list(RECORD_COLUMNS)
    assert len(frame) == len(s.to_records())


def test_distribution_counts_every_region_once_per_interval():
    """At every threshold interval each studied region is counted under exactly one type,
    and the regions said to change at a step's end have another type in the next step."""
    s = study(sorted(EXAMPLES.glob("*.yaml")), rule_sets="default")
    steps = s.distribution("default")
    for step in steps:
        assert sum(step.counts.values()) == len(s.studied)
    for here, there in zip(steps, steps[1:]):
        for rid, before, after in here.changes:
            assert rid in here.regions[before] and rid in there.regions[after]
    assert steps[-1].high == 1


def test_matrix_places_each_region_by_its_two_types():
    """The matrix puts each region in the cell of its type under each rule set."""
    s = study(sorted(EXAMPLES.glob("*.yaml")), rule_sets="default,cascading")
    cells = s.matrix("default", "cascading")
    for region in s.studied:
        key = (region.types["default"][0], region.types["cascading"][0])
        assert region.region_id in cells[key]
    assert sum(len(v) for v in cells.values()) == len(s.studied)


def test_processes_give_the_same_study():
    """jobs=2 gives the same curves and differences, in input order, as one process."""
    sources = sorted(EXAMPLES.glob("*.yaml"))
    one = study(sources, rule_sets="default,cascading")
    two = study(sources, rule_sets="default,cascading", jobs=2)
    assert [r.region_id for r in two.regions] == [r.region_id for r in one.regions]
    assert [r.curves for r in two.regions] == [r.curves for r in one.regions]
    assert [r.differences for r in two.regions] == [r.differences for r in one.regions]


def test_smartsync_study_is_callable_from_the_package():
    """smartsync.study(...) studies, whether or not the module smartsync.study was imported."""
    import smartsync.study as module

    result = smartsync.study([EXAMPLES / "type-a-vision.yaml"])
    assert isinstance(result, module.Study)
    assert result.regions[0].types["default"] == ("vision", "A")


def test_generated_regions_need_one_run_per_interval():
    """On a generated typical region the curve classifies once per interval between the
    coverages the rules concluded (no grid), and each breakpoint is one of them."""
    region = typical_region(3, programs=20)
    c = curve(smartsync.engine.default_classifier(), region)
    result = smartsync.classify(region)
    coverages = {Fraction(s.synchronized, s.total) for s in result.stages.values() if s.present}
    assert c.runs == len({x for x in coverages if 0 < x < 1} | {Fraction(1)})
    for b in c.breakpoints:
        assert any(Fraction(s.synchronized, s.total) == b.at for s in b.stages)


@settings(max_examples=25, deadline=None)
@given(regions(max_elements=7, max_matches=10),
       st.sampled_from([("default", "relations-per-stage"), ("default", "cascading"),
                        ("default", "budgeted-programs"), ("cascading", "first-synchronized")]))
def test_difference_is_read_from_the_two_classifications(region, pair):
    """For any region and two rule sets, the difference lists exactly the elements one
    counts and the other does not, each with a counted match on its side and none on the
    other, and a stage is decisive exactly when its status differs."""
    a = _classifier(pair[0]).classify(region)
    b = _classifier(pair[1]).classify(region)
    d = explain_difference(a, b, names=pair)
    listed = {s.stage: s for s in d.stages}
    for stage in a.typology.stages:
        if stage not in b.stages:
            continue
        sa, sb = a.stages[stage], b.stages[stage]
        changed = set(sa.synchronized_ids) ^ set(sb.synchronized_ids)
        if stage not in listed:
            assert not changed and sa.is_synchronized == sb.is_synchronized
            continue
        s = listed[stage]
        assert s.decisive == (sa.is_synchronized != sb.is_synchronized)
        assert {e.element for e in s.elements} == changed
        for e in s.elements:
            kept, lost = (e.a, e.b) if e.synchronized_in == "a" else (e.b, e.a)
            assert any(v.counted for v in kept) and not any(v.counted for v in lost)
    assert d.lines("en")[-1].startswith("so the type is")
    assert d.lines("id")[-1].startswith("maka tipenya")


def test_same_stages_same_type_rule_is_explained_by_the_condition_that_failed():
    """A variant's condition on one type: the difference gives the rules' why-not of the
    higher type under the variant, with its figures, in en and id; the type's rule is not
    named twice."""
    from smartsync.rules.mission_coverage import MISSION_COVERAGE

    region = load_region(EXAMPLES / "type-b-mission.yaml")
    default, covered = smartsync.classify(region), MISSION_COVERAGE.classifier().classify(region)
    d = explain_difference(default, covered, names=("default", "mission-coverage"))
    assert not any(x.decisive for x in d.stages) and d.type_rule_a == d.type_rule_b
    expected = {lang: covered.why_not("B")[0].message(lang) for lang in ("en", "id")}
    assert [r.side for r in d.reasons] == ["b"] and "M5" in expected["en"]
    for lang in ("en", "id"):
        assert expected[lang] in d.message(lang)
    assert d.message().count("synchronization starts at the highest stage") == 0
    # the other way round: the reason is the first rule set's
    back = explain_difference(covered, default, names=("mission-coverage", "default"))
    assert [r.side for r in back.reasons] == ["a"] and expected["en"] in back.message()


class _CodedPrograms:
    """A masterplan program counts only when its RPJMD program carries a code."""

    from smartsync.facts import Element as _E, Match as _M, MatchRejected as _R, StageDef as _S
    from smartsync.rules import MATCH as _MATCH, PHASE as _PHASE, Rule as _Rule, concludes as _c

    @_c(_R, masterplan=_MATCH.element, rpjmd=_MATCH.counterpart, condition="uncoded")
    @_Rule(_S(name="program"), _E(plan="masterplan", level="program", id=_MATCH.element),
           _M(masterplan=_MATCH.element, rpjmd=_MATCH.counterpart, relation=_MATCH.relation),
           _E(plan="rpjmd", level="program", id=_MATCH.counterpart, code=None),
           salience=_PHASE["reject"])
    def counterpart_uncoded(self, element, counterpart, relation):
        """Concludes that a program match does not count: the RPJMD program carries no code."""
        self.declare(self._R(stage="program", masterplan=element, rpjmd=counterpart,
                             relation=relation, condition="uncoded", figures={}))


def _coded_variant(words: bool):
    from smartsync.variants import Variant, default_packs

    messages = {"en": {"condition.uncoded": "the RPJMD program carries no nomenclature code"},
                "id": {"condition.uncoded": "program RPJMD itu tidak berkode nomenklatur"}}
    return Variant("coded", default_packs() + (_CodedPrograms,),
                   params=Parameters(thresholds={"program": 2 / 3}),
                   description="coded programs", messages=messages if words else None)


@functools.lru_cache(maxsize=None)
def _coded_classifier():
    variant = _coded_variant(words=True)
    return variant, variant.classifier()


@settings(max_examples=20, deadline=None)
@given(regions(max_elements=7, max_matches=10))
def test_a_stage_with_its_own_threshold_is_said_fixed_and_stays_fixed(region):
    """A rule set that sets one stage's threshold: the curve says that stage keeps it at
    every t (en and id), and at every threshold of the curve the rules conclude that very
    threshold for the stage; a stage absent from the region is not named."""
    variant, classifier = _coded_classifier()
    c = curve(classifier, region, params=variant.params, rule_set="coded")
    levels = {e.level.value for e in region.masterplan.elements}
    if "program" not in levels:
        assert c.fixed == () and c.fixed_message() == ""
        return
    assert c.fixed == (("program", Fraction(2, 3)),)
    if levels & {"vision", "mission", "target"}:  # t moves the other stages
        assert "program stage keeps a threshold of its own, 2/3, at every t" in c.fixed_message()
        assert "tahap program memakai ambangnya sendiri, 2/3" in c.fixed_message("id")
    else:
        assert "every stage keeps a threshold of its own (program 2/3)" in c.fixed_message()
        assert len(c.segments) == 1
    for t in _probes(c):
        params = attrs.evolve(variant.params, threshold=float(t))
        done = classifier.classify(region, params=params)
        assert Fraction(done.stages["program"].threshold).limit_denominator(1000) == Fraction(2, 3)
        assert c.type_at(t).type == str(done.type.value)


def _uncoded_region():
    """type-d-program with one matched RPJMD program's code removed."""
    region = load_region(EXAMPLES / "type-d-program.yaml")
    programs = {e.id for e in region.rpjmd.elements if e.level.value == "program"}
    uncoded = next(m.rpjmd for m in region.matches if m.rpjmd in programs)
    rpjmd = attrs.evolve(region.rpjmd, elements=tuple(
        attrs.evolve(e, code=None) if e.id == uncoded else e for e in region.rpjmd.elements))
    return attrs.evolve(region, rpjmd=rpjmd), uncoded


def test_a_study_says_a_variant_s_condition_in_its_own_words_or_says_they_are_untranslated():
    """Why two rule sets differ names a variant's rejected match with the variant's own
    condition words in each language; a rule with no Indonesian words is quoted as its
    author's, marked untranslated, never passed off as Indonesian."""
    region, uncoded = _uncoded_region()
    at = float(Fraction(14, 18))  # the program coverage: one match less breaks the stage
    default = smartsync.classify(region, params={"threshold": at})
    for words in (True, False):
        variant = _coded_variant(words)
        coded = variant.classifier().classify(region, params=attrs.evolve(
            variant.params, threshold=at, thresholds={}))
        d = explain_difference(default, coded, names=("default", "coded"))
        rejected = [x for x in d.lines("id") if "ditolak" in x]
        assert rejected and all(f"-> {uncoded}" in x for x in rejected[:1]), d.lines("id")
        if words:
            assert rejected[0].endswith("ditolak: program RPJMD itu tidak berkode nomenklatur")
            assert any(x.endswith("rejected: the RPJMD program carries no nomenclature code")
                       for x in d.lines("en"))
        else:
            assert rejected[0].endswith(
                "keterangan aturan dari penulisnya, tidak diterjemahkan: “a program match does "
                "not count: the RPJMD program carries no code”")
