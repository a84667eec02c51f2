"""A small on-disk cache for data computed by a library that is slow to import.

The `holidays` library takes ~0.15 s to import and build Vietnam's calendar (lunar Tết),
more than half of `tt validate` on a typical plan. Its answer for given years only changes
when the library changes, so it is kept as JSON, keyed by the library's installed files
(found without importing it). A cache that cannot be read or written is simply skipped.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from typing import Callable


def cache_dir() -> Path:
    """$TT_CACHE_DIR, else $XDG_CACHE_HOME/tuyentruyen, else ~/.cache/tuyentruyen."""
    if os.environ.get("TT_CACHE_DIR"):
        return Path(os.environ["TT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tuyentruyen"


def library_stamp(module: str) -> str | None:
    """Identifies the installed version of a package without importing it (None: not installed)."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin:
        return None
    try:
        st = os.stat(spec.origin)
    except OSError:
        return None
    return f"{st.st_mtime_ns:x}-{st.st_size:x}"


def cached_json(name: str, library: str, compute: Callable[[], object]):
    """compute() once per installed version of `library`; later runs read it back from disk."""
    if os.environ.get("TT_NO_CACHE"):
        return compute()
    stamp = library_stamp(library)
    path = cache_dir() / f"{name}-{stamp}.json" if stamp else None
    if path is not None:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    value = compute()
    if path is not None:
        from tuyentruyen.project.files import WriteError, atomic_write_text

        try:
            atomic_write_text(path, json.dumps(value, ensure_ascii=False))
        except (OSError, WriteError):
            pass  # a cache that cannot be written is simply not kept
    return value
