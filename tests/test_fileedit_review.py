"""The in-place edits the review makes (fileedit.set_match_value, remove_item, insert_rejected):
for any region file, in any of the styles a list may be written in, the edited text reads
back as the region with exactly that change, and the lines of other items stay as they were."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartsync
from smartsync.matching.fileedit import FileEditError, insert_rejected, remove_item, set_match_value
from smartsync.model import RejectedMatch, Relation, Source
from strategies import regions

_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _flow_yaml(region: smartsync.Region, one_line: bool) -> str:
    """The region's YAML with its matches as a flow list ``[{...}, {...}]`` (on one line or not)."""
    from smartsync.io import dumps_region
    from smartsync.matching.fileedit import _yaml_item

    text = dumps_region(region, format="yaml")
    head = text[: text.index("matches:")]
    items = [_yaml_item(m) for m in region.matches]
    joined = ", ".join(items) if one_line else ",\n  ".join(items)
    return head + "matches: [" + ("" if one_line else "\n  ") + joined + "]\n"


def _texts(region: smartsync.Region) -> list[tuple[str, str]]:
    from smartsync.io import dumps_region

    return [("yaml", dumps_region(region, format="yaml")), ("json", dumps_region(region, format="json")),
            ("yaml", _flow_yaml(region, True)), ("yaml", _flow_yaml(region, False))]


@_SETTINGS
@given(regions(max_elements=8, max_matches=6).filter(lambda r: r.matches), st.data())
def test_removing_a_match_leaves_the_others(region: smartsync.Region, data: st.DataObject) -> None:
    number = data.draw(st.integers(0, len(region.matches) - 1))
    gone = region.matches[number]
    for fmt, text in _texts(region):
        edited = remove_item(text, gone.key, format=fmt)
        again = smartsync.read_region(edited, format=fmt)
        assert again == attrs.evolve(region, matches=region.matches[:number] + region.matches[number + 1:])
        # nothing but that item's bytes went (and, for the last one, "[]" came)
        assert len(edited) < len(text)


@_SETTINGS
@given(regions(max_elements=8, max_matches=6).filter(lambda r: r.matches), st.data())
def test_setting_a_value_changes_that_match_only(region: smartsync.Region, data: st.DataObject) -> None:
    number = data.draw(st.integers(0, len(region.matches) - 1))
    relation = data.draw(st.sampled_from(list(Relation)))
    match = region.matches[number]
    for fmt, text in _texts(region):
        edited = set_match_value(text, match.key, "relation", relation.value, format=fmt)
        edited = set_match_value(edited, match.key, "source", "manual", format=fmt)
        changed = attrs.evolve(match, relation=relation, source=Source.MANUAL)
        expected = attrs.evolve(region, matches=tuple(changed if m is match else m for m in region.matches))
        assert smartsync.read_region(edited, format=fmt) == expected
        assert edited.count("\n") == text.count("\n")


@_SETTINGS
@given(regions(max_elements=8, max_matches=6), st.data())
def test_rejected_pairs_go_in_and_out(region: smartsync.Region, data: st.DataObject) -> None:
    pairs = [(a.id, b.id) for a in region.masterplan.elements for b in region.rpjmd.elements
             if a.level is b.level and (a.id, b.id) not in {m.key for m in region.matches}]
    if not pairs:
        return
    chosen = data.draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=3, unique=True))
    rejected = tuple(RejectedMatch(a, b) for a, b in chosen)
    for fmt, text in _texts(region):
        edited = insert_rejected(text, rejected[:1], format=fmt)
        edited = insert_rejected(edited, rejected[1:], format=fmt)
        assert smartsync.read_region(edited, format=fmt) == attrs.evolve(region, rejected=rejected)
        assert edited.startswith(text.rstrip("\n}").rstrip())
        back = remove_item(edited, rejected[0].key, list_key="rejected", format=fmt)
        assert smartsync.read_region(back, format=fmt) == attrs.evolve(region, rejected=rejected[1:])


def test_an_item_that_is_not_there_is_refused() -> None:
    text = "matches:\n  - {masterplan: A, rpjmd: B, relation: aligned}\n"
    with pytest.raises(FileEditError, match="no item A -> C in matches"):
        remove_item(text, ("A", "C"))
    with pytest.raises(FileEditError, match="has no source written"):
        set_match_value(text, ("A", "B"), "source", "manual")
    with pytest.raises(FileEditError, match="no rejected list"):
        remove_item(text, ("A", "B"), list_key="rejected")


def test_comments_and_blank_lines_around_a_removed_item_stay() -> None:
    text = ("matches:\n  # first\n  - masterplan: A\n    rpjmd: B\n    relation: aligned  # why\n\n"
            "  # second\n  - {masterplan: C, rpjmd: D, relation: aligned}\nrejected: []  # none yet\n")
    assert remove_item(text, ("A", "B")) == (
        "matches:\n  # first\n\n  # second\n  - {masterplan: C, rpjmd: D, relation: aligned}\n"
        "rejected: []  # none yet\n")
    assert remove_item(remove_item(text, ("A", "B")), ("C", "D")) == (
        "matches: []\n  # first\n\n  # second\nrejected: []  # none yet\n")
    assert insert_rejected(text, [RejectedMatch("A", "D")]).endswith(
        "rejected:   # none yet\n  - {masterplan: A, rpjmd: D}\n")
