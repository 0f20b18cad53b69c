"""The errors smartsync raises, and the problems it reports.

A small hierarchy, every error carrying structured fields a program can read
(file, line, element, what is wrong, a "did you mean" suggestion) besides the
message a person reads.

- :class:`SmartsyncError` -- base of everything smartsync raises on purpose;
  its subclasses:
- :class:`RegionFileError` -- a region file (or table) has one or more
  problems; ``.problems`` lists every one of them.
- :class:`InvalidRegionError` -- a :class:`~smartsync.model.Region` built in
  code refers to elements that do not exist (and the like).
- :class:`RulePackError` -- rule packs that cannot be loaded, assembled or run
  (naming the module, the rule and the fact).
- :class:`OutputError` -- a file smartsync was asked to write that it must
  not or cannot write (a link, an input, a read-only file...); also an
  :class:`OSError`.
"""

from __future__ import annotations

import enum
from typing import Any, Iterable, Sequence

import attrs

__all__ = [
    "Severity",
    "Problem",
    "Place",
    "coded_problem",
    "SmartsyncError",
    "RegionFileError",
    "InvalidRegionError",
    "RulePackError",
    "OutputError",
    "did_you_mean",
    "path_problem",
    "LoadReport",
]


class Severity(str, enum.Enum):
    """How bad a problem is: an ``error`` stops a region from loading, a ``warning`` does not."""

    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


def did_you_mean(value: object, candidates: Iterable[str]) -> str | None:
    """The candidate closest to ``value``, when one is close enough to be a likely typo."""
    if not isinstance(value, str):
        return None
    pool = list(dict.fromkeys(str(c) for c in candidates))
    lowered = {c.lower(): c for c in pool}
    import difflib  # only when a name is wrong

    best = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[best[0]] if best else None


#: the longest message a :class:`Problem` keeps (characters); longer ones are cut with a note
MAX_MESSAGE = 2_000


def _shown(text: Any, longest: int | None = None) -> Any:
    """A text every output can write: lone surrogates (a file name that is not UTF-8) as
    escapes, and at most ``longest`` characters."""
    if not isinstance(text, str):
        return text
    from ._text import encodable

    text = encodable(text)
    if longest is not None and len(text) > longest:
        text = text[:longest] + f"... ({len(text) - longest:,} more characters)"
    return text


#: the kinds of place a problem can be, each worded by the catalogs' ``where.<kind>``
#: (``{name}`` filled with the place's ``name``)
PLACE_KINDS = ("region", "rpjmd", "masterplan", "matches", "rpjmd_element",
               "masterplan_element", "match", "rejected", "column", "row")


@attrs.frozen
class Place:
    """Where a problem is, as data each language words: ``kind`` (one of
    :data:`PLACE_KINDS`: the region, a plan, the matches, an element of a plan, a match
    or a rejected match, a table's column or row), ``name`` (the element's id, the
    match's two ends ``"SP1 -> P1"``, the column's or row's name) and ``column`` (a
    table's column within the place). ``str()`` gives the English words
    (``"rpjmd element M1"``, ``"region, column id"``)."""

    kind: str = attrs.field(validator=attrs.validators.in_(PLACE_KINDS))
    name: str | None = attrs.field(default=None, converter=lambda n: None if n is None
                                   else _shown(str(n)))
    column: str | None = attrs.field(default=None, converter=lambda n: None if n is None
                                     else _shown(str(n)))

    @classmethod
    def element(cls, plan: Any, element_id: Any, column: str | None = None) -> "Place":
        """An element of the ``rpjmd`` or the ``masterplan`` (a plan kind or its value)."""
        return cls(f"{getattr(plan, 'value', plan)}_element", element_id, column)

    @classmethod
    def match(cls, masterplan: Any, rpjmd: Any, rejected: bool = False) -> "Place":
        """A match (or a rejected match) by its two ends."""
        return cls("rejected" if rejected else "match", f"{masterplan} -> {rpjmd}")

    def __str__(self) -> str:
        text = self.kind.replace("_", " ")
        if self.name is not None:
            text = f"{text} {self.name}"
        return text if self.column is None else f"{text}, column {self.column}"


@attrs.frozen
class Problem:
    """One thing wrong (or doubtful) in an input.

    ``where`` names the element or match concerned (``"rpjmd element M1"``,
    ``"match SV -> V"``), in English; ``place`` is the same place as data (a
    :class:`Place`: given as ``where=Place(...)``, the catalogs word it in each language),
    or ``None`` for a place given only as words. ``line`` is 1-based where the format
    gives lines, ``suggestion`` the closest valid value for a misspelling.
    """

    message: str = attrs.field(converter=lambda m: _shown(m, MAX_MESSAGE))
    file: str | None = attrs.field(default=None, converter=lambda f: _shown(f))
    line: int | None = None
    where: "str | Place | None" = None
    severity: Severity = attrs.field(default=Severity.ERROR, converter=Severity)
    suggestion: str | None = None
    code: str | None = None
    #: the values behind the message, by name, for its words in another language (the
    #: catalog's ``problem.<code>``); texts made printable as the message is
    #: (``None``: the message has no words in another language)
    values: Any = attrs.field(default=None, eq=False, repr=False, converter=lambda v: None if v is None
                              else {k: _shown(x, MAX_MESSAGE) for k, x in dict(v).items()})
    place: Place | None = attrs.field(default=None, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if isinstance(self.where, Place):  # the place as data, its English words as where
            object.__setattr__(self, "place", self.where)
            object.__setattr__(self, "where", str(self.where))
        elif self.place is not None and self.where != str(self.place):
            object.__setattr__(self, "place", None)  # where changed (attrs.evolve): words only

    def __str__(self) -> str:
        loc = self.file or "<input>"
        if self.line is not None:
            loc += f":{self.line}"
        text = f"{loc}: {self.severity.value}: "
        if self.where:
            text += f"{self.where}: "
        text += self.message
        if self.suggestion is not None:
            text += f" (did you mean {self.suggestion!r}?)"
        return text

    def format(self, lang: str = "en") -> str:
        """The problem as one line in ``lang`` (``en`` or ``id``): ``file:line: severity:
        where: message``. A message the Indonesian catalog has no words for is given as
        written (in English), inside the Indonesian frame."""
        if lang == "en":
            return str(self)
        from .messages import problem_line

        return problem_line(self, lang)


def coded_problem(code: str, values: dict[str, Any], **fields: Any) -> Problem:
    """A problem whose message is the catalog's English words for ``problem.<code>`` (or
    ``problem.<code>.<form>``, by ``values["form"]``) filled with ``values``: its figures
    are written once, and each language words them from the same values. ``fields``: the
    other fields of :class:`Problem` (``file``, ``line``, ``where``, ``severity``...)."""
    from .messages import problem_message

    made = Problem("", code=code, values=values, **fields)
    return attrs.evolve(made, message=problem_message(made, "en"), where=made.place or made.where)


class LoadReport:
    """What reading one region gave: ``region`` (``None`` when it has errors) and every
    ``problem`` (errors and warnings). Shared by region files and table rows; a subclass
    says where the region came from in :attr:`source_name`."""

    __slots__ = ()
    region: Any
    problems: tuple[Problem, ...]

    @property
    def source_name(self) -> str:
        """The file (or table row) the region was read from."""
        raise NotImplementedError

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        """The problems of severity warning."""
        return tuple(p for p in self.problems if p.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """Whether the region loaded (it may still have warnings)."""
        return self.region is not None

    def region_or_raise(self) -> Any:
        """The region; raises :class:`RegionFileError` listing every problem if it has errors."""
        if self.region is None:
            raise RegionFileError(self.source_name, self.problems)
        return self.region


class SmartsyncError(Exception):
    """Base class of the errors smartsync raises on purpose."""


class RegionFileError(SmartsyncError, ValueError):
    """A region file or table that cannot be loaded; ``problems`` holds every problem found."""

    def __init__(self, file: str | None, problems: Sequence[Problem]):
        self.file = file
        self.problems = tuple(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR]
        head = f"{file or '<input>'}: {len(errors)} error(s)"
        super().__init__("\n".join([head] + [str(p) for p in self.problems]))

    @property
    def errors(self) -> tuple[Problem, ...]:
        """The problems of severity error."""
        return tuple(p for p in self.problems if p.severity is Severity.ERROR)


class InvalidRegionError(SmartsyncError, ValueError):
    """A region whose references do not hold (unknown parents, matches to unknown elements...)."""

    def __init__(self, region_id: str | None, problems: Sequence[Problem]):
        self.region_id = region_id
        self.problems = tuple(problems)
        head = f"region {region_id!r} is not valid"
        super().__init__("\n".join([head] + [str(p) for p in self.problems]))


class RulePackError(SmartsyncError):
    """A rule pack that cannot be loaded, assembled or run: a name that names nothing, a
    module that fails on import (or calls ``sys.exit``), two packs defining one rule, a
    rule that raises an error, recurses without end or keeps firing past the firing limit.

    Structured fields, each ``None`` (or empty) when it does not apply: ``module`` (the
    Python module of the pack or rule), ``rule`` (the rule's name), ``fact`` (the fact the
    rule fired on or tested, as text), ``region`` (the region being classified), ``packs``
    (the packs concerned), ``firings`` (the rules that fired most before the error, as
    ``(rule, times)`` pairs, most first), ``suggestion`` (a "did you mean" for a
    misspelt name). ``kind`` says what went wrong, for a program to act on:
    ``"not-found"`` (a name that names no variant, pack or module), ``"import"`` (a
    module that fails when imported), ``"assembly"`` (packs that cannot be put
    together), ``"run"`` (a rule or condition failed while classifying), ``"limit"``
    (the firing limit was reached), ``"conclusion"`` (no type or several), or ``None``.
    ``message_key`` and ``values``: the catalogs' words for the message (``rulepack.<key>``),
    so that :meth:`worded` gives it in any language; ``None`` when it has none.
    """

    def __init__(self, message: str, *, packs: Sequence[str] = (), rule: str | None = None,
                 suggestion: str | None = None, module: str | None = None,
                 fact: str | None = None, region: str | None = None,
                 firings: Sequence[tuple[str, int]] = (), kind: str | None = None,
                 message_key: str | None = None, values: dict[str, Any] | None = None):
        self.kind = kind
        self.message_key = message_key
        self.values = dict(values or {})
        if message_key is not None:  # the catalog's English: one wording per language
            from .messages import text as _text

            message = _text(f"rulepack.{message_key}", "en", **self.values)
        self.packs = tuple(packs)
        self.rule = rule
        self.suggestion = suggestion
        self.module = module
        self.fact = fact
        self.region = region
        self.firings = tuple(firings)
        text = message
        if suggestion:
            text += f" (did you mean {suggestion!r}?)"
        super().__init__(text)

    def worded(self, lang: str = "en") -> str:
        """The message in ``lang`` (with its "did you mean"), from the catalogs when it has
        words there, else as written (English)."""
        if self.message_key is None:
            return str(self)
        from .messages import text

        said = text(f"rulepack.{self.message_key}", lang, **self.values)
        if self.suggestion:
            said += text("problem.did_you_mean", lang, suggestion=repr(self.suggestion))
        return said


class OutputError(SmartsyncError, OSError):
    """A file smartsync will not or cannot write: ``path``, what is wrong (``reason``) and
    what to do (``fix``). Raised before anything is written; also an :class:`OSError`, so
    code that handles failed writes handles it too."""

    def __init__(self, path: str, reason: str, fix: str | None = None):
        self.path = path
        self.reason = reason
        self.fix = fix
        text = f"{path}: {reason}" + (f"; {fix}" if fix else "")
        super().__init__(text)
        self.filename = path

    def __str__(self) -> str:
        return str(self.args[0])

    @classmethod
    def from_os_error(cls, exc: OSError, path: str | None = None) -> "OutputError":
        """An OSError of the file system, said with the path and a fix (see :func:`path_problem`)."""
        shown = path if path is not None else str(exc.filename)
        reason, fix = path_problem(exc)
        return cls(shown, reason, fix)


def path_problem(exc: OSError) -> tuple[str, str]:
    """What an :class:`OSError` of a path means, and what to do about it, in words."""
    import errno

    number = exc.errno
    if number == errno.ENAMETOOLONG:
        return ("the name is too long for the file system",
                "use a shorter file or folder name (at most 255 bytes per name)")
    if number in (errno.EACCES, errno.EPERM):
        return ("permission denied",
                "check the permissions of the file and of the folders above it (ls -ld)")
    if number == errno.ENOENT:
        return "no such file or folder", "check the spelling of the path"
    if number == errno.ENOTDIR:
        return "a part of the path is not a folder", "check the path"
    if number == errno.ELOOP:
        return ("symbolic links loop (or too many of them)",
                "remove or fix the looping link")
    if number == errno.EROFS:
        return "the file system is read-only", "write to another place"
    if number == errno.ENOSPC:
        return "no space left on the device", "free some space or write elsewhere"
    if number == errno.EISDIR:
        return "is a folder", "give a file name"
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:], "check the path"
