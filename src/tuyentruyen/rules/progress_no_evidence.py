"""Kết quả ghi hoàn thành mà không có minh chứng.

## Quy tắc này làm gì

Báo mỗi mục của tệp tiến độ có kết quả (`result`) hoặc tình trạng `hoan-thanh` mà không có
`evidence`: số, ký hiệu, ngày của văn bản báo cáo, đường dẫn bài viết, biên bản, danh sách
học viên…

## Vì sao quan trọng

Kết quả tuyên truyền cải cách hành chính được chấm điểm trong Bộ chỉ số cải cách hành chính bằng
tài liệu kiểm chứng. Kết quả không có minh chứng thì khi thẩm định không được tính, và đến
cuối năm khó tìm lại được văn bản nào đã chứng minh.

## Ví dụ sai

```yaml
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    result: Tổ chức 01 lớp tập huấn cho 60 cán bộ, công chức.
```

## Nên viết

```yaml
as_of: 30/06/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    result: Tổ chức 01 lớp tập huấn cho 60 cán bộ, công chức.
    evidence:
      - Báo cáo số 45/BC-SNV ngày 28/6/2024 của Sở Nội vụ
      - https://sonoivu.hagiang.gov.vn/tap-huan-cchc-2024
```

"""

from __future__ import annotations

CODE = "TT-P003"
TITLE = "Kết quả không có minh chứng"
SEVERITY = "warning"
SUBJECT = "progress"


def check(ctx):
    from tuyentruyen.model.progress import Status

    for key, entry, path in ctx.entries():
        if entry.evidence or (entry.result is None and entry.status is not Status.DONE):
            continue
        where = path + (("result",) if entry.result is not None else ("status",))
        what = "có kết quả" if entry.result is not None else "ghi hoàn thành"
        yield ctx.report(where, f"Nhiệm vụ '{key}' {what} nhưng chưa có minh chứng ('evidence').",
                         "Thêm `evidence:` với số, ngày văn bản báo cáo hoặc đường dẫn bài viết, ví dụ "
                         "`evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024]`.")
