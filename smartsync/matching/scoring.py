"""How alike two plan statements are.

The score of two statements, from 0 to 1, has two parts:

1. **Shared words**: the cosine of their TF-IDF vectors. Each text is the set
   of its term stems (:func:`smartsync.matching.text.terms`), each stem
   weighted by :class:`TermWeights`: its inverse document frequency over a
   collection of texts (for a region, every element of both plans), times
   :data:`GENERIC_FACTOR` for the planning words every plan uses
   (:data:`~smartsync.matching.text.GENERIC_TERMS`), the words naming a masterplan's
   means (:func:`~smartsync.matching.text.tool_terms`: *digital*, *aplikasi* ...), and the
   region's name.
   Texts that share only generic words get a cosine of 0.
2. **Shared affairs** (:mod:`smartsync.matching.sectors`): when both texts
   name affairs of regional government and share some, the score moves
   towards 1 by :data:`SECTOR_BONUS` times the share of affairs in common
   (``score + (1 - score) * SECTOR_BONUS * jaccard``); when both name affairs
   and share none, the score is multiplied by :data:`SECTOR_MISMATCH_FACTOR`.
   When either names none, the words alone decide.

The default threshold of :func:`smartsync.matching.suggest_matches` is above
:data:`SECTOR_BONUS`, so a shared affair alone, without a shared word, never
makes a suggestion.

>>> a = "Peningkatan kualitas pelayanan kesehatan"
>>> similarity(a, "Meningkatkan kualitas pelayanan kesehatan") == 1.0
True
>>> similarity(a, "Pengelolaan arsip daerah")
0.0
>>> near_miss = similarity(a, "Peningkatan kualitas pelayanan administrasi kependudukan")
>>> related = similarity(a, "Program pemenuhan upaya kesehatan masyarakat")
>>> near_miss < related
True
>>> result = compare(a, "Program peningkatan pelayanan kesehatan masyarakat")
>>> result.evidence, result.affairs
(('kesehatan', 'pelayanan'), ('kesehatan',))
"""

from __future__ import annotations

import functools
import math
from typing import Iterable, Mapping

import attrs

from .sectors import concept_sectors, phrase_sectors, sector_stems
from ..model import Level
from .text import (CONCEPT_MARK, GENERIC_TERMS, NOT_TOPICS, clauses as clauses_of, concept_parts,
                   agency_terms, concept_terms, terms, tool_terms)

__all__ = [
    "GENERIC_FACTOR",
    "SECTOR_BONUS",
    "SECTOR_MISMATCH_FACTOR",
    "TermWeights",
    "Statement",
    "Comparison",
    "compare",
    "similarity",
    "CONCEPT_LEVELS",
    "CLAUSE_LEVELS",
    "CLAUSE_FACTOR",
    "deciding_aims",
]

#: How much a generic planning word weighs compared with a content word of the
#: same document frequency.
GENERIC_FACTOR = 0.2
#: How far sharing all its affairs moves a score towards 1.
SECTOR_BONUS = 0.35
#: The factor applied when both texts name affairs of government and share none.
SECTOR_MISMATCH_FACTOR = 0.5


#: The levels whose statements are compared through concepts (:data:`~smartsync.matching.text.CONCEPTS`):
#: statements of aims. Programs and activities are compared by their own words and through
#: the national nomenclature, whose names are programs' and activities'.
CONCEPT_LEVELS = frozenset(
    {Level.VISION, Level.MISSION, Level.GOAL, Level.TARGET, Level.STRATEGY, Level.POLICY})


#: The levels whose statements join several aims and are also compared aim by aim
#: (:func:`~smartsync.matching.text.clauses`): missions and targets. A vision is one statement
#: of the region's future, compared whole.
CLAUSE_LEVELS = frozenset({Level.MISSION, Level.TARGET})
#: How much the best pair of aims of two statements counts against the statements' own score:
#: the pair scores ``max(score, CLAUSE_FACTOR * best pair of aims)``. Chosen on the development
#: sets (docs/matching.rst).
CLAUSE_FACTOR = 0.8


def generic_stems() -> frozenset[str]:
    """The stems weighed like generic planning words in every collection: the planning words
    every plan uses (:data:`~smartsync.matching.text.GENERIC_TERMS`) and the words naming a
    masterplan's means (:func:`~smartsync.matching.text.tool_terms`) and the names of the
    agencies that carry programs out (:func:`~smartsync.matching.text.agency_terms`)."""
    return GENERIC_TERMS | tool_terms() | agency_terms()


def _stems(text: str, concepts: bool = False) -> frozenset[str]:
    return frozenset(t.stem for t in (concept_terms(text) if concepts else terms(text)))


@attrs.frozen
class TermWeights:
    """How much each stem weighs when texts are compared.

    ``weight(stem) = (ln((documents + 1) / (df + 1)) + 1) * factor``, where
    ``df`` is the number of texts holding the stem and ``factor`` is
    :data:`GENERIC_FACTOR` for the ``generic`` stems and 1 otherwise. With no
    texts at all every stem weighs 1 (less the generic discount).

    >>> w = TermWeights.from_texts(["pelayanan kesehatan", "pelayanan pendidikan"])
    >>> w.weight("sehat") > w.weight("layan")
    True
    >>> TermWeights().weight("daerah") < TermWeights().weight("sehat")
    True
    """

    document_frequency: Mapping[str, int] = attrs.field(factory=dict)
    documents: int = 0
    generic: frozenset[str] = attrs.field(factory=lambda: generic_stems())
    generic_factor: float = GENERIC_FACTOR
    #: each stem's weight once worked out (the weights never change)
    _known: dict[str, float] = attrs.field(factory=dict, init=False, eq=False, repr=False)

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, generic_words: Iterable[str] = ()) -> "TermWeights":
        """Weights with document frequencies counted over ``texts``.

        ``generic_words`` are more words to discount, such as the region's name
        (they are stemmed like the texts).
        """
        df: dict[str, int] = {}
        n = 0
        for text in texts:
            n += 1
            for s in _stems(text):
                df[s] = df.get(s, 0) + 1
        extra = frozenset(t.stem for w in generic_words for t in terms(w))
        return cls(document_frequency=df, documents=n, generic=generic_stems() | extra)

    def weight(self, stem: str) -> float:
        """The weight of one stem."""
        found = self._known.get(stem)
        if found is not None:
            return found
        if self.documents:
            df = self.document_frequency.get(stem, 0)
            idf = math.log((self.documents + 1) / (df + 1)) + 1.0
        else:
            idf = 1.0
        found = idf * self.generic_factor if stem in self.generic else idf
        if len(self._known) < 200_000:
            self._known[stem] = found
        return found


_NO_PARTS: Mapping[str, tuple[str, ...]] = {}


@functools.lru_cache(maxsize=16384)
def _shape(text: str, concepts: bool = False
           ) -> tuple[tuple[str, ...], Mapping[str, str], frozenset[str], Mapping[str, tuple[str, ...]]]:
    """What a text's statement is made of whatever the weights: its stems (in stem order;
    with ``concepts``, each phrase of a concept one stem), the first word that gave each (in
    text order; shared by the statements of the text: never changed), the affairs it names
    (by its words, by the phrases of the nomenclature's field names and by its concepts),
    and each concept's stem with the stems of the words that wrote it."""
    written: dict[str, str] = {}
    found = terms(text)
    index = sector_stems()
    # the affairs by the words as written
    sectors = frozenset(sec for t in found for sec in index.get(t.stem, ()))
    sectors |= phrase_sectors([t.stem for t in found])
    if not concepts:
        for t in found:
            written.setdefault(t.stem, t.word)
        return tuple(sorted(written)), written, sectors, _NO_PARTS
    folded, parts = concept_parts(text)
    for t in folded:
        written.setdefault(t.stem, t.word)
    # a concept names the affairs any of its words names (genangan, as banjir: disasters)
    affairs = concept_sectors()
    sectors |= frozenset(sec for c in parts for sec in affairs.get(c, ()))
    return (tuple(sorted(written)), written, sectors,
            {c: tuple(sorted(raw)) for c, raw in parts.items()})


@attrs.frozen
class Statement:
    """A text ready to compare: its weighted stems, how it wrote them, its affairs.

    ``weights`` maps each stem to its weight (in stem order), ``words`` each stem to the first
    word of the text that gave it, ``norm`` is the vector's length,
    ``sectors`` the affairs of government the text names and ``generic`` its
    stems that are generic planning words.
    """

    weights: Mapping[str, float]
    words: Mapping[str, str]
    norm: float
    sectors: frozenset[str]
    generic: frozenset[str] = frozenset()
    #: the statements of the aims it joins (:func:`~smartsync.matching.text.clauses`), when it
    #: is compared aim by aim and joins more than one; empty otherwise
    clauses: "tuple[Statement, ...]" = ()
    #: the text of an aim (a statement of :attr:`clauses`); empty for a whole statement
    text: str = ""

    @property
    def topics(self) -> frozenset[str]:
        """What the statement is about, beyond its words: the affairs of government it names
        and the concepts it writes (less :data:`~smartsync.matching.text.NOT_TOPICS`)."""
        return self.sectors | frozenset(
            s for s in self.weights if s[:1] == CONCEPT_MARK and s not in NOT_TOPICS)

    @classmethod
    def of(cls, text: str, weights: TermWeights | None = None, concepts: bool = False,
           clauses: bool = False) -> "Statement":
        """The statement of ``text`` under ``weights`` (uniform when omitted); with
        ``concepts``, each phrase of a concept (:func:`~smartsync.matching.text.concept_terms`)
        is one term, the concept's, weighing what its words weighed together, and naming the
        affairs any word of the concept names; with ``clauses``, the statement also holds the
        statement of each aim it joins (:attr:`clauses`), when it joins more than one that
        says more than generic planning words."""
        tw = weights if weights is not None else TermWeights()
        stems, written, sectors, parts = _shape(text, concepts)
        weight = tw.weight
        known = tw._known  # each stem's weight once worked out: most are
        if parts:
            # a concept weighs what the words that wrote it weighed together (the root of the
            # sum of their squares): the statement's length is the same as by its words, and
            # sharing a concept counts as much as sharing those words would
            w = {s: math.sqrt(sum(weight(r) ** 2 for r in parts[s])) if s in parts
                 else known[s] if s in known else weight(s) for s in stems}
        else:
            w = {s: known[s] if s in known else weight(s) for s in stems}
        norm = math.sqrt(sum(v * v for v in w.values()))
        common = tw.generic
        generic = frozenset(s for s in stems if s in common)
        parts: tuple[Statement, ...] = ()
        if clauses:
            pieces = clauses_of(text)
            if len(pieces) > 1:
                built = [attrs.evolve(cls.of(piece, tw, concepts), text=piece) for piece in pieces]
                parts = tuple(p for p in built if any(t not in p.generic for t in p.weights))
                if len(parts) < 2:
                    parts = ()
        return cls(weights=w, words=written, norm=norm, sectors=sectors, generic=generic,
                   clauses=parts)

    def cosine(self, other: "Statement") -> float:
        """The cosine of the two word vectors, from 0 to 1; 0 when they share only generic words."""
        if not self.norm or not other.norm:
            return 0.0
        small, large = (self, other) if len(self.weights) <= len(other.weights) else (other, self)
        # both mappings are in stem order (see of()), so the shared stems are summed
        # in the same order whichever side is smaller: the score is symmetric to the bit
        get = large.weights.get
        # a stem is generic when either side counts it so (no union built per pair)
        ga, gb = self.generic, other.generic
        dot = 0.0
        content = False
        for s, w in small.weights.items():
            v = get(s)
            if v is not None:
                dot += w * v
                if not content and s not in ga and s not in gb:
                    content = True
        if not content:
            # generic planning words alone say nothing about what a statement is about
            return 0.0
        return min(1.0, dot / (self.norm * other.norm))


@attrs.frozen
class Comparison:
    """The score of two statements and why.

    ``evidence`` lists the words of the first text that the second shares (by
    stem), as the first text writes them, weightiest first, leaving out
    generic planning words unless nothing else is shared; ``affairs`` the
    affairs of government both texts name.
    """

    score: float  #: from 0 to 1, rounded to 6 decimals
    evidence: tuple[str, ...]
    affairs: tuple[str, ...] = ()
    #: the pair of aims that decided the score (the first text's aim, the second's: an empty
    #: text for a text compared whole), when the texts were compared aim by aim and the pair
    #: scored above the whole texts (:func:`deciding_aims`); else ``None``
    aims: "tuple[str, str] | None" = attrs.field(default=None, repr=False)


def _combine(cosine: float, a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return cosine
    common = a & b
    if not common:
        return cosine * SECTOR_MISMATCH_FACTOR
    jaccard = len(common) / len(a | b)
    return cosine + (1.0 - cosine) * SECTOR_BONUS * jaccard


def _whole(a: Statement, b: Statement) -> float:
    return min(1.0, max(0.0, _combine(a.cosine(b), a.sectors, b.sectors)))


def best_aims(a: Statement, b: Statement) -> "tuple[float, Statement, Statement] | None":
    """The best-scoring pair of aims of two statements of aims (each statement's
    :attr:`~Statement.clauses`, or the statement itself when it joins one aim) among those
    sharing a topic (an affair of government or a concept: :attr:`Statement.topics`), with its
    score; ``None`` when neither joins several aims or no pair shares a topic."""
    if not a.clauses and not b.clauses:
        return None
    best: tuple[float, Statement, Statement] | None = None
    for x in a.clauses or (a,):
        tx = x.topics
        if not tx:
            continue
        for y in b.clauses or (b,):
            if tx.isdisjoint(y.topics):
                continue
            score = _whole(x, y)
            if best is None or score > best[0]:
                best = (score, x, y)
    return best


def deciding_aims(a: Statement, b: Statement) -> "tuple[str, str] | None":
    """The texts of the pair of aims that decided the score of two statements of aims (the
    masterplan's aim, the RPJMD's: an empty text for a statement compared whole, of one aim),
    when their best pair of aims (:func:`best_aims`) scored above the whole statements; else
    ``None``."""
    if not a.clauses and not b.clauses:
        return None
    best = best_aims(a, b)
    if best is None or best[0] * CLAUSE_FACTOR <= _whole(a, b):
        return None
    return best[1].text, best[2].text


def score_statements(a: Statement, b: Statement) -> float:
    """The score of two prepared statements, from 0 to 1, rounded to 6 decimals: the score of
    their words and affairs, or, for statements joining several aims, :data:`CLAUSE_FACTOR`
    times the score of their best pair of aims (:func:`best_aims`) when that is higher."""
    score = _whole(a, b)
    if a.clauses or b.clauses:
        best = best_aims(a, b)
        if best is not None and best[0] * CLAUSE_FACTOR > score:
            score = best[0] * CLAUSE_FACTOR
    return round(score, 6)


def evidence_of(a: Statement, b: Statement) -> tuple[str, ...]:
    """The words of ``a`` that ``b`` shares, weightiest first (see :class:`Comparison`)."""
    common = [s for s in a.weights if s in b.weights]
    # generic planning words are evidence only when nothing else is shared
    common = [s for s in common if s not in a.generic] or common
    common.sort(key=lambda s: (-a.weights[s] * b.weights[s], a.words[s]))
    return tuple(dict.fromkeys(a.words[s] for s in common))


def affairs_of(a: Statement, b: Statement) -> tuple[str, ...]:
    """The affairs of government both prepared statements name, in name order."""
    return tuple(sorted(a.sectors & b.sectors))


def compare_statements(a: Statement, b: Statement) -> Comparison:
    """Compare two prepared statements (see :func:`compare`)."""
    return Comparison(score=score_statements(a, b), evidence=evidence_of(a, b), affairs=affairs_of(a, b),
                      aims=deciding_aims(a, b))


def _through_concepts(level: "Level | str | None") -> bool:
    return level is not None and Level.parse(level) in CONCEPT_LEVELS


def _by_clauses(level: "Level | str | None") -> bool:
    return level is not None and Level.parse(level) in CLAUSE_LEVELS


def compare(text_a: str, text_b: str, *, weights: TermWeights | None = None,
            level: "Level | str | None" = None) -> Comparison:
    """Score two texts and say why: the words they share, the affairs of government they share.

    ``weights`` default to uniform weights with generic planning words
    discounted; pass :meth:`TermWeights.from_texts` over the texts of a region
    (or of any collection) to discount what is common there. ``level``: the texts' level;
    statements of aims (a level of :data:`CONCEPT_LEVELS`: vision, mission, target ...) are
    compared through concepts, as :func:`~smartsync.matching.suggest_matches` compares them;
    programs, activities and texts of no level given by their own words.
    """
    concepts, parts = _through_concepts(level), _by_clauses(level)
    return compare_statements(Statement.of(text_a, weights, concepts, parts),
                              Statement.of(text_b, weights, concepts, parts))


def similarity(text_a: str, text_b: str, *, weights: TermWeights | None = None,
               level: "Level | str | None" = None) -> float:
    """How alike two texts are, from 0 (nothing shared) to 1 (the same terms); see :func:`compare`."""
    return compare(text_a, text_b, weights=weights, level=level).score
