"""Words a PDF split or ran together by its glyph spacing, mended with a vocabulary.

A PDF that places its words by position, without space characters between them (italic
visions, letter-spaced headings, justified text from some producers), leaves the spaces to
the reader: PDFium puts one where a gap between glyphs is wide. Letter-spaced or italic
glyphs then give fragments ("Terwu judnya", "Sukama ju", "T e r w u j u d n y a") and a
narrow word gap gives words run together ("Digitalyang", "danBerbudaya").

Only such spaces (the ones PDFium made, not the document's own) are ever changed, and only
where a vocabulary says so:

- fragments are joined where the joined word is known and one of the fragments is not, or
  where the document writes them as one word with its own spaces ("Suka maju": "Sukamaju");
- a word the vocabulary does not know is split where it is known words run together: at a
  small letter followed by a capital ("danBerbudaya"), or before or after a word that only
  joins others ("Digitalyang": ``yang``, ``dan``, ``untuk`` ...).

The vocabulary is data: Sastrawi's dictionary of Indonesian root words (a word is known when
it is there, or is one of them with Indonesian prefixes and suffixes), the words of the
national nomenclature's names, and the words the document itself writes with its own spaces. Nothing holding a digit is touched (codes,
budgets, years).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Iterable, Sequence

__all__ = ["CUT", "Vocabulary", "mend_words"]

#: a line break inside a table cell after a line that ran to the cell's edge: a word too long
#: for the cell may have been cut there ("penanggul" / "angan"); the two pieces are joined when
#: they make a known word, even where each piece is a word too
CUT = "cut"

#: words that join others: glued to a known word, they mark a lost space
JOINING_WORDS = ("yang", "dan", "dari", "untuk", "dengan", "dalam", "pada", "serta", "melalui", "oleh",
                 "atau", "bagi", "menuju", "sebagai", "secara", "terhadap", "antara", "yaitu", "adalah")
_ENDING: dict[str, tuple[str, ...]] = {}
_OPENING: dict[str, tuple[str, ...]] = {}
for _word in JOINING_WORDS:
    _ENDING[_word[-3:]] = _ENDING.get(_word[-3:], ()) + (_word,)
    _OPENING[_word[:2]] = _OPENING.get(_word[:2], ()) + (_word,)
#: short words that stand alone before another ("di seluruh", "ke depan")
_STANDALONE = frozenset(JOINING_WORDS + ("di", "ke"))
#: prefixes that are never words alone, though the dictionary lists some ("ber", "ter", "mem")
BOUND_PREFIXES = frozenset(("ber", "ter", "mem", "meng", "men", "peng", "pem", "memper", "diper"))
#: words of a plan's table headers no dictionary holds ("No" cut as "N" "o" in a narrow column)
TABLE_WORDS = ("no", "kode", "pagu", "opd", "skpd", "pd", "rp", "iku", "ikd", "apbd", "sipd")
#: the shortest known word a split may leave (shorter pieces are too often parts of names)
MIN_PIECE = 4
#: the most fragments joined into one word (a run of single letters may be longer)
MAX_FRAGMENTS = 4

_LETTERS = re.compile(r"^[^\W\d_]+$")
#: a column name of words joined by underscores ("kode_urusan", "nama_program"), or a fragment of one
_IDENTIFIER = re.compile(r"^[^\W\d_]+(?:_[^\W\d_]*)+$")
_CLOSING = re.compile(r"[,.;:!?)\]}”’%]+")
_NAME_SHAPE = re.compile(r"(?<![^\W\d_])(?:[A-Z][a-z]{3,}|[A-Z]{4,})(?![^\W\d_])")
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-Z])(?<![A-Z])")
_EDGE = re.compile(r"^([^\w]*)(.*?)([^\w]*)$", re.S)


@functools.lru_cache(maxsize=1)
def _roots() -> frozenset[str]:
    """Sastrawi's Indonesian root words and stop words, and the words of the nomenclature's names."""
    words: set[str] = set()
    try:
        from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

        words.update(w.casefold() for w in StemmerFactory().get_words() if w.strip())
        from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

        words.update(w.casefold() for w in StopWordRemoverFactory().get_stop_words() if w.strip())  # di, ke
    except Exception:  # noqa: BLE001 - no dictionary: the nomenclature and the document's words
        pass
    words.update(JOINING_WORDS)
    words.update(TABLE_WORDS)
    try:
        from ..matching.nomenclature import load_nomenclature

        for entry in load_nomenclature():
            words.update(w for w in re.findall(r"[^\W\d_]+", entry.name.casefold()) if len(w) >= 3)
    except Exception:  # noqa: BLE001 - the nomenclature is a help, not a need
        pass
    return frozenset(w for w in words if len(w) >= 2)  # a letter alone is no evidence of a word


@functools.lru_cache(maxsize=1)
def _nomenclature() -> tuple[frozenset[str], frozenset[str]]:
    """The words of the nomenclature's names, and the pairs of words they write side by side
    ("baitul mal", "kerja sama"): a cut between such a pair is a space, not a cut word."""
    words: set[str] = set()
    pairs: set[str] = set()
    try:
        from ..matching.nomenclature import load_nomenclature

        for entry in load_nomenclature():
            found = re.findall(r"[^\W\d_]+", entry.name.casefold())
            words.update(found)
            pairs.update(f"{a} {b}" for a, b in zip(found, found[1:]))
    except Exception:  # noqa: BLE001 - the nomenclature is a help, not a need
        pass
    return frozenset(words), frozenset(pairs)


#: Indonesian prefixes, with the letter a nasal prefix replaces ("menata" is me- + tata)
_PREFIXES = (("memper", ""), ("menge", ""), ("meng", ""), ("meng", "k"), ("meny", "s"), ("mem", ""), ("mem", "p"),
             ("men", ""), ("men", "t"), ("me", ""), ("peng", ""), ("peng", "k"), ("peny", "s"), ("pem", ""),
             ("pem", "p"), ("pen", ""), ("pen", "t"), ("per", ""), ("pe", ""), ("ber", ""), ("be", ""),
             ("ter", ""), ("te", ""), ("diper", ""), ("di", ""), ("ke", ""), ("se", ""), ("", ""))
_SUFFIXES = ("kannya", "annya", "nya", "kan", "an", "i", "lah", "kah", "pun", "")


def _affixed(low: str, roots: frozenset[str]) -> bool:
    """Whether ``low`` is a root word with Indonesian affixes (``terwujudnya``: ter- wujud -nya;
    ``pembangunan``: pem- bangun -an; ``menata``: men- tata). A few set look-ups, not a stemmer
    (Sastrawi takes milliseconds a word; a draft may ask for tens of thousands)."""
    for suffix in _SUFFIXES:
        if suffix and not low.endswith(suffix):
            continue
        body = low[: len(low) - len(suffix)] if suffix else low
        for prefix, letter in _PREFIXES:
            if prefix and not body.startswith(prefix):
                continue
            root = letter + body[len(prefix):]
            if len(root) >= 3 and root != low and (root in roots or (
                    root.startswith(("ber", "ke", "per")) and _affixed_once(root, roots))):
                return True
    return False


def _affixed_once(low: str, roots: frozenset[str]) -> bool:
    """A second prefix: ``keberlanjutan`` is ke- ber- lanjut -an."""
    for prefix in ("ber", "ke", "per"):
        if low.startswith(prefix) and low[len(prefix):] in roots:
            return True
    return False


class Vocabulary:
    """What counts as a word: the dictionary, its stems, the nomenclature, and the words the
    document writes with its own spaces (``document``: a count of folded words)."""

    def __init__(self, document: Counter[str] | None = None):
        self.document = document or Counter()
        self._known: dict[str, bool] = {}
        self._segments: dict[str, list[str] | None] = {}
        self._names: dict[str, bool] = {}

    def known(self, word: str) -> bool:
        """Whether ``word`` (any case) is a word: in the dictionary or the nomenclature (or its
        stem is), or written by the document with its own spaces."""
        low = word.casefold()
        found = self._known.get(low)
        if found is None and "_" in low:  # "kode_urusan": each of its words known
            pieces = low.split("_")
            found = self._known[low] = all(pieces) and all(self.known(p) for p in pieces)
        if found is None and low in BOUND_PREFIXES:
            found = self._known[low] = False  # "ber" "kelanjutan": a prefix is no word alone
        if found is None:
            roots = _roots()
            found = low in roots or self.document.get(low, 0) >= 1 or (
                5 <= len(low) <= 30 and _LETTERS.match(low) is not None and _affixed(low, roots))
            self._known[low] = found
        return found

    def name(self, word: str) -> bool:
        """Whether ``word`` may be a name the vocabulary does not know: a capitalised word of
        letters (four or more, at most 20) holding no known word of six letters or more and not
        ending with a joining word ("Sukamaju" may be; "Sukamajupublikdan" is a name run into
        "publik" and "dan")."""
        if not _name(word) or self.document.get(word.casefold()):
            return _name(word)
        low = word.casefold()
        found = self._names.get(low)
        if found is None:
            found = self._names[low] = len(low) <= 20 and not any(low.endswith(j) for j in JOINING_WORDS) and \
                not any(self.known(low[i:j]) for i in range(len(low)) for j in range(i + 6, len(low) + 1)
                        if j - i < len(low))
        return found

    def segment(self, word: str) -> list[str] | None:
        """``word`` as known words: itself, or split where known words run together; None.

        At a small letter followed by a capital ("danBerbudaya", "KabupatenSukamaju") one side
        may be a name the vocabulary does not know (a capitalised word of four letters or
        more), when the other side is known."""
        if word in self._segments:
            found = self._segments[word]
            return list(found) if found is not None else None
        found = self._segment(word) if len(word) <= 120 else None
        self._segments[word] = found
        return list(found) if found is not None else None

    def _segment(self, word: str) -> list[str] | None:
        if self.known(word):
            return [word]
        for match in _CAMEL.finditer(word):  # a small letter followed by a capital: "danBerbudaya"
            k = match.start()
            left, right = self.segment(word[:k]), self.segment(word[k:])
            if left is None and right is not None and self.name(word[:k]):
                left = [word[:k]]
            elif right is None and left is not None and self.name(word[k:]):
                right = [word[k:]]
            if left is not None and right is not None:
                return left + right
        low = word.casefold()
        for joining in _ENDING.get(low[-3:], ()) + _OPENING.get(low[:2], ()):
            if low.endswith(joining) and len(word) - len(joining) >= MIN_PIECE:
                rest = self.segment(word[: -len(joining)])
                if rest is None and self.name(word[: -len(joining)]) and len(word) - len(joining) > MIN_PIECE:
                    rest = [word[: -len(joining)]]  # "Sukamajuyang": a name, then "yang"
                if rest is not None:
                    return rest + [word[-len(joining):]]
            if low.startswith(joining) and len(word) - len(joining) >= MIN_PIECE:
                rest = self.segment(word[len(joining):])
                if rest is not None:
                    return [word[: len(joining)]] + rest
        return None


def mend_words(words: Sequence[str], made: Sequence[bool], vocabulary: Vocabulary) -> list[str]:
    """Mend a line's words: ``made[k]`` says whether the space before ``words[k]`` was made by
    the reader (PDFium) rather than written by the document; only those are joined, and only
    words after such a space (or before one) are split."""
    if CUT in made:
        words, made = _join_cut(words, made, vocabulary)
    n = len(words)
    parts = [_parts(w) for w in words]
    plain = [_plain_core(core) for _, core, _ in parts]
    known = [not plain[k] or vocabulary.known(parts[k][1]) for k in range(n)]
    # the words a mending may start from: one not known, or the first of two the document joins
    seeds = [not known[k] or (k + 1 < n and made[k + 1] and plain[k] and plain[k + 1] and bool(
        vocabulary.document.get((parts[k][1] + parts[k + 1][1]).casefold()))) for k in range(n)]
    if not any(seeds) and not any(made[k] and _CLOSING.fullmatch(words[k]) for k in range(1, n)):
        return list(words)  # a fragment joined needs one not known, or the document writing them as one
    next_seed = [n] * (n + 1)
    for k in range(n - 1, -1, -1):
        next_seed[k] = k if seeds[k] else next_seed[k + 1]
    fragments = [0] * (n + 1)  # how many single letters or words not known come before each word
    for k in range(n):
        fragments[k + 1] = fragments[k] + (len(words[k]) == 1 or not known[k])
    # where the run of fragments (plain words joined by made spaces) from each word ends
    run_end = [0] * n
    for k in range(n - 1, -1, -1):
        run_end[k] = run_end[k + 1] if k + 1 < n and made[k + 1] and plain[k] and plain[k + 1] else k + 1

    out: list[str] = []
    k = 0
    while k < n:
        if made[k] and out and _CLOSING.fullmatch(words[k]):
            out[-1] += words[k]  # "cerdas ," set glyph by glyph: the comma belongs to its word
            k += 1
            continue
        end = run_end[k]
        # a run mostly of fragments (single letters, pieces not known) is tried whole
        broken = (fragments[end] - fragments[k]) * 2 >= end - k
        longest = min(end, k + 120) if broken else min(end, k + MAX_FRAGMENTS)
        if end - k >= 2 and next_seed[k] < longest:
            joined = None
            for stop in range(longest, k + 1, -1):
                if next_seed[k] >= stop:
                    break  # no fragment left in the window
                if all(known[j] for j in range(k, stop)) and not vocabulary.document.get(
                        "".join(parts[j][1] for j in range(k, stop)).casefold()):
                    continue  # every fragment is a word already, and the document does not join them
                pieces = words[k:stop]
                head, core, tail = _parts("".join(pieces))
                segments = vocabulary.segment(core) if core else None
                if segments is None or [head + segments[0]] + segments[1:-1] + [segments[-1] + tail] == list(pieces) \
                        or not _keeps_words([parts[j][1] for j in range(k, stop)], segments, vocabulary):
                    continue
                segments[0], segments[-1] = head + segments[0], segments[-1] + tail
                joined = (segments, stop)
                break
            if joined is not None:
                out.extend(joined[0])
                k = joined[1]
                continue
        head, core, tail = parts[k]
        suspect = made[k] or (k + 1 < n and made[k + 1])
        if suspect and plain[k] and len(core) >= MIN_PIECE + 2 and not known[k]:
            segments = vocabulary.segment(core)
            if segments is not None and len(segments) > 1:
                segments[0], segments[-1] = head + segments[0], segments[-1] + tail
                out.extend(segments)
                k += 1
                continue
        out.append(words[k])
        k += 1
    return out


def _join_cut(words: Sequence[str], made: Sequence[bool | str], vocabulary: Vocabulary
              ) -> tuple[list[str], list[bool | str]]:
    """Words cut at the ends of full lines of a cell joined where together they are a known
    word: the longest run of pieces that makes one ("kode" "_prog" "ram": "kode_program"),
    each piece after the first going on in small letters or an underscore (or all in capitals)."""
    out: list[str] = []
    flags: list[bool | str] = []
    n, k = len(words), 0
    while k < n:
        stop = k + 1
        while stop < n and made[stop] == CUT:
            stop += 1
        for end in range(min(stop, k + MAX_FRAGMENTS), k + 1, -1):
            pieces = [_parts(w) for w in words[k:end]]
            joined = "".join(core for _, core, _ in pieces)
            inner = all(not p[2] for p in pieces[:-1]) and all(not p[0] for p in pieces[1:])
            low = joined.casefold()
            written = vocabulary.document.get(low)
            names, pairs = _nomenclature()
            pair = len(pieces) == 2 and f"{pieces[0][1]} {pieces[1][1]}".casefold() in pairs
            # two dictionary words stay two ("kerja" "sama") unless the document joins them or
            # together they are a word of the dictionary the nomenclature does not write as two
            # ("pari" "wisata"; "baitul" "mal" stays); a piece of three letters or fewer is a
            # syllable cut off ("Per" "hubungan")
            roots = all(len(p[1]) >= 4 and p[1].casefold() in _roots() for p in pieces) and \
                not written and (low not in _roots() or pair)
            # a preposition before a word stays one ("di" "seluruh" is not "diseluruh", nor
            # "di" "seluru" "h"), unless the document writes the joined word (a name) or the
            # nomenclature writes it and not the word after the preposition ("ke" "kerasan": "kekerasan")
            rest = "".join(p[1] for p in pieces[1:]).casefold()
            roots = roots or pair or (pieces[0][1].casefold() in _STANDALONE and rest in _roots() and not (
                written or (low in names and rest not in names)))
            if inner and not roots and _plain_core(joined) and vocabulary.known(joined) and (
                    joined.isupper() or all(p[1][:1].islower() or p[1][:1] == "_" for p in pieces[1:])):
                out.append("".join(words[k:end]))
                flags.append(True if made[k] == CUT else made[k])
                k = end
                break
        else:
            out.append(words[k])
            flags.append(True if made[k] == CUT else made[k])
            k += 1
    return out, flags


def _keeps_words(originals: list[str], segments: list[str], vocabulary: Vocabulary) -> bool:
    """Whether a mending keeps the words the reader gave that are words: no cut inside one (of
    three letters or more), none swallowed by a piece the vocabulary does not know (a name is
    made of fragments only: "S u k a m a j u", "Sukama ju"), and words joined only with a
    fragment or as the document writes them ("Suka maju" where it writes "Sukamaju")."""
    bounds, at = [], 0
    for original in originals:
        bounds.append((at, at + len(original)))
        at += len(original)
    cuts, at = set(), 0
    for piece in segments:
        start, at = at, at + len(piece)
        cuts.add(at)
        covered = [originals[i] for i, (a, b) in enumerate(bounds) if a < at and b > start]
        if len(covered) < 2:
            continue
        if not vocabulary.known(piece):
            if any(len(o) >= 3 and vocabulary.known(o) for o in covered):
                return False
        elif all(vocabulary.known(o) for o in covered) and not vocabulary.document.get(piece.casefold()):
            return False  # words joined into another ("dan dan": "dandan") only as the document writes it
    return not any(a < cut < b and b - a >= 3 and vocabulary.known(originals[i])
                   for cut in cuts for i, (a, b) in enumerate(bounds))


def _name(word: str) -> bool:
    """A capitalised word of letters that may be a name: ``Sukamaju``."""
    return len(word) >= MIN_PIECE and word[0].isupper() and word[1:].islower() and _LETTERS.match(word) is not None


def _plain(word: str) -> bool:
    """A word that may be a fragment: letters, with punctuation only at its edges."""
    return _plain_core(_parts(word)[1])


def _plain_core(core: str) -> bool:
    """Letters, or words of letters joined by underscores (a column name cut: "kode_urus" "an")."""
    return bool(core) and (_LETTERS.match(core) is not None or _IDENTIFIER.match(core) is not None)


def _parts(word: str) -> tuple[str, str, str]:
    """Leading punctuation, the word, trailing punctuation: ``"(Digitalyang),"``."""
    match = _EDGE.match(word)
    assert match is not None
    return match.group(1), match.group(2), match.group(3)


def document_words(texts: Iterable[str]) -> Counter[str]:
    """The names a document writes with its own spaces ("Sukamaju", "SUKAMAJU", "Diskominfo"),
    folded: the words a dictionary does not hold. Words in small letters are left to the
    dictionary (a document's own text may hold words run together)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.casefold() for w in _NAME_SHAPE.findall(text))
    return counts
