"""The Vietnamese words of a change, shared by every reporter.

One line per change, in the plan's terms:

    Nhiệm vụ III.2 (tap-huan-cchc): thời gian Quý II/2024 → Quý III/2024 (muộn hơn 1 quý);
    chủ trì Sở Nội vụ → Văn phòng UBND tỉnh

A long text is shown word by word, git style: ``[-removed-]{+added+}``, with only a few
words of context around each change.
"""

from __future__ import annotations

import re

from tuyentruyen.diff import spec as S
from tuyentruyen.diff.compare import citation_text, show_date
from tuyentruyen.diff.model import Change, FieldChange
from tuyentruyen.diff.text import Ops

EMPTY = "(trống)"
CONTEXT_WORDS = 6

CATEGORY_TITLES = {
    "added": "thêm", "removed": "bỏ", "moved": "chuyển nhóm", "reordered": "đổi thứ tự", "changed": "sửa",
    "cosmetic": "thay đổi hình thức",
}


def value_text(ftype: str, value) -> str:
    """A field's value as a reader sees it."""
    if value is None or value == [] or value == "":
        return EMPTY
    if ftype == "date":
        return show_date(value)
    if ftype == "bool":
        return "có" if value else "không"
    if ftype == "enum":
        return S.ENUM_NAMES.get(str(value), str(value))
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def trim_ops(ops: Ops, context: int = CONTEXT_WORDS) -> Ops:
    """Keep a few words of unchanged text around each change; '…' for the rest."""
    out: Ops = []
    for k, (tag, text) in enumerate(ops):
        if tag != "=":
            out.append((tag, text))
            continue
        tokens = re.findall(r"\s+|\S+", text)
        words = [i for i, t in enumerate(tokens) if not t.isspace()]
        first, last = k == 0, k == len(ops) - 1
        if first and last:
            pass
        elif first and len(words) > context:
            text = "… " + "".join(tokens[words[-context]:])
        elif last and len(words) > context:
            text = "".join(tokens[:words[context - 1] + 1]) + " …"
        elif not first and not last and len(words) > 2 * context:
            text = "".join(tokens[:words[context - 1] + 1]) + " … " + "".join(tokens[words[-context]:])
        out.append(("=", text))
    return out


def ops_plain(ops: Ops) -> str:
    return "".join(t if tag == "=" else (f"[-{t}-]" if tag == "-" else f"{{+{t}+}}") for tag, t in trim_ops(ops))


def unit_parts(fc: FieldChange) -> list[str]:
    u = fc.details.get("units") or {}
    parts = []
    if u.get("added"):
        parts.append("thêm " + "; ".join(u["added"]))
    if u.get("removed"):
        parts.append("bỏ " + "; ".join(u["removed"]))
    for a, b in u.get("renamed") or []:
        parts.append(f"đổi cách viết {a} → {b}")
    if u.get("reordered") and not parts:
        parts.append("đổi thứ tự")
    return parts


def shown_fields(c: Change) -> list[FieldChange]:
    """The fields a reader is shown: an id that only one side has (a side without ids, matched by
    content and said so once in the notes) is left to the JSON report."""
    return [f for f in c.fields if not (f.field == "id" and (f.old is None or f.new is None))]


def is_hidden(c: Change) -> bool:
    return c.kind == "changed" and not shown_fields(c)


def field_text(fc: FieldChange, long: bool = True) -> str:
    """'thời gian: Quý II/2024 → Quý III/2024 (muộn hơn 1 quý)'; long=False leaves out a word diff."""
    head = fc.name + ":"
    note = f" ({fc.note})" if fc.note else ""
    if fc.type in ("units", "names") and not (len(fc.old or []) <= 1 and len(fc.new or []) <= 1):
        if fc.type == "units":
            parts = unit_parts(fc)
        else:
            n = fc.details.get("names") or {}
            parts = (["thêm " + "; ".join(n["added"])] if n.get("added") else []) + \
                    (["bỏ " + "; ".join(n["removed"])] if n.get("removed") else [])
        if parts:
            return f"{fc.name}: " + ", ".join(parts) + note
    if fc.type == "paragraphs":
        return f"{fc.name}: {paragraph_summary(fc)}{note}"
    if "words" in fc.details:
        return f"{fc.name}: " + (ops_plain(fc.details["words"]) if long else "sửa") + note
    return f"{head} {value_text(fc.type, fc.old)} → {value_text(fc.type, fc.new)}{note}"


def is_long(fc: FieldChange) -> bool:
    """A field shown on lines of its own (word diff, paragraphs)."""
    return "words" in fc.details or fc.type == "paragraphs"


def paragraph_summary(fc: FieldChange) -> str:
    ops = fc.details.get("paragraphs") or []
    counts = {"edit": 0, "add": 0, "remove": 0}
    for op in ops:
        counts[op["op"]] += 1
    parts = []
    if counts["edit"]:
        parts.append(f"sửa {counts['edit']} đoạn")
    if counts["add"]:
        parts.append(f"thêm {counts['add']} đoạn")
    if counts["remove"]:
        parts.append(f"bỏ {counts['remove']} đoạn")
    return ", ".join(parts) or "sửa"


def subject(c: Change) -> str:
    """'Nhiệm vụ III.2 (tap-huan-cchc)', 'Mục II.1 «Nội dung»', 'Văn bản'."""
    if c.object == "task":
        label = c.label if c.kind != "removed" else c.label.replace("Nhiệm vụ ", "Nhiệm vụ cũ ", 1)
        return f"{label} ({c.id})" if c.id else label
    if c.object == "group":
        label = c.label if c.kind != "removed" else c.label.replace("Nhóm ", "Nhóm cũ ", 1)
        return f"{label} «{c.title}»" if c.title else label
    if c.object in ("section", "duty", "item") and c.title:
        return f"{c.label} «{c.title}»"
    return c.label


def summary(c: Change) -> str:
    """What an added or removed object is: '«Tập huấn …»; chủ trì Sở Nội vụ; thời gian Quý II/2024'."""
    v = c.value or {}
    if c.object == "task":
        parts = [f"«{v.get('content') or ''}»"]
        if v.get("lead"):
            parts.append("chủ trì " + "; ".join(v["lead"]))
        if v.get("support"):
            parts.append("phối hợp " + "; ".join(v["support"]))
        if v.get("due"):
            parts.append("thời gian " + v["due"])
        return "; ".join(parts)
    if c.object == "citation":
        return f"«{citation_text(v)}»"
    if c.object == "appendix":
        return "; ".join([f"«{v.get('title') or ''}»", *c.notes])
    if c.object in ("document", "decision", "plan"):
        return ""
    return ""


def head_parts(c: Change) -> list[str]:
    """The verbs of a change before its fields: 'thêm «…»', 'đổi vị trí (trước là II.5)', 'chuyển từ …'."""
    if c.kind in ("added", "removed"):
        what = summary(c)
        return [("thêm" if c.kind == "added" else "bỏ") + (f" {what}" if what else "")]
    if c.kind == "reordered":
        was = c.old_label.removeprefix("Nhiệm vụ ") if c.old_label else None
        return ["đổi vị trí" + (f" (trước là {was})" if was else "")]
    if c.kind == "moved":
        return list(c.notes)
    return []


def notes_of(c: Change) -> list[str]:
    if c.kind == "moved" or (c.object == "appendix" and c.kind in ("added", "removed")):
        return []
    return list(c.notes)


def change_text(c: Change, long: bool = True) -> str:
    """One line for a change; long=False leaves out the fields shown on lines of their own."""
    parts = head_parts(c) + [field_text(f, long) for f in shown_fields(c) if long or not is_long(f)]
    text = subject(c) + (": " + "; ".join(parts) if parts else "")
    notes = notes_of(c)
    if notes:
        text += " (" + "; ".join(notes) + ")"
    return text
