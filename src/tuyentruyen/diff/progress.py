"""What moved between two versions of a progress file (so sánh tiến độ), for the monthly "cập nhật tiến độ" PR.

    ~ tap-huan-lanh-dao (Nhiệm vụ 4): đang thực hiện → hoàn thành ngày 18/07/2023
    + dai-trung-uong (Nhiệm vụ 6): mới báo cáo: đang thực hiện
    ~ tap-huan-cbccvc (Nhiệm vụ 5): số liệu 390 lượt cán bộ, công chức → 1.050 lượt cán bộ, công chức

One :class:`ProgressChange` per task whose entry was added, removed or changed (status, the
day it was done, result, figures, evidence, reason, who reported and when), plus the date the
file counts to (``as_of``). Tasks are named by their key and, when the plan can be read, by
their number in the plan ("Nhiệm vụ II.3", "Mục IV.2, ý c)"). Text, Markdown and JSON.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

FIELDS = (("status", "tình trạng"), ("done_on", "ngày hoàn thành"), ("result", "kết quả"),
          ("figures", "số liệu"), ("evidence", "minh chứng"), ("reason", "lý do"),
          ("reported_by", "đơn vị báo cáo"), ("reported_on", "ngày báo cáo"), ("notes", "ghi chú"))


@dataclass
class ProgressChange:
    kind: str  # added | removed | changed
    key: str
    label: str | None
    fields: list[tuple[str, str, object, object]] = field(default_factory=list)  # (field, name, old, new)


@dataclass
class ProgressDiff:
    old: str
    new: str
    old_as_of: object = None
    new_as_of: object = None
    changes: list[ProgressChange] = field(default_factory=list)
    problems: list = field(default_factory=list)
    error_files: list = field(default_factory=list)
    status: str = "modified"  # modified | error

    @property
    def equal(self) -> bool:
        return self.status == "modified" and not self.changes and self.old_as_of == self.new_as_of

    @property
    def exit_code(self) -> int:
        return 2 if self.status == "error" else (0 if self.equal else 1)


def _show(value) -> str:
    import datetime as dt

    from tuyentruyen.vn.dates import fmt_date

    if value is None:
        return "(không có)"
    if isinstance(value, dt.date):
        return fmt_date(value)
    if hasattr(value, "label"):
        return value.label
    if isinstance(value, (list, tuple)):
        return "; ".join(map(str, value)) if value else "(không có)"
    return " ".join(str(value).split())


def compare_progress(old_loaded, new_loaded, labels: dict[str, str] | None = None) -> ProgressDiff:
    """The changes between two LoadedProgress (labels: task key → its number in the plan)."""
    d = ProgressDiff(old_loaded.display, new_loaded.display)
    bad = [x for x in (old_loaded, new_loaded) if x.progress is None]
    if bad:
        d.status = "error"
        d.error_files = bad
        d.problems = [p for x in bad for p in x.problems]
        return d
    old, new = old_loaded.progress, new_loaded.progress
    d.old_as_of, d.new_as_of = old.as_of, new.as_of
    labels = labels or {}
    keys = list(old.tasks) + [k for k in new.tasks if k not in old.tasks]
    for key in keys:
        a, b = old.tasks.get(key), new.tasks.get(key)
        if a is None:
            d.changes.append(ProgressChange("added", key, labels.get(key),
                                            [(f, n, None, getattr(b, f)) for f, n in FIELDS if getattr(b, f)]))
        elif b is None:
            d.changes.append(ProgressChange("removed", key, labels.get(key)))
        else:
            fields = [(f, n, getattr(a, f), getattr(b, f)) for f, n in FIELDS if getattr(a, f) != getattr(b, f)]
            if fields:
                d.changes.append(ProgressChange("changed", key, labels.get(key), fields))
    return d


def _labels(loaded) -> dict[str, str]:
    """Task key → "Nhiệm vụ II.3" from the plan the progress file follows (none when it cannot be read)."""
    from tuyentruyen.project.discover import plan_path_for
    from tuyentruyen.work.load import PlanAtWork, open_plan

    if loaded.progress is None:
        return {}
    path = plan_path_for(loaded.path, loaded.progress.plan)
    if not path.is_file():
        return {}
    work = open_plan(path, with_progress=False)
    return {i.key: i.label for i in work.items} if isinstance(work, PlanAtWork) else {}


def compare_files(old: str | Path, new: str | Path) -> ProgressDiff:
    from tuyentruyen.loading.documents import load_progress

    a, b = load_progress(old), load_progress(new)
    return compare_progress(a, b, _labels(b) or _labels(a))


def compare_bytes(old_data: bytes | None, old_shown: str, new_loaded, path: Path) -> ProgressDiff:
    """The work-tree (or newer) file against bytes read at a git revision (None: not there then)."""
    from tuyentruyen.loading.documents import load_progress_bytes

    if old_data is None:
        old_data = b"as_of: 1900-01-01\n"  # the file is new: every entry is added
    a = load_progress_bytes(old_data, old_shown, path)
    return compare_progress(a, new_loaded, _labels(new_loaded))


# ---------------------------------------------------------------- reporters


def change_line(c: ProgressChange) -> str:
    """"tap-huan-lanh-dao (Nhiệm vụ 4): đang thực hiện → hoàn thành ngày 18/07/2023"."""
    name = f"{c.key} ({c.label})" if c.label else c.key
    if c.kind == "removed":
        return f"{name}: bỏ mục tiến độ"
    values = {f: (old, new) for f, _n, old, new in c.fields}
    parts = []
    if "status" in values:
        old, new = values["status"]
        done = values.get("done_on", (None, None))[1]
        head = f"{_show(old)} → {_show(new)}" if c.kind == "changed" else f"mới báo cáo: {_show(new)}"
        parts.append(head + (f" ngày {_show(done)}" if done is not None and getattr(new, "value", "") == "hoan-thanh"
                             else ""))
    elif c.kind == "added":
        parts.append("mới báo cáo")
    for f, n, old, new in c.fields:
        if f == "status" or (f == "done_on" and "status" in values):
            continue
        if c.kind == "added" and f in ("reported_by", "reported_on", "result", "evidence", "notes"):
            continue
        if c.kind == "added":
            parts.append(f"{n}: {_show(new)}")
        elif f in ("result", "reason", "notes"):
            parts.append(f"{n} mới: “{_cut(_show(new))}”" if new else f"bỏ {n}")
        elif f == "evidence":
            more = [e for e in new if e not in old]
            parts.append(f"thêm minh chứng: {_cut('; '.join(more))}" if more else f"{n}: {_cut(_show(new))}")
        else:
            parts.append(f"{n} {_show(old)} → {_show(new)}")
    return f"{name}: " + "; ".join(parts)


def _cut(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;.") + "…"


_SIGN = {"added": "+", "removed": "−", "changed": "~"}


def report_text(diffs: list[ProgressDiff], out: TextIO) -> None:
    from tuyentruyen.report import emit

    for d in diffs:
        if d.status == "error":
            emit(d.error_files, "text", out)
            continue
        out.write(f"Tiến độ {d.old} → {d.new}")
        if d.old_as_of != d.new_as_of:
            out.write(f" (số liệu tính đến {_show(d.old_as_of)} → {_show(d.new_as_of)})")
        out.write("\n")
        if not d.changes:
            out.write("  không có thay đổi nào về tiến độ\n")
        for c in d.changes:
            out.write(f"  {_SIGN[c.kind]} {change_line(c)}\n")
        counts = {k: sum(1 for c in d.changes if c.kind == k) for k in _SIGN}
        out.write(f"  ({counts['changed']} nhiệm vụ cập nhật, {counts['added']} mới báo cáo, {counts['removed']} bỏ)\n")


def report_markdown(diffs: list[ProgressDiff], out: TextIO) -> None:
    for d in diffs:
        if d.status == "error":
            out.write(f"### ⚠ Không đọc được tệp tiến độ\n\n" + "".join(
                f"- `{p.file}:{p.line}:{p.col}` {p.code}: {p.message}\n" for p in d.problems) + "\n")
            continue
        out.write(f"### Cập nhật tiến độ: `{d.new}`\n\n")
        if d.old_as_of != d.new_as_of:
            out.write(f"Số liệu tính đến **{_show(d.old_as_of)} → {_show(d.new_as_of)}**.\n\n")
        if not d.changes:
            out.write("_Không có thay đổi nào về tiến độ._\n\n")
            continue
        out.write("| | Nhiệm vụ | Thay đổi |\n| --- | --- | --- |\n")
        for c in d.changes:
            name = f"`{c.key}`" + (f" ({c.label})" if c.label else "")
            what = change_line(c).split(": ", 1)[1].replace("|", "\\|")
            out.write(f"| {_SIGN[c.kind]} | {name} | {what} |\n")
        out.write("\n")


def as_dict(diffs: list[ProgressDiff]) -> dict:
    def value(v):
        import datetime as dt

        if isinstance(v, dt.date):
            return v.isoformat()
        if hasattr(v, "value"):
            return v.value
        return list(v) if isinstance(v, (list, tuple)) else v

    return {"version": 1, "kind": "progress", "equal": all(d.equal for d in diffs), "files": [{
        "old": d.old, "new": d.new, "status": d.status, "equal": d.equal,
        "as_of": {"old": value(d.old_as_of), "new": value(d.new_as_of)},
        "problems": [p.to_dict() for p in d.problems],
        "changes": [{"kind": c.kind, "key": c.key, "label": c.label, "message": change_line(c),
                     "fields": [{"field": f, "name": n, "old": value(o), "new": value(v)} for f, n, o, v in c.fields]}
                    for c in d.changes]} for d in diffs]}


def report_json(diffs: list[ProgressDiff], out: TextIO) -> None:
    json.dump(as_dict(diffs), out, ensure_ascii=False, indent=2)
    out.write("\n")


REPORTERS = {"text": report_text, "markdown": report_markdown, "json": report_json}
