"""Văn bản được viện dẫn ghi sai cơ quan ban hành.

## Quy tắc này làm gì

Với mỗi văn bản được viện dẫn có ghi cơ quan ban hành (`issuer`, hay chữ sau "của" trong câu
viện dẫn), báo khi:

- cùng một văn bản (cùng số, ký hiệu và cùng ngày, hay văn bản quy phạm có năm trong ký hiệu)
  được ghi là của hai cơ quan khác nhau ở hai chỗ của kế hoạch ("Kế hoạch số 21/KH-UBND … của
  UBND tỉnh" ở căn cứ, "… của Sở Nội vụ" trong nội dung);
- ký hiệu nói một cơ quan, chữ sau "của" nói cơ quan khác ("Quyết định số 2250/QĐ-UBND … của
  Sở Nội vụ": "UBND" là Ủy ban nhân dân).

Hai cách gọi một cơ quan không bị báo: "UBND tỉnh", "Ủy ban nhân dân tỉnh Hà Giang" và "Chủ tịch
UBND tỉnh" là một (tên viết tắt trong data/unit_words.yaml, chức danh đứng trước được bỏ qua;
tên có trong sổ đơn vị được so theo sổ). Ký hiệu của Đảng ("14-NQ/TU") không được so với tên cơ
quan, vì một cấp ủy có nhiều cách gọi.

## Vì sao quan trọng

Văn bản bị gán cho cơ quan khác thì không tra được, và người đọc không biết văn bản nào mới là
căn cứ. Lỗi này đến từ việc chép câu viện dẫn từ văn bản khác rồi chỉ sửa số.

## Ví dụ sai

```yaml
plan:
  implements:
    - type: Kế hoạch
      number: 180/KH-UBND
      date: 28/12/2023
      issuer: UBND tỉnh
      subject: cải cách hành chính năm 2024
  sections:
    - heading: Mục đích, yêu cầu
      kind: purpose
      items:
        - Triển khai kịp thời Kế hoạch số 180/KH-UBND ngày 28/12/2023 của Sở Nội vụ về cải cách hành chính năm 2024.
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
  sections:
    - heading: Mục đích, yêu cầu
      kind: purpose
      items:
        - Triển khai kịp thời Kế hoạch số 180/KH-UBND ngày 28/12/2023 của Ủy ban nhân dân tỉnh về cải cách hành chính năm 2024.
```
"""

from __future__ import annotations

from tuyentruyen.rules.common import short
from tuyentruyen.rules.refs import cited

CODE = "TT-C008"
TITLE = "Văn bản được viện dẫn ghi sai cơ quan ban hành"
SEVERITY = "error"


def _without_title(name: str) -> str:
    """"Chủ tịch UBND tỉnh" → "UBND tỉnh": the body, not the person who signs for it."""
    from tuyentruyen.vn.units import clean, titles

    written = clean(name)
    low = written.casefold()
    return next((written[len(t):] for t in titles() if low.startswith(t)), written)


def _same_body(ctx, a: str, b: str) -> bool:
    """Two names of one body: the same unit of the registry, or one folded name inside the other."""
    cache = ctx.cached("same_body", dict)
    if (a, b) not in cache:
        cache[(a, b)] = _compare(ctx, a, b)
    return cache[(a, b)]


def _compare(ctx, a: str, b: str) -> bool:
    from tuyentruyen.vn.units import loose_key

    a, b = _without_title(a), _without_title(b)
    ra, rb = ctx.resolve(a), ctx.resolve(b)
    if ra is not None and rb is not None:
        return ra.unit.id == rb.unit.id
    ka, kb = loose_key(a), loose_key(b)
    return f" {ka} " in f" {kb} " or f" {kb} " in f" {ka} "


def check(ctx):
    from tuyentruyen.vn.citations import issuer_name

    seen: dict[str, list] = {}
    for c in cited(ctx):
        if not c.issuer or c.symbol_key is None or not getattr(c.number, "ok", False):
            continue
        number = c.number
        path, at = c.issuer_at()
        body = issuer_name(number.issuer[0]) if number.style != "party" and number.issuer else None
        if body is not None and len(body.split()) >= 2 and not _same_body(ctx, c.issuer, body):
            yield ctx.report(path, f"Văn bản {c.symbol_key} được ghi là của “{short(c.issuer)}”, nhưng "
                             f"“{number.issuer[0]}” trong ký hiệu là {body}.",
                             "Kiểm tra lại cơ quan ban hành (chữ sau “của”) hoặc số, ký hiệu theo văn bản gốc.", **at)
            continue
        for other in seen.setdefault(c.symbol_key, []):
            same_doc = number.year is not None or (c.date is not None and c.date == other.date)
            if same_doc and not _same_body(ctx, c.issuer, other.issuer):
                line = ctx.locate(other.path).line
                yield ctx.report(path, f"Văn bản {c.symbol_key} được ghi là của “{short(c.issuer)}”, nhưng ở dòng "
                                 f"{line} ghi là của “{short(other.issuer)}”.",
                                 "Đối chiếu văn bản gốc và ghi thống nhất cơ quan ban hành ở mọi chỗ viện dẫn.", **at)
                break
        else:
            seen[c.symbol_key].append(c)
