"""The words of ``smartsync draft`` in English and Indonesian (:mod:`smartsync.messages.drafting`,
registered with :mod:`smartsync.messages` here) and how a draft says where it read a thing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import messages
from ..messages.drafting import EN, ID  # the draft's words, kept with the catalogs

if TYPE_CHECKING:
    from ..model import Provenance


def where(provenance: "Provenance | None", lang: str = "en") -> str:
    """Where an element was read, for a person, in ``lang``: ``rpjmd.pdf p. 57 (5 - 3)``
    (Indonesian ``hlm. 57``), ``sipd.xlsx Program!12``, ``sipd.csv row 12`` (``baris 12``);
    ``?`` when nothing says it."""
    if provenance is None:
        return "?"
    place = provenance.file
    if provenance.page is not None:
        place += " " + messages.text("draft.where.page", lang, page=provenance.page)
        if provenance.printed_page is not None:
            place += f" ({provenance.printed_page})"
    if provenance.sheet is not None:
        place += f" {provenance.sheet}" + (f"!{provenance.row}" if provenance.row is not None else "")
    elif provenance.row is not None:
        place += " " + messages.text("draft.where.row", lang, row=provenance.row)
    return place


def score(value: float, lang: str = "en") -> str:
    """A confidence score to two decimals, with a decimal comma in Indonesian (``0,50``)."""
    return messages.format_score(value, lang)


messages.register("en", EN)
messages.register("id", ID)
