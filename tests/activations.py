"""Hand-made experta activations for the agenda tests of the fast matcher
(tests/test_fastmatch.py, tests/test_fastmatch_agenda.py)."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from smartsync._compat import experta  # noqa: F401  (experta importable on every dependency set)

from experta import Fact, Rule  # noqa: E402
from experta.activation import Activation  # noqa: E402


def activations(specs: Iterable[tuple[int, Sequence[int]]]) -> list[Any]:
    """experta Activations of rules with these saliences over facts with these ids; the
    context's ``n`` tells them apart (a fresh set each call: two strategies compared must
    not share objects)."""
    made = []
    for number, (salience, ids) in enumerate(specs):
        rule = Rule(salience=salience)(lambda self: None)
        facts = []
        for fact_id in ids:
            fact = Fact(n=fact_id)
            dict.__setitem__(fact, "__factid__", fact_id)
            facts.append(fact)
        made.append(Activation(rule, facts, {"n": number}))
    return made
