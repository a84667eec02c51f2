"""Plans written the way real 2024–2025 plans are, their mistakes kept (tests/fixtures/real/, issue 12).

Each <name>/<year>.errors.yaml lists every mistake of the plan beside it, with the rule that must
report it. `tt lint` must report each listed mistake at its line with that code, and nothing else:
the forms that are right (symbols with "&", "Đầu năm", "Thứ Sáu hằng tuần", "Đợt 1: …; Đợt 2: …")
must stay silent. And the corrected sample plans stay clean with every rule turned on.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import FIXTURES, PLANS, run_tt
from tuyentruyen import api
from tuyentruyen.project.discover import is_progress_file

REAL = sorted((FIXTURES / "real").glob("*/*.errors.yaml"))
CORRECTED = sorted(p for p in PLANS.glob("*/*.yaml") if not api.is_registry_file(p) and not is_progress_file(p))


def lint_json(plan: Path, *extra: str, cwd: Path | None = None) -> tuple[int, list[dict]]:
    res = run_tt("lint", str(plan), "--format", "json", *extra, cwd=cwd)
    return res.code, json.loads(res.out)["problems"]


def entries(errors: Path) -> list[dict]:
    return yaml.safe_load(errors.read_text("utf-8"))


@pytest.mark.parametrize("errors", REAL, ids=[p.parent.name for p in REAL])
def test_the_errors_file_points_at_lines_holding_each_mistake(errors):
    plan = errors.with_name(errors.name.replace(".errors", ""))
    lines = plan.read_text("utf-8").split("\n")
    loaded = api.load_plan(plan)
    assert loaded.plan is not None and not loaded.problems, [p.message for p in loaded.problems]
    for e in entries(errors):
        assert set(e) == {"line", "kind", "code", "text", "note"}, e
        assert e["text"] in lines[e["line"] - 1], e
        assert e["note"].strip() and e["code"].startswith("TT-"), e


@pytest.mark.parametrize("errors", REAL, ids=[p.parent.name for p in REAL])
def test_lint_reports_every_listed_mistake_and_nothing_else(errors):
    plan = errors.with_name(errors.name.replace(".errors", ""))
    code, problems = lint_json(plan)
    found = sorted((p["line"], p["code"]) for p in problems)
    listed = sorted((e["line"], e["code"]) for e in entries(errors))
    assert found == listed, [(p["line"], p["code"], p["message"]) for p in problems]
    assert code == (1 if any(p["severity"] == "error" for p in problems) else 0)


def test_tt_lint_fix_makes_the_style_certain_and_leaves_citations_alone(tmp_path):
    """The style warnings with a certain fix are fixed by `tt lint --fix`; the citations are untouched."""
    shutil.copytree(FIXTURES / "real", tmp_path / "real")
    plan = tmp_path / "real" / "ke-hoach-2024" / "2024.yaml"
    before = plan.read_text("utf-8")
    res = run_tt("lint", str(plan), "--fix")
    assert res.code == 1, res.text  # the errors (the plan's date…) are for the clerk
    after = plan.read_text("utf-8")
    assert "văn hoá" not in after and "xây dựng văn hóa ứng xử" in after  # TT-T010
    assert "Phòng Văn hóa – Xã hội" not in after and after.count("Phòng Văn hóa - Xã hội") == 2  # TT-T009
    assert after.count("Cổng Dịch vụ công quốc gia") == 2  # TT-T008, the name of Quyết định 274/QĐ-TTg
    for kept in ("118/TTr- STTTT ngày 20/12/2023", "5104/BTTTT-PTTH&TTĐT", "date: 08/01/2023", "due: khi nào xong"):
        assert kept in after, kept  # a citation, a date, a time: never changed by --fix
    _, left = lint_json(plan)
    assert {p["code"] for p in left} == {"TT-C001", "TT-C003", "TT-C004", "TT-C008", "TT-D004", "TT-T011", "TT-T012"}
    assert before.count("\n") == after.count("\n")

    decision = tmp_path / "real" / "quyet-dinh-2026" / "2026.yaml"
    run_tt("lint", str(decision), "--fix")
    assert "title: Về việc phê duyệt Kế hoạch tuyên truyền" in decision.read_text("utf-8")  # TT-T007


@pytest.mark.skipif(not CORRECTED, reason="chưa có kế hoạch mẫu nào trong plans/")
@pytest.mark.parametrize("plan", CORRECTED, ids=[p.parent.name for p in CORRECTED])
def test_corrected_samples_are_clean_with_every_rule_on(plan, tmp_path):
    """select = ["ALL"]: no error, no warning. The two opt-in house-style notes (TT-D006: a duty
    without a deadline; TT-R012: a registered short name instead of the canonical one) are notes
    about the whole style of a repository, true of these plans as signed, and are the only
    findings allowed."""
    config = tmp_path / "tt.toml"
    config.write_text('[lint]\nselect = ["ALL"]\n', encoding="utf-8")
    _, seed = lint_json(FIXTURES / "seeds" / "quang-ngai" / "2023.yaml", "--config", str(config))
    assert "TT-R012" in {p["code"] for p in seed}  # the opt-in rules do run with this config
    code, problems = lint_json(plan, "--config", str(config))
    loud = [(p["line"], p["code"], p["message"]) for p in problems if p["severity"] != "info"]
    assert code == 0 and not loud, loud
    assert {p["code"] for p in problems} <= {"TT-D006", "TT-R012"}, problems
