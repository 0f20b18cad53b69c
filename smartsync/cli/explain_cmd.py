"""``smartsync explain FILE``: how a conclusion was reached, why a type was not, what to change.

Without options, prints the classification with how the type was concluded (a
checklist in plain words: the conditions that held, stage by stage, with the
figures, the elements and the matches behind them) and why not each other type.
``--trace`` adds the fact tree (rule names and fact numbers, for rule authors)
and the rule firings.

``--how WHAT`` explains one conclusion: the type (``type``, ``tipe``, a letter
``A``-``D``, ``type B``, ``tipe B``), a stage (``stage:mission``, ``tahap misi``,
or a stage name: ``mission``, ``misi``), a characteristic key (``integration``),
a masterplan element (``element:SP3``, ``unsur SP3``: why it is synchronized
or not), a diagnostic code (``orphan_programs``), ``funding`` (``pendanaan``), a fact
number (``25`` or ``#25``) or a rule firing (``step 12``, ``langkah 12``). Asked
about a type the region does not have, it says so and gives the why-not.

``--why-not TYPE`` lists each condition that failed, with the figures behind it
(of the region's own type it says that it is the region's type); ``--to TYPE``
says what to change to reach the type. Exit 0, 1 for a bad file, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import RulePackError, SmartsyncError, coded_problem
from ..messages import text, type_name
from ..explain import explain
from ..render import render
from ..render.text import (how_lines, own_type_line, stability_lines, to_reach_lines,
                           why_not_lines)
from ..trace import Derivation
from . import EXIT_INVALID, EXIT_OK, EXIT_RULES, EXIT_USAGE, Help, SUMMARIES
from ._common import (
    add_engine_arguments, add_region_arguments, engine_from, regions_from, with_suggestions,
)


def register(subparsers: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """Add the ``explain`` subcommand."""
    parser = subparsers.add_parser(
        "explain", help=SUMMARIES["explain"],
        description=Help("explain.description"))
    add_region_arguments(parser, many=False)
    # a second file is a mistake to explain, not argparse's "unrecognized arguments"
    parser.add_argument("more_files", nargs="*", metavar="FILE", help=argparse.SUPPRESS)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--why-not", metavar="TYPE", help=Help("explain.why_not"))
    group.add_argument("--how", metavar="WHAT",
                       help=Help("explain.how"))
    group.add_argument("--to", metavar="TYPE", help=Help("explain.to"))
    parser.add_argument("--trace", action="store_true",
                        help=Help("explain.trace"))
    parser.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                        help=Help("explain.format"))
    add_engine_arguments(parser)
    parser.set_defaults(func=run)


def _derivation_dict(d: Derivation) -> dict:
    return {"fact": {"id": d.fact.id, "kind": d.fact.kind, "fields": d.fact.fields,
                     "input": d.fact.input, "internal": d.fact.internal},
            "rule": d.step.rule if d.step else None,
            "step": d.step.number if d.step else None,
            "premises": [_derivation_dict(p) for p in d.premises]}


_TYPE_WORDS = ("type", "tipe")
_STAGE_WORDS = ("stage", "tahap")
_FACT_WORDS = ("fact", "fakta")
_STEP_WORDS = ("step", "langkah")
_FUNDING_WORDS = ("funding", "pendanaan")


class _Unknown(ValueError):
    pass


def parse_type(typology: Any, value: str, lang: str = "en") -> Any:
    """The type ``value`` names; a ValueError saying what is accepted, in ``lang``."""
    try:
        return typology.parse_type(value)
    except ValueError as exc:
        values = getattr(exc, "values", None)
        if values is None:
            raise
        said = text("explain.usage.unknown_type", lang, **values)
        if values["close"]:
            said += text("problem.did_you_mean", lang, suggestion=values["close"])
        raise _Unknown(said) from None


def resolve(c: Any, asked: str, lang: str = "en") -> tuple[str, Any]:
    """What ``--how`` asks about: ``("type", member)``, ``("conclusion", [objects for
    Classification.how])``. Raises ValueError naming what is accepted, in ``lang``."""
    words = asked.strip()
    lowered = words.lower()
    parts = re.split(r"[:\s]+", words, maxsplit=1)
    head, rest = parts[0].lower(), (parts[1].strip() if len(parts) > 1 else "")
    if lowered in _TYPE_WORDS or lowered == "":
        return "type", c.type
    if head in _TYPE_WORDS and rest:
        return "type", parse_type(c.typology, rest, lang)
    number = re.fullmatch(r"#?(\d+)", lowered)
    if number or (head in _FACT_WORDS and re.fullmatch(r"#?\d+", rest)):
        fact_id = int((number.group(1) if number else rest.lstrip("#")))
        if fact_id not in c.trace.facts or c.trace.facts[fact_id].kind == "InitialFact":
            raise _Unknown(text("explain.usage.no_fact", lang, id=fact_id,
                                last=max(c.trace.facts)))
        return "conclusion", [fact_id]
    if head in _STEP_WORDS and re.fullmatch(r"\d+", rest):
        n = int(rest)
        if not 1 <= n <= len(c.trace.steps):
            raise _Unknown(text("explain.usage.no_step", lang, step=n, count=len(c.trace.steps)))
        step = c.trace.steps[n - 1]
        if not step.asserted:
            raise _Unknown(text("explain.usage.step_no_fact", lang, step=n, rule=step.rule))
        return "conclusion", list(step.asserted)
    if head in _STAGE_WORDS and rest:
        from ..model import Level

        try:
            stage = Level.parse(rest).value
        except ValueError:
            stage = None
        if stage not in c.stages:
            raise _Unknown(text("explain.usage.no_stage", lang, stage=repr(rest),
                                expected=", ".join(f"stage:{s}" for s in c.typology.stages)))
        return "conclusion", [f"stage:{stage}"]
    if head in ("element", "unsur", "elemen") and rest:
        try:
            c.how(f"element:{rest}")  # raises ValueError for an unknown element
        except ValueError as exc:
            raise _Unknown(_unknown_element(c, rest, lang) or str(exc)) from None
        return "conclusion", [f"element:{rest}"]
    if len(words) == 1 and words.isalpha():
        return "type", parse_type(c.typology, words, lang)
    # a bare stage word ("misi", "mission") names the stage, whatever the region's type
    # (newuser F214: it gave the type's derivation where the type starts there)
    from ..model import Level

    try:
        bare = Level.parse(words).value
    except ValueError:
        bare = None
    if bare in c.stages:
        return "conclusion", [f"stage:{bare}"]
    if lowered in _FUNDING_WORDS:
        if c.funding is None:
            raise _Unknown(text("explain.usage.no_funding", lang))
        return "conclusion", [c.funding]
    characteristic = c.characteristic(lowered)
    if characteristic is not None:
        return "conclusion", [characteristic]
    diagnostics = c.diagnostics_with(lowered)
    if diagnostics:
        return "conclusion", list(diagnostics)
    try:
        parsed = c.typology.parse_type(words)
    except ValueError:
        parsed = None
    if parsed is not None:
        if parsed == c.type or parsed.value not in c.stages:
            return "type", parsed
        return "conclusion", [f"stage:{parsed.value}"]
    accepted = ["type", text("explain.usage.a_letter", lang,
                             last="ABCDEFGH"[len(c.typology.stages) - 1]),
                "stage:NAME"] + [ch.key for ch in c.characteristics] + \
        sorted({d.code for d in c.diagnostics}) + ["funding", text("explain.usage.a_fact", lang),
                                                   text("explain.usage.a_step", lang)]
    raise _Unknown(text("explain.usage.nothing_named", lang, asked=repr(asked),
                        expected=", ".join(accepted)))


def _unknown_element(c: Any, asked: str, lang: str = "en") -> str | None:
    """Why ``element:ASKED`` names no masterplan element with a conclusion, with a "did you
    mean": an RPJMD id (its matched masterplan elements), a misspelt or miscased id; in
    ``lang``."""
    from ..errors import did_you_mean
    from ..messages import stage_name

    region = c.region
    if region is None:
        return None
    stages = set(c.typology.stages)
    ours = [e.id for e in region.masterplan.elements if e.level.value in stages]
    theirs = {e.id: e for e in region.rpjmd.elements}
    if asked in theirs:
        matched = sorted({m.masterplan for m in region.matches if m.rpjmd == asked})
        hint = (text("explain.usage.matched_to_it", lang, ids=", ".join(matched),
                     first=matched[0]) if matched
                else text("explain.usage.none_matched_to_it", lang))
        return text("explain.usage.rpjmd_element", lang, id=asked,
                    level=stage_name(theirs[asked].level.value, lang), hint=hint)
    by_case = {i.lower(): i for i in ours}
    close = by_case.get(asked.lower()) or did_you_mean(asked, ours)
    other = next((e for e in region.masterplan.elements if e.id == asked), None)
    if other is not None:
        return text("explain.usage.not_at_a_stage", lang, id=asked,
                    level=stage_name(other.level.value, lang),
                    stages=", ".join(stage_name(s, lang) for s in c.typology.stages))
    if close:
        return text("explain.usage.no_element_close", lang, id=repr(asked),
                    region=repr(c.region_id), close=close)
    return text("explain.usage.no_element", lang, id=repr(asked), region=repr(c.region_id),
                ids=", ".join(ours[:12]) + (", ..." if len(ours) > 12 else ""))


def _how(result: Any, args: argparse.Namespace) -> int:
    from ..render.plain import checklist

    try:
        kind, what = resolve(result, args.how, args.lang)
    except ValueError as exc:
        print(f"smartsync explain: --how: {exc}", file=sys.stderr)
        return EXIT_USAGE
    lang = args.lang
    if kind == "type" and what != result.type:
        name = type_name(what, result.typology.letter(what), lang)
        lines = [text("how.not_the_type", lang, letter=result.typology.letter(what) or name,
                      own=type_name(result.type, result.type_letter, lang))]
        lines += why_not_lines(result, lang, [what])
        reasons = result.why_not(what)
        if args.format == "json":
            print(json.dumps({"region": result.region_id, "how": args.how,
                              "type": result.type.value, "is_type": False,
                              "why_not": what.value,
                              "reasons": [dict(r.to_dict(), message=r.message(lang))
                                          for r in reasons],
                              "message": lines[0]}, ensure_ascii=False))
        else:
            _print(lines, args.format)
        return EXIT_OK
    targets = [None] if kind == "type" else what
    # an element synchronized by several counting matches: the derivation of each (F196)
    derivations = [d for t in targets for d in result.how_each(t)]
    if args.format == "json":
        print(json.dumps({"region": result.region_id, "how": args.how,
                          "derivation": _derivation_dict(derivations[0]),
                          "derivations": [_derivation_dict(d) for d in derivations],
                          "checklist": [line for t in targets
                                        for line in checklist(result, lang, t)]},
                         ensure_ascii=False))
        return EXIT_OK
    lines: list[str] = []
    for t in targets:
        lines += checklist(result, lang, t)
        if args.trace:
            lines += ["", text("heading.trace_tree", lang)]
            lines += ["  " + line for derivation in result.how_each(t)
                      for line in how_lines(derivation, lang)]
    _print(lines, args.format)
    return EXIT_OK


def _print(lines: list[str], fmt: str) -> None:
    if fmt == "markdown":
        from ..render.markdown import _nested

        lines = _nested(lines)
    print("\n".join(lines))


def _to(result: Any, args: argparse.Namespace) -> int:
    from ..advice import stability, to_reach

    try:
        wanted = parse_type(result.typology, args.to, args.lang)
    except ValueError as exc:
        print(f"smartsync explain: --to: {exc}", file=sys.stderr)
        return EXIT_USAGE
    lang = args.lang
    letter = result.typology.letter(wanted)
    own, rank = result.type, _rank(result)
    if letter is not None and rank(wanted) > rank(own):
        advice = to_reach(result, types=[wanted])
        if args.format == "json":
            print(json.dumps({"region": result.region_id, "type": own.value, "to": letter,
                              "to_reach": {k: v.to_dict(lang) for k, v in advice.items()}},
                             ensure_ascii=False))
            return EXIT_OK
        _print(to_reach_lines(result, lang, advice), args.format)
        return EXIT_OK
    if wanted != own:
        # a lower type: what would make the region fall to it
        from ..advice import to_fall
        from ..render.text import to_fall_lines

        fall = to_fall(result, wanted)
        said = to_fall_lines(result, lang, fall)
        if args.format == "json":
            print(json.dumps({"region": result.region_id, "type": own.value, "to": letter,
                              "to_reach": {}, "to_fall": fall.to_dict(), "messages": said},
                             ensure_ascii=False))
            return EXIT_OK
        _print(said, args.format)
        return EXIT_OK
    head = (text("advice.own", lang, letter=letter) if letter is not None else
            own_type_line(own, result.type_letter, lang))
    steady = stability(result)
    if args.format == "json":
        print(json.dumps({"region": result.region_id, "type": own.value, "to": letter,
                          "to_reach": {}, "stability": steady.to_dict(), "message": head},
                         ensure_ascii=False))
        return EXIT_OK
    _print([head] + stability_lines(result, lang, steady), args.format)
    return EXIT_OK


def _rank(result: Any) -> Any:
    def rank(t: Any) -> int:
        letter = result.typology.letter(t)
        if letter is None:
            return 0
        return len(result.typology.stages) - result.typology.stages.index(t.value)
    return rank


def run(args: argparse.Namespace) -> int:
    """Explain one file's classification; return the exit code."""
    if args.more_files:
        given = [args.files, *args.more_files]
        print("smartsync explain: " + text(
            "explain.usage.one_file", args.lang, count=len(given),
            files=", ".join(given[:3]) + (", ..." if len(given) > 3 else "")), file=sys.stderr)
        return EXIT_USAGE
    from ..io.paths import path_kind

    if path_kind(Path(args.files)) == "dir":  # a folder holds many regions: none left out unsaid
        print(coded_problem("explain-folder", {}, file=args.files).format(args.lang),
              file=sys.stderr)
        return EXIT_USAGE
    engine = engine_from(args, "explain")
    if engine is None:
        return EXIT_USAGE
    classifier, params = engine
    for name, region in regions_from([args.files], args.lang):
        if region is None:
            return EXIT_INVALID
        try:
            result = classifier.classify(with_suggestions(region, args), params=params)
        except SmartsyncError as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return EXIT_RULES if isinstance(exc, RulePackError) else EXIT_INVALID
        if args.why_not:
            try:
                wanted = parse_type(result.typology, args.why_not, args.lang)
            except ValueError as exc:
                print(f"smartsync explain: --why-not: {exc}", file=sys.stderr)
                return EXIT_USAGE
            reasons = result.why_not(wanted)
            if args.format == "json":
                print(json.dumps({"region": result.region_id, "type": result.type.value,
                                  "why_not": wanted.value, "is_type": wanted == result.type,
                                  "reasons": [dict(r.to_dict(), message=r.message(args.lang))
                                              for r in reasons]}, ensure_ascii=False))
            else:
                _print(why_not_lines(result, args.lang, [wanted]), args.format)
        elif args.how:
            return _how(result, args)
        elif args.to:
            return _to(result, args)
        else:
            sys.stdout.write(render(explain(result), args.format, lang=args.lang, explain=True,
                                    trace=args.trace))
    return EXIT_OK
