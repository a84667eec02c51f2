"""Which units' lists a command shows (chọn đơn vị): one unit a clerk typed, or every unit of a plan.

A name is looked up in each plan's own registry (a unit may be in one plan and not in
another); it is unknown only when no plan knows it, and then the error says which names are
nearest (:meth:`tuyentruyen.vn.units.UnitIndex.suggest`).
"""

from __future__ import annotations

import datetime as dt

from tuyentruyen.errors import UsageError
from tuyentruyen.work.assign import UnitList, UnknownUnit, find_unit


class UnknownUnitError(UsageError):
    """--unit names a unit that is in no plan's registry (exit 2), with did-you-mean."""

    code = "TT-E020"


def unit_lists(works: list, unit: str | None, on: dt.date | None = None) -> tuple[list[tuple[object, list[UnitList]]], list[str]]:
    """[(PlanAtWork, its UnitLists)] and notes ("not in the registry of …"); raises UnknownUnitError."""
    out: list[tuple[object, list[UnitList]]] = []
    notes: list[str] = []
    suggestions: list[str] = []
    found_any = False
    for work in works:
        if unit is None:
            out.append((work, [work.assigner.unit_list(i, n, on) for i, n in work.assigner.units()]))
            continue
        try:
            unit_id, name = find_unit(unit, work.index, work.assigner)
        except UnknownUnit as exc:
            suggestions += [s for s in exc.suggestions if s not in suggestions]
            notes.append(f"{work.display}: sổ đơn vị của kế hoạch này không có “{unit}”.")
            continue
        found_any = True
        out.append((work, [work.assigner.unit_list(unit_id, name, on)]))
    if unit is not None and not found_any:
        message = f"Không có đơn vị “{unit}” trong sổ đơn vị của {'kế hoạch' if len(works) == 1 else 'các kế hoạch'} đã chọn."
        if suggestions:
            message += " Có phải ý bạn là " + " hoặc ".join(f"“{s}”" for s in suggestions[:3]) + "?"
        raise UnknownUnitError(message, "Viết tên đơn vị như trong sổ đơn vị (tên chuẩn, tên viết tắt hoặc tên gọi "
                                        "khác); xem danh sách bằng `tt units`.")
    return out, notes
