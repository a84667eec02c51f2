"""`tt units`: the unit registry listed so that clerks copy exact names (issue 6, part 3)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import PLANS, ROOT, run_tt
from tuyentruyen import api
from tuyentruyen.vn.text import fold

QN = PLANS / "quang-ngai" / "units.yaml"


def test_text_lists_every_unit_with_its_names():
    registry = api.load_registry(QN).registry
    res = run_tt("units", str(QN.relative_to(ROOT)), cwd=ROOT)
    assert res.code == 0
    assert f"{len(registry.units)} đơn vị" in res.out.splitlines()[0]
    for unit in registry.units:
        assert f"\n{unit.name}\n    mã: {unit.id} · loại: " in res.out
        for name in (*unit.short, *unit.aliases):
            assert name in res.out
    assert "thuộc nhóm: Các cơ quan thông tấn báo chí" in res.out  # a group shown by its name


def test_a_plan_stands_for_its_registry():
    a = run_tt("units", "plans/quang-ngai/2023.yaml", cwd=ROOT)
    b = run_tt("units", "plans/quang-ngai/units.yaml", cwd=ROOT)
    assert a.code == b.code == 0 and a.out == b.out


def test_no_argument_lists_every_registry_of_the_repository():
    res = run_tt("units", cwd=ROOT)
    assert res.code == 0
    for registry in PLANS.rglob("units.yaml"):
        assert f"Sổ đơn vị {registry.relative_to(ROOT)}" in res.out


def test_json_and_csv_hold_the_same_units():
    registry = api.load_registry(QN).registry
    data = json.loads(run_tt("units", "-f", "json", str(QN), cwd=ROOT).out)
    units = data["registries"][0]["units"]
    assert [u["id"] for u in units] == [u.id for u in registry.units]
    assert units[0].keys() >= {"id", "name", "short", "aliases", "kind", "groups", "valid_from", "valid_until"}
    rows = list(csv.DictReader(io.StringIO(run_tt("units", "-f", "csv", str(QN), cwd=ROOT).out)))
    assert [r["mã"] for r in rows] == [u.id for u in registry.units]
    with_end = [u for u in registry.units if u.valid_until]
    assert with_end and all(r["hiệu lực đến"] == u.valid_until.strftime("%d/%m/%Y")
                            for r, u in zip(rows, registry.units, strict=True) if u.valid_until)


def test_csv_file_has_a_bom_for_excel(tmp_path):
    out = tmp_path / "donvi.csv"
    assert run_tt("units", "-f", "csv", "-o", str(out), str(QN), cwd=ROOT).code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_search_ignores_case_and_diacritics():
    res = run_tt("units", "--search", "dai phat thanh", str(QN), cwd=ROOT)
    assert res.code == 0
    assert "Đài Phát thanh - Truyền hình Quảng Ngãi" in res.out and "Sở Tư pháp" not in res.out
    res = run_tt("units", "--search", "không có đơn vị này", str(QN), cwd=ROOT)
    assert res.code == 1 and "Không có đơn vị nào khớp" in res.err


def test_a_broken_registry_is_reported(tmp_path):
    (tmp_path / "units.yaml").write_text("tt: 1\nunits:\n  - id: a\n    name: A\n    kind: sai\n", encoding="utf-8")
    res = run_tt("units", "units.yaml", cwd=tmp_path)
    assert res.code == 1 and "units.yaml:5:" in res.err


def test_no_registry_is_a_usage_error(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2026.yaml").write_text("tt: 1\n", encoding="utf-8")
    res = run_tt("units", cwd=tmp_path)
    assert res.code == 2 and "units.yaml" in res.err


# ---------------------------------------------------------------- the national list (issue 10, part 2)


def test_a_province_is_listed_with_its_communes_ignoring_diacritics():
    res = run_tt("units", "--province", "tuyen quang", "--kind", "xa", "--search", "bac me", cwd=ROOT)
    assert res.code == 0, res.text
    assert res.out.startswith("Đơn vị hành chính tỉnh Tuyên Quang (hiện nay): 1 đơn vị — 1 xã, khớp 'bac me'\n")
    assert "\nXã Bắc Mê\n    mã: 00991 · cấp: xã\n" in res.out
    assert "hợp thành từ: thị trấn Yên Phú (huyện Bắc Mê, tỉnh Hà Giang), xã Yên Phong (huyện Bắc Mê" in res.out
    assert "tên trong kế hoạch: Ủy ban nhân dân xã Bắc Mê (UBND xã Bắc Mê)" in res.out
    everything = run_tt("units", "--province", "Tuyên Quang", cwd=ROOT)
    assert everything.out.startswith("Đơn vị hành chính tỉnh Tuyên Quang (hiện nay): 125 đơn vị — 1 tỉnh, 117 xã, "
                                     "7 phường\n")


def test_a_province_before_the_merger_on_a_date():
    res = run_tt("units", "--province", "Hà Giang", "--on", "30/06/2025", "--kind", "huyen", "-f", "json", cwd=ROOT)
    data = json.loads(res.out)["national"]
    assert data["province"] == "tỉnh Hà Giang" and data["on"] == "2025-06-30" and len(data["units"]) == 10
    bac_me = next(u for u in data["units"] if u["name"] == "Bắc Mê")
    assert bac_me["valid_until"] == "2025-06-30" and len(bac_me["successors"]) == 7
    assert {"full_name": "xã Bắc Mê", "code": "00991", "valid_from": "2025-07-01", "valid_until": None} in \
        bac_me["successors"]


def test_an_ended_province_now_says_where_it_went():
    res = run_tt("units", "--province", "Hà Giang", cwd=ROOT)
    assert res.code == 2
    assert "Tỉnh Hà Giang chỉ tồn tại đến ngày 30/06/2025 (nay thuộc tỉnh Tuyên Quang)." in res.err
    assert "--on 30/06/2025" in res.err and "--province \"Tuyên Quang\"" in res.err


def test_the_whole_country_by_level_and_search():
    res = run_tt("units", "--national", "--kind", "cấp tỉnh", cwd=ROOT)
    assert res.out.startswith("Đơn vị hành chính cả nước (hiện nay): 34 đơn vị — 25 tỉnh, "
                              "9 thành phố trực thuộc trung ương\n")
    rows = list(csv.DictReader(io.StringIO(run_tt("units", "-n", "-k", "xa", "-s", "Tân Phú", "-f", "csv", cwd=ROOT).out)))
    assert rows and all("tan phu" in fold(r["tên đầy đủ"]) and r["cấp"] == "xa" for r in rows)  # "Tân Phước" too
    assert {r["tỉnh"] for r in rows if r["tên"] == "Tân Phú"} == {"tỉnh Nghệ An", "tỉnh Tây Ninh", "tỉnh Đồng Tháp",
                                                                  "tỉnh Vĩnh Long"}


@pytest.mark.parametrize("args,message", [
    (["--province", "Tuyen Quag"], "Không có tỉnh, thành phố nào tên “Tuyen Quag”"),
    (["--province", "Tuyên Quang", "--kind", "quan-huyen"], "--kind quan-huyen: không phải một cấp"),
    (["--province", "Tuyên Quang", "--on", "31/02/2027"], "--on 31/02/2027:"),
    (["--province", "Tuyên Quang", "plans/bac-me/units.yaml"], "không dùng cùng sổ đơn vị"),
    (["plans/bac-me/units.yaml", "--kind", "xa"], "--kind xa: không phải một loại đơn vị của sổ đơn vị"),
])
def test_usage_errors_say_how_to_fix_them(args, message):
    res = run_tt("units", *args, cwd=ROOT)
    assert res.code == 2 and message in res.err and "gợi ý:" in res.err and "Traceback" not in res.text


def test_a_registry_on_the_national_list_says_so_and_searches_it():
    res = run_tt("units", "plans/bac-me/units.yaml", cwd=ROOT)
    assert "Sổ này dựa trên danh sách đơn vị hành chính quốc gia (extends: national) cho tỉnh Tuyên Quang" in res.out
    res = run_tt("units", "plans/bac-me/units.yaml", "--search", "yen phu", cwd=ROOT)
    assert res.code == 0 and "Ủy ban nhân dân thị trấn Yên Phú\n    mã: dvhc-00991-20250630" in res.out
    assert "hiệu lực: đến 30/06/2025 (đã hết hiệu lực) → đơn vị kế thừa: Ủy ban nhân dân xã Bắc Mê" in res.out
    data = json.loads(run_tt("units", "plans/bac-me/units.yaml", "-s", "yen phu", "-f", "json", cwd=ROOT).out)
    entry = data["registries"][0]
    assert entry["extends"]["national"] == "tỉnh Tuyên Quang"
    assert "dvhc-00991-20250630" in [u["id"] for u in entry["national_units"]]


def test_validity_is_judged_on_the_date_asked():
    before = run_tt("units", "plans/ha-giang/units.yaml", "--search", "Sở Thông tin", "--on", "01/01/2025", cwd=ROOT)
    after = run_tt("units", "plans/ha-giang/units.yaml", "--search", "Sở Thông tin", "--on", "01/01/2027", cwd=ROOT)
    assert "hiệu lực: đến 28/02/2025 → đơn vị kế thừa: Sở Khoa học và Công nghệ" in before.out
    assert "hiệu lực: đến 28/02/2025 (đã hết hiệu lực) → đơn vị kế thừa: Sở Khoa học và Công nghệ" in after.out
