"""A command loads only what it uses: ``import smartsync`` imports no submodule until a name
is used, and ``smartsync classify`` does not load the HTML report, tables, batches,
suggested matches, variants or importlib.metadata. Region loading pauses the cyclic
garbage collector and restores it."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import smartsync
from smartsync._gc import paused_gc
from smartsync.cli import SUBCOMMANDS

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys, json\n"
         "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"],
        cwd=ROOT, capture_output=True, text=True, check=True)
    return set(json.loads(out.stderr.strip().splitlines()[-1]))


def test_import_smartsync_loads_no_submodule():
    loaded = _modules_after("import smartsync")
    assert {m for m in loaded if m.startswith("smartsync.")} == set()
    assert "experta" not in loaded and "yaml" not in loaded


def test_classify_command_loads_only_what_it_uses():
    loaded = _modules_after(
        "from smartsync.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['classify', 'examples/type-a-vision.yaml']) == 0")
    assert "smartsync.engine" in loaded and "smartsync.render.text" in loaded
    # classify says what to change and how stable the type is (smartsync.advice); the
    # matcher is loaded only when a type above the region's needs candidates
    unused = {"smartsync.render.html", "smartsync.tabular", "smartsync.batch",
              "smartsync.matching", "smartsync.variants",
              "importlib.metadata", "smartsync.cli.batch_cmd", "smartsync.cli.report_cmd"}
    assert loaded & unused == set()


def test_a_command_that_prints_no_help_does_not_read_the_terminal_width():
    """argparse reads the terminal's width (importing shutil, bz2, lzma) for each formatter
    it makes, one per option added; smartsync's parser reads it only to lay out a help."""
    loaded = _modules_after(
        "from smartsync.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['classify', 'examples/type-a-vision.yaml']) == 0")
    assert {"shutil", "bz2", "lzma"} & loaded == set()


def test_a_help_is_laid_out_to_the_terminal_width():
    """The width is read when a help is laid out (COLUMNS, as argparse reads it)."""
    def usage(columns: str) -> str:
        env = {**__import__("os").environ, "COLUMNS": columns}
        return subprocess.run([sys.executable, "-m", "smartsync", "classify", "--help"], cwd=ROOT,
                              env=env, capture_output=True, text=True, check=True).stdout

    narrow, wide = usage("50"), usage("200")
    assert len(narrow.splitlines()) > len(wide.splitlines())
    assert max(map(len, narrow.splitlines())) < max(map(len, wide.splitlines()))


def test_classify_of_a_yaml_file_reads_it_with_pyyaml_and_imports_no_json_reader(tmp_path):
    """A YAML region file is read by PyYAML (smartsync.io._yaml); the JSON reader (and
    ``json``, which this test's own helper imports) is not loaded for it."""
    from smartsync.io import dump_region
    from smartsync.sample import typical_region

    path = dump_region(typical_region(3), tmp_path / "plain.yaml")
    loaded = _modules_after(
        "from smartsync.cli import main\n"
        "import contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['classify', {str(path)!r}]) == 0")
    assert {"yaml", "smartsync.io._yaml"} <= loaded
    assert "smartsync.io._jsonwalk" not in loaded


def test_every_export_is_the_object_its_module_defines():
    exported = {name for names in smartsync._EXPORTS.values() for name in names}
    assert set(smartsync.__all__) - {"__version__"} == exported, \
        "a name of smartsync.__all__ must be listed in smartsync._EXPORTS (and vice versa)"
    for name in smartsync.__all__:
        assert getattr(smartsync, name) is not None
    assert smartsync.Classifier is __import__("smartsync.engine").engine.Classifier
    assert smartsync.render_html is __import__("smartsync.render.html").render.html.render_html
    assert set(dir(smartsync)) >= set(smartsync.__all__)


def test_submodules_are_reachable_as_attributes():
    assert smartsync.render.__name__ == "smartsync.render"


def test_paused_gc_nests_and_restores_the_collector():
    assert gc.isenabled()
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()  # a collector the program disabled stays disabled
    finally:
        gc.enable()
    smartsync.load_region(ROOT / "examples" / "type-a-vision.yaml")
    assert gc.isenabled()


def test_version_help_and_usage_errors_import_no_command():
    """``smartsync --version``, ``--help``, no command or an unknown one: answered from the
    command table, without importing any command's module (nor the engine, attrs or YAML)."""
    for argv in (["--version"], ["--help"], [], ["clasify"]):
        loaded = _modules_after(
            "from smartsync.cli import main\n"
            "import contextlib, io\n"
            "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
            "    try:\n"
            f"        main({argv!r})\n"
            "    except SystemExit:\n"
            "        pass")
        heavy = {m for m in loaded if m.startswith("smartsync.cli.") or m in (
            "smartsync.engine", "smartsync.errors", "attrs", "yaml", "experta")}
        assert heavy == set(), (argv, heavy)


def test_help_lists_each_command_as_its_module_registers_it():
    """The one-line summaries ``--help`` shows without importing the commands are the
    helps the commands' own parsers carry."""
    import argparse

    from smartsync.cli import SUMMARIES, SUBCOMMANDS, build_parser

    full, quick = build_parser(), build_parser(summaries=True)
    assert full.format_help() == quick.format_help()
    commands = next(a for a in full._actions if isinstance(a, argparse._SubParsersAction))
    assert list(commands.choices) == list(SUBCOMMANDS) == list(SUMMARIES)


def test_classify_loads_of_the_matcher_only_what_the_advice_asks():
    """A region below type A gets candidates from the matcher for what to change: the
    suggestions and the stemmer are loaded, not the evaluation of the matcher (csv),
    difflib (for did-you-mean) nor the safe writer (tempfile: classify writes no file).
    The collector, paused while each region is classified and reported, runs again after."""
    loaded = _modules_after(
        "from smartsync.cli import main\n"
        "import contextlib, gc, io\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['classify', 'examples/type-d-program.yaml',\n"
        "                 'examples/type-b-mission.yaml']) == 0\n"
        "assert gc.isenabled()")
    assert {"smartsync.matching.suggest", "smartsync.advice"} <= loaded
    assert loaded & {"smartsync.matching.evaluation", "csv", "difflib", "smartsync._files",
                     "tempfile"} == set()


def test_the_classify_command_imports_no_other_command_and_compiles_no_unused_yaml_pattern():
    """``smartsync classify FILE`` run as the command: no other command's module, no
    HTML report, documents, review server, study, tables, batch or variants (nor their
    libraries), and PyYAML's class of printable characters (its pure-Python reader's
    pattern, 57 M instructions to compile) not compiled."""
    loaded = _modules_after(
        "import contextlib, io, sys\n"
        "from smartsync import cli\n"
        "sys.argv = ['smartsync', 'classify', 'examples/type-b-mission.yaml']\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert cli.command() == 0\n"
        "import yaml\n"
        "from smartsync.io._pyyaml import LazyPattern\n"
        "pattern = yaml.reader.Reader.NON_PRINTABLE\n"
        "assert isinstance(pattern, LazyPattern), pattern\n"
        "assert not [k for k in vars(pattern) if not k.startswith('_LazyPattern')], pattern\n")
    assert {"smartsync.engine", "smartsync.advice", "smartsync.cli.classify_cmd"} <= loaded
    other_commands = {f"smartsync.cli.{name}_cmd" for name in SUBCOMMANDS} - {
        "smartsync.cli.classify_cmd"}
    unused = other_commands | {
        "smartsync.render.html", "smartsync.documents", "smartsync.review", "smartsync.study",
        "smartsync.tabular", "smartsync.batch", "smartsync.variants", "openpyxl", "starlette",
        "uvicorn", "pypdfium2", "pdfplumber", "docx", "concurrent.futures", "tempfile"}
    assert loaded & unused == set()
