"""``smartsync explain FILE``: how a conclusion was reached, or why a type was not.

``--why-not TYPE`` (vision, mission, target, program, unsynchronized, or a
letter A-D) lists each condition that failed, with the figures behind it;
``--how TYPE|STAGE`` prints the derivation tree of the type (``--how type``
or the type's name), of a stage's result (``--how stage:mission``, or a
stage name other than the type) or of a masterplan element's
(``--how element:SP3``) down to the region's elements and matches.
Without either, prints the full explanation.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import SmartsyncError
from ..render import render
from ..render.text import how_lines, why_not_lines
from ..trace import Derivation
from . import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from ._common import (
    add_engine_arguments, add_region_arguments, engine_from, regions_from, with_suggestions,
)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``explain`` subcommand."""
    parser = subparsers.add_parser(
        "explain", help="explain a region's classification: how, and why not",
        description="Explain how a region's type (or a stage result) was concluded, or why "
                    "the region did not get another type.")
    add_region_arguments(parser, many=False)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--why-not", metavar="TYPE", help="why the region is not of this type")
    group.add_argument("--how", metavar="TYPE|STAGE",
                       help="how the type (or stage:NAME, or element:ID) was concluded")
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    add_engine_arguments(parser)
    parser.set_defaults(func=run)


def _derivation_dict(d: Derivation) -> dict:
    return {"fact": {"id": d.fact.id, "kind": d.fact.kind, "fields": d.fact.fields,
                     "input": d.fact.input, "internal": d.fact.internal},
            "rule": d.step.rule if d.step else None,
            "step": d.step.number if d.step else None,
            "premises": [_derivation_dict(p) for p in d.premises]}


def run(args: argparse.Namespace) -> int:
    """Explain one file's classification; return the exit code."""
    engine = engine_from(args, "explain")
    if engine is None:
        return EXIT_USAGE
    classifier, params = engine
    for name, region in regions_from([args.files]):
        if region is None:
            return EXIT_INVALID
        try:
            result = classifier.classify(with_suggestions(region, args), params=params)
        except SmartsyncError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return EXIT_INVALID
        if args.why_not:
            try:
                wanted = result.typology.parse_type(args.why_not)
            except ValueError as exc:
                print(f"smartsync explain: --why-not: {exc}", file=sys.stderr)
                return EXIT_USAGE
            reasons = result.why_not(wanted)
            if args.format == "json":
                print(json.dumps({"region": result.region_id, "type": result.type.value,
                                  "why_not": wanted.value,
                                  "reasons": [dict(r.to_dict(), message=r.message(args.lang))
                                              for r in reasons]}, ensure_ascii=False))
            else:
                lines = why_not_lines(result, args.lang, [wanted])
                if not reasons:
                    from ..messages import type_name

                    lines = [f"{type_name(result.type, result.type_letter, args.lang)}"]
                prefix = "- " if args.format == "markdown" else ""
                print("\n".join(prefix + line if i == 0 else line for i, line in enumerate(lines)))
        elif args.how:
            try:
                derivation = result.how(args.how)
            except ValueError as exc:
                print(f"smartsync explain: --how: {exc}", file=sys.stderr)
                return EXIT_USAGE
            if args.format == "json":
                print(json.dumps({"region": result.region_id, "how": args.how,
                                  "derivation": _derivation_dict(derivation)}, ensure_ascii=False))
            else:
                lines = how_lines(derivation, args.lang)
                if args.format == "markdown":
                    lines = ["```"] + lines + ["```"]
                print("\n".join(lines))
        else:
            sys.stdout.write(render(result, args.format, lang=args.lang, explain=True))
    return EXIT_OK
