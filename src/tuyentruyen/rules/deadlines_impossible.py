"""Thời hạn ghi một ngày, một quý hay một tháng không có trên lịch.

## Quy tắc này làm gì

Đọc mọi thời hạn (`due` của nhiệm vụ, của ý, của nhiệm vụ đơn vị, của mục) và báo khi
thời hạn ghi một ngày không có thật: ngày 29/02 của năm không nhuận, ngày 31 của tháng
chỉ có 30 ngày, tháng 13, "Quý V". Ngày viết trong lời văn ("… gửi về UBND huyện trước ngày
29/02/2023") cũng được kiểm tra; ngày của một văn bản được viện dẫn thì do TT-C007 kiểm tra.

## Vì sao quan trọng

Kế hoạch 61/KH-UBND ngày 22/02/2024 của UBND huyện Xuân Lộc đã được ký và ban hành với
thời hạn "trước ngày 29/02/2023" — năm 2023 không có ngày 29 tháng 2. Một thời hạn không
có thật thì không ai thực hiện đúng được, và văn bản phải đính chính sau khi đã ban hành.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: xay-dung-ke-hoach
      content: Xây dựng kế hoạch thông tin, tuyên truyền cải cách hành chính của đơn vị
      lead: Các sở, ban, ngành
      due: trước ngày 31/4/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: xay-dung-ke-hoach
      content: Xây dựng kế hoạch thông tin, tuyên truyền cải cách hành chính của đơn vị
      lead: Các sở, ban, ngành
      due: trước ngày 26/4/2024
```
"""

from __future__ import annotations

import calendar
import re

from tuyentruyen.rules.common import date_span
from tuyentruyen.vn.dates import impossible_reason

CODE = "TT-D001"
TITLE = "Ngày không có thật"
SEVERITY = "error"

_BAD_PERIOD = ("bad_quarter", "bad_month")


def check(ctx):
    for due in ctx.dues():
        if not due.text:
            continue
        t = ctx.time(due.text)
        kind = str(t.kind)
        if kind == "invalid_date":
            span = date_span(due.text)
            yield ctx.report(due.path, f"Thời hạn “{due.text}” ghi một ngày không có thật ({t.reason}).",
                             _hint(ctx, t), start=span[0] if span else None, end=span[1] if span else None)
        elif kind == "unknown" and str(t.code) in _BAD_PERIOD:
            yield ctx.report(due.path, f"Thời hạn “{due.text}” không có thật: {t.reason}.",
                             "Một năm chỉ có quý I đến quý IV và tháng 1 đến tháng 12; kiểm tra lại văn bản gốc.")
    for path, node, start, end, written, why in _text_dates(ctx):
        yield ctx.report(path, f"Ngày “{written}” trong nội dung không có thật: {why}.",
                         "Kiểm tra lại ngày theo ý định của văn bản (và thời hạn `due` tương ứng, nếu có).",
                         start=start, end=end, node=node)


_IN_TEXT = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])"
                      r"|ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})", re.IGNORECASE)
_SKIP_KEYS = frozenset({"due", "date", "number", "symbol"})


def _text_dates(ctx):
    """Impossible dates written in running text, outside the citations (TT-C007 reads those)."""
    from tuyentruyen.rules.refs import cited

    cited_at: dict[tuple, list[tuple[int, int]]] = {}
    for c in cited(ctx):
        if not c.structured and c.date_span:
            cited_at.setdefault(c.path, []).append(c.date_span)
    for path, node in ctx.scalars():
        value = node.value
        if "/" not in value and "tháng" not in value:
            continue
        key = next((p for p in reversed(path) if isinstance(p, str)), None)
        if key in _SKIP_KEYS:
            continue
        for m in _IN_TEXT.finditer(value):
            d, mo, y = (int(x) for x in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
            why = impossible_reason(d, mo, y)
            if why is None or any(a <= m.start() < b for a, b in cited_at.get(path, ())):
                continue
            yield path, node, m.start(), m.end(), m.group(0), why


def _hint(ctx, t) -> str:
    year = ctx.year
    if t.year is not None and t.year != year and 1 <= t.month <= 12 \
            and t.day <= calendar.monthrange(year, t.month)[1]:
        return (f"Có lẽ năm bị chép nhầm: kế hoạch năm {year}, và ngày {t.day:02d}/{t.month:02d}/{year} "
                "có thật. Sửa lại ngày và năm theo đúng ý định.")
    if 1 <= t.month <= 12 and t.year is not None:
        last = calendar.monthrange(t.year, t.month)[1]
        return (f"Tháng {t.month}/{t.year} có {last} ngày: dùng ngày {last:02d}/{t.month:02d}/{t.year} "
                "hoặc một ngày có thật khác.")
    return "Kiểm tra lại ngày trong văn bản gốc và ghi một ngày có thật, dạng dd/mm/yyyy."
