"""`make bench`: run every benchmark script (benchmarks/bench_*.py) and print their tables, then the
record of issue 16 (benchmarks/record.py: every row of its table, with the reference commands
measured in the same run, as ratios).

    python benchmarks/run.py            # everything
    python benchmarks/run.py --record   # only the record
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    if "--record" not in sys.argv[1:]:
        for script in sorted(HERE.glob("bench_*.py")):
            print(f"\n## {script.name}\n", flush=True)
            subprocess.run([sys.executable, str(script)], check=False)
    print("\n## record.py (issue 16)\n", flush=True)
    subprocess.run([sys.executable, str(HERE / "record.py")], check=False)
