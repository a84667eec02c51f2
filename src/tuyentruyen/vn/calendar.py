"""Working days and days off in Vietnam (ngày làm việc, ngày nghỉ), for deadlines.

A :class:`Calendar` answers "is this day a day off, and why": Saturdays and Sundays (the
40-hour week of Quyết định 188/1999/QĐ-TTg), the public holidays of Bộ luật Lao động
2019, Điều 112 (Tết Dương lịch, Tết Nguyên đán by the lunar calendar, Giỗ Tổ Hùng Vương,
30/4, 1/5, Quốc khánh, and days off in lieu), plus the days a repository adds (a local
anniversary) and the Saturdays worked in exchange for a bridge day (ngày làm bù).

The layers, each from data: :func:`library_days_off` (the maintained `holidays` library),
the days tt ships for the years clerks plan (data/calendar.yaml: official swap days the
library may not know yet), the repository's files (tt.toml `lint.holidays`). Reading files
and caching is the job of :mod:`tuyentruyen.project.calendar`; this module is pure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from tuyentruyen.vn.dates import WEEKDAYS, DateError, fmt_date, parse_vn_date


class CalendarDataError(ValueError):
    """A list of days off that cannot be used; the message says which entry and why (Vietnamese)."""


@dataclass(frozen=True)
class Calendar:
    """Days off (with their names) and make-up working days, over some years."""

    days_off: Mapping[dt.date, str] = field(default_factory=dict)
    workdays: frozenset[dt.date] = frozenset()

    def why_off(self, d: dt.date) -> str | None:
        """'ngày nghỉ Quốc khánh (thứ Tư)', 'Chủ nhật', or None for a working day."""
        if d in self.workdays:
            return None
        name = self.days_off.get(d)
        if name:
            return f"ngày nghỉ {name} ({WEEKDAYS[d.weekday()]})"
        if d.weekday() >= 5:
            return WEEKDAYS[d.weekday()]
        return None

    def is_day_off(self, d: dt.date) -> bool:
        return self.why_off(d) is not None

    def previous_working_day(self, d: dt.date) -> dt.date:
        """The last working day strictly before d."""
        before = d - dt.timedelta(days=1)
        for _ in range(60):  # Tết is the longest run of days off: a bound, never reached
            if not self.is_day_off(before):
                return before
            before -= dt.timedelta(days=1)
        return before

    def working_day_on_or_before(self, d: dt.date) -> dt.date:
        return d if not self.is_day_off(d) else self.previous_working_day(d)

    def describe_move(self, d: dt.date) -> tuple[dt.date, str] | None:
        """(the working day before, why) when d is a day off, else None."""
        why = self.why_off(d)
        if why is None:
            return None
        before = self.previous_working_day(d)
        return before, (f"{fmt_date(d)} là {why}, chuyển về ngày làm việc liền trước "
                        f"({WEEKDAYS[before.weekday()]} {fmt_date(before)})")

    def merged(self, days_off: Mapping[dt.date, str] = {}, workdays: Iterable[dt.date] = (),  # noqa: B006
               not_off: Iterable[dt.date] = ()) -> Calendar:
        """This calendar with more days off, more make-up working days, and days that are no
        longer off (a holiday moved by an official decision)."""
        days = {d: n for d, n in self.days_off.items() if d not in set(not_off)}
        days.update(days_off)
        return Calendar(days, self.workdays | frozenset(workdays))


def library_days_off(first: int, last: int) -> dict[dt.date, str]:
    """Vietnam's public holidays of the years first..last, from the `holidays` library, in Vietnamese."""
    import holidays

    cal = holidays.country_holidays("VN", years=range(first, last + 1), language="vi")
    return {d: str(name) for d, name in sorted(cal.items())}


def read_days(raw: object, where: str) -> tuple[dict[dt.date, str], set[dt.date], set[dt.date]]:
    """The days of a days-off file already parsed from YAML: (days off, make-up working days,
    days that are not off after all).

    Format (docs/config.md)::

        days:                 # more days off: a date, or {date, name}
          - date: 19/12/2024
            name: Kỷ niệm ngày thành lập tỉnh
          - 02/01/2025
        workdays:             # Saturdays worked in exchange (ngày làm bù)
          - 04/05/2024
        not_days_off:         # a holiday moved to another day by an official decision
          - 01/05/2026
    """
    if raw is None:
        return {}, set(), set()
    if not isinstance(raw, dict):
        raise CalendarDataError(f"{where} phải có các khóa `days`, `workdays` (và/hoặc `not_days_off`).")
    unknown = [k for k in raw if k not in ("days", "workdays", "not_days_off", "source")]
    if unknown:
        raise CalendarDataError(f"{where}: khóa '{unknown[0]}' không dùng được; chỉ có `days`, `workdays`, "
                                "`not_days_off` (và `source` để ghi căn cứ).")

    def read(key: str) -> list[tuple[dt.date, str]]:
        items = raw.get(key) or []
        if not isinstance(items, list):
            raise CalendarDataError(f"{where}: `{key}` phải là một danh sách ngày.")
        out = []
        for i, item in enumerate(items, 1):
            text, name = (item.get("date"), item.get("name")) if isinstance(item, dict) else (item, None)
            d = parse_vn_date(text if isinstance(text, (str, dt.date)) else str(text))
            if isinstance(d, DateError):
                raise CalendarDataError(f"{where}, mục thứ {i} của `{key}`: {d.reason}.")
            out.append((d, str(name) if name else "riêng của địa phương"))
        return out

    return dict(read("days")), {d for d, _ in read("workdays")}, {d for d, _ in read("not_days_off")}
