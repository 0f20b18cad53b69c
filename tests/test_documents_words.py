"""The words of ``smartsync draft`` (smartsync/documents/_words.py): every document that cannot
be read is said in English and in Indonesian, naming the file (newuser finding F41)."""

from __future__ import annotations

import re
import string
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("docx")
pytest.importorskip("openpyxl")

from smartsync.cli import main  # noqa: E402
from smartsync.documents import _words  # noqa: E402
from smartsync.documents._doc import DocumentError  # noqa: E402
from smartsync.documents.readers import read_document  # noqa: E402

DATA = Path(__file__).parent / "data" / "documents"

#: words of the English frame that an Indonesian line must not carry
_ENGLISH = re.compile(r"\b(is not|is empty|cannot|the file|holds|give it|above the limit|pages? \d|sheet)\b")


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _bad_files(folder: Path) -> dict[str, Path]:
    """One file for each way a document cannot be read."""
    files = {
        "corrupt-pdf": folder / "rusak.pdf", "old-doc": folder / "lama.doc", "no-suffix": folder / "tanpa",
        "empty-docx": folder / "kosong.docx", "empty-csv": folder / "kosong.csv",
        "binary-csv": folder / "biner.csv", "pdf-as-docx": folder / "pdf.docx",
        "old-office-xlsx": folder / "lama.xlsx", "zip-as-docx": folder / "zip.docx",
        "workbook-as-docx": folder / "buku.docx", "folder": folder / "map.pdf",
        "missing": folder / "tidak-ada.pdf",
    }
    files["corrupt-pdf"].write_bytes(b"hello")
    files["old-doc"].write_bytes(b"\xd0\xcf\x11\xe0")
    files["no-suffix"].write_bytes(b"x")
    files["empty-docx"].write_bytes(b"")
    files["empty-csv"].write_bytes(b"\n \n")
    files["binary-csv"].write_bytes(b"a,b\x00,c\n")
    files["pdf-as-docx"].write_bytes(b"%PDF-1.4 not really")
    files["old-office-xlsx"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    _zip(files["zip-as-docx"], {"a.txt": b"x"})
    _zip(files["workbook-as-docx"], {"xl/workbook.xml": b"<workbook/>"})
    files["folder"].mkdir()
    files["scanned"] = DATA / "scanned.pdf"
    files["encrypted"] = DATA / "encrypted.pdf"
    return files


@pytest.fixture(scope="module")
def refusals(tmp_path_factory) -> dict[str, DocumentError]:
    """What reading each bad file raised."""
    out = {}
    for case, path in _bad_files(tmp_path_factory.mktemp("bad")).items():
        with pytest.raises(DocumentError) as caught:
            read_document(path)
        out[case] = caught.value
    return out


@pytest.mark.parametrize("case", ["corrupt-pdf", "old-doc", "no-suffix", "empty-docx", "empty-csv", "binary-csv",
                                  "pdf-as-docx", "old-office-xlsx", "zip-as-docx", "workbook-as-docx", "folder",
                                  "missing", "scanned", "encrypted"])
def test_each_refusal_reads_in_indonesian_with_the_file_named(refusals, case):
    """Each unreadable document has its own words in Indonesian, every placeholder filled."""
    error = refusals[case]
    english, indonesian = error.format("en"), error.format("id")
    assert english == str(error) and indonesian.startswith(error.file + ": ")
    assert indonesian != english and "{" not in indonesian and "{" not in english
    assert not _ENGLISH.search(indonesian.removeprefix(error.file)), indonesian


def test_english_refusals_keep_their_words(refusals):
    """The English words say what is wrong and what to do, as before the catalog."""
    assert refusals["old-doc"].message.startswith("cannot read .doc; give .pdf, .docx")
    assert refusals["pdf-as-docx"].message == "is not a Word file but a PDF: give it its own suffix"
    assert refusals["workbook-as-docx"].message == "is not a Word file: it is a workbook, give it its own suffix"
    assert refusals["empty-docx"].message == "is empty (0 bytes): not a Word file"
    assert refusals["scanned"].message.startswith("pages 2-3 hold images without text")
    assert ".)" not in refusals["corrupt-pdf"].message and ".:" not in refusals["corrupt-pdf"].message


def test_figures_are_grouped_as_each_language_writes_them(tmp_path, monkeypatch):
    """A limit's figures: 1,000 in English, 1.000 in Indonesian."""
    from smartsync.documents import readers

    monkeypatch.setattr(readers, "MAX_ROWS", 1000)
    path = tmp_path / "besar.csv"
    path.write_text("Kode;Program\n" + "".join(f"2.16.{i:02d};Program {i}\n" for i in range(1200)))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert "1,000 rows" in caught.value.format("en") and "1.000 baris" in caught.value.format("id")


def test_every_document_message_has_both_languages_and_the_same_placeholders():
    """Each message of the draft exists in English and Indonesian with the same placeholders."""
    def names(template: str) -> set[str]:
        return {n for _, n, _, _ in string.Formatter().parse(template) if n}

    assert set(_words.EN) == set(_words.ID)
    assert all(names(_words.EN[key]) == names(_words.ID[key]) for key in _words.EN)


def test_draft_command_says_the_refusal_in_indonesian(tmp_path, capsys):
    """draft --lang id on an empty CSV: the error line is Indonesian and names the file, exit 1."""
    (tmp_path / "kosong.csv").write_text("")
    (tmp_path / "mp.csv").write_text("Kode;Program\nSP1;Aplikasi\n")
    code = main(["draft", "--rpjmd", str(tmp_path / "kosong.csv"), "--masterplan", str(tmp_path / "mp.csv"),
                 "--out", str(tmp_path / "x.yaml"), "--lang", "id", "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "kosong.csv: kosong: tabel CSV memerlukan" in err
    assert not (tmp_path / "x.yaml").exists()
