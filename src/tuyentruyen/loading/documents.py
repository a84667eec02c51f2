"""The one way a plan or a unit registry is loaded (đọc kế hoạch): bytes → text → YAML → model.

    read (a file, bytes from git, text from an editor)
      → decode (encoding, BOM, tabs, empty: tuyentruyen.loading.source)
      → YAML with positions (tuyentruyen.loading.yamlpos)
      → the pydantic model (tuyentruyen.model), its errors located (tuyentruyen.model.validation)
      → checks across fields

Every command and the library load through :func:`load_plan` / :func:`load_plan_bytes` /
:func:`load_plan_text` (and the registry twins). None of them raises on bad input: what went
wrong is in ``.problems``, each located.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tuyentruyen.loading.source import FileResult, LoadError, Source, decode_source, display_name, read_source
from tuyentruyen.loading.yamlpos import LoadedYaml, gc_paused, parse_yaml
from tuyentruyen.model import Plan, Registry
from tuyentruyen.problems import Problem


@dataclass
class Loaded(FileResult):
    """A file through the pipeline: what could be read of it (its YAML nodes too), and its problems."""

    yaml: LoadedYaml | None = None


@dataclass
class LoadedPlan(Loaded):
    """A plan file through the pipeline; ``plan`` is None when it did not validate."""

    plan: Plan | None = None


@dataclass
class LoadedRegistry(Loaded):
    """A unit registry through the pipeline; ``registry`` is None when it did not validate."""

    registry: Registry | None = None


@dataclass
class LoadedProgress(Loaded):
    """A progress file (tệp tiến độ) through the pipeline; ``progress`` is None when it did not validate."""

    progress: Any = None  # tuyentruyen.model.progress.Progress


def _run(read: Callable[[], Source], result: Loaded, model: type, checks: Callable[[Any, LoadedYaml], list[Problem]]):
    from pydantic import ValidationError

    from tuyentruyen.model import validation

    try:
        source = read()
    except LoadError as exc:
        result.problems.extend(exc.problems)
        result.source = exc.source
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
        what = ("một danh sách" if isinstance(loaded.data, list)
                else f"một giá trị đơn ({validation.describe_value(loaded.data)})")
        keys, first = (("document, plan", "`document:` rồi `plan:`") if model is Plan else
                       ("as_of, tasks", "`as_of:` rồi `tasks:`") if isinstance(result, LoadedProgress) else
                       ("units", "`units:`"))
        result.problems.append(Problem(
            "TT-S003", f"Tệp phải là một bảng các khóa ({keys}, …) "
            f"nhưng đang là {what}.", source.display, 1, 1, fatal=True,
            hint=f"Mở đầu tệp bằng các khóa ở cột 1, ví dụ {first} (xem "
                 f"{'docs/work.md' if isinstance(result, LoadedProgress) else 'docs/plan-format.md'})."))
        return result
    try:
        with gc_paused():
            obj = model.model_validate(loaded.data)
    except ValidationError as exc:
        result.problems.extend(validation.problems_from_error(exc, loaded, model))
        return result
    except RecursionError:  # a structure nested deeper than the model can walk
        result.problems.append(validation.too_deep(loaded))
        return result
    if model is Plan:
        result.plan = obj  # type: ignore[attr-defined]
    elif isinstance(result, LoadedProgress):
        result.progress = obj
    else:
        result.registry = obj  # type: ignore[attr-defined]
    result.problems.extend(checks(obj, loaded))
    return result


def _plan_checks(plan, loaded):
    from tuyentruyen.model.validation import plan_checks

    return plan_checks(plan, loaded)


def _registry_checks(registry, loaded):
    from tuyentruyen.model.validation import registry_checks

    return registry_checks(registry, loaded)


def load_plan(path: str | Path) -> LoadedPlan:
    """Read, parse and validate one plan file."""
    path = Path(path)
    return _run(lambda: read_source(path), LoadedPlan(path, display_name(path)), Plan, _plan_checks)


def load_plan_bytes(data: bytes, display: str, path: str | Path | None = None) -> LoadedPlan:
    """`load_plan` for bytes that are not a file of the work tree (`git show REV:path`, an upload).

    path: where the plan would be (its registry and tt.toml are looked for from there)."""
    p = Path(path) if path is not None else Path(display)
    return _run(lambda: decode_source(data, p, display), LoadedPlan(p, display), Plan, _plan_checks)


def load_plan_text(text: str, display: str, path: str | Path | None = None) -> LoadedPlan:
    """`load_plan` for text already in memory (an editor's buffer, the output of a rewrite)."""
    return load_plan_bytes(text.encode("utf-8", "surrogatepass"), display, path)


def load_registry(path: str | Path) -> LoadedRegistry:
    """Read, parse and validate one unit registry file."""
    path = Path(path)
    return _run(lambda: read_source(path), LoadedRegistry(path, display_name(path)), Registry, _registry_checks)


def load_registry_bytes(data: bytes, display: str, path: str | Path | None = None) -> LoadedRegistry:
    """`load_registry` for bytes read from elsewhere than the work tree."""
    p = Path(path) if path is not None else Path(display)
    return _run(lambda: decode_source(data, p, display), LoadedRegistry(p, display), Registry, _registry_checks)


def _progress_checks(progress, loaded):
    from tuyentruyen.model.progress import progress_checks

    return progress_checks(progress, loaded)


def _progress_model():
    from tuyentruyen.model.progress import Progress

    return Progress


def load_progress(path: str | Path) -> LoadedProgress:
    """Read, parse and validate one progress file (tuyentruyen.model.progress)."""
    path = Path(path)
    return _run(lambda: read_source(path), LoadedProgress(path, display_name(path)), _progress_model(),
                _progress_checks)


def load_progress_bytes(data: bytes, display: str, path: str | Path | None = None) -> LoadedProgress:
    """`load_progress` for bytes read from elsewhere than the work tree (`git show REV:path`)."""
    p = Path(path) if path is not None else Path(display)
    return _run(lambda: decode_source(data, p, display), LoadedProgress(p, display), _progress_model(),
                _progress_checks)
