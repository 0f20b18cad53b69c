"""Rough edges a new user met (planners, researchers, evaluators), each pinned by a test
named after it."""

from __future__ import annotations

from pathlib import Path

from smartsync.cli import main

ROOT = Path(__file__).resolve().parent.parent
TYPE_B = ROOT / "examples" / "type-b-mission.yaml"


def cli(capsys, *args: object) -> tuple[int, str, str]:
    code = main([*map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def test_unknown_type_names_the_letters_and_suggests_a_close_name(capsys):
    """--to Z / --why-not misson: users type letters; the error lists A-D, not only stage
    names, and a misspelt name gets a did-you-mean."""
    code, _, err = cli(capsys, "explain", TYPE_B, "--to", "Z")
    assert code == 2 and "unsynchronized, or a letter A-D" in err
    code, _, err = cli(capsys, "explain", TYPE_B, "--why-not", "misson")
    assert code == 2 and "did you mean 'mission'?" in err
    assert "Traceback" not in err


def test_rules_of_a_variant_say_what_the_variant_changes(capsys):
    """smartsync rules --rules relations-per-stage began with the typology and 300 lines of
    rules, never saying what the variant changes; it now leads with the variant's
    description and the parameters it sets."""
    code, out, _ = cli(capsys, "rules", "--rules", "relations-per-stage")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("variant: relations-per-stage")
    assert "At the vision and mission stages only adopted and derived" in out
    assert "  relations that count at vision: adopted, derived" in lines


def test_list_variants_says_what_each_variant_is(capsys):
    """--list-variants printed names and import paths only; each now has its description."""
    code, out, _ = cli(capsys, "rules", "--list-variants")
    assert code == 0
    goal = next(line for line in out.splitlines() if line.startswith("goal-stage\t"))
    assert "A goal (tujuan) stage between mission and target" in goal


def test_rules_given_a_python_file_says_how_to_name_the_module(capsys):
    """A researcher passes the file of their rule pack (--rules mystudy/pack.py): the error
    says to put its folder on PYTHONPATH and give the module name."""
    code, _, err = cli(capsys, "rules", "--rules", "tests/variant_pack.py")
    assert code == 2 and "Traceback" not in err
    assert "PYTHONPATH=tests ... --rules variant_pack" in err


def test_rules_help_says_a_bare_module_name_works(capsys):
    """--rules mymodule (no colon) works, and the help says so."""
    import pytest

    with pytest.raises(SystemExit):
        main(["classify", "--help"])
    out, _ = capsys.readouterr()
    assert "a module name, or module:object" in " ".join(out.split())


def test_threshold_as_a_planner_writes_it_percent_or_decimal_comma(capsys):
    """Every output says 'threshold 50%' / 'ambang 50%', so planners type --threshold 50%
    (or 0,5): accepted, the same as 0.5; --threshold 50 gets a did-you-mean, not an
    'invalid float value'."""
    region = ROOT / "examples" / "type-c-target.yaml"
    _, expected, _ = cli(capsys, "classify", region, "--threshold", "0.75")
    for written in ("75%", "0,75", "75 %"):
        code, out, err = cli(capsys, "classify", region, "--threshold", written)
        assert code == 0 and out == expected, written
    for command in (["classify", region], ["batch", region, "--out", "/dev/null"]):
        code, _, err = cli_exit(capsys, *command, "--threshold", "50")
        assert code == 2 and "did you mean 0.5, that is 50%?" in err


def cli_exit(capsys, *args: object) -> tuple[int, str, str]:
    import pytest

    with pytest.raises(SystemExit) as exc:
        main([*map(str, args)])
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_indonesian_report_gives_rule_descriptions_in_indonesian():
    """smartsync report --lang id showed each rule firing's English docstring ('Concludes
    that a masterplan element ...') in the trace, though every rule has an Indonesian
    description (smartsync rules --lang id)."""
    import html
    import re

    from smartsync import classify, load_region
    from smartsync.messages import rule_description
    from smartsync.render.html import render_html

    region = load_region(TYPE_B)
    result = classify(region)
    page = html.unescape(render_html(region, result, lang="id"))
    assert "Concludes" not in page and "Reports the" not in page
    step = next(s for s in result.trace.steps if s.rule == "element_synchronized")
    assert " ".join(rule_description(step.rule, "id", step.description).split()) in \
        re.sub(r"\s+", " ", page)


def test_every_option_of_every_command_says_what_it_means():
    """classify/explain --format and draft --kind/--province had no help text."""
    import argparse

    from smartsync.cli import build_parser

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    silent = [f"{name} {'/'.join(action.option_strings)}"
              for name, sub in commands.choices.items() for action in sub._actions
              if action.option_strings and not action.help]
    assert silent == []


def test_match_speaks_indonesian_to_planners(capsys, tmp_path):
    """smartsync match had no --lang: the table, the summary and the suggestions' notes
    (written to the region file with --write) were English only."""
    import shutil

    region = tmp_path / "region.yaml"
    shutil.copy(ROOT / "examples" / "unsynchronized.yaml", region)
    code, out, err = cli(capsys, "match", region, "--lang", "id", "--write")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["tingkat", "masterplan"] and "skor" in lines[0]
    assert "urusan pemerintahan yang sama: kesehatan" in out
    assert "shared" not in out and "suggested" not in out and "written" not in out
    assert "padanan usulan mesin" in lines[-1] and "ditulis ke" in lines[-1]
    assert "note: 'urusan pemerintahan yang sama" in region.read_text(encoding="utf-8") or \
        "urusan pemerintahan yang sama" in region.read_text(encoding="utf-8")
    code, out, _ = cli(capsys, "match", ROOT / "examples" / "unsynchronized.yaml")
    assert "shared affairs of government: kesehatan" in out  # English stays the default


def test_indonesian_findings_heading_is_the_glossary_term(capsys):
    """The glossary's Indonesian term for a finding (diagnostic) is 'temuan', but the
    classification's heading said 'Diagnostik', a second term for the same concept."""
    code, out, _ = cli(capsys, "classify", TYPE_B, "--lang", "id")
    assert code == 0
    assert "Temuan" in out.splitlines() and "Diagnostik" not in out


def test_how_element_says_why_in_words_not_a_condition_name(capsys):
    """--how element:SP1 with a relation that does not count printed '(relation)', the
    condition's internal name, instead of the catalog's words; and an element with no
    match at all was said to have 'none of its matches count'."""
    code, out, _ = cli(capsys, "explain", TYPE_B, "--how", "element:SP1",
                       "--relations", "adopted", "--lang", "id")
    assert code == 0
    assert "(relasinya tidak dihitung pada tahap ini)" in out and "(relation)" not in out
    code, out, _ = cli(capsys, "explain", TYPE_B, "--how", "element:SP12")
    assert out.strip() == "So: SP12 is not synchronized: it has no match to an RPJMD program"
    code, out, _ = cli(capsys, "explain", TYPE_B, "--how", "element:SP12", "--lang", "id")
    assert "belum dipadankan dengan program RPJMD" in out


def test_printing_a_derivation_gives_the_fact_tree():
    """print(result.how()), as a newcomer tries after reading the README, printed a
    30,000-character nested repr; it now prints the fact tree, a fact a line."""
    from smartsync import classify, load_region
    from smartsync.render.text import how_lines

    derivation = classify(load_region(TYPE_B)).how()
    printed = str(derivation)
    assert printed.splitlines() == how_lines(derivation, "en")
    assert printed.startswith("TypeResult(stage=mission") and "<- chain_intact" in printed
    assert "Derivation(" not in printed


def test_batch_summary_in_indonesian_for_evaluators(capsys, tmp_path):
    """smartsync batch --lang id wrote Indonesian JSON Lines but ended with an English
    summary ('5 regions in 0.1 s', 'type A (vision)', 'failed')."""
    code, out, _ = cli(capsys, "batch", ROOT / "examples", "--out", tmp_path / "r.jsonl",
                       "--lang", "id", "--no-progress")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("5 daerah dalam ") and "ditulis ke" in lines[0]
    labels = [line.rsplit(None, 1)[0].strip() for line in lines[1:]]
    assert labels == ["tipe A (visi)", "tipe B (misi)", "tipe C (sasaran)", "tipe D (program)",
                      "tidak tersinkronisasi", "gagal"]


def test_report_says_what_it_wrote_in_indonesian(capsys, tmp_path):
    """smartsync report --lang id wrote Indonesian pages but said 'type B', 'index of 5
    regions', '5 pages written to' on the console."""
    files = sorted((ROOT / "examples").glob("*.yaml"))
    code, out, _ = cli(capsys, "report", *files, "--out", tmp_path, "--lang", "id")
    assert code == 0
    lines = out.splitlines()
    assert lines[1].endswith("(9902), tipe B") and lines[4].endswith("tidak tersinkronisasi")
    assert lines[-2].endswith("index.html: indeks 5 daerah")
    assert lines[-1] == f"5 halaman daerah dan satu indeks ditulis ke {tmp_path}"


def test_misspelt_relation_or_stage_gets_a_did_you_mean(capsys):
    """--relations adopt / --stage-relations vision=adoptd named the accepted relations
    but, unlike every other misspelling, offered no did-you-mean."""
    region = ROOT / "examples" / "type-a-vision.yaml"
    code, _, err = cli(capsys, "classify", region, "--relations", "adopt")
    assert code == 2 and err.rstrip().endswith("(did you mean 'adopted'?)")
    code, _, err = cli(capsys, "classify", region, "--stage-relations", "vision=adoptd")
    assert code == 2 and err.rstrip().endswith("(did you mean 'adopted'?)")
    code, _, err = cli(capsys, "classify", region, "--stage-relations", "visoin=adopted")
    assert code == 2 and err.rstrip().endswith("(did you mean 'vision'?)")


def test_how_fact_zero_is_not_the_engines_initial_fact(capsys):
    """--how '#0' answered 'So: InitialFact() #0', experta's start fact; it is not a
    conclusion of the region and is refused like any fact number out of range."""
    code, out, err = cli(capsys, "explain", TYPE_B, "--how", "#0")
    assert code == 2 and out == "" and "no fact #0" in err
