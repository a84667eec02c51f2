"""Reading plain text into blocks (đọc văn bản thuần): text copied out of a PDF or a web page.

The shape of such text (the reference documents in shared/seeds/ are exactly this):

- one paragraph a line; a blank line between paragraphs, or none (a header, a list of
  recipients); a paragraph broken by a page keeps a blank line in its middle (joined later);
- table rows as tab-separated cells, one row a line; a row broken by a page continues on a
  line whose first cells are empty;
- markup left in by the web page: HTML lists (``<ul>…- A;- B;</ul>``, ``<li>``, ``<p>``,
  ``<br>``) inside cells, and Markdown emphasis (``**bold**``, ``*italic*``) that may span
  lines and may be glued to the text before it ("KẾ HOẠCH**Tuyên truyền …**": the bold
  part is its own paragraph).

The markup is removed; what it meant is kept (a bold or italic paragraph, a list in a cell).
"""

from __future__ import annotations

import html
import re
import unicodedata

from tuyentruyen.edit.importer.blocks import Block, Cell, Para, Row, Table
from tuyentruyen.edit.importer.names import split_list_line

_TAG = re.compile(r"<\s*(/?)\s*(ul|ol|li|p|br|div|span|strong|b|em|i|u|table|tr|td|th|tbody)\b[^>]*>", re.IGNORECASE)


def read_text(text: str) -> list[Block]:
    """The blocks of a plain-text document (already decoded)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    lines = _emphasis(text.split("\n"))
    blocks: list[Block] = []
    group = 0
    blank = True
    table_rows: list[Row] = []
    table_start = 0

    def close_table() -> None:
        nonlocal table_rows
        if table_rows:
            blocks.append(Table(table_rows, f"bảng từ dòng {table_start}"))
            table_rows = []

    for n, line, bold, italic in lines:
        if "\t" in line and line.strip():
            if not table_rows:
                table_start = n
            table_rows.append(_row(line, n))
            blank = False
            continue
        if not line.strip():
            blank = True
            continue
        close_table()
        if blank:
            group += 1
        blank = False
        clean = _strip_tags(line).strip()
        if clean:
            blocks.append(Para(clean, f"dòng {n}", bold=bold, italic=italic, group=group))
    close_table()
    return blocks


def _emphasis(lines: list[str]) -> list[tuple[int, str, bool, bool]]:
    """Lines without Markdown emphasis, each with whether it is bold / italic as a whole.

    A bold span glued to the text before it ("KẾ HOẠCH**Tuyên truyền") starts a new line, and
    one glued to the text after it ends one: in the extracted text a heading and the bold
    title under it ran together. Emphasis may span lines (a title broken in two)."""
    out: list[tuple[int, str, bool, bool]] = []
    state = {"b": False, "i": False}
    for n, raw in enumerate(lines, 1):
        done: list[list[tuple[str, bool, bool]]] = []
        cur: list[tuple[str, bool, bool]] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                cur.append(("".join(buf), state["b"], state["i"]))
                buf.clear()

        def newline() -> None:
            flush()
            done.append(list(cur))
            cur.clear()

        i = 0
        while i < len(raw):
            if raw.startswith("**", i):
                before = raw[i - 1] if i else " "
                after = raw[i + 2] if i + 2 < len(raw) else " "
                opening = not state["b"]
                if opening and not before.isspace() and not after.isspace() and (buf or cur):
                    newline()
                else:
                    flush()
                state["b"] = not state["b"]
                i += 2
                if not opening and i < len(raw) and not after.isspace() and after not in ",;.:)/":
                    newline()
                continue
            if raw[i] == "*" and _italic_mark(raw, i, state["i"]):
                flush()
                state["i"] = not state["i"]
                i += 1
                continue
            buf.append(raw[i])
            i += 1
        newline()
        for segs in done:
            text = "".join(s for s, _b, _i in segs)
            shown = [(b, it) for s, b, it in segs if s.strip()]
            out.append((n, text, bool(shown) and all(b for b, _ in shown), bool(shown) and all(it for _, it in shown)))
    return out


def _italic_mark(line: str, i: int, open_now: bool) -> bool:
    """Whether a single '*' at i opens or closes an italic span (not a star in the text)."""
    before = line[i - 1] if i > 0 else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    if open_now:  # closing: after text, not before a word glued on
        return not before.isspace()
    return not after.isspace() and (before.isspace() or before in "(\"“'" or i == 0)


def _strip_tags(text: str) -> str:
    return html.unescape(_TAG.sub(" ", text)).replace("\xa0", " ")


def _row(line: str, n: int) -> Row:
    cells = [_cell(raw, f"dòng {n}, ô {k}") for k, raw in enumerate(line.split("\t"), 1)]
    return Row(cells, f"dòng {n}")


def _cell(raw: str, src: str) -> Cell:
    """A cell's text with its HTML lists: each <ul> is a list of its own (list_no 1, 2…);
    the items of a list are its "- " entries."""
    paras: list[Para] = []
    list_no = 0
    inside = False
    pos = 0
    chunks: list[tuple[str, int]] = []  # (text, list number or 0)
    for m in _TAG.finditer(raw):
        chunks.append((raw[pos:m.start()], list_no if inside else 0))
        closing, tag = m.group(1), m.group(2).lower()
        if tag in ("ul", "ol"):
            if closing:
                inside = False
            else:
                list_no += 1
                inside = True
        elif tag in ("li", "p", "br", "div"):
            chunks.append(("\n", list_no if inside else 0))
        pos = m.end()
    chunks.append((raw[pos:], list_no if inside else 0))
    # merge the chunks of one list, then split into lines and items
    merged: list[tuple[str, int]] = []
    for text, no in chunks:
        if merged and merged[-1][1] == no:
            merged[-1] = (merged[-1][0] + text, no)
        else:
            merged.append((text, no))
    for text, no in merged:
        text = html.unescape(text).replace("\xa0", " ")
        for line in text.split("\n"):
            if not line.strip():
                continue
            for item in split_list_line(line):
                paras.append(Para(item, src, list_no=no))
    return Cell(paras)
