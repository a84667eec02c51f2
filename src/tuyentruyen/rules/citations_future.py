"""Văn bản được viện dẫn có ngày ban hành sau ngày ký kế hoạch.

## Quy tắc này làm gì

So ngày của mọi văn bản được viện dẫn (căn cứ, văn bản được thực hiện, văn bản nêu trong nội
dung) với ngày ký kế hoạch (`document.date`), và năm trong ký hiệu của văn bản quy phạm
("30/2025/NĐ-CP") với năm ký: báo văn bản "được ban hành" sau kế hoạch. Bản dự thảo chưa có
ngày ký thì quy tắc không chạy.

Khi chính ngày ký là chỗ đáng ngờ — kế hoạch ký trước phần lớn (từ hai văn bản trở lên) các văn
bản nó viện dẫn, hoặc ngày ký rơi vào ngày nghỉ — quy tắc báo một lỗi ở `document.date` thay vì
báo từng văn bản được viện dẫn, và gợi ý ngày ký gần nhất (cùng ngày, tháng) ở sau mọi văn bản
đó.

## Vì sao quan trọng

Một kế hoạch không thể căn cứ vào văn bản chưa ra đời: hoặc ngày của văn bản được viện dẫn bị
ghi nhầm, hoặc — thường gặp hơn vào tháng 1 — ngày ký của chính kế hoạch còn mang năm cũ (ký
ngày 08/01/2024 nhưng ghi "08/01/2023"). Sửa đúng chỗ: một ngày ký sai làm mọi viện dẫn có vẻ sai.

## Ví dụ sai

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
      date: 28/12/2024
      issuer: UBND tỉnh
      subject: cải cách hành chính năm 2024
```

```yaml
document:
  date: 08/01/2023
  bases:
    - type: Quyết định
      number: 2250/QĐ-UBND
      date: 09/12/2023
      issuer: UBND tỉnh
      subject: ban hành Kế hoạch cải cách hành chính năm 2024
    - type: Kế hoạch
      number: 212/KH-UBND
      date: 20/12/2023
      issuer: UBND tỉnh
      subject: chuyển đổi số năm 2024
```

## Nên viết

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
      date: 28/12/2023
      issuer: UBND tỉnh
      subject: cải cách hành chính năm 2024
```

```yaml
document:
  date: 08/01/2024
  bases:
    - type: Quyết định
      number: 2250/QĐ-UBND
      date: 09/12/2023
      issuer: UBND tỉnh
      subject: ban hành Kế hoạch cải cách hành chính năm 2024
    - type: Kế hoạch
      number: 212/KH-UBND
      date: 20/12/2023
      issuer: UBND tỉnh
      subject: chuyển đổi số năm 2024
```
"""

from __future__ import annotations

import datetime as dt

from tuyentruyen.rules.common import fmt_date
from tuyentruyen.rules.refs import cited

CODE = "TT-C004"
TITLE = "Văn bản được viện dẫn ban hành sau kế hoạch"
SEVERITY = "error"


def _name(c) -> str:
    return f"{c.type_name + ' ' if c.type_name else ''}{c.symbol_key or ''}".strip() or "Văn bản được viện dẫn"


def check(ctx):
    if ctx.date is None:
        return
    signed = fmt_date(ctx.date)
    found = cited(ctx)
    dated = [c for c in found if c.date is not None]
    later = [c for c in dated if c.date > ctx.date]
    if later:
        off = ctx.calendar(ctx.date.year, ctx.date.year).why_off(ctx.date)
        if (len(later) >= 2 and 2 * len(later) > len(dated)) or off:
            yield _plan_date(ctx, later, dated, off)
            later = []
    for c in later:
        path, at = c.date_at()
        yield ctx.report(path, f"{_name(c)} được ghi ngày {fmt_date(c.date)}, sau ngày ký kế hoạch ({signed}).",
                         "Kiểm tra lại ngày của văn bản này theo văn bản gốc (thường là nhầm năm); nếu ngày ấy "
                         "đúng thì ngày ký kế hoạch (`document.date`) bị ghi nhầm.", **at)
    for c in found:
        if c.date is None and getattr(c.number, "year", None) and c.number.year > ctx.date.year:
            yield ctx.report(c.symbol_path(), f"{_name(c)} mang năm {c.number.year} trong ký hiệu, sau năm ký kế hoạch "
                             f"({ctx.date.year}).", "Kiểm tra lại số, ký hiệu theo văn bản gốc.", **c.symbol_at())


def _plan_date(ctx, later: list, dated: list, off: str | None):
    """One problem at document.date: the plan's own date is the likely mistake."""
    last = max(later, key=lambda c: c.date)
    where = ctx.locate(last.path).line
    message = (f"Ngày ký kế hoạch {fmt_date(ctx.date)} sớm hơn {len(later)}/{len(dated)} văn bản mà kế hoạch viện "
               f"dẫn (muộn nhất: {_name(last)} ngày {fmt_date(last.date)}, dòng {where})")
    message += f", và rơi vào {off}." if off else "."
    guess = _guess(ctx.date, max(c.date for c in later))
    hint = "Nhiều khả năng ngày ký (`document.date`) bị ghi nhầm"
    hint += f" (thường là nhầm năm: {fmt_date(guess)}?)" if guess else ""
    hint += "; sửa ngày ký theo văn bản đã ký, không sửa ngày của các văn bản được viện dẫn."
    return ctx.report(("document", "date"), message, hint)


def _guess(signed: dt.date, latest: dt.date) -> dt.date | None:
    """The same day and month in the first year that comes after every cited document."""
    for year in range(signed.year + 1, signed.year + 3):
        try:
            day = signed.replace(year=year)
        except ValueError:
            continue
        if day > latest:
            return day
    return None
