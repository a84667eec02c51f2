"""Startup of `tt` as whole processes (issue 16, part 3), against references measured in the same run.

    python benchmarks/bench_startup.py

References: `python -c pass` (the interpreter alone) and yamllint on the same plan (pip install
yamllint, or `pip install -e .[test]`; without it the yamllint rows are skipped). Goals:
`tt --help` ≤ 0.06 s; `tt validate` of the Hà Giang sample (schema and lint) within yamllint's
time on the same file, measured warm (the repository's .tt_cache/ answers) and with --no-cache.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timing import TT, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = "plans/ha-giang/2023.yaml"
RUNS = 15


def yamllint() -> str | None:
    here = Path(sys.executable).parent / "yamllint"
    return str(here) if here.exists() else shutil.which("yamllint")


def label(args: list[str]) -> str:
    return "tt " + " ".join(args).replace("plans/", "")


def main() -> None:
    bare, bare_best = wall([sys.executable, "-c", "pass"], runs=RUNS)
    rows = [("python -c pass (tham chiếu)", bare, bare_best, None)]
    ratios: list[tuple[str, float, str]] = []
    for args, target in ((["--version"], None), (["--help"], 0.06), (["validate", "--help"], None),
                         (["valdate"], None), (["new", "--year", "abc"], None)):
        med, best = wall([TT, *args], runs=RUNS, cwd=ROOT, ok=(0, 2))
        rows.append((label(args), med, best, target))
        ratios.append((label(args), med / bare, "python -c pass"))
    lint = yamllint()
    reference = None
    if lint is not None:
        reference, best = wall([lint, SAMPLE], runs=RUNS, cwd=ROOT)
        rows.append((f"yamllint {SAMPLE.replace('plans/', '')} (tham chiếu)", reference, best, None))
    # warm: the repository's .tt_cache/ answers; --no-cache: the schema and every rule run again
    for args in (["validate", SAMPLE], ["validate", "--no-cache", SAMPLE],
                 ["validate", "--no-cache", "--schema-only", SAMPLE]):
        med, best = wall([TT, *args], runs=RUNS, cwd=ROOT)
        rows.append((label(args), med, best, reference))
        if reference is not None:
            ratios.append((label(args), med / reference, "yamllint"))
    print(table(rows))
    print()
    print(f"| {'tỉ lệ':<52} | {'lần':>6} | {'so với':<16} |")
    print(f"|{'-' * 54}|{'-' * 7}:|{'-' * 18}|")
    for name, ratio, against in ratios:
        print(f"| {name:<52} | {ratio:>6.2f} | {against:<16} |")
    if lint is None:
        print("\n(yamllint chưa cài: `pip install yamllint` để đo hàng tham chiếu.)")


if __name__ == "__main__":
    main()
