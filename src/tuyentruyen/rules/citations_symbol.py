"""Số, ký hiệu văn bản viết sai thể thức.

## Quy tắc này làm gì

Đọc số và ký hiệu của văn bản này (`document.number`, `document.symbol`), của các văn bản được
viện dẫn (căn cứ, văn bản được thực hiện, các văn bản nêu trong nội dung) và của dòng "Kèm
theo …": báo ký hiệu không đọc được ("233/QĐUBND", "QĐ-UBND/233"), có khoảng trắng thừa
("61 /KH-UBND", "233/QĐ - UBND"), dùng gạch dài "–" thay gạch nối "-", thiếu nét ngang của chữ
Đ ("QD" thay "QĐ"), hay viết sai hoa thường ("TTR" thay "TTr").

## Vì sao quan trọng

Số, ký hiệu là "địa chỉ" của văn bản: viết sai thì không tra cứu, không đối chiếu được, và văn
bản sai thể thức. Kế hoạch của tỉnh Hà Giang năm 2023 in dòng "Ban hành kèm theo Quyết định số
233/QĐ - UBND"; Kế hoạch 61/KH-UBND của huyện Xuân Lộc in "Số: 61 /KH-UBND".

## Ví dụ sai

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH - UBND
      date: 28/12/2023
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

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Điều 8 khoản 2 điểm c (số, ký hiệu của văn bản là
thành phần chính của thể thức), Phụ lục I (kỹ thuật trình bày số, ký hiệu: số bằng chữ số Ả Rập,
ký hiệu gồm chữ viết tắt tên loại văn bản và tên cơ quan, nối bằng gạch nối, không cách chữ) và
Phụ lục III (chữ viết tắt tên loại văn bản).
"""

from __future__ import annotations

from tuyentruyen.rules.refs import cited, references

CODE = "TT-C001"
TITLE = "Số, ký hiệu văn bản sai thể thức"
SEVERITY = "error"


def check(ctx):
    from tuyentruyen.vn.citations import parse_symbol

    doc = ctx.plan.document
    own = parse_symbol(f"{doc.number or 1}/{doc.symbol}")
    yield from _judge(ctx, own, ("document", "symbol"), {}, f"Ký hiệu “{doc.symbol}” của văn bản")
    for c in [*cited(ctx), *references(ctx)]:
        if c.number is None:
            continue
        yield from _judge(ctx, c.number, c.symbol_path(), c.symbol_at(), f"Số, ký hiệu “{c.symbol_text}”")


def _judge(ctx, number, path: tuple, at: dict, what: str):
    if not number.ok:
        yield ctx.report(path, f"{what} không đọc được: {number.reason}",
                         "Viết theo dạng số/chữ viết tắt loại văn bản-cơ quan, ví dụ “233/QĐ-UBND”, “30/2020/NĐ-CP”.",
                         **at)
        return
    for issue in number.issues:
        yield ctx.report(path, f"{what}: {issue.message}", f"Viết đúng là “{number.normalized}”.", **at)
