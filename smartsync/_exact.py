"""Thresholds and coverages as exact fractions (``5/12``, never ``0.41666666666666663``).

A coverage the rules conclude is ``k/n``; the rules receive a threshold as the nearest
float, which compares with a coverage ``k/n`` exactly as the fraction does. So the
fraction a float stands for is the shortest one whose float it is."""

from __future__ import annotations

from fractions import Fraction

__all__ = ["exact", "fraction_text", "parse_threshold"]


def parse_threshold(text: "str | float | Fraction") -> Fraction:
    """A threshold as a planner writes it, exactly: ``0.3``, ``0,3``, ``30%``, ``3/10``
    (``2/3`` is two thirds, the form the stability lines and ``study`` write a bound in).
    Raises ``ValueError`` for a text that is none of these (the range is the caller's)."""
    if isinstance(text, Fraction):
        return text
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return Fraction(str(text))  # 0.3 is 3/10, not the float's binary value
    raw = str(text).strip().replace(",", ".")
    percent = raw.endswith("%")
    try:
        value = Fraction(raw.rstrip("%").strip())
    except (ValueError, ZeroDivisionError):
        raise ValueError(f"a threshold is a fraction (0.3, 3/10) or a percentage (30%), "
                         f"got {text!r}") from None
    return value / 100 if percent else value


def exact(value: "float | int | Fraction") -> Fraction:
    """The fraction a threshold or a coverage stands for: the shortest fraction whose
    float it is (0.3 -> 3/10, float(5/12) -> 5/12)."""
    if isinstance(value, Fraction):
        return value
    whole = Fraction(value)
    short = whole.limit_denominator(10**6)
    return short if float(short) == value else whole


def fraction_text(value: "Fraction | float | int") -> str:
    """A fraction as ``3/5`` (``1`` and ``0`` for whole numbers): exact, no float."""
    value = exact(value)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
