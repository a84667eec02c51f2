"""Đơn vị được giao việc nhưng không có trong Nơi nhận.

## Quy tắc này làm gì

Với mỗi đơn vị chủ trì một nhiệm vụ của phụ lục và mỗi đơn vị được giao nhiệm vụ trong Tổ chức
thực hiện, kiểm tra đơn vị có nhận được văn bản không: có trong Nơi nhận (`document.recipients`)
trực tiếp, qua một nhóm mà đơn vị thuộc về ("Các sở, ban, ngành"), hoặc qua "Như Điều 3" (các
chức danh, cơ quan thi hành ở `decision.executors`). Chức danh trước tên đơn vị được bỏ qua
("Giám đốc Sở Nội vụ" là Sở Nội vụ), ghi chú trong ngoặc cũng vậy ("UBND tỉnh (báo cáo)").
Quy tắc chỉ báo khi chắc chắn: đơn vị phải có trong sổ đơn vị, và quy tắc không chạy khi Nơi
nhận trống, khi ghi "Như Điều 3" mà Điều 3 chưa ghi, hay khi Nơi nhận (hoặc Điều 3) có "các cơ
quan, đơn vị liên quan" — lúc đó mọi đơn vị đều coi như đã nhận.

## Vì sao quan trọng

Đơn vị không nhận được văn bản thì không biết mình được giao việc. Nơi nhận là thành phần
thể thức bắt buộc của văn bản hành chính, và phải gồm các cơ quan, đơn vị có trách nhiệm
thực hiện.

## Ví dụ sai

```yaml
document:
  recipients:
    - Bộ Nội vụ
    - UBND các huyện, thành phố
    - Báo Hà Giang
```

## Nên viết

```yaml
document:
  recipients:
    - Bộ Nội vụ
    - Các sở, ban, ngành
    - UBND các huyện, thành phố
    - Báo Hà Giang
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Điều 8 khoản 2 điểm i (Nơi nhận là thành phần
chính của thể thức văn bản hành chính) và Phụ lục I (kỹ thuật trình bày Nơi nhận: các cơ
quan, tổ chức, đơn vị có trách nhiệm thực hiện).
"""

from __future__ import annotations

from tuyentruyen.rules.common import reached_by_recipients, recipients_reached, validity
from tuyentruyen.vn.units import loose_key

CODE = "TT-R008"
TITLE = "Đơn vị được giao việc không có trong Nơi nhận"
SEVERITY = "warning"


def check(ctx):
    idx = ctx.units
    doc = ctx.plan.document
    if idx is None or recipients_reached(ctx) is None:
        return
    issuer = {loose_key(n) for n in (doc.issuer.name, doc.issuer.short) if n}
    reported: set[str] = set()
    for ref in ctx.unit_refs():
        if ref.role not in ("lead", "duty"):
            continue
        r = ctx.resolve(ref.written)
        if r is None or r.unit.id in reported:
            continue
        u = r.unit
        if idx.is_group(u) and not idx.members(u.id):
            continue  # a group with no member listed ("các cơ quan, đơn vị có liên quan"): nobody to check
        if validity(ctx, u) is not None:
            continue  # a unit that does not exist at the plan's date: TT-R007 says what to write instead
        if loose_key(u.name) in issuer or reached_by_recipients(ctx, u):
            continue
        reported.add(u.id)
        role = "chủ trì nhiệm vụ" if ref.role == "lead" else "được giao nhiệm vụ"
        yield ctx.report(ref.path,
                         f"{u.name} {role} nhưng không có trong Nơi nhận (kể cả qua nhóm hay “Như Điều 3”): "
                         "đơn vị sẽ không nhận được văn bản.",
                         f"Thêm “{u.name}” (hoặc nhóm chứa đơn vị này) vào `document.recipients`.")
