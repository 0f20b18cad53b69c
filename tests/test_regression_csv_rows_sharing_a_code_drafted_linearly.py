"""Drafting a table whose program rows all carry one code (issue 23 item 3, "CSV drafting
linear in rows"): each row was compared with every earlier program of its code (2,000 rows
25.5 s CPU, 4,000 rows 97 s: fourfold per doubling); a program is now looked up among those
of its code by an index of its name's beginning. Counted in comparisons, not timed."""

from __future__ import annotations

from pathlib import Path

from smartsync.documents import draft as draft_module
from smartsync.documents import draft_region


def _csv(path: Path, rows: int, *, repeat: bool = False) -> Path:
    lines = ["RPJMD KOTA UJI TAHUN 2021-2026", "Sasaran;Kode;Program;Pagu 2022 (Rp)"]
    lines += [f"Sasaran nomor {i // 7};2.16.02;Program uji nomor {i} pada perangkat daerah;{1_000_000 + i}"
              for i in range(rows)]
    if repeat:  # the first program again, its name cut short after its first 25 characters
        lines.append("Sasaran nomor 0;2.16.02;Program uji nomor 0 pada perangkat;1000000")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _masterplan(path: Path) -> Path:
    path.write_text("MASTERPLAN SMART CITY KOTA UJI 2022-2031\nDimensi;Program\nSmart Governance;Satu data\n",
                    encoding="utf-8")
    return path


def _names_compared(tmp_path: Path, monkeypatch, rows: int) -> int:
    calls = 0
    real = draft_module.norm

    def counted(text: str) -> str:
        nonlocal calls
        calls += 1
        return real(text)

    monkeypatch.setattr(draft_module, "norm", counted)
    draft_region(rpjmd=_csv(tmp_path / f"r{rows}.csv", rows), masterplan=_masterplan(tmp_path / "m.csv"))
    monkeypatch.setattr(draft_module, "norm", real)
    return calls


def test_rows_sharing_one_code_are_drafted_with_work_linear_in_the_rows(tmp_path: Path, monkeypatch) -> None:
    """Twice the rows of one code: about twice the names compared (it was four times)."""
    small = _names_compared(tmp_path, monkeypatch, 150)
    large = _names_compared(tmp_path, monkeypatch, 300)
    assert large <= 2.2 * small, (small, large)


def test_a_program_of_a_code_read_again_is_still_found_by_its_names_beginning(tmp_path: Path) -> None:
    """The index finds the same program as the scan did: a row whose code and first 25
    characters of name are an earlier program's is that program (one element, not two)."""
    region = draft_region(rpjmd=_csv(tmp_path / "r.csv", 30, repeat=True),
                          masterplan=_masterplan(tmp_path / "m.csv")).region
    texts = [e.text for e in region.rpjmd.elements if e.level.value == "program"]
    assert len(texts) == 30 and texts[0] == "Program uji nomor 0 pada perangkat daerah"
