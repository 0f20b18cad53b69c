"""What the API's writers do with a folder that does not exist (issue 23): a file writer
(dump_region, dump_tables to .xlsx, write_draft, atomic_write, check_target) refuses it
with an OutputError naming the folder, making nothing; a folder writer (write_report's
``out``, dump_tables' CSV folder) makes the folder it was given, as ``report --out`` does,
and a path through a file is an OutputError, never a bare NotADirectoryError."""

from __future__ import annotations

from pathlib import Path

import pytest

import smartsync
from smartsync._files import atomic_write, check_target
from smartsync.errors import OutputError

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "type-a-vision.yaml"


@pytest.fixture(scope="module")
def region():
    return smartsync.load_region(EXAMPLE)


@pytest.mark.parametrize("write", ["dump_region", "xlsx", "atomic_write", "check_target"])
def test_a_file_in_a_missing_folder_is_refused_and_no_folder_made(tmp_path, region, write, capsys):
    """Each file writer: OutputError 'its folder ... does not exist; create the folder
    first', the folder not made, and nothing on stderr (no openpyxl generator noise)."""
    if write == "xlsx":
        pytest.importorskip("openpyxl")
    target = tmp_path / "missing" / ("x.xlsx" if write == "xlsx" else "x.yaml")
    calls = {"dump_region": lambda: smartsync.dump_region(region, target),
             "xlsx": lambda: smartsync.dump_tables([region], target),
             "atomic_write": lambda: atomic_write(target, lambda out: out.write(b"x")),
             "check_target": lambda: check_target(target)}
    with pytest.raises(OutputError, match="does not exist; create the folder first"):
        calls[write]()
    assert not (tmp_path / "missing").exists()
    assert capsys.readouterr().err == ""


def test_a_draft_in_a_missing_folder_is_refused(tmp_path):
    """write_draft: the same refusal, nothing made."""
    pytest.importorskip("openpyxl")
    from smartsync.documents import draft_region, write_draft

    table = tmp_path / "rpjmd.csv"
    table.write_text("RPJMD KOTA UJI TAHUN 2021-2026\nKode;Program;Pagu 2022 (Rp)\n"
                     "2.16.02;Program Pengelolaan Informasi dan Komunikasi Publik;1000000\n",
                     encoding="utf-8")
    draft = draft_region(rpjmd=table, masterplan=table)
    with pytest.raises(OutputError, match="does not exist"):
        write_draft(draft, tmp_path / "missing" / "region.yaml")
    assert not (tmp_path / "missing").exists()


@pytest.mark.parametrize("write", ["write_report", "dump_tables"])
def test_a_folder_output_is_made_and_a_path_through_a_file_refused(tmp_path, region, write):
    """write_report and dump_tables (CSV) make the folder named (with its missing parents);
    a path through a file, or a file where the folder should be, is an OutputError."""
    def call(out):
        if write == "write_report":
            return smartsync.write_report([EXAMPLE], out)
        return smartsync.dump_tables([region], out)

    call(tmp_path / "a" / "b")
    assert (tmp_path / "a" / "b").is_dir() and any((tmp_path / "a" / "b").iterdir())
    blocker = tmp_path / "file"
    blocker.write_text("keep", encoding="utf-8")
    with pytest.raises(OutputError, match="a part of the path is a file"):
        call(blocker / "x")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        call(blocker)
    assert blocker.read_text(encoding="utf-8") == "keep"
