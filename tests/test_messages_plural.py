"""Every count a planner reads agrees with its words: '1 of 16 masterplan program elements
is synchronized', '2 ... are'; '1 region', '2 regions'; the noun after 'of N' agrees with N
('1 of 1 masterplan program'); in Indonesian no '1 of all' calque.
Checked over every message of the catalogs that takes a count, for counts 0, 1, 2 and many."""

from __future__ import annotations

import re
import string

import pytest

from smartsync import messages
from smartsync.messages import en, id as id_catalog

#: the placeholders that are counts (a message's other values are names and figures)
COUNTS = {"count", "total", "synchronized", "matched", "fundable", "checked", "valid", "invalid",
          "errors", "warnings", "regions", "rule_sets", "overlap", "rest", "manual", "after",
          "required", "kept", "confirm"}
_VERBS = r"(?:is|are|has|have|does|do|needs|need|counts|count)"
#: a noun phrase of up to four words, none a verb nor 'of'
_NP = rf"(?:(?!(?:{_VERBS}|of)\b)[A-Za-z-]+ ){{0,4}}?"
#: a noun phrase after 'of N': up to four words, none a verb nor a preposition
_NP_OF = rf"(?:(?!(?:{_VERBS}|of|by|with|to|in|for|from|that|whose)\b)[A-Za-z-]+ ){{0,4}}?"
_PLURAL_NOUNS = (r"(?:elements|programs|matches|errors|regions|files|warnings|intervals|years|"
                 r"missions|targets|counterparts|dimensions|rule sets)")


def _messages_with_counts(catalog: dict[str, str]) -> list[tuple[str, frozenset[str]]]:
    out = []
    for key, template in sorted(catalog.items()):
        names = frozenset(n for _, n, _, _ in string.Formatter().parse(template) if n)
        if names & COUNTS:
            out.append((key, names))
    return out


EN = _messages_with_counts(en.CATALOG)
ID = _messages_with_counts(id_catalog.CATALOG)
#: none, one, two and many
_COUNTS = (0, 1, 2, 7, 1_000)


def _values(names: frozenset[str], subject: str, n: int) -> dict:
    """The message's values: the count ``subject`` at ``n``, the total at least as large
    (2 at least, unless it is the subject), every other count 2 or the total if smaller."""
    total = n if subject == "total" else max(n, 2)
    values: dict = {}
    for name in names:
        if name == subject:
            values[name] = n
        elif name == "total":
            values[name] = total
        elif name in COUNTS:
            values[name] = min(2, total)
        else:
            values[name] = "mission" if name in ("stage", "level") else "X"
    return values


def _disagreements(out: str, n: int) -> list[str]:
    # the noun after 'of N' agrees: '1 of 1 masterplan program', never '... programs'; and
    # no singular noun before a plural verb ('0 of 1 masterplan element are')
    found = re.findall(rf"\b(?:1|none) of (?:the )?1 {_NP_OF}{_PLURAL_NOUNS}\b", out)
    found += re.findall(r"\b(?:element|program|match) (?:are|have|do|need|count)\b", out)
    if n == 1:
        found += re.findall(rf"\b1 of (?:the )?\d+ {_NP}(?:are|have|do|need|count)\b", out)
        # '1 programs', '1 more matches'; but '1 of 1 programs' counts them (no agreement)
        found += re.findall(rf"(?<!of )(?<!of the )\b1 (?:more )?{_NP}{_PLURAL_NOUNS}\b(?! of)", out)
        found += re.findall(r"\b1 (?:are|count)\b", out)
    else:
        found += re.findall(rf"\b{n} of (?:the )?\d+ {_NP}(?:is|has|does|needs|counts)\b", out)
        found += re.findall(rf"\b{n} counts\b", out)
    return found


@pytest.mark.parametrize("key, names", EN, ids=[key for key, _ in EN])
def test_every_english_count_agrees_with_its_words(key, names):
    """Each English message with a count, each of its counts at 0, 1, 2 or many (the
    total at least as large): the verb and noun after it agree ('1 ... is', '2 ... are'),
    and the noun after 'of N' agrees with N ('1 of 1 masterplan program')."""
    for subject in sorted(names & COUNTS):
        for n in _COUNTS:
            out = messages.text(key, "en", **_values(names, subject, n))
            assert not _disagreements(out, n), (subject, n, out)
        if "total" in names and subject != "total":  # none of one: '0 of 1 ... elements are'
            out = messages.text(key, "en", **dict(_values(names, subject, 0), total=1))
            assert not _disagreements(out, 0), (subject, "0 of 1", out)


@pytest.mark.parametrize("key, names", ID, ids=[key for key, _ in ID])
def test_no_indonesian_count_reads_as_a_calque(key, names):
    """Each Indonesian message with a count, at 0, 1, 2 or many: never 'seluruh 1' /
    'semua 1' / 'kedua 1' (all of one), never a reduplicated plural after a number."""
    for subject in sorted(names & COUNTS):
        for n in _COUNTS:
            out = messages.text(key, "id", **_values(names, subject, n))
            assert not re.search(r"\b(?:seluruh|semua|kedua) 1\b", out), (subject, n, out)
            assert not re.search(r"\b\d+ (\w+)-\1\b", out), (subject, n, out)


def test_a_sentence_agrees_with_each_of_its_counts():
    """'{name:one|other}' in a message is the word agreeing with that count: the how of a
    stage with 1 matched element of 16 says 'is matched', with 2 'are matched'."""
    one = messages.text("how.stage.synchronized", stage="program", synchronized=1, total=16,
                        coverage=1 / 16, threshold=0.05)
    two = messages.text("how.stage.synchronized", stage="program", synchronized=2, total=16,
                        coverage=2 / 16, threshold=0.05)
    assert "1 of 16 masterplan program elements is matched" in one
    assert "2 of 16 masterplan program elements are matched" in two
    alone = messages.text("how.stage.synchronized", stage="program", synchronized=1, total=1,
                          coverage=1.0, threshold=0.5)
    assert "1 of 1 masterplan program element is matched" in alone
    none = messages.text("how.stage.not", stage="vision", synchronized=0, total=1,
                         coverage=0.0, threshold=0.5)
    assert "0 of 1 masterplan vision elements are matched" in none
    assert "1 of 1 masterplan program (100%) is synchronized" in messages.text(
        "characteristic.program_counterpart_share", synchronized=1, total=1, share="100%")
    mixed = messages.text("how.stage.synchronized", stage="mission", matched=2, synchronized=1,
                          total=3, coverage=1 / 3, threshold=0.3)
    assert "2 of 3 masterplan mission elements are matched to an RPJMD mission, 1 counts" in mixed
