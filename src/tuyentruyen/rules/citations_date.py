"""Văn bản được viện dẫn có ngày ban hành không có thật.

## Quy tắc này làm gì

Đọc ngày của mọi văn bản được viện dẫn trong nội dung ("Nghị quyết số 76/NQ-CP ngày 15/7/2021",
"Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022") và của dòng "Kèm theo …", rồi báo ngày
không có trên lịch (29/02 của năm không nhuận, 31/6…). Ngày của căn cứ viết có cấu trúc
(`date:`) đã được kiểm tra khi đọc định dạng.

## Vì sao quan trọng

Ngày không có thật làm sai căn cứ pháp lý và không tra cứu được văn bản.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Kết quả thực hiện Quyết định số 2250/QĐ-UBND ngày 31/6/2023 của UBND tỉnh.
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Kết quả thực hiện Quyết định số 2250/QĐ-UBND ngày 30/6/2023 của UBND tỉnh.
```
"""

from __future__ import annotations

from tuyentruyen.rules.refs import cited, references

CODE = "TT-C007"
TITLE = "Ngày văn bản được viện dẫn không có thật"
SEVERITY = "error"


def check(ctx):
    for c in [*cited(ctx), *references(ctx)]:
        if c.date_error:
            path, at = c.date_at()
            yield ctx.report(path, f"Ngày “{c.date_text}” của văn bản {c.symbol_key or ''} không có thật: "
                             f"{c.date_error}.", "Đối chiếu văn bản gốc và ghi đúng ngày ban hành.", **at)
