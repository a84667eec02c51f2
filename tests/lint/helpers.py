"""Helpers of the lint tests: write a plan and its registry, lint it, read the problems."""

from __future__ import annotations

from pathlib import Path

from tuyentruyen import api
from tuyentruyen.project.config import Config
from tuyentruyen.rules import lint_loaded
from tuyentruyen.rules.docs import base_texts


def write_plan(folder: Path, plan_text: str, units_text: str | None = None, name: str = "plan.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(plan_text, encoding="utf-8")
    if units_text is None:
        units_text = base_texts()[1]
    if units_text:
        (folder / "units.yaml").write_text(units_text, encoding="utf-8")
    return path


def lint_path(path: Path, config: Config | None = None, *, select: tuple[str, ...] | None = None):
    """(schema problems, lint problems) of a plan file."""
    loaded = api.load_plan(path)
    if config is None:
        config = Config(select=select) if select else Config()
    lint = lint_loaded(loaded, config) if loaded.plan is not None else []
    return loaded.problems, lint


def codes(problems) -> list[str]:
    return sorted(p.code for p in problems)
