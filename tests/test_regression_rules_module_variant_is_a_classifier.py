"""``--rules MODULE`` takes the module's ``VARIANT`` in every form ``--rules
MODULE:VARIANT`` takes (newuser finding F69): a Classifier with a stricter mission
threshold, a pack class, a list of packs. A ``VARIANT`` of another kind, or a module with
nothing to run, is a usage error (exit 2) saying what it holds, not "holds no VARIANT"
with exit 4."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

import pytest

from smartsync.cli import EXIT_USAGE, main

ROOT = Path(__file__).resolve().parent.parent
TYPE_B = str(ROOT / "examples" / "type-b-mission.yaml")
_COUNT = itertools.count()

STRICT_MISSION = '''
import smartsync
from smartsync.variants import default_packs

VARIANT = smartsync.Classifier(default_packs(),
                               params=smartsync.Parameters(thresholds={"misi": 0.8}))
'''


@pytest.fixture
def module(tmp_path, monkeypatch):
    """Writes a module into a fresh current folder; its name. Forgotten afterwards."""
    monkeypatch.chdir(tmp_path)
    names = []

    def write(source: str) -> str:
        name = f"polish_rules_{next(_COUNT)}_{id(tmp_path) % 10_000}"
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
        names.append(name)
        return name

    yield write
    for name in names:
        sys.modules.pop(name, None)


def classify(capsys, rules: str) -> tuple[int, str, str]:
    code = main(["classify", TYPE_B, "--rules", rules])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_module_whose_variant_is_a_classifier_runs_by_its_name(module, capsys):
    """--rules MODULE with VARIANT = Classifier(thresholds misi 0.8) types the type-B
    example C (mission 75% < 80%), as --rules MODULE:VARIANT does."""
    name = module(STRICT_MISSION)
    code, out, err = classify(capsys, name)
    assert code == 0 and "Type C: synchronization starts at the target" in out, err
    code, out_named, _ = classify(capsys, f"{name}:VARIANT")
    assert code == 0 and out_named == out


def test_module_whose_variant_is_a_pack_class_adds_it_to_the_default_packs(module, capsys):
    """VARIANT = a pack class (with experta rules): the default packs plus it, by name."""
    name = module("from smartsync.rules.budgeted import BudgetedProgramsPack\n"
                  "VARIANT = BudgetedProgramsPack\n")
    code, out, err = classify(capsys, name)
    assert code == 0 and "Type " in out, err


def test_module_whose_variant_is_something_else_is_a_usage_error_saying_what(module, capsys):
    """VARIANT = 3: exit 2, 'MODULE.VARIANT is int, not a Variant, a Classifier...'."""
    name = module("VARIANT = 3\n")
    code, out, err = classify(capsys, name)
    assert code == EXIT_USAGE and out == ""
    assert f"{name}.VARIANT is int, not a Variant, a Classifier" in err


def test_module_with_nothing_to_run_is_a_usage_error(module, capsys):
    """A module with no VARIANT, no Variant and no pack names nothing to run: exit 2."""
    name = module("x = 1\n")
    code, _, err = classify(capsys, name)
    assert code == EXIT_USAGE and f"module {name} holds no VARIANT" in err
