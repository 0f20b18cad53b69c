"""Messages for a planner, in English (``en``) and Indonesian (``id``).

Rules and the engine conclude data (keys, values, figures); the words are
here, one catalog per language with the same keys and placeholders (a test
checks it). :func:`text` fills one message; the ``*_message`` functions turn
a characteristic, a diagnostic or a why-not reason into a sentence.

A rule pack of your own can conclude characteristics and diagnostics with
new keys: without a message of their own they read as ``key: value``; add
messages with :func:`register`.
"""

from __future__ import annotations

import string
from typing import Any, Iterable, Mapping

from . import en as _en
from . import id as _id
from . import rules_id as _rules_id

__all__ = ["LANGUAGES", "text", "register", "section", "format_value", "format_percent",
           "format_rupiah", "stage_name", "type_name",
           "characteristic_message", "diagnostic_message", "reason_message", "catalog",
           "rule_description", "register_rules", "first_sentence"]

_CATALOGS: dict[str, dict[str, str]] = {"en": dict(_en.CATALOG), "id": dict(_id.CATALOG)}

#: rule descriptions by rule name, per language other than English (English: the docstring)
_RULES: dict[str, dict[str, str]] = {"id": dict(_rules_id.RULES)}

#: the languages every message exists in
LANGUAGES = ("en", "id")

_LEVEL_KEYS = {"stage", "at", "by", "upper", "lower", "base", "level", "stages"}
#: lists in messages are complete: a planner must see every element concerned
_MAX_LIST: int | None = None


def catalog(lang: str) -> Mapping[str, str]:
    """The message catalog of one language."""
    return _CATALOGS[_lang(lang)]


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
    """Add or replace messages of one language (for a rule pack's own keys)."""
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


def rule_description(rule: str, lang: str = "en", default: str = "", *,
                     first: bool = False) -> str:
    """A rule's description in the language: the Indonesian catalog
    (:mod:`smartsync.messages.rules_id`) for ``id``, the docstring (``default``) for
    English or a rule without a translation; whitespace folded; with ``first``, only
    its first sentence, whole."""
    found = _RULES.get(_lang(lang), {}).get(rule) if lang != "en" else None
    described = " ".join((found or default or "").split())
    return first_sentence(described) if first else described


def stage_name(stage: Any, lang: str = "en") -> str:
    """A level or stage name in the language (``mission`` -> ``misi``)."""
    value = str(getattr(stage, "value", stage))
    return _CATALOGS[_lang(lang)].get(f"level.{value}", value)


#: keys whose values are shares of 0 to 1, shown as percentages
_SHARE_KEYS = {"coverage", "at_coverage", "threshold", "share", "above", "to", "from"}

#: rupiah amounts: the scale words of each language, largest first
_RUPIAH_SCALES = ((10**12, "trillion", "triliun"), (10**9, "billion", "miliar"),
                  (10**6, "million", "juta"))


def _decimal(value: float, digits: int, lang: str) -> str:
    shown = f"{value:.{digits}f}".rstrip("0").rstrip(".") if value else "0"
    return shown.replace(".", ",") if lang == "id" else shown


def format_percent(value: float, lang: str = "en") -> str:
    """A share of 0 to 1 as a percentage, to a tenth where it is not whole:
    ``0.75`` -> ``75%``; ``5/6`` -> ``83.3%`` (``83,3%`` in Indonesian)."""
    return _decimal(round(float(value) * 100, 1), 1, lang) + "%"


def format_rupiah(amount: int, lang: str = "en") -> str:
    """An amount of rupiah (without the ``Rp``) in words of scale: ``1.88 trillion``,
    in Indonesian ``1,88 triliun``; below a million, digits grouped by three."""
    for size, en_word, id_word in _RUPIAH_SCALES:
        if amount >= size:
            return f"{_decimal(amount / size, 2, lang)} {id_word if lang == 'id' else en_word}"
    return f"{amount:,}".replace(",", "." if lang == "id" else ",")


def format_value(key: str, value: Any, lang: str = "en") -> str:
    """One value as a planner reads it: shares (coverage, threshold) as percentages,
    rupiah in words of scale, stage names in the language, lists joined and
    shortened, decimals with a decimal comma in Indonesian."""
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if key in _LEVEL_KEYS and isinstance(value, str):
        return stage_name(value, lang)
    if key in _LEVEL_KEYS and isinstance(value, (list, tuple)) and value:
        names = [stage_name(v, lang) for v in value]
        word = " dan " if lang == "id" else " and "
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + word + names[-1]
    if key in ("relation", "source") and isinstance(value, str):
        return _CATALOGS[_lang(lang)].get(f"{key}.{value}", value)
    if key == "relations" and isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(_CATALOGS[_lang(lang)].get(f"relation.{v}", str(v))
                         for v in sorted(map(str, value)))
    if key == "chain" and isinstance(value, (list, tuple)):
        return " -> ".join(stage_name(v, lang) for v in value)
    if isinstance(value, (int, float)) and ("share" in key or key in _SHARE_KEYS):
        return format_percent(value, lang)
    if isinstance(value, int) and key in {"budget"}:
        return format_rupiah(value, lang)
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


def text(message_key: str, lang: str = "en", /, **values: Any) -> str:
    """The message ``message_key`` in ``lang`` with its placeholders filled (values
    formatted by :func:`format_value`)."""
    template = _CATALOGS[_lang(lang)].get(message_key)
    if template is None:
        template = _CATALOGS["en"].get(message_key, message_key)
    filled = _Values({k: format_value(k, v, lang) for k, v in values.items()})
    return string.Formatter().vformat(template, (), filled)


def has(key: str, lang: str = "en") -> bool:
    """Whether the catalog has a message for this key."""
    return key in _CATALOGS[_lang(lang)]


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
    keys = [f"why_not.{r.rule}.{r.kind}.{r.fact_kind}", f"why_not.{r.rule}.{r.kind}",
            f"why_not.{r.kind}.{r.fact_kind}"]
    if isinstance(values.get("condition"), str):  # a rejected match: the condition it fails
        keys.insert(0, f"why_not.{r.rule}.{r.kind}.{r.fact_kind}.{values['condition']}")
    for key in keys:
        if has(key, lang):
            return text(key, lang, **values)
    return text(f"why_not.{r.kind}", lang, rule=r.rule, form=r.form, blocker=r.blocker or "")


def keys_and_placeholders(lang: str) -> dict[str, frozenset[str]]:
    """Each key of a catalog with the names of its placeholders (for checking catalogs)."""
    out = {}
    for key, template in _CATALOGS[_lang(lang)].items():
        out[key] = frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)
    return out


def _iter_langs() -> Iterable[str]:  # pragma: no cover
    return iter(LANGUAGES)
