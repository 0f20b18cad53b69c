"""What a renderer is given: an explanation or a bare classification."""

from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

from ..messages import using

__all__ = ["parts", "speaks"]

F = TypeVar("F", bound=Callable[..., Any])


def parts(subject: Any) -> tuple[Any, Any]:
    """The classification and the advice a renderer is given: an
    :class:`~smartsync.explain.Explanation`'s, or a bare classification's (no advice)."""
    inner = getattr(subject, "classification", None)
    if inner is not None and hasattr(subject, "advice"):
        return inner, subject.advice
    return subject, None


def speaks(func: F) -> F:
    """A renderer function whose first argument is a classification (or an explanation):
    it puts it into words with the messages of the classifier that gave it."""
    @functools.wraps(func)
    def wrapper(subject: Any, *args: Any, **kwargs: Any) -> Any:
        classification, _ = parts(subject)
        with using(getattr(classification, "messages", None)):
            return func(subject, *args, **kwargs)
    return wrapper  # type: ignore[return-value]
