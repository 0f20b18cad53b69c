"""Issue 15, "the suite's own weak spots": tests that catch the mutants a mutation check
found surviving (the kill tests for every writer are in test_regression_issue15_writers.py).

- the first-synchronized variant against a reference of its own (a variant skipping a
  stage);
- every diagnostic's severity and figures against the reference (``rests_on_suggested``
  turned from warning to info);
- the characteristic texts pinned by meaning, in Indonesian and English
  (``integration.high``/``partial`` or ``own_vision.true``/``false`` swapped);
- the matching evaluation's per-level counts against counts made here (two levels'
  counts swapped);
- match --write and dump_tables replace their files in one step (made non-atomic).
"""

from __future__ import annotations

import re

import os
from pathlib import Path

import pytest
from hypothesis import given

from reference import STAGES, reference_classify
from strategies_typology import property_settings, typology_regions
from smartsync import Level, classify, dump_tables, load_region
from smartsync.cli import main
from smartsync.messages import catalog
from smartsync.model import Region
from smartsync.variants import FIRST_SYNCHRONIZED

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))


# ------------------------------------------------------------ the first-synchronized variant


def first_synchronized_reference(region: Region) -> tuple[str, tuple[str, ...]]:
    """The first-synchronized variant, in plain Python: the type is the highest synchronized
    stage (unsynchronized when none is); the chain is that stage and every synchronized stage
    below it."""
    figures = reference_classify(region).stages
    synced = [s for s in STAGES if figures[s].is_synchronized]
    if not synced:
        return "unsynchronized", ()
    return synced[0], tuple(synced)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_first_synchronized_examples_agree_with_its_reference(path):
    region = load_region(path)
    c = FIRST_SYNCHRONIZED.classifier().classify(region)
    assert (c.type.value, tuple(c.chain)) == first_synchronized_reference(region)


@property_settings(150)
@given(typology_regions())
def test_first_synchronized_agrees_with_its_reference(region):
    """On any region, the variant's type and chain are the reference's: no stage skipped."""
    c = FIRST_SYNCHRONIZED.classifier().classify(region)
    assert (c.type.value, tuple(c.chain)) == first_synchronized_reference(region)


# ------------------------------------------------------------ diagnostics: severities, figures

#: each diagnostic's severity, as docs/pack-diagnostics.rst states it: blocking blocks the
#: type or the funding; a warning needs a person's review; info is worth knowing
SEVERITY = {
    "synchronized_above_break": "blocking",
    "orphan_programs": "blocking",
    "no_base_stage": "blocking",
    "periods_disjoint": "blocking",
    "dimension_unsynchronized": "blocking",
    "rests_on_suggested": "warning",
    "suggested_matches_used": "info",
    "unbudgeted_rpjmd_programs": "blocking",
}


def assert_diagnostics_agree(region: Region) -> None:
    c = classify(region)
    ref = reference_classify(region)
    figures = ref.stages
    assert tuple(sorted((d.code, tuple(sorted(d.elements))) for d in c.diagnostics)) == \
        ref.diagnostic_elements
    for d in c.diagnostics:
        assert d.severity == SEVERITY[d.code], d.code
        f = dict(d.figures)
        if d.code == "orphan_programs":
            program = figures["program"]
            assert (f["count"], f["total"]) == (len(program.unsynchronized_ids), program.total)
        elif d.code == "rests_on_suggested":
            stage = figures[f["stage"]]
            assert f["total"] == stage.total and 0 <= f["manual"] < stage.total
        elif d.code == "suggested_matches_used":
            assert f["count"] == len(d.elements)
        elif d.code == "unbudgeted_rpjmd_programs":
            assert f["count"] == len(d.elements)
        elif d.code == "synchronized_above_break":
            for stage in f["stages"]:
                assert figures[stage].is_synchronized
                assert f["coverages"][stage] == figures[stage].coverage
            for stage in f["at"]:
                assert figures[stage].present and not figures[stage].is_synchronized
                assert f["coverages"][stage] == figures[stage].coverage


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_diagnostics_have_the_reference_severities_and_figures(path):
    assert_diagnostics_agree(load_region(path))


@property_settings(150)
@given(typology_regions())
def test_diagnostics_have_the_reference_severities_and_figures(region):
    assert_diagnostics_agree(region)


def test_a_type_resting_on_suggested_matches_is_a_warning():
    """The mutant that turned rests_on_suggested into info: a region whose vision stage is
    synchronized only by suggested matches gets a *warning*."""
    import attrs

    from smartsync import Source

    region = load_region(EXAMPLES / "type-a-vision.yaml")
    vision = {e.id for e in region.masterplan.elements if e.level is Level.VISION}
    matches = tuple(attrs.evolve(m, source=Source.SUGGESTED, score=0.9)
                    if m.masterplan in vision else m for m in region.matches)
    c = classify(attrs.evolve(region, matches=matches))
    found = c.diagnostics_with("rests_on_suggested")
    assert found and all(d.severity == "warning" for d in found)


# ------------------------------------------------------------ characteristic texts by meaning


@pytest.mark.parametrize("lang, own, missions, partly, fully", [
    ("id", "sendiri", "misi", "sebagian", "penuh"),
    ("en", "own", "mission", "partly", "fully"),
])
def test_characteristic_texts_say_what_their_key_means(lang, own, missions, partly, fully):
    """integration.high: every stage but the top one; integration.partial: partly
    integrated; neither claims an own vision (a type-C region may have its vision matched:
    issue 13, characteristics agree with the figures); own_vision.true says 'own',
    own_vision.false says it comes from the RPJMD."""
    texts = {k.removeprefix("characteristic."): v.lower() for k, v in catalog(lang).items()
             if k.startswith("characteristic.")}
    assert own in texts["own_vision.true"] and "rpjmd" not in texts["own_vision.true"]
    assert own not in texts["own_vision.false"] and "rpjmd" in texts["own_vision.false"]
    def says_own(key: str) -> bool:
        return re.search(rf"\b{own}\b", texts[key]) is not None

    assert partly in texts["integration.partial"] and not says_own("integration.partial")
    assert partly not in texts["integration.high"] and missions not in texts["integration.high"]
    assert not says_own("integration.high")
    assert fully in texts["integration.full"] and fully not in texts["integration.high"]


# ------------------------------------------------------------ the matching evaluation


def test_evaluation_counts_per_level_are_each_levels_own():
    """Each level's counts are the counts of that level's rows (made here), not another's."""
    from smartsync.matching.evaluation import Counts, evaluate, read_pairs

    pairs = read_pairs(ROOT / "tests" / "data" / "match_pairs.csv")
    result = evaluate(pairs)
    by_row = {id(pair): score for pair, score in result.scored}
    expected: dict[str, Counts] = {}
    for pair in pairs:
        predicted = round(by_row[id(pair)], 4) >= result.threshold
        level = pair.level.value
        expected[level] = expected.get(level, Counts()).add(predicted, pair.match)
    assert dict(result.by_level) == expected
    assert len({(c.true_positives, c.false_positives, c.false_negatives, c.true_negatives)
                for c in expected.values()}) > 1, "the data set cannot tell levels apart"


# ------------------------------------------------------------ the writers replace in one step


def test_match_write_replaces_the_file_in_one_step(tmp_path, capsys):
    """match --write gives the file a new inode (written beside it, then renamed over it)
    and leaves no temporary file: an edit in place would keep the inode."""
    text = (EXAMPLES / "type-a-vision.yaml").read_text(encoding="utf-8")
    path = tmp_path / "r.yaml"
    path.write_text(text.partition("\nmatches:")[0] + "\nmatches: []\n", encoding="utf-8")
    before = os.stat(path).st_ino
    assert main(["match", str(path), "--write"]) == 0
    assert os.stat(path).st_ino != before
    assert [p.name for p in tmp_path.iterdir()] == ["r.yaml"]


@pytest.mark.parametrize("suffix", ["", ".xlsx"])
def test_dump_tables_replaces_each_file_in_one_step(tmp_path, suffix):
    if suffix:
        pytest.importorskip("openpyxl")
    region = load_region(EXAMPLES / "type-a-vision.yaml")
    target = tmp_path / f"t{suffix}"
    dump_tables([region], target)
    files = [target] if suffix else sorted(target.iterdir())
    before = {f.name: f.stat().st_ino for f in files}
    dump_tables([region], target)
    after = {f.name: f.stat().st_ino for f in ([target] if suffix else sorted(target.iterdir()))}
    assert set(after) == set(before)
    assert all(after[name] != before[name] for name in before)
