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
