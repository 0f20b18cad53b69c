"""Newuser finding F111: ``--threshold 2/3`` was refused, though the stability lines and
``study`` write a bound as the exact fraction ("the type holds for every threshold up to
2/3"); the rounded value a researcher types instead ("66,7%") lies above the bound and gives
the other type. The refusal of a threshold was English under ``--lang id`` (item 3 of the
polish brief)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.typology import Parameters

REGION = """\
schema: smartsync/region@1
region: {id: "9501", name: Kota Uji Kode, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: Kota maju}
    - {id: M1, level: mission, parents: [V], text: Misi satu}
    - {id: M2, level: mission, parents: [V], text: Misi dua}
    - {id: M3, level: mission, parents: [V], text: Misi tiga}
    - {id: P1, level: program, parents: [M1], code: "2.16.01", text: Program satu}
    - {id: P2, level: program, parents: [M2], code: "2.16.02", text: Program dua}
    - {id: P3, level: program, parents: [M3], code: "2.16.03", text: Program tiga}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: Kota cerdas}
    - {id: SM1, level: mission, parent: SV, text: Misi cerdas satu}
    - {id: SM2, level: mission, parent: SV, text: Misi cerdas dua}
    - {id: SM3, level: mission, parent: SV, text: Misi cerdas tiga}
    - {id: SP1, level: program, parent: SM1, dimension: governance, text: Aplikasi satu}
    - {id: SP2, level: program, parent: SM2, dimension: governance, text: Aplikasi dua}
    - {id: SP3, level: program, parent: SM3, dimension: governance, text: Aplikasi tiga}
matches:
  - {masterplan: SV, rpjmd: V, relation: derived}
  - {masterplan: SM1, rpjmd: M1, relation: derived}
  - {masterplan: SM2, rpjmd: M2, relation: derived}
  - {masterplan: SP1, rpjmd: P1, relation: derived}
  - {masterplan: SP2, rpjmd: P2, relation: derived}
"""


def _classify(capsys, path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["classify", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_bound_the_report_writes_is_accepted_and_holds_exactly(capsys, tmp_path: Path) -> None:
    """Missions and programs 2/3 synchronized: the report says the type holds up to 2/3;
    ``--threshold 2/3`` gives that type (type A), ``--threshold 66,7%`` the one above it."""
    path = tmp_path / "kasus.yaml"
    path.write_text(REGION, encoding="utf-8")
    code, out, _ = _classify(capsys, path)
    assert code == 0 and "holds for every threshold up to 2/3" in out
    code, out, _ = _classify(capsys, path, "--threshold", "2/3")
    assert code == 0 and out.splitlines()[1].startswith("Type A:")
    assert "threshold 2/3 (about 66.7%)" in out
    code, out, _ = _classify(capsys, path, "--threshold", "66,7%")
    assert code == 0 and out.splitlines()[1].startswith("Type: unsynchronized")


@pytest.mark.parametrize("written", ["x", "0", "3/2", "1/0", "0,0", "2/3/4"])
def test_a_threshold_refused_names_the_forms_taken_in_the_language_asked(capsys, tmp_path: Path,
                                                                         written: str) -> None:
    """A threshold that is no number in (0, 1] exits 2 naming the forms (a decimal, a
    fraction, a percentage), in English and in Indonesian."""
    path = tmp_path / "kasus.yaml"
    path.write_text(REGION, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_en:
        _classify(capsys, path, "--threshold", written)
    err = capsys.readouterr().err
    assert exit_en.value.code == 2
    assert (f"argument --threshold: must be above 0 and at most 1: a decimal (0.5 or 0,5), a fraction (2/3) "
            f"or a percentage (50%), got {written!r}") in err
    with pytest.raises(SystemExit) as exit_id:
        _classify(capsys, path, "--threshold", written, "--lang", "id")
    err = capsys.readouterr().err
    assert exit_id.value.code == 2
    assert (f"kesalahan: argumen --threshold: harus di atas 0 dan paling besar 1: desimal (0,5 atau 0.5), "
            f"pecahan (2/3) atau persen (50%), bukan {written!r}") in err


def test_a_threshold_of_50_gets_its_did_you_mean_in_indonesian(capsys, tmp_path: Path) -> None:
    """``--threshold 50 --lang id``: "(maksudnya 0.5, yaitu 50%?)"."""
    path = tmp_path / "kasus.yaml"
    path.write_text(REGION, encoding="utf-8")
    with pytest.raises(SystemExit):
        _classify(capsys, path, "--threshold", "50", "--lang", "id")
    assert "bukan '50' (maksudnya 0.5, yaitu 50%?)" in capsys.readouterr().err


def test_parameters_take_a_fraction_as_its_float() -> None:
    """``Parameters(threshold=Fraction(2, 3))`` is the threshold 2/3 (its float, which compares
    with a coverage k/n as the fraction does); a fraction above 1 is refused."""
    assert Parameters(threshold=Fraction(2, 3)) == Parameters(threshold=2 / 3)
    assert Parameters(thresholds={"mission": Fraction(1, 3)}).threshold_for("mission") == 1 / 3
    with pytest.raises(ValueError, match="above 0 and at most 1"):
        Parameters(threshold=Fraction(3, 2))
