"""Sample plan: Kế hoạch 61/KH-UBND of UBND huyện Xuân Lộc, Đồng Nai (22/02/2024), seed 001.

plans/xuan-loc/2024.yaml is the corrected transcription; tests/fixtures/seeds/xuan-loc/
holds the original with its real mistakes and the list of them (2024.errors.yaml).
The plan has no task table: the duties of each unit are under "IV. TỔ CHỨC THỰC HIỆN".
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import FIXTURES, PLANS, ROOT, run_tt
from tests.samples_support import (
    check_errors_file,
    check_unit_names,
    load_errors,
    load_ok,
    strings,
    unexplained_differences,
)
from tuyentruyen.vn.timeexpr import Deadline, InvalidDate, parse_time

CORRECTED = PLANS / "xuan-loc" / "2024.yaml"
CORRECTED_UNITS = PLANS / "xuan-loc" / "units.yaml"
ORIGINAL = FIXTURES / "seeds" / "xuan-loc" / "2024.yaml"
ORIGINAL_UNITS = FIXTURES / "seeds" / "xuan-loc" / "units.yaml"
ERRORS = FIXTURES / "seeds" / "xuan-loc" / "2024.errors.yaml"


@pytest.fixture(scope="module")
def corrected():
    return load_ok(CORRECTED).plan


@pytest.fixture(scope="module")
def original():
    return load_ok(ORIGINAL).plan


def first_duty_deadline(plan):
    return plan.plan.sections[3].duties[0].items[0]


def test_corrected_plan_and_registry_validate_clean():
    res = run_tt("validate", "plans/xuan-loc", "--schema-only", cwd=ROOT)
    assert res.code == 0, res.text
    assert "TT-" not in res.text


def test_original_passes_the_schema_its_mistakes_are_lint_level():
    res = run_tt("validate", str(ORIGINAL), str(ORIGINAL_UNITS), "--schema-only", cwd=ROOT)
    assert res.code == 0, res.text


@pytest.mark.parametrize("which", ["corrected", "original"])
def test_header_as_signed(which, request):
    plan = request.getfixturevalue(which)
    doc = plan.document
    assert doc.type.value == "ke-hoach" and plan.decision is None and plan.appendix is None
    assert (doc.number, doc.symbol, doc.place, doc.date) == (61, "KH-UBND", "Xuân Lộc", dt.date(2024, 2, 22))
    assert doc.issuer.header == ["ỦY BAN NHÂN DÂN", "HUYỆN XUÂN LỘC"]
    assert doc.title == "Thông tin, tuyên truyền cải cách hành chính huyện Xuân Lộc năm 2024"
    assert (doc.signer.prefix, doc.signer.position, doc.signer.name) == (None, "CHỦ TỊCH", "Nguyễn Thị Cát Tiên")
    assert len(doc.recipients) == 9
    assert doc.recipients[0] == "UBND tỉnh (báo cáo)" and doc.recipients[-1] == "UBND các xã, thị trấn"


def test_archive_line(corrected, original):
    assert original.document.archive == ["VT.NV-CCHC (Lợi)"]  # as printed: one entry, a dot for the comma
    assert corrected.document.archive == ["VT", "NV-CCHC (Lợi)"]


def test_implements_the_provincial_plan(corrected):
    (cited,) = corrected.plan.implements
    assert (cited.type, cited.number, cited.date, cited.issuer) == (
        "Kế hoạch", "21/KH-UBND", dt.date(2024, 1, 18), "UBND tỉnh")
    assert cited.subject == "về thông tin, tuyên truyền cải cách hành chính năm 2024"
    assert corrected.plan.intro.startswith("Chủ tịch UBND huyện ban hành Kế hoạch")


def test_narrative_sections_complete(corrected):
    body = corrected.plan
    assert body.year == 2024
    assert [s.heading for s in body.sections] == [
        "Mục tiêu, yêu cầu", "Đối tượng, nội dung và hình thức tuyên truyền", "Kinh phí thực hiện", "Tổ chức thực hiện"]
    goals, requirements = body.sections[0].sections
    assert [len(goals.items), len(requirements.items)] == [8, 3]
    audience, content, forms = body.sections[1].sections
    assert [s.kind.value for s in (audience, content, forms)] == ["audience", "content", "forms"]
    assert [len(audience.text), len(content.items), len(forms.items)] == [1, 15, 8]
    assert "(PAR Index)" in content.items[10].text  # italics dropped, words kept
    assert body.sections[2].kind.value == "budget" and len(body.sections[2].text) == 1
    assert body.closing.startswith("Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2024")


def test_five_duties_under_to_chuc_thuc_hien(corrected):
    org = corrected.plan.sections[3]
    assert org.kind.value == "organization"
    assert [d.unit for d in org.duties] == [
        ["Các cơ quan, đơn vị", "UBND các xã, thị trấn"], ["Phòng Nội vụ"], ["Phòng Văn hóa và Thông tin"],
        ["Văn phòng HĐND và UBND huyện"], ["Trung tâm Văn hóa, Thông tin và Thể thao huyện"]]
    assert org.duties[0].heading == "Các cơ quan, đơn vị, UBND các xã, thị trấn"
    assert [len(d.items) for d in org.duties] == [5, 4, 5, 0, 2]
    assert len(org.duties[3].text) == 1
    # a paragraph split across pages in the extraction is one item again
    assert "nghiệp vụ; tham gia nghiên cứu" in org.duties[1].items[2].text


def test_deadline_kept_wrong_in_the_original_and_fixed_in_the_plan(corrected, original):
    bad = first_duty_deadline(original)
    assert bad.due == "trước ngày 29/02/2023" and "trước ngày 29/02/2023" in bad.text
    assert isinstance(parse_time(bad.due, 2024), InvalidDate)
    good = first_duty_deadline(corrected)
    assert good.due == "trước ngày 29/02/2024" and "trước ngày 29/02/2024" in good.text
    when = parse_time(good.due, 2024)
    assert isinstance(when, Deadline) and when.date == dt.date(2024, 2, 29)
    assert when.date.weekday() == 3 and when.date > corrected.document.date  # a Thursday, after the plan


def test_the_real_mistakes_are_kept_in_the_original_and_fixed_in_the_plan():
    kept = " ".join(strings(load_ok(ORIGINAL).yaml.data))
    fixed = " ".join(strings(load_ok(CORRECTED).yaml.data))
    for w in ["Công dịch vụ công", "cải cách hành của", "29/02/2023", "xử lý. /.",
              "Trung tâm Văn hóa, thông tin và Thể thao huyện"]:
        assert w in kept and w not in fixed, w


def test_errors_file_points_at_the_lines_holding_each_mistake():
    entries = check_errors_file(ORIGINAL, ERRORS)
    by_kind = {}
    for e in entries:
        by_kind.setdefault(e["kind"], []).append(e)
    assert {e["path"] for e in by_kind["impossible-date"]} == {
        "plan.sections[3].duties[0].items[0].text", "plan.sections[3].duties[0].items[0].due"}
    assert len(by_kind["date-outside-year"]) == len(by_kind["date-before-plan"]) == 1
    # "Số: 61 /KH-UBND" is in the document but the format cannot hold it
    (number,) = [e for e in entries if e.get("representable") is False]
    assert number["path"] == "document.number"


def test_original_and_corrected_differ_only_where_the_errors_file_says():
    assert unexplained_differences(ORIGINAL, CORRECTED, load_errors(ERRORS), allowed=set()) == []


def test_unit_names_resolve_and_the_variants_get_a_suggestion():
    check_unit_names(CORRECTED, CORRECTED_UNITS, ORIGINAL, ORIGINAL_UNITS, load_errors(ERRORS))
