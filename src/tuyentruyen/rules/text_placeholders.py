"""Chỗ trống “…” của mẫu chưa được điền.

## Quy tắc này làm gì

Báo mọi giá trị còn dấu “…” (hay "....") đứng riêng — cả giá trị chỉ là “…”, hoặc “…” sau một
dấu cách, dấu "(" hay "/" ("Số …/KH-UBND", "ngày … tháng … năm …", "Luật Tổ chức chính quyền
địa phương …") —: đó là chỗ trống của mẫu `tt new` (hay của một văn bản cũ) chưa được điền. Dấu
ba chấm liền sau một chữ, kết thúc một danh sách ví dụ ("Facebook, Zalo..."), không bị báo.

## Vì sao quan trọng

`tt render` in nguyên văn từng giá trị: một chỗ “…” chưa điền sẽ nằm trong văn bản trình ký. Kế
hoạch lập từ mẫu có các chỗ trống để cán bộ điền; quy tắc này nhắc những chỗ còn sót.

## Ví dụ sai

```yaml
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Các chủ trương, chính sách về cải cách hành chính.
        - …
```

## Nên viết

```yaml
plan:
  sections:
    - heading: Nội dung tuyên truyền
      kind: content
      items:
        - Các chủ trương, chính sách về cải cách hành chính.
        - Kết quả cải cách hành chính năm 2023 và nhiệm vụ trọng tâm năm 2024.
```
"""

from __future__ import annotations

CODE = "TT-T012"
TITLE = "Chỗ trống “…” chưa điền"
SEVERITY = "warning"

_NOT_TEXT = frozenset({"id", "tt", "units"})


def check(ctx):
    from tuyentruyen.vn.textcheck import find_placeholders

    if "…" not in ctx.text and "..." not in ctx.text:
        return
    for path, node in ctx.scalars():
        key = next((p for p in reversed(path) if isinstance(p, str)), None)
        if key in _NOT_TEXT:
            continue
        for start, end in find_placeholders(node.value):
            what = "Giá trị này chỉ là chỗ trống" if (start, end) == (0, len(node.value.rstrip())) else \
                "Còn chỗ trống"
            yield ctx.report(path, f"{what} “{node.value[start:end]}” chưa điền: `tt render` sẽ in nguyên "
                             "dấu này vào văn bản.",
                             "Điền nội dung vào chỗ trống, hoặc xóa ý này nếu kế hoạch không cần.",
                             start=start, end=end, node=node)
