"""The fast matcher's agenda and retractions as a rule writer sees them: activations of
equal salience on the same facts fire in the order experta's depth strategy gives them,
and retracting a fact takes back only the activations that fact made."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smartsync._compat import experta  # noqa: F401  (experta importable on every dependency set)
from smartsync.fastmatch import FastDepthStrategy, FastKnowledgeEngine

from experta import MATCH, NOT, Fact, KnowledgeEngine, Rule  # noqa: E402
from activations import activations  # noqa: E402
from experta.agenda import Agenda  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402


def _firing_order(strategy, batches):
    agenda, order, offset = Agenda(), [], 0
    for batch in batches:
        made = activations(batch)
        for a in made:
            a.context = {"n": a.context["n"] + offset}
        offset += len(made)
        strategy.update_agenda(agenda, made, [])
        order.append([a.context["n"] for a in agenda.activations])
    fired = []
    while agenda.activations:
        fired.append(agenda.get_next().context["n"])
    return order, fired


# many activations with the same salience on the same facts: ties everywhere
_tied_batches = st.lists(st.lists(st.tuples(st.integers(0, 1), st.sampled_from([(1,), (2,), (1, 2), ()])),
                                  min_size=1, max_size=12), min_size=1, max_size=5)


@settings(max_examples=150, deadline=None, database=None)
@given(_tied_batches)
@example([[(0, (1,)), (0, (1,)), (0, (1,))]])  # three rules on one fact, one batch of few
@example([[(0, (1,))], [(0, (1,))], [(0, (1,))]])  # one at a time
@example([[(0, (1,))] * 10, [(0, (1,))] * 2])  # a batch of many, then a few more tied
def test_equal_keys_fire_in_experta_order(batches):
    """Activations of equal salience and facts fire in the order experta's DepthStrategy gives (the later arrival first)."""
    assert _firing_order(FastDepthStrategy(), batches) == _firing_order(DepthStrategy(), batches)


def test_rules_of_equal_salience_on_one_fact_fire_last_arrived_first():
    """Three rules matching one declared fact fire in the reverse of their activations' arrival, as experta's agenda does."""
    _, fired = _firing_order(FastDepthStrategy(), [[(0, (7,)), (0, (7,)), (0, (7,))]])
    assert fired == [2, 1, 0]
    _, fired = _firing_order(FastDepthStrategy(), [[(0, (7,))], [(0, (7,))], [(0, (7,))]])
    assert fired == [2, 1, 0]


# ------------------------------------------------------------------ retraction

class Program(Fact):
    """A program ``k``."""


class Match(Fact):
    """A match of program ``k`` to counterpart ``n``."""


class Blocker(Fact):
    """Stops the NOT rule for ``k``."""


def _engine(base):
    class Engine(base):
        @Rule(Program(k=MATCH.k), Match(k=MATCH.k, n=MATCH.n))
        def matched(self, k, n):
            self.log.append(("matched", k, n))

        @Rule(Program(k=MATCH.k), Match(k=MATCH.k, n=MATCH.n), NOT(Blocker(k=MATCH.k)))
        def unblocked(self, k, n):
            self.log.append(("unblocked", k, n))

    engine = Engine()
    engine.log = []
    engine.reset()
    return engine


@pytest.mark.parametrize("retract", [0, 1, 2])
def test_retracting_one_fact_keeps_the_activations_of_its_siblings(retract):
    """Retracting one of several facts joined to one partial match takes back only that fact's activations, as experta does."""
    logs = []
    for base in (KnowledgeEngine, FastKnowledgeEngine):
        engine = _engine(base)
        engine.declare(Program(k=1))
        matches = [engine.declare(Match(k=1, n=n)) for n in range(3)]
        engine.retract(matches[retract])
        engine.run()
        logs.append(sorted(engine.log))
    kept = sorted({n for n in range(3) if n != retract})
    assert logs[1] == sorted([("matched", 1, n) for n in kept] + [("unblocked", 1, n) for n in kept])
    assert logs[1] == logs[0]


def test_retracting_a_fact_after_a_blocker_came_and_went_ends_only_its_own():
    """A NOT unblocked again, then one of two facts retracted: the other fact's activation still fires."""
    logs = []
    for base in (KnowledgeEngine, FastKnowledgeEngine):
        engine = _engine(base)
        engine.declare(Program(k=1))
        first = engine.declare(Match(k=1, n=1))
        blocker = engine.declare(Blocker(k=1))
        engine.declare(Match(k=1, n=2))
        engine.retract(blocker)
        engine.retract(first)
        engine.run()
        logs.append(sorted(engine.log))
    assert logs[1] == [("matched", 1, 2), ("unblocked", 1, 2)]
    assert logs[1] == logs[0]


def test_retracting_the_only_match_of_one_program_keeps_another_programs():
    """Two programs each with one match: retracting one program's match leaves the other's activation."""
    engine = _engine(FastKnowledgeEngine)
    engine.declare(Program(k=1), Program(k=2))
    m1 = engine.declare(Match(k=1, n=1))
    engine.declare(Match(k=2, n=1))
    engine.retract(m1)
    engine.run()
    assert sorted(engine.log) == [("matched", 2, 1), ("unblocked", 2, 1)]


@pytest.mark.parametrize("others", [0, 1])
def test_a_retracted_fact_joins_nothing_declared_after(others):
    """A fact retracted before its partner is declared activates nothing with it, as in experta (the partner's other facts still do)."""
    logs = []
    for base in (KnowledgeEngine, FastKnowledgeEngine):
        engine = _engine(base)
        gone = engine.declare(Match(k=1, n=0))
        for n in range(1, others + 1):
            engine.declare(Match(k=1, n=n))
        engine.retract(gone)
        engine.declare(Program(k=1))
        engine.run()
        logs.append(sorted(engine.log))
    assert logs[1] == sorted([("matched", 1, n) for n in range(1, others + 1)]
                             + [("unblocked", 1, n) for n in range(1, others + 1)])
    assert logs[1] == logs[0]
