"""``batch --rules mymodule`` wrote the variant's own name (``round7``) in the CSV's
``rule_set`` column while ``study --rules default,mymodule`` wrote ``mymodule``: a researcher
joining the two files on (region, rule_set) matched nothing (newuser F178). Both now name a
rule set as ``--rules`` gave it."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent

MODULE = '''
from smartsync.variants import Variant, load_variant

VARIANT = Variant("round7", tuple(load_variant("budgeted-programs").packs),
                  description="Budgeted programs under another name.")
'''


def test_batch_and_study_name_a_module_variant_alike(tmp_path, monkeypatch, capsys) -> None:
    """The same module given to batch and to study: the same rule_set in both CSVs."""
    (tmp_path / "mystudy_f178.py").write_text(MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    region = tmp_path / "b.yaml"
    shutil.copy(ROOT / "examples" / "type-b-mission.yaml", region)
    assert main(["batch", str(region), "--rules", "mystudy_f178", "--out",
                 str(tmp_path / "batch.csv"), "--no-progress"]) == 0
    assert main(["study", str(region), "--rules", "default,mystudy_f178", "--out",
                 str(tmp_path / "study.csv"), "--no-progress"]) == 0
    capsys.readouterr()
    with open(tmp_path / "batch.csv", encoding="utf-8-sig", newline="") as handle:
        batch = {row["rule_set"] for row in csv.DictReader(handle)}
    with open(tmp_path / "study.csv", encoding="utf-8-sig", newline="") as handle:
        study = {row["rule_set"] for row in csv.DictReader(handle)}
    assert batch == {"mystudy_f178"}
    assert batch <= study


def test_batch_under_a_registered_variant_keeps_its_name(tmp_path, capsys) -> None:
    """A registered variant is named as registered; no --rules is ``default``."""
    region = tmp_path / "b.yaml"
    shutil.copy(ROOT / "examples" / "type-b-mission.yaml", region)
    for rules, expected in ((["--rules", "cascading"], "cascading"), ([], "default")):
        out = tmp_path / f"batch-{expected}.csv"
        assert main(["batch", str(region), *rules, "--out", str(out), "--no-progress"]) == 0
        with open(out, encoding="utf-8-sig", newline="") as handle:
            assert {row["rule_set"] for row in csv.DictReader(handle)} == {expected}
    capsys.readouterr()
