"""Một nhiệm vụ giao cho nhiều đơn vị cùng chủ trì.

## Quy tắc này làm gì

Báo nhiệm vụ có từ hai đơn vị chủ trì trở lên (tính các đơn vị khác nhau, không tính nhóm).
Nhóm đơn vị ("Các sở, ban, ngành", "UBND các huyện, thành phố") làm chủ trì nghĩa là mỗi
đơn vị trong nhóm chủ trì phần việc của mình, nên không bị báo.

## Vì sao quan trọng

Nguyên tắc "một việc chỉ giao một cơ quan chủ trì và chịu trách nhiệm chính": hai đơn vị
cùng chủ trì thì khi việc chậm không rõ ai chịu trách nhiệm. Phụ lục Kế hoạch tuyên truyền
CCHC năm 2023 của tỉnh Hà Giang giao nhiệm vụ quảng bá du lịch cho "Sở Văn hóa Thể thao và Du
lịch; Sở Kế hoạch và Đầu tư" cùng chủ trì. Khi hai đơn vị cùng chủ trì là chủ ý, ghi
`# tt: ignore[TT-R002]` ở cuối dòng kèm lý do.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: [Sở Nội vụ, Sở Tài chính]
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
      support: [Sở Tài chính]
      due: Quý II/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import display_unit, looks_like_group, task_label, unit_key, upper_first

CODE = "TT-R002"
TITLE = "Nhiều đơn vị cùng chủ trì"
SEVERITY = "warning"


def check(ctx):
    for path, task in ctx.tasks():
        seen: dict[str, int] = {}
        for i, name in enumerate(task.lead):
            if looks_like_group(ctx, name):
                continue
            seen.setdefault(unit_key(ctx, name), i)
        if len(seen) < 2:
            continue
        names = [display_unit(ctx, task.lead[i]) for i in seen.values()]
        second = list(seen.values())[1]
        yield ctx.report(path + ("lead", second),
                         f"{upper_first(task_label(path, task))} có {len(names)} đơn vị cùng chủ trì "
                         f"({'; '.join(names)}): một việc chỉ nên giao một đơn vị chủ trì.",
                         "Giữ một đơn vị chủ trì và chuyển các đơn vị khác sang `support` (phối hợp); nếu cố ý "
                         f"để nhiều đơn vị cùng chủ trì, thêm `# tt: ignore[{CODE}]` ở cuối dòng kèm lý do.")
