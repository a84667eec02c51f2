"""Whole-process wall time of a command, the median of several runs, as a table row."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

TT = str(Path(sys.executable).parent / "tt")


def wall(cmd: list[str], runs: int = 5, cwd: str | Path | None = None, ok=(0, 1)) -> tuple[float, float]:
    """(median, min) seconds of `cmd` run as a fresh process."""
    env = dict(os.environ, NO_COLOR="1")
    # an installed tt runs from compiled bytecode; a session that sets PYTHONDONTWRITEBYTECODE
    # would otherwise measure Python compiling every edited module on every run
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)  # warm-up: writes .pyc, fills caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
        times.append(time.perf_counter() - start)
        if proc.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} → mã thoát {proc.returncode}\n{proc.stdout.decode()[-2000:]}"
                             f"{proc.stderr.decode()[-2000:]}")
    return statistics.median(times), min(times)


def table(rows: list[tuple[str, float, float, float | None]]) -> str:
    lines = [f"| {'phép đo':<52} | {'trung vị (s)':>12} | {'nhanh nhất (s)':>14} | {'mục tiêu (s)':>12} |",
             f"|{'-' * 54}|{'-' * 14}:|{'-' * 15}:|{'-' * 13}:|"]
    for name, med, best, target in rows:
        mark = "" if target is None else (" ✓" if med <= target else " ✗")
        t = "" if target is None else f"{target:.2f}"
        lines.append(f"| {name:<52} | {med:>12.3f} | {best:>14.3f} | {t:>10}{mark:2} |")
    return "\n".join(lines)
