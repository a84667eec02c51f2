"""Advance widths of Times New Roman, to size table columns and rules without a layout engine.

Widths are in thousandths of an em for the printable ASCII characters and a few
punctuation marks, taken from Liberation Serif 2 (metric-compatible with Times New Roman,
so the numbers are Times New Roman's). A Vietnamese letter is as wide as its base letter
(the marks sit above or below), except the horned ơ ư Ơ Ư which are a little wider.
"""

from __future__ import annotations

import unicodedata

_CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~đĐ–—“”‘’…'
_WIDTHS = {
    "regular": (250,333,408,500,500,833,778,180,333,333,500,564,250,333,250,278,500,500,500,500,500,500,500,500,500,500,278,278,564,564,564,444,921,722,667,667,722,611,556,722,722,333,389,722,611,889,722,722,556,722,667,556,611,722,722,944,722,722,611,333,278,333,469,500,333,444,500,444,500,444,333,500,500,278,278,500,278,778,500,500,500,500,333,389,278,500,500,722,500,500,444,480,200,480,541,500,722,500,1000,444,444,333,333,1000),
    "bold": (250,333,555,500,500,1000,833,278,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,930,722,667,722,722,667,611,778,778,389,500,778,667,944,722,778,611,778,722,556,667,722,722,1000,722,722,667,333,278,333,581,500,333,500,556,444,556,444,333,500,556,278,333,556,278,833,556,500,556,556,444,389,333,556,500,722,500,500,444,394,220,394,520,556,722,500,1000,500,500,333,333,1000),
    "italic": (250,333,420,500,500,833,778,214,333,333,500,675,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,675,675,675,500,920,611,611,667,722,611,611,722,722,333,444,667,556,833,667,722,611,722,611,500,556,722,611,833,611,556,556,389,278,389,422,500,333,500,500,444,500,444,278,500,500,278,278,444,278,722,500,500,500,500,389,389,278,500,444,667,444,444,389,400,275,400,541,500,722,500,889,556,556,333,333,889),
    "bold-italic": (250,389,555,500,500,833,778,278,333,333,500,570,250,333,250,278,500,500,500,500,500,500,500,500,500,500,333,333,570,570,570,500,832,667,667,667,722,667,667,722,778,389,500,667,611,889,722,722,611,722,667,556,611,722,667,889,667,611,611,333,278,333,570,500,333,500,500,444,500,444,333,500,556,278,278,500,278,778,556,500,500,500,389,389,278,556,444,667,500,444,389,348,220,348,570,500,722,500,1000,500,500,333,333,1000),
}

_HORN_EXTRA = {"ơ": 50, "Ơ": 74}
_DEFAULT = 500  # an unknown character: an average letter
MM_PER_PT = 25.4 / 72
AVERAGE_EM = 0.47  # mean advance of Vietnamese running text, for quick estimates


def _table(style: str) -> dict[str, int]:
    table = _TABLES.get(style)
    if table is None:
        table = _TABLES[style] = dict(zip(_CHARS, _WIDTHS[style]))
    return table


_TABLES: dict[str, dict[str, int]] = {}


def _char_width(ch: str, table: dict[str, int]) -> int:
    parts = unicodedata.normalize("NFD", ch)
    base = parts[:1] or ch
    width = table.get(base, _DEFAULT)
    if "\u031b" in parts:  # the horn of ơ ư
        width += _HORN_EXTRA["Ơ" if base.isupper() else "ơ"]
    table[ch] = width  # remembered: the next lookup of this letter is a plain dict hit
    return width


def text_width(text: str, size_pt: float, style: str = "regular") -> float:
    """The printed width of one line of text, in millimetres."""
    table = _table(style)
    total = 0
    get = table.get
    for ch in text:
        w = get(ch)
        total += w if w is not None else _char_width(ch, table)
    return total / 1000 * size_pt * MM_PER_PT


def longest_word_width(text: str, size_pt: float, style: str = "regular") -> float:
    """The width of the longest word (the narrowest a column can be without breaking it)."""
    words = text.split()
    if not words:
        return 0.0
    longest = sorted(words, key=len, reverse=True)[:3]  # by length first: cheap on long cells
    return max(text_width(w, size_pt, style) for w in longest)


def estimate_width(n_chars: int, size_pt: float) -> float:
    """A quick estimate of the width of n characters of running text, in millimetres."""
    return n_chars * AVERAGE_EM * size_pt * MM_PER_PT
