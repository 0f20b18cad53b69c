"""A faster matcher for experta, and an engine that trims experta's fixed costs.

experta lets an engine choose its matcher with the class attribute
``__matcher__``. :class:`FastMatcher` is a drop-in replacement for experta's
own Rete (``experta.matchers.ReteMatcher``) for any experta engine::

    from experta import KnowledgeEngine
    from smartsync.fastmatch import FastKnowledgeEngine, FastMatcher

    class MyEngine(KnowledgeEngine):
        __matcher__ = FastMatcher          # the matcher only

    class MyFasterEngine(FastKnowledgeEngine):
        pass                               # the matcher and the trimmed fixed costs

What it does, and what it keeps:

- it dispatches each fact on its exact type (experta's patterns match the
  exact class, never a subclass) to the patterns of that type, and tests each
  *distinct* pattern once, however many rules share it;
- it joins a rule's patterns in the rule's order, by hashing the values of the
  variables a pattern shares with the patterns before it (experta compares
  every pair);
- ``NOT`` and ``TEST`` see only the variables bound before them, exactly as
  in experta; a ``TEST`` is called with each of its parameters (``None`` for
  a name not bound);
- it returns experta :class:`~experta.activation.Activation` objects (a
  subclass that builds its set of facts when first read and carries a compiled
  call of its rule), with the same rule objects, facts and context experta's
  Rete gives them, so the agenda, the conflict-resolution strategy and
  refraction (an activation fires once, until one of its facts is retracted)
  are experta's own.

:class:`FastKnowledgeEngine` adds, beneath experta's API:
:class:`FastDepthStrategy` (experta's depth order, keys compared without
hashing activations, many activations added by one stable sort),
:class:`FastFactList` (duplicates found by a hash of the content, not a
frozenset kept per fact), :class:`FastFact` (values frozen only where
experta's ``freeze`` would change them; checked once, when built) and a run
loop that calls a rule's function directly.

What it leaves to experta: a rule that uses ``OR`` (or a ``|`` field
constraint, which experta turns into an ``OR``), ``EXISTS``, ``FORALL``, a
``~`` field constraint, a nested accessor (``field__sub=``) or a field named
by a digit string, or that starts with a ``TEST``, is matched by experta's own
Rete, rule by rule: the other rules keep the fast matcher. Which rules, and
why, is in :attr:`FastMatcher.fallback`. ``&`` field constraints made of
literals, wildcards, variables and predicates (``MATCH.x & P(f)``) are
supported.

Two behaviours of experta's Rete are not reproduced, because they are bugs:
a fact that is declared and retracted between two matcher updates (by one rule
firing, or after ``run(steps)`` stopped) reaches experta's network as the
retraction of a fact it never saw (experta raises ``KeyError`` or keeps a
ghost fact; this matcher forgets the fact); and when two values that are
equal but of different types (``1`` and ``1.0``) are joined on one variable,
experta gives the variable either value depending on the order of arrival,
this matcher always the earlier pattern's.
"""

from __future__ import annotations

import bisect
import functools
import inspect
import keyword
import logging
import operator
from itertools import chain
from typing import Any, Callable, Iterable

from ._codecache import compile  # noqa: A004 - Python's, or the command's code cache
from ._compat import experta

from experta.abstract import Matcher, Strategy  # noqa: E402
from experta.activation import Activation  # noqa: E402
from experta.conditionalelement import NOT, TEST, ConditionalElement  # noqa: E402
from experta.deffacts import DefFacts  # noqa: E402
from experta.fact import Fact, InitialFact  # noqa: E402
from experta.factlist import FactList  # noqa: E402
from experta.fieldconstraint import ANDFC, FieldConstraint, L, P, W  # noqa: E402
from experta.matchers.rete import ReteMatcher  # noqa: E402
from experta.matchers.rete.utils import prepare_rule  # noqa: E402
from experta.rule import Rule  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402
from experta.utils import freeze, frozendict  # noqa: E402

__all__ = ["FastMatcher", "FastKnowledgeEngine", "FastFactList", "FastFact", "FastDepthStrategy",
           "fact_ids", "plain_fact"]

_RULES_LOG = logging.getLogger("experta.watchers.RULES")
_FACTS_LOG = logging.getLogger("experta.watchers.FACTS")


class _Unsupported(Exception):
    """A rule the fast matcher leaves to experta's Rete (the message says why)."""


# ------------------------------------------------------------------ compiling

class _Alpha:
    """One distinct pattern of one fact type: its tests, shared by every rule using it."""

    __slots__ = ("test", "consumers")

    def __init__(self, test: Callable[[Any], bool]):
        self.test = test
        self.consumers: list[Any] = []


def _field_tests(key: Any, value: Any, out: list, binds: list) -> None:
    """The tests and bindings of one field of a pattern (experta's L, W, P and ``&``)."""
    if not isinstance(value, FieldConstraint):
        out.append(("eq", key, value))
        return
    if isinstance(value, ANDFC):
        for part in value:
            if isinstance(part, ANDFC) or not isinstance(part, (L, W, P)):
                raise _Unsupported(f"field constraint {type(part).__name__} inside '&'")
            _field_tests(key, part, out, binds)
        return
    if isinstance(value, L):
        out.append(("eq", key, value.value))
    elif isinstance(value, W):
        out.append(("has", key, None))
    elif isinstance(value, P):
        out.append(("pred", key, value.match))
    else:
        raise _Unsupported(f"field constraint {type(value).__name__} ('~' or '|')")
    if value.__bind__ is not None:
        binds.append((value.__bind__, key))


def _make_test(tests: list, groups: list[tuple]) -> Callable[[Any], bool]:
    """A function testing a fact against one pattern's constant tests, predicates,
    required fields and the fields one variable names twice."""
    missing = object()
    eqs = tuple((k, v) for kind, k, v in tests if kind == "eq")
    preds = tuple((k, f) for kind, k, f in tests if kind == "pred")
    has = tuple(k for kind, k, _ in tests if kind == "has")

    def test(fact: Any) -> bool:
        get = fact.get
        for key, value in eqs:
            actual = get(key, missing)
            if actual is missing:
                try:
                    actual = fact[key]  # a Field default
                except (KeyError, IndexError, TypeError):
                    return False
            if not value == actual:
                return False
        for key in has:
            if key not in fact:
                try:
                    fact[key]
                except (KeyError, IndexError, TypeError):
                    return False
        for key, pred in preds:
            try:
                actual = fact[key]
            except (KeyError, IndexError, TypeError):
                return False
            if not pred(actual):
                return False
        for keys in groups:
            first = fact[keys[0]]
            for other in keys[1:]:
                if fact[other] != first:
                    return False
        return True

    return test


_MISSING = object()


def _compiled_test(cls: type, tests: list, groups: list[tuple]) -> Callable[[Any], bool]:
    """:func:`_make_test` as one compiled expression, for a fact class without declared
    fields (whose missing fields have no default)."""
    if getattr(cls, "__fields__", None):
        return _make_test(tests, groups)
    env: dict[str, Any] = {"_M": _MISSING}
    conds = []
    for n, (kind, key, value) in enumerate(tests):
        if kind == "eq":
            env[f"_v{n}"] = value
            conds.append(f"_v{n} == f.get({_literal(key)}, _M)")
        elif kind == "has":
            conds.append(f"{_literal(key)} in f")
    for n, (kind, key, value) in enumerate(tests):
        if kind == "pred":
            env[f"_p{n}"] = value
            conds.append(f"({_literal(key)} in f and _p{n}(f[{_literal(key)}]))")
    for keys in groups:
        conds.extend(f"not f[{_literal(other)}] != f[{_literal(keys[0])}]" for other in keys[1:])
    # truthiness is all the matcher reads of it: no bool() call
    return _function("lambda f: (" + (" and ".join(conds) or "True") + ")", env)


def _pattern(pattern: Fact) -> tuple[tuple, Callable[[Any], bool], tuple, str | None]:
    """A pattern's alpha key (its type and tests), its test, its ``(variable, field)``
    pairs and its ``AS`` name."""
    tests: list = []
    binds: list = []
    capture = None
    for key, value in pattern.items():
        if isinstance(key, str):
            if key == "__bind__":
                capture = value
                continue
            if "__" in key:
                raise _Unsupported(f"nested accessor or special field {key!r}")
            if key.isnumeric():
                raise _Unsupported(f"field named by a digit string {key!r}")
        elif not isinstance(key, int):
            raise _Unsupported(f"field key {key!r}")
        _field_tests(key, value, tests, binds)
    fields_of: dict[str, list] = {}
    for var, key in binds:
        fields_of.setdefault(var, [])
        if key not in fields_of[var]:
            fields_of[var].append(key)
    if capture is not None and capture in fields_of:
        raise _Unsupported(f"{capture!r} names both the fact and one of its fields")
    groups = [tuple(keys) for keys in fields_of.values() if len(keys) > 1]
    for keys in groups:  # compared fields must exist
        tests.extend(("has", k, None) for k in keys)
    signature = (type(pattern), tuple(sorted(
        ((kind, repr(k), _hashable(v)) for kind, k, v in tests), key=repr)),
        tuple(sorted(tuple(repr(k) for k in keys) for keys in groups)))
    var_keys = tuple((var, keys[0]) for var, keys in fields_of.items())
    return signature, _compiled_test(type(pattern), tests, groups), var_keys, capture


def _hashable(value: Any) -> Any:
    try:
        hash(value)
    except TypeError:
        return ("id", id(value))
    return (type(value).__name__, value) if not callable(value) else ("fn", id(value))


def _literal(key: Any) -> str:
    """A field key or variable name as Python source (only plain str and int keys)."""
    if type(key) not in (str, int):
        raise _Unsupported(f"key {key!r} of type {type(key).__name__}")
    return repr(key)


def _function(source: str, env: dict[str, Any]) -> Callable[..., Any]:
    """A small function compiled from source built here from keys (``_literal``) and names
    of ``env``; a rule's join keys and contexts are read without interpreting a loop."""
    code = _CODE.get(source)
    if code is None:
        code = _CODE[source] = compile(source, "<smartsync.fastmatch>", "eval")
    return eval(code, env)  # noqa: S307


_CODE: dict[str, Any] = {}


class _Deferred:
    """A function :func:`_function` compiles from ``source`` when it is first called: a
    rule's context, which a run never reads (a trace reads it to show a firing's values),
    so that building a matcher compiles one lambda fewer per rule."""

    __slots__ = ("source", "function")

    def __init__(self, source: str):
        self.source = source
        self.function: Callable[..., Any] | None = None

    def __call__(self, *args: Any) -> Any:
        function = self.function
        if function is None:
            function = self.function = _function(self.source, {})
        return function(*args)



def _key_function(parts: list[str], arg: str) -> Callable[[Any], Any]:
    """``arg -> key``: None (no variable), one value, or a tuple of values."""
    if not parts:
        return _no_key
    if parts == [arg]:
        return _itself
    if len(parts) == 1 and parts[0].startswith(f"{arg}[") and parts[0].count("[") == 1:
        return operator.itemgetter(eval(parts[0][len(arg) + 1:-1]))  # noqa: S307 - a literal
    if len(parts) == 1:
        return _function(f"lambda {arg}: {parts[0]}", {})
    return _function(f"lambda {arg}: ({', '.join(parts)},)", {})


def _no_key(_: Any) -> None:
    return None


def _itself(value: Any) -> Any:
    return value


class _Token:
    """A partial match: the facts of the positive patterns so far (the variables' values
    are read from them), the tokens built on it, and the node that made it. A token is
    filed among its parent's children when it is made (the root has no parent), under the
    node that made it and the fact it joined (``None`` for a token a ``NOT`` or a ``TEST``
    passed): one child per node and fact, so that a retraction ends its tokens without
    walking the others (the root token of a pattern has one child per fact it matches);
    the nodes after the one that made it keep it in their memories (rules that begin with
    the same conditions share those nodes, so a token may feed several rules)."""

    __slots__ = ("facts", "node", "children", "alive")

    def __init__(self, facts: tuple, node: Any, parent: "_Token | None" = None):
        self.facts = facts
        self.node = node
        if parent is not None:
            if parent.children is None:
                parent.children = {(node, None): self}
            else:
                parent.children[(node, None)] = self
        # (node, fact id or None) -> token, in the order they were made; made on the first
        self.children: dict[tuple, _Token] | None = None
        self.alive = True


_new_token = object.__new__


def _child(parent: _Token, facts: tuple, node: Any, fid: int | None = None) -> _Token:
    """``_Token(facts, node, parent)`` without the call of ``__init__``: a token made by a
    node from a token of the node before (a run makes hundreds), filed under ``(node,
    fid)``: the fact it joined, ``None`` for a token passed on."""
    token = _new_token(_Token)
    token.facts = facts
    token.node = node
    token.children = None
    token.alive = True
    children = parent.children
    if children is None:
        parent.children = {(node, fid): token}
    else:
        children[(node, fid)] = token
    return token


class _Join:
    """A positive pattern of a rule: joins the tokens before it with the facts it matches,
    on the values of the variables it shares with them (a hash lookup). Its tokens go to
    every node after it (``succ``: more than one where rules share their first conditions)."""

    def __init__(self, alpha: _Alpha, left_key: Callable, right_key: Callable):
        self.alpha, self.left_key, self.right_key = alpha, left_key, right_key
        self.succ: list[Any] = []
        self.reset()

    # Memories are dicts of join key -> bucket. Most keys hold one partial match or one
    # fact (an element's id...): such a bucket is the token (left) or the fact (right)
    # itself, and becomes a dict (token -> None; fact id -> fact) at the second one.

    def reset(self) -> None:
        self.left: dict[Any, Any] = {}
        self.right: dict[Any, Any] = {}

    def _remember(self, token: _Token) -> Any:
        """File a token of the node before under its join key; return the key."""
        key = self.left_key(token.facts)
        left = self.left
        bucket = left.get(key)
        if bucket is None:
            left[key] = token
        elif bucket.__class__ is dict:
            bucket[token] = None
        else:
            left[key] = {bucket: None, token: None}
        return key

    def left_add(self, token: _Token) -> None:
        # _remember, inline (a call fewer per partial match)
        key = self.left_key(token.facts)
        left = self.left
        bucket = left.get(key)
        if bucket is None:
            left[key] = token
        elif bucket.__class__ is dict:
            bucket[token] = None
        else:
            left[key] = {bucket: None, token: None}
        right = self.right.get(key)
        if right is None:
            return
        if right.__class__ is dict:
            for fid, fact in list(right.items()):
                self._emit(token, fact, fid)
        else:
            self._emit(token, right, right["__factid__"])

    def _emit(self, parent: _Token, fact: Any, fid: int) -> None:
        token = _child(parent, parent.facts + (fact,), self, fid)
        for node in self.succ:
            node.left_add(token)

    def right_add(self, fact: Any, fid: int) -> None:
        key = self.right_key(fact)
        right = self.right
        bucket = right.get(key)
        if bucket is None:
            right[key] = fact
        elif bucket.__class__ is dict:
            bucket[fid] = fact
        else:
            right[key] = {bucket["__factid__"]: bucket, fid: fact}
        left = self.left.get(key)
        if left is None:
            return
        if left.__class__ is dict:
            for token in list(left):
                self._emit(token, fact, fid)
        else:
            self._emit(left, fact, fid)

    def right_remove(self, fact: Any, fid: int) -> None:
        key = self.right_key(fact)
        right = self.right
        bucket = right.get(key)
        if bucket is not None:
            if bucket.__class__ is dict:
                bucket.pop(fid, None)
                if len(bucket) == 1:
                    right[key] = next(iter(bucket.values()))
            elif bucket["__factid__"] == fid:
                del right[key]
        # the tokens this fact made: the child of each token it joined (those of its key)
        end = (self, fid)
        for parent in _tokens(self.left.get(key)):
            _end_child(parent, end)

    def forget(self, token: _Token) -> None:
        left = self.left
        key = self.left_key(token.facts)  # retractions are rare: computed again, not kept
        bucket = left.get(key)
        if bucket is None:
            return
        if bucket.__class__ is dict:
            bucket.pop(token, None)
            if len(bucket) == 1:
                left[key] = next(iter(bucket))
        elif bucket is token:
            del left[key]


def _end_child(parent: _Token, key: tuple) -> None:
    """End the token filed under ``key`` (its node, and the fact it joined or ``None``)
    among ``parent``'s children, if there is one, and take it out of them (rules that
    share ``parent``'s node give it children of other nodes too)."""
    children = parent.children
    if children is None:
        return
    child = children.pop(key, None)
    if child is None:
        return
    if not children:
        parent.children = None
    _kill(child)


def _tokens(bucket: Any) -> list:
    """The tokens of a left memory's bucket, as a list (safe to change the bucket after)."""
    if bucket is None:
        return []
    if bucket.__class__ is dict:
        return list(bucket)
    return [bucket]


class _Not(_Join):
    """``NOT(pattern)``: a token passes while no fact matches the pattern with the values
    of the variables bound before it (its right memory: key -> {fact id: None};
    ``blocked``: each token some fact stops -> how many facts stop it)."""

    def reset(self) -> None:
        super().reset()
        self.blocked: dict[_Token, int] = {}

    def left_add(self, token: _Token) -> None:
        key = self.left_key(token.facts)
        left = self.left
        bucket = left.get(key)
        if bucket is None:
            left[key] = token
        elif bucket.__class__ is dict:
            bucket[token] = None
        else:
            left[key] = {bucket: None, token: None}
        right = self.right.get(key)
        if right:
            self.blocked[token] = len(right)
        else:  # _pass, inline
            passed = _child(token, token.facts, self)
            for node in self.succ:
                node.left_add(passed)

    def _pass(self, token: _Token) -> None:
        passed = _child(token, token.facts, self)
        for node in self.succ:
            node.left_add(passed)

    def forget(self, token: _Token) -> None:
        super().forget(token)
        self.blocked.pop(token, None)

    def right_add(self, fact: Any, fid: int) -> None:
        key = self.right_key(fact)
        bucket = self.right.get(key)
        if bucket is None:
            self.right[key] = {fid: None}
        else:
            bucket[fid] = None
        blocked = self.blocked
        for token in _tokens(self.left.get(key)):
            count = blocked[token] = blocked.get(token, 0) + 1
            if count == 1:  # it passed: what it passed to ends
                _end_child(token, (self, None))

    def right_remove(self, fact: Any, fid: int) -> None:
        key = self.right_key(fact)
        bucket = self.right.get(key)
        if bucket is None or fid not in bucket:
            return
        del bucket[fid]
        if not bucket:
            del self.right[key]
        blocked = self.blocked
        for token in _tokens(self.left.get(key)):
            count = blocked[token] - 1
            if count:
                blocked[token] = count
            else:
                del blocked[token]
                self._pass(token)


class _Test:
    """``TEST(function)``: called with the variables bound before it (``None`` if unbound)."""

    def __init__(self, call: Callable[[tuple], Any]):
        self.call = call
        self.succ: list[Any] = []

    def reset(self) -> None:
        pass

    def left_add(self, token: _Token) -> None:
        if self.call(token.facts):
            passed = _child(token, token.facts, self)
            for node in self.succ:
                node.left_add(passed)

    def forget(self, token: _Token) -> None:
        pass


class _Activation(Activation):
    """experta's :class:`~experta.activation.Activation` as the fast matcher makes it: the
    same rule, facts, context and comparisons. What it adds, for the engine's fixed costs:
    its set of facts is built when first read (``matched`` keeps them in pattern order;
    ordering and firing need only their ids), ``fact_ids`` (the facts' ids, largest
    first, as experta's depth strategy orders them), ``fire`` (the rule's function
    called with the variables it takes, as ``Rule.__call__`` would, read from the facts)
    and its ``context`` (the variables' values) built when first read: a run fires its
    rules without building one, and the trace reads those of the firings it shows."""

    # slots: an activation gets no attribute dict of its own (a run makes hundreds, and
    # the trace keeps those that fired: fewer objects for the cyclic collector to walk)
    __slots__ = ("rule", "matched", "fire", "key", "_ids", "_set", "_context", "_make")

    def __init__(self, rule: Rule, facts: tuple, context: Callable[[tuple], dict],
                 fire: Callable | None):
        self.rule = rule
        self.matched = facts
        self._make = context  # facts -> the context
        self._context: dict | None = None
        self.fire = fire
        self.key: Any = None  # the strategy sets it
        self._ids: tuple | None = None
        self._set: set | None = None

    @property  # type: ignore[override]
    def context(self) -> dict:
        found = self._context
        if found is None:
            found = self._context = self._make(self.matched)
        return found

    @context.setter
    def context(self, value: dict) -> None:
        self._context = value

    @property  # type: ignore[override]
    def facts(self) -> set:
        found = self._set
        if found is None:
            found = self._set = set(self.matched)
        return found

    @facts.setter
    def facts(self, value: Iterable[Any]) -> None:
        self.context  # the context of the facts it was made with
        self._set = set(value)
        self.matched = tuple(self._set)
        self._ids = None

    @property
    def fact_ids(self) -> tuple:
        """The ids of its facts, each once, largest first."""
        ids = self._ids
        if ids is None:
            ids = self._ids = tuple(sorted(set(map(_FACT_ID, self.matched)), reverse=True))
        return ids


_FACT_ID = operator.itemgetter("__factid__")


def fact_ids(activation: Activation) -> tuple:
    """The ids of an activation's facts, each once, largest first (experta's depth order)."""
    if activation.__class__ is _Activation:
        return activation.fact_ids
    return tuple(sorted((f["__factid__"] for f in activation.facts), reverse=True))


def _caller(rule: Rule, source: dict[str, str]) -> Callable | None:
    """``(function, engine, facts) -> result``: the rule's function called with the bound
    variables it takes, as ``Rule.__call__`` passes them (names starting ``__`` never;
    every other one unless the function lists its parameters without ``**kwargs``), each
    read from the activation's facts where its context reads it (``source``)."""
    wanted = rule._wrapped_args
    names = [v for v in source if v[:2] != "__" and (not wanted or v in wanted)]
    if not all(isinstance(n, str) and n.isidentifier() and not keyword.iskeyword(n)
               for n in names):
        return None
    args = "".join(f", {n}={source[n]}" for n in names)
    return _function(f"lambda f, e, t: f(e{args})", {})


class _Terminal:
    """The end of a rule: a complete match becomes an experta Activation."""

    def __init__(self, rule: Rule, context: Callable[[tuple], dict], matcher: "FastMatcher",
                 fire: Callable | None = None):
        self.rule = rule
        self.context = context
        self.matcher = matcher
        self.fire = fire
        self.reset()

    def reset(self) -> None:
        self.acts: dict[_Token, _Activation] = {}

    def left_add(self, token: _Token) -> None:
        act = self.acts[token] = _Activation(self.rule, token.facts, self.context, self.fire)
        self.matcher._added[id(act)] = act

    def forget(self, token: _Token) -> None:
        act = self.acts.pop(token, None)
        if act is not None and self.matcher._added.pop(id(act), None) is None:
            self.matcher._removed.append(act)


def _kill(token: _Token) -> None:
    """Remove a token and every token built on it."""
    stack = [token]
    while stack:
        token = stack.pop()
        if not token.alive:
            continue
        token.alive = False
        for node in token.node.succ:
            node.forget(token)
        if token.children:
            stack.extend(token.children.values())
            token.children = None


class _CompiledRule:
    """A rule's nodes, first to last (some shared with other rules), before its terminal."""

    def __init__(self, rule: Rule, first: Any, nodes: list):
        self.rule = rule
        self.first = first
        self.nodes = nodes


def _simple_pattern(pattern: Any) -> bool:
    return isinstance(pattern, Fact) and all(
        not isinstance(v, FieldConstraint) or isinstance(v, (L, W, P))
        or (isinstance(v, ANDFC) and all(isinstance(p, (L, W, P)) for p in v))
        for v in pattern.values())


def _prepare(rule: Rule) -> Rule:
    """experta's ``prepare_rule`` (disjunctive normal form, ``InitialFact`` first where a
    rule starts with ``NOT`` or has no pattern), done in one step for a rule of patterns,
    ``NOT(pattern)`` and ``TEST`` (already in normal form): an equal rule, built once."""
    conditions = tuple(rule)
    if not all(_simple_pattern(ce) or isinstance(ce, TEST)
               or (isinstance(ce, NOT) and len(ce) == 1 and _simple_pattern(ce[0]))
               for ce in conditions):
        return prepare_rule(rule)
    if (not conditions or isinstance(conditions[0], NOT)
            or not any(isinstance(ce, (Fact, NOT)) for ce in conditions)):
        conditions = (InitialFact(), *conditions)
    return _new_conditions(rule, conditions)


def _new_conditions(rule: Rule, conditions: tuple) -> Rule:
    """``rule.new_conditions(*conditions)``: a new rule of the same class, salience and
    function, whose function's parameters are not read again (experta reads them with
    ``inspect.signature`` for each new rule; a classifier prepares every rule)."""
    if type(rule).__call__ is not Rule.__call__ or rule._wrapped is None:
        return rule.new_conditions(*conditions)  # a Rule class of its own: experta's way
    prepared = rule.__class__(*conditions, salience=rule.salience)
    prepared._wrapped = rule._wrapped
    prepared._wrapped_args = rule._wrapped_args
    return functools.update_wrapper(prepared, rule._wrapped)


class _Rete(ReteMatcher):
    """experta's own Rete, built for the rules the fast matcher leaves to it."""

    def __init__(self, engine: Any, rules: Iterable[Rule]):
        self._only = tuple(rules)
        super().__init__(engine)

    def prepare_ruleset(self, engine: Any) -> set:  # type: ignore[override]
        return {prepare_rule(rule) for rule in self._only}


class FastMatcher(Matcher):
    """A matcher for any experta engine (``__matcher__ = FastMatcher``): exact-type dispatch,
    one test per distinct pattern, hashed joins in rule order, experta's activations.

    :attr:`fallback` maps the name of each rule left to experta's Rete to the reason.
    """

    def __init__(self, engine: Any):
        super().__init__(engine)
        self._alphas: dict[tuple, _Alpha] = {}
        self._by_type: dict[type, list[_Alpha]] = {}
        self._rules: list[_CompiledRule] = []
        self._shared: dict[tuple, Any] = {}  # (node before, what it tests) -> the node
        #: rule name -> why it is matched by experta's own Rete
        self.fallback: dict[str, str] = {}
        fallback = []
        seen = set()
        for rule in engine.get_rules():
            prepared = _prepare(rule)
            if prepared in seen:  # the same rule under two names: experta keeps one
                continue
            seen.add(prepared)
            try:
                self._rules.append(self._compile(prepared))
            except _Unsupported as exc:
                self.fallback[getattr(rule, "__name__", repr(rule))] = str(exc)
                fallback.append(rule)
        self._rete = _Rete(engine, fallback) if fallback else None
        # every node once (rules share some), and the first nodes (each gets a root token)
        self._nodes = list({id(n): n for r in self._rules for n in r.nodes}.values())
        self._firsts = list({id(r.first): r.first for r in self._rules}.values())
        self._passed: dict[int, list[_Alpha]] = {}
        self._added: dict[int, Activation] = {}  # id -> activation made since the last changes()
        self._removed: list[Activation] = []
        self.reset()

    def _alpha(self, signature: tuple, test: Callable[[Any], bool], cls: type) -> _Alpha:
        alpha = self._alphas.get(signature)
        if alpha is None:
            alpha = self._alphas[signature] = _Alpha(test)
            self._by_type.setdefault(cls, []).append(alpha)
        return alpha

    def _compile(self, rule: Rule) -> _CompiledRule:
        conditions = tuple(rule)
        if not conditions:
            raise _Unsupported("no conditions")
        for ce in conditions:
            if not (isinstance(ce, (Fact, TEST))
                    or (isinstance(ce, NOT) and len(ce) == 1 and isinstance(ce[0], Fact))):
                raise _Unsupported(f"{type(ce).__name__} condition")
        if isinstance(conditions[0], TEST):
            raise _Unsupported("starts with a TEST")
        names: dict[Fact, str] = {}  # experta: equal patterns of a rule capture one name
        #: each bound variable -> where its value is read: "t[i]" (the fact of the i-th
        #: positive pattern) or "t[i][key]" (one of its fields); the first binding counts
        source: dict[str, str] = {}
        # first what each node is (any unsupported part raises before a node is made)...
        specs: list[tuple] = []
        joined = 0  # positive patterns so far
        for position, ce in enumerate(conditions):
            if isinstance(ce, TEST):
                function = ce[0]
                params = tuple(inspect.signature(function).parameters)
                args = ", ".join(f"{_literal(p)}: {source.get(p, 'None')}" for p in params)
                specs.append((_Test, function, f"lambda t: _test(**{{{args}}})"))
                continue
            pattern = ce[0] if isinstance(ce, NOT) else ce
            signature, test, var_keys, capture = _pattern(pattern)
            if capture is None:
                capture = names.setdefault(pattern, f"__pattern_{position}__")
            here = {var: f"[{_literal(key)}]" for var, key in var_keys}
            here[_literal(capture) and capture] = ""
            shared = sorted(v for v in here if v in source)
            specs.append((_Not if isinstance(ce, NOT) else _Join, (signature, test, type(pattern)),
                          tuple(source[v] for v in shared), tuple(f"f{here[v]}" for v in shared)))
            if not isinstance(ce, NOT):
                for var, path in here.items():
                    source.setdefault(var, f"t[{joined}]{path}")
                joined += 1
        context = _Deferred(
            "lambda t: {" + ", ".join(f"{_literal(v)}: {p}" for v, p in source.items()) + "}")
        fire = _caller(rule, source)
        # ...then the nodes: a rule whose first conditions are those of a rule before it
        # (the same patterns joined on the same fields, the same TEST function) shares
        # their nodes, and so their partial matches
        nodes: list = []
        parent = None
        for spec in specs:
            if spec[0] is _Test:
                key: tuple = (parent, _Test, spec[1], spec[2])
            else:
                kind, (signature, test, cls), left, right = spec
                alpha = self._alpha(signature, test, cls)
                key = (parent, kind, alpha, left, right)
            node = self._shared.get(key)
            if node is None:
                if spec[0] is _Test:
                    node = _Test(_function(spec[2], {"_test": spec[1]}))
                else:
                    node = kind(alpha, _key_function(list(left), "t"),
                                _key_function(list(right), "f"))
                    alpha.consumers.append(node)
                self._shared[key] = node
                if parent is not None:
                    parent.succ.append(node)
            nodes.append(node)
            parent = node
        nodes[-1].succ.append(_Terminal(rule, context, self, fire))
        return _CompiledRule(rule, nodes[0], nodes)

    # -- experta's Matcher interface ---------------------------------------------

    def reset(self) -> None:
        """Forget every fact (experta's ``reset()`` calls this)."""
        self._passed = {}
        self._added = {}
        self._removed = []
        for node in self._nodes:
            node.reset()
            for after in node.succ:
                if after.__class__ is _Terminal:
                    after.reset()
        for first in self._firsts:
            first.left_add(_Token((), None))
        self._added = {}
        if self._rete is not None:
            self._rete.reset()

    def changes(self, adding: Iterable[Any] | None = None,
                deleting: Iterable[Any] | None = None) -> tuple[list, list]:
        """Take the facts retracted and declared since the last call; return the activations
        added and removed (experta's matcher interface)."""
        passed = self._passed
        if deleting and adding:
            # declared and retracted since the last call (by one rule firing, or during
            # run(steps)): never part of the working memory here. experta's Rete receives
            # the retraction of a fact it never saw, raises or keeps a ghost fact.
            both = {id(f) for f in deleting} & {id(f) for f in adding}
            if both:
                deleting = [f for f in deleting if id(f) not in both]
                adding = [f for f in adding if id(f) not in both]
        if deleting:
            for fact in deleting:
                fid = fact["__factid__"]
                for alpha in passed.pop(fid, ()):
                    for node in alpha.consumers:
                        node.right_remove(fact, fid)
        if adding:
            by_type = self._by_type
            for fact in adding:
                alphas = by_type.get(type(fact))
                if not alphas:
                    continue
                fid = fact["__factid__"]
                if len(alphas) == 1:  # one pattern of this fact type (most)
                    hits = alphas if alphas[0].test(fact) else None
                else:
                    hits = [alpha for alpha in alphas if alpha.test(fact)]
                if hits:
                    passed[fid] = hits
                    for alpha in hits:
                        for node in alpha.consumers:
                            node.right_add(fact, fid)
        added, removed = list(self._added.values()), self._removed
        self._added, self._removed = {}, []
        if self._rete is not None:
            more_added, more_removed = self._rete.changes(adding, deleting)
            added.extend(more_added)
            removed.extend(more_removed)
        return added, removed


# ------------------------------------------------------- the engine's fixed costs

_KEY = operator.attrgetter("key")


class FastDepthStrategy(DepthStrategy):
    """experta's depth strategy (salience first, then the most recent facts), in the same
    order, for fewer instructions: an activation's key is computed without hashing it
    (experta caches keys by the activation's hash, which hashes its facts and context),
    the agenda is kept sorted by comparing keys (not ``Activation.__lt__``), and a
    removed activation is found by identity among those of its key (experta compares
    contexts and facts, and looks one place either side only)."""

    def get_key(self, activation: Activation) -> Any:  # noqa: D102
        return (activation.rule.salience, fact_ids(activation))

    def _update_agenda(self, agenda: Any, added: Iterable[Activation],
                       removed: Iterable[Activation]) -> None:
        activations = agenda.activations
        get_key = self.get_key
        for act in removed:
            key = act.key = get_key(act)
            index = bisect.bisect_left(activations, key, key=_KEY)
            end = len(activations)
            found = None
            for position in range(index, end):
                other = activations[position]
                if other is act:
                    found = position
                    break
                if other.key != key:
                    break
            if found is None:  # an equal activation made anew (experta's own Rete)
                # experta's ``==`` compares the keys too, after the contexts (which it
                # builds) and the facts: a neighbour of another key is no equal one (a
                # removed activation that had fired is on no agenda, and has such
                # neighbours only)
                for position in (index, index + 1, index - 1):
                    if (0 <= position < end and getattr(activations[position], "key", None) == key
                            and activations[position] == act):
                        found = position
                        break
            if found is not None:
                del activations[found]
        if len(added) > 8 and len(added) * 16 > len(activations):
            # many at once (a region's input facts): one stable sort keeps equal keys in
            # the order insort_right would (those already there first, then by arrival);
            # a few into a long agenda (a what-if's) are inserted one by one
            for act in added:
                act.key = get_key(act)
            activations.extend(added)
            activations.sort(key=_KEY)
        else:
            for act in added:
                act.key = get_key(act)
                bisect.insort_right(activations, act, key=_KEY)


class FastFactList(FactList):
    """experta's fact list with a cheaper duplicate check. experta keeps, for each fact,
    a frozenset of its fields as the key of a counter (a set and a tuple per field, all
    alive as long as the fact: for a large region most of the objects Python's cyclic
    collector then walks); this list keeps the hash of that content per fact and
    compares the fields of the facts that share a hash only (``reference_counter``
    stays empty). Equal facts are refused as in experta, unless ``duplication``."""

    def __init__(self) -> None:
        super().__init__()
        self._keys: dict[int, int] = {}  # fact id -> hash of its content
        self._by_content: dict[int, Any] = {}  # hash -> the id (or ids) of facts with it

    def declare(self, fact: Any) -> Any:  # noqa: D102
        return self.declare_all((fact,))

    def declare_all(self, facts: Iterable[Any]) -> Any:
        """``declare`` each fact in turn (which watchers listen is read once); returns
        what the last ``declare`` returned."""
        log = _FACTS_LOG.isEnabledFor(logging.INFO)
        keys = self._keys
        by_content = self._by_content
        added = self.added
        put = self.__setitem__
        last = None
        for fact in facts:
            if not isinstance(fact, Fact):
                raise ValueError("The fact must descend the Fact class.")
            if fact.__fields__:
                fact.validate()
            if getattr(fact, "_plain", False) and "__factid__" not in fact:
                # no special key (a FastFact as built): every field counts
                key = hash((fact.__class__, frozenset(fact.items())))
            else:
                key = hash((fact.__class__, frozenset(_content(fact).items())))
            same = by_content.get(key)  # one id, or a list of ids sharing the hash
            if same is not None and not self.duplication:
                content = _content(fact)
                cls = fact.__class__
                if any(self[i].__class__ is cls and _content(self[i]) == content
                       for i in (same if same.__class__ is list else (same,))):
                    last = None
                    continue
            idx = self.last_index
            dict.__setitem__(fact, "__factid__", idx)
            put(idx, fact)
            self.last_index = idx + 1
            added.append(fact)
            if same is None:
                by_content[key] = idx  # no list for the one fact of a content (most)
            elif same.__class__ is list:
                same.append(idx)
            else:
                by_content[key] = [same, idx]
            keys[idx] = key
            if log:
                _FACTS_LOG.info(" ==> %s: %r", fact, fact)
            last = fact
        return last

    def retract(self, idx_or_fact: Any) -> int:  # noqa: D102
        idx = idx_or_fact if isinstance(idx_or_fact, int) else idx_or_fact["__factid__"]
        if idx not in self:
            raise IndexError("Fact not found.")
        fact = self[idx]
        key = self._keys.pop(idx)
        same = self._by_content[key]
        if same.__class__ is list:
            same.remove(idx)
            if len(same) == 1:
                self._by_content[key] = same[0]
        else:
            del self._by_content[key]
        if _FACTS_LOG.isEnabledFor(logging.INFO):
            _FACTS_LOG.info(" <== %s: %r", fact, fact)
        self.removed.append(fact)
        del self[idx]
        return idx


def _content(fact: Any) -> dict:
    """A fact's fields but experta's special ones (``__factid__``, ``__bind__``...)."""
    return {k: v for k, v in fact.items()
            if not (k.__class__ is str and k[:2] == "__" and k[-2:] == "__")}


def _deffacts_of(cls: type) -> tuple[str, ...]:
    """The names of a class's DefFacts, found once per class (experta searches every
    attribute of the engine with inspect.getmembers at each reset)."""
    found = _DEFFACTS.get(cls)
    if found is None:
        names = {name for klass in cls.__mro__ for name, value in vars(klass).items()
                 if isinstance(value, DefFacts)}
        found = _DEFFACTS[cls] = tuple(sorted(names))
    return found


_DEFFACTS: dict[type, tuple[str, ...]] = {}
_SIGNATURES: dict[Any, tuple[bool, frozenset]] = {}


class FastKnowledgeEngine(experta.KnowledgeEngine):
    """An experta ``KnowledgeEngine`` with the fast matcher and experta's fixed costs
    trimmed beneath its public API (same behaviour, same results). Derive an engine
    from it instead of ``KnowledgeEngine``; with another ``KnowledgeEngine`` subclass,
    list that one first (``class E(MyEngine, FastKnowledgeEngine)``).

    - ``reset()`` finds the engine's DefFacts once per class instead of searching
      every attribute with ``inspect.getmembers`` at each reset;
    - ``run()`` formats a firing's facts for experta's watchers only when one listens;
    - ``declare()`` checks a fact's fields for conditional elements and nested
      accessors in one pass;
    - the fact list (:class:`FastFactList`) computes a fact's duplicate key once and
      logs only when a watcher listens.
    """

    __matcher__ = FastMatcher
    __strategy__ = FastDepthStrategy
    #: the fact list ``reset()`` makes
    _fact_list: type = FastFactList

    def reset(self, **kwargs: Any) -> None:
        """experta's reset: a new agenda and fact list, the matcher's memory cleared, the
        DefFacts declared (``InitialFact`` first)."""
        self.agenda = experta.agenda.Agenda()
        self.facts = self._fact_list()
        self.matcher.reset()
        deffacts = [getattr(self, name) for name in _deffacts_of(type(self))]
        for deffact in deffacts:
            deffact.ke = self
        deffacts.sort(key=lambda d: d.order)
        declared = []
        for deffact in deffacts:
            takes_all, names = _signature(deffact)
            declared.append(deffact(**(kwargs if takes_all else
                                       {k: v for k, v in kwargs.items() if k in names})))
        self._declare(tuple(chain.from_iterable(declared)))
        self.running = False

    def declare(self, *facts: Any) -> Any:
        """experta's declare: refuses a fact holding a conditional element (``TypeError``)
        or a nested accessor key (``KeyError``); a fact equal to one declared adds
        nothing; the agenda is updated unless the engine is running."""
        if not self.facts:
            experta.watchers.ENGINE.warning("Declaring fact before reset()")
        return self._declare(facts)

    def _declare(self, facts: tuple) -> Any:
        constraint = nested = False
        for fact in facts:
            if getattr(fact, "_plain", False):  # checked when built (FastFact)
                continue
            for key, value in fact.items():
                if isinstance(value, ConditionalElement):
                    constraint = True
                if (("__" in key and "__" in key.strip("_")) if key.__class__ is str
                        else "__" in str(key).strip("_")):
                    nested = True
        if constraint:
            raise TypeError("Declared facts cannot contain conditional elements")
        if nested:
            raise KeyError("Cannot declare facts containing double underscores as keys.")
        fact_list = self.facts
        if isinstance(fact_list, FastFactList):
            last = fact_list.declare_all(facts)
        else:
            last = None
            for fact in facts:
                last = fact_list.declare(fact)
        if not self.running:
            added, removed = self.get_activations()
            self.strategy.update_agenda(self.agenda, added, removed)
        return last

    def run(self, steps: float = float("inf")) -> None:
        """experta's run loop: fire the agenda's next activation until none is left (or
        ``steps`` fired, or ``halt()``). Which watchers listen is read once per run."""
        watchers = experta.watchers
        agenda_debug = watchers.worth("AGENDA", "DEBUG")
        fire_info = _RULES_LOG.isEnabledFor(logging.INFO)
        strategy = self.strategy
        # experta's update_agenda, but for its watcher logging (read once here)
        update = (strategy._update_agenda
                  if type(strategy).update_agenda is Strategy.update_agenda
                  and not watchers.worth("ACTIVATIONS", "INFO") else strategy.update_agenda)
        plain_changes = type(self).get_activations is experta.KnowledgeEngine.get_activations
        self.running = True
        execution = 0
        while steps > 0 and self.running:
            fact_list = self.facts
            if fact_list.added or fact_list.removed:  # else the matcher has nothing new
                if plain_changes:  # experta's get_activations, one call less
                    adding, deleting = fact_list.added, fact_list.removed
                    fact_list.added, fact_list.removed = [], []
                    added, removed = self.matcher.changes(adding, deleting)
                else:
                    added, removed = self.get_activations()
                if added or removed:
                    update(self.agenda, added, removed)
            if agenda_debug:  # pragma: no cover
                for idx, act in enumerate(self.agenda.activations):
                    watchers.AGENDA.debug("%d: %r %r", idx, act.rule.__name__,
                                          ", ".join(str(f) for f in act.facts))
            activation = self.agenda.get_next()
            if activation is None:
                break
            steps -= 1
            execution += 1
            if fire_info:
                _RULES_LOG.info("FIRE %s %s: %s", execution, activation.rule.__name__,
                                ", ".join(str(f) for f in activation.facts))
            rule = activation.rule
            if (activation.__class__ is _Activation and activation.fire is not None
                    and rule._wrapped_self is None):
                activation.fire(rule._wrapped, self, activation.matched)
            else:
                rule(self, **{k: v for k, v in activation.context.items()
                              if not k.startswith("__")})
        self.running = False


#: values experta's ``freeze`` returns unchanged (it walks dicts, lists and sets)
_FROZEN = frozenset({str, int, float, bool, type(None), tuple})


def _freeze(value: Any) -> Any:
    """experta's ``freeze``, without its per-value dispatch for a dict (or frozendict)
    whose values are already frozen: the same frozendict."""
    cls = value.__class__
    if cls is dict or cls is frozendict:
        # frozendict 1.2 is a Mapping over a dict of its own (``_dict``): its values read
        # from that dict, not one __getitem__ call each; frozendict 2 is a dict
        values = getattr(value, "_dict", value).values()
        if not _FROZEN.issuperset(map(type, values)):
            return freeze(value)
        return value if cls is frozendict else frozendict(value)
    return freeze(value)


class FastFact(Fact):
    """An experta ``Fact`` whose construction skips ``freeze()`` for values it would return
    unchanged (strings, numbers, booleans, ``None``, tuples): the same fact, built with one
    call less per field. Dicts, lists and sets are still frozen by experta."""

    # ``_plain``: True while the fact is known to hold neither a conditional element nor
    # a special or nested key (``__name__``, ``a__b``): ``declare()`` then skips its
    # checks (read with getattr(fact, "_plain", False)). Set at construction, dropped by
    # any later item assignment. ``_hash``: the hash, once declared. Slots, so that a
    # fact gets no attribute dict of its own for them (a region makes hundreds of facts).
    __slots__ = ("_plain", "_hash")

    def __init__(self, *args: Any, **kwargs: Any):
        if self.__fields__:  # experta keeps the defaults of declared Fields here
            self._Fact__defaults = {}
        frozen = _FROZEN
        if not args:
            for key, value in kwargs.items():
                if value.__class__ not in frozen or "__" in key:
                    break
            else:  # every value immutable, no special key: one C-level update
                dict.update(self, kwargs)
                self._plain = True
                return
        put = dict.__setitem__
        plain = True
        for key, value in chain(enumerate(args), kwargs.items()):
            if key.__class__ is str and key[:2] == "__":
                self[key] = value  # experta's own checks for special keys
                plain = False
            else:
                if value.__class__ not in frozen:
                    value = _freeze(value)
                    if isinstance(value, ConditionalElement):
                        plain = False
                if key.__class__ is str and "__" in key:
                    plain = False
                put(self, key, value)
        self._plain = plain

    def __setitem__(self, key: Any, value: Any) -> None:
        self._plain = False
        super().__setitem__(key, value)

    def setdefault(self, key: Any, default: Any = None) -> Any:  # noqa: D102
        self._plain = False
        return super().setdefault(key, default)

    def __hash__(self) -> int:
        # experta hashes a fact by all its fields (once); a declared fact is equal only to
        # itself (its id is one of its fields), so its class and id are hash enough
        try:
            return self._hash
        except AttributeError:
            fact_id = dict.get(self, "__factid__")
            if fact_id is None:
                return Fact.__hash__(self)
            self._hash: int = hash((self.__class__, fact_id))
            return self._hash


def plain_fact(cls: type, fields: dict[str, Any], *, known_plain: bool = False) -> Any:
    """``cls(**fields)`` for a :class:`FastFact` class, without the call's keyword
    handling when every value is a string, number, boolean, ``None`` or tuple and no field
    name holds ``__``: the same fact (it is what ``FastFact.__init__`` builds then).

    ``known_plain``: the caller knows that much already (smartsync's element and match
    facts: literal field names, values of the region's model, whose validators and
    converters allow only those types), so the values are not looked at again (a region
    of 2000 programs per plan builds 7,000 such facts)."""
    if not cls.__fields__ and (known_plain or (_FROZEN.issuperset(map(type, fields.values()))
                                               and "__" not in "".join(fields))):
        fact = _new_dict(cls)
        _update(fact, fields)
        fact._plain = True
        return fact
    return cls(**fields)


_new_dict = dict.__new__
_update = dict.update


def _signature(deffact: Any) -> tuple[bool, frozenset]:
    wrapped = deffact._wrapped
    found = _SIGNATURES.get(wrapped)
    if found is None:
        parameters = inspect.signature(deffact).parameters.values()
        found = _SIGNATURES[wrapped] = (
            any(p.kind == inspect.Parameter.VAR_KEYWORD for p in parameters),
            frozenset(p.name for p in parameters))
    return found
