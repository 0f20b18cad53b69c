"""HTML reports as a person sees them: the pages opened in headless Chromium.

Chromium is driven over the DevTools protocol on ``--remote-debugging-pipe``
with the standard library only (no driver, no extra dependency): each page
is loaded from disk, counted and measured in the live DOM, screenshotted,
and printed to PDF. Debian's ``chromium`` package provides /usr/bin/chromium
(``.ci/run`` installs it); without it these tests are skipped, saying why.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import re
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from smartsync import load_region
from smartsync.render.diagram import RELATION_STYLE, UNSYNC_COLOUR
from smartsync.render.html import write_report
from test_render_html import _long_names, big_region, evil_region

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"

pytestmark = [pytest.mark.browser, pytest.mark.slow]

if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(f"no chromium at {CHROMIUM}: install Debian's chromium package "
                "(apt-get install chromium; .ci/run does) to open the HTML reports in a browser",
                allow_module_level=True)


class Chromium:
    """A headless Chromium spoken to over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, timeout: float = 60.0):
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="smartsync-chromium-")
        command_read, self._command_write = os.pipe()
        self._reply_read, reply_write = os.pipe()

        def child_fds() -> None:  # runs in the child before exec
            command = fcntl.fcntl(command_read, fcntl.F_DUPFD, 10)
            reply = fcntl.fcntl(reply_write, fcntl.F_DUPFD, 10)
            os.dup2(command, 3)
            os.dup2(reply, 4)

        self.process = subprocess.Popen(
            [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
             "--disable-extensions", f"--user-data-dir={self.profile}",
             "--remote-debugging-pipe", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=False, preexec_fn=child_fds)
        os.close(command_read)
        os.close(reply_write)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _read(self, until: Any, timeout: float) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                message = json.loads(raw)
                if until(message):
                    return message
                if "method" in message:
                    self.events.append(message)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer in time")
            ready, _, _ = select.select([self._reply_read], [], [], min(left, 0.5))
            if ready:
                chunk = os.read(self._reply_read, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium closed the pipe (exit {self.process.poll()})")
                self._buffer += chunk

    def call(self, method: str, params: dict[str, Any] | None = None, *,
             session: bool = False) -> dict[str, Any]:
        self._next_id += 1
        number = self._next_id
        message: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self._command_write, json.dumps(message).encode() + b"\0")
        reply = self._read(lambda m: m.get("id") == number, self.timeout)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def evaluate(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                           session=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, width: int = 1400, height: int = 1000) -> None:
        self.events.clear()
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=True)
        self.call("Page.navigate", {"url": url}, session=True)
        self._read(lambda m: m.get("method") == "Page.loadEventFired", self.timeout)
        self.settle()

    def settle(self, seconds: float = 0.3) -> None:
        """Collect the events that arrive in the next moment (late console messages)."""
        try:
            self._read(lambda m: False, seconds)
        except TimeoutError:
            pass

    def console_errors(self) -> list[str]:
        errors = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(f"uncaught: {params['exceptionDetails'].get('text')}")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
            elif method == "Page.javascriptDialogOpening":
                errors.append(f"dialog: {params.get('message')}")
        return errors

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e["method"] == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(10)
        for fd in (self._command_write, self._reply_read):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The bundled examples, a region with 70 programs per plan, one full of markup, one of
    ids and texts far wider than a box."""
    sources: list[Any] = sorted(EXAMPLES.glob("*.yaml")) + [big_region(70), evil_region(),
                                                             _long_names()]
    result = write_report(sources, tmp_path_factory.mktemp("report"))
    assert result.ok
    return result


PAGES = [p.stem for p in sorted(EXAMPLES.glob("*.yaml"))] + ["seventy-programs", "markup",
                                                              "long-names"]


def _rgb(colour: str) -> str:
    """``#0072B2`` as the browser's computed style writes it: ``rgb(0, 114, 178)``."""
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def _page(report, name: str):
    return report.pages[PAGES.index(name)]


# what the live DOM holds: boxes, lines, overlaps and text overflowing its box
_MEASURE = """(() => {
  const out = {boxes: [], lines: [], overlaps: [], overflows: [], scripts: 0, outside: []};
  out.scripts = document.querySelectorAll('script').length;
  out.scrollWidth = document.documentElement.scrollWidth;
  out.innerWidth = window.innerWidth;
  for (const g of document.querySelectorAll('svg.band g.element')) {
    out.boxes.push([g.dataset.plan, g.dataset.id]);
  }
  out.styles = [];
  for (const p of document.querySelectorAll('svg.band .match')) {
    out.lines.push([p.dataset.masterplan, p.dataset.rpjmd]);
    const style = getComputedStyle(p);
    out.styles.push([p.dataset.relation, p.dataset.source, style.stroke, style.strokeDasharray]);
  }
  out.marked = [...document.querySelectorAll('svg.band g.element')].map(g =>
    [g.dataset.id, g.dataset.plan, getComputedStyle(g.querySelector('rect.box')).stroke]);
  for (const band of document.querySelectorAll('svg.band')) {
    const bandBox = band.getBoundingClientRect();
    const rects = [...band.querySelectorAll('g.element')].map(g => {
      const r = g.querySelector('rect.box').getBoundingClientRect();
      for (const t of g.querySelectorAll('text:not(.marker-text)')) {
        const tb = t.getBoundingClientRect();
        if (tb.width > 0 && (tb.right > r.right + 0.5 || tb.left < r.left - 0.5)) {
          out.overflows.push([g.dataset.id, Math.round(tb.right - r.right)]);
        }
      }
      if (r.left < bandBox.left - 0.5 || r.right > bandBox.right + 0.5 ||
          r.top < bandBox.top - 0.5 || r.bottom > bandBox.bottom + 0.5) {
        out.outside.push(g.dataset.id);
      }
      return [g.dataset.plan + ':' + g.dataset.id, r];
    });
    for (let i = 0; i < rects.length; i++) {
      for (let j = i + 1; j < rects.length; j++) {
        const [a, ra] = rects[i], [b, rb] = rects[j];
        if (ra.left < rb.right - 0.5 && rb.left < ra.right - 0.5 &&
            ra.top < rb.bottom - 0.5 && rb.top < ra.bottom - 0.5) out.overlaps.push([a, b]);
      }
    }
  }
  return out;
})()"""


@pytest.mark.parametrize("name", PAGES)
def test_page_in_chromium_has_one_box_per_element_and_one_line_per_match(browser, report, tmp_path, name):
    """In the browser: a box per element, a line per match coloured by relation (suggested dashed),
    unsynchronized boxes outlined red, no overlap, no text out of its box, no console error,
    no request beyond the file itself; a screenshot is saved."""
    page = _page(report, name)
    region = page.region
    browser.open(page.path.as_uri())
    seen = browser.evaluate(_MEASURE)
    assert sorted(map(tuple, seen["boxes"])) == sorted(
        [("rpjmd", e.id) for e in region.rpjmd.elements]
        + [("masterplan", e.id) for e in region.masterplan.elements])
    assert sorted(map(tuple, seen["lines"])) == sorted(m.key for m in region.matches)
    assert seen["overlaps"] == []
    assert seen["overflows"] == []
    assert seen["outside"] == []
    assert seen["scripts"] == 0
    assert seen["scrollWidth"] <= seen["innerWidth"]  # nothing wider than the window
    for relation, source, stroke, dash in seen["styles"]:  # drawn by relation, suggested dashed
        assert stroke == _rgb(RELATION_STYLE[relation][0])
        assert (dash != "none") == (source == "suggested")
    unsynchronized = {i for stage in page.classification.stages.values()
                      for i in stage.unsynchronized_ids}
    for element_id, plan, stroke in seen["marked"]:  # the red outline, on exactly those
        assert (stroke == _rgb(UNSYNC_COLOUR)) == (plan == "masterplan" and element_id in unsynchronized)
    assert browser.console_errors() == []
    assert [url for url in browser.requests() if not url.startswith("file:")] == []
    shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                        session=True)
    path = tmp_path / f"{name}.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"screenshot: {path}")
    assert path.stat().st_size > 10_000


def test_markup_from_the_region_file_is_visible_text(browser, report):
    """The <script> written in the region file shows as text and never runs."""
    page = _page(report, "markup")
    browser.open(page.path.as_uri())
    body = browser.evaluate("document.body.innerText")
    assert "<script>alert(1)</script>" in body
    assert page.region.name in browser.evaluate("document.querySelector('h1').textContent")
    tips = browser.evaluate("[...document.querySelectorAll('g.element > title')].map(t => t.textContent)")
    assert any(tip.endswith("<script>alert(1)</script> 'single' \"double\" & </svg>") for tip in tips)
    assert browser.console_errors() == []


def test_pointing_at_a_line_brings_it_forward(browser, report):
    """Hovering a match line fades the other lines of its row and shows that one in full."""
    page = _page(report, "type-a-vision")
    browser.open(page.path.as_uri(), width=1200, height=900)
    x, y = browser.evaluate("""(() => {
      const p = document.querySelector('svg.band[data-level=program] path.match');
      p.scrollIntoView({block: 'center'});
      const q = p.getPointAtLength(p.getTotalLength() / 2), m = p.getScreenCTM();
      return [q.x * m.a + m.e, q.y * m.d + m.f];
    })()""")
    opacities = "[...document.querySelectorAll('svg.band[data-level=program] path.match')]" \
                ".map(p => getComputedStyle(p).opacity)"
    before = browser.evaluate(opacities)
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=True)
    deadline = time.monotonic() + 5
    hovered = browser.evaluate(opacities)
    while hovered[0] != "1" and time.monotonic() < deadline:  # hover may apply a frame later
        time.sleep(0.05)
        hovered = browser.evaluate(opacities)
    browser.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1}, session=True)
    assert set(before) == {"0.85"}
    assert hovered[0] == "1" and set(hovered[1:]) == {"0.25"}


def test_index_in_chromium_links_every_page(browser, report, tmp_path):
    """The index shows one bar per type and links that open each region's page."""
    browser.open(report.index.as_uri())
    links = browser.evaluate("[...document.querySelectorAll('table.regions a')].map(a => a.href)")
    assert links == [p.path.as_uri() for p in report.pages]
    bars = browser.evaluate("Object.fromEntries([...document.querySelectorAll('svg.chart g.bar')]"
                            ".map(g => [g.dataset.type, +g.dataset.count]))")
    assert sum(bars.values()) == len(report.pages)
    assert browser.console_errors() == []
    shot = browser.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True},
                        session=True)
    path = tmp_path / "index.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"screenshot: {path}")


def test_printed_page_is_a4_with_the_trace_unfolded(browser, report, tmp_path):
    """Printing gives A4 pages and shows the trace that is folded on screen."""
    page = _page(report, "type-a-vision")
    browser.open(page.path.as_uri())
    visible = "document.querySelector('ol.trace li').checkVisibility()"
    assert browser.evaluate(visible) is False
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=True)
    try:
        assert browser.evaluate(visible) is True
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=True)
    pdf = base64.b64decode(browser.call("Page.printToPDF", {"preferCSSPageSize": True},
                                        session=True)["data"])
    path = tmp_path / "type-a-vision.pdf"
    path.write_bytes(pdf)
    print(f"printed: {path}")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]", pdf)
    assert boxes, "no page in the PDF"
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2  # A4 in points


def test_seventy_programs_print_in_pieces_that_fit_a_page(browser, report, tmp_path):
    """Printed, a band too tall for A4 is replaced by its pieces, each shorter than a page."""
    page = _page(report, "seventy-programs")
    # the printable width of A4 with the page's margins: 210 - 2 x 11 mm, at 96 px per inch
    width, height = round(188 / 25.4 * 96), round(271 / 25.4 * 96)
    browser.open(page.path.as_uri(), width=width, height=height)
    browser.call("Emulation.setEmulatedMedia", {"media": "print"}, session=True)
    try:
        seen = browser.evaluate("""(() => ({
          whole: [...document.querySelectorAll('svg.band.sliced')].map(s => s.checkVisibility()),
          pieces: [...document.querySelectorAll('svg.band-slice')].map(s =>
            [s.checkVisibility(), s.getBoundingClientRect().height]),
        }))()""")
        shot = browser.call("Page.captureScreenshot",
                            {"format": "png", "captureBeyondViewport": True}, session=True)
    finally:
        browser.call("Emulation.setEmulatedMedia", {"media": ""}, session=True)
    path = tmp_path / "seventy-programs-print.png"
    path.write_bytes(base64.b64decode(shot["data"]))
    print(f"screenshot (print): {path}")
    assert seen["whole"] and not any(seen["whole"])
    assert len(seen["pieces"]) >= 2
    for visible, piece_height in seen["pieces"]:
        assert visible and 0 < piece_height <= height
    assert browser.console_errors() == []


def test_example_counts_match_the_region_file(report):
    """The pages under test are those of the bundled examples (a guard for the parametrization)."""
    for path in sorted(EXAMPLES.glob("*.yaml")):
        assert _page(report, path.stem).region == load_region(path)
