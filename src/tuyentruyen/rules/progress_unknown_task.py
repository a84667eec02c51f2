"""Tệp tiến độ ghi một nhiệm vụ không có trong kế hoạch.

## Quy tắc này làm gì

Mỗi khóa dưới `tasks:` của tệp tiến độ phải là mã của một nhiệm vụ trong kế hoạch: `id` của
nhiệm vụ ở phụ lục ("tap-huan-cchc"), hoặc số mục của nhiệm vụ trong phần Tổ chức thực hiện
("IV.2" cho cả tiểu mục, "IV.2.3" cho ý thứ 3 của tiểu mục); `tt tasks` in mã của từng việc.
Khóa không khớp được báo tại dòng của nó, kèm mã gần giống nhất.

## Vì sao quan trọng

Số liệu ghi nhầm mã thì không vào được bảng kết quả của báo cáo: nhiệm vụ thật vẫn hiện là chưa
thực hiện, còn dòng báo cáo thì bị bỏ sót.

## Ví dụ sai

```yaml
as_of: 30/06/2024
tasks:
  tap-huan-cchc:
    status: dang-thuc-hien
```

## Nên viết

```yaml
as_of: 30/06/2024
tasks:
  tap-huan:
    status: dang-thuc-hien
```
"""

from __future__ import annotations

CODE = "TT-P002"
TITLE = "Mã nhiệm vụ không có trong kế hoạch"
SEVERITY = "error"
SUBJECT = "progress"


def check(ctx):
    from tuyentruyen.vn.text import did_you_mean

    keys = [i.key for i in ctx.work.items]
    for key, _entry, path in ctx.entries():
        if ctx.item(key) is not None:
            continue
        guess = did_you_mean(key, keys)
        message = f"Kế hoạch {ctx.work.display} không có nhiệm vụ mã '{key}'."
        if guess:
            message += f" Có phải ý bạn là '{guess}'?"
        hint = (f"Sửa thành '{guess}'." if guess else "") + " Xem mã của từng nhiệm vụ bằng `tt tasks "
        hint += f"{ctx.work.display} --format csv`."
        yield ctx.report(path, message, hint.strip(), key=True)
