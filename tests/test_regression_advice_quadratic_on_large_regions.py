"""Issue 23: the advice in plain ``classify`` and ``report`` scored every unsynchronized
masterplan element against every RPJMD element of its level (2,000 programs: 22.7 s;
20,000 elements: MemoryError). The matcher is now asked for candidates only while the
compared pairs fit :data:`smartsync.advice.MAX_CANDIDATE_PAIRS`, top stage first; the
elements past it are proposed without a candidate, and every output says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smartsync
from smartsync import advice as advice_module
from smartsync.advice import advise, to_reach
from smartsync.cli import main
from smartsync.matching import suggest as suggest_module

ROOT = Path(__file__).resolve().parent.parent
UNSYNCHRONIZED = ROOT / "examples" / "unsynchronized.yaml"
#: the example's mission SM4 (5 RPJMD missions) and its five targets (9 RPJMD targets
#: each) fit; its programs (14 RPJMD programs each) do not
LIMIT = 5 + 5 * 9


@pytest.fixture
def limited(monkeypatch: pytest.MonkeyPatch) -> int:
    """The advice's limit on compared pairs lowered so that the example passes it."""
    monkeypatch.setattr(advice_module, "MAX_CANDIDATE_PAIRS", LIMIT)
    return LIMIT


def _classified() -> smartsync.Classification:
    return smartsync.classify(smartsync.load_region(UNSYNCHRONIZED))


def test_elements_past_the_limit_are_proposed_without_a_candidate_and_marked(limited) -> None:
    """Past the limit a proposed element has no candidate and is marked limited; before it, none is."""
    found = to_reach(_classified())["D"]
    programs = [p for p in found.proposal if p.stage == "program"]
    assert programs and all(p.limited and p.rpjmd is None and p.score is None for p in programs)
    targets = [p for p in to_reach(_classified())["C"].proposal if p.stage == "target"]
    assert targets and not any(p.limited for p in targets)
    assert not found.complete


def test_what_is_needed_does_not_depend_on_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting the candidate search changes only which candidates are named, never what a type needs."""
    result = _classified()
    full = to_reach(result)
    monkeypatch.setattr(advice_module, "MAX_CANDIDATE_PAIRS", 0)
    cut = to_reach(result)
    assert {k: (t.reachable, dict(t.needed), t.gives) for k, t in full.items()} == \
        {k: (t.reachable, dict(t.needed), t.gives) for k, t in cut.items()}
    assert not any(p.limited for t in full.values() for p in t.proposal)
    assert all(p.limited for t in cut.values() for p in t.proposal if p.change == "add")


@settings(max_examples=25, deadline=None)
@given(limit=st.integers(min_value=0, max_value=400))
def test_the_matcher_is_asked_about_a_prefix_that_fits_the_limit(limit: int) -> None:
    """The elements asked about are the search's order, top stage first, while their pairs fit."""
    result = _classified()
    asked: list[list[str]] = []
    original = suggest_module.top_candidates

    def recording(region, ids, **kwargs):
        ids = list(ids)
        asked.append(ids)
        return original(region, ids, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suggest_module, "top_candidates", recording)
        patch.setattr(advice_module, "MAX_CANDIDATE_PAIRS", limit)
        from smartsync.whatif import classifier_of

        with advice_module._Runs(result, classifier_of(result)) as runs:
            options = advice_module._options(runs, True)
    order = [o for s in result.typology.stages for o in options[s] if o.every]
    ids = asked[0] if asked else []
    assert len(asked) <= 1
    assert ids == [o.masterplan for o in order[:len(ids)]]
    pairs = sum(len(o.every) for o in order[:len(ids)])
    assert pairs <= limit
    if len(ids) < len(order):  # the next one would not have fitted
        assert pairs + len(order[len(ids)].every) > limit
    assert {o.masterplan for o in order if o.limited} == {o.masterplan for o in order[len(ids):]}


@pytest.mark.parametrize("lang, said", [
    ("en", "Candidates were not sought for"),
    ("id", "Pencari padanan tidak diminta mengusulkan padanan"),
])
def test_classify_says_the_advice_was_cut_in_text_and_markdown(limited, capsys, lang, said) -> None:
    """``classify``'s text and Markdown say how many proposed elements were not compared, and why."""
    for fmt in ("text", "markdown"):
        assert main(["classify", str(UNSYNCHRONIZED), "--format", fmt, "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert said in out
        assert ("not compared with the RPJMD program" if lang == "en"
                else "tidak dibandingkan dengan unsur program RPJMD") in out


def test_classify_json_marks_each_limited_proposal(limited, capsys) -> None:
    """The JSON output carries ``limited`` on each proposed match."""
    assert main(["classify", str(UNSYNCHRONIZED), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    proposal = data["to_reach"]["D"]["proposal"]
    assert proposal and all(p["limited"] and p["rpjmd"] is None for p in proposal)


def test_the_report_page_says_the_advice_was_cut(limited) -> None:
    """The HTML report's advice section says the candidate search was cut, in both languages."""
    from smartsync.render.html import render_html

    result = _classified()
    assert "Candidates were not sought for" in render_html(result.region, result)
    assert "Pencari padanan tidak diminta" in render_html(result.region, result, lang="id")


def test_the_review_page_says_the_advice_was_cut(limited, tmp_path: Path) -> None:
    """The review page's advice says the candidate search was cut, and marks the elements."""
    pytest.importorskip("starlette")
    from smartsync.review import ReviewSession

    path = tmp_path / "region.yaml"
    path.write_bytes(UNSYNCHRONIZED.read_bytes())
    state = ReviewSession(path).state("en", html=True)
    assert "Candidates were not sought for" in state["html"]
    assert "not compared with the RPJMD program elements" in state["html"]
    assert all(p["limited"] for p in state["to_reach"]["D"]["proposal"])


def test_advise_on_a_region_far_over_the_limit_asks_about_no_more_pairs(monkeypatch) -> None:
    """A generated region of 300 unmatched programs a plan asks the matcher about no more pairs than the limit."""
    import attrs

    from smartsync.model import Level
    from smartsync.sample import typical_region

    region = typical_region(0, programs=300)
    programs = {e.id for e in region.masterplan.elements if e.level is Level.PROGRAM}
    region = attrs.evolve(region, matches=tuple(m for m in region.matches
                                                if m.masterplan not in programs))
    monkeypatch.setattr(advice_module, "MAX_CANDIDATE_PAIRS", 2000)
    asked: list[str] = []
    original = suggest_module.top_candidates

    def recording(region, ids, **kwargs):
        ids = list(ids)
        asked.extend(ids)
        return original(region, ids, **kwargs)

    monkeypatch.setattr(suggest_module, "top_candidates", recording)
    found = advise(smartsync.classify(region)).to_reach["D"]
    level_of = {e.id: e.level for e in region.masterplan.elements}
    assert 0 < sum(len(region.rpjmd.at(level_of[i])) for i in asked) <= 2000
    assert found.needed["program"] == 150
    limited = [p for p in found.proposal if p.limited]
    assert limited and all(p.masterplan not in asked and p.rpjmd is None for p in limited)


def test_a_level_with_more_rpjmd_elements_than_the_limit_is_not_read(monkeypatch, capsys) -> None:
    """A level with more RPJMD elements than MAX_CANDIDATE_LEVEL gets no candidates, marked limited; the others do."""
    monkeypatch.setattr(advice_module, "MAX_CANDIDATE_LEVEL", 10)  # programs 14, targets 9
    asked: list[str] = []
    original = suggest_module.top_candidates

    def recording(region, ids, **kwargs):
        ids = list(ids)
        asked.extend(ids)
        return original(region, ids, **kwargs)

    monkeypatch.setattr(suggest_module, "top_candidates", recording)
    result = _classified()
    found = to_reach(result)
    level_of = {e.id: e.level.value for e in result.region.masterplan.elements}
    assert asked and "program" not in {level_of[i] for i in asked}
    programs = [p for p in found["D"].proposal if p.stage == "program"]
    assert programs and all(p.limited and p.rpjmd is None for p in programs)
    targets = [p for p in found["C"].proposal if p.stage == "target"]
    assert targets and not any(p.limited for p in targets)
    assert main(["classify", str(UNSYNCHRONIZED), "--lang", "id"]) == 0
    assert "unsur RPJMD satu tingkat" in capsys.readouterr().out
