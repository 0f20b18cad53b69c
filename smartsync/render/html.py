"""Self-contained HTML reports: a page per region with the alignment diagram, and an index.

- :func:`render_html` -- one region's page as a string: from the top, the
  type and its characteristics; the alignment diagram
  (:mod:`smartsync.render.diagram`); coverage per stage as bars; the
  diagnostics; the funding summary; why not each other type; the full
  explanation trace, folded.
- :func:`render_index` -- the index page of several regions: a bar chart of
  the regions per type and a table linking each region's page, with its
  type and the coverage of each stage.
- :func:`write_report` -- both, written to a folder, from region files (bad
  files are reported and the others go on) or :class:`~smartsync.Region`
  objects.

A page needs nothing but itself: the stylesheet and the SVG are inline, no
script, no font, no request to the network. It prints on A4 (a print
stylesheet opens the folded trace and keeps boxes whole). Every text taken
from a region file is escaped. The same input gives the same bytes (no
clock, no random).
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence, Union

import attrs

from .._text import for_markup
from ..errors import OutputError, Place, Problem, Severity, coded_problem
from ..model import Region
from ..result import Classification, StageResult
from ..messages import section
from ..typology import Parameters
from .diagram import alignment_diagram, diagram_css, diagram_legend, format_rupiah

__all__ = ["render_html", "render_index", "write_report", "format_rupiah", "Report",
           "ReportPage", "ReportFailure", "ReportSource"]

PathLike = Union[str, "os.PathLike[str]"]

from .sections import (  # noqa: F401  (the page is made of them; kept importable from here)
    PAGE_LABELS, _CSS, _a, _advice_section, _check_lang, _coverage_section, _css,
    _diagnostics_section, _diagram_section, _e, _fact, _funding_section, _label, _lines_html,
    _page, _share, _stage_row, _trace_section, _type_section, _value, _version,
    _why_not_section,
)


def render_html(region: Region, classification: Classification | None = None, *,
                lang: str = "en", params: Parameters | None = None,
                warnings: Sequence[Problem] = (), index_link: str | None = None) -> str:
    """One region's report as a self-contained HTML page.

    ``classification``: the region's classification, or its
    :class:`~smartsync.explain.Explanation` (computed with ``params`` when
    not given; the advice asked of :func:`smartsync.explain.explain` when
    not given; :class:`ValueError` when it is another region's). ``lang``: ``en`` or ``id``. ``warnings``: problems of the
    region file to list with the diagnostics. ``index_link``: the address of
    an index page to link back to.
    """
    from ..messages import using
    from ._subject import parts

    given = parts(classification)[0] if classification is not None else None
    with using(getattr(given, "messages", None)):
        return _render_html(region, classification, lang=lang, params=params,
                            warnings=warnings, index_link=index_link)


def _render_html(region: Region, classification: Classification | None = None, *,
                lang: str = "en", params: Parameters | None = None,
                warnings: Sequence[Problem] = (), index_link: str | None = None) -> str:
    """The page of :func:`render_html`."""
    if not isinstance(region, Region):
        hint = " (read it with smartsync.load_region first)" if isinstance(region, (str, os.PathLike)) else ""
        raise TypeError(f"render_html takes a smartsync.Region, got {type(region).__name__}{hint}")
    _check_lang(lang)
    from ._subject import parts

    if classification is None:
        from ..engine import classify

        classification = classify(region, params=params)
    c, advice = parts(classification)
    if c.region_id != region.id:
        raise ValueError(f"the classification is of region {c.region_id!r}, "
                         f"not of region {region.id!r}")
    if advice is None:
        # a report page always shows what to change: the report writer asks the
        # explanation layer for it (the page's sections only format what they are given)
        from ..explain import explain

        advice = explain(c).advice
    kind = _label(f"kind.{region.kind.value}", lang)
    meta = [kind, region.id]
    if region.province:
        meta.append(region.province)
    meta.append(_label("period", lang, plan="RPJMD", start=region.rpjmd.period.start,
                       end=region.rpjmd.period.end))
    meta.append(_label("period", lang, plan="Masterplan", start=region.masterplan.period.start,
                       end=region.masterplan.period.end))
    back = (f'<p class="crumbs"><a href="{_a(index_link)}">{_e(_label("back", lang))}</a></p>'
            if index_link else "")
    body = "\n".join([
        f'<header class="region" data-region="{_a(region.id)}">{back}'
        f"<h1>{_e(region.name)}</h1>"
        f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p>{_rules_note(c, lang)}</header>',
        _type_section(region, c, lang, getattr(advice, "stability", None)),
        _diagram_section(region, c, lang),
        _coverage_section(c, lang),
        _diagnostics_section(c, warnings, lang),
        _funding_section(region, c, lang),
        _advice_section(c, advice, lang),
        _why_not_section(c, lang),
        _trace_section(c, lang),
    ])
    return _page(_label("title", lang, name=region.name, id=region.id), body, lang)


def _rules_note(c: Classification, lang: str) -> str:
    """The paragraph naming the rules the page was made under (none under the default)."""
    from ._lines import rule_set_line

    line = rule_set_line(c, lang)
    return "" if line is None else f'<p class="rules" data-rules="{_a(c.rule_set.name)}">{_e(line)}</p>'


# ---------------------------------------------------------------- index page


@attrs.frozen
class ReportPage:
    """A region page written: the ``source`` it came from, the ``path`` of the
    page, the region and its classification."""

    source: str
    path: Path
    region: Region = attrs.field(repr=False)
    classification: Classification = attrs.field(repr=False)

    @property
    def type(self) -> str:
        """The type's value (``vision``... ``unsynchronized``)."""
        return str(self.classification.type.value)


@attrs.frozen
class ReportFailure:
    """A source that gave no page: the file (or region) and every problem."""

    source: str
    problems: tuple[Problem, ...]

    def message(self) -> str:
        """The failure in lines: the source, then each problem."""
        errors = [p for p in self.problems if p.severity is Severity.ERROR] or list(self.problems)
        return "\n".join([f"{self.source}: could not be reported"] + [f"  {p}" for p in errors])


@attrs.frozen
class Report:
    """What :func:`write_report` wrote: the ``pages``, the ``failures`` (sources
    that gave no page) and the ``index`` page (``None`` when not written)."""

    out: Path
    pages: tuple[ReportPage, ...]
    failures: tuple[ReportFailure, ...]
    index: Path | None

    @property
    def ok(self) -> bool:
        """Whether every source gave a page."""
        return not self.failures


_TYPE_CHART_ORDER = ("vision", "mission", "target", "program", "unsynchronized")


def _chart(pages: Sequence[ReportPage], failures: int, lang: str) -> str:
    from ..messages import stage_name, text

    typology = pages[0].classification.typology if pages else None
    values = ([t.value for t in typology.type_enum] if typology is not None
              else list(_TYPE_CHART_ORDER))
    counts = {v: 0 for v in values}
    for page in pages:
        counts[page.type] = counts.get(page.type, 0) + 1
    bars: list[tuple[str, str, int]] = []
    for value in counts:
        letter = typology.letter(value) if typology is not None else None
        if letter is not None:
            label = f"{text('heading.type', lang)} {letter} \u00b7 {stage_name(value, lang)}"
        else:
            label = _label("unsynchronized", lang)
        bars.append((value, label, counts[value]))
    if failures:
        bars.append(("failed", _label("failed", lang), failures))
    top = max([n for _, _, n in bars] + [1])
    width, label_w, bar_w, row = 760, 230, 440, 30
    height = row * len(bars) + 14
    out = [f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" aria-label="{_a(_label("chart", lang))}">']
    for i, (value, label, count) in enumerate(bars):
        y = 8 + i * row
        length = bar_w * count / top
        out.append(f'<g class="bar {_e(value)}" data-type="{_a(value)}" data-count="{count}">'
                   f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{_e(label)}</text>'
                   f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="20" rx="2"/>'
                   f'<text x="{label_w + length + 6:.1f}" y="{y + 15}">{count}</text></g>')
    out.append("</svg>")
    return "".join(out)


def render_index(pages: Sequence[ReportPage], failures: Sequence[ReportFailure] = (), *,
                 lang: str = "en", base: Path | None = None) -> str:
    """The index page of a report: regions per type as a bar chart, and a table
    linking each region's page with its type and the coverage of each stage.
    Each failure is a row naming the file and its problems. Links are relative
    to ``base`` (the folder of the index page)."""
    from ..messages import stage_name, type_name
    from ._lines import type_caveats

    _check_lang(lang)
    stages = list(pages[0].classification.typology.stages) if pages else []
    head = (f'<tr><th>{_e(_label("region", lang))}</th><th>ID</th><th>{_e(_label("type", lang))}</th>'
            + "".join(f'<th>{_e(stage_name(s, lang))}</th>' for s in stages)
            + f'<th>{_e(_label("file", lang))}</th></tr>')
    rows = []
    for page in pages:
        c = page.classification
        href = os.path.relpath(page.path, base).replace(os.sep, "/") if base else page.path.name
        cells = []
        for stage in stages:
            s = c.stages.get(stage)
            if s is None or not s.present:
                cells.append(f'<td class="cov absent" data-stage="{_a(stage)}">{_e(_label("absent", lang))}</td>')
                continue
            cls = "synchronized" if s.is_synchronized else "unsynchronized"
            cells.append(f'<td class="cov {cls}" data-stage="{_a(stage)}" data-coverage="{s.coverage:.4f}">'
                         f'<span class="mini"><i style="width:{max(0.0, min(1.0, s.coverage)) * 100:.0f}%"></i></span>'
                         f"{s.synchronized}/{s.total} \u00b7 {_share(s.coverage, lang)}</td>")
        letter = c.type_letter
        caveats = type_caveats(c, lang)
        rows.append(f'<tr class="region" data-type="{_a(c.type.value)}" data-region="{_a(page.region.id)}">'
                    f'<td><a href="{_a(href)}">{_e(page.region.name)}</a></td><td>{_e(page.region.id)}</td>'
                    f'<td title="{_a("; ".join([type_name(c.type, letter, lang), *caveats]))}">'
                    f'{_e(letter if letter else _label("unsynchronized", lang))}'
                    + (f' <span class="caveat">{_e(_label("periods_apart", lang))}</span>'
                       if caveats else "") + '</td>'
                    f'{"".join(cells)}<td>{_e(page.source)}</td></tr>')
    for failure in failures:
        errors = [p for p in failure.problems if p.severity is Severity.ERROR] or list(failure.problems)
        problems = "".join(f"<li>{_e(p.format(lang))}</li>" for p in errors)
        rows.append(f'<tr class="failed"><td colspan="{3 + len(stages)}"><strong>'
                    f'{_e(_label("failed", lang))}</strong><ul class="problems">{problems}</ul></td>'
                    f"<td>{_e(failure.source)}</td></tr>")
    title = _label("index_title", lang, count=len(pages))
    failed = (f'<p class="note">{_e(_label("failed_count", lang, count=len(failures)))}</p>'
              if failures else "")
    ruled = _rules_note(pages[0].classification, lang) if pages else ""
    body = (f"<header><h1>{_e(title)}</h1>{ruled}</header>{failed}"
            f'<section id="chart"><h2>{_e(_label("chart", lang))}</h2>'
            f"{_chart(pages, len(failures), lang)}</section>"
            f'<section id="regions"><h2>{_e(_label("table", lang))}</h2>'
            f'<table class="regions"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></section>')
    return _page(title, body, lang)


# ---------------------------------------------------------------- writing

#: what a report is made from: a region file, a folder, tables, or a region in memory
ReportSource = Union[PathLike, Region]


def _page_name(region_id: str, used: set[str]) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", region_id).strip("._") or "region"
    name = f"region-{stem[:80]}.html"
    number = 2
    while name.lower() in used:
        name = f"region-{stem[:80]}-{number}.html"
        number += 1
    used.add(name.lower())
    return name


def _read(path: Path, name: str, limit: int) -> list[tuple[str, Region | None, tuple[Problem, ...]]]:
    """The regions one path stands for: a region file, or tables (a folder with
    ``regions.csv``, an ``.xlsx`` workbook) holding several."""
    from ..io import check_region_file
    from ..tabular import is_tables, iter_table_regions

    if is_tables(path):
        try:
            return [(t.source, t.region, tuple(t.problems)) for t in iter_table_regions(path)]
        except ImportError as exc:  # openpyxl missing for a workbook
            return [(name, None, (Problem(str(exc), file=name, code="needs-openpyxl"),))]
    report = check_region_file(path, max_bytes=limit)
    return [(name, report.region, tuple(report.problems))]


def _load(sources: ReportSource | Iterable[ReportSource], max_bytes: int | None
          ) -> list[tuple[str, Region | None, tuple[Problem, ...]]]:
    """Every region the sources stand for, in order, with the problems of reading it."""
    from ..io import MAX_FILE_BYTES, REGION_FILE_SUFFIXES, region_files
    from ..io.paths import list_folder, path_kind
    from ..tabular import is_tables, no_tables_problem

    if isinstance(sources, (str, os.PathLike, Region)):
        sources = [sources]
    limit = MAX_FILE_BYTES if max_bytes is None else max_bytes
    out: list[tuple[str, Region | None, tuple[Problem, ...]]] = []
    for source in sources:
        if isinstance(source, Region):
            out.append((f"<region {source.id}>", source, ()))
            continue
        if not isinstance(source, (str, os.PathLike)):
            raise TypeError(f"write_report takes regions and paths, got {type(source).__name__} "
                            f"{source!r}")
        path, name = Path(source), os.fspath(source)
        if path_kind(path) == "dir" and not is_tables(path):
            found, problem = list_folder(path)
            if problem is not None:
                out.append((name, None, (problem,)))
            elif not found:
                suffixes = ", ".join(f"*{s}" for s in REGION_FILE_SUFFIXES)
                out.append((name, None, (no_tables_problem(path, suffixes),)))
            for file in found:
                out.extend(_read(file, os.fspath(file), limit))
        else:
            out.extend(_read(path, name, limit))
    return out


def _once_per_region(loaded: list[tuple[str, Region | None, tuple[Problem, ...]]]
                     ) -> list[tuple[str, Region | None, tuple[Problem, ...]]]:
    """A region whose id came earlier becomes a failure: a report has one page per region
    (as :func:`smartsync.batch.classify_many` classifies each region once)."""
    first: dict[str, str] = {}
    out: list[tuple[str, Region | None, tuple[Problem, ...]]] = []
    for source, region, problems in loaded:
        if region is not None:
            if region.id in first:
                problem = coded_problem("duplicate-region", {"region": repr(region.id),
                                                      "first": first[region.id], "form": "report"},
                                        file=source, where=Place("region"))
                out.append((source, None, problems + (problem,)))
                continue
            first[region.id] = source
        out.append((source, region, problems))
    return out


def _classify_all(regions: Sequence[Region], params: Parameters | None, jobs: int,
                  rules: str | None = None) -> list[Classification | tuple[Problem, ...]]:
    """Each region's classification, or the problems that stopped it, in order."""
    from ..batch import classify_many

    results: list[Classification | tuple[Problem, ...]] = []
    for item in classify_many(list(regions), jobs=jobs, params=params, rules=rules):
        if item.classification is not None:
            results.append(item.classification)
        else:
            errors = tuple(p for p in item.problems if p.severity is Severity.ERROR)
            results.append(errors or (Problem(item.error or "classification failed",
                                              code="classification-failed"),))
    return results


def write_report(sources: ReportSource | Iterable[ReportSource], out: PathLike, *, lang: str = "en",
                 params: Parameters | None = None, index: bool | None = None,
                 jobs: int = 1, max_bytes: int | None = None, rules: str | None = None) -> Report:
    """Write a page per region into the folder ``out`` (created when missing),
    and an ``index.html`` when there are several regions (or ``index=True``).

    ``sources``: region files, folders of them, tables (a folder holding
    ``regions.csv``, an ``.xlsx`` workbook; see :mod:`smartsync.tabular`) or
    :class:`~smartsync.Region` objects, mixed. The regions are classified
    with :func:`smartsync.batch.classify_many` (``jobs`` worker processes;
    ``params`` for every region; ``rules``: a typology variant or rule pack
    set, as :func:`~smartsync.batch.classify_many` takes it). A region that cannot be read or
    classified gives no page: it is a :class:`ReportFailure` of the returned
    :class:`Report` (and a row of the index) and the others go on; so is a
    region whose id an earlier one had. Pages are named ``region-<id>.html``.
    """
    from .._files import atomic_write, check_target, make_output_folder

    _check_lang(lang)
    if not isinstance(out, (str, os.PathLike)):
        raise TypeError(f"write_report: out must be a folder path, got {type(out).__name__}")
    if not os.fspath(out):
        raise OutputError("''", "is an empty folder name", "name the output folder")
    folder = make_output_folder(out)  # before any file is read: a folder that cannot be made stops it
    loaded = _once_per_region(_load(sources, max_bytes))
    inputs = [Path(source) for source, _, _ in loaded if not source.startswith("<region ")]
    with_index = index if index is not None else len(loaded) > 1
    index_path = folder / "index.html" if with_index else None
    if index_path is not None:  # before the long work: an index that cannot be written stops it
        check_target(index_path, within=folder, inputs=inputs)
    good = [i for i, (_, region, _) in enumerate(loaded) if region is not None]
    results = dict(zip(good, _classify_all([loaded[i][1] for i in good], params, jobs, rules)))  # type: ignore[misc]
    used = {"index.html"}
    pages: list[ReportPage] = []
    failures: list[ReportFailure] = []
    for number, (source, region, problems) in enumerate(loaded):
        if region is None:
            failures.append(ReportFailure(source, problems))
            continue
        result = results[number]
        if not isinstance(result, Classification):
            failures.append(ReportFailure(source, result))
            continue
        path = folder / _page_name(region.id, used)
        warnings = tuple(p for p in problems if p.severity is not Severity.ERROR)
        page = render_html(region, result, lang=lang, warnings=warnings,
                           index_link="index.html" if with_index else None).encode("utf-8", "backslashreplace")
        try:
            atomic_write(path, lambda handle, page=page: handle.write(page), within=folder,
                         inputs=inputs)
        except OutputError as exc:
            failures.append(ReportFailure(source, (Problem(
                f"the page cannot be written: {exc}", file=source, code="cannot-write"),)))
            continue
        pages.append(ReportPage(source, path, region, result))
    if index_path is not None:
        text = render_index(pages, failures, lang=lang, base=folder).encode("utf-8",
                                                                            "backslashreplace")
        atomic_write(index_path, lambda handle: handle.write(text), within=folder, inputs=inputs)
    return Report(folder, tuple(pages), tuple(failures), index_path)
