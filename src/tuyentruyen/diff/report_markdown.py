"""Markdown report of a diff, for a pull-request comment (báo cáo dạng Markdown cho GitHub).

A summary line with counts, then one collapsible section (<details>) per kind of change:
tasks added and removed as tables, tasks moved, changed and reordered as lists, the
document and narrative changes, and the cosmetic ones last. Long texts show word by
word with <del>/<ins>. The comment stays under GitHub's size limit: past it, a section
ends with how many changes were left out.
"""

from __future__ import annotations

import re
from typing import TextIO

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff
from tuyentruyen.diff.report_text import summary_text

LIMIT = 60_000  # GitHub refuses comments over 65,536 characters

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


def change_md(c: Change) -> list[str]:
    """A task on one line; another object with several fields, one sub-item a field."""
    head = f"**{md(msg.subject(c))}**"
    one_line = c.object in ("task", "group") or len(c.fields) <= 1
    parts = [md(p) for p in msg.head_parts(c)]
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


def _task_row(c: Change) -> str:
    v = c.value or {}
    number = c.label.removeprefix("Nhiệm vụ ")
    cells = [number, f"`{c.id}`" if c.id else "", md(v.get("content") or ""), md("; ".join(v.get("lead") or [])),
             md("; ".join(v.get("support") or [])), md(v.get("due") or ""), md("; ".join(c.notes))]
    return "| " + " | ".join(cells) + " |"


def _section(key: str, title: str, changes: list[Change], budget: list[int]) -> list[str]:
    lines = [f"<details><summary><b>{title} ({len(changes)})</b></summary>", ""]
    if key in ("task:added", "task:removed"):
        lines += ["| STT" + (" cũ" if key == "task:removed" else "") + " | Mã | Nội dung | Chủ trì | Phối hợp "
                  "| Thời gian | Ghi chú |", "|---|---|---|---|---|---|---|"]
        rows = [[_task_row(c)] for c in changes]
    else:
        rows = [change_md(c) for c in changes]
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
    lines += ["", "</details>", ""]
    return lines


def short_rev(rev: str) -> str:
    """A full 40-hex commit id shortened to 10, as git shows it; names (origin/main) kept."""
    import re

    return rev[:10] if re.fullmatch(r"[0-9a-f]{40}", rev) else rev


def file_md(d: PlanDiff, budget: list[int], cosmetic: bool = True) -> list[str]:
    if d.old.rev or d.new.rev:
        name = d.new.path if d.status != "removed" else d.old.path
        old = f"`{short_rev(d.old.rev)}`" if d.old.rev else "bản đang sửa"
        new = f"`{short_rev(d.new.rev)}`" if d.new.rev else "bản đang sửa"
        lines = [f"#### `{name}` ({old} → {new})", ""]
    else:
        lines = [f"#### `{d.old.display}` → `{d.new.display}`", ""]
    if d.status == "error":
        lines.append("**Không so sánh được:** một bản có lỗi định dạng.")
        lines += ["", "```"] + [f"{p.file}:{p.line}:{p.col}: {p.code}: {p.message}" for p in d.problems[:50]]
        lines += ["```", ""]
        return lines
    summary = summary_text(d)
    lines += [f"**{md(summary)}**", ""]
    for note in d.notes:
        lines += [f"> {md(note)}", ""]
    buckets: dict[str, list[Change]] = {}
    for c in d.changes:
        if not msg.is_hidden(c):
            buckets.setdefault(_section_of(c), []).append(c)
    for key, title in SECTIONS:
        if key == "cosmetic" and not cosmetic:
            continue
        if buckets.get(key):
            lines += _section(key, title, buckets[key], budget)
    return lines


def report(diffs: list[PlanDiff], stream: TextIO, cosmetic: bool = True) -> None:
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
