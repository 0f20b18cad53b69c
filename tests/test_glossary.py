"""The Indonesian catalogs use one term per concept: the glossary's (docs/glossary.rst);
every rule has an Indonesian description; descriptions are never cut mid-sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartsync import messages
from smartsync.messages import id as id_catalog
from smartsync.messages.rules_id import RULES
from smartsync.variants import available_variants, load_variant

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary.rst"


def _table() -> list[list[str]]:
    rows, row = [], None
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("   * - "):
            row = [line[len("   * - "):].strip()]
            rows.append(row)
        elif line.startswith("     - ") and row is not None:
            row.append(line[len("     - "):].strip())
        elif line.strip() == "-" and row is not None:
            row.append("")
    return rows[1:]  # the header row


def _avoided() -> dict[str, str]:
    out = {}
    for english, indonesian, _meaning, avoid in _table():
        for word in filter(None, (w.strip() for w in avoid.split(","))):
            out[word] = f"{english}: {indonesian}"
    return out


def _indonesian_texts() -> dict[str, str]:
    texts = {f"catalog {k}": v for k, v in id_catalog.CATALOG.items()}
    texts.update({f"rule {k}": v for k, v in RULES.items()})
    # placeholders are names, not words a planner reads
    return {k: re.sub(r"\{[a-z_]+\}", "", v) for k, v in texts.items()}


def test_the_glossary_lists_the_core_concepts():
    terms = {row[1] for row in _table()}
    for term in ("padanan, dipadankan", "unsur", "cakupan", "ambang", "pagu indikatif",
                 "perangkat daerah", "tersinkronisasi", "tahap"):
        assert term in terms


@pytest.mark.parametrize("word", sorted(_avoided()))
def test_the_indonesian_catalogs_never_use_a_word_the_glossary_rules_out(word):
    pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
    used = [key for key, value in _indonesian_texts().items() if pattern.search(value)]
    assert not used, f"{word!r} (glossary: {_avoided()[word]}) in {used}"


def _all_rules():
    seen = {}
    for name in available_variants():
        for info in load_variant(name).classifier().rules():
            seen.setdefault(info.name, info)
    return seen


def test_every_rule_has_an_indonesian_description():
    missing = sorted(set(_all_rules()) - set(RULES))
    assert not missing, f"rules without an Indonesian description: {missing}"


def test_rule_descriptions_are_whole_sentences():
    """The first sentence of a description ends a sentence; the trace and `smartsync rules`
    never cut a description mid-sentence ("is broken at a present,")."""
    for name, info in _all_rules().items():
        for lang in ("en", "id"):
            first = messages.rule_description(name, lang, info.description, first=True)
            whole = messages.rule_description(name, lang, info.description)
            assert first.endswith((".", ")")) and whole.startswith(first), (name, lang, first)
    assert messages.first_sentence("Concludes a break at a present,\nunsynchronized stage: "
                                   "e.g. the target. More.") == \
        "Concludes a break at a present, unsynchronized stage: e.g. the target."


def test_relation_and_source_names_are_translated():
    assert messages.format_value("relation", "derived", "id") == "diturunkan"
    assert messages.format_value("relations", ["adopted", "aligned"], "id") == "diadopsi, diselaraskan"
    assert messages.format_value("source", "suggested", "id") == "usulan mesin"
