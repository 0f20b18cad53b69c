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
from ..errors import OutputError, Problem, Severity
from ..model import Region
from ..result import Classification, StageResult
from ..messages import section
from ..typology import Parameters
from .diagram import alignment_diagram, diagram_css, diagram_legend

__all__ = ["render_html", "render_index", "write_report", "format_rupiah", "Report",
           "ReportPage", "ReportFailure", "ReportSource"]

PathLike = Union[str, "os.PathLike[str]"]

#: the words of the page in each language, from the message catalogs
#: (keys ``report.*`` of :mod:`smartsync.messages`)
PAGE_LABELS: Mapping[str, Mapping[str, str]] = section("report")


def _label(key: str, lang: str, **values: object) -> str:
    table = PAGE_LABELS.get(lang, PAGE_LABELS["en"])
    # each value from a region isolated on its own, so it cannot reorder the words around it
    return table[key].format(**{k: for_markup(v) if isinstance(v, str) else v
                                for k, v in values.items()})


def _a(value: object) -> str:
    """Escaped for an attribute value (data, not shown): characters no page may hold
    replaced, no isolation marks added."""
    return html.escape(for_markup(str(value), isolate=False), quote=True)


def _e(value: object) -> str:
    """Escaped for HTML text and attribute values; characters no page may hold replaced and
    bidirectional text isolated (:func:`smartsync._text.for_markup`)."""
    return html.escape(for_markup(str(value)), quote=True)


def _check_lang(lang: str) -> str:
    if lang not in PAGE_LABELS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(PAGE_LABELS)}")
    return lang


def format_rupiah(amount: int) -> str:
    """An amount of rupiah the Indonesian way: ``Rp 12.500.000.000``.

    >>> format_rupiah(12_500_000_000)
    'Rp 12.500.000.000'
    """
    sign = "-" if amount < 0 else ""
    return f"Rp {sign}{abs(int(amount)):,}".replace(",", ".")


def _share(value: float) -> str:
    return f"{value * 100:.0f}%"


def _version() -> str:
    from .. import __version__

    return __version__


# ------------------------------------------------------------------ stylesheet
_CSS = """
:root{--ink:#1d2733;--muted:#5b6672;--line:#d0d5dc;--accent:#0b5cad;--warn:#b54700;--ok:#13795b;
--bad:#D55E00}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"DejaVu Sans",Verdana,"Segoe UI",Arial,sans-serif;color:var(--ink);
background:#fff;margin:0 auto;max-width:1080px;padding:18px 22px 40px;font-size:14px;line-height:1.45;
overflow-wrap:anywhere}
h1{font-size:24px;margin:4px 0 2px}
h2{font-size:18px;margin:0 0 8px;padding-bottom:3px;border-bottom:1px solid var(--line)}
h3{font-size:15px;margin:12px 0 4px}
section{margin:22px 0}
a{color:var(--accent)}
.meta,.hint,.note,footer{color:var(--muted)}
.hint,.note{font-size:12.5px;margin:2px 0 8px}
.crumbs{margin:0;font-size:13px}
.type-head{display:flex;align-items:center;gap:14px}
.badge{flex:0 0 auto;width:58px;height:58px;border-radius:10px;display:flex;align-items:center;
justify-content:center;font-size:32px;font-weight:700;color:#fff;background:var(--accent)}
.type-unsynchronized .badge{background:#8a939e}
.type-name{font-size:18px;font-weight:700;margin:0}
ul.characteristics{margin:10px 0 0;padding-left:20px}
ul.characteristics li{margin:3px 0}
.stage-row{display:grid;grid-template-columns:110px 1fr 260px;gap:10px;align-items:center;margin:6px 0}
.stage-row .name{font-weight:700;text-transform:capitalize}
.bar{position:relative;height:18px;background:#edf0f3;border-radius:3px;overflow:hidden}
.bar .fill{position:absolute;left:0;top:0;bottom:0;background:#9aa5b1}
.stage-row.synchronized .fill{background:var(--ok)}
.stage-row.start .name::after{content:" \\25B6";color:#8a6500}
.bar .threshold{position:absolute;top:-2px;bottom:-2px;width:0;border-left:2px dashed #1d2733}
.stage-row .figures{font-size:12.5px}
.stage-row.absent .figures{color:var(--muted);font-style:italic}
ul.diagnostics{list-style:none;padding:0;margin:0}
ul.diagnostics li{margin:5px 0;padding:6px 10px;border-left:4px solid var(--line);background:#f7f8fa}
ul.diagnostics li.warning{border-left-color:var(--warn);background:#fff5ee}
.severity{font-weight:700;font-size:12px;text-transform:uppercase;margin-right:6px}
li.warning .severity,li.blocking .severity{color:var(--warn)}
dl.funding{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:0 0 8px}
dl.funding dt{color:var(--muted)}
dl.funding dd{margin:0;font-weight:700}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}
th{background:#f3f5f8}
table.regions th{text-transform:capitalize}
td.num,th.num{text-align:right;white-space:nowrap}
.why-not h3{font-size:14px}
.why-not ul{margin:2px 0 8px;padding-left:20px}
details{border:1px solid var(--line);border-radius:6px;padding:6px 10px}
summary{cursor:pointer;font-weight:700}
ol.trace{padding-left:28px;margin:8px 0}
ol.trace li{margin:6px 0}
ol.trace li.internal{color:var(--muted)}
.rule{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-weight:700}
.pack,.facts,.bindings{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11.5px;
overflow-wrap:anywhere}
.trace dl{margin:2px 0 0;display:grid;grid-template-columns:max-content 1fr;gap:1px 10px}
.trace dt{color:var(--muted);font-size:12px}
.trace dd{margin:0}
ul.how{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11.5px;list-style:none;
padding-left:0;overflow-wrap:anywhere;margin:4px 0 10px}
ul.how li{padding-left:2em;text-indent:-2em}
svg.chart{display:block;width:100%;max-width:760px;height:auto}
svg.chart text{font-size:12px;fill:#1d2733}
svg.chart .bar rect{fill:var(--accent)}
svg.chart .bar.unsynchronized rect{fill:#8a939e}
svg.chart .bar.failed rect{fill:var(--bad)}
td.cov{white-space:nowrap;font-size:12.5px}
td.cov .mini{display:inline-block;width:46px;height:8px;background:#edf0f3;margin-right:6px;
vertical-align:middle;position:relative}
td.cov .mini i{position:absolute;left:0;top:0;bottom:0;background:#9aa5b1}
td.cov.synchronized .mini i{background:var(--ok)}
td.cov.absent{color:var(--muted);font-style:italic}
tr.failed td{background:#fff5ee;color:var(--warn)}
tr.no-budget td{color:var(--warn)}
.problems{margin:0;padding-left:18px;font-size:12px}
footer{margin-top:30px;font-size:12px;border-top:1px solid var(--line);padding-top:8px}
@page{size:A4;margin:13mm 11mm}
@media print{
body{max-width:none;padding:0;font-size:10pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
.crumbs,.no-print{display:none}
h2{break-after:avoid}
details{border:none;padding:0}
details::details-content{content-visibility:visible;display:block}
details>summary{list-style:none}
svg.band,svg.legend,.stage-row,ul.diagnostics li,ol.trace li,tr,.why-not li,dl.funding,
.type-head,ul.characteristics li{break-inside:avoid}
}
"""


def _css() -> str:
    return _CSS.strip() + "\n" + diagram_css()


def _page(title: str, body: str, lang: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="smartsync {_e(_version())}">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}\n</style>\n</head>\n<body>\n"
            f"{body}\n<footer>{_e(_label('generated', lang, version=_version()))}</footer>\n"
            f"</body>\n</html>\n")


# ---------------------------------------------------------------- region page


def _type_section(region: Region, c: Classification, lang: str) -> str:
    from ..messages import text, type_name

    letter = c.type_letter
    badge = letter if letter is not None else _label("unsynchronized_badge", lang)
    items = "".join(f'<li data-key="{_a(ch.key)}">{_e(ch.message(lang))}</li>'
                    for ch in c.characteristics)
    if not items:
        items = f"<li>{_e(text('heading.none', lang))}</li>"
    return (f'<section id="type" class="type type-{_e(c.type.value)}" data-type="{_a(c.type.value)}">'
            f'<h2>{_e(text("heading.type", lang))}</h2>'
            f'<div class="type-head"><div class="badge">{_e(badge)}</div>'
            f'<p class="type-name">{_e(type_name(c.type, letter, lang))}</p></div>'
            f'<h3>{_e(text("heading.characteristics", lang))}</h3>'
            f'<ul class="characteristics">{items}</ul></section>')


def _diagram_section(region: Region, c: Classification, lang: str) -> str:
    from ..messages import stage_name

    others = [lvl.value for lvl in
              dict.fromkeys(e.level for e in region.rpjmd.elements + region.masterplan.elements)
              if lvl.value not in c.typology.stages]
    from ..model import Level

    others.sort(key=lambda v: Level(v).rank)
    note = ""
    if others:
        note = (f'<p class="note other-levels">'
                f'{_e(_label("diagram_other", lang, levels=", ".join(stage_name(o, lang) for o in others)))}</p>')
    return (f'<section id="diagram"><h2>{_e(_label("diagram", lang))}</h2>'
            f'<p class="hint">{_e(_label("diagram_hint", lang))}</p>{note}'
            f"{diagram_legend(lang)}{alignment_diagram(region, c, lang)}</section>")


def _stage_row(stage: StageResult, c: Classification, lang: str) -> str:
    from ..messages import stage_name, text

    classes = ["stage-row"]
    start = c.type_letter is not None and c.type.value == stage.stage
    if start:
        classes.append("start")
    if not stage.present:
        classes.append("absent")
        figures = _label("stage_absent", lang)
        tip = text("stage.absent", lang, stage=stage.stage)
        width = 0.0
    else:
        status = "full" if stage.full else "partial" if stage.is_synchronized else "not"
        classes.append("synchronized" if stage.is_synchronized else "unsynchronized")
        figures = (_label("coverage_figures", lang, synchronized=stage.synchronized,
                          total=stage.total, share=_share(stage.coverage))
                   + " \u00b7 " + text(f"stage.status.{status}", lang))
        width = max(0.0, min(1.0, stage.coverage)) * 100
        tip = text("stage.line", lang, stage=stage.stage, synchronized=stage.synchronized,
                   total=stage.total, coverage=stage.coverage, threshold=stage.threshold,
                   status=text(f"stage.status.{status}", lang))
    threshold = max(0.0, min(1.0, stage.threshold)) * 100
    return (f'<div class="{" ".join(classes)}" data-stage="{_a(stage.stage)}" '
            f'data-coverage="{stage.coverage:.4f}">'
            f'<div class="name">{_e(stage_name(stage.stage, lang))}</div>'
            f'<div class="bar" title="{_a(tip)}"><div class="fill" style="width:{width:.1f}%"></div>'
            f'<div class="threshold" style="left:{threshold:.1f}%"></div></div>'
            f'<div class="figures" title="{_a(tip)}">{_e(figures)}</div></div>')


def _coverage_section(c: Classification, lang: str) -> str:
    rows = "".join(_stage_row(s, c, lang) for s in c.stages.values())
    thresholds = [f"{_share(c.params.threshold)}"] + [
        f"{stage} {_share(value)}" for stage, value in sorted(c.params.thresholds.items())]
    relations = ", ".join(r.value for r in sorted(c.params.relations, key=lambda r: r.value))
    if c.params.stage_relations:  # counted relations per stage (e.g. relations-per-stage)
        relations += " (" + "; ".join(
            f"{stage_name(stage, lang)}: "
            + ", ".join(sorted(r.value for r in c.params.relations_for(stage)))
            for stage in c.typology.stages if stage in c.params.stage_relations) + ")"
    parameters = _label("parameters", lang, threshold="; ".join(thresholds), relations=relations)
    return (f'<section id="coverage"><h2>{_e(_label("coverage", lang))}</h2>'
            f'<p class="hint">{_e(_label("coverage_hint", lang))}</p>'
            f'<p class="note parameters">{_e(parameters)}</p>{rows}</section>')


def _diagnostics_section(c: Classification, warnings: Sequence[Problem], lang: str) -> str:
    from ..messages import text

    items = []
    for d in c.diagnostics:
        severity = text(f"severity.{d.severity}", lang)
        items.append(f'<li class="{_a(d.severity)}" data-code="{_a(d.code)}">'
                     f'<span class="severity">{_e(severity)}</span>{_e(d.message(lang))}</li>')
    body = f'<ul class="diagnostics">{"".join(items)}</ul>' if items else \
        f'<p>{_e(text("heading.none", lang))}</p>'
    if warnings:
        body += (f'<h3>{_e(_label("file_warnings", lang))}</h3><ul class="diagnostics file-warnings">'
                 + "".join(f'<li class="warning">{_e(str(p))}</li>' for p in warnings) + "</ul>")
    return f'<section id="diagnostics"><h2>{_e(text("heading.diagnostics", lang))}</h2>{body}</section>'


def _funding_section(region: Region, c: Classification, lang: str) -> str:
    from ..messages import text

    head = f'<section id="funding"><h2>{_e(text("heading.funding", lang))}</h2>'
    f = c.funding
    if f is None:
        return head + f'<p>{_e(text("funding.none", lang))}</p></section>'
    programs = (_label("coverage_figures", lang, synchronized=f.fundable, total=f.total,
                       share=_share(f.share)))
    out = [head, '<dl class="funding">',
           f'<dt>{_e(_label("funding_programs", lang))}</dt><dd class="programs">{_e(programs)}</dd>',
           f'<dt>{_e(_label("funding_budget", lang))}</dt>'
           f'<dd class="budget">{_e(format_rupiah(f.budget))}</dd></dl>']
    by_rpjmd: dict[str, list[str]] = {}
    for m in region.matches:
        mp, rp = region.masterplan.get(m.masterplan), region.rpjmd.get(m.rpjmd)
        if mp is not None and rp is not None and mp.level.value == "program" and rp.level.value == "program":
            by_rpjmd.setdefault(m.rpjmd, []).append(m.masterplan)
    if by_rpjmd:
        rows = []
        for element in region.rpjmd.elements:
            if element.id not in by_rpjmd:
                continue
            budget = (format_rupiah(element.budget) if element.budget is not None
                      else _label("no_budget", lang))
            cls = "" if element.budget is not None else ' class="no-budget"'
            rows.append(f'<tr data-program="{_a(element.id)}"{cls}><td>{_e(element.id)}</td>'
                        f'<td>{_e(element.code or "")}</td><td>{_e(element.text)}</td>'
                        f'<td>{_e(", ".join(dict.fromkeys(by_rpjmd[element.id])))}</td>'
                        f'<td class="num">{_e(budget)}</td></tr>')
        out.append(f'<h3>{_e(_label("funding_table", lang))}</h3><table class="funding-programs">'
                   f'<thead><tr><th>RPJMD</th><th>{_e(_label("code", lang))}</th>'
                   f'<th>{_e(_label("program", lang))}</th>'
                   f'<th>{_e(_label("masterplan_programs", lang))}</th>'
                   f'<th class="num">{_e(_label("budget", lang))}</th></tr></thead>'
                   f'<tbody>{"".join(rows)}</tbody></table>')
    out.append("</section>")
    return "".join(out)


def _lines_html(lines: Sequence[str]) -> str:
    """Indented text lines (as :mod:`smartsync.render.text` gives them) as nested lists."""
    out: list[str] = []
    indents: list[int] = []
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        while indents and indents[-1] > indent:
            out.append("</li></ul>")
            indents.pop()
        if not indents or indents[-1] < indent:
            out.append("<ul>")
            indents.append(indent)
        else:
            out.append("</li>")
        out.append(f"<li>{_e(line.strip().removeprefix('- '))}")
    out.extend("</li></ul>" for _ in indents)
    return "".join(out)


def _advice_section(c: Classification, lang: str) -> str:
    """What to change to reach each higher type, and how stable the type is
    (:mod:`smartsync.advice`)."""
    from ..advice import advise
    from ..messages import text
    from .text import stability_lines, to_reach_lines

    advice = advise(c)
    letters = " ".join(advice.to_reach)
    return (f'<section id="to-reach" class="to-reach" data-types="{_a(letters)}">'
            f'<h2>{_e(text("heading.to_reach", lang))}</h2>'
            f'{_lines_html(to_reach_lines(c, lang, advice.to_reach))}'
            f'<h3>{_e(text("heading.stability", lang))}</h3>'
            f'<div class="stability" data-fragile="{"true" if advice.stability.fragile else "false"}">'
            f'{_lines_html(stability_lines(c, lang, advice.stability))}</div></section>')


def _why_not_section(c: Classification, lang: str) -> str:
    from ..messages import text, type_name

    parts = [f'<section id="why-not" class="why-not"><h2>{_e(text("heading.why_not", lang))}</h2>']
    for value, reasons in c.why_not_all().items():
        t = c.typology.parse_type(value)
        from .text import why_not_title

        heading = why_not_title(c, t, lang)
        items = "".join(f'<li data-rule="{_a(r.rule)}">{_e(r.message(lang))}</li>' for r in reasons)
        if not items:
            items = f'<li>{_e(_label("no_reasons", lang))}</li>'
        parts.append(f'<div class="why-not-type" data-type="{_a(value)}"><h3>{_e(heading)}</h3>'
                     f"<ul>{items}</ul></div>")
    parts.append("</section>")
    return "".join(parts)


def _value(value: Any) -> str:
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return str(value)


def _fact(record: Any) -> str:
    fields = ", ".join(f"{k}={_value(v)}" for k, v in record.fields.items())
    return f"#{record.id} {record.kind}({fields})"


def _trace_section(c: Classification, lang: str) -> str:
    from ..messages import rule_description, text
    from .text import how_lines

    facts = c.trace.facts
    steps = []
    for step in c.trace.steps:
        cls = ' class="internal"' if step.internal else ""
        head = f'<span class="rule">{_e(step.rule)}</span>'
        if step.pack:
            head += f' <span class="pack">({_e(step.pack)})</span>'
        if step.internal:
            head += f' <em>{_e(_label("internal", lang))}</em>'
        rows = []
        described = rule_description(step.rule, lang, step.description or "")
        if described:
            rows.append(f'<dt>{_e(_label("description", lang))}</dt><dd>{_e(described)}</dd>')
        matched = [_fact(facts[i]) for i in step.facts if i in facts]
        if matched:
            rows.append(f'<dt>{_e(text("trace.matched", lang, facts="").rstrip(": "))}</dt>'
                        f'<dd class="facts">{"<br>".join(_e(m) for m in matched)}</dd>')
        if step.bindings:
            bound = ", ".join(f"{k}={_value(v)}" for k, v in step.bindings.items())
            rows.append(f'<dt>{_e(text("trace.bound", lang, bindings="").rstrip(": "))}</dt>'
                        f'<dd class="bindings">{_e(bound)}</dd>')
        asserted = [_fact(facts[i]) for i in step.asserted if i in facts]
        if asserted:
            rows.append(f'<dt>{_e(text("trace.asserted", lang, facts="").rstrip(": "))}</dt>'
                        f'<dd class="facts">{"<br>".join(_e(a) for a in asserted)}</dd>')
        steps.append(f'<li{cls} value="{step.number}" data-rule="{_a(step.rule)}">{head}'
                     f'<dl>{"".join(rows)}</dl></li>')
    how = "".join(f"<li>{_e(line)}</li>" for line in how_lines(c.how(), lang, indent="\u00a0\u00a0"))
    summary = _label("trace_summary", lang, count=len(c.trace.steps))
    return (f'<section id="trace"><h2>{_e(text("heading.how", lang))}</h2>'
            f'<ul class="how">{how}</ul>'
            f'<details class="trace"><summary>{_e(summary)}</summary>'
            f'<h3>{_e(text("heading.trace", lang))}</h3><ol class="trace">{"".join(steps)}</ol>'
            f"</details></section>")


def render_html(region: Region, classification: Classification | None = None, *,
                lang: str = "en", params: Parameters | None = None,
                warnings: Sequence[Problem] = (), index_link: str | None = None) -> str:
    """One region's report as a self-contained HTML page.

    ``classification``: the region's classification (computed with
    ``params`` when not given; :class:`ValueError` when it is another
    region's). ``lang``: ``en`` or ``id``. ``warnings``: problems of the
    region file to list with the diagnostics. ``index_link``: the address of
    an index page to link back to.
    """
    if not isinstance(region, Region):
        hint = " (read it with smartsync.load_region first)" if isinstance(region, (str, os.PathLike)) else ""
        raise TypeError(f"render_html takes a smartsync.Region, got {type(region).__name__}{hint}")
    _check_lang(lang)
    if classification is None:
        from ..engine import classify

        classification = classify(region, params=params)
    elif classification.region_id != region.id:
        raise ValueError(f"the classification is of region {classification.region_id!r}, "
                         f"not of region {region.id!r}")
    c = classification
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
        f'<p class="meta">{" · ".join(_e(m) for m in meta)}</p></header>',
        _type_section(region, c, lang),
        _diagram_section(region, c, lang),
        _coverage_section(c, lang),
        _diagnostics_section(c, warnings, lang),
        _funding_section(region, c, lang),
        _advice_section(c, lang),
        _why_not_section(c, lang),
        _trace_section(c, lang),
    ])
    return _page(_label("title", lang, name=region.name, id=region.id), body, lang)


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
                         f"{s.synchronized}/{s.total} \u00b7 {_share(s.coverage)}</td>")
        letter = c.type_letter
        rows.append(f'<tr class="region" data-type="{_a(c.type.value)}" data-region="{_a(page.region.id)}">'
                    f'<td><a href="{_a(href)}">{_e(page.region.name)}</a></td><td>{_e(page.region.id)}</td>'
                    f'<td title="{_a(type_name(c.type, letter, lang))}">'
                    f'{_e(letter if letter else _label("unsynchronized", lang))}</td>'
                    f'{"".join(cells)}<td>{_e(page.source)}</td></tr>')
    for failure in failures:
        errors = [p for p in failure.problems if p.severity is Severity.ERROR] or list(failure.problems)
        problems = "".join(f"<li>{_e(str(p))}</li>" for p in errors)
        rows.append(f'<tr class="failed"><td colspan="{3 + len(stages)}"><strong>'
                    f'{_e(_label("failed", lang))}</strong><ul class="problems">{problems}</ul></td>'
                    f"<td>{_e(failure.source)}</td></tr>")
    title = _label("index_title", lang, count=len(pages))
    failed = (f'<p class="note">{_e(_label("failed_count", lang, count=len(failures)))}</p>'
              if failures else "")
    body = (f"<header><h1>{_e(title)}</h1></header>{failed}"
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
    from ..tabular import is_tables

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
                out.append((name, None, (Problem(
                    f"no region files ({suffixes}) and no tables (regions.csv) in this folder",
                    file=name, code="no-region-files"),)))
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
                problem = Problem(f"region id {region.id!r} is also the id of the region from "
                                  f"{first[region.id]}; a report has one page per region",
                                  file=source, where="region", code="duplicate-region")
                out.append((source, None, problems + (problem,)))
                continue
            first[region.id] = source
        out.append((source, region, problems))
    return out


def _classify_all(regions: Sequence[Region], params: Parameters | None, jobs: int
                  ) -> list[Classification | tuple[Problem, ...]]:
    """Each region's classification, or the problems that stopped it, in order."""
    from ..batch import classify_many

    results: list[Classification | tuple[Problem, ...]] = []
    for item in classify_many(list(regions), jobs=jobs, params=params):
        if item.classification is not None:
            results.append(item.classification)
        else:
            errors = tuple(p for p in item.problems if p.severity is Severity.ERROR)
            results.append(errors or (Problem(item.error or "classification failed",
                                              code="classification-failed"),))
    return results


def write_report(sources: ReportSource | Iterable[ReportSource], out: PathLike, *, lang: str = "en",
                 params: Parameters | None = None, index: bool | None = None,
                 jobs: int = 1, max_bytes: int | None = None) -> Report:
    """Write a page per region into the folder ``out`` (created when missing),
    and an ``index.html`` when there are several regions (or ``index=True``).

    ``sources``: region files, folders of them, tables (a folder holding
    ``regions.csv``, an ``.xlsx`` workbook; see :mod:`smartsync.tabular`) or
    :class:`~smartsync.Region` objects, mixed. The regions are classified
    with :func:`smartsync.batch.classify_many` (``jobs`` worker processes;
    ``params`` for every region). A region that cannot be read or
    classified gives no page: it is a :class:`ReportFailure` of the returned
    :class:`Report` (and a row of the index) and the others go on; so is a
    region whose id an earlier one had. Pages are named ``region-<id>.html``.
    """
    from .._files import atomic_write, check_target

    _check_lang(lang)
    if not isinstance(out, (str, os.PathLike)):
        raise TypeError(f"write_report: out must be a folder path, got {type(out).__name__}")
    if not os.fspath(out):
        raise OutputError("''", "is an empty folder name", "name the output folder")
    loaded = _once_per_region(_load(sources, max_bytes))
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    inputs = [Path(source) for source, _, _ in loaded if not source.startswith("<region ")]
    with_index = index if index is not None else len(loaded) > 1
    index_path = folder / "index.html" if with_index else None
    if index_path is not None:  # before the long work: an index that cannot be written stops it
        check_target(index_path, within=folder, inputs=inputs)
    good = [i for i, (_, region, _) in enumerate(loaded) if region is not None]
    results = dict(zip(good, _classify_all([loaded[i][1] for i in good], params, jobs)))  # type: ignore[misc]
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
