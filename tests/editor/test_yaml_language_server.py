"""The committed schema in the real yaml-language-server (the server of VS Code's YAML extension),
driven over stdio as VS Code drives it: what the clerk sees on hover, in completion, and in the
Problems panel — the table of issue 15.

The server is installed from npm into a cache folder on the first run (skipped, with the reason,
when Node.js, npm or the npm registry is not there).
"""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import run_tt
from tests.editor.conftest import documented_settings, start
from tests.editor.lspclient import position_of

PLAN = "plans/quang-ngai/2023.yaml"
WHERE = re.compile(r"(trong mục thứ \d+ của '[^']+'|trong phần '[^']+'(?: \([^)]*\))?|ở cấp ngoài cùng của tệp)")


def schema_defs() -> dict:
    from tests.conftest import ROOT

    return json.loads((ROOT / "docs" / "schema" / "plan.schema.json").read_text(encoding="utf-8"))["$defs"]


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def tt_problems(root, rel: str) -> list[dict]:
    res = run_tt("validate", "--format", "json", rel, cwd=root)
    return json.loads(res.out)["problems"]


def same_words(editor_message: str, problem: dict) -> None:
    """The editor says what tt validate says: the code, the message (but where: the schema names
    the list, tt the item), the hint."""
    head, _, hint = editor_message.partition("\nGợi ý: ")
    code, _, message = head.partition(": ")
    assert code == problem["code"]
    assert WHERE.sub("…", message) == WHERE.sub("…", problem["message"]), (message, problem["message"])
    assert (hint or None) == problem["hint"]


def hover_text(editor, uri: str, text: str, needle: str, offset: int = 1) -> str:
    line, ch = position_of(text, needle, offset=offset)
    result = editor.client.hover(uri, line, ch)
    return result["contents"]["value"] if result else ""


def completion(editor, uri: str, text: str, needle: str, offset: int) -> list[dict]:
    line, ch = position_of(text, needle, offset=offset)
    return editor.client.completion(uri, line, ch)


# ---------------------------------------------------------------- hover


@pytest.mark.parametrize("needle,model,key", [
    ("          lead: Văn phòng UBND tỉnh", "Task", "lead"), ("          due: Thường xuyên", "Task", "due"),
    ("          support:", "Task", "support"), ("          forms: Viết tin, bài", "Task", "forms"),
    ("        - unit: Văn phòng UBND tỉnh", "Duty", "unit"), ("  number: 25", "Document", "number"),
])
def test_hover_is_one_clean_title_and_description(yls, needle, model, key):
    text = edit((yls.root / PLAN).read_text(encoding="utf-8"), "          lead: Văn phòng UBND tỉnh",
                "          forms: Viết tin, bài\n          lead: Văn phòng UBND tỉnh")
    uri, text = yls.open(PLAN, text)
    shown = hover_text(yls, uri, text, needle, offset=len(needle) - len(needle.lstrip(" -")) + 1)
    prop = schema_defs()[model]["properties"][key]
    assert shown == f"#### {prop['title']}\n\n{prop['markdownDescription']}"
    assert "||" not in shown and "Source:" not in shown


def test_hover_on_a_fixed_value_gives_the_meaning_of_every_value(yls):
    uri, text = yls.open(PLAN)
    shown = hover_text(yls, uri, text, "kind: purpose", offset=1)
    assert shown.startswith("#### Loại mục\n\n")
    assert "* `purpose`: **Mục đích** — mục “Mục đích” của kế hoạch." in shown
    assert "* `organization`: **Tổ chức thực hiện**" in shown and "||" not in shown


# ---------------------------------------------------------------- completion


def test_fixed_values_are_completed_with_their_vietnamese_meaning(yls):
    uri, text = yls.open(PLAN, edit((yls.root / PLAN).read_text(encoding="utf-8"), "  type: ke-hoach\n", "  type: \n"))
    items = completion(yls, uri, text, "  type: \n", 8)
    assert [i["label"] for i in items] == ["ke-hoach", "quyet-dinh"]
    docs = [i["documentation"]["value"] if isinstance(i["documentation"], dict) else i["documentation"] for i in items]
    assert docs[0].startswith("**Kế hoạch**") and docs[1].startswith("**Quyết định**")


def test_completion_offers_no_null_no_default_value_and_no_class_name(yls):
    text = (yls.root / PLAN).read_text(encoding="utf-8")
    text = edit(text, "    name: Đặng Văn Minh\n", "    name: \n")
    text = edit(text, "  date: 15/02/2023\n", "  date: \n")
    text = edit(text, "      tasks:\n", "      tasks:\n        - \n")
    uri, text = yls.open(PLAN, text)
    seen = []
    for needle, offset in (("    name: \n", 10), ("  date: \n", 8), ("        - \n", 10), ("  padded: true", 10)):
        seen += completion(yls, uri, text, needle, offset)
    assert seen
    for item in seen:
        assert item["label"] != "null" and item.get("detail") != "Default value", item
        assert "${1:null}" not in item.get("insertText", ""), item
        assert "(array item)" not in item["label"] and item["label"] not in ("Task", "Nhiệm vụ"), item


def test_snippets_for_a_task_a_group_a_section_a_citation_and_a_signer(yls):
    text = (yls.root / PLAN).read_text(encoding="utf-8")
    text = edit(text, "      tasks:\n", "      tasks:\n        - \n")
    text = edit(text, "  groups:\n", "  groups:\n    - \n")
    text = edit(text, "  sections:\n", "  sections:\n    - \n")
    text = edit(text, "  implements:\n", "  implements:\n    - \n")
    text = edit(text, "  signer:\n", "  signer:\n    \n")
    uri, text = yls.open(PLAN, text)
    labels = {}
    for name, needle, offset in (("task", "      tasks:\n        - \n", 23), ("group", "  groups:\n    - \n", 16),
                                 ("section", "  sections:\n    - \n", 18), ("citation", "  implements:\n    - \n", 20),
                                 ("signer", "  signer:\n    \n", 14)):
        labels[name] = [i["label"] for i in completion(yls, uri, text, needle, offset)]
    assert "Nhiệm vụ mới" in labels["task"]
    assert "Nhóm nhiệm vụ mới" in labels["group"]
    assert "Mục mới" in labels["section"]
    assert "Văn bản viện dẫn (các trường)" in labels["citation"]
    assert "Người ký (ký thay)" in labels["signer"]


def test_unit_names_of_the_registry_are_completed(yls):
    text = edit((yls.root / PLAN).read_text(encoding="utf-8"), "          lead: Văn phòng UBND tỉnh\n", "          lead: \n")
    uri, text = yls.open(PLAN, text)
    items = completion(yls, uri, text, "          lead: \n", 16)
    labels = [i["label"] for i in items]
    assert "Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi" in labels and "Báo Quảng Ngãi" in labels
    assert "null" not in labels


# ---------------------------------------------------------------- the table of issue 15


def test_the_clerks_mistakes_are_told_in_tt_words(yls):
    text = (yls.root / PLAN).read_text(encoding="utf-8")
    text = edit(text, "          lead: Văn phòng UBND tỉnh", "          chu_tri: Văn phòng UBND tỉnh")
    first = re.search(r"\n          content: [^\n]*\n", text).group(0)
    text = text.replace(first, "\n", 1)  # the first task loses its content
    text = edit(text, "  type: ke-hoach", "  type: ke hoach")
    uri, text = yls.open(PLAN, text)
    got = yls.client.diagnostics(uri, timeout=60)
    mine = tt_problems(yls.root, PLAN)
    by_code = {}
    for d in got:
        by_code.setdefault(d["message"].split(":")[0], []).append(d)
    assert sorted(by_code) == ["TT-S001", "TT-S002", "TT-S004"], [d["message"] for d in got]
    for code, (d,) in by_code.items():
        problem = next(p for p in mine if p["code"] == code)
        same_words(d["message"], problem)
        assert d["range"]["start"]["line"] == problem["line"] - 1
    assert "Có phải ý bạn là 'lead'?" in by_code["TT-S001"][0]["message"]
    assert "Có phải ý bạn là 'ke-hoach'?" in by_code["TT-S004"][0]["message"]
    assert "Thiếu trường bắt buộc 'content' (Nội dung)" in by_code["TT-S002"][0]["message"]


def test_dates_tt_reads_are_accepted_and_impossible_ones_are_left_to_tt(yls):
    text = (yls.root / PLAN).read_text(encoding="utf-8")
    text = edit(text, "  date: 15/02/2023", "  date: ngày 05 tháng 01 năm 2023")
    text = edit(text, "      date: 08/6/2010", "      date: 31/06/2010")
    uri, text = yls.open(PLAN, text)
    assert yls.client.diagnostics(uri, timeout=60) == []
    mine = tt_problems(yls.root, PLAN)
    assert [p["code"] for p in mine if p["severity"] == "error"] == ["TT-S004"]
    assert "không tồn tại" in next(p for p in mine if p["code"] == "TT-S004")["message"]


def test_a_date_tt_cannot_read_is_told_in_tt_words(yls):
    text = edit((yls.root / PLAN).read_text(encoding="utf-8"), "  date: 15/02/2023", "  date: 15 thg 2, 2023")
    uri, text = yls.open(PLAN, text)
    (d,) = yls.client.diagnostics(uri, timeout=60)
    (problem,) = [p for p in tt_problems(yls.root, PLAN) if p["code"] == "TT-S004"]
    head = d["message"].partition("\nGợi ý: ")[0]
    assert head.startswith("TT-S004: 'date' (Ngày ban hành): không đọc được ngày “…”: hãy viết dạng")
    assert problem["message"].replace("“15 thg 2, 2023”", "“…”") == head.removeprefix("TT-S004: ")


def test_with_the_documented_settings_the_yaml_extension_leaves_the_problems_to_tt(yls_command, workspace):
    """A tab: the YAML parser's own messages are English and many; with the settings of docs/vscode
    (the tt extension installed), the YAML extension reports nothing and `tt lsp` reports the one
    TT-Y004 of tt validate (tests/editor/test_tt_lsp.py)."""
    editor = start(yls_command, workspace, documented_settings())
    try:
        text = edit((workspace / PLAN).read_text(encoding="utf-8"), "    short: UBND tỉnh", "\tshort: UBND tỉnh")
        uri, _ = editor.open(PLAN, text)
        assert editor.client.diagnostics(uri, timeout=60) == []
    finally:
        editor.client.close()
    codes = [p["code"] for p in tt_problems(workspace, PLAN)]
    assert codes == ["TT-Y004"]
