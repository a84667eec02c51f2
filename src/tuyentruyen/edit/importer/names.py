"""Unit names in running text and in cells (tên đơn vị): where one entry names several units.

A cell or a heading often names several units in one line: "Đài Phát thanh - Truyền hình
tỉnh; Báo Quảng Ngãi và các cơ quan thông tấn báo chí", "Các cơ quan, đơn vị, UBND các xã,
thị trấn", "- Văn phòng UBND tỉnh - Sở Thông tin và Truyền thông". :func:`split_units` cuts
such a line where a new unit name begins — after ";", or after ",", " và " or " - " when the
next words open a unit name (data: words.yaml ``unit_heads``) — and never inside a name a
unit registry knows ("Các sở, ban, ngành", "Sở Văn hóa, Thể thao và Du lịch").
"""

from __future__ import annotations

import functools
import re

from tuyentruyen.edit.importer.blocks import words


@functools.cache
def _heads() -> re.Pattern[str]:
    heads = sorted(words()["unit_heads"], key=len, reverse=True)
    return re.compile(r"(?:%s)(?=\s|$|[,;.])" % "|".join(re.escape(h) for h in heads))


def starts_unit(text: str) -> bool:
    """Whether text opens with the first words of a unit name ("Sở …", "UBND …", "các …")."""
    return _heads().match(text.strip()) is not None


def _resolves(index, text: str) -> bool:
    return index is not None and index.resolve(text) is not None


def clean_item(text: str) -> str:
    """A list entry without its list punctuation: "- Sở Nội vụ;" → "Sở Nội vụ" (an ellipsis stays)."""
    t = " ".join(text.split())
    t = re.sub(r"^[-–•+]\s*", "", t)
    t = t.rstrip(" ;,")
    if t.endswith(".") and not t.endswith(".."):
        t = t[:-1].rstrip()
    return t


# where a new unit may begin: "; X", ", X", " và X", " - X" (X checked against the heads)
_CUT = re.compile(r"\s*;\s*|\s*,\s+|\s+và\s+|\s+-\s+")


def split_units(text: str, index=None) -> list[str]:
    """The unit names written in one entry, as written (list punctuation removed)."""
    return split_units_how(text, index)[0]


def split_units_how(text: str, index=None) -> tuple[list[str], bool]:
    """The unit names of one entry, and whether a cut was a guess (at ",", "và", "-": a ";"
    is how every list of units is written, tt's own included)."""
    text = clean_item(text)
    if not text:
        return [], False
    out: list[str] = []
    guessed = False
    for part in re.split(r"\s*;\s*", text):
        got = _split_part(clean_item(part), index)
        guessed = guessed or len(got) > 1
        out.extend(got)
    return out, guessed


def _split_part(text: str, index) -> list[str]:
    if not text:
        return []
    if _resolves(index, text):
        return [text]
    pieces: list[str] = []
    pos = 0
    for m in _CUT.finditer(text):
        rest = text[m.end():]
        sep = m.group()
        left = text[pos:m.start()]
        if ";" in sep:
            cut = True
        elif "và" in sep:
            # "… và các cơ quan …", "các sở, ngành và UBND …": one side is a group; not
            # "Văn phòng HĐND và UBND huyện", "Sở Thông tin và Truyền thông"
            cut = starts_unit(rest) and (rest.startswith("các ") or left.lstrip().lower().startswith("các "))
        elif "-" in sep:
            cut = starts_unit(rest) and starts_unit(left)  # "- Văn phòng UBND tỉnh - Sở …"
        else:
            cut = starts_unit(rest)
        if cut:
            pieces.append(text[pos:m.start()])
            pos = m.end()
    pieces.append(text[pos:])
    pieces = [clean_item(p) for p in pieces if clean_item(p)]
    if index is not None and len(pieces) > 1:
        # put back together what the registry knows as one name
        merged: list[str] = []
        i = 0
        while i < len(pieces):
            for j in range(len(pieces), i + 1, -1):
                joined = _rejoin(text, pieces[i:j])
                if joined and _resolves(index, joined):
                    merged.append(joined)
                    i = j
                    break
            else:
                merged.append(pieces[i])
                i += 1
        pieces = merged
    return pieces


def _rejoin(text: str, parts: list[str]) -> str | None:
    """The stretch of text from the first part to the last, as written."""
    start = text.find(parts[0])
    end_at = text.find(parts[-1], start)
    if start < 0 or end_at < 0:
        return None
    return text[start:end_at + len(parts[-1])]


# a list item begins with "- " at the start or right after the end of the previous item
_ITEM_START = re.compile(r"(?:^|(?<=[;.]))\s*[-–•+]\s+")


def split_list_line(line: str) -> list[str]:
    """'- A;- B; - C.' → ['- A;', '- B;', '- C.']: the entries of a list written on one line;
    a line without list marks stays whole."""
    starts = [m.start() for m in _ITEM_START.finditer(line)]
    if not starts:
        return [line.strip()] if line.strip() else []
    if line[:starts[0]].strip():
        starts = [0] + starts
    out = []
    for a, b in zip(starts, starts[1:] + [len(line)]):
        piece = line[a:b].strip()
        if piece:
            out.append(piece)
    return out
