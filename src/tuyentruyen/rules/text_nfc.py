"""Chữ tiếng Việt không ở dạng Unicode dựng sẵn (NFC).

## Quy tắc này làm gì

Báo mọi giá trị chữ của kế hoạch có ký tự ở dạng tổ hợp (chữ cái và dấu thanh là hai ký tự
riêng, như "e" + dấu mũ + dấu huyền), thường gặp khi chép từ PDF, từ macOS hay từ một số bộ gõ.
`tt lint --fix` đưa về dạng dựng sẵn mà không đổi chữ nào khác trong tệp.

## Vì sao quan trọng

Hai cách mã hóa trông giống hệt nhau nhưng là hai chuỗi khác nhau: tìm kiếm, so sánh phiên
bản, tra sổ đơn vị và sắp xếp đều sai, và một số phông chữ hiển thị dấu lệch. Văn bản hành
chính dùng bộ mã Unicode theo TCVN 6909:2001.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: "Tổ chức tập huấn nghiệp vụ ca\u0309i cách hành chính"
      lead: Sở Nội vụ
      due: Quý II/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Quý II/2024
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (phông chữ tiếng Việt Times New Roman,
bộ mã ký tự Unicode theo Tiêu chuẩn Việt Nam TCVN 6909:2001).
"""

from __future__ import annotations

import unicodedata

CODE = "TT-T001"
TITLE = "Chữ không ở dạng Unicode dựng sẵn (NFC)"
SEVERITY = "warning"
FIXABLE = True


def check(ctx):
    from tuyentruyen.vn.textcheck import check_nfc

    for path, node in ctx.scalars():
        value = node.value
        if value.isascii() or unicodedata.is_normalized("NFC", value):
            continue
        report = check_nfc(value)
        yield ctx.report(path, report.message or "Văn bản không ở dạng Unicode dựng sẵn (NFC).",
                         "Chạy `tt lint --fix` để chuyển về dạng dựng sẵn (NFC), hoặc gõ lại bằng bộ gõ Unicode dựng sẵn.",
                         start=report.start, end=report.end, node=node,
                         fix=unicodedata.normalize("NFC", value), fix_span=(0, len(value)))
