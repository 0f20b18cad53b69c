"""F210: quick wins named by their usual abbreviations (e-Musrenbang, JDIH, Dukcapil) find their program; LPSE is not recruitment."""

from __future__ import annotations

from smartsync import Element, Period, Plan, Region
from smartsync.matching import suggest_matches


def _region() -> Region:
    return Region(
        id="5555", name="Kota Singkatan", kind="kota",
        rpjmd=Plan("rpjmd", Period(2025, 2029), [
            Element("P3", "program", "Program Kepegawaian Daerah", code="5.03.02"),
            Element("P4", "program", "Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah",
                    code="5.01.02"),
            Element("P6", "program", "Program Pendaftaran Penduduk", code="2.12.02"),
            Element("P9", "program", "Program Pemerintahan dan Kesejahteraan Rakyat", code="4.01.02"),
        ]),
        masterplan=Plan("masterplan", Period(2025, 2034), [
            Element("SP3", "program", "e-Musrenbang"),
            Element("SP4", "program", "JDIH online"),
            Element("SP6", "program", "LPSE"),
            Element("SP7", "program", "Dukcapil go digital"),
        ]))


def test_each_quick_win_named_by_its_abbreviation_finds_its_program() -> None:
    """e-Musrenbang meets planning (5.01.02), JDIH the legal documentation of 4.01.02, Dukcapil population registration."""
    found = {m.key for m in suggest_matches(_region())}
    assert {("SP3", "P4"), ("SP4", "P9"), ("SP7", "P6")} <= found


def test_e_procurement_is_not_the_recruitment_of_civil_servants() -> None:
    """LPSE (electronic procurement) is not suggested against the civil service program through 'pengadaan pegawai'."""
    assert ("SP6", "P3") not in {m.key for m in suggest_matches(_region())}
