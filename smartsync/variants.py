"""Typology variants: rule packs, a typology and parameters, ready to classify with.

A :class:`Variant` names a set of rule packs, the typology (stages) they type
by, and the parameters they decide with. Six ship with smartsync, all
registered under the entry-point group ``smartsync.rules``:

- ``default`` (:data:`DEFAULT`): the study's typology, vision, mission,
  target, program (types A-D);
- ``goal-stage`` (:data:`GOAL_STAGE`): a goal (*tujuan*) stage between
  mission and target, five types A-E, with the default rules (the stages are
  data the rules read);
- ``first-synchronized`` (:data:`FIRST_SYNCHRONIZED`): types by the first
  synchronized stage, whether or not the chain below it holds;
- ``relations-per-stage`` (:data:`RELATIONS_PER_STAGE`): at the vision and
  mission stages only ``adopted`` and ``derived`` matches count, at target
  and program ``aligned`` ones too (the default rules, with the counted
  relations per stage as data);
- ``budgeted-programs`` (:data:`BUDGETED_PROGRAMS`): a masterplan program
  counts only when its RPJMD counterpart has a *pagu indikatif* above zero
  (one rule more: :mod:`smartsync.rules.budgeted`);
- ``cascading`` (:data:`CASCADING`): an element below the masterplan's top
  stage does not count when its parent is matched, but to no ancestor of its
  RPJMD counterpart; an element whose parents are unmatched starts the cascade
  (:mod:`smartsync.rules.cascading`).

A variant of your own is a :class:`Variant` (or a pack class, a list of
pack classes, or a module of them, added to the default packs), named on
the command line as ``--rules module:object`` or ``--rules module``, or registered under the
entry-point group ``smartsync.rules`` so that ``--rules NAME`` finds it
once your package is installed. See the guide in the documentation.
"""

from __future__ import annotations

import importlib
import inspect
import types
from importlib import metadata
from typing import Any, Mapping, Sequence

import attrs

from .engine import Classifier, _pack_rules
from .errors import RulePackError, did_you_mean
from .typology import DEFAULT_TYPOLOGY, Parameters, Typology

__all__ = ["Variant", "DEFAULT", "GOAL_STAGE", "FIRST_SYNCHRONIZED", "RELATIONS_PER_STAGE",
           "BUDGETED_PROGRAMS", "CASCADING", "ENTRY_POINT_GROUP",
           "available_variants", "load_variant", "load_classifier", "default_packs"]

#: the entry-point group rule packs and variants are registered under
ENTRY_POINT_GROUP = "smartsync.rules"


def default_packs() -> tuple[type, ...]:
    """The default rule packs: stages, typology, characteristics, diagnostics, funding."""
    from .rules import _default_packs

    return _default_packs()


@attrs.frozen
class Variant:
    """Rule packs, the typology they type by and their parameters, under a name.

    ``messages``: words for the packs' own keys (characteristics, findings, conditions,
    why-not), ``{"en": {key: text}, "id": {...}}``: they go with this variant's
    classifier and its results, and change no other classifier.
    """

    name: str
    packs: tuple[type, ...] = attrs.field(converter=tuple)
    typology: Typology = DEFAULT_TYPOLOGY
    params: Parameters = attrs.field(factory=Parameters)
    description: str = ""
    source: str = ""
    messages: Mapping[str, Mapping[str, str]] = attrs.field(factory=dict, eq=False,
                                                            repr=False)

    def classifier(self) -> Classifier:
        """A classifier assembled from this variant (built anew at each call)."""
        from .messages import LANGUAGES, variant_description
        from .result import RuleSet

        descriptions = {lang: variant_description(self, lang) for lang in LANGUAGES}
        return Classifier(self.packs, typology=self.typology, params=self.params,
                          messages=self.messages,
                          rule_set=RuleSet(self.name, self.source, descriptions))


DEFAULT = Variant("default", default_packs(),
                  description="The study's typology: vision, mission, target, program (types A-D).",
                  source="smartsync.variants:DEFAULT")

GOAL_STAGE = Variant(
    "goal-stage", default_packs(),
    typology=Typology("goal-stage", ("vision", "mission", "goal", "target", "program")),
    description="A goal (tujuan) stage between mission and target: five types A-E.",
    source="smartsync.variants:GOAL_STAGE")


def _first_synchronized_packs() -> tuple[type, ...]:
    from .rules.characteristics import CharacteristicsPack
    from .rules.diagnostics import DiagnosticsPack
    from .rules.first_synchronized import (
        FirstSynchronizedCharacteristics, FirstSynchronizedDiagnostics, FirstSynchronizedPack,
    )
    from .rules.typology import TypologyPack

    # the typology replaced; the default rules about a stage synchronized above a break
    # left out (they cannot fire when the type is the highest synchronized stage)
    instead = {TypologyPack: FirstSynchronizedPack,
               CharacteristicsPack: FirstSynchronizedCharacteristics,
               DiagnosticsPack: FirstSynchronizedDiagnostics}
    return tuple(instead.get(p, p) for p in default_packs())


FIRST_SYNCHRONIZED = Variant(
    "first-synchronized", _first_synchronized_packs(),
    typology=Typology("first-synchronized", DEFAULT_TYPOLOGY.stages),
    description="Types by the first synchronized stage, whether or not the chain below holds.",
    source="smartsync.variants:FIRST_SYNCHRONIZED")


RELATIONS_PER_STAGE = Variant(
    "relations-per-stage", default_packs(),
    params=Parameters(stage_relations={"vision": ("adopted", "derived"),
                                       "mission": ("adopted", "derived")}),
    description="At the vision and mission stages only adopted and derived matches count; "
                "at target and program aligned ones count too.",
    source="smartsync.variants:RELATIONS_PER_STAGE")


def _budgeted_packs() -> tuple[type, ...]:
    from .rules.budgeted import BudgetedProgramsPack

    return default_packs() + (BudgetedProgramsPack,)


BUDGETED_PROGRAMS = Variant(
    "budgeted-programs", _budgeted_packs(),
    description="A masterplan program counts as synchronized only when its RPJMD "
                "counterpart has a pagu indikatif above zero.",
    source="smartsync.variants:BUDGETED_PROGRAMS")


def _cascading_packs() -> tuple[type, ...]:
    from .rules.cascading import CascadingPack

    return default_packs() + (CascadingPack,)


CASCADING = Variant(
    "cascading", _cascading_packs(),
    description="An element below the masterplan's top stage does not count when its parent "
                "is matched, but to no ancestor of its RPJMD counterpart; an element whose "
                "parents are unmatched starts the cascade (pohon kinerja).",
    source="smartsync.variants:CASCADING")


def _entry_points() -> dict[str, Any]:
    return {ep.name: ep for ep in metadata.entry_points(group=ENTRY_POINT_GROUP)}


def available_variants() -> dict[str, str]:
    """The names registered under the entry-point group, each with what it points to."""
    return {name: ep.value for name, ep in sorted(_entry_points().items())}


def _is_pack(value: Any) -> bool:
    return inspect.isclass(value) and bool(_pack_rules(value))


def _as_variant(obj: Any, spec: str) -> Variant:
    if isinstance(obj, Variant):
        return obj if obj.source else attrs.evolve(obj, source=spec)
    if isinstance(obj, Classifier):
        named = getattr(obj, "rule_set", None)
        own = named is not None and not named.is_default and named.source
        return Variant(named.name if own else spec, obj.packs, obj.typology, obj.params,
                       source=named.source if own else spec,
                       description=named.description("en") if own else "",
                       messages=obj.messages)
    if _is_pack(obj):
        return Variant(spec, default_packs() + (obj,), source=spec,
                       description=f"the default packs and {obj.__qualname__}")
    if isinstance(obj, types.ModuleType):
        if hasattr(obj, "VARIANT") and not isinstance(obj.VARIANT, types.ModuleType):
            # whatever module:VARIANT takes (a Variant, a Classifier, a pack, a list of
            # packs), the module's name alone takes too
            value = obj.VARIANT
            if (isinstance(value, (Variant, Classifier)) or _is_pack(value)
                    or (isinstance(value, (list, tuple)) and value
                        and all(_is_pack(p) for p in value))):
                # named as module:VARIANT names it, so both forms say the same rules
                return _as_variant(value, spec if ":" in spec else f"{spec}:VARIANT")
            raise RulePackError(f"{obj.__name__}.VARIANT is {type(value).__name__}, not a "
                                "Variant, a Classifier, a rule pack class or a list of them",
                                kind="not-found")
        variants = {name: v for name, v in vars(obj).items() if isinstance(v, Variant)}
        if len(variants) == 1:
            (name, variant), = variants.items()
            return _as_variant(variant, f"{spec}:{name}" if ":" not in spec else spec)
        if len(variants) > 1:
            raise RulePackError(f"module {obj.__name__} holds several variants "
                                f"({', '.join(sorted(variants))}) and no VARIANT: name one, "
                                f"e.g. {obj.__name__}:{sorted(variants)[0]}")
        packs = tuple(v for v in vars(obj).values()
                      if _is_pack(v) and v.__module__ == obj.__name__)
        if not packs:
            raise RulePackError(f"module {obj.__name__} holds no VARIANT, no Variant and no "
                                "rule pack (a class with experta rules) defined in it",
                                kind="not-found")
        return Variant(spec, default_packs() + packs, source=spec,
                       description=f"the default packs and those of {obj.__name__}")
    if isinstance(obj, (list, tuple)) and obj and all(_is_pack(p) for p in obj):
        return Variant(spec, default_packs() + tuple(obj), source=spec)
    raise RulePackError(f"{spec} is {type(obj).__name__}, not a Variant, a Classifier, a rule "
                        "pack class, a list of them or a module of them")


def _module_name_problem(name: str, spec: str) -> RulePackError | None:
    """Why ``name`` (the module part of ``spec``) cannot be a module name, or ``None``."""
    parts = name.split(".")
    if name and all(part.isidentifier() for part in parts):
        return None
    if not name:
        return RulePackError("", kind="not-found", message_key="no_module_name",
                             values={"spec": repr(spec)})
    if "/" in name or "\\" in name or name.endswith(".py"):
        from pathlib import PurePath

        path = PurePath(name)
        stem = path.stem if path.suffix == ".py" else path.name
        return RulePackError(
            "", kind="not-found", message_key="path", values={
                "name": repr(name), "spec": repr(spec), "folder": str(path.parent),
                "module": stem + (f":{spec.partition(':')[2]}" if ":" in spec else "")})
    stripped = ".".join(p for p in parts if p)
    close = stripped if stripped and all(p.isidentifier() for p in stripped.split(".")) else None
    return RulePackError("", suggestion=(close + spec[len(name):]) if close else None,
                         kind="not-found",
                         message_key="relative_name" if not all(parts) else "bad_module_name",
                         values={"name": repr(name), "spec": repr(spec)})


def _import(name: str, spec: str) -> types.ModuleType | None:
    """The module ``name`` (found on the module search path, else in the current folder),
    ``None`` when there is no such module; a module that fails on import (an error, a
    syntax error, ``sys.exit``) raises :class:`RulePackError` saying where."""
    import os
    import sys

    problem = _module_name_problem(name, spec)
    if problem is not None:
        raise problem
    for extra in (None, os.getcwd()):
        if extra is not None:
            if extra in sys.path or "" in sys.path:
                return None
            sys.path.append(extra)  # last: never shadows an installed module
            importlib.invalidate_caches()
        try:
            return importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # the module itself (or a package above it) is missing: look further; a
            # module the rules import that is missing is the rules' problem
            if exc.name is None or not (name == exc.name or name.startswith(exc.name + ".")):
                raise _import_failed(name, exc) from None
        except (Exception, SystemExit) as exc:  # noqa: B036 - a pack's module must not end us
            raise _import_failed(name, exc) from None
        finally:
            if extra is not None and extra in sys.path:
                sys.path.remove(extra)
    return None


def _import_failed(name: str, exc: BaseException) -> RulePackError:
    """The error of a module that failed on import, with the file and line."""
    import traceback

    if isinstance(exc, SyntaxError):
        where = f" at {exc.filename}:{exc.lineno}" if exc.filename else ""
        return RulePackError(f"module {name!r} cannot be imported: a syntax error{where}: "
                             f"{exc.msg}", module=name, kind="import")
    frames = list(traceback.walk_tb(exc.__traceback__))
    ours = [(f, n) for f, n in frames if "importlib" not in f.f_code.co_filename]
    where = f" ({ours[-1][0].f_code.co_filename}, line {ours[-1][1]})" if ours else ""
    if isinstance(exc, SystemExit):
        what = f"called sys.exit({exc.code!r}) when imported{where}"
    else:
        what = (f"raised {type(exc).__name__} when imported{where}"
                + (f": {exc}" if str(exc) else ""))
    return RulePackError(f"module {name!r} {what}", module=name, kind="import")


def load_variant(spec: str | Variant | Sequence[type] | type) -> Variant:
    """The variant ``spec`` names: an entry-point name (``goal-stage``), a
    ``module:object`` path, a module name (``mystudy.rules``: its ``VARIANT``,
    else its only :class:`Variant`, else the pack classes defined in it), or
    an object (a :class:`Variant`, a pack class, a list of pack classes) --
    pack classes are added to the default packs. A module is looked for on the
    module search path, then in the current folder.

    Raises :class:`~smartsync.RulePackError` naming what is wrong, with a
    "did you mean" for a misspelt name: ``kind`` ``"not-found"`` when the name
    names nothing, ``"import"`` when its module fails when imported (an error,
    a syntax error, ``sys.exit``).
    """
    if not isinstance(spec, str):
        return _as_variant(spec, getattr(spec, "name", None) or repr(spec))
    spec = spec.strip()
    if ":" in spec:
        module_name, _, attr = spec.partition(":")
        obj: Any = _import(module_name, spec)
        if obj is None:
            raise RulePackError("", suggestion=_close_module(module_name),
                                kind="not-found", message_key="no_module",
                                values={"module": repr(module_name), "spec": repr(spec)})
        for part in filter(None, attr.split(".")):
            try:
                obj = getattr(obj, part)
            except AttributeError:
                names = [n for n in dir(obj) if not n.startswith("_")]
                raise RulePackError("", suggestion=did_you_mean(part, names),
                                    module=module_name, kind="not-found",
                                    message_key="no_object",
                                    values={"module": repr(module_name), "name": repr(part),
                                            "spec": repr(spec)}) from None
        return _as_variant(obj, spec)
    eps = _entry_points()
    if spec not in eps:
        module_tried, path_problem = False, None
        known = sorted(eps) or ["default", "goal-stage", "first-synchronized"]
        if spec and all(part.isidentifier() for part in spec.split(".")):
            module = _import(spec, spec)
            if module is not None:
                return _as_variant(module, spec)
            module_tried = True
        else:
            problem = _module_name_problem(spec, spec)
            if problem is not None and ("/" in spec or "\\" in spec or spec.endswith(".py")):
                path_problem = problem
            elif problem is not None:
                raise RulePackError(
                    "", suggestion=did_you_mean(spec, known) or problem.suggestion,
                    kind="not-found", message_key=f"no_name.{problem.message_key}",
                    values={"spec": repr(spec), "known": ", ".join(known)})
        raise RulePackError(
            "", suggestion=did_you_mean(spec, known + _local_modules()), kind="not-found",
            message_key=("not_found" if module_tried or path_problem is None
                         else f"not_found.{path_problem.message_key}"),
            values={"spec": repr(spec), "known": ", ".join(known), "group": ENTRY_POINT_GROUP,
                    **(path_problem.values if path_problem is not None else {})})
    try:
        obj = eps[spec].load()
    except (Exception, SystemExit) as exc:  # noqa: B036 - a broken plug-in: say which
        raise RulePackError(f"the entry point {spec!r} ({eps[spec].value}) failed to load: "
                            f"{_import_failed(eps[spec].value.partition(':')[0], exc)}",
                            kind="import") from None
    return _as_variant(obj, f"{spec} ({eps[spec].value})")


def _local_modules() -> list[str]:
    """The names of the Python modules in the current folder (for a did-you-mean)."""
    from pathlib import Path

    try:
        return sorted(p.stem for p in Path.cwd().glob("*.py") if p.stem.isidentifier())[:200]
    except OSError:
        return []


def _close_module(name: str) -> str | None:
    return did_you_mean(name, _local_modules())


def load_classifier(spec: str | Variant) -> Classifier:
    """A classifier of the variant ``spec`` names (see :func:`load_variant`)."""
    return load_variant(spec).classifier()
