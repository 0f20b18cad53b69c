"""The YAML reader of region files: PyYAML composes the node graph, a walk gives each value its line.

Every YAML region file is read by PyYAML, with libyaml's C parser when PyYAML was built with
it (``yaml.CSafeLoader``; :data:`WITH_LIBYAML`) and with PyYAML's own pure-Python parser
otherwise -- the same node graph, the same tree. PyYAML composes the document into its node
graph (never into Python objects: a node keeps the line it starts on), and the walk here builds
the located tree from it, so that every value keeps its line, duplicate keys are seen, and
aliases cannot expand beyond a budget (the "billion laughs" attack). Scalars get their type
by the rules of PyYAML's safe loader (YAML 1.1: ``yes`` and ``off`` are booleans, ``010`` is
octal...) from PyYAML's own table, and are built by its safe constructor: a region file holds
exactly what ``yaml.safe_load`` reads from it (``tests/test_io_yaml.py``, a differential test,
keeps it so), or a problem -- a duplicate key, a key that is not a text, a merge key, an
alias bomb, nesting too deep -- that names its line.

Imported when a YAML text is read (PyYAML imported with its patterns compiled on first use:
:mod:`smartsync.io._pyyaml`).
"""

from __future__ import annotations

import re
from typing import Any

from ._pyyaml import import_yaml

import_yaml()

import yaml  # noqa: E402 - imported just above, its patterns compiled when first used
from yaml.nodes import MappingNode, ScalarNode, SequenceNode  # noqa: E402

from ._source import _EXPONENT_FLOAT, Located, SourceProblem, limit  # noqa: E402

__all__ = ["WITH_LIBYAML", "parse"]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"

#: whether PyYAML reads with libyaml's C parser here (else with its pure-Python parser: the
#: same values and lines, more slowly)
WITH_LIBYAML: bool = bool(getattr(yaml, "__with_libyaml__", False)) and hasattr(yaml, "CSafeLoader")

# PyYAML's implicit resolvers as it ships them (first character -> (tag, pattern) pairs, in
# order): a copy, so that what a program registers on PyYAML's loaders later does not change
# how a region file reads
_IMPLICIT: dict[str, list[tuple[str, Any]]] = {
    char: list(rules) for char, rules in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}
# the constructors of the scalars a region file holds (the others go through the safe
# constructor's construct_object: dates, binary data, explicit tags)
_SAFE = yaml.constructor.SafeConstructor
_BUILD = {tag: _SAFE.yaml_constructors[tag] for tag in (
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float")}
_NUMBER_START = frozenset("-+.0123456789")
# the characters YAML does not allow anywhere: control characters but tab and line breaks
# (C0, DEL, C1 but NEL), lone surrogates, U+FFFE, U+FFFF -- the complement of PyYAML's own
# pattern of printable characters (yaml.reader.Reader.NON_PRINTABLE; tests/test_io_yaml.py
# compares the two on every code point), which costs about 57 M instructions to compile
# (a range over most of Unicode) where this one costs about 4 M
_NOT_ALLOWED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
                          "\ud800-\udfff\ufffe\uffff]")
#: the ASCII characters YAML allows
_ASCII_ALLOWED = b"\t\n\r" + bytes(range(0x20, 0x7F))


def _loader_class(base: type) -> type:
    class _Loader(base):  # type: ignore[misc,valid-type]
        """PyYAML's safe loader with the tags left to the walk: where PyYAML would resolve each
        implicit tag in a Python call per node, the node keeps what the parser said (for a
        scalar, whether it was plain), and the walk resolves the plain scalars with PyYAML's
        table, in its order (the safe loader's tags: tests/test_io_yaml.py). No path
        resolvers: a region file reads by YAML 1.1's rules as PyYAML ships them."""

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:  # noqa: D102
            return None

        def ascend_resolver(self) -> None:  # noqa: D102
            return None

        def resolve(self, kind: type, value: Any, implicit: Any) -> Any:  # noqa: D102
            return implicit

    return _Loader


#: the loader region files are read with: libyaml's parser when available
LOADER = _loader_class(yaml.CSafeLoader if WITH_LIBYAML else yaml.SafeLoader)
#: the same with PyYAML's pure-Python parser (the fallback, and the differential tests' other side)
PURE_LOADER = _loader_class(yaml.SafeLoader)


def parse(text: str, loader: type | None = None) -> Located | None:
    """The located tree of a YAML document, or ``None`` when it holds no data.

    Raises :class:`SourceProblem` for a text YAML cannot read (with the line PyYAML names),
    an alias bomb or nesting beyond :data:`smartsync.io.MAX_DEPTH`."""
    if "\r" in text:
        # CRLF and a lone CR are line breaks, as LF is (YAML reads a break in a value as LF):
        # written as LF, so that libyaml and PyYAML's own parser count lines alike
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii() and not text.encode("ascii").translate(None, _ASCII_ALLOWED):
        refused = None  # (what most files are: about 100 times faster than the pattern)
    else:
        refused = _NOT_ALLOWED.search(text)
    if refused is not None:
        # found before either parser does, so that both word it alike (libyaml cannot even
        # be handed a lone surrogate)
        raise _bad_character(text, refused.start())
    bom = text.find("\ufeff", 1)
    if bom > 0:  # YAML allows it at the start only; libyaml and PyYAML read it differently
        raise _bad_character(text, bom)
    try:
        root = yaml.compose(text, Loader=loader or LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "cannot be parsed"
        if exc.context:
            detail = f"{detail} ({exc.context})"
        column = _tab_at(text, mark) if "cannot start any token" in detail or "tab" in detail else None
        if column is not None:  # the commonest slip of a file edited by hand: said as such
            raise SourceProblem(f"malformed YAML: a tab at column {column}; YAML indents with spaces "
                                "only: replace the tab with spaces", line=mark.line + 1,
                                code="malformed-yaml", values={"form": "tab", "column": column}) from None
        said = _said(exc, text)
        if said is not None:
            form, line, values = said
            from ..messages import text  # only for a file that fails: the catalog's English

            raise SourceProblem(text(f"problem.malformed-yaml.{form}", "en", **values), line=line,
                                code="malformed-yaml",
                                values={"form": form, "detail": detail, **values}) from None
        raise SourceProblem(f"malformed YAML: {detail}", line=mark.line + 1 if mark else None,
                            code="malformed-yaml", values={"detail": detail}) from None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML does not allow
        line = None
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml",
                            values={"detail": reason}) from None
    except RecursionError:
        raise SourceProblem("malformed YAML: nested too deeply", code="too-deep",
                            values={"form": "yaml"}) from None
    if root is None:
        return None
    if "*" in text:  # without an alias there is nothing to expand
        _check_expansion(root, limit("MAX_ALIAS_EXPANSION"))
    return _Walk(limit("MAX_DEPTH")).node(root, 0)


#: what the YAML parsers' problems mean for a file written by hand, by the words of the problem
#: (libyaml's and PyYAML's, which differ) and of its context: the form of the catalogs'
#: ``problem.malformed-yaml.<form>`` that says it in a planner's words, and whether the line
#: to name is where the construct was opened (the context's mark) rather than where the parser
#: gave up
_PROBLEMS: tuple[tuple[str, str, str, bool], ...] = (
    ("mapping values are not allowed", "", "colon", False),
    ("found unexpected end of stream", "quoted scalar", "quote", True),
    ("expected ',' or ']'", "flow sequence", "bracket", True),
    ("expected ',' or '}'", "flow mapping", "brace", True),
    ("found undefined alias", "", "alias", False),
    ("did not find expected key", "block mapping", "indent", False),
    ("expected <block end>", "", "indent", False),
    ("did not find expected '-' indicator", "", "indent", False),
    ("could not find expected ':'", "simple key", "key", True),
    ("found unknown escape character", "", "escape", False),
    ("that cannot start any token", "", "reserved", False),
    ("but found another document", "", "documents", False),
    ("second occurrence", "duplicate anchor", "anchor", False),
)


def _said(exc: Any, text: str) -> tuple[str, int, dict[str, Any]] | None:
    """The form, the line (1-based) and the values of a parser's problem a planner can read:
    ``None`` for a problem not in :data:`_PROBLEMS` (said in the parser's own words)."""
    problem, context = exc.problem or "", exc.context or ""
    for words, context_words, form, at_opening in _PROBLEMS:
        if words in problem and context_words in context:
            break
    else:
        return None
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark if at_opening and exc.context_mark is not None else mark
    lines = text.split("\n")
    where = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
    values: dict[str, Any] = {"column": opened.column + 1 if opened is not None else 1}
    if form == "alias":
        found = re.match(r"\*([^\s,\[\]{}]+)", where[mark.column:] if mark is not None else "")
        values["alias"] = f"*{found.group(1)}" if found else "*"
    elif form == "reserved":
        char = where[mark.column:mark.column + 1] if mark is not None else ""
        values["char"] = repr(char) if char else "?"
    line = (opened.line + 1) if opened is not None else 1
    return form, line, values


def _tab_at(text: str, mark: Any) -> int | None:
    """The column (1-based) of the tab a parser's error is about: the one its mark points at,
    else one in the indentation of the mark's line; ``None`` when there is none there."""
    if mark is None:
        return None
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    if mark.column < len(line) and line[mark.column] == "\t":
        return mark.column + 1
    indentation = line[:len(line) - len(line.lstrip(" \t"))]
    return indentation.index("\t") + 1 if "\t" in indentation else None


def _bad_character(text: str, index: int) -> SourceProblem:
    """The problem of a character YAML does not allow, at ``index`` of ``text``."""
    from .._text import bad_character

    line = text.count("\n", 0, index) + 1
    start = text.rfind("\n", 0, index) + 1
    end = text.find("\n", index)
    line_text = text[start:] if end < 0 else text[start:end]
    why = bad_character(line_text)
    if text[index] == "\ufeff":
        why = (f"holds a byte order mark (U+FEFF) at position {index - start + 1}, which YAML "
               "allows only at the start of a file")
    elif why is None:  # one that smartsync's texts may hold, but YAML does not
        why = f"holds the character U+{ord(text[index]):04X} at position {index - start + 1}"
    return SourceProblem(f"the line {why}, which YAML does not allow; remove it", line=line,
                         code="bad-character")


def _check_expansion(root: yaml.Node, max_expansion: int) -> None:
    """Refuse recursive aliases and aliases that expand the document beyond the budget."""
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    # iterative post-order walk over distinct nodes; sizes count the expanded tree
    work: list[tuple[yaml.Node, bool]] = [(root, False)]
    while work:
        node, done = work.pop()
        key = id(node)
        if done:
            sizes[key] = 1 + sum(sizes[id(c)] for c in _children(node))
            in_progress.discard(key)
            continue
        if key in sizes:
            continue
        if isinstance(node, ScalarNode):
            sizes[key] = 1
            continue
        in_progress.add(key)
        work.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                raise SourceProblem(
                    "a YAML alias refers to a node that contains it (a recursive alias)",
                    line=child.start_mark.line + 1, code="alias-bomb", values={"form": "recursive"})
            if id(child) not in sizes:
                work.append((child, False))
    extra = sizes[id(root)] - len(sizes)
    if extra > max_expansion:
        raise SourceProblem(
            f"YAML aliases would expand the document by {extra:,} nodes, more than the "
            f"limit of {max_expansion:,} (an alias bomb?)", line=None, code="alias-bomb",
            values={"form": "expansion", "extra": extra, "limit": max_expansion})


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, SequenceNode):
        return list(node.value)
    return []


# what the plain scalars seen so far resolved to (a key, a level, a word): the same for
# every file, kept up to a size
_RESOLVED: dict[str, str] = {}
_RESOLVED_SIZE = 4096


def _resolve_plain(value: str) -> str:
    """The tag PyYAML's safe loader gives the plain scalar ``value`` (its table, its order)."""
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = _STR_TAG
        for resolved, pattern in _IMPLICIT.get(value[:1], ()):
            if pattern.match(value):
                tag = resolved
                break
        if (len(_RESOLVED) < _RESOLVED_SIZE and len(value) <= 64
                and not (tag is _STR_TAG and _EXPONENT_FLOAT.fullmatch(value))):
            _RESOLVED[value] = tag
    return tag


def _tag(node: yaml.Node) -> str:
    """The tag of ``node`` as PyYAML's safe loader resolves it (the loader left it to the walk)."""
    tag = node.tag
    if tag.__class__ is str:  # written in the file
        return tag
    if node.__class__ is ScalarNode:
        value = node.value
        # an empty plain value is resolved (null) even after a '!' tag, as PyYAML's own parser
        # has it (libyaml leaves it a text): the same tree from both
        return _resolve_plain(value) if tag[0] or not (value or node.style) else _STR_TAG
    return _SEQ_TAG if node.__class__ is SequenceNode else _MAP_TAG


class _Walk:
    """From PyYAML's node graph to the located tree.

    Each scalar is looked at where its mapping or list holds it: most are texts that no
    implicit rule of YAML could take (their first character starts none), read at once."""

    def __init__(self, max_depth: int):
        self.max_depth = max_depth
        self.constructor = _SAFE()

    def node(self, node: yaml.Node, depth: int) -> Located:
        if depth > self.max_depth:
            raise SourceProblem(f"mappings and lists are nested more than {self.max_depth} "
                                "levels deep", line=node.start_mark.line + 1, code="too-deep",
                                values={"form": "levels", "depth": self.max_depth})
        cls = node.__class__
        if cls is ScalarNode:
            return self.scalar(node)
        tag = node.tag
        if tag.__class__ is str and tag != (_SEQ_TAG if cls is SequenceNode else _MAP_TAG):
            raise SourceProblem(
                f"unsupported YAML tag {tag!r} on a {'list' if cls is SequenceNode else 'mapping'}",
                line=node.start_mark.line + 1, code="malformed-yaml")
        if cls is SequenceNode:
            return self.sequence(node, depth + 1)
        return self.mapping(node, depth + 1)

    def sequence(self, node: SequenceNode, depth: int) -> Located:
        items = []
        append = items.append
        walk = self.node
        implicit = _IMPLICIT
        resolved = _RESOLVED.get
        deep = depth > self.max_depth
        for item in node.value:
            if item.__class__ is ScalarNode and not deep:
                tag = item.tag
                value = item.value
                if tag.__class__ is tuple and (not ((tag[0] or not value) and value[:1] in implicit)
                                               or resolved(value) is _STR_TAG):
                    append(Located(value, item.start_mark.line + 1))  # a text
                    continue
                append(self.scalar(item))
            else:
                append(walk(item, depth))
        return Located(items, node.start_mark.line + 1)

    def mapping(self, node: MappingNode, depth: int) -> Located:
        items: dict[str, Located] = {}
        key_lines: dict[str, int | None] = {}
        problems: list[tuple[int | None, str, str]] = []
        walk = self.node
        implicit = _IMPLICIT
        resolved = _RESOLVED.get
        deep = depth > self.max_depth
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.__class__ is not ScalarNode:
                problems.append((key_line, "a key must be a plain name, not a mapping or a list",
                                 "bad-key"))
                continue
            key = key_node.value
            tag = key_node.tag
            if tag.__class__ is not tuple or (tag[0] and key[:1] in implicit):
                tag = _tag(key_node) if tag.__class__ is not tuple else resolved(key) or _tag(key_node)
                if tag != _STR_TAG:
                    if tag == _MERGE_TAG:
                        problems.append((key_line, "YAML merge keys ('<<') are not supported; "
                                         "write the keys out", "bad-key"))
                    else:
                        shown = self.scalar(key_node).value
                        if not key and node.flow_style:
                            # nothing written ('{?}'): libyaml and PyYAML's own parser place
                            # it on different lines; the mapping's own is the same for both
                            key_line = node.start_mark.line + 1
                        problems.append((key_line, f"key {key!r} is not a name: YAML reads it "
                                         f"as {_kind(shown)}; put it in quotes", "bad-key"))
                    continue
            if key in items:
                problems.append((key_line, f"duplicate key {key!r} (first at line {key_lines[key]})",
                                 "duplicate-key"))
                continue
            key_lines[key] = key_line
            if value_node.__class__ is ScalarNode and not deep:
                tag = value_node.tag
                value = value_node.value
                if tag.__class__ is tuple and (not ((tag[0] or not value) and value[:1] in implicit)
                                               or resolved(value) is _STR_TAG):
                    items[key] = Located(value, value_node.start_mark.line + 1)  # a text
                    continue
                located = items[key] = self.scalar(value_node)
                if not value and not value_node.style and node.flow_style:
                    # nothing written after 'id:' in braces or brackets, a line break before
                    # the closing one: libyaml places the empty value on the closing bracket's
                    # line, PyYAML's own parser on the key's; the key's is the same for both
                    located.line = key_line
            else:
                items[key] = walk(value_node, depth)
        return Located(items, node.start_mark.line + 1, key_lines=key_lines, problems=problems)

    def scalar(self, node: ScalarNode) -> Located:
        tag = _tag(node)
        value = node.value
        line = node.start_mark.line + 1
        if tag == _STR_TAG:
            if value[:1] in _NUMBER_START and not node.style and _EXPONENT_FLOAT.fullmatch(value):
                # YAML 1.1 reads 1.25e10 (no dot, or no sign in the exponent) as a text; it
                # keeps its spelling, so that a budget or a score may read it as a number
                return Located(value, line, raw=value)
            return Located(value, line)
        build = _BUILD.get(tag)
        try:
            if build is not None:
                built = build(self.constructor, node)
            else:  # a date, binary data, a tag written in the file...
                node.tag = tag
                built = self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            reason = getattr(exc, "problem", None) or str(exc)
            raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml") from None
        return Located(built, line, raw=value)


def _kind(value: Any) -> str:
    """How a key YAML does not read as a text is named in a problem."""
    if value is None:
        return "null (nothing)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return f"a {type(value).__name__}"
