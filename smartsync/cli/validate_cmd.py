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
from ..messages import text
from ..io import MAX_FILE_BYTES, REGION_FILE_SUFFIXES, RegionFileReport, check_region_file
from . import EXIT_INVALID, EXIT_OK, Help, SUMMARIES, path_argument
from ._common import duplicate_region


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help=SUMMARIES["validate"],
        description=Help("validate.description"),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=path_argument,
                        help=Help("validate.files"))
    parser.add_argument("--strict", action="store_true",
                        help=Help("validate.strict"))
    parser.add_argument("-q", "--quiet", action="store_true",
                        help=Help("validate.quiet"))
    parser.add_argument("--max-bytes", type=_max_bytes, default=None, metavar="N",
                        help=Help("validate.max_bytes", max_mib=MAX_FILE_BYTES // 2**20))
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help=Help("validate.lang"))
    parser.add_argument("--codes", action="store_true",
                        help=Help("validate.codes"))
    parser.set_defaults(func=run)


def _code_problems(report: "RegionFileReport") -> list[Problem]:
    """The nomenclature's warnings on a loaded region's program codes (``--codes``)."""
    if report.region is None:
        return []
    import attrs

    from ..matching.codes import check_codes

    # a version smartsync does not ship is already a warning of the file's own check
    return [attrs.evolve(p, file=report.file) for p in check_codes(report.region)
            if p.code != "unknown-nomenclature-version"]


def _paths(arguments: list[str]) -> list[tuple[str, list[Problem]] | Path | str]:
    """The files to check, folders expanded; an empty folder becomes its own problem;
    ``-`` stays itself (standard input)."""
    from ..io.paths import list_folder, path_kind, unread_subfolders

    out: list[tuple[str, list[Problem]] | Path | str] = []
    for argument in arguments:
        path = Path(argument)
        if argument == "-":
            out.append(argument)
        elif path_kind(path) == "dir":
            found, problem = list_folder(path)
            if problem is not None:
                out.append((argument, [problem]))
            elif not found:
                suffixes = ", ".join(f"*{s}" for s in REGION_FILE_SUFFIXES)
                out.append((argument, [Problem(f"no region files ({suffixes}) in this folder",
                                               file=argument, code="no-region-files")]))
            out.extend(found)
            unread = unread_subfolders(path)  # warnings: read one level deep
            if unread:
                out.append((argument, unread))
        else:
            out.append(Path(argument))
    return out


#: the largest --max-bytes accepted (1 TiB): larger values are a typing error
_MAX_MAX_BYTES = 2 ** 40


def _max_bytes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of bytes, got {text!r}") from None
    if not 1 <= value <= _MAX_MAX_BYTES:
        raise argparse.ArgumentTypeError(
            f"must be from 1 to {_MAX_MAX_BYTES:,} bytes, got {text[:40]!r}")
    return value


def _check_stdin(max_bytes: int | None) -> "RegionFileReport":
    """The region read from standard input."""
    import sys

    from ..io import check_region_text
    from ..io._source import limit

    limit_bytes = limit("MAX_FILE_BYTES") if max_bytes is None else max_bytes
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(limit_bytes + 1) if stream is not None else \
        sys.stdin.read(limit_bytes + 1).encode("utf-8", "surrogateescape")
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return check_region_text(data, name="<stdin>", format="json" if start == b"{" else "yaml",
                             max_bytes=limit_bytes)


def run(args: argparse.Namespace) -> int:
    """Check the files; print problems and a summary; return the exit code."""
    checked = valid = errors = warnings = 0
    seen: dict[str, str] = {}  # region id -> the file it was first read from
    for item in _paths(args.files):
        if isinstance(item, tuple):
            _, problems = item
            ok = False
        elif item == "-":
            report = _check_stdin(args.max_bytes)
            problems, ok = list(report.problems), report.ok
            checked += 1
        else:
            report = check_region_file(item, max_bytes=args.max_bytes)
            problems, ok = list(report.problems), report.ok
            checked += 1
        if getattr(args, "codes", False) and not isinstance(item, tuple):
            problems.extend(_code_problems(report))
        if ok and not isinstance(item, tuple):  # as batch and report judge it: an error
            first = seen.setdefault(report.region.id, report.file)
            if first != report.file:
                problems.append(duplicate_region(report.region.id, first, report.file,
                                                 "validate", Severity.ERROR))
                ok = False
        file_errors = sum(p.severity is Severity.ERROR for p in problems)
        file_warnings = len(problems) - file_errors
        errors += file_errors
        warnings += file_warnings
        if ok and not (args.strict and file_warnings):
            valid += 1
        for problem in problems:
            if args.quiet and problem.severity is Severity.WARNING:
                continue
            print(problem.format(args.lang))
    invalid = checked - valid
    if args.lang == "en":
        print(f"{checked} file{'s' if checked != 1 else ''} checked: {valid} valid, {invalid} invalid; "
              f"{errors} error{'s' if errors != 1 else ''}, "
              f"{warnings} warning{'s' if warnings != 1 else ''}")
    else:
        print(text("validate.summary", args.lang, checked=checked, valid=valid, invalid=invalid,
                   errors=errors, warnings=warnings))
    failed = errors > 0 or (args.strict and warnings > 0)
    return EXIT_INVALID if failed else EXIT_OK
