"""The e-office round trip (issue 13; Nghị định 30/2020/NĐ-CP, Điều 15.3): `tt render --draft`
leaves the number, the date and the number in "(Kèm theo …)" blank; `tt issue PLAN --number N
--date D` writes what the system gave into the YAML (comments kept, re-validated, atomic), so the
next `tt render` is the signed document — the same bytes as a plan that was written with them."""

from __future__ import annotations

import os
import zipfile

import pytest

from tests.conftest import run_tt
from tests.render.docx_reader import Doc, norm
from tests.render.support import PLAN_DIR

ORIGINAL = (PLAN_DIR / "qd-ha-giang.yaml").read_text(encoding="utf-8")
NUMBER, DATE = "  number: 233\n", "  date: 19/12/2022\n"


@pytest.fixture
def unissued(tmp_path):
    """The Hà Giang decision before the e-office system numbered it, with a comment on its symbol."""
    assert NUMBER in ORIGINAL and DATE in ORIGINAL
    text = ORIGINAL.replace(NUMBER, "").replace(DATE, "").replace("  symbol: QĐ-UBND\n",
                                                                  "  symbol: QĐ-UBND  # ký hiệu của UBND tỉnh\n")
    (tmp_path / "plans").mkdir()
    path = tmp_path / "plans" / "qd.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def document_xml(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_draft_leaves_number_date_and_the_attached_number_blank(tmp_path):
    out = tmp_path / "du-thao.docx"
    r = run_tt("render", str(PLAN_DIR / "qd-ha-giang.yaml"), "--draft", "-o", str(out))
    assert r.code == 0, r.text
    doc = Doc(out)
    assert doc.find(r"^Số:").text == "Số:       /QĐ-UBND"
    assert doc.find(r"^Hà Giang, ngày").text == "Hà Giang, ngày      tháng      năm 2023"
    issued = norm(doc.find(r"^\(Ban hành kèm theo").text)
    attached = norm(doc.find(r"^\(Kèm theo").text)
    for line in (issued, attached):
        assert "233" not in line and "19 tháng 12" not in line
        assert "Quyết định số /QĐ-UBND ngày tháng năm 2023 của Ủy ban nhân dân tỉnh Hà Giang" in line
    assert "      /QĐ-UBND" in doc.find(r"^\(Kèm theo").text  # the blank keeps its width


def test_issue_writes_number_and_date_and_the_next_render_is_the_signed_one(tmp_path, unissued):
    r = run_tt("issue", str(unissued), "--number", "233", "--date", "19/12/2022")
    assert r.code == 0, r.text
    assert "số: (chưa có) → 233" in r.out and "ngày ban hành: (chưa có) → 19/12/2022" in r.out
    text = unissued.read_text(encoding="utf-8")
    assert "  number: 233\n  symbol: QĐ-UBND  # ký hiệu của UBND tỉnh\n  place: Hà Giang\n  date: 19/12/2022\n" in text
    assert text.replace("  # ký hiệu của UBND tỉnh", "") == ORIGINAL  # nothing else changed
    signed, reference = tmp_path / "signed.docx", tmp_path / "reference.docx"
    assert run_tt("render", str(unissued), "-o", str(signed)).code == 0
    assert run_tt("render", str(PLAN_DIR / "qd-ha-giang.yaml"), "-o", str(reference)).code == 0
    assert document_xml(signed) == document_xml(reference)


def test_issue_replaces_blank_values_and_keeps_their_comments(tmp_path):
    path = tmp_path / "qd.yaml"
    path.write_text(ORIGINAL.replace(NUMBER, "  number:   # cấp khi ban hành\n")
                    .replace(DATE, "  date: ~\n"), encoding="utf-8")
    r = run_tt("issue", str(path), "-n", "5", "-d", "2023-01-05")
    assert r.code == 0, r.text
    text = path.read_text(encoding="utf-8")
    assert "  number: 5   # cấp khi ban hành\n" in text and "  date: 05/01/2023\n" in text
    doc_out = tmp_path / "o.docx"
    assert run_tt("render", str(path), "-o", str(doc_out)).code == 0
    assert Doc(doc_out).find(r"^Số:").text == "Số: 05/QĐ-UBND"


def test_issue_refuses_a_plan_that_already_has_a_number_unless_forced(tmp_path):
    path = tmp_path / "qd.yaml"
    path.write_text(ORIGINAL, encoding="utf-8")
    before = path.read_bytes()
    r = run_tt("issue", str(path), "--number", "240", "--date", "20/12/2022")
    assert r.code == 2
    line = ORIGINAL.splitlines().index("  number: 233") + 1
    assert f"qd.yaml:{line}:3: lỗi TT-E012: Kế hoạch đã có số 233" in r.err and "--force" in r.err
    assert path.read_bytes() == before
    r = run_tt("issue", str(path), "--number", "240/QĐ-UBND", "--date", "20/12/2022", "--force")
    assert r.code == 0, r.text
    assert "số: 233 → 240" in r.out and "ngày ban hành: 19/12/2022 → 20/12/2022" in r.out
    assert "  number: 240\n" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("number, date, what", [
    ("233", "29/02/2023", "ngày 29/02/2023 không tồn tại"),
    ("233", "31/13/2022", "không có tháng 13"),
    ("233", "14/07/2021", "sớm hơn ngày của Nghị quyết số 76/NQ-CP (15/07/2021)"),
    ("abc", "19/12/2022", "số văn bản “abc” không hợp lệ"),
    ("0", "19/12/2022", "không hợp lệ"),
    ("233/KH-UBND", "19/12/2022", "khác ký hiệu của kế hoạch “QĐ-UBND”"),
])
def test_issue_refuses_what_the_system_cannot_have_given(unissued, number, date, what):
    before = unissued.read_bytes()
    r = run_tt("issue", str(unissued), "--number", number, "--date", date)
    assert r.code == 2
    assert "TT-E012" in r.err and what.lower() in r.err.lower(), r.err
    assert "gợi ý:" in r.err and "Traceback" not in r.text
    assert unissued.read_bytes() == before


def test_the_date_before_a_cited_document_is_located_at_that_citation(unissued):
    r = run_tt("issue", str(unissued), "--number", "233", "--date", "14/07/2021")
    lines = unissued.read_text(encoding="utf-8").splitlines()
    row = next(i for i, x in enumerate(lines, 1) if x.strip() == "date: 15/7/2021")
    assert f"qd.yaml:{row}:" in r.err


def test_issue_writes_atomically_through_a_symbolic_link(tmp_path, unissued):
    link = tmp_path / "lien-ket.yaml"
    os.symlink(unissued, link)
    r = run_tt("issue", str(link), "--number", "233", "--date", "19/12/2022")
    assert r.code == 0, r.text
    assert link.is_symlink() and "number: 233" in unissued.read_text(encoding="utf-8")
    assert sorted(p.name for p in unissued.parent.iterdir()) == ["qd.yaml"]  # no temporary file left


def test_issue_on_an_invalid_plan_reports_its_problems(tmp_path):
    path = tmp_path / "hong.yaml"
    path.write_text(ORIGINAL.replace("  symbol: QĐ-UBND\n", ""), encoding="utf-8")
    r = run_tt("issue", str(path), "--number", "1", "--date", "19/12/2022")
    assert r.code == 2 and "symbol" in r.err and "TT-E012" in r.err


def test_issue_help_is_vietnamese():
    r = run_tt("issue", "--help")
    assert r.code == 0 and "Ghi số và ngày ban hành" in norm(r.out) and "--force" in r.out
