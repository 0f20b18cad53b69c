"""Every problem the region file reader detects: one case per problem, asserting its message.

The files under tests/data/bad/ each carry one problem (``many-problems.yaml``
several); inline cases cover what is easier written as a string.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from smartsync import RegionFileError, Severity, load_region, read_region
from smartsync.io import check_region_file, check_region_text

BAD = Path(__file__).parent / "data" / "bad"

# file, code, line, where, a fragment of the message, the "did you mean" suggestion
CASES = [
    ("malformed.yaml", "malformed-yaml", 1, None, "not closed with '}'", None),
    ("malformed.json", "malformed-json", 3, None, "malformed JSON: expected a ':' after a key", None),
    ("unknown-key.yaml", "unknown-key", 5, "rpjmd element V", "unknown key 'levle' in an element", "level"),
    ("missing-field.yaml", "missing-field", 5, "rpjmd element V", "missing required key 'text'", None),
    ("unknown-level.yaml", "unknown-level", 5, "rpjmd element V", "unknown level 'visoin'", "vision"),
    ("unknown-level.json", "unknown-level", 8, "rpjmd element P1", "unknown level 'progam'", "program"),
    ("unknown-relation.yaml", "unknown-relation", 11, "match SV -> V", "unknown relation 'alligned'", "aligned"),
    ("unknown-source.yaml", "unknown-source", 11, "match SV -> V", "unknown source 'sugested'", "suggested"),
    ("unknown-dimension.yaml", "unknown-dimension", 10, "masterplan element SP1",
     "unknown dimension 'smart govermance'", "governance"),
    ("unknown-kind.yaml", "unknown-kind", 1, "region", "unknown region kind 'kotta'", "kota"),
    ("duplicate-id.yaml", "duplicate-id", 7, "rpjmd element M1",
     "duplicate id 'M1': another RPJMD element has it (first at line 6)", None),
    ("unknown-parent.yaml", "unknown-parent", 7, "rpjmd element S1",
     "parent 'M3' does not exist in the RPJMD", "M1"),
    ("parent-not-higher.yaml", "parent-not-higher", 7, "rpjmd element S1",
     "parent 'P1' is a program, not above this target", None),
    ("parent-cycle.yaml", "parent-cycle", 5, "rpjmd element M1",
     "parents form a cycle: M1 -> M2 -> M3 -> M1", None),
    ("unknown-element.yaml", "unknown-element", 11, "match SP3 -> P1",
     "masterplan element 'SP3' does not exist", "SP1"),
    ("level-mismatch.yaml", "level-mismatch", 13, "match SP1 -> V",
     "links a masterplan program (SP1) to an RPJMD vision (V)", None),
    ("duplicate-match.yaml", "duplicate-match", 12, "match SP1 -> P1",
     "duplicate match: the pair SP1 -> P1 is matched more than once (first at line 11)", None),
    ("period-order.yaml", "bad-period", 2, "rpjmd", "period starts in 2021, after it ends in 2016", None),
    ("period-shape.yaml", "bad-period", 2, "rpjmd",
     "period must be [start year, end year], got the text '2016-2021'", None),
    ("missing-score.yaml", "missing-score", 11, "match SP1 -> P1", "a suggested match needs a score", None),
    ("score-range.yaml", "score-range", 11, "match SP1 -> P1", "score must be from 0 to 1, got 1.2", None),
    ("empty-text.yaml", "empty-text", 5, "rpjmd element V", "text is empty", None),
    ("wrong-type.yaml", "wrong-type", 2, "region", "the region must be a mapping, got a list", None),
    ("not-utf8.yaml", "not-utf8", 5, None, "the file is not UTF-8: byte 0xE9", None),
    ("empty.yaml", "empty-file", None, None, "the file is empty", None),
    ("not-a-mapping.yaml", "not-a-mapping", 1, None, "the top level must be a mapping", None),
    ("unsupported-schema.yaml", "unsupported-schema", 1, None,
     "unsupported schema 'smartsync/region@2'; this version of smartsync reads 'smartsync/region@1'", None),
    ("bad-budget.yaml", "bad-budget", 5, "rpjmd element P1",
     "budget must be a whole number of rupiah, got the number 1250000.5", None),
    ("duplicate-key.yaml", "duplicate-key", 8, "rpjmd element V", "duplicate key 'text' (first at line 7)", None),
    ("alias-bomb.yaml", "alias-bomb", None, None, "YAML aliases would expand the document by", None),
    ("recursive-alias.yaml", "alias-bomb", 1, None, "a recursive alias", None),
    ("too-deep.yaml", "too-deep", 1, None, "nested more than 64 levels deep", None),
]


@pytest.mark.parametrize("name, code, line, where, fragment, suggestion", CASES, ids=[c[0] for c in CASES])
def test_bad_file_reports_its_problem(name, code, line, where, fragment, suggestion):
    """Each bad file fails to load with an error naming the file, line, element, what is wrong and the likely fix."""
    with pytest.raises(RegionFileError) as caught:
        load_region(BAD / name)
    matching = [p for p in caught.value.errors if p.code == code]
    assert matching, [str(p) for p in caught.value.problems]
    problem = matching[0]
    assert fragment in problem.message
    assert problem.file == str(BAD / name)
    assert problem.line == line
    assert problem.where == where
    assert problem.suggestion == suggestion
    assert str(problem).startswith(f"{BAD / name}{'' if line is None else f':{line}'}: error: ")


def test_bad_corpus_is_covered():
    """Every file in tests/data/bad has a case in this table, so none is left untested."""
    assert {p.name for p in BAD.iterdir()} == {c[0] for c in CASES} | {"many-problems.yaml"}


def test_every_problem_of_a_file_is_reported_at_once():
    """The reader does not stop at the first problem: every error of the file is listed, in line order."""
    report = check_region_file(BAD / "many-problems.yaml")
    assert report.region is None
    found = [(p.line, p.code) for p in report.errors]
    assert found == [
        (2, "unknown-kind"), (4, "bad-period"), (6, "unknown-level"), (7, "unknown-parent"),
        (11, "empty-text"), (13, "unknown-relation"), (14, "missing-score"), (14, "unknown-element"),
    ]
    unknown = next(p for p in report.errors if p.code == "unknown-element")
    assert unknown.suggestion == "SV"


def test_alias_bomb_is_refused_fast():
    """A billion-laughs document is refused without expanding it (well under a second)."""
    started = time.perf_counter()
    report = check_region_file(BAD / "alias-bomb.yaml")
    assert time.perf_counter() - started < 5  # generous: the point is it does not expand 10^9 nodes
    assert report.errors[0].code == "alias-bomb"


def test_modest_aliases_are_allowed():
    """Aliases that expand modestly are ordinary YAML and load (the budget only stops bombs)."""
    text = _region(
        rpjmd="- {id: V, level: vision, text: Visi, indicators: &ind [indeks SPBE, indeks kepuasan]}\n"
              "    - {id: P1, level: program, parent: V, text: Program, budget: 1, indicators: *ind}",
    )
    region = read_region(text)
    assert region.rpjmd["P1"].indicators == ("indeks SPBE", "indeks kepuasan")


def _region(rpjmd: str = "[]", masterplan: str = "[]", matches: str = "[]") -> str:
    """A small region text with the given element lists (YAML flow or block items)."""
    def block(items: str) -> str:
        return items if items == "[]" else "\n    " + items
    return (
        'region: {id: "3374", name: Kota Semarang, kind: kota}\n'
        f"rpjmd:\n  period: [2016, 2021]\n  elements: {block(rpjmd)}\n"
        f"masterplan:\n  period: [2018, 2027]\n  elements: {block(masterplan)}\n"
        f"matches: {matches}\n"
    )


def _errors(text: str, **kwargs) -> list:
    report = check_region_text(text, **kwargs)
    assert report.region is None, "expected the input to be refused"
    return list(report.errors)


def test_file_above_the_size_limit_is_refused(tmp_path):
    """A file larger than max_bytes is refused with its size and the limit, before it is parsed."""
    path = tmp_path / "big.yaml"
    path.write_text(_region() + "#" * 2000, encoding="utf-8")
    report = check_region_file(path, max_bytes=1000)
    assert [p.code for p in report.errors] == ["too-large"]
    assert "the file is too large" in report.errors[0].message
    assert "above the limit of 1,000 bytes" in report.errors[0].message


def test_size_limit_is_a_module_constant_read_at_each_call(tmp_path, monkeypatch):
    """Setting smartsync.io.MAX_FILE_BYTES changes the limit of every reader, without a parameter."""
    import smartsync.io
    path = tmp_path / "region.yaml"
    path.write_text(_region(), encoding="utf-8")
    monkeypatch.setattr(smartsync.io, "MAX_FILE_BYTES", 50)
    with pytest.raises(RegionFileError) as caught:
        load_region(path)
    assert caught.value.errors[0].code == "too-large"
    assert "above the limit of 50 bytes" in caught.value.errors[0].message


def test_alias_budget_is_a_module_constant(monkeypatch):
    """Lowering smartsync.io.MAX_ALIAS_EXPANSION refuses aliases that the default budget allows."""
    import smartsync.io
    text = _region(rpjmd="- {id: V, level: vision, text: Visi, indicators: &ind [a, b, c]}\n"
                          "    - {id: P1, level: program, parent: V, text: P, budget: 1, indicators: *ind}")
    assert read_region(text).rpjmd["P1"].indicators == ("a", "b", "c")
    monkeypatch.setattr(smartsync.io, "MAX_ALIAS_EXPANSION", 2)
    (problem,) = _errors(text)
    assert problem.code == "alias-bomb"


def test_size_limit_applies_to_text_too():
    """read_region refuses text longer than max_bytes as well."""
    (problem,) = _errors(_region(), max_bytes=10)
    assert problem.code == "too-large"


def test_missing_file_is_a_problem_not_a_traceback(tmp_path):
    """Loading a file that does not exist raises RegionFileError saying so."""
    with pytest.raises(RegionFileError) as caught:
        load_region(tmp_path / "absent.yaml")
    assert caught.value.errors[0].message == "no such file"
    assert caught.value.errors[0].code == "no-such-file"


def test_folder_given_as_a_file_is_a_problem(tmp_path):
    """Loading a folder as one region file says it is a folder."""
    (problem,) = check_region_file(tmp_path).errors
    assert problem.code == "not-a-file" and "folder" in problem.message


def test_utf16_file_is_refused_with_its_encoding():
    """A UTF-16 file (with its byte order mark) is refused, naming the encoding found."""
    (problem,) = _errors(_region().encode("utf-16"))
    assert problem.code == "not-utf8"
    assert "UTF-16 byte order mark" in problem.message


def test_comment_only_yaml_is_empty():
    """A YAML file holding only comments is reported as holding no data."""
    (problem,) = _errors("# nothing yet\n\n")
    assert problem.code == "empty-file"
    assert "holds no data" in problem.message


def test_missing_top_level_blocks_are_named():
    """A file without region, rpjmd or masterplan names each missing block."""
    problems = _errors("schema: smartsync/region@1\n")
    assert sorted(p.message for p in problems) == [
        "missing required key 'masterplan'", "missing required key 'region'",
        "missing required key 'rpjmd'"]


def test_unknown_top_level_key_suggests_the_right_one():
    """A misspelled top-level key (masterplann) gets a did-you-mean and the list of valid keys."""
    problems = _errors(_region().replace("masterplan:", "masterplann:"))
    unknown = next(p for p in problems if p.code == "unknown-key")
    assert unknown.suggestion == "masterplan"
    assert unknown.line == 5
    assert "expected schema, region, rpjmd, masterplan, matches or rejected" in unknown.message


def test_required_key_with_null_value():
    """A required key written with no value (text: ~) is reported as having no value."""
    (problem,) = _errors(_region(rpjmd="- {id: V, level: vision, text: ~}"))
    assert problem.code == "missing-field"
    assert problem.message == "'text' has no value"


def test_element_that_is_not_a_mapping():
    """An element written as a plain text instead of a mapping is a wrong-type error naming it by position."""
    (problem,) = _errors(_region(rpjmd="- just a vision"))
    assert problem.code == "wrong-type"
    assert problem.where == "rpjmd element #1"
    assert problem.message == "an element must be a mapping, got the text 'just a vision'"


def test_elements_that_are_a_mapping():
    """elements written as a mapping instead of a list is a wrong-type error."""
    (problem,) = _errors(_region(rpjmd="{V: vision}"))
    assert (problem.code, problem.message) == ("wrong-type", "elements must be a list, got a mapping")


def test_matches_that_are_a_mapping():
    """matches written as a mapping instead of a list is a wrong-type error."""
    (problem,) = _errors(_region(matches="{SV: V}"))
    assert (problem.code, problem.where) == ("wrong-type", "matches")


def test_text_written_as_a_number():
    """A text field holding a number is a wrong-type error (texts are never guessed from numbers)."""
    (problem,) = _errors(_region(rpjmd="- {id: V, level: vision, text: 2020}"))
    assert problem.message == "text must be a text, got the number 2020 (put it in quotes to make it a text)"


def test_yaml_yes_no_where_a_text_belongs():
    """An unquoted no (YAML 1.1 false) as an id or a note says how YAML read it and to quote it."""
    problems = _errors(_region(rpjmd="- {id: no, level: vision, text: Visi}"))
    assert [p.message for p in problems] == [
        "id must be a text, got false (YAML reads an unquoted no as false: put it in quotes)"]


def test_level_written_as_a_number():
    """A level written as a number names the accepted levels."""
    (problem,) = _errors(_region(rpjmd="- {id: V, level: 1, text: Visi}"))
    assert problem.code == "wrong-type"
    assert problem.message.startswith("level must be one of: vision, mission")


def test_budget_of_wrong_type_and_negative():
    """A budget written as text, true or a negative number is refused with the value found."""
    problems = _errors(_region(rpjmd=(
        "- {id: P1, level: program, text: A, budget: 12 M}\n"
        "    - {id: P2, level: program, text: B, budget: true}\n"
        "    - {id: P3, level: program, text: C, budget: -5}")))
    assert [p.message for p in problems] == [
        "budget must be a whole number of rupiah, got the text '12 M'",
        "budget must be a whole number of rupiah, got true",
        "budget must be zero or more rupiah, got -5",
    ]


def test_score_that_is_not_a_number():
    """A score written as text or as .nan is refused as not a number from 0 to 1."""
    problems = _errors(_region(
        rpjmd="- {id: P1, level: program, text: A, budget: 1}",
        masterplan="- {id: SP1, level: program, text: B}\n    - {id: SP2, level: program, text: C}",
        matches="[{masterplan: SP1, rpjmd: P1, relation: aligned, source: suggested, score: high},"
                " {masterplan: SP2, rpjmd: P1, relation: aligned, source: suggested, score: .nan}]"))
    assert [p.code for p in problems] == ["bad-score", "bad-score"]
    assert problems[0].message == "score must be a number from 0 to 1, got the text 'high'"


def test_negative_score():
    """A score below 0 is outside 0 to 1."""
    (problem,) = _errors(_region(
        rpjmd="- {id: P1, level: program, text: A, budget: 1}",
        masterplan="- {id: SP1, level: program, text: B}",
        matches="[{masterplan: SP1, rpjmd: P1, relation: aligned, score: -0.1}]"))
    assert (problem.code, problem.message) == ("score-range", "score must be from 0 to 1, got -0.1")


def test_period_years_out_of_range_and_not_numbers():
    """Period years must be whole numbers between 1900 and 2200."""
    problems = _errors(_region().replace("[2016, 2021]", "[20016, x]"))
    assert [p.message for p in problems] == [
        "period start 20016 is not a year from 1900 to 2200",
        "period end must be a year (a whole number), got the text 'x'",
    ]


def test_parent_and_parents_together():
    """An element may give parent or parents, not both."""
    problems = _errors(_region(rpjmd=(
        "- {id: V, level: vision, text: A}\n"
        "    - {id: M1, level: mission, parent: V, parents: [V], text: B}")))
    assert [p.message for p in problems] == ["give either 'parent' or 'parents', not both"]


def test_element_naming_itself_as_parent():
    """An element that is its own parent is reported as a cycle."""
    problems = _errors(_region(rpjmd="- {id: V, level: vision, parent: V, text: A}"))
    assert [(p.code, p.message) for p in problems] == [("parent-cycle", "names itself as a parent")]


def test_match_ends_swapped_are_pointed_out():
    """A match whose masterplan end is an RPJMD id says the two ends look swapped."""
    problems = _errors(_region(
        rpjmd="- {id: P1, level: program, text: A, budget: 1}",
        masterplan="- {id: SP1, level: program, text: B}",
        matches="[{masterplan: P1, rpjmd: SP1, relation: aligned}]"))
    assert {p.code for p in problems} == {"unknown-element"}
    assert "are masterplan and rpjmd swapped?" in problems[0].message


def test_match_with_unknown_rpjmd_element():
    """A match naming an RPJMD id that does not exist says so, with the closest id."""
    (problem,) = _errors(_region(
        rpjmd="- {id: P12, level: program, text: A, budget: 1}",
        masterplan="- {id: SP1, level: program, text: B}",
        matches="[{masterplan: SP1, rpjmd: P21, relation: aligned}]"))
    assert problem.message == "RPJMD element 'P21' does not exist"
    assert problem.suggestion == "P12"
    assert problem.where == "match SP1 -> P21"


def test_missing_match_end_names_the_match_by_position():
    """A match without its rpjmd end is reported as missing that key, named by what it has."""
    (problem,) = _errors(_region(
        masterplan="- {id: SP1, level: program, text: B}",
        matches="[{masterplan: SP1, relation: aligned}]"))
    assert (problem.where, problem.message) == ("match SP1 -> ?", "missing required key 'rpjmd'")


def test_empty_indicator():
    """An empty indicator is an empty text, numbered within the list."""
    (problem,) = _errors(_region(rpjmd="- {id: V, level: vision, text: A, indicators: [ok, '']}"))
    assert (problem.code, problem.message) == ("empty-text", "indicator #2 is empty")


def test_non_scalar_key():
    """A key that is itself a list is reported, not silently dropped."""
    problems = _errors(_region(rpjmd="- {id: V, level: vision, text: A, [x]: 1}"))
    assert [p.code for p in problems] == ["bad-key"]


def test_unsupported_yaml_tag():
    """A YAML tag other than the standard ones is refused as malformed YAML."""
    (problem,) = _errors(_region(rpjmd="- !!python/object {id: V}"))
    assert problem.code == "malformed-yaml"
    assert "python/object" in problem.message


def test_several_yaml_documents():
    """A file with two YAML documents is malformed: a region file holds one."""
    (problem,) = _errors(_region() + "---\n" + _region())
    assert problem.code == "malformed-yaml"
    assert "a region file holds one document" in problem.message


def test_json_duplicate_key_has_its_line():
    """Duplicate keys in JSON are reported with the line of the second one."""
    text = ('{"region": {"id": "1", "name": "A", "kind": "kota"},\n'
            ' "rpjmd": {"period": [2016, 2021], "elements": []},\n'
            ' "rpjmd": {"period": [2016, 2021], "elements": []},\n'
            ' "masterplan": {"period": [2016, 2021], "elements": []}}')
    (problem,) = _errors(text, format="json")
    assert (problem.code, problem.line) == ("duplicate-key", 3)


def test_json_top_level_list():
    """A JSON document that is a list is refused: the top level must be a mapping."""
    (problem,) = _errors("[1, 2]", format="json")
    assert problem.code == "not-a-mapping"


def test_json_huge_integer_is_malformed_not_a_crash():
    """A JSON number too long for Python to convert is a malformed-JSON problem, not a traceback."""
    (problem,) = _errors('{"a": ' + "9" * 5000 + "}", format="json")
    assert problem.code == "malformed-json"


def test_region_file_error_message_lists_every_problem():
    """str(RegionFileError) holds one line per problem, so printing it is enough for a person."""
    with pytest.raises(RegionFileError) as caught:
        load_region(BAD / "many-problems.yaml")
    text = str(caught.value)
    assert text.splitlines()[0].endswith("8 error(s)")
    assert "(did you mean 'vision'?)" in text
    assert all(p.severity in (Severity.ERROR, Severity.WARNING) for p in caught.value.problems)
