"""Regression: a fact declared by a firing and retracted before the matcher's next update.

``run(1)`` stops right after a firing that declared a fact: experta hands the
matcher the facts declared by a firing at the start of the next step, so the
fact is still pending when the program retracts it. experta's Rete then gets
the declaration and the retraction together, keeps the fact as a ghost and
activates rules on it; smartsync's matcher forgets it (found by the long
differential test in ``tests/test_fastmatch.py``).
"""

from __future__ import annotations

from smartsync._compat import experta
from smartsync.fastmatch import FastKnowledgeEngine

Fact, Rule = experta.Fact, experta.Rule


class A(Fact):
    pass


class D(Fact):
    pass


def _engine(base):
    class Engine(base):
        @Rule()
        def start(self):
            self.declare(D(x=0))

        @Rule(A(), D())
        def both(self):
            pass

    engine = Engine()
    engine.reset()
    return engine


def _script(engine):
    engine.run(1)  # fires ``start``, which declares D; the matcher has not seen it yet
    pending = [f for f in engine.facts.values() if isinstance(f, D)]
    engine.retract(pending[0])
    engine.declare(A())
    return [(a.rule.__name__, sorted(type(f).__name__ for f in a.facts))
            for a in engine.agenda.activations]


def test_a_retracted_pending_fact_activates_nothing():
    """No rule is activated on a fact that was retracted before the matcher saw it."""
    engine = _engine(FastKnowledgeEngine)
    assert _script(engine) == []
    assert not any(isinstance(f, D) for f in engine.facts.values())


def test_the_same_fact_declared_again_activates_as_usual():
    """After such a retraction, a new equal fact is matched like any other."""
    engine = _engine(FastKnowledgeEngine)
    _script(engine)
    engine.declare(D(x=0))
    assert [a.rule.__name__ for a in engine.agenda.activations] == ["both"]


def test_experta_rete_keeps_a_ghost_here():
    """What the differential test stops at: experta's own Rete activates on the ghost."""
    engine = _engine(experta.KnowledgeEngine)
    assert _script(engine) == [("both", ["A", "D"])]
