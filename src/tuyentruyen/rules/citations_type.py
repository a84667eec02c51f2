"""Ký hiệu văn bản không khớp với loại văn bản.

## Quy tắc này làm gì

So tên loại văn bản đứng trước số ("Nghị định số …", `type: Nghị định`, hay loại của chính văn
bản này ở `document.type`) với chữ viết tắt trong ký hiệu: Nghị định là NĐ-CP, Nghị quyết là
NQ, Quyết định là QĐ, Kế hoạch là KH, Chỉ thị của Thủ tướng là CT-TTg… và báo khi hai thứ
không khớp.

## Vì sao quan trọng

Văn bản Quảng Ngãi năm 2023 viện dẫn "Nghị định số 61/2018/NQ-CP": ký hiệu NQ-CP là của một
Nghị quyết của Chính phủ, nên người đọc không biết văn bản được viện dẫn là văn bản nào. Căn cứ
sai thì cơ sở pháp lý của kế hoạch sai.

## Ví dụ sai

```yaml
document:
  bases:
    - type: Nghị định
      number: 61/2018/NQ-CP
      date: 23/4/2018
      issuer: Chính phủ
      subject: về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính
```

## Nên viết

```yaml
document:
  bases:
    - type: Nghị định
      number: 61/2018/NĐ-CP
      date: 23/4/2018
      issuer: Chính phủ
      subject: về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục III (bảng chữ viết tắt tên loại văn bản)
và Phụ lục I (ký hiệu văn bản gồm chữ viết tắt tên loại văn bản và chữ viết tắt tên cơ quan).
"""

from __future__ import annotations

from tuyentruyen.rules.refs import cited, references

CODE = "TT-C002"
TITLE = "Ký hiệu không khớp loại văn bản"
SEVERITY = "error"


def check(ctx):
    from tuyentruyen.vn.citations import check_type_matches, parse_symbol

    doc = ctx.plan.document
    own = parse_symbol(f"{doc.number or 1}/{doc.symbol}")
    if own.ok:
        kind = "Quyết định" if ctx.plan.is_decision else "Kế hoạch"
        why = check_type_matches(kind, own)
        if why:
            yield ctx.report(("document", "symbol"), f"Văn bản này là {kind} (document.type) nhưng ký hiệu là "
                             f"“{doc.symbol}”: {why}",
                             "Sửa ký hiệu cho khớp loại văn bản, hoặc sửa `document.type`.")
    for c in [*cited(ctx), *references(ctx)]:
        if c.type_mismatch:
            path = c.path + ("type",) if c.structured else c.path
            yield ctx.report(path, c.type_mismatch, "Kiểm tra lại loại văn bản và ký hiệu theo văn bản gốc.",
                             **c.symbol_at())
