"""Readers: a PDF, Word, workbook or CSV file as a :class:`~smartsync.documents._doc.Document`.

Each reader needs its library only when it runs (the ``documents`` extra: pypdfium2,
pdfplumber, python-docx, openpyxl); a missing one is a clear error.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from ._doc import Document, DocumentError, Line, Table
from ._mend import CUT
from ._text import TOTAL_ROW, clean, numbering, unit_of

_CAPTION = re.compile(r"^\s*(tabel|table)\s+[\dIVX]", re.I)

__all__ = ["read_document", "SUFFIXES", "MAX_UNPACKED_BYTES", "MAX_PARTS", "MAX_XML_PART_BYTES",
           "MAX_ROWS", "MAX_CELLS", "MAX_MERGED", "MAX_PAGES"]

#: the file suffixes :func:`read_document` reads
SUFFIXES = (".pdf", ".docx", ".xlsx", ".xlsm", ".csv")

# Limits checked before the work they bound (docs/limits.rst); a program may change them.
#: what the parts of a .docx or .xlsx (a zip file) may unpack to, together
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
#: how many parts a .docx or .xlsx may hold
MAX_PARTS = 5_000
#: what one XML part (the text of a Word file, one sheet) may unpack to
MAX_XML_PART_BYTES = 100 * 1024 * 1024
#: rows with content in one CSV file or one sheet
MAX_ROWS = 100_000
#: cells of one sheet's table (rows with content x columns with content)
MAX_CELLS = 5_000_000
#: merged ranges in one sheet
MAX_MERGED = 100_000
#: pages of one PDF or Word file
MAX_PAGES = 5_000

Progress = Callable[[int, int], None]


def _need(module: str, package: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise DocumentError(package, "missing-reader", "missing-reader", package=package) from None


def read_document(path: str | os.PathLike[str], *, progress: Progress | None = None) -> Document:
    """Read one file by its suffix; raises :class:`DocumentError` for a file it cannot read."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DocumentError(name, "no-such-file", "no-such-file")
    if path.is_dir():
        raise DocumentError(name, "not-a-file", "not-a-file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, progress=progress)
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    raise DocumentError(name, "unknown-kind" if suffix else "unknown-kind.no-suffix", "unknown-kind",
                        suffix=suffix, suffixes=", ".join(SUFFIXES))


# --------------------------------------------------------------------------
# tables: workbooks and CSV


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        text = repr(value)
        if "." in text and len(text.split(".")[1]) == 3:
            text += "0"  # 1234.567 is a decimal, not 1,234,567
        return text
    if hasattr(value, "year") and hasattr(value, "month"):
        return str(getattr(value, "year"))
    return clean(str(value))


def read_xlsx(path: Path) -> Document:
    """Every visible sheet of a workbook as a table; merged cells marked as covered.

    The workbook is read in openpyxl's read-only mode, by its real cells: a sheet's declared
    dimension (which may say XFD1048576) is not trusted, rows and columns without content are
    left out (``rows_at`` keeps each row's number), and merged ranges are clipped to the data.
    Above :data:`MAX_ROWS`, :data:`MAX_CELLS` or :data:`MAX_MERGED` a sheet is refused with
    its numbers."""
    openpyxl = _need("openpyxl", "openpyxl")
    _check_package(path, "workbook", "xl/workbook.xml")
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise _unreadable(str(path), "unreadable-workbook", exc) from None
    items: list[Line | Table] = []
    notes: list[tuple[str, dict[str, Any]]] = []
    try:
        hidden = [sheet.title for sheet in book.worksheets
                  if getattr(sheet, "sheet_state", "visible") != "visible"]
        if hidden:
            notes.append(("draft.check.hidden-sheets", {"count": len(hidden),
                                                        "sheets": ", ".join(f'"{t}"' for t in hidden)}))
        for sheet in book.worksheets:
            if getattr(sheet, "sheet_state", "visible") != "visible":
                continue
            table = _sheet_table(path, book, sheet, notes)
            if table is not None:
                items.append(table)
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - a sheet's XML that breaks half-way
        raise _unreadable(str(path), "unreadable-workbook", exc) from None
    finally:
        book.close()
    return Document(str(path), items, pages=len(items), notes=notes)


def _unreadable(file: str, key: str, exc: BaseException) -> DocumentError:
    """A file its library could not read, with the library's own words (cut short; a parser's
    hint about huge input said as what it means)."""
    text = str(exc).strip() or type(exc).__name__
    if "XML_PARSE_HUGE" in text or "Huge input lookup" in text:
        return DocumentError(file, key, "corrupt", words={"detail": "doc.xml-too-large"})
    return DocumentError(file, key, "corrupt", detail=text[:200].rstrip("."))


class _Left:
    """What a sheet's reading left out or read otherwise than stored, for its check lines: hidden
    rows and columns with content, and cells shown scaled by their number format."""

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.columns: set[int] = set()
        self.scaled: list[tuple[int, int]] = []
        self.formats: list[str] = []


def _real_rows(sheet: Any, left: _Left | None = None) -> Iterable[tuple[int, dict[int, Any]]]:
    """The rows of a read-only sheet that hold cells, each as {column index (0-based): value}:
    only the cells written in the file (openpyxl's row iterator also yields every empty row and
    cell up to the declared or last dimension, a million rows for one stray cell). Hidden rows
    and columns are left out, and a number shown scaled by its format read as shown; ``left``,
    when given, gets which (for the check lines)."""
    try:
        from openpyxl.worksheet._reader import WorkSheetParser

        book = sheet.parent
        source = sheet._get_source()
        parser = WorkSheetParser(source, sheet._shared_strings, data_only=book.data_only,
                                 epoch=book.epoch, date_formats=book._date_formats,
                                 timedelta_formats=book._timedelta_formats)
    except (ImportError, AttributeError, TypeError):  # pragma: no cover - another openpyxl
        sheet.reset_dimensions()
        for number, values in enumerate(sheet.iter_rows(values_only=True), 1):
            if values:
                yield number, {c: v for c, v in enumerate(values) if v is not None}
        return
    with source:
        hidden_columns: set[int] | None = None
        for number, row in parser.parse():
            if hidden_columns is None:  # the sheet's <cols> come before its rows
                hidden_columns = _hidden_columns(parser.column_dimensions)
            if _is_hidden(parser.row_dimensions.get(str(number))):
                # a row the sheet hides (a retired program, a draft's figures): not shown, not read
                if left is not None and any(_cell_text(cell.get("value")) for cell in row):
                    left.rows.append(number)
                continue
            if not row:
                continue
            values: dict[int, Any] = {}
            for cell in row:
                value, column = cell.get("value"), cell["column"] - 1
                if value is None:
                    continue
                if column in hidden_columns:
                    if left is not None and _cell_text(value):
                        left.columns.add(column)
                    continue
                shown = _shown_number(book, cell.get("style_id"), value)
                if left is not None and shown != value:
                    left.scaled.append((number, column))
                    kind = _number_format(book, cell.get("style_id"))
                    if kind and kind not in left.formats:
                        left.formats.append(kind)
                values[column] = shown
            yield number, values


def _is_hidden(attributes: dict[str, Any] | None) -> bool:
    return bool(attributes) and str(attributes.get("hidden", "0")).lower() in ("1", "true")  # type: ignore[union-attr]


def _hidden_columns(dimensions: dict[str, dict[str, Any]]) -> set[int]:
    """The 0-based columns a sheet hides (``<col min=".." max=".." hidden="1"/>``)."""
    out: set[int] = set()
    for attributes in dimensions.values():
        if _is_hidden(attributes):
            try:
                first, last = int(attributes["min"]), int(attributes.get("max", attributes["min"]))
            except (KeyError, ValueError):
                continue
            out.update(range(first - 1, min(last, first + 16384)))
    return out


_SCALING = re.compile(r"[0#?](,+)(?=$|[^0#?.,]|\.)")


def _number_format(book: Any, style_id: Any) -> str | None:
    """A cell's own number format (``None`` for a built-in one: none scales)."""
    try:
        number_format = book._cell_styles[style_id].numFmtId
        if number_format < 164:
            return None
        return str(book._number_formats[number_format - 164])
    except (AttributeError, IndexError, KeyError, TypeError):
        return None


def _shown_number(book: Any, style_id: Any, value: Any) -> Any:
    """A number as its cell's number format shows it: Excel's scaling commas ('#,##0,' shows
    1250000000 as 1.250.000, in thousands; '#,##0,,' in millions) divide it, as the sheet's
    reader sees it under a caption "(dalam ribuan rupiah)"."""
    if not style_id or isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    text = _number_format(book, style_id)
    if text is None:
        return value
    section = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", text.split(";")[0])
    found = _SCALING.search(section)
    if found is None:
        return value
    decimals = len(re.findall(r"[0#?]", section.split(".", 1)[1])) if "." in section else 0
    shown = round(value / 1000 ** len(found.group(1)), decimals)
    return int(shown) if decimals == 0 else shown


def _sheet_table(path: Path, book: Any, sheet: Any,
                 notes: list[tuple[str, dict[str, Any]]] | None = None) -> Table | None:
    from openpyxl.utils import get_column_letter

    name = str(path)
    kept: list[tuple[int, dict[int, str]]] = []
    cells = 0
    last_row = last_col = 0
    left = _Left()
    for number, values in _real_rows(sheet, left):  # the real cells: the declared dimension is not trusted
        texts = {c: t for c, t in ((c, _cell_text(v)) for c, v in values.items()) if t}
        if not texts:
            continue
        last_row, last_col = number, max(last_col, max(texts) + 1)
        kept.append((number, texts))
        cells += len(texts)
        if len(kept) > MAX_ROWS or cells > MAX_CELLS:
            raise DocumentError(name, "sheet-range.rows" if len(kept) > MAX_ROWS else "sheet-range.cells",
                                "too-large", sheet=repr(sheet.title), cell=f"{get_column_letter(last_col)}{last_row}",
                                limit=MAX_ROWS if len(kept) > MAX_ROWS else MAX_CELLS)
    if notes is not None:
        _say_left(notes, sheet.title, left)
    if not kept:
        return None
    used = sorted({c for _, texts in kept for c in texts})
    if len(kept) * len(used) > MAX_CELLS:
        raise DocumentError(name, "sheet-cells", "too-large", sheet=repr(sheet.title), rows=len(kept),
                            columns=len(used), cells=len(kept) * len(used), limit=MAX_CELLS)
    rows = [[texts.get(c, "") for c in used] for _, texts in kept]
    rows_at: list[int | None] = [number for number, _ in kept]
    _refuse_uncomputed(path, sheet.title, rows, rows_at, used)
    covered = [[False] * len(used) for _ in rows]
    across = [[False] * len(used) for _ in rows]
    _mark_merged(path, book, sheet, rows_at, used, covered, across)
    return Table(rows, covered, across, rows_at=rows_at, sheet=sheet.title)


def _say_left(notes: list[tuple[str, dict[str, Any]]], sheet: str, left: _Left) -> None:
    """The check lines of what a sheet's reading left out or scaled, with where: its rows,
    columns and cells."""
    from openpyxl.utils import get_column_letter

    if left.rows:
        notes.append(("draft.check.hidden-rows", {"sheet": f'"{sheet}"', "count": len(left.rows),
                                                  "rows": _ranges(left.rows)}))
    if left.columns:
        notes.append(("draft.check.hidden-columns", {
            "sheet": f'"{sheet}"', "count": len(left.columns),
            "columns": ", ".join(get_column_letter(c + 1) for c in sorted(left.columns))}))
    if left.scaled:
        shown = [f"{get_column_letter(c + 1)}{r}" for r, c in left.scaled]
        cells = ", ".join(shown[:6]) + (f", … (+{len(shown) - 6})" if len(shown) > 6 else "")
        notes.append(("draft.check.scaled-format", {"sheet": f'"{sheet}"', "count": len(shown), "cells": cells,
                                                    "format": ", ".join(f"'{f}'" for f in left.formats[:3])}))


def _merged_ranges(path: Path, book: Any, sheet: Any) -> Iterable[tuple[int, int, int, int]]:
    """The merged ranges of a sheet (min_col, min_row, max_col, max_row), read from its XML as a
    stream (openpyxl's read-only mode does not give them)."""
    import xml.etree.ElementTree as ET
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    part = getattr(sheet, "_worksheet_path", None)
    if not part:
        return
    tag = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"
    with zipfile.ZipFile(path) as archive, archive.open(part.lstrip("/")) as handle:
        count = 0
        for _, element in ET.iterparse(handle, events=("end",)):
            if element.tag == tag:
                count += 1
                if count > MAX_MERGED:
                    raise DocumentError(str(path), "sheet-merged", "too-large", sheet=repr(sheet.title),
                                        limit=MAX_MERGED)
                try:
                    bounds = range_boundaries(element.get("ref", ""))
                except (ValueError, TypeError):
                    bounds = (None,)
                if None not in bounds:
                    yield bounds  # type: ignore[misc]
            element.clear()


def _mark_merged(path: Path, book: Any, sheet: Any, rows_at: list[int | None], used: list[int],
                 covered: list[list[bool]], across: list[list[bool]]) -> None:
    """Mark the cells a merged range covers, the range clipped to the rows and columns kept."""
    numbers = [n for n in rows_at if n is not None]
    for min_col, min_row, max_col, max_row in _merged_ranges(path, book, sheet):
        r0, r1 = bisect.bisect_left(numbers, min_row), bisect.bisect_right(numbers, max_row)
        c0, c1 = bisect.bisect_left(used, min_col - 1), bisect.bisect_right(used, max_col - 1)
        for r in range(r0, r1):
            for c in range(c0, c1):
                row, col = numbers[r], used[c] + 1
                if (row, col) == (min_row, min_col):
                    continue
                if col == min_col:
                    covered[r][c] = True
                else:
                    across[r][c] = True
                    covered[r][c] = row > min_row


def _refuse_uncomputed(path: Path, sheet: str, rows: list[list[str]], rows_at: list[int | None],
                       used: list[int]) -> None:
    """A formula whose value the workbook does not hold (written by a program that does not
    compute formulas) reads as an empty cell: a pagu silently lost. Refuse it, naming the cells."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    wanted = {n: r for r, n in enumerate(rows_at)}
    place = {c: k for k, c in enumerate(used)}
    missing: list[str] = []
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        try:
            formulas = book[sheet]
            for number, row in _real_rows(formulas):
                r = wanted.get(number)
                for c, value in row.items():
                    if not (isinstance(value, str) and value.startswith("=")):
                        continue
                    k = place.get(c)
                    if r is None or k is None or not rows[r][k]:
                        missing.append(f"{get_column_letter(c + 1)}{number}")
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - the values were read; this second look is only a check
        return
    if missing:
        raise DocumentError(str(path), "uncomputed.more" if len(missing) > 5 else "uncomputed", "uncomputed",
                            sheet=repr(sheet), cells=", ".join(missing[:5]), more=len(missing) - 5)


def _kind_of(head: bytes) -> str | None:
    """What a file is by its first bytes, when it is a kind a planner may have misnamed."""
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "old Office"
    if head.startswith(b"{\\rtf"):
        return "RTF"
    if head.lstrip()[:1] == b"<":
        return "HTML"
    return None


def _check_package(path: Path, what: str, main_part: str) -> None:
    """Refuse a .docx or .xlsx before it is unpacked: empty, not a zip (naming what it is),
    without its main part, or whose parts are too many or unpack to more than the limits."""
    import zipfile

    name = str(path)
    suffix = ".xlsx" if what == "workbook" else ".docx"
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise DocumentError(name, "cannot-open", "unreadable", reason=exc.strerror or str(exc)) from None
    kind = {"what": f"doc.kind.{what}"}
    if size == 0:
        raise DocumentError(name, "empty-package", "empty", words=kind)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise DocumentError(name, "old-or-encrypted", "corrupt", words=kind, suffix=suffix)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError):
        other = _kind_of(head)
        if other:
            raise DocumentError(name, "not-package.other-kind", "corrupt",
                                words={**kind, "kind": f"doc.kind.{other}"}) from None
        raise DocumentError(name, "not-package", "corrupt", words=kind) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise DocumentError(name, "too-many-parts", "too-large", parts=len(infos), limit=MAX_PARTS)
        names = {info.filename for info in infos}
        if main_part not in names:
            other = ("workbook" if "xl/workbook.xml" in names else
                     "Word file" if "word/document.xml" in names else
                     "presentation" if "ppt/presentation.xml" in names else None)
            if other:
                raise DocumentError(name, "not-package.is-other", "corrupt",
                                    words={**kind, "other": f"doc.kind.{other}"})
            raise DocumentError(name, "not-package.zip", "corrupt", words=kind)
        unpacked = sum(info.file_size for info in infos)
        if unpacked > MAX_UNPACKED_BYTES:
            raise DocumentError(name, "unpacks-to", "too-large", bytes=unpacked, limit=MAX_UNPACKED_BYTES)
        for info in infos:
            if info.filename.endswith((".xml", ".rels")) and info.file_size > MAX_XML_PART_BYTES:
                raise DocumentError(name, "part-unpacks-to", "too-large", part=info.filename,
                                    bytes=info.file_size, limit=MAX_XML_PART_BYTES)


def _csv_dialect(sample: str) -> Any:
    """The separator that splits the most lines into the same number of fields. The sniffer of
    the standard library gives up on a file whose title rows above the header hold no separator,
    and takes the commas of "1,250,000" for separators in a file separated by semicolons: it is
    asked only when no separator splits a line."""
    lines = sample.splitlines()[:200]
    best, best_score = csv.excel, (0, 0)
    for sep in (";", ",", "\t", "|"):
        widths = [len(row) for row in csv.reader(lines, delimiter=sep) if len(row) > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = (widths.count(common), common)  # the most lines alike first, then the widest
        if score > best_score:
            best_score = score
            best = type("_Sep", (csv.excel,), {"delimiter": sep})
    if best_score == (0, 0):
        try:
            return csv.Sniffer().sniff(sample, delimiters=",;\t|")
        except csv.Error:
            pass
    return best


def read_csv(path: Path) -> Document:
    """A CSV file (comma, semicolon or tab separated; UTF-8 or Windows-1252) as one table."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise DocumentError(str(path), "csv-binary", "corrupt")
    if not text.strip():
        raise DocumentError(str(path), "csv-empty", "empty")
    dialect = _csv_dialect(text[:20000])
    rows: list[list[str]] = []
    rows_at: list[int | None] = []
    try:
        reader = csv.reader(io.StringIO(text), dialect)
        for row in reader:
            texts = [clean(c) for c in row]
            while texts and not texts[-1]:
                texts.pop()
            if not texts:
                continue
            rows.append(texts)
            rows_at.append(reader.line_num)
            if len(rows) > MAX_ROWS:
                raise DocumentError(str(path), "csv-rows", "too-large", limit=MAX_ROWS)
    except csv.Error as exc:
        raise DocumentError(str(path), "csv-unreadable", "corrupt", line=reader.line_num,
                            detail=str(exc).rstrip(".")) from None
    width = max(len(r) for r in rows)
    if len(rows) * width > MAX_CELLS:
        raise DocumentError(str(path), "csv-cells", "too-large", rows=len(rows), columns=width,
                            cells=len(rows) * width, limit=MAX_CELLS)
    return Document(str(path), [Table(rows, rows_at=rows_at)], pages=1)


# --------------------------------------------------------------------------
# Word


@functools.lru_cache(maxsize=1)
def _word_tags() -> dict[str, str]:
    from docx.oxml.ns import qn

    return {name: qn(f"w:{name}") for name in ("p", "r", "del", "moveFrom", "txbxContent", "rPr", "vertAlign",
                                                "strike", "dstrike", "val", "sdt", "sdtContent", "customXml",
                                                "tbl", "tc", "smartTag")}


def _paragraph_text(p: Any) -> str:
    """A Word paragraph's text as Word shows it: the runs of tracked insertions (w:ins), content
    controls (w:sdt), simple fields (w:fldSimple), smart tags and hyperlinks read as any run;
    tracked deletions (w:del, w:moveFrom), text struck through by hand and a footnote marker set
    in superscript after a figure or a word ("2.500" + superscript "1", "Governance" + "2") left
    out (after a unit, "m" + "2", kept); a text box's own
    paragraphs are not this paragraph's."""
    w = _word_tags()
    stop = {w["del"], w["moveFrom"], w["txbxContent"], w["p"]}
    out: list[str] = []
    for run in p.iter(w["r"]):
        node, inside = run.getparent(), False
        while node is not None and node is not p:
            if node.tag in stop:
                inside = True
                break
            node = node.getparent()
        if inside:
            continue
        text = run.text
        if not text:
            continue
        props = run.find(w["rPr"])
        if props is not None:
            struck = [props.find(w["strike"]), props.find(w["dstrike"])]
            if any(x is not None and x.get(w["val"], "true") not in ("0", "false", "off") for x in struck):
                continue
            align = props.find(w["vertAlign"])
            if align is not None and align.get(w["val"]) == "superscript" and \
                    re.fullmatch(r"\s*[\d*]{1,3}\)?\s*", text) and "".join(out).strip() and \
                    not _UNIT_BEFORE.search("".join(out)):
                continue  # a footnote mark after a figure or a word ("2.500¹", "Governance²"), not a unit's
        out.append(text)
    return "".join(out)


def _blocks(parent: Any) -> Iterable[Any]:
    """The paragraphs and tables of a body or a cell in order, those of a block-level content
    control (w:sdt, a Word template's) or custom XML element among them."""
    w = _word_tags()
    for child in parent.iterchildren():
        if child.tag == w["sdt"]:
            content = child.find(w["sdtContent"])
            if content is not None:
                yield from _blocks(content)
        elif child.tag == w["customXml"]:
            yield from _blocks(child)
        else:
            yield child


def _lift_text_boxes(body: Any) -> None:
    """The paragraphs and tables of each text box (``w:txbxContent``: Insert > Text Box, a
    designed page's vision or mission list) moved right after the paragraph that anchors it,
    in order, so that they are read where Word shows them; a text box's second copy (the
    ``mc:Fallback`` of an ``mc:AlternateContent``, for older Word) is not read again."""
    from docx.oxml.ns import qn

    box, paragraph_tag = qn("w:txbxContent"), qn("w:p")
    fallback = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
    after: dict[Any, Any] = {}
    for content in list(body.iter(box)):
        anchor, outer, skip = None, content.getparent(), False
        while outer is not None and outer is not body:
            if outer.tag == fallback or outer.tag == box:
                skip = True  # the old copy, or a box inside a box (moved with its box)
                break
            if outer.tag == paragraph_tag:
                anchor = outer
            outer = outer.getparent()
        if skip or anchor is None or anchor.getparent() is None:
            continue
        holder = anchor.getparent()
        at = holder.index(after.get(anchor, anchor))
        for child in list(content):
            if child.tag in (paragraph_tag, qn("w:tbl"), qn("w:sdt")):
                at += 1
                holder.insert(at, child)
                after[anchor] = child


def read_docx(path: Path) -> Document:
    """Paragraphs and tables of a Word file in order; pages counted at page breaks."""
    docx = _need("docx", "python-docx")
    _check_package(path, "Word file", "word/document.xml")
    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise _unreadable(str(path), "unreadable-word", exc) from None
    from docx.oxml.ns import qn

    body = document.element.body
    _lift_text_boxes(body)  # a text box's paragraphs read after the paragraph anchoring it
    items: list[Line | Table] = []
    page = 1
    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    br_tag, type_attr = qn("w:br"), qn("w:type")
    rendered = qn("w:lastRenderedPageBreak")
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    sect_tag, sect_type, val_attr = qn("w:sectPr"), qn("w:type"), qn("w:val")
    before_tag = qn("w:pageBreakBefore")
    # Word's own pagination (the breaks it rendered when it last saved the file), when the file
    # holds it; else the breaks written in it: page breaks, breaks before a paragraph, and section
    # breaks that start a new page (a landscape section)
    use_rendered = next(body.iter(rendered), None) is not None

    text_tag = qn("w:t")

    def breaks(element: Any) -> int:
        return sum(split_breaks(element))

    def split_breaks(element: Any) -> tuple[int, int]:
        """The page breaks of a paragraph before its first text, and after it."""
        leading = trailing = 0
        seen_text = False
        for node in element.iter(text_tag, br_tag, rendered):
            if node.tag == text_tag:
                seen_text = seen_text or bool((node.text or "").strip())
                continue
            if (node.tag == rendered) if use_rendered else (node.tag == br_tag and node.get(type_attr) == "page"):
                if seen_text:
                    trailing += 1
                else:
                    leading += 1
        return leading, trailing

    def starts_page(element: Any) -> bool:
        if use_rendered:
            return False
        node = element.find(f"{qn('w:pPr')}/{before_tag}")
        return node is not None and node.get(val_attr, "true") not in ("0", "false", "off")

    # a section's properties sit in the paragraph that ends it (the last section's in the body);
    # its type says how that section starts: a paragraph ending a section is followed by a new
    # page when the NEXT section is not "continuous"
    sections: list[tuple[Any, Any]] = []
    for child in body.iterchildren(p_tag):
        ppr = child.find(qn("w:pPr"))
        sect = ppr.find(sect_tag) if ppr is not None else None
        if sect is not None:
            sections.append((child, sect))
    last = body.find(sect_tag)
    new_page_after: set[Any] = set()
    for k, (paragraph_end, _) in enumerate(sections):
        following = sections[k + 1][1] if k + 1 < len(sections) else last
        kind = following.find(sect_type) if following is not None else None
        if kind is None or kind.get(val_attr) != "continuous":
            new_page_after.add(paragraph_end)

    def section_break(element: Any) -> bool:
        """A paragraph ending a section whose next section starts on a new page."""
        return not use_rendered and element in new_page_after

    counters: dict[str, list[int]] = {}
    # a style's name by the paragraph's style id (None: the default paragraph style), found
    # once per id: python-docx looks a paragraph's style up among every style of the
    # document each time it is asked (most of the CPU of a long Word plan before)
    style_names: dict[Any, str] = {}
    pending_section = False
    tracked = _Tracked()
    # a table typed without a table: paragraphs whose columns are set with tabs (no borders,
    # no cells); two or more such paragraphs in a row are read as a table
    tab_rows: list[tuple[list[str], int, bool]] = []

    def flush() -> None:
        tail: list[tuple[list[str], int, bool]] = []
        while tab_rows and len(tab_rows[-1][0]) == 1:  # a paragraph after the table is no row of it
            tail.insert(0, tab_rows.pop())
        if len(tab_rows) >= 2:
            width = max(len(cells) for cells, _, _ in tab_rows)
            items.append(Table([cells + [""] * (width - len(cells)) if len(cells) > 1 else [cells[0]] * width
                                for cells, _, _ in tab_rows], pages=[p for _, p, _ in tab_rows]))
        else:
            tail = tab_rows + tail
        items.extend(Line(clean(" ".join(c for c in cells if c)), p, None, b) for cells, p, b in tail)
        tab_rows.clear()

    for child in _blocks(body):
        if page > MAX_PAGES:
            raise DocumentError(str(path), "word-pages", "too-large", limit=MAX_PAGES)
        if pending_section and child.tag in (p_tag, tbl_tag):
            page += 1
            pending_section = False
        tracked.look(child, page)
        if child.tag == p_tag:
            if starts_page(child) and items:
                page += 1
            paragraph = Paragraph(child, document)
            leading, before = split_breaks(child)
            pending_section = section_break(child)
            text = _paragraph_text(child)
            page += leading
            if before and not text.strip():
                page += before
                continue
            style_id = child.style
            style = style_names.get(style_id)
            if style is None:
                found = paragraph.style
                style = style_names[style_id] = (found.name or "") if found is not None else ""
            bold = style.lower().startswith(("heading", "title")) or bool(
                paragraph.runs and all(r.bold for r in paragraph.runs if r.text.strip()))
            if text.count("\t") >= 2 and "\n" not in text.strip():
                tab_rows.append((_tab_cells(paragraph, text), page, bold))
                page += before
                continue
            if tab_rows and text.strip() and "\n" not in text.strip() and _TAB_GROUP.match(text.strip()):
                # a group row ("Sasaran 1.2: ...") or a total row typed between the rows
                tab_rows.append(([clean(text)], page, bold))
                page += before
                continue
            flush()
            text = _list_number(child, style, text, counters)
            for k, part in enumerate(text.split("\n")):
                if part.strip():  # a paragraph; its parts after a line break may go on with it
                    items.append(Line(clean(part), page, None, bold, True if k == 0 else None))
            page += before
        elif child.tag == tbl_tag:
            flush()
            table = DocxTable(child, document)
            items.extend(_docx_tables(table, page, document))
            page += breaks(child)
    flush()
    return Document(str(path), items, pages=page, notes=tracked.notes())


class _Tracked:
    """The tracked changes of a Word body, met block by block: a table row deleted with Track
    Changes (``w:trPr/w:del``) taken out of the table (Word shows it struck through, as gone),
    and the insertions and deletions counted with their pages, for the check lines (the text of
    a paragraph is read with every change accepted: :func:`_paragraph_text`)."""

    def __init__(self) -> None:
        from docx.oxml.ns import qn

        self.ins = (qn("w:ins"), qn("w:moveTo"))
        self.dels = (qn("w:del"), qn("w:moveFrom"))
        self.marks = (qn("w:rPr"), qn("w:pPr"), qn("w:trPr"), qn("w:tcPr"))
        self.row_props, self.row = qn("w:trPr"), qn("w:tr")
        self.texts = (qn("w:t"), qn("w:delText"))
        self.cell = qn("w:tc")
        self.inserted = self.deleted = 0
        self.pages: list[int] = []
        self.rows: list[str] = []
        self.row_pages: list[int] = []

    def look(self, block: Any, page: int) -> None:
        """Count a block's changes (a paragraph's or a table's), its deleted rows taken out."""
        for mark in list(block.iter(*self.dels)):
            props = mark.getparent()
            if props is None or props.tag != self.row_props:
                continue
            row = props.getparent()
            if row is None or row.tag != self.row or row.getparent() is None:
                continue
            cells = [clean("".join(t.text or "" for t in cell.iter(*self.texts))) for cell in row.iter(self.cell)]
            said = " | ".join(c for c in cells if c)
            if said:
                self.rows.append(f'"{said[:100]}…"' if len(said) > 100 else f'"{said}"')
                self.row_pages.append(page)
            row.getparent().remove(row)
        found = False
        for mark in block.iter(*self.ins, *self.dels):
            parent = mark.getparent()
            if parent is not None and (parent.tag in self.marks or parent.tag.endswith("PrChange")):
                if mark.tag in self.ins and parent.tag == self.row_props:
                    self.inserted += 1  # an inserted row (its text is counted on its own)
                    found = True
                continue  # a paragraph mark or a format change: no text of its own
            if mark.tag in self.ins:
                self.inserted += 1
            else:
                self.deleted += 1
            found = True
        if found or self.row_pages[-1:] == [page]:
            if page not in self.pages:
                self.pages.append(page)

    def notes(self) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        if self.inserted or self.deleted or self.rows:
            out.append(("draft.check.tracked-changes", {"inserted": self.inserted,
                                                        "deleted": self.deleted + len(self.rows),
                                                        "pages": _ranges(sorted(self.pages))}))
        if self.rows:
            out.append(("draft.check.deleted-rows", {"count": len(self.rows),
                                                     "pages": _ranges(sorted(set(self.row_pages))),
                                                     "rows": "; ".join(self.rows[:5]) + (
                                                         f"; … (+{len(self.rows) - 5})" if len(self.rows) > 5 else "")}))
        return out


def _list_number(paragraph: Any, style: str, text: str, counters: dict[str, list[int]]) -> str:
    """A paragraph of a Word list numbered by Word itself (its "1." or bullet is no part of the
    text) gets the number it shows in front ("1. ", "2. "), so that it reads as a numbered item."""
    low = style.lower()
    if not text.strip() or low.startswith(("heading", "title", "judul")):
        return text
    ppr = paragraph.pPr
    numpr = ppr.numPr if ppr is not None else None
    if numpr is not None and numpr.numId is not None and numpr.numId.val:
        key, level = f"num{numpr.numId.val}", int(numpr.ilvl.val) if numpr.ilvl is not None else 0
    elif low.startswith(("list number", "list bullet")):
        digit = re.search(r"(\d)$", low)
        key, level = low.rstrip(" 0123456789"), int(digit.group(1)) - 1 if digit else 0
    else:
        return text
    count = counters.setdefault(key, [])
    del count[level + 1:]
    count.extend([0] * (level + 1 - len(count)))
    count[level] += 1
    label, number, _ = numbering(text)
    if label is not None or number is not None:
        return text  # numbered by hand as well
    if level > 0:  # an item of a list nested in another: a sub-point of the item above it
        return f"• {text}"
    return f"{count[level]}. {text}"


#: a paragraph between the rows of a table typed with tabs that is a row of it: a group row or a total
_TAB_GROUP = re.compile(r"^(misi|tujuan|sasaran|urusan|bidang)\b|" + TOTAL_ROW.pattern[1:], re.I)


def _tab_cells(paragraph: Any, text: str) -> list[str]:
    """The cells of a paragraph typed with tabs: at each tab where the paragraph (or its style)
    sets its own tab stops, one a column (two tabs in a row: an empty cell); else at each run
    of tabs (tabs repeated to reach Word's default stops)."""
    stops = False
    try:
        style = paragraph.style
        stops = bool(len(paragraph.paragraph_format.tab_stops)) or bool(
            style is not None and len(style.paragraph_format.tab_stops))
    except Exception:  # noqa: BLE001 - a paragraph without properties: default stops
        stops = False
    cells = text.rstrip(" ").split("\t") if stops else re.split(r"\t+", text.strip("\t "))
    return [clean(c) for c in cells]


def _docx_tables(table: Any, page: int, document: Any, depth: int = 0) -> list[Line | Table]:
    """A Word table, or, where its cells hold tables (a table used to lay a page out), the
    paragraphs and tables inside its cells in order: a program table nested in a layout table
    is read as the table it is (tables nested deeper than eight levels are read as tables of
    their cells' text)."""
    from docx.oxml.ns import qn

    tbl_tag = qn("w:tbl")
    if depth >= 8 or next(table._tbl.iterdescendants(tbl_tag), None) is None:
        return [_docx_table(table, page)]
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    out: list[Line | Table] = []
    seen: set[Any] = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # a merged cell is met once
                continue
            seen.add(cell._tc)
            for child in cell._tc.iterchildren():
                if child.tag == qn("w:p"):
                    text = _paragraph_text(child)
                    out.extend(Line(clean(part), page) for part in text.split("\n") if part.strip())
                elif child.tag == tbl_tag:
                    out.extend(_docx_tables(DocxTable(child, cell), page, document, depth + 1))
    return out


def _docx_table(table: Any, page: int) -> Table:
    rows: list[list[str]] = []
    covered: list[list[bool]] = []
    across: list[list[bool]] = []
    previous: list[Any] = []
    for row in table.rows:
        cells = list(row.cells)
        texts, down, right = [], [], []
        for c, cell in enumerate(cells):
            tc = cell._tc
            is_right = c > 0 and cells[c - 1]._tc is tc
            is_down = c < len(previous) and previous[c] is tc
            right.append(is_right)
            down.append(is_down)
            texts.append("" if (is_right or is_down) else clean("\n".join(
                _paragraph_text(p) for p in _blocks(tc) if p.tag == _word_tags()["p"])))
        previous = [cell._tc for cell in cells]
        rows.append(texts)
        covered.append(down)
        across.append(right)
    return Table(rows, covered, across, pages=[page] * len(rows))


# --------------------------------------------------------------------------
# PDF


_REOPEN_EVERY = 50


def _no_pages(path: Path) -> bool:
    """Whether the PDF parses (with pdfminer) and holds no page."""
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            return len(pdf.pages) == 0
    except Exception:  # noqa: BLE001 - any failure here means: not a PDF of no pages
        return False


def _encrypted(path: Path) -> bool:
    """Whether the PDF's trailer names an encryption dictionary (``/Encrypt``: every
    encrypted PDF has one)."""
    try:
        with open(path, "rb") as handle:
            return b"/Encrypt" in handle.read()
    except OSError:
        return False


def read_pdf(path: Path, *, progress: Progress | None = None) -> Document:
    """Text lines and tables of a text PDF, page by page; scanned pages refused.

    Characters and rulings are read with pypdfium2 (PDFium, fast); ruled tables are found
    from the rulings with pdfplumber's table geometry (edges, intersections, cells).
    """
    pdfium = _need("pypdfium2", "pypdfium2")
    _need("pdfplumber", "pdfplumber")
    name = str(path)
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        # PDFium's error code is the last one it set, in this process: a PDF of no pages
        # leaves the code of the document read before it ("Incorrect password error" after
        # an encrypted one), so the file itself says what is wrong with it
        if _no_pages(path):
            raise DocumentError(name, "pdf-no-pages", "corrupt") from None
        if _encrypted(path):
            raise DocumentError(name, "pdf-encrypted", "encrypted") from None
        text = str(exc).strip().rstrip(".")
        if "password" in text.lower() or "security" in text.lower():  # stale: the file is not
            text = "Failed to load document"
        raise DocumentError(name, "pdf-unreadable", "corrupt", detail=text) from None
    items: list[Line | Table] = []
    scanned: list[int] = []
    raw_pages: list[list[tuple[float, Line | Table]]] = []
    watermarks: dict[str, list[int]] = {}
    try:
        total = len(pdf)
        if total > MAX_PAGES:
            raise DocumentError(name, "pdf-pages", "too-large", pages=total, limit=MAX_PAGES)
        for number in range(1, total + 1):
            if number % _REOPEN_EVERY == 0:  # PDFium's caches grow with the pages read: let them go
                pdf.close()
                pdf = pdfium.PdfDocument(str(path))
            try:
                page = pdf[number - 1]
                try:
                    placed = _pdfium_page(page, number, watermarks)
                finally:
                    page.close()
            except DocumentError:
                raise
            except Exception as exc:
                raise DocumentError(name, "pdf-page-unreadable", "corrupt", page=number,
                                    detail=type(exc).__name__) from None
            if placed is None:
                scanned.append(number)
                placed = []
            raw_pages.append(placed)
            if progress is not None:
                progress(number, total)
    finally:
        pdf.close()
    if scanned:
        raise DocumentError(name, "scanned.many" if len(scanned) > 1 else "scanned", "scanned",
                            pages=_ranges(scanned))
    _drop_running(raw_pages)
    vocabulary = _mend_lines(raw_pages)
    columns: list[_Column] | None = None
    for index, placed in enumerate(raw_pages):
        page_items, columns = _borderless([item for _, item in placed], columns)
        above: _Segments | None = None
        for item in page_items:  # keep a line's text, not its word positions
            if isinstance(item, Table) and getattr(item, "pieces", None):
                _mend_table(item, vocabulary())
            if isinstance(item, _Segments):
                items.append(Line(item.text, item.page, item.printed_page, item.bold, _starts_paragraph(item, above)))
                above = item
            else:
                items.append(item)
                above = None
        raw_pages[index] = []
    notes: list[tuple[str, dict[str, Any]]] = [
        ("draft.check.watermark", {"text": said[:60], "pages": _ranges(pages)}) for said, pages in watermarks.items()]
    return Document(name, items, pages=len(raw_pages), notes=notes)


def _pdfium_page(page: Any, number: int, watermarks: dict[str, list[int]] | None = None
                 ) -> list[tuple[float, Line | Table]] | None:
    """The items of one page with their top positions; ``None`` for a page that is only images.
    A watermark is not read; ``watermarks`` gets what it said and the page."""
    width, height = page.get_size()
    edges, image_area, marks = _page_paths(page, height)
    if marks:
        marks.take_out(page)  # the page read as if printed without its watermark
        for said in marks.said if watermarks is not None else ():
            watermarks.setdefault(said, []).append(number)
    textpage = page.get_textpage()
    try:
        words, _ = _page_words(textpage, height)
    finally:
        textpage.close()
    if not words:
        if image_area > 0.3 * width * height:
            return None
        return []
    placed: list[tuple[float, Line | Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if edges:
        for grid, bbox in _ruled_tables(edges, words, number):
            boxes.append(bbox)
            placed.append((bbox[1], grid))
    if boxes:
        def outside(word: dict[str, Any]) -> bool:
            cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
            for bx in boxes:
                if bx[0] <= cx <= bx[2] and bx[1] <= cy <= bx[3]:
                    return False
            return True
        words = [word for word in words if outside(word)]
    order: dict[int, tuple[float, int, float]] = {}
    for band_top, column, column_words in _text_columns(words, width):
        for top, line_words in _visual_lines(column_words):
            line = _line_or_row(line_words, number)
            line.top = top
            placed.append((top, line))
            if column is not None:  # a band in two text columns: the left column read first
                order[id(line)] = (band_top, column, top)
    placed.sort(key=lambda pair: order.get(id(pair[1]), (pair[0], 0, pair[0])))
    return placed


#: the least run of lines a page sets in two text columns, and the least of them on each side
_COLUMN_LINES, _COLUMN_SIDE = 4, 3


def _text_columns(words: list[dict[str, Any]], width: float
                  ) -> Iterable[tuple[float, int | None, list[dict[str, Any]]]]:
    """The page's words by the text columns they are set in (newuser F118): a run of lines with
    a gap between two columns of text near the page's middle that no word of theirs crosses (a
    designed book's vision on the left, its missions on the right, the gap as narrow as 3 pt) is
    read column by column, the left one first. A run is two text columns only when each side holds
    prose (lines of words filling most of the column, never cells of a borderless table: no line
    of three groups set apart, no header of labels). Yields (the run's top, 0 or 1, the words) for
    each column of such a run, (top, None, words) for the rest."""
    lines = list(_visual_lines(words))
    if len(lines) < _COLUMN_LINES:
        yield 0.0, None, words
        return
    left_edge = min(float(w["x0"]) for w in words)
    right_edge = max(float(w["x1"]) for w in words)
    span = right_edge - left_edge
    low, high = left_edge + 0.3 * span, left_edge + 0.7 * span

    def free(line_words: list[dict[str, Any]]) -> list[tuple[float, float]]:
        """The stretches of the middle of the page no word of the line covers."""
        out, x = [], low
        for word in sorted(line_words, key=lambda w: float(w["x0"])):
            x0, x1 = float(word["x0"]), float(word["x1"])
            if x1 <= x or x0 >= high:
                continue
            if x0 > x:
                out.append((x, x0))
            x = max(x, x1)
        if x < high:
            out.append((x, high))
        return out

    def meet(a: list[tuple[float, float]], b: list[tuple[float, float]]) -> list[tuple[float, float]]:
        return [(max(p0, q0), min(p1, q1)) for p0, p1 in a for q0, q1 in b if min(p1, q1) - max(p0, q0) >= 1.5]

    runs: list[tuple[int, int, float]] = []  # (first line, last line + 1, the gap's middle)
    k = 0
    while k < len(lines):
        gaps, end, best = free(lines[k][1]), k + 1, None
        while end < len(lines) and gaps:
            after = meet(gaps, free(lines[end][1]))
            if not after:
                break
            gaps, end = after, end + 1
        if gaps and end - k >= _COLUMN_LINES:
            gap = max(gaps, key=lambda g: g[1] - g[0])
            best = (gap[0] + gap[1]) / 2
            # the right column's lines start at its edge: a line at either end of the run whose
            # words go on across the gap at another place (a title over both columns, a space of
            # its own falling in the gap) is no line of the columns
            starts = [min((float(w["x0"]) for w in line_words if (float(w["x0"]) + float(w["x1"])) / 2 >= best),
                          default=None) for _, line_words in lines[k:end]]
            known = sorted(x for x in starts if x is not None)
            edge = known[len(known) // 2] if known else None
            first, last = k, end
            while edge is not None and first < last and starts[first - k] is not None \
                    and abs(starts[first - k] - edge) > 2:  # type: ignore[operator]
                first += 1
            while edge is not None and last > first and starts[last - 1 - k] is not None \
                    and abs(starts[last - 1 - k] - edge) > 2:  # type: ignore[operator]
                last -= 1
            if first > k:
                k += 1  # the run begins lower: looked for again from the next line
                continue
            end = last
            if end - k < _COLUMN_LINES:
                best = None
        if best is not None and _two_columns_of_text(lines[k:end], best, left_edge, right_edge):
            runs.append((k, end, best))
            k = end
        else:
            k += 1
    if not runs:
        yield 0.0, None, words
        return
    taken = 0
    for first, end, middle in runs:
        for top, line_words in lines[taken:first]:
            yield top, None, line_words
        band_top = lines[first][0]
        band = [w for _, line_words in lines[first:end] for w in line_words]
        yield band_top, 0, [w for w in band if (float(w["x0"]) + float(w["x1"])) / 2 < middle]
        yield band_top, 1, [w for w in band if (float(w["x0"]) + float(w["x1"])) / 2 >= middle]
        taken = end
    for top, line_words in lines[taken:]:
        yield top, None, line_words


def _two_columns_of_text(lines: list[tuple[float, list[dict[str, Any]]]], middle: float,
                         left_edge: float, right_edge: float) -> bool:
    """Whether a run of lines with a free gap at ``middle`` is two columns of prose, not a table."""
    sides: list[list[str]] = [[], []]
    both = apart = 0
    starts: list[float] = []
    for _, line_words in lines:
        parts = [[w for w in line_words if (float(w["x0"]) + float(w["x1"])) / 2 < middle],
                 [w for w in line_words if (float(w["x0"]) + float(w["x1"])) / 2 >= middle]]
        both += bool(parts[0] and parts[1])
        if parts[1]:
            starts.append(min(float(w["x0"]) for w in parts[1]))
            size = max(float(w.get("size") or 10) for w in line_words)
            # the right column's line beside no text, or beside a line of the left column that
            # ends well before the gap: a line of its own (in one column of text the words to
            # the right of the gap only ever go on from a line reaching it)
            apart += not parts[0] or max(float(w["x1"]) for w in parts[0]) < middle - 2 * size
        for side, part in enumerate(parts):
            if not part:
                continue
            if len(_line_or_row(part, 0).segments) >= 2:
                return False  # cells set apart within one side: a borderless table's row
            sides[side].append(" ".join(w["text"] for w in part))
    if min(len(s) for s in sides) < _COLUMN_SIDE or both < _COLUMN_SIDE or not apart:
        return False  # a few lines that happen to leave the same place free: no columns
    edge = sorted(starts)[len(starts) // 2]
    if sum(1 for x in starts if abs(x - edge) <= 2) < 0.75 * len(starts):
        return False  # the right column's lines start at its edge, a text's words anywhere
    if all(len(text.split()) <= 3 and _HEADER_WORDS.search(text) and not re.match(r"\d", text)
           for text in (sides[0][0], sides[1][0])):
        return False  # "Misi | Sasaran": a two-column table's header
    for side, (x0, x1) in zip(sides, ((left_edge, middle), (middle, right_edge))):
        words = [len(re.findall(r"[^\W\d_]{2,}", text)) for text in side]
        if sum(words) / len(words) < 3:
            return False  # labels, figures or page numbers, no prose
    return True


#: a run of characters between the PDF's spaces (PDFium's generated ones count, as do its
#: NUL and U+FFFF separators)
_RUN = re.compile(r"[^\s\x00\uffff]+")
#: PDFium's marks for a hyphen that ends a line
_HYPHENS = str.maketrans({"\x02": "-", "\xad": "-", "\ufffe": "-"})


def _page_words(textpage: Any, height: float) -> tuple[list[dict[str, Any]], bool]:
    """The words of a page, and whether the page writes its own spaces.

    Where it does (most text PDFs), a word is the run of characters between two spaces: one
    call for its first character's box, one for its last, one to learn that PDFium drew it as
    one piece of text (then its characters stand side by side). A run drawn in several pieces,
    and every character of a page without spaces, is placed character by character and joined
    by the gaps between glyphs (:func:`_words`). A 300-page RPJMD reads about three times
    faster so than asking PDFium every character's box (``benchmarks/bench_draft.py``).
    """
    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # pragma: no cover - characters outside the BMP: ask one by one
        chars = _page_chars(textpage, height, range(count), None)
        return _words(chars), _spaced(chars)
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    letters = sum(end - start for start, end in runs)
    spaced = letters >= 20 and len(runs) - (1 if runs and runs[0][0] == 0 else 0) >= 0.05 * letters
    if not spaced:
        chars = _page_chars(textpage, height, range(count), text)
        return _words(chars, False), False
    handle = textpage.raw
    box = raw.FS_RECTF()
    loose_box, count_rects = raw.FPDFText_GetLooseCharBox, raw.FPDFText_CountRects
    font_size, font_weight = raw.FPDFText_GetFontSize, raw.FPDFText_GetFontWeight
    generated = raw.FPDFText_IsGenerated
    bold_by_name = _BoldByName()
    text = text.translate(_HYPHENS)
    words: list[dict[str, Any]] = []
    pieces: list[tuple] = []
    size, bold, last = 10.0, False, -1
    for run, (start, end) in enumerate(runs):
        # one piece of text together with the word before it: the same font (one call, not three)
        made = start > 0 and text[start - 1] == " " and generated(handle, start - 1) == 1
        # the document's own space before the word: it goes on the text of the word before
        own = start > 0 and text[start - 1] == " " and not made
        # a footnote mark set superscript right after a word or a figure ("Governance²", "2.500¹"):
        # no part of it (m², km³ kept as units); the word before it one piece all the same
        cut = _superscript_tail(handle, start, end, text) if end - start > 1 and text[end - 1].isdigit() else end
        if last < 0 or count_rects(handle, last, cut - last) != 1:
            if count_rects(handle, start, cut - start) != 1:
                pieces.extend(_page_chars(textpage, height, range(start, end), text, made))
                last = -1
                continue
            size = font_size(handle, start) or 10.0
            weight = font_weight(handle, start)
            bold = weight >= 600 if weight > 0 else bold_by_name(handle, start)
        last = start
        loose_box(handle, start, box)
        x0, top, bottom = box.left, height - box.top, height - box.bottom
        shown = text[start:end]
        if cut < end:
            shown = _UNIT_BEFORE.sub(lambda m: m.group(0) + text[cut:end].translate(_SUPERSCRIPT), text[start:cut])
            end = cut
        if end - start > 1:
            loose_box(handle, end - 1, box)
        # made: a space PDFium made (the document placed the word by position): mendable (_mend.py)
        words.append({"text": shown, "x0": x0, "x1": box.right, "top": top,
                      "bottom": bottom, "size": size, "bold": bold, "fontname": "Bold" if bold else "",
                      "made": made, "run": run, "own": own})
    if pieces:
        words.extend(_words(pieces, True))
    return words, True


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: a unit a superscript digit belongs to ("m²", "km²", "m³")
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])[kcdm]?m$")


def _superscript_at(handle: Any, first: int, k: int, size: float) -> bool:
    """Whether character ``k`` is set superscript against its word's first character ``first``:
    in a font under 0.8 times the size, its baseline raised above the word's."""
    import ctypes

    import pypdfium2.raw as raw

    if (raw.FPDFText_GetFontSize(handle, k) or size) >= 0.8 * size:
        return False
    x, base, raised = ctypes.c_double(), ctypes.c_double(), ctypes.c_double()
    return bool(raw.FPDFText_GetCharOrigin(handle, first, x, base) and raw.FPDFText_GetCharOrigin(handle, k, x, raised)
                and raised.value - base.value > 0.1 * size)


def _superscript_tail(handle: Any, start: int, end: int, text: str) -> int:
    """Where a run of a page's text ends without the footnote mark set after it (up to three
    digits set superscript: :func:`_superscript_at`); ``end`` when there is none."""
    import pypdfium2.raw as raw

    size = raw.FPDFText_GetFontSize(handle, start) or 10.0
    cut = end
    while cut - 1 > start and end - cut < 3 and text[cut - 1].isdigit() and \
            _superscript_at(handle, start, cut - 1, size):
        cut -= 1
    return cut


class _BoldByName:
    """Whether a character's font is bold by its name: the 14 standard fonts carry no weight,
    "Helvetica-Bold" says it by name (one buffer per page, each name's answer kept)."""

    def __init__(self) -> None:
        import ctypes

        import pypdfium2.raw as raw

        self.buffer = ctypes.create_string_buffer(128)
        self.info = raw.FPDFText_GetFontInfo
        self.known: dict[bytes, bool] = {}

    def __call__(self, handle: Any, index: int) -> bool:
        length = self.info(handle, index, self.buffer, 128, None)
        name = self.buffer.raw[:max(0, min(length, 128) - 1)]
        bold = self.known.get(name)
        if bold is None:
            bold = self.known[name] = bool(re.search(rb"bold|black|heavy", name, re.I))
        return bold


def _page_chars(textpage: Any, height: float, indices: Iterable[int], text: str | None,
                made_before: bool = False) -> list[tuple]:
    """Characters with their boxes, size, weight, whether a space comes before each and whether
    PDFium made that space (``made_before``: the one before the first)."""
    import pypdfium2.raw as raw

    chars = []
    bold_by_name = _BoldByName()
    size, bold, word_start, spaced = 10.0, False, True, True
    first, before, marks = 0, "", 0
    box = raw.FS_RECTF()
    loose_box = raw.FPDFText_GetLooseCharBox
    handle = textpage.raw
    made = made_before
    for k in indices:
        if text is not None:
            char = text[k]
        else:  # pragma: no cover - characters outside the BMP: ask one by one
            code = raw.FPDFText_GetUnicode(handle, k)
            char = chr(code) if 0 < code < 0x110000 else " "
        if char in "\x02\xad\ufffe":  # PDFium's marks for a hyphen that ends a line
            char = "-"
        if char.isspace() or char in "\x00\uffff":
            word_start = spaced = True
            made = char == " " and raw.FPDFText_IsGenerated(handle, k) == 1
            continue
        if word_start:  # the size and weight of a word's first character serve the word
            size = raw.FPDFText_GetFontSize(handle, k) or 10.0
            weight = raw.FPDFText_GetFontWeight(handle, k)
            bold = weight >= 600 if weight > 0 else bold_by_name(handle, k)
            word_start, first, before, marks = False, k, char, 0
        elif char.isdigit() and marks < 3 and _superscript_at(handle, first, k, size):
            # a footnote mark set superscript right after a word or a figure: no part of it
            marks += 1
            if not _UNIT_BEFORE.search(before):
                continue
            char = char.translate(_SUPERSCRIPT)  # m², km³: a unit's
        else:
            before += char
            marks = 0
        loose_box(handle, k, box)
        chars.append((char, box.left, box.right, height - box.top, height - box.bottom, size, bold, spaced,
                      made))
        spaced = made = False
    return chars


def _page_objects(page: Any) -> Iterable[Any]:
    """The page's objects and those of the forms it draws (one level down), as PDFium's handles
    (no helper object per object: a page of text holds thousands)."""
    import pypdfium2.raw as raw

    for i in range(raw.FPDFPage_CountObjects(page.raw)):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        if not obj:
            continue
        yield obj
        if raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM:
            for j in range(raw.FPDFFormObj_CountObjects(obj)):
                inner = raw.FPDFFormObj_GetObject(obj, j)
                if inner:
                    yield inner


class _Watermarks:
    """The text objects of a page set as a watermark ("DRAFT", "RANCANGAN AKHIR" over the text):
    turned on a slant (not along nor across the page: a table's header set upright is text),
    or large (24 pt or more) and light grey or see-through. They are taken out of the page
    before its text is read (:meth:`take_out`), so that the page reads as printed without them
    (their letters would fall among a table's rows and cells); what they said is kept
    (:attr:`said`) for the check line."""

    def __init__(self) -> None:
        self.objects: list[Any] = []
        self.said: list[str] = []

    def __bool__(self) -> bool:
        return bool(self.objects)

    def look(self, obj: Any, matrix: Any) -> None:
        import ctypes
        import math

        import pypdfium2.raw as raw

        size, red, green, blue, alpha = (ctypes.c_float(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(),
                                         ctypes.c_uint())
        if not raw.FPDFTextObj_GetFontSize(obj, size):
            return
        scale = math.hypot(matrix.a, matrix.b) or 1.0
        angle = math.degrees(math.atan2(matrix.b, matrix.a)) % 90
        slanted = 10 < angle < 80
        light = False
        if size.value * scale >= 24 and raw.FPDFPageObj_GetFillColor(obj, red, green, blue, alpha):
            light = min(red.value, green.value, blue.value) >= 150 or alpha.value <= 128
        if slanted or light:
            self.objects.append(obj)

    def take_out(self, page: Any) -> None:
        """Read what the watermark says, then take its objects out of the page (in memory)."""
        import ctypes

        import pypdfium2.raw as raw

        textpage = raw.FPDFText_LoadPage(page.raw)
        try:
            for obj in self.objects:
                length = raw.FPDFTextObj_GetText(obj, textpage, None, 0)  # in bytes, with the closing NUL
                if length <= 2:
                    continue
                buffer = ctypes.create_string_buffer(length)
                raw.FPDFTextObj_GetText(obj, textpage, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)), length)
                said = " ".join(buffer.raw[:length - 2].decode("utf-16-le", "replace").replace("\x00", " ").split())
                if said and said not in self.said:
                    self.said.append(said)
        finally:
            raw.FPDFText_ClosePage(textpage)
        forms = [obj for obj in (raw.FPDFPage_GetObject(page.raw, i)
                                 for i in range(raw.FPDFPage_CountObjects(page.raw)))
                 if obj and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_FORM]
        for obj in self.objects:
            if raw.FPDFPage_RemoveObject(page.raw, obj):
                raw.FPDFPageObj_Destroy(obj)
                continue
            for form in forms:  # a watermark drawn inside a form (a stamp)
                if raw.FPDFFormObj_RemoveObject(form, obj):
                    raw.FPDFPageObj_Destroy(obj)
                    break


def _page_paths(page: Any, height: float) -> tuple[list[dict[str, Any]], float, _Watermarks]:
    """The page's straight rulings (as pdfplumber's edges), its largest image's area and the
    text objects set as a watermark (:class:`_Watermarks`)."""
    import ctypes

    import pypdfium2.raw as raw

    edges: list[dict[str, Any]] = []
    image_area = 0.0
    marks = _Watermarks()
    x, y = ctypes.c_float(), ctypes.c_float()
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    matrix = raw.FS_MATRIX()
    image, path, text = raw.FPDF_PAGEOBJ_IMAGE, raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_TEXT
    for obj in _page_objects(page):
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == text:
            if raw.FPDFPageObj_GetMatrix(obj, matrix):
                marks.look(obj, matrix)
            continue
        if kind == image:
            if raw.FPDFPageObj_GetBounds(obj, l, b, r, t):
                image_area = max(image_area, (r.value - l.value) * (t.value - b.value))
            continue
        if kind != path or not raw.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, bb, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, i)
            raw.FPDFPathSegment_GetPoint(segment, x, y)
            point = (a * x.value + c * y.value + e, bb * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO or not points:
                start = point
            elif kind == raw.FPDF_SEGMENT_LINETO:
                _edge(edges, points[-1], point, height)
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _edge(edges, point, start, height)
            points.append(point)
    return edges, image_area, marks


def _edge(edges: list[dict[str, Any]], p: tuple[float, float], q: tuple[float, float], height: float) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) < 1 and abs(x1 - x0) >= 2:
        top = height - y0
        edges.append({"x0": min(x0, x1), "x1": max(x0, x1), "top": top, "bottom": top, "doctop": top,
                      "width": abs(x1 - x0), "height": 0, "orientation": "h", "object_type": "line"})
    elif abs(x0 - x1) < 1 and abs(y1 - y0) >= 2:
        top, bottom = height - max(y0, y1), height - min(y0, y1)
        edges.append({"x0": x0, "x1": x0, "top": top, "bottom": bottom, "doctop": top,
                      "width": 0, "height": bottom - top, "orientation": "v", "object_type": "line"})


def _spaced(chars: list[tuple]) -> bool:
    """Whether the page writes its own spaces between words (most text PDFs do): then a word
    ends at a space, not at a gap between glyphs (italic and spaced-out text has such gaps)."""
    return len(chars) >= 20 and sum(1 for ch in chars if ch[7]) >= 0.05 * len(chars)


def _words(chars: list[tuple], spaced: bool | None = None) -> list[dict[str, Any]]:
    """Characters into words: neighbours on one line with no space between them and no gap wider
    than a space (with the page's own spaces, up to most of a character's width)."""
    if spaced is None:
        spaced = _spaced(chars)
    ordered = sorted(chars, key=lambda ch: (round(ch[3] / 2), ch[1]))
    words: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for char, x0, x1, top, bottom, size, bold, space_before, *made in ordered:
        if char.isspace():
            current = None
            continue
        widest = 0.6 * size if spaced else max(1.0, 0.15 * size)
        if current is not None and abs(top - current["top"]) <= 2 and not (spaced and space_before) and \
                -1.5 <= x0 - current["x1"] <= widest:
            current["text"] += char
            current["x1"] = max(current["x1"], x1)
            current["bold"] = current["bold"] and bold
            continue
        # the space before the word was made by PDFium or by the gap between glyphs: mendable
        current = {"text": char, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
                   "bold": bold, "fontname": "Bold" if bold else "",
                   "made": bool(made and made[0]) or not (spaced and space_before)}
        words.append(current)
    for word in words:
        word["fontname"] = "Bold" if word["bold"] else ""
    return words


def _ruled_tables(edges: list[dict[str, Any]], words: list[dict[str, Any]], page: int
                  ) -> list[tuple[Table, tuple[float, float, float, float]]]:
    from pdfplumber.table import cells_to_tables, edges_to_intersections, merge_edges

    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [e for e in merged if (e["x1"] - e["x0"]) >= 3 or (e["bottom"] - e["top"]) >= 3]
    cells = _intersections_to_cells(edges_to_intersections(merged, 3, 3))
    out = []
    for table_cells in cells_to_tables(cells):
        if len(table_cells) < 2:
            continue
        xs = sorted({round(c[0], 1) for c in table_cells})
        ys = sorted({round(c[1], 1) for c in table_cells})
        x_end = max(c[2] for c in table_cells)
        y_end = max(c[3] for c in table_cells)
        if len(xs) < 2:
            continue
        col_of = {x: i for i, x in enumerate(xs)}
        row_of = {y: i for i, y in enumerate(ys)}
        bounds_x = xs + [x_end]
        bounds_y = ys + [y_end]
        grid = [[""] * len(xs) for _ in ys]
        covered = [[False] * len(xs) for _ in ys]
        across = [[False] * len(xs) for _ in ys]
        texts: dict[tuple[int, int], list[dict[str, Any]]] = {}
        spans: list[tuple[int, int, tuple[float, float, float, float]]] = []
        for cell in table_cells:
            r, c = row_of[round(cell[1], 1)], col_of[round(cell[0], 1)]
            spans.append((r, c, cell))
            for rr in range(r, len(ys)):
                if bounds_y[rr] >= cell[3] - 1:
                    break
                for cc in range(c, len(xs)):
                    if bounds_x[cc] >= cell[2] - 1:
                        break
                    if (rr, cc) != (r, c):
                        if cc == c:
                            covered[rr][cc] = True
                        else:
                            across[rr][cc] = True
                            covered[rr][cc] = rr > r
        # each grid position's owning cell, then each word placed by bisection
        owner: dict[tuple[int, int], tuple[int, int]] = {}
        for r, c, cell in spans:
            for rr in range(r, len(ys)):
                if rr > r and bounds_y[rr] >= cell[3] - 1:
                    break
                for cc in range(c, len(xs)):
                    if cc > c and bounds_x[cc] >= cell[2] - 1:
                        break
                    owner[(rr, cc)] = (r, c)
        x_lo, y_lo = bounds_x[0], bounds_y[0]
        for word in words:
            cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
            if not (x_lo <= cx <= x_end and y_lo <= cy <= y_end):
                continue
            at = (max(0, bisect.bisect_right(ys, cy) - 1), max(0, bisect.bisect_right(xs, cx) - 1))
            found = owner.get(at)
            if found is not None:
                texts.setdefault(found, []).append(word)
        pieces: dict[tuple[int, int], list[list[tuple[str, bool]]]] = {}
        rect = {(r, c): cell for r, c, cell in spans}
        for (r, c), found in texts.items():
            lines: list[str] = []
            cell_pieces: list[list[tuple[str, bool | str]]] = []
            # the text's right edge: the cell's, less the padding its text keeps on the left
            x0, _, x1, _ = rect[(r, c)]
            right = x1 - max(1.0, min(w["x0"] for w in found) - x0)
            line_end = right
            for _, line_words in _visual_lines(found):
                lines.append(" ".join(w["text"] for w in line_words))
                # a line of a cell goes on from the line above: a word may have been cut at its end
                # (a narrow cell), so the break is mendable as a made space is; where the line
                # above ran to the cell's edge, a word was likely cut there ("penanggul" "angan")
                line_pieces: list[tuple[str, bool | str]] = []
                for k, w in enumerate(line_words):
                    text = w["text"]
                    last = cell_pieces[-1][-1][0] if cell_pieces and cell_pieces[-1] else ""
                    if k == 0 and last.endswith("-") and text[:1].islower() and len(last) > 1 and last[-2].isalpha():
                        cell_pieces[-1][-1] = (last[:-1] + text, cell_pieces[-1][-1][1])  # "Infor-" "matika"
                        continue
                    made: bool | str = w.get("made", False)
                    if k == 0 and cell_pieces:
                        full = right - line_end < 0.85 * float(w.get("size") or 10)
                        made = CUT if full else True
                    line_pieces.append((text, made))
                cell_pieces.append(line_pieces)
                line_end = float(line_words[-1]["x1"])
            grid[r][c] = clean("\n".join(_join_cut_figures(lines)))
            if any(m for line in cell_pieces for _, m in line) and len([1 for line in cell_pieces for _ in line]) > 1:
                pieces[(r, c)] = cell_pieces  # words to mend (a code or a figure is never touched)
        bbox = (xs[0], ys[0], x_end, y_end)
        table = Table(grid, covered, across, pages=[page] * len(grid))
        if pieces:
            table.pieces = pieces  # type: ignore[attr-defined]
        out.append((table, bbox))
    return out


#: a figure, a code or a year a narrow cell may cut over lines ("11,134,00" / "0", "2.01" / ".20")
_FIGURE = re.compile(r"\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:\.\d+){1,4}|(?:19|20)\d\d")
_FIGURE_PIECE = re.compile(r"[\d.,]+")


def _join_cut_figures(lines: list[str]) -> list[str]:
    """A cell's lines with a figure cut over several of them put back together: lines that are
    each one piece of digits and separators, which together make a figure, a code or a year
    ("23.9" "25.0" "00.0" "00": "23.925.000.000"); anything else kept as it was."""
    if 1 < len(lines) <= 3 and all(re.fullmatch(r"\d{1,2}", line) for line in lines) and \
            len("".join(lines)) <= 3:
        return ["".join(lines)]  # a row's number cut in a narrow column ("1" over "0": 10)
    out: list[str] = []
    k = 0
    while k < len(lines):
        head, _, last = lines[k].rpartition(" ")
        if head and _FIGURE_PIECE.fullmatch(last) and k + 1 < len(lines) and _FIGURE_PIECE.fullmatch(lines[k + 1]):
            # "Pagu 20" over "20": the figure cut is the line's last word
            joined = _join_cut_figures([last] + lines[k + 1:])
            if joined[0] != last:
                taken = len(lines) - k - len(joined)  # the lines the figure took
                out.append(f"{head} {joined[0]}")
                k += 1 + taken
                continue
        if _FIGURE_PIECE.fullmatch(lines[k]):
            end = k + 1
            while end < len(lines) and _FIGURE_PIECE.fullmatch(lines[end]):
                end += 1
            for stop in range(end, k + 1, -1):
                if _FIGURE.fullmatch("".join(lines[k:stop])):
                    out.append("".join(lines[k:stop]))
                    k = stop
                    break
            else:
                out.append(lines[k])
                k += 1
            continue
        out.append(lines[k])
        k += 1
    return out


def _intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[dict[str, Any]]]]
                            ) -> list[tuple[float, float, float, float]]:
    """pdfplumber's ``intersections_to_cells`` (the same cells, in the same order), with each
    point's edges gathered once and the points below and to the right of a point looked up by
    its column and row, not searched among all points: a page of ruled tables in a third of
    the time."""
    def bbox(edge: dict[str, Any]) -> tuple[float, float, float, float]:
        return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])

    vertical = {p: {bbox(e) for e in found["v"]} for p, found in intersections.items()}
    horizontal = {p: {bbox(e) for e in found["h"]} for p, found in intersections.items()}
    points = sorted(intersections)
    by_x: dict[float, list[tuple[float, float]]] = {}
    by_y: dict[float, list[tuple[float, float]]] = {}
    for point in points:  # sorted by x, then y: each list in the order pdfplumber visits it
        by_x.setdefault(point[0], []).append(point)
        by_y.setdefault(point[1], []).append(point)
    index_x = {p: k for group in by_x.values() for k, p in enumerate(group)}
    index_y = {p: k for group in by_y.values() for k, p in enumerate(group)}

    def connects(p1: tuple[float, float], p2: tuple[float, float]) -> bool:
        if p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2]):
            return True
        return p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2])

    cells = []
    for point in points:
        below = by_x[point[0]][index_x[point] + 1:]
        right = by_y[point[1]][index_y[point] + 1:]
        found = None
        for below_point in below:
            if not connects(point, below_point):
                continue
            for right_point in right:
                if not connects(point, right_point):
                    continue
                corner = (right_point[0], below_point[1])
                if corner in intersections and connects(corner, right_point) and connects(corner, below_point):
                    found = (point[0], point[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            cells.append(found)
    return cells


def _ranges(numbers: list[int]) -> str:
    out: list[str] = []
    start = prev = numbers[0]
    for n in numbers[1:] + [None]:  # type: ignore[list-item]
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        if n is not None:
            start = prev = n
    return ", ".join(out)


#: a printed page number: "12", "iv", "Hal. 5", "V-12", "5.3" (not "6.216": a figure's last line)
_PAGE_NUMBER = re.compile(r"^(?:(?:hal(?:aman)?\.?|page)\s*)?((?:[IVXLivxl]+|\d{1,3})(?:\s*[-–]\s*\d{1,3}|\s*\.\s*\d{1,2})?)$", re.I)


def _visual_lines(words: list[dict[str, Any]]) -> Iterable[tuple[float, list[dict[str, Any]]]]:
    words = sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"])))
    line: list[dict[str, Any]] = []
    top = None
    for word in words:
        if top is not None and abs(float(word["top"]) - top) <= 3:
            line.append(word)
            continue
        if line:
            yield top, sorted(line, key=lambda w: float(w["x0"]))  # type: ignore[misc]
        line, top = [word], float(word["top"])
    if line:
        yield top, sorted(line, key=lambda w: float(w["x0"]))  # type: ignore[misc]


class _Segments(Line):
    """A visual line with its words grouped into segments by wide gaps (a borderless table row?)."""

    segments: list[tuple[float, float, str]]
    pieces: list[list[tuple[str, bool]]] | None
    top: float = 0.0
    size: float = 10.0


def _line_or_row(words: list[dict[str, Any]], page: int) -> Line:
    """A visual line, its words grouped into segments (a borderless table's cells): a gap of
    more than 1.2 times the font size sets words apart; so does a gap wider than a space
    (a third of the size) where the document wrote no space of its own between the two words
    (they were placed apart: two cells set close, not two words of a text)."""
    segments: list[tuple[float, float, str]] = []
    pieces: list[list[tuple[str, bool]]] = []  # each segment's words, with whether PDFium made the space before
    before: dict[str, Any] | None = None
    for word in words:
        size = float(word.get("size") or 10)
        gap = float(word["x0"]) - segments[-1][1] if segments else 0.0
        placed = before is not None and before.get("run") is not None and word.get("run") is not None and \
            not (word["run"] == before["run"] + 1 and word.get("own"))
        before = word
        if segments and gap < size * 1.2 and not (placed and gap >= size / 3):
            x0, _, text = segments[-1]
            segments[-1] = (x0, float(word["x1"]), f"{text} {word['text']}")
            pieces[-1].append((word["text"], word.get("made", False)))
        else:
            segments.append((float(word["x0"]), float(word["x1"]), word["text"]))
            pieces.append([(word["text"], word.get("made", False))])
    text = " ".join(s[2] for s in segments)
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    line = _Segments(clean(text), page, None, bold)
    line.segments = segments
    line.pieces = pieces if any(made for piece in pieces for _, made in piece) else None
    line.size = max(float(w.get("size") or 10) for w in words)
    return line


def _starts_paragraph(line: "_Segments", above: "_Segments | None") -> bool | None:
    """Whether a PDF line begins a paragraph, by its place under the line above it on the page:
    a gap above it of more than 1.5 times its size (paragraph spacing); it goes on with the line
    above when set at the text's own spacing (up to 1.3 times its size) at the same left edge.
    ``None`` when neither (the first line of a page, an indent: a paragraph's first line or a
    list item's hanging lines)."""
    if above is None or not line.segments or not above.segments:
        return None
    size = max(line.size, above.size)
    gap = line.top - above.top
    if gap <= 0:
        return None
    indent = line.segments[0][0] - above.segments[0][0]
    if gap > 1.5 * size:
        return True
    if gap <= 1.3 * size and abs(indent) <= size / 2:
        return False
    return None


def _mend_lines(pages: list[list[tuple[float, Line | Table]]]) -> Callable[[], Any]:
    """Mend the words PDFium's made spaces split or ran together (:mod:`._mend`), with the
    words the document writes between its own spaces as part of the vocabulary; the ruled
    tables' cells too. Returns the vocabulary (made when first asked for)."""
    lines = [item for placed in pages for _, item in placed if isinstance(item, _Segments)]
    tables = [item for placed in pages for _, item in placed if getattr(item, "pieces", None)
              and isinstance(item, Table)]
    made: list[Any] = []

    def vocabulary() -> Any:
        if not made:
            from ._mend import Vocabulary, document_words

            made.append(Vocabulary(document_words(reliable())))
        return made[0]

    def reliable() -> Iterable[str]:
        # the words with the document's own space on one side at least, and no made one
        for line in lines:
            if not line.pieces and len(line.segments) > 1:
                # a row of a borderless table: a segment's last word may be the first piece of
                # a word cut over a cell's lines ("Dinas Pendid" over "ikan")
                for _, _, text in line.segments:
                    yield " ".join(text.split()[:-1])
                continue
            if not line.pieces:
                if " " in line.text:
                    yield line.text
                continue
            for piece in line.pieces:
                for k, (word, made_space) in enumerate(piece):
                    after = piece[k + 1][1] if k + 1 < len(piece) else None
                    if not made_space and not after and (k > 0 or after is False):
                        yield word

    if not tables and not any(line.pieces for line in lines):
        return vocabulary
    from ._mend import mend_words

    for line in lines:
        if not line.pieces:
            continue
        segments = []
        for (x0, x1, text), piece in zip(line.segments, line.pieces):
            if any(made_space for _, made_space in piece):
                text = " ".join(mend_words([w for w, _ in piece], [m for _, m in piece], vocabulary()))
            segments.append((x0, x1, text))
        line.segments = segments
        line.text = clean(" ".join(s[2] for s in segments))
        line.pieces = None
    for table in tables:
        _mend_table(table, vocabulary())
    return vocabulary


def _mend_table(table: Table, vocabulary: Any) -> None:
    """A table's cells with their words mended: those split over a cell's lines (a word cut at
    the end of a full line) or by PDFium's made spaces."""
    from ._mend import mend_words

    for (r, c), cell_lines in table.pieces.items():  # type: ignore[attr-defined]
        flat = [piece for line in cell_lines for piece in line]
        words = [w for w, _ in flat]
        mended = mend_words(words, [m for _, m in flat], vocabulary)
        if mended == words:
            continue  # the cell as read (its cut figures joined)
        # each mended word back on the line its first letter was on (mending moves spaces only)
        starts, at = [], 0
        for line in cell_lines:
            starts.append(at)
            at += sum(len(w) for w, _ in line)
        rebuilt: list[list[str]] = [[] for _ in cell_lines]
        at = 0
        for word in mended:
            rebuilt[max(k for k, start in enumerate(starts) if start <= at)].append(word)
            at += len(word)
        table.cells[r][c] = clean("\n".join(_join_cut_figures([" ".join(line) for line in rebuilt if line])))
    del table.pieces  # type: ignore[attr-defined]


def _drop_running(pages: list[list[tuple[float, Line | Table]]]) -> None:
    """Drop running headers and footers (lines repeated at the top or bottom of many pages) and
    printed page numbers, keeping the printed number on the page's items."""
    def key(text: str) -> str:
        return re.sub(r"\d+", "#", text.casefold())

    counts: Counter[str] = Counter()
    for placed in pages:
        lines = [item for _, item in placed if isinstance(item, Line)]
        edge = [l for l in lines[:3] + lines[-3:] if len(getattr(l, "segments", ())) < 3]
        for line in set(key(l.text) for l in edge):
            counts[line] += 1
    running = {k for k, n in counts.items()
               if n >= max(3, len(pages) // 4) and len(re.findall(r"[a-z]", k)) >= 3}
    for placed in pages:
        lines = [item for _, item in placed if isinstance(item, Line)]
        printed = None
        drop: set[int] = set()
        edge = [l for l in lines[:3] + lines[-3:] if len(getattr(l, "segments", ())) < 3]
        for line in edge:
            match = _PAGE_NUMBER.match(line.text.strip())
            if match and len(line.text) <= 14:
                printed = re.sub(r"\s+", " ", match.group(1))
                drop.add(id(line))
            elif key(line.text) in running and not _CAPTION.match(line.text) and unit_of(line.text) is None:
                # a caption repeated on every page of a long table ("Tabel 7.1 ... (dalam juta
                # rupiah)") is kept: it names the table and its money unit on each page
                drop.add(id(line))
        placed[:] = [(top, item) for top, item in placed if id(item) not in drop]
        for _, item in placed:
            if isinstance(item, Line):
                item.printed_page = printed
            else:
                item.printed_pages = [printed] * len(item.cells)


# --------------------------------------------------------------------------
# borderless tables: lines whose words stand in columns under a header line

_HEADER_WORDS = re.compile(
    r"\b(no|nomor|kode|program|misi|tujuan|sasaran|indikator|pagu|target|satuan|perangkat|opd|skpd|"
    r"penanggung|kondisi|dimensi|rencana|quick|anggaran|kinerja|tahun|total|jumlah|rp|uraian|"
    r"urusan|keterangan|lokasi|sumber|juta|deskripsi)\b", re.I)
#: a chapter's title numbered without "BAB" ("VII. INDIKASI RENCANA PROGRAM PRIORITAS")
_ROMAN_TITLE = re.compile(r"^[IVX]{1,5}(?:\.\s*|\s+)[A-Z][^a-z]{3,}$")
_GROUP_ROW = re.compile(r"^(misi|tujuan|sasaran|urusan|bidang|dimensi|smart|visi)\b", re.I)


class _Column:
    def __init__(self, x0: float, x1: float):
        self.x0, self.x1 = x0, x1
        #: (the first column) its rows start at a key: a number or a code
        self.keys = False


def _is_header(line: Line, below: list[Line | Table] = ()) -> bool:  # type: ignore[assignment]
    """Whether a line heads a borderless table: three of its labels or more name a table's
    columns, each read with what stands under it on the next lines (a narrow column cuts its
    labels: "Perangka" / "t Daerah", "Tar" / "get")."""
    segments = getattr(line, "segments", None)
    if not segments or len(segments) < 3:
        return False
    if any(re.search(r"\d[.,]\d{3}", s[2]) for s in segments) or _data_line(line):
        return False
    under: list[list[tuple[float, float, str]]] = []
    for item in below[:3]:
        more = getattr(item, "segments", None)
        if not more or _data_line(item) or re.search(r"\d[.,]\d{3}", item.text):  # type: ignore[union-attr]
            break
        under.append(more)
    hits = 0
    for x0, x1, text in segments:
        parts = [text] + [t for more in under for a0, a1, t in more if _overlap(x0, x1, a0, a1) > 0]
        hits += bool(_HEADER_WORDS.search(text) or _HEADER_WORDS.search("".join(parts))
                     or _HEADER_WORDS.search(" ".join(parts)))
    return hits >= 3


def _header_cell_goes_on(line: Line, above: list[Line]) -> bool:
    """A line under a table's header lines whose every piece stands under one of their labels,
    with no figure, code or row number: the header's cells going on ("Program Pembangunan" over
    "Daerah", "Tar" over "get 2025")."""
    segments = getattr(line, "segments", None) or []
    if not segments or _GROUP_ROW.match(line.text) or _data_line(line) or re.search(r"\d[.,]\d", line.text):
        return False
    if any(len(text) > 24 or len(text.split()) > 3 for _, _, text in segments) or \
            re.match(r"(bab|chapter)\s", line.text, re.I) or _ROMAN_TITLE.match(line.text):
        return False  # a cell of data, a chapter's heading: labels go on in a word or two
    last = above[-1] if above else None
    if last is not None and getattr(line, "top", 0) - getattr(last, "top", 0) > 1.6 * getattr(line, "size", 10):
        return False  # set apart from the header: the rows begin
    first = (getattr(above[0], "segments", None) or [None])[0] if above else None
    if re.fullmatch(r"\d{1,3}", segments[0][2]) and len(segments) > 1 and (
            first is None or _overlap(segments[0][0], segments[0][1], first[0], first[1]) > 0):
        return False  # a row's number, under the header's first label ("No")
    if any(_sub_labels(segments, h) is not None for h in above):
        return True  # "U | B | P" under a "Kode" centred over them
    for x0, x1, _ in segments:
        overs = {round(a0) for h in above for a0, a1, _ in getattr(h, "segments", None) or ()
                 if _overlap(x0, x1, a0, a1) > 0}
        if not overs:
            return False
    return True


#: a code's part named under a "Kode" over several columns: U | B | P, Urusan | Bidang | Program
_SUB_LABEL = re.compile(r"^(?:[A-Za-z]{1,3}|urusan|bidang|program|sub|unit)\.?$", re.I)


def _sub_labels(segments: list[tuple[float, float, str]], above: Line | None) -> tuple[float, float] | None:
    """Where a header line's short sub-labels ("U | B | P") stand, when a "Kode" label of the line
    above is centred over two or more of them and overlaps no other: their span; else None."""
    if above is None or len(segments) < 2:
        return None
    for a0, a1, label in getattr(above, "segments", None) or ():
        if not re.search(r"\bkode\b", label, re.I):
            continue
        centre = (a0 + a1) / 2
        others = [(b0, b1) for b0, b1, t in above.segments if (b0, b1) != (a0, a1)]  # type: ignore[attr-defined]
        under = [(x0, x1) for x0, x1, text in segments if _SUB_LABEL.match(text)
                 and not any(_overlap(x0, x1, b0, b1) > 0 for b0, b1 in others)
                 and x1 >= a0 - 60 and x0 <= a1 + 60]
        if len(under) >= 2 and under[0][0] <= centre <= under[-1][1]:
            return under[0][0], under[-1][1]
    return None


def _data_line(line: Line) -> bool:
    """A table line of data, not of its header: it holds a program code, or opens with a row's
    number followed by words ("1 Meningkatnya ... Program")."""
    segments = getattr(line, "segments", None) or []
    if re.search(r"(?<![\d.])\d{1,2}\.\d{2}\.\d{2}(?![\d])", line.text):
        return True
    return len(segments) >= 3 and re.fullmatch(r"\d{1,3}[.)]?", segments[0][2]) is not None and \
        any(re.search(r"[^\W\d_]{3}", text) for _, _, text in segments[1:])


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _columns(header: list[Line]) -> list[_Column]:
    columns: list[_Column] = []
    for line in reversed(header):  # the lowest header line is the most specific
        for x0, x1, _ in line.segments:  # type: ignore[attr-defined]
            over = [c for c in columns if _overlap(x0, x1, c.x0, c.x1) > 0]
            if not over:
                columns.append(_Column(x0, x1))
            elif len(over) == 1:  # a label of one column over more lines ("Program Pembangunan" / "Daerah")
                column = over[0]
                lo = max([c.x1 for c in columns if c.x1 < column.x0] + [x0 - 1])
                hi = min([c.x0 for c in columns if c.x0 > column.x1] + [x1 + 1])
                column.x0, column.x1 = max(min(column.x0, x0), lo + 0.5), min(max(column.x1, x1), hi - 0.5)
    columns.sort(key=lambda c: c.x0)
    return columns


def _place(columns: list[_Column], x0: float, x1: float) -> list[int]:
    """The columns a segment stands in: those it overlaps, else the nearest."""
    hits = [i for i, c in enumerate(columns) if _overlap(x0, x1, c.x0, c.x1) > 0]
    if hits:
        return hits
    centre = (x0 + x1) / 2
    return [min(range(len(columns)), key=lambda i: min(abs(columns[i].x0 - centre),
                                                         abs(columns[i].x1 - centre)))]


def _row(columns: list[_Column], line: Line) -> list[str]:
    cells = [""] * len(columns)
    for x0, x1, text in line.segments:  # type: ignore[attr-defined]
        where = _place(columns, x0, x1)
        best = max(where, key=lambda i: _overlap(x0, x1, columns[i].x0, columns[i].x1))
        cells[best] = f"{cells[best]} {text}".strip()
    return cells


def _in_table(line: Line, columns: list[_Column]) -> bool:
    segments = getattr(line, "segments", None)
    if not segments:
        return False
    if len(segments) >= 2:
        return True
    x0, x1, text = segments[0]
    if _GROUP_ROW.match(text) or text[:1].islower():
        return True
    # one segment inside a column other than the first: a wrapped cell
    if re.match(r"(bab|chapter)\s+[ivxl\d]+\b", text, re.I) or _ROMAN_TITLE.match(text):
        return False  # a chapter's heading, centred under the table
    beyond_first = x0 > columns[0].x1 + 2 or (len(columns) > 1 and x0 >= columns[1].x0 - 3)
    # a figure's last piece may stand out past the header's label ("Total Pagu" over "1.416.")
    return beyond_first and x1 <= columns[-1].x1 + (20 if re.fullmatch(r"[\d.,]+", text) else 5)


def _borderless(items: list[Line | Table], columns: list[_Column] | None
                ) -> tuple[list[Line | Table], list[_Column] | None]:
    """Turn runs of column-aligned lines under a header line into tables; a page that opens with
    such lines continues the previous page's borderless table."""
    out: list[Line | Table] = []
    i = 0
    first = True
    leading = 0
    while i < len(items):
        item = items[i]
        if isinstance(item, Table):
            out.append(item)
            columns, first = None, False
            i += 1
            continue
        header: list[Line] = []
        if _is_header(item, items[i + 1:i + 4]):
            header = [item]
            # header lines above (a group label "Pagu Indikatif") and below (the years)
            while out and isinstance(out[-1], Line) and getattr(out[-1], "segments", None) and \
                    _HEADER_WORDS.search(out[-1].text) and len(out[-1].text) < 120 and \
                    not out[-1].text.lower().startswith(("tabel", "table", "bab")) and \
                    not _ROMAN_TITLE.match(out[-1].text):
                header.insert(0, out.pop())  # type: ignore[arg-type]
            j = i + 1
            while j < len(items) and isinstance(items[j], Line) and getattr(items[j], "segments", None) \
                    and not re.search(r"\d[.,]\d{3}", items[j].text) and (
                        _HEADER_WORDS.search(items[j].text) or re.fullmatch(r"[\d\s]+", items[j].text)
                        or len(re.findall(r"\b(?:19|20)\d\d\b", items[j].text)) >= 2
                        or _header_cell_goes_on(items[j], header)) \
                    and not _GROUP_ROW.match(items[j].text) and len(items[j].segments) >= 1 \
                    and not re.fullmatch(r"\(?1\)?(\s+\(?\d+\)?)+", items[j].text) \
                    and not _data_line(items[j]):  # type: ignore[arg-type]
                header.append(items[j])  # type: ignore[arg-type]
                j += 1
            for k, m in ((k, m) for k in range(len(header)) for m in range(k + 1, len(header))):
                span = _sub_labels(header[m].segments, header[k])  # type: ignore[attr-defined]
                if span is not None:  # a "Kode" over "U | B | P": over all three
                    header[k].segments = [(min(x0, span[0]), max(x1, span[1]), t)  # type: ignore[attr-defined]
                                          if re.search(r"\bkode\b", t, re.I) and x0 <= span[1] and x1 >= span[0]
                                          else (x0, x1, t) for x0, x1, t in header[k].segments]  # type: ignore[attr-defined]
            columns = _columns(header)
            i = j
        elif first and columns is not None and _in_table(item, columns) and (
                len(item.segments) >= 3 or (  # type: ignore[attr-defined]
                    _GROUP_ROW.match(item.text) and i + 1 < len(items) and isinstance(items[i + 1], Line)
                    and len(getattr(items[i + 1], "segments", None) or ()) >= 3)):
            pass  # the table of the previous page goes on (also under a group row "Sasaran 1.2: ...")
        else:
            # a running header or a page number above the rows still lets the table go on
            leading += 1
            first = first and leading <= 3 and len(getattr(item, "segments", None) or ()) <= 2 and \
                not _GROUP_ROW.match(item.text)
            out.append(item)
            i += 1
            continue
        first = False
        assert columns is not None
        body: list[_Segments] = []
        while i < len(items) and isinstance(items[i], Line) and _in_table(items[i], columns):  # type: ignore[arg-type]
            body.append(items[i])  # type: ignore[arg-type]
            i += 1
        if not header:  # a page going on with the table: its columns may be set apart otherwise
            keys = columns[0].keys
            columns = _body_columns(body, columns)
            columns[0].keys = keys
        rows, across, pieces = _borderless_rows(columns, header, body)  # type: ignore[arg-type]
        table = Table(rows, across=across, pages=[item.page] * len(rows),
                      printed_pages=[item.printed_page] * len(rows))
        if pieces:
            table.pieces = pieces  # type: ignore[attr-defined]
        out.append(table)
    return out, columns


def _body_columns(body: list[_Segments], columns: list[_Column]) -> list[_Column]:
    """The columns of a table going on without its header, from where its texts start: the
    left edges many lines share, when there are as many as the header had (a page of a table
    laid out anew); else the header's."""
    starts = sorted(x0 for line in body if not _group_line(line) for x0, _, _ in line.segments)
    if not starts:
        return columns
    clusters: list[list[float]] = [[starts[0]]]
    for x in starts[1:]:
        if x - clusters[-1][-1] <= 2.5:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    # a column starts where at least half as many lines start as in the first column (one a row)
    first = next((len(c) for c in clusters if len(c) >= 2), 2)
    lefts = [c[0] for c in clusters if len(c) >= max(2, 0.5 * first)]
    if len(lefts) != len(columns):
        return columns
    right = max(x1 for line in body for _, x1, _ in line.segments)
    return [_Column(x, (lefts[k + 1] - 1) if k + 1 < len(lefts) else right) for k, x in enumerate(lefts)]


#: what a key column (No, a code) holds: "12", "12.", "iv", "a)", "2.16.02"
_KEY = re.compile(r"^(?:\d{1,3}|[IVXLivxl]{1,6}|[A-Za-z])[.)]?$|^\d{1,2}(?:\.\d{1,2}){1,6}\.?$")
_TOTAL_ROW = TOTAL_ROW


def _by_column(columns: list[_Column], line: _Segments) -> dict[int, list[tuple[float, float, str]]]:
    """A line's segments by the column each stands in most."""
    out: dict[int, list[tuple[float, float, str]]] = {}
    for x0, x1, text in line.segments:
        where = _place(columns, x0, x1)
        best = max(where, key=lambda k: _overlap(x0, x1, columns[k].x0, columns[k].x1))
        out.setdefault(best, []).append((x0, x1, text))
    return out


def _spanning(columns: list[_Column], line: _Segments) -> bool:
    return any(len(_place(columns, x0, x1)) > 1 for x0, x1, _ in line.segments)


def _group_line(line: _Segments) -> bool:
    return len(line.segments) == 1 and bool(_GROUP_ROW.match(line.text))


def _body_rows(columns: list[_Column], body: list[_Segments]) -> list[list[_Segments]]:
    """The body lines grouped into the table's rows: a row's cells may wrap over several lines.

    A row starts at a line holding the key column's value (the number or code in its first
    column) where the table has one; else where the gap above a line is wider than the lines
    of a cell are apart (rows set with padding). A group row ("Sasaran 1.2: ...") and a total
    row are rows of their own. Where neither tells, each line is a row (as written).
    """
    if not body:
        return []
    firsts = [_by_column(columns, line).get(0) for line in body]
    plain = [k for k, line in enumerate(body) if not _group_line(line)]
    keys = [firsts[k][0][2] for k in plain if firsts[k]]
    keyed = (len(keys) >= 2 or (keys and columns[0].keys)) and len(keys) < len(plain) and \
        sum(1 for v in keys if _KEY.match(v)) >= 0.8 * len(keys)
    columns[0].keys = columns[0].keys or bool(keyed)  # a page going on with the table goes on so
    pitches = [b.top - a.top for a, b in zip(body, body[1:])]
    size = max(line.size for line in body)
    # the lines of a cell are this far apart: the pitch met most often (a cell merged over
    # rows sets its lines across theirs, some closer)
    counted = Counter(round(p * 2) / 2 for p in pitches if p > 0)
    base = min(counted, key=lambda p: (-counted[p], p)) if counted else 0.0
    wide = [p for p in pitches if p >= base + 0.3 * size]
    spaced = bool(base) and base <= 1.6 * size and len(wide) >= 0.3 * len(pitches) and len(wide) < len(pitches)
    groups: list[list[_Segments]] = []
    alone = True  # the line before was a group row: the next line starts a row
    opened: set[int] = set()  # the columns the row's first line fills
    row_key, before = "", None  # the key of the row read, and the number of the row before it
    for k, line in enumerate(body):
        filled = set(_by_column(columns, line))
        gap = k > 0 and pitches[k - 1] >= base + 0.3 * size
        total = any(_TOTAL_ROW.match(text) for _, _, text in line.segments)
        if total and groups and not gap and not _group_line(groups[-1][0]) and (
                any(_TOTAL_ROW.match(t) for _, _, t in groups[-1][0].segments)
                or (keyed and not _by_column(columns, groups[-1][0]).get(0))):
            total = False  # a total row's label wrapped ("JUMLAH" over "TOTAL", "JUMLA" "H" "TOTAL")
        own = _group_line(line) or total
        if keyed and not firsts[k] and not own:
            # no key: the row goes on, unless the gap above is a row's, or the line fills a
            # column the row's first line left empty (cells are set from the row's top)
            starts = bool(gap or not filled <= opened)
        elif keyed:
            first = firsts[k][0][2] if firsts[k] else ""
            key = bool(first) and (_KEY.match(first) is not None or not first[:1].islower())
            above = firsts[k - 1][-1][2] if k and firsts[k - 1] else ""
            if key and not alone and re.fullmatch(r"[\d.,]*\d[.,]", above) and re.fullmatch(r"[\d.,]+", first):
                key = False  # a code cut at its dot ("2.18." over "16")
            elif key and not alone and first.isdigit() and row_key.isdigit() and (
                    (before is not None and int(row_key) != before + 1 and int(row_key + first) == before + 1)
                    or (before is None and wide and not gap)):
                # a row's number cut in a narrow column ("1" over "3": 13 after 12, or set as
                # close as a cell's lines where rows are set apart)
                key = False
            if not key:
                row_key += first
            starts = key
        elif spaced:
            starts = gap or k == 0  # rows set apart by more than a cell's lines
        else:
            starts = True
        if own or alone or starts or not groups:
            groups.append([line])
            opened = filled
            if keyed:
                before = int(row_key) if row_key.isdigit() else None
                row_key = firsts[k][0][2].rstrip(".)") if firsts[k] and not own else ""
        else:
            groups[-1].append(line)
        alone = _group_line(line)  # a total row's label may wrap ("Jumlah" over "Sasaran 1.1")
    return groups


def _borderless_rows(columns: list[_Column], header: list[_Segments], body: list[_Segments]
                     ) -> tuple[list[list[str]], list[list[bool]], dict]:
    """The rows of a borderless table: header lines with a label over several columns each a
    row of their own, the other header lines one row; body lines grouped into rows
    (:func:`_body_rows`). A cell's lines are joined; a word cut at the end of a full line, and
    a figure cut over lines, are marked to be put back together (``pieces``, :func:`_mend_table`)."""
    # the header: a row for each line's labels over several columns (a group label "Pagu
    # Indikatif" over the years), then one row of every column's own labels, all lines read
    # down each column (a label cut by a narrow column: "Targ" over "et 2025")
    bands: list[list[_Segments]] = []
    own: list[_Segments] = []
    for line in header:
        over = [seg for seg in line.segments if len(_place(columns, seg[0], seg[1])) > 1]
        if over:
            wide = _Segments(line.text, line.page, line.printed_page, line.bold)
            wide.segments, wide.pieces, wide.top, wide.size = over, None, line.top, line.size
            bands.append([wide])
        mine = [seg for seg in line.segments if len(_place(columns, seg[0], seg[1])) == 1]
        if mine:
            narrow = _Segments(line.text, line.page, line.printed_page, line.bold)
            narrow.segments, narrow.pieces, narrow.top, narrow.size = mine, None, line.top, line.size
            own.append(narrow)
    if own:
        bands.append(own)
    groups = bands + _body_rows(columns, body)
    placed = [[_by_column(columns, line) for line in group] for group in groups]
    # each column's right edge: the furthest its text reaches (a text over several columns aside)
    edge = [float("-inf")] * len(columns)
    for group in placed:
        for per in group:
            for c, segments in per.items():
                for x0, x1, _ in segments:
                    if len(_place(columns, x0, x1)) == 1:
                        edge[c] = max(edge[c], x1)
    # each cell's lines: (its segments, the size of the line's text)
    cells = [[[(per[c], line.size) for line, per in zip(group, per_line) if per.get(c)]
              for c in range(len(columns))] for group, per_line in zip(groups, placed)]
    for g in range(len(bands) + 1, len(groups)):  # (the body's rows)
        for c in range(len(columns)):
            here, above = cells[g][c], cells[g - 1][c]
            if not here or not above or _group_line(groups[g - 1][0]):
                continue
            (first, size), (last, _) = here[0], above[-1]
            text = " ".join(t for _, _, t in first)
            word = text.split()[0]
            width = (first[0][1] - first[0][0]) * len(word) / max(1, len(first[0][2]))
            if word[:1].islower() and edge[c] - last[-1][1] < width + 0.3 * size:
                # a cell merged over several rows runs on into the next row's first line (its
                # first word would not fit on the line above): the line is the cell's
                above.append(here.pop(0))
    rows: list[list[str]] = []
    across: list[list[bool]] = []
    pieces: dict[tuple[int, int], list[list[tuple[str, bool | str]]]] = {}
    for g, (group, per_line) in enumerate(zip(groups, placed)):
        row = [""] * len(columns)
        flags = [False] * len(columns)
        if g < len(bands) and _spanning(columns, group[0]):
            for x0, x1, text in group[0].segments:  # a label over several columns: merged across
                where = _place(columns, x0, x1)
                row[where[0]] = f"{row[where[0]]} {text}".strip()
                for k in where[1:]:
                    flags[k] = True
            rows.append(row)
            across.append(flags)
            continue
        for c in range(len(columns)):
            lines: list[str] = []
            cell: list[list[tuple[str, bool | str]]] = []
            end = None
            for segments, size in cells[g][c]:
                text = " ".join(t for _, _, t in segments)
                words = text.split()
                mark: bool | str = False
                if end is not None:
                    mark = CUT if edge[c] - end < 0.85 * size else True
                cell.append([(w, mark if j == 0 else False) for j, w in enumerate(words)])
                lines.append(text)
                end = segments[-1][1]
            if not lines:
                continue
            row[c] = clean("\n".join(_join_cut_figures(lines)))
            if len(cell) > 1:
                pieces[(len(rows), c)] = cell
        rows.append(row)
        across.append(flags)
    return rows, across, pieces
