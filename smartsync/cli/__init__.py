"""The ``smartsync`` command line.

Each subcommand lives in its own module of this package and provides
``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning the exit code.

Exit codes, for every subcommand: 0 all clean, 1 invalid input (or some
regions failed), 2 usage error. A bad input file never produces a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from ..errors import SmartsyncError

#: subcommand modules, in the order ``smartsync --help`` lists them
SUBCOMMANDS = ("validate", "classify", "explain", "match", "batch", "report", "rules", "draft")

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    from .. import __version__

    parser = argparse.ArgumentParser(
        prog="smartsync",
        description="How a region's Masterplan Smart City is synchronized with its RPJMD, and why.",
    )
    parser.add_argument("--version", action="version", version=f"smartsync {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"{__name__}.{name}_cmd")
        except ModuleNotFoundError as exc:  # a subcommand not built yet
            if exc.name == f"{__name__}.{name}_cmd":
                continue
            raise
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns (and, as a script, exits with) the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except SmartsyncError as exc:
        print(f"smartsync: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        print("smartsync: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
