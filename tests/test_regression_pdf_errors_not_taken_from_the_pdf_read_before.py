"""tests/test_documents.py::test_a_pdf_of_no_pages_and_a_folder_get_a_clear_error failed now and
then under parallel load and passed alone: PDFium's error code is the last one it set in the
process, and a PDF of no pages sets none, so after an encrypted PDF (another test in the same
worker) the empty one was refused as "protected by a password". A planner drafting several
documents in one process met the same: each PDF's error is now decided from the file itself."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("pdfplumber")
pytest.importorskip("reportlab")

from smartsync.documents._doc import DocumentError  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "documents"


def _refusal(path: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    return caught.value


def test_a_pdf_of_no_pages_after_an_encrypted_one_is_said_to_have_no_pages(tmp_path: Path) -> None:
    """Encrypted, then empty, then corrupt, then empty again, in one process: each refusal is
    its own file's (no pages; never "password" for a file that has none)."""
    from reportlab.pdfgen import canvas

    empty = tmp_path / "kosong.pdf"
    canvas.Canvas(str(empty)).save()
    corrupt = tmp_path / "rusak.pdf"
    corrupt.write_bytes(b"%PDF-1.4 nonsense")
    assert "password" in str(_refusal(DATA / "encrypted.pdf"))
    assert str(_refusal(empty)).endswith("kosong.pdf: holds no pages")
    said = str(_refusal(corrupt))
    assert "rusak.pdf" in said and "password" not in said
    assert "password" in str(_refusal(DATA / "encrypted.pdf"))
    assert str(_refusal(empty)).endswith("kosong.pdf: holds no pages")
