"""Benchmark of `tt render --docx` as a whole process (issue 4: tt render; issue 13: targets).

    python benchmarks/bench_render.py
    TT_BENCH_EXE=/path/to/other/tt python benchmarks/bench_render.py   # another installation ("before")

Plans of 100, 1,000 and 10,000 tasks (shaped like the Hà Giang / Quảng Ngãi tables, see
generate.py) are written to a temporary folder and rendered with `tt render PLAN --docx -o
OUT`; the wall time includes starting Python, loading and validating the plan, the lint errors
`tt render` reports, building the document and writing the .docx. Targets (issue 13): 1,000
tasks < 1 s, 10,000 tasks < 3 s. The row "(chỉ dựng văn bản)" is the renderer alone, in-process
(tuyentruyen.render.docx.render_docx on the loaded plan), to tell it from loading and lint.

The rows "sample" render the three sample plans of plans/ when they exist.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {100: None, 1000: 1.0, 10000: 3.0}


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        for plan in sorted((ROOT / "plans").rglob("*.yaml")):
            if plan.name == "units.yaml" or ".progress." in plan.name:  # registries and progress files
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
            if n >= 1000 and not os.environ.get("TT_BENCH_EXE"):
                med, best = _builder_only(plan, out / f"q{n}.docx")
                rows.append((f"  (chỉ dựng văn bản, {n:,} nhiệm vụ)", med, best, None))
    print(table(rows))


def _builder_only(plan: Path, target: Path, runs: int = 3) -> tuple[float, float]:
    """(median, best) seconds of render_docx alone on the loaded plan, in this process."""
    import statistics
    import time

    from tuyentruyen.loading.documents import load_plan
    from tuyentruyen.project.config import config_for
    from tuyentruyen.render.docx import render_docx

    loaded = load_plan(plan)
    config = config_for(plan)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        render_docx(loaded.plan, target, config)
        times.append(time.perf_counter() - start)
    return statistics.median(times), min(times)


if __name__ == "__main__":
    main()
