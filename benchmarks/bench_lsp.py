"""Benchmark of `tt lsp` as an editor uses it (issue 15): how soon the diagnostics of a change
arrive, and whether the editor is ever kept waiting on a 10,000-task plan.

    python benchmarks/bench_lsp.py

Measured over stdio with the tests' JSON-RPC client (tests/editor/lspclient.py), on a warm server:

- diagnostics latency: from sending a didChange (one character typed, incremental) to receiving
  the publishDiagnostics of that version, on each sample plan. Target: 150 ms.
- on a 10,000-task plan (benchmarks/generate.py): the latency of the same; the answer time of
  hover and completion requests sent every 50 ms while the rules run (the editor must never
  wait); a burst of 20 keystrokes 30 ms apart: how many analyses ran and that only the last
  version's diagnostics were published.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from generate import write_plan  # noqa: E402
from tests.editor.lspclient import LspClient, position_of  # noqa: E402

TT = str(Path(sys.executable).parent / "tt")


def start(root: Path) -> LspClient:
    client = LspClient([TT, "lsp"], cwd=root)
    client.initialize(root)
    return client


def typing(client: LspClient, uri: str, text: str, version: int, needle: str) -> tuple[float, int]:
    """Type one letter after needle; (seconds until that version's diagnostics, next version)."""
    line, ch = position_of(text, needle, offset=len(needle))
    mark = client.mark()
    t0 = time.perf_counter()
    client.change(uri, version, [{"range": {"start": {"line": line, "character": ch},
                                            "end": {"line": line, "character": ch}}, "text": "x"}])
    client.diagnostics(uri, after=mark, version=version, timeout=120)
    return time.perf_counter() - t0, version + 1


def sample_latency(plan: Path, runs: int = 15) -> tuple[float, float]:
    client = start(ROOT)
    try:
        text = plan.read_text(encoding="utf-8")
        mark = client.mark()
        uri = client.open(plan, text)
        client.diagnostics(uri, after=mark, timeout=120)
        needle = next(line for line in text.splitlines() if line.strip().startswith(("content:", "title:")))
        version, times = 2, []
        for _ in range(runs):
            elapsed, version = typing(client, uri, text, version, needle)
            text = text.replace(needle, needle + "x", 1)
            needle += "x"
            times.append(elapsed)
        return statistics.median(times), max(times)
    finally:
        client.close()


def big_plan(n: int = 10000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plan = write_plan(n, Path(tmp) / "plans" / "plan.yaml")
        root = Path(tmp)
        client = start(root)
        try:
            text = plan.read_text(encoding="utf-8")
            print(f"\nKế hoạch {n:,} nhiệm vụ: {len(text) / 1e6:.1f} MB, {text.count(chr(10)):,} dòng")
            t0 = time.perf_counter()
            mark = client.mark()
            uri = client.open(plan, text)
            client.diagnostics(uri, after=mark, timeout=300)
            print(f"  mở tệp → chẩn đoán đầu tiên: {time.perf_counter() - t0:.2f} s")
            t0 = time.perf_counter()
            subprocess.run([TT, "validate", str(plan)], capture_output=True, cwd=root)
            print(f"  (cùng tệp, cùng máy: `tt validate` cả tiến trình {time.perf_counter() - t0:.2f} s)")
            needle = next(line for line in text.splitlines() if line.strip().startswith("content:"))

            # requests while a run is under way
            waits: list[float] = []
            stop = threading.Event()
            hover_at = position_of(text, "due:", occurrence=5000, offset=6)

            def ask():
                while not stop.is_set():
                    t = time.perf_counter()
                    client.hover(uri, *hover_at)
                    waits.append(time.perf_counter() - t)
                    t = time.perf_counter()
                    client.completion(uri, *hover_at)
                    waits.append(time.perf_counter() - t)
                    time.sleep(0.05)

            asker = threading.Thread(target=ask)
            asker.start()
            elapsed, version = typing(client, uri, text, 2, needle)
            stop.set()
            asker.join()
            print(f"  gõ một chữ → chẩn đoán của phiên bản đó: {elapsed:.2f} s")
            print(f"  rê chuột / gợi ý trong lúc soát lỗi: {len(waits)} yêu cầu, trung vị "
                  f"{1000 * statistics.median(waits):.0f} ms, lâu nhất {1000 * max(waits):.0f} ms")

            # a burst of keystrokes: coalesced, only the last version published
            text = text.replace(needle, needle + "x", 1)
            needle += "x"
            line, ch = position_of(text, needle, offset=len(needle))
            mark = client.mark()
            t0 = time.perf_counter()
            for i in range(20):
                client.change(uri, version + i, [{"range": {"start": {"line": line, "character": ch + i},
                                                            "end": {"line": line, "character": ch + i}},
                                                  "text": "y"}])
                time.sleep(0.03)
            last = version + 19
            client.diagnostics(uri, after=mark, version=last, timeout=300)
            published = [m for m in client.notifications[mark:] if m["method"] == "textDocument/publishDiagnostics"
                         and m["params"]["uri"] == uri]
            print(f"  20 phím gõ cách nhau 30 ms → {len(published)} lần công bố chẩn đoán "
                  f"(phiên bản {[m['params']['version'] for m in published]}), "
                  f"{time.perf_counter() - t0:.2f} s tới chẩn đoán của phím cuối")
        finally:
            client.close()


def main() -> None:
    print("| kế hoạch mẫu | trung vị (ms) | lâu nhất (ms) | mục tiêu (ms) |")
    print("|---|---:|---:|---:|")
    for plan in sorted((ROOT / "plans").glob("*/20*.yaml")):
        if plan.name.endswith(".progress.yaml"):
            continue
        med, worst = sample_latency(plan)
        mark = "✓" if med <= 0.150 else "✗"
        print(f"| {plan.relative_to(ROOT)} | {1000 * med:.0f} | {1000 * worst:.0f} | 150 {mark} |")
    big_plan()


if __name__ == "__main__":
    main()
