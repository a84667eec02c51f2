"""Khoảng trắng thừa, thiếu hoặc đặt sai chỗ.

## Quy tắc này làm gì

Báo trong mọi giá trị chữ: hai dấu cách liền nhau, dấu cách ở đầu hay cuối, dấu cách trước dấu
"," ";" "." ":" ")" hay sau dấu "(", thiếu dấu cách sau dấu "," ";" giữa hai chữ, và dấu cách
chen vào dấu kết thúc văn bản "./." (". /."). `tt lint
--fix` sửa những chỗ này (chỉ sửa khi chắc chắn không đổi nghĩa hay cấu trúc tệp).

## Vì sao quan trọng

Văn bản in ra với khoảng trắng lộn xộn trông cẩu thả; khoảng trắng thừa còn làm hai tên đơn vị,
hai thuật ngữ giống nhau thành khác nhau khi tìm kiếm và so sánh.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn  nghiệp vụ cải cách hành chính , quản lý văn bản
      lead: Sở Nội vụ
      due: Quý II/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính, quản lý văn bản
      lead: Sở Nội vụ
      due: Quý II/2024
```
"""

from __future__ import annotations

import re

CODE = "TT-T004"
TITLE = "Khoảng trắng thừa hoặc sai chỗ"
SEVERITY = "warning"
FIXABLE = True

_Z = r"[^\S\t\n\r\f\v]"
# anything find_space_issues could report; most values have none, and this test is cheap
_MAYBE = re.compile(rf"^{_Z}|{_Z}(?:$|[\n\r,;.:)]|{_Z})|\({_Z}|[^\W\d_)][,;][^\W\d_]|[\u00a0\u2000-\u200a\u202f\u205f\u3000]",
                    re.MULTILINE)
_NOT_TEXT = frozenset({"id", "tt", "number", "year", "copies", "padded", "marker", "kind", "type"})


_END_MARK = re.compile(r"\.[^\S\n]+/[^\S\n]*\.|\./[^\S\n]+\.")


def check(ctx):
    from tuyentruyen.vn.textcheck import find_space_issues

    for path, node in ctx.scalars():
        value = node.value
        if "/" in value:
            for m in _END_MARK.finditer(value):
                yield ctx.report(path, f"Dấu kết thúc văn bản viết “{m.group(0)}”, có khoảng trắng thừa: phải là “./.”.",
                                 "Viết liền “./.” (`tt lint --fix` sửa tự động).", start=m.start(), end=m.end(),
                                 node=node, fix="./.")
        if not _MAYBE.search(value):
            continue
        key = next((p for p in reversed(path) if isinstance(p, str)), None)
        if key in _NOT_TEXT:
            continue
        for issue in find_space_issues(value):
            if issue.kind == "trailing_space" and node.style in ("|", ">") and issue.end == len(value):
                continue  # a block scalar's kept final line break
            yield ctx.report(path, issue.message, "Sửa khoảng trắng (`tt lint --fix` sửa tự động).",
                             start=issue.start, end=max(issue.end, issue.start + 1), node=node,
                             fix=issue.replacement if issue.end > issue.start else None)
