"""Sample plan: Kế hoạch 25/KH-UBND of the Chủ tịch UBND tỉnh Quảng Ngãi (15/02/2023), seed 000.

plans/quang-ngai/2023.yaml is the corrected transcription; tests/fixtures/seeds/quang-ngai/
holds the original with its real mistakes and the list of them (2023.errors.yaml).
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
from tuyentruyen.vn.timeexpr import Deadline, InvalidDate, Unreadable, parse_time

CORRECTED = PLANS / "quang-ngai" / "2023.yaml"
CORRECTED_UNITS = PLANS / "quang-ngai" / "units.yaml"
ORIGINAL = FIXTURES / "seeds" / "quang-ngai" / "2023.yaml"
ORIGINAL_UNITS = FIXTURES / "seeds" / "quang-ngai" / "units.yaml"
ERRORS = FIXTURES / "seeds" / "quang-ngai" / "2023.errors.yaml"

GROUP_SIZES = [2, 4, 3, 4, 4]


@pytest.fixture(scope="module")
def corrected():
    return load_ok(CORRECTED).plan


@pytest.fixture(scope="module")
def original():
    return load_ok(ORIGINAL).plan


def test_corrected_plan_and_registry_validate_clean():
    res = run_tt("validate", "plans/quang-ngai", "--schema-only", cwd=ROOT)
    assert res.code == 0, res.text
    assert "TT-" not in res.text


def test_original_passes_the_schema_its_mistakes_are_lint_level():
    res = run_tt("validate", str(ORIGINAL), str(ORIGINAL_UNITS), "--schema-only", cwd=ROOT)
    assert res.code == 0, res.text


@pytest.mark.parametrize("which", ["corrected", "original"])
def test_header_as_signed(which, request):
    doc = request.getfixturevalue(which).document
    assert doc.type.value == "ke-hoach"
    assert (doc.number, doc.symbol, doc.place, doc.date) == (25, "KH-UBND", "Quảng Ngãi", dt.date(2023, 2, 15))
    assert doc.issuer.header == ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]
    assert doc.title == "Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2023 trên địa bàn tỉnh Quảng Ngãi"
    assert doc.issued_by == "Chủ tịch UBND tỉnh"
    assert doc.bases == []
    assert (doc.signer.prefix, doc.signer.position, doc.signer.name) == (None, "CHỦ TỊCH", "Đặng Văn Minh")
    assert len(doc.recipients) == 11
    assert doc.recipients[0] == "Cục Kiểm soát TTHC- VPCP"
    assert doc.recipients[-1] == "VPUB: CVP, PCVP, CBTH"
    assert doc.archive == ["VT", "TTHC_(thu)"]


def test_implements_the_five_decrees(corrected, original):
    for plan in (corrected, original):
        cited = plan.plan.implements
        assert [c.number for c in cited] == [
            "63/2010/NĐ-CP", "48/2013/NĐ-CP", "92/2017/NĐ-CP", "61/2018/NĐ-CP", "107/2021/NĐ-CP"]
        assert {(c.type, c.issuer) for c in cited} == {("Nghị định", "Chính phủ")}
        assert [c.date for c in cited] == [dt.date(2010, 6, 8), dt.date(2013, 5, 14), dt.date(2017, 8, 7),
                                          dt.date(2018, 4, 23), dt.date(2021, 12, 6)]
        assert cited[0].subject == "về kiểm soát thủ tục hành chính"
        assert plan.plan.intro.endswith("năm 2023 như sau:")


def test_narrative_sections_complete(corrected):
    body = corrected.plan
    assert body.year == 2023
    assert [s.heading for s in body.sections] == [
        "Mục đích, yêu cầu", "Nội dung, hình thức, thời gian thực hiện", "Kinh phí thực hiện", "Tổ chức thực hiện"]
    purpose, requirements = body.sections[0].sections
    assert (purpose.kind.value, len(purpose.items)) == ("purpose", 3)
    assert (requirements.kind.value, len(requirements.items)) == ("requirements", 3)
    # the paragraph broken by a page in the extraction is one item again
    assert "đáp ứng yêu cầu, nhiệm vụ, mục tiêu" in requirements.items[0].text
    assert len(body.sections[1].text) == len(body.sections[2].text) == 1
    duties = body.sections[3].duties
    assert [d.unit for d in duties] == [["Các cơ quan, đơn vị có liên quan"], ["Văn phòng UBND tỉnh"]]
    assert duties[0].heading == "Thủ trưởng các cơ quan, đơn vị có liên quan"
    assert len(duties[0].items) == 2 and len(duties[1].text) == 1
    assert body.closing.endswith("nghiêm túc triển khai thực hiện./.")


def test_appendix_danh_muc_17_tasks_in_5_groups(corrected, original):
    for plan in (corrected, original):
        app = plan.appendix
        assert (app.heading, app.padded) == ("DANH MỤC", True)
        assert app.title == "Nội dung công việc truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2023"
        assert [len(g.tasks) for g in app.groups] == GROUP_SIZES
        assert app.groups[4].title == "Truyền thông về tổ chức thực hiện cơ chế một cửa, một cửa liên thông"
    assert original.appendix.reference == "(Kèm theo Kế hoạch số 25/KH-UBND ngày 15/02/2023 của Chủ tịch UBND tỉnh)"
    assert corrected.appendix.reference is None  # tt writes that line itself
    assert [t.id for *_, t in corrected.iter_tasks()] == [t.id for *_, t in original.iter_tasks()]


def test_lead_and_support_read_from_the_merged_columns(original):
    tasks = [t for *_, t in original.iter_tasks()]
    assert tasks[1].lead == ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi"]
    assert tasks[1].support[-1] == "Các cơ quan thông tấn báo chí"
    assert tasks[8].lead == ["Các sở, ban ngành", "UBND huyện, thành phố, thị xã", "UBND xã, phường, thị trấn"]
    assert tasks[8].support == ["Văn phòng UBND tỉnh"]
    # "Đài …; Báo Quảng Ngãi và các cơ quan thông tấn báo chí" is three units
    assert tasks[3].support[-3:] == ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi", "Các cơ quan thông tấn báo chí"]


def test_corrected_tasks_have_one_readable_time_and_a_lead(corrected):
    for *_, task in corrected.iter_tasks():
        assert task.lead, task.id
        assert task.due, task.id
        assert not isinstance(parse_time(task.due, 2023), (Unreadable, InvalidDate, Deadline)), task.due
        assert not set(task.lead) & set(task.support), task.id


def test_the_real_mistakes_are_kept_in_the_original_and_fixed_in_the_plan(corrected, original):
    wrong = ["Truyền truyền", "truyền truyền", "Công dịch vụ công", "việc xuất việc xuất"]
    kept = " ".join(strings(load_ok(ORIGINAL).yaml.data))
    fixed = " ".join(strings(load_ok(CORRECTED).yaml.data))
    for w in wrong:
        assert w in kept and w not in fixed, w
    assert [t.due for t in original.appendix.groups[4].tasks] == [None] * 4
    assert original.appendix.groups[0].tasks[0].lead == [] and original.appendix.groups[1].tasks[0].lead == []


def test_errors_file_points_at_the_lines_holding_each_mistake():
    entries = check_errors_file(ORIGINAL, ERRORS)
    kinds = [e["kind"] for e in entries]
    assert kinds.count("missing-time") == 4 and kinds.count("missing-lead") == 2
    assert sorted(e["text"] for e in entries if e["kind"] == "typo") == sorted(
        ["truyền truyền", "Công dịch vụ công", "Truyền truyền", "Truyền truyền", "Truyền truyền",
         "việc xuất việc xuất"])
    plan = load_ok(ORIGINAL).plan
    for e in entries:
        if e["kind"] in ("missing-time", "missing-lead"):
            g, t = int(e["path"].split("groups[")[1][0]), int(e["path"].split("tasks[")[1][0])
            task = plan.appendix.groups[g].tasks[t]
            assert (task.due if e["kind"] == "missing-time" else task.lead) in (None, []), e


def test_original_and_corrected_differ_only_where_the_errors_file_says():
    left = unexplained_differences(ORIGINAL, CORRECTED, load_errors(ERRORS), allowed={"appendix.reference"})
    assert left == []


def test_unit_names_resolve_and_the_variants_get_a_suggestion():
    check_unit_names(CORRECTED, CORRECTED_UNITS, ORIGINAL, ORIGINAL_UNITS, load_errors(ERRORS))
