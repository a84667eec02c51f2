"""Finding things in a plans repository (kho kế hoạch): its root, its plans, a plan's unit registry.

- the repository root: the nearest folder, from the current one upwards, holding tt.toml
  or a plans/ folder;
- the files a command works on: the paths given (folders searched for .yaml), or every
  file under plans/;
- a plan's unit registry, the one lookup every command uses (validate, lint, diff, render,
  new, units, fmt): the plan's own ``units:`` key → tt.toml's ``units`` → units.yaml in the
  plan's folder or a parent folder, up to the repository root. :func:`registry_candidates`
  states that order for paths that need not exist on disk (a plan at a git revision).
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path, PurePosixPath

from tuyentruyen.errors import UsageError

PLANS_DIR = "plans"
REGISTRY_NAMES = ("units.yaml", "units.yml")
YAML_SUFFIXES = (".yaml", ".yml")


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest directory, from start upwards, that has tt.toml or a plans/ folder."""
    here = (start or Path.cwd()).resolve()
    if not here.is_dir():
        here = here.parent
    for d in (here, *here.parents):
        if (d / "tt.toml").is_file() or (d / PLANS_DIR).is_dir():
            return d
    return None


def is_registry_file(path: Path | str) -> bool:
    name = Path(path).name
    return name in REGISTRY_NAMES or name.endswith((".units.yaml", ".units.yml"))


PROGRESS_SUFFIXES = (".progress.yaml", ".progress.yml")


def is_progress_file(path: Path | str) -> bool:
    """A progress file (tệp tiến độ) beside its plan: 2024.progress.yaml."""
    return Path(path).name.endswith(PROGRESS_SUFFIXES)


def plan_path_for(progress_path: Path, named: str | None = None) -> Path:
    """The plan a progress file follows: its `plan:` key (relative to it), else the same name
    without '.progress' (2024.progress.yaml → 2024.yaml, or .yml when only that exists)."""
    progress_path = Path(progress_path)
    if named:
        return progress_path.parent / named
    stem = progress_path.name
    for suffix in PROGRESS_SUFFIXES:
        if stem.endswith(suffix):
            stem = stem[: -len(suffix)]
    first = progress_path.with_name(stem + ".yaml")
    other = progress_path.with_name(stem + ".yml")
    return other if not first.is_file() and other.is_file() else first


def progress_path_for(plan_path: Path) -> Path | None:
    """The progress file beside a plan (2024.yaml → 2024.progress.yaml), if there is one."""
    plan_path = Path(plan_path)
    for suffix in PROGRESS_SUFFIXES:
        candidate = plan_path.with_name(plan_path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def discover(paths: list[str] | None, *, include_registries: bool = True) -> list[Path]:
    """The files a command works on: the paths given (folders searched), or plans/ of the project."""
    if not paths:
        root = find_project_root()
        if root is None:
            raise UsageError("Không tìm thấy thư mục plans/ ở thư mục hiện tại hay các thư mục cha.",
                             "Chạy lệnh trong kho kế hoạch, hoặc chỉ rõ tệp: `tt validate plans/2024.yaml`.")
        paths = [str(root / PLANS_DIR)]
    found: list[Path] = []
    for given in paths:
        p = Path(given)
        if p.is_dir():
            files = []
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:  # strings first: a Path only for a file that is kept
                    full = os.path.join(dirpath, name)
                    if (os.path.splitext(name)[1] in YAML_SUFFIXES and not name.startswith(".")
                            and os.path.isfile(full)):
                        files.append(Path(full))
            files.sort()
            found.extend(f for f in files if include_registries or not is_registry_file(f))
        else:
            found.append(p)  # a missing file is reported by the loader, with the others
    if not found:
        raise UsageError(f"Không có tệp kế hoạch (.yaml) nào trong {', '.join(paths)}.",
                         "Tạo một kế hoạch bằng `tt new`, hoặc chỉ rõ đường dẫn tệp.")
    return found


def registry_candidates(plan_dir: PurePosixPath, plan_units: str | None, config_units: str | None,
                        stop: PurePosixPath | None = None) -> tuple[list[str], str]:
    """The registry paths to try for a plan in plan_dir, in order, and where the first came from
    ('plan', 'config' or 'nearby'). Paths are POSIX, relative to the same root as plan_dir;
    config_units is relative to that root too. The nearby search stops at stop (inclusive)."""
    if plan_units:
        return [posixpath.normpath(str(plan_dir / plan_units))], "plan"
    if config_units:
        return [posixpath.normpath(config_units)], "config"
    dirs: list[PurePosixPath] = []
    for d in (plan_dir, *plan_dir.parents):
        dirs.append(d)
        if stop is not None and d == stop:
            break
    return [posixpath.normpath(str(d / name)) for d in dirs for name in REGISTRY_NAMES], "nearby"


def find_registry(plan_path: Path, plan_units: str | None = None, config=None) -> tuple[Path | None, str]:
    """The unit registry of a plan in the work tree, and where it was named ('plan', 'config',
    'nearby'; (None, 'nearby') when there is none). config: the plan's tuyentruyen.project.config.Config
    (None: found from the plan's folder)."""
    if config is None:
        from tuyentruyen.project.config import ConfigError, config_for

        try:
            config = config_for(plan_path)
        except ConfigError:
            config = None  # reported by the commands that read the configuration
    if plan_units:
        return Path(plan_path).parent / plan_units, "plan"
    if config is not None and config.units is not None:
        return config.units, "config"
    here = Path(plan_path).resolve().parent
    stop: Path | None | bool = False  # the repository root, looked for only when the plan's folder has no registry
    for d in (here, *here.parents):
        for name in REGISTRY_NAMES:
            if (d / name).is_file():
                return d / name, "nearby"
        if stop is False:
            stop = find_project_root(here)
        if stop is not None and d == stop:
            break
    return None, "nearby"


def outside_repository(registry: Path, plan_path: Path, config=None) -> bool:
    """True when a registry a plan names lies outside the plan's repository and tt.toml does not
    allow that folder (`allow-units-outside`): a plan under review must not make tt read (and
    quote in its messages) a file from elsewhere on the machine running it."""
    root = config.root if config is not None and config.root is not None else find_project_root(Path(plan_path).parent)
    if root is None:
        return False  # a plan in no repository: nothing to keep it inside
    target = Path(registry).resolve()
    allowed = [root.resolve(), *(Path(p).resolve() for p in (getattr(config, "units_outside", ()) or ()))]
    return not any(target == a or a in target.parents for a in allowed)
