"""The small rules a văn thư applies by hand: numbers, dates, numerals, punctuation, line breaks."""

from __future__ import annotations

import datetime as dt

import pytest

from tuyentruyen.render import metrics
from tuyentruyen.render import text as T
from tuyentruyen.render.docx import balance_lines


@pytest.mark.parametrize("number, symbol, expected", [
    (233, "QĐ-UBND", "233/QĐ-UBND"),
    (5, "QĐ-UBND", "05/QĐ-UBND"),
    (9, "KH-UBND", "09/KH-UBND"),
    (10, "KH-UBND", "10/KH-UBND"),
    (None, "QĐ-UBND", "      /QĐ-UBND"),
])
def test_document_number(number, symbol, expected):
    assert T.doc_number(number, symbol) == expected


@pytest.mark.parametrize("date, style, expected", [
    (dt.date(2022, 12, 19), "long", "ngày 19 tháng 12 năm 2022"),
    (dt.date(2024, 2, 5), "long", "ngày 05 tháng 02 năm 2024"),
    (dt.date(2024, 1, 15), "long", "ngày 15 tháng 01 năm 2024"),
    (dt.date(2024, 3, 5), "long", "ngày 05 tháng 3 năm 2024"),
    (dt.date(2023, 11, 30), "long", "ngày 30 tháng 11 năm 2023"),
    (dt.date(2021, 7, 15), "nd30", "15/7/2021"),
    (dt.date(2021, 9, 2), "nd30", "02/9/2021"),
    (dt.date(2023, 2, 15), "nd30", "15/02/2023"),
])
def test_dates_padded_the_nd30_way(date, style, expected):
    assert T.vn_date(date, style) == expected


def test_draft_date_leaves_blanks():
    assert T.vn_date(None, "long", 2024) == "ngày      tháng      năm 2024"


@pytest.mark.parametrize("n, expected", [(1, "I"), (4, "IV"), (5, "V"), (9, "IX"), (14, "XIV"), (40, "XL")])
def test_roman(n, expected):
    assert T.roman(n) == expected


def test_vietnamese_letters_have_no_f_j_w_z_and_d_stroke_after_d():
    letters = [T.vn_letter(i) for i in range(1, 24)]
    assert letters == "a b c d đ e g h i k l m n o p q r s t u v x y".split()
    assert T.vn_letter(24) == "aa"


@pytest.mark.parametrize("text, expected", [
    ("Tuyên truyền cải cách hành chính năm 2023", "tuyên truyền cải cách hành chính năm 2023"),
    ("CCHC năm 2023", "CCHC năm 2023"),
    ("UBND tỉnh", "UBND tỉnh"),
    ("", ""),
])
def test_lower_first(text, expected):
    assert T.lower_first(text) == expected


@pytest.mark.parametrize("text, due, expected", [
    ("Chủ trì, triển khai việc khen thưởng chuyên đề.", "Quý IV/2023",
     "Chủ trì, triển khai việc khen thưởng chuyên đề. Thời gian thực hiện: Quý IV/2023."),
    ("Tổ chức hội nghị;", "Quý I/2024", "Tổ chức hội nghị. Thời gian thực hiện: Quý I/2024;"),
    ("Báo cáo trước ngày 15/12/2023.", "trước ngày 15/12/2023", "Báo cáo trước ngày 15/12/2023."),
    ("Hoàn thành trong quý i/2024", "Quý I/2024", "Hoàn thành trong quý i/2024"),
    ("Không có thời hạn", None, "Không có thời hạn"),
])
def test_due_appended_only_when_the_text_does_not_say_it(text, due, expected):
    assert T.with_due(text, due, f"Thời gian thực hiện: {due}") == expected


def test_clean_removes_what_xml_forbids_and_normalizes():
    nfd = "Tuye\u0302n truye\u0302\u0300n"
    assert T.clean(nfd) == "Tuyên truyền"
    assert T.clean("a\x00b\x07c\x0bd\ufffe") == "abcd"
    assert T.clean("x\r\ny\rz") == "x\ny\nz"
    assert T.clean("tab\tkept") == "tab\tkept"


def test_width_of_times_new_roman():
    # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" bold 12 pt is about 88 mm in Times New Roman
    assert 85 < metrics.text_width("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, "bold") < 92
    assert metrics.text_width("ơ", 14) > metrics.text_width("o", 14)
    assert metrics.text_width("Độc lập", 13, "bold") > metrics.text_width("Độc lập", 13, "regular")


def test_titles_are_broken_between_phrases_as_the_signed_originals():
    # the Hà Giang decision breaks its trích yếu before "trên địa bàn", not inside "hành chính"
    lines = balance_lines("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 "
                          "trên địa bàn tỉnh Hà Giang", 165, 14, "bold")
    assert lines == ["Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023",
                     "trên địa bàn tỉnh Hà Giang"]
    assert all(metrics.text_width(x, 14, "bold") <= 165 for x in lines)
    assert balance_lines("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", 66, 13, "bold") == ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]
    assert balance_lines("KẾ HOẠCH", 165, 14, "bold") == ["KẾ HOẠCH"]


def test_a_date_is_never_split_across_lines():
    ref = "(Ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh Hà Giang)"
    lines = balance_lines(ref, 165, 14, "italic")
    assert len(lines) == 2
    assert any("ngày 19 tháng 12 năm 2022" in line for line in lines)
    draft = f"(Kèm theo Quyết định số {T.BLANK}/QĐ-UBND ngày{T.BLANK}tháng{T.BLANK}năm 2024 của Ủy ban nhân dân tỉnh)"
    assert " ".join(balance_lines(draft, 100, 14, "italic")).count(T.BLANK) == 3  # blanks keep their width
