"""The importer and its command type-check (mypy): the reading steps share one typed state
(:mod:`tuyentruyen.edit.importer.state`), so a misspelt attribute or a value that may be None is
caught before a clerk's document finds it."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.importer.support import ROOT


def _has_mypy() -> bool:
    return subprocess.run([sys.executable, "-m", "mypy", "--version"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _has_mypy(), reason="mypy chưa được cài (cài bằng `pip install -e '.[test]'`)")
def test_mypy_is_clean_on_the_importer():
    src = ROOT / "src" / "tuyentruyen"
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--follow-imports=silent", "--ignore-missing-imports", "--no-error-summary",
         str(src / "edit" / "importer"), str(src / "cli" / "import_.py")],
        capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
