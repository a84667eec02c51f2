"""Văn bản được viện dẫn có ngày ban hành sau ngày ký kế hoạch.

## Quy tắc này làm gì

So ngày của mọi văn bản được viện dẫn (căn cứ, văn bản được thực hiện, văn bản nêu trong nội
dung) với ngày ký kế hoạch (`document.date`), và năm trong ký hiệu của văn bản quy phạm
("30/2025/NĐ-CP") với năm ký: báo văn bản "được ban hành" sau kế hoạch. Bản dự thảo chưa có
ngày ký thì quy tắc không chạy.

## Vì sao quan trọng

Một kế hoạch không thể căn cứ vào văn bản chưa ra đời: ngày (hoặc số) của văn bản được viện dẫn
đã bị ghi nhầm, thường là nhầm năm.

## Ví dụ sai

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
      date: 28/12/2024
      issuer: UBND tỉnh
      subject: cải cách hành chính năm 2024
```

## Nên viết

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
      date: 28/12/2023
      issuer: UBND tỉnh
      subject: cải cách hành chính năm 2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import fmt_date
from tuyentruyen.rules.refs import cited

CODE = "TT-C004"
TITLE = "Văn bản được viện dẫn ban hành sau kế hoạch"
SEVERITY = "error"


def check(ctx):
    if ctx.date is None:
        return
    signed = fmt_date(ctx.date)
    for c in cited(ctx):
        name = f"{c.type_name + ' ' if c.type_name else ''}{c.symbol_key or ''}".strip() or "Văn bản được viện dẫn"
        if c.date is not None and c.date > ctx.date:
            path, at = c.date_at()
            yield ctx.report(path, f"{name} được ghi ngày {fmt_date(c.date)}, sau ngày ký kế hoạch ({signed}).",
                             "Kiểm tra lại ngày (thường là nhầm năm) theo văn bản gốc.", **at)
        elif c.date is None and getattr(c.number, "year", None) and c.number.year > ctx.date.year:
            yield ctx.report(c.symbol_path(), f"{name} mang năm {c.number.year} trong ký hiệu, sau năm ký kế hoạch "
                             f"({ctx.date.year}).", "Kiểm tra lại số, ký hiệu theo văn bản gốc.", **c.symbol_at())
