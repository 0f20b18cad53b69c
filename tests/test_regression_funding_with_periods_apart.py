"""Regression (newuser finding F65): when the RPJMD's period shares no year with the
masterplan's, the funding section, the "funding route" characteristic and batch's
``fundable_budget`` presented the ended RPJMD's pagu indikatif as APBD funding ("2 of 3
masterplan programs ... synchronized with RPJMD programs that carry a budget, which total
Rp 12.35 billion"), beside the diagnostic that the periods do not overlap. The funding
rules now read the periods the rules concluded: no program can draw on the APBD through
that RPJMD, the synchronized programs and the pagu are kept apart and said, en and id."""

from __future__ import annotations

import csv
from pathlib import Path

import attrs
import pytest

import smartsync
from smartsync.cli import main
from smartsync.model import Period

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def apart():
    """The unsynchronized example: RPJMD 2016-2021, masterplan 2022-2031."""
    return smartsync.classify(smartsync.load_region(EXAMPLES / "unsynchronized.yaml"))


def test_no_program_is_fundable_through_an_rpjmd_whose_period_is_apart(apart):
    """Funding: 0 fundable, budget 0; the 3 synchronized, budgeted programs kept apart with their pagu."""
    f = apart.funding
    assert (f.fundable, f.budget, f.fundable_ids, f.periods_apart) == (0, 0, (), True)
    assert f.apart_ids == ("SP3", "SP14", "SP16") and f.apart_budget > 0
    assert (f.periods["rpjmd_end"], f.periods["masterplan_start"]) == (2021, 2022)
    assert apart.characteristic("funding_route").value == "periods_apart"


def test_the_funding_sentences_say_the_pagu_is_for_years_outside_the_masterplan(apart):
    """The funding line and the funding route say why nothing is fundable, in en and id."""
    from smartsync.messages import funding_message

    en, id_ = funding_message(apart.funding, "en"), funding_message(apart.funding, "id")
    assert en.startswith("No masterplan program can draw on the APBD through this RPJMD: "
                         "3 of 16 masterplan programs are synchronized")
    assert "for the RPJMD period 2016-2021, which shares no year with the masterplan period " \
           "2022-2031" in en
    assert id_.startswith("Tidak ada program masterplan yang dapat didanai APBD melalui RPJMD ini")
    assert "periode RPJMD 2016-2021, yang tidak beririsan dengan periode masterplan 2022-2031" in id_
    route = apart.characteristic("funding_route")
    assert "none in the masterplan's years" in route.message("en")
    assert "tidak ada pada tahun-tahun masterplan" in route.message("id")
    assert "can draw on the APBD" not in route.message("en")


def test_overlapping_periods_keep_their_funding(apart):
    """The same region with the RPJMD moved to 2021-2026 funds its 3 programs again."""
    region = smartsync.load_region(EXAMPLES / "unsynchronized.yaml")
    moved = attrs.evolve(region, rpjmd=attrs.evolve(region.rpjmd, period=Period(2021, 2026)))
    f = smartsync.classify(moved).funding
    assert (f.fundable, f.periods_apart, f.apart_ids) == (3, False, ())
    assert f.budget == apart.funding.apart_budget


def test_batch_fundable_budget_is_zero_when_the_periods_are_apart(tmp_path):
    """batch's CSV: fundable_programs and fundable_budget 0 for the region whose periods are apart."""
    out = tmp_path / "x.csv"
    main(["batch", str(EXAMPLES / "unsynchronized.yaml"), "--out", str(out), "--no-progress"])
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["fundable_programs"], row["fundable_budget"]) == ("0", "0")
