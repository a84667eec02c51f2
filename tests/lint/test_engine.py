"""The engine: `# tt: ignore[…]`, the unused-ignore report, tt.toml selection and severities."""

from __future__ import annotations

import json

from tests.conftest import run_tt
from tests.lint.helpers import codes, lint_path, write_plan
from tuyentruyen.project.config import Config
from tuyentruyen.rules.docs import base_texts

BASE = base_texts()[0]


def _lint(tmp_path, text: str, config: Config | None = None):
    path = write_plan(tmp_path, text)
    schema, found = lint_path(path, config)
    assert not schema, [p.message for p in schema]
    return found


def test_ignore_silences_that_code_on_that_line_only(tmp_path):
    text = BASE.replace("due: Quý II/2024", "due: Quý II/2025  # tt: ignore[TT-D003] chép theo văn bản gốc")
    assert codes(_lint(tmp_path, text)) == []


def test_ignore_of_another_code_does_not_silence_and_is_reported_unused(tmp_path):
    text = BASE.replace("due: Quý II/2024", "due: Quý II/2025  # tt: ignore[TT-D001]")
    found = _lint(tmp_path, text)
    assert codes(found) == ["TT-D003", "TT-T005"]
    unused = next(p for p in found if p.code == "TT-T005")
    assert "TT-D001" in unused.message and unused.line == text.splitlines().index(
        "      due: Quý II/2025  # tt: ignore[TT-D001]") + 1


def test_ignore_on_the_key_line_of_a_list(tmp_path):
    text = BASE.replace("      lead: Sở Nội vụ\n",
                        "      lead:  # tt: ignore[TT-R002] hai sở cùng chủ trì theo chỉ đạo\n"
                        "        - Sở Nội vụ\n        - Sở Tài chính\n").replace("support: [Sở Tài chính]", "support: []")
    assert codes(_lint(tmp_path, text)) == []


def test_unknown_code_bare_ignore_and_own_line_ignore(tmp_path):
    text = BASE.replace("due: Quý II/2024", "due: Quý II/2024  # tt: ignore[TT-D09]").replace(
        "  archive: VT, NC", "  # tt: ignore[TT-D001]\n  archive: VT, NC  # tt: ignore")
    found = [p for p in _lint(tmp_path, text) if p.code == "TT-T005"]
    messages = " ".join(p.message for p in found)
    assert len(found) == 3
    assert "TT-D09" in messages and "thiếu mã" in messages and "đứng riêng" in messages


def test_ignore_marker_inside_a_text_value_is_text(tmp_path):
    text = BASE.replace("content: Tổ chức tập huấn nghiệp vụ cải cách hành chính",
                        "content: \"Tổ chức tập huấn # tt: ignore[TT-D001]\"")
    assert codes(_lint(tmp_path, text)) == []


def test_config_select_ignore_and_severity(tmp_path):
    text = BASE.replace("due: Quý II/2024", "due: trước ngày 16/3/2025")  # D003 error, D008 warning
    assert codes(_lint(tmp_path, text)) == ["TT-D003", "TT-D008"]
    assert codes(_lint(tmp_path, text, Config(select=("TT-D008",)))) == ["TT-D008"]
    assert codes(_lint(tmp_path, text, Config(ignore=("TT-D",)))) == []
    found = _lint(tmp_path, text, Config(severity=(("TT-D003", "warning"),)))
    assert {p.code: p.severity.value for p in found} == {"TT-D003": "warning", "TT-D008": "warning"}


def test_tt_toml_is_found_upward_and_applied(tmp_path):
    (tmp_path / "tt.toml").write_text(
        '[lint]\nignore = ["D008"]\n[lint.severity]\nTT-D003 = "warning"\n', encoding="utf-8")
    text = BASE.replace("due: Quý II/2024", "due: trước ngày 16/3/2025")
    path = write_plan(tmp_path / "plans" / "2024", text)
    res = run_tt("lint", "--format", "json", str(path), cwd=tmp_path)
    found = json.loads(res.out)["problems"]
    assert [(p["code"], p["severity"]) for p in found] == [("TT-D003", "warning")]
    assert res.code == 0  # warnings only


def test_per_file_ignores_and_extra_days_off(tmp_path):
    (tmp_path / "ngay-nghi.yaml").write_text("days:\n  - date: 15/3/2024\n    name: ngày của tỉnh\n", "utf-8")
    (tmp_path / "tt.toml").write_text(
        '[lint]\nholidays = ["ngay-nghi.yaml"]\n[lint.per-file-ignores]\n"cu/*.yaml" = ["TT-D003"]\n', "utf-8")
    text = BASE.replace("due: Quý II/2024", "due: trước ngày 15/3/2024")
    res = run_tt("lint", "--format", "json", str(write_plan(tmp_path / "moi", text)), cwd=tmp_path)
    [p] = json.loads(res.out)["problems"]
    assert p["code"] == "TT-D008" and "ngày của tỉnh" in p["message"] and "14/03/2024" in p["hint"]
    old = BASE.replace("due: Quý II/2024", "due: Quý II/2025")
    res = run_tt("lint", "--format", "json", str(write_plan(tmp_path / "cu", old)), cwd=tmp_path)
    assert json.loads(res.out)["problems"] == []


def test_broken_tt_toml_is_a_located_usage_error(tmp_path):
    (tmp_path / "tt.toml").write_text('[lint]\nignore = ["TT-D999"]\n', encoding="utf-8")
    path = write_plan(tmp_path, BASE)
    res = run_tt("lint", str(path), cwd=tmp_path)
    assert res.code == 2
    assert "tt.toml:2:1" in res.out and "TT-K001" in res.out and "TT-D999" in res.out
    (tmp_path / "tt.toml").write_text('[lint]\nselect = "TT-D"\nsevrity = 1\n', encoding="utf-8")
    res = run_tt("validate", str(path), cwd=tmp_path)
    assert res.code == 2 and "tt.toml:3:1" in res.out and "severity" in res.out
    (tmp_path / "tt.toml").write_text('[lint\n', encoding="utf-8")
    res = run_tt("lint", "--format", "json", str(path), cwd=tmp_path)
    [p] = json.loads(res.out)["problems"]
    assert res.code == 2 and p["code"] == "TT-K001" and p["line"] == 1


def test_schema_only_runs_no_rule(tmp_path):
    text = BASE.replace("due: Quý II/2024", "due: Quý II/2025")
    path = write_plan(tmp_path, text)
    assert run_tt("validate", "--schema-only", str(path)).code == 0
    assert run_tt("validate", str(path)).code == 1


def test_missing_registry_is_reported_once(tmp_path):
    path = write_plan(tmp_path, BASE, units_text="")
    schema, found = lint_path(path)
    assert codes(found) == ["TT-R011"]
