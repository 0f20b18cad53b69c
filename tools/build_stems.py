"""Build the table of Sastrawi's stems shipped with smartsync: ``python tools/build_stems.py``.

Writes ``smartsync/matching/data/stems.json``: Sastrawi's stem of every word of the
matcher's vocabulary (``data/vocabulary.json``: affairs, concepts, synonyms,
abbreviations) and of the national nomenclature's names, each word folded as
:func:`smartsync.matching.text.stem` receives it (lower-case ASCII letters and digits, not
a number). What Sastrawi makes of a word depends on the word alone, so the table answers
what Sastrawi would, without loading it: naming the affairs and concepts of the vocabulary
and indexing the nomenclature stem some 2,700 words at each start of a command that
suggests matches (:func:`~smartsync.matching.text.stem` reads the table first and asks
Sastrawi only for a word the table lacks).

The file is ``{"same": [words Sastrawi leaves as they are], "stems": {word: stem}}``, sorted.
``tests/test_matching_stems.py`` checks every word of it against Sastrawi; run this tool
again after a change of Sastrawi, the vocabulary or the nomenclature (a word the table
lacks is only slower, never stemmed otherwise).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def table_words() -> set[str]:
    """Every folded word of the vocabulary and of the nomenclature's names that Sastrawi
    would stem."""
    from smartsync.matching import text as T
    from smartsync.matching.nomenclature import load_nomenclature

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            for word in T.words(T._E_PREFIX.sub("e", value)):
                found.update(T._expand(word))
                found.add(word)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(T._VOCABULARY)
    for entry in load_nomenclature():
        walk(entry.name)
    return {w for w in found if T._shipped_form(w)}


def build() -> dict[str, object]:
    """The table: Sastrawi's stem of every word of :func:`table_words`."""
    from smartsync.matching.text import _sastrawi_stem

    same: list[str] = []
    stems: dict[str, str] = {}
    for word in sorted(table_words()):
        stemmed = _sastrawi_stem(word)
        if stemmed == word:
            same.append(word)
        else:
            stems[word] = stemmed
    return {"same": same, "stems": stems}


def main() -> int:
    out = ROOT / "smartsync" / "matching" / "data" / "stems.json"
    table = build()
    out.write_text(json.dumps(table, ensure_ascii=True, sort_keys=True, separators=(",", ":")) + "\n",
                   encoding="utf-8")
    print(f"{out}: {len(table['same'])} words kept, {len(table['stems'])} stemmed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
