"""smartsync._compat: experta imports cleanly and leaves the host program alone.

The checks that concern the state of a whole interpreter (the root logger,
``collections``) run in a fresh interpreter, so that nothing imported by
other tests hides what ``import smartsync`` does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from smartsync._compat import experta


def run_fresh(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return what it printed on stdout."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# Prints the root logger's state before and after ``import smartsync``, after
# experta's import and after one classification (when the engine is there),
# as JSON lines.
_ROOT_LOGGER_PROBE = """
    import json, logging, sys
    {setup}
    def state(when):
        root = logging.getLogger()
        print(json.dumps({{"when": when, "level": root.level,
                           "handlers": [repr(h) for h in root.handlers]}}))
    state("before")
    import smartsync
    state("after import")
    import smartsync._compat  # experta itself, whether or not smartsync imported it yet
    state("after experta import")
    if hasattr(smartsync, "classify"):
        from smartsync import Element, Match, Plan, Period, Region
        rpjmd = Plan("rpjmd", Period(2016, 2021), [
            Element("V", "vision", "Semarang yang sejahtera"),
            Element("P1", "program", "Program e-government", parents=["V"],
                    code="2.16.02", budget=1000000000)])
        masterplan = Plan("masterplan", Period(2018, 2027), [
            Element("SV", "vision", "Semarang smart city"),
            Element("SP1", "program", "Aplikasi layanan publik", parents=["SV"],
                    dimension="governance")])
        region = Region("3374", "Kota Semarang", "kota", rpjmd, masterplan,
                        [Match("SP1", "P1", "derived")])
        smartsync.classify(region)
        state("after classify")
"""


@pytest.mark.parametrize(
    "setup",
    [
        pytest.param("", id="unconfigured-host"),
        pytest.param(
            "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format='HOST %(message)s')",
            id="host-with-own-handler",
        ),
    ],
)
def test_import_and_classify_leave_root_logger_unchanged(setup: str) -> None:
    """Importing smartsync (and classifying) keeps the root logger's handlers and level."""
    lines = run_fresh(_ROOT_LOGGER_PROBE.format(setup=setup)).splitlines()
    states = [json.loads(line) for line in lines if line.startswith("{")]
    assert len(states) >= 3
    before = states[0]
    for later in states[1:]:
        assert (later["level"], later["handlers"]) == (before["level"], before["handlers"]), later["when"]


def test_host_can_still_configure_logging_after_import() -> None:
    """After ``import smartsync`` the host's own ``logging.basicConfig`` still takes effect."""
    out = run_fresh(
        """
        import logging, sys
        import smartsync, smartsync._compat
        logging.basicConfig(stream=sys.stdout, format="HOST %(levelname)s %(message)s")
        logging.warning("hello")
        """
    )
    assert out.strip() == "HOST WARNING hello"


def test_import_leaves_no_collections_alias_behind() -> None:
    """The ``collections.Mapping`` alias lent to frozendict 1.2 is removed after the import."""
    out = run_fresh(
        """
        import collections
        import smartsync
        import smartsync._compat
        print([n for n in ("Mapping", "MutableMapping", "Sequence", "Iterable", "Hashable")
               if hasattr(collections, n)])
        """
    )
    assert out.strip() == "[]"


def test_experta_freezes_dicts_and_lists_in_facts() -> None:
    """With the installed frozendict, a fact holding a dict and a list is frozen, hashable and matches nested values."""
    Fact, MATCH, Rule = experta.Fact, experta.MATCH, experta.Rule
    data = {"code": "2.16.02", "years": [2016, 2021]}
    tags = ["governance", {"dimension": "living"}]

    class Probe(experta.KnowledgeEngine):
        seen: list

        @Rule(Fact(data__code=MATCH.code, data__years=MATCH.years))
        def found(self, code, years):  # type: ignore[no-untyped-def]
            self.seen.append((code, list(years)))

    engine = Probe()
    engine.seen = []
    engine.reset()
    fact = engine.declare(Fact(data=data, tags=tags))
    engine.run()
    data["code"] = "changed"  # the declared fact must not follow the caller's dict

    assert engine.seen == [("2.16.02", [2016, 2021])]
    assert fact["data"]["code"] == "2.16.02"
    hash(fact)
    hash(fact["data"])
    hash(fact["tags"])
    with pytest.raises(TypeError):
        fact["data"]["code"] = "x"  # type: ignore[index]
    assert engine.declare(Fact(data={"code": "2.16.02", "years": [2016, 2021]}, tags=tags)) is None


def test_experta_fields_validate_with_installed_schema() -> None:
    """experta's typed fields (built on ``schema``) accept good facts and reject bad ones."""

    class Program(experta.Fact):
        code = experta.Field(str, mandatory=True)
        budget = experta.Field(int, default=0)

    Program(code="2.16.02").validate()
    with pytest.raises(Exception):
        Program(budget=5).validate()
    with pytest.raises(Exception):
        Program(code=216).validate()
