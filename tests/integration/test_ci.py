"""CI a repository copies in one step: pre-commit hooks, the GitHub Action, GitLab CI (issue 6, part 4)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PLANS, ROOT, run_tt

BIN = Path(sys.executable).parent
SCRIPT = ROOT / "ci" / "github-action.sh"
GIT_ID = ["-c", "user.name=tt", "-c", "user.email=tt@example.invalid", "-c", "commit.gpgsign=false"]


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00", GIT_COMMITTER_DATE="2026-01-01T00:00:00")
    return subprocess.run(["git", *GIT_ID, *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


@pytest.fixture
def plans_repo(tmp_path) -> Path:
    """A repository of plans with two commits: the base, and a change to two tasks' times (one impossible)."""
    if shutil.which("git") is None:
        pytest.skip("cần git")
    repo = tmp_path / "repo"
    shutil.copytree(PLANS / "quang-ngai", repo / "plans" / "quang-ngai")
    shutil.copytree(ROOT / "docs" / "schema", repo / "docs" / "schema")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Kế hoạch 2023")
    plan = repo / "plans" / "quang-ngai" / "2023.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("due: Thường xuyên") >= 2
    text = text.replace("due: Thường xuyên", "due: Quý III/2023", 1)
    plan.write_text(text.replace("due: Thường xuyên", "due: trước ngày 30/02/2023", 1), encoding="utf-8")  # an error
    git(repo, "commit", "-qam", "Lùi thời gian một nhiệm vụ")
    return repo


def run_action(repo: Path, tmp_path: Path, event: str, extra_path: Path | None = None, **env) -> tuple:
    summary, output, out_dir = tmp_path / "summary.md", tmp_path / "output.txt", tmp_path / "out"
    event_file = tmp_path / "event.json"
    base = git(repo, "rev-parse", "HEAD~1")
    event_file.write_text(json.dumps({"pull_request": {"number": 7, "base": {"sha": base}}}), encoding="utf-8")
    path = os.pathsep.join(([str(extra_path)] if extra_path else []) + [str(BIN), "/usr/bin", "/bin"])
    full_env = {"PATH": path, "HOME": str(tmp_path), "GITHUB_EVENT_NAME": event,
                "GITHUB_EVENT_PATH": str(event_file), "GITHUB_REPOSITORY": "so-noi-vu/ke-hoach",
                "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output), "GITHUB_SHA": "abc1234",
                "TT_OUT_DIR": str(out_dir), **env}
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=repo, env=full_env, capture_output=True, text=True, timeout=120)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines()) \
        if output.exists() else {}
    return proc, summary.read_text(encoding="utf-8") if summary.exists() else "", outputs


# ---------------------------------------------------------------- the GitHub Action


def test_action_yml_is_a_composite_action_that_runs_the_script():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert set(action["inputs"]) >= {"paths", "python-version", "sarif", "comment-diff", "tt-source"}
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)
    runs = " ".join(s.get("run", "") for s in steps)
    assert "ci/github-action.sh" in runs and "pip install" in runs
    assert "${{ inputs" not in runs  # inputs reach the scripts through env, never spliced into the code
    assert all(s.get("shell") == "bash" for s in steps if "run" in s)


def test_action_script_on_a_push_annotates_and_writes_the_full_report(plans_repo, tmp_path):
    proc, summary, outputs = run_action(plans_repo, tmp_path, "push")
    validate = run_tt("validate", cwd=plans_repo)
    assert proc.returncode == validate.code == int(outputs["exit-code"])
    annotations = [line for line in proc.stdout.splitlines() if line.startswith(("::error ", "::warning "))]
    assert annotations and all("file=plans/quang-ngai/2023.yaml,line=" in a for a in annotations)
    assert any(a.startswith("::error ") and "30/02/2023" in a for a in annotations) and validate.code == 1
    assert summary.startswith("## tt validate")
    assert validate.out.strip().splitlines()[-1] in summary  # the whole report, to its last line
    assert "tt diff" not in summary and "comment-file" not in outputs


def test_action_script_on_a_pull_request_without_gh_writes_the_comment_to_a_file(plans_repo, tmp_path):
    proc, summary, outputs = run_action(plans_repo, tmp_path, "pull_request")
    body = Path(outputs["comment-file"]).read_text(encoding="utf-8")
    assert body.startswith("<!-- tt-diff -->\n")
    assert "~~Thường xuyên~~ → **Quý III/2023**" in body  # the change the pull request makes
    assert f"được ghi vào {outputs['comment-file']}" in proc.stdout
    assert "Quý III/2023" in summary  # and the diff is in the job summary too


FAKE_GH = """#!/usr/bin/env bash
echo "$*" >> "{log}"
if [ "$1 $2" = "api --paginate" ]; then echo '{existing}'; fi
"""


@pytest.mark.parametrize("existing,verb", [("", "-X POST repos/so-noi-vu/ke-hoach/issues/7/comments"),
                                           ("4242", "-X PATCH repos/so-noi-vu/ke-hoach/issues/comments/4242")])
def test_action_script_posts_or_updates_one_comment_with_gh(plans_repo, tmp_path, existing, verb):
    fake = tmp_path / "fakebin"
    fake.mkdir()
    log = tmp_path / "gh.log"
    (fake / "gh").write_text(FAKE_GH.format(log=log, existing=existing), encoding="utf-8")
    (fake / "gh").chmod(0o755)
    proc, _, outputs = run_action(plans_repo, tmp_path, "pull_request", extra_path=fake, GH_TOKEN="t0ken")
    calls = log.read_text(encoding="utf-8").splitlines()
    assert calls[0].startswith("api --paginate repos/so-noi-vu/ke-hoach/issues/7/comments")
    assert calls[1].startswith(f"api {verb} -F body=@{outputs['comment-file']}")
    assert len(calls) == 2 and proc.returncode == int(outputs["exit-code"])


def test_action_script_sarif_output_is_empty_or_a_sarif_file(plans_repo, tmp_path):
    proc, _, outputs = run_action(plans_repo, tmp_path, "push", TT_SARIF="true")
    assert "sarif" in outputs
    if outputs["sarif"]:
        assert "runs" in json.loads(Path(outputs["sarif"]).read_text(encoding="utf-8"))
    else:  # tt has no SARIF reporter yet: a warning, and the upload step is skipped
        assert "::warning title=tt::Không tạo được báo cáo SARIF" in proc.stdout


def test_the_workflow_to_copy_uses_the_action_on_push_and_pull_request():
    workflow = yaml.safe_load((ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"push", "pull_request"}  # `on:` is read as true by YAML 1.1
    assert workflow["permissions"]["pull-requests"] == "write"
    steps = workflow["jobs"]["tt"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[1]["uses"].endswith("/tt@v0.1.0")


# ---------------------------------------------------------------- GitLab


def test_gitlab_code_quality_report(tmp_path):
    shutil.copytree(ROOT / "tests" / "fixtures" / "seeds" / "quang-ngai", tmp_path / "plans")
    res = run_tt("validate", "--format", "gitlab", "plans/2023.yaml", cwd=tmp_path)
    issues = json.loads(res.out)
    text = run_tt("validate", "plans/2023.yaml", cwd=tmp_path)
    assert res.code == text.code and issues
    for issue in issues:
        assert issue.keys() >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] == "plans/2023.yaml" and issue["location"]["lines"]["begin"] >= 1
        assert issue["check_name"].startswith("TT-") and issue["check_name"] in issue["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    # a fingerprint survives lines moving (GitLab then sees the same issue, not a new one)
    plan = tmp_path / "plans" / "2023.yaml"
    plan.write_text("# một dòng mới ở đầu\n" + plan.read_text(encoding="utf-8"), encoding="utf-8")
    moved = json.loads(run_tt("validate", "--format", "gitlab", "plans/2023.yaml", cwd=tmp_path).out)
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in issues]
    assert [i["location"]["lines"]["begin"] for i in moved] == [i["location"]["lines"]["begin"] + 1 for i in issues]


def test_gitlab_snippet_runs_and_leaves_a_code_quality_report(plans_repo, tmp_path):
    snippet = yaml.safe_load((ROOT / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = snippet["tt"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["artifacts"]["when"] == "always"
    script = "\n".join(job["script"])  # GitLab runs the lines in one shell that stops at the first failure
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(tmp_path), "NO_COLOR": "1",
           **{k: str(v) for k, v in {**snippet["variables"], **job["variables"]}.items()},
           "CI_MERGE_REQUEST_DIFF_BASE_SHA": git(plans_repo, "rev-parse", "HEAD~1")}
    proc = subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=plans_repo, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == run_tt("validate", cwd=plans_repo).code
    report = json.loads((plans_repo / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    assert isinstance(report, list) and all("fingerprint" in i for i in report)
    assert "Quý III/2023" in (plans_repo / "tt-diff.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- pre-commit


def test_pre_commit_hooks_manifest():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"tt-validate", "tt-fmt"}
    assert hooks["tt-validate"]["entry"] == "tt validate" and hooks["tt-validate"]["pass_filenames"] is False
    assert hooks["tt-fmt"]["entry"] == "tt fmt"
    assert all(h["language"] == "python" for h in hooks.values())


def _network() -> bool:
    try:
        socket.create_connection(("pypi.org", 443), timeout=3).close()
        return True
    except OSError:
        return False


@pytest.mark.network
def test_pre_commit_try_repo_runs_the_hooks_for_real(tmp_path):
    """A plans repository tries tt's hooks: pre-commit installs tt from its source (PyPI for the
    dependencies), tt-fmt rewrites an untidy plan and fails the commit, tt-validate passes."""
    pre_commit = BIN / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit chưa được cài (pip install -e '.[test]')")
    if shutil.which("git") is None:
        pytest.skip("cần git")
    if not _network():
        pytest.skip("không kết nối được PyPI: pre-commit cần tải các thư viện của tt để cài hook")
    hook = tmp_path / "tt"
    hook.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, hook / name)
    for folder in ("src", "templates"):
        shutil.copytree(ROOT / folder, hook / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    git(hook, "init", "-q")
    git(hook, "add", "-A")
    git(hook, "commit", "-qm", "tt")

    user = tmp_path / "ke-hoach"
    shutil.copytree(PLANS / "xuan-loc", user / "plans")
    shutil.copytree(ROOT / "docs" / "schema", user / "docs" / "schema")
    for plan in (user / "plans").glob("*.yaml"):
        plan.write_text(plan.read_text(encoding="utf-8").replace("../../docs/", "../docs/"), encoding="utf-8")
    untidy = user / "plans" / "2024.yaml"
    untidy.write_text(untidy.read_text(encoding="utf-8").replace("\n  year: 2024", "\n  year:   2024"),
                      encoding="utf-8")
    git(user, "init", "-q")
    git(user, "add", "-A")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"), NO_COLOR="1")
    proc = subprocess.run([str(pre_commit), "try-repo", str(hook), "--all-files"], cwd=user, env=env,
                          capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    assert "tt validate (kiểm tra kế hoạch)" in out and "tt fmt (định dạng kế hoạch)" in out, out
    assert proc.returncode == 1, out  # tt-fmt changed a file: the commit stops so that it can be reviewed
    assert "files were modified by this hook" in out and "đã định dạng lại: plans/2024.yaml" in out
    assert "\n  year: 2024\n" in untidy.read_text(encoding="utf-8")
    validate_line = next(line for line in out.splitlines() if line.startswith("tt validate"))
    assert validate_line.endswith("Passed"), out
    again = subprocess.run([str(pre_commit), "try-repo", str(hook), "--all-files"], cwd=user, env=env,
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
