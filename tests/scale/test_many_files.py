"""`tt validate` / `tt lint` over many files (issue 16, part 4): worker processes and the check cache
give exactly the report of the serial, cold run.

The repository below mixes what a real one holds: valid plans with lint findings, an invalid
plan, a YAML syntax error, a registry, a progress file, a subfolder whose tt.toml cannot be used,
a plan whose registry lies in a parent folder, an unreadable path. Every report format is
compared byte for byte with the serial run without cache (`-j 1 --no-cache`, the check as it
was before), after every kind of change the cache must notice.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tuyentruyen.check as check
from tests.conftest import PLANS, run_tt

FORMATS = ("text", "json", "sarif", "github")


def _plan(year: int, task_id: str, lead: str, due: str) -> str:
    return f"""tt: 1
document:
  type: ke-hoach
  issuer:
    name: Ủy ban nhân dân xã Tân Phú
  number: 5
  symbol: KH-UBND
  place: Tân Phú
  date: 15/01/{year}
  title: Tuyên truyền cải cách hành chính năm {year}
  signer:
    position: CHỦ TỊCH
    name: Nguyễn Văn An
  recipients:
    - Phòng Văn hóa - Xã hội
  archive: VT
plan:
  year: {year}
  sections:
    - heading: Mục đích
      kind: purpose
      items:
        - Đẩy mạnh truyền truyền cải cách hành chính.
appendix:
  title: Các nhiệm vụ
  tasks:
    - id: {task_id}
      content: Tuyên truyền về dịch vụ công trực tuyến
      lead: {lead}
      due: {due}
"""


UNITS = """tt: 1
units:
  - id: phong-vhxh
    name: Phòng Văn hóa - Xã hội
    kind: phong
"""


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "kho"
    plans = root / "plans"
    shutil.copytree(PLANS / "ha-giang", plans / "ha-giang")
    for k in range(12):  # enough files for the worker processes (check.PARALLEL_MIN_FILES)
        folder = plans / "xa" / f"xa-{k:02d}"
        folder.mkdir(parents=True)
        (folder / "units.yaml").write_text(UNITS, encoding="utf-8")
        lead = "Phòng Văn hóa - Xã hội" if k % 3 else "Phòng Văn hoá Xã hội"  # a unit the registry lacks
        (folder / "2027.yaml").write_text(_plan(2027, f"nv-{k}", lead, "Quý I/2027" if k % 4 else "29/02/2027"),
                                          encoding="utf-8")
    (plans / "xa" / "units.yaml").write_text(UNITS, encoding="utf-8")
    (plans / "xa" / "chung").mkdir()
    (plans / "xa" / "chung" / "2027.yaml").write_text(_plan(2027, "chung", "Phòng Văn hóa - Xã hội", "Năm 2027"),
                                                      encoding="utf-8")  # its registry is a parent's
    (plans / "loi").mkdir()
    (plans / "loi" / "cu-phap.yaml").write_text("tt: 1\nplan: [a\n", encoding="utf-8")
    (plans / "loi" / "sai-kieu.yaml").write_text(_plan(2027, "x", "A", "Năm 2027").replace("number: 5", "number: [5]"),
                                                 encoding="utf-8")
    (plans / "toml-hong").mkdir()
    (plans / "toml-hong" / "tt.toml").write_text("[lint]\nselect = 5\n", encoding="utf-8")
    (plans / "toml-hong" / "2027.yaml").write_text(_plan(2027, "a", "A", "Năm 2027"), encoding="utf-8")
    return root


# every plan of the repository, and a file that is not there
INPUTS = ("plans", "plans/khong-co.yaml")


def report(repo: Path, *args: str, fmt: str = "text") -> tuple[int, str]:
    res = run_tt("validate", "--format", fmt, *args, *INPUTS, cwd=repo)
    assert "Traceback" not in res.text, res.text
    return res.code, res.out


def reports(repo: Path, *args: str) -> dict:
    return {fmt: report(repo, *args, fmt=fmt) for fmt in FORMATS}


def test_the_repository_has_what_the_report_must_keep_apart(repo):
    code, out = report(repo, "-j", "1", "--no-cache", fmt="json")
    found = json.loads(out)
    codes = {p["code"] for p in found["problems"]}
    assert {"TT-Y003", "TT-S003", "TT-K001", "TT-Y001", "TT-T003", "TT-D001", "TT-R006"} <= codes, codes
    assert code == 2 and len(found["files"]) > check.PARALLEL_MIN_FILES


def test_the_commands_light_answers_give_the_report_of_the_whole_loaded_run(repo):
    """The commands ask check_files for light answers (no model kept, one file in memory at a time); the
    library's default keeps every loaded file: both print the same report, in every format."""
    import io

    from tuyentruyen.problems import exit_code
    from tuyentruyen.project.discover import discover
    from tuyentruyen.report import emit

    old = os.getcwd()
    os.chdir(repo)
    try:
        whole = check.check_files(discover(list(INPUTS)))  # the loaded files themselves
        assert any(getattr(f, "plan", None) is not None for f in whole)
        for fmt in FORMATS:
            out = io.StringIO()
            emit(whole, fmt, out)
            code = exit_code([p for f in whole for p in f.problems])
            assert report(repo, "-j", "1", "--no-cache", fmt=fmt) == (code, out.getvalue()), fmt
    finally:
        os.chdir(old)


def test_worker_processes_give_the_serial_report_byte_for_byte(repo):
    serial = reports(repo, "-j", "1", "--no-cache")
    assert reports(repo, "-j", "2", "--no-cache") == serial
    assert not (repo / ".tt_cache").exists()  # --no-cache: nothing read, nothing written


def test_a_cache_hit_gives_exactly_the_problems_of_a_cold_run(repo, monkeypatch):
    serial = reports(repo, "-j", "1", "--no-cache")
    assert reports(repo, "-j", "2") == serial  # cold: fills the cache
    assert any((repo / ".tt_cache").rglob("*.json"))
    checked: list[str] = []
    real = check._check

    def counting(paths, schema_only, config):
        checked.extend(str(p) for p in paths)
        return real(paths, schema_only, config)

    monkeypatch.setattr(check, "_check", counting)
    assert reports(repo, "-j", "1") == serial  # warm: from the cache
    # only what is never cached was checked again: the missing file and the plan under the broken tt.toml
    assert sorted(set(checked)) == ["plans/khong-co.yaml", "plans/toml-hong/2027.yaml"], checked


@pytest.mark.parametrize("change", ["plan", "registry", "parent-registry", "new-registry-beside", "tt.toml",
                                    "progress-plan", "rules"])
def test_the_cache_notices_every_change_an_answer_depends_on(repo, change, monkeypatch):
    progress = repo / "plans" / "ha-giang" / "2023.progress.yaml"
    if not progress.exists():
        shutil.copy(PLANS / "ha-giang" / "2023.progress.yaml", progress) if (
            PLANS / "ha-giang" / "2023.progress.yaml").exists() else None
    before = reports(repo, "-j", "1", "--no-cache")
    assert reports(repo, "-j", "1") == before
    xa = repo / "plans" / "xa"
    if change == "plan":
        p = xa / "xa-01" / "2027.yaml"
        p.write_text(p.read_text("utf-8").replace("Quý I/2027", "29/02/2027"), encoding="utf-8")
    elif change == "registry":  # the unit the plans lack is added
        (xa / "xa-00" / "units.yaml").write_text(UNITS + "    aliases: [Phòng Văn hoá Xã hội]\n", encoding="utf-8")
    elif change == "parent-registry":
        (xa / "units.yaml").write_text(UNITS.replace("Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Xã hội"),
                                       encoding="utf-8")
    elif change == "new-registry-beside":  # a registry closer to the plan than the one it used
        (xa / "chung" / "units.yaml").write_text(UNITS.replace("Phòng Văn hóa - Xã hội", "Phòng Kinh tế"),
                                                 encoding="utf-8")
    elif change == "tt.toml":
        (repo / "tt.toml").write_text('[lint]\nignore = ["TT-T003"]\n', encoding="utf-8")
    elif change == "progress-plan":
        if not progress.exists():
            pytest.skip("no progress sample")
        p = repo / "plans" / "ha-giang" / "2023.yaml"
        p.write_text(p.read_text("utf-8").replace("id: ky-luat-ky-cuong", "id: ky-luat-ky-cuong-2"), encoding="utf-8")
    elif change == "rules":  # another tt, whose rules differ (TT-T003 gone): its stamp differs
        import tuyentruyen.project.cache as cache
        import tuyentruyen.rules.engine as engine

        real = engine.enabled_rules
        monkeypatch.setattr(engine, "enabled_rules", lambda *a, **k: [r for r in real(*a, **k) if r.code != "TT-T003"])
        monkeypatch.setattr(cache, "tt_stamp", lambda: "another tt")
    after = reports(repo, "-j", "1", "--no-cache")
    assert after != before, change  # the change shows in the report…
    assert reports(repo, "-j", "1") == after  # …and the cache gives the new report, not the old one
    assert reports(repo, "-j", "2") == after


def test_a_broken_cache_entry_is_a_miss(repo):
    serial = reports(repo, "-j", "1", "--no-cache")
    reports(repo, "-j", "1")
    entries = sorted((repo / ".tt_cache").rglob("*.json"))
    for i, entry in enumerate(entries):
        entry.write_bytes([b"", b"{", b'{"key": "other"}', b"[]", "\u00ff".encode()][i % 5])
    assert reports(repo, "-j", "1") == serial


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="a device to point at")
def test_a_file_that_cannot_be_read_is_never_answered_from_the_cache(repo):
    plan = repo / "plans" / "xa" / "xa-03" / "2027.yaml"
    text = plan.read_text("utf-8")

    def only(*args):
        res = run_tt("validate", "--format", "json", *args, "plans/xa/xa-03/2027.yaml", cwd=repo)
        return res.code, res.out

    cold = only("-j", "1")
    assert only("-j", "1") == cold == only("-j", "1", "--no-cache")
    entries = set((repo / ".tt_cache").rglob("*.json"))
    plan.unlink()
    plan.symlink_to("/dev/null")  # now a device: it cannot be read as a plan
    refused = only("-j", "1", "--no-cache")
    assert refused[0] == 2 and refused != cold
    assert only("-j", "1") == refused
    assert set((repo / ".tt_cache").rglob("*.json")) == entries  # nothing kept for it
    plan.unlink()
    plan.write_text(text, encoding="utf-8")
    assert only("-j", "1") == cold


def test_lint_takes_the_same_options_and_gives_the_same_report(repo):
    res_serial = run_tt("lint", "--format", "json", "-j", "1", "--no-cache", *INPUTS, cwd=repo)
    res_cold = run_tt("lint", "--format", "json", "-j", "2", *INPUTS, cwd=repo)
    res_warm = run_tt("lint", "--format", "json", "-j", "2", *INPUTS, cwd=repo)
    assert res_serial.code == res_cold.code == res_warm.code
    assert res_serial.out == res_cold.out == res_warm.out


@pytest.mark.skipif(os.name == "nt", reason="processes started together")
def test_concurrent_runs_share_the_cache_safely(repo):
    serial = report(repo, "-j", "1", "--no-cache", fmt="json")
    exe = str(Path(sys.executable).parent / "tt")
    env = dict(os.environ, NO_COLOR="1", COLUMNS="200")
    procs = [subprocess.Popen([exe, "validate", "--format", "json", "-j", "2", *INPUTS], cwd=repo, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    for (out, err), p in zip(outs, procs):
        assert (p.returncode, out.decode("utf-8")) == serial, err.decode("utf-8", "replace")
    for entry in (repo / ".tt_cache").rglob("*.json"):
        json.loads(entry.read_bytes())  # whole entries only: each written atomically
    assert not [p for p in (repo / ".tt_cache").rglob("*") if p.name.endswith(".tmp")]
    assert report(repo, "-j", "2", fmt="json") == serial


def test_the_names_in_the_report_follow_the_folder_tt_runs_in(repo):
    """The same files, given by the same absolute path, are named from the folder tt runs in."""
    def from_(cwd: Path, *args):
        res = run_tt("validate", "--format", "json", *args, str(repo / "plans" / "xa"), cwd=cwd)
        return res.code, res.out

    at_root = from_(repo, "-j", "1")  # the cache now holds the answers as named from the root
    assert '"file": "plans/xa/xa-00/2027.yaml"' in at_root[1]
    fresh = from_(repo / "plans", "-j", "1", "--no-cache")
    assert '"file": "xa/xa-00/2027.yaml"' in fresh[1]
    assert from_(repo / "plans", "-j", "1") == fresh == from_(repo / "plans", "-j", "2")
