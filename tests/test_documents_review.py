"""The review page of a draft (issue 24 item 5): what to check first -- two visions, budgets
that look wrong -- above everything else; codes and ids never wrapped; a readable hierarchy."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402

from smartsync.cli import main  # noqa: E402
from smartsync.documents import draft_region  # noqa: E402
from smartsync.documents.review import render_review  # noqa: E402


def _documents(tmp_path: Path) -> tuple[Path, Path]:
    rpjmd = tmp_path / "rpjmd.csv"
    rpjmd.write_text(
        "RPJMD KOTA UJI TAHUN 2021-2026\n"
        "Sasaran;Kode;Program;Pagu 2022 (Rp);Pagu 2023 (Rp)\n"
        "Meningkatnya indeks SPBE;2.16.02;Program Aplikasi Informatika;1.000.000.000;1.000.000.000\n"
        "Meningkatnya indeks SPBE;2.16.03;Program Informasi Publik;500.000.000;500.000.000\n"
        "JUMLAH;;;2.500.000.000;1.500.000.000\n", encoding="utf-8")
    masterplan = write_docx(tmp_path / "masterplan.docx", [
        "MASTERPLAN SMART CITY KOTA UJI 2022-2031", "BAB IV VISI DAN MISI SMART CITY", "Visi: Kota Uji Cerdas 2031",
        "Visi: Kota Uji yang Terhubung", "BAB V RENCANA AKSI", "Smart Governance", "1. Satu data kota"])
    return rpjmd, masterplan


def test_two_visions_and_wrong_looking_budgets_are_listed_first(tmp_path: Path) -> None:
    """The checks come before the list of elements, naming the ids to look at."""
    rpjmd, masterplan = _documents(tmp_path)
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    assert draft.checks == (
        "RPJMD: 2 budgets look wrong or could not be checked: P1, P2",
        "masterplan: 2 visions drafted (SV, SV2); a plan has one: keep its own, delete the others")
    page = render_review(draft)
    assert page.index("Check first") < page.index("2 visions drafted") < page.index("<table class=draft")


def test_one_wrong_looking_budget_is_said_in_the_singular(tmp_path: Path) -> None:
    """One doubted pagu: "1 budget looks wrong" (newuser finding F39), "1 pagu" in Indonesian."""
    rpjmd, masterplan = _documents(tmp_path)
    rpjmd.write_text(rpjmd.read_text(encoding="utf-8").replace(
        "2.16.03;Program Informasi Publik;500.000.000;500.000.000",
        "2.16.03;Program Informasi Publik;150;150").replace(
        "JUMLAH;;;2.500.000.000;1.500.000.000", "JUMLAH;;;1.000.000.150;1.000.000.150"), encoding="utf-8")
    checks = draft_region(rpjmd=rpjmd, masterplan=masterplan).checks
    assert "RPJMD: 1 budget looks wrong or could not be checked: P2" in checks
    checks = draft_region(rpjmd=rpjmd, masterplan=masterplan, lang="id").checks
    assert any(c.startswith("RPJMD: 1 pagu tampak keliru") for c in checks)


def test_codes_and_ids_are_never_wrapped_and_the_hierarchy_reads_level_id_text(tmp_path: Path) -> None:
    """Codes, ids and parents sit in cells that do not wrap; the tree separates level, id and text."""
    rpjmd, masterplan = _documents(tmp_path)
    page = render_review(draft_region(rpjmd=rpjmd, masterplan=masterplan))
    assert "<td class=nw>2.16.02</td>" in page and "white-space:nowrap" in page
    assert "<span class=lvl>program</span> <code class=id>P1</code> Program Aplikasi Informatika" in page


def test_each_years_pagu_is_shown_under_the_budget(tmp_path: Path) -> None:
    """The budget cell lists the pagu of each year it sums, in the page's language."""
    rpjmd, masterplan = _documents(tmp_path)
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan)
    page = render_review(draft)
    assert "<small class=years>2022: Rp 1.000.000.000<br>2023: Rp 1.000.000.000</small>" in page
    sipd = tmp_path / "sipd.csv"
    sipd.write_text("sasaran;kode_program;nama_program;pagu_1;pagu_2\n"
                    "Meningkatnya indeks SPBE;2.16.02;Program Aplikasi Informatika;1000000000;2000000000\n",
                    encoding="utf-8")
    draft = draft_region(rpjmd=sipd, masterplan=masterplan, rpjmd_period=(2021, 2026))
    assert "tahun ke-1: Rp 1.000.000.000<br>tahun ke-2: Rp 2.000.000.000" in render_review(draft, lang="id")


def test_the_command_prints_the_checks(tmp_path: Path, capsys) -> None:
    """`smartsync draft` says what to check on standard error, and still writes the draft."""
    rpjmd, masterplan = _documents(tmp_path)
    out = tmp_path / "uji.yaml"
    assert main(["draft", "--rpjmd", str(rpjmd), "--masterplan", str(masterplan), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "check: masterplan: 2 visions drafted (SV, SV2)" in err and out.exists()


def test_the_indonesian_page_writes_confidence_with_a_decimal_comma_and_rows_as_baris(tmp_path: Path) -> None:
    """Under --lang id: confidence 0,50 (not 0.50), places "baris 3" and "hlm. 2" (newuser finding F31)."""
    import re

    from smartsync.documents._words import where
    from smartsync.model import Provenance

    rpjmd, masterplan = _documents(tmp_path)
    draft = draft_region(rpjmd=rpjmd, masterplan=masterplan, lang="id")
    page = render_review(draft, lang="id")
    scores = re.findall(r"<td class='(?:low|mid)'>([^<]*)</td>", page)
    assert scores and all(re.fullmatch(r"0,\d\d", s) for s in scores), scores
    assert "rpjmd.csv baris 3" in page and "rpjmd.csv row 3" not in page
    english = render_review(draft_region(rpjmd=rpjmd, masterplan=masterplan))
    assert re.findall(r"<td class='(?:low|mid)'>([^<]*)</td>", english)[0].startswith("0.")
    assert where(Provenance(file="r.pdf", page=2, printed_page="5 - 2"), "id") == "r.pdf hlm. 2 (5 - 2)"
    assert where(Provenance(file="r.pdf", page=2, printed_page="5 - 2"), "en") == "r.pdf p. 2 (5 - 2)"
