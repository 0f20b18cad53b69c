"""The sections of a region's report page, as HTML: the formatting part of
:mod:`smartsync.render.html` (the type, the diagram, the coverage, the findings, the
funding, the advice, why-not and the trace), given a classification and what the
explanation layer derived from it. It classifies nothing and imports neither the
engine nor the advice: the report page (:func:`smartsync.render.html.render_html`)
and the notebook view (:mod:`smartsync.render.notebook`) are made of these sections.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .._text import for_markup
from ..errors import Problem
from ..messages import agree, section
# the page's escaping and its shares are the diagram's: one way for the whole page
from .diagram import (  # noqa: F401  (_a, _e, _share kept importable from here)
    _a, _e, _share, alignment_diagram, diagram_css, diagram_legend, format_rupiah,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Region
    from ..result import Classification, StageResult

#: the words of the page in each language, from the message catalogs
#: (keys ``report.*`` of :mod:`smartsync.messages`)
PAGE_LABELS: Mapping[str, Mapping[str, str]] = section("report")


def _label(key: str, lang: str, **values: object) -> str:
    table = PAGE_LABELS.get(lang, PAGE_LABELS["en"])
    # each value from a region isolated on its own, so it cannot reorder the words around it
    return agree(table[key], values).format(**{k: for_markup(v) if isinstance(v, str) else v
                                for k, v in values.items()})


def _check_lang(lang: str) -> str:
    if lang not in PAGE_LABELS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(PAGE_LABELS)}")
    return lang


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
.type-caveat{color:#8a4b00;font-weight:600;margin:6px 0 0}
td .caveat{color:#8a4b00;font-size:12px;font-weight:600}
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
ul.tree{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11.5px;list-style:none;
padding-left:0;overflow-wrap:anywhere;margin:4px 0 10px}
ul.tree li{padding-left:2em;text-indent:-2em}
ul.how{list-style:none;padding-left:0;margin:4px 0 10px;overflow-wrap:anywhere}
ul.how li{white-space:pre-wrap}
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


def _type_section(region: Region, c: Classification, lang: str, stability: Any = None) -> str:
    from ..messages import text, type_name
    from ._lines import type_caveats

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
            + "".join(f'<p class="type-caveat">{_e(note)}</p>' for note in type_caveats(c, lang, stability))
            +
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
                          total=stage.total, share=_share(stage.coverage, lang))
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
    from ..messages import stage_name, text

    rows = "".join(_stage_row(s, c, lang) for s in c.stages.values())
    thresholds = [f"{_share(c.params.threshold, lang)}"] + [
        f"{stage_name(stage, lang)} {_share(value, lang)}"
        for stage, value in sorted(c.params.thresholds.items())]

    def relation(r: Any) -> str:
        return text(f"relation.{r.value}", lang)

    relations = ", ".join(relation(r) for r in sorted(c.params.relations, key=lambda r: r.value))
    if c.params.stage_relations:  # counted relations per stage (e.g. relations-per-stage)
        relations += " (" + "; ".join(
            f"{stage_name(stage, lang)}: "
            + ", ".join(sorted(relation(r) for r in c.params.relations_for(stage)))
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
                 + "".join(f'<li class="warning">{_e(p.format(lang))}</li>' for p in warnings)
                 + "</ul>")
    return f'<section id="diagnostics"><h2>{_e(text("heading.diagnostics", lang))}</h2>{body}</section>'


def _funding_section(region: Region, c: Classification, lang: str) -> str:
    from ..messages import text

    head = f'<section id="funding"><h2>{_e(text("heading.funding", lang))}</h2>'
    f = c.funding
    if f is None:
        return head + f'<p>{_e(text("funding.none", lang))}</p></section>'
    programs = (_label("coverage_figures", lang, synchronized=f.fundable, total=f.total,
                       share=_share(f.share, lang)))
    out = [head, '<dl class="funding">',
           f'<dt>{_e(_label("funding_programs", lang))}</dt><dd class="programs">{_e(programs)}</dd>',
           f'<dt>{_e(_label("funding_budget", lang))}</dt>'
           f'<dd class="budget">{_e(format_rupiah(f.budget, lang))}</dd></dl>']
    by_rpjmd: dict[str, list[str]] = {}
    for m in region.matches:
        mp, rp = region.masterplan.get(m.masterplan), region.rpjmd.get(m.rpjmd)
        if mp is not None and rp is not None and mp.level.value == "program" and rp.level.value == "program":
            by_rpjmd.setdefault(m.rpjmd, []).append(m.masterplan)
    if f.shared_years:  # only some of the RPJMD's years are the masterplan's: what the budget is
        from ..messages import funding_share_message

        share = funding_share_message(f, lang)
        if share:
            out.append(f'<p class="shared-years">{_e(share)}</p>')
    if f.periods_apart:  # the RPJMD's pagu funds no year of the masterplan: said, not summed
        from ..messages import funding_message

        # (the programs matched but not counted are said once, in their own paragraph)
        out.append(f'<p class="periods-apart">{_e(funding_message(f, lang, uncounted=False))}</p>')
    if f.uncounted_ids:
        out.append(f'<p class="uncounted">{_e(text("funding.uncounted", lang, count=len(f.uncounted_ids), elements=list(f.uncounted_ids)))}</p>')
    # the masterplan programs whose match the rules do not count are marked as such
    counted = set(c.stages[c.typology.base].synchronized_ids) if c.typology.base in c.stages \
        else set()
    if by_rpjmd:
        rows = []
        for element in region.rpjmd.elements:
            if element.id not in by_rpjmd:
                continue
            budget = (format_rupiah(element.budget, lang) if element.budget is not None
                      else _label("no_budget", lang))
            cls = "" if element.budget is not None else ' class="no-budget"'
            rows.append(f'<tr data-program="{_a(element.id)}"{cls}><td>{_e(element.id)}</td>'
                        f'<td>{_e(element.code or "")}</td><td>{_e(element.text)}</td>'
                        f'<td>{_e(", ".join(i if i in counted else _label("not_counted", lang, id=i) for i in dict.fromkeys(by_rpjmd[element.id])))}</td>'
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


def _advice_section(c: Classification, advice: Any, lang: str) -> str:
    """What to change to reach each higher type, and how stable the type is (the
    :class:`~smartsync.advice.Advice` given)."""
    from ..messages import text
    from .text import stability_lines, to_reach_lines

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
    from .text import why_not_blocks

    for t, heading, reasons in why_not_blocks(c, lang):
        value = t.value
        items = "".join(f'<li>{_e(r)}</li>' for r in reasons)
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
    from .plain import checklist

    # unfolded: how the type was concluded in the planner's words (the language's words
    # for stages, relations and conditions); folded with the trace: the fact tree, which
    # names rules and facts as the rule packs write them (for rule authors)
    how = "".join(f"<li>{_e(line)}</li>" for line in checklist(c, lang))
    tree = "".join(f"<li>{_e(line)}</li>" for line in how_lines(c.how(), lang, indent="\u00a0\u00a0"))
    summary = _label("trace_summary", lang, count=len(c.trace.steps))
    return (f'<section id="trace"><h2>{_e(text("heading.how", lang))}</h2>'
            f'<ul class="how">{how}</ul>'
            f'<details class="trace"><summary>{_e(summary)}</summary>'
            f'<h3>{_e(text("heading.trace_tree", lang))}</h3><ul class="tree">{tree}</ul>'
            f'<h3>{_e(text("heading.trace", lang))}</h3><ol class="trace">{"".join(steps)}</ol>'
            f"</details></section>")
