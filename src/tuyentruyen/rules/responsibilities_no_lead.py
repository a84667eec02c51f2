"""Nhiệm vụ không có đơn vị chủ trì.

## Quy tắc này làm gì

Báo mỗi nhiệm vụ của phụ lục có danh sách `lead` (chủ trì) trống hoặc không có.

## Vì sao quan trọng

Đơn vị chủ trì là đơn vị chịu trách nhiệm chính: việc không có chủ trì là việc không ai phải
làm, không ai bị đôn đốc, không ai báo cáo.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: cap-kinh-phi
      content: Cấp kinh phí tổ chức tuyên truyền cải cách hành chính
      support: [Sở Nội vụ]
      due: Quý I/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: cap-kinh-phi
      content: Cấp kinh phí tổ chức tuyên truyền cải cách hành chính
      lead: Sở Tài chính
      support: [Sở Nội vụ]
      due: Quý I/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import task_label, upper_first

CODE = "TT-R001"
TITLE = "Nhiệm vụ không có đơn vị chủ trì"
SEVERITY = "error"


def check(ctx):
    for path, task in ctx.tasks():
        if task.lead:
            continue
        has_key = ctx.yaml.exists(path + ("lead",))
        yield ctx.report(path + ("lead",) if has_key else path + ("id",),
                         f"{upper_first(task_label(path, task))} chưa có đơn vị chủ trì.",
                         "Thêm `lead: <tên đơn vị>` theo sổ đơn vị: mỗi nhiệm vụ cần một đơn vị chịu trách nhiệm chính.",
                         key=has_key)
