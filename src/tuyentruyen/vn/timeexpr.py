"""Read the free-text time of a task (thời gian thực hiện) into a normalized value.

Clerks write the time column by hand: "Thường xuyên", "Quý I, Quý II/2023",
"Quý III- IV/2023", "Định kỳ hằng quý", "trước ngày 15/3/2024", "Theo kế hoạch kiểm tra"…
:func:`parse_time` turns such a text into one of a few frozen dataclasses, told apart by
their ``kind`` (:class:`Kind`):

========================  ===============  ==============================================
class                     kind             meaning
========================  ===============  ==============================================
:class:`Continuous`       ``continuous``   all the time: "Thường xuyên", "Cả năm", "Hằng ngày"
:class:`Window`           ``window``       a span of quarters, months, halves, years (or
                                           an explicit date range, unit ``day``), or the
                                           beginning, middle or end of one ("Đầu năm",
                                           "cuối quý II/2024", "giữa tháng 6")
:class:`Deadline`         ``deadline``     done by a date: "trước ngày 15/3/2024"
:class:`OnDate`           ``date``         one plain date: "Ngày 15/3/2024"
:class:`Recurrence`       ``recurrence``   periodic: "Định kỳ hằng quý", "Hàng tháng",
                                           "Thứ Sáu hằng tuần", "Ngày 9/11 hằng năm",
                                           "Cuối quý" (the end of every quarter)
:class:`Event`            ``event``        triggered by something: "Theo kế hoạch kiểm tra"
:class:`Phases`           ``phases``       rounds, each with its time: "Đợt 1: Quý II/2024;
                                           Đợt 2: Quý IV/2024"
:class:`InvalidDate`      ``invalid_date`` a date that does not exist: "29/02/2023"
:class:`Unreadable`       ``unknown``      anything else, with a reason and a :class:`Code`
========================  ===============  ==============================================

Design decisions a caller must know:

* A plain date ("Ngày 15/3/2024", "15/3/2024") is its own kind ``date`` (:class:`OnDate`),
  not a deadline: "on that day" and "by that day" lint differently.
* When the text gives no year ("Quý II", "trước ngày 15/3") the ``year`` argument is used.
  If that is None too, the result has ``needs_year=True`` and no dates (``start``/``end``/
  ``date`` are None); :func:`resolve` (or ``parse_time(expr.label, year)``) fills them in.
* Two-digit years mean 20xx ("Quý I/23" is 2023); years outside 1900–2100 are unreadable.
* A reversed range ("Quý IV - II/2023") is :class:`Unreadable` with
  ``code=Code.REVERSED_RANGE`` (``.reversed`` is True) so a lint rule can name it.
* ``label`` (the cleaned text) does not take part in ``==``: two results are equal when
  they mean the same time, e.g. "Quý I, Quý II/2023" == "Quý I và Quý II năm 2023".
* "Trước tháng 6/2024" / "Trước quý III/2024" (a deadline before a whole period) is read
  literally: the day before the period starts (31/05/2024, 30/06/2024); "Hoàn thành trong
  tháng 9/2024" and "Chậm nhất quý II/2024" mean the last day of the period.
* A leading verb adds nothing to the time: "Thực hiện trong quý II/2024", "Triển khai thực
  hiện thường xuyên", "Tổ chức vào tháng 6/2024" read as what follows the verb.
* "… và các năm tiếp theo" (and "Từ năm 2024" with no end) sets ``onward`` on the window,
  continuous time or recurrence it follows: the plan's part of it is its first year.
* A question is not a time: "Khi nào xong", "bao giờ" are :class:`Unreadable` with
  ``code=Code.QUESTION`` (a question word is not an event cue).
* Nothing raises: any input, even a non-string, gives a result.

Matching is done on a "key": the text NFKD-normalized, lower-cased, with all
Vietnamese diacritics removed (đ → d). That makes hằng/hàng, Quý/Quí/Qúy, NFC/NFD and
text typed without diacritics all read the same; the tables below are therefore written
without diacritics. Only the standard library is used.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import ClassVar, Union

__all__ = [
    "Code",
    "Continuous",
    "Deadline",
    "Event",
    "InvalidDate",
    "Kind",
    "OnDate",
    "Part",
    "Phases",
    "Recurrence",
    "TimeExpr",
    "Unit",
    "Unreadable",
    "Window",
    "compare_windows",
    "describe",
    "parse_time",
    "resolve",
]


# ---------------------------------------------------------------------------
# Result types
# ---------------------------------------------------------------------------


class Kind(StrEnum):
    """What kind of time a text describes."""

    CONTINUOUS = "continuous"
    WINDOW = "window"
    DEADLINE = "deadline"
    DATE = "date"
    RECURRENCE = "recurrence"
    EVENT = "event"
    INVALID_DATE = "invalid_date"
    PHASES = "phases"
    UNKNOWN = "unknown"


class Part(StrEnum):
    """The part of a period a text names: "đầu năm", "giữa tháng", "cuối quý"."""

    START = "start"
    MIDDLE = "middle"
    END = "end"


class Unit(StrEnum):
    """Granularity of a window or period of a recurrence."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class Code(StrEnum):
    """Machine-readable reason why a text is :class:`Unreadable`."""

    EMPTY = "empty"  # nothing written: a lint rule reports a missing time
    NO_MATCH = "no_match"
    BAD_QUARTER = "bad_quarter"
    BAD_MONTH = "bad_month"
    BAD_YEAR = "bad_year"
    BAD_NUMERAL = "bad_numeral"
    REVERSED_RANGE = "reversed_range"
    MIXED_UNITS = "mixed_units"
    NO_PERIOD = "no_period"
    QUESTION = "question"  # "Khi nào xong": a question written where the time goes
    INTERNAL = "internal"  # a bug in this module; never expected


@dataclass(frozen=True)
class Continuous:
    """Ongoing all the time (thường xuyên): "Thường xuyên", "Cả năm 2023", "Liên tục".

    ``year`` is set when the text names one ("Thường xuyên trong năm 2024");
    ``ad_hoc`` when it adds "đột xuất" ("Thường xuyên, đột xuất"); ``onward`` when it goes
    on after that year ("… năm 2024 và các năm tiếp theo").
    """

    kind: ClassVar[Kind] = Kind.CONTINUOUS
    label: str = field(compare=False)
    year: int | None = None
    ad_hoc: bool = False
    onward: bool = False


@dataclass(frozen=True)
class Window:
    """A span of whole periods (khoảng thời gian): "Quý I, Quý II/2023", "Tháng 6/2024".

    ``start``/``end`` are the first and last day covered; ``periods`` the contiguous runs
    (one for "Quý I-III", two for "Quý I, Quý III"). ``numbers`` are the 1-based period
    indices counted from January of ``start.year`` (quarters 1–4, months 1–12, halves 1–2,
    years 1…; a range crossing into the next year continues past 4/12). A unit ``day``
    window (an explicit date range) has no ``numbers``. With ``needs_year`` the dates are
    None and ``periods`` empty, ``numbers`` still tell which periods were written.

    ``part`` narrows the period to its beginning, middle or end ("Đầu năm 2024" is the
    first quarter, "cuối quý II" the last month of the quarter, "giữa tháng 6" the days
    11–20): a year is read in quarters (đầu: I, giữa: II–III, cuối: IV), a quarter in
    months, a month in ten-day thirds (thượng, trung, hạ tuần). ``onward``: the text adds
    "và các năm tiếp theo" (or "Từ năm 2024" without an end): the window is the first
    part of something that goes on.
    """

    kind: ClassVar[Kind] = Kind.WINDOW
    start: dt.date | None
    end: dt.date | None
    unit: Unit
    label: str = field(compare=False)
    periods: tuple[tuple[dt.date, dt.date], ...] = ()
    numbers: tuple[int, ...] = ()
    needs_year: bool = False
    part: Part | None = None
    onward: bool = False


@dataclass(frozen=True)
class Deadline:
    """Done by a date (hạn chót): "trước ngày 15/3/2024", "Hoàn thành trong tháng 9/2024"."""

    kind: ClassVar[Kind] = Kind.DEADLINE
    date: dt.date | None
    label: str = field(compare=False)
    needs_year: bool = False


@dataclass(frozen=True)
class OnDate:
    """A single plain date (ngày): "Ngày 15/3/2024"."""

    kind: ClassVar[Kind] = Kind.DATE
    date: dt.date | None
    label: str = field(compare=False)
    needs_year: bool = False


@dataclass(frozen=True)
class Recurrence:
    """Periodic (định kỳ): "Định kỳ hằng quý", "Hàng tháng"; ``every`` is the smallest period.

    Where in each period, when the text says: ``weekday`` (0 = thứ Hai … 6 = Chủ nhật) of
    every week ("Thứ Sáu hằng tuần"); ``day`` and ``month`` of every year ("Ngày 9/11 hằng
    năm", "Tháng 9 hằng năm") or ``day`` of every month ("Trước ngày 20 hằng tháng");
    ``part`` of every period ("Cuối quý", "đầu mỗi tháng"). ``onward`` as for :class:`Window`.
    """

    kind: ClassVar[Kind] = Kind.RECURRENCE
    every: Unit
    label: str = field(compare=False)
    ad_hoc: bool = False
    year: int | None = None
    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    part: Part | None = None
    onward: bool = False


@dataclass(frozen=True)
class Event:
    """Triggered by an event (sự kiện): "Theo kế hoạch kiểm tra"; ``cue`` is the opening word."""

    kind: ClassVar[Kind] = Kind.EVENT
    text: str
    cue: str


@dataclass(frozen=True)
class InvalidDate:
    """A date that does not exist (ngày không tồn tại): "trước ngày 29/02/2023"."""

    kind: ClassVar[Kind] = Kind.INVALID_DATE
    text: str = field(compare=False)
    day: int
    month: int
    year: int | None
    reason: str


@dataclass(frozen=True)
class Phases:
    """Several rounds (đợt), each with its own time: "Đợt 1: Quý II/2024; Đợt 2: Quý IV/2024".

    ``phases`` are the times of the rounds in the order written (each one a
    :class:`Window`, :class:`Deadline`, :class:`OnDate`…), ``numbers`` the round numbers
    as written (1, 2…). A round without a year takes the one of the round before it.
    """

    kind: ClassVar[Kind] = Kind.PHASES
    phases: tuple["TimeExpr", ...]
    label: str = field(compare=False)
    numbers: tuple[int, ...] = ()

    @property
    def needs_year(self) -> bool:
        return any(getattr(p, "needs_year", False) for p in self.phases)


@dataclass(frozen=True)
class Unreadable:
    """A text that could not be read (không đọc được), with a Vietnamese ``reason``."""

    kind: ClassVar[Kind] = Kind.UNKNOWN
    text: str
    reason: str = field(compare=False)
    code: Code = Code.NO_MATCH

    @property
    def reversed(self) -> bool:
        """True for a range written backwards ("Quý IV - II/2023")."""
        return self.code is Code.REVERSED_RANGE


TimeExpr = Union[Continuous, Window, Deadline, OnDate, Recurrence, Event, Phases, InvalidDate, Unreadable]


# ---------------------------------------------------------------------------
# Word tables (keys are diacritic-free, lower-case)
# ---------------------------------------------------------------------------

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8,
         "ix": 9, "x": 10, "xi": 11, "xii": 12}

UNIT_WORDS = {"quy": Unit.QUARTER, "qui": Unit.QUARTER, "thang": Unit.MONTH}
MONTHS_PER = {Unit.MONTH: 1, Unit.QUARTER: 3, Unit.HALF: 6, Unit.YEAR: 12}
PER_YEAR = {u: 12 // n for u, n in MONTHS_PER.items()}

# Words that name a recurrence period: "hằng quý", "định kỳ tháng".
PERIOD_WORDS = {"ngay": Unit.DAY, "tuan": Unit.WEEK, "thang": Unit.MONTH, "quy": Unit.QUARTER,
                "qui": Unit.QUARTER, "nam": Unit.YEAR}
# "Định kỳ 6 tháng": months between reports. 9 months is a once-a-year report.
EVERY_N_MONTHS = {1: Unit.MONTH, 3: Unit.QUARTER, 6: Unit.HALF, 9: Unit.YEAR, 12: Unit.YEAR}
# "2 lần/năm": occurrences per year.
TIMES_PER_YEAR = {1: Unit.YEAR, 2: Unit.HALF, 4: Unit.QUARTER, 12: Unit.MONTH, 52: Unit.WEEK}
UNIT_ORDER = (Unit.DAY, Unit.WEEK, Unit.MONTH, Unit.QUARTER, Unit.HALF, Unit.YEAR)

# Event cues, longest first so "sau khi" wins over "sau"; value is the Vietnamese spelling.
EVENT_CUES = (
    ("ngay sau khi", "ngay sau khi"), ("ngay khi", "ngay khi"), ("ngay sau", "ngay sau"),
    ("sau khi", "sau khi"), ("truoc khi", "trước khi"), ("tuy theo", "tùy theo"),
    ("tuy thuoc", "tùy thuộc"), ("phu thuoc", "phụ thuộc"), ("can cu", "căn cứ"),
    ("bat cu khi", "bất cứ khi"), ("bat ky khi", "bất kỳ khi"), ("nhan dip", "nhân dịp"), ("vao dip", "vào dịp"), ("trong dip", "trong dịp"),
    ("cac dip", "các dịp"), ("dip", "dịp"), ("dot xuat", "đột xuất"), ("khi", "khi"),
    ("theo", "theo"), ("sau", "sau"),
)

EVERY_VI = {Unit.DAY: "hằng ngày", Unit.WEEK: "hằng tuần", Unit.MONTH: "hằng tháng",
            Unit.QUARTER: "hằng quý", Unit.HALF: "6 tháng một lần", Unit.YEAR: "hằng năm"}
UNIT_VI = {Unit.DAY: "ngày", Unit.WEEK: "tuần", Unit.MONTH: "tháng", Unit.QUARTER: "quý",
           Unit.HALF: "nửa năm", Unit.YEAR: "năm"}

MIN_YEAR, MAX_YEAR = 1900, 2100


# ---------------------------------------------------------------------------
# Text normalization
# ---------------------------------------------------------------------------

_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")
_DASHES = re.compile("[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d]")
# "Q1/2023", "Q.II" are shorthand for quý.
_Q_SHORT = re.compile(r"(?<![a-z])q\.?\s*(?=[0-9]|[ivx]+(?![a-z]))")
_EDGE_PUNCT = " .;,:-+•·*"


def _clean(raw: str) -> str:
    """The label: NFC, no markup (seed tables carry <p> and **bold**), single spaces.

    Idempotent, so re-parsing a result's label gives the same result.
    """
    s = unicodedata.normalize("NFC", raw)
    s = "".join(ch for ch in s if unicodedata.category(ch) != "Cf")  # zero-width, soft hyphen
    while (stripped := _HTML_TAG.sub(" ", s)) != s:  # "<p<b>>" hides a second tag
        s = stripped
    s = unicodedata.normalize("NFC", s.replace("*", " "))  # removals may join a base and a mark
    return " ".join(s.split()).strip(_EDGE_PUNCT)


def _key(label: str) -> str:
    """Diacritic-free lower-case form used for matching (hằng/hàng, Quý/Quí collapse)."""
    from tuyentruyen.vn.text import fold

    s = _DASHES.sub("-", fold(label))
    s = _Q_SHORT.sub("quy ", s)
    return " ".join(s.split()).strip(_EDGE_PUNCT)


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


class _Fail(Exception):
    """Internal: a definite reading error; carries the Unreadable code and reason."""

    def __init__(self, code: Code, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


def _year(text: str) -> int:
    """A written year: 2 digits mean 20xx; raise _Fail outside MIN_YEAR..MAX_YEAR."""
    if len(text) == 2:
        return 2000 + int(text)
    if len(text) == 4 and MIN_YEAR <= int(text) <= MAX_YEAR:
        return int(text)
    raise _Fail(Code.BAD_YEAR, f"năm không hợp lệ: {text}")


def _last_day(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _period(unit: Unit, base: int, index: int) -> tuple[dt.date, dt.date]:
    """First and last day of the index-th (1-based) period counted from January of base."""
    k = MONTHS_PER[unit]
    first = (index - 1) * k
    last = first + k - 1
    return (dt.date(base + first // 12, first % 12 + 1, 1),
            _last_day(base + last // 12, last % 12 + 1))


def _window(unit: Unit, base: int | None, numbers: set[int] | list[int], label: str) -> Window:
    nums = tuple(sorted(set(numbers)))
    if base is None:
        return Window(None, None, unit, label, (), nums, needs_year=True)
    runs: list[list[int]] = []
    for n in nums:  # group consecutive indices: "Quý I, II, IV" -> [1, 2], [4]
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    periods = tuple((_period(unit, base, r[0])[0], _period(unit, base, r[-1])[1]) for r in runs)
    return Window(periods[0][0], periods[-1][1], unit, label, periods, nums)


def _fmt(d: dt.date) -> str:
    return d.strftime("%d/%m/%Y")


# ---------------------------------------------------------------------------
# Dates: "15/3/2024", "15-3-24", "ngày 15 tháng 3 năm 2024", "15/3"
# ---------------------------------------------------------------------------


def _date_pattern(p: str) -> str:
    """A date regex whose groups are prefixed with p, so two can sit in one pattern."""
    return (rf"(?:ngay\s*)?(?:(?P<{p}d>[0-9]{{1,2}})\s*(?P<{p}s>[/.-])\s*(?P<{p}m>[0-9]{{1,2}})"
            rf"(?:\s*(?P={p}s)\s*(?P<{p}y>[0-9]{{1,4}}))?"
            rf"|(?P<{p}wd>[0-9]{{1,2}})\s+thang\s+(?P<{p}wm>[0-9]{{1,2}})"
            rf"(?:\s*,?\s*nam\s+(?P<{p}wy>[0-9]{{1,4}}))?)")


_DATE_RE = re.compile(rf"^(?:vao\s+)?{_date_pattern('a')}$")
_DATE_RANGE_RE = re.compile(
    rf"^(?:tu\s+)?{_date_pattern('a')}\s*(?:-|den)\s*(?:het\s+)?{_date_pattern('b')}$")



def _date_parts(m: re.Match[str], p: str) -> tuple[int, int, str | None] | None:
    """(day, month, year text) of the date with prefix p; None for a yearless d-m or d.m."""
    if m.group(f"{p}d") is not None:
        if m.group(f"{p}y") is None and m.group(f"{p}s") != "/":
            return None  # "1-2" or "3.5" alone is not a date anyone writes
        return int(m.group(f"{p}d")), int(m.group(f"{p}m")), m.group(f"{p}y")
    return int(m.group(f"{p}wd")), int(m.group(f"{p}wm")), m.group(f"{p}wy")


def _make_date(day: int, month: int, year_text: str | None, default: int | None,
               label: str) -> dt.date | InvalidDate | None:
    """The date, an InvalidDate, or None when the year is unknown and the date could exist.

    The reason of an InvalidDate is the one wording of tuyentruyen.vn.dates."""
    from tuyentruyen.vn.dates import impossible_message

    year = _year(year_text) if year_text is not None else default
    message = impossible_message(day, month, year)
    if message is not None:
        return InvalidDate(label, day, month, year, message)
    if year is None:
        return None
    return dt.date(year, month, day)


def _parse_on_date(key: str, year: int | None, label: str) -> TimeExpr | None:
    m = _DATE_RE.match(key)
    if not m or (parts := _date_parts(m, "a")) is None:
        return None
    d = _make_date(*parts, year, label)
    if isinstance(d, InvalidDate):
        return d
    return OnDate(d, label, needs_year=d is None)


def _parse_date_range(key: str, year: int | None, label: str) -> TimeExpr | None:
    """ "Từ ngày 01/3 đến ngày 15/3/2024": a unit-day window; the first date borrows the year."""
    m = _DATE_RANGE_RE.match(key)
    if not m:
        return None
    a, b = _date_parts(m, "a"), _date_parts(m, "b")
    if a is None or b is None:
        return None
    end = _make_date(*b, year, label)
    if isinstance(end, InvalidDate):
        return end
    start = _make_date(a[0], a[1], a[2] or b[2], year, label)
    if isinstance(start, InvalidDate):
        return start
    if start is None or end is None:
        return Window(None, None, Unit.DAY, label, (), (), needs_year=True)
    if end < start:
        raise _Fail(Code.REVERSED_RANGE,
                    f"khoảng thời gian bị đảo ngược: {_fmt(start)} đến {_fmt(end)}")
    return Window(start, end, Unit.DAY, label, ((start, end),))


# ---------------------------------------------------------------------------
# Continuous: "Thường xuyên", "Cả năm 2023", "Thường xuyên, liên tục trong năm 2024"
# ---------------------------------------------------------------------------

_CONT = r"(?:thuong\s+xuyen|lien\s+tuc|hang\s+ngay|(?:trong\s+)?(?:suot|ca|quanh)\s+nam)"
_CONT_RE = re.compile(
    rf"^{_CONT}(?:\s*(?:,|;|-|\s|\sva\s)\s*(?:{_CONT}|dot\s+xuat))*"
    r"(?:\s*,?\s*(?:trong\s+)?(?:(?:suot|ca)\s+)?nam(?:\s+(?P<y>[0-9]{2,4}))?"
    r"|\s*,?\s*(?P<y2>[0-9]{4}))?$")


def _parse_continuous(key: str, year: int | None, label: str) -> TimeExpr | None:
    m = _CONT_RE.match(key)
    if not m:
        return None
    y = m.group("y") or m.group("y2")
    return Continuous(label, _year(y) if y else None, ad_hoc="dot xuat" in key)


# ---------------------------------------------------------------------------
# Recurrence: "Định kỳ hằng quý", "Hàng tháng", "Định kỳ hàng quý, 6 tháng, năm"
# ---------------------------------------------------------------------------

_REC_PREFIX = re.compile(r"^dinh\s+k[yi](?![a-z])\s*:?\s*")
_REC_SPLIT = re.compile(r"\s*(?:,|;|\bva\b|\bhoac\b)\s*")
_REC_EVERY = re.compile(r"^(?:hang|moi)\s+(ngay|tuan|thang|qu[yi]|nam)$")
_REC_BARE = re.compile(r"^(ngay|tuan|thang|qu[yi]|nam)$")
_REC_MONTHS = re.compile(r"^(?:hang\s+|moi\s+)?0*([0-9]{1,2})\s+thang(\s*(?:/|mot|1)\s*lan)?$")
_REC_TIMES = re.compile(
    r"^0*([0-9]{1,2})\s+lan\s*(?:/|moi|mot|trong(?:\s+(?:mot|1))?)\s*(ngay|tuan|thang|qu[yi]|nam)$")
_REC_YEAR = re.compile(r"^(?P<rest>.*?)\s*,?\s*(?:trong\s+)?nam\s+(?P<y>[0-9]{2,4})$")


def _rec_item(item: str, prefixed: bool) -> Unit | None:
    """The period of one list item; None if the item is not a period."""
    if m := _REC_EVERY.match(item):
        return PERIOD_WORDS[m.group(1)]
    if prefixed and (m := _REC_BARE.match(item)):
        return PERIOD_WORDS[m.group(1)]
    if (m := _REC_MONTHS.match(item)) and (prefixed or m.group(2)):
        return EVERY_N_MONTHS.get(int(m.group(1)))  # bare "6 tháng" is a duration, not a period
    if m := _REC_TIMES.match(item):
        n, per = int(m.group(1)), PERIOD_WORDS[m.group(2)]
        if per is Unit.YEAR:
            return TIMES_PER_YEAR.get(n)
        return per if n == 1 else None
    if item == "nua nam" and prefixed:
        return Unit.HALF
    return None


def _rec_body(body: str, prefixed: bool) -> tuple[Unit, bool] | None:
    units: list[Unit] = []
    ad_hoc = False
    for item in _REC_SPLIT.split(body):
        if item == "dot xuat":
            ad_hoc = True
        elif (u := _rec_item(item, prefixed)) is not None:
            units.append(u)
        else:
            return None
    if not units:
        return None
    return min(units, key=UNIT_ORDER.index), ad_hoc


def _parse_recurrence(key: str, year: int | None, label: str) -> TimeExpr | None:
    m = _REC_PREFIX.match(key)
    prefixed = m is not None
    body = key[m.end():] if m else key
    if prefixed and not body:
        raise _Fail(Code.NO_PERIOD, "ghi “định kỳ” nhưng không rõ chu kỳ")
    found = _rec_body(body, prefixed)
    rec_year = None
    if found is None and (ym := _REC_YEAR.match(body)) and ym.group("rest"):
        found = _rec_body(ym.group("rest"), prefixed)
        rec_year = _year(ym.group("y")) if found else None
    if found is None:
        return None
    return Recurrence(found[0], label, ad_hoc=found[1], year=rec_year)


# ---------------------------------------------------------------------------
# Windows: years, halves, and lists/ranges of quarters or months
# ---------------------------------------------------------------------------

_YEAR_RE = re.compile(
    r"^(?P<pre>trong\s+|tu\s+)?(?:(?:nam|giai\s+doan)\s+(?P<y1>[0-9]{1,4})|(?P<b1>[0-9]{4}))"
    r"(?:\s*(?:-|den)\s*(?:nam\s+)?(?P<y2>[0-9]{1,4}))?$")
_HALF_RE = re.compile(
    r"^(?:trong\s+)?(?:0*(?P<n>[0-9]{1,2})\s+thang|nua)\s+(?P<pos>dau|cuoi)\s+nam"
    r"(?:\s*/?\s*(?P<y>[0-9]{1,4}))?$")


def _parse_year_window(key: str, year: int | None, label: str) -> TimeExpr | None:
    if key == "trong nam":  # "Trong năm": the plan's year
        return _window(Unit.YEAR, year, [1], label)
    m = _YEAR_RE.match(key)
    if not m:
        return None
    first = _year(m.group("y1") or m.group("b1"))
    last = _year(m.group("y2")) if m.group("y2") else first
    if last < first:
        raise _Fail(Code.REVERSED_RANGE, f"khoảng thời gian bị đảo ngược: năm {first} đến {last}")
    found = _window(Unit.YEAR, first, range(1, last - first + 2), label)
    if (m.group("pre") or "").startswith("tu") and not m.group("y2"):
        found = replace(found, onward=True)  # "Từ năm 2024": from then on
    return found


def _parse_half(key: str, year: int | None, label: str) -> TimeExpr | None:
    """ "N tháng đầu/cuối năm": 6 is a half, 3 a quarter, any other N a run of months."""
    m = _HALF_RE.match(key)
    if not m:
        return None
    n = int(m.group("n")) if m.group("n") else 6
    if not 1 <= n <= 11:
        return None
    y = _year(m.group("y")) if m.group("y") else year
    unit = {6: Unit.HALF, 3: Unit.QUARTER}.get(n, Unit.MONTH)
    count = n // MONTHS_PER[unit]
    per_year = PER_YEAR[unit]
    first = 1 if m.group("pos") == "dau" else per_year - count + 1
    nums = range(first, first + count)
    return _window(unit, y, nums, label)


_TOKEN_RE = re.compile(r"""
     (?P<unit>(?<![a-z])(?:qu[yi]|thang)(?![a-z]))
    |(?P<num>[0-9]+)
    |(?P<roman>(?<![a-z])[ivx]+(?![a-z]))
    |(?P<slash>/)
    |(?P<range>-|(?<![a-z])den(?![a-z]))
    |(?P<sep>[,;&+]|(?<![a-z])va(?![a-z]))
    |(?P<yearword>(?<![a-z])nam(?![a-z]))
    |(?P<filler>(?<![a-z])(?:tu|trong|vao|cac|het)(?![a-z]))
    |(?P<ws>\s+)
""", re.VERBOSE)


def _tokens(key: str) -> list[tuple[str, str]] | None:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(key):
        m = _TOKEN_RE.match(key, pos)
        if not m:
            return None
        if m.lastgroup not in ("ws", "filler"):
            out.append((m.lastgroup or "", m.group()))
        pos = m.end()
    return out


@dataclass
class _Item:
    unit: str | None  # the unit word as written, or None when inherited ("Quý II, III")
    number: str       # as written: "3", "iii"
    year: str | None = None


def _scan_items(toks: list[tuple[str, str]]) -> tuple[list[_Item], list[str]] | None:
    """Items and the joins between them ("range" or "sep"); None if the shape is not a list."""
    items: list[_Item] = []
    joins: list[str] = []
    i, n = 0, len(toks)
    expect_item = True
    while i < n:
        t, v = toks[i]
        if expect_item:
            unit = None
            if t == "unit":
                unit = v
                i += 1
                if i == n:
                    return None
                t, v = toks[i]
            if t not in ("num", "roman") or (unit is None and not items):
                return None
            if t == "num" and unit is None and len(v) == 4 and items[-1].year is None:
                items[-1].year = v  # "Quý I - 2023": a trailing year after a dash
                joins.pop()
            else:
                items.append(_Item(unit, v))
            expect_item = False
            i += 1
        elif t in ("slash", "yearword"):
            if i + 1 == n or toks[i + 1][0] != "num" or items[-1].year is not None:
                return None
            items[-1].year = toks[i + 1][1]
            i += 2
        elif t == "sep" and i + 1 < n and toks[i + 1][0] == "yearword":
            i += 1  # "Quý I, năm 2023"
        elif t in ("range", "sep"):
            joins.append(t)
            expect_item = True
            i += 1
        else:
            return None
    if expect_item:
        return None
    return items, joins


def _item_number(item: _Item, unit: Unit) -> int:
    raw = item.number
    if raw.isdigit():
        value = int(raw) if len(raw) <= 3 else 0
        shown = raw
    else:
        if raw not in ROMAN:
            raise _Fail(Code.BAD_NUMERAL, f"số La Mã không hợp lệ: {raw.upper()}")
        value, shown = ROMAN[raw], raw.upper()
    if unit is Unit.QUARTER and not 1 <= value <= 4:
        raise _Fail(Code.BAD_QUARTER, f"quý {shown} không tồn tại (chỉ có quý I đến IV)")
    if unit is Unit.MONTH and not 1 <= value <= 12:
        raise _Fail(Code.BAD_MONTH, f"tháng {shown} không tồn tại (chỉ có tháng 1 đến 12)")
    return value


def _parse_periods(key: str, year: int | None, label: str) -> TimeExpr | None:
    """Lists and ranges: "Quý I, Quý II/2023", "Quý III- IV/2023", "tháng 3, 4/2024"."""
    toks = _tokens(key)
    if not toks or toks[0][0] != "unit":
        return None
    scanned = _scan_items(toks)
    if scanned is None:
        return None
    items, joins = scanned
    unit = UNIT_WORDS[items[0].unit or ""]
    for it in items:
        if it.unit is not None and UNIT_WORDS[it.unit] is not unit:
            raise _Fail(Code.MIXED_UNITS, "trộn quý và tháng trong cùng một khoảng thời gian")
    numbers = [_item_number(it, unit) for it in items]
    # A year written once applies to the items before it ("Quý I, Quý II/2023"),
    # else to those after it ("Quý I/2023 - Quý II").
    years: list[int | None] = [None if it.year is None else _year(it.year) for it in items]
    for k in range(len(years)):
        if years[k] is None:
            later = [y for y in years[k + 1:] if y is not None]
            earlier = [y for y in years[:k] if y is not None]
            years[k] = later[0] if later else earlier[-1] if earlier else year
    base = min((y for y in years if y is not None), default=None)
    per = PER_YEAR[unit]
    index = [n if y is None or base is None else (y - base) * per + n
             for n, y in zip(numbers, years)]
    chosen: set[int] = set(index)
    for k, join in enumerate(joins):
        if join == "range":
            a, b = index[k], index[k + 1]
            if b < a:
                word = UNIT_VI[unit]
                raise _Fail(Code.REVERSED_RANGE,
                            f"khoảng thời gian bị đảo ngược: {word} {items[k].number.upper()} "
                            f"đến {word} {items[k + 1].number.upper()}")
            chosen.update(range(a, b + 1))
    return _window(unit, base, chosen, label)


# ---------------------------------------------------------------------------
# Deadlines: "trước ngày 15/3/2024", "Chậm nhất ngày …", "Hoàn thành trong tháng 9/2024"
# ---------------------------------------------------------------------------

_DEADLINE_CUE = re.compile(
    r"^(?:(?:phai\s+)?hoan\s+thanh|xong|thoi\s+han|han\s+chot|han|cham\s+nhat(?:\s+la)?"
    r"|khong\s+muon\s+hon|den\s+het|den(?=\s+ngay)|truoc)(?![a-z])\s*:?\s*")
_DEADLINE_FILLER = re.compile(r"^(?:la|vao|truoc|trong|het)(?![a-z])\s*")

def _parse_deadline(key: str, year: int | None, label: str) -> TimeExpr | None:
    m = _DEADLINE_CUE.match(key)
    if not m:
        return None
    strict = m.group().startswith("truoc")  # "trước tháng 6" ends before June starts
    rest = key[m.end():]
    while f := _DEADLINE_FILLER.match(rest):
        strict = strict or f.group().startswith("truoc")
        rest = rest[f.end():]
    if not rest:
        return None
    dm = _DATE_RE.match(rest)
    if dm and (parts := _date_parts(dm, "a")) is not None:
        d = _make_date(*parts, year, label)
        if isinstance(d, InvalidDate):
            return d
        return Deadline(d, label, needs_year=d is None)
    for parse in _WINDOW_PARSERS:
        w = parse(rest, year, label)
        if isinstance(w, Window):
            if w.needs_year or w.start is None or w.end is None:
                return Deadline(None, label, needs_year=True)
            return Deadline(w.start - dt.timedelta(days=1) if strict else w.end, label)
    return None


# ---------------------------------------------------------------------------
# Events: "Theo kế hoạch kiểm tra", "Sau khi Trung ương công bố", "Đột xuất"
# ---------------------------------------------------------------------------


def _parse_event(key: str, year: int | None, label: str) -> TimeExpr | None:
    for cue, vi in EVENT_CUES:
        if key.startswith(cue) and not key[len(cue):len(cue) + 1].isalnum():
            return Event(label, vi)
    return None


# ---------------------------------------------------------------------------
# Parts of a period: "Đầu năm 2024", "cuối quý II", "giữa tháng 6"; "Cuối quý" (each quarter)
# ---------------------------------------------------------------------------

_PART_WORDS = {"dau": Part.START, "giua": Part.MIDDLE, "cuoi": Part.END}
_PART_RE = re.compile(
    r"^(?:vao\s+|trong\s+|(?:nhung|cac)\s+(?:thang|ngay|tuan)\s+)?(?P<part>dau|giua|cuoi)\s+"
    r"(?:(?P<every>moi|hang|cac)\s+)?(?P<unit>nam|qu[yi]|thang)(?![a-z])(?P<rest>.*)$")
_PART_YEAR_REST = re.compile(r"^(?:\s*/?\s*(?P<y>[0-9]{2,4}))?$")
_PART_REST = re.compile(
    r"^(?:\s+(?P<num>[0-9]{1,2}|[ivx]+)(?![a-z0-9]))?(?:\s*(?:/|-|,?\s*nam)\s*(?P<y>[0-9]{2,4}))?$")
# the part of a year in quarters, of a quarter in its months, of a month in days (thượng/trung/hạ tuần)
_YEAR_PARTS = {Part.START: (1, 1), Part.MIDDLE: (2, 3), Part.END: (4, 4)}
_MONTH_DAYS = {Part.START: (1, 10), Part.MIDDLE: (11, 20), Part.END: (21, 31)}
_PART_VI = {Part.START: "đầu", Part.MIDDLE: "giữa", Part.END: "cuối"}


def _part_dates(part: Part, unit: Unit, year: int, n: int) -> tuple[dt.date, dt.date]:
    if unit is Unit.YEAR:
        a, b = _YEAR_PARTS[part]
        return _period(Unit.QUARTER, year, a)[0], _period(Unit.QUARTER, year, b)[1]
    if unit is Unit.QUARTER:
        month = 3 * (n - 1) + {Part.START: 1, Part.MIDDLE: 2, Part.END: 3}[part]
        return _period(Unit.MONTH, year, month)
    a, b = _MONTH_DAYS[part]
    last = _last_day(year, n)
    return dt.date(year, n, a), dt.date(year, n, min(b, last.day))


def _parse_part(key: str, year: int | None, label: str) -> TimeExpr | None:
    m = _PART_RE.match(key)
    if not m:
        return None
    part = _PART_WORDS[m.group("part")]
    unit = Unit.YEAR if m.group("unit") == "nam" else UNIT_WORDS[m.group("unit")]
    rest = m.group("rest")
    if unit is Unit.YEAR:
        r = _PART_YEAR_REST.match(rest)
        num = None
    else:
        r = _PART_REST.match(rest)
        num = r.group("num") if r else None
    if r is None:
        return None
    y = _year(r.group("y")) if r.group("y") else None
    if m.group("every") or (unit is not Unit.YEAR and num is None):
        # "Cuối quý", "đầu mỗi tháng": that part of every period
        return Recurrence(unit, label, year=y, part=part)
    n = 1 if unit is Unit.YEAR or num is None else _item_number(_Item(m.group("unit"), num), unit)
    base = y if y is not None else year
    if base is None:
        return Window(None, None, unit, label, (), (n,), needs_year=True, part=part)
    start, end = _part_dates(part, unit, base, n)
    return Window(start, end, unit, label, ((start, end),), (n,), part=part)


# ---------------------------------------------------------------------------
# A day of every week, month or year: "Thứ Sáu hằng tuần", "Ngày 9/11 hằng năm"
# ---------------------------------------------------------------------------

_WEEKDAY_WORDS = {"hai": 0, "2": 0, "ba": 1, "3": 1, "tu": 2, "4": 2, "nam": 3, "5": 3, "sau": 4, "6": 4,
                  "bay": 5, "7": 5}
_WEEKDAY = r"(?:thu\s+(?P<wd>hai|ba|tu|nam|sau|bay|[2-7])(?![a-z0-9])|(?P<sun>chu\s+nhat))"
_DAYTIME = r"(?:(?:vao|sang|chieu|toi|buoi\s+sang|buoi\s+chieu)\s+)*(?:(?:cac\s+)?ngay\s+)?"
_WEEKLY_RE = re.compile(rf"^{_DAYTIME}{_WEEKDAY}\s+(?:hang|moi|cua\s+moi|cac|trong)\s+tuan$")
_WEEKLY_FIRST_RE = re.compile(rf"^(?:hang|moi)\s+tuan\s*,?\s*{_DAYTIME}{_WEEKDAY}$")
_EVERY = r"(?:hang|moi)\s+(?P<per>nam|thang)"
_ON_DAY = (r"(?:vao\s+)?(?P<before>truoc\s+)?(?:ngay\s+)?(?P<d>[0-9]{1,2})"
           r"(?:\s*[/.-]\s*(?P<m>[0-9]{1,2})|\s+thang\s+(?P<wm>[0-9]{1,2}))?")
_DAY_EVERY_RE = re.compile(rf"^{_ON_DAY}\s*,?\s+{_EVERY}$")
_EVERY_DAY_RE = re.compile(rf"^{_EVERY}\s*,?\s+{_ON_DAY}$")
_MONTH_EVERY_RE = re.compile(r"^(?:vao\s+|trong\s+)?thang\s+(?P<m>[0-9]{1,2})\s*,?\s+(?:hang|moi)\s+nam$")


def _parse_every_day(key: str, year: int | None, label: str) -> TimeExpr | None:
    from tuyentruyen.vn.dates import impossible_message

    m = _WEEKLY_RE.match(key) or _WEEKLY_FIRST_RE.match(key)
    if m:
        weekday = 6 if m.group("sun") else _WEEKDAY_WORDS[m.group("wd")]
        return Recurrence(Unit.WEEK, label, weekday=weekday)
    if m := _MONTH_EVERY_RE.match(key):
        month = int(m.group("m"))
        if not 1 <= month <= 12:
            raise _Fail(Code.BAD_MONTH, f"tháng {month} không tồn tại (chỉ có tháng 1 đến 12)")
        return Recurrence(Unit.YEAR, label, month=month)
    m = _DAY_EVERY_RE.match(key) or _EVERY_DAY_RE.match(key)
    if not m:
        return None
    day = int(m.group("d"))
    month_text = m.group("m") or m.group("wm")
    per = Unit.YEAR if m.group("per") == "nam" else Unit.MONTH
    if per is Unit.YEAR:
        if month_text is None:
            return None  # "ngày 15 hằng năm": which month?
        month = int(month_text)
        message = impossible_message(day, month, None)
        if message is not None:
            return InvalidDate(label, day, month, None, message)
        return Recurrence(Unit.YEAR, label, day=day, month=month)
    if month_text is not None:
        return None  # "ngày 15/3 hằng tháng" says two things
    if not 1 <= day <= 31:
        return InvalidDate(label, day, 1, None, f"không có ngày {day} trong tháng")
    return Recurrence(Unit.MONTH, label, day=day)


# ---------------------------------------------------------------------------
# Rounds: "Đợt 1: Quý II/2024; Đợt 2: Quý IV/2024"
# ---------------------------------------------------------------------------

# on the label (NFC), with or without diacritics
_PHASE_LABEL = re.compile(r"(?i)(?<![^\W\d_])(?:đợt|dot|đợt thứ|lần|lan|giai\s+đoạn|giai\s+doan)\s*"
                          r"(?P<n>[0-9]{1,2}|[IVX]+)(?![^\W_])\s*(?::|-|\)|\.(?!\d))?\s*")
_PHASE_KEY = re.compile(r"^(?:dot|lan|giai\s+doan)\s*(?:[0-9]{1,2}|[ivx]+)(?![a-z0-9])")


def _parse_phases(key: str, year: int | None, label: str) -> TimeExpr | None:
    if not _PHASE_KEY.match(key):
        return None
    marks = list(_PHASE_LABEL.finditer(label))
    if not marks or marks[0].start() != 0:
        return None
    phases: list[TimeExpr] = []
    numbers: list[int] = []
    known = year
    for i, m in enumerate(marks):
        text = label[m.end(): marks[i + 1].start() if i + 1 < len(marks) else len(label)]
        n_text = m.group("n")
        n = int(n_text) if n_text.isdigit() else ROMAN.get(n_text.lower(), 0)
        got = parse_time(text, known)
        if isinstance(got, InvalidDate):
            return got
        if isinstance(got, Unreadable):
            if got.code is Code.EMPTY:
                raise _Fail(Code.NO_MATCH, f"đợt {n_text} chưa ghi thời gian")
            raise _Fail(got.code, f"đợt {n_text}: {got.reason}")
        phases.append(got)
        numbers.append(n)
        known = _year_of(got) or known
    return Phases(tuple(phases), label, tuple(numbers))


# ---------------------------------------------------------------------------
# What is not a time: a question ("Khi nào xong"); a leading verb; "và các năm tiếp theo"
# ---------------------------------------------------------------------------

_QUESTION = re.compile(r"(?<![a-z])(?<!bat ky )(?<!bat cu )(?:khi\s+nao|bao\s+gio|luc\s+nao|ngay\s+nao"
                       r"|thang\s+nao|quy\s+nao)(?![a-z])|\?")
# "Thực hiện trong quý II", "Triển khai thực hiện thường xuyên": the verb adds nothing to the time
_VERB = re.compile(r"^(?:thuc\s+hien|trien\s+khai|to\s+chuc|tien\s+hanh|duy\s+tri)"
                   r"(?:\s+(?:thuc\s+hien|trien\s+khai))?(?![a-z])\s*:?\s*")
_ONWARD = re.compile(r"\s*,?\s*(?:va|den|cho\s+den)\s+(?:cac|nhung)\s+nam\s+(?:tiep\s+theo|ke\s+tiep|tiep|sau)$")


_WINDOW_PARSERS = (_parse_year_window, _parse_half, _parse_part, _parse_periods)

# Order matters: "Hằng ngày" is continuous before it is a recurrence; deadlines before
# events so "Trước ngày 15/3" is a deadline while "Trước khi …" falls through to an event.
_PARSERS = (_parse_phases, _parse_continuous, _parse_every_day, _parse_recurrence, _parse_deadline,
            _parse_date_range, _parse_on_date, *_WINDOW_PARSERS, _parse_event)


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def parse_time(text: object, year: int | None = None) -> TimeExpr:
    """Read a "thời gian thực hiện" text; ``year`` is the plan's year, used when none is written.

    Never raises. A ``datetime.date`` (what YAML makes of 2024-03-15) is an :class:`OnDate`;
    None is empty; other non-strings (a YAML int 2023) are read as their ``str``. A ``year``
    outside 1900–2100 is ignored.
    """
    if isinstance(text, dt.datetime):
        text = text.date()
    if isinstance(text, dt.date):
        return OnDate(text, _fmt(text))
    if text is None:
        text = ""
    if not isinstance(text, str):
        text = str(text)
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        year = None
    label = ""
    try:
        label = _clean(text)
        key = _key(label)
        if not key:
            return Unreadable(label, "để trống thời gian thực hiện", Code.EMPTY)
        if _QUESTION.search(key):
            return Unreadable(label, "đây là một câu hỏi, chưa phải thời gian thực hiện", Code.QUESTION)
        return _parse_key(key, year, label)
    except _Fail as fail:
        return Unreadable(label, fail.reason, fail.code)
    except Exception as exc:  # noqa: BLE001 - a linter must not crash on one cell
        return Unreadable(label, f"lỗi nội bộ khi đọc thời gian: {exc!r}", Code.INTERNAL)


def _parse_key(key: str, year: int | None, label: str) -> TimeExpr:
    result = _first(key, year, label)
    if result is not None:
        return result
    onward = _ONWARD.search(key)
    if onward and onward.start() > 0:
        head = _first(key[:onward.start()], year, label)
        if isinstance(head, (Window, Continuous, Recurrence)):
            return replace(head, onward=True)
        if head is not None:
            return head
    verb = _VERB.match(key)
    if verb and verb.end() < len(key):
        return _parse_key(key[verb.end():], year, label)
    return Unreadable(label, "không nhận ra cách ghi thời gian", Code.NO_MATCH)


def _first(key: str, year: int | None, label: str) -> TimeExpr | None:
    for parse in _PARSERS:
        result = parse(key, year, label)
        if result is not None:
            return result
    return None


def resolve(expr: TimeExpr, year: int) -> TimeExpr:
    """Fill in the year of a result that ``needs_year``; other results are returned as is."""
    if getattr(expr, "needs_year", False):
        return parse_time(expr.label, year)  # type: ignore[union-attr]
    return expr


def describe(expr: TimeExpr) -> str:
    """A short Vietnamese description: "từ 01/01/2023 đến 30/06/2023", "hạn chót 15/03/2024"."""
    onward = " và các năm tiếp theo" if getattr(expr, "onward", False) else ""
    match expr:
        case Continuous():
            out = "thường xuyên"
            if expr.year is not None:
                out += f" trong năm {expr.year}"
            return out + (", kể cả đột xuất" if expr.ad_hoc else "") + onward
        case Phases():
            return "; ".join(f"đợt {n or i + 1}: {describe(p)}"
                             for i, (n, p) in enumerate(zip(expr.numbers, expr.phases)))
        case Window(needs_year=True) | Deadline(needs_year=True) | OnDate(needs_year=True):
            return f"{expr.label} (chưa rõ năm)"
        case Window(part=part) if part is not None and expr.start is not None and expr.end is not None:
            what = {Unit.YEAR: f"năm {expr.start.year}", Unit.QUARTER: f"quý {_roman(expr.numbers[0])}/{expr.start.year}",
                    Unit.MONTH: f"tháng {expr.start.month}/{expr.start.year}"}.get(expr.unit, "")
            return f"{_PART_VI[part]} {what} (từ {_fmt(expr.start)} đến {_fmt(expr.end)}){onward}"
        case Window():
            return " và ".join(f"từ {_fmt(a)} đến {_fmt(b)}" for a, b in expr.periods) + onward
        case Deadline(date=d) if d is not None:
            return f"hạn chót {_fmt(d)}"
        case OnDate(date=d) if d is not None:
            return f"ngày {_fmt(d)}"
        case Recurrence():
            out = f"định kỳ {EVERY_VI[expr.every]}"
            if expr.weekday is not None:
                from tuyentruyen.vn.dates import WEEKDAYS

                out += f", vào {WEEKDAYS[expr.weekday]}"
            elif expr.day is not None and expr.month is not None:
                out += f", vào ngày {expr.day:02d}/{expr.month:02d}"
            elif expr.month is not None:
                out += f", vào tháng {expr.month}"
            elif expr.day is not None:
                out += f", vào ngày {expr.day}"
            elif expr.part is not None:
                out += f", vào {_PART_VI[expr.part]} {UNIT_VI[expr.every]}"
            if expr.year is not None:
                out += f" trong năm {expr.year}"
            return out + (" và đột xuất" if expr.ad_hoc else "") + onward
        case Event():
            return expr.text[:1].lower() + expr.text[1:]  # the cue already says it: "theo …"
        case InvalidDate():
            return expr.reason
        case Unreadable():
            return f"không đọc được: {expr.reason}"
    return str(expr)


def _roman(n: int) -> str:
    from tuyentruyen.vn.numerals import roman

    return roman(n)


def _year_of(expr: TimeExpr) -> int | None:
    if isinstance(expr, Phases):
        return next((y for y in map(_year_of, reversed(expr.phases)) if y is not None), None)
    if isinstance(expr, (Continuous, Recurrence)):
        return expr.year
    if isinstance(expr, Window) and expr.start is not None:
        return expr.start.year
    if isinstance(expr, (Deadline, OnDate)) and expr.date is not None:
        return expr.date.year
    return None


def _amount(months: int, unit: Unit) -> str:
    """ "1 quý", "2 tháng", "1 năm": in the windows' own unit when it divides evenly."""
    months = abs(months)
    if unit is Unit.QUARTER and months % 3 == 0:
        return f"{months // 3} quý"
    if unit is Unit.YEAR and months % 12 == 0:
        return f"{months // 12} năm"
    return f"{months} tháng"


def _shift(delta: int, fmt: Callable[[int], str]) -> str:
    return f"muộn hơn {fmt(delta)}" if delta > 0 else f"sớm hơn {fmt(delta)}"


def compare_windows(a: TimeExpr, b: TimeExpr) -> str | None:
    """How ``b`` moved relative to ``a``, in Vietnamese; None when they mean the same time.

    "muộn hơn 1 quý", "sớm hơn 2 tháng", "kết thúc muộn hơn 1 quý", "hạn chót lùi 15 ngày";
    between different kinds: "đổi từ “thường xuyên” sang “hạn chót 15/03/2024”". A side
    without a year borrows the other side's year (2000, a leap year, if neither has one).
    """
    if getattr(a, "needs_year", False) or getattr(b, "needs_year", False):
        y = _year_of(a) or _year_of(b) or 2000
        a, b = resolve(a, y), resolve(b, y)
    if a == b:
        return None
    changed = f"đổi từ “{describe(a)}” sang “{describe(b)}”"
    if isinstance(a, Deadline) and isinstance(b, Deadline) and a.date and b.date:
        days = (b.date - a.date).days
        return f"hạn chót lùi {days} ngày" if days > 0 else f"hạn chót sớm hơn {-days} ngày"
    if isinstance(a, OnDate) and isinstance(b, OnDate) and a.date and b.date:
        return _shift((b.date - a.date).days, lambda d: f"{abs(d)} ngày")
    if not (isinstance(a, Window) and isinstance(b, Window)) or None in (a.start, b.start):
        return changed
    assert a.start and a.end and b.start and b.end
    if Unit.DAY in (a.unit, b.unit):
        ds, de = (b.start - a.start).days, (b.end - a.end).days

        def fmt(d: int) -> str:
            return f"{abs(d)} ngày"
    else:
        ds = (b.start.year - a.start.year) * 12 + b.start.month - a.start.month
        de = (b.end.year - a.end.year) * 12 + b.end.month - a.end.month
        unit = a.unit if a.unit == b.unit else Unit.MONTH

        def fmt(d: int) -> str:
            return _amount(d, unit)
    if ds == de == 0:
        return changed  # same span, different pieces ("Quý I, III" vs "Quý I-III")
    if ds == de:
        return _shift(ds, fmt)
    if ds == 0:
        return f"kết thúc {_shift(de, fmt)}"
    if de == 0:
        return f"bắt đầu {_shift(ds, fmt)}"
    return f"bắt đầu {_shift(ds, fmt)}, kết thúc {_shift(de, fmt)}"
