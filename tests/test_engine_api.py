"""The classify() entry points: what they accept and how they refuse."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import smartsync
from smartsync import Classifier, InvalidRegionError, Match, Parameters, SyncType

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
B = EXAMPLES / "type-b-mission.yaml"


def test_classify_accepts_a_path() -> None:
    """classify() takes a region file's path as well as a Region."""
    assert smartsync.classify(str(B)).type == smartsync.classify(smartsync.load_region(B)).type


def test_params_as_mapping_equal_params_object() -> None:
    """A mapping of parameter fields classifies like the Parameters it names."""
    as_map = smartsync.classify(B, params={"threshold": 0.8, "relations": ["adopted", "derived"]})
    as_obj = smartsync.classify(B, params=Parameters(threshold=0.8,
                                                     relations=["adopted", "derived"]))
    assert as_map.type == as_obj.type
    assert as_map.stages == as_obj.stages


def test_misspelt_parameter_is_refused_with_a_suggestion() -> None:
    """An unknown parameter name is a ValueError naming it and the closest known one."""
    with pytest.raises(ValueError, match="'treshold'.*did you mean 'threshold'"):
        smartsync.classify(B, params={"treshold": 0.8})


@pytest.mark.parametrize("value", [0, -0.1, 1.5, "half", True])
def test_threshold_out_of_range_is_refused(value: object) -> None:
    """A threshold that is not a number in (0, 1] is refused, naming the value."""
    with pytest.raises(ValueError, match="threshold"):
        Parameters(threshold=value)  # type: ignore[arg-type]


def test_region_with_dangling_match_is_refused() -> None:
    """A region built in code whose match names an unknown element raises InvalidRegionError."""
    import attrs

    region = smartsync.load_region(B)
    broken = attrs.evolve(region, matches=region.matches + (Match("SP1", "NOPE", "aligned"),))
    with pytest.raises(InvalidRegionError) as info:
        smartsync.classify(broken)
    assert "NOPE" in str(info.value)


def test_not_a_region_is_a_type_error() -> None:
    """classify() of something that is neither a Region nor a path says what it got."""
    with pytest.raises(TypeError, match="dict"):
        smartsync.classify({"region": "3374"})  # type: ignore[arg-type]


def test_classification_pickles_with_its_why_not() -> None:
    """A classification survives pickling (batch workers), why-not and JSON included."""
    from smartsync.render.json import dumps

    result = smartsync.classify(B)
    again = pickle.loads(pickle.dumps(result))
    assert again.type is SyncType.MISSION
    assert [r.message() for r in again.why_not("A")] == [r.message() for r in result.why_not("A")]
    assert dumps(again) == dumps(result)


def test_variant_classification_pickles() -> None:
    """A classification of a variant typology (goal stage) keeps its own type enum when pickled."""
    from smartsync.variants import GOAL_STAGE

    result = GOAL_STAGE.classifier().classify(smartsync.load_region(EXAMPLES / "type-c-target.yaml"))
    again = pickle.loads(pickle.dumps(result))
    assert again.type is result.type and again.type_letter == "D"


def test_one_classifier_gives_the_same_result_each_time() -> None:
    """Reusing a classifier (engine reset per region) does not carry state from region to region."""
    classifier = Classifier()
    first = [classifier.classify(p).type for p in sorted(EXAMPLES.glob("*.yaml"))]
    second = [classifier.classify(p).type for p in sorted(EXAMPLES.glob("*.yaml"))]
    assert first == second
