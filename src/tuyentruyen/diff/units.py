"""Which unit a name means (đơn vị), for telling a renamed unit from a change of responsibility.

A lead written "Đài PT-TH tỉnh" in one version and "Đài Phát thanh - Truyền hình tỉnh"
in the next is the same unit when the registry says so: the change is cosmetic. Names are
resolved by the resolver lint uses (:class:`tuyentruyen.vn.units.UnitIndex`: exact names,
short forms, aliases, then case, tone placement, "và"/"&", abbreviations and word order),
so lint and diff always agree about which unit a name means. A name no registry knows is
compared by the resolver's folded key.
"""

from __future__ import annotations

from tuyentruyen.vn.units import UnitIndex, clean, loose_key


def name_key(name: str) -> str:
    """The key two spellings of one unit share without a registry (the resolver's loose key)."""
    return loose_key(clean(name)) or clean(name).casefold()


class UnitNames:
    """Resolve a unit name to a key: 'id:<unit id>' when a registry knows it, else 'name:<folded>'."""

    def __init__(self, index: UnitIndex | None = None, fallback: "UnitNames | None" = None):
        self.index = index
        self.fallback = fallback
        self.names: dict[str, str] = {u.id: u.name for u in index.units} if index is not None else {}

    @property
    def has_registry(self) -> bool:
        return self.index is not None

    def unit_id(self, name: str) -> str | None:
        for names in (self, self.fallback):
            if names is not None and names.index is not None:
                found = names.index.resolve(name)
                if found is not None:
                    return found.unit.id
        return None

    def key(self, name: str) -> str:
        found = self.unit_id(name)
        return f"id:{found}" if found is not None else f"name:{name_key(name)}"


def pair(old_index: UnitIndex | None, new_index: UnitIndex | None) -> tuple[UnitNames, UnitNames]:
    """The names of both sides, each falling back on the other side's registry."""
    old_units = UnitNames(old_index)
    new_units = UnitNames(new_index, fallback=old_units)
    old_units.fallback = new_units
    return old_units, new_units


def compare_units(old: list[str], new: list[str], old_names: UnitNames, new_names: UnitNames) -> dict:
    """Units added, removed and renamed (same unit, other name) between two lists."""
    ok = [old_names.key(n) for n in old]
    nk = [new_names.key(n) for n in new]
    # a name with no registry entry on one side still matches the same folded name on the other
    for i, k in enumerate(ok):
        if k.startswith("name:"):
            for j, m in enumerate(nk):
                if m.startswith("id:") and name_key(new[j]) == k[5:]:
                    ok[i] = m
    for j, k in enumerate(nk):
        if k.startswith("name:"):
            for i, m in enumerate(ok):
                if m.startswith("id:") and name_key(old[i]) == k[5:]:
                    nk[j] = m
    removed = [old[i] for i, k in enumerate(ok) if k not in nk]
    added = [new[j] for j, k in enumerate(nk) if k not in ok]
    renamed = []
    for i, k in enumerate(ok):
        if k in nk:
            j = nk.index(k)
            if old[i] != new[j]:
                renamed.append([old[i], new[j]])
    same_units = sorted(ok) == sorted(nk)
    return {"added": added, "removed": removed, "renamed": renamed, "same_units": same_units,
            "reordered": same_units and ok != nk}
