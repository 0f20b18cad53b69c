"""Plan texts cut to a line, for every renderer."""

from __future__ import annotations

__all__ = ["short_text", "type_caveats", "rule_set_line"]


def short_text(value: str, limit: int = 60) -> str:
    """A plan element's text on one line, cut at a word before ``limit`` characters
    (with an ellipsis) when longer."""
    one = " ".join(str(value).split())
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0] or one[:limit]
    return cut.rstrip(",;:.") + "…"


def type_caveats(c: object, lang: str, stability: object = None) -> list[str]:
    """The caveats said beside a type wherever it is shown (the text and Markdown headline,
    the report page's badge, the index): the plans' periods sharing no year, as the
    rules concluded it (characteristic ``periods``: ``disjoint``), with the action; a type
    that holds only at the exact threshold (stability ``fragile``)."""
    from ..messages import text

    notes = []
    periods = c.characteristic("periods")  # type: ignore[attr-defined]
    if periods is not None and periods.value == "disjoint" \
            and c.type_letter is not None:  # type: ignore[attr-defined]
        notes.append(text("type.caveat.periods_disjoint", lang, **dict(periods.figures)))
    if stability is not None and getattr(stability, "fragile", False):
        notes.append(text("type.fragile", lang))
    return notes


def rule_set_line(c: object, lang: str) -> str | None:
    """The line naming the rules a result was concluded under ("Rules: cascading (...)"),
    for every output made under a variant; ``None`` under the default rules."""
    return rules_line(getattr(c, "rule_set", None), lang)


def rules_line(rules: Any, lang: str) -> str | None:
    """The line naming a rule set (a :class:`~smartsync.result.RuleSet`); ``None`` for the
    default rules or none."""
    from ..messages import text

    if rules is None or rules.is_default:
        return None
    described = " ".join(rules.description(lang).split())
    if described:
        return text("heading.rule_set.described", lang, name=rules.name,
                    description=described.rstrip("."))
    return text("heading.rule_set", lang, name=rules.name)
