"""The alignment diagram: where a region's RPJMD and masterplan meet, as inline SVG.

:func:`alignment_diagram` draws, for one classified region, one horizontal
band per level of the planning hierarchy that either plan has elements at
(top to bottom: vision, mission, goal, target, strategy, policy, program,
activity). In each band the RPJMD elements stand in a column on the left,
the masterplan elements in a column on the right (grouped by smart city
dimension under a heading when they carry one; within a group in the order
of the RPJMD elements they match, so that fewer lines cross, unmatched ones
last), and each match is a curve through the gutter between the two boxes it
links.

Every element of both plans gets exactly one box and every match exactly
one curve: the bands of the typology's stages (vision, mission, target,
program by default) are drawn in full colour, the other levels (goals,
strategies...) lighter, marked as not a stage, because they do not count
for the type. Nothing of the region is left out.

The layout is computed here (no script in the page): boxes never overlap,
each band is as tall as its longer column, and a box's text is cut to the
box's width with an ellipsis (the whole text is in the box's ``<title>``,
shown on hover). For tests and styling the SVG carries stable hooks:

- ``<g class="element" data-id=".." data-plan="rpjmd|masterplan" data-level=".."
  data-stage="true|false">`` per element box, with ``data-synchronized="false"``
  on a masterplan element of a stage that is not synchronized (it is marked);
- ``<path class="match" data-masterplan=".." data-rpjmd=".." data-relation=".."
  data-source="..">`` per match;
- ``<svg class="band" data-level=".." data-stage="true|false">`` per band,
  with class ``start`` on the band where synchronization starts.

A band taller than an A4 page (:data:`PRINT_SLICE`) is followed by its
print pieces, ``<div class="band-print">`` holding ``<svg class="band-slice">``
views of the same drawing (``<use>``) cut between rows of boxes: the
stylesheet shows them instead of the band only when printing. So that the
pieces look like the band, the drawing's colours are presentation attributes.

Every text taken from the region is escaped.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Mapping, Sequence

from .._text import for_markup
from ..messages import agree, format_score, section
from ..model import Dimension, Element, Level, Match, Region, Relation, Source

if TYPE_CHECKING:  # pragma: no cover  (a renderer reads the result; it never imports it)
    from ..result import Classification

__all__ = ["alignment_diagram", "diagram_legend", "diagram_css", "fit_text", "text_width",
           "print_cuts", "DIAGRAM_LABELS", "RELATION_STYLE", "PRINT_SLICE"]

# -------------------------------------------------------------------- geometry
WIDTH = 1000
MARGIN = 10
BOX_W = 330
BOX_H = 32
GAP = 5
PAD = 6  # text padding inside a box
FONT = 10.5  # px, box text
LINE = 12.5  # px, baseline distance of the two text lines
BAND_HEAD = 24  # band title
COL_HEAD = 18  # column titles
GROUP_HEAD = BOX_H + GAP  # a dimension heading takes one row: both columns share one grid
BOTTOM = 10
LEFT_X = MARGIN
RIGHT_X = WIDTH - MARGIN - BOX_W

#: how a match is drawn, by relation: colour (Okabe-Ito, readable for
#: colour-blind readers) and stroke width; suggested matches are dashed.
RELATION_STYLE: Mapping[str, tuple[str, float]] = {
    Relation.ADOPTED.value: ("#0072B2", 2.6),
    Relation.DERIVED.value: ("#009E73", 2.0),
    Relation.ALIGNED.value: ("#E69F00", 1.5),
}
SUGGESTED_DASH = "6 4"
UNSYNC_COLOUR = "#D55E00"
INK = "#1d2733"
MUTED = "#6a7480"
#: band background by kind: fill, stroke, stroke width, dashes
BAND_STYLE: Mapping[str, tuple[str, str, float, str | None]] = {
    "plain": ("#ffffff", "#d0d5dc", 1, None),
    "other-level": ("#f6f7f9", "#e1e4e8", 1, "4 3"),
    "chain": ("#eef8f3", "#9fd6bd", 1, None),
    "start": ("#fff6d6", "#e0b000", 2, None),
}
#: the tallest piece of a band printed on one A4 page, in diagram units (the
#: diagram is printed 1000 units to about 188 mm, a page holds about 1440)
PRINT_SLICE = 1250

#: the words of the diagram in each language, from the message catalogs
#: (keys ``diagram.*`` of :mod:`smartsync.messages`)
DIAGRAM_LABELS: Mapping[str, Mapping[str, str]] = section("diagram")


def format_rupiah(amount: int, lang: str = "id") -> str:
    """An amount of rupiah in full, digits grouped as ``lang`` groups them: ``Rp
    12.500.000.000`` in Indonesian, ``Rp 12,500,000,000`` in English (where ``.`` is the
    decimal mark, as in the page's percentages).

    >>> format_rupiah(12_500_000_000)
    'Rp 12.500.000.000'
    >>> format_rupiah(12_500_000_000, "en")
    'Rp 12,500,000,000'
    """
    sign = "-" if amount < 0 else ""
    shown = f"{abs(int(amount)):,}"
    return f"Rp {sign}{shown if lang == 'en' else shown.replace(',', '.')}"


def _label(key: str, lang: str, **values: object) -> str:
    table = DIAGRAM_LABELS.get(lang, DIAGRAM_LABELS["en"])
    return agree(table[key], values).format(**values)


def _a(value: object) -> str:
    """Escaped for an attribute value (data, not shown): characters no page may hold
    replaced, no isolation marks added."""
    return html.escape(for_markup(str(value), isolate=False), quote=True)


def _e(value: object) -> str:
    """Escaped for HTML/SVG text and attribute values; characters no page may hold replaced and
    bidirectional text isolated (:func:`smartsync._text.for_markup`)."""
    return html.escape(for_markup(str(value)), quote=True)


# ---------------------------------------------------------------- text fitting
# Advance widths of DejaVu Sans (the default sans-serif of Debian; wider than
# Arial/Liberation Sans, so a text that fits here fits with those too), in em.
_WIDTHS: dict[str, float] = {}
for _chars, _w in (
    (" ", 0.318), ("!|.,:;'`", 0.34), ("il", 0.278), ("jI", 0.295), ("ft", 0.39),
    ("r", 0.411), ("()[]{}", 0.39), ("-", 0.361), ("/\\", 0.337), ("\"", 0.46),
    ("sz", 0.525), ("c", 0.55), ("kvxyJ", 0.6), ("aeo", 0.615), ("bdghnpqu", 0.635),
    ("0123456789", 0.636), ("FLPTYZ", 0.64), ("ESX", 0.69), ("ABKRV", 0.7),
    ("CDGHNOQU", 0.79), ("mM", 0.975), ("wW", 0.99), ("&%", 0.95), ("#$*+<=>?^_~", 0.84),
):
    for _c in _chars:
        _WIDTHS[_c] = _w
_BOLD = 1.12


def text_width(text: str, size: float = FONT, bold: bool = False) -> float:
    """An upper estimate of the rendered width of ``text`` in px."""
    total = 0.0
    for char in text:
        width = _WIDTHS.get(char)
        if width is None:
            width = 1.0 if ord(char) > 0x2E80 else 0.8  # wide scripts; other letters
        total += width
    return total * size * (_BOLD if bold else 1.0)


def _cut(text: str, width: float, size: float) -> str:
    """The longest start of ``text`` that fits ``width`` with an ellipsis after it."""
    if text_width(text, size) <= width:
        return text
    room = width - text_width("\u2026", size)
    used = 0.0
    end = 0
    for char in text:
        used += text_width(char, size)
        if used > room:
            break
        end += 1
    return text[:end].rstrip() + "\u2026"


def fit_text(text: str, widths: Sequence[float], size: float = FONT) -> list[str]:
    """``text`` word-wrapped into at most ``len(widths)`` lines of the given widths
    (px); the last line is cut with an ellipsis when the text does not fit. A
    word too long for any line is cut by characters."""
    words = text.split()
    space = text_width(" ", size)
    lines: list[str] = []
    for i, width in enumerate(widths):
        if not words:
            break
        last = i == len(widths) - 1
        line, used = "", 0.0
        while words:
            word = text_width(words[0], size)
            candidate = used + space + word if line else word
            if candidate > width:
                break
            line = f"{line} {words[0]}" if line else words[0]
            used = candidate
            words.pop(0)
        if last and words:
            line = _cut(f"{line} {' '.join(words)}".strip(), width, size)
            words = []
        elif not line and text_width(words[0], size) > widths[i + 1]:
            line = _cut(words.pop(0), width, size)  # too long for any line: cut it here
        lines.append(line)
    return lines


# --------------------------------------------------------------------- drawing


def _share(value: float, lang: str) -> str:
    """A share as the rest of the page says it (a tenth where not whole)."""
    from ..messages import format_percent

    return format_percent(value, lang)


def _level_name(level: str, lang: str) -> str:
    from ..messages import stage_name

    return stage_name(level, lang)


class _Band:
    """The layout of one level: positions of its boxes and its height.

    The RPJMD column keeps the plan's order. The masterplan column is grouped
    by dimension (when ``grouped``), and within a group its elements follow
    the RPJMD elements they match (the mean position of their partners), so
    that fewer lines cross; elements with no match in the band come last, in
    file order.
    """

    def __init__(self, level: Level, rpjmd: Sequence[Element], masterplan: Sequence[Element],
                 grouped: bool, matches: Sequence[Match] = ()):
        self.level = level
        self.rpjmd = list(rpjmd)
        self.grouped = grouped
        self.boxes: dict[tuple[str, str], tuple[float, float]] = {}
        self.groups: list[tuple[str, float, list[Element]]] = []
        position = {e.id: i for i, e in enumerate(self.rpjmd)}
        partners: dict[str, list[int]] = {}
        for match in matches:
            if match.rpjmd in position:
                partners.setdefault(match.masterplan, []).append(position[match.rpjmd])

        def order(items: Sequence[Element]) -> list[Element]:
            def key(pair: tuple[int, Element]) -> tuple[int, float, int]:
                number, element = pair
                found = partners.get(element.id)
                if found:
                    return (0, sum(found) / len(found), number)
                return (1, 0.0, number)

            return [e for _, e in sorted(enumerate(items), key=key)]

        top = BAND_HEAD + COL_HEAD
        y = top
        for element in self.rpjmd:
            self.boxes[("rpjmd", element.id)] = (LEFT_X, y)
            y += BOX_H + GAP
        left_bottom = y if self.rpjmd else top + BOX_H
        y = top
        self.masterplan: list[Element] = []
        if grouped:
            rank = {d: i for i, d in enumerate(Dimension)}
            by_dim: dict[Dimension | None, list[Element]] = {}
            for element in masterplan:
                by_dim.setdefault(element.dimension, []).append(element)
            keys = sorted(by_dim, key=lambda d: rank[d] if d is not None else len(rank))
            for dim in keys:
                members = order(by_dim[dim])
                self.groups.append((dim.value if dim is not None else "", y, members))
                y += GROUP_HEAD
                for element in members:
                    self.boxes[("masterplan", element.id)] = (RIGHT_X, y)
                    self.masterplan.append(element)
                    y += BOX_H + GAP
        else:
            for element in order(masterplan):
                self.boxes[("masterplan", element.id)] = (RIGHT_X, y)
                self.masterplan.append(element)
                y += BOX_H + GAP
        right_bottom = y if self.masterplan else top + BOX_H
        self.height = max(left_bottom, right_bottom) + BOTTOM
        #: rows of the grid both columns share (a dimension heading takes one)
        self.rows = round((max(left_bottom, right_bottom) - top) / (BOX_H + GAP))


def _element_svg(element: Element, plan: str, x: float, y: float, *, stage: bool,
                 unsynchronized: bool, lang: str) -> str:
    inner = BOX_W - 2 * PAD
    # the id and the code take at most part of the first line (cut with an ellipsis)
    head = _cut(element.id, inner * 0.6 / _BOLD, FONT)
    code = f" {element.code}" if element.code else ""
    if code:
        code = _cut(code, inner - text_width(head, FONT, bold=True) - inner * 0.25, FONT)
    head_w = text_width(head, FONT, bold=True) + text_width(code + " ", FONT)
    lines = fit_text(element.text, [max(inner - head_w, 0.0), inner])
    if lines and lines[0] == "" and len(lines) == 1:
        lines = []
    tooltip = [element.id, _level_name(element.level.value, lang)]
    if element.code:
        tooltip.append(element.code)
    if element.dimension is not None:
        tooltip.append(f"smart {element.dimension.value}")
    if element.budget is not None:
        tooltip.append(format_rupiah(element.budget, lang))
    if unsynchronized:
        tooltip.append(_label("unsync_title", lang))
    title = " \u00b7 ".join(tooltip) + ": " + element.text
    attrs = (f'class="element" data-id="{_a(element.id)}" data-plan="{plan}" '
             f'data-level="{element.level.value}" data-stage="{"true" if stage else "false"}"')
    if unsynchronized:
        attrs += ' data-synchronized="false"'
    if element.dimension is not None:
        attrs += f' data-dimension="{element.dimension.value}"'
    # styles are presentation attributes, not stylesheet rules: the printed
    # slices of a band (<use>) copy the drawing with its attributes only
    fill = "#f3f6fb" if plan == "rpjmd" else "#ffffff"
    stroke, width = "#8895a5", 1.0
    if not stage:
        fill, stroke = "#fafafa", "#b8c0ca"
    if unsynchronized:
        stroke, width = UNSYNC_COLOUR, 2.0
    out = [f"<g {attrs}>", f"<title>{_e(title)}</title>",
           f'<rect class="box" x="{x:g}" y="{y:g}" width="{BOX_W}" height="{BOX_H}" rx="3" '
           f'fill="{fill}" stroke="{stroke}" stroke-width="{width:g}"/>',
           # a nested viewport clips any text the width estimate got wrong
           f'<svg x="{x:g}" y="{y:g}" width="{BOX_W}" height="{BOX_H}" overflow="hidden">']
    first = lines[0] if lines else ""
    code_span = f'<tspan class="code" fill="{MUTED}">{_e(code)}</tspan>' if code else ""
    text_attrs = f'font-size="{FONT}" fill="{INK}"'
    out.append(f'<text x="{PAD}" y="{PAD + FONT - 1:g}" {text_attrs}>'
               f'<tspan class="id" font-weight="700">{_e(head)}</tspan>{code_span} {_e(first)}</text>')
    if len(lines) > 1:
        out.append(f'<text x="{PAD}" y="{PAD + FONT - 1 + LINE:g}" {text_attrs}>{_e(lines[1])}</text>')
    out.append("</svg>")
    if unsynchronized:
        cx, cy = x, y + BOX_H / 2
        out.append(f'<circle class="marker" cx="{cx:g}" cy="{cy:g}" r="6" fill="{UNSYNC_COLOUR}"/>'
                   f'<text class="marker-text" x="{cx:g}" y="{cy + 3.5:g}" fill="#ffffff" '
                   f'font-size="10" font-weight="700" text-anchor="middle">!</text>')
    out.append("</g>")
    return "".join(out)


def _match_svg(match: Match, start: tuple[float, float], end: tuple[float, float],
               lang: str) -> str:
    (x1, y1), (x2, y2) = start, end
    middle = (x1 + x2) / 2
    d = f"M{x1:g},{y1:g} C{middle:g},{y1:g} {middle:g},{y2:g} {x2:g},{y2:g}"
    relation, source = match.relation.value, match.source.value
    from ..messages import text

    title = _label("match_title", lang, masterplan=match.masterplan, rpjmd=match.rpjmd,
                   relation=text(f"relation.{relation}", lang),
                   source=text(f"source.{source}", lang))
    if match.score is not None:
        title += "; " + _label("score", lang, score=format_score(match.score, lang))
    if match.note:
        title += "; " + match.note
    if match.evidence:
        title += "; " + ", ".join(match.evidence)
    colour, width = RELATION_STYLE[relation]
    dash = f' stroke-dasharray="{SUGGESTED_DASH}"' if match.source is Source.SUGGESTED else ""
    return (f'<path class="match" data-masterplan="{_a(match.masterplan)}" '
            f'data-rpjmd="{_a(match.rpjmd)}" data-relation="{relation}" data-source="{source}" '
            f'd="{d}" fill="none" stroke="{colour}" stroke-width="{width:g}" '
            f'stroke-linecap="round" opacity="0.85"{dash}><title>{_e(title)}</title></path>')


def print_cuts(band_height: float, rows: int) -> list[float]:
    """Where a band taller than :data:`PRINT_SLICE` is cut into pieces for printing:
    in the gaps between rows of boxes (both columns share one row grid), so that no
    box is cut, each piece at most :data:`PRINT_SLICE` tall when rows allow."""
    if band_height <= PRINT_SLICE:
        return []
    top = BAND_HEAD + COL_HEAD
    pitch = BOX_H + GAP
    gaps = [top + k * pitch - GAP / 2 for k in range(1, rows)]
    cuts: list[float] = []
    start = 0.0
    while band_height - start > PRINT_SLICE:
        fitting = [g for g in gaps if start < g <= start + PRINT_SLICE]
        if not fitting:
            break
        cuts.append(fitting[-1])
        start = fitting[-1]
    return cuts


def _band_svg(band: _Band, region: Region, matches: Sequence[Match],
              classification: Classification, lang: str) -> str:
    level = band.level.value
    stages = classification.typology.stages
    is_stage = level in stages
    result = classification.stages.get(level)
    start = classification.typology.letter(classification.type) is not None \
        and classification.type.value == level
    in_chain = is_stage and level in classification.chain and not start
    kind = "start" if start else "chain" if in_chain else "plain" if is_stage else "other-level"
    classes = ["band", "stage" if is_stage else "other-level"]
    if kind in ("start", "chain"):
        classes.append(kind)
    cuts = print_cuts(band.height, band.rows)
    if cuts:
        classes.append("sliced")
    name = _level_name(level, lang)
    fill, stroke, stroke_width, dash = BAND_STYLE[kind]
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    content_id = f"diagram-{level}"
    out = [f'<svg class="{" ".join(classes)}" data-level="{level}" '
           f'data-stage="{"true" if is_stage else "false"}" viewBox="0 0 {WIDTH} {band.height:g}" '
           f'width="{WIDTH}" height="{band.height:g}" role="img" '
           f'aria-label="{_a(name)}">',
           f'<g id="{content_id}">',
           f'<rect class="band-bg" x="0.5" y="0.5" width="{WIDTH - 1}" height="{band.height - 1:g}" '
           f'rx="4" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width:g}"{dash_attr}/>']
    title = name[:1].upper() + name[1:]
    if is_stage and result is not None:
        if result.present:
            status = _label("stage_status", lang, synchronized=result.synchronized,
                            total=result.total, share=_share(result.coverage, lang))
        else:
            status = _label("stage_absent", lang)
    else:
        status = _label("not_stage", lang)
    out.append(f'<text class="band-title" x="{MARGIN}" y="17" font-size="13" font-weight="700" '
               f'fill="{INK}">{_e(title)}</text>')
    out.append(f'<text class="band-status" x="{MARGIN + text_width(title, 13, True) + 12:g}" '
               f'y="17" font-size="11" fill="#4a5562">{_e(status)}</text>')
    if start:
        out.append(f'<text class="start-label" x="{WIDTH - MARGIN}" y="17" font-size="11.5" '
                   f'font-weight="700" fill="#8a6500" text-anchor="end">\u25b6 '
                   f'{_e(_label("start", lang, letter=classification.type_letter))}</text>')
    y_col = BAND_HEAD + 11
    for plan, x, items in (("rpjmd", LEFT_X, band.rpjmd), ("masterplan", RIGHT_X, band.masterplan)):
        head = _label(plan, lang) + " \u00b7 " + (
            _label("count", lang, count=len(items), level=name) if items
            else _label("absent", lang, level=name))
        out.append(f'<text class="col-title" x="{x:g}" y="{y_col:g}" font-size="{FONT}" '
                   f'fill="{MUTED}">{_e(head)}</text>')
    synchronized = set(result.synchronized_ids) if result is not None else set()
    # the curves first, under the boxes
    for match in matches:
        a = band.boxes.get(("rpjmd", match.rpjmd))
        b = band.boxes.get(("masterplan", match.masterplan))
        if a is None or b is None:
            continue
        out.append(_match_svg(match, (a[0] + BOX_W, a[1] + BOX_H / 2), (b[0], b[1] + BOX_H / 2), lang))
    for element in band.rpjmd:
        bx, by = band.boxes[("rpjmd", element.id)]
        out.append(_element_svg(element, "rpjmd", bx, by, stage=is_stage, unsynchronized=False,
                                lang=lang))

    def masterplan_box(element: Element) -> str:
        x, y = band.boxes[("masterplan", element.id)]
        unsynchronized = is_stage and result is not None and element.id not in synchronized
        return _element_svg(element, "masterplan", x, y, stage=is_stage,
                            unsynchronized=unsynchronized, lang=lang)

    if band.groups:
        for dim, y, members in band.groups:
            label = _label("dimension", lang, dimension=dim) if dim else _label("no_dimension", lang)
            if is_stage and result is not None and result.present:
                done = sum(e.id in synchronized for e in members)
                label += " \u00b7 " + _label("group_count", lang, synchronized=done, total=len(members))
            out.append(f'<g class="dimension-group" data-dimension="{_a(dim)}">'
                       f'<text class="group-title" data-dimension="{_a(dim)}" x="{RIGHT_X:g}" '
                       f'y="{y + GROUP_HEAD - 10:g}" font-size="{FONT}" font-weight="700" '
                       f'fill="#3d4a5a">{_e(label)}</text>')
            out.extend(masterplan_box(element) for element in members)
            out.append("</g>")
    else:
        out.extend(masterplan_box(element) for element in band.masterplan)
    out.append("</g></svg>")
    if cuts:
        # for print: the same drawing in pieces that each fit an A4 page, cut
        # between rows of boxes (hidden on screen; see diagram_css)
        out.append(f'<div class="band-print" data-level="{level}" aria-hidden="true">')
        edges = [0.0] + cuts + [band.height]
        for top, bottom in zip(edges, edges[1:]):
            out.append(f'<svg class="band-slice" data-level="{level}" '
                       f'viewBox="0 {top:g} {WIDTH} {bottom - top:g}" width="{WIDTH}" '
                       f'height="{bottom - top:g}">'
                       f'<use href="#{content_id}"/></svg>')
        out.append("</div>")
    return "".join(out)


def alignment_diagram(region: Region, classification: Classification, lang: str = "en") -> str:
    """The alignment diagram of a classified region: a ``<div class="diagram">``
    holding one inline SVG per level either plan has elements at."""
    levels = [level for level in Level
              if region.rpjmd.at(level) or region.masterplan.at(level)]
    level_of = {e.id: e.level for e in region.masterplan.elements}
    by_level: dict[Level, list[Match]] = {}
    for match in region.matches:
        level = level_of.get(match.masterplan)
        if level is not None:
            by_level.setdefault(level, []).append(match)
    bands = []
    for level in levels:
        masterplan = region.masterplan.at(level)
        grouped = any(e.dimension is not None for e in masterplan)
        bands.append(_Band(level, region.rpjmd.at(level), masterplan, grouped,
                           by_level.get(level, [])))
    parts = ['<div class="diagram">']
    for band in bands:
        parts.append(_band_svg(band, region, by_level.get(band.level, []), classification, lang))
    parts.append("</div>")
    return "".join(parts)


def diagram_legend(lang: str = "en") -> str:
    """The legend of the diagram as a small inline SVG: line styles, markers, band colours."""
    items: list[str] = []
    x, y = 10.0, 16.0
    row_h = 22

    def advance(width: float) -> tuple[float, float]:
        nonlocal x, y
        if x + width > WIDTH - 10:
            x, y = 10.0, y + row_h
        pos = (x, y)
        x += width + 18
        return pos

    def line_item(key: str, colour: str, width: float, dash: str | None, cls: str) -> None:
        label = _label(key, lang)
        px, py = advance(44 + text_width(label, 11))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        items.append(f'<g class="legend-item {cls}"><line x1="{px:g}" y1="{py - 4:g}" x2="{px + 36:g}" '
                     f'y2="{py - 4:g}" stroke="{colour}" stroke-width="{width}"{dash_attr}/>'
                     f'<text x="{px + 42:g}" y="{py:g}">{_e(label)}</text></g>')

    for relation in Relation:
        colour, width = RELATION_STYLE[relation.value]
        line_item(f"legend.{relation.value}", colour, width, None, relation.value)
    line_item("legend.suggested", "#555", 1.6, SUGGESTED_DASH, "suggested")

    def box_item(key: str, cls: str, marker: bool = False) -> None:
        label = _label(key, lang)
        px, py = advance(34 + text_width(label, 11))
        mark = ""
        if marker:
            mark = (f'<circle class="marker" cx="{px:g}" cy="{py - 4:g}" r="6"/>'
                    f'<text class="marker-text" x="{px:g}" y="{py - 0.5:g}">!</text>')
        items.append(f'<g class="legend-item {cls}"><rect x="{px:g}" y="{py - 11:g}" width="26" '
                     f'height="14" rx="2"/>{mark}<text x="{px + 32:g}" y="{py:g}">{_e(label)}</text></g>')

    box_item("legend.unsynchronized", "unsynchronized", marker=True)
    box_item("legend.start", "start")
    box_item("legend.chain", "chain")
    box_item("legend.other", "other-level")
    height = y + 10
    return (f'<svg class="legend" viewBox="0 0 {WIDTH} {height:g}" width="{WIDTH}" height="{height:g}" '
            f'role="img">{"".join(items)}</svg>')


def diagram_css() -> str:
    """The stylesheet of the diagram (part of the page's inline CSS): layout,
    hover, the legend and the print pieces. The drawing's own colours are
    presentation attributes of its elements."""
    rules = [
        ".diagram svg.band{display:block;width:100%;height:auto;margin:0 0 8px 0}",
        ".diagram .band-print{display:none}",
        ".diagram svg.band-slice{display:block;width:100%;height:auto}",
        # pointing at a line brings it forward and fades the others of its row
        "svg.band:has(path.match:hover) path.match{opacity:.25}",
        "svg.band:has(path.match:hover) path.match:hover{opacity:1;stroke-width:4}",
        "svg.legend{display:block;width:100%;height:auto;margin:4px 0 10px 0}",
        f"svg.legend text{{font-size:11px;fill:{INK}}}",
        "svg.legend .legend-item rect{fill:#fff;stroke:#8895a5}",
        f"svg.legend .marker{{fill:{UNSYNC_COLOUR}}}",
        "svg.legend .marker-text{fill:#fff;font-size:10px;font-weight:700;text-anchor:middle}",
        f"svg.legend .legend-item.unsynchronized rect{{stroke:{UNSYNC_COLOUR};stroke-width:2}}",
    ]
    for kind in ("start", "chain", "other-level"):
        fill, stroke, width, dash = BAND_STYLE[kind]
        rules.append(f"svg.legend .legend-item.{kind} rect{{fill:{fill};stroke:{stroke};"
                     f"stroke-width:{width:g}" + (f";stroke-dasharray:{dash}" if dash else "") + "}")
    rules += [
        "@media print{",
        ".diagram svg.band.sliced{display:none}",
        ".diagram .band-print{display:block;margin:0 0 8px 0}",
        ".diagram svg.band-slice{break-inside:avoid}",
        "}",
    ]
    return "\n".join(rules)
