"""tt as a real process: any stdout encoding, SIGTERM, a closed pipe, and the fast start."""

from __future__ import annotations

import glob
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_tt, run_tt_process

TT = str(Path(sys.executable).parent / "tt")
SAMPLE = "plans/xuan-loc/2024.yaml"


# ----------------------------------------------------------------------------- encodings

ENCODINGS = {
    "ascii": {"PYTHONIOENCODING": "ascii"},
    "cp1252 (Windows, chuyển hướng ra tệp)": {"PYTHONIOENCODING": "cp1252"},
    "latin-1": {"PYTHONIOENCODING": "latin-1"},
    "locale C, không chế độ UTF-8": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
                                     "PYTHONIOENCODING": ""},
}


@pytest.mark.parametrize("env", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_vietnamese_survives_a_stdout_that_cannot_encode_it(env):
    page = run_tt_process("rule", "TT-D001", cwd=ROOT, env=env)
    assert page.code == 0, page.err
    assert "Ngày không có thật" in page.out  # written as UTF-8, not mangled into ? or \u…
    usage = run_tt_process("new", "--year", "abc", cwd=ROOT, env=env)
    assert usage.code == 2 and "Traceback" not in usage.err
    assert "'abc' không phải một số nguyên" in usage.err
    report = run_tt_process("validate", SAMPLE, cwd=ROOT, env=env)
    assert report.code in (0, 1) and "Traceback" not in report.err and "tệp" in report.out


def test_an_ascii_stdout_with_an_errors_policy_still_gets_vietnamese():
    # click's own output is written as UTF-8 to an ASCII stdout whatever the policy: tt's too
    res = run_tt_process("validate", SAMPLE, cwd=ROOT, env={"PYTHONIOENCODING": "ascii:replace"})
    assert res.code in (0, 1) and "tệp" in res.out and "?" not in res.out


@pytest.mark.parametrize("env", [{}, {"PYTHONIOENCODING": "utf-8"}],
                         ids=["mặc định", "UTF-8 chặt"])
def test_a_file_name_that_is_not_utf8_does_not_stop_tt(env, tmp_path):
    name = os.fsdecode(b"k\xe9-hoach.yaml")  # a Latin-1 name: not UTF-8 (a surrogate in Python)
    (tmp_path / name).write_bytes(b"x: [\n")
    res = run_tt_process("validate", name, cwd=tmp_path, env=env)
    assert res.code == 2 and "lỗi nội bộ" not in res.err + res.out, res.err
    assert "-hoach.yaml:2:1: lỗi TT-Y003" in res.out


# ----------------------------------------------------------------------------- signals, pipes

def _wait_for(predicate, proc, timeout=60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if predicate():
            return True
        time.sleep(0.002)
    return False


def test_sigterm_during_a_render_leaves_no_temporary_file(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from generate import write_plan

    plan = write_plan(3000, tmp_path / "plans" / "lon.yaml")
    out = tmp_path / "build"
    proc = subprocess.Popen([TT, "render", str(plan), "-o", str(out / "lon.docx")], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writing = _wait_for(lambda: glob.glob(str(out / ".lon.docx.*.tmp")), proc)
    assert writing, "tt render xong trước khi kịp gửi SIGTERM"
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert not glob.glob(str(out / ".*.tmp")), "tệp tạm còn lại sau SIGTERM"
    if proc.returncode == 0:  # the move into place won the race: the .docx is then complete
        import zipfile

        assert zipfile.is_zipfile(out / "lon.docx")
        pytest.skip("tt render xong ngay trước khi nhận SIGTERM")
    assert proc.returncode == 143, err.decode()
    assert "SIGTERM" in err.decode() and "Traceback" not in err.decode()
    leftover = os.listdir(out)
    assert leftover in ([], ["lon.docx"]), leftover  # never a half-written file
    if leftover:
        import zipfile

        assert zipfile.is_zipfile(out / "lon.docx")


@pytest.mark.skipif(not Path("/proc/self/wchan").exists(), reason="cần /proc của Linux để biết tt đang chờ đọc")
def test_sigterm_during_a_blocked_read_exits_143():
    proc = subprocess.Popen([TT, "fmt", "-"], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)

    def reading() -> bool:
        try:
            return "pipe_read" in Path(f"/proc/{proc.pid}/wchan").read_text()
        except OSError:
            return False

    assert _wait_for(reading, proc)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "SIGTERM" in err.decode()


@pytest.mark.parametrize("args", [["rule"], ["--help"], ["validate", SAMPLE]])
def test_a_reader_that_goes_away_gets_no_english_and_no_traceback(args):
    proc = subprocess.Popen([TT, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # `tt rule | head -0`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert err == "" and proc.returncode == 1


# ----------------------------------------------------------------------------- the fast start

def typer_help(columns: str) -> str:
    """`tt --help` as typer itself writes it (its --help option; no cache), in a process."""
    code = "import sys; from tuyentruyen.cli import app, base; sys.exit(base.run(['--help'], app.COMMANDS))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, timeout=120,
                          env={**os.environ, "COLUMNS": columns})
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.decode("utf-8")


@pytest.mark.parametrize("columns", ["60", "100", "200"])
def test_the_fast_help_is_typers_help(columns, tmp_path):
    env = {"TT_CACHE_DIR": str(tmp_path), "COLUMNS": columns}
    first = run_tt_process("--help", cwd=ROOT, env=env)  # written through typer, kept
    again = run_tt_process("-h", cwd=ROOT, env=env)  # read back
    assert first.code == again.code == 0
    assert first.out == again.out == typer_help(columns)
    assert list(tmp_path.glob("cli-help-*.json"))


def test_tt_alone_shows_the_help_on_stderr_and_exits_2(tmp_path):
    res = run_tt(env={"TT_CACHE_DIR": str(tmp_path)})
    assert res.code == 2 and res.out == "" and res.err.startswith("Cách dùng: tt [TÙY CHỌN] LỆNH")


def test_a_kept_help_of_another_key_is_not_shown(tmp_path):
    import json

    env = {"TT_CACHE_DIR": str(tmp_path)}
    good = run_tt("--help", env=env).out
    (kept,) = tmp_path.glob("cli-help-*.json")
    key, _ = json.loads(kept.read_text(encoding="utf-8"))
    kept.write_text(json.dumps([key + "|cũ", "HƯỚNG DẪN CŨ"]), encoding="utf-8")
    assert run_tt("--help", env=env).out == good


def test_the_help_key_follows_the_terminal_width(monkeypatch):
    from tuyentruyen.cli import app

    monkeypatch.setenv("COLUMNS", "80")
    narrow = app._help_key()
    monkeypatch.setenv("COLUMNS", "120")
    assert app._help_key() != narrow
    for module in app.COMMANDS.values():  # every command module's file is part of the key
        assert f"{module}.py:" in narrow


def modules_after(args: list[str], env: dict | None = None) -> set[str]:
    code = textwrap.dedent(f"""
        import sys
        sys.argv = ["tt", *{args!r}]
        from tuyentruyen.cli import app
        try:
            app.main()
        except SystemExit:
            pass
        sys.stderr.write("\\nMODULES " + " ".join(sorted(sys.modules)) + "\\n")
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})})
    return set(proc.stderr.rsplit("MODULES ", 1)[1].split())


def test_help_and_version_start_without_typer(tmp_path):
    env = {"TT_CACHE_DIR": str(tmp_path)}
    modules_after(["--help"], env)  # the first run writes the help down
    for args in (["--help"], ["-h"], ["--version"]):
        loaded = modules_after(args, env)
        assert "typer" not in loaded and "pydantic" not in loaded, args


def test_a_command_loads_only_its_own_module():
    loaded = modules_after(["validate", "--format", "text", SAMPLE])
    assert "tuyentruyen.cli.validate" in loaded
    others = {f"tuyentruyen.cli.{m}" for m in ("render", "diff", "units", "fmt", "new")}
    assert not others & loaded, others & loaded


def test_validate_of_plain_paths_runs_without_typer():
    """`tt validate PATH…` (pre-commit's call) is answered by cli.app's fast path: no typer, no command tree."""
    loaded = modules_after(["validate", SAMPLE])
    assert "typer" not in loaded and "tuyentruyen.cli.validate" not in loaded and "tuyentruyen.cli.base" not in loaded
    assert "tuyentruyen.check" in loaded
    assert "typer" not in modules_after(["validate", "--no-cache", "--schema-only", SAMPLE])
    # another option, `--`, a flag twice or a name like an option goes through typer, which reads and explains it
    for args in (["validate", "-f", "json", SAMPLE], ["validate", "--", SAMPLE], ["validate", "-x"],
                 ["validate", "--no-cache", "--no-cache", SAMPLE]):
        assert "typer" in modules_after(args), args


@pytest.mark.parametrize("flags", [[], ["--no-cache"], ["--schema-only"], ["--schema-only", "--no-cache"]])
@pytest.mark.parametrize("case", ["clean", "errors", "lint-error", "missing", "no-plans", "folder"])
def test_validate_says_the_same_with_and_without_typer(tmp_path, case, flags):
    """The fast path and the command through typer (`--format text` is the default) print the same and exit the same."""
    bad = "tests/fixtures/broken/unknown-key.yaml"
    lint = "tests/fixtures/seeds/ha-giang/2023.yaml"
    given = {"clean": [SAMPLE], "errors": [bad, SAMPLE], "lint-error": [lint], "missing": ["khong-co.yaml"],
             "no-plans": [], "folder": ["plans"]}[case]
    cwd = tmp_path if case == "no-plans" else ROOT
    fast = run_tt("validate", *flags, *given, cwd=cwd)
    slow = run_tt("validate", "--format", "text", *flags, *given, cwd=cwd)
    assert (fast.code, fast.out, fast.err) == (slow.code, slow.out, slow.err)
    lint_code = 0 if "--schema-only" in flags else 1
    assert fast.code == {"clean": 0, "errors": 1, "lint-error": lint_code, "missing": 2, "no-plans": 2,
                         "folder": 0}[case], fast.text


HEAVY = {"pydantic", "docx", "lxml", "jinja2", "ruamel", "holidays", "yaml", "rich", "markdown_it"}


@pytest.mark.parametrize("args", [["new", "--year", "abc"], ["validate", "--format", "xml"], ["validate", "--help"],
                                  ["--help"]])
def test_reading_arguments_loads_no_heavy_library(args):
    # `--help` without the kept help imports every command module: none may import these at the top
    loaded = {m.split(".")[0] for m in modules_after(args, {"TT_NO_CACHE": "1"})}
    assert not HEAVY & loaded, HEAVY & loaded


def test_the_benchmark_script_runs(tmp_path):
    """benchmarks/bench_startup.py (the record of the startup goals) still runs: one quick pass."""
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT / 'benchmarks')!r})
        import bench_startup
        bench_startup.RUNS = 1
        bench_startup.main()
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "tt --help" in proc.stdout and "tt validate ha-giang/2023.yaml" in proc.stdout

