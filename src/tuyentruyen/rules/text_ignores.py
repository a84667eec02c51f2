"""Chỉ thị `# tt: ignore[…]` không dùng đến hoặc viết sai.

## Quy tắc này làm gì

Một chú thích `# tt: ignore[MÃ]` ở cuối một dòng YAML tắt quy tắc MÃ trên dòng đó (nhiều mã
cách nhau bằng dấu phẩy: `# tt: ignore[TT-R002, TT-D003]`). Quy tắc này báo chỉ thị không tắt
được gì: mã không có lỗi nào trên dòng đó (lỗi đã được sửa, hoặc chỉ thị đặt nhầm dòng), mã không
tồn tại, chỉ thị thiếu mã, hay chỉ thị đứng một mình trên một dòng (nó chỉ có tác dụng ở cuối
dòng có lỗi). Một giá trị viết trên nhiều dòng có thể mang chỉ thị ở dòng đầu hay dòng cuối của nó.

## Vì sao quan trọng

Chỉ thị thừa che mắt người duyệt: họ tưởng có một ngoại lệ có lý do, trong khi quy tắc không còn
báo gì. Xóa chỉ thị thừa thì lần sau lỗi thật xuất hiện ở dòng đó sẽ được báo.

## Ví dụ sai

```yaml
tt: 1
units: units.yaml
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024
  signer:
    position: CHỦ TỊCH
  recipients:
    - Các sở, ban, ngành
plan:
  year: 2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: Sở Nội vụ  # tt: ignore[TT-R002]
      due: Quý II/2024
```

## Nên viết

```yaml
tt: 1
units: units.yaml
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân tỉnh Hà Giang
  number: 25
  symbol: KH-UBND
  place: Hà Giang
  date: 15/01/2024
  title: Tuyên truyền cải cách hành chính năm 2024
  signer:
    position: CHỦ TỊCH
  recipients:
    - Các sở, ban, ngành
plan:
  year: 2024
appendix:
  title: CÁC NHIỆM VỤ TRỌNG TÂM NĂM 2024
  tasks:
    - id: tap-huan
      content: Tổ chức tập huấn nghiệp vụ cải cách hành chính
      lead: [Sở Nội vụ, Sở Tài chính]  # tt: ignore[TT-R002] hai sở cùng chủ trì theo chỉ đạo của UBND tỉnh
      due: Quý II/2024
```
"""

from __future__ import annotations

from tuyentruyen.problems import Problem

CODE = "TT-T005"
TITLE = "Chỉ thị bỏ qua không dùng đến"
SEVERITY = "warning"


def check(ctx):
    return ()


def after(ctx, ignores, enabled: set[str]) -> list[Problem]:
    """Run by the engine once the other rules ran and the ignores were applied."""
    from tuyentruyen.rules.engine import all_rules
    from tuyentruyen.model.validation import did_you_mean

    codes = [r.code for r in all_rules()]
    out: list[Problem] = []

    def add(ig, message: str, hint: str) -> None:
        p = ctx.report((), message, hint)
        p.line, p.col, p.path = ig.line, ig.col, ()
        out.append(p)

    for ig in ignores:
        if not ig.codes:
            add(ig, "Chỉ thị `# tt: ignore` thiếu mã quy tắc cần bỏ qua.",
                "Ghi rõ mã, ví dụ `# tt: ignore[TT-R002]`: tt không cho tắt mọi quy tắc trên một dòng.")
            continue
        if ig.own_line:
            add(ig, "Chỉ thị `# tt: ignore[…]` đứng riêng một dòng nên không bỏ qua được lỗi nào.",
                "Đặt chỉ thị ở cuối chính dòng có lỗi.")
            continue
        for code in ig.codes:
            if code not in codes:
                guess = did_you_mean(code, codes)
                add(ig, f"Mã “{code}” trong `# tt: ignore[…]` không phải một quy tắc soát lỗi."
                    + (f" Có phải ý bạn là “{guess}”?" if guess else ""),
                    "Xem danh sách mã bằng `tt rule`; chỉ thị chỉ dùng cho các quy tắc TT-D, TT-R, TT-C, TT-T.")
            elif code not in ig.used and code in enabled and code != CODE:
                add(ig, f"Chỉ thị bỏ qua {code} không dùng đến: dòng {ig.line} không có lỗi {code} nào.",
                    f"Xóa “{code}” khỏi chỉ thị (hoặc xóa cả chỉ thị) — lỗi đã được sửa, hoặc chỉ thị đặt nhầm dòng.")
    return out
