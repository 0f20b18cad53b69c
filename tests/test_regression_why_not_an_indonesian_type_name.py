"""Regression (newuser F217): ``--why-not "tidak tersinkronisasi"`` (the name Indonesian
output gives the type) was refused, and the error listed only the English names."""

from __future__ import annotations

from pathlib import Path

from smartsync.cli import main

B = Path(__file__).resolve().parent.parent / "examples" / "type-b-mission.yaml"


def test_the_indonesian_name_of_unsynchronized_is_a_type(capsys) -> None:
    """``--why-not "tidak tersinkronisasi"`` answers why the region is not unsynchronized."""
    assert main(["explain", str(B), "--why-not", "tidak tersinkronisasi", "--lang", "id"]) == 0
    assert "tahap program tersinkronisasi" in capsys.readouterr().out


def test_an_unknown_type_lists_the_indonesian_names_under_lang_id(capsys) -> None:
    """An unknown type under --lang id lists the Indonesian names, with a did-you-mean among
    them; in English the English names."""
    assert main(["explain", str(B), "--why-not", "tidak tersinkron", "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert ("yang diterima: visi, misi, sasaran, program, tidak tersinkronisasi, atau huruf A-D "
            "(maksudnya 'tidak tersinkronisasi'?)") in err
    assert main(["explain", str(B), "--why-not", "nope"]) == 2
    assert ("expected one of: vision, mission, target, program, unsynchronized, or a letter A-D"
            in capsys.readouterr().err)
