"""Regression (issue 21, after newuser finding F68): an element whose match in the file does
not count, but would once a person confirms it, was proposed as such, yet the advice's
summary line still said "1 of the elements above still needs an RPJMD counterpart". The
summary now reads the proposal: a confirmation would do, and only the others need a
counterpart found; in text, the review page and both languages."""

from __future__ import annotations

from smartsync import Match
from smartsync.advice import to_reach
from smartsync.model import Element, Period, Plan, PlanKind, Region
from smartsync.render.text import to_reach_lines

from test_regression_advice_says_a_rejected_match import TRUSTED, _region


def _advice(region: Region):
    classifier = TRUSTED.classifier()
    result = classifier.classify(region)
    return result, classifier, to_reach(result, classifier=classifier, suggest=False, types=["D"])


def test_a_confirmation_alone_is_said_to_do():
    """SP3's suggestion (0.6) would count confirmed: 'needs only a person to confirm its
    match', never 'still needs an RPJMD counterpart'; en and id."""
    result, classifier, advice = _advice(_region())
    item = advice["D"]
    assert (item.to_confirm, item.to_find) == (1, 0)
    from smartsync import messages

    with messages.using(classifier.messages):
        en = "\n".join(to_reach_lines(result, "en", advice))
        id_ = "\n".join(to_reach_lines(result, "id", advice))
    assert ("The matcher's candidates are not enough, but 1 of the elements above needs only a "
            "person to confirm its match in the file (as a manual match) for it to count.") in en
    assert "still need" not in en
    assert "1 unsur di atas hanya memerlukan konfirmasi seseorang atas padanannya" in id_
    assert "masih memerlukan padanan RPJMD" not in id_


def test_a_confirmation_and_a_counterpart_to_find_are_told_apart():
    """Type D on 6 programs needs 3: SP1 counts, SP3 would count confirmed, one more needs a
    counterpart found; the summary says both figures."""
    rpjmd = tuple(Element(f"P{i}", "program", f"Program {i}", budget=5) for i in range(1, 7))
    masterplan = tuple(Element(f"SP{i}", "program", f"Aplikasi {i}") for i in range(1, 7))
    region = Region("9002", "Kota Uji", "kota", Plan(PlanKind.RPJMD, Period(2021, 2026), rpjmd),
                    Plan(PlanKind.MASTERPLAN, Period(2022, 2031), masterplan),
                    (Match("SP1", "P1", "aligned", "suggested", score=0.9),
                     Match("SP3", "P3", "aligned", "suggested", score=0.6)))
    result, classifier, advice = _advice(region)
    item = advice["D"]
    assert (item.to_confirm, item.to_find) == (1, 1)
    en = "\n".join(to_reach_lines(result, "en", advice))
    assert ("1 of the elements above needs only a person to confirm its match in the file (as a "
            "manual match); 1 still needs an RPJMD counterpart.") in en


def test_the_review_page_says_the_same_summary():
    """The review page's advice block carries the same summary line, in Indonesian too."""
    from smartsync import messages
    from smartsync.review.page import _advice as advice_html

    result, classifier, advice = _advice(_region())
    with messages.using(classifier.messages):
        page = advice_html(result.region, result, advice, "id")
    assert "1 unsur di atas hanya memerlukan konfirmasi seseorang" in page
    assert "masih memerlukan padanan RPJMD" not in page
