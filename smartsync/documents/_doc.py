"""What a reader gives the drafting: lines and tables in reading order, with where each was read.

Every reader (PDF, Word, workbook, CSV) turns its file into a :class:`Document`:
a list of :class:`Line` and :class:`Table` items in reading order. A table is
a grid of cell texts; a cell covered by a merged cell above or to its left is
marked, so the drafting can say it filled it from above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Line", "Table", "Document", "DocumentError"]


class DocumentError(Exception):
    """A document that cannot be read: scanned, encrypted, corrupt, of an unknown kind.

    ``file`` names the document, ``code`` says what is wrong for a program to act on
    (``"corrupt"``, ``"empty"``, ``"encrypted"``, ``"scanned"``, ``"too-large"``...),
    ``key`` and ``values`` are the words: the message catalog's ``doc.<key>`` filled with
    ``values`` (a value named in ``words`` is itself a catalog key, worded in the same
    language; whole numbers are grouped by thousands as the language writes them).
    ``message`` is the English text; :meth:`format` gives the line in another language."""

    def __init__(self, file: str, key: str, code: str = "unreadable", *,
                 words: dict[str, str] | None = None, **values: object):
        self.file = file
        self.key = key
        self.code = code
        self.words = dict(words or {})
        self.values = values
        self.message = self.said("en")
        super().__init__(f"{file}: {self.message}")

    def said(self, lang: str = "en") -> str:
        """What is wrong, in ``lang`` (without the file name)."""
        from .. import messages
        from . import _words  # noqa: F401 - the words of the documents, registered

        filled: dict[str, object] = {}
        for name, value in self.values.items():
            if isinstance(value, int) and not isinstance(value, bool):
                value = f"{value:,}".replace(",", "." if lang == "id" else ",")
            filled[name] = value
        for name, key in self.words.items():
            filled[name] = messages.text(key, lang, **filled)
        return messages.text("doc." + self.key, lang, **filled)

    def format(self, lang: str = "en") -> str:
        """The error as one line in ``lang``: ``file: what is wrong``."""
        return f"{self.file}: {self.said(lang)}"


@dataclass(slots=True)
class Line:
    """One line (or paragraph) of text. ``para`` says whether it begins a paragraph, where the
    reader knows: a Word paragraph does (its parts after a line break: unknown), a PDF line does
    when a gap above it or its indent sets it apart, and does not when it follows the line above
    at the text's own spacing; ``None``: not known."""

    text: str
    page: int | None = None
    printed_page: str | None = None
    bold: bool = False
    para: bool | None = None


@dataclass
class Table:
    """A grid of cell texts, top to bottom.

    ``covered[r][c]`` is true when cell (r, c) is covered by a merged cell
    above it (its text, when a reader repeats it, is the merged cell's);
    ``across[r][c]`` when covered by one to its left. ``pages`` gives the page
    of each row, ``rows_at`` the row number of each row in a sheet.
    """

    cells: list[list[str]]
    covered: list[list[bool]] = field(default_factory=list)
    across: list[list[bool]] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)
    printed_pages: list[str | None] = field(default_factory=list)
    rows_at: list[int | None] = field(default_factory=list)
    sheet: str | None = None
    caption: str = ""

    def __post_init__(self) -> None:
        width = max((len(r) for r in self.cells), default=0)
        self.cells = [list(r) + [""] * (width - len(r)) for r in self.cells]
        n = len(self.cells)
        if not self.covered:
            self.covered = [[False] * width for _ in range(n)]
        if not self.across:
            self.across = [[False] * width for _ in range(n)]
        if not self.pages:
            self.pages = [None] * n
        if not self.printed_pages:
            self.printed_pages = [None] * n
        if not self.rows_at:
            self.rows_at = [None] * n

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0


@dataclass
class Document:
    """One file read: its items in reading order and its number of pages. ``notes`` say what
    the reader read otherwise than the file stores it (hidden rows left out, a figure scaled by
    its number format, tracked changes accepted), each a message key (``draft.check.*``) and its
    values, for the draft's check lines."""

    file: str
    items: list[Line | Table]
    pages: int = 0
    notes: list[tuple[str, dict[str, object]]] = field(default_factory=list)
