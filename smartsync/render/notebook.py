"""How a :class:`~smartsync.Classification` shows itself in a notebook (``_repr_html_``).

The type with its characteristics, the coverage of each stage against its threshold and
the alignment diagram: the top of the region's report page
(:mod:`smartsync.render.html`), with its stylesheet, inside an ``iframe`` so that the
page's styles neither reach the notebook nor are changed by it. Self-contained: no
script, no request to the network; every text from the region escaped.
"""

from __future__ import annotations

import html
from typing import Any

__all__ = ["classification_html"]


def classification_html(c: Any, lang: str = "en", *, height: int = 640) -> str:
    """The notebook view of a classification: an ``iframe`` holding the type, the stages
    and the diagram."""
    from .sections import _coverage_section, _diagram_section, _e, _page, _type_section

    title = f"{c.region_name} ({c.region_id})"
    body = (f"<header><h1>{_e(title)}</h1></header>{_type_section(c.region, c, lang)}"
            f"{_coverage_section(c, lang)}{_diagram_section(c.region, c, lang)}")
    page = _page(title, body, lang)
    return (f'<iframe class="smartsync-classification" title="{html.escape(title, quote=True)}" '
            f'srcdoc="{html.escape(page, quote=True)}" sandbox="" '
            f'style="width:100%;height:{int(height)}px;border:1px solid #d0d5dc"></iframe>')
