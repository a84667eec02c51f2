"""The library API (giao diện thư viện): what a program other than the CLI uses — a web form, a bot.

    load (a path, bytes or text) → lint (with a registry and a configuration) → render (.docx bytes)
                                 → diff (two plans, from bytes)            → rules (the catalogue)

Nothing here raises on bad input: what is wrong comes back as located
:class:`~tuyentruyen.problems.Problem` s (a file that cannot be read, an alias cycle, a
tt.toml that cannot be used, a template that fails). Exceptions are left for misuse of the
API itself (a wrong argument type). docs/api.md has runnable examples (the tests run them).

::

    from tuyentruyen import api

    loaded = api.load_plan_bytes(data, "ke-hoach.yaml")
    registry = api.load_registry("plans/units.yaml")
    problems = loaded.problems + api.lint(loaded, registry=registry)
    rendered = api.render_docx(loaded)           # rendered.data: the .docx bytes
    diff = api.diff(old_bytes, new_bytes)        # diff.changes, diff.exit_code
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Union

from tuyentruyen.diff.model import PlanDiff
from tuyentruyen.errors import TTError, UsageError
from tuyentruyen.loading.documents import (
    Loaded,
    LoadedPlan,
    LoadedRegistry,
    load_plan,
    load_plan_bytes,
    load_plan_text,
    load_registry,
    load_registry_bytes,
)
from tuyentruyen.model import Plan, Registry
from tuyentruyen.problems import Fix, Problem, Severity, exit_code
from tuyentruyen.project.config import DEFAULT as DEFAULT_CONFIG
from tuyentruyen.project.config import Config, ConfigError, config_for, load_config
from tuyentruyen.project.discover import (
    PLANS_DIR,
    REGISTRY_NAMES,
    YAML_SUFFIXES,
    discover,
    find_project_root,
    is_registry_file,
)

__all__ = [
    "DEFAULT_CONFIG", "PLANS_DIR", "REGISTRY_NAMES", "YAML_SUFFIXES",
    "Config", "ConfigError", "Fix", "Loaded", "LoadedPlan", "LoadedRegistry", "Plan", "PlanDiff", "Problem", "Registry",
    "Rendered", "Report", "RuleInfo", "Severity", "TTError", "UsageError",
    "check_files", "config_for", "diff", "discover", "exit_code", "find_project_root", "find_registry",
    "is_registry_file", "lint", "load_config", "load_plan", "load_plan_bytes", "load_plan_text", "load_registry",
    "load_registry_bytes", "relative", "render_docx", "rules",
]

RegistryArg = Union[LoadedRegistry, Registry, str, Path, None]
PlanArg = Union[LoadedPlan, bytes, str, Path]


# ---------------------------------------------------------------- finding files


def find_registry(plan_path: str | Path, plan: Plan | None = None, config: Config | None = None) -> Path | None:
    """The unit registry of a plan: its `units:` key, else tt.toml's `units`, else units.yaml
    in the plan's folder or a parent folder (tuyentruyen.project.discover)."""
    from tuyentruyen.project.discover import find_registry as find

    return find(Path(plan_path), plan.units if plan is not None else None, config)[0]


def relative(path: Path) -> str:
    """A path as shown to the user: relative to the current folder when possible."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- lint


def _registry_state(registry: RegistryArg, loaded: LoadedPlan, config: Config):
    from tuyentruyen.project.registry import RegistryState, index_registry, read_registry, registry_for

    if registry is None:
        return registry_for(loaded.path, loaded.plan, config)
    if isinstance(registry, (str, Path)):
        return read_registry(Path(registry))
    if isinstance(registry, LoadedRegistry):
        if registry.registry is None:
            first = next((p for p in registry.problems if p.severity is Severity.ERROR or p.fatal), None)
            detail = f"{first.file}:{first.line}:{first.col}: {first.message}" if first else ""
            return RegistryState(path=registry.path, why="invalid", detail=detail, display=registry.display)
        return RegistryState(index=index_registry(registry.registry), path=registry.path, display=registry.display)
    if isinstance(registry, Registry):
        return RegistryState(index=index_registry(registry), path=None, display="<sổ đơn vị>")
    raise TypeError(f"registry: expected LoadedRegistry, Registry, a path or None, not {type(registry).__name__}")


def lint(loaded: LoadedPlan, *, registry: RegistryArg = None, config: Config | None = None) -> list[Problem]:
    """The lint problems of a loaded plan (none when it did not validate: see ``loaded.problems``).

    registry: the unit registry to resolve names with (a LoadedRegistry, a Registry model, a path,
    or None for the plan's own, found as the CLI finds it); config: a Config (None: the plan's
    tt.toml, or tt's defaults for a plan that is not a file). A configuration that cannot be
    used comes back as one fatal TT-K001 problem.
    """
    from tuyentruyen.rules import lint_loaded

    if loaded.plan is None:
        return []
    try:
        cfg = config if config is not None else (config_for(loaded.path) if loaded.path.exists() else DEFAULT_CONFIG)
        problems = lint_loaded(loaded, cfg, _registry_state(registry, loaded, cfg))
    except TTError as exc:
        return [exc.to_problem()]
    problems.sort(key=lambda p: p.sort_key)
    return problems


@dataclass(frozen=True)
class RuleInfo:
    """A lint rule of the catalogue: its code, Vietnamese title, default severity, documentation."""

    code: str
    title: str
    severity: Severity
    default: bool
    fixable: bool
    doc: str


def rules() -> list[RuleInfo]:
    """Every lint rule, in code order."""
    from tuyentruyen.rules import all_rules

    return [RuleInfo(r.code, r.title, r.severity, r.default, r.fixable, r.doc) for r in all_rules()]


# ---------------------------------------------------------------- checking many files


@dataclass
class Report:
    files: list[Loaded]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def exit_code(self) -> int:
        return exit_code(self.problems)


def check_files(paths: Iterable[str | Path], *, schema_only: bool = False, config: Config | None = None) -> Report:
    """Validate every file (plans and registries) and, unless schema_only, lint the plans.

    config: a Config for every plan; None finds each plan's tt.toml.
    """
    from tuyentruyen.check import check_files as run

    return Report(run([Path(p) for p in paths], schema_only=schema_only, config=config))


# ---------------------------------------------------------------- render


@dataclass
class Rendered:
    """The .docx of a plan (``data``), or why it could not be made (``problems``)."""

    data: bytes | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None


def _as_loaded(plan: PlanArg, display: str) -> LoadedPlan:
    if isinstance(plan, LoadedPlan):
        return plan
    if isinstance(plan, bytes):
        return load_plan_bytes(plan, display)
    if isinstance(plan, (str, Path)):
        return load_plan(plan)
    raise TypeError(f"plan: expected LoadedPlan, bytes or a path, not {type(plan).__name__}")


def render_docx(plan: PlanArg, *, config: Config | None = None) -> Rendered:
    """The official .docx of a plan as bytes (tuyentruyen.render), or the problems that prevent it."""
    from tuyentruyen.render import render_bytes

    loaded = _as_loaded(plan, "<kế hoạch>")
    if loaded.plan is None:
        return Rendered(None, [p for p in loaded.problems if p.severity is Severity.ERROR or p.fatal])
    try:
        cfg = config if config is not None else (config_for(loaded.path) if loaded.path.exists() else DEFAULT_CONFIG)
        return Rendered(render_bytes(loaded.plan, cfg, find_project_root(loaded.path)))
    except TTError as exc:
        return Rendered(None, [exc.to_problem()])


# ---------------------------------------------------------------- diff


def diff(old: PlanArg, new: PlanArg, *, old_registry: RegistryArg = None, new_registry: RegistryArg = None) -> PlanDiff:
    """The semantic diff of two plans (tuyentruyen.diff): tasks added, removed, moved, changed.

    A side that cannot be read gives a PlanDiff with status "error" and its problems.
    Registries: as for :func:`lint` (None: each plan's own, when it is a file).
    """
    from tuyentruyen.diff.compare import compare_sides
    from tuyentruyen.diff.load import side_from_loaded

    sides = []
    for value, registry, name in ((old, old_registry, "<bản cũ>"), (new, new_registry, "<bản mới>")):
        loaded = _as_loaded(value, name)
        state = None
        if loaded.plan is not None and (registry is not None or loaded.path.exists()):
            try:
                cfg = config_for(loaded.path) if loaded.path.exists() else DEFAULT_CONFIG
                state = _registry_state(registry, loaded, cfg)
            except TTError:
                state = None
        sides.append(side_from_loaded(loaded, state))
    return compare_sides(*sides)
