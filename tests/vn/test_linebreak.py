"""Vietnamese line breaking (tuyentruyen.vn.linebreak): real titles and their expected breaks.

Every title below is one of the sample plans', the signed originals' (shared/seeds) or a
heading tt prints, at the width and size it is printed with; the expected lines are where a
văn thư breaks it — between words, at a phrase boundary, the upper line not shorter than the
lower. The Hà Giang trích yếu breaks "…năm 2023 / trên địa bàn…" as the signed decision does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tuyentruyen.render import metrics
from tuyentruyen.render.docx import balance_lines
from tuyentruyen.render.text import upper
from tuyentruyen.vn import linebreak as lb

ROOT = Path(__file__).resolve().parents[2]

# (text, width in mm, size in pt, style) → lines
TITLES = [
    # trích yếu of a Quyết định, portrait text width 165 mm, 14 pt bold
    ("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang", 165, 14, "bold",
     ["Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023", "trên địa bàn tỉnh Hà Giang"]),
    ("Về việc ban hành Kế hoạch truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2027 trên địa bàn "
     "tỉnh Tuyên Quang", 165, 14, "bold",
     ["Về việc ban hành Kế hoạch truyền thông về hoạt động kiểm soát",
      "thủ tục hành chính năm 2027 trên địa bàn tỉnh Tuyên Quang"]),
    ("Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2023 trên địa bàn tỉnh Quảng Ngãi", 165, 14, "bold",
     ["Truyền thông về hoạt động kiểm soát thủ tục hành chính năm 2023", "trên địa bàn tỉnh Quảng Ngãi"]),
    ("Ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính tỉnh Tuyên Quang giai đoạn 2026 - 2030",
     165, 14, "bold",
     ["Ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính", "tỉnh Tuyên Quang giai đoạn 2026 - 2030"]),
    ("Thông tin, tuyên truyền cải cách hành chính tỉnh Tuyên Quang giai đoạn 2026 - 2030", 165, 14, "bold",
     ["Thông tin, tuyên truyền cải cách hành chính tỉnh Tuyên Quang", "giai đoạn 2026 - 2030"]),
    # margins 35/15 mm: 160 mm
    ("Phê duyệt Kế hoạch thông tin, tuyên truyền cải cách hành chính nhà nước năm 2026", 155, 14, "bold",
     ["Phê duyệt Kế hoạch thông tin, tuyên truyền", "cải cách hành chính nhà nước năm 2026"]),
    # a three-line trích yếu
    ("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính, kiểm soát thủ tục hành chính và chuyển đổi số "
     "năm 2027 của Ủy ban nhân dân phường Sài Gòn, Thành phố Hồ Chí Minh", 165, 14, "bold",
     ["Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính,",
      "kiểm soát thủ tục hành chính và chuyển đổi số năm 2027",
      "của Ủy ban nhân dân phường Sài Gòn, Thành phố Hồ Chí Minh"]),
    # appendix titles, landscape 252 mm (the issue: "…VỀ HOẠT / ĐỘNG KIỂM SOÁT…")
    ("NỘI DUNG CÔNG VIỆC TRUYỀN THÔNG VỀ HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2023", 252, 14, "bold",
     ["NỘI DUNG CÔNG VIỆC TRUYỀN THÔNG", "VỀ HOẠT ĐỘNG KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2023"]),
    ("NHIỆM VỤ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM GIAI ĐOẠN 2026 - 2030", 252, 14, "bold",
     ["NHIỆM VỤ THÔNG TIN, TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM", "GIAI ĐOẠN 2026 - 2030"]),
    ("CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023 TRÊN ĐỊA BÀN TỈNH HÀ GIANG", 180, 14, "bold",
     ["CÁC NHIỆM VỤ TRỌNG TÂM TUYÊN TRUYỀN CCHC NĂM 2023", "TRÊN ĐỊA BÀN TỈNH HÀ GIANG"]),
    # issuer names in the 40 % column (66 mm), 13 pt bold
    ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG", 66, 13, "bold", ["ỦY BAN NHÂN DÂN", "TỈNH HÀ GIANG"]),
    ("ỦY BAN NHÂN DÂN HUYỆN XUÂN LỘC", 66, 13, "bold", ["ỦY BAN NHÂN DÂN", "HUYỆN XUÂN LỘC"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HÀ GIANG", 66, 13, "bold",
     ["SỞ VĂN HÓA, THỂ THAO", "VÀ DU LỊCH", "TỈNH HÀ GIANG"]),  # never "THỂ / THAO"
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", 55, 13, "bold", ["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"]),
    ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP VÀ KHU KINH TẾ TỈNH QUẢNG NGÃI", 66, 13, "bold",
     ["BAN QUẢN LÝ", "CÁC KHU CÔNG NGHIỆP", "VÀ KHU KINH TẾ", "TỈNH QUẢNG NGÃI"]),
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", 100, 14, "bold",
     ["CHỦ TỊCH ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"]),
    # reference lines: a date and "số …" stay whole
    ("(Ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022 của Ủy ban nhân dân tỉnh Hà Giang)",
     165, 14, "italic",
     ["(Ban hành kèm theo Quyết định số 233/QĐ-UBND ngày 19 tháng 12 năm 2022", "của Ủy ban nhân dân tỉnh Hà Giang)"]),
    # column headings of the appendix table
    ("Thời gian thực hiện", 20, 13, "bold", ["Thời gian", "thực hiện"]),
    ("Cơ quan, đơn vị thực hiện", 28, 13, "bold", ["Cơ quan,", "đơn vị", "thực hiện"]),
    ("Hình thức tuyên truyền", 28, 13, "bold", ["Hình thức", "tuyên truyền"]),
]


@pytest.mark.parametrize("text, width, size, style, expected", TITLES, ids=[t[0][:40] for t in TITLES])
def test_real_titles_break_where_a_van_thu_breaks_them(text, width, size, style, expected):
    lines = balance_lines(text, width, size, style)
    assert lines == expected
    assert all(metrics.text_width(x, size, style) <= width for x in lines)


@pytest.mark.parametrize("text, words", [
    ("Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 trên địa bàn tỉnh Hà Giang",
     ["Về việc", "ban hành", "Kế hoạch", "tuyên truyền", "cải cách hành chính", "năm 2023", "trên địa bàn",
      "tỉnh Hà Giang"]),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH HÀ GIANG", ["SỞ", "VĂN HÓA,", "THỂ THAO", "VÀ", "DU LỊCH", "TỈNH HÀ GIANG"]),
    ("Thành phố Hồ Chí Minh, ngày 15 tháng 02 năm 2024", ["Thành phố Hồ Chí Minh,", "ngày 15 tháng 02 năm 2024"]),
    ("Độc lập - Tự do - Hạnh phúc", ["Độc lập", "-", "Tự do", "-", "Hạnh phúc"]),
    ("TM. ỦY BAN NHÂN DÂN", ["TM.", "ỦY BAN NHÂN DÂN"]),
    ("giai đoạn 2021 - 2025 của Sở Nội vụ", ["giai đoạn", "2021 - 2025", "của", "Sở Nội vụ"]),
    ("Quyết định số 233/QĐ-UBND", ["Quyết định", "số 233/QĐ-UBND"]),
])
def test_segments_are_words_names_dates_and_numbers(text, words):
    assert lb.segment(text) == words


def _sample_titles() -> list[str]:
    out = []
    for path in sorted((ROOT / "plans").glob("*/*.yaml")):
        if path.name == "units.yaml" or ".progress." in path.name:
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        doc = data["document"]
        out += [doc["title"], upper(doc["issuer"]["name"])]
        if (data.get("plan") or {}).get("title"):
            out.append(data["plan"]["title"])
        for appendix in data.get("appendices") or ([data["appendix"]] if data.get("appendix") else []):
            out.append(upper(appendix["title"]))
    return out


@pytest.mark.parametrize("width", [40, 55, 70, 90, 120, 165])
def test_no_sample_title_is_ever_broken_inside_a_word(width):
    """At any width, a line never ends inside a word of the dictionary or a name."""
    lex = lb.lexicon()
    titles = _sample_titles()
    assert len(titles) >= 15
    for title in titles:
        lines = balance_lines(title, width, 13, "bold")
        assert " ".join(lines) == " ".join(title.split())
        tokens = title.split()
        costs = lb.gap_costs(tokens, lex)
        k = 0
        for line in lines[:-1]:
            k += len(line.split())
            word_too_long = any(metrics.text_width(seg, 13, "bold") > width * 0.96 for seg in lb.segment(title))
            assert costs[k - 1] < lb.FORBIDDEN or word_too_long, (title, width, lines)


def test_the_dictionary_is_data_and_decides():
    """Without "hành chính" in the data the balanced break falls inside it; with it, never."""
    text = "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC"
    measure = len  # one unit per character
    bare = lb.parse_lexicon("[words]\n")
    full = lb.parse_lexicon("[words]\ncải cách\nhành chính\nnhà nước\n")
    assert lb.break_lines(text, measure, 15, bare) == ["CẢI CÁCH HÀNH", "CHÍNH NHÀ NƯỚC"]
    assert lb.break_lines(text, measure, 15, full) == ["CẢI CÁCH", "HÀNH CHÍNH", "NHÀ NƯỚC"]
    assert lb.gap_costs(text.split(), full)[2] == lb.FORBIDDEN  # inside "HÀNH CHÍNH"


def test_the_packaged_data_is_clean():
    lex = lb.lexicon()
    assert len(lex.words) > 400
    assert ("hành", "chính") in lex.words and ("thể", "thao") in lex.words and ("hoạt", "động") in lex.words
    assert lex.before[("trên", "địa", "bàn")] < lex.before[("năm",)]  # the Hà Giang break
    assert ("tỉnh",) in lex.levels and ("các",) in lex.attach


def test_a_word_wider_than_the_line_stands_alone():
    lines = lb.break_lines("a " + "x" * 50 + " b", len, 20)
    assert "x" * 50 in lines and " ".join(lines) == "a " + "x" * 50 + " b"
