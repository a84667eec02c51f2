"""What a clerk and a CI see: compiler-like text, GitHub annotations, JSON; exit codes."""

from __future__ import annotations

import json

from tests.conftest import run_tt
from tests.lint.helpers import write_plan
from tuyentruyen.rules.docs import base_texts

BAD = base_texts()[0].replace("due: Quý II/2024", "due: trước ngày 31/4/2024").replace(
    "content: Tổ chức tập huấn", "content: Chỉ trì tổ chức tập huấn")


def test_text_report_is_compiler_like(tmp_path):
    path = write_plan(tmp_path, BAD)
    res = run_tt("lint", str(path), cwd=tmp_path)
    assert res.code == 1
    lines = res.out.splitlines()
    line_no = BAD.splitlines().index("      due: trước ngày 31/4/2024") + 1
    head = next(ln for ln in lines if "TT-D001" in ln)
    assert head.startswith(f"plan.yaml:{line_no}:") and "lỗi TT-D001" in head
    i = lines.index(head)
    assert lines[i + 1].strip().startswith(f"{line_no} |") and "trước ngày 31/4/2024" in lines[i + 1]
    assert "^" in lines[i + 2]
    assert any("gợi ý:" in ln for ln in lines[i + 3:i + 4])
    assert "TT-T003" in res.out
    assert lines[-1].startswith("✗ 2 lỗi")


def test_github_annotations(tmp_path):
    path = write_plan(tmp_path, BAD)
    res = run_tt("lint", "--format", "github", str(path), cwd=tmp_path)
    assert res.code == 1
    ann = [ln for ln in res.out.splitlines() if ln.startswith("::error ")]
    assert len(ann) == 2 and any("title=tt (TT-D001)%3A Ngày không có thật::" in a for a in ann)


def test_json_report_and_warnings_do_not_fail(tmp_path):
    text = base_texts()[0].replace("due: Quý II/2024", "due: trước ngày 16/3/2024")  # a Saturday: warning
    path = write_plan(tmp_path, text)
    res = run_tt("lint", "--format", "json", str(path), cwd=tmp_path)
    data = json.loads(res.out)
    assert res.code == 0
    [p] = data["problems"]
    assert (p["code"], p["severity"]) == ("TT-D008", "warning")
    assert p["path"] == ["appendix", "tasks", 0, "due"]


def test_lint_help_is_vietnamese(tt):
    res = tt("lint", "--help")
    assert res.code == 0 and "Soát lỗi nội dung" in res.out and "--fix" in res.out and "sarif" in res.out
