"""``smartsync batch INPUT... --out FILE``: CSV or JSON Lines, atomic output, progress, summary, exit codes."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartsync import dump_region, dump_tables, load_regions
from smartsync.cli import main
from smartsync.cli.batch_cmd import Progress, csv_columns
from smartsync.sample import sample_regions

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SMALL = ROOT / "tests" / "data" / "tables" / "small"
BAD_TABLES = ROOT / "tests" / "data" / "tables" / "bad"
PREVIOUS = "id,name\nprevious,complete run\n"


def batch(capsys, *args: object) -> tuple[int, str, str]:
    code = main(["batch", "--no-progress", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# ---------------------------------------------------------------- output


def test_csv_has_one_row_per_region_in_input_order(capsys, tmp_path):
    """The CSV holds a row per region, in input order, with type, stage figures and funding."""
    code, out, err = batch(capsys, EXAMPLES, SMALL, "--out", tmp_path / "out.csv")
    assert code == 0 and err == ""
    rows = read_csv(tmp_path / "out.csv")
    assert [r["id"] for r in rows] == ["9901", "9902", "9903", "9904", "9905", "3374", "3322", "3671"]
    assert [r["type_letter"] for r in rows] == ["A", "B", "C", "D", "", "A", "D", ""]
    first = rows[0]
    assert first["type"] == "vision" and first["name"] == "Kota Contoh Sejahtera"
    assert (first["program_present"], first["program_total"], first["program_synchronized"],
            first["program_coverage"]) == ("true", "18", "15", "0.8333")
    assert first["fundable_share"] == "0.8333" and first["error"] == ""
    # the rupiah an evaluator reads beside the share: the funding figures' budget, whole
    import smartsync
    expected = smartsync.classify(smartsync.load_region(EXAMPLES / "type-a-vision.yaml")).funding
    assert first["fundable_budget"] == str(expected.budget) and expected.budget > 0
    assert first["diagnostics_blocking"] == "1" and first["diagnostics_warning"] == "0"
    assert first["diagnostics_info"] == "0"
    assert list(rows[0]) == csv_columns()


def test_failed_regions_get_error_rows_and_exit_one(capsys, tmp_path):
    """Regions that fail get a row with the reason; the others are written; the exit code is 1."""
    code, out, _ = batch(capsys, BAD_TABLES, SMALL, "--out", tmp_path / "out.csv")
    assert code == 1
    rows = read_csv(tmp_path / "out.csv")
    assert [(r["id"], bool(r["error"])) for r in rows] == [
        ("3374", True), ("3322", True), ("3375", True),
        ("3374", False), ("3322", False), ("3671", False)]
    assert "column level" in rows[0]["error"] and rows[0]["type"] == ""
    assert "not in the regions table" in rows[2]["error"]
    assert "failed                      3" in out
    assert "failed: 3375" in out


def test_summary_counts_regions_per_type(capsys, tmp_path):
    """The summary gives the number of regions of each type and of failed regions."""
    code, out, _ = batch(capsys, EXAMPLES, "--out", tmp_path / "out.csv")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("5 regions in ")
    counts = {line[:24].strip(): int(line[24:]) for line in lines[1:]}
    assert counts == {"type A (vision)": 1, "type B (mission)": 1, "type C (target)": 1,
                      "type D (program)": 1, "unsynchronized": 1, "failed": 0}


def test_jsonl_has_the_full_classification_or_the_error_per_line(capsys, tmp_path):
    """Each JSON line holds a classification with its trace, or a failed region's error."""
    code, _, _ = batch(capsys, SMALL, BAD_TABLES, "--out", tmp_path / "out.jsonl")
    assert code == 1
    lines = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text("utf-8").splitlines()]
    assert [line["region"]["id"] for line in lines] == ["3374", "3322", "3671", "3374", "3322", "3375"]
    good = lines[0]
    assert good["type"] == "vision" and good["trace"] and good["why_not"]
    assert good["source"] == f"{SMALL / 'regions.csv'}:2"
    bad = lines[5]
    assert "not in the regions table" in bad["error"] and "type" not in bad
    assert bad["problems"][0]["line"] == 10


def test_the_same_file_whatever_jobs_is(capsys, tmp_path):
    """--jobs 1 and --jobs 2 write byte-identical CSV and JSON Lines, in input order."""
    inputs = [EXAMPLES, BAD_TABLES, SMALL]
    for suffix in ("csv", "jsonl"):
        batch(capsys, *inputs, "--jobs", "1", "--out", tmp_path / f"one.{suffix}")
        batch(capsys, *inputs, "--jobs", "2", "--out", tmp_path / f"two.{suffix}")
        assert (tmp_path / f"one.{suffix}").read_bytes() == (tmp_path / f"two.{suffix}").read_bytes()


def test_format_option_wins_over_the_suffix(capsys, tmp_path):
    """--format jsonl writes JSON Lines whatever the name of --out."""
    code, _, _ = batch(capsys, SMALL, "--format", "jsonl", "--out", tmp_path / "out.txt")
    assert code == 0
    assert json.loads((tmp_path / "out.txt").read_text("utf-8").splitlines()[0])["type"] == "vision"


def test_threshold_changes_the_results(capsys, tmp_path):
    """--threshold sets the coverage a stage needs for every region."""
    batch(capsys, EXAMPLES, "--threshold", "1", "--out", tmp_path / "strict.csv")
    batch(capsys, EXAMPLES, "--out", tmp_path / "default.csv")
    strict = [r["type"] for r in read_csv(tmp_path / "strict.csv")]
    default = [r["type"] for r in read_csv(tmp_path / "default.csv")]
    assert strict != default
    assert strict[0] == "unsynchronized"  # 15 of 18 programs is below a threshold of 1


def test_lang_sets_the_language_of_json_messages(capsys, tmp_path):
    """--lang id gives the messages of the JSON lines in Indonesian."""
    batch(capsys, EXAMPLES / "type-a-vision.yaml", "--out", tmp_path / "en.jsonl")
    batch(capsys, EXAMPLES / "type-a-vision.yaml", "--lang", "id", "--out", tmp_path / "id.jsonl")
    en = json.loads((tmp_path / "en.jsonl").read_text("utf-8"))
    id_ = json.loads((tmp_path / "id.jsonl").read_text("utf-8"))
    assert en["type"] == id_["type"]
    assert en["diagnostics"][0]["message"] != id_["diagnostics"][0]["message"]


def test_workbook_input(capsys, tmp_path):
    """An .xlsx workbook is an input like a folder of tables."""
    pytest.importorskip("openpyxl")
    dump_tables(load_regions(EXAMPLES), tmp_path / "book.xlsx")
    code, _, _ = batch(capsys, tmp_path / "book.xlsx", "--out", tmp_path / "out.csv")
    assert code == 0
    assert [r["type_letter"] for r in read_csv(tmp_path / "out.csv")] == ["A", "B", "C", "D", ""]


@pytest.mark.parametrize("args, message", [
    (["--out", "{tmp}/out.txt"], "cannot tell the output format"),
    (["--out", "{tmp}/out.csv", "--threshold", "1.5"], "--threshold"),
    (["--out", "{tmp}/out.csv", "--jobs", "-1"], "--jobs"),
])
def test_usage_errors_exit_two(capsys, tmp_path, args, message):
    """A bad option exits 2 with a message and writes nothing."""
    with pytest.raises(SystemExit) as info:
        main(["batch", str(SMALL), *[a.format(tmp=tmp_path) for a in args]])
    assert info.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("args, message", [
    (["--out", "{tmp}/block/out.csv"], "is a file"),
    (["--out", "{tmp}", "--format", "csv"], "is a folder"),
])
def test_an_output_that_cannot_be_a_file_exits_three(capsys, tmp_path, args, message):
    """An --out under a file, or naming a folder, exits 3 (an output that cannot be
    written, as in every command) with a message and writes nothing."""
    (tmp_path / "block").write_text("mine", encoding="utf-8")
    code, _, err = batch(capsys, SMALL, *[a.format(tmp=tmp_path) for a in args])
    assert code == 3
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()
    assert (tmp_path / "block").read_text(encoding="utf-8") == "mine"


def test_a_missing_output_folder_is_made_inside_the_path_named(capsys, tmp_path):
    """An --out in folders that do not exist yet makes them (as report --out does), and only them."""
    code, _, _ = batch(capsys, SMALL, "--out", tmp_path / "new" / "deeper" / "out.csv")
    assert code in (0, 1) and (tmp_path / "new" / "deeper" / "out.csv").is_file()
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["deeper", "new", "out.csv"]


# ---------------------------------------------------------------- progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_shows_done_total_rate_and_time_left():
    """On a terminal the bar shows regions done of the total, the rate and the time left."""
    stream = FakeTerminal()
    progress = Progress(4, stream)
    progress.show(progress.start + 2.0)
    progress.update(True)
    progress.update(False)
    progress.show(progress.start + 2.0)
    text = stream.getvalue()
    assert "\r[" in text and "2/4 regions, 1 failed" in text
    assert "1.0/s" in text and "0:02 left" in text


def test_no_bar_when_not_a_terminal(capsys, tmp_path):
    """Off a terminal a short batch prints no progress at all: stderr stays empty."""
    code = main(["batch", str(SMALL), "--out", str(tmp_path / "out.csv")])
    assert code == 0
    assert capsys.readouterr().err == ""


def test_plain_progress_lines_off_a_terminal():
    """Off a terminal progress is a plain line (no carriage return) once the interval has passed."""
    stream = io.StringIO()
    progress = Progress(10, stream, every=0.0)
    progress.update(True)
    assert stream.getvalue() == stream.getvalue().lstrip("\r")
    assert stream.getvalue().startswith("batch: 1/10 regions")


# ---------------------------------------------------------------- interrupted runs


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """A folder of 150 typical region files: a batch of them runs for several seconds."""
    folder = tmp_path_factory.mktemp("many")
    for region in sample_regions(150, seed=1000):
        dump_region(region, folder / f"{region.id}.json")
    return folder


def start(many: Path, out: Path, jobs: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "smartsync", "batch", str(many), "--out", str(out), "--jobs",
         str(jobs), "--no-progress"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        # Ctrl-C's default, whatever this run inherited: a suite started in the background by
        # a script has SIGINT ignored, and so would the batch (it then ran to its end, exit 0)
        preexec_fn=_default_sigint if hasattr(signal, "SIGINT") else None)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(".tmp")]


def wait_for_temp(folder: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while not temp_files(folder):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the batch never started writing"
        time.sleep(0.05)
    # well into the run: a region's line written to the temporary file (not a fixed sleep,
    # which a loaded machine outlasts)
    while not any(_lines(p) >= 2 for p in temp_files(folder)):
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        assert time.monotonic() < deadline, "the batch never wrote a region's line"
        time.sleep(0.05)
    assert proc.poll() is None, "the batch ended before it could be interrupted"


def _lines(path: Path) -> int:
    """Complete lines in a file being written (0 when it is gone)."""
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def group_gone(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_killed_batch_leaves_the_previous_file_untouched(many, tmp_path):
    """SIGKILL mid-run: the output file is still the previous complete one, and workers exit."""
    out = tmp_path / "out.csv"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = start(many, out, jobs=2)
    wait_for_temp(tmp_path, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert group_gone(proc.pid, 10), "worker processes outlived the killed batch"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_killed_first_batch_leaves_no_output_file(many, tmp_path):
    """SIGKILL mid-run with no earlier output: no output file at all, never a truncated one."""
    out = tmp_path / "out.csv"
    proc = start(many, out, jobs=1)
    wait_for_temp(tmp_path, proc)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert not out.exists()


@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="POSIX signals")
@pytest.mark.parametrize("jobs", [1, 2])
def test_ctrl_c_leaves_the_previous_file_and_no_temporary_file(many, tmp_path, jobs):
    """Ctrl-C (SIGINT to the process group) mid-run: exit 130, previous file kept, temp file removed."""
    out = tmp_path / "out.jsonl"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = start(many, out, jobs=jobs)
    wait_for_temp(tmp_path, proc)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert temp_files(tmp_path) == []
    assert b"Traceback" not in err and b"interrupted" in err


@pytest.mark.skipif(not hasattr(signal, "SIGTERM"), reason="POSIX signals")
def test_sigterm_removes_the_temporary_file(many, tmp_path):
    """SIGTERM mid-run: exit 143, no output file and no temporary file left."""
    out = tmp_path / "out.csv"
    proc = start(many, out, jobs=1)
    wait_for_temp(tmp_path, proc)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert not out.exists() and temp_files(tmp_path) == []


def test_a_temporary_file_of_a_killed_run_is_removed_by_the_next(capsys, tmp_path):
    """The next batch to the same output removes the temporary file a killed batch left."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.csv.smartsync-{dead.pid}-abc.tmp"
    stale.write_text("half a row", encoding="utf-8")
    other = tmp_path / ".notes.txt.tmp"
    other.write_text("not ours", encoding="utf-8")
    code, _, _ = batch(capsys, SMALL, "--out", tmp_path / "out.csv")
    assert code == 0
    assert not stale.exists() and other.exists()
    assert len(read_csv(tmp_path / "out.csv")) == 3


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_an_output_folder_without_write_permission_is_an_error():
    """An output that cannot be written exits 3 with a message, not a traceback (run as a user who is not root)."""
    import unprivileged

    folder = unprivileged.shared_folder()
    try:
        locked = folder / "locked"
        locked.mkdir()
        unprivileged.give(locked)
        locked.chmod(0o500)
        done = unprivileged.run([sys.executable, "-m", "smartsync", "batch", "--no-progress", str(SMALL),
                                 "--out", str(locked / "out.csv")], cwd=ROOT)
        assert done.returncode == 3 and "cannot write" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
        assert list(locked.iterdir()) == []
    finally:
        unprivileged.remove(folder)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork",
                    reason="the patched worker function reaches workers only when forked")
def test_a_worker_that_dies_is_an_error_not_a_traceback(capsys, tmp_path, monkeypatch):
    """A worker process that dies mid-batch ends the batch with exit 1, a message and no output."""
    import smartsync.batch as batch_module

    monkeypatch.setattr(batch_module, "_work", _die)
    code, _, err = batch(capsys, EXAMPLES, "--jobs", "2", "--out", tmp_path / "out.csv")
    assert code == 1 and "worker process died" in err
    assert not (tmp_path / "out.csv").exists() and temp_files(tmp_path) == []


def _die(chunk, render):  # type: ignore[no-untyped-def]
    os._exit(3)


def test_a_complete_run_replaces_the_previous_file(capsys, tmp_path):
    """A batch that completes replaces the previous output and leaves no temporary file."""
    out = tmp_path / "out.csv"
    out.write_text(PREVIOUS, encoding="utf-8")
    batch(capsys, SMALL, "--out", out)
    assert [r["id"] for r in read_csv(out)] == ["3374", "3322", "3671"]
    assert temp_files(tmp_path) == []


def test_jsonl_holds_advice_only_when_asked(capsys, tmp_path):
    """JSON Lines carry to_reach and stability with --advice, and leave them out by default
    (advice classifies each region again many times; a batch of hundreds must stay fast)."""
    example = EXAMPLES / "type-d-program.yaml"
    code, _, _ = batch(capsys, example, "--out", tmp_path / "plain.jsonl")
    assert code == 0
    plain = json.loads((tmp_path / "plain.jsonl").read_text(encoding="utf-8"))
    assert "to_reach" not in plain and "stability" not in plain
    code, _, _ = batch(capsys, example, "--advice", "--out", tmp_path / "advice.jsonl")
    assert code == 0
    advised = json.loads((tmp_path / "advice.jsonl").read_text(encoding="utf-8"))
    assert advised["type_letter"] == "D"
    assert set(advised["to_reach"]) == {"A", "B", "C"}
    assert advised["to_reach"]["B"]["needed"]["mission"] == 2
    assert "threshold_to" in advised["stability"]


def test_the_summary_names_a_failed_files_path_once(capsys, tmp_path):
    """A file that fails to load is named once in the summary ('failed: FILE:2: error: ...'),
    not twice ('failed: FILE: FILE:2: error: ...')."""
    bad = tmp_path / "rusak.yaml"
    bad.write_text("region: {id: 1, name: [\n", encoding="utf-8")
    code, out, err = batch(capsys, EXAMPLES / "type-a-vision.yaml", bad, "-o", tmp_path / "out.csv")
    (line,) = [l for l in (out + err).splitlines() if l.startswith("failed: ")]
    assert line.count(str(bad)) == 1 and line.startswith(f"failed: {bad}:")


def test_the_summary_names_a_file_with_several_errors_only_in_its_errors(capsys, tmp_path):
    """A file with several errors (and no region id to name it by) is named by its errors
    alone ('failed: 2 errors: FILE:13: ...; FILE:19: ...'), not once more in front."""
    bad = tmp_path / "dua.yaml"
    bad.write_text((EXAMPLES / "type-a-vision.yaml").read_text(encoding="utf-8")
                   .replace('id: "9901"', 'id: ["9901"]', 1)
                   .replace("level: vision", "level: visiion", 1), encoding="utf-8")
    code, out, err = batch(capsys, EXAMPLES / "type-a-vision.yaml", bad, "-o", tmp_path / "out.csv")
    (line,) = [l for l in (out + err).splitlines() if l.startswith("failed: ")]
    assert line.startswith("failed: 2 errors: ") and line.count(str(bad)) == 2, line


def test_failures_are_said_in_the_language_asked_in_every_output(tmp_path, capsys):
    """batch --lang id: a failed file's reason is Indonesian in the CSV, the JSON line and the summary."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dup.yaml").write_text(
        "region: {id: '9001', name: Kota Uji, kind: kota}\n"
        "rpjmd: {period: [2021, 2026], elements: [{id: V, level: visi, text: Visi},"
        " {id: V, level: visi, text: Visi lagi}]}\n"
        "masterplan: {period: [2022, 2031], elements: [{id: SV, level: vision, text: Visi cerdas}]}\n",
        encoding="utf-8")
    for out in (tmp_path / "o.csv", tmp_path / "o.jsonl"):
        assert main(["batch", str(folder), "--out", str(out), "--no-progress", "--lang", "id"]) == 1
        written = out.read_text(encoding="utf-8")
        if out.suffix == ".jsonl":  # the error and each problem's message; codes stay codes
            line = json.loads(written)
            written = " ".join([line["region"]["id"], line["error"]] + [p["message"] for p in line["problems"]])
        assert "ganda" in written and "duplicate" not in written and "9001" in written
        said = capsys.readouterr().out
        assert "gagal" in said and "ganda" in said and "duplicate" not in said
    assert main(["batch", str(folder), "--out", str(tmp_path / "e.csv"), "--no-progress"]) == 1
    assert "duplicate" in (tmp_path / "e.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rules_and_relations_give_the_variants_types_and_stage_columns(capsys, tmp_path, jobs):
    """batch --rules goal-stage: each example's type is the variant's, with the goal columns; --relations too."""
    from smartsync import load_region
    from smartsync.typology import Parameters
    from smartsync.variants import load_variant

    files = sorted(EXAMPLES.glob("*.yaml"))
    out = tmp_path / "goal.csv"
    code, said, _ = batch(capsys, *files, "--out", out, "--rules", "goal-stage", "-j", jobs)
    assert code == 0 and "type E (program)" in said
    classifier = load_variant("goal-stage").classifier()
    rows = read_csv(out)
    assert [r["type"] for r in rows] == [classifier.classify(load_region(f)).type.value for f in files]
    assert "goal_coverage" in rows[0]
    out = tmp_path / "adopted.csv"
    assert batch(capsys, *files, "--out", out, "--relations", "adopted", "-j", jobs)[0] == 0
    params = Parameters(relations=["adopted"])
    assert [r["type"] for r in read_csv(out)] == [
        smartsync_classify(load_region(f), params) for f in files]


def smartsync_classify(region, params):
    """The default rules' type value of a region under ``params``."""
    from smartsync import classify

    return classify(region, params=params).type.value


def test_a_rules_name_that_names_nothing_is_a_usage_error(capsys, tmp_path):
    """batch --rules nosuch: exit 2, the known variants named, no output written."""
    code, _, err = batch(capsys, EXAMPLES, "--out", tmp_path / "o.csv", "--rules", "nosuch")
    assert code == 2 and "goal-stage" in err and not (tmp_path / "o.csv").exists()
