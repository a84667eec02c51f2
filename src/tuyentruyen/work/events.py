"""A unit's calendar (lịch công việc): the dated work of a plan as iCalendar events (RFC 5545).

- a deadline or a date: an all-day event on that day; a day off (thứ Bảy, Chủ nhật, lễ, Tết:
  :mod:`tuyentruyen.project.calendar`) moves it to the working day before, and the event says
  so (``Calendar.describe_move``);
- a window ("Quý II/2027"): an event spanning the period (one per run: "Quý I, Quý III");
- a recurrence ("Định kỳ hằng quý"): one event with an RRULE (each occurrence on a day off
  replaced, by EXDATE and RDATE, with the working day before); when no RRULE gives exactly
  the occurrences of :func:`tuyentruyen.work.when.occurrences`, the dates are listed (RDATE);
- continuous tasks ("Thường xuyên") and tasks with no fixed date: one note a year, on 1 January,
  listing them (or left out).

Each event names the task, its group, lead and support, and carries a UID made of the task's
key and the plan's name (``xuan-loc-2024``): importing a newer file updates the events instead
of adding copies (SEQUENCE grows with the time of export). A reminder (VALARM) fires at 9:00,
``remind`` days before each deadline (before the last day of a window).

:func:`events` is pure; :func:`to_ics` writes them with the `icalendar` library.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tuyentruyen.work.when import short, span

PRODID = "-//tuyentruyen//tt lich cong viec//VI"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class CalEvent:
    uid: str
    summary: str
    description: str
    start: dt.date
    last: dt.date  # inclusive
    rrule: dict | None = None
    rdates: tuple[dt.date, ...] = ()
    exdates: tuple[dt.date, ...] = ()
    remind: int | None = None  # days before the deadline (the last day for a window)
    remind_end: bool = False  # the deadline is the event's end (a window)
    categories: tuple[str, ...] = ()
    moves: tuple[str, ...] = field(default=(), compare=False)  # what was moved, as said in the description


def plan_reference(plan) -> str:
    """"Kế hoạch số 61/KH-UBND ngày 22/02/2024 của Ủy ban nhân dân huyện Xuân Lộc", or for a plan
    issued by a Quyết định "Kế hoạch … (ban hành kèm theo Quyết định số 233/QĐ-UBND ngày …)"."""
    doc = plan.document
    number = f"{doc.number:02d}/{doc.symbol}" if doc.number is not None else f"…/{doc.symbol}"
    date = f" ngày {short(doc.date)}" if doc.date is not None else ""
    issuer = doc.issued_by or doc.issuer.name
    if plan.is_decision:
        return f"Kế hoạch “{plan.plan_title}” ban hành kèm theo Quyết định số {number}{date} của {issuer}"
    return f"Kế hoạch số {number}{date} của {issuer}"


def _cut(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;.") + "…"


def _describe(work, a, extra: list[str]) -> str:
    item = a.item
    lines = [f"{item.label} — {plan_reference(work.plan)}"]
    if item.group:
        lines.append(f"{'Nhóm' if item.kind == 'task' else 'Mục'}: {item.group}")
    lines.append(f"Nội dung: {item.content}")
    lead = "; ".join(p.name for p in work.assigner.parties[item.key] if p.role in ("lead", "duty"))
    support = "; ".join(p.name for p in work.assigner.parties[item.key] if p.role == "support")
    lines.append(f"{'Chủ trì' if item.kind == 'task' else 'Đơn vị thực hiện'}: {lead or '(chưa ghi)'}")
    if support:
        lines.append(f"Phối hợp: {support}")
    lines.append(f"Thời gian: {item.due or '(không ghi)'} ({item.when.shown})")
    if item.quantity:
        lines.append(f"Số lượng: {item.quantity}")
    lines.append(f"Vai trò: {a.role_label}")
    return "\n".join(lines + extra)


def _rrule(days: tuple[dt.date, ...], every: str, weekday: int | None) -> dict | None:
    """An RRULE that gives exactly these days, or None (checked by expanding it with dateutil)."""
    from dateutil import rrule as R

    first, last = days[0], days[-1]
    candidates: list[dict] = []
    if every == "week":
        candidates.append({"FREQ": "WEEKLY", "BYDAY": _BYDAY[first.weekday()]})
    else:
        interval = {"month": 1, "quarter": 3, "half": 6, "year": 12}.get(every, 1)
        freq = {"FREQ": "YEARLY"} if interval == 12 else {"FREQ": "MONTHLY", **({"INTERVAL": interval}
                                                                             if interval > 1 else {})}
        month = {"BYMONTH": first.month} if interval == 12 else {}
        end_of_month = (first + dt.timedelta(days=1)).day == 1
        if end_of_month:
            candidates.append({**freq, **month, "BYMONTHDAY": -1})
        candidates.append({**freq, **month, "BYMONTHDAY": first.day})
    for rule in candidates:
        kwargs = {"dtstart": dt.datetime.combine(first, dt.time()), "until": dt.datetime.combine(last, dt.time())}
        freq = {"WEEKLY": R.WEEKLY, "MONTHLY": R.MONTHLY, "YEARLY": R.YEARLY}[rule["FREQ"]]
        if "INTERVAL" in rule:
            kwargs["interval"] = rule["INTERVAL"]
        if "BYDAY" in rule:
            kwargs["byweekday"] = _BYDAY.index(rule["BYDAY"])
        if "BYMONTHDAY" in rule:
            kwargs["bymonthday"] = rule["BYMONTHDAY"]
        if "BYMONTH" in rule:
            kwargs["bymonth"] = rule["BYMONTH"]
        if tuple(x.date() for x in R.rrule(freq, **kwargs)) == days:
            return {**rule, "UNTIL": last}
    return None


def events(work, unit: tuple[str | None, str] | None, calendar, *, remind: int | None = 3, continuous: bool = True,
           uid_base: str) -> list[CalEvent]:
    """The events of a PlanAtWork for one unit ((id, name); None: every work item of the plan)."""
    if unit is not None:
        assignments = work.assigner.unit_list(unit[0], unit[1]).assignments
    else:
        from tuyentruyen.work.assign import Assignment

        assignments = [Assignment(i, "duty" if i.kind == "duty" else "lead") for i in work.items]
    out: list[CalEvent] = []
    notes: list[str] = []
    undated: list[str] = []
    for a in assignments:
        item, w = a.item, a.item.when
        uid = f"{item.key}@{uid_base}.tt"
        title = _cut(item.content)
        cats = (a.role_label.split(" (")[0],)
        if w.kind in ("deadline", "date"):
            day, extra = w.due, []
            moved = calendar.describe_move(day)
            if moved is not None:
                day, why = moved
                extra.append(f"Lưu ý: hạn {why}.")
            prefix = "Hạn" if w.kind == "deadline" else "Ngày"
            out.append(CalEvent(uid, f"{prefix}: {title} ({item.number})", _describe(work, a, extra), day, day,
                                remind=remind, categories=cats, moves=tuple(extra)))
        elif w.kind in ("window", "phases"):
            periods = w.periods or ((w.start, w.due),)
            for n, (a0, a1) in enumerate(periods, 1):
                part = f" ({n}/{len(periods)})" if len(periods) > 1 else ""
                out.append(CalEvent(uid if len(periods) == 1 else f"{item.key}.{n}@{uid_base}.tt",
                                    f"{title} ({item.number}){part}",
                                    _describe(work, a, [f"Khoảng thời gian: {span(a0, a1)}."]), a0, a1,
                                    remind=remind, remind_end=True, categories=cats))
        elif w.kind == "recurrence":
            moves, effective, bad = [], [], []
            for d in w.occurrences:
                moved = calendar.describe_move(d)
                effective.append(moved[0] if moved is not None else d)
                if moved is not None:
                    bad.append(d)
                    moves.append(f"Lưu ý: {moved[1]}.")
            rule = _rrule(w.occurrences, w.every or "month", w.weekday)
            if rule is not None:  # the rule, each day off replaced by the working day before
                first, rdates, exdates = w.occurrences[0], tuple(e for e, d in zip(effective, w.occurrences)
                                                                 if e != d), tuple(bad)
            else:  # no rule says it: the days themselves
                first, rdates, exdates = effective[0], tuple(effective[1:]), ()
            out.append(CalEvent(uid, f"Định kỳ: {title} ({item.number})",
                                _describe(work, a, [f"Các lần: {w.shown.split(': ', 1)[-1]}.", *moves]),
                                first, first, rrule=rule, rdates=rdates, exdates=exdates, remind=remind,
                                categories=cats, moves=tuple(moves)))
        elif w.kind == "continuous":
            notes.append(f"- {item.label}: {_cut(item.content, 140)} ({a.role_label})")
        else:
            undated.append(f"- {item.label}: {_cut(item.content, 140)} — {w.shown} ({a.role_label})")
    if continuous and (notes or undated):
        first_year, last_year = work.plan.years
        who = unit[1] if unit is not None else "các đơn vị"
        body = [f"{plan_reference(work.plan)}.", f"Đơn vị: {who}."]
        if notes:
            body += ["", f"Nhiệm vụ thường xuyên ({len(notes)}):", *notes]
        if undated:
            body += ["", f"Nhiệm vụ không có ngày cố định ({len(undated)}):", *undated]
        from tuyentruyen.vn.text import slug

        key = unit[0] if unit is not None and unit[0] else slug(who)
        rule = {"FREQ": "YEARLY", "UNTIL": dt.date(last_year, 1, 1)} if last_year > first_year else None
        out.append(CalEvent(f"thuong-xuyen.{key}@{uid_base}.tt",
                            f"Nhiệm vụ thường xuyên trong năm ({len(notes) + len(undated)})", "\n".join(body),
                            dt.date(first_year, 1, 1), dt.date(first_year, 1, 1), rrule=rule,
                            categories=("ghi chú",)))
    return out


def to_ics(events_: list[CalEvent], name: str, stamp: dt.datetime) -> bytes:
    """The VCALENDAR of the events (icalendar library); ``stamp``: when it was made (UTC)."""
    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    stamp = stamp.astimezone(dt.timezone.utc).replace(microsecond=0)
    sequence = max(0, int((stamp - dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)).total_seconds() // 60))
    for e in events_:
        ev = icalendar.Event()
        ev.add("uid", e.uid)
        ev.add("dtstamp", stamp)
        ev.add("sequence", sequence)
        ev.add("summary", e.summary)
        ev.add("description", e.description)
        ev.add("dtstart", e.start)
        ev.add("dtend", e.last + dt.timedelta(days=1))
        ev.add("transp", "TRANSPARENT")
        if e.categories:
            ev.add("categories", list(e.categories))
        if e.rrule is not None:
            ev.add("rrule", e.rrule)
        if e.exdates:
            ev.add("exdate", list(e.exdates))
        if e.rdates:
            ev.add("rdate", list(e.rdates))
        if e.remind is not None:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Nhắc việc: {e.summary}")
            # at 9:00, `remind` days before the deadline (all-day events start at 00:00)
            if e.remind_end:
                alarm.add("trigger", -dt.timedelta(days=e.remind, hours=15), parameters={"RELATED": "END"})
            else:
                alarm.add("trigger", -(dt.timedelta(days=e.remind) - dt.timedelta(hours=9)))
            ev.add_component(alarm)
        cal.add_component(ev)
    return cal.to_ical()
