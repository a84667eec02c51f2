"""Benchmark of `tt lint` / `tt validate` with the lint rules, as whole processes (issue: tt lint).

    python benchmarks/bench_lint.py

Target on the 2-core machine: a 10,000-task plan validates and lints in under 3 s. Also shown:
the schema alone (what the rules add is the difference), the SARIF report, `--diff` on a plan
with one fixable typo in every tenth task, and the corrected sample plans.
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


def with_typos(path: Path) -> Path:
    """The same plan with 'Truyền truyền' in every tenth task (1,000 fixable problems at 10,000)."""
    text = path.read_text("utf-8")
    n = 0

    def sub(m: re.Match) -> str:
        nonlocal n
        n += 1
        return m.group(0).replace("Đẩy mạnh tuyên truyền", "Đẩy mạnh truyền truyền") if n % 10 == 0 else m.group(0)
    out = path.with_name("typos.yaml")
    out.write_text(re.sub(r"content: .*", sub, text), encoding="utf-8")
    return out


def main() -> None:
    rows = []
    for plan in sorted((ROOT / "plans").rglob("*.yaml")):
        if plan.name == "units.yaml":
            continue
        rel = plan.relative_to(ROOT)
        med, best = wall([TT, "lint", str(rel)], runs=7, cwd=ROOT)
        rows.append((f"tt lint {rel}", med, best, 0.4))
    with tempfile.TemporaryDirectory() as tmp:
        for n, target in ((1000, None), (10000, 3.0)):
            plan = write_plan(n, Path(tmp) / f"p{n}" / "plan.yaml")
            med, best = wall([TT, "validate", "--schema-only", str(plan)], runs=3)
            rows.append((f"tt validate --schema-only ({n:,} nhiệm vụ)", med, best, None))
            med, best = wall([TT, "validate", str(plan)], runs=3)
            rows.append((f"tt validate ({n:,} nhiệm vụ, kèm soát lỗi)", med, best, target))
            med, best = wall([TT, "lint", str(plan)], runs=3)
            rows.append((f"tt lint ({n:,} nhiệm vụ)", med, best, target))
            if n == 10000:
                med, best = wall([TT, "lint", "--format", "sarif", str(plan)], runs=3)
                rows.append((f"tt lint --format sarif ({n:,} nhiệm vụ)", med, best, target))
                typos = with_typos(plan)
                med, best = wall([TT, "lint", str(typos)], runs=3)
                rows.append(("tt lint (10,000 nhiệm vụ, 1.000 lỗi chính tả)", med, best, None))
                med, best = wall([TT, "lint", "--diff", str(typos)], runs=3)
                rows.append(("tt lint --diff (10,000 nhiệm vụ, 1.000 chỗ sửa)", med, best, None))
    print(table(rows))


if __name__ == "__main__":
    main()
