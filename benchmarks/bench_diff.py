"""Benchmark of `tt diff` as a whole process (issue: tt diff).

    python benchmarks/bench_diff.py

Two generated 10,000-task plans (benchmarks/generate.py): the same plan; a signed version
with the edits of a real review (2 % of deadlines moved, 1 % of leads swapped, tasks added,
removed and moved to another group) in each report format; the same against an older copy
whose tasks have no ids (matched by content). Target on the 2-core machine: < 2 s each.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

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
            med, best = wall([TT, "diff", str(small), str(small)], runs=7)
            rows.append(("tt diff: kế hoạch mẫu với chính nó", med, best, 0.4))
        med, best = wall([TT, "diff", str(old), str(old)], runs=3)
        rows.append(("tt diff: 10.000 nhiệm vụ, giống nhau", med, best, TARGET))
        for fmt in ("text", "markdown", "json"):
            med, best = wall([TT, "diff", str(old), str(new), "-f", fmt], runs=3)
            rows.append((f"tt diff: 10.000 nhiệm vụ, ~600 thay đổi, {fmt}", med, best, TARGET))
        med, best = wall([TT, "diff", str(noid), str(new)], runs=3)
        rows.append(("tt diff: 10.000 nhiệm vụ không mã → có mã (khớp nội dung)", med, best, TARGET))
        med, best = wall([TT, "diff", str(old), str(new), "--docx", str(Path(tmp) / "so-sanh.docx")], runs=1)
        rows.append(("tt diff --docx: 10.000 nhiệm vụ, ~600 thay đổi", med, best, None))
    print(table(rows))


if __name__ == "__main__":
    main()
