"""The national list in a registry (`extends: national`) and names judged at a plan's date
(tuyentruyen.vn.units, tuyentruyen.vn.admin): the units a province's registry gets, which unit a
name means on a date, "did you mean", and the administrative units a text names."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from tuyentruyen.model import Registry
from tuyentruyen.vn import admin
from tuyentruyen.vn.admin import ceased_levels, gone, levels_named, mentions, national
from tuyentruyen.vn.units import UnitIndex

Y2024 = (date(2024, 1, 1), date(2024, 12, 31))
Y2027 = (date(2027, 1, 1), date(2027, 12, 31))


def registry(province: str | None = "Tuyên Quang", units=None) -> Registry:
    data = {"tt": 1, "issuer": "Ủy ban nhân dân xã Bắc Mê",
            "units": units or [{"id": "vp", "name": "Văn phòng HĐND và UBND xã", "kind": "van-phong"}]}
    if province:
        data |= {"extends": "national", "province": province}
    return Registry.model_validate(data)


@pytest.fixture(scope="module")
def tq() -> UnitIndex:
    return UnitIndex(registry())


# ----------------------------------------------------------------------------- the meta alone

def test_meta_and_ceased_levels_do_not_read_the_payload():
    code = ("from datetime import date; from tuyentruyen.vn import admin; "
            "print(sorted(admin.ceased_levels(date(2027, 1, 1)))); print(admin._load.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "['huyen', 'quan', 'thanh-pho', 'thi-tran', 'thi-xa']"
    assert out[1] == "0"  # the 14,000 records were not built


def test_level_spans_of_the_meta_agree_with_the_payload():
    spans = admin.level_spans()
    for level in admin.LEVELS:
        units = [u for u in national().units if u.level == level]
        first = None if any(u.valid_from is None for u in units) else min(u.valid_from for u in units)
        last = None if any(u.valid_until is None for u in units) else max(u.valid_until for u in units)
        assert spans[level] == (first, last), level


@pytest.mark.parametrize("day,expected", [
    (date(2024, 6, 1), set()),
    (date(2025, 6, 30), set()),  # the last day of the districts
    (date(2025, 7, 1), {"huyen", "quan", "thi-xa", "thanh-pho", "thi-tran"}),
    (date(2027, 1, 1), {"huyen", "quan", "thi-xa", "thanh-pho", "thi-tran"}),
])
def test_ceased_levels(day, expected):
    assert set(ceased_levels(day)) == expected
    assert all(last == date(2025, 6, 30) for last in ceased_levels(day).values())


@pytest.mark.parametrize("word,levels", [
    ("xa", {"xa"}), ("Xã", {"xa"}), ("phuong", {"phuong"}), ("thi-tran", {"thi-tran"}), ("thị trấn", {"thi-tran"}),
    ("thành phố", {"thanh-pho-tw", "thanh-pho"}), ("cấp tỉnh", {"tinh", "thanh-pho-tw"}),
    ("cap xa", {"xa", "phuong", "thi-tran", "dac-khu"}), ("xa,phuong", {"xa", "phuong"}), ("sở", None), ("xa,ấp", None),
])
def test_levels_named(word, levels):
    assert levels_named(word) == (frozenset(levels) if levels else None)


# ----------------------------------------------------------------------------- a province's family

def test_the_family_of_a_merged_province_both_ways():
    nat = national()
    names = lambda units: sorted((u.full_name, u.valid_until is None) for u in units)  # noqa: E731
    expected = [("tỉnh Hà Giang", False), ("tỉnh Tuyên Quang", False), ("tỉnh Tuyên Quang", True)]
    assert names(nat.family(nat.province_named("Tuyên Quang"))) == expected
    assert names(nat.family(nat.province_named("Hà Giang"))) == expected
    dong_nai = {u.full_name for u in nat.family(nat.province_named("Đồng Nai"))}
    assert dong_nai == {"tỉnh Bình Phước", "tỉnh Đồng Nai", "thành phố Đồng Nai"}  # 2025 merger, 2026 city


def test_the_family_holds_the_old_districts_and_both_layers_of_communes():
    nat = national()
    within = nat.within(nat.family(nat.province_named("Tuyên Quang")))
    assert sum(u.tier == "district" for u in within) == 11 + 7  # Hà Giang's and the old Tuyên Quang's
    assert sum(u.is_commune and u.valid_until is None for u in within) == 124
    assert sum(u.is_commune and u.valid_until is not None for u in within) == 193 + 137


# ----------------------------------------------------------------------------- names in text

@pytest.mark.parametrize("text,found", [
    ("UBND huyện Bắc Mê", [("huyện", "Bắc Mê")]),
    ("Phòng Nội vụ huyện", [("huyện", None)]),
    ("UBND các xã, thị trấn", [("xã", None), ("thị trấn", None)]),
    ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", [("TỈNH", "HÀ GIANG")]),
    ("CHỦ TỊCH UBND HUYỆN XUÂN LỘC VÀ CÁC XÃ", [("HUYỆN", "XUÂN LỘC"), ("XÃ", None)]),
    ("Thường trực Huyện ủy", [("Huyện", None)]),
    ("TP. Hồ Chí Minh", [("TP.", "Hồ Chí Minh")]),
    ("UBND tỉnh Bà Rịa - Vũng Tàu", [("tỉnh", "Bà Rịa - Vũng Tàu")]),
    ("Phường 1, Quận 3", [("Phường", "1"), ("Quận", "3")]),
    ("Phòng Văn hóa - Xã hội", [("Xã", None)]),
    ("UBND thị xã Đức Phổ", [("thị xã", "Đức Phổ")]),
    ("Sở Nội vụ", []),
])
def test_mentions(text, found):
    assert [(m.word, m.name) for m in mentions(text)] == found


@pytest.mark.parametrize("text,window,kind,heirs", [
    ("UBND huyện Bắc Mê", Y2027, "ended", ["xã Ngọc Đường", "xã Minh Sơn", "xã Giáp Trung", "xã Bắc Mê",
                                            "xã Minh Ngọc", "xã Yên Cường", "xã Đường Hồng"]),
    ("UBND huyện Bắc Mê", Y2024, None, None),               # a 2024 plan names it rightly
    ("UBND tỉnh Hà Giang", Y2027, "ended", ["tỉnh Tuyên Quang"]),
    ("UBND các xã, thị trấn", Y2027, "level", []),
    ("Thường trực Huyện ủy", Y2027, "level", []),
    ("UBND thành phố Hồ Chí Minh", Y2027, None, None),      # a city of the province level lives on
    ("UBND thành phố Tuyên Quang", Y2027, "ended", None),   # the city of the district level does not
    ("UBND tỉnh Đồng Nai", Y2027, "ended", ["thành phố Đồng Nai"]),  # a city since 2026
    ("UBND xã Bắc Mê", Y2024, "not_yet", []),
    ("UBND huyện Châu Thành", Y2027, "ended", []),           # one name, several provinces: no guess
])
def test_gone(text, window, kind, heirs):
    found = [g for m in mentions(text) if (g := gone(m, *window)) is not None]
    if kind is None:
        assert found == []
        return
    assert [g.kind for g in found] == [kind]
    if heirs is not None:
        assert [u.full_name for u in found[0].successors] == heirs


def test_a_name_shared_across_provinces_is_judged_in_the_registry_province():
    # xã Yên Phong of Hà Giang merged into xã Bắc Mê; a xã Yên Phong of another province lives on
    m = mentions("UBND xã Yên Phong")[0]
    assert gone(m, *Y2027) is None
    nat = national()
    within = frozenset(nat.within(nat.family(nat.province_named("Tuyên Quang"))))
    g = gone(m, *Y2027, within=within)
    assert g.kind == "ended" and [u.full_name for u in g.successors] == ["xã Bắc Mê"]


# ----------------------------------------------------------------------------- a registry on the list

def test_the_layer_gives_the_committees_with_validity(tq):
    now = tq.for_plan(None, 2027)
    r = now.resolve("UBND xã Bắc Mê")
    assert (r.unit.name, r.unit.valid_from, r.unit.valid_until) == ("Ủy ban nhân dân xã Bắc Mê", date(2025, 7, 1), None)
    assert now.is_national(r.unit) and now.admin_unit(r.unit).code == "00991"
    assert now.resolve("Ủy ban nhân dân tỉnh Tuyên Quang").unit.valid_from == date(2025, 7, 1)
    assert now.resolve("Văn phòng HĐND và UBND xã").unit.id == "vp"  # the registry's own


def test_a_name_means_the_unit_of_the_plans_time(tq):
    # "UBND tỉnh" is the old Tuyên Quang in 2024 and the merged one in 2027
    old = tq.for_plan(date(2024, 3, 1), 2024).resolve("UBND tỉnh").unit
    new = tq.for_plan(None, 2027).resolve("UBND tỉnh").unit
    assert old.valid_until == date(2025, 6, 30) and new.valid_from == date(2025, 7, 1) and old.id != new.id


def test_heirs_of_an_abolished_district_and_of_a_merged_commune(tq):
    now = tq.for_plan(None, 2027)
    district = now.resolve("UBND huyện Bắc Mê").unit
    assert not now.exists(district)
    assert [h.name for h in now.heirs(district)][:2] == ["Ủy ban nhân dân xã Ngọc Đường", "Ủy ban nhân dân xã Minh Sơn"]
    assert len(now.heirs(district)) == 7
    assert tq.by_id[district.successor].name.startswith("Ủy ban nhân dân xã Ngọc Đường, xã Minh Sơn")  # TT-R007's hint
    town = now.resolve("UBND thị trấn Yên Phú").unit
    assert [h.name for h in now.heirs(town)] == ["Ủy ban nhân dân xã Bắc Mê"] and town.successor == "dvhc-00991"


def test_did_you_mean_proposes_only_units_of_the_plans_time(tq):
    assert tq.for_plan(None, 2027).suggest("UBND huyen Bac Mee") == ["Ủy ban nhân dân xã Bắc Mê"]
    assert tq.for_plan(date(2024, 5, 1), 2024).suggest("UBND huyen Bac Mee") == ["Ủy ban nhân dân huyện Bắc Mê"]


def test_did_you_mean_leaves_out_a_registry_unit_whose_name_names_an_abolished_district():
    # a registry copied from before the merger, without end dates (the "UBND huyện Yên Minh")
    reg = registry(None, [{"id": "ym", "name": "UBND huyện Yên Minh", "kind": "ubnd"},
                          {"id": "snv", "name": "Sở Nội vụ", "kind": "so"}])
    idx = UnitIndex(reg)
    assert idx.for_plan(date(2024, 5, 1), 2024).suggest("UBND huyện Bắc Mê") == ["UBND huyện Yên Minh"]
    assert idx.for_plan(None, 2027).suggest("UBND huyện Bắc Mê") == []


def test_the_registry_shadows_the_list():
    reg = registry(units=[{"id": "bm", "name": "UBND huyện Bắc Mê", "kind": "ubnd"}])
    r = UnitIndex(reg).for_plan(None, 2027).resolve("UBND huyện Bắc Mê")
    assert r.unit.id == "bm"  # the clerk's own unit (TT-R014 still reports the district: see the lint tests)


def test_a_registry_without_extends_gets_no_layer():
    idx = UnitIndex(registry(None))
    assert idx.national is None and idx.resolve("UBND xã Bắc Mê") is None
