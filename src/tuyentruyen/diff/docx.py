"""The comparison table Vietnamese drafting uses (Bảng so sánh), as .docx.

One row a change: STT, nội dung cũ, nội dung mới, ghi chú — the old wording with removed
words struck through, the new wording with added words in bold, and a note that says what
kind of change it is ("Sửa thời gian: muộn hơn 1 quý", "Thêm mới", "Tách từ nhiệm vụ …").
A4 landscape, Times New Roman 13, the header row repeated on every page, margins of
Nghị định 30/2020 (from `tuyentruyen.render.layout` when it is there). Written to a
temporary file and moved into place only when complete.
"""

from __future__ import annotations

from pathlib import Path

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.compare import citation_text
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff
from tuyentruyen.diff.report_text import AREAS, area_of

FONT = "Times New Roman"
SIZE = 13
NOTHING = "(không có)"


def _run(p, text: str, bold: bool = False, italic: bool = False, strike: bool = False):
    r = p.add_run(text)
    r.bold, r.italic = bold or None, italic or None
    if strike:
        r.font.strike = True
    return r


def _line(cell, first: list[bool], label: str | None = None):
    """A new paragraph in a cell (the cell's own empty first paragraph is used once)."""
    if first[0]:
        p = cell.paragraphs[0]
        first[0] = False
    else:
        p = cell.add_paragraph()
    if label:
        _run(p, label, italic=True)
    return p


def _value(ftype: str, value) -> str:
    return msg.value_text(ftype, value) if value not in (None, [], "") else NOTHING


def _field_cells(fc: FieldChange, old_cell, new_cell, fo: list[bool], fn: list[bool]) -> None:
    label = fc.name[:1].upper() + fc.name[1:] + ": "
    po, pn = _line(old_cell, fo, label), _line(new_cell, fn, label)
    if "words" in fc.details:
        for tag, text in fc.details["words"]:
            if tag in ("=", "-"):
                _run(po, text, strike=tag == "-")
            if tag in ("=", "+"):
                _run(pn, text, bold=tag == "+")
    elif fc.type == "paragraphs":
        for op in fc.details.get("paragraphs") or []:
            po, pn = _line(old_cell, fo), _line(new_cell, fn)
            if op["op"] == "edit" and "words" in op:
                for tag, text in op["words"]:
                    if tag in ("=", "-"):
                        _run(po, text, strike=tag == "-")
                    if tag in ("=", "+"):
                        _run(pn, text, bold=tag == "+")
            else:
                _run(po, op.get("old") or NOTHING, strike="old" in op and op["op"] == "remove")
                _run(pn, op.get("new") or NOTHING, bold=op["op"] == "add")
    elif fc.type in ("units", "names") and isinstance(fc.old, list) and isinstance(fc.new, list) and fc.old and fc.new:
        info = fc.details.get("units") or fc.details.get("names") or {}
        removed, added = set(info.get("removed") or []), set(info.get("added") or [])
        for k, name in enumerate(fc.old):
            _run(po, ("; " if k else "") + name if name not in removed else "; " * bool(k))
            if name in removed:
                _run(po, name, strike=True)
        for k, name in enumerate(fc.new):
            if k:
                _run(pn, "; ")
            _run(pn, name, bold=name in added)
    else:
        _run(po, _value(fc.type, fc.old))
        _run(pn, _value(fc.type, fc.new), bold=not fc.cosmetic)


def _object_text(c: Change) -> list[tuple[str, str]]:
    """(label, text) lines describing a whole added or removed object."""
    v = c.value or {}
    if c.object == "task":
        out = [("Nội dung: ", v.get("content") or "")]
        for key, name in (("forms", "Hình thức"), ("lead", "Chủ trì"), ("support", "Phối hợp"), ("due", "Thời gian"),
                          ("quantity", "Số lượng"), ("budget", "Kinh phí")):
            if v.get(key):
                out.append((f"{name}: ", "; ".join(v[key]) if isinstance(v[key], list) else str(v[key])))
        return out
    if c.object == "citation":
        return [("", citation_text(v))]
    if c.object == "section":
        lines = [("", v.get("heading") or "")] + [("", t) for t in v.get("text") or []]
        return lines + [("- ", i["text"]) for i in v.get("items") or []]
    if c.object == "duty":
        lines = [("", v.get("heading") or "; ".join(v.get("unit") or []))] + [("", t) for t in v.get("text") or []]
        return lines + [("- ", i["text"]) for i in v.get("items") or []]
    if c.object == "item":
        return [("", v.get("text") or "")] + [("- ", b) for b in v.get("bullets") or []]
    if c.object == "group":
        return [("", v.get("title") or "")]
    if c.object == "appendix":
        return [("", v.get("title") or "")]
    return [("", c.title or "")]


def _note(c: Change) -> str:
    fields = ", ".join(f.name + (f" ({f.note})" if f.note else "") for f in msg.shown_fields(c))
    if c.category == "cosmetic":
        parts = [f"Chỉ đổi hình thức, cùng nội dung: {fields}"]
    elif c.kind == "changed":
        parts = [f"Sửa {fields}"]
    elif c.kind == "moved":
        parts = list(c.notes) + ([f"sửa {fields}"] if fields else [])
    else:
        parts = [{"added": "Thêm mới", "removed": "Bỏ", "reordered": "Đổi vị trí"}[c.kind]]
        if fields:
            parts.append(f"sửa {fields}")
    if c.kind != "moved":
        parts += msg.notes_of(c)
    if c.matched_by == "content" and c.object == "task":
        parts.append("khớp theo nội dung")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


def _row(table, n: int, c: Change) -> None:
    cells = table.add_row().cells
    cells[0].paragraphs[0].add_run(str(n))
    cells[0].paragraphs[0].alignment = 1  # centre
    old_cell, new_cell = cells[1], cells[2]
    fo, fn = [True], [True]
    old_subject = msg.subject(c) if c.kind != "added" else None
    new_subject = msg.subject(c) if c.kind != "removed" else None
    if c.kind in ("moved", "reordered") and c.old_label:
        old_subject = (c.old_label + (f" ({c.id})" if c.id else "")) if c.object == "task" else c.old_label
    if old_subject:
        _run(_line(old_cell, fo), old_subject, bold=True)
    if new_subject:
        _run(_line(new_cell, fn), new_subject, bold=True)
    if c.kind == "added":
        _run(_line(old_cell, fo), NOTHING, italic=True)
        for label, text in _object_text(c):
            p = _line(new_cell, fn)
            _run(p, label, italic=bool(label))
            _run(p, text, bold=True)
    elif c.kind == "removed":
        for label, text in _object_text(c):
            p = _line(old_cell, fo)
            _run(p, label, italic=bool(label))
            _run(p, text, strike=True)
        _run(_line(new_cell, fn), "(bỏ)", italic=True)
    else:
        for fc in msg.shown_fields(c):
            _field_cells(fc, old_cell, new_cell, fo, fn)
    cells[3].paragraphs[0].add_run(_note(c))


def _set_repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _fonts(document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(SIZE)
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        from docx.oxml import OxmlElement

        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    style.paragraph_format.space_after = Pt(3)


def build(diffs: list[PlanDiff], cosmetic: bool = True):
    """The python-docx Document of the comparison tables."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Mm, Pt

    from tuyentruyen.render.layout import DEFAULT as L  # the margins of Nghị định 30/2020, as in tt render

    document = docx.Document()
    _fonts(document)
    sec = document.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    top, bottom, left, right = L.margin_top_mm, L.margin_bottom_mm, L.margin_left_mm, L.margin_right_mm
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Mm(top), Mm(bottom), Mm(left), Mm(right)
    width = 297 - left - right
    widths = [Mm(14), Mm((width - 14 - 55) / 2), Mm((width - 14 - 55) / 2), Mm(55)]

    for k, d in enumerate(diffs):
        if k:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        r = title.add_run("BẢNG SO SÁNH")
        r.bold, r.font.size = True, Pt(14)
        sub = document.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        plan_title = d.new.title or d.old.title
        if plan_title:
            _run(sub, plan_title, bold=True)
            sub = document.add_paragraph()
            sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(sub, f"(Bản cũ: {d.old.display}; bản mới: {d.new.display})", italic=True)
        if d.status != "modified" or d.equal:
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            from tuyentruyen.diff.report_text import summary_text

            _run(p, summary_text(d))
            continue
        for note in d.notes:
            _run(document.add_paragraph(), note, italic=True)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        head = table.rows[0]
        _set_repeat_header(head)
        for cell, text in zip(head.cells, ("STT", "Nội dung cũ", "Nội dung mới", "Ghi chú")):
            p = cell.paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, text, bold=True)
        n = 0
        changes = [c for c in d.changes if not msg.is_hidden(c) and (cosmetic or c.category != "cosmetic")]
        for area, name in AREAS:
            mine = [c for c in changes if area_of(c) == area]
            if not mine:
                continue
            cells = table.add_row().cells
            merged = cells[0].merge(cells[3])
            _run(merged.paragraphs[0], name.upper(), bold=True)
            for c in mine:
                n += 1
                _row(table, n, c)
        for column, w in zip(table.columns, widths):
            column.width = w  # the grid LibreOffice reads
        for row in table.rows:
            for cell, w in zip(row.cells, widths):
                cell.width = w  # the cell widths Word reads
    return document


def write_docx(diffs: list[PlanDiff], target: str | Path, cosmetic: bool = True, protect=()) -> Path:
    from tuyentruyen.project.files import atomic_path

    document = build(diffs, cosmetic)
    target = Path(target)
    with atomic_path(target, protect=protect) as tmp:
        document.save(str(tmp))
    return target
