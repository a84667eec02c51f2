"""The fixed lines of the header and the signature never wrap (issue 13): each is measured with
Times New Roman's widths; a line too wide steps its size down inside the decree's range (then the
issuer column narrows inside 35–45 %), and when even that does not fit, `tt render` says so with
a located warning TT-E011 and the figures — never a silently broken header.
"""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import run_tt
from tests.render.docx_reader import Doc, cell_width_mm, row_cells
from tests.render.support import PLAN_DIR
from tuyentruyen.render import metrics


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "plans").mkdir()
    shutil.copy(PLAN_DIR / "kh-quang-ngai.yaml", tmp_path / "plans" / "kh.yaml")
    return tmp_path


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def header_line(doc: Doc, text: str):
    """(the paragraph, its size, the width of its column in mm)."""
    for cell in row_cells(doc.tables()[0].rows[0]) + row_cells(doc.tables()[0].rows[1]):
        for p in cell.paragraphs:
            if p.text == text:
                return p, doc.runs(p)[0].size, cell_width_mm(cell)
    raise AssertionError(text)


def test_quoc_hieu_at_13_pt_with_margins_35_20_steps_down_and_fits(repo):
    (repo / "tt.toml").write_text("[render.layout]\nmargin_left_mm = 35\nmargin_right_mm = 20\nnational_size = 13\n",
                                  encoding="utf-8")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=repo)
    assert r.code == 0 and "TT-E011" not in r.err, r.text
    doc = Doc(repo / "out.docx")
    p, size, width = header_line(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    assert metrics.text_width(p.text, 13, "bold") > width  # at 13 pt it would wrap "…VIỆT / NAM"
    assert 12 <= size < 13 and metrics.text_width(p.text, size, "bold") <= width
    motto, motto_size, _ = header_line(doc, "Độc lập - Tự do - Hạnh phúc")
    assert 13 <= motto_size <= 14


def test_the_date_line_of_ho_chi_minh_city_at_14_pt_stays_on_one_line(repo):
    edit(repo / "plans" / "kh.yaml", "place: Quảng Ngãi", "place: Thành phố Hồ Chí Minh")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=repo)
    assert r.code == 0 and "TT-E011" not in r.err, r.text
    doc = Doc(repo / "out.docx")
    text = "Thành phố Hồ Chí Minh, ngày 15 tháng 02 năm 2023"
    p, size, width = header_line(doc, text)
    assert metrics.text_width(text, 14, "italic") > 0.6 * 165  # too wide for the usual 60 % column at 14 pt
    assert 13 <= size <= 14 and metrics.text_width(text, size, "italic") <= 0.99 * width
    left = cell_width_mm(row_cells(doc.tables()[0].rows[0])[0])
    assert 0.35 * 165 - 0.5 <= left < 0.40 * 165  # the issuer column gave up width, inside its range


def test_an_issuer_line_too_long_at_the_smallest_size_is_a_located_warning(repo):
    edit(repo / "plans" / "kh.yaml", "header: [ỦY BAN NHÂN DÂN, TỈNH QUẢNG NGÃI]",
         "header: [ỦY BAN NHÂN DÂN, BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG NGÃI]")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=repo)
    assert r.code == 0, r.text  # a warning: the document is still written
    line = (repo / "plans" / "kh.yaml").read_text(encoding="utf-8").splitlines()
    row = next(i for i, x in enumerate(line, 1) if x.strip().startswith("header:"))
    warning = next(x for x in r.err.splitlines() if "TT-E011" in x)
    assert warning.startswith(f"tt: plans/kh.yaml:{row}:"), warning
    assert "cảnh báo TT-E011: Tên cơ quan ban hành “BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH QUẢNG NGÃI”" in warning
    assert "mm ở cỡ chữ 12" in warning and "cột rộng 66,0 mm" in warning
    assert "issuer.header" in r.err  # how to fix it


def test_a_signer_line_too_long_is_warned_and_broken_between_words(repo):
    edit(repo / "plans" / "kh.yaml", "position: PHÓ CHỦ TỊCH",
         "position: PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI")
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=repo)
    assert r.code == 0, r.text
    assert "TT-E011" in r.err and "Dòng quyền hạn, chức vụ người ký" in r.err
    doc = Doc(repo / "out.docx")
    signer = row_cells(doc.tables()[1].rows[0])[1]
    position = next(p for p in signer.paragraphs if p.text.startswith("PHÓ CHỦ TỊCH"))
    # inside its own paragraph, between words: never "ỦY / BAN", "QUẢNG / NGÃI"
    assert position.text.split("\n") == ["PHÓ CHỦ TỊCH THƯỜNG TRỰC", "ỦY BAN NHÂN DÂN", "TỈNH QUẢNG NGÃI"]


def test_a_fitting_header_is_printed_at_the_configured_sizes(repo):
    r = run_tt("render", "plans/kh.yaml", "-o", "out.docx", cwd=repo)
    assert r.code == 0 and "TT-E011" not in r.err
    doc = Doc(repo / "out.docx")
    assert header_line(doc, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[1] == 12
    assert header_line(doc, "Quảng Ngãi, ngày 15 tháng 02 năm 2023")[1] == 14
    assert cell_width_mm(row_cells(doc.tables()[0].rows[0])[0]) == pytest.approx(0.40 * 165, abs=0.5)
