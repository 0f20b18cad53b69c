"""Issue 15: one odd input never takes down a run, nothing is written outside or over what
the user named, no injection into spreadsheets or terminals. A test per case of the issue,
named after it (the writers' cases are in test_regression_issue15_writers.py)."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import attrs
import pytest

from smartsync import (
    Element,
    InvalidRegionError,
    Match,
    Region,
    classify,
    classify_many,
    dump_tables,
    load_region,
    load_tables,
    region_to_dict,
    render_html,
    suggest_matches,
    validate_region,
    write_report,
)
from smartsync._text import bad_character, for_markup, for_terminal, spreadsheet_cell
from smartsync.cli import EXIT_CODES, main
from smartsync.errors import MAX_MESSAGE, Problem

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "type-a-vision.yaml"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX file names, FIFOs and signals")


def cli(capsys, *argv: object) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``smartsync ARGV`` (argparse's exits included)."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def program(*argv: object, env: dict[str, str] | None = None, stdin: bytes | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[bytes]:
    """``python -m smartsync ARGV`` in a child process (strict UTF-8 output by default)."""
    environment = dict(os.environ, PYTHONIOENCODING="utf-8")
    environment.update(env or {})
    return subprocess.run([sys.executable, "-m", "smartsync", *map(str, argv)], cwd=ROOT,
                          input=stdin, capture_output=True, env=environment, timeout=timeout)


def example_data() -> dict:
    return region_to_dict(load_region(EXAMPLE))


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    return path


# ------------------------------------------------------------ case 1: lone surrogates


@pytest.fixture
def surrogate_file(tmp_path: Path) -> Path:
    text = json.dumps(example_data())
    path = tmp_path / "surrogate.json"
    path.write_text(text.replace('"name": "', '"name": "\\ud800', 1), encoding="utf-8")
    return path


def test_case_1_validate_refuses_a_lone_surrogate(capsys, surrogate_file):
    """validate no longer calls a file with a lone surrogate valid: exit 1, naming the field."""
    code, out, _ = cli(capsys, "validate", surrogate_file)
    assert code == 1 and "lone surrogate" in out and "region: name" in out


@pytest.mark.parametrize("command", [["classify"], ["explain"], ["match"]])
def test_case_1_commands_report_a_lone_surrogate_without_a_traceback(surrogate_file, command):
    result = program(*command, surrogate_file)
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"lone surrogate" in result.stderr


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_case_1_batch_keeps_every_other_region(tmp_path, capsys, surrogate_file, suffix):
    """The bad region is one error row; every other region is still written."""
    out = tmp_path / f"out{suffix}"
    code, _, _ = cli(capsys, "batch", "--no-progress", surrogate_file, EXAMPLES, "--out", out)
    assert code == 1
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == (1 if suffix == ".csv" else 0) + 1 + len(list(EXAMPLES.glob("*.yaml")))
    assert "lone surrogate" in text


def test_case_1_report_leaves_no_empty_page(tmp_path, capsys, surrogate_file):
    """report lists the bad file as failed; every page written is whole (no 0-byte page)."""
    code, _, err = cli(capsys, "report", surrogate_file, EXAMPLE, "--out", tmp_path / "r")
    assert code == 1 and "lone surrogate" in err
    pages = list((tmp_path / "r").iterdir())
    assert pages and all(p.stat().st_size > 1000 for p in pages)


def test_case_1_a_region_built_in_code_with_a_surrogate_is_invalid_not_a_crash():
    region = load_region(EXAMPLE)
    bad = attrs.evolve(region, name="Kota \ud800")
    assert any(p.code == "bad-character" for p in validate_region(bad))
    with pytest.raises(InvalidRegionError, match="lone surrogate"):
        classify(bad)
    [item] = classify_many([bad])
    assert item.classification is None and "lone surrogate" in item.error


# ------------------------------------------------------------ case 2: file names not UTF-8


@pytest.fixture
def non_utf8_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsencode(folder) + b"/\xff\xfe.yaml"
    try:
        with open(name, "wb") as handle:
            handle.write(EXAMPLE.read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    return folder


@POSIX
def test_case_2_validate_with_strict_stdout_shows_the_name_escaped(non_utf8_folder):
    result = program("validate", non_utf8_folder / "missing.yaml", non_utf8_folder)
    assert b"Traceback" not in result.stderr
    assert b"1 valid" in result.stdout or b"valid" in result.stdout


@POSIX
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_case_2_batch_writes_the_region_with_the_name_escaped(tmp_path, non_utf8_folder, suffix):
    out = tmp_path / f"out{suffix}"
    result = program("batch", "--no-progress", non_utf8_folder, "--out", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    source = json.loads(text)["source"] if suffix == ".jsonl" else text
    assert "\\xff\\xfe.yaml" in source


@POSIX
def test_case_2_report_keeps_a_good_index(tmp_path, non_utf8_folder):
    """report over the folder works; an existing index is replaced whole, never truncated."""
    out = tmp_path / "report"
    out.mkdir()
    (out / "index.html").write_text("<p>a good earlier index</p>")
    result = program("report", "--index", non_utf8_folder, "--out", out)
    assert result.returncode == 0, result.stderr
    assert b"Traceback" not in result.stderr
    assert (out / "index.html").stat().st_size > 1000


# ------------------------------------------------------------ case 3: big integers


def test_case_3_budgets_beyond_the_limit_are_errors_not_tracebacks(tmp_path, capsys):
    data = example_data()
    for element in data["rpjmd"]["elements"]:
        if "budget" in element:
            element["budget"] = 10 ** 4000
    path = write_json(tmp_path / "big.json", data)
    code, out, _ = cli(capsys, "validate", path)
    assert code == 1 and "above the limit" in out
    code, _, err = cli(capsys, "classify", path)
    assert code == 1 and "budget" in err
    code, _, _ = cli(capsys, "batch", "--no-progress", path, EXAMPLE, "--out", tmp_path / "o.jsonl")
    assert code == 1 and len((tmp_path / "o.jsonl").read_text().splitlines()) == 2


def test_case_3_the_largest_budgets_render_everywhere(tmp_path, capsys):
    """Budgets at the limit, summed: every renderer, JSON and batch write them."""
    from smartsync.io import MAX_BUDGET
    from smartsync.render import render

    region = load_region(EXAMPLE)
    rpjmd = attrs.evolve(region.rpjmd, elements=tuple(
        attrs.evolve(e, budget=MAX_BUDGET) if e.level.value == "program" else e
        for e in region.rpjmd.elements))
    big = attrs.evolve(region, rpjmd=rpjmd)
    c = classify(big)
    for fmt in ("text", "markdown", "json"):
        assert render(c, fmt, explain=True)
    assert render_html(big, c)
    report = write_report([big], tmp_path / "r")
    assert report.pages


@pytest.mark.parametrize("fmt", ["json", "yaml"])
def test_case_3_a_number_python_cannot_read_is_a_problem(fmt):
    """A 5000-digit number (beyond Python's integer-to-text limit) is a problem, not a crash."""
    from smartsync.io import check_region_text, dumps_region

    region = load_region(EXAMPLE)
    rpjmd = attrs.evolve(region.rpjmd, elements=tuple(
        attrs.evolve(e, budget=12345678987654321) if e.level.value == "program" else e
        for e in region.rpjmd.elements))
    text = dumps_region(attrs.evolve(region, rpjmd=rpjmd), format=fmt)
    report = check_region_text(text.replace("12345678987654321", "9" * 5000), format=fmt)
    assert report.region is None and report.problems
    assert all(len(str(p)) < 1000 for p in report.problems)


# ------------------------------------------------------------ case 4: formula injection


FORMULAS = ['=HYPERLINK("http://example.org","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_case_4_batch_csv_neutralises_every_formula_cell(tmp_path, capsys):
    data = example_data()
    data["region"]["name"] = FORMULAS[0]
    data["region"]["id"] = "=1+1"
    path = write_json(tmp_path / "f.json", data)
    out = tmp_path / "out.csv"
    code, _, _ = cli(capsys, "batch", "--no-progress", path, "--out", out)
    assert code == 0
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    cells = [cell for row in rows for cell in row]
    assert "'" + FORMULAS[0] in cells and "'=1+1" in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)


@pytest.mark.parametrize("text", FORMULAS + ["'quoted", "''twice", "plain"])
def test_case_4_spreadsheet_cell(text):
    shown = spreadsheet_cell(text)
    if text.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert shown == "'" + text
    elif text == "plain":
        assert shown == text


def _formula_region(formulas: list[str] = FORMULAS) -> Region:
    region = load_region(EXAMPLE)
    elements = tuple(attrs.evolve(e, text=formulas[i % len(formulas)] + " teks")
                     if i < len(formulas) else e for i, e in enumerate(region.masterplan.elements))
    return attrs.evolve(region, name=FORMULAS[0], province="'=apostrophe",
                        masterplan=attrs.evolve(region.masterplan, elements=elements))


def test_case_4_csv_tables_round_trip_formula_texts(tmp_path):
    """dump_tables to CSV marks formula-like texts with ' and load_tables gives them back."""
    region = _formula_region()
    dump_tables([region], tmp_path / "t")
    raw = (tmp_path / "t" / "regions.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in raw and "\n=" not in raw and ",=" not in raw
    assert load_tables(tmp_path / "t") == [region]


def test_case_4_xlsx_cells_are_text_and_round_trip(tmp_path):
    """dump_tables to .xlsx writes formula-like texts as text cells (never formulas), and
    load_tables reads the same region back (it failed with 28 errors before)."""
    openpyxl = pytest.importorskip("openpyxl")
    region = _formula_region([f for f in FORMULAS if "\r" not in f])  # XML keeps no bare CR
    path = dump_tables([region], tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path, read_only=True)
    kinds = {cell.data_type for sheet in book for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str) and cell.value.startswith("=")}
    book.close()
    assert kinds == {"s"}
    assert load_tables(path) == [region]


# ------------------------------------------------------------ case 6: bidi isolation


def test_case_6_an_override_in_an_id_is_isolated_in_the_page():
    """The id's U+202E is closed and isolated: the header's periods after it stay in order."""
    region = load_region(EXAMPLE)
    odd = attrs.evolve(region, id="9901\u202eabc")
    page = render_html(odd, classify(odd))
    isolated = "\u20689901\u202eabc\u202c\u2069"
    assert isolated in page
    meta = page.split('<p class="meta">', 1)[1].split("</p>", 1)[0]
    after = meta.split(isolated, 1)[1]
    assert "\u202e" not in after and "RPJMD" in after


@pytest.mark.parametrize("text", ["\u202eabc", "a\u2067b", "\u202a\u202bx\u202c", "abc", "עברית"])
def test_case_6_for_markup_leaves_nothing_open(text):
    shown = for_markup(text)
    opened = sum(shown.count(c) for c in "\u202a\u202b\u202d\u202e")
    closed = shown.count("\u202c")
    assert opened <= closed
    isolates = sum(shown.count(c) for c in "\u2066\u2067\u2068")
    assert isolates == shown.count("\u2069")
    if text != "abc":
        assert shown.startswith("\u2068") and shown.endswith("\u2069")


# ------------------------------------------------------------ case 7: terminal escapes


@pytest.mark.parametrize("raw", ["\x1b]52;c;aGVsbG8=\x07", "\x1b[2K\r", "\x9b31m", "\u202e", "\ud800"])
def test_case_7_for_terminal_escapes_what_a_terminal_acts_on(raw):
    import unicodedata

    shown = for_terminal("a" + raw + "b\tc\n")
    assert shown.endswith("b\tc\n")
    assert all(unicodedata.category(ch) not in ("Cc", "Cf", "Cs") for ch in shown[:-4])


@POSIX
def test_case_7_validate_prints_a_file_name_with_escapes_escaped(tmp_path):
    path = tmp_path / "\x1b]52;c;aGk=\x07\x1b[2K\r.yaml"
    path.write_bytes(b"schema: [")
    result = program("validate", path)
    assert result.returncode == 1
    assert b"\x1b" not in result.stdout + result.stderr and b"\\x1b" in result.stdout


def test_case_7_classify_prints_an_id_with_an_override_escaped(tmp_path, capsys):
    data = example_data()
    data["region"]["id"] = "9901\u202eabc"
    path = write_json(tmp_path / "r.json", data)
    code, out, _ = cli(capsys, "classify", path)
    assert code == 0 and "\u202e" not in out and "9901\\u202eabc" in out


def test_case_7_the_reader_refuses_control_characters_in_names():
    assert bad_character("Kota\x1b[2K") is not None
    assert bad_character("teks\tdengan\nbaris") is None
    assert bad_character("id\nx", line=True) is not None


# ------------------------------------------------------------ case 9: match with ties


def _tied(n: int, matches: tuple[Match, ...] = ()) -> Region:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_matching import tied_region

    return attrs.evolve(tied_region(n), matches=matches)


def test_case_9_tied_texts_are_scored_once_per_distinct_pair(monkeypatch):
    """400 + 400 programs with 4 distinct texts: the exact score is computed for at most
    16 distinct pairs per masterplan text class, not 160,000 (near-linear, memory flat)."""
    import smartsync.matching.suggest as suggest

    calls = []
    real = suggest._score
    monkeypatch.setattr(suggest, "_score", lambda *a: calls.append(1) or real(*a))
    found = suggest_matches(_tied(400))
    assert len(found) == 400 * 3
    assert len(calls) <= 4 * 4


def test_case_9_ties_give_the_same_suggestions_as_every_pair_scored():
    """With ties and existing matches, the top 3 per element are the best scores, ties
    broken by RPJMD id, exactly as scoring every pair would give."""
    from smartsync.matching import compare
    from smartsync.matching.suggest import region_weights

    region = _tied(24, (Match("SP1", "P1", "aligned"), Match("SP1", "P2", "aligned")))
    found = suggest_matches(region, top=3, threshold=0.2)
    weights = region_weights(region)
    taken = {m.key for m in region.matches}
    for a in region.masterplan.elements:
        pairs = sorted(((-round(compare(a.text, b.text, weights=weights).score, 4), b.id)
                        for b in region.rpjmd.elements if (a.id, b.id) not in taken))
        best = [(a.id, rid) for s, rid in pairs if -s >= 0.2][:3]
        assert [(m.masterplan, m.rpjmd) for m in found if m.masterplan == a.id] == best


# ------------------------------------------------------------ case 10 and 11: workers


def test_case_10_jobs_are_capped_at_the_cpus_and_the_work(tmp_path, capsys):
    from smartsync.batch import worker_count

    cpus = os.cpu_count() or 1
    assert worker_count(99999) == cpus
    assert worker_count(99999, 2) == min(cpus, 2)
    assert worker_count(0, 1) == 1
    code, _, _ = cli(capsys, "batch", "--no-progress", "--jobs", "99999", EXAMPLE,
                     "--out", tmp_path / "o.csv")
    assert code == 0 and len((tmp_path / "o.csv").read_text().splitlines()) == 2


@POSIX
def test_case_11_a_worker_started_after_the_batch_died_exits(tmp_path):
    """The parent's pid comes from the batch, not from getppid() in the worker: a worker
    whose batch is gone exits within seconds."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    child = subprocess.Popen([sys.executable, "-c",
                              "import time\nfrom smartsync.batch import _init_worker\n"
                              f"_init_worker(None, {dead.pid})\ntime.sleep(60)\n"], cwd=ROOT)
    try:
        assert child.wait(timeout=30) == 1
    finally:
        if child.poll() is None:
            child.kill()


# ------------------------------------------------------------ case 12: path errors


@POSIX
@pytest.mark.parametrize("command", ["validate", "classify", "explain", "match"])
def test_case_12_a_name_too_long_is_a_message(tmp_path, capsys, command):
    path = tmp_path / ("x" * 300 + ".yaml")
    code, out, err = cli(capsys, command, path)
    assert code == 1 and "too long" in out + err


@POSIX
def test_case_12_batch_and_report_name_the_input_that_is_too_long(tmp_path, capsys):
    path = tmp_path / ("x" * 300 + ".yaml")
    code, out, _ = cli(capsys, "batch", "--no-progress", path, EXAMPLE, "--out", tmp_path / "o.csv")
    assert code == 1 and "too long" in (tmp_path / "o.csv").read_text() + out
    code, _, err = cli(capsys, "report", path, EXAMPLE, "--out", tmp_path / "r")
    assert code == 1 and "too long" in err and "cannot write" not in err


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_case_12_a_folder_without_search_permission_is_a_message():
    """A region file in a folder its user may not search: exit 1 and a message naming the permission (run as a user who is not root)."""
    import unprivileged

    folder = unprivileged.shared_folder()
    try:
        locked = folder / "locked"
        locked.mkdir()
        (locked / "r.yaml").write_bytes(EXAMPLE.read_bytes())
        unprivileged.give(locked)
        locked.chmod(0)
        for command in ("validate", "classify"):
            done = unprivileged.run([sys.executable, "-m", "smartsync", command, str(locked / "r.yaml")], cwd=ROOT)
            out, err = done.stdout, done.stderr
            assert done.returncode == 1 and "permission" in out + err and "Traceback" not in err, (out, err)
    finally:
        unprivileged.remove(folder)


# ------------------------------------------------------------ case 14: workbook bombs


def test_case_14_a_workbook_that_unpacks_too_large_is_refused(tmp_path, monkeypatch):
    pytest.importorskip("openpyxl")
    import smartsync.tabular as tabular
    from smartsync import iter_table_regions

    path = dump_tables([load_region(EXAMPLE)], tmp_path / "t.xlsx")
    monkeypatch.setattr(tabular, "MAX_UNPACKED_BYTES", 1000)
    [failed] = list(iter_table_regions(path))
    assert failed.region is None and "unpacks to" in str(failed.problems[0])


def test_case_14_a_table_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    import smartsync.tabular as tabular
    from smartsync import iter_table_regions

    dump_tables([load_region(EXAMPLE)], tmp_path / "t")
    monkeypatch.setattr(tabular, "MAX_ROWS", 3)
    reports = list(iter_table_regions(tmp_path / "t"))
    assert any("more than 3 rows" in str(p) for r in reports for p in r.problems)


def test_case_14_error_texts_are_bounded(tmp_path):
    long = Problem("x" * 100_000)
    assert len(long.message) < MAX_MESSAGE + 100
    data = example_data()
    data["masterplan"]["elements"] = [{"id": f"E{i}", "level": "nonsense", "text": "t"}
                                      for i in range(3000)]
    path = write_json(tmp_path / "many.json", data)
    [item] = classify_many([path])
    assert item.error is not None and len(item.error) < MAX_MESSAGE + 100


def test_case_14_a_text_longer_than_a_spreadsheet_cell_is_an_error(tmp_path, capsys):
    data = example_data()
    data["masterplan"]["elements"][0]["text"] = "kata " * 10_000
    code, out, _ = cli(capsys, "validate", write_json(tmp_path / "long.json", data))
    assert code == 1 and "above the limit" in out


# ------------------------------------------------------------ case 15: validate --max-bytes


@pytest.mark.parametrize("value", ["-1", "0", str(10 ** 30), "9" * 5000, "lots"])
def test_case_15_max_bytes_out_of_range_is_a_usage_error(capsys, value):
    code, _, err = cli(capsys, "validate", EXAMPLE, "--max-bytes", value)
    assert code == 2 and "--max-bytes" in err and "Traceback" not in err


def test_case_15_max_bytes_in_the_api_is_checked():
    from smartsync.io import check_region_file

    with pytest.raises(ValueError):
        check_region_file(EXAMPLE, max_bytes=-1)
    assert check_region_file(EXAMPLE, max_bytes=2 ** 62).ok


# ------------------------------------------------------------ case 16: the smaller ones


def test_case_16_validate_dash_reads_standard_input():
    assert program("validate", "-", stdin=EXAMPLE.read_bytes()).returncode == 0
    result = program("validate", "-", stdin=b'{"region": 1}')
    assert result.returncode == 1 and b"<stdin>" in result.stdout


@pytest.mark.parametrize("argv", [["validate", ""], ["batch", "", "--out", "o.csv"],
                                  ["classify", ""], ["report", "", "--out", "x"]])
def test_case_16_an_empty_path_is_a_usage_error(capsys, argv):
    code, _, err = cli(capsys, *argv)
    assert code == 2 and "empty path" in err


@POSIX
def test_case_16_a_fifo_as_input_does_not_block(tmp_path):
    fifo = tmp_path / "r.yaml"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = program("validate", fifo, timeout=60)
    assert result.returncode == 1 and b"FIFO" in result.stdout
    assert time.monotonic() - started < 60


@POSIX
def test_case_16_looping_and_dangling_links_in_a_folder_are_reported(tmp_path, capsys):
    (tmp_path / "good.yaml").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    (tmp_path / "gone.yaml").symlink_to("nowhere.yaml")
    code, out, _ = cli(capsys, "validate", tmp_path)
    assert code == 1
    assert "loop.yaml" in out and "gone.yaml" in out and "nowhere.yaml" in out
    assert "3 files checked" in out


@pytest.mark.parametrize("budget", ["1_000", "\u0661\u0662\u0663", "2.021e3", "nan"])
def test_case_16_csv_numbers_are_plain_decimals(tmp_path, budget):
    from smartsync import iter_table_regions

    dump_tables([load_region(EXAMPLE)], tmp_path / "t")
    path = tmp_path / "t" / "elements.csv"
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("budget")
    row = next(r for r in rows[1:] if r[column])
    row[column] = budget
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    [report] = list(iter_table_regions(tmp_path / "t"))
    assert report.region is None and any("budget" in str(p) for p in report.problems)


def test_case_16_nul_in_an_id_never_reaches_the_html(tmp_path):
    data = example_data()
    data["region"]["id"] = "99\x0001"
    from smartsync.io import check_region_text

    report = check_region_text(json.dumps(data), format="json")
    assert report.region is None and "NUL" in str(report.problems[0])
    region = load_region(EXAMPLE)
    c = classify(region)
    page = render_html(attrs.evolve(region, id="99\x0001"), attrs.evolve(c, region_id="99\x0001"))
    assert "\x00" not in page


@pytest.mark.parametrize("call, message", [
    (lambda: render_html(str(EXAMPLE)), "render_html takes a smartsync.Region"),
    (lambda: validate_region("x"), "validate_region takes a smartsync.Region"),
    (lambda: region_to_dict("x"), "region_to_dict takes a smartsync.Region"),
    (lambda: suggest_matches(None), "suggest_matches takes a smartsync.Region"),
])
def test_case_16_public_functions_say_the_type_they_take(call, message):
    with pytest.raises(TypeError, match=message):
        call()


def test_case_16_suggest_matches_takes_one_level():
    region = load_region(EXAMPLE)
    one = suggest_matches(region, levels="program", threshold=0.1)
    assert one == suggest_matches(region, levels=["program"], threshold=0.1)


@POSIX
def test_case_16_batch_and_report_agree_on_an_output_that_cannot_be_written(tmp_path, capsys):
    """An output under a plain file: both commands exit 3 (the table's 'output' code)."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code_batch, _, _ = cli(capsys, "batch", "--no-progress", EXAMPLE, "--out", blocker / "o.csv")
    code_report, _, _ = cli(capsys, "report", EXAMPLE, "--out", blocker / "r")
    assert code_batch == code_report == 3
    assert "output" in EXIT_CODES[3]


def test_case_16_ctrl_c_while_importing_prints_no_traceback():
    """A KeyboardInterrupt while the modules load (simulated at the import of smartsync.cli):
    one line, exit 130."""
    code = ("import builtins, runpy\n"
            "real = builtins.__import__\n"
            "def slow(name, *a, **k):\n"
            "    if name in ('cli', '.cli') or name.endswith('smartsync.cli'):\n"
            "        raise KeyboardInterrupt\n"
            "    return real(name, *a, **k)\n"
            "builtins.__import__ = slow\n"
            "runpy.run_module('smartsync', run_name='__main__')\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            timeout=60)
    assert result.returncode == 130
    assert b"Traceback" not in result.stderr and b"interrupted" in result.stderr


def test_every_exit_code_a_command_returns_is_in_the_one_table():
    """Each subcommand returns only the exit codes of smartsync.cli (EXIT_*), and each of
    those has its meaning in EXIT_CODES (the table docs/limits.rst shows)."""
    import ast
    import importlib

    import smartsync.cli as cli_module

    constants = {name: getattr(cli_module, name) for name in dir(cli_module)
                 if name.startswith("EXIT_") and name != "EXIT_CODES"}
    assert set(constants.values()) == set(EXIT_CODES)
    for name in cli_module.SUBCOMMANDS:
        try:
            module = importlib.import_module(f"smartsync.cli.{name}_cmd")
        except ImportError:  # pragma: no cover - an optional command's extra is missing
            continue
        tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant) \
                    and isinstance(node.value.value, int) and not isinstance(node.value.value, bool):
                assert node.value.value in EXIT_CODES, (name, node.value.value)
            if isinstance(node, ast.Name) and node.id.startswith("EXIT_") \
                    and node.id != "EXIT_CODES":
                assert node.id in constants, (name, node.id)


def test_case_16_ctrl_c_while_a_command_loads_its_modules(monkeypatch, capsys):
    """The installed `smartsync` command imports the heavy modules inside main() (lazy
    imports): a Ctrl-C there is one line and exit 130, no traceback."""
    import smartsync.cli as cli_module

    def interrupted(name, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_module.importlib, "import_module", interrupted)
    assert main(["validate", str(EXAMPLE)]) == 130
    assert capsys.readouterr().err == "smartsync: interrupted\n"
