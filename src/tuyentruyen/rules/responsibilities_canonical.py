"""Tên đơn vị không viết theo tên chuẩn của sổ đơn vị (tắt mặc định).

## Quy tắc này làm gì

Báo mọi tên đơn vị viết bằng tên viết tắt, tên gọi khác hay một biến thể (khác hoa thường, dấu
câu) thay vì tên chuẩn (`name`) trong sổ đơn vị, và đề nghị sửa thành tên chuẩn; `tt lint --fix`
sửa tự động. Quy tắc tắt mặc định (tên viết tắt có trong sổ là hợp lệ); bật bằng
`extend-select = ["TT-R012"]` trong tt.toml khi kho kế hoạch muốn mọi văn bản dùng tên chuẩn.

## Vì sao quan trọng

Văn bản in ra dùng đúng tên chính thức của đơn vị; tìm kiếm, thống kê theo tên cũng chính xác
hơn.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài PT-TH tỉnh
      due: Quý III/2024
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: phong-su
      content: Xây dựng phóng sự về kết quả cải cách hành chính
      lead: Đài Phát thanh - Truyền hình tỉnh
      due: Quý III/2024
```
"""

from __future__ import annotations

from tuyentruyen.vn.units import clean

CODE = "TT-R012"
TITLE = "Tên đơn vị không theo tên chuẩn"
SEVERITY = "info"
DEFAULT_ENABLED = False
FIXABLE = True

_HOW = {"short": "tên viết tắt", "alias": "tên gọi khác", "loose": "cách viết gần đúng"}


def check(ctx):
    if ctx.units is None:
        return
    for ref in ctx.unit_refs():
        r = ctx.resolve(ref.written)
        if r is None or clean(ref.written) == r.unit.name:
            continue
        yield ctx.report(ref.path, f"“{clean(ref.written)}” là {_HOW.get(r.how, 'cách viết khác')} của “{r.unit.name}”.",
                         f"Viết tên chuẩn “{r.unit.name}” (`tt lint --fix` sửa tự động).", fix=r.unit.name)
