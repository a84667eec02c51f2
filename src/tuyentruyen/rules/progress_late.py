"""Nhiệm vụ đã quá hạn mà tệp tiến độ chưa ghi là hoàn thành.

## Quy tắc này làm gì

Tính đến ngày chốt số liệu của tệp tiến độ (`as_of`), báo mỗi nhiệm vụ của kế hoạch đã hết
thời gian thực hiện mà chưa `hoan-thanh` (hoặc `khong-thuc-hien-duoc`, có lý do): hết một quý,
một khoảng thời gian ("Quý II/2024": sau 30/06/2024), quá một hạn chót ("trước ngày 15/3/2024"),
hết năm với nhiệm vụ thường xuyên, hoặc một lần của nhiệm vụ định kỳ ("Định kỳ hằng quý") đã
qua mà đơn vị chưa báo cáo lại (`reported_on` trước ngày đó). Nhiệm vụ chưa có mục nào trong tệp
tiến độ cũng được tính. Nhiệm vụ không có ngày cố định ("Theo kế hoạch kiểm tra") không bị báo.

## Vì sao quan trọng

Báo cáo kết quả cuối năm phải nêu việc chậm và lý do; phát hiện sớm, ngay khi cập nhật tiến độ
hằng tháng, thì đơn vị còn kịp làm hoặc kịp giải trình.

## Ví dụ sai

```yaml
as_of: 15/07/2024
tasks:
  tap-huan:
    status: dang-thuc-hien
    reported_by: Sở Nội vụ
    reported_on: 10/07/2024
```

## Nên viết

```yaml
as_of: 15/07/2024
tasks:
  tap-huan:
    status: hoan-thanh
    done_on: 25/06/2024
    result: Tổ chức 01 lớp tập huấn cho 60 cán bộ, công chức.
    evidence: [Báo cáo số 45/BC-SNV ngày 28/6/2024 của Sở Nội vụ]
    reported_by: Sở Nội vụ
    reported_on: 28/06/2024
```
"""

from __future__ import annotations

CODE = "TT-P001"
TITLE = "Quá hạn mà chưa hoàn thành"
SEVERITY = "warning"
SUBJECT = "progress"


def check(ctx):
    from tuyentruyen.vn.dates import fmt_date
    from tuyentruyen.work.status import State, item_status

    entries = ctx.progress.tasks
    for item in ctx.work.items:
        entry = entries.get(item.key)
        st = item_status(item, entry, ctx.on)
        if st.state is not State.LATE:
            continue
        what = f"{item.label} ({item.key}) “{_cut(item.content)}”"
        if st.missed and item.when.kind == "recurrence":
            when_ = f"có lần báo cáo định kỳ ngày {fmt_date(st.missed[-1])} ({item.due})"
        else:
            when_ = f"hết hạn {fmt_date(st.due)} ({item.due or item.when.shown})"
        if entry is None:
            yield ctx.report(("tasks",), f"{what} {when_} nhưng tính đến {fmt_date(ctx.on)} chưa có trong tệp tiến độ.",
                             f"Thêm mục `{item.key}:` dưới `tasks:` với tình trạng (status) và kết quả.", key=True)
        else:
            yield ctx.report(("tasks", item.key, "status"),
                             f"{what} {when_} nhưng tính đến {fmt_date(ctx.on)} vẫn “{entry.status.label}”.",
                             "Cập nhật `status: hoan-thanh` kèm `done_on`, hoặc `khong-thuc-hien-duoc` kèm `reason`; "
                             "nếu vẫn đang làm, ghi lý do chậm ở `reason`.")


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip(" ,;.") + "…"
