"""Benchmark of `tt render --docx` as a whole process (issue 4: tt render).

    python benchmarks/bench_render.py

Plans of 100, 1,000 and 10,000 tasks (shaped like the Hà Giang / Quảng Ngãi tables, see
generate.py) are written to a temporary folder and rendered with `tt render PLAN --docx -o
OUT`; the wall time includes starting Python, loading and validating the plan, building the
document and writing the .docx. Targets: 1,000 tasks < 1.5 s, 10,000 tasks < 15 s.

The rows "sample" render the three sample plans of plans/ when they exist.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {100: None, 1000: 1.5, 10000: 15.0}


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for plan in sorted((ROOT / "plans").rglob("*.yaml")):
            if plan.name == "units.yaml":
                continue
            rel = plan.relative_to(ROOT)
            med, best = wall([TT, "render", str(rel), "--docx", "-o", str(out / "sample.docx")], runs=5, cwd=ROOT,
                             ok=(0,))
            rows.append((f"tt render --docx {rel}", med, best, None))
        for n, target in TARGETS.items():
            plan = write_plan(n, Path(tmp) / f"p{n}" / "plan.yaml")
            runs = 3 if n >= 10000 else 5
            med, best = wall([TT, "render", str(plan), "--docx", "-o", str(out / f"p{n}.docx")], runs=runs, ok=(0,))
            size = (out / f"p{n}.docx").stat().st_size
            rows.append((f"tt render --docx ({n:,} nhiệm vụ, {size / 1e6:.1f} MB)", med, best, target))
    print(table(rows))


if __name__ == "__main__":
    main()
