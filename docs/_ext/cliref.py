"""``.. clireference::``: the reference of the ``smartsync`` command, made from its
argparse parser (:func:`smartsync.cli.build_parser`), so that the page cannot drift from
the options the command takes: for each subcommand its description, its usage line and
every argument with its help, choices and default."""

from __future__ import annotations

import argparse

try:
    from docutils.statemachine import StringList
    from sphinx.util.docutils import SphinxDirective
except ImportError:  # the page's lines are made without Sphinx: the test suite imports them
    StringList = None  # type: ignore[assignment,misc]
    SphinxDirective = object  # type: ignore[assignment,misc]


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:  # argparse keeps its subcommands in this action
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _escaped(text: str) -> str:
    """Plain text as reStructuredText shows it (no emphasis, link or substitution)."""
    for char in "\\*`_|":
        text = text.replace(char, "\\" + char)
    return text


def _help(action: argparse.Action) -> str:
    text = _escaped(" ".join((action.help or "").split()).replace("%%", "%"))
    if text and not text.endswith("."):
        text += "."
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        text += " Choices: " + ", ".join(f"``{c}``" for c in action.choices) + "."
    default = action.default
    if (action.option_strings and default not in (None, False, True, argparse.SUPPRESS)
            and "default" not in text):
        text += f" Default: ``{default}``."
    return text or "(no description)"


def _names(action: argparse.Action) -> str:
    if not action.option_strings:
        return f"``{action.metavar or action.dest}``"
    takes = action.nargs != 0
    metavar = action.metavar or action.dest.upper()
    return ", ".join(f"``{o} {metavar}``" if takes else f"``{o}``"
                     for o in action.option_strings)


def reference_lines() -> list[str]:
    """The reStructuredText of the reference (a function, for a test to read too)."""
    from smartsync.cli import SUBCOMMANDS, build_parser

    parser = build_parser()
    commands = _subparsers(parser)
    lines: list[str] = []
    for name in SUBCOMMANDS:
        sub = commands.get(name)
        if sub is None:
            continue
        title = f"smartsync {name}"
        lines += [title, "~" * len(title), ""]
        if sub.description:
            lines += [_escaped(" ".join(sub.description.split())), ""]
        usage = " ".join(sub.format_usage().replace("usage:", "").split())
        lines += [".. code-block:: text", "", f"   {usage}", ""]
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction) or action.help == argparse.SUPPRESS:
                continue
            lines += [_names(action), f"   {_help(action)}", ""]
    return lines


class CliReferenceDirective(SphinxDirective):
    required_arguments = 0
    has_content = False

    def run(self):  # type: ignore[no-untyped-def]
        from docutils import nodes

        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(reference_lines(), source="clireference"),
                                self.content_offset, container, match_titles=True)
        return container.children


def setup(app):  # type: ignore[no-untyped-def]
    app.add_directive("clireference", CliReferenceDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
