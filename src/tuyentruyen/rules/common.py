"""Small helpers the rule modules share: labels for messages, unit keys, date words."""

from __future__ import annotations

from tuyentruyen.vn.dates import WEEKDAYS, fmt_date  # noqa: F401 - re-exported for the rule modules
from tuyentruyen.vn.numerals import roman, task_number as _task_number  # noqa: F401
from tuyentruyen.vn.units import clean, loose_key


def short(text: str, n: int = 60) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def task_number(path: tuple) -> str:
    """'II.3' for ("appendix", "groups", 1, "tasks", 2), '3' without groups."""
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


def time_end(t) -> tuple[int, int, int] | None:
    """The last day a parsed time allows, as (y, m, d) (an impossible date too), or None."""
    kind = str(t.kind)
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
    if kind in ("deadline", "date") and t.date is not None:
        return t.date.year, t.date.year
    if kind == "window" and t.start is not None and t.end is not None:
        return t.start.year, t.end.year
    if kind == "invalid_date" and t.year is not None:
        return t.year, t.year
    if kind in ("continuous", "recurrence") and getattr(t, "year", None) is not None:
        return t.year, t.year
    return None
