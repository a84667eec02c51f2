"""Nhiệm vụ trong bảng phụ lục chưa có thời gian thực hiện.

## Quy tắc này làm gì

Báo mỗi nhiệm vụ của phụ lục (`appendix`) không có `due`, hoặc có `due` để trống.

## Vì sao quan trọng

Cột "Thời gian thực hiện" là một phần của việc giao nhiệm vụ: không có thời gian thì không
đôn đốc, không kiểm tra, không đánh giá được. Kế hoạch 25/KH-UBND năm 2023 của tỉnh Quảng Ngãi
được ban hành với cả nhóm V của danh mục để trống cột thời gian.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: mot-cua-kieu-mau
      content: Tuyên truyền mô hình Bộ phận Một cửa cấp huyện, cấp xã kiểu mẫu
      lead: Sở Nội vụ
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: mot-cua-kieu-mau
      content: Tuyên truyền mô hình Bộ phận Một cửa cấp huyện, cấp xã kiểu mẫu
      lead: Sở Nội vụ
      due: Thường xuyên
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import task_label, upper_first

CODE = "TT-D005"
TITLE = "Nhiệm vụ không có thời gian thực hiện"
SEVERITY = "error"


def check(ctx):
    for path, task in ctx.tasks():
        if task.due is not None and task.due.strip():
            continue
        where = path + ("due",) if task.due is not None else path + ("id",)
        yield ctx.report(where, f"{upper_first(task_label(path, task))} chưa có thời gian thực hiện.",
                         "Thêm `due: …` cho nhiệm vụ, ví dụ “Thường xuyên”, “Quý II/" f"{ctx.year}”, "
                         f"“trước ngày 15/3/{ctx.year}”.", key=task.due is not None)
