"""Không tìm thấy (hoặc không đọc được) sổ đơn vị của kế hoạch.

## Quy tắc này làm gì

Tìm sổ đơn vị của kế hoạch: đường dẫn ở khóa `units:` của kế hoạch, nếu không có thì khóa
`units` của tt.toml, nếu không có nữa thì tệp `units.yaml` ở thư mục của kế hoạch hay một thư
mục cha. Báo khi không có sổ nào, khi đường dẫn chỉ tới tệp không có, hoặc khi sổ có lỗi
(chạy `tt validate units.yaml` để xem lỗi). Khi đó các quy tắc cần sổ đơn vị (TT-R005, TT-R006,
TT-R007, TT-R008…) không chạy.

## Vì sao quan trọng

Không có sổ đơn vị thì tt không kiểm tra được tên đơn vị, nhóm đơn vị, hay đơn vị đã sáp nhập:
một phần lớn các lỗi về trách nhiệm sẽ lọt qua mà người soạn không biết.

## Ví dụ sai

```yaml
units: so-don-vi-khong-co.yaml
```

## Nên viết

```yaml
units: units.yaml
```
"""

from __future__ import annotations

CODE = "TT-R011"
TITLE = "Không có sổ đơn vị"
SEVERITY = "warning"

_OFF = "các quy tắc về đơn vị (TT-R005, TT-R006, TT-R007, TT-R008…) không chạy"


def check(ctx):
    reg = ctx.registry
    where = reg.source_path or ()
    if reg.why == "missing":
        yield ctx.report((), f"Không tìm thấy sổ đơn vị (units.yaml) cho kế hoạch này; {_OFF}.",
                         "Tạo units.yaml cạnh kế hoạch (xem docs/plan-format.md), hoặc ghi đường dẫn ở khóa "
                         "`units:` của kế hoạch hay `units` của tt.toml.")
    elif reg.why == "not-found":
        yield ctx.report(where, f"Không có tệp sổ đơn vị “{_shown(reg)}”; {_OFF}.",
                         "Sửa đường dẫn (tính từ thư mục của kế hoạch, hoặc của tt.toml).")
    elif reg.why == "outside":
        yield ctx.report(where, f"Sổ đơn vị “{_shown(reg)}” nằm ngoài kho kế hoạch nên tt không đọc; {_OFF}.",
                         "Chép sổ đơn vị vào kho (ví dụ plans/units.yaml), hoặc cho phép thư mục đó bằng "
                         "`allow-units-outside = [\"…\"]` trong tt.toml.")
    elif reg.why == "invalid":
        yield ctx.report(where, f"Sổ đơn vị “{_shown(reg)}” có lỗi nên không dùng được ({reg.detail}); {_OFF}.",
                         f"Chạy `tt validate {_shown(reg)}` để xem và sửa lỗi của sổ đơn vị.")


def _shown(reg) -> str:
    """The registry as the other messages name files: from the current folder (never the runner's
    absolute path in a CI log), as read (a git revision's `REV:path`) when it was."""
    from tuyentruyen.loading.source import display_name

    return reg.display or display_name(reg.path)
