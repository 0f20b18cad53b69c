"""Newuser finding F107: the text headline of a region whose two plans share no year said
"Type A ... (caution: the plan periods share no year ...)", but the report page's badge
and the index said only "A": an evaluator reading the report counted as type A a
masterplan no year of its RPJMD covers. The page's type and the index's type cell now say
the caution the rules concluded (characteristic ``periods``: ``disjoint``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import smartsync
from smartsync.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"


def _apart(tmp_path: Path) -> Path:
    """The type-A example (another id) with its masterplan moved to begin after its RPJMD ends."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("period: [2022, 2031]", "period: [2027, 2036]")
    text = text.replace('id: "9901"', 'id: "9981"')
    assert "2027, 2036" in text and '"9981"' in text
    path = tmp_path / "apart.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("lang, caution, short", [
    ("en", "caution: the plan periods share no year", "plan periods share no year"),
    ("id", "perhatian: periode kedua rencana tidak beririsan", "periode rencana tidak beririsan")])
def test_page_and_index_say_the_periods_caution(tmp_path, lang, caution, short) -> None:
    """The region page beside its type, and the index beside the letter, say the plans share no year."""
    out = tmp_path / "report"
    assert main(["report", str(_apart(tmp_path)), str(EXAMPLE), "--out", str(out),
                 "--lang", lang]) == 0
    pages = {p.name: p.read_text(encoding="utf-8") for p in out.glob("*.html")}
    index = pages.pop("index.html")
    apart = next(html for html in pages.values() if "2027" in html)
    plain = next(html for html in pages.values() if "2027" not in html)
    head = apart[apart.index('id="type"'):apart.index("</section>", apart.index('id="type"'))]
    assert caution in head
    assert caution not in plain
    rows = re.findall(r'<tr class="region".*?</tr>', index, flags=re.S)
    assert len(rows) == 2
    flagged = [row for row in rows if short in row]
    assert len(flagged) == 1 and "2027" in flagged[0]  # the title names the periods


def test_the_caution_follows_the_rules_conclusion(tmp_path) -> None:
    """The caution is there exactly when the rules concluded the periods disjoint."""
    region = smartsync.load_region(_apart(tmp_path))
    result = smartsync.classify(region)
    assert result.characteristic("periods").value == "disjoint"
    assert "caution: the plan periods share no year" in smartsync.render_html(region, result)
    same = smartsync.load_region(EXAMPLE)
    assert "caution: the plan periods" not in smartsync.render_html(same, smartsync.classify(same))
