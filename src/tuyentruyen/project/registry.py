"""A plan's unit registry (sổ đơn vị của kế hoạch), found and read once for every command.

:func:`registry_for` is what validate, lint, diff, render, new, units and fmt ask: the
registry a plan names, or why it has none (missing, not found, invalid), already indexed
for resolving names (:class:`tuyentruyen.vn.units.UnitIndex`). A registry file is read
once per run and kept by its path, modification time and size.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from tuyentruyen.project.discover import find_registry


@dataclass
class RegistryState:
    """The plan's unit registry, or why there is none (for TT-R011)."""

    index: object | None = None  # tuyentruyen.vn.units.UnitIndex
    path: Path | None = None
    why: str | None = None  # missing, not-found, invalid
    detail: str | None = None
    source_path: tuple | None = None  # ("units",) when the plan named it
    display: str | None = None
    named_by: str = "nearby"  # plan, config, nearby

    @property
    def registry(self):
        return getattr(self.index, "registry", None)


@functools.lru_cache(maxsize=32)
def _read(path: Path, mtime_ns: int, size: int):
    from tuyentruyen.loading.documents import load_registry
    from tuyentruyen.vn.units import UnitIndex

    loaded = load_registry(path)
    if loaded.registry is None:
        first = next((p for p in loaded.problems if p.severity.value == "error" or p.fatal), None)
        return None, (f"{first.file}:{first.line}:{first.col}: {first.message}" if first else ""), loaded.display
    return UnitIndex(loaded.registry), None, loaded.display


def index_registry(registry):
    """A UnitIndex for a registry model read elsewhere (bytes from git, an upload)."""
    from tuyentruyen.vn.units import UnitIndex

    return UnitIndex(registry) if registry is not None else None


def read_registry(path: Path, source_path: tuple | None = None, named_by: str = "nearby") -> RegistryState:
    """The registry at path, indexed (cached by path, modification time and size)."""
    try:
        st = path.stat()
    except OSError:
        return RegistryState(path=path, why="not-found", source_path=source_path, named_by=named_by)
    index, detail, display = _read(path.resolve(), st.st_mtime_ns, st.st_size)
    if index is None:
        return RegistryState(path=path, why="invalid", detail=detail, source_path=source_path, display=display,
                             named_by=named_by)
    return RegistryState(index=index, path=path, source_path=source_path, display=display, named_by=named_by)


def registry_for(plan_path: Path, plan=None, config=None) -> RegistryState:
    """The registry of the plan at plan_path (plan: its model, for its `units:` key)."""
    from tuyentruyen.project.discover import outside_repository

    units = getattr(plan, "units", None)
    path, named_by = find_registry(Path(plan_path), units, config)
    if path is None:
        return RegistryState(why="missing")
    if named_by != "nearby" and outside_repository(path, Path(plan_path), config):
        return RegistryState(path=path, why="outside", source_path=("units",) if named_by == "plan" else None,
                             named_by=named_by)
    return read_registry(path, ("units",) if named_by == "plan" else None, named_by)
