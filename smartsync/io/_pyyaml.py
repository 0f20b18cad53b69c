"""The PyYAML path of the YAML reader: for a file the fast reader (:mod:`._fastyaml`) declines.

PyYAML composes the node graph (with the C loader when available); the walk here builds the
located tree from it, so every value keeps the line it came from, duplicate keys are seen,
and aliases cannot expand beyond a budget (the "billion laughs" attack). Imported only
when needed: importing PyYAML takes about 9 ms, more than reading a region file.
"""

from __future__ import annotations

from typing import Any

import yaml

from ._scalars import resolve
from ._source import _EXPONENT_FLOAT, Located, SourceProblem, limit

__all__ = ["parse"]

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it


class _Loader(_BASE_LOADER):  # type: ignore[misc,valid-type]
    """The safe loader with PyYAML's implicit tag resolution done in one call per node, as
    the fast reader does it (:func:`._scalars.resolve`, PyYAML's own rules): the same
    tags as the safe loader's ``resolve`` (tests/test_yaml_loader.py), about a third of the
    time it took to compose a region file. No path resolvers: a region file reads by YAML
    1.1's rules as PyYAML ships them, whatever a program registers on PyYAML's loaders."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:  # noqa: D102
        return None

    def ascend_resolver(self) -> None:  # noqa: D102
        return None

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:  # noqa: D102
        if kind is yaml.ScalarNode:
            return resolve(value) if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG


_YAML_LOADER = _Loader


def parse(text: str) -> Located | None:
    """The located tree of a YAML document composed by PyYAML (libyaml's parser when built with it)."""
    try:
        root = yaml.compose(text, Loader=_YAML_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "cannot be parsed"
        if exc.context:
            detail = f"{detail} ({exc.context})"
        raise SourceProblem(f"malformed YAML: {detail}", line=mark.line + 1 if mark else None,
                            code="malformed-yaml") from None
    except yaml.YAMLError as exc:  # ReaderError: characters YAML does not allow
        line = None
        position = getattr(exc, "position", None)
        if isinstance(position, int):
            line = text.count("\n", 0, position) + 1
        reason = getattr(exc, "reason", None) or str(exc).splitlines()[0]
        raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml") from None
    except RecursionError:
        raise SourceProblem("malformed YAML: nested too deeply", code="too-deep") from None
    except UnicodeEncodeError as exc:  # a text given as str with a lone surrogate
        from .._text import bad_character

        line = text.count("\n", 0, exc.start) + 1
        line_text = text.split("\n")[line - 1] if line else ""
        raise SourceProblem(f"the line {bad_character(line_text) or 'cannot be encoded'}; "
                            "remove it", line=line, code="bad-character") from None
    if root is None:
        return None
    if "*" in text:  # without an alias there is nothing to expand
        _check_expansion(root, limit("MAX_ALIAS_EXPANSION"))
    constructor = yaml.constructor.SafeConstructor()
    return _from_node(root, constructor, 0, limit("MAX_DEPTH"))


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
            children = _children(node)
            sizes[key] = 1 + sum(sizes[id(c)] for c in children)
            in_progress.discard(key)
            continue
        if key in sizes:
            continue
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        if key in in_progress:
            raise SourceProblem(
                "a YAML alias refers to a node that contains it (a recursive alias)",
                line=node.start_mark.line + 1, code="alias-bomb")
        in_progress.add(key)
        work.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                raise SourceProblem(
                    "a YAML alias refers to a node that contains it (a recursive alias)",
                    line=child.start_mark.line + 1, code="alias-bomb")
            if id(child) not in sizes:
                work.append((child, False))
    expanded = sizes[id(root)]
    extra = expanded - len(sizes)
    if extra > max_expansion:
        raise SourceProblem(
            f"YAML aliases would expand the document by {extra:,} nodes, more than the "
            f"limit of {max_expansion:,} (an alias bomb?)", line=None, code="alias-bomb")


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _from_node(node: yaml.Node, constructor: yaml.constructor.SafeConstructor, depth: int,
               max_depth: int) -> Located:
    line = node.start_mark.line + 1
    if depth > max_depth:
        raise SourceProblem(f"mappings and lists are nested more than {max_depth} levels deep",
                            line=line, code="too-deep")
    if isinstance(node, yaml.MappingNode):
        if node.tag != _MAP_TAG:
            raise SourceProblem(f"unsupported YAML tag {node.tag!r} on a mapping", line=line,
                                code="malformed-yaml")
        items: dict[str, Located] = {}
        key_lines: dict[str, int | None] = {}
        problems: list[tuple[int | None, str, str]] = []
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append((key_line, "a key must be a plain name, not a mapping or a list",
                                 "bad-key"))
                continue
            key = key_node.value
            if key == "<<" and key_node.tag == "tag:yaml.org,2002:merge":
                problems.append((key_line, "YAML merge keys ('<<') are not supported; write the keys out",
                                 "bad-key"))
                continue
            if key in items:
                problems.append((key_line, f"duplicate key {key!r} (first at line {key_lines[key]})",
                                 "duplicate-key"))
                continue
            items[key] = _from_node(value_node, constructor, depth + 1, max_depth)
            key_lines[key] = key_line
        return Located(items, line, key_lines=key_lines, problems=problems)
    if isinstance(node, yaml.SequenceNode):
        if node.tag != _SEQ_TAG:
            raise SourceProblem(f"unsupported YAML tag {node.tag!r} on a list", line=line,
                                code="malformed-yaml")
        return Located([_from_node(n, constructor, depth + 1, max_depth) for n in node.value], line)
    if node.tag == _STR_TAG:
        if not node.style and _EXPONENT_FLOAT.fullmatch(node.value):
            # YAML 1.1 wants a sign in the exponent (1.25e+10); read 1.25e10 as a number too
            return Located(float(node.value), line, raw=node.value)
        return Located(node.value, line)
    try:
        value = constructor.construct_object(node)
    except (yaml.YAMLError, ValueError, OverflowError) as exc:
        reason = getattr(exc, "problem", None) or str(exc)
        raise SourceProblem(f"malformed YAML: {reason}", line=line, code="malformed-yaml") from None
    return Located(value, line, raw=node.value if isinstance(node.value, str) else None)
