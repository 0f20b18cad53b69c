"""A masterplan listing its targets per dimension ("3.3 Sasaran Smart City" / "Smart Governance" /
"• ..."; newuser F110): the bullets are targets with their dimension, not programs, and the programs of
the table naming them go under them. Each test builds the Word document a planner had."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docbuild import write_docx  # noqa: E402
from smartsync.documents import draft_region  # noqa: E402

_RPJMD = ["RPJMD KOTA BLITAR TAHUN 2025-2029", "BAB IV VISI DAN MISI", "4.1 Visi", "“Blitar Kota Cerdas”",
          "4.2 Misi", "1. Mewujudkan tata kelola pemerintahan digital"]
_HEAD = ["MASTERPLAN SMART CITY KOTA BLITAR TAHUN 2025-2034", "BAB III VISI, MISI DAN SASARAN SMART CITY",
         "3.1 Visi Smart City", "“Blitar Smart City”", "3.2 Misi Smart City",
         "1. Mewujudkan layanan publik digital", "2. Mengembangkan ekonomi digital"]


def _draft(folder: Path, masterplan: list[str], rows: list[list[str]] | None = None):
    rpjmd = write_docx(folder / "rpjmd.docx", _RPJMD)
    plan = write_docx(folder / "masterplan.docx", [*masterplan, *([rows] if rows else [])])
    return draft_region(rpjmd=rpjmd, masterplan=plan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034))


def test_bullets_under_dimension_headings_in_a_targets_section_are_targets(tmp_path: Path) -> None:
    """Three bullets under "Smart Governance" and "Smart Economy" in "3.3 Sasaran Smart City" are three
    targets with those dimensions; the BAB IV table's programs go under them; no text at two levels."""
    draft = _draft(tmp_path, _HEAD + [
        "3.3 Sasaran Smart City", "Smart Governance", "• Meningkatnya layanan publik daring",
        "• Terwujudnya satu data kota", "Smart Economy", "• Meningkatnya transaksi UMKM daring",
        "BAB IV PROGRAM SMART CITY"], [
        ["No", "Dimensi", "Sasaran", "Program", "Anggaran (Rp juta)"],
        ["1", "Smart Governance", "Meningkatnya layanan publik daring", "Aplikasi perizinan daring", "500"],
        ["2", "Smart Governance", "Terwujudnya satu data kota", "Portal satu data", "250"],
        ["3", "Smart Economy", "Meningkatnya transaksi UMKM daring", "Pasar daring UMKM", "400"]])
    masterplan = draft.region.masterplan
    assert [(e.id, e.text, e.dimension.value) for e in masterplan.at("target")] == [
        ("SS1", "Meningkatnya layanan publik daring", "governance"), ("SS2", "Terwujudnya satu data kota", "governance"),
        ("SS3", "Meningkatnya transaksi UMKM daring", "economy")]
    assert [(e.text, e.parents) for e in masterplan.at("program")] == [
        ("Aplikasi perizinan daring", ("SS1",)), ("Portal satu data", ("SS2",)), ("Pasar daring UMKM", ("SS3",))]
    assert not [c for c in draft.checks if "same text" in c]


def test_dimension_headings_after_the_targets_read_still_head_programs(tmp_path: Path) -> None:
    """"3.3 Sasaran" with its targets read, then "Smart Governance" / "1. ...": programs as before (the
    targets' section ended when its list was read), and the targets have no dimension."""
    draft = _draft(tmp_path, _HEAD + [
        "3.3 Sasaran Smart City", "1. Meningkatnya layanan publik daring", "Smart Governance",
        "1. Aplikasi perizinan daring"])
    masterplan = draft.region.masterplan
    assert [(e.text, e.dimension) for e in masterplan.at("target")] == [("Meningkatnya layanan publik daring", None)]
    assert [(e.text, e.dimension.value) for e in masterplan.at("program")] == [
        ("Aplikasi perizinan daring", "governance")]
