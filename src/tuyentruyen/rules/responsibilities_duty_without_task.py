"""Đơn vị có nhiệm vụ trong Tổ chức thực hiện nhưng không có việc nào trong phụ lục.

## Quy tắc này làm gì

Khi kế hoạch có cả bảng phụ lục và phần Tổ chức thực hiện giao nhiệm vụ theo đơn vị, báo nhiệm
vụ đơn vị (`duties`) mà không đơn vị nào của nó xuất hiện trong phụ lục (chủ trì hay phối hợp,
trực tiếp hay qua nhóm: Sở Tư pháp có việc khi "Các sở, ban, ngành" chủ trì một việc). Nhiệm vụ
mở đầu bằng "Đề nghị" (gửi Mặt trận Tổ quốc, đoàn thể — nơi UBND không giao việc) và nhiệm vụ
chung của "các cơ quan, đơn vị có liên quan" không bị báo.

## Vì sao quan trọng

Phần Tổ chức thực hiện và bảng phụ lục là hai cách nói cùng một sự phân công: đơn vị có trách
nhiệm mà không có việc cụ thể nào trong bảng thường là do bảng thiếu dòng, hoặc do đơn vị ấy
được ghi bằng một tên khác.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Chủ trì tổ chức tập huấn nghiệp vụ cải cách hành chính.]
        - unit: Báo Hà Giang
          text: [Duy trì chuyên mục cải cách hành chính.]
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Chủ trì tổ chức tập huấn nghiệp vụ cải cách hành chính.]
        - unit: Sở Tài chính
          text: [Phối hợp bảo đảm kinh phí tập huấn.]
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import display_unit, validity
from tuyentruyen.rules.responsibilities_task_without_duty import covered, task_units

CODE = "TT-R009"
TITLE = "Đơn vị có nhiệm vụ nhưng không có việc trong phụ lục"
SEVERITY = "warning"


def check(ctx):
    duties = ctx.duties()
    if not duties or not ctx.tasks():
        return
    have = task_units(ctx)
    for path, duty in duties:
        if (duty.heading or "").strip().lower().startswith("đề nghị"):
            continue
        if any("liên quan" in name.lower() for name in duty.unit):
            continue  # "các cơ quan, đơn vị có liên quan": a general duty, not one unit's
        if any(covered(ctx, name, have) for name in duty.unit):
            continue
        if ctx.units is not None and any(ctx.resolve(name) is None for name in duty.unit):
            continue  # a unit not in the registry: TT-R005 says so
        if ctx.units is not None and all(validity(ctx, ctx.resolve(n).unit) is not None for n in duty.unit):
            continue  # units that do not exist at the plan's date: TT-R007 says what to write instead
        names = ", ".join(display_unit(ctx, n) for n in duty.unit)
        yield ctx.report(path + ("unit",),
                         f"{names} có nhiệm vụ trong phần Tổ chức thực hiện nhưng không chủ trì hay phối hợp việc "
                         "nào trong phụ lục.",
                         "Thêm việc cụ thể của đơn vị vào phụ lục, hoặc kiểm tra tên đơn vị ở hai nơi có khớp nhau.",
                         key=True)
