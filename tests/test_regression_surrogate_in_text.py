"""Regression: a region given as a Python string with a lone surrogate where the fast
reader declines (found by the long differential test of the fast YAML reader).

PyYAML's libyaml parser encodes the text to UTF-8 and raised ``UnicodeEncodeError``
(a traceback); the reader now reports the line and the character, like any bad text.
"""

from __future__ import annotations

import pytest

from smartsync.errors import RegionFileError
from smartsync.io import read_region

_REGION = """id: "0"
name: Kota Contoh
kind: kota
rpjmd:
  period: [2021, 2026]
  elements: []
masterplan:
  period: [2021, 2026]
  elements: []
matches: []
"""


@pytest.mark.parametrize("line", ["value: \ud800", "note: [a, \udfff", "- \ud83d"])
def test_a_lone_surrogate_is_reported_with_its_line(line):
    """A lone surrogate in a text is a clear error naming the file, the line and the character."""
    with pytest.raises(RegionFileError) as caught:
        read_region(_REGION + line + "\n", name="r.yaml")
    message = str(caught.value)
    assert "r.yaml:11" in message
    assert "lone surrogate" in message and "remove it" in message
