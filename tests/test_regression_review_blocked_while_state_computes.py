"""Issue 23: the review page of a 1,000-program region took 9.4 s a state and blocked every
other request meanwhile. A state is now computed in a worker thread (the event loop
answers other requests), and a state already computed for the same bytes of the file is
answered without classifying again."""

from __future__ import annotations

import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from smartsync.engine import default_classifier  # noqa: E402
from smartsync.review import ReviewSession  # noqa: E402
from smartsync.review.app import TOKEN_HEADER, create_app  # noqa: E402
from review_fixture import REGION_YAML  # noqa: E402

TOKEN = "t0ken-for-tests"
#: how long a test waits for what must happen at once (a bound against a hang, not a timing)
WAIT = 20


class _Gate:
    """A classifier that counts its classifications and, once armed, holds the next one
    until released (a state that takes as long as the test wants)."""

    def __init__(self) -> None:
        self.inner = default_classifier()
        self.calls = 0
        self.armed = False
        self.entered = threading.Event()
        self.release = threading.Event()

    def classify(self, region: Any, params: Any = None) -> Any:
        self.calls += 1
        if self.armed:
            self.armed = False
            self.entered.set()
            self.release.wait(WAIT * 3)
        return self.inner.classify(region, params=params)


@pytest.fixture
def served(tmp_path: Path):
    """A region file, its gated classifier and a test client sharing one event loop."""
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    gate = _Gate()
    app = create_app(ReviewSession(path, classifier=gate), TOKEN, hosts=["testserver"])
    # as a context manager the client runs every request on one event loop, as uvicorn does
    with TestClient(app, headers={TOKEN_HEADER: TOKEN}) as client:
        yield path, gate, client
    gate.release.set()


def _in_thread(call) -> tuple[threading.Thread, list]:
    answers: list = []
    thread = threading.Thread(target=lambda: answers.append(call()), daemon=True)
    thread.start()
    return thread, answers


def test_other_requests_are_answered_while_a_state_computes(served) -> None:
    """While one state is being computed, a state of other bytes already computed, a bad
    request and an unknown path are each answered; the slow state arrives afterwards."""
    path, gate, client = served
    first = client.get("/api/state").json()  # the file as it is: computed and kept
    edited = REGION_YAML + "# reviewed\n"
    path.write_text(edited, encoding="utf-8")
    gate.armed = True
    slow, slow_answer = _in_thread(lambda: client.get("/api/state"))
    try:
        assert gate.entered.wait(WAIT), "the slow state never started"
        path.write_text(REGION_YAML, encoding="utf-8")  # back to the bytes already computed
        others, answers = _in_thread(lambda: (client.get("/api/state"),
                                              client.get("/api/state", params={"lang": "xx"}),
                                              client.get("/api/nothing")))
        others.join(WAIT)
        assert not others.is_alive(), "another request waited for the slow state"
        assert slow.is_alive(), "the slow state was not still computing"
        cached, bad, unknown = answers[0]
        assert cached.status_code == 200 and cached.json()["version"] == first["version"]
        assert bad.status_code == 400 and unknown.status_code == 404
    finally:
        gate.release.set()
    slow.join(WAIT)
    assert slow_answer and slow_answer[0].status_code == 200
    assert slow_answer[0].json()["version"] != first["version"]


def test_the_same_bytes_are_classified_once(served) -> None:
    """Asking again for the state of unchanged bytes classifies nothing; changed bytes do."""
    path, gate, client = served
    state = client.get("/api/state").json()
    calls = gate.calls
    assert calls > 0
    assert client.get("/api/state").json() == state
    assert client.get("/", params={"lang": "en"}).status_code == 200
    page_calls = gate.calls
    assert client.get("/").status_code == 200 and gate.calls == page_calls
    assert gate.calls - calls <= page_calls - calls  # the page's state counted once at most
    path.write_text(REGION_YAML + "# changed\n", encoding="utf-8")
    assert client.get("/api/state").json()["version"] != state["version"]
    assert gate.calls > page_calls


def test_concurrent_actions_are_all_written(served) -> None:
    """Actions sent at once are done one after another: every added match is in the file."""
    path, gate, client = served
    state = client.get("/api/state").json()
    matched = {(m["masterplan"], m["rpjmd"]) for m in state["matches"]}
    levels = {}
    for plan in ("masterplan", "rpjmd"):
        for e in state["elements"][plan]:
            levels.setdefault((plan, e["level"]), []).append(e["id"])
    pairs = [(a, b) for level in ("vision", "mission", "program")
             for a in levels.get(("masterplan", level), []) for b in levels.get(("rpjmd", level), [])
             if (a, b) not in matched][:6]
    assert len(pairs) >= 3
    threads = [_in_thread(lambda a=a, b=b: client.post("/api/matches", json={
        "action": "add", "masterplan": a, "rpjmd": b, "relation": "aligned"})) for a, b in pairs]
    for thread, _ in threads:
        thread.join(WAIT * 3)
    assert all(answers and answers[0].status_code == 200 for _, answers in threads)
    final = client.get("/api/state").json()
    assert set(pairs) <= {(m["masterplan"], m["rpjmd"]) for m in final["matches"]}
