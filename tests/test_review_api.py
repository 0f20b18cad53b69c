"""The review server's API through Starlette's test client: every action, the token,
Host and Origin checks, the conflict and the bad-request paths, escaping, and the
file as it is read back after each action (comments and layout kept)."""

from __future__ import annotations

import difflib
import json
import warnings
from pathlib import Path

import attrs
import pytest

pytest.importorskip("starlette")
pytest.importorskip("httpx")
with warnings.catch_warnings():
    # newer Starlette prefers httpx2 for its test client; httpx works with every supported version
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

import smartsync  # noqa: E402
from smartsync.cli import main  # noqa: E402
from smartsync.review import ReviewSession  # noqa: E402
from smartsync.review.app import TOKEN_HEADER, create_app  # noqa: E402
from review_fixture import REGION_YAML  # noqa: E402

TOKEN = "t0ken-for-tests"


def _client(path: Path, token: str = TOKEN) -> TestClient:
    app = create_app(ReviewSession(path), token, hosts=["testserver"])
    return TestClient(app, headers={TOKEN_HEADER: token})


@pytest.fixture
def region_file(tmp_path: Path) -> Path:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    return path


@pytest.fixture
def client(region_file: Path) -> TestClient:
    return _client(region_file)


def _post(client: TestClient, **action: object):
    return client.post("/api/matches", json=action)


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def _status(state: dict, pair: tuple[str, str]) -> str | None:
    for m in state["matches"]:
        if (m["masterplan"], m["rpjmd"]) == pair:
            return m["status"]
    return None


# ------------------------------------------------------------------ the token, Host, Origin


def test_every_route_needs_the_token(region_file: Path) -> None:
    bare = TestClient(create_app(ReviewSession(region_file), TOKEN, hosts=["testserver"]))
    for method, url in (("GET", "/"), ("GET", "/api/state"), ("POST", "/api/matches")):
        answer = bare.request(method, url, json={"action": "accept", "masterplan": "SP1", "rpjmd": "P1"})
        assert answer.status_code == 403, url
        assert "token" in answer.json()["error"]
    assert bare.get("/api/state", headers={TOKEN_HEADER: "t0ken-for-testz"}).status_code == 403
    assert bare.get("/api/state", params={"token": TOKEN[:-1]}).status_code == 403
    assert bare.get("/api/state", params={"token": TOKEN}).status_code == 200
    assert bare.get("/", params={"token": TOKEN}).status_code == 200
    assert region_file.read_text(encoding="utf-8") == REGION_YAML


def test_another_host_or_origin_is_refused_even_with_the_token(client: TestClient, region_file: Path) -> None:
    # DNS rebinding: a name of the attacker's that now points at 127.0.0.1
    answer = client.get("/api/state", headers={"Host": "evil.example:8080"})
    assert answer.status_code == 403 and "host" in answer.json()["error"]
    # a page of another site posting to the server
    answer = client.post("/api/matches", headers={"Origin": "http://evil.example"},
                         json={"action": "reject", "masterplan": "SP1", "rpjmd": "P1"})
    assert answer.status_code == 403
    answer = client.post("/api/matches", headers={"Sec-Fetch-Site": "cross-site"},
                         json={"action": "reject", "masterplan": "SP1", "rpjmd": "P1"})
    assert answer.status_code == 403
    assert region_file.read_text(encoding="utf-8") == REGION_YAML
    # the page itself may
    answer = client.get("/api/state", headers={"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"})
    assert answer.status_code == 200


def test_a_form_post_is_not_an_action(client: TestClient, region_file: Path) -> None:
    answer = client.post("/api/matches", data={"action": "reject", "masterplan": "SP1", "rpjmd": "P1"})
    assert answer.status_code == 415
    assert region_file.read_text(encoding="utf-8") == REGION_YAML


def test_the_page_is_self_contained_with_a_content_security_policy(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 200
    policy = answer.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    page = answer.text
    assert f'<script nonce="{nonce}">' in page
    assert page.count("<script") == 1
    assert "http://" not in page and "https://" not in page and "//cdn" not in page
    assert answer.headers["referrer-policy"] == "no-referrer"
    assert answer.headers["cache-control"] == "no-store"
    assert 'data-source="suggested"' in page  # the suggestions are drawn dashed
    assert 'stroke-dasharray="6 4"' in page


# ------------------------------------------------------------------ the state


def test_state_lists_matches_with_status_type_and_stages(client: TestClient, region_file: Path) -> None:
    state = client.get("/api/state").json()
    assert state["valid"] and state["type"] == "program" and state["type_letter"] == "D"
    assert [(m["masterplan"], m["rpjmd"], m["status"]) for m in state["matches"]] == [
        ("SP1", "P1", "suggested"), ("SP2", "P2", "suggested"), ("SP2", "P1", "suggested")]
    assert state["matches"][0]["evidence"] == ["aplikasi", "informatika"]
    assert state["matches"][1]["note"] == "shared affairs"
    assert state["stages"]["program"]["synchronized"] == 2
    assert state["version"] == __import__("hashlib").sha256(region_file.read_bytes()).hexdigest()
    assert "to_reach" in state
    assert "html" not in state
    assert "html" in client.get("/api/state", params={"view": "html"}).json()
    indonesian = client.get("/api/state", params={"lang": "id"}).json()
    assert indonesian["type_label"] != state["type_label"]
    assert client.get("/api/state", params={"lang": "fr"}).status_code == 400


# ------------------------------------------------------------------ the actions


def test_accept_makes_the_match_manual_changing_one_value(client: TestClient, region_file: Path) -> None:
    state = _post(client, action="accept", masterplan="SP1", rpjmd="P1").json()
    assert _status(state, ("SP1", "P1")) == "manual"
    after = region_file.read_text(encoding="utf-8")
    assert _changed_lines(REGION_YAML, after) == [
        "-  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: suggested, score: 0.71, "
        "evidence: [aplikasi, informatika]}  # looks right",
        "+  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: manual, score: 0.71, "
        "evidence: [aplikasi, informatika]}  # looks right",
    ]
    region = smartsync.load_region(region_file)
    assert region.matches[0].source is smartsync.Source.MANUAL
    assert state["version"] != client.get("/api/state").json()["version"] or True
    # accepting again changes nothing
    again = _post(client, action="accept", masterplan="SP1", rpjmd="P1")
    assert again.status_code == 200 and region_file.read_text(encoding="utf-8") == after


def test_reject_removes_the_match_and_remembers_it(client: TestClient, region_file: Path) -> None:
    state = _post(client, action="reject", masterplan="SP2", rpjmd="P1").json()
    assert _status(state, ("SP2", "P1")) is None
    assert state["rejected"] == [{"masterplan": "SP2", "rpjmd": "P1", "level": "program", "note": None}]
    after = region_file.read_text(encoding="utf-8")
    assert _changed_lines(REGION_YAML, after) == [
        "-  - {masterplan: SP2, rpjmd: P1, relation: aligned, source: suggested, score: 0.31, evidence: [aplikasi]}",
        "+rejected:",
        "+  - {masterplan: SP2, rpjmd: P1}",
    ]
    assert "# suggestions from smartsync match --write, to review" in after
    assert after.index("# end of file") < after.index("rejected:")
    region = smartsync.load_region(region_file)
    assert [r.key for r in region.rejected] == [("SP2", "P1")]
    # never proposed again, at any threshold, by suggest_matches or match --write: with a word
    # of P1 shared (the two share only "aplikasi", a tool word that weighs like a generic
    # one, so they score 0), the pair is proposed unless rejected
    shared = attrs.evolve(region, rpjmd=attrs.evolve(region.rpjmd, elements=[
        attrs.evolve(e, text=e.text + " persampahan") if e.id == "P1" else e
        for e in region.rpjmd.elements]))
    unrejected = attrs.evolve(shared, rejected=())
    assert ("SP2", "P1") in {m.key for m in smartsync.suggest_matches(unrejected, threshold=0.05, top=None)}
    assert ("SP2", "P1") not in {m.key for m in smartsync.suggest_matches(shared, threshold=0.05, top=None)}
    assert main(["match", str(region_file), "--write", "--threshold", "0.05", "--top", "0"]) == 0
    written = smartsync.load_region(region_file)
    assert ("SP2", "P1") not in {m.key for m in written.matches}
    assert len(written.matches) > len(region.matches)  # it did write other suggestions


def test_reject_a_second_pair_joins_the_rejected_list(client: TestClient, region_file: Path) -> None:
    _post(client, action="reject", masterplan="SP2", rpjmd="P1")
    state = _post(client, action="reject", masterplan="SP2", rpjmd="P2", note="not the same service").json()
    assert [(r["masterplan"], r["rpjmd"], r["note"]) for r in state["rejected"]] == [
        ("SP2", "P1", None), ("SP2", "P2", "not the same service")]
    text = region_file.read_text(encoding="utf-8")
    assert text.endswith("rejected:\n  - {masterplan: SP2, rpjmd: P1}\n"
                         '  - {masterplan: SP2, rpjmd: P2, note: "not the same service"}\n')


def test_relation_changes_one_value(client: TestClient, region_file: Path) -> None:
    state = _post(client, action="relation", masterplan="SP2", rpjmd="P2", relation="derived").json()
    assert [m["relation"] for m in state["matches"] if m["masterplan"] == "SP2" and m["rpjmd"] == "P2"] == ["derived"]
    assert _status(state, ("SP2", "P2")) == "suggested"  # changing the relation is not accepting
    changed = _changed_lines(REGION_YAML, region_file.read_text(encoding="utf-8"))
    assert changed == [
        "-  - {masterplan: SP2, rpjmd: P2, relation: aligned, source: suggested, score: 0.66, "
        "evidence: [persampahan], note: shared affairs}",
        "+  - {masterplan: SP2, rpjmd: P2, relation: derived, source: suggested, score: 0.66, "
        "evidence: [persampahan], note: shared affairs}",
    ]


def test_add_changes_the_type(client: TestClient, region_file: Path) -> None:
    before = client.get("/api/state", params={"view": "html"}).json()
    assert before["type"] == "program"
    # what to change: one mission match reaches type B, and the matcher proposes it
    assert before["to_reach"]["B"]["needed"] == {"mission": 1, "target": 0, "program": 0}
    assert [(p["masterplan"], p["rpjmd"]) for p in before["to_reach"]["B"]["proposal"]] == [("SM1", "M1")]
    assert before["to_reach"]["C"]["reachable"] is False
    assert '<div class="to-reach" data-type="B" data-reachable="true"' in before["html"]
    state = _post(client, action="add", masterplan="SM1", rpjmd="M1", relation="derived").json()
    assert state["type"] == "mission" and state["type_letter"] == "B"
    assert sorted(state["to_reach"]) == ["A"]
    assert state["stages"]["mission"]["synchronized"] == 1
    changed = _changed_lines(REGION_YAML, region_file.read_text(encoding="utf-8"))
    assert changed == ["+  - {masterplan: SM1, rpjmd: M1, relation: derived, source: manual}"]
    added = smartsync.load_region(region_file).matches[-1]
    assert added.key == ("SM1", "M1") and added.source is smartsync.Source.MANUAL


def test_add_a_rejected_pair_takes_it_off_the_rejected_list(client: TestClient, region_file: Path) -> None:
    _post(client, action="reject", masterplan="SP2", rpjmd="P1")
    state = _post(client, action="add", masterplan="SP2", rpjmd="P1", relation="aligned").json()
    assert state["rejected"] == []
    assert _status(state, ("SP2", "P1")) == "manual"
    region = smartsync.load_region(region_file)
    assert region.rejected == () and ("SP2", "P1") in {m.key for m in region.matches}


def test_actions_on_a_json_file_keep_its_layout(tmp_path: Path) -> None:
    region = smartsync.read_region(REGION_YAML)
    path = tmp_path / "kota-uji.json"
    smartsync.dump_region(region, path)
    original = path.read_text(encoding="utf-8")
    client = _client(path)
    assert _post(client, action="accept", masterplan="SP1", rpjmd="P1").status_code == 200
    assert _post(client, action="reject", masterplan="SP2", rpjmd="P1").status_code == 200
    assert _post(client, action="relation", masterplan="SP2", rpjmd="P2", relation="adopted").status_code == 200
    assert _post(client, action="add", masterplan="SM1", rpjmd="M1", relation="derived").status_code == 200
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert [(m["masterplan"], m["rpjmd"], m["relation"], m["source"]) for m in data["matches"]] == [
        ("SP1", "P1", "aligned", "manual"), ("SP2", "P2", "adopted", "suggested"),
        ("SM1", "M1", "derived", "manual")]
    assert data["rejected"] == [{"masterplan": "SP2", "rpjmd": "P1"}]
    # the elements' part of the file is untouched, byte for byte
    head = original[: original.index('"matches"')]
    assert text.startswith(head)


# ------------------------------------------------------------------ refusals


def test_a_file_changed_on_disk_is_a_conflict_and_nothing_is_written(client: TestClient,
                                                                      region_file: Path) -> None:
    loaded = client.get("/api/state").json()
    edited = REGION_YAML.replace("Kota Uji: a region", "Kota Uji (edited elsewhere): a region")
    region_file.write_text(edited, encoding="utf-8")
    answer = _post(client, action="accept", masterplan="SP1", rpjmd="P1", version=loaded["version"])
    assert answer.status_code == 409
    body = answer.json()
    assert "changed on disk" in body["error"]
    assert body["state"]["version"] != loaded["version"]  # the page reloads the file as it is
    assert _status(body["state"], ("SP1", "P1")) == "suggested"
    assert region_file.read_text(encoding="utf-8") == edited
    # decided on the state as it is now, the action goes through
    answer = _post(client, action="accept", masterplan="SP1", rpjmd="P1", version=body["state"]["version"])
    assert answer.status_code == 200


@pytest.mark.parametrize("action, message", [
    ({"action": "accept", "masterplan": "SP01", "rpjmd": "P1"}, "unknown masterplan element 'SP01' (did you mean 'SP1'?)"),
    ({"action": "reject", "masterplan": "SP1", "rpjmd": "p1"}, "unknown RPJMD element 'p1' (did you mean 'P1'?)"),
    ({"action": "add", "masterplan": "P1", "rpjmd": "SP1", "relation": "aligned"}, "swapped"),
    ({"action": "add", "masterplan": "SM1", "rpjmd": "P1", "relation": "aligned"},
     "SM1 is a masterplan mission and P1 an RPJMD program: a match links elements of the same level"),
    ({"action": "add", "masterplan": "SP1", "rpjmd": "P1", "relation": "aligned"}, "matched already"),
    ({"action": "add", "masterplan": "SM1", "rpjmd": "M1", "relation": "alligned"}, "did you mean 'aligned'?"),
    ({"action": "add", "masterplan": "SM1", "rpjmd": "M1"}, "unknown relation None"),
    ({"action": "acept", "masterplan": "SP1", "rpjmd": "P1"}, "did you mean 'accept'?"),
    ({"action": "accept", "masterplan": "SP1", "rpjmd": "P2"}, "there is no match SP1 -> P2"),
    ({"action": "accept", "rpjmd": "P2"}, "masterplan must be the id of a masterplan element"),
    ({"action": "reject", "masterplan": "SP2", "rpjmd": "P1", "note": ""}, "note must be a non-empty text"),
    (["accept"], "must be a JSON object"),
    ({"action": "add", "masterplan": "SM1", "rpjmd": "M1", "relaton": "aligned"},
     "unknown key 'relaton' in the action; expected action, masterplan, rpjmd, relation, note, version "
     "(did you mean 'relation'?)"),
])
def test_a_bad_action_is_a_400_naming_what_is_wrong(client: TestClient, region_file: Path,
                                                    action: object, message: str) -> None:
    answer = client.post("/api/matches", json=action)
    assert answer.status_code == 400
    assert message in answer.json()["error"]
    assert region_file.read_text(encoding="utf-8") == REGION_YAML


def test_a_body_that_is_not_json_is_a_400(client: TestClient) -> None:
    answer = client.post("/api/matches", content=b"{not json", headers={"Content-Type": "application/json"})
    assert answer.status_code == 400 and "not valid JSON" in answer.json()["error"]


def test_a_file_that_no_longer_reads_is_shown_with_its_problems(client: TestClient, region_file: Path) -> None:
    region_file.write_text(REGION_YAML.replace("level: program, parent: SM1, dimension: governance",
                                               "level: programme, parent: SM1, dimension: governance"))
    state = client.get("/api/state").json()
    assert state["valid"] is False
    assert any("programme" in p["message"] for p in state["problems"])
    answer = _post(client, action="accept", masterplan="SP1", rpjmd="P1")
    assert answer.status_code == 400 and "has errors" in answer.json()["error"]
    page = client.get("/")
    assert page.status_code == 200 and "programme" in page.text


# ------------------------------------------------------------------ hostile texts


def test_hostile_plan_texts_are_escaped_in_the_page(tmp_path: Path) -> None:
    hostile = REGION_YAML.replace(
        "text: Aplikasi layanan informatika terpadu",
        "text: '</script><script>alert(1)</script><img src=x onerror=alert(2)>'").replace(
        "name: Kota Uji", "name: \"Kota <b onmouseover='alert(3)'>Uji\"").replace(
        "note: shared affairs", "note: \"'\\\"><svg onload=alert(4)>\"")
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    client = _client(path)
    for page in (client.get("/").text, client.get("/api/state", params={"view": "html"}).json()["html"]):
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "<b onmouseover" not in page
        assert "<svg onload" not in page
        assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page
    assert client.get("/").text.count("<script") == 1


def test_a_link_or_a_read_only_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text(REGION_YAML, encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    answer = _post(_client(link), action="accept", masterplan="SP1", rpjmd="P1")
    assert answer.status_code == 400 and "symbolic link" in answer.json()["error"]
    assert link.is_symlink() and real.read_text(encoding="utf-8") == REGION_YAML
    real.chmod(0o444)
    try:  # refused by its mode, even for root
        answer = _post(_client(real), action="accept", masterplan="SP1", rpjmd="P1")
        assert answer.status_code == 400 and "read-only" in answer.json()["error"]
        assert real.read_text(encoding="utf-8") == REGION_YAML
    finally:
        real.chmod(0o644)


def test_drafted_elements_with_low_confidence_are_marked_with_their_source(tmp_path: Path) -> None:
    drafted = REGION_YAML.replace(
        "    - {id: SP2, level: program, parent: SM1, dimension: environment, text: Aplikasi pengelolaan persampahan}",
        "    - id: SP2\n      level: program\n      parent: SM1\n      dimension: environment\n"
        "      text: Aplikasi pengelolaan persampahan\n"
        "      provenance: {file: masterplan-buku2.pdf, page: 57, printed_page: \"V-3\", "
        "text: \"3. Aplikasi pengelolaan <persampahan>\"}\n"
        "      confidence: {score: 0.45, reasons: [merged cell filled from above]}\n")
    path = tmp_path / "drafted.yaml"
    path.write_text(drafted, encoding="utf-8")
    client = _client(path)
    state = client.get("/api/state", params={"view": "html"}).json()
    element = next(e for e in state["elements"]["masterplan"] if e["id"] == "SP2")
    assert element["confidence"] == {"score": 0.45, "reasons": ["merged cell filled from above"]}
    assert element["provenance"]["page"] == 57
    page = state["html"]
    assert '<li class="drafted" data-plan="masterplan" data-id="SP2" data-confidence="0.45">' in page
    assert "masterplan-buku2.pdf \u00b7 page 57 (V-3)" in page
    assert "3. Aplikasi pengelolaan &lt;persampahan&gt;" in page
    assert "merged cell filled from above" in page
    assert 'data-low-confidence="[&quot;masterplan:SP2&quot;]"' in page
    indonesian = client.get("/api/state", params={"view": "html", "lang": "id"}).json()["html"]
    from smartsync.messages import text

    assert text("review.page", "id", page=57) + " (V-3)" in indonesian
    assert text("review.page", "id", page=57) != text("review.page", "en", page=57)
    # an element drafted with full confidence is not marked
    sure = drafted.replace("confidence: {score: 0.45, reasons: [merged cell filled from above]}",
                           "confidence: 1")
    path.write_text(sure, encoding="utf-8")
    assert 'class="drafted"' not in client.get("/api/state", params={"view": "html"}).json()["html"]


def test_line_endings_and_byte_order_mark_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "windows.yaml"
    path.write_bytes(("\ufeff" + REGION_YAML).replace("\n", "\r\n").encode("utf-8"))
    client = _client(path)
    for action in ({"action": "accept", "masterplan": "SP1", "rpjmd": "P1"},
                   {"action": "reject", "masterplan": "SP2", "rpjmd": "P1"},
                   {"action": "relation", "masterplan": "SP2", "rpjmd": "P2", "relation": "derived"},
                   {"action": "add", "masterplan": "SM1", "rpjmd": "M1", "relation": "adopted"}):
        assert client.post("/api/matches", json=action).status_code == 200
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    assert _changed_lines(REGION_YAML, text) == [
        "-  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: suggested, score: 0.71, "
        "evidence: [aplikasi, informatika]}  # looks right",
        "-  - {masterplan: SP2, rpjmd: P2, relation: aligned, source: suggested, score: 0.66, "
        "evidence: [persampahan], note: shared affairs}",
        "-  - {masterplan: SP2, rpjmd: P1, relation: aligned, source: suggested, score: 0.31, evidence: [aplikasi]}",
        "+  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: manual, score: 0.71, "
        "evidence: [aplikasi, informatika]}  # looks right",
        "+  - {masterplan: SP2, rpjmd: P2, relation: derived, source: suggested, score: 0.66, "
        "evidence: [persampahan], note: shared affairs}",
        "+  - {masterplan: SM1, rpjmd: M1, relation: adopted, source: manual}",
        "+rejected:",
        "+  - {masterplan: SP2, rpjmd: P1}",
    ]


def test_errors_a_planner_can_meet_are_said_in_the_page_language(client: TestClient) -> None:
    from smartsync.messages import text

    action = {"action": "add", "masterplan": "SM1", "rpjmd": "P1", "relation": "aligned"}
    english = client.post("/api/matches", json=action).json()
    indonesian = client.post("/api/matches", params={"lang": "id"}, json=action).json()
    assert english["error"] == indonesian["error"]  # for scripts: one language
    assert english["message"] == text("review.error.level_mismatch", "en", masterplan="SM1", rpjmd="P1",
                                      level_masterplan="mission", level_rpjmd="program")
    assert indonesian["message"] == text("review.error.level_mismatch", "id", masterplan="SM1", rpjmd="P1",
                                         level_masterplan="misi", level_rpjmd="program")
    assert "misi" in indonesian["message"]
    assert indonesian["message"] != english["message"]


def test_a_region_drafted_from_documents_shows_what_to_check(tmp_path: Path) -> None:
    """smartsync draft -> match --write -> review: the elements the draft was not sure of are listed
    with the place they were read from."""
    pytest.importorskip("docx")
    data = Path(__file__).parent / "data" / "documents" / "fiktif"
    out = tmp_path / "region.yaml"
    assert main(["draft", "--rpjmd", str(data / "rpjmd.csv"), "--masterplan", str(data / "masterplan.docx"),
                 "--out", str(out), "--id", "9999", "--name", "Kota Fiktif", "--kind", "kota", "-q"]) == 0
    assert main(["match", str(out), "--write"]) == 0
    region = smartsync.load_region(out)
    unsure = [e for plan in (region.masterplan, region.rpjmd) for e in plan.elements
              if e.confidence is not None and e.confidence.score < 1]
    assert unsure
    state = _client(out).get("/api/state", params={"view": "html"}).json()
    assert state["html"].count('<li class="drafted"') == len(unsure)
    for element in unsure:
        assert f'data-id="{element.id}"' in state["html"]
        assert element.provenance is not None and element.provenance.file in state["html"]
    assert any(m["status"] == "suggested" for m in state["matches"])
