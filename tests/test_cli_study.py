"""``smartsync study``: outputs, exit codes, hostile inputs."""

from __future__ import annotations

import csv
from fractions import Fraction
import json
from pathlib import Path

import attrs
import pytest

from smartsync import dump_region, load_region
from smartsync.cli import main
from smartsync.study import RECORD_COLUMNS

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _hostile(tmp_path: Path) -> Path:
    region = load_region(EXAMPLES / "type-b-mission.yaml")
    region = attrs.evolve(region, id="=HYPERLINK(\"http://x\")",
                          name="<script>alert(1)</script> &amp; \u202e")
    path = tmp_path / "hostile.yaml"
    dump_region(region, path)
    return path


def test_csv_is_long_form_with_exact_fractions(tmp_path, capsys):
    """--out FILE.csv: the documented columns, one row per region, rule set and interval,
    thresholds as decimals (a bare 3/4 is a date to a spreadsheet) with the exact fractions
    beside them; exit 0; a summary per rule set."""
    out = tmp_path / "study.csv"
    code = main(["study", str(EXAMPLES), "--rules", "default,cascading",
                 "--threshold-range", "0.3:0.8", "--out", str(out), "--no-progress"])
    assert code == 0
    rows = list(csv.reader(out.open(newline="")))
    assert [c for c in rows[0] if not c.endswith("_exact")] == list(RECORD_COLUMNS)
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert {r["rule_set"] for r in body} == {"default", "cascading"}
    for r in body:  # each threshold as a decimal a spreadsheet reads, and as the exact fraction
        for side in ("threshold_from", "threshold_to"):
            exact = Fraction(r[f"{side}_exact"])
            assert float(r[side]) == float(exact) and "/" not in r[side]
    assert any("/" in r["threshold_to_exact"] for r in body)
    printed = capsys.readouterr().out
    assert "default: type A (vision)" in printed and "cascading" in printed


def test_jsonl_has_curves_and_differences_in_the_language(tmp_path):
    """--out FILE.jsonl --lang id: one line per region, its curves, breakpoints and the
    differences between rule sets in Indonesian."""
    out = tmp_path / "study.jsonl"
    assert main(["study", str(EXAMPLES / "type-b-mission.yaml"), "--rules", "default,cascading",
                 "--threshold", "0.7", "--out", str(out), "--lang", "id", "--no-progress"]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    data = json.loads(line)
    assert data["types"]["default"]["letter"] == "B"
    assert data["curves"]["default"]["segments"][0]["to"] == "3/4"
    (diff,) = data["differences"]
    assert any("menurut cascading" in sentence for sentence in diff["lines"])


def test_folder_gets_page_csv_jsonl_and_text(tmp_path):
    """--out DIR writes study.html, study.csv, study.jsonl and study.txt into it."""
    out = tmp_path / "result"
    assert main(["study", str(EXAMPLES), "--rules", "default,relations-per-stage",
                 "--out", str(out), "--no-progress"]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["study.csv", "study.html", "study.jsonl",
                                                     "study.txt"]
    assert "<svg" in (out / "study.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("named", ["new/deeper/result", "new/deeper/study.csv"])
def test_missing_output_folders_are_made_inside_the_path_named(tmp_path, named):
    """-o in folders that do not exist yet (a folder, or a file) makes them, as report --out does."""
    out = tmp_path / named
    assert main(["study", str(EXAMPLES / "type-a-vision.yaml"), "--rules", "default,cascading",
                 "--out", str(out), "--no-progress"]) == 0
    assert out.exists()
    assert {p.relative_to(tmp_path).parts[0] for p in tmp_path.rglob("*")} == {"new"}


def test_a_failing_region_exits_1_and_the_rest_is_written(tmp_path, capsys):
    """One unreadable file: exit 1, it is named in the summary and the output, the other
    regions are all there."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: [\n")
    out = tmp_path / "s.csv"
    code = main(["study", str(EXAMPLES / "type-a-vision.yaml"), str(bad), "--out", str(out),
                 "--no-progress"])
    assert code == 1
    rows = list(csv.DictReader(out.open(newline="")))
    assert [r["error"] != "" for r in rows] == [False, False, True]
    assert "bad.yaml" in capsys.readouterr().out


def test_unknown_rule_set_and_bad_range_are_usage_errors(tmp_path, capsys):
    """A misspelt rule set or a range out of bounds: exit 2, nothing written."""
    out = tmp_path / "s.csv"
    assert main(["study", str(EXAMPLES), "--rules", "default,cascadng", "--out", str(out)]) == 2
    assert "cascadng" in capsys.readouterr().err
    assert main(["study", str(EXAMPLES), "--threshold-range", "0.8:0.3", "--out", str(out)]) == 2
    assert "LOW < HIGH" in capsys.readouterr().err
    assert not out.exists()


def test_hostile_region_is_safe_in_csv_and_page(tmp_path):
    """A region id that a spreadsheet would run is written with a leading quote; markup and
    escape sequences in its name reach the page as text only."""
    hostile = _hostile(tmp_path)
    out = tmp_path / "out"
    assert main(["study", str(hostile), "--rules", "default,cascading", "--out", str(out),
                 "--no-progress"]) == 0
    rows = list(csv.DictReader((out / "study.csv").open(newline="")))
    assert all(r["region"].startswith("'=") for r in rows)
    page = (out / "study.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "&amp;amp;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_out_equal_to_an_input_is_refused(tmp_path, capsys):
    """--out naming an input file is a usage error; the input is untouched."""
    source = tmp_path / "r.csv"
    source.write_text("x")
    code = main(["study", str(source), "--out", str(source), "--no-progress"])
    assert code == 2 and source.read_text() == "x"


def test_text_says_why_rule_sets_disagree_in_indonesian(tmp_path):
    """--out FILE.txt --lang id: per region its curve and, where two rule sets disagree, the
    sentences down to the rejected matches and why, in the rules' words (never a rule's
    Python name)."""
    out = tmp_path / "study.txt"
    assert main(["study", str(EXAMPLES / "type-b-mission.yaml"), "--rules", "default,cascading",
                 "--threshold", "0.7", "--out", str(out), "--lang", "id", "--no-progress"]) == 0
    written = out.read_text(encoding="utf-8")
    assert "9902 Kabupaten Contoh Makmur" in written
    assert "0 < t <= 3/4: tipe B (misi)" in written
    assert "Mengapa default dan cascading berbeda" in written
    assert ("ditolak: induknya dipadankan dengan unsur RPJMD yang tidak berada di atas "
            "padanannya dalam pohon kinerja RPJMD") in written
    assert "cascade_broken" not in written and "element_synchronized" not in written


def test_tables_are_studied_as_batch_reads_them(tmp_path):
    """A folder of tables (regions.csv, elements.csv, matches.csv) is studied region by
    region, as batch takes it."""
    from smartsync import dump_tables

    regions = [load_region(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    dump_tables(regions, tmp_path / "tables")
    out = tmp_path / "s.csv"
    assert main(["study", str(tmp_path / "tables"), "--out", str(out), "--no-progress"]) == 0
    rows = list(csv.DictReader(out.open(newline="")))
    assert sorted({r["region"] for r in rows}) == sorted(r.id for r in regions)
    assert all("regions.csv" in r["source"] for r in rows)
