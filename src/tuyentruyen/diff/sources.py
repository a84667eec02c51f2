"""Which plans to compare, from the command's arguments (nguồn so sánh).

    tt diff CŨ.yaml MỚI.yaml          two files
    tt diff PATH… --rev REV            each file at REV against the work tree
    tt diff PATH… --rev A..B           each file at A against B
    tt diff --rev A..B | A.. | REV     every plan that changed (under plans/, or the folders given)
    tt diff --rev A...B               as A..B, from the point where B left A (git merge-base)

A plan that is new at the newer side is reported as added, one that is gone as removed.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

from tuyentruyen.diff import git
from tuyentruyen.diff.compare import compare_sides, side_info
from tuyentruyen.diff.load import Side, load_bytes, load_file
from tuyentruyen.diff.model import PlanDiff
from tuyentruyen.errors import UsageError
from tuyentruyen.project.discover import (
    PLANS_DIR,
    find_project_root,
    is_progress_file,
    is_registry_file,
    registry_candidates,
)
from tuyentruyen.project.registry import RegistryState


class DiffUsageError(UsageError):
    """The arguments of tt diff do not name two plans to compare."""


def _registry_reader(root: Path, rev: str):
    """Read a plan's unit registry as it was at rev, by the lookup every command uses
    (tuyentruyen.project.discover.registry_candidates): its `units:` path, else tt.toml's
    `units`, else units.yaml up the tree."""

    def read(plan_path: Path, plan) -> RegistryState:
        from tuyentruyen.loading.documents import load_registry_bytes
        from tuyentruyen.project.config import ConfigError, config_for
        from tuyentruyen.project.registry import index_registry

        rel_dir = PurePosixPath(git.relative(root, plan_path)).parent
        try:
            config = config_for(plan_path)
        except ConfigError:
            config = None
        try:
            config_units = git.relative(root, config.units) if config is not None and config.units else None
        except git.GitError:
            config_units = None  # a registry outside the repository has no version at rev
        project = find_project_root(plan_path.parent) if plan_path.parent.exists() else None
        stop = PurePosixPath(git.relative(root, project)) if project is not None else None
        candidates, named_by = registry_candidates(rel_dir, plan.units if plan is not None else None,
                                                   config_units, stop)
        found = git.existing(root, rev, candidates)
        rel = next((c for c in candidates if c in found), None)
        if rel is None:
            return RegistryState(why="missing")
        data = git.show(root, rev, rel)
        if data is None:
            return RegistryState(why="not-found")
        loaded = load_registry_bytes(data, f"{rev}:{rel}", root / rel)
        if loaded.registry is None:
            return RegistryState(path=root / rel, why="invalid", display=loaded.display)
        return RegistryState(index=index_registry(loaded.registry), path=root / rel, display=loaded.display,
                             named_by=named_by)

    return read


def _side_at(root: Path, rev: str | None, rel: str) -> Side | None:
    """The plan rel at rev (None: the work tree); None when it does not exist there."""
    path = root / rel
    if rev is None:
        return load_file(path) if path.is_file() else None
    data = git.show(root, rev, rel)
    if data is None:
        return None
    return load_bytes(data, path, rev, f"{rev}:{rel}", _registry_reader(root, rev))


def _pair(root: Path, old_rev: str, new_rev: str | None, old_rel: str | None, new_rel: str | None) -> PlanDiff | None:
    old = _side_at(root, old_rev, old_rel) if old_rel else None
    new = _side_at(root, new_rev, new_rel) if new_rel else None
    if old is None and new is None:
        return None
    if old is None or new is None:
        present = new if old is None else old
        missing = Side(f"{old_rev}:{old_rel or new_rel}" if old is None else
                       (f"{new_rev}:{new_rel or old_rel}" if new_rev else str(new_rel or old_rel)),
                       root / (old_rel or new_rel or ""), rev=old_rev if old is None else new_rev)
        d = PlanDiff(side_info(old if old is not None else missing), side_info(new if new is not None else missing))
        d.status = "added" if old is None else "removed"
        if not present.ok:
            d.status = "error"
            d.error_files = [present.loaded]
            d.problems = list(present.problems)
        return d
    return compare_sides(old, new)


def _progress_pair(root: Path, old_rev: str, new_rev: str | None, rel: str):
    """A progress file at old_rev against new_rev (None: the work tree); None when in neither."""
    from tuyentruyen.diff.progress import compare_bytes
    from tuyentruyen.loading.documents import load_progress, load_progress_bytes

    path = root / rel
    old = git.show(root, old_rev, rel)
    if new_rev is None:
        if not path.is_file():
            return None if old is None else compare_bytes(old, f"{old_rev}:{rel}",
                                                          load_progress_bytes(b"as_of: 1900-01-01\n", rel, path), path)
        new = load_progress(path)
    else:
        data = git.show(root, new_rev, rel)
        if data is None and old is None:
            return None
        new = load_progress_bytes(data if data is not None else b"as_of: 1900-01-01\n", f"{new_rev}:{rel}", path)
    return compare_bytes(old, f"{old_rev}:{rel}", new, path)


def _split_rev(root: Path, rev: str) -> tuple[str, str | None]:
    if "..." in rev:
        a, b = rev.split("...", 1)
        b = b or "HEAD"
        git.check_rev(root, a)
        git.check_rev(root, b)
        return git.merge_base(root, a, b), b
    if ".." in rev:
        a, b = rev.split("..", 1)
        if not a:
            raise DiffUsageError(f"Thiếu phiên bản cũ trong '--rev {rev}'.",
                                 "Viết --rev A..B, ví dụ --rev HEAD~1..HEAD.")
        git.check_rev(root, a)
        if b:
            git.check_rev(root, b)
        return a, (b or None)
    git.check_rev(root, rev)
    return rev, None


def _default_pathspecs(root: Path, paths: list[str]) -> tuple[list[str], bool]:
    """Pathspecs for the changed-plans listing, and whether only folders named plans/ count."""
    if paths:
        return [git.relative(root, Path(p)) or "." for p in paths], False
    project = find_project_root() or root
    rel = git.relative(root, project / PLANS_DIR)
    return [rel], True


def collect(paths: list[str], rev: str | None) -> list[PlanDiff]:
    """The comparisons the arguments ask for; DiffUsageError or git.GitError when they cannot be made."""
    if rev is None:
        if len(paths) != 2:
            raise DiffUsageError(
                "Cần hai tệp để so sánh (CŨ MỚI), hoặc một tệp kèm --rev." if len(paths) < 2 else
                f"So sánh hai tệp một lần; đã cho {len(paths)} tệp.",
                "Ví dụ: `tt diff plans/2023.yaml plans/2024.yaml` hoặc `tt diff plans/2024.yaml --rev origin/main`.")
        for p in paths:
            if Path(p).is_dir():
                raise DiffUsageError(f"'{p}' là một thư mục; so sánh hai thư mục chỉ làm được với --rev.",
                                     "Ví dụ: `tt diff plans/ --rev origin/main`.")
        if any(is_progress_file(p) for p in paths):  # progress files: what moved (tuyentruyen.diff.progress)
            from tuyentruyen.diff.progress import compare_files as compare_progress_files

            return [compare_progress_files(paths[0], paths[1])]
        return [compare_sides(load_file(paths[0]), load_file(paths[1]))]
    root = git.repo_root(Path(paths[0]).resolve() if paths else Path.cwd())
    old_rev, new_rev = _split_rev(root, rev)
    files = [p for p in paths if not Path(p).is_dir()]
    if files and len(files) == len(paths):
        out = []
        for p in files:
            rel = git.relative(root, Path(p))
            d = _progress_pair(root, old_rev, new_rev, rel) if is_progress_file(rel) else \
                _pair(root, old_rev, new_rev, rel, rel)
            if d is None:
                where = f"ở '{new_rev}'" if new_rev else "trong thư mục làm việc"
                raise DiffUsageError(f"Không có tệp '{p}' ở phiên bản '{old_rev}' lẫn {where}.",
                                     "Kiểm tra lại đường dẫn (đường dẫn tính từ thư mục hiện tại).")
            out.append(d)
        return out
    if files:
        raise DiffUsageError("Không trộn tệp và thư mục trong cùng một lệnh tt diff --rev.",
                             "Chỉ ra các tệp, hoặc các thư mục.")
    specs, only_plans = _default_pathspecs(root, paths)
    changed = git.changed_files(root, old_rev, new_rev, specs)
    if new_rev is None:
        changed += [git.Changed("added", None, rel) for rel in git.untracked(root, specs)]
    out = []
    for c in changed:
        name = PurePosixPath(c.new or c.old or "").name
        if is_registry_file(Path(name)):
            continue
        if is_progress_file(name):
            d = _progress_pair(root, old_rev, new_rev, c.new or c.old)
            if d is not None:
                out.append(d)
            continue
        d = _pair(root, old_rev, new_rev, c.old, c.new)
        if d is not None:
            out.append(d)
    return out
