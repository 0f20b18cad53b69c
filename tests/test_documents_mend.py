"""Words a PDF split or ran together by its glyph spacing (issue 24 item 3): italic and
letter-spaced text ("Terwu judnya", "Sukama ju", "T e r w u j u d n y a") and narrow word gaps
("Digitalyang") mended with a vocabulary, only where PDFium made the space, never in a code.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsync.documents._mend import Vocabulary, document_words, mend_words

from strategies import examples

VISION = "Terwujudnya Kabupaten Sukamaju yang Digital dan Berbudaya"


def _vocabulary(*texts: str) -> Vocabulary:
    return Vocabulary(document_words(texts))


def test_fragments_at_made_spaces_are_joined_where_the_word_is_known() -> None:
    """ "Terwu judnya" (neither a word, "Terwujudnya" one) is joined; so is a name the document
    writes with its own spaces."""
    words = ["Terwu", "judnya", "Kabupaten", "Sukama", "ju"]
    made = [False, True, True, True, True]
    assert mend_words(words, made, _vocabulary("Kabupaten Sukamaju")) == [
        "Terwujudnya", "Kabupaten", "Sukamaju"]


def test_words_run_together_are_split_at_a_joining_word_or_a_capital() -> None:
    """ "Digitalyang" is "Digital yang"; "danBerbudaya" is "dan Berbudaya"."""
    words = ["Digitalyang", "danBerbudaya"]
    assert mend_words(words, [False, True], _vocabulary()) == ["Digital", "yang", "dan", "Berbudaya"]


def test_the_documents_own_spaces_are_never_changed() -> None:
    """The same words with the document's spaces (not made by the reader) stay as they are."""
    words = ["Terwu", "judnya", "Digitalyang", "Sukama", "ju"]
    assert mend_words(words, [False] * 5, _vocabulary("Kabupaten Sukamaju")) == words


def test_known_words_are_not_joined_into_another_word() -> None:
    """ "dan dan" is not "dandan", "di atas" not "diatas": two words stay two words."""
    words = ["SPBE", "dan", "dan", "Bappeda", "di", "atas"]
    assert mend_words(words, [False] + [True] * 5, _vocabulary()) == words


def test_a_comma_set_apart_by_a_made_space_goes_back_to_its_word() -> None:
    """ "cerdas , nyaman" (a comma drawn glyph by glyph) is "cerdas, nyaman"; a comma after the
    document's own space stays."""
    assert mend_words(["cerdas", ",", "nyaman"], [False, True, True], _vocabulary()) == ["cerdas,", "nyaman"]
    assert mend_words(["cerdas", ",", "nyaman"], [False, False, True], _vocabulary()) == ["cerdas", ",", "nyaman"]


def test_codes_and_figures_are_never_touched() -> None:
    """A code or an amount beside a fragment stays as written."""
    words = ["2.16", "02", "Program", "Aplikasi", "1.000", "000"]
    assert mend_words(words, [False] + [True] * 5, _vocabulary()) == words


def test_a_name_run_into_known_words_is_not_taken_for_a_name() -> None:
    """ "Sukamajupublikdan" is split at "dan" only if what is left is a word or a name: it is a
    name run into "publik", so nothing is guessed."""
    vocabulary = _vocabulary()
    assert vocabulary.name("Sukamaju") and not vocabulary.name("Sukamajupublik")
    assert mend_words(["Sukamaju", "publikdan"], [True, True], vocabulary) == ["Sukamaju", "publik", "dan"]


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.sampled_from(["Terwu", "judnya", "Digitalyang", "dan", "Sukama", "ju", "2.16", "02", "T", "e",
                                 "r", "Program", "(Rp", "juta)", "Berbudaya", "danBerbudaya", "x", ","]), max_size=12),
       st.data())
def test_mending_only_moves_spaces(words: list[str], data: st.DataObject) -> None:
    """Whatever the words and spaces, mending never adds, drops or changes a letter."""
    made = data.draw(st.lists(st.booleans(), min_size=len(words), max_size=len(words)))
    mended = mend_words(words, made, _vocabulary("Kabupaten Sukamaju"))
    assert "".join(mended) == "".join(words) and all(mended)


def test_the_vocabulary_counts_names_the_document_writes_not_run_together_text() -> None:
    """A document's own words enter the vocabulary as names (capitalised), not in small letters
    (its own text may run words together)."""
    assert document_words(["KABUPATEN SUKAMAJU", "daerahkabupaten Sukamaju"]) == Counter(
        {"kabupaten": 1, "sukamaju": 2})


def _glyph_by_glyph(path: Path, lines: list[tuple[float, float, float, str]]) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path))
    for y, letter_gap, word_gap, font in lines:
        x = 72.0
        for char in VISION:
            if char == " ":
                x += word_gap  # a word gap made by moving, no space character
                continue
            pdf.setFont(font, 11)
            pdf.drawString(x, y, char)
            x += stringWidth(char, font, 11) + letter_gap
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 500, "Visi Kabupaten Sukamaju ditetapkan dalam RPJMD.")
    pdf.save()


@pytest.mark.parametrize("letter_gap, word_gap", [(0.5, 2.0), (1.5, 1.0), (2.5, 0.5), (3.0, 3.0), (0.0, 1.2),
                                                   (1.0, 0.8)])
def test_an_italic_vision_set_glyph_by_glyph_reads_whole(tmp_path: Path, letter_gap: float, word_gap: float) -> None:
    """A vision drawn one glyph at a time, letter-spaced or not, with word gaps wider or narrower
    than the letter gaps, reads as the vision (PDFium alone gives "T e r w u j u d n y a ...",
    "TerwujudnyaKabupatenSukamaju yang Digital danBerbudaya")."""
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from smartsync.documents.readers import read_document

    path = tmp_path / "visi.pdf"
    _glyph_by_glyph(path, [(700, letter_gap, word_gap, "Helvetica-Oblique")])
    assert [item.text for item in read_document(path).items][0] == VISION


def test_a_letter_spaced_vision_in_a_ruled_cell_reads_whole_but_not_a_code(tmp_path: Path) -> None:
    """The vision in a "Visi" table cell is mended; a code cell beside it is not."""
    pytest.importorskip("pypdfium2")
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from smartsync.documents.readers import read_document

    path = tmp_path / "visi.pdf"
    pdf = canvas.Canvas(str(path))
    for x in (72, 130, 540):
        pdf.line(x, 700, x, 760)
    for y in (700, 730, 760):
        pdf.line(72, y, 540, y)
    pdf.setFont("Helvetica", 10)
    pdf.drawString(76, 742, "2.16")
    pdf.drawString(76 + stringWidth("2.16", "Helvetica", 10) + 4, 742, "02")  # a code drawn in two pieces
    pdf.drawString(134, 742, "Program Aplikasi Informatika")
    pdf.drawString(76, 712, "Visi")
    x = 134.0
    for char in "Terwujudnya Kabupaten Sukamaju yang Digital":
        if char == " ":
            x += 0.6
            continue
        pdf.setFont("Helvetica-Oblique", 10)
        pdf.drawString(x, 712, char)
        x += stringWidth(char, "Helvetica-Oblique", 10) + 1.8
    pdf.setFont("Helvetica", 10)
    pdf.drawString(72, 650, "Kabupaten Sukamaju menetapkan visi di atas.")
    pdf.save()
    table = read_document(path).items[0]
    assert table.cells == [["2.16 02", "Program Aplikasi Informatika"],  # type: ignore[union-attr]
                           ["Visi", "Terwujudnya Kabupaten Sukamaju yang Digital"]]


def test_a_word_cut_at_the_end_of_a_full_cell_line_is_joined_when_known() -> None:
    """A break after a line that ran to the cell's edge (``CUT``) joins two pieces that make a
    known word, even where each piece is a word ("Penanggul" "angan", "Per" "hubungan"), a
    column name in pieces ("kode" "_prog" "ram") and a header word with its year ("Targ" "et" "2025")."""
    from smartsync.documents._mend import CUT

    vocabulary = _vocabulary()
    assert mend_words(["Program", "Penanggul", "angan"], [False, False, CUT], vocabulary) == ["Program", "Penanggulangan"]
    assert mend_words(["Dinas", "Per", "hubungan"], [False, False, CUT], vocabulary) == ["Dinas", "Perhubungan"]
    assert mend_words(["kode", "_prog", "ram"], [False, CUT, CUT], vocabulary) == ["kode_program"]
    assert mend_words(["Targ", "et", "2025"], [False, CUT, CUT], vocabulary) == ["Target", "2025"]


def test_a_cut_does_not_join_words_that_make_no_word_or_two_dictionary_words() -> None:
    """ "Persentase" "daerah" stays two words; so do "kerja" "sama" (two dictionary words) and
    a piece that begins with a capital ("Dinas" "Pendidikan")."""
    from smartsync.documents._mend import CUT

    vocabulary = _vocabulary()
    assert mend_words(["Persentase", "daerah"], [False, CUT], vocabulary) == ["Persentase", "daerah"]
    assert mend_words(["kerja", "sama"], [False, CUT], vocabulary) == ["kerja", "sama"]
    assert mend_words(["Dinas", "Pendidikan"], [False, CUT], vocabulary) == ["Dinas", "Pendidikan"]


def test_a_column_name_cut_at_a_made_space_is_joined() -> None:
    """ "kode_urus" "an" and "nama_progr" "am" (a SIPD column name in a narrow header cell)
    read as "kode_urusan" and "nama_program"."""
    vocabulary = _vocabulary()
    assert mend_words(["kode_urus", "an"], [False, True], vocabulary) == ["kode_urusan"]
    assert mend_words(["nama_progr", "am"], [False, True], vocabulary) == ["nama_program"]


def test_a_cut_keeps_a_preposition_before_a_word_apart() -> None:
    """ "di" "seluruh" at a full line's end stays "di seluruh"; "Ke" "sehatan" (no word) joins."""
    from smartsync.documents._mend import CUT

    vocabulary = _vocabulary()
    assert mend_words(["di", "seluruh"], [False, CUT], vocabulary) == ["di", "seluruh"]
    assert mend_words(["Dinas", "Ke", "sehatan"], [False, False, CUT], vocabulary) == ["Dinas", "Kesehatan"]


def test_a_prefix_set_apart_glyph_by_glyph_goes_back_to_its_word() -> None:
    """ "dan ber kelanjutan" (an italic vision set glyph by glyph) is "dan berkelanjutan": a
    prefix is no word alone, though the dictionary lists "ber"."""
    assert mend_words(["dan", "ber", "kelanjutan"], [False, True, True], _vocabulary()) == ["dan", "berkelanjutan"]


def test_a_cut_between_two_words_that_make_a_dictionary_word_is_joined() -> None:
    """A narrow cell cuts "pariwisata" as "pari" / "wisata" and "ketertiban" as "keter" / "tiban"
    (each piece a word too): joined, as the dictionary writes them; "baitul" / "mal" stays two,
    as the nomenclature writes it ("Program Baitul Mal"), and so does "kerja" / "sama"."""
    from smartsync.documents._mend import CUT

    vocabulary = _vocabulary()
    assert mend_words(["Membaiknya", "pari", "wisata"], [False, False, CUT], vocabulary) == ["Membaiknya", "pariwisata"]
    assert mend_words(["keter", "tiban", "umum"], [False, CUT, False], vocabulary) == ["ketertiban", "umum"]
    assert mend_words(["Program", "baitul", "mal"], [False, False, CUT], vocabulary) == ["Program", "baitul", "mal"]
    assert mend_words(["kerja", "sama"], [False, CUT], vocabulary) == ["kerja", "sama"]


def test_a_preposition_cut_with_the_word_after_it_stays_apart_but_not_a_syllable() -> None:
    """ "di" / "seluru" / "h" (a narrow cell cutting the word after a preposition) is "di
    seluruh", not "diseluruh"; "ke" / "kerasan" is "kekerasan", the nomenclature's word
    ("Tindak Kekerasan"), "kerasan" being none of its words."""
    from smartsync.documents._mend import CUT

    vocabulary = _vocabulary()
    assert mend_words(["kecil", "di", "seluru", "h"], [False, False, CUT, CUT], vocabulary) == ["kecil", "di", "seluruh"]
    assert mend_words(["tindak", "ke", "kerasan"], [False, False, CUT], vocabulary) == ["tindak", "kekerasan"]
    assert mend_words(["di", "seluruh"], [False, CUT], vocabulary) == ["di", "seluruh"]
