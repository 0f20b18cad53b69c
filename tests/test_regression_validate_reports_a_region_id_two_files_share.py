"""``validate`` reports two files holding one region id, which ``batch`` and ``report``
refuse (newuser finding F83): an error naming both files, so that "all valid" means a
batch will not fail a file; ``classify`` classifies both and warns, naming both."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.cli import EXIT_INVALID, EXIT_OK, main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "type-a-vision.yaml"


@pytest.fixture
def twins(tmp_path):
    """Two copies of one region file (one region id), as a v1 and a v2 kept side by side."""
    text = EXAMPLE.read_text(encoding="utf-8")
    first, second = tmp_path / "kota.yaml", tmp_path / "kota-v2.yaml"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    return str(first), str(second)


def test_validate_fails_the_second_file_naming_the_first(twins, capsys):
    """validate A B (one id): B is invalid, its line names A and why batch would fail, exit 1."""
    first, second = twins
    code = main(["validate", first, second])
    out = capsys.readouterr().out
    assert code == EXIT_INVALID
    line = next(line for line in out.splitlines() if "duplicate" in line or "also" in line)
    assert line.startswith(f"{second}: error: region: region id ")
    assert f"is also the id of the region in {first}" in line and "batch and report" in line
    assert "2 files checked: 1 valid, 1 invalid; 1 error" in out


def test_validate_says_it_in_indonesian(twins, capsys):
    """validate --lang id: the same error worded in Indonesian, both files named."""
    first, second = twins
    assert main(["validate", "--lang", "id", first, second]) == EXIT_INVALID
    out = capsys.readouterr().out
    assert f"{second}: kesalahan: daerah: id daerah " in out
    assert f"juga id daerah di {first}; batch dan laporan mengambil setiap daerah satu kali" in out


def test_validate_of_a_folder_with_twins_fails(twins, capsys):
    """validate FOLDER (as batch FOLDER reads it): one of the twins is invalid."""
    assert main(["validate", str(Path(twins[0]).parent)]) == EXIT_INVALID
    assert "1 valid, 1 invalid" in capsys.readouterr().out


def test_one_file_named_twice_is_not_its_own_duplicate(capsys):
    """validate F F: one file read twice is not two regions with one id: both checks valid."""
    code = main(["validate", str(EXAMPLE), str(EXAMPLE)])
    assert code == EXIT_OK and "2 files checked: 2 valid, 0 invalid" in capsys.readouterr().out


@pytest.mark.parametrize("lang, words", [
    ("en", "warning: region: region id "),
    ("id", "peringatan: daerah: id daerah "),
])
def test_classify_classifies_both_and_warns_naming_both(twins, capsys, lang, words):
    """classify A B (one id): both results printed, exit 0, one warning on B naming A."""
    first, second = twins
    assert main(["classify", "--lang", lang, first, second]) == EXIT_OK
    out, err = capsys.readouterr()
    assert out.count("9901: Kota Contoh Sejahtera") == 2
    warned = [line for line in err.splitlines() if words in line]
    assert len(warned) == 1 and warned[0].startswith(second) and first in warned[0]
