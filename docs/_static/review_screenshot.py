"""Make docs/_static/review.png, the screenshot of the review page in docs/review.rst.

Run from the repository's root with the test extra and Pillow installed
(``pip install '.[test]' pillow``) and /usr/bin/chromium:

    python docs/_static/review_screenshot.py

It copies examples/type-d-program.yaml to a temporary folder, adds suggested
matches (``smartsync match --write``), serves it with ``smartsync review``,
opens the page in headless Chromium (the DevTools helper of
tests/test_report_browser.py), and saves the screenshot with its colours
reduced to keep the file small.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from PIL import Image  # noqa: E402

from smartsync.cli import main as smartsync  # noqa: E402
from test_report_browser import Chromium  # noqa: E402

WIDTH, HEIGHT = 1360, 860


def run() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="smartsync-screenshot-"))
    try:
        shutil.copy(ROOT / "examples" / "type-d-program.yaml", folder / "kabupaten-contoh-maju.yaml")
        os.chdir(folder)
        smartsync(["match", "kabupaten-contoh-maju.yaml", "--write", "--threshold", "0.3"])
        server = subprocess.Popen([sys.executable, "-m", "smartsync", "review", "kabupaten-contoh-maju.yaml",
                                   "--no-browser"], stdout=subprocess.PIPE, text=True)
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        browser = Chromium()
        try:
            browser.open(url, width=WIDTH, height=HEIGHT)
            data = browser.call("Page.captureScreenshot", {"format": "png"}, session=True)["data"]
        finally:
            browser.close()
            server.send_signal(signal.SIGINT)
            server.wait(30)
    finally:
        os.chdir(ROOT)
        shutil.rmtree(folder, ignore_errors=True)
    image = Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")
    small = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = ROOT / "docs" / "_static" / "review.png"
    small.save(out, optimize=True)
    return out


if __name__ == "__main__":
    path = run()
    print(f"{path}: {path.stat().st_size} bytes")
