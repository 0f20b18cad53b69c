"""Region files: reading, checking and writing the ``smartsync/region@1`` format.

- :func:`load_region` / :func:`read_region` -- a region from a file / from
  text; raise :class:`~smartsync.errors.RegionFileError` listing every
  problem of the input at once.
- :func:`check_region_file` / :func:`check_region_text` -- never raise for
  bad input; return a :class:`RegionFileReport` with the region (or
  ``None``) and every error and warning.
- :func:`iter_regions` -- a report per file of several files or folders, to
  keep going past bad files; :func:`load_regions` -- all regions or one
  error listing the problems of every bad file.
- :func:`dump_region` / :func:`dumps_region` -- write a region (YAML, or
  JSON for ``.json``), atomically; loading it again gives an equal region.
- :func:`region_from_dict` / :func:`region_to_dict` -- the same structure as
  plain Python data.

The format is described in ``docs/region-file.rst``.
"""

from __future__ import annotations

from ._source import MAX_ALIAS_EXPANSION, MAX_BUDGET, MAX_DEPTH, MAX_TEXT_LENGTH
from .regionfile import (
    MAX_FILE_BYTES,
    REGION_FILE_SUFFIXES,
    SCHEMA,
    RegionFileReport,
    check_region_file,
    check_region_text,
    dump_region,
    dumps_region,
    iter_regions,
    load_region,
    load_regions,
    read_region,
    region_files,
    region_from_dict,
    region_to_dict,
)

__all__ = [
    "MAX_ALIAS_EXPANSION",
    "MAX_BUDGET",
    "MAX_DEPTH",
    "MAX_TEXT_LENGTH",
    "MAX_FILE_BYTES",
    "REGION_FILE_SUFFIXES",
    "SCHEMA",
    "RegionFileReport",
    "check_region_file",
    "check_region_text",
    "dump_region",
    "dumps_region",
    "iter_regions",
    "load_region",
    "load_regions",
    "read_region",
    "region_files",
    "region_from_dict",
    "region_to_dict",
]
