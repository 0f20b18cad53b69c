"""RPJMD program codes checked against the national program nomenclature.

:func:`check_codes` gives warnings (never errors: a code is a planner's claim to review,
not a broken file) for the RPJMD programs of a region:

- ``unknown-program-code``: the code is not in the nomenclature version (the program its
  name places it in is proposed, with its confidence);
- ``program-code-disagrees``: the code exists but the program's name is that of another
  program (the code its name points to is proposed, with its confidence);
- ``program-code-proposed``: the program has no code; the code its name places it in is
  proposed, with its confidence (only when the placement reaches
  :data:`~smartsync.matching.bridge.PLACE_MIN`);
- ``unknown-nomenclature-version``: the region, or an RPJMD program, names a version
  smartsync does not ship (the region's, else the default version is used; the likely
  version is suggested).

An RPJMD program that names its own version (``nomenclature`` beside its ``code``: a
program carried over from a plan written under an older decree) has its code checked in
that version.

``smartsync validate --codes`` prints them; :func:`code_confidence` is what drafting uses
to lower a drafted program's confidence.

>>> from smartsync import Element, Period, Plan, Region
>>> rp = [Element("P1", "program", "Program Pengelolaan Aplikasi Informatika", code="2.16.03"),
...       Element("P2", "program", "Program Pengelolaan Persampahan", code="2.16.02"),
...       Element("P3", "program", "Program Pengelolaan Pendapatan Daerah")]
>>> region = Region(id="1", name="Kota Contoh", kind="kota",
...                 rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
...                 masterplan=Plan("masterplan", Period(2022, 2031), []))
>>> for p in check_codes(region):
...     print(p.where, p.code, p.suggestion)
rpjmd element P2 program-code-disagrees 2.11.11
rpjmd element P3 program-code-proposed 5.02.04
"""

from __future__ import annotations

from typing import Iterator

from ..errors import Place, Problem, Severity
from ..model import Element, Level, Region
from .nomenclature import CodeCheck, Nomenclature, NomenclatureError, load_nomenclature

__all__ = ["check_codes", "code_confidence", "code_issue", "code_proposals"]


def _nomenclature(region: Region, nomenclature: Nomenclature | str | None
                  ) -> tuple[Nomenclature, list[Problem]]:
    if isinstance(nomenclature, Nomenclature):
        return nomenclature, []
    version = nomenclature if nomenclature is not None else region.nomenclature
    try:
        return load_nomenclature(version), []
    except NomenclatureError as exc:
        from ..errors import did_you_mean
        from .nomenclature import known_versions

        nom = load_nomenclature()
        return nom, [Problem(f"{exc}; codes are checked against {nom.version}", where=Place("region"),
                             severity=Severity.WARNING, code="unknown-nomenclature-version",
                             suggestion=did_you_mean(version, known_versions()),
                             values={**exc.values, "checked": nom.version, "form": "region"})]


def check_codes(region: Region, *, nomenclature: Nomenclature | str | None = None,
                propose: bool = True) -> tuple[Problem, ...]:
    """Warnings for the RPJMD programs whose code the nomenclature does not know or whose
    name disagrees with it, and (``propose``) a proposed code for each program without one.

    ``nomenclature``: a version or a loaded nomenclature; by default the region's own
    version (its ``nomenclature`` field), else the default.
    """
    nom, problems = _nomenclature(region, nomenclature)
    problems.extend(_program_problems(region, nom, propose))
    return tuple(problems)


def _own(e: Element, nom: Nomenclature) -> Nomenclature:
    """The nomenclature an RPJMD program's code follows: the version it names itself when
    smartsync ships it, else ``nom`` (the region's)."""
    if e.nomenclature is None:
        return nom
    try:
        return load_nomenclature(e.nomenclature)
    except NomenclatureError:
        return nom


def _program_problems(region: Region, region_nom: Nomenclature, propose: bool) -> Iterator[Problem]:
    for e in region.rpjmd.at(Level.PROGRAM):
        where = Place.element("rpjmd", e.id)
        nom = _own(e, region_nom)
        if e.nomenclature is not None and nom is region_nom and e.nomenclature != nom.version:
            try:
                load_nomenclature(e.nomenclature)
            except NomenclatureError as exc:
                from ..errors import did_you_mean
                from .nomenclature import known_versions

                yield Problem(f"{exc}; its code is checked against {nom.version}", where=where,
                              severity=Severity.WARNING, code="unknown-nomenclature-version",
                              suggestion=did_you_mean(e.nomenclature, known_versions()),
                              values={**exc.values, "checked": nom.version, "form": "element"})
        if e.code is None:
            if not propose:
                continue
            best = nom.place(e.text, top=1)
            if best and best[0].confidence >= _place_min():
                p = best[0]
                yield Problem(
                    f"no program code; by its name it is {p.entry} (confidence "
                    f"{p.confidence:.2f}, via {p.via.level} {p.via})", where=where,
                    severity=Severity.WARNING, suggestion=p.entry.code, code="program-code-proposed",
                    values={"program": str(p.entry), "confidence": p.confidence,
                            "via": f"{p.via.level} {p.via}"})
            continue
        check = nom.check(e.code, e.text)
        if not check.known:
            best = nom.place(e.text, top=1)
            hint = (f"; by its name it is {best[0].entry} (confidence {best[0].confidence:.2f})"
                    if best and best[0].confidence >= _place_min() else "")
            placed = ({"form": "placed", "program": str(best[0].entry),
                       "confidence": best[0].confidence} if hint else {})
            yield Problem(f"program code {e.code!r} is not in the nomenclature {nom.version}{hint}",
                          where=where, severity=Severity.WARNING,
                          suggestion=best[0].entry.code if hint else None,
                          code="unknown-program-code",
                          values={"code": repr(e.code), "version": nom.version, **placed})
        elif check.agrees is False:
            # a doubt, not a fact: RPJMDs paraphrase program names
            s = check.suggestion
            agreement = f"{check.similarity or 0.0:.2f}"
            said = (f"; its name reads more like {s.entry} (confidence {s.confidence:.2f}): "
                    "check the code" if s is not None else
                    f", whose words its name hardly shares (agreement {agreement}): check the code")
            placed = ({"form": "placed", "program": str(s.entry),
                       "confidence": s.confidence} if s is not None else {})
            yield Problem(f"program code {e.code} is {check.entry}{said}", where=where,
                          severity=Severity.WARNING,
                          suggestion=s.entry.code if s is not None else None,
                          code="program-code-disagrees",
                          values={"code": e.code, "entry": str(check.entry),
                                  "agreement": agreement, **placed})


def _place_min() -> float:
    from .bridge import PLACE_MIN

    return PLACE_MIN


#: what a code whose name another program fits better costs a drafted program's confidence:
#: when the name shares no word with the code's entry, and when it shares one (a
#: paraphrase of the right program is then as likely as a wrong code)
DOUBT_COST, PARAPHRASE_COST = 0.4, 0.2


def _shares_a_word(nom: Nomenclature, check: "CodeCheck", name: str) -> bool:
    """Whether ``name`` shares a word with the code's entry (its content words, or the words
    naming a means: *aplikasi*, *sistem* ...; not the planning words every program uses)."""
    from .text import GENERIC_TERMS, terms

    if check.similarity:
        return True
    assert check.entry is not None
    mine = {t.stem for t in terms(name)} - GENERIC_TERMS
    return bool(mine & {t.stem for t in terms(check.entry.name)})


def _doubt_cost(nom: Nomenclature, check: "CodeCheck", name: str) -> float:
    return PARAPHRASE_COST if _shares_a_word(nom, check, name) else DOUBT_COST


def code_confidence(code: str | None, name: str, *, nomenclature: Nomenclature | str | None = None
                    ) -> tuple[float, str | None]:
    """How far a program code written beside ``name`` can be trusted: a factor from 0 to 1
    to multiply a drafted program's confidence by, and the reason when it is below 1.

    1 for a code the nomenclature knows whose name agrees (or for no code at all); for a
    known code whose name reads more like another program's, 0.6 (1 - :data:`DOUBT_COST`),
    or 0.8 (1 - :data:`PARAPHRASE_COST`) when the name still shares a word with the code's
    entry (RPJMDs paraphrase program names: the code is doubted, not refuted); 0.5 for a
    code the nomenclature does not know.

    >>> code_confidence("2.16.03", "Program Pengelolaan Aplikasi Informatika")
    (1.0, None)
    >>> factor, reason = code_confidence("2.99.03", "Program Pengelolaan Aplikasi Informatika")
    >>> factor, reason.startswith("program code '2.99.03' is not in the nomenclature")
    (0.5, True)
    """
    if code is None:
        return 1.0, None
    nom = nomenclature if isinstance(nomenclature, Nomenclature) else load_nomenclature(nomenclature)
    check = nom.check(code, name)
    if not check.known:
        return 0.5, f"program code {code!r} is not in the nomenclature {nom.version}"
    if check.agrees is False:
        return round(1.0 - _doubt_cost(nom, check, name), 4), _doubt(check, "en")
    return 1.0, None


def _doubt(check: "CodeCheck", lang: str) -> str:
    """The doubt a code whose name disagrees raises, in ``lang``: what the code is, what the
    name reads more like and how sure that is (a guess from words, never a fact)."""
    from ..messages import text

    assert check.entry is not None
    s = check.suggestion
    if s is None:
        return text("nomenclature.code-doubted", lang, code=check.code, name=check.entry.name,
                    agreement=check.similarity or 0.0)
    return text("nomenclature.code-disagrees", lang, code=check.code, name=check.entry.name,
                suggestion=str(s.entry), confidence=s.confidence)


def code_issue(code: str | None, name: str, *, lang: str = "en",
               nomenclature: Nomenclature | str | None = None) -> tuple[str, float] | None:
    """What drafting says of a program code written beside ``name``: the reason, in the
    language ``lang``, and how much it lowers the confidence (1 minus
    :func:`code_confidence`'s factor); ``None`` when the code is trusted. A name that reads
    more like another program is a doubt, said with the confidence of that reading.

    >>> code_issue("2.99.03", "Program Pengelolaan Aplikasi Informatika", lang="id")[1]
    0.5
    """
    from ..messages import text

    if code is None:
        return None
    nom = nomenclature if isinstance(nomenclature, Nomenclature) else load_nomenclature(nomenclature)
    check = nom.check(code, name)
    if not check.known:
        return text("nomenclature.code-unknown", lang, code=code, version=nom.version), 0.5
    if check.agrees is False:
        return _doubt(check, lang), _doubt_cost(nom, check, name)
    return None


def code_proposals(region: Region, *, lang: str = "en",
                   nomenclature: Nomenclature | str | None = None) -> tuple[str, ...]:
    """What drafting proposes for the RPJMD programs drafted without a code: one line each, in
    the language ``lang``, naming the code the program's name places it at, the program, the
    confidence and the entry whose words placed it, for a planner to check and write (the
    code is never written into the draft: a name is not a code). Only placements reaching
    :data:`~smartsync.matching.bridge.PLACE_MIN` are proposed.

    >>> from smartsync import Element, Period, Plan, Region
    >>> rp = [Element("P1", "program", "Program Pengelolaan Persampahan"),
    ...       Element("P2", "program", "Program Pengelolaan Aplikasi Informatika", code="2.16.03")]
    >>> region = Region(id="1", name="Kota Contoh", kind="kota",
    ...                 rpjmd=Plan("rpjmd", Period(2021, 2026), rp),
    ...                 masterplan=Plan("masterplan", Period(2022, 2031), []))
    >>> print(code_proposals(region)[0])
    RPJMD program P1 has no code; by its name it is 2.11.11 PROGRAM PENGELOLAAN PERSAMPAHAN (confidence 1.00, via program 2.11.11 PROGRAM PENGELOLAAN PERSAMPAHAN): check it, and write it in the region file if it is right
    """
    from ..messages import text

    nom, _ = _nomenclature(region, nomenclature)
    out = []
    for e in region.rpjmd.at(Level.PROGRAM):
        if e.code is not None:
            continue
        best = _own(e, nom).place(e.text, top=1)
        if best and best[0].confidence >= _place_min():
            p = best[0]
            out.append(text("nomenclature.code-proposed", lang, id=e.id, code=p.entry.code,
                            program=p.entry.name, confidence=p.confidence,
                            via=f"{p.via.level} {p.via}"))
    return tuple(out)
