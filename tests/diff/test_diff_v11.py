"""`tt diff` on the keys of format 1.1: each change reported in the document's terms, a change that
does not reach the printed document shown as cosmetic, and `apply(old, diff)` rebuilding the new plan
(the diff misses nothing) — for the authority block, the period, the proposal line, numbers and dates
as written, the layout keys and several appendices."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import run_tt
from tests.diff.diffplans import REGISTRY, base, write_plan
from tuyentruyen.diff import diff_data
from tuyentruyen.diff.apply import apply, invert
from tuyentruyen.model import Plan, Registry

REG = Registry.model_validate(REGISTRY)


def data(plan: dict) -> dict:
    return Plan.model_validate(plan).model_dump(mode="json")


def changes(old: dict, new: dict):
    a, b = data(old), data(new)
    found = diff_data(a, b, REG, REG)
    assert apply(a, found) == b, "the diff does not rebuild the new plan"
    assert apply(b, invert(found)) == a, "the inverse does not rebuild the old plan"
    return found


def fields(found, obj: str) -> dict:
    return {f.field: f for c in found if c.object == obj for f in c.fields}


def two_appendices(plan: dict) -> dict:
    app = plan.pop("appendix")
    groups = app.pop("groups")
    plan["appendices"] = [{**app, "groups": groups[:2]},
                          {"title": "Lịch truyền thông theo quý năm 2024", "tasks": groups[2]["tasks"]}]
    return plan


def test_authority_block_change():
    old = base()
    new = copy.deepcopy(old)
    new["document"]["signer"] = {"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH",
                                 "name": "Đặng Văn Minh"}
    f = fields(changes(old, new), "document")
    assert f["signer.authority"].old == [] and f["signer.authority"].new == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert not f["signer.authority"].cosmetic and f["signer.position"].new == "PHÓ CHỦ TỊCH"


def test_the_same_block_written_the_v1_way_or_the_v11_way_is_cosmetic():
    old = base()
    old["document"]["signer"] = {"prefix": "KT.", "on_behalf": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH"}
    new = copy.deepcopy(old)
    new["document"]["signer"] = {"authority": ["KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH"}
    found = changes(old, new)
    f = fields(found, "document")
    assert {"signer.prefix", "signer.on_behalf", "signer.authority"} <= set(f)
    assert all(x.cosmetic and x.note == "khối chữ ký in ra không đổi" for x in f.values())


def test_period_change_and_the_year():
    old = base()
    old["plan"]["period"] = {"first": 2024, "last": 2025}
    new = copy.deepcopy(old)
    new["plan"]["period"] = {"first": 2024, "last": 2026}
    f = fields(changes(old, new), "plan")
    assert (f["period"].old, f["period"].new) == ("2024-2025", "2024-2026") and f["period"].name == "giai đoạn"
    plain = base()
    f = fields(changes(plain, old), "plan")
    assert (f["period"].old, f["period"].new) == (None, "2024-2025")


def test_proposal_moved_from_the_decision_to_the_document_prints_the_same():
    old = base()
    old["document"]["type"] = "quyet-dinh"
    old["plan"]["title"] = "Truyền thông về kiểm soát thủ tục hành chính năm 2024"
    old["decision"] = {"proposal": "Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV", "executors": ["Giám đốc Sở Nội vụ"]}
    new = copy.deepcopy(old)
    new["document"]["proposal"] = new["decision"].pop("proposal")
    found = changes(old, new)
    moved = [f for c in found for f in c.fields if f.field == "proposal"]
    assert len(moved) == 2 and all(f.cosmetic for f in moved)
    worded = copy.deepcopy(new)
    worded["document"]["proposal"] = "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV"
    [f] = [f for c in changes(new, worded) for f in c.fields if f.field == "proposal"]
    assert not f.cosmetic  # "Theo" → "Xét": the printed line changes


def test_articles_written_by_hand_make_executor_changes_cosmetic():
    old = base()
    old["document"]["type"] = "quyet-dinh"
    old["plan"]["title"] = "Truyền thông về kiểm soát thủ tục hành chính năm 2024"
    old["decision"] = {"articles": ["Ban hành Kế hoạch …", "Có hiệu lực từ ngày ký.", "Các sở thi hành./."],
                       "executors": ["Giám đốc Sở Nội vụ"]}
    new = copy.deepcopy(old)
    new["decision"]["executors"] = ["Giám đốc Sở Tư pháp"]
    [f] = fields(changes(old, new), "decision").values()
    assert f.cosmetic and "articles" in f.note
    printed = copy.deepcopy(new)
    del printed["decision"]["articles"]
    f = fields(changes(new, printed), "decision")
    assert not f["articles"].cosmetic


def test_number_and_date_as_written_are_changes_of_the_document():
    old = base()
    new = copy.deepcopy(old)
    new["document"]["number"] = "025"
    new["document"]["bases"][0]["date"] = "ngày 08 tháng 6 năm 2010"
    found = changes(old, new)
    f = fields(found, "document")
    assert (f["number"].old, f["number"].new) == (25, "025")
    [c] = [c for c in found if c.object == "citation"]
    [d] = c.fields
    assert (d.old, d.new) == ("2010-06-08", "ngày 08 tháng 6 năm 2010")


@pytest.mark.parametrize("key,value,name", [
    ("implements_layout", "paragraphs", "cách in các văn bản được thực hiện"),
    ("numbering", ["roman", "number", "letter"], "cách đánh số các cấp mục"),
])
def test_layout_keys_of_the_plan(key, value, name):
    old = base()
    new = copy.deepcopy(old)
    new["plan"][key] = value
    f = fields(changes(old, new), "plan")
    assert f[key].name == name and not f[key].cosmetic


def test_several_appendices_task_moved_between_them_and_an_appendix_added():
    old = two_appendices(base())
    new = copy.deepcopy(old)
    moved = new["appendices"][0]["groups"][1]["tasks"].pop(0)
    new["appendices"][1]["tasks"].append(moved)
    new["appendices"][1]["tasks"][0]["due"] = "Quý IV/2024"
    new["appendices"].append({"title": "Kinh phí", "tasks": [
        {"id": "kinh-phi", "content": "Bố trí kinh phí truyền thông", "lead": ["Sở Nội vụ"], "due": "Quý I/2024"}]})
    found = changes(old, new)
    by = {(c.kind, c.object): c for c in found}
    m = by[("moved", "task")]
    assert m.id == moved["id"] and m.label == "Nhiệm vụ 2 (Phụ lục II)"
    assert m.notes == ["chuyển từ nhóm II (Phụ lục I) (trước là II.1 (Phụ lục I))"]
    assert by[("changed", "task")].label == "Nhiệm vụ 1 (Phụ lục II)"
    assert by[("added", "appendix")].label == "Phụ lục III"
    assert by[("added", "task")].id == "kinh-phi" and by[("added", "task")].new_path == ("appendices", 2, "tasks", 0)


def test_one_appendix_becomes_two():
    old = base()
    new = two_appendices(base())
    found = changes(old, new)
    [key] = [f for c in found if c.object == "file" for f in c.fields]
    assert (key.old, key.new, key.cosmetic) == ("appendix", "appendices", True)
    assert {(c.kind, c.object) for c in found} >= {("added", "appendix"), ("moved", "task"), ("removed", "group")}


def test_the_cli_reports_what_the_document_prints(tmp_path):
    old = base()
    new = copy.deepcopy(old)
    new["document"]["signer"] = {"authority": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "position": "PHÓ CHỦ TỊCH",
                                 "name": "Đặng Văn Minh"}
    new["plan"]["period"] = {"first": 2024, "last": 2025}
    a, b = write_plan(tmp_path / "a", old), write_plan(tmp_path / "b", new)
    res = run_tt("diff", str(a), str(b))
    assert res.code == 1, res.text
    assert "khối quyền hạn ký: (trống) → TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH" in res.out
    assert "chức vụ người ký: CHỦ TỊCH → PHÓ CHỦ TỊCH" in res.out
    assert "giai đoạn: (trống) → 2024-2025" in res.out
