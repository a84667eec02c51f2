"""Line breaking that respects Vietnamese words (ngắt dòng đúng từ tiếng Việt).

A Vietnamese word is often several syllables written apart ("hành chính", "thể thao",
"Ủy ban nhân dân"), so a line may break only *between words*, and a văn thư breaks a
title *between phrases*: after a comma, before "năm", "trên địa bàn", "của", "về"… —
"Về việc ban hành Kế hoạch tuyên truyền cải cách hành chính năm 2023 / trên địa bàn tỉnh
Hà Giang", never "…cải cách hành / chính…".

:func:`break_lines` takes the text, a function that measures a line (the renderer passes
Times New Roman's widths, :mod:`tuyentruyen.render.metrics`) and the width available, and
returns the fewest lines that fit, choosing among the breaks the one that

1. never splits a word of the dictionary (``data/linebreak_vi.txt``: the multi-syllable words
   of the sample plans, the signed originals and the templates, and administrative terms), a
   proper name written with capitals ("Hà Giang", "Hồ Chí Minh"), an administrative unit with
   its name ("tỉnh Hà Giang", "XÃ TÂN PHÚ"), a date ("ngày 19 tháng 12 năm 2022"), "năm 2023",
   "số 233/QĐ-UBND" or a range of years;
2. prefers a phrase boundary (the costs of ``[before]`` in the data file; after a comma
   best), and avoids ending a line with "các", "những"… or with a preposition;
3. keeps the lines about the same width (a title is centred: no long line over a stub).

Pure functions of their input (no file system but the packaged data file, read once).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

FORBIDDEN = 1000.0  # inside a word: only when nothing else fits
WORD_GAP = 3.0  # between two known words, no phrase boundary
UNKNOWN_GAP = 5.0  # between two syllables the dictionary does not know: perhaps one word
DANGLING = 8.0  # right after "các", "của", "về"…: the line would end on a word that leads into the next
BEFORE_DASH = 50.0  # a line never starts with the dash of "Độc lập - Tự do", "Văn hóa - Xã hội"
AFTER_DASH = 0.8
AFTER_PUNCT = {",": 1.0, ";": 0.0, ":": 0.2, ")": 0.6, ".": 0.4}
BEFORE_PAREN = 0.4
BALANCE = 2.5  # weight of the lines' difference from equal width
PYRAMID = 6.0  # weight of a line longer than the one above it
MAX_NAME = 4  # a capitalised run longer than this is not taken as one name

_LEAD = "(\"“‘["
_TRAIL = ",;:.!?)\"”’]…"
_GLUE = re.compile(
    r"ngày(?: \S+ |\x01)tháng(?: \S+ |\x01)năm \S+"  # a date, a draft's blanks included
    r"|(?<!\S)(?:số|năm|quý|tháng|khóa|lần|điều|khoản|mục|phụ lục) [\dIVXLC\x01]\S*"  # "năm 2023", "số 233/…"
    r"|\d{4} ?[-–] ?\d{4}",  # "2021 - 2025"
    re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """The data of :file:`linebreak_vi.txt`: words (as tuples of casefolded syllables), the
    phrase starters with their cost, the words that lean on the next, the unit levels."""

    words: frozenset[tuple[str, ...]]
    longest: int
    before: dict[tuple[str, ...], float]
    attach: frozenset[tuple[str, ...]]
    levels: frozenset[tuple[str, ...]]


def _key(syllable: str) -> str:
    return unicodedata.normalize("NFC", syllable.strip(_LEAD + _TRAIL)).casefold()


def parse_lexicon(text: str) -> Lexicon:
    """The lexicon of a data file in the format of linebreak_vi.txt (sections [words], [before],
    [attach], [levels]; '#' starts a comment; '= cost' after a phrase starter)."""
    words: set[tuple[str, ...]] = set()
    before: dict[tuple[str, ...], float] = {}
    attach: set[tuple[str, ...]] = set()
    levels: set[tuple[str, ...]] = set()
    section = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        line = unicodedata.normalize("NFC", line)
        if section == "before":
            phrase, _, cost = line.partition("=")
            before[tuple(_key(s) for s in phrase.split())] = float(cost) if cost.strip() else 1.0
            continue
        syllables = tuple(_key(s) for s in line.replace(",", " ").split())
        if section == "words" and len(syllables) > 1:
            words.add(syllables)
        elif section == "attach":
            attach.add(syllables)
        elif section == "levels":
            levels.add(syllables)
    longest = max((len(w) for w in words | set(before) | levels), default=1)
    return Lexicon(frozenset(words), longest, before, frozenset(attach), frozenset(levels))


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    from importlib.resources import files

    return parse_lexicon(files("tuyentruyen.data").joinpath("linebreak_vi.txt").read_text("utf-8"))


def _ends_word(token: str) -> bool:
    return token[-1:] in _TRAIL


def _capitalised(token: str) -> bool:
    core = token.lstrip(_LEAD)
    return bool(core) and core[0].isupper()


def gap_costs(tokens: list[str], lex: Lexicon | None = None) -> list[float]:
    """The cost of a line break after each token but the last (len(tokens) - 1 gaps)."""
    lex = lex or lexicon()
    n = len(tokens)
    if n < 2:
        return []
    keys = [_key(t) for t in tokens]
    costs = [WORD_GAP] * (n - 1)
    known = [False] * n  # the token is part of a word, name, number or phrase the lexicon knows
    glued = [False] * (n - 1)

    def glue(a: int, b: int) -> None:  # tokens a..b (inclusive) stay on one line
        for g in range(a, b):
            glued[g] = True
        for t in range(a, b + 1):
            known[t] = True

    def span_ok(a: int, length: int) -> bool:  # no punctuation or dash inside tokens a..a+length-1
        return all(not _ends_word(tokens[t]) and tokens[t] not in ("-", "–") for t in range(a, a + length - 1)) \
            and all(not tokens[t].startswith(tuple(_LEAD)) for t in range(a + 1, a + length))

    # 1. the dictionary: longest match first, left to right
    i = 0
    while i < n:
        step = 1
        for length in range(min(lex.longest, n - i), 1, -1):
            if tuple(keys[i:i + length]) in lex.words and span_ok(i, length):
                glue(i, i + length - 1)
                step = length
                break
        i += step

    # 2. proper names in running text ("Hà Giang", "Hồ Chí Minh") and units with their names
    letters = [c for c in " ".join(tokens) if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    stops = {k[0] for k in lex.before if len(k) == 1} | {k[0] for k in lex.attach if len(k) == 1}
    i = 0
    while i < n:
        level = next((len(lv) for lv in sorted(lex.levels, key=len, reverse=True)
                      if tuple(keys[i:i + len(lv)]) == lv and span_ok(i, len(lv))), 0)
        if all_caps:
            if level:
                j = i + level - 1
                while j + 1 < n and j + 1 - (i + level) < 3 and not _ends_word(tokens[j]) \
                        and keys[j + 1] not in stops and tokens[j + 1] not in ("-", "–") and keys[j + 1]:
                    j += 1
                if j > i + level - 1:
                    glue(i, j)
                    i = j + 1
                    continue
            i += 1
            continue
        start = i + level if level else i
        j = start
        while j < n and _capitalised(tokens[j]) and (j == start or not _ends_word(tokens[j - 1])) \
                and tokens[j] not in ("-", "–"):
            j += 1
        run = j - start
        if (level and run >= 1 and run <= MAX_NAME) or (not level and 2 <= run <= MAX_NAME):
            glue(i, j - 1)
            i = j
            continue
        i += max(1, j - i) if run > MAX_NAME else 1

    # 3. dates, "năm 2023", "số 233/QĐ-UBND", "2021 - 2025"
    text = " ".join(tokens)
    starts = [0]
    for t in tokens[:-1]:
        starts.append(starts[-1] + len(t) + 1)
    for m in _GLUE.finditer(text):
        first = max(k for k in range(n) if starts[k] <= m.start())
        last = max(k for k in range(n) if starts[k] < m.end())
        glue(first, last)

    # 4. phrase boundaries
    for g in range(n - 1):
        left, right = tokens[g], tokens[g + 1]
        if right in ("-", "–"):
            costs[g] = BEFORE_DASH
        elif left in ("-", "–"):
            costs[g] = AFTER_DASH
        elif left[-1:] in AFTER_PUNCT:
            costs[g] = AFTER_PUNCT[left[-1]]
        elif right.startswith("("):
            costs[g] = BEFORE_PAREN
        elif not (known[g] or known[g + 1]):
            costs[g] = UNKNOWN_GAP
    for i in range(n):
        for phrase, cost in lex.before.items():
            k = len(phrase)
            if tuple(keys[i:i + k]) == phrase and span_ok(i, k):
                if i > 0 and costs[i - 1] > cost and not _ends_word(tokens[i - 1]):
                    costs[i - 1] = cost
                for g in range(i, i + k - 1):
                    glued[g] = True
                if i + k - 1 < n - 1 and not _ends_word(tokens[i + k - 1]):
                    costs[i + k - 1] = max(costs[i + k - 1], DANGLING)
        for phrase in lex.attach:
            k = len(phrase)
            if tuple(keys[i:i + k]) == phrase and i + k - 1 < n - 1 and not _ends_word(tokens[i + k - 1]):
                costs[i + k - 1] = max(costs[i + k - 1], DANGLING)
    return [FORBIDDEN if glued[g] else costs[g] for g in range(n - 1)]


def segment(text: str, lex: Lexicon | None = None) -> list[str]:
    """The text cut where a line may break at all: its words and glued phrases, in order."""
    tokens = text.split()
    if not tokens:
        return []
    out = [tokens[0]]
    for tok, cost in zip(tokens[1:], gap_costs(tokens, lex)):
        if cost >= FORBIDDEN:
            out[-1] += " " + tok
        else:
            out.append(tok)
    return out


def break_lines(text: str, measure: Callable[[str], float], limit: float, lex: Lexicon | None = None) -> list[str]:
    """The fewest lines of at most ``limit`` (as ``measure`` counts) that hold ``text``, broken
    between words at the best phrase boundaries, of about equal width, the upper lines not
    shorter than the lower ones (a centred title is an inverted pyramid, or a block).

    Tokens are the text's space-separated pieces; spaces are collapsed. A word wider than the
    limit gets a line of its own (it overflows: nothing is cut)."""
    tokens = text.split()
    if not tokens:
        return [""]
    whole = " ".join(tokens)
    if len(tokens) == 1 or measure(whole) <= limit:
        return [whole]
    gaps = gap_costs(tokens, lex)
    widths = [measure(t) for t in tokens]
    space = measure(" ")
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    n = len(tokens)

    def width(i: int, j: int) -> float:  # tokens i..j-1 on one line
        return prefix[j] - prefix[i] + space * (j - i - 1)

    def fewest(allowed: float) -> int | None:
        """The fewest lines breaking only at gaps cheaper than allowed: each line as long as it
        can be (the furthest allowed break that fits is never worse), or None."""
        lines, start = 0, 0
        while start < n:
            end = None
            for j in range(start + 1, n + 1):
                if width(start, j) > limit and j - start > 1:
                    break
                if j == n or gaps[j - 1] < allowed:
                    end = j
            if end is None:
                return None
            lines, start = lines + 1, end
        return lines

    k = fewest(FORBIDDEN) or fewest(float("inf"))
    if k is None:  # a single word wider than the line: it stands alone
        return tokens
    target = width(0, n) / k

    def cost(starts: list[int]) -> float:
        bounds = starts + [n]
        ws = [width(bounds[i], bounds[i + 1]) for i in range(k)]
        if any(w > limit for w, i in zip(ws, range(k)) if bounds[i + 1] - bounds[i] > 1):
            return float("inf")
        c = sum(gaps[b - 1] for b in starts[1:])
        c += BALANCE * sum(((w - target) / target) ** 2 for w in ws)
        c += PYRAMID * sum(max(0.0, (ws[i + 1] - ws[i]) / target) ** 2 for i in range(k - 1))
        return c

    if k <= 3:  # every way of breaking: the pyramid term needs neighbouring lines
        import itertools

        best = min(([0, *combo] for combo in itertools.combinations(range(1, n), k - 1)), key=cost)
    else:
        best = _dynamic(n, k, gaps, width, limit, target)
    bounds = best + [n]
    return [" ".join(tokens[bounds[i]:bounds[i + 1]]) for i in range(k)]


def _dynamic(n: int, k: int, gaps: list[float], width, limit: float, target: float) -> list[int]:
    """The line starts of the cheapest k-line breaking by gap and balance costs (long texts)."""
    inf = float("inf")
    cost = [inf] * (n + 1)
    cost[0] = 0.0
    back: list[list[int]] = []
    for _line in range(k):
        nxt, where = [inf] * (n + 1), [-1] * (n + 1)
        for j in range(1, n + 1):
            for i in range(j - 1, -1, -1):
                if cost[i] == inf:
                    continue
                w = width(i, j)
                if w > limit and j - i > 1:
                    break
                c = cost[i] + BALANCE * ((w - target) / target) ** 2 + (gaps[i - 1] if i > 0 else 0.0)
                if c < nxt[j]:
                    nxt[j], where[j] = c, i
        cost = nxt
        back.append(where)
    starts, j = [], n
    for line in range(k - 1, -1, -1):
        j = back[line][j]
        starts.append(j)
    return starts[::-1]
