"""Dấu thanh đặt hai kiểu trong một văn bản ("Văn hoá" và "Văn hóa").

## Quy tắc này làm gì

Với những chữ mà dấu thanh có thể đặt trên một trong hai nguyên âm cuối ("hoá"/"hóa",
"thuỷ"/"thủy", "Uỷ"/"Ủy", "hoà"/"hòa", "khoẻ"/"khỏe"), báo khi cùng một chữ được viết theo cả
kiểu cũ và kiểu mới trong cùng một văn bản: báo các chỗ viết theo kiểu ít dùng hơn (bằng nhau thì
báo kiểu cũ). Một văn bản dùng trọn một kiểu thì không bị báo, dù là kiểu nào. Tên đơn vị ở
`lead`, `support`, `unit`, Nơi nhận được so với sổ đơn vị (TT-R006); câu viện dẫn văn bản khác
giữ nguyên cách viết của văn bản đó. `tt lint --fix` đổi cho thống nhất.

## Vì sao quan trọng

Hai kiểu đều đúng chính tả, nhưng một văn bản dùng lẫn hai kiểu thì trông cẩu thả, và một tên
("Phòng Văn hóa và Thông tin") thành hai khi tìm kiếm. Lỗi này thường do chép đoạn văn từ văn bản
khác, hay do hai bộ gõ khác nhau.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Giải pháp
      kind: solutions
      items:
        - Phối hợp với ngành văn hóa xây dựng đời sống văn hóa công sở.
        - Xây dựng văn hoá ứng xử của cán bộ, công chức.
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Giải pháp
      kind: solutions
      items:
        - Phối hợp với ngành văn hóa xây dựng đời sống văn hóa công sở.
        - Xây dựng văn hóa ứng xử của cán bộ, công chức.
```
"""

from __future__ import annotations

import re
from collections import Counter

from tuyentruyen.rules.common import inside, prose

CODE = "TT-T010"
TITLE = "Dấu thanh đặt hai kiểu trong một văn bản"
SEVERITY = "warning"
FIXABLE = True

# a word ending in "oa", "oe", "uy" with a tone mark on either vowel: the only ones that can differ
# (one regex for the whole word backtracks at every letter: 0.6 s on a 4 MB plan; the last two letters are
# found first, then the word is taken back to its start: 0.05 s, the same words — tests/lint/test_tone_marks.py)
_CANDIDATE = re.compile(r"(?i)[^\W\d_]*(?:o[àáảãạ]|[òóỏõọ]a|o[èéẻẽẹ]|[òóỏõọ]e|u[ỳýỷỹỵ]|[ùúủũụ]y)(?![^\W\d_])")
_LAST_TWO = re.compile(r"(?i)[oòóỏõọuùúủũụ][aàáảãạeèéẻẽẹyỳýỷỹỵ](?![^\W\d_])")  # every word that can end so
_PAIR = re.compile(r"(?i)o[àáảãạ]|[òóỏõọ]a|o[èéẻẽẹ]|[òóỏõọ]e|u[ỳýỷỹỵ]|[ùúủũụ]y")
_LETTER = re.compile(r"[^\W\d_]")


def candidates(value: str):
    """(start, end, word) of each word _CANDIDATE finds in value, in order."""
    for m in _LAST_TWO.finditer(value):
        if not _PAIR.fullmatch(m.group()):
            continue
        start = m.start()
        while start and _LETTER.match(value, start - 1):
            start -= 1
        yield start, m.end(), value[start:m.end()]
_STYLE = {"old": "kiểu cũ", "new": "kiểu mới"}


def check(ctx):
    from tuyentruyen.vn.textcheck import other_tone_style, tone_key

    found = []
    counts: dict[str, Counter] = {}
    if next(candidates(ctx.text), None) is None:
        return
    for path, node, cited_at in prose(ctx):
        for start, end, word in candidates(node.value):
            key = tone_key(word)
            if key is None or inside(cited_at, start, end):
                continue
            found.append((path, node, start, end, word, key))
            counts.setdefault(key[0], Counter())[key[1]] += 1
    for path, node, start, end, word, (key, style) in found:
        c = counts[key]
        if len(c) < 2 or (c[style] > c[_other(style)] or (c[style] == c[_other(style)] and style == "new")):
            continue
        right = other_tone_style(word)
        yield ctx.report(path, f"“{word}” đặt dấu thanh {_STYLE[style]}, trong khi văn bản này viết “{right.lower()}” "
                         f"({_STYLE[_other(style)]}) {c[_other(style)]} lần: một văn bản dùng một kiểu.",
                         f"Viết “{right}” (`tt lint --fix` sửa tự động).", start=start, end=end, node=node,
                         fix=right)


def _other(style: str) -> str:
    return "new" if style == "old" else "old"
