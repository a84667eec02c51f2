"""The check of many files (kiểm tra): every file loaded, every valid plan linted, problems sorted.

What `tt validate` and `tt lint` run, and `api.check_files`. One file that tt itself fails on
(an internal error) is reported as such, located at that file, and never hides the report of
the others.
"""

from __future__ import annotations

import os
from pathlib import Path

from tuyentruyen.errors import TTError
from tuyentruyen.loading.documents import Loaded, load_plan, load_registry
from tuyentruyen.loading.source import display_name
from tuyentruyen.problems import Problem
from tuyentruyen.project.discover import is_registry_file

INTERNAL = "TT-E005"


def internal_problem(display: str, what: str = "kiểm tra") -> Problem:
    """tt failed on this file: not the plan's fault; the user is asked to report it."""
    return Problem(INTERNAL, f"tt gặp lỗi nội bộ khi {what} tệp này; các tệp khác vẫn được {what}.", display, 1, 1,
                   fatal=True, hint="Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp này "
                                    "(đặt TT_DEBUG=1 để xem chi tiết).")


def load_file(path: Path) -> Loaded:
    """A plan or a registry (by its name), never raising."""
    try:
        return load_registry(path) if is_registry_file(path) else load_plan(path)
    except TTError:
        raise  # a setting of the whole run (TT_MAX_BYTES…): reported once, exit 2
    except Exception:  # noqa: BLE001 - isolate this file; the others are still checked
        if os.environ.get("TT_DEBUG"):
            raise
        shown = display_name(path)
        return Loaded(path, shown, problems=[internal_problem(shown, "đọc")])


def check_files(paths: list[Path], *, schema_only: bool = False, config=None) -> list[Loaded]:
    """Validate every file and, unless schema_only, lint the plans (config: one Config for all,
    None: each plan's tt.toml)."""
    results = [load_file(p) for p in paths]
    if not schema_only:
        from tuyentruyen.rules import lint_files

        results.extend(lint_files(results, config))
    for r in results:
        r.problems.sort(key=lambda p: p.sort_key)
    return results
