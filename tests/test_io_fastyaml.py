"""The fast reader of plain YAML (smartsync.io._fastyaml) gives exactly what the PyYAML path
gives -- the same values, types, raw spellings and lines -- or declines; so a region file
reads the same, and every problem is reported in the same words, whichever path read it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from strategies import regions

from smartsync.io import _fastyaml, _source, check_region_text, dumps_region
from smartsync.sample import typical_region

ROOT = Path(__file__).resolve().parent.parent

_DIFF = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_REGIONS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_LONG_REGIONS = settings(max_examples=400, deadline=None,
                         suppress_health_check=[HealthCheck.too_slow])
_LONG = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _tree(node):
    """Everything a located tree holds, with each scalar's type, comparable with ==."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, dict):
        value = {key: _tree(item) for key, item in value.items()}
    elif isinstance(value, list):
        value = [_tree(item) for item in value]
    else:
        value = (type(value).__name__, repr(value))
    return value, node.line, node.raw, dict(node.key_lines), list(node.problems)


def _pyyaml(text):
    """The PyYAML path's tree, or the message of the problem it reports."""
    try:
        return _tree(_source._parse_yaml_with_pyyaml(text)), None
    except _source.SourceProblem as problem:
        return None, (problem.message, problem.line, problem.code)


def _agrees(text, max_depth=64):
    """The fast reader declines, or gives what the PyYAML path gives (and then PyYAML has no
    problem with the text); returns whether it read the text."""
    fast = _fastyaml.read(text, max_depth)
    if fast is None:
        return False
    expected, problem = _pyyaml(text)
    assert problem is None, (text, problem)
    assert _tree(fast) == expected, text
    return True


def _report_without_fast_reader(text, name):
    """check_region_text's report with the fast reader declining everything (the PyYAML path)."""
    read = _fastyaml.read
    _fastyaml.read = lambda text, max_depth: None
    try:
        return check_region_text(text, name=name)
    finally:
        _fastyaml.read = read


# ---------------------------------------------------------------- region files


def test_hand_written_files_in_braces_take_the_fast_path():
    """The examples, written as people write region files (an element a line, in braces,
    quotes escaped in double-quoted texts), are read by the fast reader, equal to PyYAML's."""
    for path in sorted((ROOT / "examples").glob("*.yaml")):
        assert _agrees(path.read_text(encoding="utf-8")), path.name


def test_typical_region_files_take_the_fast_path():
    """A typical region file as dump_region writes it (wrapped quoted texts too) is read by the fast reader, equal to PyYAML's."""
    for seed in (1, 2, 3):
        assert _agrees(dumps_region(typical_region(seed)))


def _dumped_regions_read_the_same(region):
    text = dumps_region(region)
    _agrees(text)
    _agrees(text.replace("\n", "\r\n"))


@_REGIONS
@given(regions(max_elements=8, max_matches=6))
def test_dumped_regions_read_the_same(region):
    """Generated regions, dumped, give the same tree through the fast reader (when it reads them) as through PyYAML."""
    _dumped_regions_read_the_same(region)


@pytest.mark.slow
@_LONG_REGIONS
@given(regions(max_elements=12, max_matches=10))
def test_dumped_regions_read_the_same_long(region):
    """The same, on many more generated regions."""
    _dumped_regions_read_the_same(region)


@_REGIONS
@given(regions(max_elements=6, max_matches=4), st.data())
def test_edited_region_files_report_the_same_problems(region, data):
    """A dumped region with a line changed, removed or repeated gives the same report (problems, lines, words) on both paths."""
    _edited_region_reports_the_same(region, data)


@pytest.mark.slow
@_LONG_REGIONS
@given(regions(max_elements=6, max_matches=4), st.data())
def test_edited_region_files_report_the_same_problems_long(region, data):
    """The same, on many more edited region files."""
    _edited_region_reports_the_same(region, data)


def _edited_region_reports_the_same(region, data):
    lines = dumps_region(region).split("\n")
    index = data.draw(st.integers(0, len(lines) - 1))
    edit = data.draw(st.sampled_from(["drop", "repeat", "indent", "dedent", "junk", "value"]))
    line = lines[index]
    if edit == "drop":
        del lines[index]
    elif edit == "repeat":
        lines.insert(index, line)
    elif edit == "indent":
        lines[index] = " " * data.draw(st.integers(1, 3)) + line
    elif edit == "dedent":
        lines[index] = line[data.draw(st.integers(1, 4)):]
    elif edit == "junk":
        lines[index] = line + data.draw(st.sampled_from(_JUNK))
    else:
        key = line.split(":", 1)[0]
        lines[index] = f"{key}: {data.draw(_SCALAR)}"
    text = "\n".join(lines)
    _agrees(text)
    fast = check_region_text(text, name="r.yaml")
    slow = _report_without_fast_reader(text, "r.yaml")
    assert fast.problems == slow.problems
    assert fast.region == slow.region


def test_problems_of_a_bad_file_are_worded_as_before():
    """Unknown keys, wrong types and missing fields in a file the fast reader reads are reported exactly as before."""
    text = dumps_region(typical_region(4))
    text = text.replace("level: vision", "levle: vision", 1).replace("budget: ", "budget: yes #", 1)
    text = text.replace("relation: derived", "relation: derivd", 1)
    assert _fastyaml.read(text, 64) is not None
    fast = check_region_text(text, name="bad.yaml")
    slow = _report_without_fast_reader(text, "bad.yaml")
    assert fast.problems == slow.problems and len(fast.errors) >= 3


# ---------------------------------------------------------------- scalars

_SCALAR = st.one_of(
    st.sampled_from([
        "1", "-2", "+3", "0", "-0", "007", "0o17", "0x1F", "0b101", "1_000", "1:30", "190:20:30",
        "1.5", "-1.5", "1e3", "1.5e10", "1.5e+10", "6.8523015e+5", ".inf", "-.Inf", ".NaN", "1.",
        "._", ".5", "~", "null", "Null", "NULL", "", "true", "True", "yes", "Yes", "no", "NO",
        "on", "Off", "y", "n", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2002-12-14 21:59:43",
        "=", "<<", "x y", "a  b", "-x", "--", "---", "a:b", "a,b", "a]b", "a[b", "a{b}", "a#b",
        "it's", "a 'b'", 'a "b"', "%x", "@x", "`x", "!x", "&x", "*x", "|", ">", "?x", ":x",
        "'q'", "'it''s'", "''", "' lead'", "'trail '", "'a: b'", "'# no comment'", '"dq"',
        '"a\\tb"', '"a: b"', '""', '"a \\"b\\" c"', '"a\\\\b"', '"a\\\\"', '"a\\\\\\"b"',
        '"\\"', '"a\\"', '"\\\\\\""', "x # comment", "'q' # comment", "[a, b]", "[]", "[ ]",
        "[1, '2', \"3\"]", "[a,b]", "[a, ]", "[, a]", "[a b, c]", "[a, [b]]", "{a: 1}", "[a: 1]",
        "[yes, 0x1, ~]", "[a#b]", "[a]#c", "[a] # c", "a: b", "a:", "- a", "\u00a0x", "x\u00a0",
        "\u2003x", "caf\u00e9", "\U0001f600", "\u200bx", "\u202ex", "\ufeffx", "x\x85y",
        "x\u2028y", "x\x7fy", "x\x1by", "x\ty", "x\ry", "\x00", "\ud800", "\ufffe",
    ]),
    st.text(alphabet="0123456789.+-eE_:xoTtFfNnYy~ ", min_size=1, max_size=8),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12),
    st.text(alphabet="ab '\"#:,[]{}-?*&!|>%@`\\\t", max_size=10),
)

# what an element written in braces usually holds
_USUAL = st.sampled_from(["V", "M1", "T1.1", "mission", "Kota Contoh Maju", "'quoted, a comma'",
                          "'it''s'", '"double, quoted"', '"say \\"x\\""', "2021", "3374", "yes",
                          "0.5", "~", "Smart Governance", "2.16.02", "-1"])

_JUNK = [" #x", "#x", " x", ": y", ":", " [", "'", '"', "\t", "\r", " &a", " *a", " !!str",
         "\u2028", "\x00", "\ufeff", " |", " - z"]


@_DIFF
@given(st.lists(_SCALAR, min_size=1, max_size=6))
def test_scalars_read_the_same(scalars):
    """Scalars of every kind, as values, list entries and list items in brackets, give the same values, types and lines."""
    text = ("a:\n" + "".join(f"  - {s}\n" for s in scalars) + f"b: {scalars[0]}\n"
            + "c: [" + ", ".join(scalars) + "]\n" + "".join(f"k{i}: {s}\n" for i, s in enumerate(scalars)))
    _agrees(text)


def test_yaml_1_1_scalars_keep_their_meaning():
    """yes/off are booleans, 010 octal, 1_000 a thousand, 1:30 sexagesimal, as PyYAML's safe loader reads them."""
    text = "a: yes\nb: off\nc: 010\nd: 1_000\ne: 1:30\ng: .nan\nh: 1.5e10\ni: '1'\nj: ~\nk:\n"
    tree = _fastyaml.read(text, 64)
    assert tree is not None and _agrees(text)
    values = {key: node.value for key, node in tree.value.items()}
    assert values["a"] is True and values["b"] is False
    assert values["c"] == 8 and values["d"] == 1000 and values["e"] == 90
    assert values["g"] != values["g"]
    assert values["h"] == 1.5e10 and values["i"] == "1" and values["j"] is None and values["k"] is None
    assert tree.value["c"].raw == "010" and tree.value["k"].raw == ""


def test_a_date_is_left_to_pyyaml():
    """A date (never a good value in a region file) makes the fast reader decline; the PyYAML
    path reads it as PyYAML's safe loader does."""
    text = "a: x\nf: 2001-12-14\n"
    assert _fastyaml.read(text, 64) is None
    assert _source.parse_yaml(text).value["f"].value == datetime.date(2001, 12, 14)


# ---------------------------------------------------------------- structure

_KEYS = st.sampled_from(["id", "level", "text", "parents", "a", "b", "x_1", "2021", "yes", "a.b", "a-b"])


@st.composite
def _braced(draw):
    """A one-line mapping in braces, as people write elements: keys with scalars or lists in
    brackets, spaces here and there."""
    keys = draw(st.lists(_KEYS, max_size=4))  # a repeated key now and then
    scalars = st.one_of(_SCALAR, _USUAL)
    items = []
    for key in keys:
        if draw(st.integers(0, 3)) == 0:
            value = "[" + ", ".join(draw(st.lists(scalars, max_size=3))) + "]"
        else:
            value = draw(scalars)
        items.append(f"{key}:{draw(st.sampled_from([' ', '  ', '']))}{value}")
    space = draw(st.sampled_from(["", " "]))
    return "{" + space + draw(st.sampled_from([", ", ",", " , "])).join(items) + space + "}" \
        + draw(st.sampled_from(["", " # c", " ", ",", "}"]))


@st.composite
def _documents(draw, depth=0):
    """Text of a block mapping or list in the subset, with comments and blank lines here and there."""
    indent = draw(st.integers(0, 3)) if depth else 0
    pad = " " * (indent + depth * 2)
    lines = []
    if draw(st.booleans()):
        keys = draw(st.lists(_KEYS, min_size=1, max_size=4, unique=True))
        for key in keys:
            if depth < 3 and draw(st.integers(0, 3)) == 0:
                child = draw(_documents(depth + 1))
                lines.append(f"{pad}{key}:{draw(st.sampled_from(['', ' ', ' # c']))}")
                lines.extend(child)
            elif depth < 3 and draw(st.integers(0, 5)) == 0:  # a list at the key's column
                lines.append(f"{pad}{key}:")
                lines.extend(f"{pad}- {draw(_SCALAR)}" for _ in range(draw(st.integers(1, 3))))
            elif draw(st.integers(0, 4)) == 0:  # a mapping in braces
                lines.append(f"{pad}{key}: {draw(_braced())}")
            else:
                lines.append(f"{pad}{key}: {draw(_SCALAR)}")
    else:
        for _ in range(draw(st.integers(1, 4))):
            if draw(st.booleans()):
                keys = draw(st.lists(_KEYS, min_size=1, max_size=3, unique=True))
                gap = " " * draw(st.integers(1, 3))
                lines.append(f"{pad}-{gap}{keys[0]}: {draw(_SCALAR)}")
                inner = " " * (len(pad) + 1 + len(gap))
                lines.extend(f"{inner}{key}: {draw(_SCALAR)}" for key in keys[1:])
            elif draw(st.integers(0, 3)) == 0:
                lines.append(f"{pad}- {draw(_braced())}")
            else:
                lines.append(f"{pad}- {draw(_SCALAR)}")
    if draw(st.integers(0, 4)) == 0:
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(["", "   ", "# note", "    # indented note"])))
    return lines


def _mutate(data, text):
    """The text with one hostile change: a character inserted, removed or swapped, a line
    repeated, wrapped, indented, a BOM, CRLF, a tab, a very long line..."""
    kind = data.draw(st.sampled_from(["insert", "delete", "swap-line", "repeat-line", "indent",
                                      "wrap", "bom", "crlf", "cr", "tab", "long", "document",
                                      "unclosed", "none"]))
    lines = text.split("\n")
    at = data.draw(st.integers(0, max(len(text) - 1, 0)))
    row = data.draw(st.integers(0, len(lines) - 1))
    if kind == "insert":
        char = data.draw(st.sampled_from(list(":-#'\"[]{},&*!|>?% \t\n\r\x00\x85\u2028\ufeff\u00a0é")))
        return text[:at] + char + text[at:]
    if kind == "delete":
        return text[:at] + text[at + 1:]
    if kind == "swap-line" and len(lines) > 1:
        other = data.draw(st.integers(0, len(lines) - 1))
        lines[row], lines[other] = lines[other], lines[row]
    elif kind == "repeat-line":
        lines.insert(row, lines[row])
    elif kind == "indent":
        lines[row] = " " * data.draw(st.integers(1, 5)) + lines[row]
    elif kind == "wrap":  # a scalar goes on over the next line
        cut = data.draw(st.integers(0, len(lines[row])))
        spaces = " " * data.draw(st.integers(0, 8))
        lines[row:row + 1] = [lines[row][:cut], spaces + lines[row][cut:]]
    elif kind == "bom":
        return "\ufeff" + text
    elif kind == "crlf":
        return text.replace("\n", "\r\n")
    elif kind == "cr":
        return text.replace("\n", "\r")
    elif kind == "tab":
        lines[row] = lines[row].replace(" ", "\t", 1)
    elif kind == "long":
        lines[row] = lines[row] + "x" * 5000
    elif kind == "document":
        lines.insert(row, data.draw(st.sampled_from(["---", "...", "--- # c", "%YAML 1.1", "--- x"])))
    elif kind == "unclosed":
        lines[row] = lines[row] + data.draw(st.sampled_from([" [a, b", " 'a", ' "a', " {a: 1"]))
    return "\n".join(lines)


@_DIFF
@given(_documents(), st.data())
def test_generated_and_mutated_texts_read_the_same_or_decline(lines, data):
    """Generated texts inside the subset and just outside it (mutated) give a decline or exactly PyYAML's tree."""
    text = "\n".join(lines) + "\n"
    _agrees(text)
    _agrees(_mutate(data, text))


@pytest.mark.slow
@_LONG
@given(_documents(), st.data())
def test_generated_and_mutated_texts_read_the_same_or_decline_long(lines, data):
    """The same, on many more texts, each mutated twice."""
    text = _mutate(data, "\n".join(lines) + "\n")
    _agrees(text)
    _agrees(_mutate(data, text))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2\n",                            # a duplicate key
    "a: &x 1\nb: *x\n",                         # an anchor and an alias
    "a: !!str 1\n",                             # a tag
    "a: |\n  text\n",                           # a block scalar
    "a: {b: {c: 1}}\n",                         # a flow mapping in a flow mapping
    "a: {b: 1,\n  c: 2}\n",                     # a flow mapping over two lines
    "a: {b: 1, b: 2}\n",                        # a duplicate key in braces
    "a: {b:1}\n",                               # no space after the colon
    "a: {'b': 1}\n",                            # a quoted key in braces
    "a: {b: 1,}\n",                             # a comma before the closing brace
    "a: {b: }\n",                               # a key without a value
    "- {b: 1} x\n",                             # something after the closing brace
    "a: [b, [c]]\n",                            # a nested flow list
    "a: [b,\n  c]\n",                           # a flow list over two lines
    "a:\n\tb: 1\n",                             # a tab
    "a: 1\n--- \nb: 2\n",                       # a second document
    "a: \"x\\ty\"\n",                           # an escape in double quotes
    "\ufeffa: 1\n",                             # a byte order mark
    "a: 1\rb: 2\n",                             # a lone carriage return
    "a: 1\n  b: 2\n",                           # odd indentation
    "? a\n: 1\n",                               # a complex key
    "'a': 1\n",                                 # a quoted key
    "a: b: c\n",                                # a mapping inside a plain scalar
    "<<: {a: 1}\n",                             # a merge key
    "just text\n",                              # a scalar document
    "# only a comment\n",                       # no data
    "a:\n  -\n    b: 1\n",                      # a dash alone on its line
])
def test_declines_what_it_does_not_read_with_certainty(text):
    """Duplicate keys, aliases, tags, block scalars, flow mappings, tabs, a BOM, odd indentation... are left to PyYAML."""
    assert _fastyaml.read(text, 64) is None


def test_nesting_deeper_than_the_limit_is_left_to_pyyaml(monkeypatch):
    """Nesting beyond MAX_DEPTH is declined, so the PyYAML path reports it in its words; within the limit it is read."""
    deep = "".join(" " * (2 * i) + f"k{i}:\n" for i in range(70)) + " " * 140 + "x: 1\n"
    assert _fastyaml.read(deep, 64) is None
    with pytest.raises(_source.SourceProblem, match="nested more than 64"):
        _source.parse_yaml(deep)
    monkeypatch.setattr("smartsync.io.MAX_DEPTH", 100)
    assert _agrees(deep, max_depth=100)


def test_wrapped_and_multi_line_scalars_fold_as_yaml_folds_them():
    """Quoted and plain scalars written over several lines (as dump_region wraps long texts) fold to PyYAML's values."""
    text = ("a: 'one two\n  three ''four''\n\n  five'\n"
            "b: plain words\n  going on\n\n\n  and on\n"
            "c:\n- 'x\n  y' # c\n- p\n  q\n"
            "d: '\n  lead'\ne: 'trail\n  '\n")
    assert _agrees(text)
    tree = _fastyaml.read(text, 64)
    assert tree.value["a"].value == "one two three 'four'\nfive"
    assert tree.value["b"].value == "plain words going on\n\nand on"


def test_values_kept_for_the_next_files_stay_few_and_do_not_leak_between_files():
    """What short values read as is kept across files, at most _SHARED_SIZE of them, and a file reads the same after others."""
    for start in range(0, 3 * _fastyaml._SHARED_SIZE, 500):
        text = "".join(f"k{i}: v{start + i}\n" for i in range(500))
        assert _fastyaml.read(text, 64) is not None
        assert len(_fastyaml._SHARED) <= _fastyaml._SHARED_SIZE
    text = "a: yes\nb: [1, '1', 1.0]\nc: 010\nd: v7\n"
    first = _tree(_fastyaml.read(text, 64))
    assert _tree(_fastyaml.read(text, 64)) == first
    assert _agrees(text)


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_in_ascii_the_unusual_characters_are_the_control_characters_but_lf(text):
    """The reader's shortcut for ASCII texts (no pattern to compile): a control character
    other than LF is exactly what its pattern of unusual characters finds."""
    assert (not text.replace("\n", "").isprintable()) == (_fastyaml._UNUSUAL.search(text) is not None)
