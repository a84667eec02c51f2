"""`tt init` (issue 19): from an empty folder to a plans repository whose hooks and CI report it.

End to end: init in an empty folder, `git init && git add && git commit`, the pre-commit hooks
it configured (`pre-commit run --all-files`, offline: they call the installed tt), then the
GitHub Action's script under faked GitHub variables on a push and on a pull request.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import unicodedata
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, run_tt, run_tt_process
from tests.integration.test_ci import assert_complete, commit, edit_plan, git, run_action
from tuyentruyen import __version__
from tuyentruyen.about import PROJECT_URL

BIN = Path(sys.executable).parent
BAC_ME = ["--province", "Tuyên Quang", "--level", "xa", "--issuer", "Bắc Mê", "--year", "2027"]
FILES = ["README.md", "tt.toml", "plans/2027.yaml", "plans/units.yaml", "docs/schema/plan.schema.json",
         "docs/schema/units.schema.json", "docs/schema/progress.schema.json", ".vscode/settings.json",
         ".vscode/tasks.json", ".vscode/extensions.json", ".pre-commit-config.yaml", ".github/workflows/tt.yml", ".gitlab-ci.yml",
         ".gitignore"]


def files_in(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def init(folder: Path, *args: str, cwd: Path | None = None):
    return run_tt("init", str(folder), *args, cwd=cwd or folder.parent)


# ---------------------------------------------------------------- what it writes


@pytest.fixture(scope="module")
def bac_me(tmp_path_factory) -> Path:
    """A repository made by `tt init` for Ủy ban nhân dân xã Bắc Mê (Tuyên Quang), plan of 2027."""
    folder = tmp_path_factory.mktemp("init") / "ke-hoach"
    res = init(folder, *BAC_ME)
    assert res.code == 0, res.text
    return folder


def test_init_writes_a_whole_repository_and_says_what_next(bac_me):
    assert files_in(bac_me) == sorted(FILES)
    for rel in FILES:
        text = (bac_me / rel).read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text) and text.endswith("\n"), rel
        assert "{{" not in text and "{%" not in text, rel  # no template left unrendered


def test_the_repository_validates_and_is_formatted(bac_me):
    validate = run_tt("validate", cwd=bac_me)
    assert validate.code == 0, validate.text
    assert run_tt("fmt", "--check", cwd=bac_me).code == 0
    from tuyentruyen.project.config import config_for

    tomllib.loads((bac_me / "tt.toml").read_text(encoding="utf-8"))
    assert config_for(bac_me / "plans" / "2027.yaml").path.resolve() == (bac_me / "tt.toml").resolve()


def test_the_plan_and_its_registry_come_from_the_template_and_the_national_list(bac_me):
    plan = yaml.safe_load((bac_me / "plans" / "2027.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["issuer"]["name"] == "Ủy ban nhân dân xã Bắc Mê" and plan["plan"]["year"] == 2027
    registry = yaml.safe_load((bac_me / "plans" / "units.yaml").read_text(encoding="utf-8"))
    assert registry["extends"] == "national" and registry["province"] == "Tuyên Quang"
    ids = {u["id"] for u in registry["units"]}
    assert {"van-phong-hdnd-ubnd", "phong-van-hoa-xa-hoi", "so-noi-vu"} <= ids  # the commune's rooms, the departments
    units = run_tt("units", cwd=bac_me)
    assert units.code == 0 and "Ủy ban nhân dân xã Bắc Mê" in units.out  # from the national list


def test_the_editor_finds_the_schemas_it_is_told_of(bac_me):
    settings = json.loads((bac_me / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    for schema in settings["yaml.schemas"]:
        assert (bac_me / schema).is_file(), schema
    assert (bac_me / "plans" / "2027.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../docs/schema/plan.schema.json\n")
    for name in ("settings.json", "tasks.json", "extensions.json"):  # the editor's own files, as documented
        assert (bac_me / ".vscode" / name).read_text(encoding="utf-8") == \
            (ROOT / "docs" / "vscode" / name).read_text(encoding="utf-8")


def test_ci_is_pinned_to_this_tt(bac_me):
    owner_name = PROJECT_URL.removeprefix("https://github.com/")
    workflow = yaml.safe_load((bac_me / ".github" / "workflows" / "tt.yml").read_text(encoding="utf-8"))
    assert workflow["jobs"]["tt"]["steps"][1]["uses"] == f"{owner_name}@v{__version__}"
    assert "tt-source" not in workflow["jobs"]["tt"]["steps"][1]["with"]  # the action installs its own code
    gitlab = yaml.safe_load((bac_me / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["TT_PIP_SPEC"] == f"git+{PROJECT_URL}@v{__version__}"
    readme = (bac_me / "README.md").read_text(encoding="utf-8")
    assert f'pipx install "git+{PROJECT_URL}@v{__version__}"' in readme
    assert "# Kế hoạch tuyên truyền của Ủy ban nhân dân xã Bắc Mê" in readme and "`plans/2027.yaml`" in readme
    for rel in FILES:
        assert "OWNER" not in (bac_me / rel).read_text(encoding="utf-8"), rel


def test_the_committed_ci_files_are_what_init_writes(bac_me):
    """ci/ of tt holds the same workflow and job (one template, data/init/)."""
    assert (ROOT / "ci" / "github-workflow.yml").read_text(encoding="utf-8") == \
        (bac_me / ".github" / "workflows" / "tt.yml").read_text(encoding="utf-8")
    assert (ROOT / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8") == \
        (bac_me / ".gitlab-ci.yml").read_text(encoding="utf-8")
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["urls"]
    assert urls["Source"] == PROJECT_URL


def test_the_local_hooks_are_tts_own_hooks(bac_me):
    own = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    (local,) = yaml.safe_load((bac_me / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"]
    assert local["repo"] == "local"
    for hook in local["hooks"]:
        assert hook["language"] == "system"  # the installed tt: no network
        for key in ("name", "entry", "files", "description", "pass_filenames", "require_serial"):
            assert hook.get(key) == own[hook["id"]].get(key), (hook["id"], key)
    assert [h["id"] for h in local["hooks"]] == ["tt-fmt", "tt-validate"]  # format first, then check


@pytest.mark.parametrize("source,action,spec", [
    ("https://github.com/so-noi-vu-tq/tt", "so-noi-vu-tq/tt", "git+https://github.com/so-noi-vu-tq/tt"),
    ("https://git.tuyenquang.gov.vn/cntt/tt.git", None, "git+https://git.tuyenquang.gov.vn/cntt/tt.git"),
])
def test_an_organisation_pins_its_own_copy_of_tt(tmp_path, source, action, spec):
    folder = tmp_path / "kho"
    assert init(folder, *BAC_ME, "--tt-source", source).code == 0
    step = yaml.safe_load((folder / ".github" / "workflows" / "tt.yml").read_text(encoding="utf-8"))[
        "jobs"]["tt"]["steps"][1]
    owner_name = PROJECT_URL.removeprefix("https://github.com/")
    assert step["uses"] == f"{action or owner_name}@v{__version__}"
    # the action of an organisation on GitHub installs itself; elsewhere, tt's action installs its copy
    assert step["with"].get("tt-source") == (None if action else f"{spec}@v{__version__}")
    gitlab = yaml.safe_load((folder / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["TT_PIP_SPEC"] == f"{spec}@v{__version__}"


@pytest.mark.parametrize("args,issuer,registry_has", [
    (["--province", "Hà Nội", "--level", "tinh"], "Ủy ban nhân dân thành phố Hà Nội", "van-phong-ubnd"),
    (["--province", "tuyen quang", "--level", "so", "--issuer", "Sở Nội vụ"], "Sở Nội vụ tỉnh Tuyên Quang",
     "so-noi-vu"),
    (["--province", "Tuyên Quang", "--level", "xã", "--issuer", "Ủy ban nhân dân phường Hà Giang 1"],
     "Ủy ban nhân dân phường Hà Giang 1", "phong-kinh-te-ha-tang-do-thi"),
])
def test_each_level_names_its_issuer(tmp_path, args, issuer, registry_has):
    folder = tmp_path / "kho"
    res = init(folder, *args, "--year", "2027")
    assert res.code == 0, res.text
    plan = yaml.safe_load((folder / "plans" / "2027.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["issuer"]["name"] == issuer
    assert registry_has in {u["id"] for u in yaml.safe_load(
        (folder / "plans" / "units.yaml").read_text(encoding="utf-8"))["units"]}
    assert run_tt("validate", cwd=folder).code == 0 and run_tt("fmt", "--check", cwd=folder).code == 0
    if "so" in args:  # a department's header names the body above it
        assert plan["document"]["issuer"]["parent"] == "Ủy ban nhân dân tỉnh Tuyên Quang"


def test_a_plan_of_before_the_mergers_uses_the_province_of_its_year(tmp_path):
    folder = tmp_path / "kho"
    res = init(folder, "--province", "Hà Giang", "--level", "tinh", "--year", "2024")
    assert res.code == 0, res.text
    plan = yaml.safe_load((folder / "plans" / "2024.yaml").read_text(encoding="utf-8"))
    assert plan["document"]["issuer"]["name"] == "Ủy ban nhân dân tỉnh Hà Giang"
    assert yaml.safe_load((folder / "plans" / "units.yaml").read_text(encoding="utf-8"))["province"] == "Hà Giang"
    assert run_tt("validate", cwd=folder).code == 0


# ---------------------------------------------------------------- what it refuses


@pytest.mark.parametrize("args,words", [
    (["--province", "Tuyen Quag", "--level", "xa", "--issuer", "Bắc Mê"], ["“Tuyen Quag”", "“Tuyên Quang”?"]),
    (["--province", "Hà Giang", "--level", "xa", "--issuer", "Bắc Mê"], ["Tỉnh Hà Giang không còn vào năm 2027",
                                                                        "--province \"Tuyên Quang\""]),
    (["--province", "Tuyên Quang", "--level", "xa", "--issuer", "Bắc Mếch"], ["không có xã, phường, đặc khu nào tên",
                                                                           "“xã Bắc Mê”?"]),
    (["--province", "Tuyên Quang", "--level", "huyen"], ["Cấp “huyen” không hợp lệ", "tinh", "so", "xa"]),
    (["--province", "Tuyên Quang", "--level", "so", "--issuer", "Ủy ban nhân dân xã Bắc Mê"],
     ["không phải một sở, ban, ngành"]),
    (["--province", "Tuyên Quang", "--level", "so"], ["Thiếu --issuer", "tt init ke-hoach --province"]),
    ([], ["Thiếu --province, --level"]),
    (["--province", "Tuyên Quang", "--level", "tinh", "--tt-source", "so-noi-vu/tt"],
     ["không phải địa chỉ một kho git"]),
])
def test_wrong_answers_are_said_and_nothing_is_written(tmp_path, args, words):
    folder = tmp_path / "kho"
    res = init(folder, *args, "--year", "2027")  # stdin is not a terminal: nothing is asked
    assert res.code == 2 and "Traceback" not in res.text
    for w in words:
        assert w in res.err, (w, res.err)
    assert not folder.exists()


def test_it_never_overwrites_anything(tmp_path):
    folder = tmp_path / "kho"
    folder.mkdir()
    (folder / "README.md").write_text("README của cơ quan\n", encoding="utf-8")
    (folder / "ghi-chu.txt").write_text("giữ nguyên\n", encoding="utf-8")
    res = init(folder, *BAC_ME)
    assert res.code == 2
    assert "tt init không ghi đè: đã có kho/README.md. Chưa ghi tệp nào." in res.err
    assert files_in(folder) == ["README.md", "ghi-chu.txt"]
    assert (folder / "README.md").read_text(encoding="utf-8") == "README của cơ quan\n"
    # a file where a folder has to be is in the way too
    (folder / "README.md").unlink()
    (folder / ".vscode").write_text("", encoding="utf-8")
    res = init(folder, *BAC_ME)
    assert res.code == 2 and "đã có kho/.vscode" in res.err and files_in(folder) == [".vscode", "ghi-chu.txt"]


def test_a_second_init_is_refused_and_changes_nothing(bac_me):
    before = {rel: (bac_me / rel).read_bytes() for rel in FILES}
    res = init(bac_me, *BAC_ME)
    assert res.code == 2 and "tt init không ghi đè" in res.err and "và 6 tệp khác" in res.err
    assert {rel: (bac_me / rel).read_bytes() for rel in FILES} == before


def test_all_or_nothing_when_the_disk_fills(tmp_path, monkeypatch):
    import errno

    folder = tmp_path / "kho"
    calls = []
    real = Path.write_bytes

    def full(self, data):
        if folder in self.parents:  # the repository's files (not the staging copy): the 5th finds the disk full
            calls.append(self)
            if len(calls) == 5:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    res = init(folder, *BAC_ME)
    assert res.code == 2 and "ổ đĩa đã đầy" in res.err, res.text
    assert len(calls) == 5 and (not folder.exists() or files_in(folder) == [])  # none of the 4 written is left
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_init_asks_at_a_terminal(tmp_path):
    """At a terminal, tt init asks what the options do not say, and asks again after a wrong answer."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    proc = subprocess.Popen([str(BIN / "tt"), "init", "kho"], cwd=tmp_path, stdin=slave, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    os.close(slave)
    answers = ["2027", "Tuyen Quag", "Tuyên Quang", "huyện", "xa", "Bắc Mếch", "bắc mê"]
    os.write(master, ("\n".join(answers) + "\n").encode("utf-8"))
    try:
        out, err = proc.communicate(timeout=300)
    finally:
        os.close(master)
    out, err = out.decode("utf-8"), err.decode("utf-8")
    assert proc.returncode == 0, out + err
    for asked in ("Năm của kế hoạch đầu tiên [", "Tỉnh, thành phố của cơ quan ban hành (ví dụ: Tuyên Quang): ",
                  "Cấp của cơ quan ban hành: tinh", "Tên xã, phường, đặc khu (ví dụ: Bắc Mê): "):
        assert asked in err, (asked, err)
    assert "Có phải ý bạn là “Tuyên Quang”?" in err and "Cấp “huyện” không hợp lệ." in err
    assert "Có phải ý bạn là “xã Bắc Mê”?" in err
    assert "Đã lập kho kế hoạch của Ủy ban nhân dân xã Bắc Mê (tỉnh Tuyên Quang) ở kho:" in out
    assert "“bắc mê” được ghi là “Ủy ban nhân dân xã Bắc Mê”, theo danh sách đơn vị hành chính" in out
    assert files_in(tmp_path / "kho") == sorted(FILES)


# ---------------------------------------------------------------- end to end


def pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = {"PATH": f"{BIN}{os.pathsep}/usr/bin{os.pathsep}/bin", "HOME": str(home), "NO_COLOR": "1",
           "PRE_COMMIT_HOME": str(home / "pre-commit"), "COLUMNS": "120", "LANG": "C.UTF-8"}
    return subprocess.run([str(BIN / "pre-commit"), "run", "--all-files"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=600)


def test_from_nothing_to_a_checked_pull_request(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("cần git")
    if not (BIN / "pre-commit").exists():
        pytest.skip("pre-commit chưa được cài (pip install -e '.[test]')")
    repo = tmp_path / "ke-hoach"
    made = run_tt_process("init", str(repo), *BAC_ME, cwd=tmp_path)
    assert made.code == 0, made.text
    assert "Tiếp theo:\n  cd ke-hoach\n  git init && git add -A && git commit" in made.out
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Kho kế hoạch")
    assert git(repo, "status", "--porcelain") == ""  # nothing left out, nothing made by the commands below

    hooks = pre_commit(repo, tmp_path)
    assert hooks.returncode == 0, hooks.stdout + hooks.stderr
    lines = [line for line in hooks.stdout.splitlines() if line.startswith("tt ")]
    assert lines[0].startswith("tt fmt (định dạng kế hoạch)") and lines[0].endswith("Passed"), hooks.stdout
    assert lines[1].startswith("tt validate (kiểm tra kế hoạch)") and lines[1].endswith("Passed"), hooks.stdout

    proc, summary, outputs = run_action(repo, tmp_path, "push", head=git(repo, "rev-parse", "HEAD"),
                                        base=git(repo, "rev-parse", "HEAD"))
    assert proc.returncode == 0 and outputs["exit-code"] == "0", proc.stdout + proc.stderr
    assert "Không có lỗi trong các kế hoạch." in summary

    # a clerk moves a deadline, writes an impossible one and leaves the layout untidy: the hooks stop the commit
    git(repo, "checkout", "-q", "-b", "sua-thoi-han")
    plan = repo / "plans" / "2027.yaml"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("due: Thường xuyên", "due: Quý II/2027").replace(
        "due: Tháng 12/2027", "due:   trước ngày 31/11/2027"), encoding="utf-8")
    git(repo, "add", "-A")
    stopped = pre_commit(repo, tmp_path)
    assert stopped.returncode == 1
    assert "files were modified by this hook" in stopped.stdout and "đã định dạng lại: plans/2027.yaml" in stopped.stdout
    assert "plans/2027.yaml:" in stopped.stdout and "TT-D001" in stopped.stdout  # located, with its code
    assert "due: trước ngày 31/11/2027" in plan.read_text(encoding="utf-8")  # tt fmt tidied it
    plan.write_text(plan.read_text(encoding="utf-8").replace("31/11/2027", "30/11/2027"), encoding="utf-8")
    git(repo, "add", "-A")
    assert pre_commit(repo, tmp_path).returncode == 0
    git(repo, "commit", "-qm", "Sửa thời hạn")

    proc, summary, outputs = run_action(repo, tmp_path, "pull_request", base=git(repo, "rev-parse", "main"),
                                        head=git(repo, "rev-parse", "HEAD"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    body = Path(outputs["comment-file"]).read_text(encoding="utf-8")
    assert_complete(body, repo, tmp_path, git(repo, "rev-parse", "HEAD"))
    assert "#### Tuyên truyền cải cách hành chính năm 2027\n" in body
    assert f"`plans/2027.yaml` (base `{git(repo, 'rev-parse', 'main')[:10]}` → head " in body
    assert "**Nhiệm vụ 1 (tuyen-truyen-thuong-xuyen)**: thời gian: ~~Thường xuyên~~ → **Quý II/2027**" in body
    assert "**Nhiệm vụ 2 (bao-cao-ket-qua)**: thời gian: ~~Tháng 12/2027~~ → **trước ngày 30/11/2027**" in body
    assert "**tt validate**: 0 lỗi" in body

    # the registry says the commune's committee ends on 31/12/2026: the plan has not changed, its findings have
    git(repo, "checkout", "-q", "main")
    git(repo, "checkout", "-q", "-b", "so-don-vi")
    ended = edit_plan("units:\n", "units:\n  - id: ubnd-xa-bac-me\n    name: Ủy ban nhân dân xã Bắc Mê\n"
                                  "    kind: ubnd\n    valid_until: 31/12/2026\n")
    commit(repo, "Sổ đơn vị", **{"plans/units.yaml": ended})
    proc, _, outputs = run_action(repo, tmp_path, "pull_request", base=git(repo, "rev-parse", "main"),
                                  head=git(repo, "rev-parse", "HEAD"))
    body = Path(outputs["comment-file"]).read_text(encoding="utf-8")
    assert_complete(body, repo, tmp_path, git(repo, "rev-parse", "HEAD"))
    assert proc.returncode == 1 and "Pull request này không thay đổi nội dung kế hoạch nào." in body
    assert "Pull request sửa `plans/units.yaml`: kết quả `tt validate` của 1 tệp khác với base" in body
    assert "- `plans/2027.yaml` (" in body and "Ủy ban nhân dân xã Bắc Mê chỉ tồn tại đến ngày 31/12/2026" in body
