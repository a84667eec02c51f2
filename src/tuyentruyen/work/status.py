"""Progress as of a date (tiến độ tính đến ngày): each item's state, per unit and overall.

A work item, as of a day, is in one state (:class:`State`):

- ``hoan-thanh`` — done (the progress says so, and it was done by that day);
- ``khong-thuc-hien-duoc`` — could not be done (with its reason);
- ``qua-han`` — late: not done and its date has passed: the end of its window, its deadline,
  the end of the year for a continuous task, an occurrence of a recurrence that no report answers
  (the latest ``reported_on`` answers the last occurrence up to 15 days after it, and those before);
- ``sap-den-han`` — due soon: not done, its date (or next occurrence) within ``soon`` days;
- ``dang-thuc-hien`` / ``chua-thuc-hien`` — the rest, as the progress says (no entry: not started).

An item without a date ("Theo kế hoạch kiểm tra") is never late nor due soon. Counts per unit
go to the units that lead (chủ trì) the item, as written — a task of "Các sở, ban, ngành" is
counted once, under the group — and, for a duty, to its units.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from tuyentruyen.model.progress import STATUS_LABELS
from tuyentruyen.work.items import WorkItem


class State(str, enum.Enum):
    DONE = "hoan-thanh"
    FAILED = "khong-thuc-hien-duoc"
    LATE = "qua-han"
    DUE_SOON = "sap-den-han"
    IN_PROGRESS = "dang-thuc-hien"
    NOT_STARTED = "chua-thuc-hien"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


# the states a progress file records are worded as the file's statuses (model.progress: one wording)
STATE_LABELS = {**{State(s.value): label for s, label in STATUS_LABELS.items()},
                State.LATE: "quá hạn", State.DUE_SOON: "sắp đến hạn"}
REPORT_WINDOW = 15  # days: a periodic report made this close to its date (before or after) answers it
ORDER = (State.LATE, State.DUE_SOON, State.IN_PROGRESS, State.NOT_STARTED, State.FAILED, State.DONE)


@dataclass(frozen=True)
class ItemStatus:
    item: WorkItem
    state: State
    entry: object | None  # model.progress.Entry
    due: dt.date | None  # the date that makes it late or due soon (next occurrence for a recurrence)
    missed: tuple[dt.date, ...] = ()  # occurrences of a recurrence passed without a report

    @property
    def reported(self) -> bool:
        return self.entry is not None


def item_status(item: WorkItem, entry, on: dt.date, soon: int = 14) -> ItemStatus:
    from tuyentruyen.model.progress import Status

    status = getattr(entry, "status", None)
    done_on = getattr(entry, "done_on", None)
    if status is Status.DONE and (done_on is None or done_on <= on):
        return ItemStatus(item, State.DONE, entry, item.when.due)
    if status is Status.FAILED:
        return ItemStatus(item, State.FAILED, entry, item.when.due)
    w = item.when
    base = State.IN_PROGRESS if status in (Status.IN_PROGRESS, Status.DONE) else State.NOT_STARTED
    if w.kind == "recurrence":
        # the latest report answers the last occurrence due by REPORT_WINDOW days after it (the
        # report of 02/04 is the one of 31/03); every occurrence after that one, passed, is missed
        last_report = getattr(entry, "reported_on", None)
        answered = dt.date.min if last_report is None else max(
            (d for d in w.occurrences if d <= last_report + dt.timedelta(days=REPORT_WINDOW)), default=dt.date.min)
        missed = tuple(d for d in w.occurrences if answered < d < on)
        upcoming = next((d for d in w.occurrences if d >= on), None)
        if missed:
            return ItemStatus(item, State.LATE, entry, missed[-1], missed)
        if upcoming is not None and (upcoming - on).days <= soon:
            return ItemStatus(item, State.DUE_SOON, entry, upcoming)
        return ItemStatus(item, base, entry, upcoming)
    due = w.next_due(on) if w.kind == "phases" else w.due
    if due is None:
        return ItemStatus(item, base, entry, None)
    if w.kind == "phases":
        passed = tuple(d for d in w.deadlines if d < on)
        if passed and base is State.NOT_STARTED:
            return ItemStatus(item, State.LATE, entry, passed[-1], passed)
        due = next((d for d in w.deadlines if d >= on), None)
        if due is None:
            return ItemStatus(item, State.LATE, entry, w.deadlines[-1])
    if due < on:
        return ItemStatus(item, State.LATE, entry, due)
    if (due - on).days <= soon and w.kind != "continuous":
        return ItemStatus(item, State.DUE_SOON, entry, due)
    return ItemStatus(item, base, entry, due)


@dataclass
class Tally:
    """Counts of one unit (or of the whole plan)."""

    name: str
    unit_id: str | None = None
    items: list[ItemStatus] = field(default_factory=list)

    def count(self, state: State) -> int:
        return sum(1 for s in self.items if s.state is state)

    @property
    def total(self) -> int:
        return len(self.items)

    def counts(self) -> dict[str, int]:
        return {s.value: self.count(s) for s in ORDER}


@dataclass
class PlanStatus:
    display: str
    title: str
    on: dt.date
    soon: int
    overall: Tally
    units: list[Tally]
    progress_display: str | None = None
    unknown_keys: list[str] = field(default_factory=list)  # progress entries for no item of the plan


def plan_status(work, on: dt.date, soon: int = 14) -> PlanStatus:
    """The status of a PlanAtWork (tuyentruyen.work.load) as of a day."""
    entries = work.entries
    keys = {i.key for i in work.items}
    statuses = [item_status(i, entries.get(i.key), on, soon) for i in work.items]
    overall = Tally("Toàn kế hoạch", None, statuses)
    tallies: dict[str, Tally] = {}
    for st in statuses:
        for p in work.assigner.parties[st.item.key]:
            if p.role == "support":
                continue
            key = p.unit_id or p.name
            tallies.setdefault(key, Tally(p.name, p.unit_id)).items.append(st)
    order = {u.id: n for n, u in enumerate(work.index.units)} if work.index is not None else {}
    units = sorted(tallies.values(), key=lambda t: (t.unit_id is None, order.get(t.unit_id, 0), t.name))
    return PlanStatus(work.display, work.plan.plan_title, on, soon, overall, units,
                      getattr(work.progress, "display", None), sorted(k for k in entries if k not in keys))
