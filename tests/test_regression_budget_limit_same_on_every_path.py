"""Regression (issue 27): the budget limit must be the same on every path a budget is read by.

A planted bug that raised the limit ten times on one path survived the suite. A budget of
exactly MAX_BUDGET (10^24 rupiah) is read, one rupiah more is refused, on each path: a YAML
element in the usual shape (read in one step), a YAML element with other keys (read field by
field), the same two in JSON, plain data (region_from_dict), a region built in code
(validate_region) and a CSV table."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from smartsync import RegionFileError, region_from_dict, validate_region
from smartsync.io import MAX_BUDGET, check_region_text, dumps_region, region_to_dict
from smartsync.sample import typical_region
from smartsync.tabular import dump_tables, iter_table_regions

LIMIT = MAX_BUDGET
ABOVE = MAX_BUDGET + 1


def _with_budget(budget, *, usual=True):
    """Plain data of a typical region whose first program has ``budget`` (and an agency
    when not ``usual``, so that its element is read field by field)."""
    data = region_to_dict(typical_region(1))
    program = next(e for e in data["rpjmd"]["elements"] if e["level"] == "program")
    program["budget"] = budget
    if not usual:
        program["agency"] = "Dinas Komunikasi dan Informatika"
    return data


def _budget_errors(report):
    return [p for p in report.errors if p.code == "bad-budget"]


@pytest.mark.parametrize("usual", [True, False], ids=["usual-element", "element-field-by-field"])
@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_a_region_file_reads_the_limit_and_refuses_one_rupiah_more(fmt, usual):
    """In YAML and JSON, in the usual element's shape and not, 10^24 rupiah is read and 10^24 + 1 refused."""
    for budget, refused in ((LIMIT, False), (ABOVE, True)):
        data = _with_budget(budget, usual=usual)
        text = json.dumps(data) if fmt == "json" else dumps_region(region_from_dict(
            _with_budget(0, usual=usual))).replace("budget: 0\n", f"budget: {budget}\n", 1)
        assert str(budget) in text
        report = check_region_text(text, name=f"r.{fmt}", format=fmt)
        assert bool(_budget_errors(report)) == refused, (fmt, usual, budget, report.problems)
        if not refused:
            assert budget in {e.budget for e in report.region.rpjmd.elements}


def test_plain_data_reads_the_limit_and_refuses_one_rupiah_more():
    """region_from_dict reads 10^24 rupiah and refuses 10^24 + 1 (bad-budget)."""
    assert LIMIT in {e.budget for e in region_from_dict(_with_budget(LIMIT)).rpjmd.elements}
    with pytest.raises(RegionFileError) as raised:
        region_from_dict(_with_budget(ABOVE))
    assert [p.code for p in raised.value.errors] == ["bad-budget"]


def test_a_region_built_in_code_reads_the_limit_and_refuses_one_rupiah_more():
    """validate_region accepts a budget of 10^24 rupiah and reports 10^24 + 1 as an error."""
    region = typical_region(1)
    program = next(e for e in region.rpjmd.elements if e.level.value == "program")

    def with_budget(budget):
        elements = tuple(attrs.evolve(e, budget=budget) if e is program else e
                         for e in region.rpjmd.elements)
        return attrs.evolve(region, rpjmd=attrs.evolve(region.rpjmd, elements=elements))

    assert not [p for p in validate_region(with_budget(LIMIT)) if p.severity.value == "error"]
    errors = [p for p in validate_region(with_budget(ABOVE)) if p.severity.value == "error"]
    assert errors and all("budget" in p.message for p in errors)


def test_a_table_reads_the_limit_and_refuses_one_rupiah_more(tmp_path: Path):
    """A CSV table's budget cell of 10^24 is read, 10^24 + 1 refused (bad-budget)."""
    for budget, refused in ((LIMIT, False), (ABOVE, True)):
        folder = tmp_path / str(refused)
        dump_tables([region_from_dict(_with_budget(7))], folder)
        table = folder / "elements.csv"
        text = table.read_text(encoding="utf-8")
        assert text.count(",7\n") + text.count(",7\r\n") == 1
        table.write_text(text.replace(",7\n", f",{budget}\n").replace(",7\r\n", f",{budget}\r\n"),
                         encoding="utf-8")
        [report] = list(iter_table_regions(folder))
        assert bool(_budget_errors(report)) == refused, (budget, report.problems)
