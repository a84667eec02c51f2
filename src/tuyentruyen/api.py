"""The library API: the pipeline every command shares.

    load (YAML with positions) → model (pydantic) → checks → problems

`load_plan` and `load_registry` never raise on bad input: what went wrong is in
`.problems`, each located. `check_files` runs the pipeline over many files and, unless
asked for the schema only, the lint rules.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from tuyentruyen.loading import LoadedYaml, LoadError, Source, parse_yaml, read_source
from tuyentruyen.loading.yamlpos import gc_paused
from tuyentruyen.problems import Problem, Severity

PLANS_DIR = "plans"
REGISTRY_NAMES = ("units.yaml", "units.yml")
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass
class Loaded:
    """A file through the pipeline: what could be read of it, and its problems."""

    path: Path
    display: str
    source: Source | None = None
    yaml: LoadedYaml | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR or p.fatal for p in self.problems)


@dataclass
class LoadedPlan(Loaded):
    plan: "Plan | None" = None  # noqa: F821 - the model is imported lazily


@dataclass
class LoadedRegistry(Loaded):
    registry: "Registry | None" = None  # noqa: F821


def _load(read, result: Loaded, model_name: str, checks) -> Loaded:
    """The pipeline for one file; `read()` returns its Source or raises LoadError."""
    from pydantic import ValidationError

    from tuyentruyen import model
    from tuyentruyen.model import validation

    try:
        source = read()
    except LoadError as exc:
        result.problems.extend(exc.problems)
        return result
    result.source, result.display = source, source.display
    try:
        loaded = parse_yaml(source)
    except LoadError as exc:
        result.problems.extend(source.problems + exc.problems)
        return result
    result.yaml = loaded
    result.problems.extend(source.problems)
    if not isinstance(loaded.data, dict):
        what = "một danh sách" if isinstance(loaded.data, list) else f"một giá trị đơn ({validation.describe_value(loaded.data)})"
        result.problems.append(Problem(
            "TT-S003", f"Tệp phải là một bảng các khóa (document, plan, …) nhưng đang là {what}.",
            source.display, 1, 1, fatal=True,
            hint="Mở đầu tệp bằng các khóa ở cột 1, ví dụ `document:` rồi `plan:` (xem docs/plan-format.md)."))
        return result
    cls = getattr(model, model_name)
    try:
        with gc_paused():
            obj = cls.model_validate(loaded.data)
    except ValidationError as exc:
        result.problems.extend(validation.problems_from_error(exc, loaded, cls))
        return result
    setattr(result, "plan" if model_name == "Plan" else "registry", obj)
    result.problems.extend(checks(obj, loaded))
    return result


def load_plan(path: str | Path) -> LoadedPlan:
    """Read, parse and validate one plan file."""
    from tuyentruyen.model.validation import plan_checks

    path = Path(path)
    return _load(lambda: read_source(path), LoadedPlan(path, str(path)), "Plan", plan_checks)  # type: ignore[return-value]


def load_registry(path: str | Path) -> LoadedRegistry:
    """Read, parse and validate one unit registry file."""
    from tuyentruyen.model.validation import registry_checks

    path = Path(path)
    return _load(lambda: read_source(path), LoadedRegistry(path, str(path)), "Registry",  # type: ignore[return-value]
                 registry_checks)


def load_plan_bytes(data: bytes, display: str, path: str | Path) -> LoadedPlan:
    """`load_plan` for bytes that are not a file of the work tree (e.g. `git show REV:path`)."""
    from tuyentruyen.loading.source import decode_source
    from tuyentruyen.model.validation import plan_checks

    path = Path(path)
    return _load(lambda: decode_source(data, path, display), LoadedPlan(path, display),  # type: ignore[return-value]
                 "Plan", plan_checks)


def load_registry_bytes(data: bytes, display: str, path: str | Path) -> LoadedRegistry:
    """`load_registry` for bytes read from elsewhere than the work tree."""
    from tuyentruyen.loading.source import decode_source
    from tuyentruyen.model.validation import registry_checks

    path = Path(path)
    return _load(lambda: decode_source(data, path, display), LoadedRegistry(path, display),  # type: ignore[return-value]
                 "Registry", registry_checks)


# ---------------------------------------------------------------- finding files


class UsageError(Exception):
    """Bad usage (exit 2): the message is Vietnamese and says what to do."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.message, self.hint = message, hint


def find_project_root(start: Path | None = None) -> Path | None:
    """The nearest directory, from start upwards, that has tt.toml or a plans/ folder."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "tt.toml").is_file() or (d / PLANS_DIR).is_dir():
            return d
    return None


def is_registry_file(path: Path) -> bool:
    return path.name in REGISTRY_NAMES or path.name.endswith((".units.yaml", ".units.yml"))


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
            files = sorted(f for f in p.rglob("*") if f.suffix in YAML_SUFFIXES and f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            found.extend(f for f in files if include_registries or not is_registry_file(f))
        else:
            found.append(p)  # a missing file is reported by the loader, with the others
    if not found:
        raise UsageError(f"Không có tệp kế hoạch (.yaml) nào trong {', '.join(paths)}.",
                         "Tạo một kế hoạch bằng `tt new`, hoặc chỉ rõ đường dẫn tệp.")
    return found


def find_registry(plan_path: Path, plan=None) -> Path | None:
    """The unit registry of a plan: its `units:` path, else units.yaml here or in a parent folder."""
    if plan is not None and plan.units:
        return (plan_path.parent / plan.units)
    here = plan_path.resolve().parent
    stop = find_project_root(here)
    for d in (here, *here.parents):
        for name in REGISTRY_NAMES:
            if (d / name).is_file():
                return d / name
        if stop is not None and d == stop:
            break
    return None


# ---------------------------------------------------------------- running checks


@dataclass
class Report:
    files: list[Loaded]

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    def exit_code(self) -> int:
        from tuyentruyen.problems import exit_code

        return exit_code(self.problems)


def check_files(paths: list[Path], *, schema_only: bool = False, config=None) -> Report:
    """Validate every file (plans and registries) and, unless schema_only, lint the plans.

    config: a `tuyentruyen.project.config.Config` for every plan; None finds each plan's tt.toml.
    """
    results: list[Loaded] = []
    for path in paths:
        result: Loaded = load_registry(path) if is_registry_file(path) else load_plan(path)
        results.append(result)
    if not schema_only:
        from tuyentruyen.rules import lint_files

        results.extend(lint_files(results, config))
    for r in results:
        r.problems.sort(key=lambda p: p.sort_key)
    return Report(results)


def relative(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)
