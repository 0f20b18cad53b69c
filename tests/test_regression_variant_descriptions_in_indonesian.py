"""Variant descriptions are offered in Indonesian (issue 23's leftovers): `smartsync rules
--list-variants --lang id` and `smartsync rules --rules NAME --lang id` described the
variants in English; a variant of a study can give its own words in its messages
(``variant.description``)."""

from __future__ import annotations

from smartsync.cli import main
from smartsync.messages import variant_description
from smartsync.variants import Variant, default_packs


def test_list_variants_in_indonesian(capsys):
    """--list-variants --lang id: each shipped variant's description in Indonesian."""
    assert main(["rules", "--list-variants", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert "goal-stage\tsmartsync.variants:GOAL_STAGE\tTahap tujuan di antara misi dan " \
           "sasaran: lima tipe, A-E." in out
    assert "Types by the first" not in out and "A goal (tujuan) stage" not in out
    assert main(["rules", "--list-variants"]) == 0
    assert "A goal (tujuan) stage between mission and target" in capsys.readouterr().out


def test_a_variants_frame_in_indonesian(capsys):
    """rules --rules budgeted-programs --lang id: the variant line and its description."""
    assert main(["rules", "--rules", "budgeted-programs", "--lang", "id"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("varian: budgeted-programs (smartsync.variants:BUDGETED_PROGRAMS)\n"
                          "  Program masterplan tersinkronisasi hanya bila program RPJMD")


def test_a_study_variant_gives_its_own_words():
    """A variant's messages may hold variant.description per language; without it, the
    variant's own description (never a shipped variant's words for a same-named one)."""
    own = Variant("default", default_packs(), description="Our typology.",
                  messages={"id": {"variant.description": "Tipologi kami."}})
    assert variant_description(own, "id") == "Tipologi kami."
    assert variant_description(own, "en") == "Our typology."
    bare = Variant("default", default_packs(), description="Our typology.")
    assert variant_description(bare, "id") == "Our typology."
