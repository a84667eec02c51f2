"""Quantities and targets (số lượng, chỉ tiêu) as clerks write them: "01 lớp, 40 người", "4 bài".

The quantity column of a task and the figures a unit reports against it are free text:
"01 lớp, 40 người", "12 bài/1 năm", "khoảng 1000 lượt cán bộ, công chức", "1.200 tờ rơi".
:func:`parse_quantity` reads the amounts in such a text, each with the word that counts it
(its unit: "lớp", "người", "bài"); :func:`match_figures` pairs the figures of a report with
the targets of the task, by that word (ignoring case and diacritics), else in order.

Numbers: "1.200" and "1 200" are twelve hundred (Vietnamese thousands separators), "2,5" is
two and a half, "01" is one. A per-period part ("/1 năm", "/tháng") is not an amount: it says
how often the amount is due (``per_year``: "02 tin/tháng" is 24 in a year).
Pure standard library; nothing raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# a number: 1.200 / 1 200 (thousands), 2,5 (decimal), 01
_NUMBER = r"\d{1,3}(?:[. ]\d{3})+(?!\d)|\d+(?:,\d+)?"
# an amount, its unit word, and the period it is counted per ("/tháng", "/1 năm": not an amount)
_AMOUNT = re.compile(rf"(?<![\w/])(?P<n>{_NUMBER})\s*(?P<unit>[^\W\d_][^\d,;/()]*)?"
                     r"(?:/\s*(?P<pn>\d+)?\s*(?P<per>[^\W\d_]+))?")
_PER_YEAR = {"tuan": 52, "thang": 12, "quy": 4, "nam": 1}  # how many of each period a year holds
_UNIT_STOP = re.compile(r"\s+(?:và|hoặc|trở lên|trở xuống|trên|dưới)\b.*$")


@dataclass(frozen=True)
class Amount:
    """One amount of a quantity: 40 người (``value`` 40, ``unit`` "người"); ``text`` as written."""

    value: float
    unit: str | None
    text: str
    per_year: float = 1.0  # "02 tin/tháng": 12 (the year's target is value × per_year)

    @property
    def yearly(self) -> float:
        return self.value * self.per_year

    @property
    def shown(self) -> str:
        number = f"{self.value:g}".replace(".", ",")
        return f"{number} {self.unit}" if self.unit else number


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:[. ]\d{3})+", text):
        return float(re.sub(r"[. ]", "", text))
    return float(text.replace(",", "."))


def parse_quantity(text: object) -> list[Amount]:
    """The amounts in a quantity text, in the order written ([] when there is none)."""
    if not isinstance(text, (str, int, float)) or isinstance(text, bool):
        return []
    s = " ".join(str(text).split())
    out: list[Amount] = []
    for m in _AMOUNT.finditer(s):
        unit = (m.group("unit") or "").strip(" .-–:")
        unit = _UNIT_STOP.sub("", unit).strip() or None
        if unit is not None:
            unit = " ".join(unit.split()[:3])  # "lượt cán bộ, công chức" → "lượt cán bộ"
        per = 1.0
        if m.group("per"):
            from tuyentruyen.vn.text import fold

            per = _PER_YEAR.get(fold(m.group("per")), 1) / max(1, int(m.group("pn") or 1))
        text_ = m.group(0).strip() if not m.group("per") else m.group(0)[: m.group(0).index("/")].strip()
        out.append(Amount(_number(m.group("n")), unit, text_, per))
    return out


def unit_key(unit: str | None) -> str:
    from tuyentruyen.vn.text import fold

    return " ".join(fold(unit or "").split())


def match_figures(targets: list[Amount], figures: list[Amount]) -> list[tuple[int, Amount, Amount | None]]:
    """(index of the figure, figure, its target or None): the target with the same unit word
    (the first word of each, folded: "người" = "nguoi"), else the target in the same place."""
    used: set[int] = set()
    out: list[tuple[int, Amount, Amount | None]] = []
    for i, fig in enumerate(figures):
        key = unit_key(fig.unit).split(" ")[0]
        found = None
        for j, target in enumerate(targets):
            if j not in used and key and unit_key(target.unit).split(" ")[0] == key:
                found = j
                break
        if found is None and not fig.unit and i < len(targets) and i not in used:
            found = i
        if found is None and len(targets) == 1 and len(figures) == 1 and not targets[0].unit:
            found = 0
        if found is not None:
            used.add(found)
        out.append((i, fig, targets[found] if found is not None else None))
    return out


def looks_like_typo(figure: float, target: float) -> bool:
    """A figure far above its target the way a slip of the keyboard makes it: ten times or more
    (an extra 0: 40 → 400), or the target's digits with one more digit written (12 → 122, 4 → 44)
    while at least twice the target. Over-achieving (45 people for a target of 40) is not one."""
    if target <= 0 or figure <= target:
        return False
    if figure >= 10 * target:
        return True
    if figure < 2 * target:
        return False
    a, b = f"{target:g}", f"{figure:g}"
    if len(b) != len(a) + 1:
        return False
    return any(b[:k] + b[k + 1:] == a for k in range(len(b)))
