"""The Indonesian catalogs use one term per concept: the glossary's (docs/glossary.rst);
every rule has an Indonesian description; descriptions are never cut mid-sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smartsync import messages
from smartsync.messages import id as id_catalog
from smartsync.messages.rules_id import RULES, VARIANTS
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
    texts.update({f"variant {k}": v for k, v in VARIANTS.items()})
    from smartsync.documents._words import ID as drafting

    texts.update({f"draft catalog {k}": v for k, v in drafting.items()})
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


def test_every_shipped_variant_has_an_indonesian_description():
    """`smartsync rules --list-variants --lang id` describes every shipped variant in
    Indonesian, never in its English words."""
    for name in available_variants():
        variant = load_variant(name)
        if not (variant.source or "").startswith("smartsync.variants:"):
            continue
        assert name in VARIANTS, name
        assert messages.variant_description(variant, "id") == VARIANTS[name]
        assert messages.variant_description(variant, "en") == variant.description


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


def _indonesian_pages():
    """Every example region under the default and each shipped variant, rendered in
    Indonesian with its explanation (how, why-not) and its characteristics and findings."""
    import smartsync
    from smartsync.render.text import render_text

    examples = [Path(__file__).resolve().parent.parent / "examples" / name for name in
                ("type-a-vision.yaml", "type-d-program.yaml", "unsynchronized.yaml")]
    for name in available_variants():
        classifier = load_variant(name).classifier()
        for path in examples:
            result = classifier.classify(smartsync.load_region(path))
            yield f"{name} {path.name}", render_text(result, lang="id", explain=True)


#: a word that is an identifier, not Indonesian: snake_case (lingkungan_hidup, orphan_programs)
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
#: English words that never appear in Indonesian prose (a note or message left untranslated)
_ENGLISH = re.compile(r"\b(?:the|of|and|is|are|not|match|matched|does|count|which|with)\b")


def _prose(page: str) -> str:
    # the texts of the plans themselves (in quotes) and the ids are the region's, not ours
    return re.sub(r'"[^"]*"', "", page)


def test_indonesian_output_shows_no_identifier_and_no_english_words():
    """Under Indonesian, the explanation of every example region under every shipped
    variant shows no identifier (snake_case) and no English sentence (a glossary check:
    one Indonesian term per concept, and never a key or an untranslated note)."""
    problems = []
    for where, page in _indonesian_pages():
        prose = _prose(page)
        for pattern in (_IDENTIFIER, _ENGLISH):
            for found in sorted(set(pattern.findall(prose))):
                line = next(line for line in prose.splitlines() if found in line)
                problems.append(f"{where}: {found!r} in {line.strip()[:120]}")
    assert not problems, "\n".join(problems[:20])


def test_the_identifier_check_fails_on_an_identifier(monkeypatch):
    """The check above fails on an identifier leaking into Indonesian prose (a dimension
    shown by its key instead of its words)."""
    assert _IDENTIFIER.search(_prose('Tidak ada program dimensi lingkungan_hidup "x_y"'))
    assert _ENGLISH.search(_prose("2 dari 4 program: the match does not count"))
    assert not _IDENTIFIER.search(_prose('program "Pengelolaan_Air" SP1'))


def test_the_review_page_says_a_note_match_write_wrote_in_the_page_s_language():
    """A suggestion's note written in English by ``smartsync match --write`` reads in
    Indonesian on the Indonesian review page, affairs by their names (no identifier);
    a note a person wrote is shown as written."""
    import attrs

    import smartsync
    from smartsync.messages import text
    from smartsync.review.page import _match_item

    region = smartsync.load_region(Path(__file__).resolve().parent.parent / "examples"
                                   / "type-b-mission.yaml")
    note = "; ".join([text("match.note.same_code", "en", code="2.16.02"),
                      text("match.note.shared_affairs", "en", affairs=["lingkungan_hidup"])])
    match = attrs.evolve(region.matches[0], note=note)
    page = _match_item(match, region, "id")
    assert "kode program sama 2.16.02; urusan pemerintahan yang sama: lingkungan hidup" in page
    assert "shared affairs" not in page and "lingkungan_hidup" not in page
    person = attrs.evolve(region.matches[0], note="dicek pada dokumen RPJMD hal. 12")
    assert "dicek pada dokumen RPJMD hal. 12" in _match_item(person, region, "id")


class _Visible:
    """The visible text of an HTML page, its folded trace (details), styles and scripts
    left out: what a planner reads without unfolding anything."""

    def __init__(self, page: str):
        import html.parser

        parts: list[str] = []
        skip = [0]

        class Parser(html.parser.HTMLParser):
            def handle_starttag(self, tag, attrs):  # noqa: ANN001
                if tag in ("style", "script", "details"):
                    skip[0] += 1

            def handle_endtag(self, tag):  # noqa: ANN001
                if tag in ("style", "script", "details"):
                    skip[0] -= 1

            def handle_data(self, data):  # noqa: ANN001
                if not skip[0] and data.strip():
                    parts.append(data.strip())

        Parser().feed(page)
        self.text = "\n".join(parts)


#: a fact kind (CamelCase) or a fact's field list: the rule packs' words, not a planner's
_FACT = re.compile(r"\b(?:[A-Z][a-z]+){2,}\(|\b[a-z_]+=\[")


def _indonesian_pages_with_advice():
    """Every example under the default and each shipped variant, in Indonesian: the text
    with its advice (what to change, how stable) and explanation, and the HTML report's
    visible text (its unfolded derivation too)."""
    import smartsync
    from smartsync.explain import explain
    from smartsync.render.html import render_html
    from smartsync.render.text import render_text

    folder = Path(__file__).resolve().parent.parent / "examples"
    for name in available_variants():
        classifier = load_variant(name).classifier()
        for path in sorted(folder.glob("*.yaml")):
            region = smartsync.load_region(path)
            result = classifier.classify(region)
            explained = explain(result, classifier=classifier, suggest=False)
            yield f"{name} {path.name} text", render_text(explained, lang="id", explain=True)
            yield f"{name} {path.name} html", _Visible(render_html(region, explained,
                                                                  lang="id")).text


@pytest.mark.slow
def test_indonesian_advice_and_report_show_no_identifier_no_fact_and_no_english():
    """Under Indonesian, the text with advice and the HTML report of every example under
    every shipped variant show no identifier, no fact as the rule packs write it and no
    English sentence (the glossary check of issue 21, item 6, over every output a planner
    reads)."""
    problems = []
    for where, page in _indonesian_pages_with_advice():
        prose = _prose(page)
        for pattern in (_IDENTIFIER, _ENGLISH, _FACT):
            for found in sorted(set(pattern.findall(prose))):
                line = next(line for line in prose.splitlines() if found in line)
                problems.append(f"{where}: {found!r} in {line.strip()[:120]}")
    assert not problems, "\n".join(problems[:20])


def test_the_fact_check_fails_on_a_fact_in_planner_text():
    """The check above fails on a fact as the rule packs write it (the unfolded derivation
    of the Indonesian report once listed them) and passes on Indonesian prose."""
    assert _FACT.search("TypeResult(stage=target) oleh aturan type_is_stage")
    assert _FACT.search("StageCoverage(stage=target, matches=[SS1/T1/derived/manual])")
    assert not _FACT.search("tahap sasaran tersinkronisasi: 2 dari 3 unsur (cakupan 66,7%)")
