"""The copy of PyYAML's scalar rules the fast reader uses (smartsync.io._scalars) is PyYAML's:
the same table of implicit resolvers, the same tag for every plain scalar, the same value
built (or the same refusal)."""

from __future__ import annotations

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsync.io import _scalars

_RESOLVE = yaml.SafeLoader(""), yaml.constructor.SafeConstructor()

_SCALARS = st.one_of(
    st.sampled_from(["1", "-2", "+3", "0", "-0", "1.5", "1e3", "1.0e+3", ".inf", "-.Inf", "+.INF",
                     ".nan", ".NaN", "~", "null", "Null", "NULL", "nULL", "true", "Yes", "off",
                     "ON", "oN", "0x1F", "-0x_1", "0b101", "-0b_", "0o7", "010", "-0_7", "09",
                     "1_000", "1:30", "-1:30:15", "190:20:30.15", "2001-12-14", "=", "<<", "",
                     "x y", "0.", "._", "-", "_", "1__2", "1.2.3", "yes\n", "1\n", "0x", "0b",
                     "NULL\n", "Off\n", "no\n\n", "nO", "TRUE", "tRUE", "o", "n", "y", "On ",
                     "1.01.01", "2.16.02", "1.01.01\n", "01.2.3", "1.2.3e+5", "1..2", "1.2.",
                     "1.2.3.4", "1.2:3", "2001-1-1 1:00:00"]),
    st.text(alphabet="0123456789.+-eE_:xXbBoaAfFTtNnYyLlSsUu~ ", min_size=1, max_size=10).map(
        lambda s: s.strip() or "0"),
    st.text(alphabet="0123456789.\n", min_size=1, max_size=10),
    st.sampled_from(["yes", "no", "true", "false", "on", "off", "null"]).map(
        lambda word: "".join(c.upper() if i % 2 else c for i, c in enumerate(word))),
    st.integers().map(str),
    st.floats(allow_nan=False).map(repr),
)


def test_the_table_is_pyyamls():
    """For every first character, the same (tag, pattern) pairs in the same order."""
    theirs = yaml.SafeLoader.yaml_implicit_resolvers
    assert set(_scalars.IMPLICIT) == set(theirs)
    for char, rules in theirs.items():
        ours = _scalars.IMPLICIT[char]
        assert [(tag, p.pattern, p.flags) for tag, p in rules] == \
            [(tag, p.compiled().pattern, p.compiled().flags) for tag, p in ours], char


def _built(tag: str, value: str):
    """What PyYAML's safe constructor builds (or the type of what it raises)."""
    try:
        built = _RESOLVE[1].construct_object(yaml.ScalarNode(tag, value))
    except Exception as exc:  # noqa: BLE001 - compared with ours
        return "raises", type(exc).__name__ if not isinstance(exc, yaml.YAMLError) else "YAMLError"
    return type(built).__name__, repr(built)


def _ours(tag: str, value: str):
    if tag not in _scalars.CONSTRUCTED:
        return "left to PyYAML"
    try:
        built = _scalars.construct(tag, value)
    except Exception as exc:  # noqa: BLE001 - compared with PyYAML's
        return "raises", type(exc).__name__
    return type(built).__name__, repr(built)


@settings(max_examples=1000, deadline=None)
@given(_SCALARS)
def test_every_plain_scalar_gets_pyyamls_tag_and_value(value):
    tag = _RESOLVE[0].resolve(yaml.ScalarNode, value, (True, False))
    assert _scalars.resolve(value) == tag
    ours = _ours(tag, value)
    if ours == "left to PyYAML":
        assert tag not in (_scalars.NULL, _scalars.BOOL, _scalars.INT, _scalars.FLOAT)
        return
    assert ours == _built(tag, value), value  # the same value, or the same error
