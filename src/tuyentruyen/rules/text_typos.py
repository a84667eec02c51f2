"""Thuật ngữ hành chính cố định bị gõ sai.

## Quy tắc này làm gì

Tìm trong mọi giá trị chữ của kế hoạch các lỗi gõ đã biết của thuật ngữ cố định, lấy từ tệp dữ
liệu `data/typos.yaml` của tt ("Truyền truyền" → "Tuyên truyền", "Chỉ trì" → "Chủ trì", "Công
dịch vụ công" → "Cổng dịch vụ công", "buru chính" → "bưu chính", "tuyên tuyền" → "tuyên
truyền"…) và từ các tệp riêng của kho kế hoạch (`lint.typos` trong tt.toml, cùng định dạng).
`tt lint --fix` sửa tự động, giữ hoa thường của chữ đầu.

## Vì sao quan trọng

Các lỗi này có thật trong văn bản đã ký: danh mục Kế hoạch 25/KH-UBND năm 2023 của tỉnh Quảng
Ngãi ghi "Truyền truyền" ở ba nhiệm vụ và "Công dịch vụ công quốc gia"; phụ lục của tỉnh Hà Giang
ghi "Chỉ trì: Sở Nội vụ"; Kế hoạch của huyện Xuân Lộc ghi "Công dịch vụ công Quốc gia". Trình
kiểm tra chính tả của Word không bắt được vì từng chữ đều đúng chính tả.

## Ví dụ sai

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: dich-vu-cong
      content: Truyền truyền về dịch vụ công trực tuyến trên Công dịch vụ công quốc gia
      lead: Sở Thông tin và Truyền thông
      due: Thường xuyên
```

## Nên viết

```yaml
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: dich-vu-cong
      content: Tuyên truyền về dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia
      lead: Sở Thông tin và Truyền thông
      due: Thường xuyên
```
"""

from __future__ import annotations

CODE = "TT-T003"
TITLE = "Sai chính tả thuật ngữ cố định"
SEVERITY = "error"
FIXABLE = True


def _extra(ctx):
    from tuyentruyen.config import ConfigError
    from tuyentruyen.textcheck import TypoDataError, load_typo_file

    def build():
        entries = []
        for path in ctx.config.typos:
            try:
                entries.extend(load_typo_file(path))
            except (TypoDataError, OSError) as exc:
                raise ConfigError(path, f"Tệp lỗi chính tả {path.name} không dùng được: {exc}",
                                  "Xem định dạng trong docs/config.md (mỗi mục: wrong, right, note).") from None
        return tuple(entries)
    return ctx.cached("extra_typos", build)


def check(ctx):
    from tuyentruyen.textcheck import find_typos

    extra = _extra(ctx) or None
    for path, node in ctx.scalars():
        value = node.value
        if len(value) < 3:
            continue
        for typo in find_typos(value, extra):
            yield ctx.report(path, typo.message, f"Sửa thành “{typo.right}” (`tt lint --fix` sửa tự động).",
                             start=typo.start, end=typo.end, node=node, fix=typo.right)
