"""The neutral form of a document being imported: paragraphs and tables (khối văn bản).

Both readers (:mod:`.docx` and :mod:`.text`) turn their input into a list of blocks, and
everything after them (classifying, building the plan) sees only these: a :class:`Para`
(text, with the little formatting that carries meaning — bold, italic, centred, capitals —
and, for a .docx, the label of its automatic numbering) or a :class:`Table` of rows of
:class:`Cell` s (with their horizontal span and vertical merge). Each block says where it
came from (``src``: "dòng 12", "đoạn 34", "bảng 2, dòng 3"), for the comments and the report.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


@dataclass
class Para:
    """One paragraph (or one line of a text file)."""

    text: str
    src: str
    bold: bool = False
    italic: bool = False
    center: bool = False
    caps: bool = False  # shown in capitals by its formatting (w:caps): the text may be lower case
    group: int = 0  # text files: lines with no blank line between them share a group
    list_no: int = 0  # inside a cell: which list (<ul>) of the cell the line belongs to
    formatted: bool = False  # the reader knows bold/italic (a .docx); a text file mostly does not
    remarks: tuple = ()  # (code, message) of what was done to it before classifying (a join)

    @property
    def shown(self) -> str:
        """The text as a reader sees it (in capitals when its formatting says so)."""
        return self.text.upper() if self.caps else self.text


@dataclass
class Cell:
    paras: list[Para] = field(default_factory=list)
    span: int = 1  # grid columns covered
    merge: str | None = None  # vertical merge: "restart", "continue" or None

    @property
    def text(self) -> str:
        return "\n".join(p.shown for p in self.paras).strip()


@dataclass
class Row:
    cells: list[Cell]
    src: str
    header: bool = False  # marked as a repeated header row (w:tblHeader)


@dataclass
class Table:
    rows: list[Row]
    src: str
    borders: bool = True

    def paragraphs(self, by_column: bool = True) -> list[Para]:
        """The table's paragraphs in reading order: column by column (a header or signature
        laid out in a borderless table reads left column first), or row by row."""
        out: list[Para] = []
        if not by_column:
            for row in self.rows:
                for cell in row.cells:
                    out.extend(cell.paras)
            return out
        width = max((len(r.cells) for r in self.rows), default=0)
        for c in range(width):
            for row in self.rows:
                if c < len(row.cells):
                    out.extend(row.cells[c].paras)
        return out


Block = Para | Table


@functools.cache
def words() -> dict:
    """The importer's word lists (words.yaml beside this module)."""
    import yaml
    from importlib.resources import files

    text = files("tuyentruyen.edit.importer").joinpath("words.yaml").read_text("utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
