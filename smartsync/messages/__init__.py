"""Messages for a planner, in English (``en``) and Indonesian (``id``).

Rules and the engine conclude data (keys, values, figures); the words are
here, one catalog per language with the same keys and placeholders (a test
checks it). :func:`text` fills one message; the ``*_message`` functions turn
a characteristic, a diagnostic or a why-not reason into a sentence.

A rule pack of your own can conclude characteristics and diagnostics with
new keys: without a message of their own they read as ``key: value``. Give
them words with the variant (``Variant(messages=...)`` or
``Classifier(messages=...)``): they stay with that classifier and the results
it gives (every renderer reads them through :func:`using`), and change no
other classifier. :func:`register` adds words for every classifier of the
process.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import string
from typing import Any, Iterable, Iterator, Mapping

from . import en as _en
from . import id as _id
from . import rules_id as _rules_id

__all__ = ["LANGUAGES", "text", "register", "using", "section", "format_value", "format_percent",
           "format_bound", "rule_words",
           "format_rupiah", "stage_name", "type_name",
           "characteristic_message", "diagnostic_message", "reason_message", "catalog",
           "funding_message", "funding_share_message", "localize_note", "note_part", "agree",
           "rule_description", "register_rules", "first_sentence", "variant_description"]

_CATALOGS: dict[str, dict[str, str]] = {"en": dict(_en.CATALOG), "id": dict(_id.CATALOG)}

#: rule descriptions by rule name, per language other than English (English: the docstring)
_RULES: dict[str, dict[str, str]] = {"id": dict(_rules_id.RULES)}

#: the languages every message exists in
LANGUAGES = ("en", "id")

_LEVEL_KEYS = {"stage", "at", "by", "upper", "lower", "base", "level", "stages", "outside"}
#: lists in messages are complete: a planner must see every element concerned
_MAX_LIST: int | None = None


#: the messages of the classifier whose result is being put into words (see :func:`using`)
_OVERLAY: contextvars.ContextVar[Mapping[str, Mapping[str, str]]] = contextvars.ContextVar(
    "smartsync_messages", default={})


@contextlib.contextmanager
def using(messages: Mapping[str, Mapping[str, str]] | None) -> Iterator[None]:
    """Put a result into words with the messages of the classifier that gave it (by
    language, then key), over the catalogs, for the time of the ``with`` block."""
    if not messages:
        yield
        return
    current = _OVERLAY.get()
    merged = {lang: {**current.get(lang, {}), **messages.get(lang, {})}
              for lang in set(current) | set(messages)}
    token = _OVERLAY.set(merged)
    try:
        yield
    finally:
        _OVERLAY.reset(token)


def checked_messages(messages: Mapping[str, Mapping[str, str]] | None) -> dict[str, dict[str, str]]:
    """A classifier's own messages as plain dicts, checked: languages of
    :data:`LANGUAGES`, keys and templates that are texts."""
    out: dict[str, dict[str, str]] = {}
    for lang, table in (messages or {}).items():
        _lang(lang)
        if not isinstance(table, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
            raise ValueError(f"the messages of language {lang!r} must map keys (texts) to "
                             "messages (texts)")
        out[lang] = dict(table)
    return out


def catalog(lang: str) -> Mapping[str, str]:
    """The message catalog of one language (with the messages of the classifier whose
    result is being put into words, see :func:`using`)."""
    overlay = _OVERLAY.get().get(_lang(lang))
    return {**_CATALOGS[lang], **overlay} if overlay else _CATALOGS[lang]


def section(prefix: str) -> dict[str, dict[str, str]]:
    """The messages whose keys start with ``prefix.``, per language, keyed without the
    prefix (the raw templates, for a renderer that fills them itself)."""
    start = prefix + "."
    return {lang: {key[len(start):]: template for key, template in _CATALOGS[lang].items()
                   if key.startswith(start)}
            for lang in LANGUAGES}


def _lang(lang: str) -> str:
    if lang not in _CATALOGS:
        raise ValueError(f"unknown language {lang!r}; expected one of: {', '.join(LANGUAGES)}")
    return lang


def register(lang: str, messages: Mapping[str, str]) -> None:
    """Add or replace messages of one language, for every classifier of the process and
    every result (for a pack installed for all). Words that belong to one variant go with
    it instead (``Variant(messages=...)``, ``Classifier(messages=...)``): they change no
    other classifier and no result it gave."""
    _CATALOGS[_lang(lang)].update(messages)


def register_rules(lang: str, descriptions: Mapping[str, str]) -> None:
    """Add or replace rule descriptions of one language other than English, keyed by
    rule name (for a rule pack's own rules; English comes from the docstrings)."""
    _RULES.setdefault(_lang(lang), {}).update(descriptions)


def first_sentence(description: str) -> str:
    """The first sentence of a description, whole (never cut mid-sentence): up to the
    first full stop that ends a sentence, or the whole text when it has none."""
    one = " ".join(description.split())
    for i, char in enumerate(one):
        if char == "." and (i + 1 == len(one) or one[i + 1] == " ") and not one[:i].endswith(
                ("e.g", "i.e", "etc", "ch", "No", "no", "misal")):
            return one[:i + 1]
    return one


def variant_description(variant: Any, lang: str = "en") -> str:
    """What a variant changes, in ``lang``: in English its own ``description``; in another
    language its own messages' ``variant.description`` (a variant of a study may give
    one), else a shipped variant's words (:data:`smartsync.messages.rules_id.VARIANTS`),
    else its own description."""
    if _lang(lang) == "en":
        return variant.description
    own = (getattr(variant, "messages", None) or {}).get(lang, {}).get("variant.description")
    if own:
        return own
    shipped = str(getattr(variant, "source", "") or "").startswith("smartsync.variants:")
    return (_rules_id.VARIANTS.get(variant.name) if shipped and lang == "id" else None) \
        or variant.description


def rule_description(rule: str, lang: str = "en", default: str = "", *,
                     first: bool = False) -> str:
    """A rule's description in the language: the Indonesian catalog
    (:mod:`smartsync.messages.rules_id`) for ``id``, the docstring (``default``) for
    English or a rule without a translation; whitespace folded; with ``first``, only
    its first sentence, whole."""
    found = _RULES.get(_lang(lang), {}).get(rule) if lang != "en" else None
    described = " ".join((found or default or "").split())
    return first_sentence(described) if first else described


def has_rule_words(rule: str, lang: str = "en") -> bool:
    """Whether a rule has a description of its own in ``lang`` (English: its docstring;
    another language: a catalog entry or :func:`register_rules`)."""
    return _lang(lang) == "en" or rule in _RULES.get(_lang(lang), {})


#: how rule descriptions begin by the packs' convention, left out where a sentence says
#: what the rule concluded
_CONCLUDES = ("Concludes that ", "Concludes ", "Menyimpulkan bahwa ", "Menyimpulkan ")


def rule_words(rule: str, lang: str = "en", default: str = "") -> str:
    """What a rule concludes, as a clause a sentence can carry: the first sentence of its
    description in the language (:func:`rule_description`) without the conventional
    "Concludes that" and its full stop, e.g. ``a match does not count: ...``; empty when
    the rule has no description (its Python name is never said to a planner)."""
    said = rule_description(rule, lang, default, first=True)
    for start in _CONCLUDES:
        if said.startswith(start):
            said = said[len(start):]
            said = said[:1].lower() + said[1:]
            break
    return said.rstrip(".")


def stage_name(stage: Any, lang: str = "en") -> str:
    """A level or stage name in the language (``mission`` -> ``misi``)."""
    value = str(getattr(stage, "value", stage))
    return _lookup(f"level.{value}", _lang(lang)) or value


#: keys whose values are shares of 0 to 1, shown as percentages
_SHARE_KEYS = {"coverage", "at_coverage", "threshold", "share", "above", "to", "from"}
#: scores of 0 to 1 said to two decimals, every digit kept (``1.00``; ``1,00`` in Indonesian)
_SCORE_KEYS = {"confidence", "score", "agreement"}

#: rupiah amounts: the scale words of each language, largest first
_RUPIAH_SCALES = ((10**12, "trillion", "triliun"), (10**9, "billion", "miliar"),
                  (10**6, "million", "juta"))


def _decimal(value: float, digits: int, lang: str) -> str:
    """``value`` to ``digits`` decimals (trailing zeros dropped), thousands grouped:
    ``12,345.68``; in Indonesian ``12.345,68``."""
    shown = f"{value:,.{digits}f}" if value else "0"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown.translate(_ID_SEPARATORS) if lang == "id" else shown


_ID_SEPARATORS = str.maketrans({",": ".", ".": ","})


@functools.lru_cache(maxsize=4096)  # a batch says the same few coverages again and again
def _tenths_of_percent(value: Any) -> float:
    """A share as a percentage rounded to a tenth, half up as a planner rounds by hand
    and a spreadsheet shows it (13/16 = 81.25% -> 81.3, not the 81.2 of rounding half to
    even): exact for a fraction, from the number as written for a float."""
    from decimal import ROUND_HALF_UP, Decimal
    from fractions import Fraction
    import math

    if isinstance(value, Fraction):
        tenths = value * 1000
        whole = math.floor(abs(tenths) + Fraction(1, 2))
        return math.copysign(whole, tenths) / 10
    number = float(value)
    if not math.isfinite(number):
        return number * 100
    shown = (Decimal(repr(number)) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return float(shown)


def format_percent(value: float, lang: str = "en") -> str:
    """A share of 0 to 1 as a percentage, to a tenth where it is not whole, rounded half
    up: ``0.75`` -> ``75%``; ``5/6`` -> ``83.3%`` (``83,3%`` in Indonesian); ``13/16`` ->
    ``81.3%``."""
    return _decimal(_tenths_of_percent(value), 1, lang) + "%"


#: a threshold with more digits than a researcher types whose fraction has at most this
#: denominator is written as the fraction (``2/3 (about 66.7%)``); others with every digit
#: given (``0.3125`` -> ``31.25%``)
_SIMPLE_DENOMINATOR = 1000


def format_threshold(value: float, lang: str = "en") -> str:
    """A threshold in force as a percentage, to a tenth, or with every digit of the number
    as given where a tenth would round it (``0.5000000001`` -> ``50.00000001%``: "6 needed
    at threshold 50%" would be false at 50%); ``0.75`` -> ``75%``; a threshold that is a
    simple fraction as the bounds write it (``2/3`` -> ``2/3 (about 66.7%)``, never
    ``66.66666666666666%``: newuser finding F93)."""
    from decimal import Decimal

    from .._exact import exact

    given = Decimal(repr(float(value)))
    if not given.is_finite() or (given * 1000) == (given * 1000).to_integral_value():
        return format_percent(value, lang)
    if (given * 10**6) != (given * 10**6).to_integral_value() \
            and exact(value).denominator <= _SIMPLE_DENOMINATOR:
        return format_bound(value, lang)
    written = format((given * 100).normalize(), "f")
    return (written.replace(".", ",") if lang == "id" else written) + "%"


def format_bound(value: Any, lang: str = "en", *, round_up: bool = False) -> str:
    """A threshold bound as a planner can rely on it: a percentage where a tenth of a
    percent shows it exactly (``1/2`` -> ``50%``), otherwise the exact fraction with the
    nearest tenth of a percent beside it as an approximation (``5/12`` -> ``5/12 (about
    41.7%)``, in Indonesian ``5/12 (sekitar 41,7%)``): the fraction is what the sentence
    says, so it stays true at the figure shown, and one bound reads the same in every
    sentence ("up to 2/3 (about 66.7%)", "above 2/3 (about 66.7%)") and as the stage
    lines round the coverage. ``round_up`` is kept for callers of earlier versions and
    changes nothing."""
    from .._exact import exact, fraction_text

    share = exact(value)
    tenths = share * 1000
    if tenths.denominator == 1:
        return format_percent(float(share), lang)
    return text("bound.approx", lang, fraction=fraction_text(share),
                percent=_decimal(_tenths_of_percent(share), 1, lang) + "%")


def format_score(value: float, lang: str = "en") -> str:
    """A score or confidence of 0 to 1 to two decimals, trailing zeros kept: ``0.50``
    (``0,50`` in Indonesian)."""
    shown = f"{float(value):.2f}"
    return shown.replace(".", ",") if lang == "id" else shown


def format_rupiah(amount: int, lang: str = "en") -> str:
    """An amount of rupiah (without the ``Rp``) in words of scale: ``1.88 trillion``,
    in Indonesian ``1,88 triliun``; below a million, digits grouped by three."""
    for size, en_word, id_word in _RUPIAH_SCALES:
        if amount >= size:
            return f"{_decimal(amount / size, 2, lang)} {id_word if lang == 'id' else en_word}"
    return f"{amount:,}".replace(",", "." if lang == "id" else ",")


def format_size(size: int, lang: str = "en") -> str:
    """A file size as a planner reads it: the bytes grouped, with KB or MB (of 1,024)
    beside them from a kilobyte up: ``9,714 bytes (9.5 KB)``, ``20 MB (20,971,520
    bytes)``; in Indonesian ``9.714 bita (9,5 KB)``."""
    grouped = f"{size:,}".replace(",", "." if lang == "id" else ",")
    unit = "bita" if lang == "id" else "byte" if size == 1 else "bytes"
    for scale, name in ((1024 ** 2, "MB"), (1024, "KB")):
        if size >= scale:
            shown = _decimal(round(size / scale, 1), 1, lang)
            return (f"{shown} {name} ({grouped} {unit})" if size % scale == 0
                    else f"{grouped} {unit} ({shown} {name})")
    return f"{grouped} {unit}"


def _joined(items: list[str], word: str, lang: str) -> str:
    """Items as a list reads in ``lang``: "a, b and c", "a, b atau c" (``word``: the catalog's
    ``word.and`` or ``word.or``)."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {text(word, lang)} {items[-1]}"


#: the most counterparts of one group of elements said by name; beyond it the first
#: :data:`_PAIRED_SHOWN` and a count ("P1/P2/P3/P4 and 15 more")
_PAIRED_MAX = 6
_PAIRED_SHOWN = 4
#: the most elements of one group said by name; beyond it the first ten and a count (the
#: reason's ``elements`` value keeps them all)
_PAIRED_ELEMENTS = 12
_PAIRED_ELEMENTS_SHOWN = 10


def _paired(elements: list[Any], found: list[Any], lang: str) -> str:
    """One group of elements that have the same counterparts, in words."""
    names = [str(e) for e in elements]
    if len(names) > _PAIRED_ELEMENTS:
        said = ", ".join(names[:_PAIRED_ELEMENTS_SHOWN]) + " " + text(
            "and_more", lang, count=len(names) - _PAIRED_ELEMENTS_SHOWN)
    else:
        said = format_value("elements", elements, lang)
    if not found:
        return said
    names = [str(f) for f in found]
    if len(names) > _PAIRED_MAX:
        shown = "/".join(names[:_PAIRED_SHOWN])
        counterparts = f"{shown} {text('and_more', lang, count=len(names) - _PAIRED_SHOWN)}"
    else:
        counterparts = "/".join(names)
    form = "paired.each" if len(elements) > 1 else "paired.to"
    return text(form, lang, elements=said, counterparts=counterparts)


def format_value(key: str, value: Any, lang: str = "en") -> str:
    """One value as a planner reads it: shares (coverage, threshold) as percentages,
    rupiah in words of scale, stage names in the language, lists joined and
    shortened, decimals with a decimal comma in Indonesian."""
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if isinstance(value, Mapping) and "en" in value and set(value) <= {"en", "id"}:
        # a value its maker worded in each language (a table's name, its columns' names)
        return str(value.get(lang, value["en"]))
    if key in _LEVEL_KEYS and isinstance(value, str):
        return stage_name(value, lang)
    if key in _LEVEL_KEYS and isinstance(value, (list, tuple)) and value:
        return _joined([stage_name(v, lang) for v in value], "word.and", lang)
    if key == "condition" and isinstance(value, str):
        # a condition's words (condition.<name>), never its identifier when it has words
        return _lookup(f"condition.{value}", lang) or _lookup(f"condition.{value}", "en") \
            or value
    if key == "label" and isinstance(value, str):
        # the key a problem is about ("indicator #2"), in the language's words
        base, _, number = value.partition(" #")
        words = _lookup(f"problem.label.{base}", _lang(lang))
        return value if words is None else words.format(number=f" #{number}" if number else "")
    if key in ("length", "limit", "extra") and isinstance(value, int):
        return f"{value:,}".replace(",", "." if lang == "id" else ",")
    if key == "reason" and isinstance(value, str) and value:
        # a drafted element's reason, in the draft's language when it was written
        return localize_reason(value, lang)
    if key in ("plan", "other_plan") and value in ("rpjmd", "masterplan"):
        return _lookup(f"plan.{value}", _lang(lang)) or value
    if key in ("relation", "source") and isinstance(value, str):
        return _lookup(f"{key}.{value}", _lang(lang)) or value
    if key == "relations" and isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_lookup(f"relation.{v}", _lang(lang)) or str(v)
                         for v in sorted(map(str, value)))
    if key in ("expected_keys", "keys") and isinstance(value, (list, tuple)) and value:
        # names to choose among (or to list), joined in the language's words: "a, b or c",
        # "a, b atau c"; "a, b and c", "a, b dan c"
        return _joined([str(v) for v in value], "word.or" if key == "expected_keys" else "word.and", lang)
    if key == "affairs" and isinstance(value, (list, tuple)):
        # affairs of regional government (urusan) by their names, never their keys
        return ", ".join(str(v).replace("_", " ") for v in value)
    if key == "dimension" and isinstance(value, str):
        return _lookup(f"dimension.{value}", _lang(lang)) or value.replace("_", " ")
    if key == "partial" and isinstance(value, (list, tuple)):
        # the chain's stages not synchronized in full: "mission 2 of 4, program 6 of 12"
        return ", ".join(text("figures.of", lang, stage=item[0], synchronized=item[1],
                              total=item[2])
                         for item in value if isinstance(item, (list, tuple)) and len(item) == 3)
    if key == "paired" and isinstance(value, (list, tuple)):
        # elements with their counterparts, those with the same counterparts together:
        # "SP1, SP2 (each to P1/P2/P3/P4 and 15 more); SP3 (to P3)"
        return "; ".join(_paired(list(elements), list(found), lang)
                         for elements, found in value)
    if key == "chain" and isinstance(value, (list, tuple)):
        return " -> ".join(stage_name(v, lang) for v in value)
    if key == "threshold" and isinstance(value, float):
        return format_threshold(value, lang)
    if isinstance(value, (int, float)) and ("share" in key or key in _SHARE_KEYS):
        return format_percent(value, lang)
    if isinstance(value, int) and key in {"budget", "rpjmd_budget", "unsplit_budget", "years_budget"}:
        return format_rupiah(value, lang)
    if isinstance(value, (int, float)) and key in _SCORE_KEYS:
        return format_score(value, lang)
    if isinstance(value, float):
        return _decimal(value, 2, lang)
    if isinstance(value, (list, tuple)):
        items = [str(v) if not isinstance(v, (list, tuple)) else "/".join(map(str, v))
                 for v in value]
        if not items:
            return text("heading.none", lang)
        if _MAX_LIST is not None and len(items) > _MAX_LIST:
            rest = len(items) - _MAX_LIST
            items = items[:_MAX_LIST] + [text("and_more", lang, count=rest)]
        return ", ".join(items)
    return str(value)


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _variants(values: Mapping[str, Any]) -> list[str]:
    """The forms of a message the values call for, most specific first: ``uncounted``
    (elements matched that the rules do not all count: ``matched`` differs from
    ``synchronized``), ``rejected`` (a non-empty list of such elements), ``unbudgeted``
    (``fundable`` programs fewer than the ``synchronized`` ones: some RPJMD counterparts
    carry no budget), ``one`` (a ``count`` of 1, for the singular)."""
    found = []
    matched, synchronized = values.get("matched"), values.get("synchronized")
    if isinstance(matched, int) and isinstance(synchronized, int) and matched != synchronized:
        found.append("uncounted")
    if values.get("rejected"):
        found.append("rejected")
    fundable = values.get("fundable")
    if isinstance(fundable, int) and isinstance(synchronized, int) and fundable != synchronized:
        found.append("unbudgeted")
    forms = [".".join(found)] if found else []
    if values.get("total") == 0:  # a share of nothing: said in words, never "0 of 0 (0%)"
        forms.insert(0, "empty")
    if values.get("count") == 1:
        forms = [f"{f}.one" for f in forms] + forms + ["one"]
    return forms


def text(message_key: str, lang: str = "en", /, **values: Any) -> str:
    """The message ``message_key`` in ``lang`` with its placeholders filled (values
    formatted by :func:`format_value`).

    A message may have forms keyed ``<key>.one`` (for a ``count`` of 1: the singular),
    ``<key>.uncounted`` (``matched`` elements that are not all counted) and
    ``<key>.rejected`` (a non-empty ``rejected`` list), ``<key>.unbudgeted`` (fewer
    ``fundable`` than ``synchronized`` programs), combined as ``<key>.rejected.one``: the
    most specific form the catalog has is used. Within a message, ``{name:one|other}`` is
    the word that agrees with the count ``name`` (``one`` for 1, ``other`` otherwise):
    ``"{synchronized} of {total} elements {synchronized:is|are} matched"``."""
    _lang(lang)
    template = None
    for form in _variants(values):
        template = _lookup(f"{message_key}.{form}", lang)
        if template is not None:
            break
    if template is None:
        template = _lookup(message_key, lang)
    if template is None:
        template = _lookup(message_key, "en") or message_key
    filled = _Values({k: format_value(k, v, lang) for k, v in values.items()})
    return string.Formatter().vformat(agree(template, values), (), filled)


#: ``{name:one|other}``: the word that agrees with the count ``name`` (one for 1)
_AGREE = None


def agree(template: str, values: Mapping[str, Any]) -> str:
    """``template`` with each ``{name:one|other}`` replaced by the word that agrees with
    the count ``name``: ``one`` when it is 1, ``other`` for any other count (0, 2, ...) or
    when the message is given no such value. So a sentence agrees with any of its counts:
    ``"{synchronized} of {total} elements {synchronized:is|are} matched"``; a word may hold
    placeholders: ``"{count:this match|these {count} matches}"``. Several counts, comma
    separated, take ``one`` when each is 1: the noun after "of N" agrees with both counts,
    ``"{synchronized} of {total} {synchronized,total:element|elements}"`` ("1 of 1 element",
    "0 of 1 elements", "1 of 2 elements")."""
    global _AGREE
    if "|" not in template:
        return template
    if _AGREE is None:
        import re

        # each word may hold placeholders of its own: {count:this match|these {count} matches}
        _AGREE = re.compile(r"\{(\w+(?:,\w+)*):((?:[^{}|:]|\{\w+\})*)\|((?:[^{}|:]|\{\w+\})*)\}")

    def word(found: Any) -> str:
        names, one, other = found.groups()
        for name in names.split(","):
            value = values.get(name)
            if not (isinstance(value, int) and not isinstance(value, bool) and value == 1):
                return other
        return one

    return _AGREE.sub(word, template)


def _lookup(key: str, lang: str) -> str | None:
    overlay = _OVERLAY.get().get(lang)
    if overlay and key in overlay:
        return overlay[key]
    return _CATALOGS[lang].get(key)


def localize_note(note: str, lang: str = "en") -> str:
    """A note smartsync wrote (``match --write`` notes what a suggestion rests on, in the
    language of that command) in the language ``lang``: each part of it that is one of
    the ``match.note.*`` messages of a language is said again in ``lang``; any other note
    (a person's) is given back as it is."""
    out = []
    for part in note.split("; "):
        out.append(_localize_part(part, _lang(lang)))
    return "; ".join(out)


#: the messages a drafted element's reasons are written with (``confidence.reasons`` in a
#: region file), in the language of the ``draft`` that wrote them
_REASON_PREFIXES = ("draft.reason.", "nomenclature.")


def _said_patterns(prefixes: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    """Each message of the catalogs whose key starts with one of ``prefixes``, as a pattern
    that finds the values it was filled with (longest templates first: the most specific);
    made again when a catalog was registered since. The draft's words
    (:mod:`smartsync.messages.drafting`) are registered first when they were not."""
    if "draft.reason.filled-above" not in _CATALOGS["en"]:
        from . import drafting

        register("en", drafting.EN)
        register("id", drafting.ID)
    return _said_patterns_of(prefixes, tuple(len(_CATALOGS[lang]) for lang in LANGUAGES))


@functools.lru_cache(maxsize=8)
def _said_patterns_of(prefixes: tuple[str, ...], sizes: tuple[int, ...]
                      ) -> tuple[tuple[str, Any], ...]:
    import re

    found = []
    for source in LANGUAGES:
        for key, template in _CATALOGS[source].items():
            if not key.startswith(prefixes) or "|" in template:
                continue
            pattern, named = "", set()
            for literal, name, _, _ in string.Formatter().parse(template):
                pattern += re.escape(literal)
                if name:  # a value said twice is the same value
                    pattern += f"(?P={name})" if name in named else f"(?P<{name}>.+?)"
                    named.add(name)
            found.append((len(template), key, re.compile(pattern)))
    return tuple((key, compiled) for _, key, compiled in sorted(found, key=lambda f: -f[0]))


def localize_reason(reason: str, lang: str = "en") -> str:
    """A drafted element's reason (written by ``draft`` in the language it was run in) in
    ``lang``: each ``; ``-separated part that is one of the draft's messages is said again
    in ``lang`` (levels by their names, decimals with the language's mark); any other text
    (a planner's own) is given back as it is (newuser F211: English reasons inside
    Indonesian sentences)."""
    lang = _lang(lang)
    whole = _said_again(reason, lang)
    if whole is not None:
        return whole
    return "; ".join(_said_again(part, lang) or part for part in reason.split("; "))


def _said_again(part: str, lang: str) -> str | None:
    """``part`` said again in ``lang`` when it is one of the draft's reason messages (of any
    language); else ``None``."""
    import re

    for key, pattern in _said_patterns(_REASON_PREFIXES):
        found = pattern.fullmatch(part)
        if found is None:
            continue
        values = {}
        for name, value in found.groupdict().items():
            if name in _LEVEL_KEYS and _lookup(f"level.{value}", "en") is None:
                # a level written in Indonesian ("sasaran"): its English name first
                value = next((v for v in ("vision", "mission", "goal", "target", "program")
                              if stage_name(v, "id") == value), value)
            if name in _LEVEL_KEYS:
                value = stage_name(value, lang)
            elif name in _SCORE_KEYS and re.fullmatch(r"\d+[.,]\d+", value):  # 1.00 / 1,00
                value = value.replace(",", ".") if lang == "en" else value.replace(".", ",")
            values[name] = value
        return string.Formatter().vformat(_lookup(key, lang) or _lookup(key, "en") or part,
                                          (), _Values(values))
    return None


def note_part(part: str) -> "tuple[str, dict[str, str]] | None":
    """Which ``match.note.*`` message (of any language) one part of a note is, with the
    values it was written with; ``None`` for a part smartsync did not write."""
    import re

    for source in LANGUAGES:
        for key, template in _CATALOGS[source].items():
            if not key.startswith("match.note."):
                continue
            pattern = ""
            for literal, name, _, _ in string.Formatter().parse(template):
                pattern += re.escape(literal)
                if name:
                    pattern += f"(?P<{name}>.+?)"
            found = re.fullmatch(pattern, part)
            if found:
                return key, found.groupdict()
    return None


def _localize_part(part: str, lang: str) -> str:
    found = note_part(part)
    if found is None:
        return part
    key, values = found
    return string.Formatter().vformat(_CATALOGS[lang][key], (), _Values(values))


def funding_message(f: Any, lang: str = "en", *, uncounted: bool = True) -> str:
    """The funding conclusion in words: the programs synchronized with budgeted RPJMD
    programs, their share and budget; then (unless ``uncounted`` is false: a page that
    says them apart) the programs matched to such a program by a match the rules do not
    count (no route to APBD funding)."""
    if getattr(f, "periods_apart", False):
        periods = dict(getattr(f, "periods", {}) or {})
        apart = tuple(getattr(f, "apart_ids", ()) or ())
        line = text("funding.periods_apart" if apart else "funding.periods_apart.none", lang,
                    count=len(apart), total=f.total, budget=getattr(f, "apart_budget", 0),
                    elements=list(apart), **periods)
    else:
        line = text("funding.summary", lang, fundable=f.fundable, total=f.total, share=f.share,
                    budget=f.budget, count=f.fundable)  # count: the singular for one program
        share = funding_share_message(f, lang)
        if share:
            line += " " + share
    said = tuple(getattr(f, "uncounted_ids", ()) or ()) if uncounted else ()
    if said:
        line += " " + text("funding.uncounted", lang, count=len(said), elements=list(said))
    return line


def funding_share_message(f: Any, lang: str = "en") -> str:
    """When the masterplan shares only some of the RPJMD's years, what the funding's budget
    is: the pagu of those years, or the whole RPJMD period's, a share of which cannot be split
    for want of yearly pagu (newuser F186); else ``""``."""
    shared = tuple(getattr(f, "shared_years", ()) or ())
    if not shared or not f.fundable:
        return ""
    periods = dict(getattr(f, "periods", {}) or {})
    years = str(shared[0]) if shared[0] == shared[1] else f"{shared[0]}-{shared[1]}"
    split, unsplit = tuple(f.split_ids), tuple(f.unsplit_ids)
    key = "funding.shared.mixed" if split and unsplit else "funding.shared.unsplit" if unsplit else "funding.shared"
    return text(key, lang, years=years, count=shared[1] - shared[0] + 1, rpjmd_budget=f.rpjmd_budget,
                years_budget=f.budget - f.unsplit_budget, unsplit_budget=f.unsplit_budget, split=list(split),
                unsplit=list(unsplit), **periods)


def has(key: str, lang: str = "en") -> bool:
    """Whether the catalog has a message for this key."""
    return _lookup(key, _lang(lang)) is not None


def type_name(type_value: Any, letter: str | None, lang: str = "en") -> str:
    """A type in words: ``type B: synchronization starts at the mission``."""
    value = str(getattr(type_value, "value", type_value))
    if letter is None:
        return text("type.unsynchronized", lang)
    return text("type.stage", lang, letter=letter, stage=value)


def characteristic_message(c: Any, lang: str = "en") -> str:
    """A characteristic in words."""
    figures = dict(c.figures)
    if "position" in figures and isinstance(figures["position"], int):
        figures["letter"] = string.ascii_uppercase[figures["position"]]
    value = c.value
    if c.key in ("start_stage",):
        figures.setdefault("stage", value)
    if c.key == "chain":
        return text("characteristic.chain", lang, chain=value)
    if c.key == "periods" and figures.get("overlap") == 1:
        figures["count"] = 1  # one year shared: the singular form
    if c.key == "program_counterpart_share":
        figures["share"] = value
        return text("characteristic.program_counterpart_share", lang, **figures)
    value_key = str(value).lower() if isinstance(value, (bool, str)) else None
    for key in (f"characteristic.{c.key}.{value_key}", f"characteristic.{c.key}"):
        if value_key is not None or key == f"characteristic.{c.key}":
            if has(key, lang):
                return text(key, lang, value=value, **figures)
    return text("characteristic.other", lang, key=c.key, value=value)


def diagnostic_message(d: Any, lang: str = "en") -> str:
    """A diagnostic in words."""
    key = f"diagnostic.{d.code}"
    figures = dict(d.figures)
    coverages = figures.get("coverages")
    if isinstance(coverages, Mapping):  # per stage: "vision 100%, mission 75%"
        def listed(stages: Any) -> str:
            return ", ".join(f"{stage_name(s, lang)} {format_percent(coverages[s], lang)}"
                             for s in stages if s in coverages)
        figures.setdefault("above", listed(figures.get("stages", ())))
        figures.setdefault("below", listed(figures.get("at", ())))
    if has(key, lang):
        return text(key, lang, elements=list(d.elements), **figures)
    return text("diagnostic.other", lang, code=d.code, elements=list(d.elements))


def reason_message(r: Any, lang: str = "en") -> str:
    """A why-not reason in words: the most specific message the catalog has for its rule,
    its kind and its fact, else a generic one naming the rule and the condition."""
    values = dict(r.values)
    figures = values.get("figures")
    if isinstance(figures, Mapping):  # the figures behind a condition, by name: they win over
        # a same-named field of another fact on the path (StageStatus's `synchronized: True`
        # must not stand for a condition's `synchronized: 3`)
        values = {**values, **figures}
    keys = [f"why_not.{r.rule}.{r.kind}.{r.fact_kind}", f"why_not.{r.rule}.{r.kind}",
            f"why_not.{r.kind}.{r.fact_kind}"]
    if isinstance(values.get("condition"), str):  # a rejected match: the condition it fails
        keys.insert(0, f"why_not.{r.rule}.{r.kind}.{r.fact_kind}.{values['condition']}")
    for key in keys:
        if has(key, lang):
            return text(key, lang, **values)
    return text(f"why_not.{r.kind}", lang, rule=r.rule, form=r.form, blocker=r.blocker or "")


def where_words(place: Any, lang: str = "en") -> str:
    """Where a problem is (a :class:`~smartsync.errors.Place`: ``rpjmd element M1``,
    ``match SV -> V``, ``region, column id``) in ``lang``, from the catalog's
    ``where.<kind>``."""
    out = text(f"where.{place.kind}", lang, name=place.name or "")
    if place.name is None:  # "rejected {name}" of no one: the words alone
        out = out.strip()
    if place.name is not None and place.kind in ("region", "rpjmd", "masterplan", "matches"):
        out = f"{out} {place.name}"
    if place.column is not None:
        out += ", " + text("where.column", lang, name=place.column)
    return out


def _where(problem: Any, lang: str) -> str:
    """Where a problem is in ``lang``: its place as data when it has one; else its words
    as written (the catalog's ``where.<words>`` for a plain place such as ``region``)."""
    place = getattr(problem, "place", None)
    if place is not None:
        return where_words(place, lang)
    where = str(problem.where)
    return text(f"where.{where}", lang) if has(f"where.{where}", lang) else where


def _problem_values(values: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A problem's values worded in ``lang``: ``what`` (the part of the file), ``got`` (its
    form: ``text``, ``number``, ``mapping``...; ``got_value`` the value as written) and
    ``hint`` (advice on the value's spelling: ``quote``, ``yaml_bool``; ``""`` none)."""
    out = dict(values)
    if isinstance(out.get("what"), str):  # the part of the file (``element``, ``match``...)
        out["what"] = text(f"problem.what.{out['what']}", lang)
    if isinstance(out.get("got"), str):
        out["got"] = text(f"problem.got.{out['got']}", lang, value=out.get("got_value", ""))
    if isinstance(out.get("json"), str):  # what JSON expected (``value``, ``comma``...)
        out["json"] = text(f"problem.json.{out['json']}", lang)
    for key in ("file_bytes", "limit_bytes"):  # a file's size, with its unit
        if isinstance(out.get(key), int):
            out[key] = format_size(out[key], lang)
    if isinstance(out.get("rupiah"), int):  # a figure as written, every digit grouped
        out["rupiah"] = f"{out['rupiah']:,}".replace(",", "." if lang == "id" else ",")
    if isinstance(out.get("rupiah_limit"), int):  # a bound, in words of scale
        out["rupiah_limit"] = format_rupiah(out["rupiah_limit"], lang)
    if isinstance(out.get("hint"), str):
        out["hint"] = text(f"problem.hint.{out['hint']}", lang, raw=out.get("raw", ""),
                           value=out.get("got_value", "")) if out["hint"] else ""
    return out


def problem_message(problem: Any, lang: str = "en") -> str:
    """A problem's message in ``lang``: the catalog's ``problem.<code>`` (or
    ``problem.<code>.<form>``) filled with the problem's values when the catalog has it
    and the values give every placeholder; else the message as written."""
    values = getattr(problem, "values", None)
    code = getattr(problem, "code", None)
    if code and values is not None:
        keys = [f"problem.{code}.{values['form']}"] if isinstance(values.get("form"), str) else []
        values = _problem_values(values, lang)
        for key in keys + [f"problem.{code}"]:
            template = _lookup(key, _lang(lang))
            if template is None:
                continue
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            if names <= set(values):
                return text(key, lang, **values)
    return str(problem.message)


def problem_line(problem: Any, lang: str = "en") -> str:
    """A problem as one line in ``lang``: ``file:line: severity: where: message``."""
    location = problem.file or "<input>"
    if problem.line is not None:
        location += f":{problem.line}"
    severity = getattr(problem.severity, "value", problem.severity)
    out = f"{location}: {text(f'severity.{severity}', lang)}: "
    if problem.where:
        out += f"{_where(problem, lang)}: "
    out += problem_message(problem, lang)
    if problem.suggestion is not None:
        out += text("problem.did_you_mean", lang, suggestion=repr(problem.suggestion))
    return out


def keys_and_placeholders(lang: str) -> dict[str, frozenset[str]]:
    """Each key of a catalog with the names of its placeholders (for checking catalogs)."""
    out = {}
    for key, template in _CATALOGS[_lang(lang)].items():
        # a word agreeing with several counts ({synchronized,total:element|elements}) names each
        out[key] = frozenset(part for _, name, _, _ in string.Formatter().parse(template) if name
                             for part in name.split(","))
    return out


def _iter_langs() -> Iterable[str]:  # pragma: no cover
    return iter(LANGUAGES)
