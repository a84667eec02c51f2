"""Thời gian thực hiện nằm ngoài năm của kế hoạch.

## Quy tắc này làm gì

So năm của mỗi thời hạn với năm kế hoạch (`plan.year`): báo khi hạn chót, ngày, hay khoảng
thời gian ("Quý I/2023", "Năm 2023", "Thường xuyên trong năm 2023") không nằm trọn trong năm
mà kế hoạch thực hiện. Các cách ghi không có năm ("Thường xuyên", "Quý II") được hiểu là
năm của kế hoạch và không bị báo.

## Vì sao quan trọng

Kế hoạch năm nào giao việc của năm đó. Thời gian của năm khác gần như luôn là dấu vết của
việc chép kế hoạch năm trước: Kế hoạch năm 2024 của huyện Xuân Lộc giao việc "trước ngày
29/02/2023". Khi một việc cố ý kéo sang năm sau (báo cáo tổng kết đầu năm sau), ghi
`# tt: ignore[TT-D003]` ở cuối dòng kèm lý do.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Quý I/2025
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Quý IV/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import time_years

CODE = "TT-D003"
TITLE = "Thời gian ngoài năm kế hoạch"
SEVERITY = "error"


def check(ctx):
    year = ctx.year
    for due in ctx.dues():
        if not due.text:
            continue
        span = time_years(ctx.time(due.text))
        if span is None or span == (year, year):
            continue
        first, last = span
        years = f"năm {first}" if first == last else f"các năm {first}–{last}"
        if last < year:
            hint = f"Có lẽ chép từ kế hoạch năm trước: sửa năm thành {year}."
        elif first > year:
            hint = f"Việc của năm {first} thuộc kế hoạch năm {first}; nếu cố ý, thêm `# tt: ignore[{CODE}]` và lý do."
        else:
            hint = (f"Thu hẹp thời gian trong năm {year}, hoặc nếu việc cố ý kéo dài sang năm khác, "
                    f"thêm `# tt: ignore[{CODE}]` và lý do.")
        yield ctx.report(due.path, f"Thời gian “{due.text}” thuộc {years}, ngoài năm kế hoạch {year}.", hint)
