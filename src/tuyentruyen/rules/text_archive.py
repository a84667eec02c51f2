"""Dòng "Lưu" (nơi lưu văn bản) viết sai thể thức.

## Quy tắc này làm gì

Dòng cuối của Nơi nhận ghi nơi lưu văn bản: "Lưu: VT, <đơn vị soạn thảo>…" — văn thư (VT) trước,
các phần cách nhau bằng dấu phẩy. Quy tắc báo `document.archive` không bắt đầu bằng "VT", hay
dùng dấu chấm thay dấu phẩy để ngăn các phần ("VT.NV-CCHC").

## Vì sao quan trọng

Dòng "Lưu" cho biết bản gốc được lưu ở văn thư và ở đơn vị nào; viết sai thể thức làm văn bản
sai quy định và khó tra cứu bản lưu. Kế hoạch 61/KH-UBND của huyện Xuân Lộc ghi "Lưu:
VT.NV-CCHC (Lợi)".

## Ví dụ sai

```yaml
document:
  archive: VT.NC
```

## Nên viết

```yaml
document:
  archive: VT, NC
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục I (kỹ thuật trình bày Nơi nhận: dòng cuối
"Lưu: VT, …" gồm chữ viết tắt "VT" (văn thư cơ quan), chữ viết tắt tên đơn vị soạn thảo và số
lượng bản lưu nếu cần, ngăn cách bằng dấu phẩy).
"""

from __future__ import annotations

import re

CODE = "TT-T006"
TITLE = "Dòng “Lưu” sai thể thức"
SEVERITY = "warning"

_GLUED = re.compile(r"^VT\s*[.;:/]\s*\S")


def check(ctx):
    archive = ctx.plan.document.archive
    if not archive:
        return
    first = archive[0].strip()
    if first == "VT":
        return
    path = ("document", "archive", 0) if ctx.yaml.exists(("document", "archive", 0)) else ("document", "archive")
    if _GLUED.match(first):
        fixed = re.sub(r"^VT\s*[.;:/]\s*", "VT, ", first)
        yield ctx.report(path, f"Dòng Lưu ghi “{first}”: các phần phải cách nhau bằng dấu phẩy.",
                         f"Viết “{fixed}”.")
    else:
        yield ctx.report(path, f"Dòng Lưu phải bắt đầu bằng “VT” (văn thư cơ quan), đang là “{first}”.",
                         "Viết dạng “VT, <chữ viết tắt đơn vị soạn thảo>”, ví dụ “VT, NC”.")
