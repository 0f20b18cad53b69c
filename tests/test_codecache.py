"""smartsync._codecache: the code attrs and the fast matcher compile, kept across runs of the
``smartsync`` command -- the same code as Python compiles, read only from a file its user
alone may write, never in the way of a run."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from smartsync import _codecache

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "type-b-mission.yaml"

#: runs ``smartsync classify EXAMPLE --format json`` as the command does, checking that
#: every code object the cache gave is the one Python compiles from the same source, and
#: prints its own report as the last line of stderr
_PROBE = """
import builtins, json, sys
python_compile = builtins.compile
from smartsync import _codecache
compiled, served, filled = [0], [], [0]
real_compile, real_cached, real_replaced = _codecache._builtin_compile, _codecache.compile, _codecache._replaced
def counting(*args, **kwargs):
    compiled[0] += 1
    return real_compile(*args, **kwargs)
def checking(source, filename, mode, flags=0, dont_inherit=False, *rest, **kwargs):
    if not dont_inherit:
        flags |= sys._getframe(1).f_code.co_flags & _codecache._FUTURE_FLAGS
    code = real_cached(source, filename, mode, flags, True, *rest, **kwargs)
    served.append(code == python_compile(source, filename, mode, flags, True))
    return code
def replacing(*args):
    filled[0] += 1
    return real_replaced(*args)
_codecache._builtin_compile, _codecache.compile, _codecache._replaced = counting, checking, replacing
sys.argv = ["smartsync", "classify", sys.argv[1], "--format", "json"]
from smartsync import cli
code = cli.command()
print(json.dumps([code, compiled[0], len(served), all(served), filled[0]]), file=sys.stderr)
"""


def _run(folder: Path, seed: int, *, write: bool = True) -> tuple[str, list]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(SMARTSYNC_CACHE_DIR=str(folder), PYTHONHASHSEED=str(seed))
    if not write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    done = subprocess.run([sys.executable, "-c", _PROBE, str(EXAMPLE)], capture_output=True,
                          text=True, env=env, cwd=ROOT, check=True)
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def test_later_runs_take_the_code_from_the_cache_and_print_the_same(tmp_path):
    """The first run compiles and writes the cache (its folder and file the user's alone);
    later runs, under other hash seeds, compile far less, print the same, and every code
    object the cache gives (a hash seed's integer filled in or not) is Python's own."""
    folder = tmp_path / "cache"
    first_out, (code, first, served, same, _) = _run(folder, 1)
    assert code == 0 and served > 100 and same
    (path,) = folder.iterdir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    filled = 0
    for seed in (2, 3, 4):
        out, (code, compiled, served, same, replaced) = _run(folder, seed)
        assert out == first_out and code == 0 and same
        assert compiled < first / 2, (compiled, first)
        filled += replaced
    assert filled > 0  # attrs' per-process integer was filled into cached code


def test_nothing_is_written_without_bytecode_and_an_empty_setting_turns_it_off(tmp_path, monkeypatch):
    """With PYTHONDONTWRITEBYTECODE the cache is not written (as Python's bytecode is not);
    ``SMARTSYNC_CACHE_DIR=`` (empty) turns it off."""
    folder = tmp_path / "cache"
    out, (code, *_rest) = _run(folder, 1, write=False)
    assert code == 0 and '"type_letter":"B"' in out and not folder.exists()
    monkeypatch.setenv(_codecache.ENV, "")
    assert _codecache.cache_dir() is None
    monkeypatch.delenv(_codecache.ENV)  # off unless asked: the command writes nowhere else
    assert _codecache.cache_dir() is None
    monkeypatch.setenv(_codecache.ENV, str(folder))
    assert _codecache.cache_dir() == str(folder)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file owners and modes are POSIX's")
def test_a_cache_file_anyone_else_could_have_written_is_not_read(tmp_path):
    """A cache file is run as code: it is not read when its folder or the file may be
    written by others, when it is a link, or when its checksum does not hold."""
    folder = tmp_path / "cache"
    _run(folder, 1)
    (path,) = folder.iterdir()
    assert _codecache._load(str(path))  # the user's own file, as written
    path.chmod(0o620)
    assert _codecache._load(str(path)) == {}
    path.chmod(0o600)
    folder.chmod(0o777)
    assert _codecache._load(str(path)) == {}
    folder.chmod(0o700)
    link = folder / "link.bin"
    link.symlink_to(path)
    assert _codecache._load(str(link)) == {}
    data = bytearray(path.read_bytes())
    data[-10] ^= 0xFF  # a byte of the code changed: the checksum does not hold
    path.write_bytes(bytes(data))
    assert _codecache._load(str(path)) == {}
    path.write_bytes(_codecache._MAGIC + b"\0\0\0\0" + b"not marshal")
    assert _codecache._load(str(path)) == {}
    # and a run with such a file compiles as if there were none, and prints the same
    out, (code, *_rest) = _run(folder, 2, write=False)
    assert code == 0 and '"type_letter":"B"' in out


def test_a_source_whose_hole_cannot_be_filled_is_served_only_as_itself(tmp_path, monkeypatch):
    """An integer after ``hash((`` that is not one constant of the code (here it is written
    twice) is not a hole: the entry serves that source only."""
    monkeypatch.setattr(_codecache, "_table", {})
    source = "def f(x):\n    return hash((1234567890123, x)) + 1234567890123\n"
    code = _codecache.compile(source, "<test>", "exec")
    other = source.replace("1234567890123", "1234567890124")
    assert _codecache.compile(source, "<test>", "exec") is code
    assert _codecache.compile(other, "<test>", "exec") == compile(other, "<test>", "exec")
    fillable = "def f(x):\n    return hash((\n        -1234567890123,\n        x))\n"
    first = _codecache.compile(fillable, "<test>", "exec")
    filled = _codecache.compile(fillable.replace("123,", "124,"), "<test>", "exec")
    assert first is not filled
    assert filled == compile(fillable.replace("123,", "124,"), "<test>", "exec")


#: stems words in a process with the cache on (as the command has it), saves the cache, and
#: prints the stems and whether Sastrawi's stemmer was loaded
_STEMS = """
import json, sys
from smartsync import _codecache
_codecache.enable()
from smartsync.matching import text
stems = [text.stem(w) for w in json.loads(sys.argv[1])]
_codecache.save()
print(json.dumps([stems, "Sastrawi.Stemmer.Stemmer" in sys.modules]))
"""


def test_the_stems_sastrawi_gave_are_kept_and_a_later_run_does_not_load_it(tmp_path):
    """Words the shipped stem table lacks are stemmed by Sastrawi in the first run; the
    cache keeps what it gave, and a later run gives the same stems (those a program that
    imports smartsync, without the cache, gets) without loading Sastrawi's stemmer."""
    from smartsync.matching import text

    words = ["vision", "terwujudnya", "berbudaya", "kebersihan", "meningkatnya", "akuntabel"]
    assert not any(w in text._shipped_stems() for w in words)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["SMARTSYNC_CACHE_DIR"] = str(tmp_path / "cache")

    def run() -> list:
        done = subprocess.run([sys.executable, "-c", _STEMS, json.dumps(words)], env=env,
                              capture_output=True, text=True, cwd=ROOT, check=True)
        return json.loads(done.stdout)

    expected = [text.stem(w) for w in words]
    assert run() == [expected, True]
    assert run() == [expected, False]


def test_a_kept_table_of_another_identity_starts_empty(monkeypatch):
    """A table kept with the code holds what was kept for the same identity only (the stems
    of another Sastrawi are not served), and there is none when the cache is off."""
    monkeypatch.setattr(_codecache, "_data", {})
    monkeypatch.setattr(_codecache, "_table", None)
    assert _codecache.kept("stems", ("a", 1)) is None
    monkeypatch.setattr(_codecache, "_table", {})
    _codecache.kept("stems", ("a", 1))["vision"] = "vision"
    assert _codecache.kept("stems", ("a", 1)) == {"vision": "vision"}
    assert _codecache.kept("stems", ("a", 2)) == {}
    assert _codecache.kept("stems", ("a", 1)) == {}


def test_the_readers_unchecked_constructors_are_compiled_through_the_cache(monkeypatch):
    """The region reader's unchecked constructors (smartsync.model._unchecked) get their code
    from the code cache, as attrs' methods do (Python's compile when the cache is off)."""
    from smartsync import model

    seen = []
    real = _codecache.compile

    def recording(source, filename, mode, *args, **kwargs):
        seen.append(filename)
        return real(source, filename, mode, *args, **kwargs)

    monkeypatch.setattr(_codecache, "compile", recording)
    monkeypatch.setattr(model, "_UNCHECKED", {})
    make = model._unchecked(model.Period)
    assert seen == ["<smartsync.model._unchecked>"]
    assert make(2021, 2026) == model.Period(2021, 2026)
