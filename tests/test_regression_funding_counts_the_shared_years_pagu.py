"""Newuser F186: with one year shared between the masterplan period (2026-2035) and the RPJMD
period (2021-2026), the whole five-year pagu was reported as the masterplan's funding. The
funding counts the pagu of the shared years where the region gives it year by year, and says
that the whole period's pagu is a share it cannot split where it does not."""

from __future__ import annotations

import json

import attrs

import smartsync
from smartsync.messages import funding_message
from smartsync.model import Period, Provenance

EXAMPLE = "examples/type-a-vision.yaml"


def _region(masterplan: tuple[int, int], yearly: str = "none"):
    """type-a-vision with the masterplan period given; ``yearly``: "all" RPJMD programs with
    their pagu by year (a sixth each), "some" (P1 only), "places" (all, by "ke-N"), or "none"."""
    region = smartsync.load_region(EXAMPLE)
    elements = []
    for e in region.rpjmd.elements:
        if e.level.value == "program" and e.budget and (yearly in ("all", "places") or
                                                        (yearly == "some" and e.id == "P1")):
            part = e.budget // 6
            names = [f"ke-{n}" if yearly == "places" else str(2020 + n) for n in range(1, 7)]
            pairs = tuple((name, part) for name in names[:-1]) + ((names[-1], e.budget - 5 * part),)
            e = attrs.evolve(e, provenance=Provenance(file="rpjmd.pdf", budget_by_year=pairs))
        elements.append(e)
    return attrs.evolve(region, rpjmd=attrs.evolve(region.rpjmd, elements=tuple(elements)),
                        masterplan=attrs.evolve(region.masterplan, period=Period(*masterplan)))


def _whole(region) -> int:
    c = smartsync.classify(region)
    return sum(region.rpjmd[p].budget for p in c.funding.rpjmd_programs)


def test_one_shared_year_without_yearly_pagu_says_the_figure_cannot_be_split() -> None:
    """2026-2035 beside 2021-2026, no yearly pagu: the budget is the whole period's, and the
    sentence says so, with the one year shared (en, id)."""
    region = _region((2026, 2035))
    c = smartsync.classify(region)
    f = c.funding
    assert f.shared_years == (2026, 2026) and f.budget == f.rpjmd_budget == f.unsplit_budget == _whole(region)
    assert f.split_ids == () and f.unsplit_ids == f.rpjmd_programs
    assert ("That is the pagu of the whole RPJMD period 2021-2026, of which the masterplan period 2026-2035 "
            "shares only 2026: only a share of it can fund the masterplan, and the region gives no yearly "
            "pagu to split it by.") in funding_message(f, "en")
    assert "hanya mencakup 2026 darinya" in funding_message(f, "id")


def test_one_shared_year_with_yearly_pagu_counts_that_years_pagu_only() -> None:
    """With each RPJMD program's pagu by year, the funding is the pagu of 2026 alone, beside the
    whole period's."""
    region = _region((2026, 2035), "all")
    f = smartsync.classify(region).funding
    last = sum(dict(region.rpjmd[p].provenance.budget_by_year)["2026"] for p in f.rpjmd_programs)
    assert f.budget == last < f.rpjmd_budget == _whole(region)
    assert f.split_ids == f.rpjmd_programs and f.unsplit_ids == ()
    said = funding_message(f, "en")
    assert "That is the pagu of 2026, the year the masterplan period 2026-2035 shares with the RPJMD period " \
           "2021-2026" in said
    assert "Itu pagu 2026" in funding_message(f, "id")


def test_years_named_by_their_place_are_the_plans_years() -> None:
    """"ke-6" is the RPJMD's sixth year, 2026: the same funding as with the years named, the
    pagu of 2026 alone."""
    places = smartsync.classify(_region((2026, 2035), "places")).funding
    assert places.budget == smartsync.classify(_region((2026, 2035), "all")).funding.budget < places.rpjmd_budget


def test_yearly_pagu_for_some_programs_says_which_part_is_split() -> None:
    """P1 by years, the others whole: the sentence names the split and the unsplit programs."""
    f = smartsync.classify(_region((2024, 2033), "some")).funding
    assert f.split_ids == ("P1",) and "P1" not in f.unsplit_ids and f.shared_years == (2024, 2026)
    said = funding_message(f, "en")
    assert "for P1 (pagu known year by year)" in said and "cannot be split" in said


def test_an_rpjmd_within_the_masterplan_counts_its_whole_pagu_unqualified() -> None:
    """Every RPJMD year a masterplan year (2019-2028 around 2021-2026): the whole pagu, as
    before, with no qualifier."""
    region = _region((2019, 2028), "all")
    c = smartsync.classify(region)
    assert c.funding.shared_years == () and c.funding.budget == _whole(region)
    assert "That is the pagu" not in funding_message(c.funding, "en")


def test_the_json_output_says_the_shared_years() -> None:
    """`classify --format json`'s funding has shared_years, split_ids, unsplit_ids,
    unsplit_budget and rpjmd_budget."""
    from smartsync.render.json import classification_to_dict

    c = smartsync.classify(_region((2026, 2035), "all"))
    funding = json.loads(json.dumps(classification_to_dict(c, trace=False)))["funding"]
    assert funding["shared_years"] == [2026, 2026] and funding["unsplit_ids"] == []
    assert funding["rpjmd_budget"] > funding["budget"]


def test_an_rpjmd_named_over_six_years_funds_the_five_after_its_first() -> None:
    """F207 (funding): "RPJMD 2021-2026" is enacted in 2021 and funds 2022-2026: beside a
    masterplan 2022-2031 its whole pagu counts, unqualified; beside 2023-2032, 2023-2026 of it."""
    c = smartsync.classify(_region((2022, 2031)))
    assert c.funding.shared_years == () and "That is the pagu" not in funding_message(c.funding, "en")
    assert smartsync.classify(_region((2023, 2032))).funding.shared_years == (2023, 2026)


def test_no_masterplan_shares_six_years_with_a_five_year_rpjmd() -> None:
    """F207: beside "RPJMD 2021-2026" a masterplan 2018-2027 shares its five plan years
    (2022-2026), never six (en, id)."""
    from smartsync.messages import characteristic_message

    c = smartsync.classify(smartsync.load_region("examples/type-d-program.yaml"))
    periods = next(ch for ch in c.characteristics if ch.key == "periods")
    assert periods.figures["overlap"] == 5
    assert "shares 5 years with the RPJMD period 2021-2026" in characteristic_message(periods, "en")
    assert "6 tahun" not in characteristic_message(periods, "id")


def test_validate_warns_of_an_rpjmd_longer_than_a_five_year_plan(tmp_path) -> None:
    """F207: an RPJMD [2021, 2027] is warned of, naming its seven years (file and API, en and
    id); [2021, 2026] is not."""
    from smartsync import validate_region
    from smartsync.io.regionfile import check_region_file

    source = open(EXAMPLE, encoding="utf-8").read()
    path = tmp_path / "rp7.yaml"
    path.write_text(source.replace("  period: [2021, 2026]", "  period: [2021, 2027]", 1), encoding="utf-8")
    said = [p for p in check_region_file(path).problems if p.code == "long-rpjmd"]
    assert len(said) == 1 and "2021-2027 spans 7 years" in said[0].message
    assert [p.code for p in validate_region(_region((2022, 2031))) if p.code == "long-rpjmd"] == []
    longer = smartsync.load_region(path)
    assert [p.code for p in validate_region(longer)].count("long-rpjmd") == 1
