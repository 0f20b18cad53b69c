"""Regression: a batch's JSON Lines output cut by a NEL (U+0085) in an element id.

An id holding U+0085 is refused by the reader, and its problem names the element
("masterplan element 0<NEL>"); JSON allows the character raw in a string, but
``str.splitlines`` (and other line readers) split on it, so one region's record became
two lines (found by the long Unicode test of issue 15). The writer escapes U+0085 as it
did U+2028 and U+2029.
"""

from __future__ import annotations

import json

import pytest

from smartsync.batch import BatchItem
from smartsync.cli.batch_cmd import json_line
from smartsync.errors import Problem


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_a_line_breaking_character_stays_inside_its_record(char):
    """A record whose texts hold a character str.splitlines breaks on is one line, and reads back."""
    where = f"masterplan element 0{char}"
    item = BatchItem(0, None, "in/hostile.json", error=f"{where}: id holds it",
                     problems=(Problem("id holds it", file="in/hostile.json", line=1,
                                       where=where, code="bad-character"),))
    line = json_line(item)
    assert len((line + "\n").splitlines()) == 1
    assert json.loads(line)["problems"][0]["where"] == where
