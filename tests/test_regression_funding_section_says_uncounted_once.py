"""Regression (newuser F169): when the two plans' periods share no year, the report's Funding
section said the "matched, but their matches do not count" sentence twice (once inside the
periods paragraph, once in its own); and the budget row, "... of the RPJMD programs they
match: Rp 0", sat above a table of matched RPJMD programs with their pagu. The sentence is
now said once, and the row names the budget of the programs giving the route."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.cli import main

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "unsynchronized.yaml"


@pytest.mark.parametrize("lang, uncounted, row", [
    ("en", "matched to RPJMD programs with a budget, but their matches do not count",
     "of the RPJMD programs giving them that route"),
    ("id", "dipadankan dengan program RPJMD yang memiliki pagu, tetapi padanannya tidak dihitung",
     "Pagu indikatif program RPJMD yang memberi jalur pendanaan itu")])
def test_uncounted_programs_said_once_with_periods_apart(tmp_path, lang, uncounted, row):
    """The unsynchronized example under adopted and derived only: periods apart and three
    programs matched but not counted, said once; the budget row names the route."""
    out = tmp_path / "report"
    assert main(["report", str(EXAMPLE), "--relations", "adopted,derived", "--out", str(out),
                 "--lang", lang]) == 0
    page = next(p for p in out.glob("region-*.html")).read_text(encoding="utf-8")
    funding = page[page.index('id="funding"'):page.index("</section>", page.index('id="funding"'))]
    assert 'class="periods-apart"' in funding
    assert funding.count(uncounted) == 1
    assert row in funding
