"""Issue 15, case 6, as a person sees it: an id holding a right-to-left override (U+202E)
does not reverse the words and figures after it in headless Chromium (see
test_report_browser.py; skipped, saying why, without /usr/bin/chromium)."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from smartsync import classify, load_region, render_html
from test_report_browser import Chromium  # skips this module without Chromium

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"
pytestmark = [pytest.mark.browser, pytest.mark.slow]

# the left edge of each character of the first occurrence of WANT in the meta line
_POSITIONS = """((want) => {
  const meta = document.querySelector('p.meta');
  const walker = document.createTreeWalker(meta, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const at = node.data.indexOf(want);
    if (at < 0) continue;
    const out = [];
    for (let i = at; i < at + want.length; i++) {
      const r = document.createRange();
      r.setStart(node, i); r.setEnd(node, i + 1);
      out.push(r.getBoundingClientRect().left);
    }
    return out;
  }
  return null;
})"""


def test_case_6_an_override_in_the_id_leaves_the_periods_in_reading_order(tmp_path):
    region = load_region(EXAMPLE)
    odd = attrs.evolve(region, id="9901\u202eabc")
    page = tmp_path / "page.html"
    page.write_text(render_html(odd, classify(odd)), encoding="utf-8")
    period = f"{region.rpjmd.period.start}"
    browser = Chromium()
    try:
        browser.open(page.as_uri())
        lefts = browser.evaluate(f"{_POSITIONS}({period!r})")
    finally:
        browser.close()
    assert lefts is not None, "the period is not in the page's meta line"
    assert lefts == sorted(lefts), f"the digits of {period} are shown out of order: {lefts}"
