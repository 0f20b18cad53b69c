"""``smartsync classify FILE...``: each region's type, stages, characteristics and diagnostics.

``--format text`` (default), ``markdown`` or ``json`` (one JSON object per
file, on one line: JSON Lines for several files); every format says what to
change to reach each higher type and how stable the type is; ``--explain``
adds how the type was concluded (in plain words) and why not each other type;
``--trace`` the fact tree and the rule firings;
``--lang en|id``. Exit 0 when every file was classified, 1 when any could not
be (its problems go to stderr; the others are still classified), 2 on a
usage error.
"""

from __future__ import annotations

import argparse
import sys

from .._gc import paused_gc
from ..errors import RulePackError, SmartsyncError
from ..explain import explain
from ..render import render
from . import EXIT_USAGE, Help, SUMMARIES
from ._common import (
    add_engine_arguments, add_region_arguments, engine_from, exit_code, regions_from,
    with_suggestions,
)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``classify`` subcommand."""
    parser = subparsers.add_parser(
        "classify", help=SUMMARIES["classify"],
        description=Help("classify.description"))
    add_region_arguments(parser)
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help=Help("classify.format"))
    parser.add_argument("--explain", action="store_true",
                        help=Help("classify.explain"))
    parser.add_argument("--trace", action="store_true",
                        help=Help("classify.trace"))
    add_engine_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Classify every file; print each result; return the exit code."""
    engine = engine_from(args, "classify")
    if engine is None:
        return EXIT_USAGE
    classifier, params = engine
    failed = rule_failed = 0
    first = True
    for name, region in regions_from(args.files, args.lang):
        if region is None:
            failed += 1
            continue
        # one region at a time with the cyclic collector paused: its result, advice and
        # report are garbage once printed, freed before the collector would walk them
        with paused_gc():
            try:
                result = classifier.classify(with_suggestions(region, args), params=params)
            except SmartsyncError as exc:
                print(f"{name}: {exc}", file=sys.stderr)
                failed += 1
                rule_failed += isinstance(exc, RulePackError)
                continue
            out = render(explain(result), args.format, lang=args.lang, explain=args.explain,
                         trace=args.trace)
            if args.format != "json" and not first:
                sys.stdout.write("\n" + ("---\n\n" if args.format == "markdown" else ""))
            sys.stdout.write(out if out.endswith("\n") else out + "\n")
            sys.stdout.flush()
            first = False
    return exit_code(failed, rule_failed)
