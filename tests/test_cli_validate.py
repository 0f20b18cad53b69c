"""``smartsync validate FILE...``: one line per problem, a summary, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from smartsync.cli import main

DATA = Path(__file__).parent / "data"
GOOD = DATA / "good" / "semarang.yaml"
BAD_FILES = sorted((DATA / "bad").iterdir())
LINE = re.compile(r"^(?P<file>[^:]+)(:(?P<line>\d+))?: (?P<severity>error|warning): ")


def run(capsys, *args: str) -> tuple[int, list[str], str]:
    code = main(["validate", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_clean_file_exits_zero_with_a_summary(capsys):
    """A clean file prints only the summary and exits 0."""
    code, lines, err = run(capsys, GOOD)
    assert code == 0
    assert lines == ["1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings"]
    assert err == ""


@pytest.mark.parametrize("path", BAD_FILES, ids=[p.name for p in BAD_FILES])
def test_every_bad_file_exits_one_with_problem_lines(capsys, path):
    """Each bad file gives exit 1, every output line but the summary is file:line: severity: ..., no traceback."""
    code, lines, err = run(capsys, path)
    assert code == 1
    assert "Traceback" not in err and err == ""
    *problems, summary = lines
    assert problems
    for line in problems:
        match = LINE.match(line)
        assert match, line
        assert match["file"] == str(path)
    assert any(LINE.match(line)["severity"] == "error" for line in problems)
    assert summary.startswith("1 file checked: 0 valid, 1 invalid; ")


def test_problem_line_format(capsys):
    """A problem line reads file:line: severity: where: message (did you mean 'x'?)."""
    _, lines, _ = run(capsys, DATA / "bad" / "unknown-level.yaml")
    assert f"{DATA / 'bad' / 'unknown-level.yaml'}:5: error: rpjmd element V: unknown level 'visoin'; " \
           "expected one of: vision, mission, goal, target, strategy, policy, program, activity " \
           "(did you mean 'vision'?)" in lines


def test_warnings_alone_exit_zero(capsys, tmp_path):
    """Warnings are printed but do not fail the run."""
    path = tmp_path / "w.yaml"
    path.write_text(GOOD.read_text(encoding="utf-8").replace(", budget: 1.25e10", ""), encoding="utf-8")
    code, lines, _ = run(capsys, path)
    assert code == 0
    assert lines[0] == f"{path}:10: warning: rpjmd element P1: program has no budget (pagu indikatif)"
    assert lines[-1] == "1 file checked: 1 valid, 0 invalid; 0 errors, 1 warning"


def test_strict_makes_warnings_fail(capsys, tmp_path):
    """With --strict a file with warnings counts as invalid and the run exits 1."""
    path = tmp_path / "w.yaml"
    path.write_text(GOOD.read_text(encoding="utf-8").replace(", budget: 1.25e10", ""), encoding="utf-8")
    code, lines, _ = run(capsys, "--strict", path)
    assert code == 1
    assert lines[-1] == "1 file checked: 0 valid, 1 invalid; 0 errors, 1 warning"


def test_quiet_hides_warnings(capsys):
    """--quiet prints errors and the summary, not warnings."""
    code, lines, _ = run(capsys, "--quiet", DATA / "bad" / "unknown-level.yaml")
    assert code == 1
    assert all(" warning: " not in line for line in lines)
    assert len(lines) == 2


def test_several_files_and_a_summary(capsys):
    """Several files are all checked; one bad file makes the run exit 1 and the summary counts them."""
    code, lines, _ = run(capsys, GOOD, DATA / "bad" / "missing-score.yaml", DATA / "bad" / "empty.yaml")
    assert code == 1
    assert lines[-1] == "3 files checked: 1 valid, 2 invalid; 2 errors, 2 warnings"


def test_missing_file_is_invalid_input_not_a_traceback(capsys, tmp_path):
    """A file that does not exist is reported as an error line and exits 1."""
    code, lines, err = run(capsys, tmp_path / "absent.yaml")
    assert code == 1
    assert lines[0] == f"{tmp_path / 'absent.yaml'}: error: no such file"
    assert err == ""


def test_folder_is_expanded(capsys, tmp_path):
    """A folder argument checks every region file in it."""
    (tmp_path / "a.yaml").write_text(GOOD.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.json").write_text("{", encoding="utf-8")
    code, lines, _ = run(capsys, tmp_path)
    assert code == 1
    assert lines[0].startswith(f"{tmp_path / 'b.json'}:1: error: malformed JSON")
    assert lines[-1].startswith("2 files checked: 1 valid, 1 invalid")


def test_empty_folder_is_an_error(capsys, tmp_path):
    """A folder with no region files is an error: nothing would be checked."""
    code, lines, _ = run(capsys, tmp_path)
    assert code == 1
    assert lines[0] == f"{tmp_path}: error: no region files (*.yaml, *.yml, *.json) in this folder"


def test_max_bytes_option(capsys):
    """--max-bytes lowers the size limit."""
    code, lines, _ = run(capsys, "--max-bytes", "100", GOOD)
    assert code == 1
    assert "above the limit of 100 bytes" in lines[0]


def test_no_files_is_a_usage_error(capsys):
    """Calling validate without files is a usage error, exit 2."""
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2
    assert "FILE" in capsys.readouterr().err


def test_command_line_runs_as_a_module():
    """python -m smartsync validate works end to end on every bad file at once, without a traceback."""
    result = subprocess.run([sys.executable, "-m", "smartsync", "validate", *map(str, BAD_FILES), str(GOOD)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1].startswith(f"{len(BAD_FILES) + 1} files checked: 1 valid, ")
