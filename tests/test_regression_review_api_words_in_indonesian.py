"""The review API under ``lang=id`` gave the file's problems and an unknown-id error in
English (newuser F170), while the command line said them in Indonesian. The problems, an
unknown element (with its "did you mean" or "swapped" hint), an unknown relation and an
empty note are now in the language asked for; ``error`` keeps the English."""

from __future__ import annotations

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
from smartsync.review.app import TOKEN_HEADER, create_app  # noqa: E402

TOKEN = "t0ken-for-tests"


@pytest.fixture
def client(tmp_path: Path) -> TestClient:
    path = tmp_path / "kota-uji.yaml"
    # P2 without its budget: the file then has a warning to say
    path.write_text(REGION_YAML.replace("budget: 500000, ", "", 1), encoding="utf-8")
    app = create_app(ReviewSession(path), TOKEN, hosts=["testserver"])
    return TestClient(app, headers={TOKEN_HEADER: TOKEN})


def test_the_files_problems_follow_the_language(client: TestClient) -> None:
    """P2's missing pagu: Indonesian under lang=id, English without."""
    said = client.get("/api/state", params={"lang": "id"}).json()["problems"]
    assert any("program tidak memiliki pagu indikatif" in p["message"] for p in said), said
    english = client.get("/api/state").json()["problems"]
    assert any("program has no budget" in p["message"] for p in english), english


@pytest.mark.parametrize("action, english, indonesian", [
    ({"action": "add", "masterplan": "SP1", "rpjmd": "P11", "relation": "aligned"},
     "unknown RPJMD element 'P11' (did you mean 'P1'?)",
     "Tidak ada unsur RPJMD 'P11' dalam berkas (maksudnya 'P1'?)."),
    ({"action": "add", "masterplan": "P1", "rpjmd": "P2", "relation": "aligned"},
     "'P1' is an element of the other plan",
     "'P1' adalah unsur RPJMD. Apakah sisi masterplan dan RPJMD tertukar?"),
    ({"action": "add", "masterplan": "SP1", "rpjmd": "P2", "relation": "selarass"},
     "unknown relation 'selarass'",
     "Relasi 'selarass' tidak dikenal (maksudnya 'selaras'?)"),
    ({"action": "add", "masterplan": "SP1", "rpjmd": "P2", "relation": "aligned", "note": " "},
     "note must be a non-empty text", "Catatan harus berupa teks yang tidak kosong."),
])
def test_an_action_refused_is_said_in_the_language(client: TestClient, action, english,
                                                    indonesian) -> None:
    """400, ``error`` in English, ``message`` in Indonesian under lang=id."""
    answer = client.post("/api/matches", params={"lang": "id"}, json=action)
    assert answer.status_code == 400
    body = answer.json()
    assert english in body["error"], body
    assert indonesian in body["message"], body
