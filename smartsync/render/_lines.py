"""Plan texts cut to a line, for every renderer."""

from __future__ import annotations

__all__ = ["short_text", "type_caveats"]


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
