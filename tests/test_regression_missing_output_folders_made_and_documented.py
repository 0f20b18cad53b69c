"""Every command that writes a new output makes the missing folders of the path the user
named, and says so where a user reads about the option (newuser finding F79: docs/batch.rst
called a missing output folder a usage error, exit 2, while batch made it and wrote)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartsync.cli import EXIT_CODES, EXIT_OUTPUT, build_parser, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "type-a-vision.yaml")


def _option_help(command: str, option: str) -> str:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    action = next(a for a in sub.choices[command]._actions if option in a.option_strings)
    return " ".join(action.help.split())


@pytest.mark.parametrize("command, option", [("batch", "--out"), ("study", "--out"),
                                             ("report", "--out"), ("draft", "--out"),
                                             ("draft", "--review")])
def test_each_output_option_says_missing_folders_are_made(command, option):
    """The help of each output option (and so the generated CLI reference page) says the
    missing folders of its path are made."""
    assert "missing folders of" in _option_help(command, option)


@pytest.mark.parametrize("command, name", [("batch", "x.csv"), ("study", "x.csv"),
                                           ("report", "pages")])
def test_batch_study_and_report_make_the_folders_the_path_names(command, name, tmp_path,
                                                                capsys):
    """batch, study and report to new/sub/NAME: exit 0, the output is there and nothing
    was made beside the path."""
    out = tmp_path / "new" / "sub" / name
    code = main([command, EXAMPLE, "--out", str(out), "--no-progress"]
                if command != "report" else [command, EXAMPLE, "--out", str(out)])
    capsys.readouterr()
    assert code == 0 and out.exists()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_dir() and p != out) == \
        ["new", "sub"]


def test_batch_docs_do_not_call_a_missing_folder_a_usage_error():
    """docs/batch.rst's exit codes match the behaviour: a missing folder is made; exit 3
    is an output that cannot be written; the exit-code table says folders are made."""
    page = " ".join((ROOT / "docs" / "batch.rst").read_text(encoding="utf-8").split())
    assert "a missing output folder)" not in page
    assert re.search(r"Folders of ``--out`` that do not exist yet are made", page)
    assert "folder is missing" not in EXIT_CODES[EXIT_OUTPUT]
