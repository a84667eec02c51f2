"""Reading the two sides of a comparison: a file, or a file's bytes at a git revision.

Both go through the pipeline every command shares (read → YAML → `Plan` model); a side
that cannot be read is an error (exit 2) with its located problems, except in one case:
when the only problem is tasks without an `id` (an older plan, or one typed before ids
were required), the side is loaded anyway with those ids left empty, and its tasks are
matched by content ("khớp theo nội dung").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.loading.documents import LoadedPlan, load_plan, load_plan_bytes
from tuyentruyen.loading.yamlpos import gc_paused as _gc_paused
from tuyentruyen.problems import Problem, Severity
from tuyentruyen.project.registry import RegistryState

# a synthetic id never written by a clerk (a Slug starts with a letter or digit; this one
# starts with '0' and holds '.noid.'), removed again before comparing
_NOID = "0.noid."


@dataclass
class Side:
    display: str
    path: Path  # the plan's path in the work tree (for a revision: where it would be)
    rev: str | None = None
    loaded: LoadedPlan | None = None
    data: dict | None = None  # Plan.model_dump(mode="json"), ids of id-less tasks as None
    missing_ids: int = 0
    units: object | None = None  # tuyentruyen.vn.units.UnitIndex of the side's registry
    registry_display: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.data is not None

    @property
    def problems(self) -> list[Problem]:
        return self.loaded.problems if self.loaded is not None else []

    @property
    def year(self) -> int | None:
        return (self.data or {}).get("plan", {}).get("year")


def _task_id_path(path: tuple) -> bool:
    return (len(path) == 6 and path[:2] == ("appendix", "groups") and path[3] == "tasks" and path[5] == "id") or \
        (len(path) == 4 and path[:2] == ("appendix", "tasks") and path[3] == "id")


def _only_missing_ids(loaded: LoadedPlan) -> list[tuple]:
    """The task paths whose only fault is a missing id, or [] when anything else is wrong."""
    if loaded.yaml is None or any(p.fatal for p in loaded.problems):
        return []
    errors = [p for p in loaded.problems if p.severity is Severity.ERROR and p.code.startswith("TT-S")]
    if not errors or not all(_task_id_path(tuple(p.path)) for p in errors):
        return []
    data = loaded.yaml.data
    out = []
    for p in errors:
        node = data
        try:
            for key in p.path[:-1]:
                node = node[key]
        except (KeyError, IndexError, TypeError):
            return []
        if not isinstance(node, dict) or node.get("id") not in (None, ""):
            return []  # an id that is written but wrong is an error to fix, not a missing id
        out.append(tuple(p.path[:-1]))
    return out


def _lenient(loaded: LoadedPlan, task_paths: list[tuple]) -> tuple[object, int]:
    """Validate again with synthetic ids in the id-less tasks; the caller blanks them after dumping.

    The ids are written into the loaded data itself: it is read only here, and dropped after.
    """
    from tuyentruyen import model

    data = loaded.yaml.data
    for n, path in enumerate(task_paths):
        node = data
        for key in path:
            node = node[key]
        node["id"] = f"{_NOID}{n}"
    with _gc_paused():
        return model.Plan.model_validate(data), len(task_paths)


RegistryReader = Callable[[Path, object], RegistryState]


def finish(side: Side, read_registry: RegistryReader | None = None, state: RegistryState | None = None) -> Side:
    """Turn side.loaded into side.data (lenient about missing ids), and read its unit registry
    (state, or read_registry(path, plan))."""
    loaded = side.loaded
    plan = loaded.plan
    if plan is None:
        paths = _only_missing_ids(loaded)
        if not paths:
            return side
        try:
            plan, side.missing_ids = _lenient(loaded, paths)
        except Exception:  # noqa: BLE001 - another fault behind the missing ids: report the problems
            return side
        loaded.problems = [p for p in loaded.problems if not _task_id_path(tuple(p.path))]
    data = plan.model_dump(mode="json")
    if side.missing_ids:
        app = data["appendix"]
        for group in app["groups"] or [{"tasks": app["tasks"]}]:
            for task in group["tasks"]:
                if task["id"].startswith(_NOID):
                    task["id"] = None
    side.data = data
    if state is None and read_registry is not None:
        state = read_registry(side.path, plan)
    if state is not None and state.index is not None:
        side.units, side.registry_display = state.index, state.display
    # the node tree and the models of a 10,000-task plan are a million objects the comparison
    # no longer needs: freed now, their memory serves the other side instead of growing the heap
    loaded.yaml = None
    loaded.plan = None
    return side


def registry_from_worktree(plan_path: Path, plan) -> RegistryState:
    """The registry the plan has in the work tree: the lookup every command uses."""
    from tuyentruyen.project.registry import registry_for

    return registry_for(plan_path, plan)


def side_from_loaded(loaded: LoadedPlan, state: RegistryState | None = None) -> Side:
    """A side from a plan loaded elsewhere (the library API), with its registry (or none)."""
    return finish(Side(loaded.display, loaded.path, loaded=loaded), state=state or RegistryState(why="missing"))


def load_file(path: str | Path) -> Side:
    path = Path(path)
    loaded = load_plan(path)
    side = Side(loaded.display, path, loaded=loaded)
    return finish(side, registry_from_worktree)


def load_bytes(data: bytes, path: Path, rev: str, shown: str, read_registry: RegistryReader) -> Side:
    loaded = load_plan_bytes(data, shown, path)
    side = Side(shown, path, rev=rev, loaded=loaded)
    return finish(side, read_registry)
