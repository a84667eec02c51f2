"""The rendered .docx, read back, against Nghị định 30/2020/NĐ-CP, Phụ lục I, item by item.

The plans are our own fixtures shaped like the real ones: a Quyết định issuing a Kế hoạch
with a 5-row appendix (Hà Giang) and a Kế hoạch alone with a grouped DANH MỤC (Quảng Ngãi).
"""

from __future__ import annotations

import re

import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from tests.render.docx_reader import (
    MM, Doc, Format, alignment, cell_width_mm, grid_span, norm, outline_level, row_cells, row_flags, sect_value,
    table_borders, top_border, v_align,
)
from tests.render.support import PLAN_DIR, copy_plan, render
from tuyentruyen import api
from tuyentruyen.render import metrics

TEXT_WIDTH_MM = 210 - 30 - 15
LANDSCAPE_TEXT_WIDTH_MM = 297 - 30 - 15
CENTER = WD_ALIGN_PARAGRAPH.CENTER


@pytest.fixture(scope="module")
def qd(rendered) -> Doc:
    return rendered("qd-ha-giang")


@pytest.fixture(scope="module")
def kh(rendered) -> Doc:
    return rendered("kh-quang-ngai")


def plan_of(name: str):
    loaded = api.load_plan(PLAN_DIR / f"{name}.yaml")
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


# ---------------------------------------------------------------- page


def test_a4_margins_and_orientation_per_section(qd, kh):
    for doc, orients in ((qd, ["portrait", "portrait", "landscape"]), (kh, ["portrait", "landscape"])):
        sections = doc.d.sections
        assert len(sections) == len(orients)
        for section, orient in zip(sections, orients):
            w, h = round(section.page_width / MM), round(section.page_height / MM)
            if orient == "portrait":
                assert (w, h) == (210, 297) and section.orientation == WD_ORIENT.PORTRAIT
            else:
                assert (w, h) == (297, 210) and section.orientation == WD_ORIENT.LANDSCAPE
            assert 20 <= round(section.top_margin / MM) <= 25
            assert 20 <= round(section.bottom_margin / MM) <= 25
            assert 30 <= round(section.left_margin / MM) <= 35
            assert 15 <= round(section.right_margin / MM) <= 20


def test_times_new_roman_black_everywhere(qd):
    assert set(qd.default_fonts.values()) == {"Times New Roman"}
    assert not any("Theme" in k for k in qd.default_fonts)  # a theme font would override it
    for rfonts in qd.body.iter(qn("w:rFonts")):
        assert set(rfonts.attrib.values()) <= {"Times New Roman"}
    assert not list(qd.body.iter(qn("w:color")))
    normal = qd.d.styles["Normal"]
    assert normal.font.name == "Times New Roman"


def test_page_numbers_centred_in_the_top_margin_from_the_second_page(qd):
    sections = qd.d.sections
    header = sections[0].header
    instr = [t.text for t in header._element.iter(qn("w:instrText"))]
    assert [x.strip() for x in instr] == ["PAGE"]
    p = header.paragraphs[0]
    assert alignment(p) == CENTER
    fmt = qd.runs(p)[0]
    assert 13 <= fmt.size <= 14 and not fmt.bold and not fmt.italic
    for i, section in enumerate(sections):
        assert section.different_first_page_header_footer, f"section {i}: the first page shows a number"
        first = section.first_page_header
        assert not list(first._element.iter(qn("w:instrText"))) and not norm(
            "".join(p.text for p in first.paragraphs))
    # the decision counts from 1; the plan and the appendix are numbered on their own
    assert sect_value(sections[0], "w:pgNumType", "w:start") is None
    assert sect_value(sections[1], "w:pgNumType", "w:start") == "1"
    assert sect_value(sections[2], "w:pgNumType", "w:start") == "1"
    assert 5 <= round(sections[0].header_distance / MM) < 20  # inside the top margin


# ---------------------------------------------------------------- header block


def header_table(doc: Doc, index: int = 0):
    tables = doc.tables()
    return tables[index]


def test_header_is_a_borderless_two_column_table(qd):
    t = header_table(qd)
    assert set(table_borders(t).values()) <= {"nil", "none"}
    left, right = row_cells(t.rows[0])
    total = cell_width_mm(left) + cell_width_mm(right)
    assert abs(total - TEXT_WIDTH_MM) < 1
    assert 0.35 <= cell_width_mm(left) / total <= 0.45  # issuer ≈ 40 %, Quốc hiệu ≈ 60 %


def test_issuer_block_uppercase_bold_with_a_short_rule(qd):
    left = row_cells(header_table(qd).rows[0])[0]
    texts = [p for p in left.paragraphs if p.text]
    assert [p.text for p in texts] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]
    for p in texts:
        f = qd.fmt(p)
        assert f.bold and not f.italic and 12 <= f.size <= 13 and p.alignment == CENTER
    rule = [top_border(p) for p in left.paragraphs if top_border(p)]
    assert len(rule) == 1
    weight, l_ind, r_ind = rule[0]
    length = cell_width_mm(left) - (l_ind + r_ind) / MM
    issuer = max(metrics.text_width(p.text, qd.fmt(p).size, "bold") for p in texts)
    assert issuer / 3 - 1 <= length <= issuer / 2 + 1  # 1/3 to 1/2 of the name


def test_parent_body_upright_not_bold_above_the_issuer(rendered):
    doc = rendered("hostile")
    left = row_cells(header_table(doc).rows[0])[0]
    lines = [p for p in left.paragraphs if p.text]
    assert [p.text for p in lines[:2]] == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]  # balanced over two lines
    for p in lines[:2]:
        f = doc.fmt(p)
        assert not f.bold and not f.italic and 12 <= f.size <= 13
    assert all(doc.fmt(p).bold for p in lines[2:])
    assert norm(" ".join(p.text for p in lines[2:])) == 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH <HÀ GIANG> & "CỘNG SỰ"'


def test_national_title_and_motto_with_a_rule_as_long_as_the_motto(qd):
    right = row_cells(header_table(qd).rows[0])[1]
    texts = [p for p in right.paragraphs if p.text]
    assert [p.text for p in texts] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    national, motto = (qd.fmt(p) for p in texts)
    assert national.bold and not national.italic and 12 <= national.size <= 13
    assert motto.bold and not motto.italic and 13 <= motto.size <= 14
    rules = [top_border(p) for p in right.paragraphs if top_border(p)]
    assert len(rules) == 1
    _w, l_ind, r_ind = rules[0]
    length = cell_width_mm(right) - (l_ind + r_ind) / MM
    expected = metrics.text_width(texts[1].text, motto.size, "bold")
    assert abs(length - expected) < 0.1 * expected
    assert top_border(right.paragraphs[2])  # right under the motto


def test_number_and_place_date(qd):
    row = header_table(qd).rows[1]
    left, right = row_cells(row)
    number = left.paragraphs[0]
    assert number.text == "Số: 233/QĐ-UBND" and number.alignment == CENTER
    f = qd.fmt(number)
    assert f.size == 13 and not f.bold and not f.italic
    date = right.paragraphs[0]
    assert date.text == "Hà Giang, ngày 19 tháng 12 năm 2022" and date.alignment == CENTER
    f = qd.fmt(date)
    assert f.italic and not f.bold and 13 <= f.size <= 14


# ---------------------------------------------------------------- title and body of the decision


def test_type_name_and_title_bold_centred_with_a_rule(qd):
    kind = qd.find(r"^QUYẾT ĐỊNH$")
    title = qd.find(r"^Về việc ban hành Kế hoạch")
    for p in (kind, title):
        f = qd.fmt(p)
        assert f.bold and not f.italic and 13 <= f.size <= 14 and p.alignment == CENTER
    assert norm(title.text) == norm(plan_of("qd-ha-giang").document.title)
    rule = top_border(Paragraph(title._p.getnext(), title._parent))
    assert rule is not None
    _w, l_ind, r_ind = rule
    length = TEXT_WIDTH_MM - (l_ind + r_ind) / MM
    lines = title.text.split("\n")
    widest = max(metrics.text_width(x, 14, "bold") for x in lines)
    assert widest / 3 - 1 <= length <= widest / 2 + 1


def test_authority_bases_and_decides(qd):
    authority = qd.find(r"^CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ GIANG$")
    assert qd.fmt(authority).bold and authority.alignment == CENTER
    bases = qd.find_all(r"^Căn cứ ")
    plan = plan_of("qd-ha-giang")
    assert len(bases) == len(plan.document.bases)
    assert [norm(p.text) for p in bases] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021-2030;",
        "Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về kế hoạch cải cách hành chính tỉnh "
        "Hà Giang năm 2023;",
    ]
    proposal = qd.find(r"^Theo đề nghị của")
    assert norm(proposal.text) == ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 551/TTr-SNV "
                                   "ngày 12 tháng 12 năm 2022.")
    for p in [*bases, proposal]:
        f = qd.fmt(p)
        assert f.italic and not f.bold and 13 <= f.size <= 14
        body_format(p)
    decides = qd.find(r"^QUYẾT ĐỊNH:$")
    assert qd.fmt(decides).bold and decides.alignment == CENTER


def test_articles_bold_number_then_text(qd):
    articles = qd.find_all(r"^Điều \d+\.")
    assert [norm(p.text)[:7] for p in articles] == ["Điều 1.", "Điều 2.", "Điều 3."]
    for p in articles:
        runs = qd.runs(p)
        assert runs[0].bold and re.fullmatch(r"Điều \d\. ", runs[0].text)
        assert not any(r.bold for r in runs[1:])
        body_format(p)
    assert norm(articles[0].text) == ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tuyên truyền cải cách "
                                      "hành chính năm 2023 trên địa bàn tỉnh Hà Giang.")
    assert norm(articles[1].text) == "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành."
    executors = "; ".join(plan_of("qd-ha-giang").decision.executors)
    assert norm(articles[2].text) == f"Điều 3. {executors} chịu trách nhiệm thi hành Quyết định này./."


def body_format(p):
    fmt = Format(p)
    assert alignment(p) == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert 10 <= round(fmt.first_line_indent / MM, 1) <= 12.7  # 1 to 1.27 cm
    assert fmt.space_after.pt >= 6
    assert 1.0 <= fmt.line_spacing <= 1.5


def signature_table(doc: Doc, index: int):
    return doc.tables()[index]


def test_recipients_beside_the_signer(qd):
    t = signature_table(qd, 1)
    assert set(table_borders(t).values()) <= {"nil", "none"}
    left, right = row_cells(t.rows[0])
    assert "cantSplit" in row_flags(t.rows[0])
    label, *lines = [p for p in left.paragraphs if p.text]
    assert label.text == "Nơi nhận:"
    f = qd.fmt(label)
    assert f.bold and f.italic and f.size == 12
    plan = plan_of("qd-ha-giang")
    # the last line ends with a period, after the number of copies too (the decree's "PL.(300).")
    assert [p.text for p in lines] == [f"- {r};" for r in plan.document.recipients] + ["- Lưu: VT, PVHCC, ĐM.(50)."]
    for p in lines:
        f = qd.fmt(p)
        assert f.size == 11 and not f.bold and not f.italic
    signer = right.paragraphs
    assert signer[0].text == "CHỦ TỊCH"
    assert qd.fmt(signer[0]).bold and 13 <= qd.fmt(signer[0]).size <= 14
    empty = [p for p in signer[1:-1] if not p.text]
    assert len(empty) >= 3  # room for the signature and the seal
    name = signer[-1]
    assert name.text == "Nguyễn Văn Sơn" and name.alignment == CENTER
    assert qd.fmt(name).bold and 13 <= qd.fmt(name).size <= 14


def test_signer_with_authority_prefix(kh):
    t = signature_table(kh, 1)
    right = row_cells(t.rows[0])[1]
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Phước Hiền"]


def test_signature_never_alone_on_a_page(qd):
    """The paragraph before the signature is kept with it (and the row is not split)."""
    t = signature_table(qd, 1)
    before = t._tbl.getprevious()
    assert before.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
    last_article = before.getprevious()
    assert last_article.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None


# ---------------------------------------------------------------- the plan


def test_plan_on_a_new_page_with_its_own_header_and_reference(qd):
    plan_header = header_table(qd, 2)
    assert len(plan_header.rows) == 1  # no number or date of its own
    assert [p.text for p in row_cells(plan_header.rows[0])[0].paragraphs if p.text] == ["ỦY BAN NHÂN DÂN",
                                                                                        "TỈNH HÀ GIANG"]
    # the plan's header table is the first block of the second section
    sect_break = plan_header._tbl.getprevious()
    assert sect_break.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    kind = qd.find(r"^KẾ HOẠCH$")
    assert qd.fmt(kind).bold and kind.alignment == CENTER
    ref = qd.find(r"^\(Ban hành kèm theo")
    assert norm(ref.text) == ("(Ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022 "
                              "của Ủy ban nhân dân tỉnh Hà Giang)")
    f = qd.fmt(ref)
    assert f.italic and not f.bold and ref.alignment == CENTER


def test_sections_numbered_roman_then_arabic_then_letters(qd):
    assert qd.fmt(qd.find(r"^I\. MỤC ĐÍCH, YÊU CẦU$")).bold
    assert qd.fmt(qd.find(r"^II\. ĐỐI TƯỢNG, NỘI DUNG, HÌNH THỨC TUYÊN TRUYỀN$")).bold
    assert qd.fmt(qd.find(r"^1\. Mục đích$")).bold
    items = qd.find_all(r"^[a-zđ]\) ")
    assert [p.text.split(")")[0] for p in items[:5]] == ["a", "b", "c", "d", "đ"]
    for p in items:
        assert not any(r.bold for r in qd.runs(p))
        body_format(p)
    # bullets of an item, closing line
    assert qd.find(r"^- Việc đổi mới, nâng cao chất lượng")
    assert qd.find(r"^\(Có Phụ lục một số nhiệm vụ trọng tâm năm 2023 đính kèm\)$")


def test_duties_continue_the_numbering_and_print_their_time(qd):
    heads = [norm(p.text) for p in qd.find_all(r"^\d\. ") if qd.fmt(p).bold]
    assert heads[-3:] == [
        "1. Sở Nội vụ",
        "2. Đài Phát thanh - Truyền hình tỉnh, Báo Hà Giang",
        "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Giang và các đoàn thể chính trị - xã hội tỉnh",
    ]
    assert norm(qd.find(r"Ban Thi đua khen thưởng tỉnh:").text) == (
        "b) Ban Thi đua khen thưởng tỉnh: Chủ trì, triển khai việc khen thưởng chuyên đề. "
        "Thời gian thực hiện: Quý IV/2023.")
    assert qd.find(r"^Thời gian thực hiện: Thường xuyên\.$")


def test_kh_alone_has_its_number_bases_intro_and_no_issued_with_line(kh):
    assert len(kh.d.sections) == 2
    number_row = header_table(kh).rows[1]
    assert [p.text for p in row_cells(number_row)[0].paragraphs] == ["Số: 25/KH-UBND"]
    assert [p.text for p in row_cells(number_row)[1].paragraphs] == ["Quảng Ngãi, ngày 15 tháng 02 năm 2023"]
    assert not kh.find_all(r"Ban hành kèm theo")
    intro = kh.find(r"^Thực hiện ")
    assert norm(intro.text) == (
        "Thực hiện Nghị định số 63/2010/NĐ-CP ngày 08/6/2010 của Chính phủ về kiểm soát thủ tục hành chính; "
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên "
        "thông trong giải quyết thủ tục hành chính; Chủ tịch UBND tỉnh ban hành Kế hoạch truyền thông về "
        "hoạt động kiểm soát thủ tục hành chính năm 2023 như sau:")
    assert not kh.fmt(intro).italic
    body_format(intro)


# ---------------------------------------------------------------- the appendix


def appendix_table(doc: Doc):
    return doc.tables()[-1]


def test_appendix_heading_title_and_cross_reference(qd, kh):
    for doc, heading, ref in (
        (qd, "PHỤ LỤC", "(Kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022 "
                        "của Ủy ban nhân dân tỉnh Hà Giang)"),
        (kh, "DANH MỤC", "(Kèm theo Kế hoạch số 25/KH-UBND ngày 15 tháng 02 năm 2023 của Chủ tịch UBND tỉnh)"),
    ):
        p = doc.find(f"^{heading}$")
        f = doc.fmt(p)
        assert f.bold and f.size == 14 and p.alignment == CENTER
        ref_p = doc.find(r"^\(Kèm theo ")
        assert norm(ref_p.text) == ref
        assert doc.fmt(ref_p).italic and ref_p.alignment == CENTER
    title = qd.find(r"^CÁC NHIỆM VỤ TRỌNG TÂM")
    assert norm(title.text) == "CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023 TRÊN ĐỊA BÀN TỈNH HÀ GIANG"
    f = qd.fmt(title)
    assert f.bold and 13 <= f.size <= 14 and title.alignment == CENTER


def test_appendix_table_header_repeats_and_short_rows_never_split(qd):
    t = appendix_table(qd)
    borders = table_borders(t)
    assert set(borders) == {"top", "left", "bottom", "right", "insideH", "insideV"}
    assert set(borders.values()) == {"single"}
    header, *rows = t.rows
    assert "tblHeader" in row_flags(header)
    # two of five tasks give a quantity, and their content already says it: no "Số lượng" column
    assert [norm(c.text) for c in row_cells(header)] == ["STT", "Nội dung", "Hình thức tuyên truyền",
                                                         "Cơ quan, đơn vị thực hiện", "Thời gian thực hiện"]
    assert header._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}").get(qn("w:val")) is None  # no w:val="true"
    for c in row_cells(header):
        p = c.paragraphs[0]
        assert qd.fmt(p).bold and alignment(p) == CENTER and v_align(c) == "center"
    for row in rows:  # five rows of a few lines each: none is tall enough to break across pages
        assert "cantSplit" in row_flags(row) and "tblHeader" not in row_flags(row)


def test_appendix_rows_are_the_plans_tasks(qd):
    plan = plan_of("qd-ha-giang")
    tasks = [t for *_x, t in plan.iter_tasks()]
    _header, *rows = appendix_table(qd).rows
    assert len(rows) == len(tasks)
    for n, (row, task) in enumerate(zip(rows, tasks), 1):
        cells = row_cells(row)
        assert cells[0].text == str(n) and alignment(cells[0].paragraphs[0]) == CENTER
        assert norm(cells[1].text) == norm(task.content)
        assert norm(cells[4].text) == norm(task.due or "")
        assert all(v_align(c) == "center" for c in cells)
        size = qd.runs(cells[1].paragraphs[0])[0].size
        assert 11 <= size <= 13
    units = [p.text for p in row_cells(rows[1])[3].paragraphs]
    assert units == ["- Chủ trì: Sở Tài chính;", "- Phối hợp: Sở Nội vụ."]
    forms = [p.text for p in row_cells(rows[0])[2].paragraphs]
    assert forms == [f"- {tasks[0].forms[0]};", f"- {tasks[0].forms[1]}."]
    assert len(row_cells(rows[2])) == 5 and "(01 lớp, 40 người)" in row_cells(rows[2])[1].text


def test_appendix_column_widths_fill_the_landscape_page_and_fit_the_content(qd, kh):
    for doc in (qd, kh):
        t = appendix_table(doc)
        widths = [cell_width_mm(c) for c in row_cells(t.rows[0])]
        assert abs(sum(widths) - LANDSCAPE_TEXT_WIDTH_MM) < 1
        grid = [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert len(grid) == len(widths)
        layout = t._tbl.tblPr.find(qn("w:tblLayout"))
        assert layout.get(qn("w:type")) == "fixed"
        stt, content, *rest = widths
        assert stt < 15  # the STT column is narrow
        assert content == max(widths)  # the content column is the widest
        due = widths[[norm(c.text) for c in row_cells(t.rows[0])].index("Thời gian thực hiện")]
        size = doc.runs(row_cells(t.rows[-1])[1].paragraphs[0])[0].size
        assert size == (13 if len(widths) <= 5 else 12)  # 12–13 pt; 11–12 in wide tables
        # the time column holds "Thường xuyên" on one line (inside the cell margins of 1.5 mm)
        assert due >= metrics.text_width("Thường xuyên", size) + 3


def test_group_rows_roman_bold_across_the_row(kh):
    plan = plan_of("kh-quang-ngai")
    t = appendix_table(kh)
    header, *rows = t.rows
    assert [norm(c.text) for c in row_cells(header)] == ["STT", "Nội dung", "Cơ quan, đơn vị chủ trì",
                                                         "Cơ quan, đơn vị phối hợp", "Thời gian thực hiện"]
    expected = []
    for gi, group in enumerate(plan.appendix.groups):
        expected.append(("group", ["I", "II", "III"][gi], group.title))
        for ti, task in enumerate(group.tasks, 1):
            expected.append(("task", f"{ti:02d}", task.content))
    assert len(rows) == len(expected)
    for row, (kind, number, text) in zip(rows, expected):
        cells = row_cells(row)
        assert cells[0].text == number and cells[0].paragraphs[0].alignment == CENTER
        if kind == "group":
            assert len(cells) == 2 and grid_span(cells[1]) == 4
            assert kh.fmt(cells[0].paragraphs[0]).bold and kh.fmt(cells[1].paragraphs[0]).bold
            assert norm(cells[1].text) == norm(text)
            assert cells[1].paragraphs[0]._p.find(f"{qn('w:pPr')}/{qn('w:keepNext')}") is not None
        else:
            assert norm(cells[1].text) == norm(text)
            assert not kh.fmt(cells[1].paragraphs[0]).bold
    # separate lead and support columns, a list as "- …;" lines
    first_task = row_cells(rows[1])
    assert [p.text for p in first_task[2].paragraphs] == ["- Các sở, ban ngành;", "- UBND huyện, thị xã, thành phố."]
    assert first_task[3].text == "Các cơ quan thông tấn báo chí"
    last = row_cells(rows[-1])
    assert last[4].text == ""  # no time given: an empty cell, not a made-up one


# ---------------------------------------------------------------- numbers and drafts


def test_number_below_ten_and_february_are_padded(tmp_path):
    def edit(text):
        return text.replace("number: 233", "number: 5").replace("date: 19/12/2022", "date: 05/02/2024")

    doc = Doc(render(copy_plan("qd-ha-giang", tmp_path, edit), tmp_path / "out.docx"))
    assert doc.find(r"^Số: ").text == "Số: 05/QĐ-UBND"
    assert doc.find(r"^Hà Giang, ngày").text == "Hà Giang, ngày 05 tháng 02 năm 2024"
    assert norm(doc.find(r"^\(Ban hành kèm theo").text).startswith(
        "(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 02 năm 2024 ")
    assert norm(doc.find(r"^\(Kèm theo").text).startswith("(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 02 năm 2024 ")


def test_draft_without_number_and_date_leaves_blanks(tmp_path):
    def edit(text):
        return text.replace("  number: 233\n", "").replace("  date: 19/12/2022\n", "")

    doc = Doc(render(copy_plan("qd-ha-giang", tmp_path, edit), tmp_path / "out.docx"))
    assert doc.find(r"^Số:").text == "Số:       /QĐ-UBND"
    assert doc.find(r"^Hà Giang, ngày").text == "Hà Giang, ngày      tháng      năm 2023"
    ref = doc.find(r"^\(Kèm theo").text.replace("\n", " ")
    assert "Quyết định số       /QĐ-UBND ngày      tháng      năm 2023" in ref
