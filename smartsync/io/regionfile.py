"""Region files: read, check and write the ``smartsync/region@1`` format (YAML or JSON).

Reading reports *every* problem of a file at once, each naming the file, the
line, the element or match and what is wrong, with a "did you mean" for
misspellings. See ``docs/region-file.rst`` for the format and the full list
of errors and warnings.
"""

from __future__ import annotations

import datetime
import functools
import math
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from itertools import starmap
from typing import Any, TypeVar, Union

import attrs

from .._text import bad_character_values, bidi_control, unremarkable
from ..errors import (LoadReport, Place, Problem, RegionFileError, Severity, coded_problem,
                      did_you_mean, path_problem)
from ..model import (
    Confidence,
    Dimension,
    Element,
    Level,
    Match,
    Period,
    Plan,
    PlanKind,
    Provenance,
    Region,
    RegionKind,
    RejectedMatch,
    Relation,
    Source,
    _unchecked,
    _unchecked_plan,
)
from .paths import open_problem, path_kind
from ..validation import ElementRef, MatchRef, check_references, mark_checked
from .._gc import paused_gc
from ._source import (
    _EXPONENT_FLOAT,
    AMBIGUOUS_RUPIAH,
    MAX_BUDGET,
    MAX_FILE_BYTES,
    Located,
    SourceProblem,
    decode,
    limit,
    parse_json,
    parse_yaml,
    plain,
    rupiah_amount,
)

__all__ = [
    "MAX_FILE_BYTES",
    "REGION_FILE_SUFFIXES",
    "SCHEMA",
    "RegionFileReport",
    "check_region_file",
    "check_region_text",
    "dump_region",
    "dumps_region",
    "iter_regions",
    "load_region",
    "load_regions",
    "read_region",
    "region_files",
    "region_from_dict",
    "region_to_dict",
]

#: the format name and version this module reads and writes
SCHEMA = "smartsync/region@1"
#: the suffixes :func:`region_files` picks up in a folder
REGION_FILE_SUFFIXES = (".yaml", ".yml", ".json")

PathLike = Union[str, "os.PathLike[str]"]

_TOP_KEYS = ("schema", "region", "rpjmd", "masterplan", "matches", "rejected")
_REGION_KEYS = ("id", "name", "kind", "province", "nomenclature")
_PLAN_KEYS = ("period", "elements")
_ELEMENT_KEYS = ("id", "level", "text", "parents", "parent", "code", "dimension", "indicators", "budget",
                 "agency", "provenance", "confidence", "nomenclature")
_PROVENANCE_KEYS = ("file", "page", "printed_page", "sheet", "row", "text", "code", "budget_by_year", "also")
_YEAR_BUDGET_KEYS = ("year", "budget")
_CONFIDENCE_KEYS = ("score", "reasons")
_MATCH_KEYS = ("masterplan", "rpjmd", "relation", "source", "score", "note", "evidence")
_REJECTED_KEYS = ("masterplan", "rpjmd", "note")
_YEARS = (1900, 2200)
#: the keys of the usual element (_Reader.usual_element)
_USUAL_ELEMENT_KEYS = frozenset(("id", "level", "text", "parents", "code", "dimension", "budget"))
#: the keys of the usual match
_USUAL_MATCH_KEYS = frozenset(("masterplan", "rpjmd", "relation", "source", "score", "note"))

# the model's objects and the references' records, built from values the reader checked
# (model._unchecked: their fields positionally, in their classes' order)
_new_element = _unchecked(Element)
_new_match = _unchecked(Match)
_new_rejected = _unchecked(RejectedMatch)
_new_region = _unchecked(Region)
_new_element_ref = _unchecked(ElementRef)
_new_match_ref = _unchecked(MatchRef)


@attrs.frozen
class RegionFileReport(LoadReport):
    """What reading one region file gave: the region (``None`` when it has errors) and every problem.

    ``problems`` holds errors and warnings in the order of the file. A
    report with warnings only still has its region. ``region_id`` is the id
    the file gives its region, kept when the region has errors elsewhere (so
    a batch row of a failed file still says which region it was); ``None``
    when the file names none that could be read.
    """

    file: str
    region: Region | None
    problems: tuple[Problem, ...] = ()
    region_id: str | None = None

    @property
    def source_name(self) -> str:
        """Where the region was read from."""
        return self.file


# --------------------------------------------------------------------------
# reading


def _format_of(path: PathLike, format: str | None) -> str:
    if format is not None:
        if format not in ("yaml", "json"):
            raise ValueError(f"format must be 'yaml' or 'json', got {format!r}")
        return format
    return "json" if Path(path).suffix.lower() == ".json" else "yaml"


def _size_problem(size: int, max_bytes: int, name: str) -> Problem:
    """A file above the size limit: its size and the limit, each in its unit
    (``9,714 bytes (9.5 KB)``), worded by the catalogs (``problem.too-large``)."""
    return coded_problem("too-large", {"file_bytes": size, "limit_bytes": max_bytes}, file=name)


#: the first bytes of the documents a planner holds, which are no region file: a PDF, an
#: Office Open XML file (Word, a workbook: a ZIP archive), an old Office file (.doc, .xls)
_DOCUMENT_SIGNATURES = ((b"%PDF-", "pdf"), (b"PK\x03\x04", "zip"),
                       (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"))


def _refuse_document(data: bytes) -> None:
    """Raise a :class:`SourceProblem` saying which command reads the file when ``data`` is
    a plan document (PDF, Word, workbook) rather than a region file: told by its first
    bytes, whatever its name (a PDF is not "not UTF-8")."""
    for signature, kind in _DOCUMENT_SIGNATURES:
        if data.startswith(signature):
            if kind == "zip":  # Word keeps its parts under word/, a workbook under xl/
                head = data[:1 << 20]
                kind = ("word" if b"word/" in head else "workbook" if b"xl/" in head
                        else "zip")
            from ..messages import text

            raise SourceProblem(text(f"problem.document.{kind}", "en"), code="document",
                                values={"form": kind})


def check_region_text(
    data: str | bytes,
    *,
    name: str = "<string>",
    format: str = "yaml",
    max_bytes: int | None = None,
) -> RegionFileReport:
    """Read a region from text or bytes (YAML or JSON) and report every problem; never raises for bad input.

    ``name`` is the file name problems report. Bytes must be UTF-8.
    ``max_bytes`` defaults to :data:`smartsync.io.MAX_FILE_BYTES` (read at
    each call, so a program may change it).
    """
    format = _format_of(name, format)
    max_bytes = limit("MAX_FILE_BYTES") if max_bytes is None else max_bytes
    size = len(data.encode("utf-8", "surrogatepass")) if isinstance(data, str) else len(data)
    if size > max_bytes:
        return RegionFileReport(name, None, (_size_problem(size, max_bytes, name),))
    with paused_gc():  # loading in time proportional to the size (smartsync._gc)
        try:
            if isinstance(data, bytes):
                _refuse_document(data)
            text = decode(data) if isinstance(data, bytes) else data
            if not text.strip():
                raise SourceProblem("the file is empty", code="empty-file", values={"form": "empty"})
            root = parse_json(text) if format == "json" else parse_yaml(text)
            if root is None:
                raise SourceProblem("the file holds no data (only comments or blank lines)",
                                    code="empty-file", values={"form": "no_data"})
        except SourceProblem as exc:
            return RegionFileReport(name, None, (Problem(exc.message, file=name, line=exc.line,
                                                         code=exc.code, values=exc.values),))
        report = _Reader(name).read(root)
        # the located tree is garbage now: freed here, not walked by the collector's first
        # pass after the pause (0.3 ms a typical file)
        del root
    return report


def check_region_file(
    path: PathLike,
    *,
    format: str | None = None,
    max_bytes: int | None = None,
) -> RegionFileReport:
    """Read a region file and report every problem; never raises for a bad or missing file.

    The format follows the suffix (``.json`` is JSON, anything else YAML)
    unless ``format`` says otherwise.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"check_region_file takes a path, got {type(path).__name__}")
    name = os.fspath(path)
    fmt = _format_of(path, format)
    max_bytes = limit("MAX_FILE_BYTES") if max_bytes is None else _max_bytes(max_bytes)

    def failed(message: str, code: str, values: Any = None) -> RegionFileReport:
        return RegionFileReport(name, None, (Problem(message, file=name, code=code, values=values),))

    if not name:
        return failed("an empty path; give a file name", "no-such-file")
    blocked = open_problem(path)  # a FIFO, a dangling link... before open() could block
    if blocked is not None:
        return RegionFileReport(name, None, (blocked,))
    if path_kind(path) == "dir":
        return failed("is a folder, not a region file", "not-a-file", {})
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > max_bytes:
                return RegionFileReport(name, None, (_size_problem(size, max_bytes, name),))
            data = handle.read(min(size, max_bytes) + 1)
    except FileNotFoundError:
        return failed("no such file", "no-such-file", {})
    except IsADirectoryError:
        return failed("is a folder, not a region file", "not-a-file", {})
    except OSError as exc:
        reason, fix = path_problem(exc)
        return failed(f"cannot be read: {reason}; {fix}", "unreadable")
    return check_region_text(data, name=name, format=fmt, max_bytes=max_bytes)


def decisions_in(path: PathLike) -> tuple[int, int] | None:
    """How many matches and rejected suggestions the region file at ``path`` holds (the
    work a planner or reviewer put in it; ``(0, 0)`` for an empty file), or ``None`` when
    the file is not one a region file reads as: not YAML or JSON, not a mapping with
    region-file keys, or larger than :data:`MAX_FILE_BYTES`. Asked by ``draft`` before it
    writes over a file."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit("MAX_FILE_BYTES"):
                return None
            data = handle.read(size + 1)
    except OSError:
        return None
    if not data.strip():
        return (0, 0)
    try:
        text = decode(data)
        tree = parse_json(text) if _format_of(path, None) == "json" else parse_yaml(text)
    except (SourceProblem, RecursionError, ValueError):
        return None
    if tree is None:
        return (0, 0)
    if not isinstance(tree.value, dict) or not {"schema", "region"} & set(tree.value):
        return None

    def count(key: str) -> int:
        item = tree.value.get(key)
        return len(item.value) if item is not None and isinstance(item.value, list) else 0

    return (count("matches"), count("rejected"))


def _max_bytes(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"max_bytes must be a whole number, 0 or more, got {value!r}")
    return value


def read_region(data: str | bytes, *, name: str = "<string>", format: str = "yaml") -> Region:
    """The region in ``data`` (YAML or JSON text); raises :class:`~smartsync.errors.RegionFileError` listing every problem."""
    return check_region_text(data, name=name, format=format).region_or_raise()


def load_region(path: PathLike, *, format: str | None = None, max_bytes: int | None = None) -> Region:
    """The region in a YAML or JSON file; raises :class:`~smartsync.errors.RegionFileError` listing every problem.

    Warnings do not stop loading; :func:`check_region_file` returns them.
    """
    return check_region_file(path, format=format, max_bytes=max_bytes).region_or_raise()


def region_files(folder: PathLike) -> list[Path]:
    """The region files of a folder (``*.yaml``, ``*.yml``, ``*.json``, not hidden ones), sorted by name.

    Names that are not readable files -- a symbolic link that loops or points nowhere, a
    FIFO -- are listed too, so that reading them reports the problem instead of skipping
    them silently; folders are left out."""
    return sorted(
        p for p in Path(folder).iterdir()
        if p.suffix.lower() in REGION_FILE_SUFFIXES and not p.name.startswith(".")
        and path_kind(p) in ("file", "broken-link", "special", "error")
    )


def _expand(paths: PathLike | Iterable[PathLike]) -> Iterator[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        path = Path(path)
        if path_kind(path) == "dir":
            yield from region_files(path)
        else:
            yield path


def iter_regions(
    paths: PathLike | Iterable[PathLike],
    *,
    max_bytes: int | None = None,
) -> Iterator[RegionFileReport]:
    """A :class:`RegionFileReport` per file, lazily, never raising for a bad file.

    ``paths`` is a file, a folder or several of them; a folder stands for
    its :func:`region_files`. Use this to keep going past bad files.
    """
    for path in _expand(paths):
        yield check_region_file(path, max_bytes=max_bytes)


def load_regions(paths: PathLike | Iterable[PathLike], *, max_bytes: int | None = None) -> list[Region]:
    """Every region in the given files or folders, in order.

    Reads all files first; if any has errors, or two files hold the same
    region id, raises one :class:`~smartsync.errors.RegionFileError` whose
    ``problems`` list the problems of every file.
    """
    reports = list(iter_regions(paths, max_bytes=max_bytes))
    problems: list[Problem] = []
    bad: list[str] = []
    seen: dict[str, str] = {}
    for report in reports:
        if report.region is None:
            problems.extend(report.problems)
            bad.append(report.file)
            continue
        first = seen.get(report.region.id)
        if first is not None:
            problems.append(coded_problem(
                "duplicate-region", {"region": repr(report.region.id), "first": first,
                                     "form": "file"},
                file=report.file, where=Place("region")))
            bad.append(report.file)
        else:
            seen[report.region.id] = report.file
    if bad:
        raise RegionFileError(", ".join(bad), problems)
    return [r.region for r in reports if r.region is not None]


def region_from_dict(data: Mapping[str, Any], *, file: str | None = None) -> Region:
    """The region described by plain data in the region file structure (as from ``json.load``).

    Raises :class:`~smartsync.errors.RegionFileError` listing every problem,
    named after ``file`` (problems carry no line numbers).
    """
    name = file if file is not None else "<data>"
    return _Reader(name).read(plain(data)).region_or_raise()


# --------------------------------------------------------------------------
# the walk over a located tree


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, (int, float)):
        return f"the number {_number_repr(value)}"
    return f"{type(value).__name__} {value!s}"


#: the parts of a region file that must be mappings, in English (the catalogs'
#: ``problem.what.<part>`` word them in each language)
_WHAT = {"top": "the top level", "region": "the region", "rpjmd_plan": "the rpjmd plan",
         "masterplan_plan": "the masterplan plan", "element": "an element", "match": "a match",
         "rejected": "a rejected match", "provenance": "a provenance",
         "budget_by_year": "a provenance budget_by_year item", "confidence": "a confidence"}


def _got(value: Any) -> dict[str, str]:
    """What was found where another kind of value belongs, as a problem's values: ``got``
    its form (``mapping``, ``list``, ``nothing``, ``bool``, ``text``, ``number``, ``other``)
    and ``got_value`` the value as written; each language words them
    (``problem.got.<form>``: "the text 'dua ribu'", "teks 'dua ribu'")."""
    if isinstance(value, dict):
        return {"got": "mapping", "got_value": ""}
    if isinstance(value, list):
        return {"got": "list", "got_value": ""}
    if value is None:
        return {"got": "nothing", "got_value": ""}
    if isinstance(value, bool):
        return {"got": "bool", "got_value": str(value).lower()}
    if isinstance(value, str):
        return {"got": "text", "got_value": repr(value)}
    if isinstance(value, (int, float)):
        return {"got": "number", "got_value": _number_repr(value)}
    if isinstance(value, (datetime.date, datetime.time)):  # YAML reads 2019-01-01 as a date
        return {"got": "date", "got_value": str(value)}
    return {"got": "other", "got_value": f"{type(value).__name__} {value!s}"}


def _number_repr(value: int | float) -> str:
    """A number as text, a huge whole number by its size (Python will not write one of more
    than 4,300 digits)."""
    if isinstance(value, int) and abs(value) >= 10 ** 60:
        return f"{'-' if value < 0 else ''}(a whole number of about {value.bit_length() * 0.30103:.0f} digits)"
    return repr(value)


def _number(node: Located) -> Any:
    """The value of a node where a number belongs: a number written in exponent form without
    quotes (``1.25e10``, which YAML 1.1 reads as a text, keeping its spelling in ``raw``) is
    read as that number."""
    value = node.value
    if value.__class__ is str and node.raw is not None and _EXPONENT_FLOAT.fullmatch(value):
        return float(value)
    return value


_YAML_BOOLEAN_WORDS = {"yes", "no", "on", "off", "true", "false"}


def _quote_hint(node: Located) -> dict[str, str]:
    """Advice for a scalar the reader took for a number or a yes/no where a text belongs, as
    a problem's values: ``hint`` ``quote``, ``yaml_bool`` (with the ``raw`` spelling) or
    ``""`` (none); each language words it (``problem.hint.<hint>``)."""
    if node.raw is None or isinstance(node.value, (dict, list)) or node.value is None:
        return {"hint": ""}
    if isinstance(node.value, bool) and node.raw.lower() in _YAML_BOOLEAN_WORDS - {"true", "false"}:
        return {"hint": "yaml_bool", "raw": node.raw}
    return {"hint": "quote"}


def _norm(value: str) -> str:
    return "_".join(value.strip().lower().replace("-", " ").split())


_E = TypeVar("_E", Level, Dimension, Relation, Source, RegionKind)


_SPELLINGS: dict[type, dict[str, Any]] = {}
_KEY_SETS: dict[tuple[str, ...], frozenset[str]] = {}


def _key_set(keys: tuple[str, ...]) -> frozenset[str]:
    """``keys`` as a set, made once per tuple of keys."""
    found = _KEY_SETS.get(keys)
    if found is None:
        found = _KEY_SETS[keys] = frozenset(keys)
    return found


def _spellings(cls: type[_E]) -> dict[str, _E]:
    """Each spelling ``cls.parse`` accepts as it is (``vision``, ``visi``...) and its member."""
    spellings = _SPELLINGS.get(cls)
    if spellings is None:
        spellings = {}
        for name in cls.accepted_names():
            try:
                spellings[name] = cls.parse(name)
            except ValueError:  # pragma: no cover - a synonym of no member
                pass
        _SPELLINGS[cls] = spellings
    return spellings


def _known(cls: type[_E], value: Any) -> _E | None:
    """The member of ``cls`` a text spells as :meth:`~smartsync.model.Level.parse` accepts it
    as it is (``vision``, ``visi``...), or ``None`` (for anything else, even what ``parse``
    takes after folding its case and spaces)."""
    return (_SPELLINGS.get(cls) or _spellings(cls)).get(value) if value.__class__ is str else None


_GROUPED_RUPIAH = re.compile(r"(?:Rp\.?\s*)?(\d{1,3}(?:([.,])\d{3})+)(?:,-|,00|\.00)?\s*", re.IGNORECASE)


def _rupiah_digits(written: str) -> str | None:
    """The whole rupiah a budget text stands for when it is grouped in thousands in a way the
    reader does not take (``1,000,000,000``; ``Rp 1.000.000.000,-``), as the digits to
    write; ``None`` for any other text."""
    found = _GROUPED_RUPIAH.fullmatch(written.strip())
    if found is None:
        return None
    return found.group(1).replace(found.group(2), "")


class _Reader:
    """Walks a located tree, collecting every problem, and builds the region if there are no errors."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.max_text = limit("MAX_TEXT_LENGTH")  # read once per file, not per text
        #: texts that passed text()'s checks, as a text and as a line (ids, names): an id, a
        #: note or a parent named again is not checked again
        self.checked: tuple[set[str], set[str]] = (set(), set())
        #: plans with elements that could not be read: no warnings about their levels
        self.incomplete: set[PlanKind] = set()
        #: the id the file gives its region, once read (kept in a report with errors)
        self.region_id: str | None = None

    # -- recording

    def error(self, message: str, line: int | None, where: Place | None, code: str,
              suggestion: str | None = None, values: Any = None) -> None:
        self.problems.append(Problem(message, file=self.file, line=line, where=where, code=code,
                                     suggestion=suggestion, values=values))

    def coded(self, code: str, form: str, values: dict[str, Any], line: int | None,
              where: Place | None) -> None:
        """A problem worded by the catalogs' ``problem.<code>.<form>`` from ``values`` (its
        English message made from the same words: each figure written once)."""
        self.problems.append(coded_problem(code, {**values, "form": form}, file=self.file,
                                           line=line, where=where))

    def version(self, node: Located, where: Place) -> str | None:
        """A nomenclature version (text); one smartsync does not ship is a warning naming the
        versions it ships, with the likely one (the region still loads: its codes are then
        checked and bridged against the default version, and matching says so)."""
        value = self.text(node, "nomenclature", where)
        if value is not None:
            from ..matching.nomenclature import NomenclatureError, known_versions, resolve_version

            try:
                resolve_version(value)
            except NomenclatureError as exc:
                self.problems.append(Problem(
                    str(exc), file=self.file, line=node.line, where=where,
                    severity=Severity.WARNING, code="unknown-nomenclature-version",
                    suggestion=did_you_mean(value, known_versions()), values=exc.values))
        return value

    def mapping(self, node: Located, where: Place | None, what: str, allowed: tuple[str, ...],
                required: Sequence[str]) -> dict[str, Located] | None:
        """The fields of a mapping, after reporting unknown and missing keys."""
        if not isinstance(node.value, dict):
            self.coded("wrong-type", "mapping", {"what": what, **_got(node.value)}, node.line,
                       where)
            return None
        for line, message, code in node.problems:
            self.error(message, line, where, code)
        fields = node.value
        known = _KEY_SETS.get(allowed) or _key_set(allowed)
        all_known = known.issuperset(fields)
        misplaced: list[str] = []  # region's own keys written at the top level
        if not all_known:
            if what == "top":
                misplaced = [k for k in fields if k not in known and k in _REGION_KEYS]
            if misplaced:
                names = [repr(k) for k in misplaced]
                self.error(f"the region's keys {_and_list(names) if len(names) > 1 else names[0]} "
                           "are at the top level: put them under 'region:', indented: "
                           "region: {id: ..., name: ..., kind: ...}",
                           node.key_lines.get(misplaced[0]), where, "region-key-at-top",
                           values={"keys": names})
            for key in fields:
                if key not in known and key not in misplaced:
                    self.error(f"unknown key {key!r} in {_WHAT[what]}; expected {_or_list(allowed)}",
                               node.key_lines.get(key), where, "unknown-key", did_you_mean(key, allowed),
                               {"key": repr(key), "expected": _or_list(allowed),
                                "expected_keys": list(allowed)})
        for key in required:
            if key == "region" and misplaced and key not in fields:
                continue  # said above: the region's keys are there, at the wrong level
            item = fields.get(key)
            if item is None:
                self.error(f"missing required key {key!r}", node.line, where, "missing-field",
                           values={"key": repr(key), "form": "missing"})
            elif item.value is None:
                self.error(f"{key!r} has no value", item.line, where, "missing-field",
                           values={"key": repr(key), "form": "empty"})
        if all_known:
            for item in fields.values():
                if item.value is None:
                    break
            else:
                return fields  # every key known, every value given: the fields as read
        return {k: v for k, v in fields.items() if k in known and v.value is not None}

    # -- scalar fields

    def text(self, node: Located, label: str, where: Place | None, line: bool = False) -> str | None:
        """A text: not empty, no character :func:`~smartsync._text.bad_character` refuses
        (``line``: no line break either), at most ``MAX_TEXT_LENGTH`` characters."""
        value = node.value
        if value.__class__ is str and self.good(value, line):
            return value  # type: ignore[no-any-return]
        return self.bad_text(node, label, where, line)

    def good(self, value: str, line: bool) -> bool:
        """Whether the text ``value`` is one :meth:`text` takes as it is (remembered: a text
        named again, an id as a parent, is not checked again)."""
        checked = self.checked[line]
        if value in checked:
            return True
        # printable ASCII holds no character bad_character refuses (tests/test_io_unchecked.py)
        if value.strip() and len(value) <= self.max_text and (
                (value.isascii() and value.isprintable())
                or unremarkable(value, line=line)):
            checked.add(value)
            return True
        return False

    def bad_text(self, node: Located, label: str, where: Place | None, line: bool) -> str | None:
        """:meth:`text` for a value that is not a text, or not a good one: what is wrong with
        it, in this order (or the text, for a subclass of ``str`` that is a good one)."""
        value = node.value
        if not isinstance(value, str):
            self.coded("wrong-type", "text", {"label": label, **_got(value), **_quote_hint(node)},
                       node.line, where)
            return None
        if not value.strip():
            self.problems.append(coded_problem("empty-text", {"label": label}, file=self.file,
                                               line=node.line, where=where))
            return None
        bad = bad_character_values(value, line=line)
        if bad is not None:
            self.problems.append(coded_problem("bad-character", {"label": label, **bad},
                                               file=self.file, line=node.line, where=where))
            return None
        if len(value) > self.max_text:
            self.problems.append(coded_problem(
                "too-long", {"label": label, "length": len(value), "limit": self.max_text},
                file=self.file, line=node.line, where=where))
            return None
        bidi = bidi_control(value)
        if bidi is not None:  # kept (right-to-left writing may need it), said once per place
            self.problems.append(coded_problem("bidi-control", {"label": label, **bidi},
                                               file=self.file, line=node.line, where=where,
                                               severity=Severity.WARNING))
            return value
        self.checked[line].add(value)
        return value

    def ident(self, node: Located, label: str, where: Place | None) -> str | None:
        """An id or code: a text, or a number kept as written (``3374``, ``2.10``)."""
        value = node.value
        if value.__class__ is str or isinstance(value, str):
            return self.text(node, label, where, True)
        if isinstance(value, int) and not isinstance(value, bool):
            if node.raw is None and abs(value) >= 10 ** 60:
                self.coded("wrong-type", "text", {"label": label, **_got(value), "hint": ""},
                           node.line, where)
                return None
            return node.raw if node.raw is not None else str(value)
        if isinstance(value, float) and node.raw is not None and math.isfinite(value):
            return node.raw
        self.coded("wrong-type", "text", {"label": label, **_got(value), **_quote_hint(node)},
                   node.line, where)
        return None

    def choice(self, node: Located, cls: type[_E], label: str, where: Place | None, code: str) -> _E | None:
        value = node.value
        member = _known(cls, value)
        if member is not None:  # a value or synonym as written in the docs: no folding needed
            return member
        try:
            return cls.parse(value)  # type: ignore[return-value]
        except ValueError:
            pass
        accepted = ", ".join(m.value for m in cls)
        if isinstance(value, str):
            close = did_you_mean(_norm(value), cls.accepted_names())
            if close is not None:  # the name the list shows, not a synonym it does not
                close = cls.synonyms().get(close, close)
            self.error(f"unknown {label} {value!r}; expected one of: {accepted}", node.line, where,
                       code, close, {"value": repr(value), "expected": accepted})
        else:
            self.coded("wrong-type", "choice", {"label": label, "expected": accepted, **_got(value)},
                       node.line, where)
        return None

    def many(self, node: Located, label: str, where: Place | None,
             item: Callable[[Located, str, str | None], str | None],
             line: bool) -> tuple[str, ...] | None:
        """A list of texts or ids; a single one may be written without brackets. ``line``:
        the texts are lines (ids, read by :meth:`ident`)."""
        value = node.value
        if value.__class__ is list:
            checked = self.checked[line]
            items = []
            for i, n in enumerate(value, 1):
                text = n.value
                # a text seen before (a parent's id): checked then
                items.append(text if text.__class__ is str and text in checked
                             else item(n, f"{label} #{i}", where))
            if None in items:
                return None
            return tuple(items)  # type: ignore[arg-type]
        if isinstance(value, dict):
            self.coded("wrong-type", "list", {"label": label, **_got(value)}, node.line, where)
            return None
        single = item(node, label, where)
        return None if single is None else (single,)

    def budget(self, node: Located, where: Place) -> int | None:
        value = _number(node)
        # rupiah as Indonesian usage writes them ("Rp 7.000.000.000", "100.000.000.000"), read
        # as the batch tables read them; "100.000" unquoted (YAML's decimal 100.0) is said
        written = value if value.__class__ is str else node.raw if value.__class__ is float else None
        if written is not None:
            amount = rupiah_amount(written)
            if amount is AMBIGUOUS_RUPIAH:
                self.coded("bad-budget", "ambiguous", {"written": written.strip(),
                                                       "digits": written.strip().replace(".", "")},
                           node.line, where)
                return None
            if amount is not None:
                value = amount
        if isinstance(value, float) and math.isfinite(value) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            digits = _rupiah_digits(written) if written is not None else None
            if digits is not None:  # a whole figure grouped another way: the number to write
                self.coded("bad-budget", "write", {**_got(node.value), "digits": digits,
                                                     "dotted": f"{int(digits):,}".replace(",", ".")}, node.line, where)
            else:
                self.coded("bad-budget", "type", _got(node.value), node.line, where)
            return None
        if value < 0:
            self.coded("bad-budget", "negative", {"written": _number_repr(value)}, node.line, where)
            return None
        if value > MAX_BUDGET:
            self.coded("bad-budget", "limit", {"written": _number_repr(value),
                                               "power": str(len(str(MAX_BUDGET)) - 1)},
                       node.line, where)
            return None
        return value

    def score(self, node: Located, where: Place, label: str = "score") -> float | None:
        value = _number(node)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
            self.coded("bad-score", "type", {"label": label, **_got(value)}, node.line, where)
            return None
        if not 0 <= value <= 1:
            self.coded("score-range", "range", {"label": label, "written": str(value)}, node.line,
                       where)
            return None
        return float(value)

    def page_number(self, node: Located, label: str, where: Place) -> int | None:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.error(f"{label} must be a whole number from 1, got {_describe(value)}", node.line,
                       where, "bad-provenance")
            return None
        return value

    def provenance(self, node: Located, where: Place) -> Provenance | None:
        """Where a drafted element was read (see ``docs/region-file.rst``)."""
        fields = self.mapping(node, where, "provenance", _PROVENANCE_KEYS, ("file",))
        if fields is None or "file" not in fields:
            return None
        out: dict[str, Any] = {"file": self.text(fields["file"], "provenance file", where)}
        for key in ("page", "row"):
            if key in fields:
                out[key] = self.page_number(fields[key], f"provenance {key}", where)
        if "printed_page" in fields:
            out["printed_page"] = self.ident(fields["printed_page"], "provenance printed_page", where)
        for key in ("sheet", "text", "code"):
            if key in fields:
                out[key] = self.ident(fields[key], f"provenance {key}", where)
        if "budget_by_year" in fields:
            out["budget_by_year"] = self.budget_by_year(fields["budget_by_year"], where)
        if "also" in fields:
            out["also"] = self.places(fields["also"], where)
        if any(value is None for value in out.values()):
            return None
        return Provenance(**out)

    def places(self, node: Located, where: Place) -> tuple[str, ...] | None:
        """The other places a drafted element was read: a list of texts."""
        if not isinstance(node.value, list) or not node.value:
            self.error(f"provenance also must be a list of places (texts), got {_describe(node.value)}", node.line,
                       where, "bad-provenance")
            return None
        places = [self.text(item, "provenance also item", where) for item in node.value]
        return None if any(place is None for place in places) else tuple(places)  # type: ignore[arg-type]

    def budget_by_year(self, node: Located, where: Place) -> tuple[tuple[str, int], ...] | None:
        """A drafted program's yearly pagu: a list of ``{year, budget}``, each year once."""
        if not isinstance(node.value, list) or not node.value:
            self.error("provenance budget_by_year must be a list of {year, budget}, got "
                       f"{_describe(node.value)}", node.line, where, "bad-provenance")
            return None
        pairs: list[tuple[str, int]] = []
        for item in node.value:
            fields = self.mapping(item, where, "budget_by_year", _YEAR_BUDGET_KEYS,
                                  _YEAR_BUDGET_KEYS)
            if fields is None or len(fields) < 2:
                return None
            year = self.ident(fields["year"], "provenance budget_by_year year", where)
            amount = self.budget(fields["budget"], where)
            if year is None or amount is None:
                return None
            if any(year == seen for seen, _ in pairs):
                self.error(f"provenance budget_by_year gives the year {year!r} twice", item.line, where,
                           "bad-provenance")
                return None
            pairs.append((year, amount))
        return tuple(pairs)

    def confidence(self, node: Located, where: Place) -> Confidence | None:
        """A score from 0 to 1, or a mapping ``{score, reasons}``; below 1 it needs its reasons."""
        if isinstance(node.value, dict):
            fields = self.mapping(node, where, "confidence", _CONFIDENCE_KEYS, ("score",))
            if fields is None or "score" not in fields:
                return None
            score_node = fields["score"]
            reasons = (self.many(fields["reasons"], "confidence reason", where, self.text, False)
                       if "reasons" in fields else ())
        else:
            score_node, reasons = node, ()
        score = self.score(score_node, where, label="confidence")
        if score is None or reasons is None:
            return None
        if score < 1 and not reasons:
            self.error(f"a confidence of {score} below 1 needs its reasons "
                       "(confidence: {score: ..., reasons: [...]})", node.line, where,
                       "bad-confidence")
            return None
        return Confidence(score, reasons)

    def period(self, node: Located, where: Place) -> Period | None:
        value = node.value
        if not isinstance(value, list) or len(value) != 2:
            got = ({"got": "list_of", "got_value": str(len(value))} if isinstance(value, list)
                   else _got(value))
            self.coded("bad-period", "shape", got, node.line, where)
            return None
        years = []
        for label, item in zip(("start", "end"), value):
            year = item.value
            if isinstance(year, bool) or not isinstance(year, int):
                self.coded("bad-period", label, _got(year), item.line, where)
            elif not _YEARS[0] <= year <= _YEARS[1]:
                self.coded("bad-period", f"{label}_range",
                           {"year": str(year), "first": str(_YEARS[0]), "last": str(_YEARS[1])},
                           item.line, where)
            else:
                years.append(year)
        if len(years) != 2:
            return None
        if years[0] > years[1]:
            self.coded("bad-period", "order", {"start": str(years[0]), "end": str(years[1])},
                       node.line, where)
            return None
        return Period(years[0], years[1])

    # -- the structure

    def read(self, root: Located) -> RegionFileReport:
        top = root.value
        if not isinstance(top, dict):
            self.error(f"the top level must be a mapping with the keys {_and_list(_TOP_KEYS)}, "
                       f"got {_describe(top)}", root.line, None, "not-a-mapping",
                       values={"keys": list(_TOP_KEYS), **_got(top)})
            return self.report(None)
        fields = self.mapping(root, None, "top", _TOP_KEYS, ("region", "rpjmd", "masterplan"))
        assert fields is not None
        if "schema" in fields:
            node = fields["schema"]
            if node.value != SCHEMA:
                self.error(f"unsupported schema {node.value!r}; this version of smartsync reads "
                           f"{SCHEMA!r}", node.line, None, "unsupported-schema",
                           values={"schema": repr(node.value), "expected": repr(SCHEMA)})
        region = self.region(fields["region"]) if "region" in fields else None
        self.region_id = region.get("id") if region else None
        plans: dict[PlanKind, tuple[Period | None, list[tuple[Any, ...]], list[ElementRef]]] = {}
        plan_lines: dict[PlanKind, int | None] = {}
        for kind in PlanKind:
            plan_lines[kind] = root.key_lines.get(kind.value)
            plan_node = fields.get(kind.value)
            if plan_node is None:
                self.incomplete.add(kind)
                plans[kind] = (None, [], [])
            else:
                plans[kind] = self.plan(plan_node, kind)
        matches: list[tuple[Any, ...]] = []
        match_refs: list[MatchRef] = []
        if "matches" in fields:
            node = fields["matches"]
            if not isinstance(node.value, list):
                self.coded("wrong-type", "list", {"label": "matches", **_got(node.value)}, node.line,
                           Place("matches"))
            else:
                for number, item in enumerate(node.value, 1):
                    self.match(item, number, matches, match_refs)
        rejected: list[tuple[Any, ...]] = []
        rejected_refs: list[MatchRef] = []
        if "rejected" in fields:
            node = fields["rejected"]
            if not isinstance(node.value, list):
                self.coded("wrong-type", "list", {"label": "rejected", **_got(node.value)},
                           node.line, Place("rejected"))
            else:
                for number, item in enumerate(node.value, 1):
                    self.rejection(item, number, rejected, rejected_refs)
        self.problems.extend(check_references(
            plans[PlanKind.RPJMD][2], plans[PlanKind.MASTERPLAN][2], match_refs,
            file=self.file, plan_lines=plan_lines, incomplete=self.incomplete,
            rejected=rejected_refs))
        if any(p.severity is Severity.ERROR for p in self.problems):
            return self.report(None)
        assert region is not None
        # every value was checked above, each problem worded with its line and element: the
        # objects are built without their constructors' checks (model._unchecked)
        built = _new_region(
            region["id"], region["name"], region["kind"],
            self.build_plan(PlanKind.RPJMD, plans[PlanKind.RPJMD]),
            self.build_plan(PlanKind.MASTERPLAN, plans[PlanKind.MASTERPLAN]),
            tuple(starmap(_new_match, matches)), region.get("province"),
            tuple(starmap(_new_rejected, rejected)), region.get("nomenclature"))
        return self.report(mark_checked(built))

    def report(self, region: Region | None) -> RegionFileReport:
        problems = sorted(self.problems, key=lambda p: (p.line is None, p.line or 0))
        region_id = region.id if region is not None else self.region_id
        return RegionFileReport(self.file, region, tuple(problems), region_id)

    @staticmethod
    def build_plan(kind: PlanKind, parsed: tuple[Period | None, list[tuple[Any, ...]], list[ElementRef]]) -> Plan:
        period, elements, _ = parsed
        assert period is not None
        return _unchecked_plan(kind, period, tuple(starmap(_new_element, elements)))

    def region(self, node: Located) -> dict[str, Any] | None:
        region_place = Place("region")
        fields = self.mapping(node, region_place, "region", _REGION_KEYS, ("id", "name", "kind"))
        if fields is None:
            return None
        out: dict[str, Any] = {}
        if "id" in fields:
            out["id"] = self.ident(fields["id"], "id", region_place)
        if "name" in fields:
            out["name"] = self.text(fields["name"], "name", region_place)
        if "kind" in fields:
            out["kind"] = self.choice(fields["kind"], RegionKind, "region kind", region_place, "unknown-kind")
        if "province" in fields:
            out["province"] = self.text(fields["province"], "province", region_place)
        if "nomenclature" in fields:  # the nomenclature version its codes follow
            out["nomenclature"] = self.version(fields["nomenclature"], region_place)
        return out

    def plan(self, node: Located, kind: PlanKind) -> tuple[Period | None, list[tuple[Any, ...]], list[ElementRef]]:
        where = Place(kind.value)
        fields = self.mapping(node, where, f"{kind.value}_plan", _PLAN_KEYS, _PLAN_KEYS)
        if fields is None or "elements" not in fields:
            self.incomplete.add(kind)
        if fields is None:
            return None, [], []
        period = self.period(fields["period"], where) if "period" in fields else None
        if period is not None and kind is PlanKind.RPJMD:
            from ..validation import long_rpjmd

            long = long_rpjmd(period, self.file, fields["period"].line)
            if long is not None:  # longer than a five-year plan is named (newuser F207)
                self.problems.append(long)
        elements: list[tuple[Any, ...]] = []
        refs: list[ElementRef] = []
        if "elements" in fields:
            node = fields["elements"]
            if not isinstance(node.value, list):
                self.coded("wrong-type", "list", {"label": "elements", **_got(node.value)},
                           node.line, where)
                self.incomplete.add(kind)
            else:
                for number, item in enumerate(node.value, 1):
                    self.element(item, kind, number, elements, refs)
                if len(refs) < len(node.value) or any(r.level is None for r in refs):
                    self.incomplete.add(kind)
        return period, elements, refs

    def usual_element(self, node: Located, kind: PlanKind, elements: list[tuple[Any, ...]],
                      refs: list[ElementRef]) -> bool:
        """Read the usual element -- an ``id``, a ``level``, a ``text``, maybe ``parents``, a
        ``code``, a ``dimension`` and a ``budget``, each good, nothing else -- and say True;
        or say False, having recorded nothing, for :meth:`element` to read the element in
        full and word what is wrong. The same outcome either way (tests/test_io_unchecked.py),
        without a call per field."""
        fields = node.value
        if fields.__class__ is not dict or node.problems or not _USUAL_ELEMENT_KEYS.issuperset(fields):
            return False
        get = fields.get
        id_node, level_node, text_node = get("id"), get("level"), get("text")
        if id_node is None or level_node is None or text_node is None:
            return False
        element_id, text = id_node.value, text_node.value
        good = self.good
        if (element_id.__class__ is not str or text.__class__ is not str
                or not good(element_id, True) or not good(text, False)):
            return False
        level = _known(Level, level_node.value)
        if level is None:
            return False
        parents: tuple[str, ...] = ()
        parents_line = None
        parents_node = get("parents")
        if parents_node is not None:
            value = parents_node.value
            if value.__class__ is list:
                parents = tuple([n.value for n in value])
            elif value.__class__ is str:
                parents = (value,)
            else:
                return False
            for parent in parents:
                if parent.__class__ is not str or not good(parent, True):
                    return False
            parents_line = parents_node.line
        code = dimension = budget = None
        if len(fields) > 3 + (parents_node is not None):
            item = get("code")
            if item is not None:
                code = item.value
                if code.__class__ is not str or not good(code, True):
                    return False
            item = get("dimension")
            if item is not None:
                dimension = _known(Dimension, item.value)
                if dimension is None:
                    return False
            item = get("budget")
            if item is not None:
                budget = item.value
                if budget.__class__ is not int or not 0 <= budget <= MAX_BUDGET:
                    return False
        elements.append((element_id, level, text, parents, code, dimension, (), budget, None, None, None,
                         None))
        refs.append(_new_element_ref(kind, element_id, level, parents, budget is not None, node.line,
                                     parents_line, budget))
        return True

    def element(self, node: Located, kind: PlanKind, number: int,
                elements: list[tuple[Any, ...]], refs: list[ElementRef]) -> None:
        if self.usual_element(node, kind, elements, refs):
            return
        plan = kind._value_
        where = None
        value = node.value.get("id") if isinstance(node.value, dict) else None
        if value is not None and value.value is not None:
            # name the element by its id when it has a usable one
            shown = value.raw if value.raw is not None else value.value
            if isinstance(shown, int) and not isinstance(shown, bool):
                shown = str(shown)
            if isinstance(shown, str) and shown.strip():
                where = Place.element(plan, shown)
        if where is None:
            where = Place.element(plan, f"#{number}")
        fields = self.mapping(node, where, "element", _ELEMENT_KEYS, ("id", "level", "text"))
        if fields is None:
            return
        get = fields.get
        item = get("id")
        element_id = None if item is None else self.ident(item, "id", where)
        item = get("level")
        level = None if item is None else self.choice(item, Level, "level", where, "unknown-level")
        item = get("text")
        text = None if item is None else self.text(item, "text", where)
        parents: tuple[str, ...] = ()
        parents_line = None
        code = dimension = budget = agency = provenance = confidence = None
        indicators: tuple[str, ...] | None = ()
        if "parent" in fields and "parents" in fields:
            self.error("give either 'parent' or 'parents', not both", fields["parent"].line,
                       where, "wrong-type", values={"form": "parent_and_parents"})
        for key in ("parents", "parent"):
            item = get(key)
            if item is not None:
                parents_line = item.line
                parents = self.many(item, key, where, self.ident, True) or ()
        item = get("code")
        if item is not None:
            code = self.ident(item, "code", where)
        item = get("dimension")
        if item is not None:
            dimension = self.choice(item, Dimension, "dimension", where, "unknown-dimension")
        item = get("indicators")
        if item is not None:
            indicators = self.many(item, "indicator", where, self.text, False)
        item = get("budget")
        if item is not None:
            budget = self.budget(item, where)
        item = get("agency")
        if item is not None:
            agency = self.text(item, "agency", where)
        item = get("provenance")
        if item is not None:
            provenance = self.provenance(item, where)
        item = get("confidence")
        if item is not None:
            confidence = self.confidence(item, where)
        item = get("nomenclature")
        nomenclature = None if item is None else self.version(item, where)
        if element_id is None:
            return
        if (kind is PlanKind.RPJMD and level is Level.PROGRAM and budget is not None
                and confidence is not None and confidence.score < 1):
            # a drafted pagu not yet checked counts in the funding all the same: say so
            reason = confidence.reasons[0] if confidence.reasons else ""
            self.problems.append(coded_problem(
                "doubted-budget", {"score": float(confidence.score), "reason": reason},
                file=self.file, line=get("confidence").line, where=where,
                severity=Severity.WARNING))
        # Element's fields in order, built only when the file has no error (see read())
        elements.append((element_id, level, text, parents, code, dimension, indicators, budget,
                         agency, provenance, confidence, nomenclature))
        refs.append(_new_element_ref(kind, element_id, level, parents, "budget" in fields,
                                     node.line, parents_line, budget if budget.__class__ is int else None))

    def usual_match(self, node: Located, matches: list[tuple[Any, ...]], refs: list[MatchRef]) -> bool:
        """Read the usual match -- ``masterplan``, ``rpjmd``, ``relation``, maybe ``source``,
        ``score`` and ``note``, each good, nothing else -- and say True; or say False, having
        recorded nothing, for :meth:`match` to read it in full (see :meth:`usual_element`)."""
        fields = node.value
        if fields.__class__ is not dict or node.problems or not _USUAL_MATCH_KEYS.issuperset(fields):
            return False
        get = fields.get
        masterplan_node, rpjmd_node, relation_node = get("masterplan"), get("rpjmd"), get("relation")
        if masterplan_node is None or rpjmd_node is None or relation_node is None:
            return False
        masterplan, rpjmd = masterplan_node.value, rpjmd_node.value
        good = self.good
        if (masterplan.__class__ is not str or rpjmd.__class__ is not str
                or not good(masterplan, True) or not good(rpjmd, True)):
            return False
        relation = _known(Relation, relation_node.value)
        if relation is None:
            return False
        source = Source.MANUAL
        score = note = None
        if len(fields) > 3:
            item = get("source")
            if item is not None:
                source = _known(Source, item.value)  # type: ignore[assignment]
                if source is None:
                    return False
            item = get("score")
            if item is not None:
                score = item.value
                if (score.__class__ is not float and score.__class__ is not int) or not 0 <= score <= 1:
                    return False  # (NaN is not from 0 to 1)
                score = float(score)
            elif source is Source.SUGGESTED:
                return False
            item = get("note")
            if item is not None:
                note = item.value
                if note.__class__ is not str or not good(note, False):
                    return False
        shown = (masterplan if masterplan_node.raw is None else masterplan_node.raw,
                 rpjmd if rpjmd_node.raw is None else rpjmd_node.raw)
        matches.append((masterplan, rpjmd, relation, source, score, note, ()))
        refs.append(_new_match_ref(masterplan, rpjmd, Place.match(shown[0], shown[1]), node.line,
                                   masterplan_node.line, rpjmd_node.line))
        return True

    def match(self, node: Located, number: int, matches: list[tuple[Any, ...]],
              refs: list[MatchRef]) -> None:
        if self.usual_match(node, matches, refs):
            return
        where = None
        if isinstance(node.value, dict):
            shown = _end_shown(node.value.get("masterplan")), _end_shown(node.value.get("rpjmd"))
            if shown != ("?", "?"):
                where = Place.match(shown[0], shown[1])
        if where is None:
            where = Place("match", f"#{number}")
        fields = self.mapping(node, where, "match", _MATCH_KEYS, ("masterplan", "rpjmd", "relation"))
        if fields is None:
            return
        get = fields.get
        masterplan = rpjmd = relation = score = note = None
        evidence: tuple[str, ...] | None = ()
        masterplan_item = get("masterplan")
        if masterplan_item is not None:
            masterplan = self.ident(masterplan_item, "masterplan", where)
        rpjmd_item = get("rpjmd")
        if rpjmd_item is not None:
            rpjmd = self.ident(rpjmd_item, "rpjmd", where)
        item = get("relation")
        if item is not None:
            relation = self.choice(item, Relation, "relation", where, "unknown-relation")
        source = Source.MANUAL
        item = get("source")
        if item is not None:
            source = self.choice(item, Source, "source", where, "unknown-source")  # type: ignore[assignment]
        item = get("score")
        if item is not None:
            score = self.score(item, where)
        elif source is Source.SUGGESTED:
            self.coded("missing-score", "suggested", {}, node.line, where)
        item = get("note")
        if item is not None:
            note = self.text(item, "note", where)
        item = get("evidence")
        if item is not None:
            evidence = self.many(item, "evidence", where, self.text, False)
        # Match's fields in order, built only when the file has no error (see read())
        matches.append((masterplan, rpjmd, relation, source, score, note, evidence))
        refs.append(_new_match_ref(
            masterplan, rpjmd, where, node.line,
            None if masterplan_item is None else masterplan_item.line,
            None if rpjmd_item is None else rpjmd_item.line))

    def rejection(self, node: Located, number: int, rejected: list[tuple[Any, ...]],
                  refs: list[MatchRef]) -> None:
        where = Place("rejected", f"#{number}")
        if isinstance(node.value, dict):
            shown = []
            for end in ("masterplan", "rpjmd"):
                value = node.value.get(end)
                text = None if value is None else (value.raw if value.raw is not None else value.value)
                if isinstance(text, int) and not isinstance(text, bool):
                    text = str(text)
                shown.append(text if isinstance(text, str) else "?")
            if shown != ["?", "?"]:
                where = Place.match(shown[0], shown[1], rejected=True)
        fields = self.mapping(node, where, "rejected", _REJECTED_KEYS, ("masterplan", "rpjmd"))
        if fields is None:
            return
        ends = [self.ident(fields[end], end, where) if end in fields else None
                for end in ("masterplan", "rpjmd")]
        note = self.text(fields["note"], "note", where) if "note" in fields else None
        rejected.append((*ends, note))  # RejectedMatch's fields in order
        refs.append(_new_match_ref(
            ends[0], ends[1], where, node.line,
            fields["masterplan"].line if "masterplan" in fields else None,
            fields["rpjmd"].line if "rpjmd" in fields else None))


def _end_shown(node: Located | None) -> str:
    """How a match names one of its ends in its problems: the id as written, or ``?``."""
    if node is None or node.value is None:
        return "?"
    text = node.raw if node.raw is not None else node.value
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(text)
    return text if isinstance(text, str) else "?"


def _or_list(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}"


def _and_list(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}"


# --------------------------------------------------------------------------
# writing


def region_to_dict(region: Region) -> dict[str, Any]:
    """Plain data in the region file structure (what :func:`dump_region` writes)."""
    if not isinstance(region, Region):
        raise TypeError(f"region_to_dict takes a smartsync.Region, got {type(region).__name__}")
    head: dict[str, Any] = {"id": region.id, "name": region.name, "kind": region.kind.value}
    if region.province is not None:
        head["province"] = region.province
    if region.nomenclature is not None:
        head["nomenclature"] = region.nomenclature
    data: dict[str, Any] = {"schema": SCHEMA, "region": head}
    for plan in (region.rpjmd, region.masterplan):
        data[plan.kind.value] = {
            "period": [plan.period.start, plan.period.end],
            "elements": [_element_to_dict(e) for e in plan.elements],
        }
    data["matches"] = [match_to_dict(m) for m in region.matches]
    if region.rejected:
        data["rejected"] = [rejected_to_dict(r) for r in region.rejected]
    return data


def _element_to_dict(element: Element) -> dict[str, Any]:
    out: dict[str, Any] = {"id": element.id, "level": element.level.value}
    if element.parents:
        out["parents"] = list(element.parents)
    if element.dimension is not None:
        out["dimension"] = element.dimension.value
    if element.code is not None:
        out["code"] = element.code
    if element.budget is not None:
        out["budget"] = element.budget
    out["text"] = element.text
    if element.indicators:
        out["indicators"] = list(element.indicators)
    if element.agency is not None:
        out["agency"] = element.agency
    if element.provenance is not None:
        out["provenance"] = provenance_to_dict(element.provenance)
    if element.confidence is not None:
        out["confidence"] = {"score": element.confidence.score}
        if element.confidence.reasons:
            out["confidence"]["reasons"] = list(element.confidence.reasons)
    if element.nomenclature is not None:
        out["nomenclature"] = element.nomenclature
    return out


def provenance_to_dict(provenance: Provenance) -> dict[str, Any]:
    """A provenance as a region file writes it: its fields in order, empty ones left out."""
    out = {key: value for key, value in attrs.asdict(provenance).items() if value is not None}
    if provenance.budget_by_year is not None:
        out["budget_by_year"] = [{"year": year, "budget": amount} for year, amount in provenance.budget_by_year]
    if provenance.also is not None:
        out["also"] = list(provenance.also)
    return out


def match_to_dict(match: Match) -> dict[str, Any]:
    """A match as a region file writes it: its fields in the format's order, empty ones left out."""
    out: dict[str, Any] = {"masterplan": match.masterplan, "rpjmd": match.rpjmd,
                           "relation": match.relation.value, "source": match.source.value}
    if match.score is not None:
        out["score"] = match.score
    if match.note is not None:
        out["note"] = match.note
    if match.evidence:
        out["evidence"] = list(match.evidence)
    return out


def rejected_to_dict(rejected: RejectedMatch) -> dict[str, Any]:
    """A rejected match as a region file writes it: ``masterplan``, ``rpjmd``, and ``note`` when given."""
    out: dict[str, Any] = {"masterplan": rejected.masterplan, "rpjmd": rejected.rpjmd}
    if rejected.note is not None:
        out["note"] = rejected.note
    return out


class _Flow(list):  # type: ignore[type-arg]
    """A list written on one line (periods, parents)."""


@functools.cache
def _dumper() -> type:
    """The YAML dumper of region files, made on first use (reading a file imports no PyYAML)."""
    import yaml

    class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    # the reader takes 1.25e10 for a number (YAML 1.2), so texts spelled like that must be quoted
    _Dumper.add_implicit_resolver("tag:yaml.org,2002:float", _EXPONENT_FLOAT.compiled(),
                                  list("-+0123456789."))
    _Dumper.add_representer(
        _Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data,
                                                              flow_style=True))
    return _Dumper


def dumps_region(region: Region, *, format: str = "yaml") -> str:
    """The text of a region file for ``region``, YAML or JSON."""
    data = region_to_dict(region)
    if _format_of("", format) == "json":
        import json

        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    for kind in ("rpjmd", "masterplan"):
        data[kind]["period"] = _Flow(data[kind]["period"])
        for element in data[kind]["elements"]:
            if "parents" in element:
                element["parents"] = _Flow(element["parents"])
    import yaml

    return yaml.dump(data, Dumper=_dumper(), sort_keys=False, allow_unicode=True,
                     default_flow_style=False, width=100)


def dump_region(region: Region, path: PathLike, *, format: str | None = None) -> Path:
    """Write ``region`` to ``path`` (JSON for a ``.json`` suffix, YAML otherwise), atomically.

    The text goes to a temporary file in the same folder, then replaces
    ``path`` in one step: a reader never sees half a file. Returns the path.
    """
    from .._files import atomic_write  # the safe writer (tempfile...): only to write

    target = Path(path)
    data = dumps_region(region, format=_format_of(target, format)).encode("utf-8")
    atomic_write(target, lambda out: out.write(data))
    return target
