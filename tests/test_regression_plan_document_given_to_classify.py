"""Regression (newuser F216): a plan document (PDF, Word, workbook) given to ``classify``
or ``batch`` was refused as "not UTF-8 ... save it as UTF-8", which no planner can do
with a PDF; it names the command that reads the file instead."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.io import check_region_file


def _zip(path: Path, part: str) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("name, make, form", [
    ("rpjmd.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n%\x93\x8c\x8b\x9e\n1 0 obj"), "pdf"),
    ("rpjmd.docx", lambda p: _zip(p, "word/document.xml"), "word"),
    ("plan.xlsx", lambda p: _zip(p, "xl/workbook.xml"), "workbook"),
    ("rpjmd.doc", lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64), "ole"),
    # the name does not matter: the first bytes tell
    ("region.yaml", lambda p: p.write_bytes(b"%PDF-1.4\n\xe2\xe3"), "pdf"),
])
def test_a_plan_document_is_told_by_its_first_bytes(tmp_path: Path, name, make, form) -> None:
    """The problem is coded ``document`` with the document's kind, not ``not-utf8``."""
    path = tmp_path / name
    make(path)
    (problem,) = check_region_file(path).problems
    assert (problem.code, problem.values["form"]) == ("document", form)


def test_classify_a_pdf_points_to_draft_in_the_language_asked(tmp_path: Path, capsys) -> None:
    """``classify rpjmd.pdf --lang id`` says it is a PDF document and gives the draft
    command; exit 1, no traceback."""
    path = tmp_path / "rpjmd.pdf"
    path.write_bytes(b"%PDF-1.7\n%\x93\x8c\x8b\x9e\n")
    assert main(["classify", str(path), "--lang", "id"]) == 1
    err = capsys.readouterr().err
    assert "adalah dokumen PDF, bukan berkas daerah" in err and "smartsync draft --rpjmd" in err
    assert "UTF-8" not in err and "Traceback" not in err


def test_batch_a_word_file_is_a_failed_input_that_names_draft(tmp_path: Path, capsys) -> None:
    """``batch rpjmd.docx`` writes a failed row naming the Word document and the draft
    command."""
    path = _zip(tmp_path / "rpjmd.docx", "word/document.xml")
    assert main(["batch", str(path), "--out", str(tmp_path / "out.csv"), "--no-progress"]) == 1
    out = capsys.readouterr().out
    assert "is a Word document, not a region file" in out and "smartsync draft" in out
