"""Regression (newuser finding F80): under the ``cascading`` variant, a masterplan with its
own vision could only be type A or unsynchronized. A mission counted only when its
parent (the masterplan's own vision, deliberately unmatched: that is what type B means)
was matched to an ancestor of its counterpart, so a perfectly cascaded type B region
was typed C, and the type C and D examples came out unsynchronized.

DOMAIN.md: an element below the top counts only when its position in the masterplan's
hierarchy agrees with its counterpart's in the RPJMD. A parent with no match makes no
claim about position: the element under it starts the cascade and counts. A match is
rejected only when the position disagrees: a parent is matched, but no parent to an
ancestor of the counterpart.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

import smartsync
from smartsync.variants import CASCADING

from reference import reference_classify

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

#: the finding's file: own vision SV (unmatched); SM1 -> M1, SM2 -> M2; each target and
#: program under the masterplan element matched to its counterpart's parent
POHON_KINERJA_TIPE_B = """\
region: {id: "3275", name: Kota Bekasi, kind: kota, province: Jawa Barat}
rpjmd:
  period: [2018, 2023]
  elements:
    - {id: V, level: visi, text: "Bekasi cerdas, kreatif, maju, sejahtera dan ihsan"}
    - {id: M1, level: misi, parent: V, text: "Meningkatkan tata kelola pemerintahan yang baik"}
    - {id: M2, level: misi, parent: V, text: "Meningkatkan daya saing ekonomi kreatif"}
    - {id: S1, level: sasaran, parent: M1, text: "Meningkatnya kualitas pelayanan publik digital"}
    - {id: S2, level: sasaran, parent: M2, text: "Meningkatnya ekonomi kreatif berbasis digital"}
    - {id: P1, level: program, parent: S1, code: "2.16.03", budget: 20000000000, text: "Program Pengelolaan Aplikasi Informatika"}
    - {id: P2, level: program, parent: S2, code: "3.26.04", budget: 5000000000, text: "Program Pengembangan Ekonomi Kreatif"}
masterplan:
  period: [2019, 2028]
  elements:
    - {id: SV, level: visi, text: "Bekasi Smart City: kota cerdas yang melayani warga"}
    - {id: SM1, level: misi, parent: SV, text: "Meningkatkan tata kelola pemerintahan digital yang baik"}
    - {id: SM2, level: misi, parent: SV, text: "Meningkatkan daya saing ekonomi kreatif digital"}
    - {id: SS1, level: sasaran, parent: SM1, text: "Meningkatnya layanan publik daring"}
    - {id: SS2, level: sasaran, parent: SM2, text: "Meningkatnya pelaku ekonomi kreatif digital"}
    - {id: SP1, level: program, parent: SS1, dimension: governance, text: "Aplikasi Bekasi Smart Service"}
    - {id: SP2, level: program, parent: SS2, dimension: economy, text: "Inkubator ekonomi kreatif digital"}
matches:
  - {masterplan: SM1, rpjmd: M1, relation: adopted}
  - {masterplan: SM2, rpjmd: M2, relation: adopted}
  - {masterplan: SS1, rpjmd: S1, relation: derived}
  - {masterplan: SS2, rpjmd: S2, relation: derived}
  - {masterplan: SP1, rpjmd: P1, relation: aligned}
  - {masterplan: SP2, rpjmd: P2, relation: aligned}
"""


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> smartsync.Region:
    path = tmp_path_factory.mktemp("f80") / "pohon-kinerja-tipe-b.yaml"
    path.write_text(POHON_KINERJA_TIPE_B, encoding="utf-8")
    return smartsync.load_region(path)


def test_a_cascaded_type_b_region_is_type_b_under_cascading(region):
    """The finding's region: missions under the masterplan's own vision start the cascade,
    every element below agrees with its counterpart's place: type B, as under default."""
    result = CASCADING.classifier().classify(region)
    assert result.type_letter == "B"
    assert {s: result.stages[s].synchronized for s in ("vision", "mission", "target", "program")} \
        == {"vision": 0, "mission": 2, "target": 2, "program": 2}
    assert result.why_not_synchronized("SM1") == ()
    assert reference_classify(region, cascading=True).type == "mission"


def test_a_program_placed_under_another_target_still_does_not_count(region):
    """The variant still bites: SP2 moved under SS1 (matched to S1) while its counterpart P2
    is under S2 does not count, and why-not says where it is placed, in en and id."""
    masterplan = attrs.evolve(region.masterplan, elements=tuple(
        attrs.evolve(e, parents=("SS1",)) if e.id == "SP2" else e
        for e in region.masterplan.elements))
    moved = attrs.evolve(region, masterplan=masterplan)
    result = CASCADING.classifier().classify(moved)
    assert result.stages["program"].unsynchronized_ids == ("SP2",)
    (reason,) = result.why_not_synchronized("SP2")
    assert reason.values["condition"] == "cascade"
    assert reason.message() == ("program elements whose parent is matched to an RPJMD element "
                                "their counterpart is not under: SP2 (to P2)")
    assert "tidak berada di atas padanannya" in reason.message("id")
    assert reference_classify(moved, cascading=True).stages["program"].unsynchronized_ids == \
        ("SP2",)


@pytest.mark.parametrize("example, letter", [("type-a-vision", "A"), ("type-b-mission", "B"),
                                             ("type-c-target", "C"), ("type-d-program", "D"),
                                             ("unsynchronized", None)])
def test_the_examples_keep_their_type_under_cascading_at_half(example, letter):
    """Each bundled example keeps its default type under cascading at the threshold 50%
    (before: B -> C, C and D -> unsynchronized); the programs cascading rejects are those
    placed under a target matched elsewhere than above their counterpart."""
    result = CASCADING.classifier().classify(smartsync.load_region(EXAMPLES / f"{example}.yaml"))
    assert result.type_letter == letter
