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

__all__ = ["LANGUAGES", "text", "register", "section", "format_value", "stage_name", "type_name",
           "characteristic_message", "diagnostic_message", "reason_message", "catalog"]

_CATALOGS: dict[str, dict[str, str]] = {"en": dict(_en.CATALOG), "id": dict(_id.CATALOG)}

#: the languages every message exists in
LANGUAGES = ("en", "id")

_LEVEL_KEYS = {"stage", "at", "by", "upper", "lower", "base", "level"}
_MAX_LIST = 12


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


def stage_name(stage: Any, lang: str = "en") -> str:
    """A level or stage name in the language (``mission`` -> ``misi``)."""
    value = str(getattr(stage, "value", stage))
    return _CATALOGS[_lang(lang)].get(f"level.{value}", value)


def format_value(key: str, value: Any, lang: str = "en") -> str:
    """One value as a planner reads it: shares as percentages, rupiah with thousands
    separators, stage names in the language, lists joined and shortened."""
    if isinstance(value, bool):
        return text("yes" if value else "no", lang)
    if key in _LEVEL_KEYS and isinstance(value, str):
        return stage_name(value, lang)
    if key == "chain" and isinstance(value, (list, tuple)):
        return " -> ".join(stage_name(v, lang) for v in value)
    if isinstance(value, float):
        if "share" in key:
            return f"{value * 100:.0f}%"
        return f"{value:.2f}".rstrip("0").rstrip(".") if value else "0"
    if isinstance(value, int) and key in {"budget"}:
        sep = "." if lang == "id" else ","
        return f"{value:,}".replace(",", sep)
    if isinstance(value, (list, tuple)):
        items = [str(v) if not isinstance(v, (list, tuple)) else "/".join(map(str, v))
                 for v in value]
        if not items:
            return text("heading.none", lang)
        if len(items) > _MAX_LIST:
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
    if has(key, lang):
        return text(key, lang, elements=list(d.elements), **dict(d.figures))
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
