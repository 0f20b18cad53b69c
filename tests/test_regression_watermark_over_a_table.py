"""A watermark on every page of a PDF ("DRAFT" set on a slant, "RANCANGAN AKHIR" large and light
across the middle) is not read as text of the plan (newuser F149: its letters fell among a
program table's rows, and the table did not go on across the page): the programs, their codes
and budgets as without it, and a check line (en + id) names the watermark and its pages. The
documents are the layout fuzzer's, a program table over two pages, ruled or borderless."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

import docfuzz  # noqa: E402

from smartsync.documents import draft_region  # noqa: E402
from smartsync.documents._text import norm  # noqa: E402


def _corpus(monkeypatch, folder: Path, seed: int, watermark: str):
    # a figure typed in full rupiah (a typo) and footnote marks are drawn and measured apart
    # (tests/test_draft_fuzz.py, benchmarks/eval_draft.py: doubted, never at full confidence)
    drawn = docfuzz.choices_for
    monkeypatch.setattr(docfuzz, "choices_for",
                        lambda s, form=None: dataclasses.replace(drawn(s, form), watermark=watermark, typo=False, footnote=False))
    known, files, choices = docfuzz.fuzz_corpus(seed, folder, "pdf")
    assert choices.pages == 2 and choices.ruled == (seed == 0)
    return known, files


@pytest.mark.slow
@pytest.mark.parametrize("seed", [0, 2], ids=["ruled", "borderless"])
@pytest.mark.parametrize("watermark", ["diagonal", "across"])
def test_programs_under_a_watermark_are_read_as_without_it(monkeypatch, tmp_path: Path, seed: int,
                                                           watermark: str) -> None:
    """Every RPJMD program of a two-page table under a watermark is drafted, with its code and
    budget, as the same document without a watermark gives them."""
    known, files = _corpus(monkeypatch, tmp_path, seed, watermark)
    draft = draft_region(rpjmd=files["rpjmd"], masterplan=files["masterplan"])
    drafted = {norm(p.text): (p.code, p.budget) for p in draft.region.rpjmd.at("program")}
    assert drafted == {norm(p.text): (p.code, p.budget) for p in known.rpjmd.at("program")}
    text = "DRAFT" if watermark == "diagonal" else "RANCANGAN AKHIR"
    assert [c for c in draft.checks if "watermark" in c][0].startswith(f'RPJMD: rpjmd.pdf: the watermark "{text}"')


def test_the_watermark_is_said_in_indonesian(monkeypatch, tmp_path: Path) -> None:
    """The check line in Indonesian names the watermark and the pages it stands on."""
    _, files = _corpus(monkeypatch, tmp_path, 2, "diagonal")
    draft = draft_region(rpjmd=files["rpjmd"], masterplan=files["masterplan"], lang="id")
    said = [c for c in draft.checks if "tanda air" in c]
    assert len(said) == 2  # the RPJMD's and the masterplan's
    assert said[0].startswith('RPJMD: rpjmd.pdf: tanda air "DRAFT" (miring, atau besar dan pucat, di atas teks) '
                              'di hlm. 1-')
