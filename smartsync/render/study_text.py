"""A study as plain text: per region, its curve under each rule set, the breakpoints in
words, and why the rule sets disagree on it (``smartsync study --out FILE.txt``).

Formats what the study holds (:mod:`smartsync.study`); computes nothing.
"""

from __future__ import annotations

from typing import Any, Iterator

__all__ = ["region_lines"]


def _interval(segment: Any) -> str:
    from ..study import fraction_text

    if segment.low == segment.high:
        return f"t = {fraction_text(segment.high)}"
    sign = "<=" if segment.low_included else "<"
    return f"{fraction_text(segment.low)} {sign} t <= {fraction_text(segment.high)}"


def region_lines(region: Any, threshold: Any, lang: str = "en") -> Iterator[str]:
    """The lines of one studied region (its error when it failed)."""
    from ..messages import text
    from ..study import _type_label, fraction_text

    title = " ".join(x for x in (region.region_id or "", region.name or "") if x)
    yield f"{title} ({region.source})" if region.source else title
    if not region.ok:
        yield f"  {text('batch.failed', lang)}: {region.error}"
        return
    for name, curve in region.curves.items():
        value, letter = region.types[name]
        yield (f"  {name}: {text('study.page.type_at', lang, threshold=fraction_text(threshold))}"
               f": {_type_label(value, letter, lang)}")
        yield "    " + "; ".join(f"{_interval(s)}: {_type_label(s.type, s.letter, lang)}"
                                  for s in curve.segments)
        if curve.fixed:
            yield f"    {curve.fixed_message(lang)}"
        for b in curve.breakpoints:
            yield f"    - {b.message(lang)}"
    for d in region.differences:
        yield f"  {text('study.page.why', lang, a=d.a, b=d.b)}:"
        for line in d.lines(lang):
            yield f"    - {line}"
