"""Pure text helpers of the renderer: numbers, dates, numerals, punctuation.

Everything here is plain Python on strings (no docx, no Jinja2), so the rules a văn thư
applies by hand are small functions with tables of examples in the tests:

- số văn bản: a number below 10 gets a leading 0 ("05/QĐ-UBND"); a draft has none yet
  and prints blanks ("      /QĐ-UBND");
- dates the ND30 way: day below 10 and months 1, 2 padded ("ngày 05 tháng 02 năm 2024");
- section numerals (tuyentruyen.vn.numerals): I, II… (Roman), items a), b), … đ) …;
- punctuation: a due time appended only when the text does not already say it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tuyentruyen.vn.dates import format_vn_date
from tuyentruyen.vn.numerals import letter as vn_letter  # noqa: F401 - the renderer's names for them
from tuyentruyen.vn.numerals import roman, seq_number  # noqa: F401

BLANK = "      "  # what a draft prints where the number or the day is not known yet
LINE_SEP = "\u2028"  # a line break inside one paragraph (never a new paragraph)

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def clean(text: object) -> str:
    """Text from the plan made safe for a .docx: NFC, no characters XML 1.0 forbids.

    Tabs and line breaks survive (the builder writes them as w:tab / w:br); a carriage
    return alone counts as a line break.
    """
    s = "" if text is None else str(text)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    if _XML_BAD.search(s):  # a search is cheaper than a substitution that changes nothing
        s = _XML_BAD.sub("", s)
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def doc_number(number: int | str | None, symbol: str) -> str:
    """Số và ký hiệu: "233/QĐ-UBND", "05/QĐ-UBND"; a number kept as written ("049") as it is; a
    draft without a number "      /QĐ-UBND"."""
    if number is None:
        return f"{BLANK}/{symbol}"
    if isinstance(number, str):
        return f"{number}/{symbol}"
    from tuyentruyen.model.types import decree_number

    return f"{decree_number(number)}/{symbol}"


def vn_date(d: dt.date | None, style: str = "long", year: int | None = None) -> str:
    """A date as printed: "ngày 19 tháng 12 năm 2022" (long) or "19/12/2022" (nd30: "05/02/2024",
    "15/7/2021"). A missing date (a draft) leaves blanks for the day and month: "ngày      tháng
    năm 2024" — with the given year, else blank too."""
    if d is None:
        y = str(year) if year else BLANK
        if style == "long":
            return f"ngày{BLANK}tháng{BLANK}năm {y}"
        return f"{BLANK}/{BLANK}/{y}"
    return format_vn_date(d, style)  # type: ignore[arg-type]


def lower_first(text: str) -> str:
    """"Tuyên truyền cải cách…" → "tuyên truyền cải cách…" for use inside a sentence;
    leaves acronyms and proper names ("UBND…", "Hà Giang…" after a capital) alone."""
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[1:].lower() != first[1:]:  # "UBND", "CCHC"
        return text
    return text[0].lower() + text[1:]


def upper(text: str) -> str:
    """UPPERCASE for titles: Vietnamese letters with their marks ("ệ" → "Ệ")."""
    return unicodedata.normalize("NFC", text.upper())


_END_PUNCT = ".;:,!?…"


def strip_end(text: str) -> str:
    """The text without its final punctuation and spaces ("…2021;" → "…2021")."""
    return text.rstrip().rstrip(_END_PUNCT).rstrip()


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", "…", ":", ";", "./."))


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def mentions(text: str, part: str) -> bool:
    """Whether ``part`` (a due time) is already written in ``text``: case and spacing
    insensitive, so "Quý I/2023" is found in "… trong quý I/2023."."""
    p = _key(strip_end(part))
    return bool(p) and p in _key(text)


def with_due(text: str, due: str | None, due_phrase: str) -> str:
    """Append "Thời gian thực hiện: <due>." to a paragraph unless it already says it.

    ``due_phrase`` is the rendered wording ("Thời gian thực hiện: Quý I/2023"). The
    paragraph's own closing mark is kept: "…nội dung;" → "…nội dung. Thời gian thực hiện: X;".
    """
    if not due or mentions(text, due):
        return text
    body = text.rstrip()
    end = ""
    if body.endswith(";"):
        end = ";"
    elif body.endswith("./."):
        end = "./."
    elif body.endswith("."):
        end = "."
    body = strip_end(body)
    phrase = strip_end(due_phrase)
    return f"{body}. {phrase}{end or '.'}" if body else f"{phrase}{end or '.'}"
