"""Một tên gọi cố định viết hoa hai kiểu trong một văn bản.

## Quy tắc này làm gì

Tìm trong nội dung kế hoạch các tên gọi cố định do văn bản quy phạm đặt ("Cổng Dịch vụ công
quốc gia", "Bộ phận Một cửa", "Trung tâm Phục vụ hành chính công", "Chương trình tổng thể cải
cách hành chính nhà nước"… — danh sách và văn bản đặt tên ở data/style_words.yaml), rồi báo khi
một tên được viết hoa theo hai kiểu trong cùng văn bản ("Cổng dịch vụ công quốc gia" ở một
chỗ, "Cổng dịch vụ công Quốc gia" ở chỗ khác): báo các chỗ không viết đúng cách viết của văn bản
đặt tên, và `tt lint --fix` sửa theo cách viết đó. Một văn bản viết một tên thống nhất thì không
bị báo. Tên đơn vị được so với sổ đơn vị (TT-R006); câu viện dẫn văn bản khác giữ nguyên.

## Vì sao quan trọng

Nghị định 30/2020/NĐ-CP, Phụ lục II quy định viết hoa tên riêng của cơ quan, tổ chức, và tên
của các hệ thống, bộ phận theo văn bản thành lập; một tên viết hoa hai kiểu trong cùng văn bản
cho thấy ít nhất một chỗ sai, và người đọc không biết đó có phải là một hay không.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Hình thức tuyên truyền
      kind: forms
      items:
        - Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công quốc gia.
        - Đăng tải tin, bài về dịch vụ công trên Cổng Dịch vụ công Quốc gia.
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Hình thức tuyên truyền
      kind: forms
      items:
        - Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia.
        - Đăng tải tin, bài về dịch vụ công trên Cổng Dịch vụ công quốc gia.
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục II (viết hoa trong văn bản hành chính),
mục IV (tên cơ quan, tổ chức); Quyết định số 274/QĐ-TTg ngày 12/3/2019 của Thủ tướng Chính phủ
(Cổng Dịch vụ công quốc gia); Nghị định số 61/2018/NĐ-CP (Bộ phận Một cửa, Trung tâm Phục vụ
hành chính công).
"""

from __future__ import annotations

import re

from tuyentruyen.rules.common import inside, prose

CODE = "TT-T008"
TITLE = "Tên gọi cố định viết hoa hai kiểu"
SEVERITY = "warning"
FIXABLE = True


def check(ctx):
    from tuyentruyen.vn.textcheck import find_terms, style_words

    from tuyentruyen.vn.text import fold

    whole = fold(ctx.text)  # one look at the whole file: most plans name none of the terms
    terms = tuple(t for t in style_words()["terms"]
                  if re.search(r"\s+".join(map(re.escape, fold(t).split())), whole))
    if not terms:
        return
    found = []
    forms: dict[str, dict[tuple, str]] = {}  # term → its capitals (a typo in a letter is TT-T003's) → as written
    for path, node, cited_at in prose(ctx):
        for use in find_terms(node.value, terms):
            if inside(cited_at, use.start, use.end):
                continue
            found.append((path, node, use))
            forms.setdefault(use.term, {}).setdefault(_capitals(use.written), use.written)
    for path, node, use in found:
        mine = _capitals(use.written)
        if len(forms[use.term]) < 2 or mine == _capitals(use.term):
            continue
        others = sorted(w for k, w in forms[use.term].items() if k != mine)
        yield ctx.report(path, f"“{use.written}” viết hoa khác chỗ khác trong văn bản (“{others[0]}”); tên này "
                         f"viết là “{use.term}”.",
                         f"Viết “{use.term}” ở mọi chỗ (`tt lint --fix` sửa tự động).", start=use.start, end=use.end,
                         node=node, fix=use.term)


def _capitals(text: str) -> tuple[bool, ...]:
    """Which letters are capitals: two spellings of a term differ in their capitals or not."""
    return tuple(c.isupper() for c in text if c.isalpha())
