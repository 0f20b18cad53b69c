"""``smartsync review`` as a planner runs it: a real server on 127.0.0.1, its address on the
first line, the token checked, Ctrl-C ending it cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

from smartsync.cli import main  # noqa: E402
from review_fixture import REGION_YAML  # noqa: E402


def _get(url: str, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=20) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def test_review_serves_on_localhost_until_interrupted(tmp_path: Path) -> None:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "smartsync", "review", str(path), "--no-browser", "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "BROWSER": "false"})
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url
        base, token = url.split("/?token=")
        assert len(token) >= 40
        status, body = _get(url)
        assert status == 200 and b"Kota Uji" in body
        assert _get(base + "/api/state")[0] == 403
        assert _get(base + "/api/state?token=wrong")[0] == 403
        status, body = _get(base + "/api/state?token=" + token)
        assert status == 200 and json.loads(body)["type"] == "program"
        port = base.rsplit(":", 1)[1]
        assert _get(f"http://localhost:{port}/api/state?token={token}")[0] == 200
        assert _get(base + "/api/state?token=" + token, Host=f"attacker.example:{port}")[0] == 403
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "review stopped" in out


def test_review_refuses_a_file_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(REGION_YAML.replace("level: mission, parent: SV", "level: misson, parent: SV"))
    assert main(["review", str(path), "--no-browser"]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "misson" in err and "mission" in err


def test_review_refuses_a_missing_file_and_a_bad_port(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "nowhere.yaml"), "--no-browser"]) == 1
    assert "no such file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as stop:
        main(["review", str(tmp_path / "nowhere.yaml"), "--port", "70000"])
    assert stop.value.code == 2


def test_review_opens_the_browser_on_the_page(tmp_path: Path) -> None:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    opened = tmp_path / "opened.txt"
    # webbrowser runs $BROWSER with the address for %s
    browser = f"{sys.executable} -c \"import sys; open({str(opened)!r}, 'w').write(sys.argv[1])\" %s"
    process = subprocess.Popen([sys.executable, "-m", "smartsync", "review", str(path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "BROWSER": browser})
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        deadline = time.monotonic() + 60  # waits on the browser's file, however loaded the machine
        while not (opened.exists() and opened.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text() == url
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
