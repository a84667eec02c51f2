"""`tt units`: the unit registry listed so that clerks copy exact names (issue 6, part 3)."""

from __future__ import annotations

import csv
import io
import json

from tests.conftest import PLANS, ROOT, run_tt
from tuyentruyen import api

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
