"""`# tt: ignore[CODE, …]` comments (bỏ qua một lỗi trên một dòng): found, applied, and unused ones kept.

A comment at the end of a line silences the listed codes of the problems on that line (for
a value over several lines, its first or last line; for an item of a list, also the list's
key line). An ignore that silences nothing is reported by TT-T005 (rules/text_ignores.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tuyentruyen.problems import Problem
from tuyentruyen.project.config import norm_code

if TYPE_CHECKING:
    from tuyentruyen.rules.context import Context

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
        raw = m.group("codes")
        codes = tuple(norm_code(c) for c in re.split(r"[,\s]+", raw or "") if c.strip())
        line, col = ctx.lines.pos(i)
        found.append(Ignore(line, col, codes, own_line=not before.strip()))
    return found


def apply_ignores(ctx: Context, problems: list[Problem], ignores: list[Ignore]) -> list[Problem]:
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
