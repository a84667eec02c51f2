"""`tt --help` reads as Vietnamese, and the shell completes plan paths (issue 6, part 5)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_tt

PLACEHOLDERS = ["<bool>", "<list[str]>", "<str>", "<int>", "<path>", "[OPTIONS]", "COMMAND [ARGS]", "paths..."]


def commands() -> list[str]:
    out = run_tt("--help").out
    panel = out.split("Lệnh:")[1]
    return re.findall(r"^  (\w[\w-]*)\s", panel, re.M)


def test_every_command_is_listed():
    assert {"validate", "schema", "fmt", "new", "units"} <= set(commands())


@pytest.mark.parametrize("args", [[], *[[c] for c in ("validate", "schema", "fmt", "new", "units", "diff", "render")]])
def test_help_has_no_english_placeholders(args):
    if args and args[0] not in commands():
        pytest.skip(f"tt {args[0]} chưa có")
    res = run_tt(*args, "--help")
    assert res.code == 0
    for word in PLACEHOLDERS:
        assert word not in res.out, f"'{word}' trong: tt {' '.join(args)} --help"
    assert "Cách dùng: tt" in res.out and "[TÙY CHỌN]" in res.out


def test_options_with_values_show_a_vietnamese_metavar():
    out = run_tt("new", "--help").out
    assert re.search(r"--year\s+NĂM", out) and re.search(r"--issuer\s+CƠ_QUAN", out)
    assert "[TỆP]..." in run_tt("fmt", "--help").out


def complete(words: str, cwd: Path) -> list[str]:
    env = dict(os.environ, _TT_COMPLETE="complete_bash", COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
    proc = subprocess.run([str(Path(sys.executable).parent / "tt")], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=60)
    return proc.stdout.split()


def test_shell_completion_offers_the_plans_of_the_repository():
    found = complete("tt fmt plans/q", ROOT)
    assert "plans/quang-ngai/2023.yaml" in found and "plans/quang-ngai/units.yaml" in found
    assert all(f.startswith("plans/q") for f in found)
    plans_only = complete("tt new --from plans/x", ROOT)
    assert plans_only == ["plans/xuan-loc/2024.yaml"]


def test_completion_script_can_be_shown():
    res = run_tt("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert res.code == 0 and "_tt_completion" in res.out


def test_completion_installs_with_vietnamese_words(tmp_path):
    from tests.cli.test_wrong_values import english

    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "HOME": str(tmp_path)}
    res = run_tt("--install-completion", "bash", env=env)
    assert res.code == 0, res.text
    assert res.out.startswith(f"Đã cài tự hoàn thành lệnh cho bash vào {tmp_path}/.bash_completions/tt.sh.")
    assert not english(res.text)
    assert "_tt_completion" in (tmp_path / ".bash_completions" / "tt.sh").read_text()
    assert ".bash_completions/tt.sh" in (tmp_path / ".bashrc").read_text()


def test_completion_that_cannot_be_written_says_why_in_vietnamese(tmp_path):
    from tests.cli.test_wrong_values import english

    home = tmp_path / "không-phải-thư-mục"
    home.write_text("", encoding="utf-8")
    env = {"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1", "HOME": str(home)}
    res = run_tt("--install-completion", "zsh", env=env)
    assert res.code == 2 and "tt: lỗi TT-E002: không ghi được tệp cấu hình của zsh" in res.err
    assert "gợi ý: chạy `tt --show-completion zsh`" in res.err and not english(res.text)


@pytest.mark.parametrize("option", ["--install-completion", "--show-completion"])
@pytest.mark.parametrize("detected", ["tcsh", None])
def test_a_shell_tt_cannot_complete_for_is_said_in_vietnamese(option, detected, monkeypatch, tmp_path):
    from tests.cli.test_wrong_values import english
    from tuyentruyen.cli import complete, i18n

    i18n.install()
    monkeypatch.setitem(complete._typer, "detect", lambda: detected)
    monkeypatch.delenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", raising=False)
    res = run_tt(option, env={"HOME": str(tmp_path)})
    assert res.code == 2 and "tt chưa hỗ trợ tự hoàn thành lệnh cho" in res.err
    assert f"rồi chạy lại `tt {option}`" in res.err and not english(res.text)
    assert not list(tmp_path.iterdir())  # nothing written
