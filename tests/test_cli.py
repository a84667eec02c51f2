"""The command line itself: version, Vietnamese help and usage errors, never a traceback."""

from __future__ import annotations

import re

import pytest

from tuyentruyen import __version__
from tests.conftest import run_tt, run_tt_process

ENGLISH = ["Usage:", "Options", "Commands", "Arguments", "Show this message", "Install completion",
           "Show completion", "No such", "Did you mean", "Missing", "Invalid value", "Error", "[default"]


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag):
    res = run_tt(flag)
    assert res.code == 0 and res.out.startswith(f"tt (tuyentruyen) {__version__}\n") and res.err == ""


def test_short_and_long_help_are_the_same():
    assert run_tt("-h").out == run_tt("--help").out
    assert run_tt("validate", "-h").out == run_tt("validate", "--help").out


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["validate", "--help"], ["schema", "--help"]])
def test_help_is_vietnamese(args):
    res = run_tt(*args)
    assert res.code == 0
    for word in ENGLISH:
        assert word not in res.out, f"'{word}' còn tiếng Anh trong: tt {' '.join(args)}"
    assert "Cách dùng:" in res.out and "Tùy chọn" in res.out


def test_help_lists_the_commands_and_exit_codes():
    res = run_tt("--help")
    assert "validate" in res.out and "schema" in res.out
    assert "Mã thoát" in res.out


def test_no_arguments_shows_help():
    res = run_tt()
    assert res.code == 2  # a usage error: the help says what to write
    assert res.out == "" and res.err == run_tt("--help").out


@pytest.mark.parametrize("args,expected", [
    (["valdate"], "Không có lệnh 'valdate'. Có phải ý bạn là 'validate'?"),
    (["Validate"], "Không có lệnh 'Validate'. Có phải ý bạn là 'validate'?"),
    (["help", "render"], "gợi ý: Chạy 'tt render --help'."),
    (["validate", "--bogus"], "Không có tùy chọn --bogus."),
    (["validate", "--format", "xml"], "'xml' không thuộc các giá trị"),
    (["validate", "--format", "jsn"], "Có phải ý bạn là 'json'? gợi ý: Dùng --format json."),
    (["validate", "--format"], "Tùy chọn '--format' cần một giá trị."),
    (["new", "--year", "abc"], "Giá trị không hợp lệ cho '--year': 'abc' không phải một số nguyên."),
    (["schema", "thua"], "Thừa tham số: thua."),
    (["render", "--docx=1"], "Cách dùng: tt render [TÙY CHỌN] [TỆP] tt: lỗi TT-E002: Tùy chọn '--docx' không nhận giá trị."),
])
def test_usage_errors_are_vietnamese_and_exit_2(args, expected):
    res = run_tt(*args)
    assert res.code == 2
    text = re.sub(r"[│╭╮╰╯─]", " ", res.text)
    assert expected in " ".join(text.split())
    for word in ("No such", "Did you mean", "Invalid value", "requires an argument"):
        assert word not in res.text


def test_an_internal_error_never_shows_a_traceback(monkeypatch, tmp_path):
    import tuyentruyen.check as check

    def boom(*a, **k):
        raise RuntimeError("hỏng")

    monkeypatch.setattr(check, "check_files", boom)
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.yaml").write_text("tt: 1\n", encoding="utf-8")
    res = run_tt("validate", cwd=tmp_path)
    assert res.code == 2
    assert "Traceback" not in res.text
    assert "lỗi nội bộ" in res.err


def test_the_console_script_runs_as_a_process():
    res = run_tt_process("--version")
    assert res.code == 0 and __version__ in res.out


@pytest.mark.parametrize("command,expected", [
    ("validate", ["plans/xuan-loc/2024.progress.yaml", "plans/xuan-loc/2024.yaml", "plans/xuan-loc/units.yaml"]),
    ("lint", ["plans/xuan-loc/2024.progress.yaml", "plans/xuan-loc/2024.yaml", "plans/xuan-loc/units.yaml"]),
    ("render", ["plans/xuan-loc/2024.progress.yaml", "plans/xuan-loc/2024.yaml"]),  # a progress file: --report
    ("diff", ["plans/xuan-loc/2024.progress.yaml", "plans/xuan-loc/2024.yaml"]),
])
def test_tab_completes_plan_paths(command, expected):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.conftest import ROOT

    env = dict(os.environ, _TT_COMPLETE="complete_bash", COMP_WORDS=f"tt {command} plans/x", COMP_CWORD="2")
    proc = subprocess.run([str(Path(sys.executable).parent / "tt")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.stdout.split() == expected
