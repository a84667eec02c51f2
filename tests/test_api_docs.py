"""docs/api.md: every example runs, and the public API is typed (mypy) and introspectable."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "api.md"
EXAMPLES = re.findall(r"```python\n(.*?)```", DOC.read_text("utf-8"), re.S)


def test_the_doc_has_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"vi-du-{i + 1}" for i in range(len(EXAMPLES))])
def test_each_example_runs(code, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    exec(compile(code, str(DOC), "exec"), {"__name__": "__docs__"})


def test_type_hints_of_the_public_types_resolve():
    from tuyentruyen import api

    for name in ("LoadedPlan", "LoadedRegistry", "Loaded", "Rendered", "Report", "RuleInfo"):
        typing.get_type_hints(getattr(api, name))
    for name in ("load_plan", "load_plan_bytes", "lint", "render_docx", "diff", "rules", "check_files"):
        typing.get_type_hints(getattr(api, name))


def test_every_exported_name_exists():
    from tuyentruyen import api

    missing = [n for n in api.__all__ if not hasattr(api, n)]
    assert not missing


@pytest.mark.skipif(shutil.which("mypy", path=str(Path(sys.executable).parent)) is None
                    and subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode,
                    reason="mypy chưa được cài (cài bằng `pip install -e '.[test]'`)")
def test_mypy_is_clean_on_the_public_api(tmp_path):
    usage = tmp_path / "usage.py"
    usage.write_text("\n".join(EXAMPLES), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports",
         "--no-error-summary", str(ROOT / "src" / "tuyentruyen" / "api.py"), str(usage)],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
