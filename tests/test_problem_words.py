"""A region file's problems in the planner's language: ``Problem.format(lang)`` and the
commands' ``--lang id`` give the warnings and the common errors in Indonesian (the catalog's
``problem.<code>``), with the file, line and element; English stays as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.io import check_region_text

ROOT = Path(__file__).resolve().parent.parent

BROKEN = """\
region: {id: "9001", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: Visi}
    - {id: V, level: mission, parent: V, text: Misi}
    - {id: P1, level: program, parent: VX, text: Program, budget: 5}
    - {id: P2, level: program, parent: V, text: Program tanpa pagu}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: Visi smart city, warna: merah}
    - {id: SP1, level: program, parent: SV, text: Aplikasi}
matches:
  - {masterplan: SV, rpjmd: P1, relation: derived}
  - {masterplan: SP1, rpjmd: P1, relation: alligned}
  - {masterplan: P1, rpjmd: SP1, relation: derived}
  - {masterplan: SP1, rpjmd: P2, relation: derived}
  - {masterplan: SP1, rpjmd: P2, relation: derived}
"""

ENGLISH = ("does not exist", "duplicate", "unknown key", "unknown relation", "links a masterplan",
           "has no budget", "error:", "warning:", "did you mean", "element ")


def test_every_problem_of_a_broken_file_reads_in_indonesian():
    """Each problem of a file with the common mistakes (a duplicate id, an unknown parent,
    an unknown key, a misspelt relation, swapped ends, a level mismatch, a duplicate match,
    a program without a pagu) has Indonesian words, the same file, line and suggestion."""
    report = check_region_text(BROKEN, name="uji.yaml")
    assert len(report.problems) >= 8
    for problem in report.problems:
        line = problem.format("id")
        assert line.startswith(f"uji.yaml:{problem.line}: ")
        assert not any(word in line for word in ENGLISH), line
        if problem.suggestion is not None:
            assert f"(maksudnya {problem.suggestion!r}?)" in line
        assert problem.format("en") == str(problem)


def test_validate_in_indonesian_says_problems_and_summary_in_indonesian(tmp_path, capsys):
    """`validate --lang id` prints each problem and the summary in Indonesian and exits 1."""
    path = tmp_path / "uji.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    code = main(["validate", "--lang", "id", str(path)])
    out = capsys.readouterr().out
    assert code == 1
    assert "1 berkas diperiksa: 0 sah, 1 tidak sah;" in out and "kesalahan" in out
    assert "unsur RPJMD V: id 'V' ganda" in out
    assert not any(word in out for word in ENGLISH), out


def test_classify_in_indonesian_gives_the_files_warnings_in_indonesian(capsys):
    """A warning of a file that loads (an RPJMD program without a pagu) is printed in
    Indonesian under `classify --lang id`, in English by default."""
    example = ROOT / "examples" / "type-d-program.yaml"
    assert main(["classify", "--lang", "id", str(example)]) == 0
    err = capsys.readouterr().err
    assert "peringatan: unsur RPJMD P3: program tidak memiliki pagu indikatif" in err
    assert main(["classify", str(example)]) == 0
    assert "warning: rpjmd element P3: program has no budget (pagu indikatif)" in \
        capsys.readouterr().err


@pytest.mark.parametrize("lang, words", [("en", "rpjmd element P3: program has no budget"),
                                         ("id", "unsur RPJMD P3: program tidak memiliki pagu")])
def test_the_report_page_shows_the_files_warnings_in_its_language(tmp_path, capsys, lang, words):
    """The HTML report's warnings from the region file are in the page's language."""
    example = ROOT / "examples" / "type-d-program.yaml"
    assert main(["report", "--lang", lang, str(example), "--out", str(tmp_path / "out")]) == 0
    capsys.readouterr()
    (page,) = [p for p in (tmp_path / "out").glob("*.html") if p.name != "index.html"]
    assert words in page.read_text(encoding="utf-8")


TYPE_ERRORS = """\
region: {id: "9001", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, "dua ribu"]
  elements:
    - {id: V, level: vision, text: 2020}
    - {id: P1, level: program, parent: V, text: Program, budget: "lima miliar"}
    - {id: P2, level: program, parent: V, text: Program, budget: -5}
    - {id: P3, level: program, parent: V, text: Program, budget: 1e30}
    - {id: P4, level: program, parent: V, text: no, indicators: {a: 1}}
masterplan:
  period: [2031, 2022]
  elements:
    - {id: SV, level: vision, text: Visi, dimension: [1]}
    - [SP1]
matches:
  - {masterplan: SV, rpjmd: V, relation: derived, source: suggested}
  - {masterplan: SV, rpjmd: V, relation: derived, score: 2}
  - {masterplan: SV, rpjmd: V, relation: derived, score: banyak}
"""


def test_type_errors_read_in_indonesian_and_english_as_before():
    """Wrong types, bad periods, budgets and scores are worded in Indonesian from the same
    values; the English messages are the words they always were."""
    report = check_region_text(TYPE_ERRORS, name="uji.yaml")
    english = {p.message for p in report.problems}
    for said in ("period end must be a year (a whole number), got the text 'dua ribu'",
                 "text must be a text, got the number 2020 (put it in quotes to make it a text)",
                 "budget must be a whole number of rupiah, got the text 'lima miliar'",
                 "budget must be zero or more rupiah, got -5",
                 "text must be a text, got false (YAML reads an unquoted no as false: put it in quotes)",
                 "period starts in 2031, after it ends in 2022",
                 "an element must be a mapping, got a list",
                 "a suggested match needs a score (a number from 0 to 1)",
                 "score must be from 0 to 1, got 2",
                 "score must be a number from 0 to 1, got the text 'banyak'"):
        assert said in english, said
    assert any(m.endswith("is above the limit of 10^24 rupiah (a typing error?)") for m in english)
    for problem in report.problems:
        line = problem.format("id")
        assert not any(word in line for word in ("must be", "got ", "put it in quotes", " element ",
                                                 "error:")), line
