"""Add matches to the text of a region file, leaving every other byte as it was.

:func:`insert_matches` returns the text of a YAML or JSON region file with new
matches inserted at the end of its ``matches`` list; comments, key order,
quoting, blank lines and line endings outside the inserted lines stay as they
were. Only the lines it inserts are new, with three exceptions it needs:

- a file without a ``matches`` key gets one appended at its end (YAML), or
  before the closing brace of the top-level object (JSON);
- an empty ``matches: []`` (or ``matches:`` with no value, ``null``, ``~``)
  loses the empty value so that items can follow;
- a file that does not end with a line break gets one before an appended block;
- in JSON, the list's last item (or the object's last value) gains the comma
  that must follow it; in a one-line YAML flow list, the new items join the
  same line.

In YAML each match is one flow-style line in the style of the list it joins,
for instance::

    - {masterplan: SP1, rpjmd: P1, relation: aligned, source: suggested, score: 0.8235, evidence: [sampah]}

In JSON each match is a one-line object. The caller is expected to read the
result back and compare it with what it meant to write (``smartsync match
--write`` does).

>>> from smartsync import Match
>>> m = Match("SP2", "P2", "aligned", source="suggested", score=0.5, evidence=["sampah"])
>>> print(insert_matches("region: {id: x}\\nmatches:\\n  - {masterplan: SP1, rpjmd: P1, relation: derived}  # checked\\n", [m]), end="")
region: {id: x}
matches:
  - {masterplan: SP1, rpjmd: P1, relation: derived}  # checked
  - {masterplan: SP2, rpjmd: P2, relation: aligned, source: suggested, score: 0.5, evidence: [sampah]}
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Sequence, Union

import yaml

from ..errors import OutputError, SmartsyncError
from ..io.regionfile import match_to_dict
from ..model import Match, Region

__all__ = ["insert_matches", "write_matches", "FileEditError", "match_fields"]


class FileEditError(SmartsyncError, ValueError):
    """The text cannot take new matches without rewriting more than the inserted lines."""


def match_fields(match: Match) -> dict[str, Any]:
    """The fields of a match as a region file writes them, in the file format's order."""
    return match_to_dict(match)


# ------------------------------------------------------------------ YAML

_PLAIN = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-]*")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf"}


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(v) for v in value) + "]"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _YAML_WORDS:
        return text
    # PyYAML's emitter escapes what YAML does not allow raw (control characters...)
    quoted = yaml.safe_dump(text, default_style='"', allow_unicode=True, width=2**30)
    return quoted.rstrip("\n").removesuffix("\n...").rstrip("\n")


def _yaml_item(match: Match) -> str:
    return "{" + ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in match_fields(match).items()) + "}"


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _end_of_line(text: str, pos: int) -> int:
    """The index just after the line break ending the line that holds ``pos``, or the text's end."""
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def _content_end(text: str, pos: int) -> int:
    """Back from ``pos`` over white space: the index just after the last character of content."""
    while pos > 0 and text[pos - 1] in " \t\r\n":
        pos -= 1
    return pos


def _insert_lines(text: str, at: int, lines: Sequence[str], nl: str) -> str:
    block = "".join(line + nl for line in lines)
    if at == len(text) and text and not text.endswith("\n"):
        block = nl + block
    return text[:at] + block + text[at:]


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The last scalar or flow collection of a node: where its text really ends.

    A block collection's own end mark lies at the next token, past any
    comment lines that follow it."""
    while isinstance(node, (yaml.SequenceNode, yaml.MappingNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    return node


def _insert_yaml(text: str, matches: Sequence[Match]) -> str:
    nl = _newline(text)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise FileEditError(f"not valid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise FileEditError("the file's top level is not a mapping")
    items = [_yaml_item(m) for m in matches]
    value = None
    key_node = None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == "matches":
            key_node, value = k, v
    if value is None:
        if root.flow_style:
            raise FileEditError("cannot add a matches list to a top-level mapping written in flow style")
        return _insert_lines(text, len(text), ["matches:"] + [f"  - {i}" for i in items], nl)
    assert key_node is not None
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        dash_line_start = text.rfind("\n", 0, value.start_mark.index) + 1
        indent = text[dash_line_start:value.start_mark.index]
        if indent.strip():
            raise FileEditError("the matches list does not start on its own line")
        at = _end_of_line(text, _content_end(text, _last_leaf(value).end_mark.index))
        return _insert_lines(text, at, [f"{indent}- {i}" for i in items], nl)
    if isinstance(value, yaml.SequenceNode) and value.flow_style and value.value:
        start, end = value.start_mark.index, value.end_mark.index
        close = end - 1
        if text[close] != "]":
            raise FileEditError("cannot find the end of the matches list")
        after_last = _content_end(text, close)
        if "\n" in text[start:end]:
            last = value.value[-1].start_mark.index
            line_start = text.rfind("\n", 0, last) + 1
            indent = re.match(r"[ \t]*", text[line_start:]).group(0)  # type: ignore[union-attr]
            addition = "".join(f",{nl}{indent}{i}" for i in items)
        else:
            addition = "".join(f", {i}" for i in items)
        return text[:after_last] + addition + text[after_last:]
    empty_list = isinstance(value, yaml.SequenceNode) and not value.value
    null = isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null"
    if not (empty_list or null):
        raise FileEditError("matches is neither a list nor empty")
    if text[key_node.start_mark.index - key_node.start_mark.column:key_node.start_mark.index].strip():
        raise FileEditError("the matches key does not start its line")
    start, end = value.start_mark.index, value.end_mark.index
    edited = text[:start] + text[end:]
    if start == end:  # "matches:" with nothing after it: items go after the key's line
        at = _end_of_line(edited, key_node.end_mark.index)
    else:
        # drop the spaces left between the colon and the end of the line
        line_end = edited.find("\n", start)
        line_end = len(edited) if line_end < 0 else line_end
        rest = edited[start:line_end]
        if not rest.strip():
            head = edited[:start].rstrip(" \t")
            edited = head + edited[start:].lstrip(" \t")
            start = len(head)
        at = _end_of_line(edited, start)
    indent = " " * (key_node.start_mark.column + 2)
    return _insert_lines(edited, at, [f"{indent}- {i}" for i in items], nl)


# ------------------------------------------------------------------ JSON

_WS = " \t\r\n"


def _skip_ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _json_item(match: Match) -> str:
    return json.dumps(match_fields(match), ensure_ascii=False)


def _line_indent(text: str, pos: int) -> str:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.match(r"[ \t]*", text[line_start:]).group(0)  # type: ignore[union-attr]


def _insert_json(text: str, matches: Sequence[Match]) -> str:
    nl = _newline(text)
    decoder = json.JSONDecoder()
    i = 1 if text.startswith("\ufeff") else 0
    i = _skip_ws(text, i)
    if i >= len(text) or text[i] != "{":
        raise FileEditError("the file's top level is not a JSON object")
    i = _skip_ws(text, i + 1)
    found: tuple[int, int, int] | None = None  # key start, value start, value end
    last_value_end = None
    first_key = None
    try:
        while i < len(text) and text[i] != "}":
            key, key_end = decoder.raw_decode(text, i)
            if first_key is None:
                first_key = i
            colon = _skip_ws(text, key_end)
            if text[colon] != ":":
                raise FileEditError("malformed JSON object")
            value_start = _skip_ws(text, colon + 1)
            _, value_end = decoder.raw_decode(text, value_start)
            if key == "matches":
                found = (i, value_start, value_end)
            last_value_end = value_end
            i = _skip_ws(text, value_end)
            if i < len(text) and text[i] == ",":
                i = _skip_ws(text, i + 1)
    except (json.JSONDecodeError, IndexError):
        raise FileEditError("not valid JSON") from None
    if i >= len(text):
        raise FileEditError("not valid JSON: the top-level object does not close")
    items = [_json_item(m) for m in matches]
    multiline = "\n" in text[: i]
    if found is None:
        if last_value_end is None:  # an empty object
            raise FileEditError("the file has no region in it")
        key_indent = _line_indent(text, first_key or 0) if multiline else ""
        if multiline:
            inner = key_indent + (key_indent or "  ")
            body = f",{nl}{key_indent}\"matches\": [{nl}" + f",{nl}".join(inner + x for x in items) \
                + f"{nl}{key_indent}]"
        else:
            body = ', "matches": [' + ", ".join(items) + "]"
        return text[:last_value_end] + body + text[last_value_end:]
    key_start, start, end = found
    if text[start] == "n" and text[start:end] == "null":
        return text[:start] + "[" + ", ".join(items) + "]" + text[end:]
    if text[start] != "[":
        raise FileEditError("matches is not a list")
    inside = text[start + 1:end - 1]
    key_indent = _line_indent(text, key_start)
    if not inside.strip():
        if multiline:
            unit = key_indent if key_indent else "  "
            inner = key_indent + unit
            body = "[" + nl + f",{nl}".join(inner + x for x in items) + nl + key_indent + "]"
        else:
            body = "[" + ", ".join(items) + "]"
        return text[:start] + body + text[end:]
    after_last = _content_end(text, end - 1)
    if "\n" in text[start:end]:
        indent = _line_indent(text, after_last - 1)
        addition = "".join(f",{nl}{indent}{x}" for x in items)
    else:
        addition = "".join(f", {x}" for x in items)
    return text[:after_last] + addition + text[after_last:]


def insert_matches(text: str, matches: Sequence[Match], *, format: str = "yaml") -> str:
    """The region file ``text`` with ``matches`` added at the end of its matches list.

    ``format`` is ``yaml`` or ``json``. Raises :class:`FileEditError` when the
    text cannot take them without rewriting more than the inserted lines.
    """
    if not matches:
        return text
    if format == "json":
        return _insert_json(text, matches)
    if format == "yaml":
        return _insert_yaml(text, matches)
    raise ValueError(f"format must be yaml or json, got {format!r}")


def _format_of(path: Path) -> str:
    return "json" if path.suffix.lower() == ".json" else "yaml"


def write_matches(path: Union[str, "os.PathLike[str]"], matches: Sequence[Match], *,
                  region: Region | None = None) -> Path:
    """Add ``matches`` to the region file at ``path`` with :func:`insert_matches` and replace
    the file safely; return its path.

    The edited text is read back first: it must give the file's region (or
    ``region``, when given) plus ``matches``, or nothing is written. A UTF-8
    byte order mark stays. The file is replaced by
    :func:`smartsync._files.atomic_write`: in one step, keeping its
    permissions, owner and group; a symbolic link, a file with several hard
    links, a read-only file, or a file that changed while it was being edited
    is refused. Raises :class:`FileEditError` (the text cannot take the
    matches, or would not read back), :class:`~smartsync.errors.OutputError`
    (the file must not be replaced) or :class:`OSError`; in every case the
    file is as it was.
    """
    import attrs

    from .._files import atomic_write, check_target
    from ..errors import RegionFileError
    from ..io import read_region

    path = Path(path)
    shown = os.fspath(path)
    if not matches:
        return path
    check_target(path)  # refuse a link, a read-only file... before reading it
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise OutputError.from_os_error(exc, shown) from None
    fmt = _format_of(path)
    bom = raw.startswith(b"\xef\xbb\xbf")
    try:
        text = raw[3 if bom else 0:].decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileEditError(f"{shown}: not UTF-8 text ({exc.reason}); nothing written") from None
    if region is None:
        try:
            region = read_region(raw, name=shown, format=fmt)
        except RegionFileError as exc:
            raise FileEditError(f"{shown}: cannot be read ({exc}); nothing written") from None
    try:
        new_text = insert_matches(text, matches, format=fmt)
    except FileEditError as exc:
        raise FileEditError(f"{shown}: cannot add the matches: {exc}; nothing written") from None
    data = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    expected = attrs.evolve(region, matches=tuple(region.matches) + tuple(matches))
    try:
        again = read_region(data, name=shown, format=fmt)
    except RegionFileError as exc:
        raise FileEditError(f"{shown}: the file with the matches added would not read back "
                            f"({exc}); nothing written") from None
    if again != expected:
        raise FileEditError(f"{shown}: the file with the matches added would not read back as "
                            "the region plus the matches; nothing written")
    atomic_write(path, lambda out: out.write(data), unchanged_since=before)
    return path
