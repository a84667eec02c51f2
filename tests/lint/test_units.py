"""The unit resolver: a name as clerks write it → the registry's unit, never a guess."""

from __future__ import annotations

import pytest

from tuyentruyen.model import Registry
from tuyentruyen.vn.units import UnitIndex, loose_key

REGISTRY = Registry.model_validate({"units": [
    {"id": "cac-so", "name": "Các sở, ban, ngành", "kind": "nhom", "aliases": ["Các sở, ngành"]},
    {"id": "ubnd-huyen", "name": "UBND các huyện, thị xã, thành phố", "kind": "nhom", "groups": []},
    {"id": "so-noi-vu", "name": "Sở Nội vụ", "short": ["SNV"], "kind": "so", "groups": ["cac-so"]},
    {"id": "so-tttt", "name": "Sở Thông tin và Truyền thông", "short": ["Sở TT&TT"], "kind": "so",
     "groups": ["cac-so"]},
    {"id": "van-phong", "name": "Văn phòng UBND tỉnh", "kind": "van-phong", "groups": ["cac-so"]},
    {"id": "dai", "name": "Đài Phát thanh - Truyền hình tỉnh", "short": ["Đài PT-TH tỉnh"],
     "aliases": ["Đài Phát thanh và Truyền hình tỉnh"], "kind": "bao-dai"},
    {"id": "bao", "name": "Báo Hà Giang", "kind": "bao-dai"},
    {"id": "thi-dua", "name": "Ban Thi đua - Khen thưởng tỉnh", "kind": "so", "groups": ["cac-so"]},
    {"id": "hoa-a", "name": "Phòng Hòa giải", "kind": "phong"},
    {"id": "mttq", "name": "Ủy ban Mặt trận Tổ quốc tỉnh", "kind": "doan-the"},
]})


@pytest.fixture(scope="module")
def idx():
    return UnitIndex(REGISTRY)


@pytest.mark.parametrize("written, unit, how", [
    ("Sở Nội vụ", "so-noi-vu", "name"),
    ("  Sở  Nội vụ ", "so-noi-vu", "name"),
    ("SNV", "so-noi-vu", "short"),
    ("Đài PT-TH tỉnh", "dai", "short"),
    ("Đài Phát thanh và Truyền hình tỉnh", "dai", "alias"),
    ("sở Nội vụ", "so-noi-vu", "name"),  # the first letter follows the sentence
    ("Sở Thông tin và truyền thông", "so-tttt", "case"),
    ("Đài phát thanh và truyền hình tỉnh", "dai", "case"),
    ("Đài phát thanh truyền hình tỉnh", "dai", "loose"),
    ("Đài PTTH tỉnh", "dai", "loose"),
    ("Ban Thi đua khen thưởng tỉnh", "thi-dua", "loose"),
    ("Văn phòng Ủy ban nhân dân tỉnh", "van-phong", "loose"),
    ("Phòng Hoà giải", "hoa-a", "loose"),  # old tone placement
    ("Ủy Ban Mặt Trận Tổ Quốc tỉnh", "mttq", "case"),
    ("Các sở, ban ngành", "cac-so", "loose"),
    ("UBND các huyện, thành phố, thị xã", "ubnd-huyen", "order"),
    ("Sở Thông tin & Truyền thông", "so-tttt", "loose"),
])
def test_resolves(idx, written, unit, how):
    r = idx.resolve(written)
    assert r is not None and (r.unit.id, r.how) == (unit, how)


@pytest.mark.parametrize("written", ["Sở Tài chính", "So Noi vu", "Đài", "", "Báo Nhân dân"])
def test_unknown(idx, written):
    assert idx.resolve(written) is None


def test_suggestions_ignore_diacritics_and_case(idx):
    assert idx.suggest("So Noi vu") == ["Sở Nội vụ"]
    assert idx.suggest("dai phat thanh truyen hinh tinh") == ["Đài Phát thanh - Truyền hình tỉnh"]
    assert idx.suggest("Sở Tư pháp") == []


def test_a_folded_name_shared_by_two_units_resolves_to_neither():
    reg = Registry.model_validate({"units": [
        {"id": "a", "name": "Phòng Văn hóa - Thông tin", "kind": "phong"},
        {"id": "b", "name": "Phòng Văn hóa và Thông tin", "kind": "phong"},
    ]})
    idx = UnitIndex(reg)
    assert idx.resolve("Phòng văn hóa thông tin") is None
    assert idx.resolve("Phòng Văn hóa - Thông tin").unit.id == "a"


@pytest.mark.parametrize("line, ids", [
    ("Giám đốc Sở Nội vụ", ["so-noi-vu"]),
    ("Chánh Văn phòng UBND tỉnh", ["van-phong"]),
    ("Thủ trưởng các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh", ["cac-so"]),
    ("Báo Hà Giang, Đài PT-TH tỉnh", ["bao", "dai"]),
    ("Sở Nội vụ (báo cáo);", ["so-noi-vu"]),
    ("- Ủy ban Mặt trận Tổ quốc tỉnh và các đoàn thể;", ["mttq"]),
    ("Chủ tịch, các PCT UBND tỉnh", []),
    ("Lưu: VT", []),
])
def test_parties_strip_titles_notes_and_split(idx, line, ids):
    assert [r.unit.id for r in idx.parties(line)] == ids


def test_nhu_dieu_3_is_the_executors(idx):
    executors = ("Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Nội vụ")
    assert [r.unit.id for r in idx.parties("Như Điều 3;", executors)] == ["van-phong", "so-noi-vu"]
    assert idx.parties("Như Điều 3", ()) == ()


def test_groups_and_members(idx):
    assert idx.groups_of("so-noi-vu") == {"cac-so"}
    assert {"so-noi-vu", "so-tttt", "van-phong", "thi-dua"} <= idx.members("cac-so")
    assert idx.members("so-noi-vu") == frozenset()


def test_loose_key_abbreviations():
    assert loose_key("UBND tỉnh") == loose_key("Ủy ban nhân dân tỉnh")
    assert loose_key("Đài PT-TH") == loose_key("Đài Phát thanh - Truyền hình")
    assert loose_key("Sở TT&TT") == loose_key("Sở Thông tin và Truyền thông")
