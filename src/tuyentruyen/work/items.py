"""The work items of a plan (các việc phải làm): tasks of the appendix and duties of "Tổ chức thực hiện".

Each item has a **key** that a progress file uses to name it, stable for the year of a
signed plan:

- a task (nhiệm vụ) of the appendix: its ``id`` ("tap-huan-cchc"); shown as "Nhiệm vụ II.3";
- a duty (nhiệm vụ của đơn vị) of "Tổ chức thực hiện": its place as printed. A duty with
  items is one work item per item: "IV.2.3" is the 3rd item (c) of duty 2 of section IV,
  shown "Mục IV.2, ý c)"; a duty written as paragraphs only is one item, "IV.5". An item
  given to a unit of its own (``unit:``) belongs to that unit; the others to the duty's units.
  Items of other sections that name a unit (``unit:``) are work items of that unit too.

The numbering is the one the rendered document prints and `tt diff` names (I., 1., then
the duties after the subsections).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tuyentruyen.vn.numerals import item_mark, roman, task_number
from tuyentruyen.work.when import When, when


@dataclass(frozen=True)
class WorkItem:
    """One thing to do: ``lead`` — chủ trì (a duty's units), ``support`` — phối hợp, ``due`` as written."""

    key: str
    kind: str  # task | duty
    number: str  # "II.3", "IV.2.3"
    label: str  # "Nhiệm vụ II.3", "Mục IV.2, ý c)"
    group: str | None  # the group's title, or the duty's heading
    content: str
    lead: tuple[str, ...]
    support: tuple[str, ...]
    due: str | None
    when: When
    quantity: str | None = None
    forms: tuple[str, ...] = ()
    path: tuple = ()  # where it is in the plan file


def _join(parts) -> str:
    return " ".join(" ".join(p.split()) for p in parts if p)


def work_items(plan) -> list[WorkItem]:
    """Every work item of a plan, in the order of the document (duties first, then the appendix)."""
    year, last = plan.years
    out: list[WorkItem] = []

    def section(s, num: str, path: tuple) -> None:
        marker = s.marker.value
        for k, item in enumerate(s.items):
            if item.unit:
                out.append(_duty_item(item, k, marker, num, f"Mục {num}", s.heading, (item.unit,), s.due,
                                      path + ("items", k), year, last))
        for i, sub in enumerate(s.sections):
            section(sub, f"{num}.{i + 1}", path + ("sections", i))
        for j, duty in enumerate(s.duties):
            dnum = f"{num}.{len(s.sections) + j + 1}"
            dpath = path + ("duties", j)
            heading = duty.heading or ", ".join(duty.unit)
            units = tuple(duty.unit)
            if duty.items:
                for k, item in enumerate(duty.items):
                    out.append(_duty_item(item, k, duty.marker.value, dnum, f"Mục {dnum}", heading,
                                          (item.unit,) if item.unit else units, duty.due, dpath + ("items", k),
                                          year, last))
            else:
                text = _join([*duty.text, *duty.closing]) or heading
                out.append(WorkItem(dnum, "duty", dnum, f"Mục {dnum}", heading, text, units, (), duty.due,
                                    _duty_when(duty.due, year, last), path=dpath))

    for n, s in enumerate(plan.plan.sections):
        section(s, roman(n + 1), ("plan", "sections", n))
    appendices = plan.all_appendices()
    for k, (base, appendix) in enumerate(appendices):
        for gi, ti, group, task in appendix.iter_tasks():
            number = task_number(gi, ti)
            label = f"Nhiệm vụ {number}" + (f" (Phụ lục {roman(k + 1)})" if len(appendices) > 1 else "")
            if len(appendices) > 1:
                number = f"{roman(k + 1)}-{number}"
            out.append(WorkItem(task.id, "task", number, label, group.title if group else None,
                                " ".join(task.content.split()), tuple(task.lead), tuple(task.support), task.due,
                                when(task.due, year, last=last), task.quantity, tuple(task.forms),
                                base + appendix.task_path(gi, ti)[1:]))
    return out


def _duty_item(item, k: int, marker: str, dnum: str, where: str, heading: str, units: tuple[str, ...],
               due_default: str | None, path: tuple, year: int, last: int) -> WorkItem:
    due = item.due or due_default
    content = _join([item.text, *item.bullets])
    return WorkItem(f"{dnum}.{k + 1}", "duty", f"{dnum}.{k + 1}", f"{where}, ý {item_mark(k, marker)}", heading,
                    content, units, (), due, _duty_when(due, year, last), path=path)


def _duty_when(due: str | None, year: int, last: int) -> When:
    """A duty without a time of its own runs through the plan's year (or period), as its text says
    nothing else; it is shown so, not as a missing time (a task of the appendix without one is TT-D004)."""
    if due:
        return when(due, year, last=last)
    got = when("Thường xuyên", year, last=last)
    whole = f"năm {year}" if last == year else f"giai đoạn {year}–{last}"
    return replace(got, text=None, shown=f"trong {whole} (không ghi thời hạn riêng)")


def by_key(items: list[WorkItem]) -> dict[str, WorkItem]:
    return {i.key: i for i in items}
