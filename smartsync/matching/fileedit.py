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

In JSON each match is a one-line object.

The review (``smartsync review``) changes a file one match at a time, in the
same manner: :func:`set_match_value` replaces one value of a match in place
(``source``, ``relation``), :func:`remove_item` takes a match (or a rejected
pair) out of its list with its line, and :func:`insert_rejected` adds pairs
to the ``rejected`` list as :func:`insert_matches` adds matches.

The caller is expected to read the
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
from typing import Any, Callable, Sequence, Union

import yaml

from ..errors import OutputError, SmartsyncError
from ..io.regionfile import match_to_dict, rejected_to_dict
from ..model import Match, Region, RejectedMatch

__all__ = ["insert_matches", "write_matches", "edit_region_file", "FileEditError", "match_fields",
           "set_match_value", "remove_item", "insert_rejected"]


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
    return _yaml_mapping(match_fields(match))


def _yaml_mapping(fields: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_yaml_scalar(v)}" for k, v in fields.items()) + "}"


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
    return _insert_yaml_items(text, [_yaml_item(m) for m in matches], "matches")


#: libyaml's parser when PyYAML has it (ten times faster; the same marks, in characters)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml_root(text: str) -> yaml.MappingNode:
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise FileEditError(f"not valid YAML: {exc}") from None
    if not isinstance(root, yaml.MappingNode):
        raise FileEditError("the file's top level is not a mapping")
    return root


def _insert_yaml_items(text: str, items: Sequence[str], list_key: str) -> str:
    nl = _newline(text)
    root = _yaml_root(text)
    value = None
    key_node = None
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == list_key:
            key_node, value = k, v
    if value is None:
        if root.flow_style:
            raise FileEditError(f"cannot add a {list_key} list to a top-level mapping written in flow style")
        return _insert_lines(text, len(text), [f"{list_key}:"] + [f"  - {i}" for i in items], nl)
    assert key_node is not None
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        dash_line_start = text.rfind("\n", 0, value.start_mark.index) + 1
        indent = text[dash_line_start:value.start_mark.index]
        if indent.strip():
            raise FileEditError(f"the {list_key} list does not start on its own line")
        at = _end_of_line(text, _content_end(text, _last_leaf(value).end_mark.index))
        return _insert_lines(text, at, [f"{indent}- {i}" for i in items], nl)
    if isinstance(value, yaml.SequenceNode) and value.flow_style and value.value:
        start, end = value.start_mark.index, value.end_mark.index
        close = end - 1
        if text[close] != "]":
            raise FileEditError(f"cannot find the end of the {list_key} list")
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
        raise FileEditError(f"{list_key} is neither a list nor empty")
    if text[key_node.start_mark.index - key_node.start_mark.column:key_node.start_mark.index].strip():
        raise FileEditError(f"the {list_key} key does not start its line")
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
    return _insert_json_items(text, [_json_item(m) for m in matches], "matches")


def _insert_json_items(text: str, items: Sequence[str], list_key: str) -> str:
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
            if key == list_key:
                found = (i, value_start, value_end)
            last_value_end = value_end
            i = _skip_ws(text, value_end)
            if i < len(text) and text[i] == ",":
                i = _skip_ws(text, i + 1)
    except (json.JSONDecodeError, IndexError):
        raise FileEditError("not valid JSON") from None
    if i >= len(text):
        raise FileEditError("not valid JSON: the top-level object does not close")
    multiline = "\n" in text[: i]
    if found is None:
        if last_value_end is None:  # an empty object
            raise FileEditError("the file has no region in it")
        key_indent = _line_indent(text, first_key or 0) if multiline else ""
        if multiline:
            inner = key_indent + (key_indent or "  ")
            body = f",{nl}{key_indent}{json.dumps(list_key)}: [{nl}" + f",{nl}".join(inner + x for x in items) \
                + f"{nl}{key_indent}]"
        else:
            body = f", {json.dumps(list_key)}: [" + ", ".join(items) + "]"
        return text[:last_value_end] + body + text[last_value_end:]
    key_start, start, end = found
    if text[start] == "n" and text[start:end] == "null":
        return text[:start] + "[" + ", ".join(items) + "]" + text[end:]
    if text[start] != "[":
        raise FileEditError(f"{list_key} is not a list")
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


# ------------------------------------------------- changing and removing items
# The review page changes one match at a time: a value replaced in place
# (``source``, ``relation``), a match taken out of its list, a rejected pair
# added to ``rejected``. Each edit touches the bytes of that item only.


class _Item:
    """One mapping of a list in the text: its span and its scalar values' spans."""

    def __init__(self, start: int, end: int, values: dict[str, tuple[int, int, str]]):
        self.start, self.end, self.values = start, end, values

    @property
    def key(self) -> tuple[str | None, str | None]:
        return (self.values.get("masterplan", (0, 0, None))[2],  # type: ignore[return-value]
                self.values.get("rpjmd", (0, 0, None))[2])


class _List:
    """A list of the top level: its span, whether it is written in brackets, its items."""

    def __init__(self, start: int, end: int, bracketed: bool, items: list[_Item],
                 key_end: int | None = None):
        self.start, self.end, self.bracketed, self.items = start, end, bracketed, items
        self.key_end = key_end


def _yaml_list(text: str, list_key: str) -> _List:
    root = _yaml_root(text)
    for k, v in root.value:
        if isinstance(k, yaml.ScalarNode) and k.value == list_key:
            key_node, node = k, v
            break
    else:
        raise FileEditError(f"the file has no {list_key} list")
    if not isinstance(node, yaml.SequenceNode):
        raise FileEditError(f"{list_key} is not a list")
    items = []
    for item in node.value:
        if not isinstance(item, yaml.MappingNode):
            raise FileEditError(f"an item of {list_key} is not a mapping")
        values = {k.value: (v.start_mark.index, v.end_mark.index, v.value) for k, v in item.value
                  if isinstance(k, yaml.ScalarNode) and isinstance(v, yaml.ScalarNode)}
        end = item.end_mark.index if item.flow_style else _content_end(text, _last_leaf(item).end_mark.index)
        items.append(_Item(item.start_mark.index, end, values))
    return _List(node.start_mark.index, node.end_mark.index, bool(node.flow_style), items,
                 key_node.end_mark.index)


class _JsonNode:
    def __init__(self, start: int, end: int, value: Any = None,
                 fields: dict[str, "_JsonNode"] | None = None, items: list["_JsonNode"] | None = None):
        self.start, self.end, self.value, self.fields, self.items = start, end, value, fields, items


def _json_node(text: str, i: int, decoder: json.JSONDecoder) -> _JsonNode:
    i = _skip_ws(text, i)
    if i >= len(text):
        raise FileEditError("not valid JSON: it ends too early")
    if text[i] in "{[":
        closing = "}" if text[i] == "{" else "]"
        fields: dict[str, _JsonNode] = {}
        items: list[_JsonNode] = []
        j = _skip_ws(text, i + 1)
        while j < len(text) and text[j] != closing:
            if closing == "}":
                key, key_end = decoder.raw_decode(text, j)
                colon = _skip_ws(text, key_end)
                if not isinstance(key, str) or text[colon:colon + 1] != ":":
                    raise FileEditError("not valid JSON: a malformed object")
                child = _json_node(text, colon + 1, decoder)
                fields[key] = child
            else:
                child = _json_node(text, j, decoder)
                items.append(child)
            j = _skip_ws(text, child.end)
            if text[j:j + 1] == ",":
                j = _skip_ws(text, j + 1)
        if j >= len(text):
            raise FileEditError("not valid JSON: a list or an object does not close")
        return _JsonNode(i, j + 1, fields=fields if closing == "}" else None,
                         items=items if closing == "]" else None)
    value, end = decoder.raw_decode(text, i)
    # ids are kept as written: a number's own text, not its value
    return _JsonNode(i, end, value=value if isinstance(value, str) else text[i:end])


def _json_list(text: str, list_key: str) -> _List:
    start = 1 if text.startswith("\ufeff") else 0
    try:
        root = _json_node(text, start, json.JSONDecoder())
    except (json.JSONDecodeError, IndexError):
        raise FileEditError("not valid JSON") from None
    if root.fields is None:
        raise FileEditError("the file's top level is not a JSON object")
    node = root.fields.get(list_key)
    if node is None:
        raise FileEditError(f"the file has no {list_key} list")
    if node.items is None:
        raise FileEditError(f"{list_key} is not a list")
    items = []
    for item in node.items:
        if item.fields is None:
            raise FileEditError(f"an item of {list_key} is not an object")
        values = {k: (v.start, v.end, v.value) for k, v in item.fields.items() if v.value is not None}
        items.append(_Item(item.start, item.end, values))
    return _List(node.start, node.end, True, items)


def _find(listed: _List, key: tuple[str, str], list_key: str) -> int:
    for number, item in enumerate(listed.items):
        if item.key == tuple(key):
            return number
    raise FileEditError(f"no item {key[0]} -> {key[1]} in {list_key}")


def _locate(text: str, list_key: str, format: str) -> _List:
    if format == "json":
        return _json_list(text, list_key)
    if format == "yaml":
        return _yaml_list(text, list_key)
    raise ValueError(f"format must be yaml or json, got {format!r}")


def set_match_value(text: str, key: tuple[str, str], field: str, value: str, *,
                    format: str = "yaml") -> str:
    """The region file ``text`` with one value of the match ``key`` (``(masterplan, rpjmd)``)
    replaced, in place: ``field`` (``source`` or ``relation``) must be written in the
    match already. Every other byte stays. Raises :class:`FileEditError` when the
    match or the field is not there.

    >>> print(set_match_value("matches:\\n  - {masterplan: SP1, rpjmd: P1, relation: aligned}  # ok\\n",
    ...                       ("SP1", "P1"), "relation", "derived"), end="")
    matches:
      - {masterplan: SP1, rpjmd: P1, relation: derived}  # ok
    """
    listed = _locate(text, "matches", format)
    item = listed.items[_find(listed, key, "matches")]
    if field not in item.values:
        raise FileEditError(f"the match {key[0]} -> {key[1]} has no {field} written")
    start, end, _ = item.values[field]
    written = json.dumps(value, ensure_ascii=False) if format == "json" else _yaml_scalar(value)
    return text[:start] + written + text[end:]


def remove_item(text: str, key: tuple[str, str], *, list_key: str = "matches",
                format: str = "yaml") -> str:
    """The region file ``text`` without the item ``key`` (``(masterplan, rpjmd)``) of its
    ``list_key`` list (``matches`` or ``rejected``).

    A line of a YAML block list goes with its comment; from a list in brackets
    the item goes with the comma that separated it; a list left empty reads
    ``[]``. Every other byte stays.

    >>> print(remove_item("matches:\\n  - {masterplan: A, rpjmd: B, relation: aligned}\\n"
    ...                   "  # checked\\n  - {masterplan: C, rpjmd: D, relation: aligned}\\n", ("A", "B")), end="")
    matches:
      # checked
      - {masterplan: C, rpjmd: D, relation: aligned}
    """
    listed = _locate(text, list_key, format)
    number = _find(listed, key, list_key)
    items = listed.items
    item = items[number]
    if not listed.bracketed:
        line_start = text.rfind("\n", 0, item.start) + 1
        if text[line_start:item.start].strip() != "-":
            raise FileEditError(f"an item of {list_key} does not start its own line")
        edited = text[:line_start] + text[_end_of_line(text, item.end):]
        if len(items) == 1:  # "matches:" left with nothing would read as no list: say []
            assert listed.key_end is not None
            colon = _skip_ws(edited, listed.key_end)
            if edited[colon:colon + 1] != ":":
                raise FileEditError(f"cannot find the colon after {list_key}")
            edited = edited[:colon + 1] + " []" + edited[colon + 1:]
        return edited
    if len(items) == 1:
        return text[:listed.start + 1] + text[listed.end - 1:]
    if number > 0:
        return text[:items[number - 1].end] + text[item.end:]
    return text[:item.start] + text[items[1].start:]


def insert_rejected(text: str, rejected: Sequence[RejectedMatch], *, format: str = "yaml") -> str:
    """The region file ``text`` with ``rejected`` pairs added at the end of its ``rejected``
    list (the list is added at the end of the file, or of the JSON object, when
    missing), in the manner of :func:`insert_matches`."""
    if not rejected:
        return text
    if format == "json":
        return _insert_json_items(
            text, [json.dumps(rejected_to_dict(r), ensure_ascii=False) for r in rejected], "rejected")
    if format == "yaml":
        return _insert_yaml_items(text, [_yaml_mapping(rejected_to_dict(r)) for r in rejected],
                                  "rejected")
    raise ValueError(f"format must be yaml or json, got {format!r}")




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

    if not matches:
        return Path(path)
    return edit_region_file(
        path, lambda text, fmt: insert_matches(text, matches, format=fmt),
        lambda old: attrs.evolve(old, matches=tuple(old.matches) + tuple(matches)),
        region=region, doing="add the matches", done="with the matches added",
        meant="the region plus the matches")


def edit_region_file(path: Union[str, "os.PathLike[str]"], edit: Callable[[str, str], str],
                     expected: Callable[[Region], Region], *, region: Region | None = None,
                     check: Callable[[bytes], None] | None = None, doing: str = "make the change",
                     done: str = "changed", meant: str = "intended") -> Path:
    """Edit the text of the region file at ``path`` and replace the file safely, as
    :func:`write_matches` does; return its path.

    ``edit(text, format)`` gives the new text (``format``: ``yaml`` or ``json``);
    ``expected(region)`` the region it must read back as, from the file's region
    (or ``region``, when given); ``check(data)``, when given, sees the file's
    bytes before anything else and may raise to stop. ``doing``, ``done`` and
    ``meant`` word the errors ("cannot *add the matches*", "the file *with the
    matches added* would not read back as *the region plus the matches*").
    Raises as :func:`write_matches` does; nothing is written unless all went well.
    """
    from .._files import atomic_write, check_target
    from ..errors import RegionFileError
    from ..io import read_region

    path = Path(path)
    shown = os.fspath(path)
    check_target(path)  # refuse a link, a read-only file... before reading it
    try:
        with open(path, "rb") as handle:
            before = os.fstat(handle.fileno())
            raw = handle.read()
    except OSError as exc:
        raise OutputError.from_os_error(exc, shown) from None
    if check is not None:
        check(raw)
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
        new_text = edit(text, fmt)
    except FileEditError as exc:
        raise FileEditError(f"{shown}: cannot {doing}: {exc}; nothing written") from None
    data = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    try:
        again = read_region(data, name=shown, format=fmt)
    except RegionFileError as exc:
        raise FileEditError(f"{shown}: the file {done} would not read back "
                            f"({exc}); nothing written") from None
    if again != expected(region):
        raise FileEditError(f"{shown}: the file {done} would not read back as "
                            f"{meant}; nothing written")
    atomic_write(path, lambda out: out.write(data), unchanged_since=before)
    return path
