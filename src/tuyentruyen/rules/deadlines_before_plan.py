"""Thời hạn sớm hơn ngày ban hành kế hoạch.

## Quy tắc này làm gì

So thời hạn của mỗi nhiệm vụ, ý, nhiệm vụ đơn vị với ngày ký văn bản (`document.date`):
báo khi hạn chót, ngày thực hiện hay điểm cuối của khoảng thời gian đã qua trước khi kế
hoạch được ký. Bản dự thảo chưa có ngày ký thì quy tắc không chạy.

## Vì sao quan trọng

Một việc phải xong trước khi kế hoạch giao việc ra đời thì không ai làm được. Lỗi này
thường do chép kế hoạch năm trước mà quên sửa năm: Kế hoạch 61/KH-UBND ký ngày 22/02/2024
giao việc "trước ngày 29/02/2023".

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: cap-kinh-phi
      content: Cấp kinh phí tổ chức tuyên truyền cải cách hành chính
      lead: Sở Tài chính
      due: trước ngày 10/01/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: cap-kinh-phi
      content: Cấp kinh phí tổ chức tuyên truyền cải cách hành chính
      lead: Sở Tài chính
      due: trước ngày 29/02/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import date_span, fmt_date, time_end

CODE = "TT-D002"
TITLE = "Thời hạn sớm hơn ngày ban hành kế hoạch"
SEVERITY = "error"


def check(ctx):
    if ctx.date is None:
        return
    signed = (ctx.date.year, ctx.date.month, ctx.date.day)
    for due in ctx.dues():
        if not due.text:
            continue
        t = ctx.time(due.text)
        end = time_end(t)
        if end is None or end >= signed:
            continue
        shown = f"{end[2]:02d}/{end[1]:02d}/{end[0]}"
        what = "kết thúc ngày" if str(t.kind) == "window" else "là ngày"
        span = date_span(due.text)
        yield ctx.report(
            due.path,
            f"Thời hạn “{due.text}” {what} {shown}, sớm hơn ngày ban hành kế hoạch ({fmt_date(ctx.date)}).",
            f"Kiểm tra lại năm của thời hạn (kế hoạch năm {ctx.year}); thời hạn phải sau ngày ký "
            f"{fmt_date(ctx.date)}.",
            start=span[0] if span else None, end=span[1] if span else None)
