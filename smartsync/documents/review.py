"""The review page of a draft: every drafted element, lowest confidence first, with its source.

One self-contained HTML file in the style of the report (:mod:`smartsync.render.html`):
what could not be placed, then a table of the elements (plan, level, id, text, parents,
code, budget, confidence with its reasons, the page and the source snippet), then the
drafted hierarchy as nested lists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from .. import messages
from .._files import atomic_write
from ..model import Element, Match, Plan, Provenance, Region
from ..render.html import _e, _page, format_rupiah
from . import _words

if TYPE_CHECKING:
    from . import Draft

__all__ = ["render_review", "write_review"]

_CSS = """<style>
td.low{color:#a33;font-weight:700} td.mid{color:#8a6500;font-weight:700}
td.source{font-size:12px;color:#555;max-width:340px}
td.nw,code.id{white-space:nowrap} td.num{white-space:nowrap;text-align:right}
td.text{min-width:16em} small.years{color:#555}
ul.tree{margin:4px 0 4px 0;padding-left:22px;border-left:1px solid #d8dde3} ul.tree li{margin:3px 0}
.lvl{display:inline-block;min-width:6.5em;font-size:11px;text-transform:uppercase;color:#6b7682;margin-right:6px}
code.id{font-weight:700;margin-right:6px}
</style>"""


def _tree(plan: Plan, lang: str) -> str:
    children: dict[str | None, list[Element]] = {}
    for element in plan.elements:
        key = element.parents[0] if element.parents and element.parents[0] in plan else None
        children.setdefault(key, []).append(element)

    def branch(parent: str | None, depth: int) -> str:
        items = children.get(parent, [])
        if not items or depth > 12:
            return ""
        out = []
        for e in items:
            score = e.confidence.score if e.confidence else 1.0
            flag = f" <b>({_words.score(score, lang)})</b>" if score < 1 else ""
            out.append(f"<li><span class=lvl>{_e(messages.stage_name(e.level.value, lang))}</span> "
                       f"<code class=id>{_e(e.id)}</code> {_e(e.text)}{flag}{branch(e.id, depth + 1)}</li>")
        return "<ul class=tree>" + "".join(out) + "</ul>"

    return branch(None, 0)


def _years(provenance: "Provenance | None", lang: str) -> str:
    """The pagu of each year the budget sums, one small line each (``2022: 1.500.000.000``)."""
    years = provenance.budget_by_year if provenance is not None else None
    if not years:
        return ""
    lines = []
    for year, amount in years:
        label = messages.text("draft.review.year-place", lang, n=year[3:]) if year.startswith("ke-") else year
        lines.append(f"{_e(label)}: {_e(format_rupiah(amount))}")
    return "<br><small class=years>" + "<br>".join(lines) + "</small>"


def _match_row(match: "Match", region: "Region", lang: str) -> str:
    """A match the documents propose: the pair, both texts, its score and the table it was read
    from (its note, in the page's language)."""
    mine, theirs = region.masterplan.get(match.masterplan), region.rpjmd.get(match.rpjmd)
    note = messages.localize_note(match.note, lang) if match.note else ""
    relation = messages.text("relation." + match.relation.value, lang)
    return (f"<tr><td class=nw><code class=id>{_e(match.masterplan)}</code>\u2192<code class=id>{_e(match.rpjmd)}"
            f"</code><br><small>{_e(relation)}</small></td>"
            f"<td class=text>{_e(mine.text if mine else '')}</td><td class=text>{_e(theirs.text if theirs else '')}</td>"
            f"<td class=nw>{_words.score(match.score if match.score is not None else 1.0, lang)}</td>"
            f"<td class=source>{_e(note)}</td></tr>")


def render_review(draft: "Draft", *, lang: str = "en") -> str:
    """The review page of a draft as HTML text."""
    t = lambda key, **v: messages.text(key, lang, **v)  # noqa: E731
    region = draft.region
    rows = []
    for kind, element in draft.elements():
        score = element.confidence.score if element.confidence else 1.0
        css = "low" if score < 0.7 else "mid" if score < 1 else ""
        prov = element.provenance
        where = _words.where(prov, lang) if prov else ""
        snippet = prov.text if prov and prov.text else ""
        also = (f"<br><small>{_e(t('draft.review.also', places='; '.join(prov.also)))}</small>"
                if prov is not None and prov.also else "")
        reasons = "; ".join(element.confidence.reasons) if element.confidence else ""
        rows.append(
            f"<tr><td>{_e(messages.text('plan.' + kind.value, lang))}</td>"
            f"<td>{_e(messages.stage_name(element.level.value, lang))}</td><td class=nw>{_e(element.id)}</td>"
            f"<td class=text>{_e(element.text)}</td><td class=nw>{_e(', '.join(element.parents))}</td>"
            f"<td class=nw>{_e(element.code or '')}</td>"
            f"<td class=num>{_e(format_rupiah(element.budget) if element.budget is not None else '')}"
            f"{_years(prov, lang)}</td>"
            f"<td class='{css}'>{_words.score(score, lang)}</td><td>{_e(reasons)}</td>"
            f"<td class=source><b>{_e(where)}</b><br>{_e(snippet)}{also}</td></tr>")
    unplaced = "".join(f"<li class=warning>{_e(u)}</li>" for u in draft.unplaced)
    checks = "".join(f"<li class=warning>{_e(c)}</li>" for c in getattr(draft, "checks", ()))
    matches = "".join(_match_row(m, region, lang) for m in region.matches)
    heads = [t(f"draft.review.{key}") for key in ("plan", "level", "id", "text", "parents", "code",
                                                   "budget", "confidence", "reasons", "source")]
    body = (
        _CSS + f"<h1>{_e(t('draft.review.title', name=region.name))}</h1>"
        f"<p class=meta>{_e(t('draft.review.intro', count=len(rows), files=', '.join(Path(f).name for f in draft.files)))}</p>"
        + (f"<section><h2>{_e(t('draft.review.checks'))}</h2><ul class=diagnostics>{checks}</ul></section>"
           if checks else "")
        + (f"<section><h2>{_e(t('draft.review.unplaced'))}</h2><ul class=diagnostics>{unplaced}</ul></section>"
           if unplaced else "")
        + (f"<section><h2>{_e(t('draft.review.matches', count=len(region.matches)))}</h2><table class=draft>"
           f"<thead><tr><th>{_e(t('draft.review.match-head'))}</th><th>masterplan</th><th>RPJMD</th>"
           f"<th>{_e(t('draft.review.confidence'))}</th><th>{_e(t('draft.review.match-where'))}</th></tr></thead>"
           f"<tbody>{matches}</tbody></table></section>" if matches else "")
        + "<section><table class=draft><thead><tr>" + "".join(f"<th>{_e(h)}</th>" for h in heads)
        + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></section>"
        + f"<section><h2>{_e(t('draft.review.hierarchy'))}</h2>"
        + f"<h3>RPJMD {region.rpjmd.period.start}-{region.rpjmd.period.end}</h3>{_tree(region.rpjmd, lang)}"
        + f"<h3>Masterplan {region.masterplan.period.start}-{region.masterplan.period.end}</h3>"
        + f"{_tree(region.masterplan, lang)}</section>")
    return _page(t("draft.review.title", name=region.name), body, lang)


def write_review(draft: "Draft", out: str | Path, *, lang: str = "en",
                 inputs: Iterable[str | Path] = ()) -> Path:
    """Write the review page atomically (never over one of ``inputs``); returns its path."""
    data = render_review(draft, lang=lang).encode("utf-8")
    return atomic_write(Path(out), lambda handle: handle.write(data), inputs=list(inputs))
