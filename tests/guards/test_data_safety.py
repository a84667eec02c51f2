"""The "never lose user data" guards, proven by breaking what they guard (fault injection).

Each test makes one part of tt misbehave on purpose — a fix that changes the plan's
structure, a rule that raises, an output over an input — and asserts that the guard
catches it: a located Vietnamese message with its code, the user's file byte for byte as it
was, and the rest of the report still complete. Removing the guard makes its test fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import run_tt
from tests.lint.test_fix import PLAN
from tests.lint.helpers import write_plan


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------- lint --fix re-validation


def test_a_fix_that_would_change_the_plans_structure_is_refused(tmp_path, monkeypatch):
    """--fix re-reads its result: a fix that turns a text into a list is TT-F002, nothing written."""
    import tuyentruyen.edit.fix as fix

    real = fix.apply_fixes

    def corrupting(text, fixes):
        fixed, applied = real(text, fixes)
        return fixed.replace("due: Quý III/2024", "due: [Quý III/2024]"), applied

    monkeypatch.setattr(fix, "apply_fixes", corrupting)
    path = write_plan(tmp_path, PLAN)
    before = _snapshot(tmp_path)
    res = run_tt("lint", "--fix", str(path))
    assert "TT-F002" in res.err and "không an toàn" in res.err, res.text
    assert res.code == 2
    assert _snapshot(tmp_path) == before  # byte for byte, and no temporary file left behind


def test_a_fix_that_would_break_the_yaml_is_refused(tmp_path, monkeypatch):
    import tuyentruyen.edit.fix as fix

    real = fix.apply_fixes

    def corrupting(text, fixes):
        fixed, applied = real(text, fixes)
        return fixed.replace("appendix:", "appendix: [", 1), applied

    monkeypatch.setattr(fix, "apply_fixes", corrupting)
    path = write_plan(tmp_path, PLAN)
    before = _snapshot(tmp_path)
    res = run_tt("lint", "--fix", str(path))
    assert "TT-F002" in res.err and res.code == 2
    assert _snapshot(tmp_path) == before


def test_lint_diff_on_an_unreadable_plan_exits_2(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("document:\n\tbad: tab\n", encoding="utf-8")
    res = run_tt("lint", "--diff", str(path))
    assert res.code == 2, res.text
    assert "TT-Y004" in res.err


def test_fix_writes_only_if_the_file_did_not_change_meanwhile(tmp_path, monkeypatch):
    """A clerk who saves while --fix works never loses that save."""
    path = write_plan(tmp_path, PLAN)
    saved = PLAN.replace("Xây dựng phóng sự", "Xây dựng phóng sự mới")

    from tuyentruyen.project import files

    original = files.read_bytes_bounded
    calls = {"n": 0}

    def read_twice(p, limit):
        calls["n"] += 1
        if calls["n"] == 3:  # after the fix was computed, before it is written: the clerk saves
            Path(p).write_text(saved, encoding="utf-8")
        return original(p, limit)

    monkeypatch.setattr(files, "read_bytes_bounded", read_twice)
    res = run_tt("lint", "--fix", str(path))
    assert path.read_text("utf-8") == saved, res.text
    assert "đã thay đổi trong lúc tt làm việc" in res.err
    assert res.code == 2


# ---------------------------------------------------------------- one crashing rule


def test_a_crashing_rule_is_reported_and_the_other_rules_still_run(tmp_path, monkeypatch):
    from tuyentruyen.rules.engine import get_rule

    rule = get_rule("TT-T003")  # known typos: PLAN has "Truyền truyền"

    def boom(ctx):
        yield from ()
        raise ZeroDivisionError("hỏng")

    monkeypatch.setattr(rule.module, "check", boom)
    path = write_plan(tmp_path, PLAN)
    res = run_tt("lint", "--format", "json", str(path))
    import json

    problems = json.loads(res.out)["problems"]
    found = {p["code"] for p in problems}
    assert "TT-E004" in found
    crash = next(p for p in problems if p["code"] == "TT-E004")
    assert "TT-T003" in crash["message"] and "lỗi nội bộ" in crash["message"]
    assert "ZeroDivisionError" not in res.text and "Traceback" not in res.text
    # the other rules' findings are all there
    assert {"TT-R006", "TT-T001"} <= found, found
    assert "TT-T003" not in found
    assert res.code == 2


def test_a_crash_in_one_file_does_not_hide_the_others(tmp_path, monkeypatch):
    import tuyentruyen.loading.documents as documents

    good = write_plan(tmp_path / "a", PLAN)
    bad = write_plan(tmp_path / "b", PLAN)
    real = documents.load_plan

    def flaky(path):
        if Path(path).resolve() == bad.resolve():
            raise RecursionError("sâu quá")
        return real(path)

    monkeypatch.setattr(documents, "load_plan", flaky)
    import tuyentruyen.check as check

    monkeypatch.setattr(check, "load_plan", flaky)
    res = run_tt("validate", "--format", "json", str(good), str(bad))
    import json

    problems = json.loads(res.out)["problems"]
    bad_codes = {p["code"] for p in problems if p["file"].endswith("b/plan.yaml")}
    good_codes = {p["code"] for p in problems if p["file"].endswith("a/plan.yaml")}
    assert bad_codes == {"TT-E005"}, problems
    assert "TT-T003" in good_codes  # the good file's report is complete
    assert res.code == 2


# ---------------------------------------------------------------- links and inputs


@pytest.mark.skipif(os.name == "nt", reason="liên kết tượng trưng trên Windows cần quyền riêng")
def test_fix_writes_through_a_symlink_and_keeps_it(tmp_path):
    real = write_plan(tmp_path / "that", PLAN)
    (tmp_path / "here").mkdir()
    link = tmp_path / "here" / "plan.yaml"
    link.symlink_to(real)
    (tmp_path / "here" / "units.yaml").write_bytes((tmp_path / "that" / "units.yaml").read_bytes())
    res = run_tt("lint", "--fix", str(link))
    assert res.code == 0, res.text
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Tuyên truyền về dịch vụ công" in real.read_text("utf-8")


def test_fix_keeps_hard_links(tmp_path):
    path = write_plan(tmp_path, PLAN)
    other = tmp_path / "ban-sao.yaml"
    os.link(path, other)
    res = run_tt("lint", "--fix", str(path))
    assert res.code == 0, res.text
    assert os.path.samefile(path, other)
    assert "Tuyên truyền về dịch vụ công" in other.read_text("utf-8")


def test_no_command_writes_over_its_own_input(tmp_path):
    from tuyentruyen.rules.docs import base_texts

    old = write_plan(tmp_path, base_texts()[0], name="2023.yaml")
    new = tmp_path / "2024.yaml"
    new.write_text(base_texts()[0].replace("Quý II/2024", "Quý III/2024"), encoding="utf-8")
    before = _snapshot(tmp_path)
    for args in (("diff", str(old), str(new), "-o", str(new)),
                 ("diff", str(old), str(new), "--docx", str(old)),
                 ("units", str(tmp_path / "units.yaml"), "-o", str(tmp_path / "units.yaml"))):
        res = run_tt(*args)
        assert res.code == 2, (args, res.text)
        assert "Không ghi đè lên tệp đầu vào" in res.err, (args, res.text)
        assert _snapshot(tmp_path) == before, args
    res = run_tt("schema", "-o", str(new))
    assert res.code == 2 and _snapshot(tmp_path) == before


def test_a_bad_size_limit_is_a_clear_usage_error(tmp_path):
    path = write_plan(tmp_path, PLAN)
    res = run_tt("validate", str(path), env={"TT_MAX_BYTES": "nhiều"})
    assert res.code == 2
    assert "TT_MAX_BYTES" in res.err and "không phải một cỡ tệp" in res.err
    assert "Traceback" not in res.text and "lỗi nội bộ" not in res.text
