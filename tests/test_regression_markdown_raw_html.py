"""Regression (newuser finding F19): Markdown output carried a region's texts as raw HTML
('<img src=x onerror=...>' in a region name became a tag in the page a wiki renders).
Every '<' outside a code block is written '&lt;' (shown as '<' all the same)."""

from __future__ import annotations

from pathlib import Path

import attrs

import smartsync
from smartsync.explain import explain
from smartsync.render import render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "unsynchronized.yaml"


def test_no_region_text_opens_a_tag_in_markdown():
    """A region name and an element text with tags come out with '&lt;', in the advice too."""
    region = smartsync.load_region(EXAMPLE)
    first = region.masterplan.at("program")[-1]
    tagged = attrs.evolve(first, text="<script>alert(1)</script> Desa digital")
    region = attrs.evolve(region, name="<img src=x onerror=alert(1)>",
                          masterplan=attrs.evolve(region.masterplan, elements=tuple(
                              tagged if e.id == first.id else e for e in region.masterplan.elements)))
    out = render(explain(smartsync.classify(region), suggest=False), "markdown", explain=True)
    assert "<img" not in out and "<script" not in out
    assert "&lt;img src=x onerror=alert(1)>" in out


def test_the_trace_in_a_code_block_is_left_as_it_is():
    """Inside the trace's code blocks nothing is escaped (a code block shows text as written)."""
    out = render(smartsync.classify(smartsync.load_region(EXAMPLE)), "markdown", trace=True)
    assert "```" in out and "&lt;" not in out.split("```")[1]
