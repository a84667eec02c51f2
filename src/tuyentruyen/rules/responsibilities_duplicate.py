"""Một đơn vị được ghi hai lần trong cùng một danh sách.

## Quy tắc này làm gì

Báo đơn vị lặp lại trong cùng một danh sách: chủ trì (`lead`), phối hợp (`support`), đơn vị của
một nhiệm vụ trong Tổ chức thực hiện (`duties[].unit`), hoặc Nơi nhận (`document.recipients`,
chỉ khi cả hai dòng chỉ đúng một đơn vị trong sổ). Hai cách viết của cùng một đơn vị cũng là
lặp ("Sở TT&TT" và "Sở Thông tin và Truyền thông").

## Vì sao quan trọng

Tên lặp lại làm bảng in ra rườm rà, làm sai thống kê theo đơn vị, và thường che một lỗi khác:
người soạn định ghi một đơn vị khác nhưng chép nhầm.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Thông tin và Truyền thông, Sở Tài chính, Sở Thông tin và Truyền thông]
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
      support: [Sở Thông tin và Truyền thông, Sở Tài chính]
      due: Quý II/2024
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import display_unit, unit_key

CODE = "TT-R004"
TITLE = "Đơn vị ghi lặp trong một danh sách"
SEVERITY = "warning"

_LISTS = {"lead": "danh sách chủ trì", "support": "danh sách phối hợp", "unit": "danh sách đơn vị"}


def check(ctx):
    for path, task in ctx.tasks():
        for key in ("lead", "support"):
            yield from _dupes(ctx, path + (key,), getattr(task, key), _LISTS[key])
    for path, duty in ctx.duties():
        yield from _dupes(ctx, path + ("unit",), duty.unit, _LISTS["unit"])
    if ctx.units is not None:
        seen: dict[str, int] = {}
        for i, line in enumerate(ctx.plan.document.recipients):
            parties = ctx.units.parties(line)
            if len(parties) != 1 or line.strip().lower().startswith("như"):
                continue
            uid = parties[0].unit.id
            if uid in seen:
                first = ctx.locate(("document", "recipients", seen[uid]))
                yield ctx.report(("document", "recipients", i),
                                 f"Nơi nhận “{line}” trùng với dòng {first.line} (cùng là {parties[0].unit.name}).",
                                 "Xóa một trong hai dòng Nơi nhận.")
            else:
                seen[uid] = i


def _dupes(ctx, path: tuple, names: list[str], what: str):
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        k = unit_key(ctx, name)
        if k in seen:
            first = names[seen[k]]
            same = "" if first == name else f" (“{first}” và “{name}” là một đơn vị)"
            yield ctx.report(path + (i,), f"{display_unit(ctx, name)} được ghi hai lần trong {what}{same}.",
                             "Xóa tên lặp lại.")
        else:
            seen[k] = i
