"""A small region file for the review tests: suggested matches to review, comments to keep."""

REGION_YAML = """\
# Kota Uji: a region for the review tests
schema: smartsync/region@1
region: {id: "9990", name: Kota Uji, kind: kota}
rpjmd:
  period: [2021, 2026]
  elements:
    - {id: V, level: vision, text: Kota yang maju dan sejahtera}
    - {id: M1, level: mission, parent: V, text: Meningkatkan tata kelola pemerintahan}
    - {id: P1, level: program, parent: M1, code: "2.16.03", budget: 1000000, text: Program pengelolaan aplikasi informatika}
    - {id: P2, level: program, parent: M1, budget: 500000, text: Program pengelolaan persampahan}
masterplan:
  period: [2022, 2031]
  elements:
    - {id: SV, level: vision, text: Kota cerdas yang melayani}
    - {id: SM1, level: mission, parent: SV, text: Tata kelola pemerintahan digital}
    - {id: SP1, level: program, parent: SM1, dimension: governance, text: Aplikasi layanan informatika terpadu}
    - {id: SP2, level: program, parent: SM1, dimension: environment, text: Aplikasi pengelolaan persampahan}
matches:
  # suggestions from smartsync match --write, to review
  - {masterplan: SP1, rpjmd: P1, relation: aligned, source: suggested, score: 0.71, evidence: [aplikasi, informatika]}  # looks right
  - {masterplan: SP2, rpjmd: P2, relation: aligned, source: suggested, score: 0.66, evidence: [persampahan], note: shared affairs}
  - {masterplan: SP2, rpjmd: P1, relation: aligned, source: suggested, score: 0.31, evidence: [aplikasi]}
# end of file
"""
