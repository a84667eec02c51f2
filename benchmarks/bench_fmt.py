"""Benchmark of `tt fmt` and `tt new --from` as whole processes (issue 6).

    python benchmarks/bench_fmt.py

fmt reads with ruamel.yaml's round-trip loader (~2 s per 1,000 tasks), so it is far slower
than validate; the target is that formatting a real plan feels instant and a 1,000-task plan
takes seconds. The last rows split one in-process run into its stages.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def stages(path: Path) -> list[tuple[str, float]]:
    """Seconds spent in each stage of one format_text run, in-process."""
    import unicodedata

    from tuyentruyen.edit import fmt
    from tuyentruyen.loading.roundtrip import strip_comments

    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    out = []
    t = time.perf_counter()
    loaded = fmt._parse(text, "x")
    comments = fmt._Comments(text, loaded.root)
    out.append(("đọc nhanh + tách chú thích", time.perf_counter() - t))
    t = time.perf_counter()
    data = fmt._load_roundtrip(text, "x")
    out.append(("ruamel.yaml: đọc (round-trip)", time.perf_counter() - t))
    t = time.perf_counter()
    strip_comments(data)
    fmt._canonical(data, fmt._root_model(data))
    out.append(("sắp xếp khóa, NFC, dấu ngoặc", time.perf_counter() - t))
    t = time.perf_counter()
    dumped = fmt._dump(data, "x")
    out.append(("ruamel.yaml: ghi", time.perf_counter() - t))
    t = time.perf_counter()
    folded = fmt._fold(dumped, "x", comments.eol_paths)
    result = comments.put_back(folded, fmt._parse(folded, "x", internal=True))
    out.append(("ngắt dòng + đặt lại chú thích", time.perf_counter() - t))
    t = time.perf_counter()
    fmt._parse(result, "x", internal=True)
    out.append(("đọc lại để kiểm tra", time.perf_counter() - t))
    return out


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
        for n, target in ((1000, 6.0), (5000, None)):
            plan = write_plan(n, tmp / f"p{n}" / "plans" / "2024.yaml")
            untidy = plan.read_text(encoding="utf-8")
            med, best = wall([TT, "fmt", "--check", str(plan)], runs=3)
            rows.append((f"tt fmt --check ({n:,} nhiệm vụ, chưa định dạng)", med, best, target))
            med, best = wall([TT, "fmt", str(plan)], runs=1)
            rows.append((f"tt fmt ({n:,} nhiệm vụ, ghi tệp)", med, best, target))
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
