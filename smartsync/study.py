"""Studies across regions and rule sets: how types move with the threshold and the rules,
and why two rule sets disagree.

:func:`study` takes regions (as :func:`~smartsync.classify_many` takes them: files,
folders, tables, workbooks) and rule sets (variant names, modules, :class:`~smartsync.Variant`
objects) and gives a :class:`Study`:

- for every region and rule set, a :class:`Curve`: the type as a function of the
  coverage threshold over a range, **exactly**. The rules compare each stage's coverage
  with the threshold, so the type can change only where the threshold crosses a coverage
  the rules concluded (the :class:`~smartsync.facts.StageCoverage` facts, ``k/n``). The
  curve is made by classifying once per interval between those candidate breakpoints (at
  the interval's upper end: a stage is synchronized when its coverage *reaches* the
  threshold, so a whole interval ``(c1, c2]`` behaves as ``c2``); the coverages each of
  those runs concludes are added to the candidates until none is new, so a rule pack
  whose coverages depend on the threshold is still followed exactly. Thresholds are
  :class:`fractions.Fraction` throughout; they are handed to the rules as the nearest
  float, which compares with a coverage ``k/n`` exactly as the fraction does.
- at each :class:`Breakpoint`, the stages whose conclusion changes there, read from the
  runs on either side;
- for each region whose type differs between two rule sets (at the study's reference
  threshold), a :class:`Difference`: the first conclusions that differ, down to the
  masterplan elements, their matches, and the rule that decided each, read from the two
  classifications' concluded facts and traces (:func:`explain_difference` does it for
  any two classifications of one region, under two rule sets or two thresholds).

Nothing here decides anything about a region: the rules do, in the runs; this module
compares what they concluded. A curve classifies its region once; every other
threshold is a what-if on the live working memory of that run
(:mod:`smartsync.whatif`): the :class:`~smartsync.facts.StageThreshold` facts
retracted and declared, only the stage statuses and what follows from them decided
again.

>>> import smartsync
>>> from fractions import Fraction
>>> s = smartsync.study(["examples/type-b-mission.yaml"], rule_sets=["default", "cascading"])
>>> curve = s.regions[0].curves["default"]
>>> [(str(seg.low), str(seg.high), seg.letter) for seg in curve.segments]
[('0', '3/4', 'B'), ('3/4', '13/16', 'C'), ('13/16', '1', None)]
>>> print(curve.breakpoints[0].message())
at thresholds up to 3/4 (75%) the type is type B (mission), above it type C (target): mission coverage 3/4 (75%) reaches the threshold up to 3/4 and not above it
>>> s.regions[0].types["cascading"]
('mission', 'B')
>>> at_70 = smartsync.study(["examples/type-b-mission.yaml"], rule_sets=["default", "cascading"],
...                         threshold=Fraction(7, 10))
>>> at_70.regions[0].types["cascading"]
('unsynchronized', None)
>>> print(at_70.regions[0].differences[0].lines()[0])
under cascading the program matches SP2 -> P2 (aligned), SP10 -> P11 (aligned), SP11 -> P13 (aligned) are rejected: its parent is matched to an RPJMD element its counterpart is not under
"""

from __future__ import annotations

import collections
import os
import signal
import sys
import threading
import types
from concurrent.futures import Future, ProcessPoolExecutor
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping, Sequence, Union

import attrs

from ._exact import exact as _exact, fraction_text, parse_threshold
from .errors import MAX_MESSAGE, Place, Problem, _shown, coded_problem
from .model import Region
from .typology import Parameters

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Classifier
    from .result import Classification
    from .variants import Variant

__all__ = ["study", "iter_study", "Study", "RegionStudy", "Curve", "Segment", "Breakpoint",
           "StageCrossing", "Difference", "StageDifference", "ElementDifference",
           "MatchVerdict", "TypeReason", "DistributionStep", "explain_difference", "parse_threshold",
           "parse_threshold_range", "fraction_text", "RECORD_COLUMNS"]

PathLike = Union[str, "os.PathLike[str]"]

#: the whole range of thresholds the rules accept: above 0, at most 1
FULL_RANGE = (Fraction(0), Fraction(1))

#: the columns of :meth:`Study.to_records` (and of the CSV output), in order
RECORD_COLUMNS = ("region", "name", "source", "rule_set", "threshold_from", "threshold_to",
                  "from_included", "to_included", "type", "type_letter", "error")


def parse_threshold_range(text: str | tuple[Any, Any] | None) -> tuple[Fraction, Fraction]:
    """The range ``LOW:HIGH`` (``0.3:0.8``, ``30%:80%``, ``1/3:2/3``; either end may be left
    out: ``:0.8``), within 0 (excluded) and 1; ``None`` is the whole range."""
    if text is None:
        return FULL_RANGE
    if isinstance(text, str):
        low_text, sep, high_text = text.partition(":")
        if not sep:
            raise ValueError(f"a threshold range is written LOW:HIGH (0.3:0.8), got {text!r}")
        low = parse_threshold(low_text) if low_text.strip() else FULL_RANGE[0]
        high = parse_threshold(high_text) if high_text.strip() else FULL_RANGE[1]
    else:
        low, high = (parse_threshold(v) for v in text)
    if not (0 <= low < high <= 1):
        raise ValueError(f"a threshold range needs 0 <= LOW < HIGH <= 1, got "
                         f"{fraction_text(low)}:{fraction_text(high)}")
    return low, high


# --------------------------------------------------------------------------------- data


@attrs.frozen
class Segment:
    """A threshold interval over which the type is the same: every threshold ``t`` with
    ``low < t <= high`` (and ``t == low`` too when ``low_included``: the start of the
    study's range, or a breakpoint of its own). ``type`` is the type's value
    (``mission``...), ``letter`` its letter (``None`` when unsynchronized)."""

    low: Fraction
    high: Fraction
    type: str
    letter: str | None
    low_included: bool = False

    def contains(self, threshold: Fraction) -> bool:
        """Whether ``threshold`` is in this interval."""
        return self.low < threshold <= self.high or (self.low_included and threshold == self.low)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``from``/``to`` as exact fractions (texts like ``"3/5"``),
        ``from_included``, ``to_included`` (always true), ``type``, ``letter``."""
        return {"from": fraction_text(self.low), "to": fraction_text(self.high),
                "from_included": self.low_included, "to_included": True,
                "type": self.type, "letter": self.letter}


@attrs.frozen
class StageCrossing:
    """A stage whose conclusion changes at a breakpoint: its coverage ``synchronized`` of
    ``total`` (the fraction ``coverage``) reaches the threshold at the breakpoint and not
    above it. ``synchronized_below``/``synchronized_above``: the stage's status on each
    side, as the rules concluded it."""

    stage: str
    synchronized: int
    total: int
    coverage: Fraction
    synchronized_below: bool
    synchronized_above: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"stage": self.stage, "synchronized": self.synchronized, "total": self.total,
                "coverage": fraction_text(self.coverage),
                "synchronized_below": self.synchronized_below,
                "synchronized_above": self.synchronized_above}


@attrs.frozen
class Breakpoint:
    """Where the type changes: at thresholds up to ``at`` (included) it is ``below``
    (``letter_below``), just above ``at`` it is ``above``; ``stages``: the stages whose
    conclusion changes there (from the runs on either side)."""

    at: Fraction
    below: str
    letter_below: str | None
    above: str
    letter_above: str | None
    stages: tuple[StageCrossing, ...] = ()

    def message(self, lang: str = "en", rule_set: str = "") -> str:
        """The breakpoint in words: which stage stops reaching the threshold, and the
        type on either side."""
        from .messages import text

        parts = [text("study.breakpoint.stage", lang, stage=s.stage,
                      count=f"{s.synchronized}/{s.total}", share=float(s.coverage),
                      at=fraction_text(self.at))
                 for s in self.stages if s.synchronized_below != s.synchronized_above]
        head = text("study.breakpoint", lang, at=fraction_text(self.at), share=float(self.at),
                    type_below=_type_label(self.below, self.letter_below, lang),
                    type_above=_type_label(self.above, self.letter_above, lang))
        return head + (": " + "; ".join(parts) if parts else "")

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form, with the ``message`` in ``lang``."""
        return {"at": fraction_text(self.at), "below": self.below,
                "letter_below": self.letter_below, "above": self.above,
                "letter_above": self.letter_above,
                "stages": [s.to_dict() for s in self.stages], "message": self.message(lang)}


@attrs.frozen
class Curve:
    """The type of one region under one rule set, as a function of the threshold over the
    study's range: ``segments`` (in order, covering the range), ``breakpoints`` (where the
    type changes), and ``runs`` (how many times the rules ran to find them)."""

    rule_set: str
    segments: tuple[Segment, ...]
    breakpoints: tuple[Breakpoint, ...]
    runs: int = attrs.field(default=0, eq=False)
    #: the stages (present in the region) whose threshold the rule set sets itself, with
    #: that threshold as the rules concluded it: the sweep's ``t`` does not move them
    fixed: tuple[tuple[str, Fraction], ...] = ()
    #: whether every stage present has a threshold of its own (``t`` moves none)
    all_fixed: bool = False

    def fixed_message(self, lang: str = "en") -> str:
        """What ``t`` does not move under this rule set, in words (empty when it moves
        every stage's threshold)."""
        from .messages import stage_name, text

        if not self.fixed:
            return ""
        if self.all_fixed:
            listed = ", ".join(f"{stage_name(stage, lang)} {fraction_text(t)}"
                               for stage, t in self.fixed)
            return text("study.fixed.all", lang, rule_set=self.rule_set, fixed=listed)
        return "; ".join(text("study.fixed", lang, rule_set=self.rule_set, stage=stage,
                              threshold=fraction_text(t)) for stage, t in self.fixed)

    def type_at(self, threshold: Fraction | float | str) -> Segment:
        """The segment holding ``threshold`` (its ``type`` and ``letter``)."""
        t = parse_threshold(threshold)
        for segment in self.segments:
            if segment.contains(t):
                return segment
        raise ValueError(f"threshold {fraction_text(t)} is outside the study's range "
                         f"{fraction_text(self.segments[0].low)}:{fraction_text(self.segments[-1].high)}")

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form."""
        return {"segments": [s.to_dict() for s in self.segments],
                "breakpoints": [b.to_dict(lang) for b in self.breakpoints],
                "fixed_thresholds": {stage: fraction_text(t) for stage, t in self.fixed},
                "fixed_message": self.fixed_message(lang)}


@attrs.frozen
class MatchVerdict:
    """What the rules of one rule set concluded about one match of a masterplan element:
    ``counted`` (it synchronizes the element) or rejected for ``condition``; ``rule``: the
    rule that concluded it (``None`` when no rule concluded anything about the match)."""

    rpjmd: str
    relation: str | None
    counted: bool
    rule: str | None
    condition: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"rpjmd": self.rpjmd, "relation": self.relation, "counted": self.counted,
                "rule": self.rule, "condition": self.condition}


@attrs.frozen
class ElementDifference:
    """A masterplan element synchronized under one rule set and not under the other:
    ``synchronized_in`` (``"a"`` or ``"b"``), and per rule set what was concluded about
    its matches (``a`` and ``b``)."""

    stage: str
    element: str
    synchronized_in: str
    a: tuple[MatchVerdict, ...]
    b: tuple[MatchVerdict, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"stage": self.stage, "element": self.element,
                "synchronized_in": self.synchronized_in, "a": [m.to_dict() for m in self.a],
                "b": [m.to_dict() for m in self.b]}


@attrs.frozen
class StageDifference:
    """A stage concluded differently: its counts and status under each rule set, and the
    elements behind the difference. ``decisive``: its status differs (it moves the
    type)."""

    stage: str
    total: int
    synchronized_a: int
    synchronized_b: int
    threshold_a: Fraction
    threshold_b: Fraction
    is_synchronized_a: bool
    is_synchronized_b: bool
    present: bool
    elements: tuple[ElementDifference, ...] = ()

    @property
    def decisive(self) -> bool:
        """Whether the stage's status differs."""
        return self.is_synchronized_a != self.is_synchronized_b

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"stage": self.stage, "total": self.total, "present": self.present,
                "synchronized_a": self.synchronized_a, "synchronized_b": self.synchronized_b,
                "threshold_a": fraction_text(self.threshold_a),
                "threshold_b": fraction_text(self.threshold_b),
                "is_synchronized_a": self.is_synchronized_a,
                "is_synchronized_b": self.is_synchronized_b, "decisive": self.decisive,
                "elements": [e.to_dict() for e in self.elements]}


@attrs.frozen
class TypeReason:
    """Why a region is not the other rule set's type under rule set ``side`` (``"a"`` or
    ``"b"``): the rules' own why-not of ``type`` (its value) under that rule set, said in
    each language (``words``: ``(lang, sentence)`` pairs, read from the why-not reasons
    with that rule set's messages)."""

    side: str
    type: str
    letter: str | None
    words: tuple[tuple[str, str], ...]

    def message(self, lang: str = "en") -> str:
        """The reason in ``lang``."""
        found = dict(self.words)
        return found.get(lang) or found.get("en", "")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form."""
        return {"side": self.side, "type": self.type, "letter": self.letter,
                "words": dict(self.words)}


@attrs.frozen
class Difference:
    """Why one region's type differs between two classifications ``a`` and ``b`` (two rule
    sets, or two thresholds): the stages concluded differently (``stages``, top to
    bottom), the element conclusions behind them, and the rule that concluded each type
    (``type_rule_a``/``type_rule_b``). ``only_a``/``only_b``: stages one typology has and
    the other has not. ``reasons``: where the stages are concluded alike, the rules' own
    why-not of the higher type under the rule set that does not give it (a condition of a
    variant, say), as :class:`TypeReason`."""

    region_id: str
    a: str
    b: str
    type_a: str
    letter_a: str | None
    type_b: str
    letter_b: str | None
    threshold_a: Fraction
    threshold_b: Fraction
    stages: tuple[StageDifference, ...]
    type_rule_a: str | None
    type_rule_b: str | None
    only_a: tuple[str, ...] = ()
    only_b: tuple[str, ...] = ()
    #: each rule named above with its description (its docstring), for the sentences
    rule_texts: tuple[tuple[str, str], ...] = ()
    reasons: tuple[TypeReason, ...] = ()
    #: the words each side's messages give a condition of a rejected match:
    #: ``(side, condition, lang, words)`` (a variant's own ``condition.<name>`` words)
    condition_texts: tuple[tuple[str, str, str, str], ...] = ()

    def lines(self, lang: str = "en") -> list[str]:
        """The difference in sentences, from the matches up to the type (see
        :mod:`smartsync.messages`, keys ``study.diff.*``); a rule is said in its own words
        (its description in the language), never by its Python name."""
        from .messages import has_rule_words, rule_words, text

        texts = dict(self.rule_texts)
        conditions = {(side, condition): words
                      for side, condition, in_lang, words in self.condition_texts
                      if in_lang == lang}

        def said(rule: str) -> str:
            words = rule_words(rule, lang, texts.get(rule, ""))
            if not words:
                return text("study.diff.a_rule", lang)
            if lang != "en" and not has_rule_words(rule, lang):
                # the rule author's own description, in the language it was written in
                return text("study.diff.rule_untranslated", lang, words=words)
            return words

        out: list[str] = []
        names = {"a": self.a, "b": self.b}
        for stage in self.stages:
            count_a = f"{stage.synchronized_a}/{stage.total}"
            count_b = f"{stage.synchronized_b}/{stage.total}"
            if not stage.decisive:
                if stage.present:
                    out.append(text("study.diff.stage_same", lang, stage=stage.stage,
                                    count_a=count_a, count_b=count_b, a=self.a, b=self.b,
                                    status=text("study.status.synchronized"
                                                if stage.is_synchronized_a
                                                else "study.status.unsynchronized", lang)))
                continue
            # the matches behind the difference, grouped by the rule set, rule and condition
            rejected: dict[tuple[str, str | None, str | None], list[str]] = {}
            counted: dict[tuple[str, str | None], list[str]] = {}
            bare: dict[str, list[str]] = {}
            for element in stage.elements:
                lost = "b" if element.synchronized_in == "a" else "a"
                failing = [v for v in getattr(element, lost) if not v.counted]
                for v in failing:
                    rejected.setdefault((lost, v.rule, v.condition), []).append(
                        _pair(element.element, v, lang))
                if not failing:
                    bare.setdefault(lost, []).append(element.element)
                for v in getattr(element, element.synchronized_in):
                    if v.counted:
                        counted.setdefault((element.synchronized_in, v.rule), []).append(
                            _pair(element.element, v, lang))
            for (side, rule, condition), pairs in rejected.items():
                if rule is None:
                    out.append(text("study.diff.not_counted", lang, rule_set=names[side],
                                    matches=", ".join(pairs), count=len(pairs),
                                    stage=stage.stage))
                else:
                    out.append(text("study.diff.rejected", lang, rule_set=names[side],
                                    matches=", ".join(pairs), count=len(pairs),
                                    stage=stage.stage, rule=said(rule),
                                    condition=conditions.get((side, condition or ""))
                                    or _condition(condition, lang) or said(rule)))
            for side, elements in bare.items():
                out.append(text("study.diff.element_unsynchronized", lang, rule_set=names[side],
                                elements=", ".join(elements), stage=stage.stage))
            lost_pairs = {p for pairs in rejected.values() for p in pairs}
            for (side, rule), pairs in counted.items():
                same = set(pairs) <= lost_pairs
                out.append(text("study.diff.counted_same" if same else "study.diff.counted", lang,
                                rule_set=names[side], matches=", ".join(pairs), count=len(pairs),
                                stage=stage.stage, rule=said(rule) if rule else "?"))
            if stage.synchronized_a == stage.synchronized_b:  # the same coverage, two thresholds
                if stage.is_synchronized_a:
                    passing, reached, failing, missed = self.a, stage.threshold_a, self.b, stage.threshold_b
                else:
                    passing, reached, failing, missed = self.b, stage.threshold_b, self.a, stage.threshold_a
                out.append(text("study.diff.threshold", lang, stage=stage.stage, count=count_a,
                                share=stage.synchronized_a / max(stage.total, 1),
                                passing=passing, failing=failing, threshold=float(reached),
                                share_missed=float(missed)))
                continue
            key = "study.diff.stage_falls" if stage.is_synchronized_a else "study.diff.stage_rises"
            failing_threshold = stage.threshold_b if stage.is_synchronized_a else stage.threshold_a
            out.append(text(key, lang, stage=stage.stage, count_a=count_a, count_b=count_b,
                            a=self.a, b=self.b, threshold=float(failing_threshold),
                            share_a=stage.synchronized_a / max(stage.total, 1),
                            share_b=stage.synchronized_b / max(stage.total, 1)))
        for stage in self.only_a:
            out.append(text("study.diff.only", lang, stage=stage, rule_set=self.a))
        for stage in self.only_b:
            out.append(text("study.diff.only", lang, stage=stage, rule_set=self.b))
        if not any(s.decisive for s in self.stages) and not self.only_a and not self.only_b:
            same_rule = (self.type_rule_a == self.type_rule_b
                         and texts.get(self.type_rule_a or "") == texts.get(self.type_rule_b or ""))
            # one rule concluded both types: what differs is what the rules found missing
            # for the higher type (their why-not), not the rule; said once, never twice
            if not (same_rule and self.reasons):
                out.append(text("study.diff.type_rules", lang, a=self.a, b=self.b,
                                rule_a=said(self.type_rule_a) if self.type_rule_a else "?",
                                rule_b=said(self.type_rule_b) if self.type_rule_b else "?"))
            for reason in self.reasons:
                side_type = (self.type_a, self.letter_a) if reason.side == "b" else (self.type_b, self.letter_b)
                out.append(text("study.diff.not_type", lang, rule_set=names[reason.side],
                                type=_type_label(side_type[0], side_type[1], lang),
                                reason=reason.message(lang)))
        out.append(text("study.diff.type", lang, a=self.a, b=self.b,
                        type_a=_type_label(self.type_a, self.letter_a, lang),
                        type_b=_type_label(self.type_b, self.letter_b, lang)))
        return out

    def message(self, lang: str = "en") -> str:
        """The difference in one paragraph."""
        return "; ".join(self.lines(lang)) + "."

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form, with the ``lines`` in ``lang``."""
        return {"a": self.a, "b": self.b, "type_a": self.type_a, "letter_a": self.letter_a,
                "type_b": self.type_b, "letter_b": self.letter_b,
                "threshold_a": fraction_text(self.threshold_a),
                "threshold_b": fraction_text(self.threshold_b),
                "type_rule_a": self.type_rule_a, "type_rule_b": self.type_rule_b,
                "only_a": list(self.only_a), "only_b": list(self.only_b),
                "reasons": [r.to_dict() for r in self.reasons],
                "stages": [s.to_dict() for s in self.stages], "lines": self.lines(lang)}


@attrs.frozen
class RegionStudy:
    """One region of a study: its ``curves`` (rule set name -> :class:`Curve`), its type
    under each rule set at the study's reference threshold (``types``, values), and the
    ``differences`` between each pair of rule sets whose types differ there. A region that
    could not be read or classified has an ``error`` (and its ``problems``) instead."""

    index: int
    region_id: str | None
    name: str | None
    source: str | None
    curves: Mapping[str, Curve] = attrs.field(factory=dict)
    types: Mapping[str, tuple[str, str | None]] = attrs.field(factory=dict)
    differences: tuple[Difference, ...] = ()
    error: str | None = attrs.field(default=None, converter=lambda e: _shown(e, MAX_MESSAGE))
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the region was studied."""
        return self.error is None

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON form (one line of the JSON Lines output)."""
        if self.error is not None:
            return {"region": {"id": self.region_id, "name": self.name}, "source": self.source,
                    "error": self.error,
                    "problems": [{"file": p.file, "line": p.line, "where": p.where,
                                  "severity": p.severity.value, "code": p.code,
                                  "message": p.message} for p in self.problems]}
        return {"region": {"id": self.region_id, "name": self.name}, "source": self.source,
                "types": {name: {"type": t, "letter": letter}
                          for name, (t, letter) in self.types.items()},
                "curves": {name: c.to_dict(lang) for name, c in self.curves.items()},
                "differences": [d.to_dict(lang) for d in self.differences]}

    def records(self) -> list[dict[str, Any]]:
        """Long-form rows: one per rule set and segment (one error row when it failed)."""
        base = {"region": self.region_id, "name": self.name, "source": self.source}
        if self.error is not None:
            return [{**base, "rule_set": None, "threshold_from": None, "threshold_to": None,
                     "from_included": None, "to_included": None, "type": None,
                     "type_letter": None, "error": self.error}]
        return [{**base, "rule_set": name, "threshold_from": seg.low, "threshold_to": seg.high,
                 "from_included": seg.low_included, "to_included": True, "type": seg.type,
                 "type_letter": seg.letter, "error": None}
                for name, curve in self.curves.items() for seg in curve.segments]


@attrs.frozen
class Study:
    """A study: ``rule_sets`` (names, in order), the ``threshold_range`` (``low``, ``high``)
    and the reference ``threshold`` the rule sets are compared at, ``regions`` (a
    :class:`RegionStudy` each, in input order, failed ones included) and the ``typologies``
    of the rule sets (name -> its type values, top stage first, unsynchronized last)."""

    rule_sets: tuple[str, ...]
    threshold_range: tuple[Fraction, Fraction]
    threshold: Fraction
    regions: tuple[RegionStudy, ...]
    typologies: Mapping[str, tuple[tuple[str, str | None], ...]] = attrs.field(factory=dict)

    @property
    def failures(self) -> tuple[RegionStudy, ...]:
        """The regions that could not be read or studied."""
        return tuple(r for r in self.regions if not r.ok)

    @property
    def studied(self) -> tuple[RegionStudy, ...]:
        """The regions studied."""
        return tuple(r for r in self.regions if r.ok)

    def distribution(self, rule_set: str) -> list[DistributionStep]:
        """The regions per type against the threshold under one rule set: one step per
        interval between the regions' breakpoints, each with the regions of every type and
        the regions whose type changes at its upper end."""
        return distribution(self, rule_set)

    def matrix(self, a: str, b: str) -> dict[tuple[str, str], list[str]]:
        """The regions by type under ``a`` and type under ``b`` at the reference threshold:
        ``{(type_a, type_b): [region ids]}`` (every pair of types, empty ones too)."""
        out: dict[tuple[str, str], list[str]] = {
            (ta, tb): [] for ta, _ in self.typologies.get(a, ()) for tb, _ in self.typologies.get(b, ())}
        for region in self.studied:
            key = (region.types[a][0], region.types[b][0])
            out.setdefault(key, []).append(region.region_id or "")
        return out

    def to_records(self) -> list[dict[str, Any]]:
        """The study in long form, as plain dicts (the columns of :data:`RECORD_COLUMNS`):
        one per region, rule set and threshold interval; thresholds as
        :class:`fractions.Fraction`; a failed region is one row with its ``error``."""
        return [row for region in self.regions for row in region.records()]

    def to_dataframe(self) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs pandas: ``pip install
        'smartsync[pandas]'``); thresholds stay exact fractions (``float()`` them to plot)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Study.to_dataframe needs pandas: pip install 'smartsync[pandas]'"
                              ) from None
        return pandas.DataFrame.from_records(self.to_records(), columns=list(RECORD_COLUMNS))


@attrs.frozen
class DistributionStep:
    """One threshold interval of a distribution: ``low < t <= high`` (``t == low`` too when
    ``low_included``), the region ids of each type (``regions``: type value -> ids), and the
    regions whose type changes just above ``high`` (``changes``: ``(id, from, to)``)."""

    low: Fraction
    high: Fraction
    low_included: bool
    regions: Mapping[str, tuple[str, ...]]
    changes: tuple[tuple[str, str, str], ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        """How many regions of each type."""
        return {t: len(ids) for t, ids in self.regions.items()}


def distribution(study: Study, rule_set: str) -> list[DistributionStep]:
    """See :meth:`Study.distribution`."""
    low = study.threshold_range[0]
    types = [t for t, _ in study.typologies.get(rule_set, ())]
    regions = [r for r in study.studied if rule_set in r.curves]
    points = sorted({seg.high for r in regions for seg in r.curves[rule_set].segments})
    steps: list[DistributionStep] = []
    previous = low
    for point in points:
        if point == low:  # a coverage at the range's very start: the interval [low, low]
            included = True
        else:  # the range's start belongs to the first interval, unless it is 0 or its own
            included = previous == low and low != 0 and low not in points
        members: dict[str, list[str]] = {t: [] for t in types}
        for r in regions:
            members.setdefault(r.curves[rule_set].type_at(point).type, []).append(r.region_id or "")
        steps.append(DistributionStep(previous, point, included,
                                      {t: tuple(ids) for t, ids in members.items()}))
        previous = point
    # the regions changing type between one step and the next
    for i in range(len(steps) - 1):
        here, there = steps[i], steps[i + 1]
        after = {rid: t for t, ids in there.regions.items() for rid in ids}
        changes = tuple((rid, t, after[rid]) for t, ids in here.regions.items() for rid in ids
                        if after.get(rid) != t)
        steps[i] = attrs.evolve(here, changes=changes)
    return steps


# ------------------------------------------------------------------------- explaining


def _type_label(value: str, letter: str | None, lang: str) -> str:
    from .messages import stage_name, text

    if letter is None:
        return text("study.type_unsynchronized", lang)
    return text("study.type", lang, letter=letter, stage=stage_name(value, lang))


def _pair(element: str, verdict: MatchVerdict, lang: str) -> str:
    """A match as a sentence shows it: ``SM2 -> M2 (aligned)``."""
    from .messages import format_value

    relation = f" ({format_value('relation', verdict.relation, lang)})" if verdict.relation else ""
    return f"{element} -> {verdict.rpjmd}{relation}"


def _condition(condition: str | None, lang: str) -> str:
    from .messages import has, text

    if condition and has(f"condition.{condition}", lang):
        return text(f"condition.{condition}", lang)
    return ""  # no words for it: the caller says the rule's own words instead


def _rules_by_fact(c: "Classification") -> dict[int, str]:
    return {fact_id: step.rule for step in c.trace.steps for fact_id in step.asserted}


def _verdicts(c: "Classification", element: str, rules: dict[int, str]) -> tuple[MatchVerdict, ...]:
    """What the rules of ``c`` concluded about each match of a masterplan element: counted
    (an ElementSynchronized fact) or rejected (a MatchRejected fact), with the rule."""
    out: list[MatchVerdict] = []
    seen: set[str] = set()
    for fact in c.trace.find("ElementSynchronized", id=element):
        rpjmd = str(fact.get("rpjmd"))
        seen.add(rpjmd)
        out.append(MatchVerdict(rpjmd, fact.get("relation"), True, rules.get(fact.id)))
    for fact in c.trace.find("MatchRejected", masterplan=element):
        rpjmd = str(fact.get("rpjmd"))
        if rpjmd in seen:
            continue
        out.append(MatchVerdict(rpjmd, fact.get("relation"), False, rules.get(fact.id),
                                fact.get("condition")))
    concluded = {v.rpjmd for v in out}
    for match in c.region.matches:  # a match no rule concluded about (another level...)
        if match.masterplan == element and match.rpjmd not in concluded:
            out.append(MatchVerdict(match.rpjmd, match.relation.value, False, None))
            concluded.add(match.rpjmd)
    return tuple(out)


def _type_rule(c: "Classification", rules: dict[int, str]) -> str | None:
    return rules.get(c.type_fact().id)


def _rank(c: "Classification", value: str) -> int | None:
    """The rank of a type (its value) in ``c``'s typology: 0 for no type, higher for a
    type starting higher; None when the typology has no such type."""
    try:
        t = c.typology.parse_type(value)
    except ValueError:
        return None
    if c.typology.letter(t) is None:
        return 0
    return len(c.typology.stages) - c.typology.stages.index(str(t.value))


def _type_reasons(a: "Classification", b: "Classification") -> tuple[TypeReason, ...]:
    """The rules' why-not of the higher of the two types under the classification that
    does not give it (read from its why-not reasons, in every language)."""
    from .messages import LANGUAGES

    ranks = [(_rank(a, str(a.type.value)), _rank(a, str(b.type.value))),
             (_rank(b, str(a.type.value)), _rank(b, str(b.type.value)))]
    if any(r is None for pair in ranks for r in pair):
        return ()
    if ranks[1][0] > ranks[1][1]:  # b gives the lower type: why is it not a's?
        side, lower, higher = "b", b, a
    elif ranks[0][1] > ranks[0][0]:
        side, lower, higher = "a", a, b
    else:
        return ()
    if higher.type_letter is None:
        return ()
    out = []
    for reason in lower.why_not(higher.type_letter):
        words = tuple((lang, reason.message(lang)) for lang in LANGUAGES)
        if words not in [r.words for r in out]:
            out.append(TypeReason(side, str(higher.type.value), higher.type_letter, words))
    return tuple(out)


def explain_difference(a: "Classification", b: "Classification", *, names: tuple[str, str] = ("a", "b")
                       ) -> Difference:
    """Why two classifications of one region differ (two rule sets, or two thresholds):
    the stages they conclude differently, and for each the masterplan elements one counts
    and the other does not, with what each concluded about their matches and by which
    rule; the rule that concluded each type. Read from the two results' facts and traces.

    ``names``: how the two are called in the sentences (rule set names, thresholds).
    """
    if a.region_id != b.region_id:
        raise ValueError(f"explain_difference compares one region under two rule sets; got "
                         f"{a.region_id!r} and {b.region_id!r}")
    rules_a, rules_b = _rules_by_fact(a), _rules_by_fact(b)
    stages: list[StageDifference] = []
    common = [s for s in a.typology.stages if s in b.stages]
    for stage in common:
        sa, sb = a.stages[stage], b.stages[stage]
        ta, tb = _exact(sa.threshold), _exact(sb.threshold)
        if (sa.synchronized_ids == sb.synchronized_ids and sa.is_synchronized == sb.is_synchronized
                and sa.total == sb.total):
            continue
        elements: list[ElementDifference] = []
        ids_a, ids_b = set(sa.synchronized_ids), set(sb.synchronized_ids)
        order = list(dict.fromkeys(sa.synchronized_ids + sa.unsynchronized_ids
                                   + sb.synchronized_ids + sb.unsynchronized_ids))
        for element in order:
            if (element in ids_a) == (element in ids_b):
                continue
            elements.append(ElementDifference(
                stage, element, "a" if element in ids_a else "b",
                _verdicts(a, element, rules_a), _verdicts(b, element, rules_b)))
        stages.append(StageDifference(
            stage=stage, total=sa.total, synchronized_a=sa.synchronized,
            synchronized_b=sb.synchronized, threshold_a=ta, threshold_b=tb,
            is_synchronized_a=sa.is_synchronized, is_synchronized_b=sb.is_synchronized,
            present=sa.present, elements=tuple(elements)))
    return Difference(
        region_id=a.region_id, a=names[0], b=names[1], type_a=str(a.type.value),
        letter_a=a.type_letter, type_b=str(b.type.value), letter_b=b.type_letter,
        threshold_a=_exact(a.params.threshold), threshold_b=_exact(b.params.threshold),
        stages=tuple(stages), type_rule_a=_type_rule(a, rules_a),
        type_rule_b=_type_rule(b, rules_b),
        only_a=tuple(s for s in a.typology.stages if s not in b.stages
                     and a.stages[s].is_synchronized),
        only_b=tuple(s for s in b.typology.stages if s not in a.stages
                     and b.stages[s].is_synchronized),
        rule_texts=tuple(sorted({step.rule: step.description or "" for c in (a, b)
                                 for step in c.trace.steps}.items())),
        reasons=(_type_reasons(a, b) if not any(s.is_synchronized_a != s.is_synchronized_b
                                                for s in stages) else ()),
        condition_texts=_condition_texts(stages, {"a": a, "b": b}))


def _condition_texts(stages: Sequence[StageDifference], sides: Mapping[str, "Classification"]
                     ) -> tuple[tuple[str, str, str, str], ...]:
    """The words of every condition a rejected match names, in every language, with the
    messages of the classifier that rejected it (a variant's ``condition.<name>``)."""
    from .messages import LANGUAGES, using

    out: dict[tuple[str, str, str], str] = {}
    for stage in stages:
        for element in stage.elements:
            for side in ("a", "b"):
                for verdict in getattr(element, side):
                    if verdict.counted or not verdict.condition:
                        continue
                    with using(getattr(sides[side], "messages", None)):
                        for lang in LANGUAGES:
                            words = _condition(verdict.condition, lang)
                            if words:
                                out[(side, verdict.condition, lang)] = words
    return tuple((side, condition, lang, words) for (side, condition, lang), words in out.items())


# ------------------------------------------------------------------------ the curves


class _Runs:
    """One region classified by one classifier at thresholds (each threshold once): the
    first threshold asked is a classification, every other one a what-if on the live
    working memory of that run (another :class:`~smartsync.facts.StageThreshold`:
    :mod:`smartsync.whatif`); everything else reads only what the runs concluded."""

    def __init__(self, classifier: "Classifier", region: Region, params: Parameters):
        self.classifier, self.region, self.params = classifier, region, params
        self.done: dict[Fraction, "Classification"] = {}
        self._first: "Classification | None" = None

    def classify(self, threshold: Fraction) -> "Classification":
        if threshold not in self.done:
            if self._first is None or not hasattr(self.classifier, "_engine"):
                params = attrs.evolve(self.params, threshold=float(threshold))
                found = self.classifier.classify(self.region, params=params)
                self._first = self._first or found
            else:
                from .whatif import what_if

                found = what_if(self._first, threshold=float(threshold),
                                classifier=self.classifier)
            self.done[threshold] = found
        return self.done[threshold]


def _coverages(c: "Classification") -> set[Fraction]:
    """The coverages the rules concluded for the stages the general threshold applies to,
    as exact fractions (``synchronized/total`` when the coverage is that share)."""
    out: set[Fraction] = set()
    for stage, s in c.stages.items():
        if not s.present or stage in c.params.thresholds:
            continue
        if s.total and s.coverage == s.synchronized / s.total:
            out.add(Fraction(s.synchronized, s.total))
        else:
            out.add(Fraction(s.coverage))
    return out


def curve(classifier: "Classifier", region: Region, *, params: Parameters | None = None,
          threshold_range: tuple[Fraction, Fraction] = FULL_RANGE, rule_set: str = "",
          runs: _Runs | None = None) -> Curve:
    """The type of ``region`` under ``classifier`` as a function of the threshold over
    ``threshold_range`` (``params``: the other parameters; the classifier's by default)."""
    low, high = threshold_range
    runs = runs or _Runs(classifier, region, params or classifier.params)
    candidates: set[Fraction] = set()
    for done in list(runs.done.values()):
        candidates |= _coverages(done)
    if not runs.done:
        candidates |= _coverages(runs.classify(high))

    def intervals() -> list[tuple[Fraction, Fraction, bool]]:
        inside = sorted(c for c in candidates if low < c < high)
        out: list[tuple[Fraction, Fraction, bool]] = []
        start, included = low, True
        if low in candidates or low == 0:
            # the range's start is its own interval when a coverage equals it (0: never a
            # threshold, the range starts just above it)
            if low != 0:
                out.append((low, low, True))
            included = False
        for point in inside + [high]:
            out.append((start, point, included))
            start, included = point, False
        return out

    def representative(lo: Fraction, hi: Fraction, included: bool) -> Fraction:
        """Where to classify an interval: a threshold already classified in it (the whole
        interval behaves alike: the reference threshold's run serves its interval), else
        its upper end."""
        for t in sorted(runs.done):
            if lo < t <= hi or (included and t == lo):
                return t
        return hi

    while True:
        before = len(candidates)
        for piece in intervals():
            candidates |= _coverages(runs.classify(representative(*piece)))
        if len(candidates) == before:
            break
    segments: list[Segment] = []
    breakpoints: list[Breakpoint] = []
    below: "Classification | None" = None  # the run of the last interval of the last segment
    for lo, hi, included in intervals():
        c = runs.classify(representative(lo, hi, included))
        value, letter = str(c.type.value), c.type_letter
        if segments and segments[-1].type == value:
            segments[-1] = attrs.evolve(segments[-1], high=hi)
        else:
            if segments and below is not None:
                breakpoints.append(Breakpoint(segments[-1].high, segments[-1].type,
                                              segments[-1].letter, value, letter,
                                              _crossings(below, c)))
            segments.append(Segment(lo, hi, value, letter, included))
        below = c
    first = runs.classify(representative(*intervals()[0]))
    present = [stage for stage in first.typology.stages
               if stage in first.stages and first.stages[stage].present]
    fixed = tuple((stage, _exact(first.stages[stage].threshold)) for stage in present
                  if stage in first.params.thresholds)
    return Curve(rule_set, tuple(segments), tuple(breakpoints), runs=len(runs.done),
                 fixed=fixed, all_fixed=bool(fixed) and len(fixed) == len(present))


def _crossings(below: "Classification", above: "Classification") -> tuple[StageCrossing, ...]:
    out = []
    for stage, s in below.stages.items():
        t = above.stages.get(stage)
        if t is None or (s.is_synchronized == t.is_synchronized and s.synchronized == t.synchronized):
            continue
        coverage = (Fraction(s.synchronized, s.total) if s.total
                    and s.coverage == s.synchronized / s.total else Fraction(s.coverage))
        out.append(StageCrossing(stage, s.synchronized, s.total, coverage, s.is_synchronized,
                                 t.is_synchronized))
    return tuple(out)


# ------------------------------------------------------------------------ rule sets


def _rule_sets(rule_sets: Sequence[Any] | str) -> list[tuple[str, "Variant"]]:
    from .variants import load_variant

    if isinstance(rule_sets, str):
        rule_sets = [r for r in (part.strip() for part in rule_sets.split(",")) if r]
    if not rule_sets:
        raise ValueError("a study needs at least one rule set, e.g. rule_sets=['default']")
    out: list[tuple[str, Variant]] = []
    seen: set[str] = set()
    for spec in rule_sets:
        variant = load_variant(spec)
        name = spec if isinstance(spec, str) else variant.name
        if name in seen:
            raise ValueError(f"rule set {name!r} is named twice")
        seen.add(name)
        out.append((name, variant))
    return out


def _type_values(variant: "Variant") -> tuple[tuple[str, str | None], ...]:
    typology = variant.typology
    return tuple((str(t.value), typology.letter(t)) for t in typology.type_enum)


# ------------------------------------------------------------------------ doing the work

_worker: dict[str, Any] = {}


def _study_region(unit: Any, index: int, setup: dict[str, Any]) -> RegionStudy:
    from .batch import _load_unit

    loaded = _load_unit(unit, index)
    if not isinstance(loaded, tuple):  # a BatchItem of a failure
        return RegionStudy(index, loaded.region_id, None, loaded.source, error=loaded.error,
                           problems=loaded.problems)
    region, problems = loaded
    classifiers = setup["classifiers"]
    reference: Fraction = setup["threshold"]
    curves: dict[str, Curve] = {}
    at_reference: dict[str, Any] = {}
    try:
        for name, variant in setup["variants"]:
            classifier = classifiers.get(name)
            if classifier is None:
                classifier = classifiers[name] = variant.classifier()
            params = variant.params
            runs = _Runs(classifier, region, params)
            at_reference[name] = runs.classify(reference)
            curves[name] = curve(classifier, region, params=params,
                                 threshold_range=setup["range"], rule_set=name, runs=runs)
        differences = []
        names = [name for name, _ in setup["variants"]]
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                ca, cb = at_reference[a], at_reference[b]
                if ca.type.value != cb.type.value:
                    differences.append(explain_difference(ca, cb, names=(a, b)))
    except Exception as exc:  # one odd region (or a rule that breaks on it) never stops a study
        from .errors import InvalidRegionError, SmartsyncError

        if isinstance(exc, InvalidRegionError):
            message = "; ".join(str(p) for p in exc.problems)
        elif isinstance(exc, SmartsyncError):
            message = " ".join(str(exc).split())
        else:
            message = f"classification failed: {type(exc).__name__}: {exc}"
        return RegionStudy(index, region.id, region.name, unit.source, error=message,
                           problems=tuple(problems))
    types = {name: (str(c.type.value), c.type_letter) for name, c in at_reference.items()}
    return RegionStudy(index, region.id, region.name, unit.source, curves=curves, types=types,
                       differences=tuple(differences), problems=tuple(problems))


def _init_worker(setup: dict[str, Any], parent: int) -> None:
    from .batch import _watch_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    _worker["setup"] = setup


def _work(chunk: list[tuple[int, Any]]) -> list[RegionStudy]:
    setup = _worker["setup"]
    return [_study_region(unit, index, setup) for index, unit in chunk]


def _pooled(units: Iterable[tuple[int, Any]], jobs: int, setup: dict[str, Any],
            chunksize: int) -> Iterator[RegionStudy]:
    executor = ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(setup, os.getpid()))
    pending: collections.deque[Future[list[RegionStudy]]] = collections.deque()
    try:
        chunk: list[tuple[int, Any]] = []
        for pair in units:
            chunk.append(pair)
            if len(chunk) >= chunksize:
                pending.append(executor.submit(_work, chunk))
                chunk = []
                while len(pending) >= jobs * 3:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(executor.submit(_work, chunk))
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def _once_per_region(items: Iterable[RegionStudy]) -> Iterator[RegionStudy]:
    """The items, a region whose id came earlier turned into an error (as batch does)."""
    seen: dict[str, str] = {}
    for item in items:
        if item.ok and item.region_id is not None:
            where = seen.get(item.region_id)
            if where is not None:
                problem = coded_problem("duplicate-region",
                                        {"region": repr(item.region_id), "first": where,
                                         "form": "study"},
                                        file=item.source, where=Place("region"))
                item = RegionStudy(item.index, item.region_id, item.name, item.source,
                                   error=str(problem), problems=item.problems + (problem,))
            else:
                seen[item.region_id] = item.source or f"item {item.index}"
        yield item


def iter_study(regions: Iterable[Region | PathLike] | Region | PathLike, *,
               rule_sets: Sequence[Any] | str = ("default",),
               threshold_range: Any = None, threshold: Any = None, jobs: int = 1,
               chunksize: int = 4, _units: Iterable[Any] | None = None) -> tuple[dict[str, Any], Iterator[RegionStudy]]:
    """The study's set-up (rule sets, range, reference threshold, typologies) and its
    regions, one :class:`RegionStudy` at a time, in input order (for a long study written
    as it goes: the command line's CSV and JSON Lines). Arguments as :func:`study`."""
    from . import batch

    variants = _rule_sets(rule_sets)
    low, high = parse_threshold_range(threshold_range)
    reference = parse_threshold(threshold) if threshold is not None else Fraction(1, 2)
    if not 0 < reference <= 1:
        raise ValueError(f"the reference threshold must be above 0 and at most 1, got "
                         f"{fraction_text(reference)}")
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number, 0 or more, got {jobs!r}")
    setup = {"variants": variants, "range": (low, high), "threshold": reference,
             "classifiers": {}}
    info = {"rule_sets": tuple(name for name, _ in variants), "range": (low, high),
            "threshold": reference,
            "typologies": {name: _type_values(v) for name, v in variants}}
    units = _units if _units is not None else batch._units(regions)
    if isinstance(units, list):
        count = batch.worker_count(jobs, len(units))
    else:
        count = batch.worker_count(jobs)
    numbered = enumerate(units)
    if count == 1:
        items: Iterator[RegionStudy] = (_study_region(u, i, setup) for i, u in numbered)
    else:
        items = _pooled(numbered, count, {**setup, "classifiers": {}}, chunksize)
    return info, _once_per_region(items)


def study(regions: Iterable[Region | PathLike] | Region | PathLike, *,
          rule_sets: Sequence[Any] | str = ("default",), threshold_range: Any = None,
          threshold: Any = None, jobs: int = 1) -> Study:
    """Study regions under rule sets across a range of thresholds.

    ``regions``: :class:`~smartsync.Region` objects and paths, as
    :func:`~smartsync.classify_many` takes them (region files, folders, tables, ``.xlsx``
    workbooks). ``rule_sets``: variant names, modules or :class:`~smartsync.Variant`
    objects (``["default", "cascading", "mystudy.rules"]``, or one text
    ``"default,cascading"``); each is named in the study as given. ``threshold_range``:
    ``"0.3:0.8"`` or a pair (default: the whole range, above 0 to 1). ``threshold``: the
    reference threshold the rule sets are compared at (default 0.5). ``jobs``: worker
    processes, as for :func:`~smartsync.classify_many`.

    A region that cannot be read or classified is kept with its ``error``; the study goes
    on. Raises :class:`~smartsync.RulePackError` for a rule set that cannot be loaded and
    :class:`ValueError` for a range or threshold out of bounds.
    """
    info, items = iter_study(regions, rule_sets=rule_sets, threshold_range=threshold_range,
                             threshold=threshold, jobs=jobs)
    return Study(info["rule_sets"], info["range"], info["threshold"], tuple(items),
                 info["typologies"])



class _CallableModule(types.ModuleType):
    """This module, callable as :func:`study`: importing ``smartsync.study`` (the module)
    makes it the package's attribute ``smartsync.study``, where the function is expected;
    so ``smartsync.study(...)`` studies whichever of the two it finds."""

    def __call__(self, *args: Any, **kwargs: Any) -> Study:
        return study(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
