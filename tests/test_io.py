"""Reading and writing region files: what a loaded region holds, round trips, folders, warnings."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import regions

import smartsync
from smartsync import (
    Dimension,
    Level,
    RegionFileError,
    RegionKind,
    Relation,
    Severity,
    Source,
    dump_region,
    iter_regions,
    load_region,
    load_regions,
    read_region,
    region_from_dict,
    region_to_dict,
)
from smartsync.io import (
    SCHEMA,
    check_region_text,
    dumps_region,
    region_files,
)

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good" / "semarang.yaml"
BAD = DATA / "bad"

_ROUND_TRIP = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_load_region_reads_the_documented_format():
    """The documented example loads with ids as texts, synonyms resolved and defaults applied."""
    region = load_region(GOOD)
    assert (region.id, region.name, region.kind, region.province) == (
        "3374", "Kota Semarang", RegionKind.KOTA, "Jawa Tengah")
    assert (region.rpjmd.period.start, region.rpjmd.period.end) == (2016, 2021)
    assert [e.id for e in region.rpjmd.elements] == ["V", "M1", "S1", "P1"]
    target = region.rpjmd["S1"]
    assert target.level is Level.TARGET  # written "sasaran"
    assert target.parents == ("M1",)  # written "parent: M1"
    program = region.rpjmd["P1"]
    assert (program.code, program.budget, program.indicators) == ("2.16.02", 12_500_000_000, ("indeks SPBE",))
    assert region.masterplan["SP1"].dimension is Dimension.GOVERNANCE  # written "smart governance"
    first, second = region.matches
    assert (first.relation, first.source, first.note) == (
        Relation.DERIVED, Source.MANUAL, "masterplan ch. 4 quotes the RPJMD vision")
    assert (second.source, second.score, second.evidence) == (Source.SUGGESTED, 0.82, ("layanan", "publik"))


def test_source_defaults_to_manual():
    """A match without a source is a manual match."""
    region = read_region(_text(matches="[{masterplan: SV, rpjmd: V, relation: adopted}]"))
    assert region.matches[0].source is Source.MANUAL


def test_numbers_as_ids_keep_their_spelling():
    """Ids and codes written as YAML numbers become texts spelled as written (007 stays 007, 2.10 stays 2.10)."""
    region = read_region(_text(region_id="007", rpjmd_extra="    - {id: 12, level: program, parent: V, code: 2.10, "
                                                          "text: Program, budget: 5}\n"))
    assert region.id == "007"
    assert region.rpjmd["12"].code == "2.10"


def test_numbers_as_ids_in_json_keep_their_spelling():
    """JSON numbers used as ids become texts as written."""
    data = json.loads(dumps_region(load_region(GOOD), format="json"))
    data["region"]["id"] = 3374
    region = read_region(json.dumps(data).replace('"id": 3374', '"id": 3374.10'), format="json")
    assert region.id == "3374.10"


def test_budget_as_integral_float():
    """A budget written 1.25e10 or 5.0 is read as a whole number of rupiah."""
    region = read_region(_text(rpjmd_extra="    - {id: P1, level: program, parent: V, text: A, budget: 1.25e10}\n"
                                           "    - {id: P2, level: program, parent: V, text: B, budget: 5.0}\n"))
    assert region.rpjmd["P1"].budget == 12_500_000_000
    assert region.rpjmd["P2"].budget == 5
    assert isinstance(region.rpjmd["P2"].budget, int)


def test_single_items_without_brackets():
    """parents, indicators and evidence may be written as one item without brackets."""
    region = read_region(_text(
        rpjmd_extra="    - {id: M1, level: mission, parents: V, text: Misi, indicators: indeks}\n",
        matches="[{masterplan: SV, rpjmd: V, relation: adopted, source: suggested, score: 1, evidence: visi}]"))
    assert region.rpjmd["M1"].parents == ("V",)
    assert region.rpjmd["M1"].indicators == ("indeks",)
    assert region.matches[0].evidence == ("visi",)
    assert region.matches[0].score == 1.0


def test_indonesian_level_names_and_dimension_spellings():
    """Every Indonesian level name and every dimension spelling is accepted."""
    names = ["visi", "misi", "tujuan", "sasaran", "strategi", "arah_kebijakan", "program", "kegiatan"]
    items = "".join(
        f"    - {{id: E{i}, level: {name}, text: T{i}{f', parent: E{i - 1}' if i else ''}"
        f"{', budget: 1' if name == 'program' else ''}}}\n"
        for i, name in enumerate(names))
    masterplan = ("    - {id: SV, level: vision, text: V}\n"
                  "    - {id: SP1, level: program, parent: SV, text: P, dimension: smart_economy}\n"
                  "    - {id: SP2, level: program, parent: SV, text: P, dimension: Smart Living}\n")
    region = read_region(_text(rpjmd_items=items, masterplan_items=masterplan))
    assert [e.level for e in region.rpjmd.elements] == list(Level)
    assert [e.dimension for e in region.masterplan.at("program")] == [Dimension.ECONOMY, Dimension.LIVING]


def test_indonesian_relation_names_from_the_glossary_are_accepted():
    """A planner writing a match's relation in Indonesian (the glossary's diadopsi,
    diturunkan, diselaraskan, or their stems) gets the relation it names."""
    from smartsync.model import Relation
    items = ("    - {id: V, level: vision, text: Visi}\n"
             "    - {id: M1, level: mission, parent: V, text: Misi}\n"
             "    - {id: M2, level: mission, parent: V, text: Misi dua}\n")
    masterplan = ("    - {id: SV, level: vision, text: Visi}\n"
                  "    - {id: SM1, level: mission, parent: SV, text: Misi}\n"
                  "    - {id: SM2, level: mission, parent: SV, text: Misi dua}\n")
    for words, relations in ((("diadopsi", "diturunkan", "Diselaraskan"),
                              (Relation.ADOPTED, Relation.DERIVED, Relation.ALIGNED)),
                             (("adopsi", "turunan", "selaras"),
                              (Relation.ADOPTED, Relation.DERIVED, Relation.ALIGNED))):
        matches = "".join(f"\n  - {{masterplan: {mp}, rpjmd: {rp}, relation: {w}}}"
                          for (mp, rp), w in zip((("SV", "V"), ("SM1", "M1"), ("SM2", "M2")), words))
        region = read_region(_text(rpjmd_items=items, masterplan_items=masterplan, matches=matches))
        assert tuple(m.relation for m in region.matches) == relations


def test_warnings_do_not_stop_loading():
    """A region with warnings loads; check_region_file returns the warnings with the region."""
    text = _text(rpjmd_extra="    - {id: P1, level: program, parent: V, text: Program tanpa pagu}\n")
    report = check_region_text(text)
    assert report.ok and report.region is not None
    assert [(p.code, p.where) for p in report.warnings] == [
        ("no-budget", "rpjmd element P1"), ("no-program", "masterplan")]
    assert report.errors == ()
    assert read_region(text) == report.region


def test_plan_without_vision_warns():
    """A plan with no vision element is a warning naming the plan."""
    report = check_region_text(_text(masterplan_items="    - {id: SP1, level: program, text: P}\n"))
    (warning,) = [p for p in report.warnings if p.code == "no-vision"]
    assert (warning.where, warning.message, warning.severity) == (
        "masterplan", "the masterplan has no vision", Severity.WARNING)
    assert warning.line == 6


def test_no_level_warnings_for_a_plan_that_could_not_be_read():
    """A plan with an element of unknown level gets no "no vision" warning: the error says it all."""
    report = check_region_text(_text(rpjmd_items="    - {id: V, level: visoin, text: Visi}\n"))
    assert [(p.code, p.where) for p in report.problems] == [
        ("unknown-level", "rpjmd element V"), ("no-program", "masterplan")]


def test_read_region_accepts_bytes_and_a_bom():
    """read_region takes UTF-8 bytes, with or without a byte order mark."""
    text = _text()
    assert read_region(text.encode("utf-8")) == read_region("\ufeff".encode("utf-8") + text.encode("utf-8")) \
        == read_region(text)


def test_json_and_yaml_give_the_same_region(tmp_path):
    """The same structure written as JSON loads to the same region as the YAML file."""
    path = tmp_path / "semarang.json"
    path.write_text(json.dumps(yaml_as_data(GOOD)), encoding="utf-8")
    assert load_region(path) == load_region(GOOD)


def yaml_as_data(path: Path) -> dict:
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["region"]["id"] = str(data["region"]["id"])
    data["rpjmd"]["elements"][3]["budget"] = int(float(data["rpjmd"]["elements"][3]["budget"]))
    return data


def test_format_can_be_forced(tmp_path):
    """A file with another suffix is read as YAML, or as JSON when format='json' says so."""
    path = tmp_path / "region.txt"
    path.write_text(dumps_region(load_region(GOOD), format="json"), encoding="utf-8")
    assert load_region(path, format="json") == load_region(path) == load_region(GOOD)


@_ROUND_TRIP
@given(regions())
def test_yaml_round_trip(region):
    """Dumping a region as YAML and reading it back gives an equal region."""
    assert read_region(dumps_region(region)) == region


@_ROUND_TRIP
@given(regions())
def test_json_round_trip(region):
    """Dumping a region as JSON and reading it back gives an equal region."""
    assert read_region(dumps_region(region, format="json"), format="json") == region


@_ROUND_TRIP
@given(regions())
def test_dict_round_trip(region):
    """region_from_dict(region_to_dict(r)) == r, and the dict is plain JSON data."""
    data = region_to_dict(region)
    assert region_from_dict(json.loads(json.dumps(data))) == region


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(region=regions(max_elements=5, max_matches=3))
def test_dump_and_load_round_trip_on_disk(tmp_path, region):
    """dump_region then load_region gives an equal region, for .yaml and .json files."""
    for name in ("r.yaml", "r.json"):
        path = dump_region(region, tmp_path / name)
        assert load_region(path) == region


def test_dump_writes_the_documented_structure(tmp_path):
    """A dumped file starts with the schema and holds the region, both plans and the matches."""
    path = dump_region(load_region(GOOD), tmp_path / "out.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert list(data) == ["schema", "region", "rpjmd", "masterplan", "matches"]
    assert data["schema"] == SCHEMA
    assert data["rpjmd"]["period"] == [2016, 2021]
    assert data["rpjmd"]["elements"][2] == {"id": "S1", "level": "target", "parents": ["M1"],
                                            "text": "Meningkatnya kualitas pelayanan publik"}
    assert data["matches"][1]["evidence"] == ["layanan", "publik"]


def test_dump_replaces_atomically_and_leaves_no_temporary_file(tmp_path):
    """Dumping over an existing file replaces it whole and leaves nothing else in the folder."""
    path = tmp_path / "region.yaml"
    path.write_text("old content", encoding="utf-8")
    os.chmod(path, 0o640)
    dump_region(load_region(GOOD), path)
    assert load_region(path) == load_region(GOOD)
    assert os.listdir(tmp_path) == ["region.yaml"]
    assert os.stat(path).st_mode & 0o777 == 0o640


def test_failed_dump_keeps_the_old_file(tmp_path, monkeypatch):
    """When the final replace fails, the old file stays as it was and the temporary file is removed."""
    path = tmp_path / "region.yaml"
    path.write_text("old content", encoding="utf-8")

    def refuse(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        dump_region(load_region(GOOD), path)
    assert path.read_text(encoding="utf-8") == "old content"
    assert os.listdir(tmp_path) == ["region.yaml"]


def _write_folder(folder: Path) -> None:
    region = load_region(GOOD)
    import attrs
    dump_region(attrs.evolve(region, id="3374"), folder / "b.yaml")
    dump_region(attrs.evolve(region, id="3371"), folder / "a.json")
    dump_region(attrs.evolve(region, id="3372"), folder / "c.yml")
    (folder / "notes.txt").write_text("not a region", encoding="utf-8")
    (folder / ".hidden.yaml").write_text("not: read", encoding="utf-8")


def test_region_files_lists_a_folder_sorted(tmp_path):
    """A folder stands for its *.yaml, *.yml and *.json files, sorted by name, hidden files left out."""
    _write_folder(tmp_path)
    assert [p.name for p in region_files(tmp_path)] == ["a.json", "b.yaml", "c.yml"]


def test_load_regions_from_a_folder(tmp_path):
    """load_regions on a folder gives its regions in file-name order."""
    _write_folder(tmp_path)
    assert [r.id for r in load_regions(tmp_path)] == ["3371", "3374", "3372"]


def test_load_regions_raises_once_for_all_bad_files(tmp_path):
    """load_regions reads every file and raises one error listing the problems of each bad file."""
    _write_folder(tmp_path)
    with pytest.raises(RegionFileError) as caught:
        load_regions([tmp_path, BAD / "unknown-level.yaml", BAD / "empty.yaml"])
    files = {p.file for p in caught.value.errors}
    assert files == {str(BAD / "unknown-level.yaml"), str(BAD / "empty.yaml")}


def test_load_regions_refuses_duplicate_region_ids(tmp_path):
    """Two files holding the same region id make load_regions fail, naming both files."""
    dump_region(load_region(GOOD), tmp_path / "one.yaml")
    dump_region(load_region(GOOD), tmp_path / "two.yaml")
    with pytest.raises(RegionFileError) as caught:
        load_regions(tmp_path)
    (problem,) = caught.value.errors
    assert problem.code == "duplicate-region"
    assert problem.file == str(tmp_path / "two.yaml")
    assert str(tmp_path / "one.yaml") in problem.message
    assert f"juga id daerah di {tmp_path / 'one.yaml'}" in problem.format("id")


def test_iter_regions_keeps_going_past_bad_files(tmp_path):
    """iter_regions yields a report per file, good or bad, in order, without raising."""
    _write_folder(tmp_path)
    reports = list(iter_regions([BAD / "malformed.yaml", tmp_path, tmp_path / "missing.yaml"]))
    assert [Path(r.file).name for r in reports] == ["malformed.yaml", "a.json", "b.yaml", "c.yml", "missing.yaml"]
    assert [r.ok for r in reports] == [False, True, True, True, False]
    assert reports[-1].errors[0].code == "no-such-file"


def test_region_from_dict_reports_every_problem_without_lines():
    """region_from_dict raises RegionFileError naming the given file, with no line numbers."""
    data = region_to_dict(load_region(GOOD))
    data["rpjmd"]["elements"][0]["level"] = "visoin"
    data["matches"][0]["relation"] = "derivd"
    with pytest.raises(RegionFileError) as caught:
        region_from_dict(data, file="table.xlsx")
    assert [(p.file, p.line, p.code) for p in caught.value.errors] == [
        ("table.xlsx", None, "unknown-level"), ("table.xlsx", None, "unknown-relation")]


def test_region_from_dict_refuses_non_text_keys():
    """A dict key that is not a text is reported, not dropped."""
    data = region_to_dict(load_region(GOOD))
    data["rpjmd"]["elements"][0][1] = "x"
    with pytest.raises(RegionFileError) as caught:
        region_from_dict(data)
    assert caught.value.errors[0].code == "bad-key"


def test_public_names_are_exported():
    """The region file functions are reachable from the smartsync package itself."""
    for name in ("load_region", "load_regions", "iter_regions", "read_region", "dump_region",
                 "region_from_dict", "region_to_dict", "validate_region"):
        assert name in smartsync.__all__ and callable(getattr(smartsync, name))


def _text(*, region_id: str = '"3374"', rpjmd_items: str | None = None, rpjmd_extra: str = "",
          masterplan_items: str | None = None, matches: str = "[]") -> str:
    """A small valid region text; the arguments replace or extend its parts."""
    if rpjmd_items is None:
        rpjmd_items = "    - {id: V, level: vision, text: Visi RPJMD}\n"
    if masterplan_items is None:
        masterplan_items = "    - {id: SV, level: vision, text: Visi smart city}\n"
    return (
        f"region: {{id: {region_id}, name: Kota Semarang, kind: kota}}\n"
        f"rpjmd:\n  period: [2016, 2021]\n  elements:\n{rpjmd_items}{rpjmd_extra}"
        f"masterplan:\n  period: [2018, 2027]\n  elements:\n{masterplan_items}"
        f"matches: {matches}\n"
    )


def test_a_report_with_errors_keeps_the_region_id_the_file_names():
    """check_region_text: a region with an error elsewhere still reports the id its header gives."""
    text = GOOD.read_text(encoding="utf-8")
    report = check_region_text(text.replace("level: program", "level: programme", 1))
    assert report.region is None and report.errors
    assert report.region_id == load_region(GOOD).id
    assert check_region_text("region: [").region_id is None
