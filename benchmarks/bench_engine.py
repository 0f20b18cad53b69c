"""Benchmark of the engine: ``python benchmarks/bench_engine.py [--quick] [--callgrind]``.

Reports, in one run on this machine (the targets of issue 12 in brackets):

1. typical regions (per plan 1 vision, 5 missions, 20 targets, 60 programs;
   about 1.5 matches per masterplan element): the median CPU time of one
   ``classify()`` (element-level facts, every firing recorded, the trace
   built) [<= 5 ms], beside the plain-Python reference implementation of the
   default rules (``tests/reference.py``) and experta's own Rete matcher, as
   ratios measured in the same run (the machine's speed drifts; ratios drift
   less); the element-level working memory (input facts, facts in all, rule
   firings per region) and each element-level variant (``relations-per-stage``,
   ``budgeted-programs``, ``cascading``) beside the reference with that
   variant's condition;
2. each fixed cost trimmed beneath experta's API (:mod:`smartsync.fastmatch`),
   measured by switching the trims on one after the other, and fact
   construction with and without :class:`~smartsync.fastmatch.FastFact`;
3. how the time grows from 60 to 2000 programs per plan [2000 programs
   <= 100 ms], with the growth exponent [<= 1.1; 1 is linear];
4. 514 typical regions (every kota and kabupaten) written as region files,
   then loaded and classified in one process [<= 4 s]; region loading at
   60 / 500 / 2000 programs (linear in the size: the cyclic garbage
   collector is paused while a file is read); peak memory (the largest Python
   allocation while classifying, from tracemalloc: flat when results are not
   kept); a typical region file read, its YAML against PyYAML's own
   ``yaml.load`` of the same text and against PyYAML's pure-Python parser, as ratios;
5. ``smartsync classify FILE`` run from the shell: its median wall time
   [<= 150 ms] and the CPU time of the process, and ``smartsync --version``;
   which install is measured (the ``smartsync`` script beside this Python:
   a regular install, or an editable one, whose import hook adds to every
   start); where one run's time goes (imports, reading, classifying, the
   advice's matcher candidates and classifications, rendering). ``--cli``
   runs this section alone: from a regular install, ``python3 -m venv
   /tmp/cli-venv && /tmp/cli-venv/bin/pip install . && /tmp/cli-venv/bin/python
   benchmarks/bench_engine.py --cli``.

6. what-if and advice (issue 22): on typical regions, one what-if on the live
   working memory (another threshold, a match lost, a match added) against a
   new ``classify()`` of the changed region, the advice (:func:`smartsync.advice.advise`,
   what ``smartsync classify FILE`` prints) and ``explain`` (the explanation
   with its advice, rendered as text) as ratios to ``classify()`` in the same
   process, and ``smartsync batch --advice`` against ``smartsync batch`` on the
   same files (CPU of the two processes).

At the end, the targets of issue 22, each with its figure and met / not met:
typical ``classify()`` with its trace <= 20 M instructions (``--callgrind``);
``explain`` <= 2x ``classify()``; ``smartsync classify FILE`` on a typical type B
region <= 350 M instructions (``--callgrind``) and <= 8x a bare interpreter's
start; 514 regions read and classified in one process <= 1.5 s CPU;
``batch --advice`` <= 2x ``batch``.

``--callgrind`` counts instructions instead (valgrind's callgrind tool:
the same count on a busy machine): the instructions of one typical region's
classification with the fast matcher, with experta's Rete and with the
plain-Python reference, of one region of 2000 programs per plan, of one typical
region file read (and its YAML alone, against ``yaml.load``), and of one
``smartsync classify FILE`` process (and of ``smartsync --version``). ``--quick`` runs
fewer regions.

Sections 3 and 4 each run in a fresh process of their own (``--section``), as a
user's process classifying a large region or a country's regions would: the
sections before them leave this process a larger, older heap (experta's Rete,
a hundred regions and their results), which made the 2000-program region
about a fifth slower here than alone, whatever the cyclic collector does.

Figures are medians of repeated runs; they are reported, not asserted.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import attrs  # noqa: E402

from smartsync import Classifier  # noqa: E402
from smartsync._compat import experta  # noqa: E402
from smartsync.engine import _DeterministicStrategy, _RecordingEngine  # noqa: E402
from experta.strategies import DepthStrategy  # noqa: E402
from smartsync.fastmatch import FastKnowledgeEngine, FastMatcher  # noqa: E402
from smartsync.io import dump_region, dumps_region, load_region, read_region  # noqa: E402
from smartsync.sample import typical_region  # noqa: E402

try:
    import reference  # noqa: E402  (tests/reference.py)
except ImportError:  # pragma: no cover
    reference = None

KnowledgeEngine = experta.KnowledgeEngine
clock = time.process_time

#: issue 22's targets: name -> (limit, unit); the figures measured in this run go to
#: MEASURED, and the sections run in processes of their own print theirs
TARGETS = {
    "classify_instructions": (20e6, "typical classify() with its trace, instructions"),
    "explain_ratio": (2.0, "explain / classify() (CPU, one process)"),
    "cli_instructions": (350e6, "`smartsync classify FILE` (type B), instructions"),
    "cli_ratio": (8.0, "`smartsync classify FILE` (type B) / a bare interpreter's start"),
    "country_cpu": (1.5, "514 regions read and classified in one process, s CPU"),
    "batch_advice_ratio": (2.0, "`batch --advice` / `batch` (CPU)"),
}
MEASURED: dict[str, float] = {}


def _target_line(name: str, value: float) -> str:
    """One target with its figure: met or not met."""
    limit, label = TARGETS[name]
    shown = (f"{value / 1e6:.0f} M" if value >= 1e5 else f"{value:.2f}")
    wanted = (f"{limit / 1e6:.0f} M" if limit >= 1e5 else f"{limit:g}")
    return f"  {label}: {shown} [<= {wanted}] {'met' if value <= limit else 'NOT met'}"


def report_targets() -> None:
    """The targets measured in this process, each met or not (the others: see their
    section, or --callgrind)."""
    print("targets of issue 22 (measured in this run; the rest: --callgrind, --section country):")
    for name in TARGETS:
        if name in MEASURED:
            print(_target_line(name, MEASURED[name]))
        else:
            print(f"  {TARGETS[name][1]}: not measured in this mode")


def _median_ms(func, items, repeat: int = 3) -> float:
    """Median CPU time of this process per call: what other processes on a shared machine
    do weighs on it far less than on wall time."""
    times = []
    for _ in range(repeat):
        for item in items:
            start = clock()
            func(item)
            times.append(clock() - start)
    return statistics.median(times) * 1000


def _variant(name: str, base: type, **methods) -> type:
    """A recording engine on ``base`` with some of FastKnowledgeEngine's trims undone."""
    engine = type(f"Fast_{name}", (base,), methods) if methods else base
    return type(f"Recording_{name}", (_RecordingEngine, engine), {})


def _classifier(engine_base: type) -> Classifier:
    return type("BenchClassifier", (Classifier,), {"_engine_base": engine_base})()


def _engines() -> list[tuple[str, Classifier]]:
    """experta's engine, then the fast matcher and each trim switched on in turn."""
    plain_facts = experta.factlist.FactList
    return [
        ("experta's Rete and engine", _classifier(_RecordingEngine)),
        ("+ fast matcher", _classifier(
            type("Matcher", (_RecordingEngine,), {"__matcher__": FastMatcher}))),
        ("+ run loop without formatting for watchers", _classifier(_variant(
            "run", FastKnowledgeEngine, reset=KnowledgeEngine.reset,
            declare=KnowledgeEngine.declare))),
        ("+ reset without inspect.getmembers", _classifier(_variant(
            "reset", FastKnowledgeEngine, declare=KnowledgeEngine.declare,
            _fact_list=plain_facts))),
        ("+ declare's checks in one pass", _undone(_classifier(_variant(
            "declare", FastKnowledgeEngine, _fact_list=plain_facts)))),
        ("+ fact list: content hashed, no key set kept", _undone(Classifier())),
        ("+ depth strategy: keys compared, not activations", _undone(Classifier(),
                                                                     strategy=False)),
        ("+ collect from an index (this engine)", Classifier()),
    ]


class _HashingStrategy(_DeterministicStrategy):
    """The depth strategy as experta keeps the agenda: Activation.__lt__ in each bisect,
    equality to find a removed activation, one insertion per activation."""

    _update_agenda = DepthStrategy._update_agenda


def _undone(classifier: Classifier, strategy: bool = True) -> Classifier:
    """The classifier with the later trims undone: experta's way of keeping the agenda
    (``strategy``), and ``collect`` scanning every fact of the class."""
    engine = classifier._engine
    engine._candidates = lambda fact_class, fields: engine._by_class.get(fact_class, {}).values()
    if strategy:
        engine.strategy = _HashingStrategy()
    return classifier


def _steps(classification) -> list:
    return [(s.rule, s.facts, s.asserted) for s in classification.trace.steps]


def bench_typical(n_typical: int) -> float:
    regions = [typical_region(seed) for seed in range(n_typical)]
    engines = _engines()
    fast = engines[-1][1]
    for _, classifier in engines:  # build each engine outside the timings; same traces
        assert _steps(classifier.classify(regions[0])) == _steps(fast.classify(regions[0]))
    facts = statistics.mean(len(fast._engine.facts) for _ in [fast.classify(regions[0])])
    print(f"typical region ({n_typical} generated; {facts:.0f} facts at the end of a run), "
          "median CPU ms per classify(), trace included:")
    timings = {}
    for name, classifier in engines:  # the trace is built when first read: read it
        timings[name] = _median_ms(lambda r, c=classifier: c.classify(r).trace.steps, regions)
    best = timings[engines[-1][0]]
    untraced = _median_ms(fast.classify, regions)
    ref = _median_ms(reference.reference_classify, regions) if reference else None
    previous = None
    for name, ms in timings.items():
        gain = f"  {previous / ms:4.2f}x the line above" if previous else ""
        print(f"  {name:52s} {ms:7.2f} ms{gain}")
        previous = ms
    print(f"  {'  (trace not read: built only when first read)':52s} {untraced:7.2f} ms"
          f"  {best / untraced:4.2f}x the line above")
    print(f"  fast engine: {timings[engines[0][0]] / best:.1f}x faster than experta's; "
          + (f"{best / ref:.0f}x the plain-Python reference ({ref:.3f} ms)" if ref else ""))
    _bench_fact_construction(regions[:20], fast)
    traced = [fast.classify(r).trace for r in regions[:10]]
    inputs = statistics.mean(sum(1 for f in t.facts.values() if f.input) for t in traced)
    total_facts = statistics.mean(len(t.facts) for t in traced)
    firings = statistics.mean(len(t) for t in traced)
    print(f"  element-level working memory: {inputs:.0f} input facts, {total_facts:.0f} facts "
          f"in all, {firings:.0f} rule firings per region (mean of 10)")
    _bench_variants(regions)
    return best


def bench_whatif(n_regions: int) -> None:
    """One what-if on the live working memory against a new classification of the changed
    region; the advice and explain against classify(), in this process."""
    from smartsync.advice import advise
    from smartsync.explain import explain
    from smartsync.model import Match
    from smartsync.render import render
    from smartsync.whatif import COUNTS, WhatIf

    classifier = Classifier()
    regions = [typical_region(100 + seed) for seed in range(n_regions)]
    results = [classifier.classify(r) for r in regions]
    classify = _median_ms(lambda r: classifier.classify(r).trace.steps, regions)
    print(f"what-if and advice ({n_regions} typical regions; median CPU ms, ratios to a "
          f"classify() with its trace, {classify:.2f} ms, in this process):")

    def changes(result):
        region = result.region
        lost = region.matches[0]
        taken = {m.key for m in region.matches}
        free = next(((mp.id, rp.id) for mp in region.masterplan.elements
                     for rp in region.rpjmd.elements
                     if mp.level == rp.level and (mp.id, rp.id) not in taken), None)
        yield "another threshold (0.75)", {"threshold": 0.75}
        yield "a match lost", {"remove": [lost.key]}
        if free is not None:
            yield "a match added", {"add": [Match(free[0], free[1], "derived")]}

    rows: dict[str, list[float]] = {}
    full: dict[str, list[float]] = {}
    for result in results:
        classifier.classify(result.region)  # the working memory holds this region's run
        with WhatIf(classifier, result) as session:
            for label, change in changes(result):
                start = clock()
                session.classify(**change)
                rows.setdefault(label, []).append(clock() - start)
    for result in results:  # the same changes, each region classified anew
        for label, change in changes(result):
            region, params = result.region, result.params
            if "threshold" in change:
                params = attrs.evolve(params, threshold=change["threshold"])
            keys = set(change.get("remove", ()))
            matches = tuple(m for m in region.matches if m.key not in keys) + tuple(
                change.get("add", ()))
            changed = attrs.evolve(region, matches=matches)
            start = clock()
            classifier.classify(changed, params=params).trace.steps
            full.setdefault(label, []).append(clock() - start)
    for label, times in rows.items():
        what = statistics.median(times) * 1000
        anew = statistics.median(full[label]) * 1000
        print(f"  what-if, {label:26s} {what:6.2f} ms ({what / classify:.2f}x classify(); "
              f"the changed region classified anew: {anew:.2f} ms)")
    before = dict(COUNTS)

    def advised(region):
        advise(classifier.classify(region), classifier=classifier)

    def explained(region):
        render(explain(classifier.classify(region), classifier=classifier), "text")

    advice = _median_ms(advised, regions, repeat=1) - classify
    what_ifs = (COUNTS["what_ifs"] - before["what_ifs"]) / len(regions)
    fired = (COUNTS["fired"] - before["fired"]) / len(regions)
    explained_ms = _median_ms(explained, regions, repeat=1)
    print(f"  advice (what to change, stability): {advice:.2f} ms ({advice / classify:.1f}x "
          f"classify()): {what_ifs:.1f} what-ifs a region, {fired:.0f} rule firings in them")
    print(f"  explain (classify(), the advice, the text rendered): {explained_ms:.2f} ms "
          f"({explained_ms / classify:.1f}x classify())")
    MEASURED["explain_ratio"] = explained_ms / classify


def bench_batch_advice(folder: Path, count: int) -> None:
    """``smartsync batch`` with and without ``--advice`` on the same files (CPU of each
    process, start-up included)."""
    paths = []
    for seed in range(count):
        path = folder / f"batch-{seed:04d}.yaml"
        dump_region(typical_region(30_000 + seed), path)
        paths.append(str(path))
    base = [sys.executable, "-m", "smartsync", "batch", *paths, "-j", "1", "--no-progress"]
    cpus = {}
    for label, extra in (("batch", []), ("batch --advice", ["--advice"])):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(base + ["-o", str(folder / "batch.jsonl")] + extra, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus[label] = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    ratio = cpus["batch --advice"] / cpus["batch"]
    print(f"`smartsync batch` of {count} typical regions (JSON Lines, -j 1): {cpus['batch']:.2f} s "
          f"CPU; with --advice {cpus['batch --advice']:.2f} s ({ratio:.1f}x)")
    MEASURED["batch_advice_ratio"] = ratio


def _bench_variants(regions) -> None:
    """Each element-level variant beside the reference with that variant's condition."""
    from smartsync.variants import load_variant

    for name, options in (("relations-per-stage",
                           {"stage_relations": {"vision": ["adopted", "derived"],
                                                "mission": ["adopted", "derived"]}}),
                          ("budgeted-programs", {"budgeted": True}),
                          ("cascading", {"cascading": True})):
        variant = load_variant(name).classifier()
        variant.classify(regions[0])
        variant_cpu = _median_ms(variant.classify, regions, repeat=1)
        line = f"  variant {name:20s} {variant_cpu:6.2f} ms CPU per region"
        if reference is not None:
            ref_cpu = _median_ms(lambda r: reference.reference_classify(r, **options), regions)
            line += (f" (reference with its condition: {ref_cpu:.3f} ms CPU, "
                     f"{variant_cpu / ref_cpu:.0f} x)")
        print(line)


def _bench_fact_construction(regions, classifier) -> None:
    """The input facts of a region built as FastFact (smartsync's) and as experta's Fact."""
    from smartsync.facts import region_facts

    samples = [list(region_facts(r, classifier.typology, classifier.params)) for r in regions]
    twins = {}
    for facts in samples:
        for fact in facts:
            cls = type(fact)
            twins.setdefault(cls, type(cls.__name__, (experta.Fact,), {}))
    fields = [[(type(f), dict(f)) for f in facts] for facts in samples]

    def build(table):
        def run(items):
            for cls, values in items:
                table.get(cls, cls)(**values)
        return run

    fast = _median_ms(build({}), fields)
    plain = _median_ms(build(twins), fields)
    count = statistics.mean(len(f) for f in fields)
    print(f"  fact construction, {count:.0f} input facts: {plain:.2f} ms as experta.Fact, "
          f"{fast:.2f} ms as FastFact ({plain / fast:.2f}x)")


def bench_growth(quick: bool) -> None:
    fast = Classifier()
    sizes = (60, 125, 250, 500, 1000, 2000)
    print("growth with the number of programs per plan (median CPU ms of 5 regions x 3 runs; "
          "a process of its own)")
    timings = {}
    for n in sizes:
        items = [typical_region(seed, programs=n) for seed in range(2 if quick else 5)]
        timings[n] = _median_ms(fast.classify, items)
        print(f"  {n:5d} programs: {timings[n]:8.2f} ms")
    exponent = math.log(timings[2000] / timings[60]) / math.log(2000 / 60)
    print(f"  growth exponent 60 -> 2000 programs: {exponent:.2f} (1 = linear, 2 = quadratic)")


def bench_country(n_country: int, folder: Path) -> None:
    paths = []
    for seed in range(n_country):
        path = folder / f"region-{seed:04d}.yaml"
        dump_region(typical_region(10_000 + seed), path)
        paths.append(path)
    fast = Classifier()
    fast.classify(load_region(paths[0]))
    gc.collect()
    start, cpu = time.perf_counter(), clock()
    for path in paths:
        fast.classify(load_region(path))
    total, cpu = time.perf_counter() - start, clock() - cpu
    print(f"{n_country} typical region files loaded and classified in one process: "
          f"{total:.2f} s wall, {cpu:.2f} s CPU ({cpu / n_country * 1000:.2f} ms CPU per region)")
    print(_target_line("country_cpu", cpu * 514 / n_country)
          + ("" if n_country == 514 else f" (scaled from {n_country} regions)"))
    regions = [load_region(path) for path in paths]
    for count in (n_country // 5, n_country):
        tracemalloc.start()
        for region in regions[:count]:
            fast.classify(region)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak Python allocation while classifying {count} regions: "
              f"{peak / 2**20:.2f} MiB (tracemalloc; flat = results are not kept)")
    texts = {}
    for n in (60, 500, 2000):
        path = folder / f"programs-{n}.yaml"
        dump_region(typical_region(1, programs=n), path)
        texts[n] = path.read_text(encoding="utf-8")
    loads = {n: _median_ms(lambda t: read_region(t, name="r.yaml"), [t], repeat=3)
             for n, t in texts.items()}
    exponent = math.log(loads[2000] / loads[60]) / math.log(len(texts[2000]) / len(texts[60]))
    print("  loading one region file: " + ", ".join(
        f"{n} programs {loads[n]:.1f} ms" for n in loads)
          + f" (growth exponent in the file's size: {exponent:.2f})")
    _bench_reading()


def _bench_reading() -> None:
    """A typical region file read (smartsync.io._yaml: PyYAML composes the node graph, with
    libyaml's parser when PyYAML has it), against PyYAML's own ``yaml.load`` of the same text
    with the same parser (plain Python data: no lines, no checks, no region) and against
    PyYAML's pure-Python parser (what a machine without libyaml reads with), in the same run;
    each file read once by each (what short words resolve to is kept for the next files)."""
    import yaml

    from smartsync.io import _yaml

    texts = [dumps_region(typical_region(20_000 + seed)) for seed in range(120)]
    whole, alone, pure = texts[:40], texts[40:80], texts[80:]
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    ours = _median_ms(lambda t: read_region(t, name="r.yaml"), whole, repeat=1)
    tree = _median_ms(_yaml.parse, alone, repeat=1)
    library = _median_ms(lambda t: yaml.load(t, Loader=base), alone, repeat=1)
    without = _median_ms(lambda t: _yaml.parse(t, _yaml.PURE_LOADER), pure, repeat=1)
    print(f"  a typical region file read (read_region, median CPU): {ours:.2f} ms; its YAML "
          f"alone (the located tree) {tree:.2f} ms against yaml.load {library:.2f} ms "
          f"({tree / library:.2f}x; libyaml: {_yaml.WITH_LIBYAML}); with PyYAML's pure-Python "
          f"parser {without:.2f} ms ({without / tree:.1f}x)")


def _install_kind(python: str) -> str:
    """How smartsync is installed for ``python``: a regular or an editable install (or
    not at all), asked in a process started outside this repository."""
    code = ("import importlib.metadata as m, json\n"
            "try:\n    d = m.distribution('smartsync')\nexcept m.PackageNotFoundError:\n"
            "    print('not installed')\nelse:\n"
            "    info = json.loads(d.read_text('direct_url.json') or '{}')\n"
            "    print('editable' if info.get('dir_info', {}).get('editable') else 'regular')")
    found = subprocess.run([python, "-c", code], capture_output=True, text=True, cwd="/")
    return found.stdout.strip() or "unknown"


#: one ``smartsync classify FILE`` in a fresh process, its time split by what it does
#: (the CLI's own steps; the advice's matcher candidates timed apart from its
#: classifications)
_CLI_PARTS = """
import sys, time
clock = time.perf_counter
t0 = clock()
import smartsync.cli, smartsync.cli.classify_cmd, smartsync.engine, smartsync.advice
import smartsync.render.text
t1 = clock()
from smartsync.io import check_region_file
region = check_region_file(sys.argv[1]).region
t2 = clock()
result = smartsync.engine.default_classifier().classify(region)
t3 = clock()
import smartsync.advice as advice
spent = [0.0]
options = advice._options
def timed(*a, **k):
    start = clock()
    try:
        return options(*a, **k)
    finally:
        spent[0] += clock() - start
advice._options = timed
from smartsync.explain import explain
from smartsync.render import render
render(explain(result), "text", lang="en")  # what the command prints: with the advice
t4 = clock()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t1) * 1000:.0f} {(t3 - t2) * 1000:.0f} "
      f"{spent[0] * 1000:.0f} {(t4 - t3 - spent[0]) * 1000:.0f}")
"""


_cli_cpu: list[float] = []


def bench_cli(folder: Path, runs: int) -> None:
    path = folder / "cli-region.yaml"
    dump_region(typical_region(7), path)
    command = [sys.executable, "-m", "smartsync.cli", "classify", str(path)]
    script = shutil.which("smartsync", path=str(Path(sys.executable).parent))
    if script:
        command = [script, "classify", str(path)]
    # as installed: with the modules' bytecode cached (a session that sets
    # PYTHONDONTWRITEBYTECODE compiles every smartsync module at every start, ~30-40 ms)
    compiled = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    kind = _install_kind(sys.executable)
    print(f"the command measured: {command[0]} ({kind} install"
          + ("; its import hook adds to every start, a regular install does not: see --help"
             if kind == "editable" else "") + ")")
    variants = [("", command, compiled),
                (" (bytecode not cached)", command, dict(compiled, PYTHONDONTWRITEBYTECODE="1")),
                ("", command[:1] + ["--version"] if script else command[:3] + ["--version"],
                 compiled)]
    if kind == "regular":  # pip compiled its bytecode: the variant would measure the same
        del variants[1]
    for label, cmd, env in variants:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)  # warm-up
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        shown = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd[:-1]))
        last = cmd[-1] if cmd[-1] == "--version" else "FILE"
        if not label and last == "FILE":
            _cli_cpu[:] = [statistics.median(cpus)]
        print(f"`{shown} {last}` from the shell{label} ({runs} runs): median "
              f"{statistics.median(walls) * 1000:.0f} ms wall, {statistics.median(cpus) * 1000:.0f} "
              f"ms CPU (best {min(walls) * 1000:.0f} ms wall)")
    # a bare interpreter's start (the same Python, its site imports included), as the
    # measure of "about the time Python takes to start"
    bare = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=compiled)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        bare.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    classify_cpu = _cli_cpu[0] if _cli_cpu else None
    if classify_cpu:
        ratio = classify_cpu / max(statistics.median(bare), 1e-6)
        print(f"  a bare interpreter's start: {statistics.median(bare) * 1000:.0f} ms CPU; "
              f"`smartsync classify FILE` is {ratio:.1f}x that")
        MEASURED["cli_ratio"] = ratio
    # where one run's time goes, in a fresh process of the same Python (median of the runs)
    parts = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _CLI_PARTS, str(path)], env=compiled,
                              capture_output=True, text=True, check=True, cwd="/")
        parts.append([float(x) for x in done.stdout.split()])
    imports, load, first, candidates, rest = (statistics.median(p[i] for p in parts)
                                              for i in range(5))
    print(f"  one run, wall (median): imports {imports:.0f} ms, reading the file {load:.0f} ms, "
          f"classifying (the classifier built) {first:.0f} ms, the text report "
          f"{candidates + rest:.0f} ms: the advice's matcher candidates {candidates:.0f} ms, "
          f"its classifications and the rendering {rest:.0f} ms")
    # what classify's advice costs: the what-ifs it runs on the region's live run
    from smartsync.advice import advise
    from smartsync.whatif import COUNTS

    classifier = Classifier()
    region = typical_region(7)
    done = classifier.classify(region)
    before = dict(COUNTS)
    start = clock()
    advise(done, classifier=classifier)
    print(f"  of which the advice (what to change, stability): "
          f"{COUNTS['what_ifs'] - before['what_ifs']} what-ifs "
          f"({COUNTS['fired'] - before['fired']} rule firings), "
          f"{(clock() - start) * 1000:.0f} ms CPU")


def callgrind(folder: Path, only_cli: bool = False) -> int:
    """Instruction counts (valgrind --tool=callgrind) of one classification and one CLI run."""
    if not shutil.which("valgrind"):
        print("valgrind is not installed (apt-get install valgrind)")
        return 1
    path = folder / "callgrind-region.yaml"
    dump_region(typical_region(7), path)

    def count(args: list[str], env: dict[str, str] | None = None) -> int:
        out = folder / "callgrind.out"
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *args],
            capture_output=True, text=True, check=True, env=env)
        found = re.search(r"Collected : (\d+)", result.stderr)
        return int(found.group(1)) if found else -1

    me = [sys.executable, str(Path(__file__).resolve())]
    if only_cli:
        return _callgrind_cli(folder, path, count)
    base = count(me + ["--one", "none"])
    fast = (count(me + ["--one", "fast"]) - base) / 10
    rete = (count(me + ["--one", "rete"]) - base) / 10
    print("instructions (valgrind --tool=callgrind), one typical region classified, its "
          "trace read (engine built and warmed up outside the count):")
    print(f"  fast engine:     {fast / 1e6:8.1f} M")
    MEASURED["classify_instructions"] = fast
    print(f"  experta's Rete:  {rete / 1e6:8.1f} M ({rete / fast:.1f}x)")
    if reference is not None:
        ref = (count(me + ["--one", "reference"]) - base) / 10
        print(f"  the plain-Python reference (tests/reference.py): {ref / 1e6:.1f} M "
              f"(the fast engine: {fast / ref:.0f}x)")
    # where one classification's instructions go: each part the difference of two counts
    # (ten runs of each, the cyclic collector off, as in a classification)
    none = count(me + ["--one", "phase-none"])
    parts = {part: (count(me + ["--one", part]) - none) / 10
             for part in ("phase-build", "phase-declare", "phase-run", "phase-result",
                          "phase-classify", "phase-trace")}
    build, declare, run = parts["phase-build"], parts["phase-declare"], parts["phase-run"]
    result, whole, traced = parts["phase-result"], parts["phase-classify"], parts["phase-trace"]
    print("  where it goes (collector off, ten runs each): building the input facts "
          f"{build / 1e6:.1f} M; reset() and declaring them (their matching) "
          f"{(declare - build) / 1e6:.1f} M; the run {(run - declare) / 1e6:.1f} M; the result "
          f"{(result - run) / 1e6:.1f} M; classify()'s own {(whole - result) / 1e6:.1f} M; "
          f"the trace {(traced - whole) / 1e6:.1f} M; in all {traced / 1e6:.1f} M (the collector "
          f"when it runs: {(fast - traced) / 1e6:.1f} M)")
    big = count(me + ["--one", "big"]) - count(me + ["--one", "big-none"])
    print(f"  one region of 2000 programs per plan (checked beforehand): {big / 1e6:.1f} M "
          f"({big / fast:.1f}x the typical region's)")
    read = (count(me + ["--one", "read"]) - base) / 10
    read_yaml = (count(me + ["--one", "read-yaml"]) - base) / 10
    library = (count(me + ["--one", "read-library"]) - base) / 10
    print(f"  one typical region file read: {read / 1e6:.1f} M; its located tree "
          f"{read_yaml / 1e6:.1f} M; yaml.load of the same text {library / 1e6:.1f} M "
          f"({read_yaml / library:.2f}x)")
    cli = count([sys.executable, "-m", "smartsync.cli", "classify", str(path)])
    print(f"  `smartsync classify FILE`, the whole process: {cli / 1e6:.1f} M")
    return _callgrind_cli(folder, path, count)


def _callgrind_cli(folder: Path, path: Path, count) -> int:
    """The instructions of ``smartsync classify FILE`` and ``smartsync --version`` as an
    installed command runs them: modules' bytecode cached (a session that sets
    PYTHONDONTWRITEBYTECODE would count compiling every module at every start)."""
    compiled = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    command = [sys.executable, "-m", "smartsync.cli"]
    script = shutil.which("smartsync", path=str(Path(sys.executable).parent))
    if script:
        command = [script]
    kind = _install_kind(sys.executable)
    bare = count([sys.executable, "-c", "pass"], compiled)
    print(f"  a bare interpreter's start (`python -c pass`, site included): {bare / 1e6:.1f} M")
    for args in (["classify", str(path)], ["--version"]):
        subprocess.run(command + args, env=compiled, stdout=subprocess.DEVNULL, check=True)
        shown = " ".join([Path(command[0]).name, *command[1:], args[0],
                          "FILE" if len(args) > 1 else ""]).strip()
        counted = count(command + args, compiled)
        print(f"  `{shown}` ({kind} install, bytecode cached): {counted / 1e6:.1f} M "
              f"({counted / bare:.1f}x the bare start)")
        if args[0] == "classify":
            MEASURED["cli_instructions"] = counted
            MEASURED["cli_ratio"] = counted / bare
    report_targets()
    return 0


def _one(which: str) -> int:
    """For --callgrind: build and warm up, then classify one region (ten times), so that
    the count minus the 'none' run's is the classification's."""
    region = typical_region(7)
    classifier = {"fast": Classifier, "none": Classifier, "read": Classifier,
                  "read-yaml": Classifier, "read-library": Classifier, "reference": Classifier,
                  "big": Classifier,
                  "big-none": Classifier, **{p: Classifier for p in (
                      "phase-none", "phase-build", "phase-declare", "phase-run", "phase-result",
                      "phase-classify", "phase-trace")},
                  "rete": lambda: _classifier(_RecordingEngine)}[which]()
    classifier.classify(typical_region(8))
    # ten different files (a file read again would find its short values known)
    texts = [dumps_region(typical_region(100 + seed)) for seed in range(10)]
    read_region(dumps_region(region), name="r.yaml")  # imports PyYAML, warms up the reader
    import yaml

    from smartsync.io import _yaml
    if which.startswith("phase-"):
        from smartsync.facts import region_facts

        engine = classifier._engine

        def build():  # noqa: ANN202
            return [*region_facts(region, classifier.typology, classifier.params),
                    *classifier._input_facts(region, classifier.params)]

        def declare():  # noqa: ANN202
            engine.reset()
            engine.declare(*build())

        def run():  # noqa: ANN202
            declare()
            engine.run()

        def result():  # noqa: ANN202
            run()
            classifier._result(region, classifier.params, engine)

        part = {"phase-none": lambda: None, "phase-build": build, "phase-declare": declare,
                "phase-run": run, "phase-result": result,
                "phase-classify": lambda: classifier.classify(region),
                "phase-trace": lambda: classifier.classify(region).trace.steps}[which]
        gc.disable()
        for _ in range(10):
            part()
        return 0
    if which.startswith("big"):
        from smartsync.validation import mark_checked

        big = mark_checked(typical_region(1, programs=2000))
        if which == "big":
            classifier.classify(big)
        return 0
    if which == "reference":
        reference.reference_classify(region)
        for _ in range(10):
            reference.reference_classify(region)
        return 0
    if which.startswith("read"):
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        read = {"read": lambda t: read_region(t, name="r.yaml"), "read-yaml": _yaml.parse,
                "read-library": lambda t: yaml.load(t, Loader=loader)}[which]
        for text in texts:
            read(text)
    elif which != "none":
        for _ in range(10):
            classifier.classify(region).trace.steps
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer regions, for a smoke run")
    parser.add_argument("--callgrind", action="store_true",
                        help="instruction counts with valgrind --tool=callgrind")
    parser.add_argument("--cli", action="store_true",
                        help="section 5 alone: `smartsync classify FILE` and `smartsync "
                             "--version` from the shell (run it with the Python of a regular "
                             "install: an editable one adds its import hook to every start)")
    parser.add_argument("--section", choices=("growth", "country", "whatif"),
                        help="one section alone (whatif: the what-if, advice, explain and "
                             "batch --advice rows, with their targets)")
    parser.add_argument("--one", choices=("none", "fast", "rete", "reference", "big", "big-none",
                                          "read", "read-yaml", "read-library", "phase-none",
                                          "phase-build", "phase-declare", "phase-run",
                                          "phase-result", "phase-classify", "phase-trace"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        return _one(args.one)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.section == "growth":
            bench_growth(args.quick)
            return 0
        if args.section == "country":
            bench_country(100 if args.quick else 514, folder)
            return 0
        if args.callgrind:
            return callgrind(folder, only_cli=args.cli)
        if args.cli:
            bench_cli(folder, 5 if args.quick else 15)
            report_targets()
            return 0
        if args.section == "whatif":
            bench_whatif(5 if args.quick else 20)
            bench_batch_advice(folder, 10 if args.quick else 40)
            report_targets()
            return 0
        load = os.getloadavg()[0]
        print(f"load average at start: {load:.2f} (on {os.cpu_count()} CPUs; other work slows "
              "wall times and, less, CPU times)")
        bench_typical(30 if args.quick else 100)
        bench_whatif(5 if args.quick else 20)
        for section in ("growth", "country"):  # each in a fresh process (see the docstring)
            sys.stdout.flush()
            subprocess.run([sys.executable, __file__, "--section", section]
                           + (["--quick"] if args.quick else []), check=True)
        bench_cli(folder, 5 if args.quick else 15)
        bench_batch_advice(folder, 10 if args.quick else 40)
        report_targets()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    apart = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak resident memory of the process: {rss:.0f} MiB (of the largest process it ran: "
          f"{apart:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
