"""An evaluator's folder of mixed region files: good ones with hand-known types, broken and hostile ones.

``write_corpus(folder)`` writes it and returns what each region should give: for a good file its
type letter (computed from the typology by hand: each stage is synchronized when at least half of
its masterplan elements are matched; the type is the highest stage from which every stage down to
the program is synchronized), for a bad one the words its error must hold.
"""
from __future__ import annotations

import json
from pathlib import Path

SIZES = {"vision": 1, "mission": 3, "target": 3, "program": 4}
STAGES = ["vision", "mission", "target", "program"]
LETTER = {"vision": "A", "mission": "B", "target": "C", "program": "D"}


def hand_type(matched: dict[str, int]) -> str:
    """The type letter ('' when unsynchronized) of matched counts, by the typology's definition."""
    synced = {s: matched[s] * 2 >= SIZES[s] for s in STAGES}
    for i, stage in enumerate(STAGES):
        if all(synced[s] for s in STAGES[i:]):
            return LETTER[stage]
    return ""


def region_yaml(rid: str, name: str, matched: dict[str, int], *, budget: int = 1_000_000_000,
                extra_rpjmd: str = "", extra_masterplan: str = "", extra_matches: str = "") -> str:
    """A region file: RPJMD and masterplan of SIZES elements; the first ``matched[stage]`` matched."""
    pre = {"vision": "V", "mission": "M", "target": "T", "program": "P"}
    parent = {"vision": None, "mission": "V", "target": "M1", "program": "T1"}
    lines = [f"region: {{id: {json.dumps(rid)}, name: {json.dumps(name)}, kind: kota}}",
             "rpjmd:", "  period: [2021, 2026]", "  elements:"]
    for stage in STAGES:
        for i in range(1, SIZES[stage] + 1):
            eid = "V" if stage == "vision" else f"{pre[stage]}{i}"
            par = f", parent: {parent[stage]}" if parent[stage] else ""
            bud = f", budget: {budget}" if stage == "program" else ""
            lines.append(f"    - {{id: {eid}, level: {stage}{par}{bud}, text: \"Rencana {stage} {i}\"}}")
    lines += [extra_rpjmd] if extra_rpjmd else []
    lines += ["masterplan:", "  period: [2022, 2031]", "  elements:"]
    for stage in STAGES:
        for i in range(1, SIZES[stage] + 1):
            eid = "SV" if stage == "vision" else f"S{pre[stage]}{i}"
            par = f", parent: S{parent[stage]}" if parent[stage] else ""
            dim = ", dimension: governance" if stage == "program" else ""
            lines.append(f"    - {{id: {eid}, level: {stage}{par}{dim}, text: \"Smart {stage} {i}\"}}")
    lines += [extra_masterplan] if extra_masterplan else []
    lines.append("matches:")
    for stage in STAGES:
        for i in range(1, matched[stage] + 1):
            m, r = ("SV", "V") if stage == "vision" else (f"S{pre[stage]}{i}", f"{pre[stage]}{i}")
            lines.append(f"  - {{masterplan: {m}, rpjmd: {r}, relation: derived}}")
    lines += [extra_matches] if extra_matches else []
    if lines[-1] == "matches:":
        lines[-1] = "matches: []"
    return "\n".join(lines) + "\n"


GOOD = [  # (vision, mission, target, program) matched
    (1, 3, 3, 4), (1, 2, 2, 2), (0, 2, 2, 2), (1, 1, 2, 2), (0, 0, 0, 2), (1, 3, 3, 1),
    (0, 1, 1, 1), (1, 2, 1, 3), (0, 3, 0, 4), (1, 0, 2, 3), (0, 2, 3, 4), (1, 3, 2, 0),
    (0, 0, 2, 4), (1, 2, 2, 4), (0, 0, 0, 0),
]


def write_corpus(folder: Path) -> dict[str, dict]:
    """Write the mixed folder; return, per region id, what the batch must say of it."""
    folder.mkdir(parents=True, exist_ok=True)
    expect: dict[str, dict] = {}

    def put(name: str, text: str | bytes, rid: str, **what):
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        expect[rid] = {"file": name, **what}

    for n, counts in enumerate(GOOD):
        matched = dict(zip(STAGES, counts))
        rid = f"93{n:02d}"
        put(f"good-{n:02d}.yaml", region_yaml(rid, f"Kota Baik {n}", matched), rid,
            letter=hand_type(matched), programs=4, fundable=counts[3],
            budget=counts[3] * 1_000_000_000)
    full = dict(zip(STAGES, (1, 3, 3, 4)))
    put("h-formula-name.yaml", region_yaml("9350", '=HYPERLINK("http://evil.example/x","Klik")', full),
        "9350", letter="A")
    put("h-plus-name.yaml", region_yaml("9351", "+62 811 cmd|' /C calc'!A0", full), "9351", letter="A")
    put("h-at-name.yaml", region_yaml("9352", "@SUM(1+1)", full), "9352", letter="A")
    put("h-minus-name.yaml", region_yaml("9353", "-2+3", full), "9353", letter="A")
    put("h-ansi-name.yaml", region_yaml("9354", "Kota \x1b[31mMerah\x1b[0m", full).replace(
        "\x1b", "\\e"), "9354", error=["h-ansi-name.yaml", "name"])
    put("h-osc-text.yaml", region_yaml("9355", "Kota OSC", full).replace(
        '"Smart program 1"', '"Smart \\e]8;;http://evil.example\\e\\\\klik\\e]8;;\\e\\\\"'),
        "9355", error=["h-osc-text.yaml", "SP1"])
    put("h-huge-budget.yaml", region_yaml("9356", "Kota Anggaran Raksasa", full, budget=10**24), "9356",
        letter="A", fundable=4, budget=4 * 10**24)
    put("h-dup-ids.yaml", region_yaml("9357", "Kota Kembar", full,
        extra_rpjmd='    - {id: P1, level: program, parent: T1, budget: 5, text: "Program ganda"}'),
        "9357", error=["h-dup-ids.yaml", "P1"])
    put("h-missing-parent.yaml", region_yaml("9358", "Kota Yatim", full,
        extra_masterplan='    - {id: SP9, level: program, parent: ST9, dimension: economy, text: "Program yatim"}'),
        "9358", error=["h-missing-parent.yaml", "ST9"])
    put("h-latin1.yaml", region_yaml("9359", "Kota Banjar", full).replace(
        "Rencana vision 1", "Visi Kota Bánjar").encode("latin-1"), "9359",
        error=["h-latin1.yaml", "UTF-8"])
    put("h-bad-match.yaml", region_yaml("9360", "Kota Salah Padan", full,
        extra_matches="  - {masterplan: SP4, rpjmd: P99, relation: derived}"), "9360",
        error=["h-bad-match.yaml", "P99"])
    put("h-negative-budget.yaml", region_yaml("9361", "Kota Minus", full, budget=-5), "9361",
        error=["h-negative-budget.yaml", "budget"])
    put("h-dup-region.yaml", region_yaml("9300", "Kota Baik 0 lagi", full), "9300-dup",
        error=["h-dup-region.yaml", "9300"])
    put("h-json.json", json.dumps({"region": {"id": "9362", "name": "Kota JSON", "kind": "kota"},
                                   "rpjmd": {"period": [2021, 2026], "elements": [
                                       {"id": "V", "level": "vision", "text": "Visi"},
                                       {"id": "P1", "level": "program", "parent": "V", "text": "Program", "budget": 7}]},
                                   "masterplan": {"period": [2022, 2031], "elements": [
                                       {"id": "SV", "level": "vision", "text": "Visi cerdas"},
                                       {"id": "SP1", "level": "program", "parent": "SV", "text": "Program cerdas"}]},
                                   "matches": [{"masterplan": "SP1", "rpjmd": "P1", "relation": "aligned"}]}),
        "9362", letter="D", fundable=1, budget=7)
    put("\x1b[2J\x1b]0;pwned\x07h-escape-filename.yaml", region_yaml("9363", "Kota Nama Berkas", full), "9363",
        letter="A")
    put("=cmd|' calc'!A0.yaml", region_yaml("9364", "Kota Rumus Berkas", full), "9364", letter="A")
    put("h-rtl.yaml", region_yaml("9365", "Kota \u202eatoK", full), "9365", letter="A")
    put("h-empty.yaml", "", "h-empty", error=["h-empty.yaml", "empty"])
    put("h-binary.yaml", bytes(range(256)) * 4, "h-binary", error=["h-binary.yaml"])
    put("h-list.yaml", "- 1\n- 2\n", "h-list", error=["h-list.yaml"])
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, "
        f"*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    put("h-yaml-bomb.yaml", bomb, "h-bomb", error=["h-yaml-bomb.yaml"])
    put("h-deep.yaml", "region: " + "[" * 5000 + "]" * 5000 + "\n", "h-deep", error=["h-deep.yaml"])
    put("h-cycle.yaml", region_yaml("9366", "Kota Berputar", full).replace(
        "{id: SM1, level: mission, parent: SV,", "{id: SM1, level: mission, parent: SM2,").replace(
        "{id: SM2, level: mission, parent: SV,", "{id: SM2, level: mission, parent: SM1,"), "9366",
        error=["h-cycle.yaml", "SM1"])
    put("h-period.yaml", region_yaml("9367", "Kota Abadi", full).replace(
        "period: [2021, 2026]", "period: [2021, 99999999999999999999]"), "9367",
        error=["h-period.yaml", "period"])
    return expect
