"""The record of issue 16 (and the slow classes of issue 14): every row of their tables, measured
in one run, each beside a reference command measured in the same run, as a ratio.

    python benchmarks/record.py            # what `make bench` prints last
    TT_BENCH_EXE=/other/tt python benchmarks/record.py   # the same table for another tt ("before")

References: `python -c pass` (the interpreter), yamllint and check-jsonschema on the same plan
(the linters a repository would otherwise run), and a bare libyaml compose of the same file
(`yaml.compose(text, Loader=yaml.CSafeLoader)`: what reading YAML with positions costs at
least). Wall times are medians of fresh processes after a warm-up run; "CPU" is user + system
time (the machine is shared: under load the wall time grows, the CPU time a run needs does
not); memory is the peak resident size. The tt measured is a frozen copy of the package as it
is when the run starts (files edited meanwhile change neither its speed nor its cache keys).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402
import timing  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "plans" / "ha-giang" / "2023.yaml"
SCHEMA = ROOT / "docs" / "schema" / "plan.schema.json"
TIMEOUT = float(os.environ.get("TT_BENCH_TIMEOUT", 600))  # seconds: a longer row is shown as "> 600 s"
SLOW_RUNS = int(os.environ.get("TT_BENCH_SLOW_RUNS", 3))  # runs of the rows that take minutes with an old tt


@dataclass
class Row:
    work: str
    tt: timing.Measure | None
    reference: str = ""
    ref: timing.Measure | None = None
    goal: str = ""
    met: bool | None = None

    def cells(self) -> list[str]:
        tt = self.tt
        if tt is None:
            return [self.work, "—", "", "", self.reference, "", "", self.goal, ""]
        ratio = "" if self.ref is None or tt.timed_out else f"{tt.median / self.ref.median:.2f}×"
        return [self.work, str(tt), "" if tt.timed_out else f"{tt.cpu:.2f}",
                "" if tt.timed_out else f"{tt.peak_mib:.0f}", self.reference,
                "" if self.ref is None else str(self.ref), ratio, self.goal,
                "" if self.met is None else ("✓" if self.met else "✗")]


def render(rows: list[Row]) -> str:
    head = ["việc", "tt", "CPU (s)", "bộ nhớ (MiB)", "tham chiếu", "tham chiếu (s)", "tỉ lệ", "mục tiêu", ""]
    cells = [head] + [r.cells() for r in rows]
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    lines = ["| " + " | ".join(c.ljust(w) for c, w in zip(cells[0], widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    lines += ["| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |" for r in cells[1:]]
    return "\n".join(lines)


def compose_cmd(path: Path) -> list[str]:
    return [sys.executable, "-c", "import sys, yaml; yaml.compose(open(sys.argv[1], encoding='utf-8').read(), "
            "Loader=yaml.CSafeLoader)", str(path)]


def tool(name: str) -> str | None:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name)


def supports(tt: str, command: str, option: str) -> bool:
    proc = subprocess.run([tt, command, "--help"], capture_output=True, env=dict(os.environ, COLUMNS="200"))
    return option in proc.stdout.decode("utf-8", "replace")


def untidy(path: Path) -> Path:
    """The same plan as another tool would write it (keys sorted, 4-space indentation, folded at
    80 columns): what `tt fmt` has to rewrite."""
    import yaml

    data = yaml.load(path.read_text("utf-8"), Loader=yaml.CSafeLoader)
    out = path.with_name("untidy.yaml")
    out.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=True, indent=4, width=80),
                   encoding="utf-8")
    return out


def commented(path: Path) -> Path:
    """The same plan with an end-of-line comment on every task (10,000 comments for 10,000 tasks)."""
    n = 0

    def note(m: re.Match) -> str:
        nonlocal n
        n += 1
        return f"{m.group(0)}  # ghi chú {n}"
    out = path.with_name("commented.yaml")
    out.write_text(re.sub(r"(?m)^          due: .*$", note, path.read_text("utf-8")), encoding="utf-8")
    return out


def long_line(folder: Path, size: int = 2 * 1024 * 1024) -> Path:
    """A plan whose closing paragraph is one line of `size` characters, with a typo and a double space near
    its end (the rules locate them in the line)."""
    words = "Tuyên truyền cải cách hành chính trên địa bàn tỉnh "
    line = (words * (size // len(words) + 1))[:size].strip()
    line = line[:-300] + " truyền truyền  hành chính " + line[-300:]
    plan = generate.write_plan(10, folder / "2024.yaml")
    text = plan.read_text("utf-8").replace("  sections:\n", f"  closing: {line}\n  sections:\n", 1)
    plan.write_text(text, encoding="utf-8")
    return plan


def sized_plan(folder: Path, megabytes: float) -> Path:
    """A generated plan of about `megabytes` MB (10^6 bytes), under tt's 32 MiB limit."""
    per_task = len(generate.plan_text(1000).encode("utf-8")) / 1000
    return generate.write_plan(int(megabytes * 1e6 / per_task), folder / "2024.yaml")


SECTIONS = ("startup", "large", "issue14", "big", "country")  # $TT_BENCH_SECTIONS: some of them, comma-separated


class Record:
    """The rows measured so far, printed as they come."""

    def __init__(self, tt: str):
        self.tt = tt
        self.rows: list[Row] = []

    def measure(self, cmd: list[str], **kw) -> timing.Measure | None:
        """timing.measure, or None (the row says so) when this tt cannot run the command."""
        try:
            return timing.measure(cmd, **kw)
        except SystemExit as exc:
            print(f"  ({' '.join(cmd[1:3])}: {str(exc).splitlines()[0]})", flush=True)
            return None

    def add(self, work: str, m, reference: str = "", ref=None, goal: str = "", test=None) -> None:
        """A row; test(m) says whether the goal is met (a run that failed or timed out does not meet it)."""
        met = None if test is None else (m is not None and not m.timed_out and bool(test(m)))
        row = Row(work, m, reference, ref, goal, met)
        self.rows.append(row)
        print("  " + " | ".join(row.cells()), flush=True)


def main() -> None:
    wanted = set(filter(None, os.environ.get("TT_BENCH_SECTIONS", ",".join(SECTIONS)).split(",")))
    work = timing.scratch()
    tt = timing.TT if os.environ.get("TT_BENCH_EXE") else timing.frozen_tt(ROOT, work / "frozen")
    print(f"tt: {tt}", flush=True)
    rec = Record(tt)
    cache_opts = ["--no-cache"] if supports(tt, "validate", "--no-cache") else []
    jobs_opts = ["-j", "1"] if supports(tt, "validate", "--jobs") else []
    if "startup" in wanted:
        startup(rec, cache_opts)
    p1k = generate.write_plan(1000, work / "p1k" / "2024.yaml")
    p10k = generate.write_plan(10000, work / "p10k" / "2024.yaml")
    c1k = rec.measure(compose_cmd(p1k), runs=5)
    c10k = rec.measure(compose_cmd(p10k), runs=3)
    v10k = rec.measure([tt, "validate", *cache_opts, str(p10k)], runs=3)
    if "large" in wanted:
        large(rec, work, cache_opts, p1k, p10k, c1k, c10k, v10k)
    if "issue14" in wanted:
        issue14(rec, work, cache_opts, p10k, v10k)
    if "big" in wanted:
        big(rec, work, cache_opts)
    if "country" in wanted:
        country(rec, work, cache_opts, jobs_opts)
    print()
    print(render(rec.rows))
    shutil.rmtree(work, ignore_errors=True)


def startup(rec: Record, cache_opts: list[str]) -> None:
    tt = rec.tt
    bare = rec.measure([sys.executable, "-c", "pass"], runs=15)
    m = rec.measure([tt, "--help"], runs=15, cwd=ROOT)
    rec.add("tt --help", m, "python -c pass", bare, "≤ 0.06 s", lambda m: m.median <= 0.06)
    lint = tool("yamllint")
    ref = rec.measure([lint, str(SAMPLE)], runs=9, cwd=ROOT) if lint else None
    sample = str(SAMPLE.relative_to(ROOT))
    m = rec.measure([tt, "validate", sample], runs=9, cwd=ROOT)
    rec.add("tt validate (với soát lỗi), mẫu Hà Giang", m, "yamllint cùng tệp", ref, "≤ 1× yamllint",
            lambda m: ref is not None and m.median <= ref.median)
    if cache_opts:
        m = rec.measure([tt, "validate", *cache_opts, sample], runs=9, cwd=ROOT)
        rec.add("tt validate --no-cache, mẫu Hà Giang", m, "yamllint cùng tệp", ref, "≤ 1× yamllint",
                lambda m: ref is not None and m.median <= ref.median)
    jsonschema = tool("check-jsonschema")
    if jsonschema:
        m = rec.measure([jsonschema, "--schemafile", str(SCHEMA), str(SAMPLE)], runs=5, cwd=ROOT, ok=(0, 1))
        rec.add("(tham chiếu) check-jsonschema, mẫu Hà Giang", m, "yamllint cùng tệp", ref)


def large(rec: Record, work: Path, cache_opts, p1k, p10k, c1k, c10k, v10k) -> None:
    tt = rec.tt
    rec.add("tt validate, 10.000 nhiệm vụ", v10k, "compose libyaml", c10k, "≤ 1.5× compose",
            lambda m: c10k is not None and m.median <= 1.5 * c10k.median)
    for label, path in (("đã đúng định dạng", p1k), ("chưa định dạng", untidy(p1k))):
        m = rec.measure([tt, "fmt", "--check", str(path)], runs=5)
        rec.add(f"tt fmt --check, 1.000 nhiệm vụ ({label})", m, "compose libyaml", c1k, "≤ 0.5 s",
                lambda m: m.median <= 0.5)
    for label, path in (("đã đúng định dạng", p10k), ("chưa định dạng", untidy(p10k))):
        m = rec.measure([tt, "fmt", "--check", str(path)], runs=SLOW_RUNS, timeout=TIMEOUT)
        rec.add(f"tt fmt --check, 10.000 nhiệm vụ ({label})", m, "tt validate, cùng tệp", v10k,
                "≤ 3 s, bộ nhớ ≤ 2× validate",
                lambda m: m.median <= 3 and v10k is not None and m.peak_mib <= 2 * v10k.peak_mib)
    from bench_diff import edited

    other = work / "p10k-b" / "2024.yaml"
    other.parent.mkdir(parents=True)
    other.write_text(edited(p10k.read_text("utf-8")), encoding="utf-8")
    shutil.copy(p10k.parent / "units.yaml", other.parent / "units.yaml")
    m = rec.measure([tt, "diff", str(p10k), str(other)], runs=3)
    rec.add("tt diff, hai kế hoạch 10.000 nhiệm vụ (~370 thay đổi)", m, "compose libyaml (1 tệp)", c10k, "≤ 1 s",
            lambda m: m.median <= 1)
    m = rec.measure([tt, "render", str(p10k), "--docx", "-o", str(work / "p10k.docx")], runs=3, ok=(0,))
    rec.add("tt render --docx, 10.000 dòng", m, "compose libyaml", c10k, "≤ 2 s, ≤ 250 MiB",
            lambda m: m.median <= 2 and m.peak_mib <= 250)


def issue14(rec: Record, work: Path, cache_opts, p10k, v10k) -> None:
    """The quadratic paths of issue 14, and a plan near the size limit (time and peak memory)."""
    tt = rec.tt
    line = long_line(work / "long")
    m = rec.measure([tt, "validate", *cache_opts, str(line)], runs=SLOW_RUNS, timeout=TIMEOUT)
    rec.add("tt validate, một dòng 2 MB (có lỗi chính tả ở cuối)", m, "compose libyaml",
            rec.measure(compose_cmd(line), runs=3), "< 2 s", lambda m: m.median < 2)
    com = commented(p10k)
    m = rec.measure([tt, "fmt", "--check", str(com)], runs=SLOW_RUNS, timeout=TIMEOUT)
    rec.add("tt fmt --check, 10.000 nhiệm vụ, mỗi nhiệm vụ một chú thích", m, "tt validate, 10.000 nhiệm vụ",
            v10k, "< 5 s", lambda m: m.median < 5)


def big(rec: Record, work: Path, cache_opts) -> None:
    """A plan near tt's 32 MiB limit: time and peak memory (issue 14)."""
    tt = rec.tt
    big = sized_plan(work / "p30m", 30)
    size = f"{big.stat().st_size / 1e6:.0f} MB"
    cbig = rec.measure(compose_cmd(big), runs=1)
    m = rec.measure([tt, "validate", *cache_opts, str(big)], runs=1, timeout=TIMEOUT)
    rec.add(f"tt validate, kế hoạch {size}", m, "compose libyaml", cbig)
    m = rec.measure([tt, "fmt", "--check", str(big)], runs=1, timeout=TIMEOUT)
    rec.add(f"tt fmt --check, kế hoạch {size}", m, "compose libyaml", cbig)
    m = rec.measure([tt, "render", str(big), "--docx", "-o", str(work / "p30m.docx")], runs=1, ok=(0,),
                    timeout=TIMEOUT)
    rec.add(f"tt render --docx, kế hoạch {size}", m, "compose libyaml", cbig)


def country(rec: Record, work: Path, cache_opts, jobs_opts) -> None:
    """34 provincial and 3,321 commune plans with their registries: cold, warm, one file changed."""
    tt = rec.tt
    root = work / "country"
    counts = generate.write_country(root)
    print(f"  (kho cả nước: {counts['provinces']} tỉnh, {counts['communes']} xã, {counts['files']} tệp, "
          f"{counts['bytes'] / 1e6:.0f} MB)", flush=True)

    def clear() -> None:
        shutil.rmtree(root / ".tt_cache", ignore_errors=True)

    ref = rec.measure([tt, "validate", *cache_opts, *jobs_opts], runs=1, cwd=root, warm_up=False, timeout=TIMEOUT)
    cold = rec.measure([tt, "validate"], runs=1, cwd=root, warm_up=False, before=clear, timeout=TIMEOUT)
    rec.add("tt validate, kho cả nước, lần đầu (bộ nhớ đệm trống)", cold, "tt validate -j 1 --no-cache", ref,
            "≤ 10 s, 2 lõi", lambda m: m.median <= 10)
    warm = rec.measure([tt, "validate"], runs=SLOW_RUNS, cwd=root, warm_up=False, timeout=TIMEOUT)
    rec.add("tt validate, kho cả nước, chạy lại (không đổi gì)", warm, "lần đầu", cold)
    changed = iter(sorted(root.glob("plans/*/*/2027.yaml")))

    def touch() -> None:
        path = next(changed)
        path.write_text(path.read_text("utf-8") + "# đã sửa\n", encoding="utf-8")

    one = rec.measure([tt, "validate"], runs=SLOW_RUNS, cwd=root, warm_up=False, before=touch, timeout=TIMEOUT)
    rec.add("tt validate, kho cả nước, chạy lại sau khi sửa 1 tệp", one, "lần đầu", cold, "≤ 1 s",
            lambda m: m.median <= 1)


if __name__ == "__main__":
    main()
