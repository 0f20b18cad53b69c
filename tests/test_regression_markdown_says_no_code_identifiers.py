"""The Markdown a planner pastes into a report carries the findings' words, not their code
identifiers (newuser finding F71: ``- **menghambat** `orphan_programs`: ...``); the JSON
keeps the codes for programs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from smartsync.cli import main

EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.yaml"))
IDENTIFIER = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_markdown_names_no_snake_case_identifier(lang, capsys):
    """classify --format markdown --explain on every example: no word like orphan_programs,
    and each diagnostic is '- **severity** its sentence'."""
    assert main(["classify", "--format", "markdown", "--explain", "--lang", lang,
                 *map(str, EXAMPLES)]) in (0, 1)
    out = capsys.readouterr().out
    assert IDENTIFIER.findall(out) == []
    severity = "menghambat" if lang == "id" else "blocks"
    assert re.search(rf"^- \*\*{severity}\*\* [A-Z0-9]", out, re.M)


def test_json_keeps_the_diagnostic_codes(capsys):
    """The JSON of the same region still gives each diagnostic its code."""
    type_d = next(p for p in EXAMPLES if p.name == "type-d-program.yaml")
    main(["classify", "--format", "json", str(type_d)])
    data = json.loads(capsys.readouterr().out)
    codes = {d["code"] for d in data["diagnostics"]}
    assert "orphan_programs" in codes
