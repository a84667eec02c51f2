"""Small helpers the rule modules share: labels for messages, unit keys, date words."""

from __future__ import annotations

from tuyentruyen.vn.dates import WEEKDAYS, fmt_date  # noqa: F401 - re-exported for the rule modules
from tuyentruyen.vn.numerals import roman, task_number as _task_number  # noqa: F401
from tuyentruyen.vn.units import clean, loose_key


def short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def task_number(path: tuple) -> str:
    """'II.3' for ("appendix", "groups", 1, "tasks", 2), '3' without groups; 'II.3 (Phụ lục II)' for
    ("appendices", 1, "groups", 1, "tasks", 2)."""
    if len(path) >= 3 and path[0] == "appendices":
        return f"{task_number(('appendix', *path[2:]))} (Phụ lục {roman(path[1] + 1)})"
    if len(path) >= 5 and path[1] == "groups":
        return _task_number(path[2], path[4])
    return _task_number(None, path[2]) if len(path) >= 3 else "?"


def task_label(path: tuple, task) -> str:
    return f"nhiệm vụ {task_number(path)} “{short(task.content, 50)}”"


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def unit_key(ctx, name: str) -> str:
    """One key per unit: its registry id when it resolves, else its folded name."""
    r = ctx.resolve(name)
    return r.unit.id if r is not None else "?" + loose_key(clean(name))


def looks_like_group(ctx, name: str) -> bool:
    """A group ("Các sở, ban, ngành", "UBND các huyện"): by the registry, else by its wording."""
    r = ctx.resolve(name)
    if r is not None:
        return ctx.units.is_group(r.unit)
    k = loose_key(clean(name))
    return k.startswith("các ") or " các " in f" {k} "


def display_unit(ctx, name: str) -> str:
    r = ctx.resolve(name)
    return r.unit.name if r is not None else clean(name)


_DATE_IN = None


def date_span(text: str) -> tuple[int, int] | None:
    """Where a written date ("29/02/2023", "ngày 5 tháng 3 năm 2024") sits in text."""
    import re

    global _DATE_IN
    if _DATE_IN is None:
        _DATE_IN = re.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?"
                              r"|\d{1,2}\s+tháng\s+\d{1,2}(?:\s*,?\s*năm\s+\d{2,4})?", re.IGNORECASE)
    m = _DATE_IN.search(text)
    return m.span() if m else None


def time_parts(t) -> tuple:
    """The times a parsed time is made of: the rounds of "Đợt 1: …; Đợt 2: …", else itself."""
    return tuple(t.phases) if str(t.kind) == "phases" else (t,)


def time_end(t) -> tuple[int, int, int] | None:
    """The last day a parsed time allows, as (y, m, d) (an impossible date too), or None."""
    kind = str(t.kind)
    if kind == "phases":
        ends = [e for e in map(time_end, t.phases) if e is not None]
        return max(ends) if ends else None
    if kind in ("deadline", "date") and t.date is not None:
        return (t.date.year, t.date.month, t.date.day)
    if kind == "window" and t.end is not None:
        return (t.end.year, t.end.month, t.end.day)
    if kind == "invalid_date" and t.year is not None:
        return (t.year, t.month, t.day)
    return None


def time_years(t) -> tuple[int, int] | None:
    """(first year, last year) a parsed time covers, when it names one."""
    kind = str(t.kind)
    if kind == "phases":
        spans = [y for y in map(time_years, t.phases) if y is not None]
        return (min(a for a, _ in spans), max(b for _, b in spans)) if spans else None
    if kind in ("deadline", "date") and t.date is not None:
        return t.date.year, t.date.year
    if kind == "window" and t.start is not None and t.end is not None:
        return t.start.year, t.end.year
    if kind == "invalid_date" and t.year is not None:
        return t.year, t.year
    if kind in ("continuous", "recurrence") and getattr(t, "year", None) is not None:
        return t.year, t.year
    return None


# keys whose values are codes, paths, numbers or unit names (judged against the registry), not prose
_NOT_PROSE = frozenset({
    "id", "tt", "type", "kind", "marker", "units", "symbol", "number", "year", "copies", "padded", "date",
    "lead", "support", "unit", "recipients", "executors", "successor", "prefix",
})


# what cites other documents, word for word: the bases, the documents implemented, the proposal
_CITING = frozenset({("document", "bases"), ("plan", "implements"), ("decision", "proposal")})


def prose(ctx, *, skip: frozenset[str] = frozenset()) -> list[tuple[tuple, object, list[tuple[int, int]]]]:
    """(path, node, the spans of the documents it cites) of every text value written as prose: the
    style rules judge the plan's own words, never a citation (its words are the cited document's)."""
    def build():
        import re

        from tuyentruyen.rules.refs import citations_in

        maybe = re.compile(r"\d\s*[/\-–]|[Ll]uật")
        out = []
        for path, node in ctx.scalars():
            key = next((p for p in reversed(path) if isinstance(p, str)), None)
            if key in _NOT_PROSE or not node.value or not isinstance(node.value, str) or path[:2] in _CITING:
                continue
            spans = [c.span for c in citations_in(ctx, node.value)] if maybe.search(node.value) else []
            out.append((path, node, key, spans))
        return out
    return [(p, n, s) for p, n, k, s in ctx.cached("prose", build) if k not in skip]


def inside(spans, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def validity(ctx, unit):
    """Why unit cannot carry out this plan: ("ended", its successor or None) when it ended before the
    plan (before 01/01 of the plan's year for a draft), ("not_yet", None) when it starts after it;
    None when it exists. TT-R007 reports it; the other rules leave such a unit to it."""
    from tuyentruyen.vn.units import plan_window

    earliest, latest = plan_window(ctx.date, ctx.year)
    if unit.valid_until is not None and unit.valid_until < earliest:
        return "ended", (ctx.units.by_id.get(unit.successor) if unit.successor else None)
    if unit.valid_from is not None and unit.valid_from > latest:
        return "not_yet", None
    return None


def recipients_reached(ctx) -> frozenset[str] | None:
    """The ids of the units the recipients (Nơi nhận) reach, "Như Điều 3" expanded; None when that
    cannot be told (no registry, no recipients, "Như Điều 3" without Điều 3, "… các đơn vị liên
    quan", which reaches everyone)."""
    def build():
        import re

        idx = ctx.units
        doc = ctx.plan.document
        if idx is None or not doc.recipients:
            return None
        article = re.compile(r"^\s*như\s+điều", re.IGNORECASE)
        executors = tuple(ctx.plan.decision.executors) if ctx.plan.decision is not None else ()
        named = any(article.match(r) for r in doc.recipients)
        if named and not executors:
            return None
        lines = list(doc.recipients) + (list(executors) if named else [])
        if any("liên quan" in line.lower() for line in lines):
            return None
        reached: set[str] = set()
        for line in doc.recipients:
            reached.update(r.unit.id for r in idx.parties(line, executors))
        return frozenset(reached)
    return ctx.cached("recipients_reached", build)


def reached_by_recipients(ctx, unit) -> bool:
    """Does the Nơi nhận reach unit (itself, a group holding it, or its members)? True when it cannot be told."""
    reached = recipients_reached(ctx)
    if reached is None:
        return True
    idx = ctx.units
    if unit.id in reached or idx.groups_of(unit.id) & reached:
        return True
    return idx.is_group(unit) and bool(idx.members(unit.id) & reached)
