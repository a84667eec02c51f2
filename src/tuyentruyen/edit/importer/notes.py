"""What the importer was unsure of (ghi chú của tt import): one note per guess, at a YAML path.

Each note becomes a comment on the line it concerns (``# tt import: …``) and a line of the
command's report. Codes, so a clerk (and a test) can tell the kinds apart:

=======  ==================================================================================
TT-I001  a paragraph the importer could not place: kept where it was found, to be checked
TT-I002  two pieces of text joined (a paragraph or a cell broken by a page)
TT-I003  one cell or line split into several values (units, forms, lead and support)
TT-I004  several spellings of one unit gathered into one entry of units.yaml
TT-I005  a header field the document does not state, taken from elsewhere in it or guessed
TT-I006  capitals turned back into ordinary case without evidence for some words
TT-I007  a written reference line ("Kèm theo …") that disagrees with the document: kept
TT-I008  a number, symbol or date written in a form the format does not keep as written
TT-I009  a table row whose cells do not line up with the table's columns
TT-I010  a label in a cell ("Chỉ trì:") that is not one tt knows: kept in the value
TT-I011  a value taken out of running text (a deadline, a quantity in brackets)
TT-I012  a decision's article worded otherwise than tt prints it
TT-I013  something the format has no place for: kept in this comment
=======  ==================================================================================
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    path: tuple  # where in the plan (or in units.yaml when ``registry``)
    code: str
    message: str  # Vietnamese: what was guessed and what to check
    src: str = ""  # where in the source document ("dòng 12", "bảng 1, dòng 4")
    registry: bool = False

    @property
    def comment(self) -> str:
        where = f" [{self.src}]" if self.src else ""
        return f"{self.code} {self.message}{where}"


class Notes:
    """The notes of one import, in the order they were made."""

    def __init__(self):
        self.items: list[Note] = []

    def add(self, path, code: str, message: str, src: str = "", registry: bool = False) -> None:
        self.items.append(Note(tuple(path), code, unicodedata.normalize("NFC", " ".join(message.split())), src, registry))

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)
