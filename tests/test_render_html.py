"""HTML reports (smartsync.render.html, smartsync.render.diagram): what a planner sees on the page.

The pages are parsed with the standard library's HTML parser into a small
tree, so the tests read what a browser would build; tests/test_report_browser.py
checks the same in a real headless Chromium.
"""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartsync
from smartsync import load_region
from smartsync.engine import classify
from smartsync.messages import text
from smartsync.model import Dimension, Element, Level, Match, Period, Plan, Region, Source
from smartsync.render.diagram import (
    BOX_W, DIAGRAM_LABELS, FONT, PAD, PRINT_SLICE, RELATION_STYLE, fit_text, text_width,
)
from smartsync.render.html import (
    PAGE_LABELS, format_rupiah, render_html, render_index, write_report,
)
from strategies import regions, examples

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))

# --------------------------------------------------------------- a small DOM

_VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list["Node"]:
        return [n for n in self.iter()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    return builder.root


# ------------------------------------------------------------- test regions


def big_region(programs: int = 70, *, seed: int = 7, region_id: str = "9990") -> Region:
    """A region with ``programs`` programs in each plan, all six dimensions, long
    texts, every relation, manual and suggested matches, and orphan programs."""
    rng = random.Random(seed)
    words = ("pengembangan sistem informasi pelayanan publik terpadu berbasis elektronik "
             "peningkatan kualitas infrastruktur jaringan data daerah untuk masyarakat kota "
             "cerdas ekonomi kreatif pariwisata lingkungan hidup persampahan transportasi").split()

    def phrase(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize()

    rpjmd = [Element("V", "vision", "Terwujudnya " + phrase(12))]
    rpjmd += [Element(f"M{i}", "mission", phrase(14), parents=["V"]) for i in range(1, 7)]
    rpjmd += [Element(f"S{i}", "target", phrase(12), parents=[f"M{1 + i % 6}"]) for i in range(1, 13)]
    rpjmd += [Element(f"P{i}", "program", "Program " + phrase(rng.randint(3, 16)),
                      parents=[f"S{1 + i % 12}"], code=f"{1 + i % 5}.{10 + i % 20:02d}.{i % 9 + 1:02d}",
                      budget=rng.randint(1, 900) * 100_000_000 if i % 11 else None)
              for i in range(1, programs + 1)]
    dims = list(Dimension)
    masterplan = [Element("SV", "vision", "Kota cerdas " + phrase(15))]
    masterplan += [Element(f"SM{i}", "mission", phrase(10), parents=["SV"]) for i in range(1, 5)]
    masterplan += [Element(f"SS{i}", "target", phrase(9), parents=[f"SM{1 + i % 4}"],
                           dimension=dims[i % 6]) for i in range(1, 13)]
    masterplan += [Element(f"SP{i}", "program", phrase(rng.randint(2, 25)), parents=[f"SS{1 + i % 12}"],
                           dimension=dims[(i * 7) % 6]) for i in range(1, programs + 1)]
    matches = [Match("SV", "V", "derived")]
    matches += [Match(f"SM{i}", f"M{i}", rng.choice(["adopted", "derived", "aligned"])) for i in range(1, 5)]
    matches += [Match(f"SS{i}", f"S{rng.randint(1, 12)}", "derived") for i in range(1, 11)]
    for i in range(1, programs + 1):
        if i % 9 == 0:
            continue  # an orphan program
        relation = ("adopted", "derived", "aligned")[i % 3]
        if i % 5 == 0:
            matches.append(Match(f"SP{i}", f"P{rng.randint(1, programs)}", relation, source="suggested",
                                 score=round(rng.uniform(0.3, 0.9), 2), evidence=["informasi"]))
        else:
            matches.append(Match(f"SP{i}", f"P{rng.randint(1, programs)}", relation,
                                 note=f"Bab V hlm. {i}"))
    return Region(region_id, "Kota Besar Contoh", "kota",
                  Plan("rpjmd", Period(2021, 2026), rpjmd),
                  Plan("masterplan", Period(2022, 2031), masterplan), matches, province="Jawa Barat")


EVIL = "<script>alert(1)</script> 'single' \"double\" & </svg>"


def evil_region() -> Region:
    """Markup and quotes in every text a region file carries: ids, texts, name, notes."""
    rpjmd = Plan("rpjmd", Period(2021, 2026), [
        Element("V<script>", "vision", "Visi " + EVIL),
        Element("P'1\"", "program", "Program " + EVIL, parents=["V<script>"], code="2.16.03",
                budget=12_500_000_000),
    ])
    masterplan = Plan("masterplan", Period(2022, 2031), [
        Element("SV\"><script>alert(2)</script>", "vision", "Smart " + EVIL),
        Element("SP'<b>", "program", "Layanan " + EVIL, dimension="governance"),
    ])
    matches = [
        Match("SV\"><script>alert(2)</script>", "V<script>", "derived", note="hlm. 3 " + EVIL),
        Match("SP'<b>", "P'1\"", "aligned", source="suggested", score=0.7, evidence=[EVIL]),
    ]
    return Region("99<script>", "Kota <script>alert('x')</script> \"Contoh\"", "kota", rpjmd,
                  masterplan, matches, province=EVIL)


@pytest.fixture(scope="module")
def example_pages() -> dict[str, tuple[Region, object, Node, str]]:
    out = {}
    for path in EXAMPLE_FILES:
        region = load_region(path)
        c = classify(region)
        page = render_html(region, c)
        out[path.stem] = (region, c, parse(page), page)
    return out


@pytest.fixture(scope="module")
def big() -> tuple[Region, object, Node, str]:
    region = big_region()
    c = classify(region)
    page = render_html(region, c)
    return region, c, parse(page), page


# ------------------------------------------------------------------ the page


def test_sections_come_in_the_order_a_planner_reads_them(example_pages):
    """Type and characteristics, diagram, coverage, diagnostics, funding, why-not, trace: top to bottom."""
    for _, _, dom, _ in example_pages.values():
        ids = [n.attrs["id"] for n in dom.find_all("section")]
        assert ids == ["type", "diagram", "coverage", "diagnostics", "funding", "to-reach", "why-not", "trace"]


def test_type_section_names_the_type_and_every_characteristic(example_pages):
    """The type letter is in the badge and each characteristic's sentence is listed."""
    for region, c, dom, _ in example_pages.values():
        section = dom.find_all("section")[0]
        badge = section.find_all(cls="badge")[0].text()
        assert badge == (c.type_letter or "\u2013")
        listed = [li.text() for li in section.find_all("li")]
        assert listed == [ch.message("en") for ch in c.characteristics]


def test_diagram_has_one_box_per_element_and_one_line_per_match(example_pages, big):
    """Every element of both plans is one box, every match one line, nothing else."""
    for region, c, dom, page in list(example_pages.values()) + [big]:
        assert page.count('<g class="element" ') == len(region.rpjmd.elements) + len(region.masterplan.elements)
        assert page.count('<path class="match" ') == len(region.matches)
        boxes = [(g.attrs["data-plan"], g.attrs["data-id"]) for g in dom.find_all("g", "element")]
        expected = [("rpjmd", e.id) for e in region.rpjmd.elements] + \
                   [("masterplan", e.id) for e in region.masterplan.elements]
        assert sorted(boxes) == sorted(expected)
        lines = [(p.attrs["data-masterplan"], p.attrs["data-rpjmd"]) for p in dom.find_all(cls="match")]
        assert sorted(lines) == sorted(m.key for m in region.matches)


def test_lines_are_styled_by_relation_and_suggested_ones_dashed(big):
    """A line carries its match's relation and source, a colour per relation, and dashes when suggested."""
    region, _, dom, _ = big
    by_key = {m.key: m for m in region.matches}
    colours = set()
    for path in dom.find_all(cls="match"):
        match = by_key[(path.attrs["data-masterplan"], path.attrs["data-rpjmd"])]
        assert (path.attrs["data-relation"], path.attrs["data-source"]) == \
            (match.relation.value, match.source.value)
        assert path.attrs["stroke"] == RELATION_STYLE[match.relation.value][0]
        assert ("stroke-dasharray" in path.attrs) == (match.source is Source.SUGGESTED)
        colours.add(path.attrs["stroke"])
    assert len(colours) == 3


def test_tall_bands_print_in_pieces_cut_between_rows(big):
    """A band taller than a printed page also comes as pieces, each at most PRINT_SLICE
    tall, together the whole band, no box cut; shorter bands come whole."""
    _, _, dom, _ = big
    bands = {svg.attrs["data-level"]: svg for svg in dom.find_all("svg", "band")}
    pieces = {div.attrs["data-level"]: div for div in dom.find_all("div", "band-print")}
    for level, svg in bands.items():
        height = float(svg.attrs["height"])
        assert (level in pieces) == (height > PRINT_SLICE) == ("sliced" in svg.classes)
        if level not in pieces:
            continue
        views = [tuple(map(float, s.attrs["viewbox"].split())) for s in pieces[level].find_all("svg")]
        assert len(views) >= 2
        assert views[0][1] == 0 and views[-1][1] + views[-1][3] == pytest.approx(height)
        for (_, y, _, h), (_, next_y, _, _) in zip(views, views[1:]):
            assert y + h == pytest.approx(next_y)
        assert all(h <= PRINT_SLICE for _, _, _, h in views)
        content = svg.find_all("g")[0].attrs["id"]
        assert all(u.attrs["href"] == f"#{content}" for u in pieces[level].find_all("use"))
        cuts = [y for _, y, _, _ in views[1:]]
        for rect in svg.find_all("rect", "box"):
            top, bottom = float(rect.attrs["y"]), float(rect.attrs["y"]) + float(rect.attrs["height"])
            assert not any(top < cut < bottom for cut in cuts)
    assert "program" in pieces  # 70 programs do not fit one page


def test_the_band_where_synchronization_starts_is_highlighted(example_pages):
    """Only the type's stage band has the start class; an unsynchronized region has none."""
    for region, c, dom, _ in example_pages.values():
        starts = [svg.attrs["data-level"] for svg in dom.find_all("svg", "start")]
        assert starts == ([] if c.type_letter is None else [c.type.value])


def test_unsynchronized_masterplan_elements_are_marked(example_pages):
    """The marked masterplan boxes are exactly the unsynchronized elements of each present stage."""
    for region, c, dom, _ in example_pages.values():
        marked = [g for g in dom.find_all("g", "element") if g.attrs.get("data-synchronized") == "false"]
        expected = {i for s in c.stages.values() for i in s.unsynchronized_ids}
        assert {g.attrs["data-id"] for g in marked} == expected
        assert all(g.attrs["data-plan"] == "masterplan" for g in marked)
        assert all(g.find_all("circle", "marker") for g in marked)


def test_levels_that_are_not_stages_are_drawn_lighter_and_said_so(example_pages):
    """Goal and strategy rows are marked as not stages, and the page names those levels."""
    region, c, dom, _ = example_pages["type-a-vision"]
    bands = {svg.attrs["data-level"]: svg.attrs["data-stage"] for svg in dom.find_all("svg", "band")}
    assert bands == {"vision": "true", "mission": "true", "goal": "false", "target": "true",
                     "strategy": "false", "program": "true"}
    note = dom.find_all(cls="other-levels")[0].text()
    assert "goal" in note and "strategy" in note


def test_masterplan_programs_are_grouped_by_dimension(big):
    """Each dimension heading is followed by exactly the programs of that dimension, in dimension order."""
    region, _, dom, _ = big
    band = [svg for svg in dom.find_all("svg", "band") if svg.attrs["data-level"] == "program"][0]
    sequence = []
    for node in band.iter():
        if "group-title" in node.classes:
            sequence.append(("group", node.attrs["data-dimension"]))
        elif node.tag == "g" and "element" in node.classes and node.attrs["data-plan"] == "masterplan":
            sequence.append(("box", node.attrs["data-dimension"]))
    groups = [d for kind, d in sequence if kind == "group"]
    assert groups == [d.value for d in Dimension]
    current = None
    for kind, dim in sequence:
        if kind == "group":
            current = dim
        else:
            assert dim == current


def _rects(dom: Node) -> list[tuple[str, float, float, float, float]]:
    out = []
    for band in dom.find_all("svg", "band"):
        for g in band.find_all("g", "element"):
            rect = g.find_all("rect", "box")[0]
            out.append((band.attrs["data-level"], float(rect.attrs["x"]), float(rect.attrs["y"]),
                        float(rect.attrs["width"]), float(rect.attrs["height"])))
    return out


def test_boxes_never_overlap_with_seventy_programs(big):
    """No two boxes of a band overlap, and every box lies inside its band's drawing."""
    _, _, dom, _ = big
    rects = _rects(dom)
    assert len([r for r in rects if r[0] == "program"]) == 140
    heights = {svg.attrs["data-level"]: float(svg.attrs["height"]) for svg in dom.find_all("svg", "band")}
    for i, (level, x, y, w, h) in enumerate(rects):
        assert 0 <= x and x + w <= 1000 and 0 <= y and y + h <= heights[level]
        for other_level, x2, y2, w2, h2 in rects[i + 1:]:
            if other_level == level:
                assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def _long_names() -> Region:
    """Ids, codes and texts far wider than a box, with no space to wrap at."""
    long_id, long_code, long_word = "P" * 120, "9." * 80, "Pengembangan" * 30
    rpjmd = Plan("rpjmd", Period(2021, 2026), [
        Element(long_id, "program", long_word, code=long_code, budget=1),
        Element("P2", "program", "Program " + "W" * 400)])
    masterplan = Plan("masterplan", Period(2022, 2031), [
        Element("S" + "W" * 90, "program", long_word + " " + long_word, dimension="economy")])
    return Region("9", "Kota", "kota", rpjmd, masterplan,
                  [Match("S" + "W" * 90, long_id, "aligned")])


@pytest.mark.parametrize("which", ["big", "long names"])
def test_box_text_is_cut_to_the_box_and_whole_in_the_tooltip(big, which):
    """Each text line fits the box width (estimated); the <title> holds the element's whole text."""
    if which == "big":
        region, _, dom, _ = big
    else:
        region = _long_names()
        dom = parse(render_html(region))
    texts = {e.id: e.text for e in region.rpjmd.elements + region.masterplan.elements}
    for g in dom.find_all("g", "element"):
        title = g.find_all("title")[0].text()
        assert title.endswith(texts[g.attrs["data-id"]])
        for line in g.find_all("text"):
            if "marker-text" in line.classes:
                continue
            ident = "".join(t.text() for t in line.find_all("tspan", "id"))
            rest = line.text()[len(ident):]
            width = text_width(ident, FONT, bold=True) + text_width(rest, FONT)
            assert width <= BOX_W - 2 * PAD + 0.01


def test_funding_is_in_rupiah_grouped_as_the_page_language_groups(example_pages):
    """The funding budget, the sum of the matched RPJMD programs' budgets, reads
    ``Rp 752,850,000,000`` on an English page (where "." is the decimal mark of its
    percentages) and ``Rp 752.850.000.000`` on an Indonesian one (newuser finding F38)."""
    region, c, dom, _ = example_pages["type-a-vision"]
    shown = dom.find_all("dd", "budget")[0].text()
    assert shown == format_rupiah(c.funding.budget, "en")
    expected = sum(region.rpjmd[p].budget or 0 for p in c.funding.rpjmd_programs)
    assert shown == f"Rp {expected:,}"
    indonesian = parse(render_html(region, c, lang="id")).find_all("dd", "budget")[0].text()
    assert indonesian == "Rp " + f"{expected:,}".replace(",", ".")
    rows = dom.find_all("table", "funding-programs")[0].find_all("tr")[1:]
    matched = {m.rpjmd for m in region.matches if region.rpjmd[m.rpjmd].level is Level.PROGRAM}
    assert [r.attrs["data-program"] for r in rows] == [e.id for e in region.rpjmd.elements if e.id in matched]
    assert set(c.funding.rpjmd_programs) <= matched


def test_page_states_the_parameters_it_was_classified_with():
    """The threshold and the relations that count are on the page."""
    from smartsync.typology import Parameters

    region = load_region(EXAMPLES / "type-a-vision.yaml")
    c = classify(region, params=Parameters(threshold=0.9, relations=["adopted", "derived"]))
    note = parse(render_html(region, c)).find_all("p", "parameters")[0].text()
    assert "90%" in note and "adopted, derived" in note and "aligned" not in note


def test_unbudgeted_rpjmd_program_says_so(example_pages):
    """A matched RPJMD program without pagu indikatif is listed with "no budget" instead of an amount."""
    region, c, dom, _ = example_pages["type-d-program"]
    rows = {r.attrs["data-program"]: r.text() for r in dom.find_all("table", "funding-programs")[0].find_all("tr")[1:]}
    assert "no budget" in rows["P3"]


@given(st.integers(min_value=0, max_value=10**18))
def test_rupiah_groups_thousands_with_dots(amount):
    """format_rupiah: "Rp " then the digits of the amount, grouped by three with dots."""
    shown = format_rupiah(amount)
    assert shown.startswith("Rp ")
    groups = shown[3:].split(".")
    assert "".join(groups) == str(amount)
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


def test_why_not_lists_every_other_type_with_its_reasons(example_pages):
    """One block per type not concluded, each with the reasons' sentences."""
    from smartsync.render.text import why_not_blocks

    for region, c, dom, _ in example_pages.values():
        blocks = dom.find_all("div", "why-not-type")
        assert [b.attrs["data-type"] for b in blocks] == [t.value for t in c.typology.type_enum
                                                          if t != c.type]
        for block in blocks:
            reasons = [li.text() for li in block.find_all("li")]
            # the reasons' sentences as the text renderer says them (one said for a type
            # above is pointed to, not repeated)
            said = next(lines for t, _, lines in why_not_blocks(c, "en")
                        if t.value == block.attrs["data-type"])
            assert reasons == said or reasons == [PAGE_LABELS["en"]["no_reasons"]]


def test_trace_is_folded_and_complete(example_pages):
    """The trace sits in a closed <details> with one item per rule firing, in firing order."""
    for region, c, dom, _ in example_pages.values():
        details = dom.find_all("details")
        assert len(details) == 1 and "open" not in details[0].attrs
        steps = details[0].find_all("ol")[0].find_all("li")
        assert [(int(li.attrs["value"]), li.attrs["data-rule"]) for li in steps] == \
            [(s.number, s.rule) for s in c.trace.steps]


def test_how_the_type_was_concluded_is_shown_unfolded(example_pages):
    """Outside the folded trace, how the type was concluded is said in the planner's words
    (the checklist); the fact tree, down to the input facts, is folded with the trace."""
    from smartsync.render.plain import checklist
    from smartsync.render.text import how_lines

    for region, c, dom, _ in example_pages.values():
        how = dom.find_all("ul", "how")
        assert len(how) == 1 and how[0].parent.tag == "section"
        items = [li.text() for li in how[0].find_all("li")]
        assert items == checklist(c, "en")
        tree = dom.find_all("ul", "tree")
        assert len(tree) == 1 and tree[0].parent.tag == "details"
        lines = [li.text().replace("\u00a0", " ") for li in tree[0].find_all("li")]
        assert lines == how_lines(c.how(), "en", indent="  ")
        assert lines[0].startswith("TypeResult(")


def test_diagnostics_are_listed_with_their_severity(example_pages):
    """Each diagnostic is an item with its code, severity and sentence."""
    for region, c, dom, _ in example_pages.values():
        items = dom.find_all("section")[3].find_all("li")
        assert [(li.attrs["data-code"], li.attrs["class"]) for li in items] == \
            [(d.code, d.severity) for d in c.diagnostics]
        for li, d in zip(items, c.diagnostics):
            assert li.text().endswith(d.message("en"))


def test_coverage_bars_show_each_stage(example_pages):
    """One bar per stage, its fill as wide as the coverage; an absent stage says so."""
    for region, c, dom, _ in example_pages.values():
        rows = dom.find_all("div", "stage-row")
        assert [r.attrs["data-stage"] for r in rows] == list(c.stages)
        for row in rows:
            stage = c.stages[row.attrs["data-stage"]]
            fill = row.find_all("div", "fill")[0].attrs["style"]
            width = float(re.search(r"width:([0-9.]+)%", fill).group(1))
            assert width == pytest.approx(stage.coverage * 100 if stage.present else 0, abs=0.06)
            assert ("absent" in row.classes) == (not stage.present)


# ------------------------------------------------------------ escaping, offline


def test_markup_and_quotes_from_the_region_file_show_as_text():
    """<script> and quotes in ids, texts, the name and notes never become markup."""
    region = evil_region()
    page = render_html(region)
    dom = parse(page)
    assert not dom.find_all("script")
    assert not dom.find_all("b")
    assert "<script>" not in page and "alert(1)</script>" not in page
    assert region.name in dom.find_all("h1")[0].text()
    assert "Kota <script>alert('x')</script>" in dom.find_all("title")[0].text()
    boxes = {g.attrs["data-id"]: g for g in dom.find_all("g", "element")}
    assert set(boxes) == {e.id for e in region.rpjmd.elements + region.masterplan.elements}
    for element in region.rpjmd.elements + region.masterplan.elements:
        assert boxes[element.id].find_all("title")[0].text().endswith(element.text)
    lines = {(p.attrs["data-masterplan"], p.attrs["data-rpjmd"]): p for p in dom.find_all(cls="match")}
    assert set(lines) == {m.key for m in region.matches}
    note = lines[region.matches[0].key].find_all("title")[0].text()
    assert note.endswith("hlm. 3 " + EVIL)


def test_pages_need_nothing_from_the_network(example_pages):
    """No script, stylesheet link, image, font or url() to fetch: everything is inline."""
    for _, _, dom, page in example_pages.values():
        assert not dom.find_all("script") and not dom.find_all("link") and not dom.find_all("img")
        for node in dom.iter():
            for name in ("src", "href"):
                value = node.attrs.get(name)
                assert value is None or not re.match(r"[a-z]+:", value)
        assert "url(" not in page and "@import" not in page and "@font-face" not in page
        assert "http://" not in page and "https://" not in page


def test_print_stylesheet_sets_a4_and_opens_the_trace(example_pages):
    """The page asks for A4 paper and, when printed, shows the folded trace and keeps boxes whole."""
    _, _, _, page = example_pages["type-a-vision"]
    assert re.search(r"@page\{size:A4", page)
    print_css = page[page.index("@media print{"):]
    assert "details::details-content{content-visibility:visible" in print_css
    assert "break-inside:avoid" in print_css


# ----------------------------------------------------------------- languages


def test_indonesian_page_uses_indonesian_words(example_pages):
    """lang="id" gives <html lang="id"> and headings and stage names in Indonesian."""
    region, c, _, _ = example_pages["type-b-mission"]
    dom = parse(render_html(region, c, lang="id"))
    assert dom.find_all("html")[0].attrs["lang"] == "id"
    headings = [h.text() for h in dom.find_all("h2")]
    assert text("heading.diagnostics", "id") in headings
    assert PAGE_LABELS["id"]["diagram"] in headings
    names = [r.find_all("div", "name")[0].text() for r in dom.find_all("div", "stage-row")]
    assert names == [text(f"level.{s}", "id") for s in c.stages]


def test_both_languages_have_every_label():
    """The page and diagram labels exist in English and Indonesian with the same placeholders."""
    def placeholders(template: str) -> set[str]:
        return set(re.findall(r"\{(\w+)\}", template))

    for table in (PAGE_LABELS, DIAGRAM_LABELS):
        assert set(table["en"]) == set(table["id"])
        for key in table["en"]:
            assert placeholders(table["en"][key]) == placeholders(table["id"][key]), key


def test_another_regions_classification_is_refused(example_pages):
    """Drawing one region with another's classification is a ValueError naming both."""
    region, _, _, _ = example_pages["type-a-vision"]
    _, other, _, _ = example_pages["type-b-mission"]
    with pytest.raises(ValueError, match="region '9902', not of region '9901'"):
        render_html(region, other)


def test_unknown_language_is_refused():
    """lang other than en or id is a ValueError naming the accepted ones."""
    region = load_region(EXAMPLE_FILES[0])
    with pytest.raises(ValueError, match="en, id"):
        render_html(region, lang="fr")


# ------------------------------------------------------------ any valid region


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regions(max_elements=8, max_matches=8))
def test_any_valid_region_renders_one_box_per_element_and_one_line_per_match(region):
    """For any valid region the page renders, deterministically, with exactly its elements and matches."""
    c = classify(region)
    page = render_html(region, c)
    assert page == render_html(region, c)
    dom = parse(page)
    assert not dom.find_all("script")
    boxes = sorted((g.attrs["data-plan"], g.attrs["data-id"]) for g in dom.find_all("g", "element"))
    assert boxes == sorted([("rpjmd", e.id) for e in region.rpjmd.elements]
                           + [("masterplan", e.id) for e in region.masterplan.elements])
    lines = sorted((p.attrs["data-masterplan"], p.attrs["data-rpjmd"]) for p in dom.find_all(cls="match"))
    assert lines == sorted(m.key for m in region.matches)


@given(st.text(min_size=1, max_size=200).filter(str.strip),
       st.lists(st.floats(min_value=0, max_value=400), min_size=1, max_size=3))
def test_fit_text_lines_fit_their_widths_and_keep_the_words_in_order(value, widths):
    """Each line fits its width (an ellipsis marks a cut); uncut lines are the text's words in order."""
    lines = fit_text(value, widths)
    assert len(lines) <= len(widths)
    for line, width in zip(lines, widths):
        assert text_width(line) <= width or line == "\u2026"
    shown = " ".join(line for line in lines if line).replace("\u2026", "")
    words = value.split()
    if not any("\u2026" in line for line in lines):
        assert shown.split() == words


# -------------------------------------------------------------- writing, index


def test_write_report_writes_a_page_per_region_and_an_index(tmp_path):
    """Several files: a page each, named after the region id, and index.html linking them."""
    report = write_report(EXAMPLE_FILES, tmp_path / "out")
    assert report.ok and len(report.pages) == len(EXAMPLE_FILES)
    assert sorted(p.path.name for p in report.pages) == \
        sorted(f"region-{load_region(f).id}.html" for f in EXAMPLE_FILES)
    index = parse(report.index.read_text(encoding="utf-8"))
    links = [a.attrs["href"] for a in index.find_all("table")[0].find_all("a")]
    assert links == [p.path.name for p in report.pages]
    assert all((tmp_path / "out" / link).is_file() for link in links)
    for page in report.pages:
        back = parse(page.path.read_text(encoding="utf-8")).find_all(cls="crumbs")[0]
        assert back.find_all("a")[0].attrs["href"] == "index.html"


def test_index_charts_regions_per_type_and_shows_stage_coverage(tmp_path):
    """The chart's bars count the regions of each type; each row shows the type and each stage's coverage."""
    another_a = attrs.evolve(load_region(EXAMPLES / "type-a-vision.yaml"), id="9911")
    report = write_report(EXAMPLE_FILES + [another_a], tmp_path)
    index = parse(report.index.read_text(encoding="utf-8"))
    counts = {g.attrs["data-type"]: int(g.attrs["data-count"]) for g in index.find_all("g", "bar")}
    assert counts == {"vision": 2, "mission": 1, "target": 1, "program": 1, "unsynchronized": 1}
    for row, page in zip(index.find_all("tr", "region"), report.pages):
        c = page.classification
        assert row.attrs["data-type"] == c.type.value
        cells = {td.attrs["data-stage"]: td for td in row.find_all("td", "cov")}
        for stage, result in c.stages.items():
            if result.present:
                assert f"{result.synchronized}/{result.total}" in cells[stage].text()
            else:
                assert "absent" in cells[stage].classes


def test_same_region_twice_gives_one_page_and_a_failure_naming_the_first(tmp_path):
    """A region id seen before is a failure (one page per region, as a batch classifies it once)."""
    file = EXAMPLES / "type-c-target.yaml"
    report = write_report([file, file], tmp_path)
    assert [p.path.name for p in report.pages] == ["region-9903.html"]
    assert len(report.failures) == 1
    assert f"region id '9903' is also the id of the region from {file}" in report.failures[0].message()


def test_page_names_are_safe_and_distinct():
    """Region ids become file names without path separators or markup, never twice the same."""
    from smartsync.render.html import _page_name

    used: set[str] = set()
    names = [_page_name(i, used) for i in ("../etc/x", "a/b", "a:b", "<script>", "a_b", ".")]
    assert len(set(names)) == len(names)
    for name in names:
        assert re.fullmatch(r"region-[A-Za-z0-9._-]+\.html", name) and ".." not in name[7:-5]


def test_regions_in_tables_are_reported(tmp_path):
    """A folder of tables (regions.csv...) gives a page per region it holds."""
    from smartsync.tabular import dump_tables

    folder = tmp_path / "tables"
    dump_tables([load_region(f) for f in EXAMPLE_FILES[:2]], folder)
    report = write_report(folder, tmp_path / "out")
    assert report.ok and sorted(p.region.id for p in report.pages) == ["9901", "9902"]


def test_jobs_give_the_same_pages(tmp_path):
    """Classifying in worker processes writes the same bytes as in one process."""
    one = write_report(EXAMPLE_FILES, tmp_path / "one")
    two = write_report(EXAMPLE_FILES, tmp_path / "two", jobs=2)
    for a, b in zip(one.pages, two.pages):
        assert a.path.read_bytes() == b.path.read_bytes()


def test_bad_file_is_a_failure_and_an_index_row_while_others_go_on(tmp_path):
    """A broken file gives no page but a failure naming it and its problem; the good ones get pages."""
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: {id: x, name: X, kind: kota}\n", encoding="utf-8")
    report = write_report([EXAMPLE_FILES[0], bad], tmp_path / "out")
    assert not report.ok and len(report.pages) == 1
    assert report.failures[0].source == str(bad)
    assert "rpjmd" in report.failures[0].message()
    index = parse(report.index.read_text(encoding="utf-8"))
    failed = index.find_all("tr", "failed")
    assert len(failed) == 1 and str(bad) in failed[0].text() and "rpjmd" in failed[0].text()
    assert int(index.find_all("g", "failed")[0].attrs["data-count"]) == 1


def test_one_source_gives_no_index_unless_asked(tmp_path):
    """A single region gives its page only; index=True adds the index."""
    assert write_report(EXAMPLE_FILES[0], tmp_path / "a").index is None
    assert write_report(EXAMPLE_FILES[0], tmp_path / "b", index=True).index.is_file()


def test_regions_in_memory_can_be_reported(tmp_path):
    """Region objects are reported like files, their source named after the region."""
    report = write_report([big_region(12)], tmp_path)
    assert report.pages[0].source == "<region 9990>" and report.pages[0].path.is_file()


def test_index_escapes_region_names_and_file_problems(tmp_path):
    """A region name with markup is text in the index too."""
    report = write_report([evil_region(), big_region(5)], tmp_path)
    index = report.index.read_text(encoding="utf-8")
    dom = parse(index)
    assert not dom.find_all("script")
    names = [a.text() for a in dom.find_all("a")]
    assert evil_region().name in names
    assert index.count("<script>") == 0
    assert not list(tmp_path.glob("*<*"))  # the page name is made safe too
    html_index = render_index(report.pages, report.failures)
    assert html_index == index


def test_the_report_says_what_to_change_and_how_stable_the_type_is():
    """The region page has a 'What to change' section: per type above the region's, the
    matches needed with the matcher's candidates; and the stability of the type."""
    region = smartsync.load_region(EXAMPLES / "unsynchronized.yaml")
    page = render_html(region, smartsync.classify(region), lang="id")
    section = page[page.index('id="to-reach"'):page.index('id="why-not"')]
    assert 'data-types="A B C D"' in section and "Yang perlu diubah" in section
    assert "padankan 5 unsur program masterplan lagi" in section
    assert "Seberapa stabil tipe ini" in section


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_an_indonesian_page_names_relations_in_indonesian_and_one_share_one_way(path):
    """The Indonesian page's match titles and counted relations use the glossary's words
    (diadopsi, diturunkan, diselaraskan), never the English names; each stage's share is
    written as the text says it (66,7%), never rounded apart in the diagram (67%)."""
    from smartsync.messages import format_percent

    result = classify(load_region(path))
    page = render_html(load_region(path), result, lang="id")
    assert not re.search(r"→ [^:<]+: (adopted|derived|aligned),", page)
    assert "Relasi padanan yang dihitung: diadopsi, diselaraskan, diturunkan" in page
    for stage in result.stages.values():
        if stage.present:
            shown = format_percent(stage.coverage, "id")
            assert f"({shown})" in page or f"· {shown}" in page, (stage.stage, shown)
            whole = f"{stage.coverage * 100:.0f}%"
            if whole != shown:
                assert f"({whole})" not in page and f"· {whole}" not in page
