"""``smartsync classify FILE...``: each region's type in text, Markdown or JSON Lines;
bad files reported on stderr without a traceback while the others are classified."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import smartsync
from smartsync import Parameters, classify
from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TYPES = {
    "type-a-vision.yaml": "vision",
    "type-b-mission.yaml": "mission",
    "type-c-target.yaml": "target",
    "type-d-program.yaml": "program",
    "unsynchronized.yaml": "unsynchronized",
}


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main(["classify", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dangling(tmp_path: Path) -> Path:
    """A region file whose match names a masterplan program that does not exist."""
    text = (EXAMPLES / "type-c-target.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "dangling.yaml"
    bad.write_text(text.replace("{masterplan: SP15, rpjmd: P18", "{masterplan: SP99, rpjmd: P18"),
                   encoding="utf-8")
    return bad


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A file that is not YAML at all."""
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: {id: [unclosed\n", encoding="utf-8")
    return bad


# ---------------------------------------------------------------- text

def test_classify_prints_the_type(capsys):
    """classify FILE exits 0 and prints the region, its type and its stages."""
    code, out, err = run(capsys, EXAMPLES / "type-a-vision.yaml")
    assert code == 0 and err == ""
    assert out.startswith("Region 9901: Kota Contoh Sejahtera\n")
    assert "Type A: synchronization starts at the vision" in out
    assert "mission: 5 of 5 synchronized" in out


def test_classify_several_files_in_order(capsys):
    """Several files are classified in the order given, each with its own type."""
    files = sorted(TYPES)
    code, out, _ = run(capsys, *(EXAMPLES / f for f in files))
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("Region ")]
    assert headings == [f"Region {smartsync.load_region(EXAMPLES / f).id}: "
                        f"{smartsync.load_region(EXAMPLES / f).name}" for f in files]
    assert sum(line.startswith(("Type ", "Type: ")) for line in out.splitlines()) == len(files)


def test_classify_a_folder(capsys):
    """A folder stands for the region files in it."""
    code, out, _ = run(capsys, EXAMPLES, "--format", "json")
    assert code == 0
    assert sorted(json.loads(line)["type"] for line in out.splitlines()) == sorted(TYPES.values())


def test_classify_in_indonesian(capsys):
    """--lang id prints headings, type and stages in Indonesian."""
    code, out, _ = run(capsys, EXAMPLES / "type-b-mission.yaml", "--lang", "id")
    assert code == 0
    assert "Tipe B: sinkronisasi dimulai pada misi" in out
    assert "Karakteristik" in out and "Characteristics" not in out


def test_classify_explain_adds_the_explanation(capsys):
    """--explain adds how the type was concluded, why not the others, and the firings."""
    code, out, _ = run(capsys, EXAMPLES / "type-c-target.yaml", "--explain")
    assert code == 0
    assert "How the type was concluded" in out and "Why not the other types" in out
    assert "Why not type A?" in out and "Rule firings" not in out
    code, out, _ = run(capsys, EXAMPLES / "type-c-target.yaml", "--explain", "--trace")
    assert code == 0 and "Rule firings" in out and "Fact tree" in out


def test_classify_markdown(capsys):
    """--format markdown prints a Markdown page per region, separated by a rule."""
    code, out, _ = run(capsys, EXAMPLES / "type-a-vision.yaml", EXAMPLES / "type-d-program.yaml",
                       "--format", "markdown")
    assert code == 0
    assert out.count("# Region ") == 2 and "\n---\n" in out
    assert "| program | yes | 18 | 14 |" in out


# ---------------------------------------------------------------- json

def test_json_one_object_for_one_file(capsys):
    """--format json prints exactly one JSON object on one line for one file."""
    code, out, _ = run(capsys, EXAMPLES / "type-d-program.yaml", "--format", "json")
    assert code == 0
    (line,) = out.splitlines()
    data = json.loads(line)
    assert data["type"] == "program" and data["region"]["id"] == "9904"
    assert {"stages", "characteristics", "diagnostics", "funding", "trace", "why_not",
            "schema_version"} <= set(data)


def test_json_lines_for_several_files(capsys):
    """Several files give JSON Lines: one object per file, in order, each with its type."""
    files = sorted(TYPES)
    code, out, _ = run(capsys, *(EXAMPLES / f for f in files), "--format", "json")
    assert code == 0
    lines = out.splitlines()
    assert [json.loads(line)["type"] for line in lines] == [TYPES[f] for f in files]


def test_json_equals_the_library(capsys):
    """The CLI's JSON is the library's smartsync.render.json.dumps of the same region's
    explanation (with its advice)."""
    from smartsync.render.json import dumps

    path = EXAMPLES / "unsynchronized.yaml"
    code, out, _ = run(capsys, path, "--format", "json", "--lang", "id")
    assert code == 0
    from smartsync.explain import explain

    assert out == dumps(explain(classify(smartsync.load_region(path))), lang="id") + "\n"


# ---------------------------------------------------------------- parameters

def test_threshold_and_relations_change_the_result(capsys):
    """--threshold and --relations classify with those parameters."""
    path = EXAMPLES / "type-d-program.yaml"
    region = smartsync.load_region(path)
    for args, params in (
        (["--threshold", "1.0"], Parameters(threshold=1.0)),
        (["--relations", "adopted,derived"], Parameters(relations=["adopted", "derived"])),
    ):
        code, out, _ = run(capsys, path, "--format", "json", *args)
        assert code == 0
        assert json.loads(out)["type"] == classify(region, params=params).type.value
    code, out, _ = run(capsys, path, "--format", "json", "--threshold", "1.0")
    assert json.loads(out)["type"] == "unsynchronized"


@pytest.mark.parametrize("args", [["--threshold", "0"], ["--threshold", "1.5"],
                                  ["--relations", "copied"]])
def test_impossible_parameters_exit_two(capsys, args):
    """An out-of-range threshold or unknown relation exits 2 with a message on stderr, nothing classified."""
    try:
        code, out, err = run(capsys, EXAMPLES / "type-a-vision.yaml", *args)
    except SystemExit as exc:  # a threshold is checked when the arguments are read
        code, (out, err) = exc.code, capsys.readouterr()
    assert code == 2 and out == ""
    assert "smartsync classify:" in err and "Traceback" not in err


def test_unknown_format_is_a_usage_error(capsys):
    """An unknown --format stops with exit status 2 and a usage message."""
    with pytest.raises(SystemExit) as info:
        main(["classify", str(EXAMPLES / "type-a-vision.yaml"), "--format", "xml"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


# ---------------------------------------------------------------- bad input

def test_bad_file_exits_one_and_the_others_are_classified(capsys, dangling, broken):
    """A bad file exits 1 with its problems on stderr, no traceback; the other files are classified."""
    code, out, err = run(capsys, EXAMPLES / "type-a-vision.yaml", dangling, broken,
                         EXAMPLES / "type-b-mission.yaml", "--format", "json")
    assert code == 1
    assert [json.loads(line)["type"] for line in out.splitlines()] == ["vision", "mission"]
    assert "Traceback" not in err
    assert str(dangling) in err and "SP99" in err
    assert str(broken) in err


def test_missing_file_exits_one(capsys, tmp_path):
    """A file that does not exist gives exit 1 and a line naming it on stderr."""
    missing = tmp_path / "nowhere.yaml"
    code, out, err = run(capsys, missing)
    assert code == 1 and out == ""
    assert str(missing) in err and "Traceback" not in err


def test_bad_file_in_text_mode_keeps_stdout_clean(capsys, dangling):
    """In text mode a bad file's problems go to stderr only; stdout has the good regions."""
    code, out, err = run(capsys, dangling, EXAMPLES / "type-c-target.yaml")
    assert code == 1
    assert "SP99" not in out and out.startswith("Region 9903")
    assert "SP99" in err


# ---------------------------------------------------------------- as a program

def test_python_dash_m_smartsync_classify():
    """`python -m smartsync classify` prints the type (exit 0); a missing file exits 1 without traceback."""
    done = subprocess.run([sys.executable, "-m", "smartsync", "classify",
                           str(EXAMPLES / "type-c-target.yaml"), "--format", "json"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["type"] == "target"
    bad = subprocess.run([sys.executable, "-m", "smartsync", "classify", "no-such-file.yaml"],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 1
    assert "no-such-file.yaml" in bad.stderr and "Traceback" not in bad.stderr
