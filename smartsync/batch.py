"""Many regions at once: :func:`classify_many`, in one process or several.

:func:`classify_many` takes regions, region files, folders of region files
and tables (a folder holding ``regions.csv``, or an ``.xlsx`` workbook) and
yields one :class:`BatchItem` per region, **in input order** whatever the
number of processes: with ``jobs`` above 1 the regions are classified in
worker processes, a few at a time, and a result that finishes early waits
until every region before it has been yielded. A region that cannot be read
or classified yields an item with an ``error`` (and its problems) and the
batch goes on.

Each worker process builds the inference engine once and resets it for each
region (see :func:`smartsync.engine.default_classifier`). ``jobs=1`` runs
everything in the calling process.
"""

from __future__ import annotations

import collections
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, Sized, Union

import attrs

from ._text import encodable
from .errors import MAX_MESSAGE, _shown
from .errors import (InvalidRegionError, Place, Problem, RegionFileError, Severity, SmartsyncError,
                     coded_problem)
from .io import check_region_file
from .io.paths import list_folder, path_kind
from .io.regionfile import REGION_FILE_SUFFIXES
from .model import Region
from .result import Classification
from .tabular import RegionRows, TableRegion, is_tables, no_tables_problem, table_rows
from .typology import Parameters

__all__ = ["BatchItem", "classify_many", "DEFAULT_CHUNKSIZE"]

PathLike = Union[str, "os.PathLike[str]"]

#: how many regions a worker process takes at a time
DEFAULT_CHUNKSIZE = 8


@attrs.frozen
class BatchItem:
    """The outcome for one region of a batch.

    ``index``: the region's position in the input (0-based, folders and
    tables counted region by region); ``region_id``: its id (``None`` when it
    could not be read); ``source``: the file (and row) it came from, ``None``
    for a :class:`~smartsync.Region` given in code; ``classification``: the
    result, or ``None`` when the region failed; ``error``: why it failed,
    one line; ``problems``: the input problems behind the error, and the
    warnings of a region that loaded.
    """

    index: int
    region_id: str | None
    source: str | None = attrs.field(converter=lambda s: s if s is None else encodable(s))
    classification: Classification | None = None
    error: str | None = attrs.field(default=None, converter=lambda e: _shown(e, MAX_MESSAGE))
    problems: tuple[Problem, ...] = ()

    def error_in(self, lang: str = "en") -> str | None:
        """Why the region failed, in ``lang`` (``en`` or ``id``): the error said again from
        its problems in that language when it was made from them; else as written."""
        if self.error is None or lang == "en" or not self.problems:
            return self.error
        if _shown(_error_text(self.problems), MAX_MESSAGE) != self.error:
            return self.error
        return _shown(_error_text(self.problems, lang), MAX_MESSAGE)

    @property
    def error_names_source(self) -> bool:
        """Whether the error already names the item's file: it was made from its problems,
        and each of those (the errors among them) is a problem of that file."""
        if self.error is None or not self.problems or self.source is None:
            return False
        errors = [p for p in self.problems if p.severity is Severity.ERROR] or list(self.problems)
        return (all(p.file == self.source for p in errors)
                and _shown(_error_text(self.problems), MAX_MESSAGE) == self.error)

    @property
    def ok(self) -> bool:
        """Whether the region was classified."""
        return self.classification is not None


# --------------------------------------------------------------------------
# units of work: what one input item stands for, region by region


@attrs.frozen
class _Unit:
    """One region to classify: a region in memory, a region file to read, or a failure already known."""

    kind: str  # "region" | "file" | "rows" | "failed"
    region: Region | None = None
    rows: RegionRows | None = None
    path: str | None = None
    region_id: str | None = None
    source: str | None = None
    problems: tuple[Problem, ...] = ()
    error: str | None = None


def _from_table(group: RegionRows | TableRegion) -> _Unit:
    if isinstance(group, RegionRows):  # checked where it is classified (in a worker)
        return _Unit("rows", rows=group, region_id=group.region_id, source=group.source)
    return _Unit("failed", region_id=group.region_id, source=group.source,
                 problems=group.problems)


def _units(items: Iterable[Region | PathLike]) -> Iterator[_Unit]:
    """The regions the input items stand for, lazily, in order."""
    if isinstance(items, (Region, str, os.PathLike)):
        items = [items]
    for item in items:
        if isinstance(item, Region):
            yield _Unit("region", region=item, region_id=item.id)
            continue
        if not isinstance(item, (str, os.PathLike)):
            raise TypeError(f"classify_many takes regions and paths, got {type(item).__name__} "
                            f"{item!r}")
        path = Path(item)
        name = os.fspath(item)
        if not name:
            yield _Unit("failed", source="''", problems=(Problem(
                "an empty path; give a file or folder name", file="''", code="no-such-file"),))
            continue
        kind = path_kind(path)
        if kind == "file" and path.name.lower() in ("regions.csv", "elements.csv", "matches.csv"):
            path, name = path.parent, os.fspath(path.parent) or "."
            kind = "dir"
        tables = is_tables(path)
        if tables:
            try:
                for group in table_rows(path):
                    yield _from_table(group)
            except ImportError as exc:  # openpyxl missing for a workbook
                yield _Unit("failed", source=name, error=str(exc),
                            problems=(Problem(str(exc), file=name, code="needs-openpyxl"),))
        if kind == "dir":
            # a folder stands for its tables and its region files, both
            files, problem = list_folder(path)
            if problem is not None:
                yield _Unit("failed", source=name, problems=(problem,))
            elif not files and not tables:
                suffixes = ", ".join(f"*{s}" for s in REGION_FILE_SUFFIXES)
                yield _Unit("failed", source=name, problems=(no_tables_problem(path, suffixes),))
            for file in files:
                yield _Unit("file", path=os.fspath(file), source=os.fspath(file))
        elif not tables:
            yield _Unit("file", path=name, source=name)


def _error_text(problems: Sequence[Problem], lang: str = "en") -> str:
    """The errors of an input, on one line, in ``lang``."""
    errors = [p for p in problems if p.severity is Severity.ERROR] or list(problems)
    text = "; ".join(p.format(lang) for p in errors)
    if len(errors) <= 1:
        return text
    if lang == "en":
        return f"{len(errors)} errors: {text}"
    from .messages import text as message

    return message("batch.error_count", lang, count=len(errors), errors=text)


# --------------------------------------------------------------------------
# doing the work (in this process or in a worker)


def _load_unit(unit: _Unit, index: int) -> "tuple[Region, tuple[Problem, ...]] | BatchItem":
    """The region a unit stands for and its problems (warnings), or the failed item when it
    cannot be read (shared by the batch and :mod:`smartsync.study`)."""
    region, problems = unit.region, unit.problems
    if unit.kind == "failed":
        return BatchItem(index, unit.region_id, unit.source, None,
                         unit.error or _error_text(problems), problems)
    if unit.kind == "rows":
        assert unit.rows is not None
        report = unit.rows.build()
        problems, region = report.problems, report.region
        if region is None:
            return BatchItem(index, unit.region_id, unit.source, None, _error_text(problems),
                             problems)
    if unit.kind == "file":
        assert unit.path is not None
        report = check_region_file(unit.path)
        problems = report.problems
        region = report.region
        if region is None:  # the id the file names, when it could be read
            return BatchItem(index, report.region_id, unit.source, None, _error_text(problems),
                             problems)
    assert region is not None
    return region, tuple(problems)


def _classifier(rules: str | None) -> Any:
    """The classifier of the rule pack set ``rules`` names (the default one for ``None``),
    loaded once per process (smartsync.variants.load_classifier)."""
    if rules is None:
        from .engine import default_classifier

        return default_classifier()
    found = _classifiers.get(rules)
    if found is None:
        from .variants import load_classifier

        found = _classifiers[rules] = load_classifier(rules)
    return found


_classifiers: dict[str, Any] = {}


def _classify(unit: _Unit, index: int, params: Parameters | None,
              rules: str | None = None) -> BatchItem:
    loaded = _load_unit(unit, index)
    if isinstance(loaded, BatchItem):
        return loaded
    region, problems = loaded
    assert region is not None
    try:
        if rules is None:
            from . import engine

            c = engine.classify(region, params=params)
        else:
            c = _classifier(rules).classify(region, params=params)
    except (InvalidRegionError, RegionFileError) as exc:
        return BatchItem(index, region.id, unit.source, None, _error_text(exc.problems),
                         tuple(exc.problems))
    except SmartsyncError as exc:
        return BatchItem(index, region.id, unit.source, None, " ".join(str(exc).split()), problems)
    except Exception as exc:  # a rule that breaks on one region must not stop the batch
        return BatchItem(index, region.id, unit.source, None,
                         f"classification failed: {type(exc).__name__}: {exc}", problems)
    return BatchItem(index, region.id, unit.source, c, None, problems)


Render = Callable[[BatchItem], Any]

_worker_params: Parameters | None = None
_worker_rules: str | None = None


def _watch_parent(parent: int) -> None:
    """Exit as soon as the batch process ``parent`` is gone (it was killed): checked at once,
    then every second, so a worker started after the batch died does not linger either."""
    while True:
        if not _parent_alive(parent):
            os._exit(1)
        time.sleep(1.0)


def _parent_alive(parent: int) -> bool:
    if os.getppid() == 1:  # re-parented to init: whoever started this process is gone
        return False
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - a process of another user has its pid now
        return False
    return True


def _init_worker(params: Parameters | None, parent: int | None = None,
                 rules: str | None = None) -> None:
    """Set up a worker process: Ctrl-C is the parent's business; build the engine once.

    ``parent``: the pid of the batch process, recorded by the batch itself (not read here
    with ``getppid()``, which is already 1 in a worker started after the batch died)."""
    global _worker_params, _worker_rules
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_params, _worker_rules = params, rules
    if parent is not None:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    try:
        _classifier(rules)
    except Exception:  # said by each region's item, where the batch reports it
        pass


def _done(unit: _Unit, index: int, params: Parameters | None,
          render: Render | None, rules: str | None = None) -> tuple[BatchItem, Any]:
    """The item and, with ``render``, what it renders to; a rendered item is sent without its
    classification (pickling one costs about as much as a fifth of classifying it)."""
    item = _classify(unit, index, params, rules)
    if render is None:
        return item, None
    return attrs.evolve(item, classification=None), render(item)


def _work(chunk: list[tuple[int, _Unit]], render: Render | None) -> list[tuple[BatchItem, Any]]:
    return [_done(unit, index, _worker_params, render, _worker_rules) for index, unit in chunk]


def _local(units: Iterable[tuple[int, _Unit]], params: Parameters | None,
           render: Render | None, rules: str | None = None) -> Iterator[tuple[BatchItem, Any]]:
    for index, unit in units:
        yield _done(unit, index, params, render, rules)


def _pooled(units: Iterable[tuple[int, _Unit]], jobs: int, params: Parameters | None,
            chunksize: int, render: Render | None,
            rules: str | None = None) -> Iterator[tuple[BatchItem, Any]]:
    executor = ProcessPoolExecutor(jobs, initializer=_init_worker,
                                   initargs=(params, os.getpid(), rules))
    pending: collections.deque[Future[list[tuple[BatchItem, Any]]]] = collections.deque()
    window = jobs * 3
    try:
        chunk: list[tuple[int, _Unit]] = []
        for index, unit in units:
            if unit.kind == "failed" and not chunk and not pending:
                yield _done(unit, index, params, render, rules)
                continue
            chunk.append((index, unit))
            if len(chunk) >= chunksize:
                pending.append(executor.submit(_work, chunk, render))
                chunk = []
                while len(pending) >= window:
                    yield from pending.popleft().result()
        if chunk:
            pending.append(executor.submit(_work, chunk, render))
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        executor.shutdown(wait=True, cancel_futures=True)


def classify_many(
    regions: Iterable[Region | PathLike] | Region | PathLike,
    *,
    jobs: int = 1,
    params: Parameters | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    rules: str | None = None,
) -> Iterator[BatchItem]:
    """Classify many regions; yield a :class:`BatchItem` per region, in input order.

    ``regions``: :class:`~smartsync.Region` objects and paths, mixed: a
    region file, a folder of region files, a folder of tables (holding
    ``regions.csv``) or an ``.xlsx`` workbook (see :mod:`smartsync.tabular`);
    one path alone is accepted too. Items are read lazily, as the batch gets
    to them.

    ``jobs``: worker processes (``0``: one per CPU; ``1``: none, all in this
    process); never more than the CPUs (:func:`worker_count`). Whatever ``jobs`` is, items come out in input order, each as
    soon as it and every item before it are done, and the results are the
    same. ``params``: the :class:`~smartsync.Parameters` for every region.
    ``chunksize``: regions a worker takes at a time. ``rules``: a typology
    variant or rule pack set, as ``smartsync classify --rules`` takes it (a
    registered name, a module, ``module:object``; see
    :func:`smartsync.variants.load_classifier`), loaded once per process; the
    default rules when ``None``. A name that names nothing raises
    :class:`~smartsync.RulePackError` before any region is read.

    A region that cannot be read or classified gives an item with
    ``classification=None`` and an ``error``; the batch goes on. A region
    whose id an earlier item already had fails too (two versions of one
    region in a batch are a mistake to fix, not to pick from silently).
    A classification made in a worker process answers why-not by
    classifying its region again, in this process, the first time it is
    asked.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        raise ValueError(f"jobs must be a whole number, 0 or more, got {jobs!r}")
    if isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
        raise ValueError(f"chunksize must be a whole number, 1 or more, got {chunksize!r}")
    if params is not None and not isinstance(params, Parameters):
        raise TypeError(f"params must be smartsync.Parameters, got {type(params).__name__}")
    if isinstance(regions, Sequence) and all(isinstance(r, Region) for r in regions):
        jobs = worker_count(jobs, len(regions))
    if rules is not None:
        _classifier(rules)  # a name that names nothing: said now, not once per region
    pairs = _run(_units(regions), jobs=jobs, params=params, chunksize=chunksize, rules=rules)
    return (item for item, _ in _deduplicated(pairs))


def _run(units: Iterable[_Unit], *, jobs: int, params: Parameters | None, chunksize: int,
         render: Render | None = None, rules: str | None = None) -> Iterator[tuple[BatchItem, Any]]:
    """Each unit's item, with ``render(item)`` computed where the item was made, in order."""
    jobs = worker_count(jobs, len(units) if isinstance(units, Sized) else None)
    numbered = enumerate(units)
    if jobs == 1:
        return _local(numbered, params, render, rules)
    return _pooled(numbered, jobs, params, chunksize, render, rules)


def worker_count(jobs: int, work: int | None = None) -> int:
    """How many worker processes ``jobs`` gives: ``0`` means one per CPU; never more than the
    CPUs, nor than the regions to classify (``work``, when known), nor fewer than 1."""
    cpus = os.cpu_count() or 1
    count = cpus if jobs == 0 else min(jobs, cpus)
    if work is not None:
        count = min(count, work)
    return max(count, 1)


def _deduplicated(pairs: Iterable[tuple[BatchItem, Any]],
                  render: Render | None = None) -> Iterator[tuple[BatchItem, Any]]:
    """The pairs, with a region whose id came earlier turned into an error (rendered again)."""
    seen: dict[str, str] = {}  # region id -> where it first came from (not the item: memory)
    try:
        for item, rendered in pairs:
            if item.error is None and item.region_id is not None:
                where = seen.get(item.region_id)
                if where is not None:
                    problem = coded_problem("duplicate-region",
                                            {"region": repr(item.region_id), "first": where,
                                             "form": "batch"},
                                            file=item.source, where=Place("region"))
                    item = BatchItem(item.index, item.region_id, item.source, None, str(problem),
                                     item.problems + (problem,))
                    rendered = render(item) if render is not None else None
                else:
                    seen[item.region_id] = item.source or f"item {item.index}"
            yield item, rendered
    finally:
        close = getattr(pairs, "close", None)
        if close is not None:
            close()
