"""Advice: what to change to reach each type, and how stable the type is.

Computed by running the rules, never by a formula that repeats them: the
region is classified again, by the same classifier (the same rule packs,
typology and parameters), with hypothetical matches added or with matches
taken away, or at other thresholds; what the rules conclude on those
changed regions is the advice. So a typology variant (its own stages, its
own relations per stage, budgeted programs...) gets correct advice for free.

- :func:`advise` -- both parts at once, as an :class:`Advice`.
- :func:`to_reach` -- for each type above the region's own (every type when
  it is unsynchronized), a :class:`TypeAdvice`: whether adding matches can
  reach it, the fewest masterplan elements per stage that must gain a
  counted match (``needed``), which unsynchronized elements could take them
  with the RPJMD candidates the matcher proposes (``proposal``), and
  whether applying the proposal alone reaches the type (``complete``).
- :func:`stability` -- a :class:`Stability`: the threshold range over which
  the type stays the same, the fewest lost matches that would change it and
  to what, and whether the type holds only at the exact threshold (fragile).

How ``needed`` is found: the region is first classified with every
unsynchronized element of the type's stage and of the stages below it given
a counted match (if even that does not reach the type, it is unreachable,
and the rules' own why-not on that saturated region says what is missing).
Then, stage by stage, the count of added matches is lowered as far as the
type still holds (the search starts from the count the stage's figures
suggest and confirms it, or searches further, by classifying). The result is
minimal: one element fewer in any stage does not reach the type. A type is
*reached* when its stage is synchronized and the type concluded is that type
or a higher one: adding matches never lowers a type, so reaching a type may
give a higher one (``gives`` says which).

Where the rules are not monotone (:attr:`smartsync.Classifier.monotone`: under
``cascading`` adding a match can lower a type), no search prunes on it: a type the
widest change does not reach is searched by sets of changes, fewest first, bounded by
:data:`SETS_LIMIT`, and called unreachable only when every set was tried; the loss
searches take matches away one at a time and, where they find nothing, try every set
of losses while they fit (docs/advice.rst, "Rules that are not monotone").

>>> import smartsync
>>> from smartsync.advice import advise
>>> result = smartsync.classify(smartsync.load_region("examples/type-d-program.yaml"))
>>> result.type_letter
'D'
>>> advice = advise(result)
>>> sorted(advice.to_reach)
['A', 'B', 'C']
>>> dict(advice.to_reach["B"].needed)
{'mission': 2, 'target': 0, 'program': 0}
>>> advice.to_reach["C"].reachable, advice.to_reach["C"].missing[0].stage
(False, 'target')
>>> round(advice.stability.threshold_to, 4)
0.7778
"""

from __future__ import annotations

import enum
import math
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

import attrs

from ._exact import exact, fraction_text
from .facts import pair_order
from .model import Level, Match, Region, Relation, Source
from .typology import Parameters

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Classifier
    from .explain import Reason
    from .result import Classification

__all__ = ["Advice", "TypeAdvice", "ProposedMatch", "Missing", "Stability", "advise", "to_reach",
           "stability", "with_proposal", "PROTECT_LIMIT", "ROUTE_LIMIT", "PROTECT_WORK", "PROTECT_MIN",
           "protect_limit", "MAX_CANDIDATE_PAIRS", "MAX_CANDIDATE_LEVEL", "FallAdvice", "to_fall",
           "LOSS_LIMIT", "WIDE_LIMIT", "SETS_LIMIT"]

#: the relation a hypothetical match carries: the first of these that counts
_RELATION_PREFERENCE = (Relation.DERIVED, Relation.ADOPTED, Relation.ALIGNED)


@attrs.frozen
class ProposedMatch:
    """One match advice proposes: an unsynchronized masterplan element of ``stage``
    and the RPJMD element the matcher proposes for it (``rpjmd`` and its ``score``);
    ``rpjmd`` and ``score`` are ``None`` where the matcher found no candidate (a
    person must find one). ``relation``: the relation the match must carry to
    count (one the rules count at the stage). ``change``: ``add`` (a new match) or
    ``relation`` (the region's match ``masterplan -> rpjmd``, rejected only for its
    relation ``current``, given ``relation`` instead) or ``remove`` (the region's match
    ``masterplan -> rpjmd`` taken away: under rules that are not monotone a wrong match can
    keep the elements under it from counting). ``limited``: the matcher was not
    asked about this element (``rpjmd`` is ``None`` for that reason), the region being
    over the advice's limit on compared pairs (:data:`MAX_CANDIDATE_PAIRS`) or its level
    having more RPJMD elements than the matcher reads for the advice
    (:data:`MAX_CANDIDATE_LEVEL`). A new match with ``rpjmd`` named and ``score``
    ``None`` is one the search found (not the matcher's): the rules need that very pair.
    ``rejected``: where a person must find the counterpart, the pairs of this element the
    region already holds and that do not help, ``(rpjmd, condition)``: a match of the file
    a rule in force rejects (the condition the rules concluded, e.g. a variant's
    ``low_score``), or a suggestion a reviewer rejected (condition ``reviewer``).
    ``only``: ``rpjmd`` is the only RPJMD element of the level (the one vision, say):
    proposed whether or not the matcher proposes it, the rules counting a match to it."""

    masterplan: str
    rpjmd: str | None
    stage: str
    score: float | None
    relation: str = "derived"
    change: str = "add"
    current: str | None = None
    limited: bool = False
    counting: tuple[str, ...] = ()
    refused: tuple[tuple[str, str], ...] = ()
    rejected: tuple[tuple[str, str], ...] = ()
    #: of ``rejected``, the RPJMD elements whose match of the file would count once a person
    #: confirms it (the same pair as a manual match), as the rules concluded it
    confirm: tuple[str, ...] = ()
    only: bool = False
    #: ``refused`` are the only RPJMD elements of the level a match to which would not
    #: count, and fewer than ``counting``: said "a match to any RPJMD element but these"
    #: rather than "only a match to these"
    counting_but: bool = False
    #: the matcher was not run for this advice (``suggest=False``): ``rpjmd`` is ``None``
    #: because nobody asked it, not because it found nothing
    unasked: bool = False
    #: a reviewer rejected this very pair (the region's ``rejected`` list): the note the
    #: reviewer gave (``""`` without one), ``None`` for a pair nobody rejected. The search
    #: takes such a pair only where no other change it tries reaches the type (the level's
    #: only RPJMD element, say), and the words say it was rejected in review
    review_note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``masterplan``, ``rpjmd``, ``stage``, ``score``, ``relation``,
        ``change`` (``add``: a new match; ``relation``: the existing match
        ``masterplan -> rpjmd`` given ``relation`` instead of ``current``), ``current``,
        ``limited``, ``only`` (the counterpart is the only RPJMD element of its level), and
        where a person must find the counterpart and the rules in force
        let only some count: ``counting`` (the RPJMD elements a match to which counts) and
        ``refused`` (``[rpjmd, condition]``: the others, with the condition the rules
        concluded failed), and ``rejected`` (``[rpjmd, condition]``: the element's pairs in
        the file that do not help: a match a rule rejects, or ``reviewer``), and
        ``review_note`` (the proposed pair itself was rejected in review: the reviewer's
        note, ``""`` without one; null otherwise)."""
        return {"masterplan": self.masterplan, "rpjmd": self.rpjmd, "stage": self.stage,
                "score": self.score, "relation": self.relation, "change": self.change,
                "current": self.current, "limited": self.limited,
                "counting": list(self.counting), "refused": [list(r) for r in self.refused],
                "rejected": [list(r) for r in self.rejected], "confirm": list(self.confirm),
                "only": self.only, "counting_but": self.counting_but, "unasked": self.unasked,
                "review_note": self.review_note}


@attrs.frozen
class Missing:
    """What a type needs that matches cannot give: the ``plan`` (``masterplan`` or
    ``rpjmd``) has no elements at the level of ``stage``."""

    stage: str
    plan: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``stage``, ``plan``."""
        return {"stage": self.stage, "plan": self.plan}


@attrs.frozen
class TypeAdvice:
    """What it takes to reach one type by adding matches.

    ``type``: the type (a member of the typology's type enum) and ``letter``;
    ``reachable``: whether adding matches can reach it; ``needed``: per stage,
    from the type's stage down to the base stage, the fewest masterplan
    elements that must gain a counted match (0 where the stage needs none);
    ``proposal``: which unsynchronized elements could take them, with the
    matcher's candidates where it finds one; ``complete``: whether adding the
    proposal's matches alone reaches the type (confirmed by classifying);
    ``gives``: the type the needed matches give (the type itself or a higher
    one); ``missing``: where the type is unreachable, the stages a plan lacks;
    ``reasons``: where it is unreachable, the rules' why-not on the region
    with every possible match added. ``found``: ``False`` when the type was not
    proven unreachable but no change the search tried reaches it (the region is too
    large for the widest change): a person must find the counterparts. ``wide``: only
    changes beyond the unsynchronized elements of the stages reach the type (a second
    match of a synchronized element, a match at another level: a variant's condition
    needs them); ``proposal`` then names each match by pair and relation, none of which
    can be left out (unless ``wide_cut``: the search for them was cut short at
    :data:`WIDE_LIMIT` classifications, and some may not be needed), and ``needed``
    counts the masterplan elements given matches per stage or level.
    """

    type: enum.Enum
    letter: str | None
    reachable: bool
    needed: Mapping[str, int]
    proposal: tuple[ProposedMatch, ...]
    complete: bool
    gives: enum.Enum | None = None
    missing: tuple[Missing, ...] = ()
    reasons: "tuple[Reason, ...]" = attrs.field(default=(), repr=False)
    found: bool = True
    conditions: tuple[str, ...] = ()
    after: Mapping[str, int] = attrs.field(factory=dict)
    #: the matcher was not run for this advice (``suggest=False``): a proposal without a
    #: counterpart is one nobody asked the matcher about
    unasked: bool = False
    wide: bool = False
    wide_cut: bool = False
    #: where the rules are not monotone (:attr:`smartsync.Classifier.monotone`) and the
    #: widest change does not reach the type: ``sets``, the proposal is the first set of the
    #: widest change's matches found to reach it, fewest first (no set of fewer of them
    #: does); ``tried`` sets were classified besides the widest change, every set of up to
    #: ``tried_size`` of the ``pool`` matches the widest change holds (all of them: proven,
    #: where ``reachable`` is ``False``; fewer: the search was cut short at
    #: :data:`SETS_LIMIT`, ``found`` is ``False``, and the type is not proven unreachable)
    sets: bool = False
    tried: int = 0
    tried_size: int = 0
    pool: int = 0
    #: ``wide`` advice found among the unsynchronized elements' own matches, one element
    #: needing several at once (``one`` counterpart each, as "find one" would, did not
    #: reach the type): ``several``, the elements the proposal gives more than one match
    own_elements: bool = False
    several: tuple[str, ...] = ()
    #: ``wide`` advice whose pairs were kept by the matcher's score where several would do
    #: (each proposal's ``score``: the matcher's score for that pair, ``None`` for a pair it
    #: does not score)
    ranked: bool = False

    @property
    def total(self) -> int:
        """How many masterplan elements must gain a counted match, in all stages."""
        return sum(self.needed.values())

    @property
    def to_find(self) -> int:
        """How many proposed elements still need an RPJMD counterpart a person must find:
        no candidate, and no match in the file that a confirmation would make count."""
        return sum(1 for p in self.proposal if p.rpjmd is None and not p.confirm)

    @property
    def to_confirm(self) -> int:
        """How many proposed elements have a match in the file that would count once a
        person confirms it (``ProposedMatch.confirm``, as the rules concluded it)."""
        return sum(1 for p in self.proposal if p.rpjmd is None and p.confirm)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form: ``reachable``, ``needed``, ``proposal``, ``complete``, and
        ``gives`` (a type value or null), ``missing`` and ``reasons`` (their messages)."""
        return {"reachable": self.reachable, "needed": dict(self.needed),
                "proposal": [p.to_dict() for p in self.proposal], "complete": self.complete,
                "gives": None if self.gives is None else self.gives.value,
                "missing": [m.to_dict() for m in self.missing],
                "reasons": [r.message(lang) for r in self.reasons], "found": self.found,
                "conditions": list(self.conditions), "after": dict(self.after),
                "unasked": self.unasked,
                "wide": self.wide, "wide_cut": self.wide_cut, "sets": self.sets,
                "tried": self.tried, "tried_size": self.tried_size, "pool": self.pool,
                "own_elements": self.own_elements, "several": list(self.several),
                "ranked": self.ranked}


@attrs.frozen
class Stability:
    """How stable a region's type is.

    The type holds for every threshold ``t`` with ``above < t <= up_to`` (exact
    fractions of the coverages the rules concluded: ``5/12``, never a rounded or binary
    figure; ``above`` is 0 when every threshold down to 0 keeps it). At ``above`` or
    below the type is ``type_below`` (``None`` when ``above`` is 0); above ``up_to``
    it is ``type_above`` (``None`` when ``up_to`` is 1). ``type_above`` holds for every
    threshold above ``up_to`` up to ``type_above_to``, and ``type_below`` for every
    threshold above ``type_below_from`` up to ``above`` (the next coverages; beyond them
    the type may change again). Both ends are found by classifying. ``threshold_from``, ``threshold_to`` and ``threshold_above`` are the
    same range as floats (``threshold_from`` the float just above ``above``).

    ``matches_to_lose``: the fewest matches whose loss changes the type (``lose``:
    which ones), and ``falls_to``: the type it then becomes; both ``None`` when no loss
    changes it. They are found stage by stage (the elements of one stage with the fewest
    counted matches first) and by single losses; ``lose_proven``: no set of fewer matches
    changes the type, every one of them classified (sets of one always; larger ones while
    they fit in :data:`LOSS_LIMIT` classifications). Where not proven, a set of fewer
    matches across stages may change it too (a variant's condition). ``protect``: the matches whose loss *alone* lowers the type the most
    (to ``protect_falls_to``: unsynchronized when one lost match is enough for that), what a planner must protect; empty when no single
    loss lowers the type. Each single loss is tried by classifying;
    ``protect_checked`` of the region's ``protect_of`` distinct matches were tried
    (fewer only on a region too large to try each: :data:`PROTECT_LIMIT`, and
    :func:`protect_limit` on a large region). ``protect_route``, when ``protect`` leaves
    the region unsynchronized: the fewest masterplan programs that still have a route to
    APBD funding after any one of those losses, as the funding rules conclude it there
    (programs synchronized one by one keep theirs though the region has no type); ``None``
    otherwise, or when not read (more than :data:`ROUTE_LIMIT` matches to protect).
    ``fragile``: ``up_to`` is the threshold in force and below 100% (any higher
    threshold changes the type; at 100% no threshold is higher, so it is never fragile). The threshold varied is the general one; per-stage thresholds stay as
    they are.
    """

    type: enum.Enum
    threshold: float
    threshold_from: float
    threshold_to: float
    threshold_above: float
    type_below: enum.Enum | None
    type_above: enum.Enum | None
    matches_to_lose: int | None
    falls_to: enum.Enum | None
    lose: tuple[tuple[str, str], ...] = ()
    fragile: bool = False
    protect: tuple[tuple[str, str], ...] = ()
    protect_falls_to: enum.Enum | None = None
    protect_checked: int = 0
    protect_of: int = 0
    above: Fraction = None  # type: ignore[assignment]  # made from the floats when not given
    up_to: Fraction = None  # type: ignore[assignment]  # made from the floats when not given
    exact_threshold: Fraction = None  # type: ignore[assignment]  # made from the floats when not given
    type_above_to: Fraction | None = None
    type_below_from: Fraction | None = None
    lose_proven: bool = False
    protect_route: int | None = None

    def __attrs_post_init__(self) -> None:
        # made by hand with floats only: their fractions
        for name, value in (("above", self.threshold_above), ("up_to", self.threshold_to),
                            ("exact_threshold", self.threshold)):
            if getattr(self, name) is None:
                object.__setattr__(self, name, exact(value))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, every threshold an exact fraction as a string (``"5/12"``,
        ``"1/2"``, ``"0"``, ``"1"``): ``threshold`` (the one in force),
        ``threshold_above`` and ``threshold_to`` (the type holds for every threshold
        ``t`` with ``threshold_above < t <= threshold_to``), ``type_below`` (the type at
        ``threshold_above`` or below, down to above ``type_below_from``; null when it is
        ``"0"``) and ``type_above`` (the type above ``threshold_to`` up to
        ``type_above_to``; null when it is ``"1"``), ``fragile``,
        ``matches_to_lose``, ``falls_to`` (a type value or null) and ``lose``
        (``[masterplan, rpjmd]`` pairs), ``protect`` (pairs whose loss alone lowers the
        type most), ``protect_falls_to``, ``protect_checked``, ``protect_of`` and
        ``protect_route`` (null unless ``protect`` leaves the region unsynchronized)."""
        value = (lambda t: None if t is None else t.value)
        return {"threshold": fraction_text(self.exact_threshold),
                "threshold_above": fraction_text(self.above),
                "threshold_to": fraction_text(self.up_to),
                "type_below": value(self.type_below), "type_above": value(self.type_above),
                "type_below_from": None if self.type_below_from is None
                else fraction_text(self.type_below_from),
                "type_above_to": None if self.type_above_to is None
                else fraction_text(self.type_above_to),
                "fragile": self.fragile, "matches_to_lose": self.matches_to_lose,
                "falls_to": value(self.falls_to), "lose": [list(pair) for pair in self.lose],
                "protect": [list(pair) for pair in self.protect],
                "protect_falls_to": value(self.protect_falls_to),
                "protect_checked": self.protect_checked, "protect_of": self.protect_of,
                "lose_proven": self.lose_proven, "protect_route": self.protect_route}


@attrs.frozen
class Advice:
    """What to change (``to_reach``, keyed by type letter) and how stable the type is
    (``stability``)."""

    to_reach: Mapping[str, TypeAdvice]
    stability: Stability

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form: ``{"to_reach": {letter: ...}, "stability": {...}}``."""
        return {"to_reach": {k: v.to_dict(lang) for k, v in self.to_reach.items()},
                "stability": self.stability.to_dict()}


# ----------------------------------------------------------------- running the rules

def _classifier_of(result: "Classification", classifier: "Classifier | None") -> "Classifier":
    if classifier is not None:
        return classifier
    from .whatif import classifier_of

    return classifier_of(result)


class _Runs:
    """Classifications of one region with matches added or taken away, or other
    parameters; each asked once."""

    def __init__(self, result: "Classification", classifier: "Classifier"):
        from .validation import mark_checked

        self._mark = mark_checked
        self.result = result
        self.region: Region = result.region
        self.classifier = classifier
        self.params = result.params
        self.typology = result.typology
        self._cache: dict[Any, "Classification"] = {}
        self._session: Any = None
        self._every: Any = None
        self._every_large = False
        self._singles: Any = None
        #: the matcher may be asked (to_reach's ``suggest``): the wide advice keeps, where
        #: several pairs would do, the one it scores highest
        self.suggest = True
        #: the rule packs say adding a match never lowers a type (Classifier.monotone)
        self.declared_monotone = getattr(classifier, "monotone", True) is not False
        #: a classification asked contradicted it: matches added gave a lower type than the
        #: region's own, or matches taken away a higher one
        self.contradicted = False

    @property
    def monotone(self) -> bool:
        """Whether the searches may assume that adding matches never lowers a type (and
        losing them never raises it): the rule packs say so (:attr:`Classifier.monotone`)
        and no classification asked so far contradicted it."""
        return self.declared_monotone and not self.contradicted

    def __enter__(self) -> "_Runs":
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            session.__exit__(*exc)

    def _what_if(self) -> Any:
        """The what-if session on the live working memory of the region's run, opened
        when first needed (:mod:`smartsync.whatif`)."""
        if self._session is None:
            from .whatif import WhatIf

            self._session = WhatIf(self.classifier, self.result).__enter__()
        return self._session

    def rank(self, type_value: Any) -> int:
        """0 for unsynchronized, 1 for the base stage's type... up to the top stage's."""
        letter = self.typology.letter(type_value)
        if letter is None:
            return 0
        return len(self.typology.stages) - self.typology.stages.index(
            str(getattr(type_value, "value", type_value)))

    def cleared(self) -> set[tuple[str, str]]:
        """The region's matches some classification so far took away (with no match added,
        at the region's threshold) and kept the type: losing any one of them alone keeps it
        (losing more matches never gives a higher type, as the loss searches assume; where
        the rules are not monotone, only matches taken away alone)."""
        own = self.result.type
        pairs = {m.key for m in self.region.matches}
        out: set[tuple[str, str]] = set()
        alone = not self.monotone
        for (added, removed, threshold), done in self._cache.items():
            if alone and len(removed) != 1:
                continue
            if not added and threshold is None and removed and done.type == own:
                out.update(pair for pair in removed if pair in pairs)
        return out

    def classify(self, add: Sequence[Match] = (), remove: frozenset = frozenset(),
                 threshold: float | None = None, full: bool = False) -> "Classification":
        """The region with these changes classified: a probe what-if (its type and stages,
        :class:`smartsync.whatif.Probe`) unless ``full`` (a classification, to ask why-not)."""
        if threshold == self.params.threshold:
            threshold = None
        key = (tuple(m.key for m in add), remove, threshold)
        if key not in self._cache or (full and not hasattr(self._cache[key], "trace")):
            if not add and not remove and threshold is None:
                self._cache[key] = self.result
            elif hasattr(self.classifier, "_engine"):
                # a declare and a retract on the live working memory of the region's run
                # (a probe: the search reads the type and the stages, so the rules
                # run down to the type's phase)
                self._cache[key] = self._what_if().classify(add=add, remove=remove,
                                                            threshold=threshold,
                                                            probe=not full)
            else:  # a stand-in classifier (tests): the changed region classified
                params = attrs.evolve(self.params, threshold=threshold) \
                    if threshold is not None else self.params
                # an added match whose pair the region links replaces it (another relation)
                changed = {m.key: m for m in self.region.matches if m.key not in remove}
                changed.update((m.key, m) for m in add)
                region = self._mark(attrs.evolve(self.region, matches=tuple(changed.values())))
                self._cache[key] = self.classifier.classify(region, params=params)
            if threshold is None and not self.contradicted and bool(add) != bool(remove):
                # what the rules concluded contradicts monotonicity: matches added gave a
                # lower type than the region's own, or matches taken away a higher one
                own, now = self.rank(self.result.type), self.rank(self._cache[key].type)
                self.contradicted = now < own if add else now > own
        return self._cache[key]


def _find(done: Any, kind: str, **fields: Any) -> tuple[Any, ...]:
    """The conclusions of one kind a classification or a probe what-if
    (:class:`smartsync.whatif.Probe`) holds, with these field values."""
    if hasattr(done, "find"):
        return done.find(kind, **fields)
    return done.trace.find(kind, **fields)


def _relation(runs: "_Runs", stage: str) -> Relation:
    """The relation a hypothetical match at a stage carries: of the relations the rules
    count at that stage (the run's :class:`~smartsync.facts.CountedRelation` facts, as the
    variant in force declares them), the first of derived, adopted, aligned."""
    counted = {f.get("relation") for f in runs.result.trace.find("CountedRelation", stage=stage)}
    if not counted:  # a pack without the facts: the parameters' relations
        counted = {r.value for r in runs.params.relations_for(stage)}
    for relation in _RELATION_PREFERENCE:
        if relation.value in counted:
            return relation
    return _RELATION_PREFERENCE[0]  # pragma: no cover - no relation counts at all


@attrs.frozen(slots=False)
class _Option:
    """One unsynchronized masterplan element advice may change: ``fix``, the RPJMD element
    of an existing match the rules rejected only for its relation (changing the relation
    is the change), ``stand_in`` an RPJMD element of its level for a new match while the
    search runs, ``every`` all of them (the widest change), and the matcher's
    ``candidate`` with its ``score`` (where the level has one RPJMD element not yet paired
    with it, that one, with no score: there is no other to find)."""

    masterplan: str
    stage: str
    relation: Relation
    fix: str | None
    current: str | None
    stand_in: str | None
    every: tuple[str, ...]
    candidate: str | None = None
    score: float | None = None
    limited: bool = False
    #: the element's pairs in the file that do not help: (rpjmd, condition) of a match a
    #: rule other than the relation's rejects, or (rpjmd, "reviewer") of a rejected suggestion
    rejected: tuple[tuple[str, str], ...] = ()

    def matches(self, mode: str) -> tuple[Match, ...]:
        """The hypothetical matches of this element: ``one`` (the fix, else the stand-in),
        ``proposal`` (the fix, else the candidate, else the stand-in), ``candidates`` (the
        fix or the candidate only), ``every`` (the fix and every RPJMD element of the
        level). Made once per mode: the search asks for them at every step, and a huge
        region's widest step adds thousands."""
        made = self.__dict__.setdefault("_made", {})
        if mode not in made:
            made[mode] = self._matches(mode)
        return made[mode]

    def _matches(self, mode: str) -> tuple[Match, ...]:
        if mode == "every":
            ids = tuple(dict.fromkeys(((self.fix,) if self.fix else ()) + self.every))
        elif self.fix is not None:
            ids = (self.fix,)
        elif mode in ("proposal", "candidates") and self.candidate is not None:
            ids = (self.candidate,)
        elif mode in ("one", "proposal") and self.stand_in is not None:
            ids = (self.stand_in,)
        else:
            ids = ()
        return tuple(Match(self.masterplan, r, self.relation, Source.MANUAL) for r in ids)


#: the most hypothetical matches the widest search adds (every pair of a stage's
#: unsynchronized elements and its RPJMD elements); above it, a type no search reached is
#: said to be reachable with no change found, never proven unreachable
WIDEST = 5000


#: the most pairs the matcher compares for the advice's candidates: each unsynchronized
#: element asked about counts the RPJMD elements of its level (what the matcher may have
#: to score for it). Elements are asked about top stage first, in the order the search
#: takes them, while the pairs fit; the others are proposed without a candidate and
#: said to be (``ProposedMatch.limited``), so that the advice of a region of any size is
#: bounded work (docs/limits.rst)
MAX_CANDIDATE_PAIRS = 100_000

#: the most RPJMD elements of one level the matcher reads for the advice's candidates:
#: finding any element's candidates reads (and places in the nomenclature) every RPJMD
#: element of its level once, about a millisecond each; the elements of a level with more
#: are proposed without a candidate, said to be (``ProposedMatch.limited``), as past
#: :data:`MAX_CANDIDATE_PAIRS` (docs/limits.rst)
MAX_CANDIDATE_LEVEL = 3_000


def _options(runs: _Runs, suggest: bool) -> dict[str, list[_Option]]:
    """Per stage, its unsynchronized masterplan elements as the search takes them
    (whatever the matcher proposes, so that the answer does not depend on it): those with
    a match the rules rejected only for its relation first, then the others in the
    stage's order; each with what the search may add and the matcher's candidate
    (:func:`smartsync.matching.top_candidates`, for as many elements as
    :data:`MAX_CANDIDATE_PAIRS` allows, at levels with at most :data:`MAX_CANDIDATE_LEVEL`
    RPJMD elements; ``limited`` on the others)."""
    region = runs.region
    result = runs.result
    rejected: dict[str, dict[str, set[str]]] = {}
    for fact in result.trace.find("ElementUnsynchronized"):
        by_rpjmd = rejected.setdefault(fact.get("id"), {})
        for rpjmd_id, condition in fact.get("rejected") or ():
            by_rpjmd.setdefault(rpjmd_id, set()).add(condition)
    current = {m.key: m.relation.value for m in region.matches}
    reviewer: dict[str, list[Any]] = {}
    for pair in getattr(region, "rejected", ()):
        reviewer.setdefault(pair.masterplan, []).append(pair)
    reviewed = {pair.key for pair in getattr(region, "rejected", ())}
    paired: dict[str, set[str]] = {}
    for m in region.matches:
        paired.setdefault(m.masterplan, set()).add(m.rpjmd)
    out: dict[str, list[_Option]] = {}
    for stage, figures in result.stages.items():
        relation = _relation(runs, stage)
        level = region.rpjmd.at(stage) if Level.parses(stage) else ()
        every = tuple(e.id for e in level)
        # the stand-in: one with a budget first, one not yet paired with the element
        preferred = [e.id for e in level if e.budget] + [e.id for e in level if not e.budget]
        fixes, held, others = [], [], []
        for element in figures.unsynchronized_ids:
            fix = next((r for r, conditions in sorted(rejected.get(element, {}).items())
                        if conditions == {"relation"} and r in every), None)
            # the pairs the file holds for it that do not help: matches a rule in force
            # rejects (as the rules concluded it), suggestions a reviewer rejected
            held_back = tuple((r, c) for r, conditions in sorted(rejected.get(element, {}).items())
                              if conditions != {"relation"} for c in sorted(conditions)) + \
                tuple((p.rpjmd, "reviewer") for p in reviewer.get(element, ()))
            # a pair a reviewer rejected stands in last: the search takes another where one
            # reaches the type (newuser F199)
            free = [r for r in preferred if r not in paired.get(element, ())]
            stand_in = next((r for r in free if (element, r) not in reviewed),
                            free[0] if free else None)
            option = _Option(element, stage, relation, fix,
                             current.get((element, fix)) if fix else None, stand_in, every,
                             # the level's only RPJMD element: the counterpart to match
                             candidate=stand_in if len(every) == 1 and not fix else None,
                             rejected=held_back)
            (fixes if fix else held if held_back else others).append(option)
        # a relation to change first, then an element whose pair in the file a rule or a
        # reviewer turned down (a person has something to start from), then the others
        out[stage] = fixes + held + others
    if not suggest:
        return out
    # the elements the matcher is asked about: top stage first, while the pairs fit
    asked: list[str] = []
    pairs = 0
    for option in (o for stage in runs.typology.stages for o in out.get(stage, ())
                   if o.every and len(o.every) <= MAX_CANDIDATE_LEVEL):
        if pairs + len(option.every) > MAX_CANDIDATE_PAIRS:
            break
        pairs += len(option.every)
        asked.append(option.masterplan)
    found: dict[str, tuple] = {}
    if asked:
        from .matching.suggest import top_candidates

        found = top_candidates(region, asked, levels=runs.typology.stages)
    sought = set(asked)
    for stage, options in out.items():
        out[stage] = [
            attrs.evolve(o, candidate=found[o.masterplan][0].rpjmd,
                         score=float(found[o.masterplan][0].score or 0.0))
            if found.get(o.masterplan) else
            attrs.evolve(o, limited=True) if o.every and o.masterplan not in sought else o
            for o in options]
    return out


def _hypothetical(chosen: Mapping[str, Sequence[_Option]], counts: Mapping[str, int],
                  mode: str) -> tuple[Match, ...]:
    return tuple(m for stage, count in counts.items() for option in chosen[stage][:count]
                 for m in option.matches(mode))


def _hint(runs: _Runs, stage: str) -> int:
    """Where the search for a stage's count starts: the fewest elements that bring the
    stage's coverage to its threshold, from its figures. Only a first guess: the count
    is confirmed, or searched further, by classifying."""
    figures = runs.result.stages[stage]
    if not figures.present or figures.is_synchronized:
        return 0
    return max(0, math.ceil(figures.threshold * figures.total - 1e-9) - figures.synchronized)


def _reached(runs: _Runs, done: "Classification", wanted: enum.Enum) -> bool:
    """Whether a classification reaches a type: the type's stage is synchronized (where
    the type starts) and the type concluded is that type or a higher one."""
    stage = done.stages.get(wanted.value)
    return (stage is not None and stage.is_synchronized
            and runs.rank(done.type) >= runs.rank(wanted))


def _missing(runs: _Runs, stages: Sequence[str]) -> list[Missing]:
    """What the plans lack for a type: no masterplan elements at the type's stage or at
    the base stage, or no RPJMD elements of the level of a stage that is not
    synchronized (said where the widest change does not reach the type)."""
    out = []
    for index, s in enumerate(stages):
        figures = runs.result.stages[s]
        if not figures.present:
            if index == 0 or s == runs.typology.base:
                out.append(Missing(s, "masterplan"))
        elif not figures.is_synchronized and not (Level.parses(s) and runs.region.rpjmd.at(s)):
            out.append(Missing(s, "rpjmd"))
    return out


def _advise_type(runs: _Runs, wanted: enum.Enum, options: Mapping[str, list[_Option]],
                 retried: bool = False) -> TypeAdvice:
    """The fewest changes, stage by stage, that reach a type, found by classifying: first
    one change per element (the relation of a rejected match, else a new match to a stand-in)
    at the type's stage and below, then every pair of an element and an RPJMD element of
    its level there, then the same at every stage (a variant's condition may reach above
    the type's stage), then the widest change (:func:`_every_change`). A type even the widest change does not reach cannot be
    reached by matches; one the widest change was too large to try is said to be reachable
    with no change found."""
    typology = runs.typology
    letter = typology.letter(wanted)
    start = typology.stages.index(wanted.value)
    below = typology.stages[start:]
    widest = sum(len(o.every) for s in typology.stages for o in options[s])
    # the type's own stages first, one change and then every pair, so that a change above
    # the type's stage is proposed only when none confined to its stages reaches it
    widest_below = sum(len(o.every) for s in below for o in options[s])
    scopes = [(below, "one")] + ([(below, "every")] if widest_below <= WIDEST else []) + [
        (typology.stages, "one")]
    if widest <= WIDEST:
        scopes.append((typology.stages, "every"))
    found = None
    for scope, mode in scopes:
        chosen = {s: [o for o in options[s] if o.matches(mode)] if s in scope else []
                  for s in typology.stages}
        limit = {s: len(chosen[s]) for s in typology.stages}
        if found is None and scope is below and mode == "one":
            # the count the stages' figures suggest first: when it reaches the type, so
            # does the whole scope (more matches never lower a type), and the search
            # starts there; on a huge region the whole scope is thousands of matches to
            # add, and the suggested count often half of them
            hinted = {s: min(_hint(runs, s), limit[s]) for s in typology.stages}
            if any(hinted.values()) and _reached(
                    runs, runs.classify(_hypothetical(chosen, hinted, mode)), wanted):
                found = (chosen, limit, mode)
                break
        done = runs.classify(_hypothetical(chosen, limit, mode))
        if _reached(runs, done, wanted):
            found = (chosen, limit, mode)
            break
    if found is None:
        changes = _every_change(runs)
        if changes is None or len(changes) > WIDEST:  # not proven: the widest change was not tried
            if not runs.result.stages[wanted.value].present:
                # proven all the same: no match gives the masterplan elements at the type's
                # stage, and a stage it lacks is never synchronized
                return TypeAdvice(type=wanted, letter=letter, reachable=False, needed={},
                                  proposal=(), complete=False, gives=None,
                                  missing=(Missing(wanted.value, "masterplan"),))
            return TypeAdvice(type=wanted, letter=letter, reachable=True, needed={}, proposal=(),
                              complete=False, gives=None, found=False)
        full = runs.classify(changes, full=True)
        if _reached(runs, full, wanted):
            # only matches beyond the unsynchronized elements' reach it (a variant's
            # condition on a second match of a synchronized element, or on another level)
            return _advise_wide(runs, wanted, changes, options)
        if not runs.monotone:
            # rules under which adding a match can lower a type: the widest change not
            # reaching it proves nothing; a smaller set of its changes may
            return _advise_sets(runs, wanted, changes, full)
        return TypeAdvice(type=wanted, letter=letter, reachable=False, needed={}, proposal=(),
                          complete=False, gives=None, missing=tuple(_missing(runs, below)),
                          reasons=tuple(full.why_not(wanted)))
    chosen, limit, mode = found

    def reaches(counts: Mapping[str, int]) -> bool:
        return _reached(runs, runs.classify(_hypothetical(chosen, counts, mode)), wanted)

    counts = {s: min(_hint(runs, s), limit[s]) if s in below else 0 for s in typology.stages}
    if not reaches(counts):
        counts = dict(limit)
    # lower each stage's count as far as the type still holds (monotone: more matches
    # never lower a type), so that one fewer in any stage does not reach it
    for s in typology.stages:
        high = counts[s]
        if high == 0 or not reaches({**counts, s: high - 1}):
            continue
        low, high = 0, high - 1
        while low < high:
            middle = (low + high) // 2
            if reaches({**counts, s: middle}):
                high = middle
            else:
                low = middle + 1
        counts[s] = high
    chosen, counts = _prune(runs, wanted, chosen, counts, mode)
    changed = runs.classify(_hypothetical(chosen, counts, mode))
    gives = changed.type
    # which elements to propose: those whose change is known (a relation to change, a
    # candidate of the matcher) first, when the rules confirm that they reach the type too
    # (a pair a reviewer rejected last: another change is offered where one reaches the type)
    reviewed = {pair.key for pair in getattr(runs.region, "rejected", ())}
    preferred = {s: sorted(chosen[s], key=lambda o: (
        o.fix is None, (o.masterplan, o.candidate or o.stand_in) in reviewed,
        o.candidate is None, -(o.score or 0.0))) for s in typology.stages}
    if mode != "every" and preferred != chosen and reaches_with(runs, preferred, counts, wanted):
        chosen = preferred
    proposal = tuple(
        ProposedMatch(o.masterplan, o.fix or (o.candidate if mode != "every" or o.fix else None)
                      if (o.fix or o.candidate) else None, s,
                      None if o.fix else o.score, o.relation.value,
                      change="relation" if o.fix else "add", current=o.current,
                      limited=o.limited and not o.fix, rejected=() if o.fix else o.rejected,
                      only=not o.fix and o.candidate is not None and o.every == (o.candidate,)
                      and mode != "every")
        for s in typology.stages if counts[s] for o in chosen[s][:counts[s]])
    proposal = _which_count(runs, chosen, counts, mode, proposal)
    if mode == "one" and not retried:
        # the search's stand-in for an element a person must find a counterpart for may be
        # one the rules would not count (cascading: not under the parent's counterpart), so
        # that more elements were needed than the counterparts said would need: search
        # again, each such element standing in with the first counterpart that counts
        # (newuser F179: 7 asked where 6 do)
        better = {p.masterplan: p.counting[0] for p in proposal
                  if p.rpjmd is None and p.change == "add" and p.counting}
        stand_ins = {o.masterplan: o.stand_in for s in chosen for o in chosen[s]}
        if any(stand_ins.get(m) not in (r, None) for m, r in better.items()):
            again = {s: [attrs.evolve(o, stand_in=better[o.masterplan])
                         if o.masterplan in better and o.fix is None else o for o in os_]
                     for s, os_ in options.items()}
            retry = _advise_type(runs, wanted, again, retried=True)
            if retry.reachable and retry.found and retry.total < sum(counts.values()):
                return retry
    if mode == "every" and not _one_each_reaches(runs, chosen, counts, proposal, wanted):
        # only elements given several counterparts at once reach it (one element needs
        # two matches: to count, and to place the elements under it): "find one" for each
        # would not do; the pairs the rules need, named one by one
        wide = _advise_wide(runs, wanted, _hypothetical(chosen, counts, "every"), {
            s: chosen[s] for s in typology.stages})
        per: dict[str, int] = {}
        for p in wide.proposal:
            per[p.masterplan] = per.get(p.masterplan, 0) + 1
        return attrs.evolve(wide, own_elements=True,
                            several=tuple(m for m, n in per.items() if n > 1))
    proposal = _confirmable(runs, proposal)
    needed = {s: counts[s] for s in typology.stages if s in below or counts[s]}
    complete = all(p.rpjmd is not None for p in proposal) and _reached(
        runs, runs.classify(_hypothetical(chosen, counts, "candidates")), wanted)
    # how many elements of each stage count with the changes, as the rules conclude it
    # (more than today's count plus the changes where a variant lets one stage's changes
    # make elements of another count)
    after = {s: changed.stages[s].synchronized for s in needed if s in changed.stages}
    return TypeAdvice(type=wanted, letter=letter, reachable=True, needed=needed,
                      proposal=proposal, complete=complete, gives=gives, after=after)


#: the most changes :func:`_prune` tries to leave out one by one (a classification each)
PRUNE_LIMIT = 64


def _prune(runs: _Runs, wanted: enum.Enum, chosen: Mapping[str, Sequence[_Option]],
           counts: Mapping[str, int], mode: str
           ) -> tuple[dict[str, list[_Option]], dict[str, int]]:
    """Leave out, one at a time, each change of the counts found whose absence the rules
    still judge to reach the type (lowest stage first, the search's last choices first):
    the count per stage takes the stage's elements in one order, so that under a variant
    whose condition reaches across stages it can take elements that never count (a program
    under a masterplan target left unmatched) or that count once another change is made
    (a program whose match in the file counts once its target is matched; newuser F164).
    Each leaving-out is a classification; past :data:`PRUNE_LIMIT` changes, none is tried."""
    kept = {s: list(chosen[s][:counts[s]]) for s in chosen}
    if not 1 < sum(map(len, kept.values())) <= PRUNE_LIMIT:
        return dict(chosen), dict(counts)
    for s in reversed(runs.typology.stages):
        for option in reversed(list(kept.get(s, ()))):
            trial = {**kept, s: [o for o in kept[s] if o is not option]}
            if _reached(runs, runs.classify(_hypothetical(
                    trial, {t: len(v) for t, v in trial.items()}, mode)), wanted):
                kept = trial
    ids = {s: {o.masterplan for o in kept[s]} for s in kept}
    return ({s: kept[s] + [o for o in chosen[s] if o.masterplan not in ids[s]] for s in chosen},
            {s: len(kept[s]) if s in counts else 0 for s in chosen})


def _one_each_reaches(runs: _Runs, chosen: Mapping[str, Sequence[_Option]],
                      counts: Mapping[str, int], proposal: tuple[ProposedMatch, ...],
                      wanted: enum.Enum) -> bool:
    """Whether the proposal reaches the type with *one* counterpart for each element whose
    counterpart a person must find (the first the rules would count, else the search's
    stand-in), as "find one" promises: a search that gave each element every counterpart
    of its level proves that only for all of them at once."""
    stand_in = {o.masterplan: o.stand_in for s in chosen for o in chosen[s][:counts[s]]}
    picked = []
    for p in proposal:
        rpjmd = p.rpjmd or (p.counting[0] if p.counting else stand_in.get(p.masterplan))
        if rpjmd is None:
            return False
        picked.append(Match(p.masterplan, rpjmd, Relation(p.relation), Source.MANUAL))
    return _reached(runs, runs.classify(tuple(picked)), wanted)


def _confirmable(runs: _Runs, proposal: tuple[ProposedMatch, ...]) -> tuple[ProposedMatch, ...]:
    """For each proposal whose counterpart a person must find and whose element the file
    already pairs by a match a rule in force rejects: which of those matches would count
    once a person confirms it (the same pair, relation kept, as a manual match), as the
    rules conclude it (one classification with every such match confirmed)."""
    held = {(p.masterplan, r) for p in proposal if p.rpjmd is None
            for r, condition in p.rejected if condition != "reviewer"}
    if not held:
        return proposal
    add = tuple(Match(m.masterplan, m.rpjmd, m.relation, Source.MANUAL)
                for m in runs.region.matches if m.key in held and m.source is not Source.MANUAL)
    if not add:
        return proposal
    done = runs.classify(add)
    counted = {tuple(pair) for p in proposal for pairs in _counted_matches_of(
        done, p.stage).values() for pair in pairs}
    return tuple(attrs.evolve(p, confirm=tuple(r for r, c in p.rejected if c != "reviewer"
                                               and (p.masterplan, r) in counted))
                 if p.rpjmd is None and p.rejected else p for p in proposal)


def _which_count(runs: _Runs, chosen: Mapping[str, Sequence[_Option]], counts: Mapping[str, int],
                 mode: str, proposal: tuple[ProposedMatch, ...]) -> tuple[ProposedMatch, ...]:
    """For each proposed new match whose counterpart a person must find: which RPJMD
    elements of its level a match would count to, and why the others would not, as the
    rules conclude it (one classification with the proposal's other changes and each such
    element matched to every RPJMD element of its level: the counted pairs of its stage
    and the conditions of its rejected ones). Left as it is where every counterpart would
    count, or the change would be too large (:data:`WIDEST`)."""
    # a candidate of the matcher the rules would not count with the proposal's other
    # changes is no proposal: its counterpart is for a person to find
    with_candidates = runs.classify(_hypothetical(chosen, counts, "proposal"))
    counted_at: dict[str, set[tuple[str, str]]] = {}  # per stage, read once (not per proposal)

    def counted(stage: str) -> set[tuple[str, str]]:
        if stage not in counted_at:
            counted_at[stage] = {tuple(pair) for pairs in _counted_matches_of(
                with_candidates, stage).values() for pair in pairs}
        return counted_at[stage]

    proposal = tuple(
        attrs.evolve(p, rpjmd=None, score=None, only=False)
        if p.change == "add" and p.rpjmd is not None and (p.score is not None or p.only)
        and (p.masterplan, p.rpjmd) not in counted(p.stage) else p
        for p in proposal)
    open_ = [p for p in proposal if p.rpjmd is None and p.change == "add"]
    if not open_:
        return proposal
    options = {o.masterplan: o for s in chosen for o in chosen[s][:counts[s]]}
    wanted = {p.masterplan for p in open_}
    if sum(len(options[m].every) for m in wanted if m in options) > WIDEST:
        return proposal  # too large a change to make (a huge region)
    added = [m for s in chosen for o in chosen[s][:counts[s]]
             for m in o.matches("every" if o.masterplan in wanted else mode)]
    if len(added) > WIDEST:
        return proposal
    done = runs.classify(tuple(added))
    out = []
    for p in proposal:
        option = options.get(p.masterplan)
        if p not in open_ or option is None or not option.every:
            out.append(p)
            continue
        counted = {pair[1] for pair in _counted_matches_of(done, p.stage).get(p.masterplan, ())}
        refused: dict[str, str] = {}
        for fact in _find(done, "MatchRejected", masterplan=p.masterplan):
            rpjmd = str(fact.get("rpjmd"))
            if rpjmd in option.every and rpjmd not in counted:
                refused.setdefault(rpjmd, str(fact.get("condition")))
        counting = tuple(r for r in option.every if r in counted)
        if counting and len(counting) < len(option.every):
            said = tuple((r, refused[r]) for r in option.every if r in refused)
            # every element of the level counts or is refused, and the refused are fewer
            but = len(said) < len(counting) and len(counting) + len(said) == len(option.every)
            out.append(attrs.evolve(p, counting=counting, refused=said, counting_but=but))
        else:
            out.append(p)
    return tuple(out)


def _counted_matches_of(done: "Classification", stage: str) -> dict[str, list[tuple[str, str]]]:
    """Per masterplan element of a stage, its matches that count in a classification (the
    stage coverage fact's ``matches``, as the rules concluded them)."""
    facts = _find(done, "StageCoverage", stage=stage)
    out: dict[str, list[tuple[str, str]]] = {}
    for item in (facts[0].get("matches") or ()) if facts else ():
        out.setdefault(item[0], []).append((item[0], item[1]))
    return out


def _every_change(runs: _Runs) -> tuple[Match, ...] | None:
    """The widest change advice can make: every masterplan element (synchronized or not)
    matched to every RPJMD element of its level, at every level both plans have (a
    variant's condition may look at any level: the parents of a program under cascading),
    each new match with a relation the rules count at its level, and each existing match
    whose relation does not count there given one that does. Adding matches never lowers
    a type, so when this change does not reach a type no change of matches does (asked
    once per region: kept on ``runs``). ``None`` when it would add more than
    :data:`WIDEST` matches (counted before any is made)."""
    known = runs._every
    if known is not None:
        return None if runs._every_large else known
    region = runs.region
    # counted before any is made: on a huge region the pairs are far too many to list
    per_level: dict[str, int] = {}
    for e in region.rpjmd.elements:
        per_level[e.level.value] = per_level.get(e.level.value, 0) + 1
    if sum(per_level.get(e.level.value, 0) for e in region.masterplan.elements) > WIDEST:
        runs._every = ()
        runs._every_large = True
        return None
    current = {m.key: m for m in region.matches}
    rpjmd_levels = {e.level.value for e in region.rpjmd.elements}
    out: list[Match] = []
    relations: dict[str, Relation] = {}
    for element in region.masterplan.elements:
        level = element.level.value
        if level not in rpjmd_levels:
            continue
        if level not in relations:
            relations[level] = _relation(runs, level)
        relation = relations[level]
        counted = _counted_relations(runs, level)
        for counterpart in region.rpjmd.at(level):
            match = current.get((element.id, counterpart.id))
            if match is not None and match.relation.value in counted:
                continue
            out.append(Match(element.id, counterpart.id, relation, Source.MANUAL))
    runs._every = tuple(out)
    return runs._every


def _level_rank(level: str) -> int:
    """A level's place from the top of the planning hierarchy (an unknown one last)."""
    from .model import Level

    try:
        return Level.parse(level).rank
    except ValueError:
        return 99


def _counted_relations(runs: _Runs, stage: str) -> set[str]:
    """The relations the rules count at a stage or level (its CountedRelation facts, else
    the parameters' relations for it)."""
    counted = {f.get("relation") for f in runs.result.trace.find("CountedRelation", stage=stage)}
    return counted or {r.value for r in runs.params.relations_for(stage)}


#: the most classifications the search for a small set of changes (among the widest change)
#: asks; past it the changes found reach the type but some may not be needed (said)
WIDE_LIMIT = 300

#: the most classifications the search by sets asks where the rules are not monotone
#: (:attr:`smartsync.Classifier.monotone`): every set of the widest change's matches, fewest
#: first, while they fit; a type it does not reach is said unreachable only when every set
#: was tried, else "not proven unreachable", with how far the search went
SETS_LIMIT = 128


def _advise_sets(runs: _Runs, wanted: enum.Enum, changes: Sequence[Match],
                 full: "Classification") -> TypeAdvice:
    """Advice for a type under rules that are not monotone (adding a match can lower a
    type, so neither the widest change nor any other proves anything by not reaching it),
    where no change tried so far reaches it: every set of the widest change's matches (new
    matches with a relation the rules count at their level, relation changes of existing
    matches), one match first, then two..., classified while the sets fit in
    :data:`SETS_LIMIT` classifications. The first set that reaches the type is proposed,
    pair by pair: no set of fewer of these changes reaches it (every smaller set was
    tried). When every set was tried and none reaches it, the type cannot be reached by
    adding matches or changing relations (proven, with the rules' why-not on the widest
    change); when the limit cut the search short, it is not proven unreachable, and
    ``tried``, ``tried_size`` and ``pool`` say how far the search went."""
    import itertools

    typology = runs.typology
    letter = typology.letter(wanted)
    start = typology.stages.index(wanted.value)
    below = typology.stages[start:]
    if not runs.result.stages[wanted.value].present:
        # proven whatever the rules: no match gives the masterplan elements at the type's
        # stage, and a stage it lacks is never synchronized
        return TypeAdvice(type=wanted, letter=letter, reachable=False, needed={}, proposal=(),
                          complete=False, gives=None,
                          missing=(Missing(wanted.value, "masterplan"),))
    # the changes: the widest change's matches, and each of the region's matches taken
    # away (a wrong match can block the cascade; without it the elements under it count)
    pool: list[Any] = list(changes) + [m.key for m in runs.region.matches]
    tried = 0  # sets classified (the widest change alone was classified before)
    size = 0  # every set of up to ``size`` changes tried
    every = True
    for k in range(1, len(pool) + 1):
        for chosen in itertools.combinations(pool, k):
            add = tuple(c for c in chosen if isinstance(c, Match))
            gone = frozenset(c for c in chosen if not isinstance(c, Match))
            if any(m.key in gone for m in add) or (not gone and k == len(changes)):
                continue  # a pair both changed and taken away; the widest change again
            if tried >= SETS_LIMIT:
                every = False
                break
            tried += 1
            done = runs.classify(add, remove=gone)
            if _reached(runs, done, wanted):
                return _proposed_set(runs, wanted, add, done, sets=True, removed=tuple(gone))
        if not every:
            break
        size = k
    if every:  # every set tried, none reaches it: proven
        return TypeAdvice(type=wanted, letter=letter, reachable=False, needed={}, proposal=(),
                          complete=False, gives=None, missing=tuple(_missing(runs, below)),
                          reasons=tuple(full.why_not(wanted)), tried=tried,
                          tried_size=len(pool), pool=len(pool))
    return TypeAdvice(type=wanted, letter=letter, reachable=True, needed={}, proposal=(),
                      complete=False, gives=None, found=False, tried=tried,
                      tried_size=size, pool=len(pool))


def _proposed_set(runs: _Runs, wanted: enum.Enum, chosen: Sequence[Match], changed: Any,
                  removed: Sequence[tuple[str, str]] = (), **found: Any) -> TypeAdvice:
    """A set of changes found to reach a type (``changed``: its classification), as advice:
    each match by pair and relation (``removed``: the pairs whose matches are taken away,
    ``change`` ``remove``), the masterplan elements changed per stage or level
    (``found``: how it was found, :attr:`TypeAdvice.wide_cut` or ``sets``)."""
    typology = runs.typology
    level_of = {e.id: e.level.value for e in runs.region.masterplan.elements}
    current = {m.key: m.relation.value for m in runs.region.matches}
    order = {level: index for index, level in enumerate(
        dict.fromkeys(e.level.value for e in runs.region.masterplan.elements))}
    kept = sorted(chosen, key=lambda m: (order.get(level_of[m.masterplan], 0), pair_order(m.key)))
    scores = found.pop("scores", None) or {}
    proposal = tuple(
        ProposedMatch(m.masterplan, m.rpjmd, level_of[m.masterplan],
                      None if m.key in current else scores.get(m.key), m.relation.value,
                      change="relation" if m.key in current else "add",
                      current=current.get(m.key))
        for m in kept) + tuple(
        ProposedMatch(masterplan, rpjmd, level_of[masterplan], None, current[(masterplan, rpjmd)],
                      change="remove", current=current[(masterplan, rpjmd)])
        for masterplan, rpjmd in sorted(removed, key=lambda k: (
            order.get(level_of[k[0]], 0), k)))
    if scores:
        found["ranked"] = True
    start = typology.stages.index(wanted.value)
    levels = [s for s in order if s in typology.stages[start:] or any(
        p.stage == s for p in proposal)] + [s for s in typology.stages[start:] if s not in order]
    needed = {s: len({p.masterplan for p in proposal if p.stage == s}) for s in
              sorted(levels, key=lambda s: _level_rank(s))}
    after = {s: changed.stages[s].synchronized for s in needed if s in changed.stages}
    return TypeAdvice(type=wanted, letter=typology.letter(wanted), reachable=True, needed=needed,
                      proposal=proposal, complete=True, gives=changed.type, after=after,
                      wide=True, **found)


def _advise_wide(runs: _Runs, wanted: enum.Enum, changes: Sequence[Match],
                 options: Mapping[str, Sequence[_Option]] | None = None) -> TypeAdvice:
    """Advice for a type only the widest change reaches: the widest change cut down, by
    classifying, until none of its matches can be left out -- whole levels tried first,
    then each masterplan element's matches, then each element's matches by halves down
    to one at a time -- as far as :data:`WIDE_LIMIT` classifications allow. A pair to
    the matcher's candidate for its element is tried last, so that it is the one kept where
    any would do. Each remaining match is proposed by name (pair and relation): what the
    rules need, found by trying pairs, not by comparing texts."""
    typology = runs.typology
    level_of = {e.id: e.level.value for e in runs.region.masterplan.elements}
    candidates = {(o.masterplan, o.candidate) for stage in (options or {}).values()
                  for o in stage if o.candidate is not None}
    # the pairs the matcher scores lowest are tried first for leaving out, so that where
    # several would do the one it scores highest is kept (newuser F182)
    scores = _pair_scores(runs, changes) if runs.suggest else {}
    kept = sorted(changes, key=lambda m: (m.key in candidates, scores.get(m.key, -1.0)))
    asked = 0
    cut = False

    def leave_out(keys: Sequence[tuple[str, str]]) -> bool:
        """Leave these matches out when the type is still reached without them."""
        nonlocal kept, asked, cut
        if len(keys) >= len(kept) or asked >= WIDE_LIMIT:
            cut = cut or asked >= WIDE_LIMIT
            return False
        asked += 1
        gone = set(keys)
        trial = [m for m in kept if m.key not in gone]
        if _reached(runs, runs.classify(tuple(trial)), wanted):
            kept = trial
            return True
        return False

    for group_of in (lambda m: level_of[m.masterplan], lambda m: m.masterplan):
        groups: dict[Any, list[tuple[str, str]]] = {}
        for m in kept:
            groups.setdefault(group_of(m), []).append(m.key)
        for keys in groups.values():
            leave_out(keys)
    def halve(keys: list[tuple[str, str]]) -> None:
        """Leave out as many of these matches as can go: all at once, else each half."""
        if not keys or cut or leave_out(keys) or len(keys) == 1:
            return
        middle = len(keys) // 2
        halve(keys[:middle])
        halve(keys[middle:])

    # each element's matches by halves: an element that needs one of many pairs costs a
    # few classifications, not one per pair
    by_element: dict[str, list[tuple[str, str]]] = {}
    for m in kept:
        by_element.setdefault(m.masterplan, []).append(m.key)
    for keys in by_element.values():
        if len(keys) > 1:
            middle = len(keys) // 2
            halve(keys[:middle])
            halve(keys[middle:])
    return _proposed_set(runs, wanted, kept, runs.classify(tuple(kept)), wide_cut=cut,
                         scores={m.key: scores[m.key] for m in kept if m.key in scores})


def _pair_scores(runs: _Runs, changes: Sequence[Match]) -> dict[tuple[str, str], float]:
    """The matcher's score of each pair of ``changes`` it scores
    (:func:`smartsync.matching.top_candidates`, every candidate above 0), for the elements
    whose levels fit :data:`MAX_CANDIDATE_LEVEL` while the pairs fit
    :data:`MAX_CANDIDATE_PAIRS`; bounded work, as the candidates of :func:`_options`."""
    region = runs.region
    wanted: dict[str, set[str]] = {}
    for m in changes:
        wanted.setdefault(m.masterplan, set()).add(m.rpjmd)
    level_of = {e.id: e.level for e in region.masterplan.elements}
    asked, pairs = [], 0
    for element in wanted:
        size = len(region.rpjmd.at(level_of[element])) if element in level_of else 0
        if not size or size > MAX_CANDIDATE_LEVEL or pairs + size > MAX_CANDIDATE_PAIRS:
            continue
        pairs += size
        asked.append(element)
    if not asked:
        return {}
    from .matching.suggest import top_candidates

    found = top_candidates(region, asked, top=None, threshold=0.0)
    return {(m.masterplan, m.rpjmd): float(m.score or 0.0)
            for ms in found.values() for m in ms
            if m.rpjmd in wanted.get(m.masterplan, ()) and m.score}


def reaches_with(runs: _Runs, chosen: Mapping[str, Sequence[_Option]],
                 counts: Mapping[str, int], wanted: enum.Enum) -> bool:
    """Whether the first ``counts`` elements of ``chosen``, each with its proposed change,
    reach the type."""
    return _reached(runs, runs.classify(_hypothetical(chosen, counts, "proposal")), wanted)


def _resolve(result: "Classification", classifier: "Classifier | None") -> _Runs:
    from .result import Classification

    if not isinstance(result, Classification):
        raise TypeError(f"advice needs a smartsync.Classification, got {type(result).__name__}")
    return _Runs(result, _classifier_of(result, classifier))


def to_reach(result: "Classification", *, classifier: "Classifier | None" = None,
             suggest: bool = True, types: Iterable[Any] | None = None) -> dict[str, TypeAdvice]:
    """What it takes to reach each type above the region's own (every type when the
    region is unsynchronized), keyed by type letter, top type first.

    ``result``: a classification; ``classifier``: the classifier to run (by default
    one with the rule packs and typology that gave ``result``; its parameters are
    ``result.params``); ``suggest``: propose RPJMD candidates with
    :func:`smartsync.suggest_matches` (otherwise every proposed new match has
    ``rpjmd`` ``None``; what is needed is the same either way); ``types``: only these
    types (letters, names or members).
    """
    with _resolve(result, classifier) as runs:
        return _to_reach(runs, suggest, types)


def _to_reach(runs: _Runs, suggest: bool, types: Iterable[Any] | None) -> dict[str, TypeAdvice]:
    typology = runs.typology
    own = runs.rank(runs.result.type)
    wanted = ([typology.parse_type(t) for t in types] if types is not None else
              [t for t in typology.type_enum if typology.letter(t) is not None
               and runs.rank(t) > own])
    wanted = [t for t in wanted if typology.letter(t) is not None]
    if not wanted:
        return {}
    runs.suggest = suggest
    options = _options(runs, suggest)
    reviewed = {pair.key: pair.note or "" for pair in getattr(runs.region, "rejected", ())}
    out = {}
    for t in sorted(wanted, key=lambda t: -runs.rank(t)):
        found = _advise_type(runs, t, options)
        # the conditions of the type the rules concluded failed (read, not re-derived)
        failed = tuple(dict.fromkeys(
            str(f.get("condition")) for f in runs.result.trace.find("ConditionFailed", stage=t.value)))
        if failed:
            found = attrs.evolve(found, conditions=failed)
        if reviewed:
            # a pair a reviewer rejected, proposed all the same (nothing else the search
            # tried reaches the type): said as rejected in review, with the note
            found = attrs.evolve(found, proposal=tuple(
                attrs.evolve(p, review_note=reviewed[(p.masterplan, p.rpjmd)])
                if p.change == "add" and (p.masterplan, p.rpjmd) in reviewed else p
                for p in found.proposal))
        if not suggest:
            # the matcher was not run: its proposals without a counterpart say so
            found = attrs.evolve(found, unasked=True, proposal=tuple(
                attrs.evolve(p, unasked=True) if p.rpjmd is None and p.change == "add" else p
                for p in found.proposal))
        out[typology.letter(t)] = found
    return out


def stability(result: "Classification", *, classifier: "Classifier | None" = None) -> Stability:
    """How stable the region's type is: the threshold range over which it holds, the
    fewest lost matches that change it, and whether it is fragile (see
    :class:`Stability`). ``classifier`` as for :func:`to_reach`."""
    with _resolve(result, classifier) as runs:
        return _stability(runs)


def _at(runs: _Runs, threshold: float) -> enum.Enum:
    return runs.classify(threshold=threshold).type


def _stability(runs: _Runs) -> Stability:
    result = runs.result
    current = runs.params.threshold
    # the rules compare a stage's coverage with its threshold, so the type can change
    # only where the threshold crosses a coverage: classify at each, and just above
    points = sorted({s.coverage for s in result.stages.values()
                     if s.present and 0.0 < s.coverage <= 1.0} | {1.0, current})
    # walk up and down from the current threshold, classifying a point only when the walk
    # reaches it: the walk stops at the first point with another type
    def type_at(point: float) -> enum.Enum:
        return result.type if point == current else _at(runs, point)

    index = points.index(current)
    top = index
    while top + 1 < len(points) and type_at(points[top + 1]) == result.type:
        top += 1
    bottom = index
    while bottom > 0 and type_at(points[bottom - 1]) == result.type:
        bottom -= 1
    threshold_to = points[top]
    above = _at(runs, math.nextafter(threshold_to, 2.0)) if threshold_to < 1.0 else None
    # the next coverages: the types beside the range hold up to them, not beyond
    above_to = exact(points[top + 1]) if above is not None and top + 1 < len(points) else None
    below_from = (exact(points[bottom - 2]) if bottom > 1 else Fraction(0)) if bottom > 0 else None
    # ...unless the type at the far end is the same: a higher threshold never gives a
    # higher type, so it holds all the way (classified at the far end, not assumed)
    if above_to is not None and above_to < 1 and _at(runs, 1.0) == above:
        above_to = Fraction(1)
    if below_from and _at(runs, math.nextafter(0.0, 1.0)) == _at(runs, points[bottom - 1]):
        below_from = Fraction(0)
    lower = points[bottom - 1] if bottom > 0 else 0.0
    # between two coverages nothing changes: the range starts just above the lower one
    threshold_from = math.nextafter(lower, 2.0)
    below = _at(runs, lower) if lower > 0.0 else None
    # confirm both ends by classifying; rules that use the threshold otherwise than
    # against a coverage get the one threshold known to hold
    if _at(runs, threshold_from) != result.type or _at(runs, threshold_to) != result.type:
        threshold_from = threshold_to = current  # pragma: no cover
    count, falls_to, lose = _fewest_losses(runs)
    protect, protect_falls_to, single, checked, of = _single_losses(runs)
    protect_route = _route_kept(runs, protect) if protect and runs.rank(protect_falls_to) == 0 \
        else None
    if single is not None and (count is None or single[0] < count):
        # one match whose loss alone changes the type, at a stage other than its own (a
        # variant's condition: a target match that programs under it count through)
        count, falls_to, lose = single
    own = runs.rank(result.type)
    lowers = (lambda t: runs.rank(t) < own)
    # one lost match is the fewest; no loss at all lowers an unsynchronized region, nor,
    # where the rules are monotone, one whose stages lose every counted match and keep it
    lose_proven = count is not None and count <= 1 or count is None and (
        own == 0 or runs.monotone)
    if count is not None and count > 1 and checked >= of:
        # every single loss was tried: look for a smaller set among every set of fewer
        # matches, as far as LOSS_LIMIT classifications allow (``lose_proven`` when all were)
        smaller, lose_proven = _smaller_loss(runs, count, lowers)
        if smaller is not None:
            lose, falls_to = smaller
            count = len(lose)
    elif count is None and not lose_proven and checked >= of:
        # rules that are not monotone: no loss found stage by stage proves nothing; every
        # set of matches, while they fit in LOSS_LIMIT classifications
        smaller, lose_proven = _smaller_loss(runs, len(runs.region.matches) + 1, lowers,
                                             limit=SETS_LIMIT)
        if smaller is not None:
            lose, falls_to = smaller
            count = len(lose)
    # fragile: any higher threshold changes it; at 100% no threshold is higher
    fragile = runs.rank(result.type) > 0 and threshold_to <= current < 1
    return Stability(type=result.type, threshold=current, threshold_from=threshold_from,
                     threshold_to=threshold_to, threshold_above=lower, type_below=below,
                     type_above=above, matches_to_lose=count, falls_to=falls_to, lose=lose,
                     fragile=fragile, protect=protect, protect_falls_to=protect_falls_to,
                     protect_checked=checked, protect_of=of, lose_proven=lose_proven,
                     protect_route=protect_route,
                     above=exact(lower), up_to=exact(threshold_to), exact_threshold=exact(current),
                     type_above_to=above_to, type_below_from=below_from)


#: the most classifications the search for a loss smaller than the one found stage by stage
#: asks (every set of fewer matches, smallest first); past it the loss found is said not to
#: be proven the fewest
LOSS_LIMIT = 60


def _smaller_loss(runs: _Runs, size: int, wanted: Any, limit: int = LOSS_LIMIT,
                  progress: dict[str, int] | None = None
                  ) -> tuple[tuple[tuple[tuple[str, str], ...], enum.Enum] | None, bool]:
    """The smallest set of the region's matches, of 2 up to ``size - 1`` matches, whose loss
    gives a type for which ``wanted(type)`` holds (``(pairs, type)``, or ``None``), and
    whether the search proved it: every set of fewer matches was classified (sets of one are
    the single losses, tried apart). Sizes are tried smallest first, each only when all its
    sets fit in what is left of ``limit`` classifications (:data:`LOSS_LIMIT`).
    ``progress``, when given, is told how far the search went: ``tried`` (sets
    classified), ``size`` (every set of up to that many matches tried, the single losses
    counted as sets of one) and ``pool`` (the region's matches)."""
    import itertools

    keys = sorted({m.key for m in runs.region.matches}, key=pair_order)
    left = limit
    if progress is not None:
        progress.update(tried=0, size=1, pool=len(keys))
    for k in range(2, size):
        sets = math.comb(len(keys), k)
        if sets > left:
            return None, False
        left -= sets
        for chosen in itertools.combinations(keys, k):
            done = runs.classify(remove=frozenset(chosen)).type
            if progress is not None:
                progress["tried"] += 1
            if wanted(done):
                return (tuple(chosen), done), True
        if progress is not None:
            progress["size"] = k
    return None, True


#: the most classifications the search for single losses asks (each a what-if); past it,
#: ``Stability.protect_checked`` says how many of the region's matches were cleared or tried
PROTECT_LIMIT = 400

#: on a large region the search for single losses asks fewer: each what-if counts the
#: region's stages again, so its cost grows with the region; at most ``PROTECT_WORK``
#: divided by the region's elements and matches (never fewer than :data:`PROTECT_MIN`, never
#: more than :data:`PROTECT_LIMIT`), said as a cut search (docs/limits.rst)
PROTECT_WORK = 400_000
PROTECT_MIN = 10


def protect_limit(region: Region) -> int:
    """How many classifications the search for single losses may ask on ``region``:
    :data:`PROTECT_LIMIT`, fewer on a region of more than ``PROTECT_WORK / PROTECT_LIMIT``
    (1,000) elements and matches."""
    size = len(region.masterplan.elements) + len(region.rpjmd.elements) + len(region.matches)
    return min(PROTECT_LIMIT, max(PROTECT_MIN, PROTECT_WORK // max(1, size)))


def _single_losses(runs: _Runs) -> tuple[tuple[tuple[str, str], ...], enum.Enum | None,
                                          tuple[int, enum.Enum, tuple[tuple[str, str], ...]] | None,
                                          int, int]:
    """From :func:`_single_changes`: the matches whose loss alone lowers the type the
    most and the type it then falls to; the single loss that changes the type losing the
    fewest matches (``(count, type, pairs)``, or ``None``); how many distinct matches
    were cleared or tried, of how many."""
    changed, cleared, total = _single_changes(runs)
    per_key: dict[tuple[str, str], int] = {}
    for m in runs.region.matches:
        per_key[m.key] = per_key.get(m.key, 0) + 1
    own = runs.rank(runs.result.type)
    single: tuple[int, enum.Enum, tuple[tuple[str, str], ...]] | None = None
    for pair, done in sorted(changed.items()):
        if runs.rank(done) >= own:
            continue  # a loss that raises the type (rules that are not monotone)
        if single is None or per_key[pair] < single[0]:
            single = (per_key[pair], done, (pair,))
    lowered = {pair: runs.rank(t) for pair, t in changed.items() if runs.rank(t) < own}
    if not lowered:
        return (), None, single, cleared, total
    lowest = min(lowered.values())
    protect = tuple(sorted((pair for pair, rank in lowered.items() if rank == lowest),
                           key=pair_order))
    return protect, changed[protect[0]], single, cleared, total


#: the most full classifications (one per match to protect) read for the funding each loss
#: leaves; past it the protect line says nothing of the funding (``protect_route`` is None)
ROUTE_LIMIT = 50


def _route_kept(runs: _Runs, protect: tuple[tuple[str, str], ...]) -> int | None:
    """The fewest masterplan programs that keep a route to APBD funding when any one of the
    ``protect`` matches is lost, as the funding rules conclude it on each of those what-ifs
    (a full classification each: the funding is concluded after the type); ``None`` when
    the rules conclude no funding, or when there are more than :data:`ROUTE_LIMIT`."""
    if len(protect) > ROUTE_LIMIT:
        return None
    kept = [getattr(runs.classify(remove=frozenset({pair}), full=True), "funding", None)
            for pair in protect]
    if any(funding is None for funding in kept):
        return None
    return min(funding.fundable for funding in kept)


def _single_changes(runs: _Runs) -> tuple[dict[tuple[str, str], enum.Enum], int, int]:
    """Which of the region's matches, taken away alone, change the type, found by
    classifying: ``{pair: the type it then becomes}``, and how many distinct matches
    were cleared or tried, of how many (asked once per region: kept on ``runs``).

    Matches are taken away in groups first: a group whose loss leaves the type as it is
    holds no match whose loss alone changes it (losing more matches never gives a
    higher type, as the loss search assumes), and a group whose loss changes it is
    halved until single matches are left, each classified alone. The groups are sized
    by each stage's figures (how many elements the stage can lose and stay synchronized:
    only a first guess, every answer is a classification), so that a stable region is
    cleared with a few classifications."""
    known = runs._singles
    if known is not None:
        return known
    result = runs.result
    own = runs.rank(result.type)
    per_key: dict[tuple[str, str], int] = {}
    for m in runs.region.matches:
        per_key[m.key] = per_key.get(m.key, 0) + 1
    if own == 0 and runs.monotone:  # nothing to lower (under rules that are not monotone a
        # loss can raise the type: tests/test_advice_pruning.py found one under cascading)
        runs._singles = ({}, 0, len(per_key))
        return runs._singles
    # what the what-ifs asked so far cleared (the loss search's: a set of matches whose
    # loss leaves the type as it is clears each of them, as a group of this search does)
    seen: set[tuple[str, str]] = runs.cleared()
    before = len(seen)
    groups: list[list[tuple[str, str]]] = []
    for stage in reversed(runs.typology.stages):
        figures = result.stages.get(stage)
        if figures is None or not figures.present or not figures.synchronized:
            continue
        per_element = [[pair for pair in element if pair in per_key and pair not in seen]
                       for element in _counted_matches(runs, stage).values()]
        seen.update(pair for pairs in per_element for pair in pairs)
        spare = figures.synchronized - math.ceil(figures.threshold * figures.total - 1e-9) \
            if figures.is_synchronized else 0
        groups.extend(_loss_groups(per_element, max(1, spare)))
    rest = [pair for pair in per_key if pair not in seen]
    if rest:
        groups.append(rest)
    if not runs.monotone:
        # a group whose loss leaves the type as it is proves nothing of its matches when
        # losing a match can raise a type: each match is taken away alone
        groups = [[pair] for group in groups for pair in group]
    changed: dict[tuple[str, str], enum.Enum] = {}
    asked = 0
    cleared = before
    todo = list(reversed(groups))
    most = protect_limit(runs.region)
    while todo and asked < most:
        group = todo.pop()
        asked += 1
        done = runs.classify(remove=frozenset(group)).type
        if done == result.type:
            cleared += len(group)
        elif len(group) == 1:
            changed[group[0]] = done
            cleared += 1
        else:
            half = len(group) // 2
            todo += [group[half:], group[:half]]
    runs._singles = (changed, cleared, len(per_key))
    return runs._singles


def _loss_groups(per_element: list[list[tuple[str, str]]], spare: int
                 ) -> list[list[tuple[str, str]]]:
    """The groups :func:`_single_changes` first takes away at one stage (a guess, each
    group decided by classifying): an element with several counted matches keeps one in
    each group (the first group takes all but its last, the second its last), and the
    elements with one counted match, each of which a group may cost the stage, go
    ``spare`` to a group (how many the stage can lose and stay as it is)."""
    several = [pairs for pairs in per_element if len(pairs) > 1]
    alone = [pairs[0] for pairs in per_element if len(pairs) == 1]
    groups = [[pair for pairs in several for pair in pairs[:-1]],
              [pairs[-1] for pairs in several]] if several else []
    chunks = [alone[i:i + spare] for i in range(0, len(alone), spare)]
    for index, chunk in enumerate(chunks):
        if index < len(groups):
            groups[index].extend(chunk)
        else:
            groups.append(chunk)
    return groups


def _counted_matches(runs: _Runs, stage: str) -> dict[str, list[tuple[str, str]]]:
    """Per synchronized masterplan element of a stage, the matches that count for it,
    as the rules concluded them (the stage coverage fact's ``matches``)."""
    figures = runs.result.stages[stage]
    by_element: dict[str, list[tuple[str, str]]] = {i: [] for i in figures.synchronized_ids}
    facts = runs.result.trace.find("StageCoverage", stage=stage)
    counted = facts[0].get("matches") if facts else None
    if counted is None:  # a pack without the field: every match of the element
        counted = [(m.masterplan, m.rpjmd) for m in runs.region.matches]
    for item in counted:
        masterplan_id, rpjmd_id = item[0], item[1]
        if masterplan_id in by_element and (masterplan_id, rpjmd_id) not in by_element[masterplan_id]:
            by_element[masterplan_id].append((masterplan_id, rpjmd_id))
    return by_element


def _fewest_losses(runs: _Runs) -> tuple[int | None, enum.Enum | None, tuple[tuple[str, str], ...]]:
    """The fewest matches, taken away at one stage, that change the type.

    For each stage with synchronized elements, its elements ordered by how many counted
    matches they have (fewest first): if taking away all their matches changes the type,
    the smallest ``k`` whose first ``k`` elements' matches, taken away, change it (a
    search by classifying: from the count the stage's figures suggest, then halving).
    The answer is the stage losing the fewest matches (the first in stage order on a
    tie).

    Searches that cannot change the answer are cut short, whatever the rules conclude
    (the answer is the one a full search of every stage gives; ``tests/advice_reference.py``
    keeps that search and a property test compares): taking away more elements never
    loses fewer matches, so a stage whose first element alone loses no fewer than the
    best stage so far is not searched, and a search stops as soon as its lower bound
    passes the last ``k`` that would still lose fewer. Stages are searched in the order
    of what their figures suggest they lose (only an order: each is still decided by
    classifying), so that the likely best comes first. One cut rests on the rules being
    monotone (:attr:`_Runs.monotone`: the packs say so and no what-if contradicted it):
    at the type's own stage or one below it, the loss the figures suggest is asked
    before the loss of every element, and when it changes the type, the larger loss is
    not asked (losing more matches never gives a higher type).
    """
    result = runs.result
    per_key: dict[tuple[str, str], int] = {}
    for m in runs.region.matches:
        per_key[m.key] = per_key.get(m.key, 0) + 1
    own = runs.rank(result.type)
    own_stage = runs.typology.stages.index(result.type.value) if own else None
    searches = []
    for index, (stage, figures) in enumerate(result.stages.items()):
        if not figures.present or not figures.synchronized:
            continue
        by_element = _counted_matches(runs, stage)
        order = sorted(by_element, key=lambda i: len(by_element[i]))
        if not order:  # no element to take away (taking none away changes nothing)
            continue
        # lost[k]: how many of the region's matches taking away the first k elements takes
        # (each element's pairs are its own: the counts add up)
        lost = [0]
        for i in order:
            lost.append(lost[-1] + sum(per_key.get(pair, 0) for pair in by_element[i]))
        guess = (figures.synchronized - math.ceil(figures.threshold * figures.total - 1e-9) + 1
                 if figures.is_synchronized else 1)
        hinted = lost[min(max(guess, 1), len(order))]
        searches.append((hinted, index, stage, by_element, order, lost, guess))
    searches.sort(key=lambda s: (s[0], s[1]))
    # (matches lost, stage index, the type it falls to, the pairs taken away)
    best: tuple[int, int, enum.Enum, tuple[tuple[str, str], ...]] | None = None
    for _, index, stage, by_element, order, lost, guess in searches:

        def beats(k: int) -> bool:
            """Whether losing the first k elements would be a better answer than the best."""
            return best is None or (lost[k], index) < (best[0], best[1])

        def removed(k: int) -> frozenset:
            return frozenset(pair for i in order[:k] for pair in by_element[i])

        def changes(k: int) -> enum.Enum | None:
            """The type losing the first k elements' matches gives, where it is lower."""
            done = runs.classify(remove=removed(k))
            return done.type if runs.rank(done.type) < own else None

        every = len(order)
        if not beats(1):  # not even one element's loss could beat the best
            continue
        # whether taking every element away changes the type is asked first (as the full
        # search does) unless it may not matter: when the search may stop before, and the
        # stage is one whose loss likely changes the type (its own or one below it)
        later = (not beats(every) and own_stage is not None
                 and runs.typology.stages.index(stage) >= own_stage)
        # where the rules are monotone, a loss of the first ``guess`` elements that changes
        # the type says that losing every element changes it too: at a stage whose loss
        # likely changes the type (its own or one below it), that larger what-if is asked
        # only when the guess does not answer it
        guess_first = (runs.monotone and own_stage is not None
                       and runs.typology.stages.index(stage) >= own_stage)
        if not later and not guess_first and changes(every) is None:
            continue
        low, high = 1, every
        if 1 <= guess <= every and changes(guess) is not None:
            high = guess
            if guess > 1 and changes(guess - 1) is None:
                low = guess
        elif not later and changes(every) is None:
            continue
        while low < high and beats(low):
            middle = (low + high) // 2
            if changes(middle) is not None:
                high = middle
            else:
                low = middle + 1
        # the search ends at some k in [low, high]: one that cannot beat the best is no answer
        if not beats(low) or (later and changes(every) is None):
            continue
        pairs = tuple(sorted(removed(high), key=pair_order))
        falls = changes(high)
        assert falls is not None
        best = (lost[high], index, falls, pairs)
    if best is None:
        return None, None, ()
    return best[0], best[2], best[3]


@attrs.frozen
class FallAdvice:
    """What would make the region fall to a lower ``type`` (``letter``; ``None`` for
    unsynchronized), each answer found by classifying.

    ``single``: the matches whose loss *alone* gives that type. ``lose``: where no single
    loss gives it, matches whose loss together gives it (found stage by stage: the elements
    of a stage with the fewest counted matches first, until the stage is no longer
    synchronized, then confirmed by classifying; then every set of fewer matches tried
    while they fit in :data:`LOSS_LIMIT` classifications: ``lose_proven`` when all were,
    and no set of fewer matches gives the type), or ``()`` when those losses give another type,
    ``gives`` (they overshoot: a variant's condition carries a stage below with the one
    broken), or none at all (``gives`` ``None``). ``thresholds``: the ranges ``(above,
    up_to)`` of general thresholds ``t`` with ``above < t <= up_to`` that give the type
    (exact fractions; found by classifying once per range between the coverages the
    rules concluded, where the type can change)."""

    type: enum.Enum
    letter: str | None
    single: tuple[tuple[str, str], ...] = ()
    lose: tuple[tuple[str, str], ...] = ()
    gives: enum.Enum | None = None
    thresholds: tuple[tuple[Fraction, Fraction], ...] = ()
    lose_proven: bool = False
    #: how far the search for losses went where none was found: ``searched`` "singles"
    #: (each match alone and the stages' matches, stage by stage: the rules are monotone,
    #: no search by sets), "sets" (then every set of up to ``tried_size`` of the ``pool``
    #: matches, ``tried`` sets, while they fit in :data:`SETS_LIMIT`: every set when
    #: ``tried_size`` is ``pool``) or "cut" (the single losses were not all tried)
    searched: str = "singles"
    tried: int = 0
    tried_size: int = 0
    pool: int = 0
    limit: int = SETS_LIMIT

    @property
    def possible(self) -> bool:
        """Whether any loss or threshold found gives the type."""
        return bool(self.single or self.lose or self.thresholds)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``type`` (its value), ``single`` and ``lose`` (``[masterplan,
        rpjmd]`` pairs), ``gives`` (what the stage-by-stage losses gave instead, or null),
        ``thresholds`` (``[above, up_to]`` pairs of fractions as strings)."""
        return {"type": self.type.value, "single": [list(p) for p in self.single],
                "lose": [list(p) for p in self.lose], "lose_proven": self.lose_proven,
                "gives": None if self.gives is None else self.gives.value,
                "thresholds": [[fraction_text(a), fraction_text(b)] for a, b in self.thresholds],
                "searched": self.searched, "tried": self.tried, "tried_size": self.tried_size,
                "pool": self.pool, "limit": self.limit}


def to_fall(result: "Classification", wanted: Any, *,
            classifier: "Classifier | None" = None) -> FallAdvice:
    """What would make the region fall to ``wanted``, a type below its own (a letter,
    a name or a member; ``unsynchronized`` too): the single lost matches that give it,
    a set of lost matches that gives it, and a threshold that gives it (see
    :class:`FallAdvice`). ``ValueError`` when ``wanted`` is not below the region's type."""
    with _resolve(result, classifier) as runs:
        target = runs.typology.parse_type(wanted)
        if runs.rank(target) >= runs.rank(result.type):
            raise ValueError(f"{target.value} is not below the region's type {result.type.value}")
        return _to_fall(runs, target)


def _to_fall(runs: _Runs, target: enum.Enum) -> FallAdvice:
    result = runs.result
    letter = runs.typology.letter(target)
    changed, _, _ = _single_changes(runs)
    single = tuple(sorted((pair for pair, t in changed.items() if t == target), key=pair_order))
    # the thresholds that give it: between two coverages the rules concluded the type
    # cannot change, so each range (p, q] is classified once, at q
    points = sorted({exact(s.coverage) for s in result.stages.values()
                     if s.present and 0.0 < s.coverage <= 1.0} | {Fraction(1)})
    ranges: list[tuple[Fraction, Fraction]] = []
    low = Fraction(0)
    for point in points:
        if _at(runs, float(point)) == target:
            if ranges and ranges[-1][1] == low:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((low, point))
        low = point
    # stage by stage: break the type the losses so far leave, until the wanted type is left
    removed: set[tuple[str, str]] = set()
    stages = runs.typology.stages
    done = result
    gives = None
    for _ in range(len(stages) + 1):
        rank = runs.rank(done.type)
        if rank <= runs.rank(target):
            break
        # the stage to break: the one just above the wanted type's (the base stage for
        # unsynchronized); then the stage of the type the losses leave
        start = (stages.index(target.value) - 1 if letter is not None else len(stages) - 1)
        candidates = [s for s in stages[:start + 1][::-1] if done.stages.get(s) is not None
                      and done.stages[s].present and done.stages[s].is_synchronized]
        if runs.rank(done.type) and done.type.value in candidates:
            candidates.remove(done.type.value)
            candidates.insert(0 if removed else len(candidates), done.type.value)
        if not candidates:
            break
        stage = candidates[0]
        by_element = _counted_matches(runs, stage)
        order = sorted((i for i in by_element if done.stages[stage].synchronized_ids
                        and i in done.stages[stage].synchronized_ids),
                       key=lambda i: len(by_element[i]))

        def lost(k: int) -> frozenset:
            return frozenset(removed | {p for i in order[:k] for p in by_element[i]})

        def broken(k: int) -> bool:
            return not runs.classify(remove=lost(k)).stages[stage].is_synchronized

        if not order or not broken(len(order)):
            break
        low, high = 1, len(order)
        while low < high:
            middle = (low + high) // 2
            if broken(middle):
                high = middle
            else:
                low = middle + 1
        removed = set(lost(high))
        done = runs.classify(remove=frozenset(removed))
    lose: tuple[tuple[str, str], ...] = ()
    if removed and done.type == target:
        lose = tuple(sorted(removed, key=pair_order))
    elif removed:
        gives = done.type
    proven = bool(single)
    if single:
        lose = ()  # one lost match gives it: no set of more is the fewest
    elif lose and len(lose) > 1:
        # every single loss was tried (none gives it): a smaller set among every set of
        # fewer matches, while they fit in LOSS_LIMIT classifications
        _, cleared, total = _single_changes(runs)
        if cleared >= total:
            smaller, proven = _smaller_loss(runs, len(lose), lambda t: t == target)
            if smaller is not None:
                lose = smaller[0]
    searched, progress = "singles", {"tried": 0, "size": 0, "pool": 0}
    if not single and not lose:
        _, cleared, total = _single_changes(runs)
        if cleared < total:
            searched = "cut"
    if not single and not lose and searched != "cut" and not runs.monotone:
        # rules that are not monotone (a lost match can raise a type): the stage-by-stage
        # losses found nothing or overshot, which proves nothing; every set of matches,
        # fewest first, while they fit in SETS_LIMIT classifications
        searched = "sets"
        found, every = _smaller_loss(runs, len(runs.region.matches) + 1,
                                     lambda t: t == target, limit=SETS_LIMIT,
                                     progress=progress)
        if every:
            progress["size"] = progress["pool"]
        if found is not None:
            lose, gives, proven = found[0], None, True
    return FallAdvice(type=target, letter=letter, single=single, lose=lose, gives=gives,
                      thresholds=tuple(ranges), lose_proven=proven and bool(lose),
                      searched=searched, tried=progress["tried"],
                      tried_size=progress["size"], pool=progress["pool"])


def advise(result: "Classification", *, classifier: "Classifier | None" = None,
           suggest: bool = True) -> Advice:
    """What to change to reach each type above the region's own, and how stable its type
    is: :func:`to_reach` and :func:`stability` in one :class:`Advice`."""
    with _resolve(result, classifier) as runs:
        # the stability first: its what-ifs take a few matches away or move the threshold,
        # while reaching a type may add thousands of matches on a huge region, which the
        # what-if session would otherwise take away again before each of them
        found = _stability(runs)
        return Advice(to_reach=_to_reach(runs, suggest, None), stability=found)


def with_proposal(region: Region, advice: TypeAdvice) -> Region:
    """The region with the proposal's matches added (those with a candidate), as manual
    matches carrying the proposed relation: what a planner gets by accepting it."""
    added = tuple(Match(p.masterplan, p.rpjmd, p.relation, Source.MANUAL)
                  for p in advice.proposal if p.rpjmd is not None
                  and p.change != "remove")  # a relation change replaces
    keys = {m.key for m in added} | {(p.masterplan, p.rpjmd) for p in advice.proposal
                                     if p.change == "remove"}
    kept = tuple(m for m in region.matches if m.key not in keys)
    return attrs.evolve(region, matches=kept + added)
