"""``validate`` warned about an RPJMD program without a budget but not about ``budget: 0``,
which funds nothing either (newuser F181: classify listed six matched programs without a
pagu, validate only three). A pagu of 0 now gets its own warning, in English and Indonesian."""

from __future__ import annotations

from pathlib import Path

from smartsync.io import check_region_text

ROOT = Path(__file__).resolve().parent.parent


def _with_budgets(p1: str, p2: str) -> str:
    text = (ROOT / "examples" / "type-b-mission.yaml").read_text(encoding="utf-8")
    text = text.replace("budget: 18400000000, ", p1, 1)
    return text.replace("budget: 7250000000, ", p2, 1)


def test_a_zero_pagu_is_warned_beside_a_missing_one() -> None:
    """P1 without a budget and P2 with ``budget: 0``: one warning each, each naming its
    program, the zero one saying Rp 0; the file stays valid."""
    report = check_region_text(_with_budgets("", "budget: 0, "), name="r.yaml")
    assert report.region is not None and not report.errors
    said = {w.where: (w.format("en"), w.format("id")) for w in report.warnings
            if w.code == "no-budget"}
    assert len(said) == 2, said
    [(p1_en, _)] = [v for k, v in said.items() if "P1" in str(k)]
    [(p2_en, p2_id)] = [v for k, v in said.items() if "P2" in str(k)]
    assert "program has no budget" in p1_en
    assert "of Rp 0" in p2_en and "bernilai Rp 0" in p2_id


def test_a_budgeted_program_is_not_warned() -> None:
    """The example as shipped (every program with a pagu above 0) has no budget warning."""
    report = check_region_text(_with_budgets("budget: 18400000000, ", "budget: 7250000000, "),
                               name="r.yaml")
    assert not [w for w in report.warnings if w.code == "no-budget"]
