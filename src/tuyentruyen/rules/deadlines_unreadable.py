"""Thời gian thực hiện viết theo cách tt không đọc được.

## Quy tắc này làm gì

Đọc thời gian thực hiện như cán bộ thường viết — "Thường xuyên", "Quý I, Quý II/2023",
"Quý III- IV/2023", "Định kỳ hằng quý", "Tháng 6/2024", "trước ngày 15/3/2024", "Năm 2023",
"6 tháng đầu năm", "Theo kế hoạch kiểm tra", và cả đầu, giữa, cuối một kỳ ("Đầu năm", "cuối quý
II/2024"), một ngày trong tuần hay trong năm ("Thứ Sáu hằng tuần", "Ngày 9/11 hằng năm"), các đợt
("Đợt 1: Quý II/2024; Đợt 2: Quý IV/2024"), một động từ đứng trước ("Thực hiện trong quý III/2024"),
"… và các năm tiếp theo" — và báo những cách viết không thuộc dạng nào. Một câu hỏi ("khi nào
xong", "bao giờ") không phải là thời gian: bị báo, không được hiểu như một sự kiện.

## Vì sao quan trọng

Thời gian không đọc được thì không kiểm tra được (ngày có thật không, có trong năm kế hoạch
không), không xếp được vào lịch của đơn vị, và thường là do gõ nhầm ("Qúy II/2O24" với chữ
O thay số 0) hoặc ghi mơ hồ ("Sớm", "Kịp thời").

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Sớm nhất có thể
```

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: cuoc-thi
      content: Cuộc thi tìm hiểu cải cách hành chính
      lead: Sở Nội vụ
      due: khi nào xong
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: Quý II/2024
```

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ
      due: "Đợt 1: Quý II/2024; Đợt 2: Quý IV/2024"
    - id: chuyen-muc
      content: Phát sóng chuyên mục cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      due: Thứ Sáu hằng tuần
    - id: bao-cao
      content: Báo cáo kết quả tuyên truyền
      lead: Sở Nội vụ
      due: Cuối quý
```
"""

from __future__ import annotations

CODE = "TT-D004"
TITLE = "Thời gian không đọc được"
SEVERITY = "warning"

# reported by other rules: empty (TT-D005/D006), reversed (TT-D007), impossible period (TT-D001)
_ELSEWHERE = ("empty", "reversed_range", "bad_quarter", "bad_month")

EXAMPLES = ("Thường xuyên", "Quý II/2024", "Quý I, Quý II/2024", "Tháng 6/2024", "trước ngày 15/3/2024",
            "Định kỳ hằng quý", "Theo kế hoạch kiểm tra")


def check(ctx):
    for due in ctx.dues():
        if not due.text or not due.text.strip():
            continue
        t = ctx.time(due.text)
        if str(t.kind) != "unknown" or str(t.code) in _ELSEWHERE:
            continue
        yield ctx.report(due.path, f"Không đọc được thời gian “{due.text}”: {t.reason}.",
                         "Viết theo một cách quen thuộc: " + ", ".join(f"“{e}”" for e in EXAMPLES) + ".")
