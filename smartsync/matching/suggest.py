"""Suggested matches for a region: every masterplan element against the RPJMD elements of its level."""

from __future__ import annotations

import bisect
import functools
import math
import re
from typing import Callable, Iterable, Sequence, cast

from ..model import Element, Level, Match, Region, Relation, Source
from .bridge import Bridge, Bridger
from .nomenclature import Entry, Nomenclature, Placement
from .text import terms
from .scoring import (
    CLAUSE_LEVELS,
    CONCEPT_LEVELS,
    SECTOR_BONUS,
    SECTOR_MISMATCH_FACTOR,
    Statement,
    TermWeights,
    _stems,
    affairs_of,
    deciding_aims,
    evidence_of,
    score_statements,
)

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_TOP",
    "CODE_MISMATCH_FACTOR",
    "suggest_matches",
    "with_suggestions",
    "region_weights",
    "same_code",
    "suggestions_for",
    "top_candidates",
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
_FREQUENT_PAIRS = 20_000


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


def _score(ka: str | None, sa: Statement, kb: str | None, sb: Statement) -> float:
    """The score of two statements whose elements' program codes are ``ka`` and ``kb``
    (folded by :func:`_code_key`; ``None`` when missing)."""
    same = None if ka is None or kb is None else ka == kb
    if same is True:
        return 1.0
    score = score_statements(sa, sb)
    return score * CODE_MISMATCH_FACTOR if same is False else score


_SAID: dict[tuple[object, ...], str] = {}


def _said(key: str, lang: str, **values: object) -> str:
    """The catalog's message ``key`` in ``lang`` with ``values`` (kept once made: a region's
    thousands of suggestions say a few hundred different things)."""
    from ..messages import text

    memo = (key, lang, *((k, tuple(v) if isinstance(v, list) else v)
                         for k, v in sorted(values.items())))
    found = _SAID.get(memo)
    if found is None:
        if len(_SAID) > 20_000:
            _SAID.clear()
        found = _SAID[memo] = text(key, lang, **values)
    return found


_NOTES: dict[tuple[object, ...], str | None] = {}


_WORDS = re.compile(r"\w+")


def word_for_word(a: str, b: str) -> bool:
    """Whether two statements are the same words in the same order: case, accents, quotes,
    punctuation and spacing aside ("Terwujudnya Kota Uji yang Maju." is
    "“terwujudnya kota uji yang maju”"). Such a pair is a statement taken over: a suggestion
    of it is ``adopted`` rather than ``aligned``."""
    first = _folded_words(a)
    return bool(first) and first == _folded_words(b)


@functools.lru_cache(maxsize=16384)
def _folded_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, case and accents folded (each distinct text once: a statement
    is in many suggestions)."""
    folded = text.casefold()
    if folded.isascii():  # most plan texts: nothing to decompose
        return tuple(_WORDS.findall(folded))
    import unicodedata

    folded = unicodedata.normalize("NFKD", folded)
    return tuple(_WORDS.findall("".join(ch for ch in folded if not unicodedata.combining(ch))))


def _note(a: Element, sa: Statement, b: Element, sb: Statement, lang: str = "en") -> str | None:
    """What a suggestion rests on besides shared words: the program code, the affairs
    (in the language ``lang``: the note is written to the file and read by planners)."""
    code = a.code if a.code is not None and b.code is not None and same_code(a.code, b.code) \
        else None
    affairs = affairs_of(sa, sb)
    aims = deciding_aims(sa, sb)
    if aims is not None:  # the whole text of a statement compared whole
        aims = (aims[0] or a.text, aims[1] or b.text)
    memo = (lang, code, affairs, aims)
    if memo in _NOTES:  # a region's thousands of suggestions say a few hundred things
        return _NOTES[memo]
    text = _said
    parts = []
    if code is not None:
        parts.append(text("match.note.same_code", lang, code=str(code)))
    if aims is not None:
        parts.append(text("match.note.aims", lang, masterplan=aims[0], rpjmd=aims[1]))
    if affairs:
        parts.append(text("match.note.shared_affairs", lang, affairs=list(affairs)))
    if len(_NOTES) > 20_000:
        _NOTES.clear()
    found = _NOTES[memo] = "; ".join(parts) or None
    return found


def _bridge_note(a: Element, sa: Statement, b: Element, sb: Statement, bridge: Bridge,
                 lang: str) -> str:
    """The note of a suggestion the nomenclature bridged: the entry it went through, how the
    RPJMD program was placed when it had no code, and what :func:`_note` says besides."""
    text = _said
    parts = [text("match.note.bridge", lang, level=bridge.entry.level, code=bridge.entry.code,
                  name=bridge.entry.name)]
    if bridge.placement is not None:
        parts.append(text("match.note.placed", lang, code=bridge.program.code,
                          confidence=bridge.placement.confidence))
        aside = bridge.placement.set_aside
        if aside is not None:  # the RPJMD program's code was not followed: why
            parts.append(text("match.note.code_unknown", lang, code=aside.code)
                         if aside.entry is None else
                         text("match.note.code_set_aside", lang, code=aside.entry.code,
                              name=aside.entry.name))
    rest = _note(a, sa, b, sb, lang)
    if rest:
        parts.append(rest)
    return "; ".join(parts)


def _candidates(
    masterplan: Sequence[Statement | None],
    rpjmd: Sequence[Statement],
    threshold: float,
    bar: Callable[[int, dict[int, float]], float] | None = None,
    wanted: Sequence[bool] | None = None,
    masterplan_stems: Sequence[Iterable[str]] | None = None,
) -> list[dict[int, float]]:
    """For each masterplan statement, the RPJMD statements whose score may reach ``threshold``,
    each with an upper bound of its score (program codes aside).

    Exact, not a heuristic: a pair below the threshold may be listed, a pair
    that reaches it (and, with ``bar``, the bar) is never missed, and no score
    exceeds its bound. Comparing every pair of two plans of 2000 programs each
    would score 4 million pairs; instead:

    - stems shared by few pairs are looked up in an inverted index, which
      gives each pair's exact partial dot product over those stems;
    - for the frequent stems (shared by more than ``_FREQUENT_PAIRS`` pairs),
      the rest of the dot product is at most the product of the two vectors'
      lengths in frequent stems (Cauchy-Schwarz);
    - that bound, with the best the pair's affairs can add, must reach the
      threshold. Pairs sharing no rare stem are found by walking the RPJMD
      statements in decreasing order of their frequent share (pairs that
      share no affair), or through the affairs they share.

    ``bar(i, partial)``, when given, may raise the score masterplan statement
    ``i``'s pairs must reach above ``threshold``, from its partial dot
    products: :func:`_suggest_level` scores the most promising pairs first and
    returns the top-th best score, which no pair below it can displace.

    ``wanted``, when given, says which masterplan statements to look at; the others get
    no candidates (the statistics above still count every statement, so a wanted
    statement's candidates are the same as without ``wanted``). A statement not wanted
    may be ``None`` when ``masterplan_stems`` gives each statement's stems (what the
    statistics count): then it is never built.
    """
    eps = 1e-4  # scores are rounded to 4 decimals before the threshold applies
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, sb in enumerate(rpjmd):
        for stem, wb in sb.weights.items():
            postings.setdefault(stem, []).append((j, wb))
    mp_df: dict[str, int] = {}
    for stems in (masterplan_stems if masterplan_stems is not None
                  else [sa.weights for sa in masterplan if sa is not None]):
        for stem in stems:
            mp_df[stem] = mp_df.get(stem, 0) + 1
    frequent = {t for t, n in mp_df.items() if n * len(postings.get(t, ())) > _FREQUENT_PAIRS}

    def frequent_norm(s: Statement) -> float:
        return math.sqrt(sum(w * w for t, w in s.weights.items() if t in frequent))

    rp_freq = [frequent_norm(sb) for sb in rpjmd]
    rp_inv = [1.0 / sb.norm if sb.norm else 0.0 for sb in rpjmd]
    rp_fshare = [f * inv for f, inv in zip(rp_freq, rp_inv)]
    # affairs as bit masks: intersections and unions without building sets
    sector_bit: dict[str, int] = {}
    for sb in list(rpjmd) + [sa for sa in masterplan if sa is not None]:
        for sec in sorted(sb.sectors):
            sector_bit.setdefault(sec, 1 << len(sector_bit))

    def mask(s: Statement) -> int:
        m = 0
        for sec in s.sectors:
            m |= sector_bit[sec]
        return m

    rp_mask = [mask(sb) for sb in rpjmd]
    # each RPJMD statement's frequent stems with their weights: statements with the same ones
    # (texts sharing a prefix, names sharing the decree's frame words) share one signature, and
    # a masterplan statement's frequent part with a signature is worked out once
    signature_of: dict[tuple[tuple[str, float], ...], int] = {}
    signatures: list[dict[str, float]] = []
    rp_signature: list[int] = []
    for sb in rpjmd:
        items = tuple((t, w) for t, w in sb.weights.items() if t in frequent)
        k = signature_of.get(items)
        if k is None:
            k = signature_of[items] = len(signatures)
            signatures.append(dict(items))
        rp_signature.append(k)
    rp_share = sorted(
        ((rp_freq[j] / sb.norm if sb.norm else 0.0, j) for j, sb in enumerate(rpjmd)),
        key=lambda x: (-x[0], x[1]),
    )
    # per affair, its RPJMD statements in decreasing order of frequent share
    by_sector: dict[str, list[tuple[float, int]]] = {}
    for share, j in rp_share:
        for sec in rpjmd[j].sectors:
            by_sector.setdefault(sec, []).append((share, j))
    bonus, mismatch = SECTOR_BONUS, SECTOR_MISMATCH_FACTOR

    out: list[dict[int, float]] = []
    for i, sa in enumerate(masterplan):
        found: dict[int, float] = {}
        out.append(found)
        if (wanted is not None and not wanted[i]) or sa is None or not sa.norm:
            continue
        partial: dict[int, float] = {}
        get = partial.get
        for stem, wa in sa.weights.items():
            if stem in frequent:
                continue
            for j, wb in postings.get(stem, ()):
                partial[j] = get(j, 0.0) + wa * wb
        need = threshold if bar is None else max(threshold, bar(i, partial))
        # the least cosine a pair sharing an affair needs (when it shares all of them)
        need_with_affair = (need - bonus) / (1.0 - bonus) - eps
        fa = frequent_norm(sa)
        fa_share = fa / sa.norm
        extra: set[int] = set()
        for sec in sa.sectors:
            # pairs sharing an affair but no rare stem: their cosine is at most fa_share * share
            for share, j in by_sector.get(sec, ()):
                if fa_share * share < need_with_affair:
                    break
                extra.add(j)
        if fa:
            # pairs sharing no rare stem and no affair: the cosine alone must reach the threshold
            for share, j in rp_share:
                if share == 0.0 or fa_share * share < need - eps:
                    break
                extra.add(j)
        for j in extra:
            if j not in partial:
                partial[j] = 0.0
        # each pair's bound: the cosine's bound, then what its affairs can do (the hot loop;
        # statements without stems are in no posting list, so every j here has a norm)
        inv_na = 1.0 / sa.norm
        ma = mask(sa)
        # most pairs fail the first test (the cosine's bound with every affair shared): it
        # is one comprehension
        if ma:
            # the least bound a pair needs by what its affairs can do: sharing one (at best all
            # of them), naming none (the cosine alone), naming others (the cosine halved)
            plain, apart = need - eps, (need - eps) / mismatch
            passing = [(j, dot) for j, dot in partial.items()
                       if dot * inv_na * rp_inv[j] + fa_share * rp_fshare[j] + eps
                       >= (need_with_affair if ma & rp_mask[j] else
                           apart if rp_mask[j] else plain)]
        else:
            passing = [(j, dot) for j, dot in partial.items()
                       if dot * inv_na * rp_inv[j] + fa_share * rp_fshare[j] + eps >= need - eps]
        # the frequent stems' part of a passing pair's dot product, exactly (few stems, few
        # pairs): the bound is then the cosine itself, and the pairs scored in full are the
        # ones that can enter the top
        mine_frequent = [(t, w) for t, w in sa.weights.items() if t in frequent] if fa else ()
        frequent_dot: dict[int, float] = {}
        for j, dot in passing:
            if mine_frequent:
                k = rp_signature[j]
                part = frequent_dot.get(k)
                if part is None:
                    theirs = signatures[k]
                    part = 0.0
                    for t, w in mine_frequent:
                        v = theirs.get(t)
                        if v is not None:
                            part += w * v
                    frequent_dot[k] = part
                dot += part
            c = dot * inv_na * rp_inv[j] + eps
            if c > 1.0:
                c = 1.0
            mb = rp_mask[j]
            if ma and mb:
                common = ma & mb
                if common:
                    bound = c + (1.0 - c) * bonus * common.bit_count() / (ma | mb).bit_count()
                else:
                    bound = c * mismatch
            else:
                bound = c
            if bound + eps >= need:
                found[j] = bound + eps
    return out


def _terms_key(text: str) -> tuple[tuple[str, str], ...]:
    """What a text's score depends on: its terms in order (a statement's affairs and concepts
    are phrases: words in a row), each stem with the word that gave it. Texts identical but
    for a number, for punctuation or for case score alike."""
    return tuple((t.stem, t.word) for t in terms(text))


def _classes(elements: Sequence[Element], key: Callable[[Element], object]
             ) -> tuple[list[Element], list[list[int]], list[int]]:
    """Elements that score alike, grouped: (a representative per class, the members of each
    class in the elements' order, each element's class)."""
    index: dict[object, int] = {}
    reps: list[Element] = []
    members: list[list[int]] = []
    class_of: list[int] = []
    for i, e in enumerate(elements):
        k = key(e)
        c = index.get(k)
        if c is None:
            c = index[k] = len(reps)
            reps.append(e)
            members.append([])
        members[c].append(i)
        class_of.append(c)
    return reps, members, class_of


def _suggest_level(
    mps: Sequence[Element],
    rps: Sequence[Element],
    weights: TermWeights,
    threshold: float,
    top: int | None,
    taken: set[tuple[str, str]],
    relation: Relation,
    lang: str = "en",
    only: frozenset[str] | None = None,
    bridger: Bridger | None = None,
    concepts: bool = False,
    by_clauses: bool = False,
) -> list[Match]:
    """The suggestions for the elements of one level (``mps`` and ``rps`` sorted by id);
    with ``only``, for the masterplan elements of those ids alone (the others are
    compared with nothing).

    Elements with the same terms (and program code) score alike, so each *class* of equal
    elements is compared once (texts that differ only by a number, punctuation or case
    are one class): plans where hundreds of programs share one sentence ("Program
    Penunjang Urusan Pemerintahan Daerah...") cost what their distinct texts cost, and no
    table of every pair is kept (the exact scores of one masterplan class are dropped once
    its elements are done)."""
    mp_reps, mp_members, _ = _classes(mps, lambda e: (_terms_key(e.text), e.code))
    rp_reps, rp_members, rp_class = _classes(rps, lambda e: (_terms_key(e.text), _code_key(e.code),
                                                             e.nomenclature))
    # each element's program code folded once, not at each pair it is scored in
    mp_keys = [_code_key(e.code) for e in mp_reps]
    rp_codes = [_code_key(e.code) for e in rp_reps]
    wanted = None if only is None else [any(mps[i].id in only for i in members)
                                        for members in mp_members]
    # a masterplan class not asked about is compared with nothing: only its stems count
    # (in the statistics of which stems are frequent), its statement is never built
    sa_list: list[Statement | None] = [
        Statement.of(e.text, weights, concepts, by_clauses) if wanted is None or wanted[c] else None
        for c, e in enumerate(mp_reps)]
    sb_list = [Statement.of(e.text, weights, concepts, by_clauses) for e in rp_reps]
    rp_ids = [e.id for e in rps]
    taken_by: dict[str, set[str]] = {}
    for mid, rid in taken:
        taken_by.setdefault(mid, set()).add(rid)
    exact: dict[int, dict[int, float]] = {}
    # through the nomenclature: each RPJMD class's program, each masterplan class's reach
    rp_program: list[tuple[Entry | None, Placement | None]] = []
    reached: dict[int, dict[str, tuple[int, float]]] = {}
    from . import bridge as bridge_module

    bridge_factor = bridge_module.BRIDGE_FACTOR
    if bridger is not None:
        rp_program = [bridger.program_for(e.text, e.code, e.nomenclature) for e in rp_reps]
        present = {p.code for p, _ in rp_program if p is not None}
        if present:
            # only a bridge score that can reach the threshold (once rounded) can count
            reach = bridger.reacher(present, floor=(threshold - 2e-4) / bridge_factor)
            for c, e in enumerate(mp_reps):
                if wanted is None or wanted[c]:
                    reached[c] = reach(e.text)

    def bridge_score(c: int, d: int) -> float:
        """The bridge score of a pair of classes (0 without a bridge)."""
        if bridger is None:
            return 0.0
        program, placement = rp_program[d]
        if program is None:
            return 0.0
        hit = reached.get(c, {}).get(program.code)
        if hit is None:
            return 0.0
        return hit[1] * bridge_factor * (placement.confidence if placement is not None else 1.0)

    words_only: dict[int, dict[int, float]] = {}  # the words' part of each exact score

    def score_of(c: int, d: int) -> float:
        row = exact.get(c)
        if row is None:
            row = exact[c] = {}
            words_only[c] = {}
        value = row.get(d)
        if value is None:
            value = _score(mp_keys[c], cast(Statement, sa_list[c]), rp_codes[d], sb_list[d])
            words_only[c][d] = round(value, 4)
            if bridger is not None:
                through = bridge_score(c, d)
                if through > value:
                    if (mp_keys[c] is not None and rp_codes[d] is not None
                            and mp_keys[c] != rp_codes[d]):
                        through *= CODE_MISMATCH_FACTOR
                    value = max(value, through)
            value = row[d] = round(value, 4)
        return value

    notes: dict[tuple[int, int], tuple[str | None, tuple[str, ...]]] = {}

    def note_of(a: Element, c: int, b: Element, d: int) -> tuple[str | None, tuple[str, ...]]:
        """The note and evidence of a suggestion (the same for every pair of the two
        classes: kept once made)."""
        found = notes.get((c, d))
        if found is None:
            if len(notes) > 100_000:
                notes.clear()
            found = notes[(c, d)] = make_note(a, c, b, d)
        return found

    bridges: dict[tuple[int, str, int], Bridge] = {}

    def make_note(a: Element, c: int, b: Element, d: int) -> tuple[str | None, tuple[str, ...]]:
        """The note and evidence of a suggestion: the bridge when it decided the score."""
        sa, sb = cast(Statement, sa_list[c]), sb_list[d]
        score = score_of(c, d)
        if bridger is not None and score > words_only[c][d]:
            program, placement = rp_program[d]
            code = cast(Entry, program).code
            # the RPJMD classes of one program (and placement) share their bridge
            key = (c, code, id(placement))
            found = bridges.get(key)
            if found is None:
                i, raw = reached[c][code]
                found = bridges[key] = bridger.found(a.text, i, raw, cast(Entry, program),
                                                     placement)
            return _bridge_note(a, sa, b, sb, found, lang), found.evidence or evidence_of(sa, sb)
        return _note(a, sa, b, sb, lang), evidence_of(sa, sb)

    def done_in(c: int) -> set[str]:
        """The RPJMD ids some element of masterplan class ``c`` already has a match with."""
        done: set[str] = set()
        for i in mp_members[c]:
            done |= taken_by.get(mps[i].id, set())
        return done

    def bar(c: int, partial: dict[int, float]) -> float:
        """The top-th best score among the pairs with the largest partial dot products (a
        lower bound of every member's own top-th best score)."""
        assert top is not None
        done = done_in(c) if taken_by else set()
        # any seeds give a lower bound of the top-th best score (the bar only leaves out pairs
        # that provably cannot enter the top); the largest partial products make it high
        # (one sort in C: a heap of the few largest walks every pair in Python)
        seeds = sorted(partial, key=partial.__getitem__, reverse=True)[:top + 2]
        scores: list[float] = []
        for d in seeds:
            free = sum(1 for j in rp_members[d] if rp_ids[j] not in done) if done \
                else len(rp_members[d])
            scores.extend([score_of(c, d)] * min(free, top))
        scores.sort(reverse=True)
        return scores[top - 1] if len(scores) >= top else 0.0

    candidates = (_candidates(sa_list, sb_list, threshold, bar if top is not None else None)
                  if wanted is None else
                  _candidates(sa_list, sb_list, threshold, bar if top is not None else None,
                              wanted=wanted,
                              masterplan_stems=[_stems(e.text, concepts) for e in mp_reps]))
    if by_clauses:
        # statements joining several aims also score their best pair of aims sharing a topic
        # (scoring.best_aims), which the bounds of the words do not bound: every pair of classes
        # sharing a topic, one of them joining several aims, is scored (missions and targets:
        # tens of statements, not thousands)
        def topics(s: Statement) -> frozenset[str]:
            return s.topics.union(*(x.topics for x in s.clauses))

        by_topic: dict[str, list[int]] = {}
        for d, sb in enumerate(sb_list):
            for t in sorted(topics(sb)):
                by_topic.setdefault(t, []).append(d)
        for c, sa in enumerate(sa_list):
            if sa is None:
                continue
            row = candidates[c]
            near = {d for t in topics(sa) for d in by_topic.get(t, ())}
            for d in sorted(near):
                if not (sa.clauses or sb_list[d].clauses):
                    continue
                score = score_of(c, d)
                if score >= threshold and score + 1e-4 > row.get(d, 0.0):
                    row[d] = score + 1e-4
    by_program: dict[str, list[int]] = {}
    for d, (program, _) in enumerate(rp_program):
        if program is not None:
            by_program.setdefault(program.code, []).append(d)
    for members in by_program.values():
        # best bridge first: by placement confidence, then RPJMD id (the order ties are kept in)
        members.sort(key=lambda d: (-(rp_program[d][1].confidence if rp_program[d][1] else 1.0),
                                    rp_ids[rp_members[d][0]]))
    for c, found in reached.items():
        # pairs the nomenclature bridges, with their bridge score as their bound. Every RPJMD
        # class of one program is bridged alike (its placement aside): past the first
        # top + (pairs already taken) classes that the words alone do not reach, the others
        # rank below them and cannot enter the top (plans whose programs all sit in a few
        # nomenclature programs would otherwise make every pair a candidate)
        row = candidates[c]
        limit = None
        if top is not None and mp_keys[c] is None:
            limit = top + len(done_in(c))
        for code, (_, raw) in found.items():
            if raw * bridge_factor + 1e-4 < threshold:
                continue  # no placement raises a bridge score
            added = 0
            for d in by_program[code]:
                through = bridge_score(c, d)
                if through + 1e-4 < threshold:
                    break  # sorted by confidence: the rest are lower
                if through + 1e-4 > row.get(d, 0.0):
                    known = d in row
                    row[d] = through + 1e-4
                    if not known:
                        added += 1
                        if limit is not None and added >= limit:
                            break
    by_code: dict[str, list[int]] = {}
    for d, code in enumerate(rp_codes):
        if code is not None:
            by_code.setdefault(code, []).append(d)
    out: list[Match] = []
    for c, a_rep in enumerate(mp_reps):
        bounds = candidates[c]
        key = mp_keys[c]
        if key is not None:
            bounds = dict(bounds)
            for d in by_code.get(key, ()):
                bounds[d] = 1.0
        ranked = []
        for d, bound in bounds.items():
            if key is not None and rp_codes[d] is not None and rp_codes[d] != key:
                bound *= CODE_MISMATCH_FACTOR
            if bound >= threshold:
                ranked.append((-bound, rp_ids[rp_members[d][0]], d))
        ranked.sort()
        sa = sa_list[c]
        for i in mp_members[c]:
            a = mps[i]
            if only is not None and a.id not in only:
                continue
            assert sa is not None  # a class holding an element asked about is built
            done = taken_by.get(a.id, ())
            scored: list[tuple[float, str, int]] = []  # (-score, RPJMD id, index), best first
            for minus_bound, _, d in ranked:
                # every score is below its bound: once the bound falls below the top-th
                # best score so far, nothing later can enter the top
                if top is not None and len(scored) >= top and -minus_bound < -scored[top - 1][0]:
                    break
                score = score_of(c, d)
                if not (score >= threshold and score > 0.0):
                    continue
                added = 0
                for j in rp_members[d]:  # in id order: past the top-th, ties cannot enter
                    if rp_ids[j] in done:
                        continue
                    bisect.insort(scored, (-score, rp_ids[j], j))
                    added += 1
                    if top is not None and added >= top:
                        break
                if top is not None:
                    del scored[top:]
            for minus_score, rid, j in scored:
                note, evidence = note_of(a, c, rps[j], rp_class[j])
                said = relation
                if relation is Relation.ALIGNED and word_for_word(a.text, rps[j].text):
                    # the RPJMD's statement taken over word for word: adopted, said in the note
                    # (newuser F203); texts that differ leave derived or adopted to a reviewer
                    said = Relation.ADOPTED
                    same = _said("match.note.word_for_word", lang)
                    note = f"{same}; {note}" if note else same
                out.append(Match(masterplan=a.id, rpjmd=rid, relation=said,
                                 source=Source.SUGGESTED, score=-minus_score, note=note,
                                 evidence=evidence))
        exact.pop(c, None)
        words_only.pop(c, None)
    return out


def suggest_matches(
    region: Region,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    top: int | None = DEFAULT_TOP,
    relation: Relation | str = Relation.ALIGNED,
    levels: Iterable[Level | str] | None = None,
    lang: str = "en",
    nomenclature: str | Nomenclature | bool | None = None,
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
    ``region.matches`` (manual or suggested), or that a reviewer rejected
    (``region.rejected``), is never suggested again. Each
    suggestion has ``source`` suggested, the ``relation`` given (``aligned``
    by default: the weakest claim, which a reviewer may raise to ``derived`` or
    ``adopted``), the ``score`` rounded to 4 decimals, the shared words as
    ``evidence`` (as the masterplan element writes them), and a ``note``
    naming an equal program code and the shared affairs of government, when
    there are any, in the language ``lang`` (``"en"`` or ``"id"``). The result
    is sorted by score, highest first, then by
    masterplan id and RPJMD id; it does not depend on the order of elements in
    the plans. ``levels`` is a level or several (``"program"``, ``["target",
    "program"]``).

    Programs are also matched through the national program nomenclature
    (:mod:`smartsync.matching.bridge`): an RPJMD program inherits the words of the
    activities under its code (or under the program its name places it in), and a pair
    scores the better of its text score and the score of the activity that bridges it;
    the note then names that activity ("via sub-kegiatan ..."). ``nomenclature`` chooses
    the version (a version string or a loaded
    :class:`~smartsync.matching.nomenclature.Nomenclature`; ``False``: words alone); by
    default the region's own ``nomenclature`` field, else the default version.

    Raises :class:`ValueError` (or :class:`TypeError`) for a threshold outside
    0 to 1 or a ``top`` below 1.
    """
    if not isinstance(region, Region):
        raise TypeError(f"suggest_matches takes a smartsync.Region, got {type(region).__name__}")
    _check_args(threshold, top)
    return _suggest(region, threshold, top, relation, levels, lang, None, nomenclature)


def suggestions_for(region: Region, masterplan_ids: Iterable[str], *,
                    levels: Iterable[Level | str] | None = None) -> tuple[Match, ...]:
    """What :func:`suggest_matches` (with its default threshold, top and relation) suggests
    for the masterplan elements ``masterplan_ids`` alone: the same matches in the same
    order, without comparing the other masterplan elements with anything. The advice
    asks this for the few unsynchronized elements it proposes matches for; with no
    element of those ids at the levels asked, no text is read at all (the stemmer is
    not even loaded).
    """
    only = frozenset(masterplan_ids)
    return _suggest(region, DEFAULT_THRESHOLD, DEFAULT_TOP, Relation.ALIGNED, levels, "en", only)


def top_candidates(region: Region, masterplan_ids: Iterable[str], *, top: int = DEFAULT_TOP,
                   threshold: float = DEFAULT_THRESHOLD,
                   levels: Iterable[Level | str] | None = None) -> dict[str, tuple[Match, ...]]:
    """The best RPJMD candidates of each masterplan element of ``masterplan_ids``: at most
    ``top`` per element, each scoring at least ``threshold``, best first (ties by RPJMD id).

    Bounded work for any plan size: only the elements asked about are compared; each is
    compared through an inverted index of the RPJMD's words (and of the nomenclature
    entries they reach), so RPJMD elements sharing nothing with it are never scored, and
    only its ``top`` best are kept. Pairs that already have a match or were rejected are
    left out, as in :func:`suggest_matches`. An element with no candidate maps to ``()``;
    ids not in the masterplan are absent from the result.

    This is what the advice asks for the few elements it proposes matches for.
    """
    _check_args(threshold, top)
    wanted = list(dict.fromkeys(masterplan_ids))
    found = _suggest(region, threshold, top, Relation.ALIGNED, levels, "en", frozenset(wanted))
    present = {e.id for e in region.masterplan.elements}
    out: dict[str, list[Match]] = {i: [] for i in wanted if i in present}
    for m in found:
        out.setdefault(m.masterplan, []).append(m)
    return {k: tuple(sorted(v, key=lambda m: (-(m.score or 0.0), m.rpjmd))) for k, v in out.items()}


#: the levels matched through the nomenclature (its entries are programs and their activities)
BRIDGED_LEVELS = frozenset({Level.PROGRAM})


def bridger_for(region: Region, nomenclature: str | Nomenclature | bool | None = None
                ) -> Bridger | None:
    """The :class:`~smartsync.matching.bridge.Bridger` a region's suggestions go through:
    ``nomenclature`` when given (a version, a loaded :class:`Nomenclature`, or ``False``
    for none), else the version the region names (its ``nomenclature`` field), else the
    default version. Raises :class:`~smartsync.matching.nomenclature.NomenclatureError`
    for a version given here that smartsync does not ship; a region file's unknown version
    means the default one (``smartsync validate`` warns of it)."""
    from .bridge import Bridger
    from .nomenclature import Nomenclature, load_nomenclature

    if nomenclature is False:
        return None
    if isinstance(nomenclature, Nomenclature):
        return _bridger(nomenclature)
    if isinstance(nomenclature, str):
        return _bridger(load_nomenclature(nomenclature))
    return _bridger(_region_nomenclature(getattr(region, "nomenclature", None)))


def _region_nomenclature(version: str | None) -> Nomenclature:
    """The nomenclature a version named in a region file means; the default one for a version
    smartsync does not ship (validating the file warns of it, naming the likely one: a
    region is never refused its suggestions for a version's name)."""
    from .nomenclature import NomenclatureError, load_nomenclature

    try:
        return load_nomenclature(version)
    except NomenclatureError:
        return load_nomenclature()


_BRIDGERS: dict[int, Bridger] = {}


def _bridger(nom: Nomenclature) -> Bridger:
    from .bridge import Bridger

    found = _BRIDGERS.get(id(nom))
    if found is None or found.nomenclature is not nom:
        found = _BRIDGERS[id(nom)] = Bridger(nom)
    return found


def _suggest(region: Region, threshold: float, top: int | None, relation: Relation | str,
             levels: Iterable[Level | str] | None, lang: str,
             only: frozenset[str] | None,
             nomenclature: str | Nomenclature | bool | None = None) -> tuple[Match, ...]:
    rel = cast(Relation, Relation.parse(relation))
    if isinstance(levels, (str, Level)):  # one level, not the letters of its name
        levels = [levels]
    wanted = None if levels is None else {Level.parse(x) for x in levels}
    taken = {m.key for m in region.matches} | {r.key for r in region.rejected}
    weights: TermWeights | None = None
    out: list[Match] = []
    for level in Level:
        if wanted is not None and level not in wanted:
            continue
        mps = sorted(region.masterplan.at(level), key=lambda e: e.id)
        rps = sorted(region.rpjmd.at(level), key=lambda e: e.id)
        if only is not None and not any(e.id in only for e in mps):
            continue
        if mps and rps:
            if weights is None:
                weights = region_weights(region)
            bridger = bridger_for(region, nomenclature) if level in BRIDGED_LEVELS else None
            out.extend(_suggest_level(mps, rps, weights, threshold, top, taken, rel, lang,
                                      only, bridger, level in CONCEPT_LEVELS,
                                      level in CLAUSE_LEVELS))
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
