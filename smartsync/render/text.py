"""A classification as text for the terminal, with the explanation as an indented tree."""

from __future__ import annotations

from typing import Any, Iterable

from ..messages import text, type_name
from ..trace import Derivation, FactRecord

__all__ = ["render_text", "describe_fact", "stage_line", "how_lines", "why_not_lines",
           "trace_lines"]

_SHORT = 6


def _short(value: Any) -> str:
    if isinstance(value, list):
        items = ["/".join(map(str, v)) if isinstance(v, list) else str(v) for v in value]
        if len(items) > _SHORT:
            return "[" + ", ".join(items[:_SHORT]) + f", ... {len(items)} in all]"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        if len(value) > _SHORT:
            return "{" + ", ".join(f"{k}: {v}" for k, v in list(value.items())[:_SHORT]) + \
                f", ... {len(value)} in all}}"
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"
    return str(value)


def describe_fact(record: FactRecord) -> str:
    """A fact on one line: its kind and fields, long lists shortened."""
    fields = ", ".join(f"{k}={_short(v)}" for k, v in record.fields.items()
                       if (v is not None and v not in ({}, [])) or k in ("ids", "links"))
    return f"{record.kind}({fields}) #{record.id}"


def stage_line(stage: Any, lang: str) -> str:
    """One stage's figures in words."""
    if not stage.present:
        return text("stage.absent", lang, stage=stage.stage)
    status = "full" if stage.full else "partial" if stage.is_synchronized else "not"
    return text("stage.line", lang, stage=stage.stage, synchronized=stage.synchronized,
                total=stage.total, coverage=stage.coverage, threshold=stage.threshold,
                status=text(f"stage.status.{status}", lang))


def how_lines(derivation: Derivation, lang: str, indent: str = "  ") -> list[str]:
    """The derivation tree as indented lines, engine bookkeeping left out; a conclusion
    met a second time is named (with its id) without its derivation again."""
    lines: list[str] = []
    shown: set[int] = set()

    def walk(node: Derivation, depth: int) -> None:
        if node.fact.internal:
            return
        label = describe_fact(node.fact)
        if node.step is None:
            lines.append(indent * depth + text("how.input", lang, fact=label))
            return
        if node.fact.id in shown:
            lines.append(indent * depth + text("how.again", lang, id=str(node.fact.id),
                                               kind=node.fact.kind))
            return
        shown.add(node.fact.id)
        lines.append(indent * depth + text("how.by", lang, fact=label, rule=node.step.rule))
        for premise in node.premises:
            walk(premise, depth + 1)

    walk(derivation, 0)
    return lines


def why_not_lines(c: Any, lang: str, types: Iterable[Any] | None = None) -> list[str]:
    """For each type not concluded, its reasons as a bulleted list."""
    lines: list[str] = []
    wanted = list(types) if types is not None else [t for t in c.typology.type_enum if t != c.type]
    for t in wanted:
        t = c.typology.parse_type(t)
        reasons = c.why_not(t)
        lines.append(text("why_not.type", lang, type=type_name(t, c.typology.letter(t), lang)))
        for r in reasons:
            lines.append("  - " + r.message(lang))
    return lines


def trace_lines(c: Any, lang: str, *, internal: bool = False) -> list[str]:
    """The rule firings in order, each with what it matched, bound and concluded."""
    lines: list[str] = []
    facts = c.trace.facts
    for step in c.trace.steps:
        if step.internal and not internal:
            continue
        lines.append(text("trace.step", lang, number=step.number, rule=step.rule, pack=step.pack))
        if step.description:
            lines.append("     " + step.description.splitlines()[0])
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


def render_text(c: Any, *, lang: str = "en", explain: bool = False) -> str:
    """The classification as text: type, stages, characteristics, diagnostics, funding;
    with ``explain``, also how the type was concluded, why not each other type, and
    the rule firings."""
    out = [text("heading.region", lang, id=c.region_id, name=c.region_name),
           f"{text('heading.type', lang)}: {type_name(c.type, c.type_letter, lang)}",
           "", text("heading.stages", lang)]
    out += ["  " + stage_line(s, lang) for s in c.stages.values()]
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
        f = c.funding
        out.append("  " + text("funding.summary", lang, fundable=f.fundable, total=f.total,
                               share=f.share, budget=f.budget))
    if explain:
        out += ["", text("heading.how", lang)]
        out += ["  " + line for line in how_lines(c.how(), lang)]
        out += ["", text("heading.why_not", lang)]
        out += ["  " + line for line in why_not_lines(c, lang)]
        out += ["", text("heading.trace", lang)]
        out += ["  " + line for line in trace_lines(c, lang)]
    return "\n".join(out) + "\n"


