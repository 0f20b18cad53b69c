"""A region file with a YAML slip (an unquoted "Kota: Bandung", an unclosed quote or '[', a
line indented wrongly, an alias by accident) was refused in the parser's own English words
("mapping values are not allowed in this context", "found undefined alias"), under
``--lang id`` too, and at the line where the parser gave up rather than where the slip is.
Each common slip is now said in a planner's words, in English and Indonesian, at the line
of the slip, alike with libyaml and with PyYAML's pure-Python parser."""

from __future__ import annotations

import pytest

from smartsync.io import _yaml, check_region_text

HEAD = "id: kota-x\nname: Kota X\n"

#: a slip, the line it is on (1-based), the words it is said with in English and Indonesian
SLIPS = {
    "colon": (HEAD + "province: Jawa Barat: Priangan\n", 3,
              "a ':' where YAML expects none", "tanda ':' di tempat yang tidak semestinya"),
    "quote": (HEAD + 'province: "Jawa Barat\nkind: kota\n', 3,
              "is never closed", "tidak pernah ditutup"),
    "bracket": (HEAD + "elements: [1, 2\nkind: kota\n", 3,
                "not closed with ']'", "tidak ditutup dengan ']'"),
    "brace": (HEAD + "elements: {x: 1\nkind: kota\n", 3,
              "not closed with '}'", "tidak ditutup dengan '}'"),
    "alias": (HEAD + "province: *Jabar\n", 3,
              "*Jabar refers to no anchor", "*Jabar tidak merujuk ke jangkar"),
    "indent": ("plans:\n  rpjmd: 1\n masterplan: 2\n", 3,
               "indented differently", "indentasi baris ini berbeda"),
    "escape": (HEAD + 'province: "C:\\data"\n', 3,
               "unknown escape", "urutan escape tak dikenal"),
    "reserved": (HEAD + "province: @jabar\n", 3,
                 "cannot start with '@'", "tidak boleh diawali '@'"),
    "documents": (HEAD + "---\nid: kota-y\n", 3,
                  "second document", "dokumen kedua"),
}

#: the parsers' own English, which a planner must not be left with
PARSER_WORDS = ("mapping values", "did not find", "found unexpected", "undefined alias",
                "while parsing", "while scanning", "cannot start any token", "block end")


@pytest.mark.parametrize("pure", [False, True], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize("slip", sorted(SLIPS))
def test_a_yaml_slip_is_said_in_a_planners_words(monkeypatch, slip: str, pure: bool) -> None:
    """Each slip: one error, code malformed-yaml, at the slip's line, in the planner's words
    in English and Indonesian, with none of the parser's own English."""
    text, line, english, indonesian = SLIPS[slip]
    if pure:
        monkeypatch.setattr(_yaml, "LOADER", _yaml.PURE_LOADER)
    [error] = check_region_text(text, name="kota-x.yaml").errors
    assert (error.code, error.line) == ("malformed-yaml", line), error
    said_en, said_id = error.format("en"), error.format("id")
    assert english in said_en, said_en
    assert indonesian in said_id and "YAML rusak" in said_id, said_id
    assert not any(words in said_en or words in said_id for words in PARSER_WORDS), (said_en, said_id)


def test_a_slip_not_recognised_keeps_the_parsers_words() -> None:
    """A problem none of the forms describes is still reported, in the parser's words, so
    nothing is hidden."""
    [error] = check_region_text(HEAD + "a: !!python/object:os.system x\n", name="r.yaml").errors
    assert error.code and error.line == 3
