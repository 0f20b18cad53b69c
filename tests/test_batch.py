"""classify_many: many regions, in input order, in one process or several."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smartsync import BatchItem, Parameters, classify, classify_many, load_regions
from smartsync.render.json import classification_to_dict
from smartsync.sample import sample_regions
from strategies import regions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SMALL = ROOT / "tests" / "data" / "tables" / "small"
BAD_TABLES = ROOT / "tests" / "data" / "tables" / "bad"
BAD_FILE = ROOT / "tests" / "data" / "bad" / "level-mismatch.yaml"


def as_json(item: BatchItem) -> str:
    c = item.classification
    return json.dumps(classification_to_dict(c) if c else {"error": item.error}, sort_keys=True)


def test_results_come_in_input_order_across_inputs():
    """Region files, folders and tables give one item each, numbered in input order."""
    files = sorted(EXAMPLES.glob("*.yaml"))
    items = list(classify_many([files[1], SMALL, files[0]]))
    assert [i.index for i in items] == list(range(5))
    assert [i.region_id for i in items] == ["9902", "3374", "3322", "3671", "9901"]
    assert items[0].source == str(files[1])
    assert items[1].source == f"{SMALL / 'regions.csv'}:2"


@pytest.mark.parametrize("jobs", [2, pytest.param(3, marks=pytest.mark.slow)])
def test_results_are_the_same_whatever_jobs_is(jobs):
    """Worker processes give the same results, in the same order, as one process."""
    inputs = [EXAMPLES, SMALL, BAD_TABLES, BAD_FILE, *sample_regions(6, seed=40)]
    alone = list(classify_many(inputs, jobs=1))
    pooled = list(classify_many(inputs, jobs=jobs, chunksize=2))
    assert [as_json(i) for i in pooled] == [as_json(i) for i in alone]
    assert [(i.index, i.region_id, i.source, i.error) for i in pooled] == \
        [(i.index, i.region_id, i.source, i.error) for i in alone]


def test_each_result_equals_classifying_the_region_alone():
    """A batch classifies each region exactly as smartsync.classify does."""
    regions_ = load_regions(EXAMPLES)
    for item, region in zip(classify_many(regions_, jobs=2), regions_):
        assert as_json(item) == json.dumps(classification_to_dict(classify(region)), sort_keys=True)


def test_a_worker_classification_answers_why_not():
    """A classification made in a worker process still explains why it is not another type."""
    region = load_regions(EXAMPLES)[1]  # type B
    [item] = list(classify_many([region], jobs=2))
    assert item.classification.why_not("A") == classify(region).why_not("A")
    assert item.classification.why_not("A")


def test_bad_regions_give_error_items_and_the_rest_go_on(tmp_path):
    """Unreadable files, missing files and bad table rows yield errors; good regions still come."""
    items = list(classify_many([BAD_FILE, tmp_path / "missing.yaml", BAD_TABLES, SMALL]))
    assert [i.ok for i in items] == [False, False, False, False, False, True, True, True]
    assert "level-mismatch.yaml" in items[0].error
    assert "no such file" in items[1].error
    assert items[1].source == str(tmp_path / "missing.yaml")
    assert items[2].region_id == "3374" and "column level" in items[2].error
    assert items[4].region_id == "3375" and "not in the regions table" in items[4].error
    assert all(i.problems for i in items[:5])


def test_a_folder_with_tables_and_region_files_gives_both(tmp_path):
    """A folder holding tables and region files stands for all their regions, tables first."""
    shutil.copytree(SMALL, tmp_path / "mixed")
    shutil.copy(EXAMPLES / "type-a-vision.yaml", tmp_path / "mixed")
    assert [i.region_id for i in classify_many(tmp_path / "mixed")] == ["3374", "3322", "3671", "9901"]


def test_an_empty_folder_is_an_error_item(tmp_path):
    """A folder with no region files and no tables yields an error rather than nothing."""
    [item] = list(classify_many([tmp_path]))
    assert not item.ok and "no region files" in item.error


def test_a_region_that_breaks_classification_is_an_error_item(monkeypatch):
    """An unexpected failure while classifying one region becomes that region's error."""
    import smartsync.engine as engine

    regions_ = load_regions(EXAMPLES)
    real = engine.classify

    def flaky(region, *, params=None):  # type: ignore[no-untyped-def]
        if region.id == "9902":
            raise RuntimeError("rule exploded")
        return real(region, params=params)

    monkeypatch.setattr(engine, "classify", flaky)
    items = list(classify_many(regions_))
    assert [i.ok for i in items] == [True, False, True, True, True]
    assert items[1].error == "classification failed: RuntimeError: rule exploded"


def test_a_second_region_with_the_same_id_fails():
    """Two regions with one id in a batch: the later one is an error naming the first's source."""
    region = load_regions(EXAMPLES)[0]
    files = sorted(EXAMPLES.glob("*.yaml"))
    items = list(classify_many([files[0], region]))
    assert items[0].ok and not items[1].ok
    assert str(files[0]) in items[1].error
    assert items[1].problems[-1].code == "duplicate-region"


def test_a_second_region_with_the_same_id_is_worded_in_indonesian(tmp_path):
    """batch --lang id (newuser finding F66): the duplicate region's error in Indonesian, the first file named."""
    from smartsync.cli import main

    files = sorted(EXAMPLES.glob("*.yaml"))
    copy = tmp_path / "salinan.yaml"
    copy.write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "hasil.csv"
    main(["batch", str(files[0]), str(copy), "--out", str(out), "--lang", "id"])
    written = out.read_text(encoding="utf-8")
    assert f"juga id daerah dari {files[0]}; batch mengklasifikasikan setiap daerah satu kali" in written
    assert "is also the id" not in written


def test_params_apply_to_every_region():
    """The parameters given are used for each region, in workers too."""
    regions_ = load_regions(EXAMPLES)
    strict = Parameters(threshold=1.0)
    for jobs in (1, 2):
        got = [i.classification.type.value for i in classify_many(regions_, jobs=jobs, params=strict)]
        assert got == [classify(r, params=strict).type.value for r in regions_]


def test_input_is_read_lazily():
    """Regions are drawn from the input as the batch gets to them, not all at once."""
    drawn = []

    def source():  # type: ignore[no-untyped-def]
        for region in load_regions(EXAMPLES):
            drawn.append(region.id)
            yield region

    items = classify_many(source())
    first = next(items)
    assert first.region_id == "9901" and drawn == ["9901"]
    items.close()


def test_a_single_path_is_accepted():
    """One path alone (not in a list) stands for its regions."""
    assert [i.region_id for i in classify_many(SMALL)] == ["3374", "3322", "3671"]


def test_bad_arguments_are_refused():
    """jobs below 0, a chunk size below 1 and something that is no region are refused."""
    with pytest.raises(ValueError, match="jobs"):
        classify_many([], jobs=-1)
    with pytest.raises(ValueError, match="chunksize"):
        classify_many([], chunksize=0)
    with pytest.raises(TypeError, match="regions and paths"):
        list(classify_many([42]))


def test_a_workbook_without_openpyxl_is_an_error_item(tmp_path, monkeypatch):
    """Without openpyxl a workbook input is one error item saying what to install."""
    import sys

    monkeypatch.setitem(sys.modules, "openpyxl", None)
    [item] = list(classify_many([tmp_path / "book.xlsx"]))
    assert not item.ok and "smartsync[xlsx]" in item.error


def _unique_ids(regions_):  # type: ignore[no-untyped-def]
    return [attrs.evolve(r, id=f"r{n}") for n, r in enumerate(regions_)]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(regions(max_elements=5, max_matches=5), min_size=1, max_size=5).map(_unique_ids),
       st.randoms(use_true_random=False))
def test_order_of_the_input_does_not_change_any_region_result(batch, rnd):
    """Shuffling the regions of a batch shuffles the items and changes no region's result."""
    shuffled = list(batch)
    rnd.shuffle(shuffled)
    first = {i.region_id: as_json(i) for i in classify_many(batch)}
    again = list(classify_many(shuffled))
    assert [i.region_id for i in again] == [r.id for r in shuffled]
    assert {i.region_id: as_json(i) for i in again} == first


def test_a_folder_of_tables_and_its_regions_give_the_same_results(tmp_path):
    """Tables and region files holding the same regions give the same classifications."""
    from smartsync import dump_region, dump_tables

    regions_ = load_regions(EXAMPLES)
    dump_tables(regions_, tmp_path / "tables")
    (tmp_path / "files").mkdir()
    for region in regions_:
        dump_region(region, tmp_path / "files" / f"{region.id}.json")
    from_tables = [as_json(i) for i in classify_many(tmp_path / "tables")]
    from_files = [as_json(i) for i in classify_many(tmp_path / "files")]
    assert from_tables == from_files
    assert len(from_tables) == 5 and all("error" not in j for j in from_tables)
