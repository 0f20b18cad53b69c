"""Regression (newuser finding F37): a folder given as input is read one level deep, and the
region files in a folder inside it were left out with no word; every command that takes a
folder now names each such folder on stderr (a warning: exit codes unchanged)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.io.paths import unread_subfolders

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"


@pytest.fixture
def nest(tmp_path):
    """A folder with a region file, one in sub/ and one in sub/deeper/, and a hidden .git/."""
    root = tmp_path / "nest"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "empty").mkdir()
    shutil.copy(EXAMPLE, root / "good-00.yaml")
    shutil.copy(EXAMPLE, root / "sub" / "deeper" / "good-02.yaml")
    shutil.copy(EXAMPLE, root / ".git" / "x.yaml")
    return root


def test_a_subfolder_with_region_files_at_any_depth_is_named(nest):
    """sub/ (region files two levels down) is named; a hidden and an empty folder are not."""
    (problem,) = unread_subfolders(nest)
    assert problem.file == str(nest / "sub") and problem.severity.value == "warning"
    assert "not read" in str(problem)


@pytest.mark.parametrize("command", [
    ["batch", "{nest}", "--out", "{out}/o.csv", "--no-progress"],
    ["classify", "{nest}"],
    ["report", "{nest}", "--out", "{out}/rep"],
    ["validate", "{nest}"],
])
def test_every_command_taking_a_folder_says_which_folder_it_left_out(nest, tmp_path, capsys, command):
    """batch, classify, report and validate each name nest/sub, in English and in Indonesian."""
    args = [a.format(nest=nest, out=tmp_path) for a in command]
    main(args)
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert f"{nest / 'sub'}:" in said and "not read" in said
    main(args + ["--lang", "id"])
    captured = capsys.readouterr()
    assert "tidak dibaca" in captured.err + captured.out


def test_the_warning_does_not_fail_validate(nest, capsys):
    """validate of a folder whose own files are valid exits 0 with the warning counted."""
    assert main(["validate", str(nest)]) == 0
    assert "1 warning" in capsys.readouterr().out
