"""The ``smartsync`` command line.

Each subcommand lives in its own module of this package and provides
``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning the exit code.

Exit codes mean the same for every subcommand (:data:`EXIT_CODES`, the table
in the documentation is made from it). A bad input file never produces a
traceback. Everything the commands print goes through :func:`safe_output`:
control characters, lone surrogates and bidirectional formatting characters
from a file are shown as escapes, never acted on by the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import io
import sys
from typing import IO, Any, Iterator, NoReturn, Sequence

#: subcommand modules, in the order ``smartsync --help`` lists them
SUBCOMMANDS = ("validate", "classify", "explain", "match", "batch", "report", "review", "rules",
               "draft", "study")

class Help(str):
    """An option's help (or a command's description) as the catalogs word it: its English
    is the string itself; under ``--help --lang id`` the parser words it again from the same
    catalog key (``help.<key>``) and values, so each help text exists once per language.
    What argparse adds to it stays a :class:`Help` (Python 3.10's ``BooleanOptionalAction``
    appends `` (default: %(default)s)``, worded by the catalogs' ``help.default``)."""

    key: str
    values: dict[str, Any]
    added: tuple[str, ...]

    def __new__(cls, key: str, added: tuple[str, ...] = (), **values: Any) -> "Help":
        from ..messages import text

        self = super().__new__(cls, text(f"help.{key}", "en", **values) + "".join(added))
        self.key = key
        self.values = values
        self.added = added
        return self

    def __add__(self, other: str) -> "Help":  # type: ignore[override]
        return Help(self.key, self.added + (str(other),), **self.values)

    def worded(self, lang: str) -> str:
        """The help in ``lang``."""
        from ..messages import text

        english_default = text("help.default", "en")
        added = "".join(text("help.default", lang) if part == english_default else part
                        for part in self.added)
        return text(f"help.{self.key}", lang, **self.values) + added


#: what each subcommand does, in one line (the catalogs' ``help.summary.<command>``): its
#: help in ``smartsync --help`` (its module's ``register`` gives the same), so that ``--help``,
#: ``--version`` and a usage error before any command import no subcommand module
SUMMARIES: dict[str, Help] = {name: Help(f"summary.{name}") for name in SUBCOMMANDS}

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_RULES = 4
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143

#: every exit code of every subcommand, and what it means (docs/limits.rst shows this table)
EXIT_CODES = {
    EXIT_OK: "done: every input was read and every output written (warnings allowed)",
    EXIT_INVALID: "some input is invalid or could not be read (a missing file, a region with "
                  "errors, a region that failed to classify); the other inputs were still done "
                  "and reported",
    EXIT_USAGE: "usage error: the command line asks for something impossible (an unknown "
                "option, a value out of range, an empty path, --out equal to an input); "
                "nothing was done",
    EXIT_OUTPUT: "an output cannot be written (a part of its path is a file, its folder is not "
                 "writable, it is a link, a folder or read-only, its name is too long), or "
                 "draft's --out holds matches or rejected suggestions or is no region file "
                 "(--replace writes over it); nothing was written over it (missing folders of "
                 "an output's path are made)",
    EXIT_RULES: "a rule pack (--rules) failed: its module raised an error or called sys.exit "
                "when imported, or a rule (or a condition) raised an error, recursed without "
                "end, fired past the firing limit (--max-firings) or concluded no type or "
                "several; the message names the module, the rule and the fact; the other "
                "inputs were still done and reported",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C); no output half-written",
    EXIT_TERMINATED: "terminated (SIGTERM); no output half-written",
}


def path_argument(text: str) -> str:
    """An argparse type for a path: an empty one is a usage error (not the current folder)."""
    if not text:
        raise argparse.ArgumentTypeError("an empty path; give a file or folder name")
    if "\x00" in text:
        raise argparse.ArgumentTypeError("a path cannot hold a NUL character")
    return text


def build_parser(only: str | None = None, *, summaries: bool = False) -> argparse.ArgumentParser:
    """The argument parser with every available subcommand (or only the subcommand
    ``only``: a command imports only the modules it uses). ``summaries``: each subcommand
    with its name and one-line help only, and no module of it imported (enough for
    ``--help``, ``--version`` and a usage error that names no command)."""
    from .. import __version__

    parser = _Parser(
        prog="smartsync",
        description=Help("summary.smartsync"),
    )
    parser.add_argument("--version", action="version", version=f"smartsync {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    if summaries:
        from importlib.util import find_spec

        for name in SUBCOMMANDS:
            if find_spec(f"{__name__}.{name}_cmd") is not None:
                sub.add_parser(name, help=SUMMARIES[name])
        return parser
    for name in (only,) if only in SUBCOMMANDS else SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}_cmd")
        except ModuleNotFoundError as exc:  # a subcommand not built yet
            if exc.name == f"{__name__}.{name}_cmd":
                continue
            raise
        module.register(sub)
    return parser


#: argparse's own words for a usage error (Python's, as its ``gettext`` templates write
#: them) and the catalog key that words each in every language (``argparse.<key>``)
_ARGPARSE_WORDS = {
    "the following arguments are required: %s": "required",
    "unrecognized arguments: %s": "unrecognized",
    "argument %(argument_name)s: %(message)s": "argument",
    "invalid choice: %(value)r (choose from %(choices)s)": "invalid_choice",
    "expected one argument": "expected_one",
    "expected at least one argument": "expected_at_least_one",
    "expected at most one argument": "expected_at_most_one",
    "expected %s argument": "expected_n",
    "expected %s arguments": "expected_n",
    "invalid %(type)s value: %(value)r": "invalid_value",
    "ambiguous option: %(option)s could match %(matches)s": "ambiguous",
    "not allowed with argument %s": "not_allowed_with",
    "one of the arguments %s is required": "one_required",
    "ignored explicit argument %r": "ignored_explicit",
    # smartsync's own checks of an option's value (argparse.ArgumentTypeError)
    "must be above 0 and at most 1: a decimal (0.5 or 0,5), a fraction (2/3) or a percentage "
    "(50%), got %r (did you mean %s, that is %s%?)": "threshold_hint",
    "must be above 0 and at most 1: a decimal (0.5 or 0,5), a fraction (2/3) or a percentage "
    "(50%), got %r": "threshold",
    "an empty path; give a file or folder name": "empty_path",
    "a path cannot hold a NUL character": "nul_path",
    "expected a port from 0 to 65535, got %r": "port",
    "must be a whole number, 0 or more, got %r": "whole_zero",
    "expected a whole number, 0 or more, got %r": "whole_zero",
    "must be a whole number of at least 1, got %r": "whole_one",
    "must be a whole number of bytes, got %r": "whole_bytes",
    "must be from 1 to %s bytes, got %r": "bytes_range",
}


def _argparse_patterns() -> list[tuple[Any, str]]:
    import re

    out = []
    for template, key in _ARGPARSE_WORDS.items():
        pattern = re.escape(template)
        pattern = re.sub(r"%\\\(([a-z_]+)\\\)[sr]", r"(?P<\1>.+?)", pattern)
        names = iter(("arg", "arg2", "arg3"))  # a template's positional values, in order
        pattern = re.sub(r"%[sr]", lambda _: f"(?P<{next(names)}>.+?)", pattern)
        out.append((re.compile(pattern, re.DOTALL), key))
    return out


def usage_message(message: str, lang: str) -> str:
    """An argparse usage error (``message`` as argparse wrote it, in English) worded by the
    catalogs in ``lang`` (``argparse.<key>``); the inner message of ``argument X: ...``
    too. A message argparse's table does not hold (a value check of smartsync's own) is
    given as written."""
    from ..messages import text

    for pattern, key in _argparse_patterns():
        found = pattern.fullmatch(message)
        if found is not None:
            values = found.groupdict()
            if "message" in values:
                values["message"] = usage_message(values["message"], lang)
            return text(f"argparse.{key}", lang, **values)
    return message


class _Language:  # noqa: N801 - a namespace
    #: the language the command line being parsed asks for (its ``--lang``)
    usage = "en"


def _lang_of(words: Sequence[str]) -> str:
    """The ``--lang`` a command line gives (``en`` when none, or one not known)."""
    for index, word in enumerate(words):
        if word == "--":
            break
        value = (words[index + 1] if word == "--lang" and index + 1 < len(words) else
                 word.partition("=")[2] if word.startswith("--lang=") else None)
        if value in ("en", "id"):
            return value
    return "en"


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, the terminal's width read when a help or usage is laid
    out, not when the formatter is made: argparse makes one for each option a parser adds
    (to check its metavar), and reading the width imports :mod:`shutil` (with ``bz2`` and
    ``lzma``), about 6.5 M instructions of every command that prints no help."""

    def __init__(self, prog: str, indent_increment: int = 2, max_help_position: int = 24,
                 width: int | None = None):
        super().__init__(prog, indent_increment, max_help_position,
                         width=0 if width is None else width)
        if width is None:  # read on first use (__getattr__), as argparse would read it
            del self._width, self._max_help_position
            self._most_help_position = max_help_position

    def __getattr__(self, name: str) -> Any:
        if name not in ("_width", "_max_help_position") or "_most_help_position" not in vars(self):
            raise AttributeError(name)
        import shutil

        width = shutil.get_terminal_size().columns - 2
        self._width = width
        self._max_help_position = min(self._most_help_position,
                                      max(width - 20, self._indent_increment * 2))
        return getattr(self, name)


class _Parser(argparse.ArgumentParser):
    """argparse's parser, its usage errors in the language of the command line's
    ``--lang`` (``penggunaan: ...``, ``kesalahan: argumen berikut wajib diberikan: FILE``),
    the terminal's width read only for a help (:class:`_Formatter`)."""

    def __init__(self, *args: Any, formatter_class: type = _Formatter, **kwargs: Any):
        super().__init__(*args, formatter_class=formatter_class, **kwargs)

    def format_usage(self) -> str:
        if _Language.usage == "en":
            return super().format_usage()
        from ..messages import text

        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=text("argparse.usage", _Language.usage))
        return formatter.format_help()

    def format_help(self) -> str:
        """argparse's help; under ``--lang id`` its headings, its own options' help and the help
        of every option given a ``help_key`` (:func:`smartsync.cli._common.helped`) worded by
        the catalogs (options without one keep their English)."""
        lang = _Language.usage
        if lang == "en":
            return super().format_help()
        from ..messages import text

        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=text("argparse.usage", lang))
        formatter.add_text(_in(self.description, lang))
        titles = {"positional arguments": "argparse.positionals", "options": "argparse.options",
                  "optional arguments": "argparse.options"}
        for group in self._action_groups:
            key = titles.get(group.title or "")
            formatter.start_section(text(key, lang) if key else group.title)
            formatter.add_text(group.description)
            formatter.add_arguments([_worded(action, lang) for action in group._group_actions])
            formatter.end_section()
        formatter.add_text(self.epilog)
        return formatter.format_help()

    def error(self, message: str) -> "NoReturn":  # type: ignore[override]
        lang = _Language.usage
        if lang == "en":
            super().error(message)
        from ..messages import text

        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {text('severity.error', lang)}: "
                     f"{usage_message(message, lang)}\n")


def _worded(action: argparse.Action, lang: str) -> argparse.Action:
    """``action`` with its help in ``lang`` when the catalogs word it (a copy: the parser's own
    action keeps its English)."""
    import copy

    from ..messages import text

    if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
        worded = copy.copy(action)
        worded._choices_actions = [_worded(choice, lang)  # noqa: SLF001
                                   for choice in action._choices_actions]  # noqa: SLF001
        return worded
    if isinstance(action.help, Help):
        worded = copy.copy(action)
        worded.help = action.help.worded(lang)
        return worded
    key = getattr(action, "help_key", None)
    if key is None and isinstance(action, (argparse._HelpAction, argparse._VersionAction)):  # noqa: SLF001
        key = "help" if isinstance(action, argparse._HelpAction) else "version"  # noqa: SLF001
    if key is None or action.help is None:
        return action
    worded = copy.copy(action)
    worded.help = text(f"help.{key}", lang)
    return worded


def _in(words: str | None, lang: str) -> str | None:
    """A description in ``lang`` when the catalogs word it (a :class:`Help`), else as given."""
    return words.worded(lang) if isinstance(words, Help) else words


class _SafeStream(io.TextIOBase):
    """A text stream that shows what a terminal would act on as escapes
    (:func:`smartsync._text.for_terminal`) and never fails to encode."""

    def __init__(self, stream: IO[str]):
        self.unwrapped = stream

    def write(self, text: str) -> int:  # type: ignore[override]
        from .._text import for_terminal

        shown = for_terminal(text)
        try:
            self.unwrapped.write(shown)
        except UnicodeEncodeError:
            encoding = getattr(self.unwrapped, "encoding", None) or "utf-8"
            self.unwrapped.write(shown.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def flush(self) -> None:
        self.unwrapped.flush()

    def isatty(self) -> bool:
        return bool(getattr(self.unwrapped, "isatty", lambda: False)())

    def fileno(self) -> int:
        return self.unwrapped.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.unwrapped, "encoding", None) or "utf-8"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.unwrapped, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    """Within the block, ``sys.stdout`` and ``sys.stderr`` escape control characters, lone
    surrogates and bidirectional formatting characters (one helper for every printer)."""
    saved = sys.stdout, sys.stderr
    sys.stdout = _SafeStream(saved[0]) if saved[0] is not None else None  # type: ignore[assignment]
    sys.stderr = _SafeStream(saved[1]) if saved[1] is not None else None  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def raw_stream(stream: Any) -> Any:
    """The stream under :func:`safe_output`'s wrapper (for a progress bar's own ``\\r``)."""
    return getattr(stream, "unwrapped", stream)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns (and, as a script, exits with) the exit code."""
    with safe_output():
        try:
            words = sys.argv[1:] if argv is None else list(argv)
            _Language.usage = _lang_of(words)
            if words and words[0] in SUBCOMMANDS:
                if _Process.command:  # compiled code kept across runs (smartsync._codecache)
                    from .. import _codecache

                    _codecache.enable()
                parser = build_parser(only=words[0])
            else:  # --help, --version, no command, an unknown one: no command module needed
                parser = build_parser(summaries=not set(words) & set(SUBCOMMANDS))
            args, extra = parser.parse_known_args(words)
            if extra:  # said with the command's own usage, not the top level's
                _command_parser(parser, words[0]).error(
                    f"unrecognized arguments: {' '.join(extra)}")
            if not getattr(args, "func", None):
                parser.print_help(sys.stderr)
                return EXIT_USAGE
            if _Process.command:  # the modules loaded so far live as long as the process
                gc.freeze()
                if args.command not in BOUNDED_COMMANDS:
                    gc.enable()
            return int(args.func(args))
        except BaseException as exc:  # noqa: B036 - what is not ours is raised again
            code = _exit_code(exc)
            if code is None:
                raise
            return code


def _command_parser(parser: argparse.ArgumentParser, word: str) -> argparse.ArgumentParser:
    """The parser of the command ``word`` names (the top-level parser when it names none)."""
    for action in parser._actions:  # noqa: SLF001 - argparse keeps its subparsers there
        if isinstance(action, argparse._SubParsersAction) and word in action.choices:  # noqa: SLF001
            return action.choices[word]
    return parser


#: the commands whose work is bounded by their input (regions read, classified, rendered
#: and written): run as the ``smartsync`` command, they leave Python's cyclic garbage
#: collector paused to the end (their runs make almost no cycles: 121 objects in 30
#: classifications with their advice and report); the others (a batch's many regions, the
#: review server, reading documents) run with it
BOUNDED_COMMANDS = frozenset({"validate", "classify", "explain", "match", "report", "rules"})


class _Process:  # noqa: N801 - a namespace
    #: True when :func:`command` runs the process (not a program calling :func:`main`)
    command = False


def command() -> int:
    """The ``smartsync`` command itself (its console script and ``python -m smartsync``):
    :func:`main`, with Python's cyclic garbage collector kept off the objects that live as
    long as the process. It is paused while the command's modules load (each collection
    would walk every class and function loaded so far: about 12 ms of a 170 ms
    ``classify``), those objects are then frozen (``gc.freeze``: never walked again) and
    the collector runs as usual while the command works (but for the
    :data:`BOUNDED_COMMANDS`, which keep it paused); as the process ends, everything
    is frozen, so that Python's finalization does not walk it all to find cycles whose
    memory the operating system takes back anyway (about 16 ms more). The code ``attrs``
    and the fast matcher compile is kept across runs (:mod:`smartsync._codecache`). Objects are still
    freed by reference counting and ``atexit`` handlers still run; a command closes (and
    writes) its files before it returns. Not for a program that calls :func:`main` and
    goes on: that one keeps its collector as it set it."""
    _Process.command = True
    enabled = gc.isenabled()
    gc.disable()
    try:
        code = main()
    finally:
        if enabled:
            gc.enable()
    codecache = sys.modules.get("smartsync._codecache")
    if codecache is not None:  # what this run compiled anew, for the next run
        codecache.save()
    gc.freeze()
    return code


def _exit_code(exc: BaseException) -> int | None:
    """The exit code for an exception that ends a command (after printing its one line),
    ``None`` for one to raise again (``SystemExit`` and bugs). smartsync's errors are
    looked up among the loaded modules: one whose module was never imported cannot have
    been raised, and ``--version`` need not import them."""
    errors = sys.modules.get("smartsync.errors")
    files = sys.modules.get("smartsync._files")
    if errors is not None and isinstance(exc, errors.OutputError):
        print(f"smartsync: cannot write {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    if errors is not None and isinstance(exc, errors.RulePackError):
        print(f"smartsync: {exc}", file=sys.stderr)
        return EXIT_RULES
    if errors is not None and isinstance(exc, errors.SmartsyncError):
        print(f"smartsync: {exc}", file=sys.stderr)
        return EXIT_INVALID
    if isinstance(exc, KeyboardInterrupt):
        print("smartsync: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if files is not None and isinstance(exc, files.Terminated):
        print("smartsync: terminated", file=sys.stderr)
        return int(exc.exit_code)
    if isinstance(exc, BrokenPipeError):
        return EXIT_OK
    return None


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
