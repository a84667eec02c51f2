"""Reading a rendered .docx back, the way a reviewer checks a văn thư's layout item by item.

Only python-docx and XPath on the saved file: nothing from the renderer is used, so the
tests check the document, not the code that made it. Formatting is read as Word shows it:
the run's own, else its paragraph's style and the styles it is based on, else the
document defaults (a body paragraph is justified by its style Body Text, a heading bold by
its style heading 1).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table
from docx.text.paragraph import Paragraph

MM = 36000  # EMU per millimetre
TWIPS_PER_MM = 1440 / 25.4


def norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@dataclass
class RunFmt:
    text: str
    bold: bool
    italic: bool
    size: float
    font: str


class Doc:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.d = docx.Document(str(path))
        styles = self.d.styles.element
        rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        sz = rpr.find(qn("w:sz"))
        self.default_size = int(sz.get(qn("w:val"))) / 2 if sz is not None else 10
        fonts = rpr.find(qn("w:rFonts"))
        self.default_fonts = {k.split("}")[1]: v for k, v in fonts.attrib.items()} if fonts is not None else {}
        self.body = self.d.element.body

    # -- blocks in document order (paragraphs and tables of the body)

    def blocks(self):
        for child in self.body.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, self.d)
            elif child.tag == qn("w:tbl"):
                yield Table(child, self.d)

    def all_paragraphs(self):
        """Every paragraph, those inside tables included, in document order."""
        for p in self.body.iter(qn("w:p")):
            yield Paragraph(p, self.d)

    def find(self, pattern: str, *, start: int = 0) -> Paragraph:
        """The first paragraph (in or out of tables) whose text matches the regex."""
        rx = re.compile(pattern)
        for i, p in enumerate(self.all_paragraphs()):
            if i >= start and rx.search(norm(p.text)):
                return p
        raise AssertionError(f"no paragraph matches {pattern!r}")

    def find_all(self, pattern: str) -> list[Paragraph]:
        rx = re.compile(pattern)
        return [p for p in self.all_paragraphs() if rx.search(norm(p.text))]

    def tables(self) -> list[Table]:
        return [b for b in self.blocks() if isinstance(b, Table)]

    # -- formatting

    def runs(self, p: Paragraph) -> list[RunFmt]:
        out = []
        for r in p.runs:
            if not r.text:
                continue
            size = r.font.size.pt if r.font.size is not None else None
            if size is None:
                found = style_value(p, lambda st: st.font.size)
                size = found.pt if found is not None else self.default_size
            bold = r.bold if r.bold is not None else style_value(p, lambda st: st.font.bold)
            italic = r.italic if r.italic is not None else style_value(p, lambda st: st.font.italic)
            out.append(RunFmt(r.text, bool(bold), bool(italic), size,
                              r.font.name or self.default_fonts.get("ascii", "")))
        return out

    def fmt(self, p: Paragraph) -> RunFmt:
        """The formatting shared by every run of the paragraph (fails when they differ)."""
        runs = self.runs(p)
        assert runs, f"empty paragraph: {p.text!r}"
        first = runs[0]
        for r in runs[1:]:
            assert (r.bold, r.italic, r.size) == (first.bold, first.italic, first.size), (p.text, runs)
        return RunFmt(p.text, first.bold, first.italic, first.size, first.font)


def style_value(p: Paragraph, get):
    """A property of the paragraph's style, or of the styles it is based on (None if none sets it)."""
    style = p.style
    while style is not None:
        value = get(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def alignment(p: Paragraph):
    """The paragraph's alignment: its own, else its style's."""
    return p.alignment if p.alignment is not None else style_value(p, lambda st: st.paragraph_format.alignment)


class Format:
    """The paragraph format as Word applies it: the paragraph's own values, else its style's."""

    def __init__(self, p: Paragraph):
        self.p = p

    def __getattr__(self, name: str):
        value = getattr(self.p.paragraph_format, name)
        return value if value is not None else style_value(self.p, lambda st: getattr(st.paragraph_format, name))


def outline_level(p: Paragraph) -> int | None:
    """The outline level (0 for heading 1) from the paragraph or its style, None for body text."""
    def level(element):
        el = element.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
        return int(el.get(qn("w:val"))) if el is not None else None

    own = level(p._p)
    return own if own is not None else style_value(p, lambda st: level(st.element))


def top_border(p: Paragraph):
    """(weight in eighths of a point, left indent, right indent) of a rule paragraph, or None."""
    top = p._p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:top')}")
    if top is None or top.get(qn("w:val")) in (None, "nil", "none"):
        return None
    fmt = p.paragraph_format
    return int(top.get(qn("w:sz"))), fmt.left_indent or Length(0), fmt.right_indent or Length(0)


def cell_width_mm(cell) -> float:
    tcw = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
    return int(tcw.get(qn("w:w"))) / TWIPS_PER_MM


def row_flags(row) -> set[str]:
    trpr = row._tr.find(qn("w:trPr"))
    if trpr is None:
        return set()
    return {child.tag.split("}")[1] for child in trpr}


def row_cells(row):
    """The real cells of a row (python-docx repeats a merged cell once per grid column)."""
    from docx.table import _Cell

    return [_Cell(tc, row._parent) for tc in row._tr.tc_lst]


def grid_span(cell) -> int:
    span = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def v_align(cell) -> str | None:
    va = cell._tc.find(f"{qn('w:tcPr')}/{qn('w:vAlign')}")
    return va.get(qn("w:val")) if va is not None else None


def table_borders(table) -> dict[str, str]:
    b = table._tbl.tblPr.find(qn("w:tblBorders"))
    return {} if b is None else {c.tag.split("}")[1]: c.get(qn("w:val")) for c in b}


def sect_value(section, tag: str, attr: str | None = None):
    el = section._sectPr.find(qn(tag))
    if el is None:
        return None
    return el.get(qn(attr)) if attr else True
