"""``smartsync study INPUT... --rules A,B,... --out DIR|FILE``: how types move with the
threshold and the rule set, region by region, and why two rule sets disagree.

INPUT is what ``batch`` takes (region files, folders of them, folders of tables, ``.xlsx``
workbooks). ``--rules`` names the rule sets, comma-separated (``default``, a registered
variant, a module, ``module:object``). ``--threshold-range LOW:HIGH`` bounds the thresholds
studied (default: all, above 0 to 1); ``--threshold`` is the reference threshold the rule
sets are compared at (default 0.5).

``--out`` decides what is written, each file atomically through the one safe writer:

- ``FILE.csv``: long form, one row per region, rule set and threshold interval (the
  columns of :data:`smartsync.study.RECORD_COLUMNS`; thresholds as decimals ``0.6``, with
  the exact fractions ``3/5`` in ``threshold_from_exact`` and ``threshold_to_exact``; cells a spreadsheet would execute are written with a leading ``'``);
- ``FILE.jsonl``: one line per region: its curves, breakpoints and differences, with the
  sentences in ``--lang``;
- ``FILE.html``: the study page;
- ``FILE.txt``: per region, its curves, breakpoints and differences in sentences;
- ``DIR`` (a folder, or a name without one of those suffixes): ``study.html``,
  ``study.csv``, ``study.jsonl`` and ``study.txt`` in it.

Exit code: 0 every region studied, 1 some failed (each is reported, the rest kept), 2 a
usage error (an unknown rule set, a range out of bounds), 3 an output that cannot be
written.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, Iterable

from .._files import (Terminated, atomic_write, check_target, make_folder, remove_stale_temps,
                      same_file)
from .._text import spreadsheet_cell
from ..errors import OutputError, RulePackError
from ._common import output_failure
from . import (EXIT_INVALID, EXIT_OK, EXIT_USAGE, Help, SUMMARIES,
               path_argument)

SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html",
            ".htm": "html", ".txt": "text"}
#: the files ``--out DIR`` writes
FOLDER_FILES = {"html": "study.html", "csv": "study.csv", "jsonl": "study.jsonl",
                "text": "study.txt"}


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``study`` subcommand."""
    from .batch_cmd import _jobs

    parser = subparsers.add_parser(
        "study", help=SUMMARIES["study"],
        description=Help("study.description"))
    parser.add_argument("inputs", nargs="+", metavar="INPUT", type=path_argument,
                        help=Help("study.inputs"))
    parser.add_argument("--rules", default="default", metavar="A,B,...",
                        help=Help("study.rules"))
    parser.add_argument("--threshold-range", default=None, metavar="LOW:HIGH",
                        help=Help("study.threshold_range"))
    parser.add_argument("--threshold", default=None, metavar="X",
                        help=Help("study.threshold"))
    parser.add_argument("-o", "--out", required=True, metavar="DIR|FILE", type=path_argument,
                        help=Help("study.out"))
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help=Help("study.jobs"))
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help=Help("study.lang"))
    parser.add_argument("--no-progress", action="store_true",
                        help=Help("study.no_progress"))
    parser.set_defaults(func=run, _parser=parser)


#: the columns of the CSV output: :data:`smartsync.study.RECORD_COLUMNS`, each threshold as a
#: decimal number (the float nearest the fraction, which is what the rules compare coverages
#: with), and the exact fractions beside them in ``threshold_from_exact`` and
#: ``threshold_to_exact``: a spreadsheet turns a bare ``3/4`` into a date (newuser F168)
EXACT_COLUMNS = ("threshold_from_exact", "threshold_to_exact")


def csv_columns() -> tuple[str, ...]:
    """The CSV's header: the record columns with the exact thresholds after ``threshold_to``."""
    from ..study import RECORD_COLUMNS

    at = RECORD_COLUMNS.index("threshold_to") + 1
    return RECORD_COLUMNS[:at] + EXACT_COLUMNS + RECORD_COLUMNS[at:]


def csv_row(record: dict[str, Any]) -> list[Any]:
    """One CSV row of a record of :meth:`smartsync.study.Study.to_records` (thresholds as
    decimals, ``0.75``, and as exact fractions, ``3/4``, in their own columns; booleans as
    ``true``/``false``; cells made safe for a spreadsheet)."""
    from ..study import fraction_text

    out = []
    for column in csv_columns():
        exact = column in EXACT_COLUMNS
        value = record.get(column.removesuffix("_exact") if exact else column)
        if value is None:
            value = ""
        elif isinstance(value, bool):
            value = "true" if value else "false"
        elif column.startswith("threshold_"):
            value = fraction_text(value) if exact else repr(float(value))
        out.append(spreadsheet_cell(value))
    return out


def json_line(region: Any, lang: str) -> str:
    """One JSON Lines line of a studied region (line separators written as escapes)."""
    text = json.dumps(region.to_dict(lang), ensure_ascii=False)
    return (text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def write_csv(out: IO[str], regions: Iterable[Any], each: Any = None) -> None:
    """The CSV output of studied regions (``each(region)`` called for each, for progress)."""
    from .batch_cmd import _CsvLines

    writer = _CsvLines(out)
    writer.writerow(csv_columns())
    for region in regions:
        for record in region.records():
            writer.writerow(csv_row(record))
        if each is not None:
            each(region)


def write_jsonl(out: IO[str], regions: Iterable[Any], lang: str, each: Any = None) -> None:
    """The JSON Lines output of studied regions."""
    for region in regions:
        out.write(json_line(region, lang) + "\n")
        if each is not None:
            each(region)


def write_text(out: IO[str], regions: Iterable[Any], threshold: Any, lang: str,
               each: Any = None) -> None:
    """The text output of studied regions: each region's lines, a blank line between."""
    from ..render.study_text import region_lines

    for region in regions:
        out.write("\n".join(region_lines(region, threshold, lang)) + "\n\n")
        if each is not None:
            each(region)


def _targets(out: str) -> tuple[dict[str, Path], Path | None]:
    """The files to write, by format, and the folder they go in (``None`` for one file)."""
    path = Path(out)
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is not None and not path.is_dir():
        return {fmt: path}, None
    return {fmt: path / name for fmt, name in FOLDER_FILES.items()}, path


def run(args: argparse.Namespace) -> int:
    """Study the inputs; write the output; print a summary; return the exit code."""
    from .. import batch
    from ..study import RegionStudy, Study, iter_study
    from .batch_cmd import Progress, input_files
    from . import raw_stream

    targets, folder = _targets(args.out)
    inputs = input_files(args.inputs)
    for target in targets.values():
        for item in inputs:
            if same_file(target, item):
                print(f"smartsync study: --out {target} is also an input ({item}); give an "
                      "output that is not an input", file=sys.stderr)
                return EXIT_USAGE
    from ._common import warn_unread_subfolders

    warn_unread_subfolders(args.inputs, getattr(args, "lang", "en"))
    units = list(batch._units(args.inputs))
    try:
        info, items = iter_study([], rule_sets=args.rules, threshold_range=args.threshold_range,
                                 threshold=args.threshold, jobs=args.jobs, _units=units)
    except RulePackError as exc:
        from ._common import usage_line

        print(usage_line("study", exc, getattr(args, "lang", "en")), file=sys.stderr)
        return EXIT_USAGE
    except ValueError as exc:
        print(f"smartsync study: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if folder is not None and not folder.is_dir():
            folder.mkdir(parents=True)
        for target in targets.values():
            make_folder(target)
            check_target(target, within=folder, inputs=inputs)
            remove_stale_temps(target)
    except (OutputError, OSError) as exc:
        return output_failure(exc, "study", args.out)
    progress = Progress(len(units), raw_stream(sys.stderr), enabled=not args.no_progress,
                        label="study")
    kept: list[RegionStudy] = []
    started = time.monotonic()

    def counted(region: RegionStudy) -> None:
        progress.update(region.ok)

    try:
        if list(targets) in (["csv"], ["jsonl"], ["text"]):  # one file, written as they come
            (fmt, target), = targets.items()

            def keep(region: RegionStudy) -> None:
                counted(region)
                kept.append(_summary_only(region))

            def write(out: IO[str]) -> None:
                if fmt == "csv":
                    write_csv(out, items, keep)
                elif fmt == "text":
                    write_text(out, items, info["threshold"], args.lang, keep)
                else:
                    write_jsonl(out, items, args.lang, keep)
            atomic_write(target, write, text=True, inputs=inputs)
        else:
            for region in items:
                counted(region)
                kept.append(region)
            study = Study(info["rule_sets"], info["range"], info["threshold"], tuple(kept),
                          info["typologies"])
            if "csv" in targets:
                atomic_write(targets["csv"], lambda out: write_csv(out, kept), text=True,
                             inputs=inputs)
            if "jsonl" in targets:
                atomic_write(targets["jsonl"], lambda out: write_jsonl(out, kept, args.lang),
                             text=True, inputs=inputs)
            if "text" in targets:
                atomic_write(targets["text"],
                             lambda out: write_text(out, kept, info["threshold"], args.lang),
                             text=True, inputs=inputs)
            from ..render.study_html import render_study

            page = render_study(study, lang=args.lang)
            atomic_write(targets["html"], lambda out: out.write(page), text=True, inputs=inputs)
    except (Terminated, KeyboardInterrupt, BrokenProcessPool, OutputError, OSError) as exc:
        return output_failure(exc, "study", args.out)
    finally:
        progress.close()
    seconds = time.monotonic() - started
    _summary(info, kept, folder or next(iter(targets.values())), seconds, args.lang)
    return EXIT_INVALID if any(not r.ok for r in kept) else EXIT_OK


def _summary_only(region: Any) -> Any:
    """What the summary needs of a region written as it came: its types and error."""
    import attrs

    return attrs.evolve(region, curves={}, differences=tuple(
        attrs.evolve(d, stages=()) for d in region.differences))


def _summary(info: dict[str, Any], regions: list[Any], target: Path, seconds: float,
             lang: str) -> None:
    from ..messages import text
    from ..study import _type_label, fraction_text

    elapsed = f"{seconds:.1f}" if lang == "en" else f"{seconds:.1f}".replace(".", ",")
    names = info["rule_sets"]
    lines = [text("study.summary", lang, total=len(regions), rule_sets=len(names),
                  seconds=elapsed, target=str(target),
                  regions=text("batch.region_one" if len(regions) == 1 else "batch.region_many",
                               lang))]
    studied = [r for r in regions if r.ok]
    for name in names:
        counts: dict[str, int] = {}
        for r in studied:
            counts[r.types[name][0]] = counts.get(r.types[name][0], 0) + 1
        shown = ", ".join(f"{_type_label(t, letter, lang)}: {counts.get(t, 0)}"
                          for t, letter in info["typologies"][name])
        lines.append(f"  {name}: {shown}")
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            count = sum(1 for r in studied for d in r.differences if (d.a, d.b) == (a, b))
            if count:
                lines.append("  " + text("study.summary.differ", lang, a=a, b=b, count=count,
                                         threshold=fraction_text(info["threshold"])))
    failed = [r for r in regions if not r.ok]
    failed_word = text("batch.failed", lang)
    lines.append(f"  {failed_word}: {len(failed)}")
    for r in failed:
        name = r.region_id or r.source or f"item {r.index}"
        where = f" ({r.source})" if r.source and r.region_id else ""
        lines.append(f"{failed_word}: {name}{where}: {r.error}")
    sys.stdout.write("\n".join(lines) + "\n")
