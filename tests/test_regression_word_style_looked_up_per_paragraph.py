"""Regression (newuser F213): reading a long Word plan asked python-docx the style of every
paragraph, a lookup among every style of the document each time: 7.6 s CPU for 4,000
paragraphs, most of a draft's time. The reader asks once per style
(``python benchmarks/bench_draft.py --word`` measures the time)."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import readers  # noqa: E402


def test_each_style_is_asked_once_and_headings_still_read(tmp_path: Path, monkeypatch) -> None:
    """200 paragraphs in two styles: python-docx is asked a style at most once per style,
    and a heading styled "Heading 1" is still read as bold (a heading)."""
    from docx.text.paragraph import Paragraph

    document = docx.Document()
    document.add_paragraph("RPJMD KOTA UJI TAHUN 2025-2029")
    document.add_heading("BAB II GAMBARAN UMUM", level=1)
    for i in range(200):
        document.add_paragraph(f"Paragraf analisis nomor {i}.")
    path = tmp_path / "long.docx"
    document.save(path)
    asked = []
    style = Paragraph.style

    def counted(self):
        asked.append(1)
        return style.fget(self)

    monkeypatch.setattr(Paragraph, "style", property(counted, style.fset))
    read = readers.read_document(path)
    assert len(asked) <= 3
    heading = [i for i in read.items if getattr(i, "text", "") == "BAB II GAMBARAN UMUM"]
    assert heading and heading[0].bold
    assert sum(1 for i in read.items if getattr(i, "text", "").startswith("Paragraf analisis")) == 200
