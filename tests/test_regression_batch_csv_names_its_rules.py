"""Regression: a batch CSV says which rules and parameters made it (newuser F134).

``smartsync batch reg --rules strict_a -o out.csv`` and the same without ``--rules`` gave
CSVs with the same columns and no way to tell them apart; the terminal summary did not
name the variant either, though the JSON Lines of the same run did.
"""

from __future__ import annotations

import csv
from pathlib import Path


from smartsync.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.open(encoding="utf-8")))


def test_two_runs_under_different_rules_are_told_apart(tmp_path, capsys):
    """The default run and a cascading run with --threshold 0.7 differ in rule_set and thresholds."""
    default, variant = tmp_path / "default.csv", tmp_path / "variant.csv"
    assert main(["batch", str(EXAMPLES), "--out", str(default), "--no-progress"]) == 0
    assert "Rules:" not in capsys.readouterr().out  # the default rules need no naming
    assert main(["batch", str(EXAMPLES), "--out", str(variant), "--no-progress",
                 "--rules", "cascading", "--threshold", "0.7"]) == 0
    assert "Rules: cascading" in capsys.readouterr().out
    before, after = _rows(default), _rows(variant)
    assert {r["rule_set"] for r in before} == {"default"}
    assert {r["rule_set"] for r in after} == {"cascading"}
    for stage in ("vision", "mission", "target", "program"):
        assert {r[f"{stage}_threshold"] for r in before} == {"0.5"}
        assert {r[f"{stage}_threshold"] for r in after} == {"0.7"}


def test_per_stage_relations_are_in_the_relations_column(tmp_path):
    """--stage-relations shows as the stage's own relations after the general ones."""
    out = tmp_path / "out.csv"
    main(["batch", str(EXAMPLES / "type-a-vision.yaml"), "--out", str(out), "--no-progress",
          "--stage-relations", "vision=adopted+derived"])
    assert _rows(out)[0]["relations"] == "adopted+aligned+derived;vision=adopted+derived"


def test_a_failed_row_names_the_rules_of_its_run(tmp_path):
    """A region that failed still carries the run's rule set, so the row is not orphaned."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: {id: '1', name: x, kind: kota}\nrpjmd: 3\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert main(["batch", str(bad), "--out", str(out), "--no-progress",
                 "--rules", "budgeted-programs"]) == 1
    row = _rows(out)[0]
    assert row["error"] and row["rule_set"] == "budgeted-programs"


def test_the_indonesian_summary_names_the_variant(tmp_path, capsys):
    """Under --lang id the summary names the variant with the glossary's word for rules."""
    main(["batch", str(EXAMPLES), "--out", str(tmp_path / "o.csv"), "--no-progress",
          "--rules", "cascading", "--lang", "id"])
    assert "Aturan: cascading" in capsys.readouterr().out
