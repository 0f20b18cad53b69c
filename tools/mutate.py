#!/usr/bin/env python3
"""A mutation check of smartsync's tests: plant one small bug at a time, see if the tests fail.

A *mutant* is the project with one small deliberate change in one module (an
operator swapped, a constant changed, a condition negated, a statement removed).
The mutant is *killed* when the tests of that module fail on it, and *survives*
when they pass: a behaviour nothing pins. Each mutant runs in a copy of the
working tree (tracked and not-ignored files), so the working tree is never
touched, not even when the run is interrupted.

Two kinds of mutants:

- the *chosen* ones (``CHOSEN`` below): the bugs of issue 27 and others a user
  would notice, each a text replacement with the behaviour it breaks;
- *generated* ones (``--auto MODULE``): every operator swap, constant change,
  negated condition and removed call of a module (or of ``--function NAME`` in
  it), or ``--sample N`` of them drawn with ``--seed``.

Usage (from the repository root; not part of the test suite's time)::

    python tools/mutate.py                       # every chosen mutant
    python tools/mutate.py --group review        # the chosen mutants of one group
    python tools/mutate.py --only review-409     # one (repeatable)
    python tools/mutate.py --list                # list them, with their diff
    python tools/mutate.py --auto smartsync/advice.py --sample 20 --seed 1

Prints one line per mutant (killed / SURVIVED / equivalent, seconds) and the
score: killed / (mutants - equivalent ones). Exit status 0 when no
non-equivalent mutant survived, 1 otherwise, 2 when the tests fail on the
unchanged code (nothing to measure). docs/testing.rst lists the survivors.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the tests that judge the mutants of each group of modules
TESTS = {  # the quicker, more pointed files first: a run stops at the first failure
    "review": ["tests/test_review_session.py", "tests/test_review_page.py", "tests/test_review_api.py"],
    "fastmatch": ["tests/test_fastmatch_agenda.py", "tests/test_regression_fastmatch_pending_retract.py",
                  "tests/test_fastmatch.py"],
    "advice": ["tests/test_advice.py", "tests/test_advice_oracle.py", "tests/test_advice_pruning.py"],
    "explain": ["tests/test_explain_whynot.py", "tests/test_explain.py", "tests/test_messages.py"],
    "variants": ["tests/test_first_synchronized.py", "tests/test_variants.py", "tests/test_typology.py"],
}

#: where each group's modules are (for --auto: the group of a module)
MODULES = {
    "review": ("smartsync/review/",),
    "fastmatch": ("smartsync/fastmatch.py", "smartsync/engine.py"),
    "advice": ("smartsync/advice.py",),
    "explain": ("smartsync/explain.py", "smartsync/whynot.py", "smartsync/messages/"),
    "variants": ("smartsync/rules/first_synchronized.py", "smartsync/rules/typology.py"),
}


@dataclass
class Mutant:
    """One planted bug: ``old`` (text found exactly once in ``path``) replaced by ``new``."""

    name: str
    group: str
    path: str
    old: str
    new: str
    breaks: str
    #: why this mutant changes nothing a user can see (it is then not counted)
    equivalent: str | None = None
    tests: list[str] = field(default_factory=list)

    def apply(self, text: str) -> str:
        count = text.count(self.old)
        if count != 1:  # the module changed since the mutant was written
            raise LookupError(f"{self.name}: the text to change occurs {count} times in {self.path} "
                              f"(expected once): {self.old!r}")
        return text.replace(self.old, self.new)


CHOSEN: list[Mutant] = [
    # ------------------------------------------------------------- review
    Mutant("review-409", "review", "smartsync/review/session.py",
           "            if file_version(raw) != loaded.version:\n",
           "            if False:\n",
           "a file changed between the session's read and its write is written over (no 409)"),
    Mutant("review-reject-twice", "review", "smartsync/review/session.py",
           "            already = any(r.key == key for r in region.rejected)\n",
           "            already = False\n",
           "a pair rejected again is written twice in the rejected list"),
    Mutant("review-relation-selected", "review", "smartsync/review/page.py",
           '" selected" if r.value == current else ""',
           '" selected" if r.value != current else ""',
           "the page preselects the wrong relation of a match"),
    Mutant("review-short", "review", "smartsync/review/page.py",
           "    return text if len(text) <= width else text[: width - 1].rstrip() + \"\\u2026\"\n",
           "    return text\n",
           "long texts are not shortened on the page"),
    Mutant("review-short-width", "review", "smartsync/review/page.py",
           "def _short(text: str, width: int = 90) -> str:",
           "def _short(text: str, width: int = 900) -> str:",
           "long texts are shortened only past 900 characters"),
    Mutant("review-level-shown", "review", "smartsync/review/page.py",
           '    level = stage_name(a.level.value, lang) if a is not None else ""\n',
           '    level = stage_name(a.level.value, lang) if a is None else ""\n',
           "a match on the page does not say the level of its elements"),
    Mutant("review-script-messages", "review", "smartsync/review/page.py",
           "    messages = {k[4:]: v for k, v in", "    messages = {k[5:]: v for k, v in",
           "the page's script finds none of its messages (saving, saved, failed) by name"),
    # ------------------------------------------------------------- fastmatch
    Mutant("fastmatch-agenda-ties", "fastmatch", "smartsync/fastmatch.py",
           "                bisect.insort_right(activations, act, key=_KEY)\n",
           "                bisect.insort_left(activations, act, key=_KEY)\n",
           "activations of equal keys fire in another order than experta's"),
    Mutant("fastmatch-retract-children", "fastmatch", "smartsync/fastmatch.py",
           "    ended = [c for c in children if c.node is node and (last is None or c.facts[-1] is last)]\n",
           "    ended = [c for c in children if c.node is node]\n",
           "a retraction ends every child token of a node, not only the retracted fact's"),
    Mutant("fastmatch-retract-one-child", "fastmatch", "smartsync/fastmatch.py",
           "        if child.node is node and (last is None or child.facts[-1] is last):\n",
           "        if child.node is node:\n",
           "a retraction ends a node's only child token though another fact made it",
           equivalent="a partial match's only child token of a join is always the retracted fact's: every "
                      "fact under the join key makes one child of each partial match filed under it, so "
                      "one child means one fact, the one retracted"),
    Mutant("fastmatch-right-memory", "fastmatch", "smartsync/fastmatch.py",
           '            elif bucket["__factid__"] == fid:\n',
           '            elif bucket["__factid__"] != fid:\n',
           "a retracted fact stays in a join's memory and joins facts declared after"),
    # ------------------------------------------------------------- explanations
    Mutant("explain-not-constraint", "explain", "smartsync/whynot.py",
           "        return not _match_value(constraint[0], value, dict(bindings))\n",
           "        return _match_value(constraint[0], value, dict(bindings))\n",
           "a ~ constraint of a rule is read un-negated in why-not"),
    Mutant("explain-deciding-path", "explain", "smartsync/whynot.py",
           "if best is None or len(failures) < len(best):",
           "if best is None or len(failures) > len(best):",
           "why-not reports the path with the most failures, not the deciding one"),
    Mutant("explain-id-severity-words", "explain", "smartsync/messages/id.py",
           '    "severity.warning": "peringatan",\n    "severity.info": "catatan",\n',
           '    "severity.warning": "catatan",\n    "severity.info": "peringatan",\n',
           "the Indonesian words for warning and info swapped"),
    Mutant("explain-form-values", "explain", "smartsync/whynot.py",
           '                parts.append(f"{key}={plain(bindings[bind])!r}")\n',
           "                pass\n",
           "a failed condition is shown with variable names instead of the values it was evaluated with"),
    Mutant("explain-nested-not-applicable", "explain", "smartsync/whynot.py",
           "        if depth > 0 and applicable == 0 and self._concluded(fact_class):\n",
           "        if depth > 1 and applicable == 0 and self._concluded(fact_class):\n",
           "why-not reports a rule whose conclusion no rule could give (ChainIntact of a stage "
           "'unsynchronized')"),
    # ------------------------------------------------------------- variants
    Mutant("variants-first-member-twice", "variants", "smartsync/rules/first_synchronized.py",
           "          TEST(lambda start, position: position > start),\n          salience=PHASE[\"members\"])",
           "          TEST(lambda start, position: position >= start),\n          salience=PHASE[\"members\"])",
           "first-synchronized declares its start stage a chain member twice"),
    # ------------------------------------------------------------- advice
    Mutant("advice-needed-not-lowered", "advice", "smartsync/advice.py",
           "        if high == 0 or reaches({**counts, s: high - 1}) is None:\n",
           "        if True:\n",
           "needed is not lowered to the fewest elements (left at the figures' guess or at every element)"),
    Mutant("advice-needed-hint", "advice", "smartsync/advice.py",
           "    return max(0, math.ceil(figures.threshold * figures.total - 1e-9) - figures.synchronized)\n",
           "    return max(0, math.ceil(figures.threshold * figures.total - 1e-9) - figures.synchronized + 1)\n",
           "the search for needed starts one above what the figures suggest",
           equivalent="the figures' count is only where the search starts: every stage's count is then "
                      "lowered by classifying as far as the type still holds"),
    Mutant("advice-lose-first-stage", "advice", "smartsync/advice.py",
           "            return best is None or (lost[k], index) < (best[0], best[1])\n",
           "            return best is None\n",
           "matches_to_lose is the first stage's loss, not the fewest"),
]


# ------------------------------------------------------------------ generated mutants

_SWAP = {ast.Lt: "<=", ast.LtE: "<", ast.Gt: ">=", ast.GtE: ">", ast.Eq: "!=", ast.NotEq: "==",
         ast.Is: "is not", ast.IsNot: "is", ast.In: "not in", ast.NotIn: "in"}
_BINOP = {ast.Add: "-", ast.Sub: "+", ast.Mult: "/", ast.Div: "*"}


class _Source:
    def __init__(self, text: str):
        self.text = text
        self.data = text.encode("utf-8")
        self.starts = [0]
        for line in self.data.splitlines(keepends=True):
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col

    def span(self, node: ast.AST) -> tuple[int, int]:
        return (self.offset(node.lineno, node.col_offset),  # type: ignore[attr-defined]
                self.offset(node.end_lineno, node.end_col_offset))  # type: ignore[attr-defined]

    def replace(self, start: int, end: int, new: str) -> str:
        return (self.data[:start] + new.encode("utf-8") + self.data[end:]).decode("utf-8")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0]))
    return out


def generated(path: str, functions: list[str] | None = None) -> list[Mutant]:
    """Every generated mutant of the module at ``path`` (within ``functions`` when given)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    src = _Source(text)
    tree = ast.parse(text)
    skip = _docstrings(tree)
    group = next((g for g, prefixes in MODULES.items() if path.startswith(prefixes)), "")
    scopes: list[ast.AST] = [tree]
    if functions:
        scopes = [n for n in ast.walk(tree)
                  if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.name in functions]
    out: list[Mutant] = []
    seen: set[tuple[int, int, str]] = set()

    def add(start: int, end: int, new: str, kind: str, line: int) -> None:
        if (start, end, new) in seen:
            return
        seen.add((start, end, new))
        old_seg = src.data[start:end].decode("utf-8")
        mutated = src.replace(start, end, new)
        out.append(_TextMutant(f"{Path(path).stem}:{line}:{kind}", group, path, old_seg, new,
                               f"{kind} at line {line}: {old_seg.strip()!r} -> {new.strip()!r}",
                               mutated=mutated))

    for scope in scopes:
        for node in ast.walk(scope):
            if id(node) in skip:
                continue
            line = getattr(node, "lineno", 0)
            if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in _SWAP:
                start = src.offset(node.left.end_lineno, node.left.end_col_offset)  # type: ignore[arg-type]
                end = src.offset(node.comparators[0].lineno, node.comparators[0].col_offset)
                add(start, end, f" {_SWAP[type(node.ops[0])]} ", "compare", line)
            elif isinstance(node, ast.BinOp) and type(node.op) in _BINOP:
                start = src.offset(node.left.end_lineno, node.left.end_col_offset)  # type: ignore[arg-type]
                end = src.offset(node.right.lineno, node.right.col_offset)
                seg = src.data[start:end].decode("utf-8")
                if seg.count("(") or seg.count(")"):
                    continue
                add(start, end, f" {_BINOP[type(node.op)]} ", "operator", line)
            elif isinstance(node, ast.BoolOp) and len(node.values) == 2:
                start = src.offset(node.values[0].end_lineno, node.values[0].end_col_offset)  # type: ignore[arg-type]
                end = src.offset(node.values[1].lineno, node.values[1].col_offset)
                seg = src.data[start:end].decode("utf-8")
                if "(" in seg or ")" in seg:
                    continue
                add(start, end, seg.replace("and" if isinstance(node.op, ast.And) else "or",
                                            "or" if isinstance(node.op, ast.And) else "and"), "boolean", line)
            elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
                start, end = src.span(node)
                add(start, end, src.data[slice(*src.span(node.operand))].decode("utf-8"), "not", line)
            elif isinstance(node, ast.Constant) and type(node.value) in (int, float, bool):
                start, end = src.span(node)
                value = node.value
                new = repr(not value) if isinstance(value, bool) else repr(value + 1 if isinstance(value, int)
                                                                          else (value * 2 or 1.0))
                add(start, end, new, "constant", line)
            elif isinstance(node, (ast.If, ast.While)) and not isinstance(node.test, ast.Constant):
                start, end = src.span(node.test)
                add(start, end, f"not ({src.data[start:end].decode('utf-8')})", "negate", line)
            elif (isinstance(node, ast.Expr) and isinstance(node.value, ast.Call)) or isinstance(
                    node, (ast.Break, ast.Continue)):
                start, end = src.span(node)
                add(start, end, "pass", "remove", line)
    return out


@dataclass
class _TextMutant(Mutant):
    mutated: str = ""

    def apply(self, text: str) -> str:
        return self.mutated


# ------------------------------------------------------------------ running

def _copy_tree(dest: Path) -> None:
    """The working tree's tracked and not-ignored files, copied to ``dest``."""
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others",
                            "--exclude-standard"], check=True, capture_output=True).stdout.split(b"\0")
    for name in files:
        if not name:
            continue
        rel = name.decode("utf-8", "surrogateescape")
        source = ROOT / rel
        if not source.is_file():
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def _pytest(copy: Path, tests: list[str], timeout: float, slow: bool = False) -> tuple[str, float]:
    """Run ``tests`` in ``copy`` (its smartsync first on the path): killed, survived or timeout."""
    present = [t for t in tests if (copy / t.split("::")[0]).exists()]
    env = {"SMARTSYNC_HYPOTHESIS_PROFILE": "ci",  # the same examples for every mutant
           **os.environ, "PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly", "-p", "no:cacheprovider",
               *(() if slow else ("-m", "not slow")), "-o", "addopts=", *present]
    start = time.monotonic()
    try:
        done = subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", time.monotonic() - start
    elapsed = time.monotonic() - start
    if done.returncode == 0:
        return "survived", elapsed
    if done.returncode in (1, 2, 3):
        return "killed", elapsed
    return f"error (pytest exit {done.returncode}): {done.stdout[-300:]}{done.stderr[-300:]}", elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--group", action="append", choices=sorted(TESTS), help="the chosen mutants of a group")
    parser.add_argument("--only", action="append", metavar="NAME", help="one chosen mutant (repeatable)")
    parser.add_argument("--auto", metavar="MODULE", help="generated mutants of a module (a path)")
    parser.add_argument("--function", action="append", metavar="NAME", help="with --auto: only in this function")
    parser.add_argument("--sample", type=int, metavar="N", help="with --auto: N of them, drawn with --seed")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tests", action="append", metavar="PATH",
                        help="the tests to run (default: the group's, see TESTS)")
    parser.add_argument("--slow", action="store_true", help="run the tests marked slow too")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per mutant (default 300)")
    parser.add_argument("--list", action="store_true", help="list the mutants and their diffs; run nothing")
    args = parser.parse_args(argv)

    if args.auto:
        mutants = generated(args.auto, args.function)
        if args.sample is not None and args.sample < len(mutants):
            mutants = sorted(random.Random(args.seed).sample(mutants, args.sample), key=lambda m: m.name)
    else:
        mutants = [m for m in CHOSEN if (not args.group or m.group in args.group)
                   and (not args.only or m.name in args.only)]
        unknown = set(args.only or ()) - {m.name for m in CHOSEN}
        if unknown:
            parser.error(f"no chosen mutant named {', '.join(sorted(unknown))}")
    if args.list:
        for m in mutants:
            original = (ROOT / m.path).read_text(encoding="utf-8")
            if m.old and original.count(m.old) != 1 and not isinstance(m, _TextMutant):
                print(f"== {m.name} [{m.group}] STALE: its text is no longer once in {m.path}")
                continue
            print(f"== {m.name} [{m.group}] {m.breaks}" + (f" (equivalent: {m.equivalent})" if m.equivalent else ""))
            sys.stdout.writelines(difflib.unified_diff(original.splitlines(True), m.apply(original).splitlines(True),
                                                       m.path, m.path, n=0))
        return 0
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"],
                           capture_output=True, text=True).stdout.strip()
    print(f"mutation check of {commit}{' (with uncommitted changes)' if dirty else ''}: {len(mutants)} mutants")
    with tempfile.TemporaryDirectory(prefix="smartsync-mutate-") as tmp:
        copy = Path(tmp)
        _copy_tree(copy)
        baseline: dict[tuple[str, ...], str] = {}
        killed = survived = equivalent = 0
        survivors: list[Mutant] = []
        stale: list[Mutant] = []
        for m in mutants:
            tests = args.tests or m.tests or TESTS.get(m.group) or []
            if not tests:
                print(f"{m.name}: no tests for group {m.group!r}; use --tests")
                return 2
            key = tuple(tests)
            if key not in baseline:
                baseline[key], seconds = _pytest(copy, tests, args.timeout, args.slow)
                if baseline[key] != "survived":
                    print(f"the tests fail on the unchanged code ({baseline[key]}, {' '.join(tests)}): nothing to measure")
                    return 2
            target = copy / m.path
            original = target.read_text(encoding="utf-8")
            try:
                mutated = m.apply(original)
            except LookupError as exc:
                stale.append(m)
                print(f"{'stale':10} {0:6.1f}s  {m.name}: {exc}", flush=True)
                continue
            try:
                target.write_text(mutated, encoding="utf-8")
                outcome, seconds = _pytest(copy, tests, args.timeout, args.slow)
            finally:
                target.write_text(original, encoding="utf-8")
            if outcome in ("killed", "timeout"):
                killed += 1
                mark = "killed" + (" (timeout)" if outcome == "timeout" else "")
            elif outcome == "survived" and m.equivalent:
                equivalent += 1
                mark = "equivalent"
            elif outcome == "survived":
                survived += 1
                survivors.append(m)
                mark = "SURVIVED"
            else:
                print(f"{m.name}: {outcome}")
                return 2
            print(f"{mark:10} {seconds:6.1f}s  {m.name}: {m.breaks}"
                  + (f" -- equivalent: {m.equivalent}" if mark == "equivalent" else ""), flush=True)
    counted = killed + survived
    score = f"{killed}/{counted} = {killed / counted:.0%}" if counted else "n/a"
    print(f"\nkilled {killed}, survived {survived}, equivalent {equivalent}: mutation score {score}"
          + (f" ({len(stale)} stale: their text is no longer in the module; update CHOSEN)" if stale else ""))
    for m in survivors:
        print(f"  survivor {m.name} ({m.path}): {m.breaks}")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
