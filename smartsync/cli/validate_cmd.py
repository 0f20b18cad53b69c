"""``smartsync validate FILE...``: check region files and print every problem.

Each problem goes on its own line, ``file:line: severity: where: message
(did you mean 'x'?)``, then one summary line. Exit code 0 when every file
loads (warnings allowed, unless ``--strict``), 1 when any file has errors
(a missing or unreadable file is such an error), 2 on a usage error.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import Problem, Severity
from ..io import MAX_FILE_BYTES, REGION_FILE_SUFFIXES, check_region_file, region_files
from . import EXIT_INVALID, EXIT_OK, path_argument


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check region files and report every problem",
        description="Check region files (YAML or JSON) and print every problem, one per line: "
                    "file:line: severity: where: message. Exit 0 when all load (warnings "
                    "allowed), 1 when any has errors, 2 on a usage error.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=path_argument,
                        help="region files (.yaml, .yml, .json), or folders of them")
    parser.add_argument("--strict", action="store_true",
                        help="count warnings as errors: exit 1 when there are any")
    parser.add_argument("-q", "--quiet", action="store_true",
                        help="print errors and the summary, not warnings")
    parser.add_argument("--max-bytes", type=int, default=None, metavar="N",
                        help=f"refuse files larger than N bytes (default {MAX_FILE_BYTES:,})")
    parser.set_defaults(func=run)


def _paths(arguments: list[str]) -> list[tuple[str, list[Problem]] | Path]:
    """The files to check, folders expanded; an empty folder becomes its own problem."""
    out: list[tuple[str, list[Problem]] | Path] = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            found = region_files(path)
            if not found:
                suffixes = ", ".join(f"*{s}" for s in REGION_FILE_SUFFIXES)
                out.append((argument, [Problem(f"no region files ({suffixes}) in this folder",
                                               file=argument, code="no-region-files")]))
            out.extend(found)
        else:
            out.append(Path(argument))
    return out


def run(args: argparse.Namespace) -> int:
    """Check the files; print problems and a summary; return the exit code."""
    checked = valid = errors = warnings = 0
    for item in _paths(args.files):
        if isinstance(item, tuple):
            _, problems = item
            ok = False
        else:
            report = check_region_file(item, max_bytes=args.max_bytes)
            problems, ok = list(report.problems), report.ok
            checked += 1
        file_errors = sum(p.severity is Severity.ERROR for p in problems)
        file_warnings = len(problems) - file_errors
        errors += file_errors
        warnings += file_warnings
        if ok and not (args.strict and file_warnings):
            valid += 1
        for problem in problems:
            if args.quiet and problem.severity is Severity.WARNING:
                continue
            print(problem)
    invalid = checked - valid
    summary = (f"{checked} file{'s' if checked != 1 else ''} checked: {valid} valid, {invalid} invalid; "
               f"{errors} error{'s' if errors != 1 else ''}, "
               f"{warnings} warning{'s' if warnings != 1 else ''}")
    print(summary)
    failed = errors > 0 or (args.strict and warnings > 0)
    return EXIT_INVALID if failed else EXIT_OK
