"""Thuật ngữ hành chính cố định bị gõ sai.

## Quy tắc này làm gì

Tìm trong mọi giá trị chữ của kế hoạch các lỗi gõ đã biết của thuật ngữ cố định, lấy từ tệp dữ
liệu `data/typos.yaml` của tt ("Truyền truyền" → "Tuyên truyền", "Chỉ trì" → "Chủ trì", "Công
dịch vụ công" → "Cổng dịch vụ công", "buru chính" → "bưu chính", "tuyên tuyền" → "tuyên
truyền"…) và từ các tệp riêng của kho kế hoạch (`lint.typos` trong tt.toml, cùng định dạng).
`tt lint --fix` sửa tự động, giữ hoa thường của chữ đầu.

## Vì sao quan trọng

Các lỗi này có thật trong văn bản đã ký: danh mục Kế hoạch 25/KH-UBND năm 2023 của tỉnh Quảng
Ngãi ghi "Truyền truyền" ở ba nhiệm vụ và "Công dịch vụ công quốc gia"; phụ lục của tỉnh Hà Giang
ghi "Chỉ trì: Sở Nội vụ"; Kế hoạch của huyện Xuân Lộc ghi "Công dịch vụ công Quốc gia". Trình
kiểm tra chính tả của Word không bắt được vì từng chữ đều đúng chính tả.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: dich-vu-cong
      content: Truyền truyền về dịch vụ công trực tuyến trên Công dịch vụ công quốc gia
      lead: Sở Thông tin và Truyền thông
      due: Thường xuyên
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: dich-vu-cong
      content: Tuyên truyền về dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia
      lead: Sở Thông tin và Truyền thông
      due: Thường xuyên
```
"""

from __future__ import annotations

import functools
import re

CODE = "TT-T003"
TITLE = "Sai chính tả thuật ngữ cố định"
SEVERITY = "error"
FIXABLE = True


def _extra(ctx):
    """The repository's own typos (tt.toml `lint.typos`, read and checked with tt.toml)."""
    return tuple(ctx.config.typo_entries)


@functools.lru_cache(maxsize=16)
def _anchors(entries) -> tuple[tuple[str, re.Pattern], ...]:
    """For each known typo: its first word (lower case) and a pattern for the rest of it."""
    out = {}
    for e in entries:
        first, *rest = e.wrong.lower().split()
        tail = "".join(r"\s+" + re.escape(w) for w in rest)
        out.setdefault((first, tail), None)
    return tuple((first, re.compile(tail)) for first, tail in out)


def _candidates(text: str, entries) -> list[int]:
    """Offsets where a known typo may start: str.find of the first word, then the rest matched
    there (a few ms for a 4 MB file, where one case-insensitive regex takes half a second)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: offsets would shift
        return [m.start() for m in re.finditer("|".join(
            re.escape(e.wrong.split()[0]) for e in entries), text, re.IGNORECASE)]
    found = []
    for first, tail in _anchors(entries):
        i = lowered.find(first)
        while i >= 0:
            if tail.match(lowered, i + len(first)):
                found.append(i)
            i = lowered.find(first, i + 1)
    return found


def check(ctx):
    import bisect
    import unicodedata

    from tuyentruyen.vn.textcheck import builtin_typos, find_typos

    extra = _extra(ctx) or None
    entries = (*builtin_typos(), *(extra or ()))
    scalars = ctx.scalars()
    # One search of the whole file finds the few values worth a closer look (a value's text is in
    # the file as written, folded lines included); values not in NFC are looked at one by one.
    starts = [n.start_mark.index for _, n in scalars]
    chosen: set[int] = set()
    for at in _candidates(ctx.text, entries):
        i = bisect.bisect_right(starts, at) - 1
        if i >= 0 and at < scalars[i][1].end_mark.index:
            chosen.add(i)
    if not unicodedata.is_normalized("NFC", ctx.text):
        chosen.update(i for i, (_, n) in enumerate(scalars) if not unicodedata.is_normalized("NFC", n.value))
    for i in sorted(chosen):
        path, node = scalars[i]
        for typo in find_typos(node.value, extra):
            yield ctx.report(path, typo.message, f"Sửa thành “{typo.right}” (`tt lint --fix` sửa tự động).",
                             start=typo.start, end=typo.end, node=node, fix=typo.right)
