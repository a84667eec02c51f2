"""Khoảng thời gian viết ngược (điểm đầu muộn hơn điểm cuối).

## Quy tắc này làm gì

Báo khoảng thời gian có điểm đầu muộn hơn điểm cuối: "Quý IV - II/2024", "Tháng 9 - 6/2024",
"Từ ngày 15/3 đến ngày 01/3/2024", "Năm 2025 - 2023".

## Vì sao quan trọng

Khoảng thời gian ngược không có nghĩa: người thực hiện không biết việc kéo dài từ đâu đến đâu.
Thường là gõ nhầm thứ tự ("Quý IV - II" thay cho "Quý II - IV").

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      due: Quý IV - II/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      due: Quý II - IV/2024
```
"""

from __future__ import annotations

CODE = "TT-D007"
TITLE = "Khoảng thời gian bị đảo ngược"
SEVERITY = "error"


def check(ctx):
    for due in ctx.dues():
        if not due.text:
            continue
        t = ctx.time(due.text)
        if str(t.kind) == "unknown" and str(t.code) == "reversed_range":
            yield ctx.report(due.path, f"Thời gian “{due.text}”: {t.reason}.",
                             "Viết khoảng thời gian từ sớm đến muộn, ví dụ “Quý II - IV/" f"{ctx.year}”.")
