"""Missions written as plain paragraphs, and points listed under a numbered mission (issue 24,
items left after newuser round 4: F85's rest). Each test builds the Word or PDF document a
planner has (python-docx; reportlab as tests/docgen.py does) and drafts it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import Styled, write_docx, write_pdf  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402

MISSIONS = ["Mewujudkan tata kelola pemerintahan yang bersih, akuntabel, transparan dan berorientasi pada "
            "pelayanan publik yang prima bagi seluruh masyarakat",
            "Meningkatkan pertumbuhan ekonomi daerah yang inklusif",
            "Membangun infrastruktur wilayah yang merata dan berkelanjutan dengan memperhatikan daya dukung "
            "lingkungan hidup serta mitigasi bencana"]
HEAD = ["RPJMD KABUPATEN MAROS TAHUN 2021-2026", "BAB IV VISI DAN MISI", "4.1 Visi",
        "“Maros yang Maju, Mandiri dan Berdaya Saing”", "4.2 Misi"]
TAIL = ["BAB V TUJUAN DAN SASARAN"]


def _masterplan(folder: Path) -> Path:
    return write_docx(folder / "masterplan.docx", [
        "MASTERPLAN SMART CITY KABUPATEN MAROS 2022-2031", "BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
        "“Maros Smart Regency”", "3.2 Misi Smart City", "1. Mewujudkan layanan publik digital",
        "BAB IV PROGRAM SMART CITY", "Dimensi Smart Governance", "1. Aplikasi layanan desa"])


def _word(folder: Path, missions: list[str], table: bool = False) -> Path:
    rows = [["Misi", "Tujuan", "Sasaran", "Indikator"],
            ["Misi 2", "Tujuan 2.1 Meningkatnya pertumbuhan ekonomi", "Sasaran 2.1.1 Meningkatnya PDRB per kapita",
             "PDRB"]]
    return write_docx(folder / "rpjmd.docx", HEAD + missions + TAIL + ([rows] if table else []))


def _pdf(folder: Path, missions: list[str], space_after: float) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet

    body = ParagraphStyle("b", parent=getSampleStyleSheet()["Normal"], fontSize=11, leading=13.5,
                          spaceAfter=space_after)
    return write_pdf(folder / "rpjmd.pdf", HEAD + missions + TAIL, style=body)


def _draft(folder: Path, rpjmd: Path, lang: str = "en"):
    return draft_region(rpjmd=rpjmd, masterplan=_masterplan(folder), rpjmd_period=(2021, 2026),
                        masterplan_period=(2022, 2031), lang=lang)


def _other_checks(draft) -> tuple[str, ...]:
    """The check lines but the one saying the RPJMD has no program (these RPJMDs are a chapter
    without programs on purpose; newuser F206)."""
    return tuple(c for c in draft.checks if not c.startswith(("RPJMD: no program read", "RPJMD: tidak ada program terbaca")))


def _missions(draft) -> list[tuple[str, str, float]]:
    return [(m.id, m.text, m.confidence.score if m.confidence else 1.0) for m in draft.region.rpjmd.at("mission")]


def test_plain_word_paragraphs_under_misi_are_the_missions_in_order(tmp_path: Path) -> None:
    """One Word paragraph per mission under "4.2 Misi", no number or bullet: M1, M2, M3 in order at
    full confidence (each paragraph is one), and the table's "Misi 2" names the second."""
    draft = _draft(tmp_path, _word(tmp_path, MISSIONS, table=True))
    assert _missions(draft) == [("M1", MISSIONS[0], 1.0), ("M2", MISSIONS[1], 1.0), ("M3", MISSIONS[2], 1.0)]
    assert [(g.id, g.parents) for g in draft.region.rpjmd.at("goal")] == [("T2.1", ("M2",))]
    assert _other_checks(draft) == ()


def test_plain_pdf_paragraphs_set_apart_by_a_gap_are_read_whole(tmp_path: Path) -> None:
    """In a PDF whose paragraphs stand apart (space after each), a mission wrapped over two lines
    is one mission, at full confidence."""
    draft = _draft(tmp_path, _pdf(tmp_path, MISSIONS, space_after=8))
    assert _missions(draft) == [("M1", MISSIONS[0], 1.0), ("M2", MISSIONS[1], 1.0), ("M3", MISSIONS[2], 1.0)]


def test_plain_pdf_paragraphs_with_no_gap_are_read_and_doubted(tmp_path: Path) -> None:
    """In a PDF that sets its paragraphs at the line spacing, where a mission ends is a guess: the
    missions are read (wrapped lines joined, each new one begun at its verb), each below full
    confidence with the reason."""
    draft = _draft(tmp_path, _pdf(tmp_path, MISSIONS, space_after=0))
    assert [(m_id, text) for m_id, text, _ in _missions(draft)] == [
        ("M1", MISSIONS[0]), ("M2", MISSIONS[1]), ("M3", MISSIONS[2])]
    for mission in draft.region.rpjmd.at("mission"):
        assert mission.confidence.score < 1
        assert mission.confidence.reasons == (
            'a paragraph under "4.2 Misi" with no number or bullet, read as a mission: where it begins and ends '
            'is not clear from the layout; check its text',)


def test_prose_among_plain_missions_is_no_mission_and_is_said(tmp_path: Path) -> None:
    """A sentence among the plain missions ("Misi ini dimaksudkan ...") is no mission; the line
    is said (Indonesian under --lang id), and the mission after it doubted."""
    draft = _draft(tmp_path, _word(tmp_path, [
        "Misi adalah rumusan umum mengenai upaya yang akan dilaksanakan.", MISSIONS[1],
        "Misi ini dimaksudkan untuk memperkuat perekonomian rakyat.", MISSIONS[2],
        "Dalam mewujudkan misi tersebut, pemerintah daerah menetapkan tujuan berikut."]), lang="id")
    assert [(m_id, text) for m_id, text, _ in _missions(draft)] == [("M1", MISSIONS[1]), ("M2", MISSIONS[2])]
    assert [score for _, _, score in _missions(draft)] == [1.0, 0.8]
    (check,) = _other_checks(draft)
    assert check.startswith('RPJMD: 1 baris di bawah "4.2 Misi" (') and check.endswith(
        'rpjmd.docx hlm. 1) tidak terbaca sebagai misi: periksa (daftar dibaca bila bernomor, "1." atau "Misi 1:", '
        'atau berbutir)')


def test_an_unnumbered_line_between_numbered_missions_is_said(tmp_path: Path) -> None:
    """A mission written without its number between numbered ones is not dropped silently: a
    check line says the line under the heading was not read."""
    draft = _draft(tmp_path, _word(tmp_path, ["1. " + MISSIONS[1], MISSIONS[0], "3. " + MISSIONS[2]]))
    assert [m.id for m in draft.region.rpjmd.at("mission")] == ["M1", "M3"]
    (check,) = _other_checks(draft)
    assert check.startswith('RPJMD: 1 line(s) under "4.2 Misi" (') and 'rpjmd.docx p. 1) read as no mission' in check


@pytest.mark.parametrize("points", [["- Reformasi birokrasi", "- Pelayanan publik digital"],
                                    ["• Reformasi birokrasi", "• Pelayanan publik digital"],
                                    ["a) Reformasi birokrasi", "b) Pelayanan publik digital"],
                                    ["i) Reformasi birokrasi", "ii) Pelayanan publik digital"],
                                    ["a. Reformasi birokrasi", "b. Pelayanan publik digital"]])
def test_points_under_a_numbered_mission_are_kept_in_its_text(tmp_path: Path, points: list[str]) -> None:
    """Bullets or lettered points under "1." are that mission's sub-points, kept in its text after
    a colon; the next numbered mission is the next mission."""
    draft = _draft(tmp_path, _word(tmp_path, ["1. " + MISSIONS[1], *points, "2. " + MISSIONS[2]]))
    assert _missions(draft) == [("M1", MISSIONS[1] + ": Reformasi birokrasi; Pelayanan publik digital", 1.0),
                                ("M2", MISSIONS[2], 1.0)]
    assert _other_checks(draft) == ()


def test_a_lettered_list_of_missions_is_a_list_through_i(tmp_path: Path) -> None:
    """Missions lettered "a." to "j." are ten missions: "i." after "h." is the next letter, not a
    sub-point of "h."."""
    letters = "abcdefghij"
    draft = _draft(tmp_path, _word(tmp_path, [f"{c}. Meningkatkan urusan nomor {k}" for k, c in enumerate(letters, 1)]))
    assert [(m.id, m.text) for m in draft.region.rpjmd.at("mission")] == [
        (f"M{k}", f"Meningkatkan urusan nomor {k}") for k in range(1, 11)]


def test_word_list_nested_under_a_numbered_mission_is_its_sub_points(tmp_path: Path) -> None:
    """A Word list whose second level sits under a mission of the first ("List Number" over
    "List Bullet 2") gives the mission its sub-points, not missions of their own."""
    path = write_docx(tmp_path / "rpjmd.docx", HEAD + [
        Styled(MISSIONS[1], "List Number"), Styled("Penguatan UMKM", "List Bullet 2"),
        Styled("Pariwisata daerah", "List Bullet 2"), Styled(MISSIONS[2], "List Number"), TAIL[0]])
    assert _missions(_draft(tmp_path, path)) == [("M1", MISSIONS[1] + ": Penguatan UMKM; Pariwisata daerah", 1.0),
                                                 ("M2", MISSIONS[2], 1.0)]
