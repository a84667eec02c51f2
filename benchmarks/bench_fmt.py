"""Benchmark of `tt fmt` and `tt new --from` as whole processes (issue 6).

    python benchmarks/bench_fmt.py

fmt writes the canonical layout from libyaml's node tree (tuyentruyen.edit.fmt), at about the
cost of validate; targets (issue 16): 1,000 tasks ≤ 0.5 s, 10,000 ≤ 3 s. The last rows split one
in-process run on an unformatted plan into its stages.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, measure, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def stages(path: Path) -> list[tuple[str, float]]:
    """Seconds spent in each stage of one format_text run, in-process."""
    from tuyentruyen.edit import fmt
    from tuyentruyen.loading.roundtrip import comment_texts, scan

    text = path.read_text(encoding="utf-8")
    out = []
    t = time.perf_counter()
    loaded = fmt._parse(text, "x")
    out.append(("đọc (libyaml, có vị trí)", time.perf_counter() - t))
    t = time.perf_counter()
    comments = scan(text, loaded.root)
    out.append(("tách chú thích theo đường dẫn YAML", time.perf_counter() - t))
    t = time.perf_counter()
    result = fmt._Emitter(text, comments, trusted=True).document(loaded.data, loaded.root)
    out.append(("viết bố cục chuẩn (kèm chú thích)", time.perf_counter() - t))
    t = time.perf_counter()
    again = fmt._parse(result, "x", internal=True)
    fmt.same_data(again.data, loaded.data)
    comment_texts(result, again.root)
    out.append(("đọc lại để kiểm tra (dữ liệu, chú thích)", time.perf_counter() - t))
    return out


def _untidy(text: str) -> str:
    """The plan as another tool writes it: keys sorted, 4-space indentation, folded at 80 columns."""
    import yaml

    data = yaml.load(text, Loader=yaml.CSafeLoader)
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, indent=4, width=80)


def main() -> None:
    rows = []
    for plan in sorted((ROOT / "plans").rglob("*.yaml")):
        if plan.name == "units.yaml":
            continue
        rel = plan.relative_to(ROOT)
        med, best = wall([TT, "fmt", "--check", str(rel)], runs=5, cwd=ROOT)
        rows.append((f"tt fmt --check {rel}", med, best, 0.6))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n, target in ((1000, 0.5), (10000, 3.0)):
            plan = write_plan(n, tmp / f"p{n}" / "plans" / "2024.yaml")
            untidy = _untidy(plan.read_text(encoding="utf-8"))
            plan.write_text(untidy, encoding="utf-8")
            med, best = wall([TT, "fmt", "--check", str(plan)], runs=3)
            rows.append((f"tt fmt --check ({n:,} nhiệm vụ, chưa định dạng)", med, best, target))
            m = measure([TT, "fmt", str(plan)], runs=1, before=lambda: plan.write_text(untidy, encoding="utf-8"))
            rows.append((f"tt fmt ({n:,} nhiệm vụ, ghi tệp)", m.median, m.best, target))
            med, best = wall([TT, "fmt", "--check", str(plan)], runs=3)
            rows.append((f"tt fmt --check ({n:,} nhiệm vụ, đã định dạng)", med, best, target))
            out = plan.with_name("2025.yaml")
            med, best = wall([TT, "new", "--from", str(plan), "-o", str(out), "--force"], runs=1)
            rows.append((f"tt new --from ({n:,} nhiệm vụ)", med, best, None))
            plan.write_text(untidy, encoding="utf-8")
            if n == 1000:
                split = stages(plan)
        shutil.rmtree(tmp, ignore_errors=True)
    print(table(rows))
    print()
    print("Một lần tt fmt trên 1.000 nhiệm vụ, trong tiến trình, theo từng bước:")
    print(f"| {'bước':<40} | {'giây':>8} |")
    print(f"|{'-' * 42}|{'-' * 9}:|")
    for name, seconds in split:
        print(f"| {name:<40} | {seconds:>8.3f} |")


if __name__ == "__main__":
    main()
