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
import importlib
import io
import sys
from typing import IO, Any, Iterator, Sequence

from ..errors import OutputError, SmartsyncError

#: subcommand modules, in the order ``smartsync --help`` lists them
SUBCOMMANDS = ("validate", "classify", "explain", "match", "batch", "report", "review", "rules",
               "draft")

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
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
    EXIT_OUTPUT: "an output cannot be written (its folder is missing or not writable, it is a "
                 "link, a folder or read-only, its name is too long); nothing was written over "
                 "it",
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


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The argument parser with every available subcommand (or only the subcommand
    ``only``: a command imports only the modules it uses)."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="smartsync",
        description="How a region's Masterplan Smart City is synchronized with its RPJMD, and why.",
    )
    parser.add_argument("--version", action="version", version=f"smartsync {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (only,) if only in SUBCOMMANDS else SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}_cmd")
        except ModuleNotFoundError as exc:  # a subcommand not built yet
            if exc.name == f"{__name__}.{name}_cmd":
                continue
            raise
        module.register(sub)
    return parser


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
    from .._files import Terminated

    with safe_output():
        try:
            words = sys.argv[1:] if argv is None else list(argv)
            parser = build_parser(only=words[0] if words else None)
            args = parser.parse_args(words)
            if not getattr(args, "func", None):
                parser.print_help(sys.stderr)
                return EXIT_USAGE
            return int(args.func(args))
        except OutputError as exc:
            print(f"smartsync: cannot write {exc}", file=sys.stderr)
            return EXIT_OUTPUT
        except SmartsyncError as exc:
            print(f"smartsync: {exc}", file=sys.stderr)
            return EXIT_INVALID
        except KeyboardInterrupt:
            print("smartsync: interrupted", file=sys.stderr)
            return EXIT_INTERRUPTED
        except Terminated as exc:
            print("smartsync: terminated", file=sys.stderr)
            return exc.exit_code
        except BrokenPipeError:
            return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
