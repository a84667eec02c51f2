"""Chữ tiếng Việt viết không dấu.

## Quy tắc này làm gì

Báo giá trị chữ được gõ không dấu ("thuong xuyen", "truoc ngay 15/3/2024", "Nguyen Van A"): cả giá
trị không có chữ nào ngoài bảng ASCII, hầu hết các chữ là âm tiết tiếng Việt bỏ dấu, và có chữ
không thể đứng như đang viết ("thuong" phải là "thường" hay "thương"). Chữ tiếng Anh (Facebook,
Zalo), chữ viết tắt viết hoa (CCHC, PCI) và số La Mã không tính. Không tự sửa được: không biết
chắc dấu nào đúng.

## Vì sao quan trọng

tt đọc được thời gian "thuong xuyen" như "Thường xuyên", nên không có lỗi nào báo; nhưng `tt
render` in nguyên chữ không dấu vào văn bản. Văn bản hành chính phải viết tiếng Việt đủ dấu,
bằng phông chữ Unicode (Nghị định 30/2020/NĐ-CP, Phụ lục I).

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: thuong xuyen
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Thường xuyên
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import prose

CODE = "TT-T011"
TITLE = "Chữ tiếng Việt viết không dấu"
SEVERITY = "warning"


def check(ctx):
    from tuyentruyen.vn.textcheck import find_unaccented

    for path, node, _ in prose(ctx):
        found = find_unaccented(node.value)
        if found is None:
            continue
        yield ctx.report(path, found.message,
                         "Gõ lại bằng bộ gõ tiếng Việt (Unikey, EVKey; bảng mã Unicode), ví dụ “thuong xuyen” → "
                         "“Thường xuyên”.", start=found.start, end=found.end, node=node)
