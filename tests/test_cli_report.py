"""``smartsync report FILE... --out DIR [--lang en|id]``: pages written, bad files reported, exit codes 0/1/2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from smartsync.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
DATA = Path(__file__).parent / "data"


def run(capsys, *args: object) -> tuple[int, list[str], str]:
    code = main(["report", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


def test_several_files_give_a_page_each_and_an_index(capsys, tmp_path):
    """Every example gets its page and index.html links them all; exit 0, nothing on stderr."""
    code, lines, err = run(capsys, *EXAMPLE_FILES, "--out", tmp_path)
    assert code == 0 and err == ""
    pages = sorted(tmp_path.glob("region-*.html"))
    assert len(pages) == len(EXAMPLE_FILES)
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    for page in pages:
        assert f'href="{page.name}"' in index
        assert any(line.startswith(f"{page}: ") for line in lines)
    assert lines[-1] == f"{len(EXAMPLE_FILES)} region pages and an index written to {tmp_path}"


def test_a_folder_stands_for_its_region_files(capsys, tmp_path):
    """A folder argument reports every region file in it."""
    code, _, _ = run(capsys, EXAMPLES, "--out", tmp_path)
    assert code == 0
    assert len(list(tmp_path.glob("region-*.html"))) == len(EXAMPLE_FILES)


def test_one_file_gives_one_page_and_no_index(capsys, tmp_path):
    """A single file writes its page only, and says which type it found."""
    code, lines, _ = run(capsys, EXAMPLES / "type-b-mission.yaml", "--out", tmp_path / "new" / "dir")
    assert code == 0
    assert [p.name for p in (tmp_path / "new" / "dir").iterdir()] == ["region-9902.html"]
    assert lines[0].endswith("Kabupaten Contoh Makmur (9902), type B")


def test_bad_file_is_reported_and_the_others_go_on(capsys, tmp_path):
    """A broken and a missing file: stderr names each with its problem, the good file's page is written, exit 1."""
    bad = tmp_path / "broken.yaml"
    bad.write_text("schema: smartsync/region@1\nregion: {id: x, name: X, kind: kota}\n", encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    out = tmp_path / "out"
    code, lines, err = run(capsys, EXAMPLES / "type-a-vision.yaml", bad, missing, "--out", out)
    assert code == 1
    assert "Traceback" not in err
    assert f"{bad}: no page written" in err and "missing required key 'rpjmd'" in err
    assert f"{missing}: no page written" in err and "no such file" in err
    assert (out / "region-9901.html").is_file()
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<tr class="failed">') == 2 and "broken.yaml" in index
    assert lines[-1] == f"1 region page and an index written to {out}; 2 files failed"


def test_warnings_of_a_region_file_are_listed_on_its_page(capsys, tmp_path):
    """A file that loads with warnings gets its page (exit 0), which lists those warnings."""
    from smartsync.io import check_region_file

    path = EXAMPLES / "type-d-program.yaml"
    warnings = check_region_file(path).warnings
    assert warnings
    code, _, err = run(capsys, path, "--out", tmp_path)
    assert code == 0 and err == ""
    page = (tmp_path / "region-9904.html").read_text(encoding="utf-8")
    assert 'class="diagnostics file-warnings"' in page
    for warning in warnings:
        assert warning.message.replace("'", "&#x27;") in page


def test_indonesian_pages(capsys, tmp_path):
    """--lang id writes pages in Indonesian."""
    code, _, _ = run(capsys, EXAMPLES / "type-c-target.yaml", "--out", tmp_path, "--lang", "id")
    page = (tmp_path / "region-9903.html").read_text(encoding="utf-8")
    assert code == 0 and '<html lang="id">' in page and "Diagram keselarasan" in page


def test_index_flags(capsys, tmp_path):
    """--index writes an index for one file; --no-index writes none for several."""
    run(capsys, EXAMPLE_FILES[0], "--out", tmp_path / "a", "--index")
    assert (tmp_path / "a" / "index.html").is_file()
    run(capsys, *EXAMPLE_FILES, "--out", tmp_path / "b", "--no-index")
    assert not (tmp_path / "b" / "index.html").exists()


def test_threshold_and_relations_change_the_classification(capsys, tmp_path):
    """--threshold and --relations reach the engine: a stricter threshold turns type A into another."""
    code, lines, _ = run(capsys, EXAMPLES / "type-a-vision.yaml", "--out", tmp_path / "a",
                         "--threshold", "0.9")
    assert code == 0 and not lines[0].endswith("type A")
    code, lines, _ = run(capsys, EXAMPLES / "type-a-vision.yaml", "--out", tmp_path / "b",
                         "--relations", "adopted")
    assert code == 0 and lines[0].endswith("unsynchronized")
    code, _, err = run(capsys, EXAMPLES / "type-a-vision.yaml", "--out", tmp_path / "c",
                       "--relations", "copied")
    assert code == 2 and "copied" in err


def test_usage_errors_exit_two(capsys, tmp_path):
    """No --out, or an unknown language: exit 2 with argparse's message."""
    for args in ([EXAMPLE_FILES[0]], [EXAMPLE_FILES[0], "--out", tmp_path, "--lang", "fr"]):
        with pytest.raises(SystemExit) as exc:
            main(["report", *map(str, args)])
        assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_output_folder_that_cannot_be_made_exits_three(capsys, tmp_path):
    """--out under a plain file: a one-line message naming it, exit 3 (an output that cannot
    be written, as in batch), no traceback."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, EXAMPLE_FILES[0], "--out", blocker / "sub")
    assert code == 3
    assert err.startswith(f"smartsync report: cannot write to {blocker / 'sub'}") and "Traceback" not in err


def test_runs_as_a_program(tmp_path):
    """``python -m smartsync report`` works from a shell, with exit code 1 for a bad file."""
    result = subprocess.run([sys.executable, "-m", "smartsync", "report", str(EXAMPLE_FILES[0]),
                             str(tmp_path / "nope.yaml"), "--out", str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "nope.yaml: no page written" in result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_rules_give_each_page_the_variants_type(capsys, tmp_path):
    """report --rules cascading: every page says the type the cascading variant gives its region."""
    from smartsync import load_region
    from smartsync.variants import load_variant

    classifier = load_variant("cascading").classifier()
    code, lines, _ = run(capsys, *EXAMPLE_FILES, "--out", tmp_path, "--rules", "cascading")
    assert code == 0
    for file in EXAMPLE_FILES:
        region = load_region(file)
        letter = classifier.classify(region).type_letter
        (line,) = [x for x in lines if f"({region.id})" in x]
        assert line.endswith(f"type {letter}" if letter else "unsynchronized"), line
