"""Một văn bản được viện dẫn với hai ngày (hoặc hai trích yếu) khác nhau.

## Quy tắc này làm gì

Gom mọi lần kế hoạch viện dẫn cùng một văn bản (cùng số, ký hiệu) — ở căn cứ, văn bản được
thực hiện và trong nội dung — rồi báo khi các lần viện dẫn ghi ngày ban hành khác nhau, hoặc
(với các viện dẫn có cấu trúc) trích yếu khác nhau. Văn bản hành chính không có năm trong ký
hiệu ("2250/QĐ-UBND") được đánh số lại mỗi năm, nên chỉ bị coi là một khi hai ngày cùng một năm
và cùng cơ quan ban hành.

## Vì sao quan trọng

Hai ngày cho một văn bản thì ít nhất một ngày sai, và người đọc không biết văn bản nào mới là
căn cứ. Lỗi này thường đến từ việc chép căn cứ từ nhiều văn bản khác nhau.

## Ví dụ sai

```yaml
document:
  bases:
    - type: Nghị quyết
      number: 76/NQ-CP
      date: 15/7/2021
      issuer: Chính phủ
      subject: ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Các mục tiêu của Chương trình tổng thể theo Nghị quyết số 76/NQ-CP ngày 17/5/2021 của Chính phủ.
```

## Nên viết

```yaml
document:
  bases:
    - type: Nghị quyết
      number: 76/NQ-CP
      date: 15/7/2021
      issuer: Chính phủ
      subject: ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Các mục tiêu của Chương trình tổng thể theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.
```
"""

from __future__ import annotations

import re

from tuyentruyen.rules.common import fmt_date, short
from tuyentruyen.rules.refs import cited
from tuyentruyen.vn.units import loose_key

CODE = "TT-C003"
TITLE = "Một văn bản, hai ngày hoặc hai trích yếu"
SEVERITY = "error"


def _subject(text: str) -> str:
    key = loose_key(text)
    return re.sub(r"^(?:về việc|về|v v)\s+", "", key)


def _same_issuer(a, b) -> bool:
    if not a.issuer or not b.issuer:
        return True
    return loose_key(a.issuer) == loose_key(b.issuer)


def check(ctx):
    first_of: dict[str, list] = {}
    for c in cited(ctx):
        key = c.symbol_key
        if key is None:
            continue
        for f in first_of.setdefault(key, []):
            normative = getattr(c.number, "year", None) is not None
            if c.date is not None and f.date is not None and c.date != f.date:
                if not normative and (c.date.year != f.date.year or not _same_issuer(c, f)):
                    continue  # a different document with the same number in another year or body
                line = ctx.locate(f.path).line
                path, at = c.date_at()
                yield ctx.report(path, f"Văn bản {key} được ghi ngày {fmt_date(c.date)}, nhưng ở dòng {line} ghi "
                                 f"ngày {fmt_date(f.date)}.",
                                 "Đối chiếu văn bản gốc và sửa cho hai chỗ cùng một ngày.", **at)
                break
            if c.structured and f.structured and c.subject and f.subject and _subject(c.subject) != _subject(f.subject):
                line = ctx.locate(f.path).line
                yield ctx.report(c.path + ("subject",),
                                 f"Văn bản {key} có trích yếu “{short(c.subject)}”, khác trích yếu ở dòng {line} "
                                 f"(“{short(f.subject)}”).",
                                 "Đối chiếu văn bản gốc và ghi thống nhất một trích yếu.")
                break
        else:
            first_of[key].append(c)
