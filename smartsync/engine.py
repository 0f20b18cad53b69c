"""The inference engine: rule packs assembled into one experta engine.

:class:`Classifier` assembles packs into one knowledge engine, built once
(experta builds its Rete network when the engine is created) and reset for
each region. A recording agenda sees every firing exactly once and the
engine records the facts each firing declares: that is the trace.

``smartsync.classify(region)`` uses one default classifier per process.
"""

from __future__ import annotations

import functools
import inspect
import os
import threading
import weakref
from typing import TYPE_CHECKING, Any, Mapping, Sequence

import attrs

from ._compat import experta
from .errors import InvalidRegionError, RulePackError, Severity, did_you_mean
from .whynot import WhyNot
from ._gc import paused_gc
from ._guard import (
    FiringLimit, check_max_firings, firing_limit, guarded_exceptions, most_fired, rule_failure,
)
from .fastmatch import FastDepthStrategy, FastKnowledgeEngine, fact_ids
from .facts import (
    INPUT_FACTS, Characteristic, ChainMember, Diagnostic, ElementSynchronized,
    ElementUnsynchronized, Funding, StageCoverage, StageDef, StageStatus, StageThreshold,
    TypeResult,
    region_facts,
)
from .model import Region
from .validation import is_checked, mark_checked, validate_region
from .result import (
    CharacteristicResult, Classification, DiagnosticResult, FundingResult, StageResult,
)
from .trace import FactRecord, LazyValues, Step, _LazyTrace, plain
from .typology import DEFAULT_TYPOLOGY, Parameters, Typology

__all__ = ["Classifier", "RuleInfo", "classify", "default_classifier"]

KnowledgeEngine = experta.KnowledgeEngine
from experta.agenda import Agenda  # noqa: E402

#: the order characteristics are listed in; keys of other packs follow
_CHARACTERISTIC_ORDER = {key: i for i, key in enumerate((
    "start_stage", "chain", "own_vision", "integration", "legitimacy", "funding_route",
    "exposure", "program_counterpart_share", "periods"))}

#: the order findings are listed in: what decides the type first, then the funding, then
#: what needs review, then what is worth knowing; codes of other packs follow by severity
_DIAGNOSTIC_ORDER = {code: i for i, code in enumerate((
    "no_base_stage", "synchronized_above_break", "chain_broken_below_start", "condition_failed",
    "periods_disjoint",
    "orphan_programs",
    "dimension_unsynchronized", "unbudgeted_rpjmd_programs", "rests_on_suggested",
    "suggested_matches_used"))}
_SEVERITY_ORDER = {"blocking": 0, "warning": 1, "info": 2}

#: fact kinds a planner need not read: engine internals and helper facts
INTERNAL_KINDS = frozenset({"InitialFact", "StageDef", "StageThreshold", "CountedRelation"})


class RuleInfo:
    """A rule in effect: its ``name``, its ``pack``, its ``description`` (docstring),
    the ``module`` it is defined in, its ``salience``, and the experta rule itself."""

    __slots__ = ("name", "pack", "description", "module", "salience", "rule")

    def __init__(self, name: str, pack: str, description: str, module: str, salience: int,
                 rule: Any):
        self.name, self.pack, self.description = name, pack, description
        self.module, self.salience, self.rule = module, salience, rule

    def __repr__(self) -> str:
        return f"RuleInfo({self.pack}.{self.name})"


def _rule_set_of(packs: Sequence[type], typology: Typology) -> Any:
    """The rule set a classifier given no name is named by: the default rules, or the
    packs it adds to them (or runs instead), so an output made with them says so."""
    from .result import DEFAULT_RULE_SET, RuleSet
    from .rules import _default_packs

    default = tuple(_default_packs())
    if tuple(packs) == default:
        return DEFAULT_RULE_SET if typology == DEFAULT_TYPOLOGY else RuleSet(typology.name)
    added = [p for p in packs if p not in default]
    return RuleSet(", ".join(p.__qualname__ for p in added or packs),
                   ", ".join(_pack_name(p) for p in added))


def _pack_name(pack: type) -> str:
    return f"{pack.__module__}:{pack.__qualname__}"


def _pack_rules(pack: type) -> dict[str, Any]:
    """A pack's rules by name, as the engine finds them (by attribute lookup): a subclass
    that sets a rule's name to anything else (``None``) leaves that rule out, as a
    variant does with a rule its typology makes impossible."""
    rules: dict[str, Any] = {}
    for klass in reversed(pack.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, experta.Rule):
                rules[name] = value
            elif name in rules:
                del rules[name]
    return rules


class _RecordingAgenda(Agenda):
    """An agenda that tells the engine about each activation it hands out."""

    def __init__(self, engine: "_RecordingEngine"):
        super().__init__()
        self._engine = engine

    def get_next(self):  # type: ignore[no-untyped-def]
        activation = super().get_next()
        if activation is not None:
            engine = self._engine
            # one more firing in this run would pass the limit
            if len(engine._steps) - engine._run_start >= engine._max_firings:
                raise FiringLimit(engine._max_firings)
            engine._begin_step(activation)
        return activation


class _DeterministicStrategy(FastDepthStrategy):
    """experta's depth strategy with ties broken by rule name, so that two runs of the
    same facts fire in the same order in any process."""

    def get_key(self, activation):  # type: ignore[no-untyped-def]
        rule = activation.rule
        return (rule.salience, fact_ids(activation), getattr(rule, "__name__", ""))


class _RecordingEngine(KnowledgeEngine):
    """A knowledge engine that records every firing, what it declared and retracted, and
    every fact that ever was in working memory (with the step that declared it and the
    step that retracted it)."""

    def __init__(self) -> None:
        super().__init__()
        self.strategy = _DeterministicStrategy()
        #: the activation of each firing, in order (step n is ``_steps[n - 1]``)
        self._steps: list[Any] = []
        #: step number -> ids of the facts its rule collected
        self._collected: dict[int, list[int]] = {}
        self._current: Any = None
        self._ever: dict[int, Any] = {}
        self._declared_at: dict[int, int] = {}
        self._retracted_at: dict[int, int] = {}
        self._by_class: dict[type, dict[int, Any]] = {}
        self._indexes: dict[type, dict[tuple, Any]] = {}
        #: step number -> the (fact class, fields) its rule collected (what-if: a step
        #: whose collected set changes fires again)
        self._collect_calls: dict[int, list[tuple[type, dict]]] = {}
        #: (step, fact) of each declaration a firing made of a fact already in working
        #: memory (what-if: the fact stays while one of the steps that declared it stands)
        self._dups: list[tuple[int, Any]] = []
        #: the classification whose run the working memory holds (a weak reference)
        self._live: Any = None
        #: what a what-if session knows of the run (smartsync.whatif), with ``_live``
        self._whatif_state: Any = None
        #: the most firings a run may make (see :mod:`smartsync._guard`), and the number of
        #: firings recorded when the current run began
        self._max_firings: float = float("inf")
        self._run_start = 0

    def reset(self, **kwargs: Any) -> None:  # noqa: D102
        self._steps = []
        self._collected = {}
        self._current = None
        self._ever = {}
        self._declared_at = {}
        self._retracted_at = {}
        self._by_class = {}
        self._indexes = {}
        self._collect_calls = {}
        self._dups = []
        self._live = None
        super().reset(**kwargs)
        for fact_id, fact in self.facts.items():  # the initial fact and any deffacts
            self._ever[fact_id] = fact
            self._declared_at[fact_id] = 0
            self._by_class.setdefault(type(fact), {})[fact_id] = fact
        recording = _RecordingAgenda(self)
        recording.activations = self.agenda.activations
        self.agenda = recording

    def run(self, steps: float = float("inf")) -> None:  # noqa: D102
        self._run_start = len(self._steps)  # the firing limit counts the firings of one run
        super().run(steps)

    def _begin_step(self, activation: Any) -> None:
        self._current = activation
        self._steps.append(activation)

    def declare(self, *facts: Any) -> Any:  # noqa: D102
        fact_list = self.facts
        before = fact_list.last_index
        result = super().declare(*facts)
        self._record(fact_list, before)
        if self.running:
            for fact in facts:
                fact_id = fact.get("__factid__")
                if fact_id is None or fact_id < before:  # equal to a fact already there
                    self._dups.append((len(self._steps), fact))
        return result

    def _record(self, fact_list: Any, before: int) -> None:
        """Record the facts declared since the fact list's id ``before``."""
        step = len(self._steps) if self.running else 0
        ever, declared_at, by_class, indexes = (self._ever, self._declared_at, self._by_class,
                                                self._indexes)
        for fact_id in range(before, self.facts.last_index):
            fact = ever[fact_id] = fact_list[fact_id]
            declared_at[fact_id] = step
            kind = type(fact)
            same_kind = by_class.get(kind)
            if same_kind is None:
                by_class[kind] = {fact_id: fact}
            else:
                same_kind[fact_id] = fact
            if kind in indexes:
                self._index_fact(fact, fact_id, True)

    def retract(self, idx_or_declared_fact: Any) -> Any:  # noqa: D102
        fact_id = (idx_or_declared_fact if isinstance(idx_or_declared_fact, int)
                   else idx_or_declared_fact["__factid__"])
        self._retracted_at[fact_id] = len(self._steps) if self.running else 0
        fact = self._ever.get(fact_id)
        result = super().retract(idx_or_declared_fact)
        self._by_class.get(type(fact), {}).pop(fact_id, None)
        if type(fact) in self._indexes:
            self._index_fact(fact, fact_id, False)
        return result

    def _index_fact(self, fact: Any, fact_id: int, add: bool) -> None:
        """Keep the collect indexes of the fact's class up to date."""
        for names, index in self._indexes[type(fact)].items():
            if index is None:
                continue
            try:
                key = _index_key(fact, names)
                if add:
                    index.setdefault(key, {})[fact_id] = fact
                else:
                    index.get(key, {}).pop(fact_id, None)
            except TypeError:  # a value that cannot be hashed: scan this class instead
                self._indexes[type(fact)][names] = None

    def collect(self, fact_class: type, **fields: Any) -> list[Any]:
        """The facts of ``fact_class`` in working memory whose fields equal ``fields``, in
        the order they were declared; their ids are recorded in the current step of the
        trace as facts it rests on, so that ``how()`` of what the rule concludes reaches
        them (the accumulate / collect idiom: see :mod:`smartsync.rules`)."""
        candidates = self._candidates(fact_class, fields)
        found = [f for f in candidates
                 if all(f.get(k, _MISSING) == v for k, v in fields.items())]
        if self._current is not None and self.running:
            step = len(self._steps)
            self._collected.setdefault(step, []).extend(f["__factid__"] for f in found)
            self._collect_calls.setdefault(step, []).append((fact_class, dict(fields)))
        return found

    def _candidates(self, fact_class: type, fields: dict[str, Any]) -> Any:
        """The facts of ``fact_class`` that may have these field values (each rule firing
        that collects would otherwise scan every fact of the class): from an index on the
        field names, built on first use and kept up to date by declare and retract."""
        facts = self._by_class.get(fact_class, {})
        if not fields:
            return facts.values()
        names = tuple(sorted(fields))
        try:
            wanted = tuple(fields[n] for n in names)
            hash(wanted)
        except TypeError:
            return facts.values()
        indexes = self._indexes.setdefault(fact_class, {})
        if names not in indexes:
            index: dict[tuple, dict[int, Any]] | None = {}
            try:
                for fact_id, fact in facts.items():
                    index.setdefault(_index_key(fact, names), {})[fact_id] = fact
            except TypeError:
                index = None
            indexes[names] = index
        index = indexes[names]
        if index is None:
            return facts.values()
        return index.get(wanted, {}).values()


_MISSING = object()


def _index_key(fact: Any, names: tuple[str, ...]) -> tuple:
    """A fact's key in a collect index on these field names (a missing field is _MISSING)."""
    return tuple(fact.get(n, _MISSING) for n in names)


class _FastRecordingEngine(_RecordingEngine, FastKnowledgeEngine):
    """The recording engine on smartsync's fast matcher (:mod:`smartsync.fastmatch`)."""


class Classifier:
    """A classifier assembled from rule packs, a typology and parameters.

    ``packs``: classes whose methods are experta rules (default: the packs of
    :data:`smartsync.rules.DEFAULT_PACKS`). ``typology``: the stages to type
    by. ``params``: the default :class:`~smartsync.Parameters`. ``max_firings``:
    the most rule firings one classification may make (``None``: 50,000 and 50
    more for each fact the region declares, far more than the shipped rules need);
    a rule pack that would fire more is stopped with a
    :class:`~smartsync.RulePackError` naming the rules that fired most. The engine is
    built once, here; :meth:`classify` resets it for each region. A
    classifier is not thread-safe: use one per thread (or per process).
    ``messages``: words for the packs' own keys, ``{"en": {key: text}, "id":
    {...}}``: every result of this classifier is put into words with them, and
    no other classifier's is.
    """

    #: the engine the packs are mixed into (experta's plain engine: ``_RecordingEngine``)
    _engine_base: type = _FastRecordingEngine

    def __init__(self, packs: Sequence[type] | None = None, *,
                 typology: Typology = DEFAULT_TYPOLOGY, params: Parameters | None = None,
                 messages: Mapping[str, Mapping[str, str]] | None = None,
                 max_firings: int | None = None, rule_set: Any = None):
        if packs is None:
            from .rules import _default_packs

            packs = _default_packs()
        packs = tuple(packs)
        if not packs:
            raise RulePackError("a classifier needs at least one rule pack")
        self.packs = packs
        self.typology = typology
        self.params = params or Parameters()
        self.max_firings = check_max_firings(max_firings)
        #: the rules' name and description every result of this classifier carries
        #: (:class:`~smartsync.result.RuleSet`; a variant's classifier names its variant)
        self.rule_set = rule_set or _rule_set_of(packs, typology)
        from .messages import checked_messages

        #: the words of this classifier's own keys, by language (they go with its results)
        self.messages = checked_messages(messages)
        self._rules = self._collect(packs)
        try:
            engine_class = type("SmartsyncEngine", (self._engine_base, *packs), {})
            self._engine = engine_class()
        except guarded_exceptions as exc:  # a pack's own __init__ or metaclass failed
            names = [_pack_name(p) for p in packs]
            raise RulePackError(f"the rule packs cannot be assembled into one engine: "
                                f"{type(exc).__name__}: {exc}", packs=names,
                                kind="assembly") from None
        self._rule_by_name = {info.name: info for info in self._rules}
        self._lock = threading.Lock()
        #: the thread a what-if session on this classifier runs in (smartsync.whatif)
        self._session_thread: int | None = None
        #: the thread classifying with this classifier now (a rule that classifies with
        #: it again would wait for itself forever)
        self._running_in: int | None = None

    @staticmethod
    def _collect(packs: Sequence[type]) -> list[RuleInfo]:
        owner: dict[str, str] = {}
        infos: list[RuleInfo] = []
        reserved = set(dir(_RecordingEngine)) | {"input_facts"}
        for pack in packs:
            if not isinstance(pack, type):
                raise RulePackError(f"a rule pack must be a class, got {pack!r}")
            name = _pack_name(pack)
            rules = _pack_rules(pack)
            if not rules:
                raise RulePackError(f"rule pack {name} holds no experta rules", packs=[name])
            for rule_name, rule in rules.items():
                if rule_name in owner and owner[rule_name] != name:
                    raise RulePackError(
                        f"rule {rule_name!r} is defined in two packs, {owner[rule_name]} and "
                        f"{name}; experta would silently keep only one: rename one of them",
                        packs=[owner[rule_name], name], rule=rule_name)
                if rule_name in reserved or rule_name.startswith("_"):
                    raise RulePackError(
                        f"rule {rule_name!r} in pack {name} shadows a name of the engine",
                        packs=[name], rule=rule_name)
                owner[rule_name] = name
                wrapped = getattr(rule, "_wrapped", None)
                _check_concludes(rule, wrapped, rule_name, name)
                doc = inspect.cleandoc(getattr(wrapped, "__doc__", None) or "")
                infos.append(RuleInfo(rule_name, name, doc,
                                      getattr(wrapped, "__module__", pack.__module__),
                                      rule.salience, rule))
        return infos

    def _input_facts(self, region: Region, params: Parameters) -> list[Any]:
        """The input facts the packs declare of their own (``input_facts`` classmethods)."""
        out: list[Any] = []
        seen: set[Any] = set()
        for pack in self.packs:
            hook = getattr(pack, "input_facts", None)
            if hook is None or getattr(hook, "__func__", hook) in seen:
                continue
            seen.add(getattr(hook, "__func__", hook))
            try:
                facts = list(hook(region, self.typology, params))
            except guarded_exceptions as exc:
                raise RulePackError(f"{_pack_name(pack)}.input_facts failed for region "
                                    f"{region.id!r}: {type(exc).__name__}: {exc}",
                                    packs=[_pack_name(pack)]) from exc
            for fact in facts:
                if not isinstance(fact, experta.Fact):
                    raise RulePackError(f"{_pack_name(pack)}.input_facts gave {fact!r}, "
                                        "not an experta Fact", packs=[_pack_name(pack)])
            out.extend(facts)
        return out

    @property
    def monotone(self) -> bool:
        """Whether the rule packs say that adding a match never lowers a type (and losing
        one never raises it): ``False`` when a pack declares ``MONOTONE = False`` (its rules
        can stop a match counting because another match is added: the ``cascading`` pack,
        where matching a parent places its children). Advice prunes its searches on it where
        it holds, and searches without pruning, bounded, where it does not
        (:mod:`smartsync.advice`); a pack that does not say is taken to be monotone, and
        advice still drops the assumption as soon as a classification it asks contradicts
        it."""
        return all(getattr(pack, "MONOTONE", True) is not False for pack in self.packs)

    def rules(self) -> tuple[RuleInfo, ...]:
        """The rules in effect, pack by pack, in definition order."""
        return tuple(self._rules)

    def classify(self, region: Region | str | os.PathLike[str], *,
                 params: Parameters | Mapping[str, Any] | None = None,
                 max_firings: int | None = None) -> Classification:
        """Classify one region: its type, stages, characteristics, diagnostics, funding and trace.

        ``region``: a :class:`~smartsync.Region`, or the path of a region file.
        ``params``: :class:`~smartsync.Parameters`, or a mapping of their fields
        (``{"threshold": 0.6, "relations": ["adopted", "derived"]}``); the
        classifier's own parameters when not given.

        ``max_firings``: the firing limit of this classification (the classifier's
        :attr:`max_firings` when not given).

        Raises :class:`~smartsync.InvalidRegionError` for a region whose
        references do not hold (a match naming an unknown element...), and
        :class:`~smartsync.RulePackError` when the rules cannot classify it: a rule (or a
        condition) raised an error, called ``sys.exit``, recursed without end, fired
        past the firing limit, or the packs concluded no type or several; the error
        names the module, the rule and the fact.
        """
        if isinstance(region, (str, os.PathLike)):
            from .io import load_region

            region = load_region(region)
        if not isinstance(region, Region):
            raise TypeError(f"classify needs a smartsync.Region (or a region file's path), "
                            f"got {type(region).__name__}")
        _check_region(region)
        params = _parameters(params) or self.params
        if self._session_thread == threading.get_ident():
            raise RuntimeError("a classifier cannot classify inside a what-if session of its "
                               "own (the session holds its working memory): use another "
                               "classifier, or the session's classify()")
        limit = check_max_firings(max_firings if max_firings is not None else self.max_firings)
        if self._running_in == threading.get_ident():
            raise RulePackError(
                "a rule classified a region with the classifier that is running it (it "
                "would wait for itself forever); classify with another Classifier", kind="run")
        with self._lock, paused_gc():  # a run frees what it allocates by reference counting
            engine = self._engine
            self._running_in = threading.get_ident()
            try:
                facts = [*region_facts(region, self.typology, params),
                         *self._input_facts(region, params)]
                try:
                    engine._max_firings = firing_limit(limit, len(facts))
                    engine.reset()
                    engine.declare(*facts)
                    engine.run()
                except (FiringLimit, *guarded_exceptions) as exc:
                    error = rule_failure(exc, engine, self._rule_by_name, region.id)
                    engine.running = False
                    engine.reset()  # the failed run's facts and firings are garbage
                    raise error from None
                result = self._result(region, params, engine)
            finally:
                self._running_in = None
            # the working memory stays as the run left it, for a what-if on this result
            # (smartsync.whatif); the next classification resets it
            engine._live = weakref.ref(result)
            return result

    # -- building the result --------------------------------------------------

    def _trace(self, ever: dict, declared_at: dict, retracted_at: dict,
               engine_steps: list, collected: dict) -> tuple[tuple[Step, ...], dict[int, FactRecord]]:
        """The trace's steps and fact records, from what the engine recorded during one
        run (built when the trace is first read: :class:`smartsync.trace._LazyTrace`):
        each firing's activation, the step each fact was declared and retracted at, the
        facts each step collected."""
        records: dict[int, FactRecord] = {}
        asserted_by: dict[int, list[int]] = {}
        initial: set[int] = set()
        internal_kinds = INTERNAL_KINDS
        record = FactRecord.unread  # a record whose fields are read from the fact when asked
        get_step = declared_at.get
        get_retracted = retracted_at.get
        with paused_gc():
            for fact_id, fact in ever.items():
                kind = fact.__class__.__name__
                step = get_step(fact_id, 0)
                if step:
                    asserted = asserted_by.get(step)
                    if asserted is None:
                        asserted_by[step] = [fact_id]
                    else:
                        asserted.append(fact_id)
                if kind == "InitialFact":  # experta's: never a premise in the trace
                    initial.add(fact_id)
                records[fact_id] = record(fact_id, kind, step, kind in internal_kinds, fact,
                                          get_retracted(fact_id))
            retracted_by: dict[int, list[int]] = {}
            for fact_id, step in retracted_at.items():
                if step:
                    retracted_by.setdefault(step, []).append(fact_id)
            steps = []
            rule_by_name = self._rule_by_name
            for number, activation in enumerate(engine_steps, start=1):
                rule = activation.rule
                info = rule_by_name.get(getattr(rule, "__name__", ""))
                asserted = tuple(asserted_by.get(number, ()))
                ids = fact_ids(activation)  # each once, largest first
                if number in collected or not initial.isdisjoint(ids):
                    facts = set(ids)
                    facts.difference_update(initial)
                    if number in collected:
                        facts.update(collected[number])
                    ids = tuple(sorted(facts))
                else:
                    ids = ids[::-1]
                steps.append(Step(
                    number, info.name if info else rule.__name__,
                    info.pack if info else "", info.description if info else "",
                    ids,
                    # read when asked (the fast matcher builds a context when first read)
                    LazyValues(functools.partial(getattr, activation, "context")),
                    asserted, tuple(retracted_by.get(number, ())),
                    bool(asserted) and all(records[a].internal for a in asserted)))
        return tuple(steps), records

    def _result(self, region: Region, params: Parameters, engine: Any) -> Classification:
        raw = list(engine.facts.values())
        # the final facts by kind, as the engine kept them (declared in id order, retracted
        # ones taken out)
        by_kind = {kind: list(facts.values()) for kind, facts in engine._by_class.items()}
        trace = _LazyTrace(functools.partial(
            self._trace, engine._ever, engine._declared_at, engine._retracted_at, engine._steps,
            engine._collected))

        def one(kind: type, **fields: Any) -> Any:
            for fact in by_kind.get(kind, ()):
                if all(fact.get(k) == v for k, v in fields.items()):
                    return fact
            return None

        stages, type_value = self._stages_and_type(region, params, by_kind, engine)
        types = by_kind[TypeResult]
        order = {s: i for i, s in enumerate(self.typology.stages)}
        chain = tuple(sorted({f["stage"] for f in by_kind.get(ChainMember, ())},
                             key=lambda s: order.get(s, len(order))))
        words = self.messages or None
        characteristics = tuple(
            CharacteristicResult(key=f["key"], value=plain(f["value"]),
                                 figures=plain(f.get("figures", {})), fact_id=f["__factid__"],
                                 messages=words)
            for f in by_kind.get(Characteristic, ()))
        if chain:
            characteristics += (CharacteristicResult(key="chain", value=chain, figures={},
                                                     fact_id=types[0]["__factid__"],
                                                     messages=words),)
        characteristics = tuple(sorted(
            characteristics,
            key=lambda ch: (_CHARACTERISTIC_ORDER.get(ch.key, len(_CHARACTERISTIC_ORDER)),
                            ch.fact_id or 0)))
        diagnostics = tuple(sorted(
            (DiagnosticResult(code=f["code"], severity=str(f["severity"]),
                              elements=tuple(f["elements"]), figures=plain(f.get("figures", {})),
                              fact_id=f["__factid__"], messages=words)
             for f in by_kind.get(Diagnostic, ())),
            key=lambda d: (_DIAGNOSTIC_ORDER.get(d.code, len(_DIAGNOSTIC_ORDER)),
                           _SEVERITY_ORDER.get(d.severity, len(_SEVERITY_ORDER)), d.code,
                           # findings of one kind in planning order: vision first
                           order.get(d.figures.get("stage"), len(order))
                           if isinstance(d.figures.get("stage"), str) else len(order),
                           d.fact_id or 0)))
        fund = one(Funding)
        funding = None if fund is None else FundingResult(
            total=fund["total"], fundable=fund["fundable"], share=fund["share"],
            budget=fund["budget"], fundable_ids=tuple(fund["fundable_ids"]),
            rpjmd_programs=tuple(fund["rpjmd_programs"]),
            uncounted_ids=tuple(fund.get("uncounted_ids", ())), fact_id=fund["__factid__"],
            periods_apart=bool(fund.get("periods_apart", False)),
            apart_ids=tuple(fund.get("apart_ids", ())), apart_budget=fund.get("apart_budget", 0),
            periods=plain(fund.get("periods", {})), shared_years=tuple(fund.get("shared_years", ())),
            split_ids=tuple(fund.get("split_ids", ())), unsplit_ids=tuple(fund.get("unsplit_ids", ())),
            unsplit_budget=fund.get("unsplit_budget", 0), rpjmd_budget=fund.get("rpjmd_budget", fund["budget"]))
        rules = [(info.rule, info.name, info.pack) for info in self._rules]
        why_not = _TypeWhyNot(WhyNot(rules, raw, definitions=(StageDef, StageThreshold),
                                     inputs=INPUT_FACTS, messages=words),
                              self.packs, self.typology, region, params)
        return Classification(
            region_id=region.id, region_name=region.name, typology=self.typology, params=params,
            type=type_value, stages=stages, chain=chain, characteristics=characteristics,
            diagnostics=diagnostics, funding=funding, trace=trace, region=region,
            why_not_engine=why_not, messages=dict(self.messages), rule_set=self.rule_set)


    def _stages_and_type(self, region: Region, params: Parameters, by_kind: Mapping[type, list],
                         engine: Any) -> tuple[dict[str, StageResult], Any]:
        """Each stage's figures and the type, as the run concluded them (its
        :class:`StageCoverage`, :class:`StageStatus` and :class:`TypeResult` facts)."""
        def one(kind: type, stage: str) -> Any:
            for fact in by_kind.get(kind, ()):
                if fact.get("stage") == stage:
                    return fact
            return None

        stages: dict[str, StageResult] = {}
        for stage in self.typology.stages:
            cov = one(StageCoverage, stage)
            status = one(StageStatus, stage)
            if cov is None or status is None:
                raise RulePackError(f"the rule packs concluded no coverage or status for the "
                                    f"stage {stage!r}; a typology needs a stages pack")
            stages[stage] = StageResult(
                stage=stage, present=cov["present"], total=cov["total"],
                synchronized=cov["synchronized"], coverage=cov["coverage"],
                is_synchronized=status["synchronized"], full=status["full"],
                threshold=params.threshold_for(stage),
                synchronized_ids=tuple(cov["synchronized_ids"]),
                unsynchronized_ids=tuple(cov["unsynchronized_ids"]),
                matched=cov.get("matched"), rejected_ids=tuple(cov.get("rejected_ids", ())),
                fact_id=status["__factid__"])
        types = by_kind.get(TypeResult, [])
        if len(types) != 1:
            raise self._type_conflict(region, types, engine)
        return stages, self.typology.type_enum(types[0]["stage"])

    def _type_conflict(self, region: Region, types: list, engine: Any) -> RulePackError:
        """The error for a run that concluded no type or several: each type with the rule
        that concluded it (and its module), or the rules that conclude a type."""
        def by(fact: Any) -> tuple[str, str]:
            step = engine._declared_at.get(fact["__factid__"], 0)
            name = (getattr(engine._steps[step - 1].rule, "__name__", "?") if step
                    else "an input fact")
            info = self._rule_by_name.get(name)
            return name, info.module if info else "?"

        if types:
            concluded = sorted((str(t["stage"]), *by(t)) for t in types)
            said = "; ".join(f"{stage} by rule {rule!r} ({module})"
                             for stage, rule, module in concluded)
            rules = list(dict.fromkeys(rule for _, rule, _ in concluded))
            return RulePackError(
                f"the rule packs concluded {len(types)} types for region {region.id!r}: "
                f"{said}; a typology must conclude exactly one: make these rules exclude "
                "each other (a condition, or NOT of the other's conclusion)",
                rule=rules[0], module=concluded[0][2], region=region.id, kind="conclusion",
                firings=most_fired(engine._steps),
                packs=sorted({self._rule_by_name[r].pack for r in rules
                              if r in self._rule_by_name}))
        typing = [info.name for info in self._rules
                  if any(cls is TypeResult for cls, _ in
                         getattr(info.rule, "_smartsync_concludes", ()))]
        return RulePackError(
            f"the rule packs concluded no type for region {region.id!r}; a typology must "
            "conclude exactly one"
            + (f" (the rules that conclude a type: {', '.join(typing)}; none fired)"
               if typing else " (no rule is marked @concludes(TypeResult, ...))"),
            region=region.id, kind="conclusion", firings=most_fired(engine._steps))


class _TypeWhyNot:
    """Why-not for types (and masterplan elements), over the final facts of one run.

    Of a type: the reasons the rules give, and for each stage whose coverage fails the
    test that would make it synchronized, why its unsynchronized elements are not
    synchronized (the conditions of the element rules that fail, element by element,
    grouped by condition).
    """

    def __init__(self, explainer: WhyNot, packs: tuple[type, ...], typology: Typology,
                 region: Region, params: Parameters):
        self.explainer = explainer
        self.packs = packs
        self._again = (packs, typology, region, params, explainer.messages)

    def __reduce__(self) -> tuple:
        # the rules hold lambdas: an unpickled classification classifies again when asked
        return (LazyWhyNot, self._again)

    def __call__(self, wanted: Any) -> tuple:
        reasons = self.explainer(TypeResult, stage=wanted.value)
        out = []
        done: set[str] = set()
        for reason in reasons:
            out.append(reason)
            stage = reason.values.get("stage")
            ids = reason.values.get("unsynchronized_ids")
            if reason.kind != "failed_test" or not ids or stage in done \
                    or not self._would_synchronize(reason.rule):
                continue
            done.add(stage)
            # the stage's elements right below the stage's reason: they say which elements
            # fail, and why (the stage's reason gives the figures only)
            out.extend(self.explainer.about_elements(ElementSynchronized, stage, ids))
        return tuple(out)

    def element(self, element_id: str) -> tuple:
        """Why a masterplan element is not synchronized (empty when it is, or when it is
        not at a stage of the typology)."""
        for fact in self.explainer.by_kind.get(ElementUnsynchronized, ()):
            if fact["id"] == element_id:
                return self.explainer.about_elements(ElementSynchronized, fact["stage"],
                                                      [element_id])
        return ()

    def _would_synchronize(self, rule_name: str) -> bool:
        """Whether the rule concludes a synchronized stage (its failed test is a coverage
        below the threshold, made of elements that are not synchronized)."""
        for rule, name, _ in self.explainer.rules:
            if name == rule_name:
                return any(cls is StageStatus and fields.get("synchronized") is True
                           for cls, fields in getattr(rule, "_smartsync_concludes", ()))
        return False


class LazyWhyNot:
    """Why-not for an unpickled classification: classifies the region again (with the
    same packs, typology and parameters) the first time it is asked."""

    def __init__(self, packs: tuple[type, ...] | None, typology: Typology, region: Region,
                 params: Parameters, messages: Mapping[str, Mapping[str, str]] | None = None):
        self.packs, self.typology, self.region, self.params = packs, typology, region, params
        self.messages = messages
        self._done: Any = None

    def __reduce__(self) -> tuple:
        return (LazyWhyNot, (self.packs, self.typology, self.region, self.params,
                             self.messages))

    def __call__(self, wanted: Any) -> tuple:
        return self._engine()(wanted)

    def element(self, element_id: str) -> tuple:
        """Why a masterplan element is not synchronized."""
        return self._engine().element(element_id)

    def _engine(self) -> Any:
        if self._done is None:
            classifier = _classifier_for(self.packs, self.typology)
            self._done = classifier.classify(self.region, params=self.params)._why_not
            self._done.explainer.messages = self.messages
        return self._done


@functools.lru_cache(maxsize=8)
def _classifier_for(packs: tuple[type, ...] | None, typology: Typology) -> "Classifier":
    return Classifier(packs, typology=typology)


def _check_concludes(rule: Any, wrapped: Any, rule_name: str, pack: str) -> None:
    """A ``@concludes`` mark that why-not could not use is an error, not bogus reasons."""
    from .whynot import _positive_variables

    if getattr(wrapped, "_smartsync_concludes", None):
        raise RulePackError(f"rule {rule_name!r} in pack {pack}: @concludes is below @Rule; "
                            "put it above @Rule", packs=[pack], rule=rule_name)
    marks = getattr(rule, "_smartsync_concludes", ())
    if not marks:
        return
    bound = _positive_variables(rule)
    for fact_class, fields in marks:
        if not (isinstance(fact_class, type) and issubclass(fact_class, experta.Fact)):
            raise RulePackError(f"rule {rule_name!r} in pack {pack}: @concludes names "
                                f"{fact_class!r}, not a fact class", packs=[pack], rule=rule_name)
        for field, spec in fields.items():
            variable = getattr(spec, "__bind__", None)
            if isinstance(spec, experta.W) and isinstance(variable, str) and variable not in bound:
                raise RulePackError(
                    f"rule {rule_name!r} in pack {pack}: @concludes({fact_class.__name__}, "
                    f"{field}=MATCH.{variable}) names a variable no pattern of the rule binds "
                    f"(it binds: {', '.join(sorted(bound)) or 'none'})",
                    packs=[pack], rule=rule_name,
                    suggestion=did_you_mean(variable, bound))
            elif isinstance(spec, (experta.W, experta.P, experta.L)) and not isinstance(variable, str):
                raise RulePackError(
                    f"rule {rule_name!r} in pack {pack}: @concludes({fact_class.__name__}, "
                    f"{field}=...) must give a literal value or MATCH.<variable>",
                    packs=[pack], rule=rule_name)


def _parameters(params: Parameters | Mapping[str, Any] | None) -> Parameters | None:
    if params is None or isinstance(params, Parameters):
        return params
    if isinstance(params, Mapping):
        known = {f.name for f in attrs.fields(Parameters)}
        unknown = sorted(set(params) - known)
        if unknown:
            raise ValueError(f"unknown parameter {unknown[0]!r}; expected one of: "
                             f"{', '.join(sorted(known))}"
                             + (f" (did you mean {hint!r}?)"
                                if (hint := did_you_mean(unknown[0], known)) else ""))
        return Parameters(**params)
    raise TypeError(f"params must be smartsync.Parameters or a mapping, got {type(params).__name__}")


def _check_region(region: Region) -> None:
    if is_checked(region):  # read from a file or tables: the reader checked it
        return
    problems = [p for p in validate_region(region) if p.severity is Severity.ERROR]
    if problems:
        raise InvalidRegionError(region.id, problems)
    mark_checked(region)  # immutable: the next classification of it need not check again


@functools.lru_cache(maxsize=None)
def default_classifier() -> Classifier:
    """The classifier of the default packs and typology, built once per process."""
    return Classifier()


def classify(region: Region | str | os.PathLike[str], *,
             params: Parameters | Mapping[str, Any] | None = None) -> Classification:
    """Classify one region with the default rule packs and typology.

    ``region``: a :class:`~smartsync.Region`, or the path of a region file.
    ``params``: the coverage threshold (default 0.5, inclusive), per-stage
    thresholds, and the relations that count (all three by default), as
    :class:`~smartsync.Parameters` or a mapping of their fields.
    """
    return default_classifier().classify(region, params=params)
