"""Regions kept in tables: a folder of CSV files, or an Excel workbook.

Three tables, each row tagged with the id of its region:

- ``regions`` -- one row per region: ``id``, ``name``, ``kind``,
  ``province`` (optional), ``rpjmd_start``, ``rpjmd_end``,
  ``masterplan_start``, ``masterplan_end``;
- ``elements`` -- one row per plan element: ``region``, ``plan``
  (``rpjmd`` or ``masterplan``), ``id``, ``level``, ``text``, and the
  optional ``parents``, ``code``, ``dimension``, ``indicators``, ``budget``;
- ``matches`` -- one row per match: ``region``, ``masterplan``, ``rpjmd``,
  ``relation``, and the optional ``source``, ``score``, ``note``,
  ``evidence``.

A folder holds them as ``regions.csv``, ``elements.csv`` and
``matches.csv`` (UTF-8, a byte order mark allowed; comma between columns,
double quotes around cells that hold commas, quotes or line breaks; the
first row names the columns). A workbook (``.xlsx``, read with the optional
``openpyxl``: ``pip install 'smartsync[xlsx]'``) holds them as sheets named
``regions``, ``elements`` and ``matches``.

Each region's rows are mapped onto the region file structure and checked
by the region file reader, so every check of a region file applies; each
problem names the table, the row (as a spreadsheet numbers it: the header
is row 1) and the column. See ``docs/batch.rst``.

- :func:`iter_table_regions` -- one :class:`TableRegion` per region (and
  one per group of rows that belong to no region), never raising for bad
  input: a batch keeps going past bad regions;
- :func:`table_rows` -- the rows of each region (:class:`RegionRows`),
  gathered but not yet checked: :meth:`RegionRows.build` checks them (a
  batch does that in its worker processes);
- :func:`load_tables` -- every region, or one
  :class:`~smartsync.errors.RegionFileError` listing every problem;
- :func:`dump_tables` -- regions written as tables (CSV folder or ``.xlsx``).
"""

from __future__ import annotations

import csv
import io
import math
import os
import re
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

import attrs

from ._files import atomic_write, check_target, make_output_folder
from ._text import FORMULA_STARTS
from .errors import (LoadReport, Place, Problem, RegionFileError, Severity, coded_problem,
                     did_you_mean)
from .io._source import AMBIGUOUS_RUPIAH, Located, SourceProblem, decode, rupiah_amount
from .io.paths import open_problem, path_kind
from .io.regionfile import MAX_FILE_BYTES, _Reader
from .model import PlanKind, Region

__all__ = [
    "TABLES",
    "COLUMNS",
    "REQUIRED_COLUMNS",
    "TableRegion",
    "is_tables",
    "iter_table_regions",
    "table_rows",
    "RegionRows",
    "load_tables",
    "dump_tables",
]

PathLike = Union[str, "os.PathLike[str]"]

#: the three tables, in the order they are read
TABLES = ("regions", "elements", "matches")

#: each table's Indonesian name (the glossary's term), read as the table when the workbook
#: has no sheet (the folder no file) of the English name: ``daerah``, ``unsur``, ``padanan``
TABLE_NAMES_ID: dict[str, str] = {"regions": "daerah", "elements": "unsur", "matches": "padanan"}

#: the columns of each table, in the order :func:`dump_tables` writes them
COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("id", "name", "kind", "province", "rpjmd_start", "rpjmd_end",
                "masterplan_start", "masterplan_end"),
    "elements": ("region", "plan", "id", "level", "text", "parents", "code", "dimension",
                 "indicators", "budget"),
    "matches": ("region", "masterplan", "rpjmd", "relation", "source", "score", "note",
                "evidence"),
}

#: the columns each table must have (their cells may still be checked per row)
REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "regions": ("id", "name", "kind", "rpjmd_start", "rpjmd_end", "masterplan_start",
                "masterplan_end"),
    "elements": ("region", "plan", "id", "level", "text"),
    "matches": ("region", "masterplan", "rpjmd", "relation"),
}

#: a line of a CSV text, with its end (a quoted cell may span several)
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
#: where each column sits in a row as read (the order of COLUMNS)
_INDEX = {table: {column: i for i, column in enumerate(columns)}
          for table, columns in COLUMNS.items()}
#: cells shorter than this are interned: a batch holds every row of the tables
_SHORT = 40
#: the starts of a CSV text that dump_tables marks with a leading ``'``
_QUOTED_STARTS = FORMULA_STARTS + ("'",)
#: the most rows a table may have (the elements of every Indonesian region: about 300,000)
MAX_ROWS = 500_000
#: the most bytes the parts of an .xlsx workbook may unpack to (a workbook is a zip file: a
#: small one can hold gigabytes of repeated rows)
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
#: a number in a CSV cell: ASCII digits only, no ``_``, no exponent
_WHOLE = re.compile(r"[+-]?[0-9]+", re.ASCII)
#: a decimal written with a comma, as ';'-separated tables write scores (``0,85``)
_COMMA_DECIMAL = re.compile(r"[0-9]*,[0-9]+", re.ASCII)
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)", re.ASCII)
_FRACTION = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?", re.ASCII)

# how each column's cells are read
_IDS = {"id", "region", "masterplan", "rpjmd", "code"}
_TEXTS = {"name", "province", "text", "note"}
_YEARS = {"rpjmd_start", "rpjmd_end", "masterplan_start", "masterplan_end"}
#: list cells: parents are ids separated by ``;`` or ``|``; indicators and evidence are
#: texts (which may hold ``;``) separated by ``|``
_LIST_SEPARATORS = {"parents": re.compile(r"[;|]"), "indicators": re.compile(r"\|"),
                    "evidence": re.compile(r"\|")}


@attrs.frozen
class TableRegion(LoadReport):
    """What the tables gave for one region: the region (``None`` when it has errors) and every problem.

    ``region_id`` is the id the rows name (``None`` for problems that
    belong to no region, such as a missing table); ``source`` names where
    the region's row is (``.../regions.csv:3``) or the tables themselves.
    """

    region_id: str | None
    source: str
    region: Region | None
    problems: tuple[Problem, ...] = ()

    @property
    def source_name(self) -> str:
        """Where the region was read from."""
        return self.source


def is_tables(path: PathLike) -> bool:
    """Whether ``path`` is tabular input: an ``.xlsx`` workbook, or a folder holding
    ``regions.csv`` (or ``daerah.csv``)."""
    p = Path(path)
    if p.suffix.lower() == ".xlsx":
        return True
    return path_kind(p) == "dir" and path_kind(_table_file(p, "regions")) == "file"


def _table_file(folder: Path, table: str) -> Path:
    """The CSV file of ``table`` in ``folder``: ``regions.csv``, else ``daerah.csv`` when that
    one is there (the English name when neither is, for the error)."""
    english = folder / f"{table}.csv"
    if path_kind(english) != "missing":
        return english
    indonesian = folder / f"{TABLE_NAMES_ID[table]}.csv"
    return indonesian if path_kind(indonesian) == "file" else english


def no_tables_problem(folder: PathLike, suffixes: str) -> Problem:
    """The problem of a folder holding neither region files nor tables, with a did-you-mean
    when a CSV file of it is close to a table's name (``region.csv``, ``Daerah.CSV``)."""
    names: list[str] = []
    try:
        names = sorted(entry.name for entry in os.scandir(folder)
                       if entry.name.lower().endswith(".csv"))
    except OSError:
        pass
    wanted = [f"{name}.csv" for name in ("regions", TABLE_NAMES_ID["regions"])]
    close = next((found for found in (did_you_mean(w, names) for w in wanted) if found), None)
    return coded_problem("no-region-files", {"form": "tables", "suffixes": suffixes},
                         file=os.fspath(folder), suggestion=close)


# --------------------------------------------------------------------------
# reading the tables: rows of cells, each cell knowing its table, row and column


class _Table:
    """One table read: its file name (for problems), its columns and its rows (row number, cells)."""

    def __init__(self, name: str, file: str):
        self.name = name
        self.file = file
        self.columns: list[str] = []
        #: (row number, cells in the order of COLUMNS[name] (None: empty or no such column),
        #: a problem of the row's shape or None)
        self.rows: list[tuple[int, tuple[Any, ...], Problem | None]] = []


#: the Indonesian names an evaluator gives the columns, each read as the column it names
#: (``nama`` is ``name``); a name that is a column of the table is never renamed
COLUMN_SYNONYMS: dict[str, dict[str, str]] = {
    "regions": {"kode_wilayah": "id", "kode_daerah": "id", "kode": "id", "id_daerah": "id",
                "nama": "name", "jenis": "kind", "provinsi": "province",
                "awal_rpjmd": "rpjmd_start", "akhir_rpjmd": "rpjmd_end",
                "awal_masterplan": "masterplan_start", "akhir_masterplan": "masterplan_end"},
    "elements": {"daerah": "region", "rencana": "plan", "tingkat": "level", "teks": "text",
                 "induk": "parents", "kode": "code", "dimensi": "dimension",
                 "indikator": "indicators", "pagu": "budget", "pagu_indikatif": "budget"},
    "matches": {"daerah": "region", "relasi": "relation", "sumber": "source", "skor": "score",
                "catatan": "note", "bukti": "evidence"},
}


def _indonesian_columns(table: str) -> list[str]:
    """The columns of ``table`` by the Indonesian name an evaluator gives each (the first of
    :data:`COLUMN_SYNONYMS`' names, the English one where it has none): what an error under
    ``--lang id`` lists as expected."""
    named: dict[str, str] = {"id": "id"}  # "id" is the same word in both languages
    for indonesian, column in COLUMN_SYNONYMS[table].items():
        named.setdefault(column, indonesian)
    return [named.get(column, column) for column in COLUMNS[table]]


def _worded_table(table: str) -> dict[str, str]:
    """The table's name in each language, as a message's value: ``regions``, ``daerah``."""
    return {"en": table, "id": TABLE_NAMES_ID[table]}


def _norm_header(value: Any, table: str | None = None) -> str:
    text = "" if value is None else str(value)
    name = "_".join(text.strip().lower().replace("-", " ").split())
    if table is not None and name not in COLUMNS[table]:
        return COLUMN_SYNONYMS[table].get(name, name)
    return name


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fill(table: _Table, header: Sequence[Any], header_row: int,
          rows: Iterable[tuple[int, Sequence[Any]]], problems: list[Problem],
          quoted: bool = False, formulas: dict[int, dict[int, str]] | None = None,
          decimal_comma: bool = False) -> None:
    """Check the header and turn each non-blank row into a mapping of column to cell.
    ``quoted``: cells may carry the ``'`` that :func:`dump_tables` puts before a text a
    spreadsheet would take for a formula (CSV). ``decimal_comma``: a score written as text
    may have a decimal comma (``0,85`` is 0.85): in a table whose cells are separated with
    ``;`` (a spreadsheet set to Indonesian saves it so) and in a workbook's text cells."""
    columns = [_norm_header(h, table.name) for h in header]
    allowed = COLUMNS[table.name]
    bad = False
    seen: set[str] = set()
    for number, column in enumerate(columns, 1):
        if not column:
            continue
        if column in seen:
            problems.append(Problem(f"column {column!r} appears twice", file=table.file,
                                    line=header_row, where=Place("column", column),
                                    code="duplicate-column"))
            bad = True
        seen.add(column)
        if column not in allowed:
            indonesian = _indonesian_columns(table.name)
            suggestion = did_you_mean(column, allowed)
            if suggestion is None:  # "nma" is "nama"; said as the name the header can have
                suggestion = did_you_mean(column, list(COLUMN_SYNONYMS[table.name]))
            problems.append(coded_problem(
                "unknown-column", {"column": repr(column), "table": _worded_table(table.name),
                                   "expected": {"en": ", ".join(allowed),
                                                "id": ", ".join(indonesian)}},
                file=table.file, line=header_row, where=Place("column", column),
                suggestion=suggestion))
            bad = True
    for column in REQUIRED_COLUMNS[table.name]:
        if column not in seen:
            problems.append(coded_problem("missing-column",
                                          {"column": {"en": repr(column), "id": repr(
                                              _indonesian_columns(table.name)[
                                                  COLUMNS[table.name].index(column)])},
                                           "table": _worded_table(table.name)},
                                          file=table.file, line=header_row,
                                          where=Place("column", column)))
            bad = True
    if bad:
        return
    table.columns = [c for c in columns if c]
    for number, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        if len(table.rows) >= MAX_ROWS:
            problems.append(coded_problem("too-large", {"form": "rows", "rows": f"{MAX_ROWS:,}"},
                                          file=table.file, line=number))
            table.rows.clear()
            return
        shape: Problem | None = None
        unnamed = [n for n, (column, value) in enumerate(zip(columns, cells), 1)
                   if not column and not _blank(value)]
        if len(cells) > len(columns) and any(not _blank(c) for c in cells[len(columns):]):
            shape = Problem(
                f"the row has {len(cells)} cells but the header names only {len(columns)} "
                "columns (a comma too many, or a cell that needs quotes?)",
                file=table.file, line=number, code="extra-cells")
        elif unnamed:
            shape = Problem(
                f"cell {unnamed[0]} of the row holds a value but its column has no name in the "
                "header", file=table.file, line=number, where=Place("column", unnamed[0]),
                code="unnamed-column")
        elif formulas and number in formulas:
            uncomputed = [(columns[i], f) for i, f in sorted(formulas[number].items())
                          if i < len(columns) and columns[i] and i < len(cells)
                          and _blank(cells[i])]
            if uncomputed:
                column, formula = uncomputed[0]
                shown = formula if len(formula) <= 60 else formula[:57] + "..."
                shape = Problem(
                    f"the cell holds a formula ({shown!r}) whose value the workbook does not "
                    "store (it was written by a program, never opened in a spreadsheet); open "
                    "and save it in Excel or LibreOffice so that it stores the values",
                    file=table.file, line=number, where=Place("column", column),
                    code="uncomputed-formula", values={"formula": repr(shown)})
        values: list[Any] = [None] * len(allowed)
        for column, value in zip(columns, cells):
            if column and not _blank(value):
                if quoted and isinstance(value, str) and value.startswith("'") \
                        and value[1:].startswith(_QUOTED_STARTS):
                    value = value[1:]  # the mark dump_tables puts before a formula-like text
                if decimal_comma and column == "score" and isinstance(value, str) \
                        and _COMMA_DECIMAL.fullmatch(value.strip()):
                    value = value.strip().replace(",", ".")
                if isinstance(value, str) and len(value) < _SHORT:
                    value = sys.intern(value)  # ids, levels, plans...: one object, not thousands
                values[_INDEX[table.name][column]] = value
        table.rows.append((number, tuple(values), shape))


def _read_csv(table: _Table, path: Path, max_bytes: int, problems: list[Problem]) -> None:
    if path_kind(path) not in ("file", "missing"):  # a FIFO would block, a loop would fail
        blocked = open_problem(path)
        if blocked is not None:
            problems.append(attrs.evolve(blocked, file=table.file))
            return
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                problems.append(coded_problem(
                    "too-large", {"form": "table", "file_bytes": size, "limit_bytes": max_bytes},
                    file=table.file))
                return
            data = handle.read()
    except FileNotFoundError:
        problems.append(coded_problem("no-such-table", {"form": "file"}, file=table.file))
        return
    except OSError as exc:
        problems.append(Problem(f"cannot be read: {exc.strerror or exc}", file=table.file,
                                code="unreadable"))
        return
    try:
        text = decode(data)
    except SourceProblem as exc:
        problems.append(Problem(exc.message, file=table.file, line=exc.line, code=exc.code,
                                values=exc.values))
        return
    del data
    # rows are read one at a time, straight into the table: no second copy of the file
    # a table saved by a spreadsheet set to Indonesian (or another language writing a
    # decimal comma) separates its columns with ';': read it so when its header does
    first = next((m.group() for m in _LINE.finditer(text) if m.group().strip()), "")
    delimiter = ";" if ";" in first and "," not in first else ","
    reader = csv.reader((m.group() for m in _LINE.finditer(text)), delimiter=delimiter,
                        strict=True)
    read = [0]

    def records() -> Iterator[tuple[int, list[str]]]:
        for number, record in enumerate(reader, 1):
            read[0] = number
            yield number, record

    numbered = records()
    try:
        for number, header in numbered:
            if not all(_blank(c) for c in header):
                break
        else:
            problems.append(Problem(
                f"the table is empty; its first row must name the columns "
                f"({', '.join(REQUIRED_COLUMNS[table.name])}, ...)", file=table.file, line=1,
                code="empty-table"))
            return
        if len(header) == 1 and ";" in header[0] and "," not in header[0]:
            problems.append(Problem(
                "the columns are separated by ';'; smartsync reads comma-separated tables: save "
                "the sheet as 'CSV (comma delimited)', or give the .xlsx workbook instead",
                file=table.file, line=number, code="semicolon-csv"))
            return
        _fill(table, header, number, numbered, problems, quoted=True,
              decimal_comma=delimiter == ";")
    except csv.Error as exc:
        # said in a planner's words, in the language asked (newuser F167: the csv module's
        # English reached an Indonesian run): a quote inside a cell, a quote never closed
        said = str(exc)
        form = ("quote" if said.endswith("expected after '\"'") else
                "unclosed" if "unexpected end of data" in said else None)
        values: dict[str, Any] = {"detail": said, "delimiter": repr(delimiter)}
        if form is not None:
            values["form"] = form
        problems.append(coded_problem("malformed-csv", values, file=table.file,
                                      line=read[0] + 1))


def _read_sheet(table: _Table, sheet: Any, problems: list[Problem],
                formulas: dict[int, dict[int, str]] | None = None) -> None:
    numbered = enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
    for number, header in numbered:
        if not all(_blank(c) for c in header):
            break
    else:
        problems.append(Problem(
            f"the sheet is empty; its first row must name the columns "
            f"({', '.join(REQUIRED_COLUMNS[table.name])}, ...)", file=table.file, line=1,
            code="empty-table"))
        return
    # a score kept as text in a workbook is written as an Indonesian workbook shows it,
    # "0,85" (newuser F188: refused, while the same row of a ';' CSV was read as 0.85)
    _fill(table, list(header), number, ((n, list(r)) for n, r in numbered), problems,
          formulas=formulas, decimal_comma=True)


def _has_formulas(path: Path) -> bool:
    """Whether a workbook's sheets hold a formula (a ``<f>`` element), read part by part."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.startswith("xl/worksheets/"):
                    continue
                with archive.open(info) as part:
                    tail = b""
                    while chunk := part.read(1 << 20):
                        if b"<f>" in tail + chunk or b"<f " in tail + chunk:
                            return True
                        tail = chunk[-3:]
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        return False
    return False


def _formula_cells(openpyxl: Any, path: Path, sheet_names: Iterable[str]
                   ) -> dict[str, dict[int, dict[int, str]]]:
    """The formulas of the named sheets, by sheet, row number and cell (0-based): read without
    the values the workbook stores, so that a cell whose value is not stored (a workbook
    written by a program, never opened in a spreadsheet) can be told from an empty one."""
    out: dict[str, dict[int, dict[int, str]]] = {}
    book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    try:
        for name in sheet_names:
            rows: dict[int, dict[int, str]] = {}
            for number, row in enumerate(book[name].iter_rows(min_row=1, values_only=True), 1):
                found = {i: v for i, v in enumerate(row) if isinstance(v, str) and v.startswith("=")}
                if found:
                    rows[number] = found
            out[name] = rows
    finally:
        book.close()
    return out


def _unpacked_size(path: Path) -> int | None:
    """What the parts of a workbook (a zip file) unpack to, in bytes; ``None`` when it is no zip."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise ImportError(
            "reading and writing .xlsx workbooks needs openpyxl: pip install 'smartsync[xlsx]' "
            "(or give a folder of regions.csv, elements.csv and matches.csv)") from None
    return openpyxl


def _read_tables(path: PathLike, max_bytes: int) -> tuple[dict[str, _Table], list[Problem]]:
    """The three tables of a folder or workbook, and the problems that make them unusable."""
    problems: list[Problem] = []
    p = Path(path)
    name = os.fspath(path)
    tables: dict[str, _Table] = {}
    if p.suffix.lower() == ".xlsx":
        openpyxl = _openpyxl()
        if path_kind(p) not in ("file", "missing"):
            blocked = open_problem(p)
            if blocked is not None:
                return {}, [blocked]
        try:
            size = p.stat().st_size
        except FileNotFoundError:
            return {}, [coded_problem("no-such-file", {}, file=name)]
        except OSError as exc:
            return {}, [Problem(f"cannot be read: {exc.strerror or exc}", file=name,
                                code="unreadable")]
        if size > max_bytes:
            return {}, [coded_problem("too-large", {"form": "workbook", "file_bytes": size,
                                                    "limit_bytes": max_bytes}, file=name)]
        unpacked = _unpacked_size(p)
        if unpacked is not None and unpacked > MAX_UNPACKED_BYTES:
            return {}, [coded_problem("too-large", {"form": "unpacked", "file_bytes": unpacked,
                                                    "limit_bytes": MAX_UNPACKED_BYTES}, file=name)]
        try:
            book = openpyxl.load_workbook(p, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            return {}, [Problem(f"cannot be read as an .xlsx workbook: {exc}", file=name,
                                code="unreadable")]
        try:
            sheets = {_norm_header(s): s for s in book.sheetnames}
            # each table's sheet: its English name, else its Indonesian one (daerah, unsur...)
            keys = {t: t if t in sheets else TABLE_NAMES_ID[t] for t in TABLES}
            formulas: dict[str, dict[int, dict[int, str]]] = {}
            if _has_formulas(p):
                try:
                    formulas = _formula_cells(openpyxl, p, [sheets[keys[t]] for t in TABLES
                                                            if keys[t] in sheets])
                except Exception:  # the values read above stand; only the words are lost
                    formulas = {}
            for table_name in TABLES:
                key = keys[table_name]
                table = tables[table_name] = _Table(table_name, f"{name}[{key}]")
                if key not in sheets:
                    problems.append(_no_sheet(table_name, book.sheetnames, name))
                    continue
                _read_sheet(table, book[sheets[key]], problems, formulas.get(sheets[key]))
        finally:
            book.close()
        return tables, problems
    if path_kind(p) in ("missing", "broken-link", "error"):
        problem = open_problem(p)
        return {}, [problem or coded_problem("no-such-file", {"form": "folder"}, file=name)]
    if path_kind(p) != "dir":
        return {}, [Problem("tables are a folder (regions.csv, elements.csv, matches.csv) or an "
                            ".xlsx workbook", file=name, code="not-tables")]
    for table_name in TABLES:
        file = _table_file(p, table_name)
        table = tables[table_name] = _Table(table_name, os.path.join(name, file.name))
        _read_csv(table, file, max_bytes, problems)
    return tables, problems


def _no_sheet(table: str, sheet_names: Sequence[str], workbook: str) -> Problem:
    """The problem of a workbook with no sheet for ``table`` (in English or Indonesian), with
    a did-you-mean naming the sheet whose name is close to either (``region``, ``Unsur2``)."""
    alias = TABLE_NAMES_ID[table]
    known = set(TABLES) | set(TABLE_NAMES_ID.values())
    others = [s for s in sheet_names if _norm_header(s) not in known]
    close = did_you_mean(table, others) or did_you_mean(alias, others)
    return coded_problem("no-such-table", {
        "form": "sheet", "table": repr(table), "alias": repr(alias),
        "has": ", ".join(repr(s) for s in sheet_names)}, file=workbook, suggestion=close)


# --------------------------------------------------------------------------
# cells to the region file structure


def _number_text(value: Any) -> Any:
    """An id or code written as a number in a workbook, as it shows (``3374``, ``2.16``)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else repr(value)
    return value


def _as_number(value: Any, *, whole: bool) -> Any:
    """A number from a cell; text that is no number stays text, for the reader to report.

    Only plain decimal numbers count (``1000``, ``0.75``): ``1_000``, digits of other
    scripts, ``nan`` and ``inf`` stay texts, and so do exponents (``2.021e3``) where a whole
    number belongs (a budget, a year); a score may have one (``2.5e-05``)."""
    if isinstance(value, str):
        text = value.strip()
        if _WHOLE.fullmatch(text) and len(text) <= 60:
            return int(text)
        if len(text) > 60 or not (_DECIMAL if whole else _FRACTION).fullmatch(text):
            return text
        value = float(text)
    if whole and isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _as_rupiah(value: Any) -> Any:
    """A budget cell written as Indonesian spreadsheets write rupiah, as its whole number
    (:func:`smartsync.io._source.rupiah_amount`, the one reader of that form); ``"100.000"``
    alone as :data:`~smartsync.io._source.AMBIGUOUS_RUPIAH`; anything else as it was (a
    number, or a text the reader reports)."""
    if not isinstance(value, str):
        return value
    amount = rupiah_amount(value)
    return value if amount is None else amount


class _Places:
    """Gives every cell a number the reader takes for a line, and maps problems back to cells."""

    def __init__(self) -> None:
        self.places: list[tuple[str, int, str | None]] = [("", 0, None)]

    def mark(self, file: str, row: int, column: str | None) -> int:
        self.places.append((file, row, column))
        return len(self.places) - 1

    def cell(self, file: str, row: int, column: str, value: Any) -> Located:
        line = self.mark(file, row, column)
        if value is None:
            return Located(None, line)
        if column in _LIST_SEPARATORS:
            if isinstance(value, str):
                items = [i.strip() for i in _LIST_SEPARATORS[column].split(value)]
                items = [i for i in items if i]
                return Located([Located(i, line) for i in items], line)
            return Located(_number_text(value) if column == "parents" else value, line)
        if column in _IDS:
            value = _number_text(value)
            return Located(value.strip() if isinstance(value, str) else value, line)
        if column in _YEARS:
            return Located(_as_number(value, whole=True), line)
        if column == "budget":
            amount = _as_rupiah(value)
            if amount is AMBIGUOUS_RUPIAH:  # a text the reader refuses, never the decimal 100.0
                return Located(value.strip(), line)
            return Located(_as_number(amount, whole=True), line)
        if column == "score":
            return Located(_as_number(value, whole=False), line)
        if column in _TEXTS:
            return Located(_number_text(value), line)
        return Located(value.strip() if isinstance(value, str) else value, line)  # choices

    def row(self, file: str, row: int, cells: dict[str, Any], table: str,
            skip: Sequence[str] = ()) -> Located:
        """A row as a mapping; an empty optional cell is left out, an empty required one kept."""
        line = self.mark(file, row, None)
        required = REQUIRED_COLUMNS[table]
        items = {c: self.cell(file, row, c, v) for c, v in cells.items()
                 if c not in skip and (v is not None or c in required)}
        return Located(items, line, key_lines={c: node.line for c, node in items.items()})


def _region_id(value: Any) -> str | None:
    value = _number_text(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _problem_at(places: _Places, problem: Problem, fallback: tuple[str, int]) -> Problem:
    """A problem of the reader, its line (a cell number) turned back into table, row and column."""
    file, row, column = (places.places[problem.line] if problem.line is not None
                         else (fallback[0], fallback[1], None))
    where: Any = problem.place or problem.where
    message = problem.message
    values = problem.values
    if column is not None:
        if isinstance(where, Place):
            where = attrs.evolve(where, column=column)
        else:
            where = f"{where}, column {column}" if where else Place("column", column)
        if problem.code == "missing-field":
            message = "the cell is empty; a value is needed"
            values = None
    return Problem(message, file=file, line=row, where=where, severity=problem.severity,
                   suggestion=problem.suggestion, code=problem.code, values=values)


def _build(region_id: str, head: tuple[int, tuple[Any, ...]] | None, regions_file: str,
           elements: Sequence[tuple[str, int, tuple[Any, ...]]],
           matches: Sequence[tuple[str, int, tuple[Any, ...]]],
           extra: Sequence[Problem]) -> TableRegion:
    """One region from its rows, checked by the region file reader."""
    places = _Places()
    problems = list(extra)
    assert head is not None
    row_number, values = head
    cells = dict(zip(COLUMNS["regions"], values))
    source = f"{regions_file}:{row_number}"
    region_node = places.row(regions_file, row_number, cells, "regions", skip=tuple(_YEARS))
    root_line = region_node.line
    plans: dict[str, dict[str, Any]] = {}
    key_lines: dict[str, int | None] = {"region": root_line}
    for kind in ("rpjmd", "masterplan"):
        start = places.cell(regions_file, row_number, f"{kind}_start", cells.get(f"{kind}_start"))
        end = places.cell(regions_file, row_number, f"{kind}_end", cells.get(f"{kind}_end"))
        plans[kind] = {"period": Located([start, end], start.line), "elements": []}
        key_lines[kind] = places.mark(regions_file, row_number, None)
    for file, number, values in elements:
        row = dict(zip(COLUMNS["elements"], values))
        try:
            kind = PlanKind.parse(row.get("plan")).value if row.get("plan") is not None else None
        except ValueError:
            kind = None
            shown = row.get("plan")
            problems.append(Problem(
                f"unknown plan {shown!r}; expected rpjmd or masterplan", file=file,
                line=number, where=Place("column", "plan"), code="unknown-plan",
                suggestion=did_you_mean(str(shown).strip().lower(), ("rpjmd", "masterplan"))))
            continue
        if kind is None:
            problems.append(Problem("the cell is empty; a value is needed (rpjmd or masterplan)",
                                    file=file, line=number, where=Place("column", "plan"),
                                    code="missing-field"))
            continue
        plans[kind]["elements"].append(places.row(file, number, row, "elements",
                                                    skip=("region", "plan")))
    match_nodes = [places.row(file, number, dict(zip(COLUMNS["matches"], values)), "matches",
                              skip=("region",))
                   for file, number, values in matches]
    top = {"region": region_node,
           "rpjmd": Located({"period": plans["rpjmd"]["period"],
                             "elements": Located(plans["rpjmd"]["elements"], root_line)},
                            key_lines["rpjmd"]),
           "masterplan": Located({"period": plans["masterplan"]["period"],
                                  "elements": Located(plans["masterplan"]["elements"], root_line)},
                                 key_lines["masterplan"]),
           "matches": Located(match_nodes, root_line)}
    report = _Reader(regions_file).read(Located(top, root_line, key_lines=key_lines))
    # a cell whose formula has no stored value is said once, as such, not also as empty, and
    # at the element or region the reader names (its place, with the column)
    formulas = {(p.file, p.line, p.where): p for p in extra if p.code == "uncomputed-formula"}
    for p in report.problems:
        placed = _problem_at(places, p, (regions_file, row_number))
        cell = (placed.file, placed.line, (placed.where or "").rpartition(", ")[2])
        formula = formulas.get(cell) if placed.code == "missing-field" else None
        if formula is None:
            problems.append(placed)
            continue
        problems.remove(formula)
        problems.append(Problem(formula.message, file=placed.file, line=placed.line,
                                where=placed.place or placed.where, code=formula.code,
                                values=formula.values))
    order = {t: i for i, t in enumerate(TABLES)}
    problems.sort(key=lambda p: (_table_rank(p.file, order), p.line or 0))
    region = report.region if not any(p.severity is Severity.ERROR for p in problems) else None
    return TableRegion(region_id, source, region, tuple(problems))


def _table_rank(file: str | None, order: dict[str, int]) -> int:
    for name, rank in order.items():
        if file and (file.endswith(f"{name}.csv") or file.endswith(f"[{name}]")):
            return rank
    return len(order)


def iter_table_regions(path: PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[TableRegion]:
    """One :class:`TableRegion` per region of the tables at ``path``, never raising for bad input.

    ``path`` is a folder holding ``regions.csv``, ``elements.csv`` and
    ``matches.csv``, or an ``.xlsx`` workbook with the sheets ``regions``,
    ``elements`` and ``matches``. Regions come in the order of the regions
    table. After them come, as failed reports, rows that name a region id
    the regions table does not have (one report per such id) and rows with
    no region id. A table that cannot be used at all (missing, not UTF-8,
    unknown or missing columns) gives one failed report and nothing else.
    Raises :class:`ImportError` for a workbook when openpyxl is missing.
    """
    for group in table_rows(path, max_bytes=max_bytes):
        yield group.build() if isinstance(group, RegionRows) else group


@attrs.frozen
class RegionRows:
    """The rows of one region, gathered from the tables but not yet checked.

    :meth:`build` checks them and gives the :class:`TableRegion`; a batch
    does that in its worker processes. ``elements`` and ``matches`` hold
    (table file, row number, cells by column).
    """

    region_id: str
    regions_file: str
    head: tuple[int, tuple[Any, ...]]
    elements: tuple[tuple[str, int, tuple[Any, ...]], ...] = ()
    matches: tuple[tuple[str, int, tuple[Any, ...]], ...] = ()
    extra: tuple[Problem, ...] = ()

    @property
    def source(self) -> str:
        """Where the region's row is: ``.../regions.csv:3``."""
        return f"{self.regions_file}:{self.head[0]}"

    def build(self) -> TableRegion:
        """The region of these rows, checked as a region file is."""
        return _build(self.region_id, self.head, self.regions_file, self.elements, self.matches,
                      self.extra)


def table_rows(path: PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> Iterator[RegionRows | TableRegion]:
    """The rows of each region of the tables (:class:`RegionRows`), in the order of the regions
    table, then failed :class:`TableRegion` reports as :func:`iter_table_regions` gives them."""
    name = os.fspath(path)
    tables, fatal = _read_tables(path, max_bytes)
    if fatal:
        yield TableRegion(None, name, None, tuple(fatal))
        return
    regions_table = tables["regions"]
    heads: dict[str, tuple[int, tuple[Any, ...]]] = {}
    extra: dict[str, list[Problem]] = {}
    order: list[str] = []
    loose: list[Problem] = []
    for number, row, shape in regions_table.rows:
        region_id = _region_id(row[_INDEX["regions"]["id"]])
        if region_id is None:
            loose.append(shape or Problem("the region id cell is empty", file=regions_table.file,
                                          line=number, where=Place("column", "id"), code="missing-field"))
            continue
        if shape is not None:
            extra.setdefault(region_id, []).append(shape)
        if region_id in heads:
            extra.setdefault(region_id, []).append(coded_problem(
                "duplicate-region", {"region": repr(region_id), "first_row": heads[region_id][0],
                                     "form": "table"},
                file=regions_table.file, line=number, where=Place("region", column="id")))
            continue
        heads[region_id] = (number, row)
        order.append(region_id)
    rows: dict[str, dict[str, list[tuple[str, int, tuple[Any, ...]]]]] = {
        "elements": {}, "matches": {}}
    unknown: dict[str, list[Problem]] = {}
    for table_name in ("elements", "matches"):
        table = tables[table_name]
        for number, row, shape in table.rows:
            region_id = _region_id(row[_INDEX[table_name]["region"]])
            if region_id is None:
                loose.append(Problem("the region cell is empty; every row names its region",
                                     file=table.file, line=number, where=Place("column", "region"),
                                     code="missing-field"))
                if shape is not None:
                    loose.append(shape)
                continue
            if region_id not in heads:
                unknown.setdefault(region_id, []).append(Problem(
                    f"region {region_id!r} is not in the regions table", file=table.file,
                    line=number, where=Place("column", "region"), code="unknown-region",
                    suggestion=did_you_mean(region_id, order)))
                if shape is not None:
                    unknown[region_id].append(shape)
                continue
            if shape is not None:
                extra.setdefault(region_id, []).append(shape)
            rows[table_name].setdefault(region_id, []).append((table.file, number, row))
    for region_id in order:
        yield RegionRows(region_id, regions_table.file, heads[region_id],
                         tuple(rows["elements"].pop(region_id, ())),
                         tuple(rows["matches"].pop(region_id, ())),
                         tuple(extra.get(region_id, ())))
    for region_id, problems in unknown.items():
        yield TableRegion(region_id, problems[0].file or name, None, tuple(problems))
    if loose:
        yield TableRegion(None, name, None, tuple(loose))


def load_tables(path: PathLike, *, max_bytes: int = MAX_FILE_BYTES) -> list[Region]:
    """Every region of the tables at ``path`` (a folder of CSV files or an ``.xlsx`` workbook), in order.

    Raises one :class:`~smartsync.errors.RegionFileError` listing the
    problems of every bad region and row when any has errors.
    """
    reports = list(iter_table_regions(path, max_bytes=max_bytes))
    bad = [r for r in reports if r.region is None]
    if bad:
        raise RegionFileError(os.fspath(path), [p for r in bad for p in r.problems])
    return [r.region for r in reports if r.region is not None]


# --------------------------------------------------------------------------
# writing


#: the largest whole number an .xlsx workbook holds exactly as a number: Excel keeps 15
#: significant digits (a float holds every whole number up to 2^53, about 9.007 x 10^15);
#: :func:`dump_tables` writes a larger one (a budget above Rp 999 triliun) as its digits
EXACT_IN_A_SPREADSHEET = 10 ** 15 - 1


def _join(values: Sequence[str], separator: str, what: str, where: str) -> str | None:
    for value in values:
        if separator in value or (separator == "|" and what == "parents" and ";" in value):
            raise ValueError(f"{where}: {what} item {value!r} holds the separator {separator!r} "
                             "and cannot be written to a table cell")
    return separator.join(values) if values else None


def _table_rows(regions: Iterable[Region]) -> dict[str, list[list[Any]]]:
    out: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    for region in regions:
        out["regions"].append([region.id, region.name, region.kind.value, region.province,
                               region.rpjmd.period.start, region.rpjmd.period.end,
                               region.masterplan.period.start, region.masterplan.period.end])
        for plan in (region.rpjmd, region.masterplan):
            for e in plan.elements:
                where = f"region {region.id}, {plan.kind.value} element {e.id}"
                out["elements"].append([
                    region.id, plan.kind.value, e.id, e.level.value, e.text,
                    _join(e.parents, "|", "parents", where), e.code,
                    e.dimension.value if e.dimension else None,
                    _join(e.indicators, "|", "indicators", where), e.budget])
        for m in region.matches:
            where = f"region {region.id}, match {m.masterplan} -> {m.rpjmd}"
            out["matches"].append([region.id, m.masterplan, m.rpjmd, m.relation.value,
                                   m.source.value, m.score, m.note,
                                   _join(m.evidence, "|", "evidence", where)])
    return out


def _csv_text(value: Any) -> Any:
    """A cell as dump_tables writes it to CSV: a text a spreadsheet would execute (or one
    starting with ``'``) gets a leading ``'``, which the reader takes off again."""
    if isinstance(value, str) and value.startswith(_QUOTED_STARTS):
        return "'" + value
    return value


def _atomic_write(target: Path, write: Callable[[Any], None]) -> None:
    atomic_write(target, write)


def text_cell(sheet: Any, value: str) -> Any:
    """A cell of a write-only openpyxl ``sheet`` holding ``value`` as text, whatever it starts
    with (``=`` included: never a formula)."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def dump_tables(regions: Iterable[Region], path: PathLike) -> Path:
    """Write regions as tables: a folder of three CSV files, or an ``.xlsx`` workbook.

    A ``path`` ending in ``.xlsx`` gives a workbook (needs openpyxl);
    anything else a folder (created when missing) holding ``regions.csv``,
    ``elements.csv`` and ``matches.csv``, each written atomically. Reading
    the tables back gives equal regions, except that ids are read without
    surrounding spaces. Raises :class:`ValueError` for a parent id holding
    ``;`` or ``|``, or an indicator or evidence text holding ``|``.
    """
    rows = _table_rows(regions)
    target = Path(path)
    if target.suffix.lower() == ".xlsx":
        check_target(target)  # before the workbook is built: a refusal leaves nothing half made
        openpyxl = _openpyxl()
        book = openpyxl.Workbook(write_only=True)
        for name in TABLES:
            sheet = book.create_sheet(name)
            sheet.append(list(COLUMNS[name]))
            for row in rows[name]:
                cells = []
                for value in row:
                    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                        value = text_cell(sheet, value)
                    elif value.__class__ is int and abs(value) > EXACT_IN_A_SPREADSHEET:
                        # a spreadsheet keeps a number as a float (15 significant digits): a
                        # whole number past that is written as its digits, which read back whole
                        value = text_cell(sheet, str(value))
                    cells.append(value)
                sheet.append(cells)
        _atomic_write(target, book.save)
        return target
    make_output_folder(target)
    for name in TABLES:
        text = io.StringIO(newline="")
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow(COLUMNS[name])
        try:
            writer.writerows([["" if v is None else _csv_text(v) for v in row]
                              for row in rows[name]])
        except csv.Error as exc:  # NUL characters on Python 3.10
            raise ValueError(f"cannot write {name}.csv: {exc}") from None
        data = text.getvalue().encode("utf-8")
        _atomic_write(target / f"{name}.csv", lambda out, data=data: out.write(data))
    return target
