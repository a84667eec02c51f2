"""`tt diff --docx`: the Bảng so sánh (STT, nội dung cũ, nội dung mới, ghi chú) as Word opens it."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from tests.conftest import run_tt
from tests.render.ooxml_check import assert_word_native
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
    defaults = d.styles.element.find(qn("w:docDefaults")).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert defaults.find(qn("w:sz")).get(qn("w:val")) == "26"  # 13 pt
    assert d.paragraphs[0].text == "BẢNG SO SÁNH"
    # the two versions as the clerk knows them: their files, never an absolute path
    subtitle = next(p.text for p in d.paragraphs if p.text.startswith("(Bản cũ:"))
    assert subtitle == "(Bản cũ: old/2024.yaml; bản mới: new/2024.yaml)"
    assert str(tmp_path) not in subtitle
    (table,) = d.tables
    header = table.rows[0]
    assert [c.text for c in header.cells] == ["STT", "Nội dung cũ", "Nội dung mới", "Ghi chú"]
    flag = header._tr.trPr.find(qn("w:tblHeader"))
    assert flag is not None and flag.get(qn("w:val")) is None  # repeated on every page, no w:val="true"
    rows = [[c.text for c in r.cells] for r in table.rows[1:]]
    texts = ["\n".join(r) for r in rows]
    # tasks are named by their number in the appendix (II.02: group II, row 2 of a padded table), not by id
    assert not any("tap-huan-cchc" in t or "hoi-nghi" in t for t in texts)
    task = next(r for r in rows if r[1].startswith("Nhiệm vụ II.02"))
    assert task[0] == "2"
    assert "Thời gian: Quý II/2024" in task[1] and "Thời gian: Quý III/2024" in task[2]
    assert task[3].startswith("Sửa nội dung, thời gian (muộn hơn 1 quý)")
    added = next(r for r in rows if r[2].startswith("Nhiệm vụ III.02"))
    assert added[1] == "(không có)" and "Chủ trì: Sở Nội vụ" in added[2] and added[3] == "Thêm mới."
    assert any(t.startswith("VĂN BẢN") for t in texts) and any(t.startswith("PHỤ LỤC") for t in texts)
    # an area row is one cell across the four columns, as wide as the four
    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    area = next(r for r in table.rows if r.cells[0].text == "PHỤ LỤC")
    (tc,) = area._tr.tc_lst
    assert tc.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "4"
    assert int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) == sum(grid)
    # the removed words are struck through in the old column, the added ones bold in the new one
    old_cell, new_cell = next(r for r in table.rows if r.cells[1].text.startswith("Nhiệm vụ II.02")).cells[1:3]
    struck = [r.text for p in old_cell.paragraphs for r in p.runs if r.font.strike]
    bold = [r.text for p in new_cell.paragraphs for r in p.runs if r.bold]
    assert "tỉnh và cán bộ cấp huyện" in struck and "xã" in bold
    # page numbers from page 2: a PAGE field in the header, none on the first page
    assert [t.text.strip() for t in sec.header._element.iter(qn("w:instrText"))] == ["PAGE"]
    assert sec.different_first_page_header_footer
    assert not list(sec.first_page_header._element.iter(qn("w:instrText")))
    # the document ends with a paragraph, and Word opens it as its own
    body = d.element.body
    assert body[-2].tag == qn("w:p")
    assert_word_native(out)


def test_a_revision_is_named_with_its_date(tmp_path):
    from tests.diff.diffplans import commit, git, init_repo

    repo = init_repo(tmp_path / "kho")
    write_plan(repo / "plans", base())
    commit(repo, "v1")
    new = base()
    new["document"]["number"] = 31
    write_plan(repo / "plans", new)
    day = git(repo, "log", "-1", "--format=%cd", "--date=format:%d/%m/%Y").strip()
    out = tmp_path / "so-sanh.docx"
    res = run_tt("diff", "plans/2024.yaml", "--rev", "HEAD", "--docx", str(out), cwd=repo)
    assert res.code == 1, res.text
    subtitle = next(p.text for p in docx.Document(str(out)).paragraphs if p.text.startswith("(Bản cũ:"))
    assert subtitle == f"(Bản cũ: bản HEAD ngày {day} của plans/2024.yaml; bản mới: plans/2024.yaml)"
    assert str(repo) not in subtitle


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
