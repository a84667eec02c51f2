"""Số liệu đạt được cao bất thường so với chỉ tiêu, có thể gõ nhầm.

## Quy tắc này làm gì

So từng số liệu của mục tiến độ (`figures`) với cột Số lượng (`quantity`) của nhiệm vụ, theo
đơn vị đếm ("người" với "người", "bài" với "bài", không phân biệt dấu); chỉ tiêu theo kỳ được
tính cho cả năm ("02 tin/tháng" là 24 tin, "01 chuyên mục/quý" là 4). Báo khi số đạt được
từ 10 lần chỉ tiêu trở lên (thừa một chữ số 0: 400 người cho chỉ tiêu 40), hoặc bằng chỉ tiêu
viết thừa một chữ số (122 cho chỉ tiêu 12) mà gấp đôi chỉ tiêu trở lên. Vượt chỉ tiêu bình
thường (45 người cho chỉ tiêu 40) không bị báo.

## Vì sao quan trọng

Số liệu của tệp tiến độ đi thẳng vào bảng kết quả của báo cáo gửi cấp trên; một chữ số 0 gõ
thừa thành "tập huấn cho 400 người" thì báo cáo sai mà không ai để ý.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
      quantity: 01 lớp, 40 người
---
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    result: Tổ chức 01 lớp tập huấn.
    figures: [1 lớp, 400 người]
    evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024]
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      support: [Sở Tài chính]
      due: Quý II/2024
      quantity: 01 lớp, 40 người
---
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    result: Tổ chức 01 lớp tập huấn.
    figures: [1 lớp, 45 người]
    evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024]
```
"""

from __future__ import annotations

CODE = "TT-P004"
TITLE = "Số liệu cao bất thường so với chỉ tiêu"
SEVERITY = "warning"
SUBJECT = "progress"


def check(ctx):
    from tuyentruyen.vn.quantity import looks_like_typo, match_figures, parse_quantity

    for key, entry, path in ctx.entries():
        item = ctx.item(key)
        if item is None or not item.quantity or not entry.figures:
            continue
        targets = parse_quantity(item.quantity)
        figures = [parse_quantity(f)[0] for f in entry.figures]
        for i, fig, target in match_figures(targets, figures):
            if target is None or not looks_like_typo(fig.value, target.yearly):
                continue
            times = fig.value / target.yearly
            yield ctx.report(path + ("figures", i),
                             f"Nhiệm vụ '{key}': số liệu “{entry.figures[i]}” gấp {times:.0f} lần chỉ tiêu "
                             f"“{target.text}” (cột Số lượng: “{item.quantity}”); có thể gõ nhầm.",
                             "Kiểm tra lại số liệu với văn bản báo cáo của đơn vị; nếu đúng là vượt chỉ tiêu, ghi rõ "
                             "ở `notes` và bỏ qua bằng `# tt: ignore[TT-P004]` ở cuối dòng.")
