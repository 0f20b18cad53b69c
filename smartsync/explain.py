"""The explanation layer: a classification's explanations, derived from its conclusions.

Data flows one way, and the modules show it::

    engine (rules conclude)  ->  result (Classification: conclusions + trace)
        ->  explain (this layer: how, why-not, advice, stability)  ->  render (format only)

:func:`explain` takes a :class:`~smartsync.Classification` and gives an
:class:`Explanation`: the classification with its advice (what to change to
reach each type, how stable the type is: :mod:`smartsync.advice`, which runs
the same rules on changed regions). Renderers take an :class:`Explanation`
(or a bare classification, when no advice is wanted) and only format what
they are given: none of them classifies or advises.

>>> import smartsync
>>> from smartsync.explain import explain
>>> from smartsync.render import render
>>> e = explain(smartsync.classify(smartsync.load_region("examples/type-b-mission.yaml")))
>>> e.classification.type_letter, sorted(e.advice.to_reach)
('B', ['A'])
>>> "What to change" in render(e, "text")
True
>>> "What to change" in render(e.classification, "text")
False

Why-not is read from the rules' own conditions by :mod:`smartsync.whynot`
(:class:`Reason` and :class:`WhyNot` are re-exported here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from .whynot import Reason, WhyNot, conditions
from .whynot import (  # noqa: F401  (the evaluator's helpers, kept importable from here)
    _match_fact, _match_value, _positive_variables,
)

if TYPE_CHECKING:  # pragma: no cover
    from .advice import Advice
    from .result import Classification

__all__ = ["Explanation", "explain", "Reason", "WhyNot", "conditions"]


@attrs.frozen
class Explanation:
    """A classification with what the explanation layer derived from it.

    ``classification``: the :class:`~smartsync.Classification`; ``advice``:
    its :class:`~smartsync.advice.Advice` (what to change to reach each type,
    and how stable the type is), or ``None`` when it was not asked for.
    How and why-not are read from the classification itself
    (:meth:`~smartsync.Classification.how`, :meth:`~smartsync.Classification.why_not`).
    """

    classification: "Classification"
    advice: "Advice | None" = None

    def why_not_all(self) -> "dict[str, tuple[Reason, ...]]":
        """Why-not for every type not concluded (see
        :meth:`smartsync.Classification.why_not_all`)."""
        return self.classification.why_not_all()


def explain(classification: "Classification | Explanation", *, advice: bool = True,
            **advice_options: Any) -> Explanation:
    """The explanation of a classification: with ``advice`` (the default) what to change
    and how stable the type is, computed by :func:`smartsync.advice.advise` with
    ``advice_options`` (e.g. ``classifier=``, ``suggest=``). An :class:`Explanation`
    is given back as it is."""
    if isinstance(classification, Explanation):
        return classification
    found = None
    if advice:
        from .advice import advise

        found = advise(classification, **advice_options)
    return Explanation(classification=classification, advice=found)
