"""A masterplan PDF page set in two text columns (F118): the vision on the left, the missions on the
right, read across line by line. Whatever the reader makes of the page, the vision holding "1.
Mewujudkan ..." and a mission list starting at 2 are doubted with their reasons, never drafted at
full confidence."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

from docbuild import Styled, write_two_column_pdf  # noqa: E402

from smartsync.documents import _finish  # noqa: E402
from smartsync.documents._doc import Document, Line  # noqa: E402
from smartsync.documents.draft import draft_plan  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402
from smartsync.model import Period, PlanKind  # noqa: E402


def _two_columns(path: Path) -> Path:
    return write_two_column_pdf(
        path, ["MASTERPLAN SMART CITY KOTA MADIUN TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY"],
        [Styled("3.1 Visi Smart City", "Heading3"),
         "“Madiun Smart City: Kota Pendekar yang Cerdas, Melayani, Berdaya Saing dan Berkelanjutan bagi Seluruh Warga”"],
        [Styled("3.2 Misi Smart City", "Heading3"),
         "1. Mewujudkan layanan publik berbasis digital yang cepat, mudah dan terjangkau bagi seluruh masyarakat",
         "2. Mengembangkan ekonomi kreatif dan UMKM digital yang berdaya saing regional",
         "3. Mewujudkan lingkungan kota yang bersih, sehat dan tangguh terhadap bencana"])


def _draft(document: Document):
    plan, _ = _finish(draft_plan(PlanKind.MASTERPLAN, [document]), Period(2025, 2034), "en")
    return plan


def test_a_two_column_page_gives_no_wrong_vision_or_missions_at_full_confidence(tmp_path: Path) -> None:
    """Every vision or mission drafted from the two-column page either is right or has a confidence
    below 1 with a reason."""
    plan = _draft(read_document(_two_columns(tmp_path / "masterplan.pdf")))
    right = {"Madiun Smart City: Kota Pendekar yang Cerdas, Melayani, Berdaya Saing dan Berkelanjutan bagi "
             "Seluruh Warga",
             "Mewujudkan layanan publik berbasis digital yang cepat, mudah dan terjangkau bagi seluruh masyarakat",
             "Mengembangkan ekonomi kreatif dan UMKM digital yang berdaya saing regional",
             "Mewujudkan lingkungan kota yang bersih, sehat dan tangguh terhadap bencana"}
    drafted = [e for e in plan.elements if e.level in ("vision", "mission")]
    assert drafted
    for element in drafted:
        assert element.text in right or (element.confidence is not None and element.confidence.score < 1
                                         and element.confidence.reasons), element
    ids = {e.id for e in drafted if e.level == "mission"}
    # mission 1 read, or its loss said on the first mission read
    assert "SM1" in ids or any(e.confidence is not None for e in drafted if e.level == "mission")


def test_a_vision_holding_a_numbered_item_and_a_list_starting_at_two_are_doubted() -> None:
    """A vision with "1. Mewujudkan ..." in its middle is doubted (columns read across); so is a
    mission list whose first item read is "2."."""
    lines = ["BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City",
             "“Madiun Smart City: Kota Pendekar yang Cerdas, 1. Mewujudkan layanan publik berbasis digital",
             "yang Melayani, Berdaya Saing bagi Seluruh Warga”", "3.2 Misi Smart City",
             "2. Mengembangkan ekonomi kreatif dan UMKM digital", "3. Mewujudkan lingkungan kota yang bersih"]
    plan = _draft(Document("masterplan.pdf", [Line(t, 1) for t in lines], 1))
    doubted = {e.id: e.confidence.reasons for e in plan.elements if e.confidence is not None}
    assert set(doubted) == {"SV", "SM2"}
    assert "1. Mewujudkan layanan publik" in doubted["SV"][0]
    assert "starts at 2" in doubted["SM2"][0]
