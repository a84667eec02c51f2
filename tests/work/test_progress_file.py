"""The progress file: loaded with positions through the one loader, validated with located messages,
found by `tt validate` beside its plan, and its rules (TT-P) run with the plan it follows."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_tt
from tests.work.helpers import DATA, PLANS, small_repo
from tuyentruyen.loading.documents import load_progress
from tuyentruyen.rules import all_rules
from tuyentruyen.rules.docs import RIGHT, WRONG, example_progress, examples

PROGRESS_RULES = [r for r in all_rules() if r.subject == "progress"]


def write(tmp_path, text: str):
    small_repo(tmp_path)
    path = tmp_path / "plans" / "2024.progress.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_samples_load_and_their_plans_are_found():
    for path in [*PLANS.glob("*/*.progress.yaml"), *DATA.glob("*.progress.yaml")]:
        loaded = load_progress(path)
        assert loaded.progress is not None and loaded.ok, [p.message for p in loaded.problems]


@pytest.mark.parametrize("body,code,line,words", [
    ("  tap-huan:\n    status: xong\n", "TT-S004", 5, "chỉ được chọn một trong"),
    ("  tap-huan:\n    status: khong-thuc-hien-duoc\n", "TT-S004", 5, "phải ghi lý do"),
    ("  tap-huan:\n    status: dang-thuc-hien\n    done_on: 01/06/2024\n", "TT-S004", 5, "chỉ ghi khi"),
    ("  tap-huan:\n    status: hoan-thanh\n    done_on: 01/07/2024\n", "TT-S006", 6, "sau ngày chốt số liệu"),
    ("  tap-huan:\n    status: hoan-thanh\n    resutl: x\n", "TT-S001", 6, "Có phải ý bạn là"),
    ("  tap-huan:\n    status: hoan-thanh\n    figures: [nhiều người]\n", "TT-S004", 6, "không có con số"),
    ("  tap-huan:\n    status: hoan-thanh\n    done_on: 30/02/2024\n", "TT-S004", 6, "không tồn tại"),
])
def test_a_wrong_entry_is_a_located_vietnamese_error(tmp_path, body, code, line, words):
    path = write(tmp_path, "tt: 1\nas_of: 30/06/2024\ntasks:\n" + body)
    res = run_tt("validate", "--format", "json", str(path))
    assert res.code == 1, res.text
    found = [p for p in json.loads(res.out)["problems"] if p["code"] == code]
    assert found and found[0]["line"] == line and words in found[0]["message"], res.out


def test_status_may_be_written_in_words(tmp_path):
    path = write(tmp_path, "tt: 1\nas_of: 30/06/2024\ntasks:\n  tap-huan:\n    status: Hoàn thành\n"
                           "    evidence: [Báo cáo số 1/BC-SNV]\n")
    loaded = load_progress(path)
    assert loaded.progress.tasks["tap-huan"].status.value == "hoan-thanh"


def test_not_a_table_and_missing_as_of(tmp_path):
    path = write(tmp_path, "- a\n")
    res = run_tt("validate", str(path))
    assert res.code == 2 and "as_of, tasks" in res.out and "docs/work.md" in res.out
    path.write_text("tt: 1\ntasks: {}\n", encoding="utf-8")
    res = run_tt("validate", str(path))
    assert res.code == 1 and "TT-S002" in res.out and "as_of" in res.out


def test_validate_checks_progress_files_with_their_plans(tmp_path):
    path = write(tmp_path, "tt: 1\nas_of: 15/07/2024\ntasks:\n  tap-huan-cchc:\n    status: dang-thuc-hien\n")
    res = run_tt("validate", "--format", "json", cwd=tmp_path)
    problems = json.loads(res.out)["problems"]
    assert {(p["code"], p["line"]) for p in problems} >= {("TT-P002", 4), ("TT-P001", 3)}, res.out
    assert any("Có phải ý bạn là 'tap-huan'" in p["message"] for p in problems)
    assert run_tt("validate", "--schema-only", str(path)).code == 0  # rules are lint, not schema


def test_a_progress_file_whose_plan_is_missing(tmp_path):
    path = write(tmp_path, "tt: 1\nplan: khong-co.yaml\nas_of: 15/07/2024\n")
    res = run_tt("lint", str(path))
    assert res.code == 1 and "TT-P000" in res.out and "khong-co.yaml" in res.out and "2024.progress.yaml:2:1" in res.out


def test_ignore_comments_work_in_progress_files(tmp_path):
    text = "tt: 1\nas_of: 15/07/2024\ntasks:\n  tap-huan-cchc:  # tt: ignore[TT-P002]\n    status: dang-thuc-hien\n"
    path = write(tmp_path, text)
    res = run_tt("lint", "--format", "json", str(path))
    assert "TT-P002" not in res.out


def test_the_worked_example_lints_as_expected():
    """Mid-year: the training due in Quý I–II and still in progress is late; the year's file is clean."""
    res = run_tt("lint", "--format", "json", str(DATA / "ha-giang-2023-07-10.progress.yaml"))
    codes = [(p["code"], p["path"]) for p in json.loads(res.out)["problems"]]
    assert ("TT-P001", ["tasks", "tap-huan-lanh-dao", "status"]) in codes, codes
    res = run_tt("lint", "--format", "json", "plans/ha-giang/2023.progress.yaml", "plans/xuan-loc/2024.progress.yaml")
    assert not [p for p in json.loads(res.out)["problems"] if p["code"].startswith("TT-P")], res.out


# ---------------------------------------------------------------- the rules' own examples


def test_the_progress_family_is_documented():
    assert {r.code for r in PROGRESS_RULES} >= {"TT-P001", "TT-P002", "TT-P003", "TT-P004", "TT-P005"}
    page = (PLANS.parent / "docs" / "rules" / "TT-P004.md").read_text("utf-8")
    assert "Tiến độ thực hiện" in page and "tệp tiến độ" in page


def _lint_example(folder, block):
    plan_text, progress_text = example_progress(block)
    from tuyentruyen.rules.docs import base_texts

    folder.mkdir(parents=True)
    (folder / "plan.yaml").write_text(plan_text, encoding="utf-8")
    (folder / "units.yaml").write_text(base_texts()[1], encoding="utf-8")
    (folder / "plan.progress.yaml").write_text("tt: 1\n" + progress_text, encoding="utf-8")
    res = run_tt("validate", "--format", "json", str(folder / "plan.progress.yaml"))
    return json.loads(res.out)["problems"]


@pytest.mark.parametrize("rule", PROGRESS_RULES, ids=[r.code for r in PROGRESS_RULES])
def test_wrong_example_raises_exactly_its_rule_right_one_is_clean(rule, tmp_path):
    ex = examples(rule)
    assert ex[WRONG] and ex[RIGHT]
    for i, block in enumerate(ex[WRONG]):
        found = _lint_example(tmp_path / f"sai{i}", block)
        assert {p["code"] for p in found} == {rule.code}, found
    for i, block in enumerate(ex[RIGHT]):
        assert _lint_example(tmp_path / f"dung{i}", block) == []


def test_the_committed_progress_schema_is_current_and_a_second_validator_accepts_the_samples(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    schema = PLANS.parent / "docs" / "schema" / "progress.schema.json"
    res = run_tt("schema", "--progress")
    assert res.code == 0 and res.out == schema.read_text("utf-8"), "chạy `tt schema --progress -o " \
        "docs/schema/progress.schema.json`"
    files = [*PLANS.glob("*/*.progress.yaml"), *DATA.glob("*.progress.yaml")]
    for path in files:
        first = path.read_text("utf-8").splitlines()[0]
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == schema.resolve(), path
    check = Path(sys.executable).parent / "check-jsonschema"
    proc = subprocess.run([str(check), "--schemafile", str(schema), *map(str, files)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bad = tmp_path / "2024.progress.yaml"
    bad.write_text("tt: 1\nas_of: 30/06/2024\ntasks:\n  x:\n    status: xong\n", encoding="utf-8")
    proc = subprocess.run([str(check), "--schemafile", str(schema), str(bad)], capture_output=True, text=True)
    assert proc.returncode == 1


@pytest.mark.parametrize("command", [("status",), ("tasks", "--as-of", "30/06/2024"), ("render", "--report"),
                                     ("diff",)])
def test_a_broken_progress_file_is_a_located_error_never_a_traceback(tmp_path, command):
    path = write(tmp_path, "tt: 1\nas_of: [\n")
    args = [*command, str(path)]
    if command[0] == "render":
        args += ["-o", str(tmp_path / "bc.docx")]
    if command[0] == "diff":
        args.append(str(path))
    res = run_tt(*args)
    assert res.code == 2, res.text
    assert "2024.progress.yaml:3:1: lỗi TT-Y003" in res.text and "Traceback" not in res.text
    assert not (tmp_path / "bc.docx").exists()
