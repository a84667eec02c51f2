"""Benchmark of `tt diff` as a whole process (issue: tt diff).

    python benchmarks/bench_diff.py

Two generated 10,000-task plans (benchmarks/generate.py): the same plan; a signed version
with the edits of a real review (2 % of deadlines moved, 1 % of leads swapped, tasks added,
removed and moved to another group: ~370 changes) in each report format; the same against an
older copy whose tasks have no ids (matched by content). Target on the 2-core machine: < 2 s
each (the best of the runs; the median and the CPU time are shown too, as the machine is shared).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGET = 2.0


def _blocks(text: str) -> tuple[str, list[str]]:
    """(everything before the first task, each task's lines with any group header before it)."""
    parts = re.split(r"(?m)^(?=        - id: )", text)
    return parts[0], parts[1:]


def edited(text: str) -> str:
    """The edits a review makes to a plan of 10,000 tasks."""
    head, tasks = _blocks(text)
    out, moved = [], []
    for k, block in enumerate(tasks):
        if k % 50 == 0:
            block = re.sub(r"(?m)^          due: .*$", "          due: Quý IV/2024", block)
        if k % 97 == 0:
            block = re.sub(r"(?m)^          lead: .*$", "          lead: Sở Tài chính", block)
        if k % 500 == 1:
            continue  # removed (a following group header would go with it: keep headers)
        if k % 400 == 3:
            out.append(block)
            block = block.replace("- id: nv-", "- id: moi-", 1)
        if k % 250 == 7 and "    - title:" not in block:
            moved.append(block)
            continue
        out.append(block)
    return head + "".join(out).rstrip("\n") + "\n" + "".join(moved)


def without_ids(text: str) -> str:
    return re.sub(r"(?m)^        - id: \S+\n          content:", "        - content:", text)


def wall_cpu(cmd: list[str], runs: int) -> tuple[float, float, float]:
    """(median wall, best wall, median CPU user+sys) seconds of cmd as a fresh process.

    CPU time is shown beside wall time because the benchmark machine is shared: under load the
    wall time grows, the CPU time a run needs does not.
    """
    import os
    import resource
    import statistics
    import subprocess
    import time

    env = dict(os.environ, NO_COLOR="1")
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} → mã thoát {proc.returncode}\n{proc.stderr.decode()[-2000:]}")
    return statistics.median(walls), min(walls), statistics.median(cpus)


def table(rows) -> str:
    lines = [f"| {'phép đo':<58} | {'trung vị (s)':>12} | {'nhanh nhất (s)':>14} | {'CPU (s)':>8} "
             f"| {'mục tiêu (s)':>12} |",
             f"|{'-' * 60}|{'-' * 13}:|{'-' * 15}:|{'-' * 9}:|{'-' * 13}:|"]
    for name, med, best, cpu, target in rows:
        mark = "" if target is None else (" ✓" if best <= target else " ✗")
        t = "" if target is None else f"{target:.2f}"
        lines.append(f"| {name:<58} | {med:>12.3f} | {best:>14.3f} | {cpu:>8.3f} | {t:>10}{mark:2} |")
    return "\n".join(lines)


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        old = write_plan(10000, Path(tmp) / "cu" / "2024.yaml")
        new = write_plan(10000, Path(tmp) / "moi" / "2024.yaml")
        new.write_text(edited(old.read_text("utf-8")), "utf-8")
        noid = write_plan(10000, Path(tmp) / "khong-ma" / "2024.yaml")
        noid.write_text(without_ids(old.read_text("utf-8")), "utf-8")
        small = ROOT / "plans" / "quang-ngai" / "2023.yaml"
        if small.is_file():
            rows.append(("tt diff: kế hoạch mẫu với chính nó", *wall_cpu([TT, "diff", str(small), str(small)], 7), 0.4))
        rows.append(("tt diff: 10.000 nhiệm vụ, giống nhau", *wall_cpu([TT, "diff", str(old), str(old)], 5), TARGET))
        for fmt in ("text", "markdown", "json"):
            rows.append((f"tt diff: 10.000 nhiệm vụ, ~370 thay đổi, {fmt}",
                         *wall_cpu([TT, "diff", str(old), str(new), "-f", fmt], 5), TARGET))
        rows.append(("tt diff: 10.000 nhiệm vụ không mã → có mã (khớp nội dung)",
                     *wall_cpu([TT, "diff", str(noid), str(new)], 5), TARGET))
        rows.append(("tt diff --docx: 10.000 nhiệm vụ, ~370 thay đổi",
                     *wall_cpu([TT, "diff", str(old), str(new), "--docx", str(Path(tmp) / "so-sanh.docx")], 1), None))
    print(table(rows))


if __name__ == "__main__":
    main()
