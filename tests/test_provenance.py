"""Drafted elements carry where they were read (provenance) and how sure the draft is (confidence).

Both are optional keys of an element in the region file: old files stay
valid, the writer keeps them, and a bad one is an error naming the element.
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smartsync
from smartsync.io import check_region_text, dumps_region, read_region
from smartsync.model import Confidence, Provenance

from strategies import regions, texts, examples

_provenances = st.builds(
    Provenance,
    file=texts(),
    page=st.none() | st.integers(1, 5000),
    printed_page=st.none() | texts(),
    sheet=st.none() | texts(),
    row=st.none() | st.integers(1, 10**6),
    text=st.none() | texts(),
    code=st.none() | texts(),
    budget_by_year=st.none() | st.dictionaries(st.integers(1, 9).map("ke-{}".format) | st.integers(1990, 2100).map(str),
                                               st.integers(0, 10**15), min_size=1, max_size=6).map(
        lambda years: tuple(years.items())),
)
_confidences = st.one_of(
    st.just(Confidence(1.0)),
    st.builds(Confidence, score=st.floats(0, 0.999), reasons=st.lists(texts(), min_size=1, max_size=3)),
)


@st.composite
def drafted_regions(draw: st.DrawFn) -> smartsync.Region:
    """A region whose elements now and then carry a provenance and a confidence."""
    region = draw(regions(max_elements=6, max_matches=0))

    def plan(p: smartsync.Plan) -> smartsync.Plan:
        elements = tuple(
            attrs.evolve(e, agency=draw(st.none() | texts()), provenance=draw(st.none() | _provenances),
                         confidence=draw(st.none() | _confidences))
            for e in p.elements)
        return attrs.evolve(p, elements=elements)

    return attrs.evolve(region, rpjmd=plan(region.rpjmd), masterplan=plan(region.masterplan))


@settings(max_examples=examples(60), deadline=None)
@given(drafted_regions(), st.sampled_from(["yaml", "json"]))
def test_the_writer_keeps_provenance_and_confidence(region: smartsync.Region, fmt: str) -> None:
    """Writing a drafted region and reading it back gives the same region, provenance included."""
    assert read_region(dumps_region(region, format=fmt), format=fmt) == region


TEMPLATE = """\
region: {{id: "1", name: Kota Contoh, kind: kota}}
rpjmd:
  period: [2021, 2026]
  elements:
    - id: V
      level: vision
      text: Kota yang maju
{extra}
masterplan: {{period: [2022, 2031], elements: []}}
"""


def _read(extra: str):
    return check_region_text(TEMPLATE.format(extra=extra), name="draft.yaml")


def test_a_file_without_provenance_still_reads() -> None:
    report = _read("")
    assert report.ok and report.region.rpjmd["V"].provenance is None
    assert report.region.rpjmd["V"].confidence is None


def test_a_bare_confidence_of_one_reads() -> None:
    report = _read("      confidence: 1")
    assert report.region.rpjmd["V"].confidence == Confidence(1.0)


@pytest.mark.parametrize("extra, code, words", [
    ("      confidence: 0.5", "bad-confidence", "needs its reasons"),
    ("      confidence: {score: 1.5, reasons: [x]}", "score-range", "confidence must be from 0 to 1"),
    ("      confidence: {score: 0.5, reason: [x]}", "unknown-key", "unknown key 'reason'"),
    ("      provenance: {page: 3}", "missing-field", "missing required key 'file'"),
    ("      provenance: {file: a.pdf, page: 0}", "bad-provenance", "provenance page must be"),
    ("      provenance: {file: a.pdf, pgae: 3}", "unknown-key", "did you mean"),
    ("      provenance: a.pdf", "wrong-type", "a provenance must be a mapping"),
    ("      provenance: {file: a.pdf, budget_by_year: {2022: 5}}", "bad-provenance",
     "budget_by_year must be a list of {year, budget}"),
    ("      provenance: {file: a.pdf, budget_by_year: [{year: 2022, budget: -5}]}", "bad-budget",
     "budget must be zero or more rupiah"),
    ("      provenance: {file: a.pdf, budget_by_year: [{year: 2022}]}", "missing-field", "missing required key 'budget'"),
    ("      provenance: {file: a.pdf, budget_by_year: [{year: 2022, budget: 1}, {year: '2022', budget: 2}]}",
     "bad-provenance", "gives the year '2022' twice"),
])
def test_a_bad_provenance_or_confidence_is_an_error_naming_the_element(extra: str, code: str, words: str) -> None:
    report = _read(extra)
    assert report.region is None
    problem = report.errors[0]
    assert problem.code == code and problem.where == "rpjmd element V"
    assert words in str(problem)


def test_yearly_pagu_typed_by_hand_read_with_their_years() -> None:
    """A year written as a number (2022) or a text ('ke-1') is the year's label, as written."""
    report = _read("      provenance: {file: a.pdf, budget_by_year: [{year: 2022, budget: 5}, {year: ke-2, budget: 0}]}")
    assert report.region.rpjmd["V"].provenance.budget_by_year == (("2022", 5), ("ke-2", 0))


def test_the_model_refuses_a_year_twice_or_a_pagu_below_zero() -> None:
    """Provenance(budget_by_year=...) takes a mapping or pairs, and says what is wrong with them."""
    assert Provenance("a.pdf", budget_by_year={"2022": 5}).budget_by_year == (("2022", 5),)
    with pytest.raises(ValueError, match="given twice"):
        Provenance("a.pdf", budget_by_year=[("2022", 1), ("2022", 2)])
    with pytest.raises(ValueError, match="zero or more"):
        Provenance("a.pdf", budget_by_year=[("2022", -1)])
    with pytest.raises(TypeError, match="whole number of rupiah"):
        Provenance("a.pdf", budget_by_year=[("2022", 1.5)])


def test_a_confidence_below_one_without_reasons_is_refused_by_the_model() -> None:
    with pytest.raises(ValueError, match="needs its reasons"):
        Confidence(0.4)


def test_provenance_says_where_for_a_person() -> None:
    assert Provenance("rpjmd.pdf", page=57, printed_page="5 - 3").where() == "rpjmd.pdf p. 57 (5 - 3)"
    assert Provenance("sipd.xlsx", sheet="Program", row=12).where() == "sipd.xlsx Program!12"
