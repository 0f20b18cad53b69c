"""An independent oracle for advice on tiny regions: brute force over changed regions,
judged only by ``classify()`` (never by :mod:`smartsync.advice`).

- :func:`fewest_to_reach`: for a type, whether adding matches can reach it, and whether a
  given count per stage (advice's ``needed``) reaches it and is minimal -- every subset of
  the stage's unsynchronized masterplan elements of one element fewer tried.
- :func:`fewest_losses`: the fewest of the region's matches whose loss changes the type,
  by trying every subset of its matches, smallest first.

Two facts the documentation states are used, and nothing else of how advice works:
adding matches never lowers a type (so an element given a match to *every* RPJMD
element of its level is the best that element can do, and the region with every such
match is the most any addition can reach); and a type is *reached* when its stage is
synchronized and the type concluded is that type or a higher one.

The first holds only for rules that are monotone (``Classifier.monotone``); under the
``cascading`` variant adding a match can lower a type, and :func:`reachable_by_some_set`
assumes nothing: it classifies every set of the possible changes (small regions only).
"""

from __future__ import annotations

import itertools
from typing import Any, Iterable, Mapping, Sequence

import attrs

from smartsync import Match, Region, Relation, Source


class Budget(Exception):
    """The brute force would classify more regions than it was allowed to."""


class Runs:
    """Classifications of changed regions, counted (a tiny region classifies in a few ms)."""

    def __init__(self, classifier: Any, region: Region, params: Any = None, limit: int = 2000):
        self.classifier, self.region, self.params, self.limit = classifier, region, params, limit
        self.count = 0
        self.result = self.classify(region)
        self.typology = self.result.typology

    def classify(self, region: Region) -> Any:
        self.count += 1
        if self.count > self.limit:
            raise Budget(f"more than {self.limit} classifications")
        return self.classifier.classify(region, params=self.params)

    def rank(self, type_value: str) -> int:
        """Higher for a type that starts higher; 0 for unsynchronized."""
        stages = self.typology.stages
        return len(stages) - stages.index(type_value) if type_value in stages else 0

    def reached(self, result: Any, wanted: str) -> bool:
        return result.stages[wanted].is_synchronized and self.rank(result.type.value) >= self.rank(wanted)

    def stages_from(self, wanted: str) -> tuple[str, ...]:
        stages = self.typology.stages
        return tuple(stages[stages.index(wanted):])

    def unsynchronized(self, stage: str) -> tuple[str, ...]:
        figures = self.result.stages[stage]
        return tuple(figures.unsynchronized_ids) if figures.present else ()

    def counterparts(self, stage: str) -> tuple[str, ...]:
        return tuple(e.id for e in self.region.rpjmd.elements if e.level.value == stage)

    def relation(self, stage: str) -> Relation | None:
        """A relation that counts at ``stage`` under the parameters (derived first)."""
        counted = self.result.params.relations_for(stage)
        return next((r for r in (Relation.DERIVED, Relation.ADOPTED, Relation.ALIGNED) if r in counted), None)

    def with_elements_matched(self, elements: Iterable[str]) -> Region:
        """The region with each of ``elements`` matched, by a relation that counts at its
        stage, to every RPJMD element of its level (its matches by other relations given
        a counting one)."""
        chosen = set(elements)
        level = {e.id: e.level.value for e in self.region.masterplan.elements}
        kept = []
        for m in self.region.matches:
            relation = self.relation(level.get(m.masterplan, "")) if m.masterplan in chosen else None
            kept.append(m if relation is None or relation is m.relation
                        or m.relation in self.result.params.relations_for(level[m.masterplan])
                        else attrs.evolve(m, relation=relation))
        taken = {m.key for m in kept}
        added = tuple(Match(e, r, self.relation(level[e]), Source.MANUAL) for e in sorted(chosen)
                      if self.relation(level[e]) is not None
                      for r in self.counterparts(level[e]) if (e, r) not in taken)
        return attrs.evolve(self.region, matches=tuple(kept) + added)


def reachable(runs: Runs, wanted: str) -> bool:
    """Whether adding matches can reach ``wanted``: the region with every unsynchronized
    element of every stage (a variant's condition may reach above the type's stage)
    matched to every counterpart reaches it."""
    everything = [e for s in runs.typology.stages for e in runs.unsynchronized(s)]
    return runs.reached(runs.classify(runs.with_elements_matched(everything)), wanted)


def _choices(runs: Runs, counts: Mapping[str, int]) -> Iterable[tuple[str, ...]]:
    """Every way of choosing counts[s] unsynchronized elements at each stage s."""
    per_stage = [list(itertools.combinations(runs.unsynchronized(s), n)) for s, n in counts.items()]
    for combo in itertools.product(*per_stage):
        yield tuple(e for chosen in combo for e in chosen)


def some_choice_reaches(runs: Runs, wanted: str, counts: Mapping[str, int]) -> bool:
    """Whether some choice of counts[s] elements per stage, each given every counterpart, reaches ``wanted``."""
    if any(n < 0 or n > len(runs.unsynchronized(s)) for s, n in counts.items()):
        return False
    return any(runs.reached(runs.classify(runs.with_elements_matched(chosen)), wanted)
               for chosen in _choices(runs, counts))


def check_needed(runs: Runs, wanted: str, needed: Mapping[str, int]) -> list[str]:
    """What is wrong with ``needed`` for ``wanted`` (empty when it is right): it must cover the
    type's stages, reach the type with some choice of elements, and reach it with one element
    fewer in no stage."""
    problems = []
    # the type's stages, and any stage above it the advice adds matches at
    stages = tuple(s for s in runs.typology.stages if s in needed or s in runs.stages_from(wanted))
    if not set(runs.stages_from(wanted)) <= set(needed) or not set(needed) <= set(stages):
        problems.append(f"needed covers {sorted(needed)}, the type's stages are "
                        f"{list(runs.stages_from(wanted))}")
        return problems
    if not some_choice_reaches(runs, wanted, needed):
        problems.append(f"no choice of {dict(needed)} elements reaches {wanted}")
    for s in stages:
        if needed[s] > 0 and some_choice_reaches(runs, wanted, {**needed, s: needed[s] - 1}):
            problems.append(f"{wanted} is reached with one {s} element fewer than {dict(needed)}")
    return problems


def fewest_losses(runs: Runs, max_matches: int = 12,
                  lowering: bool = False) -> tuple[int | None, set[frozenset]]:
    """The fewest matches whose loss changes the type, and every set of that many that does
    (``None`` and an empty set when no loss changes it). ``lowering``: only losses that give
    a lower type (under cascading a loss can also raise it: a target's only match lost, its
    programs start the cascade; stability looks for the losses that lower it)."""
    matches = list(runs.region.matches)
    if len(matches) > max_matches:
        raise Budget(f"{len(matches)} matches")
    own = runs.result.type
    for k in range(1, len(matches) + 1):
        changing = set()
        for lost in itertools.combinations(range(len(matches)), k):
            kept = tuple(m for i, m in enumerate(matches) if i not in lost)
            new = runs.classify(attrs.evolve(runs.region, matches=kept)).type
            if new != own and (not lowering or runs.rank(new.value) < runs.rank(own.value)):
                changing.add(frozenset(matches[i].key for i in lost))
        if changing:
            return k, changing
    return None, set()


def type_without(runs: Runs, pairs: Sequence[tuple[str, str]]) -> Any:
    """The type of the region with the matches of these pairs taken away."""
    gone = set(map(tuple, pairs))
    return runs.classify(attrs.evolve(runs.region, matches=tuple(
        m for m in runs.region.matches if m.key not in gone))).type


#: the relations a brute force tries
_RELATIONS = (Relation.DERIVED, Relation.ADOPTED, Relation.ALIGNED)


def every_pair_matched(region: Region, relation_at: Any, keep_existing: bool) -> Region:
    """The region with every masterplan element matched to every RPJMD element of its level,
    at every level both plans have (synchronized elements and levels that are not stages
    too): new matches carry ``relation_at(level)``; existing ones keep their relation when
    ``keep_existing``, else are given that one."""
    matches = {m.key: m for m in region.matches}
    for element in region.masterplan.elements:
        level = element.level.value
        for counterpart in region.rpjmd.at(level):
            key = (element.id, counterpart.id)
            if key in matches and keep_existing:
                continue
            relation = relation_at(level)
            matches[key] = (attrs.evolve(matches[key], relation=relation) if key in matches
                            else Match(element.id, counterpart.id, relation, Source.MANUAL))
    return attrs.evolve(region, matches=tuple(matches.values()))


def reachable_by_any_change(runs: Runs, wanted: str) -> bool:
    """Whether some change of matches reaches ``wanted``: by brute force over the changes
    (every pair of same-level elements matched, any level, any element: adding matches
    never lowers a type, so all of them is the most any addition reaches) and over the
    relations they carry: each relation everywhere, and at every level the first or the
    last relation the parameters count there; existing matches kept or given it. Eight
    classifications; a rule that wanted different relations on two matches of one level,
    neither the counted ones, would escape it."""
    params = runs.result.params

    def counted(level: str, index: int) -> Relation:
        found = [r for r in _RELATIONS if r in params.relations_for(level)] or list(_RELATIONS)
        return found[index]

    choices = [(lambda level, r=r: r) for r in _RELATIONS] + [
        (lambda level: counted(level, 0)), (lambda level: counted(level, -1))]
    for relation_at in choices:
        for keep in (True, False):
            if runs.reached(runs.classify(every_pair_matched(runs.region, relation_at, keep)),
                            wanted):
                return True
    return False


def possible_changes(runs: Runs) -> list[Match]:
    """Every change of one match advice may make, assuming nothing of the rules: each pair
    of a masterplan element and an RPJMD element of its level (at every level both plans
    have) not already matched by a relation the parameters count there, given the first
    such relation (derived, adopted, aligned): a new match, or the existing match's
    relation changed."""
    params = runs.result.params
    current = {m.key: m for m in runs.region.matches}
    out = []
    for element in runs.region.masterplan.elements:
        level = element.level.value
        relation = runs.relation(level)
        if relation is None:
            continue
        for counterpart in runs.region.rpjmd.at(level):
            match = current.get((element.id, counterpart.id))
            if match is not None and match.relation in params.relations_for(level):
                continue
            out.append(Match(element.id, counterpart.id, relation, Source.MANUAL))
    return out


def with_changes(region: Region, changes: Iterable[Match]) -> Region:
    """The region with these matches added (one whose pair the region links replaces it)."""
    matches = {m.key: m for m in region.matches}
    matches.update((m.key, m) for m in changes)
    return attrs.evolve(region, matches=tuple(matches.values()))


def reachable_by_some_set(runs: Runs, wanted: str, limit: int = 128) -> bool:
    """Whether some set of :func:`possible_changes` reaches ``wanted``, by classifying every
    set (no monotonicity assumed: under cascading a match added can lower a type); the empty
    set is the region itself. :class:`Budget` when there are more than ``limit`` sets."""
    pool = possible_changes(runs)
    if 2 ** len(pool) > limit:
        raise Budget(f"{len(pool)} possible changes")
    for k in range(0, len(pool) + 1):
        for chosen in itertools.combinations(pool, k):
            if runs.reached(runs.classify(with_changes(runs.region, chosen)), wanted):
                return True
    return False


def some_counterparts_reach(runs: Runs, region: Region, proposal: Sequence[Any], wanted: str,
                            limit: int = 64) -> bool:
    """Whether the proposal (its matches taken away, ``change`` ``remove``, taken away),
    each element it names no counterpart for given *one* RPJMD
    element of its level (some choice of them: no monotonicity assumed, so giving every
    counterpart at once proves nothing), reaches ``wanted``. :class:`Budget` past ``limit``
    choices."""
    gone = {(p.masterplan, p.rpjmd) for p in proposal if getattr(p, "change", "add") == "remove"}
    region = attrs.evolve(region, matches=tuple(m for m in region.matches if m.key not in gone))
    named = [Match(p.masterplan, p.rpjmd, p.relation, Source.MANUAL) for p in proposal
             if p.rpjmd is not None and (p.masterplan, p.rpjmd) not in gone]
    open_ = [p for p in proposal if p.rpjmd is None]
    options = [[Match(p.masterplan, e.id, p.relation, Source.MANUAL)
                for e in region.rpjmd.at(p.stage)] for p in open_]
    count = 1
    for found in options:
        count *= max(1, len(found))
    if count > limit:
        raise Budget(f"{count} choices of counterparts")
    for choice in itertools.product(*options):
        if runs.reached(runs.classify(with_changes(region, named + list(choice))), wanted):
            return True
    return False
