"""`tt new`: next year's plan from last year's, or a plan from the template (issue 6, part 2)."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import PLANS, ROOT, run_tt
from tuyentruyen import api
from tuyentruyen.edit.new import Shift, describe_issuer

SAMPLES = sorted(p for p in PLANS.rglob("*.yaml") if not api.is_registry_file(p))


@pytest.mark.parametrize("old,new,text,expected", [
    (2023, 2024, "Quý II/2023", "Quý II/2024"),
    (2023, 2024, "Quý I, Quý II/2023", "Quý I, Quý II/2024"),
    (2023, 2024, "Quý III- IV/2023", "Quý III- IV/2024"),
    (2025, 2026, "Quý I/25", "Quý I/26"),
    (2025, 2026, "trước ngày 15/3/2025", "trước ngày 15/3/2026"),
    (2025, 2026, "Tháng 01/2026", "Tháng 01/2027"),  # the report of the year, due in January
    (2023, 2024, "ngày 15 tháng 3 năm 2023", "ngày 15 tháng 3 năm 2024"),
    (2023, 2024, "Đánh giá kết quả năm 2022, triển khai năm 2023", "Đánh giá kết quả năm 2023, triển khai năm 2024"),
    (2024, 2025, "trước ngày 29/02/2024", "trước ngày 28/02/2025"),  # no 29/02 in 2025
    (2023, 2024, "trước ngày 29/02/2023", "trước ngày 29/02/2024"),  # an impossible date becomes a real one
    (2023, 2025, "Năm 2023", "Năm 2025"),
    # a working day that becomes a day off moves to the working day before it
    (2024, 2025, "trước ngày 15/3/2024", "trước ngày 14/3/2025"),  # Saturday in 2025
    (2025, 2026, "trước ngày 20/02/2025", "trước ngày 13/02/2026"),  # Tết 2026, then a weekend
    (2024, 2026, "trước ngày 29/02/2024", "trước ngày 27/02/2026"),  # no 29/02, and 28/02/2026 is a Saturday
    (2024, 2025, "ngày 15 tháng 3 năm 2024", "ngày 14 tháng 3 năm 2025"),
    (2025, 2026, "trước ngày 15/3/2025", "trước ngày 15/3/2026"),  # already a Saturday last year: kept
    # what cites other documents stays as written
    (2023, 2024, "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018", "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018"),
    (2023, 2024, "Quyết định số 124/QĐ-UBND ngày 30/01/2023 của Chủ tịch UBND tỉnh ban hành Kế hoạch năm 2023; "
                 "triển khai trong năm 2023",
     "Quyết định số 124/QĐ-UBND ngày 30/01/2023 của Chủ tịch UBND tỉnh ban hành Kế hoạch năm 2023; "
     "triển khai trong năm 2024"),
    (2023, 2024, "Nghị quyết số 14-NQ/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy",
     "Nghị quyết số 14-NQ/TU ngày 24/8/2022 của Ban Thường vụ Tỉnh ủy"),
    (2025, 2026, "giai đoạn 2021 - 2025", "giai đoạn 2021 - 2025"),
    (2025, 2026, "giai đoạn 2025-2030", "giai đoạn 2025-2030"),
    (2023, 2024, "Luật Tổ chức chính quyền địa phương năm 2015", "Luật Tổ chức chính quyền địa phương năm 2015"),
    (2023, 2024, "Thường xuyên", "Thường xuyên"),
    (2023, 2024, "Tổng đài 1022, 50.000.000 đồng", "Tổng đài 1022, 50.000.000 đồng"),
])
def test_year_shift(old, new, text, expected):
    assert Shift(old, new).text(text) == expected


def test_moved_dates_are_noted_with_the_reason():
    shift = Shift(2024, 2025)
    shift.text("trước ngày 29/02/2024, báo cáo trước ngày 15/3/2024")
    assert shift.notes == ["'29/02/2024' → 28/02/2025: năm 2025 không có ngày 29/02",
                           "'15/3/2024' → 14/3/2025: 15/03/2025 là thứ Bảy, chuyển về ngày làm việc liền trước "
                           "(thứ Sáu 14/03/2025)"]


@pytest.mark.parametrize("name,place,symbol,short,header", [
    ("Ủy ban nhân dân huyện Xuân Lộc", "Xuân Lộc", "KH-UBND", "UBND huyện", ["ỦY BAN NHÂN DÂN", "HUYỆN XUÂN LỘC"]),
    ("Ủy ban nhân dân tỉnh Quảng Ngãi", "Quảng Ngãi", "KH-UBND", "UBND tỉnh", ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]),
    ("Sở Công Thương tỉnh Quảng Ngãi", "Quảng Ngãi", "KH-SCT", None, None),
])
def test_issuer_guesses(name, place, symbol, short, header):
    info = describe_issuer(name)
    assert (info["place"], info["symbol"], info["short"], info["header"]) == (place, symbol, short, header)


# ---------------------------------------------------------------- from last year's plan


def problems(path: Path, cwd: Path):
    res = run_tt("validate", "--format", "json", str(path.relative_to(cwd)), cwd=cwd)
    return res.code, json.loads(res.out)["problems"]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: str(p.relative_to(ROOT)))
def test_new_from_each_sample_is_next_years_plan_and_lint_clean(sample, tmp_path):
    from tuyentruyen.vn.timeexpr import parse_time

    shutil.copytree(PLANS, tmp_path / "plans")
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    old_path = tmp_path / sample.relative_to(ROOT)
    old = api.load_plan(old_path).plan
    old_code, before = problems(old_path, tmp_path)
    res = run_tt("new", "--from", str(old_path.relative_to(tmp_path)), cwd=tmp_path)
    new_path = old_path.with_name(f"{old.plan.year + 1}.yaml")
    assert res.code == old_code, res.text  # the new plan is checked at once: as clean as the old one
    assert f"Đã tạo {new_path.relative_to(tmp_path)}" in res.out

    loaded = api.load_plan(new_path)
    new = loaded.plan
    assert new is not None, loaded.problems
    assert new.plan.year == old.plan.year + 1
    assert new.document.number is None and new.document.date is None and new.document.signer.name is None
    assert [t.id for *_, t in new.iter_tasks()] == [t.id for *_, t in old.iter_tasks()]
    assert new.document.bases == old.document.bases and new.plan.implements == old.plan.implements
    assert str(old.plan.year + 1) in new.document.title or str(old.plan.year) not in old.document.title
    for *_, task in new.iter_tasks():
        if task.due:
            when = parse_time(task.due, new.plan.year)
            assert when.kind != "invalid_date", task.due
            for d in (getattr(when, "start", None), getattr(when, "end", None), getattr(when, "date", None)):
                assert d is None or d.year in (new.plan.year, new.plan.year + 1), (task.due, d)

    # lint-clean: no problem that the source plan did not already have
    code, found = problems(new_path, tmp_path)
    key = lambda p: (p["code"], tuple(p["path"]))  # noqa: E731
    assert not Counter(map(key, found)) - Counter(map(key, before)), found
    assert code == old_code
    assert new_path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../docs/schema/")
    assert run_tt("fmt", "--check", str(new_path.relative_to(tmp_path)), cwd=tmp_path).code == 0


def test_29_february_2024_becomes_28_february_2025_with_a_comment(tmp_path):
    shutil.copytree(PLANS / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    res = run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path)
    assert res.code == 0, res.text
    assert "28/02/2025" in res.out
    text = (tmp_path / "plans" / "xuan-loc" / "2025.yaml").read_text(encoding="utf-8")
    due = next(line for line in text.splitlines() if "due: trước ngày 28/02/2025" in line)
    assert "# tt new:" in due and "29/02" in due
    assert "29/02/2025" not in text


def test_new_from_another_folder_keeps_the_registry_and_schema_paths(tmp_path):
    shutil.copytree(PLANS / "quang-ngai", tmp_path / "plans" / "quang-ngai")
    shutil.copytree(ROOT / "docs" / "schema", tmp_path / "docs" / "schema")
    res = run_tt("new", "--from", "plans/quang-ngai/2023.yaml", "-o", "plans/2024/quang-ngai.yaml", cwd=tmp_path)
    new = tmp_path / "plans" / "2024" / "quang-ngai.yaml"
    assert res.code == 0, res.text
    first = new.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../docs/schema/plan.schema.json"
    assert (new.parent / first.split("=", 1)[1]).resolve().is_file()
    plan = api.load_plan(new).plan
    assert plan.units == "../quang-ngai/units.yaml"
    assert api.find_registry(new, plan).resolve() == (tmp_path / "plans" / "quang-ngai" / "units.yaml").resolve()


def test_new_never_overwrites_without_force(tmp_path):
    shutil.copytree(PLANS / "xuan-loc", tmp_path / "plans" / "xuan-loc")
    assert run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path).code == 0
    target = tmp_path / "plans" / "xuan-loc" / "2025.yaml"
    target.write_text("# bản nháp của tôi\n", encoding="utf-8")
    res = run_tt("new", "--from", "plans/xuan-loc/2024.yaml", cwd=tmp_path)
    assert res.code == 2 and "không ghi đè" in res.err
    assert target.read_text(encoding="utf-8") == "# bản nháp của tôi\n"
    assert run_tt("new", "--from", "plans/xuan-loc/2024.yaml", "--force", cwd=tmp_path).code == 0
    assert target.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_new_from_a_broken_plan_reports_it(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "2025.yaml").write_text("tt: 1\nplan: [\n", encoding="utf-8")
    res = run_tt("new", "--from", "plans/2025.yaml", cwd=tmp_path)
    assert res.code == 2
    assert "TT-Y003" in res.err and "tt validate plans/2025.yaml" in res.err
    assert not (tmp_path / "plans" / "2026.yaml").exists()


@pytest.mark.parametrize("args,message", [
    ([], "Cần --from"),
    (["--year", "2026"], "Cần --from"),
    (["--from", "plans/x.yaml", "--issuer", "Sở Nội vụ"], "không dùng cùng nhau"),
    (["--year", "2026", "--issuer", "Ủy ban nhân dân huyện A", "--type", "cong-van"], "--type"),
    (["--year", "2026", "--issuer", "Sở Nội vụ"], "--place"),
])
def test_usage_errors(args, message, tmp_path):
    res = run_tt("new", *args, cwd=tmp_path)
    assert res.code == 2 and message in res.err


# ---------------------------------------------------------------- from the template


@pytest.mark.parametrize("doc_type", ["ke-hoach", "quyet-dinh"])
def test_new_from_template_in_an_empty_repository_is_valid_and_lint_clean(doc_type, tmp_path):
    res = run_tt("new", "--year", "2026", "--issuer", "Ủy ban nhân dân xã Tân Phú", "--type", doc_type, cwd=tmp_path)
    assert res.code == 0, res.text
    plan_path = tmp_path / "plans" / "2026.yaml"
    for made in ("plans/units.yaml", "docs/schema/plan.schema.json", "docs/schema/units.schema.json"):
        assert (tmp_path / made).is_file(), made
    text = plan_path.read_text(encoding="utf-8")
    schema_ref = text.splitlines()[0].split("$schema=", 1)[1]
    assert (plan_path.parent / schema_ref).resolve() == (tmp_path / "docs" / "schema" / "plan.schema.json").resolve()
    code, found = problems(plan_path, tmp_path)
    assert code == 0 and found == []
    plan = api.load_plan(plan_path).plan
    assert plan.plan.year == 2026 and plan.document.place == "Tân Phú" and plan.document.type.value == doc_type
    assert run_tt("fmt", "--check", cwd=tmp_path).code == 0
    assert run_tt("validate", cwd=tmp_path).code == 0


def test_a_repository_template_overrides_the_builtin_one(tmp_path):
    from tuyentruyen.edit.new import template_text
    from tuyentruyen.project.config import DEFAULT

    builtin, _ = template_text(DEFAULT, None)
    (tmp_path / "templates").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "templates" / "new-plan.yaml.j2").write_text(
        builtin.replace("Lồng ghép trong các hội nghị, cuộc họp.", "Phát trên loa truyền thanh xã."), encoding="utf-8")
    res = run_tt("new", "--year", "2027", "--issuer", "Ủy ban nhân dân xã Tân Phú", cwd=tmp_path)
    assert res.code == 0, res.text
    assert "Phát trên loa truyền thanh xã." in (tmp_path / "plans" / "2027.yaml").read_text(encoding="utf-8")
