"""One region file under review: its state, and the actions that change it.

:class:`ReviewSession` is the part of ``smartsync review`` that knows
nothing of HTTP: it reads the file, classifies the region, describes it as
plain data (:meth:`ReviewSession.state`, the body of ``GET /api/state``),
and applies an action (:meth:`ReviewSession.apply`, the body of ``POST
/api/matches``) by editing the file's text in place
(:mod:`smartsync.matching.fileedit`: comments and layout kept), reading the
edited text back, and replacing the file atomically.

Every state carries a ``version``: the SHA-256 of the file's bytes. An
action names the version it was decided on; when the file on disk is no
longer that version (another editor, another tab), the action is refused
with :class:`ReviewConflict` and nothing is written.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable, Mapping, Union

import attrs

from ..errors import Problem, Severity, SmartsyncError
from ..model import Match, Region, RejectedMatch, Relation, Source
from ..validation import suggest_id

__all__ = ["ReviewSession", "ReviewError", "ReviewConflict", "ReviewFileGone", "ACTIONS"]

PathLike = Union[str, "os.PathLike[str]"]

#: the actions ``POST /api/matches`` takes
ACTIONS = ("accept", "reject", "relation", "add")
_ACTION_KEYS = ("action", "masterplan", "rpjmd", "relation", "note", "version")


class ReviewError(SmartsyncError, ValueError):
    """An action that cannot be done as asked (an unknown id, a match across levels...).

    ``status`` is the HTTP status the review server answers with (400). An
    error a planner can meet on the page also has a ``key`` (a message
    ``review.error.KEY`` of the catalogs) and its ``values``:
    :meth:`message` says it in either language.
    """

    status = 400

    def __init__(self, text: str, key: str | None = None, **values: object):
        super().__init__(text)
        self.key = key
        self.values = values

    def message(self, lang: str = "en") -> str:
        """The error in words, in ``lang`` (English, as raised, when it has no ``key``)."""
        if self.key is None:
            return str(self)
        from ..messages import stage_name, text

        values = {k: stage_name(v, lang) if k.startswith("level_") else v for k, v in self.values.items()}
        return text(f"review.error.{self.key}", lang, **values)


class ReviewConflict(ReviewError):
    """The file changed on disk since the state the action was decided on (HTTP 409)."""

    status = 409


class ReviewFileGone(ReviewError):
    """The file under review is gone (deleted or moved) since the review started (HTTP 410)."""

    status = 410


def file_version(data: bytes) -> str:
    """The version token of a file's bytes: their SHA-256, in hex."""
    return hashlib.sha256(data).hexdigest()


def _format_of(path: Path) -> str:
    return "json" if path.suffix.lower() == ".json" else "yaml"


@attrs.frozen
class _Loaded:
    raw: bytes
    version: str
    region: Region | None
    problems: tuple[Problem, ...]


class ReviewSession:
    """A region file under review.

    ``classifier``: the classifier to type the region with (the default one
    when ``None``); ``params``: its parameters. The file is read again for
    every state and every action: the file on disk is the truth.

    Safe to call from several threads (the review server computes states off its event
    loop): states and actions are computed one at a time, and a state already computed
    for the same bytes of the file (its ``version``), language and view is given again
    without reading the region or classifying it again (the last :data:`STATES_KEPT`).
    """

    #: how many computed states are kept (by the file's version, the language, the view)
    STATES_KEPT = 8

    def __init__(self, path: PathLike, *, classifier: Any = None, params: Any = None):
        self.path = Path(path)
        self.format = _format_of(self.path)
        self._classifier = classifier
        self._params = params
        self._lock = threading.RLock()  # the classifier's working memory is not shared
        self._states: OrderedDict[tuple[str, str, bool], dict[str, Any]] = OrderedDict()

    # ------------------------------------------------------------ reading

    def _read(self) -> bytes:
        try:
            return self.path.read_bytes()
        except FileNotFoundError:
            raise ReviewFileGone(f"{self.path}: the file is gone (deleted or moved since the "
                                 "review started); put it back and reload the page",
                                 "gone", file=str(self.path)) from None
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot be read: {exc.strerror or exc}") from None

    def _load(self, raw: bytes | None = None) -> _Loaded:
        from ..io import check_region_text

        if raw is None:
            raw = self._read()
        report = check_region_text(raw, name=str(self.path), format=self.format)
        return _Loaded(raw, file_version(raw), report.region, tuple(report.problems))

    def _classify(self, region: Region) -> Any:
        if self._classifier is None:
            from ..engine import default_classifier

            self._classifier = default_classifier()
        return self._classifier.classify(region, params=self._params)

    def state(self, lang: str = "en", *, html: bool = False) -> dict[str, Any]:
        """The file's state as plain data (JSON-ready); see ``docs/review.rst``.

        ``html``: add the review page's changing part, rendered, as ``html``. The same
        bytes on disk give the same state: it is computed once (see the class).
        """
        if lang not in ("en", "id"):
            raise ReviewError(f"unknown language {lang!r}; expected en or id")
        raw = self._read()
        key = (file_version(raw), lang, bool(html))
        found = self._states.get(key)
        if found is not None:
            return found
        with self._lock:
            found = self._states.get(key)  # computed meanwhile by another request
            return found if found is not None else self._state(self._load(raw), lang, html)

    def _state(self, loaded: _Loaded, lang: str, html: bool = False) -> dict[str, Any]:
        key = (loaded.version, lang, bool(html))
        found = self._states.get(key)
        if found is not None:
            return found
        with self._lock:
            out = self._compute(loaded, lang, html)
            self._states[key] = out
            while len(self._states) > self.STATES_KEPT:
                self._states.popitem(last=False)
        return out

    def _compute(self, loaded: _Loaded, lang: str, html: bool = False) -> dict[str, Any]:
        from .page import review_body

        if lang not in ("en", "id"):
            raise ReviewError(f"unknown language {lang!r}; expected en or id")
        # the file's problems in the page's language, as the command line says them (F170)
        problems = [{"severity": p.severity.value, "message": p.format(lang)}
                    for p in loaded.problems]
        out: dict[str, Any] = {"file": str(self.path), "version": loaded.version, "lang": lang,
                               "problems": problems}
        region = loaded.region
        if region is None:
            out["valid"] = False
            if html:
                out["html"] = review_body(None, None, out, lang)
            return out
        from ..render.json import classification_to_dict

        from ..advice import advise
        from ..render.text import proposal_line, stability_lines

        c = self._classify(region)
        classified = classification_to_dict(c, lang=lang, trace=False)
        # what to change and what to protect, by running the same classifier on changed
        # regions (what-ifs on the live working memory of the region's run)
        advised = advise(c, classifier=self._classifier)
        advice, steady = advised.to_reach, advised.stability
        to_reach = {letter: t.to_dict(lang) for letter, t in advice.items()}
        for letter, t in advice.items():
            for said, p in zip(to_reach[letter]["proposal"], t.proposal):
                said["message"] = proposal_line(region, p, lang)
        level = {e.id: e.level.value for e in region.masterplan.elements}
        out.update(
            valid=True,
            region={"id": region.id, "name": region.name, "kind": region.kind.value},
            type=classified["type"], type_letter=classified["type_letter"],
            type_label=classified["type_label"], stages=classified["stages"],
            to_reach=to_reach,
            stability=dict(steady.to_dict(), messages=stability_lines(c, lang, steady)),
            matches=[{"masterplan": m.masterplan, "rpjmd": m.rpjmd, "level": level.get(m.masterplan),
                      "relation": m.relation.value, "status": m.source.value, "score": m.score,
                      "note": m.note, "evidence": list(m.evidence)} for m in region.matches],
            rejected=[{"masterplan": r.masterplan, "rpjmd": r.rpjmd, "level": level.get(r.masterplan),
                       "note": r.note} for r in region.rejected],
            elements={plan.kind.value: [_element(e) for e in plan.elements]
                      for plan in (region.masterplan, region.rpjmd)},
            relations=[r.value for r in Relation],
            classification=classified,
        )
        if html:
            out["html"] = review_body(region, c, out, lang, advice=advice, stability=steady)
        return out

    # ------------------------------------------------------------ acting

    def apply(self, action: Mapping[str, Any], *, lang: str = "en", html: bool = False) -> dict[str, Any]:
        """Do one action and return the new state.

        ``action``: ``{"action": "accept"|"reject"|"relation"|"add", "masterplan": ID,
        "rpjmd": ID, "relation": R, "version": V}`` (``relation`` for ``relation``
        and ``add``; ``note`` optional for ``reject`` and ``add``; ``version``: the
        state the action was decided on, optional). Raises
        :class:`ReviewError` for an action that cannot be done (nothing
        written), :class:`ReviewConflict` when the file is not at ``version``.
        ``html`` as for :meth:`state`.
        """
        if not isinstance(action, Mapping):
            raise ReviewError("the request must be a JSON object with action, masterplan and rpjmd")
        unknown = [k for k in action if k not in _ACTION_KEYS]
        if unknown:
            hint = suggest_id(str(unknown[0]), _ACTION_KEYS)
            raise ReviewError(f"unknown key {unknown[0]!r} in the action; expected "
                              f"{', '.join(_ACTION_KEYS)}" + (f" (did you mean {hint!r}?)" if hint else ""))
        kind = action.get("action")
        if kind not in ACTIONS:
            hint = suggest_id(kind, ACTIONS) if isinstance(kind, str) else None
            raise ReviewError(f"unknown action {kind!r}; expected one of: {', '.join(ACTIONS)}"
                              + (f" (did you mean {hint!r}?)" if hint else ""))
        with self._lock:  # one action at a time, as the file is read, edited and replaced
            return self._apply(action, kind, lang, html)

    def _apply(self, action: Mapping[str, Any], kind: str, lang: str, html: bool) -> dict[str, Any]:
        loaded = self._load()
        version = action.get("version")
        if version is not None and version != loaded.version:
            raise ReviewConflict(f"{self.path} changed on disk since the page loaded it; "
                                 "nothing was written: the page shows the file as it is now",
                                 "conflict", file=str(self.path))
        region = loaded.region
        if region is None:
            raise ReviewError(f"{self.path} has errors; fix them before reviewing: "
                              + "; ".join(str(p) for p in loaded.problems if p.severity is Severity.ERROR),
                              "file_errors", file=str(self.path))
        masterplan = _id(action, "masterplan")
        rpjmd = _id(action, "rpjmd")
        key = (masterplan, rpjmd)
        note = action.get("note")
        if note is not None and (not isinstance(note, str) or not note.strip()):
            raise ReviewError("note must be a non-empty text when given", "empty_note")
        match = next((m for m in region.matches if m.key == key), None)
        from ..matching import fileedit

        fmt = self.format
        edit: Callable[[str], str]
        if kind in ("accept", "reject", "relation"):
            if match is None:
                self._check_ids(region, masterplan, rpjmd)
                raise ReviewError(f"there is no match {masterplan} -> {rpjmd} in {self.path}",
                                  "no_match", masterplan=masterplan, rpjmd=rpjmd)
        if kind == "accept":
            assert match is not None
            if match.source is Source.MANUAL:
                return self._state(loaded, lang, html)  # already accepted: nothing to write
            new = attrs.evolve(match, source=Source.MANUAL)
            expected = _replace(region, match, new)
            def edit(text: str) -> str:
                return fileedit.set_match_value(text, key, "source", "manual", format=fmt)
        elif kind == "relation":
            assert match is not None
            relation = _relation(action)
            if relation is match.relation:
                return self._state(loaded, lang, html)
            expected = _replace(region, match, attrs.evolve(match, relation=relation))
            def edit(text: str) -> str:
                return fileedit.set_match_value(text, key, "relation", relation.value, format=fmt)
        elif kind == "reject":
            assert match is not None
            pair = RejectedMatch(masterplan, rpjmd, note=note)
            already = any(r.key == key for r in region.rejected)
            expected = attrs.evolve(region, matches=tuple(m for m in region.matches if m is not match),
                                    rejected=region.rejected + (() if already else (pair,)))
            def edit(text: str) -> str:
                text = fileedit.remove_item(text, key, format=fmt)
                return text if already else fileedit.insert_rejected(text, [pair], format=fmt)
        else:  # add
            self._check_ids(region, masterplan, rpjmd)
            a, b = region.masterplan[masterplan], region.rpjmd[rpjmd]
            if a.level is not b.level:
                raise ReviewError(
                    f"{masterplan} is a masterplan {a.level.value} and {rpjmd} an RPJMD "
                    f"{b.level.value}: a match links elements of the same level",
                    "level_mismatch", masterplan=masterplan, rpjmd=rpjmd, level_masterplan=a.level.value,
                    level_rpjmd=b.level.value)
            if match is not None:
                raise ReviewError(f"{masterplan} -> {rpjmd} is matched already "
                                  "(use the relation action to change how)",
                                  "matched_already", masterplan=masterplan, rpjmd=rpjmd)
            relation = _relation(action)
            new = Match(masterplan, rpjmd, relation, source=Source.MANUAL, note=note)
            was_rejected = any(r.key == key for r in region.rejected)
            expected = attrs.evolve(region, matches=region.matches + (new,),
                                    rejected=tuple(r for r in region.rejected if r.key != key))
            def edit(text: str) -> str:
                if was_rejected:  # the reviewer changed their mind
                    text = fileedit.remove_item(text, key, list_key="rejected", format=fmt)
                return fileedit.insert_matches(text, [new], format=fmt)
        self._write(loaded, edit, expected)
        return self.state(lang, html=html)

    def _check_ids(self, region: Region, masterplan: str, rpjmd: str) -> None:
        for plan, element_id, other in ((region.masterplan, masterplan, region.rpjmd),
                                        (region.rpjmd, rpjmd, region.masterplan)):
            if element_id in plan:
                continue
            name = "masterplan" if plan is region.masterplan else "RPJMD"
            message = f"unknown {name} element {element_id!r}"
            hint = suggest_id(element_id, [e.id for e in plan.elements])
            plan_key = "masterplan" if plan is region.masterplan else "rpjmd"
            if element_id in other:
                message += f"; {element_id!r} is an element of the other plan: are masterplan and rpjmd swapped?"
                raise ReviewError(message, f"unknown_{plan_key}.swapped", element=repr(element_id))
            if hint is not None:
                message += f" (did you mean {hint!r}?)"
                raise ReviewError(message, f"unknown_{plan_key}.close", element=repr(element_id),
                                  hint=repr(hint))
            raise ReviewError(message, f"unknown_{plan_key}", element=repr(element_id))

    def _write(self, loaded: _Loaded, edit: Callable[[str], str], expected: Region) -> None:
        """Edit the file in place (:func:`~smartsync.matching.fileedit.edit_region_file`: read
        back and compared with ``expected`` first, replaced atomically, links and read-only
        files refused) unless it is no longer the version the action was decided on."""
        from ..errors import OutputError
        from ..matching.fileedit import FileEditError, edit_region_file

        def unchanged(raw: bytes) -> None:
            if file_version(raw) != loaded.version:
                raise ReviewConflict(f"{self.path} changed on disk while the action was being "
                                     "written; nothing was written: the page shows the file as it is now",
                                     "conflict", file=str(self.path))

        try:
            edit_region_file(self.path, lambda text, fmt: edit(text), lambda region: expected,
                             region=loaded.region, check=unchanged, doing="change the file in place", done="changed",
                             meant="intended")
        except OutputError as exc:
            if "changed while" in exc.reason:
                raise ReviewConflict(f"{self.path} changed on disk while the action was being "
                                     "written; nothing was written: the page shows the file as it is now",
                                     "conflict", file=str(self.path)) from None
            raise ReviewError(f"{exc}; nothing written", "not_written", reason=str(exc)) from None
        except FileEditError as exc:
            raise ReviewError(str(exc), "not_written", reason=str(exc)) from None
        except OSError as exc:
            raise ReviewError(f"{self.path}: cannot be written: {exc.strerror or exc}; "
                              "nothing written", "not_written",
                              reason=f"{self.path}: {exc.strerror or exc}") from None


def _id(action: Mapping[str, Any], end: str) -> str:
    value = action.get(end)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not value.strip():
        raise ReviewError(f"{end} must be the id of a {'masterplan' if end == 'masterplan' else 'RPJMD'} "
                          f"element, got {value!r}")
    return value


def _relation(action: Mapping[str, Any]) -> Relation:
    value = action.get("relation")
    try:
        return Relation.parse(value)  # type: ignore[return-value]
    except ValueError:
        names = [r.value for r in Relation]
        hint = (suggest_id(value, names + list(Relation.synonyms()))  # 'selarass': 'selaras'
                if isinstance(value, str) else None)
        raise ReviewError(f"unknown relation {value!r}; expected one of: {', '.join(names)}"
                          + (f" (did you mean {hint!r}?)" if hint else ""),
                          "unknown_relation.close" if hint else "unknown_relation",
                          relation=repr(value), hint=repr(hint)) from None


def _replace(region: Region, old: Match, new: Match) -> Region:
    return attrs.evolve(region, matches=tuple(new if m is old else m for m in region.matches))


def _element(e: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "level": e.level.value, "text": e.text,
                           "dimension": e.dimension.value if e.dimension is not None else None,
                           "code": e.code}
    confidence = getattr(e, "confidence", None)  # drafted elements (smartsync draft)
    provenance = getattr(e, "provenance", None)
    if confidence is not None:
        out["confidence"] = {"score": confidence.score, "reasons": list(confidence.reasons)}
    if provenance is not None:
        out["provenance"] = {k: v for k, v in attrs.asdict(provenance).items() if v is not None}
    return out
