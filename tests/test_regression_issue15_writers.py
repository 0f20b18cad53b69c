"""Issue 15, the writers: cases 5 (report and links), 8 (match --write), 12 (long --out names),
13 (batch over its own input), and kill tests for every writer (match --write, dump_tables,
batch, report): a SIGTERM or SIGKILL in the middle of a write leaves the old file or none,
never half of one, and SIGTERM leaves no temporary file."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from smartsync import Match, dump_region, load_region, load_tables, write_report
from smartsync._files import atomic_write, check_target, remove_stale_temps
from smartsync.cli import main
from smartsync.errors import OutputError
from smartsync.matching.fileedit import write_matches

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "type-a-vision.yaml"
POSIX = pytest.mark.skipif(os.name != "posix", reason="POSIX links, owners and signals")


def cli(*argv: object) -> int:
    """The exit code of ``smartsync ARGV`` (argparse's usage errors included)."""
    try:
        return main([str(a) for a in argv])
    except SystemExit as exc:
        return int(exc.code or 0)


def temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def region_without_matches(tmp_path: Path, name: str = "r.yaml") -> Path:
    """A region file that `match` has suggestions for."""
    text = EXAMPLE.read_text(encoding="utf-8")
    head, _, _ = text.partition("\nmatches:")
    path = tmp_path / name
    path.write_text(head + "\nmatches: []\n", encoding="utf-8")
    return path


# ------------------------------------------------------------ the safe writer itself


def test_atomic_write_gives_a_new_file_in_one_step(tmp_path):
    """The writer replaces the file by a rename (a new inode), leaving no temporary file."""
    target = tmp_path / "out.txt"
    target.write_text("old")
    before = target.stat().st_ino
    atomic_write(target, lambda out: out.write(b"new"))
    assert target.read_text() == "new" and target.stat().st_ino != before
    assert temps(tmp_path) == []


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_file(tmp_path):
    """An exception inside the write: old file intact, temporary file removed."""
    target = tmp_path / "out.txt"
    target.write_text("old")

    def broken(out):
        out.write(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_text() == "old" and temps(tmp_path) == []


@POSIX
def test_case_12_a_long_legal_name_gets_a_temporary_name_that_fits(tmp_path):
    """A 250-byte target name (legal) is written: the temporary name is shortened to fit."""
    target = tmp_path / ("a" * 246 + ".csv")
    atomic_write(target, lambda out: out.write(b"x"))
    assert target.read_bytes() == b"x" and temps(tmp_path) == []


def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path):
    """A temporary file whose process is gone is removed; others' files stay."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f".out.csv.smartsync-{dead.pid}-abcdefgh.tmp"
    stale.write_text("half")
    mine = tmp_path / f".out.csv.smartsync-{os.getpid()}-abcdefgh.tmp"
    mine.write_text("in progress")
    other = tmp_path / ".notes.tmp"
    other.write_text("not ours")
    remove_stale_temps(tmp_path / "out.csv")
    assert not stale.exists() and mine.exists() and other.exists()


# ------------------------------------------------------------ case 8: match --write


@POSIX
def test_case_8_match_write_refuses_a_symlink_and_leaves_it_a_link(tmp_path, capsys):
    """--write on a symbolic link: exit 3, a message saying it is a link, the link and the file
    it points to unchanged (never replaced by a regular file, never 'written to' the link)."""
    real = region_without_matches(tmp_path)
    before = real.read_bytes()
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    code = main(["match", str(link), "--write"])
    out, err = capsys.readouterr()
    assert code == 3
    assert "symbolic link" in err and "written to" not in out
    assert link.is_symlink() and os.readlink(link) == real.name
    assert real.read_bytes() == before


@POSIX
def test_case_8_match_write_keeps_hard_links_by_refusing(tmp_path, capsys):
    """A file with two hard links: refused with the reason; both names still share the file."""
    real = region_without_matches(tmp_path)
    other = tmp_path / "other.yaml"
    os.link(real, other)
    before = real.read_bytes()
    code = main(["match", str(real), "--write"])
    err = capsys.readouterr().err
    assert code == 3 and "hard links" in err
    assert real.stat().st_ino == other.stat().st_ino and real.read_bytes() == before


@POSIX
def test_case_8_match_write_refuses_a_read_only_file(tmp_path, capsys):
    """A read-only file is not rewritten, even by root: exit 3, 'read-only', file unchanged."""
    real = region_without_matches(tmp_path)
    before = real.read_bytes()
    real.chmod(0o444)
    try:
        code = main(["match", str(real), "--write"])
    finally:
        real.chmod(0o644)
    assert code == 3 and "read-only" in capsys.readouterr().err
    assert real.read_bytes() == before


@POSIX
def test_case_8_match_write_keeps_permissions(tmp_path, capsys):
    """The edited file keeps its permission bits."""
    real = region_without_matches(tmp_path)
    real.chmod(0o640)
    assert main(["match", str(real), "--write"]) == 0
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert any(m.source.value == "suggested" for m in load_region(real).matches)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() != 0, reason="only root can give a file away")
def test_case_8_match_write_as_root_keeps_the_owner(tmp_path, capsys):
    """Run as root on another user's file: the edited file still belongs to that user."""
    real = region_without_matches(tmp_path)
    os.chown(real, 4321, 4322)
    assert main(["match", str(real), "--write"]) == 0
    status = real.stat()
    assert (status.st_uid, status.st_gid) == (4321, 4322)


def test_case_8_match_write_takes_a_json_file_with_a_bom(tmp_path, capsys):
    """A JSON region file with a UTF-8 BOM (which validate accepts) takes the suggestions and
    keeps its BOM."""
    import json

    from smartsync import region_to_dict

    data = region_to_dict(load_region(EXAMPLE))
    data["matches"] = []
    path = tmp_path / "r.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(data, indent=2).encode())
    assert main(["validate", str(path)]) == 0
    assert main(["match", str(path), "--write"]) == 0, capsys.readouterr().err
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert load_region(path).matches


def test_write_matches_refuses_a_file_changed_meanwhile(tmp_path, monkeypatch):
    """write_matches sees a file another program changed after it was read: refused, the
    other program's text kept."""
    import smartsync.matching.fileedit as fileedit

    real = region_without_matches(tmp_path)
    region = load_region(real)
    match = Match(region.masterplan.elements[0].id, region.rpjmd.elements[0].id, "aligned")
    original = fileedit.insert_matches

    def meanwhile(text, matches, **kw):
        real.write_text(real.read_text() + "\n# edited by someone else\n")
        return original(text, matches, **kw)

    monkeypatch.setattr(fileedit, "insert_matches", meanwhile)
    with pytest.raises(OutputError, match="changed while"):
        write_matches(real, [match])
    assert real.read_text().endswith("# edited by someone else\n")


# ------------------------------------------------------------ case 5: report and links


@POSIX
def test_case_5_report_does_not_follow_a_link_in_the_output_folder(tmp_path, capsys):
    """A symbolic link named like a page, pointing outside --out: the file outside is not
    touched, the link stays, the region is reported as failed with the reason (exit 1)."""
    outside = tmp_path / "outside.txt"
    outside.write_text("precious")
    out = tmp_path / "report"
    out.mkdir()
    region = load_region(EXAMPLE)
    page = out / f"region-{region.id}.html"
    page.symlink_to(outside)
    code = main(["report", str(EXAMPLE), "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "symbolic link" in err
    assert outside.read_text() == "precious" and page.is_symlink()


@POSIX
def test_case_5_an_index_that_is_a_link_stops_the_report_before_work(tmp_path, capsys):
    """index.html a link to outside: exit 3 naming it, nothing outside written."""
    outside = tmp_path / "outside.html"
    outside.write_text("precious")
    out = tmp_path / "report"
    out.mkdir()
    (out / "index.html").symlink_to(outside)
    code = main(["report", str(EXAMPLES), "--out", str(out)])
    assert code == 3 and "index.html" in capsys.readouterr().err
    assert outside.read_text() == "precious"


def test_case_5_report_pages_are_replaced_atomically(tmp_path):
    """Writing the report again replaces each page by a rename (new inode), no temporary file."""
    out = tmp_path / "report"
    first = write_report([EXAMPLE], out, index=True)
    inodes = {p.path.name: p.path.stat().st_ino for p in first.pages}
    index_inode = first.index.stat().st_ino
    second = write_report([EXAMPLE], out, index=True)
    assert all(p.path.stat().st_ino != inodes[p.path.name] for p in second.pages)
    assert second.index.stat().st_ino != index_inode
    assert temps(out) == []


def test_case_5_report_out_empty_is_refused(capsys):
    """report --out '' does not write into the current folder: exit 2 naming the problem."""
    code = cli("report", EXAMPLE, "--out", "")
    assert code == 2 and "empty" in capsys.readouterr().err


# ------------------------------------------------------------ case 13: batch over its input


def test_case_13_batch_refuses_out_equal_to_an_input_file(tmp_path, capsys):
    """--out naming an input file: usage error (2), the input untouched."""
    path = tmp_path / "r.yaml"
    path.write_bytes(EXAMPLE.read_bytes())
    code = main(["batch", "--no-progress", str(path), "--out", str(path), "--format", "csv"])
    assert code == 2 and "is also an input" in capsys.readouterr().err
    assert path.read_bytes() == EXAMPLE.read_bytes()


def test_case_13_batch_refuses_out_equal_to_a_table_of_an_input_folder(tmp_path, capsys):
    """--out naming regions.csv of an input folder of tables: refused, tables untouched."""
    from smartsync import dump_tables

    dump_tables([load_region(EXAMPLE)], tmp_path / "tables")
    table = tmp_path / "tables" / "regions.csv"
    before = table.read_bytes()
    code = main(["batch", "--no-progress", str(tmp_path / "tables"), "--out", str(table)])
    assert code == 2 and "is also an input" in capsys.readouterr().err
    assert table.read_bytes() == before


def test_case_13_batch_writes_beside_its_inputs(tmp_path, capsys):
    """An --out in an input folder that is not itself an input is fine."""
    dump_region(load_region(EXAMPLE), tmp_path / "r.yaml")
    code = main(["batch", "--no-progress", str(tmp_path), "--out", str(tmp_path / "out.csv")])
    assert code == 0 and (tmp_path / "out.csv").exists()


@POSIX
def test_case_12_batch_out_with_a_long_legal_name(tmp_path, capsys):
    """A 240-character --out name is written (its temporary name is shortened to fit)."""
    out = tmp_path / ("o" * 236 + ".csv")
    code = main(["batch", "--no-progress", str(EXAMPLE), "--out", str(out)])
    assert code == 0 and out.exists() and temps(tmp_path) == []


# ------------------------------------------------------------ check_target's refusals


@POSIX
@pytest.mark.parametrize("kind, reason", [("fifo", "not a regular file"), ("dir", "is a folder")])
def test_targets_that_are_not_files_are_refused(tmp_path, kind, reason):
    target = tmp_path / "x"
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()
    with pytest.raises(OutputError, match=reason):
        check_target(target)


def test_within_refuses_a_target_outside_the_folder(tmp_path):
    (tmp_path / "a").mkdir()
    with pytest.raises(OutputError, match="not in the output folder"):
        check_target(tmp_path / "b.html", within=tmp_path / "a")


# ------------------------------------------------------------ kill tests for every writer

# A child process runs one writer with os.fsync made slow (the temporary file then holds the
# whole new text, the target is still the old one); it touches FLAG when it gets there. The
# parent kills it then. A writer that does not go through the safe writer never gets there.
_CHILD = textwrap.dedent("""
    import os, sys, time
    flag = sys.argv[1]
    real_fsync = os.fsync
    def slow_fsync(fd):
        open(flag, "w").close()
        time.sleep(60)
        real_fsync(fd)
    os.fsync = slow_fsync
    kind, target = sys.argv[2], sys.argv[3]
    from smartsync import load_region, dump_tables, write_report
    from smartsync.cli import main
    region = load_region(sys.argv[4])
    if kind == "dump_tables":
        dump_tables([region], target)
    elif kind == "dump_tables_xlsx":
        dump_tables([region], target)
    elif kind == "report":
        write_report([sys.argv[4]], target)
    elif kind == "batch":
        sys.exit(main(["batch", "--no-progress", sys.argv[4], "--out", target]))
    elif kind == "match":
        sys.exit(main(["match", target, "--write"]))
""")


def _prepare(kind: str, tmp_path: Path) -> tuple[Path, Path, bytes | None]:
    """(what to give the child as target, the file that must stay whole, its old bytes)."""
    from smartsync import dump_tables

    region = load_region(EXAMPLE)
    if kind == "match":
        path = region_without_matches(tmp_path)
        return path, path, path.read_bytes()
    if kind == "dump_tables":
        folder = tmp_path / "tables"
        dump_tables([region], folder)
        return folder, folder / "regions.csv", (folder / "regions.csv").read_bytes()
    if kind == "dump_tables_xlsx":
        pytest.importorskip("openpyxl")
        path = tmp_path / "t.xlsx"
        dump_tables([region], path)
        return path, path, path.read_bytes()
    if kind == "report":
        folder = tmp_path / "report"
        page = write_report([EXAMPLE], folder).pages[0].path
        return folder, page, page.read_bytes()
    path = tmp_path / "out.csv"
    path.write_text("id\nprevious run\n")
    return path, path, path.read_bytes()


WRITERS = ["match", "dump_tables", "dump_tables_xlsx", "batch", "report"]


@POSIX
@pytest.mark.slow
@pytest.mark.parametrize("kind", WRITERS)
@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_killing_any_writer_mid_write_leaves_the_old_file(tmp_path, kind, how):
    """Every writer goes through the safe writer: killed while writing, the file is the old
    one, byte for byte; SIGTERM also removes the temporary file (and exits 143)."""
    target, whole, old = _prepare(kind, tmp_path)
    flag = tmp_path / "flag"
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(flag), kind, str(target),
                             str(EXAMPLE)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not flag.exists():
        if proc.poll() is not None:
            out, err = proc.communicate()
            pytest.fail(f"{kind} finished without writing through the safe writer: {err!r}")
        assert time.monotonic() < deadline, "the writer never started writing"
        time.sleep(0.02)
    proc.send_signal(getattr(signal, how))
    _, err = proc.communicate(timeout=60)
    assert whole.read_bytes() == old
    folder = whole.parent
    if how == "SIGTERM":
        assert temps(folder) == []
        if kind in ("match", "batch"):  # the commands: exit 143, a message, no traceback
            assert proc.returncode == 143 and b"Traceback" not in err and b"terminated" in err
        else:  # the functions raise smartsync._files.Terminated after cleaning up
            assert proc.returncode != 0 and b"Terminated" in err
