"""Whole-process measurements of a command: wall time (median and best of several runs), CPU time
and peak memory, as table rows.

`TT` is the tt the benchmarks run: $TT_BENCH_EXE when set (another installation, for a "before"
table), else the `tt` of this virtual environment.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TT = os.environ.get("TT_BENCH_EXE") or str(Path(sys.executable).parent / "tt")


def _env() -> dict:
    env = dict(os.environ, NO_COLOR="1")
    # an installed tt runs from compiled bytecode; a session that sets PYTHONDONTWRITEBYTECODE
    # would otherwise measure Python compiling every edited module on every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def wall(cmd: list[str], runs: int = 5, cwd: str | Path | None = None, ok=(0, 1)) -> tuple[float, float]:
    """(median, min) seconds of `cmd` run as a fresh process."""
    m = measure(cmd, runs=runs, cwd=cwd, ok=ok)
    return m.median, m.best


@dataclass
class Measure:
    median: float  # wall seconds
    best: float
    cpu: float  # median user + system seconds
    peak_mib: float  # the largest peak resident memory of the runs
    timed_out: bool = False

    def __str__(self) -> str:
        return f"> {self.median:.0f} s" if self.timed_out else f"{self.median:.3f} s"


def run_once(cmd: list[str], cwd=None, timeout: float | None = None, env=None) -> tuple[int, float, float, float]:
    """(exit code, wall s, cpu s, peak MiB) of one run; exit code None when it timed out (killed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env or _env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = None if timeout is None else start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if deadline is not None and time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = None
            return None, time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
        time.sleep(0.002)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    proc.stderr.close()
    if proc.returncode < 0 or proc.returncode > 2:
        raise SystemExit(f"{' '.join(cmd)} → mã thoát {proc.returncode}\n{err[-2000:]}")
    return proc.returncode, elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB → MiB


def measure(cmd: list[str], runs: int = 5, cwd=None, ok=(0, 1), timeout: float | None = None,
            warm_up: bool = True, before=None) -> Measure:
    """Measure cmd as a fresh process, runs times after one warm-up run (it writes .pyc and
    fills the caches); before: a function run before each run (to reset a state)."""
    if warm_up:
        if before is not None:
            before()
        code, elapsed, _, _ = run_once(cmd, cwd, timeout)
        if code is None:
            return Measure(elapsed, elapsed, float("nan"), float("nan"), timed_out=True)
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        if before is not None:
            before()
        code, elapsed, cpu, peak = run_once(cmd, cwd, timeout)
        if code is None:
            return Measure(elapsed, elapsed, cpu, peak, timed_out=True)
        if code not in ok:
            raise SystemExit(f"{' '.join(cmd)} → mã thoát {code}")
        walls.append(elapsed)
        cpus.append(cpu)
        peaks.append(peak)
    return Measure(statistics.median(walls), min(walls), statistics.median(cpus), max(peaks))


def frozen_tt(root: Path, into: Path) -> str:
    """A `tt` that runs a copy of the package as it is now (root/src/tuyentruyen), so that files
    edited while a long benchmark runs change neither its speed nor its cache keys."""
    shutil.copytree(root / "src" / "tuyentruyen", into / "tuyentruyen",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    if (root / "templates").is_dir():  # as the wheel ships them (pyproject: force-include)
        shutil.copytree(root / "templates", into / "tuyentruyen" / "templates")
    launcher = into / "tt"
    launcher.write_text(f"#!{sys.executable}\nimport sys\nsys.path.insert(0, {str(into)!r})\n"
                        "from tuyentruyen.cli.app import main\nsys.exit(main())\n", encoding="utf-8")
    launcher.chmod(0o755)
    return str(launcher)


def scratch() -> Path:
    return Path(tempfile.mkdtemp(prefix="tt-bench-"))


def table(rows: list[tuple[str, float, float, float | None]]) -> str:
    lines = [f"| {'phép đo':<52} | {'trung vị (s)':>12} | {'nhanh nhất (s)':>14} | {'mục tiêu (s)':>12} |",
             f"|{'-' * 54}|{'-' * 14}:|{'-' * 15}:|{'-' * 13}:|"]
    for name, med, best, target in rows:
        mark = "" if target is None else (" ✓" if med <= target else " ✗")
        t = "" if target is None else f"{target:.2f}"
        lines.append(f"| {name:<52} | {med:>12.3f} | {best:>14.3f} | {t:>10}{mark:2} |")
    return "\n".join(lines)
