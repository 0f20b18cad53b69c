"""The region file reader builds its objects without the model's checks (``model._unchecked``)
and reads the usual element and match on a fast path (``_Reader.usual_element``,
``usual_match``): neither may change what a file gives.

- every region the reader returns is what the model's own checked constructors make of
  the same values (rebuilt through them: no exception, equal, same types), whatever was
  written in the file;
- the fast paths give the same report, problem for problem, as the full reading;
- each check the skipped validators made is made by the reader, which words it with the
  file, the line and the element.
"""

from __future__ import annotations

import json
import math

import attrs
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import regions, examples
from test_io_fuzz import _paths, _replace

from smartsync import RegionFileError, read_region, region_to_dict
from smartsync._text import bad_character
from smartsync.io import check_region_text, dumps_region
from smartsync.io.regionfile import _Reader
from smartsync.model import (
    Confidence,
    Plan,
    Provenance,
    Region,
    RejectedMatch,
    _unchecked,
)

_FUZZ = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])

_junk = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.sampled_from([0.5, 1.5, -0.0, math.nan, 2021])
    | st.sampled_from(["", " ", "x", "P1", "vision", "program", "kota", "suggested", "adopted",
                       "a\x01b", "two\nlines", "governance", "2.10"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "level", "text", "file", "score", "reasons", "page", "x"]), inner,
        max_size=3),
    max_leaves=8,
)


def _rebuilt(value):
    """``value`` with every attrs object in it made again by its class's own checked
    constructor (converters, validators, __attrs_post_init__), innermost first."""
    if isinstance(value, tuple):
        return tuple(_rebuilt(v) for v in value)
    if not attrs.has(type(value)):
        return value
    fields = {a.name: _rebuilt(getattr(value, a.name)) for a in attrs.fields(type(value)) if a.init}
    return type(value)(**fields)


def _same_types(a, b) -> None:
    assert type(a) is type(b), (a, b)
    if isinstance(a, tuple):
        for x, y in zip(a, b):
            _same_types(x, y)
    elif attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            _same_types(getattr(a, field.name), getattr(b, field.name))


def _with_extras(region: Region, data) -> Region:
    """``region`` with provenances, confidences and rejected pairs now and then (the
    strategy draws none)."""
    plans = {}
    for plan in (region.rpjmd, region.masterplan):
        elements = []
        for element in plan.elements:
            if data.draw(st.booleans()):
                element = attrs.evolve(
                    element,
                    provenance=Provenance("rpjmd.pdf", page=data.draw(st.none() | st.integers(1, 9)),
                                          text=data.draw(st.none() | st.just("a line"))),
                    confidence=data.draw(st.sampled_from(
                        [None, Confidence(1.0), Confidence(0.5, ("merged cell",))])))
            elements.append(element)
        plans[plan.kind.value] = attrs.evolve(plan, elements=tuple(elements))
    rejected = ()
    if region.masterplan.elements and region.rpjmd.elements and data.draw(st.booleans()):
        pair = region.masterplan.elements[0], region.rpjmd.elements[0]
        if pair[0].level is pair[1].level and all(m.key != (pair[0].id, pair[1].id)
                                                  for m in region.matches):
            rejected = (RejectedMatch(pair[0].id, pair[1].id, note=data.draw(st.none() | st.just("no"))),)
    return attrs.evolve(region, rejected=rejected, **plans)


@_FUZZ
@given(regions(max_elements=8, max_matches=6), st.data())
def test_a_region_read_is_what_the_checked_constructors_make(region, data):
    """Read back from YAML and JSON, a region equals the one written, and building each of its
    objects again through the model's checked constructors gives equal objects of the same
    types (a score a float, a level a Level...)."""
    region = _with_extras(region, data)
    for fmt in ("yaml", "json"):
        read = read_region(dumps_region(region, format=fmt), format=fmt)
        assert read == region
        rebuilt = _rebuilt(read)
        assert rebuilt == read
        _same_types(rebuilt, read)
        for plan in (read.rpjmd, read.masterplan):  # the index a plan's constructor builds
            assert all(plan[e.id] is e for e in plan.elements)


def _full_reading(monkeypatch):
    monkeypatch.setattr(_Reader, "usual_element", lambda *args: False)
    monkeypatch.setattr(_Reader, "usual_match", lambda *args: False)


@_FUZZ
@given(regions(max_elements=5, max_matches=4), st.data())
def test_junk_anywhere_gives_the_same_report_with_and_without_the_fast_paths(region, data):
    """Any value of a file replaced by junk (or a key added): the report is the same, problem
    for problem and region for region, with the fast paths and with the full reading; and a
    region it gives is one the checked constructors accept as it is."""
    plain = region_to_dict(_with_extras(region, data))
    path = data.draw(st.sampled_from([p for p, _ in _paths(plain)]))
    changed = _replace(plain, path, data.draw(_junk))
    if data.draw(st.booleans()) and isinstance(changed, dict):
        target = data.draw(st.sampled_from([("rpjmd", "elements"), ("masterplan", "elements"),
                                            ("matches",)]))
        items = changed
        for key in target:
            items = items.get(key) if isinstance(items, dict) else None
        if isinstance(items, list) and items and isinstance(items[0], dict):
            items[0] = {**items[0], data.draw(st.sampled_from(
                ["agency", "indicators", "evidence", "score", "parent", "note", "source"])):
                data.draw(_junk)}
    texts = {"yaml": yaml.safe_dump(changed, allow_unicode=True, sort_keys=False),
             "json": json.dumps(changed)}
    with pytest.MonkeyPatch.context() as monkeypatch:
        _full_reading(monkeypatch)
        full = {fmt: check_region_text(text, name="f", format=fmt) for fmt, text in texts.items()}
    for fmt, text in texts.items():
        fast = check_region_text(text, name="f", format=fmt)
        assert fast.problems == full[fmt].problems
        assert fast.region == full[fmt].region
        if fast.region is not None:
            assert _rebuilt(fast.region) == fast.region


@given(st.text())
def test_printable_ascii_holds_no_bad_character(text):
    """The reader's shortcut: a printable ASCII text is one bad_character() takes."""
    if text.isascii() and text.isprintable():
        assert bad_character(text) is None and bad_character(text, line=True) is None


@_FUZZ
@given(regions(max_elements=6, max_matches=4))
def test_unchecked_constructors_make_what_the_checked_ones_make(region):
    """Given the fields the checked constructor stored, in order, the unchecked one makes an
    equal object with the same hash and repr, every field set."""
    objects = [region, region.rpjmd, *region.rpjmd.elements, *region.masterplan.elements,
               *region.matches]
    for obj in objects:
        cls = type(obj)
        values = [getattr(obj, a.name) for a in attrs.fields(cls) if a.init]
        made = _unchecked(cls)(*values)
        if cls is Plan:
            made.__attrs_post_init__()
        assert type(made) is cls and made == obj and hash(made) == hash(obj)
        assert repr(made) == repr(obj)


_VALID = """\
schema: smartsync/region@1
region: {id: '3374', name: Kota Semarang, kind: kota, province: Jawa Tengah}
rpjmd:
  period: [2021, 2026]
  elements:
  - {id: V1, level: vision, text: Semarang maju}
  - {id: P1, level: program, parents: [V1], text: Program satu, budget: 100, code: '1.01'}
masterplan:
  period: [2022, 2031]
  elements:
  - {id: SV1, level: vision, text: Smart Semarang}
  - {id: SP1, level: program, parents: [SV1], text: Program smart, dimension: governance}
matches:
- {masterplan: SV1, rpjmd: V1, relation: adopted}
- {masterplan: SP1, rpjmd: P1, relation: derived, source: manual, note: coded}
"""


def _edit(path, value):
    data = yaml.safe_load(_VALID)
    return yaml.safe_dump(_replace(data, path, value), sort_keys=False, allow_unicode=True)


# each check a validator of the model made on construction, the file that breaks it, and
# the problem the reader words instead (code, where)
_SKIPPED_CHECKS = [
    ("element id a text", ("rpjmd", "elements", 1, "id"), " ", "empty-text", "rpjmd element #2"),
    ("element id not a list", ("rpjmd", "elements", 1, "id"), ["P1"], "wrong-type", "rpjmd element #2"),
    ("level known", ("rpjmd", "elements", 1, "level"), "programme", "unknown-level", "rpjmd element P1"),
    ("text not empty", ("rpjmd", "elements", 1, "text"), "  ", "empty-text", "rpjmd element P1"),
    ("text a text", ("rpjmd", "elements", 1, "text"), 12, "wrong-type", "rpjmd element P1"),
    ("parents texts", ("rpjmd", "elements", 1, "parents"), ["V1", ""], "empty-text", "rpjmd element P1"),
    ("not its own parent", ("rpjmd", "elements", 1, "parents"), ["P1"], "parent-cycle", "rpjmd element P1"),
    ("code not empty", ("rpjmd", "elements", 1, "code"), " ", "empty-text", "rpjmd element P1"),
    ("dimension known", ("masterplan", "elements", 1, "dimension"), "smartness", "unknown-dimension",
     "masterplan element SP1"),
    ("indicators texts", ("rpjmd", "elements", 1, "indicators"), ["ok", " "], "empty-text",
     "rpjmd element P1"),
    ("budget not negative", ("rpjmd", "elements", 1, "budget"), -5, "bad-budget", "rpjmd element P1"),
    ("budget not a yes", ("rpjmd", "elements", 1, "budget"), True, "bad-budget", "rpjmd element P1"),
    ("agency not empty", ("rpjmd", "elements", 1, "agency"), "", "empty-text", "rpjmd element P1"),
    ("provenance a provenance", ("rpjmd", "elements", 1, "provenance"), "page 5", "wrong-type",
     "rpjmd element P1"),
    ("confidence a confidence", ("rpjmd", "elements", 1, "confidence"), "high", "bad-score",
     "rpjmd element P1"),
    ("element ids unique", ("rpjmd", "elements", 1, "id"), "V1", "duplicate-id", "rpjmd element V1"),
    ("a period", ("rpjmd", "period"), [2026, 2021], "bad-period", "rpjmd"),
    ("match end a text", ("matches", 1, "masterplan"), " ", "empty-text", "match   -> P1"),
    ("relation known", ("matches", 1, "relation"), "copied", "unknown-relation", "match SP1 -> P1"),
    ("source known", ("matches", 1, "source"), "guessed", "unknown-source", "match SP1 -> P1"),
    ("score at most 1", ("matches", 1, "score"), 1.5, "score-range", "match SP1 -> P1"),
    ("score a number", ("matches", 1, "score"), math.nan, "bad-score", "match SP1 -> P1"),
    ("suggested with a score", ("matches", 1, "source"), "suggested", "missing-score", "match SP1 -> P1"),
    ("note not empty", ("matches", 1, "note"), " ", "empty-text", "match SP1 -> P1"),
    ("evidence texts", ("matches", 1, "evidence"), [""], "empty-text", "match SP1 -> P1"),
    ("rejected end a text", ("rejected",), [{"masterplan": "", "rpjmd": "P1"}], "empty-text",
     "rejected  -> P1"),
    ("region id a text", ("region", "id"), " ", "empty-text", "region"),
    ("region name a text", ("region", "name"), None, "missing-field", "region"),
    ("region kind known", ("region", "kind"), "village", "unknown-kind", "region"),
    ("province not empty", ("region", "province"), " ", "empty-text", "region"),
]


@pytest.mark.parametrize("path, value, code, where",
                         [case[1:] for case in _SKIPPED_CHECKS], ids=[case[0] for case in _SKIPPED_CHECKS])
def test_each_check_the_builder_skips_is_an_error_of_the_reader(path, value, code, where):
    """What a skipped validator refused, the reader refuses first, naming the file, the line
    and the element: no region is built from it."""
    assert read_region(_VALID, name="ok.yaml").id == "3374"
    with pytest.raises(RegionFileError) as caught:
        read_region(_edit(path, value), name="bad.yaml")
    problems = [p for p in caught.value.errors if p.code == code]
    assert problems, caught.value.errors
    assert problems[0].file == "bad.yaml" and problems[0].where == where
    assert problems[0].line is not None
    assert "bad.yaml" in str(caught.value)


def test_the_usual_element_and_match_take_the_fast_path():
    """The fast paths are taken for the usual shapes (else the speed is lost unseen)."""
    taken = []
    original = (_Reader.usual_element, _Reader.usual_match)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(_Reader, "usual_element",
                            lambda self, *a: taken.append(original[0](self, *a)) or taken[-1])
        monkeypatch.setattr(_Reader, "usual_match",
                            lambda self, *a: taken.append(original[1](self, *a)) or taken[-1])
        region = read_region(_VALID)
    assert taken == [True] * 6 and region == read_region(_VALID)


@given(st.text(), st.booleans())
def test_one_search_finds_what_the_two_checks_would(text: str, line: bool) -> None:
    """A text the reader takes after one search is one neither bad_character nor bidi_control names."""
    from smartsync._text import bad_character, bidi_control, unremarkable

    assert unremarkable(text, line=line) == (bad_character(text, line=line) is None
                                             and bidi_control(text) is None)
