"""The lint rules (quy tắc soát lỗi): the mistakes real plans were signed with, caught before.

One module per rule (``deadlines_*`` TT-D, ``responsibilities_*`` TT-R, ``citations_*``
TT-C, ``text_*`` TT-T); its docstring is the rule's page (docs/rules/<CODE>.md, `tt rule
CODE`) with a wrong and a right example the test suite runs. `engine` finds and runs
them; `units` resolves unit names against the registry; `spans` locates characters in
the file for messages and safe fixes.
"""

from __future__ import annotations

from pathlib import Path

from tuyentruyen.problems import Problem


def lint_loaded(loaded, config=None, registry=None, *, errors_only: bool = False) -> list[Problem]:
    """The lint problems of one plan that loaded and validated (`loaded.plan` is set).

    config: a :class:`tuyentruyen.project.config.Config`; None finds the plan's tt.toml.
    registry: a :class:`tuyentruyen.project.registry.RegistryState`; None finds the plan's.
    errors_only: only the problems at level error (what `tt render` reports), found by running
    only the rules whose level is error for this config: the same problems as filtering the
    whole run, in less time.
    Raises :class:`tuyentruyen.project.config.ConfigError` when tt.toml is unusable.
    """
    from tuyentruyen.rules.engine import check_config, lint

    if loaded.plan is None:
        return []
    if config is None:
        from tuyentruyen.project.config import config_for

        config = config_for(loaded.path)
    check_config(config)
    return lint(loaded, config, registry, errors_only=errors_only)


def lint_files(results: list, config=None) -> list:
    """Lint every valid plan of results (in place). A tt.toml that cannot be used is returned as
    an extra file entry carrying one fatal problem (exit 2), and its plans are not linted."""
    from tuyentruyen.loading.documents import LoadedPlan
    from tuyentruyen.project.config import ConfigError, config_for

    broken: dict[Path, object] = {}
    for result in results:
        if not isinstance(result, LoadedPlan) or result.plan is None:
            continue
        try:
            cfg = config if config is not None else config_for(result.path)
            result.problems.extend(lint_loaded(result, cfg))
        except ConfigError as exc:
            _config_broken(broken, exc)
        except Exception:  # noqa: BLE001 - isolate this plan: the others are still linted
            import os

            if os.environ.get("TT_DEBUG"):
                raise
            from tuyentruyen.check import internal_problem

            result.problems.append(internal_problem(result.display, "soát lỗi"))
    return list(broken.values())


def _config_broken(broken: dict, exc) -> None:
    """One entry per tt.toml (or file it names) that cannot be used, carrying its TT-K001 problem."""
    from tuyentruyen.loading.documents import Loaded
    from tuyentruyen.loading.source import Source, display_name

    if exc.path not in broken:
        shown = display_name(exc.path)
        try:
            text = exc.path.read_text("utf-8", errors="replace") if exc.path.is_file() else ""
        except (OSError, ValueError):
            text = ""
        entry = Loaded(exc.path, shown, source=Source(exc.path, shown, text))
        entry.problems.append(exc.to_problem())
        broken[exc.path] = entry


def all_rules():
    from tuyentruyen.rules.engine import all_rules as rules

    return rules()


def get_rule(code: str):
    from tuyentruyen.rules.engine import get_rule as find

    return find(code)
