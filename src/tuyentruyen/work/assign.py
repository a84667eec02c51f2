"""Who does what (phân công): the units of each work item, and each unit's own list.

Names are resolved by the plan's registry (:class:`tuyentruyen.vn.units.UnitIndex`), the one
resolver of tt: a name written several ways is one unit; "Các sở, ban, ngành, UBND các
huyện, thành phố" written in one entry is each unit it names (``UnitIndex.split``); a group
(kind ``nhom``: "Các sở, ban, ngành") stands for each of its members, so a task of the group
is in the list of every member, marked "qua nhóm …". A name the registry does not know keeps
its list under the name as written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tuyentruyen.work.items import WorkItem

ROLES = {"lead": "chủ trì", "support": "phối hợp", "duty": "thực hiện"}


@dataclass(frozen=True)
class Party:
    """A unit named by a work item: its id in the registry (None: unknown), the name to print, its role."""

    unit_id: str | None
    name: str
    role: str  # lead | support | duty
    is_group: bool = False


@dataclass(frozen=True)
class Assignment:
    """A work item in one unit's list: as what (role) and through which group, if any."""

    item: WorkItem
    role: str
    via: str | None = None  # the group's name when the unit has the item as a member of it

    @property
    def role_label(self) -> str:
        return ROLES[self.role] + (f" (qua nhóm “{self.via}”)" if self.via else "")


@dataclass
class UnitList:
    """A unit's own list (danh sách nhiệm vụ của một đơn vị), sorted by when each item is due."""

    name: str
    unit_id: str | None
    assignments: list[Assignment] = field(default_factory=list)


class Assigner:
    """The units of the work items of one plan, resolved once."""

    def __init__(self, items: list[WorkItem], index=None):
        self.items = items
        self.index = index  # UnitIndex or None (no registry: names as written)
        self.parties: dict[str, list[Party]] = {i.key: self._parties(i) for i in items}

    def _resolve(self, written: str) -> list[tuple[str | None, str, bool]]:
        """(id, canonical name, is a group) of each unit a name stands for."""
        if self.index is None:
            return [(None, " ".join(written.split()), False)]
        found = self.index.resolve(written)
        hits = [found] if found is not None else self.index.split(written)
        if not hits:
            return [(None, " ".join(written.split()), False)]
        return [(r.unit.id, r.unit.name, self.index.is_group(r.unit)) for r in hits]

    def _parties(self, item: WorkItem) -> list[Party]:
        out: list[Party] = []
        seen: set[tuple] = set()
        lead_role = "duty" if item.kind == "duty" else "lead"
        for role, names in ((lead_role, item.lead), ("support", item.support)):
            for written in names:
                for unit_id, name, group in self._resolve(written):
                    key = (unit_id or name, role)
                    if key not in seen:
                        seen.add(key)
                        out.append(Party(unit_id, name, role, group))
        return out

    def members(self, party: Party) -> set[str]:
        if self.index is None or not party.is_group or party.unit_id is None:
            return set()
        return set(self.index.members(party.unit_id))

    def assignment(self, item: WorkItem, unit_id: str | None, name: str) -> Assignment | None:
        """The item in the list of a unit (by id; by name for a unit not in the registry), or None."""
        best: Assignment | None = None
        for p in self.parties[item.key]:
            if unit_id is not None and p.unit_id == unit_id or unit_id is None and p.unit_id is None and p.name == name:
                found = Assignment(item, p.role)
            elif unit_id is not None and unit_id in self.members(p):
                found = Assignment(item, p.role, via=p.name)
            else:
                continue
            if best is None or _rank(found) < _rank(best):
                best = found
        return best

    def unit_list(self, unit_id: str | None, name: str, on: dt.date | None = None) -> UnitList:
        got = UnitList(name, unit_id)
        for item in self.items:
            a = self.assignment(item, unit_id, name)
            if a is not None:
                got.assignments.append(a)
        got.assignments.sort(key=lambda a: (*a.item.when.sort_key(on), _number_key(a.item)))
        return got

    def units(self) -> list[tuple[str | None, str]]:
        """Every unit with work in the plan, in registry order (then unknown names as written):
        the units named, the members of the groups named, and a group without members itself."""
        ids: set[str] = set()
        unknown: list[str] = []
        for parties in self.parties.values():
            for p in parties:
                if p.unit_id is None:
                    if p.name not in unknown:
                        unknown.append(p.name)
                    continue
                members = self.members(p)
                if members:
                    ids |= {m for m in members if not self._is_group(m)}
                if not p.is_group or not members:
                    ids.add(p.unit_id)
        order = [u for u in self.index.units if u.id in ids] if self.index is not None else []
        return [(u.id, u.name) for u in order] + [(None, n) for n in unknown]

    def _is_group(self, unit_id: str) -> bool:
        unit = self.index.by_id.get(unit_id) if self.index is not None else None
        return unit is not None and self.index.is_group(unit)


def _rank(a: Assignment) -> tuple:
    return ({"lead": 0, "duty": 0, "support": 1}[a.role], a.via is not None)


def _number_key(item: WorkItem) -> tuple:
    from tuyentruyen.vn.numerals import from_roman

    parts = []
    for p in item.number.split("."):
        value = from_roman(p) if not p.isdigit() else int(p)
        parts.append(value if value is not None else 0)
    return (item.kind != "task", tuple(parts))


class UnknownUnit(Exception):
    """A --unit that is in no plan's registry: the name and the nearest names."""

    def __init__(self, name: str, suggestions: list[str]):
        super().__init__(name)
        self.name, self.suggestions = name, suggestions


def find_unit(name: str, index, assigner: Assigner | None = None) -> tuple[str | None, str]:
    """(id, canonical name) of the unit a clerk typed (any spelling the registry knows, or the
    name without diacritics); raises UnknownUnit with the nearest names."""
    from tuyentruyen.vn.text import fold

    wanted = " ".join(name.split())
    if index is not None:
        found = index.resolve(wanted)
        if found is not None:
            return found.unit.id, found.unit.name
        key = " ".join(fold(wanted).split())
        bare = [u for u in index.units if any(" ".join(fold(n).split()) == key for n in (u.name, *u.short, *u.aliases))]
        if len(bare) == 1:
            return bare[0].id, bare[0].name
    if assigner is not None:  # a name the plan writes that the registry does not know
        for unit_id, shown in assigner.units():
            if unit_id is None and fold(shown) == fold(wanted):
                return None, shown
    suggestions = index.suggest(wanted, 3) if index is not None else []
    raise UnknownUnit(wanted, suggestions)
