"""What-if on the live working memory: a hypothetical change is a declare and a retract.

A classification leaves the classifier's working memory as its run left it:
every input fact, every conclusion, the Rete network's partial matches and the
agenda. A what-if session changes the *input* facts of that run -- a match
added, lost or given another relation, another threshold or other counted
relations (the :class:`~smartsync.facts.StageThreshold` and
:class:`~smartsync.facts.CountedRelation` facts of the new parameters) -- runs
the rules to quiescence, and reads the conclusions as a
:class:`~smartsync.Classification`, as a classification of the changed region
would give them. Its work is the change's consequences only: the facts the
region shares with the hypothesis are not built, declared or matched again.

The engine keeps the rules' conclusions true to the facts they rest on
(truth maintenance, as CLIPS's ``logical`` patterns do):

- a firing's conclusions rest on the facts its rule matched and on what its
  ``NOT`` patterns did not find: when the matcher takes back an activation
  that fired (one of its facts retracted, or a fact now blocks a ``NOT``), the
  facts that firing declared are retracted, and so on down;
- a firing that collected facts (:meth:`collect`, the aggregation idiom of
  :mod:`smartsync.rules`) rests on the facts it collected: when a fact it would
  collect is declared or one it collected is retracted, its conclusions are
  retracted and it fires again (its activation goes back on the agenda, where
  salience orders it after the phases it collects);
- a fact that two firings declared stays while one of them stands;
- a conclusion whose firing no longer stands is retracted when its phase is over
  (before any rule that reads its kind could fire: those of a lower salience),
  not at once: when the rule fires again in that phase and concludes the same
  fact, the fact stays, now the new firing's, and nothing that rests on it is
  decided again. A coverage that changes but leaves its stage's status as it
  was stops there, instead of re-deciding the chain, the type and every
  characteristic.

Agenda, refraction and salience are experta's: an activation fires once, and
again only when the matcher makes it anew or truth maintenance puts it back.
The trace of a what-if result holds the region's run and every firing since, a
retracted fact with the step that retracted it; ``how()`` of its conclusions
walks the firings that declared them. A session ends with the working memory
as its last hypothesis left it, and what truth maintenance knows of it: the
next session on the same result changes it from there (back to the region
itself, when that is what it asks), so that a change costs its difference from
the last one. A differential test (``tests/test_whatif.py``) checks
the conclusions against a new classification of the changed region, on
generated regions and every shipped variant.

>>> import smartsync
>>> from smartsync import Match
>>> result = smartsync.classify(smartsync.load_region("examples/type-d-program.yaml"))
>>> result.type_letter
'D'
>>> from smartsync.engine import default_classifier
>>> from smartsync.whatif import WhatIf, what_if
>>> with WhatIf(default_classifier(), result) as session:
...     lower = session.classify(threshold=0.9)
...     more = session.classify(add=[Match("SM1", "M1", "derived"),
...                                  Match("SM2", "M3", "derived")])
>>> lower.type.value, more.type_letter
('unsynchronized', 'B')
>>> result.stages["program"].synchronized
14
>>> what_if(result, remove=[("SP1", "P1")]).stages["program"].synchronized
13
"""

from __future__ import annotations

import bisect
import enum
import itertools
import math
import operator
import threading
import weakref
from itertools import chain
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import attrs

from ._gc import paused_gc
from .facts import Match as MatchFact, definition_facts, match_fact, region_facts
from .fastmatch import FastDepthStrategy, _content, fact_ids
from . import model
from .model import Match, Region
from .typology import Parameters

if TYPE_CHECKING:  # pragma: no cover
    from .engine import Classifier
    from .result import Classification

__all__ = ["WhatIf", "what_if", "Probe", "probe_floor"]

#: the kinds of change a session counts (``WhatIf.counts``)
_COUNTS = ("sessions", "what_ifs", "probes", "declared", "retracted", "fired", "reruns")

#: what every session did in this process, for the benchmarks (``WhatIf.counts``)
COUNTS: dict[str, int] = dict.fromkeys(_COUNTS, 0)


def _key(activation: Any) -> tuple:
    """An activation's identity for truth maintenance: its rule and its facts (the
    matcher makes a new activation object for the same match after a retraction)."""
    return (id(activation.rule), fact_ids(activation))


class WhatIf:
    """A what-if session on the live working memory of one classification's run.

    ``classifier``: the classifier that classified ``result`` (its engine is the
    one changed; the session holds the classifier until it ends); ``result``: the
    classification. Use it as a context manager; :meth:`classify` gives the
    classification of the region with a hypothetical change, as many times as
    wanted (each from the region as it is: changes do not add up). At the end the
    working memory goes back to the region's own run.

    When the classifier's working memory no longer holds ``result``'s run (another
    region was classified since, or the result was unpickled), the session runs
    the region again once, at its start.
    """

    def __init__(self, classifier: "Classifier", result: "Classification"):
        from .result import Classification

        if not isinstance(result, Classification):
            raise TypeError(f"a what-if needs a smartsync.Classification, got "
                            f"{type(result).__name__}")
        if result.typology != classifier.typology:
            raise ValueError("a what-if runs on the classifier that gave the result: "
                             "the typologies differ")
        self.classifier = classifier
        self.result = result
        self.region: Region = result.region
        self.params: Parameters = result.params
        self._engine: Any = None
        self._open = False

    # -- the session ------------------------------------------------------------

    def __enter__(self) -> "WhatIf":
        self.classifier._lock.acquire()
        try:
            self._start()
        except BaseException:
            self.classifier._lock.release()
            raise
        self._open = True
        self.classifier._session_thread = threading.get_ident()
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            if self._engine is not None and exc[0] is None:
                # the working memory stays as the last hypothesis left it: the next
                # session on this result changes it from there (smartsync's own
                # classifications reset it)
                self._engine._live = weakref.ref(self._root)
                # what truth maintenance knows of the run, for the next session on it
                self._engine._whatif_state = (self._engine._live,
                                              {n: getattr(self, n) for n in _STATE})
            elif self._engine is not None:
                self._engine._live = None  # an error mid-change: the next session runs again
        finally:
            self._open = False
            self.classifier._session_thread = None
            self.classifier._lock.release()

    def _start(self) -> None:
        engine = self.classifier._engine
        live = engine._live() if engine._live is not None else None
        saved = getattr(engine, "_whatif_state", None)
        kept = saved is not None and saved[0] is engine._live
        # the run this result's working memory is: its own, or (a what-if's result) the
        # run that what-if changed, when the working memory still holds it
        root = self.result if live is self.result else _ROOTS.get(self.result)
        if live is None or root is not live or (root is not self.result and not kept):
            # the working memory holds another run: this one again
            with paused_gc():
                engine.reset()
                engine.declare(*region_facts(self.region, self.classifier.typology, self.params),
                               *self.classifier._input_facts(self.region, self.params))
                engine.run()
            COUNTS["reruns"] += 1
            root, kept = self.result, False
        self._root = root
        COUNTS["sessions"] += 1
        self._engine = engine
        floor = probe_floor(engine, self.classifier)
        self._floor_seen = _NEVER if floor is None else floor
        if kept:
            for name, value in saved[1].items():
                setattr(self, name, value)
            self._shared = True
            return
        # the current run's records belong to the results built from them: copied before
        # a change (copy on write)
        self._shared = True
        # the input facts of the run, as the session changes them
        self._matches: dict[tuple[str, str], Match] = {m.key: m for m in self.region.matches}
        self._match_ids: dict[tuple[str, str], int] = {}
        for fact_id, fact in engine._by_class.get(MatchFact, {}).items():
            self._match_ids[(fact["masterplan"], fact["rpjmd"])] = fact_id
        self._current_params = self.params
        self._definitions = {self._content_key(f): f["__factid__"]
                             for cls in _definition_classes()
                             for f in engine._by_class.get(cls, {}).values()}
        self._hooked = any(getattr(p, "input_facts", None) is not None
                           for p in self.classifier.packs)
        self._hook_facts: dict[Any, int] = {}
        if self._hooked:
            # the pack's input facts in working memory, by their content
            present: dict[type, dict[int, int]] = {}
            for fact in self.classifier._input_facts(self.region, self.params):
                cls = fact.__class__
                if cls not in present:
                    present[cls] = {self._content_key(f): fact_id for fact_id, f
                                    in engine._by_class.get(cls, {}).items()}
                key = self._content_key(fact)
                found = present[cls].get(key)
                if found is not None:
                    self._hook_facts[key] = found
        # truth maintenance: which firing stands (by its activation), what each declared,
        # what each collected and the duplicates declared
        self._fired: dict[tuple, int] = {}
        self._act: dict[int, Any] = {}
        for number, activation in enumerate(engine._steps, start=1):
            self._fired[_key(activation)] = number
            self._act[number] = activation
        self._standing = set(self._fired.values())
        self._uses: dict[int, set[int]] = {}
        #: activations put back on the agenda by truth maintenance, by id
        self._requeued: dict[int, Any] = {}
        #: the same, by the id of each of their facts (a retraction looks at those only)
        self._requeued_by_fact: dict[int, list[Any]] = {}
        for step in self._standing:
            for fact_id in fact_ids(self._act[step]):
                self._uses.setdefault(fact_id, set()).add(step)
        self._declared_by: dict[int, list[int]] = {}
        for fact_id, step in engine._declared_at.items():
            if step and fact_id in engine.facts:
                self._declared_by.setdefault(step, []).append(fact_id)
        self._watch: dict[type, dict[tuple, dict[tuple, set[int]]]] = {}
        #: per standing step that collected, the sets of ``_watch`` that hold it (taken out
        #: of them when the step no longer stands: the sets stay the size of what stands)
        self._watched_in: dict[int, list[set[int]]] = {}
        for step, calls in engine._collect_calls.items():
            if step in self._standing:
                self._watch_step(step, calls)
        self._dups: dict[int, list[tuple[int, Any]]] = {}
        for step, fact in engine._dups:
            if step in self._standing:
                self._dups.setdefault(self._content_key(fact), []).append((step, fact))
        # conclusions whose firing no longer stands, retracted when their phase is over
        # (by the salience of their phase, each (order of arrival, fact id)), so that a
        # phase's end takes its own and looks at no other
        self._pending: dict[float, list[tuple[int, int]]] = {}
        self._pending_top = _NEVER  # the highest salience among them
        # probes: whether a later phase's firing concluded nothing the probe's phases read
        # (checked on the region's run here, and on each later firing as it comes), and
        # whether a probe left the later phases' work on the agenda
        self._probe_ok = True
        self._unfinished = False
        for step, made in self._declared_by.items():
            salience = self._act[step].rule.salience
            if salience < self._floor_seen:
                self._check_later_phase(salience, made)

    def _check_later_phase(self, salience: float, made: Iterable[int]) -> None:
        """A firing below the probe's floor declared these facts: when one is of a kind
        the probe reads, or that a rule of the probe's phases reads, a probe would not
        see what a full run sees, and this session runs no probe."""
        engine = self._engine
        readers = _readers(engine)
        floor = self._floor_seen
        for fact_id in made:
            fact = engine.facts.get(fact_id)
            if fact is None:
                continue
            cls = fact.__class__
            if cls.__name__ in _PROBED or _read_at(readers, engine, cls) >= floor:
                self._probe_ok = False
                return

    @staticmethod
    def _content_key(fact: Any) -> int:
        return hash((fact.__class__, frozenset(_content(fact).items())))

    def _watch_step(self, step: int, calls: Iterable[tuple[type, dict]]) -> None:
        readers = _readers(self._engine)
        salience = self._act[step].rule.salience
        for cls, fields in calls:
            if readers.get(cls, _NEVER) < salience:  # a rule that collects this kind
                readers[cls] = salience
            names = tuple(sorted(fields))
            try:
                values = tuple(fields[n] for n in names)
                hash(values)
            except TypeError:  # pragma: no cover - a field no index can hold: every fact
                names, values = (), ()
            steps = self._watch.setdefault(cls, {}).setdefault(names, {}).setdefault(
                values, set())
            steps.add(step)
            self._watched_in.setdefault(step, []).append(steps)

    # -- one hypothesis -----------------------------------------------------------

    def classify(self, *, add: Iterable[model.Match] = (),
                 remove: Iterable[model.Match | tuple[str, str]] = (),
                 threshold: float | None = None,
                 params: Parameters | Mapping[str, Any] | None = None,
                 probe: bool = False) -> "Classification | Probe":
        """The classification of the region with these changes, from the live run.

        ``add``: matches to add (a match whose pair the region already links replaces
        that match: another relation); ``remove``: matches (or ``(masterplan, rpjmd)``
        pairs) to take away; ``threshold``: another general threshold; ``params``:
        other parameters altogether (``threshold`` then applies to them). The changes
        are made from the region as it is, whatever the session classified before.

        ``probe``: only the type and the stages are wanted (a search that asks many
        what-ifs, as the advice does): the rules run down to the phase that concludes
        the type (:func:`probe_floor`), the later phases' activations wait on the agenda
        for the next full what-if, and the answer is a :class:`Probe`, not a
        :class:`~smartsync.Classification`.
        """
        if not self._open:
            raise RuntimeError("a what-if session classifies inside its 'with' block")
        from .engine import _parameters

        base = _parameters(params) or self.params
        if threshold is not None:
            base = attrs.evolve(base, threshold=threshold)
        removed = {m.key if isinstance(m, Match) else (str(m[0]), str(m[1])) for m in remove}
        matches = {m.key: m for m in self.region.matches if m.key not in removed}
        for match in add:
            if not isinstance(match, Match):
                raise TypeError(f"a what-if adds smartsync.Match objects, got "
                                f"{type(match).__name__}")
            matches[match.key] = match
        floor = self._probe_floor() if probe else None
        if floor is not None:
            self._apply(tuple(matches.values()), base, floor)
            COUNTS["what_ifs"] += 1
            COUNTS["probes"] += 1
            return self._probe(base)
        if tuple(matches) == tuple(m.key for m in self.region.matches) and all(
                matches[m.key] is m for m in self.region.matches):
            region = self.region
        else:
            region = _evolve(self.region, tuple(matches.values()))
        self._apply(region.matches, base)
        COUNTS["what_ifs"] += 1
        result = self.classifier._result(region, base, self._engine)
        _ROOTS[result] = self._root  # a session on this result changes the same run
        self._shared = True
        return result

    def _probe_floor(self) -> float | None:
        """The salience down to which a probe runs the rules (:func:`probe_floor`), or
        ``None`` when a probe cannot be told from a full run here: the rule packs mark no
        rule that concludes the type, or a rule of a later phase concluded a fact that a
        rule of the probe's phases reads."""
        floor = probe_floor(self._engine, self.classifier)
        if floor is None or not self._probe_ok:
            return None
        return floor

    def _probe(self, params: Parameters) -> "Probe":
        """The type and the stages the working memory holds now, as a :class:`Probe`."""
        engine = self._engine
        by_kind = {kind: list(facts.values()) for kind, facts in engine._by_class.items()}
        stages, type_value = self.classifier._stages_and_type(self.region, params, by_kind,
                                                              engine)
        return Probe(type=type_value, stages=stages, typology=self.classifier.typology,
                     params=params, facts=by_kind)

    def _apply(self, matches: Iterable[model.Match], params: Parameters,
               floor: float | None = None) -> None:
        """Change the working memory's input facts to those of ``matches`` and
        ``params``, and run the rules to quiescence (down to the salience ``floor``:
        a probe)."""
        engine = self._engine
        if self._shared:
            engine._ever = dict(engine._ever)
            engine._declared_at = dict(engine._declared_at)
            engine._retracted_at = dict(engine._retracted_at)
            engine._steps = list(engine._steps)
            engine._collected = dict(engine._collected)
            self._shared = False
        wanted = {m.key: m for m in matches}
        retract: list[int] = []
        declare: list[Any] = []
        for key, match in list(self._matches.items()):
            other = wanted.get(key)
            if other is not match and other != match:
                retract.append(self._match_ids.pop(key))
                del self._matches[key]
        for key, match in wanted.items():
            if key not in self._matches:
                self._matches[key] = match
                declare.append((key, match_fact(match)))
        if params != self._current_params:
            self._current_params = params
            new = {self._content_key(f): f
                   for f in definition_facts(self.classifier.typology, params)}
            for key in [k for k in self._definitions if k not in new]:
                retract.append(self._definitions.pop(key))
            declare.extend((("def", key), fact) for key, fact in new.items()
                           if key not in self._definitions)
        if self._hooked:
            region = _evolve(self.region, tuple(wanted.values()))
            new = {self._content_key(f): f
                   for f in self.classifier._input_facts(region, params)}
            for key in [k for k in self._hook_facts if k not in new]:
                retract.append(self._hook_facts.pop(key))
            declare.extend((("hook", key), fact) for key, fact in new.items()
                           if key not in self._hook_facts)
        if not retract and not declare and (floor is not None or not self._unfinished):
            return
        with paused_gc():
            engine.running = True  # the matcher sees the changes in the run loop
            try:
                for fact_id in retract:
                    engine.retract(fact_id)
                    engine._retracted_at[fact_id] = 0
                for key, fact in declare:
                    before = engine.facts.last_index
                    engine.declare(fact)
                    for fact_id in range(before, engine.facts.last_index):
                        engine._declared_at[fact_id] = 0
                    fact_id = fact.get("__factid__")
                    if isinstance(key, tuple) and key and key[0] == "def":
                        self._definitions[key[1]] = fact_id
                    elif isinstance(key, tuple) and key and key[0] == "hook":
                        self._hook_facts[key[1]] = fact_id
                    else:
                        self._match_ids[key] = fact_id
                COUNTS["declared"] += len(declare)
                COUNTS["retracted"] += len(retract)
                engine._run_start = len(engine._steps)  # a firing limit counts this run's
                self._run(floor)
            finally:
                engine.running = False

    # -- the run loop with truth maintenance ----------------------------------------

    def _phase(self, fact_id: int) -> float:
        """The salience of the firing that declared a fact (an input fact: before all)."""
        step = self._engine._declared_at.get(fact_id, 0)
        if not step:
            return float("inf")
        return self._act[step].rule.salience

    def _present(self, activation: Any) -> bool:
        facts = self._engine.facts
        return all(facts.get(f["__factid__"]) is f for f in activation.matched) \
            if hasattr(activation, "matched") else all(
                facts.get(f["__factid__"]) is f for f in activation.facts)

    def _run(self, floor: float | None = None) -> None:
        """Fire the agenda to quiescence, keeping every standing firing true to the facts
        that were there when it fired in its phase (see the module's docstring).

        ``floor`` (a probe): stop when the next firing's salience is below it, once the
        conclusions of the phases down to it that no longer stand are retracted; the
        activations of the later phases wait on the agenda (and their conclusions that no
        longer stand, in the pending ones) for the next run without a floor.

        What a firing rests on, in the order a full run would have seen it: facts of an
        earlier phase (declared by a rule of higher salience, or input facts). A fact a
        rule of the same or a later phase declares does not undo it (a rule whose own
        conclusion blocks its ``NOT`` fires once, as in a full run)."""
        engine = self._engine
        strategy = engine.strategy
        update = strategy._update_agenda if hasattr(strategy, "_update_agenda") \
            else strategy.update_agenda
        fired, standing, declared_by, uses = (self._fired, self._standing, self._declared_by,
                                              self._uses)
        while True:
            fact_list = engine.facts
            if fact_list.added or fact_list.removed:
                adding, deleting = fact_list.added, fact_list.removed
                fact_list.added, fact_list.removed = [], []
                both = {id(f) for f in adding} & {id(f) for f in deleting}
                added, removed = engine.matcher.changes(adding, deleting)
                # ordered sets (dicts): a change of thousands of facts undoes thousands
                # of firings, each looked up once
                undone: dict[int, None] = {}
                for fact in deleting:  # a fact a firing matched is gone: it no longer stands
                    if id(fact) in both:
                        continue
                    for step in uses.pop(fact["__factid__"], ()):
                        if step in standing and step not in undone:
                            undone[step] = None
                earliest = max((self._phase(f["__factid__"]) for f in adding
                                if id(f) not in both), default=float("-inf"))
                for activation in removed:  # its facts are there: a NOT now blocked
                    step = fired.get(_key(activation))
                    if (step is not None and step in standing and step not in undone
                            and earliest > activation.rule.salience and self._present(activation)):
                        undone[step] = None
                again: dict[int, None] = {}
                for fact in (*adding, *deleting):
                    if id(fact) in both:
                        continue
                    phase = self._phase(fact["__factid__"])
                    for step in self._watchers(fact):
                        if (step in standing and step not in undone and step not in again
                                and phase > self._act[step].rule.salience):
                            again[step] = None
                added = [a for a in added if _key(a) not in fired]
                if added or removed:
                    update(engine.agenda, added, removed)
                if deleting and self._requeued:
                    # an activation put back by truth maintenance (the matcher no longer
                    # holds it) leaves the agenda when one of its facts goes: those of the
                    # facts retracted, in the order they were put back
                    requeued, by_fact = self._requeued, self._requeued_by_fact
                    maybe: dict[int, Any] = {}
                    for fact in deleting:
                        for a in by_fact.pop(fact["__factid__"], ()):
                            if requeued.get(id(a)) is a:
                                maybe[id(a)] = a
                    stale = [a for a in maybe.values() if not self._present(a)]
                    for activation in stale:
                        _agenda_remove(engine, activation)
                        del self._requeued[id(activation)]
                for step in (*undone, *again):
                    key = _key(self._act[step])
                    if fired.get(key) == step:
                        del fired[key]
                    self._undo(step)
                if again:
                    waiting = _AgendaKeys(engine)
                    requeued = []
                    for step in again:
                        activation = self._act[step]
                        if not waiting.waiting(activation) and self._present(activation):
                            waiting.add(_key(activation))
                            requeued.append(activation)
                            self._requeued[id(activation)] = activation
                            for fact_id in fact_ids(activation):
                                self._requeued_by_fact.setdefault(fact_id, []).append(
                                    activation)
                    if requeued:
                        update(engine.agenda, requeued, [])
                continue
            if floor is not None:
                agenda = engine.agenda.activations
                below = agenda[-1].rule.salience if agenda else _NEVER
                if below < floor:
                    # the probe's phases are over: their conclusions that no longer stand
                    # go (which may make work for them again); the later phases wait
                    self._unfinished = True
                    if self._pending_top >= floor and self._flush(
                            max(below, math.nextafter(floor, _NEVER))):
                        continue
                    break
            if self._pending:
                # the conclusions of the phases the next firing comes after: retracted
                # now, unless a firing of their phase concluded them again
                agenda = engine.agenda.activations
                below = agenda[-1].rule.salience if agenda else _NEVER
                if self._pending_top > below and self._flush(below):
                    continue
            activation = engine.agenda.get_next()
            if activation is None:
                self._unfinished = False
                break
            self._requeued.pop(id(activation), None)
            before = fact_list.last_index
            dups = len(engine._dups)
            rule = activation.rule
            if (getattr(activation, "fire", None) is not None
                    and rule._wrapped_self is None):
                activation.fire(rule._wrapped, engine, activation.matched)
            else:
                rule(engine, **{k: v for k, v in activation.context.items()
                                if not k.startswith("__")})
            COUNTS["fired"] += 1
            step = len(engine._steps)
            fired[_key(activation)] = step
            standing.add(step)
            self._act[step] = activation
            for fact_id in fact_ids(activation):
                uses.setdefault(fact_id, set()).add(step)
            made = [i for i in range(before, engine.facts.last_index) if i in engine.facts]
            if made:
                declared_by[step] = made
                if self._probe_ok and rule.salience < self._floor_seen:
                    self._check_later_phase(rule.salience, made)
            calls = engine._collect_calls.get(step)
            if calls:
                self._watch_step(step, calls)
            for dup_step, fact in engine._dups[dups:]:
                self._dups.setdefault(self._content_key(fact), []).append((dup_step, fact))

    def _watchers(self, fact: Any) -> Iterable[int]:
        """The steps whose collect would find ``fact`` (its class and fields)."""
        by_names = self._watch.get(fact.__class__)
        if not by_names:
            return ()
        out: list[int] = []
        for names, by_values in by_names.items():
            try:
                values = tuple(fact.get(n, _MISSING) for n in names)
                steps = by_values.get(values)
            except TypeError:  # pragma: no cover
                steps = None
            if steps:
                out.extend(steps)
        return out

    def _undo(self, step: int) -> None:
        """Retract what a firing declared (a fact another standing firing declared too
        stays, as that firing's); the firing no longer stands. A fact that only rules of
        a later phase read is retracted when its phase is over (:meth:`_flush`)."""
        engine = self._engine
        self._standing.discard(step)
        for steps in self._watched_in.pop(step, ()):
            steps.discard(step)
        salience = self._act[step].rule.salience
        readers = _readers(engine)
        for fact_id in self._declared_by.pop(step, ()):
            fact = engine.facts.get(fact_id)
            if fact is None:
                continue
            other = self._other_support(fact)
            if other is not None:
                self._support(fact_id, other)
            elif _read_at(readers, engine, fact.__class__) < salience:
                self._pending.setdefault(salience, []).append((next(_ARRIVAL), fact_id))
                if salience > self._pending_top:
                    self._pending_top = salience
            else:
                engine.retract(fact_id)

    def _flush(self, below: float) -> bool:
        """Retract the pending conclusions of the phases above ``below`` that no standing
        firing concluded again (those that one did stay, as its conclusions); whether
        any was retracted."""
        engine = self._engine
        pending = self._pending
        over = [salience for salience in pending if salience > below]
        if len(over) == 1:
            due = pending.pop(over[0])
        else:  # in the order they were left pending
            due = sorted(chain.from_iterable(pending.pop(salience) for salience in over))
        retracted = False
        for _, fact_id in due:
            fact = engine.facts.get(fact_id)
            if fact is None:
                continue
            other = self._other_support(fact)
            if other is not None:
                self._support(fact_id, other)
            else:
                engine.retract(fact_id)
                retracted = True
        self._pending_top = max(pending, default=_NEVER)
        return retracted

    def _support(self, fact_id: int, step: int) -> None:
        """A fact stays as the conclusion of another standing firing, ``step`` (its trace
        says that firing concluded it)."""
        self._declared_by.setdefault(step, []).append(fact_id)
        self._engine._declared_at[fact_id] = step

    def _other_support(self, fact: Any) -> int | None:
        dups = self._dups
        if not dups:
            return None
        # the fact list keeps the hash of each fact's content (FastFactList): not hashed again
        key = getattr(self._engine.facts, "_keys", {}).get(fact["__factid__"])
        same = dups.get(self._content_key(fact) if key is None else key)
        if not same:
            return None
        content = _content(fact)
        for index, (step, other) in enumerate(same):
            if (step in self._standing and other.__class__ is fact.__class__
                    and _content(other) == content):
                del same[index]
                return step
        return None


_MISSING = object()
_NEVER = float("-inf")
#: the order conclusions are left pending in (retracted in that order)
_ARRIVAL = itertools.count()


def _sorted_agenda(engine: Any) -> bool:
    """Whether the engine's agenda is kept sorted by each activation's ``key``
    (:class:`~smartsync.fastmatch.FastDepthStrategy`): then an activation is found by
    bisection, not by scanning the agenda."""
    return isinstance(engine.strategy, FastDepthStrategy)


def _agenda_remove(engine: Any, activation: Any) -> None:
    """Take this activation (this object) off the agenda, if it is there."""
    activations = engine.agenda.activations
    if _sorted_agenda(engine) and getattr(activation, "key", None) is not None:
        key = activation.key
        position = bisect.bisect_left(activations, key, key=_AGENDA_KEY)
        while position < len(activations) and activations[position].key == key:
            if activations[position] is activation:
                del activations[position]
                return
            position += 1
        return
    for position, other in enumerate(activations):
        if other is activation:
            del activations[position]
            return


class _AgendaKeys:
    """Whether an activation of a rule and facts (:func:`_key`) is on the engine's agenda, found by bisection on a sorted agenda (the keys of the
    activations about to be put back are added with :meth:`add`)."""

    def __init__(self, engine: Any):
        self._engine = engine
        self._added: set[tuple] = set()
        self._all: set[tuple] | None = None
        if not _sorted_agenda(engine):
            self._all = {_key(a) for a in engine.agenda.activations}

    def add(self, key: tuple) -> None:
        self._added.add(key)

    def waiting(self, activation: Any) -> bool:
        """Whether an activation with ``activation``'s rule and facts is waiting."""
        key = _key(activation)
        if key in self._added:
            return True
        if self._all is not None:
            return key in self._all
        engine = self._engine
        activations = engine.agenda.activations
        wanted = engine.strategy.get_key(activation)
        position = bisect.bisect_left(activations, wanted, key=_AGENDA_KEY)
        while position < len(activations) and activations[position].key == wanted:
            if _key(activations[position]) == key:
                return True
            position += 1
        return False


_AGENDA_KEY = operator.attrgetter("key")

#: a what-if's result -> the classification whose run the what-if changed: a session on
#: the what-if's result changes that run (from the region of the what-if's result), as
#: long as the working memory holds it
_ROOTS: "weakref.WeakKeyDictionary[Classification, Classification]" = \
    weakref.WeakKeyDictionary()


def _readers(engine: Any) -> dict[type, float]:
    """Per fact class, the highest salience of a rule that reads it (a pattern of its
    class or a base class, positive or negated, or a ``collect`` of it seen so far):
    built once per engine (its rules do not change), and kept up to date as firings
    collect."""
    found = getattr(engine, "_whatif_readers", None)
    if found is None:
        found = engine._whatif_readers = {}
        engine._whatif_rule_classes = [
            (rule.salience, _pattern_classes(rule)) for rule in engine.get_rules()]
    return found


def _read_at(readers: dict[type, float], engine: Any, cls: type) -> float:
    """The highest salience of a rule that reads facts of ``cls`` (-inf: none)."""
    found = readers.get(cls)
    if found is None:
        found = max((salience for salience, classes in engine._whatif_rule_classes
                     if any(issubclass(cls, c) for c in classes)), default=_NEVER)
        readers[cls] = found
    return found


def _pattern_classes(condition: Any) -> tuple[type, ...]:
    """The fact classes of a rule's patterns (inside ``NOT``, ``AND``, ``OR``...)."""
    from ._compat import experta

    if isinstance(condition, experta.Fact):
        return (condition.__class__,)
    if isinstance(condition, tuple):  # experta's conditional elements, and a rule
        return tuple(c for part in condition for c in _pattern_classes(part))
    return ()

#: a session's knowledge of the working memory, kept on the engine between sessions
_STATE = ("_matches", "_match_ids", "_current_params", "_definitions", "_hooked", "_hook_facts",
          "_fired", "_act", "_standing", "_declared_by", "_watch", "_watched_in", "_dups", "_uses", "_requeued", "_requeued_by_fact",
          "_pending", "_pending_top", "_probe_ok", "_unfinished")

#: the kinds of conclusion a probe reads (:class:`Probe`): the rules that conclude them
#: run in a probe
_PROBED = frozenset({"TypeResult", "StageStatus", "StageCoverage", "MatchRejected"})


def probe_floor(engine: Any, classifier: "Classifier") -> float | None:
    """The lowest salience of a rule that concludes what a probe reads (marked with
    :func:`smartsync.rules.concludes` as concluding a type, a stage's coverage or status,
    or a rejected match): a probe runs the phases down to it. ``None`` when no rule is
    marked as concluding the type. Built once per engine (its rules do not change)."""
    found = getattr(engine, "_whatif_probe_floor", _MISSING)
    if found is _MISSING:
        saliences = {}
        for info in classifier.rules():
            for cls, _ in getattr(info.rule, "_smartsync_concludes", ()):
                if cls.__name__ in _PROBED:
                    saliences.setdefault(cls.__name__, []).append(info.salience)
        found = min(min(v) for v in saliences.values()) if "TypeResult" in saliences else None
        engine._whatif_probe_floor = found
    return found


@attrs.frozen(eq=False)
class Probe:
    """What a probe what-if gives (:meth:`WhatIf.classify` with ``probe=True``): the type
    and each stage's figures, as the rules concluded them, and the conclusions of the
    phases down to the type's (:meth:`find`); no characteristics, diagnostics, funding or
    trace (their rules have not run)."""

    type: enum.Enum
    stages: Mapping[str, Any]
    typology: Any = attrs.field(repr=False)
    params: Parameters = attrs.field(repr=False)
    _facts: Mapping[type, list] = attrs.field(repr=False, alias="facts")

    @property
    def type_letter(self) -> str | None:
        """The type's letter; ``None`` when unsynchronized."""
        return self.typology.letter(self.type)

    def find(self, kind: str, **fields: Any) -> tuple[Any, ...]:
        """The facts of one kind (of :data:`_PROBED`, or an input fact's) in working memory
        when the probe ended, whose fields have the given values (as
        :meth:`smartsync.Trace.find` finds them in a classification's trace)."""
        return tuple(f for cls, facts in self._facts.items() if cls.__name__ == kind
                     for f in facts if all(f.get(k) == v for k, v in fields.items()))


def _definition_classes() -> tuple[type, ...]:
    from .facts import CountedRelation, StageDef, StageThreshold

    return (StageDef, StageThreshold, CountedRelation)


def classifier_of(result: "Classification") -> "Classifier":
    """The classifier with the rule packs and typology that gave ``result`` (the default
    classifier for the default packs)."""
    from .engine import _classifier_for, default_classifier
    from .rules import _default_packs

    packs = getattr(result._why_not, "packs", None)
    if packs is None or tuple(packs) == _default_packs():
        default = default_classifier()
        if default.typology == result.typology:
            return default
    return _classifier_for(None if packs is None else tuple(packs), result.typology)


def _evolve(region: Region, matches: tuple[Match, ...]) -> Region:
    from .validation import is_checked, mark_checked

    changed = attrs.evolve(region, matches=matches)
    if is_checked(region):  # the same elements; the matches are the caller's
        mark_checked(changed)
    return changed


def what_if(result: "Classification", *, add: Iterable[model.Match] = (),
            remove: Iterable[model.Match | tuple[str, str]] = (), threshold: float | None = None,
            params: Parameters | Mapping[str, Any] | None = None,
            classifier: "Classifier | None" = None) -> "Classification":
    """One what-if on ``result``: its region with these changes, classified from the live
    run (see :meth:`WhatIf.classify`). ``classifier``: the one that gave ``result`` (by
    default the one with its rule packs and typology)."""
    if classifier is None:
        classifier = classifier_of(result)
    with WhatIf(classifier, result) as session:
        return session.classify(add=add, remove=remove, threshold=threshold, params=params)
