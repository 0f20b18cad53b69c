"""validate --lang id says every cross-reference and text problem in Indonesian (issue 23:
"names itself as a parent", "parents form a cycle", "(first at line N)" and the checks of a
text were English f-strings inside the Indonesian frame); the English stays as it was."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

import smartsync
from smartsync.cli import main
from smartsync.model import PlanKind

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

CROSS_REFERENCES = """\
schema: smartsync/region@1
region: {id: "1", name: Kota X, kind: kota}
rpjmd:
  period: [2019, 2024]
  elements:
    - {id: V, level: vision, text: "Visi"}
    - {id: V, level: vision, text: "Visi dua"}
    - {id: M1, level: mission, parents: [M1], text: "Misi"}
    - {id: M2, level: mission, parents: [M3], text: "Misi"}
    - {id: M3, level: mission, parents: [M2], text: "Misi"}
    - {id: P1, level: program, parents: [Q], text: "Program", budget: 1}
masterplan:
  period: [2019, 2024]
  elements:
    - {id: SV, level: vision, text: "Visi"}
    - {id: SM1, level: mission, text: " "}
    - {id: SP1, level: program, text: "Program \\e[2J"}
    - {id: SP2, level: program, text: "Program \\u202e"}
matches:
  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: manual}
  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: manual}
  - {masterplan: SM1, rpjmd: P1, relation: aligned, source: manual}
  - {masterplan: P1, rpjmd: SP1, relation: aligned, source: manual}
rejected:
  - {masterplan: SP1, rpjmd: P1}
"""

# words only the English messages use
_ENGLISH = re.compile(r"\b(the|is|are|holds|names|itself|parents form|first at|remove it|does not|"
                      r"more than once|both matched|characters long|empty)\b")


def _validate(capsys, tmp_path: Path, lang: str) -> list[str]:
    path = tmp_path / "xref.yaml"
    path.write_text(CROSS_REFERENCES, encoding="utf-8")
    assert main(["validate", "--lang", lang, str(path)]) == 1
    out, err = capsys.readouterr()
    return [line for line in (out + err).splitlines() if ": kesalahan: " in line
            or ": peringatan: " in line or ": error: " in line or ": warning: " in line]


def test_every_problem_of_a_file_is_said_in_indonesian(capsys, tmp_path: Path) -> None:
    """Duplicate ids and matches with their first line, a parent naming itself, a cycle, an
    unknown parent, an empty text, an escape character, a bidirectional control: each line
    in Indonesian, none with an English phrase."""
    lines = _validate(capsys, tmp_path, "id")
    assert len(lines) >= 11
    for line in lines:
        message = line.split(": ", 3)[-1]
        assert not _ENGLISH.search(message), line
    joined = "\n".join(lines)
    for said in ("menyebut dirinya sendiri sebagai induk", "membentuk lingkaran: M2 -> M3 -> M2",
                 "(yang pertama pada baris 6)", "(padanannya pada baris 21)",
                 "teks (text) kosong", "memuat karakter escape (\\x1b",
                 "memuat karakter kendali dua arah (\\u202e"):
        assert said in joined, said


def test_the_english_messages_keep_their_words(capsys, tmp_path: Path) -> None:
    """The same file in English: the messages as they were written before the catalogs."""
    joined = "\n".join(_validate(capsys, tmp_path, "en"))
    for said in ("duplicate id 'V': another RPJMD element has it (first at line 6)",
                 "names itself as a parent", "parents form a cycle: M2 -> M3 -> M2",
                 "parent 'Q' does not exist in the RPJMD",
                 "duplicate match: the pair SP1 -> P1 is matched more than once (first at line 20)",
                 "the pair SP1 -> P1 is both matched and rejected (the match is at line 21); the match counts",
                 "text is empty", "text holds an escape character (\\x1b, the start of a terminal "
                 "control sequence) at position 9; remove it"):
        assert said in joined, said


def test_a_region_built_in_code_gets_its_text_problems_in_indonesian() -> None:
    """validate_region: a control character, a text too long and a budget above the limit
    are coded problems, worded in each language from the same values."""
    region = smartsync.load_region(EXAMPLES / "type-a-vision.yaml")
    plan = region.rpjmd
    first, second = plan.elements[0], plan.elements[1]
    program = next(e for e in plan.elements if e.budget is not None)
    elements = [attrs.evolve(first, text="Visi\x07"), attrs.evolve(second, text="x" * 40_000)]
    elements += [attrs.evolve(program, budget=10 ** 30) if e is program else e
                 for e in plan.elements[2:]]
    region = attrs.evolve(region, rpjmd=attrs.evolve(plan, elements=tuple(elements)))
    problems = {p.code: p for p in smartsync.validate_region(region)}
    assert problems["bad-character"].format("id").endswith(
        "teks (text) memuat karakter kendali (\\x07) pada posisi 5; hapuslah")
    assert "panjangnya 40.000 karakter, melampaui batas 32.767" in problems["too-long"].format("id")
    assert "text is 40,000 characters long, above the limit of 32,767" in str(problems["too-long"])
    assert "pagu indikatif (budget) harus dari 0 sampai 10^24 rupiah" in problems["bad-budget"].format("id")
    assert problems["bad-budget"].place.kind == f"{PlanKind.RPJMD.value}_element"


def test_a_file_that_cannot_be_read_is_said_in_indonesian(capsys, tmp_path: Path) -> None:
    """An empty file, one of comments only, malformed YAML and JSON, a list at the top, an
    unknown schema, a UTF-16 file, a byte that is not UTF-8, nesting beyond the limit, an
    alias bomb and 'parent' with 'parents': each in Indonesian, the English as before."""
    files = {
        "empty.yaml": b"", "comments.yaml": b"# only\n\n", "malformed.yaml": b"a: [1, 2\n",
        "list.yaml": b"[1, 2]\n", "bad.json": b'{"a": [1, }', "utf16.yaml": b"\xff\xfea\x00",
        "byte.yaml": b"a: \xc3\x28\n", "deep.yaml": b"a: " + b"[" * 200 + b"]" * 200 + b"\n",
        "bomb.yaml": ("a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(
            f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg"))).encode(),
        "schema.yaml": b"schema: smartsync/region@9\nregion: {id: '1', name: X, kind: kota}\n",
        "both.yaml": (EXAMPLES / "type-a-vision.yaml").read_bytes().replace(
            b"parents: [SV]", b"parents: [SV], parent: SV", 1),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    paths = [str(tmp_path / name) for name in files]
    assert main(["validate", "--lang", "id", *paths]) == 1
    said = capsys.readouterr()
    lines = [line for line in (said.out + said.err).splitlines() if ": kesalahan: " in line]
    assert len({line.split(":")[0] for line in lines}) == len(files), lines
    joined = "\n".join(lines)
    for words in ("berkasnya kosong", "berkas tidak berisi data", "YAML rusak: ", "JSON rusak: ",
                  "bukan daftar", "skema 'smartsync/region@9' tidak didukung",
                  "diawali penanda urutan bita UTF-16", "bita 0xC3 pada kolom 4",
                  "bersarang lebih dari 64 tingkat", "melampaui batas 100.000 (bom alias?)",
                  "isi 'parent' atau 'parents', jangan keduanya"):
        assert words in joined, words
    assert main(["validate", *paths]) == 1
    said = capsys.readouterr()
    english = said.out + said.err
    for words in ("the file is empty", "the file holds no data", "malformed YAML: ", "malformed JSON: ",
                  "the top level must be a mapping with the keys schema, region, rpjmd, masterplan, "
                  "matches and rejected, got a list", "unsupported schema 'smartsync/region@9'",
                  "more than the limit of 100,000 (an alias bomb?)",
                  "give either 'parent' or 'parents', not both"):
        assert words in english, words
