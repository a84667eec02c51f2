"""Rule pages (trang quy tắc) from the rule modules' docstrings, and their runnable examples.

Each rule's docstring is a one-line summary, then the sections "Quy tắc này làm gì", "Vì sao
quan trọng", "Ví dụ sai", "Nên viết" and, where a legal text applies, "Căn cứ". This module
turns it into docs/rules/<CODE>.md (`tt rule --write-docs`), the text `tt rule CODE` prints,
and the example files the test suite lints: an example is a fragment of a plan merged over
examples/plan.yaml (mappings merged, lists replaced) and linted with examples/units.yaml,
unless it is a whole plan itself (it starts with `tt: 1`).
"""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

from tuyentruyen.rules.engine import FAMILIES, Rule, all_rules

SECTIONS = ("Quy tắc này làm gì", "Vì sao quan trọng", "Ví dụ sai", "Nên viết", "Căn cứ")
WRONG, RIGHT = "Ví dụ sai", "Nên viết"
_FENCE = re.compile(r"```yaml\n(.*?)```", re.DOTALL)
_LEVEL = {"error": "lỗi", "warning": "cảnh báo", "info": "ghi chú"}
EXAMPLES_DIR = "src/tuyentruyen/rules/examples"


def parse_doc(doc: str) -> tuple[str, dict[str, str]]:
    """(summary, {section title: body}) of a rule docstring."""
    text = doc.strip("\n")
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.MULTILINE)
    summary = " ".join(parts[0].split())
    sections = {parts[i].strip(): parts[i + 1].strip("\n") for i in range(1, len(parts), 2)}
    return summary, sections


def summary(rule: Rule) -> str:
    return parse_doc(rule.doc)[0]


def examples(rule: Rule) -> dict[str, list[str]]:
    """The YAML blocks of the wrong and right example sections."""
    _, sections = parse_doc(rule.doc)
    return {which: _FENCE.findall(sections.get(which, "")) for which in (WRONG, RIGHT)}


def page(rule: Rule) -> str:
    """The Markdown page of a rule (docs/rules/<CODE>.md)."""
    head, sections = parse_doc(rule.doc)
    lines = [
        f"# {rule.code} — {rule.title}", "",
        f"> {head}", "",
        "| Nhóm | Mức độ mặc định | Bật mặc định | Tự sửa (`tt lint --fix`) |",
        "| --- | --- | --- | --- |",
        f"| {FAMILIES[rule.code[3]][1]} | {_LEVEL[rule.severity.value]} | {'có' if rule.default else 'không'} | "
        f"{'có' if rule.fixable else 'không'} |", "",
    ]
    for title in SECTIONS:
        if title in sections:
            lines += [f"## {title}", "", sections[title].strip(), ""]
    for title, body in sections.items():
        if title not in SECTIONS:
            lines += [f"## {title}", "", body.strip(), ""]
    if rule.subject == "progress":
        about = (f"Các ví dụ là một tệp tiến độ (`plan.progress.yaml`, xem [docs/work.md](../work.md)) của kế hoạch mẫu "
                 f"[`plan.yaml`](../../{EXAMPLES_DIR}/plan.yaml); khi ví dụ có hai phần ngăn bởi `---`, phần đầu được "
                 "ghép lên kế hoạch mẫu. Bộ kiểm thử chạy từng ví dụ: ví dụ sai phải có lỗi "
                 f"{rule.code}, ví dụ đúng không có lỗi nào.")
    else:
        about = (f"Các ví dụ là một phần của tệp kế hoạch, ghép lên kế hoạch mẫu [`plan.yaml`](../../{EXAMPLES_DIR}/"
                 f"plan.yaml) với sổ đơn vị [`units.yaml`](../../{EXAMPLES_DIR}/units.yaml); bộ kiểm thử chạy từng ví "
                 f"dụ: ví dụ sai phải có lỗi {rule.code}, ví dụ đúng không có lỗi nào.")
    lines += [
        "---", "",
        about,
        "",
        f"Bỏ qua trên một dòng: ghi `# tt: ignore[{rule.code}]` ở cuối dòng, kèm lý do. Đổi mức độ, bật hay tắt "
        "quy tắc cho cả kho: tệp `tt.toml` ([cấu hình](../config.md)). Trang này được sinh từ mô-đun "
        f"`tuyentruyen/rules/{rule.name}.py` bằng `tt rule --write-docs`; in trong terminal: `tt rule {rule.code}`.",
        "",
    ]
    return "\n".join(lines)


def index() -> str:
    """docs/rules/README.md: every rule, by family."""
    lines = ["# Các quy tắc soát lỗi", "",
             "`tt lint` (và `tt validate`, trừ khi có `--schema-only`) chạy các quy tắc dưới đây trên mỗi kế hoạch. "
             "Mỗi quy tắc có mã cố định (không bao giờ đánh số lại), mức độ mặc định, và một trang giải thích với ví "
             "dụ sai và ví dụ đúng. Xem trong terminal: `tt rule MÃ`; danh sách: `tt rule`. Cấu hình: "
             "[tt.toml](../config.md). Mã thoát của `tt lint`: 0 không có lỗi (có thể còn cảnh báo), 1 có lỗi.", ""]
    for letter, (_, family) in FAMILIES.items():
        rules = [r for r in all_rules() if r.code[3] == letter]
        lines += [f"## {family} (TT-{letter}…)", "", "| Mã | Quy tắc | Mức độ | Bật mặc định | Tự sửa |",
                  "| --- | --- | --- | --- | --- |"]
        for r in rules:
            lines.append(f"| [{r.code}]({r.code}.md) | {r.title} | {_LEVEL[r.severity.value]} | "
                         f"{'có' if r.default else 'không'} | {'có' if r.fixable else ''} |")
        lines.append("")
    from tuyentruyen.problems import codes

    families = {"Y": "đọc tệp, cú pháp YAML", "S": "định dạng kế hoạch", "K": "cấu hình tt.toml",
                "F": "tt fmt", "E": "lệnh, ghi tệp, lỗi của tt", "P": "tệp tiến độ", "I": "tt import"}
    lines += ["## Các mã khác", "", "Không phải quy tắc soát lỗi: các mã của bước đọc tệp, định dạng, cấu hình và "
              "của các lệnh (tệp `src/tuyentruyen/data/codes.yaml`).", "", "| Mã | Nghĩa | Nhóm |", "| --- | --- | --- |"]
    for code, title in codes().items():
        lines.append(f"| {code} | {title} | {families.get(code[3], '')} |")
    lines.append("")
    return "\n".join(lines)


def expected_files() -> dict[str, str]:
    """File name → content of every page of docs/rules/."""
    out = {f"{r.code}.md": page(r) for r in all_rules()}
    out["README.md"] = index()
    return out


def write_docs(folder: Path) -> list[Path]:
    """Write the pages that differ from what is in folder (all or nothing); raises WriteError."""
    from tuyentruyen.project.files import atomic_write_many

    outputs: dict[Path, bytes] = {}
    for name, text in expected_files().items():
        target = folder / name
        try:
            same = target.is_file() and target.read_text("utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if not same:
            outputs[target] = text.encode("utf-8")
    atomic_write_many(outputs)
    return list(outputs)


# ---------------------------------------------------------------- runnable examples


def base_texts() -> tuple[str, str]:
    root = files("tuyentruyen.rules").joinpath("examples")
    return root.joinpath("plan.yaml").read_text("utf-8"), root.joinpath("units.yaml").read_text("utf-8")


def merge(base, over):
    """Mappings merged key by key; anything else (lists included) replaced."""
    if isinstance(base, dict) and isinstance(over, dict):
        out = dict(base)
        for k, v in over.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    return over


def example_progress(block: str) -> tuple[str, str]:
    """(plan text, progress text) of an example of a progress rule: "plan fragment --- progress",
    or the progress file alone over the example plan."""
    head, sep, tail = block.partition("\n---\n")
    if not sep:
        return example_plan("{}"), block
    return example_plan(head), tail


def example_plan(block: str) -> str:
    """The full plan text an example block stands for."""
    import yaml

    data = yaml.safe_load(block)
    if isinstance(data, dict) and "tt" in data:
        return block
    base = yaml.safe_load(base_texts()[0])
    merged = merge(base, data)
    return yaml.safe_dump(merged, allow_unicode=True, sort_keys=False, width=200)
