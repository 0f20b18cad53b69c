"""The review session's writes as a planner meets them through the review API: a file
changed by someone else while an action is being written is a conflict (409) and is left
as they wrote it; a pair rejected again is written to the rejected list once."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

import smartsync  # noqa: E402
import smartsync._files  # noqa: E402
from smartsync.review import ReviewSession  # noqa: E402
from smartsync.review.app import TOKEN_HEADER, create_app  # noqa: E402
from review_fixture import REGION_YAML  # noqa: E402

TOKEN = "t0ken-for-tests"


def _client(path: Path) -> TestClient:
    app = create_app(ReviewSession(path), TOKEN, hosts=["testserver"])
    return TestClient(app, headers={TOKEN_HEADER: TOKEN})


@pytest.mark.parametrize("action", [
    {"action": "accept", "masterplan": "SP1", "rpjmd": "P1"},
    {"action": "reject", "masterplan": "SP2", "rpjmd": "P1"},
    {"action": "relation", "masterplan": "SP2", "rpjmd": "P2", "relation": "derived"},
    {"action": "add", "masterplan": "SM1", "rpjmd": "M1", "relation": "derived"},
])
def test_a_file_changed_while_the_action_is_written_is_a_conflict(tmp_path: Path, monkeypatch,
                                                                  action: dict) -> None:
    """Another editor saving the file after the session read it (no version sent) gets a 409, and their file stays."""
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    theirs = REGION_YAML.replace("# end of file", "# end of file (saved by another editor)")
    real_check = smartsync._files.check_target
    saved = []

    def another_editor_saves(target, *args, **kwargs):  # type: ignore[no-untyped-def]
        # the session has read the file and decided the edit; the other editor saves now,
        # before the session opens the file to write it (once: not while it is replaced)
        if not saved:
            path.write_text(theirs, encoding="utf-8")
            saved.append(True)
        return real_check(target, *args, **kwargs)

    monkeypatch.setattr(smartsync._files, "check_target", another_editor_saves)
    answer = _client(path).post("/api/matches", json=action)
    assert answer.status_code == 409, answer.text
    body = answer.json()
    assert "changed on disk" in body["error"]
    assert path.read_text(encoding="utf-8") == theirs
    # the page is given the file as it is now to decide again
    assert body["state"]["version"] == smartsync.review.session.file_version(theirs.encode("utf-8"))


def test_a_pair_rejected_again_is_written_once(tmp_path: Path) -> None:
    """Rejecting a pair the file already lists as rejected (and still matches) removes the match and keeps one rejected entry."""
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML.replace(
        "# end of file\n", "# end of file\nrejected:\n  - {masterplan: SP2, rpjmd: P1, note: not the same service}\n"),
        encoding="utf-8")
    answer = _client(path).post("/api/matches", json={"action": "reject", "masterplan": "SP2", "rpjmd": "P1"})
    assert answer.status_code == 200, answer.text
    state = answer.json()
    assert [(r["masterplan"], r["rpjmd"], r["note"]) for r in state["rejected"]] == [
        ("SP2", "P1", "not the same service")]
    assert ("SP2", "P1") not in {(m["masterplan"], m["rpjmd"]) for m in state["matches"]}
    text = path.read_text(encoding="utf-8")
    assert text.count("masterplan: SP2, rpjmd: P1") == 1
    region = smartsync.load_region(path)
    assert [r.key for r in region.rejected] == [("SP2", "P1")]
    assert ("SP2", "P1") not in {m.key for m in region.matches}
