"""The importer's pieces on real shapes: the two readers, unit names in cells, case, quantities,
deadlines — and a .docx built with python-docx's own API (not tt's writer): a header table, Word's
automatic numbering, a table whose header spans two rows, a group row merged across, and a task
spread over two rows by vertical merges."""

from __future__ import annotations

import io

import pytest

from tuyentruyen.edit.importer import import_source
from tuyentruyen.edit.importer.blocks import Para, Table
from tuyentruyen.edit.importer.casing import Vocabulary
from tuyentruyen.edit.importer.names import split_list_line, split_units
from tuyentruyen.edit.importer.shapes import deadline_in
from tuyentruyen.edit.importer.tables import quantity_in
from tuyentruyen.edit.importer.text import read_text


@pytest.mark.parametrize("written, units", [
    ("Đài Phát thanh - Truyền hình tỉnh; Báo Quảng Ngãi và các cơ quan thông tấn báo chí.",
     ["Đài Phát thanh - Truyền hình tỉnh", "Báo Quảng Ngãi", "các cơ quan thông tấn báo chí"]),
    ("Các cơ quan, đơn vị, UBND các xã, thị trấn", ["Các cơ quan, đơn vị", "UBND các xã, thị trấn"]),
    ("- Văn phòng UBND tỉnh - Sở Thông tin và Truyền thông.", ["Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông"]),
    ("Văn phòng HĐND và UBND huyện", ["Văn phòng HĐND và UBND huyện"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Thông tin và Truyền thông;", ["Sở Thông tin và Truyền thông"]),
    ("Trung tâm Thông tin - Công báo", ["Trung tâm Thông tin - Công báo"]),
    ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
    ("Sở Nội vụ; các sở, ngành liên quan và UBND các huyện, thành phố.",
     ["Sở Nội vụ", "các sở, ngành liên quan", "UBND các huyện, thành phố"]),
    ("UBND huyện, thị xã, thành phố", ["UBND huyện, thị xã, thành phố"]),
])
def test_a_line_naming_several_units_is_cut_where_a_name_begins(written, units):
    assert split_units(written) == units


def test_a_registry_keeps_together_what_it_knows_as_one_name():
    from tuyentruyen.model import Registry
    from tuyentruyen.vn.units import UnitIndex

    index = UnitIndex(Registry.model_validate({"units": [
        {"id": "g", "name": "Các sở, ban, ngành, UBND các huyện, thành phố", "kind": "nhom"}]}))
    assert split_units("Các sở, ban, ngành, UBND các huyện, thành phố", index) == \
        ["Các sở, ban, ngành, UBND các huyện, thành phố"]
    assert split_units("Các sở, ban, ngành, UBND các huyện, thành phố") == \
        ["Các sở, ban, ngành", "UBND các huyện, thành phố"]


@pytest.mark.parametrize("line, entries", [
    ("- Các sở, ban ngành;- UBND huyện, thị xã, thành phố;- Các cơ quan thông tấn báo chí.",
     ["- Các sở, ban ngành;", "- UBND huyện, thị xã, thành phố;", "- Các cơ quan thông tấn báo chí."]),
    ("- Chủ trì: Sở Nội vụ; - Phối hợp: Các sở, ngành", ["- Chủ trì: Sở Nội vụ;", "- Phối hợp: Các sở, ngành"]),
    ("Viết tin, bài; sản xuất phóng sự - phát sóng", ["Viết tin, bài; sản xuất phóng sự - phát sóng"]),
])
def test_a_list_written_on_one_line_is_its_entries(line, entries):
    assert split_list_line(line) == entries


@pytest.mark.parametrize("content, quantity", [
    ("Tổ chức tập huấn cho lãnh đạo (01 lớp, 40 người)", "01 lớp, 40 người"),
    ("Tuyên truyền trên Đài Trung ương (1 bài/ 1 quý = 4 bài).", "4 bài"),
    ("Tập huấn cho CBCCVC (Số lượng khoảng 1000 lượt cán bộ, công chức).", "khoảng 1000 lượt cán bộ, công chức"),
    ("Bằng tiếng dân tộc (số lượng phát sóng, tin, bài: Tày, Mông: 12 bài/1 năm).", "12 bài/1 năm"),
    ("Cập nhật tin, bài (đợt 12)", None),
    ("Theo Nghị quyết (ngày 15/7/2021)", None),
    ("Xây dựng phóng sự (PAR INDEX)", None),
])
def test_a_quantity_is_read_from_brackets_only_when_it_counts_something(content, quantity):
    assert quantity_in(content) == quantity


@pytest.mark.parametrize("text, due", [
    ("Hoàn thành, gửi về UBND huyện trước ngày 29/02/2023 để theo dõi, tổng hợp.", "trước ngày 29/02/2023"),
    ("Báo cáo chậm nhất ngày 15/12/2024.", "chậm nhất ngày 15/12/2024"),
    ("Định kỳ hằng quý báo cáo kết quả.", None),
])
def test_a_deadline_is_read_from_a_sentence(text, due):
    assert deadline_in(text) == due


def test_capitals_get_back_the_case_the_document_writes_words_in():
    vocab = Vocabulary(["Thực hiện các nội dung của Kế hoạch tại tỉnh Hà Giang về CCHC.",
                        "Sở Nội vụ chủ trì; nội dung tuyên truyền mục đích, yêu cầu rõ ràng."])
    assert vocab.restore("MỤC ĐÍCH, YÊU CẦU")[0] == "Mục đích, yêu cầu"
    assert vocab.restore("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG")[0] == "Ủy ban nhân dân tỉnh Hà Giang"
    assert vocab.restore("NỘI DUNG TUYÊN TRUYỀN CCHC")[0] == "Nội dung tuyên truyền CCHC"
    restored, unknown = vocab.restore("KINH PHÍ")
    assert restored == "Kinh phí" and unknown == ["KINH", "PHÍ"]


def test_text_markup_is_removed_and_what_it_meant_is_kept():
    blocks = read_text("KẾ HOẠCH**Tuyên truyền cải cách hành chính\ntrên địa bàn tỉnh**\n\n"
                       "I. MỤC ĐÍCH**1. Mục đích**\n\n"
                       "STT\tNội dung\tCơ quan\n01\t<p>Cung cấp thông tin</p>\t<ul style=\"x\">- Sở A;- Sở B.</ul> <ul>- Sở C.</ul>\n")
    paras = [b for b in blocks if isinstance(b, Para)]
    assert [p.text for p in paras] == ["KẾ HOẠCH", "Tuyên truyền cải cách hành chính", "trên địa bàn tỉnh",
                                       "I. MỤC ĐÍCH", "1. Mục đích"]
    assert [p.bold for p in paras] == [False, True, True, False, True]
    table = next(b for b in blocks if isinstance(b, Table))
    cell = table.rows[1].cells[2]
    assert [(p.text, p.list_no) for p in cell.paras] == [("- Sở A;", 1), ("- Sở B.", 1), ("- Sở C.", 2)]
    assert table.rows[1].cells[1].text == "Cung cấp thông tin"


def _docx() -> bytes:
    """A plan written with python-docx's API, as a clerk's Word file is: not by tt."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    d = docx.Document()
    head = d.add_table(rows=2, cols=2)
    left, right = head.cell(0, 0), head.cell(0, 1)
    left.paragraphs[0].add_run("ỦY BAN NHÂN DÂN").bold = True
    left.add_paragraph().add_run("XÃ TÂN TRÀO").bold = True
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    head.cell(1, 0).text = "Số: 12/KH-UBND"
    head.cell(1, 1).text = "Tân Trào, ngày 05 tháng 02 năm 2026"

    def centred(text):
        p = d.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True

    centred("KẾ HOẠCH")
    centred("Tuyên truyền cải cách hành chính năm 2026")
    d.add_paragraph().add_run("I. MỤC ĐÍCH, YÊU CẦU").bold = True
    d.add_paragraph("Nâng cao nhận thức của cán bộ, công chức về cải cách hành chính.", style="List Bullet")
    d.add_paragraph("Công khai thủ tục hành chính tại Bộ phận Một cửa.", style="List Bullet")
    d.add_paragraph().add_run("II. TỔ CHỨC THỰC HIỆN").bold = True
    d.add_paragraph().add_run("1. Văn phòng HĐND và UBND xã").bold = True
    d.add_paragraph("Theo dõi, đôn đốc thực hiện Kế hoạch này.")
    d.add_paragraph("Trên đây là Kế hoạch tuyên truyền cải cách hành chính năm 2026./.")
    sign = d.add_table(rows=1, cols=2)
    sign.cell(0, 0).paragraphs[0].add_run("Nơi nhận:").bold = True
    sign.cell(0, 0).add_paragraph("- UBND tỉnh;")
    sign.cell(0, 0).add_paragraph("- Lưu: VT.")
    sign.cell(0, 1).paragraphs[0].add_run("CHỦ TỊCH").bold = True
    sign.cell(0, 1).add_paragraph("Trần Văn An")
    centred("PHỤ LỤC")
    centred("CÁC NHIỆM VỤ NĂM 2026")
    t = d.add_table(rows=6, cols=6)
    t.style = "Table Grid"
    for c, title in enumerate(["STT", "Nội dung", "Hình thức", "Cơ quan thực hiện", "", "Thời gian"]):
        t.cell(0, c).text = title
    t.cell(1, 3).text, t.cell(1, 4).text = "Chủ trì", "Phối hợp"
    t.cell(0, 3).merge(t.cell(0, 4))  # "Cơ quan thực hiện" over Chủ trì | Phối hợp
    for c in (0, 1, 2, 5):
        t.cell(0, c).merge(t.cell(1, c))  # titles over both header rows
    t.cell(2, 0).text = "I"
    t.cell(2, 1).merge(t.cell(2, 5)).text = "Tuyên truyền chung"  # a group row across
    row = ["1", "Đẩy mạnh tuyên truyền kỷ luật, kỷ cương hành chính", "Viết tin, bài", "Văn phòng HĐND và UBND xã",
           "", "Thường xuyên"]
    for c, v in enumerate(row):
        t.cell(3, c).text = v
    t.cell(3, 4).paragraphs[0].text = "- Công an xã;"
    t.cell(3, 4).add_paragraph("- Đoàn Thanh niên xã.")
    for c, v in enumerate(["2", "Tập huấn cho công chức", "Tổ chức 01 lớp", "Văn phòng HĐND và UBND xã",
                           "Các đoàn thể", "Quý II/2026"]):
        t.cell(4, c).text = v
    t.cell(5, 4).text = "Trường Tiểu học Tân Trào"
    for c in (0, 1, 2, 3, 5):
        t.cell(4, c).merge(t.cell(5, c))  # task 2 spread over two rows
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_word_file_not_written_by_tt_imports():
    result = import_source(_docx(), "ke-hoach.docx")
    data = result.data
    doc = data["document"]
    assert doc["issuer"]["header"] == ["ỦY BAN NHÂN DÂN", "XÃ TÂN TRÀO"]
    assert (doc["number"], doc["symbol"], doc["place"], doc["date"]) == (12, "KH-UBND", "Tân Trào", "05/02/2026")
    assert doc["signer"] == {"position": "CHỦ TỊCH", "name": "Trần Văn An"}
    assert doc["recipients"] == ["UBND tỉnh"] and doc["archive"] == "VT"
    first, org = data["plan"]["sections"]
    assert first["heading"] == "Mục đích, yêu cầu" and first["marker"] == "dash"  # Word's bullets
    assert len(first["items"]) == 2
    assert org["duties"][0]["unit"] == "Văn phòng HĐND và UBND xã"
    assert data["plan"]["closing"].endswith("năm 2026./.")
    group = data["appendix"]["groups"][0]
    assert group["title"] == "Tuyên truyền chung"
    one, two = group["tasks"]
    assert one["lead"] == "Văn phòng HĐND và UBND xã"
    assert one["support"] == ["Công an xã", "Đoàn Thanh niên xã"]
    assert one["forms"] == ["Viết tin, bài"] and one["due"] == "Thường xuyên"
    assert two["support"] == ["Các đoàn thể", "Trường Tiểu học Tân Trào"]  # the second row of the task
    assert two["content"] == "Tập huấn cho công chức" and two["due"] == "Quý II/2026"


def _table_docx(columns: list[str], rows: list[list[list[str]]]) -> bytes:
    """A Kế hoạch whose appendix table has these columns; a cell is its list of paragraphs."""
    import docx

    d = docx.Document()
    d.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN TRÀO")
    d.add_paragraph("Số: 3/KH-UBND")
    d.add_paragraph("Tân Trào, ngày 05 tháng 02 năm 2026")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Tuyên truyền cải cách hành chính năm 2026")
    d.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    d.add_paragraph("Nâng cao nhận thức về cải cách hành chính.")
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Trần Văn An")
    d.add_paragraph("PHỤ LỤC")
    t = d.add_table(rows=1 + len(rows), cols=len(columns))
    for c, title in enumerate(columns):
        t.cell(0, c).text = title
    for r, row in enumerate(rows, 1):
        for c, paras in enumerate(row):
            cell = t.cell(r, c)
            cell.paragraphs[0].text = paras[0] if paras else ""
            for p in paras[1:]:
                cell.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_field_written_under_the_content_goes_to_its_field_only_when_the_table_has_no_column_for_it():
    # tt prints a field few tasks fill inside the content cell ("Kinh phí: …."): read back into its
    # field when the table has no column of that name, left in the content when it has one
    columns = ["STT", "Nội dung", "Chủ trì", "Thời gian", "Kinh phí"]
    rows = [[["1"], ["Tập huấn nghiệp vụ", "Hình thức: Hội nghị; Trực tuyến.", "Ghi chú: cùng Sở Tư pháp."],
             ["Văn phòng"], ["Quý I"], ["5 triệu đồng"]],
            [["2"], ["Ghi chú: viết ở đầu ô là nội dung", "Kinh phí: lấy từ nguồn xã."], ["Văn phòng"], ["Quý II"], []]]
    tasks = import_source(_table_docx(columns, rows), "kh.docx").data["appendix"]["tasks"]
    one, two = tasks
    assert one["content"] == "Tập huấn nghiệp vụ"
    assert one["forms"] == ["Hội nghị", "Trực tuyến"]
    assert one["notes"] == "cùng Sở Tư pháp"
    assert one["budget"] == "5 triệu đồng"
    # the table has a Kinh phí column: the line stays part of the content; the first paragraph
    # of a cell is content whatever it starts with
    assert two["content"] == "Ghi chú: viết ở đầu ô là nội dung Kinh phí: lấy từ nguồn xã."
    assert "notes" not in two and "budget" not in two
    text = import_source(_table_docx(columns, rows), "kh.docx")
    from tuyentruyen.edit.importer import render_texts

    render_texts(text, display="kh.yaml")
    assert "TT-I011 dòng 'Ghi chú: …' cuối ô nội dung" in text.plan_text
