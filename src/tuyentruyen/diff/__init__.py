"""Semantic diff of plans (so sánh kế hoạch): what a change does to the plan, not to YAML lines.

The pipeline, one module each:

    load (two sides: files, or a file at a git revision — git.py, load.py)
      → match (tasks by id, then content — match.py)
      → compare (change records — compare.py, model.py)
      → report (report_text.py, report_markdown.py, report_json.py, docx.py)

`apply.py` applies a change list to a plan's data; the property tests use it to prove
that a diff reports every change and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from tuyentruyen.diff.model import Change, FieldChange, PlanDiff, SideInfo

__all__ = ["Change", "FieldChange", "PlanDiff", "SideInfo", "compare_files", "diff_data"]


def compare_files(old: str | Path, new: str | Path) -> PlanDiff:
    """Compare two plan files (each with its own unit registry, if it has one)."""
    from tuyentruyen.diff.compare import compare_sides
    from tuyentruyen.diff.load import load_file

    return compare_sides(load_file(old), load_file(new))


def diff_data(old: dict, new: dict, old_registry=None, new_registry=None) -> list[Change]:
    """The changes between two plans given as `Plan.model_dump(mode="json")` data."""
    from tuyentruyen.diff.compare import Context, compare_data, time_parser
    from tuyentruyen.diff.units import pair
    from tuyentruyen.project.registry import index_registry

    old_units, new_units = pair(index_registry(old_registry), index_registry(new_registry))
    ctx = Context(old_units, new_units, old["plan"].get("year"), new["plan"].get("year"), time_parser())
    return compare_data(old, new, ctx)[0]
