"""`tt diff OLD NEW`: every real change reported in the plan's terms, and nothing else."""

from __future__ import annotations

import json

import pytest

from tests.conftest import run_tt
from tests.diff.diffplans import base, dump, write_plan


def pair(tmp_path, old: dict, new: dict, *args: str):
    a = write_plan(tmp_path / "old", old)
    b = write_plan(tmp_path / "new", new)
    return run_tt("diff", str(a), str(b), *args, cwd=tmp_path)


def tasks_of(data: dict, gi: int) -> list[dict]:
    return data["appendix"]["groups"][gi]["tasks"]


def test_same_plan_is_equal_exit_0(tmp_path):
    res = pair(tmp_path, base(), base())
    assert res.code == 0, res.text
    assert "Không có thay đổi nào" in res.out


def test_yaml_layout_comments_and_key_order_are_no_change(tmp_path):
    a = write_plan(tmp_path / "old", base())
    text = "# bản dự thảo lần 2\n" + dump(base()).replace("tt: 1\n", "tt: 1  # định dạng\n")
    b = tmp_path / "new" / "2024.yaml"
    b.parent.mkdir()
    b.write_text(text, encoding="utf-8")
    (tmp_path / "new" / "units.yaml").write_text((tmp_path / "old" / "units.yaml").read_text("utf-8"), "utf-8")
    res = run_tt("diff", str(a), str(b))
    assert res.code == 0, res.text


def test_deadline_moved_and_lead_swapped_on_one_line(tmp_path):
    new = base()
    t = tasks_of(new, 1)[1]
    t["due"] = "Quý III/2024"
    t["lead"] = ["Văn phòng UBND tỉnh"]
    res = pair(tmp_path, base(), new)
    assert res.code == 1
    line = next(ln for ln in res.out.splitlines() if "tap-huan-cchc" in ln)
    assert "Nhiệm vụ II.2 (tap-huan-cchc)" in line
    assert "thời gian: Quý II/2024 → Quý III/2024 (muộn hơn 1 quý)" in line
    assert "chủ trì: Sở Nội vụ → Văn phòng UBND tỉnh" in line
    # nothing else is reported
    assert res.out.count("Nhiệm vụ ") == 1
    assert "Khác nhau: 1 thay đổi — nhiệm vụ: 1 sửa." in res.out


def test_renumbering_is_no_change(tmp_path):
    new = base()
    tasks_of(new, 1).insert(0, {"id": "moi", "content": "Tổ chức hội nghị đối thoại với doanh nghiệp về thủ tục "
                                                     "hành chính.", "lead": "Sở Nội vụ", "due": "Quý I/2024"})
    res = pair(tmp_path, base(), new)
    assert res.code == 1
    assert "+ Nhiệm vụ II.1 (moi): thêm «Tổ chức hội nghị" in res.out
    # the tasks after it are now II.2… but nothing changed in them
    assert "van-dong-phan-anh" not in res.out and "tap-huan-cchc" not in res.out
    assert "Khác nhau: 1 thay đổi — nhiệm vụ: 1 thêm." in res.out


def test_task_moved_to_another_group_is_a_move(tmp_path):
    new = base()
    moved = tasks_of(new, 1).pop(2)
    tasks_of(new, 2).append(moved)
    res = pair(tmp_path, base(), new)
    assert res.code == 1
    assert "→ Nhiệm vụ III.2 (mo-hinh-diem): chuyển từ nhóm II (trước là II.3)" in res.out
    assert "thêm" not in res.out and "bỏ" not in res.out


def test_reordered_group_reports_only_what_left_the_order(tmp_path):
    new = base()
    ts = tasks_of(new, 1)
    ts.insert(0, ts.pop(2))  # mo-hinh-diem to the top
    res = pair(tmp_path, base(), new)
    assert res.code == 1
    assert "⇅ Nhiệm vụ II.1 (mo-hinh-diem): đổi vị trí (trước là II.3)" in res.out
    assert "van-dong-phan-anh" not in res.out


def test_unit_written_by_alias_is_cosmetic(tmp_path):
    new = base()
    tasks_of(new, 0)[1]["lead"] = ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi"]
    res = pair(tmp_path, base(), new)
    assert res.code == 1
    assert "≈ Nhiệm vụ I.2 (bao-chi-dang-tai): chủ trì: đổi cách viết Đài PT-TH tỉnh → Đài Phát thanh - " \
           "Truyền hình tỉnh (cùng đơn vị, chỉ đổi cách viết)" in res.out
    assert "chỉ đổi hình thức: 1" in res.out
    hidden = pair(tmp_path / "x", base(), new, "--no-cosmetic")
    assert "bao-chi-dang-tai" not in hidden.out and "1 thay đổi hình thức không hiện" in hidden.out


def test_unit_changed_is_a_change_of_responsibility(tmp_path):
    new = base()
    tasks_of(new, 0)[1]["lead"] = ["Sở Thông tin và Truyền thông", "Báo Quảng Ngãi"]
    res = pair(tmp_path, base(), new)
    assert "~ Nhiệm vụ I.2 (bao-chi-dang-tai): chủ trì: thêm Sở Thông tin và Truyền thông, bỏ Đài PT-TH tỉnh" in res.out


def test_without_registry_names_compare_folded(tmp_path):
    new = base()
    tasks_of(new, 1)[0]["lead"] = ["sở  nội vụ"]
    a = write_plan(tmp_path / "old", base(), registry=False)
    b = write_plan(tmp_path / "new", new, registry=False)
    res = run_tt("diff", str(a), str(b))
    assert "(cùng đơn vị, chỉ đổi cách viết)" in res.out


def test_long_text_shows_word_by_word(tmp_path):
    new = base()
    t = tasks_of(new, 1)[1]
    t["content"] = t["content"].replace("cán bộ cấp tỉnh và cán bộ cấp huyện", "cán bộ cấp xã")
    res = pair(tmp_path, base(), new)
    assert "nội dung: … hành chính cho cán bộ cấp [-tỉnh và cán bộ cấp huyện-]{+xã+} trên địa bàn tỉnh." in res.out


def test_document_metadata_and_narrative(tmp_path):
    new = base()
    doc = new["document"]
    doc["number"] = 31
    doc["date"] = "20/02/2024"
    doc["signer"] = {"prefix": "KT.", "on_behalf": "CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH", "name": "Trần Phước Hiền"}
    doc["recipients"].append("Báo Quảng Ngãi")
    doc["bases"].append({"type": "Nghị định", "number": "61/2018/NĐ-CP", "date": "23/4/2018", "issuer": "Chính phủ"})
    new["plan"]["sections"][0]["items"][1] = "Phát huy dân chủ, quyền giám sát của Nhân dân đối với hoạt động cải " \
                                             "cách thủ tục hành chính."
    new["plan"]["sections"][1]["duties"].pop(1)
    res = pair(tmp_path, base(), new)
    out = res.out
    assert "số: 25 → 31" in out
    assert "ngày ban hành: 15/02/2024 → 20/02/2024" in out
    assert "người ký: Đặng Văn Minh → Trần Phước Hiền" in out
    assert "quyền hạn ký: (trống) → KT." in out
    assert "nơi nhận: thêm Báo Quảng Ngãi" in out
    assert "+ Căn cứ thứ 2: thêm «Nghị định số 61/2018/NĐ-CP ngày 23/04/2018 của Chính phủ»" in out
    assert "~ Mục I, ý b)" in out and "[-người dân, doanh nghiệp-]{+Nhân dân+}" in out
    assert "− Mục II.2: bỏ" in out or "− Mục II.2 «Sở Nội vụ»: bỏ" in out


def test_two_tasks_merged_into_one(tmp_path):
    new = base()
    ts = tasks_of(new, 1)
    a, b = ts.pop(0), ts.pop(0)
    ts.insert(0, {"id": "van-dong-va-tap-huan", "content": a["content"] + " " + b["content"], "lead": "Sở Nội vụ",
                  "due": "Quý II/2024"})
    res = pair(tmp_path, base(), new)
    assert "− Nhiệm vụ cũ II.1 (van-dong-phan-anh): bỏ" in res.out
    assert "(gộp vào nhiệm vụ II.1 (van-dong-va-tap-huan))" in res.out
    assert "(gộp từ nhiệm vụ cũ II.1 (van-dong-phan-anh), II.2 (tap-huan-cchc))" in res.out
    assert "nhiệm vụ: 1 thêm, 2 bỏ, 1 gộp" in res.out


def test_help_is_vietnamese():
    res = run_tt("diff", "--help")
    assert res.code == 0 and "Cách dùng: tt diff" in res.out and "[CŨ MỚI | TỆP…]" in res.out
    for word in ("Usage:", "Options", "Arguments", "[default", "Show this message"):
        assert word not in res.out


def test_ids_missing_on_one_side_match_by_content(tmp_path):
    old = base()
    for g in old["appendix"]["groups"]:
        for t in g["tasks"]:
            del t["id"]
    new = base()
    tasks_of(new, 1)[0]["due"] = "Quý IV/2024"
    res = pair(tmp_path, old, new)
    assert res.code == 1, res.text
    assert "Bản cũ có 6 nhiệm vụ không có mã (id): các nhiệm vụ này được khớp theo nội dung." in res.out
    assert "Nhiệm vụ II.1 (van-dong-phan-anh): thời gian: Quý II/2024 → Quý IV/2024 (muộn hơn 2 quý)" in res.out
    # adding the ids is not reported as six changes
    assert "Khác nhau: 1 thay đổi" in res.out


def test_a_side_with_schema_errors_is_reported_exit_2(tmp_path):
    old = base()
    old["document"]["date"] = "29/02/2023"
    res = pair(tmp_path, old, base())
    assert res.code == 2
    assert "TT-S004" in res.out and "không tồn tại" in res.out
    assert "Không so sánh được" in res.out


def test_a_missing_file_is_exit_2(tmp_path):
    b = write_plan(tmp_path, base())
    res = run_tt("diff", str(tmp_path / "khong-co.yaml"), str(b))
    assert res.code == 2 and "Không tìm thấy tệp" in res.out


@pytest.mark.parametrize("args,words", [
    ((), "Cần hai tệp"),
    (("a.yaml", "b.yaml", "c.yaml"), "đã cho 3 tệp"),
])
def test_usage_errors(tmp_path, args, words):
    res = run_tt("diff", *args, cwd=tmp_path)
    assert res.code == 2 and words in res.err and "Traceback" not in res.text


def test_markdown_for_a_pull_request(tmp_path):
    new = base()
    tasks_of(new, 1)[1]["due"] = "Quý III/2024"
    tasks_of(new, 2).append({"id": "hoi-nghi", "content": "Hội nghị | đối thoại *trực tuyến* <b>", "lead": "SNV"})
    del tasks_of(new, 0)[0]
    res = pair(tmp_path, base(), new, "--format", "markdown")
    assert res.code == 1
    out = res.out
    assert out.startswith("### tt diff")
    assert "**Khác nhau: 3 thay đổi — nhiệm vụ: 1 thêm, 1 bỏ, 1 sửa.**" in out
    # a diff of a few changes stays open: one heading a kind of change, no collapsed block
    assert "\n**Nhiệm vụ thêm (1)**\n" in out and "\n**Nhiệm vụ bỏ (1)**\n" in out and "\n**Nhiệm vụ sửa (1)**\n" in out
    assert "<details>" not in out
    # user text cannot break the table or inject HTML
    assert "Hội nghị \\| đối thoại \\*trực tuyến\\* &lt;b&gt;" in out
    assert "thời gian: ~~Quý II/2024~~ → **Quý III/2024** _(muộn hơn 1 quý)_" in out


def test_json_is_stable_and_complete(tmp_path):
    new = base()
    tasks_of(new, 1)[1]["due"] = "Quý III/2024"
    res = pair(tmp_path, base(), new, "-f", "json")
    assert res.code == 1
    data = json.loads(res.out)
    assert data["version"] == 1 and data["equal"] is False
    assert data["summary"] == {"files": 1, "different": 1, "errors": 0}
    f = data["files"][0]
    assert f["status"] == "modified" and f["old"]["tasks"] == 6
    (change,) = f["changes"]
    assert change["kind"] == "changed" and change["object"] == "task" and change["id"] == "tap-huan-cchc"
    assert change["path"] == ["appendix", "groups", 1, "tasks", 1]
    (field,) = change["fields"]
    assert field["field"] == "due" and field["old"] == "Quý II/2024" and field["new"] == "Quý III/2024"
    assert field["note"] == "muộn hơn 1 quý"
    assert change["message"] == ("Nhiệm vụ II.2 (tap-huan-cchc): thời gian: Quý II/2024 → Quý III/2024 "
                                 "(muộn hơn 1 quý)")


def test_markdown_stays_under_the_comment_limit(tmp_path, monkeypatch):
    from tuyentruyen.diff import report_markdown

    monkeypatch.setattr(report_markdown, "LIMIT", 600)
    new = base()
    for g in new["appendix"]["groups"]:
        for t in g["tasks"]:
            t["due"] = "Quý IV/2024"
    res = pair(tmp_path, base(), new, "-f", "markdown")
    assert "thay đổi khác không hiện vì bình luận quá dài" in res.out
    assert res.out.count("<details>") == res.out.count("</details>")
    assert len(res.out) < 1500


def test_output_file_is_written(tmp_path):
    new = base()
    new["document"]["number"] = 26
    out = tmp_path / "bao-cao" / "diff.md"
    res = pair(tmp_path, base(), new, "-f", "markdown", "-o", str(out))
    assert res.code == 1 and res.out == ""
    assert "số: ~~25~~ → **26**" in out.read_text("utf-8")


def test_as_a_real_process(tmp_path, tt_process):
    new = base()
    new["document"]["number"] = 26
    a = write_plan(tmp_path / "old", base())
    b = write_plan(tmp_path / "new", new)
    res = tt_process("diff", str(a), str(b))
    assert res.code == 1 and "số: 25 → 26" in res.out
