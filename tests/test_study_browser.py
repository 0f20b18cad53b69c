"""The study page as a person sees it: opened in headless Chromium (see test_report_browser)."""

from __future__ import annotations

import base64
from pathlib import Path

import attrs
import pytest

from smartsync import load_region
from smartsync.render.study_html import render_study
from smartsync.study import study

pytestmark = pytest.mark.browser

from test_report_browser import Chromium  # noqa: E402,F401 - skips this module without chromium

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The examples and a hostile region under three rule sets, written as one page."""
    hostile = attrs.evolve(load_region(EXAMPLES / "type-c-target.yaml"), id="<img src=x onerror=alert(1)>",
                           name="<script>alert('x')</script>")
    regions = [load_region(p) for p in sorted(EXAMPLES.glob("*.yaml"))] + [hostile]
    s = study(regions, rule_sets="default,relations-per-stage,cascading",
              threshold_range="0.2:0.9")
    path = tmp_path_factory.mktemp("study") / "study.html"
    path.write_text(render_study(s), encoding="utf-8")
    return s, path


def test_bars_add_up_to_every_region_at_every_interval(browser, page, tmp_path):
    """In the live page, the bars of each interval under each rule set count every studied
    region once, and each bar's hover text names its exact count; nothing is fetched and no
    script runs (the hostile region's markup is text)."""
    s, path = page
    browser.open(path.as_uri())
    totals = browser.evaluate(
        "(() => { const out = {}; for (const g of document.querySelectorAll('.rule-set')) {"
        " const steps = {}; for (const r of g.querySelectorAll('svg.dist rect')) {"
        " steps[r.dataset.step] = (steps[r.dataset.step] || 0) + (+r.dataset.count);"
        " if (!r.querySelector('title').textContent.endsWith(': ' + r.dataset.count))"
        " throw new Error('hover text'); }"
        " out[g.dataset.ruleSet] = Object.values(steps); } return out; })()")
    for name in s.rule_sets:
        assert totals[name] and set(totals[name]) == {len(s.studied)}
        assert len(totals[name]) == len(s.distribution(name))
    assert browser.console_errors() == []
    assert [u for u in browser.requests() if not u.startswith("file:")] == []
    assert browser.evaluate("document.querySelectorAll('script').length") == 0
    assert browser.evaluate("[...document.querySelectorAll('h3')].some("
                            "h => h.textContent.includes(\"<script>alert('x')</script>\"))")
    shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                        session=True)
    (tmp_path / "study.png").write_bytes(base64.b64decode(shot["data"]))


def test_matrix_cells_link_to_their_regions(browser, page):
    """Each non-empty matrix cell links to a list whose links open the regions counted in it,
    and each of those regions has that pair of types."""
    s, path = page
    browser.open(path.as_uri())
    cells = browser.evaluate(
        "[...document.querySelectorAll('.pair')].map(p => [p.dataset.a, p.dataset.b,"
        " [...p.querySelectorAll('td[data-count] a')].map(a => { const li ="
        " document.getElementById(a.getAttribute('href').slice(1));"
        " return [a.parentElement.dataset.a, a.parentElement.dataset.b, +a.textContent,"
        " [...li.querySelectorAll('a')].map(x => document.getElementById("
        "x.getAttribute('href').slice(1)).dataset.region)]; })])")
    assert len(cells) == 3
    by_id = {r.region_id: r for r in s.studied}
    for a, b, links in cells:
        assert sum(count for _, _, count, _ in links) == len(s.studied)
        for type_a, type_b, count, regions in links:
            assert len(regions) == count
            for rid in regions:
                assert by_id[rid].types[a][0] == type_a and by_id[rid].types[b][0] == type_b


def test_each_region_shows_its_curve_and_why_rule_sets_disagree(browser, page):
    """Every region has a section with one curve per rule set, whose coloured pieces are its
    segments, and one explanation per pair of rule sets that disagree on it."""
    s, path = page
    browser.open(path.as_uri())
    shown = browser.evaluate(
        "Object.fromEntries([...document.querySelectorAll('section.region-study')].map(r =>"
        " [r.dataset.region, [[...r.querySelectorAll('tr[data-rule-set]')].map(t =>"
        " t.querySelectorAll('svg.curve rect').length), r.querySelectorAll('.difference').length]]))")
    for region in s.studied:
        pieces, differences = shown[region.region_id]
        assert pieces == [len(region.curves[n].segments) for n in s.rule_sets]
        assert differences == len(region.differences)
