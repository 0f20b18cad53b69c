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
    """--why-not A asks the question and names the failed condition with its figures and
    the unmatched vision."""
    code, out, err = run(capsys, TYPE_B, "--why-not", "A")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Why not type A? (synchronization would start at the vision)"
    assert "the vision stage is not synchronized: 0 of 1" in out and "SV" in out


def test_why_not_a_stage_name_in_indonesian(capsys):
    """--why-not accepts a stage name (also Indonesian) and --lang id answers in Indonesian."""
    code, out, _ = run(capsys, TYPE_B, "--why-not", "visi", "--lang", "id")
    assert code == 0
    assert out.startswith("Mengapa bukan tipe A? (sinkronisasi akan dimulai pada visi)")
    assert "0 dari 1" in out


def test_why_not_the_concluded_type_says_it_is_that_type(capsys):
    """--why-not of the type the region has says it is the region's type."""
    code, out, _ = run(capsys, TYPE_B, "--why-not", "mission")
    assert code == 0
    assert out.strip() == ("The region is already type B (synchronization starts at the "
                           "mission), so no condition failed.")


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

def test_how_type_prints_a_checklist_in_plain_words(capsys):
    """--how type prints the conditions that held, stage by stage, with the figures, the
    elements and their matches, and the conclusion last; no fact numbers or rule names."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--how", "type")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("✓ the program stage is synchronized: 14 of 18")
    assert any(line.strip().startswith('SP1 "') and "-> P1" in line for line in lines)
    assert lines[-1] == "So: type D: synchronization starts at the program"
    assert "#" not in out and "TypeResult" not in out and "base=" not in out


def test_how_type_with_trace_prints_the_fact_tree(capsys):
    """--how type --trace adds the derivation tree down to the input facts."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--how", "type", "--trace")
    assert code == 0
    assert "<- type_from_highest_intact_chain" in out
    assert "input: Match(masterplan=SP1, rpjmd=P1" in out


def test_how_stage_program(capsys):
    """--how stage:program explains the program stage's status."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--how", "stage:program")
    assert code == 0
    assert out.splitlines()[0].startswith("✓ the program stage is synchronized: 14 of 18")


def test_how_the_type_by_its_name_letter_or_word(capsys):
    """--how with the type's letter, 'tipe', 'type B' or 'tipe misi' explains the type (a bare
    stage word names the stage: newuser F214)."""
    for asked in ("B", "tipe", "type B", "tipe B", "tipe misi"):
        code, out, _ = run(capsys, TYPE_B, "--how", asked)
        assert code == 0
        assert out.splitlines()[-1] == "So: type B: synchronization starts at the mission", asked


def test_how_a_type_the_region_does_not_have_says_so_and_why_not(capsys):
    """--how A on a type-B region says it is not type A, and why not."""
    code, out, _ = run(capsys, TYPE_B, "--how", "A")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == ("The region is not type A; its type is type B: synchronization "
                        "starts at the mission.")
    assert "Why not type A?" in out and "0 of 1" in out


def test_how_a_fact_number_step_characteristic_diagnostic_funding(capsys):
    """--how accepts a fact number (as the trace prints it), a step, a characteristic key,
    a diagnostic code and funding."""
    result = classify(smartsync.load_region(TYPE_B))
    type_fact = result.type_fact().id
    for asked in (str(type_fact), f"#{type_fact}"):
        code, out, _ = run(capsys, TYPE_B, "--how", asked)
        assert code == 0 and out.splitlines()[-1].startswith("So: type B"), asked
    code, out, _ = run(capsys, TYPE_B, "--how", "step:1")
    assert code == 0 and "SS6 is synchronized" in out
    code, out, _ = run(capsys, TYPE_B, "--how", "integration")
    assert code == 0 and out.splitlines()[-1] == "So: " + result.characteristic("integration").message()
    code, out, _ = run(capsys, TYPE_B, "--how", "orphan_programs")
    assert code == 0 and "SP12" in out
    code, out, _ = run(capsys, TYPE_B, "--how", "pendanaan", "--lang", "id")
    assert code == 0 and out.splitlines()[-1].startswith("Jadi: 13 dari 16 program masterplan")


def test_to_a_type_says_what_to_change(capsys):
    """--to A on the unsynchronized example: 2 more targets and 5 more programs."""
    code, out, _ = run(capsys, EXAMPLES / "unsynchronized.yaml", "--to", "A")
    assert code == 0
    assert out.startswith("To reach type A (synchronization starts at the vision):")
    assert "match 2 more masterplan target elements" in out
    assert "match 5 more masterplan program elements" in out
    code, out, _ = run(capsys, EXAMPLES / "unsynchronized.yaml", "--to", "D", "--format", "json")
    data = json.loads(out)
    assert data["to_reach"]["D"]["needed"] == {"program": 5}
    code, out, _ = run(capsys, TYPE_B, "--to", "B")
    assert code == 0 and out.startswith("Type B is the region's type.")


def test_to_a_lower_type_says_which_losses_make_it_fall(capsys):
    """--to D and --to unsynchronized on type B name the losses (and a threshold) that give that type, each verified."""
    import attrs

    code, out, _ = run(capsys, TYPE_B, "--to", "D")
    assert code == 0 and out.startswith("What would make it fall to type D:")
    assert "Type -" not in out
    code, out, _ = run(capsys, TYPE_B, "--to", "unsynchronized", "--format", "json")
    data = json.loads(out)
    assert data["to_fall"]["type"] == "unsynchronized" and data["to_fall"]["lose"]
    region = smartsync.load_region(TYPE_B)
    gone = {tuple(p) for p in data["to_fall"]["lose"]}
    assert classify(attrs.evolve(region, matches=tuple(
        m for m in region.matches if m.key not in gone))).type.value == "unsynchronized"
    code, out, _ = run(capsys, TYPE_B, "--to", "C", "--lang", "id")
    assert out.startswith("Yang akan membuatnya turun menjadi tipe C:")
    assert "ambang di atas 75%" in out


#: a type A region under cascading whose targets are matched twice: losing a target match that
#: agrees with the RPJMD leaves its programs placed under the other, and they stop counting
_TWICE_MATCHED_TARGETS = """\
region: {id: "9990", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: RV1, level: vision, text: "Visi RPJMD"}
    - {id: RM1, level: mission, parent: RV1, text: "Misi satu"}
    - {id: RM2, level: mission, parent: RV1, text: "Misi dua"}
    - {id: RT1, level: target, parent: RM1, text: "Sasaran satu"}
    - {id: RT2, level: target, parent: RM2, text: "Sasaran dua"}
    - {id: RP1, level: program, parent: RT1, budget: 1000, text: "Program satu"}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV1, level: vision, text: "Visi masterplan"}
    - {id: SM1, level: mission, parent: SV1, text: "Misi masterplan"}
    - {id: ST1, level: target, parent: SM1, text: "Sasaran masterplan satu"}
    - {id: ST2, level: target, parent: SM1, text: "Sasaran masterplan dua"}
    - {id: SP1, level: program, parent: ST1, dimension: governance, text: "Program satu"}
    - {id: SP2, level: program, parent: ST1, dimension: governance, text: "Program dua"}
    - {id: SP3, level: program, parent: ST2, dimension: governance, text: "Program tiga"}
matches:
  - {masterplan: SV1, rpjmd: RV1, relation: derived}
  - {masterplan: SM1, rpjmd: RM1, relation: derived}
  - {masterplan: ST1, rpjmd: RT1, relation: derived}
  - {masterplan: ST1, rpjmd: RT2, relation: derived}
  - {masterplan: ST2, rpjmd: RT1, relation: derived}
  - {masterplan: SP1, rpjmd: RP1, relation: derived}
  - {masterplan: SP2, rpjmd: RP1, relation: derived}
  - {masterplan: SP3, rpjmd: RP1, relation: derived}
"""


def test_to_a_lower_type_under_rules_that_are_not_monotone(capsys, tmp_path):
    """Under cascading, the losses that break the target stage of a region whose targets are
    matched twice unsynchronize its programs; --to D does not stop there (a lost match can
    raise a type): losing every match of both targets gives D, proven the fewest."""
    region_file = tmp_path / "twice.yaml"
    region_file.write_text(_TWICE_MATCHED_TARGETS, encoding="utf-8")
    code, out, _ = run(capsys, region_file, "--rules", "cascading", "--to", "D")
    assert code == 0
    assert "Nothing found" not in out
    assert ("losing these 3 matches together (no loss of fewer matches gives it: every smaller "
            "set tried): ST1 -> RT1, ST1 -> RT2, ST2 -> RT1") in out


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
    """explain without options prints the classification with how and why-not; --trace
    adds the fact tree and the firings."""
    code, out, _ = run(capsys, TYPE_B)
    assert code == 0
    assert "Type B: synchronization starts at the mission" in out and "Why not the other types" in out and "Rule firings" not in out
    code, out, _ = run(capsys, TYPE_B, "--trace")
    assert code == 0 and "Rule firings" in out and "Fact tree" in out


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
    assert out.startswith("Why not type B?") and "threshold 100%" in out


def test_bad_file_exits_one_without_traceback(capsys, tmp_path):
    """A bad region file gives exit 1, its problem on stderr, no traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: {id: x}\n", encoding="utf-8")
    code, out, err = run(capsys, bad, "--why-not", "A")
    assert code == 1 and out == ""
    assert str(bad) in err and "Traceback" not in err


def test_a_folder_is_a_usage_error_not_its_first_region_explained(capsys):
    """`explain FOLDER` explained only the folder's first region and left the others out
    unsaid; it is a usage error naming the folder and what to run instead."""
    code, out, err = run(capsys, EXAMPLES)
    assert code == 2 and out == ""
    assert "a folder: explain takes one region file" in err and "classify --explain" in err
