"""English left under ``--lang id`` (item 3 of the polish brief; issue 21): ``--help``'s
headings and argparse's own words, the help of the options the classifying commands share,
and ``rules --check``'s report."""

from __future__ import annotations

import pytest

from smartsync.cli import main


def _help(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as caught:
        main([*args, "--help"])
    assert caught.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_help_under_lang_id_words_its_headings_and_the_shared_options(capsys) -> None:
    """``classify --help --lang id``: "penggunaan:", "argumen posisi:", "opsi:", -h, FILE,
    --lang, --threshold (with 2/3), --rules... in Indonesian; the English help is unchanged."""
    said = _help(capsys, "classify", "--lang", "id")
    for words in ("penggunaan: smartsync classify", "argumen posisi:", "opsi:",
                  "-h, --help tampilkan pesan bantuan ini lalu keluar",
                  "FILE berkas daerah (.yaml, .yml, .json), atau folder berisi berkas daerah",
                  "--lang {en,id} bahasa pesan: en (Inggris) atau id (Indonesia)",
                  "cakupan yang harus dicapai suatu tahap agar tersinkronisasi: 0,5, 50% atau 2/3",
                  "--rules PACK varian tipologi atau kumpulan paket aturan"):
        assert words in said, words
    assert "show this help message" not in said and "positional arguments" not in said
    english = _help(capsys, "classify")
    assert "usage: smartsync classify" in english and "positional arguments:" in english
    assert "--threshold X coverage a stage must reach to be synchronized: 0.5, 50% or 2/3" in english


def test_rules_check_reports_in_indonesian(capsys) -> None:
    """``rules --check --lang id``: the regions tried, per type in Indonesian, the rules that
    never fired and the summary line."""
    code = main(["rules", "--check", "--regions", "8", "--lang", "id", "--allow-unfired"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[0].startswith("8 daerah bangkitan: ")
    assert all(not line.startswith("rule never fired") for line in out)
    assert out[-1].startswith("setiap daerah mendapat tepat satu tipe")
