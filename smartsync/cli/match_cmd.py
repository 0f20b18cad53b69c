"""``smartsync match FILE``: suggest matches from the plan texts, for review; ``--write`` adds them.

Prints one line per suggestion, as an aligned table: level, masterplan
element, RPJMD element (id and the start of its text), score, the shared
terms and the suggestion's note (an equal program code, shared affairs). ``--threshold`` and ``--top`` are those of
:func:`smartsync.suggest_matches`; ``--full`` prints whole texts.

``--write`` adds the suggestions to the file as ``source: suggested`` entries
at the end of its ``matches`` list and leaves every other byte as it was
(:func:`smartsync.matching.fileedit.insert_matches`). Before writing, the new
text is read back: it must give the region read from the file plus the
suggestions, or nothing is written and the command exits 1. The file is
replaced by :func:`smartsync.matching.fileedit.write_matches`: in one step,
keeping its permissions, owner and group; a symbolic link, a file with other
hard links or a read-only file is refused with the reason.

Exit code 0 when the file was read (with or without suggestions) and, with
``--write``, written; 1 for a file that cannot be read or cannot take the
suggestions; 2 on a usage error; 3 when the file must not or cannot be
replaced (see the exit code table).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ..errors import OutputError, SmartsyncError
from ..model import Match, Region
from . import EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, Help, SUMMARIES, path_argument
from ._common import print_problems

_TEXT_WIDTH = 38


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``match`` subcommand."""
    from ..matching import DEFAULT_THRESHOLD, DEFAULT_TOP

    parser = subparsers.add_parser(
        "match",
        help=SUMMARIES["match"],
        description=Help("match.description"),
    )
    parser.add_argument("file", metavar="FILE", type=path_argument, help=Help("match.file"))
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, metavar="X",
                        help=Help("match.threshold"))
    parser.add_argument("--top", type=int, default=DEFAULT_TOP, metavar="N",
                        help=Help("match.top"))
    parser.add_argument("--full", action="store_true", help=Help("match.full"))
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help=Help("match.lang"))
    parser.add_argument("--write", action="store_true",
                        help=Help("match.write"))
    parser.set_defaults(func=run)


def _short(text: str, width: int | None) -> str:
    text = " ".join(text.split())
    if width is None or len(text) <= width:
        return text
    return text[: width - 1].rstrip() + "…"


def table(region: Region, suggestions: Sequence[Match], *, full: bool = False,
          lang: str = "en") -> list[str]:
    """The lines of the review table for ``suggestions`` of ``region``."""
    from ..messages import stage_name, text

    width = None if full else _TEXT_WIDTH
    header = tuple(text(f"match.column.{key}", lang)
                   for key in ("level", "masterplan", "rpjmd", "score", "shared"))
    rows = []
    for m in suggestions:
        a, b = region.masterplan.get(m.masterplan), region.rpjmd.get(m.rpjmd)
        rows.append((
            stage_name(a.level.value, lang) if a else "?",
            f"{m.masterplan}  {_short(a.text, width)}" if a else m.masterplan,
            f"{m.rpjmd}  {_short(b.text, width)}" if b else m.rpjmd,
            (f"{m.score:.2f}" if lang == "en" else f"{m.score:.2f}".replace(".", ","))
            if m.score is not None else "",
            "; ".join(x for x in (", ".join(m.evidence), m.note) if x),
        ))
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(len(header) - 1)]
    lines = []
    for r in [header] + rows:
        cells = [r[i].ljust(widths[i]) if i != 3 else r[i].rjust(widths[i]) for i in range(len(widths))]
        lines.append("  ".join(cells + [r[-1]]).rstrip())
    return lines


def write_suggestions(path: Path, region: Region, suggestions: Sequence[Match]) -> None:
    """Insert ``suggestions`` into the file at ``path``, check the result, replace the file
    safely (:func:`smartsync.matching.fileedit.write_matches`).

    Raises :class:`~smartsync.errors.SmartsyncError` (nothing written) when the
    file cannot take them, would not read back as ``region`` plus the
    suggestions, or must not be replaced (a link, a read-only file...).
    """
    from ..matching.fileedit import write_matches

    write_matches(path, suggestions, region=region)


def run(args: argparse.Namespace) -> int:
    """Suggest, print, and with ``--write`` add the suggestions to the file; return the exit code."""
    from ..io import check_region_file
    from ..matching import suggest_matches
    from ..messages import text

    if not 0.0 <= args.threshold <= 1.0:
        print(f"smartsync match: --threshold must be from 0 to 1, got {args.threshold:g}", file=sys.stderr)
        return EXIT_USAGE
    if args.top < 0:
        print(f"smartsync match: --top must be 0 (no limit) or more, got {args.top}", file=sys.stderr)
        return EXIT_USAGE
    path = Path(args.file)
    report = check_region_file(path)
    print_problems(report.problems, lang=args.lang)  # the errors that stop it, or the warnings of a file that loads
    if report.region is None:
        return EXIT_INVALID
    region = report.region
    lang = args.lang
    suggestions = suggest_matches(region, threshold=args.threshold, top=args.top or None,
                                  lang=lang)
    if suggestions:
        for line in table(region, suggestions, full=args.full, lang=lang):
            print(line)
    kept = len(region.matches)
    summary = text("match.summary", lang, path=str(path), count=len(suggestions),
                   matches=text("match.one" if len(suggestions) == 1 else "match.many", lang),
                   score_threshold=f"{args.threshold:g}" if lang == "en"
                   else f"{args.threshold:g}".replace(".", ","),
                   top=str(args.top) if args.top else text("match.all", lang), kept=kept,
                   kept_matches=text("match.one" if kept == 1 else "match.many", lang))
    if args.write and suggestions:
        try:
            write_suggestions(path, region, suggestions)
        except OutputError as exc:
            print(f"smartsync match: cannot write {exc}; nothing written", file=sys.stderr)
            return EXIT_OUTPUT
        except OSError as exc:
            print(f"smartsync match: cannot write {OutputError.from_os_error(exc, str(path))}; "
                  "nothing written", file=sys.stderr)
            return EXIT_OUTPUT
        except SmartsyncError as exc:
            print(f"smartsync match: {exc}", file=sys.stderr)
            return EXIT_INVALID
        summary += text("match.summary.written", lang, path=str(path))
    elif args.write:
        summary += text("match.summary.nothing", lang)
    print(summary)
    return EXIT_OK
