"""Renderers: text for the terminal, Markdown, and the documented, versioned JSON form."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from strategies_typology import build_region

import smartsync
from smartsync import SyncType, classify
from smartsync.render import FORMATS, render
from smartsync.render.json import SCHEMA_VERSION, classification_to_dict, dumps
from smartsync.render.markdown import render_markdown
from smartsync.render.text import render_text

ROOT = Path(__file__).resolve().parent.parent
INTERNAL_KINDS = ("InitialFact", "StageDef(")


@pytest.fixture(scope="module")
def type_d():
    return classify(smartsync.load_region(ROOT / "examples" / "type-d-program.yaml"))


@pytest.fixture(scope="module")
def type_b():
    return classify(smartsync.load_region(ROOT / "examples" / "type-b-mission.yaml"))


# ---------------------------------------------------------------- text

def test_text_shows_type_stages_characteristics_diagnostics_funding(type_d):
    """The text names region and type, a line per stage, every characteristic, diagnostic and the funding."""
    out = render_text(type_d)
    assert out.startswith("Region 9904: Kabupaten Contoh Maju\n")
    assert "Type D: synchronization starts at the program" in out
    assert "program: 14 of 18 synchronized (coverage 77.8%, threshold 50%): synchronized, partial" in out
    assert "target: absent from the masterplan" in out
    for ch in type_d.characteristics:
        assert ch.message("en") in out
    for d in type_d.diagnostics:
        assert d.message("en") in out
    assert "Rp 1.27 trillion" in out
    assert "Why not" not in out  # the explanation only on request


def test_text_explain_adds_how_in_plain_words_and_why_not(type_d):
    """With explain the text adds the checklist of how and why not each other type (as
    questions); the fact tree and the rule firings only with trace."""
    out = render_text(type_d, explain=True)
    for heading in ("How the type was concluded", "Why not the other types"):
        assert heading in out
    for letter in ("A", "B", "C"):
        assert f"Why not type {letter}?" in out
    assert "Why not unsynchronized?" in out
    assert "✓ the program stage is synchronized: 14 of 18" in out
    assert "So: type D: synchronization starts at the program" in out
    assert "Rule firings" not in out and "#" not in out.split("How the type")[1]
    for kind in INTERNAL_KINDS:
        assert kind not in out


def test_text_trace_adds_the_fact_tree_and_firings(type_d):
    """With trace the text adds the fact tree (rule names, fact numbers) and the firings."""
    out = render_text(type_d, trace=True)
    assert "Fact tree" in out and "Rule firings" in out
    assert "input: Match(" in out and "<- type_from_highest_intact_chain" in out
    assert "type_from_highest_intact_chain (smartsync.rules.typology:TypologyPack)" in out
    for kind in INTERNAL_KINDS:
        assert kind not in out


def test_text_in_indonesian(type_b):
    """With lang='id' headings, stage lines and messages are Indonesian (rule names and docstrings aside)."""
    out = render_text(type_b, lang="id")
    assert "Tipe B: sinkronisasi dimulai pada misi" in out
    assert "misi: 3 dari 4 tersinkronisasi" in out
    for heading in ("Tahap", "Karakteristik", "Temuan", "Pendanaan"):
        assert heading in out
    for english in ("Characteristics", "Diagnostics", "Funding", "synchronized", "masterplan programs"):
        assert english not in out
    explained = render_text(type_b, lang="id", explain=True, trace=True)
    for heading in ("Bagaimana tipe ini disimpulkan", "Mengapa bukan tipe lain",
                    "Aturan yang dijalankan", "Mengapa bukan tipe A?"):
        assert heading in explained
    assert "Why not" not in explained and "How the type" not in explained


def test_text_of_a_region_without_diagnostics_says_none():
    """A region with nothing to report shows 'none' under diagnostics."""
    c = classify(build_region({"vision": 1, "program": 2}, matched={"vision": 1, "program": 2},
                              periods=((2021, 2026), (2021, 2026))))
    assert c.diagnostics == ()
    assert "Diagnostics\n  none" in render_text(c)


# ---------------------------------------------------------------- markdown

def test_markdown_has_headings_a_stage_table_and_lists(type_d):
    """The Markdown has a title, a stage table row per stage, and listed characteristics and diagnostics."""
    out = render_markdown(type_d)
    assert out.startswith("# Region 9904: Kabupaten Contoh Maju\n")
    assert "| | present | total | synchronized | coverage | threshold | status |" in out
    assert "| program | yes | 18 | 14 | 77.8% | 50% | synchronized, partial |" in out
    assert "| target | no | 0 |" in out
    assert "- **blocks** 4 of 18 masterplan programs" in out and "## Funding" in out


def test_markdown_in_indonesian_translates_the_stage_table(type_b):
    """With lang='id' the Markdown stage table's column names are Indonesian too."""
    out = render_markdown(type_b, lang="id")
    assert "| | ada | jumlah | tersinkronisasi | cakupan | ambang | status |" in out
    assert "| misi | ya | 4 | 3 | 75% | 50% | tersinkronisasi sebagian |" in out
    assert "present" not in out and "threshold" not in out


def test_markdown_explain_keeps_code_fences_balanced(type_d):
    """With explain, the trees and firings sit in fenced blocks, each fence closed."""
    out = render_markdown(type_d, explain=True, trace=True)
    assert out.count("```") % 2 == 0 and out.count("```") >= 4
    assert "## Why not the other types" in out
    for kind in INTERNAL_KINDS:
        assert kind not in out


def test_markdown_escapes_table_pipes():
    """A region name with a '|' does not break the Markdown title line into a table cell."""
    region = build_region({"program": 1}, matched={"program": 1})
    region = smartsync.Region(id="1|2", name="Kota A|B", kind="kota", rpjmd=region.rpjmd,
                              masterplan=region.masterplan, matches=region.matches)
    out = render_markdown(classify(region))
    assert out.splitlines()[0] == "# Region 1\\|2: Kota A\\|B"


# ---------------------------------------------------------------- json

def test_json_has_the_documented_keys(type_d):
    """The JSON has schema_version and the documented keys, per stage, per trace step and per why-not."""
    data = json.loads(dumps(type_d))
    assert data["schema_version"] == SCHEMA_VERSION == "smartsync/classification@2"
    assert data["region"] == {"id": "9904", "name": "Kabupaten Contoh Maju"}
    assert data["type"] == "program" and data["type_letter"] == "D"
    assert list(data["stages"]) == ["vision", "mission", "target", "program"]
    for stage in data["stages"].values():
        assert {"present", "total", "synchronized", "coverage", "full"} <= set(stage)
    assert data["stages"]["program"]["synchronized"] == 14
    assert data["stages"]["target"]["present"] is False
    assert all({"key", "value", "message"} <= set(ch) for ch in data["characteristics"])
    assert all({"code", "severity", "elements", "message"} <= set(d) for d in data["diagnostics"])
    assert {"total", "fundable", "share", "budget"} <= set(data["funding"])
    assert data["trace"] and all({"rule", "facts", "bindings", "asserted"} <= set(step)
                                 for step in data["trace"])
    assert set(data["why_not"]) == {"vision", "mission", "target", "unsynchronized"}
    assert all(reasons and all("message" in r for r in reasons)
               for reasons in data["why_not"].values())


def test_json_is_one_line_and_equals_the_dict(type_b):
    """dumps() is one line equal to classification_to_dict(); indent spreads the same data over lines."""
    line = dumps(type_b)
    assert "\n" not in line
    assert json.loads(line) == json.loads(json.dumps(classification_to_dict(type_b)))
    pretty = dumps(type_b, indent=2)
    assert pretty.count("\n") > 10 and json.loads(pretty) == json.loads(line)


def test_json_without_trace_and_in_indonesian(type_b):
    """trace=False drops steps and facts but keeps why_not; lang='id' gives Indonesian messages."""
    data = classification_to_dict(type_b, trace=False, lang="id")
    assert "trace" not in data and "facts" not in data and data["why_not"]
    assert data["type_label"] == "tipe B: sinkronisasi dimulai pada misi"
    assert data["characteristics"][0]["message"].startswith("Sinkronisasi dimulai")


def test_json_of_an_unsynchronized_region_has_no_letter():
    """An unsynchronized region's JSON has a null letter and why_not for each of the four stages."""
    data = classification_to_dict(classify(build_region({"program": 2})))
    assert data["type"] == "unsynchronized" and data["type_letter"] is None
    assert set(data["why_not"]) == {"vision", "mission", "target", "program"}


# ---------------------------------------------------------------- dispatch

@pytest.mark.parametrize("fmt", FORMATS)
def test_render_dispatches_each_format(type_b, fmt):
    """render() gives the text, Markdown or JSON form by name, in either language."""
    out = render(type_b, fmt, lang="id")
    expected = {"text": render_text(type_b, lang="id"),
                "markdown": render_markdown(type_b, lang="id"),
                "json": dumps(type_b, lang="id")}[fmt]
    assert out == expected


def test_render_refuses_an_unknown_format(type_b):
    """An unknown format raises ValueError naming the formats."""
    with pytest.raises(ValueError, match="text, markdown, json"):
        render(type_b, "xml")


def test_render_refuses_an_unknown_language(type_b):
    """An unknown language raises ValueError naming the languages."""
    with pytest.raises(ValueError, match="en, id"):
        render(type_b, "text", lang="fr")


def test_type_label_in_every_form_for_every_type():
    """Each type reads the same in text, Markdown and JSON."""
    shapes = {
        SyncType.VISION: {"vision": 1, "program": 1},
        SyncType.PROGRAM: {"program": 1},
    }
    for expected, matched in shapes.items():
        c = classify(build_region({"vision": 1, "program": 1}, matched=matched))
        assert c.type is expected
        label = json.loads(dumps(c))["type_label"]
        shown = label[:1].upper() + label[1:]  # "Type A: synchronization starts at ..."
        assert shown in render_text(c) and "Type: type" not in render_text(c)
        head, rest = shown.split(": ", 1)
        assert f"**{head}:** {rest}" in render_markdown(c)


@given(st.text(max_size=80))
def test_a_markdown_sentence_holds_no_active_character_unescaped(value):
    """Whatever a plan text holds, the Markdown renderer writes it with every character
    Markdown acts on backslash-escaped, no '<' that could open HTML, and no line break."""
    import re as _re

    from smartsync.render.markdown import _md

    shown = _md(value)
    assert "<" not in shown and "\n" not in shown and "\r" not in shown
    unescaped = _re.sub(r"\\.", "", shown)  # drop each escape with what it escapes
    assert not set(unescaped) & set("`*_[]#|~\\")
