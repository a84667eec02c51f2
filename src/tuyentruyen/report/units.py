"""Unit registries and the national list of administrative units as text, JSON and CSV (`tt units`).

- :func:`registries` — the units of one or more registries (sổ đơn vị), for copying exact names:
  id, canonical name, short forms, aliases, kind, groups, validity and successor; for a registry
  that extends the national list, how many administrative units it gets from it and, when
  searching, those that match;
- :func:`national` — administrative units of the national list (a province and its communes, or
  the whole country; on a date or now): code, level, validity with the resolution behind it,
  predecessors and successors, and the name a plan writes for its people's committee.

Each takes what the command selected and returns the text to print or write; nothing is printed here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KIND_LABELS = {
    "ubnd": "Ủy ban nhân dân", "so": "sở, ban, ngành", "van-phong": "văn phòng", "phong": "phòng chuyên môn",
    "trung-tam": "trung tâm, đơn vị sự nghiệp", "bao-dai": "báo, đài", "doan-the": "Mặt trận, đoàn thể",
    "dang": "cơ quan Đảng", "trung-uong": "cơ quan Trung ương", "hdnd": "Hội đồng nhân dân",
    "dao-tao": "cơ sở đào tạo", "doanh-nghiep": "doanh nghiệp", "nhom": "nhóm đơn vị", "khac": "khác",
}


@dataclass
class RegistryRows:
    """One registry and the units of it to show (all, or those matching a search)."""

    loaded: object  # tuyentruyen.loading.documents.LoadedRegistry
    units: list = field(default_factory=list)  # its own units to show
    index: object | None = None  # tuyentruyen.vn.units.UnitIndex, for the national layer
    national: list = field(default_factory=list)  # units of the national layer that match a search

    @property
    def registry(self):
        return self.loaded.registry


@dataclass
class NationalRows:
    """Administrative units of the national list, and what was asked for."""

    units: tuple
    province: object | None = None  # AdminUnit
    on: dt.date | None = None
    search: str | None = None
    levels: frozenset[str] | None = None


def _date(d) -> str:
    from tuyentruyen.vn.dates import fmt_date

    return fmt_date(d) if d else ""


def _validity(unit, on: dt.date | None, names: dict[str, str]) -> str:
    parts = []
    if unit.valid_from:
        parts.append(f"từ {_date(unit.valid_from)}")
    if unit.valid_until:
        parts.append(f"đến {_date(unit.valid_until)}")
        if unit.valid_until < (on or dt.date.today()):
            parts.append("(đã hết hiệu lực)")
    if unit.successor:
        parts.append(f"→ đơn vị kế thừa: {names.get(unit.successor, unit.successor)}")
    return " ".join(parts)


# ---------------------------------------------------------------- registries


def registries(rows: list[RegistryRows], fmt: str, search: str | None, on: dt.date | None) -> str:
    """The registries as `fmt` (text, json or csv)."""
    return {"text": _registries_text, "json": _registries_json, "csv": _registries_csv}[fmt](rows, search, on)


def _registries_text(rows: list[RegistryRows], search, on) -> str:
    from tuyentruyen.loading.source import display_name as relative

    out: list[str] = []
    for row in rows:
        if search and not row.units and not row.national:
            continue
        reg = row.registry
        names = {u.id: u.name for u in reg.units}
        every = {u.id: u.name for u in getattr(row.index, "units", ())} | names
        members: dict[str, int] = {}
        for u in reg.units:
            for g in u.groups:
                members[g] = members.get(g, 0) + 1
        head = f"Sổ đơn vị {relative(row.loaded.path)}"
        if reg.issuer:
            head += f" ({reg.issuer})"
        count = f"{len(row.units)}/{len(reg.units)} đơn vị khớp '{search}'" if search else f"{len(reg.units)} đơn vị"
        out += [f"{head}: {count}", ""]
        for u in row.units:
            out.append(f"{u.name}")
            out.append(f"    mã: {u.id} · loại: {KIND_LABELS.get(u.kind.value, u.kind.value)}"
                       + (f" · gồm {members[u.id]} đơn vị" if u.id in members else ""))
            if u.short:
                out.append("    viết tắt: " + "; ".join(u.short))
            if u.aliases:
                out.append("    tên gọi khác: " + "; ".join(u.aliases))
            if u.groups:
                out.append("    thuộc nhóm: " + "; ".join(names.get(g, g) for g in u.groups))
            validity = _validity(u, on, every)
            if validity:
                out.append("    hiệu lực: " + validity)
            if u.notes:
                out.append("    ghi chú: " + u.notes)
        layer = getattr(row.index, "national", None)
        if layer is not None and layer.province is not None:
            out += ["", f"Sổ này dựa trên danh sách đơn vị hành chính quốc gia (extends: national) cho "
                        f"{layer.province.full_name}: thêm {len(layer.named)} Ủy ban nhân dân của tỉnh và các đơn vị hành "
                        "chính của tỉnh (cả những đơn vị đã kết thúc, với ngày hết hiệu lực), xem bằng "
                        f"`tt units --province \"{layer.province.name}\"`."]
            if row.national:
                out += [f"Trong đó khớp '{search}':", ""]
                for u in row.national:
                    out.append(u.name)
                    out.append(f"    mã: {u.id} · viết tắt: {'; '.join(u.short)}")
                    validity = _validity(u, on, every)
                    if validity:
                        out.append("    hiệu lực: " + validity)
                    if u.notes:
                        out.append("    ghi chú: " + u.notes)
        out.append("")
    return "\n".join(out)


def _unit_json(u) -> dict:
    return {
        "id": u.id, "name": u.name, "short": list(u.short), "aliases": list(u.aliases), "kind": u.kind.value,
        "groups": list(u.groups), "valid_from": u.valid_from.isoformat() if u.valid_from else None,
        "valid_until": u.valid_until.isoformat() if u.valid_until else None, "successor": u.successor,
        "notes": u.notes,
    }


def _registries_json(rows: list[RegistryRows], search, on) -> str:
    import json

    from tuyentruyen.loading.source import display_name as relative

    out = []
    for row in rows:
        entry = {"file": relative(row.loaded.path), "issuer": row.registry.issuer,
                 "units": [_unit_json(u) for u in row.units]}
        layer = getattr(row.index, "national", None)
        if layer is not None and layer.province is not None:
            entry["extends"] = {"national": layer.province.full_name, "units": len(layer.named)}
            if search:
                entry["national_units"] = [_unit_json(u) for u in row.national]
        out.append(entry)
    return json.dumps({"version": 1, "registries": out}, ensure_ascii=False, indent=2) + "\n"


def _registries_csv(rows: list[RegistryRows], search, on) -> str:
    import csv
    import io

    from tuyentruyen.loading.source import display_name as relative

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["tệp", "mã", "tên chuẩn", "viết tắt", "tên gọi khác", "loại", "nhóm",
                     "hiệu lực từ", "hiệu lực đến", "đơn vị kế thừa", "ghi chú"])
    for row in rows:
        for u in (*row.units, *row.national):
            writer.writerow([relative(row.loaded.path), u.id, u.name, "; ".join(u.short), "; ".join(u.aliases),
                             u.kind.value, "; ".join(u.groups), _date(u.valid_from), _date(u.valid_until),
                             u.successor or "", u.notes or ""])
    return buf.getvalue()


# ---------------------------------------------------------------- the national list


def national(rows: NationalRows, fmt: str) -> str:
    """Administrative units of the national list as `fmt` (text, json or csv)."""
    return {"text": _national_text, "json": _national_json, "csv": _national_csv}[fmt](rows)


def _about(unit) -> dict:
    """What tt knows of one administrative unit, in words (shared by the three formats)."""
    from tuyentruyen.vn.admin import national as data
    from tuyentruyen.vn.units import committee_name

    nat = data()
    province = nat.province_of(unit)
    district = nat.district_of(unit)
    before = nat.predecessors_of(unit)
    after = nat.direct_successors(unit)
    return {
        "province": province, "district": district, "before": before, "after": after,
        "committee": committee_name(unit),
    }


def _where(unit) -> str:
    from tuyentruyen.vn.admin import national as data

    nat = data()
    parts = [u.full_name for u in (nat.district_of(unit), nat.province_of(unit)) if u is not None]
    return f" ({', '.join(parts)})" if parts else ""


def _national_text(rows: NationalRows) -> str:
    from collections import Counter

    from tuyentruyen.vn.admin import LEVELS

    scope = rows.province.full_name if rows.province is not None else "cả nước"
    when = f"ngày {_date(rows.on)}" if rows.on else "hiện nay"
    kinds = Counter(u.level for u in rows.units)
    parts = ", ".join(f"{n} {LEVELS[lv][1]}" for lv, n in sorted(kinds.items(), key=lambda x: list(LEVELS).index(x[0])))
    head = f"Đơn vị hành chính {scope} ({when}): {len(rows.units)} đơn vị" + (f" — {parts}" if parts else "")
    if rows.search:
        head += f", khớp '{rows.search}'"
    out = [head, "(danh sách quốc gia có sẵn trong tt; nguồn và giấy phép: tuyentruyen/data/admin/NOTICE.md)", ""]
    for u in rows.units:
        about = _about(u)
        out.append(u.full_name_capitalized)
        validity = []
        if u.valid_from:
            validity.append(f"từ {_date(u.valid_from)}")
        if u.valid_until:
            validity.append(f"đến {_date(u.valid_until)}")
        line = f"    mã: {u.code} · cấp: {u.level_description}"
        if about["district"] is not None:
            line += f" · {about['district'].full_name}"
        if about["province"] is not None and rows.province is None:
            line += f" · {about['province'].full_name}"
        out.append(line)
        if validity or u.basis:
            out.append("    hiệu lực: " + " ".join(validity) + (f" ({u.basis})" if u.basis else ""))
        if about["before"]:
            out.append("    hợp thành từ: " + ", ".join(p.full_name + _where(p) for p in about["before"]))
        if about["after"]:
            out.append("    nay thuộc: " + ", ".join(s.full_name for s in about["after"]))
        out.append(f"    tên trong kế hoạch: {about['committee']} (UBND {u.full_name})")
    out.append("")
    return "\n".join(out)


def _national_json(rows: NationalRows) -> str:
    import json

    def brief(u):
        return {"code": u.code, "full_name": u.full_name,
                "valid_from": u.valid_from.isoformat() if u.valid_from else None,
                "valid_until": u.valid_until.isoformat() if u.valid_until else None}

    units = []
    for u in rows.units:
        about = _about(u)
        units.append({
            "code": u.code, "name": u.name, "level": u.level, "full_name": u.full_name,
            "province": brief(about["province"]) if about["province"] is not None else None,
            "district": brief(about["district"]) if about["district"] is not None else None,
            "valid_from": u.valid_from.isoformat() if u.valid_from else None,
            "valid_until": u.valid_until.isoformat() if u.valid_until else None,
            "basis": str(u.basis) if u.basis else None,
            "predecessors": [brief(p) for p in about["before"]],
            "successors": [brief(s) for s in about["after"]],
            "committee": about["committee"],
        })
    data = {"version": 1, "national": {
        "province": rows.province.full_name if rows.province is not None else None,
        "on": rows.on.isoformat() if rows.on else None, "search": rows.search,
        "levels": sorted(rows.levels) if rows.levels else None, "units": units}}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _national_csv(rows: NationalRows) -> str:
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["mã", "cấp", "tên", "tên đầy đủ", "tỉnh", "huyện (trước 01/7/2025)", "hiệu lực từ",
                     "hiệu lực đến", "căn cứ", "hợp thành từ", "nay thuộc", "tên trong kế hoạch"])
    for u in rows.units:
        about = _about(u)
        writer.writerow([
            u.code, u.level, u.name, u.full_name,
            about["province"].full_name if about["province"] is not None else "",
            about["district"].full_name if about["district"] is not None else "",
            _date(u.valid_from), _date(u.valid_until), str(u.basis) if u.basis else "",
            "; ".join(p.full_name for p in about["before"]), "; ".join(s.full_name for s in about["after"]),
            about["committee"]])
    return buf.getvalue()
