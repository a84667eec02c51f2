"""Vietnamese dates (ngày tháng): reading them as clerks write them, writing them as ND30 prints them.

One reader, one writer and one wording of "this date does not exist" for every command:

- :func:`parse_vn_date` reads "15/7/2021", "05/02/2024", "15-7-2021", "15.7.2021",
  "12 tháng 12 năm 2022", "ngày 19 tháng 12 năm 2022", "2022-12-19"; it never raises:
  an unreadable or impossible date is a :class:`DateError` with the reason in Vietnamese;
- :func:`make_date` is the check behind it (and behind the time parser and the model);
- :func:`impossible_reason` / :func:`impossible_message` are the wording ("ngày 29/02/2023
  không tồn tại: năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày");
- :func:`format_vn_date` writes a date in the styles of Nghị định 30/2020 (Phụ lục I: day
  below 10 and months 1, 2 padded with 0: "ngày 05 tháng 02 năm 2024").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

DateStyle = Literal["long", "nd30", "short", "padded", "iso"]

# the most days a month can have when the year is not known (February of a leap year)
_MOST_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class DateError:
    """A date that cannot be read or does not exist, with the reason in Vietnamese."""

    text: str
    reason: str  # the whole sentence part: "ngày 29/02/2023 không tồn tại: năm 2023 …"
    impossible: bool = False  # written as a date, but that day does not exist
    why: str | None = None  # for an impossible date, only why: "năm 2023 không phải năm nhuận …"

    @property
    def explanation(self) -> str:
        """Why, without repeating the date (for messages that quote the date already)."""
        return self.why or self.reason

    @property
    def ok(self) -> bool:
        return False

    def __str__(self) -> str:
        return self.reason


def shown(day: int, month: int, year: int | None = None) -> str:
    """"05/02/2024", "29/02" — how a date is quoted back in a message."""
    return f"{day:02d}/{month:02d}" + (f"/{year}" if year is not None else "")


def impossible_reason(day: int, month: int, year: int | None = None) -> str | None:
    """Why day/month/year is not a real date ("không có tháng 13", "tháng 4/2024 chỉ có 30
    ngày"…), or None when it is one. With no year, a date is impossible only when no year has it."""
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    if day < 1:
        return "không có ngày 0"
    if year is None:
        most = _MOST_DAYS[month - 1]
        return f"tháng {month} chỉ có {most} ngày" if day > most else None
    last = calendar.monthrange(year, month)[1]
    if day <= last:
        return None
    if month == 2:
        leap = "là năm nhuận" if calendar.isleap(year) else "không phải năm nhuận"
        return f"năm {year} {leap} nên tháng 2 chỉ có {last} ngày"
    return f"tháng {month}/{year} chỉ có {last} ngày"


def impossible_message(day: int, month: int, year: int | None = None) -> str | None:
    """'ngày 29/02/2023 không tồn tại: năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày'."""
    reason = impossible_reason(day, month, year)
    return None if reason is None else f"ngày {shown(day, month, year)} không tồn tại: {reason}"


def make_date(day: int, month: int, year: int | str, text: str | None = None) -> dt.date | DateError:
    """The date, or why it cannot be one. A year given as text must have four digits."""
    written = text if text is not None else f"{day}/{month}/{year}"
    if isinstance(year, str):
        if len(year) != 4 or not year.isdigit():
            return DateError(written, f"năm “{year}” phải viết đủ 4 chữ số (ví dụ 2024)")
        year = int(year)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        return DateError(written, f"năm {year} không hợp lệ")
    why = impossible_reason(day, month, year)
    if why is not None:
        return DateError(written, f"ngày {shown(day, month, year)} không tồn tại: {why}", impossible=True, why=why)
    return dt.date(year, month, day)


_DATE_NUMERIC = re.compile(r"(?:ngày\s+)?([0-9]{1,2})\s*([/.\-])\s*([0-9]{1,2})\s*\2\s*([0-9]{1,4})", re.IGNORECASE)
_DATE_WORDS = re.compile(r"(?:ngày\s+)?([0-9]{1,2})\s+tháng\s+([0-9]{1,2})\s*,?\s+năm\s+([0-9]{1,4})", re.IGNORECASE)
_DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")

READABLE_FORMS = "“15/7/2021”, “ngày 12 tháng 12 năm 2022” hoặc “2022-12-19”"


def parse_vn_date(text: object) -> dt.date | DateError:
    """Read a Vietnamese date (see the module docstring); never raises."""
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    if not isinstance(text, str):
        return DateError(repr(text), "ngày phải là một chuỗi ký tự, ví dụ “15/7/2021”")
    s = " ".join(unicodedata.normalize("NFC", text).split())
    if m := _DATE_ISO.fullmatch(s):
        return make_date(int(m[3]), int(m[2]), m[1], text)
    if m := _DATE_NUMERIC.fullmatch(s):
        return make_date(int(m[1]), int(m[3]), m[4], text)
    if m := _DATE_WORDS.fullmatch(s):
        return make_date(int(m[1]), int(m[2]), m[3], text)
    return DateError(text, f"không đọc được ngày “{s}”: hãy viết dạng {READABLE_FORMS}")


def format_vn_date(d: dt.date, style: DateStyle = "long") -> str:
    """Write a date.

    ========  ==============================  ===========================================
    style     example                         rule
    ========  ==============================  ===========================================
    long      ``ngày 05 tháng 02 năm 2024``   ND30: day < 10 and months 1, 2 padded with 0
    nd30      ``05/3/2020``, ``15/02/2023``   the same padding, in figures
    short     ``15/7/2021``, ``5/3/2020``     no padding
    padded    ``15/02/2023``, ``15/07/2021``  always two digits (tt's messages)
    iso       ``2023-02-15``
    ========  ==============================  ===========================================
    """
    day_nd30 = f"{d.day:02d}"
    month_nd30 = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    if style == "long":
        return f"ngày {day_nd30} tháng {month_nd30} năm {d.year}"
    if style == "nd30":
        return f"{day_nd30}/{month_nd30}/{d.year}"
    if style == "short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "padded":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(f"unknown date style {style!r}")


def fmt_date(d: dt.date) -> str:
    """A date in tt's messages: always dd/mm/yyyy ("05/02/2024")."""
    return format_vn_date(d, "padded")
