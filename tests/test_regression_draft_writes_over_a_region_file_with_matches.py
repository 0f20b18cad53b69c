"""Regression (newuser F198): ``draft --out keep.yaml`` silently replaced a region file
holding the planner's matches (after ``match --write``) with a new draft of none."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("openpyxl")

from smartsync.cli import main  # noqa: E402
from smartsync.io import load_region  # noqa: E402

from docgen import known_region, write_corpus  # noqa: E402


def _draft(corpus: dict, out: Path, *extra: str) -> int:
    return main(["draft", "--rpjmd", *map(str, corpus["rpjmd"]), "--masterplan",
                 *map(str, corpus["masterplan"]), "--out", str(out), "-q", *extra])


def test_a_region_file_with_matches_is_not_written_over(tmp_path: Path, capsys) -> None:
    """A region file with matches and a rejected suggestion is kept byte for byte, the
    command exits 3 naming what it holds, in the language asked."""
    corpus = write_corpus(known_region(1), tmp_path / "docs", "xlsx", 1)
    out = tmp_path / "keep.yaml"
    assert _draft(corpus, out) == 0
    region = load_region(out)
    text = out.read_text(encoding="utf-8").replace("matches: []", "")
    text += (f"matches:\n  - {{masterplan: {region.masterplan.elements[0].id}, "
             f"rpjmd: {region.rpjmd.elements[0].id}, relation: aligned, source: manual}}\n"
             "rejected:\n  - {masterplan: SV, rpjmd: V, note: dirumuskan sendiri}\n")
    out.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert _draft(corpus, out, "--lang", "id") == 3
    err = capsys.readouterr().err
    assert f"{out} memuat 1 padanan dan 1 usulan padanan yang ditolak" in err
    assert "--replace" in err and out.read_text(encoding="utf-8") == text
    assert _draft(corpus, out) == 3
    assert "holds 1 match and 1 rejected suggestion that a new draft would not have" in \
        capsys.readouterr().err


def test_replace_writes_over_it_and_a_plain_draft_is_written_over(tmp_path: Path, capsys) -> None:
    """--replace writes the new draft over the file; an earlier draft with no matches is
    written over without it (the usual re-draft)."""
    corpus = write_corpus(known_region(1), tmp_path / "docs", "xlsx", 1)
    out = tmp_path / "keep.yaml"
    assert _draft(corpus, out) == 0
    first = out.read_text(encoding="utf-8")
    assert _draft(corpus, out) == 0  # no matches: a re-draft
    out.write_text(first + "rejected:\n  - {masterplan: SV, rpjmd: V}\n", encoding="utf-8")
    assert _draft(corpus, out, "--replace") == 0
    assert "rejected:" not in out.read_text(encoding="utf-8")


def test_a_file_that_is_no_region_file_is_not_written_over(tmp_path: Path, capsys) -> None:
    """A file that is no region file (notes, another format) is kept, exit 3."""
    corpus = write_corpus(known_region(1), tmp_path / "docs", "xlsx", 1)
    out = tmp_path / "notes.yaml"
    out.write_text("- catatan rapat\n- bukan berkas daerah\n", encoding="utf-8")
    assert _draft(corpus, out) == 3
    assert f"{out} is not a region file" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8").startswith("- catatan rapat")
