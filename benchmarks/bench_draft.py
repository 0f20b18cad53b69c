"""Benchmark of ``smartsync draft`` on a long text RPJMD: ``python benchmarks/bench_draft.py [--quick]``.

Writes (once, cached in a temporary folder) text-PDF RPJMDs of about 100 and 300 pages
with tests/docgen.py: a long situation-analysis chapter (text and realisation tables,
read and passed over), the vision/mission chapter and a landscape program table. Then,
each in a fresh process:

1. the time to draft the whole 300-page document and its pages per second (target of issue
   24: the whole document in 10 s or less on this 2-core machine), and the CPU time of the
   process (the wall time grows when other work shares the machine; CPU time less so);
2. the peak memory (maximum resident set) drafting 100 and 300 pages, and the growth per
   100 pages: the readers keep the lines and tables of a page, not the page, so memory
   should stay flat in the number of pages.

3. ``--ratio``: reading the 300-page RPJMD in one process, the way of before (every
   character's box asked of PDFium, one helper object per page object, pdfplumber's cell
   search) against today's (a word's box from its first and last character where PDFium drew
   it in one piece, page objects as handles, cells looked up by row and column), as a ratio
   of CPU times, best of three each, the outputs checked equal;

4. ``--rows``: drafting a SIPD-like CSV of 500, 1,000, 2,000 and 4,000 program rows in one
   process, each time as a ratio to the 500-row time (linear drafting doubles it with each
   doubling of the rows; the quadratic drafting of before grew it fourfold), with each
   row its own code and with every row the same code.

5. ``--word``: reading a Word RPJMD of 1,000, 2,000 and 4,000 ordinary paragraphs (a long
   situation-analysis chapter, as python-docx writes it) in one process, as CPU time and as
   a ratio to asking python-docx each paragraph's style, which the reader did before (a
   lookup among every style of the document each time: 7.6 s CPU for 4,000 paragraphs).

Figures are reported, not asserted (times drift with the machine's load). The target of
issue 24 is a 300-page text RPJMD in 10 s of wall time on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def _write(folder: Path, pages: int) -> tuple[Path, Path, int]:
    from docgen import known_region, write_corpus

    import pdfplumber

    region = known_region(11, missions=6, programs_per_target=(3, 5))
    # a filler block is about one page; the rest of the document about ten
    files = write_corpus(region, folder, "pdf", 11, filler_pages=max(1, int((pages - 10) * 1.17)))
    rpjmd = files["rpjmd"][0]
    with pdfplumber.open(rpjmd) as pdf:
        count = len(pdf.pages)
    return rpjmd, files["masterplan"][0], count


def _cached(pages: int) -> tuple[str, Path, Path]:
    """The generated RPJMD of about ``pages`` pages and its masterplan, written once."""
    folder = Path(tempfile.gettempdir()) / "smartsync-bench-draft" / str(pages)
    marker = folder / "pages.txt"
    if not marker.exists():
        print(f"writing a {pages}-page RPJMD ...", file=sys.stderr)
        rpjmd, masterplan, count = _write(folder, pages)
        marker.write_text(f"{count}\n{rpjmd}\n{masterplan}\n")
    count_text, rpjmd_text, masterplan_text = marker.read_text().split("\n")[:3]
    return count_text, Path(rpjmd_text), Path(masterplan_text)


def _child(rpjmd: str, masterplan: str) -> None:
    from smartsync.documents import draft_region

    start = time.perf_counter()
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime,
                      "peak_mb": usage.ru_maxrss / 1024, "pages": draft.pages,
                      "programs": len(draft.region.rpjmd.at("program"))}))


def _run(rpjmd: Path, masterplan: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(rpjmd), str(masterplan)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _rows(folder: Path) -> None:
    """Drafting time of a CSV table as its rows double, as ratios to the first."""
    from smartsync.documents import draft_region

    folder.mkdir(parents=True, exist_ok=True)
    masterplan = folder / "masterplan.csv"
    masterplan.write_text("MASTERPLAN SMART CITY KOTA UJI 2022-2031\nDimensi;Program\nSmart Governance;Satu data\n",
                          encoding="utf-8")
    # each row its own code, then every row the same code (a hostile table: a program is
    # looked up among those of its code by an index, not compared with each of them)
    for shared in (False, True):
        base = None
        for rows in (500, 1000, 2000, 4000):
            path = folder / f"rpjmd-{rows}{'-one-code' if shared else ''}.csv"
            lines = ["RPJMD KOTA UJI TAHUN 2021-2026", "Sasaran;Kode;Program;Perangkat Daerah;Pagu 2022 (Rp);Pagu 2023 (Rp)"]
            lines += [f"Sasaran nomor {i // 7};"
                      + ("2.16.02" if shared else f"{1 + i % 3}.{1 + (i // 3) % 99:02d}.{1 + (i // 297) % 99:02d}")
                      + f";Program uji nomor {i};Dinas {i % 40};{1_000_000_000 + i};{2_000_000_000 + i}"
                      for i in range(rows)]
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            start = time.process_time()
            draft_region(rpjmd=path, masterplan=masterplan)
            seconds = time.process_time() - start
            base = base or seconds
            print(f"{rows:>5} CSV rows{' (one code)' if shared else ''}: {seconds:6.2f} s CPU, "
                  f"{seconds / base:5.2f} x the 500-row time (linear: {rows / 500:.0f} x)")


def _word(folder: Path) -> None:
    """CPU time of reading long Word documents, against asking each paragraph's style."""
    import docx

    from smartsync.documents import readers

    folder.mkdir(parents=True, exist_ok=True)
    for count in (1000, 2000, 4000):
        path = folder / f"long-{count}.docx"
        if not path.exists():
            document = docx.Document()
            document.add_paragraph("RPJMD KOTA UJI TAHUN 2025-2029")
            document.add_paragraph("BAB II GAMBARAN UMUM KONDISI DAERAH")
            for i in range(count):
                document.add_paragraph(f"Paragraf analisis kondisi daerah nomor {i}: jumlah "
                                       "penduduk, luas wilayah dan pertumbuhan ekonomi.")
            document.add_paragraph("BAB V VISI DAN MISI")
            document.save(path)
        start = time.process_time()
        readers.read_document(path)
        reading = time.process_time() - start
        start = time.process_time()
        for paragraph in docx.Document(path).paragraphs:
            paragraph.style  # noqa: B018 - the lookup the reader asked of each paragraph before
        styles = time.process_time() - start
        print(f"{count:>5} Word paragraphs: read in {reading:5.2f} s CPU; python-docx's style "
              f"of each paragraph alone {styles:5.2f} s CPU ({styles / reading:4.1f} x the reading)")


def _per_character() -> dict:
    """The reader's page functions as they were before they read words whole (the baseline)."""
    import ctypes

    import pypdfium2.raw as raw
    from pdfplumber.table import intersections_to_cells

    from smartsync.documents import readers

    def page_words(textpage, height):
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        chars = readers._page_chars(textpage, height, range(count), text)
        return readers._words(chars), readers._spaced(chars)

    def page_paths(page, height):
        edges, image_area = [], 0.0
        x, y = ctypes.c_float(), ctypes.c_float()
        for obj in page.get_objects(max_depth=2):
            if obj.type == raw.FPDF_PAGEOBJ_IMAGE:
                left, bottom, right, top = obj.get_bounds()
                image_area = max(image_area, (right - left) * (top - bottom))
                continue
            if obj.type != raw.FPDF_PAGEOBJ_PATH:
                continue
            a, b, c, d, e, f = obj.get_matrix().get()
            points, start = [], None
            for i in range(raw.FPDFPath_CountSegments(obj.raw)):
                segment = raw.FPDFPath_GetPathSegment(obj.raw, i)
                raw.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y))
                point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
                kind = raw.FPDFPathSegment_GetType(segment)
                if kind == raw.FPDF_SEGMENT_MOVETO or not points:
                    start = point
                elif kind == raw.FPDF_SEGMENT_LINETO:
                    readers._edge(edges, points[-1], point, height)
                if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                    readers._edge(edges, point, start, height)
                points.append(point)
        return edges, image_area

    return {"_page_words": page_words, "_page_paths": page_paths,
            "_intersections_to_cells": intersections_to_cells}


def _ratio(rpjmd: Path) -> None:
    """CPU time of reading the long RPJMD the way of before and today's, in one process."""
    from smartsync.documents import readers

    def items(document):
        return [(type(i).__name__, getattr(i, "text", None) or getattr(i, "cells", None), i.page
                 if hasattr(i, "text") else i.pages) for i in document.items]

    today = {name: getattr(readers, name) for name in ("_page_words", "_page_paths", "_intersections_to_cells")}
    baseline = _per_character()
    times: dict[str, list[float]] = {"before": [], "today": []}
    outputs = {}
    for _ in range(3):
        for label, functions in (("before", baseline), ("today", today)):
            for name, function in functions.items():
                setattr(readers, name, function)
            start = time.process_time()
            document = readers.read_document(rpjmd)
            times[label].append(time.process_time() - start)
            outputs[label] = items(document)
    for name, function in today.items():
        setattr(readers, name, function)
    before, now = min(times["before"]), min(times["today"])
    print(f"reading {rpjmd.name} ({len(outputs['today'])} items): before {before:.2f} s CPU, today {now:.2f} s "
          f"CPU: {before / now:.2f} x faster; same items: {outputs['before'] == outputs['today']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 and 90 pages instead of 100 and 300")
    parser.add_argument("--rows", action="store_true", help="only the CSV rows' scaling (section 4)")
    parser.add_argument("--ratio", action="store_true",
                        help="only the reading of the long RPJMD, before and today, in one process (section 3)")
    parser.add_argument("--word", action="store_true",
                        help="only the reading of long Word documents (section 5)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    if args.rows:
        with tempfile.TemporaryDirectory() as tmp:
            _rows(Path(tmp))
        return 0
    if args.word:
        with tempfile.TemporaryDirectory() as tmp:
            _word(Path(tmp))
        return 0
    sizes = (30, 90) if args.quick else (100, 300)
    if args.ratio:
        _ratio(_cached(sizes[-1])[1])
        return 0
    results = {}
    for pages in sizes:
        count_text, rpjmd, masterplan = _cached(pages)
        result = _run(rpjmd, masterplan)
        results[pages] = result
        print(f"{result['pages']:>4} pages (RPJMD {count_text} + masterplan): {result['seconds']:6.1f} s "
              f"({result['cpu']:.1f} s CPU, with start-up), {result['pages'] / result['seconds']:5.1f} pages/s, "
              f"peak memory {result['peak_mb']:6.1f} MB, "
              f"{result['programs']} programs drafted")
    small, large = (results[s] for s in sizes)
    growth = (large["peak_mb"] - small["peak_mb"]) / ((large["pages"] - small["pages"]) / 100)
    print(f"memory growth: {growth:.1f} MB per 100 pages "
          f"({small['peak_mb']:.0f} MB at {small['pages']} pages, {large['peak_mb']:.0f} MB at {large['pages']})")
    target = 10.0 * large["pages"] / 300
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"target: {large['pages']} pages in <= {target:.0f} s of wall time: "
          f"{'met' if large['seconds'] <= target else 'MISSED'} ({large['seconds']:.1f} s; "
          f"load average {load:.1f} on {os.cpu_count()} cores: the wall time on an idle machine is about "
          f"the CPU time, {large['cpu']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
