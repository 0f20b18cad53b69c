"""Messages given to a classifier (or a variant) stay with it: its results are put into
words with them, in every renderer and after pickling; no other classifier and no result
computed before changes."""

from __future__ import annotations

import pickle

import smartsync
from smartsync.facts import Characteristic, StageCoverage, TypeResult
from smartsync.render.json import classification_to_dict
from smartsync.render.text import render_text
from smartsync.rules import MATCH, PHASE, Rule, W, concludes
from smartsync.variants import Variant, default_packs


class Portfolio:
    """The size of the program portfolio."""

    @concludes(Characteristic, key="portfolio")
    @Rule(TypeResult(stage=W()), StageCoverage(stage="program", present=True, total=MATCH.total),
          salience=PHASE["describe"])
    def portfolio_size(self, total):
        """Concludes the number of masterplan programs."""
        self.declare(Characteristic(key="portfolio", value="counted", figures={"programs": total}))


WORDS = {"en": {"characteristic.portfolio.counted": "{programs} programs in all."},
         "id": {"characteristic.portfolio.counted": "{programs} program seluruhnya."}}


def _region():
    return smartsync.load_region("examples/type-b-mission.yaml")


def test_a_classifier_s_words_are_its_results_words():
    """A characteristic of a classifier given messages reads in its words, in both
    languages, in the text and JSON renderers too."""
    c = smartsync.Classifier(default_packs() + (Portfolio,), messages=WORDS).classify(_region())
    assert c.characteristic("portfolio").message() == "16 programs in all."
    assert c.characteristic("portfolio").message("id") == "16 program seluruhnya."
    assert "16 programs in all." in render_text(c)
    found = classification_to_dict(c, trace=False)["characteristics"]
    assert "16 programs in all." in [ch["message"] for ch in found]


def test_another_classifier_and_earlier_results_keep_their_words():
    """Words given to one classifier change neither a result computed before with the
    same packs and no words, nor another classifier's results."""
    before = smartsync.Classifier(default_packs() + (Portfolio,)).classify(_region())
    smartsync.Classifier(default_packs() + (Portfolio,), messages=WORDS).classify(_region())
    after = smartsync.Classifier(default_packs() + (Portfolio,)).classify(_region())
    assert before.characteristic("portfolio").message() == "portfolio: counted"
    assert after.characteristic("portfolio").message() == "portfolio: counted"


def test_a_variant_gives_its_words_to_its_classifier_and_they_survive_pickling():
    """A variant's messages go with its classifier's results, also across processes
    (a pickled result keeps them)."""
    variant = Variant("portfolio", default_packs() + (Portfolio,), messages=WORDS)
    c = pickle.loads(pickle.dumps(variant.classifier().classify(_region())))
    assert c.characteristic("portfolio").message("id") == "16 program seluruhnya."
    assert "16 program seluruhnya." in render_text(c, lang="id")


def test_a_message_of_unknown_language_is_refused():
    """Messages for a language smartsync does not speak are an error, not ignored."""
    import pytest

    with pytest.raises(ValueError, match="fr"):
        smartsync.Classifier(messages={"fr": {"x": "y"}})
