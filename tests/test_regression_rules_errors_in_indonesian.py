"""A ``--rules`` that names nothing was said in English under ``--lang id`` (newuser F189),
while argparse's own usage errors were Indonesian. The message is now worded by the
catalogs in the language asked for, in every command that takes ``--rules``; the English
stays as it was, with its "did you mean"."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.errors import RulePackError
from smartsync.variants import load_variant

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("command", ["classify", "batch", "study", "report", "rules"])
def test_a_misspelt_variant_is_said_in_indonesian(tmp_path, capsys, command: str) -> None:
    """``--rules budgted-programs --lang id``: exit 2, "kesalahan: argumen --rules: tidak ada
    paket aturan atau varian bernama ..." with "(maksudnya 'budgeted-programs'?)"."""
    region = tmp_path / "a.yaml"
    shutil.copy(ROOT / "examples" / "type-a-vision.yaml", region)
    argv = {"classify": ["classify", str(region)],
            "batch": ["batch", str(region), "--out", str(tmp_path / "b.csv")],
            "study": ["study", str(region), "--out", str(tmp_path / "s.csv")],
            "report": ["report", str(region), "--out", str(tmp_path / "r")],
            "rules": ["rules"]}[command]
    rules = "default,budgted-programs" if command == "study" else "budgted-programs"
    assert main([*argv, "--rules", rules, "--lang", "id"]) == 2
    err = capsys.readouterr().err
    assert f"smartsync {command}: kesalahan: argumen --rules: tidak ada paket aturan atau " \
           "varian bernama 'budgted-programs'" in err, err
    assert "(maksudnya 'budgeted-programs'?)" in err
    assert "no rule pack" not in err and "did you mean" not in err


def test_english_is_unchanged(tmp_path, capsys) -> None:
    """Without --lang the same error is English, as before."""
    assert main(["rules", "--rules", "budgted-programs"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("smartsync rules: --rules: no rule pack or variant named "
                          "'budgted-programs'")
    assert "(did you mean 'budgeted-programs'?)" in err


@pytest.mark.parametrize("spec", ["nope_f189", "a/b.py", "..x", "x_f189:Y",
                                  "smartsync.variants:NOPE", ":VARIANT", "a b"])
def test_every_not_found_error_has_words_in_both_languages(spec: str) -> None:
    """Each way a --rules can name nothing carries its catalog words: the Indonesian names
    the spec and is not the English."""
    with pytest.raises(RulePackError) as caught:
        load_variant(spec)
    error = caught.value
    assert error.kind == "not-found" and error.message_key is not None
    said = error.worded("id")
    assert said != str(error) and repr(spec.partition(":")[0] or spec)[1:-1] in said
