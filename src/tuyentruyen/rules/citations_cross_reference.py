"""Dòng "Kèm theo …" ghi sai số, ký hiệu, ngày hay loại của chính văn bản.

## Quy tắc này làm gì

Khi kế hoạch giữ nguyên văn dòng dẫn chiếu dưới tên phụ lục ("(Kèm theo Quyết định số
233/QĐ-UBND ngày 19/12/2022 của …)", ở `appendix.reference`) hay dưới tên kế hoạch ban hành kèm
Quyết định ("(Ban hành kèm theo Quyết định số …)", ở `plan.reference`), quy tắc so dòng đó với
văn bản được ký: loại (`document.type`), số và ký hiệu (`document.number`, `document.symbol`),
ngày (`document.date`), và báo mọi chỗ không khớp. Thường không cần ghi các dòng này: tt tự sinh
chúng từ thông tin văn bản khi xuất .docx.

## Vì sao quan trọng

Dòng "Kèm theo" phải chỉ đúng văn bản mà phụ lục đi kèm. Quyết định 233/QĐ-UBND năm 2022 của
tỉnh Hà Giang có phụ lục ghi "Kèm theo Quyết định số 2338/QĐ-UBND": theo chữ, phụ lục thuộc về
một văn bản khác.

## Ví dụ sai

```yaml
appendix:
  reference: (Kèm theo Kế hoạch số 52/KH-UBND ngày 15/01/2024 của UBND tỉnh Hà Giang)
```

## Nên viết

```yaml
appendix:
  reference: (Kèm theo Kế hoạch số 25/KH-UBND ngày 15/01/2024 của UBND tỉnh Hà Giang)
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Điều 8 khoản 3 điểm a (phụ lục là thành phần thể
thức bổ sung của văn bản) và Phụ lục I (kỹ thuật trình bày phụ lục và văn bản ban hành kèm theo:
dòng chỉ dẫn ghi số, ký hiệu, ngày tháng năm của văn bản mà phụ lục, văn bản đi kèm).
"""

from __future__ import annotations

from tuyentruyen.rules.common import fmt_date
from tuyentruyen.rules.refs import reference_values

CODE = "TT-C006"
TITLE = "Dòng “Kèm theo” không khớp văn bản"
SEVERITY = "error"


def check(ctx):
    from tuyentruyen.vn.citations import doc_type, find_citations, parse_symbol

    doc = ctx.plan.document
    kind = "Quyết định" if ctx.plan.is_decision else "Kế hoạch"
    own = parse_symbol(f"{doc.number}/{doc.symbol}") if doc.number else None
    expected = own.normalized if own is not None and own.ok else None
    for path, text in reference_values(ctx):
        found = [c for c in find_citations(text) if c.symbol]
        if not found:
            yield ctx.report(path, f"Dòng dẫn chiếu “{text}” không ghi số, ký hiệu của văn bản.",
                             f"Ghi đủ: “(Kèm theo {kind} số {expected or '…'} ngày … của …)”, hoặc xóa dòng này để tt "
                             "tự sinh.")
            continue
        c = found[0]
        if c.type_name and doc_type(c.type_name) is not None and doc_type(c.type_name) is not doc_type(kind):
            yield ctx.report(path, f"Dòng dẫn chiếu ghi “{c.type_name}” nhưng văn bản được ký là {kind}.",
                             f"Sửa thành “{kind}”.", start=c.start, end=c.start + len(c.type_name))
        got = c.number.normalized if c.number is not None and c.number.ok else c.symbol
        if expected is not None and got != expected:
            yield ctx.report(path, f"Dòng dẫn chiếu ghi số, ký hiệu “{c.symbol.strip()}” nhưng văn bản này là "
                             f"{expected}.", f"Sửa thành “{expected}”.",
                             start=c.symbol_span[0], end=c.symbol_span[1])
        if doc.date is not None and c.date is not None and c.date != doc.date:
            yield ctx.report(path, f"Dòng dẫn chiếu ghi ngày {fmt_date(c.date)} nhưng văn bản được ký ngày "
                             f"{fmt_date(doc.date)}.", f"Sửa thành ngày {fmt_date(doc.date)}.",
                             start=c.date_span[0], end=c.date_span[1])
