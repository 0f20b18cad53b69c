"""Sphinx directives that document rule packs and facts from the code.

``.. rulepack:: smartsync.rules.stages:StagesPack`` writes, for each rule of
the pack in definition order: its name, its docstring, its salience, its
conditions and what it concludes. The pages of the rule packs are made of
nothing else, so they follow the rules as they change.

``.. factreference::`` writes, for every fact class rules can read (those of
:mod:`smartsync.facts`, then those the packs of every registered variant
define), its fields and meaning (its docstring), whether it is an input fact
or a concluded one, the rules that conclude it (from their ``@concludes``)
and the rules that read it (from their conditions).
"""

from __future__ import annotations

import importlib
import inspect
import re

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


def _shipped_packs() -> list[type]:
    """The packs of every registered variant, each once, default packs first."""
    from smartsync.variants import available_variants, default_packs, load_variant

    packs: list[type] = list(default_packs())
    for name in available_variants():
        for pack in load_variant(name).packs:
            if pack not in packs:
                packs.append(pack)
    return packs


def _pattern_classes(rule) -> set:  # type: ignore[no-untyped-def]
    from smartsync._compat import experta

    out = set()
    for cond in rule:
        inner = cond[0] if isinstance(cond, experta.NOT) else cond
        if isinstance(inner, experta.Fact):
            out.add(type(inner))
    return out


class FactReferenceDirective(SphinxDirective):
    required_arguments = 0
    has_content = False

    def run(self):  # type: ignore[no-untyped-def]
        from smartsync import facts
        from smartsync._compat import experta
        from smartsync.engine import _pack_name, _pack_rules

        packs = _shipped_packs()
        classes: list[type] = list(facts.INPUT_FACTS) + list(facts.CONCLUDED_FACTS)
        for pack in packs:
            module = importlib.import_module(pack.__module__)
            for value in vars(module).values():
                if (isinstance(value, type) and issubclass(value, experta.Fact)
                        and value.__module__ == module.__name__ and value not in classes):
                    classes.append(value)
        concluded_by: dict[type, list[str]] = {c: [] for c in classes}
        read_by: dict[type, list[str]] = {c: [] for c in classes}
        collected_by: dict[str, list[str]] = {}
        hooks: dict[str, str] = {}
        for pack in packs:
            if getattr(pack, "input_facts", None) is not None:
                hooks[pack.__module__] = _pack_name(pack)
            for rule_name, rule in _pack_rules(pack).items():
                where = f"``{rule_name}`` ({_pack_name(pack)})"
                for fact_class, _ in getattr(rule, "_smartsync_concludes", ()):
                    if where not in concluded_by.setdefault(fact_class, []):
                        concluded_by[fact_class].append(where)
                for fact_class in _pattern_classes(rule):
                    if where not in read_by.setdefault(fact_class, []):
                        read_by[fact_class].append(where)
                try:  # facts a rule gathers with self.collect(FactClass, ...)
                    source = inspect.getsource(rule._wrapped)
                except (AttributeError, OSError, TypeError):
                    source = ""
                for collected in re.findall(r"self\.collect\(\s*(\w+)", source):
                    if where not in collected_by.setdefault(collected, []):
                        collected_by[collected].append(where)
        lines: list[str] = []
        for fact_class in classes:
            name = fact_class.__name__
            path = f"{fact_class.__module__}.{fact_class.__qualname__}"
            if fact_class in facts.INPUT_FACTS:
                kind = "an *input* fact, declared from the region, the typology and the parameters"
            elif concluded_by.get(fact_class):
                kind = "a *concluded* fact"
            elif fact_class.__module__ in hooks:
                kind = (f"an *input* fact, declared by "
                        f"``{hooks[fact_class.__module__]}.input_facts``")
            else:
                kind = "declared by packs of your own"
            lines += [name, "~" * len(name), "", f"``{path}``: {kind}.", ""]
            lines += [inspect.cleandoc(fact_class.__doc__ or "(no description)"), ""]
            for label, names in (("Concluded by", concluded_by.get(fact_class)),
                                 ("Read by", read_by.get(fact_class)),
                                 ("Collected by", collected_by.get(name))):
                if names:
                    lines += [f"*{label}*: " + ", ".join(names) + ".", ""]
        container = nodes.section()
        container.document = self.state.document
        self.state.nested_parse(StringList(lines, source="factreference"),
                                self.content_offset, container, match_titles=True)
        return container.children


def setup(app):  # type: ignore[no-untyped-def]
    app.add_directive("rulepack", RulePackDirective)
    app.add_directive("factreference", FactReferenceDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
