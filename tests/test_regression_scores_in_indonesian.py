"""Regression (newuser findings F61, F62): scores and confidences written with a decimal point
inside Indonesian text.

`draft --lang id` said "(keyakinan 1.00)" in a code-check reason while the same review page wrote
its confidence column as "0,80"; the Indonesian report's diagram said "skor 0.89" where
`match --lang id` says "0,89". A score is now worded in one place
(:func:`smartsync.messages.format_score`), two decimals, with the language's decimal mark.
"""

from __future__ import annotations

import re

from smartsync import Element, Match, Period, Plan, Region
from smartsync.matching.codes import check_codes, code_issue
from smartsync.messages import format_score, text
import smartsync
from smartsync.render.diagram import alignment_diagram


def test_a_score_keeps_two_decimals_with_the_languages_mark() -> None:
    """1.0 is '1.00' in English and '1,00' in Indonesian; 0.5 is '0,50'."""
    assert format_score(1.0) == "1.00" and format_score(1.0, "id") == "1,00"
    assert format_score(0.5, "id") == "0,50" and format_score(0.875, "en") == "0.88"


def test_a_confidence_value_in_a_message_is_worded_as_a_score() -> None:
    """A message given confidence=1.0 says '1,00' in Indonesian, never '1' or '1.00'."""
    said = text("nomenclature.code-disagrees", "id", code="2.16.03", name="X",
                suggestion="2.11.11 Y", confidence=1.0)
    assert "1,00" in said and "1.00" not in said


def test_the_code_check_reason_in_indonesian_has_a_decimal_comma() -> None:
    """draft's reason for a code its name disagrees with: '(keyakinan 1,00)', no '1.00'."""
    reason, _ = code_issue("2.16.03", "Program Pengelolaan Persampahan", lang="id")
    assert "(keyakinan 1,00)" in reason and "1.00" not in reason
    reason_en, _ = code_issue("2.16.03", "Program Pengelolaan Persampahan")
    assert "(confidence 1.00)" in reason_en


def test_validate_in_indonesian_words_a_code_doubt_with_a_decimal_comma() -> None:
    """validate --lang id on a doubted program code: no English decimal in the Indonesian line."""
    rp = [Element("P1", "program", "Program Pengelolaan Persampahan", code="2.16.03")]
    region = Region(id="1", name="Kota Contoh", kind="kota",
                    rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
                    masterplan=Plan("masterplan", Period(2022, 2031), []))
    (problem,) = check_codes(region, propose=False)
    line = problem.format("id")
    assert re.search(r"\d,\d\d", line) and not re.search(r"\d\.\d\d\b", line.replace("2.16.03", "")
                                                         .replace("2.11.11", ""))


def test_the_indonesian_diagram_says_a_suggested_matchs_score_with_a_comma() -> None:
    """The diagram's tooltip of a suggested match: 'skor 0,89' on the Indonesian page."""
    rp = [Element("V", "vision", "Kota sejahtera")]
    mp = [Element("SV", "vision", "Kota cerdas sejahtera")]
    region = Region(id="1", name="Kota Contoh", kind="kota",
                    rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
                    masterplan=Plan("masterplan", Period(2022, 2031), mp),
                    matches=[Match("SV", "V", "aligned", source="suggested", score=0.89)])
    result = smartsync.classify(region)
    assert "skor 0,89" in alignment_diagram(region, result, lang="id")
    assert "score 0.89" in alignment_diagram(region, result, lang="en")
