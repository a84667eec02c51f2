"""`tt validate` on every class of broken input: the message, the code, the line:col, the exit code.

Each case writes a plan (or bytes) to a temporary file, runs the real `tt` entry point and
checks what the clerk sees. Schema-only, so the cases do not depend on the lint rules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import run_tt
from tests.validate.plan_text import GOOD


def write(tmp_path: Path, content: str | bytes, name: str = "2023.yaml") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def validate(path: Path, *extra: str):
    return run_tt("validate", "--schema-only", *extra, str(path), cwd=path.parent)


def problems(path: Path):
    res = run_tt("validate", "--schema-only", "--format", "json", str(path), cwd=path.parent)
    return res.code, json.loads(res.out)["problems"]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    lines = [i for i, ln in enumerate(text.splitlines(), 1) if needle in ln]
    return lines[occurrence - 1]


def test_good_plan_is_clean(tmp_path):
    res = validate(write(tmp_path, GOOD))
    assert res.code == 0, res.text
    assert "1 tệp hợp lệ" in res.out


def test_broken_yaml_is_located(tmp_path):
    text = GOOD.replace("  place: Hà Giang", "  place: Hà Giang: tỉnh")
    code, found = problems(write(tmp_path, text))
    assert code == 2
    [p] = found
    assert p["code"] == "TT-Y003"
    assert p["line"] == line_of(text, "place: Hà Giang: tỉnh")
    assert p["col"] == len("  place: Hà Giang") + 1
    assert "ngoặc kép" in p["hint"]


def test_bad_indentation(tmp_path):
    text = GOOD.replace("  symbol: QĐ-UBND", "   symbol: QĐ-UBND")
    code, found = problems(write(tmp_path, text))
    assert code == 2
    assert found[0]["code"] == "TT-Y003"
    assert found[0]["line"] == line_of(text, "symbol: QĐ-UBND")
    assert "Thụt lề" in found[0]["message"] or "thụt lề" in found[0]["message"]


def test_unclosed_quote(tmp_path):
    text = GOOD.replace("  place: Hà Giang", '  place: "Hà Giang')
    code, found = problems(write(tmp_path, text))
    assert code == 2 and found[0]["code"] == "TT-Y003"
    assert "ngoặc" in found[0]["message"] + found[0]["hint"]


def test_duplicate_key(tmp_path):
    text = GOOD.replace("  place: Hà Giang\n", "  place: Hà Giang\n  place: Hà Nội\n")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = [p for p in found if p["code"] == "TT-Y006"]
    assert p["line"] == line_of(text, "place: Hà Nội") and p["col"] == 3
    assert f"dòng {line_of(text, 'place: Hà Giang')}" in p["message"]


def test_tabs_in_indentation(tmp_path):
    text = GOOD.replace("  symbol: QĐ-UBND", "\tsymbol: QĐ-UBND")
    res = validate(write(tmp_path, text))
    assert res.code == 2
    line = line_of(text, "symbol: QĐ-UBND")
    assert f"2023.yaml:{line}:1: lỗi TT-Y004" in res.out
    assert "Tab" in res.out and "dấu cách" in res.out


def test_bom_is_a_warning_and_the_plan_still_validates(tmp_path):
    res = validate(write(tmp_path, b"\xef\xbb\xbf" + GOOD.encode("utf-8")))
    assert res.code == 0, res.text
    assert "2023.yaml:1:1: cảnh báo TT-Y005" in res.out
    assert "BOM" in res.out


def test_utf16_is_refused(tmp_path):
    code, found = problems(write(tmp_path, GOOD.encode("utf-16")))
    assert code == 2
    assert found[0]["code"] == "TT-Y002" and "UTF-16" in found[0]["message"]


def test_non_utf8_bytes_name_the_line(tmp_path):
    data = GOOD.encode("utf-8").replace("Hà Giang\n".encode(), "H\xe0 Giang\n".encode("latin-1"), 1)
    code, found = problems(write(tmp_path, data))
    assert code == 2
    [p] = found
    assert p["code"] == "TT-Y002"
    assert p["line"] == line_of(GOOD, "Hà Giang")
    assert f"Dòng {p['line']}" in p["message"] and "UTF-8" in p["message"]


@pytest.mark.parametrize("content", ["", "\n\n", "# chỉ có ghi chú\n", "---\n"])
def test_empty_file(tmp_path, content):
    code, found = problems(write(tmp_path, content))
    assert code == 2
    assert found[0]["code"] == "TT-Y007" and "trống" in found[0]["message"]


def test_list_at_top_level(tmp_path):
    code, found = problems(write(tmp_path, "- document: x\n- plan: y\n"))
    assert code == 2
    assert found[0]["code"] == "TT-S003" and "danh sách" in found[0]["message"]


def test_list_where_a_mapping_belongs(tmp_path):
    text = GOOD.replace("  signer:\n    position: CHỦ TỊCH\n    name: Nguyễn Văn Sơn",
                        "  signer:\n    - CHỦ TỊCH\n    - Nguyễn Văn Sơn")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = found
    assert p["code"] == "TT-S003"
    assert p["line"] == line_of(text, "- CHỦ TỊCH")
    assert "'signer' (Người ký) phải là bảng" in p["message"] and "danh sách" in p["message"]
    assert "Bỏ dấu '- '" in p["hint"]


def test_wrong_type_number_as_text(tmp_path):
    text = GOOD.replace("  number: 233", "  number: hai trăm")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = found
    assert (p["code"], p["line"], p["col"]) == ("TT-S003", line_of(text, "number: hai"), 11)
    assert "số nguyên" in p["message"]


def test_wrong_type_text_as_number(tmp_path):
    text = GOOD.replace("      content: Cấp kinh phí chi tổ chức tuyên truyền CCHC", "      content: 2023")
    code, found = problems(write(tmp_path, text))
    [p] = found
    assert p["code"] == "TT-S003" and p["line"] == line_of(text, "content: 2023")
    assert "ngoặc kép" in p["hint"] and '"2023"' in p["hint"]


def test_missing_required_field(tmp_path):
    text = GOOD.replace("  place: Hà Giang\n", "")
    code, found = problems(write(tmp_path, text))
    assert code == 1
    [p] = found
    assert p["code"] == "TT-S002"
    assert p["line"] == line_of(text, "document:") and p["col"] == 1
    assert "'place' (Địa danh)" in p["message"] and "'document'" in p["message"]
    assert "place:" in p["hint"]


def test_missing_field_in_a_list_item(tmp_path):
    text = GOOD.replace("      content: Cấp kinh phí chi tổ chức tuyên truyền CCHC\n", "")
    code, found = problems(write(tmp_path, text))
    [p] = found
    assert p["code"] == "TT-S002"
    assert p["line"] == line_of(text, "- id: cap-kinh-phi")
    assert "mục thứ 2 của 'tasks'" in p["message"]


def test_unknown_key_with_did_you_mean(tmp_path):
    text = GOOD.replace("  place: Hà Giang", "  plcae: Hà Giang")
    code, found = problems(write(tmp_path, text))
    unknown = [p for p in found if p["code"] == "TT-S001"]
    [p] = unknown
    assert (p["line"], p["col"]) == (line_of(text, "plcae:"), 3)
    assert "Có phải ý bạn là 'place'?" in p["message"]


def test_unknown_vietnamese_key_suggests_the_english_one(tmp_path):
    text = GOOD.replace("      lead: Sở Tài chính", "      chủ_trì: Sở Tài chính")
    code, found = problems(write(tmp_path, text))
    [p] = [p for p in found if p["code"] == "TT-S001"]
    assert "'lead'" in p["message"]


def test_bad_enum_value(tmp_path):
    text = GOOD.replace("  type: quyet-dinh", "  type: quyết định")
    code, found = problems(write(tmp_path, text))
    [p] = [p for p in found if p["code"] == "TT-S004"]
    assert p["line"] == line_of(text, "type: quyết định")
    assert "'quyet-dinh'" in p["message"]


def test_impossible_date(tmp_path):
    text = GOOD.replace("  date: 19/12/2022", "  date: 29/02/2023")
    code, found = problems(write(tmp_path, text))
    [p] = found
    assert p["code"] == "TT-S004" and p["line"] == line_of(text, "date: 29/02/2023")
    assert "không tồn tại" in p["message"] and "nhuận" in p["message"]


def test_duplicate_task_id(tmp_path):
    text = GOOD.replace("- id: cap-kinh-phi", "- id: ky-luat-ky-cuong")
    code, found = problems(write(tmp_path, text))
    [p] = found
    assert p["code"] == "TT-S005"
    assert p["line"] == line_of(text, "- id: ky-luat-ky-cuong", 2)
    assert f"dòng {line_of(text, '- id: ky-luat-ky-cuong', 1)}" in p["message"]


def test_decision_part_must_match_document_type(tmp_path):
    text = GOOD.replace("  type: quyet-dinh", "  type: ke-hoach")
    code, found = problems(write(tmp_path, text))
    [p] = found
    assert p["code"] == "TT-S006" and p["line"] == line_of(text, "decision:")


def test_every_error_of_every_file_is_reported(tmp_path):
    a = write(tmp_path, GOOD.replace("  place: Hà Giang", "  plcae: Hà Giang").replace("  number: 233", "  number: x"), "a.yaml")
    write(tmp_path, GOOD.replace("\tx", ""), "b.yaml")
    write(tmp_path, "", "c.yaml")
    res = run_tt("validate", "--schema-only", "--format", "json", str(tmp_path))
    data = json.loads(res.out)
    assert res.code == 2  # one file unreadable
    by_file = {}
    for p in data["problems"]:
        by_file.setdefault(Path(p["file"]).name, []).append(p["code"])
    assert sorted(by_file["a.yaml"]) == ["TT-S001", "TT-S002", "TT-S003"]
    assert "b.yaml" not in by_file
    assert by_file["c.yaml"] == ["TT-Y007"]
    assert data["summary"]["files"] == 3 and data["summary"]["invalid_files"] == 2
    assert a.exists()


def test_billion_laughs_is_refused_quickly(tmp_path):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i, name in enumerate("bcdefghij"):
        prev = "abcdefghij"[i]
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 10) + "]")
    code, found = problems(write(tmp_path, "\n".join(lines) + "\n"))
    assert code == 2
    assert found[0]["code"] == "TT-Y009"


def test_oversized_file_is_refused(tmp_path):
    res = run_tt("validate", "--schema-only", str(write(tmp_path, GOOD)), env={"TT_MAX_BYTES": "100"})
    # the limit is read at import: check through a fresh process instead when it was already imported
    if res.code != 2:
        from tests.conftest import run_tt_process
        import os
        os.environ["TT_MAX_BYTES"] = "100"
        try:
            res = run_tt_process("validate", "--schema-only", str(tmp_path / "2023.yaml"))
        finally:
            del os.environ["TT_MAX_BYTES"]
    assert res.code == 2
    assert "TT-Y008" in res.out and "quá lớn" in res.out


def test_missing_file(tmp_path):
    res = run_tt("validate", str(tmp_path / "khong-co.yaml"))
    assert res.code == 2
    assert "TT-Y001" in res.out and "Không tìm thấy tệp" in res.out
    # a path outside the current folder is shown as given, not as ../../…
    assert res.out.startswith(f"{tmp_path / 'khong-co.yaml'}:1:1:")


def test_no_plans_folder_is_a_usage_error(tmp_path):
    res = run_tt("validate", cwd=tmp_path)
    assert res.code == 2
    assert "plans/" in res.err


def test_text_output_shows_the_source_line_and_a_marker(tmp_path):
    text = GOOD.replace("  place: Hà Giang", "  plcae: Hà Giang")
    res = validate(write(tmp_path, text))
    line = line_of(text, "plcae:")
    out = res.out.splitlines()
    i = next(i for i, ln in enumerate(out) if ln.startswith(f"2023.yaml:{line}:3: lỗi TT-S001"))
    assert out[i + 1].rstrip().endswith("|   plcae: Hà Giang")
    assert out[i + 2].rstrip().endswith("|   ^~~~~")
    assert "gợi ý: Sửa 'plcae' thành 'place'." in out[i + 3]


def test_github_annotations(tmp_path):
    text = GOOD.replace("  place: Hà Giang", "  plcae: Hà Giang")
    res = validate(write(tmp_path, text), "--format", "github")
    line = line_of(text, "plcae:")
    assert re.search(rf"^::error file=2023\.yaml,line={line},col=3,endLine={line},endColumn=18,"
                     r"title=tt \(TT-S001\)%3A Khóa không có trong định dạng::Khóa 'plcae'", res.out, re.M)
    assert "%0AGợi ý:" in res.out


def test_messages_are_nfc(tmp_path):
    import unicodedata

    res = validate(write(tmp_path, GOOD.replace("  place: Hà Giang\n", "")))
    assert unicodedata.is_normalized("NFC", res.out)


def test_a_long_line_is_shown_around_the_marker(tmp_path):
    long = "Luật Tổ chức chính quyền địa phương ngày 19/6/2015 " * 5
    text = GOOD.replace("  bases:\n", f'  bases: ["{long.strip()}", {{type: Nghị quyết, nmber: 76/NQ-CP}}]\n  x_bases:\n')
    text = text.replace("  x_bases:\n    - Luật Tổ chức chính quyền địa phương ngày 19/6/2015\n", "")
    text = text.split("    - type: Nghị quyết\n      number: 76/NQ-CP")[0] + text.split(
        "subject: ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030\n", 1)[1]
    path = write(tmp_path, text)
    res = validate(path)
    out = res.out.splitlines()
    i = next(i for i, ln in enumerate(out) if "TT-S001" in ln and "'nmber'" in ln)
    shown, marker = out[i + 1], out[i + 2]
    assert "nmber" in shown and len(shown) < 160
    assert shown.index("nmber") == marker.index("^")
    assert marker.rstrip().endswith("^~~~~")
