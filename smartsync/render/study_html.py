"""The study page: one self-contained HTML page of a :class:`~smartsync.study.Study`.

From the top: what was studied (the rule sets, the threshold range, the reference
threshold); for each rule set, the regions per type against the threshold as stacked
bars in SVG (each bar's exact count on hover, and in a table that names, at each
breakpoint, the regions whose type changes there); for each pair of rule sets, a matrix of
the type under one against the type under the other at the reference threshold, each cell
linking to its regions; then each region: its curve under every rule set, the breakpoints
explained, and why the rule sets disagree on it.

Everything shown is read from the study (the rules' conclusions); nothing is computed
here but positions on the page. Same look as the report (:mod:`smartsync.render.html`):
its stylesheet, no script, no font, no request to the network; every text taken from a
region is escaped.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any, Mapping, Sequence

from ..messages import agree, section
from .html import _a, _check_lang, _css, _e, _version

__all__ = ["render_study", "TYPE_COLOURS"]

#: the words of the page (keys ``study.page.*`` of :mod:`smartsync.messages`)
LABELS: Mapping[str, Mapping[str, str]] = section("study.page")

#: the colour of each type on the page, by its position in the typology (Okabe-Ito, safe
#: for colour-blind readers); unsynchronized is grey
TYPE_COLOURS = ("#0072B2", "#009E73", "#56B4E9", "#E69F00", "#CC79A7", "#F0E442", "#D55E00",
                "#000000")
UNSYNCHRONIZED_COLOUR = "#8a939e"

_STUDY_CSS = """
.legend-row{display:flex;flex-wrap:wrap;gap:4px 14px;margin:4px 0 8px;font-size:12.5px}
.legend-row i{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;
border-radius:2px}
svg.dist{display:block;width:100%;max-width:760px;height:auto}
svg.dist text{font-size:11px;fill:#1d2733}
svg.dist line.ref{stroke:#1d2733;stroke-dasharray:4 3}
svg.curve{display:block;width:100%;max-width:520px;height:auto}
table.matrix td,table.matrix th{text-align:center}
table.matrix td.agree{background:#eef6f2}
table.matrix td.empty{color:var(--muted)}
.region-study{border-top:1px solid var(--line);padding-top:6px}
ul.lines{margin:2px 0 8px;padding-left:20px}
ul.lines li{margin:2px 0}
td.changes{font-size:12px}
"""


def _label(key: str, lang: str, **values: Any) -> str:
    table = LABELS.get(lang, LABELS["en"])
    return agree(table[key], values).format(**values)


def _f(value: Fraction) -> str:
    from ..study import fraction_text

    return fraction_text(value)


#: the stages a type may start at, in the order of their colours (a type keeps its colour
#: under every rule set: type "target" is C in one typology and D in another)
_COLOUR_ORDER = ("vision", "mission", "goal", "target", "program", "strategy", "policy",
                 "activity")


def _colour(typologies: Mapping[str, Any], rule_set: str, value: str) -> str:
    if value in _COLOUR_ORDER:
        return TYPE_COLOURS[_COLOUR_ORDER.index(value) % len(TYPE_COLOURS)]
    return UNSYNCHRONIZED_COLOUR


def _type_text(value: str, letter: str | None, lang: str) -> str:
    from ..study import _type_label

    return _type_label(value, letter, lang)


def _interval(low: Fraction, high: Fraction, included: bool) -> str:
    if low == high:
        return f"t = {_f(high)}"
    return f"{_f(low)} {'≤' if included else '<'} t ≤ {_f(high)}"


def _legend(study: Any, rule_set: str, lang: str) -> str:
    items = "".join(
        f'<span><i style="background:{_colour(study.typologies, rule_set, t)}"></i>'
        f"{_e(_type_text(t, letter, lang))}</span>"
        for t, letter in study.typologies.get(rule_set, ()))
    return f'<div class="legend-row">{items}</div>'


def _anchors(study: Any) -> dict[str, str]:
    """Each region id's anchor on the page (by position: ids may hold anything)."""
    return {r.region_id: f"r-{r.index}" for r in study.regions if r.region_id is not None}


def _region_link(region_id: str, anchors: Mapping[str, str]) -> str:
    anchor = anchors.get(region_id)
    if anchor is None:
        return _e(region_id)
    return f'<a href="#{anchor}">{_e(region_id)}</a>'


# ------------------------------------------------------------------ distribution

def _distribution_svg(study: Any, rule_set: str, steps: Sequence[Any], lang: str) -> str:
    low, high = study.threshold_range
    total = max(1, len(study.studied))
    width, height, left, right, top, bottom = 760, 240, 44, 12, 10, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    span = float(high - low)

    def x(t: Fraction) -> float:
        return left + plot_w * float(t - low) / span

    out = [f'<svg class="dist" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" aria-label="{_a(_label("distribution_of", lang, rule_set=rule_set))}">']
    for step_index, step in enumerate(steps):
        x0, x1 = x(step.low), x(step.high)
        if x1 - x0 < 1.5:
            x0 = x1 - 1.5
        y = top + plot_h
        interval = _interval(step.low, step.high, step.low_included)
        for value, ids in step.regions.items():
            if not ids:
                continue
            letter = dict(study.typologies.get(rule_set, ())).get(value)
            h = plot_h * len(ids) / total
            y -= h
            tip = f"{interval}: {_type_text(value, letter, lang)}: {len(ids)}"
            out.append(f'<rect x="{x0:.2f}" y="{y:.2f}" width="{x1 - x0:.2f}" height="{h:.2f}" '
                       f'fill="{_colour(study.typologies, rule_set, value)}" '
                       f'data-step="{step_index}" data-type="{_a(value)}" data-count="{len(ids)}">'
                       f"<title>{_e(tip)}</title></rect>")
    # axes: the threshold below, the share of regions on the left
    out.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" '
               f'stroke="#1d2733"/>')
    ticks = sorted({low, high} | {Fraction(i, 10) for i in range(11) if low < Fraction(i, 10) < high})
    for t in ticks:
        out.append(f'<line x1="{x(t):.2f}" y1="{top + plot_h}" x2="{x(t):.2f}" '
                   f'y2="{top + plot_h + 4}" stroke="#1d2733"/>'
                   f'<text x="{x(t):.2f}" y="{top + plot_h + 16}" text-anchor="middle">'
                   f"{_e(_f(t))}</text>")
    out.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 3}" text-anchor="middle">'
               f'{_e(_label("threshold_axis", lang))}</text>')
    out.append(f'<text x="{left - 6}" y="{top + 9}" text-anchor="end">{total}</text>'
               f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end">0</text>')
    ref = study.threshold
    if low <= ref <= high:
        out.append(f'<line class="ref" x1="{x(ref):.2f}" y1="{top}" x2="{x(ref):.2f}" '
                   f'y2="{top + plot_h}"><title>{_e(_label("reference", lang, threshold=_f(ref)))}'
                   f"</title></line>")
    out.append("</svg>")
    return "".join(out)


def _distribution_table(study: Any, rule_set: str, steps: Sequence[Any], lang: str,
                        anchors: Mapping[str, str]) -> str:
    types = study.typologies.get(rule_set, ())
    head = (f"<tr><th>{_e(_label('interval', lang))}</th>"
            + "".join(f'<th class="num">{_e(_type_text(t, letter, lang))}</th>'
                      for t, letter in types)
            + f"<th>{_e(_label('changes', lang))}</th></tr>")
    rows = []
    letters = dict(types)
    for step in steps:
        cells = "".join(f'<td class="num" data-type="{_a(t)}">{len(step.regions.get(t, ()))}</td>'
                        for t, _ in types)
        # a type by its letter; unsynchronized in words, as the columns say it (a dash
        # reads as "no data")
        def short(value: str) -> str:
            return letters.get(value) or _type_text(value, None, lang)

        changes = ", ".join(f"{_region_link(rid, anchors)} ({_e(short(a))} → {_e(short(b))})"
                            for rid, a, b in step.changes)
        rows.append(f'<tr><td class="interval">{_e(_interval(step.low, step.high, step.low_included))}'
                    f'</td>{cells}<td class="changes">{changes}</td></tr>')
    return (f'<table class="distribution" data-rule-set="{_a(rule_set)}"><thead>{head}</thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _distribution_section(study: Any, lang: str, anchors: Mapping[str, str]) -> str:
    parts = [f'<section id="distribution"><h2>{_e(_label("distribution", lang))}</h2>'
             f'<p class="hint">{_e(_label("distribution_hint", lang))}</p>']
    for i, name in enumerate(study.rule_sets):
        steps = study.distribution(name)
        parts.append(f'<div class="rule-set" id="dist-{i}" data-rule-set="{_a(name)}">'
                     f"<h3>{_e(name)}</h3>{_legend(study, name, lang)}"
                     f"{_distribution_svg(study, name, steps, lang)}"
                     f'<details><summary>{_e(_label("table", lang, count=len(steps)))}</summary>'
                     f"{_distribution_table(study, name, steps, lang, anchors)}</details></div>")
    parts.append("</section>")
    return "".join(parts)


# ------------------------------------------------------------------ matrices

def _matrix_section(study: Any, lang: str, anchors: Mapping[str, str]) -> str:
    names = study.rule_sets
    if len(names) < 2:
        return ""
    parts = [f'<section id="matrices"><h2>{_e(_label("matrices", lang))}</h2>'
             f'<p class="hint">{_e(_label("matrices_hint", lang, threshold=_f(study.threshold)))}</p>']
    pair = 0
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            cells = study.matrix(a, b)
            types_a, types_b = study.typologies[a], study.typologies[b]
            head = (f"<tr><th>{_e(a)} \\ {_e(b)}</th>"
                    + "".join(f"<th>{_e(_type_text(t, letter, lang))}</th>" for t, letter in types_b)
                    + "</tr>")
            rows, lists = [], []
            for ia, (ta, la) in enumerate(types_a):
                row = [f"<th>{_e(_type_text(ta, la, lang))}</th>"]
                for ib, (tb, lb) in enumerate(types_b):
                    ids = cells.get((ta, tb), [])
                    anchor = f"m-{pair}-{ia}-{ib}"
                    cls = "agree" if ta == tb else ""
                    if ids:
                        row.append(f'<td class="{cls}" data-a="{_a(ta)}" data-b="{_a(tb)}" '
                                   f'data-count="{len(ids)}"><a href="#{anchor}">{len(ids)}</a></td>')
                        links = ", ".join(_region_link(rid, anchors) for rid in ids)
                        lists.append(f'<li id="{anchor}"><strong>{_e(_type_text(ta, la, lang))} / '
                                     f"{_e(_type_text(tb, lb, lang))}</strong>: {links}</li>")
                    else:
                        row.append(f'<td class="empty {cls}" data-a="{_a(ta)}" data-b="{_a(tb)}" '
                                   f'data-count="0">0</td>')
                rows.append("<tr>" + "".join(row) + "</tr>")
            parts.append(f'<div class="pair" data-a="{_a(a)}" data-b="{_a(b)}">'
                         f"<h3>{_e(_label('pair', lang, a=a, b=b))}</h3>"
                         f'<table class="matrix"><thead>{head}</thead><tbody>{"".join(rows)}'
                         f'</tbody></table><ul class="lines cells">{"".join(lists)}</ul></div>')
            pair += 1
    parts.append("</section>")
    return "".join(parts)


# ------------------------------------------------------------------ regions

def _curve_svg(study: Any, rule_set: str, curve: Any, lang: str) -> str:
    low, high = study.threshold_range
    width, height, left, right = 520, 26, 4, 4
    span = float(high - low)

    def x(t: Fraction) -> float:
        return left + (width - left - right) * float(t - low) / span

    out = [f'<svg class="curve" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'role="img" aria-label="{_a(_label("curve_of", lang, rule_set=rule_set))}">']
    for segment in curve.segments:
        x0, x1 = x(segment.low), x(segment.high)
        if x1 - x0 < 1.5:
            x0 = x1 - 1.5
        tip = f"{_interval(segment.low, segment.high, segment.low_included)}: " \
              f"{_type_text(segment.type, segment.letter, lang)}"
        out.append(f'<rect x="{x0:.2f}" y="2" width="{x1 - x0:.2f}" height="{height - 4}" '
                   f'fill="{_colour(study.typologies, rule_set, segment.type)}" '
                   f'data-type="{_a(segment.type)}"><title>{_e(tip)}</title></rect>')
    out.append("</svg>")
    return "".join(out)


def _region_section(study: Any, region: Any, lang: str) -> str:
    title = region.name or region.region_id or region.source or f"#{region.index}"
    head = (f'<section class="region-study" id="r-{region.index}" '
            f'data-region="{_a(region.region_id or "")}"><h3>{_e(title)} '
            f'<span class="meta">({_e(region.region_id or "-")})</span></h3>'
            f'<p class="meta">{_e(region.source or "")}</p>')
    if not region.ok:
        return (head + f'<p class="note failed"><strong>{_e(_label("failed", lang))}</strong>: '
                f"{_e(region.error)}</p></section>")
    rows = []
    for name in study.rule_sets:
        curve = region.curves[name]
        value, letter = region.types[name]
        segments = "; ".join(f"{_interval(s.low, s.high, s.low_included)}: "
                             f"{_type_text(s.type, s.letter, lang)}" for s in curve.segments)
        breakpoints = "".join(f"<li>{_e(b.message(lang))}</li>" for b in curve.breakpoints)
        rows.append(f'<tr data-rule-set="{_a(name)}"><td>{_e(name)}</td>'
                    f'<td data-type="{_a(value)}">{_e(_type_text(value, letter, lang))}</td>'
                    f"<td>{_curve_svg(study, name, curve, lang)}"
                    f'<p class="note">{_e(segments)}</p>'
                    + (f'<p class="note fixed">{_e(curve.fixed_message(lang))}</p>'
                       if curve.fixed else "") +
                    f'<ul class="lines breakpoints">{breakpoints}</ul></td></tr>')
    table = (f'<table class="curves"><thead><tr><th>{_e(_label("rule_set", lang))}</th>'
             f'<th>{_e(_label("type_at", lang, threshold=_f(study.threshold)))}</th>'
             f'<th>{_e(_label("curve", lang))}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>')
    differences = "".join(
        f'<div class="difference" data-a="{_a(d.a)}" data-b="{_a(d.b)}">'
        f"<h4>{_e(_label('why', lang, a=d.a, b=d.b))}</h4><ul class=\"lines\">"
        + "".join(f"<li>{_e(line)}</li>" for line in d.lines(lang)) + "</ul></div>"
        for d in region.differences)
    return head + table + differences + "</section>"


def render_study(study: Any, *, lang: str = "en") -> str:
    """The study page as a string (see the module's description)."""
    _check_lang(lang)
    anchors = _anchors(study)
    low, high = study.threshold_range
    title = _label("title", lang, regions=len(study.regions), rule_sets=len(study.rule_sets))
    failed = len(study.failures)
    meta = _label("meta", lang, rule_sets=", ".join(study.rule_sets), low=_f(low), high=_f(high),
                  threshold=_f(study.threshold))
    failures = (f'<p class="note">{_e(_label("failed_count", lang, count=failed))}</p>'
                if failed else "")
    index = "".join(
        f'<li><a href="#r-{r.index}">{_e(r.region_id or r.source or r.index)}</a>'
        + ("" if r.ok else f' ({_e(_label("failed", lang))})') + "</li>"
        for r in study.regions)
    body = (f'<header><h1>{_e(title)}</h1><p class="meta">{_e(meta)}</p>{failures}</header>'
            f"{_distribution_section(study, lang, anchors)}"
            f"{_matrix_section(study, lang, anchors)}"
            f'<section id="regions"><h2>{_e(_label("regions", lang))}</h2>'
            f'<details><summary>{_e(_label("index", lang, count=len(study.regions)))}</summary>'
            f'<ul class="lines">{index}</ul></details>'
            + "".join(_region_section(study, r, lang) for r in study.regions)
            + "</section>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="smartsync {_e(_version())}">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}\n{_STUDY_CSS.strip()}\n</style>\n"
            f"</head>\n<body>\n{body}\n<footer>{_e(_label('generated', lang, version=_version()))}"
            f"</footer>\n</body>\n</html>\n")

