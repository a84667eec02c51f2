"""Chữ tiếng Việt gõ bằng bảng mã cũ (TCVN3/ABC, VNI) bị hiển thị thành ký tự lạ.

## Quy tắc này làm gì

Nhận ra đoạn chữ được gõ bằng phông chữ bảng mã cũ rồi dán vào dưới dạng Unicode: TCVN3/ABC
(.VnTime: "Tuyªn truyÒn c¶i c¸ch") hay VNI (VNI-Times: "Tuyeân truyeàn caûi caùch"), báo kèm
cách đọc có lẽ đúng. Không tự sửa (cách đọc là một phỏng đoán): hãy chuyển mã bằng Unikey
(Công cụ → Chuyển mã) rồi kiểm tra lại.

## Vì sao quan trọng

Văn bản như vậy in ra là một chuỗi ký tự vô nghĩa; mọi quy tắc khác (chính tả, tên đơn vị,
thời gian) cũng không đọc được đoạn đó.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tæ chøc tËp huÊn nghiÖp vô c¶i c¸ch hµnh chÝnh
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

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (bộ mã ký tự Unicode theo Tiêu chuẩn Việt
Nam TCVN 6909:2001).
"""

from __future__ import annotations

import re

from tuyentruyen.rules.common import short

CODE = "TT-T002"
TITLE = "Chữ gõ bằng bảng mã cũ (TCVN3, VNI)"
SEVERITY = "error"

# Mojibake shows Latin-1 characters that Vietnamese never uses (all but àáâãèéêìíòóôõùúý and
# their capitals), or only Latin-1 letters where real Vietnamese has ư, ơ, đ, ạ…
_WIDE = re.compile("[^\x00-\xff]")
_SUSPECT = re.compile("[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df"
                      "\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f0\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")


def check(ctx):
    from tuyentruyen.vn.textcheck import detect_legacy_encoding

    for path, node in ctx.scalars():
        value = node.value
        if value.isascii():
            continue
        if not _SUSPECT.search(value) and _WIDE.search(value):
            continue  # real Vietnamese (letters beyond Latin-1) and no mojibake character
        found = detect_legacy_encoding(value)
        if found is None:
            continue
        name = "TCVN3 (ABC)" if found.encoding == "TCVN3" else "VNI"
        yield ctx.report(path, found.message,
                         f"Chuyển mã từ {name} sang Unicode dựng sẵn (Unikey: Công cụ → Chuyển mã), rồi đọc lại; "
                         f"có lẽ là: “{short(found.decoded, 80)}”.", start=found.start, end=found.end, node=node)
