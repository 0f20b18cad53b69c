"""The JSON form of a classification: documented, versioned, deterministic.

``schema_version`` is ``smartsync/classification@2``. The keys:

- ``region``: ``{"id", "name"}``; ``typology``: ``{"name", "stages"}``;
  ``rules``: the rule set the result was concluded under, ``{"name", "source",
  "description"}`` (``default`` for the shipped rules; a variant's name under ``--rules``);
  ``params``: the threshold(s) and the relations that count (``relations``,
  and per stage ``stage_relations``);
- ``type`` (``vision``, ``mission``, ``target``, ``program`` or
  ``unsynchronized``), ``type_letter`` (``A``-``D`` or null), ``type_label``;
- ``stages``: by stage name, ``present``, ``total``, ``synchronized`` (the
  count), ``coverage``, ``full``, ``is_synchronized``, ``threshold``,
  ``synchronized_ids``, ``unsynchronized_ids``, ``matched`` (elements with a match of
  their level, counted or not) and ``rejected_ids`` (matched, but no match counts);
- ``chain``: the synchronized stages from where synchronization starts;
- ``characteristics``: ``key``, ``value``, ``figures``, ``message``;
- ``diagnostics``: ``code``, ``severity``, ``elements``, ``figures``, ``message``;
- ``funding``: ``total``, ``fundable``, ``share``, ``budget``,
  ``fundable_ids``, ``rpjmd_programs``, ``uncounted_ids`` (matched to a budgeted RPJMD
  program only by matches the rules do not count);
- ``rules_fired``: rule names in firing order;
- ``trace``: one object per step: ``step``, ``rule``, ``pack``,
  ``description``, ``facts`` (each ``{"id", "kind", "fields"}``),
  ``bindings``, ``asserted`` and ``retracted`` (fact objects), ``internal``
  (true for engine bookkeeping a planner need not read);
- ``facts``: every fact that was in working memory during the run, by id
  (``kind``, ``fields``, ``input``, ``internal``, ``declared_at``: the step
  that declared it, 0 for an input fact; ``retracted_at``: the step that
  retracted it, or null), so each step's facts can be followed;
- ``why_not``: keyed by each type not concluded, a list of reasons
  (``kind``, ``rule``, ``pack``, ``condition``, ``form``, ``fact``,
  ``values``, ``facts``, ``path``, ``message``);
- given an :class:`~smartsync.explain.Explanation` with advice (as ``smartsync
  classify --format json`` gives), ``to_reach`` (see :mod:`smartsync.advice`): keyed by the letter of each type
  above the region's own (every type when it is unsynchronized): ``reachable``
  (bool), ``needed`` (``{stage: count}``: the fewest masterplan elements per
  stage that must gain a counted match), ``proposal`` (a list of
  ``{"masterplan", "rpjmd", "stage", "score"}``; ``rpjmd`` and ``score`` null
  where the matcher proposes no candidate), ``complete`` (whether adding the
  proposal alone reaches the type), ``gives`` (the type the needed matches
  give), ``missing`` (``{"stage", "plan"}`` a plan lacks, where unreachable),
  ``reasons`` (the rules' why-not, where unreachable); each proposal also has
  ``change`` (``add``, or ``relation``: the existing match given ``relation``
  instead of ``current``) and ``message`` (the proposal in words, as the text says it);
- ``stability``: every threshold an exact fraction as a string (``"5/12"``, ``"0"``):
  ``threshold``, ``threshold_above`` and ``threshold_to`` (the type holds for every
  threshold t with threshold_above < t <= threshold_to), ``type_below`` (at
  threshold_above or below) and ``type_above`` (above threshold_to), ``fragile``,
  ``matches_to_lose``, ``lose`` and ``falls_to`` (the fewest lost matches that change
  the type, and the type it becomes; null when no loss changes it), ``protect`` and
  ``protect_falls_to`` (the matches whose loss alone lowers the type most, and to
  what), ``protect_checked`` and ``protect_of`` (single losses tried, of the region's
  distinct matches), ``messages`` (the stability in words, as the text says it).

The same classification gives byte-identical JSON on every run.
"""

from __future__ import annotations

import json as _json
from typing import Any

from ..messages import type_name
from ..trace import FactRecord
from ._subject import speaks

__all__ = ["SCHEMA_VERSION", "classification_to_dict", "dumps"]

#: the version of the JSON form; bumped when a key changes meaning or goes away
SCHEMA_VERSION = "smartsync/classification@2"


def _fact(record: FactRecord) -> dict[str, Any]:
    return {"id": record.id, "kind": record.kind, "fields": record.fields}


@speaks
def classification_to_dict(subject: Any, *, lang: str = "en", trace: bool = True,
                           advice: bool = True) -> dict[str, Any]:
    """A JSON-ready dict of a classification, or of an
    :class:`~smartsync.explain.Explanation` (with its trace unless ``trace=False``; with
    ``to_reach`` and ``stability`` when the explanation has advice, unless
    ``advice=False``)."""
    from ._subject import parts

    c, found_advice = parts(subject)
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "region": {"id": c.region_id, "name": c.region_name},
        "typology": {"name": c.typology.name, "stages": list(c.typology.stages)},
        "rules": {"name": c.rule_set.name, "source": c.rule_set.source,
                  "description": c.rule_set.description(lang)},
        "params": {
            "threshold": c.params.threshold,
            "thresholds": {s: c.params.threshold_for(s) for s in c.typology.stages},
            "relations": sorted(r.value for r in c.params.relations),
            "stage_relations": {s: sorted(r.value for r in c.params.relations_for(s))
                                for s in c.typology.stages},
        },
        "type": c.type.value,
        "type_letter": c.type_letter,
        "type_label": type_name(c.type, c.type_letter, lang),
        "stages": {
            name: {
                "present": s.present, "total": s.total, "synchronized": s.synchronized,
                "coverage": s.coverage, "full": s.full, "is_synchronized": s.is_synchronized,
                "threshold": s.threshold, "synchronized_ids": list(s.synchronized_ids),
                "unsynchronized_ids": list(s.unsynchronized_ids),
                "matched": s.matched, "rejected_ids": list(s.rejected_ids),
            }
            for name, s in c.stages.items()
        },
        "chain": list(c.chain),
        "characteristics": [
            {"key": ch.key, "value": ch.value, "figures": dict(ch.figures),
             "message": ch.message(lang)}
            for ch in c.characteristics
        ],
        "diagnostics": [
            {"code": d.code, "severity": d.severity, "elements": list(d.elements),
             "figures": dict(d.figures), "message": d.message(lang)}
            for d in c.diagnostics
        ],
        "funding": None if c.funding is None else {
            "total": c.funding.total, "fundable": c.funding.fundable, "share": c.funding.share,
            "budget": c.funding.budget, "fundable_ids": list(c.funding.fundable_ids),
            "rpjmd_programs": list(c.funding.rpjmd_programs),
            "uncounted_ids": list(c.funding.uncounted_ids),
            "periods_apart": c.funding.periods_apart,
            "apart_ids": list(c.funding.apart_ids), "apart_budget": c.funding.apart_budget,
            "shared_years": list(c.funding.shared_years), "split_ids": list(c.funding.split_ids),
            "unsplit_ids": list(c.funding.unsplit_ids), "unsplit_budget": c.funding.unsplit_budget,
            "rpjmd_budget": c.funding.rpjmd_budget,
        },
        "rules_fired": list(c.rules_fired),
    }
    if trace:
        facts = c.trace.facts
        out["trace"] = [
            {"step": s.number, "rule": s.rule, "pack": s.pack, "description": s.description,
             "facts": [_fact(facts[i]) for i in s.facts], "bindings": dict(s.bindings),
             "asserted": [_fact(facts[i]) for i in s.asserted],
             "retracted": [_fact(facts[i]) for i in s.retracted if i in facts],
             "internal": s.internal}
            for s in c.trace.steps
        ]
        out["facts"] = {str(i): {"kind": f.kind, "fields": f.fields, "input": f.input,
                                 "internal": f.internal, "declared_at": f.declared_at,
                                 "retracted_at": f.retracted_at}
                        for i, f in sorted(facts.items())}
    out["why_not"] = {
        t: [dict(r.to_dict(), message=r.message(lang)) for r in reasons]
        for t, reasons in c.why_not_all().items()
    }
    if advice and found_advice is not None:
        from .text import proposal_line, stability_lines

        found = found_advice.to_dict(lang)
        # each proposal and the stability in the words the text, Markdown and HTML say
        for letter, item in found_advice.to_reach.items():
            for said, p in zip(found["to_reach"][letter]["proposal"], item.proposal):
                said["message"] = proposal_line(c.region, p, lang)
        found["stability"]["messages"] = stability_lines(c, lang, found_advice.stability)
        out["to_reach"] = found["to_reach"]
        out["stability"] = found["stability"]
    return out


def dumps(subject: Any, *, lang: str = "en", trace: bool = True, indent: int | None = None) -> str:
    """The JSON text of a classification: one line unless ``indent`` is given."""
    return _json.dumps(classification_to_dict(subject, lang=lang, trace=trace), ensure_ascii=False,
                       indent=indent, separators=None if indent else (",", ":"))
