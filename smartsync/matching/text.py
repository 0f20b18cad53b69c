"""Indonesian plan text to terms: folding, stop words, stemming, planning vocabulary.

A text becomes a sequence of :class:`Term` (the stem that is compared, and the
word as written, shown to a reviewer as evidence):

1. **Folding**: Unicode compatibility folding, accents dropped, case folded;
   every run of characters other than letters and digits separates words
   (``e-Government`` gives ``e`` and ``government``; ``dan/atau`` gives ``dan``
   and ``atau``). Words of one character and numbers are dropped.
2. **Abbreviations** common in plans are spelled out (:data:`ABBREVIATIONS`, read with
   :data:`SYNONYMS` from ``data/vocabulary.json``:
   ``UMKM`` is *usaha mikro kecil menengah*, ``SPBE`` *sistem pemerintahan
   berbasis elektronik* ...), and a few words with the same meaning in plan
   language are folded together (:data:`SYNONYMS`: ``online`` is ``daring``,
   ``smart`` and ``pintar`` are ``cerdas``).
3. **Stop words** from Sastrawi's Indonesian list are dropped, except a few
   that carry meaning in plans (:data:`KEPT_STOP_WORDS`: *kerja* in *lapangan
   kerja*, *kecil* in *usaha kecil*, *ibu* in *kematian ibu* ...).
4. **Stemming** with Sastrawi (Nazief-Adriani with confix stripping):
   *meningkatkan*, *peningkatan* and *meningkatnya* all give ``tingkat``. A
   handful of known slips of the stemmer are corrected (:data:`STEM_FIXES`:
   *kerusakan* is ``rusak``, not ``rusa``), and loanword derivations that
   Indonesian affix rules do not cover are folded (:func:`fold_loanword`:
   *digitalisasi* to ``digital``, *inovatif* to ``inovasi``, *transparansi* to
   ``transparan``). Stems are cached per word.

Which terms weigh how much is decided elsewhere (:mod:`smartsync.matching.weights`);
this module only knows the words. :data:`GENERIC_TERMS` lists the stems of
planning words that every plan uses (*pembangunan*, *daerah*, *meningkatkan*,
*terwujudnya*, *kota*, *kabupaten*, *program* ...): domain knowledge, not a
stop word list a library gives.

>>> [t.stem for t in terms("Meningkatnya kualitas pelayanan kesehatan")]
['tingkat', 'kualitas', 'layan', 'sehat']
>>> [t.word for t in terms("Pengembangan UMKM berbasis digital")]
['pengembangan', 'umkm', 'umkm', 'umkm', 'umkm', 'berbasis', 'digital']
>>> [t.stem for t in terms("Pengembangan UMKM berbasis digital")]
['kembang', 'usaha', 'mikro', 'kecil', 'tengah', 'basis', 'digital']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Iterable, Mapping

import attrs

__all__ = [
    "Term",
    "terms",
    "stem",
    "fold",
    "words",
    "fold_loanword",
    "stop_words",
    "ABBREVIATIONS",
    "SYNONYMS",
    "PHRASES",
    "KEPT_STOP_WORDS",
    "STEM_FIXES",
    "GENERIC_TERMS",
    "tool_terms",
    "agency_terms",
    "CONCEPTS",
    "concept_terms",
    "concept_parts",
    "CLAUSE_SEPARATORS",
    "NOT_TOPICS",
    "clauses",
]


@attrs.frozen
class Term:
    """One word of a text: ``stem`` is what is compared, ``word`` how the text wrote it."""

    stem: str
    word: str


def _data_json(name: str) -> dict:
    """The JSON file ``name`` of ``smartsync/matching/data``."""
    import json
    import os

    # beside this module (importlib.resources would import tempfile, which classifying
    # a region never needs); a package that is not on disk reads it through resources
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", name)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except OSError:  # pragma: no cover - zipped packages
        from importlib import resources

        raw = resources.files("smartsync.matching").joinpath("data", name).read_bytes()
    return json.loads(raw.decode("utf-8"))


def _vocabulary() -> dict:
    """``data/vocabulary.json``: the abbreviations and synonyms planners use (data, not code)."""
    return _data_json("vocabulary.json")


_VOCABULARY = _vocabulary()

#: Abbreviations common in Indonesian plans (and ``e-`` words, written joined: ``e-tax`` is
#: ``etax``), spelled out before stemming, so that ``UMKM`` in a masterplan meets *usaha
#: mikro, kecil dan menengah* in the RPJMD and ``ATCS`` meets *lalu lintas*. Read from
#: ``smartsync/matching/data/vocabulary.json``: edit that file to teach the matcher a word.
ABBREVIATIONS: Mapping[str, str] = dict(_VOCABULARY["abbreviations"])

#: Words that plans use with one meaning, folded to one spelling (after folding,
#: before stemming); from the same data file.
SYNONYMS: Mapping[str, str] = dict(_VOCABULARY["synonyms"])

#: Concepts: the words and phrases plans use for one aim (*kesejahteraan* and *kemakmuran*;
#: *rasa aman*, *ketertiban umum* and *kondusif*; *kemacetan* and *kelancaran lalu lintas*;
#: *genangan* and *banjir*), each compared as that one concept when statements of aims
#: (visions, missions, targets ...) are compared: :func:`concept_terms`. Read from
#: ``concepts`` in ``data/vocabulary.json`` (concept -> its words and phrases).
CONCEPTS: Mapping[str, tuple[str, ...]] = {
    name: tuple(phrases) for name, phrases in _VOCABULARY.get("concepts", {}).items()}

#: Phrases planners write as one name, compared as one word (their words apart would not
#: say it: *satu* of *Satu Data* is a stop word, *data* alone names nothing): phrase (folded
#: words, space separated) -> the term it is compared under (one word, not stemmed), or the
#: words it is in plan language (several words: *social mobility* is *mobilitas sosial*, not
#: *sosial* and the *mobility* of transport). Read from ``phrases`` in ``data/vocabulary.json``.
PHRASES: Mapping[str, str] = dict(_VOCABULARY.get("phrases", {}))

#: Concept -> the broader topic it belongs to (``concept_topics`` in ``data/vocabulary.json``:
#: *pelayanan publik*, *tata kelola* and *SPBE* are all the governance of the region): a
#: statement of aims writing a concept also writes its topic, so that two statements of one
#: topic share a term though their concepts differ.
CONCEPT_TOPICS: Mapping[str, str] = {
    "~" + concept: "~" + topic for topic, concepts in _VOCABULARY.get("concept_topics", {}).items()
    for concept in concepts}

#: Words of Sastrawi's stop word list that carry meaning in plan texts, kept.
KEPT_STOP_WORDS: frozenset[str] = frozenset(
    {"kerja", "sama", "ibu", "kecil", "besar", "baru", "tempat", "pasti", "aman", "umum"}
)

#: Corrections of known slips of the Sastrawi stemmer on plan words (word -> stem).
STEM_FIXES: Mapping[str, str] = {
    "kerusakan": "rusak",  # Sastrawi: rusa (a deer)
    "berbasis": "basis",  # Sastrawi: bas
    "pemerataan": "rata",  # Sastrawi: perata, while merata gives rata
    "agamis": "agama",  # Sastrawi: agam
    "kewirausahaan": "wirausaha",  # Sastrawi leaves it whole
    "kinerja": "kinerja",  # Sastrawi: kerja (work), but kinerja is performance
    "pendapatan": "pendapatan",  # Sastrawi: dapat (can, get), but pendapatan is income, revenue
    "relawan": "relawan",  # Sastrawi: rawan (prone to), but relawan is a volunteer
    "kerelawanan": "relawan",  # Sastrawi: rawan
    "sukarelawan": "relawan",  # Sastrawi: sukarelawan; a volunteer all the same
}

#: Stems of planning words common to every plan, discounted when weighing terms:
#: verbs of improvement and realisation (*meningkatkan*, *mewujudkan*,
#: *mengembangkan* ...), the nomenclature's frame words (*program*,
#: *penyelenggaraan*, *pengelolaan*), and the words for the region itself
#: (*daerah*, *kota*, *kabupaten*). The region's own name is added per region.
GENERIC_TERMS: frozenset[str] = frozenset(
    {
        # improve, develop, realise, strengthen, support, carry out
        "tingkat", "kembang", "wujud", "bangun", "kuat", "dorong", "capai",
        "optimal", "dukung", "laksana", "selenggara", "kelola", "sedia", "turun",
        "basis", "manfaat", "terap",
        # the frame of plan statements
        "program", "kegiatan", "misi", "visi", "sasaran", "tujuan",
        # the region itself, and its agencies (perangkat daerah)
        "daerah", "kota", "kabupaten", "wilayah", "cerdas", "city", "regency", "perangkat",
        # the measures of a target's indicator (indeks, persentase, angka, rasio, jumlah,
        # cakupan, nilai, proporsi, laju, pertumbuhan): what is measured is the rest
        "indeks", "persentase", "angka", "rasio", "jumlah", "cakup", "nilai", "proporsi",
        "laju", "tumbuh",
    }
)

_WORD = re.compile(r"[a-z0-9]+")


@functools.lru_cache(maxsize=1)
def tool_terms() -> frozenset[str]:
    """Stems of the words that name the means a masterplan uses (*digital*, *aplikasi*,
    *daring*, *sistem*, *platform* ...: ``tool_words`` in ``data/vocabulary.json``), not what
    it is about: in a smart city masterplan nearly everything is digital, so they weigh like
    generic planning words (stemmed on first use: the stemmer loads lazily).

    >>> sorted(tool_terms() & {"digital", "aplikasi", "sehat"})
    ['aplikasi', 'digital']
    """
    return frozenset(t.stem for w in _VOCABULARY.get("tool_words", ()) for t in terms(w))


@functools.lru_cache(maxsize=1)
def agency_terms() -> frozenset[str]:
    """Stems of the names of the agencies (*perangkat daerah*) an RPJMD program table writes
    beside a program (*Diskominfo*, *DPMPTSP*, *BPKAD*, *Dinas* ...: ``agency_words`` in
    ``data/vocabulary.json``): who carries a program out, not what it is, so they weigh like
    generic planning words (*Program Promosi Penanaman Modal (DPMPTSP)* is placed in the
    nomenclature as its name alone would be).

    >>> sorted(agency_terms() & {"diskominfo", "bpkad", "sehat"})
    ['bpkad', 'diskominfo']
    """
    return frozenset(t.stem for w in _VOCABULARY.get("agency_words", ()) for t in terms(w))
_E_PREFIX = re.compile(r"\b[eE]-(?=[^\W\d_])")

#: the end of a text written after its name: in brackets, or after a dash or a bar
_TAIL = re.compile(r"(?:\(([^()]*)\)|\s[\u2014\u2013|]\s*([^()\u2014\u2013|]*)|\s-\s([^()\u2014\u2013|-]*))\s*$")


@functools.lru_cache(maxsize=1)
def _agency_openers() -> frozenset[str]:
    """The folded words an agency's name opens with (``agency_heads`` and ``agency_words``
    in ``data/vocabulary.json``)."""
    return frozenset(w for x in (*_VOCABULARY.get("agency_heads", ()), *_VOCABULARY.get("agency_words", ()))
                     for w in words(x)[:1])


def without_agency(text: str) -> str:
    """``text`` without the agency an RPJMD program table writes after a program's name, in
    brackets or after a dash or a bar (*Program Penataan Desa (Dinas Pemberdayaan Masyarakat
    dan Desa)*, *Program Pencatatan Sipil — Disdukcapil Kota*): who carries a program out,
    not what it is. A part opening with another word is kept (*(UMKM)*, *— Hukum*).

    >>> without_agency("Program Pendidikan dan Latihan Perkoperasian (Dinas Koperasi dan UKM)")
    'Program Pendidikan dan Latihan Perkoperasian'
    >>> without_agency("Program Pengelolaan Pendapatan Daerah | Bapenda Kota")
    'Program Pengelolaan Pendapatan Daerah'
    >>> without_agency("Program Pemberdayaan Usaha Mikro (UMKM)")
    'Program Pemberdayaan Usaha Mikro (UMKM)'
    """
    found = _TAIL.search(text)
    if found is None:
        return text
    part = next(g for g in found.groups() if g is not None)
    first = words(part)[:1]
    if first and first[0] in _agency_openers() and found.start() > 0:
        return text[:found.start()].rstrip()
    return text

#: loanword derivations folded to one form: (suffix, replacement), first match wins
_LOANWORD_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("isasi", ""),  # digitalisasi -> digital, modernisasi -> modern
    ("ivitas", "if"),  # kreativitas -> kreatif, produktivitas -> produktif
    ("abilitas", "abel"),  # akuntabilitas -> akuntabel
    ("isme", ""),  # profesionalisme -> profesional
    ("ansi", "an"),  # transparansi -> transparan, toleransi -> toleran
    ("atif", "asi"),  # inovatif -> inovasi, partisipatif -> partisipasi
)
_MIN_LOANWORD_STEM = 4


def fold(text: str) -> str:
    """Case-folded text without accents: ``Pelayanan Publik`` gives ``pelayanan publik``."""
    if text.isascii():  # nothing to decompose (most plans' texts): a thirtieth of the time
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str) -> list[str]:
    """The words of a folded text: letters and digits, everything else separates.

    >>> words("Program Pengendalian Pencemaran dan/atau Kerusakan (2.11.02)")
    ['program', 'pengendalian', 'pencemaran', 'dan', 'atau', 'kerusakan', '2', '11', '02']
    """
    return _WORD.findall(fold(text))


@functools.lru_cache(maxsize=None)
def stop_words() -> frozenset[str]:
    """Sastrawi's Indonesian stop words, less :data:`KEPT_STOP_WORDS`."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words()) - KEPT_STOP_WORDS


class _SastrawiRe:
    """What Sastrawi's stemming modules call of :mod:`re` (``re.match`` and ``re.sub``
    with a pattern string), giving what :mod:`re` gives, for less.

    - A pattern is compiled once and kept (at most :attr:`KEPT` of them): Sastrawi's
      affix rules are some eighty fixed patterns, each looked up in :mod:`re`'s cache at
      every call otherwise.
    - After removing an affix, Sastrawi computes the part removed with
      ``re.sub(rest, '', word, count=1)``: the rest of the word *as a pattern*, compiled
      for that one call and never used again (about half of the patterns compiled while
      a region's texts and the affairs' words are stemmed). A pattern of ASCII letters
      and digits matches itself and nothing else, so that call is
      ``word.replace(rest, '', 1)``, without compiling anything.

    Anything else is :mod:`re`'s own (other attributes; flags go to :mod:`re`).
    ``match`` and ``sub`` are plain functions in the instance (no bound method made at
    each of the thousands of calls a region's stemming makes).
    """

    KEPT = 512

    def __init__(self) -> None:
        compiled: dict[object, re.Pattern] = {}
        kept = self.KEPT

        def pattern_of(pattern: object) -> "re.Pattern":
            found = compiled.get(pattern)
            if found is None:
                found = re.compile(pattern)  # type: ignore[call-overload]
                if len(compiled) < kept:
                    compiled[pattern] = found
            return found

        def match(pattern: object, string: str, flags: int = 0) -> "re.Match[str] | None":
            if flags:
                return re.match(pattern, string, flags)  # type: ignore[call-overload]
            found = compiled.get(pattern)
            if found is None:
                found = pattern_of(pattern)
            return found.match(string)

        def sub(pattern: object, repl: object, string: str, count: int = 0,
                flags: int = 0) -> str:
            if flags:
                return re.sub(pattern, repl, string, count=count, flags=flags)  # type: ignore
            if (repl == "" and count == 1 and type(pattern) is str and type(string) is str
                    and pattern.isascii() and pattern.isalnum()):
                return string.replace(pattern, "", 1)
            return pattern_of(pattern).sub(repl, string, count)  # type: ignore[arg-type]

        self.match = match
        self.sub = sub

    def __getattr__(self, name: str) -> object:
        return getattr(re, name)


@functools.lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    """Sastrawi's stemmer on its own dictionary, loaded once per process on first use.

    What ``StemmerFactory().create_stemmer()`` builds, less three costs: its dictionary is
    filled in one step (``ArrayDictionary.add_words`` makes a call per word, 30,000
    words, a third of the stemmer's start-up), its result cache is left out
    (:func:`stem` keeps its own, per word), and Sastrawi's stemming modules call
    :class:`_SastrawiRe` where they called :mod:`re` (the same results; the patterns
    compiled once, none compiled for a word).
    """
    import sys

    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    dictionary = ArrayDictionary()
    if isinstance(getattr(dictionary, "words", None), dict):
        # add() keeps each word that is not blank, as itself
        dictionary.words = {w: w for w in StemmerFactory().get_words() if w.strip()}
    else:  # pragma: no cover - another Sastrawi: its own way
        return StemmerFactory().create_stemmer()
    shim = _SastrawiRe()
    for name, module in list(sys.modules.items()):
        if name.startswith("Sastrawi.") and getattr(module, "re", None) is re:
            module.re = shim  # type: ignore[attr-defined]
    return Stemmer(dictionary)


def fold_loanword(stem_: str) -> str:
    """Fold a loanword derivation to its base form, when the rest is long enough.

    >>> [fold_loanword(w) for w in ["digitalisasi", "inovatif", "transparansi", "data"]]
    ['digital', 'inovasi', 'transparan', 'data']
    """
    # kreativitas -> kreatif -> kreasi: fold until no rule applies
    for _ in range(len(_LOANWORD_SUFFIXES)):
        for suffix, replacement in _LOANWORD_SUFFIXES:
            if stem_.endswith(suffix) and len(stem_) - len(suffix) >= _MIN_LOANWORD_STEM:
                stem_ = stem_[: -len(suffix)] + replacement
                break
        else:
            break
    return stem_


#: the stems of the words of a loaded nomenclature (worked out when it was indexed, kept with
#: it whatever becomes of :func:`stem`'s cache): see :func:`keep_stems`
_KEPT_STEMS: dict[str, str] = {}


def keep_stems(texts: Iterable[str]) -> None:
    """Keep the stem of every word of ``texts`` for as long as the process lives (the names of
    the nomenclature, indexed once per process: a plan's texts use many of their words)."""
    for text in texts:
        for word in words(_E_PREFIX.sub("e", text)):
            for part in _expand(word):
                if part not in _KEPT_STEMS:
                    _KEPT_STEMS[part] = stem(part)


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The stem of one folded word: Sastrawi, then :data:`STEM_FIXES` and loanword folding.

    >>> [stem(w) for w in ["meningkatkan", "peningkatan", "kerusakan", "kreativitas"]]
    ['tingkat', 'tingkat', 'rusak', 'kreatif']
    """
    kept = _KEPT_STEMS.get(word)
    if kept is not None:
        return kept
    fixed = STEM_FIXES.get(word)
    if fixed is not None:
        return fixed
    if word.isdigit():
        return word
    shipped = _shipped_stems()
    stemmed = shipped.get(word)
    if stemmed is None:
        stemmed = _sastrawi_stem(word)
    return fold_loanword(stemmed)


def _shipped_form(word: str) -> bool:
    """A word as the table of shipped stems holds it: lower-case ASCII letters and digits."""
    return word.isascii() and word.isalnum() and word.islower() and not word.isdigit()


def _sastrawi_stem(word: str) -> str:
    """Sastrawi's stem of one folded word (the word itself when Sastrawi gives nothing).

    In the ``smartsync`` command with its code cache on (:mod:`smartsync._codecache`), the
    stems Sastrawi gave are kept in the cache file for the next run, under the identity of
    the Sastrawi installed (:func:`_sastrawi_identity`): a command on a region it has seen
    stems its words without loading Sastrawi (about 90 M instructions: its modules, its
    dictionary, and its patterns compiled for the first words)."""
    kept = _kept_stems()
    if kept is not None:
        found = kept.get(word)
        if type(found) is str:
            return found
    stemmer = _stemmer()
    one_word = getattr(stemmer, "stem_word", None)
    if one_word is not None and word.isascii() and word.isalnum() and word.islower():
        # lower-case letters and digits: what Sastrawi's stem() would make of the text
        # before stemming its one word (it normalizes every text again with two regular
        # expressions, a third of the time of a word)
        stemmed = one_word(word) or word
    else:
        stemmed = stemmer.stem(word) or word
    if kept is not None and len(kept) < _MAX_KEPT_STEMS:
        kept[word] = stemmed
        _codecache_changed()
    return stemmed


#: the most stems Sastrawi gave that the code cache keeps (:func:`_sastrawi_stem`)
_MAX_KEPT_STEMS = 20_000


def _kept_stems() -> dict | None:
    """The stems Sastrawi gave in earlier runs of the command, as its code cache keeps them
    (``None`` when the cache is off: in a program that imports smartsync, always)."""
    import sys

    codecache = sys.modules.get("smartsync._codecache")
    if codecache is None or getattr(codecache, "_table", None) is None:
        return None
    return codecache.kept("sastrawi stems", _sastrawi_identity())


def _codecache_changed() -> None:
    import sys

    sys.modules["smartsync._codecache"].changed()


@functools.lru_cache(maxsize=1)
def _sastrawi_identity() -> tuple:
    """What the stems Sastrawi gives depend on, as the code cache compares it: where Sastrawi
    is installed, and the size and time of change of its dictionary and of this module
    (a Sastrawi installed again, or this module changed, starts the kept stems anew)."""
    import importlib.util
    import os

    spec = importlib.util.find_spec("Sastrawi")
    folder = next(iter(spec.submodule_search_locations or ()), None) if spec else None
    if folder is None:  # pragma: no cover - no Sastrawi: stem() fails as it would
        return ("no Sastrawi",)
    marks: list = [folder]
    for path in (os.path.join(folder, "Stemmer", "data", "kata-dasar.txt"), __file__):
        try:
            info = os.stat(path)
            marks += [info.st_size, info.st_mtime_ns]
        except OSError:  # pragma: no cover
            marks += [None, None]
    return tuple(marks)


@functools.lru_cache(maxsize=1)
def _shipped_stems() -> Mapping[str, str]:
    """Sastrawi's stems of the words of the vocabulary and of the nomenclature's names, as
    ``data/stems.json`` ships them (built by ``tools/build_stems.py``; a test checks each
    against Sastrawi): the affairs, the concepts and the nomenclature's index are stemmed at
    each start of a command that suggests matches, about 2,700 words, and a word of the
    table needs no Sastrawi (nor its loading). A word it lacks is stemmed by Sastrawi."""
    table = _data_json("stems.json")
    found: dict[str, str] = dict(zip(table["same"], table["same"]))
    found.update(table["stems"])
    return found


def _expand(word: str) -> Iterable[str]:
    expansion = ABBREVIATIONS.get(word)
    if expansion is not None:
        return expansion.split()
    return (SYNONYMS.get(word, word),)


def _keep(word: str, stops: frozenset[str]) -> bool:
    return len(word) > 1 and not word.isdigit() and word not in stops


@functools.lru_cache(maxsize=16384)
def _terms_of_word(word: str) -> tuple[Term, ...]:
    stops = stop_words()
    return tuple(Term(stem(part), word) for part in _expand(word) if _keep(part, stops))


@functools.lru_cache(maxsize=1)
def _phrase_index() -> Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First word -> the :data:`PHRASES` opening with it (as folded words), longest first,
    each with its term."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, term in PHRASES.items():
        parts = tuple(words(phrase))
        if len(parts) > 1:
            found.setdefault(parts[0], []).append((parts, term))
    return {first: tuple(sorted(known, key=lambda x: -len(x[0]))) for first, known in found.items()}


@functools.lru_cache(maxsize=1)
def _special_words() -> frozenset[str]:
    """The words that open a phrase of :data:`PHRASES` or are an abbreviation: a text holding
    none of them is read word by word."""
    return frozenset(ABBREVIATIONS) | frozenset(_phrase_index())


#: words left out when the initials of a text's words are read (``Usaha Mikro, Kecil dan
#: Menengah (UMKM)``)
_NOT_INITIALS = frozenset({"dan", "serta", "atau", "di", "yang", "untuk", "bagi"})


def _spelt_out(found: "list[str]") -> frozenset[str]:
    """The abbreviations of :data:`ABBREVIATIONS` a text writes whose letters are the initials
    of words the text writes in a row, but not the words the vocabulary spells them as: the
    text says what it means by them (``Upaya Kesehatan Perorangan dan Upaya Kesehatan
    Masyarakat (UKP dan UKM)``: *UKM* there is not *usaha mikro, kecil dan menengah*)."""
    known = [w for w in found if w in ABBREVIATIONS]
    if not known:
        return frozenset()
    initials = "".join(w[0] for w in found if w not in _NOT_INITIALS and w not in ABBREVIATIONS)
    out = set()
    for w in known:
        if len(w) >= 3 and w in initials:
            own = "".join(x[0] for x in ABBREVIATIONS[w].split() if x not in _NOT_INITIALS)
            if own[:len(w)] != w or not set(ABBREVIATIONS[w].split()) <= set(found):
                out.add(w)
    return frozenset(out)


@functools.lru_cache(maxsize=16384)
def terms(text: str) -> tuple[Term, ...]:
    """The terms of a text, in text order (repeats kept); a phrase of :data:`PHRASES` is one
    term (its ``word`` the phrase as folded).

    >>> [t.stem for t in terms("Terwujudnya tata kelola pemerintahan yang bersih dan efektif")]
    ['wujud', 'tata', 'kelola', 'perintah', 'bersih', 'efektif']
    >>> [(t.stem, t.word) for t in terms("Satu Data Kota")]
    [('satudata', 'satu data'), ('kota', 'kota')]
    """
    out: list[Term] = []
    # "e-government" and "e-budgeting" write one word in two parts
    found = words(_E_PREFIX.sub("e", without_agency(text)))
    phrases = _phrase_index()
    if _special_words().isdisjoint(found):
        for word in found:  # most texts: neither a phrase nor an abbreviation
            out.extend(_terms_of_word(word))
        return tuple(out)
    spelt = _spelt_out(found)
    i = 0
    while i < len(found):
        word = found[i]
        if word in spelt:  # the text spells this abbreviation out itself, in other words
            i += 1
            continue
        for phrase, term in phrases.get(word, ()):
            if tuple(found[i:i + len(phrase)]) == phrase:
                written = " ".join(phrase)
                if " " in term:  # the phrase in plan language: its words' terms
                    out.extend(Term(t.stem, written) for w in term.split()
                               for t in _terms_of_word(w))
                else:
                    out.append(Term(term, written))
                i += len(phrase)
                break
        else:
            out.extend(_terms_of_word(word))
            i += 1
    return tuple(out)


#: the stem a concept is compared under: no word's stem starts with it (stems are letters
#: and digits)
CONCEPT_MARK = "~"


@functools.lru_cache(maxsize=1)
def _concept_index() -> Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First stem -> the phrases of :data:`CONCEPTS` that open with it (as stems), longest
    first, each with its concept's stem."""
    found: dict[str, dict[tuple[str, ...], str]] = {}
    for name, phrases in CONCEPTS.items():
        for phrase in phrases:
            stems = tuple(t.stem for t in terms(phrase))
            if stems:
                found.setdefault(stems[0], {}).setdefault(stems, CONCEPT_MARK + name)
    return {first: tuple(sorted(known.items(), key=lambda x: (-len(x[0]), x[0])))
            for first, known in found.items()}


@functools.lru_cache(maxsize=16384)
def concept_terms(text: str) -> tuple[Term, ...]:
    """The terms of a text with each phrase of a concept (:data:`CONCEPTS`) written in it, the
    longest first, made one term: the concept's (its ``word`` the phrase as the text wrote
    it). Statements of aims are compared through these: *kemakmuran warga* and
    *kesejahteraan masyarakat* share a concept, *rasa aman* and *ketertiban umum* another.

    >>> [(t.stem, t.word) for t in concept_terms("Meningkatnya ketertiban umum dan kemakmuran warga")]
    [('tingkat', 'meningkatnya'), ('~ketertiban', 'ketertiban umum'), ('~kesejahteraan', 'kemakmuran'), ('~warga', 'warga')]
    """
    return concept_parts(text)[0]


@functools.lru_cache(maxsize=16384)
def concept_parts(text: str) -> tuple[tuple[Term, ...], Mapping[str, frozenset[str]]]:
    """:func:`concept_terms` of a text, and for each concept it writes the stems of the words
    that wrote it (*ketertiban umum* gives ``~ketertiban`` from ``tertib`` and ``umum``)."""
    found = terms(text)
    index = _concept_index()
    out: list[Term] = []
    parts: dict[str, set[str]] = {}
    i = 0
    while i < len(found):
        stem_ = found[i].stem
        for phrase, concept in index.get(stem_, ()):
            n = len(phrase)
            if tuple(t.stem for t in found[i:i + n]) == phrase:
                words_ = list(dict.fromkeys(t.word for t in found[i:i + n]))
                out.append(Term(concept, " ".join(words_)))
                parts.setdefault(concept, set()).update(phrase)
                broader = CONCEPT_TOPICS.get(concept)
                if broader is not None:
                    # the broader topic the concept belongs to, written by the same words
                    out.append(Term(broader, " ".join(words_)))
                    parts.setdefault(broader, set()).update(phrase)
                i += n
                break
        else:
            out.append(found[i])
            i += 1
    return tuple(out), {k: frozenset(v) for k, v in parts.items()}


_CLAUSES: Mapping[str, object] = _VOCABULARY.get("clauses", {})
#: What stands between two aims of one statement of aims: punctuation and words (commas,
#: *dan*, *serta*, *melalui*). Read from ``clauses.separators`` in ``data/vocabulary.json``.
CLAUSE_SEPARATORS: tuple[str, ...] = tuple(_CLAUSES.get("separators", ()))  # type: ignore[union-attr]
#: The concepts that say whom an aim is for rather than what it is about (*warga*,
#: *masyarakat*): sharing one of them alone never makes two aims alike. Read from
#: ``clauses.not_topics`` in ``data/vocabulary.json``.
NOT_TOPICS: frozenset[str] = frozenset(
    CONCEPT_MARK + name for name in _CLAUSES.get("not_topics", ()))  # type: ignore[union-attr]


@functools.lru_cache(maxsize=1)
def _clause_pattern() -> "re.Pattern[str]":
    marks = [re.escape(s) for s in CLAUSE_SEPARATORS if not s[:1].isalnum()]
    names = [rf"\b{re.escape(s)}\b" for s in CLAUSE_SEPARATORS if s[:1].isalnum()]
    return re.compile("|".join(marks + names) or r"(?!)", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def clauses(text: str) -> tuple[str, ...]:
    """The parts of a statement of aims between its :data:`CLAUSE_SEPARATORS`, in text order
    (a mission joins several aims: each part is compared on its own as well).

    >>> clauses("Meningkatkan akses dan mutu pelayanan pendidikan, kesehatan serta perlindungan sosial")
    ('Meningkatkan akses', 'mutu pelayanan pendidikan', 'kesehatan', 'perlindungan sosial')
    """
    return tuple(part.strip() for part in _clause_pattern().split(text) if part.strip())
