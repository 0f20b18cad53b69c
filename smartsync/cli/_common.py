"""What the classifying subcommands share: region loading, parameters, rule packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Iterable, Iterator

from ..errors import Problem, Severity
from ..io import check_region_file
from ..model import Region, Relation
from ..typology import Parameters
from . import path_argument

__all__ = ["add_region_arguments", "add_parameter_arguments", "add_engine_arguments",
           "add_rules_argument",
           "engine_from", "regions_from", "params_from",
           "classifier_from", "print_problems", "usage_line"]


def helped(action: argparse.Action, key: str) -> argparse.Action:
    """``action`` with its help worded by the catalogs' ``help.<key>`` under ``--help --lang id``
    (its English is the catalog's English too: the help given to ``add_argument``)."""
    action.help_key = key  # type: ignore[attr-defined]
    return action


def _help(key: str, **values: Any) -> str:
    """The help of an option (or a command's description), from the catalogs
    (``help.<key>``): English, worded again in the language of ``--help --lang id``."""
    from . import Help

    return Help(key, **values)


def add_region_arguments(parser: argparse.ArgumentParser, many: bool = True) -> None:
    """FILE arguments."""
    key = "files" if many else "file"
    helped(parser.add_argument("files", nargs="+" if many else None, metavar="FILE", type=path_argument,
                               help=_help(key)), key)


#: what ``--threshold`` takes, said when it refuses a value (the catalogs word it: argparse.threshold)
THRESHOLD_FORMS = "must be above 0 and at most 1: a decimal (0.5 or 0,5), a fraction (2/3) or a percentage (50%)"


def threshold_argument(text: str) -> float:
    """A coverage threshold as a planner writes it: ``0.5``, ``0,5``, ``50%`` or ``2/3``.

    Read exactly (``2/3`` is two thirds, as the stability lines and ``study`` write a
    bound); the rules get the fraction's float, which compares with a coverage ``k/n``
    as the fraction does (:mod:`smartsync._exact`)."""
    from .._exact import parse_threshold

    try:
        value = parse_threshold(text)
        if not 0 < value <= 1:
            raise ValueError(text)
    except ValueError:
        raw = text.strip().replace(",", ".")
        try:
            number = float(raw)
        except ValueError:
            number = None
        if number is not None and 1 < number <= 100:
            raise argparse.ArgumentTypeError(
                f"{THRESHOLD_FORMS}, got {text!r} (did you mean {number / 100:g}, that is "
                f"{number:g}%?)") from None
        raise argparse.ArgumentTypeError(f"{THRESHOLD_FORMS}, got {text!r}") from None
    return float(value)


def add_parameter_arguments(parser: argparse.ArgumentParser) -> None:
    """--lang, --threshold, --relations, --stage-relations (read with :func:`params_from`)."""
    helped(parser.add_argument("--lang", choices=("en", "id"), default="en", help=_help("lang")), "lang")
    helped(parser.add_argument("--threshold", type=threshold_argument, default=None, metavar="X",
                               help=_help("threshold")), "threshold")
    helped(parser.add_argument("--relations", default=None, metavar="R[,R...]", help=_help("relations")),
           "relations")
    helped(parser.add_argument("--stage-relations", default=None, metavar="STAGE=R[+R...][;...]",
                               help=_help("stage_relations")), "stage_relations")


def add_rules_argument(parser: argparse.ArgumentParser) -> None:
    """--rules (read with :func:`engine_from`)."""
    helped(parser.add_argument("--rules", default=None, metavar="PACK", help=_help("rules")), "rules")
    add_firings_argument(parser)


def add_firings_argument(parser: argparse.ArgumentParser) -> None:
    """--max-firings (read with :func:`classifier_from`)."""
    helped(parser.add_argument("--max-firings", type=firings_argument, default=None, metavar="N",
                               help=_help("max_firings")), "max_firings")


def add_engine_arguments(parser: argparse.ArgumentParser) -> None:
    """--lang, --threshold, --relations, --rules, --suggest."""
    add_parameter_arguments(parser)
    add_rules_argument(parser)
    helped(parser.add_argument("--suggest", action="store_true", help=_help("suggest")), "suggest")


def params_from(args: argparse.Namespace, base: Parameters | None = None) -> Parameters | None:
    """The parameters the arguments ask for (``None``: the classifier's own)."""
    stage_relations = getattr(args, "stage_relations", None)
    if args.threshold is None and args.relations is None and stage_relations is None:
        return None
    base = base or Parameters()
    try:
        return Parameters(
            threshold=base.threshold if args.threshold is None else args.threshold,
            thresholds=base.thresholds,
            relations=base.relations if args.relations is None
            else [r for r in args.relations.split(",") if r.strip()],
            stage_relations=base.stage_relations if stage_relations is None
            else stage_relations,
        )
    except ValueError as exc:
        raise UsageError(str(exc) + _did_you_mean(str(exc))) from None


def _did_you_mean(message: str) -> str:
    """' (did you mean 'adopted'?)' for 'unknown relation 'adopt'...' when a name is close."""
    import re

    from ..errors import did_you_mean
    from ..model import Level

    found = re.search(r"unknown (relation|level|stage) '([^']*)'", message)
    if found is None or "did you mean" in message:
        return ""
    names = ([r.value for r in Relation] if found.group(1) == "relation"
             else [level.value for level in Level])
    close = did_you_mean(found.group(2), names)
    return f" (did you mean {close!r}?)" if close else ""


class UsageError(Exception):
    """A command line that asks for something impossible (exit code 2). ``rule_pack``: the
    :class:`~smartsync.RulePackError` of a ``--rules`` that names nothing, worded again in
    the language of the command line by :func:`usage_line`."""

    def __init__(self, message: str, rule_pack: Any = None):
        super().__init__(message)
        self.rule_pack = rule_pack


def usage_line(command: str, error: Any, lang: str = "en") -> str:
    """The line a usage error is printed as: ``smartsync COMMAND: --rules: ...`` in English;
    under ``--lang id`` in Indonesian, as argparse's own errors are (``smartsync COMMAND:
    kesalahan: argumen --rules: ...``) when the catalogs word it. ``error``: a
    :class:`UsageError` or a :class:`~smartsync.RulePackError` about ``--rules``."""
    from ..errors import RulePackError

    pack = error if isinstance(error, RulePackError) else getattr(error, "rule_pack", None)
    if lang == "en" or pack is None or pack.message_key is None:
        return f"smartsync {command}: --rules: {error}" if isinstance(error, RulePackError) \
            else f"smartsync {command}: {error}"
    from ..messages import text

    said = text("argparse.argument", lang, argument_name="--rules", message=pack.worded(lang))
    return f"smartsync {command}: {text('severity.error', lang)}: {said}"


def classifier_from(args: argparse.Namespace) -> Any:
    """The classifier the arguments select (the default one without ``--rules``)."""
    if getattr(args, "rules", None):
        try:
            from ..variants import load_classifier
        except ImportError:  # pragma: no cover
            raise UsageError("--rules needs smartsync.variants") from None
        from ..errors import RulePackError

        try:
            classifier = load_classifier(args.rules)
        except RulePackError as exc:
            if exc.kind == "not-found":  # a name that names nothing: a usage error
                raise UsageError(f"--rules: {exc}", rule_pack=exc) from None
            exc.args = (f"--rules: {exc}",)  # a module that fails: exit 4 (EXIT_RULES)
            raise
    else:
        from ..engine import Classifier, default_classifier

        classifier = default_classifier()
        if getattr(args, "max_firings", None) is not None:  # its own: the default is shared
            classifier = Classifier(classifier.packs, typology=classifier.typology,
                                    params=classifier.params)
    classifier.max_firings = getattr(args, "max_firings", None)
    return classifier


def firings_argument(text: str) -> int:
    """An argparse type for --max-firings: a whole number of at least 1."""
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, got {text!r}")
    return value


def exit_code(failed: int, rule_failed: int) -> int:
    """The exit code of a command over many inputs: 4 when a rule pack failed on one of
    them, 1 when one failed otherwise, 0 when all were done."""
    from . import EXIT_INVALID, EXIT_OK, EXIT_RULES

    return EXIT_RULES if rule_failed else EXIT_INVALID if failed else EXIT_OK


def engine_from(args: argparse.Namespace, command: str) -> tuple[Any, Parameters | None] | None:
    """The classifier and parameters the arguments ask for; ``None`` after printing a
    usage error (the caller exits 2)."""
    try:
        classifier = classifier_from(args)
        return classifier, params_from(args, classifier.params)
    except UsageError as exc:
        print(usage_line(command, exc, getattr(args, "lang", "en")), file=sys.stderr)
        return None


def print_problems(problems: Any, *, file: Any = None, lang: str = "en") -> None:
    """Print problems to stderr, one per line, in ``lang``."""
    for p in problems:
        print(p.format(lang) if isinstance(p, Problem) else p, file=file or sys.stderr)


def warn_unread_subfolders(arguments: Iterable[str], lang: str = "en") -> None:
    """Print a warning to stderr for each folder inside an input folder that holds region
    files or tables: folders are read one level deep, and a region left out must be said."""
    from ..io.paths import path_kind, unread_subfolders

    for argument in arguments:
        if argument != "-" and path_kind(argument) == "dir":
            print_problems(unread_subfolders(argument), lang=lang)


def regions_from(paths: list[str], lang: str = "en") -> Iterator[tuple[str, Region | None]]:
    """Each file's region, or ``None`` after printing its problems to stderr (in ``lang``).
    Warnings are printed too; folders stand for their region files (one level deep; a
    folder inside one that holds region files is warned about)."""
    from ..io.paths import list_folder, path_kind, unread_subfolders

    seen: dict[str, str] = {}  # region id -> the file it was first read from
    for argument in paths:
        path = Path(argument)
        folder = path_kind(path) == "dir"
        files, problem = list_folder(path) if folder else ([path], None)
        if folder:
            print_problems(unread_subfolders(path), lang=lang)
        if problem is not None:
            print(problem.format(lang), file=sys.stderr)
            yield argument, None
        elif folder and not files:
            print(Problem("no region files in this folder", file=argument).format(lang),
                  file=sys.stderr)
            yield argument, None
        for f in files:
            report = check_region_file(f)
            # warnings too (an RPJMD program without a budget...): a planner reads them
            # here as under validate; the results go to standard output, these to stderr
            print_problems(report.problems, lang=lang)
            if report.region is not None:
                first = seen.setdefault(report.region.id, str(f))
                if first != str(f):  # both are classified, but batch and report would not
                    print_problems([duplicate_region(report.region.id, first, str(f),
                                                     "classify", Severity.WARNING)], lang=lang)
            yield str(f), report.region


def duplicate_region(region_id: str, first: str, file: str, form: str,
                     severity: Any) -> Problem:
    """The problem of a file whose region id an earlier file of the same command had
    (``duplicate-region``, worded for ``form``: ``validate`` or ``classify``), naming both."""
    from ..errors import Place, coded_problem

    return coded_problem("duplicate-region", {"region": repr(region_id), "first": first,
                                              "form": form},
                         file=file, where=Place("region"), severity=severity)


def with_suggestions(region: Region, args: argparse.Namespace) -> Region:
    """The region with suggested matches added when ``--suggest`` asks for them."""
    if not getattr(args, "suggest", False):
        return region
    from ..matching import with_suggestions as add

    return add(region)

def output_failure(exc: BaseException, command: str, out: Any) -> int:
    """Say why a run that writes ``--out`` wrote nothing, and give its exit code: terminated
    (its signal's code), interrupted, a worker process that died, or an output that cannot
    be written (``batch`` and ``study`` alike)."""
    from concurrent.futures.process import BrokenProcessPool

    from .._files import Terminated
    from ..errors import OutputError
    from . import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OUTPUT

    if isinstance(exc, Terminated):
        print("smartsync: terminated; no output written", file=sys.stderr)
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        print("smartsync: interrupted; no output written", file=sys.stderr)
        return EXIT_INTERRUPTED
    if isinstance(exc, BrokenProcessPool):
        print(f"smartsync: a worker process died ({exc}); no output written", file=sys.stderr)
        return EXIT_INVALID
    if isinstance(exc, OutputError):
        print(f"smartsync {command}: cannot write --out {exc}", file=sys.stderr)
        return EXIT_OUTPUT
    assert isinstance(exc, OSError)
    print(f"smartsync {command}: cannot write --out {OutputError.from_os_error(exc, out)}",
          file=sys.stderr)
    return EXIT_OUTPUT
