"""Hạn chót rơi vào thứ Bảy, Chủ nhật hoặc ngày nghỉ lễ, Tết.

## Quy tắc này làm gì

Với thời hạn ghi đúng một ngày ("trước ngày 15/3/2024", "Ngày 02/9/2024"), báo khi ngày đó là
thứ Bảy, Chủ nhật, hoặc ngày nghỉ lễ, Tết của Việt Nam (Tết Dương lịch, Tết Nguyên đán, Giỗ
Tổ Hùng Vương, 30/4, 1/5, Quốc khánh, kể cả ngày nghỉ bù). Danh sách ngày lễ lấy từ thư viện
`holidays` (được duy trì, tính cả lịch âm cho Tết); kho kế hoạch có thể thêm ngày nghỉ riêng
và ngày làm bù trong tệp khai báo ở `lint.holidays` của tt.toml (xem docs/config.md). Thời hạn
suy ra từ cả một tháng hay một quý ("Tháng 6/2024") không bị báo.

## Vì sao quan trọng

Hạn nộp vào ngày nghỉ thì thực tế là hạn của ngày làm việc trước đó (hoặc sau đó): đơn vị
hiểu mỗi nơi một kiểu. Ghi rõ một ngày làm việc để mọi đơn vị cùng hiểu một hạn.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: bao-cao-quy-1
      content: Báo cáo kết quả tuyên truyền quý I
      lead: Các sở, ban, ngành
      due: trước ngày 16/3/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: bao-cao-quy-1
      content: Báo cáo kết quả tuyên truyền quý I
      lead: Các sở, ban, ngành
      due: trước ngày 15/3/2024
```

## Căn cứ

Ngày nghỉ lễ, Tết: Bộ luật Lao động số 45/2019/QH14, Điều 112. Ngày nghỉ hằng tuần của cơ
quan hành chính (thứ Bảy, Chủ nhật): Quyết định số 188/1999/QĐ-TTg ngày 17/9/1999 của Thủ
tướng Chính phủ về chế độ tuần làm việc 40 giờ.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

from tuyentruyen.rules.common import WEEKDAYS, date_span, fmt_date

CODE = "TT-D008"
TITLE = "Hạn chót vào ngày nghỉ"
SEVERITY = "warning"


def check(ctx):
    candidates = []
    for due in ctx.dues():
        if not due.text:
            continue
        t = ctx.time(due.text)
        if str(t.kind) in ("deadline", "date") and t.date is not None and date_span(due.text):
            candidates.append((due, t.date))
    if not candidates:
        return
    years = tuple(sorted({d.year for _, d in candidates}))
    days_off, workdays = _calendar(years, tuple(ctx.config.holidays))
    for due, d in candidates:
        why = _why_off(d, days_off, workdays)
        if why is None:
            continue
        before = d - dt.timedelta(days=1)
        while _why_off(before, days_off, workdays) is not None:
            before -= dt.timedelta(days=1)
        span = date_span(due.text)
        yield ctx.report(due.path, f"Hạn chót {fmt_date(d)} của “{due.text}” rơi vào {why}.",
                         f"Chọn một ngày làm việc, ví dụ ngày làm việc liền trước: {WEEKDAYS[before.weekday()]} "
                         f"{fmt_date(before)}.", start=span[0], end=span[1])


def _why_off(d: dt.date, days_off: dict, workdays: frozenset) -> str | None:
    if d in workdays:
        return None
    if d in days_off:
        return f"ngày nghỉ {days_off[d]} ({WEEKDAYS[d.weekday()]})"
    if d.weekday() >= 5:
        return WEEKDAYS[d.weekday()]
    return None


def library_days_off(first: int, last: int) -> dict[dt.date, str]:
    """Vietnam's public holidays of the years first..last, from the `holidays` library.

    Cached on disk per installed version of the library (tuyentruyen.project.cache): building
    the calendar costs ~0.15 s, more than the rest of `tt validate` on a typical plan.
    """
    from tuyentruyen.project.cache import cached_json

    def compute() -> dict[str, str]:
        import holidays

        cal = holidays.country_holidays("VN", years=range(first, last + 1), language="vi")
        return {d.isoformat(): name for d, name in sorted(cal.items())}

    raw = cached_json(f"holidays-VN-{first}-{last}", "holidays", compute)
    return {dt.date.fromisoformat(d): name for d, name in raw.items()}


@functools.lru_cache(maxsize=16)
def _calendar(years: tuple[int, ...], extra: tuple[Path, ...]) -> tuple[dict, frozenset]:
    days: dict[dt.date, str] = library_days_off(min(years) - 1, max(years) + 1)
    work: set[dt.date] = set()
    for path in extra:
        more, w = load_days_off(path)
        days.update(more)
        work |= w
    return days, frozenset(work)


def load_days_off(path: Path) -> tuple[dict[dt.date, str], set[dt.date]]:
    """A repository's extra days off (`days`) and make-up working days (`workdays`); see docs/config.md."""
    import yaml

    from tuyentruyen.vn.citations import DateError, parse_vn_date
    from tuyentruyen.project.config import ConfigError

    try:
        raw = yaml.safe_load(Path(path).read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(Path(path), f"Không đọc được tệp ngày nghỉ {path}: {exc}.",
                          "Tệp YAML có hai khóa `days` (ngày nghỉ) và `workdays` (ngày làm bù).") from None
    if not isinstance(raw, dict):
        raise ConfigError(Path(path), f"Tệp ngày nghỉ {path} phải có các khóa `days` và/hoặc `workdays`.", None)

    def read(items, key: str) -> list[tuple[dt.date, str]]:
        out = []
        for item in items or []:
            text, name = (item.get("date"), item.get("name") or "riêng của địa phương") if isinstance(item, dict) \
                else (item, "riêng của địa phương")
            d = text if isinstance(text, dt.date) else parse_vn_date(str(text))
            if isinstance(d, DateError):
                raise ConfigError(Path(path), f"Tệp ngày nghỉ {path}, mục `{key}`: {d.reason}", None)
            out.append((d, str(name)))
        return out

    days = dict(read(raw.get("days"), "days"))
    work = {d for d, _ in read(raw.get("workdays"), "workdays")}
    return days, work
