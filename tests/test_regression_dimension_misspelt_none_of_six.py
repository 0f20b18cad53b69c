"""Regression (newuser F204): "Smart Environtment" (a dimension spelt one letter off, frequent in
masterplan books and SIPD entries) was said to be "none of the six dimensions", as a real seventh
dimension is, and its programs drafted with no dimension; as a heading it was no heading at all.
"""

from __future__ import annotations

import pytest

from smartsync.documents import _finish
from smartsync.documents._doc import Document, Line, Table
from smartsync.documents.draft import draft_plan
from smartsync.documents._text import misspelt_dimension
from smartsync.model import Dimension, Period, PlanKind


@pytest.mark.parametrize("written, dimension", [("Smart Environtment", Dimension.ENVIRONMENT),
                                                ("Smart Enviroment", Dimension.ENVIRONMENT),
                                                ("Smart Goverment", Dimension.GOVERNANCE),
                                                ("Dimensi Ekonomy", Dimension.ECONOMY),
                                                ("Smart Brand", Dimension.BRANDING)])
def test_a_dimension_spelt_a_letter_off_is_read_as_it(written: str, dimension: Dimension) -> None:
    """One letter added, left out or changed (or the word cut short) still names the dimension."""
    assert misspelt_dimension(written) == (dimension, written)


@pytest.mark.parametrize("written", ["Smart Mobility", "Smart Environment", "Smart City", "Smart Energy"])
def test_other_names_are_no_misspelling(written: str) -> None:
    """A seventh dimension, a dimension spelt right and the whole "Smart City" are no misspelling."""
    assert misspelt_dimension(written) is None


@pytest.mark.parametrize("lang, reason", [
    ("en", 'its dimension is written "Smart Environtment", read as smart environment: check the spelling'),
    ("id", 'dimensinya tertulis "Smart Environtment", dibaca sebagai smart environment: periksa ejaannya')])
def test_a_misspelt_dimension_heading_gives_its_programs_the_dimension_doubted(lang: str, reason: str) -> None:
    """Programs under "Smart Environtment" get dimension environment, below full confidence, the spelling named."""
    lines = ["MASTERPLAN SMART CITY KOTA X 2025-2034", "BAB IV PROGRAM SMART CITY", "Smart Governance",
             "1. Aplikasi pengaduan terpadu", "Smart Environtment", "1. Sensor banjir"]
    draft = draft_plan(PlanKind.MASTERPLAN, [Document("mp.docx", [Line(t, 1, para=True) for t in lines], 1)],
                       lang=lang)
    plan, _ = _finish(draft, Period(2025, 2034), lang)
    first, second = plan.at("program")
    assert (first.text, first.dimension, first.confidence) == ("Aplikasi pengaduan terpadu", Dimension.GOVERNANCE, None)
    assert (second.text, second.dimension) == ("Sensor banjir", Dimension.ENVIRONMENT)
    assert second.confidence.reasons == (reason,)
    assert not [c for c in draft.checks if "none of the six" in c or "bukan salah satu" in c]


def test_a_misspelt_dimension_cell_gives_its_program_the_dimension_doubted() -> None:
    """A "Dimensi" cell "Smart Environtment" gives its row's program the dimension, doubted; no "none of the six" line."""
    table = Table([["No", "Dimensi", "Program", "Anggaran (Rp juta)"],
                   ["1", "Smart Governance", "Aplikasi A", "100"],
                   ["2", "Smart Environtment", "Aplikasi N", "100"]], pages=[1, 1, 1])
    draft = draft_plan(PlanKind.MASTERPLAN, [Document("mp.csv", [Line("MASTERPLAN SMART CITY KOTA X 2025-2034", 1),
                                                                 table], 1)])
    plan, _ = _finish(draft, Period(2025, 2034), "en")
    assert [(e.text, e.dimension) for e in plan.at("program")] == [("Aplikasi A", Dimension.GOVERNANCE),
                                                                   ("Aplikasi N", Dimension.ENVIRONMENT)]
    assert plan.at("program")[1].confidence.score < 1
    assert not [c for c in draft.checks if "none of the six" in c]
