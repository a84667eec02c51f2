"""Một đơn vị vừa chủ trì vừa phối hợp trong cùng nhiệm vụ.

## Quy tắc này làm gì

Báo khi một đơn vị có trong cả danh sách chủ trì (`lead`) và danh sách phối hợp (`support`)
của cùng một nhiệm vụ, kể cả khi hai chỗ viết tên khác nhau ("Đài PT-TH tỉnh" và "Đài Phát
thanh - Truyền hình tỉnh" là một đơn vị theo sổ đơn vị).

## Vì sao quan trọng

Một đơn vị không phối hợp với chính mình: đây là dấu hiệu chép nhầm dòng, và làm sai báo cáo
theo đơn vị (đơn vị bị tính hai lần). Danh mục Kế hoạch 25/KH-UBND năm 2023 của tỉnh Quảng Ngãi
ghi Đài Phát thanh - Truyền hình tỉnh ở cả hai cột của một nhiệm vụ.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      support: [Sở Nội vụ, Đài Phát thanh - Truyền hình tỉnh]
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
      support: [Sở Nội vụ]
      due: Quý III/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import display_unit, task_label, unit_key

CODE = "TT-R003"
TITLE = "Đơn vị vừa chủ trì vừa phối hợp"
SEVERITY = "warning"


def check(ctx):
    for path, task in ctx.tasks():
        if not task.lead or not task.support:
            continue
        leads = {unit_key(ctx, n) for n in task.lead}
        for i, name in enumerate(task.support):
            if unit_key(ctx, name) in leads:
                yield ctx.report(path + ("support", i),
                                 f"“{name}” vừa là đơn vị chủ trì vừa là đơn vị phối hợp của {task_label(path, task)}.",
                                 f"Xóa {display_unit(ctx, name)} khỏi `support` (hoặc khỏi `lead` nếu đơn vị chỉ phối hợp).")
