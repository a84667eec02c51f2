"""What a rule sees of one plan (ngữ cảnh): the model, its YAML positions, cached views.

A :class:`Context` is built once per plan and caches what several rules need: the unit
registry resolved to a :class:`~tuyentruyen.vn.units.UnitIndex`, every deadline text parsed
once (cached by text), every unit reference, every text value, the calendar of days off.
Rules read it; only :meth:`Context.report` makes problems.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterator

import yaml

from tuyentruyen.problems import Fix, Problem, Severity
from tuyentruyen.project.config import Config
from tuyentruyen.project.registry import RegistryState
from tuyentruyen.rules.spans import LineIndex, safe_replacement, source_span, value_offsets

if TYPE_CHECKING:
    from tuyentruyen.rules.engine import Rule


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
        # UnitIndex | None, seen from the plan's date: among units sharing a name, the one that exists then
        self.units = registry.index.for_plan(loaded.plan.document.date, loaded.plan.plan.year) \
            if registry.index is not None else None
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
            end_line, end_col = self._value_end(path, key, line, col)
        return Problem(rule.code, message, self.file, line, col,
                       severity=self._severity.get(rule.code, rule.severity), hint=hint,
                       end_line=end_line, end_col=end_col, path=tuple(path), fix=problem_fix)

    def _value_end(self, path: tuple, key: bool, line: int, col: int) -> tuple[int | None, int | None]:
        """The end (line, column after it) of the whole scalar written at line:col, so that a problem
        about a value ("Đài Phát thanh - Truyền hình tỉnh") marks all of it, not its first word."""
        key_node, node, depth = self.yaml.node_at(path)
        for target in ((key_node, node) if key else (node, key_node)):
            if isinstance(target, yaml.ScalarNode) and target.value \
                    and (target.start_mark.line + 1, target.start_mark.column + 1) == (line, col):
                return target.end_mark.line + 1, target.end_mark.column + 1
        return None, None

    # -- cached views of the plan

    def cached(self, name: str, build: Callable[[], object]):
        if name not in self._cache:
            self._cache[name] = build()
        return self._cache[name]

    def time(self, text: str | None):
        """The parsed time of a deadline text, relative to the plan's year (cached by text)."""
        return _parse_time(text, self.year)

    def calendar(self, first: int, last: int):
        """The repository's calendar of days off for the years first..last (tuyentruyen.project.calendar)."""
        from tuyentruyen.project.calendar import calendar_for

        return calendar_for((first, last), self.config)

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
        return self.cached("tasks", lambda: list(self.plan.task_paths()))  # type: ignore[return-value]

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
