"""Regression (newuser finding F203): a masterplan vision or mission copied word for word from
the RPJMD was suggested as ``aligned`` (score 1.0), so that under relations-per-stage the copied
vision did not count at all, while ``adopted`` means taken over as the RPJMD states it. A
suggestion whose two statements are the same words in the same order (case, accents, quotes,
punctuation and spacing aside) is now ``adopted``, its note saying so (en and id); others stay
``aligned``."""

from __future__ import annotations

import smartsync
from smartsync import Element, Period, Plan, Region
from smartsync.matching.suggest import word_for_word
from smartsync.variants import RELATIONS_PER_STAGE

VISION = "Terwujudnya Kota Uji yang Maju dan Sejahtera"
MISSION = "Mewujudkan tata kelola pemerintahan yang bersih dan melayani"


def _region() -> Region:
    return Region(
        id="9991", name="Kota Uji", kind="kota",
        rpjmd=Plan("rpjmd", Period(2021, 2026), [
            Element("V", "vision", VISION),
            Element("M1", "mission", MISSION, parents=("V",)),
            Element("P1", "program", "Program Pengelolaan Aplikasi Informatika", code="2.16.03",
                    budget=5_000_000_000)]),
        masterplan=Plan("masterplan", Period(2022, 2031), [
            Element("SV", "vision", f"“{VISION.lower()}.”"),
            Element("SM1", "mission", "Mewujudkan tata kelola pemerintahan digital yang melayani"),
            Element("SP1", "program", "Pengembangan aplikasi informatika e-government")]))


def test_a_word_for_word_copy_is_suggested_adopted_with_a_note():
    """SV (V's words, quoted, lower case, with a full stop) -> V is adopted, the note says why
    (en and id); SM1 (other words) -> M1 stays aligned."""
    found = {m.key: m for m in smartsync.suggest_matches(_region())}
    vision, mission = found[("SV", "V")], found[("SM1", "M1")]
    assert (vision.relation.value, vision.score) == ("adopted", 1.0)
    assert vision.note.startswith("the RPJMD's statement word for word: adopted")
    assert mission.relation.value == "aligned" and "word for word" not in (mission.note or "")
    (id_,) = [m for m in smartsync.suggest_matches(_region(), lang="id") if m.key == ("SV", "V")]
    assert id_.note.startswith("pernyataan RPJMD kata demi kata: diadopsi")


def test_the_copied_vision_counts_under_relations_per_stage():
    """With the suggestions, the copied vision counts under relations-per-stage (adopted)."""
    classifier = RELATIONS_PER_STAGE.classifier()
    result = classifier.classify(smartsync.with_suggestions(_region()))
    assert result.stages["vision"].synchronized == 1


def test_word_for_word_folds_only_case_accents_quotes_and_punctuation():
    """Same words in the same order only: a word more, fewer or moved is not a copy."""
    assert word_for_word(VISION, f'"{VISION.upper()}"')
    assert word_for_word("Kota Cerdas, Maju", "kota cerdas maju")
    assert not word_for_word(VISION, VISION + " Berbudaya")
    assert not word_for_word("Maju dan Sejahtera", "Sejahtera dan Maju")
    assert not word_for_word("", "")
