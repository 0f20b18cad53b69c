"""How good the suggestions are: precision and recall on labelled pairs of plan statements.

An evaluation set is a CSV file (UTF-8, with a header) with one pair of
statements per row:

``level``
    vision, mission, target, program (or any level name smartsync accepts,
    Indonesian ones included);
``masterplan_text``, ``rpjmd_text``
    the two statements;
``label``
    ``match`` or ``no_match``;
``split`` (optional)
    ``tune`` (the rows used to choose the parameters), ``check`` (the rows
    held out to check them) or ``dev`` (a development set's rows, tuned on);
``region`` (optional)
    the region's name (``Kota Semarang``), discounted like a generic word as
    :func:`smartsync.matching.suggest_matches` does within a region.
``rpjmd_code`` (optional)
    the RPJMD program's code in the national nomenclature (``2.16.03``), as RPJMD tables
    carry it; empty when the RPJMD writes none (the program is then placed by its name).

Term weights are computed over every text of the set, as they are over every
element of a region when suggesting matches.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "pairs.csv"
>>> _ = path.write_text(
...     "level,masterplan_text,rpjmd_text,label\\n"
...     "program,Bank sampah digital,Program Pengelolaan Persampahan,match\\n"
...     "program,Bank sampah digital,Program Pengelolaan Keuangan Daerah,no_match\\n",
...     encoding="utf-8")
>>> result = evaluate(path)
>>> result.overall.precision, result.overall.recall
(1.0, 1.0)
"""

from __future__ import annotations

import csv
import os
from typing import Iterable, Mapping, Sequence, cast

import attrs

from ..errors import Place, Problem, SmartsyncError, did_you_mean
from ..model import Level
from .scoring import CLAUSE_LEVELS, CONCEPT_LEVELS, Statement, TermWeights, compare_statements
from .suggest import BRIDGED_LEVELS, DEFAULT_THRESHOLD

__all__ = ["LabelledPair", "Counts", "Evaluation", "PairFileError", "read_pairs", "evaluate"]

_REQUIRED = ("level", "masterplan_text", "rpjmd_text", "label")
_OPTIONAL = ("split", "region", "rpjmd_code")
_LABELS = {"match": True, "no_match": False}
_SPLITS = ("tune", "check", "dev")


class PairFileError(SmartsyncError, ValueError):
    """An evaluation set that cannot be read; ``problems`` lists every problem found."""

    def __init__(self, file: str, problems: Sequence[Problem]):
        self.file = file
        self.problems = tuple(problems)
        head = f"{file}: {len(self.problems)} problem(s)"
        super().__init__("\n".join([head] + [str(p) for p in self.problems]))


@attrs.frozen
class LabelledPair:
    """One row of an evaluation set: two statements of one level, and whether they match."""

    level: Level
    masterplan_text: str
    rpjmd_text: str
    match: bool
    split: str | None = None
    region: str | None = None
    line: int | None = None
    rpjmd_code: str | None = None


@attrs.frozen
class Counts:
    """True and false positives and negatives, with precision and recall.

    Precision is 0 when nothing was predicted a match, recall is 0 when nothing
    was labelled a match.
    """

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    true_negatives: int = 0

    @property
    def pairs(self) -> int:
        """How many pairs were counted."""
        return self.true_positives + self.false_positives + self.false_negatives + self.true_negatives

    @property
    def precision(self) -> float:
        """The share of predicted matches that are labelled matches."""
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        """The share of labelled matches that are predicted."""
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 0.0

    def add(self, predicted: bool, actual: bool) -> "Counts":
        """These counts with one more pair."""
        return Counts(
            self.true_positives + (predicted and actual),
            self.false_positives + (predicted and not actual),
            self.false_negatives + (not predicted and actual),
            self.true_negatives + (not predicted and not actual),
        )


@attrs.frozen
class Evaluation:
    """The result of :func:`evaluate`: counts overall, per level and per split, and every score."""

    threshold: float
    overall: Counts
    by_level: Mapping[str, Counts]
    by_split: Mapping[str, Counts]
    scored: tuple[tuple[LabelledPair, float], ...]


def _problem(file: str, line: int | None, message: str, suggestion: str | None = None) -> Problem:
    return Problem(message, file=file, line=line, where=None if line is None else Place("row", line),
                   suggestion=suggestion)


def read_pairs(path: str | os.PathLike[str]) -> tuple[LabelledPair, ...]:
    """Read an evaluation set; raises :class:`PairFileError` naming every bad row."""
    name = os.fspath(path)
    try:
        with open(name, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise PairFileError(name, [_problem(name, None, "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise PairFileError(name, [_problem(name, None, f"not UTF-8 text ({exc.reason})")]) from None
    except (OSError, csv.Error) as exc:
        raise PairFileError(name, [_problem(name, None, f"cannot read: {exc}")]) from None
    if not rows:
        raise PairFileError(name, [_problem(name, None, "empty file: expected a header row")])
    header = [h.strip().lower() for h in rows[0]]
    problems: list[Problem] = []
    missing = [c for c in _REQUIRED if c not in header]
    if missing:
        problems.append(_problem(name, 1, f"missing column(s): {', '.join(missing)}"))
    for col in header:
        if col not in _REQUIRED + _OPTIONAL:
            problems.append(_problem(name, 1, f"unknown column {col!r}",
                                     did_you_mean(col, _REQUIRED + _OPTIONAL)))
    if problems:
        raise PairFileError(name, problems)
    pairs: list[LabelledPair] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(_problem(name, number, f"expected {len(header)} fields, got {len(row)}"))
            continue
        cell = {h: v.strip() for h, v in zip(header, row)}
        bad = False
        try:
            level = cast(Level, Level.parse(cell["level"]))
        except ValueError:
            problems.append(_problem(name, number, f"unknown level {cell['level']!r}",
                                     did_you_mean(cell["level"], Level.accepted_names())))
            bad = True
        label = cell["label"].lower().replace(" ", "_")
        if label not in _LABELS:
            problems.append(_problem(name, number, f"label must be match or no_match, got {cell['label']!r}",
                                     did_you_mean(label, _LABELS)))
            bad = True
        for col in ("masterplan_text", "rpjmd_text"):
            if not cell[col]:
                problems.append(_problem(name, number, f"empty {col}"))
                bad = True
        split = cell.get("split") or None
        if split is not None and split not in _SPLITS:
            problems.append(_problem(name, number, f"split must be tune, check or dev, got {split!r}",
                                     did_you_mean(split, _SPLITS)))
            bad = True
        if not bad:
            pairs.append(LabelledPair(level, cell["masterplan_text"], cell["rpjmd_text"],
                                      _LABELS[label], split, cell.get("region") or None, number,
                                      cell.get("rpjmd_code") or None))
    if problems:
        raise PairFileError(name, problems)
    return tuple(pairs)


def evaluate(
    pairs: str | os.PathLike[str] | Iterable[LabelledPair],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    split: str | None = None,
    nomenclature: "str | bool | None" = None,
) -> Evaluation:
    """Score every pair and count the predictions at ``threshold`` against the labels.

    ``pairs`` is a path to an evaluation set or the pairs themselves. Term
    weights come from all texts of the set; ``split`` (``tune`` or ``check``)
    then counts only the rows of that split. Program pairs are scored as
    :func:`smartsync.matching.suggest_matches` scores them: the better of the text
    score and the bridge through the nomenclature (``nomenclature``: a version, or
    ``False`` for words alone).
    """
    rows = read_pairs(pairs) if isinstance(pairs, (str, os.PathLike)) else tuple(pairs)
    texts = sorted({p.masterplan_text for p in rows} | {p.rpjmd_text for p in rows})
    base = TermWeights.from_texts(texts)
    bridger = None
    if nomenclature is not False:
        from .nomenclature import load_nomenclature
        from .suggest import _bridger

        bridger = _bridger(load_nomenclature(nomenclature if isinstance(nomenclature, str) else None))
    overall = Counts()
    by_level: dict[str, Counts] = {}
    by_split: dict[str, Counts] = {}
    scored: list[tuple[LabelledPair, float]] = []
    for pair in rows:
        if split is not None and pair.split != split:
            continue
        weights = base
        if pair.region:
            extra = TermWeights.from_texts((), generic_words=[pair.region]).generic
            weights = attrs.evolve(base, generic=base.generic | extra)
        concepts, parts = pair.level in CONCEPT_LEVELS, pair.level in CLAUSE_LEVELS
        score = compare_statements(Statement.of(pair.masterplan_text, weights, concepts, parts),
                                   Statement.of(pair.rpjmd_text, weights, concepts, parts)).score
        if bridger is not None and pair.level in BRIDGED_LEVELS:
            found = bridger.bridge(pair.masterplan_text, pair.rpjmd_text, pair.rpjmd_code)
            if found is not None and found.score > score:
                score = round(found.score, 6)
        predicted = round(score, 4) >= threshold
        scored.append((pair, score))
        overall = overall.add(predicted, pair.match)
        key = pair.level.value
        by_level[key] = by_level.get(key, Counts()).add(predicted, pair.match)
        if pair.split:
            by_split[pair.split] = by_split.get(pair.split, Counts()).add(predicted, pair.match)
    ordered_levels: dict[str, Counts] = {lv.value: by_level[lv.value] for lv in Level if lv.value in by_level}
    return Evaluation(threshold, overall, ordered_levels, by_split, tuple(scored))
