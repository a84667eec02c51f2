"""What the lines of an administrative document look like (hình thức các dòng), for the importer.

The shapes the classifier tells lines apart by — "Số: …", "<địa danh>, ngày … tháng … năm …",
"I. TIÊU ĐỀ", "1. …", "1.1. …", "a) …", "- …", "+ …", "(1) …", "Điều 1. …", "(Kèm theo …)",
"Lưu: …", "TM. ỦY BAN NHÂN DÂN" — and the small tests built on them. Pure functions of text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from tuyentruyen.edit.importer.blocks import words
from tuyentruyen.edit.importer.casing import is_upper
from tuyentruyen.vn.text import fold, squash

NUMBER_LINE = re.compile(r"^\s*Số\s*[:.]?\s*(?P<rest>.*\S)\s*$", re.IGNORECASE)
PLACE_DATE = re.compile(
    r"^\s*(?P<place>[^,]{2,60}),\s*ngày\s*(?P<d>[\d…. ]*?)\s*tháng\s*(?P<m>[\d…. ]*?)\s*năm\s*(?P<y>\d{4})\s*\.?\s*$",
    re.IGNORECASE)
ROMAN_HEAD = re.compile(r"^\s*(?P<n>[IVXLC]+)\s*[.\-–]\s*(?P<t>\S.*)$")
NUM_HEAD = re.compile(r"^\s*(?P<n>\d{1,2})\s*\.\s+(?P<t>\S.*)$", re.DOTALL)
SUB_HEAD = re.compile(r"^\s*(?P<a>\d{1,2})(?:\.\d{1,2})*\.(?P<b>\d{1,2})\.?\s+(?P<t>\S.*)$", re.DOTALL)
LETTER = re.compile(r"^\s*(?P<l>[a-zđ]{1,2})\s*\)\s*(?P<t>\S.*)$", re.DOTALL)
DASH = re.compile(r"^\s*[-–•]\s*(?P<t>\S.*)$", re.DOTALL)
PLUS = re.compile(r"^\s*\+\s*(?P<t>\S.*)$", re.DOTALL)
PAREN_NUM = re.compile(r"^\s*\((?P<n>\d{1,2})\)\s*(?P<t>\S.*)$", re.DOTALL)
ARTICLE = re.compile(r"^\s*Điều\s+(?P<n>\d+)\s*[.:]\s*(?P<t>.*)$", re.DOTALL)
REFERENCE = re.compile(r"^\s*\(\s*(?P<kind>(?:ban hành\s+)?kèm theo)\s+(?P<rest>.*?)\s*\)\s*\.?\s*$",
                        re.IGNORECASE | re.DOTALL)
ARCHIVE = re.compile(r"^\s*[-–]?\s*Lưu\s*:\s*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
PREFIX = re.compile(r"^\s*(?P<p>KT|TM|Q|TL|TUQ)\s*\.\s*(?P<rest>\S.*)$")
DUE_SUFFIX = re.compile(r"^(?P<body>.*\S)\.\s+Thời gian thực hiện:\s*(?P<due>.+?)(?P<end>\./\.|[.;])?\s*$", re.DOTALL)
DUE_LINE = re.compile(r"^\s*Thời gian thực hiện:\s*(?P<due>.+?)\s*\.?\s*$", re.DOTALL)
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|2[01]\d\d)(?!\d)")
TERMINAL = (".", ";", ":", "!", "?", "…", ")")


def is_qh(text: str) -> bool:
    return fold(text).startswith("cong hoa xa hoi chu nghia viet nam")


def is_motto(text: str) -> bool:
    return re.sub(r"[^a-z]+", " ", fold(text)).strip() == "doc lap tu do hanh phuc"


def type_line(text: str) -> tuple[str, str] | None:
    """('quyet-dinh' | 'ke-hoach', rest of the line) when a line names the document type."""
    t = squash(text)
    f = fold(t)
    for kind, word in (("quyet-dinh", "quyet dinh"), ("ke-hoach", "ke hoach")):
        if f == word:
            return kind, ""
        if f.startswith(word + " ") and is_upper(t) and kind == "ke-hoach":
            return kind, t[len(word):].strip()
    return None


def proposal_of(text: str) -> str:
    """'Theo đề nghị của X.' → 'X'; a line opening otherwise ('Xét đề nghị của …') is kept whole."""
    t = text.rstrip(" .;")
    m = re.match(r"^(?i:theo đề nghị của)\s+(?P<x>.+)$", t)
    return m.group("x") if m else t


def date_in(text: str) -> dt.date | None:
    """The date a "dd/mm/yyyy" (or written-out) text gives, None when it gives none or an impossible one."""
    from tuyentruyen.vn.dates import parse_vn_date

    got = parse_vn_date(text)
    return got if isinstance(got, dt.date) else None


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(TERMINAL)


def marker_kind(text: str) -> str | None:
    if LETTER.match(text):
        return "letter"
    if PLUS.match(text):
        return "plus"
    if DASH.match(text):
        return "dash"
    return None


def titles() -> tuple[str, ...]:
    from tuyentruyen.vn.units import titles

    return titles()


def signer_line(text: str) -> bool:
    """An authority or position line of the signature ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")."""
    t = squash(text)
    if not t or not is_upper(t) or len(t.split()) > 9:
        return False
    if PREFIX.match(t):
        return True
    f = fold(t)
    return any(f == fold(x.strip()) or f.startswith(fold(x)) for x in titles())


def head_upper(text: str) -> bool:
    """An upper-case line that opens a unit name ("SỞ CÔNG THƯƠNG", "UBND TỈNH …")."""
    f = fold(text)
    for head in words()["unit_heads"]:
        h = fold(head)
        if h in ("cac",):
            continue
        if f == h or f.startswith(h + " "):
            return True
    return False


def roman(n: int) -> str:
    from tuyentruyen.vn.numerals import roman

    return roman(n)


@functools.cache
def deadline() -> re.Pattern[str]:
    phrases = "|".join(re.escape(w) for w in sorted(words()["deadline_words"], key=len, reverse=True))
    return re.compile(rf"(?i:{phrases})\s+\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}}")


def deadline_in(text: str) -> str | None:
    """The deadline a sentence states: "… trước ngày 29/02/2023 để …" → "trước ngày 29/02/2023"."""
    m = deadline().search(text)
    return squash(m.group()) if m else None
