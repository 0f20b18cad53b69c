"""Regression: a document refused for its size says what to do, in the planner's words (newuser F158).

The Indonesian row-limit error read "berisi lebih dari 100.000 baris berisi
(smartsync.documents.readers.MAX_ROWS)": "berisi" twice and a Python constant's path in a
planner's message. The constants stay documented in docs/limits.rst.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.documents import _words, readers
from smartsync.documents._doc import DocumentError
from smartsync.documents.readers import read_document
from smartsync.messages import en, id as id_catalog


@pytest.mark.parametrize("catalog", [_words.EN, _words.ID, en.CATALOG, id_catalog.CATALOG],
                         ids=["documents-en", "documents-id", "en", "id"])
def test_no_message_names_a_python_constant(catalog):
    """No catalog message a planner reads shows a module path such as smartsync.documents.readers.MAX_ROWS."""
    leaking = {k: v for k, v in catalog.items() if "smartsync." in v and "MAX_" in v}
    assert not leaking


def test_the_csv_row_limit_in_indonesian_says_to_split_the_file(tmp_path: Path, monkeypatch):
    """A CSV above the row limit is refused in Indonesian once, saying to split the file."""
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    path = tmp_path / "besar.csv"
    path.write_text("Kode;Program\n" + "".join(f"2.16.0{i};Program {i}\n" for i in range(5)))
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    said = caught.value.format("id")
    assert said.count("berisi") == 1 and "lebih dari 3 baris data" in said
    assert "bagi berkas ini" in said and "smartsync." not in said
    assert "split the file" in caught.value.format("en")
