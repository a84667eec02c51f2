"""Gạch nối "-" và gạch ngang "–" lẫn lộn trong một tên.

## Quy tắc này làm gì

Tìm các dấu gạch giữa hai chữ ("Phát thanh - Truyền hình", "kinh tế – xã hội", "Văn hóa - Xã
hội") trong nội dung kế hoạch, rồi báo khi:

- cùng một tên được viết với hai loại gạch khác nhau trong cùng văn bản ("Phòng Văn hóa - Xã
  hội" ở một chỗ, "Phòng Văn hóa – Xã hội" ở chỗ khác): báo các chỗ viết khác với cách viết
  nhiều hơn;
- một tên có hai loại gạch ("Phòng Văn hóa – Thông tin - Thể thao").

Gạch giữa hai số ("2021 – 2025", khoảng thời gian) không bị xét; tên đơn vị ở `lead`, `support`,
`unit`, Nơi nhận được so với sổ đơn vị (TT-R006); câu viện dẫn văn bản khác được giữ nguyên.
`tt lint --fix` đổi cho thống nhất theo cách viết nhiều hơn (bằng nhau thì dùng gạch nối "-",
như tên các đơn vị trong văn bản quy phạm).

## Vì sao quan trọng

Hai loại gạch làm một tên thành hai tên khi tìm kiếm, so sánh, và văn bản in ra trông không
thống nhất. Lỗi này thường do chép từ nhiều văn bản, hoặc Word tự đổi "-" thành "–".

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Giải pháp
      kind: solutions
      items:
        - Phối hợp với Phòng Văn hóa - Xã hội xây dựng chuyên mục cải cách hành chính.
        - Phòng Văn hóa – Xã hội hướng dẫn các thôn, tổ dân phố tuyên truyền.
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Giải pháp
      kind: solutions
      items:
        - Phối hợp với Phòng Văn hóa - Xã hội xây dựng chuyên mục cải cách hành chính.
        - Phòng Văn hóa - Xã hội hướng dẫn các thôn, tổ dân phố tuyên truyền.
```
"""

from __future__ import annotations

import re
from collections import Counter

from tuyentruyen.rules.common import inside, prose

CODE = "TT-T009"
TITLE = "Gạch nối và gạch ngang lẫn lộn trong một tên"
SEVERITY = "warning"
FIXABLE = True

_NAMES = {"-": "gạch nối “-”", "\u2013": "gạch ngang “–”", "\u2014": "gạch dài “—”"}
_BREAK = re.compile(r"[,;.:()\[\]\n“”\"]")


def _preferred(counts: Counter) -> str:
    top = max(counts.values())
    return "-" if counts.get("-") == top else max(counts, key=lambda d: (counts[d], d == "\u2013"))


def check(ctx):
    from tuyentruyen.vn.textcheck import find_name_dashes

    found = []  # (path, node, offset, dash, key, chain)
    for path, node, cited_at in prose(ctx, skip=frozenset({"due"})):
        dashes = [d for d in find_name_dashes(node.value) if not inside(cited_at, d[0], d[0] + 1)]
        chain = 0
        for i, (at, dash, key) in enumerate(dashes):
            if i and (_BREAK.search(node.value, dashes[i - 1][0] + 1, at)
                      or len(node.value[dashes[i - 1][0] + 1:at].split()) > 5):
                chain += 1
            found.append((path, node, at, dash, key, (path, chain)))
    by_key: dict[str, Counter] = {}
    by_chain: dict[tuple, Counter] = {}
    for _, _, _, dash, key, chain in found:
        by_key.setdefault(key, Counter())[dash] += 1
        by_chain.setdefault(chain, Counter())[dash] += 1
    for path, node, at, dash, key, chain in found:
        in_doc, in_name = by_key[key], by_chain[chain]
        if len(in_name) > 1 and dash != (want := _preferred(in_name)):
            message = (f"Một tên có hai loại gạch: {_NAMES[dash]} ở đây, {_NAMES[want]} ở chỗ khác trong cùng "
                       "tên.")
        elif len(in_doc) > 1 and dash != (want := _preferred(in_doc)):
            message = (f"“{_around(node.value, at)}” viết {_NAMES[dash]}, nhưng chỗ khác trong văn bản viết tên "
                       f"này với {_NAMES[want]} ({in_doc[want]} lần).")
        else:
            continue
        yield ctx.report(path, message, f"Dùng một loại gạch cho cả văn bản: {_NAMES[want]} (`tt lint --fix` sửa "
                         "tự động).", start=at, end=at + 1, node=node, fix=want)


def _around(text: str, at: int) -> str:
    """The words on both sides of the dash, as written."""
    left = re.findall(r"\S+", text[max(0, at - 30):at])
    right = re.findall(r"\S+", text[at + 1:at + 31])
    return " ".join([*left[-2:], text[at], *right[:2]]) if left and right else text[at]
