"""``--rules`` values that printed a traceback (``../../etc/passwd:x``, ``..foo:bar``: a
TypeError from importlib; a module raising RuntimeError or SyntaxError on import) or
left with no word (a module calling ``sys.exit(7)``: exit 7): each is now one clear line
and a documented exit code (2 for a name that names nothing, 4 for a module that fails)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_packs import forget, write_pack
from smartsync import RulePackError
from smartsync.cli import EXIT_CODES, EXIT_RULES, EXIT_USAGE, main
from smartsync.variants import load_variant

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = str(ROOT / "examples" / "type-a-vision.yaml")


def classify(capsys, rules: str) -> tuple[int, str]:
    code = main(["classify", EXAMPLE, "--rules", rules])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """A current folder to write rule modules into; they are forgotten afterwards."""
    monkeypatch.chdir(tmp_path)
    before = set(sys.modules)
    yield tmp_path
    for name in set(sys.modules) - before:
        if name.startswith("hostile_"):
            forget(name)


def test_a_path_is_explained_as_not_a_module_name(capsys):
    """--rules ../../etc/passwd:x: a path, not a module name, with how to name a module."""
    code, err = classify(capsys, "../../etc/passwd:x")
    assert code == EXIT_USAGE
    assert "'../../etc/passwd' (in '../../etc/passwd:x') is a path, not a module name" in err
    assert "PYTHONPATH=../../etc ... --rules passwd:x" in err


def test_a_relative_module_name_gets_a_did_you_mean(capsys):
    """--rules ..foo:bar: a relative name has no package; did you mean foo:bar?"""
    code, err = classify(capsys, "..foo:bar")
    assert code == EXIT_USAGE
    assert "is not a module name" in err and "did you mean 'foo:bar'?" in err


@pytest.mark.parametrize("spec", [":VARIANT", "a..b", "foo bar", "mystudy-1"])
def test_other_malformed_names_are_usage_errors(spec, capsys):
    """An empty module, doubled dots, a space, a dash: exit 2, one line, never importlib's
    TypeError."""
    code, err = classify(capsys, spec)
    assert code == EXIT_USAGE and err.count("\n") == 1


def test_a_module_raising_on_import_names_the_module_and_line(folder, capsys):
    """A module raising RuntimeError when imported: exit 4 naming the module, its file and
    line, and the error's message."""
    name = write_pack(folder, "raises_on_import")
    code, err = classify(capsys, name)
    assert code == EXIT_RULES
    assert f"module {name!r} raised RuntimeError when imported" in err
    assert f"{name}.py, line 1" in err and "cannot start: no database" in err


def test_a_module_with_a_syntax_error_names_the_file_and_line(folder, capsys):
    """A SyntaxError in the module: exit 4 with its file and line."""
    name = write_pack(folder, "syntax_error")
    code, err = classify(capsys, f"{name}:Pack")
    assert code == EXIT_RULES
    assert "a syntax error at" in err and f"{name}.py:1" in err


def test_a_module_calling_sys_exit_is_reported_not_obeyed(folder, capsys):
    """sys.exit(7) on import ended the command with exit 7 and no word: now exit 4 and a
    line saying the module called sys.exit(7)."""
    name = write_pack(folder, "exits_on_import")
    code, err = classify(capsys, name)
    assert code == EXIT_RULES and f"module {name!r} called sys.exit(7) when imported" in err


def test_load_variant_raises_rule_pack_errors_with_a_kind(folder):
    """The API says the same as a RulePackError: kind not-found or import, and the module."""
    with pytest.raises(RulePackError) as info:
        load_variant("..foo:bar")
    assert info.value.kind == "not-found" and info.value.suggestion == "foo:bar"
    name = write_pack(folder, "exits_on_import")
    with pytest.raises(RulePackError) as info:
        load_variant(name)
    assert info.value.kind == "import" and info.value.module == name


def test_the_exit_codes_table_documents_rule_pack_failures():
    """Exit 4 is in the table of exit codes (the documentation is made from it)."""
    assert EXIT_RULES == 4 and "sys.exit" in EXIT_CODES[4] and "--rules" in EXIT_CODES[4]


def test_the_smartsync_command_finds_a_module_in_the_current_folder(tmp_path):
    """--rules NAME, run as the smartsync command (whose module search path does not hold
    the current folder), finds NAME.py in the current folder."""
    script = Path(sys.executable).parent / "smartsync"
    if not script.exists():
        pytest.skip("the smartsync console script is not installed next to this Python")
    (tmp_path / "mystudy_here.py").write_text(
        "from smartsync.variants import Variant, default_packs\n"
        "VARIANT = Variant('mystudy-here', default_packs(), description='mine')\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    done = subprocess.run([str(script), "rules", "--rules", "mystudy_here"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("variant: mystudy-here")
