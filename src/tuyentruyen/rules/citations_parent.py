"""Văn bản cấp trên mà kế hoạch thực hiện ("Thực hiện Kế hoạch số …") viết thiếu hoặc sai.

## Quy tắc này làm gì

Mỗi văn bản trong `plan.implements` — in ra ở câu mở đầu "Thực hiện Kế hoạch số 21/KH-UBND
ngày 18/01/2024 của UBND tỉnh …" — phải có đủ loại văn bản, số và ký hiệu (hoặc tên, với một
Luật), ngày ban hành và cơ quan ban hành (trừ Luật). Quy tắc báo văn bản thiếu một trong các
phần đó, hay viết nguyên văn mà tt không tách được thành các phần ấy.

## Vì sao quan trọng

Câu "Thực hiện …" là căn cứ để cấp dưới triển khai kế hoạch của cấp trên; thiếu số hoặc ngày
thì không ai đối chiếu được kế hoạch với văn bản cấp trên.

## Ví dụ sai

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
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

from tuyentruyen.rules.common import short

CODE = "TT-C005"
TITLE = "Văn bản được thực hiện viết thiếu"
SEVERITY = "error"

_LAWS = ("luật", "bộ luật", "hiến pháp")


def check(ctx):
    from tuyentruyen.vn.citations import doc_type, find_citations

    for i, c in enumerate(ctx.plan.plan.implements):
        path = ("plan", "implements", i)
        if c.text is not None:
            found = [f for f in find_citations(c.text) if f.symbol or f.title]
            if not found:
                yield ctx.report(path, f"Không đọc được văn bản được thực hiện “{short(c.text, 80)}”: thiếu loại văn "
                                 "bản và số, ký hiệu.",
                                 "Ghi có cấu trúc: type, number, date, issuer, subject (xem docs/plan-format.md).")
                continue
            f = found[0]
            missing = [w for w, ok in (("ngày ban hành", f.date is not None or f.date_error is not None),
                                       ("cơ quan ban hành", bool(f.issuer) or (f.type_name or "").lower() in _LAWS))
                       if not ok]
        else:
            law = (c.type or "").lower() in _LAWS
            missing = [w for w, ok in (("số, ký hiệu", bool(c.number) or (law and bool(c.name))),
                                       ("ngày ban hành", c.date is not None),
                                       ("cơ quan ban hành", bool(c.issuer) or law)) if not ok]
            if c.type and doc_type(c.type) is None:
                yield ctx.report(path + ("type",), f"“{c.type}” không phải một loại văn bản tt biết.",
                                 "Ghi tên loại văn bản: Kế hoạch, Quyết định, Nghị quyết, Chỉ thị, Nghị định…")
        if missing:
            yield ctx.report(path, f"Văn bản được thực hiện thiếu {', '.join(missing)}.",
                             "Bổ sung theo văn bản gốc: câu “Thực hiện …” phải ghi đủ loại, số và ký hiệu, ngày và cơ "
                             "quan ban hành.")
