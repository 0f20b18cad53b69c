"""Suggested matches for a region: every masterplan element against the RPJMD elements of its level."""

from __future__ import annotations

import math
import re
from typing import Iterable, Sequence

from ..model import Element, Level, Match, Region, Relation, Source
from .scoring import (
    SECTOR_BONUS,
    Statement,
    TermWeights,
    compare_statements,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP",
    "CODE_MISMATCH_FACTOR",
    "suggest_matches",
    "with_suggestions",
    "region_weights",
    "same_code",
]

#: The score a pair needs to be suggested; chosen on the tuning half of the
#: evaluation set (see docs/matching.rst).
DEFAULT_THRESHOLD = 0.38
#: At most this many suggestions per masterplan element.
DEFAULT_TOP = 3
#: The factor applied to the text score when both elements carry a program code
#: and the codes differ: the nomenclature says they are different programs.
CODE_MISMATCH_FACTOR = 0.5

#: stems shared by more pairs than this are left out of the inverted index and
#: handled by a bound (see _candidates)
_FREQUENT_PAIRS = 2_000


def _code_key(code: str | None) -> str | None:
    """A program code folded so that ``2.16.02``, ``2.16.2`` and ``02.16.02`` are one."""
    if code is None:
        return None
    parts = re.findall(r"[0-9A-Za-z]+", code)
    if not parts:
        return None
    return ".".join(str(int(p)) if p.isdigit() else p.casefold() for p in parts)


def same_code(a: str | None, b: str | None) -> bool | None:
    """Whether two program codes name the same program; ``None`` when either is missing.

    >>> same_code("2.16.02", "2.16.2"), same_code("2.16.02", "2.16.03"), same_code("2.16.02", None)
    (True, False, None)
    """
    ka, kb = _code_key(a), _code_key(b)
    if ka is None or kb is None:
        return None
    return ka == kb


def region_weights(region: Region) -> TermWeights:
    """Term weights for a region: document frequencies over every element of both plans.

    The region's name and province are discounted like generic planning words.
    """
    texts = [e.text for e in region.rpjmd.elements] + [e.text for e in region.masterplan.elements]
    generic = [region.name] + ([region.province] if region.province else [])
    return TermWeights.from_texts(texts, generic_words=generic)


def _check_args(threshold: float, top: int | None) -> None:
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or math.isnan(threshold):
        raise TypeError(f"threshold must be a number from 0 to 1, got {threshold!r}")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be from 0 to 1, got {threshold}")
    if top is not None:
        if isinstance(top, bool) or not isinstance(top, int):
            raise TypeError(f"top must be a whole number of suggestions or None, got {top!r}")
        if top < 1:
            raise ValueError(f"top must be at least 1, got {top}")


def _score(a: Element, sa: Statement, b: Element, sb: Statement) -> tuple[float, tuple[str, ...]]:
    comparison = compare_statements(sa, sb)
    same = same_code(a.code, b.code)
    if same is True:
        return 1.0, (f"code:{a.code}",) + comparison.evidence
    if same is False:
        return comparison.score * CODE_MISMATCH_FACTOR, comparison.evidence
    return comparison.score, comparison.evidence


def _candidates(
    masterplan: Sequence[Statement],
    rpjmd: Sequence[Statement],
    threshold: float,
) -> list[set[int]]:
    """For each masterplan statement, the RPJMD statements that may reach ``threshold``.

    Exact, not a heuristic. A pair below the threshold may be listed, a pair
    that reaches it never missed:

    - the text score needs a shared stem unless ``threshold <= SECTOR_BONUS``
      (then a shared affair alone may do, and pairs sharing an affair are listed);
    - stems shared by few pairs are looked up in an inverted index;
    - for a pair that shares only frequent stems, the cosine is at most the
      product of the two vectors' shares of length in frequent stems
      (Cauchy-Schwarz), so only pairs where that product can reach the
      threshold are listed, found by walking both sides in decreasing order.
    """
    out: list[set[int]] = [set() for _ in masterplan]
    postings: dict[str, list[int]] = {}
    for j, sb in enumerate(rpjmd):
        for stem in sb.weights:
            postings.setdefault(stem, []).append(j)
    mp_df: dict[str, int] = {}
    for sa in masterplan:
        for stem in sa.weights:
            mp_df[stem] = mp_df.get(stem, 0) + 1
    frequent = {s for s, n in mp_df.items() if n * len(postings.get(s, ())) > _FREQUENT_PAIRS}

    for i, sa in enumerate(masterplan):
        found = out[i]
        for stem in sa.weights:
            if stem not in frequent:
                found.update(postings.get(stem, ()))

    if threshold <= SECTOR_BONUS:
        by_sector: dict[str, list[int]] = {}
        for j, sb in enumerate(rpjmd):
            for sec in sb.sectors:
                by_sector.setdefault(sec, []).append(j)
        for i, sa in enumerate(masterplan):
            for sec in sa.sectors:
                out[i].update(by_sector.get(sec, ()))

    if frequent:
        # the least cosine that can still reach the threshold with the affair bonus
        need = max(0.0, (threshold - SECTOR_BONUS) / (1.0 - SECTOR_BONUS))

        def share(s: Statement) -> float:
            if not s.norm:
                return 0.0
            return math.sqrt(sum(w * w for t, w in s.weights.items() if t in frequent)) / s.norm

        rp_shares = sorted(((share(sb), j) for j, sb in enumerate(rpjmd)), reverse=True)
        for i, sa in enumerate(masterplan):
            fa = share(sa)
            if fa == 0.0:
                continue
            for fb, j in rp_shares:
                if fb == 0.0 or fa * fb < need:
                    break
                out[i].add(j)
    return out


def _suggest_level(
    mps: Sequence[Element],
    rps: Sequence[Element],
    weights: TermWeights,
    threshold: float,
    top: int | None,
    taken: set[tuple[str, str]],
    relation: Relation,
) -> list[Match]:
    sa_list = [Statement.of(e.text, weights) for e in mps]
    sb_list = [Statement.of(e.text, weights) for e in rps]
    candidates = _candidates(sa_list, sb_list, threshold)
    by_code: dict[str, list[int]] = {}
    for j, e in enumerate(rps):
        key = _code_key(e.code)
        if key is not None:
            by_code.setdefault(key, []).append(j)
    out: list[Match] = []
    for i, a in enumerate(mps):
        pool = candidates[i]
        key = _code_key(a.code)
        if key is not None:
            pool = pool | set(by_code.get(key, ()))
        scored: list[tuple[float, str, tuple[str, ...]]] = []
        for j in pool:
            b = rps[j]
            if (a.id, b.id) in taken:
                continue
            score, evidence = _score(a, sa_list[i], b, sb_list[j])
            score = round(score, 4)
            if score >= threshold and score > 0.0:
                scored.append((score, b.id, evidence))
        scored.sort(key=lambda x: (-x[0], x[1]))
        if top is not None:
            scored = scored[:top]
        out.extend(
            Match(
                masterplan=a.id,
                rpjmd=rid,
                relation=relation,
                source=Source.SUGGESTED,
                score=score,
                evidence=evidence,
            )
            for score, rid, evidence in scored
        )
    return out


def suggest_matches(
    region: Region,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    top: int | None = DEFAULT_TOP,
    relation: Relation | str = Relation.ALIGNED,
    levels: Iterable[Level | str] | None = None,
) -> tuple[Match, ...]:
    """New matches suggested from the texts, for a person to confirm.

    Every masterplan element is compared with the RPJMD elements of the same
    level (``levels`` limits which levels; all by default). A pair is suggested
    when its score (:func:`smartsync.matching.compare`, with
    :func:`region_weights`) reaches ``threshold``; when both elements carry a
    program code, equal codes score 1 and different codes multiply the text
    score by :data:`CODE_MISMATCH_FACTOR`. At most ``top`` suggestions are kept
    per masterplan element (``None``: all).

    Only *new* suggestions are returned: a pair that already has a match in
    ``region.matches`` (manual or suggested) is never suggested again. Each
    suggestion has ``source`` suggested, the ``relation`` given (``aligned``
    by default: the weakest claim, which a reviewer may raise to ``derived`` or
    ``adopted``), the ``score`` rounded to 4 decimals and the shared terms as
    ``evidence``. The result is sorted by score, highest first, then by
    masterplan id and RPJMD id; it does not depend on the order of elements in
    the plans.

    Raises :class:`ValueError` (or :class:`TypeError`) for a threshold outside
    0 to 1 or a ``top`` below 1.
    """
    _check_args(threshold, top)
    rel = Relation.parse(relation)
    wanted = None if levels is None else {Level.parse(x) for x in levels}
    weights = region_weights(region)
    taken = {m.key for m in region.matches}
    out: list[Match] = []
    for level in Level:
        if wanted is not None and level not in wanted:
            continue
        mps = sorted(region.masterplan.at(level), key=lambda e: e.id)
        rps = sorted(region.rpjmd.at(level), key=lambda e: e.id)
        if mps and rps:
            out.extend(_suggest_level(mps, rps, weights, threshold, top, taken, rel))
    out.sort(key=lambda m: (-(m.score or 0.0), m.masterplan, m.rpjmd))
    return tuple(out)


def with_suggestions(
    region: Region,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    top: int | None = DEFAULT_TOP,
    relation: Relation | str = Relation.ALIGNED,
    levels: Iterable[Level | str] | None = None,
) -> Region:
    """The region with :func:`suggest_matches` added after its own matches.

    The region's matches are kept as they are, in their order; the
    suggestions follow, in the order :func:`suggest_matches` gives.
    """
    new = suggest_matches(region, threshold=threshold, top=top, relation=relation, levels=levels)
    if not new:
        return region
    import attrs

    return attrs.evolve(region, matches=tuple(region.matches) + new)
