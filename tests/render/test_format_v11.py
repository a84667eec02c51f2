"""Format 1.1 rendered and read back: each construct real plans use, as signed.

The plans: the sample plans/tuyen-quang/2026-2030.yaml (a Quyết định signed TM. + KT. issuing a
2026-2030 plan with Phụ lục I and II), tests/render/plans/qd-dieu-1.yaml (a ministry's decision that
approves the plan inside Điều 1, "Xét đề nghị của …", levels 1., a)) and tests/render/plans/kh-xa-2026.yaml
(a commune's Kế hoạch with a proposal line after its căn cứ, one paragraph per implemented document,
two appendices). Every expectation is computed from the plan file or written out from the decree,
not from the renderer.
"""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from tests.conftest import PLANS
from tests.render.docx_reader import Doc, norm, row_cells, sect_value
from tests.render.support import PLAN_DIR, copy_plan, render
from tuyentruyen import api
from tuyentruyen.render import metrics

CENTER = WD_ALIGN_PARAGRAPH.CENTER
TEXT_WIDTH_MM = 210 - 30 - 15
SAMPLE = PLANS / "tuyen-quang" / "2026-2030.yaml"


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    out = tmp_path_factory.mktemp("v11")
    cache: dict[str, Doc] = {}

    def get(name: str) -> Doc:
        if name not in cache:
            src = SAMPLE if name == "sample" else PLAN_DIR / f"{name}.yaml"
            cache[name] = Doc(render(src, out / f"{name}.docx"))
        return cache[name]

    return get


def plan_of(path):
    loaded = api.load_plan(path)
    assert loaded.plan is not None, loaded.problems
    return loaded.plan


def signer_paragraphs(doc: Doc, table_index: int):
    right = row_cells(doc.tables()[table_index].rows[0])[1]
    return [p for p in right.paragraphs if p.text]


# ---------------------------------------------------------------- the authority block


def test_three_signer_lines_centred_bold_one_paragraph_each_no_word_broken(docs):
    doc = docs("sample")
    lines = signer_paragraphs(doc, 1)  # the decision's signature table
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    right = row_cells(doc.tables()[1].rows[0])[1]
    from tests.render.docx_reader import cell_width_mm

    for p in lines:
        f = doc.fmt(p)
        assert f.bold and not f.italic and 13 <= f.size <= 14 and p.alignment == CENTER
        assert not p._p.findall(".//" + qn("w:br"))  # each line whole: no break inside it
        assert metrics.text_width(p.text, f.size, "bold") < cell_width_mm(right)  # fits: never wrapped


def test_a_long_authority_line_breaks_between_words_inside_its_own_paragraph(tmp_path):
    long = "TUQ. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG"
    path = copy_plan("qd-dieu-1", tmp_path, lambda t: t.replace("authority: [KT. BỘ TRƯỞNG]",
                                                                f"authority: [{long}]"))
    doc = Doc(render(path, tmp_path / "out.docx"))
    lines = signer_paragraphs(doc, 1)
    assert norm(lines[0].text) == long and len(lines) == 2  # the line, then the position: not merged
    pieces = lines[0].text.split("\n")
    assert len(pieces) >= 2 and all(pieces) and " ".join(pieces) == long  # broken at spaces only


def test_a_v1_signer_prints_as_before(docs):
    lines = signer_paragraphs(docs("kh-xa-2026"), 1)
    assert [p.text for p in lines] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


# ---------------------------------------------------------------- căn cứ and the proposal line


def test_decision_proposal_after_the_bases_italic_last_basis_ends_with_a_semicolon(docs):
    doc = docs("sample")
    bases = doc.find_all(r"^Căn cứ ")
    assert [norm(p.text) for p in bases] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",  # the date as written
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách "
        "hành chính nhà nước giai đoạn 2021 - 2030;",
    ]
    proposal = doc.find(r"^Theo đề nghị của")
    assert norm(proposal.text) == ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 12/TTr-SNV "
                                   "ngày 12 tháng 01 năm 2026.")
    blocks = [p._p for p in doc.all_paragraphs()]
    assert blocks.index(proposal._p) == blocks.index(bases[-1]._p) + 1
    for p in [*bases, proposal]:
        f = doc.fmt(p)
        assert f.italic and not f.bold


def test_xet_de_nghi_is_printed_as_written(docs):
    doc = docs("qd-dieu-1")
    assert norm(doc.find(r"^Xét đề nghị").text) == "Xét đề nghị của Vụ trưởng Vụ Cải cách hành chính."
    assert not doc.find_all(r"^Theo đề nghị")
    assert norm(doc.find_all(r"^Căn cứ ")[0].text) == "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;"


def test_plan_alone_has_its_proposal_line_and_its_bases_end_right(docs):
    doc = docs("kh-xa-2026")
    basis = doc.find(r"^Căn cứ ")
    assert norm(basis.text) == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
    proposal = doc.find(r"^Theo đề nghị của")
    assert norm(proposal.text) == "Theo đề nghị của Văn phòng HĐND và UBND xã."
    assert doc.fmt(proposal).italic and doc.fmt(basis).italic


def test_without_a_proposal_the_last_basis_ends_with_a_full_stop(tmp_path):
    path = copy_plan("kh-xa-2026", tmp_path, lambda t: t.replace("  proposal: Văn phòng HĐND và UBND xã\n", ""))
    doc = Doc(render(path, tmp_path / "out.docx"))
    assert norm(doc.find(r"^Căn cứ ").text).endswith("năm 2025.")
    assert not doc.find_all(r"đề nghị của")


# ---------------------------------------------------------------- implemented documents


def test_each_implemented_document_its_own_paragraph_then_the_intro(docs):
    doc = docs("kh-xa-2026")
    done = doc.find_all(r"^Thực hiện ")
    assert [norm(p.text) for p in done] == [
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 20/01/2026 của UBND tỉnh về tuyên truyền cải cách hành chính "
        "năm 2026;",
        "Thực hiện Công văn số 85/SNV-CCHC ngày 23/01/2026 của Sở Nội vụ về hướng dẫn tuyên truyền cải cách "
        "hành chính năm 2026;",
    ]
    intro = doc.find(r"^Ủy ban nhân dân xã ban hành Kế hoạch")
    assert not doc.fmt(intro).italic and not doc.fmt(done[0]).italic


def test_joined_layout_is_still_one_sentence(tmp_path):
    path = copy_plan("kh-xa-2026", tmp_path, lambda t: t.replace("  implements_layout: paragraphs\n", ""))
    doc = Doc(render(path, tmp_path / "out.docx"))
    (one,) = doc.find_all(r"^Thực hiện ")
    assert "năm 2026; Thực hiện" not in norm(one.text)
    assert norm(one.text).startswith("Thực hiện Kế hoạch số 12/KH-UBND")
    assert "; Công văn số 85/SNV-CCHC" in norm(one.text) and norm(one.text).endswith("như sau:")


# ---------------------------------------------------------------- the plan inside Điều 1


def test_plan_in_article_1_no_separate_plan(docs):
    doc = docs("qd-dieu-1")
    plan = plan_of(PLAN_DIR / "qd-dieu-1.yaml")
    assert len(doc.d.sections) == 1  # no attached plan, no appendix
    assert not doc.find_all(r"^KẾ HOẠCH$") and not doc.find_all(r"kèm theo")
    texts = [norm(p.text) for p in doc.all_paragraphs() if norm(p.text)]
    first = next(i for i, t in enumerate(texts) if t.startswith("Điều 1."))
    second = next(i for i, t in enumerate(texts) if t.startswith("Điều 2."))
    assert texts[first] == f"Điều 1. Phê duyệt Kế hoạch {plan.plan_title[0].lower()}{plan.plan_title[1:]} " \
                           "với các nội dung sau:"
    inside = texts[first + 1:second]
    # numbering [number, letter]: 1., 2. then a), b); the headings in normal case
    assert inside[0] == "1. Mục đích, yêu cầu" and inside[1] == "a) Mục đích"
    assert "b) Yêu cầu" in inside and "2. Nội dung tuyên truyền" in inside
    assert inside[-1] == "- Chính quyền địa phương hai cấp và việc giải quyết thủ tục hành chính ở cấp xã."
    assert texts[second].startswith("Điều 2.") and any(t.startswith("Điều 3.") for t in texts)


def test_numbering_a_b_under_1_in_the_sample(docs):
    doc = docs("sample")
    assert [norm(p.text) for p in doc.find_all(r"^[a-c]\) ")][:3] == [
        "a) Cải cách thể chế và thủ tục hành chính", "b) Cải cách tổ chức bộ máy, công vụ", "c) Chính quyền số"]
    assert doc.find(r"^I\. MỤC ĐÍCH, YÊU CẦU$") and doc.find(r"^1\. Mục đích$")


def test_attached_line_wording(docs, tmp_path):
    doc = docs("sample")
    line = doc.find(r"^\(Ban hành kèm theo Quyết định")
    assert doc.fmt(line).italic
    path = tmp_path / "plans" / "tq" / "plan.yaml"
    path.parent.mkdir(parents=True)
    (path.parent / "units.yaml").write_text((SAMPLE.parent / "units.yaml").read_text("utf-8"), "utf-8")
    path.write_text(SAMPLE.read_text("utf-8").replace("  period: {first: 2026, last: 2030}\n",
                                                      "  period: {first: 2026, last: 2030}\n  attached_line: kem-theo\n"),
                    "utf-8")
    other = Doc(render(path, tmp_path / "out.docx"))
    assert norm(other.find(r"^\(Kèm theo Quyết định").text).startswith("(Kèm theo Quyết định số 35/QĐ-UBND")
    assert not other.find_all(r"^\(Ban hành kèm theo")


# ---------------------------------------------------------------- several appendices


@pytest.mark.parametrize("name,kind,number", [("sample", "Quyết định", "35/QĐ-UBND"),
                                              ("kh-xa-2026", "Kế hoạch", "05/KH-UBND")])
def test_phu_luc_i_and_ii_each_numbered_on_its_own_with_its_attached_line(docs, name, kind, number):
    doc = docs(name)
    plan = plan_of(SAMPLE if name == "sample" else PLAN_DIR / f"{name}.yaml")
    headings = doc.find_all(r"^Phụ lục [IV]+$")
    assert [p.text for p in headings] == ["Phụ lục I", "Phụ lục II"]
    for p in headings:
        f = doc.fmt(p)
        assert f.bold and f.size == 14 and p.alignment == CENTER
    d = plan.document
    month = f"{d.date.month:02d}" if d.date.month <= 2 else str(d.date.month)
    attached = (f"(Kèm theo {kind} số {number} ngày {d.date.day:02d} tháng {month} năm {d.date.year} "
                f"của {d.issued_by or d.issuer.name})")
    lines = doc.find_all(r"^\(Kèm theo ")
    assert [norm(p.text) for p in lines] == [attached, attached]
    sections = doc.d.sections
    appendix_sections = sections[-2:]
    for s in appendix_sections:
        assert sect_value(s, "w:pgNumType", "w:start") == "1"  # each appendix from page 1
        assert s.different_first_page_header_footer
        assert s.page_width > s.page_height  # landscape
    tables = doc.tables()[-2:]
    assert [len(t.rows) - 1 for t in tables] == [
        sum(1 + len(g.tasks) for g in a.groups) if a.groups else len(a.tasks) for a in plan.appendices]


def test_pages_of_each_appendix_counted_from_1_in_the_pdf(tmp_path):
    """Two long appendices: each starts on a page without a number, and its next pages count 2, 3…"""
    import shutil
    import subprocess

    from tests.conftest import run_tt

    if shutil.which("soffice") is None or shutil.which("pdftotext") is None:
        pytest.skip("thiếu LibreOffice hoặc poppler-utils")

    def rows(prefix: str) -> str:
        return "".join(f"      - id: {prefix}-{i}\n        content: Tuyên truyền nội dung số {i} về dịch vụ công "
                       f"trực tuyến và thủ tục hành chính của xã\n        lead: Phòng Văn hóa - Xã hội\n"
                       f"        due: Quý II/2026\n" for i in range(30))

    def edit(text: str) -> str:
        text = text.replace("    tasks:\n      - id: loa-truyen-thanh\n",
                            "    tasks:\n" + rows("a") + "      - id: loa-truyen-thanh\n")
        return text.replace("    tasks:\n      - id: quy-1\n", "    tasks:\n" + rows("b") + "      - id: quy-1\n")

    path = copy_plan("kh-xa-2026", tmp_path, edit)
    res = run_tt("render", str(path), "--pdf", "-o", str(tmp_path / "out.pdf"))
    assert res.code == 0, res.text
    text = subprocess.run(["pdftotext", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    marks, part = [], None
    for page in text.split("\f")[:-1]:
        lines = [x.strip() for x in page.strip().split("\n") if x.strip()]
        number = lines[0] if lines[0].isdigit() else None
        heading = next((x for x in lines[:3] if x in ("Phụ lục I", "Phụ lục II")), None)
        part = heading or part or "Kế hoạch"
        marks.append((part, number))
    for name in ("Phụ lục I", "Phụ lục II"):
        numbers = [n for p, n in marks if p == name]
        assert len(numbers) >= 2, marks
        assert numbers == [None] + [str(k) for k in range(2, len(numbers) + 1)], marks


# ---------------------------------------------------------------- numbers kept as written


def test_a_number_written_049_is_printed_049_and_warned(tmp_path):
    path = copy_plan("qd-dieu-1", tmp_path, lambda t: t.replace("  number: 49\n", '  number: "049"\n'))
    loaded = api.load_plan(path)
    (warning,) = [p for p in loaded.problems if p.code == "TT-S007"]
    line = path.read_text("utf-8").split("\n").index('  number: "049"') + 1
    assert warning.severity.value == "warning" and (warning.line, warning.col) == (line, 11)
    assert "“049”" in warning.message and "“49”" in warning.message
    doc = Doc(render(path, tmp_path / "out.docx"))
    assert doc.find(r"^Số: ").text == "Số: 049/QĐ-BNV"


def test_a_quoted_number_in_the_decree_form_is_not_warned(tmp_path):
    path = copy_plan("kh-xa-2026", tmp_path, lambda t: t.replace("  number: 5\n", '  number: "05"\n'))
    assert not api.load_plan(path).problems
    assert Doc(render(path, tmp_path / "out.docx")).find(r"^Số: ").text == "Số: 05/KH-UBND"
