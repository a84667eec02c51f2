"""The appendix table into tasks (bảng phụ lục → nhiệm vụ).

1. Columns are told by their titles (words.yaml ``columns``); a title spread over two header
   rows ("Cơ quan, đơn vị thực hiện" over "Chủ trì | Phối hợp") counts for each column under it.
2. Rows are group rows (I, II… across the row), task rows (a number in the first column), or
   the continuation of the task above (first column empty or vertically merged: a row broken
   by a page, or a task spread over several rows).
3. Cells become values: a list cell gives one value per entry ("- A;", "- B."), a units
   cell is split into units (:mod:`.names`), "- Chủ trì: …; - Phối hợp: …" in one cell is
   split by its labels, two lists in one column are a lead list and a support list.
4. A text table copied from a PDF may have a row with more or fewer cells than the table
   has columns (an empty column dropped, two merged): its cells are placed by what they hold.

Every split, join and placement that is not certain is noted (:mod:`.notes`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from tuyentruyen.edit.importer.blocks import Para, Table, words
from tuyentruyen.edit.importer.names import clean_item, split_list_line, split_units, split_units_how
from tuyentruyen.vn.text import fold, squash

_STT = re.compile(r"^\s*(\d{1,4})\s*[.)]?\s*$")
_ROMAN_ROW = re.compile(r"^\s*([IVXLC]+)\s*[.:\-–]?\s*(.*)$", re.DOTALL)
UNIT_ROLES = ("units", "lead", "support")


@dataclass
class Draft:
    """A task as it is read, row by row."""

    src: str
    number: str
    values: dict[str, list[Para]] = field(default_factory=dict)
    last_unit_role: str | None = None


@dataclass
class GroupDraft:
    title: str
    src: str
    tasks: list[Draft] = field(default_factory=list)


@dataclass
class TableRead:
    groups: list[GroupDraft]  # a table without group rows has one group with title ""
    roles: list[str]
    padded: bool
    notes: list[tuple[object, str, str, str]] = field(default_factory=list)  # (draft or None, code, message, src)


def is_task_table(table: Table) -> bool:
    """Whether a table is a task table: a header naming content, or numbered rows with several columns."""
    for row in table.rows[:3]:
        titles = " ".join(fold(c.text) for c in row.cells)
        if "noi dung" in titles and ("stt" in titles.split() or "tt" in titles.split() or "thoi gian" in titles
                                     or "thuc hien" in titles or "chu tri" in titles):
            return True
    numbered = sum(1 for r in table.rows if r.cells and _STT.match(r.cells[0].text or "x"))
    width = max((len(r.cells) for r in table.rows), default=0)
    return numbered >= 2 and width >= 3


@functools.lru_cache(maxsize=256)
def _role_of(title: str) -> str | None:
    t = fold(squash(title)).strip(" .:")
    if not t:
        return None
    for role, keys in words()["columns"]:
        for k in keys:
            if role == "stt":
                if t == k:
                    return role
            elif re.search(rf"(?<![a-z]){re.escape(k)}(?![a-z])", t):
                return role
    return None


def _grid(row, width_hint: int = 0) -> list[tuple[list[Para], str | None]]:
    """A row's cells spread over the grid: (paragraphs, merge) for each grid column."""
    out: list[tuple[list[Para], str | None]] = []
    for cell in row.cells:
        out.append((cell.paras, cell.merge))
        for _ in range(cell.span - 1):
            out.append(([], "span"))
    return out


def _text(paras: list[Para]) -> str:
    return squash(" ".join(p.shown for p in paras))


def read_table(table: Table) -> TableRead:
    rows = [(_grid(r), r) for r in table.rows]
    notes: list[tuple[object, str, str, str]] = []
    # header rows: up to the first row that opens a group or a task
    header_end = 0
    for i, (grid, _row) in enumerate(rows[:4]):
        first = _text(grid[0][0]) if grid else ""
        if _STT.match(first) or (_ROMAN_ROW.match(first) and _roman_value(first)):
            break
        header_end = i + 1
    width = max((len(g) for g, _r in rows), default=0)
    if header_end:  # the columns are the header's; a longer row is realigned by its content
        width = max(len(g) for g, _r in rows[:header_end])
    roles: list[str | None] = [None] * width
    if header_end:
        titles = [""] * width
        for grid, row in rows[:header_end]:
            pos = 0
            for cell in row.cells:
                for c in range(pos, min(pos + cell.span, width)):
                    titles[c] = (titles[c] + " " + cell.text).strip()
                pos += cell.span
        roles = [_role_of(t) for t in titles]
        for c, (t, r) in enumerate(zip(titles, roles)):
            if r is None and t:
                roles[c] = "other:" + squash(t)
    else:
        roles = _default_roles(width)
        notes.append((None, "TT-I009", f"bảng không có dòng tiêu đề: các cột được hiểu là {', '.join(r or '?' for r in roles)}", table.src))
    columns = [r or "other:" for r in roles]
    if columns and columns[0] != "stt":
        columns[0] = "stt"
    if "content" not in columns and len(columns) > 1:
        columns[1] = "content"

    groups: list[GroupDraft] = []
    current: Draft | None = None
    padded = False
    for grid, row in rows[header_end:]:
        texts = [_text(p) for p, _m in grid]
        if not any(texts):
            continue
        first = texts[0] if texts else ""
        merged_first = bool(grid) and grid[0][1] == "continue"
        # a group row: a Roman numeral, then only a title
        rv = _ROMAN_ROW.match(first) if first else None
        nonempty = [t for t in texts[1:] if t]
        if rv and _roman_value(first) and not _STT.match(first) and (len(nonempty) <= 1):
            title = squash((rv.group(2) + " " + " ".join(nonempty)).strip())
            groups.append(GroupDraft(title, row.src))
            current = None
            continue
        if len(texts) == 1 and texts[0] and (m := _ROMAN_ROW.match(texts[0])) and _roman_value(texts[0].split()[0]) \
                and m.group(2):
            groups.append(GroupDraft(squash(m.group(2)), row.src))
            current = None
            continue
        if (stt := _STT.match(first)) and not merged_first:
            number = stt.group(1)
            padded = padded or (len(number) > 1 and number.startswith("0"))
            if not groups:
                groups.append(GroupDraft("", row.src))
            current = Draft(row.src, number)
            groups[-1].tasks.append(current)
            _place(current, grid, columns, notes, row.src, continuation=False)
            continue
        if current is None:
            # text before the first task, or a row without a number: its own task
            if not groups:
                groups.append(GroupDraft("", row.src))
            current = Draft(row.src, "")
            groups[-1].tasks.append(current)
            notes.append((current, "TT-I009", "dòng bảng không có số thứ tự: coi là một nhiệm vụ riêng", row.src))
            _place(current, grid, columns, notes, row.src, continuation=False)
            continue
        _place(current, grid, columns, notes, row.src, continuation=True)
    return TableRead(groups, columns, padded, notes)


def _roman_value(text: str) -> int | None:
    from tuyentruyen.vn.numerals import from_roman

    m = _ROMAN_ROW.match(text)
    return from_roman(m.group(1)) if m else None


def _default_roles(width: int) -> list[str | None]:
    table = {2: ["stt", "content"], 3: ["stt", "content", "due"], 4: ["stt", "content", "units", "due"],
             5: ["stt", "content", "lead", "support", "due"], 6: ["stt", "content", "forms", "lead", "support", "due"]}
    if width in table:
        return list(table[width])
    return ["stt", "content", "forms", "lead", "support", "due"] + [None] * (width - 6)


def _place(draft: Draft, grid, roles: list[str], notes, src: str, *, continuation: bool) -> None:
    """Put the cells of one row into the draft's values by column role."""
    cells = [p for p, _m in grid]
    merges = [m for _p, m in grid]
    n = len(roles)
    if len(cells) != n and not all(merges):
        cells = _realign(cells, roles, notes, src, continuation, draft)
    for c, paras in enumerate(cells[:n]):
        if c == 0 or not paras or (c < len(merges) and merges[c] == "continue"):
            continue
        role = roles[c]
        if continuation and role in UNIT_ROLES and _is_fragment(paras) and draft.last_unit_role:
            role = draft.last_unit_role  # a units list broken by the page continues where it was
        _append(draft, role, paras, continuation, notes, src)
    for extra in cells[n:]:
        if extra:
            _append(draft, "other:", extra, continuation, notes, src)


def _is_fragment(paras: list[Para]) -> bool:
    first = paras[0].shown.lstrip()
    return bool(first) and (first[0].islower() or first.startswith(("-", "–", "+")))


def _realign(cells, roles, notes, src, continuation, draft):
    """Cells of a row whose count differs from the columns: the first two are the number and
    the content, the last the time (when the table ends with it); those between fill the
    columns between, a single units column taking the extra cells (chủ trì, then phối hợp)."""
    n = len(roles)
    out: list[list[Para]] = [[] for _ in range(n)]
    if not cells:
        return out
    ends_with_due = roles[-1] == "due"
    head = cells[:2]
    tail = cells[-1:] if ends_with_due and len(cells) > 2 else []
    middle = cells[2:len(cells) - len(tail)]
    out[0] = head[0] if head else []
    if len(head) > 1:
        out[1] = head[1]
    if tail:
        out[-1] = tail[0]
    mid_roles = list(range(2, n - (1 if ends_with_due else 0)))
    unit_cols = [c for c in mid_roles if roles[c] in UNIT_ROLES]
    if len(middle) < len(mid_roles) or not unit_cols:
        for c, m in zip(mid_roles, middle):
            out[c] = m
    else:
        others = [c for c in mid_roles if roles[c] not in UNIT_ROLES]
        k = 0
        for c in others:  # forms… come before the units in every table seen
            while k < len(middle) and not middle[k] and len(middle) - k > len(unit_cols):
                k += 1
            if k < len(middle):
                out[c] = middle[k]
                k += 1
        rest = [m for m in middle[k:] if m]
        if len(unit_cols) == 1 and len(rest) > 1:
            # the single units column held two: chủ trì first, phối hợp after
            out[unit_cols[0]] = _mark_lists((rest[0], [p for m in rest[1:] for p in m]))
        else:
            for c, m in zip(unit_cols, rest):
                out[c] = m
    if not continuation:
        notes.append((draft, "TT-I009", f"dòng có {len(cells)} ô trong khi bảng có {n} cột: các ô được xếp theo nội dung "
                                      f"(số thứ tự, nội dung, {'thời gian ở ô cuối, ' if tail else ''}đơn vị ở giữa)",
                      src))
    return out


def _mark_lists(two: tuple[list[Para], list[Para]]) -> list[Para]:
    """Two units cells placed in one column: the first becomes list 1, the second list 2."""
    from dataclasses import replace

    first, second = two
    return [replace(p, list_no=1) for p in first] + [replace(p, list_no=2) for p in second]


def _append(draft: Draft, role: str, paras: list[Para], continuation: bool, notes, src: str) -> None:
    from dataclasses import replace

    have = draft.values.setdefault(role, [])
    new = list(paras)
    if continuation and have and new:
        last, nxt = have[-1].shown.rstrip(), new[0].shown.lstrip()
        # a text copied from a PDF breaks a cell at the page; a .docx row is a row of its own
        if not new[0].formatted and nxt and not nxt.startswith(("-", "–", "+", "•")) and (
                nxt[0].islower() or not last.endswith((".", ";", ":"))):
            have[-1] = replace(have[-1], text=last + " " + nxt, caps=False)
            new = new[1:]
            notes.append((draft, "TT-I002", "nối phần ô bị ngắt sang trang với dòng trên", src))
        # what follows on the next page belongs to the list it continues
        new = [replace(p, list_no=have[-1].list_no) for p in new]
    have.extend(new)
    if role in UNIT_ROLES:
        draft.last_unit_role = role


# ---------------------------------------------------------------- values of a task


@dataclass
class TaskValues:
    content: str
    forms: list[str]
    lead: list[str]
    support: list[str]
    due: str | None
    quantity: str | None
    budget: str | None
    notes: str | None
    remarks: list[tuple[str, str, str]]  # (field, code, message)


def _entries(paras: list[Para]) -> list[tuple[str, int]]:
    """The entries of a list cell with their list number: each paragraph, and each "- …" of
    a paragraph that holds several."""
    out = []
    for p in paras:
        for line in p.shown.split("\n"):
            for piece in split_list_line(line):
                out.append((piece, p.list_no))
    return out


def _list_values(paras: list[Para]) -> list[str]:
    entries = [e for e, _n in _entries(paras)]
    if len(entries) == 1:
        one = " ".join(entries[0].split())
        one = re.sub(r"^[-–•+]\s+", "", one).rstrip(" ;,")
        return [one] if one else []
    return [v for v in (clean_item(e) for e in entries) if v]


FOLDED = ("forms", "budget", "notes")  # written as "<label>: value" lines of the content cell


@functools.cache
def _fold_labels() -> dict[str, str]:
    """Folded label → field: the column titles of words.yaml, and the label tt's renderer prints
    in the content cell when a field has no column of its own ("Kinh phí: …")."""
    from tuyentruyen.render.wording import Wording

    out = {}
    for role, keys in words()["columns"]:
        if role in FOLDED:
            out.update({k: role for k in keys})
    try:
        wording = Wording(())
        for role in FOLDED:
            label = wording.phrase("in_content", role, "").strip().rstrip(":").strip()
            if label:
                out[fold(label)] = role
    except Exception:  # noqa: BLE001 - tt's own wording unreadable: the words.yaml titles remain
        pass
    return out


_FOLD_LINE = re.compile(r"^\s*(?P<label>[^:\n]{2,24}?)\s*:\s*(?P<value>\S.*)$", re.DOTALL)


def _unfold(paras: list[Para], columns) -> tuple[list[Para], dict[str, tuple[str, str]]]:
    """The content cell's paragraphs without its trailing "Kinh phí: …", "Ghi chú: …",
    "Hình thức: …" lines, and those values — only for a field the table has no column for,
    never the cell's first paragraph."""
    labels = _fold_labels()
    found: dict[str, tuple[str, str]] = {}
    keep = list(paras)
    while len(keep) > 1:
        m = _FOLD_LINE.match(keep[-1].shown)
        role = labels.get(fold(m.group("label")).strip()) if m else None
        if m is None or role is None or role in columns or role in found:
            break
        value = m.group("value").strip()
        if value.endswith(".") and not value.endswith(".."):
            value = value[:-1].rstrip()  # the full stop the line ends with, not the value's
        found[role] = (m.group("label").strip(), value)
        keep.pop()
    return keep, found


def task_values(draft: Draft, index=None, columns=()) -> TaskValues:
    remarks: list[tuple[str, str, str]] = []
    v = draft.values
    content_paras, unfolded = _unfold(v.get("content", []), set(columns))
    content = squash(" ".join(p.shown for p in content_paras))
    forms = _list_values(v.get("forms", []))
    if "forms" in unfolded:
        forms = [x for x in (squash(f) for f in unfolded["forms"][1].split("; ")) if x]
    lead: list[str] = []
    support: list[str] = []
    for role in ("units", "lead", "support"):
        if role not in v:
            continue
        got_lead, got_support = _units(v[role], role, index, remarks)
        lead += got_lead
        support += got_support
    due = squash(" ".join(p.shown for p in v.get("due", []))) or None
    quantity = squash(" ".join(p.shown for p in v.get("quantity", []))) or None
    budget = squash(" ".join(p.shown for p in v.get("budget", []))) or None
    notes_parts = [squash(" ".join(p.shown for p in v[k])) for k in v if k == "notes"]
    if "budget" in unfolded:
        budget = squash(unfolded["budget"][1])
    if "notes" in unfolded:
        notes_parts.append(squash(unfolded["notes"][1]))
    for role, (label, _value) in unfolded.items():
        remarks.append((role, "TT-I011", f"dòng '{label}: …' cuối ô nội dung (bảng không có cột này) "
                                         f"ghi vào trường '{role}'"))
    for key in v:
        if key.startswith("other:"):
            title = key[len("other:"):] or "cột không tên"
            text = squash(" ".join(p.shown for p in v[key]))
            if text:
                notes_parts.append(f"{title}: {text}")
                remarks.append(("notes", "TT-I013", f"cột '{title}' không có trường riêng: nội dung của nó ghi vào 'notes'"))
    if quantity is None and "quantity" not in columns:
        q = quantity_in(content)
        if q:
            quantity = q
            remarks.append(("quantity", "TT-I011", f"số lượng lấy từ ngoặc cuối nội dung: '{q}'"))
    return TaskValues(content, forms, lead, support, due, quantity, budget,
                      "; ".join(p for p in notes_parts if p) or None, remarks)


_LABEL = re.compile(r"^\s*[-–•+]?\s*(?P<label>[^:;,]{2,30}?)\s*:\s*(?P<rest>.*)$", re.DOTALL)


def _label_role(label: str) -> tuple[str | None, bool]:
    """('lead' | 'support' | None, exact) for a cell label."""
    from tuyentruyen.vn.text import did_you_mean

    key = fold(label).strip()
    labels = words()["cell_labels"]
    for role in ("lead", "support"):
        if key in labels[role]:
            return role, True
    options = {k: role for role in ("lead", "support") for k in labels[role]}
    near = did_you_mean(key, list(options), cutoff=0.8)
    if near is not None:
        return options[near], False
    return None, False


def _units(paras: list[Para], role: str, index, remarks) -> tuple[list[str], list[str]]:
    """Lead and support units of one column (role units, lead or support)."""
    entries = _entries(paras)
    field_name = "lead" if role in ("units", "lead") else "support"
    lead: list[str] = []
    support: list[str] = []
    # labelled entries: "- Chủ trì: …", "- Phối hợp …"
    labelled: list[tuple[str | None, str, str, str | None]] = []
    for text, no in entries:
        m = _LABEL.match(text)
        r, exact = _label_role(m.group("label")) if m else (None, False)
        if r is None:
            bare = re.match(r"^\s*[-–•+]?\s*(chủ trì|phối hợp)\s+(?P<rest>\S.*)$", text, re.IGNORECASE)
            if bare:
                r = "lead" if fold(bare.group(1)) == "chu tri" else "support"
                labelled.append((r, bare.group("rest"), text, "nolabel"))
                continue
        labelled.append((r, m.group("rest") if (m and r) else text, text, "exact" if exact else ("near" if r else None)))
    if any(r for r, _rest, _t, _k in labelled):
        cur = None
        for r, rest, text, kind in labelled:
            if r is not None:
                cur = r
            target = lead if (cur or "lead") == "lead" else support
            if kind == "near":
                # the label is misspelt ("Chỉ trì"): keep it in the value, so lint shows it
                label = lm.group("label") if (lm := _LABEL.match(text)) else text
                target.append(clean_item(text))
                remarks.append((cur or "lead", "TT-I010",
                                f"nhãn '{label}' không phải nhãn tt biết ('Chủ trì', 'Phối hợp'): hiểu là "
                                f"{'chủ trì' if cur == 'lead' else 'phối hợp'}, giữ nguyên chữ để soát lỗi; sửa nhãn "
                                "rồi bỏ nhãn khỏi tên đơn vị"))
                continue
            if kind == "nolabel":
                remarks.append((cur or "lead", "TT-I010",
                                f"'{text.strip()[:40]}…' thiếu dấu ':' sau nhãn: hiểu là "
                                f"{'chủ trì' if cur == 'lead' else 'phối hợp'}"))
            if r is None and cur is None:
                remarks.append(("lead", "TT-I003", f"'{clean_item(text)[:40]}' đứng trước nhãn 'Chủ trì': coi là chủ trì"))
            names, guessed = split_units_how(rest, index)
            if guessed:
                remarks.append(("lead" if target is lead else "support", "TT-I003",
                                f"tách '{clean_item(rest)[:60]}' thành {len(names)} đơn vị"))
            target.extend(names)
        return lead, support
    # no labels: lists of units; two lists in one column are chủ trì then phối hợp
    list_nos = sorted({no for _t, no in entries})
    if len(list_nos) > 1:
        first = [t for t, no in entries if no == list_nos[0]]
        others = [t for t, no in entries if no != list_nos[0]]
        for t in first:
            lead.extend(split_units(t, index))
        for t in others:
            support.extend(split_units(t, index))
        remarks.append(("lead", "TT-I003", "một ô có hai danh sách đơn vị: danh sách đầu là chủ trì, danh sách sau là phối hợp"))
        return lead, support
    target = lead if field_name == "lead" else support
    for t, _no in entries:
        names, guessed = split_units_how(t, index)
        if guessed:
            remarks.append((field_name, "TT-I003", f"tách '{clean_item(t)[:60]}' thành {len(names)} đơn vị"))
        target.extend(names)
    if role == "units" and len(target) > 0:
        remarks.append(("lead", "TT-I003", "cột đơn vị thực hiện không ghi 'Chủ trì'/'Phối hợp': mọi đơn vị được coi là chủ trì"))
    return lead, support


@functools.cache
def _counted() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(words()["quantity_units"], key=len, reverse=True))
    return re.compile(rf"\d+\s*(?i:{units})(?!\w)")


_PAREN_END = re.compile(r"\(([^()]*\d[^()]*)\)\s*\.?\s*$")


def quantity_in(content: str) -> str | None:
    """The quantity a task's content gives in brackets at its end: "(01 lớp, 40 người)",
    "(1 bài/ 1 quý = 4 bài)" → "4 bài", "(Số lượng khoảng 1000 lượt …)" → "khoảng 1000 lượt …"."""
    m = _PAREN_END.search(content)
    if not m:
        return None
    inner = squash(m.group(1))
    if "=" in inner:
        inner = inner.rsplit("=", 1)[1].strip()
    elif ": " in inner:
        inner = inner.rsplit(": ", 1)[1].strip()
    inner = re.sub(r"^(?i:số lượng)\s*:?\s*", "", inner)
    if not _counted().search(inner):
        return None  # a number not followed by what it counts ("đợt 1", a date) is not a quantity
    return inner or None
