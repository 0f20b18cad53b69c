"""smartsync: how a region's Masterplan Smart City is synchronized with its RPJMD, and why.

A rule-based expert system. Facts about each plan element and their matches
feed an inference engine whose declarative rules encode the typology of
synchronization (types A to D: synchronization starting at the vision, the
mission, the target or the program) and produce an explained classification
for each region.

The public API is what this module exports; everything else may change.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import (
    InvalidRegionError,
    Problem,
    RegionFileError,
    RulePackError,
    Severity,
    SmartsyncError,
)
from .model import (
    Dimension,
    Element,
    Level,
    Match,
    Period,
    Confidence,
    Plan,
    PlanKind,
    Provenance,
    Region,
    RegionKind,
    RejectedMatch,
    Relation,
    Source,
)
from .io import (
    dump_region,
    iter_regions,
    load_region,
    load_regions,
    read_region,
    region_from_dict,
    region_to_dict,
)
from .validation import validate_region
from .typology import DEFAULT_TYPOLOGY, Parameters, SyncType, Typology
from .engine import Classifier, RuleInfo, classify
from .result import (
    CharacteristicResult,
    Classification,
    DiagnosticResult,
    FundingResult,
    StageResult,
)
from .trace import Derivation, FactRecord, Step, Trace
from .explain import Reason
from .advice import Advice, Stability, TypeAdvice, advise
from .variants import Variant, load_variant
from .matching import suggest_matches, with_suggestions
from .tabular import TableRegion, dump_tables, iter_table_regions, load_tables
from .batch import BatchItem, classify_many
from .render.html import Report, render_html, write_report
from .documents import Draft, DraftError, draft_region, write_draft

__all__ = [
    "__version__",
    # model
    "Level", "PlanKind", "Dimension", "Relation", "Source", "RegionKind",
    "Period", "Element", "Plan", "Match", "RejectedMatch", "Region", "Provenance", "Confidence",
    # errors
    "Severity", "Problem", "SmartsyncError", "RegionFileError",
    "InvalidRegionError", "RulePackError",
    # region files and validation
    "load_region", "load_regions", "iter_regions", "read_region", "dump_region",
    "region_from_dict", "region_to_dict", "validate_region",
    # classification
    "classify", "Classifier", "RuleInfo", "Parameters", "Typology", "SyncType",
    "DEFAULT_TYPOLOGY", "Classification", "StageResult", "CharacteristicResult",
    "DiagnosticResult", "FundingResult",
    # explanation
    "Trace", "Step", "FactRecord", "Derivation", "Reason",
    # advice: what to change, how stable the type is
    "advise", "Advice", "TypeAdvice", "Stability",
    # rule packs and typology variants
    "Variant", "load_variant",
    # suggested matches
    "suggest_matches", "with_suggestions",
    # many regions: tables and batches
    "load_tables", "iter_table_regions", "dump_tables", "TableRegion",
    "classify_many", "BatchItem",
    # reports
    "render_html", "write_report", "Report",
    # drafting a region file from plan documents
    "draft_region", "write_draft", "Draft", "DraftError",
]
