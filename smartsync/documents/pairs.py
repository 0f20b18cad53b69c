"""The pairs a masterplan's own tables state, as matches the document proposes.

A masterplan often sets its programs (or missions) beside the RPJMD's in one table:
"Dimensi | Rencana Aksi | Anggaran (Rp juta) | Program RPJMD Terkait". The drafting reads
the masterplan's column as its elements and keeps each row's pair (:class:`~.draft.Pairing`);
here each pair becomes a :class:`~smartsync.model.Match` once both plans are drafted:

- the RPJMD element the cell names is found among the RPJMD's elements of the pair's level:
  by the RPJMD code the row gives (a "Kode RPJMD" cell, or a code before the name), else by
  its name as written (case, spaces and punctuation aside), else by the matcher's score of
  the cell's words against each RPJMD element (:func:`smartsync.matching.suggest_matches`,
  with its threshold and the nomenclature's bridge), the best if it is the only best;
- the match is ``source: suggested`` (a proposal for the planner to confirm, like the
  matcher's, and kept by ``smartsync match``), with the ``score`` of that finding (1 for a
  code or a name as written; the matcher's score otherwise), relation ``adopted`` when the
  masterplan's element is the RPJMD's word for word, else ``aligned`` (what "terkait",
  "mendukung" state; a reviewer may raise it to ``derived``), and a ``note`` naming the table
  it was read from: file, page, column and cell (``match.note.document``);
- a cell naming no RPJMD element, or two alike, gives no match and is said in the check line
  of the table, which lists the pairs written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from .. import messages
from ..model import Element, Match, Plan, PlanKind, Region, Relation, Source
from ._text import norm

if TYPE_CHECKING:
    from .draft import Pairing

__all__ = ["document_matches"]


def _name(text: str) -> str:
    """A name as compared: folded, and without a leading "Program" ("Program Pengelolaan
    Persampahan" is "pengelolaan persampahan")."""
    folded = " ".join(norm(text).split())
    return folded[len("program "):] if folded.startswith("program ") else folded


def _found(named: str, code: str | None, candidates: Sequence[Element]) -> Element | None:
    """The RPJMD element a cell names by its code or by its name as written, or None."""
    if code is not None:
        coded = [e for e in candidates if e.code == code]
        if len(coded) == 1:
            return coded[0]
        named_too = [e for e in coded if _name(e.text) == _name(named)]
        if len(named_too) == 1:
            return named_too[0]
    same = [e for e in candidates if _name(e.text) == _name(named)]
    return same[0] if len(same) == 1 else None


def document_matches(region: Region, pairings: Sequence["Pairing"], ids: Mapping[int, str],
                     lang: str = "en") -> tuple[tuple[Match, ...], list[str]]:
    """The matches the masterplan's pairing tables propose (see the module), and one check line
    per table (the pairs written, the cells that named no RPJMD element). ``ids`` maps each
    drafted item (by ``id()``) to its element's id in the masterplan."""
    from ..matching import suggest_matches

    found: dict[tuple[int, int], tuple[Element, float, str | None, tuple[str, ...]]] = {}
    rows = [(t, k, row) for t, pairing in enumerate(pairings) for k, row in enumerate(pairing.rows)]
    asked: list[Element] = []
    for t, k, (item, named, code, _) in rows:
        pairing = pairings[t]
        hit = _found(named, code, region.rpjmd.at(pairing.level))
        if hit is not None:
            found[(t, k)] = (hit, 1.0, None, ())
        elif ids.get(id(item)) is not None:
            asked.append(Element(id=f"{t}#{k}", level=pairing.level, text=named, code=code))
    ambiguous: set[tuple[int, int]] = set()
    if asked:
        # the cells found by neither code nor name: the matcher's words (and the nomenclature's
        # bridge) against the RPJMD's elements of their level, the best if it is alone
        probe = Region(id=region.id, name=region.name, kind=region.kind, rpjmd=region.rpjmd,
                       masterplan=Plan(kind=PlanKind.MASTERPLAN, period=region.masterplan.period,
                                       elements=tuple(asked)),
                       nomenclature=region.nomenclature)
        best: dict[str, list[Match]] = {}
        for match in suggest_matches(probe, top=2, lang=lang, levels=sorted({e.level for e in asked},
                                                                              key=lambda level: level.rank)):
            best.setdefault(match.masterplan, []).append(match)
        for key, matches in best.items():
            matches.sort(key=lambda m: -(m.score or 0.0))
            t, k = (int(part) for part in key.split("#"))
            if len(matches) > 1 and abs((matches[0].score or 0.0) - (matches[1].score or 0.0)) < 1e-4:
                ambiguous.add((t, k))
                continue
            top = matches[0]
            found[(t, k)] = (region.rpjmd[top.rpjmd], top.score or 0.0, top.note, top.evidence)
    out: list[Match] = []
    seen: set[tuple[str, str]] = set()
    checks: list[str] = []
    plan = messages.text("plan.masterplan", lang)
    for t, pairing in enumerate(pairings):
        written: list[str] = []
        missed: list[str] = []
        level = messages.stage_name(pairing.level.value, lang)
        for k, (item, named, code, place) in enumerate(pairing.rows):
            own = ids.get(id(item))
            if own is None:
                continue
            hit = found.get((t, k))
            if hit is None:
                key = "draft.check.paired-twice" if (t, k) in ambiguous else "draft.check.paired-none"
                missed.append(messages.text(key, lang, named=named, id=own, level=level))
                continue
            element, score, note, evidence = hit
            if (own, element.id) in seen:
                continue
            seen.add((own, element.id))
            mine = region.masterplan.get(own)
            relation = Relation.ADOPTED if mine is not None and _name(mine.text) == _name(element.text) \
                else Relation.ALIGNED
            said = messages.text("match.note.document", lang, where=place, column=pairing.column, named=named)
            out.append(Match(masterplan=own, rpjmd=element.id, relation=relation, source=Source.SUGGESTED,
                             score=round(score, 4), note=said + (f"; {note}" if note else ""),
                             evidence=evidence))
            written.append(f"{own} \u2192 {element.id}")
        checks.append(messages.text(
            "draft.check.paired", lang, plan=plan, where=pairing.where, level=level,
            other=messages.text("plan.rpjmd", lang), column=pairing.column, own=pairing.own,
            count=len(written), pairs=", ".join(written) or "-")
            + ("; " + "; ".join(missed) if missed else ""))
    return tuple(out), checks

