"""Build the nomenclature data file shipped with smartsync from a public copy of the decree's lists.

``python tools/build_nomenclature.py SOURCE.xlsx [--out smartsync/matching/data]``

The source is a workbook holding the lists of Kepmendagri 900.1.15.5-1317/2023 (the 2023
update of Kepmendagri 050-5889/2021, itself the update of Permendagri 90/2019) for
regencies and cities: one row per entry, the columns ``URUSAN/UNSUR``, ``BIDANG
URUSAN/BIDANG UNSUR``, ``PROGRAM``, ``KEGIATAN``, ``SUB KEGIATAN`` (the parts of the code)
and ``NOMENKLATUR URUSAN`` (the name; the workbook was extracted from the decree's PDF, so
its names carry runs of spaces and line breaks, folded here). Where the copy used is
recorded is docs/matching.rst ("Where the nomenclature comes from").

What is written is a list of facts, codes and names, in a compact file of our own:
gzip-compressed JSON ``{"regulation", "version", "scope", "source", "entries": [[code,
name], ...]}`` with codes written the way planners write them (``2.16``, ``2.16.03``,
``2.16.03.2.02``, ``2.16.03.2.02.0001``). The programs every affair shares (``X.XX.01``,
the *Program Penunjang Urusan Pemerintahan Daerah*) keep their ``X.XX`` template code.

Rows that cannot be read (no name, a code part that is not a number) stop the build with
the row's number: a half-built list must not ship.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from pathlib import Path

REGULATION = ("Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023 tentang "
              "Perubahan atas Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021 "
              "(klasifikasi, kodefikasi dan nomenklatur perencanaan pembangunan dan keuangan "
              "daerah; Permendagri 90/2019)")
VERSION = "900.1.15.5-1317/2023"
SCOPE = "kabupaten/kota"
SOURCE = ("github.com/allweDepth/sesendok, commit 39f432e9ae98c17725857dd9406ae1f1305e3e76, "
          "file 'public/template/11. Sub keg 900.xlsx'")
HEADER = ("URUSAN/UNSUR", "BIDANG URUSAN/BIDANG UNSUR", "PROGRAM", "KEGIATAN", "SUB KEGIATAN",
          "NOMENKLATUR URUSAN")
OUT_NAME = "nomenclature-900.1.15.5-1317-2023.json.gz"


def clean_name(text: object) -> str:
    """A name as the decree writes it: spaces and line breaks folded, the PDF's hyphen breaks
    (``RKA- SKPD``) closed, no leading ``PROGRAM``/``URUSAN`` capitals changed."""
    name = re.sub(r"\s+", " ", str(text)).strip()
    name = re.sub(r"(\w)- (?=[A-Z])", r"\1-", name)
    return name


def _part(value: object, width: int, row: int, what: str) -> str:
    if isinstance(value, str) and set(value) == {"X"}:
        return value
    try:
        number = int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise SystemExit(f"row {row}: the {what} code {value!r} is not a number") from None
    return f"{number:0{width}d}" if width > 1 else str(number)


def code_of(parts: tuple, row: int) -> str | None:
    """The dotted code of a row, or None for a row that only heads a table."""
    urusan, bidang, program, kegiatan, sub = parts
    if urusan is None:
        return None
    code = [_part(urusan, 1, row, "urusan")]
    if bidang is None:
        return code[0]
    code.append(_part(bidang, 2, row, "bidang"))
    if program is not None:
        code.append(_part(program, 2, row, "program"))
        if kegiatan is not None:
            m = re.fullmatch(r"\s*(\d)\.(\d{1,2})\s*", str(kegiatan))
            if not m:
                raise SystemExit(f"row {row}: the kegiatan code {kegiatan!r} is not like 2.01")
            code.append(f"{m.group(1)}.{int(m.group(2)):02d}")
            if sub is not None:
                code.append(_part(sub, 4, row, "sub-kegiatan"))
    return ".".join(code)


def read_entries(path: Path) -> list[list[str]]:
    """Every (code, name) of the workbook, in its order, each code once."""
    import openpyxl  # the build's own need; the package reads the JSON it writes

    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = tuple(str(h).strip() if h is not None else "" for h in next(rows))[:6]
    if header != HEADER:
        raise SystemExit(f"{path}: unexpected header {header!r}, expected {HEADER!r}")
    seen: dict[str, str] = {}
    out: list[list[str]] = []
    for number, row in enumerate(rows, start=2):
        if all(v is None for v in row[:6]):
            continue
        code = code_of(tuple(row[:5]), number)
        if code is None:
            continue
        if row[5] is None or not str(row[5]).strip():
            raise SystemExit(f"row {number}: code {code} has no name")
        name = clean_name(row[5])
        if code in seen:
            continue  # the decree repeats a kegiatan heading over its page breaks
        seen[code] = name
        out.append([code, name])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("--out", type=Path,
                        default=Path(__file__).resolve().parent.parent / "smartsync" / "matching" / "data")
    args = parser.parse_args(argv)
    entries = read_entries(args.source)
    doc = {"regulation": REGULATION, "version": VERSION, "scope": SCOPE, "source": SOURCE,
           "entries": entries}
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / OUT_NAME
    raw = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime 0: the same source gives the same bytes
    with open(target, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, filename="") as gz:
        gz.write(raw)
    levels = {}
    for code, _ in entries:
        n = code.count(".")
        levels[n] = levels.get(n, 0) + 1
    print(f"{target}: {len(entries)} entries ({levels}), {target.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
