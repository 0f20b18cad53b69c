"""Friction a newcomer met (issue 23 item 8), each pinned: explain given two files, an
RPJMD id or a typo in --how element:ID, "Type: type A", "RPJMD · 5 mission", report's
"5 pages written" for 6 files, the budget warning shown only by validate, and an install
page that left out PySastrawi and the documents and xlsx extras."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TYPE_A = str(EXAMPLES / "type-a-vision.yaml")
TYPE_D = str(EXAMPLES / "type-d-program.yaml")


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_explain_given_two_files_says_it_takes_one(capsys):
    """explain A B: a line saying explain takes one file and what to run instead, exit 2;
    not the top-level usage with 'unrecognized arguments'."""
    code, out, err = cli(capsys, "explain", TYPE_A, TYPE_D)
    assert code == 2 and out == ""
    assert "explains one region file at a time, got 2" in err
    assert "classify --explain" in err and "unrecognized arguments" not in err
    assert "usage: smartsync [-h]" not in err


def test_how_element_with_an_rpjmd_id_names_the_masterplan_elements_matched(capsys):
    """--how element:M1 (an RPJMD id): it is an RPJMD element; the masterplan elements
    matched to it are offered."""
    code, _, err = cli(capsys, "explain", TYPE_A, "--how", "element:M1")
    assert code == 2
    assert "M1 is an RPJMD mission element" in err and "--how element:SM1" in err


def test_how_element_with_a_typo_gets_a_did_you_mean(capsys):
    """--how element:sp1 or element:SP99: did you mean element:SP1 / a close id."""
    code, _, err = cli(capsys, "explain", TYPE_A, "--how", "element:sp1")
    assert code == 2 and "did you mean element:SP1?" in err
    code, _, err = cli(capsys, "explain", TYPE_A, "--how", "element:SPX1")
    assert code == 2 and "did you mean element:SP1?" in err


def test_the_type_line_does_not_say_type_twice(capsys):
    """'Type A: synchronization starts at the vision', not 'Type: type A: ...'; the same
    in Indonesian; an unsynchronized region keeps 'Type: unsynchronized'."""
    _, out, _ = cli(capsys, "classify", TYPE_A, str(EXAMPLES / "unsynchronized.yaml"))
    assert "Type A: synchronization starts at the vision" in out
    assert "Type: type" not in out and "Type: unsynchronized" in out
    _, out, _ = cli(capsys, "classify", TYPE_A, "--lang", "id")
    assert "Tipe A: sinkronisasi dimulai pada visi" in out and "Tipe: tipe" not in out


def test_the_diagram_counts_without_a_wrong_singular(capsys, tmp_path):
    """The diagram's column heads say 'RPJMD · mission: 5', never '5 mission'."""
    code, _, _ = cli(capsys, "report", TYPE_A, "--out", str(tmp_path))
    page = (tmp_path / "region-9901.html").read_text(encoding="utf-8")
    assert code == 0 and "RPJMD \u00b7 mission: 5" in page
    assert not re.search(r"\u00b7 \d+ (vision|mission|target|program)<", page)


def test_report_counts_the_index_among_the_files_written(capsys, tmp_path):
    """5 region files, 6 files written: '5 region pages and an index written to DIR', not
    '5 pages written'."""
    files = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    code, out, _ = cli(capsys, "report", *files, "--out", str(tmp_path))
    written = len(list(tmp_path.iterdir()))
    assert code == 0 and written == len(files) + 1
    assert out.splitlines()[-1] == f"{len(files)} region pages and an index written to {tmp_path}"


def test_classify_shows_the_budget_warning_examples_readme_promises(capsys):
    """examples/README.md: 'the loader warns about an RPJMD program without a budget';
    classify and explain show it (on stderr), as validate does."""
    assert "the loader warns about an RPJMD program without a budget" in " ".join(
        (EXAMPLES / "README.md").read_text(encoding="utf-8").split())
    for command in ("classify", "explain"):
        code, out, err = cli(capsys, command, TYPE_D)
        assert code == 0 and "P3: program has no budget (pagu indikatif)" in err
        assert "no budget (pagu" not in out.split("\n")[0]


def test_install_page_names_every_dependency_and_extra():
    """docs/install.rst names PySastrawi and every extra of pyproject.toml a user installs."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        tomllib = pytest.importorskip("tomli")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    page = (ROOT / "docs" / "install.rst").read_text(encoding="utf-8")
    assert "PySastrawi" in page
    for dependency in project["dependencies"]:
        name = re.split(r"[<>=!~ \[]", dependency, maxsplit=1)[0]
        assert name.lower() in page.lower(), name
    for extra in project["optional-dependencies"]:
        assert f"``{extra}``" in page or f"'.[{extra}]'" in page, extra


def test_why_not_names_each_element_once_with_its_counterparts_lined_up():
    """An element with two matches failing the same condition was listed twice ("SS4,
    SS4 (to S3.1.1, S4.1.1)"): each element is named once, its counterparts in the same
    place of the "(to ...)" list."""
    import smartsync

    c = smartsync.classify(EXAMPLES / "type-a-vision.yaml", params={"relations": ["adopted"]})
    region = c.region
    seen = 0
    for letter in ("vision", "mission", "target", "program"):
        wanted = c.typology.parse_type(letter)
        for reason in c.why_not(wanted):
            elements = reason.values.get("elements")
            counterparts = reason.values.get("counterparts")
            if not elements or not counterparts:
                continue
            seen += 1
            assert len(set(elements)) == len(elements), elements
            assert len(counterparts) == len(elements)
            for element, theirs in zip(elements, counterparts):
                matched = {m.rpjmd for m in region.matches if m.masterplan == element}
                assert set(theirs.split("/")) <= matched, (element, theirs)
    assert seen


@pytest.mark.parametrize("args", [("match", TYPE_A, "--min-score", "0.4"),
                                  ("rules", "--check", "extra"),
                                  ("classify", TYPE_A, "--bogus")])
def test_an_unknown_option_is_said_with_the_commands_own_usage(capsys, args):
    """An option a command does not take (or a word too many): the command's usage and
    'smartsync COMMAND: error: unrecognized arguments', exit 2; not the top-level usage."""
    with pytest.raises(SystemExit) as caught:
        main(list(args))
    err = capsys.readouterr().err
    assert caught.value.code == 2
    assert f"usage: smartsync {args[0]} " in err and "usage: smartsync [-h] [--version]" not in err
    assert f"smartsync {args[0]}: error: unrecognized arguments: " in err and args[-1] in err
