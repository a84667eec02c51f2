"""Preparing the blocks for classifying (mise en ordre): layout tables read as paragraphs, broken
paragraphs joined.

A header or a signature set out in a borderless table is read column by column, as a reader
reads it; a task table stays a table. A paragraph cut by a page (or by the line width of a
text copy) is joined back, and the join is remembered on the paragraph so that the importer
can say so at the place it ends up.
"""

from __future__ import annotations

from dataclasses import replace

from tuyentruyen.edit.importer.blocks import Block, Para, Table
from tuyentruyen.edit.importer.shapes import LETTER, NUMBER_LINE
from tuyentruyen.vn.text import fold, squash

def flatten(blocks: list[Block]) -> list[Block]:
    """Layout tables (a header, a signature beside Nơi nhận) become their paragraphs, read
    column by column; task tables stay tables."""
    from tuyentruyen.edit.importer.tables import is_task_table

    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Table):
            text = " ".join(fold(p.shown) for p in b.paragraphs(by_column=False))
            layout = ("cong hoa xa hoi chu nghia" in text or "noi nhan" in text
                      or (not b.borders and not is_task_table(b)))
            if layout:
                out.extend(p for p in b.paragraphs(by_column=True) if p.shown.strip())
                continue
        elif not b.shown.strip():
            continue
        out.append(b)
    return out

def join_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph cut by a page or by the line width of a text copy: a line that does
    not end a sentence followed by one that starts with a small letter (and is no list item)."""
    out: list[Block] = []
    for b in blocks:
        if (isinstance(b, Para) and out and isinstance(out[-1], Para) and not b.formatted
                and not out[-1].formatted):
            prev = out[-1]
            t = b.text.lstrip()
            if (t and t[0].islower() and not LETTER.match(t) and not prev.text.rstrip().endswith((".", ":", "!", "?"))
                    and not NUMBER_LINE.match(prev.text)):
                remarks = prev.remarks
                if b.group != prev.group:
                    remarks += (("TT-I002", f"nối hai đoạn bị ngắt trang ('…{squash(prev.text)[-30:]}' + "
                                            f"'{squash(t)[:30]}…', {b.src})"),)
                out[-1] = replace(prev, text=prev.text.rstrip() + " " + t, bold=prev.bold and b.bold,
                                  italic=prev.italic and b.italic, remarks=remarks)
                continue
        out.append(b)
    return out
