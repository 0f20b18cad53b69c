"""The advice's searches as they were before they were cut short: the reference the pruned
ones must equal (tests/test_advice_pruning.py).

:func:`fewest_losses` is ``smartsync.advice._fewest_losses`` as it was before stages that
cannot beat the best were skipped: every stage searched in stage order, each search run
to its end.
"""

from __future__ import annotations

import math

from smartsync.facts import pair_order


def fewest_losses(runs):  # type: ignore[no-untyped-def]
    """The fewest matches, taken away at one stage, that lower the type (full search)."""
    from smartsync.advice import _counted_matches

    result = runs.result
    best = None
    for stage, figures in result.stages.items():
        if not figures.present or not figures.synchronized:
            continue
        by_element = _counted_matches(runs, stage)
        order = sorted(by_element, key=lambda i: len(by_element[i]))

        def removed(k, order=order, by_element=by_element):  # type: ignore[no-untyped-def]
            return frozenset(pair for i in order[:k] for pair in by_element[i])

        def changes(k, removed=removed):  # type: ignore[no-untyped-def]
            done = runs.classify(remove=removed(k))
            # a loss that lowers the type (under rules that are not monotone a loss can
            # raise it: stability looks for the losses that lower it)
            return done.type if runs.rank(done.type) < runs.rank(result.type) else None

        if changes(len(order)) is None:
            continue
        guess = (figures.synchronized - math.ceil(figures.threshold * figures.total - 1e-9) + 1
                 if figures.is_synchronized else 1)
        low, high = 1, len(order)
        if 1 <= guess <= len(order) and changes(guess) is not None:
            high = guess
            if guess > 1 and changes(guess - 1) is None:
                low = guess
        while low < high:
            middle = (low + high) // 2
            if changes(middle) is not None:
                high = middle
            else:
                low = middle + 1
        pairs = tuple(sorted(removed(high), key=pair_order))
        count = sum(1 for m in runs.region.matches if m.key in set(pairs))
        falls = changes(high)
        assert falls is not None
        if best is None or count < best[0]:
            best = (count, falls, pairs)
    if best is None:
        return None, None, ()
    return best
