"""The YAML loader's one-call tag resolution (smartsync.io._pyyaml._Loader) gives the safe
loader's tags, so a region file reads the same values, with the same lines."""

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smartsync.io import _pyyaml

_SCALARS = st.one_of(
    st.sampled_from(["1", "-2", "+3", "1.5", "1e3", ".inf", "-.Inf", ".nan", "~", "null", "Null",
                     "true", "Yes", "off", "0x1F", "0o7", "2001-12-14", "1_000", "=", "<<", "''",
                     '"7"', "!!str 3", "! 4", "x y", "0.", "._", "-"]),
    st.text(alphabet="0123456789.+-eE_:xoTtFfNnYy~ ", min_size=1, max_size=8).map(
        lambda s: s.strip() or "a"),
)


def _tags(node: yaml.Node, out: list) -> list:
    out.append((type(node).__name__, node.tag, node.start_mark.line))
    if isinstance(node.value, list):
        for child in node.value:
            for sub in (child if isinstance(child, tuple) else (child,)):
                _tags(sub, out)
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_SCALARS, min_size=1, max_size=6))
def test_same_tags_and_lines_as_the_safe_loader(scalars):
    text = "a:\n" + "".join(f"  - {s}\n" for s in scalars) + f"b: {scalars[0]}\n"
    try:
        expected = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    assert _tags(yaml.compose(text, Loader=_pyyaml._YAML_LOADER), []) == _tags(expected, [])
