"""Which unit a name means (đơn vị), for telling a renamed unit from a change of responsibility.

A lead written "Đài PT-TH tỉnh" in one version and "Đài Phát thanh - Truyền hình tỉnh"
in the next is the same unit when the registry lists both names under one unit id: the
change is cosmetic. Without a registry, names are compared folded (NFC, case, spaces,
dashes).
"""

from __future__ import annotations

import re

from tuyentruyen.diff.text import fold

_EDGE = " ;,.:"


def name_key(name: str) -> str:
    """A unit name folded, with spaces around dashes and trailing punctuation removed."""
    return re.sub(r"\s*-\s*", "-", fold(name)).strip(_EDGE)


class UnitNames:
    """Resolve a unit name to a key: 'id:<unit id>' when a registry knows it, else 'name:<folded>'."""

    def __init__(self, registry=None, fallback: "UnitNames | None" = None):
        self.ids: dict[str, str] = {}
        self.names: dict[str, str] = {}  # unit id → canonical name
        self.fallback = fallback
        if registry is not None:
            for unit in registry.units:
                self.names[unit.id] = unit.name
                for name in (unit.name, *unit.short, *unit.aliases):
                    self.ids.setdefault(name_key(name), unit.id)

    @property
    def has_registry(self) -> bool:
        return bool(self.ids)

    def unit_id(self, name: str) -> str | None:
        key = name_key(name)
        found = self.ids.get(key)
        if found is None and self.fallback is not None:
            found = self.fallback.ids.get(key)
        return found

    def key(self, name: str) -> str:
        found = self.unit_id(name)
        return f"id:{found}" if found is not None else f"name:{name_key(name)}"


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
