"""Newuser finding F94: absurd budgets (Rp 99.999.999.999.999.999 for one program, Rp 1 for
another) passed ``validate`` without a word, and ``dump_tables`` to .xlsx rounded the first
(the sheet held the float 1e+17), so a batch from the workbook gave another
``fundable_budget`` than the region files."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import examples

from smartsync import dump_tables, load_region, load_tables
from smartsync.cli import main
from smartsync.io import MAX_BUDGET, check_region_file
from smartsync.io._source import PLAUSIBLE_BUDGET_MAX, PLAUSIBLE_BUDGET_MIN
from smartsync.model import Plan
from smartsync.validation import validate_region

ROOT = Path(__file__).resolve().parent.parent

REGION = """\
schema: smartsync/region@1
region: {id: "9602", name: Kota Angka Aneh, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: Kota maju}
    - {id: M1, level: mission, parents: [V], text: Misi satu}
    - {id: P1, level: program, parents: [M1], code: "2.16.01", text: Program satu, budget: 99999999999999999}
    - {id: P2, level: program, parents: [M1], code: "2.16.02", text: Program dua, budget: 1}
    - {id: P3, level: program, parents: [M1], code: "2.16.03", text: Program tiga, budget: 0}
    - {id: P4, level: program, parents: [M1], code: "2.16.04", text: Program empat, budget: 7000000000}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: Kota cerdas}
    - {id: SP1, level: program, parent: SV, dimension: governance, text: Aplikasi satu}
matches:
  - {masterplan: SV, rpjmd: V, relation: derived}
  - {masterplan: SP1, rpjmd: P1, relation: derived}
"""


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "angka-aneh.yaml"
    path.write_text(REGION, encoding="utf-8")
    return path


def test_validate_warns_of_a_budget_above_100_triliun_and_one_below_1_juta(capsys, tmp_path: Path) -> None:
    """P1 (Rp 99.999.999.999.999.999) and P2 (Rp 1) are warned of with the element, its line and
    the figure, in English and Indonesian; P3 (0: no pagu, warned of as such) and P4 (Rp 7
    miliar) are not implausible; the file stays valid (exit 0)."""
    path = _file(tmp_path)
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f"{path}:8: warning: rpjmd element P1: budget Rp 99,999,999,999,999,999 is above Rp 100 trillion, more "
        "than a region's whole APBD over five years: a typo or a unit slip? (it counts in the funding totals "
        "as written)",
        f"{path}:9: warning: rpjmd element P2: budget Rp 1 is below Rp 1 million, too small for a program's "
        "pagu indikatif: a unit left out (juta, ribu)? (it counts in the funding totals as written)"]
    # P3's pagu of 0 is not implausible: it is warned of as a pagu of 0 (newuser F181)
    assert "rpjmd element P3: program has a budget (pagu indikatif) of Rp 0" in out[2]
    assert out[3] == "1 file checked: 1 valid, 0 invalid; 0 errors, 3 warnings"
    assert main(["validate", str(path), "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "peringatan: unsur RPJMD P1: pagu indikatif Rp 99.999.999.999.999.999 di atas Rp 100 triliun" in out
    assert "peringatan: unsur RPJMD P2: pagu indikatif Rp 1 di bawah Rp 1 juta" in out


def test_a_region_built_in_code_is_warned_alike(tmp_path: Path) -> None:
    """validate_region gives the same two warnings for the region the file holds."""
    region = load_region(_file(tmp_path))
    codes = [(p.where, p.code) for p in validate_region(region) if p.code == "implausible-budget"]
    assert codes == [("rpjmd element P1", "implausible-budget"), ("rpjmd element P2", "implausible-budget")]
    from_file = [p.message for p in check_region_file(_file(tmp_path)).problems if p.code == "implausible-budget"]
    assert from_file == [p.message for p in validate_region(region) if p.code == "implausible-budget"]


def test_the_bounds_are_the_drafts(tmp_path: Path) -> None:
    """validate warns outside the bounds the drafting doubts a figure outside of."""
    from smartsync import documents

    assert (documents.PLAUSIBLE_MIN, documents.PLAUSIBLE_MAX) == (PLAUSIBLE_BUDGET_MIN, PLAUSIBLE_BUDGET_MAX)


def test_a_batch_from_the_workbook_gives_the_region_files_fundable_budget(capsys, tmp_path: Path) -> None:
    """The workbook dump_tables writes keeps P1's 17 digits: the batch of the workbook and of the
    region file give the same fundable_budget (was 100000000000000001 from the workbook)."""
    pytest.importorskip("openpyxl")
    path = _file(tmp_path)
    book = dump_tables([load_region(path)], tmp_path / "semua.xlsx")
    assert load_tables(book) == [load_region(path)]
    rows = {}
    for source in (path, book):
        out = tmp_path / f"{source.suffix[1:]}.csv"
        assert main(["batch", "--no-progress", str(source), "--out", str(out)]) == 0
        import csv

        with open(out, encoding="utf-8", newline="") as handle:
            rows[source.suffix] = next(csv.DictReader(handle))["fundable_budget"]
    capsys.readouterr()
    assert rows == {".yaml": "99999999999999999", ".xlsx": "99999999999999999"}


_ANY_BUDGET = st.none() | st.integers(0, MAX_BUDGET) | st.sampled_from([2**53 + 1, 10**15, 10**15 - 1, MAX_BUDGET])


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(budgets=st.lists(_ANY_BUDGET, min_size=8, max_size=8))
def test_any_budget_round_trips_through_a_workbook(tmp_path: Path, budgets: list[int | None]) -> None:
    """Any budgets from 0 to MAX_BUDGET (10^24), on the elements of both plans, read back from
    the .xlsx dump_tables writes as the same whole numbers."""
    pytest.importorskip("openpyxl")
    import attrs

    region = load_region(_file(tmp_path))
    budget = iter(budgets)

    def with_budgets(plan: Plan) -> Plan:
        return attrs.evolve(plan, elements=tuple(attrs.evolve(e, budget=next(budget)) for e in plan.elements))

    region = attrs.evolve(region, rpjmd=with_budgets(region.rpjmd), masterplan=with_budgets(region.masterplan))
    dump_tables([region], tmp_path / "book.xlsx")
    assert load_tables(tmp_path / "book.xlsx") == [region]
