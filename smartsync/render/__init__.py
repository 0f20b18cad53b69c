"""Renderers: a :class:`~smartsync.Classification` as text, Markdown, JSON or HTML.

- :mod:`smartsync.render.text` -- for the terminal, with the explanation as an indented tree.
- :mod:`smartsync.render.markdown` -- for reports and issue trackers.
- :mod:`smartsync.render.json` -- the documented, versioned JSON form.
- :mod:`smartsync.render.html` -- self-contained pages with the alignment diagram.

Every renderer takes ``lang="en"`` or ``lang="id"``.

Renderers format what they are given and compute nothing: they take an
:class:`~smartsync.explain.Explanation` (a classification with its advice,
from :func:`smartsync.explain.explain`) or a bare
:class:`~smartsync.Classification` (then without the sections of advice:
what to change, how stable the type is). None of them imports the engine or
the advice.
"""

from __future__ import annotations

__all__ = ["render"]



FORMATS = ("text", "markdown", "json")

from ._subject import parts  # noqa: E402  (what a renderer is given)


def render(classification, format: str = "text", *, lang: str = "en", explain: bool = False,  # type: ignore[no-untyped-def]
           trace: bool = False) -> str:
    """A classification (or an :class:`~smartsync.explain.Explanation`, for the advice
    sections too) in one of :data:`FORMATS`; ``explain`` adds how (in plain words) and
    why-not, ``trace`` the fact tree and the rule firings (the JSON always has them)."""
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
