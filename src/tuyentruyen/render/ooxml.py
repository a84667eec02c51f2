"""WordprocessingML fragments as strings: runs, paragraphs, tables, section properties.

The builder writes the whole body as one XML string and parses it once: linear in the
size of the plan (python-docx's ``table.cell(r, c)`` is quadratic, see python-docx
issues #1209 and #1516). Every piece of text goes through :func:`esc`; nothing from the
plan is ever written unescaped, so plan text can never become markup. Child elements are
written in the order the OOXML schema requires (Word refuses a file otherwise).
"""

from __future__ import annotations

from dataclasses import dataclass

from tuyentruyen.render.layout import half_points
from tuyentruyen.render.text import LINE_SEP

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rpr(size: float | None = None, bold: bool = False, italic: bool = False, strike: bool = False) -> str:
    inner = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "") + ("<w:strike/>" if strike else "")
    if size is not None:
        hp = half_points(size)
        inner += f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>'
    return f"<w:rPr>{inner}</w:rPr>" if inner else ""


def run(text: str, rpr_xml: str = "") -> str:
    """One run; tabs become w:tab, line breaks (\\n or U+2028) w:br."""
    if not text:
        return ""
    if "\t" in text or "\n" in text or LINE_SEP in text:
        pieces = []
        buf = []
        for ch in text:
            if ch == "\t" or ch == "\n" or ch == LINE_SEP:
                if buf:
                    pieces.append(f'<w:t xml:space="preserve">{esc("".join(buf))}</w:t>')
                    buf = []
                pieces.append("<w:tab/>" if ch == "\t" else "<w:br/>")
            else:
                buf.append(ch)
        if buf:
            pieces.append(f'<w:t xml:space="preserve">{esc("".join(buf))}</w:t>')
        return f"<w:r>{rpr_xml}{''.join(pieces)}</w:r>"
    return f'<w:r>{rpr_xml}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


@dataclass(frozen=True)
class Para:
    """Paragraph properties (w:pPr). Lengths in twips; line spacing as a multiple or exact pt."""

    style: str | None = None  # w:pStyle: a named style of styles.xml (tuyentruyen.render.package)
    jc: str | None = None  # left | center | right | both
    first_line: int = 0
    left: int = 0
    right: int = 0
    before: int = 0
    after: int = 0
    line: float | None = None  # multiple of single spacing
    line_exact_pt: float | None = None
    keep_next: bool = False
    keep_lines: bool = False
    page_break: bool = False  # w:pageBreakBefore: the paragraph starts a new page
    border_top_eighths: int = 0  # a rule drawn along the top of the paragraph
    mark_size: float | None = None  # size of the paragraph mark (height of an empty paragraph)

    def xml(self, sect: str = "") -> str:
        parts = [f'<w:pStyle w:val="{self.style}"/>'] if self.style else []
        if self.keep_next:
            parts.append("<w:keepNext/>")
        if self.keep_lines:
            parts.append("<w:keepLines/>")
        if self.page_break:
            parts.append("<w:pageBreakBefore/>")
        if self.border_top_eighths:
            parts.append(f'<w:pBdr><w:top w:val="single" w:sz="{self.border_top_eighths}" w:space="0" '
                         f'w:color="000000"/></w:pBdr>')
        if self.before or self.after or self.line is not None or self.line_exact_pt is not None or not self.style:
            spacing = f'<w:spacing w:before="{self.before}" w:after="{self.after}"'
            if self.line_exact_pt is not None:
                spacing += f' w:line="{round(self.line_exact_pt * 20)}" w:lineRule="exact"'
            elif self.line is not None:
                spacing += f' w:line="{round(self.line * 240)}" w:lineRule="auto"'
            parts.append(spacing + "/>")
        if self.first_line or self.left or self.right:
            ind = "<w:ind"
            if self.left:
                ind += f' w:left="{self.left}"'
            if self.right:
                ind += f' w:right="{self.right}"'
            if self.first_line:
                ind += f' w:firstLine="{self.first_line}"'
            parts.append(ind + "/>")
        if self.jc:
            parts.append(f'<w:jc w:val="{self.jc}"/>')
        if self.mark_size is not None:
            parts.append(rpr(self.mark_size))
        if sect:
            parts.append(sect)
        return f"<w:pPr>{''.join(parts)}</w:pPr>"


def paragraph(ppr_xml: str, runs_xml: str = "") -> str:
    return f"<w:p>{ppr_xml}{runs_xml}</w:p>"


def borders(eighths: int) -> str:
    """w:tblBorders: all single lines of the given weight, or none (0) for a layout table."""
    if eighths <= 0:
        edge = '<w:{0} w:val="nil"/>'
    else:
        edge = f'<w:{{0}} w:val="single" w:sz="{eighths}" w:space="0" w:color="000000"/>'
    return "<w:tblBorders>" + "".join(edge.format(e) for e in
                                       ("top", "left", "bottom", "right", "insideH", "insideV")) + "</w:tblBorders>"


def table_start(widths: list[int], border_eighths: int, cell_margin: int) -> str:
    """w:tbl with fixed layout, centred, its grid; rows follow, then :data:`TABLE_END`."""
    total = sum(widths)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
            f"{borders(border_eighths)}<w:tblLayout w:type=\"fixed\"/>"
            f'<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="{cell_margin}" w:type="dxa"/>'
            f'<w:bottom w:w="0" w:type="dxa"/><w:right w:w="{cell_margin}" w:type="dxa"/></w:tblCellMar>'
            f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            f'w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>')


TABLE_END = "</w:tbl>"


def row(cells_xml: str, header: bool = False, cant_split: bool = True) -> str:
    trpr = ("<w:cantSplit/>" if cant_split else "") + ("<w:tblHeader/>" if header else "")
    return f"<w:tr>{'<w:trPr>' + trpr + '</w:trPr>' if trpr else ''}{cells_xml}</w:tr>"


def cell(width: int, paragraphs_xml: str, valign: str = "center", span: int = 1, vmerge: str | None = None) -> str:
    """A table cell of the given width (the sum of the grid columns it spans); it must hold at
    least one paragraph (Word's rule). vmerge "restart" / "continue": a cell merged with the
    ones below it (the first row of a two-level header)."""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    if vmerge == "restart":
        span_xml += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        span_xml += "<w:vMerge/>"
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}<w:vAlign w:val="{valign}"/></w:tcPr>'
            f"{paragraphs_xml or '<w:p/>'}</w:tc>")


def sect_pr(*, width: int, height: int, landscape: bool, top: int, right: int, bottom: int, left: int,
            header: int, restart: bool, title_page: bool, headers: tuple[tuple[str, str], ...] = ()) -> str:
    """Section properties: page headers (type, relationship id: only the first section names
    them, the others inherit), page size and orientation, margins, page numbering, first page."""
    orient = ' w:orient="landscape"' if landscape else ""
    refs = "".join(f'<w:headerReference w:type="{kind}" r:id="{rid}"/>' for kind, rid in headers)
    return (f'<w:sectPr>{refs}<w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
            f'<w:pgMar w:top="{top}" w:right="{right}" w:bottom="{bottom}" w:left="{left}" '
            f'w:header="{header}" w:footer="{header}" w:gutter="0"/>'
            + ('<w:pgNumType w:start="1"/>' if restart else "")
            + '<w:cols w:space="720"/>'
            + ("<w:titlePg/>" if title_page else "")
            + "</w:sectPr>")


def page_field(rpr_xml: str) -> str:
    """The runs of a PAGE field (the current page number)."""
    return (f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr_xml}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr_xml}<w:t>2</w:t></w:r>'
            f'<w:r>{rpr_xml}<w:fldChar w:fldCharType="end"/></w:r>')
