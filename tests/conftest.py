"""Shared test helpers: run `tt` as a user would, in-process (fast) or as a real process."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

# In CI the property tests replay the same examples every run (derandomize): a landing must
# not depend on a lucky draw; exploration with fresh random examples happens on developer runs.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_tt(*args: str, cwd: Path | str | None = None, env: dict | None = None) -> Result:
    """Run `tt ARGS…` in-process through the real entry point (exit code, stdout, stderr)."""
    import contextlib
    import io

    from tuyentruyen.cli.app import main

    out, err = io.StringIO(), io.StringIO()
    old_cwd, old_argv, old_env = os.getcwd(), sys.argv, dict(os.environ)
    code = 0
    try:
        if cwd is not None:
            os.chdir(cwd)
        if env:
            os.environ.update(env)
        os.environ.setdefault("NO_COLOR", "1")
        os.environ["COLUMNS"] = "200"
        sys.argv = ["tt", *args]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main()
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        os.chdir(old_cwd)
        sys.argv = old_argv
        os.environ.clear()
        os.environ.update(old_env)
    return Result(code, out.getvalue(), err.getvalue())


def run_tt_process(*args: str, cwd: Path | str | None = None, input: bytes | None = None,
                   env: dict | None = None) -> Result:
    """Run the installed `tt` console script as a separate process (env: variables to add)."""
    exe = Path(sys.executable).parent / "tt"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})}
    proc = subprocess.run([str(exe), *args], cwd=cwd, input=input, capture_output=True, env=env, timeout=300)
    return Result(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))


@pytest.fixture
def tt():
    return run_tt


@pytest.fixture
def tt_process():
    return run_tt_process
