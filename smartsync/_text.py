"""The one place that decides which characters a text may hold, and how each output shows the rest.

- :func:`bad_character` -- what the region reader refuses in an id, a name or a
  text: lone surrogates (no UTF-8 file, page or terminal can hold them), NUL
  and the other control characters (terminal escape sequences among them);
  tab and line breaks are allowed in texts.
- :func:`for_terminal` -- a text as every command line printer shows it:
  control characters, lone surrogates and bidirectional formatting characters
  written as ``\\xNN`` / ``\\uNNNN``, so that no text from a file moves the
  cursor, writes the clipboard (OSC 52) or reorders a line.
- :func:`for_markup` -- a text as HTML and SVG show it: characters no page may
  hold replaced by U+FFFD, and text with bidirectional characters isolated
  (wrapped in U+2068 FIRST STRONG ISOLATE ... U+2069 POP DIRECTIONAL ISOLATE,
  what ``<bdi>`` does, after closing any embedding or override it left open),
  so that it cannot reorder the text around it.
- :func:`encodable` -- a text any UTF-8 writer accepts: lone surrogates written
  as ``\\uNNNN`` (the bytes of an undecodable file name as ``\\xNN``).
- :func:`bidi_control` -- the warning for a text holding a bidirectional
  embedding, override or isolate (U+202A-U+202E, U+2066-U+2069): legitimate only
  in right-to-left writing, it reorders how a spreadsheet or a page shows the text
  (the "Trojan Source" trick); the reader warns, the outputs neutralise it.
- :func:`spreadsheet_cell` -- a CSV cell a spreadsheet will not execute, with no
  bidirectional control to reorder it and no escape sequence for a terminal.
"""

from __future__ import annotations

import re

from ._lazy import lazy_pattern

__all__ = ["bad_character", "bidi_control", "for_terminal", "for_markup", "encodable",
           "spreadsheet_cell", "FORMULA_STARTS"]

_SURROGATE = lazy_pattern("[\ud800-\udfff]")
# C0 controls but tab and line breaks, DEL, C1 controls, lone surrogates
_BAD_IN_TEXT = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_IN_LINE = lazy_pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff]")
# what a terminal must not get raw: controls but tab and newline, surrogates, bidi formatting
_TERMINAL = lazy_pattern("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f"
                         "\u202a-\u202e\u2066-\u2069]")
_MARKUP_BAD = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BIDI_CONTROLS = lazy_pattern("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# embeddings, overrides and isolates: what reorders a line (the marks LRM/RLM/ALM only nudge)
_BIDI_REORDERING = lazy_pattern("[\u202a-\u202e\u2066-\u2069]")
_BIDI_NAMES = {"\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
               "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
               "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
               "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
               "\u2069": "POP DIRECTIONAL ISOLATE"}
# strong right-to-left letters (Hebrew, Arabic, Syriac, Thaana, NKo... and their presentation forms)
_RTL = lazy_pattern("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff"
                    "\U0001e800-\U0001efff]")
_OPENERS = {"\u202a": "emb", "\u202b": "emb", "\u202d": "emb", "\u202e": "emb",
            "\u2066": "iso", "\u2067": "iso", "\u2068": "iso"}

#: the characters that make a spreadsheet read a cell as a formula (or a command)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def bad_character_values(text: str, *, line: bool = False) -> dict[str, object] | None:
    """:func:`bad_character` as values, for a message in each language: ``form`` (what the
    character is: ``surrogate``, ``nul``, ``line_break``, ``escape``, ``control``), ``char``
    (it written as ``\\xNN``) and ``position`` (1-based); ``None`` when ``text`` holds none."""
    found = (_BAD_IN_LINE if line else _BAD_IN_TEXT).search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        form = "surrogate"
    elif char == "\x00":
        form = "nul"
    elif char in "\n\r":
        form = "line_break"
    elif char == "\x1b":
        form = "escape"
    else:
        form = "control"
    return {"form": form, "char": _escape(char), "position": found.start() + 1}


def bad_character(text: str, *, line: bool = False) -> str | None:
    """Why ``text`` cannot be stored, naming its first bad character and where it is; ``None``
    when it can. ``line``: line breaks are bad too (ids, names)."""
    found = (_BAD_IN_LINE if line else _BAD_IN_TEXT).search(text)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        what = f"a lone surrogate ({_escape(char)}), which cannot be written as UTF-8"
    elif char == "\x00":
        what = "a NUL character (\\x00)"
    elif char in "\n\r":
        what = f"a line break ({_escape(char)})"
    elif char == "\x1b":
        what = "an escape character (\\x1b, the start of a terminal control sequence)"
    else:
        what = f"a control character ({_escape(char)})"
    return f"holds {what} at position {found.start() + 1}"


# what bad_character or bidi_control would name, in one pattern: a text read from a file is
# searched once (most hold neither); only one where it finds something is looked at again
_SUSPECT_IN_TEXT = lazy_pattern("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
                                "\u202a-\u202e\u2066-\u2069]")
_SUSPECT_IN_LINE = lazy_pattern("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff"
                                "\u202a-\u202e\u2066-\u2069]")


def unremarkable(text: str, *, line: bool = False) -> bool:
    """Whether ``text`` holds nothing :func:`bad_character` refuses (with ``line``) nor
    anything :func:`bidi_control` warns of: one search for both."""
    return (_SUSPECT_IN_LINE if line else _SUSPECT_IN_TEXT).search(text) is None


def bidi_control(text: str) -> dict[str, object] | None:
    """The first bidirectional control character in ``text``, as the values of the
    ``bidi-control`` warning: ``char`` (written as an escape), ``name`` (its Unicode name)
    and ``position`` (1-based); ``None`` when it holds none. Such a character is kept
    (right-to-left writing may need it), but every output neutralises it."""
    found = _BIDI_REORDERING.search(text)
    if found is None:
        return None
    char = found.group()
    return {"char": _escape(char), "name": _BIDI_NAMES[char], "position": found.start() + 1}


def for_terminal(text: str) -> str:
    """``text`` with what a terminal would act on written out as escapes (tab and newline kept)."""
    if _TERMINAL.search(text) is None:
        return text
    return _TERMINAL.sub(lambda m: _escape(m.group()), text)


def encodable(text: str) -> str:
    """``text`` with lone surrogates written as escapes: ``\\xNN`` for the bytes of an
    undecodable file name (U+DC80-U+DCFF), ``\\uNNNN`` for others."""
    if _SURROGATE.search(text) is None:
        return text

    def one(m: re.Match[str]) -> str:
        code = ord(m.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(one, text)


def _balanced(text: str) -> str:
    """``text`` with every embedding, override and isolate it opens closed at its end."""
    stack: list[str] = []
    for char in _BIDI_CONTROLS.findall(text):
        kind = _OPENERS.get(char)
        if kind is not None:
            stack.append(kind)
        elif char == "\u202c":  # PDF closes the last embedding
            if stack and stack[-1] == "emb":
                stack.pop()
        elif char == "\u2069":  # PDI closes the last isolate and what it holds
            while stack:
                if stack.pop() == "iso":
                    break
    closing = "".join("\u202c" if kind == "emb" else "\u2069" for kind in reversed(stack))
    return text + closing


def for_markup(text: str, *, isolate: bool = True) -> str:
    """``text`` ready to be escaped into HTML or SVG: characters a page cannot hold replaced by
    U+FFFD, bidirectional text isolated (U+2068 ... U+2069) so it cannot reorder its
    surroundings (``isolate=False`` for attribute values, which are data, not shown)."""
    if _MARKUP_BAD.search(text) is not None:
        text = _MARKUP_BAD.sub("\ufffd", text)
    if isolate and (_BIDI_CONTROLS.search(text) is not None or _RTL.search(text) is not None):
        text = "\u2068" + _balanced(text) + "\u2069"
    return text


def workbook_text(value: str) -> str:
    """A text for a workbook's text cell: the characters :func:`spreadsheet_cell` escapes
    (controls, bidirectional reordering) written as ``\\xNN`` / ``\\uNNNN``; no leading
    ``'`` (a workbook cell is marked as text by its type, never run as a formula)."""
    if _BIDI_REORDERING.search(value) is not None:
        value = _BIDI_REORDERING.sub(lambda m: _escape(m.group()), value)
    if _BAD_IN_TEXT.search(value) is not None:
        value = _BAD_IN_TEXT.sub(lambda m: _escape(m.group()), value)
    return value


def spreadsheet_cell(value: object) -> object:
    """A CSV cell a spreadsheet shows as text rather than executes: a text starting with
    ``=``, ``+``, ``-``, ``@``, a tab, a line break, ``|`` or ``%`` gets a leading ``'``
    (what spreadsheets themselves use to mark text); bidirectional controls that would
    reorder the cell, and control characters a terminal would act on when the file is
    shown with ``cat`` (escape sequences; tab and line breaks are kept, CSV quotes them),
    are written as ``\\xNN`` / ``\\uNNNN``. Numbers stay numbers."""
    if isinstance(value, str):
        value = workbook_text(value)
        if value.startswith(FORMULA_STARTS):
            return "'" + value
    return value
