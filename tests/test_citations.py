"""Tests for tuyentruyen.vn.citations: symbols (số, ký hiệu), types, citations, dates.

The tables use real forms from the reference documents in /work/shared/seeds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyentruyen.vn.citations import (
    Citation,
    DateError,
    DocNumber,
    ParseError,
    check_type_matches,
    doc_type,
    doc_type_by_abbr,
    doc_types,
    find_citations,
    format_vn_date,
    issuer_name,
    parse_symbol,
    parse_vn_date,
    type_of_symbol,
    types_of_symbol,
)

SEEDS = Path("/work/shared/seeds")
D = dt.date

# --------------------------------------------------------------------------- data file

PHU_LUC_III = {
    "Nghị quyết": "NQ", "Quyết định": "QĐ", "Chỉ thị": "CT", "Quy chế": "QC", "Quy định": "QyĐ",
    "Thông cáo": "TC", "Thông báo": "TB", "Hướng dẫn": "HD", "Chương trình": "CTr",
    "Kế hoạch": "KH", "Phương án": "PA", "Đề án": "ĐA", "Dự án": "DA", "Báo cáo": "BC",
    "Biên bản": "BB", "Tờ trình": "TTr", "Hợp đồng": "HĐ", "Công điện": "CĐ",
    "Bản ghi nhớ": "GN", "Bản thỏa thuận": "TTh", "Giấy ủy quyền": "GUQ", "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT", "Giấy nghỉ phép": "GNP", "Phiếu gửi": "PG", "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
}


@pytest.mark.parametrize(("name", "abbr"), PHU_LUC_III.items())
def test_phu_luc_iii_abbreviations(name: str, abbr: str) -> None:
    t = doc_type(name)
    assert t is not None and t.name == name and t.abbr == abbr
    assert doc_type_by_abbr(abbr) is t


def test_data_is_nfc_and_names_are_unique_without_diacritics() -> None:
    from tuyentruyen.vn.citations import _loose_key

    seen: dict[str, str] = {}
    for t in doc_types():
        for text in (t.name, *t.aliases, t.abbr or "", t.party_abbr or "", t.example or ""):
            assert unicodedata.is_normalized("NFC", text)
        for name in (t.name, *t.aliases):
            key = _loose_key(name)
            assert seen.setdefault(key, t.name) == t.name, f"{name} collides with {seen[key]}"
        if t.example:
            assert isinstance(parse_symbol(t.example), DocNumber), t.example
            assert t in types_of_symbol(t.example), t.example


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("quyết định", "Quyết định"), ("QUYẾT ĐỊNH", "Quyết định"), ("Quyet dinh", "Quyết định"),
        ("nghị định", "Nghị định"), ("Nghị định số", "Nghị định"), ("bản thoả thuận", "Bản thỏa thuận"),
        ("Giấy uỷ quyền", "Giấy ủy quyền"), ("Luật", "Luật"), ("Thông tư liên tịch", "Thông tư liên tịch"),
        ("Quy dinh", "Quy định"), ("Công văn", "Công văn"),
        # NFD input
        (unicodedata.normalize("NFD", "Kế hoạch"), "Kế hoạch"),
    ],
)
def test_doc_type_lookup(written: str, name: str) -> None:
    t = doc_type(written)
    assert t is not None and t.name == name


@pytest.mark.parametrize("written", ["", "Văn bản", "Kế sách", "abc"])
def test_doc_type_unknown(written: str) -> None:
    assert doc_type(written) is None


def test_issuer_name() -> None:
    assert issuer_name("CP") == "Chính phủ"
    assert issuer_name("TTg") == "Thủ tướng Chính phủ"
    assert issuer_name("QH14") == "Quốc hội"
    assert issuer_name("XYZ") is None


# --------------------------------------------------------------------------- parse_symbol

# symbol, number, year, type abbreviation, issuer, style, issue codes
GOOD_SYMBOLS = [
    ("233/QĐ-UBND", 233, None, "QĐ", ("UBND",), "administrative", ()),
    ("61 /KH-UBND", 61, None, "KH", ("UBND",), "administrative", ("spacing",)),
    ("233/QĐ - UBND", 233, None, "QĐ", ("UBND",), "administrative", ("spacing",)),
    ("76/NQ-CP", 76, None, "NQ", ("CP",), "administrative", ()),
    ("30/2020/NĐ-CP", 30, 2020, "NĐ", ("CP",), "normative", ()),
    ("59/2020/QH14", 59, 2020, None, ("QH14",), "normative", ()),
    ("01/2011/TT-BNV", 1, 2011, "TT", ("BNV",), "normative", ()),
    ("14-NQ/TU", 14, None, "NQ", ("TU",), "party", ()),
    ("18-NQ/TW", 18, None, "NQ", ("TW",), "party", ()),
    ("52-NQ/TW", 52, None, "NQ", ("TW",), "party", ()),
    ("551/TTr-SNV", 551, None, "TTr", ("SNV",), "administrative", ()),
    ("123/UBND-VP", 123, None, None, ("UBND", "VP"), "administrative", ()),
    ("25/KH-UBND", 25, None, "KH", ("UBND",), "administrative", ()),
    ("2338/QĐ-UBND", 2338, None, "QĐ", ("UBND",), "administrative", ()),
    ("23/CT-TTg", 23, None, "CT", ("TTg",), "administrative", ()),
    ("468/QĐ-TTg", 468, None, "QĐ", ("TTg",), "administrative", ()),
    ("11/2022/NQ-HĐND", 11, 2022, "NQ", ("HĐND",), "normative", ()),
    ("56/ĐA-UBND", 56, None, "ĐA", ("UBND",), "administrative", ()),
    ("905/QĐ-BNV", 905, None, "QĐ", ("BNV",), "administrative", ()),
    ("61/2018/NQ-CP", 61, 2018, "NQ", ("CP",), "normative", ()),
    ("01/2011/TTLT-BNV-BTC", 1, 2011, "TTLT", ("BNV", "BTC"), "normative", ()),
    ("02/2022/UBTVQH15", 2, 2022, None, ("UBTVQH15",), "normative", ()),
    ("05/2020/L-CTN", 5, 2020, "L", ("CTN",), "normative", ()),
    ("21-KL/TW", 21, None, "KL", ("TW",), "party", ()),
    ("08-QĐi/TW", 8, None, "QĐi", ("TW",), "party", ()),
    ("123-CV/TU", 123, None, "CV", ("TU",), "party", ()),
    ("Số: 233/QĐ-UBND", 233, None, "QĐ", ("UBND",), "administrative", ()),
    ("233/QD-UBND", 233, None, "QĐ", ("UBND",), "administrative", ("missing_stroke",)),
    ("30/2020/ND-CP", 30, 2020, "NĐ", ("CP",), "normative", ("missing_stroke",)),
    ("233/QĐ–UBND", 233, None, "QĐ", ("UBND",), "administrative", ("dash",)),
    ("551/TTR-SNV", 551, None, "TTr", ("SNV",), "administrative", ("case",)),
    ("23/CT-TTG", 23, None, "CT", ("TTg",), "administrative", ("case",)),
    ("12/QĐ-ubnd", 12, None, "QĐ", ("UBND",), "administrative", ("case",)),
    ("123/UBND", 123, None, None, ("UBND",), "administrative", ()),
    ("5/HD-SNV", 5, None, "HD", ("SNV",), "administrative", ()),
    ("5/DA-UBND", 5, None, "DA", ("UBND",), "administrative", ()),
    (unicodedata.normalize("NFD", "2250/QĐ-UBND"), 2250, None, "QĐ", ("UBND",), "administrative", ()),
]


@pytest.mark.parametrize(("text", "number", "year", "abbr", "issuer", "style", "codes"), GOOD_SYMBOLS)
def test_parse_symbol(text, number, year, abbr, issuer, style, codes) -> None:
    got = parse_symbol(text)
    assert isinstance(got, DocNumber), got
    assert got.ok
    assert (got.number, got.year, got.type_abbr, got.issuer, got.style) == (number, year, abbr, issuer, style)
    assert tuple(i.code for i in got.issues) == codes
    assert got.spacing_issue == ("spacing" in codes)
    for issue in got.issues:
        assert issue.message and unicodedata.is_normalized("NFC", issue.message)


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("61 /KH-UBND", "61/KH-UBND"),
        ("233/QĐ - UBND", "233/QĐ-UBND"),
        ("233/QD-UBND", "233/QĐ-UBND"),
        ("01/2011/TT-BNV", "01/2011/TT-BNV"),
        ("14-NQ/TU", "14-NQ/TU"),
        ("59/2020/QH14", "59/2020/QH14"),
        ("551/TTR-SNV", "551/TTr-SNV"),
    ],
)
def test_normalized_symbol(text: str, normalized: str) -> None:
    got = parse_symbol(text)
    assert isinstance(got, DocNumber)
    assert got.normalized == normalized == str(got)


BAD_SYMBOLS = [
    ("233/QĐUBND", "Thiếu dấu gạch nối giữa “QĐ” và “UBND”: phải viết “233/QĐ-UBND”."),
    ("233/QDUBND", "Thiếu dấu gạch nối giữa “QĐ” và “UBND”: phải viết “233/QĐ-UBND”."),
    ("QĐ-UBND", "Thiếu số văn bản: “QĐ-UBND” phải có số và dấu “/” ở trước, ví dụ “233/QĐ-UBND”."),
    ("233/", "Thiếu ký hiệu sau dấu “/” trong “233/” (ví dụ đúng: “233/QĐ-UBND”)."),
    ("abc", "“abc” không phải là số và ký hiệu văn bản (ví dụ đúng: “233/QĐ-UBND”, “30/2020/NĐ-CP”)."),
    ("", "Số và ký hiệu văn bản đang để trống (ví dụ đúng: “233/QĐ-UBND”)."),
    ("   ", "Số và ký hiệu văn bản đang để trống (ví dụ đúng: “233/QĐ-UBND”)."),
    ("233/QĐ", "Thiếu chữ viết tắt tên cơ quan ban hành sau “QĐ” (ví dụ đúng: “233/QĐ-UBND”)."),
    ("0/QĐ-UBND", "Số văn bản trong “0/QĐ-UBND” phải lớn hơn 0."),
    ("30/20/NĐ-CP", "Năm ban hành “20” trong ký hiệu phải viết đủ 4 chữ số (ví dụ “30/2020/NĐ-CP”)."),
    ("233/QĐ-", "Ký hiệu “233/QĐ-” có dấu gạch nối “-” thừa hoặc đặt sai chỗ."),
    ("233/QĐ--UBND", "Ký hiệu “233/QĐ--UBND” có dấu gạch nối “-” thừa hoặc đặt sai chỗ."),
    ("/QĐ-UBND", "Thiếu số văn bản trước dấu “/” trong “/QĐ-UBND” (ví dụ đúng: “233/QĐ-UBND”)."),
    ("233", "Chỉ có số “233” mà thiếu ký hiệu văn bản (ví dụ đúng: “233/QĐ-UBND”)."),
    ("1/2/3/QĐ-UBND", "Ký hiệu “1/2/3/QĐ-UBND” có quá nhiều dấu “/” (ví dụ đúng: “30/2020/NĐ-CP”)."),
    ("14-XX/TU", "“XX” không phải chữ viết tắt loại văn bản của Đảng (ví dụ đúng: “14-NQ/TU”)."),
    ("233/QĐ-UB.ND", "Ký hiệu “233/QĐ-UB.ND” có ký tự không hợp lệ trong “UB.ND”."),
    ("a12/QĐ-UBND", "Số văn bản “a12” phải là chữ số Ả Rập (ví dụ đúng: “233/QĐ-UBND”)."),
]


@pytest.mark.parametrize(("text", "reason"), BAD_SYMBOLS)
def test_parse_symbol_errors(text: str, reason: str) -> None:
    got = parse_symbol(text)
    assert isinstance(got, ParseError)
    assert not got.ok
    assert got.reason == reason
    assert str(got) == reason


def test_parse_symbol_non_string() -> None:
    assert isinstance(parse_symbol(None), ParseError)  # type: ignore[arg-type]
    assert isinstance(parse_symbol(233), ParseError)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    ("symbol", "name"),
    [
        ("233/QĐ-UBND", "Quyết định"), ("76/NQ-CP", "Nghị quyết"), ("30/2020/NĐ-CP", "Nghị định"),
        ("59/2020/QH14", "Luật"), ("01/2011/TT-BNV", "Thông tư"), ("14-NQ/TU", "Nghị quyết"),
        ("551/TTr-SNV", "Tờ trình"), ("123/UBND-VP", "Công văn"), ("25/KH-UBND", "Kế hoạch"),
        ("05-TT/TW", "Thông tri"), ("02/2022/UBTVQH15", "Pháp lệnh"), ("233/QD-UBND", "Quyết định"),
        ("56/ĐA-UBND", "Đề án"), ("5/DA-UBND", "Dự án"),
    ],
)
def test_type_of_symbol(symbol: str, name: str) -> None:
    t = type_of_symbol(symbol)
    assert t is not None and t.name == name


def test_type_of_symbol_candidates_and_errors() -> None:
    assert [t.name for t in types_of_symbol("59/2020/QH14")] == ["Luật", "Bộ luật", "Nghị quyết"]
    assert [t.name for t in types_of_symbol("02/2022/UBTVQH15")] == ["Pháp lệnh", "Nghị quyết"]
    assert type_of_symbol("abc") is None
    assert types_of_symbol("233/QĐUBND") == ()
    number = parse_symbol("233/QĐ-UBND")
    assert isinstance(number, DocNumber)
    assert type_of_symbol(number) == doc_type("Quyết định")


TYPE_MATCHES = [  # type word, symbol: agree
    ("Quyết định", "233/QĐ-UBND"), ("quyết định", "905/QĐ-BNV"), ("QUYẾT ĐỊNH", "233/QĐ-UBND"),
    ("Quyet dinh", "233/QĐ-UBND"), ("Nghị quyết", "76/NQ-CP"), ("Nghị quyết", "14-NQ/TU"),
    ("Nghị quyết", "11/2022/NQ-HĐND"), ("Nghị quyết", "43/2022/QH15"), ("Nghị định", "30/2020/NĐ-CP"),
    ("Luật", "59/2020/QH14"), ("Bộ luật", "45/2019/QH14"), ("Thông tư", "01/2011/TT-BNV"),
    ("Chỉ thị", "23/CT-TTg"), ("Tờ trình", "551/TTr-SNV"), ("Kế hoạch", "21/KH-UBND"),
    ("Đề án", "56/ĐA-UBND"), ("Công văn", "123/UBND-VP"), ("Pháp lệnh", "02/2022/UBTVQH15"),
    ("Kết luận", "21-KL/TW"), ("Kế hoạch", "61 /KH-UBND"),
]


@pytest.mark.parametrize(("type_name", "symbol"), TYPE_MATCHES)
def test_check_type_matches_agree(type_name: str, symbol: str) -> None:
    assert check_type_matches(type_name, symbol) is None


TYPE_MISMATCHES = [
    (
        "Nghị định", "61/2018/NQ-CP",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “61/2018/NQ-CP” là của Nghị quyết (NQ),"
        " không phải Nghị định; Nghị định có ký hiệu NĐ-CP, ví dụ “30/2020/NĐ-CP”.",
    ),
    (
        "Quyết định", "233/QD-UBND",
        "Ký hiệu “233/QD-UBND”: “QD” thiếu nét ngang của chữ “Đ”: phải viết “QĐ” (Quyết định).",
    ),
    (
        "Nghị định", "12/2020/NĐ-UBND",
        "Nghị định chỉ do Chính phủ ban hành: ký hiệu “12/2020/NĐ-UBND” phải là “NĐ-CP”,"
        " không phải “NĐ-UBND”.",
    ),
    (
        "Hợp đồng", "5/HD-VP",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “5/HD-VP” là của Hướng dẫn (HD), không phải"
        " Hợp đồng; Hợp đồng phải có chữ viết tắt “HĐ”, ví dụ “15/HĐ-VP”. Có thể đã gõ thiếu nét"
        " ngang của chữ “Đ” (“HD” → “HĐ”).",
    ),
    (
        "Công văn", "233/QĐ-UBND",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “233/QĐ-UBND” là của Quyết định (QĐ), không"
        " phải Công văn; công văn không có chữ viết tắt loại văn bản trong ký hiệu, ví dụ “123/UBND-VP”.",
    ),
    (
        "Quyết định", "123/UBND-VP",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “123/UBND-VP” là của công văn (không có chữ"
        " viết tắt loại văn bản), không phải Quyết định; Quyết định phải có chữ viết tắt “QĐ”, ví dụ"
        " “233/QĐ-UBND”.",
    ),
    (
        "Nghị định", "59/2020/QH14",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “59/2020/QH14” là của Luật, Bộ luật hoặc Nghị"
        " quyết của Quốc hội, không phải Nghị định; Nghị định có ký hiệu NĐ-CP, ví dụ “30/2020/NĐ-CP”.",
    ),
    (
        "Thông tư", "05-TT/TW",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “05-TT/TW” là của Thông tri (TT), không phải"
        " Thông tư; Thông tư là văn bản nhà nước, ký hiệu không theo dạng của Đảng, ví dụ “01/2011/TT-BNV”.",
    ),
    (
        "Kế hoạch", "233/QĐ-UBND",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “233/QĐ-UBND” là của Quyết định (QĐ), không"
        " phải Kế hoạch; Kế hoạch phải có chữ viết tắt “KH”, ví dụ “21/KH-UBND”.",
    ),
    (
        "Luật", "30/2020/NĐ-CP",
        "Loại văn bản không khớp với ký hiệu: ký hiệu “30/2020/NĐ-CP” là của Nghị định (NĐ), không"
        " phải Luật; Luật có ký hiệu dạng số/năm/cơ quan, ví dụ “59/2020/QH14”.",
    ),
]


@pytest.mark.parametrize(("type_name", "symbol", "message"), TYPE_MISMATCHES)
def test_check_type_matches_disagree(type_name: str, symbol: str, message: str) -> None:
    assert check_type_matches(type_name, symbol) == message


@pytest.mark.parametrize(
    ("type_name", "symbol"),
    [("Văn bản", "233/QĐ-UBND"), ("Kế sách", "233/QĐ-UBND"), ("Quyết định", "abc"), ("Quyết định", "233/QĐUBND")],
)
def test_check_type_matches_cannot_judge(type_name: str, symbol: str) -> None:
    assert check_type_matches(type_name, symbol) is None


# --------------------------------------------------------------------------- citations

# text, type as written, symbol as written, date, issuer
CITATIONS = [
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ", "Nghị quyết", "76/NQ-CP", D(2021, 7, 15), "Chính phủ"),
    ("Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về kế hoạch", "Quyết định", "2250/QĐ-UBND",
     D(2022, 12, 9), "UBND tỉnh"),
    ("Nghị định số 61/2018/NQ-CP ngày 23/4/2018 của Chính phủ ban hành", "Nghị định", "61/2018/NQ-CP",
     D(2018, 4, 23), "Chính phủ"),
    ("Thực hiện Kế hoạch số 21/KH-UBND ngày 18/01/2024 của UBND tỉnh về thông tin", "Kế hoạch", "21/KH-UBND",
     D(2024, 1, 18), "UBND tỉnh"),
    ("Nghị quyết số 14-NQ/TU ngày 24/8/2021 về đẩy mạnh", "Nghị quyết", "14-NQ/TU", D(2021, 8, 24), None),
    ("Nghị quyết số 14-NQ/TU ngày 24/8/2021 của Ban Thường vụ Tỉnh ủy và Đề án", "Nghị quyết", "14-NQ/TU",
     D(2021, 8, 24), "Ban Thường vụ Tỉnh ủy"),
    ("theo đề nghị tại Tờ trình số 551/TTr-SNV ngày 12 tháng 12 năm 2022.", "Tờ trình", "551/TTr-SNV",
     D(2022, 12, 12), None),
    ("(Ban hành kèm theo Quyết định số 233/QĐ - UBND ngày 19/12/2022\ncủa Ủy ban nhân dân tỉnh Hà Giang)",
     "Quyết định", "233/QĐ - UBND", D(2022, 12, 19), "Ủy ban nhân dân tỉnh Hà Giang"),
    ("(Kèm theo Quyết định số 2338/QĐ-UBND ngày 19 tháng 12 năm 2022 của UBND tỉnh Hà Giang)", "Quyết định",
     "2338/QĐ-UBND", D(2022, 12, 19), "UBND tỉnh Hà Giang"),
    ("Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ Về việc đẩy mạnh", "Chỉ thị", "23/CT-TTg",
     D(2021, 9, 2), "Thủ tướng Chính phủ"),
    ("Nghị quyết số 17-NQ/TW ngày 11/8/2007 của Ban Chấp hành Trung ương Đảng khóa X về “Đẩy mạnh CCHC”",
     "Nghị quyết", "17-NQ/TW", D(2007, 8, 11), "Ban Chấp hành Trung ương Đảng khóa X"),
    ("Quyết định số 2043/QĐ-UBND ngày 24/12/2020 của Chủ tịch UBND tỉnh Quảng Ngãi ban hành Kế hoạch",
     "Quyết định", "2043/QĐ-UBND", D(2020, 12, 24), "Chủ tịch UBND tỉnh Quảng Ngãi"),
    ("quyết định số 905/QĐ-BNV ngày 17/11/2022 của Bộ Nội vụ, phê duyệt Đề án", "quyết định", "905/QĐ-BNV",
     D(2022, 11, 17), "Bộ Nội vụ"),
    ("Nghị quyết số 68/NQ-CP của Chính phủ.", "Nghị quyết", "68/NQ-CP", None, "Chính phủ"),
    ("Nghị quyết số 11/2022/NQ-HĐND ngày 07/02/2022.", "Nghị quyết", "11/2022/NQ-HĐND", D(2022, 2, 7), None),
    ("Ngày 07/3/2024, UBND tỉnh đã ban hành Kế hoạch số 865/KH-UBND truyền thông", "Kế hoạch", "865/KH-UBND",
     None, None),
    ("Đề án số 56/ĐA-UBND ngày 30/8/2021 của UBND tỉnh đẩy mạnh CCHC", "Đề án", "56/ĐA-UBND", D(2021, 8, 30),
     "UBND tỉnh"),
    ("Quyết định số 468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án", "Quyết định",
     "468/QĐ-TTg", D(2021, 3, 27), "Thủ tướng Chính phủ"),
    ("Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số chủ trương", "Nghị quyết", "52-NQ/TW",
     D(2019, 9, 27), "Bộ Chính trị"),
    ("Công văn số 123/UBND-VP ngày 5/3/2024 của UBND huyện", "Công văn", "123/UBND-VP", D(2024, 3, 5),
     "UBND huyện"),
    ("Luật số 59/2020/QH14 ngày 17/6/2020", "Luật", "59/2020/QH14", D(2020, 6, 17), None),
    ("Thông tư 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ hướng dẫn", "Thông tư", "01/2011/TT-BNV",
     D(2011, 1, 19), "Bộ Nội vụ"),
]


@pytest.mark.parametrize(("text", "type_name", "symbol", "date", "issuer"), CITATIONS)
def test_find_citations(text: str, type_name: str, symbol: str, date, issuer) -> None:
    found = find_citations(text)
    assert len(found) == 1, found
    c = found[0]
    assert (c.type_name, c.symbol, c.date, c.issuer) == (type_name, symbol, date, issuer)
    assert text[c.start:c.end] == c.text
    assert c.text.startswith(type_name)
    assert c.symbol_span is not None and text[c.symbol_span[0]:c.symbol_span[1]] == symbol
    if issuer:
        assert c.issuer_span is not None and text[c.issuer_span[0]:c.issuer_span[1]] == issuer
        assert c.text.endswith(issuer)
    if date:
        assert c.date_span is not None and parse_vn_date(text[c.date_span[0]:c.date_span[1]]) == date
    assert c.date_error is None
    assert isinstance(c.number, DocNumber)


def test_citation_type_mismatch_is_reported() -> None:
    (c,) = find_citations("- Nghị định số 61/2018/NQ-CP ngày 23/4/2018 của Chính phủ ban hành về thực hiện")
    assert c.doc_type == doc_type("Nghị định")
    assert c.type_mismatch is not None and "Nghị quyết (NQ)" in c.type_mismatch


def test_citation_impossible_date() -> None:
    text = "Căn cứ Kế hoạch số 5/KH-UBND ngày 29/02/2023 của UBND huyện;"
    (c,) = find_citations(text)
    assert c.date is None
    assert c.date_text == "29/02/2023"
    assert c.date_error == (
        "năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày"
    )
    assert c.issuer == "UBND huyện"


def test_citation_issuer_before_date() -> None:
    (c,) = find_citations("Quyết định số 12/QĐ-UBND của UBND tỉnh ngày 5/3/2020")
    assert (c.issuer, c.date) == ("UBND tỉnh", D(2020, 3, 5))


def test_citation_list_shares_no_issuer() -> None:
    text = "Nghị định số 107/2020/NĐ-CP, Nghị định số 108/2020/NĐ-CP, Nghị định số 120/2020/NĐ-CP của Chính phủ;"
    found = find_citations(text)
    assert [c.symbol for c in found] == ["107/2020/NĐ-CP", "108/2020/NĐ-CP", "120/2020/NĐ-CP"]
    assert [c.issuer for c in found] == [None, None, "Chính phủ"]


def test_law_cited_by_name() -> None:
    text = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
        "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền"
        " địa phương ngày 22/11/2019;"
    )
    first, second = find_citations(text)
    assert (first.type_name, first.title, first.symbol, first.date) == (
        "Luật", "Tổ chức chính quyền địa phương", None, D(2015, 6, 19)
    )
    assert second.title == (
        "sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương"
    )
    assert second.date == D(2019, 11, 22)
    assert find_citations("căn cứ Luật Ngân sách nhà nước và các quy định hiện hành về định mức chi.") == []


def test_law_with_name_and_number() -> None:
    (c,) = find_citations("Căn cứ Luật Doanh nghiệp số 59/2020/QH14 ngày 17/6/2020;")
    assert (c.type_name, c.title, c.symbol, c.date) == ("Luật", "Doanh nghiệp", "59/2020/QH14", D(2020, 6, 17))
    assert c.type_mismatch is None


def test_bare_symbol_in_header() -> None:
    text = "Số: 61 /KH-UBND\n\nXuân Lộc, ngày 22 tháng 02 năm 2024"
    (c,) = find_citations(text)
    assert c.type_name is None and c.doc_type is None
    assert c.symbol == "61 /KH-UBND"
    assert isinstance(c.number, DocNumber) and c.number.spacing_issue
    assert c.date is None  # the place-and-date line is not part of the number


def test_generic_word_van_ban() -> None:
    (c,) = find_citations("Văn bản số 123/UBND-VP ngày 5/3/2024")
    assert c.type_name == "Văn bản" and c.doc_type is None and c.type_mismatch is None


@pytest.mark.parametrize(
    "text",
    [
        "giai đoạn 2021 - 2030",
        "Quý I/2023",
        "1 bài/ 1 quý = 4 bài",
        "Đài PT-TH tỉnh",
        "Kế hoạch này",
        "theo Quyết định của Chủ tịch UBND tỉnh",
        "Tổng đài dịch vụ công tỉnh (0251.1022)",
        "Lưu: VT, PVHCC, ĐM.(50).",
        "Quý III- IV/2023",
        "trước ngày 29/02/2023",
    ],
)
def test_no_false_citations(text: str) -> None:
    assert find_citations(text) == []


def _seed_texts() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")
def test_seed_citations() -> None:
    seeds = _seed_texts()
    found = {name: find_citations(text) for name, text in seeds.items()}
    counts = {name: len(cs) for name, cs in found.items()}
    assert counts == {
        "000_e5be33eadd859616.txt": 13,
        "001_9a11ff433f0f1927.txt": 5,
        "002_a61cb21c4a29f6b1.txt": 13,
        "003_539e38bba5e301f8.txt": 2,
        "004_1f5d7e236c7063e7.txt": 31,
    }
    mismatches = [c.text for cs in found.values() for c in cs if c.type_mismatch]
    assert mismatches == ["Nghị định số 61/2018/NQ-CP ngày 23/4/2018 của Chính phủ"]
    every = [c for cs in found.values() for c in cs]
    assert all(c.date_error is None for c in every)
    assert all(isinstance(c.number, DocNumber) for c in every if c.symbol)
    plan_ref = [c for c in found["004_1f5d7e236c7063e7.txt"] if c.symbol and c.symbol.startswith("233/")]
    assert [c.number.normalized for c in plan_ref] == ["233/QĐ-UBND", "233/QĐ-UBND"]  # type: ignore[union-attr]
    appendix = [c for c in found["004_1f5d7e236c7063e7.txt"] if c.symbol == "2338/QĐ-UBND"]
    assert appendix and appendix[0].date == D(2022, 12, 19)


# --------------------------------------------------------------------------- dates

GOOD_DATES = [
    ("15/7/2021", D(2021, 7, 15)), ("05/02/2024", D(2024, 2, 5)), ("12 tháng 12 năm 2022", D(2022, 12, 12)),
    ("2022-12-19", D(2022, 12, 19)), ("ngày 05 tháng 02 năm 2024", D(2024, 2, 5)), ("Ngày 15/7/2021", D(2021, 7, 15)),
    ("15-7-2021", D(2021, 7, 15)), ("15.7.2021", D(2021, 7, 15)), (" 29/02/2024 ", D(2024, 2, 29)),
    ("19 tháng 12, năm 2022", D(2022, 12, 19)), ("18/01/2024", D(2024, 1, 18)),
]


@pytest.mark.parametrize(("text", "expected"), GOOD_DATES)
def test_parse_vn_date(text: str, expected: dt.date) -> None:
    assert parse_vn_date(text) == expected


BAD_DATES = [
    ("29/02/2023", "ngày 29/02/2023 không tồn tại: năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày"),
    ("2023-02-29", "ngày 29/02/2023 không tồn tại: năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày"),
    ("30/02/2024", "ngày 30/02/2024 không tồn tại: năm 2024 là năm nhuận nên tháng 2 chỉ có 29 ngày"),
    ("31/4/2023", "ngày 31/04/2023 không tồn tại: tháng 4/2023 chỉ có 30 ngày"),
    ("15/13/2023", "ngày 15/13/2023 không tồn tại: không có tháng 13"),
    ("0/1/2023", "ngày 00/01/2023 không tồn tại: không có ngày 0"),
    ("15/7/21", "năm “21” phải viết đủ 4 chữ số (ví dụ 2024)"),
    ("abc", "không đọc được ngày “abc”: hãy viết dạng “15/7/2021”, “ngày 12 tháng 12 năm 2022” hoặc “2022-12-19”"),
    ("15/7-2021", "không đọc được ngày “15/7-2021”: hãy viết dạng “15/7/2021”, “ngày 12 tháng 12 năm 2022” hoặc"
     " “2022-12-19”"),
    ("0000-01-01", "năm 0 không hợp lệ"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_DATES)
def test_parse_vn_date_errors(text: str, reason: str) -> None:
    got = parse_vn_date(text)
    assert isinstance(got, DateError) and not got.ok
    assert got.reason == reason


FORMATS = [
    (D(2024, 2, 5), "long", "ngày 05 tháng 02 năm 2024"),
    (D(2022, 12, 19), "long", "ngày 19 tháng 12 năm 2022"),
    (D(2024, 3, 5), "long", "ngày 05 tháng 3 năm 2024"),
    (D(2024, 1, 18), "long", "ngày 18 tháng 01 năm 2024"),
    (D(2021, 7, 15), "long", "ngày 15 tháng 7 năm 2021"),
    (D(2021, 7, 15), "short", "15/7/2021"),
    (D(2020, 3, 5), "short", "5/3/2020"),
    (D(2023, 2, 15), "padded", "15/02/2023"),
    (D(2021, 7, 15), "padded", "15/07/2021"),
    (D(2020, 3, 5), "nd30", "05/3/2020"),
    (D(2023, 2, 15), "nd30", "15/02/2023"),
    (D(2023, 2, 15), "iso", "2023-02-15"),
]


@pytest.mark.parametrize(("d", "style", "expected"), FORMATS)
def test_format_vn_date(d: dt.date, style: str, expected: str) -> None:
    assert format_vn_date(d, style) == expected  # type: ignore[arg-type]
    assert parse_vn_date(expected) == d


def test_format_vn_date_default_and_bad_style() -> None:
    assert format_vn_date(D(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    with pytest.raises(ValueError):
        format_vn_date(D(2024, 2, 5), "roman")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- never raise

_VN_ALPHABET = (
    "0123456789/-–. :,;()ngàytháng nămsốcủa QĐUBNDNĐ-CPKHTTrQHTWTUNQđĐ\n\t"
    "LuậtNghị quyết định Kế hoạch"
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    assert isinstance(parse_symbol(text), (DocNumber, ParseError))
    assert isinstance(parse_vn_date(text), (dt.date, DateError))
    assert isinstance(find_citations(text), list)
    type_of_symbol(text)
    types_of_symbol(text)
    check_type_matches(text, text)
    check_type_matches("Quyết định", text)
    doc_type(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_VN_ALPHABET, max_size=80))
def test_never_raises_on_symbol_like_text(text: str) -> None:
    number = parse_symbol(text)
    if isinstance(number, DocNumber):
        assert number.number > 0
        reparsed = parse_symbol(number.normalized)
        assert isinstance(reparsed, DocNumber)
        assert (reparsed.number, reparsed.year, reparsed.type_abbr) == (number.number, number.year, number.type_abbr)
    assert isinstance(parse_vn_date(text), (dt.date, DateError))
    for c in find_citations(text):
        assert isinstance(c, Citation)
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        check_type_matches(c.type_name or "", c.symbol or "")


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=D(1, 1, 1), max_value=D(9999, 12, 31)), st.sampled_from(["long", "short", "padded", "nd30", "iso"]))
def test_format_then_parse_round_trip(d: dt.date, style: str) -> None:
    if d.year < 1000:  # four-digit years only
        return
    assert parse_vn_date(format_vn_date(d, style)) == d  # type: ignore[arg-type]


# --- issue 12: symbols with "&", a stray space, subjects, issuers with "và" -------------------------


@pytest.mark.parametrize(("text", "normalized", "issuer"), [
    ("5104/BTTTT-PTTH&TTĐT", "5104/BTTTT-PTTH&TTĐT", ("BTTTT", "PTTH&TTĐT")),
    ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC", ("SNV", "CCHC&PC")),
    ("508/SNV-CCHC&PC", "508/SNV-CCHC&PC", ("SNV", "CCHC&PC")),
])
def test_symbols_with_an_ampersand_parse_without_issues(text, normalized, issuer) -> None:
    number = parse_symbol(text)
    assert isinstance(number, DocNumber) and not number.issues
    assert number.normalized == normalized and number.issuer == issuer


def test_an_ampersand_alone_is_still_wrong() -> None:
    assert not parse_symbol("12/SNV-&PC").ok and not parse_symbol("12/SNV-CCHC&").ok


@pytest.mark.parametrize(("text", "symbol", "date", "issuer", "subject"), [
    ("Theo đề nghị của Giám đốc Sở Nội vụ tại Công văn số 508/SNV-CCHC&PC ngày 19 tháng 12 năm 2025.",
     "508/SNV-CCHC&PC", D(2025, 12, 19), None, None),
    ("Xét Tờ trình số 118/TTr- STTTT ngày 20/12/2023 của Sở Thông tin và Truyền thông về kế hoạch năm 2024;",
     "118/TTr- STTTT", D(2023, 12, 20), "Sở Thông tin và Truyền thông", "về kế hoạch năm 2024"),
    ("Căn cứ Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về kế hoạch cải cách hành chính năm 2023;",
     "2250/QĐ-UBND", D(2022, 12, 9), "UBND tỉnh", "về kế hoạch cải cách hành chính năm 2023"),
    ("Quyết định số 1808/QĐ-UBND ngày 17/10/2022 của UBND tỉnh, phê duyệt kế hoạch tổ chức triển khai",
     "1808/QĐ-UBND", D(2022, 10, 17), "UBND tỉnh", "phê duyệt kế hoạch tổ chức triển khai"),
    ("Nghị quyết số 14-NQ/TU ngày 24/8/2021 của Ban Thường vụ Tỉnh ủy và Đề án số 56/ĐA-UBND",
     "14-NQ/TU", D(2021, 8, 24), "Ban Thường vụ Tỉnh ủy", None),
])
def test_citation_tail_issuer_and_subject(text, symbol, date, issuer, subject) -> None:
    c = find_citations(text)[0]
    assert (c.symbol, c.date, c.issuer, c.subject) == (symbol, date, issuer, subject)
    if c.subject:
        assert text[c.subject_span[0]:c.subject_span[1]] == c.subject and c.span[1] == c.subject_span[1]
    assert text[c.span[0]:c.span[1]].startswith(c.text)


def test_the_subject_stops_at_the_next_citation() -> None:
    text = ("Quyết định số 1808/QĐ-UBND ngày 17/10/2022 của UBND tỉnh phê duyệt kế hoạch thực hiện Quyết định số "
            "1085/QĐ-TTg ngày 15/9/2022 của Thủ tướng Chính phủ ban hành Kế hoạch rà soát")
    first, second = find_citations(text)[:2]
    assert first.subject == "phê duyệt kế hoạch thực hiện" and first.span[1] <= second.start
    assert second.subject == "ban hành Kế hoạch rà soát"
