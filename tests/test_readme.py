"""README.md: its set-up commands and its library example work as written."""

from __future__ import annotations

import contextlib
import glob
import io
import re
import shlex
from pathlib import Path

import pytest

from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def shell_lines() -> list[str]:
    """The lines of the README's ``sh`` code blocks."""
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def test_readme_gives_the_two_one_line_setup_commands() -> None:
    """The README has one line that installs and classifies the examples, one that installs and tests."""
    lines = shell_lines()
    run = [line for line in lines if "smartsync classify examples/*.yaml" in line]
    test = [line for line in lines if "python -m pytest" in line]
    assert len(run) == 1 and len(test) == 1, lines
    for line in run + test:
        assert line.startswith("python3 -m venv .venv && . .venv/bin/activate && pip install ")
    assert "pip install '.[test]'" in test[0]


def test_readme_main_job_classifies_every_bundled_example(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """``smartsync classify examples/*.yaml``, as the README runs it, exits 0 with a type for each region."""
    monkeypatch.chdir(ROOT)
    line = next(line for line in shell_lines() if "smartsync classify" in line)
    command, *patterns = shlex.split(line.split("&& smartsync ")[-1])
    files = [path for pattern in patterns for path in sorted(glob.glob(pattern))]
    assert command == "classify" and len(files) >= 5
    assert main([command, *files]) == 0
    out = capsys.readouterr().out
    assert sum(line.startswith(("Type ", "Type: ")) for line in out.splitlines()) == len(files)


def test_readme_library_example_runs_and_prints_the_type(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's Python example runs from the repository root and prints type, why-not and trace."""
    monkeypatch.chdir(ROOT)
    (example,) = re.findall(r"```python\n(.*?)```", README, re.S)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "README.md", "exec"), {})
    lines = out.getvalue().splitlines()
    assert lines[0] == "B mission"
    assert "vision stage is not synchronized" in lines[1]
    assert lines[2] == "vision elements with no match: SV"  # the element behind it
    assert re.fullmatch(r"1 \w+ \(.*\)", lines[3])
