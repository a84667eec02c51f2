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

from tuyentruyen.rules.common import date_span, time_parts
from tuyentruyen.vn.dates import WEEKDAYS, fmt_date

CODE = "TT-D008"
TITLE = "Hạn chót vào ngày nghỉ"
SEVERITY = "warning"


def check(ctx):
    candidates = []
    for due in ctx.dues():
        if not due.text:
            continue
        for t in time_parts(ctx.time(due.text)):
            if str(t.kind) in ("deadline", "date") and t.date is not None and date_span(due.text):
                candidates.append((due, t.date))
    if not candidates:
        return
    years = sorted({d.year for _, d in candidates})
    calendar = ctx.calendar(years[0], years[-1])
    for due, d in candidates:
        why = calendar.why_off(d)
        if why is None:
            continue
        before = calendar.previous_working_day(d)
        span = _span_of(due.text, d)
        yield ctx.report(due.path, f"Hạn chót {fmt_date(d)} của “{due.text}” rơi vào {why}.",
                         f"Chọn một ngày làm việc, ví dụ ngày làm việc liền trước: {WEEKDAYS[before.weekday()]} "
                         f"{fmt_date(before)}.", start=span[0], end=span[1])


def _span_of(text: str, day) -> tuple[int, int]:
    """Where the date day is written in text (the first date, when it cannot be told)."""
    import re

    from tuyentruyen.vn.dates import parse_vn_date

    for m in re.finditer(r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{2,4}",
                         text, re.IGNORECASE):
        if parse_vn_date(m.group(0)) == day:
            return m.span()
    return date_span(text)  # type: ignore[return-value]
