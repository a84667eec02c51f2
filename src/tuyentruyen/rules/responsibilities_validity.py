"""Đơn vị đã giải thể, sáp nhập, hoặc chưa thành lập vào thời điểm của kế hoạch.

## Quy tắc này làm gì

Sổ đơn vị ghi thời hạn tồn tại của đơn vị (`valid_from`, `valid_until`) và đơn vị kế thừa
(`successor`). Quy tắc báo đơn vị được giao việc khi đã hết hiệu lực trước ngày ký kế hoạch
(bản dự thảo chưa có ngày: trước ngày 01/01 của năm kế hoạch), hoặc chỉ thành lập sau ngày
đó (bản dự thảo: sau ngày 31/12 của năm kế hoạch), và gợi ý đơn vị kế thừa — cùng với việc thêm
đơn vị kế thừa vào Nơi nhận khi Nơi nhận chưa có nó. Đơn vị như vậy không bị TT-R008 (Nơi nhận)
báo thêm: một đơn vị, một lời khuyên.

## Vì sao quan trọng

Từ năm 2025 nhiều sở được hợp nhất, cấp huyện không còn (từ 01/7/2025). Kế hoạch chép từ năm
trước dễ giao việc cho một đơn vị không còn tồn tại: việc đó sẽ không ai nhận.

## Ví dụ sai

```yaml
document:
  date: 10/03/2025
plan:
  year: 2025
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025
  tasks:
    - id: doi-thoai-doanh-nghiep
      content: Tổ chức đối thoại với doanh nghiệp về thủ tục hành chính
      lead: Sở Kế hoạch và Đầu tư
      due: Quý II/2025
```

## Nên viết

```yaml
document:
  date: 10/03/2025
plan:
  year: 2025
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2025
  tasks:
    - id: doi-thoai-doanh-nghiep
      content: Tổ chức đối thoại với doanh nghiệp về thủ tục hành chính
      lead: Sở Tài chính
      due: Quý II/2025
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import fmt_date, reached_by_recipients, validity

CODE = "TT-R007"
TITLE = "Đơn vị không còn (hoặc chưa) tồn tại"
SEVERITY = "error"


def check(ctx):
    if ctx.units is None:
        return
    when = f"ngày ký kế hoạch ({fmt_date(ctx.date)})" if ctx.date else f"năm kế hoạch {ctx.year}"
    for ref in ctx.unit_refs():
        r = ctx.resolve(ref.written)
        if r is None:
            continue
        u = r.unit
        found = validity(ctx, u)
        if found is None:
            continue
        kind, heir = found
        if kind == "ended":
            message = f"{u.name} chỉ tồn tại đến ngày {fmt_date(u.valid_until)}, trước {when}."
            if heir is not None:
                hint = f"Giao việc cho đơn vị kế thừa: {heir.name}"
                if ref.role in ("lead", "duty") and not reached_by_recipients(ctx, heir):
                    hint += f", và thêm “{heir.name}” vào Nơi nhận (`document.recipients`)"
                hint += "."
            else:
                hint = "Giao việc cho đơn vị đang tồn tại, hoặc sửa `valid_until` trong sổ đơn vị nếu ghi nhầm."
            yield ctx.report(ref.path, message, hint)
        else:
            yield ctx.report(ref.path, f"{u.name} chỉ được thành lập từ ngày {fmt_date(u.valid_from)}, sau {when}.",
                             "Giao việc cho đơn vị đang tồn tại, hoặc sửa `valid_from` trong sổ đơn vị nếu ghi nhầm.")
