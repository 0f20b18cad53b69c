"""What keeps a rule pack from taking the process down: the firing limit of one
classification, and every error a pack's code raises said as a
:class:`~smartsync.errors.RulePackError` naming the module, the rule and the fact.

The engine (:mod:`smartsync.engine`) counts the firings of a run and raises
:class:`FiringLimit` when the agenda holds one more activation past the limit;
:func:`rule_failure` turns that, or any exception (``SystemExit`` and
``RecursionError`` included) raised while the rules ran, into the error a user reads.
"""

from __future__ import annotations

import collections
import os
import traceback
from typing import Any, Iterable, Iterator

from .errors import RulePackError

__all__ = ["FIRINGS_BASE", "FIRINGS_PER_FACT", "FiringLimit", "firing_limit", "rule_failure",
           "guarded_exceptions", "check_max_firings", "most_fired", "fact_text"]

#: the firing limit of a classification, when none is given: this many firings...
FIRINGS_BASE = 50_000
#: ... and this many more for each fact the region declares (the shipped rules fire 2 to 6
#: times per element: about 170 firings on a typical region, 110,000 on 20,000 elements)
FIRINGS_PER_FACT = 50

#: the exceptions a pack's code may raise that a classification turns into a
#: RulePackError (KeyboardInterrupt and the like are the user's, and go on)
guarded_exceptions = (Exception, SystemExit)

#: the longest text of a fact an error shows
_FACT_TEXT = 300

_HERE = os.path.dirname(os.path.abspath(__file__))
#: files whose frames are the engine's, not a pack's: where an error "happened" is the
#: deepest frame outside them
_ENGINE_FILES = frozenset(os.path.join(_HERE, name) for name in
                          ("engine.py", "fastmatch.py", "_guard.py", "facts.py"))


class FiringLimit(RulePackError):
    """Raised by the engine's agenda when a run would fire once more past its limit (a
    classification turns it into the error naming the rules that fired most)."""

    def __init__(self, limit: int):
        super().__init__(f"the rules fired {limit:,} times in one run and would fire again",
                         kind="limit")
        self.limit = limit


def firing_limit(max_firings: int | None, facts: int) -> int:
    """The firing limit of a classification: ``max_firings``, or, when it is ``None``,
    :data:`FIRINGS_BASE` plus :data:`FIRINGS_PER_FACT` for each of the region's ``facts``."""
    if max_firings is None:
        return FIRINGS_BASE + FIRINGS_PER_FACT * facts
    return max_firings


def check_max_firings(value: Any) -> int | None:
    """``value`` as a firing limit (``None``: the default); ``ValueError`` if it is not a
    whole number of at least 1."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"max_firings must be a whole number of at least 1, got {value!r}")
    return value


def fact_text(fact: Any) -> str:
    """A fact as an error shows it: its number, kind and fields, cut when long."""
    try:
        fields = ", ".join(f"{k}={v!r}" for k, v in fact.items()
                           if not (isinstance(k, str) and k.startswith("__")))
        text = f"{type(fact).__name__}({fields})"
        number = fact.get("__factid__")
    except Exception:  # a fact whose repr fails is still named  # noqa: BLE001
        text, number = type(fact).__name__, None
    if len(text) > _FACT_TEXT:
        text = text[:_FACT_TEXT] + "...)"
    return f"#{number} {text}" if number is not None else text


def _facts_of(activation: Any) -> str | None:
    try:
        facts = [f for f in activation.facts if type(f).__name__ != "InitialFact"]
    except Exception:  # noqa: BLE001
        return None
    if not facts:
        return None
    shown = "; ".join(fact_text(f) for f in facts[:3])
    return shown + (f"; and {len(facts) - 3} more" if len(facts) > 3 else "")


def _functions(value: Any, depth: int = 0) -> Iterator[Any]:
    """The code objects of the functions a rule's conditions hold (TEST, P(...))."""
    if depth > 20:
        return
    code = getattr(value, "__code__", None)
    if code is not None:
        yield code
        return
    if isinstance(value, dict):
        for item in value.values():
            yield from _functions(item, depth + 1)
    elif isinstance(value, tuple):
        for item in value:
            yield from _functions(item, depth + 1)


def _frames(exc: BaseException) -> list[Any]:
    return [frame for frame, _ in traceback.walk_tb(exc.__traceback__)]


def _where(exc: BaseException) -> str | None:
    """file:line of the deepest frame outside the engine (where the pack's code failed)."""
    found = None
    for frame, line in traceback.walk_tb(exc.__traceback__):
        name = os.path.abspath(frame.f_code.co_filename)
        if name not in _ENGINE_FILES and "experta" not in name.split(os.sep):
            found = f"{frame.f_code.co_filename}:{line}"
    return found


def _what(exc: BaseException) -> str:
    """What the exception means, in words."""
    if isinstance(exc, SystemExit):
        return f"called sys.exit({exc.code!r})"
    if isinstance(exc, RecursionError):
        return f"recursed without end (RecursionError: {exc})"
    text = str(exc).strip()
    return f"raised {type(exc).__name__}" + (f": {text[:500]}" if text else "")


def _tested_fact(exc: BaseException) -> str | None:
    """The fact a failing condition was testing: the first fact held by a local variable
    of the frames, the deepest first."""
    from ._compat import experta

    for frame in reversed(_frames(exc)):
        for value in list(frame.f_locals.values()):
            if isinstance(value, experta.Fact) and type(value).__name__ != "InitialFact":
                return fact_text(value)
    return None


def most_fired(steps: Iterable[Any], top: int | None = None) -> list[tuple[str, int]]:
    """The rules that fired in these activations, with their counts, most first (the
    ``top`` ones only, when given)."""
    counts = collections.Counter(getattr(a.rule, "__name__", "?") for a in steps)
    return counts.most_common(top)


def rule_failure(exc: BaseException, engine: Any, rules: dict[str, Any],
                 region_id: str) -> RulePackError:
    """The :class:`RulePackError` for ``exc``, raised while ``engine`` classified the
    region ``region_id`` (``rules``: the classifier's :class:`~smartsync.engine.RuleInfo`
    by name)."""
    steps = list(getattr(engine, "_steps", ()))
    firings = most_fired(steps)
    if isinstance(exc, FiringLimit):
        top = firings[0][0] if firings else None
        info = rules.get(top) if top else None
        last = next((a for a in reversed(steps) if getattr(a.rule, "__name__", "") == top), None)
        fact = _facts_of(last) if last is not None else None
        said = ", ".join(
            f"{name} ({rules[name].module if name in rules else '?'}) {count:,} "
            f"time{'s' if count != 1 else ''}" for name, count in firings[:3])
        return RulePackError(
            f"the rules fired {exc.limit:,} times on region {region_id!r} and would fire "
            f"again: a rule that keeps concluding new facts never ends. Fired most: {said}"
            + (f"; {top} last fired on {fact}" if fact else "") + ". If the region is simply that large, raise the limit (--max-firings N, or "
            "max_firings=N)",
            packs=[info.pack] if info else (), rule=top,
            module=info.module if info else None, region=region_id,
            fact=fact, firings=firings, kind="limit")
    if isinstance(exc, RulePackError) and exc.rule is not None:
        return exc  # said already (a classification inside a rule)
    codes = {frame.f_code for frame in _frames(exc)}
    current = getattr(engine, "_current", None)
    wrapped = getattr(getattr(current, "rule", None), "_wrapped", None)
    where = _where(exc)
    at = f" at {where}" if where else ""
    if wrapped is not None and getattr(wrapped, "__code__", None) in codes:
        name = getattr(current.rule, "__name__", None) or wrapped.__name__
        info = rules.get(name)
        module = info.module if info else getattr(wrapped, "__module__", None)
        fact = _facts_of(current)
        return RulePackError(
            f"rule {name!r} ({module}) {_what(exc)}{at}, on region {region_id!r}"
            + (f", fired on {fact}" if fact else ""),
            packs=[info.pack] if info else (), rule=name, module=module, fact=fact,
            region=region_id, firings=firings, kind="run")
    for name, info in rules.items():  # a condition's function (TEST, P) failed
        if codes.intersection(_functions(tuple(info.rule))):
            fact = _tested_fact(exc)
            return RulePackError(
                f"a condition of rule {name!r} ({info.module}) {_what(exc)}{at}, on region "
                f"{region_id!r}" + (f", testing {fact}" if fact else ""),
                packs=[info.pack], rule=name, module=info.module, fact=fact,
                region=region_id, firings=firings, kind="run")
    module = None
    for frame in reversed(_frames(exc)):
        if os.path.abspath(frame.f_code.co_filename) not in _ENGINE_FILES:
            module = frame.f_globals.get("__name__")
            break
    return RulePackError(
        f"the rule packs' code{f' (module {module})' if module else ''} {_what(exc)}{at}, "
        f"on region {region_id!r}",
        module=module, region=region_id, firings=firings, kind="run")
