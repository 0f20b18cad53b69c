"""A classification as Markdown: headings, a stage table, lists, and the explanation."""

from __future__ import annotations

import re
from typing import Any

from ..messages import format_value, funding_message, stage_name, text, type_name
from ._subject import speaks
from .text import how_lines, stability_lines, to_reach_lines, trace_lines, type_line, why_not_lines

__all__ = ["render_markdown"]


#: the columns of the stage table, after the stage name (catalog keys ``table.<column>``)
_COLUMNS = ("present", "total", "synchronized", "coverage", "threshold", "status")


#: what Markdown would act on in a text: emphasis, code, links and images, headings, table
#: cells, strikethrough, and the backslash itself (``<``, which opens raw HTML, is written
#: as ``&lt;``; ``>`` alone opens nothing inside a line)
_ACTIVE = re.compile(r"([\\`*_\[\]#|~])")


def _md(value: str) -> str:
    """A sentence as Markdown shows it literally: every character Markdown acts on
    backslash-escaped and ``<`` as ``&lt;``, so a plan text cannot add a link, an image, a
    tag or emphasis to the page a wiki renders; line breaks as spaces."""
    return (_ACTIVE.sub(r"\\\1", value).replace("<", "&lt;")
            .replace("\r", " ").replace("\n", " "))


def _cell(value: str) -> str:
    return _md(value)


def _code(value: str) -> str:
    """A line inside a fenced code block (shown as written): only a fence is defused."""
    return value.replace("```", "`\u200b``")


def _nested(lines: list[str]) -> list[str]:
    """Indented text lines (items ``- `` at two spaces, details at six) as nested lists."""
    out = []
    for line in lines:
        depth = len(line) - len(line.lstrip(" "))
        body = _md(line.strip())
        if depth == 0:
            out.append(f"- {body}")
        elif body.startswith("- "):
            out.append(f"  {body}")
        elif depth >= 6:
            out.append(f"    - {body}")
        else:
            out.append(f"  {body}")
    return out


@speaks
def render_markdown(subject: Any, *, lang: str = "en", explain: bool = False,
                    trace: bool = False) -> str:
    """The classification as Markdown (given an :class:`~smartsync.explain.Explanation`
    with advice, with what to change and how stable the type is); with ``explain``, how
    (in plain words) and why-not; with ``trace``, the fact tree and the rule firings."""
    from ._subject import parts

    c, advice = parts(subject)
    head, _, rest = type_line(c, lang, advice.stability if advice is not None else None
                              ).partition(": ")
    from ._lines import rule_set_line

    rules = rule_set_line(c, lang)
    named = [] if rules is None else [f"**{_md(rules.partition(': ')[0])}:** "
                                      f"{_md(rules.partition(': ')[2])}", ""]
    out = [f"# {_cell(text('heading.region', lang, id=c.region_id, name=c.region_name))}", "",
           *named,
           f"**{_md(head)}:** {_md(rest)}", "",
           f"## {text('heading.stages', lang)}", "",
           "| | " + " | ".join(text(f"table.{column}", lang) for column in _COLUMNS) + " |",
           "|---|---|---|---|---|---|---|"]
    for s in c.stages.values():
        status = ("full" if s.full else "partial" if s.is_synchronized else "not")
        out.append(f"| {stage_name(s.stage, lang)} | {format_value('present', s.present, lang)} "
                   f"| {s.total} | {s.synchronized} | {format_value('coverage', s.coverage, lang)} "
                   f"| {format_value('threshold', s.threshold, lang)} "
                   f"| {text('stage.status.' + status, lang) if s.present else '-'} |")
    out += ["", f"## {text('heading.characteristics', lang)}", ""]
    out += [f"- {_md(ch.message(lang))}" for ch in c.characteristics] or [text("heading.none", lang)]
    out += ["", f"## {text('heading.diagnostics', lang)}", ""]
    # the finding's words only, as the text and HTML give it: its code (``orphan_programs``)
    # is for programs and stays in the JSON
    out += [f"- **{text('severity.' + d.severity, lang)}** {_md(d.message(lang))}"
            for d in c.diagnostics] or [text("heading.none", lang)]
    out += ["", f"## {text('heading.funding', lang)}", ""]
    if c.funding is None:
        out.append(text("funding.none", lang))
    else:
        out.append(_md(funding_message(c.funding, lang)))
    if advice is not None:
        out += ["", f"## {text('heading.to_reach', lang)}", ""]
        out += _nested(to_reach_lines(c, lang, advice.to_reach))
        out += ["", f"## {text('heading.stability', lang)}", ""]
        out += [f"- {_md(line)}" for line in stability_lines(c, lang, advice.stability)]
    if explain or trace:
        from .plain import checklist

        out += ["", f"## {text('heading.how', lang)}", ""]
        out += _nested(checklist(c, lang))
        out += ["", f"## {text('heading.why_not', lang)}", ""]
        for line in why_not_lines(c, lang):
            out.append(f"  - {_md(line[4:])}" if line.startswith("  - ") else f"- {_md(line)}")
    if trace:
        out += ["", f"## {text('heading.trace_tree', lang)}", "", "```"]
        out += [_code(line) for line in how_lines(c.how(), lang)]
        out += ["```", "", f"## {text('heading.trace', lang)}", "", "```"]
        out += [_code(line) for line in trace_lines(c, lang)]
        out += ["```"]
    return "\n".join(out) + "\n"
