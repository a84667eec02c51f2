"""Shell completion of plan paths (tự hoàn thành đường dẫn kế hoạch), for PATHS arguments.

`tt validate pl<Tab>` offers the plans of the repository: every .yaml under plans/ of the
project (found from the current folder upwards), filtered by what was typed. Kept light:
it runs on every Tab press, so it imports nothing heavy and reads no file.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_CANDIDATES = 200


def plan_paths(incomplete: str) -> list[str]:
    """Plan and registry files whose relative path starts with what was typed."""
    here = Path.cwd()
    root = next((d for d in (here, *here.parents) if (d / "plans").is_dir() or (d / "tt.toml").is_file()), None)
    found: list[str] = []
    folders = [root / "plans"] if root is not None and (root / "plans").is_dir() else []
    typed = Path(incomplete).parent if incomplete else None
    if typed is not None and str(typed) not in ("", ".") and typed.is_dir():
        folders.append(typed)
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.endswith((".yaml", ".yml")):
                    rel = os.path.relpath(os.path.join(dirpath, name))
                    if rel.startswith(incomplete) and rel not in found:
                        found.append(rel)
                        if len(found) >= MAX_CANDIDATES:
                            return found
    return found


def plan_files_only(incomplete: str) -> list[str]:
    """Like plan_paths, without the unit registries (units.yaml)."""
    return [p for p in plan_paths(incomplete) if not Path(p).name.startswith("units.")
            and not Path(p).name.endswith((".units.yaml", ".units.yml"))]


def registry_paths(incomplete: str) -> list[str]:
    """Unit registries and plans (a plan stands for its registry)."""
    return plan_paths(incomplete)
