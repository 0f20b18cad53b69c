"""``smartsync report FILE... --out DIR [--lang en|id]``: HTML pages a planner can present.

Writes one self-contained HTML page per region (``region-<id>.html``: the
type, the alignment diagram, coverage per stage, diagnostics, funding,
why-not and the folded explanation trace) and, for several files, an
``index.html`` with a chart of regions per type and a table linking every
page. A file that cannot be read or classified is reported on stderr and as
a row of the index; the others go on. Exit code 0 when every file gave a
page, 1 when any failed, 2 on a usage error, 3 when the output folder (or
its index) cannot be written -- the codes of every command (see the exit code
table).
"""

from __future__ import annotations

import argparse
import sys

from ..errors import OutputError, Severity
from . import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, Help, SUMMARIES, path_argument
from ._common import add_parameter_arguments


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        help=SUMMARIES["report"],
        description=Help("report.description"),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=path_argument,
                        help=Help("report.files"))
    parser.add_argument("--out", "-o", required=True, metavar="DIR", type=path_argument,
                        help=Help("report.out"))
    add_parameter_arguments(parser)
    parser.add_argument("--rules", default=None, metavar="PACK",
                        help=Help("report.rules"))
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help=Help("report.jobs"))
    parser.add_argument("--index", dest="index", action="store_true", default=None,
                        help=Help("report.index"))
    parser.add_argument("--no-index", dest="index", action="store_false",
                        help=Help("report.no_index"))
    parser.set_defaults(func=run)


def _jobs(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {value!r}")
    return number


def run(args: argparse.Namespace) -> int:
    """Write the report; print what was written and what failed; return the exit code."""
    from ..render.html import write_report
    from ._common import engine_from

    engine = engine_from(args, "report")  # the variant's classifier, checked before any work
    if engine is None:
        return EXIT_USAGE
    params = engine[1]
    from ._common import warn_unread_subfolders

    warn_unread_subfolders(args.files, args.lang)
    try:
        report = write_report(args.files, args.out, lang=args.lang, index=args.index,
                              jobs=args.jobs, params=params, rules=args.rules)
    except OutputError as exc:
        print(f"smartsync report: cannot write to {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as exc:
        target = exc.filename if isinstance(exc.filename, str) else args.out
        print(f"smartsync report: cannot write to {OutputError.from_os_error(exc, target)}",
              file=sys.stderr)
        return EXIT_OUTPUT
    from ..messages import text

    lang = args.lang

    def many(key: str, count: int) -> str:
        return text(f"{key}_{'one' if count == 1 else 'many'}", lang)

    for page in report.pages:
        c = page.classification
        letter = c.type_letter
        kind = (text("report.cli.type", lang, letter=letter) if letter
                else text("batch.unsynchronized", lang))
        print(f"{page.path}: {page.region.name} ({page.region.id}), {kind}")
    for failure in report.failures:
        print(f"smartsync report: {text('report.cli.no_page', lang, source=failure.source)}",
              file=sys.stderr)
        for problem in failure.problems:
            if problem.severity is Severity.ERROR or len(failure.problems) == 1:
                print(f"  {problem.format(lang)}", file=sys.stderr)
    if report.index is not None:
        print(text("report.cli.index", lang, index=str(report.index), count=len(report.pages),
                   regions=many("batch.region", len(report.pages))))
    failed = len(report.failures)
    # the index is a file written too: "5 region pages and an index written to DIR"
    written = "report.cli.written_index" if report.index is not None else "report.cli.written"
    print(text(written, lang, count=len(report.pages), out=str(report.out),
               pages=many("report.cli.page", len(report.pages)))
          + (text("report.cli.failed", lang, count=failed, files=many("report.cli.file", failed))
             if failed else ""))
    return EXIT_INVALID if failed else EXIT_OK
