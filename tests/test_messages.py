"""Message catalogs: English and Indonesian have the same keys and placeholders, and every
message produced for a classification is filled in, in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from hypothesis import given

from strategies_typology import property_settings, typology_regions

import smartsync
from smartsync import classify, messages
from smartsync.messages import en, id as id_catalog
from smartsync.render.markdown import render_markdown
from smartsync.render.text import render_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def placeholders(template: str) -> set[str]:
    # a word agreeing with several counts ({synchronized,total:element|elements}) names each
    return {part for _, name, _, _ in string.Formatter().parse(template) if name
            for part in name.split(",")}


def produced(c, lang: str) -> list[str]:
    """Every characteristic, diagnostic and why-not message of a classification."""
    out = [ch.message(lang) for ch in c.characteristics]
    out += [d.message(lang) for d in c.diagnostics]
    out += [r.message(lang) for reasons in c.why_not_all().values() for r in reasons]
    return out


def test_catalogs_have_the_same_keys():
    """Every English message has an Indonesian one and vice versa."""
    assert set(en.CATALOG) == set(id_catalog.CATALOG)


def test_catalogs_have_the_same_placeholders_per_key():
    """Each key's English and Indonesian templates use the same placeholders."""
    for key, template in en.CATALOG.items():
        assert placeholders(template) == placeholders(id_catalog.CATALOG[key]), key


def test_keys_and_placeholders_helper_agrees_across_languages():
    """messages.keys_and_placeholders() reports the same keys and placeholders for en and id."""
    assert messages.keys_and_placeholders("en") == messages.keys_and_placeholders("id")


def test_catalog_templates_are_well_formed():
    """Every template parses as a format string (no stray brace)."""
    for catalog in (en.CATALOG, id_catalog.CATALOG):
        for key, template in catalog.items():
            list(string.Formatter().parse(template))  # raises ValueError when malformed
            assert template.strip(), key


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_example_messages_have_no_unfilled_placeholder(path, lang):
    """Every characteristic, diagnostic and why-not message of each example is filled in."""
    c = classify(smartsync.load_region(path))
    texts = produced(c, lang)
    assert texts
    for message in texts:
        assert not PLACEHOLDER.search(message), message


@property_settings(25)
@given(typology_regions())
def test_generated_region_messages_have_no_unfilled_placeholder(region):
    """No message or text/Markdown page of a generated region keeps an unfilled placeholder, in en or id."""
    c = classify(region)
    for lang in ("en", "id"):
        for message in produced(c, lang):
            assert not PLACEHOLDER.search(message), message
        for page in (render_text(c, lang=lang), render_markdown(c, lang=lang)):
            assert not PLACEHOLDER.search(page), PLACEHOLDER.search(page)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_indonesian_characteristics_are_translated(path):
    """Each characteristic reads differently in Indonesian than in English (not a fallback)."""
    c = classify(smartsync.load_region(path))
    for ch in c.characteristics:
        assert ch.message("id") != ch.message("en"), ch.key


def test_stage_and_type_names_in_indonesian():
    """Stage names and type names follow the language: misi, sasaran, tipe B."""
    assert messages.stage_name("mission", "id") == "misi"
    assert messages.stage_name("target", "id") == "sasaran"
    assert messages.type_name(smartsync.SyncType.MISSION, "B", "id").startswith("tipe B")
    assert messages.type_name(smartsync.SyncType.UNSYNCHRONIZED, None, "en").startswith(
        "unsynchronized")


def test_values_are_formatted_for_a_planner():
    """Shares read as percentages, budgets with the language's separator, booleans as words."""
    assert messages.format_value("share", 0.725) == "72.5%"
    assert messages.format_value("share", 0.75, "id") == "75%"
    assert messages.format_value("coverage", 5 / 6, "id") == "83,3%"
    assert messages.format_value("threshold", 0.5) == "50%"
    assert messages.format_value("budget", 1877250000000, "en") == "1.88 trillion"
    assert messages.format_value("budget", 1877250000000, "id") == "1,88 triliun"
    assert messages.format_value("budget", 219_400_000_000, "id") == "219,4 miliar"
    assert messages.format_value("budget", 500_000, "id") == "500.000"
    assert messages.format_value("present", True, "id") == "ya"
    assert messages.format_value("coverage", 0.0) == "0%"


def test_unknown_language_is_refused():
    """A language other than en or id raises ValueError naming the languages."""
    with pytest.raises(ValueError, match="en, id"):
        messages.text("heading.type", "fr")


def test_registered_messages_are_used(monkeypatch):
    """A pack's own diagnostic reads with its registered message in each language, else 'code: elements'."""
    monkeypatch.setattr(messages, "_CATALOGS",
                        {lang: dict(cat) for lang, cat in messages._CATALOGS.items()})
    finding = smartsync.DiagnosticResult(code="custom_gap", severity="info", elements=("SP1",),
                                         figures={"count": 1})
    assert finding.message("en") == "custom_gap: SP1"
    messages.register("en", {"diagnostic.custom_gap": "{count} gap: {elements}"})
    messages.register("id", {"diagnostic.custom_gap": "{count} celah: {elements}"})
    assert finding.message("en") == "1 gap: SP1"
    assert finding.message("id") == "1 celah: SP1"


def test_single_unbudgeted_program_reads_right():
    """One unbudgeted RPJMD program is reported without a plural verb."""
    c = classify(smartsync.load_region(ROOT / "examples" / "type-d-program.yaml"))
    (finding,) = c.diagnostics_with("unbudgeted_rpjmd_programs")
    assert finding.message("en") == \
        "Matched RPJMD programs without a budget (pagu indikatif), 1 in all: P3."
    assert finding.message("id").endswith("sebanyak 1: P3.")
