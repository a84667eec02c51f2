"""Document numbers and citations: số và ký hiệu văn bản, văn bản được trích dẫn.

Pure helpers for the "references" lint rules. Nothing here raises on text: a malformed
symbol or an impossible date comes back as a value carrying a Vietnamese reason.

Number and symbol (số, ký hiệu) — :func:`parse_symbol` reads the three shapes in use:

==============  ======================  ============================================
style           example                 shape
==============  ======================  ============================================
administrative  ``233/QĐ-UBND``         số/LOẠI-CƠ QUAN[-ĐƠN VỊ]; công văn has no LOẠI
                ``123/UBND-VP``         (``type_abbr`` is None)
normative       ``30/2020/NĐ-CP``       số/năm/LOẠI-CƠ QUAN; ``59/2020/QH14`` (no LOẠI)
party           ``14-NQ/TU``            số-LOẠI/CƠ QUAN ĐẢNG
==============  ======================  ============================================

A symbol that is readable but badly typed still parses, and says so in ``issues``
(stray spaces "61 /KH-UBND", "QD" for "QĐ", a long dash, wrong case "TTR").

Document types (loại văn bản) and their abbreviations come from
``data/doc_types.yaml`` (Nghị định 30/2020/NĐ-CP, Phụ lục III, plus the legal normative
and party types cited in căn cứ); :func:`check_type_matches` tells when the word before
the number disagrees with the symbol ("Nghị định số 61/2018/NQ-CP").

:func:`find_citations` finds cited documents in running text ("Nghị quyết số 76/NQ-CP
ngày 15/7/2021 của Chính phủ"), with offsets, the date (possibly impossible: then
``date`` is None and ``date_error`` says why) and the issuer after "của".

Dates: :func:`parse_vn_date` reads "15/7/2021", "05/02/2024", "12 tháng 12 năm 2022",
"2022-12-19"; :func:`format_vn_date` writes them the ND30 way ("ngày 05 tháng 02 năm 2024").
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal, Union

# dates are read and written by tuyentruyen.vn.dates (re-exported here for the citations' users)
from tuyentruyen.vn.dates import DateError, format_vn_date, parse_vn_date  # noqa: F401

__all__ = [
    "Citation",
    "DateError",
    "DocNumber",
    "DocType",
    "ParseError",
    "SymbolIssue",
    "check_type_matches",
    "doc_type",
    "doc_type_by_abbr",
    "doc_types",
    "find_citations",
    "format_vn_date",
    "issuer_name",
    "parse_symbol",
    "parse_vn_date",
    "type_of_symbol",
    "types_of_symbol",
]

Style = Literal["administrative", "normative", "party"]


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class DocType:
    """One document type (loại văn bản) of ``data/doc_types.yaml``."""

    name: str
    abbr: str | None
    party_abbr: str | None
    groups: tuple[str, ...]
    aliases: tuple[str, ...]
    bare_issuers: tuple[str, ...] = ()
    only_issuers: tuple[str, ...] = ()
    example: str | None = None

    @property
    def symbol_abbr(self) -> str | None:
        """The abbreviation to quote in a message (state first, then party)."""
        return self.abbr or self.party_abbr

    def abbr_for(self, style: Style) -> str | None:
        if style == "party":
            return self.party_abbr or (self.abbr if "party" in self.groups else None)
        return self.abbr


@dataclass(frozen=True)
class _Catalog:
    types: tuple[DocType, ...]
    by_key: dict[str, DocType]
    by_loose_key: dict[str, DocType]
    generic_keys: frozenset[str]
    issuers: dict[str, str]
    state_abbrs: dict[str, DocType]
    party_abbrs: dict[str, DocType]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _key(text: str) -> str:
    """Case-insensitive key of a type name: NFC, casefolded, single spaces."""
    return " ".join(_nfc(text).casefold().split())


def _loose_key(text: str) -> str:
    """Like :func:`_key` but without diacritics (đ → d): "Quyet dinh", "Bản thoả thuận"."""
    from tuyentruyen.vn.text import fold

    return fold(_key(text))


@functools.cache
def _catalog() -> _Catalog:
    import yaml  # only when the data is first needed: keeps `tt --help` fast
    from importlib.resources import files

    raw = yaml.load(files("tuyentruyen.data").joinpath("doc_types.yaml").read_text("utf-8"),
                    Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    types = []
    for item in raw["types"]:
        types.append(
            DocType(
                name=_nfc(item["name"]),
                abbr=_nfc(item["abbr"]) if item.get("abbr") else None,
                party_abbr=_nfc(item["party_abbr"]) if item.get("party_abbr") else None,
                groups=tuple(item.get("groups") or ()),
                aliases=tuple(_nfc(a) for a in item.get("aliases") or ()),
                bare_issuers=tuple(item.get("bare_issuers") or ()),
                only_issuers=tuple(_nfc(i) for i in item.get("only_issuers") or ()),
                example=_nfc(item["example"]) if item.get("example") else None,
            )
        )
    by_key: dict[str, DocType] = {}
    by_loose: dict[str, DocType] = {}
    state: dict[str, DocType] = {}
    party: dict[str, DocType] = {}
    for t in types:
        for name in (t.name, *t.aliases):
            by_key.setdefault(_key(name), t)
            by_loose.setdefault(_loose_key(name), t)
        if t.abbr:
            state.setdefault(t.abbr, t)
        party_abbr = t.abbr_for("party")
        if party_abbr:
            party.setdefault(party_abbr, t)
    return _Catalog(
        types=tuple(types),
        by_key=by_key,
        by_loose_key=by_loose,
        generic_keys=frozenset(_key(g) for g in raw.get("generic_names") or ()),
        issuers={_nfc(k): _nfc(v) for k, v in (raw.get("issuers") or {}).items()},
        state_abbrs=state,
        party_abbrs=party,
    )


def doc_types() -> tuple[DocType, ...]:
    """All document types, in the order of the data file."""
    return _catalog().types


def doc_type(name: str) -> DocType | None:
    """The type named ``name`` ("Quyết định", "quyết định", "QUYẾT ĐỊNH", "Quyet dinh"),
    or None. A trailing "số" is ignored ("Nghị định số")."""
    if not isinstance(name, str):
        return None
    key = _key(name)
    if key.endswith(" số"):
        key = key[:-3].rstrip()
    cat = _catalog()
    return cat.by_key.get(key) or cat.by_loose_key.get(_loose_key(key))


def doc_type_by_abbr(abbr: str, style: Style = "administrative") -> DocType | None:
    """The type whose symbol abbreviation is exactly ``abbr`` ("QĐ", "TTr") in that style."""
    cat = _catalog()
    table = cat.party_abbrs if style == "party" else cat.state_abbrs
    return table.get(abbr)


def issuer_name(code: str) -> str | None:
    """The body an issuer code stands for: "CP" → "Chính phủ", "QH14" → "Quốc hội"."""
    issuers = _catalog().issuers
    if code in issuers:
        return issuers[code]
    stem = code.rstrip("0123456789")
    return issuers.get(stem) if stem != code else None


# --------------------------------------------------------------------------- symbols


@dataclass(frozen=True)
class SymbolIssue:
    """Something wrong in a readable symbol. ``code`` is one of ``spacing``,
    ``missing_stroke`` (QD for QĐ), ``dash`` (– for -), ``case``, ``prefix`` ("Số:")."""

    code: str
    message: str


@dataclass(frozen=True)
class DocNumber:
    """A parsed number and symbol (số và ký hiệu)."""

    raw: str
    number: int
    number_text: str  # as written, "01"
    year: int | None
    type_abbr: str | None  # canonical ("QĐ" even when written "QD"); None for công văn, luật
    issuer: tuple[str, ...]  # ("UBND",), ("UBND", "VP"), ("BNV", "BTC"), ("QH14",)
    style: Style
    issues: tuple[SymbolIssue, ...] = ()

    @property
    def ok(self) -> bool:
        """True: a readable symbol (a :class:`ParseError` has ``ok`` False)."""
        return True

    @property
    def spacing_issue(self) -> bool:
        return any(i.code == "spacing" for i in self.issues)

    @property
    def normalized(self) -> str:
        """The symbol as it should be written: "233/QĐ-UBND", "30/2020/NĐ-CP", "14-NQ/TU"."""
        if self.style == "party":
            return f"{self.number_text}-{self.type_abbr}/{'-'.join(self.issuer)}"
        parts = [*([self.type_abbr] if self.type_abbr else []), *self.issuer]
        year = f"{self.year}/" if self.year is not None else ""
        return f"{self.number_text}/{year}{'-'.join(parts)}"

    def __str__(self) -> str:
        return self.normalized


@dataclass(frozen=True)
class ParseError:
    """A symbol that cannot be read, with the reason in Vietnamese."""

    raw: str
    reason: str

    @property
    def ok(self) -> bool:
        return False

    def __str__(self) -> str:
        return self.reason


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# a segment of a symbol; "&" joins two units of one issuer ("SNV-CCHC&PC", "BTTTT-PTTH&TTĐT")
_SEG_OK = re.compile(r"[A-Za-zĐđ0-9]+(?:&[A-Za-zĐđ0-9]+)*")
_MIXED_CASE_OK = frozenset({"TTg"})
_PREFIX = re.compile(r"^\s*(?:số|so)\s*[:.]?\s*", re.IGNORECASE)


def _resolve_abbr(seg: str, style: Style) -> tuple[str, SymbolIssue | None] | None:
    """Read ``seg`` as a type abbreviation: exact, then without the stroke of Đ (QD),
    then case-insensitive (TTR). Returns the canonical abbreviation and an issue."""
    cat = _catalog()
    table = cat.party_abbrs if style == "party" else cat.state_abbrs
    if seg in table:
        return seg, None
    # "QD" for "QĐ": only when the stroke-less spelling is not itself a type (DA, HD are).
    if "D" in seg or "d" in seg:
        for candidate in _stroke_variants(seg):
            if candidate in table:
                return candidate, SymbolIssue(
                    "missing_stroke",
                    f"“{seg}” thiếu nét ngang của chữ “Đ”: phải viết “{candidate}”"
                    f" ({table[candidate].name}).",
                )
    upper = {k.upper(): k for k in table}
    found = upper.get(seg.upper())
    if found is not None:
        return found, SymbolIssue(
            "case", f"Chữ viết tắt “{seg}” phải viết đúng là “{found}” ({table[found].name})."
        )
    return None


def _stroke_variants(seg: str) -> list[str]:
    positions = [i for i, c in enumerate(seg) if c in "Dd"]
    out = []
    for mask in range(1, 1 << min(len(positions), 3)):
        chars = list(seg)
        for bit, pos in enumerate(positions[:3]):
            if mask >> bit & 1:
                chars[pos] = "Đ" if chars[pos] == "D" else "đ"
        out.append("".join(chars))
    return out


def _proper_issuer_case(seg: str) -> str:
    """Issuer codes are upper case, except the few fixed mixed-case ones ("TTg")."""
    if seg in _MIXED_CASE_OK:
        return seg
    for known in _MIXED_CASE_OK:
        if seg.upper() == known.upper():
            return known
    return seg.upper()


def _is_known_issuer(seg: str) -> bool:
    issuers = _catalog().issuers
    return seg in issuers or seg.rstrip("0123456789") in issuers


def _glued(seg: str, style: Style) -> tuple[str, str] | None:
    """"QĐUBND" → ("QĐ", "UBND") when a type abbreviation is glued to a known issuer."""
    if _is_known_issuer(seg):
        return None
    cat = _catalog()
    table = cat.party_abbrs if style == "party" else cat.state_abbrs
    for written in (seg, *_stroke_variants(seg)):
        for abbr in sorted(table, key=len, reverse=True):
            rest = written[len(abbr):]
            if written.startswith(abbr) and len(rest) >= 2 and _is_known_issuer(rest):
                return abbr, rest
    return None


def parse_symbol(text: str) -> DocNumber | ParseError:
    """Parse a number and symbol ("233/QĐ-UBND", "30/2020/NĐ-CP", "14-NQ/TU").

    Never raises: an unreadable symbol gives a :class:`ParseError` whose ``reason`` says,
    in Vietnamese, what is wrong and how it should look.
    """
    if not isinstance(text, str):
        return ParseError(repr(text), "Số và ký hiệu văn bản phải là một chuỗi ký tự.")
    raw = text
    s = _nfc(text).strip()
    issues: list[SymbolIssue] = []
    if not s:
        return ParseError(raw, "Số và ký hiệu văn bản đang để trống (ví dụ đúng: “233/QĐ-UBND”).")
    m = _PREFIX.match(s)
    if m and m.end() < len(s) and s[m.end()].isdigit():
        s = s[m.end():]
    if any(d in s for d in _DASHES):
        s = re.sub(f"[{_DASHES}]", "-", s)
        issues.append(SymbolIssue("dash", "Dùng dấu gạch nối “-” trong ký hiệu, không dùng gạch dài “–”."))
    if re.search(r"\s", s):
        compact = re.sub(r"\s+", "", s)
        issues.append(
            SymbolIssue("spacing", f"Ký hiệu có khoảng trắng thừa: “{s}” phải viết liền “{compact}”.")
        )
        s = compact

    party = re.fullmatch(r"(\d+)-([^/\-]+)/(.+)", s)
    if party:
        num_text, abbr_seg, tail = party.groups()
        return _finish(raw, num_text, None, [abbr_seg, *tail.split("-")], "party", issues)

    state = re.fullmatch(r"(\d+)/(?:(\d+)/)?(.*)", s)
    if not state:
        return ParseError(raw, _explain_unreadable(s))
    num_text, year_text, tail = state.groups()
    if not tail:
        return ParseError(raw, f"Thiếu ký hiệu sau dấu “/” trong “{s}” (ví dụ đúng: “{num_text}/QĐ-UBND”).")
    if "/" in tail:
        return ParseError(raw, f"Ký hiệu “{s}” có quá nhiều dấu “/” (ví dụ đúng: “30/2020/NĐ-CP”).")
    style: Style = "normative" if year_text is not None else "administrative"
    return _finish(raw, num_text, year_text, tail.split("-"), style, issues)


def _explain_unreadable(s: str) -> str:
    if "/" in s:
        head = s.split("/", 1)[0]
        if not head:
            return f"Thiếu số văn bản trước dấu “/” trong “{s}” (ví dụ đúng: “233/QĐ-UBND”)."
        if not head.isdigit():
            return f"Số văn bản “{head}” phải là chữ số Ả Rập (ví dụ đúng: “233/QĐ-UBND”)."
    if re.fullmatch(r"\d+", s):
        return f"Chỉ có số “{s}” mà thiếu ký hiệu văn bản (ví dụ đúng: “{s}/QĐ-UBND”)."
    if re.fullmatch(r"[A-Za-zĐđ]+(?:-[A-Za-zĐđ0-9]+)+", s):
        return f"Thiếu số văn bản: “{s}” phải có số và dấu “/” ở trước, ví dụ “233/{s}”."
    return f"“{s}” không phải là số và ký hiệu văn bản (ví dụ đúng: “233/QĐ-UBND”, “30/2020/NĐ-CP”)."


def _finish(
    raw: str,
    num_text: str,
    year_text: str | None,
    segs: list[str],
    style: Style,
    issues: list[SymbolIssue],
) -> DocNumber | ParseError:
    shown = _nfc(raw).strip()
    if not num_text.isascii():
        return ParseError(raw, f"Số văn bản “{num_text}” phải là chữ số Ả Rập (0–9).")
    number = int(num_text)
    if number == 0:
        return ParseError(raw, f"Số văn bản trong “{shown}” phải lớn hơn 0.")
    year = None
    if year_text is not None:
        if len(year_text) != 4 or not year_text.isascii():
            return ParseError(
                raw, f"Năm ban hành “{year_text}” trong ký hiệu phải viết đủ 4 chữ số (ví dụ “30/2020/NĐ-CP”)."
            )
        year = int(year_text)
    if any(seg == "" for seg in segs):
        return ParseError(raw, f"Ký hiệu “{shown}” có dấu gạch nối “-” thừa hoặc đặt sai chỗ.")
    for seg in segs:
        if not _SEG_OK.fullmatch(seg):
            return ParseError(raw, f"Ký hiệu “{shown}” có ký tự không hợp lệ trong “{seg}”.")

    type_abbr: str | None = None
    first = segs[0]
    resolved = _resolve_abbr(first, style)
    if style == "party":
        if resolved is None:
            return ParseError(
                raw, f"“{first}” không phải chữ viết tắt loại văn bản của Đảng (ví dụ đúng: “14-NQ/TU”)."
            )
        type_abbr, issue = resolved
        issuer = segs[1:]
    elif len(segs) >= 2 and resolved is not None:
        type_abbr, issue = resolved
        issuer = segs[1:]
    elif len(segs) == 1 and resolved is not None and not _is_known_issuer(first):
        return ParseError(
            raw,
            f"Thiếu chữ viết tắt tên cơ quan ban hành sau “{first}”"
            f" (ví dụ đúng: “{num_text}/{resolved[0]}-UBND”).",
        )
    else:
        glued = _glued(first, style) if len(segs) == 1 else None
        if glued:
            abbr, rest = glued
            fixed = f"{num_text}/{year_text + '/' if year_text else ''}{abbr}-{rest}"
            return ParseError(
                raw, f"Thiếu dấu gạch nối giữa “{abbr}” và “{rest}”: phải viết “{fixed}”."
            )
        issue = None
        issuer = segs
    if issue is not None:
        issues.append(issue)
    canonical = []
    for seg in issuer:
        proper = _proper_issuer_case(seg)
        if proper != seg:
            issues.append(SymbolIssue("case", f"Tên viết tắt cơ quan “{seg}” trong ký hiệu phải viết là “{proper}”."))
        canonical.append(proper)
    issuer = canonical
    return DocNumber(
        raw=raw,
        number=number,
        number_text=num_text,
        year=year,
        type_abbr=type_abbr,
        issuer=tuple(issuer),
        style=style,
        issues=tuple(issues),
    )


def _as_number(symbol: Union[str, DocNumber, ParseError]) -> DocNumber | None:
    if isinstance(symbol, DocNumber):
        return symbol
    if isinstance(symbol, str):
        parsed = parse_symbol(symbol)
        return parsed if isinstance(parsed, DocNumber) else None
    return None


def types_of_symbol(symbol: Union[str, DocNumber]) -> tuple[DocType, ...]:
    """Every type the symbol can belong to, main one first ("59/2020/QH14" → Luật, Bộ
    luật, Nghị quyết). Empty when the symbol cannot be read."""
    num = _as_number(symbol)
    if num is None:
        return ()
    cat = _catalog()
    if num.type_abbr is not None:
        t = doc_type_by_abbr(num.type_abbr, num.style)
        return (t,) if t else ()
    if num.style == "party":
        return ()
    head = num.issuer[0] if num.issuer else ""
    matches = tuple(
        t for t in cat.types if any(re.fullmatch(p, head) for p in t.bare_issuers)
    )
    # A type that only ever has such symbols (Luật, Pháp lệnh) comes before one that
    # also has its own abbreviation (Nghị quyết).
    matches = tuple(sorted(matches, key=lambda t: t.abbr is not None))
    if matches:
        return matches
    cong_van = doc_type("Công văn")
    return (cong_van,) if cong_van else ()


def type_of_symbol(symbol: Union[str, DocNumber]) -> DocType | None:
    """The document type a symbol says: "233/QĐ-UBND" → Quyết định, "123/UBND-VP" →
    Công văn, "59/2020/QH14" → Luật (see :func:`types_of_symbol` for all candidates)."""
    found = types_of_symbol(symbol)
    return found[0] if found else None


def _describe_symbol_type(num: DocNumber, candidates: tuple[DocType, ...]) -> str:
    if num.type_abbr is not None and candidates:
        return f"{candidates[0].name} ({num.type_abbr})"
    if not candidates:
        return "không rõ loại văn bản"
    if len(candidates) == 1 and candidates[0].name == "Công văn":
        return "công văn (không có chữ viết tắt loại văn bản)"
    names = [c.name for c in candidates]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " hoặc " + names[-1]
    body = issuer_name(num.issuer[0]) if num.issuer else None
    return joined + (f" của {body}" if body else "")


def _expected_form(t: DocType, num: DocNumber) -> str:
    example = f", ví dụ “{t.example}”" if t.example else ""
    if num.style == "party" and "party" not in t.groups:
        return f"{t.name} là văn bản nhà nước, ký hiệu không theo dạng của Đảng{example}"
    if num.style != "party" and t.groups == ("party",):
        return f"{t.name} là văn bản của Đảng, ký hiệu dạng số-{t.party_abbr}/cơ quan{example}"
    abbr = t.abbr_for(num.style)
    if abbr is None:
        if t.name == "Công văn":
            return f"công văn không có chữ viết tắt loại văn bản trong ký hiệu{example}"
        return f"{t.name} có ký hiệu dạng số/năm/cơ quan{example}"
    if t.only_issuers:
        return f"{t.name} có ký hiệu {abbr}-{'/'.join(t.only_issuers)}{example}"
    return f"{t.name} phải có chữ viết tắt “{abbr}”{example}"


def check_type_matches(type_name: str, symbol: Union[str, DocNumber]) -> str | None:
    """The Vietnamese message when the type word before the number disagrees with the
    symbol, else None.

    ``check_type_matches("Nghị định", "61/2018/NQ-CP")`` → the symbol is a Nghị quyết's.
    Also reports a type abbreviation missing the stroke of Đ ("233/QD-UBND") and a
    Nghị định not issued by the Government ("NĐ-UBND"). An unknown type word, a generic
    word ("văn bản") or an unreadable symbol gives None: other rules report those.
    """
    if not isinstance(type_name, str):
        return None
    if _key(type_name) in _catalog().generic_keys:
        return None
    t = doc_type(type_name)
    num = _as_number(symbol)
    if t is None or num is None:
        return None
    shown = _nfc(num.raw).strip()
    candidates = types_of_symbol(num)
    if t in candidates:
        if t.only_issuers and num.type_abbr and num.issuer and num.issuer[0] not in t.only_issuers:
            bodies = ", ".join(issuer_name(i) or i for i in t.only_issuers)
            return (
                f"{t.name} chỉ do {bodies} ban hành: ký hiệu “{shown}” phải là"
                f" “{num.type_abbr}-{'/'.join(t.only_issuers)}”, không phải “{num.type_abbr}-{num.issuer[0]}”."
            )
        stroke = next((i for i in num.issues if i.code == "missing_stroke"), None)
        if stroke is not None:
            return f"Ký hiệu “{_nfc(num.raw).strip()}”: {stroke.message}"
        return None
    said = _describe_symbol_type(num, candidates)
    message = (
        f"Loại văn bản không khớp với ký hiệu: ký hiệu “{shown}” là của {said},"
        f" không phải {t.name}; {_expected_form(t, num)}."
    )
    expected = t.abbr_for(num.style)
    if expected and "Đ" in expected and num.type_abbr == expected.replace("Đ", "D"):
        message += f" Có thể đã gõ thiếu nét ngang của chữ “Đ” (“{num.type_abbr}” → “{expected}”)."
    return message


# --------------------------------------------------------------------------- dates


# --------------------------------------------------------------------------- citations


@dataclass(frozen=True)
class Citation:
    """A document cited in running text ("Quyết định số 2250/QĐ-UBND ngày 09/12/2022 của
    UBND tỉnh"). Offsets are into the text given to :func:`find_citations`; spans are
    ``(start, end)``. ``type_name`` is as written (None for a bare symbol such as the
    header's "Số: 233/QĐ-UBND"); a law cited by name has ``title`` and maybe no symbol."""

    start: int
    end: int
    text: str
    type_name: str | None
    doc_type: DocType | None
    symbol: str | None
    symbol_span: tuple[int, int] | None
    number: DocNumber | ParseError | None
    date: dt.date | None
    date_text: str | None
    date_span: tuple[int, int] | None
    date_error: str | None
    issuer: str | None
    issuer_span: tuple[int, int] | None
    title: str | None = None
    type_mismatch: str | None = None
    subject: str | None = None  # what the document is about, as written after it ("về …", "ban hành …")
    subject_span: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        """Where the whole citation is written, its subject included."""
        return (self.start, self.subject_span[1] if self.subject_span else self.end)


_SEG1 = r"[A-ZĐ](?:[A-ZĐ0-9]|[a-zđ](?![a-zđ]))*"
_SEG = rf"{_SEG1}(?:&{_SEG1})*"
_HY = r"[ \t]*[-\u2013\u2014][ \t]*"
_SYMBOL = (
    rf"(?:\d{{1,6}}[ \t]*/[ \t]*(?:\d{{2,4}}[ \t]*/[ \t]*)?{_SEG}(?:{_HY}{_SEG})*"
    rf"|\d{{1,6}}{_HY}{_SEG}[ \t]*/[ \t]*{_SEG}(?:[-\u2013]{_SEG})*)(?![\w/])"
)
_DATE_IN_TEXT = (
    r"[0-9]{1,2}[ \t]*[/.\-][ \t]*[0-9]{1,2}[ \t]*[/.\-][ \t]*[0-9]{2,4}(?![0-9])"
    r"|[0-9]{1,2}[ \t]+tháng[ \t]+[0-9]{1,2}[ \t]*,?[ \t]+năm[ \t]+[0-9]{2,4}(?![0-9])"
)
_AFTER_DATE = re.compile(rf"[ \t]*,?[ \t]*(?:ban hành[ \t]+)?ngày[ \t]+(?P<date>{_DATE_IN_TEXT})", re.IGNORECASE)
_AFTER_OF = re.compile(r"[ \t]*,?[ \t]*\n?[ \t]*của[ \t]+", re.IGNORECASE)
_BARE_SYMBOL = re.compile(rf"(?<![\w/\-]){_SYMBOL}")

# Words that end an issuer after "của": the verb or topic that follows it.
_ISSUER_STOP_WORDS = frozenset(
    "về và tại theo với để nhằm trên cho đã đối là được kèm ngày số năm trong giai đến thì có"
    " v/v như từ sau".split()
)
_ISSUER_STOP_PAIRS = frozenset(
    {
        ("ban", "hành"), ("phê", "duyệt"), ("quy", "định"), ("sửa", "đổi"), ("hướng", "dẫn"),
        ("triển", "khai"), ("thực", "hiện"), ("tổ", "chức"), ("đẩy", "mạnh"), ("chỉ", "đạo"),
        ("kế", "hoạch"), ("bổ", "sung"), ("công", "bố"), ("thông", "qua"), ("giao", "nhiệm"),
    }
)
_ISSUER_WORD = re.compile(r"[^\s,;.:()\[\]“”\"'!?]+")
_ISSUER_MAX_WORDS = 12


@functools.cache
def _citation_regex() -> re.Pattern[str]:
    cat = _catalog()
    names = {t.name for t in cat.types} | {a for t in cat.types for a in t.aliases}
    names |= {g for g in cat.generic_keys}
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?<![\w])(?P<type>(?i:{alts}))(?:[ \t]+(?i:số)[ \t]*:?)?[ \t]*(?P<symbol>{_SYMBOL})"
    )


_LAW_HEAD = re.compile(r"(?<![\w])(?P<type>Bộ luật|Luật|BỘ LUẬT|LUẬT)[ \t]+")
_LAW_WINDOW_END = re.compile(r"[;()\n]|\.(?![0-9])")
_LAW_SYMBOL = re.compile(rf"[ \t,]+(?:(?i:số)[ \t]*:?[ \t]*)?(?P<symbol>{_SYMBOL})")
_LAW_DATE = re.compile(rf"[ \t,]+ngày[ \t]+(?:{_DATE_IN_TEXT})", re.IGNORECASE)


def _starts_document(text: str, pos: int) -> bool:
    """Does a document type start at pos ("Đề án …", "Quyết định số …"), cited or only named?"""
    if _citation_regex().match(text, pos) or _LAW_HEAD.match(text, pos):
        return True
    words = _ISSUER_WORD.findall(text[pos:pos + 40])[:3]
    return any(doc_type(" ".join(words[:n])) is not None for n in (1, 2, 3) if len(words) >= n)


def _read_issuer(text: str, pos: int) -> tuple[str, tuple[int, int]] | None:
    """The issuer named after "của": words up to punctuation, a stop word (the verb or
    topic that follows: "về", "ban hành", "phê duyệt"…) or the next citation."""
    words: list[re.Match[str]] = []
    i = pos
    while len(words) < _ISSUER_MAX_WORDS:
        while i < len(text) and text[i] in " \t":
            i += 1
        m = _ISSUER_WORD.match(text, i)
        if not m:
            break
        word = m.group()
        low = word.casefold()
        if low == "và" and words and m.end() < len(text) and text[m.end()] == " ":
            nxt = _ISSUER_WORD.match(text, m.end() + 1)
            if nxt and nxt.group()[:1].isupper() and not _starts_document(text, nxt.start()):
                words.append(m)  # "Sở Thông tin và Truyền thông": "và" inside the name
                i = m.end()
                continue
        if low in _ISSUER_STOP_WORDS:
            break
        if word == low and m.end() < len(text) and text[m.end()] == " ":
            nxt = _ISSUER_WORD.match(text, m.end() + 1)
            if nxt and (low, nxt.group().casefold()) in _ISSUER_STOP_PAIRS:
                break
        if words and (_citation_regex().match(text, m.start()) or _LAW_HEAD.match(text, m.start())):
            break
        words.append(m)
        i = m.end()
    if not words:
        return None
    start, end = words[0].start(), words[-1].end()
    return text[start:end], (start, end)


def _read_tail(text: str, pos: int) -> tuple[int, dict]:
    """Date and issuer after a symbol, in either order. Returns the end and the fields."""
    out: dict = {}
    m = _AFTER_DATE.match(text, pos)
    if m:
        out["date_text"], out["date_span"] = m["date"], m.span("date")
        pos = m.end()
    of = _AFTER_OF.match(text, pos)
    if of:
        got = _read_issuer(text, of.end())
        if got:
            out["issuer"], out["issuer_span"] = got
            pos = got[1][1]
            if "date_text" not in out and (m := _AFTER_DATE.match(text, pos)):
                out["date_text"], out["date_span"] = m["date"], m.span("date")
                pos = m.end()
    if "date_text" in out:
        parsed = parse_vn_date(out["date_text"])
        if isinstance(parsed, DateError):
            out["date"], out["date_error"] = None, parsed.explanation
        else:
            out["date"] = parsed
    return pos, out


def _make(text: str, start: int, end: int, **fields) -> Citation:
    base = dict(
        type_name=None, doc_type=None, symbol=None, symbol_span=None, number=None, date=None,
        date_text=None, date_span=None, date_error=None, issuer=None, issuer_span=None,
    )
    base.update(fields)
    return Citation(start=start, end=end, text=text[start:end], **base)


def find_citations(text: str) -> list[Citation]:
    """Every document cited in ``text``, in order of position.

    Finds "<loại> [số] <ký hiệu> [ngày <ngày>] [của <cơ quan>]" for every type of the data
    file (and "văn bản"), laws cited by name ("Luật Tổ chức chính quyền địa phương ngày
    19/6/2015", "Luật Doanh nghiệp số 59/2020/QH14"), and bare symbols ("Số: 233/QĐ-UBND").
    Never raises.
    """
    if not isinstance(text, str) or not text:
        return []
    if "/" not in text and "luật" not in text.lower():  # every citation has one or the other
        return []
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add(c: Citation) -> None:
        found.append(c)
        taken.append((c.start, c.end))

    for m in _citation_regex().finditer(text):
        type_name, symbol = m["type"], m["symbol"]
        end, tail = _read_tail(text, m.end())
        number = parse_symbol(symbol)
        generic = _key(type_name) in _catalog().generic_keys
        add(
            _make(
                text, m.start(), end, type_name=type_name,
                doc_type=None if generic else doc_type(type_name),
                symbol=symbol, symbol_span=m.span("symbol"), number=number,
                type_mismatch=check_type_matches(type_name, number) if number.ok else None,
                **tail,
            )
        )

    for m in _LAW_HEAD.finditer(text):
        if not free(m.start(), m.end()):
            continue
        stop = _LAW_WINDOW_END.search(text, m.end())
        window_end = min(stop.start() if stop else len(text), m.end() + 250)
        sym = _LAW_SYMBOL.search(text, m.end(), window_end)
        date = _LAW_DATE.search(text, m.end(), window_end)
        hit = min((h for h in (sym, date) if h), key=lambda h: h.start(), default=None)
        if hit is None:
            continue
        title = text[m.end():hit.start()].strip(" \t,")
        if not title:
            continue
        fields: dict = {}
        if hit is sym:
            symbol = sym["symbol"]
            number = parse_symbol(symbol)
            fields = dict(
                symbol=symbol, symbol_span=sym.span("symbol"), number=number,
                type_mismatch=check_type_matches(m["type"], number) if number.ok else None,
            )
            end, tail = _read_tail(text, sym.end())
        else:
            end, tail = _read_tail(text, hit.start())
        if not free(m.start(), end):
            continue
        add(_make(text, m.start(), end, type_name=m["type"], doc_type=doc_type(m["type"]),
                  title=title, **fields, **tail))

    for m in _BARE_SYMBOL.finditer(text):
        if not free(m.start(), m.end()):
            continue
        end, tail = _read_tail(text, m.end())
        add(_make(text, m.start(), end, symbol=m.group(), symbol_span=m.span(),
                  number=parse_symbol(m.group()), **tail))

    found.sort(key=lambda c: c.start)
    return _with_subjects(text, found)


# the subject runs to the end of the clause: ";", a line break, a full stop, a bracket
_SUBJECT_END = re.compile(r"[;\n()]|\.(?![0-9])(?=\s|$)|\s+(?:và|,)\s+(?=(?i:căn cứ|theo)\b)")
_SUBJECT_MAX = 300


def _with_subjects(text: str, found: list[Citation]) -> list[Citation]:
    """Each citation with the subject written after it ("… của UBND tỉnh về cải cách hành chính"),
    up to the end of the clause or the next citation; a law cited by name has its name instead."""
    import dataclasses

    out = []
    for i, c in enumerate(found):
        limit = found[i + 1].start if i + 1 < len(found) else len(text)
        limit = min(limit, c.end + _SUBJECT_MAX)
        stop = _SUBJECT_END.search(text, c.end, limit)
        end = stop.start() if stop else limit
        a = c.end
        while a < end and text[a] in " \t,":
            a += 1
        b = end
        while b > a and text[b - 1] in " \t,:;":
            b -= 1
        words = text[a:b].split()
        if c.title is None and len(words) >= 2 and (words[0][:1].islower() or words[0].casefold() in ("về", "v/v")):
            c = dataclasses.replace(c, subject=text[a:b], subject_span=(a, b))
        out.append(c)
    return out
