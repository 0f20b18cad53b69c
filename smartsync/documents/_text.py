"""Small readers of what a plan document writes: money, program codes, numbering, dimensions, years.

Each function takes the text of one cell or line and returns what it means,
or ``None`` when it does not have the shape; none of them decides about an
element.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..model import Dimension

__all__ = ["clean", "norm", "money", "unit_of", "program_code", "numbering", "dimension_of",
           "years_in", "period_in", "join_wrapped"]

_SPACES = re.compile(r"\s+")
# what no region file may hold (control characters, lone surrogates; see smartsync._text)
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_QUOTES = "\"'“”‘’«»„"


#: the label of a total row ("Jumlah", "Total Misi 1", "Sub Total", "Sub-Total", "Subjumlah",
#: "Sub Jumlah Misi 3", "Rekapitulasi", "Grand Total"): a row checked, never a program
TOTAL_ROW = re.compile(r"^(jumlah|total|grand\s*total|sub\s*-?\s*(total|jumlah)|rekapitulasi|rekap)\b", re.I)


_FOOTNOTE_SUPERSCRIPT = re.compile(r"(?<=[\d*)])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+")


def clean(text: str | None) -> str:
    """One line of text: wrapped lines joined (hyphenated words mended), spaces folded, quotes trimmed."""
    if not text:
        return ""
    # a footnote marker set in superscript after a figure ("2.500¹") is no digit of it
    text = _FOOTNOTE_SUPERSCRIPT.sub("", text)
    text = _UNSTORABLE.sub(" ", unicodedata.normalize("NFKC", text).replace("\u00ad", ""))
    text = join_wrapped(text.splitlines())
    return _SPACES.sub(" ", text).strip()


def join_wrapped(lines: list[str]) -> str:
    """Lines of one statement joined: ``Infor-`` + ``matika`` is ``Informatika``."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out = f"{out} {line}" if out else line
    return out


def norm(text: str) -> str:
    """Text compared: case folded, spaces folded, quotes and end punctuation dropped."""
    text = clean(text).strip(_QUOTES + " .;:,").casefold()
    text = re.sub(r"\s*([,;:/()\-])\s*", r"\1", text)
    return _SPACES.sub(" ", text)


# --------------------------------------------------------------------------
# money

_EMPTY_MONEY = {"", "-", "–", "—", "na", "n/a", "n.a", "n.a.", "nihil", "0", "-0-", "tidak ada"}
_MONEY = re.compile(r"^\(?-?\d[\d.,\s]*\)?$")


def money(cell: str | None, multiplier: int = 1) -> int | None | bool:
    """The rupiah in a money cell: ``1.234.567.890``, ``1,234,567,890``, ``Rp 1.234,5`` (with
    ``multiplier`` 1,000,000 for a "juta" column; a cell writing its own unit, "Rp 750 ribu",
    "1,5 M", is read in it instead). ``None`` for "NA", "-" or an empty cell; ``False`` when the
    cell is not money at all."""
    text = clean(cell or "").casefold().replace("rp.", "").replace("rp", "").strip()
    text = text.replace("\u00a0", " ").strip()
    text = re.sub(r"^idr\.?\s*(?=[\d(])|(?<=\d)\s*idr$", "", text)  # "IDR 1.250.000.000": rupiah, as consultants write it
    # a footnote marker after the figure ("1.250*)", "2.500 **", "1.250 a)") and a source named
    # after it ("1.250 (APBD)") are no part of it; nor is "±" before it; "1'250" groups thousands
    text = re.sub(r"(?<=\d)\s*(?:\(?\*+\)?|\(?[a-z]\)|\([a-z][a-z .]{1,20}\))$", "", text)
    text = re.sub(r"^(?:±|\+/-|~)\s*(?=\d)", "", text)
    text = re.sub(r"(?<=\d)'(?=\d{3}\b)", ".", text)
    text = re.sub(r"(?<=\d)\s*[.,]\s*-$", "", text)  # "Rp. 1.500.000,-": no cents
    negative = re.fullmatch(r"\((\d[\d.,\s]*)\)", text)
    if negative:  # "(2.500)": below zero, as accounts write it
        text = "-" + negative.group(1)
    if re.search(r"\d\s+\d", text) and re.search(r"[.,]", text):
        return False  # "1.250 300": two figures in one cell (two lines), not one
    if text in _EMPTY_MONEY:
        return 0 if text in {"0", "-0-", "nihil"} else None
    for word, factor in (("triliun", 10**12), ("miliar", 10**9), ("milyar", 10**9), ("juta", 10**6),
                         ("ribu", 10**3), ("jt", 10**6), ("m", 10**9)):  # "1,5 M" is 1.5 miliar
        if text.endswith(word) and (len(word) > 2 or re.search(r"\d\s*" + word + "$", text)):
            # the cell's own unit, whatever the column's ("Rp 750 ribu" in a column in juta)
            text, multiplier = text[: -len(word)].strip(), factor
    if not _MONEY.match(text):
        return False
    text = text.strip("()").replace(" ", "")
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_sep = "." if text.rfind(".") > text.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        after = text.split(sep)[1]
        # one separator followed by three digits groups thousands, unless the column is in
        # millions (1.234 juta is more likely one thousand two hundred millions than 1.234)
        decimal_sep = sep if len(after) != 3 else None
    else:
        decimal_sep = None
    if decimal_sep is None:
        digits = text.replace(".", "").replace(",", "")
    else:
        thousands = "," if decimal_sep == "." else "."
        digits = text.replace(thousands, "").replace(decimal_sep, ".")
    try:
        value = Decimal(digits) * multiplier
    except InvalidOperation:
        return False
    return int(value.to_integral_value())


def unit_of(text: str) -> int | None:
    """The money unit a header or a caption names: 1,000,000 for "(Rp juta)", "dalam jutaan rupiah"."""
    low = text.casefold()
    if re.search(r"x\s*(rp\.?\s*)?1\.000\.000\b", low):
        return 10**6
    if re.search(r"\brp\.?\s*000\b|\(\s*000\s*(\)|rp\b)|x\s*(rp\.?\s*)?1\.000\b", low):  # "(Rp 000)", "(000 Rp)", "x Rp 1.000"
        return 10**3
    if re.search(r"\bmil(i|y)ar|\bbillions?\b", low):  # English too: "(in billion IDR)"
        return 10**9
    if re.search(r"\bjuta|\bmillions?\b", low):  # "Budget (IDR million)", "Anggaran (Rp million)"
        return 10**6
    if re.search(r"\bribu|\bthousands?\b", low):
        return 10**3
    return None


# --------------------------------------------------------------------------
# program codes

# one part ("1", an urusan row of a code column) up to seven, separated by ".", ",", "-" or
# spaces, also with spaces around the dots ("2 . 16 . 02", as typed in some annexes)
_CODE_TOKEN = re.compile(r"^(?:[0-9]{1,2}|X{1,2}|x{1,2})(?:(?:\s*[.,\-]\s*|\s+)[0-9Xx]{1,2}){0,6}\.?$")
_CODE_AT_START = re.compile(r"^\s*((?:[0-9]{1,2}|X{1,2})(?:[.][0-9X]{1,2}){2,6})\.?\s+(?=\D)")


def program_code(raw: str | None) -> tuple[str, bool, int] | None:
    """The normalised program code of a code cell, whether it has the nomenclature's shape,
    and how many parts it has.

    ``2.16.2`` and ``2 16 02`` give ``("2.16.02", True, 3)``; the shape is
    urusan.bidang.program (one digit or X, then two two-digit parts). A code of another
    shape is kept as written with ``False`` (``2.16`` is a bidang, two parts). ``None``
    when the cell holds no code.
    """
    text = clean(raw or "").strip().rstrip(".")
    if not text or not _CODE_TOKEN.match(text):
        return None
    parts = re.split(r"[ .,\-]+", text)
    if len(parts) == 3:
        first = parts[0].upper().lstrip("0") or "0"
        if re.fullmatch(r"[0-9X]", first) and all(p.isdigit() and len(p) <= 2 for p in parts[1:]):
            return f"{first}.{int(parts[1]):02d}.{int(parts[2]):02d}", True, 3
    return text, False, len(parts)


def code_at_start(text: str) -> tuple[str, str] | None:
    """A program code written in front of a name (``2.16.02 Program ...``): (code, rest)."""
    found = _CODE_AT_START.match(text)
    if not found:
        return None
    return found.group(1), text[found.end():]


# --------------------------------------------------------------------------
# numbering and labels

_LABELS = {
    "visi": "vision", "misi": "mission", "tujuan": "goal", "sasaran": "target",
    "strategi": "strategy", "arah kebijakan": "policy", "kebijakan": "policy",
    "program": "program", "quick win": "program", "quickwin": "program", "rencana aksi": "program",
    "program unggulan": "program", "program prioritas": "program", "kegiatan": "activity",
}
_SHORT = {"v": "vision", "m": "mission", "t": "goal", "s": "target", "p": "program", "qw": "program"}
#: "Misi pertama: ...", "Misi Kedua. ...": the ordinal words Indonesian numbers a list with
_ORDINALS = {"pertama": 1, "kesatu": 1, "kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5, "keenam": 6,
             "ketujuh": 7, "kedelapan": 8, "kesembilan": 9, "kesepuluh": 10, "kesebelas": 11,
             "kedua belas": 12}
_LABEL_RE = re.compile(
    r"^(?P<label>visi|misi|tujuan|sasaran|strategi|arah kebijakan|kebijakan|program unggulan|"
    r"program prioritas|program|quick ?wins?|rencana aksi|kegiatan)"
    # a qualifier between the label and its number ("Sasaran Strategis 1.1.1:", "Sasaran Daerah 2",
    # "Tujuan Pembangunan 1.1") is no part of the statement
    r"(?:\s+(?:(?:strategis|daerah|pembangunan|prioritas|utama)\s+)?(?:ke[-\s]?)?(?P<num>[0-9IVXivx]+(?:\.[0-9]+)*|" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r")(?![a-z]))?"
    r"\s*(?P<sep>[:.)\-–](?![0-9])|\s)\s*(?P<rest>.*)$",
    re.I)
_SHORT_RE = re.compile(r"^(?P<label>QW|[VMTSP])(?P<num>[0-9]+(?:\.[0-9]+)*)\.?\s*[:.)\-–]?\s+(?P<rest>\S.*)$")
#: a numbered item: "1. ...", "(1) ...", "I. ...", "a) ...", and as typed without a space or with
#: one too many ("1.Mewujudkan", "1.1.Meningkatkan", "1 . ...") or with a dash ("1- ...", "1 - ...")
_NUM_RE = re.compile(
    r"^(?:\(?(?P<num>[0-9]{1,2}(?:\.[0-9]{1,2})*)(?:\s?[.)]\s+|\.(?=[A-Z])|\s?[-–]\s+(?=[A-Za-z]))|"
    r"(?P<roman>[IVX]{1,5})[.)]\s+|\(?(?P<alpha>[a-z])[.)]\s+)(?P<rest>\S.*)$")


def numbering(text: str) -> tuple[str | None, str | None, str]:
    """The label, number and statement of a line: ``Misi 1: Mewujudkan ...`` gives
    ``("mission", "1", "Mewujudkan ...")``, ``S1.1.1 Meningkatnya ...`` gives
    ``("target", "1.1.1", ...)``, ``2. Meningkatkan ...`` gives ``(None, "2", ...)``.
    A line with neither gives ``(None, None, text)``."""
    text = clean(text)
    found = _LABEL_RE.match(text)
    if found and (found.group("num") or found.group("sep") in ":") and found.group("rest"):
        label = re.sub(r"\s+", " ", found.group("label").casefold())
        label = "quick win" if label.startswith("quick") else label
        num = found.group("num")
        rest = found.group("rest").strip()
        if num and re.fullmatch(r"[IVXivx]+", num):
            num = str(_roman(num.upper()))
        elif num and re.sub(r"\s+", " ", num.casefold()) in _ORDINALS:
            num = str(_ORDINALS[re.sub(r"\s+", " ", num.casefold())])
            rest = re.sub(r"^(adalah|yaitu|ialah)\s*:?\s+", "", rest, flags=re.I)
        return _LABELS[label], num, rest
    found = _SHORT_RE.match(text)
    if found:
        return _SHORT[found.group("label").casefold()], found.group("num"), found.group("rest").strip()
    found = _NUM_RE.match(text)
    if found:
        if found.group("roman"):
            return None, str(_roman(found.group("roman"))), found.group("rest").strip()
        if found.group("alpha"):
            return None, str(ord(found.group("alpha")) - 96), found.group("rest").strip()
        return None, found.group("num"), found.group("rest").strip()
    return None, None, text


def _roman(text: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50}
    total = 0
    for a, b in zip(text, text[1:] + " "):
        v = values[a]
        total += -v if values.get(b, 0) > v else v
    return total


def strip_numbering(text: str) -> str:
    """A statement without the label or numbering in front of it."""
    return numbering(text)[2]


# --------------------------------------------------------------------------
# dimensions

_DIMENSIONS = [
    (Dimension.GOVERNANCE, r"govern(ance|ment)|tata\s*kelola|pemerintahan"),
    (Dimension.BRANDING, r"branding|pencitraan|citra"),
    (Dimension.ECONOMY, r"econom(y|ic)|ekonomi"),
    (Dimension.LIVING, r"living|kehidupan|(?<!lingkungan )hidup|liveable|livable"),
    (Dimension.SOCIETY, r"society|people|social|masyarakat|sosial"),
    (Dimension.ENVIRONMENT, r"environment(al)?|lingkungan"),
]
_DIM_RE = [(d, re.compile(rf"^(?:dimensi\s+|bidang\s+)?(?:smart\s*-?\s*)(?:{p})\b", re.I)) for d, p in _DIMENSIONS]
_DIM_LOOSE = [(d, re.compile(rf"\b(?:{p})\b", re.I)) for d, p in _DIMENSIONS]


def dimension_named_in(text: str) -> Dimension | None:
    """The one smart city dimension a longer text names ("Tabel 5.1 Rencana Aksi Smart
    Governance (dalam juta rupiah)", a sheet "Smart Governance"); ``None`` when it names none
    or several."""
    found = set()
    for inner in re.finditer(r"\bsmart\s*-?\s*\w+", text, re.I):
        for dim, pattern in _DIM_RE:
            if pattern.match(inner.group(0)):
                found.add(dim)
    return found.pop() if len(found) == 1 else None


def dimension_of(text: str, *, loose: bool = False) -> Dimension | None:
    """The smart city dimension a heading or cell names (``Smart Government``, ``Dimensi Smart
    Living``); ``loose`` also takes a bare word (``Ekonomi``), for a dimension column."""
    label, _, rest = numbering(text)
    text = clean(rest if label is None else text)
    named = re.match(r"^(dimensi|bidang|elemen)\b", text, re.I) is not None
    text = re.sub(r"^(dimensi|bidang|elemen)\s*[:\-]?\s*", "", text, flags=re.I)
    for dim, pattern in _DIM_RE:
        if pattern.match("smart " + text if not text.lower().startswith("smart") else text) and \
                text.lower().startswith("smart"):
            return dim
    if len(text.split()) <= 8:
        # a short heading naming it further on ("Quick Win Dimensi Smart Economy", "Tata Kelola
        # Cerdas (Smart Governance)"), or in Indonesian after "Dimensi" or before "Cerdas"
        inner = re.search(r"\bsmart\s*-?\s*\w+", text, re.I)
        if inner:
            for dim, pattern in _DIM_RE:
                if pattern.match(inner.group(0)):
                    return dim
        if named or re.search(r"\bcerdas\b", text, re.I):
            loose = True
    if loose:
        for dim, pattern in _DIM_LOOSE:
            if pattern.search(text):
                return dim
    return None


#: the words naming a dimension after "Smart" (or "Dimensi"), for a word spelt one letter off
_DIMENSION_WORDS = {
    "governance": Dimension.GOVERNANCE, "government": Dimension.GOVERNANCE, "pemerintahan": Dimension.GOVERNANCE,
    "branding": Dimension.BRANDING, "pencitraan": Dimension.BRANDING, "economy": Dimension.ECONOMY,
    "ekonomi": Dimension.ECONOMY, "living": Dimension.LIVING, "kehidupan": Dimension.LIVING,
    "society": Dimension.SOCIETY, "people": Dimension.SOCIETY, "social": Dimension.SOCIETY,
    "masyarakat": Dimension.SOCIETY, "environment": Dimension.ENVIRONMENT, "environmental": Dimension.ENVIRONMENT,
    "lingkungan": Dimension.ENVIRONMENT}


def _one_edit(a: str, b: str) -> bool:
    """Whether two words differ by one letter added, left out, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


def misspelt_dimension(text: str) -> tuple[Dimension, str] | None:
    """A dimension named with its word spelt one letter off ("Smart Environtment", "Smart
    Goverment", "Dimensi Enviroment") or cut short ("Smart Brand"): the dimension and the words
    as written; None for a text
    that names a dimension as spelt, or none (newuser F204)."""
    bare = clean(text).strip(" :.")
    if dimension_of(bare, loose=True) is not None:
        return None
    found = re.match(r"^(?:dimensi\s+)?(?:smart\s*-?\s*)?([a-z]{5,})\b[^.;:]{0,30}$", bare, re.I)
    if found is None or not re.match(r"(dimensi|smart)\b", bare, re.I):
        return None
    word = found.group(1).casefold()
    # one letter off, or the word cut short ("Smart Brand" for branding)
    near = {dim for known, dim in _DIMENSION_WORDS.items() if _one_edit(word, known) or known.startswith(word)}
    if len(near) != 1:
        return None
    return near.pop(), bare


# --------------------------------------------------------------------------
# years

_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d|21\d\d)(?!\d)")
_PERIOD = re.compile(r"(?<!\d)((?:19|20|21)\d\d)\s*(?:[-–—/]|s\.?\s*/?\s*d\.?|sampai(?: dengan)?|hingga)\s*((?:19|20|21)\d\d)(?!\d)", re.I)


def years_in(text: str) -> list[int]:
    """The years written in a text."""
    return [int(y) for y in _YEAR.findall(text or "")]


def period_in(text: str) -> tuple[int, int] | None:
    """A period written ``2021-2026``, ``2021 – 2026`` or ``2021 s.d. 2026``."""
    found = _PERIOD.search(text or "")
    if not found:
        return None
    start, end = int(found.group(1)), int(found.group(2))
    if start <= end <= start + 25:
        return start, end
    return None
