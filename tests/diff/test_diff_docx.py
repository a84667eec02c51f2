"""`tt diff --docx`: the Bảng so sánh (STT, nội dung cũ, nội dung mới, ghi chú) as Word opens it."""

from __future__ import annotations

import docx

from tests.conftest import run_tt
from tests.diff.diffplans import base, write_plan


def make(tmp_path, *extra):
    new = base()
    t = new["appendix"]["groups"][1]["tasks"][1]
    t["due"] = "Quý III/2024"
    t["content"] = t["content"].replace("cán bộ cấp tỉnh và cán bộ cấp huyện", "cán bộ cấp xã")
    new["appendix"]["groups"][2]["tasks"].append(
        {"id": "hoi-nghi", "content": "Hội nghị đối thoại với doanh nghiệp.", "lead": "Sở Nội vụ", "due": "Quý I/2024"})
    new["document"]["number"] = 31
    a = write_plan(tmp_path / "old", base())
    b = write_plan(tmp_path / "new", new)
    out = tmp_path / "ra" / "so-sanh.docx"
    res = run_tt("diff", str(a), str(b), "--docx", str(out), *extra)
    return res, out


def test_comparison_table(tmp_path):
    res, out = make(tmp_path)
    assert res.code == 1 and "Đã ghi Bảng so sánh" in res.err
    d = docx.Document(str(out))
    sec = d.sections[0]
    assert round(sec.page_width.mm) == 297 and round(sec.page_height.mm) == 210  # A4 landscape
    assert sec.orientation == 1 and round(sec.left_margin.mm) == 30
    assert d.styles["Normal"].font.name == "Times New Roman" and d.styles["Normal"].font.size.pt == 13
    assert d.paragraphs[0].text == "BẢNG SO SÁNH"
    (table,) = d.tables
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["STT", "Nội dung cũ", "Nội dung mới", "Ghi chú"]
    assert header._tr.trPr.xpath("./w:tblHeader")  # repeated on every page
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    texts = ["\n".join(r) for r in rows]
    task = next(r for r in rows if "tap-huan-cchc" in r[1])
    assert task[0] == "2"
    assert "Thời gian: Quý II/2024" in task[1] and "Thời gian: Quý III/2024" in task[2]
    assert task[3].startswith("Sửa nội dung, thời gian (muộn hơn 1 quý)")
    added = next(r for r in rows if "hoi-nghi" in r[2])
    assert added[1] == "(không có)" and "Chủ trì: Sở Nội vụ" in added[2] and added[3] == "Thêm mới."
    assert any(t.startswith("VĂN BẢN") for t in texts) and any(t.startswith("PHỤ LỤC") for t in texts)
    # the removed words are struck through in the old column, the added ones bold in the new one
    old_cell, new_cell = next(r for r in table.rows if "tap-huan-cchc" in r.cells[1].text).cells[1:3]
    struck = [r.text for p in old_cell.paragraphs for r in p.runs if r.font.strike]
    bold = [r.text for p in new_cell.paragraphs for r in p.runs if r.bold]
    assert "tỉnh và cán bộ cấp huyện" in struck and "xã" in bold


def test_equal_plans_still_write_a_page(tmp_path):
    a = write_plan(tmp_path / "old", base())
    out = tmp_path / "so-sanh.docx"
    res = run_tt("diff", str(a), str(a), "--docx", str(out))
    assert res.code == 0
    assert "Không có thay đổi nào" in "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def test_unwritable_target_is_exit_2(tmp_path):
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    a = write_plan(tmp_path / "old", base())
    res = run_tt("diff", str(a), str(a), "--docx", str(blocker / "so-sanh.docx"))
    assert res.code == 2 and "Không ghi được tệp" in res.err
