"""Newuser finding F121: a region file's ``budget: 1.000.000.000`` or ``"Rp 1.000.000.000"`` was
refused (read since 24dce0f); a budget grouped in a way the reader does not take
(``1,000,000,000``, ``Rp 1.000.000.000,-``) is refused showing the number to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.io import check_region_text

REGION = """\
schema: smartsync/region@1
region: {{id: "9701", name: Kota Uji Pagu, kind: kota}}
rpjmd:
  period: [2025, 2029]
  elements:
    - {{id: V, level: vision, text: Kota maju}}
    - id: P1
      level: program
      parents: [V]
      code: "2.16.01"
      text: Program satu
      budget: {budget}
masterplan:
  period: [2025, 2034]
  elements:
    - {{id: SV, level: vision, text: Kota cerdas}}
matches: []
"""


@pytest.mark.parametrize("written", ["1.000.000.000", '"Rp 1.000.000.000"', '"Rp. 1.000.000.000"', "1000000000"])
def test_rupiah_written_the_indonesian_way_is_read(written: str) -> None:
    """F121's own forms read as Rp 1.000.000.000 (no error)."""
    report = check_region_text(REGION.format(budget=written), name="pagu.yaml")
    assert not report.errors and report.region.rpjmd["P1"].budget == 1_000_000_000


@pytest.mark.parametrize("written, shown", [("1,000,000,000", "1,000,000,000"),
                                            ('"Rp 1.000.000.000,-"', "Rp 1.000.000.000,-"),
                                            ('"1.000.000.000,00"', None)])
def test_a_budget_grouped_otherwise_is_refused_with_the_number_to_write(written: str, shown: str | None) -> None:
    """ "1,000,000,000" and "Rp 1.000.000.000,-" are refused saying "write 1000000000 (or Rp
    1.000.000.000)" (Indonesian: "tulis 1000000000"); "1.000.000.000,00" is read whole."""
    report = check_region_text(REGION.format(budget=written), name="pagu.yaml")
    if shown is None:
        assert not report.errors and report.region.rpjmd["P1"].budget == 1_000_000_000
        return
    [error] = report.errors
    assert error.message == (f"budget must be a whole number of rupiah, got the text {shown!r}: write 1000000000 "
                             "(or Rp 1.000.000.000)")
    assert error.format("id").endswith(f"bukan teks {shown!r}: tulis 1000000000 (atau Rp 1.000.000.000)")
