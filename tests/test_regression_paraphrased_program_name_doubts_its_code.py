"""Regression (newuser finding F45): a paraphrased RPJMD program name made a right code 'not the program'.

`Program Pengembangan Aplikasi Pelayanan Publik` coded 2.16.03 (Program Pengelolaan Aplikasi
Informatika, the right code for a Diskominfo application program) was told 'program code
2.16.03 is ..., not the program its name says (by its name: 7.01.02 ...)': a guess from words
stated as a fact, at the full cost. The code is now doubted, with the confidence of the other
reading, and costs less when the name shares a word with the code's entry.
"""

from __future__ import annotations

from smartsync import Element, Period, Plan, Region
from smartsync.matching.codes import (DOUBT_COST, PARAPHRASE_COST, check_codes, code_confidence,
                                      code_issue)


def test_a_paraphrased_name_doubts_its_code_with_a_confidence_in_both_languages() -> None:
    """A name sharing 'aplikasi' with 2.16.03 but reading more like 7.01.02: a doubt with its confidence, not a verdict."""
    name = "Program Pengembangan Aplikasi Pelayanan Publik"
    reason, cost = code_issue("2.16.03", name)
    assert cost == PARAPHRASE_COST < DOUBT_COST
    assert "reads more like 7.01.02" in reason and "(confidence 0." in reason
    assert "check the code" in reason and "not the program" not in reason
    reason_id, cost_id = code_issue("2.16.03", name, lang="id")
    assert cost_id == cost
    assert "lebih mirip 7.01.02" in reason_id and "(keyakinan 0," in reason_id
    assert "periksa kodenya" in reason_id and "bukan program" not in reason_id
    assert code_confidence("2.16.03", name)[0] == 1.0 - PARAPHRASE_COST


def test_a_tool_word_shared_with_the_code_counts_as_a_paraphrase() -> None:
    """'Program Aplikasi Nomor 7' shares only the tool word 'aplikasi' with 2.16.03: the smaller cost."""
    assert code_issue("2.16.03", "Program Aplikasi Nomor 7")[1] == PARAPHRASE_COST


def test_a_name_sharing_nothing_with_its_code_keeps_the_full_cost() -> None:
    """'Program Pengelolaan Persampahan' coded 2.16.03 shares no word with it: the full cost, and the other program named."""
    reason, cost = code_issue("2.16.03", "Program Pengelolaan Persampahan")
    assert cost == DOUBT_COST
    assert "2.11.11" in reason and "(confidence 1.00)" in reason


def test_validate_words_the_disagreement_as_a_doubt() -> None:
    """smartsync validate --codes: 'its name reads more like ... (confidence ...): check the code', with the code it suggests."""
    rp = [Element("P1", "program", "Program Pengembangan Aplikasi Pelayanan Publik", code="2.16.03")]
    region = Region(id="1", name="Kota Contoh", kind="kota",
                    rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
                    masterplan=Plan("masterplan", Period(2022, 2031), []))
    (problem,) = check_codes(region, propose=False)
    assert problem.code == "program-code-disagrees" and problem.suggestion == "7.01.02"
    assert "its name reads more like 7.01.02" in problem.message
    assert "check the code" in problem.message and "does not match" not in problem.message
