"""The advice in words, the same in every output: a relation change is said as one (not as
a match to find) in text, Markdown, the HTML report, JSON and the review page; a type's
conditions the rules concluded failed are said from those conclusions; a stage already
synchronized is never said to need more elements "at the threshold"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import attrs
import pytest

import smartsync
from smartsync import Classifier, Parameters
from smartsync.explain import explain
from smartsync.render import render

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TYPE_B = EXAMPLES / "type-b-mission.yaml"
#: only adopted and derived matches count: SP2 -> P2 (aligned) is rejected for its relation
PARAMS = Parameters(relations=("adopted", "derived"))
CHANGE = {"en": "SP2 \"Aplikasi pengaduan masyarakat terpadu dan layanan informasi…\" -> P2 "
                "\"Program Pengelolaan Informasi dan Komunikasi Publik\": formulate SP2 from P2 in "
                "the masterplan; the match is then derived (recorded as aligned now). Changing the "
                "recorded relation alone changes nothing in the plans",
          "id": "rumuskan SP2 dari P2 dalam masterplan; padanannya kemudian diturunkan (kini "
                "dicatat diselaraskan)"}


@pytest.fixture(scope="module")
def explained():  # type: ignore[no-untyped-def]
    classifier = Classifier(params=PARAMS)
    result = classifier.classify(smartsync.load_region(TYPE_B))
    return explain(result, classifier=classifier, suggest=False)


def _relation_word(lang: str, relation: str) -> str:
    from smartsync.messages import format_value

    return format_value("relation", relation, lang)


def test_the_premise_sp2_counts_only_with_another_relation(explained) -> None:  # noqa: ANN001
    """Under adopted/derived only, the advice changes SP2 -> P2's relation instead of adding a match."""
    proposal = [p for t in explained.advice.to_reach.values() for p in t.proposal if p.masterplan == "SP2"]
    assert proposal and all(p.change == "relation" and p.rpjmd == "P2" and p.current == "aligned"
                            for p in proposal)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_relation_change_is_said_in_every_format(explained, fmt, lang) -> None:  # noqa: ANN001
    """Text, Markdown and the HTML report say what to change in the plan for the match to be derived (it is aligned), never 'find one', for SP2."""
    if fmt == "html":
        import html

        from smartsync.render.html import render_html

        out = html.unescape(render_html(explained.classification.region, explained, lang=lang))
    else:
        out = render(explained, fmt, lang=lang)
    expected = CHANGE[lang]
    assert expected in out
    assert 'SP2 "Aplikasi pengaduan masyarakat terpadu dan layanan informasi…": no RPJMD' not in out


def test_a_relation_change_is_said_in_json(explained) -> None:  # noqa: ANN001
    """JSON gives each proposal's change, current relation and its words."""
    data = json.loads(render(explained, "json"))
    said = [p for t in data["to_reach"].values() for p in t["proposal"] if p["masterplan"] == "SP2"]
    assert said and all(p["change"] == "relation" and p["current"] == "aligned"
                        and p["message"] == CHANGE["en"] for p in said)
    # and the stability in the words the text says
    assert data["stability"]["messages"][0].startswith("The type holds for every threshold")


def test_a_relation_change_is_said_on_the_review_page(tmp_path) -> None:  # noqa: ANN001
    """The review page and its state say the relation change for SP2 (data-change="relation") and the stability."""
    import html

    from smartsync.review.session import ReviewSession

    path = tmp_path / "region.yaml"
    shutil.copy(TYPE_B, path)
    state = ReviewSession(path, params=PARAMS).state("en", html=True)
    said = [p for t in state["to_reach"].values() for p in t["proposal"] if p["masterplan"] == "SP2"]
    assert said and said[0]["message"] == CHANGE["en"]
    page = html.unescape(state["html"])
    assert CHANGE["en"] in page and 'data-masterplan="SP2" data-rpjmd="P2" data-change="relation"' in page
    assert 'id="review-stability"' in page and "How stable the type is" in page


def test_the_stage_count_says_relation_changes_when_every_change_is_one(explained) -> None:  # noqa: ANN001
    """A stage whose proposals are all relation changes says 'change the relation of the matches of N more', not 'match N more'."""
    out = render(explained, "text")
    assert "change the relation of the matches of 4 more masterplan program elements so that they count" in out


def test_a_condition_the_rules_concluded_failed_is_said_from_its_conclusion() -> None:
    """Under mission coverage, the advice for B names the failed condition in the variant's words (en, id)."""
    from smartsync.advice import to_reach
    from smartsync.render.text import to_reach_lines
    from smartsync.rules.mission_coverage import MISSION_COVERAGE
    from smartsync.sample import typical_region

    classifier = MISSION_COVERAGE.classifier()
    c = classifier.classify(typical_region(8, programs=8, varied=True))
    assert c.trace.find("ConditionFailed", stage="mission")
    advice = to_reach(c, classifier=classifier, suggest=False, types=["B"])
    assert advice["B"].conditions == ("mission_coverage",)
    assert ("The rules found missing for type B: an RPJMD mission has no synchronized masterplan "
            "program under it.") in " ".join(to_reach_lines(c, "en", advice))
    assert "misi RPJMD yang tidak memiliki program masterplan" in " ".join(to_reach_lines(c, "id", advice))


def test_a_synchronized_stage_is_not_said_to_need_more_at_the_threshold() -> None:
    """Where a stage is already synchronized, more elements are said to be needed by the type's conditions, not by the threshold."""
    from smartsync.advice import TypeAdvice
    from smartsync.render.text import count_line

    c = smartsync.classify(smartsync.load_region(TYPE_B))
    assert c.stages["program"].is_synchronized
    item = TypeAdvice(type=c.type, letter="B", reachable=True, needed={"program": 2}, proposal=(),
                      complete=False, conditions=("mission_coverage",))
    line = count_line(c, item, "program", 2, "en")
    assert "needed at threshold" not in line
    assert "the stage is already synchronized at threshold 50%" in line


def test_under_cascading_a_count_is_not_attributed_to_the_threshold() -> None:
    """Under cascading, where a program counts only once a target above it is matched to the
    right RPJMD target, the advice names the pairs the rules need (a target match above the
    type's stage, the programs' matches), never 'N needed at threshold', and the changes
    reach the type by the rules' own count."""
    from smartsync.advice import to_reach
    from smartsync.render.text import count_line
    from smartsync.sample import typical_region
    from smartsync.variants import CASCADING

    classifier = CASCADING.classifier()
    c = classifier.classify(typical_region(33, programs=8, varied=True))
    d = to_reach(c, classifier=classifier, suggest=False, types=["D"])["D"]
    assert d.needed["target"] > 0 and d.needed["program"] == 2 and d.wide
    target = count_line(c, d, "target", d.needed["target"], "en")
    assert target.startswith("at the target level") and "needed at threshold" not in target
    program = count_line(c, d, "program", 2, "en")
    assert "needed at threshold" not in program
    assert all(p.rpjmd is not None for p in d.proposal) and d.complete
    assert d.after["program"] * 2 >= c.stages["program"].total  # what the rules concluded reaches 50%


def test_a_search_cut_short_says_so(monkeypatch) -> None:  # noqa: ANN001
    """When the single-loss search stops at its limit, stability says how many matches it cleared and that others may matter."""
    import smartsync.advice as advice
    from smartsync.render.text import stability_lines

    monkeypatch.setattr(advice, "PROTECT_LIMIT", 1)
    c = smartsync.classify(smartsync.load_region(TYPE_B))
    s = advice.stability(c)
    assert s.protect_checked < s.protect_of
    said = " ".join(stability_lines(c, "en", s))
    assert f"after clearing or trying {s.protect_checked} of the region's {s.protect_of} matches" in said


def test_a_counterpart_to_find_says_which_rpjmd_programs_can_count_under_budgeted_programs():
    """Under budgeted-programs a program whose counterpart a person must find is told, from
    the rules' rejections on the changed region, which RPJMD programs would count: "any but
    P3" (P3 has no pagu) where that is shorter, in en and id; following it reaches the type."""
    from smartsync.advice import to_reach
    from smartsync.render.text import proposal_line
    from smartsync.variants import BUDGETED_PROGRAMS

    classifier = BUDGETED_PROGRAMS.classifier()
    region = smartsync.load_region(EXAMPLES / "type-d-program.yaml")
    result = classifier.classify(region, params=attrs.evolve(classifier.params, threshold=1.0))
    d = to_reach(result, classifier=classifier, suggest=False)["D"]
    open_ = [p for p in d.proposal if p.rpjmd is None]
    assert open_ and all(dict(p.refused) == {"P3": "budget"} for p in open_)
    assert all("P3" not in p.counting for p in open_)
    # the advice decides the shorter way to say it; the renderer only formats it
    assert all(p.counting_but and p.to_dict()["counting_but"] for p in open_)
    said = proposal_line(region, open_[0], "en")
    # the refused counterparts named once (newuser F163: "but P1, ..., P10 would count (not
    # to P1, ..., P10: ...)")
    assert "a match to any RPJMD program but P3 would count (not those: the RPJMD program " \
           "carries no budget (pagu indikatif))" in said and "not to P3" not in said
    said_id = proposal_line(region, open_[0], "id")
    assert "program RPJMD mana pun selain P3 akan dihitung (bukan yang itu: program RPJMD itu " \
           "tidak memiliki pagu indikatif)" in said_id and "bukan dengan P3" not in said_id
    # following the advice with counterparts it allows reaches D
    matches = {m.key: m for m in region.matches}
    for p in d.proposal:
        rpjmd = p.rpjmd or p.counting[0]
        matches[(p.masterplan, rpjmd)] = smartsync.Match(p.masterplan, rpjmd, p.relation)
    done = classifier.classify(attrs.evolve(region, matches=tuple(matches.values())),
                               params=result.params)
    assert done.stages["program"].is_synchronized


def test_one_fundable_program_is_said_in_the_singular():
    """The funding summary says "1 of 3 masterplan programs ... is synchronized with an RPJMD
    program that carries a budget", not "are"."""
    from smartsync.messages import funding_message

    result = smartsync.classify(smartsync.load_region(
        Path(__file__).resolve().parent / "acceptance" / "cases" / "c14-budgeted.yaml"))
    assert result.funding.fundable == 1
    said = funding_message(result.funding, "en")
    assert said.startswith("1 of 3 masterplan programs (33.3%) is synchronized with an RPJMD "
                           "program that carries a budget, which totals Rp 5.")


def test_a_derivation_step_is_said_in_planner_words_under_cascading():
    """The checklist of a cascading result says which stage is below the masterplan's top
    stage in words, never a rule's docstring ("Concludes that ...")."""
    from smartsync.render.plain import checklist
    from smartsync.variants import CASCADING

    result = CASCADING.classifier().classify(smartsync.load_region(TYPE_B))
    for lang, said, never in (("en", "the program stage is below the masterplan's top stage",
                               "Concludes"),
                              ("id", "tahap program berada di bawah tahap teratas masterplan",
                               "Menyimpulkan"),
                              ("en", "SS1, a parent of SP2, is matched to S1.1.1: the masterplan "
                                     "places SP2 under S1.1.1", "Concludes"),
                              ("id", "SS1, induk SP2, dipadankan dengan S1.1.1: masterplan "
                                     "menempatkan SP2 di bawah S1.1.1", "Menyimpulkan")):
        lines = "\n".join(checklist(result, lang))
        assert said in lines and never not in lines


@pytest.mark.parametrize("suggest", [False, True])
def test_the_rpjmds_only_vision_is_named_as_the_counterpart_to_match(suggest) -> None:
    """To reach A where the RPJMD has one vision: the advice names it (SV -> V, 'the RPJMD's
    only vision'), with or without the matcher, never 'find one'; accepting it reaches A."""
    from smartsync.advice import to_reach
    from smartsync.render.text import proposal_line

    result = smartsync.classify(smartsync.load_region("examples/type-b-mission.yaml"))
    assert len(result.region.rpjmd.at("vision")) == 1
    advice = to_reach(result, suggest=suggest)["A"]
    vision = [p for p in advice.proposal if p.stage == "vision"]
    assert [(p.masterplan, p.rpjmd, p.only) for p in vision] == [("SV", "V", True)]
    assert advice.complete and advice.to_dict()["proposal"][0]["only"] is True
    en, id_ = (proposal_line(result.region, vision[0], lang) for lang in ("en", "id"))
    assert "find one" not in en and "it is the RPJMD's only vision" in en
    assert "satu-satunya visi RPJMD" in id_
    region = attrs.evolve(result.region, matches=result.region.matches + (
        smartsync.Match("SV", "V", smartsync.Relation(vision[0].relation), smartsync.Source.MANUAL),))
    assert smartsync.classify(region).type_letter == "A"


def test_advice_without_the_matcher_says_it_was_not_run():
    """to_reach(suggest=False) does not say "no RPJMD program proposed by the matcher" for
    an element nobody asked the matcher about: it says the matcher was not run (run it, or
    find one), in en and id, in the proposal and the closing line; with the matcher, the
    proposal names its candidates."""
    from smartsync.advice import to_reach
    from smartsync.render.text import to_reach_lines

    result = smartsync.classify(smartsync.load_region(EXAMPLES / "unsynchronized.yaml"))
    d = to_reach(result, suggest=False, types=["D"])
    assert d["D"].unasked and d["D"].to_dict()["unasked"]
    assert all(p.unasked for p in d["D"].proposal if p.rpjmd is None)
    en = "\n".join(to_reach_lines(result, "en", d))
    assert "proposed by the matcher" not in en and "The matcher's candidates" not in en
    assert "the matcher was not run for this advice (suggest=False); run it to have an RPJMD " \
           "program proposed, or find one" in en
    assert "still need an RPJMD counterpart (the matcher was not run for this advice" in en
    id_ = "\n".join(to_reach_lines(result, "id", d))
    assert "tidak mengusulkan" not in id_
    assert "pencari padanan tidak dijalankan untuk saran ini (suggest=False)" in id_
    asked = to_reach(result, types=["D"])["D"]
    assert not asked.unasked and not any(p.unasked for p in asked.proposal)
