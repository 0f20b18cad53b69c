"""``smartsync batch INPUT... --out FILE``: classify many regions, one row or line per region.

A CSV cell that a spreadsheet would execute (a text starting with ``=``,
``+``, ``-``, ``@``, a tab or a line break...) is written with a leading
``'`` (:func:`smartsync._text.spreadsheet_cell`).

INPUT is a region file, a folder of region files, a folder of tables
(``regions.csv``, ``elements.csv``, ``matches.csv``) or an ``.xlsx``
workbook. The output is CSV (one row per region: id, name, type, per stage
presence, counts and coverage, diagnostics by severity, fundable program
share, error) or JSON Lines (the full classification with its trace, one
per line; a failed region gives ``{"region": {"id": ...}, "error": ...}``),
from ``--format`` or the suffix of ``--out``.

The output is written to a temporary file next to ``--out`` and moved into
place when the batch is complete: an interrupted run never leaves a
truncated file (the previous one, if any, stays as it was).

A progress bar goes to stderr on a terminal; elsewhere a plain line every
few seconds. A summary ends the run (regions per type, failed regions).
Exit code: 0 every region classified, 1 some failed, 2 usage error (an input that does
not exist is one: nothing is classified).
"""

from __future__ import annotations

import argparse
import csv
import functools
import io
import json
import sys
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator

from .._files import (Terminated, atomic_write, check_target, make_folder, remove_stale_temps,
                      same_file)
from .._text import spreadsheet_cell, workbook_text
from ..errors import OutputError, Problem
from ..batch import DEFAULT_CHUNKSIZE, BatchItem, _deduplicated, _run, _units, worker_count
from ..typology import DEFAULT_TYPOLOGY
from . import (EXIT_INVALID, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE, Help, SUMMARIES,
               path_argument)
from ._common import add_parameter_arguments, output_failure

FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx"}
DIAGNOSTIC_SEVERITIES = ("blocking", "warning", "info")


def csv_columns(stages: Iterable[str] = DEFAULT_TYPOLOGY.stages) -> list[str]:
    """The columns of the CSV output, in order. ``rule_set`` names the rule set the row was
    classified under (``default``, or the variant's name), each ``{stage}_threshold`` the
    threshold that stage was judged at and ``relations`` the match relations that counted,
    so two runs under different rules or parameters are told apart by their files alone."""
    columns = ["id", "name", "source", "type", "type_letter", "rule_set"]
    for stage in stages:
        columns += [f"{stage}_present", f"{stage}_total", f"{stage}_synchronized",
                    f"{stage}_coverage", f"{stage}_threshold"]
    columns += ["relations"]
    columns += [f"diagnostics_{s}" for s in DIAGNOSTIC_SEVERITIES]
    columns += ["programs", "fundable_programs", "fundable_share", "fundable_budget", "error"]
    return columns


def _relations_cell(c: Any) -> str:
    """The relations that count, as ``adopted+derived+aligned``; a stage with its own
    relations added as ``;vision=adopted``."""
    params = c.params
    general = "+".join(r.value for r in sorted(params.relations, key=lambda r: r.value))
    own = [f"{stage}={'+'.join(r.value for r in sorted(params.relations_for(stage), key=lambda r: r.value))}"
           for stage in c.stages if params.relations_for(stage) != params.relations]
    return ";".join([general, *own])


def row_values(item: BatchItem, stages: Iterable[str] = DEFAULT_TYPOLOGY.stages,
               lang: str = "en", rules: str = "") -> dict[str, Any]:
    """The cells of one item's row by column, as values (numbers, booleans, texts): what
    :func:`csv_row` and :func:`workbook_row` format. An error row carries its error in
    ``lang``; ``rules``: the run's rule set as ``--rules`` named it, the name ``study``
    gives it too, so that the two files join on it (empty: the rule set's own name)."""
    c = item.classification
    row: dict[str, Any] = {"id": item.region_id or "", "source": item.source or "",
                           "rule_set": rules}
    if c is None:
        row["error"] = item.error_in(lang) or "failed"
        return row
    row.update(name=c.region_name, type=c.type.value, type_letter=c.type_letter or "",
               rule_set=rules or c.rule_set.name, relations=_relations_cell(c))
    for stage, result in c.stages.items():
        row[f"{stage}_present"] = bool(result.present)
        row[f"{stage}_total"] = result.total
        row[f"{stage}_synchronized"] = result.synchronized
        row[f"{stage}_coverage"] = round(result.coverage, 4)
        row[f"{stage}_threshold"] = float(result.threshold)
    for severity in DIAGNOSTIC_SEVERITIES:
        row[f"diagnostics_{severity}"] = sum(d.severity == severity for d in c.diagnostics)
    if c.funding is not None:
        row["programs"] = c.funding.total
        row["fundable_programs"] = c.funding.fundable
        row["fundable_share"] = round(c.funding.share, 4)
        row["fundable_budget"] = c.funding.budget
    return row


def csv_row(item: BatchItem, stages: Iterable[str] = DEFAULT_TYPOLOGY.stages,
            lang: str = "en", rules: str = "") -> list[Any]:
    """One CSV row of a batch item (:func:`row_values`: booleans as ``true``/``false``,
    shares with four decimals, thresholds as the shortest decimal; cells made safe for a
    spreadsheet)."""
    row = row_values(item, stages, lang, rules)
    out = []
    for column in csv_columns(stages):
        value = row.get(column, "")
        if isinstance(value, bool):
            value = "true" if value else "false"
        elif column.endswith(("_coverage", "_share")) and isinstance(value, float):
            value = f"{value:.4f}"
        elif column.endswith("_threshold") and isinstance(value, float):
            value = _number(value)
        out.append(spreadsheet_cell(value))
    return out


def workbook_row(item: BatchItem, stages: Iterable[str] = DEFAULT_TYPOLOGY.stages,
                 lang: str = "en", rules: str = "") -> list[Any]:
    """One row of the ``.xlsx`` output (newuser F165: a CSV opens wrongly in a spreadsheet
    set to Indonesian): numbers as numbers, booleans as booleans, texts as texts (escaped
    controls, never a formula: the cell's type says text); an empty cell for no value."""
    row = row_values(item, stages, lang, rules)
    out: list[Any] = []
    for column in csv_columns(stages):
        value = row.get(column)
        out.append(("text", workbook_text(value)) if isinstance(value, str) else value)
    return out


def json_line(item: BatchItem, lang: str = "en", advice: bool = False) -> str:
    """One JSON Lines line of a batch item: the classification with its trace (and, with
    ``advice``, ``to_reach`` and ``stability``), or the error."""
    if item.classification is not None:
        from ..render.json import classification_to_dict

        subject: Any = item.classification
        if advice:  # what to change and how stable: the explanation layer's
            from ..explain import explain

            subject = explain(item.classification)
        data = classification_to_dict(subject, lang=lang, advice=advice)
        data["source"] = item.source
    else:
        data = {"region": {"id": item.region_id}, "source": item.source, "error": item.error_in(lang),
                "problems": [{"file": p.file, "line": p.line, "where": p.where,
                              "severity": p.severity.value, "code": p.code,
                              "message": _problem_message(p, lang), "suggestion": p.suggestion}
                             for p in item.problems]}
    # U+0085, U+2028 and U+2029 are valid in JSON strings, but readers that split lines on
    # them (str.splitlines, JavaScript) would cut the line: written as escapes, as are
    # controls
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return (text.replace("\x85", "\\u0085").replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029"))


def _problem_message(problem: Problem, lang: str) -> str:
    """A problem's message in ``lang`` (the catalogs' words; as written when they have none)."""
    if lang == "en":
        return problem.message
    from ..messages import problem_message

    return problem_message(problem, lang)


def _number(value: float) -> str:
    """A threshold as the shortest decimal that reads back as the same float (0.5, 0.6667)."""
    return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))


def render_item(fmt: str, lang: str, item: BatchItem, advice: bool = False,
                stages: Iterable[str] = DEFAULT_TYPOLOGY.stages,
                rules: str = "") -> tuple[str | None, Any]:
    """The type of one item (``None`` when it failed) and what the output holds for it:
    a CSV row (a list) or a JSON line (a text). Runs where the item is made."""
    output = (csv_row(item, stages, lang, rules) if fmt == "csv"
              else workbook_row(item, stages, lang, rules) if fmt == "xlsx"
              else json_line(item, lang, advice))
    return (item.classification.type.value if item.classification else None), output




def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be a whole number, 0 or more, got {text!r}")
    return value


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``batch`` subcommand."""
    parser = subparsers.add_parser(
        "batch",
        help=SUMMARIES["batch"],
        description=Help("batch.description"),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", type=path_argument,
                        help=Help("batch.inputs"))
    parser.add_argument("-o", "--out", required=True, metavar="FILE", type=path_argument,
                        help=Help("batch.out"))
    parser.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                        help=Help("batch.jobs"))
    parser.add_argument("--format", choices=("csv", "jsonl", "xlsx"),
                        help=Help("batch.format"))
    add_parameter_arguments(parser)  # --lang, --threshold, --relations, --stage-relations
    parser.add_argument("--rules", default=None, metavar="PACK",
                        help=Help("batch.rules"))
    parser.add_argument("--advice", action="store_true",
                        help=Help("batch.advice"))
    parser.add_argument("--no-progress", action="store_true",
                        help=Help("batch.no_progress"))
    parser.set_defaults(func=run, _parser=parser)


# --------------------------------------------------------------------------
# progress


class Progress:
    """Regions done out of the total on stderr: a bar on a terminal, a plain line every
    ``every`` seconds elsewhere, nothing when ``enabled`` is false."""

    def __init__(self, total: int, stream: IO[str], *, enabled: bool = True, every: float = 10.0,
                 label: str = "batch"):
        self.label = label
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.tty = enabled and getattr(stream, "isatty", lambda: False)()
        self.every = every if not self.tty else 0.1
        self.start = self.last = time.monotonic()
        self.done = 0
        self.failed = 0

    def update(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        finished = self.done == self.total
        if self.enabled and ((self.tty and finished) or (now - self.last >= self.every
                                                         and not finished)):
            self.last = now
            self.show(now)

    def show(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        if self.tty:
            width = 24
            filled = int(width * self.done / self.total) if self.total else width
            bar = "#" * filled + "." * (width - filled)
            self.stream.write(f"\r[{bar}] {self.done}/{self.total} regions{failed}  "
                              f"{rate:.1f}/s  {_clock(left)} left ")
        else:
            self.stream.write(f"{self.label}: {self.done}/{self.total} regions{failed}, {rate:.1f}/s, "
                              f"about {_clock(left)} left\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\r" + " " * 79 + "\r")
            self.stream.flush()


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


# --------------------------------------------------------------------------
# the output file, atomically


def _write_atomically(target: Path, write: Callable[[IO[Any]], None],
                      inputs: Iterable[Path] = (), text: bool = True) -> None:
    remove_stale_temps(target)
    atomic_write(target, write, text=text, inputs=inputs)


def input_files(arguments: Iterable[str]) -> list[Path]:
    """The files the inputs stand for, which ``--out`` must not be: region files, the tables
    of a folder, workbooks."""
    from ..io.paths import path_kind
    from ..io.regionfile import region_files
    from ..tabular import TABLES

    out: list[Path] = []
    for argument in arguments:
        path = Path(argument)
        if path_kind(path) == "dir":
            try:
                out += region_files(path)
            except OSError:
                pass
            out += [path / f"{name}.csv" for name in TABLES]
        else:
            out.append(path)
    return out


# --------------------------------------------------------------------------
# the command


def run(args: argparse.Namespace) -> int:
    """Classify the inputs into the output file; print a summary; return the exit code."""
    parser: argparse.ArgumentParser = args._parser
    target = Path(args.out)
    fmt = args.format or FORMATS.get(target.suffix.lower())
    if fmt is None:
        parser.error(f"cannot tell the output format from {args.out!r}: give --format csv, "
                     "jsonl or xlsx, or an --out ending in .csv, .jsonl or .xlsx")
    if fmt == "xlsx":
        from ..tabular import _openpyxl

        try:
            _openpyxl()
        except Exception as exc:  # noqa: BLE001 - openpyxl missing: say how to install it
            print(f"smartsync batch: {exc}", file=sys.stderr)
            return EXIT_USAGE
    if fmt == "xlsx" and getattr(args, "advice", False):
        parser.error("--advice adds what to change to JSON Lines output only (--out FILE.jsonl)")
    inputs = input_files(args.inputs)
    for item in inputs:
        if same_file(target, item):
            print(f"smartsync batch: --out {args.out} is also an input ({item}); give an output "
                  "file that is not an input", file=sys.stderr)
            return EXIT_USAGE
    try:
        make_folder(target)
        check_target(target, inputs=inputs)
    except OutputError as exc:
        print(f"smartsync batch: cannot write --out {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    from ._common import engine_from

    engine = engine_from(args, "batch")  # the variant's classifier, checked before any work
    if engine is None:
        return EXIT_USAGE
    params = engine[1]
    typology = engine[0].typology  # a variant's stages (goal-stage has five) and types
    stages = tuple(typology.stages)
    from ._common import warn_unread_subfolders

    warn_unread_subfolders(args.inputs, args.lang)
    units = list(_units(args.inputs))
    total = len(units)
    from . import raw_stream

    progress = Progress(total, raw_stream(sys.stderr), enabled=not args.no_progress)
    counts: dict[str, int] = {}
    failed: list[BatchItem] = []
    started = time.monotonic()

    def write(out: IO[str]) -> None:
        render = functools.partial(render_item, fmt, args.lang,
                                   advice=bool(getattr(args, "advice", False)), stages=stages,
                                   rules=args.rules or engine[0].rule_set.name)
        jobs = worker_count(args.jobs, total)
        items = _deduplicated(_run(_drain(units), jobs=jobs, params=params, rules=args.rules,
                                   chunksize=DEFAULT_CHUNKSIZE, render=render), render)
        writer = (_CsvLines(out) if fmt == "csv" else _WorkbookLines(out) if fmt == "xlsx"
                  else None)
        if writer is not None:
            writer.writerow(csv_columns(stages))
        try:
            for item, (type_value, output) in items:
                if writer is not None:
                    writer.writerow(output)
                else:
                    out.write(output + "\n")
                progress.update(item.error is None)
                if item.error is None:
                    counts[type_value] = counts.get(type_value, 0) + 1
                else:
                    failed.append(item)
            if isinstance(writer, _WorkbookLines):
                writer.save()
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()
            progress.close()

    try:
        _write_atomically(target, write, inputs, text=fmt != "xlsx")
    except (Terminated, KeyboardInterrupt, BrokenProcessPool, OutputError, OSError) as exc:
        return output_failure(exc, "batch", args.out)
    _summary(total, counts, failed, target, time.monotonic() - started, sys.stdout, args.lang,
             typology, engine[0].rule_set)
    return EXIT_INVALID if failed else EXIT_OK


class _WorkbookLines:
    """The rows of the ``.xlsx`` output, in one sheet named ``batch`` of a write-only
    workbook (rows go to openpyxl's temporary storage as they come), saved into ``out`` (a
    binary handle) at the end. A cell given as ``("text", value)`` is a text cell whatever
    it starts with (``=`` included: never a formula)."""

    def __init__(self, out: IO[bytes]):
        from ..tabular import _openpyxl

        self._out = out
        self._book = _openpyxl().Workbook(write_only=True)
        self._sheet = self._book.create_sheet("batch")

    def writerow(self, row: Iterable[Any]) -> None:
        from ..tabular import text_cell

        self._sheet.append([text_cell(self._sheet, v[1]) if isinstance(v, tuple)  # ("text", v)
                            else v for v in row])

    def save(self) -> None:
        self._book.save(self._out)


class _CsvLines:
    """CSV rows ending in LF, each field quoted as CSV with CRLF lines would quote it: the
    csv module (Python 3.11) quotes a field holding a character of its line terminator,
    so with ``"\n"`` alone a text holding a lone CR went out bare and a reader cut the
    row there (tests/test_regression_cr_in_batch_csv.py)."""

    def __init__(self, out: IO[str]):
        self._out = out
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def writerow(self, row: Iterable[Any]) -> None:
        buffer = self._buffer
        buffer.seek(0)
        buffer.truncate()
        self._writer.writerow(row)
        self._out.write(buffer.getvalue()[:-2] + "\n")


def _drain(units: list[Any]) -> Iterator[Any]:
    """The units in order, each let go of once handed out (tables are held in memory until then)."""
    units.reverse()
    while units:
        yield units.pop()


def _summary(total: int, counts: dict[str, int], failed: list[BatchItem], target: Path,
             seconds: float, out: IO[str], lang: str = "en", typology: Any = DEFAULT_TYPOLOGY,
             rule_set: Any = None) -> None:
    from ..messages import stage_name, text
    from ..render._lines import rules_line

    elapsed = f"{seconds:.1f}" if lang == "en" else f"{seconds:.1f}".replace(".", ",")
    lines = [text("batch.summary", lang, total=total, seconds=elapsed, target=str(target),
                  regions=text("batch.region_one" if total == 1 else "batch.region_many", lang))]
    named = rules_line(rule_set, lang)
    if named:  # a run under a variant says so, as every output made under one does
        lines.append(named)
    for member in typology.type_enum:
        letter = typology.letter(member)
        label = (text("batch.type", lang, letter=letter,
                      stage_value=stage_name(member.value, lang))
                 if letter else text("batch.unsynchronized", lang))
        lines.append(f"  {label:<22} {counts.get(member.value, 0):>6}")
    failed_word = text("batch.failed", lang)
    lines.append(f"  {failed_word:<22} {len(failed):>6}")
    for item in failed:
        name = item.region_id or item.source or f"item {item.index}"
        where = f" ({item.source})" if item.source and item.region_id else ""
        error = item.error_in(lang)
        if name == item.source and item.error_names_source:
            lines.append(f"{failed_word}: {error}")  # the error names the file (and line)
        else:
            lines.append(f"{failed_word}: {name}{where}: {error}")
    out.write("\n".join(lines) + "\n")
