"""Two visions drafted in a masterplan, one the RPJMD's quoted (newuser F60, its rest): the check
line says which is the RPJMD's vision quoted and which the masterplan's own, the quoted one is
doubted, and the masterplan's missions hang under its own vision."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

RPJMD_VISION = "Terwujudnya Masyarakat Sleman yang Lebih Sejahtera"


def _draft(folder: Path, quoted: str, lang: str):
    rpjmd = write_docx(folder / "rpjmd.docx", ["RPJMD KABUPATEN SLEMAN TAHUN 2021-2026", "BAB IV VISI DAN MISI", "4.1 Visi",
                                        f"“{RPJMD_VISION}”", "4.2 Misi", "1. Meningkatkan tata kelola pemerintahan"])
    masterplan = write_docx(folder / "masterplan.docx", [
        "MASTERPLAN SMART CITY KABUPATEN SLEMAN TAHUN 2022-2031", "BAB II KEBIJAKAN PEMBANGUNAN DAERAH",
        "2.1 Visi Kabupaten Sleman", f"“{quoted}”", "BAB IV VISI DAN MISI SMART CITY", "4.1 Visi Smart City",
        "“Sleman Smart Regency: Masyarakat Sejahtera”", "4.2 Misi Smart City",
        "1. Mewujudkan tata kelola pemerintahan digital", "BAB V PROGRAM PENGEMBANGAN SMART CITY",
        "Dimensi Smart Governance", "1. Pusat data Sleman"])
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, lang=lang)


@pytest.mark.parametrize("quoted", [RPJMD_VISION, "Terwujudnya masyarakat Sleman yang lebih sejahtera."])
def test_the_check_line_names_the_rpjmd_vision_quoted_and_the_masterplans_own(tmp_path: Path, quoted: str) -> None:
    """ "SV is the RPJMD's vision V quoted, SV2 the masterplan's own: keep SV2, delete SV"; SV is
    doubted with the reason, SM1 sits under SV2."""
    draft = _draft(tmp_path, quoted, "en")
    plan = draft.region.masterplan
    (copy, own) = plan.at("vision")
    assert (copy.id, own.id, own.confidence) == ("SV", "SV2", None)
    assert copy.confidence.score < 1 and copy.confidence.reasons == (
        "its text is the RPJMD's vision: quoted in the masterplan, not the masterplan's own?",)
    assert [(m.id, m.parents) for m in plan.at("mission")] == [("SM1", ("SV2",))]
    assert "masterplan: 2 visions drafted (SV, SV2); SV is the RPJMD's vision V quoted, SV2 the masterplan's own: " \
        "keep SV2, delete SV" in draft.checks


def test_the_check_line_names_them_in_indonesian(tmp_path: Path) -> None:
    """Under --lang id the same line is Indonesian."""
    draft = _draft(tmp_path, RPJMD_VISION, "id")
    assert "masterplan: 2 visi terdraf (SV, SV2); SV adalah visi RPJMD V yang dikutip, SV2 visi masterplan sendiri: " \
        "simpan SV2, hapus SV" in draft.checks
