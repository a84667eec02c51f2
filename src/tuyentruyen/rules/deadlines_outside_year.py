"""Thời gian thực hiện nằm ngoài năm (hoặc giai đoạn) của kế hoạch.

## Quy tắc này làm gì

So năm của mỗi thời hạn với năm kế hoạch (`plan.year`) hoặc, với kế hoạch nhiều năm, với giai
đoạn của nó (`plan.period`, ví dụ 2026–2030): báo khi hạn chót, ngày, hay khoảng thời gian
("Quý I/2023", "Năm 2023", "Thường xuyên trong năm 2023") không nằm trọn trong năm hay giai
đoạn mà kế hoạch thực hiện. Các cách ghi không có năm ("Thường xuyên", "Quý II") được hiểu là
năm của kế hoạch (`plan.year`) và không bị báo.

## Vì sao quan trọng

Kế hoạch năm nào giao việc của năm đó. Thời gian của năm khác gần như luôn là dấu vết của
việc chép kế hoạch năm trước: Kế hoạch năm 2024 của huyện Xuân Lộc giao việc "trước ngày
29/02/2023". Kế hoạch giai đoạn (chuyển đổi số, chính quyền số 2026–2030) giao việc cho
nhiều năm: ghi `period` thì mọi năm trong giai đoạn đều đúng, năm ngoài giai đoạn vẫn bị báo.
Khi một việc cố ý kéo sang năm sau (báo cáo tổng kết đầu năm sau), ghi
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

Kế hoạch nhiều năm ghi giai đoạn, và các thời hạn nằm trong giai đoạn:

```yaml
document:
  title: Chuyển đổi số tỉnh Hà Giang giai đoạn 2024-2026
plan:
  period: {first: 2024, last: 2026}
appendix:
  title: CÁC NHIỆM VỤ CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2024-2026
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn kỹ năng số cho cán bộ, công chức
      lead: Sở Nội vụ
      due: Quý II/2026
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import time_years

CODE = "TT-D003"
TITLE = "Thời gian ngoài năm (giai đoạn) kế hoạch"
SEVERITY = "error"


def check(ctx):
    year = ctx.year
    period = ctx.plan.plan.period
    first_ok, last_ok = (period.first, period.last) if period is not None else (year, year)
    if period is not None:
        where = f"giai đoạn {first_ok}–{last_ok} của kế hoạch"
    else:
        where = f"năm kế hoạch {year}"
    for due in ctx.dues():
        if not due.text:
            continue
        span = time_years(ctx.time(due.text))
        if span is None or first_ok <= span[0] <= span[1] <= last_ok:
            continue
        first, last = span
        years = f"năm {first}" if first == last else f"các năm {first}–{last}"
        if period is not None:
            hint = (f"Sửa năm cho nằm trong giai đoạn {first_ok}–{last_ok}, hoặc mở rộng `period` nếu kế hoạch "
                    f"thật sự kéo dài; nếu cố ý, thêm `# tt: ignore[{CODE}]` và lý do.")
        elif last < year:
            hint = f"Có lẽ chép từ kế hoạch năm trước: sửa năm thành {year}."
        elif first > year:
            hint = (f"Việc của năm {first} thuộc kế hoạch năm {first}; kế hoạch nhiều năm thì ghi giai đoạn "
                    f"(`period: {{first: {year}, last: {last}}}`); nếu cố ý, thêm `# tt: ignore[{CODE}]` và lý do.")
        else:
            hint = (f"Thu hẹp thời gian trong năm {year}, hoặc nếu việc cố ý kéo dài sang năm khác, "
                    f"thêm `# tt: ignore[{CODE}]` và lý do.")
        yield ctx.report(due.path, f"Thời gian “{due.text}” thuộc {years}, ngoài {where}.", hint)
