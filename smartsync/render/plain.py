"""The "how" of a conclusion in plain words: a checklist of the conditions that held.

Read from the conclusion's derivation (:meth:`smartsync.Classification.how`): each
fact the rules concluded on the way becomes one line in the planner's words, stage
by stage with the figures, the elements (id and a short text) and the matches
behind them; the conclusion comes last. A fact of a kind this module has no
words for reads as the description of the rule that concluded it. For a type,
why synchronization does not start higher is the rules' own why-not of the
types above. The fact tree with rule names and fact numbers is
:func:`smartsync.render.text.how_lines` (``--trace``).
"""

from __future__ import annotations

from typing import Any, Iterable

from ..messages import catalog, funding_message, rule_words, text, type_name
from ..trace import Derivation, FactRecord
from ._subject import speaks

__all__ = ["checklist", "conclusion_line"]

_CHECK = "✓"
#: the rules' conclusions about single elements and matches, said under their stage
_ELEMENT_KINDS = ("ElementSynchronized", "ElementUnsynchronized", "MatchRejected")


def _short(c: Any, plan: str, element_id: str | None) -> str:
    from ._lines import short_text

    region = getattr(c, "region", None)
    element = None if region is None or element_id is None else getattr(region, plan).get(element_id)
    return short_text(element.text, 50) if element is not None else ""


def _elements(c: Any, ids: Iterable[str]) -> str:
    return "; ".join(f'{i} "{_short(c, "masterplan", i)}"' for i in ids)


def _relation(value: str, lang: str) -> str:
    return text(f"relation.{value}", lang) if f"relation.{value}" in catalog(lang) else value


def _source(value: str, lang: str) -> str:
    return text(f"source.{value}", lang) if f"source.{value}" in catalog(lang) else value


def _stage_lines(c: Any, coverage: FactRecord | None, status: FactRecord | None,
                 lang: str, elements: Iterable[FactRecord] = ()) -> list[str]:
    """One stage: its status with the figures, then its elements: each synchronized one
    with the matches that synchronize it, each unsynchronized one with its matches that do
    not count and why. Read from the rules' element conclusions (``ElementSynchronized``,
    ``ElementUnsynchronized``) where the derivation has them, else from the coverage."""
    cov = dict(coverage.fields) if coverage is not None else {}
    stat = dict(status.fields) if status is not None else {}
    stage = stat.get("stage", cov.get("stage"))
    present = stat.get("present", cov.get("present", True))
    base = stat.get("base", cov.get("base", False))
    if not present:
        return [text("how.stage.absent_base" if base else "how.stage.absent", lang, stage=stage)]
    synchronized = stat.get("synchronized") if status is not None else None
    if coverage is None:
        key = "how.stage.synchronized_short" if synchronized else "how.stage.not_short"
        return [text(key, lang, stage=stage)]
    # a rule that read the stage's coverage and not its status (a variant's condition)
    # rests on the figures alone: no threshold, no verdict it did not read
    key = ("how.stage.coverage" if status is None else
           "how.stage.synchronized" if synchronized else "how.stage.not")
    # matched and counted told apart: the rules' count of matched elements, and of those
    # whose match counts
    lines = [text(key, lang, stage=stage, synchronized=cov.get("synchronized"),
                  matched=cov.get("matched"), total=cov.get("total"),
                  coverage=cov.get("coverage"),
                  threshold=stat.get("threshold", cov.get("threshold")))]
    matched: dict[str, list[tuple]] = {}
    rejected: dict[str, list[tuple]] = {}
    relations: dict[tuple, str] = {}
    placed: dict[tuple, Any] = {}  # a cascade rejection's figures: the RPJMD elements involved
    elements = list(elements)
    if elements:
        for fact in elements:
            if fact.kind == "ElementSynchronized":
                matched.setdefault(fact.get("id"), []).append(
                    (fact.get("rpjmd"), fact.get("relation"), fact.get("source")))
            elif fact.kind == "MatchRejected":
                relations[(fact.get("masterplan"), fact.get("rpjmd"))] = fact.get("relation")
                placed[(fact.get("masterplan"), fact.get("rpjmd"))] = fact.get("figures") or {}
            else:
                rejected[fact.get("id")] = [tuple(r) for r in fact.get("rejected", []) or []]
    else:
        for item in cov.get("matches", []) or []:
            masterplan_id, rpjmd_id, relation, source = (list(item) + [None] * 4)[:4]
            matched.setdefault(masterplan_id, []).append((rpjmd_id, relation, source))
    for masterplan_id in cov.get("synchronized_ids", []):
        found = "; ".join(text("how.match", lang, rpjmd=rpjmd_id,
                               rpjmd_text=_short(c, "rpjmd", rpjmd_id),
                               relation=_relation(str(relation), lang),
                               source=_source(str(source), lang))
                          for rpjmd_id, relation, source in matched.get(masterplan_id, []))
        lines.append("    " + text("how.matched", lang, masterplan=masterplan_id,
                                   masterplan_text=_short(c, "masterplan", masterplan_id),
                                   matches=found))
    unmatched = list(cov.get("unsynchronized_ids", []))
    if unmatched:
        lines.append("    " + text("how.unmatched_heading", lang, count=len(unmatched)))
        for masterplan_id in unmatched:
            why = "; ".join(
                text("how.rejected.relation", lang, rpjmd=rpjmd_id, stage=stage,
                     relation=_relation(str(relations[(masterplan_id, rpjmd_id)]), lang))
                if condition == "relation" and (masterplan_id, rpjmd_id) in relations else
                text("how.rejected.cascade", lang, rpjmd=rpjmd_id,
                     **placed[(masterplan_id, rpjmd_id)])
                if condition == "cascade" and _names_places(placed.get((masterplan_id, rpjmd_id)))
                else text("how.rejected", lang, rpjmd=rpjmd_id,
                     condition=_condition(str(condition), lang))
                for rpjmd_id, condition in rejected.get(masterplan_id, []))
            lines.append("      " + text("how.unmatched_element", lang, masterplan=masterplan_id,
                                         masterplan_text=_short(c, "masterplan", masterplan_id))
                         + (f" ({why})" if why else ""))
    return lines


def _names_places(figures: Any) -> bool:
    """Whether a cascade rejection's figures name both places: what the parent is matched
    to (``placed``) and what the counterpart lies under (``under``)."""
    return isinstance(figures, dict) and bool(figures.get("placed")) and bool(figures.get("under"))


def _condition(value: str, lang: str) -> str:
    return text(f"condition.{value}", lang) if f"condition.{value}" in catalog(lang) else value


def _fact_line(c: Any, node: Derivation, lang: str) -> str | None:
    fact = node.fact
    key = f"how.{fact.kind}"
    if fact.kind == "TypeResult":
        return None
    if fact.kind in ("Characteristic", "Diagnostic", "Funding"):
        return conclusion_line(c, fact, lang)
    if key in catalog(lang):  # with the relation, source and condition in words
        return conclusion_line(c, fact, lang)
    if node.step is not None:  # words of the rule that concluded it (what it concludes)
        return rule_words(node.step.rule, lang, node.step.description) or None
    return None


@speaks
def conclusion_line(c: Any, fact: FactRecord, lang: str) -> str:
    """A concluded fact in the planner's words: a type, a stage's status, a
    characteristic, a diagnostic or the funding."""
    if fact.kind == "TypeResult":
        t = c.typology.parse_type(fact.get("stage"))
        return type_name(t, c.typology.letter(t), lang)
    for ch in c.characteristics:
        if ch.fact_id == fact.id:
            return ch.message(lang)
    for d in c.diagnostics:
        if d.fact_id == fact.id:
            return d.message(lang)
    if c.funding is not None and c.funding.fact_id == fact.id:
        return funding_message(c.funding, lang)
    if fact.kind in ("StageStatus", "StageCoverage"):
        return _stage_lines(c, fact if fact.kind == "StageCoverage" else None,
                            fact if fact.kind == "StageStatus" else None, lang)[0]
    if fact.kind == "ElementUnsynchronized" and not fact.get("rejected"):
        # no match at all: 'none of its matches counts' would suggest it has some
        return text("how.ElementUnsynchronized.unmatched", lang, id=fact.get("id"),
                    stage=fact.get("stage"))
    if f"how.{fact.kind}" in catalog(lang):
        values = dict(fact.fields)
        values["base_stage"] = c.typology.base
        if "relation" in values:
            values["relation"] = _relation(str(values["relation"]), lang)
        if "source" in values:
            values["source"] = _source(str(values["source"]), lang)
        key = f"how.{fact.kind}"
        if "condition" in values:
            # a condition with words of its own for the figures it names (cascade: the
            # RPJMD elements involved), where the figures are there
            figures = values.get("figures") or {}
            own = f"{key}.{values['condition']}"
            if own in catalog(lang) and isinstance(figures, dict) and figures \
                    and all(figures.values()):
                key = own
                values.update(figures)
            values["condition"] = _condition(str(values["condition"]), lang)
        if values.get("stage") == values["base_stage"] and f"{key}.base" in catalog(lang):
            key += ".base"  # at the lowest stage: no "from the program down to the program"
        return text(key, lang, **values)
    return fact.line()


@speaks
def checklist(c: Any, lang: str = "en", conclusion: Any = None) -> list[str]:
    """The conditions that held for a conclusion (the type by default; anything
    :meth:`~smartsync.Classification.how` accepts), stage by stage, then the
    conclusion; for a type, why synchronization does not start higher."""
    # an element synchronized by several counting matches: each of them (newuser F196)
    derivations = c.how_each(conclusion) if hasattr(c, "how_each") else (c.how(conclusion),)
    derivation = derivations[0]
    tops = {d.fact.id for d in derivations}
    nodes: dict[int, Derivation] = {}
    for each in derivations:
        for _, node in each.walk():
            if node.step is not None and not node.fact.internal:
                nodes.setdefault(node.fact.id, node)
    order = {s: i for i, s in enumerate(c.typology.stages)}
    coverage = {n.fact.get("stage"): n.fact for n in nodes.values() if n.fact.kind == "StageCoverage"}
    status = {n.fact.get("stage"): n.fact for n in nodes.values() if n.fact.kind == "StageStatus"}
    elements: dict[str, list[FactRecord]] = {}
    for n in sorted(nodes.values(), key=lambda n: n.fact.id):
        if n.fact.kind in _ELEMENT_KINDS:
            elements.setdefault(n.fact.get("stage"), []).append(n.fact)
    lines: list[str] = []
    # stage by stage, from the base stage up: the reasoning goes that way
    for stage in sorted(set(coverage) | set(status), key=lambda s: -order.get(s, -1)):
        block = _stage_lines(c, coverage.get(stage), status.get(stage), lang,
                             elements.get(stage, ()))
        lines.append(f"{_CHECK} {block[0]}")
        lines.extend("  " + line for line in block[1:])
    said = set()
    ordered = sorted(nodes.values(), key=lambda n: n.step.number if n.step else 0)
    # a chain that holds from a stage holds from each stage below it: say the top one
    holds = [n for n in ordered if n.fact.kind == "ChainHolds"]
    for node in ordered:
        if node.fact.kind in ("StageCoverage", "StageStatus") or node.fact.id in tops:
            continue
        if node.fact.kind in _ELEMENT_KINDS and node.fact.get("stage") in coverage:
            continue  # said under its stage
        if node.fact.kind == "ChainHolds" and node is not holds[-1]:
            continue
        line = _fact_line(c, node, lang)
        if line and line not in said:
            said.add(line)
            lines.append(f"{_CHECK} {line}")
    top = derivation.fact
    if top.kind == "TypeResult":
        higher = [t for t in c.typology.type_enum
                  if c.typology.letter(t) is not None and _rank(c, t) > _rank(c, c.type)]
        reasons: list[str] = []
        for t in higher:
            for reason in c.why_not(t):
                message = reason.message(lang)
                if message not in reasons:
                    reasons.append(message)
        if reasons:
            lines.append(f"{_CHECK} {text('how.not_higher', lang)}")
            lines.extend(f"    - {r}" for r in reasons)
    if top.kind in ("StageCoverage", "StageStatus"):
        return lines
    if len(derivations) > 1:
        # one element, several counting matches: every one named
        said_matches = [text("how.ElementSynchronized.match", lang, rpjmd=d.fact.get("rpjmd"),
                             relation=_relation(str(d.fact.get("relation")), lang),
                             source=_source(str(d.fact.get("source")), lang))
                        for d in derivations]
        lines.append(text("how.conclusion", lang, conclusion=text(
            "how.ElementSynchronized.several", lang, id=top.get("id"), count=len(derivations),
            matches="; ".join(said_matches))))
        return lines
    lines.append(text("how.conclusion", lang, conclusion=conclusion_line(c, top, lang)))
    return lines


def _rank(c: Any, t: Any) -> int:
    letter = c.typology.letter(t)
    if letter is None:
        return 0
    return len(c.typology.stages) - c.typology.stages.index(str(getattr(t, "value", t)))
