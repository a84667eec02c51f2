"""The time of a task as dates (thời gian quy ra ngày): what a unit's list and calendar show.

:func:`when` takes what :func:`tuyentruyen.vn.timeexpr.parse_time` read from the time column
and the plan's year, and gives a :class:`When`: the periods it covers, the date it is due,
the occurrences of a recurrence within the year, and how a list prints it:

=================================  ===========================================
written                            shown
=================================  ===========================================
Quý II/2027                        01/04–30/06/2027
Quý I, Quý III/2027                01/01–31/03/2027, 01/07–30/09/2027
trước ngày 15/3/2027               hạn 15/03/2027
Ngày 02/9/2027                     ngày 02/09/2027
Định kỳ hằng quý                   hằng quý: 31/03, 30/06, 30/09, 31/12/2027
Thường xuyên                       thường xuyên, cả năm 2027
Theo kế hoạch kiểm tra             theo kế hoạch kiểm tra (không có ngày cố định)
=================================  ===========================================

A recurrence falls, unless the text says where, on the last day of each period ("hằng quý":
31/03, 30/06…); "hằng tuần" on Friday; "Ngày 9/11 hằng năm" on its day. Pure: no file system.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
from dataclasses import dataclass, field

from tuyentruyen.vn import timeexpr as T

DATED, CONTINUOUS, UNDATED, UNREADABLE = 0, 1, 2, 3  # sort ranks


@dataclass(frozen=True)
class When:
    """A task's time as dates. ``due``: the day it must be done by (None: no fixed date)."""

    kind: str  # continuous, window, deadline, date, recurrence, event, phases, unknown
    text: str | None  # as written
    shown: str
    due: dt.date | None = None
    start: dt.date | None = None
    periods: tuple[tuple[dt.date, dt.date], ...] = ()  # windows
    occurrences: tuple[dt.date, ...] = ()  # recurrences
    deadlines: tuple[dt.date, ...] = ()  # deadlines and dates (one, or one per round)
    every: str | None = None  # a recurrence's period: week, month, quarter, half, year
    weekday: int | None = None
    reason: str | None = None  # why a time has no date (unreadable, event)
    expr: object = field(default=None, compare=False, repr=False)

    @property
    def rank(self) -> int:
        if self.kind == "unknown":
            return UNREADABLE
        if self.kind == "event":
            return UNDATED
        if self.kind == "continuous":
            return CONTINUOUS
        return DATED

    def next_due(self, on: dt.date | None) -> dt.date | None:
        """The first occurrence (or deadline) on or after ``on``; the last one when all are past."""
        dates = self.occurrences or self.deadlines
        if not dates:
            return self.due
        if on is None:
            return dates[0]
        return next((d for d in dates if d >= on), dates[-1])

    def sort_key(self, on: dt.date | None = None) -> tuple:
        due = self.next_due(on) if self.kind in ("recurrence", "phases") else self.due
        return (self.rank, due or dt.date.max, self.start or dt.date.min)


def short(d: dt.date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def span(a: dt.date, b: dt.date) -> str:
    """01/04–30/06/2027; 01/10/2026–31/03/2027 across a new year; 15/03/2027 for one day."""
    if a == b:
        return short(a)
    if a.year == b.year:
        return f"{a.day:02d}/{a.month:02d}–{short(b)}"
    return f"{short(a)}–{short(b)}"


def _days(dates: tuple[dt.date, ...]) -> str:
    """31/03, 30/06, 30/09, 31/12/2027 (the year once at the end when they share it)."""
    if not dates:
        return ""
    if len({d.year for d in dates}) == 1:
        return ", ".join(f"{d.day:02d}/{d.month:02d}" for d in dates[:-1]) + (", " if len(dates) > 1 else "") + \
            short(dates[-1])
    return ", ".join(short(d) for d in dates)


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, _cal.monthrange(year, month)[1])


_MONTHS = {"month": 1, "quarter": 3, "half": 6, "year": 12}
_EVERY_VI = {"week": "hằng tuần", "month": "hằng tháng", "quarter": "hằng quý", "half": "6 tháng một lần",
             "year": "hằng năm", "day": "hằng ngày"}


def _part_end(part, first_month: int, months: int, year: int) -> dt.date:
    """The last day of the beginning, middle or end of a period of ``months`` months."""
    last_month = first_month + months - 1
    if part is None or str(part) == "end":
        return _last_day(year, last_month)
    if months == 1:  # a month in ten-day thirds
        return dt.date(year, first_month, 10 if str(part) == "start" else 20)
    if months == 12:  # a year in quarters: đầu I, giữa II–III, cuối IV
        return _last_day(year, 3 if str(part) == "start" else 9)
    third = max(1, months // 3)
    return _last_day(year, first_month + third - 1 if str(part) == "start" else first_month + 2 * third - 1)


def occurrences(expr: T.Recurrence, first: dt.date, last: dt.date) -> tuple[dt.date, ...]:
    """The days a recurrence falls on between first and last (inclusive)."""
    every = str(expr.every)
    out: list[dt.date] = []
    years = range(first.year, last.year + 1)
    if every == "week":
        weekday = expr.weekday if expr.weekday is not None else 4
        d = first + dt.timedelta(days=(weekday - first.weekday()) % 7)
        while d <= last:
            out.append(d)
            d += dt.timedelta(days=7)
        return tuple(out)
    if every == "day":
        return ()
    months = _MONTHS[every]
    for year in years:
        if every == "year" and expr.month is not None:
            if expr.day is not None:
                try:
                    out.append(dt.date(year, expr.month, expr.day))
                except ValueError:  # 29/02 of a year that has none: the day before
                    out.append(_last_day(year, expr.month))
            else:
                out.append(_part_end(expr.part, expr.month, 1, year))
            continue
        for first_month in range(1, 13, months):
            if every == "month" and expr.day is not None:
                day = min(expr.day, _cal.monthrange(year, first_month)[1])
                out.append(dt.date(year, first_month, day))
            else:
                out.append(_part_end(expr.part, first_month, months, year))
    return tuple(d for d in out if first <= d <= last)


def when(text: str | None, year: int, expr=None, last: int | None = None) -> When:
    """The dates of a time text in a plan of ``year`` (to ``last`` for a plan of several years;
    expr: the parsed text, if already read)."""
    if expr is None:
        expr = T.parse_time(text, year)
    expr = T.resolve(expr, year)
    last = max(last or year, year)
    match expr:
        case T.Continuous():
            y0, y1 = (expr.year, expr.year) if expr.year else (year, last)
            whole = f"cả năm {y0}" if y0 == y1 else f"giai đoạn {y0}–{y1}"
            return When("continuous", text, f"thường xuyên, {whole}", due=dt.date(y1, 12, 31),
                        start=dt.date(y0, 1, 1), expr=expr)
        case T.Window() if expr.start is not None and expr.end is not None:
            periods = tuple(expr.periods) or ((expr.start, expr.end),)
            return When("window", text, ", ".join(span(a, b) for a, b in periods), due=expr.end, start=expr.start,
                        periods=periods, expr=expr)
        case T.Deadline() if expr.date is not None:
            return When("deadline", text, f"hạn {short(expr.date)}", due=expr.date, deadlines=(expr.date,), expr=expr)
        case T.OnDate() if expr.date is not None:
            return When("date", text, f"ngày {short(expr.date)}", due=expr.date, start=expr.date,
                        deadlines=(expr.date,), expr=expr)
        case T.Recurrence():
            y0, y1 = (expr.year, expr.year) if expr.year else (year, last)
            days = occurrences(expr, dt.date(y0, 1, 1), dt.date(y1, 12, 31))
            every = str(expr.every)
            label = _EVERY_VI.get(every, every)
            if not days:
                return When("continuous", text, f"{label}, cả năm {y0}", due=dt.date(y1, 12, 31),
                            start=dt.date(y0, 1, 1), every=every, expr=expr)
            if every == "week":
                from tuyentruyen.vn.dates import WEEKDAYS

                label += f" ({WEEKDAYS[days[0].weekday()]})"
            listed = _days(days) if len(days) <= 6 else \
                f"{days[0]:%d/%m}, {days[1]:%d/%m}, …, {short(days[-1])}"
            return When("recurrence", text, f"{label}: {listed}", due=days[-1], start=days[0],
                        occurrences=days, every=every, weekday=expr.weekday, expr=expr)
        case T.Phases():
            parts = [when(None, year, p, last) for p in expr.phases]
            dated = [p for p in parts if p.due is not None]
            if not dated:
                return When("event", text, "; ".join(p.shown for p in parts), reason="các đợt không có ngày cố định",
                            expr=expr)
            shown = "; ".join(f"đợt {n or i + 1}: {p.shown}" for i, (n, p) in enumerate(zip(expr.numbers, parts)))
            periods = tuple(pr for p in parts for pr in (p.periods or ((p.start or p.due, p.due),) if p.due else ()))
            deadlines = tuple(sorted(p.due for p in dated))
            return When("phases", text, shown, due=max(p.due for p in dated),
                        start=min(p.start or p.due for p in dated), periods=periods, deadlines=deadlines, expr=expr)
        case T.Event():
            return When("event", text, f"{T.describe(expr)} (không có ngày cố định)", reason="theo sự kiện", expr=expr)
        case T.InvalidDate():
            return When("unknown", text, f"“{text}”: {expr.reason}", reason=expr.reason, expr=expr)
        case T.Unreadable():
            if expr.code is T.Code.EMPTY:
                return When("unknown", text, "chưa ghi thời gian", reason="chưa ghi thời gian", expr=expr)
            return When("unknown", text, f"“{expr.text}” (không đọc được: {expr.reason})", reason=expr.reason,
                        expr=expr)
    return When("unknown", text, f"“{text}”", reason="không đọc được", expr=expr)
