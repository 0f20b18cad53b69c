"""Regression: a region's keys written at the top level get one error that says where they go (newuser F144).

``id:``, ``name:``, ``kind:`` at the top of a region file (the first thing a new user gets
wrong) gave three "unknown key" errors and "missing required key 'region'", none saying
they belong under ``region:``; in Indonesian the list of keys kept an English "or".
"""

from __future__ import annotations

import pytest

from smartsync.io import check_region_file

BODY = """\
rpjmd:
  period: [2025, 2029]
  elements: [{id: V, level: vision, text: Kota maju}, {id: P1, level: program, text: Program A, parents: [V]}]
masterplan:
  period: [2025, 2029]
  elements: [{id: SV, level: vision, text: Kota cerdas}, {id: SP1, level: program, text: Program B, parents: [SV]}]
"""


def _problems(tmp_path, head: str):
    path = tmp_path / "region.yaml"
    path.write_text(head + BODY, encoding="utf-8")
    return check_region_file(path).problems


def test_id_name_kind_at_the_top_are_one_error_naming_region(tmp_path):
    """id, name and kind at the top level: one error, saying they belong under region:, and nothing else."""
    problems = [p for p in _problems(tmp_path, 'id: "9990"\nname: Kota Kecil\nkind: kota\n')
                if p.severity.value == "error"]
    assert [p.code for p in problems] == ["region-key-at-top"]
    assert "keys 'id', 'name' and 'kind' are at the top level: put them under 'region:'" in problems[0].message
    assert problems[0].line == 1


@pytest.mark.parametrize("lang, word", [("en", " or "), ("id", " atau ")])
def test_the_list_of_expected_keys_is_joined_in_the_language(tmp_path, lang, word):
    """An unknown top-level key lists the expected keys joined with the language's own 'or'."""
    problem = next(p for p in _problems(tmp_path, 'region: {id: "1", name: x, kind: kota}\nmatchs: []\n')
                   if p.code == "unknown-key")
    said = problem.format(lang)
    assert f"matches{word}rejected" in said
    assert (" or " in said) == (lang == "en")


def test_the_indonesian_error_says_where_the_keys_go(tmp_path):
    """Under --lang id the error says the keys go under region:, with 'dan', not 'and'."""
    problem = _problems(tmp_path, 'id: "9990"\nname: Kota Kecil\nkind: kota\n')[0]
    said = problem.format("id")
    assert "'id', 'name' dan 'kind' berada di tingkat teratas: letakkan di bawah 'region:'" in said
