"""Suggested matches between a masterplan and its RPJMD, from the plan texts (in Indonesian).

Coding every match between a masterplan and an RPJMD by hand is days of work;
:func:`suggest_matches` proposes them, a person confirms. See
``docs/matching.rst`` for how texts are compared and how well it works.

- :func:`suggest_matches` -- new suggested matches for a region (never a pair
  that already has a match).
- :func:`with_suggestions` -- the region with those suggestions added.
- :func:`top_candidates` -- the few best RPJMD candidates of chosen masterplan elements
  (bounded work, for the advice).
- :func:`load_nomenclature` -- the national program nomenclature (codes and names).
- :func:`similarity`, :func:`compare` -- the score of two texts (and why).
- :class:`TermWeights` -- how much each word weighs, from a collection of texts.
- :func:`evaluate` -- precision and recall on a labelled set of pairs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import _lazy_exports

#: where each exported name is defined, imported on first use (module ``__getattr__``):
#: the advice's suggestions need neither the evaluation nor its CSV reader
_EXPORTS = {
    ".evaluation": ("Evaluation", "LabelledPair", "PairFileError", "evaluate", "read_pairs"),
    ".scoring": ("Comparison", "TermWeights", "compare", "similarity"),
    ".suggest": ("CODE_MISMATCH_FACTOR", "DEFAULT_THRESHOLD", "DEFAULT_TOP", "region_weights",
                 "same_code", "suggest_matches", "with_suggestions", "top_candidates"),
    ".nomenclature": ("Nomenclature", "NomenclatureError", "load_nomenclature"),
    ".text": ("Term", "terms", "concept_terms"),
}
__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS, globals())


if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from .evaluation import Evaluation, LabelledPair, PairFileError, evaluate, read_pairs
    from .scoring import Comparison, TermWeights, compare, similarity
    from .suggest import (
        CODE_MISMATCH_FACTOR,
        DEFAULT_THRESHOLD,
        DEFAULT_TOP,
        region_weights,
        same_code,
        suggest_matches,
        top_candidates,
        with_suggestions,
    )
    from .nomenclature import Nomenclature, NomenclatureError, load_nomenclature
    from .text import Term, concept_terms, terms

__all__ = [
    "suggest_matches",
    "with_suggestions",
    "top_candidates",
    "load_nomenclature",
    "Nomenclature",
    "NomenclatureError",
    "similarity",
    "compare",
    "Comparison",
    "TermWeights",
    "region_weights",
    "same_code",
    "terms",
    "concept_terms",
    "Term",
    "evaluate",
    "read_pairs",
    "Evaluation",
    "LabelledPair",
    "PairFileError",
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP",
    "CODE_MISMATCH_FACTOR",
]
