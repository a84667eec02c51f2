"""Markdown report of a diff, for a pull-request comment (báo cáo dạng Markdown cho GitHub).

Per plan: its title, its path in the repository and the two sides — two revisions are the
base and the head of the comparison (``base `a1b2c3d4e5` → head `f6e7d8c9b0```, as GitHub
names the sides of a pull request), a revision against the work tree is ``→ bản đang sửa``;
a summary line with counts, then one section per kind of change: tasks added and removed as
tables, tasks moved, changed and reordered as lists, the document and narrative changes, and
the cosmetic ones last. A small diff (up to OPEN_CHANGES changes) is shown open; a larger one
folds each section in a <details> block. Tasks are numbered as the appendix prints them —
the group's Roman numeral and the row's number, 01, 02… when the appendix is `padded` — on
the side they are on, with the other side's number when it differs ("I.01, ở base là I.02"),
so that a removed task does not leave two tasks under one number. A plan that cannot be
compared says why, each problem located with its hint. Long texts show word by word with
<del>/<ins>. The comment stays under GitHub's size limit: past it, a section ends with how
many changes were left out.
"""

from __future__ import annotations

import re
from typing import TextIO

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff, SideInfo
from tuyentruyen.diff.report_text import summary_text
from tuyentruyen.vn.numerals import roman, seq_number

LIMIT = 60_000  # GitHub refuses comments over 65,536 characters
OPEN_CHANGES = 10  # up to this many changes in a plan: every section open (no <details>)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")

SECTIONS = [
    ("task:added", "Nhiệm vụ thêm"),
    ("task:removed", "Nhiệm vụ bỏ"),
    ("task:moved", "Nhiệm vụ chuyển nhóm"),
    ("task:changed", "Nhiệm vụ sửa"),
    ("task:reordered", "Nhiệm vụ đổi thứ tự"),
    ("other", "Văn bản, nội dung kế hoạch và nhóm nhiệm vụ"),
    ("cosmetic", "Chỉ đổi hình thức (cùng nội dung)"),
]


def md(text) -> str:
    """Text safe inside Markdown (and inside inline HTML): no markup, no line breaks."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _section_of(c: Change) -> str:
    if c.category == "cosmetic":
        return "cosmetic"
    if c.object == "task":
        return f"task:{c.category}"
    return "other"


def _ops(ops) -> str:
    out = []
    for tag, t in msg.trim_ops(ops):
        if tag == "=":
            out.append(md(t) if t.strip() else t)
        elif tag == "-":
            out.append(f"<del>{md(t)}</del>")
        else:
            out.append(f"<ins>{md(t)}</ins>")
    return "".join(out)


def field_md(fc: FieldChange) -> str:
    note = f" _({md(fc.note)})_" if fc.note else ""
    if fc.type in ("units", "names") and not (len(fc.old or []) <= 1 and len(fc.new or []) <= 1):
        plain = FieldChange(fc.field, fc.name, fc.type, fc.old, fc.new, fc.cosmetic, None, fc.details)
        return md(msg.field_text(plain)) + note
    if fc.type == "paragraphs":
        return f"{md(fc.name)}: {md(msg.paragraph_summary(fc))}{note}"
    if "words" in fc.details:
        return f"{md(fc.name)}: {_ops(fc.details['words'])}{note}"
    old, new = msg.value_text(fc.type, fc.old), msg.value_text(fc.type, fc.new)
    if fc.cosmetic:
        return f"{md(fc.name)}: {md(old)} → {md(new)}{note}"
    return f"{md(fc.name)}: ~~{md(old)}~~ → **{md(new)}**{note}"


def _paragraph_lines(fc: FieldChange) -> list[str]:
    out = []
    for op in fc.details.get("paragraphs") or []:
        if op["op"] == "add":
            out.append(f"  - thêm đoạn: <ins>{md(op['new'])}</ins>")
        elif op["op"] == "remove":
            out.append(f"  - bỏ đoạn: <del>{md(op['old'])}</del>")
        elif "words" in op:
            out.append(f"  - sửa đoạn: {_ops(op['words'])}")
    return out


def _table_spot(path: tuple | None) -> tuple[int, int | None, int] | None:
    """(appendix, group or None, row) of a task's path: ("appendix", "groups", 1, "tasks", 0) → (0, 1, 0)."""
    if not path or path[0] not in ("appendix", "appendices"):
        return None
    rest = path[1:] if path[0] == "appendix" else path[2:]
    table = 0 if path[0] == "appendix" else path[1]
    if len(rest) == 4 and rest[0] == "groups" and rest[2] == "tasks":
        return table, rest[1], rest[3]
    if len(rest) == 2 and rest[0] == "tasks":
        return table, None, rest[1]
    return None


def printed_number(path: tuple | None, side: SideInfo | None) -> str | None:
    """A task's number as its appendix prints it: "I.01" (group I, row 01 of a padded appendix),
    "3" (a table without groups); None for a path that is not a task of an appendix."""
    spot = _table_spot(path)
    if spot is None:
        return None
    table, group, row = spot
    padded = side is not None and table < len(side.padded) and side.padded[table]
    number = seq_number(row + 1, padded)
    return f"{roman(group + 1)}.{number}" if group is not None else number


def _appendix_of(c: Change) -> str:
    """" (Phụ lục II)" when the plan has several appendices (as the change's label says)."""
    at = c.label.find(" (Phụ lục")
    return c.label[at:] if at >= 0 else ""


def task_subject(c: Change, d: PlanDiff | None) -> str:
    """'Nhiệm vụ I.01 (id), ở base là I.02': the number on its own side, the other side's when it differs."""
    if d is None:
        return msg.subject(c)
    old_side, new_side = _side_names(d)
    old = printed_number(c.path, d.old)
    new = printed_number(c.new_path, d.new)
    if c.kind == "removed" or new is None:
        number, other, where = old, None, None
    else:
        number, other, where = new, old, old_side
    if number is None:
        return msg.subject(c)
    label = ("Nhiệm vụ cũ " if c.kind == "removed" else "Nhiệm vụ ") + number + _appendix_of(c)
    if c.id:
        label += f" ({c.id})"
    if other is not None and other != number:
        label += f", ở {where} là {other}"
    return label


def change_md(c: Change, d: PlanDiff | None = None) -> list[str]:
    """A task on one line; another object with several fields, one sub-item a field."""
    head = f"**{md(task_subject(c, d) if c.object == 'task' else msg.subject(c))}**"
    one_line = c.object in ("task", "group") or len(c.fields) <= 1
    parts = [md(p) for p in msg.head_parts(c)] if not (c.object == "task" and c.kind == "reordered" and d) \
        else ["đổi vị trí"]
    fields = msg.shown_fields(c)
    if one_line:
        parts += [field_md(f) for f in fields]
    line = f"- {head}" + (": " + "; ".join(parts) if parts else "")
    notes = msg.notes_of(c)
    if notes:
        line += " _(" + md("; ".join(notes)) + ")_"
    lines = [line]
    for f in fields:
        if not one_line:
            lines.append(f"  - {field_md(f)}")
        if f.type == "paragraphs":
            lines.extend(("  " if not one_line else "") + x for x in _paragraph_lines(f))
    return lines


def _task_row(c: Change, d: PlanDiff | None = None) -> str:
    v = c.value or {}
    number = c.label.removeprefix("Nhiệm vụ ")
    if d is not None:
        printed = printed_number(c.path, d.old) if c.kind == "removed" else printed_number(c.new_path, d.new)
        number = (printed + _appendix_of(c)) if printed is not None else number
    cells = [number, f"`{c.id}`" if c.id else "", md(v.get("content") or ""), md("; ".join(v.get("lead") or [])),
             md("; ".join(v.get("support") or [])), md(v.get("due") or ""), md("; ".join(c.notes))]
    return "| " + " | ".join(cells) + " |"


def _section(key: str, title: str, changes: list[Change], budget: list[int], d: PlanDiff | None = None,
             folded: bool = True) -> list[str]:
    lines = [f"<details><summary><b>{title} ({len(changes)})</b></summary>", ""] if folded else \
        [f"**{title} ({len(changes)})**", ""]
    if key in ("task:added", "task:removed"):
        where = f" ở {_side_names(d)[0]}" if d is not None else " cũ"
        lines += ["| STT" + (where if key == "task:removed" else "") + " | Mã | Nội dung | Chủ trì | Phối hợp "
                  "| Thời gian | Ghi chú |", "|---|---|---|---|---|---|---|"]
        rows = [[_task_row(c, d)] for c in changes]
    else:
        rows = [change_md(c, d) for c in changes]
    shown = 0
    for row in rows:
        size = sum(len(x) + 1 for x in row)
        if budget[0] - size < 0:
            break
        budget[0] -= size
        lines.extend(row)
        shown += 1
    if shown < len(rows):
        lines += ["", f"_… và {len(rows) - shown} thay đổi khác không hiện vì bình luận quá dài; "
                      "chạy `tt diff` để xem đủ._"]
    lines += ["", "</details>", ""] if folded else [""]
    return lines


def short_rev(rev: str) -> str:
    """A full 40-hex commit id shortened to 10, as git shows it; names (origin/main) kept."""
    import re

    return rev[:10] if re.fullmatch(r"[0-9a-f]{40}", rev) else rev


def _side_names(d: PlanDiff) -> tuple[str, str]:
    """What the two sides are called: base and head (two revisions), the revision and the work tree,
    or the two files."""
    if d.old.rev and d.new.rev:
        return "base", "head"
    if d.old.rev:
        return "bản cũ", "bản đang sửa"
    return "bản cũ", "bản mới"


def _side_md(side: SideInfo, name: str) -> str:
    if side.rev:
        return f"{name} `{short_rev(side.rev)}`" if name in ("base", "head") else f"`{short_rev(side.rev)}`"
    return name if name == "bản đang sửa" else f"`{side.display}`"


def repo_path(d: PlanDiff) -> str:
    """The plan's path in the repository: a side read from git names it from the repository's root
    (the work tree's side, from the current folder)."""
    rev_side = d.new if d.new.rev and d.status != "removed" else d.old if d.old.rev else None
    if rev_side is not None:
        return rev_side.path
    return d.new.path if d.status != "removed" else d.old.path


def _problem_lines(d: PlanDiff) -> list[str]:
    """The problems of the side(s) that could not be read, located from the repository's root, with
    their hints: `plans/2024.yaml:12:5 (head): lỗi TT-Y003: …`."""
    old_name, new_name = _side_names(d)
    out = []
    for p in d.problems[:50]:
        where = f"{p.file}:{p.line}:{p.col}"
        for side, name in ((d.old, old_name), (d.new, new_name)):
            if p.file == side.display and (d.old.rev or d.new.rev):
                where = f"{side.path if side.rev else p.file}:{p.line}:{p.col} ({name})"
                break
        out.append(f"{where}: {p.severity.label} {p.code}: {p.message}")
        if p.hint:
            out.append(f"    gợi ý: {p.hint}")
    if len(d.problems) > 50:
        out.append(f"… và {len(d.problems) - 50} lỗi khác: chạy `tt validate` để xem đủ.")
    return out


def _fence(lines: list[str]) -> str:
    """A code fence longer than any run of backticks in the text."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    return "`" * max(3, longest + 1)


def file_md(d: PlanDiff, budget: list[int], cosmetic: bool = True) -> list[str]:
    title = d.new.title if d.status != "removed" else d.old.title
    title = title or d.old.title
    old_name, new_name = _side_names(d)
    if d.old.rev or d.new.rev:
        sides = f"{_side_md(d.old, old_name)} → {_side_md(d.new, new_name)}"
        where = f"`{repo_path(d)}` ({sides})"
    else:
        where = f"`{d.old.display}` → `{d.new.display}`"
    lines = [f"#### {md(title)}", "", where, ""] if title else [f"#### {where}", ""]
    if d.status == "error":
        broken = [n for s, n in ((d.old, old_name), (d.new, new_name))
                  if any(p.file == s.display for p in d.problems)]
        which = " và ".join(broken) if broken else "một bản"
        lines.append(f"**Không so sánh được:** {which} không đọc được như một kế hoạch. "
                     "Sửa các lỗi dưới đây (tt validate báo cùng các lỗi này) rồi đẩy lại.")
        body = _problem_lines(d)
        fence = _fence(body)
        lines += ["", fence + "text", *body, fence, ""]
        return lines
    summary = summary_text(d)
    lines += [f"**{md(summary)}**", ""]
    for note in d.notes:
        lines += [f"> {md(note)}", ""]
    buckets: dict[str, list[Change]] = {}
    for c in d.changes:
        if not msg.is_hidden(c):
            buckets.setdefault(_section_of(c), []).append(c)
    shown = sum(len(v) for k, v in buckets.items() if cosmetic or k != "cosmetic")
    for key, title in SECTIONS:
        if key == "cosmetic" and not cosmetic:
            continue
        if buckets.get(key):
            lines += _section(key, title, buckets[key], budget, d, folded=shown > OPEN_CHANGES)
    return lines


def report(diffs: list[PlanDiff], stream: TextIO, cosmetic: bool = True) -> None:
    from tuyentruyen.diff.model import printable_copy

    diffs = printable_copy(diffs)
    budget = [LIMIT]
    lines = ["### tt diff: so sánh kế hoạch", ""]
    if len(diffs) > 1:
        differ = sum(1 for d in diffs if d.exit_code == 1)
        lines += [f"{len(diffs)} kế hoạch, {differ} có thay đổi.", ""]
    if not diffs:
        lines += ["Không có kế hoạch nào thay đổi.", ""]
    for d in diffs:
        lines += file_md(d, budget, cosmetic)
    stream.write("\n".join(lines).rstrip() + "\n")
