"""The table of Sastrawi's stems shipped with smartsync (``smartsync/matching/data/stems.json``,
built by ``tools/build_stems.py``): it answers what Sastrawi would."""

from __future__ import annotations

import json
from pathlib import Path

from smartsync.matching import text

TABLE = Path(text.__file__).parent / "data" / "stems.json"


def test_every_shipped_stem_is_sastrawis():
    """Each word of the shipped table has the stem Sastrawi gives it (run tools/build_stems.py
    after a change of Sastrawi)."""
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    words = {**{w: w for w in table["same"]}, **table["stems"]}
    wrong = {w: (s, text._sastrawi_stem(w)) for w, s in words.items() if text._sastrawi_stem(w) != s}
    assert not wrong, f"stems.json disagrees with Sastrawi (run tools/build_stems.py): {wrong}"


def test_table_holds_the_vocabulary_and_only_plain_words():
    """The table holds the words of the matcher's vocabulary (the affairs and concepts stemmed at
    each start) and only words stem() looks up in it (lower-case ASCII, not a number)."""
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    words = set(table["same"]) | set(table["stems"])
    assert all(text._shipped_form(w) for w in words)
    assert not set(table["same"]) & set(table["stems"])
    vocabulary = {w for words_ in text._VOCABULARY["affair_words"].values() for w in words_.split()}
    assert {w for w in vocabulary if text._shipped_form(w)} <= words


def test_a_word_the_table_lacks_is_stemmed_by_sastrawi():
    """A word outside the table gets Sastrawi's stem (folded as every stem is)."""
    word = "mengembangkannya"
    assert word not in text._shipped_stems()
    assert text.stem(word) == text.fold_loanword(text._sastrawi_stem(word)) == "kembang"


def test_stems_with_and_without_the_table_agree():
    """stem() gives the same stem to a table word as Sastrawi followed by the fixes and the
    loanword folding does."""
    for word in ["pelayanan", "kesehatan", "digitalisasi", "kerusakan", "pemerintahan",
                 "transparansi", "perhubungan"]:
        expected = text.STEM_FIXES.get(word) or text.fold_loanword(text._sastrawi_stem(word))
        assert text.stem(word) == expected
