"""The review page end to end: ``smartsync review`` serving a file, headless Chromium using the page
as a planner does (keyboard, buttons, the add form, the language switch), and the file read
back after each action. Driven over the DevTools pipe (tests/test_report_browser.py's helper);
skipped without /usr/bin/chromium or without the review extra."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

import smartsync  # noqa: E402
from smartsync.messages import text  # noqa: E402
from review_fixture import REGION_YAML  # noqa: E402
from test_report_browser import Chromium  # noqa: E402  (skips this module without chromium)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Server:
    """``smartsync review FILE --no-browser`` in a process of its own."""

    def __init__(self, path: Path, *extra: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "smartsync", "review", str(path), "--no-browser", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()
        assert self.url.startswith("http://127.0.0.1:"), self.process.stderr.read() if self.process.stderr else ""
        self.base = self.url.split("/?")[0]

    def stop(self) -> str:
        self.process.send_signal(signal.SIGINT)
        _, err = self.process.communicate(timeout=30)
        assert self.process.returncode == 0, err
        return err


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    path = tmp_path / "kota-uji.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    server = Server(path)
    yield path, server
    assert "Traceback" not in server.stop()


def wait_for(browser: Chromium, expression: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = browser.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}; status: {status(browser)!r}")
        time.sleep(0.05)


def press(browser: Chromium, key: str) -> None:
    code = {"ArrowDown": "ArrowDown", "ArrowUp": "ArrowUp"}.get(key, f"Key{key.upper()}" if key.isalpha() else f"Digit{key}")
    text = key if len(key) == 1 else ""
    browser.call("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "code": code, "text": text},
                 session=True)
    browser.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": key, "code": code}, session=True)


def status(browser: Chromium) -> str:
    return browser.evaluate("document.getElementById('status').textContent")


def saved(browser: Chromium, before: str) -> str:
    """Wait until the page shows a version other than ``before`` (the action's answer came)."""
    wait_for(browser, f"document.querySelector('.review').dataset.version !== {before!r}")
    return browser.evaluate("document.querySelector('.review').dataset.version")


def version(browser: Chromium) -> str:
    return browser.evaluate("document.querySelector('.review').dataset.version")


def file_version(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


SUGGESTIONS = ("Array.from(document.querySelectorAll('li.suggestion'))"
               ".map(li => li.dataset.masterplan + '>' + li.dataset.rpjmd)")
CURRENT = "(li => li && li.dataset.masterplan + '>' + li.dataset.rpjmd)(document.querySelector('li.suggestion.current'))"
BADGE = "document.querySelector('#type .badge').textContent"


def test_review_a_region_in_the_browser(browser: Chromium, served: tuple[Path, Server]) -> None:
    path, server = served
    browser.open(server.url)
    assert browser.console_errors() == []
    assert browser.evaluate(SUGGESTIONS) == ["SP1>P1", "SP2>P2", "SP2>P1"]
    assert browser.evaluate("document.querySelectorAll('path.match[data-source=suggested]').length") == 3
    assert browser.evaluate(BADGE) == "D"
    assert browser.evaluate(CURRENT) == "SP1>P1"  # the first suggestion is selected
    # the selected suggestion's line is brought forward in the diagram
    assert browser.evaluate("document.querySelector('path.match.current').dataset.masterplan") == "SP1"
    assert version(browser) == file_version(path)

    # a accepts the selected suggestion: it becomes manual, in the file at once
    before = version(browser)
    press(browser, "a")
    assert saved(browser, before) == file_version(path)
    assert status(browser) == "Accepted and saved."
    region = smartsync.load_region(path)
    assert [(m.key, m.source.value) for m in region.matches][:1] == [(("SP1", "P1"), "manual")]
    assert "# looks right" in path.read_text(encoding="utf-8")
    assert browser.evaluate(SUGGESTIONS) == ["SP2>P2", "SP2>P1"]

    # j moves to the next one, r rejects it: it leaves the file and is remembered
    press(browser, "j")
    assert browser.evaluate(CURRENT) == "SP2>P1"
    before = version(browser)
    press(browser, "r")
    saved(browser, before)
    region = smartsync.load_region(path)
    assert ("SP2", "P1") not in {m.key for m in region.matches}
    assert [r.key for r in region.rejected] == [("SP2", "P1")]
    assert browser.evaluate(SUGGESTIONS) == ["SP2>P2"]
    assert browser.evaluate("document.querySelectorAll('#review-rejected li').length") == 1

    # add a match by picking the two boxes in the diagram and a relation: the type changes
    browser.evaluate("document.querySelector('g.element[data-plan=masterplan][data-id=SM1]')"
                     ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    browser.evaluate("document.querySelector('g.element[data-plan=rpjmd][data-id=M1]')"
                     ".dispatchEvent(new MouseEvent('click', {bubbles: true}))")
    assert browser.evaluate("document.getElementById('add-masterplan').value") == "SM1"
    assert browser.evaluate("document.getElementById('add-rpjmd').value") == "M1"
    # RPJMD elements of another level cannot be picked for a mission
    assert browser.evaluate("document.querySelector('#add-rpjmd option[value=P1]').disabled") is True
    browser.evaluate("(s => { s.value = 'derived'; })(document.getElementById('add-relation'))")
    before = version(browser)
    browser.evaluate("document.getElementById('add-button').click()")
    saved(browser, before)
    assert browser.evaluate(BADGE) == "B"
    assert "type B" in browser.evaluate("document.querySelector('#type .type-name').textContent")
    assert smartsync.load_region(path).matches[-1].key == ("SM1", "M1")
    assert smartsync.classify(smartsync.load_region(path)).type_letter == "B"
    # what to change now speaks of type A
    assert browser.evaluate("document.querySelector('#review-advice .to-reach').dataset.type") == "A"

    # change the relation of the remaining suggestion with the keyboard (1: adopted)
    before = version(browser)
    press(browser, "1")
    saved(browser, before)
    assert {m.key: m.relation.value for m in smartsync.load_region(path).matches}[("SP2", "P2")] == "adopted"

    # English and Indonesian
    browser.evaluate("document.querySelector('[data-set-lang=id]').click()")
    heading = text("review.suggestions", "id", count=1)
    wait_for(browser, f"document.querySelector('#review-suggestions h2').textContent === {heading!r}")
    assert browser.evaluate("document.querySelector('#review-add h2').textContent") == text("review.add", "id")
    assert text("review.add", "id") != text("review.add", "en")
    assert browser.evaluate("document.documentElement.lang") == "id"

    assert browser.console_errors() == []
    # nothing was asked of anyone but the review server on 127.0.0.1
    requests = browser.requests()
    assert requests and all(url.startswith(server.base + "/") for url in requests if not url.startswith("data:"))


def test_a_file_changed_on_disk_is_refused_and_the_page_reloads(browser: Chromium,
                                                                served: tuple[Path, Server]) -> None:
    path, server = served
    browser.open(server.url)
    loaded = version(browser)
    edited = REGION_YAML.replace("# end of file", "# end of file (edited in another editor)")
    path.write_text(edited, encoding="utf-8")
    press(browser, "a")
    saved(browser, loaded)  # the page now shows the file as it is on disk
    assert version(browser) == file_version(path)
    assert "changed on disk" in status(browser)
    assert browser.evaluate("document.getElementById('status').className") == "status error"
    assert path.read_text(encoding="utf-8") == edited  # nothing was written
    assert browser.evaluate(SUGGESTIONS) == ["SP1>P1", "SP2>P2", "SP2>P1"]
    # the same action, decided on the file as it is now, goes through
    before = version(browser)
    press(browser, "a")
    saved(browser, before)
    assert smartsync.load_region(path).matches[0].source is smartsync.Source.MANUAL
    assert "(edited in another editor)" in path.read_text(encoding="utf-8")


def test_hostile_texts_stay_text_in_the_page(browser: Chromium, tmp_path: Path) -> None:
    hostile = REGION_YAML.replace(
        "text: Aplikasi layanan informatika terpadu",
        "text: '<img src=x onerror=\"document.title=1\"><script>document.title=2</script>'").replace(
        "note: shared affairs", "note: \"<b id=pwned>bold</b>\"").replace(
        "text: Aplikasi pengelolaan persampahan}",
        "text: Aplikasi pengelolaan persampahan, provenance: {file: buku2.pdf, page: 57}, "
        "confidence: {score: 0.4, reasons: [\"<i>merged</i> cell\"]}}")
    path = tmp_path / "hostile.yaml"
    path.write_text(hostile, encoding="utf-8")
    server = Server(path)
    try:
        browser.open(server.url)
        assert browser.evaluate("document.querySelectorAll('img, #pwned').length") == 0
        assert browser.evaluate("document.title").endswith("smartsync review")
        assert "<script>document.title=2</script>" in browser.evaluate(
            "document.querySelector('li.suggestion .texts .mp').textContent")
        # the drafted element with a low confidence is outlined in the diagram and listed
        assert browser.evaluate("Array.from(document.querySelectorAll('g.element.low-confidence'))"
                                ".map(g => g.dataset.id)") == ["SP2"]
        assert browser.evaluate("document.querySelector('li.drafted .reasons').textContent") == "<i>merged</i> cell"
        assert browser.console_errors() == []
    finally:
        server.stop()


def test_without_the_token_the_page_is_refused(browser: Chromium, served: tuple[Path, Server]) -> None:
    _, server = served
    browser.open(server.base + "/")
    assert "token" in browser.evaluate("document.body.textContent")
    assert browser.evaluate("document.querySelector('.review')") is None
