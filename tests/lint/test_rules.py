"""Rules on plans shaped like the real ones, beyond the documented examples: what fires, where,
and — as much — what must not fire."""

from __future__ import annotations

import pytest
import yaml

from tests.lint.helpers import codes, lint_path, write_plan
from tuyentruyen.project.config import Config
from tuyentruyen.rules.docs import base_texts, example_plan

UNITS = base_texts()[1]


def run(tmp_path, fragment: str, *, units: str | None = None, config: Config | None = None, raw: bool = False):
    text = fragment if raw else example_plan(fragment)
    path = write_plan(tmp_path, text, units if units is not None else UNITS)
    schema, found = lint_path(path, config or Config())
    assert not schema, [p.message for p in schema]
    return found


def task(**fields) -> str:
    base = {"id": "nv", "content": "Tổ chức tập huấn nghiệp vụ cải cách hành chính", "lead": "Sở Nội vụ",
            "due": "Quý II/2024"}
    base.update(fields)
    return yaml.safe_dump({"appendix": {"title": "CÁC NHIỆM VỤ", "tasks": [base]}}, allow_unicode=True)


# ---------------------------------------------------------------- deadlines


@pytest.mark.parametrize("due", ["Thường xuyên", "Quý I, Quý II/2024", "Quý III- IV/2024", "Định kỳ hằng quý",
                                 "Năm 2024", "Theo kế hoạch kiểm tra", "trước ngày 15/3/2024", "6 tháng đầu năm",
                                 "Tháng 6/2024", "Hằng tháng"])
def test_real_time_forms_are_clean(tmp_path, due):
    assert codes(run(tmp_path, task(due=due))) == []


@pytest.mark.parametrize("due, expected", [
    ("trước ngày 29/02/2023", ["TT-D001", "TT-D002", "TT-D003"]),  # Xuân Lộc, 2024
    ("trước ngày 31/6/2024", ["TT-D001"]),
    ("Quý V/2024", ["TT-D001"]),
    ("Quý IV - II/2024", ["TT-D007"]),
    ("Sớm", ["TT-D004"]),
    ("trước ngày 10/01/2024", ["TT-D002"]),
    ("Năm 2023", ["TT-D002", "TT-D003"]),
    ("Quý IV/2024 - Quý I/2025", ["TT-D003"]),
    ("trước ngày 10/02/2024", ["TT-D008"]),  # Tết Nguyên đán 2024 (a Saturday too)
    ("trước ngày 14/02/2024", ["TT-D008"]),  # mùng năm Tết: a Wednesday
    ("trước ngày 02/9/2024", ["TT-D008"]),
])
def test_time_mistakes(tmp_path, due, expected):
    found = run(tmp_path, task(due=due))
    assert codes(found) == expected, [(p.code, p.message) for p in found]


def test_a_day_off_hint_names_the_last_working_day(tmp_path):
    [p] = run(tmp_path, task(due="trước ngày 14/02/2024"))
    assert "Tết" in p.message and "thứ Tư 07/02/2024" in p.hint


def test_a_draft_without_date_skips_the_before_plan_rule(tmp_path):
    text = example_plan(task(due="trước ngày 10/01/2024")).replace("  date: 15/01/2024\n", "")
    assert codes(run(tmp_path, text, raw=True)) == []


def test_impossible_date_in_running_text_but_not_in_a_citation(tmp_path):
    frag = """
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          items:
            - text: Gửi báo cáo về UBND tỉnh trước ngày 29/02/2023 để tổng hợp.
              due: trước ngày 29/02/2024
            - Thực hiện Quyết định số 12/QĐ-UBND ngày 31/6/2023 của UBND tỉnh.
"""
    found = run(tmp_path, frag)
    assert codes(found) == ["TT-C007", "TT-D001"]
    d = next(p for p in found if p.code == "TT-D001")
    assert "29/02/2023" in d.message and d.col > 20


def test_duty_without_time_only_when_asked(tmp_path):
    frag = """
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Nội vụ
          text: [Theo dõi, đôn đốc thực hiện Kế hoạch.]
"""
    assert codes(run(tmp_path, frag, config=Config())) == []
    assert codes(run(tmp_path, frag, config=Config(extend_select=("TT-D006",)))) == ["TT-D006"]


# ---------------------------------------------------------------- responsibilities


def test_group_leads_are_not_many_leads(tmp_path):
    found = run(tmp_path, task(lead=["Các sở, ban, ngành", "UBND các huyện, thành phố"]))
    assert codes(found) == []


def test_two_leads_written_two_ways_are_one(tmp_path):
    assert codes(run(tmp_path, task(lead=["Sở Thông tin và Truyền thông", "Sở TT&TT"]))) == ["TT-R004"]


def test_unknown_unit_suggestions(tmp_path):
    [p] = run(tmp_path, task(lead="So Tai chinh"))
    assert p.code == "TT-R005" and "Sở Tài chính" in p.message
    [p] = run(tmp_path, task(lead="Sở Nội vụ, Sở Tài chính"))
    assert p.code == "TT-R005" and "2 đơn vị" in p.message


def test_unit_variants(tmp_path):
    found = run(tmp_path, task(lead="Đài PTTH tỉnh", support=["sở Nội vụ", "Báo Hà Giang"]))
    assert codes(found) == ["TT-R006"]  # "sở Nội vụ": only the first letter's case, as in a sentence
    assert found[0].fix is not None


def test_validity_of_units(tmp_path):
    units = UNITS + "  - id: so-moi\n    name: Sở Mới\n    kind: so\n    groups: [cac-so]\n    valid_from: 01/03/2025\n"
    found = run(tmp_path, task(lead="Sở Mới"), units=units)
    assert codes(found) == ["TT-R007"] and "thành lập" in found[0].message
    found = run(tmp_path, task(lead="Sở Kế hoạch và Đầu tư"))
    assert codes(found) == []  # valid until 28/02/2025, the plan is of 2024


def test_recipients_through_nhu_dieu_3_and_titles(tmp_path):
    frag = """
document:
  type: quyet-dinh
  symbol: QĐ-UBND
  recipients: [Như Điều 3, Bộ Nội vụ]
decision:
  executors:
    - Chánh Văn phòng UBND tỉnh
    - Giám đốc Sở Nội vụ
    - Thủ trưởng các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh
plan:
  title: Tuyên truyền cải cách hành chính năm 2024
"""
    assert codes(run(tmp_path, frag)) == []
    lacking = frag.replace("    - Thủ trưởng các Sở, ban, ngành thuộc Ủy ban nhân dân tỉnh\n", "")
    found = run(tmp_path, lacking + task(lead="Báo Hà Giang"))
    assert codes(found) == ["TT-R008"] and "Báo Hà Giang" in found[0].message
    catch_all = lacking.replace("Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ và các cơ quan, đơn vị liên quan")
    assert codes(run(tmp_path, catch_all + task(lead="Báo Hà Giang"))) == []


def test_duties_and_tasks_through_groups(tmp_path):
    frag = task(lead="Các sở, ban, ngành") + """
plan:
  sections:
    - heading: Tổ chức thực hiện
      kind: organization
      duties:
        - unit: Sở Tư pháp
          text: [Lồng ghép tuyên truyền cải cách hành chính.]
        - unit: Ủy ban Mặt trận Tổ quốc tỉnh
          heading: Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh
          text: [Tuyên truyền, vận động hội viên.]
document:
  recipients:
    - Các sở, ban, ngành
    - Ủy ban Mặt trận Tổ quốc tỉnh
"""
    units = UNITS + "  - id: mttq\n    name: Ủy ban Mặt trận Tổ quốc tỉnh\n    kind: doan-the\n"
    # Sở Tư pháp has the group's task; the group lead has Sở Tư pháp's duty; "Đề nghị" is not assigned work
    assert codes(run(tmp_path, frag, units=units)) == []


# ---------------------------------------------------------------- citations


def test_symbol_type_and_spacing_in_running_text(tmp_path):
    frag = """
plan:
  sections:
    - heading: Căn cứ
      kind: other
      items:
        - Nghị định số 61/2018/NQ-CP ngày 23/4/2018 của Chính phủ về cơ chế một cửa.
        - Quyết định số 233/QĐ - UBND ngày 19/12/2022 của UBND tỉnh.
"""
    found = run(tmp_path, frag)
    assert codes(found) == ["TT-C001", "TT-C002"]
    assert all(p.col > 14 for p in found)  # pointed at the symbol, not at the start of the line


def test_same_administrative_number_in_two_years_is_two_documents(tmp_path):
    frag = """
plan:
  sections:
    - heading: Căn cứ
      kind: other
      items:
        - Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh.
        - Quyết định số 12/QĐ-UBND ngày 04/01/2023 của UBND tỉnh.
        - Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.
        - Nghị quyết số 76/NQ-CP ngày 17/5/2021 của Chính phủ.
"""
    found = run(tmp_path, frag)
    assert codes(found) == ["TT-C003"] and "15/07/2021" in found[0].message


def test_cited_after_the_plan(tmp_path):
    frag = """
document:
  bases:
    - type: Nghị định
      number: 30/2025/NĐ-CP
      issuer: Chính phủ
"""
    found = run(tmp_path, frag)
    assert codes(found) == ["TT-C004"]


def test_cross_reference_of_a_decision(tmp_path):
    frag = """
document:
  type: quyet-dinh
  number: 233
  symbol: QĐ-UBND
  date: 29/12/2023
decision:
  executors: [Giám đốc Sở Nội vụ]
plan:
  title: Tuyên truyền cải cách hành chính năm 2024
  reference: (Ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 29/12/2023 của Ủy ban nhân dân tỉnh Hà Giang)
appendix:
  reference: (Kèm theo Quyết định số 2338/QĐ-UBND ngày 29 tháng 12 năm 2023 của UBND tỉnh Hà Giang)
"""
    found = run(tmp_path, frag)
    assert codes(found) == ["TT-C006"] and "2338/QĐ-UBND" in found[0].message
    wrong_type = frag.replace("(Kèm theo Quyết định số 2338", "(Kèm theo Kế hoạch số 233")
    assert codes(run(tmp_path, wrong_type)) == ["TT-C002", "TT-C006"]  # and the symbol is not a Kế hoạch's


def test_document_symbol_must_match_its_type(tmp_path):
    assert codes(run(tmp_path, "document:\n  symbol: QĐ-UBND\n")) == ["TT-C002"]
    assert codes(run(tmp_path, "document:\n  symbol: KH UBND\n")) == ["TT-C001"]


# ---------------------------------------------------------------- text


def test_legacy_encodings(tmp_path):
    from tuyentruyen.vn.textcheck import encode_legacy

    for enc in ("TCVN3", "VNI"):
        frag = task(content=encode_legacy("Tổ chức tập huấn nghiệp vụ cải cách hành chính", enc))
        found = run(tmp_path, frag)
        assert codes(found) == ["TT-T002"], enc
        assert "Tổ chức tập huấn" in found[0].hint


def test_french_and_english_are_not_mojibake(tmp_path):
    assert codes(run(tmp_path, task(notes="Café à la française, résumé; Vietnamnet và PAPI"))) == []


def test_known_typos_keep_case_and_column(tmp_path):
    found = run(tmp_path, task(content="Chỉ trì tổ chức Truyền truyền về dịch vụ buru chính công ích"))
    assert codes(found) == ["TT-T003"] * 3
    assert [p.col for p in found] == sorted(p.col for p in found)


def test_archive_line(tmp_path):
    assert codes(run(tmp_path, "document:\n  archive: VT.NV-CCHC (Lợi)\n")) == ["TT-T006"]
    assert codes(run(tmp_path, "document:\n  archive: VT, NV-CCHC (Lợi)\n")) == []


def test_recipient_variants_but_not_titles_or_case(tmp_path):
    frag = """
document:
  recipients:
    - Bộ Nội vụ
    - Các sở ban ngành
    - Giám đốc Sở Tài chính
    - Chủ tịch Ủy ban nhân dân các huyện, thành phố
    - Đài PTTH tỉnh, Báo Hà Giang
    - Sở Nội vụ
    - sở Nội vụ (để biết)
"""
    found = run(tmp_path, frag)
    lines = {ln: i + 1 for i, ln in enumerate(example_plan(frag).splitlines())}
    got = sorted((p.code, p.line) for p in found)
    assert got == [("TT-R004", lines["  - sở Nội vụ (để biết)"]), ("TT-R006", lines["  - Các sở ban ngành"]),
                   ("TT-R006", lines["  - Đài PTTH tỉnh, Báo Hà Giang"])], [(p.code, p.line, p.message) for p in found]
    fixes = {p.line: p.fix for p in found if p.code == "TT-R006"}
    assert fixes[lines["  - Các sở ban ngành"]] is not None  # the whole line is the unit: fixable
    assert fixes[lines["  - Đài PTTH tỉnh, Báo Hà Giang"]] is None  # two units on one line: for a person
