"""``smartsync explain FILE``: why not a type (--why-not), how a conclusion was reached
(--how), or the full explanation; usage errors exit 2, bad files 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smartsync
from smartsync import classify
from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TYPE_B = EXAMPLES / "type-b-mission.yaml"


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main(["explain", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- why-not

def test_why_not_a_letter(capsys):
    """--why-not A names the failed condition with its figures and the unmatched vision."""
    code, out, err = run(capsys, TYPE_B, "--why-not", "A")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "not type A: synchronization starts at the vision:"
    assert "the vision stage is not synchronized: 0 of 1" in out and "SV" in out


def test_why_not_a_stage_name_in_indonesian(capsys):
    """--why-not accepts a stage name (also Indonesian) and --lang id answers in Indonesian."""
    code, out, _ = run(capsys, TYPE_B, "--why-not", "visi", "--lang", "id")
    assert code == 0
    assert out.startswith("bukan tipe A: sinkronisasi dimulai pada visi:")
    assert "0 dari 1" in out


def test_why_not_the_concluded_type_says_it_is_that_type(capsys):
    """--why-not of the type the region has prints that type and no reason."""
    code, out, _ = run(capsys, TYPE_B, "--why-not", "mission")
    assert code == 0
    assert out.strip() == "type B: synchronization starts at the mission"


def test_why_not_as_json(capsys):
    """--format json --why-not prints one object with region, type, type asked and reasons."""
    code, out, _ = run(capsys, TYPE_B, "--why-not", "target", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["region"], data["type"], data["why_not"]) == ("9902", "mission", "target")
    assert data["reasons"] and all("message" in r and "rule" in r for r in data["reasons"])


def test_unknown_type_exits_two(capsys):
    """An unknown type for --why-not is a usage error: exit 2, listing the types."""
    code, out, err = run(capsys, TYPE_B, "--why-not", "Z")
    assert code == 2 and out == ""
    assert "unknown type 'Z'" in err and "vision, mission, target, program" in err


# ---------------------------------------------------------------- how

def test_how_type_prints_the_tree_down_to_input_facts(capsys):
    """--how type prints the indented derivation down to inputs naming elements and matches."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--how", "type")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("TypeResult(") and "<- type_from_highest_intact_chain" in lines[0]
    assert any(line.startswith("  ") and "input: Match(masterplan=SP1, rpjmd=P1" in line for line in lines)
    assert any("SP1/P1/aligned/manual" in line for line in lines)


def test_how_stage_program(capsys):
    """--how stage:program prints the derivation of the program stage's status."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--how", "stage:program")
    assert code == 0
    first = out.splitlines()[0]
    assert first.startswith("StageStatus(") and "stage=program" in first
    assert "<- stage_synchronized" in first


def test_how_the_type_by_its_name(capsys):
    """--how with the type's own name explains the type."""
    code, out, _ = run(capsys, TYPE_B, "--how", "mission")
    assert code == 0
    assert out.splitlines()[0].startswith("TypeResult(stage=mission")


def test_how_as_json(capsys):
    """--format json --how prints the derivation as nested objects down to input facts."""
    code, out, _ = run(capsys, TYPE_B, "--how", "stage:mission", "--format", "json")
    assert code == 0
    data = json.loads(out)
    root = data["derivation"]
    assert root["fact"]["kind"] == "StageStatus" and root["rule"] == "stage_synchronized"

    def leaves(node):
        if not node["premises"]:
            yield node
        for p in node["premises"]:
            yield from leaves(p)

    assert all(leaf["fact"]["input"] for leaf in leaves(root))


def test_how_unknown_conclusion_exits_two(capsys):
    """An unknown --how target is a usage error: exit 2, naming what is accepted."""
    code, out, err = run(capsys, TYPE_B, "--how", "stage:budget")
    assert code == 2 and out == ""
    assert "stage:program" in err


def test_why_not_and_how_together_is_a_usage_error(capsys):
    """--why-not and --how exclude each other."""
    with pytest.raises(SystemExit) as info:
        main(["explain", str(TYPE_B), "--why-not", "A", "--how", "type"])
    assert info.value.code == 2


# ---------------------------------------------------------------- full

def test_explain_without_options_prints_the_full_explanation(capsys):
    """explain without --why-not or --how prints the classification with how, why-not and firings."""
    code, out, _ = run(capsys, TYPE_B)
    assert code == 0
    assert "Type: type B" in out and "Why not the other types" in out and "Rule firings" in out


def test_explain_markdown(capsys):
    """--format markdown prints the explained classification as Markdown."""
    code, out, _ = run(capsys, TYPE_B, "--format", "markdown")
    assert code == 0 and out.startswith("# Region 9902")
    assert "## Why not the other types" in out


def test_explain_respects_parameters(capsys):
    """--threshold 1.0 makes the type-B example unsynchronized and --why-not B says why."""
    code, out, _ = run(capsys, TYPE_B, "--threshold", "1.0", "--why-not", "B")
    assert code == 0
    region = smartsync.load_region(TYPE_B)
    assert classify(region, params=smartsync.Parameters(threshold=1.0)).type.value != "mission"
    assert out.startswith("not type B") and "threshold 1" in out


def test_bad_file_exits_one_without_traceback(capsys, tmp_path):
    """A bad region file gives exit 1, its problem on stderr, no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: {id: x}\n", encoding="utf-8")
    code, out, err = run(capsys, bad, "--why-not", "A")
    assert code == 1 and out == ""
    assert str(bad) in err and "Traceback" not in err
