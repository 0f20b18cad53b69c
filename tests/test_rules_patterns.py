"""smartsync.rules.patterns: the one walker over a rule's conditions (rules --check's fact
kinds and why-not's bound variables both read a rule through it)."""

from __future__ import annotations

from smartsync._compat import experta  # noqa: F401  (experta importable on every dependency set)

from experta import AND, MATCH, NOT, OR, TEST, Fact, Rule  # noqa: E402

from smartsync.rules import DEFAULT_PACKS, patterns  # noqa: E402


class A(Fact):
    pass


class B(Fact):
    pass


class C(Fact):
    pass


class D(Fact):
    pass


RULE = Rule(A(x=MATCH.x), NOT(B(x=MATCH.x)), OR(C(y=MATCH.y), AND(D(z=1), NOT(A(x=2)))),
            TEST(lambda x: x))


def test_positive_patterns_in_order_without_negations_or_tests() -> None:
    """The patterns of a rule's positive conditions come in the rule's order, those under a NOT left out."""
    assert [type(p).__name__ for p in patterns(RULE)] == ["A", "C", "D"]


def test_without_groups_only_the_top_level_patterns() -> None:
    """Without groups, the patterns inside OR and AND are left out (why-not does not evaluate them)."""
    assert [type(p).__name__ for p in patterns(RULE, groups=False)] == ["A"]


def test_every_shipped_rule_has_its_top_level_patterns_among_all() -> None:
    """For every rule of the default packs, the top-level patterns are among all its patterns, none an InitialFact."""
    for pack in DEFAULT_PACKS:
        for name in dir(pack):
            rule = getattr(pack, name)
            if not isinstance(rule, Rule):
                continue
            every = list(patterns(rule))
            assert every, name
            assert all(any(p is q for q in every) for p in patterns(rule, groups=False)), name
            assert all(type(p).__name__ != "InitialFact" for p in every), name
