"""Tên đơn vị viết khác với cách viết đã đăng ký trong sổ đơn vị.

## Quy tắc này làm gì

Mỗi đơn vị trong sổ đơn vị có tên chuẩn (`name`) và các tên viết tắt được chấp nhận (`short`);
`aliases` ghi các cách viết khác đã gặp để tt nhận ra đơn vị. Quy tắc báo tên đơn vị (chủ trì,
phối hợp, đơn vị trong Tổ chức thực hiện, đơn vị của một ý, và từng đơn vị ở Nơi nhận) mà:

- chỉ khớp sổ đơn vị sau khi bỏ qua hoa thường (trừ ở Nơi nhận, nơi chữ hoa theo câu), dấu câu, "và"/"-", chữ viết tắt hay thứ tự các
  chữ ("Đài phát thanh và truyền hình tỉnh", "Các sở, ban ngành", "UBND huyện, thành phố, thị
  xã" thay cho "UBND huyện, thị xã, thành phố"), hoặc
- là một tên gọi khác (`aliases`) của một đơn vị cụ thể (không phải nhóm), thay vì tên chuẩn
  hay tên viết tắt.

Tên nhóm ("Các sở, ngành" cho nhóm "Các sở, ban, ngành") được viết theo `aliases` thì không bị
báo: văn bản thường gọi nhóm theo nhiều cách. `tt lint --fix` sửa thành tên chuẩn.

## Vì sao quan trọng

Văn bản thật viết một đơn vị theo nhiều cách: phụ lục của tỉnh Hà Giang năm 2023 có "Đài Phát
thanh - Truyền hình tỉnh", "Đài PT-TH tỉnh" và "Đài Phát thanh và truyền hình tỉnh"; danh mục
của tỉnh Quảng Ngãi viết "Các sở, ban ngành", "Sở Thông tin và truyền thông". Người đọc phải
đoán đó là một hay nhiều đơn vị, và văn bản in ra thiếu thống nhất.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài phát thanh và truyền hình tỉnh
      due: Quý III/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      due: Quý III/2024
```
"""

from __future__ import annotations

import re

from tuyentruyen.vn.units import clean

CODE = "TT-R006"
TITLE = "Tên đơn vị viết khác sổ đơn vị"
SEVERITY = "warning"
FIXABLE = True

_APPROXIMATE = ("case", "loose", "order")
_ARTICLE = re.compile(r"^\s*như\s+điều", re.IGNORECASE)


def check(ctx):
    idx = ctx.units
    if idx is None:
        return
    for ref in ctx.unit_refs():
        r = ctx.resolve(ref.written)
        if r is None:
            continue
        if r.how in _APPROXIMATE or (r.how == "alias" and not idx.is_group(r.unit)):
            yield _report(ctx, ref.path, clean(ref.written), r, fix=True)
    from tuyentruyen.vn.units import titles

    for i, line in enumerate(ctx.plan.document.recipients):
        if _ARTICLE.match(line) or clean(line).casefold().startswith(titles()):
            continue  # "Như Điều 3", or a person's title: the unit is named as the title requires
        parts = idx.parties(line)
        whole = len(parts) == 1 and clean(parts[0].written) == clean(line)
        for r in parts:
            if r.how in ("loose", "order"):  # a recipient line's case follows the sentence
                yield _report(ctx, ("document", "recipients", i), clean(r.written), r, fix=whole)


def _report(ctx, path, written: str, r, *, fix: bool):
    kind = {"alias": "tên gọi khác (`aliases`)", "case": "cách viết khác hoa thường"}.get(r.how, "cách viết gần đúng")
    if r.how == "alias":
        note = ("`aliases` trong sổ đơn vị chỉ để tt nhận ra cách viết khác; văn bản dùng tên chuẩn hoặc tên viết "
                "tắt (`short`).")
    else:
        note = ("nếu cách viết này hay gặp, ghi nó vào `aliases` của đơn vị trong sổ đơn vị để tt nhận ra (không "
                "ghi vào `short`: `short` chỉ dành cho tên viết tắt được chấp nhận).")
    return ctx.report(path, f"“{written}” là {kind} của “{r.unit.name}”, không phải tên chuẩn hay tên viết tắt "
                      "trong sổ đơn vị.",
                      f"Viết “{r.unit.name}” (`tt lint --fix` sửa tự động); {note}",
                      fix=r.unit.name if fix else None)
