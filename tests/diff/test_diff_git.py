"""`tt diff PATH --rev REV` and `tt diff --rev A..B`: the old side read with git, in a throw-away repository."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import run_tt
from tests.diff.diffplans import REGISTRY, base, commit, dump, init_repo, write_plan

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="cần git")


@pytest.fixture
def repo(tmp_path):
    """A plans repository with two commits: the approved draft, then the signed plan."""
    root = init_repo(tmp_path / "kho")
    write_plan(root / "plans", base())
    commit(root, "dự thảo đã duyệt")
    signed = base()
    signed["appendix"]["groups"][1]["tasks"][1]["due"] = "Quý III/2024"
    signed["document"]["number"] = 31
    write_plan(root / "plans", signed)
    commit(root, "bản ký")
    return root


def test_path_against_a_revision(repo):
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD~1", cwd=repo)
    assert res.code == 1, res.text
    assert "So sánh HEAD~1:plans/2024.yaml → plans/2024.yaml" in res.out
    assert "thời gian: Quý II/2024 → Quý III/2024 (muộn hơn 1 quý)" in res.out
    assert "số: 25 → 31" in res.out


def test_work_tree_equal_to_head(repo):
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 0 and "Không có thay đổi nào" in res.out


def test_uncommitted_edit_against_head(repo):
    plan = repo / "plans" / "2024.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Đặng Văn Minh", "Trần Phước Hiền"), "utf-8")
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 1 and "người ký: Đặng Văn Minh → Trần Phước Hiền" in res.out


def test_range_of_two_revisions(repo):
    plan = repo / "plans" / "2024.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Đặng Văn Minh", "Trần Phước Hiền"), "utf-8")
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD~1..HEAD", cwd=repo)
    assert res.code == 1
    assert "So sánh HEAD~1:plans/2024.yaml → HEAD:plans/2024.yaml" in res.out
    assert "người ký" not in res.out  # the work tree is not part of HEAD~1..HEAD


def test_every_changed_plan_between_revisions(repo):
    write_plan(repo / "plans" / "huyen", base(), name="2024.yaml")
    (repo / "plans" / "huyen" / "units.yaml").unlink()
    other = base()
    other["document"]["number"] = 99
    write_plan(repo / "plans", other, name="2025.yaml")
    (repo / "README.yaml").write_text("khong: phai ke hoach\n", "utf-8")
    commit(repo, "thêm kế hoạch")
    res = run_tt("diff", "--rev", "HEAD~2..HEAD", "-f", "json", cwd=repo)
    assert res.code == 1, res.text
    data = json.loads(res.out)
    got = {(f["status"], f["new"]["path"] or f["old"]["path"]) for f in data["files"]}
    assert got == {("modified", "plans/2024.yaml"), ("added", "plans/2025.yaml"), ("added", "plans/huyen/2024.yaml")}
    text = run_tt("diff", "--rev", "HEAD~2..HEAD", cwd=repo).out
    assert "Kế hoạch mới: 6 nhiệm vụ." in text and "Tổng cộng: 3 kế hoạch, 3 có thay đổi." in text


def test_no_path_compares_work_tree_and_counts_untracked_plans(repo):
    write_plan(repo / "plans", base(), name="2026.yaml")  # not added to git yet
    res = run_tt("diff", "--rev", "HEAD", "-f", "json", cwd=repo)
    data = json.loads(res.out)
    assert [(f["status"], f["new"]["path"]) for f in data["files"]] == [("added", "plans/2026.yaml")]


def test_nothing_changed(repo):
    res = run_tt("diff", "--rev", "HEAD", cwd=repo)
    assert res.code == 0 and "Không có kế hoạch nào thay đổi." in res.out
    data = json.loads(run_tt("diff", "--rev", "HEAD", "-f", "json", cwd=repo).out)
    assert data["equal"] is True and data["files"] == []


def test_removed_plan(repo):
    (repo / "plans" / "2024.yaml").unlink()
    res = run_tt("diff", "--rev", "HEAD", cwd=repo)
    assert res.code == 1 and "Kế hoạch đã bị xóa (có 6 nhiệm vụ)." in res.out


def test_three_dots_from_where_the_branch_left(repo):
    from tests.diff.diffplans import git

    git(repo, "checkout", "-q", "-b", "sua")
    plan = repo / "plans" / "2024.yaml"
    plan.write_text(plan.read_text("utf-8").replace("Quý III/2024", "Quý IV/2024"), "utf-8")
    commit(repo, "lùi hạn")
    git(repo, "checkout", "-q", "main")
    plan.write_text(plan.read_text("utf-8").replace("Đặng Văn Minh", "Trần Phước Hiền"), "utf-8")
    commit(repo, "đổi người ký trên main")
    res = run_tt("diff", "--rev", "main...sua", cwd=repo)
    assert res.code == 1
    assert "Quý III/2024 → Quý IV/2024" in res.out and "người ký" not in res.out


def test_registry_read_at_the_revision(repo):
    """The old side's names are resolved with the registry as it was at the revision."""
    reg = dict(REGISTRY, units=[dict(u) for u in REGISTRY["units"]])
    next(u for u in reg["units"] if u["id"] == "so-noi-vu")["aliases"] = ["Sở Nội vụ tỉnh"]
    (repo / "plans" / "units.yaml").write_text(dump(reg), "utf-8")
    old = base()
    old["appendix"]["groups"][1]["tasks"][0]["lead"] = ["Sở Nội vụ tỉnh"]
    write_plan(repo / "plans", old)
    commit(repo, "bí danh cũ")
    # now: the alias is gone from the registry and the plan writes the canonical name
    (repo / "plans" / "units.yaml").write_text(dump(REGISTRY), "utf-8")
    write_plan(repo / "plans", base())
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=repo)
    assert "chủ trì: Sở Nội vụ tỉnh → Sở Nội vụ (cùng đơn vị, chỉ đổi cách viết)" in res.out, res.out
    assert "HEAD:plans/units.yaml" in run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", "-f", "json",
                                             cwd=repo).out


def test_unknown_revision_is_a_clear_error(repo):
    res = run_tt("diff", "plans/2024.yaml", "--rev", "origin/main", cwd=repo)
    assert res.code == 2
    assert "Không có phiên bản 'origin/main' trong kho git." in res.err
    assert "git fetch" in res.err


def test_file_missing_at_both_sides(repo):
    res = run_tt("diff", "plans/khong-co.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 2 and "Không có tệp 'plans/khong-co.yaml'" in res.err


def test_file_new_since_the_revision_is_added(repo):
    write_plan(repo / "plans", base(), name="2030.yaml")
    res = run_tt("diff", "plans/2030.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 1 and "Kế hoạch mới: 6 nhiệm vụ." in res.out


def test_not_a_repository(tmp_path):
    write_plan(tmp_path / "plans", base())
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=tmp_path,
                 env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert res.code == 2 and "không nằm trong một kho git" in res.err


def test_git_not_installed(repo, monkeypatch):
    monkeypatch.setenv("PATH", str(repo / "khong-co-git"))
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 2 and "Không tìm thấy lệnh git" in res.err


def test_old_revision_with_schema_errors(repo):
    plan = repo / "plans" / "2024.yaml"
    good = plan.read_text("utf-8")
    plan.write_text(good.replace("number: 31", "number: ba mươi mốt"), "utf-8")
    commit(repo, "lỗi")
    plan.write_text(good, "utf-8")
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", cwd=repo)
    assert res.code == 2
    assert "HEAD:plans/2024.yaml:" in res.out and "TT-S003" in res.out


def test_markdown_names_a_commit_by_its_short_id(repo):
    import subprocess

    sha = subprocess.run(["git", "rev-parse", "HEAD~1"], cwd=repo, capture_output=True, text=True).stdout.strip()
    res = run_tt("diff", "plans/2024.yaml", "--rev", sha, "--format", "markdown", cwd=repo)
    assert res.code == 1, res.text
    assert f"`{sha[:10]}` → bản đang sửa" in res.out
    assert sha not in res.out
