"""Ngày hoàn thành trước ngày ban hành kế hoạch hoặc ngoài thời gian của kế hoạch.

## Quy tắc này làm gì

Báo ngày hoàn thành (`done_on`) của một nhiệm vụ sớm hơn ngày ký kế hoạch, hoặc nằm ngoài năm
(giai đoạn) mà kế hoạch thực hiện: thường là gõ nhầm năm ("25/06/2023" trong tiến độ của kế
hoạch năm 2024) hoặc chép từ tệp tiến độ của năm trước.

## Vì sao quan trọng

Việc làm xong trước khi kế hoạch được ký thì không phải kết quả thực hiện kế hoạch; ngày sai năm
làm bảng kết quả và các thống kê theo quý sai theo.

## Ví dụ sai

```yaml
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2023
    evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024]
```

## Nên viết

```yaml
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024]
```
"""

from __future__ import annotations

CODE = "TT-P005"
TITLE = "Ngày hoàn thành ngoài thời gian kế hoạch"
SEVERITY = "warning"
SUBJECT = "progress"


def check(ctx):
    from tuyentruyen.vn.dates import fmt_date

    first, last = ctx.plan.years
    signed = ctx.plan.document.date
    for key, entry, path in ctx.entries():
        done = entry.done_on
        if done is None:
            continue
        if signed is not None and done < signed:
            yield ctx.report(path + ("done_on",), f"Nhiệm vụ '{key}' hoàn thành ngày {fmt_date(done)}, trước ngày ký "
                             f"kế hoạch ({fmt_date(signed)}).", "Kiểm tra lại ngày hoàn thành (thường là gõ nhầm năm).")
        elif not first <= done.year <= last:
            span = str(first) if first == last else f"{first}–{last}"
            yield ctx.report(path + ("done_on",), f"Nhiệm vụ '{key}' hoàn thành ngày {fmt_date(done)}, ngoài thời gian "
                             f"của kế hoạch ({span}).", "Kiểm tra lại năm của ngày hoàn thành.")
