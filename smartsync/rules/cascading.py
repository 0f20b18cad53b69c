"""A variant's condition (*pohon kinerja*): a masterplan element below the top stage of
the masterplan counts only when its place in the masterplan's hierarchy agrees with its
counterpart's place in the RPJMD.

Precisely: a match of a masterplan element at a stage below the highest stage the
masterplan has does not count when one of the element's parents (in the masterplan) is
matched, by any match, but none of them to an *ancestor* of the element's RPJMD
counterpart (its parent, its parent's parent...): the masterplan places the element
under an RPJMD element its counterpart is not under (condition ``cascade``). Ancestors,
not only parents, so that a real region passes: an RPJMD target sits under a goal
(*tujuan*) under a mission, while the masterplan's target names a mission as its parent.

An element none of whose parents is matched starts the cascade: its parents are the
masterplan's own (a type B masterplan's own vision above missions derived from the
RPJMD's, a type C masterplan's own missions above its targets), they make no claim about
where the element sits in the RPJMD, and its matches count as in the default rules. So
synchronization may start at any stage, as the typology has it, and the elements below
that start must follow the RPJMD's hierarchy.

The elements of the masterplan's top stage (its vision; its missions when it states no
vision) are the top of its hierarchy: they count as in the default rules. An element
below the top stage that names no parent cannot show its place in the hierarchy: its
matches do not count (condition ``no_parent``), and why-not says so.

Added to the default packs in the ``cascading`` variant
(:data:`smartsync.variants.CASCADING`). The parent links are input facts of
this pack's own (:class:`Parent`, from :meth:`CascadingPack.input_facts`); the
ancestors are concluded by rules.
"""

from __future__ import annotations

from typing import Any, Iterator

from ..facts import Element, Elements, Fact, Match, MatchRejected, StageDef, id_order
from . import MATCH, NOT, PHASE, Rule, concludes

__all__ = ["CascadingPack", "Parent", "Ancestor", "BelowTop", "ParentMatched", "CascadeHolds"]


class Parent(Fact):
    """An input fact of the cascading pack: element ``id`` of ``plan`` names ``parent``."""


class Ancestor(Fact):
    """RPJMD element ``ancestor`` is above element ``id`` in the RPJMD hierarchy."""


class BelowTop(Fact):
    """The masterplan has elements at a stage above ``stage``."""


class ParentMatched(Fact):
    """Parent ``parent`` of masterplan element ``id`` is matched to RPJMD element ``rpjmd``:
    the masterplan claims a place for ``id`` in the RPJMD's hierarchy (under that element);
    one fact per match of the parent."""


class CascadeHolds(Fact):
    """A match ``masterplan`` -> ``rpjmd`` agrees with the hierarchies: the masterplan
    element's ``parent`` is matched to ``ancestor``, an ancestor of ``rpjmd``."""


class CascadingPack:
    """An element below the masterplan's top stage does not count when its parents are
    matched, but none of them to an ancestor of its counterpart in the RPJMD; an element
    whose parents are all unmatched starts the cascade and counts.

    Not monotone (``MONOTONE = False``): matching a parent that was unmatched can stop its
    children's matches counting (they no longer start the cascade), so adding a match can
    lower a type and losing one raise it; advice then searches without assuming otherwise
    (:attr:`smartsync.Classifier.monotone`)."""

    #: adding a match can lower a type under this pack (see the class docstring)
    MONOTONE = False

    @classmethod
    def input_facts(cls, region: Any, typology: Any, params: Any) -> Iterator[Parent]:
        """One :class:`Parent` fact per parent link of either plan."""
        for plan in (region.rpjmd, region.masterplan):
            for element in plan.elements:
                for parent in element.parents:
                    yield Parent(plan=plan.kind.value, id=element.id, parent=parent)

    @concludes(Ancestor, id=MATCH.element, ancestor=MATCH.parent)
    @Rule(Parent(plan="rpjmd", id=MATCH.element, parent=MATCH.parent), salience=PHASE["derive"])
    def parent_is_ancestor(self, element, parent):
        """Concludes that an RPJMD element's parent is one of its ancestors."""
        self.declare(Ancestor(id=element, ancestor=parent))

    @concludes(Ancestor, id=MATCH.element, ancestor=MATCH.above)
    @Rule(Ancestor(id=MATCH.element, ancestor=MATCH.ancestor),
          Parent(plan="rpjmd", id=MATCH.ancestor, parent=MATCH.above), salience=PHASE["derive"])
    def ancestor_of_ancestor(self, element, above):
        """Concludes that the parent of an ancestor of an RPJMD element is its ancestor too."""
        self.declare(Ancestor(id=element, ancestor=above))

    @concludes(BelowTop, stage=MATCH.stage)
    @Rule(StageDef(name=MATCH.upper, next=MATCH.stage),
          Elements(plan="masterplan", level=MATCH.upper), salience=PHASE["derive"])
    def below_a_present_stage(self, stage):
        """Concludes that a stage is below the masterplan's top stage: the masterplan has
        elements at the stage just above it."""
        self.declare(BelowTop(stage=stage))

    @concludes(BelowTop, stage=MATCH.stage)
    @Rule(StageDef(name=MATCH.upper, next=MATCH.stage),
          NOT(Elements(plan="masterplan", level=MATCH.upper)),
          BelowTop(stage=MATCH.upper), salience=PHASE["derive"])
    def below_an_absent_stage(self, stage):
        """Concludes that a stage is below the masterplan's top stage: the stage just above
        it is absent from the masterplan, and is itself below the top stage."""
        self.declare(BelowTop(stage=stage))

    @concludes(ParentMatched, id=MATCH.element, parent=MATCH.parent, rpjmd=MATCH.placed)
    @Rule(Parent(plan="masterplan", id=MATCH.element, parent=MATCH.parent),
          Match(masterplan=MATCH.parent, rpjmd=MATCH.placed), salience=PHASE["relate"])
    def parent_matched(self, element, parent, placed):
        """Concludes that a parent of a masterplan element is matched (by any match), and to
        which RPJMD element: the masterplan claims a place for the element in the RPJMD's
        hierarchy (under that element), which the element's own matches must agree with."""
        self.declare(ParentMatched(id=element, parent=parent, rpjmd=placed))

    @concludes(CascadeHolds, masterplan=MATCH.element, rpjmd=MATCH.counterpart)
    @Rule(Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart),
          Parent(plan="masterplan", id=MATCH.element, parent=MATCH.parent),
          Match(masterplan=MATCH.parent, rpjmd=MATCH.ancestor),
          Ancestor(id=MATCH.counterpart, ancestor=MATCH.ancestor), salience=PHASE["relate"])
    def parent_matched_to_ancestor(self, element, counterpart, parent, ancestor):
        """Concludes that a match agrees with the hierarchies: a parent of the masterplan
        element is matched to an ancestor of its RPJMD counterpart."""
        self.declare(CascadeHolds(masterplan=element, rpjmd=counterpart, parent=parent,
                                  ancestor=ancestor))

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart,
               condition="no_parent")
    @Rule(BelowTop(stage=MATCH.stage),
          Element(plan="masterplan", level=MATCH.stage, id=MATCH.element, parents=()),
          Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          salience=PHASE["reject"])
    def no_parent(self, stage, element, counterpart, relation):
        """Concludes that a match does not count: the element is below the masterplan's top
        stage and names no parent, so its place in the hierarchy cannot be checked."""
        self.declare(MatchRejected(stage=stage, masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="no_parent", figures={}))

    @concludes(MatchRejected, masterplan=MATCH.element, rpjmd=MATCH.counterpart,
               condition="cascade")
    @Rule(BelowTop(stage=MATCH.stage),
          Element(plan="masterplan", level=MATCH.stage, id=MATCH.element),
          Match(masterplan=MATCH.element, rpjmd=MATCH.counterpart, relation=MATCH.relation),
          ParentMatched(id=MATCH.element),
          NOT(CascadeHolds(masterplan=MATCH.element, rpjmd=MATCH.counterpart)),
          salience=PHASE["reject"])
    def cascade_broken(self, stage, element, counterpart, relation):
        """Concludes that a match does not count: the element is below the masterplan's top
        stage, a parent of it is matched, and none of its parents is matched to an ancestor
        of its counterpart (the masterplan places it where its counterpart is not). An
        element whose parents are all unmatched is not rejected: it starts the cascade.
        Its figures name the RPJMD elements the parents are matched to (``placed``) and the
        counterpart's own parents in the RPJMD (``under``), for a planner to decide which
        match to change."""
        def ordered(ids: set) -> list:
            return sorted(ids, key=lambda i: (id_order(i), i))

        placed = ordered({f["rpjmd"] for f in self.collect(ParentMatched, id=element)})
        under = ordered({f["parent"] for f in self.collect(Parent, plan="rpjmd", id=counterpart)})
        self.declare(MatchRejected(stage=stage, masterplan=element, rpjmd=counterpart,
                                   relation=relation, condition="cascade",
                                   figures={"placed": placed, "under": under}))
