"""Nhiệm vụ của một đơn vị trong phần Tổ chức thực hiện không có thời hạn nào (tắt mặc định).

## Quy tắc này làm gì

Báo mỗi nhiệm vụ đơn vị (`duties` trong mục Tổ chức thực hiện) mà cả nhiệm vụ lẫn các ý của
nó đều không có `due`. Quy tắc này tắt mặc định, vì phần lớn nhiệm vụ trong Tổ chức thực hiện
là việc thường xuyên; bật bằng `extend-select = ["TT-D006"]` trong tt.toml khi đơn vị muốn
mọi nhiệm vụ đều có thời hạn.

## Vì sao quan trọng

Khi kế hoạch không có bảng phụ lục (như Kế hoạch 61/KH-UBND của huyện Xuân Lộc), phần Tổ
chức thực hiện là nơi duy nhất giao việc: việc nào cần nộp, báo cáo thì cần thời hạn.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Tổng hợp, báo cáo kết quả thực hiện Kế hoạch.]
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Tổng hợp, báo cáo kết quả thực hiện Kế hoạch trước ngày 13/12/2024.]
          due: trước ngày 13/12/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import display_unit

CODE = "TT-D006"
TITLE = "Nhiệm vụ đơn vị không có thời hạn"
SEVERITY = "info"
DEFAULT_ENABLED = False


def check(ctx):
    for path, duty in ctx.duties():
        if duty.due or any(item.due for item in duty.items):
            continue
        names = ", ".join(display_unit(ctx, u) for u in duty.unit)
        yield ctx.report(path + ("unit",), f"Nhiệm vụ của {names} trong phần Tổ chức thực hiện không có thời hạn.",
                         "Thêm `due: …` cho nhiệm vụ hoặc cho ý cần thời hạn, ví dụ “trước ngày 15/12/"
                         f"{ctx.year}”.", key=True)
