"""Text hygiene: Unicode NFC, legacy Vietnamese encodings, typos of fixed terms, spaces.

Pure helpers for the "text" lint rules and for ``tt lint --fix``. Nothing here raises on
text; offsets are always into the string given.

* :func:`check_nfc` — is the text Unicode NFC (TCVN 6909:2001 asks for precomposed
  letters), and where does the first decomposed run start ("Tuye\\u0302n").
* :func:`detect_legacy_encoding` — Vietnamese typed with a legacy font encoding and read
  as Unicode: TCVN3/ABC ("Tuyªn truyÒn c¶i c¸ch") or VNI ("Tuyeân truyeàn caûi caùch").
  Returns the encoding and the likely decoded text, or None for normal Vietnamese,
  English or French.
* :func:`find_typos` — known misspellings of fixed administrative terms, from
  ``data/typos.yaml`` plus a repository's own entries ("Truyền truyền" → "Tuyên truyền").
* :func:`find_space_issues` — doubled, leading, trailing spaces, a space before
  , ; . : ) or after (, and a missing space after , ;.
* :func:`fix_text` and the ``fix_*`` helpers apply those fixes and return the new text.

The legacy tables
-----------------
Both encodings are single-byte; mojibake is what their bytes look like read as Latin-1
(or Windows-1252, identical from 0xA0 up). The tables below are generated from the
published layouts (TCVN 5712:1993 "VN3", the ABC fonts .VnTime; VNI-Windows fonts) for
all 134 Vietnamese letters with diacritics (67 lower case, 67 upper case):

* TCVN3 gives every lower-case letter one byte (``_TCVN3_LOWER``: for each vowel, the
  six tones in the order ngang, huyền, sắc, hỏi, ngã, nặng). Upper case has bytes only
  for Ă Â Ê Ô Ơ Ư Đ; the other capitals are typed with the lower-case byte in the capital
  font (.VnTimeH), so decoding gives a lower-case letter that :func:`decode_legacy`
  raises to upper case when the word around it is in capitals ("KÕ HO¹CH" → "KẾ HOẠCH").
* VNI writes a base letter followed by modifier bytes: tones ù ø û õ ï (sắc, huyền, hỏi,
  ngã, nặng), circumflex series â á à å ã ä, breve series ê é è ú ü ë; ơ ư đ are ô ö ñ;
  i with tones is í ì æ ó ò; ỵ is î. Capitals use the capital modifiers (AÙ = Á).

Detection decodes each word both ways and counts the words that are not Vietnamese as
they stand but become valid Vietnamese syllables once decoded (a small phonotactic check:
onset, rhyme, one tone, stop endings only with sắc/nặng).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol, Union

__all__ = [
    "LegacyEncoding",
    "NfcReport",
    "SpaceIssue",
    "Typo",
    "TypoDataError",
    "TypoEntry",
    "apply_edits",
    "builtin_typos",
    "check_nfc",
    "decode_legacy",
    "detect_legacy_encoding",
    "encode_legacy",
    "find_space_issues",
    "find_typos",
    "fix_nfc",
    "fix_spaces",
    "fix_text",
    "fix_typos",
    "find_inner_capitals",
    "find_name_dashes",
    "find_placeholders",
    "find_terms",
    "find_unaccented",
    "looks_unaccented",
    "other_tone_style",
    "tone_key",
    "is_vietnamese_syllable",
    "typos_from_data",
]

Encoding = Literal["TCVN3", "VNI"]


# =========================================================================== NFC


@dataclass(frozen=True)
class NfcReport:
    """Whether a text is NFC; if not, the first run that changes under NFC."""

    is_nfc: bool
    start: int | None = None
    end: int | None = None
    found: str | None = None  # text[start:end] as written
    expected: str | None = None  # its NFC form

    @property
    def ok(self) -> bool:
        return self.is_nfc

    @property
    def message(self) -> str | None:
        if self.is_nfc:
            return None
        points = " ".join(f"U+{ord(c):04X}" for c in self.found or "")
        return (
            f"Văn bản không ở dạng Unicode dựng sẵn (NFC): “{self.found}” ({points})"
            f" phải là “{self.expected}”."
        )


def _chunks(text: str) -> list[tuple[int, int]]:
    """Spans that NFC can normalize one by one: a starter and its combining marks,
    merged with the next span when the two compose together (Hangul, some Indic)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(text)):
        if not unicodedata.combining(text[i]):
            spans.append((start, i))
            start = i
    if text:
        spans.append((start, len(text)))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged:
            pa, pb = merged[-1]
            joined = unicodedata.normalize("NFC", text[pa:b])
            separate = unicodedata.normalize("NFC", text[pa:pb]) + unicodedata.normalize("NFC", text[a:b])
            if joined != separate:
                merged[-1] = (pa, b)
                continue
        merged.append((a, b))
    return merged


def check_nfc(text: str) -> NfcReport:
    """Is ``text`` Unicode NFC? If not, the offsets of the first run that is not."""
    if not isinstance(text, str) or unicodedata.is_normalized("NFC", text):
        return NfcReport(True)
    run: tuple[int, int] | None = None
    for a, b in _chunks(text):
        bad = not unicodedata.is_normalized("NFC", text[a:b])
        if bad and run is None:
            run = (a, b)
        elif bad and run is not None and run[1] == a:
            run = (run[0], b)
        elif run is not None:
            break
    if run is None:  # pragma: no cover - is_normalized said otherwise
        return NfcReport(True)
    a, b = run
    return NfcReport(False, a, b, text[a:b], unicodedata.normalize("NFC", text[a:b]))


def fix_nfc(text: str) -> str:
    """The text in Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC text and, when it differs, for each of its offsets the original offset."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    index: list[int] = []
    for a, b in _chunks(text):
        seg = unicodedata.normalize("NFC", text[a:b])
        out.append(seg)
        index.extend([a] * len(seg))
    index.append(len(text))
    return "".join(out), index


# =========================================================================== syllables

_TONE_MARKS = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx]"
_OPEN_RHYME = (
    "uôi|ươi|ươu|iêu|yêu|oai|oay|oao|oeo|uây|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi"
    "|ua|ui|ưa|ưi|ưu|uơ|oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y"
)
_CLOSED_NUCLEUS = "uyê|iê|yê|uô|ươ|oă|oa|oe|oo|uâ|uê|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư"
_SYLLABLE = re.compile(
    rf"(?P<on>{_ONSET})?(?:(?P<open>{_OPEN_RHYME})|(?P<nuc>{_CLOSED_NUCLEUS})(?P<coda>ch|nh|ng|c|m|n|p|t))"
)
_FRONT = ("i", "e", "ê", "y")
_VN_LOWER_LETTERS = frozenset(
    "abcdđefghijklmnopqrstuvwxyz"
    + "".join(
        unicodedata.normalize("NFC", v + t)
        for v in ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")
        for t in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    )
)


@functools.lru_cache(maxsize=65536)
def is_vietnamese_syllable(word: str) -> bool:
    """Is ``word`` (any case) a possible Vietnamese syllable, such as "truyền", "Nguyễn",
    "hoá"? A phonotactic check, not a dictionary: onset + rhyme, at most one tone,
    endings c/ch/p/t only with sắc or nặng, k/gh/ngh only before i, e, ê, y."""
    if not isinstance(word, str):
        return False
    lower = unicodedata.normalize("NFC", word.lower())
    if not all(c in _VN_LOWER_LETTERS for c in lower):
        return False
    decomposed = unicodedata.normalize("NFD", lower)
    tones = [c for c in decomposed if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(base)
    if not m:
        return False
    onset = m["on"] or ""
    rhyme = m["open"] or m["nuc"]
    coda = m["coda"] or ""
    if coda in ("c", "ch", "p", "t") and (not tones or _TONE_MARKS[tones[0]] not in ("sắc", "nặng")):
        return False
    if coda in ("ch", "nh") and not rhyme.endswith(("a", "ê", "i", "y")):
        return False
    front = rhyme.startswith(_FRONT)
    if onset in ("k", "gh", "ngh") and not front:
        return False
    if onset in ("c", "ng") and front:
        return False
    if onset == "g" and rhyme.startswith(("e", "ê")):
        return False
    if onset == "qu" and rhyme.startswith(("u", "ư")):
        return False
    return True


def _case_consistent(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return all(c.islower() for c in letters[1:]) or all(c.isupper() for c in letters)


@functools.lru_cache(maxsize=65536)
def _valid_as_is(word: str) -> bool:
    return _case_consistent(word) and is_vietnamese_syllable(word)


# =========================================================================== legacy tables

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")

# TCVN3 (ABC): the byte of each lower-case letter, tones in the order of _TONES.
_TCVN3_LOWER = {
    "a": "a\xb5\xb8\xb6\xb7\xb9",
    "ă": "\xa8\xbb\xbe\xbc\xbd\xc6",
    "â": "\xa9\xc7\xca\xc8\xc9\xcb",
    "e": "e\xcc\xd0\xce\xcf\xd1",
    "ê": "\xaa\xd2\xd5\xd3\xd4\xd6",
    "i": "i\xd7\xdd\xd8\xdc\xde",
    "o": "o\xdf\xe3\xe1\xe2\xe4",
    "ô": "\xab\xe5\xe8\xe6\xe7\xe9",
    "ơ": "\xac\xea\xed\xeb\xec\xee",
    "u": "u\xef\xf3\xf1\xf2\xf4",
    "ư": "\xad\xf5\xf8\xf6\xf7\xf9",
    "y": "y\xfa\xfd\xfb\xfc\xfe",
}
_TCVN3_OTHER = {"đ": "\xae", "Ă": "\xa1", "Â": "\xa2", "Ê": "\xa3", "Ô": "\xa4", "Ơ": "\xa5", "Ư": "\xa6", "Đ": "\xa7"}

# VNI-Windows modifiers, tones in the order of _TONES.
_VNI_TONE = ("", "ø", "ù", "û", "õ", "ï")
_VNI_CIRCUMFLEX = ("â", "à", "á", "å", "ã", "ä")
_VNI_BREVE = ("ê", "è", "é", "ú", "ü", "ë")
_VNI_I = ("i", "ì", "í", "æ", "ó", "ò")


def _letter(vowel: str, tone_index: int) -> str:
    return unicodedata.normalize("NFC", vowel + _TONES[tone_index])


def _vni_lower(vowel: str, t: int) -> str:
    if vowel in ("a", "e", "o", "u"):
        return vowel + _VNI_TONE[t]
    if vowel == "y":
        return "î" if t == 5 else "y" + _VNI_TONE[t]
    if vowel in ("â", "ê", "ô"):
        return {"â": "a", "ê": "e", "ô": "o"}[vowel] + _VNI_CIRCUMFLEX[t]
    if vowel == "ă":
        return "a" + _VNI_BREVE[t]
    if vowel == "ơ":
        return "ô" + _VNI_TONE[t]
    if vowel == "ư":
        return "ö" + _VNI_TONE[t]
    return _VNI_I[t]  # i


@functools.cache
def _tables() -> dict[str, dict[str, str]]:
    """Encode (letter → legacy) and decode (legacy → letter) tables for both encodings."""
    tcvn_enc: dict[str, str] = {}
    vni_enc: dict[str, str] = {}
    for vowel in _VOWELS:
        for t in range(6):
            lower = _letter(vowel, t)
            tcvn_enc[lower] = _TCVN3_LOWER[vowel][t]
            vni_enc[lower] = _vni_lower(vowel, t)
            vni_enc[lower.upper()] = _vni_lower(vowel, t).upper()
    tcvn_enc.update(_TCVN3_OTHER)
    for lower in [k for k in tcvn_enc if not k.isascii()]:
        # Capitals without a TCVN3 byte are typed with the lower-case byte (capital font).
        tcvn_enc.setdefault(lower.upper(), tcvn_enc[lower])
    vni_enc["đ"], vni_enc["Đ"] = "ñ", "Ñ"
    tcvn_dec = {v: k for k, v in tcvn_enc.items() if k.islower() or k in _TCVN3_OTHER}
    vni_dec: dict[str, str] = {}
    for letter, seq in vni_enc.items():
        vni_dec.setdefault(seq, letter)
    for seq, letter in list(vni_dec.items()):
        if len(seq) == 2:  # base and modifier in different case ("Aù"): follow the base
            variant = seq[0] + seq[1].swapcase()
            vni_dec.setdefault(variant, letter.upper() if seq[0].isupper() else letter.lower())
    for table in (tcvn_enc, vni_enc, tcvn_dec, vni_dec):
        for k in [k for k, v in table.items() if k == v]:
            del table[k]
    return {"TCVN3_enc": tcvn_enc, "VNI_enc": vni_enc, "TCVN3_dec": tcvn_dec, "VNI_dec": vni_dec}


def encode_legacy(text: str, encoding: Encoding) -> str:
    """Vietnamese text as it looks when typed in a legacy encoding and read as Latin-1:
    ``encode_legacy("Tuyên truyền", "TCVN3") == "Tuyªn truyÒn"``. For tests and examples."""
    table = _tables()[f"{encoding}_enc"]
    return "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text))


def _decode_word(word: str, encoding: Encoding) -> str:
    table = _tables()[f"{encoding}_dec"]
    if encoding == "TCVN3":
        return "".join(table.get(c, c) for c in word)
    out: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if len(pair) == 2 and pair in table:
            out.append(table[pair])
            i += 2
        else:
            out.append(table.get(word[i], word[i]))
            i += 1
    return "".join(out)


_TOKEN = re.compile(r"(?:[^\W\d_]|[\u00a1-\u00ff\u0300-\u036f])+")
_TCVN3_CAPITAL_BYTES = frozenset(_TCVN3_OTHER[k] for k in "ĂÂÊÔƠƯĐ")


def _ascii_letters(word: str) -> str:
    return "".join(c for c in word if c.isascii() and c.isalpha())


def _is_caps_word(word: str) -> bool:
    letters = _ascii_letters(word)
    return len(letters) >= 2 and letters.isupper()


def _decode_tokens(text: str, encoding: Encoding) -> list[tuple[re.Match[str], str, bool]]:
    """Each word token, its decoding, and whether it is evidence of the encoding."""
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        if word.isascii():
            out.append((m, word, False))
            continue
        decoded = _decode_word(word, encoding)
        evidence = (
            decoded != word
            and bool(_ascii_letters(word))
            and not _valid_as_is(word)
            and is_vietnamese_syllable(decoded)
        )
        out.append((m, decoded, evidence))
    return out


def decode_legacy(text: str, encoding: Encoding) -> str:
    """Decode ``text`` from a legacy encoding read as Latin-1.

    A text with no letter beyond Latin-1 is decoded as a whole. A mixed text (some words
    already in Unicode, "Kế hoạch tuyªn truyÒn") is decoded word by word: a word is
    decoded when it is not Vietnamese as it stands. TCVN3 capitals are restored from the
    case of the word and its neighbours."""
    if not isinstance(text, str):
        return text
    whole = not any(ord(c) > 0xFF and c.isalpha() for c in text)
    tokens = _decode_tokens(text, encoding)
    pieces: list[str] = []
    last = 0
    for k, (m, decoded, _evidence) in enumerate(tokens):
        word = m.group()
        use = word
        if decoded != word and (whole or not _valid_as_is(word)):
            use = decoded
        if encoding == "TCVN3" and (use != word or whole):
            use = _restore_caps(word, use, tokens, k, text, m.start())
        pieces.append(text[last:m.start()])
        pieces.append(use)
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


_HAS_TCVN3_CAPITAL = frozenset("ăâêôơưđ")


def _at_sentence_start(text: str, pos: int) -> bool:
    """Is ``pos`` the start of the text, of a line, of a sentence or of a bullet?"""
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] in ".!?:\n\r":
        return True
    if text[i - 1] in "-+•*":
        j = i - 1
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        return j == 0 or text[j - 1] in "\n\r"
    return False


def _restore_caps(word: str, decoded: str, tokens: list, k: int, text: str, pos: int) -> str:
    letters = _ascii_letters(word)
    first = decoded[:1]
    if (
        first.islower()
        and not first.isascii()
        and first not in _HAS_TCVN3_CAPITAL
        and _at_sentence_start(text, pos)
    ):
        # A capital toned vowel has no TCVN3 byte: at the start of a sentence or of a
        # bullet it was one ("ñy ban" → "Ủy ban").
        decoded = first.upper() + decoded[1:]
    if letters and letters.islower():
        return decoded
    if _is_caps_word(word) or (not letters and any(c in _TCVN3_CAPITAL_BYTES for c in word[1:])):
        return decoded.upper()
    if len(letters) == 1 and letters.isupper():
        # "KÕ HO¹CH": a one-letter capital word in a line of capitals. Acronyms (CBCCVC)
        # do not count as capitals of Vietnamese words.
        for j in (k - 1, k + 1):
            if 0 <= j < len(tokens):
                near, near_decoded = tokens[j][0].group(), tokens[j][1]
                if _is_caps_word(near) and is_vietnamese_syllable(near_decoded):
                    return decoded.upper()
    return decoded


@dataclass(frozen=True)
class LegacyEncoding:
    """Text that looks like Vietnamese typed in a legacy encoding."""

    encoding: Encoding
    decoded: str  # the likely intended text
    start: int  # first suspicious word
    end: int
    evidence: tuple[str, ...]  # distinct words that read as Vietnamese once decoded

    @property
    def message(self) -> str:
        name = "TCVN3 (ABC)" if self.encoding == "TCVN3" else "VNI"
        sample = ", ".join(f"“{w}”" for w in self.evidence[:3])
        return (
            f"Văn bản có vẻ được gõ bằng bảng mã cũ {name} thay vì Unicode ({sample}…);"
            " hãy chuyển sang Unicode dựng sẵn."
        )


def _score(text: str, encoding: Encoding) -> tuple[int, int, LegacyEncoding | None]:
    tokens = _decode_tokens(text, encoding)
    evidence = [(m, decoded) for m, decoded, ev in tokens if ev]
    if not evidence:
        return 0, 0, None
    distinct = list(dict.fromkeys(m.group() for m, _ in evidence))
    strong = {m.group() for m, decoded in evidence if any(ord(c) > 0xFF for c in decoded)}
    considered = [
        (m, decoded, ev)
        for m, decoded, ev in tokens
        if not (m.group().isascii() and (_is_caps_word(m.group()) or len(m.group()) == 1))
    ]
    readable = sum(1 for m, decoded, ev in considered if ev or _valid_as_is(m.group()))
    ratio = readable / len(considered) if considered else 0.0
    lone_ok = len(considered) <= 3 and any(len(d) >= 3 for _, d in evidence)
    flagged = bool(strong) and ratio >= 0.6 and (len(distinct) >= 2 or lone_ok)
    if not flagged:
        return len(distinct), len(strong), None
    first = evidence[0][0]
    found = LegacyEncoding(encoding, decode_legacy(text, encoding), first.start(), first.end(), tuple(distinct))
    return len(distinct), len(strong), found


def detect_legacy_encoding(text: str) -> LegacyEncoding | None:
    """Detect Vietnamese typed in TCVN3 (ABC) or VNI and shown as mojibake.

    Returns the encoding, the likely decoded text and the first suspicious word; None for
    normal Vietnamese (NFC or not), English, French. A word counts as evidence when it is
    not Vietnamese as written but is once decoded; the text is flagged when such words
    include a letter outside Latin-1 (ề, ư, đ…), make up most of the text, and there are
    at least two of them (or the text is only a few words long).
    """
    if not isinstance(text, str) or text.isascii():
        return None
    # Fast path: normal Vietnamese has no word that is both non-ASCII and not a syllable.
    if all(
        w.isascii() or _valid_as_is(w) or not _ascii_letters(w)
        for w in _TOKEN.findall(text)
    ):
        return None
    best: tuple[int, int, LegacyEncoding | None] = (0, 0, None)
    for encoding in ("TCVN3", "VNI"):
        score = _score(text, encoding)  # type: ignore[arg-type]
        if score[2] is not None and (best[2] is None or score[:2] > best[:2]):
            best = score
    return best[2]


# =========================================================================== typos


class TypoDataError(ValueError):
    """A typo data file or entry is malformed (message in Vietnamese)."""


@dataclass(frozen=True)
class TypoEntry:
    """One known misspelling: ``wrong`` → ``right``."""

    wrong: str
    right: str
    whole_word: bool = True
    case_sensitive: bool = False
    note: str | None = None


@dataclass(frozen=True)
class Typo:
    """A misspelling found in a text: ``text[start:end] == wrong``; ``right`` replaces it
    (with the case of its first letter adapted to the text)."""

    start: int
    end: int
    wrong: str
    right: str
    note: str | None = None

    @property
    def replacement(self) -> str:
        return self.right

    @property
    def message(self) -> str:
        note = f" {self.note}" if self.note else ""
        return f"Sai chính tả: “{self.wrong}” phải viết là “{self.right}”.{note}"


def _entry(item: Any, where: str) -> TypoEntry:
    if isinstance(item, TypoEntry):
        return item
    if not isinstance(item, Mapping):
        raise TypoDataError(f"{where}: mỗi mục phải có dạng “wrong: …, right: …”.")
    wrong, right = item.get("wrong"), item.get("right")
    if not isinstance(wrong, str) or not wrong.strip():
        raise TypoDataError(f"{where}: thiếu “wrong” (cách viết sai).")
    if not isinstance(right, str):
        raise TypoDataError(f"{where}: thiếu “right” (cách viết đúng) cho “{wrong}”.")
    unknown = set(item) - {"wrong", "right", "whole_word", "case_sensitive", "note"}
    if unknown:
        raise TypoDataError(f"{where}: khóa không hợp lệ {', '.join(sorted(map(str, unknown)))}.")
    note = item.get("note")
    return TypoEntry(
        wrong=unicodedata.normalize("NFC", wrong.strip()),
        right=unicodedata.normalize("NFC", right),
        whole_word=bool(item.get("whole_word", True)),
        case_sensitive=bool(item.get("case_sensitive", False)),
        note=unicodedata.normalize("NFC", note) if isinstance(note, str) else None,
    )


def _entries(data: Any, where: str) -> tuple[TypoEntry, ...]:
    if data is None:
        return ()
    if isinstance(data, Mapping):
        data = data.get("typos") or ()
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise TypoDataError(f"{where}: “typos” phải là một danh sách.")
    return tuple(_entry(item, f"{where}, mục {i + 1}") for i, item in enumerate(data))


def _safe_load(text: str):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@functools.cache
def builtin_typos() -> tuple[TypoEntry, ...]:
    """The entries of the package's ``data/typos.yaml``."""
    import yaml  # only when first needed
    from importlib.resources import files

    raw = _safe_load(files("tuyentruyen.data").joinpath("typos.yaml").read_text("utf-8"))
    return _entries(raw, "typos.yaml")


def typos_from_data(raw: Any, where: str) -> tuple[TypoEntry, ...]:
    """Entries of a repository's own typo list (same format as ``data/typos.yaml``), already
    parsed from YAML (reading the file is tuyentruyen.project.config's job). Raises
    :class:`TypoDataError` when an entry is malformed."""
    return _entries(raw, where)


def _entry_key(e: TypoEntry) -> str:
    return e.wrong if e.case_sensitive else e.wrong.casefold()


@dataclass(frozen=True)
class _CompiledTypo:
    entry: TypoEntry
    key: str  # a lower-case word of ``wrong`` that any match must contain
    pattern: re.Pattern[str]


@functools.lru_cache(maxsize=64)
def _typo_matchers(entries: tuple[TypoEntry, ...]) -> tuple[_CompiledTypo, ...]:
    chosen: dict[str, TypoEntry] = {}
    for e in entries:  # later entries (a repository's own) override earlier ones
        chosen[_entry_key(e)] = e
    out = []
    for e in sorted(chosen.values(), key=lambda e: len(e.wrong), reverse=True):
        words = e.wrong.split()
        body = r"[ \t\u00a0]+".join(re.escape(w) for w in words)
        if e.whole_word:
            body = rf"(?<!\w){body}(?!\w)"
        flags = 0 if e.case_sensitive else re.IGNORECASE
        out.append(_CompiledTypo(e, max(words, key=len).lower(), re.compile(body, flags)))
    return tuple(out)


def _match_case(found: str, right: str) -> str:
    letters = [c for c in found if c.isalpha()]
    if not letters or not right:
        return right
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return right.upper()
    idx = next((i for i, c in enumerate(right) if c.isalpha()), None)
    if idx is None:
        return right
    first = right[idx].upper() if letters[0].isupper() else right[idx].lower()
    return right[:idx] + first + right[idx + 1:]


@functools.cache
def _builtin_matchers():
    return _typo_matchers(builtin_typos())


def find_typos(text: str, extra: Any = None) -> list[Typo]:
    """Known misspellings of fixed terms in ``text``, in order.

    ``extra``: a repository's own entries (a list of :class:`TypoEntry` or of mappings
    ``{wrong, right, whole_word?, case_sensitive?, note?}``, or a mapping with a
    ``typos`` list, e.g. what :func:`typos_from_data` returns); they override built-in
    entries with the same ``wrong``. Matching is on NFC text, on word boundaries, case-
    insensitive unless the entry says otherwise; offsets are into ``text`` as given.
    """
    if not isinstance(text, str) or not text:
        return []
    # the built-in matchers are cached without arguments: hashing the entry tuple on every
    # call cost ~1.8 s over a 10,000-task plan
    matchers = _builtin_matchers() if extra is None else _typo_matchers(builtin_typos() + _entries(extra, "extra"))
    norm, index = _nfc_with_map(text)
    lowered = norm.lower()
    hits: list[tuple[int, int, _CompiledTypo, str]] = []
    for typo in matchers:
        if typo.key not in lowered:  # cheap filter: most texts match no entry at all
            continue
        for m in typo.pattern.finditer(norm):
            hits.append((m.start(), m.end(), typo, m.group()))
    # Longest entry first at a position; a match overlapping an earlier one is dropped.
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    found: list[Typo] = []
    last = 0
    for start, end, typo, matched in hits:
        if start < last:
            continue
        entry = typo.entry
        right = entry.right if entry.case_sensitive else _match_case(matched, entry.right)
        if right == matched:
            continue
        last = end
        if index is not None:
            start, end = index[start], index[end]
        found.append(Typo(start, end, text[start:end], right, entry.note))
    return found


# =========================================================================== spaces


@dataclass(frozen=True)
class SpaceIssue:
    """A spacing problem: replace ``text[start:end]`` with ``replacement``.

    ``kind``: ``double_space``, ``leading_space``, ``trailing_space``,
    ``space_before_punctuation``, ``space_after_parenthesis``, ``missing_space_after``.
    """

    start: int
    end: int
    kind: str
    replacement: str
    message: str


_SP = "[ \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"  # spaces, NBSP; not tabs or line breaks
_SPACE_RUN = re.compile(f"{_SP}+")
# The start of a run that may be a problem (two spaces or more, a space before
# punctuation or a line end, at the start, after "("); the run is then taken whole.
_SPACE_SUSPECT = re.compile(rf"{_SP}(?:{_SP}|(?=[,;.:)\r\n]|\Z))|\A{_SP}|(?<=\(){_SP}")
_MISSING_AFTER = re.compile(r"[,;](?=[^\W\d_])")


def find_space_issues(text: str) -> list[SpaceIssue]:
    """Doubled spaces, a leading or trailing space (of the text, and trailing at line
    ends), a space before , ; . : ) or after (, and a missing space after , ;.

    Not flagged: the "- " of a bullet, a space before an ellipsis ("...", "…"),
    indentation after a line break, tabs (the column separators of pasted tables)."""
    if not isinstance(text, str) or not text:
        return []
    issues: list[SpaceIssue] = []
    done = 0
    for m in _SPACE_SUSPECT.finditer(text):
        a = m.start()
        if a < done:
            continue
        b = done = _SPACE_RUN.match(text, a).end()  # type: ignore[union-attr]
        nxt = text[b] if b < len(text) else ""
        prev = text[a - 1] if a > 0 else ""
        if a == 0:
            issues.append(SpaceIssue(a, b, "leading_space", "", "Thừa khoảng trắng ở đầu."))
        elif nxt in ("", "\n", "\r"):
            issues.append(SpaceIssue(a, b, "trailing_space", "", "Thừa khoảng trắng ở cuối dòng."))
        elif prev in "\n\r":
            continue
        elif nxt in ",;.:)" and not text.startswith("...", b):
            issues.append(
                SpaceIssue(a, b, "space_before_punctuation", "", f"Không đặt khoảng trắng trước dấu “{nxt}”.")
            )
        elif prev == "(":
            issues.append(SpaceIssue(a, b, "space_after_parenthesis", "", "Không đặt khoảng trắng sau dấu “(”."))
        elif b - a >= 2:
            issues.append(SpaceIssue(a, b, "double_space", " ", "Thừa khoảng trắng: chỉ để một dấu cách."))
    for m in _MISSING_AFTER.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        if not (before.isalpha() or before == ")"):
            continue
        issues.append(
            SpaceIssue(m.start(), m.end(), "missing_space_after", m.group() + " ",
                       f"Thiếu khoảng trắng sau dấu “{m.group()}”.")
        )
    issues.sort(key=lambda i: i.start)
    return issues


# =========================================================================== fixes


class _Edit(Protocol):
    start: int
    end: int

    @property
    def replacement(self) -> str: ...


def apply_edits(text: str, edits: Iterable[_Edit]) -> str:
    """Apply non-overlapping edits (anything with ``start``, ``end``, ``replacement``);
    an edit overlapping an earlier one is skipped."""
    out: list[str] = []
    last = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if e.start < last:
            continue
        out.append(text[last:e.start])
        out.append(e.replacement)
        last = e.end
    out.append(text[last:])
    return "".join(out)


def fix_typos(text: str, extra: Any = None) -> str:
    """The text with every known misspelling corrected."""
    return apply_edits(text, find_typos(text, extra))


def fix_spaces(text: str) -> str:
    """The text with every spacing problem fixed ("b ,c" → "b, c": one fix can reveal
    another, so this repeats until nothing changes)."""
    for _ in range(4):
        fixed = apply_edits(text, find_space_issues(text))
        if fixed == text:
            break
        text = fixed
    return text


def fix_text(
    text: str,
    *,
    nfc: bool = True,
    typos: bool = True,
    spaces: bool = True,
    legacy: bool = False,
    extra_typos: Any = None,
) -> str:
    """Apply the chosen fixes in a safe order: legacy decoding (off by default: a guess),
    NFC, typos, spaces. Returns the new text (the same string when nothing changes)."""
    if not isinstance(text, str):
        return text
    if legacy and (found := detect_legacy_encoding(text)) is not None:
        text = found.decoded
    if nfc:
        text = fix_nfc(text)
    if typos:
        text = fix_typos(text, extra_typos)
    if spaces:
        text = fix_spaces(text)
    return text


# =========================================================================== style


@functools.cache
def style_words() -> dict:
    """data/style_words.yaml: the common words of a trích yếu, the fixed terms and their form."""
    from importlib.resources import files

    raw = _safe_load(files("tuyentruyen.data").joinpath("style_words.yaml").read_text("utf-8")) or {}
    return {
        "subject_words": tuple(unicodedata.normalize("NFC", w) for w in raw.get("subject_words") or ()),
        "terms": tuple(unicodedata.normalize("NFC", t["term"]) for t in raw.get("terms") or ()),
    }


_WORD_RE = re.compile(r"[^\W\d_]+")


# --- tone placement: "hoá" (old) and "hóa" (new) ---------------------------------------------


@functools.lru_cache(maxsize=65536)
def tone_key(word: str) -> tuple[str, str] | None:
    """(the word in the new placement, lower case; "old" or "new") for a word whose tone mark can sit
    on either vowel of a final "oa", "oe", "uy" ("hoá"/"hóa", "thuỷ"/"thủy", "Uỷ"/"Ủy"); None for
    every other word. "qu" is a consonant: "quý" has one spelling."""
    from tuyentruyen.vn.text import TONE_SWAP

    low = unicodedata.normalize("NFC", word).lower()
    tail = low[-2:]
    if len(low) >= 3 and low[-3] == "q":
        return None
    if tail in TONE_SWAP:
        return low[:-2] + TONE_SWAP[tail], "old"
    if tail in _new_tails():
        return low, "new"
    return None


@functools.cache
def _new_tails() -> frozenset[str]:
    from tuyentruyen.vn.text import TONE_SWAP

    return frozenset(TONE_SWAP.values())


def other_tone_style(word: str) -> str:
    """word with its tone mark moved to the other vowel ("hoá" ↔ "hóa"), keeping its case."""
    from tuyentruyen.vn.text import TONE_SWAP

    back = {v: k for k, v in TONE_SWAP.items()}
    low = unicodedata.normalize("NFC", word).lower()
    tail = low[-2:]
    swapped = low[:-2] + (TONE_SWAP.get(tail) or back.get(tail, tail))
    return "".join(s.upper() if w.isupper() else s for w, s in zip(word, swapped))


# --- Vietnamese written without its diacritics: "thuong xuyen" ---------------------------------


def _folded_syllable() -> re.Pattern[str]:
    from tuyentruyen.vn.text import fold

    def alts(pattern: str) -> str:
        return "|".join(sorted({fold(a) for a in pattern.split("|")}, key=len, reverse=True))

    return re.compile(rf"(?:{alts(_ONSET)})?(?:{alts(_OPEN_RHYME)}|(?:{alts(_CLOSED_NUCLEUS)})(?:ch|nh|ng|c|m|n|p|t))")


_SKELETON: re.Pattern[str] | None = None


def looks_unaccented(word: str) -> bool:
    """Is an ASCII word a Vietnamese syllable with its diacritics left out ("thuong", "xuyen",
    "truoc": not syllables as written, but "thương", "xuyên", "trước" are)?"""
    global _SKELETON
    if not word.isascii() or not word.isalpha():
        return False
    if _SKELETON is None:
        _SKELETON = _folded_syllable()
    low = word.lower()
    return bool(_SKELETON.fullmatch(low)) and not is_vietnamese_syllable(low)


@dataclass(frozen=True)
class Unaccented:
    """A text written without Vietnamese diacritics: the words that need them."""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def message(self) -> str:
        shown = ", ".join(f"“{w}”" for w in self.words[:3])
        return f"Chữ tiếng Việt viết không dấu ({shown}): văn bản hành chính phải viết đủ dấu."


def find_unaccented(text: str) -> Unaccented | None:
    """Vietnamese typed without diacritics ("thuong xuyen", "truoc ngay 15/3"): a text with no
    letter outside ASCII whose words are Vietnamese syllables once their marks are put back (at
    least two, most of its words), some of them impossible as written. English words, acronyms
    (PCI, CCHC) and Roman numerals do not count."""
    if not isinstance(text, str) or not text.isascii():
        return None
    words = [m for m in _WORD_RE.finditer(text) if not m.group().isupper() and len(m.group()) > 1]
    if len(words) < 2:
        return None
    shaped = [m for m in words if looks_unaccented(m.group()) or is_vietnamese_syllable(m.group())]
    bad = [m for m in words if looks_unaccented(m.group())]
    if not bad or len(shaped) < 2 or len(shaped) < 0.8 * len(words):
        return None
    return Unaccented(bad[0].start(), bad[-1].end(), tuple(dict.fromkeys(m.group() for m in bad)))


# --- "…" left from a template -----------------------------------------------------------------

# a blank: on its own (after a space, "(", "/", a quote) and followed by the end, "/", ")" or a
# lower-case word ("ngày … tháng … năm …"); "Vietnamnet ... (1 chuyên mục" is an ellipsis
_PLACEHOLDER = re.compile(r"(?:^|(?<=[\s(/“\"'\[]))(?:…+|\.{3,})(?:\s*(?:…+|\.{3,}))*"
                          r"(?=\s*$|[/)\]”\"']|\s+[^\W\d_A-ZĐÀ-Ỹ])")


def find_placeholders(text: str) -> list[tuple[int, int]]:
    """Where text holds a blank to fill ("…", "....") standing on its own — the value itself, or
    after a space, "(", "/" and before the end, "/", ")" or a lower-case word ("Số …/KH-UBND",
    "ngày … tháng … năm …", "Luật Tổ chức chính quyền địa phương …") — not the ellipsis that
    closes a list of examples ("Facebook, Zalo...", "Vietnamnet ... (1 chuyên mục)")."""
    if not isinstance(text, str) or ("…" not in text and "..." not in text):
        return []
    return [m.span() for m in _PLACEHOLDER.finditer(text)]


# --- dashes: "-" and "–" in names ----------------------------------------------------------------

DASHES = "-\u2013\u2014"
_NAME_DASH = re.compile(rf"(?<=[^\W\d_])[ \t]*([{DASHES}])[ \t]*(?=[^\W\d_])")


def find_name_dashes(text: str) -> list[tuple[int, str, str]]:
    """Every dash between two words ("Phát thanh - Truyền hình", "kinh tế – xã hội", "PT-TH"): its
    offset, the dash, and a key naming the two words around it (folded), so that the same name
    written with two different dashes can be found. Dashes between numbers ("2021 – 2025") are
    ranges, not names: they are left out."""
    from tuyentruyen.vn.text import fold

    if not isinstance(text, str) or not any(d in text for d in DASHES):
        return []
    out = []
    for m in _NAME_DASH.finditer(text):
        before = _WORD_RE.findall(text[max(0, m.start() - 40):m.start()])
        after = _WORD_RE.match(text, m.end())
        if before and after:
            out.append((m.start(1), m.group(1), fold(f"{before[-1]} {after.group()}")))
    return out


# --- capitals --------------------------------------------------------------------------------


def find_inner_capitals(text: str, words: Iterable[str]) -> list[tuple[int, int, str]]:
    """Common words of a trích yếu written with a capital after a lower-case word ("về việc Phê duyệt",
    "về Tuyên truyền"): (start, end, the word as it should be). A capital after a document type
    ("ban hành Kế hoạch Tuyên truyền…", the name of a document) or within two words of a
    capitalised word (a proper name: "Ban Chỉ đạo Cải cách…") is left alone, as is the first word."""
    from tuyentruyen.vn.citations import doc_type

    if not isinstance(text, str):
        return []
    out = []
    for phrase in words:
        first, _, rest = phrase.partition(" ")
        body = re.escape(first[1:]) + (r"[ \t]+" + r"[ \t]+".join(map(re.escape, rest.split())) if rest else "")
        rx = re.compile(rf"(?<!\w){re.escape(first[0].upper())}{body}(?!\w)")
        for m in rx.finditer(text):
            before = _WORD_RE.findall(text[:m.start()])
            if not before or not before[-1][:1].islower():
                continue
            if any(w[:1].isupper() for w in before[1:][-2:]):
                continue  # inside a proper name ("Ban Chỉ đạo Cải cách hành chính")
            if any(doc_type(" ".join(before[-n:])) for n in (1, 2, 3) if len(before) >= n):
                continue
            out.append((m.start(), m.end(), m.group()[0].lower() + m.group()[1:]))
    return sorted(out)


@dataclass(frozen=True)
class TermUse:
    start: int
    end: int
    written: str
    term: str  # the form of data/style_words.yaml


def find_terms(text: str, terms: Iterable[str]) -> list[TermUse]:
    """Each fixed term written in text, whatever its capitals and diacritics ("Cổng dịch vụ công Quốc
    gia", even "Công dịch vụ công quốc gia", for "Cổng Dịch vụ công quốc gia")."""
    from tuyentruyen.vn.text import fold

    if not isinstance(text, str) or not text:
        return []
    folded = fold(unicodedata.normalize("NFC", text))
    if len(folded) != len(text):  # a character whose fold is longer: offsets would shift
        folded, fold_term = text.lower(), str.lower
    else:
        fold_term = fold
    out: list[TermUse] = []
    for term in terms:
        key = fold_term(term)
        if key.split()[0] not in folded:
            continue
        rx = re.compile(r"(?<!\w)" + r"[ \t]+".join(map(re.escape, key.split())) + r"(?!\w)")
        out.extend(TermUse(m.start(), m.end(), text[m.start():m.end()], term) for m in rx.finditer(folded))
    return sorted(out, key=lambda u: u.start)
