"""Renderers: a :class:`~smartsync.Classification` as text, Markdown, JSON or HTML.

- :mod:`smartsync.render.text` -- for the terminal, with the explanation as an indented tree.
- :mod:`smartsync.render.markdown` -- for reports and issue trackers.
- :mod:`smartsync.render.json` -- the documented, versioned JSON form.
- :mod:`smartsync.render.html` -- self-contained pages with the alignment diagram.

Every renderer takes ``lang="en"`` or ``lang="id"``.
"""

from __future__ import annotations

__all__ = ["render"]

FORMATS = ("text", "markdown", "json")


def render(classification, format: str = "text", *, lang: str = "en", explain: bool = False,  # type: ignore[no-untyped-def]
           trace: bool = False) -> str:
    """A classification in one of :data:`FORMATS`; ``explain`` adds how (in plain words)
    and why-not, ``trace`` the fact tree and the rule firings (the JSON always has them)."""
    if format == "text":
        from .text import render_text

        return render_text(classification, lang=lang, explain=explain, trace=trace)
    if format == "markdown":
        from .markdown import render_markdown

        return render_markdown(classification, lang=lang, explain=explain, trace=trace)
    if format == "json":
        from .json import dumps

        return dumps(classification, lang=lang)
    raise ValueError(f"unknown format {format!r}; expected one of: {', '.join(FORMATS)}")
