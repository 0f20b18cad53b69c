"""Rarer messages are said in Indonesian under ``--lang id`` too (newuser finding F70):
hand-edited JSON (json's reasons, a trailing comma), a date where a text belongs, a file
above the size limit (its size in its unit, the option that raises it), ``explain``'s usage
errors, the frame of ``smartsync rules``, and argparse's own usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartsync.cli import main
from smartsync.io import check_region_text
from smartsync.messages import format_size

ROOT = Path(__file__).resolve().parent.parent
TYPE_B = ROOT / "examples" / "type-b-mission.yaml"


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("body, en, id_", [
    ('{"region": {"id": "1", "name": "x", "kind": "kota",}}',
     "malformed JSON: a comma before '}' (column 51); JSON allows no comma after the last item",
     "JSON rusak: ada koma sebelum '}' (kolom 51); JSON tidak membolehkan koma"),
    ('{"region": [1, 2,]}', "malformed JSON: a comma before ']'", "ada koma sebelum ']'"),
    ('{"region" 1}', "malformed JSON: expected a ':' after a key (column 11)",
     "JSON rusak: seharusnya ada ':' sesudah kunci (kolom 11)"),
    ('{"region": }', "malformed JSON: expected a value (column 12)",
     "JSON rusak: seharusnya ada sebuah nilai (kolom 12)"),
])
def test_malformed_json_is_worded_in_each_language(body, en, id_):
    """Hand-edited JSON: json's reason worded by the catalogs; a comma before a closing
    bracket named as such, at the comma's column."""
    problem = check_region_text(body, name="k.json", format="json").errors[0]
    assert problem.code == "malformed-json"
    assert en in problem.format("en") and id_ in problem.format("id")
    assert "Expecting" not in problem.format("id")


def test_a_date_where_a_text_belongs_is_a_tanggal():
    """text: 2019-01-01 (unquoted, a YAML date): 'bukan tanggal 2019-01-01' / 'the date'."""
    text = TYPE_B.read_text(encoding="utf-8")
    vision = next(line for line in text.splitlines() if "level: vision" in line)
    start = vision.index('text: "')
    dated = text.replace(vision, vision[:start] + "text: 2019-01-01}", 1)
    problem = check_region_text(dated, name="r.yaml").errors[0]
    assert "bukan tanggal 2019-01-01 (beri tanda kutip" in problem.format("id")
    assert "the date 2019-01-01" in problem.format("en")


def test_a_file_above_the_limit_gives_its_size_with_its_unit(tmp_path, capsys):
    """validate --max-bytes 1000 on a 9,714-byte file: '9,714 bytes (9.5 KB)' / '9.714 bita
    (9,5 KB)', never '0.0 MB' nor the Python keyword max_bytes; --max-bytes named."""
    path = tmp_path / "besar.yaml"
    path.write_text("#" * 9713 + "\n", encoding="utf-8")
    code, out, _ = cli(capsys, "validate", "--max-bytes", "1000", str(path))
    assert code == 1
    assert ("error: the file is too large: 9,714 bytes (9.5 KB), above the limit of 1,000 "
            "bytes (validate takes a larger limit with --max-bytes N)") in out
    code, out, _ = cli(capsys, "validate", "--lang", "id", "--max-bytes", "1000", str(path))
    assert ("kesalahan: berkas terlalu besar: 9.714 bita (9,5 KB), di atas batas 1.000 bita "
            "(validate menerima batas yang lebih besar dengan --max-bytes N)") in out
    assert "0.0 MB" not in out and "max_bytes" not in out


def test_sizes_are_written_with_their_unit():
    """format_size: bytes grouped with KB or MB beside them; Indonesian separators and 'bita'."""
    assert format_size(1) == "1 byte"
    assert format_size(999) == "999 bytes"
    assert format_size(9714) == "9,714 bytes (9.5 KB)"
    assert format_size(9714, "id") == "9.714 bita (9,5 KB)"
    assert format_size(20 * 1024 * 1024) == "20 MB (20,971,520 bytes)"
    assert format_size(20 * 1024 * 1024, "id") == "20 MB (20.971.520 bita)"


def test_a_table_above_the_limit_in_indonesian(tmp_path):
    """A batch table over the limit: its size with its unit, in the language asked."""
    from smartsync.tabular import _read_tables

    table = tmp_path / "elements.csv"
    table.write_text("region,plan,id,level,text\n" + "1,rpjmd,V,vision,x\n" * 200,
                     encoding="utf-8")
    _, problems = _read_tables(tmp_path, 1000)
    said = [p.format("id") for p in problems if p.code == "too-large"]
    assert said and "tabel terlalu besar: 3.826 bita (3,7 KB), di atas batas 1.000 bita" in said[0]


def test_rules_frame_in_indonesian(capsys):
    """smartsync rules --lang id: tipologi, tahap, paket aturan, prioritas, didefinisikan di."""
    code, out, _ = cli(capsys, "rules", "--lang", "id", "--rules", "relations-per-stage")
    assert code == 0
    assert "tipologi: default (tahap: visi -> misi -> sasaran -> program)" in out
    assert "\npaket aturan smartsync.rules.elements:ElementsPack\n" in out
    assert "  element_synchronized  [prioritas 95]" in out
    assert "    didefinisikan di " in out and "defined at" not in out
    assert "relasi yang dihitung pada tahap visi: diadopsi, diturunkan" in out
    code, out, _ = cli(capsys, "rules")
    assert "typology: default (stages: vision -> mission -> target -> program)" in out


@pytest.mark.parametrize("args, said", [
    (("--how", "element:M1"), "--how: M1 adalah unsur misi RPJMD; element:ID menyebut unsur "
                              "masterplan; unsur masterplan yang dipadankan dengannya: SM1 "
                              "(mis. --how element:SM1)"),
    (("--how", "stage:foo"), "--how: tidak ada tahap 'foo'; yang diterima: stage:vision"),
    (("--how", "#9999"), "--how: tidak ada fakta #9999 dalam klasifikasi ini"),
    (("--how", "zzz"), "--how: tidak ada yang bernama 'zzz' dalam klasifikasi ini; yang "
                       "diterima: type, huruf tipe (A-D)"),
    (("--to", "Q"), "--to: tipe 'Q' tidak dikenal; yang diterima: visi, misi"),
    (("--why-not", "visio"), "atau huruf A-D (maksudnya 'vision'?)"),
])
def test_explain_usage_errors_in_indonesian(capsys, args, said):
    """explain's usage errors (--how, --to, --why-not) under --lang id, exit 2."""
    code, _, err = cli(capsys, "explain", str(TYPE_B), *args, "--lang", "id")
    assert code == 2 and said in err, err


@pytest.mark.parametrize("args, said", [
    (("classify", "--lang", "id"), "smartsync classify: kesalahan: argumen berikut wajib "
                                   "diberikan: FILE"),
    (("classify", str(TYPE_B), "--lang", "id", "--format", "xx"),
     "kesalahan: argumen --format: pilihan 'xx' tidak dikenal (pilih salah satu dari 'text'"),
    (("classify", str(TYPE_B), "--lang=id", "--bogus"),
     "smartsync classify: kesalahan: argumen tidak dikenal: --bogus"),
    (("classify", str(TYPE_B), "--lang", "id", "--threshold"),
     "kesalahan: argumen --threshold: memerlukan satu nilai"),
    (("validate", "--lang", "id", "--max-bytes", "x", str(TYPE_B)),
     "kesalahan: argumen --max-bytes: harus bilangan bulat bita, bukan 'x'"),
    (("classify", "--lang", "id", "--max-firings", "0", str(TYPE_B)),
     "kesalahan: argumen --max-firings: harus bilangan bulat, sedikitnya 1, bukan '0'"),
    (("classify", "--lang", "id", ""),
     "kesalahan: argumen FILE: jalur kosong; berikan nama berkas atau folder"),
])
def test_argparse_usage_errors_in_indonesian(capsys, args, said):
    """argparse's own usage errors, and smartsync's checks of an option's value, under
    --lang id: Indonesian, with 'penggunaan:'; exit 2."""
    with pytest.raises(SystemExit) as exited:
        main(list(args))
    err = capsys.readouterr().err
    assert exited.value.code == 2 and said in err, err
    assert err.startswith("penggunaan: smartsync")
    assert "the following" not in err and "error:" not in err


def test_argparse_usage_errors_stay_as_python_words_them_in_english(capsys):
    """Without --lang id, argparse's own words (usage:, error:) as before."""
    with pytest.raises(SystemExit):
        main(["classify", "--format", "xx", str(TYPE_B)])
    err = capsys.readouterr().err
    assert err.startswith("usage: smartsync classify")
    assert ("smartsync classify: error: argument --format: invalid choice: 'xx' (choose from "
            in err)
