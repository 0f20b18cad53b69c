"""Regression (newuser F185): advice to change a match's relation read "change the relation of
this match from derived to adopted", which a planner follows by relabelling the file, with no
change to either plan. It now says what the planner changes in the plan for the new relation
to be true (adopt the RPJMD element as written; formulate the element from it), and that
changing the recorded relation alone changes nothing; the JSON keeps ``change``, ``current``
and ``relation``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smartsync
from smartsync import Classifier, Parameters
from smartsync.explain import explain
from smartsync.render import render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"
STRICT = Parameters(stage_relations={"vision": ["adopted"], "mission": ["adopted"],
                                     "target": ["adopted", "derived"]})


@pytest.fixture(scope="module")
def explained():  # type: ignore[no-untyped-def]
    classifier = Classifier(params=STRICT)
    return explain(classifier.classify(smartsync.load_region(EXAMPLE)), classifier=classifier,
                   suggest=False)


@pytest.mark.parametrize("lang, said", [
    ("en", "-> M1 \"Meningkatkan kualitas tata kelola pemerintahan yang bersih…\": take M1 over "
           "into the masterplan as the RPJMD states it; the match is then adopted (recorded as "
           "derived now). Changing the recorded relation alone changes nothing in the plans"),
    ("id", "adopsi M1 ke dalam masterplan sebagaimana dirumuskan RPJMD; padanannya kemudian "
           "diadopsi (kini dicatat diturunkan). Mengubah relasi yang dicatat saja tidak mengubah "
           "apa pun dalam rencana"),
])
def test_a_relation_change_says_what_changes_in_the_plan(explained, lang, said):  # noqa: ANN001
    """Only adopted counts at the mission: SM1 -> M1 (derived) is advised as adopting M1."""
    out = render(explained, "text", lang=lang)
    assert said in out
    assert "change the relation of this match from" not in out
    assert "ubah relasi padanan ini dari" not in out


def test_json_keeps_the_machine_readable_change(explained):  # noqa: ANN001
    """The JSON proposal still says change=relation, current=derived, relation=adopted."""
    data = json.loads(render(explained, "json"))
    said = [p for t in data["to_reach"].values() for p in t["proposal"]
            if p["masterplan"] == "SM1" and p["rpjmd"] == "M1"]
    assert said and all((p["change"], p["current"], p["relation"]) == ("relation", "derived",
                                                                         "adopted") for p in said)
    assert all("take M1 over into the masterplan" in p["message"] for p in said)
