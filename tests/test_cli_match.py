"""``smartsync match FILE``: the review table, --threshold/--top, and --write keeping the file as it was."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import smartsync
from smartsync.cli import main
from smartsync.matching import suggest_matches
from strategies import regions

REGION_YAML = """\
# Ilustratif: bukan rencana daerah yang sebenarnya.
schema: smartsync/region@1
region: {id: "9990", name: Kota Contoh, kind: kota}   # a comment that must stay

rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: "Terwujudnya Kota Contoh yang sejahtera dan berbudaya"}
    - {id: M1, level: mission, parents: [V], text: "Meningkatkan tata kelola pemerintahan yang bersih"}
    - {id: P1, level: program, parents: [M1], code: "2.11.03", budget: 5000000000, text: "Program Pengelolaan Persampahan"}
    - {id: P2, level: program, parents: [M1], code: "1.02.02", budget: 9000000000,
       text: "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat"}
    - {id: P3, level: program, parents: [M1], code: "5.02.02", budget: 1000000000, text: "Program Pengelolaan Keuangan Daerah"}

masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: "Kota Contoh cerdas yang sejahtera dan berbudaya"}
    - {id: SM1, level: mission, parents: [SV], text: "Mewujudkan tata kelola pemerintahan yang bersih berbasis teknologi"}
    - {id: SP1, level: program, parents: [SM1], dimension: environment, text: "Aplikasi bank sampah dan pemantauan persampahan"}
    - {id: SP2, level: program, parents: [SM1], dimension: living, text: "Sistem informasi kesehatan puskesmas terintegrasi"}
    - {id: SP3, level: program, parents: [SM1], dimension: economy, text: "Festival budaya daring"}

matches:
  # coded by hand
  - {masterplan: SV, rpjmd: V, relation: derived, source: manual, note: "hlm. 12"}

# end of file
"""


def run_cli(*argv: str) -> int:
    return main(["match", *argv])


@pytest.fixture
def region_file(tmp_path: Path) -> Path:
    path = tmp_path / "kota-contoh.yaml"
    path.write_text(REGION_YAML, encoding="utf-8")
    return path


def without_inserted(new: str, old: str) -> str:
    """``new`` with the lines it has beyond ``old`` taken out (they must be whole, consecutive lines)."""
    new_lines, old_lines = new.splitlines(keepends=True), old.splitlines(keepends=True)
    i = 0
    while i < len(old_lines) and new_lines[i] == old_lines[i]:
        i += 1
    extra = len(new_lines) - len(old_lines)
    return "".join(new_lines[:i] + new_lines[i + extra:])


def test_prints_an_aligned_table_of_suggestions(region_file: Path, capsys) -> None:
    """Each suggestion is a row with level, both elements, score and shared terms, under a header."""
    assert run_cli(str(region_file)) == 0
    out = capsys.readouterr().out.splitlines()
    header = out[0]
    assert header.split() == ["level", "masterplan", "rpjmd", "score", "shared", "terms"]
    rows = [line for line in out[1:-1]]
    assert any(line.startswith("program") and "SP1" in line and "P1" in line and "sampah" in line
               for line in rows)
    score_column = header.index("score")
    for line in rows:
        assert line[score_column - 1] == " "  # columns line up under the header
    assert "suggested match" in out[-1] and "1 existing match kept" in out[-1]
    assert not any(line.split()[1:2] == ["SV"] for line in rows), "the manual match is not suggested again"


def test_threshold_and_top_limit_the_suggestions(region_file: Path, capsys) -> None:
    """--threshold 1 leaves no suggestion; --top 1 leaves one per masterplan element."""
    assert run_cli(str(region_file), "--threshold", "1") == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{region_file}: 0 suggested matches")
    assert run_cli(str(region_file), "--threshold", "0.05", "--top", "1") == 0
    rows = capsys.readouterr().out.splitlines()[1:-1]
    firsts = [r.split()[1] for r in rows]
    assert len(firsts) == len(set(firsts))


@pytest.mark.parametrize("argv", [["--threshold", "1.5"], ["--threshold", "-0.1"], ["--top", "-1"]])
def test_out_of_range_options_are_usage_errors(region_file: Path, argv: list[str], capsys) -> None:
    """A threshold outside 0 to 1 or a negative top exits 2 with a message naming the option."""
    assert run_cli(str(region_file), *argv) == 2
    assert argv[0] in capsys.readouterr().err


def test_malformed_options_are_usage_errors(region_file: Path) -> None:
    """A threshold that is not a number is refused by the parser with exit code 2."""
    with pytest.raises(SystemExit) as caught:
        run_cli(str(region_file), "--threshold", "x")
    assert caught.value.code == 2


def test_a_bad_file_exits_1_naming_the_problem(tmp_path: Path, capsys) -> None:
    """A file that does not load exits 1 with its problems, not a traceback."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("region: {id: x, name: X, kind: kota}\nrpjmd: [\n", encoding="utf-8")
    assert run_cli(str(bad)) == 1
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "Traceback" not in err
    assert run_cli(str(tmp_path / "missing.yaml")) == 1


def test_write_adds_suggestions_and_keeps_everything_else(region_file: Path, capsys) -> None:
    """--write inserts source: suggested lines in the matches list; every other byte stays."""
    before = region_file.read_text(encoding="utf-8")
    region = smartsync.load_region(region_file)
    expected = suggest_matches(region)
    assert run_cli(str(region_file), "--write") == 0
    assert "written to" in capsys.readouterr().out
    after = region_file.read_text(encoding="utf-8")
    assert without_inserted(after, before) == before
    inserted = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(inserted) == len(expected)
    assert all(line.startswith("  - {masterplan: ") and "source: suggested" in line for line in inserted)
    assert after.index("# coded by hand") < after.index(inserted[0]) < after.index("# end of file")
    again = smartsync.load_region(region_file)
    assert again == attrs.evolve(region, matches=region.matches + expected)


def test_a_second_write_adds_only_pairs_not_yet_in_the_file(region_file: Path) -> None:
    """Pairs already written are not suggested again: a second --write adds only new pairs."""
    assert run_cli(str(region_file), "--write", "--top", "1") == 0
    first = smartsync.load_region(region_file)
    more = suggest_matches(first, top=1)
    assert run_cli(str(region_file), "--write", "--top", "1") == 0
    second = smartsync.load_region(region_file)
    assert second.matches == first.matches + more
    keys = [m.key for m in second.matches]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("ending", ["matches: []\n", "matches: []  # none yet\n", "matches:\n", ""])
def test_write_into_an_empty_or_missing_matches_list(tmp_path: Path, ending: str) -> None:
    """An empty matches list (or none at all) gets the suggestions; the rest of the file is kept."""
    head = REGION_YAML[: REGION_YAML.index("matches:")]
    path = tmp_path / "r.yaml"
    path.write_text(head + ending, encoding="utf-8")
    region = smartsync.load_region(path)
    assert run_cli(str(path), "--write") == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith(head)
    assert smartsync.load_region(path) == attrs.evolve(region, matches=suggest_matches(region))


def test_write_into_a_json_file(tmp_path: Path) -> None:
    """A JSON region file gets one-line objects in its matches array, the rest kept."""
    yaml_path = tmp_path / "r.yaml"
    yaml_path.write_text(REGION_YAML, encoding="utf-8")
    region = smartsync.load_region(yaml_path)
    path = tmp_path / "r.json"
    smartsync.dump_region(region, path)
    before = path.read_text(encoding="utf-8")
    assert run_cli(str(path), "--write") == 0
    after = path.read_text(encoding="utf-8")
    json.loads(after)
    assert smartsync.load_region(path) == attrs.evolve(region, matches=region.matches + suggest_matches(region))
    assert after.startswith(before[: before.index('"matches"')])


def test_write_refuses_a_file_it_cannot_edit_and_leaves_it(tmp_path: Path, capsys) -> None:
    """When the suggestions cannot be inserted textually, nothing is written and the exit code is 1."""
    region = smartsync.load_region(_write(tmp_path / "a.yaml", REGION_YAML))
    data = smartsync.region_to_dict(attrs.evolve(region, matches=()))
    flow = json.dumps(data, ensure_ascii=False).replace('"matches": [], ', "")
    path = _write(tmp_path / "flow.yaml", flow + "\n")  # a top-level flow mapping, no matches key
    before = path.read_bytes()
    assert run_cli(str(path), "--write") == 1
    assert "nothing written" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(regions(max_elements=8), st.sampled_from(["yaml", "json"]))
def test_written_file_reads_back_as_region_plus_suggestions(region, fmt: str) -> None:
    """For any region file, --write gives a file that reads back as the region plus the suggestions."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"region.{fmt}"
        smartsync.dump_region(region, path)
        before = path.read_text(encoding="utf-8")
        loaded = smartsync.load_region(path)
        new = suggest_matches(loaded, threshold=0.05)
        assert main(["match", str(path), "--write", "--threshold", "0.05"]) == 0
        assert smartsync.load_region(path) == attrs.evolve(loaded, matches=loaded.matches + new)
        if not new:
            assert path.read_text(encoding="utf-8") == before
