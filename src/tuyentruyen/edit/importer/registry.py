"""The unit registry of an imported plan (sổ đơn vị): every unit the plan assigns work to.

Names come from the responsibilities (lead, support, the units of duties and items). Two
spellings are one unit when tt's resolver says so (:class:`tuyentruyen.vn.units.UnitIndex`:
case, punctuation, "và", abbreviations such as UBND and PT-TH, word order — "Đài Phát thanh -
Truyền hình tỉnh", "Đài PTTH tỉnh", "Đài phát thanh và Truyền hình tỉnh"). The spelling the
document uses most becomes the canonical name, the others aliases — so `tt lint` then points
at every place a variant was written (TT-R006) instead of the importer correcting it. A name
with "các" is a group (kind nhom); the other kinds are guessed from the first words
(words.yaml ``unit_kinds``). Every merge is noted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from tuyentruyen.edit.importer.blocks import words
from tuyentruyen.vn.text import fold, slug, squash


@dataclass
class Gathered:
    name: str
    spellings: Counter = field(default_factory=Counter)
    first: int = 0


def responsibility_names(data: dict) -> list[str]:
    """Unit names of the plan data, in document order (a misspelt label "Chỉ trì:" removed)."""
    out: list[str] = []

    def add(value) -> None:
        for v in ([value] if isinstance(value, str) else value or []):
            if isinstance(v, str) and v.strip():
                out.append(re.sub(r"^[^:]{2,20}:\s*", "", squash(v)) if ":" in v[:22] else squash(v))

    def body(b: dict) -> None:
        for item in b.get("items", []) or []:
            if isinstance(item, dict) and item.get("unit"):
                add(item["unit"])
        for d in b.get("duties", []) or []:
            add(d.get("unit"))
            body(d)
        for s in b.get("sections", []) or []:
            body(s)

    for s in (data.get("plan") or {}).get("sections", []) or []:
        body(s)
    appendix = data.get("appendix") or {}
    tasks = [t for g in appendix.get("groups", []) or [] for t in g["tasks"]] + list(appendix.get("tasks", []) or [])
    for t in tasks:
        add(t.get("lead"))
        add(t.get("support"))
    return out


def _registry(units: list[dict]):
    from tuyentruyen.model import Registry

    return Registry.model_validate({"tt": 1, "units": units})


def gather(names: list[str]) -> list[Gathered]:
    """Spellings grouped into units, by tt's resolver (UnitIndex), in order of first use."""
    from tuyentruyen.vn.units import UnitIndex

    counts = Counter(names)
    order = {n: k for k, n in reversed(list(enumerate(names)))}
    groups: list[Gathered] = []
    index = None
    for name in sorted(counts, key=lambda n: (-counts[n], order[n])):
        hit = index.resolve(name) if index is not None else None
        if hit is not None:
            g = next(g for g in groups if g.name == hit.unit.name)
            g.spellings[name] += counts[name]
            g.first = min(g.first, order[name])
            continue
        groups.append(Gathered(name, Counter({name: counts[name]}), order[name]))
        units = [{"id": f"u{k}", "name": g.name, "aliases": [s for s in g.spellings if s != g.name], "kind": "khac"}
                 for k, g in enumerate(groups)]
        index = UnitIndex(_registry(units))
    groups.sort(key=lambda g: g.first)
    return groups


def kind_of(name: str) -> str:
    f = fold(name)
    if re.search(r"(?<![a-z])cac(?![a-z])", f):
        return "nhom"
    for prefix, kind in sorted(words()["unit_kinds"], key=lambda x: -len(x[0])):
        if f == prefix or f.startswith(prefix + " "):
            return kind
    return "khac"


def registry_data(names: list[str], issuer: str | None) -> tuple[dict, list[tuple[int, str]]]:
    """The units.yaml data and, per unit index, a note on the spellings merged into it."""
    groups = gather(names)
    units = []
    notes: list[tuple[int, str]] = []
    used: set[str] = set()
    for k, g in enumerate(groups):
        uid = slug(g.name, "don-vi", 60)
        base, n = uid, 2
        while uid in used:
            uid = f"{base}-{n}"
            n += 1
        used.add(uid)
        entry: dict = {"id": uid, "name": g.name}
        aliases = [s for s, _c in g.spellings.most_common() if s != g.name]
        if aliases:
            entry["aliases"] = aliases
            shown = ", ".join(f"'{s}' ({c} lần)" for s, c in g.spellings.most_common())
            notes.append((k, f"gộp {len(g.spellings)} cách viết của một đơn vị: {shown}; tên chuẩn là cách viết "
                             "nhiều nhất — sửa 'name' nếu tên chính thức khác; tên viết tắt được chấp nhận thì "
                             "chuyển sang 'short'"))
        entry["kind"] = kind_of(g.name)
        units.append(entry)
    data: dict = {"tt": 1}
    if issuer:
        data["issuer"] = issuer
    data["units"] = units
    return data, notes
