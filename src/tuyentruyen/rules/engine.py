"""The rule engine (bộ máy quy tắc): finds the rules, runs them on one plan, filters the results.

A rule is a module of this package named ``deadlines_*``, ``responsibilities_*``,
``citations_*``, ``text_*`` or ``progress_*`` that defines ``CODE``, ``TITLE`` (Vietnamese), ``SEVERITY``
and ``check(ctx)``, a generator of problems made with ``ctx.report(path, message, hint)``;
its docstring is its documentation page. Optional: ``DEFAULT_ENABLED = False`` (opt-in
through ``select``/``extend-select``), ``FIXABLE = True`` (it offers safe fixes).
Adding a rule is adding a file. A ``progress_*`` rule (``SUBJECT = "progress"``, family TT-P) reads a
progress file with its plan and is run by :func:`tuyentruyen.work.check.lint_progress`, not on plans.

A rule reads a :class:`~tuyentruyen.rules.context.Context` (built once per plan). After
the rules, ``# tt: ignore[CODE]`` comments silence problems on their line
(:mod:`tuyentruyen.rules.ignores`); an ignore that silences nothing is reported (TT-T005).
A rule that crashes is reported as such, and the other rules' findings are kept.
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from tuyentruyen.errors import TTError
from tuyentruyen.problems import Problem, Severity
from tuyentruyen.project.config import Config, ConfigError, norm_code
from tuyentruyen.rules.context import Context
from tuyentruyen.rules.ignores import apply_ignores, find_ignores

FAMILIES = {
    "D": ("deadlines", "Thời hạn"),
    "R": ("responsibilities", "Trách nhiệm"),
    "C": ("citations", "Viện dẫn và dẫn chiếu"),
    "T": ("text", "Chữ viết"),
    "P": ("progress", "Tiến độ thực hiện"),  # across a plan and its progress file (tuyentruyen.work.check)
}
_PREFIXES = tuple(name + "_" for name, _ in FAMILIES.values())
_CODE = re.compile(rf"^TT-[{''.join(FAMILIES)}]\d{{3}}$")


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    severity: Severity
    doc: str
    module: ModuleType
    default: bool = True
    fixable: bool = False
    subject: str = "plan"  # what check(ctx) reads: a plan, or a progress file with its plan (SUBJECT)

    @property
    def family(self) -> str:
        return FAMILIES[self.code[3]][1]

    @property
    def check(self) -> Callable:
        return self.module.check

    @property
    def name(self) -> str:
        return self.module.__name__.rsplit(".", 1)[-1]


@functools.cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule module of this package, in code order."""
    import tuyentruyen.rules as package

    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if not info.name.startswith(_PREFIXES):
            continue
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        code = getattr(module, "CODE", None)
        if not isinstance(code, str) or not _CODE.match(code):
            raise RuntimeError(f"rule module {info.name} has no valid CODE")
        if code in found:
            raise RuntimeError(f"rule code {code} defined twice ({found[code].name}, {info.name})")
        found[code] = Rule(
            code=code, title=module.TITLE, severity=Severity(module.SEVERITY), doc=module.__doc__ or "",
            module=module, default=getattr(module, "DEFAULT_ENABLED", True),
            fixable=getattr(module, "FIXABLE", False), subject=getattr(module, "SUBJECT", "plan"))
    return tuple(found[c] for c in sorted(found))


def get_rule(code: str) -> Rule | None:
    code = norm_code(code)
    return next((r for r in all_rules() if r.code == code), None)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def check_config(config: Config) -> None:
    """Raise ConfigError when a code in tt.toml matches no rule (a typo would silently do nothing)."""
    from tuyentruyen.vn.text import did_you_mean

    codes = [r.code for r in all_rules()]
    groups = [("lint.select", config.select or ()), ("lint.extend-select", config.extend_select),
              ("lint.ignore", config.ignore), ("lint.severity", tuple(c for c, _ in config.severity))]
    groups += [("lint.per-file-ignores", c) for _, c in config.per_file_ignores]
    for key, patterns in groups:
        for p in patterns:
            if p == "ALL" or any(c.startswith(p) for c in codes):
                continue
            guess = did_you_mean(p, codes)
            raise ConfigError(
                config.path or Path("tt.toml"),
                f"Mã '{p}' ở '{key}' không khớp quy tắc soát lỗi nào." + (f" Có phải ý bạn là '{guess}'?" if guess else ""),
                "Xem danh sách quy tắc bằng `tt rule`; có thể ghi tiền tố như \"TT-D\" để chọn cả nhóm.",
                config.line_of(key), 1)


def enabled_rules(config: Config, plan_path: Path | None = None) -> list[Rule]:
    rules = all_rules()
    if config.select is None:
        chosen = [r for r in rules if r.default or _matches(r.code, config.extend_select)]
    else:
        chosen = [r for r in rules if _matches(r.code, config.select) or _matches(r.code, config.extend_select)]
    ignored = set(config.ignore)
    if plan_path is not None:
        ignored |= set(config.ignored_for(plan_path))
    return [r for r in chosen if not _matches(r.code, ignored)]


def lint(loaded, config: Config | None = None, registry=None, *, errors_only: bool = False) -> list[Problem]:
    """Run the enabled rules on one valid plan; return the problems left after `# tt: ignore`.

    config: the repository's Config (None: found from the plan's folder); registry: a
    :class:`~tuyentruyen.project.registry.RegistryState` to use instead of the plan's own;
    errors_only: run only the rules at level error (see rules.lint_loaded).
    """
    from tuyentruyen.loading.yamlpos import gc_paused

    with gc_paused():  # rules build many small objects and no cycles: the collector only costs time
        return _lint(loaded, config, registry, errors_only)


def error_rules(rules: list[Rule], config: Config) -> list[Rule]:
    """The rules whose problems are errors under config ([lint.severity] included). A rule that
    judges the others' results (`after`: unused ignores, TT-T005) judges only the rules that ran."""
    levels = dict(config.severity)
    return [r for r in rules if Severity(levels.get(r.code, r.severity.value)) is Severity.ERROR]


RULE_CRASHED = "TT-E004"


def _lint(loaded, config: Config | None, registry, errors_only: bool = False) -> list[Problem]:
    from tuyentruyen.project.registry import registry_for

    if config is None:
        from tuyentruyen.project.config import config_for

        config = config_for(loaded.path)
    rules = [r for r in enabled_rules(config, loaded.path) if r.subject == "plan"]
    if errors_only:
        rules = error_rules(rules, config)
    if registry is None:
        registry = registry_for(loaded.path, loaded.plan, config)
    ctx = Context(loaded, config, registry)
    problems: list[Problem] = []
    post = []
    for rule in rules:
        ctx.rule = rule
        if hasattr(rule.module, "after"):
            post.append(rule)
            continue
        try:
            for problem in rule.check(ctx):
                problems.append(problem)
        except TTError:
            raise  # a configuration the rule needs cannot be used: the whole run reports it
        except Exception:  # noqa: BLE001 - one broken rule must not hide the others
            if os.environ.get("TT_DEBUG"):
                raise
            problems.append(crashed_problem(ctx, rule))
    ignores = find_ignores(ctx)
    if ignores:
        problems = apply_ignores(ctx, problems, ignores)
    enabled = {r.code for r in rules}
    for rule in post:
        ctx.rule = rule
        try:
            problems.extend(rule.module.after(ctx, ignores, enabled))
        except TTError:
            raise
        except Exception:  # noqa: BLE001
            if os.environ.get("TT_DEBUG"):
                raise
            problems.append(crashed_problem(ctx, rule))
    if errors_only:
        problems = [p for p in problems if p.severity is Severity.ERROR]
    return problems


def crashed_problem(ctx: Context, rule: Rule) -> Problem:
    """The report of a rule that raised: the plan is not at fault, the other rules still ran."""
    return Problem(RULE_CRASHED, f"Quy tắc {rule.code} ({rule.title}) gặp lỗi nội bộ khi soát tệp này; "
                   "kết quả của quy tắc này chưa đầy đủ, các quy tắc khác vẫn được chạy.", ctx.file, 1, 1,
                   severity=Severity.ERROR, fatal=True,
                   hint="Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp "
                        "(đặt TT_DEBUG=1 để xem chi tiết).")
