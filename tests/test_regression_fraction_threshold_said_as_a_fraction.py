"""Newuser finding F93: a per-stage threshold of 2/3 was said "threshold 66.66666666666666%"
("ambang 66,66666666666666%") in every stage line, why-not and advice, while the stability
lines of the same run said "2/3 (about 66.7%)". A threshold that is a simple fraction is
said as the bounds say it, in both languages; one given with more digits keeps them."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.messages import format_threshold

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-d-program.yaml"


VARIANT_MODULE = """
import smartsync
from smartsync.variants import Variant, default_packs

VARIANT = Variant("two-thirds", default_packs(),
                  params=smartsync.Parameters(thresholds={"program": 2 / 3}))
"""


@pytest.mark.parametrize("lang, said", [("en", "2/3 (about 66.7%)"), ("id", "2/3 (sekitar 66,7%)")])
def test_a_two_thirds_stage_threshold_is_said_as_a_fraction(tmp_path, monkeypatch, capsys, lang,
                                                            said) -> None:
    """A variant's per-stage threshold 2/3 is said '2/3 (about 66.7%)' in the stage lines and advice."""
    (tmp_path / "two_thirds_f93.py").write_text(VARIANT_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert main(["classify", str(EXAMPLE), "--rules", "two_thirds_f93:VARIANT", "--explain",
                 "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "66.666" not in out and "66,666" not in out
    assert out.count(said) >= 2, out


@pytest.mark.parametrize("lang, said", [("en", "2/3 (about 66.7%)"), ("id", "2/3 (sekitar 66,7%)")])
def test_the_advice_counts_at_a_fraction_threshold(capsys, lang, said) -> None:
    """classify --threshold 0.6666666666666666 says the advice's count 'at threshold 2/3 (about 66.7%)'."""
    assert main(["classify", str(EXAMPLE), "--threshold", repr(2 / 3), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert "66.666" not in out and "66,666" not in out
    assert said in out


@pytest.mark.parametrize("value, said", [(1 / 3, "1/3 (about 33.3%)"), (5 / 12, "5/12 (about 41.7%)"),
                                         (0.5, "50%"), (0.125, "12.5%"),
                                         (0.5000000001, "50.00000001%")])
def test_format_threshold_says_fractions_as_fractions(value, said) -> None:
    """A simple fraction is said as one; a tenth-exact share as a percentage; other digits as given."""
    assert format_threshold(value) == said
