"""``smartsync draft``: a region file drafted from the plan documents (PDF, Word, xlsx, CSV).

Writes REGION.yaml (and, with ``--review``, an HTML review page) only when the whole
draft succeeded: a document that cannot be read (scanned, encrypted, corrupt) is an
error naming it, and nothing is written. Exit 0 on success, 1 on such an error, 3 when an
output cannot be written (checked before the documents are read), or when ``--out`` is a
region file holding matches or rejected suggestions, or a file that is no region file, and
``--replace`` is not given.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import (EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, Help, SUMMARIES, path_argument,
               raw_stream)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``draft`` subcommand."""
    parser = subparsers.add_parser(
        "draft",
        help=SUMMARIES["draft"],
        description=Help("draft.description"),
    )
    parser.add_argument("--rpjmd", nargs="+", required=True, metavar="FILE", type=path_argument,
                        help=Help("draft.rpjmd"))
    parser.add_argument("--masterplan", nargs="+", required=True, metavar="FILE", type=path_argument,
                        help=Help("draft.masterplan"))
    parser.add_argument("--out", required=True, metavar="REGION.yaml", type=path_argument,
                        help=Help("draft.out"))
    parser.add_argument("--replace", action="store_true", help=Help("draft.replace"))
    parser.add_argument("--id", default=None, help=Help("draft.id"))
    parser.add_argument("--name", default=None,
                        help=Help("draft.name"))
    parser.add_argument("--kind", choices=("kota", "kabupaten"), default=None,
                        help=Help("draft.kind"))
    parser.add_argument("--province", default=None,
                        help=Help("draft.province"))
    parser.add_argument("--rpjmd-period", default=None, metavar="START-END",
                        help=Help("draft.rpjmd_period"))
    parser.add_argument("--masterplan-period", default=None, metavar="START-END",
                        help=Help("draft.masterplan_period"))
    parser.add_argument("--review", default=None, metavar="REVIEW.html", type=path_argument,
                        help=Help("draft.review"))
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help=Help("draft.lang"))
    parser.add_argument("-q", "--quiet", action="store_true", help=Help("draft.quiet"))
    parser.add_argument("--check-codes", action=argparse.BooleanOptionalAction, default=True,
                        help=Help("draft.check_codes"))
    parser.set_defaults(func=run)


class _Bar:
    """A progress bar on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.shown = False

    def __call__(self, file: str, page: int, pages: int) -> None:
        if pages < 20:
            return
        width = 30
        done = int(width * page / pages)
        stream = raw_stream(sys.stderr)
        name = Path(file).name[:30].encode("ascii", "replace").decode("ascii")
        stream.write(f"\r{name:<30} [{'#' * done}{'.' * (width - done)}] {page}/{pages}")
        if page == pages:
            stream.write("\n")
        stream.flush()
        self.shown = True


def _work_kept(out: Path, lang: str) -> str | None:
    """Why ``out`` is not written over without ``--replace``: it holds matches or rejected
    suggestions (work a new draft does not have), or it is not a region file; ``None``
    when there is no such file or it is a draft with neither."""
    from ..io.paths import path_kind
    from ..io.regionfile import decisions_in
    from ..messages import text

    if path_kind(out) != "file":
        return None
    work = decisions_in(out)
    if work is None:
        return text("draft.cli.not_a_region_file", lang, out=str(out))
    parts = [text(f"draft.cli.work.{kind}", lang, count=count)
             for kind, count in zip(("matches", "rejected"), work) if count]
    if parts:
        return text("draft.cli.keeps_work", lang, out=str(out),
                    work=f" {text('word.and', lang)} ".join(parts))
    return None


def run(args: argparse.Namespace) -> int:
    """Draft, then write the region file (and the review page) atomically."""
    from .._files import check_target, make_folder
    from ..documents import DraftError, draft_region, write_draft
    from ..documents.review import write_review
    from ..errors import OutputError

    out = Path(args.out)
    inputs = [Path(p) for p in args.rpjmd + args.masterplan]
    if args.review and Path(args.review) == out:
        print("smartsync draft: --review and --out name the same file", file=sys.stderr)
        return EXIT_USAGE
    try:  # refuse an output it must not write before the long work (its folder made)
        make_folder(out)
        check_target(out, inputs=inputs)
        if args.review:
            make_folder(args.review)
            check_target(args.review, inputs=inputs)
    except OutputError as exc:
        print(f"smartsync draft: cannot write {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    kept = _work_kept(out, args.lang) if not args.replace else None
    if kept is not None:  # never a planner's matches or decisions lost to a new draft
        print(f"smartsync draft: {kept}", file=sys.stderr)
        return EXIT_OUTPUT
    progress = _Bar() if (not args.quiet and sys.stderr.isatty()) else None
    try:
        draft = draft_region(
            rpjmd=args.rpjmd, masterplan=args.masterplan, id=args.id or out.stem, name=args.name,
            kind=args.kind, province=args.province, rpjmd_period=args.rpjmd_period,
            masterplan_period=args.masterplan_period, lang=args.lang, progress=progress,
            check_codes=getattr(args, "check_codes", True))
    except DraftError as exc:
        print(f"smartsync draft: {exc}", file=sys.stderr)
        return EXIT_INVALID
    try:
        write_draft(draft, out, inputs=inputs)
        if args.review:
            write_review(draft, args.review, lang=args.lang, inputs=inputs)
    except OutputError as exc:
        print(f"smartsync draft: cannot write {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    except OSError as exc:
        print(f"smartsync draft: cannot write {OutputError.from_os_error(exc, str(out))}", file=sys.stderr)
        return EXIT_OUTPUT
    from ..messages import stage_name, text

    lang = args.lang
    for check in draft.checks:
        print(text("draft.cli.check", lang, check=check), file=sys.stderr)
    for note in draft.unplaced:
        print(text("draft.cli.unplaced", lang, note=note), file=sys.stderr)
    region = draft.region
    unsure = sum(1 for _, e in draft.elements() if e.confidence and e.confidence.score < 1)
    counts = ", ".join(f"{text('plan.' + plan.kind.value, lang)}: " + " ".join(
        f"{len(plan.at(level))} {stage_name(level, lang)}" for level in plan.levels())
        for plan in (region.rpjmd, region.masterplan))
    print(text("draft.cli.done", lang, out=str(out), files=len(draft.files), pages=draft.pages,
               counts=counts, unsure=unsure)
          + (text("draft.cli.review", lang, review=str(args.review)) if args.review else ""))
    return EXIT_OK
