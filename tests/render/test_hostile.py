"""A plan with hostile text renders correctly: XML special characters, template syntax,
control characters, line breaks inside values, a very long cell, a very long word, empty
sections, a draft without number and date. Nothing in the plan can become markup."""

from __future__ import annotations

import zipfile

import pytest
from docx.oxml.ns import qn

from tests.render.docx_reader import Doc, cell_width_mm, norm, row_cells, row_flags
from tests.render.support import LONG_CELL, render


@pytest.fixture(scope="module")
def doc(rendered) -> Doc:
    return rendered("hostile")


def test_special_characters_come_out_as_text(doc):
    title = doc.find(r"^Về việc")
    assert norm(title.text) == "Về việc <w:p>ban hành</w:p> Kế hoạch & {{ 7*7 }} {% raw %} ]]> <!-- x -->"
    xml = zipfile.ZipFile(doc.path).read("word/document.xml").decode("utf-8")
    assert "&lt;w:p&gt;ban hành&lt;/w:p&gt;" in xml  # escaped, not an element
    assert norm(doc.find(r"^Căn cứ Luật").text) == 'Căn cứ Luật <Tổ chức> & "Chính quyền" ngày 19/6/2015;'
    assert doc.find(r"^- \{\{ config \}\} & <script>;$")
    assert doc.find(r"^- Lưu: VT, <VP>\.$")
    assert norm(doc.find(r"^KẾ HOẠCH$").text) == "KẾ HOẠCH"
    assert norm(doc.find(r"^Kế hoạch & <thử>").text) == "Kế hoạch & <thử> {{ x }}"


def test_template_syntax_in_the_plan_is_never_evaluated(doc):
    article3 = doc.find(r"^Điều 3\.")
    assert norm(article3.text).startswith("Điều 3. {{ ''.__class__.__mro__ }}; Trưởng phòng <b>Hành chính</b>")
    assert not doc.find_all(r"Kế hoạch & 49")  # {{ 7*7 }} stayed as written


def test_a_line_break_in_a_value_never_makes_a_paragraph_or_an_article(doc):
    articles = doc.find_all(r"^Điều \d+\.")
    assert [norm(p.text)[:7] for p in articles] == ["Điều 1.", "Điều 2.", "Điều 3."]
    proposal = doc.find(r"^Theo đề nghị của")
    assert norm(proposal.text) == "Theo đề nghị của Chánh Văn phòng Sở Điều 4. Không phải một Điều."
    basis = doc.find(r"^Căn cứ Nghị định")
    assert norm(basis.text) == ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ </w:t></w:r> "
                                "về công tác văn thư Điều 9. Dòng giả mạo một Điều;")
    item = doc.find(r"^- Đơn vị <A>:")
    assert norm(item.text) == ("- Đơn vị <A>: Ý có xuống dòng dòng thứ hai & <tag>. Thời gian thực hiện: Quý I/2024.")


def test_control_characters_are_dropped_and_tabs_kept(doc):
    assert doc.find(r"^- Dòng có ký tự điều khiển: hết;$")
    intro = doc.find(r"^Giám đốc Sở ban hành")
    assert intro._p.find(f".//{qn('w:tab')}") is not None


def test_empty_sections_and_deep_levels(doc):
    assert doc.fmt(doc.find(r"^I\. MỤC RỖNG$")).bold
    assert doc.fmt(doc.find(r"^II\. MỤC CÓ <KÝ TỰ> & ĐẶC BIỆT$")).bold
    assert doc.fmt(doc.find(r"^1\. Tiểu mục rỗng$")).bold
    deep = doc.fmt(doc.find(r"^2\.1\. Cấp ba$"))
    assert deep.bold and deep.italic
    assert doc.find(r"^1\. Đơn vị <B>, Đơn vị & C$")
    # the duty's time "Thường xuyên" is already in its text: it is not printed twice
    assert not doc.find_all(r"^Thời gian thực hiện: Thường xuyên")


def test_very_long_cell_is_complete_and_may_break_across_pages(doc):
    table = doc.tables()[-1]
    rows = table.rows
    header = [norm(c.text) for c in row_cells(rows[0])]
    # one task of three gives forms, a budget and a note: no column of their own, they go in its
    # content cell; without a forms column the units take two columns (render.units = auto)
    assert header == ["STT", "Nội dung", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp",
                      "Thời gian thực hiện"]
    long_row = rows[2]  # header, group I, the long task
    assert norm(row_cells(long_row)[1].text) == norm(LONG_CELL)
    assert "cantSplit" not in row_flags(long_row)  # taller than a page: it must be allowed to break
    assert "cantSplit" in row_flags(rows[3])
    url_row = row_cells(rows[3])
    assert url_row[1].text.startswith("https://dichvucong.gov.vn/")
    assert [p.text for p in url_row[1].paragraphs][1:] == [
        "Hình thức: <Hình thức>; & khác.", "Kinh phí: 50.000.000 đồng.", "Ghi chú: Ghi chú <1>."]
    assert all(cell_width_mm(c) >= 8 for c in row_cells(rows[0]))  # one long word does not crush the other columns


def test_draft_prints_blanks_for_number_and_date(doc):
    assert doc.find(r"^Số:").text == "Số:       /QĐ-STTTT"
    assert doc.find(r"^Hà Giang, ngày").text == "Hà Giang, ngày      tháng      năm 2024"
    signer = doc.tables()[1]
    assert [p.text for p in row_cells(signer.rows[0])[1].paragraphs if p.text] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_minimal_plan_renders(tmp_path):
    plan = tmp_path / "toi-thieu.yaml"
    plan.write_text(
        "tt: 1\n"
        "document:\n  type: ke-hoach\n  issuer: {name: UBND xã A}\n  symbol: KH-UBND\n  place: A\n"
        "  title: Kế hoạch tối thiểu\n  signer: {position: CHỦ TỊCH}\n"
        "plan:\n  year: 2025\n"
        "appendix:\n  title: Không có nhiệm vụ\n  tasks: []\n", encoding="utf-8")
    doc = Doc(render(plan, tmp_path / "out.docx"))
    table = doc.tables()[-1]
    assert len(table.rows) == 1  # only the header row
    issuer = row_cells(doc.tables()[0].rows[0])[0]
    assert [p.text for p in issuer.paragraphs if p.text] == ["UBND XÃ A"]
    assert doc.find(r"^- Lưu: VT\.$")
