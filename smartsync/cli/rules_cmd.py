"""``smartsync rules``: the rule packs and rules in effect; ``--check`` tries them out.

Lists each pack and its rules, with the rule's whole description (its
docstring; ``--lang id``: in Indonesian) and where it is defined. ``--rules PACK`` selects a variant (an entry-point
name of the group ``smartsync.rules``, or ``module:object``). ``--check``
classifies many generated regions with the variant and reports any region
that gets no type or more than one, and any rule that never fired; exit 1
when a region got no type or several. Every third region is classified with
``aligned`` no longer counted at any stage, so that rules about relations
that do not count get their chance to fire.
"""

from __future__ import annotations

import argparse
import collections
import inspect
import sys
import textwrap

import attrs

from ..errors import RulePackError, SmartsyncError
from ..messages import rule_description
from ..model import Relation
from ..sample import typical_region
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, SUMMARIES
from ._common import UsageError, classifier_from


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser(
        "rules", help=SUMMARIES["rules"],
        description="List the rule packs and rules in effect, each with its description and "
                    "where it comes from.")
    parser.add_argument("--rules", default=None, metavar="PACK",
                        help="a typology variant or rule pack set: a registered name (see "
                             "--list-variants), a module name, or module:object")
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help="language of the rule descriptions: en (English) or id (Indonesian)")
    parser.add_argument("--check", action="store_true",
                        help="classify generated regions; report regions with no type or "
                             "several, and rules that never fire")
    parser.add_argument("--regions", type=int, default=300, metavar="N",
                        help="how many regions --check generates (default 300)")
    parser.add_argument("--seed", type=int, default=0, help="first seed of the generated regions")
    parser.add_argument("--list-variants", action="store_true",
                        help="list the variants registered under the entry-point group")
    parser.set_defaults(func=run)


def _where(rule: object) -> str:
    wrapped = getattr(rule, "_wrapped", None)
    try:
        file = inspect.getsourcefile(wrapped)  # type: ignore[arg-type]
        line = inspect.getsourcelines(wrapped)[1]  # type: ignore[arg-type]
        return f"{file}:{line}"
    except (TypeError, OSError):
        return getattr(wrapped, "__module__", "?")


def _description(spec: str) -> str:
    from ..variants import load_variant

    try:
        return load_variant(spec).description
    except (RulePackError, SmartsyncError, ImportError):
        return ""


def _variant_lines(spec: str) -> list[str]:
    """The variant's name, what it changes (its description) and the parameters it sets
    that differ from the defaults."""
    from ..typology import Parameters
    from ..variants import load_variant

    variant = load_variant(spec)
    lines = [f"variant: {variant.name} ({variant.source or spec})"]
    lines += ["  " + line for line in textwrap.wrap(variant.description, width=86)]
    params, default = variant.params, Parameters()
    if params.threshold != default.threshold:
        lines.append(f"  threshold: {params.threshold:g}")
    for stage, value in sorted(params.thresholds.items()):
        lines.append(f"  threshold at {stage}: {value:g}")
    if params.relations != default.relations:
        lines.append("  relations that count: "
                     + ", ".join(sorted(r.value for r in params.relations)))
    for stage, relations in params.stage_relations.items():
        lines.append(f"  relations that count at {stage}: "
                     + ", ".join(sorted(r.value for r in relations)))
    return lines


def run(args: argparse.Namespace) -> int:
    """List or check the rules; return the exit code."""
    if args.list_variants:
        from ..variants import available_variants

        for name, target in available_variants().items():
            print(f"{name}\t{target}\t{_description(name)}")
        return EXIT_OK
    try:
        classifier = classifier_from(args)
    except UsageError as exc:
        print(f"smartsync rules: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.check:
        return _check(classifier, args)
    if args.rules:
        for line in _variant_lines(args.rules):
            print(line)
    print(f"typology: {classifier.typology.name} (stages: "
          f"{' -> '.join(classifier.typology.stages)})")
    current = None
    for info in classifier.rules():
        if info.pack != current:
            current = info.pack
            print(f"\npack {info.pack}")
        described = rule_description(info.name, args.lang, info.description) \
            or "(no description)"
        print(f"  {info.name}  [salience {info.salience}]")
        for line in textwrap.wrap(described, width=88):
            print(f"    {line}")
        print(f"    defined at {_where(info.rule)}")
    return EXIT_OK


def _check(classifier: object, args: argparse.Namespace) -> int:
    if args.regions < 1:
        print("smartsync rules: --regions must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    typology = classifier.typology  # type: ignore[attr-defined]
    levels = tuple(dict.fromkeys(("vision", "mission") + typology.stages + ("target", "program")))
    order = {"vision": 0, "mission": 1, "goal": 2, "target": 3, "strategy": 4, "policy": 5,
             "program": 6, "activity": 7}
    levels = tuple(sorted(levels, key=lambda level: order.get(level, 9)))
    fired: collections.Counter[str] = collections.Counter()
    types: collections.Counter[str] = collections.Counter()
    bad = 0
    params = classifier.params  # type: ignore[attr-defined]
    narrower = attrs.evolve(params, stage_relations={
        stage: params.relations_for(stage) - {Relation.ALIGNED} or params.relations_for(stage)
        for stage in typology.stages})
    for seed in range(args.seed, args.seed + args.regions):
        region = typical_region(seed, levels=levels, varied=True)
        try:
            result = classifier.classify(  # type: ignore[attr-defined]
                region, params=narrower if seed % 3 == 2 else params)
        except RulePackError as exc:
            bad += 1
            print(f"region {region.id} (seed {seed}): {exc}")
            continue
        except SmartsyncError as exc:  # pragma: no cover - generated regions are valid
            bad += 1
            print(f"region {region.id} (seed {seed}): {exc}")
            continue
        types[result.type.value] += 1
        fired.update(set(result.rules_fired))
    print(f"{args.regions} generated regions: "
          + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    never = [info for info in classifier.rules() if fired[info.name] == 0]  # type: ignore[attr-defined]
    for info in never:
        print(f"rule never fired: {info.name} ({info.pack})")
    if bad:
        print(f"{bad} region(s) got no type or more than one")
        return EXIT_INVALID
    print("every region got exactly one type" + ("" if never else "; every rule fired"))
    return EXIT_OK
