"""A region file takes the dimension names masterplans use, as ``draft`` reads them from
documents (newuser finding F63): Smart Government, Smart People, Ekonomi Cerdas, tata
kelola, lingkungan hidup...; a misspelt one gets a did-you-mean to the dimension the error
lists, never to a spelling the list does not show."""

from __future__ import annotations

import pytest

from smartsync.documents._text import dimension_of
from smartsync.io import check_region_text
from smartsync.model import DIMENSION_WORDS, Dimension, Element


@pytest.mark.parametrize("written, dimension", [
    ("Smart People", "society"), ("smart government", "governance"), ("ekonomi", "economy"),
    ("tata kelola", "governance"), ("lingkungan", "environment"),
    ("Ekonomi Cerdas", "economy"), ("Lingkungan Hidup Cerdas", "environment"),
    ("Dimensi Smart Living", "living"), ("masyarakat", "society"), ("pencitraan", "branding"),
    ("smart_governance", "governance"), ("Smart Governance", "governance"),
])
def test_an_element_takes_the_names_masterplans_use(written, dimension):
    """Element(dimension=...) with a masterplan's name gives the dimension it names."""
    element = Element("SP1", "program", "x", dimension=written)
    assert element.dimension is Dimension(dimension)


def test_every_accepted_name_is_read_by_draft_as_the_same_dimension():
    """Each synonym the region file accepts is the dimension draft reads from a document
    for the same words: one list of meanings, not two."""
    for name, value in Dimension.synonyms().items():
        assert dimension_of(name.replace("_", " "), loose=True) is Dimension(value), name
    assert set(DIMENSION_WORDS) == {d.value for d in Dimension}


REGION = """
region: {{id: "1", name: Kota Contoh, kind: kota}}
rpjmd:
  period: [2021, 2026]
  elements:
    - {{id: P1, level: program, text: Program satu}}
masterplan:
  period: [2022, 2031]
  elements:
    - {{id: SP1, level: program, dimension: {dimension}, text: Aplikasi satu}}
matches: []
"""


def test_a_region_file_with_indonesian_dimensions_is_valid():
    """dimension: ekonomi cerdas in a region file: valid, economy."""
    report = check_region_text(REGION.format(dimension="ekonomi cerdas"), name="r.yaml")
    assert report.errors == ()
    assert report.region.masterplan["SP1"].dimension is Dimension.ECONOMY


@pytest.mark.parametrize("lang, said", [
    ("en", "unknown dimension 'smart goverment'; expected one of: governance, branding, "
           "economy, living, society, environment (did you mean 'governance'?)"),
    ("id", "dimensi 'smart goverment' tidak dikenal; yang diterima: governance, branding, "
           "economy, living, society, environment (maksudnya 'governance'?)"),
])
def test_a_misspelt_dimension_gets_a_did_you_mean_to_the_dimension(lang, said):
    """smart goverment: did you mean 'governance' (a name the error lists)."""
    report = check_region_text(REGION.format(dimension="smart goverment"), name="r.yaml")
    [problem] = report.errors
    assert problem.code == "unknown-dimension" and problem.suggestion == "governance"
    assert said in problem.format(lang)
