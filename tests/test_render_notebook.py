"""Classification._repr_html_: what a notebook shows of a result."""

from __future__ import annotations

import html
import re
from pathlib import Path

import attrs

import smartsync

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _inner(fragment: str) -> str:
    found = re.search(r'srcdoc="([^"]*)"', fragment)
    assert found
    return html.unescape(found.group(1))


def test_notebook_view_shows_type_stages_and_diagram():
    """The notebook view holds the type's letter, one coverage row per stage with its figures,
    and the alignment diagram, in a sandboxed frame with nothing to fetch."""
    result = smartsync.classify(smartsync.load_region(EXAMPLES / "type-b-mission.yaml"))
    fragment = result._repr_html_()
    assert fragment.startswith("<iframe") and 'sandbox=""' in fragment
    page = _inner(fragment)
    assert '<div class="badge">B</div>' in page
    for stage, s in result.stages.items():
        assert f'data-stage="{stage}"' in page
        assert f"{s.synchronized} of {s.total}" in page
    assert "<svg" in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")
    assert "<script" not in page


def test_notebook_view_escapes_the_region():
    """Markup in a region's name is shown as text, in the frame and in its title."""
    region = attrs.evolve(smartsync.load_region(EXAMPLES / "type-a-vision.yaml"),
                          name='<script>alert("x")</script>')
    fragment = smartsync.classify(region)._repr_html_()
    assert "<script>" not in fragment
    assert "<script>" not in _inner(fragment)
    assert "&lt;script&gt;" in _inner(fragment)
