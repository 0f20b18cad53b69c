"""Acceptance cases written by a new user from the README and docs/ alone.

Every expected figure here was computed by hand from the typology (docs/typology.rst,
docs/advice.rst, docs/variants.rst) and the region files in ``cases/``, whose first
lines say the hand computation. Nothing is read back from smartsync to build an
expectation. Cases that fail today because of a finding are ``xfail(strict=True)``
with the finding in the reason (the findings file: /work/helpers/newuser-findings.md),
so they flip when the bug is fixed.
"""

from __future__ import annotations

import csv
import html.parser
import importlib.util
import math
import re
from fractions import Fraction
from pathlib import Path

import attrs
import pytest

import smartsync
from smartsync import Match
from smartsync.advice import advise, stability, to_reach
from smartsync.cli import main
from smartsync.variants import load_variant

CASES = Path(__file__).parent / "cases"
EXAMPLES = Path(__file__).parents[2] / "examples"

# stage order from the top; a type is the stage where synchronization starts
ORDER = ["unsynchronized", "program", "target", "mission", "vision"]
LETTER_STAGE = {"A": "vision", "B": "mission", "C": "target", "D": "program"}

_regions: dict[str, smartsync.Region] = {}
_results: dict[tuple, smartsync.Classification] = {}


def region(name: str) -> smartsync.Region:
    """The region of a case file, read once."""
    if name not in _regions:
        _regions[name] = smartsync.load_region(next(CASES.glob(f"{name}*.yaml")))
    return _regions[name]


def classify(name: str, threshold: float = 0.5) -> smartsync.Classification:
    """The default classification of a case at a threshold, computed once."""
    key = (name, threshold)
    if key not in _results:
        _results[key] = smartsync.classify(region(name),
                                           params=smartsync.Parameters(threshold=threshold))
    return _results[key]


def rank(stage: str) -> int:
    """How high a type is: unsynchronized lowest, vision highest."""
    return ORDER.index(stage)


def with_matches(reg: smartsync.Region, add=(), remove=()) -> smartsync.Region:
    """The region with matches added and (masterplan, rpjmd) pairs removed."""
    removed = {tuple(pair) for pair in remove}
    kept = tuple(m for m in reg.matches if (m.masterplan, m.rpjmd) not in removed)
    return attrs.evolve(reg, matches=kept + tuple(add))


def fullmission_variant():
    """The researcher's variant of cases/fullmission.py, imported as a user's module."""
    spec = importlib.util.spec_from_file_location("fullmission", CASES / "fullmission.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.VARIANT


class _Text(html.parser.HTMLParser):
    """The visible text of a page, without its folded trace (details) and styles."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs_):
        if tag in ("style", "script", "details"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "details"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data.strip())


# --- types and counts, computed by hand ------------------------------------------------

# case: (type, {stage: (synchronized, total) or None when absent})
HAND = {
    "c01": ("vision", {"vision": (1, 1), "mission": (1, 2), "target": (2, 4), "program": (3, 6)}),
    "c02": ("vision", {"vision": (1, 1), "mission": None, "target": None, "program": (1, 2)}),
    "c03": ("unsynchronized", {"vision": None, "mission": None, "target": None, "program": None}),
    "c04": ("unsynchronized", {"vision": (1, 1), "mission": None, "target": None, "program": (0, 2)}),
    "c05": ("target", {"vision": (1, 1), "mission": (0, 3), "target": (2, 3), "program": (4, 5)}),
    "c06": ("vision", {"vision": (1, 1), "mission": (3, 3), "target": (1, 2), "program": (1, 2)}),
    "c07": ("program", {"vision": (0, 1), "mission": None, "target": None, "program": (2, 3)}),
    "c08": ("unsynchronized", {"vision": None, "mission": None, "target": None, "program": (1, 3)}),
    "c09": ("program", {"vision": (0, 1), "mission": None, "target": None, "program": (2, 2)}),
    "c10": ("program", {"vision": (0, 1), "mission": None, "target": None, "program": (2, 2)}),
    "c11": ("mission", {"vision": (0, 1), "mission": (2, 2), "target": None, "program": (2, 3)}),
    "c12": ("unsynchronized", {"vision": (0, 1), "mission": None, "target": None, "program": (2, 10)}),
    "c14": ("program", {"vision": (0, 1), "mission": None, "target": None, "program": (3, 3)}),
}


@pytest.mark.parametrize("name", sorted(HAND))
def test_type_is_the_hand_computed_type(name):
    """Each hand-written region gets the type computed by hand from the typology."""
    assert classify(name).type.value == HAND[name][0]


@pytest.mark.parametrize("name", sorted(HAND))
def test_stage_counts_are_the_hand_counts(name):
    """Each stage counts synchronized masterplan elements (not matches) as counted by hand."""
    stages = classify(name).stages
    for stage, expected in HAND[name][1].items():
        if expected is None:
            assert not stages[stage].present, stage
        else:
            assert stages[stage].present, stage
            assert (stages[stage].synchronized, stages[stage].total) == expected, stage


def test_exact_threshold_is_inclusive_and_fragile():
    """Every stage exactly at 50% gives type A, fragile; at 60% the region is unsynchronized."""
    assert classify("c01").type.value == "vision"
    s = stability(classify("c01"))
    assert s.fragile and s.threshold_to == 0.5
    assert classify("c01", 0.6).type.value == "unsynchronized"


@pytest.mark.parametrize("threshold, expected", [(0.2, "program"), (0.1, "program"),
                                                 (0.21, "unsynchronized"), (0.3, "unsynchronized")])
def test_two_of_ten_programs_against_thresholds(threshold, expected):
    """2 of 10 programs is type D up to 20% inclusive and unsynchronized above."""
    assert classify("c12", threshold).type.value == expected


# --- advice: the hand count, and applying it reaches the type --------------------------

@pytest.mark.parametrize("name, threshold, letter, needed", [
    ("c05", 0.5, "B", {"mission": 2}),          # ceil(0.5 * 3) = 2, 0 now
    ("c08", 0.5, "D", {"program": 1}),          # ceil(0.5 * 3) = 2, 1 now (SP1's two matches count once)
    ("c12", 0.5, "D", {"program": 3}),          # ceil(0.5 * 10) = 5, 2 now
    ("c12", 0.3, "D", {"program": 1}),          # ceil(0.3 * 10) = 3 (not 4: 0.3 * 10 is 3.0000000000000004)
    ("c12", 0.7, "D", {"program": 5}),          # ceil(0.7 * 10) = 7 (not 8)
    ("c12", 0.5, "A", {"vision": 1, "program": 3}),
    ("c07", 0.5, "A", {"vision": 1}),
])
def test_advice_asks_for_the_hand_count(name, threshold, letter, needed):
    """The advice asks, per stage, for ceil(threshold x elements) minus today's count."""
    advice = to_reach(classify(name, threshold))[letter]
    assert advice.reachable
    assert {stage: n for stage, n in dict(advice.needed).items() if n} == needed
    assert all(n >= 0 for n in dict(advice.needed).values())
    for stage, n in needed.items():
        total = HAND[name][1][stage][1]
        now = classify(name, threshold).stages[stage].synchronized
        assert n == math.ceil(Fraction(str(threshold)) * total) - now


@pytest.mark.parametrize("name", ["c01", "c05", "c07", "c08", "c09", "c11", "c12", "c14"])
@pytest.mark.parametrize("threshold", [0.5, 0.3, 0.7])
def test_applying_the_advice_by_hand_reaches_the_type(name, threshold):
    """Adding the advised number of matches (to counterparts of my own choosing) reaches the type or higher."""
    result = classify(name, threshold)
    reg = region(name)
    for letter, advice in to_reach(result).items():
        if not advice.reachable:
            continue
        added = []
        for stage, n in dict(advice.needed).items():
            counterparts = [e.id for e in reg.rpjmd.elements if e.level.value == stage]
            added += [Match(m, counterparts[0], "derived")
                      for m in result.stages[stage].unsynchronized_ids[:n]]
        got = smartsync.classify(with_matches(reg, add=added),
                                 params=smartsync.Parameters(threshold=threshold)).type.value
        assert rank(got) >= rank(LETTER_STAGE[letter]), (letter, dict(advice.needed), got)


@pytest.mark.parametrize("name, letter, missing", [
    ("c03", "D", ("masterplan", "program")),     # an empty masterplan: no program to match
    ("c04", "D", ("rpjmd", "program")),          # the RPJMD has no program to match to
    ("c07", "C", ("masterplan", "target")),      # the masterplan has no target
])
def test_types_no_match_can_reach_say_what_is_missing(name, letter, missing):
    """A type out of reach by matches says which plan lacks which stage."""
    advice = to_reach(classify(name))[letter]
    assert not advice.reachable
    assert missing in [(m.plan, m.stage) for m in advice.missing]


# --- stability: the threshold range and the named losses --------------------------------

@pytest.mark.parametrize("name, threshold_to, lose, falls_to", [
    ("c05", Fraction(2, 3), 1, "program"),          # one of two target matches lost: 1/3
    ("c07", Fraction(2, 3), 1, "unsynchronized"),   # one of two program matches lost: 1/3
    ("c09", Fraction(1), 2, "unsynchronized"),      # 2/2; one lost still 1/2 = 50%
    ("c11", Fraction(2, 3), 1, "unsynchronized"),   # programs 2/3; a mission loss leaves 1/2
])
def test_stability_is_the_hand_computed_one(name, threshold_to, lose, falls_to):
    """The type holds up to the lowest chain coverage, and the fewest losses are counted by hand."""
    s = stability(classify(name))
    assert s.threshold_to == pytest.approx(float(threshold_to))
    assert s.matches_to_lose == lose
    assert s.falls_to.value == falls_to


@pytest.mark.parametrize("name", ["c01", "c02", "c05", "c06", "c07", "c09", "c11"])
def test_removing_the_named_matches_gives_the_promised_type(name):
    """Taking away the matches stability names changes the type to the one it says."""
    s = stability(classify(name))
    assert len(s.lose) == s.matches_to_lose
    got = smartsync.classify(with_matches(region(name), remove=s.lose)).type.value
    assert got == s.falls_to.value


@pytest.mark.parametrize("name", ["c05", "c07", "c11", "c12", "c08"])
def test_threshold_range_holds_at_its_ends(name):
    """The type holds at the ends of its stated threshold range and changes just outside."""
    s = stability(classify(name))
    at = lambda t: smartsync.classify(region(name), params=smartsync.Parameters(threshold=t)).type.value
    own = classify(name).type.value
    if s.threshold_to < 1:
        assert at(s.threshold_to) == own
        assert at(s.threshold_to + 1e-9) == s.type_above.value
    if s.threshold_from > 1e-9:
        assert at(s.threshold_from) == own
        assert at(s.threshold_from - 1e-9) == s.type_below.value


# --- variants ---------------------------------------------------------------------------

def test_relations_that_do_not_count_per_stage():
    """Aligned-only vision/mission matches stop counting under relations per stage: type C."""
    params = smartsync.Parameters(stage_relations={"vision": ["adopted", "derived"],
                                                   "mission": ["adopted", "derived"]})
    result = smartsync.classify(region("c06"), params=params)
    assert result.type.value == "target"
    assert (result.stages["mission"].synchronized, result.stages["mission"].total) == (1, 3)
    assert load_variant("relations-per-stage").classifier().classify(region("c06")).type.value == "target"


def test_only_adopted_and_derived_everywhere():
    """With only adopted and derived counting, c06 keeps one mission match: unsynchronized."""
    params = smartsync.Parameters(relations=["adopted", "derived"])
    assert smartsync.classify(region("c06"), params=params).type.value == "unsynchronized"


def test_goal_stage_breaks_on_unmatched_goals():
    """Under goal-stage, c06's unmatched masterplan goals break the chain: type 'target', letter D of five."""
    result = load_variant("goal-stage").classifier().classify(region("c06"))
    assert (result.type.value, result.type_letter) == ("target", "D")
    assert load_variant("goal-stage").classifier().classify(region("c07")).type_letter == "E"


@pytest.mark.parametrize("name, expected", [("c01", "vision"), ("c02", "vision"),
                                            ("c11", "mission")])
def test_cascading_counts_elements_whose_parents_are_unmatched(name, expected):
    """Under cascading, c01's SP3 (parent SS3 unmatched) starts the cascade and counts: 3/6
    programs, type A; c11's missions under its own, unmatched vision count: type B."""
    assert load_variant("cascading").classifier().classify(region(name)).type.value == expected


def test_budgeted_programs_needs_a_pagu_above_zero():
    """Under budgeted-programs, matches to a program with pagu 0 or none do not count: 1/3."""
    result = load_variant("budgeted-programs").classifier().classify(region("c14"))
    assert result.type.value == "unsynchronized"
    assert result.stages["program"].synchronized == 1
    fixed = with_matches(region("c14"), add=[Match("SP1", "P3", "derived")])
    assert load_variant("budgeted-programs").classifier().classify(fixed).type.value == "program"


@pytest.mark.parametrize("name, expected", [("c04", "vision"), ("c05", "vision"), ("c08", "unsynchronized")])
def test_first_synchronized_types_by_the_highest_synchronized_stage(name, expected):
    """Under first-synchronized the type is the highest synchronized stage, chain or not."""
    assert load_variant("first-synchronized").classifier().classify(region(name)).type.value == expected


def test_users_condition_variant_moves_a_partial_type_b_to_c():
    """The researcher's 'type B needs every mission synchronized' gives the B example type C, leaves full B alone."""
    classifier = fullmission_variant().classifier()
    assert classifier.classify(smartsync.load_region(EXAMPLES / "type-b-mission.yaml")).type_letter == "C"
    assert classifier.classify(region("c11")).type_letter == "B"      # missions 2/2
    assert classifier.classify(region("c01")).type_letter == "A"      # a condition on B only


def test_users_condition_why_not_says_its_own_figures():
    """Why-not B under the researcher's variant says '3 of 4', the figures the variant concluded."""
    result = fullmission_variant().classifier().classify(smartsync.load_region(EXAMPLES / "type-b-mission.yaml"))
    messages = [reason.message() for reason in result.why_not("B")]
    assert any("3 of 4" in m for m in messages), messages


# --- funding and characteristics --------------------------------------------------------

def test_funding_of_a_huge_and_a_tiny_budget():
    """Funding adds the matched RPJMD programs' budgets exactly, however large."""
    f = classify("c07").funding
    assert (f.fundable, f.total) == (2, 3)
    assert f.budget == 12_345_678_901_234_567 + 1


def test_funding_counts_only_programs_with_a_pagu():
    """Matches to RPJMD programs with pagu 0 or none give no fundable program."""
    f = classify("c14").funding
    assert (f.fundable, f.total, f.budget) == (1, 3, 5)


@pytest.mark.parametrize("name, fundable, budget", [
    ("c20", 3, 107),          # two masterplan programs share P1 (100): its pagu counts once, plus P2 (7)
    ("c08", 1, 3_000_000),    # one masterplan program matched to P1 (1,000,000) and P2 (2,000,000)
])
def test_funding_counts_each_rpjmd_pagu_once(name, fundable, budget):
    """The pagu masterplan programs can draw on adds each matched RPJMD program's pagu once."""
    f = smartsync.classify(region(name)).funding
    assert (f.fundable, f.budget) == (fundable, budget)


@pytest.mark.parametrize("path", [CASES / "c14-budgeted.yaml", EXAMPLES / "type-d-program.yaml"])
def test_funding_route_agrees_with_funding(path):
    """The funding route characteristic names as many programs that can draw on the APBD as funding counts."""
    result = smartsync.classify(smartsync.load_region(path))
    message = result.characteristic("funding_route").message()
    can_draw = re.search(r"only the (\d+) [^.;]*can draw on the APBD", message)
    assert can_draw and int(can_draw.group(1)) == result.funding.fundable, message


def test_funding_route_grammar_for_one_program():
    """One program left without a route is said in the singular."""
    message = classify("c05").characteristic("funding_route").message()
    assert "the other 1 have" not in message, message


# --- hostile and broken input -----------------------------------------------------------

def test_broken_file_names_every_problem_with_line_and_element():
    """A file with many mistakes is refused with each problem: its code, line and element."""
    report = smartsync.io.check_region_file(CASES / "bad-types.yaml")
    assert report.region is None
    codes = {(p.code, p.line) for p in report.errors}
    for expected in [("bad-period", 3), ("wrong-type", 5), ("duplicate-id", 6), ("bad-budget", 7),
                     ("bad-budget", 8), ("parent-not-higher", 8), ("unknown-dimension", 12),
                     ("unknown-parent", 13), ("duplicate-id", 14), ("unknown-element", 16),
                     ("level-mismatch", 17), ("unknown-relation", 18),
                     ("missing-score", 20), ("duplicate-match", 20), ("unknown-element", 21)]:
        assert expected in codes, expected
    relation = next(p for p in report.errors if p.code == "unknown-relation" and p.line == 18)
    assert relation.suggestion == "aligned" and "SP1 -> P1" in relation.where


def test_indonesian_relation_name_is_read():
    """A match written 'relation: diturunkan' (the glossary's word) reads as derived."""
    text = (CASES / "c11-periods-apart.yaml").read_text(encoding="utf-8")
    reg = smartsync.read_region(text.replace("relation: derived", "relation: diturunkan"))
    assert {m.relation.value for m in reg.matches if m.masterplan.startswith("SM")} == {"derived"}


def test_escape_sequence_in_a_name_is_refused_naming_file_and_line():
    """An ANSI escape in the region name is an error naming the file, line and field, not printed raw."""
    report = smartsync.io.check_region_file(CASES / "bad-ansi-name.yaml")
    assert report.region is None
    (problem,) = report.errors
    assert problem.line == 2 and "name" in problem.message and "\x1b" not in str(problem)


def test_batch_csv_defuses_formulas_and_keeps_going_past_bad_files(tmp_path, capsys):
    """A formula in a region name is written inert to CSV, and bad files do not stop the batch."""
    out = tmp_path / "out.csv"
    code = main(["batch", str(CASES / "bad-empty.yaml"), str(CASES / "c10-hostile-formula.yaml"),
                 str(CASES / "bad-types.yaml"), str(CASES / "c05-mission-no-match.yaml"),
                 "--out", str(out), "--no-progress"])
    assert code == 1
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["type_letter"] for r in rows] == ["", "D", "", "C"]
    assert rows[1]["name"].startswith("'=HYPERLINK(")
    assert all(not r[k][:1] in "=+-@" for r in rows for k in r if r[k])
    assert rows[0]["error"] and rows[2]["error"]


def test_workbook_export_keeps_formulas_as_text(tmp_path):
    """Tables written to .xlsx hold '=...' names and ids as text cells, and read back unchanged."""
    openpyxl = pytest.importorskip("openpyxl")
    reg = region("c10")
    path = smartsync.dump_tables([reg], tmp_path / "hostile.xlsx")
    cells = [c for ws in openpyxl.load_workbook(path) for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert smartsync.load_tables(path) == [reg]


def test_report_page_escapes_a_formula_name():
    """The HTML page shows a hostile name as text: no markup from it, no script."""
    page = smartsync.render_html(region("c10"))
    assert "<script" not in page
    assert '=HYPERLINK("http' not in page and "=HYPERLINK(&quot;http" in page


# --- Indonesian -------------------------------------------------------------------------

def test_indonesian_run_prints_no_english_warnings(capsys):
    """classify --lang id on a masterplan without elements says its warnings in Indonesian."""
    main(["classify", str(CASES / "c03-empty-masterplan.yaml"), "--lang", "id"])
    captured = capsys.readouterr()
    assert "the masterplan has no" not in captured.out + captured.err


def test_indonesian_text_output_uses_glossary_relations(capsys):
    """explain --how C --lang id words the relations with the glossary (diturunkan, diselaraskan)."""
    main(["explain", str(CASES / "c05-mission-no-match.yaml"), "--how", "C", "--lang", "id"])
    out = capsys.readouterr().out
    assert "(diturunkan, manual)" in out and "(diselaraskan, manual)" in out
    assert "derived" not in out and "aligned" not in out


def test_indonesian_report_page_has_no_english_relation_names():
    """The Indonesian report page words relations with the glossary's words, outside the folded trace."""
    parser = _Text()
    parser.feed(smartsync.render_html(region("c05"), lang="id"))
    text = "\n".join(parser.parts)
    for word in ("derived", "aligned", "adopted"):
        assert word not in text, word


def test_indonesian_exposure_spelling():
    """The exposure characteristic in Indonesian writes 'visinya' without a hyphen."""
    message = classify("c05").characteristic("exposure").message("id")
    assert "visi-nya" not in message, message


def test_indonesian_study_names_no_rule_identifiers(tmp_path, capsys):
    """The Indonesian study text explains a disagreement without rule identifiers."""
    out = tmp_path / "study.txt"
    main(["study", str(Path(__file__).parents[2] / "examples" / "type-b-mission.yaml"), "--rules", "default,cascading",
          "--threshold", "0.7", "-o", str(out), "--lang", "id", "--no-progress"])
    text = out.read_text(encoding="utf-8")
    assert "Mengapa default dan cascading berbeda" in text
    assert "cascade_broken" not in text and "element_synchronized" not in text


# --- second round ------------------------------------------------------------------------

def test_markdown_output_escapes_html_in_region_texts(capsys):
    """classify --format markdown does not carry a region name's HTML tag into the page a wiki renders."""
    main(["classify", str(CASES / "c19-markdown-hostile.yaml"), "--format", "markdown"])
    out = capsys.readouterr().out
    assert "Region 9019" in out
    assert "<img src=x" not in out


def test_fragile_sentence_agrees_with_the_threshold_range(capsys):
    """A type that holds for every threshold up to 50% is not said to hold only at exactly 50%."""
    s = stability(classify("c01"))
    assert s.fragile and s.threshold_from < 0.5
    main(["classify", str(CASES / "c01-threshold-exact.yaml")])
    out = capsys.readouterr().out
    assert "holds for every threshold up to 50%" in out
    assert "holds only at the exact threshold" not in out


def test_one_shared_year_is_singular():
    """Periods sharing one year say '1 year'."""
    result = smartsync.classify(smartsync.load_region(CASES / "c16-periods-one-year.yaml"))
    message = result.characteristic("periods").message()
    assert "shares 1 year " in message, message


def test_to_a_lower_type_names_the_threshold_route(capsys):
    """explain --to unsynchronized names the threshold above the programs' 4/5 coverage as a way to fall."""
    assert classify("c05", 0.81).type.value == "unsynchronized"     # programs 4/5 = 80% < 81%
    main(["explain", str(CASES / "c05-mission-no-match.yaml"), "--to", "unsynchronized"])
    out = capsys.readouterr().out
    assert "80%" in out, out


def test_batch_csv_carries_the_pagu_fundable_programs_draw_on(tmp_path):
    """The batch CSV's fundable_budget is the hand sum of each matched RPJMD pagu, exact for huge budgets."""
    out = tmp_path / "funding.csv"
    main(["batch", str(CASES / "c20-shared-counterpart.yaml"), str(CASES / "c07-odd-text-big-budget.yaml"),
          str(CASES / "c14-budgeted.yaml"), "--out", str(out), "--no-progress"])
    rows = {r["id"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert {k: (r["fundable_programs"], r["fundable_budget"]) for k, r in rows.items()} == {
        "9020": ("3", "107"), "7301": ("2", str(12_345_678_901_234_568)), "9014": ("1", "5")}


def test_bidi_override_in_a_text_is_a_warning_naming_element_and_line():
    """A right-to-left override in a masterplan text is reported as a warning on its element and line."""
    report = smartsync.io.check_region_file(CASES / "warn-bidi.yaml")
    assert report.region is not None
    (warning,) = [p for p in report.warnings if "\u202e" in p.message or "202e" in p.message.lower()]
    assert warning.line == 12 and "SV" in warning.where


@pytest.mark.parametrize("word, relation", [("diadopsi", "adopted"), ("diselaraskan", "aligned"),
                                            ("Diturunkan", "derived")])
def test_every_glossary_relation_word_is_read(word, relation):
    """Each Indonesian relation of the glossary, in any case, reads as its relation."""
    text = (CASES / "c11-periods-apart.yaml").read_text(encoding="utf-8")
    reg = smartsync.read_region(text.replace("relation: aligned", f"relation: {word}"))
    assert {m.relation.value for m in reg.matches if m.masterplan.startswith("SP")} == {relation}


def test_explain_on_a_folder_is_a_usage_error(capsys):
    """explain takes one region file: a folder is refused (exit 2) naming it, no region silently left out."""
    code = main(["explain", str(CASES)])
    captured = capsys.readouterr()
    assert code == 2
    assert str(CASES) in captured.err and "Region" not in captured.out


def test_validate_in_indonesian_says_every_problem_in_indonesian(capsys):
    """validate --lang id words each problem of a broken file in Indonesian."""
    main(["validate", str(CASES / "bad-types.yaml"), "--lang", "id"])
    out = capsys.readouterr().out
    assert "kesalahan" in out
    for english in ("must be", "got the", "put it in quotes"):
        assert english not in out, english


def test_stability_says_one_threshold_with_one_rounding(capsys):
    """The stability block words the threshold 2/3 the same way in 'up to' and 'above'."""
    main(["classify", str(CASES / "c07-odd-text-big-budget.yaml")])
    out = capsys.readouterr().out
    # F25 fixed: the bound is said as its fraction, an approximate percentage beside it
    bound = r"([\d./]+%?(?: \(about [\d.]+%\))?)"
    up_to = re.search(r"holds for every threshold up to " + bound, out)
    above = re.search(r"Above " + bound, out)
    assert up_to and above and up_to.group(1) == above.group(1), (up_to, above)
