"""Task lists and progress status as text, CSV, JSON and Markdown (danh sách nhiệm vụ, tiến độ).

``tt tasks`` prints :class:`TaskReport` s (one per plan: the lists of its units), ``tt status``
:class:`~tuyentruyen.work.status.PlanStatus` es. Text is for a terminal, CSV for a spreadsheet
(one row per task and unit; written to a file with a BOM so that Excel reads the Vietnamese),
Markdown for a pull request comment or a weekly e-mail, JSON (``version`` 1, ISO dates) for
programs. Nothing here decides anything: the work package did.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import TextIO

from tuyentruyen.work.status import ORDER, STATE_LABELS, State

SCHEMA_VERSION = 1


@dataclass
class TaskReport:
    """The lists of some units of one plan (``lists``: UnitList s; ``states``: key → ItemStatus as of ``on``)."""

    display: str
    reference: str
    lists: list
    parties: dict  # item key → [Party]
    on: dt.date | None = None
    states: dict | None = None


def _d(d: dt.date | None) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}" if d else ""


def _names(parties, roles) -> list[str]:
    return [p.name for p in parties if p.role in roles]


def _row(r: TaskReport, ul, a) -> dict:
    item, w = a.item, a.item.when
    st = r.states.get(item.key) if r.states else None
    parties = r.parties[item.key]
    return {
        "key": item.key, "number": item.number, "label": item.label, "kind": item.kind, "group": item.group,
        "content": item.content, "role": a.role, "role_label": a.role_label, "via": a.via,
        "lead": _names(parties, ("lead", "duty")), "support": _names(parties, ("support",)),
        "due_text": item.due, "time": w.shown, "time_kind": w.kind,
        "start": w.start.isoformat() if w.start else None, "due": w.due.isoformat() if w.due else None,
        "occurrences": [d.isoformat() for d in w.occurrences], "quantity": item.quantity,
        "state": st.state.value if st else None, "state_label": st.state.label if st else None,
    }


# ---------------------------------------------------------------- tt tasks


def tasks_text(reports: list[TaskReport], out: TextIO) -> None:
    for r in reports:
        out.write(f"{r.display} — {r.reference}\n")
        if r.on is not None:
            out.write(f"Tình trạng tính đến ngày {_d(r.on)}.\n")
        for ul in r.lists:
            roles = {}
            for a in ul.assignments:
                roles[a.role] = roles.get(a.role, 0) + 1
            counts = ", ".join(f"{_ROLE_WORD[k]} {n}" for k, n in sorted(roles.items(), key=lambda kv: _ROLE_ORDER[kv[0]]))
            out.write(f"\n{ul.name}: {len(ul.assignments)} nhiệm vụ" + (f" ({counts})" if counts else "") + "\n")
            if not ul.assignments:
                out.write("  (không có nhiệm vụ nào trong kế hoạch này)\n")
            for a in ul.assignments:
                row = _row(r, ul, a)
                written = f" ({a.item.due})" if a.item.due and not _says(row["time"], a.item.due) else ""
                state = f" — {row['state_label']}" if row["state_label"] else ""
                out.write(f"  • {row['time']}{written} — {a.role_label}{state}\n")
                group = f" «{_cut(a.item.group, 50)}»" if a.item.group else ""
                out.write(f"    {a.item.label} [{a.item.key}]{group}: {a.item.content}\n")
        out.write("\n")


_ROLE_WORD = {"lead": "chủ trì", "duty": "thực hiện", "support": "phối hợp"}
_ROLE_ORDER = {"lead": 0, "duty": 1, "support": 2}

CSV_COLUMNS = [
    ("plan", "Kế hoạch"), ("unit", "Đơn vị"), ("key", "Mã"), ("label", "Số thứ tự"), ("content", "Nội dung"),
    ("group", "Nhóm/mục"), ("role_label", "Vai trò"), ("lead", "Chủ trì"), ("support", "Phối hợp"),
    ("due_text", "Thời gian (như kế hoạch ghi)"), ("time", "Thời gian (quy ra ngày)"), ("start", "Từ ngày"),
    ("due", "Hạn"), ("quantity", "Số lượng"), ("state_label", "Tình trạng"),
]


def tasks_csv(reports: list[TaskReport], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([title for _, title in CSV_COLUMNS])
    for r in reports:
        for ul in r.lists:
            for a in ul.assignments:
                row = _row(r, ul, a)
                row.update(plan=r.display, unit=ul.name, lead="; ".join(row["lead"]), support="; ".join(row["support"]),
                           start=_iso_vn(row["start"]), due=_iso_vn(row["due"]))
                writer.writerow(["" if row.get(k) is None else row[k] for k, _ in CSV_COLUMNS])


def _says(shown: str, written: str) -> bool:
    """Whether the dates shown already say what was written ("thường xuyên, cả năm" for "Thường xuyên")."""
    from tuyentruyen.vn.text import fold

    return fold(" ".join(written.split())) in fold(shown)


def _iso_vn(iso: str | None) -> str:
    return _d(dt.date.fromisoformat(iso)) if iso else ""


def tasks_json(reports: list[TaskReport], out: TextIO) -> None:
    data = {"version": SCHEMA_VERSION, "plans": [{
        "file": r.display, "reference": r.reference, "as_of": r.on.isoformat() if r.on else None,
        "units": [{"name": ul.name, "id": ul.unit_id, "tasks": [_row(r, ul, a) for a in ul.assignments]}
                  for ul in r.lists]} for r in reports]}
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _md(text: str | None) -> str:
    return (text or "").replace("|", "\\|").replace("\n", " ")


def tasks_markdown(reports: list[TaskReport], out: TextIO) -> None:
    for r in reports:
        out.write(f"## {_md(r.reference)}\n\n`{r.display}`" + (f" — tình trạng tính đến {_d(r.on)}" if r.on else "")
                  + "\n\n")
        for ul in r.lists:
            out.write(f"### {_md(ul.name)} ({len(ul.assignments)} nhiệm vụ)\n\n")
            if not ul.assignments:
                out.write("_Không có nhiệm vụ nào trong kế hoạch này._\n\n")
                continue
            state_col = r.on is not None
            out.write("| Thời gian | Số | Nội dung | Vai trò |" + (" Tình trạng |" if state_col else "") + "\n")
            out.write("| --- | --- | --- | --- |" + (" --- |" if state_col else "") + "\n")
            for a in ul.assignments:
                row = _row(r, ul, a)
                written = f" ({_md(a.item.due)})" if a.item.due else ""
                out.write(f"| {_md(row['time'])}{written} | {_md(a.item.label)} `{a.item.key}` | {_md(a.item.content)} "
                          f"| {_md(a.role_label)} |" + (f" {_md(row['state_label'])} |" if state_col else "") + "\n")
            out.write("\n")


TASK_FORMATS = {"text": tasks_text, "csv": tasks_csv, "json": tasks_json, "markdown": tasks_markdown}


def render_tasks(reports: list[TaskReport], fmt: str) -> str:
    buf = io.StringIO()
    TASK_FORMATS[fmt](reports, buf)
    return buf.getvalue()


# ---------------------------------------------------------------- tt status


def _cut(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;.") + "…"


def _counts_line(tally) -> str:
    parts = [f"{STATE_LABELS[s]} {tally.count(s)}" for s in ORDER if tally.count(s)]
    return f"{tally.total} nhiệm vụ" + (f" — {', '.join(parts)}" if parts else "")


def _leads(work_parties, st) -> str:
    return "; ".join(p.name for p in work_parties[st.item.key] if p.role in ("lead", "duty")) or "(chưa ghi chủ trì)"


def _line(st, parties) -> str:
    due = f"hạn {_d(st.due)}" if st.due else st.item.when.shown
    if st.state is State.LATE and st.missed and st.item.when.kind == "recurrence":
        due = "chưa báo cáo lần " + ", ".join(_d(d) for d in st.missed)
    reported = f"; báo cáo: {st.entry.status.label}" if st.entry is not None else "; chưa có số liệu"
    return f"{st.item.label} [{st.item.key}] — {_leads(parties, st)} — {due}{reported}: {_cut(st.item.content)}"


@dataclass
class StatusReport:
    status: object  # PlanStatus
    parties: dict


def _lists(s) -> list[tuple[State, str, list]]:
    late = [x for x in s.overall.items if x.state is State.LATE]
    soon = [x for x in s.overall.items if x.state is State.DUE_SOON]
    late.sort(key=lambda x: x.due or dt.date.max)
    soon.sort(key=lambda x: x.due or dt.date.max)
    return [(State.LATE, "Quá hạn", late), (State.DUE_SOON, f"Sắp đến hạn (trong {s.soon} ngày)", soon)]


def status_text(reports: list[StatusReport], out: TextIO) -> None:
    for r in reports:
        s = r.status
        src = f"tệp tiến độ {s.progress_display}" if s.progress_display else "chưa có tệp tiến độ"
        out.write(f"{s.display} — tiến độ tính đến ngày {_d(s.on)} ({src})\n")
        out.write(f"Toàn kế hoạch: {_counts_line(s.overall)}\n")
        for _state, title, items in _lists(s):
            if items:
                out.write(f"\n{title}:\n")
                for st in items:
                    out.write(f"  - {_line(st, r.parties)}\n")
        if s.units:
            out.write("\nTheo đơn vị (chủ trì, thực hiện):\n")
            width = max(len(t.name) for t in s.units)
            width = min(width, 48)
            head = "  " + "Đơn vị".ljust(width) + "  Tổng  " + "  ".join(STATE_LABELS[x] for x in ORDER)
            out.write(head + "\n")
            for t in s.units:
                cells = "  ".join(str(t.count(x)).rjust(len(STATE_LABELS[x])) for x in ORDER)
                out.write(f"  {_cut(t.name, width).ljust(width)}  {str(t.total).rjust(4)}  {cells}\n")
        if s.unknown_keys:
            out.write(f"\nTệp tiến độ có mục cho mã không có trong kế hoạch (TT-P002): {', '.join(s.unknown_keys)}\n")
        out.write("\n")


def status_markdown(reports: list[StatusReport], out: TextIO) -> None:
    for r in reports:
        s = r.status
        out.write(f"## Tiến độ: {_md(s.title)}\n\n`{s.display}` — tính đến ngày **{_d(s.on)}**"
                  + (f" (tệp tiến độ `{s.progress_display}`)" if s.progress_display else " (chưa có tệp tiến độ)")
                  + "\n\n")
        out.write("| | " + " | ".join(STATE_LABELS[x] for x in ORDER) + " | Tổng |\n")
        out.write("| --- |" + " ---: |" * (len(ORDER) + 1) + "\n")
        out.write("| **Toàn kế hoạch** | " + " | ".join(str(s.overall.count(x)) for x in ORDER)
                  + f" | {s.overall.total} |\n")
        for t in s.units:
            out.write(f"| {_md(t.name)} | " + " | ".join(str(t.count(x)) for x in ORDER) + f" | {t.total} |\n")
        out.write("\n")
        for _state, title, items in _lists(s):
            if items:
                out.write(f"### {title}\n\n")
                for st in items:
                    out.write(f"- {_md(_line(st, r.parties))}\n")
                out.write("\n")


def status_json(reports: list[StatusReport], out: TextIO) -> None:
    def item(st):
        return {"key": st.item.key, "label": st.item.label, "content": st.item.content, "state": st.state.value,
                "due": st.due.isoformat() if st.due else None, "missed": [d.isoformat() for d in st.missed],
                "reported": st.reported, "status": st.entry.status.value if st.entry is not None else None,
                "lead": [p.name for p in r.parties[st.item.key] if p.role in ("lead", "duty")]}

    data = {"version": SCHEMA_VERSION, "plans": []}
    for r in reports:
        s = r.status
        data["plans"].append({
            "file": s.display, "progress": s.progress_display, "as_of": s.on.isoformat(), "soon_days": s.soon,
            "overall": {"total": s.overall.total, **s.overall.counts()},
            "units": [{"name": t.name, "id": t.unit_id, "total": t.total, **t.counts()} for t in s.units],
            "tasks": [item(st) for st in s.overall.items], "unknown_keys": s.unknown_keys})
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


STATUS_FORMATS = {"text": status_text, "markdown": status_markdown, "json": status_json}


def render_status(reports: list[StatusReport], fmt: str) -> str:
    buf = io.StringIO()
    STATUS_FORMATS[fmt](reports, buf)
    return buf.getvalue()
