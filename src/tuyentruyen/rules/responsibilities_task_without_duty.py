"""Đơn vị chủ trì việc trong phụ lục nhưng không có nhiệm vụ trong Tổ chức thực hiện.

## Quy tắc này làm gì

Khi kế hoạch có cả bảng phụ lục và phần Tổ chức thực hiện giao nhiệm vụ theo đơn vị, báo đơn
vị chủ trì một việc trong phụ lục mà không có nhiệm vụ nào trong Tổ chức thực hiện — trực tiếp,
qua nhóm ("Các sở, ban, ngành" có nhiệm vụ thì từng sở có), hay qua một ý giao riêng cho đơn vị
("Trung tâm Phục vụ hành chính công tỉnh: …"). Một nhiệm vụ giao cho "các cơ quan, đơn vị có
liên quan" được coi là gồm mọi đơn vị.

## Vì sao quan trọng

Đơn vị chủ trì một việc cần biết trách nhiệm chung của mình trong kế hoạch (báo cáo về đâu,
phối hợp với ai); thiếu phần này thường là do phần Tổ chức thực hiện chép từ năm trước, trước
khi bảng phụ lục có thêm việc mới.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Tài chính
          text: [Bảo đảm kinh phí thực hiện Kế hoạch.]
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Chủ trì tổ chức tập huấn; tổng hợp, báo cáo kết quả thực hiện Kế hoạch.]
        - unit: Sở Tài chính
          text: [Bảo đảm kinh phí thực hiện Kế hoạch.]
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import validity
from tuyentruyen.vn.units import clean, loose_key

CODE = "TT-R010"
TITLE = "Đơn vị chủ trì không có nhiệm vụ trong Tổ chức thực hiện"
SEVERITY = "warning"


def _key(ctx, name: str) -> str:
    r = ctx.resolve(name)
    return r.unit.id if r is not None else "?" + loose_key(clean(name))


def task_units(ctx) -> set[str]:
    """Keys of the units that lead or support a task of the appendix."""
    return ctx.cached("task_units", lambda: {
        _key(ctx, n) for _, t in ctx.tasks() for n in (*t.lead, *t.support)})


def duty_units(ctx) -> set[str] | None:
    """Keys of the units with a duty (or an item of a duty); None when a duty covers everyone."""
    def build():
        keys: set[str] = set()
        for _, duty in ctx.duties():
            for name in duty.unit:
                if "liên quan" in name.lower():
                    return None
                keys.add(_key(ctx, name))
            keys.update(_key(ctx, i.unit) for i in duty.items if i.unit)
        return keys
    return ctx.cached("duty_units", build)


def covered(ctx, name: str, keys: set[str]) -> bool:
    """Is the unit in keys, or one of its groups, or (for a group) one of its members?"""
    k = _key(ctx, name)
    if k in keys:
        return True
    if ctx.units is None or k.startswith("?"):
        return False
    if ctx.units.groups_of(k) & keys:
        return True
    unit = ctx.units.by_id[k]
    return ctx.units.is_group(unit) and bool(ctx.units.members(k) & keys)


def check(ctx):
    if not ctx.duties() or not ctx.tasks():
        return
    have = duty_units(ctx)
    if have is None:
        return
    reported: set[str] = set()
    for ref in ctx.unit_refs():
        if ref.role != "lead":
            continue
        k = _key(ctx, ref.written)
        if k.startswith("?") and ctx.units is not None:
            continue  # not in the registry: TT-R005 says so
        if k in reported or covered(ctx, ref.written, have):
            continue
        reported.add(k)
        r = ctx.resolve(ref.written)
        if r is not None and validity(ctx, r.unit) is not None:
            continue  # a unit that does not exist at the plan's date: TT-R007 says what to write instead
        name = r.unit.name if r is not None else clean(ref.written)
        yield ctx.report(ref.path,
                         f"{name} chủ trì việc trong phụ lục nhưng không có nhiệm vụ nào trong phần Tổ chức thực hiện.",
                         f"Thêm nhiệm vụ của {name} vào phần Tổ chức thực hiện (`duties`), hoặc kiểm tra tên đơn vị "
                         "ở hai nơi có khớp nhau.")
