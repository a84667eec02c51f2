"""A plan at work, loaded once (kế hoạch đang triển khai): the plan, its registry, its configuration,
its work items and, when there is one, its progress file.

The commands give plans or progress files (or nothing: every plan under plans/); a progress
file stands for its plan (:func:`tuyentruyen.project.discover.plan_path_for`) and a plan
finds its progress file beside it (:func:`~tuyentruyen.project.discover.progress_path_for`).
Everything goes through the one loader (:mod:`tuyentruyen.loading.documents`); what cannot
be read is returned with its located problems, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.work.assign import Assigner
from tuyentruyen.work.items import WorkItem, work_items


@dataclass
class PlanAtWork:
    loaded: object  # LoadedPlan (valid)
    config: object  # Config
    registry: object  # RegistryState
    items: list[WorkItem]
    assigner: Assigner
    progress: object | None = None  # LoadedProgress, valid or not
    notes: list[str] = field(default_factory=list)

    @property
    def plan(self):
        return self.loaded.plan

    @property
    def path(self) -> Path:
        return self.loaded.path

    @property
    def display(self) -> str:
        return self.loaded.display

    @property
    def index(self):
        return self.registry.index

    @property
    def entries(self) -> dict:
        """The progress entries by task key ({} without a valid progress file)."""
        model = getattr(self.progress, "progress", None)
        return dict(model.tasks) if model is not None else {}


def _usable(loaded) -> bool:
    return getattr(loaded, "ok", False) and not loaded.fatal


def open_plan(plan_path: Path, progress_path: Path | None = None, *, with_progress: bool = True):
    """A PlanAtWork, or the Loaded result that could not be used (its problems say why)."""
    from tuyentruyen.loading.documents import load_plan, load_progress
    from tuyentruyen.project.config import config_for
    from tuyentruyen.project.discover import progress_path_for
    from tuyentruyen.project.registry import registry_for

    loaded = load_plan(plan_path)
    if loaded.plan is None or not _usable(loaded):
        return loaded
    config = config_for(plan_path)
    registry = registry_for(plan_path, loaded.plan, config)
    items = work_items(loaded.plan)
    work = PlanAtWork(loaded, config, registry, items, Assigner(items, registry.index))
    if with_progress:
        progress_path = progress_path or progress_path_for(plan_path)
        if progress_path is not None:
            work.progress = load_progress(progress_path)
    return work


def open_inputs(paths: list[str] | None, *, with_progress: bool = True) -> tuple[list[PlanAtWork], list]:
    """The plans the paths name (progress files stand for their plans; nothing: plans/), and the
    files that could not be used. Raises TTError (usage: no plan found) like `discover`."""
    from tuyentruyen.loading.documents import load_progress
    from tuyentruyen.project.discover import discover, is_progress_file, is_registry_file, plan_path_for

    pairs: dict[Path, Path | None] = {}
    broken: list = []
    for f in discover(paths, include_registries=False):
        if is_registry_file(f):
            continue
        if is_progress_file(f):
            lp = load_progress(f)
            named = lp.progress.plan if lp.progress is not None else None
            if lp.progress is None and lp.fatal:
                broken.append(lp)
                continue
            pairs[plan_path_for(f, named).resolve()] = f
        else:
            pairs.setdefault(f.resolve(), None)
    out: list[PlanAtWork] = []
    for plan_path, progress_path in pairs.items():
        got = open_plan(_shown_path(plan_path), progress_path, with_progress=with_progress)
        if isinstance(got, PlanAtWork):
            out.append(got)
        else:
            broken.append(got)
    return out, broken


def _shown_path(resolved: Path) -> Path:
    """A resolved path made relative to the current folder when under it (messages show it so)."""
    try:
        return resolved.relative_to(Path.cwd().resolve())
    except ValueError:
        return resolved
