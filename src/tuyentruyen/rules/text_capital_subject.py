"""Chữ viết hoa ở giữa trích yếu ("về việc Phê duyệt").

## Quy tắc này làm gì

Đọc trích yếu của văn bản (`document.title`) và tên kế hoạch (`plan.title`): báo một từ chung
("phê duyệt", "ban hành", "triển khai", "tuyên truyền", "tăng cường"… — danh sách ở
data/style_words.yaml) viết hoa chữ đầu khi đứng sau một chữ viết thường ("Về việc Phê duyệt Kế
hoạch", "về Tuyên truyền cải cách hành chính"). Không báo từ đầu trích yếu, từ đứng sau tên loại
văn bản (tên của một văn bản cụ thể: "ban hành Kế hoạch Tuyên truyền …" là tên kế hoạch) hay sau
một chữ viết hoa (tên riêng). `tt lint --fix` đổi thành chữ thường.

## Vì sao quan trọng

Nghị định 30/2020/NĐ-CP, Phụ lục II chỉ cho viết hoa vì phép đặt câu (đầu câu, sau dấu chấm,
khi xuống dòng), tên người, tên địa lý, tên cơ quan, tổ chức, tên loại văn bản khi nói đến một
văn bản cụ thể và một số trường hợp khác: một động từ ở giữa trích yếu không thuộc trường hợp
nào. Trích yếu in đậm ngay dưới tên loại văn bản, chỗ người đọc nhìn đầu tiên.

## Ví dụ sai

```yaml
document:
  title: Về việc Phê duyệt danh mục nhiệm vụ tuyên truyền cải cách hành chính năm 2024
```

## Nên viết

```yaml
document:
  title: Về việc phê duyệt danh mục nhiệm vụ tuyên truyền cải cách hành chính năm 2024
```

## Căn cứ

Nghị định 30/2020/NĐ-CP về công tác văn thư, Phụ lục II (viết hoa trong văn bản hành chính),
mục I (viết hoa vì phép đặt câu: sau dấu chấm, chấm hỏi, chấm than và khi xuống dòng) và mục V
(các trường hợp khác, trong đó có tên loại văn bản khi nói đến một văn bản cụ thể).
"""

from __future__ import annotations

CODE = "TT-T007"
TITLE = "Viết hoa ở giữa trích yếu"
SEVERITY = "warning"
FIXABLE = True

_TITLES = (("document", "title"), ("plan", "title"))


def check(ctx):
    from tuyentruyen.vn.textcheck import find_inner_capitals, style_words

    words = style_words()["subject_words"]
    for path in _TITLES:
        node = ctx.node(path)
        if node is None or not isinstance(getattr(node, "value", None), str):
            continue
        for start, end, right in find_inner_capitals(node.value, words):
            written = node.value[start:end]
            yield ctx.report(path, f"“{written}” viết hoa ở giữa trích yếu: theo Phụ lục II Nghị định 30/2020/NĐ-CP, "
                             "từ chung ở giữa câu viết thường.",
                             f"Viết “{right}” (`tt lint --fix` sửa tự động).", start=start, end=end, node=node,
                             fix=right)
