"""Regression (newuser finding F43): a drafted RPJMD program whose pagu the draft doubted
(confidence below 1) counted in the funding with no word from validate or classify; a
planner who skipped the review page reported a doubted figure. The reader now warns."""

from __future__ import annotations

from smartsync.cli import main
from smartsync.io import check_region_text

REGION = """\
region: {{id: "9001", name: Kota Uji, kind: kota}}
rpjmd:
  period: [2021, 2026]
  elements:
    - {{id: V, level: visi, text: Visi kota}}
    - id: P1
      level: program
      text: Program satu
      parents: [V]
      budget: 1000000000
{confidence}
masterplan:
  period: [2022, 2031]
  elements:
    - {{id: SV, level: vision, text: Visi cerdas}}
    - {{id: SP1, level: program, text: Program cerdas, parents: [SV]}}
matches:
  - {{masterplan: SP1, rpjmd: P1, relation: aligned}}
"""
DOUBTED = """\
      confidence:
        score: 0.5
        reasons: ["the table's row JUMLAH says Rp 4.000.000.000; the rows add up to Rp 3.500.000.000"]"""


def test_a_doubted_budget_is_a_warning_naming_the_program_and_the_reason():
    """confidence 0.5 on a budgeted RPJMD program: one warning, the region still read."""
    report = check_region_text(REGION.format(confidence=DOUBTED))
    assert report.region is not None
    (warning,) = [p for p in report.warnings if p.code == "doubted-budget"]
    assert "P1" in str(warning) and "confidence 0.50 " in warning.message and "JUMLAH" in warning.message


def test_a_sure_budget_gives_no_such_warning():
    """No confidence (or 1): no doubted-budget warning."""
    report = check_region_text(REGION.format(confidence=""))
    assert not [p for p in report.problems if p.code == "doubted-budget"]


def test_validate_says_it_in_indonesian(tmp_path, capsys):
    """validate --lang id: the warning in Indonesian; the file stays valid (exit 0)."""
    path = tmp_path / "r.yaml"
    path.write_text(REGION.format(confidence=DOUBTED), encoding="utf-8")
    assert main(["validate", str(path), "--lang", "id"]) == 0
    assert "keyakinan 0,50 " in capsys.readouterr().out
