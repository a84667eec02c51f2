"""The rule engine (bộ máy quy tắc): finds the rules, runs them on one plan, filters the results.

A rule is a module of this package named ``deadlines_*``, ``responsibilities_*``,
``citations_*`` or ``text_*`` that defines ``CODE``, ``TITLE`` (Vietnamese), ``SEVERITY``
and ``check(ctx)``, a generator of problems made with ``ctx.report(path, message, hint)``;
its docstring is its documentation page. Optional: ``DEFAULT_ENABLED = False`` (opt-in
through ``select``/``extend-select``), ``FIXABLE = True`` (it offers safe fixes).
Adding a rule is adding a file.

The :class:`Context` a rule reads is built once per plan and caches what several rules
need: the plan model and its YAML positions, the unit registry resolved to a
:class:`~tuyentruyen.vn.units.UnitIndex`, every deadline text parsed once (cached by
text), every unit reference, every text value. After the rules, ``# tt: ignore[CODE]``
comments silence problems on their line; an ignore that silences nothing is reported
(TT-T005).
"""

from __future__ import annotations

import functools
import importlib
import os
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterable, Iterator

import yaml

from tuyentruyen.project.config import Config, ConfigError
from tuyentruyen.problems import Fix, Problem, Severity
from tuyentruyen.rules.spans import LineIndex, safe_replacement, source_span, value_offsets

FAMILIES = {
    "D": ("deadlines", "Thời hạn"),
    "R": ("responsibilities", "Trách nhiệm"),
    "C": ("citations", "Viện dẫn và dẫn chiếu"),
    "T": ("text", "Chữ viết"),
}
_PREFIXES = tuple(name + "_" for name, _ in FAMILIES.values())
_CODE = re.compile(r"^TT-[DRCT]\d{3}$")


@dataclass(frozen=True)
class Rule:
    code: str
    title: str
    severity: Severity
    doc: str
    module: ModuleType
    default: bool = True
    fixable: bool = False

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
            fixable=getattr(module, "FIXABLE", False))
    return tuple(found[c] for c in sorted(found))


def get_rule(code: str) -> Rule | None:
    from tuyentruyen.project.config import _norm_code

    code = _norm_code(code)
    return next((r for r in all_rules() if r.code == code), None)


def _matches(code: str, patterns: Iterable[str]) -> bool:
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def check_config(config: Config) -> None:
    """Raise ConfigError when a code in tt.toml matches no rule (a typo would silently do nothing)."""
    from tuyentruyen.model.validation import did_you_mean

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


# ---------------------------------------------------------------- what rules read


@dataclass(frozen=True)
class Due:
    """A deadline field (thời gian thực hiện): where it is, its text (None: not written), whose it is."""

    path: tuple
    text: str | None
    owner: str  # task, duty, section, item
    owner_path: tuple


@dataclass(frozen=True)
class UnitRef:
    """A unit named in the plan: ``role`` lead (chủ trì), support (phối hợp), duty or item."""

    path: tuple
    written: str
    role: str
    owner_path: tuple


@dataclass
class RegistryState:
    """The plan's unit registry, or why there is none (for TT-R011)."""

    index: object | None = None  # UnitIndex
    path: Path | None = None
    why: str | None = None  # missing, not-found, invalid
    detail: str | None = None
    source_path: tuple | None = None  # ("units",) when the plan named it


class Context:
    """What a rule sees of one plan. Rules read it; only :meth:`report` makes problems."""

    def __init__(self, loaded, config: Config, registry: RegistryState):
        self.loaded = loaded
        self.plan = loaded.plan
        self.yaml = loaded.yaml
        self.source = loaded.source
        self.text: str = loaded.source.text
        self.file: str = loaded.display
        self.config = config
        self.registry = registry
        self.units = registry.index  # UnitIndex | None
        self.year: int = self.plan.plan.year
        self.date = self.plan.document.date
        self.rule: Rule | None = None
        self._severity = {c: Severity(s) for c, s in config.severity}
        self._lines: LineIndex | None = None
        self._offsets: dict[int, list[int] | None] = {}
        self._cache: dict[str, object] = {}

    # -- locating

    def node(self, path: tuple) -> yaml.Node | None:
        return self._walk(path)[1]

    def _walk(self, path: tuple) -> tuple[yaml.Node | None, yaml.Node | None]:
        """(parent, node) at path; a lone scalar answers for index 0 of a list (`lead: Sở Nội vụ`)."""
        parent, node = None, self.yaml.root
        for i, part in enumerate(path):
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for k, v in reversed(node.value):
                    if isinstance(k, yaml.ScalarNode) and k.value == part:
                        parent, node = node, v
                        break
                else:
                    return None, None
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                parent, node = node, node.value[part]
            elif isinstance(node, yaml.ScalarNode) and part == 0 and i == len(path) - 1:
                return parent, node
            else:
                return None, None
        return parent, node

    def locate(self, path: tuple, *, key: bool = False):
        return self.yaml.locate(path, key=key)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines

    def offsets(self, node: yaml.ScalarNode) -> list[int] | None:
        k = id(node)
        if k not in self._offsets:
            self._offsets[k] = value_offsets(node, self.text)
        return self._offsets[k]

    def report(self, path: tuple, message: str, hint: str | None = None, *, key: bool = False,
               start: int | None = None, end: int | None = None, fix: str | None = None,
               fix_span: tuple[int, int] | None = None, node: yaml.Node | None = None) -> Problem:
        """A problem of the running rule at path; start/end (offsets in the text value) narrow it
        to the characters at fault; fix is the safe replacement of the characters fix_span (by
        default start/end, or the whole value)."""
        rule = self.rule
        assert rule is not None
        parent = None
        if node is None and (start is not None or fix is not None):
            parent, node = self._walk(path)
        elif node is not None:
            parent = self._walk(path)[0] if fix is not None else None
        line = col = end_line = end_col = None
        problem_fix = None
        if isinstance(node, yaml.ScalarNode) and not key:
            offs = self.offsets(node)
            if start is not None and offs and start < len(offs):
                line, col = self.lines.pos(offs[start])
                stop = min(end if end is not None else start + 1, len(offs))
                end_line, end_col = self.lines.pos(offs[stop - 1] + 1)
            if fix is not None:
                a, b = fix_span or ((start, end) if start is not None and end is not None else (0, len(node.value)))
                span = source_span(node, self.text, offs, a, b)
                if span is not None:
                    in_flow = bool(getattr(parent, "flow_style", False))
                    rep = safe_replacement(node, self.text, span, fix, in_flow=in_flow)
                    if rep is not None:
                        problem_fix = Fix(*rep)
        if line is None:
            pos = self.locate(path, key=key)
            line, col = pos.line, pos.col
        return Problem(rule.code, message, self.file, line, col,
                       severity=self._severity.get(rule.code, rule.severity), hint=hint,
                       end_line=end_line, end_col=end_col, path=tuple(path), fix=problem_fix)

    # -- cached views of the plan

    def cached(self, name: str, build: Callable[[], object]):
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def time(self, text: str | None):
        """The parsed time of a deadline text, relative to the plan's year (cached by text)."""
        return _parse_time(text, self.year)

    def sections(self) -> list[tuple[tuple, object]]:
        """Every section and subsection with its path, in document order."""
        def build():
            out = []

            def walk(sections, path):
                for i, s in enumerate(sections):
                    p = path + (i,)
                    out.append((p, s))
                    walk(s.sections, p + ("sections",))
            walk(self.plan.plan.sections, ("plan", "sections"))
            return out
        return self.cached("sections", build)  # type: ignore[return-value]

    def duties(self) -> list[tuple[tuple, object]]:
        """Every duty (nhiệm vụ của một đơn vị trong Tổ chức thực hiện) with its path."""
        return self.cached("duties", lambda: [  # type: ignore[return-value]
            (p + ("duties", k), d) for p, s in self.sections() for k, d in enumerate(s.duties)])

    def tasks(self) -> list[tuple[tuple, object]]:
        """Every task of the appendix with its path."""
        def build():
            if self.plan.appendix is None:
                return []
            return [(self.plan.appendix.task_path(gi, ti), t) for gi, ti, _g, t in self.plan.iter_tasks()]
        return self.cached("tasks", build)  # type: ignore[return-value]

    def dues(self) -> list[Due]:
        """Every deadline field, written or not (tasks and duties always have one)."""
        def build():
            out: list[Due] = []
            for p, t in self.tasks():
                out.append(Due(p + ("due",), t.due, "task", p))
            for p, s in self.sections():
                if s.due is not None:
                    out.append(Due(p + ("due",), s.due, "section", p))
                out.extend(_item_dues(s.items, p))
            for p, d in self.duties():
                out.append(Due(p + ("due",), d.due, "duty", p))
                out.extend(_item_dues(d.items, p))
            return out
        return self.cached("dues", build)  # type: ignore[return-value]

    def unit_refs(self) -> list[UnitRef]:
        """Every unit named as lead, support, duty or item unit."""
        def build():
            out: list[UnitRef] = []
            for p, t in self.tasks():
                out.extend(UnitRef(p + ("lead", i), n, "lead", p) for i, n in enumerate(t.lead))
                out.extend(UnitRef(p + ("support", i), n, "support", p) for i, n in enumerate(t.support))
            for p, s in self.sections():
                out.extend(_item_units(s.items, p))
            for p, d in self.duties():
                out.extend(UnitRef(p + ("unit", i), n, "duty", p) for i, n in enumerate(d.unit))
                out.extend(_item_units(d.items, p))
            return out
        return self.cached("unit_refs", build)  # type: ignore[return-value]

    def resolve(self, name: str):
        return self.units.resolve(name) if self.units is not None else None

    def scalars(self) -> list[tuple[tuple, yaml.ScalarNode]]:
        """Every text value of the file (not the keys), with its path, in file order."""
        def build():
            out: list[tuple[tuple, yaml.ScalarNode]] = []
            add = out.append
            seen: set[int] = set()  # an alias makes a node appear twice (or in a cycle)
            scalar, sequence = yaml.ScalarNode, yaml.SequenceNode

            def walk(node, path: tuple) -> None:
                kind = type(node)
                if kind is scalar:
                    add((path, node))
                    return
                if id(node) in seen:
                    return
                seen.add(id(node))
                if kind is sequence:
                    for i, v in enumerate(node.value):
                        walk(v, path + (i,))
                else:
                    for k, v in node.value:
                        walk(v, path + (k.value if type(k) is scalar else "?",))

            from tuyentruyen.loading.yamlpos import gc_paused

            with gc_paused():  # ~10^5 small tuples: the collector's passes would double the time
                walk(self.yaml.root, ())
            return out
        return self.cached("scalars", build)  # type: ignore[return-value]


def _item_dues(items, path: tuple) -> Iterator[Due]:
    for j, item in enumerate(items):
        if item.due is not None:
            yield Due(path + ("items", j, "due"), item.due, "item", path + ("items", j))


def _item_units(items, path: tuple) -> Iterator[UnitRef]:
    for j, item in enumerate(items):
        if item.unit is not None:
            yield UnitRef(path + ("items", j, "unit"), item.unit, "item", path + ("items", j))


@functools.lru_cache(maxsize=8192)
def _parse_time(text, year):
    from tuyentruyen.vn.timeexpr import parse_time

    return parse_time(text, year)


# ---------------------------------------------------------------- the registry


@functools.lru_cache(maxsize=32)
def _registry_index(path: Path, mtime_ns: int, size: int):
    from tuyentruyen.api import load_registry
    from tuyentruyen.vn.units import UnitIndex

    loaded = load_registry(path)
    if loaded.registry is None:
        first = next((p for p in loaded.problems), None)
        return None, (f"{first.file}:{first.line}:{first.col}: {first.message}" if first else "")
    return UnitIndex(loaded.registry), None


def registry_for(loaded, config: Config) -> RegistryState:
    """The plan's registry: its `units:` key, else tt.toml's `units`, else units.yaml nearby."""
    from tuyentruyen.api import find_registry

    plan = loaded.plan
    source_path = None
    if plan.units:
        path, source_path = loaded.path.parent / plan.units, ("units",)
    elif config.units is not None:
        path = config.units
    else:
        path = find_registry(loaded.path, None)
    if path is None:
        return RegistryState(why="missing")
    try:
        st = path.stat()
    except OSError:
        return RegistryState(path=path, why="not-found", source_path=source_path)
    index, detail = _registry_index(path.resolve(), st.st_mtime_ns, st.st_size)
    if index is None:
        return RegistryState(path=path, why="invalid", detail=detail, source_path=source_path)
    return RegistryState(index=index, path=path, source_path=source_path)


# ---------------------------------------------------------------- running


@dataclass
class Ignore:
    """A `# tt: ignore[CODE, …]` comment."""

    line: int
    col: int
    codes: tuple[str, ...]
    own_line: bool  # a comment alone on its line: it silences nothing
    used: set[str] = field(default_factory=set)


_IGNORE = re.compile(r"#\s*tt\s*:\s*ignore\b(?:\s*\[(?P<codes>[^\]\n]*)\])?", re.IGNORECASE)


def find_ignores(ctx: Context) -> list[Ignore]:
    text = ctx.text
    if "tt" not in text:
        return []
    found: list[Ignore] = []
    spans: list[tuple[int, int]] | None = None
    for m in _IGNORE.finditer(text):
        i = m.start()
        before = text[text.rfind("\n", 0, i) + 1:i]
        if before and not before[-1].isspace():
            continue  # "#" glued to text is part of a value, not a comment
        if spans is None:
            spans = [(n.start_mark.index, n.end_mark.index) for _, n in ctx.scalars()]
        if any(a <= i < b for a, b in spans):
            continue  # inside a quoted or block text
        from tuyentruyen.project.config import _norm_code

        raw = m.group("codes")
        codes = tuple(_norm_code(c) for c in re.split(r"[,\s]+", raw or "") if c.strip())
        line, col = ctx.lines.pos(i)
        found.append(Ignore(line, col, codes, own_line=not before.strip()))
    return found


def lint(loaded, config: Config | None = None) -> list[Problem]:
    """Run the enabled rules on one valid plan; return the problems left after `# tt: ignore`."""
    from tuyentruyen.loading.yamlpos import gc_paused

    with gc_paused():  # rules build many small objects and no cycles: the collector only costs time
        return _lint(loaded, config)


def _lint(loaded, config: Config | None) -> list[Problem]:
    if config is None:
        from tuyentruyen.project.config import config_for

        config = config_for(loaded.path)
    rules = enabled_rules(config, loaded.path)
    ctx = Context(loaded, config, registry_for(loaded, config))
    problems: list[Problem] = []
    post = []
    for rule in rules:
        ctx.rule = rule
        if hasattr(rule.module, "after"):
            post.append(rule)
            continue
        try:
            problems.extend(rule.check(ctx))
        except ConfigError:
            raise
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            if os.environ.get("TT_DEBUG"):
                raise
            problems.append(ctx.report((), f"Quy tắc {rule.code} gặp lỗi nội bộ ({type(exc).__name__}: {exc}); "
                                           "kết quả của quy tắc này chưa đầy đủ.",
                                       "Đây là lỗi của tt, không phải của kế hoạch: hãy báo lỗi kèm tệp "
                                       "(đặt TT_DEBUG=1 để xem chi tiết)."))
    ignores = find_ignores(ctx)
    if ignores:
        problems = _apply_ignores(ctx, problems, ignores)
    enabled = {r.code for r in rules}
    for rule in post:
        ctx.rule = rule
        problems.extend(rule.module.after(ctx, ignores, enabled))
    return problems


def _apply_ignores(ctx: Context, problems: list[Problem], ignores: list[Ignore]) -> list[Problem]:
    by_line: dict[int, list[Ignore]] = {}
    for ig in ignores:
        if not ig.own_line:
            by_line.setdefault(ig.line, []).append(ig)
    kept = []
    for p in problems:
        if _silenced(ctx, p, by_line):
            continue
        kept.append(p)
    return kept


def _silenced(ctx: Context, p: Problem, by_line: dict[int, list[Ignore]]) -> bool:
    lines = [p.line]
    if p.path:
        node = ctx.node(p.path)
        if node is not None:  # a multi-line value: its first and last line can hold the comment
            last = max(node.start_mark.index, node.end_mark.index - 1)
            lines += [node.start_mark.line + 1, ctx.lines.pos(last)[0]]
        if isinstance(p.path[-1], int) and len(p.path) > 1:  # an item of a list: also the list's key line
            lines.append(ctx.locate(p.path[:-1], key=True).line)
    for line in lines:
        for ig in by_line.get(line, ()):
            if p.code in ig.codes:
                ig.used.add(p.code)
                return True
    return False
