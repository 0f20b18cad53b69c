"""Regression (newuser finding F199): after a reviewer rejected SV -> V (the region file's
``rejected`` list, with a note), the advice to reach type A proposed "add this match
(derived)" for exactly that pair, and no output's words said it had been rejected. The
proposal now carries the reviewer's note (``review_note``), says "rejected in review" with it
in en and id, says what would make the match hold, and the summary says the type is reached
only against the reviewer's decision; where another change reaches the type, it is offered
instead of the rejected pair."""

from __future__ import annotations

import attrs

import smartsync
from smartsync.advice import to_reach
from smartsync.explain import explain
from smartsync.model import Element, RejectedMatch
from smartsync.render.json import classification_to_dict
from smartsync.render.text import proposal_line, summary_line

NOTE = "visi masterplan dirumuskan sendiri"


def _rejected(region, *pairs):
    return attrs.evolve(region, rejected=tuple(RejectedMatch(m, r, note=n) for m, r, n in pairs))


def _b():
    return smartsync.load_region("examples/type-b-mission.yaml")


def test_the_only_vision_rejected_in_review_is_said_with_the_note():
    """SV -> V rejected with a note: the proposal for type A says 'rejected in review' with
    the note and that V is the only vision, never plainly 'add this match', en and id."""
    region = _rejected(_b(), ("SV", "V", NOTE))
    result = smartsync.classify(region)
    a = to_reach(result, suggest=False, types=["A"])["A"]
    (p,) = a.proposal
    assert (p.masterplan, p.rpjmd, p.review_note) == ("SV", "V", NOTE)
    en, id_ = proposal_line(region, p, "en"), proposal_line(region, p, "id")
    assert f'rejected in review: "{NOTE}"; it is the RPJMD\'s only vision, so no other match ' \
        "reaches the type: only if SV is formulated from V in the masterplan does the match hold " \
        "(derived)" in en
    assert "add this match" not in en
    assert f'ditolak dalam peninjauan: "{NOTE}"; itulah satu-satunya visi RPJMD' in id_
    assert "SV dirumuskan dari V dalam masterplan (diturunkan)" in id_
    assert "but only with 1 match a reviewer rejected" in summary_line(a, "A", "en")
    assert "hanya dengan 1 padanan yang ditolak peninjau" in summary_line(a, "A", "id")


def test_a_rejection_without_a_note_is_said_too():
    """A rejection without a note still says 'rejected in review' (review_note '')."""
    region = _rejected(_b(), ("SV", "V", None))
    a = to_reach(smartsync.classify(region), suggest=False, types=["A"])["A"]
    (p,) = a.proposal
    assert p.review_note == ""
    assert 'SV "' in proposal_line(region, p, "en") and \
        "rejected in review; it is the RPJMD's only vision" in proposal_line(region, p, "en")


def test_the_json_says_it_in_words_and_fields():
    """The JSON proposal holds review_note and its message says it was rejected in review."""
    region = _rejected(_b(), ("SV", "V", NOTE))
    result = smartsync.classify(region)
    data = classification_to_dict(explain(result, suggest=False), trace=False)
    (p,) = data["to_reach"]["A"]["proposal"]
    assert p["review_note"] == NOTE and "rejected in review" in p["message"]


def test_another_change_that_reaches_the_type_is_offered_instead():
    """With a second masterplan vision SV2, SV -> V rejected, under rules that count a share of
    visions (1 of 2 reaches the threshold): the advice proposes SV2 -> V, not the rejected pair.
    Under the default rules (a plan has one vision: every one must be synchronized) both are
    needed, and SV -> V is said as rejected in review."""
    from smartsync.rules.typology import TypologyPack
    from smartsync.variants import Variant, default_packs

    class ShareOfVisions(TypologyPack):
        vision_synchronized_in_part = None

    b = _b()
    masterplan = attrs.evolve(b.masterplan, elements=b.masterplan.elements + (
        Element("SV2", "vision", "Kabupaten Contoh Makmur yang Sejahtera dan Mandiri"),))
    region = _rejected(attrs.evolve(b, masterplan=masterplan), ("SV", "V", NOTE))
    share = Variant("share-of-visions", tuple(ShareOfVisions if p is TypologyPack else p
                                              for p in default_packs())).classifier()
    a = to_reach(share.classify(region), classifier=share, suggest=False, types=["A"])["A"]
    assert [(p.masterplan, p.rpjmd, p.review_note) for p in a.proposal] == [("SV2", "V", None)]
    a = to_reach(smartsync.classify(region), suggest=False, types=["A"])["A"]
    assert sorted((p.masterplan, p.rpjmd, p.review_note) for p in a.proposal) == [
        ("SV", "V", NOTE), ("SV2", "V", None)]
