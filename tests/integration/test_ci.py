"""CI a repository copies in one step: pre-commit hooks, the GitHub Action, GitLab CI (issues 6 and 19).

The action's script runs here under faked GitHub variables (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH
with a pull_request event, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_SHA of a merge commit) in a
real git repository, without GH_TOKEN: the comment is then written to a file, whose text each
case asserts — it explains every failure, names the pull request's head, and never shows an
empty code block or an absolute path.
"""

from __future__ import annotations

import json
import os
import re
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
PLAN = Path("plans/quang-ngai/2023.yaml")
TITLE = "Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2023 trên địa bàn tỉnh Quảng Ngãi"
MERGE_SHA = "1e2d3c4b5a69788796a5b4c3d2e1f00112233445"  # GITHUB_SHA of a pull request: a merge commit


def git(cwd: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T00:00:00", GIT_COMMITTER_DATE="2026-01-01T00:00:00")
    return subprocess.run(["git", *GIT_ID, *args], cwd=cwd, check=True, capture_output=True, text=True,
                          env=env).stdout.strip()


def commit(repo: Path, message: str, **edits) -> str:
    """Apply edits ({relative path: function of the old text, or the new text}) and commit them."""
    for rel, edit in edits.items():
        path = repo / rel
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(edit(old) if callable(edit) else edit, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)
    return git(repo, "rev-parse", "HEAD")


def edit_plan(old: str, new: str, count: int = 1):
    def edit(text: str) -> str:
        assert text.count(old) >= count, old
        return text.replace(old, new, count)

    return edit


@pytest.fixture
def base_repo(tmp_path) -> Path:
    """A repository of plans (Quảng Ngãi 2023, its registry, the schemas) with one commit."""
    if shutil.which("git") is None:
        pytest.skip("cần git")
    repo = tmp_path / "repo"
    shutil.copytree(PLANS / "quang-ngai", repo / "plans" / "quang-ngai")
    shutil.copytree(ROOT / "docs" / "schema", repo / "docs" / "schema")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Kế hoạch 2023")
    return repo


@pytest.fixture
def plans_repo(base_repo) -> Path:
    """Two commits: the base, and a change to two tasks' times (one impossible)."""
    text = (base_repo / PLAN).read_text(encoding="utf-8")
    assert text.count("due: Thường xuyên") >= 2
    text = text.replace("due: Thường xuyên", "due: Quý III/2023", 1)
    (base_repo / PLAN).write_text(text.replace("due: Thường xuyên", "due: trước ngày 30/02/2023", 1),
                                  encoding="utf-8")  # an error
    git(base_repo, "commit", "-qam", "Lùi thời gian một nhiệm vụ")
    return base_repo


def run_action(repo: Path, tmp_path: Path, event: str, extra_path: Path | None = None, *, base: str | None = None,
               head: str | None = None, **env) -> tuple:
    """The action's script in repo as GitHub runs it on `event` (a pull_request from base to head:
    by default HEAD~1 and HEAD); (process, job summary, outputs)."""
    summary, output, out_dir = tmp_path / "summary.md", tmp_path / "output.txt", tmp_path / "out"
    for stale in (summary, output):
        stale.unlink(missing_ok=True)
    shutil.rmtree(out_dir, ignore_errors=True)
    event_file = tmp_path / "event.json"
    base = base or git(repo, "rev-parse", "HEAD~1")
    head = head or git(repo, "rev-parse", "HEAD")
    event_file.write_text(json.dumps({"pull_request": {"number": 7, "title": "Sửa kế hoạch",
                                                        "base": {"sha": base, "ref": "main"},
                                                        "head": {"sha": head, "ref": "sua-ke-hoach"}}}),
                          encoding="utf-8")
    path = os.pathsep.join(([str(extra_path)] if extra_path else []) + [str(BIN), "/usr/bin", "/bin"])
    full_env = {"PATH": path, "HOME": str(tmp_path), "GITHUB_EVENT_NAME": event,
                "GITHUB_EVENT_PATH": str(event_file), "GITHUB_REPOSITORY": "so-noi-vu/ke-hoach",
                "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output), "GITHUB_SHA": MERGE_SHA,
                "GITHUB_WORKSPACE": str(repo), "TT_OUT_DIR": str(out_dir), **env}
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=repo, env=full_env, capture_output=True, text=True, timeout=300)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines()) \
        if output.exists() else {}
    return proc, summary.read_text(encoding="utf-8") if summary.exists() else "", outputs


def comment_of(repo: Path, tmp_path: Path, **kw) -> tuple[str, subprocess.CompletedProcess]:
    """The PR comment the script writes without gh, checked for what every comment must be."""
    proc, summary, outputs = run_action(repo, tmp_path, "pull_request", **kw)
    assert "comment-file" in outputs, proc.stdout + proc.stderr
    body = Path(outputs["comment-file"]).read_text(encoding="utf-8")
    assert f"được ghi vào {outputs['comment-file']}" in proc.stdout
    assert_complete(body, repo, tmp_path, kw.get("head") or git(repo, "rev-parse", "HEAD"))
    assert body.split("\n", 1)[1] in summary  # the job summary has it too
    return body, proc


def assert_complete(body: str, repo: Path, tmp_path: Path, head: str) -> None:
    assert body.startswith("<!-- tt-diff -->\n### tt: kế hoạch trong pull request #7\n")
    # no empty code block: every fence opened is closed after at least one line of text
    assert not re.search(r"^(`{3,})\w*\n\1$", body, re.M), body
    assert body.count("```") % 2 == 0
    assert str(repo) not in body and str(tmp_path) not in body and os.sep + "tmp" + os.sep not in body, body
    assert f"Theo head `{head[:10]}` của pull request #7" in body  # the PR's head, not GITHUB_SHA
    assert MERGE_SHA[:10] not in body
    assert "bản đang sửa" not in body


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
    # ruff's style of title: the tool, the code and the rule's Vietnamese title; every one spans its text
    assert any("title=tt (TT-D001)%3A Ngày không có thật::" in a for a in annotations), annotations
    for a in annotations:
        assert re.search(r",endLine=\d+,endColumn=\d+,title=tt \(TT-[A-Z]\d{3}\)%3A [^:,]+::", a), a
    assert summary.startswith("## tt validate")
    assert validate.out.strip().splitlines()[-1] in summary  # the whole report, to its last line
    assert "tt diff" not in summary and "comment-file" not in outputs


def test_the_comment_shows_what_the_pull_request_changes(plans_repo, tmp_path):
    body, proc = comment_of(plans_repo, tmp_path)
    base, head = git(plans_repo, "rev-parse", "HEAD~1"), git(plans_repo, "rev-parse", "HEAD")
    assert f"#### {TITLE}\n" in body  # the plan's title
    assert f"`plans/quang-ngai/2023.yaml` (base `{base[:10]}` → head `{head[:10]}`)" in body
    assert "~~Thường xuyên~~ → **Quý III/2023**" in body  # the change the pull request makes
    assert "**Nhiệm vụ I.01 (cung-cap-thong-tin-kstthc)**" in body  # numbered as the (padded) appendix prints it
    assert "<details>" not in body and "**Nhiệm vụ sửa (2)**" in body  # a small diff stays open
    assert "**tt validate**: 1 lỗi" in body  # and the job is red because of the impossible date
    assert proc.returncode == 1


def test_a_removed_task_does_not_shift_the_numbers(base_repo, tmp_path):
    def drop_first_task(text: str) -> str:
        start = text.index("        - id: cung-cap-thong-tin-kstthc")
        end = text.index("        - id: bao-chi-tuyen-truyen-cai-cach-tthc")
        text = text[:start] + text[end:]
        return text.replace("due: Thường xuyên", "due: Quý III/2023", 1)

    commit(base_repo, "Bỏ một nhiệm vụ", **{str(PLAN): drop_first_task})
    body, _ = comment_of(base_repo, tmp_path)
    assert "| STT ở base | Mã |" in body and "| I.01 | `cung-cap-thong-tin-kstthc` |" in body
    assert "**Nhiệm vụ I.01 (bao-chi-tuyen-truyen-cai-cach-tthc), ở base là I.02**" in body


def test_a_large_diff_is_folded(base_repo, tmp_path):
    commit(base_repo, "Lùi mọi thời hạn", **{str(PLAN): edit_plan("due: Thường xuyên", "due: Quý IV/2023", 12)})
    body, _ = comment_of(base_repo, tmp_path)
    assert "<details><summary><b>Nhiệm vụ sửa (12)</b></summary>" in body
    assert body.count("<details>") == body.count("</details>")


def test_the_comment_explains_an_unreadable_plan(base_repo, tmp_path):
    commit(base_repo, "Thụt lề bằng Tab", **{str(PLAN): edit_plan("  number: 25\n", "  number: 25\n\tbad: 1\n")})
    body, proc = comment_of(base_repo, tmp_path)
    assert proc.returncode == 2
    assert "**Không đọc được 1 tệp** (mã thoát 2)" in body
    located = "plans/quang-ngai/2023.yaml:25:1: lỗi TT-Y004: Dòng 25 dùng ký tự Tab để thụt lề"
    assert located in body and "gợi ý: Thay mỗi Tab bằng dấu cách" in body
    # tt diff's own explanation (it writes it on stdout): which side, located, with the hint
    assert "**Không so sánh được:** head không đọc được như một kế hoạch" in body
    assert "plans/quang-ngai/2023.yaml:25:1 (head): lỗi TT-Y004" in body
    assert f"#### {TITLE}" in body  # the title, from the side that could be read


def test_the_comment_explains_a_missing_revision(plans_repo, tmp_path):
    gone = "0123456789abcdef0123456789abcdef01234567"
    body, _ = comment_of(plans_repo, tmp_path, base=gone)
    assert "**Không so sánh được các kế hoạch** (tt diff, mã thoát 2)" in body
    assert f"Không có phiên bản '{gone}...{git(plans_repo, 'rev-parse', 'HEAD')}'" in body \
        or f"Không có phiên bản '{gone}' trong kho git." in body
    assert f"không có commit `{gone[:10]}`" in body and "giữ `fetch-depth: 0`" in body


def test_the_comment_explains_a_broken_configuration(base_repo, tmp_path):
    commit(base_repo, "Cấu hình", **{"tt.toml": "[lint\nignore = []\n"})
    body, proc = comment_of(base_repo, tmp_path)
    assert proc.returncode == 2
    assert "tt.toml:1:6: lỗi TT-K001: tt.toml không đúng cú pháp TOML ở dòng 1, cột 6." in body
    assert "Pull request này không thay đổi nội dung kế hoạch nào." in body
    assert "Pull request sửa `tt.toml`" in body


def test_a_registry_change_lists_the_plans_whose_findings_it_changes(base_repo, tmp_path):
    ends = edit_plan("    kind: van-phong\n    groups: [cac-so-ban-nganh]\n",
                     "    kind: van-phong\n    groups: [cac-so-ban-nganh]\n    valid_until: 31/12/2022\n")
    commit(base_repo, "Văn phòng UBND tỉnh hết hiệu lực", **{"plans/quang-ngai/units.yaml": ends})
    body, proc = comment_of(base_repo, tmp_path)
    assert proc.returncode == 1  # validate turns red…
    assert "Pull request này không thay đổi nội dung kế hoạch nào." in body  # …while no plan changed
    assert "#### Kết quả kiểm tra thay đổi theo sổ đơn vị, tt.toml" in body
    assert "Pull request sửa `plans/quang-ngai/units.yaml`: kết quả `tt validate` của 1 tệp khác với base" in body
    line = next(x for x in body.splitlines() if x.startswith("- `plans/quang-ngai/2023.yaml`"))
    assert "mới" in line and "cũng được sửa" not in line  # the plan itself did not change
    assert re.search(r"mới: \d+ chỗ, dòng \d+:\d+.*lỗi TT-R007: Văn phòng Ủy ban nhân dân tỉnh Quảng Ngãi chỉ "
                     r"tồn tại đến ngày 31/12/2022", body), body


def test_the_comment_explains_a_repository_tt_cannot_check(base_repo, tmp_path):
    git(base_repo, "mv", "plans", "ke-hoach")
    git(base_repo, "commit", "-qm", "Đổi tên thư mục")
    body, proc = comment_of(base_repo, tmp_path)
    assert proc.returncode == 2
    assert "**tt validate** dừng với mã thoát 2 trước khi kiểm tra các kế hoạch:" in body
    assert "Không tìm thấy thư mục plans/ ở thư mục hiện tại hay các thư mục cha." in body
    assert "**Kế hoạch đã bị xóa (có 17 nhiệm vụ).**" in body  # what the pull request did to plans/
    assert "nhưng `tt validate` ở head dừng với mã thoát 2" in body


def test_paths_given_absolute_stay_relative_in_the_comment(plans_repo, tmp_path):
    body, _ = comment_of(plans_repo, tmp_path, TT_PATHS=str(plans_repo / "plans"))
    assert "`plans/quang-ngai/2023.yaml` (base `" in body


def test_a_pull_request_that_changes_nothing_says_so_and_posts_nothing(base_repo, tmp_path):
    fake = tmp_path / "fakebin"
    fake.mkdir()
    log = tmp_path / "gh.log"
    (fake / "gh").write_text(FAKE_GH.format(log=log, existing=""), encoding="utf-8")
    (fake / "gh").chmod(0o755)
    commit(base_repo, "README", **{"README.md": "Kho kế hoạch\n"})
    proc, _, outputs = run_action(base_repo, tmp_path, "pull_request", extra_path=fake, GH_TOKEN="t0ken")
    body = Path(outputs["comment-file"]).read_text(encoding="utf-8")
    assert "Pull request này không thay đổi nội dung kế hoạch nào." in body and "**tt validate**: 0 lỗi" in body
    assert "không đăng bình luận" in proc.stdout
    assert [c.split()[1] for c in log.read_text(encoding="utf-8").splitlines()] == ["--paginate"]


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


def test_an_unreadable_event_gives_a_warning_and_no_comment(plans_repo, tmp_path):
    (tmp_path / "event.json").write_text("{}", encoding="utf-8")
    proc, _, outputs = run_action(plans_repo, tmp_path, "pull_request", GITHUB_EVENT_PATH=str(tmp_path / "nope.json"))
    assert "::warning title=tt::Không đọc được pull request" in proc.stdout and "comment-file" not in outputs


def test_action_script_sarif_output_is_empty_or_a_sarif_file(plans_repo, tmp_path):
    proc, _, outputs = run_action(plans_repo, tmp_path, "push", TT_SARIF="true")
    assert "sarif" in outputs
    if outputs["sarif"]:
        assert "runs" in json.loads(Path(outputs["sarif"]).read_text(encoding="utf-8"))
    else:  # tt has no SARIF reporter yet: a warning, and the upload step is skipped
        assert "::warning title=tt::Không tạo được báo cáo SARIF" in proc.stdout


def test_the_workflow_to_copy_uses_the_action_on_push_and_pull_request():
    from tuyentruyen import __version__
    from tuyentruyen.about import PROJECT_URL

    workflow = yaml.safe_load((ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"push", "pull_request"}  # `on:` is read as true by YAML 1.1
    assert workflow["permissions"]["pull-requests"] == "write"
    steps = workflow["jobs"]["tt"]["steps"]
    assert steps[0]["uses"].startswith("actions/checkout@") and steps[0]["with"]["fetch-depth"] == 0
    owner_name = PROJECT_URL.removeprefix("https://github.com/")
    assert steps[1]["uses"] == f"{owner_name}@v{__version__}"


def test_no_placeholder_is_left_in_what_is_copied():
    for path in (ROOT / "ci").iterdir():
        assert "OWNER" not in path.read_text(encoding="utf-8"), path
    for path in (ROOT / ".pre-commit-hooks.yaml", ROOT / "docs" / "ci.md", ROOT / "action.yml"):
        assert "OWNER/" not in path.read_text(encoding="utf-8"), path


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
    for folder in ("src", "templates", "docs/vscode"):  # what the wheel is built from (pyproject.toml)
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
