"""Whatever the input, the region file reader answers with a report, never with a traceback."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import regions, examples

from smartsync import RegionFileError, read_region, region_from_dict, region_to_dict
from smartsync.io import check_region_text, dumps_region

_FUZZ = settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)


@_FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_give_a_report(data):
    """Arbitrary bytes, read as YAML or JSON, give a report (no exception), with errors whenever no region."""
    for fmt in ("yaml", "json"):
        report = check_region_text(data, format=fmt)
        assert (report.region is None) == bool(report.errors)


@_FUZZ
@given(st.text(alphabet="{}[]:,-&*!'\"#\n abc12.|>?@`%", max_size=120))
def test_yaml_punctuation_soup_gives_a_report(text):
    """Text made of YAML's special characters gives a report, never a traceback."""
    report = check_region_text(text)
    assert (report.region is None) == bool(report.errors)


def _paths(data, prefix=()):
    """Every (path, value) inside nested dicts and lists."""
    yield prefix, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _replace(data, path, value):
    if not path:
        return value
    head, *rest = path
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[head] = _replace(data[head], tuple(rest), value) if rest else value  # a key may be new
    return copy


@_FUZZ
@given(regions(max_elements=5, max_matches=3), st.data())
def test_any_value_anywhere_loads_or_is_reported(region, data):
    """Replacing any value of a valid region by junk either still loads or raises RegionFileError naming a problem."""
    plain = region_to_dict(region)
    paths = [p for p, _ in _paths(plain)]
    path = data.draw(st.sampled_from(paths))
    junk = data.draw(_json_values)
    changed = _replace(plain, path, junk)
    for attempt in (lambda: region_from_dict(changed),
                    lambda: read_region(json.dumps(changed), format="json")):
        try:
            attempt()
        except RegionFileError as error:
            assert error.errors, str(error)


@_FUZZ
@given(regions(max_elements=5, max_matches=3), st.data())
def test_truncated_files_give_a_report(region, data):
    """A region file cut off anywhere gives a report, never a traceback."""
    for fmt in ("yaml", "json"):
        text = dumps_region(region, format=fmt)
        cut = data.draw(st.integers(0, len(text)))
        report = check_region_text(text[:cut], format=fmt)
        assert (report.region is None) == bool(report.errors)
