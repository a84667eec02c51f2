"""Benchmark of `tt import` as a whole process (issue 18: a 1,000-row appendix in under 2 s).

    python benchmarks/bench_import.py

A plan of generate.py with 1,000 (and 100) tasks is rendered to .docx by tt, and written as
the text a PDF copy gives (tab-separated rows); each is imported with `tt import FILE -o OUT
--force`. The wall time includes starting Python, reading the document, building the plan and
its registry, writing both in tt's layout with the comments, and checking the result (tt
validate and lint, as the command does). The sample documents (the seed texts, tt's .docx of
the samples) are timed too.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_plan  # noqa: E402
from timing import TT, table, wall  # noqa: E402

import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402


def cpu(cmd: list[str], runs: int = 3) -> tuple[float, float]:
    """(median, least) processor time (user + system) of cmd as a fresh process: what the command
    costs whatever else the machine is doing (the wall time of a loaded CI runner can be several
    times it)."""
    env = dict(os.environ, NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, env=env, capture_output=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    times.sort()
    return times[len(times) // 2], times[0]

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {100: None, 1000: 2.0}


def _as_text(plan: Path) -> str:
    """The plan as a PDF copy shows it: paragraphs, then the table as tab-separated rows."""
    import yaml

    data = yaml.safe_load(plan.read_text("utf-8"))
    doc = data["document"]
    out = ["ỦY BAN NHÂN DÂN", doc["issuer"]["name"].upper().replace("ỦY BAN NHÂN DÂN ", ""), "",
           f"Số: {doc['number']}/{doc['symbol']}", "", f"{doc['place']}, ngày 15 tháng 01 năm {data['plan']['year']}",
           "", "KẾ HOẠCH", "", doc["title"], "", "I. MỤC ĐÍCH, YÊU CẦU", ""]
    out += ["- " + data["plan"]["sections"][0]["items"][0], "", "Nơi nhận:", "- Lưu: VT.", "", "PHÓ CHỦ TỊCH", "",
            "Nguyễn Văn Sơn", "", "PHỤ LỤC", "", data["appendix"]["title"], "",
            "STT\tNội dung\tHình thức\tChủ trì\tPhối hợp\tThời gian"]
    for gi, group in enumerate(data["appendix"]["groups"], 1):
        from tuyentruyen.vn.numerals import roman

        out.append(f"{roman(gi)}\t{group['title']}\t\t\t\t")
        for ti, t in enumerate(group["tasks"], 1):
            support = "; ".join(f"- {s}" for s in t["support"])
            out.append(f"{ti}\t{t['content']}\t{t['forms'][0]}\t{t['lead']}\t{support}\t{t['due']}")
    return "\n".join(out) + "\n"


def main() -> None:
    os.environ["TT_NO_CACHE"] = "1"  # every run imports and checks for real (no answer from .tt_cache)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "out" / "plan.yaml"
        seeds = ROOT / "tests" / "fixtures" / "seed_texts"
        for seed in sorted(seeds.glob("*.txt")):
            med, best = wall([TT, "import", str(seed), "-o", str(out), "--force"], runs=5, ok=(0, 1))
            rows.append((f"tt import {seed.name[:16]}… (văn bản mẫu)", med, best, None))
        for n, target in TARGETS.items():
            plan = write_plan(n, tmp / f"p{n}" / "plan.yaml")
            docx = tmp / f"p{n}" / "plan.docx"
            wall([TT, "render", str(plan), "--docx", "-o", str(docx)], runs=1, ok=(0,))
            text = tmp / f"p{n}" / "plan.txt"
            text.write_text(_as_text(plan), "utf-8")
            for source, kind in ((docx, ".docx do tt xuất"), (text, ".txt, bảng ngăn bằng Tab")):
                target_dir = tmp / f"import-{n}-{source.suffix[1:]}"
                target_dir.mkdir()
                cmd = [TT, "import", str(source), "-o", str(target_dir / "plan.yaml"), "--force"]
                med, best = wall(cmd, runs=3 if n >= 1000 else 5, ok=(0, 1))
                count = f"{n:,}".replace(",", ".")  # Vietnamese groups thousands with a dot
                rows.append((f"tt import ({count} dòng phụ lục, {kind})", med, best, target))
                rows.append(("  thời gian CPU (user + sys) của lệnh trên", *cpu(cmd), target))
    print(table(rows))
    print(f"\n(tải máy khi đo: {os.getloadavg()[0]:.1f} trên {os.cpu_count()} nhân)")


if __name__ == "__main__":
    main()
