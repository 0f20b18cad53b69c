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

import importlib
from typing import TYPE_CHECKING, Any, Callable

#: where each exported name is defined. Imported on first use (module ``__getattr__``),
#: so that ``import smartsync`` and each command load only what they use.
_EXPORTS = {
    ".errors": ("InvalidRegionError", "Problem", "RegionFileError", "RulePackError",
                "Severity", "SmartsyncError"),
    ".model": ("Dimension", "Element", "Level", "Match", "Period", "Confidence", "Plan",
               "PlanKind", "Provenance", "Region", "RegionKind", "RejectedMatch", "Relation",
               "Source"),
    ".io": ("dump_region", "iter_regions", "load_region", "load_regions", "read_region",
            "region_from_dict", "region_to_dict"),
    ".validation": ("validate_region",),
    ".typology": ("DEFAULT_TYPOLOGY", "Parameters", "SyncType", "Typology"),
    ".engine": ("Classifier", "RuleInfo", "classify"),
    ".result": ("CharacteristicResult", "Classification", "DiagnosticResult",
                "FundingResult", "StageResult"),
    ".trace": ("Derivation", "FactRecord", "Step", "Trace"),
    ".explain": ("Reason", "Explanation"),
    ".advice": ("Advice", "Stability", "TypeAdvice", "advise"),
    ".variants": ("Variant", "load_variant"),
    ".matching": ("suggest_matches", "with_suggestions"),
    ".tabular": ("TableRegion", "dump_tables", "iter_table_regions", "load_tables"),
    ".batch": ("BatchItem", "classify_many"),
    ".render.html": ("Report", "render_html", "write_report"),
    ".documents": ("Draft", "DraftError", "draft_region", "write_draft"),
    ".study": ("Study",),
}


def _lazy_exports(package: str, exports: dict[str, tuple[str, ...]], namespace: dict[str, Any], *,
                 submodules: bool = False) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A package's module ``__getattr__`` and ``__dir__`` (PEP 562) for names imported on
    first use: ``exports`` maps a relative module to the names it defines; a name is
    imported when first read and kept in ``namespace`` (the package's globals), so the next
    read does not come back here. With ``submodules``, any other name that is a
    submodule of the package is imported too (as ``import package`` once imported them all).
    Here, not in a submodule: ``import smartsync`` imports none."""
    where = {name: module for module, names in exports.items() for name in names}

    def __getattr__(name: str) -> Any:
        module = where.get(name)
        if module is None:
            if submodules and not name.startswith("__"):
                try:
                    return importlib.import_module(f"{package}.{name}")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{package}.{name}":
                        raise
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(where))

    return __getattr__, __dir__


__getattr__, __dir__ = _lazy_exports(__name__, _EXPORTS, globals(), submodules=True)

if TYPE_CHECKING:  # pragma: no cover - for type checkers and editors
    from .advice import Advice, Stability, TypeAdvice, advise
    from .batch import BatchItem, classify_many
    from .documents import Draft, DraftError, draft_region, write_draft
    from . import study
    from .study import Study
    from .engine import Classifier, RuleInfo, classify
    from .errors import (InvalidRegionError, Problem, RegionFileError, RulePackError,
                         Severity, SmartsyncError)
    from .explain import Explanation, Reason
    from .io import (dump_region, iter_regions, load_region, load_regions, read_region,
                     region_from_dict, region_to_dict)
    from .matching import suggest_matches, with_suggestions
    from .model import (Confidence, Dimension, Element, Level, Match, Period, Plan,
                        PlanKind, Provenance, Region, RegionKind, RejectedMatch, Relation,
                        Source)
    from .render.html import Report, render_html, write_report
    from .result import (CharacteristicResult, Classification, DiagnosticResult,
                         FundingResult, StageResult)
    from .tabular import TableRegion, dump_tables, iter_table_regions, load_tables
    from .trace import Derivation, FactRecord, Step, Trace
    from .typology import DEFAULT_TYPOLOGY, Parameters, SyncType, Typology
    from .validation import validate_region
    from .variants import Variant, load_variant

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
    "Trace", "Step", "FactRecord", "Derivation", "Reason", "Explanation",
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
    # studies across regions, thresholds and rule sets (smartsync.study, the module, is
    # callable as its function study())
    "Study",
]
