"""The review page: the report's alignment diagram with the review's controls beside it.

:func:`review_page` is the whole page (the shell: inline stylesheet and
script, no request to anything but the server it came from);
:func:`review_body` is the part the script replaces after every action
(``GET /api/state?view=html`` and ``POST /api/matches?view=html`` return it
as ``html``). Both are rendered here, on the server, from the region and
its classification: the diagram of :mod:`smartsync.render.diagram`, the
type and stage rows of :mod:`smartsync.render.html`, and the words of
:mod:`smartsync.messages` (``review.*``). Every text taken from the region
file is escaped.
"""

from __future__ import annotations

import html
import json
from typing import Any, Mapping, Sequence

from ..messages import agree, section
from ..model import Element, Match, Region, Relation, Source

__all__ = ["review_page", "review_body", "LOW_CONFIDENCE", "REVIEW_LABELS"]

#: a drafted element whose confidence is below this is marked for checking: every
#: element ``smartsync draft`` was not sure of (a score below 1 comes with its reasons)
LOW_CONFIDENCE = 1.0

#: the words of the page in each language (keys ``review.*`` of :mod:`smartsync.messages`)
REVIEW_LABELS: Mapping[str, Mapping[str, str]] = section("review")

#: the page's keyboard: key -> what it does (the help line names them)
KEYS = {"j": "next", "k": "previous", "a": "accept", "r": "reject",
        "1": "adopted", "2": "derived", "3": "aligned"}


def _label(key: str, lang: str, **values: object) -> str:
    table = REVIEW_LABELS.get(lang, REVIEW_LABELS["en"])
    return agree(table[key], values).format(**values)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _relation_label(relation: str, lang: str) -> str:
    from ..messages import text

    return text(f"diagram.legend.{relation}", lang)


def _relation_select(current: str | None, lang: str, *, action: str = "relation",
                     element_id: str | None = None) -> str:
    options = "".join(
        f'<option value="{r.value}"{" selected" if r.value == current else ""}>'
        f"{_e(_relation_label(r.value, lang))}</option>" for r in Relation)
    ident = f' id="{element_id}"' if element_id else ""
    return (f'<select{ident} data-action="{action}" aria-label="{_e(_label("relation", lang))}">'
            f"{options}</select>")


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "\u2026"


#: the parts of a note that say how the nomenclature bridged a pair: the entry, how the RPJMD
#: program was placed by its name, and why its code was not followed
_BRIDGE_PARTS = frozenset({"match.note.bridge", "match.note.placed", "match.note.code_unknown",
                           "match.note.code_set_aside"})


def _bridge_of(note: str) -> tuple[str, str]:
    """The parts of a suggestion's note saying how the nomenclature bridged the pair (written
    by :mod:`smartsync.matching` as :data:`_BRIDGE_PARTS`, in either language: the entry, a
    placement by name, a code set aside), and the rest of the note."""
    from ..messages import note_part

    import re

    shape = re.compile(r"\S+ (?:program|kegiatan|sub-kegiatan) [0-9X][0-9X.]* \S")
    parts = note.split("; ")
    bridge = []
    for p in parts:
        found = note_part(p)
        if found is not None and found[0] in _BRIDGE_PARTS and (
                found[0] != "match.note.bridge" or shape.match(p)):
            bridge.append(p)
    return "; ".join(bridge), "; ".join(p for p in parts if p not in bridge)


def _document_of(note: str) -> tuple[str, str]:
    """The part of a match's note saying which table of the masterplan states the pair
    (``match.note.document``, written by ``smartsync draft``), and the rest of the note."""
    from ..messages import note_part

    parts = note.split("; ")
    stated = [p for p in parts if (found := note_part(p)) is not None and found[0] == "match.note.document"]
    return "; ".join(stated), "; ".join(p for p in parts if p not in stated)


def _match_item(m: Match, region: Region, lang: str, *, number: int | None = None) -> str:
    from ..messages import stage_name

    a, b = region.masterplan.get(m.masterplan), region.rpjmd.get(m.rpjmd)
    level = stage_name(a.level.value, lang) if a is not None else ""
    suggested = m.source is Source.SUGGESTED
    head = (f'<span class="pair"><b>{_e(m.masterplan)}</b> \u2192 <b>{_e(m.rpjmd)}</b></span>'
            f' <span class="level">{_e(level)}</span>')
    if m.score is not None:
        head += f' <span class="score">{_e(_label("score", lang, score=f"{m.score:.2f}"))}</span>'
    texts = ""
    if a is not None and b is not None:
        texts = (f'<div class="texts"><div class="mp" title="{_e(a.text)}">{_e(_short(a.text))}</div>'
                 f'<div class="rp" title="{_e(b.text)}">{_e(_short(b.text))}</div></div>')
    evidence = ""
    if m.evidence:
        evidence += (f'<div class="evidence"><span class="what">{_e(_label("shared_terms", lang))}</span> '
                     + ", ".join(f"<mark>{_e(t)}</mark>" for t in m.evidence) + "</div>")
    if m.note:  # a note smartsync wrote is said in the page's language
        from ..messages import localize_note

        stated, rest = _document_of(localize_note(m.note, lang))
        if stated:  # proposed by the masterplan's own table: said first, as such
            evidence = (f'<div class="document"><span class="what">{_e(_label("document", lang))}</span> '
                        f'{_e(stated)}</div>') + evidence
        bridge, rest = _bridge_of(rest)
        if bridge:
            evidence += (f'<div class="bridge"><span class="what">{_e(_label("bridge", lang))}</span> '
                         f'{_e(bridge)}</div>')
        if rest:
            evidence += f'<div class="note-text">{_e(rest)}</div>'
    accept = (f'<button type="button" data-action="accept" title="{_e(_label("key_accept", lang))}">'
              f'{_e(_label("accept", lang))}</button>' if suggested else "")
    reject_key = "reject" if suggested else "remove"
    actions = (f'<div class="actions">{accept}'
               f'<button type="button" data-action="reject" title="{_e(_label("key_reject", lang))}">'
               f'{_e(_label(reject_key, lang))}</button>'
               f"{_relation_select(m.relation.value, lang)}</div>")
    cls = "suggestion" if suggested else "match"
    extra = f' data-number="{number}"' if number is not None else ""
    return (f'<li class="{cls}" data-masterplan="{_e(m.masterplan)}" data-rpjmd="{_e(m.rpjmd)}" '
            f'data-relation="{m.relation.value}" tabindex="-1"{extra}>{head}{texts}{evidence}{actions}</li>')


def _suggestions(region: Region, lang: str) -> str:
    items = [m for m in region.matches if m.source is Source.SUGGESTED]
    if not items:
        body = f'<p class="hint empty">{_e(_label("no_suggestions", lang))}</p>'
    else:
        body = ('<ol id="suggestions" class="items">'
                + "".join(_match_item(m, region, lang, number=i) for i, m in enumerate(items))
                + "</ol>")
    return (f'<section id="review-suggestions"><h2>{_e(_label("suggestions", lang, count=len(items)))}</h2>'
            f'<p class="hint keys">{_e(_label("keys", lang))}</p>{body}</section>')


def _manual(region: Region, lang: str) -> str:
    items = [m for m in region.matches if m.source is Source.MANUAL]
    body = ('<ul id="matches" class="items">' + "".join(_match_item(m, region, lang) for m in items)
            + "</ul>") if items else f'<p class="hint">{_e(_label("no_matches", lang))}</p>'
    return (f'<details id="review-matches"><summary>{_e(_label("matches", lang, count=len(items)))}'
            f"</summary>{body}</details>")


def _rejected(region: Region, lang: str) -> str:
    from ..messages import localize_note

    if not region.rejected:
        return ""
    items = "".join(
        f'<li data-masterplan="{_e(r.masterplan)}" data-rpjmd="{_e(r.rpjmd)}"><b>{_e(r.masterplan)}</b>'
        f' \u2192 <b>{_e(r.rpjmd)}</b>' + (f" \u00b7 {_e(localize_note(r.note, lang))}" if r.note else "") + "</li>"
        for r in region.rejected)
    return (f'<details id="review-rejected"><summary>{_e(_label("rejected", lang, count=len(region.rejected)))}'
            f'</summary><p class="hint">{_e(_label("rejected_hint", lang))}</p>'
            f'<ul class="items">{items}</ul></details>')


def _options(elements: Sequence[Element], lang: str) -> str:
    from ..messages import stage_name

    groups: dict[str, list[Element]] = {}
    for e in elements:
        groups.setdefault(e.level.value, []).append(e)
    out = [f'<option value="">{_e(_label("choose", lang))}</option>']
    for level, members in groups.items():
        out.append(f'<optgroup label="{_e(stage_name(level, lang))}">')
        out.extend(f'<option value="{_e(e.id)}" data-level="{level}">{_e(e.id)} \u00b7 '
                   f"{_e(_short(e.text, 60))}</option>" for e in members)
        out.append("</optgroup>")
    return "".join(out)


def _add_form(region: Region, lang: str) -> str:
    return (f'<section id="review-add"><h2>{_e(_label("add", lang))}</h2>'
            f'<p class="hint">{_e(_label("add_hint", lang))}</p>'
            f'<label>{_e(_label("masterplan_element", lang))}'
            f'<select id="add-masterplan">{_options(region.masterplan.elements, lang)}</select></label>'
            f'<label>{_e(_label("rpjmd_element", lang))}'
            f'<select id="add-rpjmd">{_options(region.rpjmd.elements, lang)}</select></label>'
            f'<label>{_e(_label("relation", lang))}'
            f'{_relation_select("aligned", lang, action="add-relation", element_id="add-relation")}</label>'
            f'<button type="button" id="add-button" data-action="add">{_e(_label("add_button", lang))}</button>'
            f"</section>")


def _drafted(region: Region, lang: str) -> str:
    rows = []
    for plan in (region.masterplan, region.rpjmd):
        for e in plan.elements:
            confidence = getattr(e, "confidence", None)
            if confidence is None or confidence.score >= LOW_CONFIDENCE:
                continue
            provenance = getattr(e, "provenance", None)
            where = ""
            if provenance is not None:
                parts = [provenance.file]
                if getattr(provenance, "page", None) is not None:
                    printed = getattr(provenance, "printed_page", None)
                    parts.append(_label("page", lang, page=provenance.page)
                                 + (f" ({printed})" if printed else ""))
                if getattr(provenance, "sheet", None):
                    parts.append(str(provenance.sheet))
                if getattr(provenance, "row", None) is not None:
                    parts.append(_label("row", lang, row=provenance.row))
                shown = " \u00b7 ".join(str(p) for p in parts)
                where = f'<div class="source">{_e(shown)}</div>'
                if getattr(provenance, "text", None):
                    where += f'<blockquote class="source-text">{_e(provenance.text)}</blockquote>'
            reasons = "; ".join(confidence.reasons)
            rows.append(
                f'<li class="drafted" data-plan="{plan.kind.value}" data-id="{_e(e.id)}" '
                f'data-confidence="{confidence.score:.2f}"><b>{_e(e.id)}</b> '
                f'<span class="confidence">{_e(_label("confidence", lang, score=f"{confidence.score:.2f}"))}</span>'
                f'<div class="reasons">{_e(reasons)}</div>{where}</li>')
    if not rows:
        return ""
    return (f'<section id="review-drafted"><h2>{_e(_label("drafted", lang, count=len(rows)))}</h2>'
            f'<p class="hint">{_e(_label("drafted_hint", lang))}</p>'
            f'<ul class="items">{"".join(rows)}</ul></section>')


def _advice(region: Region, c: Any, advice: Any, lang: str) -> str:
    """What to change for the next type up that adding matches can reach (the rest folded),
    in the words ``smartsync classify`` uses (``advice.*`` of :mod:`smartsync.messages`).

    ``advice``: :func:`smartsync.advice.to_reach` of the classification ``c``."""
    from ..messages import text, type_name
    from ..render.text import (conditions_line, count_line, limited_lines, proposal_line,
                               summary_line, unfound_line, unreachable_line, wide_line)

    if advice is None:
        return ""
    head = f'<section id="review-advice"><h2>{_e(_label("advice", lang))}</h2>'

    unreachable: dict[str, str] = {}  # the reasons said so far, to the type said for

    def one(letter: str, t: Any) -> str:
        if not t.reachable:
            said = unreachable_line(t, letter, lang, unreachable)
            return (f'<div class="to-reach" data-type="{_e(letter)}" data-reachable="false">'
                    f"<p>{_e(said)}</p></div>")
        if not t.found:  # the widest change was too large to try, or the search by sets cut
            return (f'<div class="to-reach" data-type="{_e(letter)}" data-reachable="true" '
                    f'data-found="false"><p>{_e(unfound_line(t, lang))}</p></div>')
        parts = [f'<p class="to-reach-head"><b>'
                 f'{_e(text("advice.reach", lang, letter=letter, stage=t.type.value))}</b></p>']
        failed = conditions_line(t, lang)
        if failed is not None:
            parts.append(f'<p class="conditions">{_e(failed)}</p>')
        wide = wide_line(t, lang)
        if wide is not None:
            parts.append(f'<p class="conditions">{_e(wide)}</p>')
        rows = []
        for stage, count in t.needed.items():
            if not count:
                continue
            said = count_line(c, t, stage, count, lang)
            items = "".join(
                f'<li data-masterplan="{_e(p.masterplan)}" data-rpjmd="{_e(p.rpjmd or "")}" '
                f'data-change="{_e(p.change)}">' + _e(proposal_line(region, p, lang))
                + "</li>" for p in t.proposal if p.stage == stage)
            rows.append(f'<li data-stage="{_e(stage)}" data-needed="{count}">{_e(said)}'
                        + (f'<ul class="proposal">{items}</ul>' if items else "") + "</li>")
        parts.append(f'<ul class="needed">{"".join(rows)}</ul>')
        if t.gives is not None and t.gives != t.type:
            parts.append(f'<p>{_e(text("advice.gives", lang, type=type_name(t.gives, c.typology.letter(t.gives), lang)))}</p>')
        said = summary_line(t, letter, lang)
        parts.append(f'<p class="hint">{_e(said)}</p>')
        parts += [f'<p class="hint limited">{_e(line.strip())}</p>' for line in limited_lines(t, lang)]
        return (f'<div class="to-reach" data-type="{_e(letter)}" data-reachable="true" '
                f'data-total="{t.total}">{"".join(parts)}</div>')

    body = []
    letters = list(advice)
    if not letters:
        body.append(f'<p>{_e(text("advice.top", lang, letter=c.type_letter))}</p>')
    else:
        # top type first: the next type up is the last one that adding matches can reach
        reachable = [k for k in letters if advice[k].reachable]
        nearest = reachable[-1] if reachable else letters[-1]
        body.append(one(nearest, advice[nearest]))
        others = [one(k, advice[k]) for k in reversed(letters) if k != nearest]
        if others:
            body.append(f'<details class="other-types"><summary>{_e(_label("other_types", lang))}</summary>'
                        f'{"".join(others)}</details>')
    return head + "".join(body) + "</section>"


def _stability(c: Any, stability: Any, lang: str) -> str:
    """How stable the type is, in the words ``smartsync classify`` uses: the threshold
    range (exact), the fewest losses that change the type, and the matches to protect
    (each with its pair in ``data-protect``)."""
    from ..messages import text
    from ..render.text import stability_lines

    if stability is None:
        return ""
    lines = "".join(f"<li>{_e(line)}</li>" for line in stability_lines(c, lang, stability))
    protect = json.dumps([list(pair) for pair in stability.protect])
    return (f'<section id="review-stability" data-fragile="{"true" if stability.fragile else "false"}" '
            f"data-protect='{_e(protect)}'><h2>{_e(text('heading.stability', lang))}</h2>"
            f'<ul class="stability">{lines}</ul></section>')


def review_body(region: Region | None, classification: Any, state: Mapping[str, Any], lang: str,
                *, advice: Any = None, stability: Any = None) -> str:
    """The part of the page an action changes, for ``region`` as it is in the file
    (``advice``: :func:`smartsync.advice.to_reach` of its classification, for "what to
    change"; ``stability``: its :class:`~smartsync.advice.Stability`, for what to protect)."""
    messages = {k[4:]: v for k, v in REVIEW_LABELS.get(lang, REVIEW_LABELS["en"]).items()
                if k.startswith("msg.")}
    data = (f'data-version="{_e(state["version"])}" data-lang="{lang}" '
            f"data-messages='{_e(json.dumps(messages, ensure_ascii=False))}'")
    pressed = ' aria-pressed="true"'
    langs = "".join(
        f'<button type="button" class="lang" data-set-lang="{code}"'
        f'{pressed if code == lang else ""}>{name}</button>'
        for code, name in (("en", "English"), ("id", "Bahasa Indonesia")))
    header = (f'<header class="review-head"><div class="langs">{langs}</div>'
              f"<h1>{_e(region.name if region is not None else state['file'])}</h1>"
              f'<p class="meta">{_e(_label("file", lang, file=state["file"]))}</p>'
              f'<p id="status" class="status" role="status" aria-live="polite"></p></header>')
    if region is None:
        problems = "".join(f'<li class="{_e(p["severity"])}">{_e(p["message"])}</li>'
                           for p in state.get("problems", []))
        return (f'<div class="review invalid" {data}>{header}<section><h2>{_e(_label("invalid", lang))}</h2>'
                f'<ul class="diagnostics">{problems}</ul></section></div>')
    from ..render.diagram import alignment_diagram, diagram_legend
    from ..render.html import _stage_row, _type_section

    c = classification
    stages = "".join(_stage_row(s, c, lang) for s in c.stages.values())
    side = (f'<aside class="side">{_type_section(region, c, lang)}'
            f'<section id="coverage"><h2>{_e(_label("stages", lang))}</h2>{stages}</section>'
            f"{_suggestions(region, lang)}{_advice(region, c, advice, lang)}"
            f"{_stability(c, stability, lang)}{_add_form(region, lang)}"
            f"{_drafted(region, lang)}{_manual(region, lang)}{_rejected(region, lang)}</aside>")
    low = [f"{plan.kind.value}:{e.id}" for plan in (region.masterplan, region.rpjmd) for e in plan.elements
           if getattr(e, "confidence", None) is not None and e.confidence.score < LOW_CONFIDENCE]
    diagram = (f'<section id="diagram" class="diagram-col" data-low-confidence="{_e(json.dumps(low))}">'
               f'<h2>{_e(_label("diagram", lang))}</h2><p class="hint">{_e(_label("diagram_hint", lang))}</p>'
               f"{diagram_legend(lang)}{alignment_diagram(region, c, lang)}</section>")
    return f'<div class="review" {data}>{header}<div class="layout">{diagram}{side}</div></div>'


_REVIEW_CSS = """
body{max-width:none;padding:12px 18px 30px}
.review-head{display:block;position:relative}
.review-head h1{margin:4px 260px 0 0}
.review-head .meta{margin:2px 0}
.langs{position:absolute;right:0;top:4px;display:flex;gap:4px}
.langs button{font:inherit;font-size:12.5px;padding:3px 8px;border:1px solid var(--line);background:#fff;
border-radius:4px;cursor:pointer}
.langs button[aria-pressed="true"]{background:var(--accent);color:#fff;border-color:var(--accent)}
.status{min-height:1.4em;margin:4px 0;font-weight:700}
.status.error{color:var(--warn)}
.status.ok{color:var(--ok)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 420px;gap:18px;align-items:start}
.side{position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto;padding-right:4px}
.side section{margin:14px 0}
.side h2{font-size:16px}
.side .type-head .badge{width:44px;height:44px;font-size:24px}
.side .type-name{font-size:15px}
.side ul.characteristics,.side #type h3{display:none}
.to-reach ul{margin:2px 0 4px;padding-left:18px;font-size:13px}
.to-reach ul.proposal{font-size:12.5px}
.to-reach-head{margin:4px 0}

.side .stage-row{grid-template-columns:80px 1fr 150px;gap:6px;margin:4px 0}
ol.items,ul.items{list-style:none;margin:0;padding:0}
.items li{border:1px solid var(--line);border-radius:6px;padding:6px 8px;margin:6px 0;background:#fff}
.items li.suggestion{border-style:dashed}
.items li.current{outline:3px solid var(--accent);outline-offset:1px;background:#f2f7fd}
.items .level,.items .score{color:var(--muted);font-size:12px}
.items .texts{font-size:12.5px;margin:3px 0}
.items .texts .mp::before{content:"M ";color:var(--muted);font-weight:700}
.items .texts .rp::before{content:"R ";color:var(--muted);font-weight:700}
.items .evidence,.items .note-text,.items .bridge{font-size:12px;color:#3d4a5a}
.items .bridge{border-left:3px solid #7a9cc6;padding-left:6px}
.items .document{font-size:12px;color:#3d4a5a;border-left:3px solid #6a9a5b;padding-left:6px}
.items mark{background:#fff2b3;padding:0 2px}
.actions{display:flex;gap:6px;margin-top:5px;flex-wrap:wrap}
.actions button,#add-button{font:inherit;font-size:12.5px;padding:3px 10px;border-radius:4px;cursor:pointer;
border:1px solid #8895a5;background:#f3f5f8}
.actions button[data-action="accept"]{background:#e6f4ee;border-color:var(--ok)}
.actions button[data-action="reject"]{background:#fff1ea;border-color:var(--warn)}
select{font:inherit;font-size:12.5px;max-width:100%}
#review-add label{display:block;margin:4px 0;font-size:12.5px}
#review-add select{display:block;width:100%}
li.drafted .confidence{color:var(--warn);font-weight:700;font-size:12px}
li.drafted .reasons,li.drafted .source{font-size:12px;color:#3d4a5a}
blockquote.source-text{margin:3px 0 0;padding:3px 8px;border-left:3px solid var(--line);font-size:12px;
white-space:pre-wrap}
.diagram g.element.low-confidence rect.box{stroke:#7b2fbf;stroke-width:2.5;stroke-dasharray:4 2}
.diagram g.element.picked rect.box{stroke:var(--accent);stroke-width:3}
.diagram g.element{cursor:pointer}
.diagram path.match.current{opacity:1;stroke-width:5}
.diagram path.match{cursor:pointer}
@media (max-width:1100px){.layout{grid-template-columns:1fr}.side{position:static;max-height:none}}
"""

_SCRIPT = r"""
(function () {
  'use strict';
  var token = new URLSearchParams(location.search).get('token') || '';
  var app = document.getElementById('app');
  var current = 0;
  var busy = false;
  function root() { return app.querySelector('.review'); }
  function lang() { return root().getAttribute('data-lang'); }
  function msg(key) {
    try { return JSON.parse(root().getAttribute('data-messages'))[key] || key; } catch (e) { return key; }
  }
  function say(text, kind) {
    var s = document.getElementById('status');
    if (!s) return;
    s.textContent = text || '';
    s.className = 'status' + (kind ? ' ' + kind : '');
  }
  function call(method, url, body) {
    var options = {method: method, cache: 'no-store', credentials: 'same-origin',
                   headers: {'X-Smartsync-Token': token, 'Accept': 'application/json'}};
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    return fetch(url, options).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (data) {
        return {status: r.status, data: data};
      });
    });
  }
  function suggestions() { return Array.prototype.slice.call(app.querySelectorAll('li.suggestion')); }
  function pathOf(li) {
    var paths = app.querySelectorAll('path.match');
    for (var i = 0; i < paths.length; i++) {
      if (paths[i].getAttribute('data-masterplan') === li.getAttribute('data-masterplan') &&
          paths[i].getAttribute('data-rpjmd') === li.getAttribute('data-rpjmd')) return paths[i];
    }
    return null;
  }
  function select(i, focus) {
    var items = suggestions();
    app.querySelectorAll('.current').forEach(function (x) { x.classList.remove('current'); });
    if (!items.length) { current = 0; return; }
    current = Math.max(0, Math.min(i, items.length - 1));
    var li = items[current];
    li.classList.add('current');
    li.setAttribute('aria-current', 'true');
    var p = pathOf(li);
    if (p) p.classList.add('current');
    if (focus) { li.focus({preventScroll: true}); }
    // bring it into view inside the side panel only: the diagram stays where it is
    var side = li.closest('.side');
    if (side && side.scrollHeight > side.clientHeight) {
      var r = li.getBoundingClientRect(), s = side.getBoundingClientRect();
      if (r.top < s.top) side.scrollTop -= s.top - r.top + 8;
      else if (r.bottom > s.bottom) side.scrollTop += r.bottom - s.bottom + 8;
    }
  }
  function markDiagram() {
    var d = document.getElementById('diagram');
    if (!d) return;
    var low = [];
    try { low = JSON.parse(d.getAttribute('data-low-confidence') || '[]'); } catch (e) {}
    app.querySelectorAll('g.element').forEach(function (g) {
      var key = g.getAttribute('data-plan') + ':' + g.getAttribute('data-id');
      if (low.indexOf(key) >= 0) g.classList.add('low-confidence');
    });
  }
  function render(data, keep) {
    if (!data || !data.html) return;
    var picked = keep ? [app.querySelector('#add-masterplan'), app.querySelector('#add-rpjmd')]
      .map(function (s) { return s ? s.value : ''; }) : ['', ''];
    app.innerHTML = data.html;
    var m = app.querySelector('#add-masterplan'), r = app.querySelector('#add-rpjmd');
    if (m && picked[0]) m.value = picked[0];
    if (r && picked[1]) r.value = picked[1];
    filterRpjmd();
    markDiagram();
    select(current, false);
  }
  function refresh(message, kind) {
    return call('GET', '/api/state?view=html&lang=' + encodeURIComponent(lang())).then(function (res) {
      if (res.status === 200) render(res.data, false);
      if (message) say(message, kind);
    });
  }
  function act(body) {
    if (busy) return;
    busy = true;
    body.version = root().getAttribute('data-version');
    say(msg('saving'));
    call('POST', '/api/matches?view=html&lang=' + encodeURIComponent(lang()), body).then(function (res) {
      busy = false;
      if (res.status === 200) {
        render(res.data, body.action !== 'add');
        say(msg('saved_' + body.action), 'ok');
      } else if (res.status === 409) {
        if (res.data && res.data.state && res.data.state.html) render(res.data.state, false);
        say((res.data && (res.data.message || res.data.error)) || ('HTTP ' + res.status), 'error');
      } else {
        var said = res.data && (res.data.message || res.data.error);
        say(msg('failed') + ' ' + (said || ('HTTP ' + res.status)), 'error');
      }
    }, function () { busy = false; say(msg('offline'), 'error'); });
  }
  function pair(li) {
    return {masterplan: li.getAttribute('data-masterplan'), rpjmd: li.getAttribute('data-rpjmd')};
  }
  function levelOf(select) {
    var o = select && select.options[select.selectedIndex];
    return o ? o.getAttribute('data-level') : null;
  }
  function filterRpjmd() {
    var m = app.querySelector('#add-masterplan'), r = app.querySelector('#add-rpjmd');
    if (!m || !r) return;
    var level = levelOf(m);
    Array.prototype.forEach.call(r.options, function (o) {
      var l = o.getAttribute('data-level');
      o.disabled = !!(level && l && l !== level);
    });
    if (r.selectedIndex > 0 && r.options[r.selectedIndex].disabled) r.value = '';
  }
  function pick(g) {
    var id = g.getAttribute('data-id');
    var s = app.querySelector(g.getAttribute('data-plan') === 'masterplan' ? '#add-masterplan' : '#add-rpjmd');
    if (!s) return;
    s.value = id;
    filterRpjmd();
    app.querySelectorAll('g.element.picked[data-plan="' + g.getAttribute('data-plan') + '"]')
      .forEach(function (x) { x.classList.remove('picked'); });
    g.classList.add('picked');
  }
  app.addEventListener('click', function (ev) {
    var t = ev.target;
    var langButton = t.closest('[data-set-lang]');
    if (langButton) {
      root().setAttribute('data-lang', langButton.getAttribute('data-set-lang'));
      document.documentElement.lang = langButton.getAttribute('data-set-lang');
      refresh();
      return;
    }
    var button = t.closest('button[data-action]');
    if (button) {
      var action = button.getAttribute('data-action');
      if (action === 'add') {
        var m = app.querySelector('#add-masterplan').value, r = app.querySelector('#add-rpjmd').value;
        if (!m || !r) { say(msg('pick_both'), 'error'); return; }
        act({action: 'add', masterplan: m, rpjmd: r, relation: app.querySelector('#add-relation').value});
        return;
      }
      var li = button.closest('li[data-masterplan]');
      if (li) {
        var items = suggestions();
        if (items.indexOf(li) >= 0) current = items.indexOf(li);
        var body = pair(li);
        body.action = action;
        act(body);
      }
      return;
    }
    var path = t.closest('path.match');
    if (path) {
      var items2 = suggestions();
      for (var i = 0; i < items2.length; i++) {
        if (items2[i].getAttribute('data-masterplan') === path.getAttribute('data-masterplan') &&
            items2[i].getAttribute('data-rpjmd') === path.getAttribute('data-rpjmd')) { select(i, true); return; }
      }
      return;
    }
    var g = t.closest('g.element');
    if (g) pick(g);
    var item = t.closest('li.suggestion');
    if (item && !t.closest('select')) select(suggestions().indexOf(item), false);
  });
  app.addEventListener('change', function (ev) {
    var t = ev.target;
    if (t.id === 'add-masterplan') { filterRpjmd(); return; }
    if (t.getAttribute('data-action') === 'relation') {
      var li = t.closest('li[data-masterplan]');
      var body = pair(li);
      body.action = 'relation';
      body.relation = t.value;
      act(body);
    }
  });
  var RELATIONS = {'1': 'adopted', '2': 'derived', '3': 'aligned'};
  document.addEventListener('keydown', function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target.tagName || '').toLowerCase();
    if (tag === 'select' || tag === 'input' || tag === 'textarea') return;
    var items = suggestions();
    var key = ev.key;
    if (key === 'j' || key === 'ArrowDown') { select(current + 1, true); ev.preventDefault(); return; }
    if (key === 'k' || key === 'ArrowUp') { select(current - 1, true); ev.preventDefault(); return; }
    if (!items.length) return;
    var li = items[current];
    if (key === 'a' || key === 'r') {
      var body = pair(li);
      body.action = key === 'a' ? 'accept' : 'reject';
      act(body);
      ev.preventDefault();
    } else if (RELATIONS[key]) {
      var b = pair(li);
      b.action = 'relation';
      b.relation = RELATIONS[key];
      act(b);
      ev.preventDefault();
    }
  });
  filterRpjmd();
  markDiagram();
  select(0, false);
})();
"""


def review_page(body: str, title: str, lang: str, nonce: str) -> str:
    """The whole page around ``body`` (:func:`review_body`); ``nonce`` lets its one script run
    under the Content-Security-Policy the server sends."""
    from ..render.html import _css

    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="referrer" content="no-referrer">\n'
            f"<title>{_e(title)}</title>\n<style>\n{_css()}\n{_REVIEW_CSS.strip()}\n</style>\n"
            f'</head>\n<body>\n<main id="app">{body}</main>\n'
            f'<script nonce="{nonce}">{_SCRIPT}</script>\n</body>\n</html>\n')
