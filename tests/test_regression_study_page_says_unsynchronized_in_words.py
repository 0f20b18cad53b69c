"""Regression (newuser F184): the study page's change list wrote an unsynchronized type as a
dash, "9971 (C → -)", which reads as "no data"; it now says it in words, as the table's
columns do ("C → unsynchronized", "C → tidak tersinkronisasi")."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.render.study_html import render_study
from smartsync.study import study

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-b-mission.yaml"


@pytest.mark.parametrize("lang, word", [("en", "unsynchronized"), ("id", "tidak tersinkronisasi")])
def test_change_to_unsynchronized_said_in_words(lang, word):
    """The type B example over every threshold: where it falls out of the typology the change
    list names it in words, never a dash."""
    page = render_study(study([EXAMPLE]), lang=lang)
    changes = page[page.index('class="distribution"'):]
    assert f"→ {word})" in changes
    assert "→ -)" not in changes and "(- →" not in changes
