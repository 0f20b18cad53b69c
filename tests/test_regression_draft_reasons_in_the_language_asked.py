"""Regression (newuser F211): a region drafted in English showed its doubt reasons in
English inside Indonesian sentences (validate, classify, report under --lang id)."""

from __future__ import annotations

from pathlib import Path

from smartsync.cli import main
from smartsync.messages import localize_reason

REGION = """\
schema: smartsync/region@1
region: {{id: "9999", name: Kota Uji, kind: kota}}
rpjmd:
  period: [2021, 2026]
  elements:
    - {{id: V, level: vision, text: Kota yang maju}}
    - {{id: P1, level: program, text: Program Pengelolaan Aplikasi Informatika, parents: [V],
       budget: 5000000000, confidence: {{score: 0.6, reasons: ["{reason}"]}}}}
masterplan:
  period: [2022, 2031]
  elements:
    - {{id: SV, level: vision, text: Kota cerdas}}
    - {{id: SP1, level: program, text: Aplikasi layanan publik, parents: [SV]}}
matches:
  - {{masterplan: SP1, rpjmd: P1, relation: aligned, source: manual}}
"""

EN = ("program code 2.09.02 is PROGRAM PENGELOLAAN SUMBER DAYA EKONOMI; the program's name "
      "reads more like 2.18.04 PROGRAM PELAYANAN PENANAMAN MODAL (confidence 1.00): check the code")
ID = ("kode program 2.09.02 adalah PROGRAM PENGELOLAAN SUMBER DAYA EKONOMI; nama programnya "
      "lebih mirip 2.18.04 PROGRAM PELAYANAN PENANAMAN MODAL (keyakinan 1,00): periksa kodenya")


def test_an_english_reason_is_said_in_indonesian_by_validate(tmp_path: Path) -> None:
    """``smartsync validate --lang id`` (a process of its own) words the draft's English
    reason in Indonesian, its code, names and confidence kept."""
    import subprocess
    import sys

    path = tmp_path / "r.yaml"
    path.write_text(REGION.format(reason=EN), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "smartsync", "validate", str(path), "--lang", "id"],
                          capture_output=True, text=True, encoding="utf-8")
    assert ID in done.stdout and "reads more like" not in done.stdout, done.stdout + done.stderr


def test_an_indonesian_reason_is_said_in_english_in_a_fresh_process() -> None:
    """A reason a draft wrote in Indonesian is said in English by a program that imported
    nothing of the draft (the draft's words are the catalogs')."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", "import sys; from smartsync.messages import "
                           "localize_reason; print(localize_reason(sys.argv[1], 'en')); "
                           "print('smartsync.documents' in sys.modules)", ID],
                          capture_output=True, text=True, encoding="utf-8")
    assert done.stdout.splitlines() == [EN, "False"], done.stderr


def test_a_planners_own_reason_is_shown_as_written() -> None:
    """A reason no message of the draft wrote is given back as it is, in any language; a
    code is never turned into a decimal."""
    assert localize_reason("dicek manual oleh Bappeda; pagu 2.16 dari Renja", "en") == \
        "dicek manual oleh Bappeda; pagu 2.16 dari Renja"
    assert localize_reason(
        "the code 2.16 does not have the nomenclature's shape (like 2.16.02)", "id"
    ) == "kode 2.16 tidak berbentuk kode nomenklatur (seperti 2.16.02)"
