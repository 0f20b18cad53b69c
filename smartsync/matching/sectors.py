"""The affairs of regional government, and the words that name them.

Two plan statements that share words may still be about different things:
*pelayanan kesehatan* and *pelayanan administrasi kependudukan* share
*pelayanan* but belong to different affairs (*urusan*) of regional
government, run by different agencies and funded by different programs. And a
masterplan that speaks of *CCTV* and *keamanan kota* is about the same affair
as the RPJMD's *ketenteraman dan ketertiban umum*, with no word in common.

RPJMD programs are organised by these affairs (the national nomenclature,
Permendagri 90/2019, codes them: ``1.02`` health, ``2.16`` communication and
informatics ...), so the affair a statement is about is domain knowledge worth
using. :data:`SECTORS` maps each affair to the words that name it in plan
language; a statement's affairs are those whose words it uses
(:func:`sectors_of`). The words are matched by stem, so *kesehatan* also finds
*sehat* and *menyehatkan*.

Information technology itself is deliberately not an affair here: in a smart
city masterplan nearly everything is digital, and the question is which affair
the technology serves.

>>> sorted(sectors_of("Meningkatkan kualitas pelayanan kesehatan"))
['kesehatan']
>>> sorted(sectors_of("Pemasangan CCTV untuk pemantauan keamanan kota"))
['ketertiban']
>>> sectors_of("Mewujudkan masyarakat yang sejahtera")
frozenset()
"""

from __future__ import annotations

import functools
import re
from typing import Mapping

from .text import _VOCABULARY, ABBREVIATIONS, CONCEPT_MARK, CONCEPT_TOPICS, _concept_index, terms

__all__ = ["SECTORS", "sectors_of", "sector_stems", "affair_phrases", "phrase_sectors",
           "concept_sectors"]

#: affair -> words that name it (space separated; each word is stemmed), read from
#: ``affair_words`` in ``data/vocabulary.json`` (data, not code: edit that file)
SECTORS: Mapping[str, str] = dict(_VOCABULARY.get("affair_words", {}))


@functools.lru_cache(maxsize=1)
def sector_stems() -> Mapping[str, frozenset[str]]:
    """Stem -> the affairs it names (computed once from :data:`SECTORS`)."""
    index: dict[str, set[str]] = {}
    for sector, words in SECTORS.items():
        for word in words.split():
            if word in ABBREVIATIONS:
                # an abbreviation's words are not each the affair's (linmas is
                # "perlindungan masyarakat": "masyarakat" names no affair)
                continue
            for term in terms(word):
                index.setdefault(term.stem, set()).add(sector)
    return {stem: frozenset(found) for stem, found in index.items()}


@functools.lru_cache(maxsize=1)
def concept_sectors() -> Mapping[str, frozenset[str]]:
    """A concept's stem (:func:`~smartsync.matching.text.concept_terms`) -> the affairs any of
    its words and phrases names: *genangan* is written as the concept of *banjir*, and names
    disasters as *banjir* does.

    >>> sorted(concept_sectors()["~banjir"])
    ['bencana']
    """
    index = sector_stems()
    found: dict[str, set[str]] = {}
    for phrases in _concept_index().values():
        for phrase, concept in phrases:
            affairs = found.setdefault(concept, set())
            for stem in phrase:
                affairs.update(index.get(stem, ()))
    # a concept's broader topic (concept_topics in the vocabulary: the governance of the
    # region) is an affair of government its statements name, whatever its words
    for concept, topic in CONCEPT_TOPICS.items():
        found.setdefault(concept, set()).add(topic[len(CONCEPT_MARK):])
        found.setdefault(topic, set()).add(topic[len(CONCEPT_MARK):])
    return {concept: frozenset(affairs) for concept, affairs in found.items()}


#: "URUSAN PEMERINTAHAN BIDANG PEKERJAAN UMUMDAN PENATAAN RUANG": the decree's field names
#: open with their frame and, in the source lists, sometimes glue "dan" to the word before
_FIELD_FRAME = re.compile(r"^\s*urusan\s+pemerintahan\s+bidang\s+")
_GLUED_DAN = re.compile(r"(?<=[a-z]{4})dan\b")
_NAME_PARTS = re.compile(r",|\bdan\b|\bserta\b")


@functools.lru_cache(maxsize=1)
def affair_phrases() -> Mapping[str, tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
    """First stem -> the phrases that name an affair, each with its affairs: the names of the
    nomenclature's fields (*bidang*), cut at *dan*, *serta* and commas, whose parts of two
    words or more (*lingkungan hidup*, *tenaga kerja*, *penataan ruang*, *perlindungan
    masyarakat*) name the field's affairs (``affairs_of_fields`` in ``data/vocabulary.json``)
    when a text writes them in a row. An affair's own name in the decree names it, though
    its words apart do not (*lingkungan* is also a neighbourhood, *hidup* a life).

    >>> sorted(phrase_sectors([t.stem for t in terms("Kualitas lingkungan hidup yang asri")]))
    ['lingkungan_hidup']
    >>> phrase_sectors([t.stem for t in terms("Kualitas hidup di lingkungan kumuh")])
    frozenset()
    """
    from .bridge import affairs_of_fields
    from .nomenclature import code_key, load_nomenclature

    fields = affairs_of_fields()
    found: dict[str, dict[tuple[str, ...], frozenset[str]]] = {}
    for entry in load_nomenclature():
        if entry.level != "bidang":
            continue
        affairs = fields.get(".".join((code_key(entry.code) or ())[:2]))
        if not affairs:
            continue
        name = _GLUED_DAN.sub(" dan", _FIELD_FRAME.sub("", entry.name.casefold()))
        for part in _NAME_PARTS.split(name):
            stems = tuple(t.stem for t in terms(part))
            if len(stems) >= 2:
                known = found.setdefault(stems[0], {})
                known[stems] = known.get(stems, frozenset()) | affairs
    return {first: tuple(sorted(phrases.items())) for first, phrases in found.items()}


def phrase_sectors(stems: "list[str] | tuple[str, ...]") -> frozenset[str]:
    """The affairs named by the phrases of :func:`affair_phrases` a text's stems (in text
    order) write in a row."""
    index = affair_phrases()
    found: set[str] = set()
    for i, s in enumerate(stems):
        for phrase, affairs in index.get(s, ()):
            if tuple(stems[i:i + len(phrase)]) == phrase:
                found |= affairs
    return frozenset(found)


def sectors_of(text: str) -> frozenset[str]:
    """The affairs a text names: by its words (:data:`SECTORS`) and by the phrases of the
    nomenclature's field names (:func:`affair_phrases`)."""
    index = sector_stems()
    found: set[str] = set()
    stems = [term.stem for term in terms(text)]
    for stem in stems:
        found.update(index.get(stem, ()))
    return frozenset(found) | phrase_sectors(stems)
