"""Benchmark of `tt --help` and `tt validate` as whole processes (issue: tt validate).

    python benchmarks/bench_validate.py

Targets on the 2-core machine: `tt --help` < 0.25 s, a sample plan < 0.4 s, 10,000 tasks < 3 s.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    rows = []
    med, best = wall([TT, "--help"], runs=7)
    rows.append(("tt --help", med, best, 0.25))
    for plan in sorted((ROOT / "plans").rglob("*.yaml")):
        if plan.name == "units.yaml":
            continue
        rel = plan.relative_to(ROOT)
        med, best = wall([TT, "validate", str(rel)], runs=7, cwd=ROOT)
        rows.append((f"tt validate {rel}", med, best, 0.4))
        med, best = wall([TT, "validate", "--schema-only", str(rel)], runs=7, cwd=ROOT)
        rows.append((f"tt validate --schema-only {rel}", med, best, 0.4))
    with tempfile.TemporaryDirectory() as tmp:
        for n, target in ((1000, None), (10000, 3.0)):
            plan = write_plan(n, Path(tmp) / f"p{n}" / "plan.yaml")
            med, best = wall([TT, "validate", "--schema-only", str(plan)], runs=3)
            rows.append((f"tt validate --schema-only ({n:,} nhiệm vụ)", med, best, target))
            med, best = wall([TT, "validate", str(plan)], runs=3)
            rows.append((f"tt validate ({n:,} nhiệm vụ, kèm soát lỗi)", med, best, target))
    print(table(rows))


if __name__ == "__main__":
    main()
