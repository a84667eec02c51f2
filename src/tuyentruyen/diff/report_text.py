"""Text report of a diff, for people at a terminal (báo cáo so sánh dạng văn bản).

Grouped by part of the plan (văn bản, quyết định, kế hoạch, phụ lục) and, in the appendix,
by group; one line per changed object, long texts word by word below it:

    Phụ lục
      Nhóm III «Truyền thông hỗ trợ việc rà soát…»
        ~ Nhiệm vụ III.2 (tap-huan-cchc): thời gian Quý II/2024 → Quý III/2024 (muộn hơn 1 quý)
            nội dung: … cho cán bộ [-cấp tỉnh-]{+cấp xã+} …

Signs: + thêm, − bỏ, ~ sửa, → chuyển nhóm, ⇅ đổi thứ tự, ≈ chỉ đổi hình thức (cùng nội dung).
Colour only on a terminal (rich decides; NO_COLOR honoured); without colour, the word
diff keeps its [-…-]{+…+} marks.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from tuyentruyen.diff import messages as msg
from tuyentruyen.diff.model import Change, FieldChange, PlanDiff

SIGNS = {"added": ("+", "green"), "removed": ("−", "red"), "changed": ("~", "yellow"), "moved": ("→", "cyan"),
         "reordered": ("⇅", "cyan"), "cosmetic": ("≈", "dim")}
AREAS = [("document", "Văn bản"), ("decision", "Quyết định"), ("plan", "Kế hoạch"), ("appendix", "Phụ lục")]


def area_of(c: Change) -> str:
    path = c.new_path if c.new_path is not None else c.path
    if not path:
        return "document"  # the file's own fields (format version, registry) with the document
    return "appendix" if path[0] == "appendices" else path[0]  # several appendices: one area


def _ops_text(ops, plain: bool) -> Text:
    out = Text()
    for tag, t in msg.trim_ops(ops):
        if tag == "=":
            out.append(t)
        elif tag == "-":
            out.append(f"[-{t}-]" if plain else t, style="red strike")
        else:
            out.append(f"{{+{t}+}}" if plain else t, style="green underline")
    return out


def _details(fc: FieldChange, plain: bool) -> list[Text]:
    """Lines below a change: a long text word by word, paragraphs one by one."""
    lines = []
    if "words" in fc.details:
        line = Text(f"{fc.name}: ")
        line.append_text(_ops_text(fc.details["words"], plain))
        if fc.note:
            line.append(f" ({fc.note})", style="dim")
        lines.append(line)
    elif fc.type == "paragraphs":
        for op in fc.details.get("paragraphs") or []:
            if op["op"] == "add":
                lines.append(Text(f"{fc.name}, thêm đoạn: ") + Text(op["new"], style="green"))
            elif op["op"] == "remove":
                lines.append(Text(f"{fc.name}, bỏ đoạn: ") + Text(op["old"], style="red"))
            elif "words" in op:
                lines.append(Text(f"{fc.name}, sửa đoạn: ") + _ops_text(op["words"], plain))
    return lines


def change_lines(c: Change, plain: bool) -> list[Text]:
    """A task (or group) on one line, as a reviewer reads it; another object with one field a line."""
    sign, style = SIGNS[c.category]
    dim = c.category == "cosmetic"
    head = Text(f"{sign} ", style=style)
    out = [head]
    if c.object in ("task", "group") or c.kind in ("added", "removed"):
        head.append(msg.change_text(c, long=False), style="dim" if dim else "")
        fields_below = [f for f in msg.shown_fields(c) if msg.is_long(f)]
    else:
        parts = msg.head_parts(c)
        head.append(msg.subject(c) + (": " + "; ".join(parts) if parts else ""), style="dim" if dim else "")
        notes = msg.notes_of(c)
        if notes:
            head.append(" (" + "; ".join(notes) + ")", style="dim")
        for f in msg.shown_fields(c):
            if not msg.is_long(f):
                out.append(Text("    ") + Text(msg.field_text(f), style="dim" if f.cosmetic else ""))
        fields_below = [f for f in msg.shown_fields(c) if msg.is_long(f)]
    for f in fields_below:
        out.extend(Text("    ") + d for d in _details(f, plain))
    return out


def _by_group(changes: list[Change]) -> list[tuple[str | None, list[Change]]]:
    groups: dict[str | None, list[Change]] = {}
    heads: dict[str | None, str | None] = {}
    for c in changes:
        g = c.group
        key = None if g is None else f"{g['side']}:{g['label']}"
        if key not in groups:
            groups[key] = []
            if g is None:
                heads[key] = None
            else:
                heads[key] = (f"{g['label']} «{g['title']}»" if g["side"] == "new"
                              else f"{g['label']} «{g['title']}» (nhóm cũ, đã bỏ)")
        groups[key].append(c)

    def order(key):
        if key is None:
            return (0, 0)
        side, label = key.split(":", 1)
        from tuyentruyen.vn.numerals import from_roman

        number = from_roman(label.split(" ", 1)[1]) or 999
        return (1 if side == "new" else 2, number)

    return [(heads[k], groups[k]) for k in sorted(groups, key=order)]


def counts(changes: list[Change]) -> tuple[dict[str, int], dict[str, int]]:
    """(all categories, task categories + split) of the changes a reader is shown."""
    c = {k: 0 for k in ("added", "removed", "moved", "reordered", "changed", "cosmetic")}
    t = {**c, "split": 0, "merge": 0}
    for ch in changes:
        if msg.is_hidden(ch):
            continue
        c[ch.category] += 1
        if ch.object == "task":
            t[ch.category] += 1
            if ch.relation and ch.relation.get("type") == "split" and ch.kind == "removed":
                t["split"] += 1
            if ch.relation and ch.relation.get("type") == "merge" and ch.kind != "removed":
                t["merge"] += 1
    return c, t


def summary_text(d: PlanDiff) -> str:
    if d.status == "error":
        return "✗ Không so sánh được: một bản có lỗi (xem ở trên)."
    if d.status == "added":
        return f"Kế hoạch mới: {d.new.tasks} nhiệm vụ."
    if d.status == "removed":
        return f"Kế hoạch đã bị xóa (có {d.old.tasks} nhiệm vụ)."
    if d.equal:
        return "✓ Không có thay đổi nào về nội dung kế hoạch."
    c, t = counts(d.changes)
    parts = []
    task_parts = [f"{t[k]} {msg.CATEGORY_TITLES[k]}" for k in ("added", "removed", "moved", "reordered", "changed")
                  if t[k]]
    if t["split"]:
        task_parts.append(f"{t['split']} tách")
    if t["merge"]:
        task_parts.append(f"{t['merge']} gộp")
    if task_parts:
        parts.append("nhiệm vụ: " + ", ".join(task_parts))
    other = sum(c[k] for k in c if k != "cosmetic") - sum(t[k] for k in t if k not in ("cosmetic", "split", "merge"))
    if other:
        parts.append(f"văn bản, nội dung và phụ lục: {other}")
    if c["cosmetic"]:
        parts.append(f"chỉ đổi hình thức: {c['cosmetic']}")
    total = sum(c.values())
    if not total:
        return "Khác nhau: chỉ thêm mã (id) cho các nhiệm vụ chưa có mã; nội dung kế hoạch không đổi."
    return f"Khác nhau: {total} thay đổi — " + "; ".join(parts) + "."


def report_one(d: PlanDiff, console: Console, plain: bool, cosmetic: bool = True) -> None:
    title = Text("So sánh ", style="bold") + Text(d.old.display, style="bold") + Text(" → ", style="bold") + \
        Text(d.new.display, style="bold")
    console.print(title)
    if d.new.title or d.old.title:
        console.print(Text(f"  «{d.new.title or d.old.title}»", style="dim"))
    if d.status == "error":
        from tuyentruyen.report.text import report as report_problems

        report_problems(d.error_files, console.file)
        console.print(Text(summary_text(d), style="bold red"))
        return
    for note in d.notes:
        console.print(Text("  ghi chú: ", style="bold cyan") + Text(note))
    changes = [c for c in d.changes if (cosmetic or c.category != "cosmetic") and not msg.is_hidden(c)]
    for area, name in AREAS:
        mine = [c for c in changes if area_of(c) == area]
        if not mine:
            continue
        console.print()
        console.print(Text(name, style="bold underline"))
        if area != "appendix":
            for c in mine:
                for line in change_lines(c, plain):
                    console.print(Text("  ") + line)
            continue
        plain_ones = [c for c in mine if c.object != "task"]
        for c in plain_ones:
            for line in change_lines(c, plain):
                console.print(Text("  ") + line)
        for head, items in _by_group([c for c in mine if c.object == "task"]):
            pad = "  "
            if head is not None:
                console.print(Text("  " + head, style="bold"))
                pad = "    "
            for c in items:
                for line in change_lines(c, plain):
                    console.print(Text(pad) + line)
    console.print()
    hidden = sum(1 for c in d.changes if c.category == "cosmetic" and not msg.is_hidden(c)) if not cosmetic else 0
    line = summary_text(d) + (f" ({hidden} thay đổi hình thức không hiện; bỏ --no-cosmetic để xem.)" if hidden else "")
    console.print(Text(line, style="bold green" if d.equal else "bold"))


def report(diffs: list[PlanDiff], stream: TextIO, cosmetic: bool = True) -> None:
    from tuyentruyen.diff.model import printable_copy

    diffs = printable_copy(diffs)
    console = Console(file=stream, soft_wrap=True, highlight=False, emoji=False)
    plain = console.color_system is None
    if not diffs:
        console.print(Text("✓ Không có kế hoạch nào thay đổi.", style="bold green"))
    for k, d in enumerate(diffs):
        if k:
            console.print()
        report_one(d, console, plain, cosmetic)
    if len(diffs) > 1:
        differ = sum(1 for d in diffs if d.exit_code == 1)
        errors = sum(1 for d in diffs if d.status == "error")
        console.print()
        console.print(Text(f"Tổng cộng: {len(diffs)} kế hoạch, {differ} có thay đổi"
                           + (f", {errors} không so sánh được" if errors else "") + ".", style="bold"))
