"""The command line reference page (docs/cli.rst) is made from the parser: it cannot
drift from the options the command takes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from smartsync.cli import EXIT_CODES, SUBCOMMANDS, build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import cliref  # noqa: E402


def test_every_option_of_every_command_is_on_the_page():
    """Each subcommand has a section, and each of its options (and positionals) a line."""
    text = "\n".join(cliref.reference_lines())
    commands = cliref._subparsers(build_parser())
    assert set(commands) == set(SUBCOMMANDS)
    for name, sub in commands.items():
        assert f"smartsync {name}\n" in text
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            for option in action.option_strings or [action.metavar or action.dest]:
                assert f"``{option}" in text, (name, option)


def test_the_page_names_the_exit_codes_and_the_new_options():
    """The page shows the exit code table and options such as --max-firings and
    --allow-unfired, with their help."""
    page = (DOCS / "cli.rst").read_text(encoding="utf-8")
    assert ".. exitcodes::" in page and ".. clireference::" in page
    text = "\n".join(cliref.reference_lines())
    assert "``--max-firings N``" in text and "``--allow-unfired``" in text
    assert 4 in EXIT_CODES


def test_help_text_is_escaped_for_restructuredtext():
    """A help text with * or _ is shown as written, not as emphasis or a link."""
    assert cliref._escaped("a*b_c `d` |e|") == "a\\*b\\_c \\`d\\` \\|e\\|"


def test_index_names_only_pages_that_exist():
    """docs/index.rst's table of contents names no page that does not exist."""
    lines = (DOCS / "index.rst").read_text(encoding="utf-8").splitlines()
    start = lines.index(".. toctree::")
    names = [line.strip() for line in lines[start + 1:]
             if line.startswith("   ") and not line.strip().startswith(":")]
    assert names and all((DOCS / f"{name}.rst").exists() for name in names), names
