"""Newuser finding F123: outputs made under a variant (``--rules``) read exactly like the
default's: the text, Markdown and HTML report (page and index) named no rule set and the
JSON said ``"typology": {"name": "default"}`` under a study's own variant, so two pages of
one region with different types looked like an error. Every output made under a variant
now names it and says what it changes; the default rules' outputs are unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smartsync
from smartsync.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE = EXAMPLES / "type-b-mission.yaml"

STUDY = """
from smartsync.variants import Variant, default_packs
from smartsync.typology import Parameters

VARIANT = Variant("strict-programs", default_packs(), params=Parameters(thresholds={"program": 0.9}),
                  description="Programs synchronized only at 90%.",
                  messages={"id": {"variant.description": "Program tersinkronisasi hanya pada 90%."}})
"""


@pytest.fixture
def study(tmp_path, monkeypatch) -> str:
    (tmp_path / "study_f123.py").write_text(STUDY, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return "study_f123:VARIANT"


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_and_markdown_name_the_variant(capsys, fmt) -> None:
    """classify --rules cascading says 'Rules: cascading (...)' under the region heading."""
    assert main(["classify", str(EXAMPLE), "--rules", "cascading", "--format", fmt]) == 0
    head = capsys.readouterr().out.splitlines()[:4]
    assert any("Rules" in line and "cascading" in line and "parent" in line for line in head), head


def test_the_default_rules_add_no_line(capsys) -> None:
    """Without --rules (or with --rules default) no rules line is printed."""
    for extra in ([], ["--rules", "default"]):
        assert main(["classify", str(EXAMPLE), *extra]) == 0
        assert "Rules:" not in capsys.readouterr().out


def test_a_study_variant_is_named_in_its_language(capsys, study) -> None:
    """A study's own variant is named with its own description, in Indonesian under --lang id."""
    assert main(["classify", str(EXAMPLE), "--rules", study, "--lang", "id"]) == 0
    assert "Aturan: strict-programs (Program tersinkronisasi hanya pada 90%)" in capsys.readouterr().out
    assert main(["classify", str(EXAMPLE), "--rules", study]) == 0
    assert "Rules: strict-programs (Programs synchronized only at 90%)" in capsys.readouterr().out


def test_json_names_the_rules(capsys, study) -> None:
    """The JSON's 'rules' names the variant and its source; 'default' without --rules."""
    assert main(["classify", str(EXAMPLE), "--rules", study, "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)["rules"]
    assert rules["name"] == "strict-programs" and rules["source"]
    assert main(["classify", str(EXAMPLE), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["rules"]["name"] == "default"


def test_report_page_and_index_name_the_rules(tmp_path, capsys) -> None:
    """report --rules goal-stage names the rule set on each page and on the index."""
    out = tmp_path / "report"
    assert main(["report", str(EXAMPLE), str(EXAMPLES / "type-d-program.yaml"), "--rules",
                 "goal-stage", "--out", str(out)]) == 0
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    assert len(pages) == 3
    for name, html in pages.items():
        assert 'data-rules="goal-stage"' in html, name
    plain = tmp_path / "plain"
    assert main(["report", str(EXAMPLE), "--out", str(plain)]) == 0
    assert all("data-rules" not in p.read_text(encoding="utf-8") for p in plain.glob("*.html"))


def test_the_result_carries_its_rule_set() -> None:
    """Classification.rule_set names the variant a classifier was made from."""
    region = smartsync.load_region(EXAMPLE)
    cascading = smartsync.load_variant("cascading").classifier().classify(region)
    assert cascading.rule_set.name == "cascading" and not cascading.rule_set.is_default
    assert smartsync.classify(region).rule_set.is_default
