"""newuser F118: a masterplan PDF page set in two text columns (the vision on the left, the missions on the
right, the gap between them as narrow as 3 pt) was read across, line by line: a vision holding "1.
Mewujudkan ..." and mission 1 lost (doubted since, never right). The page is now read column by column."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("reportlab")
pytest.importorskip("pypdfium2")

from docbuild import Styled, write_two_column_pdf  # noqa: E402

from smartsync.documents import _finish  # noqa: E402
from smartsync.documents.draft import draft_plan  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402
from smartsync.model import Period, PlanKind  # noqa: E402

VISION = "Madiun Smart City: Kota Pendekar yang Cerdas, Melayani, Berdaya Saing dan Berkelanjutan bagi Seluruh Warga"
MISSIONS = ["Mewujudkan layanan publik berbasis digital yang cepat, mudah dan terjangkau bagi seluruh masyarakat",
            "Mengembangkan ekonomi kreatif dan UMKM digital yang berdaya saing regional",
            "Mewujudkan lingkungan kota yang bersih, sehat dan tangguh terhadap bencana"]


def _two_columns(path: Path, gap: float) -> Path:
    return write_two_column_pdf(
        path, ["MASTERPLAN SMART CITY KOTA MADIUN TAHUN 2025-2034", "BAB III VISI DAN MISI SMART CITY"],
        [Styled("3.1 Visi Smart City", "Heading3"), f"“{VISION}”"],
        [Styled("3.2 Misi Smart City", "Heading3")] + [f"{k}. {text}" for k, text in enumerate(MISSIONS, 1)], gap=gap)


@pytest.mark.parametrize("gap", [20.0, 3.0])
def test_a_page_in_two_text_columns_is_read_column_by_column(tmp_path: Path, gap: float) -> None:
    """The vision whole from the left column, the three missions from the right, at full confidence."""
    document = read_document(_two_columns(tmp_path / "masterplan.pdf", gap))
    plan, _ = _finish(draft_plan(PlanKind.MASTERPLAN, [document]), Period(2025, 2034), "en")
    assert [(e.id, e.text, e.confidence) for e in plan.elements] == [
        ("SV", VISION, None)] + [(f"SM{k}", text, None) for k, text in enumerate(MISSIONS, 1)]
    assert document.items[0].text == "MASTERPLAN SMART CITY KOTA MADIUN TAHUN 2025-2034"
