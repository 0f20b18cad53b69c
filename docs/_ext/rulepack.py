"""A Sphinx directive that documents a rule pack from its rules' docstrings.

``.. rulepack:: smartsync.rules.stages:StagesPack`` writes, for each rule of
the pack in definition order: its name, its docstring, its salience, its
conditions and what it concludes. The pages of the rule packs are made of
nothing else, so they follow the rules as they change.
"""

from __future__ import annotations

import importlib
import inspect

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective


class RulePackDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self):  # type: ignore[no-untyped-def]
        from smartsync.engine import _pack_rules
        from smartsync.explain import conditions

        module_name, _, name = self.arguments[0].partition(":")
        pack = getattr(importlib.import_module(module_name), name)
        lines: list[str] = []
        doc = inspect.cleandoc(pack.__doc__ or "")
        if doc:
            lines += [doc, ""]
        for rule_name, rule in _pack_rules(pack).items():
            wrapped = getattr(rule, "_wrapped", None)
            lines += [f"``{rule_name}``", "~" * (len(rule_name) + 4), ""]
            lines += [inspect.cleandoc(getattr(wrapped, "__doc__", None) or "(no description)"), ""]
            lines += [f"*salience* {rule.salience}", "", "*when*", ""]
            lines += [f"- ``{c}``" for c in conditions(rule)] + [""]
            marks = getattr(rule, "_smartsync_concludes", ())
            if marks:
                lines += ["*concludes*", ""]
                for fact_class, fields in marks:
                    shown = ", ".join(
                        f"{k}=?{getattr(v, '__bind__', '')}" if hasattr(v, "__bind__") else f"{k}={v!r}"
                        for k, v in fields.items())
                    lines.append(f"- ``{fact_class.__name__}({shown})``")
                lines.append("")
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines, source=f"rulepack {self.arguments[0]}"),
                                self.content_offset, container, match_titles=True)
        return container.children


def setup(app):  # type: ignore[no-untyped-def]
    app.add_directive("rulepack", RulePackDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
