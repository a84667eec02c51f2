"""Tên đơn vị không có trong sổ đơn vị.

## Quy tắc này làm gì

Tra mọi tên đơn vị của kế hoạch — chủ trì, phối hợp, đơn vị của nhiệm vụ trong Tổ chức thực
hiện, đơn vị của một ý — trong sổ đơn vị (`units.yaml`): theo tên chuẩn, tên viết tắt, tên gọi
khác, và cả khi chỉ khác hoa thường, dấu câu, chữ viết tắt quen thuộc ("UBND", "PT-TH"). Tên
không tra được thì bị báo, kèm gợi ý "có phải ý bạn là" (so cả khi gõ thiếu dấu: "So Noi vu"),
và gợi ý tách dòng khi một dòng ghi nhiều đơn vị ("Sở Nội vụ, Sở Tài chính").

## Vì sao quan trọng

Sổ đơn vị là nơi duy nhất nói tên nào chỉ đơn vị nào: nhờ nó tt gom được việc của từng đơn vị,
biết nhóm "Các sở, ban, ngành" gồm những ai, và biết đơn vị nào đã sáp nhập. Một tên không
có trong sổ là một đơn vị mà tt (và người đọc) không biết là ai.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: So Noi vu
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
"""

from __future__ import annotations

from tuyentruyen.rules.common import short

CODE = "TT-R005"
TITLE = "Đơn vị không có trong sổ đơn vị"
SEVERITY = "error"

_ROLE = {"lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp", "duty": "Đơn vị", "item": "Đơn vị"}


def check(ctx):
    if ctx.units is None:
        return
    registry = ctx.registry.path.name if ctx.registry.path is not None else "units.yaml"
    for ref in ctx.unit_refs():
        if ctx.resolve(ref.written) is not None:
            continue
        message = f"{_ROLE[ref.role]} “{short(ref.written, 80)}” không có trong sổ đơn vị ({registry})."
        parts = ctx.units.split(ref.written)
        guess = ctx.units.suggest(ref.written)
        label, _, rest = ref.written.partition(":")
        named = ctx.resolve(rest) if rest.strip() and 0 < len(label.split()) <= 3 else None
        if named is not None:
            # "Chỉ trì: Sở Nội vụ": the column's label copied with the name (the key already says it)
            message += f" Tên đơn vị “{named.unit.name}” được ghi kèm nhãn “{label.strip()}:” ở trước."
            hint = f"Bỏ nhãn “{label.strip()}:”, chỉ ghi tên đơn vị: “{named.unit.name}”."
        elif len(parts) >= 2:
            names = "; ".join(p.unit.name for p in parts)
            message += f" Dòng này có vẻ ghi {len(parts)} đơn vị: {names}."
            hint = "Mỗi đơn vị một dòng trong danh sách, ví dụ `- " + parts[0].unit.name + "`."
        elif guess:
            message += f" Có phải ý bạn là “{guess[0]}”?"
            hint = f"Sửa thành “{guess[0]}”, hoặc nếu đây là một đơn vị khác, thêm nó vào {registry}."
        else:
            hint = (f"Thêm đơn vị vào {registry} (id, name, kind), hoặc thêm cách viết này vào `aliases` "
                    "của đơn vị đã có.")
        yield ctx.report(ref.path, message, hint)
