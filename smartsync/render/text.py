"""A classification as text for the terminal, with the explanation as an indented tree."""

from __future__ import annotations

from typing import Any, Iterable

from ..messages import (catalog, format_bound, format_value, funding_message,
                        rule_description, stage_name, text, type_name)
from ..trace import Derivation, FactRecord
from ..trace import _short
from ._lines import short_text
from ._subject import speaks

__all__ = ["render_text", "describe_fact", "stage_line", "how_lines", "why_not_lines",
           "trace_lines", "type_line", "to_reach_lines", "stability_lines", "short_text",
           "why_not_title", "why_not_blocks", "proposal_line", "to_fall_lines", "count_line",
           "conditions_line", "wide_line", "unfound_line"]


def describe_fact(record: FactRecord) -> str:
    """A fact on one line: its kind and fields, long lists shortened
    (:meth:`smartsync.FactRecord.line`)."""
    return record.line()


def stage_line(stage: Any, lang: str, base: str | None = None) -> str:
    """One stage's figures in words; an absent ``base`` stage (program) says that without
    it no type can be given."""
    if not stage.present:
        key = "stage.absent_base" if stage.stage == base else "stage.absent"
        return text(key, lang, stage=stage.stage)
    status = "full" if stage.full else "partial" if stage.is_synchronized else "not"
    return text("stage.line", lang, stage=stage.stage, synchronized=stage.synchronized,
                matched=stage.matched, total=stage.total, coverage=stage.coverage,
                threshold=stage.threshold, status=text(f"stage.status.{status}", lang))


def _element_text(region: Any, plan: str, element_id: str | None) -> str:
    element = None if region is None or element_id is None else \
        getattr(region, plan).get(element_id)
    return short_text(element.text) if element is not None else ""


@speaks
def type_line(c: Any, lang: str, stability: Any = None) -> str:
    """The type in words, with its caveats: plan periods that share no year (and the
    action: align with the RPJMD in force), a type that holds only at the exact threshold."""
    from ._lines import type_caveats

    notes = type_caveats(c, lang, stability)
    named = type_name(c.type, c.type_letter, lang)
    # "Type A: synchronization starts at the vision", not "Type: type A: ..."
    line = (named[:1].upper() + named[1:] if c.type_letter is not None
            else f"{text('heading.type', lang)}: {named}")
    return line + (f" ({'; '.join(notes)})" if notes else "")


def proposal_line(region: Any, p: Any, lang: str) -> str:
    """One proposed change in words: a new match to the matcher's candidate, a new match
    for which a person must find the counterpart, or the relation of an existing match
    changed (``change the relation of SP1 -> RP1 from aligned to derived``)."""
    key = "advice.proposal.candidate" if p.rpjmd else (
        # the matcher was not asked about it: the region is over the advice's limit
        "advice.proposal.limited" if getattr(p, "limited", False) else
        # the matcher was not run for this advice (suggest=False)
        "advice.proposal.unasked" if getattr(p, "unasked", False) else "advice.proposal.none")
    if p.rpjmd and p.score is None:  # a pair the search found the rules need
        key = "advice.proposal.only" if getattr(p, "only", False) else "advice.proposal.pair"
    if getattr(p, "change", "add") == "relation":
        # what the planner changes in the plan for the new relation to be true (adopt the
        # RPJMD element, formulate from it), not a relabelling of the match
        key = "advice.proposal.relation"
        if f"{key}.{p.relation}" in catalog(lang):
            key = f"{key}.{p.relation}"
    if getattr(p, "change", "add") == "remove":
        key = "advice.proposal.remove"
    review_note = getattr(p, "review_note", None)
    if p.rpjmd and review_note is not None and getattr(p, "change", "add") == "add":
        # a pair a reviewer rejected, which the rules need all the same (newuser F199)
        key = "advice.proposal.reviewed_only" if getattr(p, "only", False) else \
            "advice.proposal.reviewed"
    counting = tuple(getattr(p, "counting", ()))
    refused = tuple(getattr(p, "refused", ()))
    held = tuple(getattr(p, "rejected", ()))
    confirm = tuple(getattr(p, "confirm", ()))
    if held and key in ("advice.proposal.none", "advice.proposal.unasked"):
        # the file pairs it already, with a match a rule in force rejects or a suggestion a
        # reviewer turned down: said, instead of "no RPJMD element proposed by the matcher"
        key = "advice.proposal.rejected"
        if confirm:  # the rules count that match once a person confirms it
            key = "advice.proposal.confirm"
    if counting and key in ("advice.proposal.none", "advice.proposal.unasked",
                            "advice.proposal.rejected"):
        # the rules in force let only some counterparts count: which, and why not the
        # others (named the shorter way, as the advice decided: "only X" or "any but Y")
        key = f"{key}_but" if getattr(p, "counting_but", False) else f"{key}_counting"
    return text(key, lang, masterplan=p.masterplan, rpjmd=p.rpjmd or "", stage=p.stage,
                counting=_ids_said(counting, lang),
                refused=_refused_said(refused, key, lang),
                refused_ids=_ids_said(tuple(r for r, _ in refused), lang),
                masterplan_text=_element_text(region, "masterplan", p.masterplan),
                rpjmd_text=_element_text(region, "rpjmd", p.rpjmd),
                rejected="; ".join(_held(held, lang)), confirm=_ids_said(confirm, lang),
                score=p.score if p.score is not None else "",
                relation=p.relation,
                note=text("advice.review_note", lang, note=short_text(review_note, 160))
                if review_note else "",
                change=text(f"advice.reviewed_change.{p.relation}", lang, masterplan=p.masterplan,
                            rpjmd=p.rpjmd or "") if review_note is not None else "",
                # the current relation in the language's words, as the new one is
                current=format_value("relation", getattr(p, "current", None) or "", lang))


def _ids_said(ids: tuple[str, ...], lang: str, most: int = 8) -> str:
    """Element ids as a list, the first ``most`` named and the rest counted."""
    if len(ids) <= most:
        return ", ".join(ids)
    return text("advice.ids_more", lang, ids=", ".join(ids[:most]), count=len(ids) - most)


def _held(held: tuple[tuple[str, str], ...], lang: str) -> list[str]:
    """The pairs the file holds for an element that do not help, in words: a match a rule
    in force rejects, with the condition the rules concluded (said as one of the rules in
    force where the catalogs have no words for it), or a suggestion a reviewer rejected."""
    from ..messages import catalog

    out = []
    for rpjmd, condition in held:
        if condition == "reviewer":
            out.append(text("advice.held.reviewer", lang, rpjmd=rpjmd))
        else:
            words = (text(f"condition.{condition}", lang)
                     if f"condition.{condition}" in catalog(lang)
                     else text("advice.held.rule", lang))
            out.append(text("advice.held.match", lang, rpjmd=rpjmd, condition=words))
    return out


def _refused_said(refused: tuple[tuple[str, str], ...], key: str, lang: str) -> str:
    """The counterparts a match to which would not count, in words; where the sentence
    already names them ("any RPJMD program but P1, P2") and one condition refuses them all,
    only that condition, not the list again (newuser F163)."""
    conditions = {c for _, c in refused}
    if key.endswith("_but") and len(conditions) == 1:
        return text("advice.refused_those", lang, condition=_condition_words(conditions.pop(), lang))
    return "; ".join(_refused(refused, lang))


def _condition_words(condition: str, lang: str) -> str:
    """A condition the rules concluded failed, in words (one of the rules in force where the
    catalogs have none)."""
    from ..messages import catalog

    return (text(f"condition.{condition}", lang)
            if f"condition.{condition}" in catalog(lang) or f"condition.{condition}"
            in catalog("en") else text("advice.condition_unnamed", lang))


def _refused(refused: tuple[tuple[str, str], ...], lang: str) -> list[str]:
    """The counterparts a match to which would not count, grouped by the condition the
    rules concluded failed, in words (a condition without words in the catalogs said as
    one of the rules in force)."""
    by_condition: dict[str, list[str]] = {}
    for rpjmd, condition in refused:
        by_condition.setdefault(condition, []).append(rpjmd)
    return [text("advice.refused", lang, ids=_ids_said(tuple(ids), lang),
                 condition=_condition_words(condition, lang))
            for condition, ids in by_condition.items()]


def count_line(c: Any, item: Any, stage: str, count: int, lang: str) -> str:
    """How many more elements of a stage must count for a type, and why, from what the
    rules concluded: the threshold where the stage is not synchronized; where it already
    is, the type's conditions the rules concluded failed (``ConditionFailed``), never the
    threshold; "match" where the proposals add matches, "change the relation" where each
    is a relation change."""
    if getattr(item, "wide", False) or stage not in c.stages:
        # the pairs the rules need, named one by one below (a level need not be a stage)
        return text("advice.count_wide", lang, count=count, stage=stage)
    figures = c.stages[stage]
    values = dict(count=count, stage=stage, synchronized=figures.synchronized,
                  total=figures.total, required=figures.synchronized + count,
                  threshold=figures.threshold)
    conditions = tuple(getattr(item, "conditions", ()))
    said = "; ".join(text(f"condition.{name}", lang) for name in conditions) \
        or text("advice.condition_unnamed", lang)
    stages = list(c.typology.stages)
    after = getattr(item, "after", {}).get(stage)
    removals = [p for p in item.proposal if p.stage == stage]
    if removals and all(getattr(p, "change", "add") == "remove" for p in removals):
        # matches taken away (rules that are not monotone): said as such, at any stage
        return text("advice.count_remove", lang, **values)
    if item.type.value in stages and stages.index(stage) < stages.index(item.type.value):
        # above the type's stage: needed by the rules in force, not by the type's threshold
        return text("advice.count_above", lang, **values)
    if figures.is_synchronized:
        return text("advice.count_condition", lang, conditions=said, **values)
    if after is not None and after != figures.synchronized + count:
        # the other stages' changes make more of this stage count (a variant's condition)
        return text("advice.count_after", lang, after=after, **values)
    changes = [p for p in item.proposal if p.stage == stage]
    if changes and all(getattr(p, "change", "add") == "relation" for p in changes):
        return text("advice.count_relation", lang, **values)
    return text("advice.count_one" if count == 1 else "advice.count", lang, **values)


def conditions_line(item: Any, lang: str) -> str | None:
    """The conditions of a type the rules concluded failed on the region (its
    ``ConditionFailed`` facts), in words; ``None`` when there are none."""
    conditions = tuple(getattr(item, "conditions", ()))
    if not conditions:
        return None
    return text("advice.conditions", lang, letter=item.letter, conditions="; ".join(
        text(f"condition.{name}", lang) for name in conditions))


def wide_line(item: Any, lang: str) -> str | None:
    """Where only changes beyond the unsynchronized elements reach a type (``wide``): that
    matches of those elements alone do not, how the pairs below were found and what is
    proven of them; ``None`` otherwise."""
    if not getattr(item, "wide", False):
        return None
    if getattr(item, "own_elements", False):
        # the unsynchronized elements' own matches reach it, one element needing several:
        # "no match of the unsynchronized elements alone" would be false
        key = ("advice.wide_own_cut" if getattr(item, "wide_cut", False) else
               "advice.wide_several" if item.several else "advice.wide_own")
        return text(key, lang, letter=item.letter, count=len(item.proposal),
                    elements=", ".join(item.several)) + _ranked(item, lang)
    key = ("advice.wide_sets" if getattr(item, "sets", False) else
           "advice.wide_cut" if getattr(item, "wide_cut", False) else "advice.wide")
    return text(key, lang, letter=item.letter, count=len(item.proposal)) + _ranked(item, lang)


def _ranked(item: Any, lang: str) -> str:
    """Where the wide advice kept, of several pairs that would do, the one the matcher
    scores highest: said, after the sentence on how the pairs were found."""
    return " " + text("advice.wide_ranked", lang) if getattr(item, "ranked", False) else ""


#: the wide advice's pairs shown per element and per stage; the rest counted
#: ("and 48 more"), every pair kept in the advice (``TypeAdvice.proposal``, the JSON)
WIDE_SHOWN_PER_ELEMENT = 3
WIDE_SHOWN_PER_STAGE = 12


def _shown(item: Any, stage: str) -> tuple[list[Any], int]:
    """The proposals of a stage to show and how many more there are: all of them, except
    for wide advice, where each element's best-scored pairs first, at most
    :data:`WIDE_SHOWN_PER_ELEMENT` per element and :data:`WIDE_SHOWN_PER_STAGE` in all."""
    mine = [p for p in item.proposal if p.stage == stage]
    if not getattr(item, "wide", False):
        return mine, 0
    per: dict[str, list[Any]] = {}
    for p in mine:
        per.setdefault(p.masterplan, []).append(p)
    shown = []
    for pairs in per.values():
        ranked = sorted(pairs, key=lambda p: -(p.score or 0.0))  # stable: the rest in order
        shown.extend(ranked[:WIDE_SHOWN_PER_ELEMENT])
    shown = shown[:WIDE_SHOWN_PER_STAGE]
    return shown, len(mine) - len(shown)


def unfound_line(item: Any, lang: str) -> str:
    """A type not proven unreachable that no change tried reaches (``found`` is false): the
    region too large for the widest change, or, where the rules are not monotone, the
    search by sets cut short at its limit (how far it went: ``tried``, ``tried_size``,
    ``pool``)."""
    if not getattr(item, "pool", 0):
        return text("advice.unfound", lang, letter=item.letter)
    key = "advice.unfound_sets" if item.tried_size else "advice.unfound_sets_none"
    return text(key, lang, letter=item.letter, tried=item.tried, size=item.tried_size,
                pool=item.pool)


def unreachable_line(item: Any, letter: str, lang: str, said: dict[str, str]) -> str:
    """Why a type cannot be reached by adding matches: the stages the plans lack, else the
    rules' why-not on the region with every possible match added, said as that region's
    (never as the file's); a reason already said for another type is referred to, not
    repeated (``said``: reasons said so far, to the letter they were said for)."""
    missing = "; ".join(text(f"advice.missing.{m.plan}", lang, stage=m.stage)
                        for m in item.missing)
    if missing:
        return text("advice.unreachable", lang, letter=letter, missing=missing)
    reasons = "; ".join(r.message(lang) for r in item.reasons)
    if reasons in said:
        return text("advice.unreachable.same", lang, letter=letter, other=said[reasons])
    said[reasons] = letter
    if getattr(item, "pool", 0) and item.tried_size == item.pool:
        # rules that are not monotone: proven by trying every set of the additions and
        # relation changes, not the losses of matches (said so)
        return text("advice.unreachable.sets", lang, letter=letter, reasons=reasons,
                    pool=item.pool, tried=item.tried)
    return text("advice.unreachable.widest", lang, letter=letter, reasons=reasons)


@speaks
def to_reach_lines(c: Any, lang: str, advice: Any) -> list[str]:
    """What to change to reach each type in ``advice`` (a mapping of letters to
    :class:`~smartsync.advice.TypeAdvice`): per stage the matches needed, the elements
    that could take them with the matcher's candidates, and whether that is enough."""
    lines: list[str] = []
    if not advice:
        return [text("advice.top", lang, letter=c.type_letter)]
    region = c.region
    said: dict[tuple, str] = {}
    unreachable: dict[str, str] = {}
    # the nearest type first: what the fewest matches give, then what more give
    for letter, item in reversed(list(advice.items())):
        same = (tuple((k, v) for k, v in item.needed.items() if v), item.proposal, item.gives)
        if item.reachable and same in said:
            lines.append(text("advice.same", lang, letter=letter, other=said[same]))
            continue
        said[same] = letter
        if item.reachable and not getattr(item, "found", True):
            lines.append(unfound_line(item, lang))
            continue
        if not item.reachable:
            lines.append(unreachable_line(item, letter, lang, unreachable))
            continue
        lines.append(text("advice.reach", lang, letter=letter, stage=item.type.value))
        failed = conditions_line(item, lang)
        if failed is not None:
            lines.append("  " + failed)
        wide = wide_line(item, lang)
        if wide is not None:
            lines.append("  " + wide)
        for stage, count in item.needed.items():
            if not count:
                continue
            lines.append("  - " + count_line(c, item, stage, count, lang))
            shown, more = _shown(item, stage)
            lines.extend("      " + proposal_line(region, p, lang) for p in shown)
            if more:
                lines.append("      " + text("advice.wide_more", lang, count=more))
        if item.gives is not None and item.gives != item.type:
            lines.append("  " + text("advice.gives", lang, type=type_name(
                item.gives, c.typology.letter(item.gives), lang)))
        lines.append("  " + summary_line(item, letter, lang))
        lines += limited_lines(item, lang)
    return lines


def summary_line(item: Any, letter: str, lang: str) -> str:
    """Whether the proposal alone reaches the type; if not, how many of its elements need
    only a person's confirmation of their match in the file, and how many still need a
    counterpart to be found (:class:`~smartsync.advice.TypeAdvice`'s figures)."""
    reviewed = sum(1 for p in item.proposal if getattr(p, "review_note", None) is not None)
    if item.complete and reviewed:
        # the proposal reaches the type only against a reviewer's decision (newuser F199)
        return text("advice.complete_reviewed", lang, letter=letter, count=reviewed)
    if item.complete:
        return text("advice.complete", lang, letter=letter)
    if item.to_confirm:
        return text("advice.confirm_would_do" if not item.to_find else "advice.confirm_and_find",
                    lang, confirm=item.to_confirm, count=item.to_find)
    # the matcher was not run for this advice (suggest=False): not "its candidates"
    return text("advice.incomplete_unasked" if getattr(item, "unasked", False)
                else "advice.incomplete", lang, count=item.to_find)


def limited_lines(item: Any, lang: str) -> list[str]:
    """Where the advice of one type was cut short on a large region: how many of its
    proposed elements the matcher was not asked about (their counterparts are for a
    person to find; the limit is ``smartsync.advice.MAX_CANDIDATE_PAIRS``)."""
    count = sum(1 for p in item.proposal if getattr(p, "limited", False))
    return ["  " + text("advice.limited", lang, count=count)] if count else []


@speaks
def stability_lines(c: Any, lang: str, stability: Any) -> list[str]:
    """How stable the type is: the threshold range, what it becomes outside it (each
    bound exact, or rounded in the direction that keeps the sentence true with its exact
    fraction beside it), the fewest lost matches that change it, the matches whose loss
    alone lowers it most (what to protect), and whether it is fragile."""
    s = stability
    name = (lambda t: type_name(t, c.typology.letter(t), lang))
    above, to = s.above, s.up_to

    def bound(value: Any, up: bool) -> str:
        return format_bound(value, lang, round_up=up)

    # "above X" is true of every threshold above X shown rounded up; "up to Y" and "at X
    # or below" of every threshold up to a figure rounded down
    lines = [text("stability.range", lang, above=bound(above, True), to=bound(to, False))
             if above > 0 else
             text("stability.range_zero", lang, to=bound(to, False))]
    # each neighbouring type for the thresholds up to the next coverage, where it may
    # change again
    if s.type_above is not None:
        until = getattr(s, "type_above_to", None)
        if until is not None and until < 1:
            lines.append(text("stability.type_above_until", lang, to=bound(to, True),
                              until=bound(until, False), type=name(s.type_above)))
        else:
            lines.append(text("stability.type_above", lang, to=bound(to, True),
                              type=name(s.type_above)))
    if s.type_below is not None:
        since = getattr(s, "type_below_from", None)
        if since:
            lines.append(text("stability.type_below_since", lang, above=bound(above, False),
                              since=bound(since, True), type=name(s.type_below)))
        else:
            lines.append(text("stability.type_below", lang, above=bound(above, False),
                              type=name(s.type_below)))
    # the thresholds said are the general one: a stage with its own keeps it throughout
    own = [stage for stage in c.typology.stages if stage in c.params.thresholds]
    if len(own) == 1:
        lines.append(text("stability.own_threshold", lang, stage=own[0],
                          threshold=c.params.thresholds[own[0]]))
    elif own:
        lines.append(text("stability.own_thresholds", lang, stages=own, fixed=", ".join(
            f"{stage_name(stage, lang)} {format_value('threshold', c.params.thresholds[stage], lang)}"
            for stage in own)))
    protect = tuple(getattr(s, "protect", ()))
    if s.matches_to_lose is None:
        # proven where the rules are monotone; where they are not, only when every set of
        # lost matches was tried
        lines.append(text("stability.lose_none" if getattr(s, "lose_proven", True)
                          else "stability.lose_none_unproven", lang))
    elif protect and tuple(s.lose) == protect and s.falls_to == s.protect_falls_to:
        pass  # the one match to protect says it
    else:
        pairs = ", ".join(f"{a} -> {b}" for a, b in s.lose)
        key = ("stability.lose_one" if s.matches_to_lose == 1 else "stability.lose"
               if getattr(s, "lose_proven", False) else "stability.lose_unproven")
        lines.append(text(key, lang, count=s.matches_to_lose, pairs=pairs,
                          type=name(s.falls_to)))
    if protect:
        pairs = ", ".join(f"{a} -> {b}" for a, b in protect)
        # the funding rules' conclusion: with the periods apart there is no APBD route to lose
        apart = getattr(c.funding, "periods_apart", False)
        # and, after the loss, the programs the funding rules still give a route
        kept = getattr(s, "protect_route", None)
        key = ("stability.protect" if c.typology.letter(s.protect_falls_to) is not None
               else "stability.protect_unsynchronized_apart" if apart
               else "stability.protect_unsynchronized_kept" if kept
               else "stability.protect_unsynchronized" if kept == 0
               else "stability.protect_unsynchronized_unread")
        lines.append(text(key, lang, pairs=pairs, count=len(protect),
                          type=name(s.protect_falls_to), kept=kept,
                          total=getattr(c.funding, "total", 0)))
    elif c.typology.letter(s.type) is not None and s.matches_to_lose is not None:
        # (where no loss at all changes the type, the line above says it already)
        lines.append(text("stability.protect_none", lang))
    if getattr(s, "protect_checked", 0) < getattr(s, "protect_of", 0) and \
            c.typology.letter(s.type) is not None:
        lines.append(text("stability.protect_cut", lang, checked=s.protect_checked,
                          total=s.protect_of))
    if s.fragile:
        lines.append(text("stability.fragile", lang,
                          threshold=bound(getattr(s, "exact_threshold", s.threshold), False)))
    return lines


@speaks
def to_fall_lines(c: Any, lang: str, fall: Any) -> list[str]:
    """What would make the region fall to a lower type (a
    :class:`~smartsync.advice.FallAdvice`): the single losses, a set of losses and a
    threshold that give it, or, when none was found, why in words."""
    def short(t: Any) -> str:
        letter = c.typology.letter(t)
        return (text("fall.type", lang, letter=letter) if letter is not None
                else text("fall.unsynchronized", lang))

    name = short(fall.type)
    pairs = (lambda found: ", ".join(f"{a} -> {b}" for a, b in found))
    if not fall.possible:
        why = (text("fall.overshoots", lang, gives=short(fall.gives)) if fall.gives is not None
               else text("fall.no_loss", lang))
        searched = getattr(fall, "searched", None)
        if searched is None:
            return [text("fall.none", lang, name=name, why=why)]
        key = ("fall.searched.every" if searched == "sets" and fall.tried_size == fall.pool
               else f"fall.searched.{searched}")
        return [text("fall.none_searched", lang, name=name, why=why, searched=text(
            key, lang, tried=fall.tried, size=fall.tried_size, pool=fall.pool, limit=fall.limit))]
    lines = [text("fall.head", lang, name=name)]
    if fall.single:
        lines.append("  - " + text("fall.single", lang, pairs=pairs(fall.single),
                                   count=len(fall.single)))
    if fall.lose and tuple(fall.lose) != tuple(fall.single[:1]):
        key = "fall.lose" if getattr(fall, "lose_proven", False) or len(fall.lose) == 1 \
            else "fall.lose_unproven"
        lines.append("  - " + text(key, lang, pairs=pairs(fall.lose), count=len(fall.lose)))
    for above, up_to in fall.thresholds:
        # "above X" rounded up, "up to Y" rounded down: true of every figure shown
        low, high = format_bound(above, lang, round_up=True), format_bound(up_to, lang, round_up=False)
        key = ("fall.threshold.range" if above > 0 and up_to < 1 else
               "fall.threshold.above" if above > 0 else
               "fall.threshold.up_to" if up_to < 1 else "fall.threshold.any")
        lines.append("  - " + text(key, lang, bound=low if above > 0 else high, low=low, high=high))
    return lines


def how_lines(derivation: Derivation, lang: str, indent: str = "  ") -> list[str]:
    """The derivation tree as indented lines, engine bookkeeping left out; a conclusion
    met a second time is named (with its id) without its derivation again
    (:meth:`smartsync.Derivation.tree`)."""
    lines: list[str] = []
    for depth, node, again in derivation.tree():
        if again:
            line = text("how.again", lang, id=str(node.fact.id), kind=node.fact.kind)
        elif node.step is None:
            line = text("how.input", lang, fact=describe_fact(node.fact))
        else:
            line = text("how.by", lang, fact=describe_fact(node.fact), rule=node.step.rule)
        lines.append(indent * depth + line)
    return lines


@speaks
def why_not_title(c: Any, t: Any, lang: str) -> str:
    """The question a why-not answers: ``Why not type A? (synchronization would start at
    the vision)``, in the language."""
    letter = c.typology.letter(t)
    if letter is None:
        return text("why_not.title_unsynchronized", lang)
    return text("why_not.title", lang, letter=letter, stage=str(getattr(t, "value", t)))


def own_type_line(t: Any, letter: str | None, lang: str) -> str:
    """The answer to "why not T?" when T is the region's own type: "The region is already
    type A (synchronization starts at the vision), so no condition failed."; for a type
    with no letter (unsynchronized), its name."""
    from ..messages import stage_name

    if letter is not None:
        return text("why_not.own.typed", lang, letter=letter,
                    stage=stage_name(getattr(t, "value", t), lang))
    return text("why_not.own", lang, type=type_name(t, letter, lang))


@speaks
def why_not_blocks(c: Any, lang: str, types: Iterable[Any] | None = None
                   ) -> list[tuple[Any, str, list[str]]]:
    """For each type not concluded (or the ``types`` asked), ``(type, question, reasons
    in words)``; a reason already given for a type above is not said again: one line
    points to it (``as for type A above: the mission stage is not synchronized``). For
    the region's own type, the question is that it is the region's type, with no reasons."""
    blocks: list[tuple[Any, str, list[str]]] = []
    said: dict[str, str] = {}  # a reason's words -> the letter of the type it was said for
    wanted = list(types) if types is not None else [t for t in c.typology.type_enum if t != c.type]
    for t in wanted:
        t = c.typology.parse_type(t)
        if t == c.type:
            blocks.append((t, own_type_line(t, c.typology.letter(t), lang), []))
            continue
        letter = c.typology.letter(t)
        lines: list[str] = []
        again: dict[str, list[str]] = {}  # letter -> the stages (or words) said there
        unshortened: dict[str, list[str]] = {}  # letter -> repeated reasons with no short form
        for r in c.why_not(t):
            message = r.message(lang)
            if message in said:
                short = (text("why_not.stage_not_short", lang, stage=r.values["stage"])
                         if r.kind == "failed_test" and isinstance(r.values.get("stage"), str)
                         else None)
                if short is not None:
                    again.setdefault(said[message], []).append(short)
                else:
                    unshortened.setdefault(said[message], []).append(message)
                continue  # element reasons under a stage said above go with it
            if letter is not None:
                said[message] = letter
            lines.append(message)
        if not lines and not again:
            # every reason was said for a type above and none has a stage's short form (a
            # blocker such as "synchronization starts higher"): point to it in its own
            # words, so no type is left with a question and no answer
            again = unshortened
        for other, shorts in again.items():
            lines.append(text("why_not.as_above", lang, letter=other,
                              stages="; ".join(dict.fromkeys(shorts))))
        blocks.append((t, why_not_title(c, t, lang), lines))
    return blocks


@speaks
def why_not_lines(c: Any, lang: str, types: Iterable[Any] | None = None) -> list[str]:
    """For each type not concluded, the question and its reasons as a bulleted list (a
    reason given for a type above pointed to, not repeated); for the region's own type,
    that it is the region's type."""
    lines: list[str] = []
    for _, title, reasons in why_not_blocks(c, lang, types):
        lines.append(title)
        lines.extend("  - " + r for r in reasons)
    return lines


@speaks
def trace_lines(c: Any, lang: str, *, internal: bool = False) -> list[str]:
    """The rule firings in order, each with what it matched, bound and concluded."""
    lines: list[str] = []
    facts = c.trace.facts
    for step in c.trace.steps:
        if step.internal and not internal:
            continue
        lines.append(text("trace.step", lang, number=step.number, rule=step.rule, pack=step.pack))
        if step.description:
            lines.append("     " + rule_description(step.rule, lang, step.description, first=True))
        matched = [describe_fact(facts[i]) for i in step.facts if not facts[i].internal]
        if matched:
            lines.append("     " + text("trace.matched", lang, facts="; ".join(matched)))
        if step.bindings:
            bound = ", ".join(f"{k}={_short(v)}" for k, v in step.bindings.items())
            lines.append("     " + text("trace.bound", lang, bindings=bound))
        if step.asserted:
            lines.append("     " + text("trace.asserted", lang,
                                        facts="; ".join(describe_fact(facts[i])
                                                        for i in step.asserted)))
    return lines


@speaks
def render_text(subject: Any, *, lang: str = "en", explain: bool = False,
                trace: bool = False) -> str:
    """The classification as text: type, stages, characteristics, diagnostics, funding,
    and, given an :class:`~smartsync.explain.Explanation` with advice, what to change and
    how stable the type is; with ``explain``, also how the type was concluded (a checklist
    in plain words) and why not each other type; with ``trace``, also the fact tree (rule
    names, fact numbers) and the rule firings."""
    from ._subject import parts

    c, advice = parts(subject)
    from ._lines import rule_set_line

    rules = rule_set_line(c, lang)
    out = [text("heading.region", lang, id=c.region_id, name=c.region_name),
           *([rules] if rules else []),
           type_line(c, lang, advice.stability if advice is not None else None),
           "", text("heading.stages", lang)]
    out += ["  " + stage_line(s, lang, c.typology.base) for s in c.stages.values()]
    out += ["", text("heading.characteristics", lang)]
    out += ["  - " + ch.message(lang) for ch in c.characteristics] or \
        ["  " + text("heading.none", lang)]
    out += ["", text("heading.diagnostics", lang)]
    out += [f"  - [{text('severity.' + d.severity, lang)}] {d.message(lang)}"
            for d in c.diagnostics] or ["  " + text("heading.none", lang)]
    out += ["", text("heading.funding", lang)]
    if c.funding is None:
        out.append("  " + text("funding.none", lang))
    else:
        out.append("  " + funding_message(c.funding, lang))
    if advice is not None:
        out += ["", text("heading.to_reach", lang)]
        out += ["  " + line for line in to_reach_lines(c, lang, advice.to_reach)]
        out += ["", text("heading.stability", lang)]
        out += ["  " + line for line in stability_lines(c, lang, advice.stability)]
    if explain or trace:
        from .plain import checklist

        out += ["", text("heading.how", lang)]
        out += ["  " + line for line in checklist(c, lang)]
        out += ["", text("heading.why_not", lang)]
        out += ["  " + line for line in why_not_lines(c, lang)]
    if trace:
        out += ["", text("heading.trace_tree", lang)]
        out += ["  " + line for line in how_lines(c.how(), lang)]
        out += ["", text("heading.trace", lang)]
        out += ["  " + line for line in trace_lines(c, lang)]
    return "\n".join(out) + "\n"
