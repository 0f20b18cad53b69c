"""Issue 21's wording: singular and plural agree with the count, a failed stage is said
once in why-not, a block said for a higher type is pointed to (not repeated) for the
types below, and the Indonesian reads as Indonesian (no calques, no identifiers)."""

from __future__ import annotations

from pathlib import Path

import smartsync
from smartsync import messages
from smartsync.messages import id as id_catalog
from smartsync.render.text import why_not_lines

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_one_element_still_needs_a_counterpart_in_the_singular():
    """'1 of the elements above still needs', never '... still need', and the plural for
    more."""
    assert "1 of the elements above still needs" in messages.text("advice.incomplete", count=1)
    assert "2 of the elements above still need " in messages.text("advice.incomplete", count=2)


def test_a_dimension_with_one_or_two_programs_is_said_in_words_not_all_2_are_among():
    """A dimension with no synchronized program is said with its count in plain words
    ('none of its 2 programs'), its only program in the singular, its name in words."""
    two = messages.text("diagnostic.dimension_unsynchronized", count=2, dimension="society",
                        rejected=())
    one = messages.text("diagnostic.dimension_unsynchronized", count=1, dimension="society",
                        rejected=())
    assert "all 2 are among" not in two and "none of its 2 programs" in two
    assert "its only program" in one and "smart society" in one
    assert "seluruh 2" not in messages.text("diagnostic.dimension_unsynchronized", "id",
                                            count=2, dimension="society", rejected=())


def test_the_indonesian_catalog_has_no_calques():
    """The Indonesian advice says 'padanannya perlu dicari sendiri' and 'Jika usulan ...
    diterima, daerah ini mencapai tipe D', not the calques 'carilah satu' and 'Menerima
    usulan padanan di atas mencapai tipe D'."""
    texts = " ".join(id_catalog.CATALOG.values())
    for calque in ("carilah satu", "Menerima usulan padanan di atas mencapai", "seluruh {count}"):
        assert calque not in texts
    assert messages.text("advice.complete", "id", letter="D") == \
        "Jika usulan perubahan di atas diterima, daerah ini mencapai tipe D."


def test_a_failed_stage_is_said_once_and_a_block_is_not_repeated_for_lower_types():
    """In why-not, a stage that fails says its figures once (its elements follow in their
    own reason), and the reasons given for type A are pointed to, not repeated, for B."""
    c = smartsync.classify(smartsync.load_region(EXAMPLES / "type-d-program.yaml"))
    lines = why_not_lines(c, "en")
    assert sum("SM1" in line for line in lines) == 1
    assert sum("the mission stage is not synchronized: 0 of 4" in line for line in lines) == 1
    b = lines.index("Why not type B? (synchronization would start at the mission)")
    assert lines[b + 1] == "  - as for type A above: the mission stage is not synchronized"
    assert any("sama seperti untuk tipe A di atas" in line for line in why_not_lines(c, "id"))
