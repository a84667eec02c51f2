"""Tests for tuyentruyen.vn.textcheck: NFC, legacy encodings, typos, spaces, fixes.

Real sentences come from the reference documents in /work/shared/seeds.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyentruyen.vn.textcheck import (
    LegacyEncoding,
    NfcReport,
    SpaceIssue,
    Typo,
    TypoDataError,
    TypoEntry,
    apply_edits,
    builtin_typos,
    check_nfc,
    decode_legacy,
    detect_legacy_encoding,
    encode_legacy,
    find_space_issues,
    find_typos,
    fix_nfc,
    fix_spaces,
    fix_text,
    fix_typos,
    is_vietnamese_syllable,
    typos_from_data,
)

SEEDS = Path("/work/shared/seeds")
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")


def _seed_texts() -> dict[str, str]:
    return {p.name: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _seed_lines() -> list[str]:
    return [line for text in _seed_texts().values() for line in text.splitlines()] if SEEDS.is_dir() else []


NFD = lambda s: unicodedata.normalize("NFD", s)  # noqa: E731

# =========================================================================== NFC


def test_nfc_text_is_nfc() -> None:
    report = check_nfc("Kế hoạch tuyên truyền cải cách hành chính năm 2024")
    assert report == NfcReport(True)
    assert report.ok and report.message is None


@pytest.mark.parametrize(
    ("text", "start", "end", "found", "expected"),
    [
        ("Kế hoạch Tuye\u0302n", 12, 14, "e\u0302", "ê"),
        (NFD("Tuyên truyền"), 3, 5, "e\u0302", "ê"),
        ("Nghi\u0323 định", 3, 5, "i\u0323", "ị"),
        ("truye\u0302\u0300n", 4, 7, "e\u0302\u0300", "ề"),
        ("aba\u0323a\u0323", 2, 6, "a\u0323a\u0323", "ạạ"),
        ("\u1100\u1161 Hangul", 0, 2, "\u1100\u1161", "\uac00"),
        ("ok \u212b", 3, 4, "\u212b", "\u00c5"),  # ANGSTROM SIGN is not NFC
    ],
)
def test_check_nfc_finds_first_run(text: str, start: int, end: int, found: str, expected: str) -> None:
    report = check_nfc(text)
    assert not report.is_nfc
    assert (report.start, report.end, report.found, report.expected) == (start, end, found, expected)
    assert text[start:end] == found
    assert report.message is not None and "NFC" in report.message


def test_fix_nfc() -> None:
    assert fix_nfc(NFD("Ủy ban nhân dân tỉnh Hà Giang")) == "Ủy ban nhân dân tỉnh Hà Giang"


# =========================================================================== syllables


@pytest.mark.parametrize(
    "word",
    ["truyền", "Tuyên", "NGUYỄN", "hoá", "hóa", "được", "người", "quốc", "giữa", "gì", "khuya", "nghiêng",
     "xoong", "thuở", "huỳnh", "hoặc", "kế", "ghế", "Ủy", "uỷ", "a", "ý", NFD("việc")],
)
def test_vietnamese_syllables(word: str) -> None:
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize(
    "word",
    ["partir", "est", "il", "Zürich", "naïve", "kõ", "gỏt", "cátx", "ko", "ngi", "ge", "ă", "tuyªn", "caûi",
     "ñôn", "UBND", "", "chiếcc", "chínhh", "ănc", "quu", "tuyên truyền", "hoàng" + "\u0301", "mèo" + "n"],
)
def test_not_vietnamese_syllables(word: str) -> None:
    assert not is_vietnamese_syllable(word)


# =========================================================================== legacy tables

LOWER_LETTERS = [
    unicodedata.normalize("NFC", v + t)
    for v in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
    for t in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    if v + t not in ("a", "e", "i", "o", "u", "y")
] + ["đ"]
ALL_LETTERS = LOWER_LETTERS + [c.upper() for c in LOWER_LETTERS]


def test_there_are_134_letters() -> None:
    assert len(LOWER_LETTERS) == 67 and len(set(ALL_LETTERS)) == 134


@pytest.mark.parametrize(
    ("letter", "tcvn3", "vni"),
    [
        ("ê", "\xaa", "eâ"), ("ề", "\xd2", "eà"), ("ả", "\xb6", "aû"), ("á", "\xb8", "aù"), ("à", "\xb5", "aø"),
        ("í", "\xdd", "í"), ("ơ", "\xac", "ô"), ("ư", "\xad", "ö"), ("ấ", "\xca", "aá"), ("đ", "\xae", "ñ"),
        ("Đ", "\xa7", "Ñ"), ("ă", "\xa8", "aê"), ("â", "\xa9", "aâ"), ("ô", "\xab", "oâ"), ("ặ", "\xc6", "aë"),
        ("ỵ", "\xfe", "î"), ("ỉ", "\xd8", "æ"), ("ĩ", "\xdc", "ó"), ("ị", "\xde", "ò"), ("ự", "\xf9", "öï"),
        ("Ự", "\xf9", "ÖÏ"), ("Ă", "\xa1", "AÊ"), ("Ư", "\xa6", "Ö"), ("ố", "\xe8", "oá"), ("ỡ", "\xec", "ôõ"),
    ],
)
def test_published_codes(letter: str, tcvn3: str, vni: str) -> None:
    assert encode_legacy(letter, "TCVN3") == tcvn3
    assert encode_legacy(letter, "VNI") == vni


def test_tables_are_one_to_one() -> None:
    tcvn = [encode_legacy(c, "TCVN3") for c in LOWER_LETTERS]
    assert len(set(tcvn)) == 67 and all(len(code) == 1 and 0xA1 <= ord(code) <= 0xFE for code in tcvn)
    vni = [encode_legacy(c, "VNI") for c in ALL_LETTERS]
    assert len(set(vni)) == 134
    assert all(ord(ch) <= 0xFF for code in vni for ch in code)


@pytest.mark.parametrize("letter", ALL_LETTERS)
def test_every_letter_round_trips(letter: str) -> None:
    # Inside a word, so that only the table is tested (not the capital heuristics).
    word = f"B{letter}B" if letter.isupper() else f"b{letter}b"
    assert decode_legacy(encode_legacy(word, "VNI"), "VNI") == word
    assert decode_legacy(encode_legacy(word, "TCVN3"), "TCVN3") == word


# =========================================================================== legacy detection


def test_brief_examples() -> None:
    tcvn = detect_legacy_encoding("Tuyªn truyÒn c¶i c¸ch hµnh chÝnh")
    assert tcvn is not None and tcvn.encoding == "TCVN3"
    assert tcvn.decoded == "Tuyên truyền cải cách hành chính"
    assert (tcvn.start, tcvn.end) == (0, 5)
    assert tcvn.evidence[:3] == ("Tuyªn", "truyÒn", "c¶i")
    assert "TCVN3" in tcvn.message
    vni = detect_legacy_encoding("Tuyeân truyeàn caûi caùch haønh chính")
    assert vni is not None and vni.encoding == "VNI"
    assert vni.decoded == "Tuyên truyền cải cách hành chính"
    assert encode_legacy("Tuyên truyền cải cách hành chính", "TCVN3") == "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh"
    assert encode_legacy("Tuyên truyền cải cách hành chính", "VNI") == "Tuyeân truyeàn caûi caùch haønh chính"


SENTENCES = [
    "Kế hoạch thông tin, tuyên truyền cải cách hành chính huyện Xuân Lộc năm 2024",
    "KẾ HOẠCH TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2021",
    "Ủy ban nhân dân tỉnh Hà Giang",
    "Đài Phát thanh - Truyền hình tỉnh; Báo Quảng Ngãi và các cơ quan thông tấn báo chí.",
    "Nguyễn Thị Cát Tiên, Đặng Văn Minh, Võ Văn Rân",
    "Tuyên truyền về ứng dụng công nghệ thông tin trong quá trình thực hiện thủ tục hành chính",
    "ĐƯỜNG DÂY NÓNG VỀ CẢI CÁCH HÀNH CHÍNH",
    "Ưu tiên hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán trực tuyến.",
    "- Ổn định tổ chức bộ máy; quý II/2024.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_detect_and_decode_sentences(sentence: str, encoding: str) -> None:
    garbled = encode_legacy(sentence, encoding)  # type: ignore[arg-type]
    assert garbled != sentence
    found = detect_legacy_encoding(garbled)
    assert found is not None and found.encoding == encoding
    assert found.decoded == sentence
    assert garbled[found.start:found.end] == found.evidence[0]


def test_mixed_text_decodes_only_the_garbled_words() -> None:
    for text, encoding in (("Kế hoạch tuyªn truyÒn c¸c", "TCVN3"), ("Kế hoạch tuyeân truyeàn caùc", "VNI")):
        found = detect_legacy_encoding(text)
        assert found is not None and found.encoding == encoding
        assert found.decoded == "Kế hoạch tuyên truyền các"


@needs_seeds
@pytest.mark.parametrize("encoding", ["TCVN3", "VNI"])
def test_seed_lines_garbled_are_detected(encoding: str) -> None:
    checked = 0
    for line in _seed_lines():
        # The promise is for Vietnamese prose: five words or more, mostly Vietnamese
        # syllables (not a line of acronyms such as "BBT: Công TTĐTTP, Sàn GDTMĐT").
        words = re.findall(r"[^\W\d_]+", line)
        vietnamese = [w for w in words if is_vietnamese_syllable(w) and not w.isascii()]
        if len(words) < 5 or len(vietnamese) < 3 or len(vietnamese) < 0.5 * len(words):
            continue
        garbled = encode_legacy(line, encoding)  # type: ignore[arg-type]
        found = detect_legacy_encoding(garbled)
        assert found is not None and found.encoding == encoding, line
        if encoding == "VNI":
            assert found.decoded == line
        else:  # TCVN3 has no capital toned vowels: "của Ủy ban" comes back "của ủy ban"
            assert found.decoded.casefold() == line.casefold()
        checked += 1
    assert checked > 250


@needs_seeds
def test_no_false_positive_on_any_seed_line() -> None:
    lines = _seed_lines()
    assert len(lines) > 600
    flagged = [line for line in lines if detect_legacy_encoding(line) is not None]
    assert flagged == []
    for name, text in _seed_texts().items():
        assert detect_legacy_encoding(text) is None, name
        assert detect_legacy_encoding(NFD(text)) is None, name


@pytest.mark.parametrize(
    "text",
    [
        "Il a dû partir, où est-il?",
        "Là où il va, où elle va",
        "Le château de Noël, déjà très sûr; une crème brûlée à la française.",
        "L'élève naïve a goûté le maïs à Zürich.",
        "The naïve café owner from São Paulo met Müller in Köln.",
        "Señor Muñoz, España, año 2024.",
        "A4, 210 × 297 mm; © 2024; 1½ µm; 37 °C",
        "Tuyen truyen cai cach hanh chinh nam 2024",
        "hoà bình, hoá đơn, trì hoãn, thuở ấy, khuya",
        "Ủy ban nhân dân tỉnh Hà Giang",
        "Chương trình “Cà phê doanh nhân”; tiếng Mông, tiếng Dao, tiếng Nùng, Pà Thẻn...",
        "où",
        "dû",
        "",
        "Zalo, Facebook, Youtube, TikTok",
    ],
)
def test_not_legacy(text: str) -> None:
    assert detect_legacy_encoding(text) is None


# =========================================================================== typos

# text, expected [(wrong as written, right)]
TYPOS = [
    ("01\tTruyền truyền, kêu gọi các tổ chức", [("Truyền truyền", "Tuyên truyền")]),
    ("chuyên mục để truyền truyền về ý nghĩa", [("truyền truyền", "tuyên truyền")]),
    ("TRUYỀN TRUYỀN CẢI CÁCH", [("TRUYỀN TRUYỀN", "TUYÊN TRUYỀN")]),
    ("tăng cường thông tin, tuyên tuyền về hoạt động", [("tuyên tuyền", "tuyên truyền")]),
    ("- Chỉ trì: Sở Nội vụ;", [("Chỉ trì", "Chủ trì")]),
    ("Hệ thống phản ánh, kiến nghị thuộc Công dịch vụ công quốc gia", [("Công dịch vụ công", "Cổng dịch vụ công")]),
    ("Ban Biên tập Công thông tin điện tử thành phần", [("Công thông tin điện tử", "Cổng thông tin điện tử")]),
    ("dịch vụ buru chính công ích", [("buru chính", "bưu chính")]),
    ("Đội ngũ CBCCVN làm việc trong hệ thống CQHCCN các cấp",
     [("CBCCVN", "CBCCVC"), ("CQHCCN", "CQHCNN")]),
    ("cơ quan hành chính nhà nước (CQHCCNN);", [("CQHCCNN", "CQHCNN")]),
    ("giải pháp trong Kế hoạch cải cách hành của huyện năm 2024", [("cải cách hành của", "cải cách hành chính của")]),
    ("đơn vị mình; chủ dộng triển khai", [("chủ dộng", "chủ động")]),
    ("thay cho việc xuất việc xuất trình sổ hộ khẩu", [("việc xuất việc xuất", "việc xuất")]),
    ("Yêu cầu các sở, ban, ngành; UBND các huyện, thành, thị xây dựng",
     [("huyện, thành, thị", "huyện, thành phố, thị xã")]),
    ("của Thủ tướng Chinh phủ về", [("Thủ tướng Chinh phủ", "Thủ tướng Chính phủ")]),
    ("Chinh phủ ban hành", [("Chinh phủ", "Chính phủ")]),
    ("các hình thức băng zôn, khẩu hiệu", [("băng zôn", "băng rôn")]),
    ("các chỉ số PaPi, Par index, Sipas của tỉnh", [("PaPi", "PAPI"), ("Sipas", "SIPAS")]),
    ("Truyền  truyền về", [("Truyền  truyền", "Tuyên truyền")]),
    ("hướng dẫn phối họp với các sở", [("phối họp", "phối hợp")]),
    ("theo cơ chế một của liên thông", [("cơ chế một của", "cơ chế một cửa")]),
    # Not NFC: offsets are into the text as given
    (NFD("- Chỉ trì: Sở Nội vụ"), [(NFD("Chỉ trì"), "Chủ trì")]),
    # negatives
    ("Cổng thông tin điện tử của tỉnh", []),
    ("trên Cổng dịch vụ công Quốc gia", []),
    ("Tuyên truyền, kêu gọi", []),
    ("- Chủ trì: Sở Nội vụ;", []),
    ("đội ngũ CBCCVC và CQHCNN", []),
    ("cbccvn", []),
    ("ACBCCVN, CBCCVNX", []),
    ("Công thông tin", []),
    ("dịch vụ bưu chính công ích", []),
    ("chủ động triển khai", []),
    ("cải cách hành chính của huyện", []),
    ("việc xuất trình sổ hộ khẩu", []),
    ("UBND các huyện, thành phố, thị xã", []),
    ("PAPI, SIPAS, Par Index", []),
    ("Thủ tướng Chính phủ", []),
    ("phối hợp, họp phối", []),
    ("chinh phục", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), TYPOS)
def test_find_typos(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_typos(text)
    assert [(t.wrong, t.right) for t in found] == expected
    for t in found:
        assert text[t.start:t.end] == t.wrong
        assert t.message.startswith("Sai chính tả: ")


def test_typo_offsets_and_fix() -> None:
    text = "01\tTruyền truyền, kêu gọi; hướng dẫn tại Công dịch vụ công quốc gia."
    (a, b) = find_typos(text)
    where = text.index("Công")
    assert (a.start, a.end, b.start, b.end) == (3, 16, where, where + len("Công dịch vụ công"))
    assert fix_typos(text) == "01\tTuyên truyền, kêu gọi; hướng dẫn tại Cổng dịch vụ công quốc gia."
    assert b.note == "“Cổng” (cổng thông tin), không phải “Công”."


def test_typo_data_file_is_sound() -> None:
    entries = builtin_typos()
    assert len(entries) >= 25
    keys = set()
    for e in entries:
        for text in (e.wrong, e.right, e.note or ""):
            assert unicodedata.is_normalized("NFC", text)
        assert e.wrong != e.right
        key = e.wrong if e.case_sensitive else e.wrong.casefold()
        assert key not in keys
        keys.add(key)
        assert [t.right for t in find_typos(e.wrong)] == [e.right], e.wrong
        assert find_typos(e.right) == [], f"fixing {e.wrong!r} creates another typo"


def test_extra_entries() -> None:
    extra = [{"wrong": "Sở Thông tin và truyền thông", "right": "Sở Thông tin và Truyền thông", "case_sensitive": True}]
    (t,) = find_typos("- Sở Thông tin và truyền thông;", extra)
    assert (t.wrong, t.right) == ("Sở Thông tin và truyền thông", "Sở Thông tin và Truyền thông")
    assert find_typos("- Sở Thông tin và Truyền thông;", extra) == []
    # a repository's entry overrides the built-in one with the same "wrong"
    (t,) = find_typos("Chỉ trì: Sở Nội vụ", {"typos": [{"wrong": "chỉ trì", "right": "chủ trì", "note": "riêng"}]})
    assert (t.right, t.note) == ("Chủ trì", "riêng")
    # whole_word: false matches inside a longer word
    sub = [TypoEntry("xyz", "abc", whole_word=False)]
    assert [(t.wrong, t.right) for t in find_typos("AxyzB", sub)] == [("xyz", "abc")]
    assert find_typos("AxyzB", [TypoEntry("xyz", "abc")]) == []


@pytest.mark.parametrize(
    "bad",
    [[{"right": "x"}], [{"wrong": "x"}], ["just a string"], [{"wrong": "a", "right": "b", "color": "red"}], "typos"],
)
def test_bad_extra_entries(bad) -> None:
    with pytest.raises(TypoDataError):
        find_typos("x", bad)


def test_typos_from_data() -> None:
    raw = {"typos": [{"wrong": "Phòng Nôi vụ", "right": "Phòng Nội vụ", "note": "Thiếu dấu."}]}
    entries = typos_from_data(raw, "typos.yaml")
    assert entries == (TypoEntry("Phòng Nôi vụ", "Phòng Nội vụ", note="Thiếu dấu."),)
    assert [t.right for t in find_typos("Giao Phòng Nôi vụ chủ trì", entries)] == ["Phòng Nội vụ"]
    with pytest.raises(TypoDataError):
        typos_from_data({"typos": "không phải danh sách"}, "typos.yaml")


@needs_seeds
def test_seed_typos() -> None:
    found = {name: [(t.wrong, t.right) for t in find_typos(text)] for name, text in _seed_texts().items()}
    assert found["000_e5be33eadd859616.txt"] == [
        ("truyền truyền", "tuyên truyền"), ("Công dịch vụ công", "Cổng dịch vụ công"),
        ("Truyền truyền", "Tuyên truyền"), ("Truyền truyền", "Tuyên truyền"), ("Truyền truyền", "Tuyên truyền"),
        ("việc xuất việc xuất", "việc xuất"),
    ]
    assert found["001_9a11ff433f0f1927.txt"] == [
        ("cải cách hành của", "cải cách hành chính của"),
        ("Công dịch vụ công", "Cổng dịch vụ công"), ("Công dịch vụ công", "Cổng dịch vụ công"),
    ]
    assert found["002_a61cb21c4a29f6b1.txt"] == [("Công thông tin điện tử", "Cổng thông tin điện tử")]
    assert found["003_539e38bba5e301f8.txt"] == [
        ("tuyên tuyền", "tuyên truyền"), ("huyện, thành, thị", "huyện, thành phố, thị xã"), ("chủ dộng", "chủ động"),
    ]
    assert found["004_1f5d7e236c7063e7.txt"] == [
        ("CQHCCNN", "CQHCNN"), ("CQHCCNN", "CQHCNN"), ("CQHCCNN", "CQHCNN"), ("CBCCVN", "CBCCVC"),
        ("CQHCCN", "CQHCNN"), ("CQHCCN", "CQHCNN"), ("CQHCCN", "CQHCNN"), ("CQHCCN", "CQHCNN"),
        ("CQHCCN", "CQHCNN"), ("CQHCCN", "CQHCNN"), ("CBCCVN", "CBCCVC"), ("băng zôn", "băng rôn"),
        ("buru chính", "bưu chính"), ("Chỉ trì", "Chủ trì"), ("Chỉ trì", "Chủ trì"), ("Chỉ trì", "Chủ trì"),
        ("Chỉ trì", "Chủ trì"), ("PaPi", "PAPI"), ("Sipas", "SIPAS"),
    ]


# =========================================================================== spaces

# text, [(kind, start, end, replacement)], fixed text
SPACES = [
    ("Tuyên  truyền", [("double_space", 5, 7, " ")], "Tuyên truyền"),
    (" Tuyên truyền", [("leading_space", 0, 1, "")], "Tuyên truyền"),
    ("Tuyên truyền ", [("trailing_space", 12, 13, "")], "Tuyên truyền"),
    ("dòng một  \ndòng hai", [("trailing_space", 8, 10, "")], "dòng một\ndòng hai"),
    ("xã , phường", [("space_before_punctuation", 2, 3, "")], "xã, phường"),
    ("địa phương : Tiếp tục", [("space_before_punctuation", 10, 11, "")], "địa phương: Tiếp tục"),
    ("hằng năm ; quý", [("space_before_punctuation", 8, 9, "")], "hằng năm; quý"),
    ("thực hiện ./.", [("space_before_punctuation", 9, 10, "")], "thực hiện./."),
    ("( nếu có )", [("space_after_parenthesis", 1, 2, ""), ("space_before_punctuation", 8, 9, "")], "(nếu có)"),
    ("chỉ đạo,hướng dẫn", [("missing_space_after", 7, 8, ", ")], "chỉ đạo, hướng dẫn"),
    ("Zalo;Facebook", [("missing_space_after", 4, 5, "; ")], "Zalo; Facebook"),
    ("xã ,phường", [("space_before_punctuation", 2, 3, "")], "xã, phường"),
    ("Số  :  233", [("space_before_punctuation", 2, 4, ""), ("double_space", 5, 7, " ")], "Số: 233"),
    ("a\u00a0\u00a0b", [("double_space", 1, 3, " ")], "a b"),
    # not flagged
    ("- Các sở, ban, ngành;", [], "- Các sở, ban, ngành;"),
    ("Zalo, Facebook, Youtube...", [], "Zalo, Facebook, Youtube..."),
    ("Báo nhân dân/Vietnamnet ... (1 chuyên mục)", [], "Báo nhân dân/Vietnamnet ... (1 chuyên mục)"),
    ("y tế …", [], "y tế …"),
    ("STT\tNội dung\t\tThời gian", [], "STT\tNội dung\t\tThời gian"),
    ("a)\n  - gạch đầu dòng", [], "a)\n  - gạch đầu dòng"),
    ("xử lý. /.", [], "xử lý. /."),
    ("giảm 1,5 lần; 0251.1022", [], "giảm 1,5 lần; 0251.1022"),
    ("Đài Phát thanh - Truyền hình", [], "Đài Phát thanh - Truyền hình"),
    ("", [], ""),
]


@pytest.mark.parametrize(("text", "expected", "fixed"), SPACES)
def test_find_space_issues(text: str, expected: list, fixed: str) -> None:
    issues = find_space_issues(text)
    assert [(i.kind, i.start, i.end, i.replacement) for i in issues] == expected
    assert all(isinstance(i, SpaceIssue) and i.message for i in issues)
    assert fix_spaces(text) == fixed
    assert find_space_issues(fixed) == []


@needs_seeds
def test_seed_space_issues_inside_lines() -> None:
    found = []
    for text in _seed_texts().values():
        for issue in find_space_issues(text):
            if issue.kind not in ("leading_space", "trailing_space"):
                found.append((issue.kind, text[issue.start - 10:issue.end + 8]))
    assert found == [
        ("space_before_punctuation", "địa phương : Tiếp t"),
        ("missing_space_after", "ản chỉ đạo,hướng dẫ"),
    ]


# =========================================================================== fixes


def test_fix_text_all_at_once() -> None:
    text = NFD(" Truyền truyền về Công dịch vụ công ,chỉ đạo,hướng dẫn  kịp thời ")
    assert fix_text(text) == "Tuyên truyền về Cổng dịch vụ công, chỉ đạo, hướng dẫn kịp thời"
    assert fix_text(text, typos=False, spaces=False) == unicodedata.normalize("NFC", text)
    assert fix_text("Tuyên truyền") == "Tuyên truyền"


def test_fix_text_legacy_is_opt_in() -> None:
    garbled = "Tuyªn truyÒn c¶i c¸ch hµnh chÝnh"
    assert fix_text(garbled) == garbled
    assert fix_text(garbled, legacy=True) == "Tuyên truyền cải cách hành chính"


def test_apply_edits_skips_overlaps() -> None:
    edits = [Typo(0, 5, "aaaaa", "b"), Typo(3, 7, "x", "c"), Typo(8, 9, "y", "d")]
    assert apply_edits("0123456789", edits) == "b567d9"


def test_extra_typos_in_fix_text() -> None:
    extra = [{"wrong": "Phòng Nôi vụ", "right": "Phòng Nội vụ"}]
    assert fix_text("Giao  Phòng Nôi vụ", extra_typos=extra) == "Giao Phòng Nội vụ"


# =========================================================================== never raise

_SEED_WORDS = sorted(
    {w for line in _seed_lines() for w in re.findall(r"\S+", line)} or {"Tuyên", "truyền"}
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    report = check_nfc(text)
    if not report.is_nfc:
        assert report.start is not None and report.end is not None
        assert 0 <= report.start < report.end <= len(text)
        assert text[report.start:report.end] == report.found
    found = detect_legacy_encoding(text)
    assert found is None or isinstance(found, LegacyEncoding)
    for encoding in ("TCVN3", "VNI"):
        assert isinstance(decode_legacy(text, encoding), str)  # type: ignore[arg-type]
        assert isinstance(encode_legacy(text, encoding), str)  # type: ignore[arg-type]
    for t in find_typos(text):
        assert text[t.start:t.end] == t.wrong
    for i in find_space_issues(text):
        assert 0 <= i.start <= i.end <= len(text)
    assert isinstance(fix_text(text, legacy=True), str)
    is_vietnamese_syllable(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SEED_WORDS), max_size=30))
def test_random_seed_words_are_not_legacy(words: list[str]) -> None:
    assert detect_legacy_encoding(" ".join(words)) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_SEED_WORDS), min_size=1, max_size=30), st.sampled_from(["TCVN3", "VNI"]))
def test_garbled_seed_words_never_crash(words: list[str], encoding: str) -> None:
    text = " ".join(words)
    found = detect_legacy_encoding(encode_legacy(text, encoding))  # type: ignore[arg-type]
    assert found is None or found.encoding in ("TCVN3", "VNI")


# --- issue 12: style helpers, with real forms --------------------------------------------------

from tuyentruyen.vn.textcheck import (  # noqa: E402
    find_inner_capitals,
    find_name_dashes,
    find_placeholders,
    find_terms,
    find_unaccented,
    other_tone_style,
    style_words,
    tone_key,
)


@pytest.mark.parametrize(("text", "words"), [
    ("thuong xuyen", ("thuong", "xuyen")),
    ("truoc ngay 15/3/2024", ("truoc",)),
    ("Nguyen Van Son", ("Nguyen",)),
    ("Tuyen truyen cai cach hanh chinh", ("Tuyen", "truyen")),
])
def test_text_without_diacritics(text, words) -> None:
    found = find_unaccented(text)
    assert found is not None and found.words[:len(words)] == words
    assert text[found.start:found.end].startswith(words[0])


@pytest.mark.parametrize("text", ["Thường xuyên", "Quý II/2024", "Facebook, Zalo, TikTok", "PCI, PAPI, SIPAS",
                                  "Hang", "internet", "VT, NC", "Quý I/2024 - Quý II", "online"])
def test_text_that_is_not_vietnamese_without_diacritics(text) -> None:
    assert find_unaccented(text) is None


@pytest.mark.parametrize(("text", "blanks"), [
    ("…", ["…"]),
    ("Luật Tổ chức chính quyền địa phương …", ["…"]),
    ("Số …/KH-UBND ngày .... tháng .... năm ....", ["…", "....", "....", "...."]),
    ("(…)", ["…"]),
    ("trên mạng xã hội (Facebook, Zalo, TikTok, YouTube...) trong tuyên truyền", []),
    ("bồi dưỡng các chức danh công chức cấp xã... các cuộc thi", []),
    ("Tuyên truyền trên Báo nhân dân/Vietnamnet ... (1 chuyên mục/1 quý)", []),
])
def test_placeholders_left_from_a_template(text, blanks) -> None:
    assert [text[a:b] for a, b in find_placeholders(text)] == blanks


@pytest.mark.parametrize(("word", "key"), [
    ("hoá", ("hóa", "old")), ("hóa", ("hóa", "new")), ("Uỷ", ("ủy", "old")), ("Ủy", ("ủy", "new")),
    ("thuỷ", ("thủy", "old")), ("khoẻ", ("khỏe", "old")), ("quý", None), ("hoàn", None), ("tỉnh", None),
])
def test_tone_placement(word, key) -> None:
    assert tone_key(word) == key


def test_other_tone_style_keeps_the_case() -> None:
    assert [other_tone_style(w) for w in ("Hoá", "hóa", "UỶ", "Thủy")] == ["Hóa", "hoá", "ỦY", "Thuỷ"]


def test_dashes_between_words_not_between_numbers() -> None:
    found = find_name_dashes("Đài Phát thanh – Truyền hình tỉnh, giai đoạn 2021 – 2025, Đài PT-TH tỉnh")
    assert [(d, k) for _, d, k in found] == [("\u2013", "thanh truyen"), ("-", "pt th")]


@pytest.mark.parametrize(("text", "found"), [
    ("Về việc Phê duyệt Kế hoạch tuyên truyền cải cách hành chính năm 2024", ["phê duyệt"]),
    ("Về việc ban hành Kế hoạch Tuyên truyền cải cách hành chính năm 2024", []),  # the name of a document
    ("Kế hoạch về Tuyên truyền cải cách hành chính", ["tuyên truyền"]),
    ("Tuyên truyền cải cách hành chính năm 2024", []),  # the first word
    ("Về việc kiện toàn Ban Chỉ đạo Cải cách hành chính tỉnh", []),  # after a capital: a proper name
])
def test_capitals_in_the_middle_of_a_subject(text, found) -> None:
    assert [r for _, _, r in find_inner_capitals(text, style_words()["subject_words"])] == found


def test_terms_are_found_whatever_their_capitals_and_diacritics() -> None:
    text = "qua Cổng dịch vụ công Quốc gia, Công dịch vụ công quốc gia và Cổng Dịch vụ công quốc gia"
    assert [u.written for u in find_terms(text, style_words()["terms"])] == [
        "Cổng dịch vụ công Quốc gia", "Công dịch vụ công quốc gia", "Cổng Dịch vụ công quốc gia"]
