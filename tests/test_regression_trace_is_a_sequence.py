"""``result.trace`` reads like the sequence of firings it is (newuser finding F74): it
indexes, slices and counts from the end like a tuple of its steps, whether or not the
engine has built the steps yet."""

from __future__ import annotations

import collections.abc
import pickle
from pathlib import Path

import pytest

import smartsync

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-b-mission.yaml"


@pytest.fixture
def trace():
    return smartsync.classify(smartsync.load_region(EXAMPLE)).trace


def test_trace_indexes_like_its_steps_before_they_are_read(trace):
    """trace[0], trace[-1] and trace[i] are the Steps of trace.steps, read first thing
    after classify (the lazy trace builds itself), not a TypeError naming a private class."""
    first, last = trace[0], trace[-1]
    assert isinstance(first, smartsync.Step) and first.number == 1
    assert first == trace.steps[0] and last == trace.steps[-1]
    assert last.number == len(trace)
    assert [trace[i] for i in range(len(trace))] == list(trace)
    with pytest.raises(IndexError):
        trace[len(trace)]


def test_trace_slices_to_a_tuple_of_steps(trace):
    """trace[:3], trace[-2:] and trace[::-1] give tuples of Steps in the trace's order."""
    assert trace[:3] == trace.steps[:3] and len(trace[:3]) == 3
    assert trace[-2:] == trace.steps[-2:]
    assert trace[::-1] == tuple(reversed(trace)) == tuple(reversed(trace.steps))


def test_trace_is_a_sequence(trace):
    """isinstance(trace, Sequence); `in`, index() and count() work on its steps; a pickled
    trace (what batch workers send back) indexes the same."""
    assert isinstance(trace, collections.abc.Sequence)
    step = trace[4]
    assert step in trace and trace.index(step) == 4 and trace.count(step) == 1
    assert pickle.loads(pickle.dumps(trace))[4] == step
