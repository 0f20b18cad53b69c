"""The explanation trace: what fired, on which facts, with which values, and why.

Data only: a :class:`Trace` is a list of :class:`Step` (one per rule firing,
in firing order) over a table of :class:`FactRecord` (every fact of the run,
input facts and concluded facts). :meth:`Trace.how` turns a conclusion into
its :class:`Derivation`, down to the input facts that hold the elements and
matches of the region file. Renderers (:mod:`smartsync.render`) turn these
into words; nothing here produces text for a screen.

This is the stable inspection API; the engine hooks that fill it live in
:mod:`smartsync.engine`.
"""

from __future__ import annotations

import collections.abc
import enum
import sys
from typing import Any, Callable, Iterator, Mapping, overload

import attrs

__all__ = ["FactRecord", "Step", "Derivation", "Trace", "plain"]


_SCALARS = (str, int, float, bool, type(None))


def plain(value: Any) -> Any:
    """A JSON-ready copy of a fact value: frozen dicts and lists become dicts and lists,
    smartsync's enums their values."""
    if isinstance(value, _SCALARS):
        return value.value if isinstance(value, enum.Enum) else value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(plain(v) for v in value)
    items = getattr(value, "items", None)
    if items is not None:
        return {str(k): plain(v) for k, v in sorted(items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, enum.Enum):
        return value.value
    return value


class FactRecord:
    """One fact of a run: its ``id``, its ``kind`` (fact class name) and its ``fields``.

    ``input`` is true for facts declared from the region, the typology and the
    parameters (and a pack's own input facts); ``internal`` for engine
    internals and helper facts a planner need not read (they stay in the
    JSON). ``fields`` are plain Python data (dicts, lists, strings, numbers),
    made from the engine's frozen fact the first time they are read.

    Every fact that was ever in working memory has a record, with its life
    span: ``declared_at``, the number of the step that declared it (0 for an
    input fact), and ``retracted_at``, the number of the step that retracted
    it (``None`` while it stays to the end of the run). A rule that calls
    ``modify()`` retracts a fact and declares its successor: both have a record.
    """

    __slots__ = ("id", "kind", "input", "internal", "_fields", "_raw", "declared_at",
                 "retracted_at")

    def __init__(self, id: int, kind: str, fields: Mapping[str, Any] | None = None,
                 input: bool = False, internal: bool = False, *, raw: Any = None,
                 declared_at: int = 0, retracted_at: int | None = None):
        self.id, self.kind, self.input, self.internal = id, kind, input, internal
        self._fields = None if fields is None else dict(fields)
        self._raw = raw
        self.declared_at, self.retracted_at = declared_at, retracted_at

    @classmethod
    def unread(cls, id: int, kind: str, declared_at: int, internal: bool, raw: Any,
               retracted_at: int | None) -> "FactRecord":
        """The record of an engine's fact (an input fact when ``declared_at`` is 0), its
        fields read from ``raw`` when first asked: what a run's trace is built of (a
        typical region's run has about 500), without the keyword call."""
        record = _new_record(cls)
        record.id, record.kind, record.input, record.internal = (id, kind, declared_at == 0,
                                                                 internal)
        record._fields, record._raw = None, raw
        record.declared_at, record.retracted_at = declared_at, retracted_at
        return record

    @property
    def retracted(self) -> bool:
        """Whether a rule retracted the fact (it is not in working memory at the end)."""
        return self.retracted_at is not None

    @property
    def fields(self) -> Mapping[str, Any]:
        """The fact's fields as plain Python data."""
        if self._fields is None:
            raw = self._raw or {}
            self._fields = {k: plain(v) for k, v in raw.items()
                            if isinstance(k, str) and not k.startswith("__")}
            self._raw = None
        return self._fields

    def get(self, name: str, default: Any = None) -> Any:
        """The value of one field."""
        return self.fields.get(name, default)

    def line(self) -> str:
        """The fact on one line: its kind and fields (long lists and mappings shortened),
        and its number: ``StageStatus(stage=mission, ...) #42``."""
        fields = ", ".join(f"{k}={_short(v)}" for k, v in self.fields.items()
                           if (v is not None and v not in ({}, [])) or k in ("ids", "links"))
        return f"{self.kind}({fields}) #{self.id}"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FactRecord):
            return NotImplemented
        return (self.id, self.kind, self.input, self.internal, self.fields, self.declared_at,
                self.retracted_at) == \
            (other.id, other.kind, other.input, other.internal, other.fields, other.declared_at,
             other.retracted_at)

    def __hash__(self) -> int:
        return hash((self.id, self.kind))

    def __repr__(self) -> str:
        return f"FactRecord(id={self.id}, kind={self.kind!r}, fields={self.fields!r})"

    def __reduce__(self) -> tuple:
        return (_record, (self.id, self.kind, self.fields, self.input, self.internal,
                          self.declared_at, self.retracted_at))


_new_record = object.__new__


def _record(id: int, kind: str, fields: Mapping[str, Any], input: bool, internal: bool,
            declared_at: int = 0, retracted_at: int | None = None) -> FactRecord:
    return FactRecord(id, kind, fields, input, internal, declared_at=declared_at,
                      retracted_at=retracted_at)


class LazyValues(Mapping[str, Any]):
    """A read-only mapping of a firing's bound values, made plain when first read (``raw``:
    the engine's values, or a function giving them, called then)."""

    __slots__ = ("_raw", "_plain")

    def __init__(self, raw: Mapping[str, Any] | Callable[[], Mapping[str, Any]]):
        self._raw = raw
        self._plain: dict[str, Any] | None = None

    def _values(self) -> dict[str, Any]:
        if self._plain is None:
            raw = self._raw() if callable(self._raw) else self._raw
            # the engine's context is built from sets: sort, so the order is the same in
            # every process whatever its hash seed
            # (names starting with ``__`` are the engine's, not the rule's)
            self._plain = {str(k): plain(v) for k, v in sorted(raw.items(),
                                                                key=lambda kv: str(kv[0]))
                           if not (isinstance(k, str) and k[:2] == "__")}
            self._raw = {}
        return self._plain

    def __getitem__(self, key: str) -> Any:
        return self._values()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values())

    def __len__(self) -> int:
        return len(self._values())

    def __repr__(self) -> str:
        return repr(self._values())

    def __reduce__(self) -> tuple:
        return (dict, (self._values(),))


@attrs.frozen
class Step:
    """One rule firing.

    ``number`` (1-based, in firing order), ``rule`` (its name), ``pack`` (the
    pack it comes from), ``description`` (its docstring), ``facts`` (ids of
    the facts it matched), ``bindings`` (the values it bound), ``asserted``
    and ``retracted`` (ids of the facts it declared and retracted).
    """

    number: int
    rule: str
    pack: str
    description: str
    facts: tuple[int, ...]
    bindings: Mapping[str, Any]
    asserted: tuple[int, ...]
    retracted: tuple[int, ...] = ()
    internal: bool = False


@attrs.frozen
class Derivation:
    """How a fact came to be: the ``step`` that asserted it (``None`` for an input fact)
    and the derivations of the facts that step matched."""

    fact: FactRecord
    step: Step | None
    premises: tuple["Derivation", ...]

    def walk(self) -> Iterator[tuple[int, "Derivation"]]:
        """Every node of the tree with its depth, depth first."""
        stack: list[tuple[int, Derivation]] = [(0, self)]
        while stack:
            depth, node = stack.pop()
            yield depth, node
            stack.extend((depth + 1, p) for p in reversed(node.premises))

    def tree(self) -> Iterator[tuple[int, "Derivation", bool]]:
        """The tree as a planner reads it: ``(depth, node, again)`` for each node, depth
        first, engine bookkeeping left out; ``again`` is true for a conclusion met a
        second time (its derivation is not walked again)."""
        shown: set[int] = set()

        def walk(node: Derivation, depth: int) -> Iterator[tuple[int, Derivation, bool]]:
            if node.fact.internal:
                return
            if node.step is not None and node.fact.id in shown:
                yield depth, node, True
                return
            yield depth, node, False
            if node.step is None:
                return
            shown.add(node.fact.id)
            for premise in node.premises:
                yield from walk(premise, depth + 1)

        return walk(self, 0)

    def __str__(self) -> str:
        """The fact tree, one fact a line with the rule that concluded it (as
        ``smartsync explain FILE --trace`` prints it in English), not the nested repr."""
        lines = []
        for depth, node, again in self.tree():
            if again:
                line = f"{node.fact.kind} #{node.fact.id} (derived above)"
            elif node.step is None:
                line = f"input: {node.fact.line()}"
            else:
                line = f"{node.fact.line()}  <- {node.step.rule}"
            lines.append("  " * depth + line)
        return "\n".join(lines)

    def inputs(self) -> tuple[FactRecord, ...]:
        """The input facts the conclusion rests on, each once."""
        seen: dict[int, FactRecord] = {}
        for _, node in self.walk():
            if node.step is None:
                seen.setdefault(node.fact.id, node.fact)
        return tuple(seen.values())


@attrs.frozen
class Trace:
    """The firings of one classification, and every fact they touched.

    ``facts`` holds every fact that was ever in working memory, retracted ones
    included (see :attr:`FactRecord.retracted_at`), so that :meth:`how` works
    for a pack that modifies or retracts facts.
    """

    steps: tuple[Step, ...]
    facts: Mapping[int, FactRecord]

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    @overload
    def __getitem__(self, index: int) -> Step: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Step, ...]: ...

    def __getitem__(self, index: int | slice) -> Step | tuple[Step, ...]:
        """The trace is a sequence of its steps: ``trace[0]`` is the first firing,
        ``trace[-1]`` the last, ``trace[:3]`` a tuple of the first three."""
        return self.steps[index]

    def __reversed__(self) -> Iterator[Step]:
        return reversed(self.steps)

    def __contains__(self, step: object) -> bool:
        return step in self.steps

    def index(self, step: Step, start: int = 0, stop: int = sys.maxsize) -> int:
        """The position of a step in the trace (as ``tuple.index``)."""
        return self.steps.index(step, start, stop)

    def count(self, step: Step) -> int:
        """How many times a step occurs (as ``tuple.count``: 0 or 1)."""
        return self.steps.count(step)

    @property
    def rules_fired(self) -> tuple[str, ...]:
        """The names of the rules that fired, in order."""
        return tuple(s.rule for s in self.steps)

    def find(self, kind: str, *, retracted: bool = False,
             **fields: Any) -> tuple[FactRecord, ...]:
        """The facts of one kind whose fields have the given values: those in working memory
        at the end of the run, and with ``retracted=True`` the retracted ones too."""
        return tuple(f for f in self.facts.values()
                     if f.kind == kind and (retracted or f.retracted_at is None)
                     and all(f.fields.get(k) == v for k, v in fields.items()))

    def step_asserting(self, fact_id: int) -> Step | None:
        """The step that asserted a fact; ``None`` for an input fact."""
        for step in self.steps:
            if fact_id in step.asserted:
                return step
        return None

    def how(self, fact: FactRecord | int) -> Derivation:
        """The derivation tree of a concluded fact (a record or its id)."""
        fact_id = fact.id if isinstance(fact, FactRecord) else int(fact)
        by_fact = {fid: step for step in self.steps for fid in step.asserted}
        memo: dict[int, Derivation] = {}

        def build(fid: int) -> Derivation:
            if fid not in memo:
                step = by_fact.get(fid)
                premises = tuple(build(p) for p in step.facts) if step else ()
                memo[fid] = Derivation(self.facts[fid], step, premises)
            return memo[fid]

        return build(fact_id)


collections.abc.Sequence.register(Trace)

def _built(name: str) -> property:
    slot = Trace.__dict__[name]  # the slot attrs made for the field

    def get(self: "_LazyTrace") -> Any:
        try:
            return slot.__get__(self, Trace)
        except AttributeError:
            steps, facts = self._build()
            Trace.__dict__["steps"].__set__(self, steps)
            Trace.__dict__["facts"].__set__(self, facts)
            return slot.__get__(self, Trace)

    def set(self: "_LazyTrace", value: Any) -> None:
        slot.__set__(self, value)

    return property(get, set, doc=slot.__doc__)


class _LazyTrace(Trace):
    """A :class:`Trace` whose steps and fact records are built when first read, from what
    the engine recorded: a classification whose trace nobody reads (advice's hypothetical
    runs, a batch's counts) does not pay for it. It compares equal to the built trace and
    pickles as one."""

    __slots__ = ("_build",)

    def __init__(self, build: Any = None, **fields: Any) -> None:  # build() -> (steps, facts)
        object.__setattr__(self, "_build", build)
        if build is None:  # attrs.evolve() gives the fields
            Trace.__init__(self, **fields)

    steps = _built("steps")
    facts = _built("facts")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Trace):
            return NotImplemented
        return (self.steps, self.facts) == (other.steps, other.facts)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = Trace.__hash__

    def __repr__(self) -> str:
        return repr(Trace(self.steps, self.facts))

    def __reduce__(self) -> tuple:
        return (Trace, (self.steps, self.facts))


_SHORT = 6


def _short(value: Any) -> str:
    """A field's value, short: lists and mappings of more than six items cut, with the
    count of the rest; decimals to two places."""
    if isinstance(value, list):
        items = ["/".join(map(str, v)) if isinstance(v, list) else str(v) for v in value]
        if len(items) > _SHORT:
            return "[" + ", ".join(items[:_SHORT]) + f", … (+{len(items) - _SHORT})]"
        return "[" + ", ".join(items) + "]"
    if isinstance(value, dict):
        if len(value) > _SHORT:
            return "{" + ", ".join(f"{k}: {v}" for k, v in list(value.items())[:_SHORT]) + \
                f", … (+{len(value) - _SHORT})}}"
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"
    return str(value)
