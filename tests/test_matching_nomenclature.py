"""The national program nomenclature: the shipped data, codes, placement by name, checks."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsync import Element, Period, Plan, Region
from smartsync.matching import load_nomenclature, top_candidates
from smartsync.matching.nomenclature import (
    DEFAULT_VERSION,
    VERSIONS,
    NomenclatureError,
    code_key,
    resolve_version,
)


def test_every_shipped_version_is_packaged_and_records_its_regulation() -> None:
    """Each version named in VERSIONS has its data file in the package, with its regulation and source."""
    for version, name in VERSIONS.items():
        raw = resources.files("smartsync.matching").joinpath("data", name).read_bytes()
        doc = json.loads(gzip.decompress(raw))
        assert doc["version"] == version
        assert "050-5889" in doc["regulation"] and doc["source"]
        assert len(doc["entries"]) > 4000


def test_codes_are_unique_and_every_entry_has_its_parent() -> None:
    """No code appears twice, and every kegiatan and sub-kegiatan sits under an entry of the list."""
    nom = load_nomenclature()
    codes = [e.code for e in nom]
    assert len(codes) == len(set(codes))
    for e in nom:
        if e.level == "sub-kegiatan":
            assert nom.get(e.code.rsplit(".", 1)[0]) is not None, e
        if e.level == "kegiatan":
            assert nom.program_of(e.code) is not None, e


def test_known_entries_have_the_decree_names() -> None:
    """A few codes a planner knows give the decree's names."""
    nom = load_nomenclature()
    assert nom.get("2.16.03").name == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"
    assert nom.get("2.16.03.2.02").name.startswith("Pengelolaan E-government")
    assert "Kota Cerdas" in nom.get("2.16.03.2.02.0009").name
    assert nom.get("5.02.04").name == "PROGRAM PENGELOLAAN PENDAPATAN DAERAH"


def test_codes_are_folded_and_old_two_digit_sub_codes_meet_four_digit_ones() -> None:
    """2.16.3 is 2.16.03, and Permendagri 90's .01 sub-kegiatan numbers find the .0001 entries."""
    nom = load_nomenclature()
    assert nom.get("2.16.3") == nom.get("02.16.03")
    assert nom.get("2.16.03.2.02.09") == nom.get("2.16.03.2.02.0009")
    assert code_key("") is None and code_key(" - . ") is None


def test_the_support_program_of_any_field_answers_through_the_template() -> None:
    """X.XX.01 (Program Penunjang) answers for every field's .01 code, with the field's own code."""
    nom = load_nomenclature()
    entry = nom.get("1.02.01")
    assert entry is not None and entry.code == "1.02.01" and "PENUNJANG" in entry.name
    assert nom.children("1.02.01")


def test_words_never_reach_the_support_program() -> None:
    """Salaries and office supplies say nothing of what a plan is about: reach skips X.XX.01."""
    nom = load_nomenclature()
    reached = nom.reach("Penyediaan gaji dan tunjangan ASN", top=20)
    assert all(not e.code.startswith("X") for e, _ in reached)


def test_place_puts_a_program_name_on_its_code() -> None:
    """A program written without its code is placed on the program of that name, confidently."""
    nom = load_nomenclature()
    best = nom.place("Program Pengelolaan Pendapatan Daerah")[0]
    assert best.entry.code == "5.02.04" and best.confidence == 1.0


def test_check_reports_unknown_codes_and_names_that_disagree() -> None:
    """check() says a code does not exist, or that the name beside it belongs elsewhere."""
    nom = load_nomenclature()
    assert not nom.check("2.99.77").known
    good = nom.check("2.16.03", "Program Pengelolaan Aplikasi Informatika")
    assert good.known and good.agrees
    bad = nom.check("2.16.03", "Program Pengelolaan Persampahan")
    assert bad.known and bad.agrees is False and bad.suggestion is not None
    assert bad.suggestion.entry.code.startswith("2.11")


def test_unknown_version_is_a_clear_error_naming_the_shipped_ones() -> None:
    """A version smartsync does not ship is refused with the list of those it ships."""
    with pytest.raises(NomenclatureError, match="900.1.15.5-1317/2023"):
        load_nomenclature("050-1234/2019")
    assert resolve_version(" 900.1.15.5-1317/2023 ") == DEFAULT_VERSION


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60))
def test_lookups_never_fail_on_any_text(text: str) -> None:
    """get, place and check take any text a file may hold without raising."""
    nom = load_nomenclature()
    nom.get(text)
    nom.place(text)
    nom.check(text, text)


def _region(n: int) -> Region:
    rp = [Element(f"P{i}", "program", f"Program Pengelolaan Persampahan Kawasan {i}") for i in range(n)]
    mp = [Element(f"SP{i}", "program", f"Aplikasi pengelolaan persampahan kawasan {i}") for i in range(n)]
    return Region(id="1", name="Kota Contoh", kind="kota",
                  rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
                  masterplan=Plan("masterplan", Period(2022, 2031), mp))


def test_top_candidates_are_bounded_and_only_for_the_elements_asked() -> None:
    """top_candidates gives at most `top` candidates, best first, for the ids asked and no others."""
    region = _region(30)
    out = top_candidates(region, ["SP1", "SP2", "nope"], top=2)
    assert set(out) == {"SP1", "SP2"}
    for mid, found in out.items():
        assert 1 <= len(found) <= 2
        assert all(m.masterplan == mid for m in found)
        scores = [m.score for m in found]
        assert scores == sorted(scores, reverse=True)
