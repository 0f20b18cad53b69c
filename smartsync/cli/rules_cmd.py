"""``smartsync rules``: the rule packs and rules in effect; ``--check`` tries them out.

Lists each pack and its rules, with the rule's whole description (its
docstring; ``--lang id``: in Indonesian) and where it is defined. ``--rules PACK`` selects a variant (an entry-point
name of the group ``smartsync.rules``, or ``module:object``). ``--check``
classifies many generated regions with the variant and reports any region
that gets no type or more than one (naming the rules that concluded them), any
rule that raised an error or fired past the firing limit (naming the module, the
rule and the fact; after two regions reach the limit the check stops, it does not
hang), and any rule that never fired, counting them together; exit 1 on any of
them (a rule that never fires is allowed with ``--allow-unfired``), 2 on a usage
error, 4 when the pack cannot be imported. Every third region is classified with
``aligned`` no longer counted at any stage, so that rules about relations
that do not count get their chance to fire, and every fourth region's masterplan
has the RPJMD's hierarchy, matched element to twin, so that rules that follow
the hierarchy (cascading) do. Three regions in five have what drafted files often
have (:func:`smartsync.sample.typical_region`'s ``shapes``): RPJMD programs without a
code, without a budget or with a budget of 0, masterplan programs without a
dimension, elements without a parent, each an independent choice.
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
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE, Help, SUMMARIES
from ._common import UsageError, add_firings_argument, classifier_from, usage_line


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``rules`` subcommand."""
    parser = subparsers.add_parser(
        "rules", help=SUMMARIES["rules"],
        description=Help("rules.description"))
    parser.add_argument("--rules", default=None, metavar="PACK",
                        help=Help("rules.rules"))
    parser.add_argument("--lang", choices=("en", "id"), default="en",
                        help=Help("rules.lang"))
    parser.add_argument("--check", action="store_true",
                        help=Help("rules.check"))
    parser.add_argument("--allow-unfired", action="store_true",
                        help=Help("rules.allow_unfired"))
    add_firings_argument(parser)
    parser.add_argument("--regions", type=int, default=300, metavar="N",
                        help=Help("rules.regions"))
    parser.add_argument("--seed", type=int, default=0, help=Help("rules.seed"))
    parser.add_argument("--list-variants", action="store_true",
                        help=Help("rules.list_variants"))
    parser.set_defaults(func=run)


def _where(rule: object) -> str:
    wrapped = getattr(rule, "_wrapped", None)
    try:
        file = inspect.getsourcefile(wrapped)  # type: ignore[arg-type]
        line = inspect.getsourcelines(wrapped)[1]  # type: ignore[arg-type]
        return f"{file}:{line}"
    except (TypeError, OSError):
        return getattr(wrapped, "__module__", "?")


def _description(spec: str, lang: str = "en") -> str:
    from ..messages import variant_description
    from ..variants import load_variant

    try:
        return variant_description(load_variant(spec), lang)
    except (RulePackError, SmartsyncError, ImportError):
        return ""


def _variant_lines(spec: str, lang: str = "en") -> list[str]:
    """The variant's name, what it changes (its description) and the parameters it sets
    that differ from the defaults, in ``lang``."""
    from ..messages import format_value, stage_name, text, variant_description
    from ..typology import Parameters
    from ..variants import load_variant

    variant = load_variant(spec)
    lines = [text("rules.variant", lang, name=variant.name, source=variant.source or spec)]
    lines += ["  " + line for line in textwrap.wrap(variant_description(variant, lang), width=86)]
    params, default = variant.params, Parameters()
    if params.threshold != default.threshold:
        lines.append("  " + text("rules.threshold", lang,
                                 value=format_value("threshold", params.threshold, lang)))
    for stage, value in sorted(params.thresholds.items()):
        lines.append("  " + text("rules.threshold_at", lang, stage=stage_name(stage, lang),
                                 value=format_value("threshold", value, lang)))
    if params.relations != default.relations:
        lines.append("  " + text("rules.relations", lang,
                                 relations=format_value("relations", params.relations, lang)))
    for stage, relations in params.stage_relations.items():
        lines.append("  " + text("rules.relations_at", lang, stage=stage_name(stage, lang),
                                 relations=format_value("relations", relations, lang)))
    return lines


def run(args: argparse.Namespace) -> int:
    """List or check the rules; return the exit code."""
    if args.list_variants:
        from ..variants import available_variants

        for name, target in available_variants().items():
            print(f"{name}\t{target}\t{_description(name, args.lang)}")
        return EXIT_OK
    try:
        classifier = classifier_from(args)
    except UsageError as exc:
        print(usage_line("rules", exc, args.lang), file=sys.stderr)
        return EXIT_USAGE
    if args.check:
        return _check(classifier, args)
    from ..messages import stage_name, text

    lang = args.lang
    if args.rules:
        for line in _variant_lines(args.rules, lang):
            print(line)
    print(text("rules.typology", lang, name=classifier.typology.name,
               stages=" -> ".join(stage_name(s, lang) for s in classifier.typology.stages)))
    current = None
    for info in classifier.rules():
        if info.pack != current:
            current = info.pack
            print("\n" + text("rules.pack", lang, pack=info.pack))
        described = rule_description(info.name, lang, info.description) \
            or text("rules.no_description", lang)
        print("  " + text("rules.rule", lang, rule=info.name, salience=info.salience))
        for line in textwrap.wrap(described, width=88):
            print(f"    {line}")
        print("    " + text("rules.defined_at", lang, where=_where(info.rule)))
    return EXIT_OK


#: regions that reach the firing limit before ``--check`` stops trying more (each such
#: region runs up to the limit: seconds, not milliseconds)
_LIMIT_FAILURES = 2
#: regions named per failure in ``--check``'s report
_NAMED = 5


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
    # failures alike (the same kind, rule and module) reported once, with their regions
    failures: dict[tuple, list[tuple[str, RulePackError]]] = {}
    bad = tried = limited = 0
    seen_kinds: set[str] = set()  # the kinds of fact present in any region's working memory
    params = classifier.params  # type: ignore[attr-defined]
    narrower = attrs.evolve(params, stage_relations={
        stage: params.relations_for(stage) - {Relation.ALIGNED} or params.relations_for(stage)
        for stage in typology.stages})
    for seed in range(args.seed, args.seed + args.regions):
        if limited >= _LIMIT_FAILURES:
            break
        region = typical_region(seed, levels=levels, varied=True, mirrored=seed % 4 == 3,
                                shapes=True, second_visions=True)
        tried += 1
        try:
            result = classifier.classify(  # type: ignore[attr-defined]
                region, params=narrower if seed % 3 == 2 else params)
        except RulePackError as exc:
            bad += 1
            limited += exc.kind == "limit"
            fired.update(dict(exc.firings))  # what fired before it failed fired
            key = (exc.kind, exc.rule, exc.module) if exc.rule or exc.module else (str(exc),)
            failures.setdefault(key, []).append((f"{region.id} (seed {seed})", exc))
            continue
        except SmartsyncError as exc:  # pragma: no cover - generated regions are valid
            bad += 1
            failures.setdefault((str(exc),), []).append((f"{region.id} (seed {seed})", exc))
            continue
        types[result.type.value] += 1
        fired.update(set(result.rules_fired))
        seen_kinds.update(record.kind for record in result.trace.facts.values())
    from ..messages import stage_name, text

    lang = getattr(args, "lang", "en")

    def say(key: str, **values: object) -> str:
        return text(f"rules.check.{key}", lang, **values)

    counted = [f"{stage_name(t, lang) if t != 'unsynchronized' else text('batch.unsynchronized', lang)} {n}"
               for t, n in sorted(types.items())]
    print(say("generated", tried=tried, types=", ".join(
        counted + ([f"{text('batch.failed', lang)} {bad}"] if bad else []))))
    for regions in failures.values():
        names = ", ".join(name for name, _ in regions[:_NAMED])
        more = say("more", count=len(regions) - _NAMED) if len(regions) > _NAMED else ""
        print(say("failed", count=len(regions), names=names, more=more, error=regions[0][1]))
    if limited >= _LIMIT_FAILURES and tried < args.regions:
        print(say("stopped", limited=limited, left=args.regions - tried))
    unfired = [info for info in classifier.rules() if fired[info.name] == 0]  # type: ignore[attr-defined]
    # a rule whose pattern asks for a kind of fact that no region's working memory ever held
    # waits for another pack (a hook such as ConditionFailed, which a variant's rules
    # conclude): said so, not counted as a rule that cannot fire
    waiting = {info.name: kinds for info in unfired
               if (kinds := sorted(_pattern_kinds(info.rule) - seen_kinds))}
    never = [info for info in unfired if info.name not in waiting]
    for info in unfired:
        if info.name in waiting:
            print(say("waiting", kinds=", ".join(waiting[info.name]), rule=info.name, pack=info.pack))
        else:
            print(say("never", rule=info.name, pack=info.pack))
    if bad or (never and not args.allow_unfired):
        said = []
        if bad:
            said.append(say("bad", bad=bad, tried=tried))
        if never:
            said.append(say("never_allowed" if args.allow_unfired else "never_count", count=len(never)))
        print("; ".join(said))
        return EXIT_INVALID
    if never:
        print(say("one_type_never", count=len(never)))
    elif waiting:
        print(say("one_type_waiting", count=len(waiting)))
    else:
        print(say("one_type"))
    return EXIT_OK


def _pattern_kinds(rule: object) -> set[str]:
    """The kinds of fact a rule's positive patterns ask for (not those under a NOT)."""
    from ..rules import patterns

    return {type(pattern).__name__ for pattern in patterns(rule)}
