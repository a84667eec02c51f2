"""Một văn bản được viện dẫn với hai ngày (hoặc hai trích yếu) khác nhau.

## Quy tắc này làm gì

Gom mọi lần kế hoạch viện dẫn cùng một văn bản (cùng số, ký hiệu) — ở căn cứ, văn bản được
thực hiện và trong nội dung — rồi báo khi các lần viện dẫn ghi ngày ban hành khác nhau, hoặc
trích yếu khác nhau: giữa hai căn cứ (hay văn bản được thực hiện) có cấu trúc, trích yếu phải
giống nhau; khi một bên là căn cứ viết nguyên văn (`- Căn cứ Quyết định số … về …;`), hai
trích yếu bị coi là khác khi chúng gần như không có chữ chung (viết gọn hay đổi vài chữ thì
không bị báo). Trích yếu trong nội dung các mục không bị so, vì ở đó văn bản thường được nhắc
tóm tắt. Văn bản hành chính không có năm trong ký
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

```yaml
document:
  bases:
    - Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về kế hoạch cải cách hành chính năm 2023;
    - Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về chuyển đổi số và phát triển chính quyền số;
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

```yaml
document:
  bases:
    - Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về kế hoạch cải cách hành chính năm 2023;
    - type: Quyết định
      number: 2250/QĐ-UBND
      date: 09/12/2022
      issuer: UBND tỉnh
      subject: về kế hoạch cải cách hành chính tỉnh Hà Giang năm 2023
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


def _subjects_differ(a, b) -> bool:
    """Two structured citations must agree word for word; with a căn cứ written as text, two subjects
    differ when they share less than half of their words (a shorter or reworded one is the same)."""
    if not (a.subject and b.subject and a.in_bases and b.in_bases):
        return False
    if a.structured and b.structured:
        return _subject(a.subject) != _subject(b.subject)
    wa, wb = set(_subject(a.subject).split()), set(_subject(b.subject).split())
    return bool(wa and wb) and len(wa & wb) < 0.5 * min(len(wa), len(wb))


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
            if _subjects_differ(c, f):
                line = ctx.locate(f.path).line
                path, at = c.subject_at()
                yield ctx.report(path,
                                 f"Văn bản {key} có trích yếu “{short(c.subject)}”, khác trích yếu ở dòng {line} "
                                 f"(“{short(f.subject)}”).",
                                 "Đối chiếu văn bản gốc và ghi thống nhất một trích yếu.", **at)
                break
        else:
            first_of[key].append(c)
