"""Readers: a PDF, Word, workbook or CSV file as a :class:`~smartsync.documents._doc.Document`.

Each reader needs its library only when it runs (the ``documents`` extra: pypdfium2,
pdfplumber, python-docx, openpyxl); a missing one is a clear error.
"""

from __future__ import annotations

import bisect
import csv
import io
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

from ._doc import Document, DocumentError, Line, Table
from ._text import clean, numbering

__all__ = ["read_document", "SUFFIXES"]

#: the file suffixes :func:`read_document` reads
SUFFIXES = (".pdf", ".docx", ".xlsx", ".xlsm", ".csv")

Progress = Callable[[int, int], None]


def _need(module: str, package: str) -> Any:
    try:
        return __import__(module)
    except ImportError:
        raise DocumentError(package, f"reading this kind of file needs {package}: "
                            "pip install 'smartsync[documents]'", "missing-reader") from None


def read_document(path: str | os.PathLike[str], *, progress: Progress | None = None) -> Document:
    """Read one file by its suffix; raises :class:`DocumentError` for a file it cannot read."""
    path = Path(path)
    name = str(path)
    if not path.exists():
        raise DocumentError(name, "no such file", "no-such-file")
    if path.is_dir():
        raise DocumentError(name, "is a folder, not a document", "not-a-file")
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return read_pdf(path, progress=progress)
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix == ".csv":
        return read_csv(path)
    raise DocumentError(name, f"cannot read {suffix or 'a file without a suffix'}; "
                        f"give {', '.join(SUFFIXES)} (a .doc or .xls: save it as .docx or .xlsx)",
                        "unknown-kind")


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
    """Every sheet of a workbook as a table; merged cells marked as covered."""
    openpyxl = _need("openpyxl", "openpyxl")
    import zipfile

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except zipfile.BadZipFile:
        raise DocumentError(str(path), _encrypted_or_corrupt(path, "workbook"), "corrupt") from None
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise DocumentError(str(path), f"is not a readable workbook ({exc})", "corrupt") from None
    items: list[Line | Table] = []
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        if not rows:
            continue
        _refuse_uncomputed(path, sheet.title, rows)
        width = max(len(r) for r in rows)
        covered = [[False] * width for _ in rows]
        across = [[False] * width for _ in rows]
        for merged in sheet.merged_cells.ranges:
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if r - 1 >= len(rows) or c - 1 >= width or (r, c) == (merged.min_row, merged.min_col):
                        continue
                    if c == merged.min_col:
                        covered[r - 1][c - 1] = True
                    else:
                        across[r - 1][c - 1] = True
                        covered[r - 1][c - 1] = r > merged.min_row
        items.append(Table(rows, covered, across, rows_at=list(range(1, len(rows) + 1)),
                           sheet=sheet.title))
    return Document(str(path), items, pages=len(items))


def _refuse_uncomputed(path: Path, sheet: str, rows: list[list[str]]) -> None:
    """A formula whose value the workbook does not hold (written by a program that does not
    compute formulas) reads as an empty cell: a pagu silently lost. Refuse it, naming the cells."""
    if not any(not cell for row in rows for cell in row):
        return
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=False)
        formulas = book[sheet]
        missing = [f"{get_column_letter(c + 1)}{r + 1}"
                   for r, row in enumerate(formulas.iter_rows(values_only=True)) if r < len(rows)
                   for c, value in enumerate(row)
                   if isinstance(value, str) and value.startswith("=") and c < len(rows[r]) and not rows[r][c]]
        book.close()
    except Exception:  # noqa: BLE001 - the values were read; this second look is only a check
        return
    if missing:
        cells = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        raise DocumentError(str(path), f"sheet {sheet!r}: formulas without a computed value in {cells} (the "
                            "workbook was saved by a program that does not compute them): open it in a "
                            "spreadsheet program and save it, then draft again", "uncomputed")


def _encrypted_or_corrupt(path: Path, what: str) -> str:
    head = path.read_bytes()[:8]
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return (f"is an encrypted (password-protected) or old-format {what}: remove the password "
                f"or save it as {'.xlsx' if what == 'workbook' else '.docx'}, then try again")
    return f"is not a {what} (the file is corrupt or of another kind)"


def _csv_dialect(sample: str) -> Any:
    """The separator that splits the most lines into the same number of fields (the sniffer of
    the standard library gives up on a file whose title rows above the header hold no separator)."""
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        pass
    lines = sample.splitlines()[:200]
    best, best_score = csv.excel, 0
    for sep in (";", ",", "\t", "|"):
        widths = [len(row) for row in csv.reader(lines, delimiter=sep) if len(row) > 1]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        score = widths.count(common) * common
        if score > best_score:
            best_score = score
            best = type("_Sep", (csv.excel,), {"delimiter": sep})
    return best


def read_csv(path: Path) -> Document:
    """A CSV file (comma, semicolon or tab separated; UTF-8 or Windows-1252) as one table."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    if "\x00" in text:
        raise DocumentError(str(path), "is not a text CSV file (it holds binary data)", "corrupt")
    dialect = _csv_dialect(text[:20000])
    rows = [[clean(c) for c in row] for row in csv.reader(io.StringIO(text), dialect)]
    return Document(str(path), [Table(rows, rows_at=list(range(1, len(rows) + 1)))], pages=1)


# --------------------------------------------------------------------------
# Word


def read_docx(path: Path) -> Document:
    """Paragraphs and tables of a Word file in order; pages counted at page breaks."""
    docx = _need("docx", "python-docx")
    import zipfile

    try:
        document = docx.Document(str(path))
    except zipfile.BadZipFile:
        raise DocumentError(str(path), _encrypted_or_corrupt(path, "Word file"), "corrupt") from None
    except Exception as exc:
        raise DocumentError(str(path), f"is not a readable Word file ({exc})", "corrupt") from None
    from docx.oxml.ns import qn

    body = document.element.body
    items: list[Line | Table] = []
    page = 1
    p_tag, tbl_tag = qn("w:p"), qn("w:tbl")
    br_tag, type_attr = qn("w:br"), qn("w:type")
    rendered = qn("w:lastRenderedPageBreak")
    from docx.table import Table as DocxTable
    from docx.text.paragraph import Paragraph

    def breaks(element: Any) -> int:
        count = 0
        for node in element.iter(br_tag, rendered):
            if node.tag == rendered or node.get(type_attr) == "page":
                count += 1
        return count

    counters: dict[str, list[int]] = {}
    for child in body.iterchildren():
        if child.tag == p_tag:
            paragraph = Paragraph(child, document)
            before = breaks(child)
            text = paragraph.text
            if before and not text.strip():
                page += before
                continue
            style = (paragraph.style.name or "") if paragraph.style is not None else ""
            bold = style.lower().startswith(("heading", "title")) or bool(
                paragraph.runs and all(r.bold for r in paragraph.runs if r.text.strip()))
            text = _list_number(child, style, text, counters)
            for part in text.split("\n"):
                if part.strip():
                    items.append(Line(clean(part), page, None, bold))
            page += before
        elif child.tag == tbl_tag:
            table = DocxTable(child, document)
            items.append(_docx_table(table, page))
            page += breaks(child)
    return Document(str(path), items, pages=page)


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
    return f"{count[level]}. {text}"


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
            texts.append("" if (is_right or is_down) else clean("\n".join(p.text for p in cell.paragraphs)))
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
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise DocumentError(name, "is encrypted (password-protected): remove the password "
                                "(print it to a new PDF), then try again", "encrypted") from None
        if _no_pages(path):  # PDFium refuses a PDF of no pages with a stale error code
            raise DocumentError(name, "holds no pages", "corrupt") from None
        raise DocumentError(name, f"is not a readable PDF ({exc}: the file is corrupt or of "
                            "another kind)", "corrupt") from None
    items: list[Line | Table] = []
    scanned: list[int] = []
    raw_pages: list[list[tuple[float, Line | Table]]] = []
    try:
        total = len(pdf)
        for number in range(1, total + 1):
            if number % _REOPEN_EVERY == 0:  # PDFium's caches grow with the pages read: let them go
                pdf.close()
                pdf = pdfium.PdfDocument(str(path))
            try:
                page = pdf[number - 1]
                try:
                    placed = _pdfium_page(page, number)
                finally:
                    page.close()
            except DocumentError:
                raise
            except Exception as exc:
                raise DocumentError(name, f"page {number} cannot be read ({type(exc).__name__}: "
                                    "the file is corrupt)", "corrupt") from None
            if placed is None:
                scanned.append(number)
                placed = []
            raw_pages.append(placed)
            if progress is not None:
                progress(number, total)
    finally:
        pdf.close()
    if scanned:
        raise DocumentError(name, f"page{'s' if len(scanned) > 1 else ''} {_ranges(scanned)} "
                            "hold{} images without text (a scan): run OCR first (for instance "
                            "ocrmypdf), then draft from the OCR'd PDF".format(
                                "" if len(scanned) > 1 else "s"), "scanned")
    _drop_running(raw_pages)
    columns: list[_Column] | None = None
    for index, placed in enumerate(raw_pages):
        page_items, columns = _borderless([item for _, item in placed], columns)
        for item in page_items:  # keep a line's text, not its word positions
            items.append(Line(item.text, item.page, item.printed_page, item.bold)
                         if isinstance(item, _Segments) else item)
        raw_pages[index] = []
    return Document(name, items, pages=len(raw_pages))


def _pdfium_page(page: Any, number: int) -> list[tuple[float, Line | Table]] | None:
    """The items of one page with their top positions; ``None`` for a page that is only images."""
    import ctypes

    import pypdfium2.raw as raw

    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        one_to_one = len(text) == count
        chars = []
        size, bold, word_start = 10.0, False, True
        font_name = ctypes.create_string_buffer(128)
        box = raw.FS_RECTF()
        loose_box = raw.FPDFText_GetLooseCharBox
        handle = textpage.raw
        for k in range(count):
            if one_to_one:
                char = text[k]
            else:  # pragma: no cover - characters outside the BMP: ask one by one
                code = raw.FPDFText_GetUnicode(textpage.raw, k)
                char = chr(code) if 0 < code < 0x110000 else " "
            if char in "\x02\xad\ufffe":  # PDFium's marks for a hyphen that ends a line
                char = "-"
            if char.isspace() or char in "\x00\uffff":
                word_start = True
                continue
            if word_start:  # the size and weight of a word's first character serve the word
                size = raw.FPDFText_GetFontSize(textpage.raw, k) or 10.0
                weight = raw.FPDFText_GetFontWeight(textpage.raw, k)
                bold = weight >= 600
                if weight <= 0:  # the 14 standard fonts carry no weight: "Helvetica-Bold" says it by name
                    length = raw.FPDFText_GetFontInfo(textpage.raw, k, font_name, len(font_name), None)
                    bold = bool(re.search(rb"bold|black|heavy", font_name.raw[:max(0, length - 1)], re.I))
                word_start = False
            loose_box(handle, k, box)
            chars.append((char, box.left, box.right, height - box.top, height - box.bottom, size, bold))
    finally:
        textpage.close()
    edges: list[dict[str, Any]] = []
    image_area = 0.0
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in page.get_objects(max_depth=2):
        if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
            l, b, r, t = obj.get_bounds()
            image_area = max(image_area, (r - l) * (t - b))
            continue
        if obj.type != raw.FPDF_PAGEOBJ_PATH:
            continue
        matrix = obj.get_matrix().get()
        a, bb, c, d, e, f = matrix
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for i in range(raw.FPDFPath_CountSegments(obj.raw)):
            segment = raw.FPDFPath_GetPathSegment(obj.raw, i)
            raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
            point = (a * x.value + c * y.value + e, bb * x.value + d * y.value + f)
            kind = raw.FPDFPathSegment_GetType(segment)
            if kind == raw.FPDF_SEGMENT_MOVETO or not points:
                start = point
            elif kind == raw.FPDF_SEGMENT_LINETO:
                _edge(edges, points[-1], point, height)
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _edge(edges, point, start, height)
            points.append(point)
    if not any(ch[0].strip() for ch in chars):
        if image_area > 0.3 * width * height:
            return None
        return []
    placed: list[tuple[float, Line | Table]] = []
    boxes: list[tuple[float, float, float, float]] = []
    if edges:
        for grid, bbox in _ruled_tables(edges, chars, number):
            boxes.append(bbox)
            placed.append((bbox[1], grid))
    if boxes:
        def outside(ch: tuple) -> bool:
            cx, cy = (ch[1] + ch[2]) / 2, (ch[3] + ch[4]) / 2
            for bx in boxes:
                if bx[0] <= cx <= bx[2] and bx[1] <= cy <= bx[3]:
                    return False
            return True
        chars = [ch for ch in chars if outside(ch)]
    for top, line_words in _visual_lines(_words(chars)):
        placed.append((top, _line_or_row(line_words, number)))
    placed.sort(key=lambda pair: pair[0])
    return placed


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


def _words(chars: list[tuple]) -> list[dict[str, Any]]:
    """Characters into words: neighbours on one line with no space and no gap between them."""
    ordered = sorted(chars, key=lambda ch: (round(ch[3] / 2), ch[1]))
    words: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for char, x0, x1, top, bottom, size, bold in ordered:
        if char.isspace():
            current = None
            continue
        if current is not None and abs(top - current["top"]) <= 2 and \
                -1.5 <= x0 - current["x1"] <= max(1.0, 0.15 * size):
            current["text"] += char
            current["x1"] = max(current["x1"], x1)
            current["bold"] = current["bold"] and bold
            continue
        current = {"text": char, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": size,
                   "bold": bold, "fontname": "Bold" if bold else ""}
        words.append(current)
    for word in words:
        word["fontname"] = "Bold" if word["bold"] else ""
    return words


def _ruled_tables(edges: list[dict[str, Any]], chars: list[tuple], page: int
                  ) -> list[tuple[Table, tuple[float, float, float, float]]]:
    from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    merged = merge_edges(edges, 3, 3, 3, 3)
    merged = [e for e in merged if (e["x1"] - e["x0"]) >= 3 or (e["bottom"] - e["top"]) >= 3]
    cells = intersections_to_cells(edges_to_intersections(merged, 3, 3))
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
        texts: dict[tuple[int, int], list[tuple]] = {}
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
        # each grid position's owning cell, then each character placed by bisection
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
        for ch in chars:
            cx, cy = (ch[1] + ch[2]) / 2, (ch[3] + ch[4]) / 2
            if not (x_lo <= cx <= x_end and y_lo <= cy <= y_end):
                continue
            at = (max(0, bisect.bisect_right(ys, cy) - 1), max(0, bisect.bisect_right(xs, cx) - 1))
            found = owner.get(at)
            if found is not None:
                texts.setdefault(found, []).append(ch)
        for (r, c), found in texts.items():
            lines: list[str] = []
            for _, line_words in _visual_lines(_words(found)):
                lines.append(" ".join(w["text"] for w in line_words))
            grid[r][c] = clean("\n".join(lines))
        bbox = (xs[0], ys[0], x_end, y_end)
        out.append((Table(grid, covered, across, pages=[page] * len(grid)), bbox))
    return out


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


_PAGE_NUMBER = re.compile(r"^(?:(?:hal(?:aman)?\.?|page)\s*)?((?:[IVXLivxl]+|\d{1,3})(?:\s*[-–.]\s*\d{1,3})?)$", re.I)


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


def _line_or_row(words: list[dict[str, Any]], page: int) -> Line:
    segments: list[tuple[float, float, str]] = []
    for word in words:
        size = float(word.get("size") or 10)
        if segments and float(word["x0"]) - segments[-1][1] < size * 1.2:
            x0, _, text = segments[-1]
            segments[-1] = (x0, float(word["x1"]), f"{text} {word['text']}")
        else:
            segments.append((float(word["x0"]), float(word["x1"]), word["text"]))
    text = " ".join(s[2] for s in segments)
    bold = all("bold" in str(w.get("fontname", "")).lower() for w in words)
    line = _Segments(clean(text), page, None, bold)
    line.segments = segments
    return line


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
            elif key(line.text) in running:
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
_GROUP_ROW = re.compile(r"^(misi|tujuan|sasaran|urusan|bidang|dimensi|smart|visi)\b", re.I)


class _Column:
    def __init__(self, x0: float, x1: float):
        self.x0, self.x1 = x0, x1


def _is_header(line: Line) -> bool:
    segments = getattr(line, "segments", None)
    if not segments or len(segments) < 3:
        return False
    hits = sum(bool(_HEADER_WORDS.search(s[2])) for s in segments)
    return hits >= 3 and not any(re.search(r"\d[.,]\d{3}", s[2]) for s in segments)


def _overlap(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def _columns(header: list[Line]) -> list[_Column]:
    columns: list[_Column] = []
    for line in reversed(header):  # the lowest header line is the most specific
        for x0, x1, _ in line.segments:  # type: ignore[attr-defined]
            if not any(_overlap(x0, x1, c.x0, c.x1) > 0 for c in columns):
                columns.append(_Column(x0, x1))
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
    return x0 > columns[0].x1 + 2 and x1 <= columns[-1].x1 + 5


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
        if _is_header(item):
            header = [item]
            # header lines above (a group label "Pagu Indikatif") and below (the years)
            while out and isinstance(out[-1], Line) and getattr(out[-1], "segments", None) and \
                    _HEADER_WORDS.search(out[-1].text) and len(out[-1].text) < 120 and \
                    not out[-1].text.lower().startswith(("tabel", "table", "bab")):
                header.insert(0, out.pop())  # type: ignore[arg-type]
            j = i + 1
            while j < len(items) and isinstance(items[j], Line) and getattr(items[j], "segments", None) \
                    and not re.search(r"\d[.,]\d{3}", items[j].text) and (
                        _HEADER_WORDS.search(items[j].text) or re.fullmatch(r"[\d\s]+", items[j].text)
                        or len(re.findall(r"\b(?:19|20)\d\d\b", items[j].text)) >= 2) \
                    and not _GROUP_ROW.match(items[j].text) and len(items[j].segments) >= 1 \
                    and not re.fullmatch(r"\(?1\)?(\s+\(?\d+\)?)+", items[j].text):
                header.append(items[j])  # type: ignore[arg-type]
                j += 1
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
        rows = [_row(columns, h) for h in header]
        covered_across = [[False] * len(columns) for _ in header]
        # header rows: a label over several columns counts as merged across
        for r, h in enumerate(header):
            for x0, x1, text in h.segments:  # type: ignore[attr-defined]
                where = _place(columns, x0, x1)
                if len(where) > 1:
                    rows[r][where[0]] = text
                    for k in where[1:]:
                        rows[r][k] = ""
                        covered_across[r][k] = True
        body_start = len(rows)
        while i < len(items) and isinstance(items[i], Line) and _in_table(items[i], columns):  # type: ignore[arg-type]
            rows.append(_row(columns, items[i]))  # type: ignore[arg-type]
            i += 1
        page = item.page
        across = covered_across + [[False] * len(columns) for _ in range(len(rows) - body_start)]
        out.append(Table(rows, across=across, pages=[page] * len(rows),
                         printed_pages=[item.printed_page] * len(rows)))
    return out, columns
