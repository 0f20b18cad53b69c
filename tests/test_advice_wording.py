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
                "\"Program Pengelolaan Informasi dan Komunikasi Publik\": change the relation of "
                "this match from aligned to derived",
          "id": "ubah relasi padanan ini dari selaras menjadi turunan"}


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
    """Text, Markdown and the HTML report say 'change the relation ... from aligned to derived', never 'find one', for SP2."""
    if fmt == "html":
        import html

        from smartsync.render.html import render_html

        out = html.unescape(render_html(explained.classification.region, explained, lang=lang))
    else:
        out = render(explained, fmt, lang=lang)
    expected = CHANGE[lang] if lang == "en" else (
        f"ubah relasi padanan ini dari {_relation_word('id', 'aligned')} menjadi "
        f"{_relation_word('id', 'derived')}")
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
