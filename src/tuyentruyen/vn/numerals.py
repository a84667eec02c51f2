"""Numbering in Vietnamese administrative documents (đánh số): I., II.…; 1., 2.…; a), b)… đ)…

Nghị định 30/2020/NĐ-CP, Phụ lục I: sections are numbered in Roman numerals, then Arabic
numbers, then the letters of the Vietnamese alphabet ("a, b, c, d, đ, e…": no f, j, w, z,
and "đ" after "d"). The appendix numbers its groups I, II… and their tasks 1, 2… (or 01, 02…).
"""

from __future__ import annotations

import re

# Vietnamese letters used as item markers: no f, j, w, z; đ after d.
LETTERS: tuple[str, ...] = tuple("a b c d đ e g h i k l m n o p q r s t u v x y".split())

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_ROMAN_RE = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")


def roman(n: int) -> str:
    """1 → I, 4 → IV, 14 → XIV, 40 → XL (any positive number; 0 and below as digits)."""
    if n < 1:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """"XIV" → 14; None when text is not a Roman numeral."""
    s = text.strip().upper()
    if not s or not _ROMAN_RE.match(s):
        return None
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        total += -v if i + 1 < len(s) and values[s[i + 1]] > v else v
    return total


def letter(n: int) -> str:
    """1 → a, 5 → đ, 6 → e, 23 → y, then aa, bb… as clerks continue."""
    if n < 1:
        return str(n)
    k = len(LETTERS)
    return LETTERS[(n - 1) % k] * ((n - 1) // k + 1)


def seq_number(n: int, padded: bool = False) -> str:
    """Row numbers of the appendix: 1, 2… or 01, 02… (padded)."""
    return f"{n:02d}" if padded else str(n)


def task_number(group: int | None, index: int) -> str:
    """How tt names a task of the appendix: "II.3" (3rd task of group II), "3" without groups.

    Both arguments are 0-based indexes, as in the plan's data.
    """
    return f"{roman(group + 1)}.{index + 1}" if group is not None else str(index + 1)


def item_mark(index: int, marker: str) -> str:
    """'b)' for the 2nd item (0-based index 1) of a letter list, '2.' of a number list, 'thứ 2'
    otherwise (dashes and paragraphs have no number of their own)."""
    if marker == "letter":
        return f"{letter(index + 1)})"
    if marker == "number":
        return f"{index + 1}."
    return f"thứ {index + 1}"
