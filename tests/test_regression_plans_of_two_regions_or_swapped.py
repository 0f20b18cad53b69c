"""The documents a planner picks from a folder (newuser F124, F105): an RPJMD of one region and a
masterplan of another are said in a check line naming both regions; an RPD's title names its region;
--rpjmd and --masterplan given the wrong way round are an error naming both files (both titles say
so) or a check line (one plan's documents read as the other plan). Each test builds the Word files."""

from __future__ import annotations

from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from smartsync.documents import DraftError, draft_region  # noqa: E402

_RPJMD_BODY = ["BAB IV VISI DAN MISI", "4.1 Visi", "“Kota yang Cerdas dan Sejahtera”", "4.2 Misi",
               "1. Mewujudkan tata kelola pemerintahan digital", "2. Meningkatkan daya saing ekonomi daerah"]
_MASTERPLAN_BODY = ["BAB III VISI DAN MISI SMART CITY", "3.1 Visi Smart City", "“Smart City yang Melayani”",
                    "3.2 Misi Smart City", "1. Mewujudkan layanan publik digital", "BAB IV PROGRAM",
                    "Smart Governance", "1. Aplikasi layanan terpadu", "Smart Living", "1. Telemedisin puskesmas",
                    "Smart Economy", "1. Pasar daring UMKM"]


def _save(folder: Path, name: str, lines: list[str]) -> Path:
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / name
    document.save(path)
    return path


def _draft(folder: Path, rpjmd_title: str | None, masterplan_title: str | None, *, rpjmd_body=_RPJMD_BODY,
           masterplan_body=_MASTERPLAN_BODY, lang: str = "en"):
    rpjmd = _save(folder, "rpjmd.docx", ([rpjmd_title] if rpjmd_title else []) + rpjmd_body)
    masterplan = _save(folder, "masterplan.docx", ([masterplan_title] if masterplan_title else []) + masterplan_body)
    return draft_region(rpjmd=rpjmd, masterplan=masterplan, rpjmd_period=(2025, 2029),
                        masterplan_period=(2025, 2034), lang=lang)


def test_an_rpjmd_and_a_masterplan_of_two_regions_are_said(tmp_path: Path) -> None:
    """"RPJMD KOTA PROBOLINGGO" with "MASTERPLAN SMART CITY KABUPATEN LUMAJANG": a check line names both
    regions (and says the file is written as the RPJMD's), in English and Indonesian."""
    draft = _draft(tmp_path, "RPJMD KOTA PROBOLINGGO TAHUN 2025-2029",
                   "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034")
    assert draft.region.name == "Kota Probolinggo"
    assert any("Kota Probolinggo" in c and "Kabupaten Lumajang" in c and "two regions" in c for c in draft.checks)
    draft = _draft(tmp_path, "RPJMD KOTA PROBOLINGGO TAHUN 2025-2029",
                   "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034", lang="id")
    assert any("dua daerah" in c and "Kabupaten Lumajang" in c for c in draft.checks)


@pytest.mark.parametrize("rpjmd_title, masterplan_title", [
    ("RPJMD KABUPATEN LUMAJANG TAHUN 2025-2029", "MASTERPLAN SMART CITY KAB. LUMAJANG TAHUN 2025-2034"),
    ("RPJMD KABUPATEN LUMAJANG PROVINSI JAWA TIMUR", "MASTERPLAN SMART CITY KABUPATEN LUMAJANG 2025-2034"),
    ("RPJMD KOTA MALANG TAHUN 2025-2029", "MASTERPLAN KOTA CERDAS KOTA MALANG TAHUN 2025-2034")])
def test_one_region_spelt_two_ways_is_no_check(tmp_path: Path, rpjmd_title: str, masterplan_title: str) -> None:
    """"Kab." for "Kabupaten", a province after the name, "Kota Cerdas" (smart city) before it: one
    region, no check line about regions."""
    draft = _draft(tmp_path, rpjmd_title, masterplan_title)
    assert not [c for c in draft.checks if "two regions" in c or "reads as the" in c]


def test_kota_and_kabupaten_of_one_name_are_two_regions(tmp_path: Path) -> None:
    """Kota Malang and Kabupaten Malang are two regions: said."""
    draft = _draft(tmp_path, "RPJMD KOTA MALANG TAHUN 2025-2029", "MASTERPLAN SMART CITY KABUPATEN MALANG")
    assert any("two regions" in c for c in draft.checks)


def test_an_rpds_title_names_the_region(tmp_path: Path) -> None:
    """"RENCANA PEMBANGUNAN DAERAH (RPD) KOTA MALANG TAHUN 2024-2026" is the RPJMD's title: the
    region is Kota Malang (not the masterplan's region), and the masterplan of Lumajang is said."""
    draft = _draft(tmp_path, "RENCANA PEMBANGUNAN DAERAH (RPD) KOTA MALANG TAHUN 2024-2026",
                   "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034")
    assert (draft.region.name, draft.region.kind.value) == ("Kota Malang", "kota")
    assert any("Kota Malang" in c and "Kabupaten Lumajang" in c for c in draft.checks)


def test_the_two_plans_given_the_wrong_way_round_are_an_error_naming_both_files(tmp_path: Path) -> None:
    """The masterplan book as --rpjmd and the RPJMD as --masterplan (both titles say so): an error
    that names both files and says to swap them; nothing drafted."""
    with pytest.raises(DraftError) as caught:
        _draft(tmp_path, "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034",
               "RANCANGAN AKHIR RPJMD KABUPATEN LUMAJANG TAHUN 2025-2029",
               rpjmd_body=_MASTERPLAN_BODY, masterplan_body=_RPJMD_BODY)
    message = str(caught.value)
    assert caught.value.code == "swapped"
    assert "--rpjmd masterplan.docx --masterplan rpjmd.docx" in message and "wrong way round" in message
    with pytest.raises(DraftError, match="tertukar"):
        _draft(tmp_path, "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034",
               "RANCANGAN AKHIR RPJMD KABUPATEN LUMAJANG TAHUN 2025-2029",
               rpjmd_body=_MASTERPLAN_BODY, masterplan_body=_RPJMD_BODY, lang="id")


def test_a_masterplan_given_as_the_rpjmd_is_said(tmp_path: Path) -> None:
    """A masterplan book given as --rpjmd (the masterplan given is one too): a check line names the
    file and its title."""
    draft = _draft(tmp_path, "MASTERPLAN SMART CITY KABUPATEN LUMAJANG", "MASTERPLAN SMART CITY KABUPATEN LUMAJANG",
                   rpjmd_body=_MASTERPLAN_BODY)
    assert any(c.startswith("rpjmd.docx, given as the RPJMD (--rpjmd), reads as the masterplan") for c in draft.checks)


def test_untitled_documents_headed_by_the_dimensions_read_as_a_masterplan(tmp_path: Path) -> None:
    """No title: RPJMD documents whose sections are three smart city dimensions and no RPJMD chapter
    read as a masterplan: said with the dimensions named."""
    draft = _draft(tmp_path, None, None, rpjmd_body=_MASTERPLAN_BODY)
    line = next(c for c in draft.checks if "reads as the masterplan" in c)
    assert "Smart Governance" in line and "Smart Living" in line


def test_plans_given_the_right_way_round_get_no_such_line(tmp_path: Path) -> None:
    """The RPJMD and masterplan of one region, each titled: no check line about the documents."""
    draft = _draft(tmp_path, "RPJMD KABUPATEN LUMAJANG TAHUN 2025-2029",
                   "MASTERPLAN SMART CITY KABUPATEN LUMAJANG TAHUN 2025-2034")
    assert not [c for c in draft.checks if "two regions" in c or "reads as the" in c]
