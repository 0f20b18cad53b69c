"""``smartsync review FILE [--port N] [--no-browser]``: review matches in the browser.

Starts a local web server on 127.0.0.1 serving the review page of one
region file (:mod:`smartsync.review`), prints the page's address with the
run's secret token as its first line, opens the browser unless
``--no-browser``, and serves until Ctrl-C. Needs the ``review`` extra.
Exit code 0 once stopped; 1 when the file cannot be read, the port cannot
be bound or the extra is missing; 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys

from . import EXIT_OK, EXIT_USAGE, Help, SUMMARIES
from ._common import add_parameter_arguments, add_rules_argument, engine_from


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``review`` subcommand."""
    parser = subparsers.add_parser(
        "review",
        help=SUMMARIES["review"],
        description=Help("review.description"),
    )
    parser.add_argument("file", metavar="FILE", help=Help("review.file"))
    parser.add_argument("--port", type=_port, default=0, metavar="N",
                        help=Help("review.port"))
    parser.add_argument("--no-browser", dest="browser", action="store_false",
                        help=Help("review.no_browser"))
    add_parameter_arguments(parser)
    add_rules_argument(parser)
    parser.set_defaults(func=run)


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if not 0 <= number <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; return the exit code."""
    from ..review import serve

    engine = engine_from(args, "review")
    if engine is None:
        return EXIT_USAGE
    classifier, params = engine
    serve(args.file, port=args.port, open_browser=args.browser, lang=args.lang,
          classifier=classifier, params=params)
    return EXIT_OK
