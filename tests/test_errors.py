"""A problem's place as data (:class:`smartsync.errors.Place`): the same English words as
before in ``where``, each language's words from the catalogs (never parsed back out of the
English), and problems whose figures are written once (:func:`coded_problem`)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from smartsync.errors import PLACE_KINDS, Place, Problem, coded_problem
from smartsync.messages import problem_line, where_words


@pytest.mark.parametrize("place, english, indonesian", [
    (Place.element("rpjmd", "M1"), "rpjmd element M1", "unsur RPJMD M1"),
    (Place.element("masterplan", "SP1", column="budget"), "masterplan element SP1, column budget",
     "unsur masterplan SP1, kolom budget"),
    (Place.match("SV", "V"), "match SV -> V", "padanan SV -> V"),
    (Place.match("SV", "V", rejected=True), "rejected SV -> V", "padanan ditolak SV -> V"),
    (Place("region"), "region", "daerah"),
    (Place("region", column="id"), "region, column id", "daerah, kolom id"),
    (Place("column", "plan"), "column plan", "kolom plan"),
    (Place("row", 7), "row 7", "baris 7"),
    (Place("rpjmd"), "rpjmd", "RPJMD"),
])
def test_a_place_reads_the_same_in_english_and_has_indonesian_words(place, english, indonesian) -> None:
    """A place's English words are the ``where`` problems always had; Indonesian comes from the catalog."""
    problem = Problem("x", file="f.yaml", line=3, where=place)
    assert problem.where == english and problem.place == place
    assert str(problem) == f"f.yaml:3: error: {english}: x"
    assert where_words(place, "id") == indonesian
    assert problem_line(problem, "id") == f"f.yaml:3: kesalahan: {indonesian}: x"


def test_a_place_given_as_words_is_shown_as_written() -> None:
    """A place given only as words is never parsed: it is shown as written in every language."""
    problem = Problem("x", where="rpjmd element M1")
    assert problem.place is None
    assert "rpjmd element M1" in problem.format("id")


def test_changing_where_drops_the_place_it_no_longer_matches() -> None:
    """``attrs.evolve`` with other words for ``where`` leaves no stale place behind."""
    problem = Problem("x", where=Place.element("rpjmd", "M1"))
    moved = attrs.evolve(problem, where="somewhere else")
    assert moved.place is None and moved.where == "somewhere else"
    assert attrs.evolve(problem, line=4).place == problem.place


def test_an_unknown_kind_of_place_is_refused() -> None:
    """A place of a kind the catalogs cannot word is a programming error, refused at once."""
    with pytest.raises(ValueError):
        Place("planet", "X")


@given(kind=st.sampled_from(PLACE_KINDS),
       name=st.none() | st.text(min_size=1, max_size=12).filter(str.strip),
       column=st.none() | st.text(min_size=1, max_size=8).filter(str.strip))
def test_the_english_catalog_words_a_place_as_its_where(kind, name, column) -> None:
    """For any place, the English catalog's words are exactly ``str(place)`` (one wording)."""
    place = Place(kind, name, column)
    assert where_words(place, "en") == str(place)


def test_a_coded_problem_writes_its_figures_once() -> None:
    """A coded problem's English message is the catalog's words filled with its values."""
    problem = coded_problem("bad-budget", {"form": "negative", "written": "-5"},
                            file="f.yaml", line=2, where=Place.element("rpjmd", "P2"))
    assert problem.message == "budget must be zero or more rupiah, got -5"
    assert problem.place == Place.element("rpjmd", "P2")
    assert problem.format("id").endswith(
        "unsur RPJMD P2: pagu indikatif (budget) harus nol rupiah atau lebih, bukan -5")
