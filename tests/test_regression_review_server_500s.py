"""The review server answered 500 (and logged a traceback) for a JSON body nested 100,000
deep, for ``GET /`` after the file was deleted, and logged a traceback for a client that
went away mid-body: every error is now an answer with its status (JSON for the API), the
page says the file is gone, and a disconnect is one line in the log."""

from __future__ import annotations

import asyncio
import logging
import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from review_fixture import REGION_YAML  # noqa: E402
from smartsync.review import ReviewSession  # noqa: E402
from smartsync.review.app import MAX_BODY, TOKEN_HEADER, create_app  # noqa: E402

TOKEN = "t0ken-for-tests"


@pytest.fixture
def region_file(tmp_path: Path) -> Path:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    return path


def client_of(path: Path, **session: object) -> TestClient:
    app = create_app(ReviewSession(path, **session), TOKEN, hosts=["testserver"])
    # a 500 the app did not answer itself would be raised here, not hidden
    return TestClient(app, headers={TOKEN_HEADER: TOKEN})


def post(client: TestClient, body: bytes):
    return client.post("/api/matches", content=body,
                       headers={"content-type": "application/json"})


def test_a_body_nested_100000_deep_is_a_400(region_file):
    """[[[[...]]]] 100,000 deep: 400 'nested too deep' in JSON, the server goes on."""
    client = client_of(region_file)
    deep = b"[" * 100_000 + b"]" * 100_000
    answer = post(client, deep)
    assert answer.status_code == 400 and "nested too deep" in answer.json()["error"]
    inside = b'{"action": "accept", "masterplan": ' + deep + b"}"
    assert post(client, inside).status_code == 400
    assert client.get("/api/state").status_code == 200


def test_a_body_too_large_is_a_413(region_file):
    """A body above MAX_BODY is refused before it is parsed, with its limit."""
    answer = post(client_of(region_file), b" " * (MAX_BODY + 1))
    assert answer.status_code == 413 and f"{MAX_BODY:,} bytes" in answer.json()["error"]


def test_the_page_of_a_deleted_file_says_it_is_gone(region_file):
    """GET / after the file was deleted: 410 and a page saying so in its language; the API
    says 410 in JSON."""
    client = client_of(region_file)
    region_file.unlink()
    page = client.get("/")
    assert page.status_code == 410 and "text/html" in page.headers["content-type"]
    assert "is gone" in page.text and region_file.name in page.text
    assert "tidak ada lagi" in client.get("/?lang=id").text
    state = client.get("/api/state")
    assert state.status_code == 410 and "is gone" in state.json()["error"]
    action = client.post("/api/matches", json={"action": "accept", "masterplan": "SP1",
                                               "rpjmd": "P1"})
    assert action.status_code == 410 and "tidak" not in action.json()["message"]


def test_unknown_paths_and_methods_answer_json(region_file):
    """404 and 405 are JSON like every other answer."""
    client = client_of(region_file)
    missing = client.get("/nowhere")
    assert missing.status_code == 404 and "error" in missing.json()
    wrong = client.put("/api/state")
    assert wrong.status_code == 405 and "error" in wrong.json()


def test_a_rule_pack_failing_on_the_file_is_a_json_500_naming_the_rule(region_file, caplog):
    """A classifier whose rule raises: 500 in JSON naming the rule, one log line."""
    from smartsync.engine import Classifier
    from smartsync.facts import StageCoverage
    from smartsync.rules import Rule
    from smartsync.variants import default_packs

    class Broken:
        @Rule(StageCoverage(stage="program"))
        def breaks_here(self):
            """Raises."""
            raise KeyError("no such thing")

    client = client_of(region_file, classifier=Classifier(default_packs() + (Broken,)))
    with caplog.at_level(logging.ERROR, logger="smartsync.review"):
        answer = client.get("/api/state")
    assert answer.status_code == 500 and "breaks_here" in answer.json()["error"]
    assert len(caplog.records) == 1 and "Traceback" not in caplog.text


def test_a_client_going_away_mid_body_is_one_log_line(region_file, caplog):
    """The client sends part of its body and disconnects: one warning line, no traceback,
    nothing written."""
    app = create_app(ReviewSession(region_file), TOKEN, hosts=["testserver"])
    before = region_file.read_bytes()
    messages = [{"type": "http.request", "body": b'{"action": "acc', "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
             "method": "POST", "scheme": "http", "path": "/api/matches", "raw_path":
             b"/api/matches", "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                         (TOKEN_HEADER.lower().encode(), TOKEN.encode())],
             "client": ("127.0.0.1", 5000), "server": ("testserver", 80)}
    with caplog.at_level(logging.WARNING, logger="smartsync.review"):
        asyncio.run(app(scope, receive, send))
    assert len(caplog.records) == 1 and "went away" in caplog.text
    assert "Traceback" not in caplog.text and caplog.records[0].exc_info is None
    assert region_file.read_bytes() == before
