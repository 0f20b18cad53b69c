"""Why-not: why a conclusion was not reached, read from the rules' own conditions.

For a conclusion that is not in working memory (e.g. the type ``vision``),
:func:`why_not` takes each rule marked (:func:`smartsync.rules.concludes`) as
concluding such a fact, binds the rule's variables from the wanted fact, and
evaluates the rule's conditions one by one against the final facts of the
run. Each condition that fails becomes a :class:`Reason`: a pattern no fact
matches (then, when rules conclude such facts, it asks them in turn why not,
down to the input), a negated pattern that a fact blocks, or a test whose
values do not pass. Nothing here is written per type: change the rules and
why-not follows them.

Of several rules that could each give a wanted fact, a rule whose conditions
fail only on the input itself (an element present, so its stage is not
absent) is left out when another fails on a derived condition (a coverage
below its threshold): the latter is what a planner can act on.
"""

from __future__ import annotations

import inspect
from typing import Any, Iterable, Mapping, Sequence

import attrs

from ._compat import experta
from .trace import plain

__all__ = ["Reason", "WhyNot", "conditions"]

_NOT = experta.NOT
_TEST = experta.TEST
_Fact = experta.Fact
_W = experta.W
_L = experta.L
_P = experta.P

from experta.fieldconstraint import ANDFC, NOTFC, ORFC  # noqa: E402  (after _compat)


@attrs.frozen
class Reason:
    """One failed condition of a rule that would have given the conclusion.

    ``kind``: ``missing`` (no fact matches a pattern), ``blocked`` (a fact
    matches a negated pattern) or ``failed_test`` (a test is false).
    ``rule`` and ``pack`` name the rule, ``condition`` the failed condition
    (its position in the rule, 1-based, and its form), ``fact_kind`` the
    fact class the pattern asks for, ``values`` the bound variables and the
    fields of the facts matched on the way (the figures behind the failure),
    ``facts`` the ids of those facts (and of the blocking fact), ``path``
    the rules asked on the way down from the wanted conclusion.
    """

    kind: str
    rule: str
    pack: str
    condition: int
    form: str
    fact_kind: str | None
    values: Mapping[str, Any]
    facts: tuple[int, ...]
    path: tuple[str, ...]
    blocker: str | None = None
    #: the words of the classifier whose rules gave it (its own keys), by language
    messages: Mapping[str, Mapping[str, str]] | None = attrs.field(default=None, eq=False,
                                                                   repr=False)

    def message(self, lang: str = "en") -> str:
        """The reason in words, in English (``en``) or Indonesian (``id``), with the
        messages of the classifier whose rules gave it."""
        from .messages import reason_message, using

        with using(self.messages):
            return reason_message(self, lang)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {"kind": self.kind, "rule": self.rule, "pack": self.pack,
                "condition": self.condition, "form": self.form, "fact": self.fact_kind,
                "values": plain(self.values), "facts": list(self.facts), "path": list(self.path),
                "blocker": self.blocker}


_UNBOUND = object()


def _natural(text: str) -> tuple:
    from .facts import id_order

    return (id_order(text), text)


def _canonical(fact: Any, stages: Mapping[str, int]) -> tuple:
    """A fact's place in a canonical order: its fields by name, a stage's name by its place
    in the typology (``stages``: top first), other ids in natural order (``SM2`` before
    ``SM10``), whatever order working memory holds it in."""
    def value(v: Any) -> tuple:
        if isinstance(v, str):
            return (0, stages[v], "") if v in stages else (1, *_natural(v))
        return (2, repr(v), "")

    return tuple(sorted((str(k), value(v)) for k, v in fact.items() if k != "__factid__"))


def _constraint_vars(value: Any) -> set[str]:
    out: set[str] = set()
    bind = getattr(value, "__bind__", None)
    if isinstance(bind, str):
        out.add(bind)
    if isinstance(value, (ANDFC, ORFC, NOTFC)):
        for v in value:
            out |= _constraint_vars(v)
    return out


def _match_value(constraint: Any, value: Any, bindings: dict[str, Any]) -> bool:
    """Whether ``value`` meets a field constraint; binds its variable in ``bindings``."""
    if isinstance(constraint, ANDFC):
        return all(_match_value(c, value, bindings) for c in constraint)
    if isinstance(constraint, ORFC):
        return any(_match_value(c, value, dict(bindings)) for c in constraint)
    if isinstance(constraint, NOTFC):
        return not _match_value(constraint[0], value, dict(bindings))
    if isinstance(constraint, _L):
        ok = value == constraint.value
    elif isinstance(constraint, _P):
        try:
            ok = bool(constraint.match(value))
        except Exception:
            ok = False
    elif isinstance(constraint, _W):
        ok = True
    else:
        return value == constraint
    bind = getattr(constraint, "__bind__", None)
    if ok and isinstance(bind, str):
        if bind in bindings:
            return bindings[bind] == value
        bindings[bind] = value
    return ok


def _variables(cond: Any) -> set[str]:
    """The variable names a condition binds or reads."""
    if isinstance(cond, _TEST):
        return set(inspect.signature(cond[0]).parameters)
    if isinstance(cond, _NOT):
        return _variables(cond[0])
    if isinstance(cond, _Fact):
        out: set[str] = set()
        for _, constraint in _pattern_items(cond):
            out |= _constraint_vars(constraint)
        return out
    return set()


def _positive_variables(rule: Any) -> set[str]:
    """The variables a rule's positive patterns bind (not those only inside a NOT or a TEST)."""
    from .rules import patterns

    out: set[str] = set()
    for cond in patterns(rule, groups=False):
        out |= _variables(cond)
        bind = getattr(cond, "__bind__", None)
        if isinstance(bind, str):
            out.add(bind)
    return out


def _pattern_items(pattern: Any) -> list[tuple[Any, Any]]:
    return [(k, v) for k, v in pattern.items() if not (isinstance(k, str) and k.startswith("__"))]


def _match_fact(pattern: Any, fact: Any, bindings: dict[str, Any]) -> dict[str, Any] | None:
    if type(fact) is not type(pattern):
        return None
    new = dict(bindings)
    for key, constraint in _pattern_items(pattern):
        if key not in fact:
            return None
        if not _match_value(constraint, fact[key], new):
            return None
    bind = getattr(pattern, "__bind__", None)
    if isinstance(bind, str):
        new[bind] = fact
    return new


def _form(pattern: Any, bindings: Mapping[str, Any]) -> str:
    """A short, readable form of a pattern with bound variables filled in."""
    if isinstance(pattern, _NOT):
        return "not " + _form(pattern[0], bindings)
    if isinstance(pattern, _TEST):
        names = list(inspect.signature(pattern[0]).parameters)
        return "test(" + ", ".join(f"{n}={bindings.get(n, '?')!r}" for n in names) + ")"
    parts = []
    for key, constraint in _pattern_items(pattern):
        bind = getattr(constraint, "__bind__", None)
        if isinstance(constraint, (_W, _L, _P, ANDFC, ORFC, NOTFC)):
            if isinstance(bind, str) and bind in bindings:
                parts.append(f"{key}={plain(bindings[bind])!r}")
            elif isinstance(constraint, _L):
                parts.append(f"{key}={constraint.value!r}")
            elif isinstance(constraint, _P):
                parts.append(f"{key}=<test>")
            elif isinstance(bind, str):
                parts.append(f"{key}=?{bind}")
        else:
            parts.append(f"{key}={constraint!r}")
    return f"{type(pattern).__name__}({', '.join(parts)})"


def conditions(rule: Any) -> list[str]:
    """The conditions of an experta rule, each in a short readable form
    (``StageStatus(stage=?stage, synchronized=True)``, ``not ChainBreak(...)``,
    ``test(coverage, threshold)``)."""
    out = []
    for cond in rule:
        if isinstance(cond, _TEST):
            names = list(inspect.signature(cond[0]).parameters)
            out.append(f"test({', '.join(names)})")
        elif isinstance(cond, (_NOT, _Fact)):
            out.append(_form(cond, {}))
        else:
            out.append(type(cond).__name__)
    return out


class _NotApplicable(Exception):
    """A rule asked about a fact the typology does not define (e.g. a stage it lacks)."""


class WhyNot:
    """Evaluates rule conditions against the final facts of one run.

    ``definitions``: the input fact kinds that define the typology (its
    stages). A rule whose conditions ask for a definition that does not
    exist cannot give the wanted conclusion at all (the type
    ``unsynchronized`` is no stage), so it gives no reason.
    """

    def __init__(self, rules: Sequence[tuple[Any, str, str]], facts: Iterable[Any],
                 max_depth: int = 12, definitions: Iterable[type] = (),
                 inputs: Iterable[type] = (),
                 messages: Mapping[str, Mapping[str, str]] | None = None):
        #: the words of the classifier's own keys, given to each reason
        self.messages = messages
        self.definitions = tuple(definitions)
        self.inputs = tuple(inputs)
        self._asking: set[tuple] = set()
        #: (rule, name, pack) for every rule of the engine
        self.rules = list(rules)
        self._raw = facts
        self._facts: list[Any] | None = None
        self._by_kind: dict[type, list[Any]] | None = None
        #: per (fact class, field): the facts by that field's value (``None``: a value that
        #: cannot be a key), made when a pattern first pins the field
        self._by_field: dict[tuple[type, Any], dict[Any, list[Any]] | None] = {}
        self._counterparts: dict[str, list[Any]] | None = None
        #: the answers of about_elements: each type's why-not asks again about the same
        #: stage's elements (a region's why-not for every type asked them up to four times)
        self._about: dict[tuple, tuple[Reason, ...]] = {}
        self.max_depth = max_depth

    # the final facts, grouped by kind when first asked for (most classifications are never
    # asked why not)

    @property
    def facts(self) -> list[Any]:
        """The final facts of the run (experta's initial fact left out)."""
        if self._facts is None:
            self._facts = [f for f in self._raw if type(f).__name__ != "InitialFact"]
            self._raw = ()
        return self._facts

    @property
    def by_kind(self) -> dict[type, list[Any]]:
        """The final facts by their class, each class in a canonical order (by their
        fields, stages top first, ids in natural order), not in working-memory order, which a what-if that
        takes a match away and puts it back changes: where several facts match a pattern
        or block a ``NOT`` (two matches of one element, two rejected), the reason names
        the first in this order, so the same region gives the same reasons."""
        if self._by_kind is None:
            by_kind: dict[type, list[Any]] = {}
            for f in self.facts:
                by_kind.setdefault(type(f), []).append(f)
            # the typology's stages, top first (its StageDef facts)
            stages = {str(f.get("name")): int(f.get("position")) for f in self.facts
                      if type(f).__name__ == "StageDef"
                      and isinstance(f.get("position"), int)}
            for facts in by_kind.values():
                facts.sort(key=lambda f: _canonical(f, stages))
            self._by_kind = by_kind
        return self._by_kind

    def candidates(self, pattern: Any, binds: Mapping[str, Any]) -> Sequence[Any]:
        """The facts that may match ``pattern`` under ``binds``: where some of its fields
        are pinned (a literal, a value, or a variable already bound), those with the pinned
        value of the most selective one, found through an index by field (made once per
        field); else every fact of its class. Only a narrowing: each is still matched
        field by field, so that asking why not about each of thousands of elements does
        not scan every fact each time."""
        facts = self.by_kind.get(type(pattern), ())
        if len(facts) < 16:
            return facts
        best: Sequence[Any] = facts
        for key, constraint in _pattern_items(pattern):
            if isinstance(constraint, _L):
                value = constraint.value
            elif isinstance(constraint, _W) and isinstance(getattr(constraint, "__bind__", None),
                                                          str):
                if constraint.__bind__ not in binds:
                    continue
                value = binds[constraint.__bind__]
            elif isinstance(constraint, (_P, ANDFC, ORFC, NOTFC)):
                continue
            else:
                value = constraint
            index = self._index(type(pattern), key)
            if index is None:
                continue
            try:
                found = index.get(value, ())
            except TypeError:  # a value that cannot be a key: no narrowing by it
                continue
            if len(found) < len(best):
                best = found
        return best

    def _index(self, fact_class: type, key: Any) -> dict[Any, list[Any]] | None:
        if (fact_class, key) not in self._by_field:
            index: dict[Any, list[Any]] | None = {}
            for fact in self.by_kind.get(fact_class, ()):
                if key not in fact:
                    continue
                try:
                    index.setdefault(fact[key], []).append(fact)  # type: ignore[union-attr]
                except TypeError:  # a value that cannot be a key: the class is scanned
                    index = None
                    break
            self._by_field[(fact_class, key)] = index
        return self._by_field[(fact_class, key)]

    def __call__(self, fact_class: type, **fields: Any) -> tuple[Reason, ...]:
        # two conditions of a rule may fail for the same reason (chain_intact asks for the
        # program stage by name and as the base stage): say each reason once
        seen: set[tuple] = set()
        out = []
        for reason in self.explain(fact_class, fields, depth=0, path=()):
            key = (reason.rule, reason.kind, reason.condition, reason.facts, reason.form)
            if key not in seen:
                seen.add(key)
                out.append(reason)
        return tuple(out)

    def about_elements(self, fact_class: type, stage: str,
                       ids: Sequence[str]) -> tuple[Reason, ...]:
        """Why each masterplan element of ``ids`` at ``stage`` is not concluded as
        ``fact_class`` (``ElementSynchronized``), asked of each of the element's
        matches (or of the element, when it has none); the elements that fail the
        same condition of the same rule in one reason: its ``values`` hold them
        as ``elements`` and their counterparts (when the condition names one) as
        ``counterparts``."""
        key = (fact_class, stage, tuple(ids))
        if key not in self._about:
            self._about[key] = self._about_elements(fact_class, stage, ids)
        return self._about[key]

    def _about_elements(self, fact_class: type, stage: str,
                        ids: Sequence[str]) -> tuple[Reason, ...]:
        from .facts import Match

        groups: dict[tuple, list[Reason]] = {}
        for element in ids:
            # each match of the element is asked about on its own, so that an element
            # with several matches gets the condition each of them fails
            if self._counterparts is None:
                self._counterparts = {}
                for m in self.by_kind.get(Match, ()):
                    self._counterparts.setdefault(m["masterplan"], []).append(m["rpjmd"])
            counterparts = self._counterparts.get(element, [])
            asked = [self(fact_class, stage=stage, id=element, rpjmd=counterpart)
                     for counterpart in counterparts] or [self(fact_class, stage=stage,
                                                               id=element)]
            for reason in (r for reasons in asked for r in reasons):
                values = reason.values
                key = (reason.rule, reason.kind, reason.condition, reason.fact_kind,
                       values.get("condition"),
                       values.get("relation") if values.get("condition") == "relation" else None)
                groups.setdefault(key, []).append(attrs.evolve(
                    reason, values={**values, "element": element}))
        out = []
        for group in groups.values():
            first = group[0]
            # each element once, its counterparts lined up with it ("SP4, SP5 (to P1/P2,
            # P3)"), not "SP4, SP4, SP5 (to P1, P2, P3)"
            per: dict[str, set[str]] = {}
            for r in group:
                per.setdefault(r.values["element"], set())
                if r.values.get("counterpart") is not None:
                    per[r.values["element"]].add(str(r.values["counterpart"]))
            counterparts = ["/".join(sorted(found, key=_natural)) or "-"
                            for found in per.values()] if any(per.values()) else []
            # the elements with the same counterparts together, each set said once
            # ("SP1, SP2 (each to P1/P2/P3/P4 and 15 more)"), for the words
            # (``paired``); ``elements`` and ``counterparts`` stay one per element
            grouped: dict[tuple[str, ...], list[str]] = {}
            for element, found in per.items():
                grouped.setdefault(tuple(sorted(found, key=_natural)), []).append(element)
            out.append(attrs.evolve(first, values={
                **first.values, "elements": list(per),
                "counterparts": counterparts,
                "paired": [[elements, list(found)] for found, elements in grouped.items()]},
                facts=tuple(sorted({f for r in group for f in r.facts}))))
        return tuple(out)

    # -- one wanted fact ------------------------------------------------------

    def explain(self, fact_class: type, fields: Mapping[str, Any], depth: int,
                path: tuple[str, ...]) -> list[Reason]:
        per_rule: list[list[Reason]] = []
        applicable = 0
        for rule, name, pack in self.rules:
            for marked_class, marked in getattr(rule, "_smartsync_concludes", ()):
                if marked_class is not fact_class:
                    continue
                bindings = self._bind_goal(marked, fields)
                if bindings is None:
                    continue
                applicable += 1
                try:
                    per_rule.append(self._evaluate(rule, name, pack, bindings, depth,
                                                   path + (name,)))
                except _NotApplicable:
                    applicable -= 1
        if depth > 0 and applicable == 0 and self._concluded(fact_class):
            raise _NotApplicable()
        # Of several rules that could each give the fact, one that fails only because the
        # input is what it is (the masterplan has elements at a stage, so the stage is not
        # absent) says less than one that fails on a derived figure: keep the latter.
        informative = [r for r in per_rule if not all(self._about_input(x) for x in r)]
        return [x for r in (informative or per_rule) for x in r]

    def _about_input(self, reason: Reason) -> bool:
        return reason.kind in ("blocked", "missing") and reason.fact_kind in {
            k.__name__ for k in self.inputs}

    def _concluded(self, fact_class: type) -> bool:
        return any(marked_class is fact_class for rule, _, _ in self.rules
                   for marked_class, _ in getattr(rule, "_smartsync_concludes", ()))

    @staticmethod
    def _bind_goal(marked: Mapping[str, Any], wanted: Mapping[str, Any]) -> dict[str, Any] | None:
        bindings: dict[str, Any] = {}
        for key, value in wanted.items():
            if key not in marked:
                continue
            spec = marked[key]
            bind = getattr(spec, "__bind__", None)
            if isinstance(spec, _W) and isinstance(bind, str):
                bindings[bind] = value
            elif spec != value:
                return None
        return bindings

    # -- one rule ------------------------------------------------------------

    def _evaluate(self, rule: Any, name: str, pack: str, bindings: dict[str, Any], depth: int,
                  path: tuple[str, ...]) -> list[Reason]:
        conditions = list(rule)
        best: list[Reason] | None = None
        earlier: list[set[str]] = []
        # the variables a positive pattern before each condition binds when it matches
        positive: list[set[str]] = []
        seen_vars: set[str] = set()
        bound_vars: set[str] = set()
        for cond in conditions:
            earlier.append(set(seen_vars))
            positive.append(set(bound_vars))
            seen_vars |= _variables(cond)
            if isinstance(cond, _Fact):
                bound_vars |= _variables(cond)

        def search(i: int, binds: dict[str, Any], matched: tuple[Any, ...],
                   failures: list[Reason]) -> bool:
            nonlocal best
            if i == len(conditions):
                if not failures:
                    return True  # the rule holds: nothing failed along this path
                if best is None or len(failures) < len(best):
                    best = list(failures)
                return False
            cond = conditions[i]
            if isinstance(cond, _TEST):
                func = cond[0]
                names = list(inspect.signature(func).parameters)
                if any(n not in binds for n in names):
                    return search(i + 1, binds, matched, failures)
                try:
                    ok = bool(func(**{n: binds[n] for n in names}))
                except Exception:
                    ok = False
                if ok:
                    return search(i + 1, binds, matched, failures)
                return search(i + 1, binds, matched,
                              failures + [self._reason("failed_test", cond, i, name, pack, binds,
                                                       matched, None, path)])
            if isinstance(cond, (_NOT, _Fact)) and _variables(cond) & positive[i] - set(binds):
                # a variable an earlier pattern binds is left open by its failure: the
                # condition cannot be judged on its own (it would be tried with every fact
                # of its kind: each RPJMD element of a level for each element asked about),
                # and the earlier failure already says why the rule did not fire
                return search(i + 1, binds, matched, failures)
            if isinstance(cond, _NOT):
                inner = cond[0]
                if not isinstance(inner, _Fact):
                    return search(i + 1, binds, matched, failures)
                # of several facts that block it (two rejected matches of one element), the
                # first in the canonical order of :attr:`by_kind`
                for fact in self.candidates(inner, binds):
                    if _match_fact(inner, fact, binds) is not None:
                        return search(i + 1, binds, matched,
                                      failures + [self._reason("blocked", cond, i, name, pack,
                                                               binds, matched, fact, path)])
                return search(i + 1, binds, matched, failures)
            if not isinstance(cond, _Fact):  # OR/AND groups: not evaluated here
                return search(i + 1, binds, matched, failures)
            candidates = []
            for fact in self.candidates(cond, binds):
                new = _match_fact(cond, fact, binds)
                if new is not None:
                    candidates.append((fact, new))
            if not candidates:
                if isinstance(cond, self.definitions):
                    raise _NotApplicable()
                reason = self._reason("missing", cond, i, name, pack, binds, matched, None, path)
                deeper: list[Reason] = []
                # a variable an earlier condition should have bound (it failed) leaves this
                # pattern open: it cannot be judged on its own, and the earlier failure
                # already says why the rule did not fire
                if _variables(cond) & earlier[i] - set(binds):
                    return search(i + 1, binds, matched, failures)
                wanted = self._wanted_fields(cond, binds)
                goal = (type(cond), tuple(sorted((k, repr(v)) for k, v in wanted.items())))
                # ask the rules that conclude such a fact why not -- unless the same
                # question is already being asked further up
                if depth < self.max_depth and goal not in self._asking:
                    self._asking.add(goal)
                    try:
                        deeper = self.explain(type(cond), wanted, depth + 1, path)
                    finally:
                        self._asking.discard(goal)
                return search(i + 1, binds, matched, failures + (deeper or [reason]))
            for fact, new in candidates:
                if search(i + 1, new, matched + (fact,), failures):
                    return True
            return False

        if search(0, dict(bindings), (), []):
            return []
        return best or []

    @staticmethod
    def _wanted_fields(pattern: Any, bindings: Mapping[str, Any]) -> dict[str, Any]:
        wanted: dict[str, Any] = {}
        for key, constraint in _pattern_items(pattern):
            bind = getattr(constraint, "__bind__", None)
            if isinstance(constraint, _L):
                wanted[key] = constraint.value
            elif isinstance(constraint, (_W, _P, ANDFC, ORFC, NOTFC)):
                if isinstance(bind, str) and bind in bindings:
                    wanted[key] = bindings[bind]
            else:
                wanted[key] = constraint
        return wanted

    def _reason(self, kind: str, cond: Any, index: int, rule: str, pack: str,
                bindings: Mapping[str, Any], matched: tuple[Any, ...], blocker: Any,
                path: tuple[str, ...]) -> Reason:
        values: dict[str, Any] = {}
        facts = list(matched)
        if blocker is not None:
            facts.append(blocker)
        for fact in facts:
            for key, value in _pattern_items(fact):
                if isinstance(key, str):
                    values[key] = value
        values.update({k: v for k, v in bindings.items() if not isinstance(v, _Fact)})
        if kind == "missing":
            values.update(self._wanted_fields(cond, bindings))
        inner = cond[0] if isinstance(cond, _NOT) else cond
        return Reason(
            kind=kind, rule=rule, pack=pack, condition=index + 1, form=_form(cond, bindings),
            fact_kind=type(inner).__name__ if isinstance(inner, _Fact) else None,
            values=plain(values), facts=tuple(f["__factid__"] for f in facts if "__factid__" in f),
            path=path, blocker=None if blocker is None else _form(blocker, {}),
            messages=self.messages)
