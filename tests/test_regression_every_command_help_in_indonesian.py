"""``smartsync COMMAND --help --lang id`` left each command's own options, its description and
the list of commands in English (only the shared options were worded): every help a command
shows now comes from the catalogs, in the language asked for."""

from __future__ import annotations

import argparse

import pytest

from smartsync.cli import SUBCOMMANDS, Help, build_parser, main
from smartsync.messages.en import CATALOG as EN


def _help(capsys, *args: str) -> str:
    """What ``smartsync ARGS --help`` (or ``smartsync --help ARGS``) prints."""
    with pytest.raises(SystemExit) as caught:
        main([*args, "--help"] if "--help" not in args else list(args))
    assert caught.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def _commands() -> dict[str, argparse.ArgumentParser]:
    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def test_every_option_and_description_is_worded_by_the_catalogs() -> None:
    """Each command's description and each option's help (but the hidden ones) is a catalog
    message (or one of the shared options' catalog keys): none is English written in code."""
    for name, parser in _commands().items():
        assert isinstance(parser.description, Help), name
        for action in parser._actions:
            if action.help in (None, argparse.SUPPRESS):
                continue
            worded = isinstance(action.help, Help) or getattr(action, "help_key", None) or \
                isinstance(action, argparse._HelpAction)
            assert worded, (name, action.option_strings or action.dest)


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_command_help_under_lang_id_has_no_english_help_left(capsys, command: str) -> None:
    """``COMMAND --help --lang id`` says none of the command's English option helps nor its
    English description, and starts with "penggunaan:"; without --lang it is English."""
    said = _help(capsys, command, "--lang", "id")
    assert said.startswith(f"penggunaan: smartsync {command}")
    english = [" ".join(v.split()) for k, v in EN.items()
               if k.startswith(f"help.{command}.") or k == f"help.summary.{command}"]
    assert english
    for words in english:
        shown = words.replace("%%", "%").replace("{{", "{").replace("}}", "}")
        if "%(" in shown or "{" in shown:
            shown = shown.split("%(")[0].split("{")[0]
        assert shown not in said, (command, words)
    assert _help(capsys, command).startswith(f"usage: smartsync {command}")


def test_top_level_help_lists_the_commands_in_indonesian(capsys) -> None:
    """``smartsync --help --lang id`` describes the program and each command in Indonesian;
    ``smartsync --help`` keeps the English."""
    said = _help(capsys, "--help", "--lang", "id")
    assert "Bagaimana Masterplan Smart City suatu daerah tersinkronisasi" in said
    assert "classify klasifikasikan daerah: tipe, tahap, karakteristik, temuan" in said
    assert "check region files" not in said
    english = _help(capsys)
    assert "classify classify regions: type, stages, characteristics, diagnostics" in english


def test_a_default_is_filled_in_both_languages(capsys) -> None:
    """Helps that show a default fill it in: match's threshold and top, validate's size limit."""
    said = _help(capsys, "match", "--lang", "id")
    assert "(bawaan 3; 0 berarti tanpa batas)" in said
    assert "default 3; 0 for no limit" in _help(capsys, "match")
    assert "(bawaan 20 MiB)" in _help(capsys, "validate", "--lang", "id")
