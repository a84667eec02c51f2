"""The lint rules across a plan and its progress file (soát tiến độ): rules/progress_*.py, family TT-P.

The engine (:mod:`tuyentruyen.rules.engine`) finds these rules with the others (their
``SUBJECT = "progress"``) and leaves them out of a plan's run; :func:`lint_progress` runs them
on a progress file with a :class:`ProgressContext`: the rule engine's context of the progress
file (positions, ``# tt: ignore[…]``, severities from tt.toml), with the plan it follows, the
plan's work items and the file's date ``as_of``.
"""

from __future__ import annotations

import os

from tuyentruyen.problems import Problem, Severity
from tuyentruyen.rules.context import Context

UNREADABLE_PLAN = "TT-P000"


class ProgressContext(Context):
    """What a progress rule sees: the progress file (``loaded``, located) and its plan (``work``)."""

    def __init__(self, loaded, work, config, on=None):
        from tuyentruyen.project.registry import RegistryState

        self.loaded = loaded
        self.progress = loaded.progress
        self.work = work  # tuyentruyen.work.load.PlanAtWork
        self.plan = work.plan
        self.yaml = loaded.yaml
        self.source = loaded.source
        self.text = loaded.source.text
        self.file = loaded.display
        self.config = config
        self.registry = work.registry if work.registry is not None else RegistryState(why="missing")
        self.units = self.registry.index
        self.year = self.plan.plan.year
        self.date = self.plan.document.date
        self.on = on or self.progress.as_of
        self.rule = None
        self._severity = {c: Severity(s) for c, s in config.severity}
        self._lines = None
        self._offsets = {}
        self._cache = {}

    def entries(self):
        """(key, entry, path) of every entry of the file, in file order."""
        return [(k, e, ("tasks", k)) for k, e in self.progress.tasks.items()]

    def item(self, key: str):
        return self.cached("items", lambda: {i.key: i for i in self.work.items}).get(key)


def progress_rules(config, path=None):
    from tuyentruyen.rules.engine import enabled_rules

    return [r for r in enabled_rules(config, path) if r.subject == "progress"]


def lint_progress(loaded, work, config, on=None) -> list[Problem]:
    """The progress rules on one valid progress file, after `# tt: ignore[…]`."""
    from tuyentruyen.errors import TTError
    from tuyentruyen.rules.engine import crashed_problem
    from tuyentruyen.rules.ignores import apply_ignores, find_ignores

    ctx = ProgressContext(loaded, work, config, on)
    problems: list[Problem] = []
    for rule in progress_rules(config, loaded.path):
        ctx.rule = rule
        try:
            problems.extend(rule.check(ctx))
        except TTError:
            raise
        except Exception:  # noqa: BLE001 - one broken rule must not hide the others
            if os.environ.get("TT_DEBUG"):
                raise
            problems.append(crashed_problem(ctx, rule))
    ignores = find_ignores(ctx)
    return apply_ignores(ctx, problems, ignores) if ignores else problems


def lint_progress_files(results: list, config=None) -> None:
    """Lint (in place) every valid progress file of results, with the plan it follows; a plan
    that cannot be read is one located problem on the progress file (TT-P000)."""
    from tuyentruyen.loading.documents import LoadedProgress
    from tuyentruyen.project.config import ConfigError, config_for
    from tuyentruyen.project.discover import plan_path_for
    from tuyentruyen.work.load import PlanAtWork, open_plan

    for result in results:
        if not isinstance(result, LoadedProgress) or result.progress is None:
            continue
        plan_path = plan_path_for(result.path, result.progress.plan)
        try:
            cfg = config if config is not None else config_for(result.path)
            work = open_plan(plan_path, with_progress=False)
            if not isinstance(work, PlanAtWork):
                pos = result.yaml.locate(("plan",), key=True) if result.progress.plan else None
                from tuyentruyen.loading.source import display_name

                shown = display_name(plan_path)
                first = next((p for p in work.problems if p.severity is Severity.ERROR or p.fatal), None)
                why = f" ({first.file}:{first.line}:{first.col}: {first.message})" if first else ""
                result.problems.append(Problem(
                    UNREADABLE_PLAN, f"Không đọc được kế hoạch {shown} mà tệp tiến độ này theo dõi{why}; các quy tắc "
                    "tiến độ chưa chạy.", result.display, pos.line if pos else 1, pos.col if pos else 1,
                    hint="Sửa lỗi của kế hoạch, hoặc ghi đúng đường dẫn ở khóa `plan:` (tương đối so với tệp tiến độ).",
                    path=("plan",) if pos else ()))
                continue
            result.problems.extend(lint_progress(result, work, cfg))
        except ConfigError as exc:
            result.problems.append(exc.to_problem())
        except Exception:  # noqa: BLE001 - isolate this file: the others are still linted
            if os.environ.get("TT_DEBUG"):
                raise
            from tuyentruyen.check import internal_problem

            result.problems.append(internal_problem(result.display, "soát lỗi"))
