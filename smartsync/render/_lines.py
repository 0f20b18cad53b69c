"""Plan texts cut to a line, for every renderer."""

from __future__ import annotations

__all__ = ["short_text"]


def short_text(value: str, limit: int = 60) -> str:
    """A plan element's text on one line, cut at a word before ``limit`` characters
    (with an ellipsis) when longer."""
    one = " ".join(str(value).split())
    if len(one) <= limit:
        return one
    cut = one[:limit].rsplit(" ", 1)[0] or one[:limit]
    return cut.rstrip(",;:.") + "…"
