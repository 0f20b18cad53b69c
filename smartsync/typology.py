"""Typologies as data: the stages a typology types by, and the types it gives.

The default typology of the study has four stages, top to bottom: vision,
mission, target and program, giving the types A (synchronization starts at
the vision) to D (at the program), and ``unsynchronized`` when the program
stage itself is not synchronized. The stages are data the rules read: a
variant may add a stage (a goal stage between mission and target) or set its
own threshold per stage, and the type, the characteristics, the diagnostics,
the trace and why-not follow.
"""

from __future__ import annotations

import enum
import functools
import re
import string
from fractions import Fraction
from typing import Mapping

import attrs

from .model import Level, Relation

__all__ = ["SyncType", "Typology", "Parameters", "DEFAULT_TYPOLOGY", "UNSYNCHRONIZED"]

#: the value of the type given when the base (program) stage is not synchronized
UNSYNCHRONIZED = "unsynchronized"


class SyncType(str, enum.Enum):
    """The type of synchronization of the default typology: the stage where it starts."""

    VISION = "vision"  #: type A
    MISSION = "mission"  #: type B
    TARGET = "target"  #: type C
    PROGRAM = "program"  #: type D
    UNSYNCHRONIZED = UNSYNCHRONIZED  #: outside the typology: no route to APBD funding

    def __str__(self) -> str:
        return self.value


def _stages(value: object) -> tuple[str, ...]:
    stages = tuple(Level.parse(s).value for s in value)  # type: ignore[attr-defined]
    if not stages:
        raise ValueError("stages must name at least one level, got none")
    if len(set(stages)) != len(stages):
        raise ValueError(f"stages must not repeat a level, got {stages}")
    return stages


@attrs.frozen
class Typology:
    """The stages a typology types by, top to bottom; the last one is the base stage.

    ``stages`` are level names (Indonesian synonyms accepted). The base stage
    (``program`` by default) must be synchronized for any type to be given.
    ``type_enum`` is the enum of the types it gives: one per stage, plus
    ``unsynchronized``.
    """

    name: str
    stages: tuple[str, ...] = attrs.field(converter=_stages)
    type_enum: type[enum.Enum] = attrs.field(eq=False, repr=False)

    @type_enum.default
    def _make_enum(self) -> type[enum.Enum]:
        return _type_enum(self.stages)

    def __reduce__(self) -> tuple:
        # the type enum of a variant is made at run time: rebuild it on unpickling
        return (Typology, (self.name, self.stages))

    @property
    def base(self) -> str:
        """The bottom stage (program): synchronized in every type."""
        return self.stages[-1]

    def letter(self, type_value: object) -> str | None:
        """The type's letter (A for the top stage, B for the next...), ``None`` for unsynchronized."""
        value = getattr(type_value, "value", type_value)
        if value in self.stages:
            return string.ascii_uppercase[self.stages.index(value)]
        return None

    def parse_type(self, value: object) -> enum.Enum:
        """The type named by ``value``: a stage name, a letter (``A``...) or ``unsynchronized``."""
        text = str(getattr(value, "value", value)).strip()
        if len(text) == 1 and text.upper() in string.ascii_uppercase[: len(self.stages)]:
            text = self.stages[string.ascii_uppercase.index(text.upper())]
        try:
            text = Level.parse(text).value
        except ValueError:
            text = text.lower()
        from .messages import text as worded

        if " ".join(text.replace("_", " ").replace("-", " ").split()) == worded(
                "batch.unsynchronized", "id"):  # the name Indonesian output gives the type
            text = UNSYNCHRONIZED
        try:
            return self.type_enum(text)
        except ValueError:
            import difflib

            from .messages import stage_name

            names = [m.value for m in self.type_enum]
            indonesian = [worded("batch.unsynchronized", "id") if n == UNSYNCHRONIZED
                          else stage_name(n, "id") for n in names]
            letters = string.ascii_uppercase[: len(self.stages)]
            close = difflib.get_close_matches(text, names + indonesian, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            error = ValueError(f"unknown type {value!r}; expected one of: {', '.join(names)}, "
                               f"or a letter {letters[0]}-{letters[-1]}{hint}")
            # for the words of another language (the command line's --lang)
            error.values = {"value": repr(value),  # type: ignore[attr-defined]
                            "names": {"en": ", ".join(names), "id": ", ".join(indonesian)},
                            "first": letters[0], "last": letters[-1],
                            "close": repr(close[0]) if close else ""}
            raise error from None


@functools.lru_cache(maxsize=None)
def _type_enum(stages: tuple[str, ...]) -> type[enum.Enum]:
    """The type enum of a list of stages; one class per list of stages in a process."""
    if stages == tuple(m.value for m in SyncType if m is not SyncType.UNSYNCHRONIZED):
        return SyncType
    members = {s.upper(): s for s in stages}
    members["UNSYNCHRONIZED"] = UNSYNCHRONIZED
    made = enum.Enum("SyncType", members, type=str)  # type: ignore[misc]
    made.__str__ = lambda self: self.value  # type: ignore[method-assign]
    return made


#: the typology of the study: vision, mission, target, program
DEFAULT_TYPOLOGY = Typology("default", ("vision", "mission", "target", "program"))


def _relations(value: object) -> frozenset[Relation]:
    if isinstance(value, (str, Relation)):
        value = (value,)
    relations = frozenset(Relation.parse(r) for r in value)  # type: ignore[union-attr]
    if not relations:
        raise ValueError("relations must name at least one relation, got none")
    return relations


def _threshold(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, Fraction)) or not 0 < value <= 1:
        raise ValueError(f"{name} must be a number above 0 and at most 1, got {value!r}")
    return float(value)


def _fraction_as_float(value: object) -> object:
    """A threshold given as a :class:`~fractions.Fraction` (``Fraction(2, 3)``) as its float,
    which compares with a coverage ``k/n`` as the fraction does; anything else as given."""
    return float(value) if isinstance(value, Fraction) and 0 < value <= 1 else value


def _thresholds(value: Mapping[str, float]) -> Mapping[str, float]:
    return {Level.parse(k).value: _threshold(f"threshold for {k}", v) for k, v in dict(value).items()}


def _stage_relations(value: object) -> Mapping[str, frozenset[Relation]]:
    """``{"vision": ["adopted", "derived"]}`` (a mapping, as in YAML or JSON) or the command
    line's ``"vision=adopted+derived;mission=adopted+derived"``."""
    if isinstance(value, str):
        pairs = {}
        for item in filter(None, (part.strip() for part in value.replace(";", " ").split())):
            stage, sep, names = item.partition("=")
            if not sep:
                raise ValueError(f"relations per stage are written stage=relation+relation, "
                                 f"got {item!r}")
            pairs[stage] = [n for n in re.split(r"[+,]", names) if n.strip()]
        value = pairs
    if not isinstance(value, Mapping):
        raise ValueError(f"relations per stage must map stages to relations, got {value!r}")
    out = {}
    for stage, relations in value.items():
        try:
            out[Level.parse(stage).value] = _relations(relations)
        except ValueError as exc:
            raise ValueError(f"relations for the {stage} stage: {exc}") from None
    return out


@attrs.frozen
class Parameters:
    """The numbers the rules decide with.

    ``threshold``: the coverage a stage must reach to be synchronized
    (inclusive; default 0.5). ``thresholds``: per-stage overrides, e.g.
    ``{"vision": 1.0}``. ``relations``: the match relations that count
    (all three by default). ``stage_relations``: per-stage overrides of
    ``relations``, e.g. ``{"vision": ["adopted", "derived"]}`` (on the command
    line ``--stage-relations vision=adopted+derived;mission=adopted+derived``).

    Like the thresholds, the counted relations are policy, given to the rules
    as data: one :class:`~smartsync.facts.CountedRelation` fact per stage and
    relation that counts there.
    """

    threshold: float = attrs.field(default=0.5, converter=_fraction_as_float)
    thresholds: Mapping[str, float] = attrs.field(factory=dict, converter=_thresholds)
    relations: frozenset[Relation] = attrs.field(default=frozenset(Relation), converter=_relations)
    stage_relations: Mapping[str, frozenset[Relation]] = attrs.field(
        factory=dict, converter=_stage_relations)

    @threshold.validator
    def _check_threshold(self, attribute: attrs.Attribute, value: float) -> None:
        _threshold("threshold", value)

    def threshold_for(self, stage: str) -> float:
        """The coverage threshold of one stage."""
        return float(self.thresholds.get(stage, self.threshold))

    def relations_for(self, stage: str) -> frozenset[Relation]:
        """The match relations that count at one stage."""
        return self.stage_relations.get(stage, self.relations)
